"""Quick self-check of the world-B generator on a small world (files, contract shapes, truth, views)."""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
from pathlib import Path

import pytest

from tests.world_b.generator import generate

N = 2000
TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
DEC = re.compile(r"^\d+(\.\d+)?$")
REQUIRED = {
    "parties": ["party_id", "source"],
    "accounts": ["account_id", "source"],
    "transactions": [
        "txn_id",
        "source",
        "timestamp",
        "amount",
        "currency",
        "sender_account_id",
        "receiver_account_id",
    ],
    "sessions": ["session_id", "source", "started_at", "host_account_id"],
    "messages": ["message_id", "source", "sent_at", "sender_account_id"],
}
COHORTS = {
    "offender_payer", "facilitator", "sextortion_victim", "extortionist", "diaspora_remitter", "family_recipient",
    "online_seller", "seller_customer", "adult_performer", "adult_customer", "freelancer", "freelance_client",
    "romance_victim", "romance_mule", "charity_sponsor", "charity", "gamer", "traveller", "ordinary", "merchant",
    "cash_agent", "organization", "streamer",
}  # fmt: skip


def _table(bundle: Path, name: str) -> list[dict]:
    for ext in (".csv", ".csv.gz"):
        p = bundle / f"{name}{ext}"
        if p.exists():
            with gzip.open(p, "rt", newline="") if ext.endswith("gz") else open(p, newline="") as f:
                return list(csv.DictReader(f))
    return []


def _truth(out: Path, name: str) -> list[dict]:
    with open(out / "truth" / f"{name}.csv", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def pooled(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("wb_pooled")
    return out, generate(out, seed=7, customers=N, chat=True, view="pooled")


@pytest.fixture(scope="module")
def receiver(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("wb_receiver")
    return out, generate(out, seed=7, customers=N, chat=True, view="receiver")


def test_files_and_columns(pooled):
    out, summary = pooled
    b = out / "bundle"
    for f in (
        "parties.csv",
        "accounts.csv",
        "transactions.csv.gz",
        "sessions.csv.gz",
        "messages.csv.gz",
        "fx_rates.csv",
    ):
        assert (b / f).exists(), f
    assert (out / "truth" / "persons.csv").exists() and (out / "truth" / "accounts.csv").exists()
    for name, cols in REQUIRED.items():
        rows = _table(b, name)
        assert rows, name
        assert set(cols) <= set(rows[0]), name
        assert summary["tables"][name] == len(rows)


def test_values_and_unique_ids(pooled):
    out, _ = pooled
    b = out / "bundle"
    for name, key in (
        ("parties", "party_id"),
        ("accounts", "account_id"),
        ("transactions", "txn_id"),
        ("messages", "message_id"),
    ):
        ids = [r[key] for r in _table(b, name)]
        assert len(ids) == len(set(ids)), name
    for r in _table(b, "transactions"):
        assert TS.match(r["timestamp"]), r
        assert DEC.match(r["amount"]) and float(r["amount"]) > 0, r
        assert re.match(r"^[A-Z]{3}$", r["currency"]), r
        for c in ("sender_country", "receiver_country"):
            assert r[c] == "" or re.match(r"^[A-Z]{2}$", r[c]), r
    for r in _table(b, "sessions"):
        assert TS.match(r["started_at"]) and TS.match(r["ended_at"])
    assert any(r["banned_reason"] for r in _table(b, "accounts"))


def test_truth_covers_bundle(pooled):
    out, _ = pooled
    b = out / "bundle"
    truth = {r["account_id"]: r for r in _truth(out, "accounts")}
    persons = {r["person_id"]: r for r in _truth(out, "persons")}
    seen = {r["account_id"] for r in _table(b, "accounts")}
    for r in _table(b, "transactions"):
        seen |= {r["sender_account_id"], r["receiver_account_id"]}
    for r in _table(b, "sessions"):
        seen |= {r["host_account_id"], r["viewer_account_id"]}
    for r in _table(b, "messages"):
        seen |= {r["sender_account_id"], r["recipient_account_id"]}
    assert seen <= set(truth)
    assert all(r["person_id"] in persons for r in truth.values())
    assert COHORTS <= {p["cohort"] for p in persons.values()}
    payers = [p for p in persons.values() if p["cohort"] == "offender_payer"]
    traits = {t for p in payers for t in p["traits"].split(";")}
    assert {"few_payments", "inbound_only", "multi_household", "chat"} <= traits
    for p in persons.values():
        if p["role"] == "facilitator":
            assert p["network_id"] and ";" not in p["network_id"]
        if "multi_household" in p["traits"]:
            assert ";" in p["network_id"]
        if p["role"] == "":
            assert p["network_id"] == ""


def test_deterministic(pooled, tmp_path):
    out, _ = pooled
    generate(tmp_path, seed=7, customers=N, chat=True, view="pooled")

    def digest(d: Path) -> dict:
        return {
            p.relative_to(d).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(d.rglob("*.csv*"))
        }

    assert digest(out) == digest(tmp_path)


def test_receiver_view(receiver):
    out, summary = receiver
    b = out / "bundle"
    parties = _table(b, "parties")
    assert parties and {r["source"] for r in parties} <= {"pisowallet", "lungsod-bank"}
    assert all(r["country"] in ("PH", "") for r in parties)
    assert not (b / "sessions.csv.gz").exists() and not (b / "messages.csv.gz").exists()
    persons = _truth(out, "persons")
    payers = [p for p in persons if p["cohort"] == "offender_payer"]
    assert payers and all("inbound_only" in p["traits"] for p in payers)
    assert {"facilitator", "family_recipient", "online_seller"} <= {p["cohort"] for p in persons}
