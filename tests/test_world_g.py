"""Self-test of the world G generator (small world, format and truth checks)."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")
COHORTS = [
    "offender_payer",
    "facilitator",
    "sextortion_victim",
    "extortionist",
    "diaspora_remitter",
    "family_recipient",
    "online_seller",
    "seller_customer",
    "adult_performer",
    "adult_customer",
    "traveller",
    "romance_victim",
    "romance_mule",
    "charity_sponsor",
    "charity",
    "student",
    "freelancer",
    "gamer",
    "game_seller",
    "crypto_trader",
    "seafarer",
    "ordinary",
    "merchant",
]
TS_COLS = {
    "transactions.csv": ["timestamp"],
    "sessions.csv": ["started_at", "ended_at"],
    "messages.csv": ["sent_at"],
    "parties.csv": ["created_at"],
    "accounts.csv": ["opened_at", "closed_at"],
}
IDS = {
    "transactions.csv": "txn_id",
    "messages.csv": "message_id",
    "parties.csv": "party_id",
    "accounts.csv": "account_id",
}


def _gen(out: Path, *extra: str) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.world_g.generator",
            str(out),
            "--seed",
            "5",
            "--customers",
            "2000",
            *extra,
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=60,
    )


def _read(p: Path) -> list[dict]:
    with open(p, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wg") / "full"
    _gen(out)
    return out


def _check(out: Path, tables: list[str]) -> None:
    b = out / "bundle"
    truth = {r["account_id"] for r in _read(out / "truth" / "accounts.csv")}
    persons = {r["person_id"] for r in _read(out / "truth" / "persons.csv")}
    for r in _read(out / "truth" / "accounts.csv"):
        assert r["person_id"] in persons
    for name in tables:
        rows = _read(b / name)
        assert rows, name
        for col in TS_COLS.get(name, []):
            for r in rows:
                assert r[col] == "" or TS.match(r[col]), (name, col, r[col])
        if name in IDS:
            ids = [r[IDS[name]] for r in rows]
            assert len(ids) == len(set(ids)), name
        if name == "transactions.csv":
            for r in rows:
                assert float(r["amount"]) > 0
                assert r["sender_account_id"] in truth and r["receiver_account_id"] in truth
        if name == "sessions.csv":
            for r in rows:
                assert r["host_account_id"] in truth
                assert r["viewer_account_id"] == "" or r["viewer_account_id"] in truth
        if name == "messages.csv":
            for r in rows:
                assert r["sender_account_id"] in truth and r["recipient_account_id"] in truth
        if name == "accounts.csv":
            assert {r["account_id"] for r in rows} <= truth


def test_files_and_columns(world: Path) -> None:
    b = world / "bundle"
    for name in [
        "parties.csv",
        "accounts.csv",
        "transactions.csv",
        "sessions.csv",
        "messages.csv",
        "fx_rates.csv",
    ]:
        assert (b / name).exists(), name
    with open(b / "transactions.csv", encoding="utf-8") as f:
        head = next(csv.reader(f))
    for col in [
        "txn_id",
        "source",
        "timestamp",
        "amount",
        "currency",
        "sender_account_id",
        "receiver_account_id",
    ]:
        assert col in head
    with open(world / "truth" / "persons.csv", encoding="utf-8") as f:
        head = next(csv.reader(f))
    assert head == ["person_id", "cohort", "role", "network_id", "traits"]


def test_records_and_truth(world: Path) -> None:
    _check(world, ["parties.csv", "accounts.csv", "transactions.csv", "sessions.csv", "messages.csv"])


def test_cohorts_and_traits(world: Path) -> None:
    rows = _read(world / "truth" / "persons.csv")
    cohorts = {r["cohort"] for r in rows}
    for c in COHORTS:
        assert c in cohorts, c
    traits = set()
    for r in rows:
        traits.update(t for t in r["traits"].split(";") if t)
        if r["cohort"] == "offender_payer":
            assert r["role"] == "payer" and r["network_id"]
        if "multi_household" in r["traits"]:
            assert ";" in r["network_id"]
    assert {"few_payments", "inbound_only", "chat"} <= traits


def test_receiver_view(tmp_path: Path) -> None:
    out = tmp_path / "rv"
    _gen(out, "--view", "receiver")
    assert not (out / "bundle" / "sessions.csv").exists()
    srcs = {r["source"] for r in _read(out / "bundle" / "transactions.csv")}
    assert srcs == {"pinoypay"}
    _check(out, ["parties.csv", "accounts.csv", "transactions.csv"])
    payers = [r for r in _read(out / "truth" / "persons.csv") if r["cohort"] == "offender_payer"]
    assert payers and all("inbound_only" in r["traits"] for r in payers)
