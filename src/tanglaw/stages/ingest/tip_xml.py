"""Read CyberTipline-style XML tips into rows of the contract's `reports` table, safely.

The input is untrusted: a tip file may come from any platform, hotline or member of the
public. It is parsed with defusedxml's parser in a streaming loop that refuses, each with one
line `file:line: problem` (a `BundleError`):

- any DOCTYPE: a DTD is what declares entities, so refusing it stops external entities (XXE:
  reading local files or URLs) and entity expansion (billion laughs) before they are defined;
- entity declarations and external references (defusedxml's own checks, kept as a second wall);
- nesting deeper than `MAX_DEPTH` elements (the CyberTipline schema needs fewer than 10): a
  file of 100 MB of nested elements is refused at its first few kilobytes, before memory grows;
- files larger than `MAX_BYTES`, malformed XML, a root that is not a report, a report without
  an incident time, and a time without a UTC offset.

Structure understood (NCMEC's `<report>`, as in the Reporting API schema): `incidentSummary`,
`internetDetails`, `reporter`, `personOrUserReported`, `intendedRecipient`, `victim`,
`additionalInfo`. One `<report>` per file, or several inside any wrapper element. Namespaces
are ignored (the builder keeps local names). docs/tip-xml.md lists where each column comes from.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

from ...errors import BundleError, Problem

#: deepest element nesting accepted (a CyberTipline report needs fewer than 10 levels)
MAX_DEPTH = 40
#: largest tip file read, in bytes
MAX_BYTES = 200 * 1024 * 1024
_CHUNK = 64 * 1024

#: NCMEC incident types → the contract's `incident_type` vocabulary
INCIDENT_TYPES = {
    "child pornography (possession, manufacture, and distribution)": "csam",
    "child sex trafficking": "trafficking",
    "child sex tourism": "child_sex_tourism",
    "child sexual molestation": "child_sexual_molestation",
    "misleading domain name": "misleading_domain_name",
    "misleading words or digital images on the internet": "misleading_words_or_images",
    "online enticement of children for sexual acts": "enticement",
    "unsolicited obscene material sent to a child": "unsolicited_material_to_child",
}
#: the blocks that describe an account-holding person, and whether their ids are payment accounts
_PEOPLE = ("personOrUserReported", "intendedRecipient", "victim")
_OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


class _TooDeep(Exception):
    pass


class _Builder(ET.TreeBuilder):
    """A tree builder that counts depth and remembers the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.lines: dict[int, int] = {}
        self.line_of_parser: Any = None

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep()
        if tag.startswith("{"):  # namespaces are ignored: keep the local name only
            tag = tag.rsplit("}", 1)[1]
        el = super().start(tag, attrs)
        if self.line_of_parser is not None:
            self.lines[id(el)] = self.line_of_parser()
        return el

    def end(self, tag: str) -> ET.Element:
        self.depth -= 1
        return super().end(tag.rsplit("}", 1)[-1])


def _refuse(label: str, line: int | None, message: str) -> BundleError:
    return BundleError([Problem(label, line, None, message)])


def _parse(path: Path, label: str) -> tuple[ET.Element, dict[int, int]]:
    try:
        size = path.stat().st_size
    except OSError as e:
        raise _refuse(label, None, f"cannot read the file: {e.strerror or e}") from e
    if size > MAX_BYTES:
        raise _refuse(
            label, None, f"is {size / 2**20:.0f} MiB; tip files above {MAX_BYTES // 2**20} MiB are refused"
        )
    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    expat = parser.parser

    def line() -> int:
        return int(expat.CurrentLineNumber)

    builder.line_of_parser = line
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                parser.feed(chunk)
        root = parser.close()
    except DTDForbidden as e:
        raise _refuse(
            label,
            line(),
            "a DOCTYPE is not allowed in tip XML (a DTD can define entities that read local files or "
            "expand without bound); remove the <!DOCTYPE …> declaration",
        ) from e
    except EntitiesForbidden as e:
        raise _refuse(label, line(), f"entity declaration {e.name!r} is not allowed in tip XML") from e
    except ExternalReferenceForbidden as e:
        raise _refuse(label, line(), "an external reference is not allowed in tip XML") from e
    except _TooDeep as e:
        raise _refuse(label, line(), f"elements are nested more than {MAX_DEPTH} deep; refused") from e
    except ET.ParseError as e:
        where, _col = getattr(e, "position", (None, None))
        reason = str(e).split(":")[0]
        raise _refuse(label, where, f"not well-formed XML: {reason}") from e
    except LookupError as e:  # an encoding Python does not know, named in the XML declaration
        raise _refuse(
            label, 1, "the XML declaration names an unknown encoding; save the file as UTF-8"
        ) from e
    except OSError as e:
        raise _refuse(label, None, f"cannot read the file: {e.strerror or e}") from e
    return root, builder.lines


# ---- reading the tree ---------------------------------------------------------------------------


def _local(tag: object) -> str:
    return str(tag)


