"""Every export of a case validates against the real published schema it targets."""

from __future__ import annotations

import functools
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tanglaw.engine.workspace import open_workspace
from tanglaw.reporting.casedata import CaseData, CaseNotFound, load_case
from tanglaw.reporting.settings import ReporterSettings, load_settings

from .test_reporting_world import first_case, run_world, xsd

NOW = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
SETTINGS = ReporterSettings(
    organisation="Example Remit Ltd",
    first_name="Ana",
    last_name="Reyes",
    email="compliance@example.com",
    phone="+63 2 8000 0000",
    rentity_id=42,
    currency_code_local="PHP",
    institutions={"bank-a": "BKAAUS33", "remit-x": "RMTXPHMM", "stream-x": "STRXPHMM"},
)


@pytest.fixture(scope="module")
def run_a(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return run_world("a", tmp_path_factory)


@pytest.fixture(scope="module")
def case(run_a: Path) -> CaseData:
    engine = open_workspace(run_a)
    try:
        return load_case(engine, first_case(run_a))
    finally:
        engine.con.close()


@functools.cache
def _schema(name: str):  # type: ignore[no-untyped-def]
    pytest.importorskip("xmlschema", reason="schema validation needs the reports extra")
    from tanglaw.reporting.validate import load_schema

    return load_schema(xsd(name))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def test_cybertip_report_validates_against_ncmec_xsd(case: CaseData) -> None:
    from tanglaw.reporting.cybertip import INCIDENT_TYPE, cybertip_report
    from tanglaw.reporting.validate import xml_errors

    doc = cybertip_report(case, SETTINGS)
    assert xml_errors(doc, _schema("ncmec-cybertipline.xsd")) == []
    root = ET.fromstring(doc)
    assert root.findtext("incidentSummary/incidentType") == INCIDENT_TYPE
    chat = root.find("internetDetails/chatImIncident")
    assert chat is not None and "Live streaming: 4 live session(s)" in (chat.findtext("additionalInfo") or "")
    reported = root.findall("personOrUserReported")
    assert len(reported) == len(case.entities)
    screen_names = {p.findtext("screenName") for p in reported}
    assert {"sunny_host_01", "night_owl_77"} <= screen_names
    billing = [
        a.findtext("espIdentifier") for a in root.iter("associatedAccount") if a.get("type") == "Billing"
    ]
    assert "B1" in billing and "A1" in billing
    ips = {e.findtext("ipAddress") for e in root.iter("ipCaptureEvent")}
    assert {"192.0.2.10", "192.0.2.21", "2001:db8::55"} <= ips
    assert all(case.case_id in (p.findtext("groupIdentifier") or "") for p in reported)


def test_cybertip_file_details_carry_the_live_streaming_annotation(case: CaseData) -> None:
    from tanglaw.reporting.cybertip import cybertip_file_details
    from tanglaw.reporting.validate import xml_errors

    docs = cybertip_file_details(case, SETTINGS)
    assert [m for m, _ in docs] == ["M1", "M2"]
    schema = _schema("ncmec-cybertipline.xsd")
    for _media, doc in docs:
        assert xml_errors(doc, schema) == []
        root = ET.fromstring(doc)
        assert root.findtext("fileAnnotations/liveStreaming") == "true"
        assert root.findtext("fileViewedByEsp") == "false"
        assert root.find("originalFileHash").get("hashType") == "MD5"  # type: ignore[union-attr]


@pytest.mark.parametrize("version", ["5.0.2", "2.0"])
def test_goaml_report_validates_against_the_fiu_xsd(case: CaseData, version: str) -> None:
    from tanglaw.reporting.goaml import PROFILES, goaml_report
    from tanglaw.reporting.sar import sar_narrative
    from tanglaw.reporting.validate import xml_errors

    result = goaml_report(
        case, SETTINGS, reason=sar_narrative(case, SETTINGS, now=NOW), version=version, now=NOW
    )
    assert xml_errors(result.xml, _schema(PROFILES[version].xsd)) == []
    assert result.warnings == []  # every source has an institution code in SETTINGS
    root = ET.fromstring(result.xml)
    txs = root.findall("transaction")
    assert sorted(t.findtext("transactionnumber") or "" for t in txs) == sorted(
        p.txn_id for p in case.payments
    )
    assert root.findtext("currency_code_local") == "PHP"
    usd = next(t for t in txs if t.find("t_from/from_foreign_currency/foreign_currency_code") is not None)
    assert usd.findtext("t_from/from_foreign_currency/foreign_currency_code") in {"USD", "GBP", "AUD"}
    signatories = {
        (s.findtext("t_person/first_name"), s.findtext("t_person/last_name")) for s in root.iter("signatory")
    }
    assert ("Maria", "Santos") in signatories and ("John", "Smith") in signatories
    assert "OCSE-FIN-2021-NTC3" in (root.findtext("reason") or "")
    assert [i.text for i in root.iter("indicator")]


def test_goaml_samples_validate_against_the_same_schema() -> None:
    """The schema loads as the FIU uses it: its own published samples pass."""
    from tanglaw.reporting.validate import xml_errors

    schema = _schema("goaml-5.0.2.xsd")
    samples = sorted((xsd("goaml-5.0.2.xsd").parent / "samples").glob("goaml-5.0.2-*.xml"))
    assert samples
    for s in samples:
        assert xml_errors(s.read_bytes(), schema) == [], s.name


def test_goaml_placeholders_are_reported(case: CaseData) -> None:
    from tanglaw.reporting.goaml import goaml_report

    result = goaml_report(case, load_settings(None), reason="r", version="2.0", now=NOW)
    assert any("rentity_id is the placeholder" in w for w in result.warnings)
    assert any("institution code for source 'bank-a'" in w for w in result.warnings)


def test_sar_narrative_carries_the_fincen_keyword(case: CaseData) -> None:
    from tanglaw.reporting.sar import KEYWORD, MAX_NARRATIVE, sar_narrative

    text = sar_narrative(case, SETTINGS, now=NOW)
    assert text.splitlines()[0] == KEYWORD == "OCSE-FIN-2021-NTC3"
    assert "field 38(z) Other = OCSE" in text
    assert "live-stream session(s)" in text
    assert all(p.txn_id in text for p in case.payments)
    assert len(text) <= MAX_NARRATIVE


def test_stix_bundle_is_valid_strict_stix_21(case: CaseData) -> None:
    pytest.importorskip("stix2validator")
    import stix2

    from tanglaw.reporting.stix import EXTENSION_ID, PAYMENT_ACCOUNT, sco_id, stix_json
    from tanglaw.reporting.validate import stix_errors

    text = stix_json(case, SETTINGS, now=NOW).decode()
    assert stix_errors(text) == []
    bundle = json.loads(text)
    types = {o["type"] for o in bundle["objects"]}
    assert {
        "identity",
        "grouping",
        "indicator",
        "note",
        "user-account",
        "email-addr",
        PAYMENT_ACCOUNT,
    } <= types
    assert "extension-definition" in types
    accounts = [o for o in bundle["objects"] if o["type"] == PAYMENT_ACCOUNT]
    assert {a["account_number"] for a in accounts} >= {"A1", "B1", "A5", "A6"}
    assert all(a["extensions"][EXTENSION_ID] == {"extension_type": "new-sco"} for a in accounts)
    # stix2 parses it, and our deterministic ids are the ones stix2 computes
    parsed = stix2.parse(text, allow_custom=True)
    email = next(o for o in parsed.objects if o["type"] == "email-addr")
    assert (
        email.id == stix2.EmailAddress(value=email.value).id == sco_id("email-addr", {"value": email.value})
    )
    assert stix_json(case, SETTINGS, now=NOW).decode() == text  # same case, same ids


def test_html_package_has_timeline_network_evidence_and_record_ids(case: CaseData) -> None:
    from tanglaw.reporting.package import package_html, package_model

    html = package_html(package_model(case, SETTINGS, now=NOW))
    assert "<svg" in html and "Timeline (UTC)" in html and "Evidence" in html
    for p in case.payments:
        assert p.txn_id in html
    assert "SES2" in html and "sunny_host_01" in html
    assert "<script" not in html


def test_pdf_package_is_a_pdf(case: CaseData) -> None:
    pytest.importorskip("reportlab")
    from tanglaw.reporting.package import package_model
    from tanglaw.reporting.pdf import package_pdf

    data = package_pdf(package_model(case, SETTINGS, now=NOW))
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2


def test_unknown_case_is_named(run_a: Path) -> None:
    engine = open_workspace(run_a)
    try:
        with pytest.raises(CaseNotFound, match="no case 'TGL-NOPE'.*known cases: TGL-"):
            load_case(engine, "TGL-NOPE")
    finally:
        engine.con.close()


def test_export_command_writes_every_format(run_a: Path, tmp_path: Path) -> None:
    pytest.importorskip("reportlab", reason="the PDF package needs the reports extra")
    from tanglaw.cli.reports import FORMATS, export_command

    case_id = first_case(run_a)
    written = {}
    for fmt in FORMATS:
        written[fmt] = export_command(case_id, fmt, run_a, tmp_path)
    assert written["cybertip"][0].name == f"{case_id}.cybertip.xml" and len(written["cybertip"]) == 3
    assert written["goaml"][0].name == f"{case_id}.goaml-5.0.2.xml"
    assert {p.suffix for ps in written.values() for p in ps} == {".xml", ".txt", ".json", ".html", ".pdf"}
    assert not list(tmp_path.glob("*.partial"))


def test_cli_export_checks_against_the_schema_and_refuses_bad_input(run_a: Path, tmp_path: Path) -> None:
    pytest.importorskip("xmlschema", reason="--check needs the reports extra")
    from tanglaw.cli import app

    runner = CliRunner()
    case_id = first_case(run_a)
    settings = tmp_path / "reporter.toml"
    settings.write_text(
        '[reporter]\norganisation = "Example Remit Ltd"\nemail = "compliance@example.com"\n'
        '[goaml]\nrentity_id = 7\ncurrency_code_local = "USD"\n[goaml.institutions]\n"bank-a" = "BKAA"\n',
        encoding="utf-8",
    )
    args = [
        "export",
        case_id,
        "--out",
        str(run_a),
        "--dest",
        str(tmp_path / "x"),
        "--settings",
        str(settings),
    ]
    r = runner.invoke(app, [*args, "--format", "goaml", "--check", str(xsd("goaml-5.0.2.xsd"))])
    assert r.exit_code == 0, r.output
    assert "institution code for source 'remit-x'" in r.output
    r = runner.invoke(app, [*args, "--format", "cybertip", "--check", str(xsd("ncmec-cybertipline.xsd"))])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, [*args, "--format", "docx"])
    assert r.exit_code == 2 and "not one of" in r.output
    r = runner.invoke(app, ["export", "TGL-NOPE", "--out", str(run_a)])
    assert r.exit_code == 2 and "no case 'TGL-NOPE'" in r.output
    settings.write_text("[reporter]\nemial = 'x'\n", encoding="utf-8")
    r = runner.invoke(app, [*args, "--format", "sar"])
    assert r.exit_code == 2 and "reporter.toml: reporter.emial: unknown setting" in r.output
