"""Small sampling helpers shared by the behaviour generators."""

from __future__ import annotations

import numpy as np

from .catalog import ref_weights
from .clock import Clock, seconds_of_day
from .rng import weighted_choice


def refs(rng: np.random.Generator, n: int, **weights: float) -> np.ndarray:
    """Payment references drawn from keyword=weight pairs (`none` = empty reference)."""
    idx, p = ref_weights(**weights)
    return idx[rng.choice(len(idx), size=n, p=p)]


def any_valid(rng: np.random.Generator, options: np.ndarray) -> np.ndarray:
    """Per row, one of the non-negative entries of `options` (n, k) at random; -1 if none."""
    if options.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    score = np.where(options >= 0, rng.random(options.shape), -1.0)
    pick = options[np.arange(len(options)), score.argmax(axis=1)]
    return np.where(score.max(axis=1) >= 0, pick, -1)


def at_local(
    rng: np.random.Generator, clock: Clock, day: np.ndarray, profile: str, offset: np.ndarray
) -> np.ndarray:
    """UTC timestamps on the given days at local hours drawn from a profile."""
    return clock.at(day, seconds_of_day(rng, len(day), profile), offset)


def lognormal_usd(
    rng: np.random.Generator,
    median: float | np.ndarray,
    sigma: float,
    n: int,
    lo: float = 0.5,
    hi: float = 1e6,
) -> np.ndarray:
    return np.clip(median * np.exp(rng.normal(0.0, sigma, n)), lo, hi)


def counts_to_rows(counts: np.ndarray) -> np.ndarray:
    """Indices 0..len(counts)-1, each repeated counts[i] times."""
    return np.repeat(np.arange(len(counts), dtype=np.int64), counts.astype(np.int64))


def month_starts(clock: Clock, start_date: str, months: int) -> np.ndarray:
    """Simulation day on which each calendar month starts, plus the end day."""
    first = np.datetime64(start_date, "M")
    starts = (np.arange(months + 1) + first).astype("datetime64[D]")
    return (starts - np.datetime64(start_date, "D")).astype(np.int64)


def monthly_days(
    rng: np.random.Generator, months: np.ndarray, dom: np.ndarray, jitter: int, starts: np.ndarray
) -> np.ndarray:
    """Simulation day of day-of-month `dom` (0-based) in each month, +-jitter days."""
    length = starts[months + 1] - starts[months]
    d = np.clip(dom + rng.integers(-jitter, jitter + 1, len(months)), 0, length - 1)
    return starts[months] + d


def weighted_rows(rng: np.random.Generator, shape: tuple[int, int], weights: np.ndarray) -> np.ndarray:
    """A matrix of indices drawn with probability proportional to `weights`."""
    return weighted_choice(rng, shape[0] * shape[1], weights).reshape(shape)
