"""CyberTipline-style XML tips: mapped to the contract's `reports` rows, hostile files refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tanglaw.contract import REPORTS
from tanglaw.errors import BundleError
from tanglaw.stages.ingest import tip_xml
from tanglaw.stages.ingest.tip_xml import read_tip_xml

TIP = """<?xml version="1.0" encoding="UTF-8"?>
<report id="CT-1001">
  <incidentSummary>
    <incidentType>Child Sex Trafficking</incidentType>
    <platform>stream-x</platform>
    <escalateToHighPriority>payments in the last 14 days</escalateToHighPriority>
    <incidentDateTime>2026-03-14T02:00:00+08:00</incidentDateTime>
  </incidentSummary>
  <internetDetails>
    <webPageIncident><url>https://stream.example.com/u/sunny_host_01</url></webPageIncident>
  </internetDetails>
  <internetDetails>
    <chatImIncident><chatClient>stream-x</chatClient><additionalInfo>private live sessions</additionalInfo></chatImIncident>
  </internetDetails>
  <reporter><reportingPerson><firstName>Ana</firstName><email>tips@example.com</email></reportingPerson></reporter>
  <personOrUserReported>
    <personOrUserReportedPerson>
      <firstName>Maria</firstName><lastName>Santos</lastName>
      <phone>+63 917 000 0001</phone><email>Maria.Santos@example.com</email>
    </personOrUserReportedPerson>
    <espIdentifier>S1</espIdentifier>
    <screenName>sunny_host_01</screenName>
    <ipCaptureEvent><ipAddress>192.0.2.10</ipAddress><eventName>Login</eventName></ipCaptureEvent>
    <estimatedLocation><countryCode>PH</countryCode></estimatedLocation>
    <associatedAccount type="Billing"><platform>remit-x</platform><espIdentifier>B1</espIdentifier></associatedAccount>
  </personOrUserReported>
  <victim>
    <victimPerson><age>12</age></victimPerson>
  </victim>
  <additionalInfo>school fees; gift</additionalInfo>
</report>
"""


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(BundleError) as e:
        read_tip_xml(path)
    lines = e.value.lines()
    assert len(lines) == 1, lines
    assert re.match(rf"^{re.escape(path.name)}:\d+: ", lines[0]), lines[0]
    return lines[0]


def test_a_tip_becomes_one_reports_row(tmp_path: Path) -> None:
    rows = read_tip_xml(_write(tmp_path, "tip.xml", TIP))
    assert len(rows) == 1
    row = rows[0]
    assert tuple(row) == REPORTS.column_names
    assert row["report_id"] == "CT-1001"
    assert row["source"] == "stream-x"
    assert row["received_at"] == "2026-03-14T02:00:00+08:00"
    assert row["incident_type"] == "trafficking"
    assert row["account_ids"] == "S1"
    assert row["payment_accounts"] == "B1"
    assert row["usernames"] == "sunny_host_01"
    assert row["emails"] == "maria.santos@example.com"
    assert row["phones"] == "+63 917 000 0001"
    assert row["ips"] == "192.0.2.10"
    assert row["urls"] == "https://stream.example.com/u/sunny_host_01"
    assert row["country"] == "PH"
    assert "Escalated: payments in the last 14 days" in row["description"]
    assert "chatImIncident: private live sessions" in row["description"]


def test_namespaces_are_ignored(tmp_path: Path) -> None:
    namespaced = TIP.replace("<report ", '<report xmlns="urn:example:tips" ')
    assert read_tip_xml(_write(tmp_path, "ns.xml", namespaced)) == read_tip_xml(
        _write(tmp_path, "tip.xml", TIP)
    )


def test_several_reports_in_one_file_and_generated_ids(tmp_path: Path) -> None:
    body = TIP.split("?>", 1)[1].replace(' id="CT-1001"', "")
    rows = read_tip_xml(_write(tmp_path, "batch.xml", f"<tips>{body}{body}</tips>"))
    assert [r["report_id"] for r in rows] == ["batch-1", "batch-2"]
    dup = TIP.split("?>", 1)[1]
    assert "appears twice" in _refusal(_write(tmp_path, "dup.xml", f"<tips>{dup}{dup}</tips>"))


def test_an_exported_cybertip_report_reads_back_as_a_tip(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from tanglaw.engine.workspace import open_workspace
    from tanglaw.reporting.casedata import load_case
    from tanglaw.reporting.cybertip import cybertip_report
    from tanglaw.reporting.settings import ReporterSettings

    from .test_reporting_world import first_case, run_world

    out = run_world("a", tmp_path_factory)
    engine = open_workspace(out)
    try:
        case = load_case(engine, first_case(out))
    finally:
        engine.con.close()
    row = read_tip_xml(_write(tmp_path, "roundtrip.xml", cybertip_report(case, ReporterSettings())))[0]
    assert set(row["payment_accounts"].split(";")) >= {"B1", "A1", "A5", "A6"}
    assert set(row["usernames"].split(";")) >= {"sunny_host_01", "night_owl_77"}
    assert "192.0.2.10" in row["ips"].split(";")
    assert row["incident_type"] == "trafficking"


def test_external_entity_is_refused(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE report [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
        "<report><additionalInfo>&secret;</additionalInfo></report>\n"
    )
    line = _refusal(_write(tmp_path, "xxe.xml", xxe))
    assert line.startswith("xxe.xml:2: a DOCTYPE is not allowed")


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lol = "\n".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    text = f'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol0 "lol">\n{lol}\n]>\n<report>&lol9;</report>\n'
    assert _refusal(_write(tmp_path, "lol.xml", text)).startswith("lol.xml:2: a DOCTYPE is not allowed")


def test_entity_declaration_without_doctype_check_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """defusedxml's entity check is a second wall behind the DOCTYPE refusal."""
    from defusedxml.ElementTree import DefusedXMLParser

    class AllowDoctype(DefusedXMLParser):  # type: ignore[misc]
        def __init__(self, **kw: object) -> None:
            kw["forbid_dtd"] = False
            super().__init__(**kw)

    monkeypatch.setattr(tip_xml, "DefusedXMLParser", AllowDoctype)
    text = '<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY a "b">\n]>\n<report>&a;</report>\n'
    assert "entity declaration 'a' is not allowed" in _refusal(_write(tmp_path, "ent.xml", text))


