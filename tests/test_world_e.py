"""Self-test of world E (tests/world_e): a small world, its files, formats, truth and views."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.world_e.generator import generate, main
from tests.world_e.output import DECLARED_COHORTS, iter_rows

SEED = 7
CUSTOMERS = 2000

REQUIRED = {
    "transactions": [
        "txn_id",
        "source",
        "timestamp",
        "amount",
        "currency",
        "sender_account_id",
        "receiver_account_id",
    ],
    "parties": ["party_id", "source"],
    "accounts": ["account_id", "source"],
    "sessions": ["session_id", "source", "started_at", "host_account_id"],
    "messages": ["message_id", "source", "sent_at", "sender_account_id"],
}
TS_COLUMNS = {
    "transactions": ["timestamp"],
    "parties": ["created_at"],
    "accounts": ["opened_at", "closed_at"],
    "sessions": ["started_at", "ended_at"],
    "messages": ["sent_at"],
}
DEC = re.compile(r"^[0-9]+(\.[0-9]+)?$")
CC = re.compile(r"^[A-Z]{2}$")
CUR = re.compile(r"^[A-Z]{3}$")


def _table(bundle: Path, name: str) -> Path | None:
    for ext in (".csv", ".csv.gz", ".jsonl", ".jsonl.gz"):
        p = bundle / f"{name}{ext}"
        if p.exists():
            return p
    return None


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != "world.json":
            h.update(p.relative_to(folder).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("world_e_full")
    generate(out, seed=SEED, customers=CUSTOMERS)
    return out


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("world_e_receiver")
    assert main([str(out), "--seed", str(SEED), "--customers", str(CUSTOMERS), "--view", "receiver"]) == 0
    return out


def test_files_and_required_columns(full: Path) -> None:
    bundle = full / "bundle"
    for name, req in REQUIRED.items():
        p = _table(bundle, name)
        assert p is not None, f"{name} missing"
        first = next(iter(iter_rows(p)))
        for col in req:
            assert col in first, f"{name}: {col} missing"
    assert (full / "truth" / "persons.csv").exists()
    assert (full / "truth" / "accounts.csv").exists()
    with open(full / "truth" / "persons.csv", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["person_id", "cohort", "role", "network_id", "traits"]
    with open(full / "truth" / "accounts.csv", encoding="utf-8") as f:
        assert next(csv.reader(f)) == ["account_id", "party_id", "person_id"]


def test_formats_and_unique_ids(full: Path) -> None:
    bundle = full / "bundle"
    for name, cols in TS_COLUMNS.items():
        p = _table(bundle, name)
        assert p is not None
        ids: set[str] = set()
        idcol = REQUIRED[name][0]
        for k, row in enumerate(iter_rows(p)):
            for c in cols:
                v = row.get(c, "")
                if v:
                    t = datetime.fromisoformat(v)
                    assert t.tzinfo is not None, f"{name}:{k}: naive timestamp {v}"
                    assert v.endswith("Z") or re.search(r"[+-]\d\d:\d\d$", v), v
            if name != "sessions":
                assert row[idcol] not in ids, f"{name}: duplicate id {row[idcol]}"
                ids.add(row[idcol])
    tx = _table(bundle, "transactions")
    assert tx is not None
    n = 0
    for row in iter_rows(tx):
        n += 1
        assert DEC.match(row["amount"]) and float(row["amount"]) > 0, row
        assert CUR.match(row["currency"]), row
        for c in ("sender_country", "receiver_country"):
            assert row.get(c, "") == "" or CC.match(row[c]), row
        assert row["sender_account_id"] and row["receiver_account_id"]
    assert n > 10000
    ss = _table(bundle, "sessions")
    assert ss is not None
    for row in iter_rows(ss):
        assert row["private"] in ("", "true", "false")
        assert row["paid_amount"] == "" or DEC.match(row["paid_amount"])
    fx = _table(bundle, "fx_rates")
    if fx is not None:
        for row in iter_rows(fx):
            assert re.match(r"^\d{4}-\d\d-\d\d$", row["date"]) and DEC.match(row["usd_per_unit"])


def test_truth_covers_bundle(full: Path) -> None:
    bundle = full / "bundle"
    with open(full / "truth" / "accounts.csv", encoding="utf-8") as f:
        truth_accts = {r["account_id"]: r["person_id"] for r in csv.DictReader(f)}
    with open(full / "truth" / "persons.csv", encoding="utf-8") as f:
        persons = {r["person_id"]: r for r in csv.DictReader(f)}
    tx = _table(bundle, "transactions")
    assert tx is not None
    for row in iter_rows(tx):
        assert row["sender_account_id"] in truth_accts
        assert row["receiver_account_id"] in truth_accts
    for name, cols in (
        ("accounts", ["account_id"]),
        ("sessions", ["host_account_id", "viewer_account_id"]),
        ("messages", ["sender_account_id", "recipient_account_id"]),
    ):
        p = _table(bundle, name)
        assert p is not None
        for row in iter_rows(p):
            for c in cols:
                if row.get(c):
                    assert row[c] in truth_accts, (name, c, row[c])
    assert set(truth_accts.values()) <= set(persons)
    cohorts = {r["cohort"] for r in persons.values()}
    assert cohorts <= set(DECLARED_COHORTS), cohorts - set(DECLARED_COHORTS)
    assert {"offender_payer", "facilitator", "family_recipient", "diaspora_remitter"} <= cohorts
    for r in persons.values():
        if r["cohort"] in ("offender_payer", "facilitator", "extortionist", "sextortion_victim"):
            assert r["network_id"], r
            assert r["role"] in ("payer", "facilitator", "victim")
        else:
            assert r["network_id"] == "" and r["role"] == ""
        if r["cohort"] != "offender_payer":
            assert ";" not in r["network_id"]
        tags = set(filter(None, r["traits"].split(";")))
        if "multi_household" in tags:
            assert ";" in r["network_id"]
    payers = [r for r in persons.values() if r["cohort"] == "offender_payer"]
    assert payers and any("chat" in r["traits"] for r in persons.values())


def test_deterministic(full: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, seed=SEED, customers=CUSTOMERS)
    assert _digest(again) == _digest(full)
    assert (
        json.loads((again / "world.json").read_text())["rows"]
        == json.loads((full / "world.json").read_text())["rows"]
    )


def test_receiver_view(receiver: Path, full: Path) -> None:
    meta = json.loads((receiver / "world.json").read_text())
    wallet = meta["sources"]["wallet"]
    bundle = receiver / "bundle"
    for name in ("sessions", "messages"):
        assert _table(bundle, name) is None
    for name in ("transactions", "parties", "accounts"):
        p = _table(bundle, name)
        assert p is not None
        sources = {row["source"] for row in iter_rows(p)}
        assert sources == {wallet}, (name, sources)
    with open(receiver / "truth" / "persons.csv", encoding="utf-8") as f:
        persons = list(csv.DictReader(f))
    payers = [r for r in persons if r["cohort"] == "offender_payer"]
    # without the card app, every foreign payer is seen only as the sender of inbound credits
    assert any("inbound_only" in r["traits"] for r in payers)
    with open(full / "truth" / "persons.csv", encoding="utf-8") as f:
        full_ids = {r["person_id"] for r in csv.DictReader(f)}
    assert {r["person_id"] for r in persons} <= full_ids
