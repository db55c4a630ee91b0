"""Innocuous text for world L: name pools, words, payment references and chat lines.

Every cohort speaks through a *voice* built from the same phrase list.  Each voice weights the
phrases differently (a theme plus per-seed jitter) but every published indicator phrase keeps a
non-zero weight in every voice, so wording alone never separates offenders from anyone else.
"""

from __future__ import annotations

import re
from bisect import bisect
from itertools import accumulate

# Words that must never appear in any output file (matched between letter boundaries; a
# trailing \w* marks a prefix match).  Used by the generator as a guard and by the self-test.
_DENY = (
    r"sex|sexy|sexual|nudes?|naked|porn\w*|explicit|abuse\w*|child|children|kids?|minors?|underage|"
    r"strip\w*|undress\w*|genital\w*|rape|molest\w*|xxx|nsfw|erotic\w*|fetish\w*|lewd|horny|breast\w*|"
    r"penis|vagina|orgasm\w*|csam|pedo\w*|paedo\w*|boob\w*|intimate"
)
DENY_RE = re.compile(r"(?<![a-z])(?:" + _DENY + r")(?![a-z])", re.IGNORECASE)
# A stricter substring check for generated identifiers (usernames, e-mail local parts).
_DENY_SUB = (
    "sex",
    "nude",
    "naked",
    "porn",
    "explicit",
    "abuse",
    "child",
    "kid",
    "minor",
    "underage",
    "strip",
    "undress",
    "genital",
    "rape",
    "molest",
    "xxx",
    "nsfw",
    "erotic",
    "fetish",
    "lewd",
    "horny",
    "breast",
    "penis",
    "vagina",
    "orgasm",
    "csam",
    "pedo",
    "paedo",
    "boob",
    "intimate",
)


_LETTERS = re.compile(r"[a-z]+")


def deny_hits(text: str) -> list[str]:
    """Deny-listed words in a (large) text, checked once per distinct run of letters."""
    return sorted(tok for tok in set(_LETTERS.findall(text.lower())) if DENY_RE.search(tok))


def denied(text: str) -> bool:
    """True when text contains a deny-listed word (or, for identifiers, substring)."""
    low = text.lower()
    return DENY_RE.search(low) is not None or any(w in low for w in _DENY_SUB)


# The published innocuous indicator words/phrases.  Every voice uses all of them.
INDICATORS = (
    "load",
    "padala",
    "school fees",
    "allowance",
    "gift",
    "send first",
    "ready na",
    "show later",
    "private",
    "tokens",
    "rent po",
    "order #",
    "invoice",
    "ticket",
    "cam",
)
EVERYDAY = (
    "thanks",
    "for the bills",
    "happy birthday",
    "tuition",
    "groceries",
    "medicine",
    "salamat po",
    "ok po",
    "sent na",
    "check your wallet",
    "how are you",
    "good morning",
    "good night",
    "call later",
    "busy at work",
    "miss you",
    "take care",
    "see you soon",
    "got it",
    "received po",
    "new number po",
    "new account po",
    "for the electric bill",
    "for lola",
    "for the house repair",
    "payday na",
    "next week",
    "this weekend",
    "fare",
    "food",
    "water bill",
    "internet bill",
    "family support",
    "ingat",
    "late na",
    "after work",
)
PHRASES = INDICATORS + EVERYDAY

# Short payment references (a blank reference is drawn separately).
REF_PHRASES = INDICATORS + (
    "thanks",
    "for the bills",
    "happy birthday",
    "tuition",
    "groceries",
    "medicine",
    "family support",
    "support",
    "fare",
    "rent",
    "payment",
    "food",
    "repair",
)

