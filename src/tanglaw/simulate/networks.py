"""Offender networks: facilitators on the receiving side and the payers who pay them.

A network is a cluster of 1-8 facilitators (often relatives, in one country) with a
heavy-tailed number of payers. Each payer pays 1-10 facilitators, mostly of his own network;
some also rotate to facilitators of other networks, so payers are shared across facilitators
and networks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalog import R_FACILITATOR, R_PAYER
from .clock import Clock
from .geo import CC_INDEX, FACILITATOR_COUNTRIES, pick_countries
from .identities import enrol_receivers
from .people import Customers, add_people
from .registry import Registry

MAX_FACILITATORS = 10
SEXTORTION_NETWORK_BASE = 100_000  # network numbers of sextortion rings start here


@dataclass
class Networks:
    payers: np.ndarray  # person index of each payer
    facilitators: np.ndarray  # person index of each facilitator
    fac_network: np.ndarray
    payer_network: np.ndarray
    links: np.ndarray  # (payers, MAX_FACILITATORS) facilitator positions, -1 padded
    weights: np.ndarray  # rotation weights, same shape, rows sum to 1
    prefers_bank: np.ndarray  # payer wires from his bank rather than using remit-x
    needs_remit: np.ndarray  # payer holds a remit-x account

    @property
    def n_networks(self) -> int:
        return int(self.fac_network.max()) + 1 if len(self.fac_network) else 0


def _network_sizes(rng: np.random.Generator, total: int) -> np.ndarray:
    sizes = 1 + np.floor(rng.lognormal(np.log(2.2), 1.0, total)).astype(np.int64)
    sizes = np.minimum(sizes, max(1, total))
    cum = np.cumsum(sizes)
    k = int(np.searchsorted(cum, total)) + 1
    sizes = sizes[:k].copy()
    sizes[-1] -= int(cum[k - 1] - total)
    return sizes[sizes > 0]


def build_networks(reg: Registry, rng: np.random.Generator, clock: Clock, customers: Customers) -> Networks:
    payers = rng.permutation(customers.of("offender_payer"))
    n_pay = len(payers)
    if n_pay == 0:
        z = np.zeros(0, dtype=np.int64)
        return Networks(
            z,
            z,
            z,
            z,
            np.zeros((0, MAX_FACILITATORS), np.int64),
            np.zeros((0, MAX_FACILITATORS)),
            z.astype(bool),
            z.astype(bool),
        )
    sizes = _network_sizes(rng, n_pay)
    n_net = len(sizes)
    payer_network = np.repeat(np.arange(n_net), sizes)
    n_fac = np.clip(1 + rng.poisson(0.3 + sizes / 12), 1, 8)
    fac_network = np.repeat(np.arange(n_net), n_fac)
    net_country = pick_countries(rng, n_net, FACILITATOR_COUNTRIES)
    facilitators = add_people(
        reg,
        rng,
        clock,
        "facilitator",
        net_country[fac_network],
        gender=np.zeros(len(fac_network), dtype=np.int8),
    )
    # Relatives: later facilitators of a network often share the first one's surname.
    first_of_net = np.searchsorted(fac_network, fac_network)
    relative = (np.arange(len(fac_network)) != first_of_net) & (rng.random(len(fac_network)) < 0.5)
    last = reg.persons["last"]
    last[facilitators[relative]] = last[facilitators[first_of_net[relative]]]
    reg.persons.set("role", facilitators, R_FACILITATOR)
    reg.persons.set("network", facilitators, fac_network)
    reg.persons.set("role", payers, R_PAYER)
    reg.persons.set("network", payers, payer_network)

    # Popularity of facilitators within their network (a few draw most payers).
    popularity = rng.pareto(1.2, len(fac_network)) + 0.2
    net_start = np.searchsorted(fac_network, np.arange(n_net + 1))
    links = np.full((n_pay, MAX_FACILITATORS), -1, dtype=np.int64)
    want = np.clip(rng.geometric(0.42, n_pay), 1, MAX_FACILITATORS)
    for i in range(n_pay):
        net = payer_network[i]
        lo, hi = net_start[net], net_start[net + 1]
        home = np.arange(lo, hi)
        k_home = min(int(want[i]), len(home))
        w = popularity[home] / popularity[home].sum()
        chosen = list(rng.choice(home, size=k_home, replace=False, p=w))
        extra = int(want[i]) - k_home
        if extra == 0 and n_net > 1 and rng.random() < 0.15:
            extra = 1
        if extra and n_net > 1:
            others = np.concatenate([np.arange(0, lo), np.arange(hi, len(fac_network))])
            wo = popularity[others] / popularity[others].sum()
            chosen += list(rng.choice(others, size=min(extra, len(others)), replace=False, p=wo))
        links[i, : len(chosen)] = chosen
    # Every facilitator has at least one payer of her own network.
    degree = np.bincount(links[links >= 0], minlength=len(fac_network))
    for f in np.flatnonzero(degree == 0):
        members = np.flatnonzero(payer_network == fac_network[f])
        room = members[(links[members] < 0).any(axis=1)]
        i = int(rng.choice(room if len(room) else members))
        free = np.flatnonzero(links[i] < 0)
        links[i, free[0] if len(free) else MAX_FACILITATORS - 1] = f
    raw = (rng.gamma(0.8, 1.0, links.shape) + 0.15) * (links >= 0)
    weights = raw / raw.sum(axis=1, keepdims=True)

    # Receiving identities: 1-3 of remit-x payout / ewallet-p / bank-ph; outside the
    # Philippines only remit-x pays out.
    n_f = len(fac_network)
    k_ids = rng.choice([1, 2, 3], size=n_f, p=[0.35, 0.4, 0.25])
    uses = np.zeros((n_f, 3), dtype=bool)
    scores = rng.random((n_f, 3)) * np.array([0.45, 0.35, 0.2]) ** 0.5
    ranks = np.argsort(-scores, axis=1)
    for k in range(3):
        take = k_ids > k
        uses[np.flatnonzero(take), ranks[take, k]] = True
    in_ph = reg.persons["country"][facilitators] == CC_INDEX["PH"]
    uses[~in_ph] = [True, False, False]
    platform = rng.random(n_f) < 0.8
    enrol_receivers(reg, rng, clock, facilitators, uses, platform, profile="facilitator")

    prefers_bank = rng.random(n_pay) < 0.35
    has_bank_ph = uses[:, 2]
    fac_ok = np.where(links >= 0, has_bank_ph[np.maximum(links, 0)], True)
    needs_remit = ~prefers_bank | ~fac_ok.all(axis=1) | (rng.random(n_pay) < 0.3)
    prefers_bank &= fac_ok.any(axis=1)
    needs_remit |= ~prefers_bank
    return Networks(
        payers=payers,
        facilitators=facilitators,
        fac_network=fac_network,
        payer_network=payer_network,
        links=links,
        weights=weights,
        prefers_bank=prefers_bank,
        needs_remit=needs_remit,
    )


def share_phones(reg: Registry, rng: np.random.Generator, nets: Networks) -> None:
    """Some facilitators record a relative's (another facilitator's) phone at one source."""
    parties = reg.parties
    person = parties["person"]
    fac_pos = np.full(len(reg.persons), -1, dtype=np.int64)
    fac_pos[nets.facilitators] = np.arange(len(nets.facilitators))
    pos = fac_pos[person]
    cand = np.flatnonzero((pos >= 0) & (parties["phone_person"] >= 0))
    if len(cand) == 0:
        return
    net = nets.fac_network[pos[cand]]
    net_start = np.searchsorted(nets.fac_network, np.arange(nets.n_networks + 1))
    size = net_start[net + 1] - net_start[net]
    pick = cand[(size > 1) & (rng.random(len(cand)) < 0.3)]
    if len(pick) == 0:
        return
    net = nets.fac_network[pos[pick]]
    lo, hi = net_start[net], net_start[net + 1]
    other = lo + (rng.random(len(pick)) * (hi - lo)).astype(np.int64)
    other = np.where(other == pos[pick], lo + (other - lo + 1) % (hi - lo), other)
    parties.set("phone_person", pick, nets.facilitators[other])
    parties.set("phone_which", pick, 0)


def sextortion_ring_ids(n: int) -> np.ndarray:
    return SEXTORTION_NETWORK_BASE + np.arange(n)
