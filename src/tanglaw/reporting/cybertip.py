"""A case as an NCMEC CyberTipline `<report>` (and `<fileDetails>` for live-session media).

Written to the element order of NCMEC's published XSD (`ncmec-cybertipline.xsd`, docs dated
2025-06-11) and validated against it in the tests. Mapping, in short (docs/exports.md has it all):

- `incidentSummary/incidentType` is *Child Sex Trafficking*: a Tanglaw case is a network of
  payers and facilitators, which is how live-streamed abuse for pay is reported;
  `escalateToHighPriority` carries the priority reason of a P1 case;
  `incidentDateTime` is the latest activity of the case.
- one `internetDetails/chatImIncident` per live-streaming platform the members used, with the
  session counts; this is where "live streaming" is said for the report as a whole;
- one `personOrUserReported` per person in the case (facilitators first), with their KYC facts,
  their platform account as `espIdentifier`/`screenName`, session IPs and device ids as
  `ipCaptureEvent`/`deviceId`, the case id as `groupIdentifier` (an organised network), and each
  payment account as `associatedAccount type="Billing"`.
- one `victim` per person the case names as a victim (never a `personOrUserReported`): the
  `victimPerson` with name, date of birth and age, their platform account, estimated location
  and payment accounts, and the victim indicators in `additionalInfo`. Their phones, e-mails,
  home address, IPs and device ids are left out (the filer holds them and gives them on request);
- each media hash seen in a live session becomes a `<fileDetails>` document annotated
  `liveStreaming` (NCMEC's annotation for content streamed live). NCMEC only accepts file
  details for a file uploaded to the report, so these carry `reportId` 0 and the hash as
  `fileId`: the platform that holds the file fills in both after `/upload`.

Tanglaw never holds media, so no file is attached and `fileViewedByEsp` is never claimed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass

from .casedata import CaseData, Entity, LiveSession, MediaItem, Member
from .people import age_on, best_name, phone_text, split_name
from .settings import ReporterSettings
from .xmlbuild import bool_text, child, group, to_bytes, xs_date, xs_datetime

INCIDENT_TYPE = "Child Sex Trafficking"
#: account kinds that move money: reported as `associatedAccount type="Billing"`
PAYMENT_KINDS = frozenset({"bank", "remittance", "ewallet", "card", "crypto", "merchant"})
#: IP and device captures listed per reported person at most (the most recent)
MAX_CAPTURES = 10
_HASH_TYPES = {"md5": "MD5", "sha256": "SHA256", "pdq": "PDQ", "vpdq": "vPDQ"}


def _person(parent: ET.Element, tag: str, members: list[Member]) -> None:
    """A `person` element from the first non-empty facts among an entity's party records."""
    name = best_name([m.name for m in members])
    if not name:
        return
    el = group(parent, tag)
    first, last = split_name(name)
    child(el, "firstName", first)
    child(el, "lastName", last)
    for phone in sorted({phone_text(m.phone) for m in members if m.phone} - {""}):
        child(el, "phone", phone)
    for email in sorted({m.email.strip() for m in members if m.email and "@" in m.email}):
        child(el, "email", email)
    addr = next((m for m in members if m.address or m.city), None)
    if addr:
        a = group(el, "address", type="Home")
        child(a, "address", addr.address)
        child(a, "city", addr.city)
        child(a, "country", addr.party_country or addr.country)
    dob = next((m.birth_date for m in members if m.birth_date), None)
    child(el, "dateOfBirth", xs_date(dob))


def _victim(parent: ET.Element, case: CaseData, ent: Entity, members: list[Member]) -> None:
    """A `victim` block: who was harmed, with what NCMEC needs to find and safeguard them, and no
    contact details (phones, e-mails, address, IPs and devices stay with the filer)."""
    el = group(parent, "victim")
    person = group(el, "victimPerson")  # required by the schema, even when no name is recorded
    first, last = split_name(best_name([m.name for m in members]))
    child(person, "firstName", first)
    child(person, "lastName", last)
    dob = next((m.birth_date for m in members if m.birth_date), None)
    child(person, "age", age_on(dob, case.last_seen or case.first_seen))
    child(person, "dateOfBirth", xs_date(dob))
    platform = next((m for m in members if m.kind == "platform"), None)
    if platform:
        child(el, "espIdentifier", platform.account_id)
        child(el, "espService", platform.source)
        child(el, "screenName", platform.username)
    country = next((m.party_country or m.country for m in members if m.party_country or m.country), None)
    if country:
        loc = group(el, "estimatedLocation")
        child(loc, "countryCode", country)
    for m in members:
        if m is platform:
            continue
        billing = m.kind in PAYMENT_KINDS or m.kind is None
        acc = group(el, "associatedAccount", type="Billing" if billing else "Linked")
        child(acc, "platform", m.source)
        child(acc, "espIdentifier", m.account_id)
        child(acc, "additionalInfo", f"{m.kind or 'unknown'} account of the victim")
    evidence = [i.evidence for i in case.indicators if i.entity_id == ent.entity_id]
    child(
        el,
        "additionalInfo",
        "A likely victim in this case, not a reported person. "
        + " ".join(evidence)
        + " Contact details are held by the filer and given on request.",
    )