# Theme boosts per voice.  Missing phrases keep weight 1.
THEMES: dict[str, dict[str, float]] = {
    "osec": {
        "send first": 3,
        "ready na": 3,
        "show later": 2,
        "padala": 2,
        "gift": 2,
        "school fees": 2,
        "allowance": 2,
        "load": 2,
        "private": 2,
        "cam": 2,
        "tokens": 1.5,
        "new account po": 2,
    },
    "family": {
        "padala": 4,
        "allowance": 3,
        "school fees": 3,
        "load": 3,
        "send first": 1.5,
        "ready na": 1.5,
        "rent po": 2,
        "tuition": 3,
        "medicine": 2,
        "groceries": 2,
        "cam": 1.5,
        "gift": 2,
        "miss you": 2,
        "for lola": 2,
    },
    "shop": {
        "order #": 5,
        "invoice": 4,
        "send first": 3,
        "ready na": 2,
        "padala": 2,
        "load": 1.5,
        "ticket": 1.5,
        "received po": 2,
    },
    "cam": {
        "tokens": 4,
        "private": 4,
        "ticket": 3,
        "show later": 3,
        "cam": 3,
        "send first": 2,
        "ready na": 2,
        "gift": 2,
        "good night": 2,
    },
    "romance": {
        "ticket": 3,
        "medicine": 3,
        "gift": 2,
        "load": 2,
        "rent po": 2,
        "miss you": 3,
        "cam": 2,
        "send first": 1.5,
        "private": 1.5,
        "allowance": 1.5,
    },
    "charity": {
        "school fees": 4,
        "allowance": 3,
        "gift": 2,
        "happy birthday": 2,
        "tuition": 2,
        "invoice": 1.5,
    },
    "partner": {
        "allowance": 3,
        "rent po": 3,
        "gift": 2,
        "load": 2,
        "miss you": 3,
        "cam": 2,
        "private": 1.5,
        "send first": 1.5,
        "ticket": 2,
        "padala": 2,
        "show later": 1.5,
    },
    "work": {
        "invoice": 5,
        "order #": 2,
        "ticket": 3,
        "send first": 1.5,
        "cam": 2,
        "private": 1.5,
        "after work": 2,
    },
    "crypto": {"order #": 3, "send first": 4, "ready na": 2, "tokens": 3, "invoice": 1.5, "private": 1.5},
    "game": {
        "tokens": 4,
        "load": 3,
        "order #": 3,
        "send first": 2,
        "ready na": 2,
        "ticket": 1.5,
        "cam": 1.5,
        "private": 1.5,
    },
    "student": {
        "allowance": 4,
        "school fees": 4,
        "tuition": 3,
        "load": 3,
        "padala": 2,
        "rent po": 2,
        "send first": 1.5,
        "cam": 1.5,
    },
    "friends": {"rent po": 2, "load": 2, "happy birthday": 2, "gift": 1.5, "thanks": 2, "ticket": 1.5},
    "sx": {
        "send first": 3,
        "gift": 3,
        "tokens": 2,
        "private": 2,
        "load": 2,
        "ready na": 1.5,
        "cam": 2,
        "ticket": 1.5,
    },
}
VOICES = tuple(THEMES)

GIVEN_F = (
    "Maria",
    "Ana",
    "Rosa",
    "Liza",
    "Grace",
    "Joy",
    "Mary",
    "Jenny",
    "Sarah",
    "Emma",
    "Olivia",
    "Sofia",
    "Hana",
    "Yuki",
    "Amara",
    "Chloe",
    "Lucia",
    "Elena",
    "Fatima",
    "Aisha",
    "Nadia",
    "Ingrid",
    "Freya",
    "Mei",
    "Leah",
    "Carmen",
    "Rina",
    "Divina",
    "Marites",
    "Lorna",
    "Cristina",
    "Angela",
    "Teresa",
    "Ruth",
    "Helen",
    "Nora",
    "Ines",
    "Zara",
    "Priya",
    "Janelle",
    "Rowena",
    "Gemma",
    "Irene",
    "Tala",
)
GIVEN_M = (
    "Jose",
    "Juan",
    "Mark",
    "John",
    "Michael",
    "David",
    "James",
    "Robert",
    "Paul",
    "Peter",
    "Carlos",
    "Luis",
    "Ramon",
    "Rodel",
    "Arnel",
    "Jun",
    "Noel",
    "Kenji",
    "Hiroshi",
    "Omar",
    "Ahmed",
    "Tunde",
    "Emeka",
    "Kwame",
    "Hans",
    "Lars",
    "Marco",
    "Luca",
    "Pierre",
    "Liam",
    "Noah",
    "Ethan",
    "Samuel",
    "Daniel",
    "Victor",
    "Felix",
    "Oscar",
    "Ivan",
    "Raj",
    "Wei",
    "Dennis",
    "Rolando",
    "Alvin",
    "Greg",
)
SURNAMES = (
    "Santos",
    "Reyes",
    "Cruz",
    "Bautista",
    "Garcia",
    "Mendoza",
    "Torres",
    "Flores",
    "Villanueva",
    "Ramos",
    "Aquino",
    "Castillo",
    "Navarro",
    "Dela Cruz",
    "Smith",
    "Johnson",
    "Brown",
    "Taylor",
    "Wilson",
    "Miller",
    "Anderson",
    "Clark",
    "Walker",
    "Wright",
    "Hughes",
    "Murphy",
    "O'Brien",
    "Schmidt",
    "Weber",
    "Fischer",
    "Rossi",
    "Bianchi",
    "Tanaka",
    "Suzuki",
    "Sato",
    "Kim",
    "Park",
    "Nguyen",
    "Tan",
    "Lim",
    "Wong",
    "Chen",
    "Okafor",
    "Mensah",
    "Adeyemi",
    "Diallo",
    "Haddad",
    "Khalil",
    "Hansen",
    "Larsen",
    "Andersson",
    "Dubois",
    "Moreau",
    "Novak",
    "Kowalski",
    "Silva",
    "Costa",
    "Lopez",
    "Perez",
    "Morales",
    "Gutierrez",
    "Pascual",
    "Manalo",
    "Soriano",
    "Evans",
    "Baker",
)
HANDLE_WORDS = (
    "sun",
    "moon",
    "star",
    "river",
    "cloud",
    "blue",
    "green",
    "tiger",
    "eagle",
    "mango",
    "coco",
    "lucky",
    "happy",
    "sunny",
    "pixel",
    "nova",
    "echo",
    "delta",
    "ocean",
    "island",
    "rain",
    "maple",
    "swift",
    "brave",
    "chill",
    "wave",
    "bamboo",
    "kite",
    "lotus",
    "pearl",
    "ember",
    "frost",
    "orbit",
    "comet",
)
PH_STREETS = (
    "Sampaguita",
    "Mabini",
    "Rizal",
    "Bonifacio",
    "Narra",
    "Molave",
    "Acacia",
    "Ilang-Ilang",
    "Kamagong",
    "Dahlia",
    "Orchid",
    "Camia",
    "Banaba",
    "Yakal",
    "Luna",
    "Jacinto",
)
PH_BARANGAYS = (
    "San Isidro",
    "Poblacion",
    "San Roque",
    "Bagong Silang",
    "Mabuhay",
    "San Jose",
    "Santa Cruz",
    "Maligaya",
    "San Antonio",
    "Bagumbayan",
    "Malinis",
    "Pag-asa",
)
WORLD_STREETS = ("Oak", "Maple", "Cedar", "Park", "Hill", "Lake", "River", "Station", "Mill", "Elm", "Bay")


