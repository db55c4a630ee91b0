"""Diaspora family remittances: the hardest legitimate look-alike.

Same corridors and keywords as offenders, but a monthly cadence around payday, daytime
sending, mostly the same one or two beneficiaries for years, often a shared surname, amounts
of about US$100-600, and family video calls on the same platform.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalog import CO
from .clock import Clock
from .draws import (
    any_valid,
    at_local,
    counts_to_rows,
    month_starts,
    monthly_days,
    refs,
)
from .events import Sessions, Txns, delivery
from .geo import CC_INDEX
from .identities import enrol_receivers, pick_receiving
from .money import usd_amount
from .people import Customers, add_people
from .registry import S_BANK, S_EWALLET, S_PLATFORM, S_REMIT, Registry


@dataclass
class Diaspora:
    remitters: np.ndarray
    main_ben: np.ndarray  # person, per remitter
    second_ben: np.ndarray  # person or -1, per remitter
    needs_remit: np.ndarray  # per remitter
    on_platform: np.ndarray  # per remitter
    beneficiaries: np.ndarray


def build_diaspora(reg: Registry, rng: np.random.Generator, clock: Clock, customers: Customers) -> Diaspora:
    rem = customers.of("diaspora_remitter")
    rem = rem[rng.permutation(len(rem))]
    origin = customers.origin[rem]
    rem = rem[np.argsort(origin, kind="stable")]
    origin = customers.origin[rem]
    # Families: 1-3 remitters (siblings abroad) of the same origin.
    fam = np.zeros(len(rem), dtype=np.int64)
    next_id = 0
    for o in np.unique(origin):
        idx = np.flatnonzero(origin == o)
        sizes = rng.choice([1, 2, 3], size=len(idx), p=[0.72, 0.2, 0.08])
        ids = np.repeat(np.arange(len(idx)), sizes)[: len(idx)]
        fam[idx] = next_id + ids
        next_id += int(ids.max()) + 1
    n_fam = next_id
    first = np.searchsorted(fam, np.arange(n_fam))
    head = rem[first]
    persons = reg.persons
    sibling = (np.arange(len(rem)) != first[fam]) & (rng.random(len(rem)) < 0.85)
    for col in ("last", "middle"):
        arr = persons[col]
        arr[rem[sibling]] = arr[head[fam[sibling]]]

    # Beneficiaries: 1-2 per family, in the origin country, often the same surname.
    n_ben = np.where(rng.random(n_fam) < 0.7, 1, 2)
    bfam = counts_to_rows(n_ben)
    bcountry = customers.origin[head[bfam]]
    bculture = persons["culture"][head[bfam]]
    gender = (rng.random(len(bfam)) < 0.3).astype(np.int8)
    ben = add_people(reg, rng, clock, "legit_beneficiary", bcountry, culture=bculture, gender=gender)
    same = rng.random(len(ben)) < 0.75
    for col in ("last", "middle"):
        arr = persons[col]
        arr[ben[same]] = arr[head[bfam[same]]]

    in_ph = bcountry == CC_INDEX["PH"]
    bank_only = (customers.origin[rem] == CC_INDEX["PH"]) & (rng.random(len(rem)) < 0.15)
    uses = pick_receiving(rng, len(ben), (0.55, 0.55, 0.35))
    ben_first = np.searchsorted(bfam, np.arange(n_fam))
    needs_bank = np.zeros(n_fam, dtype=bool)
    needs_bank[fam[bank_only]] = True
    uses[ben_first[needs_bank], 2] = True
    uses[~in_ph] = [True, False, False]
    enrol_receivers(reg, rng, clock, ben, uses, rng.random(len(ben)) < 0.4)

    main = ben[ben_first[fam]]
    has_two = n_ben[fam] == 2
    nxt = np.minimum(ben_first[fam] + 1, len(ben) - 1)
    second = np.where(has_two & (rng.random(len(rem)) < 0.6), ben[nxt], -1)
    return Diaspora(rem, main, second, ~bank_only, rng.random(len(rem)) < 0.45, ben)


def _receiving(reg: Registry, persons: np.ndarray) -> np.ndarray:
    return np.stack(
        [reg.slot(S_REMIT)[persons], reg.slot(S_EWALLET)[persons], reg.slot(S_BANK)[persons]],
        axis=1,
    )


def diaspora_payments(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    dia: Diaspora,
    start_date: str,
    months: int,
) -> tuple[Txns, Sessions]:
    n_r = len(dia.remitters)
    if n_r == 0:
        return Txns.empty(), Sessions.empty()
    starts = month_starts(clock, start_date, months)
    base = np.clip(rng.lognormal(np.log(250), 0.45, n_r), 80, 900)
    dom = rng.integers(0, 28, n_r)
    habit = refs(
        rng,
        n_r,
        none=0.22,
        family_support=0.3,
        allowance=0.16,
        tuition=0.08,
        school_fees=0.1,
        education=0.05,
        medical_bills=0.04,
        gift=0.03,
        load=0.02,
    )
    # A stable delivery account per remitter and beneficiary.
    main_acc = any_valid(rng, _receiving(reg, dia.main_ben))
    sec_acc = np.where(
        dia.second_ben >= 0, any_valid(rng, _receiving(reg, np.maximum(dia.second_ben, 0))), -1
    )

    regular = rng.random((n_r, months)) < 0.9
    r_idx, m_idx = np.nonzero(regular)
    day_reg = monthly_days(rng, m_idx, dom[r_idx], 2, starts)
    amt_reg = base[r_idx] * rng.uniform(0.9, 1.1, len(r_idx))
    month_of_year = (np.datetime64(start_date, "M").astype(int) + m_idx) % 12
    amt_reg *= np.where(month_of_year == 11, 1.5, 1.0)
    to_second = (sec_acc[r_idx] >= 0) & (rng.random(len(r_idx)) < 0.35)
    # Emergencies and school terms: extra payments at random days.
    extra = rng.poisson(0.15 * months, n_r)
    e_idx = counts_to_rows(extra)
    day_ext = rng.integers(0, clock.days, len(e_idx))
    amt_ext = base[e_idx] * rng.uniform(0.4, 1.5, len(e_idx))

    r = np.concatenate([r_idx, e_idx])
    day = np.concatenate([day_reg, day_ext])
    usd = np.concatenate([amt_reg, amt_ext])
    second = np.concatenate([to_second, np.zeros(len(e_idx), bool)])
    usd = np.where(second, usd * 0.5, usd)
    n = len(r)
    remitter = dia.remitters[r]
    rcv = np.where(second, sec_acc[r], main_acc[r])
    bank_pay = ~dia.needs_remit[r] | (reg.slot(S_REMIT)[remitter] < 0)
    ben = np.where(second, dia.second_ben[r], dia.main_ben[r])
    ben_bank = reg.slot(S_BANK)[ben]
    rcv = np.where(bank_pay & (ben_bank >= 0), ben_bank, rcv)
    snd = np.where(bank_pay, reg.slot(S_BANK)[remitter], reg.slot(S_REMIT)[remitter])
    acc = reg.accounts
    chan, src = delivery(acc["source"][snd], acc["source"][rcv])
    cur = acc["currency"][snd]
    offset = reg.persons["offset"][remitter]
    ts = at_local(rng, clock, day, "transfer", offset)
    habitual = rng.random(n) < 0.7
    extra_ref = refs(
        rng,
        n,
        none=0.2,
        medical_bills=0.25,
        school_fees=0.17,
        tuition=0.15,
        family_support=0.1,
        gift=0.1,
        uniform=0.03,
    )
    ref = np.where(habitual, habit[r], extra_ref)
    txns = Txns.make(
        n,
        ts=ts,
        amount=usd_amount(rng, usd, cur, 0.85),
        cur=cur,
        snd=snd,
        rcv=rcv,
        chan=chan,
        src=src,
        ref=ref,
        owner=remitter,
    )
    return txns, family_calls(reg, rng, clock, dia, remitter, ben, ts)


def family_calls(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    dia: Diaspora,
    payer: np.ndarray,
    ben: np.ndarray,
    pay_ts: np.ndarray,
) -> Sessions:
    """Video calls between remitters and their families: some just before a remittance."""
    plat = reg.slot(S_PLATFORM)
    ok = (plat[payer] >= 0) & (plat[ben] >= 0)
    ok &= reg.persons["cohort"][payer] == CO["diaspora_remitter"]
    before = ok & (rng.random(len(payer)) < 0.35)
    k = int(before.sum())
    end_b = pay_ts[before] - (rng.uniform(0.2, 3.0, k) * 3600).astype(np.int64)
    a_b, b_b = plat[payer[before]], plat[ben[before]]
    # Other calls through the month.
    on = dia.on_platform & (plat[dia.remitters] >= 0) & (plat[dia.main_ben] >= 0)
    who = np.flatnonzero(on)
    cnt = rng.poisson(3.0 * clock.days / 30.4, len(who))
    rows = who[counts_to_rows(cnt)]
    day = rng.integers(0, clock.days, len(rows))
    end_o = at_local(rng, clock, day, "evening", reg.persons["offset"][dia.remitters[rows]])
    a_o, b_o = plat[dia.remitters[rows]], plat[dia.main_ben[rows]]
    end = np.concatenate([end_b, end_o])
    a = np.concatenate([a_b, a_o])
    b = np.concatenate([b_b, b_o])
    owner = np.concatenate([payer[before], dia.remitters[rows]])
    m = len(end)
    dur = rng.integers(5 * 60, 45 * 60, m)
    swap = rng.random(m) < 0.5
    return Sessions.make(
        m,
        start=end - dur,
        end=end,
        host=np.where(swap, b, a),
        viewer=np.where(swap, a, b),
        private=True,
        owner=owner,
    )
