"""Issue #13: the public API is what `tanglaw/__init__.py` declares, and it works as documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tanglaw

from .casebook_worlds import build, trio


def test_every_public_name_resolves_and_says_what_it_is() -> None:
    assert tanglaw.__all__[0] == "__version__" and len(tanglaw.__all__) > 10
    for name in tanglaw.__all__[1:]:
        value = getattr(tanglaw, name)
        assert (value.__doc__ or "").strip(), f"tanglaw.{name} has no docstring"
        assert name in dir(tanglaw)
    try:
        tanglaw.not_a_name  # noqa: B018
    except AttributeError as e:
        assert "not_a_name" in str(e)
    else:
        raise AssertionError("an unknown name must raise AttributeError")


def test_import_tanglaw_loads_no_engine() -> None:
    """`import tanglaw` is quick: DuckDB, Splink and the stages load on first use."""
    code = "import sys, tanglaw; print(sorted(m for m in ('duckdb', 'splink', 'tanglaw.pipeline') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_run_through_the_public_api(tmp_path: Path) -> None:
    bundle = build(tmp_path / "bundle", trio("PA", "FA"))
    seen: list[tanglaw.StepProgress] = []
    result = tanglaw.run_bundle(bundle, tmp_path / "out", pack=tanglaw.load_pack(), on_progress=seen.append)
    assert isinstance(result, tanglaw.RunResult) and result.n_cases == 1
    assert {p.name for p in result.files} >= {
        "cases.csv",
        "case_members.csv",
        "indicators.csv",
        "report.html",
    }
    assert seen[-1].done == 1.0
    engine = tanglaw.open_workspace(tmp_path / "out")
    try:
        assert engine.count("case_table") == 1
    finally:
        engine.con.close()
    try:
        tanglaw.run_bundle(tmp_path / "missing", tmp_path / "out2")
    except tanglaw.TanglawError as e:
        assert "missing" in str(e)
    else:
        raise AssertionError("a missing bundle must be refused")


def test_all_lists_exactly_the_lazy_names() -> None:
    assert set(tanglaw.__all__[1:]) == set(tanglaw._API)
