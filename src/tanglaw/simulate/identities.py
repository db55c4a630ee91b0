"""Party records and accounts: how each source knows a person.

A person known to several sources has one party record per source, each with its own name
variant and with the same phone and email most of the time, so that deterministic linking on
phone, email or id number often joins the records, but not always.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .catalog import (
    BANK_A,
    BANK_B,
    BANK_PH,
    CARD_C,
    EWALLET_P,
    K_BANK,
    K_CARD,
    K_EWALLET,
    K_PLATFORM,
    K_REMIT,
    REMIT_X,
    STREAM_S,
)
from .clock import DAY, Clock
from .geo import COUNTRY_CUR
from .names import CULTURE_INDEX, POOLS, draw
from .registry import S_BANK, S_CARD, S_EWALLET, S_PLATFORM, S_REMIT, Registry

NAME_VARIANTS: tuple[str, ...] = (
    "full",
    "no_middle",
    "middle_initial",
    "surname_first",
    "initial_first",
    "typo_last",
    "typo_first",
    "upper",
    "given_only",
    "no_name",
)
V: dict[str, int] = {v: i for i, v in enumerate(NAME_VARIANTS)}
YEAR = 365 * DAY


@dataclass(frozen=True)
class PartyStyle:
    """What a source records about a person, as probabilities."""

    variants: dict[str, float]
    phone: float  # a phone is recorded
    phone_alt: float  # ... and it is the person's other number
    email: float
    email_alt: float
    id_number: float
    passport: float  # the id recorded is a passport rather than the national id
    address: float
    birth: float
    birth_off: float  # the recorded birth date is a year off (self-declared)
    gender: float
    alias: float = 0.0  # a relative's given name is recorded instead of one's own


STYLES: dict[int, PartyStyle] = {
    BANK_A: PartyStyle(
        {
            "full": 0.5,
            "upper": 0.22,
            "middle_initial": 0.1,
            "no_middle": 0.1,
            "typo_last": 0.03,
            "typo_first": 0.02,
            "surname_first": 0.03,
        },
        0.92,
        0.1,
        0.8,
        0.15,
        1.0,
        0.1,
        1.0,
        1.0,
        0.0,
        0.7,
    ),
    BANK_B: PartyStyle(
        {
            "upper": 0.5,
            "full": 0.25,
            "middle_initial": 0.1,
            "no_middle": 0.08,
            "typo_last": 0.04,
            "surname_first": 0.03,
        },
        0.9,
        0.12,
        0.75,
        0.15,
        1.0,
        0.15,
        1.0,
        1.0,
        0.0,
        0.6,
    ),
    CARD_C: PartyStyle(
        {"full": 0.3, "no_middle": 0.3, "upper": 0.2, "initial_first": 0.15, "typo_last": 0.05},
        0.7,
        0.12,
        0.85,
        0.2,
        0.0,
        0.0,
        1.0,
        0.5,
        0.0,
        0.2,
    ),
    REMIT_X: PartyStyle(
        {
            "full": 0.35,
            "no_middle": 0.3,
            "middle_initial": 0.1,
            "surname_first": 0.1,
            "typo_last": 0.08,
            "typo_first": 0.07,
        },
        0.97,
        0.15,
        0.85,
        0.2,
        0.9,
        0.4,
        0.8,
        0.95,
        0.0,
        0.8,
    ),
    STREAM_S: PartyStyle(
        {"no_middle": 0.25, "given_only": 0.3, "no_name": 0.35, "typo_first": 0.05, "initial_first": 0.05},
        0.4,
        0.2,
        1.0,
        0.25,
        0.0,
        0.0,
        0.0,
        0.6,
        0.1,
        0.5,
    ),
    EWALLET_P: PartyStyle(
        {
            "full": 0.4,
            "middle_initial": 0.3,
            "upper": 0.1,
            "no_middle": 0.1,
            "typo_last": 0.05,
            "typo_first": 0.05,
        },
        1.0,
        0.15,
        0.5,
        0.2,
        0.8,
        0.2,
        0.5,
        0.9,
        0.0,
        0.8,
    ),
    BANK_PH: PartyStyle(
        {"upper": 0.4, "full": 0.3, "middle_initial": 0.2, "surname_first": 0.1},
        0.9,
        0.1,
        0.6,
        0.15,
        1.0,
        0.1,
        1.0,
        1.0,
        0.0,
        0.9,
    ),
}


def style_for(source: int, profile: str) -> PartyStyle:
    """The source's style, adjusted for people who keep their records apart on purpose."""
    base = STYLES[source]
    if profile == "offender":
        return replace(base, phone=base.phone * 0.5, email_alt=max(base.email_alt, 0.55))
    if profile == "facilitator":
        v = dict(base.variants)
        for key in ("typo_last", "typo_first", "surname_first", "middle_initial"):
            v[key] = v.get(key, 0.0) + 0.08
        return replace(base, variants=v, phone_alt=0.45, email=base.email * 0.6, alias=0.2)
    return base


