"""Time for world D: two years (2023-01-01 .. 2024-12-31), local time zones with DST, hour profiles."""

from __future__ import annotations

import bisect
import datetime as dt

import numpy as np

T0 = int(dt.datetime(2023, 1, 1, tzinfo=dt.UTC).timestamp())
NDAYS = 731  # 2023 + 2024 (leap year)
PAD = 40  # days of slack for settlement delays after the window
DAY = 86400

# zone -> (standard offset in minutes, DST rule)
ZONES: dict[str, tuple[int, str | None]] = {
    "UTC": (0, None),
    "US_E": (-300, "us"),
    "US_C": (-360, "us"),
    "US_M": (-420, "us"),
    "US_P": (-480, "us"),
    "GB": (0, "eu"),
    "CET": (60, "eu"),
    "EET": (120, "eu"),
    "AU_SYD": (600, "au"),
    "AU_BNE": (600, None),
    "AU_PER": (480, None),
    "NZ": (720, "nz"),
    "JP": (540, None),
    "SG": (480, None),
    "PH": (480, None),
    "AST": (180, None),
    "GST": (240, None),
    "CO": (-300, None),
    "DO": (-240, None),
    "MX": (-360, None),
    "ICT": (420, None),
    "WAT": (60, None),
    "GMT": (0, None),
}
ZONE_NAMES = list(ZONES)
ZONE_INDEX = {z: i for i, z in enumerate(ZONE_NAMES)}

COUNTRY_ZONES: dict[str, list[tuple[str, float]]] = {
    "US": [("US_E", 0.47), ("US_C", 0.29), ("US_M", 0.07), ("US_P", 0.17)],
    "CA": [("US_E", 0.6), ("US_C", 0.15), ("US_P", 0.25)],
    "AU": [("AU_SYD", 0.7), ("AU_BNE", 0.2), ("AU_PER", 0.1)],
    "GB": [("GB", 1.0)],
    "IE": [("GB", 1.0)],
    "NZ": [("NZ", 1.0)],
    "JP": [("JP", 1.0)],
    "KR": [("JP", 1.0)],
    "SG": [("SG", 1.0)],
    "HK": [("SG", 1.0)],
    "MY": [("SG", 1.0)],
    "PH": [("PH", 1.0)],
    "SA": [("AST", 1.0)],
    "QA": [("AST", 1.0)],
    "KW": [("AST", 1.0)],
    "AE": [("GST", 1.0)],
    "CO": [("CO", 1.0)],
    "DO": [("DO", 1.0)],
    "MX": [("MX", 1.0)],
    "TH": [("ICT", 1.0)],
    "ID": [("ICT", 1.0)],
    "NG": [("WAT", 1.0)],
    "CI": [("GMT", 1.0)],
    "GH": [("GMT", 1.0)],
    "RO": [("EET", 1.0)],
    "UA": [("EET", 1.0)],
}
for _c in ("DE", "NL", "NO", "SE", "DK", "FR", "IT", "ES", "CH", "BE", "AT"):
    COUNTRY_ZONES[_c] = [("CET", 1.0)]


def _nth_sunday(year: int, month: int, n: int) -> dt.date:
    d = dt.date(year, month, 1)
    d += dt.timedelta(days=(6 - d.weekday()) % 7)
    return d + dt.timedelta(weeks=n - 1)


def _last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def _dst_on(rule: str | None, day: dt.date) -> bool:
    if rule is None:
        return False
    y = day.year
    if rule == "us":
        return _nth_sunday(y, 3, 2) <= day < _nth_sunday(y, 11, 1)
    if rule == "eu":
        return _last_sunday(y, 3) <= day < _last_sunday(y, 10)
    if rule == "au":  # southern hemisphere: off between first Sunday of April and first Sunday of October
        return not (_nth_sunday(y, 4, 1) <= day < _nth_sunday(y, 10, 1))
    if rule == "nz":
        return not (_nth_sunday(y, 4, 1) <= day < _last_sunday(y, 9))
    raise ValueError(rule)


def _offset_table() -> np.ndarray:
    n = NDAYS + 2 * PAD
    tab = np.zeros((len(ZONE_NAMES), n), dtype=np.int32)
    base = dt.date(2023, 1, 1) - dt.timedelta(days=PAD)
    days = [base + dt.timedelta(days=i) for i in range(n)]
    for zi, z in enumerate(ZONE_NAMES):
        std, rule = ZONES[z]
        tab[zi] = [std + (60 if _dst_on(rule, d) else 0) for d in days]
    return tab


OFFSETS = _offset_table()  # minutes, indexed [zone, day + PAD]


