"""People: the customer population of the demand countries and people on the receiving side."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalog import CO, COHORTS, CUSTOMER_COHORTS
from .clock import Clock
from .config import SimulationConfig
from .geo import (
    CC_INDEX,
    COUNTRIES,
    DEMAND_IDX,
    DEMAND_P,
    DIASPORA_ORIGINS,
    pick_countries,
    pick_offsets,
)
from .names import CULTURE_INDEX, POOLS, draw
from .registry import Registry

# cohort: (share male, age mean, age sd, age min, age max)
DEMOGRAPHY: dict[str, tuple[float, float, float, float, float]] = {
    "ordinary": (0.49, 45, 16, 18, 90),
    "offender_payer": (0.97, 50, 10, 30, 75),
    "sextortion_victim": (0.85, 19, 2.5, 16, 25),
    "diaspora_remitter": (0.45, 40, 10, 22, 68),
    "romance_victim": (0.4, 62, 8, 45, 85),
    "webcam_customer": (0.9, 40, 12, 21, 72),
    "charity_sponsor": (0.45, 55, 12, 25, 85),
    "traveller": (0.55, 48, 14, 21, 80),
    "facilitator": (0.0, 38, 9, 22, 62),
    "legit_beneficiary": (0.3, 52, 14, 18, 85),
    "romance_scammer": (0.8, 30, 6, 20, 50),
    "extortionist": (0.9, 25, 4, 18, 40),
    "adult_performer": (0.1, 27, 5, 19, 45),
    "streamer": (0.6, 27, 7, 18, 50),
}


def birth_days(
    rng: np.random.Generator, clock: Clock, n: int, mean: float, sd: float, lo: float, hi: float
) -> np.ndarray:
    """Birth dates (days since 1970) for ages drawn from a clipped normal at the start date."""
    age = np.clip(rng.normal(mean, sd, n), lo, hi + 0.999)
    start_day = clock.start // 86_400
    return (start_day - age * 365.25).astype(np.int32)


def cultures_of(rng: np.random.Generator, country: np.ndarray) -> np.ndarray:
    out = np.zeros(len(country), dtype=np.int8)
    for ci in np.unique(country):
        mask = country == ci
        mix = COUNTRIES[int(ci)].cultures
        idx = np.array([CULTURE_INDEX[c] for c, _ in mix], dtype=np.int8)
        p = np.array([w for _, w in mix], dtype=np.float64)
        out[mask] = idx[rng.choice(len(idx), size=int(mask.sum()), p=p / p.sum())]
    return out


# Combinations of common names that belong to famous people: a simulated person never gets one.
FAMOUS: frozenset[tuple[str, str]] = frozenset(
    {
        ("Michael", "Jackson"),
        ("James", "Brown"),
        ("Paul", "Walker"),
        ("John", "Williams"),
        ("James", "Taylor"),
        ("Elizabeth", "Taylor"),
        ("Jennifer", "Lopez"),
        ("Steven", "King"),
        ("Robert", "Smith"),
        ("Mark", "Wright"),
        ("Jose", "Rizal"),
        ("Jennifer", "Hudson"),
        ("Michael", "Scott"),
        ("John", "Lewis"),
        ("David", "Wilson"),
        ("Kevin", "Hart"),
    }
)
_NAME_CODE = np.unique(POOLS.names.astype(str), return_inverse=True)[1].astype(np.int64)


def _code(name: str) -> int:
    hits = np.flatnonzero(POOLS.names == name)
    return int(_NAME_CODE[hits[0]]) if len(hits) else -1


_FAMOUS_CODES = np.array(
    [_code(a) * 100_000 + _code(b) for a, b in sorted(FAMOUS) if _code(a) >= 0 and _code(b) >= 0],
    dtype=np.int64,
)


def avoid_famous(reg: Registry) -> int:
    """Give anyone whose given name and surname are a famous person's the next surname of
    their culture's pool. Returns how many names changed."""
    p = reg.persons
    people = np.flatnonzero((p["first"] >= 0) & (p["last"] >= 0))
    pairs = _NAME_CODE[p["first"][people]] * 100_000 + _NAME_CODE[p["last"][people]]
    hit = people[np.isin(pairs, _FAMOUS_CODES)]
    if len(hit):
        culture = p["culture"][hit]
        start, size = POOLS.surname[culture, 0], POOLS.surname[culture, 1]
        last = p["last"]
        last[hit] = start + (last[hit] - start + 1) % size
    return len(hit)


