"""Self-check of the independent external-world generator (tests/external_world).

It checks the fixture against the data contract with its own small readers, so that a failure
in Tanglaw on this bundle can be blamed on Tanglaw, not on the fixture.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import sys
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.external_world.generator import generate, main  # noqa: E402

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
    "fx_rates": {"date", "currency", "usd_per_unit"},
}
TS = {
    "parties": ["created_at"],
    "accounts": ["opened_at", "closed_at"],
    "transactions": ["timestamp"],
    "sessions": ["started_at", "ended_at"],
}
CC = {
    "parties": ["country"],
    "accounts": ["country"],
    "transactions": ["sender_country", "receiver_country"],
    "sessions": ["host_country", "viewer_country"],
}
CUR = {"transactions": ["currency"], "sessions": ["currency"], "fx_rates": ["currency"]}
DEC = {"transactions": ["amount"], "sessions": ["paid_amount"], "fx_rates": ["usd_per_unit"]}
BOOL = {"sessions": ["private"]}
DATE = {"parties": ["birth_date"], "fx_rates": ["date"]}
IDS = {"parties": "party_id", "accounts": "account_id", "transactions": "txn_id"}

TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$")
DEC_RE = re.compile(r"^-?\d+(\.\d+)?$")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def read_table(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A deliberately plain reader: every value as a string, missing = ''."""
    name = path.name
    if name.endswith(".parquet"):
        t = pq.read_table(path)
        rows = [{k: _cell(v) for k, v in r.items()} for r in t.to_pylist()]
        return t.column_names, rows
    raw = path.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8")
    if ".csv" in name:
        rd = csv.DictReader(io.StringIO(text, newline=""))
        rows = list(rd)
        return list(rd.fieldnames or []), rows
    rows, cols = [], None
    for line in text.splitlines():
        obj = json.loads(line)
        assert isinstance(obj, dict)
        cols = cols or list(obj)
        assert list(obj) == cols, f"{name}: keys differ between lines"
        rows.append({k: _cell(v) for k, v in obj.items()})
    return cols or [], rows


def load_bundle(out: Path) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    tables = {}
    for f in sorted((out / "bundle").iterdir()):
        stem = f.name.split(".")[0]
        assert stem not in tables, f"two files for table {stem}"
        tables[stem] = read_table(f)
    return tables


