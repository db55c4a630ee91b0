"""Invented names, handles, addresses and identifiers for world D.

Every string is built from random syllables: names carry no meaning and no behaviour depends on them.
Phones use the "555 01" block after the country code (not a dialable mobile range), e-mails use
example.com / example.net / example.org, and IP addresses come only from reserved ranges.
"""

from __future__ import annotations

import random

# Syllable pools give a little regional flavour to the invented strings; nothing reads them back.
_SYL = {
    "ph": [
        "ma",
        "ri",
        "sel",
        "lo",
        "na",
        "jo",
        "vi",
        "ta",
        "ly",
        "an",
        "ge",
        "ro",
        "sa",
        "li",
        "den",
        "mar",
        "cy",
    ],
    "ph_sur": [
        "da",
        "lu",
        "no",
        "ban",
        "ta",
        "ya",
        "ca",
        "ling",
        "so",
        "pa",
        "gal",
        "mo",
        "ran",
        "bu",
        "lag",
        "te",
    ],
    "anglo": [
        "bre",
        "don",
        "ka",
        "ley",
        "tor",
        "wen",
        "mil",
        "gar",
        "ris",
        "ton",
        "dal",
        "fer",
        "bry",
        "sen",
    ],
    "anglo_sur": [
        "hal",
        "worth",
        "brin",
        "ley",
        "cot",
        "ham",
        "mer",
        "sted",
        "ford",
        "wick",
        "by",
        "dell",
        "rowe",
    ],
    "euro": [
        "jo",
        "han",
        "ul",
        "ri",
        "ke",
        "sten",
        "mar",
        "ta",
        "fre",
        "dri",
        "lu",
        "kas",
        "ni",
        "ber",
        "vig",
    ],
    "euro_sur": [
        "berg",
        "holm",
        "mann",
        "lind",
        "sen",
        "strom",
        "dahl",
        "kamp",
        "hof",
        "feld",
        "gaard",
        "vik",
    ],
    "jp": ["ha", "ru", "ki", "to", "mi", "na", "so", "ta", "ke", "yu", "ri", "ko", "da", "shi"],
    "ar": ["fa", "rid", "sa", "mir", "ha", "lim", "na", "dir", "ka", "rim", "za", "hed", "ya", "sin"],
    "la": ["va", "len", "ti", "na", "ro", "dri", "car", "mel", "so", "fia", "ga", "bri", "el", "lu"],
    "af": ["o", "lu", "ade", "chi", "ke", "mi", "ba", "yo", "tun", "ko", "fe", "emi", "ra", "wa"],
}
_STYLE_BY_COUNTRY = {
    "PH": "ph",
    "US": "anglo",
    "GB": "anglo",
    "AU": "anglo",
    "CA": "anglo",
    "NZ": "anglo",
    "IE": "anglo",
    "DE": "euro",
    "NL": "euro",
    "NO": "euro",
    "SE": "euro",
    "DK": "euro",
    "FR": "euro",
    "IT": "la",
    "ES": "la",
    "CH": "euro",
    "BE": "euro",
    "AT": "euro",
    "JP": "jp",
    "KR": "jp",
    "SG": "ph",
    "HK": "jp",
    "SA": "ar",
    "AE": "ar",
    "QA": "ar",
    "KW": "ar",
    "CO": "la",
    "MX": "la",
    "DO": "la",
    "RO": "la",
    "NG": "af",
    "CI": "af",
    "GH": "af",
    "TH": "jp",
    "MY": "ph",
    "ID": "ph",
    "UA": "euro",
}
_STREETS = [
    "Mabini",
    "Rizalino",
    "Sampaga",
    "Lunaro",
    "Oakridge",
    "Fenwick",
    "Birchel",
    "Kestrel",
    "Talong",
    "Dalisay",
    "Marlow",
    "Quenby",
    "Harbel",
    "Sorrel",
    "Linden",
    "Tamarin",
    "Corvel",
    "Pinewold",
]
_SUFFIX = ["St.", "Street", "Ave", "Road", "Rd.", "Lane", "Drive"]
_HANDLE_WORDS = [
    "sunny",
    "blue",
    "kape",
    "moon",
    "tala",
    "star",
    "mango",
    "river",
    "pixel",
    "luna",
    "ocean",
    "bituin",
    "cloud",
    "ember",
    "maple",
    "sky",
    "nova",
    "coral",
    "echo",
    "lucky",
    "daisy",
    "jade",
]
_EMAIL_DOMAINS = ["example.com", "example.net", "example.org"]
_DIAL = {
    "PH": "63",
    "US": "1",
    "CA": "1",
    "GB": "44",
    "AU": "61",
    "NZ": "64",
    "DE": "49",
    "NL": "31",
    "NO": "47",
    "SE": "46",
    "DK": "45",
    "FR": "33",
    "IT": "39",
    "ES": "34",
    "CH": "41",
    "BE": "32",
    "AT": "43",
    "JP": "81",
    "KR": "82",
    "SG": "65",
    "HK": "852",
    "SA": "966",
    "AE": "971",
    "QA": "974",
    "KW": "965",
    "CO": "57",
    "MX": "52",
    "DO": "1",
    "RO": "40",
    "NG": "234",
    "CI": "225",
    "GH": "233",
    "TH": "66",
    "MY": "60",
    "ID": "62",
    "UA": "380",
    "IE": "353",
}


