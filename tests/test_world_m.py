"""Self-test of world M (tests/world_m), the blind synthetic evaluation world.

Checks the bundle against data contract v1, the truth folder against docs/truth-format.md, the
three views, determinism across PYTHONHASHSEED, and that no text leaves the innocuous vocabulary.
"""

from __future__ import annotations

import csv
import datetime as dt
import ipaddress
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tanglaw.contract import TABLES_BY_NAME
from tests.world_m import generate
from tests.world_m.model import INSTS, USD_PER_UNIT
from tests.world_m.vocab import CHAT_WORDS

ROOT = Path(__file__).resolve().parents[1]
SEED = 11
N = 2000

OFFENDER_COHORTS = {"offender_payer", "facilitator", "sextortion_victim", "extortionist"}
EXPECTED_COHORTS = OFFENDER_COHORTS | {
    "child_victim",
    "diaspora_remitter",
    "family_recipient",
    "online_seller",
    "seller_customer",
    "adult_performer",
    "adult_customer",
    "gamer",
    "young_gamer",
    "game_reseller",
    "charity_sponsor",
    "charity",
    "sponsored_family",
    "freelancer",
    "freelance_client",
    "romance_victim",
    "romance_mule",
    "crypto_trader",
    "couple",
    "traveller",
    "streamer",
    "ordinary",
    "merchant",
    "organization",
}
# a guard in addition to the allow-list: none of these may appear as a word in any text
DENY = {
    "sex",
    "sexy",
    "sexual",
    "nude",
    "nudes",
    "naked",
    "porn",
    "explicit",
    "abuse",
    "rape",
    "minor",
    "minors",
    "underage",
    "child",
    "children",
    "kid",
    "kids",
    "boy",
    "girl",
    "csam",
    "strip",
    "undress",
    "body",
    "touch",
    "bed",
    "bath",
}
COUNTRIES = {
    "PH",
    "US",
    "GB",
    "AU",
    "CA",
    "DE",
    "NL",
    "FR",
    "IT",
    "SE",
    "NO",
    "CH",
    "JP",
    "KR",
    "SG",
    "HK",
    "SA",
    "AE",
    "QA",
    "KW",
    "NG",
    "CI",
    "GH",
    "MX",
    "ID",
}
PH_SOURCES = {code for code, inst in INSTS.items() if inst.ph}


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def header(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wm_full")
    generate(out, SEED, N, "full", True)
    return out


@pytest.fixture(scope="module")
def tables(full: Path) -> dict[str, list[dict[str, str]]]:
    b = full / "bundle"
    return {p.stem: read(p) for p in sorted(b.glob("*.csv"))}


@pytest.fixture(scope="module")
def truth(full: Path) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    persons = {r["person_id"]: r for r in read(full / "truth" / "persons.csv")}
    accounts = {r["account_id"]: r for r in read(full / "truth" / "accounts.csv")}
    return persons, accounts


# ---- contract ----------------------------------------------------------------------------------


def _check_value(table: str, col: str, ctype: str, v: str, choices: tuple[str, ...]) -> None:
    where = f"{table}.{col}={v!r}"
    if v == "":
        return
    if choices:
        assert v.lower() in choices, where
    if ctype == "ts":
        assert re.search(r"(Z|[+-]\d\d:\d\d)$", v), where
        assert dt.datetime.fromisoformat(v.replace("Z", "+00:00")).tzinfo is not None, where
    elif ctype == "date":
        dt.date.fromisoformat(v)
    elif ctype == "dec":
        assert re.fullmatch(r"\d+(\.\d+)?", v), where
    elif ctype == "cc":
        assert v in COUNTRIES, where
    elif ctype == "cur":
        assert v in USD_PER_UNIT, where
    elif ctype == "bool":
        assert v in ("true", "false"), where
    elif ctype == "int":
        assert re.fullmatch(r"-?\d+", v), where


def test_contract_columns_and_values(full: Path, tables: dict[str, list[dict[str, str]]]) -> None:
    for name in ("parties", "accounts", "transactions", "sessions", "messages", "reports", "fx_rates"):
        path = full / "bundle" / f"{name}.csv"
        assert path.exists(), name
        spec = TABLES_BY_NAME[name]
        cols = header(path)
        for c in spec.required:
            assert c.name in cols, f"{name} lacks required column {c.name}"
        assert set(cols) <= set(spec.column_names), f"{name} has unknown columns"
        rows = tables[name]
        if spec.key:
            keys = [r[spec.key] for r in rows]
            assert len(keys) == len(set(keys)), f"duplicate {spec.key} in {name}"
        for r in rows:
            for c in spec.columns:
                if c.name in r:
                    if c.required:
                        assert r[c.name] != "", f"{name}.{c.name} empty"
                    _check_value(name, c.name, c.type, r[c.name], c.choices)
    assert all(float(t["amount"]) > 0 for t in tables["transactions"])
    prefix = {code: inst.prefix for code, inst in INSTS.items()}
    for name, col in (("transactions", "txn_id"), ("accounts", "account_id"), ("parties", "party_id")):
        for r in tables[name]:
            assert re.fullmatch(prefix[r["source"]] + r"-[a-z]?[0-9a-f]{12,13}", r[col]), (name, r[col])
    assert all(re.fullmatch(r"kwc-s[0-9a-f]{12}", s["session_id"]) for s in tables["sessions"])
    assert all(re.fullmatch(r"kwc-m[0-9a-f]{12}", m["message_id"]) for m in tables["messages"])
    assert len(tables["transactions"]) > 30 * N  # everyday background activity is there
    ts = [dt.datetime.fromisoformat(t["timestamp"]) for t in tables["transactions"]]
    assert all(a <= b for a, b in zip(ts, ts[1:], strict=False)), "transactions are written in time order"


def test_identifiers_are_safe(tables: dict[str, list[dict[str, str]]]) -> None:
    nets = [ipaddress.ip_network("100.64.0.0/10"), ipaddress.ip_network("198.18.0.0/15")]
    for p in tables["parties"]:
        if p["email"]:
            assert re.fullmatch(r"[a-z0-9._]+@example\.(com|net|org)", p["email"]), p["email"]
        if p["phone"]:
            digits = re.sub(r"\D", "", p["phone"])
            assert "555" in digits and len(digits) >= 10, p["phone"]
    for s in tables["sessions"]:
        for ip in (s["host_ip"], s["viewer_ip"]):
            if ip:
                assert any(ipaddress.ip_address(ip) in n for n in nets), ip


# ---- truth -------------------------------------------------------------------------------------


def test_truth_covers_every_account(tables: dict[str, list[dict[str, str]]], truth: tuple) -> None:
    persons, accounts = truth
    seen: set[str] = set()
    for t in tables["transactions"]:
        seen.update((t["sender_account_id"], t["receiver_account_id"]))
    for s in tables["sessions"]:
        seen.update(x for x in (s["host_account_id"], s["viewer_account_id"]) if x)
    for m in tables["messages"]:
        seen.update((m["sender_account_id"], m["recipient_account_id"]))
    for r in tables["reports"]:
        seen.update(x for x in r["account_ids"].split(";") if x)
    bundle_accounts = {a["account_id"]: a for a in tables["accounts"]}
    seen.update(bundle_accounts)
    missing = seen - set(accounts)
    assert not missing, f"{len(missing)} accounts missing from truth"
    assert set(accounts) == seen, "truth lists only accounts that appear in the bundle"
    party_ids = {p["party_id"] for p in tables["parties"]}
    for aid, row in accounts.items():
        assert row["person_id"] in persons
        if aid in bundle_accounts:
            assert row["party_id"] == bundle_accounts[aid]["party_id"]
        if row["party_id"]:
            assert row["party_id"] in party_ids
    owners = {r["person_id"] for r in accounts.values()}
    for pid, p in persons.items():
        if pid not in owners:
            assert p["cohort"] == "child_victim" and "no_account" in p["traits"]


def test_truth_roles_and_networks(truth: tuple, tables: dict[str, list[dict[str, str]]]) -> None:
    persons, accounts = truth
    roles = {
        "offender_payer": "payer",
        "facilitator": "facilitator",
        "extortionist": "facilitator",
        "sextortion_victim": "victim",
        "child_victim": "victim",
    }
    hh_of: dict[str, str] = {}
    for p in persons.values():
        assert p["role"] == roles.get(p["cohort"], ""), p
        if p["role"]:
            assert p["network_id"], p
        else:
            assert not p["network_id"], p
        if p["cohort"] in ("facilitator", "extortionist", "sextortion_victim", "child_victim"):
            assert ";" not in p["network_id"]
        if p["cohort"] == "facilitator":
            assert p["network_id"].startswith("osec-")
            hh_of[p["person_id"]] = p["network_id"]
        if p["cohort"] in ("extortionist", "sextortion_victim"):
            assert p["network_id"].startswith("sx-")
    # payers' network ids name exactly the households they pay
    acc_person = {a: r["person_id"] for a, r in accounts.items()}
    paid: dict[str, set[str]] = {}
    n_pay: Counter[str] = Counter()
    for t in tables["transactions"]:
        s = acc_person[t["sender_account_id"]]
        r = acc_person[t["receiver_account_id"]]
        if persons[s]["cohort"] == "offender_payer" and r in hh_of:
            paid.setdefault(s, set()).add(hh_of[r])
            n_pay[s] += 1
    payers = [p for p in persons.values() if p["cohort"] == "offender_payer"]
    assert payers
    for p in payers:
        nets = set(p["network_id"].split(";"))
        got = paid.get(p["person_id"], set())
        assert got <= nets
        traits = p["traits"].split(";")
        if "few_payments" in traits:
            assert n_pay[p["person_id"]] <= 4 and len(nets) == 1
        if "multi_household" in traits:
            assert len(nets) >= 2
    few = sum("few_payments" in p["traits"] for p in payers)
    assert 0.2 * len(payers) <= few <= 0.75 * len(payers), "many payers make only 1-4 payments"
    bundle_accounts = {a["account_id"] for a in tables["accounts"]}
    for p in payers:
        if "inbound_only" in p["traits"]:
            mine = [a for a, pid in acc_person.items() if pid == p["person_id"]]
            assert not set(mine) & bundle_accounts


def test_every_cohort_present(truth: tuple) -> None:
    persons, _ = truth
    cohorts = Counter(p["cohort"] for p in persons.values())
    assert EXPECTED_COHORTS <= set(cohorts), EXPECTED_COHORTS - set(cohorts)
    offenders = sum(cohorts[c] for c in OFFENDER_COHORTS)
    assert offenders < 0.1 * sum(cohorts.values()), "look-alikes far outnumber offenders"
    traits = Counter(t for p in persons.values() for t in p["traits"].split(";") if t)
    for t in ("few_payments", "chat", "no_account"):
        assert traits[t] > 0, t


def test_victim_birth_dates_are_minors(
    full: Path, tables: dict[str, list[dict[str, str]]], truth: tuple
) -> None:
    persons, accounts = truth
    params = json.loads((full / "truth" / "params.json").read_text())
    start = dt.date.fromisoformat(params["params"]["start_date"])
    parties = {p["party_id"]: p for p in tables["parties"]}
    checked = 0
    for row in accounts.values():
        if persons[row["person_id"]]["cohort"] == "sextortion_victim" and row["party_id"]:
            party = parties[row["party_id"]]
            if party["birth_date"] and party["source"] != "kwentocam":
                age = (start - dt.date.fromisoformat(party["birth_date"])).days / 365.25
                assert 12.5 < age < 18.5
                checked += 1
    assert checked > 0


def test_params_recorded(full: Path) -> None:
    params = json.loads((full / "truth" / "params.json").read_text())
    assert params["seed"] == SEED and params["customers"] == N and params["view"] == "full"
    assert params["written_blind"] is True
    assert 0.4 <= params["params"]["p_payer_few"] <= 0.58
    assert params["world"]["households"] >= 3 and params["world"]["sextortion_rings"] >= 2


# ---- text --------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def test_no_forbidden_words(tables: dict[str, list[dict[str, str]]]) -> None:
    fields = {
        "messages": ["text"],
        "transactions": ["reference", "merchant_name", "sender_name", "receiver_name"],
        "reports": ["description", "usernames"],
        "accounts": ["username", "display_name"],
        "parties": ["name", "email", "address", "city"],
    }
    for table, cols in fields.items():
        for r in tables[table]:
            for c in cols:
                bad = set(_words(r[c])) & DENY
                assert not bad, (table, c, r[c])
    allowed = {w for w in CHAT_WORDS for w in _words(w)}
    for m in tables["messages"]:
        extra = set(_words(m["text"])) - allowed
        assert not extra, m["text"]


def test_chat_vocabulary_is_shared(tables: dict[str, list[dict[str, str]]], truth: tuple) -> None:
    """Offenders and look-alikes write with the same words: no word is used by offenders only."""
    persons, accounts = truth
    by: dict[str, Counter[str]] = {"off": Counter(), "legit": Counter()}
    for m in tables["messages"]:
        cohort = persons[accounts[m["sender_account_id"]]["person_id"]]["cohort"]
        if cohort in ("offender_payer", "facilitator"):
            by["off"].update(_words(m["text"]))
        elif cohort not in OFFENDER_COHORTS:
            by["legit"].update(_words(m["text"]))
    assert by["off"], "some offender pairs chat"
    assert set(by["off"]) <= set(by["legit"])
    for w in ("send", "first", "load", "show", "private", "cam", "wallet"):
        assert by["legit"][w] > 0, w


# ---- ids, determinism, views ---------------------------------------------------------------------


def test_file_order_reveals_nothing(full: Path, truth: tuple) -> None:
    persons, accounts = truth
    rows = read(full / "bundle" / "accounts.csv")
    ids = [r["account_id"] for r in rows]
    assert ids == sorted(ids)
    pos = [
        i / len(ids)
        for i, a in enumerate(ids)
        if persons[accounts[a]["person_id"]]["cohort"] in OFFENDER_COHORTS
    ]
    assert pos and 0.25 < sum(pos) / len(pos) < 0.75
    pids = list(persons)
    assert pids == sorted(pids)
    assert all(re.fullmatch(r"person-[0-9a-f]{12}", p) for p in pids)


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*.csv")) + [root / "truth" / "params.json"]
    }


