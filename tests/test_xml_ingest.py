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


def test_tip_naming_a_network_account_lands_in_its_case(tmp_path: Path, runner, network_bundle: Path) -> None:
    """The tip names the facilitator's payout account B1: it joins her case, with its actionability."""
    (network_bundle / "reports.xml").write_text(TIP)
    out = tmp_path / "out"
    assert invoke(runner, "run", network_bundle, "--out", out, "-q").exit_code == 0
    from .conftest import read_csv

    case_id = read_csv(out / "cases.csv")[0]["case_id"]
    tips = read_csv(out / "tips.csv")
    assert [(t["report_id"], t["case_ids"]) for t in tips] == [("CT-1001", case_id)]
    assert "B1 (payment account)" in tips[0]["accounts"]
    tip_ind = [r for r in read_csv(out / "indicators.csv") if r["code"] == "TIP_LINKED"]
    assert len(tip_ind) == 1 and tip_ind[0]["case_id"] == case_id and tip_ind[0]["record_ids"] == "CT-1001"
    assert tip_ind[0]["evidence"].startswith("Tip CT-1001 (trafficking, received 2026-03-13) names B1")
    # report quality is kept apart from danger: the case's score is the same as without the tip
    plain = tmp_path / "plain"
    (network_bundle / "reports.xml").unlink()
    assert invoke(runner, "run", network_bundle, "--out", plain, "-q").exit_code == 0
    assert read_csv(plain / "cases.csv")[0]["score"] == read_csv(out / "cases.csv")[0]["score"]


def test_duplicate_tips_are_grouped(tmp_path: Path, runner, network_bundle: Path) -> None:
    second = TIP.replace('id="CT-1001"', 'id="CT-1002"')
    body = "<tips>" + TIP.split("?>", 1)[1] + second.split("?>", 1)[1] + "</tips>"
    (network_bundle / "reports.xml").write_text('<?xml version="1.0"?>\n' + body)
    out = tmp_path / "out"
    assert invoke(runner, "run", network_bundle, "--out", out, "-q").exit_code == 0
    from .conftest import read_csv

    tips = read_csv(out / "tips.csv")
    assert {t["report_id"] for t in tips} == {"CT-1001", "CT-1002"}
    assert {t["group_id"] for t in tips} == {"CT-1001"} and {t["group_size"] for t in tips} == {"2"}
