"""Trips abroad: flights, hotels, card purchases and ATM withdrawals in the destination.

Used for the traveller cohort and for offenders who travel to their facilitators' country.
"""

from __future__ import annotations

import numpy as np

from .businesses import Businesses
from .catalog import CAT_USD, CH_CARD
from .clock import Clock
from .draws import at_local, counts_to_rows, lognormal_usd
from .events import Txns
from .geo import TRAVEL_DESTINATIONS, main_offset, pick_countries
from .money import usd_amount
from .registry import S_CARD, Registry


def destinations(rng: np.random.Generator, home: np.ndarray) -> np.ndarray:
    dest = pick_countries(rng, len(home), TRAVEL_DESTINATIONS)
    again = pick_countries(rng, len(home), TRAVEL_DESTINATIONS)
    dest = np.where(dest == home, again, dest)
    return np.where(dest == home, pick_countries(rng, len(home), (("TH", 1.0),)), dest)


def trips(
    reg: Registry,
    rng: np.random.Generator,
    clock: Clock,
    biz: Businesses,
    travellers: np.ndarray,
    dest: np.ndarray,
    atm_every: float = 3.0,
) -> Txns:
    """One trip per row of `travellers` (repeat a person for several trips) to `dest`."""
    n_t = len(travellers)
    if n_t == 0:
        return Txns.empty()
    length = rng.integers(4, 22, n_t)
    start = rng.integers(0, max(1, clock.days - 3), n_t)
    length = np.minimum(length, clock.days - start)
    card = reg.slot(S_CARD)[travellers]
    home_off = reg.persons["offset"][travellers]
    dest_off = main_offset(dest)
    parts = []

    # Flight, booked at home weeks before.
    f_day = np.maximum(start - rng.integers(10, 60, n_t), 0)
    parts.append(
        (
            np.arange(n_t),
            biz.airlines.pick_any(rng, n_t),
            lognormal_usd(rng, 800, 0.45, n_t, 150, 3000),
            at_local(rng, clock, f_day, "shop", home_off),
            0.2,
        )
    )
    # Hotel, paid on arrival.
    parts.append(
        (
            np.arange(n_t),
            biz.hotels.pick(rng, dest),
            lognormal_usd(rng, 120, 0.4, n_t, 30, 800) * np.maximum(length - 1, 1),
            at_local(rng, clock, start, "shop", dest_off),
            0.0,
        )
    )
    # Daily purchases.
    rows = counts_to_rows(rng.poisson(2.5 * length))
    day = start[rows] + (rng.random(len(rows)) * length[rows]).astype(np.int64)
    merchant = biz.everyday.pick(rng, dest[rows])
    cat = reg.accounts["category"][merchant]
    usd = CAT_USD[cat] * np.exp(rng.normal(0, 0.6, len(rows)))
    parts.append((rows, merchant, usd, at_local(rng, clock, day, "shop", dest_off[rows]), 0.0))
    # ATM withdrawals: round amounts in the local currency, not in the card's.
    rows = counts_to_rows(np.maximum(length / atm_every, 1).astype(np.int64))
    day = start[rows] + (rng.random(len(rows)) * length[rows]).astype(np.int64)
    usd = rng.choice([100.0, 150, 200, 300, 400], len(rows))
    parts.append(
        (rows, biz.atms.pick(rng, dest[rows]), usd, at_local(rng, clock, day, "shop", dest_off[rows]), 0.0)
    )

    out = []
    for r, rcv, usd_, ts, p_round in parts:
        snd = card[r]
        cur = reg.accounts["currency"][snd]
        ok = rcv >= 0
        k = int(ok.sum())
        out.append(
            Txns.make(
                k,
                ts=ts[ok],
                amount=usd_amount(rng, usd_[ok], cur[ok], p_round),
                cur=cur[ok],
                snd=snd[ok],
                rcv=rcv[ok],
                chan=CH_CARD,
                src=reg.accounts["source"][snd[ok]],
                owner=travellers[r[ok]],
            )
        )
    return Txns.concat(out)
