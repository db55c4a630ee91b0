"""Time: the simulated window, ISO 8601 formatting with offsets, and personal hour profiles.

Every person, whatever the cohort, draws a personal hour profile from the same mixture; the
scheduler for cross-border contacts is the same function for every cohort.
"""

from __future__ import annotations

import datetime as _dt
import random
from bisect import bisect

_EPOCH_ORD = _dt.date(1970, 1, 1).toordinal()
DAY = 86400
HOUR = 3600

# Typical waking-day activity (local hours 0..23), shared by everyone.
_DAY_CURVE = [
    0.6,
    0.35,
    0.2,
    0.15,
    0.15,
    0.3,
    0.8,
    1.4,
    1.8,
    2.0,
    2.1,
    2.2,
    2.4,
    2.2,
    2.0,
    2.0,
    2.1,
    2.3,
    2.6,
    2.9,
    3.0,
    2.8,
    2.2,
    1.3,
]
# Night-shift / late-riser variant, also shared.
_NIGHT_CURVE = [
    2.6,
    2.6,
    2.4,
    2.0,
    1.6,
    1.0,
    0.6,
    0.4,
    0.4,
    0.5,
    0.7,
    0.9,
    1.0,
    1.1,
    1.2,
    1.3,
    1.4,
    1.6,
    1.8,
    2.0,
    2.2,
    2.4,
    2.6,
    2.6,
]


def to_epoch(y: int, m: int, d: int) -> int:
    return (_dt.date(y, m, d).toordinal() - _EPOCH_ORD) * DAY


class TsFormatter:
    """Fast ISO 8601 formatting with a per-day string cache."""

    def __init__(self):
        self._days: dict[int, str] = {}
        self._suf: dict[int, str] = {}

    def day_str(self, dnum: int) -> str:
        s = self._days.get(dnum)
        if s is None:
            s = _dt.date.fromordinal(_EPOCH_ORD + dnum).isoformat()
            self._days[dnum] = s
        return s

    def ts(self, t: int, off_min: int) -> str:
        lt = t + off_min * 60
        dnum = lt // DAY
        sec = lt - dnum * DAY
        ds = self._days.get(dnum) or self.day_str(dnum)
        suf = self._suf.get(off_min)
        if suf is None:
            if off_min == 0:
                suf = "Z"
            else:
                a = abs(off_min)
                suf = f"{'+' if off_min > 0 else '-'}{a // 60:02d}:{a % 60:02d}"
            self._suf[off_min] = suf
        return f"{ds}T{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}{suf}"

    def date(self, t: int) -> str:
        return self.day_str(t // DAY)


def hour_profile(r: random.Random, p_night: float) -> list[float]:
    """Cumulative weights over 24 local hours for one person."""
    base = _NIGHT_CURVE if r.random() < p_night else _DAY_CURVE
    # personal taste: boost 1-3 favourite hours, jitter the rest
    w = [b * r.uniform(0.6, 1.4) for b in base]
    for _ in range(r.randint(1, 3)):
        h = r.randrange(24)
        w[h] *= r.uniform(1.5, 4.0)
    cum, acc = [], 0.0
    for x in w:
        acc += x
        cum.append(acc)
    return cum


_HOURS = list(range(24))


def at_local_hour(r: random.Random, day_start_utc: int, tz_min: int, cum: list[float]) -> int:
    """A UTC instant on the person's local calendar day starting near day_start_utc."""
    h = bisect(cum, r.random() * cum[-1])
    if h > 23:
        h = 23
    local_midnight = day_start_utc - (day_start_utc + tz_min * 60) % DAY
    return local_midnight + h * 3600 + r.randrange(3600)


def local_hour(t: int, tz_min: int) -> int:
    return ((t + tz_min * 60) % DAY) // 3600
