"""Quick self-test of the world H generator (small world, both views)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from tests.world_h import generator

TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
CC = re.compile(r"^[A-Z]{2}$")
REQUIRED = {
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
    "messages": ("message_id", "source", "sent_at", "sender_account_id"),
    "reports": ("report_id", "source", "received_at"),
    "fx_rates": ("date", "currency", "usd_per_unit"),
}
TS_COLS = {
    "parties": ("created_at",),
    "accounts": ("opened_at", "closed_at"),
    "transactions": ("timestamp",),
    "messages": ("sent_at",),
    "reports": ("received_at",),
}
ID_COL = {
    "parties": "party_id",
    "accounts": "account_id",
    "transactions": "txn_id",
    "messages": "message_id",
    "reports": "report_id",
}
COHORTS = (
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
    "traveller_partner",
    "romance_victim",
    "romance_mule",
    "charity",
    "charity_sponsor",
    "student",
    "freelancer",
    "crypto_trader",
    "church",
    "recruitment_agency",
    "teen",
    "seafarer",
    "ordinary",
    "merchant",
)


def read(path: Path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module", params=["full", "receiver"])
def world(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("world_h_" + request.param)
    args = [str(out), "--seed", "7", "--customers", "2000"]
    if request.param == "receiver":
        args += ["--view", "receiver"]
    assert generator.main(args) == 0
    return request.param, out


def test_files_columns_ids_timestamps(world):
    view, out = world
    tables = {}
    for name, req in REQUIRED.items():
        path = out / "bundle" / (name + ".csv")
        if view == "receiver" and name == "messages":
            assert not path.exists()
            continue
        assert path.exists(), name
        rows = read(path)
        assert rows, name
        for col in req:
            assert col in rows[0], (name, col)
            assert all(r[col] for r in rows), (name, col)
        tables[name] = rows
        if name in ID_COL:
            ids = [r[ID_COL[name]] for r in rows]
            assert len(ids) == len(set(ids)), name
        for col in TS_COLS.get(name, ()):
            for r in rows:
                if r[col]:
                    assert TS.match(r[col]), (name, col, r[col])
                    assert dt.datetime.fromisoformat(r[col].replace("Z", "+00:00")).tzinfo is not None
    curs = {r["currency"] for r in tables["fx_rates"]} | {"USD"}
    for r in tables["transactions"]:
        assert float(r["amount"]) > 0
        assert r["currency"] in curs
        for c in ("sender_country", "receiver_country"):
            assert not r[c] or CC.match(r[c])
    for r in tables["parties"]:
        assert not r["birth_date"] or re.match(r"^\d{4}-\d{2}-\d{2}$", r["birth_date"])
        assert not r["email"] or r["email"].lower().endswith(("@example.com", "@example.net", "@example.org"))
    if view == "receiver":
        srcs = {r["source"] for t in ("parties", "accounts", "transactions") for r in tables[t]}
        assert srcs <= {"ph-padalaexpress", "ph-bayanremit", "ph-unibank", "ph-gpesa", "ph-payamo"}
    else:
        assert "au-sendwise" in {r["source"] for r in tables["transactions"]}


def test_truth(world):
    view, out = world
    persons = read(out / "truth" / "persons.csv")
    accts = read(out / "truth" / "accounts.csv")
    assert set(persons[0]) == {"person_id", "cohort", "role", "network_id", "traits"}
    pids = {p["person_id"] for p in persons}
    assert len(pids) == len(persons)
    amap = {a["account_id"]: a for a in accts}
    assert len(amap) == len(accts)
    assert all(a["person_id"] in pids for a in accts)
    bundle = out / "bundle"
    used = {r["account_id"] for r in read(bundle / "accounts.csv")}
    for r in read(bundle / "transactions.csv"):
        used.add(r["sender_account_id"])
        used.add(r["receiver_account_id"])
    if (bundle / "messages.csv").exists():
        for r in read(bundle / "messages.csv"):
            used.add(r["sender_account_id"])
            used.add(r["recipient_account_id"])
    assert used <= set(amap)
    by = {}
    for p in persons:
        by.setdefault(p["cohort"], []).append(p)
    for c in COHORTS:
        assert c in by, c
    for p in by["offender_payer"]:
        assert p["role"] == "payer" and p["network_id"]
    for p in by["facilitator"] + by["extortionist"]:
        assert p["role"] == "facilitator" and ";" not in p["network_id"]
    for p in by["sextortion_victim"]:
        assert p["role"] == "victim"
    assert all(
        not p["role"] and not p["network_id"]
        for c in by
        if c not in ("offender_payer", "facilitator", "sextortion_victim", "extortionist")
        for p in by[c]
    )
    traits = {t for p in by["offender_payer"] for t in p["traits"].split(";") if t}
    want = {"few_payments", "inbound_only", "multi_household"} | ({"chat"} if view == "full" else set())
    assert want <= traits
    for p in by["offender_payer"]:
        assert ("multi_household" in p["traits"]) == (";" in p["network_id"])