def style(country: str) -> str:
    return _STYLE_BY_COUNTRY.get(country, "anglo")


def _word(r: random.Random, pool: list[str], lo: int, hi: int) -> str:
    return "".join(r.choice(pool) for _ in range(r.randint(lo, hi))).capitalize()


def given_name(r: random.Random, country: str) -> str:
    return _word(r, _SYL[style(country)], 2, 3)


def surname(r: random.Random, country: str) -> str:
    st = style(country)
    pool = _SYL.get(st + "_sur", _SYL[st])
    return _word(r, pool, 2, 3)


def full_name(r: random.Random, country: str, sur: str | None = None, middle: bool | None = None) -> str:
    g = given_name(r, country)
    s = sur or surname(r, country)
    if middle is None:
        middle = style(country) == "ph" and r.random() < 0.6
    if middle:
        return f"{g} {surname(r, country)} {s}"
    return f"{g} {s}"


def org_name(r: random.Random, country: str, kind: str) -> str:
    base = _word(r, _SYL[style(country)], 2, 3)
    tail = {
        "employer": ["Holdings", "Logistics", "Services", "Foods", "Systems", "Group", "Builders", "Clinic"],
        "utility": ["Power", "Water Co.", "Telecom", "Energy", "Broadband"],
        "merchant": ["Mart", "Store", "Cafe", "Outlet", "Market", "Pharmacy", "Bakery", "Hardware"],
        "charity": ["Child Sponsorship Foundation", "Kids Education Fund", "Children's Aid Mission"],
        "courier": ["Express", "Courier", "Cargo"],
        "agent": ["Padala Center", "Cash Hub", "Payment Center", "Remit Corner", "Store"],
    }[kind]
    return f"{base} {r.choice(tail)}"


def name_variant(r: random.Random, name: str, heavy: float = 0.35) -> str:
    """Return the name as another institution might record it (0-2 edits)."""
    if r.random() > heavy:
        return name
    out = name
    for _ in range(r.choice((1, 1, 1, 2))):
        op = r.random()
        parts = out.split()
        if op < 0.18:
            out = out.upper()
        elif op < 0.32 and len(parts) >= 2:
            out = f"{parts[-1]}, {' '.join(parts[:-1])}"
        elif op < 0.46 and len(parts) == 3:
            out = f"{parts[0]} {parts[1][0]}. {parts[2]}" if r.random() < 0.6 else f"{parts[0]} {parts[2]}"
        elif op < 0.78:
            out = _typo(r, out)
        elif op < 0.86 and len(parts) >= 2 and len(parts[0]) > 4:
            out = " ".join([parts[0][: r.randint(3, 4)], *parts[1:]])
        elif op < 0.93:
            out = out.replace(" ", "  ", 1)
        else:
            out = out.lower()
    return out.strip() or name


