"""World J: an FIU's pooled view of Europe/UK/Australia -> Philippines payment reports.

    python -m tests.world_j.generator OUT --seed N --customers N [--view receiver]

writes OUT/bundle/ (data contract v1) and OUT/truth/ (persons.csv, accounts.csv, params.json).
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from .model import INSTITUTIONS, World
from .populate import RANGES, Builder


def generate(out: str, seed: int, customers: int, view: str = "full") -> dict:
    """Generate world J into `out`; returns a summary (record counts, cohort sizes, drawn rates)."""
    if customers < 200:
        raise ValueError("customers must be at least 200")
    t0 = time.time()
    w = World(out, seed, customers, view)
    b = Builder(w)
    b.build()
    summary = w.finish(b.p)
    summary["seed"] = seed
    summary["customers"] = customers
    summary["view"] = view
    summary["households"] = b.counts.get("households", 0)
    summary["extortion_networks"] = b.counts.get("extortionists", 0)
    summary["seconds"] = round(time.time() - t0, 1)
    params = {
        "seed": seed,
        "customers": customers,
        "view": view,
        "institutions": {k: v[0] for k, v in INSTITUTIONS.items()},
        "rates": {k: {"value": b.p[k], "range": [lo, hi], "meaning": m} for k, (lo, hi, m) in RANGES.items()},
        "summary": {k: v for k, v in summary.items() if k != "seconds"},
    }
    with open(os.path.join(w.truth, "params.json"), "w", encoding="utf-8") as f:
        json.dump(params, f, indent=1, ensure_ascii=False)
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tests.world_j.generator", description=__doc__.splitlines()[0]
    )
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=("full", "receiver"), default="full")
    a = ap.parse_args(argv)
    s = generate(a.out, a.seed, a.customers, a.view)
    json.dump(s, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
