"""Shared flow helpers: cross-border payments with routes, card purchases, local-time mixes."""

from __future__ import annotations

import numpy as np

from . import timeutil as T
from .world import CH, CUR, ZERO_MASK, Person, World


def times_mixed(
    rng: np.random.Generator, tz: int, days: np.ndarray, night_p: float, other: str = "day"
) -> np.ndarray:
    days = np.floor(np.asarray(days, dtype=float)).astype(np.int64)
    days = np.clip(days, 0, T.NDAYS - 1)
    n = days.size
    out = np.empty(n, dtype=np.int64)
    night = rng.random(n) < night_p
    if night.any():
        out[night] = T.sample_local(rng, tz, days[night], "night")
    if (~night).any():
        out[~night] = T.sample_local(rng, tz, days[~night], other)
    return np.clip(out, T.START, T.END - 1)


def linear_times(rng: np.random.Generator, t0: float, t1: float, a: float, b: float) -> np.ndarray:
    """Event days on [t0, t1] from a Poisson process whose daily rate grows linearly from a to b."""
    L = max(t1 - t0, 1e-6)
    n = rng.poisson((a + b) / 2 * L)
    u = rng.random(n)
    if abs(b - a) < 1e-9:
        x = u * L
    else:
        x = (-a + np.sqrt(a * a + (b - a) * (a + b) * u)) * L / (b - a)
    return np.sort(t0 + x)


def fix_zero_dec(amt: np.ndarray, cur: np.ndarray) -> np.ndarray:
    z = ZERO_MASK[np.asarray(cur, dtype=np.int64)]
    return np.where(z, np.maximum(np.round(amt), 1), np.round(amt, 2))


def xpay(W: World, rng: np.random.Generator, p: Person, rcv, ts, usd, ref, mode: str = "sender",
         fund_card: bool = True) -> np.ndarray:  # fmt: skip
    """Cross-border payments from a demand-side person over his routes. Returns sender accounts."""
    rcv = np.asarray(rcv, dtype=np.int64)
    ts = np.asarray(ts, dtype=np.int64)
    n = rcv.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    usd = np.broadcast_to(np.asarray(usd, dtype=float), (n,))
    ref = np.broadcast_to(np.asarray(ref, dtype=np.int32), (n,))
    br = W.inst_by["bayanremit"].idx
    routes = p.routes
    acc = np.array([r[0] for r in routes], dtype=np.int64)
    ch = np.array([r[1] for r in routes], dtype=np.int64)
    w = np.array([r[2] for r in routes], dtype=float)
    if len(routes) == 1:
        choice = np.zeros(n, dtype=np.int64)
    else:
        choice = np.searchsorted(np.cumsum(w) / w.sum(), rng.random(n), side="right").clip(0, len(routes) - 1)
    kinds = W.a_kind
    is_pickup = np.fromiter((kinds[r] == "remittance" for r in rcv.tolist()), dtype=bool, count=n)
    br_routes = [i for i, a in enumerate(acc.tolist()) if W.a_inst[a] == br]
    if is_pickup.any():
        if not br_routes:
            raise ValueError("pickup receiver without a bayanremit route")
        choice[is_pickup] = br_routes[0]
    snd = acc[choice]
    chan = np.where(is_pickup, CH["cash_pickup"], ch[choice])
    scur = W.cur_of(snd)
    rcur = W.cur_of(rcv)
    if mode == "sender":
        amt = W.nice(W.from_usd(usd, scur, ts))
    elif mode == "receiver":
        amt = W.convert(W.nice(W.from_usd(usd, rcur, ts)), rcur, scur, ts)
    else:
        amt = W.from_usd(usd, scur, ts)
    amt = fix_zero_dec(amt, scur)
    W.emit(ts, snd, rcv, amt, chan, ref)
    if fund_card:
        fs = W.inst_by["fastsend"].idx
        a_inst = W.a_inst
        m = np.fromiter((a_inst[a] == fs for a in snd.tolist()), dtype=bool, count=n)
        if m.any():
            card = p.first("card")
            src = card if card >= 0 else p.first("bank")
            fee = W.nice(W.from_usd(np.full(m.sum(), 2.99), scur[m], ts[m]))
            famt = fix_zero_dec(amt[m] + fee, scur[m])
            W.emit(
                ts[m] - rng.integers(60, 900, m.sum()), src, W.org["fastsend_funding"], famt, CH["card"], 0
            )
    return snd


def card_buy(W: World, rng: np.random.Generator, p: Person, merchants, ts, usd, nice: bool = False) -> None:
    """Card (or debit) purchases from the person's card/bank at merchant accounts."""
    ts = np.asarray(ts, dtype=np.int64)
    if ts.size == 0:
        return
    src = p.first("card")
    if src < 0:
        src = p.first("bank")
    cur = np.full(ts.size, W.a_cur[src])
    amt = W.from_usd(usd, cur, ts)
    if nice:
        amt = W.nice(amt)
    W.emit(ts, src, merchants, fix_zero_dec(amt, cur), CH["card"], 0)


def usd_lognormal(rng: np.random.Generator, median: float, sigma: float, n: int) -> np.ndarray:
    return median * np.exp(rng.normal(0, sigma, n))


def php(W: World) -> int:
    return CUR["PHP"]
