"""A case as a STIX 2.1 bundle, for sharing signals with trust-and-safety and financial partners.

Plain JSON written to the STIX 2.1 specification (no library is needed to write it); the tests
parse it with `stix2` and check it with `stix2-validator` in strict mode.

What is in a bundle (docs/exports.md has the full mapping):

- an `identity` for the filer, and an `identity` (class `individual`) per person in the case;
- observables: `user-account` (platform accounts), `email-addr`, `ipv4-addr`/`ipv6-addr` (from
  live sessions), and the custom SCO `x-tanglaw-payment-account` for bank, remittance, e-wallet,
  card and crypto accounts. STIX 2.1 has no payment-account object, so it is defined by the
  `extension-definition` `EXTENSION_ID` (extension type `new-sco`) carried in every bundle;
- `relationship`s (all `related-to`, the one type strict validation accepts between any two
  objects): person to each of their observables, account to the IPs it used in live sessions,
  and paying account to receiving account, described as "paid: N payment(s), about US$X";
- an `indicator` per identifier (a STIX pattern a partner can run), with the case score as
  `confidence`; a `note` per Tanglaw indicator with its evidence sentence and record ids;
- a `grouping` (context `suspicious-activity`) for the case that references everything.

Victims are left out entirely: no identity, observable, indicator or note of theirs, no payment
flow from or to their accounts, no record id of a payment or session of theirs, and every one of
their names, ids and identifiers is replaced by `[withheld]` in the text that remains (evidence
sentences, the case title). A bundle is for partners; a victim is not a signal to share.

An e-mail address goes into an `email-addr` only when it is a plain ASCII address (STIX and its
validator accept nothing else); any other (`bjørn.holm@mail.com`, `a@b`) is kept as text in the
person's `contact_information`. Every bundle written passes `stix2-validator` in strict mode.

Every object is marked TLP:AMBER. Ids of observables are the deterministic UUIDv5 ids the
specification defines, so two partners exporting the same identifier produce the same id; other
ids are UUIDv4 in form (as strict validation requires) with bits drawn from a hash of the case
facts, so re-exporting a case gives the same ids.
Never put media in a bundle: only identifiers, hashes and text.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from .casedata import CaseData, Member
from .people import best_name, plain_email
from .settings import ReporterSettings
from .xmlbuild import xs_datetime

#: the namespace STIX 2.1 (section 2.9) fixes for deterministic SCO ids
SCO_NAMESPACE = uuid.UUID("00abedb4-aa42-466c-9c01-fed23315a9b7")
TLP_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"
EXTENSION_ID = "extension-definition--a9d71ba1-cfb5-494f-816d-497b8cfa9d0b"
PAYMENT_ACCOUNT = "x-tanglaw-payment-account"
PAYMENT_KINDS = frozenset({"bank", "remittance", "ewallet", "card", "crypto", "merchant"})
#: session IPs shared per account at most
MAX_IPS = 10
_CREATED = "2026-01-01T00:00:00.000Z"


def _ts(value: datetime | None) -> str:
    stamp = (value or datetime.now(UTC)).astimezone(UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def sco_id(kind: str, contributing: dict[str, Any]) -> str:
    """The deterministic id of a SCO from its id-contributing properties (STIX 2.1, 2.9)."""
    canon = json.dumps(contributing, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{kind}--{uuid.uuid5(SCO_NAMESPACE, canon)}"


def sdo_id(kind: str, *parts: str) -> str:
    """A UUIDv4-form id whose random bits come from a hash of the parts: exporting the same case
    again gives the same ids, so a partner's store updates objects instead of duplicating them."""
    digest = hashlib.sha256("|".join(("tanglaw", kind, *parts)).encode()).digest()
    return f"{kind}--{uuid.UUID(bytes=digest[:16], version=4)}"


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


WITHHELD = "[withheld]"


class _Scrub:
    """Remove every identifier of the case's victims from text meant for partners."""

    def __init__(self, case: CaseData) -> None:
        values: set[str] = set(case.victim_entities)
        for m in case.members:
            if m.entity_id in case.victim_entities:
                values.update(
                    v
                    for v in (m.account_id, m.party_id, m.name, m.username, m.display_name, m.email, m.phone)
                    if v and v.strip()
                )
        for e in case.victims:
            values.update(n for n in e.names if n.strip())
        self.accounts = case.victim_accounts
        self.records = {p.txn_id for p in case.payments if {p.sender, p.receiver} & self.accounts} | {
            s.session_id
            for s in case.sessions
            if s.host_account_id in self.accounts or s.viewer_account_id in self.accounts
        }
        parts = sorted((v.strip() for v in values), key=len, reverse=True)
        self.pattern = (
            re.compile("(?<![\\w])(?:" + "|".join(re.escape(v) for v in parts) + ")(?![\\w])", re.IGNORECASE)
            if parts
            else None
        )

    def text(self, value: str) -> str:
        return self.pattern.sub(WITHHELD, value) if self.pattern else value


