"""CLI of world E: ``python -m tests.world_e.generator OUT --seed N --customers 50000``.

Writes OUT/bundle/ (input bundle, data contract v1), OUT/truth/ (persons.csv, accounts.csv,
truth format v1.1) and OUT/world.json (the drawn world parameters and row counts).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from . import legit, offenders, output
from .core import World


def build(seed: int, customers: int) -> World:
    w = World(seed, customers)
    legit.create_legit(w)
    offenders.create_offenders(w)
    w.freeze()
    legit.activity_legit(w)
    offenders.activity_offenders(w)
    legit.act_everyday(w)
    legit.act_card_base(w)
    legit.act_payouts(w)
    offenders.apply_bans(w)
    return w


def generate(
    out: Path | str, seed: int = 1, customers: int = 50000, view: str = "full", chat: bool = True
) -> dict[str, Any]:
    if view not in ("full", "receiver"):
        raise ValueError(f"unknown view {view!r}")
    t0 = time.time()
    out = Path(out)
    w = build(seed, customers)
    t1 = time.time()
    summary = output.write(w, out, view=view, chat=chat)
    summary["seconds"] = {"build": round(t1 - t0, 2), "write": round(time.time() - t1, 2)}
    (out / "world.json").write_text(
        json.dumps(summary, indent=1, sort_keys=True, default=str) + "\n", encoding="utf-8"
    )
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.world_e.generator", description=__doc__)
    ap.add_argument("out", help="output folder (bundle/ and truth/ are written inside)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument(
        "--view",
        choices=["full", "receiver"],
        default="full",
        help="receiver: only what the Philippine e-money wallet operator sees",
    )
    ap.add_argument("--no-chat", action="store_true", help="leave out the platform's chat messages")
    a = ap.parse_args(argv)
    if a.customers < 200:
        ap.error("--customers must be at least 200")
    s = generate(a.out, a.seed, a.customers, a.view, not a.no_chat)
    rows = ", ".join(f"{k}={v}" for k, v in s["rows"].items())
    print(f"world E seed={a.seed} view={a.view}: {rows}; {sum(s['seconds'].values()):.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