def _typo(r: random.Random, s: str) -> str:
    if len(s) < 4:
        return s
    i = r.randrange(1, len(s) - 1)
    if s[i] == " " or s[i - 1] == " ":
        return s
    op = r.randrange(4)
    if op == 0:
        return s[: i - 1] + s[i] + s[i - 1] + s[i + 1 :]
    if op == 1:
        return s[:i] + s[i + 1 :]
    if op == 2:
        return s[:i] + s[i] + s[i:]
    vowels = "aeiou"
    if s[i].lower() in vowels:
        return s[:i] + r.choice(vowels) + s[i + 1 :]
    return s[:i] + s[i].upper() + s[i + 1 :] if r.random() < 0.3 else s[:i] + s[i] + s[i + 1 :]


def address(r: random.Random, country: str, city: str) -> str:
    if country == "PH":
        brgy = _word(r, _SYL["ph"], 2, 3)
        return f"{r.randint(1, 999)} {r.choice(_STREETS)} {r.choice(_SUFFIX)}, Brgy. {brgy}, {city}"
    return f"{r.randint(1, 2999)} {r.choice(_STREETS)} {r.choice(_SUFFIX)}, {city}"


def address_variant(r: random.Random, addr: str) -> str:
    op = r.random()
    if op < 0.3:
        return addr.upper()
    if op < 0.5:
        return addr.replace("Brgy.", "Barangay").replace("St.", "Street")
    if op < 0.7:
        return addr.replace(",", "")
    if op < 0.85:
        return _typo(r, addr)
    return addr


def city(r: random.Random, country: str) -> str:
    return _word(r, _SYL[style(country)], 2, 3) + r.choice(["", " City", "ville", "", " Town"])


def phone(r: random.Random, country: str) -> str:
    """A phone in the 555-01 block after the country code (documented fictional range)."""
    cc = _DIAL.get(country, "1")
    digits = f"{r.randint(0, 99):02d}{r.randint(0, 9999):04d}"
    fmt = r.random()
    if fmt < 0.5:
        return f"+{cc} 555 01{digits[:2]} {digits[2:]}"
    if fmt < 0.75:
        return f"+{cc}55501{digits}"
    if country == "PH":
        return f"0555-01{digits[:2]}-{digits[2:]}"
    return f"({cc}) 555-01{digits}"


def phone_variant(r: random.Random, ph: str) -> str:
    digits = "".join(c for c in ph if c.isdigit())
    op = r.random()
    if op < 0.4:
        return "+" + digits
    if op < 0.7:
        return digits
    return ph


def email(r: random.Random, name: str) -> str:
    parts = [p for p in name.lower().replace(",", "").replace(".", "").split() if p]
    local = r.choice(
        [".".join(parts[:1] + parts[-1:]), parts[0] + str(r.randint(1, 99)), "".join(parts)[:12]]
    )
    if r.random() < 0.4:
        local += str(r.randint(60, 2005))
    return f"{local}@{r.choice(_EMAIL_DOMAINS)}"


def handle(r: random.Random) -> str:
    w = r.choice(_HANDLE_WORDS)
    sep = r.choice(["", "_", ".", ""])
    tail = r.choice([str(r.randint(1, 999)), r.choice(_HANDLE_WORDS), str(r.randint(80, 2009))])
    return f"{w}{sep}{tail}"


def id_number(r: random.Random, country: str) -> str:
    if country == "PH":
        return r.choice(["UMID", "PHILSYS", "DL", "PSN"]) + f"-{r.randint(10**9, 10**10 - 1)}"
    return f"{country}{r.randint(10**7, 10**8 - 1)}"


def device_id(r: random.Random) -> str:
    return "dev-" + "".join(r.choice("0123456789abcdef") for _ in range(16))


def ip(r: random.Random, kind: str) -> str:
    """Reserved-range IP: 'ph' -> 100.64.0.0/10 (carrier NAT), 'home' -> 198.18.0.0/15,
    'vpn' -> 203.0.113.0/24, 'other' -> 192.0.2.0/24 or 198.51.100.0/24."""
    if kind == "ph":
        return f"100.{r.randint(64, 127)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    if kind == "home":
        return f"198.{r.randint(18, 19)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    if kind == "vpn":
        return f"203.0.113.{r.randint(1, 40)}"
    return r.choice(["192.0.2.", "198.51.100."]) + str(r.randint(1, 254))


def crypto_address(r: random.Random) -> str:
    return "bc1q" + "".join(r.choice("023456789acdefghjklmnpqrstuvwxyz") for _ in range(34))
