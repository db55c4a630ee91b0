"""Self-test of the world K generator: contract, truth, determinism, views, safety, cohorts."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

from tests.world_k.generator import generate

CUSTOMERS = 2000
SEED = 7
ROOT = Path(__file__).resolve().parents[1]

TS = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DEC = re.compile(r"^\d+(\.\d+)?$")
PHONE = re.compile(r"^\+\d{1,3} 555 \d{7}$")
EMAIL = re.compile(r"^[a-z0-9._]+@example\.(com|net|org)$")
IP = re.compile(r"^(100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])|198\.1[89])\.\d{1,3}\.\d{1,3}$")
COUNTRIES = set("PH US GB AU CA DE FR NL IT NZ JP KR SA AE SG HK NG CI".split())
CURRENCIES = set("PHP USD GBP AUD CAD EUR NZD JPY KRW SAR AED SGD HKD NGN XOF".split())
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
    "sessions": ("session_id", "source", "started_at", "host_account_id"),
    "messages": ("message_id", "source", "sent_at", "sender_account_id"),
    "fx_rates": ("date", "currency", "usd_per_unit"),
}
TS_COLUMNS = {
    "parties": ("created_at",),
    "accounts": ("opened_at", "closed_at"),
    "transactions": ("timestamp",),
    "sessions": ("started_at", "ended_at"),
    "messages": ("sent_at",),
}
UNIQUE = {"parties": "party_id", "accounts": "account_id", "transactions": "txn_id", "messages": "message_id"}
# a small deny-list: none of these may appear anywhere in the generated files
DENY = re.compile(
    r"\b(sex|sexy|sexual|nude|nudes|naked|porn\w*|explicit|abuse\w*|child|children|kid|kids|minor|minors|"
    r"underage|strip\w*|undress\w*|genital\w*|rape|molest\w*|xxx|nsfw|erotic\w*|fetish\w*|lewd|horny|"
    r"breast\w*|penis|vagina|orgasm\w*|csam|pedo\w*|paedo\w*|boob\w*|intimate)\b",
    re.IGNORECASE,
)
INDICATORS = (
    "load",
    "padala",
    "school fees",
    "allowance",
    "gift",
    "send first",
    "ready na",
    "show later",
    "private",
    "tokens",
    "rent po",
    "order #",
    "invoice",
    "ticket",
    "cam",
)


def read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


class World:
    def __init__(self, out: Path, summary: dict) -> None:
        self.out = out
        self.summary = summary
        self.tables = {p.stem: read(p) for p in sorted((out / "bundle").glob("*.csv"))}
        self.persons = {r["person_id"]: r for r in read(out / "truth" / "persons.csv")}
        self.accts = {r["account_id"]: r for r in read(out / "truth" / "accounts.csv")}
        self.params = json.loads((out / "truth" / "params.json").read_text())

    def cohort(self, account: str) -> str:
        return self.persons[self.accts[account]["person_id"]]["cohort"]


@pytest.fixture(scope="module")
def worlds(tmp_path_factory) -> dict[str, World]:
    base = tmp_path_factory.mktemp("world_k")
    out = {}
    for name, view, chat in (
        ("full", "full", True),
        ("nochat", "full", False),
        ("receiver", "receiver", True),
    ):
        d = base / name
        d.mkdir()
        out[name] = World(d, generate(str(d), SEED, CUSTOMERS, view, chat))
    return out


def test_bundle_satisfies_contract(worlds):
    w = worlds["full"]
    assert set(w.tables) == {"parties", "accounts", "transactions", "sessions", "messages", "fx_rates"}
    for table, rows in w.tables.items():
        assert rows, table
        for col in REQUIRED[table]:
            assert col in rows[0], (table, col)
            assert all(r[col] for r in rows), (table, col)
        for col in TS_COLUMNS.get(table, ()):
            vals = [r[col] for r in rows if r[col]]
            assert vals and all(TS.match(v) for v in vals), (table, col)
        if table in UNIQUE:
            ids = [r[UNIQUE[table]] for r in rows]
            assert len(ids) == len(set(ids)), table
    txns = w.tables["transactions"]
    assert all(DEC.match(r["amount"]) and float(r["amount"]) > 0 for r in txns)
    assert {r["currency"] for r in txns} <= CURRENCIES
    assert {r["sender_country"] for r in txns} | {r["receiver_country"] for r in txns} <= COUNTRIES
    assert {r["channel"] for r in txns} <= {
        "remittance",
        "bank_transfer",
        "ewallet",
        "card",
        "crypto",
        "gift_card",
        "cash_pickup",
    }
    times = [dt.datetime.fromisoformat(r["timestamp"]) for r in txns]
    assert all(a <= b for a, b in zip(times, times[1:], strict=False)), (
        "transactions are written in time order"
    )
    assert {r["kind"] for r in w.tables["accounts"]} <= {
        "bank",
        "remittance",
        "ewallet",
        "card",
        "platform",
        "merchant",
    }
    assert {r["kind"] for r in w.tables["parties"]} == {"person", "organization"}
    assert all(r["gender"] in ("", "f", "m") and r["country"] in COUNTRIES for r in w.tables["parties"])
    assert all(DATE.match(r["birth_date"]) for r in w.tables["parties"] if r["birth_date"])
    assert all(r["private"] in ("true", "false") for r in w.tables["sessions"])
    # a session id belongs to one host and one start time
    hosts: dict[str, tuple] = {}
    for r in w.tables["sessions"]:
        assert hosts.setdefault(r["session_id"], (r["host_account_id"], r["started_at"])) == (
            r["host_account_id"],
            r["started_at"],
        )
    fx = {(r["date"], r["currency"]) for r in w.tables["fx_rates"]}
    assert all((r["timestamp"][:10], r["currency"]) in fx for r in txns)
    # party ids referenced by accounts exist
    parties = {r["party_id"] for r in w.tables["parties"]}
    assert all(r["party_id"] in parties for r in w.tables["accounts"] if r["party_id"])


def test_truth_covers_every_account_and_is_consistent(worlds):
    w = worlds["full"]
    named = {r["account_id"] for r in w.tables["accounts"]}
    for r in w.tables["transactions"]:
        named.update((r["sender_account_id"], r["receiver_account_id"]))
    for r in w.tables["sessions"]:
        named.update((r["host_account_id"], r["viewer_account_id"]))
    for r in w.tables["messages"]:
        named.update((r["sender_account_id"], r["recipient_account_id"]))
    assert named == set(w.accts)
    assert all(a["person_id"] in w.persons for a in w.accts.values())
    parties = {r["party_id"] for r in w.tables["parties"]}
    assert all(a["party_id"] in parties for a in w.accts.values() if a["party_id"])
    with open(w.out / "truth" / "persons.csv", encoding="utf-8") as fh:
        assert fh.readline().strip() == "person_id,cohort,role,network_id,traits"
    roles = {
        "offender_payer": "payer",
        "facilitator": "facilitator",
        "extortionist": "facilitator",
        "sextortion_victim": "victim",
    }
    households = {p["network_id"] for p in w.persons.values() if p["cohort"] == "facilitator"}
    rings = {p["network_id"] for p in w.persons.values() if p["cohort"] == "extortionist"}
    for p in w.persons.values():
        if p["cohort"] in roles:
            assert p["role"] == roles[p["cohort"]] and p["network_id"], p
        else:
            assert p["role"] == "" and p["network_id"] == "", p
        if p["cohort"] == "offender_payer":
            nets = p["network_id"].split(";")
            assert set(nets) <= households
            assert ("multi_household" in p["traits"].split(";")) == (len(nets) > 1)
        if p["cohort"] == "sextortion_victim":
            assert p["network_id"] in rings


def test_payer_traits_match_the_bundle(worlds):
    w = worlds["full"]
    fac_accounts = {a for a, r in w.accts.items() if w.persons[r["person_id"]]["cohort"] == "facilitator"}
    owner = {a: r["person_id"] for a, r in w.accts.items()}
    paid: dict[str, list[dict]] = {}
    for r in w.tables["transactions"]:
        if r["receiver_account_id"] in fac_accounts and w.cohort(r["sender_account_id"]) == "offender_payer":
            paid.setdefault(owner[r["sender_account_id"]], []).append(r)
    payers = [p for p in w.persons.values() if p["cohort"] == "offender_payer"]
    assert payers and all(p["person_id"] in paid for p in payers)
    for p in payers:
        traits = p["traits"].split(";")
        rows = paid[p["person_id"]]
        if "few_payments" in traits:
            assert 1 <= len(rows) <= 4
            assert sum(not r["reference"] for r in rows) * 2 > len(rows)
        if "inbound_only" in traits:
            mine = [a for a, o in owner.items() if o == p["person_id"]]
            assert not set(mine) & {
                r["account_id"] for r in w.tables["accounts"] if r["source"] not in ("chatapp", "camsite")
            }
            assert all(r["source"] in ("wallet-ph", "bank-ph") for r in rows)
    # amounts: log-normal around a US$50-100 median
    fx = {(r["date"], r["currency"]): float(r["usd_per_unit"]) for r in w.tables["fx_rates"]}
    usd = [
        float(r["amount"]) * fx[(r["timestamp"][:10], r["currency"])] for rows in paid.values() for r in rows
    ]
    assert 30 <= statistics.median(usd) <= 200
    assert max(usd) <= 2000


def test_deterministic_across_hash_seeds(worlds, tmp_path):
    code = f"from tests.world_k.generator import generate; generate({str(tmp_path)!r}, {SEED}, {CUSTOMERS}, 'full', True)"
    env = dict(os.environ, PYTHONHASHSEED="4242")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)
    a, b = worlds["full"].out, tmp_path
    files = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(b)) for p in b.rglob("*") if p.is_file())
    for f in files:
        assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_no_chat_writes_no_messages_and_keeps_the_world(worlds):
    full, nochat = worlds["full"], worlds["nochat"]
    assert not (nochat.out / "bundle" / "messages.csv").exists()
    assert "chat" not in {t for p in nochat.persons.values() for t in p["traits"].split(";")}
    for name in ("transactions", "sessions", "parties", "accounts"):
        assert (full.out / "bundle" / f"{name}.csv").read_bytes() == (
            nochat.out / "bundle" / f"{name}.csv"
        ).read_bytes()
    chatters = {p["person_id"] for p in full.persons.values() if "chat" in p["traits"].split(";")}
    senders = {full.accts[r["sender_account_id"]]["person_id"] for r in full.tables["messages"]}
    assert chatters == senders


def test_receiver_view_keeps_only_the_receiving_institutions(worlds):
    rv, full = worlds["receiver"], worlds["full"]
    assert set(rv.tables) == {"parties", "accounts", "transactions", "fx_rates"}
    for name in ("parties", "accounts", "transactions"):
        assert {r["source"] for r in rv.tables[name]} <= {"wallet-ph", "bank-ph"}, name
    ph_accounts = {r["account_id"] for r in rv.tables["accounts"]}
    assert all(
        r["sender_account_id"] in ph_accounts or r["receiver_account_id"] in ph_accounts
        for r in rv.tables["transactions"]
    )
    assert all(r["currency"] == "PHP" for r in rv.tables["transactions"] if r["source"] == "wallet-ph")
    foreign_senders = {
        r["sender_account_id"] for r in rv.tables["transactions"] if r["sender_country"] != "PH"
    }
    assert foreign_senders and not foreign_senders & ph_accounts
    for a in foreign_senders:
        p = rv.persons[rv.accts[a]["person_id"]]
        if p["cohort"] not in ("extortionist", "romance_scammer", "merchant", "organization"):
            assert "inbound_only" in p["traits"].split(";"), p
    payers = [p for p in rv.persons.values() if p["cohort"] == "offender_payer"]
    assert payers and all("inbound_only" in p["traits"].split(";") for p in payers)
    # the same people, a subset of the full truth, every one with an account in the view
    assert set(rv.persons) <= set(full.persons)
    assert all(full.persons[k]["cohort"] == v["cohort"] for k, v in rv.persons.items())
    assert {a["person_id"] for a in rv.accts.values()} == set(rv.persons)
    assert len(rv.tables["transactions"]) < len(full.tables["transactions"])
    fac = {k for k, v in full.persons.items() if v["cohort"] == "facilitator"}
    assert fac <= set(rv.persons)


def test_no_forbidden_text_and_safe_identifiers(worlds):
    plain = re.compile(r"^([A-Z]{2,3}\d+|[\d.:+TZ-]+|dev-[0-9a-f]+)$")  # ids, numbers, times, devices
    for w in worlds.values():
        values: set[str] = set()
        for rows in w.tables.values():
            for r in rows:
                values.update(r.values())
        for name in ("persons.csv", "params.json"):
            values.add((w.out / "truth" / name).read_text(encoding="utf-8"))
        text = "\n".join(sorted(v for v in values if not plain.match(v)))
        hit = DENY.search(text)
        assert hit is None, hit and hit.group(0)
        # the scan does see the free text: references and chat are in it
        assert "school fees" in text
    w = worlds["full"]
    parties = w.tables["parties"]
    assert all(PHONE.match(r["phone"]) for r in parties if r["phone"])
    assert all(EMAIL.match(r["email"]) for r in parties if r["email"])
    ses = w.tables["sessions"]
    assert all(IP.match(r["host_ip"]) and IP.match(r["viewer_ip"]) for r in ses)


def test_cohorts_are_reasonable(worlds):
    w = worlds["full"]
    counts: dict[str, int] = {}
    for p in w.persons.values():
        counts[p["cohort"]] = counts.get(p["cohort"], 0) + 1
    people = sum(v for k, v in counts.items() if k not in ("merchant", "organization", "charity"))
    assert abs(people - CUSTOMERS) <= CUSTOMERS * 0.02
    assert 3 <= counts["offender_payer"] <= max(3, 0.004 * CUSTOMERS)
    for c in (
        "facilitator",
        "extortionist",
        "sextortion_victim",
        "diaspora_remitter",
        "family_recipient",
        "online_seller",
        "seller_customer",
        "adult_performer",
        "adult_customer",
        "romance_victim",
        "romance_mule",
        "charity_sponsor",
        "charity",
        "traveller",
        "ordinary",
        "merchant",
        "freelancer",
        "tutor",
        "gamer",
        "p2p_trader",
    ):
        assert counts.get(c, 0) >= 1, c
    sizes: dict[str, int] = {}
    for p in w.persons.values():
        if p["cohort"] == "facilitator":
            sizes[p["network_id"]] = sizes.get(p["network_id"], 0) + 1
    assert len(sizes) >= 2 and all(1 <= n <= 5 for n in sizes.values())
    paying = {
        n for p in w.persons.values() if p["cohort"] == "offender_payer" for n in p["network_id"].split(";")
    }
    assert paying == set(sizes)
    assert counts["diaspora_remitter"] > 20 * counts["offender_payer"]
    per_customer = len(w.tables["transactions"]) / CUSTOMERS
    assert 30 <= per_customer <= 75
    # every cohort that chats talks about money with the same indicator words
    said: dict[str, list[int]] = {}
    for r in w.tables["messages"]:
        hit = any(k in r["text"] for k in INDICATORS)
        said.setdefault(w.cohort(r["sender_account_id"]), [0, 0])[hit] += 1
    assert {
        "offender_payer",
        "facilitator",
        "diaspora_remitter",
        "family_recipient",
        "adult_performer",
    } <= set(said)
    for c, (miss, hit) in said.items():
        if miss + hit >= 20:
            assert hit / (miss + hit) >= 0.4, c
    rates = w.params["rates"]
    for name, v in rates.items():
        if v["range"] is not None:
            assert v["range"][0] <= v["value"] <= v["range"][1], name
    assert w.params["records"]["transactions"] == len(w.tables["transactions"])