def offset_minutes(zone_idx: np.ndarray | int, utc: np.ndarray) -> np.ndarray:
    d = np.clip((np.asarray(utc) - T0) // DAY + PAD, 0, OFFSETS.shape[1] - 1)
    return OFFSETS[zone_idx, d]


def local_to_utc(zone_idx: np.ndarray | int, local_sec: np.ndarray) -> np.ndarray:
    d = np.clip((np.asarray(local_sec) - T0) // DAY + PAD, 0, OFFSETS.shape[1] - 1)
    return np.asarray(local_sec) - OFFSETS[zone_idx, d].astype(np.int64) * 60


def _w(hours: dict[int, float], base: float = 0.02) -> np.ndarray:
    w = np.full(24, base)
    for h, v in hours.items():
        w[h % 24] = v
    return w / w.sum()


HOUR_PROFILES = {
    "any": np.full(24, 1 / 24),
    "day": _w({h: 1.0 for h in range(8, 20)}, 0.05),
    "business": _w({h: 1.0 for h in range(9, 18)}, 0.01),
    "evening": _w({17: 0.6, 18: 0.9, 19: 1.0, 20: 1.0, 21: 0.9, 22: 0.6, 23: 0.3}, 0.04),
    "night": _w({21: 0.5, 22: 0.9, 23: 1.0, 0: 1.0, 1: 0.9, 2: 0.7, 3: 0.5, 4: 0.3}, 0.015),
    "late": _w({20: 0.6, 21: 0.8, 22: 1.0, 23: 1.0, 0: 0.7, 1: 0.4, 2: 0.2}, 0.04),
    "shift": _w({5: 0.6, 6: 0.8, 7: 0.6, 21: 0.5, 22: 0.8, 23: 0.8, 0: 0.6, 1: 0.4}, 0.03),
    "batch": _w({0: 0.3, 1: 1.0, 2: 1.0, 3: 0.6, 4: 0.2}, 0.002),
}


HOUR_CUM = {k: np.cumsum(v).tolist() for k, v in HOUR_PROFILES.items()}
OFFSETS_L = OFFSETS.tolist()


class Clock:
    """Samples days (with an activity ramp over the two years) and local times of day."""

    def __init__(self, rng: np.random.Generator, ramp: float, r=None):
        self.rng = rng
        self.r = r
        w = 1.0 + ramp * np.arange(NDAYS) / NDAYS
        self.cum = np.concatenate([[0.0], np.cumsum(w)])
        self.cum_l = self.cum.tolist()

    def day1(self, start: int = 0, end: int = NDAYS) -> int:
        """One ramp-weighted day in [start, end) (pure Python, for per-event loops)."""
        start = max(0, min(int(start), NDAYS - 1))
        end = max(start + 1, min(int(end), NDAYS))
        c = self.cum_l
        u = c[start] + self.r.random() * (c[end] - c[start])
        return min(max(bisect.bisect_right(c, u) - 1, start), end - 1)

    def at1(self, zone: int, day: int, profile: str = "day") -> int:
        """UTC epoch seconds of one local day at an hour drawn from a profile (pure Python)."""
        r = self.r
        h = min(bisect.bisect_right(HOUR_CUM[profile], r.random()), 23)
        local = T0 + int(day) * DAY + h * 3600 + int(r.random() * 3600)
        d = min(max(int(day) + PAD, 0), len(OFFSETS_L[0]) - 1)
        return local - OFFSETS_L[zone][d] * 60

    def days(self, n: int, start: int = 0, end: int = NDAYS, ramp: bool = True) -> np.ndarray:
        start = max(0, min(start, NDAYS - 1))
        end = max(start + 1, min(end, NDAYS))
        if not ramp:
            return self.rng.integers(start, end, n)
        u = self.rng.uniform(self.cum[start], self.cum[end], n)
        return np.clip(np.searchsorted(self.cum, u, side="right") - 1, start, end - 1)

    def at(self, zone_idx: np.ndarray | int, days: np.ndarray, profile: str = "day") -> np.ndarray:
        """UTC epoch seconds for the given local days and an hour drawn from a profile."""
        days = np.asarray(days, dtype=np.int64)
        n = days.shape[0]
        hours = self.rng.choice(24, size=n, p=HOUR_PROFILES[profile])
        secs = self.rng.integers(0, 3600, n)
        local = T0 + days * DAY + hours * 3600 + secs
        return local_to_utc(zone_idx, local)

    def at_hours(self, zone_idx: np.ndarray | int, days: np.ndarray, hours: np.ndarray) -> np.ndarray:
        days = np.asarray(days, dtype=np.int64)
        local = (
            T0
            + days * DAY
            + np.asarray(hours, dtype=np.int64) * 3600
            + self.rng.integers(0, 3600, days.shape[0])
        )
        return local_to_utc(zone_idx, local)


def day_of(t: int) -> int:
    return int((t - T0) // DAY)


def iso_date(day: int) -> str:
    return (dt.date(2023, 1, 1) + dt.timedelta(days=int(day))).isoformat()


def iso_ts(t: int, offset_min: int = 0) -> str:
    x = (
        dt.datetime.fromtimestamp(t + offset_min * 60, dt.UTC)
        .replace(tzinfo=None)
        .isoformat(timespec="seconds")
    )
    if offset_min == 0:
        return x + "Z"
    sign = "+" if offset_min > 0 else "-"
    m = abs(offset_min)
    return f"{x}{sign}{m // 60:02d}:{m % 60:02d}"


def suffix(offset_min: int) -> str:
    sign = "+" if offset_min >= 0 else "-"
    m = abs(offset_min)
    return f"{sign}{m // 60:02d}:{m % 60:02d}"
