"""World L: a held-out synthetic world for measuring Tanglaw.

    python -m tests.world_l.generator OUT --seed N --customers N [--view full|receiver|platform] [--no-chat]

Writes OUT/bundle/ (data contract v1 CSV tables) and OUT/truth/ (persons.csv, accounts.csv,
params.json).  Standard library only; the same arguments always give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from datetime import timedelta

from .behaviour import Infra, bg_abroad, bg_ph_bank, bg_ph_wallet
from .lookalikes import (
    build_cam,
    build_charity,
    build_diaspora,
    build_ordinary,
    build_partners,
    build_romance,
    build_shops,
    build_work,
    cam_customer,
    follow,
    friends_chat,
)
from .offenders import build_households, build_payers, build_sextortion, run_payer, run_victim
from .population import World
from .sink import Sink
from .text import Voices

NOT_CUSTOMERS = ("merchant", "organization")

# Per-person and per-event ranges drawn inside each story (the world-level rates are in params.rates).
FIXED_RANGES = {
    "payer_age": "triangular(30, 75, mode 52); 93% men; demand-country mix after AMLC inflow shares",
    "payer_payment_usd": "per payer: payer_median_usd x lognormal(0, 0.5), clipped to 10-400; "
    "per payment x lognormal(0, 0.25), x up to escalation factor",
    "payer_interval_days": {"frequent": [3, 10], "occasional": [14, 45], "escalating_shrinks_to": 0.4},
    "few_payments": {"count": [1, 4], "span_days": [0, 60], "blank_references": "at least half"},
    "escalation_factor": [1.5, 3.0],
    "households_per_multi_payer": [2, 4],
    "payer_start_day": "0, or (40% of payers) uniform in the first half of the window; 20% stop early",
    "relay_forward": {"share": [0.85, 0.95], "delay_hours": [0.5, 12]},
    "session_around_payment_minutes": [-60, 45],
    "session_minutes": [8, 45],
    "household_size": {"values": [1, 2, 3, 4, 5, 6], "weights": [15, 25, 25, 15, 12, 8]},
    "household_popularity": "pareto(1.2) weight; household i gets payer i first",
    "cash_out": {"delay_hours": [0.3, 30], "share": [0.6, 1.0], "share_to_relative": [0.1, 0.4]},
    "payer_trip_days": [7, 21],
    "sextortion": {
        "payments": [1, 5],
        "first_usd": [50, 250],
        "later_usd": [25, 500],
        "gap_hours": [1, 36],
        "victim_age": [15, 21],
    },
    "diaspora": {
        "share_of_income": [0.15, 0.45],
        "income_usd": [600, 2600],
        "seafarer_contract_days": [180, 280],
        "seafarer_leave_days": [45, 120],
        "senders_per_family": [1, 3],
        "recipients_per_family": [1, 4],
    },
    "seller_customer_usd": {"cod_like": [5, 20], "regular": [12, 90], "orders": [1, 8]},
    "gamer_usd": [3, 50],
    "token_packs_usd": [9.99, 19.99, 24.99, 49.99, 99.99, 199.99],
    "private_show_usd": [15, 120],
    "direct_performer_payment_usd": [20, 200],
    "romance": {
        "first_usd": [100, 300],
        "growth_per_payment": [1.0, 1.6],
        "payments": [2, 12],
        "gap_days": [4, 30],
    },
    "sponsor_monthly_usd": [25, 50],
    "charity_allowance_php": [1000, 3000],
    "traveller_usd": [40, 300],
    "traveller_gap_days": [7, 40],
    "spouse_monthly_usd": [300, 1000],
    "freelance_rate_usd": [150, 1500],
    "crypto_trade_php": [1000, 50000],
    "crypto_trades_per_year": [60, 180],
}


def _n(x: float) -> int:
    return int(round(x))


def build(seed: int, customers: int, view: str = "full", chat: bool = True) -> World:
    """Build and run the world; records stay in memory in w.sink."""
    if customers < 200:
        raise ValueError("world L needs at least 200 customers")
    w = World(seed, customers, view, chat)
    P = w.params
    w.voices = Voices(w.rng)
    w.sink = Sink(w, P.u("fx_margin", 0.005, 0.025))
    w.infra = Infra(w, w.sub(1, 0))
    R = {
        "card": P.u("bg_card_per_year", 9, 18, 2),
        "bill": P.u("bg_bills_per_year", 4, 9, 2),
        "atm": P.u("bg_atm_per_year", 2, 6, 2),
        "p2p": P.u("bg_p2p_per_year", 2, 7, 2),
        "topup": P.u("bg_topups_per_year", 1, 4, 2),
        "cashin": P.u("ph_cash_in_per_year", 4, 10, 2),
        "cashout": P.u("ph_cash_out_per_year", 3, 8, 2),
        "load": P.u("ph_load_per_year", 5, 12, 2),
        "phbill": P.u("ph_bills_per_year", 4, 9, 2),
        "qr": P.u("ph_qr_per_year", 6, 14, 2),
        "php2p": P.u("ph_p2p_per_year", 4, 10, 2),
        "bankatm": P.u("ph_bank_atm_per_year", 5, 12, 2),
        "b2w": P.u("ph_bank_to_wallet_per_year", 3, 8, 2),
        "phcard": P.u("ph_card_per_year", 4, 10, 2),
    }
    N = customers
    n_pay = max(8, _n(N * P.u("payer_rate", 0.001, 0.004, 5)))
    n_hh = max(3, _n(n_pay * P.u("households_per_payer", 0.3, 0.6)))
    n_rings = max(1, _n(N * P.u("sx_ring_rate", 0.00004, 0.00015, 6)))
    n_sxv = max(4, _n(N * P.u("sx_victim_rate", 0.0005, 0.0015, 5)))
    n_fam = _n(N * P.u("diaspora_family_rate", 0.025, 0.045))
    n_stu = _n(N * P.u("student_rate", 0.006, 0.012))
    n_sell = max(4, _n(N * P.u("online_seller_rate", 0.006, 0.012)))
    n_buy = _n(N * P.u("seller_customer_rate", 0.03, 0.05))
    n_gam = _n(N * P.u("gamer_rate", 0.006, 0.012))
    n_yg = _n(N * P.u("young_gamer_rate", 0.003, 0.007))
    n_perf = max(3, _n(N * P.u("adult_performer_rate", 0.003, 0.007)))
    n_acust = _n(N * P.u("adult_customer_rate", 0.012, 0.025))
    n_rv = _n(N * P.u("romance_victim_rate", 0.003, 0.007))
    n_rm = max(1, _n(n_rv / P.u("romance_victims_per_mule", 3, 6)))
    n_spon = _n(N * P.u("charity_sponsor_rate", 0.007, 0.014))
    n_cben = max(3, _n(N * P.u("charity_beneficiary_rate", 0.003, 0.007)))
    n_trav = _n(N * P.u("traveller_rate", 0.007, 0.014))
    n_fs = _n(N * P.u("foreign_spouse_rate", 0.003, 0.007))
    n_fl = max(2, _n(N * P.u("freelancer_rate", 0.006, 0.012)))
    n_fc = _n(n_fl * P.u("clients_per_freelancer", 1.2, 2.5))
    n_ct = max(1, _n(N * P.u("crypto_trader_rate", 0.0015, 0.004, 5)))
    abroad_share = P.u("ordinary_abroad_share", 0.35, 0.5)

    jobs = build_cam(w, n_perf, n_acust)
    hhs = build_households(w, n_hh)
    payers = build_payers(w, n_pay, hhs)
    for pay in payers:
        if pay.cam:
            pay.p.cam = w.account(pay.rng, pay.p, "cam", "platform")
            follow(w, pay.rng, pay.p)
    rings, victims = build_sextortion(w, n_rings, n_sxv)
    jobs += build_diaspora(w, n_fam, n_stu)
    jobs += build_shops(w, n_sell, n_buy, n_gam, n_yg)
    jobs += build_romance(w, n_rv, n_rm)
    jobs += build_charity(w, n_spon, n_cben)
    jobs += build_partners(w, n_trav, n_fs)
    jobs += build_work(w, n_fl, n_fc, n_ct)
    used = sum(1 for p in w.persons if p.cohort not in NOT_CUSTOMERS)
    n_ord = max(0, N - used)
    n_ord_ab = _n(n_ord * abroad_share)
    jobs += build_ordinary(w, n_ord_ab, n_ord - n_ord_ab)
    w.n_households, w.n_rings = len(hhs), len(rings)

    # pools and friendships (everyone has friends; nobody's friends depend on their cohort)
    w.ph_pool = [p for p in w.persons if p.home == "ph"]
    w.abroad_pool = [
        p for p in w.persons if p.home == "abroad" and p.wallet is not None and p.wallet.inst.key == "mto"
    ]
    fr = w.sub(2, 0)
    pool = w.ph_pool
    for p in pool:
        p.friends = [
            f for f in (pool[int(fr.random() * len(pool))] for _ in range(fr.randint(3, 8))) if f is not p
        ]
    by_country: dict[str, list] = {}
    for p in w.abroad_pool:
        by_country.setdefault(p.country, []).append(p)
    for p in w.abroad_pool:
        mates = by_country[p.country]
        p.friends = [
            f for f in (mates[int(fr.random() * len(mates))] for _ in range(fr.randint(2, 6))) if f is not p
        ]

    # background first, then the stories
    mto_vis = w.insts["mto"].vis
    for idx, p in enumerate(w.persons):
        if p.home == "ph":
            for j, wal in enumerate(
                p.extra.get("bg_wallets") or ([p.wallet] if p.wallet is not None else [])
            ):
                bg_ph_wallet(w, p, wal, w.sub(3, idx) if j == 0 else w.sub(7, idx * 16 + j), R)
            if p.bank is not None:
                bg_ph_bank(w, p, w.sub(8, idx), R)
        elif p.home == "abroad" and mto_vis and p.wallet is not None and p.wallet.inst.key == "mto":
            bg_abroad(w, p, w.sub(4, idx), R)
        if p.chat is not None:
            friends_chat(w, p, w.sub(6, idx), w.sub(5, idx))
    for pay in payers:
        run_payer(w, pay, cam_customer)
    for i, v in enumerate(victims):
        run_victim(w, v, i)
    for func, args in jobs:
        func(w, args)
    _traits(w)
    return w


def _traits(w: World) -> None:
    """Traits that depend on what the bundle shows: chat, inbound_only (payers) and sender_only (others)."""
    for p in w.persons:
        flags = 0
        visible = False
        for a in p.accts:
            flags |= a.f
            visible = visible or a.inst.vis
        if flags & 8:
            p.traits.append("chat")
        if flags & 1 and not flags & ~1 and not visible:
            p.traits.append("inbound_only" if p.cohort == "offender_payer" else "sender_only")


def write(w: World, out: str) -> dict:
    bundle = os.path.join(out, "bundle")
    truth = os.path.join(out, "truth")
    os.makedirs(truth, exist_ok=True)
    counts = w.sink.write_bundle(bundle)
    persons = sorted(w.persons, key=lambda p: p.pid)
    with open(os.path.join(truth, "persons.csv"), "w", encoding="utf-8", newline="") as fh:
        cw = csv.writer(fh, lineterminator="\n")
        cw.writerow(("person_id", "cohort", "role", "network_id", "traits"))
        for p in persons:
            cw.writerow((p.pid, p.cohort, p.role, ";".join(p.nets), ";".join(sorted(set(p.traits)))))
    accts = sorted((a for a in w.accounts if a.inst.vis or a.f), key=lambda a: a.id)
    with open(os.path.join(truth, "accounts.csv"), "w", encoding="utf-8", newline="") as fh:
        cw = csv.writer(fh, lineterminator="\n")
        cw.writerow(("account_id", "party_id", "person_id"))
        for a in accts:
            cw.writerow((a.id, a.party.id if a.party is not None and a.inst.vis else "", a.person.pid))
    cohorts = Counter(p.cohort for p in w.persons)
    traits = Counter(t for p in w.persons for t in set(p.traits))
    summary = {
        "generator": "world_l",
        "truth_format": "1.1",
        "seed": w.seed,
        "customers": w.customers,
        "view": w.view,
        "chat": w.chat_on,
        "window": {
            "start": w.start.isoformat(),
            "end": (w.start + timedelta(days=w.days - 1)).isoformat(),
            "days": w.days,
        },
        "institutions": [
            {
                "key": i.key,
                "source": i.source,
                "description": i.label,
                "in_bundle": i.vis,
                "timestamp_offset": i.suffix,
            }
            for i in w.insts.values()
        ],
        "institutions_present": [i.source for i in w.insts.values() if i.vis],
        "rates": w.params.rates,
        "fixed_ranges": FIXED_RANGES,
        "record_counts": counts,
        "truth_counts": {"persons": len(persons), "accounts": len(accts)},
        "cohort_counts": dict(sorted(cohorts.items())),
        "customer_count": sum(v for k, v in cohorts.items() if k not in NOT_CUSTOMERS),
        "network_counts": {"households": w.n_households, "sextortion_rings": w.n_rings},
        "trait_counts": dict(sorted(traits.items())),
    }
    with open(os.path.join(truth, "params.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=2, sort_keys=False)
        fh.write("\n")
    return summary


def generate(out: str, seed: int, customers: int, view: str = "full", chat: bool = True) -> dict:
    """Generate world L into out/bundle and out/truth; returns the params.json summary."""
    w = build(seed, customers, view, chat)
    return write(w, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.world_l.generator", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=5000)
    ap.add_argument("--view", choices=("full", "receiver", "platform"), default="full")
    ap.add_argument("--no-chat", action="store_true")
    a = ap.parse_args(argv)
    s = generate(a.out, a.seed, a.customers, a.view, not a.no_chat)
    print(json.dumps({"record_counts": s["record_counts"], "truth_counts": s["truth_counts"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
