"""Quick self-test of the world F generator (about 2000 customers)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tests.world_f.generator import BANK, COHORTS, CRYPTO, REMIT, generate

REQUIRED = {
    "parties": {"party_id", "source"},
    "accounts": {"account_id", "source"},
    "transactions": {
        "txn_id",
        "source",
        "timestamp",
        "amount",
        "currency",
        "sender_account_id",
        "receiver_account_id",
    },
    "messages": {"message_id", "source", "sent_at", "sender_account_id"},
}
TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
DEC = re.compile(r"^\d+(\.\d+)?$")


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wf") / "a"
    generate(str(out), 7, 2000)
    return out


def test_files_and_columns(world: Path) -> None:
    for name, cols in REQUIRED.items():
        p = world / "bundle" / f"{name}.csv"
        assert p.exists(), name
        with open(p, encoding="utf-8") as f:
            header = set(next(csv.reader(f)))
        assert cols <= header, name
    assert (world / "truth" / "persons.csv").exists()
    assert (world / "truth" / "accounts.csv").exists()


def test_formats_and_truth(world: Path) -> None:
    tx = rows(world / "bundle" / "transactions.csv")
    assert len(tx) > 10000
    assert len({t["txn_id"] for t in tx}) == len(tx)
    truth_acc = {r["account_id"]: r["person_id"] for r in rows(world / "truth" / "accounts.csv")}
    for t in tx:
        assert TS.match(t["timestamp"]), t["timestamp"]
        assert DEC.match(t["amount"]) and float(t["amount"]) > 0, t["amount"]
        assert re.match(r"^[A-Z]{3}$", t["currency"])
        assert t["sender_account_id"] in truth_acc and t["receiver_account_id"] in truth_acc
    for a in rows(world / "bundle" / "accounts.csv"):
        assert a["account_id"] in truth_acc
    for m in rows(world / "bundle" / "messages.csv"):
        assert TS.match(m["sent_at"])
    persons = rows(world / "truth" / "persons.csv")
    ids = {p["person_id"] for p in persons}
    assert set(truth_acc.values()) <= ids
    cohorts = {p["cohort"] for p in persons}
    assert cohorts <= set(COHORTS)
    assert {"offender_payer", "facilitator", "diaspora_remitter", "ordinary"} <= cohorts
    for p in persons:
        if p["cohort"] == "offender_payer":
            assert p["role"] == "payer" and p["network_id"]
            if "multi_household" in p["traits"]:
                assert ";" in p["network_id"]
        elif p["cohort"] not in ("facilitator", "extortionist", "sextortion_victim"):
            assert p["role"] == "" and p["network_id"] == ""


def test_deterministic(tmp_path: Path, world: Path) -> None:
    generate(str(tmp_path / "b"), 7, 2000)
    for rel in ("bundle/transactions.csv", "bundle/accounts.csv", "truth/persons.csv"):
        assert (world / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_receiver_view(tmp_path: Path) -> None:
    generate(str(tmp_path / "r"), 7, 2000, "receiver")
    for name in ("parties", "accounts", "transactions"):
        srcs = {r["source"] for r in rows(tmp_path / "r" / "bundle" / f"{name}.csv")}
        assert srcs == {REMIT}, name
        assert CRYPTO not in srcs and BANK not in srcs
    assert not (tmp_path / "r" / "bundle" / "messages.csv").exists()