def test_deterministic_regardless_of_hash_seed(full: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    env = dict(os.environ, PYTHONHASHSEED="4242")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.world_m.generator",
            str(out),
            "--seed",
            str(SEED),
            "--customers",
            str(N),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    a, b = _tree(full), _tree(out)
    assert a.keys() == b.keys()
    for k in a:
        assert a[k] == b[k], f"{k} differs between runs"


def test_receiver_view(tmp_path: Path) -> None:
    generate(tmp_path, SEED, N, "receiver", True)
    b = tmp_path / "bundle"
    tx = read(b / "transactions.csv")
    assert tx and all(t["source"] in PH_SOURCES for t in tx)
    assert all(a["source"] in PH_SOURCES for a in read(b / "accounts.csv"))
    assert all(p["source"] in PH_SOURCES for p in read(b / "parties.csv"))
    assert not read(b / "sessions.csv") and not read(b / "messages.csv")
    listed = {a["account_id"] for a in read(b / "accounts.csv")}
    foreign = {t["sender_account_id"] for t in tx if t["sender_country"] not in ("", "PH")}
    assert foreign and not foreign & listed, "foreign senders are seen only as inbound credits"
    persons = {r["person_id"]: r for r in read(tmp_path / "truth" / "persons.csv")}
    payers = [p for p in persons.values() if p["cohort"] == "offender_payer"]
    assert payers and sum("inbound_only" in p["traits"] for p in payers) > 0.5 * len(payers)
    accounts = {r["account_id"] for r in read(tmp_path / "truth" / "accounts.csv")}
    assert {t["sender_account_id"] for t in tx} <= accounts


def test_platform_view(tmp_path: Path) -> None:
    generate(tmp_path, SEED, N, "platform", True)
    b = tmp_path / "bundle"
    assert all(a["source"] == "kwentocam" for a in read(b / "accounts.csv"))
    assert all(p["source"] == "kwentocam" for p in read(b / "parties.csv"))
    assert read(b / "sessions.csv") and read(b / "messages.csv")
    tx = read(b / "transactions.csv")
    assert all(t["source"] == "kwentocam" for t in tx)
    persons = {r["person_id"]: r for r in read(tmp_path / "truth" / "persons.csv")}
    cohorts = Counter(p["cohort"] for p in persons.values())
    assert cohorts["offender_payer"] and cohorts["facilitator"] and cohorts["sextortion_victim"]


def test_no_chat(full: Path, tmp_path: Path) -> None:
    generate(tmp_path, SEED, N, "full", False)
    b = tmp_path / "bundle"
    assert (b / "messages.csv").read_text().strip().count("\n") == 0
    # everything else is the same world
    assert (b / "transactions.csv").read_bytes() == (full / "bundle" / "transactions.csv").read_bytes()
    assert (b / "sessions.csv").read_bytes() == (full / "bundle" / "sessions.csv").read_bytes()
    persons = read(tmp_path / "truth" / "persons.csv")
    assert not any("chat" in p["traits"].split(";") for p in persons)
