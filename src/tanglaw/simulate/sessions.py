"""Everyday platform life: public broadcasts with many viewers and private calls between
friends, so that private sessions and cross-border viewers are common and not suspicious."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .clock import Clock
from .draws import at_local, counts_to_rows
from .events import Sessions
from .registry import S_PLATFORM, Registry
from .rng import weighted_choice


@dataclass
class Broadcasts:
    host: np.ndarray  # platform account of each broadcast
    start: np.ndarray
    end: np.ndarray
    first: np.ndarray  # first broadcast of each streamer
    count: np.ndarray  # broadcasts of each streamer
    popularity: np.ndarray


def build_broadcasts(
    reg: Registry, rng: np.random.Generator, clock: Clock, streamers: np.ndarray
) -> Broadcasts:
    n_s = len(streamers)
    per_month = np.clip(rng.lognormal(np.log(10), 0.5, n_s), 1, 60)
    count = np.maximum(rng.poisson(per_month * clock.days / 30.44), 1)
    rows = counts_to_rows(count)
    day = rng.integers(0, clock.days, len(rows))
    start = at_local(rng, clock, day, "evening", reg.persons["offset"][streamers[rows]])
    # Sorted by streamer, then by time.
    order = np.lexsort((start, rows))
    start = start[order]
    end = start + rng.integers(3600, 4 * 3600, len(rows))
    host = reg.slot(S_PLATFORM)[streamers[rows[order]]]
    first = np.concatenate([[0], np.cumsum(count)[:-1]])
    return Broadcasts(host, start, end, first, count, rng.pareto(1.1, n_s) + 0.05)


def viewers(
    b: Broadcasts, reg: Registry, rng: np.random.Generator, clock: Clock, persons: np.ndarray
) -> Sessions:
    """Rows of platform users watching public broadcasts; the session id is the broadcast."""
    if len(b.host) == 0:
        return Sessions.empty()
    acct = reg.slot(S_PLATFORM)[persons]
    persons, acct = persons[acct >= 0], acct[acct >= 0]
    rate = np.clip(rng.lognormal(np.log(3), 0.8, len(persons)), 0.2, 40)
    rows = counts_to_rows(rng.poisson(rate * clock.days / 30.44))
    n = len(rows)
    streamer = weighted_choice(rng, n, b.popularity)
    bc = b.first[streamer] + (rng.random(n) * b.count[streamer]).astype(np.int64)
    paid = np.where(rng.random(n) < 0.08, np.clip(np.round(rng.lognormal(1.5, 0.8, n)), 1, 100), np.nan)
    ok = b.host[bc] != acct[rows]
    s = Sessions.make(
        n,
        sid=bc,
        start=b.start[bc],
        end=b.end[bc],
        host=b.host[bc],
        viewer=acct[rows],
        private=False,
        paid=paid,
        owner=persons[rows],
    )
    return s.take(np.flatnonzero(ok))


def friend_calls(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    callers: np.ndarray,
    everyone: np.ndarray,
    owners: bool = True,
) -> Sessions:
    """Private one-to-one video calls between ordinary platform users."""
    plat = reg.slot(S_PLATFORM)
    callers = callers[(plat[callers] >= 0) & (rng.random(len(callers)) < 0.2)]
    everyone = everyone[plat[everyone] >= 0]
    if len(callers) == 0 or len(everyone) < 2:
        return Sessions.empty()
    rows = counts_to_rows(rng.poisson(1.5 * clock.days / 30.44, len(callers)))
    n = len(rows)
    caller = callers[rows]
    # Each caller has a few friends: a stable hash of the caller picks them.
    friend = everyone[(caller * 2654435761 + rng.integers(0, 3, n) * 97) % len(everyone)]
    day = rng.integers(0, clock.days, n)
    start = at_local(rng, clock, day, "evening", reg.persons["offset"][caller])
    dur = rng.integers(3 * 60, 50 * 60, n)
    ok = friend != caller
    s = Sessions.make(
        n,
        start=start,
        end=start + dur,
        host=plat[caller],
        viewer=plat[friend],
        private=True,
        owner=caller if owners else -1,
    )
    return s.take(np.flatnonzero(ok))