def _bern(rng: np.random.Generator, n: int, p: float) -> np.ndarray:
    return rng.random(n) < p


def add_parties(
    reg: Registry,
    rng: np.random.Generator,
    persons: np.ndarray,
    source: int,
    created: np.ndarray,
    profile: str = "default",
) -> np.ndarray:
    """One party record per person at `source`."""
    n = len(persons)
    st = style_for(source, profile)
    keys = list(st.variants)
    p = np.array([st.variants[k] for k in keys], dtype=np.float64)
    variant = np.array([V[k] for k in keys], dtype=np.int8)[rng.choice(len(keys), n, p=p / p.sum())]
    has_phone = _bern(rng, n, st.phone)
    has_email = _bern(rng, n, st.email)
    has_id = _bern(rng, n, st.id_number)
    has_birth = _bern(rng, n, st.birth)
    alias = np.full(n, -1, dtype=np.int32)
    use_alias = _bern(rng, n, st.alias)
    if use_alias.any():
        culture = reg.persons["culture"][persons[use_alias]]
        culture = np.where(culture < 0, CULTURE_INDEX["filipino"], culture)
        alias[use_alias] = draw(rng, POOLS.female, culture)
    return reg.parties.add(
        n,
        person=persons,
        source=source,
        variant=variant,
        first_alias=alias,
        phone_person=np.where(has_phone, persons, -1),
        phone_which=_bern(rng, n, st.phone_alt).astype(np.int8),
        email_which=np.where(has_email, _bern(rng, n, st.email_alt), -1).astype(np.int8),
        id_which=np.where(has_id, _bern(rng, n, st.passport), -1).astype(np.int8),
        address=_bern(rng, n, st.address).astype(np.int8),
        birth_mode=np.where(has_birth, _bern(rng, n, st.birth_off), -1).astype(np.int8),
        gender_known=_bern(rng, n, st.gender).astype(np.int8),
        created=created,
    )


def add_accounts(
    reg: Registry,
    rng: np.random.Generator,
    persons: np.ndarray,
    parties: np.ndarray,
    source: int | np.ndarray,
    kind: int,
    slot: int,
    opened: np.ndarray,
) -> np.ndarray:
    n = len(persons)
    country = reg.persons["country"][persons]
    accounts = reg.accounts.add(
        n,
        person=persons,
        party=parties,
        source=source,
        kind=kind,
        country=country,
        currency=COUNTRY_CUR[country],
        opened=opened,
        handle=rng.integers(0, 2**62, n, dtype=np.int64) if kind == K_PLATFORM else 0,
    )
    reg.bind(slot, persons, accounts)
    return accounts


def _history(rng: np.random.Generator, clock: Clock, n: int, lo_years: float, hi_years: float) -> np.ndarray:
    return clock.start - (rng.uniform(lo_years, hi_years, n) * YEAR).astype(np.int64)


def _later(rng: np.random.Generator, clock: Clock, created: np.ndarray) -> np.ndarray:
    """An opening date between `created` and the start of the window."""
    gap = np.maximum(clock.start - DAY - created, 0)
    return created + (rng.random(len(created)) * np.minimum(gap, 3 * YEAR)).astype(np.int64)


@dataclass(frozen=True)
class Membership:
    """Which optional sources a group of customers uses."""

    card_c: np.ndarray
    remit: np.ndarray
    platform: np.ndarray


