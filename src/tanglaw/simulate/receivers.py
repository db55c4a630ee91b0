"""Other people: the receiving side's ordinary population and public streamers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalog import BANK_A, BANK_B
from .clock import Clock
from .geo import CC_INDEX, DEMAND_IDX, DEMAND_P, RECEIVER_POPULATION, pick_countries
from .identities import add_bank_only, enrol_receivers, pick_receiving
from .people import add_people
from .registry import S_BANK, S_EWALLET, S_REMIT, Registry


@dataclass
class ReceiverPool:
    """Receiving-side ordinary people, who get occasional gifts from abroad."""

    persons: np.ndarray
    account: np.ndarray  # the account a sender abroad would pay


def build_receivers(reg: Registry, rng: np.random.Generator, clock: Clock, n: int) -> ReceiverPool:
    country = pick_countries(rng, n, RECEIVER_POPULATION)
    persons = add_people(reg, rng, clock, "ordinary", country)
    uses = pick_receiving(rng, n, (0.25, 0.8, 0.35))
    uses[country != CC_INDEX["PH"]] = [True, False, False]
    enrol_receivers(reg, rng, clock, persons, uses, rng.random(n) < 0.25)
    acc = reg.slot(S_REMIT)[persons]
    acc = np.where(acc < 0, reg.slot(S_EWALLET)[persons], acc)
    acc = np.where(acc < 0, reg.slot(S_BANK)[persons], acc)
    return ReceiverPool(persons, acc)


def build_streamers(reg: Registry, rng: np.random.Generator, clock: Clock, n: int) -> np.ndarray:
    """Public streamers: mostly in demand countries, some in the Philippines."""
    in_ph = rng.random(n) < 0.2
    country = np.where(in_ph, CC_INDEX["PH"], DEMAND_IDX[rng.choice(len(DEMAND_IDX), n, p=DEMAND_P)]).astype(
        np.int16
    )
    persons = add_people(reg, rng, clock, "streamer", country)
    ph = persons[in_ph]
    enrol_receivers(
        reg, rng, clock, ph, pick_receiving(rng, len(ph), (0.2, 0.8, 0.4)), np.ones(len(ph), bool)
    )
    abroad = persons[~in_ph]
    sel = rng.random(len(abroad)) < 0.6
    add_bank_only(reg, rng, clock, abroad[sel], BANK_A)
    add_bank_only(reg, rng, clock, abroad[~sel], BANK_B)
    enrol_receivers(reg, rng, clock, abroad, np.zeros((len(abroad), 3), bool), np.ones(len(abroad), bool))
    return persons