def test_100_mb_of_nesting_is_refused_early(tmp_path: Path) -> None:
    path = tmp_path / "deep.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<report>\n' + b"<a>" * 35_000_000)
    assert path.stat().st_size > 100_000_000
    line = _refusal(path)
    path.unlink()  # do not leave 100 MB behind in pytest's kept temp folders
    assert line == "deep.xml:3: elements are nested more than 40 deep; refused"


def test_oversized_malformed_and_incomplete_files_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "not well-formed XML: mismatched tag" in _refusal(
        _write(tmp_path, "bad.xml", "<report><incidentSummary>\n<incidentType>x</incidentType></report>")
    )
    naive = TIP.replace("2026-03-14T02:00:00+08:00", "2026-03-14T02:00:00")
    assert _refusal(_write(tmp_path, "naive.xml", naive)).startswith(
        'naive.xml:7: incidentDateTime "2026-03-14T02:00:00" has no UTC offset'
    )
    assert "holds no <report>" in _refusal(_write(tmp_path, "other.xml", "<html>\n<body/></html>"))
    assert "has no <incidentSummary>" in _refusal(_write(tmp_path, "empty.xml", "<report/>"))
    monkeypatch.setattr(tip_xml, "MAX_BYTES", 100)
    with pytest.raises(BundleError, match=r"^big\.xml: is 0 MiB; tip files above 0 MiB are refused"):
        read_tip_xml(_write(tmp_path, "big.xml", TIP))


def test_tips_cli_writes_a_reports_table(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tanglaw.cli import app

    src = _write(tmp_path, "tip.xml", TIP)
    r = CliRunner().invoke(app, ["tips", str(src), "--dest", str(tmp_path / "bundle" / "reports.csv")])
    assert r.exit_code == 0, r.output
    header = (tmp_path / "bundle" / "reports.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ",".join(REPORTS.column_names)
    bad = _write(tmp_path, "xxe.xml", '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hosts">]><r>&x;</r>')
    r = CliRunner().invoke(app, ["tips", str(bad), "--dest", str(tmp_path / "r.csv")])
    assert r.exit_code == 2 and "xxe.xml:1: a DOCTYPE is not allowed" in r.output


def test_tips_link_to_cases_and_are_scored_for_actionability(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from tanglaw.engine.workspace import open_workspace
    from tanglaw.stages.tip_links import link_tips, tip_actionability

    from .test_reporting_world import first_case, run_world

    out = run_world("a", tmp_path_factory)
    case_id = first_case(out)
    engine = open_workspace(out)
    try:
        links = link_tips(engine)
        scores = tip_actionability(engine)
    finally:
        engine.con.close()
    r1 = {(lk["account_id"], lk["joined_on"]) for lk in links if lk["report_id"] == "R1"}
    assert ("S1", "username") in r1  # "@Sunny_Host_01" → sunny_host_01
    assert ("B1", "phone (last 9 digits)") in r1 and ("S1", "phone (last 9 digits)") in r1
    assert ("S2", "IP used in a live session") in r1
    assert {lk["case_id"] for lk in links if lk["report_id"] == "R1"} == {case_id}
    assert not [lk for lk in links if lk["report_id"] == "R2"]
    by_id = {s["report_id"]: s for s in scores}
    assert [s["report_id"] for s in scores] == ["R1", "R2"]
    assert by_id["R1"]["case_ids"] == case_id and by_id["R1"]["score"] == 0.85
    assert by_id["R1"]["missing"] == "a payment account (bank, remittance, e-wallet, card, crypto)"
    assert by_id["R2"]["score"] == 0.3 and "an IP address" in by_id["R2"]["missing"]
