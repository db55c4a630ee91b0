"""Offender behaviour: payers' payments and private sessions, side purchases, sextortion.

Priors follow section 6.2 of the financial-indicators research note: log-normal amounts with
a median around US$65 (5-95%: about $18-$250, a thin tail to $600), round-number bias,
Poisson cadence from about one a month to several a week with escalation phases, and most
payments between 21:00 and 04:00 in the payer's local time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .businesses import Businesses
from .catalog import CH_CARD, CH_GIFT, R_FACILITATOR, R_VICTIM
from .clock import DAY, Clock
from .draws import any_valid, at_local, counts_to_rows, lognormal_usd, refs
from .events import Sessions, Txns, delivery
from .geo import CC_INDEX, SEXTORTION_COUNTRIES, pick_countries
from .identities import enrol_receivers, pick_receiving
from .money import usd_amount
from .networks import SEXTORTION_NETWORK_BASE, Networks
from .people import Customers, add_people
from .registry import S_BANK, S_CARD, S_EWALLET, S_PLATFORM, S_REMIT, Registry

CSEA_BAN = 1


@dataclass
class PayerPlan:
    """Per-payer behaviour parameters (exposed for the summary and tests)."""

    rate_per_month: np.ndarray
    median_usd: np.ndarray
    escalates: np.ndarray
    start_day: np.ndarray
    end_day: np.ndarray


def _receiving_accounts(reg: Registry, persons: np.ndarray) -> np.ndarray:
    """(n, 3) remit-x payout, ewallet-p and bank-ph accounts of receiving-side persons."""
    return np.stack(
        [reg.slot(S_REMIT)[persons], reg.slot(S_EWALLET)[persons], reg.slot(S_BANK)[persons]],
        axis=1,
    )


def offender_payments(
    reg: Registry, rng: np.random.Generator, clock: Clock, nets: Networks
) -> tuple[Txns, Sessions, PayerPlan]:
    n_pay, n_days = len(nets.payers), clock.days
    rate = np.clip(rng.lognormal(np.log(4.0), 0.8, n_pay), 0.7, 25.0)
    median = rng.lognormal(np.log(65.0), 0.35, n_pay)
    escalates = rng.random(n_pay) < 0.5
    start = np.where(rng.random(n_pay) < 0.55, 0, rng.integers(0, max(1, int(0.8 * n_days)), n_pay))
    end = np.where(
        rng.random(n_pay) < 0.8, n_days, np.minimum(n_days, start + 30 + rng.integers(0, n_days, n_pay))
    )
    plan = PayerPlan(rate, median, escalates, start, end)
    if n_pay == 0:
        return Txns.empty(), Sessions.empty(), plan
    p_night = np.clip(rng.beta(12, 2, n_pay), 0.5, 0.98)
    p_session = rng.uniform(0.3, 0.95, n_pay)

    days = np.arange(n_days)
    span = np.maximum(end - start, 1)
    phase = (days[None, :] - start[:, None]) / span[:, None]
    active = (phase >= 0) & (phase < 1)
    mult = np.where(escalates[:, None], np.select([phase < 1 / 3, phase < 2 / 3], [0.4, 1.0], 1.9), 1.0)
    counts = rng.poisson(rate[:, None] * 12 / 365.25 * mult * active)
    # Every payer pays at least twice in the window.
    for i in np.flatnonzero(counts.sum(axis=1) < 2):
        days_on = np.flatnonzero(active[i])
        np.add.at(counts[i], rng.choice(days_on, 2), 1)
    flat = counts_to_rows(counts.ravel())
    p, day = np.divmod(flat, n_days)
    n = len(p)
    ph = phase[p, day]

    # Rotation among the payer's facilitators.
    cum = np.cumsum(nets.weights[p], axis=1)
    slot = np.minimum((cum < rng.random(n)[:, None]).sum(axis=1), nets.links.shape[1] - 1)
    fac = nets.links[p, slot]
    fac = np.where(fac >= 0, fac, nets.links[p, 0])
    # Every facilitator receives something: give her a payment of one of her payers.
    paid = np.zeros(len(nets.facilitators), dtype=bool)
    paid[fac] = True
    for f in np.flatnonzero(~paid):
        payers_of_f = np.flatnonzero((nets.links == f).any(axis=1))
        events = np.flatnonzero(np.isin(p, payers_of_f))
        if len(events):
            fac[rng.choice(events)] = f
    fac_person = nets.facilitators[fac]
    payer = nets.payers[p]

    recv = _receiving_accounts(reg, fac_person)
    by_bank = nets.prefers_bank[p] & (recv[:, 2] >= 0) & (rng.random(n) < 0.88)
    by_bank |= reg.slot(S_REMIT)[payer] < 0
    rcv = np.where(by_bank, recv[:, 2], any_valid(rng, recv))
    snd = np.where(by_bank, reg.slot(S_BANK)[payer], reg.slot(S_REMIT)[payer])
    acc = reg.accounts
    chan, src = delivery(acc["source"][snd], acc["source"][rcv])

    usd = median[p] * np.exp(rng.normal(0, 0.7, n))
    usd *= np.where(escalates[p], 0.8 + 0.6 * ph, 1.0)
    usd *= np.where(rng.random(n) < 0.02, rng.uniform(2, 4, n), 1.0)
    usd = np.clip(usd, 8, 600)
    cur = acc["currency"][snd]
    offset = reg.persons["offset"][payer]
    night = rng.random(n) < p_night[p]
    ts = np.where(
        night, at_local(rng, clock, day, "night", offset), at_local(rng, clock, day, "transfer", offset)
    )
    txns = Txns.make(
        n,
        ts=ts,
        amount=usd_amount(rng, usd, cur, 0.6),
        cur=cur,
        snd=snd,
        rcv=rcv,
        chan=chan,
        src=src,
        owner=payer,
        ref=refs(
            rng,
            n,
            none=0.45,
            school_fees=0.09,
            gift=0.09,
            medical_bills=0.06,
            family_support=0.07,
            allowance=0.06,
            education=0.04,
            accommodation=0.04,
            uniform=0.03,
            load=0.04,
            tuition=0.03,
        ),
    )

    # Private sessions within a few hours before many of the payments.
    plat = reg.slot(S_PLATFORM)
    viewer, host = plat[payer], plat[fac_person]
    with_s = (viewer >= 0) & (host >= 0) & (rng.random(n) < p_session[p])
    k = int(with_s.sum())
    gap = np.minimum(rng.exponential(40 * 60, k), 3 * 3600) + 120
    dur = rng.integers(8 * 60, 55 * 60, k)
    s_end = ts[with_s] - gap.astype(np.int64)
    # Some sessions lead to no payment (a few days apart from a paid one).
    n_extra = int(k * 0.12)
    extra = rng.integers(0, max(k, 1), n_extra) if k else np.zeros(0, np.int64)
    shift = rng.integers(1, 20, n_extra) * DAY * np.where(rng.random(n_extra) < 0.5, -1, 1)
    s_end = np.concatenate([s_end, s_end[extra] + shift])
    dur = np.concatenate([dur, dur[extra]])
    s_host = np.concatenate([host[with_s], host[with_s][extra]])
    s_viewer = np.concatenate([viewer[with_s], viewer[with_s][extra]])
    s_owner = np.concatenate([payer[with_s], payer[with_s][extra]])
    m = len(s_end)
    paid = np.where(rng.random(m) < 0.15, np.round(rng.uniform(5, 30, m)), np.nan)
    sessions = Sessions.make(
        m,
        start=s_end - dur,
        end=s_end,
        host=s_host,
        viewer=s_viewer,
        private=True,
        paid=paid,
        owner=s_owner,
    )
    return txns, sessions, plan


def ban_platform_accounts(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    nets: Networks,
    rate: float,
    sessions: Sessions,
) -> Sessions:
    """The platform bans some facilitator accounts for CSEA; their later sessions vanish."""
    host = reg.slot(S_PLATFORM)[nets.facilitators]
    host = host[host >= 0]
    banned = host[rng.random(len(host)) < rate]
    if len(banned) == 0:
        return sessions
    when = clock.start + rng.integers(clock.days // 3, clock.days, len(banned)) * DAY
    reg.accounts.set("closed", banned, when)
    reg.accounts.set("banned", banned, CSEA_BAN)
    closed = np.full(len(reg.accounts), np.iinfo(np.int64).max, dtype=np.int64)
    closed[banned] = when
    keep = sessions.start < closed[sessions.host]
    return sessions.take(np.flatnonzero(keep))


def side_purchases(
    reg: Registry, rng: np.random.Generator, clock: Clock, nets: Networks, biz: Businesses
) -> Txns:
    """VPN subscriptions, dating sites, capture software and platform tokens of payers."""
    payers = nets.payers
    if len(payers) == 0:
        return Txns.empty()
    months = max(1, clock.days // 30)
    parts = []
    for cat, share, per_month, usd, sigma in (
        ("vpn", 0.4, 1.0, 9.0, 0.2),
        ("dating", 0.25, 1.2, 30.0, 0.3),
        ("software", 0.15, 0.15, 50.0, 0.4),
        ("tokens", 0.5, 2.0, 25.0, 0.6),
    ):
        who = payers[rng.random(len(payers)) < share]
        if cat == "tokens":
            who = who[reg.slot(S_PLATFORM)[who] >= 0]
        cnt = rng.poisson(per_month * months, len(who))
        rows = who[counts_to_rows(cnt)]
        k = len(rows)
        if cat == "tokens":
            rcv = np.full(k, biz.platform_tokens, dtype=np.int64)
        else:
            rcv = biz.online[cat].pick_any(rng, k)
        snd = reg.slot(S_CARD)[rows]
        cur = reg.accounts["currency"][snd]
        day = rng.integers(0, clock.days, k)
        ts = at_local(rng, clock, day, "evening", reg.persons["offset"][rows])
        parts.append(
            Txns.make(
                k,
                ts=ts,
                amount=usd_amount(
                    rng, lognormal_usd(rng, usd, sigma, k), cur, 0.3 if cat != "tokens" else 0.8
                ),
                cur=cur,
                snd=snd,
                rcv=rcv,
                chan=CH_CARD,
                src=reg.accounts["source"][snd],
                owner=rows,
            )
        )
    return Txns.concat(parts)


@dataclass
class Sextortion:
    victims: np.ndarray
    offenders: np.ndarray
    ring_of_victim: np.ndarray  # offender position per victim
    start: np.ndarray  # first payment time per victim
    by_gift_card: np.ndarray
    needs_remit: np.ndarray


def build_sextortion(
    reg: Registry, rng: np.random.Generator, clock: Clock, customers: Customers
) -> Sextortion:
    victims = customers.of("sextortion_victim")
    n_v = len(victims)
    n_o = max(1, int(np.ceil(n_v / 2))) if n_v else 0
    country = pick_countries(rng, n_o, SEXTORTION_COUNTRIES)
    offenders = add_people(reg, rng, clock, "extortionist", country)
    ring = rng.integers(0, max(n_o, 1), n_v)
    start = clock.start + rng.integers(0, max(1, clock.days - 7), n_v) * DAY
    start = start + rng.integers(14, 24, n_v) * 3600 - reg.persons["offset"][victims] * 60
    first = np.full(n_o, clock.end, dtype=np.int64)
    np.minimum.at(first, ring, start)
    created = first - rng.integers(2, 40, n_o) * DAY
    in_ph = country == CC_INDEX["PH"]
    uses = pick_receiving(rng, n_o, (0.6, 0.6, 0.0))
    uses[~in_ph] = [True, False, False]
    enrol_receivers(reg, rng, clock, offenders, uses, np.zeros(n_o, bool), created=created)
    rings = SEXTORTION_NETWORK_BASE + np.arange(n_o)
    reg.persons.set("network", offenders, rings)
    reg.persons.set("role", offenders, R_FACILITATOR)  # they collect, as truth-format.md says
    reg.persons.set("network", victims, rings[ring])
    reg.persons.set("role", victims, R_VICTIM)
    by_gift = rng.random(n_v) < 0.15
    return Sextortion(victims, offenders, ring, start, by_gift, ~by_gift)


def sextortion_payments(
    reg: Registry, rng: np.random.Generator, clock: Clock, sx: Sextortion, biz: Businesses
) -> Txns:
    """2-6 rapid payments under about US$250 within days to one new beneficiary, then stop."""
    n_v = len(sx.victims)
    if n_v == 0:
        return Txns.empty()
    cnt = rng.integers(2, 7, n_v)
    v = counts_to_rows(cnt)
    n = len(v)
    first_row = np.concatenate([[0], np.cumsum(cnt)[:-1]])
    k = np.arange(n) - first_row[v]
    gaps = np.where(k == 0, 0, rng.exponential(10 * 3600, n)).astype(np.int64)
    # Cumulative gap within each victim's incident, capped at five days.
    cum = np.cumsum(gaps) - np.repeat(np.cumsum(gaps)[first_row], cnt)
    ts = sx.start[v] + np.minimum(cum, 5 * DAY)
    victim = sx.victims[v]
    usd = np.clip(rng.lognormal(np.log(90), 0.5, n) * (1 + 0.15 * k), 20, 225)
    gift = sx.by_gift_card[v]
    remit = reg.slot(S_REMIT)[victim]
    gift |= remit < 0
    offender = sx.offenders[sx.ring_of_victim[v]]
    shop = biz.online["digital"].pick_any(rng, n_v)[v]  # where a victim buys gift cards
    rcv = np.where(gift, shop, any_valid(rng, _receiving_accounts(reg, offender)))
    snd = np.where(gift, reg.slot(S_CARD)[victim], remit)
    acc = reg.accounts
    chan, src = delivery(
        np.where(gift, acc["source"][reg.slot(S_BANK)[victim]], acc["source"][snd]), acc["source"][rcv]
    )
    chan = np.where(gift, CH_GIFT, chan).astype(np.int8)
    src = np.where(gift, acc["source"][snd], src).astype(np.int8)
    cur = acc["currency"][snd]
    return Txns.make(
        n,
        ts=ts,
        amount=usd_amount(rng, usd, cur, np.where(gift, 1.0, 0.5)),
        cur=cur,
        snd=snd,
        rcv=rcv,
        chan=chan,
        src=src,
        owner=victim,
        ref=np.where(gift, 0, refs(rng, n, none=0.7, gift=0.2, load=0.1)),
    )
