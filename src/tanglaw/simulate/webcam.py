"""Adult-webcam customers: card payments to adult-platform merchants and paid platform
sessions with adult performers (Colombia, Romania and elsewhere), late in the evening, but
no person-to-person remittances."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .businesses import Businesses
from .catalog import BANK_A, CH_CARD
from .clock import DAY, Clock
from .draws import at_local, counts_to_rows, month_starts, weighted_rows
from .events import Sessions, Txns, delivery
from .geo import CC_INDEX, CUR_INDEX, PERFORMER_COUNTRIES, pick_countries
from .identities import add_bank_only, enrol_receivers, pick_receiving
from .money import usd_amount
from .people import Customers, add_people
from .registry import S_BANK, S_CARD, S_EWALLET, S_PLATFORM, S_REMIT, Registry


@dataclass
class Webcam:
    customers: np.ndarray
    performers: np.ndarray
    favourites: np.ndarray  # (customers, 3) performer positions


def build_webcam(reg: Registry, rng: np.random.Generator, clock: Clock, customers: Customers) -> Webcam:
    cust = customers.of("webcam_customer")
    n_p = max(3, int(np.ceil(len(cust) / 4)))
    country = pick_countries(rng, n_p, PERFORMER_COUNTRIES)
    gender = (rng.random(n_p) < 0.1).astype(np.int8)
    perf = add_people(reg, rng, clock, "adult_performer", country, gender=gender)
    us = country == CC_INDEX["US"]
    in_ph = country == CC_INDEX["PH"]
    uses = pick_receiving(rng, n_p, (0.3, 1.0, 0.2))
    uses[~in_ph] = [True, False, False]
    uses[us] = False
    enrol_receivers(reg, rng, clock, perf, uses, np.ones(n_p, bool))
    add_bank_only(reg, rng, clock, perf[us], BANK_A)
    popularity = rng.pareto(1.0, n_p) + 0.1
    fav = weighted_rows(rng, (len(cust), 3), popularity)
    return Webcam(cust, perf, fav)


def webcam_activity(
    reg: Registry, rng: np.random.Generator, clock: Clock, wc: Webcam, biz: Businesses
) -> tuple[Txns, Sessions]:
    n_c = len(wc.customers)
    if n_c == 0:
        return Txns.empty(), Sessions.empty()
    months = clock.days / 30.4
    plat = reg.slot(S_PLATFORM)
    offset = reg.persons["offset"]

    rate = np.clip(rng.lognormal(np.log(5), 0.6, n_c), 0.5, 40)
    rows = counts_to_rows(rng.poisson(rate * months))
    m = len(rows)
    who = wc.customers[rows]
    perf = wc.performers[wc.favourites[rows, rng.choice(3, m, p=[0.6, 0.3, 0.1])]]
    day = rng.integers(0, clock.days, m)
    start = at_local(rng, clock, day, "evening", offset[who])
    dur = rng.integers(5 * 60, 60 * 60, m)
    private = rng.random(m) < 0.45
    tip = np.clip(np.round(rng.lognormal(np.log(8), 0.8, m)), 1, 100)
    show = np.clip(np.round(rng.lognormal(np.log(30), 0.7, m)), 5, 300)
    paid = np.where(private, show, np.where(rng.random(m) < 0.5, tip, np.nan))
    sessions = Sessions.make(
        m,
        start=start,
        end=start + dur,
        host=plat[perf],
        viewer=plat[who],
        private=private,
        paid=paid,
        owner=who,
    )

    # Token packs bought by card from the platform or from adult-platform merchants.
    rows = counts_to_rows(rng.poisson(rate * 0.6 * months))
    k = len(rows)
    who = wc.customers[rows]
    snd = reg.slot(S_CARD)[who]
    cur = reg.accounts["currency"][snd]
    rcv = np.where(rng.random(k) < 0.5, biz.platform_tokens, biz.online["adult_platform"].pick_any(rng, k))
    day = rng.integers(0, clock.days, k)
    ts = at_local(rng, clock, day, "evening", offset[who])
    usd = rng.choice([10.0, 20, 25, 50, 100], k, p=[0.2, 0.3, 0.2, 0.2, 0.1])
    txns = Txns.make(
        k,
        ts=ts,
        amount=usd_amount(rng, usd, cur, 0.9),
        cur=cur,
        snd=snd,
        rcv=rcv,
        chan=CH_CARD,
        src=reg.accounts["source"][snd],
        owner=who,
    )
    return txns, sessions


def performer_payouts(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    biz: Businesses,
    sessions: Sessions,
    start_date: str,
    months: int,
) -> Txns:
    """Monthly payouts of the platform to every performer who earned in the month."""
    perf_person = reg.accounts["person"][sessions.host]
    paid = np.nan_to_num(sessions.paid)
    starts = month_starts(clock, start_date, months)
    month = np.searchsorted(starts, (sessions.start - clock.start) // DAY, side="right") - 1
    key = perf_person * (months + 1) + month
    keys, inv = np.unique(key, return_inverse=True)
    total = np.bincount(inv, weights=paid) * 0.5
    person, mon = np.divmod(keys, months + 1)
    ok = (total >= 20) & (mon + 1 < months)
    person, mon, total = person[ok], mon[ok], total[ok]
    rcv = reg.slot(S_EWALLET)[person]
    rcv = np.where(rcv < 0, reg.slot(S_REMIT)[person], rcv)
    rcv = np.where(rcv < 0, reg.slot(S_BANK)[person], rcv)
    keep = rcv >= 0
    person, mon, total, rcv = person[keep], mon[keep], total[keep], rcv[keep]
    n = len(person)
    snd = np.full(n, biz.platform_payouts, dtype=np.int64)
    acc = reg.accounts
    chan, src = delivery(acc["source"][snd], acc["source"][rcv])
    day = starts[mon + 1] + 4
    ts = at_local(rng, clock, day, "batch", np.full(n, -300, np.int16))
    cur = np.full(n, CUR_INDEX["USD"], np.int16)
    return Txns.make(n, ts=ts, amount=np.round(total, 2), cur=cur, snd=snd, rcv=rcv, chan=chan, src=src)
