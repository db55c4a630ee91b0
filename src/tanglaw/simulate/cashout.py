"""Cash-out on the receiving side: people collect what they receive from abroad.

Facilitators collect the day's receipts and cash out within hours at an agent or pawnshop;
legitimate beneficiaries withdraw part of the month's money a day or more later.
"""

from __future__ import annotations

import numpy as np

from .businesses import Businesses
from .catalog import BANK_PH, CH_CASH, CO, EWALLET_P, K_MERCHANT, REMIT_X
from .clock import DAY, Clock, local_hour
from .events import Txns
from .geo import DEMAND_IDX, USD_PER_UNIT
from .money import usd_amount
from .registry import Registry

RECEIVING = (REMIT_X, EWALLET_P, BANK_PH)


def _business_hours(rng: np.random.Generator, ts: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """Move times outside 08:00-21:00 local to the next opening."""
    hour = local_hour(ts, offset)
    local_midnight = ts - (ts + offset.astype(np.int64) * 60) % DAY
    opening = local_midnight + 8 * 3600 + rng.integers(0, 3 * 3600, len(ts))
    return np.where(hour < 8, opening, np.where(hour >= 21, opening + DAY, ts))


def cash_outs(reg: Registry, rng: np.random.Generator, clock: Clock, biz: Businesses, receipts: Txns) -> Txns:
    acc, persons = reg.accounts, reg.persons
    src = acc["source"][receipts.rcv]
    demand = np.isin(acc["country"][receipts.rcv], DEMAND_IDX)
    keep = np.isin(src, RECEIVING) & (acc["kind"][receipts.rcv] != K_MERCHANT) & ~demand
    r = receipts.take(np.flatnonzero(keep))
    if len(r) == 0:
        return Txns.empty()
    person = acc["person"][r.rcv]
    usd = r.amount * USD_PER_UNIT[r.cur]
    offset = persons["offset"][person]
    fac = persons["cohort"][person] == CO["facilitator"]
    local_day = clock.local_day(r.ts, offset)
    month = local_day // 30
    # Facilitators: one cash-out per account and day; others: per account and month.
    key = r.rcv * 100_000 + np.where(fac, local_day, 50_000 + month)
    order = np.lexsort((r.ts, key))
    key_s = key[order]
    first = np.flatnonzero(np.r_[True, key_s[1:] != key_s[:-1]])
    last = np.r_[first[1:], len(key_s)] - 1
    total = np.add.reduceat(usd[order], first)
    acct = r.rcv[order][first]
    is_fac = fac[order][first]
    t_first, t_last = r.ts[order][first], r.ts[order][last]
    n = len(first)
    go = rng.random(n) < np.where(is_fac, 0.85, 0.6)
    delay = np.where(is_fac, rng.exponential(90 * 60, n) + 600, rng.uniform(2 * 3600, 72 * 3600, n)).astype(
        np.int64
    )
    ts = np.where(is_fac, t_last, t_first) + delay
    share = np.where(is_fac, rng.uniform(0.85, 1.0, n), rng.uniform(0.4, 1.0, n))
    acct, ts, total, share = acct[go], ts[go], total[go], share[go]
    owner_off = persons["offset"][acc["person"][acct]]
    ts = _business_hours(rng, ts, owner_off)
    ok = ts < clock.end
    acct, ts, total, share = acct[ok], ts[ok], total[ok], share[ok]
    k = len(acct)
    source = acc["source"][acct]
    country = acc["country"][acct]
    agent = np.full(k, -1, dtype=np.int64)
    for s in RECEIVING:
        sel = np.flatnonzero(source == s)
        picked = biz.agents[s].pick(rng, country[sel])
        fallback = biz.agents[s].pick_any(rng, len(sel))
        agent[sel] = np.where(picked >= 0, picked, fallback)
    cur = acc["currency"][acct]
    return Txns.make(
        k,
        ts=ts,
        amount=usd_amount(rng, total * share, cur, 0.8),
        cur=cur,
        snd=acct,
        rcv=agent,
        chan=CH_CASH,
        src=source,
    )