def _captures(case: CaseData) -> dict[str, tuple[dict[str, str], dict[str, None]]]:
    """Per account: the IPs (with the latest time) and device ids it used in sessions."""
    out: dict[str, tuple[dict[str, str], dict[str, None]]] = defaultdict(lambda: ({}, {}))
    for s in sorted(case.sessions, key=lambda s: s.started_at, reverse=True):
        when = xs_datetime(s.started_at) or ""
        for acc, ip, dev in (
            (s.host_account_id, s.host_ip, s.host_device_id),
            (s.viewer_account_id, s.viewer_ip, s.viewer_device_id),
        ):
            if acc:
                ips, devices = out[acc]
                if ip:
                    ips.setdefault(ip, when)
                if dev:
                    devices.setdefault(dev, None)
    return out


@dataclass(frozen=True)
class _Context:
    """Per-case lookups computed once for every reported person."""

    captures: dict[str, tuple[dict[str, str], dict[str, None]]]
    sent: Counter[str]
    received: Counter[str]

    @classmethod
    def of(cls, case: CaseData) -> _Context:
        return cls(
            captures=_captures(case),
            sent=Counter(p.sender for p in case.payments),
            received=Counter(p.receiver for p in case.payments),
        )

    def person_captures(self, members: list[Member]) -> tuple[list[tuple[str, str]], list[str]]:
        ips: dict[str, str] = {}
        devices: dict[str, None] = {}
        for m in members:
            if m.account_id in self.captures:
                a_ips, a_devs = self.captures[m.account_id]
                for ip, when in a_ips.items():
                    if when > ips.get(ip, ""):
                        ips[ip] = when
                devices.update(a_devs)
        recent = sorted(ips.items(), key=lambda kv: kv[1], reverse=True)
        return recent[:MAX_CAPTURES], list(devices)[:MAX_CAPTURES]


def _reported_person(
    parent: ET.Element, case: CaseData, ctx: _Context, ent: Entity, members: list[Member]
) -> None:
    el = group(parent, "personOrUserReported")
    _person(el, "personOrUserReportedPerson", members)
    platform = next((m for m in members if m.kind == "platform"), None)
    if platform:
        child(el, "espIdentifier", platform.account_id)
        child(el, "espService", platform.source)
        child(el, "screenName", platform.username)
        for name in sorted({m.display_name for m in members if m.kind == "platform" and m.display_name}):
            child(el, "displayName", name)
    ips, devices = ctx.person_captures(members)
    for ip, when in ips:
        cap = group(el, "ipCaptureEvent")
        child(cap, "ipAddress", ip)
        child(cap, "eventName", "Other")
        child(cap, "dateTime", when)
    for dev in devices:
        d = group(el, "deviceId")
        child(d, "idType", "Device ID")
        child(d, "idValue", dev)
    child(
        el,
        "groupIdentifier",
        f"Tanglaw case {case.case_id}: a network of {case.n_facilitators} facilitator(s) "
        f"and {case.n_payers} payer(s)",
    )
    banned = next((m for m in members if m.kind == "platform" and (m.closed_at or m.banned_reason)), None)
    if banned:
        child(el, "accountPermanentlyDisabled", "true", disabledDate=xs_datetime(banned.closed_at))
    country = next((m.party_country or m.country for m in members if m.party_country or m.country), None)
    if country:
        loc = group(el, "estimatedLocation")
        child(loc, "city", next((m.city for m in members if m.city), None))
        child(loc, "countryCode", country)
    sent, received = ctx.sent, ctx.received
    for m in members:
        if m.kind == "platform" and m is platform:
            continue
        billing = m.kind in PAYMENT_KINDS or m.kind is None
        acc = group(el, "associatedAccount", type="Billing" if billing else "Linked")
        child(acc, "platform", m.source)
        first, last = split_name(m.name)
        child(acc, "firstName", first)
        child(acc, "lastName", last)
        child(acc, "espIdentifier", m.account_id)
        if m.kind == "platform":
            child(acc, "screenName", m.username)
            child(acc, "displayName", m.display_name)
        facts = [f"{m.kind or 'unknown'} account", f"country {m.country}" if m.country else ""]
        if sent[m.account_id] or received[m.account_id]:
            facts.append(
                f"{sent[m.account_id]} payment(s) sent and {received[m.account_id]} received in the case"
            )
        child(acc, "additionalInfo", "; ".join(f for f in facts if f))
    evidence = [i.evidence for i in case.indicators if i.entity_id == ent.entity_id]
    child(
        el,
        "additionalInfo",
        f"Role in the network: {ent.role} (score {ent.score:.2f}). " + " ".join(evidence),
    )


