"""Exports as an attacker and as a victim's advocate would test them (issue #12, items 1, 3, 11, 12).

- victims are never reported as suspects: a sextortion case in every format;
- no id, name or value from the data becomes part of a path, in any format or command;
- the PDF of a case with very long ids is drawn, not a traceback;
- a STIX bundle is valid whatever e-mail addresses and ids the data holds;
- a partner's signal file that is deep, huge, empty or not UTF-8 is one refusal with exit 2.

The sextortion world is invented: example.com addresses, 192.0.2.0/24, `555` phone numbers.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tanglaw.cli import app
from tanglaw.cli.reports import FORMATS, export_case, share_export_command
from tanglaw.engine.workspace import open_workspace
from tanglaw.pipeline import run_bundle
from tanglaw.reporting.casedata import CaseData, Indicator, MediaItem, load_case
from tanglaw.reporting.settings import ReporterSettings
from tanglaw.reporting.sharing import MAX_PARTNER_BYTES, new_key, read_partner_file
from tanglaw.safepath import MAX_NAME, UnsafePathError, inside, safe_name, write_inside

from .conftest import payment, write_table
from .test_reporting_world import xsd

NOW = datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
SETTINGS = ReporterSettings(
    organisation="Example Remit Ltd",
    email="compliance@example.com",
    rentity_id=42,
    currency_code_local="USD",
    institutions={"bank-a": "BKAAUS33", "ewallet-n": "EWNGNGLA", "stream-x": "STRXUS33"},
)

#: everything that identifies the victim in the bundle: none of it may reach a partner, and none
#: of it may appear where a format reports suspects
VICTIM = {
    "name": "Sam Taylor",
    "party": "VICT-PARTY-1",
    "bank": "VICT-BANK-1",
    "platform": "VICT-PLAT-1",
    "username": "sam_t_2010",
    "display": "Sammy T",
    "email": "sam.t@example.com",
    "phone": "+1 202 555 0199",
    "address": "1 Example Street",
    "ip": "192.0.2.99",
    "device": "dev-victim-77",
}
VICTIM_CONTACT = ("email", "phone", "address", "ip", "device")
FACILITATOR_EMAIL = "bjørn.holm@mail.com"
VICTIM_TXNS = ("PAY-VICT-1", "PAY-VICT-2", "PAY-VICT-3")


def _sextortion_bundle(b: Path, *, media_id: str = "M1", long: int = 0) -> Path:
    """A 15-year-old pays a foreign account three times within a day after a private live session
    with that account's holder. `long` > 0 makes every id the attacker controls that long."""
    fac_bank = "X" * long if long else "FAC-EWALLET-1"
    fac_platform = "Y" * long if long else "FAC-PLAT-1"
    victim_bank = "V" * long if long else VICTIM["bank"]
    txns = [f"T{n}" + "T" * long for n in range(3)] if long else list(VICTIM_TXNS)
    write_table(
        b,
        "parties",
        [
            {"party_id": VICTIM["party"], "source": "bank-a", "name": VICTIM["name"], "birth_date": "2010-05-01",
             "country": "US", "phone": VICTIM["phone"], "email": VICTIM["email"], "address": VICTIM["address"],
             "city": "Springfield"},
            {"party_id": "FAC-PARTY-1", "source": "ewallet-n", "name": "Ade Bello" + "e" * long,
             "birth_date": "1990-01-01", "country": "NG", "phone": "+234 800 555 0100", "email": FACILITATOR_EMAIL},
        ],
    )  # fmt: skip
    write_table(
        b,
        "accounts",
        [
            {"account_id": a, "source": s, "party_id": p, "kind": k, "country": c, "opened_at": o,
             "username": u, "display_name": d}
            for a, s, p, k, c, o, u, d in [
                (victim_bank, "bank-a", VICTIM["party"], "bank", "US", "2026-01-10T00:00:00Z", "", ""),
                (VICTIM["platform"], "stream-x", VICTIM["party"], "platform", "US", "2025-12-01T00:00:00Z",
                 VICTIM["username"], VICTIM["display"]),
                (fac_bank, "ewallet-n", "FAC-PARTY-1", "ewallet", "NG", "2025-01-01T00:00:00Z", "", ""),
                (fac_platform, "stream-x", "FAC-PARTY-1", "platform", "NG", "2025-01-01T00:00:00Z", "ade_b", ""),
            ]
        ],
    )  # fmt: skip
    write_table(
        b,
        "transactions",
        [
            payment(txns[0], "2026-03-01T02:00:00Z", 50, victim_bank, fac_bank, channel="ewallet"),
            payment(txns[1], "2026-03-01T09:00:00Z", 120, victim_bank, fac_bank, channel="ewallet"),
            payment(txns[2], "2026-03-02T03:00:00Z", 200, victim_bank, fac_bank, channel="gift_card"),
        ],
    )
    write_table(
        b,
        "sessions",
        [
            {"session_id": "SES-1", "source": "stream-x", "started_at": "2026-02-28T02:00:00Z",
             "ended_at": "2026-02-28T02:20:00Z", "host_account_id": fac_platform,
             "viewer_account_id": VICTIM["platform"], "host_country": "NG", "viewer_country": "US",
             "host_ip": "192.0.2.10", "viewer_ip": VICTIM["ip"], "host_device_id": "dev-fac-1",
             "viewer_device_id": VICTIM["device"], "private": "true", "paid_amount": "", "currency": ""},
        ],
    )  # fmt: skip
    write_table(
        b,
        "media",
        [
            {"media_id": media_id, "source": "stream-x", "seen_at": "2026-02-28T02:10:00Z",
             "account_id": fac_platform, "session_id": "SES-1", "signal_type": "md5", "hash": f"{7:032x}",
             "quality": ""},
        ],
    )  # fmt: skip
    return b