def _kids(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return el.iterfind(name)


def _kid(el: ET.Element | None, name: str) -> ET.Element | None:
    return None if el is None else el.find(name)


def _text(el: ET.Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def _walk(el: ET.Element, name: str) -> Iterator[ET.Element]:
    return el.iter(name)


def _join(values: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for v in values:
        v = v.replace(";", ",").strip()
        if v:
            seen.setdefault(v, None)
    return ";".join(seen)


def _reports(root: ET.Element) -> list[ET.Element]:
    if _local(root.tag) == "report":
        return [root]
    return list(root.iter("report"))


class _Row:
    """Collects one report's identifiers."""

    def __init__(self) -> None:
        self.accounts: list[str] = []
        self.payment_accounts: list[str] = []
        self.usernames: list[str] = []
        self.emails: list[str] = []
        self.phones: list[str] = []
        self.ips: list[str] = []
        self.urls: list[str] = []

    def person_block(self, block: ET.Element) -> None:
        """personOrUserReported / intendedRecipient / victim / associatedAccount."""
        billing = _local(block.tag) == "associatedAccount" and block.get("type") == "Billing"
        ident = _text(_kid(block, "espIdentifier"))
        (self.payment_accounts if billing else self.accounts).append(ident)
        self.usernames.append(_text(_kid(block, "screenName")))
        for tag in ("profileUrl",):
            self.urls += [_text(u) for u in _kids(block, tag)]
        for person in [block, *(c for c in block if _local(c.tag).endswith("Person"))]:
            self.emails += [_text(e) for e in _kids(person, "email")]
            self.phones += [_text(p) for p in _kids(person, "phone")]
        for cap in _kids(block, "ipCaptureEvent"):
            self.ips.append(_text(_kid(cap, "ipAddress")))
        for acc in _kids(block, "associatedAccount"):
            self.person_block(acc)

    def incident_details(self, details: ET.Element) -> None:
        for inc in details:
            kind = _local(inc.tag)
            if kind == "webPageIncident":
                self.urls += [_text(u) for u in _kids(inc, "url")]
            elif kind in ("emailIncident", "newsgroupIncident"):
                self.emails += [_text(e) for e in _kids(inc, "emailAddress")]
            elif kind == "cellPhoneIncident":
                self.phones.append(_text(_kid(inc, "phoneNumber")))
            elif kind == "peer2peerIncident":
                self.ips += [_text(_kid(c, "ipAddress")) for c in _kids(inc, "ipCaptureEvent")]


def _incident_type(summary: ET.Element | None) -> str:
    raw = _text(_kid(summary, "incidentType"))
    annotations = _kid(summary, "reportAnnotations")
    if annotations is not None and _kid(annotations, "sextortion") is not None:
        return "sextortion"
    return INCIDENT_TYPES.get(raw.lower(), re.sub(r"[^a-z0-9]+", "_", raw.lower()).strip("_"))


def _description(report: ET.Element, summary: ET.Element | None) -> str:
    parts = []
    escalate = _text(_kid(summary, "escalateToHighPriority"))
    if escalate:
        parts.append(f"Escalated: {escalate}")
    parts.append(_text(_kid(summary, "incidentDateTimeDescription")))
    for details in _kids(report, "internetDetails"):
        for inc in details:
            info = _text(_kid(inc, "additionalInfo"))
            if info:
                parts.append(f"{_local(inc.tag)}: {info}")
    parts.append(_text(_kid(report, "additionalInfo")))
    return " | ".join(p for p in parts if p)


def _country(report: ET.Element) -> str:
    for block in _kids(report, "personOrUserReported"):
        loc = _text(_kid(_kid(block, "estimatedLocation"), "countryCode"))
        if loc:
            return loc.upper()
    for addr in _walk(report, "address"):
        c = _text(_kid(addr, "country"))
        if len(c) == 2:
            return c.upper()
    return ""


def _row(report: ET.Element, n: int, label: str, stem: str, lines: dict[int, int]) -> dict[str, str]:
    line = lines.get(id(report))
    summary = _kid(report, "incidentSummary")
    if summary is None:
        raise _refuse(label, line, "report has no <incidentSummary>")
    when_el = _kid(summary, "incidentDateTime")
    when = _text(when_el)
    where = lines.get(id(when_el), line) if when_el is not None else lines.get(id(summary), line)
    if not when:
        raise _refuse(label, where, "incidentSummary has no <incidentDateTime>")
    if not _OFFSET.search(when):
        raise _refuse(label, where, f'incidentDateTime "{when}" has no UTC offset (add Z or ±hh:mm)')
    try:
        datetime.fromisoformat(when.replace("Z", "+00:00"))
    except ValueError as e:
        raise _refuse(label, where, f'incidentDateTime "{when}" is not an ISO 8601 date and time') from e
    ident = report.get("id") or _text(_kid(report, "reportId")) or f"{stem}-{n}"
    acc = _Row()
    for details in _kids(report, "internetDetails"):
        acc.incident_details(details)
    for tag in _PEOPLE:
        for block in _kids(report, tag):
            acc.person_block(block)
    row = {
        "report_id": ident,
        "source": _text(_kid(summary, "platform")) or "cybertipline",
        "received_at": when,
        "incident_type": _incident_type(summary),
        "description": _description(report, summary),
        "account_ids": _join(acc.accounts),
        "usernames": _join(acc.usernames),
        "emails": _join(e.lower() for e in acc.emails),
        "phones": _join(acc.phones),
        "ips": _join(acc.ips),
        "payment_accounts": _join(acc.payment_accounts),
        "urls": _join(acc.urls),
        "country": _country(report),
    }
    return row


def read_tip_xml(path: Path) -> list[dict[str, str]]:
    """Rows in the shape of the contract's `reports` table, one per `<report>` in the file."""
    path = Path(path)
    label = path.name
    root, lines = _parse(path, label)
    reports = _reports(root)
    if not reports:
        raise _refuse(label, lines.get(id(root)), f"root element <{_local(root.tag)}> holds no <report>")
    rows = [_row(r, n, label, path.stem, lines) for n, r in enumerate(reports, 1)]
    seen: dict[str, int] = {}
    for r, rep in zip(rows, reports, strict=True):
        if r["report_id"] in seen:
            raise _refuse(label, lines.get(id(rep)), f"report id {r['report_id']!r} appears twice")
        seen[r["report_id"]] = 1
    return rows
