"""Benchmark: `tanglaw run` on worlds of growing size against a bare DuckDB aggregation.

For each size it simulates a world (not timed), then times
  * the whole run (ingest → … → export) and each stage, in rows per second;
  * a bare DuckDB aggregation of the same transactions file (read, group by sender, sum);
and prints the ratio run / bare. With `--repeat N` each is timed N times, alternately, and the
fastest of each is kept (the usual way to take a busy machine's noise out). Usage:

    python benchmarks/bench_run.py                 # 10k, 50k, 100k customers
    python benchmarks/bench_run.py --customers 20000 200000 --repeat 3
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from tanglaw.pipeline import run_bundle
from tanglaw.simulate import SimulationConfig, simulate_world


def bare_aggregation(bundle: Path) -> tuple[float, int]:
    files = sorted(bundle.glob("transactions.*"))
    src = str(files[0])
    reader = (
        f"read_parquet('{src}')"
        if src.endswith(".parquet")
        else f"read_json('{src}', format='newline_delimited')"
        if ".jsonl" in src
        else f"read_csv('{src}', header=true)"
    )
    con = duckdb.connect()
    t = time.perf_counter()
    n = con.execute(
        f"SELECT count(*) FROM (SELECT sender_account_id, receiver_account_id, count(*), sum(amount) "
        f"FROM {reader} GROUP BY 1, 2)"
    ).fetchone()
    rows = con.execute(f"SELECT count(*) FROM {reader}").fetchone()
    elapsed = time.perf_counter() - t
    assert n is not None and rows is not None
    return elapsed, int(rows[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--customers", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    ap.add_argument("--format", default="csv", choices=["csv", "parquet", "jsonl"])
    ap.add_argument("--keep", type=Path, help="keep worlds and outputs under this folder")
    ap.add_argument("--repeat", type=int, default=1, help="time each N times and keep the fastest")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="tanglaw-bench-"))
    print(f"{'customers':>10} {'txns':>10} {'run s':>8} {'bare s':>8} {'ratio':>6}  stage rows/s")
    try:
        for n in args.customers:
            world = root / f"world-{n}"
            if not (world / "bundle").exists():
                simulate_world(world, SimulationConfig(seed=11, customers=n, fmt=args.format), progress=False)
            bare_s = run_s = float("inf")
            seconds: dict[str, float] = {}
            for _ in range(max(args.repeat, 1)):
                b, txns = bare_aggregation(world / "bundle")
                bare_s = min(bare_s, b)
                t = time.perf_counter()
                res = run_bundle(world / "bundle", root / f"out-{n}")
                elapsed = time.perf_counter() - t
                if elapsed < run_s:
                    run_s, seconds = elapsed, res.seconds
            stages = "  ".join(f"{k} {txns / v:,.0f}" for k, v in seconds.items() if v > 0)
            print(
                f"{n:>10,} {txns:>10,} {run_s:>8.2f} {bare_s:>8.2f} {run_s / bare_s:>6.1f}  {stages}",
                flush=True,
            )
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
