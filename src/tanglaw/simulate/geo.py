"""Countries, currencies, time zones and exchange rates of the synthetic world.

Everything here is static data, kept apart from the detection code on purpose (no shared
constants). Time zones are fixed UTC offsets: daylight saving time is not simulated.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Country:
    code: str
    currency: str
    calling_code: str
    national_digits: int
    offsets: tuple[tuple[int, float], ...]  # (minutes east of UTC, weight)
    cultures: tuple[tuple[str, float], ...]  # (culture, weight) of ordinary residents
    cities: tuple[str, ...]
    demand_share: float = 0.0  # share of the customer population living there


COUNTRIES: tuple[Country, ...] = (
    # Demand (sending) countries: shares follow the inflow mix of PH remittances.
    Country(
        "US",
        "USD",
        "1",
        10,
        ((-300, 0.47), (-360, 0.29), (-420, 0.07), (-480, 0.17)),
        (
            ("anglo", 0.74),
            ("hispanic", 0.13),
            ("chinese", 0.03),
            ("indian", 0.03),
            ("filipino", 0.02),
            ("vietnamese", 0.01),
            ("west_african", 0.02),
            ("korean", 0.01),
            ("german", 0.01),
        ),
        (
            "Springfield",
            "Riverton",
            "Lakewood",
            "Fairview",
            "Maple Grove",
            "Oakdale",
            "Brookside",
            "Cedar Falls",
        ),
        0.50,
    ),
    Country(
        "GB",
        "GBP",
        "44",
        10,
        ((0, 1.0),),
        (("anglo", 0.86), ("indian", 0.07), ("west_african", 0.03), ("filipino", 0.02), ("chinese", 0.02)),
        ("Ashford", "Kingsbridge", "Millbrook", "Westholm", "Harrowgate"),
        0.08,
    ),
    Country(
        "AU",
        "AUD",
        "61",
        9,
        ((600, 0.8), (480, 0.1), (570, 0.1)),
        (("anglo", 0.85), ("chinese", 0.05), ("indian", 0.04), ("filipino", 0.03), ("vietnamese", 0.03)),
        ("Port Ellis", "Bayview", "Northcote", "Kingsford", "Greenvale"),
        0.07,
    ),
    Country(
        "CA",
        "CAD",
        "1",
        10,
        ((-300, 0.6), (-480, 0.2), (-420, 0.2)),
        (("anglo", 0.74), ("french", 0.12), ("chinese", 0.05), ("indian", 0.05), ("filipino", 0.04)),
        ("Fort Ridley", "Lakeshore", "Pine Hill", "St. Clair", "Westbrook"),
        0.07,
    ),
    Country(
        "DE",
        "EUR",
        "49",
        10,
        ((60, 1.0),),
        (("german", 0.9), ("anglo", 0.03), ("slavic", 0.04), ("arabic", 0.03)),
        ("Neustadt", "Altdorf", "Rheinfeld", "Lindenau", "Bergheim"),
        0.05,
    ),
    Country(
        "JP",
        "JPY",
        "81",
        10,
        ((540, 1.0),),
        (("japanese", 0.97), ("filipino", 0.02), ("anglo", 0.01)),
        ("Kitamachi", "Minamihara", "Higashiyama", "Nishino"),
        0.04,
    ),
    Country(
        "SG",
        "SGD",
        "65",
        8,
        ((480, 1.0),),
        (("chinese", 0.74), ("indian", 0.1), ("anglo", 0.08), ("filipino", 0.08)),
        ("Central", "Eastpoint", "Westlake", "Northshore"),
        0.03,
    ),
    Country(
        "FR",
        "EUR",
        "33",
        9,
        ((60, 1.0),),
        (("french", 0.88), ("arabic", 0.06), ("west_african", 0.04), ("anglo", 0.02)),
        ("Villeneuve", "Montclair", "Beaulieu", "Saint-Roch"),
        0.03,
    ),
    Country(
        "NL",
        "EUR",
        "31",
        9,
        ((60, 1.0),),
        (("dutch", 0.9), ("anglo", 0.04), ("arabic", 0.03), ("german", 0.03)),
        ("Zuiderveen", "Hoogdorp", "Westerhaven", "Kleinburg"),
        0.02,
    ),
    Country(
        "SA",
        "SAR",
        "966",
        9,
        ((180, 1.0),),
        (("arabic", 0.8), ("indian", 0.1), ("filipino", 0.1)),
        ("Al Noor", "Wadi Hills", "Al Waha", "Qasr"),
        0.03,
    ),
    Country(
        "IT",
        "EUR",
        "39",
        10,
        ((60, 1.0),),
        (("italian", 0.93), ("filipino", 0.03), ("slavic", 0.04)),
        ("Castelnuovo", "Villafranca", "Montefiore", "Borgo Alto"),
        0.015,
    ),
    Country(
        "ES",
        "EUR",
        "34",
        9,
        ((60, 1.0),),
        (("hispanic", 0.93), ("anglo", 0.03), ("arabic", 0.04)),
        ("Villanueva", "Miraflores", "Puerto Claro", "Sierra Alta"),
        0.015,
    ),
    Country(
        "NZ",
        "NZD",
        "64",
        9,
        ((720, 1.0),),
        (("anglo", 0.9), ("filipino", 0.04), ("chinese", 0.06)),
        ("Kowhai Bay", "Ridgefield", "Tarawood"),
        0.01,
    ),
    Country(
        "SE",
        "SEK",
        "46",
        9,
        ((60, 1.0),),
        (("nordic", 0.92), ("arabic", 0.08)),
        ("Norrvik", "Ekdal", "Sjoberga"),
        0.01,
    ),
    Country(
        "CH",
        "CHF",
        "41",
        9,
        ((60, 1.0),),
        (("german", 0.65), ("french", 0.2), ("italian", 0.1), ("anglo", 0.05)),
        ("Seewil", "Bergdorf", "Lacville"),
        0.01,
    ),
    Country(
        "AE",
        "AED",
        "971",
        9,
        ((240, 1.0),),
        (("arabic", 0.4), ("indian", 0.35), ("filipino", 0.15), ("anglo", 0.1)),
        ("Al Marsa", "Palm District", "Old Creek"),
        0.01,
    ),
    Country(
        "KR",
        "KRW",
        "82",
        10,
        ((540, 1.0),),
        (("korean", 0.98), ("anglo", 0.02)),
        ("Hanbit", "Dongsan", "Seowon"),
        0.005,
    ),
    Country(
        "HK",
        "HKD",
        "852",
        8,
        ((480, 1.0),),
        (("chinese", 0.9), ("filipino", 0.06), ("anglo", 0.04)),
        ("Harbour East", "Kowloon Heights", "Lantern Bay"),
        0.005,
    ),
    Country(
        "IE",
        "EUR",
        "353",
        9,
        ((0, 1.0),),
        (("anglo", 0.95), ("filipino", 0.05)),
        ("Ballymore", "Kilbride", "Glenarra"),
        0.005,
    ),
    Country(
        "NO",
        "NOK",
        "47",
        8,
        ((60, 1.0),),
        (("nordic", 0.95), ("anglo", 0.05)),
        ("Fjordvik", "Solheim", "Bergnes"),
        0.005,
    ),
    # Receiving countries (cross-border beneficiaries, performers, scammers).
    Country(
        "PH",
        "PHP",
        "63",
        10,
        ((480, 1.0),),
        (("filipino", 1.0),),
        (
            "Quezon City",
            "Cebu City",
            "Davao City",
            "Cagayan de Oro",
            "Iloilo City",
            "Angeles City",
            "Taguig",
            "Lapu-Lapu City",
            "Bacolod",
            "Pasay",
        ),
    ),
    Country(
        "TH",
        "THB",
        "66",
        9,
        ((420, 1.0),),
        (("thai", 1.0),),
        ("Bangkok", "Chiang Mai", "Pattaya", "Udon Thani"),
    ),
    Country(
        "CO",
        "COP",
        "57",
        10,
        ((-300, 1.0),),
        (("hispanic", 1.0),),
        ("Bogota", "Medellin", "Cali", "Barranquilla"),
    ),
    Country(
        "DO",
        "DOP",
        "1",
        10,
        ((-240, 1.0),),
        (("hispanic", 1.0),),
        ("Santo Domingo", "Santiago", "Puerto Plata"),
    ),
    Country(
        "MX",
        "MXN",
        "52",
        10,
        ((-360, 1.0),),
        (("hispanic", 1.0),),
        ("Guadalajara", "Puebla", "Monterrey", "Tijuana"),
    ),
    Country("GH", "GHS", "233", 9, ((0, 1.0),), (("west_african", 1.0),), ("Accra", "Kumasi", "Tamale")),
    Country(
        "NG",
        "NGN",
        "234",
        10,
        ((60, 1.0),),
        (("west_african", 1.0),),
        ("Lagos", "Abuja", "Ibadan", "Benin City"),
    ),
    Country(
        "CI",
        "XOF",
        "225",
        10,
        ((0, 1.0),),
        (("west_african", 0.6), ("french", 0.4)),
        ("Abidjan", "Bouake", "Yamoussoukro"),
    ),
    Country(
        "RO",
        "RON",
        "40",
        9,
        ((120, 1.0),),
        (("romanian", 1.0),),
        ("Bucharest", "Cluj-Napoca", "Timisoara", "Iasi"),
    ),
    Country("UA", "UAH", "380", 9, ((120, 1.0),), (("slavic", 1.0),), ("Kyiv", "Lviv", "Odesa", "Kharkiv")),
    Country("JM", "JMD", "1", 10, ((-300, 1.0),), (("anglo", 1.0),), ("Kingston", "Montego Bay")),
    Country("IN", "INR", "91", 10, ((330, 1.0),), (("indian", 1.0),), ("Kochi", "Pune", "Chennai", "Jaipur")),
    Country("VN", "VND", "84", 9, ((420, 1.0),), (("vietnamese", 1.0),), ("Hanoi", "Da Nang", "Can Tho")),
    Country(
        "ID", "IDR", "62", 10, ((420, 1.0),), (("indonesian", 1.0),), ("Surabaya", "Bandung", "Denpasar")
    ),
    Country(
        "MY",
        "MYR",
        "60",
        9,
        ((480, 1.0),),
        (("indonesian", 0.6), ("chinese", 0.4)),
        ("Kuala Lumpur", "Penang", "Johor Bahru"),
    ),
    Country("TR", "TRY", "90", 10, ((180, 1.0),), (("arabic", 1.0),), ("Istanbul", "Izmir", "Antalya")),
)

CC: tuple[str, ...] = tuple(c.code for c in COUNTRIES)
CC_INDEX: dict[str, int] = {c: i for i, c in enumerate(CC)}

# usd_per_unit, approximate rates of the mid-2020s; the fx table drifts around them.
FX_BASE: dict[str, float] = {
    "USD": 1.0,
    "GBP": 1.27,
    "AUD": 0.65,
    "CAD": 0.73,
    "EUR": 1.08,
    "JPY": 0.0067,
    "SGD": 0.74,
    "SAR": 0.2667,
    "NZD": 0.60,
    "SEK": 0.095,
    "CHF": 1.13,
    "AED": 0.2723,
    "KRW": 0.00073,
    "HKD": 0.128,
    "NOK": 0.092,
    "PHP": 0.0175,
    "THB": 0.029,
    "COP": 0.00025,
    "DOP": 0.0168,
    "MXN": 0.055,
    "GHS": 0.067,
    "NGN": 0.00065,
    "XOF": 0.00165,
    "RON": 0.217,
    "UAH": 0.024,
    "JMD": 0.0064,
    "INR": 0.012,
    "VND": 0.000039,
    "IDR": 0.000062,
    "MYR": 0.22,
    "TRY": 0.029,
}
CURRENCIES: tuple[str, ...] = tuple(FX_BASE)
CUR_INDEX: dict[str, int] = {c: i for i, c in enumerate(CURRENCIES)}
ZERO_DECIMAL = frozenset({"JPY", "KRW", "VND", "XOF", "IDR", "COP"})

USD_PER_UNIT = np.array([FX_BASE[c] for c in CURRENCIES], dtype=np.float64)
CUR_DECIMALS = np.array([0 if c in ZERO_DECIMAL else 2 for c in CURRENCIES], dtype=np.int8)
COUNTRY_CUR = np.array([CUR_INDEX[c.currency] for c in COUNTRIES], dtype=np.int16)
COUNTRY_DIGITS = np.array([c.national_digits for c in COUNTRIES], dtype=np.int8)

DEMAND = tuple(c.code for c in COUNTRIES if c.demand_share > 0)
DEMAND_IDX = np.array([CC_INDEX[c] for c in DEMAND], dtype=np.int16)
DEMAND_P = np.array([COUNTRIES[i].demand_share for i in DEMAND_IDX], dtype=np.float64)
DEMAND_P = DEMAND_P / DEMAND_P.sum()

# Where offender networks' facilitators live (FINTRAC / AMLC receiving side).
FACILITATOR_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("PH", 0.82),
    ("TH", 0.04),
    ("CO", 0.04),
    ("DO", 0.03),
    ("MX", 0.03),
    ("RO", 0.02),
    ("GH", 0.02),
)
# Origin of diaspora remitters (and so of their beneficiaries).
DIASPORA_ORIGINS: tuple[tuple[str, float], ...] = (
    ("PH", 0.62),
    ("MX", 0.12),
    ("IN", 0.08),
    ("VN", 0.05),
    ("CO", 0.04),
    ("TH", 0.03),
    ("NG", 0.03),
    ("DO", 0.03),
)
ROMANCE_SCAM_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("NG", 0.35),
    ("GH", 0.2),
    ("PH", 0.15),
    ("MY", 0.1),
    ("TR", 0.1),
    ("CI", 0.1),
)
SEXTORTION_COUNTRIES: tuple[tuple[str, float], ...] = (("NG", 0.5), ("CI", 0.25), ("PH", 0.25))
PERFORMER_COUNTRIES: tuple[tuple[str, float], ...] = (
    ("CO", 0.4),
    ("RO", 0.22),
    ("US", 0.1),
    ("PH", 0.1),
    ("UA", 0.08),
    ("MX", 0.05),
    ("TH", 0.05),
)
TRAVEL_DESTINATIONS: tuple[tuple[str, float], ...] = (
    ("TH", 0.16),
    ("PH", 0.12),
    ("MX", 0.1),
    ("ES", 0.1),
    ("IT", 0.1),
    ("FR", 0.08),
    ("JP", 0.08),
    ("GB", 0.06),
    ("US", 0.06),
    ("ID", 0.05),
    ("VN", 0.04),
    ("DO", 0.03),
    ("CO", 0.02),
)
# Receiving-side ordinary population (people who only use receiving sources).
RECEIVER_POPULATION: tuple[tuple[str, float], ...] = (
    ("PH", 0.7),
    ("TH", 0.04),
    ("CO", 0.04),
    ("MX", 0.05),
    ("IN", 0.04),
    ("VN", 0.03),
    ("NG", 0.04),
    ("DO", 0.02),
    ("GH", 0.02),
    ("CI", 0.02),
)


def pick_countries(rng: np.random.Generator, n: int, table: tuple[tuple[str, float], ...]) -> np.ndarray:
    """Country indices drawn from a (code, weight) table."""
    idx = np.array([CC_INDEX[c] for c, _ in table], dtype=np.int16)
    p = np.array([w for _, w in table], dtype=np.float64)
    return idx[rng.choice(len(idx), size=n, p=p / p.sum())]


def pick_offsets(rng: np.random.Generator, country: np.ndarray) -> np.ndarray:
    """Local UTC offset (minutes) of residents of the given countries."""
    out = np.zeros(len(country), dtype=np.int16)
    for ci in np.unique(country):
        mask = country == ci
        offs = COUNTRIES[int(ci)].offsets
        vals = np.array([o for o, _ in offs], dtype=np.int16)
        p = np.array([w for _, w in offs], dtype=np.float64)
        out[mask] = vals[rng.choice(len(vals), size=int(mask.sum()), p=p / p.sum())]
    return out


def main_offset(country: np.ndarray) -> np.ndarray:
    """The most common offset of each country (for businesses and trip destinations)."""
    table = np.array([max(c.offsets, key=lambda o: o[1])[0] for c in COUNTRIES], np.int16)
    return table[country]
