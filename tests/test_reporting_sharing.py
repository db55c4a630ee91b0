"""Keyed-hash signal sharing: a round trip between two organisations that never see raw values."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tanglaw.engine.workspace import open_workspace
from tanglaw.errors import BundleError, TanglawError
from tanglaw.reporting.casedata import load_case
from tanglaw.reporting.sharing import (
    KINDS,
    SCHEME,
    case_identifiers,
    export_signals,
    key_check,
    keyed_hash,
    load_key,
    match_signals,
    new_key,
    normalise,
    read_partner_file,
    workspace_identifiers,
)

from .test_reporting_world import first_case, run_world


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return run_world("a", tmp_path_factory), run_world("b", tmp_path_factory)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "shared.key"
    path.write_text(new_key() + "\n", encoding="utf-8")
    return path


def _export(out: Path, key: bytes, org: str, folder: Path) -> tuple[Path, Path, list[str]]:
    engine = open_workspace(out)
    try:
        case = load_case(engine, first_case(out))
    finally:
        engine.con.close()
    res = export_signals(case, key, org, folder / "signals.json", folder / "signals-private.csv")
    raw = sorted({i.value for i in case_identifiers(case)})
    return res.shared_file, res.private_file, raw


def _match(out: Path, partner: Path, key: bytes) -> list[dict[str, str]]:
    engine = open_workspace(out)
    try:
        return match_signals(read_partner_file(partner), key, workspace_identifiers(engine))
    finally:
        engine.con.close()


def test_normalisation() -> None:
    assert normalise("email", "  Maria.Santos@Example.COM ") == "maria.santos@example.com"
    assert normalise("email", "not-an-email") is None
    assert normalise("phone", "+63 917 000 0001") == normalise("phone", "0917-000-0001") == "170000001"
    assert normalise("phone", "12345") is None
    assert normalise("username", "@Sunny_Host_01") == "sunny_host_01"
    assert normalise("payment_account", "gb29 nwbk-6016.1331 9268 19") == "GB29NWBK60161331926819"
    key = bytes(32)
    assert keyed_hash(key, "email", "a@example.com") != keyed_hash(key, "username", "a@example.com")
    assert keyed_hash(key, "email", "a@example.com") != keyed_hash(b"\x01" * 32, "email", "a@example.com")


def test_round_trip_matches_on_both_sides_without_raw_identifiers(
    runs: tuple[Path, Path], key_file: Path, tmp_path: Path
) -> None:
    run_a, run_b = runs
    key = load_key(key_file)
    # A → B
    shared_a, private_a, raw_a = _export(run_a, key, "Example Remit A", tmp_path / "a")
    text = shared_a.read_text(encoding="utf-8")
    doc = json.loads(text)
    assert doc["scheme"] == SCHEME and doc["key_check"] == key_check(key) and doc["signals"]
    assert set(doc) == {"scheme", "from", "created", "key_check", "case_ref", "marking", "signals"}
    assert doc["marking"] == "TLP:AMBER" and re.fullmatch(r"[0-9a-f]{16}", doc["case_ref"])
    for sig in doc["signals"]:
        assert set(sig) == {"kind", "hash", "ref"} and sig["kind"] in KINDS
        assert re.fullmatch(r"[0-9a-f]{64}", sig["hash"]) and re.fullmatch(r"[0-9a-f]{16}", sig["ref"])
    for value in [v for v in raw_a if len(v) > 4] + ["maria", "santos", "tgl-"]:
        assert value.lower() not in text.lower(), f"raw value {value!r} leaked into the shared file"
    matches_b = _match(run_b, shared_a, key)
    kinds_b = {(m["kind"], m["party_id"]) for m in matches_b}
    # B holds Maria's phone in national form and Bob's email in other case: both still match
    assert ("phone", "B-P3") in kinds_b and ("email", "B-P3") in kinds_b
    assert ("email", "B-P5") in kinds_b and ("phone", "B-P1") in kinds_b
    assert all(m["partner"] == "Example Remit A" and m["provenance"] for m in matches_b)
    # the private file lets A resolve B's question about a ref back to its own record
    with open(private_a, encoding="utf-8", newline="") as fh:
        private = {r["ref"]: r for r in csv.DictReader(fh)}
    asked = next(m for m in matches_b if m["kind"] == "phone" and m["party_id"] == "B-P3")
    assert private[asked["partner_ref"]]["party_id"] == "P3"
    # B → A
    shared_b, _, raw_b = _export(run_b, key, "Example Bank B", tmp_path / "b")
    text_b = shared_b.read_text(encoding="utf-8")
    assert not any(v.lower() in text_b.lower() for v in raw_b if len(v) > 4)
    matches_a = _match(run_a, shared_b, key)
    assert {("phone", "P3"), ("email", "P5")} <= {(m["kind"], m["party_id"]) for m in matches_a}
    # account ids differ between the organisations: no payment account matches, as it should be
    assert not any(m["kind"] == "payment_account" for m in matches_a + matches_b)


def test_wrong_key_and_bad_files_are_refused(runs: tuple[Path, Path], key_file: Path, tmp_path: Path) -> None:
    run_a, run_b = runs
    shared, _, _ = _export(run_a, load_key(key_file), "A", tmp_path)
    with pytest.raises(TanglawError, match="different key"):
        _match(run_b, shared, bytes.fromhex(new_key()))
    doc = json.loads(shared.read_text(encoding="utf-8"))
    doc["signals"][0]["hash"] = "maria@example.com"
    bad = tmp_path / "tampered.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(BundleError, match="signal 1 is not a"):
        read_partner_file(bad)
    other = tmp_path / "other.json"
    other.write_text('{"scheme": "v0", "signals": []}', encoding="utf-8")
    with pytest.raises(BundleError, match="this version reads 'tanglaw-share-v1' only"):
        read_partner_file(other)
    short = tmp_path / "short.key"
    short.write_text("abcd", encoding="utf-8")
    with pytest.raises(TanglawError, match="at least 32"):
        load_key(short)


def test_share_cli_round_trip(runs: tuple[Path, Path], tmp_path: Path) -> None:
    from tanglaw.cli import app

    run_a, run_b = runs
    runner = CliRunner()
    key = tmp_path / "keys" / "partner.key"
    assert runner.invoke(app, ["share", "keygen", str(key)]).exit_code == 0
    assert key.stat().st_mode & 0o077 == 0
    assert runner.invoke(app, ["share", "keygen", str(key)]).exit_code == 2
    r = runner.invoke(
        app,
        [
            "share",
            "export",
            first_case(run_a),
            "--out",
            str(run_a),
            "--key",
            str(key),
            "--dest",
            str(tmp_path),
        ],
    )
    assert r.exit_code == 0, r.output
    sent = tmp_path / f"{first_case(run_a)}.signals.json"
    dest = tmp_path / "matches.csv"
    r = runner.invoke(
        app, ["share", "match", str(sent), "--out", str(run_b), "--key", str(key), "--dest", str(dest)]
    )
    assert r.exit_code == 0, r.output
    assert "match(es)" in r.output
    with open(dest, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {"partner", "kind", "account_id", "party_id", "partner_ref", "provenance"} <= set(rows[0])


def test_matches_become_indicators_with_provenance(
    runs: tuple[Path, Path], key_file: Path, tmp_path: Path
) -> None:
    import shutil

    from tanglaw.cli.reports import share_match_command

    run_a, run_b = runs
    key = load_key(key_file)
    shared_a, _, _ = _export(run_a, key, "Example Remit A", tmp_path / "a")
    b_copy = tmp_path / "b-run"
    shutil.copytree(run_b, b_copy)
    share_match_command(shared_a, b_copy, key_file)
    with open(b_copy / "indicators.csv", encoding="utf-8", newline="") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["code"] == "SHARED_SIGNAL_MATCH" and r["evidence"].startswith("Example Remit A ")
        ]
    assert rows, "no match was recorded as an indicator"
    assert all(
        r["evidence"].startswith("Example Remit A holds this ") and float(r["weight"]) == 0 for r in rows
    )
    assert all("keyed-hash match" in r["evidence"] and r["case_id"] for r in rows)
    # matching twice records each match once
    share_match_command(shared_a, b_copy, key_file)
    with open(b_copy / "indicators.csv", encoding="utf-8", newline="") as fh:
        again = [
            r
            for r in csv.DictReader(fh)
            if r["code"] == "SHARED_SIGNAL_MATCH" and r["evidence"].startswith("Example Remit A ")
        ]
    assert len(again) == len(rows)
