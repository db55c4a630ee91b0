"""Case-id stability: run a world without the last ~1/6 of its timeline, note every case, re-run on
the whole bundle (20% more data) into the same output folder, and print what the case book kept.

    python benchmarks/bench_case_stability.py --own --seed 7 --customers 20000
    python benchmarks/bench_case_stability.py --external --seed 2 --customers 40000
    python benchmarks/bench_case_stability.py --world DIR          # a folder with bundle/ (and truth/)

Prints: cases in each run; ids kept, as a % of all the first run's cases and of those whose network
is still found (a network whose people are no longer flagged cannot keep an id; it stays in the
book, "not in latest run"); notes kept; splits, merges, new cases, reopened, absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from tanglaw.evaluation.stability import stability


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--world", type=Path, help="a folder holding bundle/")
    src.add_argument("--own", action="store_true", help="simulate with Tanglaw's own simulator")
    src.add_argument(
        "--external", action="store_true", help="the independent generator (tests/external_world)"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--customers", type=int, default=20_000)
    ap.add_argument("--work", type=Path, default=Path("bench-out/case-stability"))
    a = ap.parse_args()
    world = a.world
    if world is None:
        world = a.work / f"{'own' if a.own else 'ext'}-{a.seed}-{a.customers}"
        if not (world / "bundle").exists():
            if a.own:
                from tanglaw.simulate import SimulationConfig, simulate_world

                simulate_world(world, SimulationConfig(seed=a.seed, customers=a.customers), progress=False)
            else:
                subprocess.run(
                    [
                        sys.executable,
                        "-m",
                        "tests.external_world.generator",
                        str(world),
                        "--seed",
                        str(a.seed),
                        "--customers",
                        str(a.customers),
                    ],
                    check=True,
                    stdout=subprocess.DEVNULL,
                )
    figures = stability(world / "bundle", a.work / f"run-{world.name}")
    for k, v in figures.items():
        print(f"{k:>34}: {v}")


if __name__ == "__main__":
    main()
