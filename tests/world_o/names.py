"""One invented name pool for everybody.

Names are built from neutral syllables with a fixed generator, the same for every seed and
every cohort: a name never says where a person lives or which cohort they belong to. Family
members share a surname only because the population code gives it to them.
"""

from __future__ import annotations

import random

_ON = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "dr",
    "kr",
    "tr",
    "st",
    "sh",
    "ch",
    "th",
    "gl",
    "pl",
    "fr",
]
_VO = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "ie"]
_FIRST_END = [
    "na",
    "ra",
    "la",
    "ne",
    "lo",
    "ro",
    "no",
    "ni",
    "el",
    "en",
    "an",
    "is",
    "os",
    "ia",
    "io",
    "ey",
    "on",
    "ar",
    "er",
    "a",
    "o",
    "i",
    "y",
]
_LAST_END = [
    "ran",
    "dell",
    "vor",
    "mont",
    "ber",
    "lin",
    "sa",
    "to",
    "do",
    "ra",
    "mar",
    "ven",
    "dor",
    "nez",
    "ley",
    "gar",
    "tan",
    "sol",
    "ro",
    "lani",
    "mond",
    "rick",
    "vey",
    "zal",
    "ter",
    "ko",
    "wen",
    "bel",
    "ria",
    "nal",
]


def _syl(r: random.Random) -> str:
    return r.choice(_ON) + r.choice(_VO)


def _build() -> tuple[list[str], list[str], list[float]]:
    r = random.Random(20240917)
    firsts: list[str] = []
    seen: set[str] = set()
    while len(firsts) < 900:
        n = _syl(r) + (r.choice(_FIRST_END) if r.random() < 0.8 else _syl(r))
        n = n.capitalize()
        if 3 <= len(n) <= 9 and n not in seen:
            seen.add(n)
            firsts.append(n)
    lasts: list[str] = []
    while len(lasts) < 2500:
        k = 1 if r.random() < 0.45 else 2
        n = "".join(_syl(r) for _ in range(k)) + r.choice(_LAST_END)
        n = n.capitalize()
        if 4 <= len(n) <= 12 and n not in seen:
            seen.add(n)
            lasts.append(n)
    # Zipf-like surname frequencies: a few very common surnames, a long tail.
    weights = [1.0 / (i + 8) ** 0.95 for i in range(len(lasts))]
    return firsts, lasts, weights


FIRST_NAMES, SURNAMES, SURNAME_WEIGHTS = _build()
_CUM = []
_acc = 0.0
for _w in SURNAME_WEIGHTS:
    _acc += _w
    _CUM.append(_acc)

_ADJ = [
    "sunny",
    "blue",
    "happy",
    "lucky",
    "quiet",
    "brave",
    "sweet",
    "cool",
    "misty",
    "swift",
    "silver",
    "golden",
    "little",
    "big",
    "lazy",
    "crazy",
    "starry",
    "wild",
    "calm",
    "rainy",
    "kind",
    "bright",
    "mellow",
    "jolly",
    "neon",
    "cosmic",
    "pixel",
    "urban",
    "island",
    "ocean",
]
_NOUN = [
    "mango",
    "tiger",
    "cloud",
    "river",
    "panda",
    "falcon",
    "lotus",
    "pebble",
    "comet",
    "maple",
    "coconut",
    "otter",
    "sparrow",
    "wave",
    "moon",
    "kite",
    "berry",
    "fox",
    "owl",
    "sky",
    "shell",
    "reef",
    "leaf",
    "star",
    "rose",
    "jade",
    "stone",
    "wolf",
    "bee",
    "dune",
]


def first_name(r: random.Random) -> str:
    return r.choice(FIRST_NAMES)


def surname(r: random.Random) -> str:
    return r.choices(SURNAMES, cum_weights=_CUM, k=1)[0]


def handle(r: random.Random) -> str:
    return f"{r.choice(_ADJ)}{r.choice(['', '_', '.'])}{r.choice(_NOUN)}{r.randint(1, 999) if r.random() < 0.8 else ''}"


def typo(r: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = r.randint(1, len(s) - 2)
    op = r.random()
    if op < 0.4:  # swap
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if op < 0.7:  # drop
        return s[:i] + s[i + 1 :]
    return s[:i] + s[i] + s[i:]  # double


def variant(r: random.Random, first: str, middle: str, last: str, p_vary: float) -> str:
    """A full name as one source records it: most are clean, some vary."""
    if r.random() >= p_vary:
        return f"{first} {last}" if r.random() < 0.6 else f"{first} {middle[0]}. {last}"
    k = r.random()
    if k < 0.25:
        return f"{last}, {first}"
    if k < 0.45:
        return f"{first} {middle} {last}"
    if k < 0.65:
        return f"{first} {typo(r, last)}"
    if k < 0.8:
        return f"{typo(r, first)} {last}"
    if k < 0.9:
        return f"{first} {last}".upper()
    return f"{first[0]}. {last}"
