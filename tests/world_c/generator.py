"""World C generator: entry point and command line.

from tests.world_c.generator import generate
summary = generate(out_dir, seed=1, customers=50000, chat=True, view="pooled")

python -m tests.world_c.generator OUT --seed 1 --customers 50000 [--no-chat] [--view pooled|receiver]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np

from . import background as B
from . import lookalikes as L
from . import offenders as O
from . import platform as PL
from . import writer
from .core import World


def build(seed: int = 1, customers: int = 50000, chat: bool = True, view: str = "pooled") -> World:
    if view not in ("pooled", "receiver"):
        raise ValueError(f"view must be 'pooled' or 'receiver', not {view!r}")
    if customers < 500:
        raise ValueError("customers must be at least 500")
    w = World(seed, customers, chat, view)
    w.cust = B.Customers()
    f = w.p.frac
    N = customers

    def cnt(key: str, lo: int) -> int:
        return max(lo, int(round(f[key] * N)))

    n_pay = cnt("offender_payer", 12)
    n_sx = cnt("sextortion_victim", 3)
    n_dias = cnt("diaspora_remitter", 10)
    n_selc = cnt("seller_customer", 10)
    n_adc = cnt("adult_customer", 10)
    n_fc = cnt("freelance_client", 4)
    n_rv = cnt("romance_victim", 4)
    n_cs = cnt("charity_sponsor", 8)
    n_tr = cnt("traveller", 5)
    n_gm = cnt("gamer", 5)
    n_ord = max(50, N - (n_pay + n_sx + n_dias + n_selc + n_adc + n_fc + n_rv + n_cs + n_tr + n_gm))

    B.make_merchants(w)
    PL.setup_platform(w)
    B.make_ph_hubs(w)
    B.make_ph_ordinary(w)
    L.streamers(w)
    ordinary = L.ordinary_customers(w, n_ord)
    rng = w.sub_rng("gamers")
    gamers = w.add_people(n_gm, "gamer", L._cc(rng, L._base_weights(), n_gm), rng, age=(16, 40), male=0.75)
    B.setup_customers(w, gamers, rng, remit_p=0.02, payapp_p=0.4, night=0.4, salary=0.4)
    B.gamer_activity(w, gamers, rng)
    L.diaspora(w, n_dias)
    hhs = O.build_households(w, n_pay)
    O.build_payers(w, hhs, n_pay)
    rng = w.sub_rng("extra-buyers")
    dias = np.array([p for p in w.cust.person if w.pe_cohort[p] == "diaspora_remitter"], dtype=np.int64)
    extra = np.concatenate(
        [dias[rng.random(dias.shape[0]) < 0.2], ordinary[rng.random(ordinary.shape[0]) < 0.01]]
    )
    L.sellers(w, n_selc, extra)
    payer_views = [a for a, k in w.platform_viewers if k == "payer"]
    L.performers(w, n_adc, payer_views)
    L.freelancers(w, n_fc)
    L.romance(w, n_rv)
    L.charity(w, n_cs)
    L.travellers(w, n_tr)
    O.build_sextortion(w)
    O.household_life(w, hhs)
    L.streams(w)
    PL.finalize_platform(w)
    B.demand_background(w)
    B.ph_background(w)
    B.cashout_pass(w)
    return w


def generate(out_dir, seed: int = 1, customers: int = 50000, chat: bool = True, view: str = "pooled") -> dict:
    """Build world C and write OUT/bundle/* and OUT/truth/*. Returns a dict of counts."""
    t0 = time.time()
    w = build(seed=seed, customers=customers, chat=chat, view=view)
    t1 = time.time()
    summary = writer.write(w, str(out_dir))
    summary["seconds_build"] = round(t1 - t0, 1)
    summary["seconds_write"] = round(time.time() - t1, 1)
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.world_c.generator", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--no-chat", action="store_true")
    ap.add_argument("--view", choices=["pooled", "receiver"], default="pooled")
    a = ap.parse_args(argv)
    summary = generate(a.out, seed=a.seed, customers=a.customers, chat=not a.no_chat, view=a.view)
    json.dump(summary, sys.stdout, indent=1, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