def _run(root: Path, **kw: object) -> tuple[Path, CaseData]:
    out = root / "run"
    run_bundle(_sextortion_bundle(root / "bundle", **kw), out)  # type: ignore[arg-type]
    engine = open_workspace(out)
    try:
        case_id = str(engine.scalar("SELECT case_id FROM case_table ORDER BY rank LIMIT 1"))
        return out, load_case(engine, case_id)
    finally:
        engine.con.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CaseData]:
    return _run(tmp_path_factory.mktemp("sextortion"))


@pytest.fixture(scope="module")
def case(world: tuple[Path, CaseData]) -> CaseData:
    return world[1]


def _schema(name: str):  # type: ignore[no-untyped-def]
    pytest.importorskip("xmlschema", reason="schema validation needs the reports extra")
    from tanglaw.reporting.validate import load_schema

    return load_schema(xsd(name))


def _victim_strings(which: tuple[str, ...] | None = None) -> list[str]:
    keys = which or tuple(VICTIM)
    return [VICTIM[k] for k in keys]


def _absent(text: str, needles: list[str] | tuple[str, ...]) -> list[str]:
    low = text.lower()
    return [n for n in needles if n.lower() in low]


# ---- 1. victims are never reported as suspects ----------------------------------------------------


def test_the_world_is_a_sextortion_case_with_one_victim(case: CaseData) -> None:
    assert case.priority == "P1"
    assert len(case.victims) == 1
    assert case.victim_accounts == {VICTIM["bank"], VICTIM["platform"]}
    assert [e.role for e in case.subjects] == ["facilitator"]


