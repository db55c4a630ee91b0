"""Small helpers for people's names and contact details as the report formats want them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

#: an entity id as evidence sentences write it: `E:pty-00004153` (a person), `A:acc-17` (an account
#: with no party record)
ENTITY_ID = re.compile(r"\b[EA]:[A-Za-z0-9][A-Za-z0-9_.:-]*[A-Za-z0-9]")


def name_people(text: str, names: dict[str, str]) -> str:
    """`"Payments from E:pty-1 to …"` → `"Payments from Ana Cruz (E:pty-1) to …"`: each entity id in
    `text` that `names` knows is preceded by the person's name; the id stays, for tracing."""
    return ENTITY_ID.sub(lambda m: f"{names[m[0]]} ({m[0]})" if names.get(m[0]) else m[0], text)


def split_name(name: str | None) -> tuple[str, str]:
    """`("Jomar Soriano", "Navarro")`: everything but the last word is the first name."""
    words = (name or "").split()
    if not words:
        return "", ""
    if len(words) == 1:
        return words[0], ""
    return " ".join(words[:-1]), words[-1]


def best_name(names: list[str | None]) -> str | None:
    """The name most records agree on; among equals, the longest (the most complete)."""
    counts: dict[str, int] = {}
    for n in names:
        if n and n.strip():
            counts[n.strip()] = counts.get(n.strip(), 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], len(n), n))


def ascii_fold(text: str) -> str:
    """`"Peña"` → `"Pena"`: some FIU schemas only accept ASCII letters in names and narratives."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def keep_chars(text: str, allowed: str) -> str:
    """Keep only characters matching the regex character class `allowed`; squeeze spaces."""
    kept = re.sub(f"[^{allowed}]", " ", ascii_fold(text))
    return re.sub(r"\s+", " ", kept).strip()


def phone_text(phone: str | None) -> str:
    """`+639170000001` for `+63 917 000 0001`, `09170000001` for `0917-000-0001`: digits, and a
    leading `+` when the number was written in international form."""
    raw = (phone or "").strip()
    digits = re.sub(r"\D", "", raw)
    if not digits:
        return ""
    if raw.startswith("+"):
        return "+" + digits
    if raw.startswith("00"):
        return "+" + digits[2:]
    return digits


def age_on(born: date | None, on: datetime | date | None) -> int | None:
    """Whole years from `born` to `on` (None when either is unknown or the result is implausible)."""
    if born is None or on is None:
        return None
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return years if 0 <= years < 130 else None


#: an e-mail address every consumer of the exports accepts: ASCII dot-atom local part, a domain of
#: two or more labels (a subset of RFC 5322's addr-spec and of stix2-validator's own pattern)
_EMAIL = re.compile(
    r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+"
)


def plain_email(value: str | None) -> str | None:
    """`value` trimmed when it is a plain ASCII e-mail address (`bjørn.holm@mail.com`, `a@b` and
    `x` are not), else None: formats with a typed e-mail field take only these."""
    v = (value or "").strip()
    return v if len(v) <= 254 and _EMAIL.fullmatch(v) else None
