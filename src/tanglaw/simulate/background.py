"""Ordinary activity that gives the world realistic volumes.

Customers: salaries, card purchases at domestic merchants and online shops, ATM withdrawals,
transfers to other customers, bills and school fees. Receiving side: e-wallet payments, mobile
load and transfers between people. Generated chunk by chunk, fully vectorised.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .businesses import Businesses
from .catalog import (
    CAT,
    CAT_USD,
    CH_BANK,
    CH_CARD,
    CH_EWALLET,
    CO,
    EWALLET_P,
)
from .clock import Clock
from .draws import at_local, counts_to_rows, monthly_days, refs
from .events import Txns, delivery
from .geo import CC_INDEX
from .money import from_usd, minor_units, usd_amount
from .registry import S_BANK, S_CARD, S_EWALLET, S_PLATFORM, S_REMIT, Registry
from .rng import segment_choice, segmented_cum

# Kinds of everyday event and their shares.
EVENT_KINDS = ("shop", "online", "p2p", "bill", "atm", "school", "tokens")
EVENT_P = np.array([0.62, 0.08, 0.13, 0.08, 0.06, 0.02, 0.01])
ONLINE_CATS = ("digital", "marketplace", "streaming", "software", "vpn", "dating")
ONLINE_P = np.array([0.3, 0.35, 0.22, 0.05, 0.05, 0.03])
SALARY_SHARE = 0.72
OCCASIONAL = [CO[c] for c in ("ordinary", "webcam_customer", "traveller", "charity_sponsor")]


@dataclass
class Background:
    """What the background generator needs from the world."""

    reg: Registry
    clock: Clock
    biz: Businesses
    month_starts: np.ndarray
    rate_other: float  # everyday events per customer per month (salary not included)
    by_country: tuple[np.ndarray, np.ndarray, np.ndarray]  # customers segmented by country

    @classmethod
    def of(
        cls,
        reg: Registry,
        clock: Clock,
        biz: Businesses,
        starts: np.ndarray,
        customers: int,
        rate_other: float,
    ) -> Background:
        country = reg.persons["country"][:customers].astype(np.int64)
        seg = segmented_cum(country, np.ones(customers), int(country.max()) + 1)
        return cls(reg, clock, biz, starts, rate_other, seg)

    @property
    def months(self) -> int:
        return len(self.month_starts) - 1


def salaries(bg: Background, rng: np.random.Generator, persons: np.ndarray) -> Txns:
    reg, clock = bg.reg, bg.clock
    age = (clock.start // 86_400 - reg.persons["birth"][persons]) / 365.25
    earners = persons[(rng.random(len(persons)) < SALARY_SHARE) & (age < 70)]
    n_e = len(earners)
    employer = bg.biz.employers.pick(rng, reg.persons["country"][earners])
    bank = reg.slot(S_BANK)[earners]
    cur = reg.accounts["currency"][bank]
    monthly = from_usd(np.clip(rng.lognormal(np.log(3600), 0.5, n_e), 900, 30000), cur)
    dom = rng.choice([0, 14, 24, 27], n_e)
    e_idx, m_idx = np.divmod(np.arange(n_e * bg.months), bg.months)
    day = monthly_days(rng, m_idx, dom[e_idx], 0, bg.month_starts)
    ts = at_local(rng, clock, day, "batch", reg.persons["offset"][earners[e_idx]])
    amount = minor_units(monthly[e_idx] * rng.uniform(0.97, 1.03, len(e_idx)), cur[e_idx])
    return Txns.make(
        len(e_idx),
        ts=ts,
        amount=amount,
        cur=cur[e_idx],
        snd=employer[e_idx],
        rcv=bank[e_idx],
        chan=CH_BANK,
        src=reg.accounts["source"][bank[e_idx]],
        owner=earners[e_idx],
    )


def everyday(bg: Background, rng: np.random.Generator, persons: np.ndarray) -> Txns:
    reg, clock, biz = bg.reg, bg.clock, bg.biz
    activity = rng.lognormal(-0.18, 0.6, len(persons))
    cnt = rng.poisson(activity * bg.rate_other * clock.days / 30.44)
    rows = counts_to_rows(cnt)
    who = persons[rows]
    n = len(rows)
    kind = rng.choice(len(EVENT_KINDS), n, p=EVENT_P / EVENT_P.sum())
    country = reg.persons["country"][who]
    card, bank = reg.slot(S_CARD)[who], reg.slot(S_BANK)[who]
    on_platform = reg.slot(S_PLATFORM)[who] >= 0
    kind = np.where((kind == EVENT_KINDS.index("tokens")) & ~on_platform, 0, kind)
    rcv = np.full(n, -1, dtype=np.int64)
    usd = np.zeros(n)
    p_round = np.zeros(n)
    ref = np.zeros(n, dtype=np.int8)

    def mask(name: str) -> np.ndarray:
        return np.flatnonzero(kind == EVENT_KINDS.index(name))

    m = mask("shop")
    rcv[m] = biz.everyday.pick(rng, country[m])
    m = mask("online")
    cat = rng.choice(len(ONLINE_CATS), len(m), p=ONLINE_P)
    for i, name in enumerate(ONLINE_CATS):
        sel = m[cat == i]
        rcv[sel] = biz.online[name].pick_any(rng, len(sel))
    m = mask("atm")
    rcv[m] = biz.atms.pick(rng, country[m])
    usd[m] = rng.choice([20.0, 40, 60, 100, 200], len(m))
    p_round[m] = 1.0
    m = mask("tokens")
    rcv[m] = biz.platform_tokens
    usd[m] = rng.choice([10.0, 20, 25, 50], len(m))
    p_round[m] = 0.9
    card_like = np.isin(kind, [EVENT_KINDS.index(k) for k in ("shop", "online")])
    cats = reg.accounts["category"][np.maximum(rcv, 0)]
    usd = np.where(card_like, CAT_USD[cats] * np.exp(rng.normal(0, 0.65, n)), usd)

    m = mask("p2p")
    order, start, cum = bg.by_country
    pos = segment_choice(rng, country[m].astype(np.int64), start, cum)
    rcv[m] = reg.slot(S_BANK)[order[np.maximum(pos, 0)]]
    usd[m] = np.clip(rng.lognormal(np.log(60), 1.0, len(m)), 5, 3000)
    p_round[m] = 0.7
    ref[m] = refs(
        rng,
        len(m),
        none=0.75,
        gift=0.08,
        allowance=0.05,
        accommodation=0.04,
        family_support=0.03,
        tuition=0.02,
        school_fees=0.02,
        medical_bills=0.01,
    )
    m = mask("bill")
    rcv[m] = biz.billers.pick(rng, country[m])
    usd[m] = rng.lognormal(np.log(90), 0.5, len(m))
    m = mask("school")
    rcv[m] = biz.schools.pick(rng, country[m])
    usd[m] = rng.lognormal(np.log(400), 0.6, len(m))
    p_round[m] = 0.6
    ref[m] = refs(rng, len(m), school_fees=0.45, tuition=0.3, education=0.1, uniform=0.05, none=0.1)

    by_bank = np.isin(kind, [EVENT_KINDS.index(k) for k in ("p2p", "bill", "school")])
    snd = np.where(by_bank, bank, card)
    ok = (rcv >= 0) & (rcv != snd)
    snd, rcv, who, usd, p_round, ref = snd[ok], rcv[ok], who[ok], usd[ok], p_round[ok], ref[ok]
    by_bank, kind = by_bank[ok], kind[ok]
    k = len(snd)
    cur = reg.accounts["currency"][snd]
    day = rng.integers(0, clock.days, k)
    profile_transfer = at_local(rng, clock, day, "transfer", reg.persons["offset"][who])
    profile_shop = at_local(rng, clock, day, "shop", reg.persons["offset"][who])
    ts = np.where(by_bank, profile_transfer, profile_shop)
    return Txns.make(
        k,
        ts=ts,
        amount=usd_amount(rng, usd, cur, p_round),
        cur=cur,
        snd=snd,
        rcv=rcv,
        chan=np.where(by_bank, CH_BANK, CH_CARD),
        src=reg.accounts["source"][snd],
        ref=ref,
        owner=who,
    )


def customer_chunk(bg: Background, rng: np.random.Generator, lo: int, hi: int) -> Txns:
    persons = np.arange(lo, hi, dtype=np.int64)
    return Txns.concat([salaries(bg, rng, persons), everyday(bg, rng, persons)])


def receiver_side(bg: Background, rng: np.random.Generator, persons: np.ndarray, peers: np.ndarray) -> Txns:
    """Domestic life on the receiving side: e-wallet and debit payments, load, transfers."""
    reg, clock, biz = bg.reg, bg.clock, bg.biz
    wallet = reg.slot(S_EWALLET)[persons]
    bank = reg.slot(S_BANK)[persons]
    ph = reg.persons["country"][persons] == CC_INDEX["PH"]
    active = ph & ((wallet >= 0) | (bank >= 0))
    persons, wallet, bank = persons[active], wallet[active], bank[active]
    rate = np.clip(rng.lognormal(np.log(4), 0.6, len(persons)), 0.3, 40)
    rows = counts_to_rows(rng.poisson(rate * clock.days / 30.44))
    n = len(rows)
    who = persons[rows]
    snd = np.where(wallet[rows] >= 0, wallet[rows], bank[rows])
    from_wallet = wallet[rows] >= 0
    kind = rng.choice(3, n, p=[0.65, 0.2, 0.15])  # shop, load, transfer
    country = reg.persons["country"][who]
    rcv = biz.everyday.pick(rng, country)
    telecom = biz.everyday.account[
        (biz.everyday.category == CAT["telecom"]) & (biz.everyday.country == CC_INDEX["PH"])
    ]
    if len(telecom):
        is_load = kind == 1
        rcv[is_load] = telecom[rng.integers(0, len(telecom), int(is_load.sum()))]
    peer_wallets = reg.slot(S_EWALLET)[peers]
    peer_wallets = peer_wallets[peer_wallets >= 0]
    to_peer = (kind == 2) & from_wallet & (len(peer_wallets) > 0)
    if len(peer_wallets):
        rcv[to_peer] = peer_wallets[rng.integers(0, len(peer_wallets), int(to_peer.sum()))]
    cats = reg.accounts["category"][rcv]
    usd = np.where(
        kind == 0,
        CAT_USD[np.maximum(cats, 0)] * 0.35 * np.exp(rng.normal(0, 0.6, n)),
        np.clip(rng.lognormal(np.log(6), 0.7, n), 1, 200),
    )
    ref = np.where(
        kind == 1,
        refs(rng, n, load=0.8, none=0.2),
        np.where(to_peer, refs(rng, n, none=0.6, allowance=0.15, load=0.1, gift=0.15), 0),
    )
    ok = rcv != snd
    day = rng.integers(0, clock.days, n)
    ts = at_local(rng, clock, day, "shop", reg.persons["offset"][who])
    cur = reg.accounts["currency"][snd]
    src = reg.accounts["source"][snd]
    chan = np.where(from_wallet, CH_EWALLET, CH_CARD)
    p_round = np.where(kind == 0, 0.1, 0.8)
    t = Txns.make(
        n,
        ts=ts,
        amount=usd_amount(rng, usd, cur, p_round),
        cur=cur,
        snd=snd,
        rcv=rcv,
        chan=chan,
        src=np.where(from_wallet, EWALLET_P, src),
        ref=ref,
    )
    return t.take(np.flatnonzero(ok))


def receiving_persons(reg: Registry, customers: int) -> np.ndarray:
    """Persons who are not customers and not businesses, on the receiving side."""
    idx = np.arange(customers, len(reg.persons))
    return idx[reg.persons["kind"][idx] == 0]


def occasional_remittances(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    customers: np.ndarray,
    pool_accounts: np.ndarray,
) -> Txns:
    """Ordinary customers with a remit-x account send a gift abroad now and then."""
    remit = reg.slot(S_REMIT)[customers]
    who = customers[(remit >= 0) & np.isin(reg.persons["cohort"][customers], OCCASIONAL)]
    if len(who) == 0 or len(pool_accounts) == 0:
        return Txns.empty()
    rows = who[counts_to_rows(rng.poisson(0.12 * clock.days / 30.44, len(who)))]
    n = len(rows)
    # Each sender has one or two friends or relatives abroad.
    friend = pool_accounts[(rows * 2654435761 + rng.integers(0, 2, n)) % len(pool_accounts)]
    snd = reg.slot(S_REMIT)[rows]
    acc = reg.accounts
    chan, src = delivery(acc["source"][snd], acc["source"][friend])
    cur = acc["currency"][snd]
    usd = np.clip(rng.lognormal(np.log(150), 0.7, n), 20, 1500)
    day = rng.integers(0, clock.days, n)
    ts = at_local(rng, clock, day, "transfer", reg.persons["offset"][rows])
    return Txns.make(
        n,
        ts=ts,
        amount=usd_amount(rng, usd, cur, 0.7),
        cur=cur,
        snd=snd,
        rcv=friend,
        chan=chan,
        src=src,
        owner=rows,
        ref=refs(
            rng,
            n,
            none=0.45,
            gift=0.3,
            family_support=0.1,
            allowance=0.05,
            medical_bills=0.05,
            education=0.05,
        ),
    )