def extension_definition(creator: str) -> dict[str, Any]:
    """The `extension-definition` that defines `x-tanglaw-payment-account` (a new SCO)."""
    return {
        "type": "extension-definition",
        "spec_version": "2.1",
        "id": EXTENSION_ID,
        "created_by_ref": creator,
        "created": _CREATED,
        "modified": _CREATED,
        "name": "Tanglaw payment account",
        "description": (
            "A payment account as a STIX Cyber-observable: a bank, remittance, e-wallet, card, "
            "crypto or merchant account. Properties: account_number (the institution's account "
            "identifier, required), provider (the institution or service holding it), account_kind "
            "(bank, remittance, ewallet, card, crypto, merchant), country (ISO 3166-1 alpha-2). "
            "Deterministic id from provider and account_number."
        ),
        "schema": "https://example.com/tanglaw/docs/exports.md#x-tanglaw-payment-account",
        "version": "1.0.0",
        "extension_types": ["new-sco"],
        "object_marking_refs": [TLP_AMBER],
    }


class _Bundle:
    def __init__(self, case: CaseData, settings: ReporterSettings, now: datetime) -> None:
        self.case = case
        self.now = _ts(now)
        self.objects: dict[str, dict[str, Any]] = {}
        self.creator = sdo_id("identity", "filer", settings.organisation)
        self.add(
            {
                "type": "identity",
                "id": self.creator,
                "name": settings.organisation,
                "identity_class": "organization",
                "contact_information": settings.email,
            }
        )

    def add(self, obj: dict[str, Any]) -> str:
        base: dict[str, Any] = {"type": obj["type"], "spec_version": "2.1", "id": obj["id"]}
        if not obj["type"].endswith("-addr") and obj["type"] not in ("user-account", PAYMENT_ACCOUNT):
            base.update({"created": self.now, "modified": self.now})
            if obj["id"] != getattr(self, "creator", None):
                base["created_by_ref"] = self.creator
        base.update(obj)
        base["object_marking_refs"] = [TLP_AMBER]
        self.objects.setdefault(obj["id"], base)
        return str(obj["id"])

    def relate(self, source: str, rel: str, target: str, **extra: Any) -> None:
        self.add(
            {
                "type": "relationship",
                "id": sdo_id("relationship", source, rel, target),
                "relationship_type": rel,
                "source_ref": source,
                "target_ref": target,
                **extra,
            }
        )

    def indicator(self, name: str, pattern: str) -> None:
        self.add(
            {
                "type": "indicator",
                "id": sdo_id("indicator", self.case.case_id, pattern),
                "name": name,
                "description": (
                    f"Identifier in Tanglaw case {self.case.case_id} (priority {self.case.priority}). "
                    "A lead for review, not proof."
                ),
                "indicator_types": ["anomalous-activity"],
                "pattern": pattern,
                "pattern_type": "stix",
                "valid_from": _ts(self.case.first_seen),
                "confidence": min(max(round(self.case.score * 100), 0), 100),
            }
        )

    # ---- observables -----------------------------------------------------------------------
    def account(self, m: Member) -> str | None:
        if m.kind == "platform" or (m.username and m.kind not in PAYMENT_KINDS):
            props: dict[str, Any] = {"user_id": m.account_id}
            if m.username:
                props["account_login"] = m.username
            oid = sco_id("user-account", props)
            self.add(
                {
                    "type": "user-account",
                    "id": oid,
                    **props,
                    **({"display_name": m.display_name} if m.display_name else {}),
                }
            )
            login = m.username or m.account_id
            field = "account_login" if m.username else "user_id"
            self.indicator(f"{m.source} account {login}", f"[user-account:{field} = '{_quote(login)}']")
            return oid
        if m.kind in PAYMENT_KINDS or m.kind is None:
            props = {"account_number": m.account_id}
            if m.source:
                props["provider"] = m.source
            # a UUIDv4-form id from the same properties: strict validators do not know this type is an
            # SCO and require v4 ids for every object type they do not know
            oid = sdo_id(PAYMENT_ACCOUNT, m.source or "", m.account_id)
            self.add(
                {
                    "type": PAYMENT_ACCOUNT,
                    "id": oid,
                    **props,
                    **({"account_kind": m.kind} if m.kind else {}),
                    **({"country": m.country} if m.country else {}),
                    "extensions": {EXTENSION_ID: {"extension_type": "new-sco"}},
                }
            )
            self.indicator(
                f"{m.kind or 'payment'} account {m.account_id}",
                f"[{PAYMENT_ACCOUNT}:account_number = '{_quote(m.account_id)}']",
            )
            return oid
        return None

    def email(self, value: str) -> str:
        oid = sco_id("email-addr", {"value": value})
        self.add({"type": "email-addr", "id": oid, "value": value})
        self.indicator(f"email {value}", f"[email-addr:value = '{_quote(value)}']")
        return oid

    def ip(self, value: str) -> str | None:
        try:
            addr = ipaddress.ip_address(value.strip())
        except ValueError:
            return None
        if "%" in str(addr):  # a scoped IPv6 address is not a STIX value
            return None
        value, kind = str(addr), f"ipv{addr.version}-addr"
        oid = sco_id(kind, {"value": value})
        self.add({"type": kind, "id": oid, "value": value})
        return oid


