"""A case as a UNODC goAML suspicious transaction report (STR), for the FIU's schema version.

goAML's element names are shared, but each FIU publishes its own XSD with its own lookup codes
(transmission modes, funds types, account types, indicators) and its own patterns. A
`GoamlProfile` holds what differs; two ship, each validated in the tests against the XSD it
names:

- `5.0.2`: the goAML 5.0.2 schema (XSD 1.1) as kept by `Vyttah/goAML` (a UAE-style code list);
- `2.0`: the goAML "Version 2.0" schema of `KasunHewagamaDFCC/GOAML_Validator` (a Sri Lankan bank's).

Each cited payment of the case becomes one `<transaction>` with a `t_from` and a `t_to` side
holding the sending and receiving account (`t_account`, with the owner as `signatory`). The
parties are written as third parties (not `*_my_client`): Tanglaw pools records from several
institutions and cannot know which are the filer's own customers. Amounts are converted to
`currency_code_local` with the run's exchange rates; the original amount travels in
`*_foreign_currency`. Times are UTC. The `reason` is the case narrative.

A victim is never a party: their account keeps its place in the transaction (the payment
happened) but names no owner (`signatory` left out, `account_name` withheld where required), and
its comment says it is a likely victim's; the narrative names them under VICTIMS.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime

from ..errors import TanglawError
from .casedata import CaseData, Member, Payment
from .people import ascii_fold, best_name, keep_chars, phone_text, split_name
from .settings import PLACEHOLDER_RENTITY_ID, ReporterSettings
from .xmlbuild import child, group, to_bytes, xs_datetime

#: the account name written for a victim's account where the schema requires one
VICTIM_ACCOUNT_NAME = "withheld - likely victim"
_EMAIL = re.compile(r"[_a-zA-Z0-9+-]+(\.[_a-zA-Z0-9+-]+)*@[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)*\.[a-zA-Z]{2,15}")


@dataclass(frozen=True)
class GoamlProfile:
    """What one FIU's goAML schema wants that another's does not."""

    version: str
    #: the XSD the tests validate against (file name under shared/external/xsd)
    xsd: str
    xsd_version: str
    has_schema_version: bool
    report_code: str
    #: channel → transmode_code / funds code; key "" is the fallback
    transmode: dict[str, str]
    funds_from: dict[str, str]
    funds_to: dict[str, str]
    account_types: dict[str, str]
    #: the element naming the institution inside t_account: institution_code or swift
    institution_element: str
    placeholder_institution: str
    #: typology → indicator code, and the code always added
    indicators: dict[str, str]
    base_indicator: str
    name_chars: str
    last_name_chars: str
    account_chars: str
    min_name: int
    min_account: int
    ascii_only: bool
    max_text: int
    contact_type: str
    communication_type: str
    transmode_comment: bool
    account_name_required: bool
    foreign_rate_required: bool


PROFILES: dict[str, GoamlProfile] = {
    "5.0.2": GoamlProfile(
        version="5.0.2",
        xsd="goaml-5.0.2.xsd",
        xsd_version="1.1",
        has_schema_version=True,
        report_code="STR",
        transmode={
            "remittance": "ELCFT",
            "bank_transfer": "SWIFT",
            "ewallet": "MB",
            "card": "CCD",
            "crypto": "DAWLT",
            "gift_card": "PPCD",
            "cash_pickup": "OCT",
            "": "-",
        },
        funds_from={"card": "CRTCR", "crypto": "CRPTC", "": "ELCFT"},
        funds_to={"card": "CRTCR", "crypto": "CRPTC", "cash_pickup": "CASH", "": "ELCFT"},
        account_types={
            "bank": "B",
            "remittance": "MNMSB",
            "ewallet": "FDWLT",
            "card": "PREPD",
            "crypto": "CRYWT",
            "merchant": "A",
            "": "-",
        },
        institution_element="institution_code",
        placeholder_institution="UNKNOWN",
        indicators={
            "FIN_CONSUMER_REMITTER": "FOWNB",
            "FIN_FACILITATOR_COLLECTOR": "CSAM1",
            "FIN_SHARED_BENEFICIARY": "CSAM1",
            "FIN_PAYER_BENEFICIARY": "CSAM1",
            "FIN_PAYERS_OF_HOUSEHOLDS": "CSAM1",
        },
        base_indicator="CSAM1",
        name_chars="a-zA-Z0-9 .'-",
        last_name_chars="a-zA-Z0-9 .'-",
        account_chars="\\S ",
        min_name=1,
        min_account=1,
        ascii_only=False,
        max_text=8000,
        contact_type="PRIVT",
        communication_type="M",
        transmode_comment=True,
        account_name_required=True,
        foreign_rate_required=False,
    ),
    "2.0": GoamlProfile(
        version="2.0",
        xsd="goaml-2.0.xsd",
        xsd_version="1.0",
        has_schema_version=False,
        report_code="STR",
        transmode={
            "remittance": "AGNT",
            "bank_transfer": "INTR",
            "ewallet": "MBWL",
            "card": "POS",
            "crypto": "OTH",
            "gift_card": "OTH",
            "cash_pickup": "AGNT",
            "": "-",
        },
        funds_from={"ewallet": "MOBL", "card": "CDEB", "crypto": "VRTL", "gift_card": "OTH", "": "ELEC"},
        funds_to={
            "ewallet": "MOBL",
            "card": "CDEB",
            "crypto": "VRTL",
            "gift_card": "OTH",
            "cash_pickup": "CASH",
            "": "ELEC",
        },
        account_types={
            "bank": "CRNT",
            "remittance": "OTH",
            "ewallet": "MOBW",
            "card": "CRCD",
            "crypto": "DIGW",
            "merchant": "OTH",
            "": "-",
        },
        institution_element="swift",
        placeholder_institution="0000",
        indicators={},
        base_indicator="OTH",
        name_chars="A-Za-z ",
        last_name_chars="A-Za-z",
        account_chars="A-Za-z0-9|_/\\-",
        min_name=2,
        min_account=3,
        ascii_only=True,
        max_text=4000,
        contact_type="PRVT",
        communication_type="MOPH",
        transmode_comment=False,
        account_name_required=False,
        foreign_rate_required=True,
    ),
}


@dataclass
class GoamlResult:
    xml: bytes
    #: what had to be filled in or changed to fit the schema; print these for the filer
    warnings: list[str]


class _Writer:
    def __init__(self, case: CaseData, settings: ReporterSettings, profile: GoamlProfile) -> None:
        self.case = case
        self.settings = settings
        self.p = profile
        self.warnings: list[str] = []
        self.local = settings.currency_code_local.upper()
        self._placeholder_sources: set[str] = set()
        if self.local not in case.fx and any(pay.currency != self.local for pay in case.payments):
            raise TanglawError(
                f"goAML: no exchange rate for the local currency {self.local} in this run; "
                "add it to the bundle's fx_rates or set goaml.currency_code_local"
            )

    # ---- text that fits the schema -----------------------------------------------------------
    def text(self, value: str, limit: int | None = None) -> str:
        limit = limit or self.p.max_text
        if self.p.ascii_only:
            value = re.sub(r"[^ -~\s]", "", ascii_fold(value))
        if len(value) > limit:
            value = value[: limit - 1] + "…" if not self.p.ascii_only else value[: limit - 3] + "..."
        return value

    def name_part(self, value: str, chars: str) -> str:
        part = keep_chars(value, chars)
        return part if len(part) >= self.p.min_name else ""

    # ---- pieces ------------------------------------------------------------------------------
    def person(self, parent: ET.Element, tag: str, members: list[Member]) -> None:
        first, last = split_name(best_name([m.name for m in members]))
        first, last = self.name_part(first, self.p.name_chars), self.name_part(last, self.p.last_name_chars)
        if not first or not last:
            return
        el = group(parent, tag)
        gender = next((m.gender for m in members if m.gender in ("f", "m")), None)
        child(el, "gender", gender.upper() if gender else None)
        child(el, "first_name", first[:100])
        child(el, "last_name", last[:100])
        dob = next((m.birth_date for m in members if m.birth_date), None)
        child(el, "birthdate", dob.strftime("%Y-%m-%dT00:00:00") if dob else None)
        child(el, "residence", next((m.party_country for m in members if m.party_country), None))
        phone = next((phone_text(m.phone) for m in members if m.phone and phone_text(m.phone)), None)
        if phone:
            ph = group(group(el, "phones"), "phone")
            child(ph, "tph_contact_type", self.p.contact_type)
            child(ph, "tph_communication_type", self.p.communication_type)
            child(ph, "tph_number", phone[:50])
        email = next(
            (m.email.strip() for m in members if m.email and _EMAIL.fullmatch(m.email.strip())), None
        )
        child(el, "email", email)

    def institution(self, source: str | None) -> str:
        src = source or ""
        code = self.settings.institutions.get(src)
        if code:
            return code
        if src not in self._placeholder_sources:
            self._placeholder_sources.add(src)
            self.warnings.append(
                f"institution code for source {src or '(unknown)'!r} is the placeholder "
                f"{self.p.placeholder_institution!r}; set [goaml.institutions] in the settings file"
            )
        if self.p.institution_element == "institution_code" and src:
            return src[:50]
        return self.p.placeholder_institution

    def account(self, parent: ET.Element, tag: str, account_id: str) -> None:
        m = self.case.member(account_id)
        victim = account_id in self.case.victim_accounts
        el = group(parent, tag)
        source = m.source if m else None
        child(el, "institution_name", keep_chars(source or "unknown institution", "A-Za-z0-9 ._()-")[:255])
        child(el, self.p.institution_element, self.institution(source))
        number = keep_chars(account_id, self.p.account_chars).replace(" ", "-")
        changed = number != account_id or len(number) < self.p.min_account
        if len(number) < self.p.min_account:
            number = number.rjust(self.p.min_account, "0")
        child(el, "account", number[:50])
        # a victim's account names no owner: no signatory, no name; the narrative (reason) names them
        # as a victim, never as a party to report
        owners = self.case.accounts_of(m.entity_id) if m and not victim else []
        owner = best_name([o.name for o in owners]) or ""
        if self.p.account_name_required:
            name = (
                VICTIM_ACCOUNT_NAME
                if victim
                else keep_chars(owner, self.p.name_chars)
                or keep_chars(account_id, self.p.name_chars)
                or "unknown"
            )
            child(el, "account_name", name[:255])
        kind = (m.kind if m else None) or ""
        child(el, "personal_account_type", self.p.account_types.get(kind, self.p.account_types[""]))
        if owners:
            sig = group(el, "signatory")
            self.person(sig, "t_person", owners)
            if len(sig) == 0:
                el.remove(sig)
        child(el, "opened", xs_datetime(m.opened_at, offset=False) if m else None)
        notes = [f"Tanglaw account id: {account_id}"] if changed else []
        if victim:
            notes.append(
                "account of a likely victim: a person harmed, not a subject of this report; the reason "
                "names them as a victim and the filer holds their details"
            )
        elif m:
            notes.append(f"{m.kind or 'unknown'} account at {m.source}; role in the case: {m.role}")
        else:
            notes.append("account outside the case's members (counterparty)")
        child(el, "comments", self.text("; ".join(notes)))

    def side(self, tx: ET.Element, direction: str, pay: Payment) -> None:
        prefix = "from" if direction == "from" else "to"
        side = group(tx, f"t_{prefix}")
        funds = self.p.funds_from if direction == "from" else self.p.funds_to
        child(side, f"{prefix}_funds_code", funds.get(pay.channel or "", funds[""]))
        if pay.currency != self.local:
            fc = group(side, f"{prefix}_foreign_currency")
            child(fc, "foreign_currency_code", pay.currency)
            child(fc, "foreign_amount", f"{pay.amount:.2f}")
            local = self.local_amount(pay)
            if local is not None and pay.amount:
                child(fc, "foreign_exchange_rate", f"{local / pay.amount:.6f}")
            elif self.p.foreign_rate_required:
                child(fc, "foreign_exchange_rate", "0")
        self.account(side, f"{prefix}_account", pay.sender if direction == "from" else pay.receiver)
        country = pay.sender_country if direction == "from" else pay.receiver_country
        child(side, f"{prefix}_country", country or "-")

    def local_amount(self, pay: Payment) -> float | None:
        if pay.currency == self.local:
            return pay.amount
        if pay.amount_usd is None or self.local not in self.case.fx:
            return None
        return pay.amount_usd / self.case.fx[self.local]

    def transaction(self, root: ET.Element, pay: Payment) -> None:
        tx = group(root, "transaction")
        child(tx, "transactionnumber", pay.txn_id[:50])
        child(tx, "internal_ref_number", pay.txn_id[:50])
        child(tx, "transaction_location", pay.source)
        what = f"{pay.channel or 'payment'} of {pay.amount:.2f} {pay.currency} from {pay.sender} to {pay.receiver}"
        if pay.reference:
            what += f"; reference: {pay.reference}"
        tx_desc = group(tx, "transaction_description")
        tx_desc.text = self.text(what, 4000)
        child(tx, "date_transaction", xs_datetime(pay.ts, offset=False))
        child(tx, "transmode_code", self.p.transmode.get(pay.channel or "", self.p.transmode[""]))
        if self.p.transmode_comment:
            child(tx, "transmode_comment", "C" if pay.channel == "cash_pickup" else "E")
        local = self.local_amount(pay)
        if local is None:
            self.warnings.append(f"{pay.txn_id}: no exchange rate for {pay.currency}; amount_local is 0")
        child(tx, "amount_local", f"{(local or 0.0):.2f}")
        self.side(tx, "from", pay)
        self.side(tx, "to", pay)

    def indicators(self) -> list[str]:
        codes = {self.settings.indicators.get("*", self.p.base_indicator)}
        for typ in self.case.typologies:
            code = self.settings.indicators.get(typ) or self.p.indicators.get(typ)
            if code:
                codes.add(code)
        return sorted(codes)

    def report(self, now: datetime, reason: str) -> bytes:
        s = self.settings
        root = ET.Element("report")
        if self.p.has_schema_version:
            child(root, "schema_version", self.p.version)
        child(root, "rentity_id", str(s.rentity_id or PLACEHOLDER_RENTITY_ID))
        child(root, "rentity_branch", s.rentity_branch)
        child(root, "submission_code", "E")
        child(root, "report_code", self.p.report_code)
        child(root, "entity_reference", self.case.case_id)
        child(root, "submission_date", xs_datetime(now, offset=False))
        child(root, "currency_code_local", self.local)
        if s.reporting_user_code and self.p.has_schema_version:
            child(root, "reporting_user_code", s.reporting_user_code)
        else:
            rp = group(root, "reporting_person")
            first = self.name_part(s.first_name, self.p.name_chars) or "Compliance"
            last = self.name_part(s.last_name, self.p.last_name_chars) or "Officer"
            child(rp, "first_name", first)
            child(rp, "last_name", last)
            if _EMAIL.fullmatch(s.email):
                child(rp, "email", s.email)
            child(rp, "occupation", "Compliance")
        reason_el = group(root, "reason")
        reason_el.text = self.text(reason)
        action = group(root, "action")
        action.text = self.text(
            "Prepared with Tanglaw for the FIU; accounts under review by the filer. Amounts in "
            f"{self.local} converted with the run's exchange rates; times are UTC."
        )
        if not self.case.payments:
            raise TanglawError(f"goAML: case {self.case.case_id} cites no transactions to report")
        for pay in self.case.payments:
            self.transaction(root, pay)
        inds = group(root, "report_indicators")
        for code in self.indicators():
            child(inds, "indicator", code)
        return to_bytes(root)


def goaml_report(
    case: CaseData,
    settings: ReporterSettings,
    *,
    reason: str,
    version: str = "5.0.2",
    now: datetime | None = None,
) -> GoamlResult:
    """The case as a goAML STR for the schema `version` (a key of `PROFILES`)."""
    if version not in PROFILES:
        raise TanglawError(f"goAML: unknown schema version {version!r}; known: {', '.join(PROFILES)}")
    w = _Writer(case, settings, PROFILES[version])
    if "goaml.rentity_id" in settings.placeholders:
        w.warnings.append("rentity_id is the placeholder 1; set goaml.rentity_id in the settings file")
    xml = w.report(now or datetime.now(UTC), reason)
    return GoamlResult(xml, w.warnings)
