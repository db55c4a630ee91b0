"""Every refusal kind of the contract: exit 2, one `file:line: column: problem` line, nothing written."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from .conftest import invoke, payment, write_table

GOOD = payment("T1", "2026-03-01T03:30:00Z", 50, "A1", "B1")


def _bundle(tmp_path: Path, rows: list[dict[str, object]], fields: list[str] | None = None) -> Path:
    b = tmp_path / "bad"
    write_table(b, "transactions", rows, fields)
    return b


CASES = [
    ("duplicate id", [GOOD, dict(GOOD)], 'transactions.csv:3: txn_id: "T1" is a duplicate (first on line 2)'),
    (
        "naive timestamp",
        [dict(GOOD, timestamp="2026-03-01 03:30:00")],
        'transactions.csv:2: timestamp: "2026-03-01 03:30:00" has no time-zone offset: write it as ISO 8601 with Z or +HH:MM',
    ),
    (
        "bad timestamp",
        [dict(GOOD, timestamp="2026-13-01T03:30:00Z")],
        'transactions.csv:2: timestamp: "2026-13-01T03:30:00Z" is not an ISO 8601 timestamp with an offset',
    ),
    ("negative amount", [dict(GOOD, amount="-5")], 'transactions.csv:2: amount: "-5" must be greater than 0'),
    ("zero amount", [dict(GOOD, amount="0")], 'transactions.csv:2: amount: "0" must be greater than 0'),
    ("comma decimal", [dict(GOOD, amount="12,50")], 'transactions.csv:2: amount: "12,50" is not a decimal'),
    (
        "unknown country",
        [dict(GOOD, sender_country="XY")],
        'transactions.csv:2: sender_country: "XY" is not an ISO 3166-1 alpha-2 country code',
    ),
    (
        "unknown currency",
        [dict(GOOD, currency="ABC")],
        'transactions.csv:2: currency: "ABC" is not an ISO 4217 currency code',
    ),
    (
        "empty required value",
        [dict(GOOD, receiver_account_id="")],
        "transactions.csv:2: receiver_account_id: a required value is empty",
    ),
]


MULTILINE = dict(GOOD, reference="line one\nline two\nline three")
CASES += [
    # a quoted value that spans lines: the refusal names the physical line of the file
    (
        "line after a multi-line value",
        [MULTILINE, dict(GOOD, txn_id="T2", amount="12,50")],
        'transactions.csv:5: amount: "12,50" is not a decimal',
    ),
    (
        "duplicate after a multi-line value",
        [GOOD, MULTILINE],
        'transactions.csv:3: txn_id: "T1" is a duplicate (first on line 2)',
    ),
    (
        "duplicate of a multi-line record",
        [MULTILINE, dict(GOOD, txn_id="T2"), dict(GOOD)],
        'transactions.csv:6: txn_id: "T1" is a duplicate (first on line 2)',
    ),
]


@pytest.mark.parametrize("why,rows,line", CASES, ids=[c[0] for c in CASES])
def test_value_refusals(tmp_path: Path, runner, why: str, rows: list[dict[str, object]], line: str) -> None:
    b = _bundle(tmp_path, rows)
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2, res.output
    assert line in res.stderr.splitlines()
    assert not (tmp_path / "out" / "cases.csv").exists()
    assert not (tmp_path / "out" / "workspace.duckdb").exists()


def test_missing_required_column(tmp_path: Path, runner) -> None:
    fields = [k for k in GOOD if k != "amount"]
    b = _bundle(tmp_path, [{k: v for k, v in GOOD.items() if k != "amount"}], fields)
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "transactions.csv:1: amount: a required column is missing" in res.stderr


def test_not_valid_csv(tmp_path: Path, runner) -> None:
    b = tmp_path / "bad"
    b.mkdir()
    (b / "transactions.csv").write_text("txn_id,source\nT1,bank\nT2,bank,extra\n")
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "transactions.csv:3: not valid CSV: expected 2 fields, found 3" in res.stderr


def test_not_valid_jsonl(tmp_path: Path, runner) -> None:
    b = tmp_path / "bad"
    b.mkdir()
    (b / "transactions.jsonl").write_text('{"txn_id": "T1"}\n{"txn_id": \n')
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert res.stderr.startswith("transactions.jsonl")
    assert "not valid JSON Lines" in res.stderr


def test_jsonl_line_not_an_object(tmp_path: Path, runner) -> None:
    b = tmp_path / "bad"
    b.mkdir()
    (b / "transactions.jsonl").write_text('{"txn_id": "T1"}\n[1, 2]\n')
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "transactions.jsonl:2: each line must be one JSON object" in res.stderr


def test_not_valid_parquet(tmp_path: Path, runner) -> None:
    b = tmp_path / "bad"
    b.mkdir()
    (b / "transactions.parquet").write_bytes(b"this is not parquet")
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert res.stderr.startswith("transactions.parquet: not a valid Parquet file")


def test_not_valid_gzip(tmp_path: Path, runner) -> None:
    b = tmp_path / "bad"
    b.mkdir()
    (b / "transactions.csv.gz").write_bytes(b"not gzip at all")
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert res.stderr.startswith("transactions.csv.gz")


def test_invalid_utf8(tmp_path: Path, runner) -> None:
    b = tmp_path / "bad"
    b.mkdir()
    (b / "transactions.csv").write_bytes(b"txn_id,source\nT1,\xff\xfe\n")
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "UTF-8" in res.stderr


def test_no_activity_table(tmp_path: Path, runner) -> None:
    b = tmp_path / "bad"
    write_table(b, "parties", [{"party_id": "P1", "source": "bank-a"}])
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "holds none of the tables a run needs" in res.stderr


def test_two_files_for_one_table(tmp_path: Path, runner) -> None:
    b = _bundle(tmp_path, [GOOD])
    with open(b / "transactions.csv", "rb") as src, gzip.open(b / "transactions.csv.gz", "wb") as dst:
        shutil.copyfileobj(src, dst)
    res = invoke(runner, "run", b, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "a second file for table 'transactions'" in res.stderr


def test_missing_folder(tmp_path: Path, runner) -> None:
    res = invoke(runner, "run", tmp_path / "nope", "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "no such folder" in res.stderr


def test_many_problems_are_capped_at_20_lines(tmp_path: Path, runner) -> None:
    rows = [dict(GOOD, txn_id=f"T{i}", amount="x") for i in range(30)]
    res = invoke(runner, "run", _bundle(tmp_path, rows), "--out", tmp_path / "out")
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len([ln for ln in lines if "is not a decimal" in ln]) == 20
    assert "… and 10 more problems" in lines


def test_refusal_keeps_previous_run(tmp_path: Path, runner, network_bundle: Path) -> None:
    out = tmp_path / "out"
    assert invoke(runner, "run", network_bundle, "--out", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = _bundle(tmp_path, [dict(GOOD, amount="-1")])
    assert invoke(runner, "run", bad, "--out", out).exit_code == 2
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before


def test_failure_mid_run_keeps_previous_workspace(tmp_path: Path, network_bundle: Path, monkeypatch) -> None:
    from tanglaw import pipeline
    from tanglaw.stages import link

    out = tmp_path / "out"
    pipeline.run_bundle(network_bundle, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def boom(*a: object, **k: object) -> None:
        raise KeyboardInterrupt  # as if the process were stopped mid-run

    monkeypatch.setattr(link, "run", boom)
    with pytest.raises(KeyboardInterrupt):
        pipeline.run_bundle(network_bundle, out)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not list(out.glob("*.partial"))


@pytest.mark.slow
def test_killed_process_keeps_previous_run(tmp_path: Path, network_bundle: Path) -> None:
    """A `tanglaw run` killed with SIGKILL part-way leaves the previous outputs exactly as they were."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from .external_world.generator import generate

    out = tmp_path / "out"
    assert (
        subprocess.run(
            [sys.executable, "-m", "tanglaw", "run", str(network_bundle), "--out", str(out), "-q"],
            capture_output=True,
        ).returncode
        == 0
    )
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    big = tmp_path / "big"
    generate(big, seed=2, customers=20_000, fmt="csv")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tanglaw", "run", str(big / "bundle"), "--out", str(out), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # wait until it is building its new workspace, then kill it
    deadline = time.time() + 60
    while time.time() < deadline and not (out / "workspace.duckdb.partial").exists():
        time.sleep(0.05)
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    after = {
        p.name: p.read_bytes()
        for p in out.iterdir()
        if p.is_file() and not p.name.endswith((".partial", ".wal"))
    }
    assert after == before
    # and the next run cleans up after the killed one
    assert (
        subprocess.run(
            [sys.executable, "-m", "tanglaw", "run", str(network_bundle), "--out", str(out), "-q"],
            capture_output=True,
        ).returncode
        == 0
    )
    assert not list(out.glob("*.partial*"))