def stix_bundle(case: CaseData, settings: ReporterSettings, *, now: datetime | None = None) -> dict[str, Any]:
    """The case as a STIX 2.1 bundle (a JSON-ready dict)."""
    b = _Bundle(case, settings, now or datetime.now(UTC))
    b.objects[EXTENSION_ID] = extension_definition(b.creator)
    by_entity: dict[str, list[Member]] = defaultdict(list)
    for m in case.members:
        by_entity[m.entity_id].append(m)
    account_ref: dict[str, str] = {}
    ips: dict[str, dict[str, None]] = defaultdict(dict)
    for s in sorted(case.sessions, key=lambda s: s.started_at, reverse=True):
        if s.host_ip:
            ips[s.host_account_id].setdefault(s.host_ip, None)
        if s.viewer_account_id and s.viewer_ip:
            ips[s.viewer_account_id].setdefault(s.viewer_ip, None)
    scrub = _Scrub(case)
    for ent in case.subjects:  # never a victim: see the module's docstring
        members = by_entity.get(ent.entity_id, [])
        emails = sorted({m.email.strip() for m in members if m.email and m.email.strip()})
        plain = sorted({e.lower() for e in emails if plain_email(e)})
        other = [e for e in emails if not plain_email(e)]
        person = b.add(
            {
                "type": "identity",
                "id": sdo_id("identity", case.case_id, ent.entity_id),
                "name": best_name([m.name for m in members]) or ent.label or ent.entity_id,
                "identity_class": "individual",
                **({"roles": [ent.role]} if ent.role else {}),
                "description": f"{ent.role or 'member'} in Tanglaw case {case.case_id} (score {ent.score:.2f})",
                **(
                    {
                        "contact_information": "e-mail on record (not an address STIX accepts): "
                        + ", ".join(other)
                    }
                    if other
                    else {}
                ),
            }
        )
        for m in members:
            ref = b.account(m)
            if ref:
                account_ref[m.account_id] = ref
                b.relate(person, "related-to", ref, description="holds this account")
            for ip in list(ips.get(m.account_id, {}))[:MAX_IPS]:
                ip_ref = b.ip(ip)
                if ip_ref and ref:
                    b.relate(ref, "related-to", ip_ref, description="used in live sessions")
        for email in plain:
            b.relate(person, "related-to", b.email(email), description="contact email on record")
    flows: dict[tuple[str, str], list[float]] = defaultdict(list)
    for p in case.payments:
        flows[(p.sender, p.receiver)].append(p.amount_usd or 0.0)
    for (payer, payee), amounts in sorted(flows.items()):
        if payer in account_ref and payee in account_ref:
            b.relate(
                account_ref[payer],
                "related-to",
                account_ref[payee],
                description=f"paid: {len(amounts)} payment(s), about US${sum(amounts):,.2f} in total",
            )
    for ind in case.indicators:
        if case.indicator_role(ind) == "victim":
            continue
        refs = [account_ref[ind.account_id]] if ind.account_id in account_ref else []
        refs.append(sdo_id("identity", case.case_id, ind.entity_id or ""))
        refs = [r for r in refs if r in b.objects]
        if not refs:  # a note must refer to something; an indicator on no shared object is not shared
            continue
        shown = [r for r in ind.record_ids if r not in scrub.records]
        withheld = len(ind.record_ids) - len(shown)
        content = scrub.text(ind.evidence)
        if shown:
            content += f"\nRecord ids: {';'.join(shown)}"
        if withheld:
            content += f"\n{withheld} record id(s) withheld: they involve a victim."
        b.add(
            {
                "type": "note",
                "id": sdo_id("note", ind.indicator_id),
                "abstract": f"{ind.code} ({ind.role}, weight {ind.weight:.2f})",
                "content": content or ind.code,
                "object_refs": refs,
            }
        )
    refs = [oid for oid in b.objects if oid != EXTENSION_ID]
    b.add(
        {
            "type": "grouping",
            "id": sdo_id("grouping", case.case_id),
            "name": f"Tanglaw case {case.case_id}: {scrub.text(case.title)}",
            "description": (
                f"Priority {case.priority}, score {case.score:.2f}; activity "
                f"{xs_datetime(case.first_seen)} to {xs_datetime(case.last_seen)}. Signals are leads, not "
                "proof: review them before acting."
            ),
            "context": "suspicious-activity",
            "object_refs": refs,
        }
    )
    return {
        "type": "bundle",
        "id": sdo_id("bundle", case.case_id, b.now),
        "objects": list(b.objects.values()),
    }


def stix_json(case: CaseData, settings: ReporterSettings, *, now: datetime | None = None) -> bytes:
    return (json.dumps(stix_bundle(case, settings, now=now), indent=2, ensure_ascii=False) + "\n").encode()
