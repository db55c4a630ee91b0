"""World M generator: `python -m tests.world_m.generator OUT --seed N --customers 50000`.

Writes OUT/bundle/*.csv (data contract v1) and OUT/truth/{persons.csv,accounts.csv,params.json}
(docs/truth-format.md). Written blind: nothing here is derived from how Tanglaw detects anything.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from tests.world_m.activity import MONTH, run_all
from tests.world_m.ids import date_epoch, day_str, rng_for, uni
from tests.world_m.model import DIASPORA_COUNTRIES, USD_PER_UNIT
from tests.world_m.population import (
    World,
    build_households,
    build_infrastructure,
    build_lookalikes,
    build_rings,
    pick_country,
    settle_dates,
)
from tests.world_m.sink import VIEWS, Sink

VERSION = "world-m/1"
OFFENDER_COHORTS = ("offender_payer", "facilitator", "sextortion_victim", "extortionist")


def draw_params(seed: int, customers: int) -> dict[str, Any]:
    r = rng_for(seed, "params")
    start_ord = date_epoch("2022-01-01") // 86400 + r.randrange(0, 900)
    P: dict[str, Any] = {
        "start_date": day_str(start_ord),
        "days": r.randint(365, 540),
        # facilitator households and their payers
        "households_per_10k": uni(r, 8, 16),
        "household_adults_weights": [
            uni(r, 22, 34),
            uni(r, 26, 34),
            uni(r, 14, 22),
            uni(r, 6, 12),
            uni(r, 3, 8),
        ],
        "p_household_shared_phone": uni(r, 0.3, 0.6),
        "p_relative_name_account": uni(r, 0.15, 0.35),
        "p_household_hosts": uni(r, 0.35, 0.65),
        "p_household_legit_remit": uni(r, 0.15, 0.35),
        "payers_per_household_median": uni(r, 4, 9),
        "payers_per_household_sigma": uni(r, 0.6, 1.0),
        "p_payer_reuse": uni(r, 0.06, 0.16),
        "p_payer_few": uni(r, 0.40, 0.58),
        "p_payer_heavy": uni(r, 0.08, 0.16),
        "p_payer_external_inst": uni(r, 0.15, 0.35),
        "p_payer_filipino_name": uni(r, 0.03, 0.1),
        "p_payer_crypto": uni(r, 0.03, 0.1),
        "p_payer_platform": uni(r, 0.45, 0.75),
        "p_payer_vpn": uni(r, 0.1, 0.3),
        "p_payer_also_adult_customer": uni(r, 0.15, 0.35),
        "p_payer_travel": uni(r, 0.04, 0.12),
        "payer_age_mean": uni(r, 44, 54),
        "payer_night_mean": uni(r, 0.35, 0.6),
        "payer_amount_usd_median": uni(r, 35, 85),
        "p_payer_round": uni(r, 0.35, 0.65),
        "p_payer_blank_ref": uni(r, 0.45, 0.7),
        "p_pair_sessions": uni(r, 0.35, 0.75),
        "p_pair_chat": uni(r, 0.3, 0.7),
        "p_session_per_payment": uni(r, 0.4, 0.8),
        "p_household_banned": uni(r, 0.03, 0.1),
        "p_household_tip": uni(r, 0.04, 0.12),
        # sextortion
        "rings_per_10k": uni(r, 1.2, 2.6),
        "p_ring_ph": uni(r, 0.45, 0.7),
        "ring_victims_median": uni(r, 6, 14),
        "p_victim_profile_true_birth": uni(r, 0.4, 0.7),
        "p_victim_reextorted": uni(r, 0.15, 0.3),
        "sextortion_usd_median": uni(r, 60, 140),
        "p_sextortion_chat": uni(r, 0.4, 0.8),
        "p_persona_banned": uni(r, 0.05, 0.2),
        "p_ring_tip": uni(r, 0.1, 0.3),
        "false_tip_ratio": uni(r, 0.5, 1.5),
        # look-alikes, as shares of customers
        "shares": {
            "diaspora_remitter": uni(r, 0.06, 0.10, 5),
            "online_seller": uni(r, 0.006, 0.012, 5),
            "seller_customer": uni(r, 0.03, 0.05, 5),
            "adult_performer": uni(r, 0.003, 0.006, 5),
            "adult_customer": uni(r, 0.02, 0.035, 5),
            "gamer": uni(r, 0.02, 0.04, 5),
            "young_gamer": uni(r, 0.02, 0.035, 5),
            "game_reseller": uni(r, 0.002, 0.004, 5),
            "charity_sponsor": uni(r, 0.01, 0.02, 5),
            "freelancer": uni(r, 0.01, 0.02, 5),
            "freelance_client": uni(r, 0.003, 0.006, 5),
            "romance_victim": uni(r, 0.003, 0.006, 5),
            "romance_mule": uni(r, 0.0006, 0.0012, 5),
            "crypto_trader": uni(r, 0.005, 0.01, 5),
            "couple": uni(r, 0.01, 0.02, 5),
            "traveller": uni(r, 0.01, 0.02, 5),
            "streamer": uni(r, 0.002, 0.004, 5),
        },
        "p_diaspora_inlaw": uni(r, 0.1, 0.25),
        "diaspora_usd_median": uni(r, 120, 320),
        "p_diaspora_night_shift": uni(r, 0.15, 0.35),
        "p_diaspora_blank_ref": uni(r, 0.4, 0.65),
        "diaspora_extra_per_month": uni(r, 0.08, 0.25),
        "p_sponsor_direct": uni(r, 0.2, 0.45),
        "p_performer_direct_pay": uni(r, 0.15, 0.4),
        "couple_usd_median": uni(r, 60, 180),
        "p_ordinary_ph": uni(r, 0.4, 0.55),
        "p_ordinary_platform": uni(r, 0.25, 0.45),
        "friend_calls_per_month": uni(r, 0.2, 0.6),
        # background life
        "p_employed": uni(r, 0.75, 0.9),
        "purchases_per_month": uni(r, 1.3, 2.0),
        "p2p_per_month": uni(r, 0.2, 0.45),
        "own_sweeps_per_month": uni(r, 0.3, 0.9),
        "p_vpn_subscriber": uni(r, 0.05, 0.12),
        "p_remit_external": uni(r, 0.15, 0.3),
        "p_travel_names": uni(r, 0.55, 0.85),
        "kyc_name_messiness": uni(r, 0.15, 0.35),
        "p_legit_alias_account": uni(r, 0.04, 0.1),
        "p_cafe_user": uni(r, 0.02, 0.06),
        "p_account_opened_in_window": uni(r, 0.06, 0.14),
        "p_account_closed": uni(r, 0.01, 0.03),
        "p_profile_email_link": uni(r, 0.12, 0.25),
        "p_profile_phone_link": uni(r, 0.05, 0.15),
        "p_profile_name_link": uni(r, 0.15, 0.3),
    }
    return P


def fx_tables(
    seed: int, start: int, days: int
) -> tuple[dict[str, list[float]], list[tuple[str, str, float]]]:
    r = rng_for(seed, "fx")
    nm = days * 86400 // MONTH + 2
    fx: dict[str, list[float]] = {}
    rows: list[tuple[str, str, float]] = []
    for cur, base in USD_PER_UNIT.items():
        v = base * r.uniform(0.95, 1.05)
        vals = []
        for _ in range(nm):
            vals.append(v)
            v *= 1 + r.gauss(0, 0.012)
        fx[cur] = vals
    for m in range(nm):
        d = day_str((start + m * MONTH) // 86400)
        for cur in USD_PER_UNIT:
            rows.append((d, cur, fx[cur][m]))
    return fx, rows


def add_household_relatives(w: World, seed: int) -> None:
    """Some facilitator households also get real support from a relative abroad."""
    rng = rng_for(seed, "hh-relatives")
    for hh in w.households:
        if rng.random() < w.P["p_household_legit_remit"]:
            cc = pick_country(rng, DIASPORA_COUNTRIES)
            s = w.new_person(rng, "diaspora_remitter", cc, "", (23, 55), surname=hh.surname, filipino=True)
            w.setup_foreign(rng, s, remit=0.95)
            w.families.append(([hh.members[0]], [s]))


def generate(
    out: str | Path, seed: int = 1, customers: int = 50000, view: str = "full", chat: bool = True
) -> dict[str, Any]:
    """Build world M and write OUT/bundle and OUT/truth; returns the parameters (also in params.json)."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {VIEWS}")
    if customers < 200:
        raise ValueError("customers must be at least 200")
    out = Path(out)
    for sub in ("bundle", "truth"):
        shutil.rmtree(out / sub, ignore_errors=True)
    (out / "bundle").mkdir(parents=True)
    (out / "truth").mkdir(parents=True)
    P = draw_params(seed, customers)
    start = date_epoch(P["start_date"])
    w = World(seed, customers, P, start, P["days"])
    build_infrastructure(w, rng_for(seed, "infra"))
    build_households(w, rng_for(seed, "households"))
    add_household_relatives(w, seed)
    build_rings(w, rng_for(seed, "rings"))
    build_lookalikes(w, rng_for(seed, "lookalikes"))
    fx, fx_rows = fx_tables(seed, start, P["days"])

    def month_of(t: int) -> int:
        m = (t - start) // MONTH
        return 0 if m < 0 else min(m, len(fx["USD"]) - 1)

    sink = Sink(out / "bundle", view, chat, seed, start, fx, month_of)
    extra = run_all(w, sink, rng_for(seed, "activity"), fx)
    settle_dates(w, rng_for(seed, "dates"))
    counts = sink.finish(w.parties, w.accounts, fx_rows)
    truth_counts = write_truth(w, out / "truth", view)
    params: dict[str, Any] = {
        "generator": VERSION,
        "written_blind": True,
        "seed": seed,
        "customers": customers,
        "view": view,
        "chat": chat,
        "end_date": day_str((start + P["days"] * 86400) // 86400),
        "params": P,
        "world": {
            "persons": len(w.persons),
            "accounts": len(w.accounts),
            "households": len(w.households),
            "sextortion_rings": len(w.rings),
            "transactions_all_views": sink.n_txn_world,
            "sessions_all_views": sink.n_sess_world,
            "messages_all_views": sink.n_msg_world,
            "cohorts": {k: len(v) for k, v in sorted(w.by_cohort.items())},
            **extra,
        },
        "bundle_rows": counts,
        "truth": truth_counts,
    }
    with open(out / "truth" / "params.json", "w", encoding="utf-8") as fh:
        json.dump(params, fh, indent=2, sort_keys=True)
        fh.write("\n")
    return params


def write_truth(w: World, out: Path, view: str) -> dict[str, Any]:
    visible_hh: set[str] = set()
    rows = []
    acc_rows = []
    for p in w.persons:
        vis = [a for a in p.accounts if a.seen]
        if not vis:
            continue
        for a in vis:
            acc_rows.append((a.id, a.party.id if (a.party is not None and a.party.written) else "", p.pid))
        if p.cohort == "facilitator":
            visible_hh.update(p.nets)
    cohort_counts: dict[str, int] = {}
    trait_counts: dict[str, int] = {}
    for p in w.persons:
        vis = [a for a in p.accounts if a.seen]
        if not vis and not (p.cohort == "child_victim" and p.nets and p.nets[0] in visible_hh):
            continue
        traits = list(p.traits)
        if p.cohort == "offender_payer":
            x = p.extra
            if x.get("pclass") == "few" and len(p.nets) == 1 and p.n_pay <= 4:
                traits.append("few_payments")
            if vis and all(a.seen == 1 for a in vis):  # only as the sender of credits to households
                traits.append("inbound_only")
        if p.cohort == "facilitator":
            if p.hh is not None and any(a in p.accounts for a in p.hh.hosts):  # type: ignore[attr-defined]
                traits.append("host")
            if any(
                a.party is not None
                and a.party.inst.ph
                and a.party.name
                and p.surname not in a.party.name
                and p.given not in a.party.name
                for a in p.accounts
            ):
                traits.append("alias_account")
        if any(a.chat for a in vis):
            traits.append("chat")
        traits = sorted(set(traits))
        for t in traits:
            trait_counts[t] = trait_counts.get(t, 0) + 1
        cohort_counts[p.cohort] = cohort_counts.get(p.cohort, 0) + 1
        rows.append((p.pid, p.cohort, p.role, ";".join(p.nets), ";".join(traits)))
    rows.sort()
    acc_rows.sort()
    with open(out / "persons.csv", "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(("person_id", "cohort", "role", "network_id", "traits"))
        wr.writerows(rows)
    with open(out / "accounts.csv", "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(("account_id", "party_id", "person_id"))
        wr.writerows(acc_rows)
    return {
        "persons": len(rows),
        "accounts": len(acc_rows),
        "cohorts": dict(sorted(cohort_counts.items())),
        "traits": dict(sorted(trait_counts.items())),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.world_m.generator", description=__doc__)
    ap.add_argument("out", help="output folder (bundle/ and truth/ are written inside)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=VIEWS, default="full")
    ap.add_argument("--no-chat", action="store_true", help="write messages.csv with its header only")
    a = ap.parse_args(argv)
    t0 = time.time()
    params = generate(a.out, a.seed, a.customers, a.view, not a.no_chat)
    rows = params["bundle_rows"]
    print(
        f"world M seed={a.seed} customers={a.customers} view={a.view}: "
        + ", ".join(f"{k}={v}" for k, v in rows.items())
        + f" in {time.time() - t0:.1f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
