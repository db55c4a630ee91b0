"""Self-test of the world I generator (small world, a few seconds)."""

import csv
import gzip
import json
import re

import pytest

from tests.world_i.generator import generate

TS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
COHORTS = [
    "offender_payer",
    "facilitator",
    "sextortion_victim",
    "extortionist",
    "gamer",
    "online_seller",
    "seller_customer",
    "adult_performer",
    "adult_customer",
    "diaspora_remitter",
    "family_recipient",
    "foreign_spouse",
    "traveller",
    "traveller_friend",
    "romance_victim",
    "romance_mule",
    "charity",
    "charity_sponsor",
    "student",
    "freelancer",
    "freelance_client",
    "crypto_trader",
    "seafarer",
    "streamer",
    "ordinary",
    "merchant",
    "organization",
]


def _csv(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    out = tmp_path_factory.mktemp("world_i")
    generate(str(out), seed=5, customers=2000)
    b = out / "bundle"
    return {
        "parties": _csv(str(b / "parties.csv")),
        "accounts": _jsonl(str(b / "accounts.jsonl")),
        "transactions": _csv(str(b / "transactions.csv.gz")),
        "sessions": _jsonl(str(b / "sessions.jsonl")),
        "messages": _jsonl(str(b / "messages.jsonl")),
        "persons": _csv(str(out / "truth" / "persons.csv")),
        "truth_accounts": _csv(str(out / "truth" / "accounts.csv")),
    }


def test_columns_and_ids(world):
    need = {
        "parties": ("party_id", "source"),
        "accounts": ("account_id", "source"),
        "transactions": (
            "txn_id",
            "source",
            "timestamp",
            "amount",
            "currency",
            "sender_account_id",
            "receiver_account_id",
        ),
        "sessions": ("session_id", "source", "started_at", "host_account_id"),
        "messages": ("message_id", "source", "sent_at", "sender_account_id"),
    }
    for table, cols in need.items():
        rows = world[table]
        assert rows, table
        for c in cols:
            assert all(row.get(c) for row in rows), (table, c)
    for table, key in (
        ("parties", "party_id"),
        ("accounts", "account_id"),
        ("transactions", "txn_id"),
        ("messages", "message_id"),
    ):
        ids = [row[key] for row in world[table]]
        assert len(ids) == len(set(ids)), table
    assert all(float(t["amount"]) > 0 for t in world["transactions"])
    assert {t["currency"] for t in world["transactions"]} <= {"USD", "CAD", "PHP"}


def test_timestamps(world):
    for table, cols in (
        ("transactions", ["timestamp"]),
        ("parties", ["created_at"]),
        ("accounts", ["opened_at", "closed_at"]),
        ("sessions", ["started_at", "ended_at"]),
        ("messages", ["sent_at"]),
    ):
        for row in world[table]:
            for c in cols:
                v = row.get(c)
                if v:
                    assert TS.match(v), (table, c, v)


def test_truth_covers_bundle(world):
    known = {a["account_id"] for a in world["truth_accounts"]}
    persons = {p["person_id"] for p in world["persons"]}
    assert all(a["person_id"] in persons for a in world["truth_accounts"])
    for t in world["transactions"]:
        assert t["sender_account_id"] in known and t["receiver_account_id"] in known
    for s in world["sessions"]:
        assert s["host_account_id"] in known and s["viewer_account_id"] in known
    for m in world["messages"]:
        assert m["sender_account_id"] in known and m["recipient_account_id"] in known
    assert all(a["account_id"] in known for a in world["accounts"])


def test_cohorts_and_traits(world):
    cohorts = {p["cohort"] for p in world["persons"]}
    for c in COHORTS:
        assert c in cohorts, c
    payers = [p for p in world["persons"] if p["cohort"] == "offender_payer"]
    assert all(p["role"] == "payer" and p["network_id"] for p in payers)
    traits = {t for p in payers for t in p["traits"].split(";") if t}
    assert {"few_payments", "inbound_only", "chat"} <= traits
    fac = [p for p in world["persons"] if p["cohort"] == "facilitator"]
    assert all(p["role"] == "facilitator" and ";" not in p["network_id"] for p in fac)


def test_receiver_view(tmp_path):
    generate(str(tmp_path), seed=6, customers=1000, view="receiver")
    sources = {row["source"] for row in _csv(str(tmp_path / "bundle" / "transactions.csv.gz"))}
    assert sources <= {"perlas-bank", "kawallet"}
    assert not (tmp_path / "bundle" / "sessions.jsonl").exists()
