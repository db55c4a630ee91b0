"""World D: an FIU's pooled view of many small institutions over 2023-2024.

    from tests.world_d.generator import generate
    summary = generate(out_dir, seed=1, customers=50000, chat=True, view="pooled")

    python -m tests.world_d.generator OUT --seed 1 --customers 50000 [--no-chat] [--view pooled|receiver]

Writes OUT/bundle/<table>.<ext> (data contract v1) and OUT/truth/{persons,accounts}.csv (truth format v1.1).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from . import lookalikes as L
from . import offenders as O
from .core import PH_RECEIVERS, World
from .output import Bundle, write_table, write_truth
from .population import build_infra, demand_background, new_customer, new_ph_person, ph_background

FORMAT_PLANS = [
    {
        "parties": "csv.gz",
        "accounts": "jsonl",
        "transactions": "parquet",
        "sessions": "csv",
        "messages": "jsonl.gz",
        "fx_rates": "csv",
    },
    {
        "parties": "jsonl.gz",
        "accounts": "csv",
        "transactions": "parquet",
        "sessions": "parquet",
        "messages": "csv.gz",
        "fx_rates": "jsonl",
    },
    {
        "parties": "parquet",
        "accounts": "csv.gz",
        "transactions": "csv.gz",
        "sessions": "jsonl",
        "messages": "jsonl",
        "fx_rates": "csv",
    },
]


def draw_params(seed: int) -> dict:
    """Every world parameter, drawn per seed from the ranges documented in README.md."""
    r = random.Random(seed * 7919 + 11)
    u = r.uniform
    p = {
        "ramp": u(0.4, 1.5),
        "p_offender": u(0.001, 0.004),
        "w_strong": u(0.25, 0.45),
        "w_moderate": u(0.2, 0.35),
        "w_few": u(0.15, 0.3),
        "p_multi": u(0.1, 0.25),
        "p_inbound": u(0.15, 0.35),
        "payers_per_household": u(3.0, 8.0),
        "household_sigma": u(0.9, 1.5),
        "household_ph": u(0.8, 0.95),
        "nominee_rate": u(0.2, 0.45),
        "ban_rate": u(0.25, 0.6),
        "p_watch": u(0.3, 0.6),
        "watch_frac": u(0.3, 0.8),
        "offender_chat": u(0.3, 0.7),
        "p_vpn_off": u(0.25, 0.5),
        "p_travel_off": u(0.1, 0.3),
        "p_mask_off": u(0.1, 0.3),
        "household_relative": u(0.1, 0.3),
        "p_sextortion": u(0.0002, 0.0008),
        "p_diaspora": u(0.05, 0.12),
        "p_seller_customer": u(0.03, 0.08),
        "p_adult_customer": u(0.01, 0.03),
        "p_freelance_client": u(0.003, 0.01),
        "p_romance": u(0.001, 0.003),
        "p_sponsor": u(0.01, 0.03),
        "p_gamer": u(0.02, 0.05),
        "p_traveller": u(0.01, 0.03),
        "p_ph_locals": u(0.08, 0.18),
        "p_occasional": u(0.01, 0.04),
        "p_crypto": u(0.01, 0.04),
        "p_vpn": u(0.05, 0.12),
        "p_dating": u(0.02, 0.06),
        "p_viewer": u(0.05, 0.15),
        "family_chat": u(0.2, 0.45),
        "tip_share": u(0.1, 0.3),
        "live_rate": u(0.5, 2.0),
        "card_rate": u(0.4, 1.0),
        "p2p_rate": u(0.1, 0.35),
        "nonmember_factor": u(0.6, 1.6),
        "remit_x_share": u(0.15, 0.35),
        "dup_credit_rate": u(0.3, 0.7),
        "resend_rate": u(0.002, 0.01),
        "missing_party_rate": u(0.08, 0.2),
        "name_variant_rate": u(0.3, 0.5),
        "blank_country_rate": u(0.05, 0.12),
        "blank_txn_country_rate": u(0.03, 0.08),
    }
    first = r.choices(list(PH_RECEIVERS), [0.45, 0.2, 0.1, 0.25])[0]
    recv = [first]
    if r.random() < 0.6:
        recv.append(r.choice([x for x in PH_RECEIVERS if x != first]))
    p["receivers"] = recv
    return p


def _counts(p: dict, n: int) -> dict[str, int]:
    c = {
        "offender_payer": max(14, round(p["p_offender"] * n)),
        "sextortion_victim": max(4, round(p["p_sextortion"] * n)),
        "diaspora_remitter": max(20, round(p["p_diaspora"] * n)),
        "seller_customer": max(30, round(p["p_seller_customer"] * n)),
        "adult_customer": max(20, round(p["p_adult_customer"] * n)),
        "freelance_client": max(6, round(p["p_freelance_client"] * n)),
        "romance_victim": max(4, round(p["p_romance"] * n)),
        "charity_sponsor": max(15, round(p["p_sponsor"] * n)),
        "gamer": max(15, round(p["p_gamer"] * n)),
        "traveller": max(10, round(p["p_traveller"] * n)),
    }
    c["ordinary"] = max(10, n - sum(c.values()))
    return c


def build_world(seed: int, customers: int, chat: bool) -> tuple[World, dict]:
    p = draw_params(seed)
    w = World(seed, p)
    r = w.r
    counts = _counts(p, customers)
    from .population import MIX

    country_counts = {c: max(30, round(customers * MIX["general"].get(c, 0.004))) for c in MIX["general"]}
    for c in ("NZ", "IE"):
        country_counts.setdefault(c, 30)
    build_infra(w, customers, country_counts)
    ph_people: list[int] = []
    for _ in range(max(50, round(p["p_ph_locals"] * customers))):
        ph_people.append(new_ph_person(w, "ordinary"))
    hosts = L.streamers(w, max(3, customers // 1500), ph_people, chat)
    # offenders
    n_off = counts["offender_payer"]
    n_house = max(5, min(n_off, round(n_off * (1 + p["p_multi"]) / p["payers_per_household"])))
    hh = O.households(w, n_house, ph_people)
    O.payers(w, n_off, hh, chat)
    O.household_life(w, hh)
    O.sextortion(w, counts["sextortion_victim"], ph_people, chat)
    # look-alikes
    L.diaspora(w, counts["diaspora_remitter"], ph_people, chat)
    L.sellers(w, counts["seller_customer"], ph_people, chat)
    L.performers(w, counts["adult_customer"], ph_people, chat)
    L.freelancers(w, counts["freelance_client"], ph_people, chat)
    L.romance(w, counts["romance_victim"], ph_people, chat)
    L.charity(w, counts["charity_sponsor"])
    L.gamers(w, counts["gamer"], hosts, chat)
    trav = [
        new_customer(w, "traveller", "western" if r.random() < 0.7 else "general")
        for _ in range(counts["traveller"])
    ]
    L.travellers(w, trav)
    ordinary = [new_customer(w, "ordinary", "general") for _ in range(counts["ordinary"])]
    viewers = [x for x in ordinary if r.random() < p["p_viewer"]]
    for x in viewers:
        w.infra.setdefault("stream_viewers", []).append(w.platform_account(x, vpn=r.random() < 0.1))
    L.streamer_sessions(w, hosts, chat)
    L.occasional_abroad(w, [x for x in ordinary if r.random() < p["p_occasional"]], ph_people)
    L.crypto_users(w, [x for x in ordinary if r.random() < p["p_crypto"]])
    demand = w.infra["demand"]
    L.side_purchases(
        w, [x for x in demand if w.persons[x].cohort != "offender_payer"], p["p_vpn"], p["p_dating"]
    )
    # everyday background
    demand_background(w, demand, w.infra.get("salary_factor", {}))
    ph_background(w, list(dict.fromkeys(ph_people)))
    return w, {"households": len(hh), "counts": counts}


def _truth(w: World, B: Bundle) -> tuple[list[list[str]], list[list[str]], dict]:
    n_acc = len(w.ac_id)

    def mark(idx: np.ndarray) -> np.ndarray:
        m = np.zeros(n_acc, dtype=bool)
        if idx.shape[0]:
            m[idx] = True
        return m

    in_table = mark(B.table_accts)
    recv = mark(B.rec_r)
    sent = mark(B.rec_s)
    in_sess = mark(getattr(B, "sess_accts", np.zeros(0, dtype=np.int64)))
    in_msg = mark(B.msg_accts)
    present = in_table | recv | sent | in_sess | in_msg
    ac_person = np.array(w.ac_person, dtype=np.int64)
    n_p = len(w.persons)
    p_present = np.bincount(ac_person[present], minlength=n_p) > 0
    p_visible_other = (
        np.bincount(ac_person[present & (in_table | recv | in_sess | in_msg)], minlength=n_p) > 0
    )
    p_chat = np.bincount(ac_person[in_msg], minlength=n_p) > 0
    visible_nets: set[str] = set()
    for i, per in enumerate(w.persons):
        if p_present[i] and per.cohort in ("facilitator", "extortionist"):
            visible_nets.update(per.networks)
    persons_rows = []
    for i, per in enumerate(w.persons):
        if not p_present[i]:
            continue
        traits = []
        nets = list(per.networks)
        if per.cohort == "offender_payer":
            nets = [x for x in nets if x in visible_nets] or nets
            for t in per.traits:
                traits.append("few_payments" if t == "few" else t)
            if len(nets) > 1:
                traits.append("multi_household")
        else:
            traits.extend(per.traits)
        if not p_visible_other[i]:
            traits.append("inbound_only")
        if p_chat[i]:
            traits.append("chat")
        role = {
            "offender_payer": "payer",
            "facilitator": "facilitator",
            "extortionist": "facilitator",
            "sextortion_victim": "victim",
        }.get(per.cohort, "")
        persons_rows.append([per.pid, per.cohort, role, ";".join(nets), ";".join(dict.fromkeys(traits))])
    party_in_view = [bool(B.inview[s]) for s in w.pa_src]
    account_rows = []
    for a in np.nonzero(present)[0]:
        pt = w.ac_party[a]
        pid = w.pa_id[pt] if pt >= 0 and party_in_view[pt] else ""
        account_rows.append([w.ac_id[a], pid, w.persons[w.ac_person[a]].pid])
    cohorts = Counter(row[1] for row in persons_rows)
    traits_c: Counter = Counter()
    for row in persons_rows:
        for t in row[4].split(";"):
            if t == "chat":
                traits_c["chat (anyone)"] += 1
            elif t and row[1] == "offender_payer":
                traits_c[t] += 1
    stats = {
        "cohorts": dict(sorted(cohorts.items())),
        "payer_traits": dict(sorted(traits_c.items())),
        "networks": len(visible_nets),
    }
    return persons_rows, account_rows, stats


def generate(out_dir, seed: int = 1, customers: int = 50000, chat: bool = True, view: str = "pooled") -> dict:
    if view not in ("pooled", "receiver"):
        raise ValueError("view must be 'pooled' or 'receiver'")
    t0 = time.time()
    out = Path(out_dir)
    bundle_dir = out / "bundle"
    if bundle_dir.exists():
        shutil.rmtree(bundle_dir)
    bundle_dir.mkdir(parents=True)
    w, meta = build_world(seed, customers, chat)
    t_build = time.time() - t0
    B = Bundle(w, view, w.p["receivers"], chat)
    plan = dict(FORMAT_PLANS[seed % len(FORMAT_PLANS)])
    tables: dict[str, int] = {}
    files: dict[str, str] = {}
    n_txn = B.transactions()
    if n_txn > 1_500_000:
        plan["transactions"] = "parquet"
    for name, cols in (
        ("transactions", B.transaction_chunks()),
        ("sessions", B.sessions()),
        ("messages", B.messages()),
        ("accounts", B.accounts()),
        ("parties", B.parties()),
        ("fx_rates", B.fx_rates()),
    ):
        if cols is None:
            continue
        path, rows = write_table(bundle_dir, name, cols, plan[name])
        tables[name] = rows
        files[name] = path.name
    B._tx = {}
    persons_rows, account_rows, stats = _truth(w, B)
    write_truth(out / "truth", persons_rows, account_rows)
    return {
        "seed": seed,
        "customers": customers,
        "view": view,
        "chat": chat,
        "institutions_in_view": [i.name for i, v in zip(w.insts, B.inview, strict=True) if v],
        "tables": tables,
        "files": files,
        "households": meta["households"],
        "truth_persons": len(persons_rows),
        "truth_accounts": len(account_rows),
        **stats,
        "seconds_build": round(t_build, 1),
        "seconds_total": round(time.time() - t0, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.world_d.generator", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--no-chat", action="store_true")
    ap.add_argument("--view", choices=("pooled", "receiver"), default="pooled")
    a = ap.parse_args(argv)
    summary = generate(a.out, seed=a.seed, customers=a.customers, chat=not a.no_chat, view=a.view)
    sys.stdout.write(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