def load_csv(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ext") / "w"
    generate(out, seed=11, customers=1200)
    return out


def test_deterministic_and_seed_sensitive(tmp_path, world):
    generate(tmp_path / "again", seed=11, customers=1200)
    generate(tmp_path / "other", seed=12, customers=1200)
    a, b, c = load_bundle(world), load_bundle(tmp_path / "again"), load_bundle(tmp_path / "other")
    assert a == b
    assert a["transactions"] != c["transactions"]
    for f in ("persons.csv", "accounts.csv"):
        assert (world / "truth" / f).read_bytes() == (tmp_path / "again" / "truth" / f).read_bytes()


def test_mixed_formats(world):
    names = sorted(p.name for p in (world / "bundle").iterdir())
    assert names == [
        "accounts.parquet",
        "fx_rates.jsonl.gz",
        "parties.jsonl",
        "sessions.csv",
        "transactions.csv.gz",
    ]


def _check_contract(tables):
    assert "transactions" in tables
    for name, (cols, rows) in tables.items():
        assert rows, name
        missing = REQUIRED[name] - set(cols)
        assert not missing, f"{name}: missing required columns {missing}"
        for col in REQUIRED[name] - {"usd_per_unit"}:
            assert all(r[col] != "" for r in rows), f"{name}.{col} has empty values"
        for col in TS.get(name, []):
            for r in rows if col in cols else []:
                v = r[col]
                if v:
                    assert TS_RE.match(v), f"{name}.{col}: {v!r}"
                    assert datetime.fromisoformat(v).tzinfo is not None, v
        for col in CC.get(name, []):
            bad = {r[col] for r in rows if col in cols and not re.fullmatch(r"|[A-Z]{2}", r[col])}
            assert not bad, f"{name}.{col}: {bad}"
        for col in CUR.get(name, []):
            bad = {r[col] for r in rows if col in cols and not re.fullmatch(r"|[A-Z]{3}", r[col])}
            assert not bad, f"{name}.{col}: {bad}"
        for col in DEC.get(name, []):
            for r in rows if col in cols else []:
                v = r[col]
                assert v == "" or DEC_RE.match(v), f"{name}.{col}: {v!r}"
        for col in BOOL.get(name, []):
            bad = {r[col] for r in rows if col in cols} - {"true", "false", "1", "0", ""}
            assert not bad, f"{name}.{col}: {bad}"
        for col in DATE.get(name, []):
            for r in rows if col in cols else []:
                if r[col]:
                    datetime.strptime(r[col], "%Y-%m-%d")
        if name in IDS:
            ids = [r[IDS[name]] for r in rows]
            assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    _, tx = tables["transactions"]
    assert all(float(r["amount"]) > 0 for r in tx)
    _, sess = tables["sessions"]
    pairs = [(r["session_id"], r["viewer_account_id"]) for r in sess]
    assert len(pairs) == len(set(pairs))
    # party_id is unique across the bundle; accounts point at existing parties
    party_ids = {r["party_id"] for r in tables["parties"][1]}
    assert {r["party_id"] for r in tables["accounts"][1]} - {""} <= party_ids


def test_contract(world):
    _check_contract(load_bundle(world))


def test_truth(world):
    tables = load_bundle(world)
    persons = {r["person_id"]: r for r in load_csv(world / "truth" / "persons.csv")}
    tacc = load_csv(world / "truth" / "accounts.csv")
    assert len({r["account_id"] for r in tacc}) == len(tacc)
    amap = {r["account_id"]: r for r in tacc}
    seen = {r["account_id"] for r in tables["accounts"][1]}
    for r in tables["transactions"][1]:
        seen |= {r["sender_account_id"], r["receiver_account_id"]}
    for r in tables["sessions"][1]:
        seen |= {r["host_account_id"], r["viewer_account_id"]}
    seen.discard("")
    assert seen <= set(amap), f"unmapped accounts: {sorted(seen - set(amap))[:5]}"
    assert all(r["person_id"] in persons for r in tacc)
    bundle_party = {r["account_id"]: r["party_id"] for r in tables["accounts"][1]}
    for acc, party in bundle_party.items():
        assert amap[acc]["party_id"] == party
    cohorts = {}
    for p in persons.values():
        cohorts[p["cohort"]] = cohorts.get(p["cohort"], 0) + 1
        if p["cohort"] == "offender_payer":
            assert p["role"] == "payer" and p["network_id"]
        elif p["cohort"] == "facilitator":
            assert p["role"] == "facilitator" and p["network_id"]
        elif p["cohort"] == "sextortion_victim":
            assert p["role"] == "victim"
        elif p["cohort"] != "extortionist":
            assert p["role"] == "" and p["network_id"] == "", p
    for c in (
        "offender_payer",
        "facilitator",
        "sextortion_victim",
        "diaspora_remitter",
        "romance_victim",
        "webcam_customer",
        "charity_sponsor",
        "traveller",
        "ordinary",
        "legit_beneficiary",
        "merchant",
        "organization",
    ):
        assert cohorts.get(c, 0) > 0, c
    # every network has at least one payer and one facilitator
    nets: dict[str, set[str]] = {}
    for p in persons.values():
        if p["network_id"]:
            nets.setdefault(p["network_id"], set()).add(p["role"])
    for nid, roles in nets.items():
        if nid.startswith("osec"):
            assert roles == {"payer", "facilitator"}, nid


@pytest.mark.parametrize("fmt", ["csv", "jsonl.gz", "parquet"])
def test_other_formats(tmp_path, fmt):
    generate(tmp_path / "w", seed=3, customers=300, fmt=fmt)
    tables = load_bundle(tmp_path / "w")
    assert all(p.name.endswith("." + fmt) for p in (tmp_path / "w" / "bundle").iterdir())
    _check_contract(tables)
    if fmt == "parquet":
        t = pq.read_table(tmp_path / "w" / "bundle" / "transactions.parquet")
        assert t.schema.field("amount").type == pa.float64()


def test_cli(tmp_path, capsys):
    assert main([str(tmp_path / "c"), "--seed", "2", "--customers", "200", "--fmt", "csv"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["rows"]["transactions"] > 0
    # a rerun in another format must not leave the old files behind
    generate(tmp_path / "c", seed=2, customers=200, fmt="parquet")
    assert sorted(p.suffix for p in (tmp_path / "c" / "bundle").iterdir()) == [".parquet"] * 5
