"""Shared behaviour: when people act and how a payment relationship unfolds over time.

The same scheduler and the same relationship function drive offenders and look-alikes; only
their parameters differ, and those overlap.
"""

from __future__ import annotations

import random

from . import text
from .clock import DAY, at_local_hour, local_hour
from .model import Person
from .rng import lognormal

_PH_HOUR_OK = [0.55, 0.35, 0.25, 0.2, 0.2, 0.35, 0.7, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.8]


def local(r: random.Random, p: Person, base: int) -> int:
    return at_local_hour(r, base, p.tz, p.hours)


def cross_time(r: random.Random, p: Person, base: int) -> int:
    """A moment for a cross-border contact: the foreign person's own hours, at a time of day
    the person in the Philippines will plausibly answer. Used for every cohort alike."""
    t = at_local_hour(r, base, p.tz, p.hours)
    for _ in range(3):
        if r.random() < _PH_HOUR_OK[local_hour(t, 480)]:
            return t
        t = at_local_hour(r, base, p.tz, p.hours)
    return t


def schedule(r: random.Random, spec: tuple, start: int, end: int) -> list[int]:
    """Base instants (days) of a relationship between start and end."""
    kind = spec[0]
    out: list[int] = []
    if end <= start:
        return out
    if kind == "monthly":
        jitter = spec[1]
        t = start + int(r.uniform(0, 30) * DAY)
        while t < end:
            if r.random() > spec[2] if len(spec) > 2 else True:
                out.append(int(t + r.gauss(0, jitter) * DAY))
            t += int(30.44 * DAY)
    elif kind == "every":  # every N days with jitter
        gap = spec[1]
        t = start + int(r.uniform(0, gap) * DAY)
        while t < end:
            out.append(int(t + r.gauss(0, gap * 0.15) * DAY))
            t += int(gap * DAY)
    elif kind == "poisson":
        per_month = spec[1]
        t = start
        while True:
            t += int(r.expovariate(per_month / (30.44 * DAY)))
            if t >= end:
                break
            out.append(t)
    elif kind in ("few", "burst"):
        n, span = spec[1], spec[2]
        a = start + int(r.uniform(0, max(1, (end - start) - span * DAY)))
        out = sorted(a + int(r.uniform(0, span * DAY)) for _ in range(n))
    elif kind == "escalating":
        g0, g1 = spec[1], spec[2]
        t = start
        span = end - start
        while t < end:
            out.append(t)
            frac = (t - start) / span
            gap = g0 + (g1 - g0) * frac
            t += int(max(0.5, r.gauss(gap, gap * 0.25)) * DAY)
    return [x for x in out if start <= x < end]


def window(r: random.Random, w, min_frac: float, max_frac: float, before_p: float = 0.5) -> tuple[int, int]:
    """An activity span inside the simulated window; before_p: chance it started before it."""
    span = w.t1 - w.t0
    length = int(r.uniform(min_frac, max_frac) * span)
    if r.random() < before_p:
        a = w.t0
    else:
        a = w.t0 + int(r.random() * max(1, span - length))
    return a, min(w.t1, a + length)


def relation(
    w,
    r: random.Random,
    payer: Person,
    payee: Person,
    *,
    spec: tuple,
    start: int,
    end: int,
    usd: float,
    sigma: float,
    ref_kind: str,
    p_blank: float,
    channel: str,
    chat_kind: str = "",
    p_chat: float = 0.0,
    p_call: float = 0.0,
    call_min: tuple = (5, 40),
    grow: float = 1.0,
    cross: bool = True,
    alt_channel: str = "",
    p_alt: float = 0.0,
    handle: str = "",
) -> int:
    """Payments from payer to payee on a schedule, each maybe with a chat and a video call."""
    times = schedule(r, spec, start, end)
    n = 0
    plat = w.platform
    k = len(times)
    for i, base in enumerate(times):
        t = cross_time(r, payer, base) if cross else local(r, payer, base)
        if t < w.t0 or t >= w.t1:
            continue
        f = 1.0 + (grow - 1.0) * (i / max(1, k - 1))
        amt = max(2.0, lognormal(r, usd * f, sigma))
        ch = alt_channel if (alt_channel and r.random() < p_alt) else channel
        ref = text.ref(r, ref_kind, p_blank, handle=handle, phone=payee.phone)
        if w.money.send(r, t, payer, payee, amt, ch, ref):
            n += 1
        if (p_chat or p_call) and payer.plat and payee.plat:
            a = plat.account(payer, t)
            b = plat.account(payee, t)
            if a is not None and b is not None:
                sid = ""
                if r.random() < p_call:
                    pay_first = r.random() < 0.6
                    ts = t + int(r.uniform(120, 3600)) if pay_first else t - int(r.uniform(600, 5400))
                    host, view = (b, a)
                    sid = plat.session(r, ts, host, [(view, 0.0)], True, r.uniform(*call_min))
                if r.random() < p_chat:
                    plat.chat(r, t - int(r.uniform(300, 7200)), a, b, chat_kind, r.randint(2, 6), sid)
    return n


def calls(
    w,
    r: random.Random,
    a: Person,
    b: Person,
    per_month: float,
    start: int,
    end: int,
    minutes: tuple,
    chat_kind: str,
    p_chat: float,
    host_b: float = 0.7,
) -> None:
    """Free video calls between two people (families, couples, tutors)."""
    plat = w.platform
    if not a.plat or not b.plat:
        return
    for base in schedule(r, ("poisson", per_month), start, end):
        t = cross_time(r, a, base) if a.country != b.country else local(r, a, base)
        x = plat.account(a, t)
        y = plat.account(b, t)
        if x is None or y is None:
            continue
        host, view = (y, x) if r.random() < host_b else (x, y)
        sid = plat.session(r, t, host, [(view, 0.0)], True, r.uniform(*minutes))
        if r.random() < p_chat:
            plat.chat(r, t - int(r.uniform(60, 3600)), x, y, chat_kind, r.randint(1, 5), sid)
