"""Self-test of world O (the blind synthetic evaluation world).

Checks every bundle CSV against the data contract (tanglaw.contract: columns and types), the
truth folder against the bundle, determinism whatever PYTHONHASHSEED is, the properties of each
view, and that no forbidden content is ever written. Runs in well under 30 s at ~2000 customers.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import ipaddress
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tanglaw.contract import TABLES_BY_NAME
from tests.world_o import generate

N = 2000
N_DET = 1000  # the two fresh-process runs of the determinism check
SEED = 91

ISO3166 = set(
    """AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN
BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO
DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB
LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA
SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT
TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW""".split()
)
ISO4217 = set(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD
NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP
SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV
WST XAF XCD XOF XPF YER ZAR ZMW ZWL""".split()
)

PH_SOURCES = {"bank-ph-a", "wallet-ph-b", "remit-ph-c", "vasp-ph-d"}
PLATFORM = "vidchat-p"
OFFENDER_COHORTS = {"offender_payer", "facilitator", "sextortion_victim", "extortionist"}
# never written anywhere (sexual or abusive vocabulary)
FORBIDDEN = re.compile(
    r"\b(sex|sexy|sexual(?!\s+exploitation)|nude|nudes|naked|porn\w*|xxx|rape\w*|molest\w*|"
    r"genital\w*|breast\w*|penis|vagina|orgasm\w*|masturbat\w*|cum|horny|fuck\w*|boob\w*|"
    r"strip\w*|undress\w*|csam|pedo\w*|paedo\w*|lolita|preteen|underage\s+girl\w*)\b",
    re.I,
)
DOC_NETS = [
    ipaddress.ip_network(n) for n in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32")
]


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def _dicts(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _tree_hash(root: Path) -> dict[str, str]:
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != "world.json":
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def worlds(tmp_path_factory):
    base = tmp_path_factory.mktemp("world_o")
    # two fresh processes with different hash seeds, started first so they run alongside
    pkg = generate.__module__
    root = Path(sys.modules[pkg].__file__).resolve().parents[len(pkg.split("."))]
    code = f"from {pkg} import generate; import sys; generate(sys.argv[1], {SEED}, {N_DET}, 'full', True)"
    procs = []
    for hs in ("0", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=hs)
        env["PYTHONPATH"] = str(root) + os.pathsep + env.get("PYTHONPATH", "")
        procs.append(
            (
                subprocess.Popen(
                    [sys.executable, "-c", code, str(base / f"det{hs}")], cwd=str(root), env=env
                ),
                base / f"det{hs}",
            )
        )
    info = {
        "full": generate(base / "full", SEED, N, "full", True),
        "receiver": generate(base / "receiver", SEED, N, "receiver", True),
        "platform": generate(base / "platform", SEED, N, "platform", True),
        "nochat": generate(base / "nochat", SEED, N, "full", False),
    }
    for proc, _ in procs:
        assert proc.wait(timeout=120) == 0
    return base, info, [d for _, d in procs]


VIEWS = ["full", "receiver", "platform", "nochat"]


def _check_value(table, col, v, where):
    if v == "":
        assert not col.required, f"{where}: required {col.name} is empty"
        return
    t = col.type
    if t == "ts":
        assert "T" in v and (v.endswith("Z") or re.search(r"[+-]\d\d:\d\d$", v)), f"{where}: naive ts {v!r}"
        x = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
        assert x.tzinfo is not None
    elif t == "date":
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", v), f"{where}: bad date {v!r}"
        dt.date.fromisoformat(v)
    elif t in ("dec", "int"):
        assert re.fullmatch(r"-?\d+(\.\d+)?", v), f"{where}: bad number {v!r}"
        x = float(v)
        if t == "int":
            assert re.fullmatch(r"-?\d+", v)
        if col.minimum is not None:
            assert x > col.minimum if col.exclusive_minimum else x >= col.minimum, f"{where}: {v} too small"
        if col.maximum is not None:
            assert x <= col.maximum
    elif t == "cc":
        assert v in ISO3166, f"{where}: unknown country {v!r}"
    elif t == "cur":
        assert v in ISO4217, f"{where}: unknown currency {v!r}"
    elif t == "bool":
        assert v.lower() in ("true", "false", "1", "0"), f"{where}: bad bool {v!r}"
    if col.choices:
        assert v.lower() in col.choices, f"{where}: {v!r} not in {col.choices}"


@pytest.mark.parametrize("view", VIEWS)
def test_bundle_matches_contract(worlds, view):
    base, _info, _ = worlds
    bundle = base / view / "bundle"
    files = sorted(bundle.iterdir())
    assert files
    activity = False
    for f in files:
        assert f.suffix == ".csv", f
        name = f.stem
        assert name in TABLES_BY_NAME, f"unknown table {name}"
        table = TABLES_BY_NAME[name]
        header, rows = _read(f)
        assert set(header) <= set(table.column_names), (
            f"{name}: unknown columns {set(header) - set(table.column_names)}"
        )
        for c in table.required:
            assert c.name in header, f"{name}: missing required {c.name}"
        cols = [table.column(h) for h in header]
        keys = set()
        for i, row in enumerate(rows, 2):
            assert len(row) == len(header), f"{name}.csv:{i}: {len(row)} fields"
            for col, v in zip(cols, row, strict=True):
                _check_value(table, col, v, f"{name}.csv:{i}: {col.name}")
            if table.key:
                k = row[header.index(table.key)]
                assert k not in keys, f"{name}.csv:{i}: duplicate {table.key} {k}"
                keys.add(k)
        if name in ("transactions", "sessions", "messages", "media", "reports") and rows:
            activity = True
    assert activity


@pytest.mark.parametrize("view", VIEWS)
def test_truth_covers_bundle(worlds, view):
    base, _info, _ = worlds
    b, t = base / view / "bundle", base / view / "truth"
    persons = {r["person_id"]: r for r in _dicts(t / "persons.csv")}
    accts = {r["account_id"]: r for r in _dicts(t / "accounts.csv")}
    assert all(r["person_id"] in persons for r in accts.values())
    parties = {r["party_id"] for r in _dicts(b / "parties.csv")} if (b / "parties.csv").exists() else set()
    for r in accts.values():
        assert r["party_id"] == "" or r["party_id"] in parties
    need = set()
    for name, cols in (
        ("accounts", ["account_id"]),
        ("transactions", ["sender_account_id", "receiver_account_id"]),
        ("sessions", ["host_account_id", "viewer_account_id"]),
        ("messages", ["sender_account_id", "recipient_account_id"]),
    ):
        p = b / f"{name}.csv"
        if p.exists():
            for r in _dicts(p):
                need.update(r[c] for c in cols if r[c])
    missing = need - set(accts)
    assert not missing, f"{len(missing)} bundle accounts missing from truth, e.g. {sorted(missing)[:3]}"
    for r in persons.values():
        assert r["cohort"]
        if r["cohort"] in OFFENDER_COHORTS:
            assert r["role"] in ("payer", "facilitator", "victim") and r["network_id"], r
        elif r["cohort"] == "child_victim":
            assert r["role"] == "victim" and r["network_id"]
        else:
            assert r["role"] == "" and r["network_id"] == "", r
        if r["role"] != "payer":
            assert ";" not in r["network_id"]


def test_determinism_across_hash_seeds(worlds, tmp_path):
    _base, _info, dets = worlds
    a, b = (_tree_hash(d) for d in dets)
    assert a and a == b
    # and the same again in this process (its own hash seed)
    generate(tmp_path / "again", SEED, N_DET, "full", True)
    assert _tree_hash(tmp_path / "again") == a


def test_cohort_rates(worlds):
    _base, info, _ = worlds
    c = info["full"]["cohorts"]
    payers = c["offender_payer"]
    assert 0.0008 * N <= payers <= 0.004 * N + 6
    legit = sum(
        v for k, v in c.items() if k not in OFFENDER_COHORTS | {"child_victim", "merchant", "organization"}
    )
    assert legit > 50 * payers
    for k in (
        "diaspora_remitter",
        "family_recipient",
        "online_seller",
        "seller_customer",
        "adult_performer",
        "adult_customer",
        "partner_abroad",
        "freelancer",
        "romance_victim",
        "romance_mule",
        "charity_sponsor",
        "charity",
        "gamer",
        "game_reseller",
        "student",
        "traveller",
        "crypto_trader",
        "esl_tutor",
        "tutor_parent",
        "load_reseller",
        "ministry",
        "congregant",
        "medical_fundraiser",
        "donor",
        "streamer",
        "fan",
        "sextortion_victim",
        "extortionist",
        "facilitator",
        "ordinary",
    ):
        assert c.get(k, 0) > 0, k
    traits = {}
    for r in _dicts(_base / "full" / "truth" / "persons.csv"):
        for tr in filter(None, r["traits"].split(";")):
            traits[tr] = traits.get(tr, 0) + 1
    assert traits.get("chat", 0) > 0
    for r in _dicts(_base / "full" / "truth" / "persons.csv"):
        if "few_payments" in r["traits"].split(";") or "multi_household" in r["traits"].split(";"):
            assert r["cohort"] == "offender_payer"
            assert (";" in r["network_id"]) == ("multi_household" in r["traits"])


def test_view_full(worlds):
    base, _info, _ = worlds
    b = base / "full" / "bundle"
    srcs = {r["source"] for r in _dicts(b / "transactions.csv")}
    assert PH_SOURCES & srcs and {"bank-us-e", "remit-intl-j"} <= srcs
    assert (b / "sessions.csv").exists() and (b / "messages.csv").exists()
    assert {r["source"] for r in _dicts(b / "reports.csv")} <= {"hotline-ph-r", PLATFORM}
    banned = [r for r in _dicts(b / "accounts.csv") if r["banned_reason"]]
    assert banned


def test_view_receiver(worlds):
    base, _info, _ = worlds
    b = base / "receiver" / "bundle"
    assert not (b / "sessions.csv").exists() and not (b / "messages.csv").exists()
    assert not (b / "reports.csv").exists()
    for name in ("parties", "accounts"):
        assert {r["source"] for r in _dicts(b / f"{name}.csv")} <= PH_SOURCES
    txns = _dicts(b / "transactions.csv")
    assert {r["source"] for r in txns} <= PH_SOURCES
    inbound = 0
    for r in txns:
        assert "PH" in (r["sender_country"], r["receiver_country"])
        assert r["channel"] != "card"  # no trips, no foreign card spending
        if r["sender_country"] != "PH" and r["receiver_country"] == "PH":
            inbound += 1
    assert inbound > 0
    persons = {r["person_id"]: r for r in _dicts(base / "receiver" / "truth" / "persons.csv")}
    pay = [r for r in persons.values() if r["cohort"] == "offender_payer"]
    assert pay and sum("inbound_only" in r["traits"] for r in pay) >= len(pay) // 2


def test_view_platform(worlds):
    base, _info, _ = worlds
    b = base / "platform" / "bundle"
    for name in ("parties", "accounts", "transactions", "sessions", "messages", "reports"):
        p = b / f"{name}.csv"
        if p.exists():
            assert {r["source"] for r in _dicts(p)} <= {PLATFORM}, name
    assert (b / "sessions.csv").exists()
    assert {r["kind"] for r in _dicts(b / "accounts.csv")} <= {"platform", "merchant"}


def test_view_nochat(worlds):
    base, _info, _ = worlds
    assert not (base / "nochat" / "bundle" / "messages.csv").exists()
    assert (base / "nochat" / "bundle" / "sessions.csv").exists()
    for r in _dicts(base / "nochat" / "truth" / "persons.csv"):
        assert "chat" not in r["traits"].split(";")


@pytest.mark.parametrize("view", ["full", "receiver", "platform"])
def test_no_forbidden_content(worlds, view):
    base, _info, _ = worlds
    b = base / view / "bundle"
    text_cols = {
        "name",
        "address",
        "city",
        "reference",
        "merchant_name",
        "sender_name",
        "receiver_name",
        "text",
        "description",
        "username",
        "display_name",
        "banned_reason",
        "usernames",
        "incident_type",
        "email",
        "emails",
        "urls",
    }
    for f in sorted(b.glob("*.csv")):
        header, rows = _read(f)
        idx = [
            (i, h)
            for i, h in enumerate(header)
            if h in text_cols or h in ("phone", "phones", "host_ip", "viewer_ip", "ips")
        ]
        seen: set[str] = set()
        for n, row in enumerate(rows, 2):
            for i, h in idx:
                v = row[i]
                if not v or v in seen:
                    continue
                seen.add(v)
                if h in text_cols:
                    assert not FORBIDDEN.search(v), f"{f.name}:{n}: {h}: {v!r}"
                if h in ("email", "emails"):
                    for e in v.split(";"):
                        assert re.fullmatch(r"[^@\s]+@([a-z0-9-]+\.)*example\.(com|org)", e), e
                elif h in ("phone", "phones"):
                    for p in v.split(";"):
                        assert " 555 " in p, p
                elif h in ("host_ip", "viewer_ip", "ips"):
                    for ip in v.split(";"):
                        a = ipaddress.ip_address(ip)
                        assert any(a in net for net in DOC_NETS), ip
                elif h == "urls":
                    for u in v.split(";"):
                        assert re.match(r"https://([a-z0-9-]+\.)*example\.(com|org)/", u), u


def test_indicator_words_shared_by_lookalikes(worlds):
    """Offenders' chat words are published, innocuous ones, and look-alikes use them more often."""
    base, _info, _ = worlds
    assert FORBIDDEN.search("nude") and not FORBIDDEN.search("send first po")
    t = base / "full" / "truth"
    person = {r["account_id"]: r["person_id"] for r in _dicts(t / "accounts.csv")}
    cohort = {r["person_id"]: r["cohort"] for r in _dicts(t / "persons.csv")}
    off, legit = {}, {}
    for r in _dicts(base / "full" / "bundle" / "messages.csv"):
        c = cohort[person[r["sender_account_id"]]]
        bucket = off if c in OFFENDER_COHORTS else legit
        low = r["text"].lower()
        for wd in ("send first", "live", "load", "cam", "baby", " po", "show", "private"):
            if wd in low:
                bucket[wd] = bucket.get(wd, 0) + 1
    for wd in ("send first", "live", "load", "cam", "baby", " po", "show", "private"):
        assert legit.get(wd, 0) > off.get(wd, 0), wd
