"""World B: a remittance-centred synthetic world for evaluating Tanglaw (see README.md).

from tests.world_b.generator import generate
summary = generate(out_dir, seed=1, customers=50000, chat=True, view="pooled")

python -m tests.world_b.generator OUT --seed 1 --customers 50000 [--no-chat] [--view pooled|receiver]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from . import baseline, legit, offenders, params, platform, population, writer
from .world import DEMAND, World


def build(seed: int, customers: int, view: str, chat: bool) -> World:
    W = World(seed, customers, params.draw(seed))
    population.institutions(W)
    W.org = population.orgs(W)
    legit.ph_ordinary(W)
    n_payers = max(8, int(round(customers * W.p["payer_rate"])))
    n_hh = max(3, int(round(n_payers * W.p["households_per_payer"])))
    hhs = offenders.households(W, n_hh)
    pays = offenders.payers(W, hhs, n_payers)
    offenders.payer_flows(W, hhs, pays)
    rings = offenders.sextortion(W)
    legit.diaspora(W)
    legit.sellers(W)
    legit.adult(W)
    legit.freelancers(W)
    legit.romance(W)
    legit.charity(W)
    legit.gamers(W)
    legit.teens(W)
    legit.travellers(W)
    legit.streamers(W)
    n_demand = sum(1 for p in W.persons if p.kind == "person" and p.country in DEMAND)
    legit.ordinary(W, max(0, customers - n_demand))
    baseline.ph_spending(W)
    vis = [(i.pooled if view == "pooled" else i.receiver) for i in W.insts]
    baseline.demand_baseline(W, lambda i: vis[i])
    baseline.ph_baseline(W, lambda i: vis[i])
    platform.sessions(W, hhs, pays)
    if chat:
        platform.chat(W, hhs, pays, rings)
    W.hhs, W.pays, W.rings = hhs, pays, rings
    return W


def generate(out_dir, seed: int = 1, customers: int = 50000, chat: bool = True, view: str = "pooled") -> dict:
    if view not in ("pooled", "receiver"):
        raise ValueError("view must be 'pooled' or 'receiver'")
    t0 = time.time()
    W = build(int(seed), int(customers), view, bool(chat))
    t1 = time.time()
    summary = writer.write(W, str(out_dir), view, bool(chat))
    summary["seconds_build"] = round(t1 - t0, 1)
    summary["seconds_write"] = round(time.time() - t1, 1)
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.world_b.generator", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--no-chat", action="store_true")
    ap.add_argument("--view", choices=["pooled", "receiver"], default="pooled")
    a = ap.parse_args(argv)
    s = generate(a.out, seed=a.seed, customers=a.customers, chat=not a.no_chat, view=a.view)
    s = {k: v for k, v in s.items() if k != "params"}
    json.dump(s, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
