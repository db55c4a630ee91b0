"""The workspace holds exactly the documented stage tables, and the CLI's other faces work."""

from __future__ import annotations

from pathlib import Path

from tanglaw.contract import INPUT_TABLES, contract_markdown
from tanglaw.engine.workspace import open_workspace
from tanglaw.pipeline import run_bundle
from tanglaw.tables import TABLE_NAMES

from .conftest import invoke


def test_run_creates_exactly_the_documented_tables(tmp_path: Path, network_bundle: Path) -> None:
    run_bundle(network_bundle, tmp_path / "out")
    engine = open_workspace(tmp_path / "out")
    have = {r[0] for r in engine.rows("SELECT table_name FROM information_schema.tables")}
    assert have == set(TABLE_NAMES) | {t.name for t in INPUT_TABLES}
    # every contract column exists in the typed tables, whether the bundle had it or not
    for t in INPUT_TABLES:
        cols = {r[0] for r in engine.rows(f"DESCRIBE {t.name}")}
        assert set(t.column_names) <= cols, t.name


def test_contract_doc_is_current() -> None:
    doc = Path(__file__).parent.parent / "docs" / "contract.md"
    assert doc.read_text(encoding="utf-8").strip() == contract_markdown().strip(), "run `make docs`"


def test_typology_doc_is_current() -> None:
    from tanglaw.explain import typologies_markdown
    from tanglaw.pack import load_pack

    doc = Path(__file__).parent.parent / "docs" / "typologies.md"
    assert doc.read_text(encoding="utf-8") == typologies_markdown(load_pack()), "run `make docs`"


def test_every_command_has_help(runner) -> None:
    import typer.main

    from tanglaw.cli import app

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        assert cmd.help, f"{name} is missing its help"
        assert invoke(runner, name, "--help").exit_code == 0


def test_typologies_list_and_show(runner) -> None:
    res = invoke(runner, "typologies", "list")
    assert res.exit_code == 0 and "FIN_CONSUMER_REMITTER" in res.stdout
    res = invoke(runner, "typologies", "show", "FIN_SHARED_BENEFICIARY")
    assert res.exit_code == 0 and "weight_three" in res.stdout
    assert invoke(runner, "typologies", "show", "FIN_NOPE").exit_code == 2


def test_evaluate_refuses_a_missing_truth(tmp_path: Path, runner) -> None:
    res = invoke(runner, "evaluate", "--truth", tmp_path / "none", "--out", tmp_path)
    assert res.exit_code == 2
    assert "persons.csv: no such file" in res.stderr


def test_report_shows_cases_and_escapes_names(tmp_path: Path, network_bundle: Path) -> None:
    import csv

    from .conftest import read_csv

    rows = read_csv(network_bundle / "parties.csv")
    rows[2]["name"] = "Maria <script>alert(1)</script> Santos"
    with open(network_bundle / "parties.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    run_bundle(network_bundle, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    case_id = (tmp_path / "out" / "cases.csv").read_text().splitlines()[1].split(",")[0]
    assert case_id in html
    assert "Sent 8 small payments (US$400) from US to 1 beneficiary in PH" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<svg" in html
