"""Normalise chat text so that spelling tricks read as the plain words.

Steps, in order: Unicode NFKC (full-width and styled letters become plain ones), emoji → words
(a table from the pack), case folding, accents dropped, letters spaced out to dodge filters
("p a y", "g.c.a.s.h") joined again, a number glued to a word split off ("500php" → "500 php"),
leetspeak read as letters ("l0ad" → "load", from a table in the pack), punctuation dropped except
`?`, and runs of one repeated letter collapsed ("pleaaase" → "please" → "plese": lexicon terms go
through the same steps, so they still match).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

_SPACED = re.compile(r"(?<![^\s])(?:[a-z0-9@$!|](?:[\s.\-_*,·•/]+)){2,}[a-z0-9@$!|](?![^\s])")
_SEPARATORS = re.compile(r"[\s.\-_*,·•/]+")
_LEAD_NUMBER = re.compile(r"^(\d{2,})([a-z].*)$")
_TRAIL_NUMBER = re.compile(r"^(.*[a-z])(\d{2,})$")
_REPEATS = re.compile(r"([a-z?])\1+")
_NOT_WORD = re.compile(r"[^a-z0-9?\s]+")
# punctuation that is neither a letter, a digit, `?` nor a leetspeak symbol
_PUNCT = re.compile(r"[^a-z0-9?@$!|\s]+")
_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"[a-z]")


def parse_pairs(items: Iterable[str], what: str) -> dict[str, str]:
    """`["💰 money", "0 o"]` → `{"💰": "money", "0": "o"}`; a malformed item raises ValueError."""
    out: dict[str, str] = {}
    for item in items:
        parts = item.split()
        if len(parts) != 2:
            raise ValueError(f"{what}: {item!r} must be a symbol, a space and what it stands for")
        out[parts[0]] = parts[1]
    return out


class Normalizer:
    """Text → normal form. `emoji`: symbol → word; `leet`: character → letter."""

    def __init__(self, emoji: Mapping[str, str] | None = None, leet: Mapping[str, str] | None = None):
        self.emoji = {unicodedata.normalize("NFKC", k): v for k, v in (emoji or {}).items()}
        self.leet = dict(leet or {})
        keys = sorted(self.emoji, key=len, reverse=True)
        self._emoji_re = re.compile("|".join(re.escape(k) for k in keys)) if keys else None
        self._leet_table = str.maketrans(self.leet)
        # tokens without a digit or a leetspeak symbol need no work (most of them)
        self._busy = re.compile("[0-9" + "".join(re.escape(k) for k in self.leet) + "]")

    def _leet_token(self, tok: str) -> str:
        if self._busy.search(tok) is None:
            return tok
        m = _LEAD_NUMBER.match(tok)
        if m:
            return m.group(1) + " " + self._leet_token(m.group(2))
        m = _TRAIL_NUMBER.match(tok)
        if m:
            return self._leet_token(m.group(1)) + " " + m.group(2)
        if _LETTER.search(tok):
            return tok.translate(self._leet_table)
        return tok

    def __call__(self, text: str) -> str:
        """The normal form: the steps are repeated until nothing changes (splitting a number off
        a word can leave letters spaced out, which the next round joins)."""
        s = self._once(text or "")
        for _ in range(4):
            if _SPACED.search(s) is None:  # the only step that can find more to do
                break
            again = self._once(s)
            if again == s:
                break
            s = again
        return s

    def _once(self, text: str) -> str:
        s = unicodedata.normalize("NFKC", text)
        if self._emoji_re is not None:
            s = self._emoji_re.sub(lambda m: f" {self.emoji[m.group(0)]} ", s)
        s = s.casefold()
        if not s.isascii():
            s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
        s = _PUNCT.sub(" ", s)
        s = _SPACED.sub(lambda m: _SEPARATORS.sub("", m.group(0)), s)
        s = " ".join(self._leet_token(t) for t in s.split())
        s = _REPEATS.sub(r"\1", _NOT_WORD.sub(" ", s)).replace("?", " ? ")
        return _SPACES.sub(" ", s).strip()