def test_cybertip_puts_the_victim_in_the_victim_block_without_contact_details(case: CaseData) -> None:
    from tanglaw.reporting.cybertip import cybertip_report
    from tanglaw.reporting.validate import xml_errors

    doc = cybertip_report(case, SETTINGS)
    assert xml_errors(doc, _schema("ncmec-cybertipline.xsd")) == []
    root = ET.fromstring(doc)
    reported = root.findall("personOrUserReported")
    assert len(reported) == 1
    for person in reported:
        text = ET.tostring(person, encoding="unicode")
        assert _absent(text, _victim_strings()) == []
        assert "victim" not in (person.findtext("additionalInfo") or "").split(".")[0]
    victims = root.findall("victim")
    assert len(victims) == 1
    v = victims[0]
    assert v.findtext("victimPerson/firstName") == "Sam" and v.findtext("victimPerson/lastName") == "Taylor"
    assert v.findtext("victimPerson/dateOfBirth") == "2010-05-01"
    assert v.findtext("victimPerson/age") == "15"
    assert (
        v.findtext("espIdentifier") == VICTIM["platform"] and v.findtext("screenName") == VICTIM["username"]
    )
    assert "not a reported person" in (v.findtext("additionalInfo") or "")
    assert _absent(ET.tostring(v, encoding="unicode"), _victim_strings(VICTIM_CONTACT)) == []
    for tag in (
        "victimPerson/phone",
        "victimPerson/email",
        "victimPerson/address",
        "ipCaptureEvent",
        "deviceId",
    ):
        assert v.find(tag) is None, tag
    # the victim's contact details are nowhere in the report
    assert _absent(doc.decode(), _victim_strings(VICTIM_CONTACT)) == []


@pytest.mark.parametrize("version", ["5.0.2", "2.0"])
def test_goaml_never_makes_the_victim_a_party(case: CaseData, version: str) -> None:
    from tanglaw.reporting.goaml import PROFILES, goaml_report
    from tanglaw.reporting.sar import sar_narrative
    from tanglaw.reporting.validate import xml_errors

    result = goaml_report(
        case, SETTINGS, reason=sar_narrative(case, SETTINGS, now=NOW), version=version, now=NOW
    )
    assert xml_errors(result.xml, _schema(PROFILES[version].xsd)) == []
    root = ET.fromstring(result.xml)
    people = {(p.findtext("first_name"), p.findtext("last_name")) for p in root.iter("t_person")}
    assert ("Sam", "Taylor") not in people and people  # the facilitator is there
    victim_accounts = [
        a
        for side in ("from_account", "to_account")
        for a in root.iter(side)
        if a.findtext("account") in {VICTIM["bank"]}
    ]
    assert victim_accounts
    for acc in victim_accounts:
        assert acc.find("signatory") is None
        assert "likely victim" in (acc.findtext("comments") or "")
    reason = root.findtext("reason") or ""
    root.remove(root.find("reason"))  # type: ignore[arg-type]
    outside_reason = ET.tostring(root, encoding="unicode")
    assert (
        _absent(outside_reason, [VICTIM["name"], *_victim_strings(VICTIM_CONTACT), VICTIM["username"]]) == []
    )
    assert "VICTIMS" in reason and VICTIM["name"] in reason.split("VICTIMS", 1)[1]


def test_sar_lists_victims_apart_from_subjects_without_contact_details(case: CaseData) -> None:
    from tanglaw.reporting.sar import sar_narrative

    text = sar_narrative(case, SETTINGS, now=NOW)
    subjects = text.split("\nSUBJECTS\n", 1)[1].split("\n\n", 1)[0]
    assert "Ade Bello" in subjects and _absent(subjects, _victim_strings()) == []
    victims = text.split("\nVICTIMS", 1)[1].split("\n\n", 1)[0]
    assert "1. Sam Taylor (likely victim; country US; 15 years old at the time)" in victims
    assert VICTIM["bank"] in victims and VICTIM["platform"] in victims
    assert _absent(text, [*_victim_strings(VICTIM_CONTACT), VICTIM["username"], "2010-05-01"]) == []
    assert (
        "Tanglaw linked 1 subject: 1 receiving facilitator, in case" in text and "1 likely victim(s)" in text
    )
    # the summary's counts add up to the people listed under SUBJECTS
    listed = [line for line in subjects.splitlines() if re.match(r"\s*\d+\. ", line)]
    summary = re.search(r"linked (\d+) subjects?: (.*?), in case", text)
    assert summary and int(summary.group(1)) == len(listed)
    assert sum(int(n) for n in re.findall(r"(\d+) [a-z]", summary.group(2))) == len(listed)
    assert "- FIN_SEXTORTION_VICTIM (victim): Sent 3 payments" in text


