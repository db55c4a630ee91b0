"""Quick self-check of the world D generator (tests/world_d) on small worlds."""

from __future__ import annotations

import csv
import gzip
import json
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.world_d.generator import generate

TABLES = ("parties", "accounts", "transactions", "sessions", "messages", "fx_rates")
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
    "fx_rates": ["date", "currency", "usd_per_unit"],
}
TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
DEC = re.compile(r"^\d+(\.\d+)?$")
ILLICIT = {"offender_payer", "facilitator", "sextortion_victim", "extortionist"}
PH_RECEIVERS = {"wallet-ph-1", "wallet-ph-2", "wallet-ph-3", "bank-ph"}


def read(folder: Path, name: str) -> dict[str, list[str]] | None:
    """A bundle table as columns of strings, whatever its format."""
    files = [p for p in folder.iterdir() if p.name.split(".")[0] == name]
    if not files:
        return None
    assert len(files) == 1, files
    path = files[0]
    if path.name.endswith(".parquet"):
        return {
            k: ["" if v is None else str(v) for v in col]
            for k, col in pq.read_table(path).to_pydict().items()
        }
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        if ".csv" in path.name:
            rows = list(csv.DictReader(f))
        else:
            rows = [json.loads(line) for line in f if line.strip()]
    keys = list(dict.fromkeys(k for row in rows for k in row))
    return {k: [str(row.get(k, "")) for row in rows] for k in keys}


def truth(out: Path) -> tuple[list[dict], list[dict]]:
    with open(out / "truth" / "persons.csv", encoding="utf-8") as f:
        persons = list(csv.DictReader(f))
    with open(out / "truth" / "accounts.csv", encoding="utf-8") as f:
        accounts = list(csv.DictReader(f))
    return persons, accounts


@pytest.fixture(scope="module")
def pooled(tmp_path_factory) -> tuple[Path, dict, dict]:
    out = tmp_path_factory.mktemp("world_d_pooled")
    summary = generate(out, seed=1, customers=3000, chat=True, view="pooled")
    tables = {n: read(out / "bundle", n) for n in TABLES}
    return out, summary, tables


def test_files_and_required_columns(pooled):
    out, summary, tables = pooled
    assert (out / "truth" / "persons.csv").is_file() and (out / "truth" / "accounts.csv").is_file()
    for name in TABLES:
        cols = tables[name]
        assert cols is not None, name
        for c in REQUIRED[name]:
            assert c in cols, (name, c)
            assert all(v != "" for v in cols[c]), (name, c)
        assert summary["tables"][name] == len(cols[REQUIRED[name][0]])
    assert summary["tables"]["transactions"] > 50_000


def test_ids_unique_and_values_valid(pooled):
    _out, _summary, t = pooled
    for name, key in (
        ("transactions", "txn_id"),
        ("accounts", "account_id"),
        ("parties", "party_id"),
        ("messages", "message_id"),
    ):
        assert len(set(t[name][key])) == len(t[name][key]), name
    tx = t["transactions"]
    assert all(TS.match(x) for x in tx["timestamp"])
    assert all(DEC.match(x) and float(x) > 0 for x in tx["amount"])
    assert all(DEC.match(x) and float(x) > 0 for x in t["fx_rates"]["usd_per_unit"])
    assert all(x == "" or DEC.match(x) for x in t["sessions"]["paid_amount"])
    assert all(re.fullmatch(r"[A-Z]{3}", x) for x in tx["currency"])
    assert all(x == "" or re.fullmatch(r"[A-Z]{2}", x) for x in tx["sender_country"] + tx["receiver_country"])
    assert all(TS.match(x) for x in t["sessions"]["started_at"] + t["messages"]["sent_at"])
    offsets = {x[19:] for x in tx["timestamp"]}
    assert {"Z", "+08:00"} <= offsets and len(offsets) >= 5  # mixed offsets across sources
    parties = set(t["parties"]["party_id"])
    linked = [p for p in t["accounts"]["party_id"] if p]
    assert set(linked) <= parties
    assert len(linked) < len(t["accounts"]["party_id"])  # some party ids are missing