def draw_names(rng: np.random.Generator, culture: np.ndarray, gender: np.ndarray) -> dict[str, np.ndarray]:
    """Given name, middle name, surname and second surname indices for each person."""
    n = len(culture)
    first = np.where(gender == 1, draw(rng, POOLS.male, culture), draw(rng, POOLS.female, culture)).astype(
        np.int32
    )
    style = POOLS.middle_style[culture]
    given2 = np.where(gender == 1, draw(rng, POOLS.male, culture), draw(rng, POOLS.female, culture))
    surname2 = draw(rng, POOLS.surname, culture)
    has_given2 = (style == 1) & (rng.random(n) < 0.55) & (given2 != first)
    middle = np.where(has_given2, given2, -1)
    middle = np.where(style == 2, surname2, middle).astype(np.int32)
    last = draw(rng, POOLS.surname, culture).astype(np.int32)
    last2 = np.where((style == 3) & (surname2 != last), surname2, -1).astype(np.int32)
    return {"first": first, "middle": middle, "last": last, "last2": last2}


def contact_numbers(rng: np.random.Generator, n: int, tag_base: int) -> dict[str, np.ndarray]:
    """Phone numbers, the unique email tag, home IP and device seeds."""
    tag = tag_base + np.arange(n, dtype=np.int64)
    # Bijective scrambles of the tag: phone numbers are unique yet look random.
    half = 500_000_000
    return {
        "phone": (tag * 387_420_489 + 91_234_567) % half,
        "phone_alt": half + (tag * 282_475_249 + 13_579_246) % half,
        "tag": tag,
        "ip": rng.integers(1, 2**47, n, dtype=np.int64),
        "device": rng.integers(1, 2**62, n, dtype=np.int64),
    }


def add_people(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    cohort: str | np.ndarray,
    country: np.ndarray,
    culture: np.ndarray | None = None,
    gender: np.ndarray | None = None,
) -> np.ndarray:
    """Append people of one cohort (or per-row cohorts) living in `country`."""
    n = len(country)
    cohorts = np.full(n, CO[cohort], np.int8) if isinstance(cohort, str) else cohort.astype(np.int8)
    if culture is None:
        culture = cultures_of(rng, country)
    male = np.zeros(n)
    birth = np.zeros(n, dtype=np.int32)
    for code in np.unique(cohorts):
        mask = cohorts == code
        name = COHORTS[int(code)]
        p_male, mean, sd, lo, hi = DEMOGRAPHY[name]
        male[mask] = p_male
        birth[mask] = birth_days(rng, clock, int(mask.sum()), mean, sd, lo, hi)
    if gender is None:
        gender = (rng.random(n) < male).astype(np.int8)
    tag_base = len(reg.persons)
    cols = draw_names(rng, culture, gender)
    cols.update(contact_numbers(rng, n, tag_base))
    return reg.persons.add(
        n,
        cohort=cohorts,
        country=country,
        offset=pick_offsets(rng, country),
        culture=culture,
        gender=gender,
        birth=birth,
        **cols,
    )


@dataclass
class Customers:
    """The customer population (persons 0 .. n-1 of the registry)."""

    n: int
    cohort: np.ndarray
    origin: np.ndarray  # country index of diaspora remitters' origin, -1 otherwise

    def of(self, cohort: str) -> np.ndarray:
        return np.flatnonzero(self.cohort == CO[cohort])


def make_customers(cfg: SimulationConfig, reg: Registry, rng: np.random.Generator, clock: Clock) -> Customers:
    n = cfg.customers
    counts = cfg.cohort_counts()
    codes = np.concatenate([np.full(counts[c], CO[c], dtype=np.int8) for c in CUSTOMER_COHORTS])
    cohort = codes[rng.permutation(n)]
    country = DEMAND_IDX[rng.choice(len(DEMAND_IDX), size=n, p=DEMAND_P)]
    culture = cultures_of(rng, country)
    origin = np.full(n, -1, dtype=np.int16)
    dia = np.flatnonzero(cohort == CO["diaspora_remitter"])
    origin[dia] = pick_countries(rng, len(dia), DIASPORA_ORIGINS)
    # Mexican diaspora lives mostly in the US; elsewhere replace it by Philippine origin.
    mx, ph = CC_INDEX["MX"], CC_INDEX["PH"]
    not_us = dia[(origin[dia] == mx) & (country[dia] != CC_INDEX["US"])]
    origin[not_us] = ph
    culture[dia] = cultures_of(rng, origin[dia])
    people = add_people(reg, rng, clock, cohort, country, culture=culture)
    assert people[0] == 0 and len(people) == n
    return Customers(n=n, cohort=cohort, origin=origin)
