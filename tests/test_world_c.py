"""Self-check of the world C generator (tests/world_c) on small worlds."""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.world_c.generator import generate

REQUIRED = {
    "transactions": {
        "txn_id",
        "source",
        "timestamp",
        "amount",
        "currency",
        "sender_account_id",
        "receiver_account_id",
    },
    "accounts": {"account_id", "source"},
    "parties": {"party_id", "source"},
    "sessions": {"session_id", "source", "started_at", "host_account_id"},
    "messages": {"message_id", "source", "sent_at", "sender_account_id"},
}
ILLICIT = {"offender_payer", "facilitator", "sextortion_victim", "extortionist"}
LEGIT = {
    "diaspora_remitter",
    "family_recipient",
    "online_seller",
    "seller_customer",
    "adult_performer",
    "adult_customer",
    "freelancer",
    "freelance_client",
    "romance_victim",
    "romance_mule",
    "charity_sponsor",
    "charity",
    "traveller",
    "gamer",
    "ordinary",
    "merchant",
    "organization",
    "streamer",
}
PH_RECEIVERS = {"alon-pay", "bituin-wallet", "ph-bank-1"}


@functools.cache
def _rows(bundle: Path, table: str) -> list[dict]:
    if (bundle / f"{table}.parquet").exists():
        return pq.read_table(bundle / f"{table}.parquet").to_pylist()
    if (bundle / f"{table}.jsonl.gz").exists():
        with gzip.open(bundle / f"{table}.jsonl.gz", "rt", encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]
    if (bundle / f"{table}.jsonl").exists():
        with open(bundle / f"{table}.jsonl", encoding="utf-8") as fh:
            return [json.loads(line) for line in fh]
    return []


def _csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def pooled(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("world_c_pooled")
    generate(out, seed=1, customers=2500, chat=True, view="pooled")
    return out


@pytest.fixture(scope="module")
def receiver(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("world_c_receiver")
    generate(out, seed=1, customers=1000, chat=True, view="receiver")
    return out


def test_files_columns_and_ids(pooled: Path):
    b = pooled / "bundle"
    for name in (
        "transactions.parquet",
        "accounts.parquet",
        "parties.jsonl",
        "sessions.parquet",
        "messages.jsonl.gz",
        "fx_rates.csv",
    ):
        assert (b / name).exists(), name
    assert (pooled / "truth" / "persons.csv").exists() and (pooled / "truth" / "accounts.csv").exists()
    id_col = {
        "transactions": "txn_id",
        "accounts": "account_id",
        "parties": "party_id",
        "messages": "message_id",
    }
    for table, req in REQUIRED.items():
        rows = _rows(b, table)
        assert rows, table
        assert req <= set(rows[0]), (table, req - set(rows[0]))
        if table in id_col:
            ids = [r[id_col[table]] for r in rows]
            assert len(ids) == len(set(ids)), f"duplicate ids in {table}"
    tx = _rows(b, "transactions")
    assert all(r["amount"] > 0 for r in tx)
    assert all(r["timestamp"][-1] == "Z" or r["timestamp"][-6] in "+-" for r in tx)
    assert {"Z", "+08:00"} <= {r["timestamp"][19:] for r in tx}  # mixed offsets


def test_every_bundle_account_in_truth(pooled: Path):
    b = pooled / "bundle"
    seen = {r["account_id"] for r in _rows(b, "accounts")}
    for r in _rows(b, "transactions"):
        seen.update((r["sender_account_id"], r["receiver_account_id"]))
    for r in _rows(b, "sessions"):
        seen.add(r["host_account_id"])
        if r["viewer_account_id"]:
            seen.add(r["viewer_account_id"])
    for r in _rows(b, "messages"):
        seen.update((r["sender_account_id"], r["recipient_account_id"]))
    truth = _csv(pooled / "truth" / "accounts.csv")
    mapped = {r["account_id"]: r["person_id"] for r in truth}
    assert seen <= set(mapped), sorted(seen - set(mapped))[:5]
    persons = {r["person_id"] for r in _csv(pooled / "truth" / "persons.csv")}
    assert set(mapped.values()) <= persons


def test_cohorts_and_traits(pooled: Path):
    persons = _csv(pooled / "truth" / "persons.csv")
    cohorts = {r["cohort"] for r in persons}
    assert ILLICIT <= cohorts, ILLICIT - cohorts
    assert LEGIT <= cohorts, LEGIT - cohorts
    payers = [r for r in persons if r["cohort"] == "offender_payer"]
    traits = {t for r in payers for t in r["traits"].split(";") if t}
    assert {"few_payments", "inbound_only", "multi_household", "chat"} <= traits
    for r in payers:
        tr = r["traits"].split(";")
        assert r["role"] == "payer" and r["network_id"]
        if "multi_household" in tr:
            assert ";" in r["network_id"]
    for r in persons:
        if r["cohort"] in ("facilitator", "extortionist"):
            assert r["role"] == "facilitator" and r["network_id"] and ";" not in r["network_id"]
        if r["cohort"] not in ILLICIT:
            assert r["role"] == "" and r["network_id"] == ""
    # inbound-only payers have no party, no outbound record and no own account row
    acc = {r["account_id"]: r["person_id"] for r in _csv(pooled / "truth" / "accounts.csv")}
    inbound = {r["person_id"] for r in payers if "inbound_only" in r["traits"].split(";")}
    b = pooled / "bundle"
    assert not inbound & {acc[r["account_id"]] for r in _rows(b, "accounts")}
    for r in _rows(b, "transactions"):
        if acc[r["sender_account_id"]] in inbound:
            assert r["source"] in PH_RECEIVERS | {"bituin-wallet", "ph-bank-2", "ph-pawn-remit"}
        assert acc[r["receiver_account_id"]] not in inbound
    few = {r["person_id"] for r in payers if "few_payments" in r["traits"].split(";")}
    cohort = {r["person_id"]: r for r in persons}
    sides: dict[tuple, int] = {}
    nets: dict[str, set] = {}
    for r in _rows(b, "transactions"):
        p, q = acc[r["sender_account_id"]], acc[r["receiver_account_id"]]
        if p in few and cohort[q]["cohort"] == "facilitator":
            key = (p, r["source"] in PH_RECEIVERS | {"ph-bank-2", "ph-pawn-remit"})
            sides[key] = sides.get(key, 0) + 1
            nets.setdefault(p, set()).add(cohort[q]["network_id"])
    assert sides and all(n <= 4 for n in sides.values())
    assert all(len(v) == 1 for v in nets.values())


def test_receiver_view_has_no_demand_side(receiver: Path):
    b = receiver / "bundle"
    assert not (b / "sessions.parquet").exists()
    for table in ("parties", "accounts", "transactions", "messages"):
        srcs = {r["source"] for r in _rows(b, table)}
        assert srcs and srcs <= PH_RECEIVERS, (table, srcs)
    payers = [r for r in _csv(receiver / "truth" / "persons.csv") if r["cohort"] == "offender_payer"]
    assert payers and all("inbound_only" in r["traits"].split(";") for r in payers)


def test_deterministic(receiver: Path, tmp_path: Path):
    generate(tmp_path, seed=1, customers=1000, chat=True, view="receiver")

    def digest(root: Path) -> dict[str, str]:
        return {
            str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    assert digest(receiver) == digest(tmp_path)