def _incident_details(root: ET.Element, case: CaseData) -> None:
    by_platform: dict[str, list[LiveSession]] = defaultdict(list)
    for s in case.sessions:
        by_platform[s.source].append(s)
    for platform, sessions in sorted(by_platform.items()):
        private = sum(1 for s in sessions if s.private)
        first = min(s.started_at for s in sessions)
        last = max(s.started_at for s in sessions)
        inc = group(group(root, "internetDetails"), "chatImIncident")
        child(inc, "chatClient", platform)
        child(
            inc,
            "additionalInfo",
            f"Live streaming: {len(sessions)} live session(s) on {platform} hosted or watched by "
            f"accounts in this report between {xs_datetime(first)} and {xs_datetime(last)}, "
            f"{private} of them private (one-to-one or invite-only).",
        )


def _summary_text(case: CaseData) -> str:
    lines = [
        f"Tanglaw case {case.case_id} (priority {case.priority}, rank {case.rank}, score {case.score:.2f}): "
        f"{case.title}.",
        f"Typologies: {', '.join(case.typologies) or 'none'}.",
        f"Activity from {xs_datetime(case.first_seen)} to {xs_datetime(case.last_seen)} (UTC); "
        f"payments total US${case.total_amount_usd:,.2f}.",
    ]
    if case.live_streaming:
        lines.append(f"Members' accounts took part in {case.n_sessions} live-stream session(s).")
    lines.append("Indicators:")
    lines += [
        f"- {i.code} ({case.indicator_role(i)}, weight {i.weight:.2f}): {i.evidence}"
        for i in case.indicators[:50]
    ]
    if len(case.indicators) > 50:
        lines.append(f"- … and {len(case.indicators) - 50} more in the case package")
    lines.append(
        f"Record ids of the {len(case.record_ids)} transactions cited are in the case package. "
        "Scores are leads for investigation, not proof."
    )
    return "\n".join(lines)


def cybertip_report(case: CaseData, settings: ReporterSettings) -> bytes:
    """The case as one CyberTipline `<report>` document (UTF-8 XML)."""
    root = ET.Element("report")
    summary = group(root, "incidentSummary")
    child(summary, "incidentType", INCIDENT_TYPE)
    platforms = sorted({s.source for s in case.sessions})
    child(summary, "platform", settings.platform or ", ".join(platforms) or None)
    if case.priority == "P1":
        child(
            summary,
            "escalateToHighPriority",
            f"Tanglaw priority P1: {case.priority_reason or 'a child may be at risk now'}."[:3000],
        )
    child(summary, "incidentDateTime", xs_datetime(case.last_seen or case.first_seen))
    child(
        summary,
        "incidentDateTimeDescription",
        f"Latest activity in the case (UTC); the activity began {xs_datetime(case.first_seen)}.",
    )
    _incident_details(root, case)
    reporter = group(root, "reporter")
    rp = group(reporter, "reportingPerson")
    child(rp, "firstName", settings.first_name)
    child(rp, "lastName", settings.last_name)
    child(rp, "phone", phone_text(settings.phone))
    child(rp, "email", settings.email)
    child(
        reporter,
        "companyTemplate",
        f"Report prepared by {settings.organisation} with Tanglaw from its own records.",
    )
    ctx = _Context.of(case)
    by_entity: dict[str, list[Member]] = defaultdict(list)
    for m in case.members:
        by_entity[m.entity_id].append(m)
    for ent in case.subjects:
        if by_entity[ent.entity_id]:
            _reported_person(root, case, ctx, ent, by_entity[ent.entity_id])
    for ent in case.victims:  # the schema's victim block comes after every reported person
        _victim(root, case, ent, by_entity[ent.entity_id])
    child(root, "additionalInfo", _summary_text(case))
    return to_bytes(root)


def _file_details(case: CaseData, item: MediaItem, settings: ReporterSettings) -> bytes:
    root = ET.Element("fileDetails")
    child(root, "reportId", "0")
    child(root, "fileId", item.hash if item.signal_type == "md5" else item.media_id)
    child(root, "uploadedToEspTimestamp", xs_datetime(item.seen_at))
    child(root, "fileViewedByEsp", bool_text(False))
    child(root, "fileRelevance", "Reported")
    ann = group(root, "fileAnnotations")
    child(ann, "liveStreaming", "true")
    if item.signal_type in ("md5", "sha256"):
        child(root, "originalFileHash", item.hash, hashType=_HASH_TYPES[item.signal_type])
    details = group(root, "details", type="HASH")
    pair = group(details, "nameValuePair")
    child(pair, "name", _HASH_TYPES.get(item.signal_type, item.signal_type))
    child(pair, "value", item.hash)
    child(
        root,
        "additionalInfo",
        f"Frame sampled from live session {item.session_id} on {item.source}, account {item.account_id}; "
        f"Tanglaw case {case.case_id}. Replace reportId and fileId with NCMEC's after /upload.",
    )
    return to_bytes(root)


def cybertip_file_details(case: CaseData, settings: ReporterSettings) -> list[tuple[str, bytes]]:
    """`(media_id, <fileDetails> document)` for each media hash sampled from a live session."""
    return [(m.media_id, _file_details(case, m, settings)) for m in case.media if m.session_id]
