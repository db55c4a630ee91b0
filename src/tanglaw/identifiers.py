"""Identifiers as two organisations compare them: emails, phones, usernames, payment accounts.

One normal form, used where Tanglaw matches an identifier it did not resolve itself: a tip's
identifiers against the workspace (`stages.tip_links`) and a partner's keyed hashes
(`reporting.sharing`, whose hashes both partners must compute alike, so the form is fixed here and
not in the pack). Phones are compared on their last `PHONE_DIGITS` digits, which leaves out
country and trunk prefixes written in different ways.
"""

from __future__ import annotations

import re
import unicodedata

#: digits of a phone number compared (the sharing scheme `tanglaw-share-v1` fixes it)
PHONE_DIGITS = 9


def normalise(kind: str, value: str | None) -> str | None:
    """The value as both partners hash it, or None when it is not a usable identifier."""
    if not value:
        return None
    v = unicodedata.normalize("NFKC", value).strip()
    if kind == "email":
        v = v.lower()
        local, _, domain = v.partition("@")
        return v if local and domain and "@" not in domain and " " not in v else None
    if kind == "phone":
        digits = re.sub(r"\D", "", v)
        return digits[-PHONE_DIGITS:] if len(digits) >= 7 else None
    if kind == "username":
        v = v.casefold().removeprefix("@").strip()
        return v or None
    if kind == "payment_account":
        v = re.sub(r"[\s.\-]", "", v.upper())
        return v or None
    raise ValueError(f"unknown identifier kind {kind!r}")