class Voices:
    """Per-seed phrase weights for each voice, and helpers to write chat lines and references."""

    def __init__(self, rng) -> None:
        self.cum: dict[str, list[float]] = {}
        self.ref_cum: dict[str, list[float]] = {}
        for voice in VOICES:
            theme = THEMES[voice]
            ws = [theme.get(ph, 1.0) * rng.lognormvariate(0.0, 0.35) for ph in PHRASES]
            self.cum[voice] = list(accumulate(ws))
            rs = [theme.get(ph, 1.0) * rng.lognormvariate(0.0, 0.35) for ph in REF_PHRASES]
            self.ref_cum[voice] = list(accumulate(rs))

    @staticmethod
    def _fill(ph: str, rng) -> str:
        if ph == "order #":
            return f"order #{rng.randint(1000, 99999)}"
        if ph == "invoice" and rng.random() < 0.5:
            return f"invoice {rng.randint(100, 9999)}"
        if ph == "ticket" and rng.random() < 0.3:
            return f"ticket {rng.randint(10, 999)}"
        return ph

    def phrase(self, voice: str, rng) -> str:
        cum = self.cum[voice]
        return self._fill(PHRASES[bisect(cum, rng.random() * cum[-1])], rng)

    def line(self, voice: str, rng) -> str:
        """One chat message: one or two phrases, sometimes an amount or a particle."""
        text = self.phrase(voice, rng)
        r = rng.random()
        if r < 0.3:
            text = f"{text} {self.phrase(voice, rng)}"
        elif r < 0.4:
            text = f"{text} {rng.choice((200, 300, 500, 1000, 1500, 2000, 3000, 5000))}"
        elif r < 0.5:
            text = f"{text} {rng.choice(('po', 'ok', 'na', 'pls', 'later', 'now'))}"
        return text

    def ref(self, voice: str, rng, blank: float) -> str:
        """A payment reference; blank with probability `blank`."""
        if rng.random() < blank:
            return ""
        cum = self.ref_cum[voice]
        return self._fill(REF_PHRASES[bisect(cum, rng.random() * cum[-1])], rng)


def _check_pools() -> None:
    for pool in (
        PHRASES,
        REF_PHRASES,
        GIVEN_F,
        GIVEN_M,
        SURNAMES,
        HANDLE_WORDS,
        PH_STREETS,
        PH_BARANGAYS,
        WORLD_STREETS,
    ):
        for item in pool:
            assert not denied(item), item
            assert "," not in item and '"' not in item and "\n" not in item, item


_check_pools()