def _stix_text(case: CaseData) -> str:
    from tanglaw.reporting.stix import stix_json

    return stix_json(case, SETTINGS, now=NOW).decode()


def test_stix_bundle_leaves_the_victim_out_entirely(case: CaseData) -> None:
    pytest.importorskip("stix2validator")
    from tanglaw.reporting.validate import stix_errors

    text = _stix_text(case)
    assert stix_errors(text) == []
    assert _absent(text, [*_victim_strings(), *VICTIM_TXNS, "E:" + VICTIM["party"]]) == []
    bundle = json.loads(text)
    identities = [
        o for o in bundle["objects"] if o["type"] == "identity" and o.get("identity_class") == "individual"
    ]
    assert [o.get("roles") for o in identities] == [["facilitator"]]
    assert not [o for o in bundle["objects"] if "victim" in json.dumps(o.get("roles", []))]
    note = next(o for o in bundle["objects"] if o["type"] == "note")
    assert "3 record id(s) withheld: they involve a victim." in note["content"]


def test_an_indicator_about_a_victim_is_never_a_payers_in_any_format(case: CaseData) -> None:
    """A victim's burst can fire a payer typology too: it is stated as the victim's, and left out
    of the partner bundle."""
    from tanglaw.reporting.cybertip import cybertip_report
    from tanglaw.reporting.package import package_html, package_model
    from tanglaw.reporting.sar import sar_narrative

    victim_entity = next(iter(case.victim_entities))
    extra = Indicator(
        indicator_id="IND-EXTRA",
        code="FIN_CONSUMER_REMITTER",
        account_id=VICTIM["bank"],
        party_id=VICTIM["party"],
        entity_id=victim_entity,
        role="payer",
        weight=0.5,
        evidence=f"Night-time payments by {VICTIM['name']} ({VICTIM['bank']}).",
        record_ids=VICTIM_TXNS,
    )
    c = dataclasses.replace(case, indicators=(*case.indicators, extra))
    assert c.indicator_role(extra) == "victim"
    assert "- FIN_CONSUMER_REMITTER (victim):" in sar_narrative(c, SETTINGS, now=NOW)
    assert "FIN_CONSUMER_REMITTER (victim, weight 0.50)" in cybertip_report(c, SETTINGS).decode()
    assert "IND-EXTRA" not in _stix_text(c) and _absent(_stix_text(c), _victim_strings()) == []
    html = package_html(package_model(c, SETTINGS, now=NOW))
    assert (
        "FIN_CONSUMER_REMITTER" in html and "payer · IND-EXTRA" not in html and "victim · IND-EXTRA" in html
    )


def test_victim_text_in_subject_evidence_is_withheld_from_partners(case: CaseData) -> None:
    pytest.importorskip("stix2validator")
    from tanglaw.reporting.validate import stix_errors

    fac = next(i for i in case.indicators if i.entity_id not in case.victim_entities)
    hostile = dataclasses.replace(
        fac,
        evidence=f"Paid by {VICTIM['name'].upper()} from {VICTIM['bank']}, user {VICTIM['username']}, "
        f"{VICTIM['email']} / {VICTIM['phone']}.",
    )
    c = dataclasses.replace(
        case,
        title=f"Likely sextortion of {VICTIM['name']}",
        indicators=tuple(hostile if i is fac else i for i in case.indicators),
    )
    text = _stix_text(c)
    assert stix_errors(text) == []
    assert _absent(text, _victim_strings()) == []
    notes = [o["content"] for o in json.loads(text)["objects"] if o["type"] == "note"]
    assert any(
        n.startswith("Paid by [withheld] from [withheld], user [withheld], [withheld] / [withheld].")
        for n in notes
    )
    assert "Likely sextortion of [withheld]" in text


