"""Smaller legitimate look-alikes: romance-scam victims and charity sponsors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .businesses import Businesses
from .catalog import CH_BANK
from .clock import DAY, Clock
from .draws import any_valid, at_local, month_starts, monthly_days, refs
from .events import Txns, delivery
from .geo import CC_INDEX, ROMANCE_SCAM_COUNTRIES, pick_countries
from .identities import enrol_receivers, pick_receiving
from .money import usd_amount
from .people import Customers, add_people
from .registry import S_BANK, S_EWALLET, S_REMIT, Registry


@dataclass
class Romance:
    victims: np.ndarray
    scammers: np.ndarray
    scammer_of: np.ndarray  # scammer position per victim
    start_day: np.ndarray


def build_romance(reg: Registry, rng: np.random.Generator, clock: Clock, customers: Customers) -> Romance:
    victims = customers.of("romance_victim")
    n_v = len(victims)
    n_s = max(1, int(np.ceil(n_v / 2.5))) if n_v else 0
    country = pick_countries(rng, n_s, ROMANCE_SCAM_COUNTRIES)
    scammers = add_people(reg, rng, clock, "romance_scammer", country)
    of = rng.integers(0, max(n_s, 1), n_v)
    start_day = rng.integers(0, max(1, int(clock.days * 0.6)), n_v)
    first = np.full(n_s, clock.days, dtype=np.int64)
    np.minimum.at(first, of, start_day)
    created = clock.start + (first - rng.integers(10, 120, n_s)) * DAY
    uses = pick_receiving(rng, n_s, (0.5, 0.6, 0.2))
    uses[country != CC_INDEX["PH"]] = [True, False, False]
    enrol_receivers(reg, rng, clock, scammers, uses, np.zeros(n_s, bool), created=created)
    return Romance(victims, scammers, of, start_day)


def romance_needs_remit(reg: Registry, rng: np.random.Generator, rom: Romance) -> np.ndarray:
    """Victims use remit-x, except some who wire from their bank to a bank-ph account."""
    scammer_bank = reg.slot(S_BANK)[rom.scammers[rom.scammer_of]] >= 0
    return (rng.random(len(rom.victims)) < 0.75) | ~scammer_bank


def romance_payments(reg: Registry, rng: np.random.Generator, clock: Clock, rom: Romance) -> Txns:
    """One foreign beneficiary, payments every week or two, growing amounts."""
    n_v = len(rom.victims)
    if n_v == 0:
        return Txns.empty()
    n_max = 25
    gaps = np.maximum(rng.exponential(12, (n_v, n_max)), 1).astype(np.int64)
    gaps[:, 0] = 0
    day = rom.start_day[:, None] + np.cumsum(gaps, axis=1)
    wanted = rng.integers(4, n_max + 1, n_v)
    keep = (np.arange(n_max)[None, :] < wanted[:, None]) & (day < clock.days)
    v, k = np.nonzero(keep)
    n = len(v)
    growth = rng.uniform(1.05, 1.2, n_v)
    usd = np.minimum(rng.uniform(100, 300, n_v)[v] * growth[v] ** k, 8000)
    victim = rom.victims[v]
    scammer = rom.scammers[rom.scammer_of]
    recv = np.stack(
        [reg.slot(S_REMIT)[scammer], reg.slot(S_EWALLET)[scammer], reg.slot(S_BANK)[scammer]], axis=1
    )
    stable = any_valid(rng, recv)[v]  # each victim keeps paying the same account
    has_remit = reg.slot(S_REMIT)[victim] >= 0
    rcv = np.where(has_remit, stable, recv[v, 2])
    snd = np.where(has_remit, reg.slot(S_REMIT)[victim], reg.slot(S_BANK)[victim])
    acc = reg.accounts
    chan, src = delivery(acc["source"][snd], acc["source"][rcv])
    cur = acc["currency"][snd]
    ts = at_local(rng, clock, day[v, k], "transfer", reg.persons["offset"][victim])
    return Txns.make(
        n,
        ts=ts,
        amount=usd_amount(rng, usd, cur, 0.75),
        cur=cur,
        snd=snd,
        rcv=rcv,
        chan=chan,
        src=src,
        owner=victim,
        ref=refs(rng, n, none=0.45, medical_bills=0.2, accommodation=0.15, gift=0.12, education=0.08),
    )


def charity_payments(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    customers: Customers,
    biz: Businesses,
    start_date: str,
    months: int,
) -> Txns:
    """Standing orders of a fixed monthly amount to a charity (some in the Philippines)."""
    sponsors = customers.of("charity_sponsor")
    n_s = len(sponsors)
    if n_s == 0:
        return Txns.empty()
    country = reg.persons["country"][sponsors]
    abroad = rng.random(n_s) < 0.4
    charity = np.where(abroad, biz.charities_ph.pick_any(rng, n_s), biz.charities.pick(rng, country))
    bank = reg.slot(S_BANK)[sponsors]
    cur = reg.accounts["currency"][bank]
    fixed = usd_amount(rng, rng.choice([15.0, 20, 25, 30, 35, 40, 50, 75], n_s), cur, 1.0)
    dom = rng.integers(0, 28, n_s)
    first_month = np.where(rng.random(n_s) < 0.85, 0, rng.integers(0, months, n_s))
    habit = refs(rng, n_s, none=0.5, education=0.3, school_fees=0.15, tuition=0.05)
    starts = month_starts(clock, start_date, months)
    s_idx, m_idx = np.nonzero(np.arange(months)[None, :] >= first_month[:, None])
    n = len(s_idx)
    day = monthly_days(rng, m_idx, dom[s_idx], 0, starts)
    who = sponsors[s_idx]
    ts = at_local(rng, clock, day, "batch", reg.persons["offset"][who])
    snd = bank[s_idx]
    acc = reg.accounts
    _, src = delivery(acc["source"][snd], acc["source"][charity[s_idx]])
    return Txns.make(
        n,
        ts=ts,
        amount=fixed[s_idx],
        cur=cur[s_idx],
        snd=snd,
        rcv=charity[s_idx],
        chan=CH_BANK,
        src=src,
        ref=habit[s_idx],
        owner=who,
    )
