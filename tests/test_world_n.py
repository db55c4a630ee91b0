"""Self-test of world N (tests/world_n), the blind synthetic evaluation world written in the thirteenth
pass (< 30 s)."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tanglaw import contract  # only the table / column declarations
from tests.world_n import generate, vocab
from tests.world_n.generator import INST, PH_INST, PLATFORM

HERE = Path(__file__).resolve().parent

N = 2000
SEED = int(os.environ.get("WORLD_N_TEST_SEED", "7"))


@pytest.fixture(scope="module")
def worlds(tmp_path_factory):
    out = {}
    for view in ("full", "receiver", "platform"):
        d = tmp_path_factory.mktemp(view)
        generate(d, SEED, N, view=view)
        out[view] = d
    d = tmp_path_factory.mktemp("nochat")
    generate(d, SEED, N, view="full", chat=False)
    out["nochat"] = d
    return out


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def table(world, name):
    p = world / "bundle" / f"{name}.csv"
    return rows(p) if p.exists() else []


CC_RE = re.compile(r"^[A-Z]{2}$")
CUR_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_value(col, v):
    if v == "":
        return not col.required
    t = col.type
    if t == "ts":
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
        return dt.tzinfo is not None
    if t == "date":
        return bool(DATE_RE.match(v))
    if t in ("dec", "int"):
        x = float(v)
        if t == "int" and not re.match(r"^-?\d+$", v):
            return False
        if col.minimum is not None and (x < col.minimum or (col.exclusive_minimum and x == col.minimum)):
            return False
        if col.maximum is not None and x > col.maximum:
            return False
        return True
    if t == "cc":
        return bool(CC_RE.match(v))
    if t == "cur":
        return bool(CUR_RE.match(v))
    if t == "bool":
        return v.lower() in ("true", "false", "1", "0")
    if col.choices:
        return v.lower() in col.choices
    return True


@pytest.mark.parametrize("view", ["full", "receiver", "platform", "nochat"])
def test_bundle_follows_contract(worlds, view):
    bdir = worlds[view] / "bundle"
    files = sorted(os.listdir(bdir))
    assert files, "empty bundle"
    assert any(f[:-4] in contract.ACTIVITY_TABLES for f in files)
    for fn in files:
        assert fn.endswith(".csv")
        name = fn[:-4]
        assert name in contract.TABLES_BY_NAME, f"{fn} is not a contract table"
        spec = contract.TABLES_BY_NAME[name]
        with open(bdir / fn, newline="", encoding="utf-8") as f:
            rd = csv.reader(f)
            header = next(rd)
            for c in header:
                assert c in spec.column_names, f"{name}.{c} is not in the contract"
            for c in spec.required:
                assert c.name in header, f"{name} lacks required {c.name}"
            cols = [spec.column(c) for c in header]
            keys = set()
            ki = header.index(spec.key) if spec.key else None
            for i, row in enumerate(rd):
                assert len(row) == len(header)
                for col, v in zip(cols, row, strict=True):
                    assert check_value(col, v), f"{fn}:{i + 2}: {col.name}: {v!r}"
                if ki is not None:
                    assert row[ki] not in keys, f"duplicate {spec.key} {row[ki]}"
                    keys.add(row[ki])


@pytest.mark.parametrize("view", ["full", "receiver", "platform"])
def test_truth_covers_every_account(worlds, view):
    w = worlds[view]
    persons = rows(w / "truth" / "persons.csv")
    assert list(persons[0].keys()) == ["person_id", "cohort", "role", "network_id", "traits"]
    pids = {p["person_id"] for p in persons}
    assert len(pids) == len(persons)
    truth = {r["account_id"]: r for r in rows(w / "truth" / "accounts.csv")}
    assert all(r["person_id"] in pids for r in truth.values())
    need = set()
    for r in table(w, "accounts"):
        need.add(r["account_id"])
    for r in table(w, "transactions"):
        need.update((r["sender_account_id"], r["receiver_account_id"]))
    for r in table(w, "sessions"):
        need.add(r["host_account_id"])
        if r["viewer_account_id"]:
            need.add(r["viewer_account_id"])
    for r in table(w, "messages"):
        need.update((r["sender_account_id"], r["recipient_account_id"]))
    missing = need - set(truth)
    assert not missing, f"{len(missing)} accounts without truth, e.g. {sorted(missing)[:3]}"
    party_ids = {r["party_id"] for r in table(w, "parties")}
    for r in truth.values():
        assert r["party_id"] == "" or r["party_id"] in party_ids
    for p in persons:
        assert p["role"] in ("", "payer", "facilitator", "victim")
        if p["role"]:
            assert p["network_id"], p
            if p["role"] != "payer":
                assert ";" not in p["network_id"]
        else:
            assert p["network_id"] == ""
            assert p["cohort"] not in ("offender_payer", "facilitator", "sextortion_victim", "extortionist")


def test_population_and_traits(worlds):
    persons = rows(worlds["full"] / "truth" / "persons.csv")
    cohorts = {p["cohort"] for p in persons}
    for c in (
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
        "romance_victim",
        "romance_mule",
        "charity_sponsor",
        "charity",
        "traveller",
        "ordinary",
        "bpo_worker",
        "parish_collector",
        "paluwagan_collector",
        "load_retailer",
        "foreign_inlaw",
    ):
        assert c in cohorts, c
    payers = [p for p in persons if p["role"] == "payer"]
    tr = [t for p in payers for t in p["traits"].split(";")]
    for t in ("few_payments", "inbound_only", "multi_household", "chat"):
        assert t in tr, t
    for p in payers:
        if "multi_household" in p["traits"]:
            assert ";" in p["network_id"]
    kids = [p for p in persons if p["role"] == "victim" and "child" in p["traits"]]
    assert kids
    truth_people = {r["person_id"] for r in rows(worlds["full"] / "truth" / "accounts.csv")}
    assert sum(1 for k in kids if k["person_id"] not in truth_people) > len(kids) / 2  # mostly no account


def test_inbound_only_payers_are_seen_only_as_senders(worlds):
    w = worlds["full"]
    persons = {p["person_id"]: p for p in rows(w / "truth" / "persons.csv")}
    acc_person = {r["account_id"]: r["person_id"] for r in rows(w / "truth" / "accounts.csv")}
    inbound = {pid for pid, p in persons.items() if "inbound_only" in p["traits"]}
    assert inbound
    listed = {r["account_id"] for r in table(w, "accounts")}
    for aid, pid in acc_person.items():
        if pid in inbound:
            assert aid not in listed
    for t in table(w, "transactions"):
        if acc_person[t["receiver_account_id"]] in inbound:
            raise AssertionError("inbound-only payer received money")
        if acc_person[t["sender_account_id"]] in inbound:
            assert t["source"] in PH_INST
    for s in table(w, "sessions"):
        assert acc_person[s["host_account_id"]] not in inbound
        assert not s["viewer_account_id"] or acc_person[s["viewer_account_id"]] not in inbound


def test_views_differ_as_intended(worlds):
    full, rec, plat = worlds["full"], worlds["receiver"], worlds["platform"]
    ft, rt, pt = table(full, "transactions"), table(rec, "transactions"), table(plat, "transactions")
    assert len(rt) < len(ft) and len(pt) < len(rt)
    # receiver view: only Philippine institutions, credits booked in pesos, no platform data
    assert {r["source"] for r in rt} <= set(PH_INST)
    ph_prefix = {INST[i][4] for i in PH_INST}
    assert all(r["currency"] == "PHP" for r in rt if r["receiver_account_id"].split("-")[0] in ph_prefix)
    assert not (rec / "bundle" / "sessions.csv").exists()
    assert not (rec / "bundle" / "messages.csv").exists()
    assert {r["source"] for r in table(rec, "accounts")} <= set(PH_INST)
    assert {r["source"] for r in table(rec, "parties")} <= set(PH_INST)
    assert {r["source"] for r in table(rec, "reports")} <= {"hotline-ph"}
    # platform view: only the platform's own records
    for name in ("transactions", "accounts", "parties", "sessions", "messages", "media", "reports"):
        assert {r["source"] for r in table(plat, name)} <= {PLATFORM}, name
    assert table(plat, "sessions") and table(plat, "messages")
    # full view: foreign institutions in the bundle appear, out-of-bundle ones never as a source
    srcs = {r["source"] for r in ft}
    assert srcs & {"northgate-bank", "swiftpeso"} and srcs & set(PH_INST)
    assert not {s for s in srcs if s in INST and not INST[s][1]}
    # the same world: ids of shared records agree
    fid = {r["txn_id"]: r for r in ft}
    for r in rt[:500]:
        assert r["txn_id"] in fid and fid[r["txn_id"]]["receiver_account_id"] == r["receiver_account_id"]


def test_no_chat_is_the_same_world_without_messages(worlds):
    a, b = worlds["full"], worlds["nochat"]
    assert not (b / "bundle" / "messages.csv").exists()
    for name in ("transactions", "sessions", "accounts"):
        assert (a / "bundle" / f"{name}.csv").read_bytes() == (b / "bundle" / f"{name}.csv").read_bytes()
    assert not any("chat" in p["traits"].split(";") for p in rows(b / "truth" / "persons.csv"))


WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def allowed_words():
    words = set()
    for s in vocab.PHRASES + vocab.REFERENCES + vocab.REPORT_TEXT:
        words.update(WORD.findall(s.lower()))
    words.update(("order", "invoice", "payout", "thank", "you", "birthday", "christmas", "mama", "skin"))
    return words


def test_text_stays_in_innocuous_vocabulary(worlds):
    ok = allowed_words()
    users = {r["username"] for r in table(worlds["full"], "accounts") if r["username"]}
    texts = [r["text"] for r in table(worlds["full"], "messages")]
    texts += [r["reference"] for r in table(worlds["full"], "transactions")]
    texts += [r["description"] for r in table(worlds["full"], "reports")]
    assert texts
    for t in texts:
        for tok in t.split():
            if tok.startswith("@"):
                assert tok[1:] in users, tok
        body = re.sub(r"@\S+", " ", t.lower())
        for w in WORD.findall(body):
            assert w in ok, f"word {w!r} in {t!r} is outside the innocuous vocabulary"


def test_deterministic_across_hash_seeds(tmp_path):
    digests = []
    for hs in ("0", "4242"):
        out = tmp_path / f"h{hs}"
        env = dict(os.environ, PYTHONHASHSEED=hs)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.world_n.generator",
                str(out),
                "--seed",
                "11",
                "--customers",
                "1200",
            ],
            check=True,
            env=env,
            capture_output=True,
            cwd=HERE.parent,
        )
        h = hashlib.sha256()
        for sub in ("bundle", "truth"):
            for fn in sorted(os.listdir(out / sub)):
                h.update(fn.encode())
                h.update((out / sub / fn).read_bytes())
        digests.append(h.hexdigest())
    assert digests[0] == digests[1]


def test_seeds_differ(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    ca = generate(a, 1, 1500)
    cb = generate(b, 2, 1500)
    assert ca["params"] != cb["params"]
    assert (a / "bundle" / "transactions.csv").read_bytes() != (
        b / "bundle" / "transactions.csv"
    ).read_bytes()