def test_partner_signals_carry_nothing_of_the_victim(world: tuple[Path, CaseData], tmp_path: Path) -> None:
    from tanglaw.reporting.sharing import case_identifiers

    out, case = world
    idents = case_identifiers(case)
    assert idents and {i.account_id for i in idents}.isdisjoint(case.victim_accounts)
    key = tmp_path / "k.key"
    key.write_text(new_key(), encoding="utf-8")
    sent, kept = share_export_command(case.case_id, out, key, tmp_path / "share")
    assert _absent(kept.read_text(encoding="utf-8"), _victim_strings()) == []
    signals = json.loads(sent.read_text(encoding="utf-8"))["signals"]
    assert sorted(s["kind"] for s in signals) == ["email", "payment_account", "phone", "username"]


def test_case_package_lists_victims_apart(case: CaseData) -> None:
    from tanglaw.reporting.package import package_html, package_model

    model = package_model(case, SETTINGS, now=NOW)
    assert [p.role for p in model.people] == ["facilitator"]
    assert [(v.name, v.age) for v in model.victims] == [(VICTIM["name"], "15")]
    html = package_html(model)
    people = html.split("<h2>People and accounts</h2>", 1)[1].split("<h2>", 1)[0]
    assert VICTIM["name"] not in people
    victims = html.split("<h2>Victims</h2>", 1)[1].split("<h2>", 1)[0]
    assert VICTIM["name"] in victims and VICTIM["username"] not in victims
    assert _absent(html, _victim_strings(VICTIM_CONTACT)) == []


def test_pdf_package_of_a_sextortion_case_is_drawn(case: CaseData) -> None:
    pytest.importorskip("reportlab")
    from tanglaw.reporting.package import package_model
    from tanglaw.reporting.pdf import package_pdf

    data = package_pdf(package_model(case, SETTINGS, now=NOW))
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


# ---- 2. nothing from the data becomes a path --------------------------------------------------------

