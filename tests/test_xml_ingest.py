"""XML tips in a bundle: read into the reports table; hostile XML refused whole, nothing written."""

from __future__ import annotations

from pathlib import Path

import duckdb

from .conftest import invoke
from .test_reporting_tips import TIP


def test_reports_xml_in_a_bundle(tmp_path: Path, runner, network_bundle: Path) -> None:
    (network_bundle / "reports.xml").write_text(TIP)
    out = tmp_path / "out"
    res = invoke(runner, "run", network_bundle, "--out", out, "-q")
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(out / "workspace.duckdb"), read_only=True)
    rows = con.execute(
        "SELECT report_id, incident_type, account_ids, payment_accounts, country FROM reports"
    ).fetchall()
    assert rows == [("CT-1001", "trafficking", "S1", "B1", "PH")]


def test_hostile_xml_is_refused_and_keeps_the_previous_run(
    tmp_path: Path, runner, network_bundle: Path
) -> None:
    out = tmp_path / "out"
    assert invoke(runner, "run", network_bundle, "--out", out, "-q").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (network_bundle / "reports.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n<report>&x;</report>\n'
    )
    res = invoke(runner, "run", network_bundle, "--out", out)
    assert res.exit_code == 2
    assert res.stderr.startswith("reports.xml:2: a DOCTYPE is not allowed")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_xml_only_for_reports(tmp_path: Path, runner, network_bundle: Path) -> None:
    (network_bundle / "sessions.xml").write_text("<sessions/>")
    res = invoke(runner, "run", network_bundle, "--out", tmp_path / "out")
    assert res.exit_code == 2
    assert "sessions.xml: XML is read for reports only" in res.stderr