def test_every_bundle_account_in_truth(pooled):
    out, _summary, t = pooled
    persons, accounts = truth(out)
    pids = {p["person_id"] for p in persons}
    assert len(pids) == len(persons)
    amap = {a["account_id"]: a for a in accounts}
    assert len(amap) == len(accounts)
    seen = set(t["accounts"]["account_id"])
    seen |= set(t["transactions"]["sender_account_id"]) | set(t["transactions"]["receiver_account_id"])
    seen |= set(t["sessions"]["host_account_id"]) | {x for x in t["sessions"]["viewer_account_id"] if x}
    seen |= set(t["messages"]["sender_account_id"]) | {x for x in t["messages"]["recipient_account_id"] if x}
    assert seen == set(amap)
    assert all(a["person_id"] in pids for a in accounts)
    parties = set(t["parties"]["party_id"])
    assert all(a["party_id"] in parties for a in accounts if a["party_id"])


def test_cohorts_roles_and_traits(pooled):
    out, summary, _t = pooled
    persons, _accounts = truth(out)
    cohorts = {p["cohort"] for p in persons}
    expected = ILLICIT | {
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
        "gamer",
        "traveller",
        "ordinary",
        "merchant",
        "cash_agent",
        "organization",
        "streamer",
    }
    assert expected <= cohorts, expected - cohorts
    payers = [p for p in persons if p["cohort"] == "offender_payer"]
    traits = {t for p in payers for t in p["traits"].split(";")}
    assert {"few_payments", "inbound_only", "multi_household", "chat"} <= traits
    for p in persons:
        if p["cohort"] in ILLICIT:
            assert p["network_id"], p
            assert p["role"] == {"offender_payer": "payer", "sextortion_victim": "victim"}.get(
                p["cohort"], "facilitator"
            )
        else:
            assert p["role"] == "" and p["network_id"] == "", p
        if "multi_household" in p["traits"]:
            assert ";" in p["network_id"]
        if p["cohort"] != "offender_payer":
            assert ";" not in p["network_id"]
    assert summary["cohorts"]["offender_payer"] == len(payers)


def test_deterministic_and_no_chat(tmp_path):
    a = generate(tmp_path / "a", seed=5, customers=1000, chat=False)
    b = generate(tmp_path / "b", seed=5, customers=1000, chat=False)
    for k in ("tables", "cohorts", "payer_traits", "files"):
        assert a[k] == b[k]
    assert "messages" not in a["files"]
    for sub in ("bundle", "truth"):
        files = sorted(p.name for p in (tmp_path / "a" / sub).iterdir())
        assert files == sorted(p.name for p in (tmp_path / "b" / sub).iterdir())
        for f in files:
            assert (tmp_path / "a" / sub / f).read_bytes() == (tmp_path / "b" / sub / f).read_bytes(), f
    persons, _ = truth(tmp_path / "a")
    assert not any("chat" in p["traits"].split(";") for p in persons)


def test_receiver_view(tmp_path):
    s = generate(tmp_path, seed=1, customers=3000, view="receiver")
    assert set(s["institutions_in_view"]) <= PH_RECEIVERS
    bundle = tmp_path / "bundle"
    parties, accounts = read(bundle, "parties"), read(bundle, "accounts")
    assert set(parties["source"]) <= PH_RECEIVERS and set(accounts["source"]) <= PH_RECEIVERS
    assert set(parties["country"]) <= {"PH", ""}
    assert read(bundle, "sessions") is None and read(bundle, "messages") is None
    tx = read(bundle, "transactions")
    assert set(tx["source"]) <= PH_RECEIVERS
    own = set(accounts["account_id"])
    assert all(
        x in own or y in own for x, y in zip(tx["sender_account_id"], tx["receiver_account_id"], strict=True)
    )
    persons, _ = truth(tmp_path)
    payers = [p for p in persons if p["cohort"] == "offender_payer"]
    assert payers and all("inbound_only" in p["traits"].split(";") for p in payers)