HOSTILE_NAMES = [
    "/../../../tmp/x/existing",
    "../../escape",
    "..",
    ".",
    "",
    "/etc/passwd",
    "a\x00b",
    "C:\\Windows\\x",
    "..\\..\\x",
    "~root",
    ".hidden",
    "-rf",
    "name with spaces and ü",
    "line\nbreak",
    "x" * 5000,
    "%2e%2e%2f",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_safe_name_is_one_plain_component(name: str, tmp_path: Path) -> None:
    safe = safe_name(name)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", safe), safe
    assert len(safe) <= MAX_NAME and safe not in (".", "..")
    assert inside(tmp_path, safe).parent == tmp_path.resolve()


def test_safe_name_keeps_plain_ids_and_separates_the_rest() -> None:
    assert safe_name("TGL-6100E30BAC") == "TGL-6100E30BAC"
    assert safe_name("M1") == "M1"
    names = [safe_name(n) for n in HOSTILE_NAMES] + [safe_name("a/b"), safe_name("a_b"), safe_name("a?b")]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("name", ["..", ".", "", "a/b", "/abs", "a\x00b", "a\\b", "x" * 300])
def test_inside_refuses_what_is_not_one_component(name: str, tmp_path: Path) -> None:
    with pytest.raises(UnsafePathError):
        inside(tmp_path, name)


def test_writes_never_follow_a_planted_link(tmp_path: Path) -> None:
    folder, outside = tmp_path / "exports", tmp_path / "secret.txt"
    folder.mkdir()
    outside.write_text("keep", encoding="utf-8")
    (folder / "planted.xml").symlink_to(outside)
    with pytest.raises(UnsafePathError, match="resolves outside"):
        inside(folder, "planted.xml")
    (folder / ".report.xml.partial").symlink_to(outside)
    assert write_inside(folder, "report.xml", b"data").read_bytes() == b"data"
    assert outside.read_text(encoding="utf-8") == "keep"
    assert not (folder / ".report.xml.partial").exists()


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _every_format(case: CaseData, dest: Path) -> list[Path]:
    pytest.importorskip("reportlab", reason="the PDF package needs the reports extra")
    files: list[Path] = []
    for fmt in FORMATS:
        files += export_case(case, fmt, dest, settings_file=None, now=NOW)[0]
    return files


def test_media_id_with_dot_dots_stays_in_the_export_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The issue's reproduction: a media_id of `/../../../tmp/x/existing`, through the command line."""
    root = tmp_path_factory.mktemp("traversal")
    target = root / "x" / "existing.xml"
    target.parent.mkdir()
    target.write_text("original", encoding="utf-8")
    out, case = _run(root, media_id="/../../../x/existing")
    assert case.media[0].media_id == "/../../../x/existing"
    dest = root / "run" / "deep" / "exports"
    before = _tree(root)
    r = CliRunner().invoke(
        app, ["export", case.case_id, "--out", str(out), "--format", "cybertip", "--dest", str(dest)]
    )
    assert r.exit_code == 0, r.output
    assert target.read_text(encoding="utf-8") == "original"
    written = sorted(p.name for p in dest.iterdir())
    assert len(written) == 2 and all(p.parent == dest for p in dest.iterdir())
    assert re.fullmatch(r"TGL-\w+\.cybertip-file-x_existing_[0-9a-f]{10}\.xml", written[0]), written
    after = _tree(root)
    assert {k for k in after if k not in before} == {str((dest / n).relative_to(root)) for n in written}


@pytest.mark.parametrize(
    "hostile", ["/../../../x/existing", "../../escape", "..", "a\x00b", "/etc/passwd", "y" * 4000]
)
def test_no_case_id_or_media_id_becomes_a_path_in_any_format(
    case: CaseData, tmp_path: Path, hostile: str
) -> None:
    media = MediaItem(hostile, "stream-x", NOW, case.members[0].account_id, "SES-1", "md5", f"{9:032x}")
    c = dataclasses.replace(case, case_id=hostile, media=(media,))
    root = tmp_path.resolve()
    dest = root / "a" / "b" / "exports"
    files = _every_format(c, dest)
    assert len(files) == len(FORMATS) + 1
    assert {f.parent for f in files} == {dest}
    assert set(_tree(root)) == {str(f.relative_to(root)) for f in files}
    assert all(len(f.name) <= 2 * MAX_NAME + 40 for f in files)


def test_share_export_writes_only_inside_its_folder(world: tuple[Path, CaseData], tmp_path: Path) -> None:
    from tanglaw.reporting.sharing import export_signals

    out, case = world
    key = tmp_path / "k.key"
    key.write_text(new_key(), encoding="utf-8")
    sent, kept = share_export_command(case.case_id, out, key, tmp_path / "share")
    assert sent.parent == kept.parent == (tmp_path / "share").resolve()
    assert {p.name for p in (tmp_path / "share").iterdir()} == {sent.name, kept.name}
    for hostile in (tmp_path / "share" / "..", tmp_path / "share" / "x" / ".."):
        with pytest.raises(UnsafePathError):
            export_signals(case, bytes(32), "Org", hostile, tmp_path / "share" / "p.csv")
        with pytest.raises(UnsafePathError):
            export_signals(case, bytes(32), "Org", tmp_path / "share" / "s.json", hostile)


def test_share_match_names_its_csv_from_a_safe_partner_file_name(
    world: tuple[Path, CaseData], tmp_path: Path
) -> None:
    out, case = world
    key = tmp_path / "k.key"
    key.write_text(new_key(), encoding="utf-8")
    sent, _kept = share_export_command(case.case_id, out, key, tmp_path / "share")
    partner = tmp_path / "..partner $(x) [b]\n.signals.json"
    partner.write_bytes(sent.read_bytes())
    r = CliRunner().invoke(app, ["share", "match", str(partner), "--out", str(out), "--key", str(key)])
    assert r.exit_code == 0, r.output
    made = [p for p in out.iterdir() if p.name.startswith("matches-")]
    assert len(made) == 1 and re.fullmatch(r"matches-[A-Za-z0-9._-]+\.csv", made[0].name)


# ---- 3. the PDF of a case with very long ids ----------------------------------------------------------


@pytest.mark.parametrize("length", [300, 5000])
def test_pdf_of_a_case_with_very_long_ids_is_drawn(
    tmp_path_factory: pytest.TempPathFactory, length: int
) -> None:
    pytest.importorskip("reportlab")
    root = tmp_path_factory.mktemp(f"long{length}")
    out, case = _run(root, long=length)
    assert max(len(m.account_id) for m in case.members) == length
    r = CliRunner().invoke(
        app, ["export", case.case_id, "--out", str(out), "--format", "pdf", "--dest", str(root / "exports")]
    )
    assert r.exit_code == 0, r.output
    data = next((root / "exports").glob("*.pdf")).read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def test_pdf_survives_huge_text_in_every_cell(case: CaseData) -> None:
    pytest.importorskip("reportlab")
    from tanglaw.reporting.package import package_model
    from tanglaw.reporting.pdf import package_pdf

    huge = "W" * 100_000
    c = dataclasses.replace(
        case,
        case_id="C" * 20_000,
        title=huge,
        priority_reason=" ".join(["word"] * 30_000),
        members=tuple(
            dataclasses.replace(m, name=huge, account_id=m.account_id + huge) for m in case.members
        ),
        indicators=tuple(
            dataclasses.replace(i, evidence=huge, record_ids=("R" * 50_000,), indicator_id=huge)
            for i in case.indicators
        ),
        payments=tuple(dataclasses.replace(p, txn_id=p.txn_id + huge) for p in case.payments),
    )
    data = package_pdf(package_model(c, SETTINGS, now=NOW))
    assert data.startswith(b"%PDF-") and len(re.findall(rb"/Type\s*/Page[^s]", data)) < 20


# ---- 4. STIX with any e-mail address and any id --------------------------------------------------------

BAD_EMAILS = [
    FACILITATOR_EMAIL,
    "a@b",
    "x",
    "a b@example.com",
    "o'brien@example.com",
    '"q"@example.com',
    "a@example.com\n",
    "trailing@example.com.",
    "a@[192.0.2.1]",
    "@example.com",
    "ü@ü.example",
    "a" * 300 + "@example.com",
]


def test_stix_keeps_an_unusable_email_as_text_and_validates(case: CaseData) -> None:
    pytest.importorskip("stix2validator")
    from tanglaw.reporting.validate import stix_errors

    text = _stix_text(case)  # the world's facilitator has bjørn.holm@mail.com
    assert stix_errors(text) == []
    bundle = json.loads(text)
    assert not [o for o in bundle["objects"] if o["type"] == "email-addr"]
    fac = next(o for o in bundle["objects"] if o["type"] == "identity" and o.get("roles") == ["facilitator"])
    assert fac["contact_information"].endswith(FACILITATOR_EMAIL)


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_stix_is_valid_for_every_malformed_email(case: CaseData, email: str) -> None:
    pytest.importorskip("stix2validator")
    from tanglaw.reporting.validate import stix_errors

    members = tuple(
        m if m.entity_id in case.victim_entities else dataclasses.replace(m, email=email)
        for m in case.members
    )
    objects = json.loads(text := _stix_text(dataclasses.replace(case, members=members)))["objects"]
    assert stix_errors(text) == []
    fac = next(o for o in objects if o["type"] == "identity" and o.get("roles") == ["facilitator"])
    as_sco = [o["value"] for o in objects if o["type"] == "email-addr"]
    assert as_sco == [email.strip().lower()] or (
        not as_sco and fac["contact_information"].endswith(email.strip())
    )


@pytest.mark.parametrize(
    "hostile",
    ["it's", "back\\slash", "]' OR [x:y = 'z", "new\nline", "nul\x00", "ünïcode", " ", "x" * 10_000],
)
def test_stix_is_valid_for_hostile_ids_usernames_and_ips(case: CaseData, hostile: str) -> None:
    pytest.importorskip("stix2validator")
    from tanglaw.reporting.validate import stix_errors

    members = tuple(
        dataclasses.replace(
            m, account_id=m.account_id + hostile, username=hostile, display_name=hostile, name=hostile
        )
        for m in case.members
    )
    sessions = tuple(dataclasses.replace(s, host_ip=hostile, viewer_ip="fe80::1%eth0") for s in case.sessions)
    c = dataclasses.replace(case, members=members, sessions=sessions, title=hostile)
    assert stix_errors(_stix_text(c)) == []


# ---- 5. partner files -----------------------------------------------------------------------------------


def _partner_cases(tmp_path: Path) -> dict[str, Path]:
    files = {
        "deep-list": b"[" * 100_000 + b"]" * 100_000,
        "deep-object": b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        "deep-signals": b'{"scheme": "tanglaw-share-v1", "signals": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        "not-utf8": b'{"scheme": "tanglaw-share-v1", "from": "\xff\xfe"}',
        "empty": b"",
        "blank": b" \n\t\n",
        "nul": b"\x00" * 1000,
        "bom": b'\xef\xbb\xbf{"scheme": "tanglaw-share-v1", "signals": []}',
        "big-int": b'{"scheme": "tanglaw-share-v1", "signals": [], "from": ' + b"9" * 100_000 + b"}",
        "not-json": b"scheme = 'tanglaw-share-v1'",
        "list": b"[]",
        "bad-signal": b'{"scheme": "tanglaw-share-v1", "signals": [{"kind": "email", "hash": "../x"}]}',
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / f"{name}.signals.json"
        paths[name].write_bytes(data)
    huge = tmp_path / "huge.signals.json"
    with open(huge, "wb") as fh:  # a sparse file: one byte past the limit
        fh.truncate(MAX_PARTNER_BYTES + 1)
    paths["huge"] = huge
    paths["folder"] = tmp_path
    paths["missing"] = tmp_path / "missing.signals.json"
    return paths


def test_every_bad_partner_file_is_one_refusal_with_exit_2(tmp_path: Path) -> None:
    key = tmp_path / "k.key"
    key.write_text(new_key(), encoding="utf-8")
    runner = CliRunner()
    (tmp_path / "in").mkdir()
    cases = _partner_cases(tmp_path / "in")
    assert len(cases) == 15
    for name, path in cases.items():
        r = runner.invoke(
            app, ["share", "match", str(path), "--out", str(tmp_path / "run"), "--key", str(key)]
        )
        assert r.exit_code == 2, (name, r.output)
        lines = r.output.strip().splitlines()
        assert len(lines) == 2 and lines[-1].startswith("refused: 1 problem"), (name, r.output)
        assert lines[0].startswith(path.name + ":"), (name, lines[0])
        assert len(lines[0]) < 400 and "Traceback" not in r.output, name
        assert not isinstance(r.exception, RecursionError | UnicodeDecodeError | MemoryError), name


def test_partner_text_fields_are_short_single_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.signals.json"
    path.write_text(
        json.dumps(
            {
                "scheme": "tanglaw-share-v1",
                "from": "Partner\n=HYPERLINK()\x1b[31m" + "x" * 100_000,
                "created": ["not", "text"],
                "case_ref": {"deep": [1, 2]},
                "signals": [{"kind": "email", "hash": "a" * 64, "ref": "r\r\n" * 1000}],
            }
        ),
        encoding="utf-8",
    )
    p = read_partner_file(path)
    for value in (p.partner, p.created, p.case_ref, p.signals[0][2]):
        assert len(value) <= 201 and not re.search(r"[\x00-\x1f]", value)
    assert p.partner.startswith("Partner =HYPERLINK()") and p.created == "" and p.case_ref == ""


def test_a_signal_file_at_the_limit_is_still_read(tmp_path: Path) -> None:
    doc = json.dumps({"scheme": "tanglaw-share-v1", "signals": []}).encode()
    path = tmp_path / "p.signals.json"
    path.write_bytes(doc + b" " * (MAX_PARTNER_BYTES - len(doc)))
    assert read_partner_file(path).signals == ()
    assert os.path.getsize(path) == MAX_PARTNER_BYTES
