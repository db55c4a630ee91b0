"""Building a world: everyone, their records, and every behaviour that is not background."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .background import (
    SALARY_SHARE,
    Background,
    occasional_remittances,
    receiving_persons,
)
from .businesses import Businesses, make_businesses
from .cashout import cash_outs
from .catalog import CO
from .clock import Clock
from .config import SimulationConfig
from .diaspora import Diaspora, build_diaspora, diaspora_payments
from .draws import month_starts
from .events import Sessions, Txns
from .geo import CC
from .identities import Membership, enrol_customers
from .lookalikes import (
    build_romance,
    charity_payments,
    romance_needs_remit,
    romance_payments,
)
from .networks import Networks, build_networks, share_phones
from .offenders import (
    PayerPlan,
    ban_platform_accounts,
    build_sextortion,
    offender_payments,
    sextortion_payments,
    side_purchases,
)
from .people import Customers, avoid_famous, make_customers
from .receivers import ReceiverPool, build_receivers, build_streamers
from .registry import Registry
from .rng import stream
from .sessions import Broadcasts, build_broadcasts
from .travel import destinations, trips
from .webcam import build_webcam, performer_payouts, webcam_activity

Step = Callable[[str], None]

# Optional sources of customers by cohort: (card-c, remit-x, stream-s) probabilities.
MEMBERSHIP: dict[str, tuple[float, float, float]] = {
    "ordinary": (0.3, 0.06, -1.0),  # -1: the configured platform rate
    "offender_payer": (0.1, 0.0, 0.85),
    "sextortion_victim": (0.2, 0.0, 0.7),
    "diaspora_remitter": (0.2, 0.0, 0.0),
    "romance_victim": (0.3, 0.0, 0.1),
    "webcam_customer": (0.45, 0.03, 1.0),
    "charity_sponsor": (0.3, 0.02, 0.15),
    "traveller": (0.6, 0.08, 0.2),
}


@dataclass
class World:
    cfg: SimulationConfig
    clock: Clock
    reg: Registry
    customers: Customers
    biz: Businesses
    nets: Networks
    diaspora: Diaspora
    pool: ReceiverPool
    plan: PayerPlan
    broadcasts: Broadcasts
    background: Background
    txns: Txns  # every non-background transaction
    sessions: Sessions  # every non-background session
    offender_txns: Txns
    offender_sessions: Sessions
    receivers: np.ndarray  # receiving-side persons, for the trailing chunks


def _memberships(
    cfg: SimulationConfig,
    rng: np.random.Generator,
    customers: Customers,
    needs: dict[str, tuple[np.ndarray, np.ndarray]],
    platform: dict[str, tuple[np.ndarray, np.ndarray]],
) -> Membership:
    n = customers.n
    card = np.zeros(n, bool)
    remit = np.zeros(n, bool)
    plat = np.zeros(n, bool)
    for cohort, (p_card, p_remit, p_plat) in MEMBERSHIP.items():
        who = customers.of(cohort)
        k = len(who)
        card[who] = rng.random(k) < p_card
        remit[who] = rng.random(k) < p_remit
        p_plat = cfg.platform_rate if p_plat < 0 else p_plat
        plat[who] = rng.random(k) < p_plat
    for persons, flags in needs.values():
        remit[persons] = flags
    for persons, flags in platform.values():
        plat[persons] = flags
    return Membership(card_c=card, remit=remit, platform=plat)


def build_world(cfg: SimulationConfig, step: Step) -> World:
    seed = cfg.seed
    clock = Clock.of(cfg.start_date, cfg.months)
    starts = month_starts(clock, cfg.start_date, cfg.months)
    reg = Registry()
    step("people")
    customers = make_customers(cfg, reg, stream(seed, "customers"), clock)
    residents = np.bincount(reg.persons["country"][: customers.n], minlength=len(CC))
    biz = make_businesses(reg, stream(seed, "businesses"), clock, residents)
    nets = build_networks(reg, stream(seed, "networks"), clock, customers)
    sx = build_sextortion(reg, stream(seed, "sextortion"), clock, customers)
    dia = build_diaspora(reg, stream(seed, "diaspora"), clock, customers)
    rom = build_romance(reg, stream(seed, "romance"), clock, customers)
    wc = build_webcam(reg, stream(seed, "webcam"), clock, customers)
    pool = build_receivers(
        reg, stream(seed, "receivers"), clock, max(50, round(cfg.customers * cfg.receiver_population_rate))
    )
    streamers = build_streamers(
        reg, stream(seed, "streamers"), clock, max(5, round(cfg.customers * cfg.streamer_rate))
    )

    step("records")
    rng = stream(seed, "enrol")
    member = _memberships(
        cfg,
        rng,
        customers,
        needs={
            "offender_payer": (nets.payers, nets.needs_remit),
            "sextortion_victim": (sx.victims, sx.needs_remit),
            "diaspora_remitter": (dia.remitters, dia.needs_remit),
            "romance_victim": (rom.victims, romance_needs_remit(reg, rng, rom)),
        },
        platform={"diaspora_remitter": (dia.remitters, dia.on_platform)},
    )
    profile = (customers.cohort == CO["offender_payer"]).astype(np.int8)
    enrol_customers(reg, rng, clock, np.arange(customers.n), member, profile)
    share_phones(reg, stream(seed, "phones"), nets)
    avoid_famous(reg)

    step("offenders")
    rng = stream(seed, "offending")
    off_t, off_s, plan = offender_payments(reg, rng, clock, nets)
    off_t = off_t.within(clock.start, clock.end)
    off_s = off_s.within(clock.start, clock.end)
    off_s = ban_platform_accounts(reg, rng, clock, nets, cfg.platform_ban_rate, off_s)
    side = side_purchases(reg, rng, clock, nets, biz)
    goes = rng.random(len(nets.payers)) < 0.15  # travel to the main facilitator's country
    travelling = nets.payers[goes]
    dest = reg.persons["country"][nets.facilitators[nets.links[goes, 0]]]
    off_trips = trips(reg, rng, clock, biz, travelling, dest, atm_every=1.5)
    sx_t = sextortion_payments(reg, rng, clock, sx, biz)

    step("look-alikes")
    dia_t, dia_s = diaspora_payments(
        reg, stream(seed, "diaspora-pay"), clock, dia, cfg.start_date, cfg.months
    )
    rom_t = romance_payments(reg, stream(seed, "romance-pay"), clock, rom)
    rng = stream(seed, "charity")
    ch_t = charity_payments(reg, rng, clock, customers, biz, cfg.start_date, cfg.months)
    rng = stream(seed, "travel")
    trav = customers.of("traveller")
    n_trips = np.clip(rng.poisson(1.6 * cfg.months / 12, len(trav)), 1, 6)
    trav_rows = np.repeat(trav, n_trips)
    home = reg.persons["country"][trav_rows]
    trav_t = trips(reg, rng, clock, biz, trav_rows, destinations(rng, home))
    wc_t, wc_s = webcam_activity(reg, stream(seed, "webcam-act"), clock, wc, biz)
    rng = stream(seed, "occasional")
    occ_t = occasional_remittances(reg, rng, clock, np.arange(customers.n), pool.account)

    step("receiving side")
    rng = stream(seed, "receiving")
    payouts = performer_payouts(reg, rng, clock, biz, wc_s, cfg.start_date, cfg.months)
    sent = Txns.concat([off_t, sx_t, dia_t, rom_t, ch_t, occ_t, payouts])
    cash = cash_outs(reg, rng, clock, biz, sent)
    txns = Txns.concat(
        [off_t, side, off_trips, sx_t, dia_t, rom_t, ch_t, trav_t, wc_t, occ_t, payouts, cash]
    ).within(clock.start, clock.end)
    sessions = Sessions.concat([off_s, dia_s, wc_s]).within(clock.start, clock.end)
    broadcasts = build_broadcasts(reg, stream(seed, "broadcasts"), clock, streamers)
    receivers = receiving_persons(reg, customers.n)

    # Size the everyday background so that the whole world meets the configured volume.
    month_f = clock.days / 30.44
    active_recv = int(np.count_nonzero(reg.persons["country"][receivers] == CC.index("PH")))
    expected_other = len(txns) + active_recv * 4.8 * month_f
    per_customer = expected_other / (customers.n * month_f)
    rate_other = max(0.5, cfg.txn_per_customer_month - per_customer - SALARY_SHARE * 0.93)
    bg = Background.of(reg, clock, biz, starts, customers.n, rate_other)
    return World(
        cfg=cfg,
        clock=clock,
        reg=reg,
        customers=customers,
        biz=biz,
        nets=nets,
        diaspora=dia,
        pool=pool,
        plan=plan,
        broadcasts=broadcasts,
        background=bg,
        txns=txns,
        sessions=sessions,
        offender_txns=off_t,
        offender_sessions=off_s,
        receivers=receivers,
    )
