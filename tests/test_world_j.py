"""World J (FIU pooled Europe/UK/Australia -> Philippines reports): the bundle keeps the contract."""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.world_j.generator import generate

SEED = 7
CUSTOMERS = 2000
TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
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
    "sessions": {"session_id", "source", "started_at", "host_account_id"},
    "messages": {"message_id", "source", "sent_at", "sender_account_id"},
}
TS_COLS = {
    "parties": ("created_at",),
    "accounts": ("opened_at", "closed_at"),
    "transactions": ("timestamp",),
    "sessions": ("started_at", "ended_at"),
    "messages": ("sent_at",),
}
IDS = {"parties": "party_id", "accounts": "account_id", "transactions": "txn_id", "messages": "message_id"}
PH = {"silangan-ph", "pitaka-ph"}


@functools.cache
def rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def worlds(tmp_path_factory):
    base = tmp_path_factory.mktemp("world_j")
    full, recv = base / "full", base / "recv"
    generate(str(full), SEED, CUSTOMERS)
    generate(str(recv), SEED, CUSTOMERS, view="receiver")
    return full, recv


def test_bundle_follows_the_contract(worlds):
    full, recv = worlds
    for world in (full, recv):
        for table, required in REQUIRED.items():
            path = world / "bundle" / f"{table}.csv"
            if not path.exists():
                assert table in ("sessions", "messages") and world == recv
                continue
            with open(path, newline="", encoding="utf-8") as f:
                header = next(csv.reader(f))
            assert required <= set(header), table
            data = rows(path)
            assert data or table == "sessions", table  # the call app is a thin slice
            for col in TS_COLS[table]:
                bad = [r[col] for r in data if r[col] and not TS.match(r[col])]
                assert not bad, (table, col, bad[:3])
            if table in IDS:
                ids = [r[IDS[table]] for r in data]
                assert len(ids) == len(set(ids)), table
        tx = rows(world / "bundle" / "transactions.csv")
        assert all(float(t["amount"]) > 0 and re.fullmatch(r"[A-Z]{3}", t["currency"]) for t in tx)
        assert all(re.fullmatch(r"[A-Z]{2}", t["sender_country"]) for t in tx)
        assert all(re.fullmatch(r"[A-Z]{2}", t["receiver_country"]) for t in tx)
        for r in rows(world / "bundle" / "parties.csv"):
            assert not r["email"] or r["email"].endswith("@example.com")
            assert not r["birth_date"] or re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["birth_date"])


def test_every_bundle_account_is_in_the_truth(worlds):
    for world in worlds:
        truth = {r["account_id"]: r for r in rows(world / "truth" / "accounts.csv")}
        persons = {r["person_id"] for r in rows(world / "truth" / "persons.csv")}
        seen = set()
        for t in rows(world / "bundle" / "transactions.csv"):
            seen.update((t["sender_account_id"], t["receiver_account_id"]))
        seen.update(a["account_id"] for a in rows(world / "bundle" / "accounts.csv"))
        for table, cols in (
            ("sessions", ("host_account_id", "viewer_account_id")),
            ("messages", ("sender_account_id", "recipient_account_id")),
        ):
            path = world / "bundle" / f"{table}.csv"
            if path.exists():
                for r in rows(path):
                    seen.update(r[c] for c in cols if r[c])
        missing = seen - set(truth)
        assert not missing, sorted(missing)[:5]
        assert {r["person_id"] for r in truth.values()} <= persons


def test_cohorts_and_traits_present(worlds):
    full, recv = worlds
    people = rows(full / "truth" / "persons.csv")
    cohorts = {p["cohort"] for p in people}
    assert {"offender_payer", "facilitator", "sextortion_victim", "extortionist"} <= cohorts
    assert {
        "diaspora_remitter",
        "family_recipient",
        "adult_performer",
        "adult_customer",
        "online_tutor",
        "online_seller",
        "young_gamer",
        "romance_victim",
        "charity_sponsor",
        "traveller",
        "ordinary",
    } <= cohorts
    traits = {t for p in people for t in p["traits"].split(";") if t}
    assert {"few_payments", "inbound_only", "multi_household", "chat"} <= traits
    payers = [p for p in people if p["cohort"] == "offender_payer"]
    assert all(p["role"] == "payer" and p["network_id"] for p in payers)
    assert any(";" in p["network_id"] for p in payers if "multi_household" in p["traits"])
    legit = [
        p
        for p in people
        if p["cohort"] not in ("offender_payer", "facilitator", "sextortion_victim", "extortionist")
    ]
    assert all(not p["role"] and not p["network_id"] for p in legit)
    assert 0.0005 < len(payers) / CUSTOMERS < 0.01


def test_receiver_view_holds_only_philippine_records(worlds):
    full, recv = worlds
    assert not (recv / "bundle" / "sessions.csv").exists()
    assert not (recv / "bundle" / "messages.csv").exists()
    assert {r["source"] for r in rows(recv / "bundle" / "parties.csv")} <= PH
    accts = rows(recv / "bundle" / "accounts.csv")
    assert {a["source"] for a in accts} <= PH
    tx = rows(recv / "bundle" / "transactions.csv")
    assert {t["source"] for t in tx} == PH
    own = {a["account_id"] for a in accts}
    inbound = [t for t in tx if t["sender_account_id"] not in own]
    assert inbound and all(t["receiver_account_id"] in own for t in inbound)
    assert all(t["currency"] == "PHP" for t in tx)
    full_ids = {t["txn_id"] for t in rows(full / "bundle" / "transactions.csv")}
    assert {t["txn_id"] for t in tx} <= full_ids


def test_same_seed_same_world(worlds, tmp_path):
    full, _ = worlds
    again = tmp_path / "again"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    root = Path(__file__).resolve().parents[1]
    cmd = [
        sys.executable,
        "-m",
        "tests.world_j.generator",
        str(again),
        "--seed",
        str(SEED),
        "--customers",
        str(CUSTOMERS),
    ]
    subprocess.run(cmd, cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)

    def digest(world: Path) -> dict:
        out = {}
        for sub in ("bundle", "truth"):
            for f in sorted((world / sub).glob("*.csv")):
                out[f"{sub}/{f.name}"] = hashlib.sha256(f.read_bytes()).hexdigest()
        return out

    assert digest(again) == digest(full)


def test_uniq_widens_when_a_width_is_used_up(tmp_path):
    """A counter key with every value of its width taken gets a wider number, not an endless redraw."""
    from tests.world_j.model import World

    w = World(str(tmp_path), SEED, CUSTOMERS, "full")
    try:
        one = [w.uniq("k", 1) for _ in range(9)]
        assert sorted(one) == list(range(1, 10))
        more = [w.uniq("k", 1) for _ in range(90)]
        assert sorted(more) == list(range(10, 100))
        assert 100 <= w.uniq("k", 1) < 1000
    finally:
        w._tx_file.close()
