"""Self-test of the world L generator (tests/world_l): contract, truth, determinism, views, wording."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest

from tanglaw.contract import TABLES_BY_NAME
from tests.world_l.generator import generate
from tests.world_l.text import DENY_RE, INDICATORS, deny_hits

ROOT = Path(__file__).resolve().parents[1]
SEED = 11
N = 2000
TABLES = ("parties", "accounts", "transactions", "sessions", "messages", "fx_rates")
# the contract's required and timestamp columns, as Tanglaw reads them
REQUIRED = {n: tuple(c.name for c in TABLES_BY_NAME[n].required) for n in TABLES}
TS_COLS = {n: tuple(c.name for c in TABLES_BY_NAME[n].columns if c.type == "ts") for n in TABLES}
DEC = re.compile(r"^\d+(\.\d+)?$")
TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
CC = re.compile(r"^[A-Z]{2}$")
CUR = re.compile(r"^[A-Z]{3}$")
PH_SOURCES = ("ewallet-", "bank-")


def read(folder: Path, name: str) -> list[dict]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def header(folder: Path, name: str) -> list[str]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


class World:
    def __init__(self, out: Path, summary: dict) -> None:
        self.out = out
        self.summary = summary
        b = out / "bundle"
        self.t = {name: read(b, f"{name}.csv") for name in TABLES}
        self.persons = {r["person_id"]: r for r in read(out / "truth", "persons.csv")}
        self.truth_accounts = {r["account_id"]: r for r in read(out / "truth", "accounts.csv")}
        self.owner = {a: r["person_id"] for a, r in self.truth_accounts.items()}
        self.params = json.loads((out / "truth" / "params.json").read_text(encoding="utf-8"))

    def cohort(self, account_id: str) -> str:
        return self.persons[self.owner[account_id]]["cohort"]

    def with_trait(self, trait: str) -> list[dict]:
        return [p for p in self.persons.values() if trait in p["traits"].split(";")]


@pytest.fixture(scope="module")
def worlds(tmp_path_factory) -> dict[str, World]:
    base = tmp_path_factory.mktemp("world_l")
    out = {}
    for key, view, chat in (
        ("full", "full", True),
        ("again", "full", True),
        ("receiver", "receiver", True),
        ("platform", "platform", True),
        ("nochat", "full", False),
    ):
        folder = base / key
        out[key] = World(folder, generate(str(folder), SEED, N, view, chat))
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- contract --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["full", "receiver", "platform", "nochat"])
def test_bundle_satisfies_contract(worlds, key):
    w = worlds[key]
    b = w.out / "bundle"
    for name in TABLES:
        cols = header(b, f"{name}.csv")
        assert len(cols) == len(set(cols)), name
        for col in REQUIRED[name]:
            assert col in cols, (name, col)
        for row in w.t[name]:
            assert None not in row and None not in row.values(), (name, row)
            for col in REQUIRED[name]:
                assert row[col] != "", (name, col, row)
            for col in TS_COLS.get(name, ()):
                v = row[col]
                if v:
                    assert TS.match(v), (name, col, v)
                    assert datetime.fromisoformat(v.replace("Z", "+00:00")).tzinfo is not None
    for r in w.t["transactions"]:
        assert DEC.match(r["amount"]) and float(r["amount"]) > 0, r
        assert CUR.match(r["currency"]), r
        for col in ("sender_country", "receiver_country"):
            assert CC.match(r[col]), r
        assert r["channel"] in (
            "remittance",
            "bank_transfer",
            "ewallet",
            "card",
            "crypto",
            "gift_card",
            "cash_pickup",
        )
    for r in w.t["sessions"]:
        assert r["private"] in ("true", "false")
        if r["paid_amount"]:
            assert DEC.match(r["paid_amount"]) and CUR.match(r["currency"])
    for r in w.t["parties"]:
        if r["birth_date"]:
            date.fromisoformat(r["birth_date"])
        assert r["gender"] in ("f", "m", "x", "")
        assert r["kind"] in ("person", "organization")
        if r["email"]:
            assert r["email"].split("@")[1] in ("example.com", "example.net", "example.org")
        if r["phone"]:
            assert re.match(r"^\+\d{1,3} 555 \d{7}$", r["phone"]), r["phone"]
    for r in w.t["accounts"]:
        assert r["kind"] in ("bank", "remittance", "ewallet", "card", "crypto", "platform", "merchant")
    for r in w.t["fx_rates"]:
        date.fromisoformat(r["date"])
        assert DEC.match(r["usd_per_unit"]) and CUR.match(r["currency"])
    for name, col in (
        ("transactions", "txn_id"),
        ("parties", "party_id"),
        ("accounts", "account_id"),
        ("messages", "message_id"),
    ):
        ids = [r[col] for r in w.t[name]]
        assert len(ids) == len(set(ids)), name
    pairs = [(r["session_id"], r["viewer_account_id"]) for r in w.t["sessions"]]
    assert len(pairs) == len(set(pairs))
    parties = {r["party_id"] for r in w.t["parties"]}
    assert all(r["party_id"] in parties for r in w.t["accounts"] if r["party_id"])
    for r in w.t["sessions"]:
        for col in ("host_ip", "viewer_ip"):
            ip = [int(x) for x in r[col].split(".")]
            assert (ip[0] == 100 and 64 <= ip[1] < 128) or (ip[0] == 198 and ip[1] in (18, 19)), r[col]


def test_sorted_by_id_not_by_generation(worlds):
    w = worlds["full"]
    for name, col in (("transactions", "txn_id"), ("accounts", "account_id"), ("parties", "party_id")):
        ids = [r[col] for r in w.t[name]]
        assert ids == sorted(ids)
    pids = list(w.persons)
    assert pids == sorted(pids)


@pytest.mark.parametrize("key", ["full", "receiver", "platform"])
def test_every_bundle_account_has_a_truth_row(worlds, key):
    w = worlds[key]
    seen = {r["account_id"] for r in w.t["accounts"]}
    for r in w.t["transactions"]:
        seen.update((r["sender_account_id"], r["receiver_account_id"]))
    for r in w.t["sessions"]:
        seen.update((r["host_account_id"], r["viewer_account_id"]))
    for r in w.t["messages"]:
        seen.update((r["sender_account_id"], r["recipient_account_id"]))
    seen.discard("")
    missing = seen - set(w.truth_accounts)
    assert not missing
    assert all(p in w.persons for p in w.owner.values())
    bundle_parties = {r["party_id"] for r in w.t["parties"]}
    for r in w.truth_accounts.values():
        assert r["party_id"] == "" or r["party_id"] in bundle_parties


# -- determinism ------------------------------------------------------------------------------------------


def test_same_arguments_give_identical_files(worlds):
    a, b = _files(worlds["full"].out), _files(worlds["again"].out)
    assert a.keys() == b.keys() and a == b


def test_identical_under_another_hash_seed(worlds, tmp_path):
    out = tmp_path / "sub"
    env = dict(os.environ, PYTHONHASHSEED="4242")
    cmd = [
        sys.executable,
        "-m",
        "tests.world_l.generator",
        str(out),
        "--seed",
        str(SEED),
        "--customers",
        str(N),
    ]
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    assert _files(out) == _files(worlds["full"].out)


# -- views ------------------------------------------------------------------------------------------------


def _sources(w: World) -> set[str]:
    return {r["source"] for name in TABLES[:5] for r in w.t[name]}


def test_views_differ_as_specified(worlds):
    full, rec, plat = worlds["full"], worlds["receiver"], worlds["platform"]
    assert {s.split("-")[0] for s in _sources(full)} == {"mto", "ewallet", "bank", "chat", "cam"}
    assert all(s.startswith(PH_SOURCES) for s in _sources(rec))
    assert not rec.t["sessions"] and not rec.t["messages"]
    assert {s.split("-")[0] for s in _sources(plat)} == {"ewallet", "chat", "cam"}
    assert plat.t["sessions"] and plat.t["messages"]
    # receiver view: credits from senders whose institution is not in the bundle, with the sender's name
    known = {r["account_id"] for r in rec.t["accounts"]}
    foreign = [r for r in rec.t["transactions"] if r["sender_account_id"] not in known]
    assert foreign and all(r["sender_name"] for r in foreign if r["sender_country"] != "PH")
    assert any(full.cohort(r["sender_account_id"]) == "offender_payer" for r in foreign)
    assert rec.with_trait("inbound_only")
    assert len(rec.t["transactions"]) < len(full.t["transactions"])
    assert rec.params["institutions_present"] == [
        s for s in rec.params["institutions_present"] if "mto" not in s
    ]


def test_no_chat_means_no_messages(worlds):
    w = worlds["nochat"]
    assert header(w.out / "bundle", "messages.csv")[0] == "message_id"
    assert not w.t["messages"] and not w.with_trait("chat")
    assert len(w.t["transactions"]) == len(worlds["full"].t["transactions"])
    assert len(w.t["sessions"]) == len(worlds["full"].t["sessions"])


# -- wording ----------------------------------------------------------------------------------------------


def test_deny_list_never_matches(worlds):
    for key in ("full", "receiver", "platform"):
        for path in sorted(worlds[key].out.rglob("*")):
            if path.is_file():
                assert not deny_hits(path.read_text(encoding="utf-8")), path.name
    assert DENY_RE.search("a_XXX_b") and deny_hits("id-" + "x" * 3 + "1 ok") == ["xxx"]
    assert not deny_hits("sextortion_victim kidlat-free")


def test_indicator_words_shared_with_lookalikes(worlds):
    w = worlds["full"]
    used: dict[str, set[str]] = defaultdict(set)
    texts = [(r["sender_account_id"], r["reference"]) for r in w.t["transactions"] if r["reference"]]
    texts += [(r["sender_account_id"], r["text"]) for r in w.t["messages"]]
    for acct, text in texts:
        low = text.lower()
        cohort = w.cohort(acct)
        for word in INDICATORS:
            if word in low:
                used[word].add(cohort)
    offenders = ("offender_payer", "facilitator")
    by_offenders = [word for word in INDICATORS if used[word] & set(offenders)]
    assert len(by_offenders) >= 10, by_offenders
    for word in by_offenders:
        legit = used[word] - {"offender_payer", "facilitator", "extortionist", "sextortion_victim"}
        assert len(legit) >= 3, (word, legit)


# -- truth ------------------------------------------------------------------------------------------------


def test_trait_meanings_hold(worlds):
    for key in ("full", "receiver", "platform"):
        w = worlds[key]
        fac = {a for a, p in w.owner.items() if w.persons[p]["cohort"] == "facilitator"}
        pays: dict[str, list[dict]] = defaultdict(list)
        for r in w.t["transactions"]:
            if r["receiver_account_id"] in fac:
                pays[w.owner[r["sender_account_id"]]].append(r)
        few = w.with_trait("few_payments")
        assert few
        for p in few:
            assert p["cohort"] == "offender_payer"
            mine = pays[p["person_id"]]
            assert len(mine) <= 4
            nets = {w.persons[w.owner[r["receiver_account_id"]]]["network_id"] for r in mine}
            assert len(nets) <= 1 and ";" not in p["network_id"]
            assert sum(1 for r in mine if not r["reference"]) * 2 >= len(mine)
        for p in w.with_trait("multi_household"):
            assert len(p["network_id"].split(";")) >= 2
        inbound = w.with_trait("inbound_only")
        assert inbound
        acct_source = {r["account_id"]: r["source"] for r in w.t["accounts"]}
        party_ids = {r["party_id"] for r in w.t["parties"]}
        sessions = {r[c] for r in w.t["sessions"] for c in ("host_account_id", "viewer_account_id")}
        msgs = {r[c] for r in w.t["messages"] for c in ("sender_account_id", "recipient_account_id")}
        for p in inbound:
            assert p["cohort"] == "offender_payer"
            mine = {a for a, q in w.owner.items() if q == p["person_id"]}
            assert not mine & set(acct_source)
            assert all(w.truth_accounts[a]["party_id"] not in party_ids for a in mine)
            assert not mine & sessions and not mine & msgs
            rows = [
                r for r in w.t["transactions"] if mine & {r["sender_account_id"], r["receiver_account_id"]}
            ]
            assert rows
            for r in rows:
                assert r["sender_account_id"] in mine and r["receiver_account_id"] not in mine
                assert acct_source.get(r["receiver_account_id"]) == r["source"]
        chatty = {w.owner[a] for a in msgs}
        assert {p["person_id"] for p in w.with_trait("chat")} == chatty


def test_truth_rows_and_counts(worlds):
    w = worlds["full"]
    counts = Counter(p["cohort"] for p in w.persons.values())
    assert w.params["cohort_counts"] == dict(counts)
    assert w.params["customer_count"] == N
    assert w.params["record_counts"]["transactions"] == len(w.t["transactions"])
    for p in w.persons.values():
        if p["cohort"] in ("offender_payer", "facilitator", "extortionist", "sextortion_victim"):
            assert p["network_id"] and p["role"] in ("payer", "facilitator", "victim")
        else:
            assert not p["network_id"] and not p["role"]
    for name, spec in w.params["rates"].items():
        lo, hi = spec["range"]
        assert lo <= spec["value"] <= hi, name
    per_customer = len(w.t["transactions"]) / N
    assert 40 <= per_customer <= 70, per_customer
    nets = {n for p in w.persons.values() for n in p["network_id"].split(";") if n}
    assert any(n.startswith("hh-") for n in nets) and any(n.startswith("sx-") for n in nets)
