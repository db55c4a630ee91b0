"""Simulated time: the window, hour-of-day profiles and local/UTC conversions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

DAY = 86_400


@dataclass(frozen=True)
class Clock:
    start: int  # epoch seconds of the first day, 00:00 UTC
    days: int

    @classmethod
    def of(cls, start_date: str, months: int) -> Clock:
        first = dt.date.fromisoformat(start_date)
        year, month = divmod(first.month - 1 + months, 12)
        last = dt.date(first.year + year, month + 1, 1) + dt.timedelta(days=first.day - 1)
        start = int(dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC).timestamp())
        return cls(start=start, days=(last - first).days)

    @property
    def end(self) -> int:
        return self.start + self.days * DAY

    def at(self, day: np.ndarray, local_seconds: np.ndarray, offset_min: np.ndarray) -> np.ndarray:
        """UTC epoch seconds of a local wall-clock time on a simulation day."""
        return (
            self.start
            + day.astype(np.int64) * DAY
            + local_seconds.astype(np.int64)
            - offset_min.astype(np.int64) * 60
        )

    def local_day(self, ts: np.ndarray, offset_min: np.ndarray) -> np.ndarray:
        return (ts + offset_min.astype(np.int64) * 60 - self.start) // DAY

    def inside(self, ts: np.ndarray) -> np.ndarray:
        """Whether each time falls inside the simulated window."""
        return (ts >= self.start) & (ts < self.end)


def local_hour(ts: np.ndarray, offset_min: np.ndarray) -> np.ndarray:
    return ((ts + offset_min.astype(np.int64) * 60) % DAY) // 3600


def _profile(weights: list[float]) -> np.ndarray:
    p = np.array(weights, dtype=np.float64)
    return p / p.sum()


# Relative activity per local hour 0..23.
PROFILES: dict[str, np.ndarray] = {
    # Everyday shopping: daytime peak, a thin night.
    "shop": _profile(
        [0.4, 0.25, 0.15, 0.1, 0.1, 0.3, 1, 2.5, 4, 5, 6, 7, 8, 7, 6, 6, 7, 8, 8, 7, 5.5, 4, 2.5, 1.2]
    ),
    # Person-to-person transfers and bill payments.
    "transfer": _profile(
        [0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.8, 2, 4, 5, 5, 5, 6, 5, 5, 5, 5, 6, 7, 7, 6, 4.5, 3, 1]
    ),
    # Night: the offender remittance window, 21:00 to 04:00 local carries most of the mass.
    "night": _profile(
        [
            9,
            8,
            6.5,
            4.5,
            1.5,
            0.4,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.3,
            0.3,
            0.4,
            0.5,
            0.8,
            1.5,
            6,
            9,
            10,
        ]
    ),
    # Evening and late evening (webcam, private calls, sextortion).
    "evening": _profile(
        [5, 3.5, 2, 1, 0.5, 0.3, 0.3, 0.5, 0.8, 1, 1, 1, 1.2, 1.2, 1.2, 1.5, 2, 3, 4.5, 6, 7, 7.5, 7.5, 6.5]
    ),
    # Batch processing of recurring payments and payroll, early morning.
    "batch": _profile(
        [
            3,
            5,
            6,
            6,
            5,
            4,
            3,
            1.5,
            0.5,
            0.3,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.2,
            0.3,
            0.5,
            1.5,
        ]
    ),
    # Opening hours of cash-out outlets.
    "business": _profile(
        [0, 0, 0, 0, 0, 0, 0.1, 0.5, 3, 6, 7, 7, 6, 7, 7, 7, 6, 5, 4, 2.5, 1.5, 0.5, 0.1, 0]
    ),
}


def seconds_of_day(rng: np.random.Generator, n: int, profile: str) -> np.ndarray:
    """Local seconds after midnight drawn from an hour-of-day profile."""
    p = PROFILES[profile]
    hour = np.searchsorted(np.cumsum(p), rng.random(n), side="right")
    hour = np.minimum(hour, 23)
    return hour * 3600 + rng.integers(0, 3600, n)
