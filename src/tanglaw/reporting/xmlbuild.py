"""Build XML documents element by element, in schema order, leaving out what is empty.

Writing is the safe direction (parsing untrusted XML is `tip_xml`'s job, with defusedxml), so
the standard library's ElementTree is enough here. `child` skips a value that is None or blank,
because the regulators' schemas treat an empty element as a value (often an invalid one).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

#: characters XML 1.0 cannot carry at all, even escaped
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: object) -> str:
    return _INVALID_XML.sub("", str(text)).strip()


def child(parent: ET.Element, tag: str, text: object = None, **attrs: object) -> ET.Element | None:
    """Append `<tag>text</tag>`; nothing at all when `text` is None or blank."""
    if text is None or not clean(text):
        return None
    el = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items() if v is not None})
    el.text = clean(text)
    return el


def group(parent: ET.Element, tag: str, **attrs: object) -> ET.Element:
    return ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items() if v is not None})


def prune(el: ET.Element, tag: str) -> None:
    """Drop `tag` children of `el` that ended up with no children and no text."""
    for c in list(el):
        if c.tag == tag and len(c) == 0 and not (c.text or "").strip():
            el.remove(c)


def to_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def xs_datetime(ts: datetime | None, *, offset: bool = True) -> str | None:
    """`2026-03-01T03:30:00Z` (UTC); without `offset`, the same instant as a UTC wall-clock time."""
    if ts is None:
        return None
    utc = ts.astimezone(UTC) if ts.tzinfo else ts.replace(tzinfo=UTC)
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    return text + "Z" if offset else text


def xs_date(d: date | datetime | None) -> str | None:
    if d is None:
        return None
    return d.strftime("%Y-%m-%d")


def bool_text(value: bool) -> str:
    return "true" if value else "false"