def enrol_customers(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    persons: np.ndarray,
    member: Membership,
    profile: np.ndarray,
) -> None:
    """Bank (always), card, remittance and platform records of customers in demand countries.

    `profile` marks offenders (1), who keep records apart more often, against everyone else (0).
    A customer is known to at most three sources: when all three optional ones apply, the card
    is issued by the customer's bank rather than by card-c.
    """
    n = len(persons)
    card_c = member.card_c & ~(member.remit & member.platform)
    bank_src = np.where(rng.random(n) < 0.6, BANK_A, BANK_B).astype(np.int8)
    created = _history(rng, clock, n, 0.5, 20)
    for src in (BANK_A, BANK_B):
        for prof in (0, 1):
            sel = (bank_src == src) & (profile == prof)
            if not sel.any():
                continue
            who = persons[sel]
            parties = add_parties(reg, rng, who, src, created[sel], "offender" if prof else "default")
            add_accounts(reg, rng, who, parties, src, K_BANK, S_BANK, created[sel])
            own_card = ~card_c[sel]
            add_accounts(
                reg,
                rng,
                who[own_card],
                parties[own_card],
                src,
                K_CARD,
                S_CARD,
                _later(rng, clock, created[sel][own_card]),
            )
    # (accounts, source, kind, slot, years of history: usual, offenders)
    optional = (
        (card_c, CARD_C, K_CARD, S_CARD, (0.5, 12), (0.5, 12)),
        (member.remit, REMIT_X, K_REMIT, S_REMIT, (0.1, 8), (0.05, 4)),
        (member.platform, STREAM_S, K_PLATFORM, S_PLATFORM, (0.1, 7), (0.1, 7)),
    )
    for mask, src, kind, slot, usual, offender in optional:
        for prof in (0, 1):
            sel = mask & (profile == prof)
            if not sel.any():
                continue
            who = persons[sel]
            lo, hi = offender if prof else usual
            made = _history(rng, clock, len(who), lo, hi)
            parties = add_parties(reg, rng, who, src, made, "offender" if prof else "default")
            add_accounts(reg, rng, who, parties, src, kind, slot, made)


RECEIVING_SOURCES = (
    (REMIT_X, K_REMIT, S_REMIT),
    (EWALLET_P, K_EWALLET, S_EWALLET),
    (BANK_PH, K_BANK, S_BANK),
)


def enrol_receivers(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    persons: np.ndarray,
    uses: np.ndarray,
    platform: np.ndarray,
    profile: str = "default",
    created: np.ndarray | None = None,
) -> None:
    """Receiving-side records: `uses[:, k]` says whether person i has an account at
    remit-x, ewallet-p, bank-ph (k = 0, 1, 2); `platform` whether they are on stream-s."""
    n = len(persons)
    base = created if created is not None else _history(rng, clock, n, 0.3, 10)
    for k, (src, kind, slot) in enumerate(RECEIVING_SOURCES):
        sel = uses[:, k]
        if not sel.any():
            continue
        jitter = (rng.random(int(sel.sum())) * 200 * DAY).astype(np.int64)
        made = np.minimum(base[sel] + jitter, clock.end - DAY)
        parties = add_parties(reg, rng, persons[sel], src, made, profile)
        add_accounts(reg, rng, persons[sel], parties, src, kind, slot, made)
    if platform.any():
        who = persons[platform]
        made = _history(rng, clock, len(who), 0.1, 5)
        if created is not None:
            made = np.maximum(made, created[platform])
        parties = add_parties(reg, rng, who, STREAM_S, made, profile)
        add_accounts(reg, rng, who, parties, STREAM_S, K_PLATFORM, S_PLATFORM, made)


def add_bank_only(
    reg: Registry, rng: np.random.Generator, clock: Clock, persons: np.ndarray, source: int
) -> None:
    """A single bank account (streamers and performers outside the receiving sources)."""
    made = _history(rng, clock, len(persons), 0.5, 10)
    parties = add_parties(reg, rng, persons, source, made)
    add_accounts(reg, rng, persons, parties, source, K_BANK, S_BANK, made)


def pick_receiving(
    rng: np.random.Generator, n: int, p: tuple[float, float, float], at_least_one: bool = True
) -> np.ndarray:
    """An (n, 3) boolean matrix of remit-x / ewallet-p / bank-ph use."""
    uses = rng.random((n, 3)) < np.array(p)
    if at_least_one:
        none = ~uses.any(axis=1)
        pp = np.array(p) / sum(p)
        uses[np.flatnonzero(none), rng.choice(3, int(none.sum()), p=pp)] = True
    return uses
