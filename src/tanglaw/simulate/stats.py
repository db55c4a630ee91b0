"""Summary statistics of a generated world (returned by simulate_world)."""

from __future__ import annotations

from typing import Any

import numpy as np

from .catalog import COHORTS, CUSTOMER_COHORTS
from .clock import local_hour
from .events import Sessions, Txns
from .geo import USD_PER_UNIT
from .registry import S_PLATFORM, Registry

HOUR = 3600


def night_share(ts: np.ndarray, offset: np.ndarray) -> float:
    """Share of times between 21:00 and 04:00 local."""
    if len(ts) == 0:
        return 0.0
    h = local_hour(ts, offset)
    return float(np.mean((h >= 21) | (h < 4)))


def session_before_share(reg: Registry, t: Txns, s: Sessions, window: int = 3 * HOUR) -> float:
    """Share of payments preceded, within `window`, by a session between the payer's and
    the beneficiary's platform accounts (either way round)."""
    if len(t) == 0 or len(s) == 0:
        return 0.0
    acc = reg.accounts
    plat = reg.slot(S_PLATFORM)
    a = plat[acc["person"][t.snd]]
    b = plat[acc["person"][t.rcv]]
    n_acc = len(acc)
    s_key = np.concatenate([s.viewer * n_acc + s.host, s.host * n_acc + s.viewer])
    s_end = np.concatenate([s.end, s.end])
    keys, s_idx = np.unique(s_key, return_inverse=True)
    base = int(min(s_end.min(), t.ts.min())) - window
    comp = np.sort(s_idx.astype(np.int64) << 34 | (s_end - base))
    p_key = a * n_acc + b
    pos = np.searchsorted(keys, p_key)
    pos = np.minimum(pos, len(keys) - 1)
    known = (keys[pos] == p_key) & (a >= 0) & (b >= 0)
    q = pos.astype(np.int64) << 34 | (t.ts - base)
    i = np.searchsorted(comp, q, side="right") - 1
    prev = comp[np.maximum(i, 0)]
    same = (prev >> 34) == pos
    close = (q - prev) <= window
    return float(np.mean(known & (i >= 0) & same & close))


def payment_stats(reg: Registry, t: Txns, s: Sessions) -> dict[str, Any]:
    if len(t) == 0:
        return {"count": 0}
    usd = t.amount * USD_PER_UNIT[t.cur]
    offset = reg.persons["offset"][reg.accounts["person"][t.snd]]
    q05, q50, q95 = np.percentile(usd, [5, 50, 95])
    return {
        "count": len(t),
        "median_usd": round(float(q50), 2),
        "p05_usd": round(float(q05), 2),
        "p95_usd": round(float(q95), 2),
        "max_usd": round(float(usd.max()), 2),
        "night_share": round(night_share(t.ts, offset), 3),
        "with_session_before_share": round(session_before_share(reg, t, s), 3),
    }


def cohort_counts(reg: Registry) -> dict[str, int]:
    counts = np.bincount(reg.persons["cohort"], minlength=len(COHORTS))
    return {c: int(counts[i]) for i, c in enumerate(COHORTS) if counts[i]}


def customer_cohorts(cohort: np.ndarray) -> dict[str, int]:
    counts = np.bincount(cohort, minlength=len(COHORTS))
    return {c: int(counts[COHORTS.index(c)]) for c in CUSTOMER_COHORTS}
