"""Benchmark: 10,000 CyberTipline-style XML tips ingested and linked to cases.

Simulates a world, writes N tips (half naming accounts in the world, by account id, payment
account or phone; half naming unknown identifiers), then times the run with and without the
tips, and the tips stage itself. Usage: python benchmarks/bench_tips.py [--tips 10000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb

from tanglaw.pipeline import run_bundle
from tanglaw.simulate import SimulationConfig, simulate_world


def write_tips(path: Path, accounts: list[str], n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<tips>']
    for i in range(n):
        known = rng.random() < 0.5
        acct = rng.choice(accounts) if known else f"UNKNOWN-{i}"
        tag = rng.choice(["espIdentifier", "billing"])
        ident = (
            f'<associatedAccount type="Billing"><espIdentifier>{escape(acct)}</espIdentifier></associatedAccount>'
            if tag == "billing"
            else f"<espIdentifier>{escape(acct)}</espIdentifier>"
        )
        parts.append(
            f'<report id="T-{i:05d}"><incidentSummary><incidentType>Child Sex Trafficking</incidentType>'
            f"<incidentDateTime>2026-03-{1 + i % 28:02d}T02:00:00+08:00</incidentDateTime></incidentSummary>"
            f"<personOrUserReported>{ident}<estimatedLocation><countryCode>PH</countryCode></estimatedLocation>"
            f"</personOrUserReported><additionalInfo>payments for school fees</additionalInfo></report>"
        )
    parts.append("</tips>\n")
    path.write_text("\n".join(parts), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tips", type=int, default=10_000)
    ap.add_argument("--customers", type=int, default=10_000)
    args = ap.parse_args()
    root = Path(tempfile.mkdtemp(prefix="tanglaw-tips-"))
    try:
        simulate_world(root / "w", SimulationConfig(seed=5, customers=args.customers), progress=False)
        bundle = root / "w" / "bundle"
        t = time.perf_counter()
        base = run_bundle(bundle, root / "out0")
        base_s = time.perf_counter() - t
        con = duckdb.connect(str(root / "out0" / "workspace.duckdb"), read_only=True)
        accounts = [r[0] for r in con.execute("SELECT account_id FROM accounts").fetchall()]
        con.close()
        write_tips(bundle / "reports.xml", accounts, args.tips)
        t = time.perf_counter()
        res = run_bundle(bundle, root / "out1")
        tips_s = time.perf_counter() - t
        print(f"tips: {args.tips:,}  linked to a case: {res.tips_linked:,}")
        print(
            f"run without tips {base_s:.1f} s, with tips {tips_s:.1f} s: tips cost {tips_s - base_s:.1f} s "
            f"(ingest {res.seconds['ingest'] - base.seconds['ingest']:.1f} s more, tips stage "
            f"{res.seconds['tips']:.1f} s)"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
