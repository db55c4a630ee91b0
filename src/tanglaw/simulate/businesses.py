"""Businesses and organisations: merchants, billers, schools, employers, charities, cash agents."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .catalog import (
    BANK_A,
    BANK_B,
    BANK_PH,
    CARD_C,
    CAT,
    CATEGORIES,
    CATEGORY_NAMES,
    CO,
    EVERYDAY,
    EVERYDAY_P,
    EWALLET_P,
    K_BANK,
    K_MERCHANT,
    REMIT_X,
)
from .clock import Clock
from .geo import CC, CC_INDEX, COUNTRIES, COUNTRY_CUR, FACILITATOR_COUNTRIES, main_offset
from .people import contact_numbers
from .registry import S_BUSINESS, Registry
from .rng import segment_choice, segmented_cum, weighted_choice

ONLINE_HOMES = ("US", "IE", "NL", "GB", "SG")
RECEIVING = tuple(
    sorted(
        {c for c, _ in FACILITATOR_COUNTRIES}
        | {
            "PH",
            "NG",
            "CI",
            "GH",
            "MY",
            "TR",
            "IN",
            "VN",
            "MX",
            "CO",
            "DO",
            "TH",
            "RO",
            "UA",
            "ID",
        }
    )
)


@dataclass
class Group:
    """Accounts of one kind of business, with weighted sampling by country."""

    account: np.ndarray
    country: np.ndarray
    category: np.ndarray
    weight: np.ndarray
    _seg: tuple[np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    def by_country(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._seg is None:
            self._seg = segmented_cum(self.country.astype(np.int64), self.weight, len(CC))
        return self._seg

    def pick(self, rng: np.random.Generator, country: np.ndarray) -> np.ndarray:
        """One account per row, in the row's country (-1 where the country has none)."""
        order, start, cum = self.by_country()
        idx = segment_choice(rng, country.astype(np.int64), start, cum)
        return np.where(idx >= 0, self.account[order[np.maximum(idx, 0)]], -1)

    def pick_any(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return self.account[weighted_choice(rng, n, self.weight)]


@dataclass
class Businesses:
    everyday: Group  # card merchants for daily spending, every country
    online: dict[str, Group]  # foreign online merchants by category
    hotels: Group
    atms: Group
    airlines: Group
    billers: Group  # utilities, paid by bank transfer
    schools: Group
    employers: Group
    charities: Group  # domestic charities (bank accounts)
    charities_ph: Group  # Philippine foundations with bank-ph accounts
    agents: dict[int, Group]  # cash-out agents by receiving source
    platform_tokens: int  # the token shop of stream-s
    platform_payouts: int  # the bank account stream-s pays its performers from
    people: list[np.ndarray] = field(default_factory=list)


def _names(rng: np.random.Generator, category: str, n: int, city: list[str]) -> list[str]:
    cat = CATEGORIES[category]
    pre = rng.integers(0, len(cat.prefixes), n)
    noun = rng.integers(0, len(cat.nouns), n)
    with_city = rng.random(n) < 0.4
    out = []
    for i in range(n):
        name = f"{cat.prefixes[pre[i]]} {cat.nouns[noun[i]]}"
        out.append(f"{name} {city[i]}" if with_city[i] else name)
    return out


def _add(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    category: str,
    country: np.ndarray,
    source: np.ndarray | int,
    kind: int,
    names: list[str] | None = None,
) -> Group:
    n = len(country)
    cities = [
        COUNTRIES[int(c)].cities[k % len(COUNTRIES[int(c)].cities)]
        for c, k in zip(country, rng.integers(0, 1000, n), strict=True)
    ]
    names = names if names is not None else _names(rng, category, n, cities)
    org = reg.add_org_names(names)
    cohort = CO["merchant"] if kind == K_MERCHANT else CO["organization"]
    persons = reg.persons.add(
        n,
        cohort=cohort,
        country=country,
        offset=main_offset(country),
        org=org,
        kind=1,
        **contact_numbers(rng, n, len(reg.persons)),
    )
    src = np.broadcast_to(np.asarray(source, dtype=np.int8), (n,))
    created = clock.start - rng.integers(400 * 86_400, 7000 * 86_400, n)
    parties = reg.parties.add(
        n,
        person=persons,
        source=src,
        phone_person=persons,
        email_which=-1,
        address=1,
        created=created,
        gender_known=0,
    )
    accounts = reg.accounts.add(
        n,
        person=persons,
        party=parties,
        source=src,
        kind=kind,
        country=country,
        currency=COUNTRY_CUR[country],
        opened=created,
        category=CAT[category],
    )
    reg.bind(S_BUSINESS, persons, accounts)
    weight = rng.pareto(1.3, n) + 1.0
    return Group(
        account=accounts,
        country=country.astype(np.int16),
        category=np.full(n, CAT[category], np.int16),
        weight=weight,
    )


def _concat(groups: list[Group]) -> Group:
    return Group(
        account=np.concatenate([g.account for g in groups]),
        country=np.concatenate([g.country for g in groups]),
        category=np.concatenate([g.category for g in groups]),
        weight=np.concatenate([g.weight for g in groups]),
    )


def _bank_source(rng: np.random.Generator, country: np.ndarray) -> np.ndarray:
    demand = np.array([COUNTRIES[int(c)].demand_share > 0 for c in country], dtype=bool)
    return np.where(demand, np.where(rng.random(len(country)) < 0.6, BANK_A, BANK_B), BANK_PH)


def make_businesses(
    reg: Registry, rng: np.random.Generator, clock: Clock, residents: np.ndarray
) -> Businesses:
    """Create every business. `residents[c]` is the number of customers living in country c."""
    n_c = len(CC)
    # Everyday merchants in every country (travellers shop abroad too).
    per_country = np.clip(residents // 40, 25, 3000).astype(np.int64)
    country = np.repeat(np.arange(n_c, dtype=np.int16), per_country)
    cats = EVERYDAY[rng.choice(len(EVERYDAY), size=len(country), p=EVERYDAY_P)]
    groups = []
    for cat in np.unique(cats):
        sel = country[cats == cat]
        groups.append(_add(reg, rng, clock, CATEGORY_NAMES[int(cat)], sel, CARD_C, K_MERCHANT))
    everyday = _concat(groups)

    homes = np.array([CC_INDEX[c] for c in ONLINE_HOMES], dtype=np.int16)
    online = {}
    for cat, k in (
        ("digital", 8),
        ("marketplace", 5),
        ("software", 5),
        ("vpn", 4),
        ("dating", 4),
        ("adult_platform", 5),
        ("streaming", 5),
    ):
        online[cat] = _add(reg, rng, clock, cat, homes[rng.integers(0, len(homes), k)], CARD_C, K_MERCHANT)
    tokens = _add(
        reg,
        rng,
        clock,
        "platform_tokens",
        np.array([CC_INDEX["US"]], np.int16),
        CARD_C,
        K_MERCHANT,
        names=["Stream-S Tokens"],
    )
    payouts = _add(
        reg,
        rng,
        clock,
        "employer",
        np.array([CC_INDEX["US"]], np.int16),
        BANK_A,
        K_BANK,
        names=["Stream-S Creator Payouts"],
    )

    all_c = np.arange(n_c, dtype=np.int16)
    hotels = _add(reg, rng, clock, "hotel", np.repeat(all_c, 8), CARD_C, K_MERCHANT)
    atms = _add(
        reg,
        rng,
        clock,
        "atm",
        np.repeat(all_c, 2),
        CARD_C,
        K_MERCHANT,
        names=[f"ATM Network {CC[c]} {k + 1}" for c in range(n_c) for k in range(2)],
    )
    airlines = _add(reg, rng, clock, "airline", all_c[rng.integers(0, n_c, 10)], CARD_C, K_MERCHANT)

    demand = np.array([c for c in range(n_c) if COUNTRIES[c].demand_share > 0], np.int16)
    d_res = residents[demand]

    def spread(per: np.ndarray) -> np.ndarray:
        return np.repeat(demand, per.astype(np.int64))

    util_c = spread(np.full(len(demand), 4))
    billers = _add(reg, rng, clock, "utility", util_c, _bank_source(rng, util_c), K_BANK)
    sch_c = spread(np.clip(d_res // 400, 4, 300))
    schools = _add(reg, rng, clock, "school", sch_c, _bank_source(rng, sch_c), K_BANK)
    emp_c = spread(np.clip(d_res // 60, 8, 3000))
    employers = _add(reg, rng, clock, "employer", emp_c, _bank_source(rng, emp_c), K_BANK)
    ch_c = spread(np.full(len(demand), 3))
    charities = _add(reg, rng, clock, "charity", ch_c, _bank_source(rng, ch_c), K_BANK)
    ph = np.full(5, CC_INDEX["PH"], np.int16)
    charities_ph = _add(reg, rng, clock, "charity", ph, BANK_PH, K_BANK)

    recv = np.array([CC_INDEX[c] for c in RECEIVING], dtype=np.int16)
    ph_big = max(10, int(residents.sum() // 4000))
    agents = {
        REMIT_X: _concat(
            [
                _add(
                    reg,
                    rng,
                    clock,
                    "cash_agent",
                    np.full(ph_big, CC_INDEX["PH"], np.int16),
                    REMIT_X,
                    K_MERCHANT,
                ),
                _add(reg, rng, clock, "cash_agent", np.repeat(recv, 4), REMIT_X, K_MERCHANT),
            ]
        ),
        EWALLET_P: _add(
            reg, rng, clock, "cash_agent", np.full(ph_big, CC_INDEX["PH"], np.int16), EWALLET_P, K_MERCHANT
        ),
        BANK_PH: _add(
            reg,
            rng,
            clock,
            "atm",
            np.full(6, CC_INDEX["PH"], np.int16),
            BANK_PH,
            K_MERCHANT,
            names=[f"Bank-PH ATM {k + 1}" for k in range(6)],
        ),
    }
    return Businesses(
        everyday=everyday,
        online=online,
        hotels=hotels,
        atms=atms,
        airlines=airlines,
        billers=billers,
        schools=schools,
        employers=employers,
        charities=charities,
        charities_ph=charities_ph,
        agents=agents,
        platform_tokens=int(tokens.account[0]),
        platform_payouts=int(payouts.account[0]),
    )
