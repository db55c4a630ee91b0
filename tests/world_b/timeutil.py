"""Time zones, daylight saving, local-time sampling and ISO formatting (vectorised)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

START = int(dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp())  # 15-month window starts here
NDAYS = 455  # 2025-01-01 .. 2026-03-31
END = START + NDAYS * 86400
DAY = 86400
HOUR = 3600

# name -> (standard offset in seconds, DST rule)
TZ_RULES: dict[str, tuple[int, str]] = {
    "us_e": (-5 * HOUR, "us"),
    "us_c": (-6 * HOUR, "us"),
    "us_m": (-7 * HOUR, "us"),
    "us_p": (-8 * HOUR, "us"),
    "eu_0": (0, "eu"),
    "eu_1": (1 * HOUR, "eu"),
    "eu_2": (2 * HOUR, "eu"),
    "au_e": (10 * HOUR, "au"),
    "au_q": (10 * HOUR, ""),
    "au_w": (8 * HOUR, ""),
    "utc": (0, ""),
    "p1": (1 * HOUR, ""),
    "p3": (3 * HOUR, ""),
    "p4": (4 * HOUR, ""),
    "p530": (5 * HOUR + 1800, ""),
    "p7": (7 * HOUR, ""),
    "p8": (8 * HOUR, ""),
    "p9": (9 * HOUR, ""),
    "m4": (-4 * HOUR, ""),
    "m5": (-5 * HOUR, ""),
    "m6": (-6 * HOUR, ""),
}
TZ_NAMES = list(TZ_RULES)
TZ_INDEX = {n: i for i, n in enumerate(TZ_NAMES)}

# country -> [(tz name, weight)]
COUNTRY_TZ: dict[str, list[tuple[str, float]]] = {
    "US": [("us_e", 0.47), ("us_c", 0.29), ("us_m", 0.07), ("us_p", 0.17)],
    "CA": [("us_e", 0.6), ("us_c", 0.15), ("us_p", 0.25)],
    "GB": [("eu_0", 1.0)],
    "IE": [("eu_0", 1.0)],
    "DE": [("eu_1", 1.0)],
    "NL": [("eu_1", 1.0)],
    "NO": [("eu_1", 1.0)],
    "SE": [("eu_1", 1.0)],
    "FR": [("eu_1", 1.0)],
    "IT": [("eu_1", 1.0)],
    "CH": [("eu_1", 1.0)],
    "RO": [("eu_2", 1.0)],
    "AU": [("au_e", 0.7), ("au_q", 0.2), ("au_w", 0.1)],
    "JP": [("p9", 1.0)],
    "KR": [("p9", 1.0)],
    "SG": [("p8", 1.0)],
    "HK": [("p8", 1.0)],
    "MY": [("p8", 1.0)],
    "PH": [("p8", 1.0)],
    "SA": [("p3", 1.0)],
    "QA": [("p3", 1.0)],
    "KW": [("p3", 1.0)],
    "KE": [("p3", 1.0)],
    "AE": [("p4", 1.0)],
    "IN": [("p530", 1.0)],
    "TH": [("p7", 1.0)],
    "VN": [("p7", 1.0)],
    "ID": [("p7", 1.0)],
    "CO": [("m5", 1.0)],
    "MX": [("m6", 1.0)],
    "DO": [("m4", 1.0)],
    "NG": [("p1", 1.0)],
    "CI": [("utc", 1.0)],
    "GH": [("utc", 1.0)],
}


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    d = dt.date(year, month, 1)
    d += dt.timedelta(days=(6 - d.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


def _last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def _epoch(d: dt.date, seconds: int) -> int:
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC).timestamp()) + seconds


def _dst_intervals(rule: str, base: int) -> list[tuple[int, int]]:
    out = []
    if rule == "us":
        for y in (2024, 2025, 2026, 2027):
            out.append(
                (_epoch(_nth_sunday(y, 3, 2), 2 * HOUR - base), _epoch(_nth_sunday(y, 11, 1), HOUR - base))
            )
    elif rule == "eu":
        for y in (2024, 2025, 2026, 2027):
            out.append((_epoch(_last_sunday(y, 3), HOUR), _epoch(_last_sunday(y, 10), HOUR)))
    elif rule == "au":
        for y in (2023, 2024, 2025, 2026):
            out.append(
                (
                    _epoch(_nth_sunday(y, 10, 1), 2 * HOUR - base),
                    _epoch(_nth_sunday(y + 1, 4, 1), 2 * HOUR - base),
                )
            )
    return out


_BASE = np.array([TZ_RULES[n][0] for n in TZ_NAMES], dtype=np.int64)
_DST_BOUNDS = [
    np.array([b for iv in _dst_intervals(TZ_RULES[n][1], TZ_RULES[n][0]) for b in iv], dtype=np.int64)
    for n in TZ_NAMES
]


def offsets(tz: np.ndarray, utc: np.ndarray) -> np.ndarray:
    """UTC offset in seconds of each instant in its zone (tz = array of zone indices)."""
    tz = np.asarray(tz, dtype=np.int64)
    utc = np.asarray(utc, dtype=np.int64)
    off = _BASE[tz].copy()
    for z in np.unique(tz):
        b = _DST_BOUNDS[z]
        if b.size == 0:
            continue
        m = tz == z
        pos = np.searchsorted(b, utc[m], side="right")
        off[m] += (pos % 2 == 1) * HOUR
    return off


def local_to_utc(tz: np.ndarray, local: np.ndarray) -> np.ndarray:
    local = np.asarray(local, dtype=np.int64)
    guess = local - _BASE[np.asarray(tz, dtype=np.int64)]
    return local - offsets(tz, guess)


def local_hour(tz: np.ndarray, utc: np.ndarray) -> np.ndarray:
    return ((np.asarray(utc) + offsets(tz, utc)) // HOUR) % 24


# Hour-of-day profiles (local time), 24 weights each.
def _prof(weights: list[float]) -> np.ndarray:
    a = np.array(weights, dtype=float)
    return a / a.sum()


HOUR_PROFILES: dict[str, np.ndarray] = {
    # ordinary waking life: morning to late evening
    "day": _prof([0.3, 0.15, 0.1, 0.1, 0.1, 0.3, 1, 2, 3, 4, 5, 5, 6, 5, 5, 5, 5, 6, 7, 7, 6, 5, 3, 1.2]),
    "evening": _prof(
        [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.5, 1, 1.5, 2, 2, 2, 2.5, 2, 2, 2, 2.5, 4, 6, 7, 7, 6, 4, 2]
    ),
    "office": _prof([0, 0, 0, 0, 0, 0, 0.2, 1, 4, 6, 6, 6, 4, 6, 6, 6, 5, 3, 1, 0.3, 0.1, 0, 0, 0]),
    # late night / early morning heavy
    "night": _prof(
        [7, 6, 5, 4, 2.5, 1, 0.4, 0.3, 0.3, 0.4, 0.5, 0.6, 0.8, 0.8, 0.8, 0.8, 1, 1.2, 1.5, 2, 3, 5, 7, 8]
    ),
    "late": _prof([4, 3, 2, 1.5, 1, 0.5, 0.5, 1, 1.5, 2, 2, 2, 2, 2, 2, 2, 2, 2.5, 3, 3.5, 4, 5, 5, 5]),
    "flat": _prof([1.0] * 24),
}


_CDF = {k: np.cumsum(v) / v.sum() for k, v in HOUR_PROFILES.items()}


def sample_local(rng: np.random.Generator, tz, day: np.ndarray, profile: str) -> np.ndarray:
    """UTC epoch seconds for events on local `day` (0-based from START) at hours drawn from a profile."""
    day = np.asarray(day, dtype=np.int64).ravel()
    n = day.size
    u = rng.random(2 * n)
    hours = np.minimum(np.searchsorted(_CDF[profile], u[:n], side="right"), 23)
    local = START + day * DAY + hours * HOUR + (u[n:] * 3600).astype(np.int64)
    tz_a = np.asarray(tz, dtype=np.int64)
    if tz_a.ndim == 0 or (tz_a.size and tz_a.size == n and n <= 64 and (tz_a == tz_a.flat[0]).all()):
        z = int(tz_a.flat[0]) if tz_a.size else 0
        guess = local - _BASE[z]
        b = _DST_BOUNDS[z]
        off = _BASE[z] + (np.searchsorted(b, guess, side="right") % 2 == 1) * HOUR if b.size else _BASE[z]
        utc = local - off
    else:
        utc = local_to_utc(np.broadcast_to(tz_a, (n,)), local)
    return np.clip(utc, START, END - 1)


_ZONE_CDF = {
    c: ([TZ_INDEX[z] for z, _ in zs], np.cumsum([w for _, w in zs]) / sum(w for _, w in zs))
    for c, zs in COUNTRY_TZ.items()
}


def zone_for(country: str, u: float) -> int:
    zs, cdf = _ZONE_CDF.get(country, ([TZ_INDEX["utc"]], np.array([1.0])))
    return zs[min(int(np.searchsorted(cdf, u, side="right")), len(zs) - 1)]


def iso_strings(utc: np.ndarray, offset: np.ndarray, zulu) -> pa.Array:
    """ISO-8601 strings with explicit offsets; rows with `zulu` write Z for offset 0."""
    utc = np.asarray(utc, dtype=np.int64)
    offset = np.asarray(offset, dtype=np.int64)
    zulu = np.broadcast_to(np.asarray(zulu, dtype=bool), utc.shape)
    local = pa.array(utc + offset, type=pa.int64()).cast(pa.timestamp("s"))
    base = pc.replace_substring(local.cast(pa.string()), " ", "T", max_replacements=1)
    key = offset * 2 + zulu.astype(np.int64)
    uniq, inv = np.unique(key, return_inverse=True)
    suffixes = []
    for k in uniq.tolist():
        o, z = k // 2, k % 2
        if o == 0 and z:
            suffixes.append("Z")
            continue
        sign = "+" if o >= 0 else "-"
        a = abs(int(o))
        suffixes.append(f"{sign}{a // 3600:02d}:{(a % 3600) // 60:02d}")
    suf = pa.array(suffixes, type=pa.string()).take(pa.array(inv.astype(np.int64)))
    return pc.binary_join_element_wise(base, suf, "")


def iso_one(utc: int, offset: int = 0, zulu: bool = True) -> str:
    if offset == 0 and zulu:
        return dt.datetime.fromtimestamp(int(utc), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    tz = dt.timezone(dt.timedelta(seconds=int(offset)))
    return dt.datetime.fromtimestamp(int(utc), tz).isoformat()


def date_str(utc: int) -> str:
    return dt.datetime.fromtimestamp(int(utc), dt.UTC).strftime("%Y-%m-%d")
