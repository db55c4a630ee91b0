"""The layers of Tanglaw's source, from the bottom up, and docs/architecture.md drawn from them.

`tests/test_layers.py` checks the import graph against `LAYERS`; `make docs` (or
`python -m tests.architecture > docs/architecture.md`) writes the page, and a test checks that the
page is current.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "tanglaw"

#: layers from the bottom up: a module may import from its own layer and the layers below it.
#: Each entry is a module or package prefix (the longest prefix that matches decides).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundations: errors, the contract, the engine layer (engine, workspace, SQL text, graphs), "
     "file helpers, the pack and its text lexicons, a run's publication", (
        "tanglaw", "tanglaw.stages", "tanglaw.errors", "tanglaw.contract", "tanglaw.csvsafe",
        "tanglaw.safepath", "tanglaw.interrupt", "tanglaw.tables", "tanglaw.data", "tanglaw.text",
        "tanglaw.identifiers", "tanglaw.pack", "tanglaw.packs", "tanglaw.engine", "tanglaw.candidates",
        "tanglaw.publication",
    )),
    ("ingest: read and check the bundle", ("tanglaw.stages.ingest",)),
    ("prepare: amounts in US dollars, countries, payments", ("tanglaw.stages.prepare",)),
    ("resolve: party records into people", ("tanglaw.stages.resolve",)),
    ("detect: features and the typologies of the pack", (
        "tanglaw.stages.detect", "tanglaw.media", "tanglaw.explain",
    )),
    ("link: one case per household, with its payers", ("tanglaw.stages.link",)),
    ("score: priority, evidence, the case book", ("tanglaw.stages.score", "tanglaw.casebook")),
    ("tips: tips linked to cases", ("tanglaw.stages.tips", "tanglaw.stages.tip_links")),
    ("export: output files, the report, exports for authorities and partners", (
        "tanglaw.stages.export", "tanglaw.reporting", "tanglaw.templates",
    )),
    ("the run: every stage in order, published all or nothing", ("tanglaw.pipeline",)),
    ("evaluation and synthetic worlds (outside a run)", ("tanglaw.evaluation", "tanglaw.simulate")),
    ("the workbench: a web application over a run's cases (queue, case pages, decisions, audit)", (
        "tanglaw.workbench",
    )),
    ("the command line", ("tanglaw.cli", "tanglaw.__main__")),
)  # fmt: skip


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, modules: set[str]) -> set[str]:
    """The project modules `path` imports at run time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me, is_package = _module(path), path.name == "__init__.py"
    typing_only = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = me.split(".")[: None if is_package else -1]
                base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in modules else prefix for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != me and name.startswith("tanglaw"):
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    paths = {_module(p): p for p in PACKAGE.rglob("*.py")}
    modules = set(paths)
    return {m: _imports(p, modules) for m, p in paths.items()}


def _layer(module: str) -> int:
    best, layer = -1, -1
    for i, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            # the root package stands for itself only: every other module is placed by name
            inside = module.startswith(prefix + ".") and prefix != "tanglaw"
            if (module == prefix or inside) and len(prefix) > best:
                best, layer = len(prefix), i
    assert layer >= 0, f"{module}: in no layer of tests/architecture.py; add it where it belongs"
    return layer


def _summary(path: Path) -> str:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return " ".join(doc.split("\n\n")[0].split()) if doc else ""


def render() -> str:
    """docs/architecture.md: each layer, bottom up, with its folders and modules in one line each."""
    paths = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    lines = [
        "# Architecture",
        "",
        "A run flows `ingest → prepare → resolve → detect → link → score → tips → export` over one",
        "DuckDB workspace (`engine`, `workspace`); `pipeline` runs the stages in order and publishes",
        "all or nothing. Below, the source by layer, bottom up: a module imports only from its own",
        "layer and the layers below (`tests/test_layers.py` fails on an upward import or a cycle).",
        "Each stage of a run is one module of `src/tanglaw/stages/` (with its helpers in the folder",
        "of its layer). Generated from `tests/architecture.py` by `make docs`; a test checks it is",
        "current.",
        "",
        "Adding a typology touches two places and one test: its section in the pack",
        "(`src/tanglaw/packs/default.toml`: description, role, sources, mode, every threshold and",
        "weight), its query in `src/tanglaw/stages/detect/` (one `Detector(code, needs, query)`), and a",
        "`TypologyContract` subclass (`tests/typology_contract.py`) that runs it alone on tiny tables",
        "against the hits it expects.",
    ]
    for i, (name, _prefixes) in enumerate(LAYERS):
        lines += ["", f"## {i}. {name}", ""]
        mine = [m for m in paths if _layer(m) == i]
        # a package whose modules all sit in other layers (`stages`) is named in the introduction
        packages = [
            m
            for m in mine
            if paths[m].name == "__init__.py"
            and m != "tanglaw"
            and (
                any(o.rpartition(".")[0] == m for o in mine) or not any(o.startswith(m + ".") for o in paths)
            )
        ]
        for mod in sorted(mine, key=lambda m: str(paths[m].relative_to(SRC))):
            path = paths[mod]
            parent = mod.rpartition(".")[0]
            if mod in packages:
                inner = sorted(m.rpartition(".")[2] for m in mine if m.rpartition(".")[0] == mod)
                more = f" Modules: {', '.join(f'`{m}`' for m in inner)}." if inner else ""
                lines.append(f"- `{path.parent.relative_to(SRC.parent)}/` — {_summary(path)}{more}")
            elif parent not in packages and not (path.name == "__init__.py" and mod != "tanglaw"):
                lines.append(f"- `{path.relative_to(SRC.parent)}` — {_summary(path)}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render(), end="")  # noqa: T201
