"""Issue #13: the import graph shows the flow. No import cycles, and no module imports from a later
stage of `ingest → prepare → resolve → detect → link → score → export` (or from the command line,
the evaluation tools or the simulator). Imports under `if TYPE_CHECKING:` are annotations only and
are not counted; imports inside functions are (they run).
"""

from __future__ import annotations

from pathlib import Path

from .architecture import _graph, _imports, _layer, render


def test_no_import_cycles() -> None:
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert cycles == []


def test_no_module_imports_from_a_later_stage() -> None:
    graph = _graph()
    upward = sorted(
        f"{m} (layer {_layer(m)}) imports {t} (layer {_layer(t)})"
        for m, targets in graph.items()
        for t in targets
        if _layer(t) > _layer(m) and not (m == "tanglaw" or t.startswith(m + "."))
    )
    assert upward == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The check is not vacuous: a lazy import of the command line inside a stage is found."""
    from . import architecture

    fake = tmp_path / "src" / "tanglaw" / "stages"
    fake.mkdir(parents=True)
    (fake / "probe.py").write_text("def f():\n    from ..cli import app\n    return app\n", encoding="utf-8")
    old = architecture.SRC
    architecture.SRC = tmp_path / "src"
    try:
        found = _imports(fake / "probe.py", {"tanglaw.cli", "tanglaw.stages.probe"})
    finally:
        architecture.SRC = old
    assert found == {"tanglaw.cli"}
    assert _layer("tanglaw.cli") > _layer("tanglaw.stages.score") > _layer("tanglaw.stages.ingest.loader")


def test_architecture_page_is_current() -> None:
    page = Path(__file__).resolve().parents[1] / "docs" / "architecture.md"
    assert page.read_text(encoding="utf-8") == render(), "run `make docs` to regenerate docs/architecture.md"


def test_no_module_outside_the_engine_layer_touches_a_database_connection() -> None:
    """`engine.con` is the engine's own: stages speak SQL through `Engine` (execute, rows, arrow).
    The case book keeps its own SQLite connection (`casebook/`), and the workbench's store its own
    SQLite or PostgreSQL connection (`workbench/store.py`); neither is the workspace's."""
    import ast

    from .architecture import PACKAGE

    reaching = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel.startswith(("engine/", "casebook/")) or rel == "workbench/store.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "con":
                reaching.append(f"{rel}:{node.lineno}")
    assert reaching == []
