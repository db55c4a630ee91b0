"""The workspace holds exactly the documented stage tables, and the CLI's other faces work."""

from __future__ import annotations

from pathlib import Path

from tanglaw.contract import INPUT_TABLES, contract_markdown
from tanglaw.pipeline import run_bundle
from tanglaw.tables import TABLE_NAMES
from tanglaw.workspace import open_workspace

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
