"""CSV cells a spreadsheet will not run: OWASP's rule for formula injection, and its undoing.

A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, `@SUM(A1)`, `-2+3`). Every CSV Tanglaw
writes for a person to open gets a single quote before such a cell, which the spreadsheet shows
as text. A cell that already begins with a single quote gets one more, so that the rule can be
undone exactly: `restore` drops one leading quote, and Tanglaw's own readers of its outputs
(`tanglaw evaluate`, the case book) compare ids after `restore`. Numbers are not text: a
negative amount or score in a numeric column stays a number.

`neutralise` is the Python side (csv writers); `copy_csv` writes a DuckDB query with `COPY`,
neutralising its text columns with the SQL twin, `sql_neutralise`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .engine.core import Engine
from .engine.sqltext import literal
from .errors import BundleError, Problem

#: the first characters that make a cell a formula, and the quote that marks a neutralised cell
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")

#: Tanglaw's output files whose text cells are neutralised (their readers call `restore`)
NEUTRALISED_FILES = frozenset(
    {
        "cases.csv",
        "case_members.csv",
        "indicators.csv",
        "entities.csv",
        "tips.csv",
        "shadow_indicators.csv",
    }
)


def neutralise(value: Any) -> Any:
    """A cell as it is written: text that a spreadsheet would read as a formula gets a quote."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def restore(value: str) -> str:
    """A cell as it was before `neutralise`."""
    return value[1:] if value.startswith("'") else value


def row(values: Iterable[Any]) -> list[Any]:
    return [neutralise(v) for v in values]


def dict_row(values: dict[str, Any]) -> dict[str, Any]:
    return {k: neutralise(v) for k, v in values.items()}


def sql_neutralise(expr: str) -> str:
    """SQL (DuckDB) for `neutralise` of a VARCHAR expression."""
    return f"CASE WHEN left({expr}, 1) IN ('=', '+', '-', '@', chr(9), chr(13), '''') THEN '''' || {expr} ELSE {expr} END"


def _quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def safe_query(engine: Engine, sql: str, *, stage: str = "") -> str:
    """`sql` with each VARCHAR column neutralised, the other columns and the row order as they were."""
    described = engine.rows(f"DESCRIBE ({sql})", stage=stage)
    cols = []
    for name, typ, *_ in described:
        ident = _quote_ident(str(name))
        cols.append(f"{sql_neutralise(ident)} AS {ident}" if str(typ) == "VARCHAR" else ident)
    return f"SELECT {', '.join(cols)} FROM ({sql}) AS __safe"


def copy_csv(engine: Engine, sql: str, path: Path, *, stage: str = "") -> Path:
    """Write the rows of `sql` to `path` as CSV with a header, text cells neutralised."""
    engine.execute(
        f"COPY ({safe_query(engine, sql, stage=stage)}) TO {literal(str(path))} (HEADER, DELIMITER ',')",
        stage=stage,
    )
    return path


def read_rows(
    path: Path, needed: Sequence[str] = (), *, neutralised: bool | None = None
) -> list[dict[str, str]]:
    """The rows of a CSV file as dicts; a file Tanglaw neutralised (by default: one of
    `NEUTRALISED_FILES`) is restored. A file that is not UTF-8, holds a NUL byte or is otherwise
    not CSV is a refusal naming the file and line, never a traceback."""
    if neutralised is None:
        neutralised = path.name in NEUTRALISED_FILES
    if not path.exists():
        raise BundleError([Problem(str(path), None, None, "no such file")])
    rows: list[dict[str, str]] = []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            for r in reader:
                if neutralised:
                    r = {k: restore(v) if isinstance(v, str) else v for k, v in r.items()}
                rows.append(r)
        except UnicodeDecodeError:
            line = first_non_utf8_line(path)
            raise BundleError([Problem(path.name, line, None, "not UTF-8 text (save it as UTF-8)")]) from None
        except csv.Error as e:
            what = str(e).split(":")[0][:80]
            raise BundleError(
                [Problem(path.name, reader.line_num, None, f"not valid CSV ({what})")]
            ) from None
    have = set(rows[0]) if rows else set(needed)
    missing = [c for c in needed if c not in have]
    if missing:
        raise BundleError([Problem(path.name, 1, c, "a required column is missing") for c in missing])
    return rows


def first_non_utf8_line(path: Path) -> int | None:
    """The 1-based number of the first line of `path` that is not UTF-8 (never its text)."""
    try:
        with open(path, "rb") as fh:
            for i, raw in enumerate(fh, start=1):
                try:
                    raw.decode("utf-8")
                except UnicodeDecodeError:
                    return i
    except OSError:
        return None
    return None
