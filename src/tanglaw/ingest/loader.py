"""Load a checked bundle into typed workspace tables, or refuse it whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..contract import DUCKDB_TYPES, INPUT_TABLES, Column, Table
from ..errors import BundleError
from .discover import discover_bundle
from .readers import RawTable, read_table_file
from .validate import TableCheck, check_table, ensure_code_tables, value_expr

#: suffix of the column that keeps a time column's original UTC offset, in minutes
OFFSET_SUFFIX = "_utc_offset_min"


@dataclass
class IngestReport:
    """What was loaded: rows per table, the files read, and notes a person should see."""

    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _typed_expr(c: Column) -> str:
    v = value_expr(c.name)
    if c.type == "str":
        return f"lower({v})" if c.choices else v
    if c.type == "ts":
        return f"CAST({v} AS TIMESTAMPTZ)"
    if c.type in ("cc", "cur"):
        return f"upper({v})"
    if c.type == "bool":
        return f"lower({v}) IN ('true', '1')"
    return f"CAST({v} AS {DUCKDB_TYPES[c.type]})"


def _offset_expr(col: str) -> str:
    """Minutes east of UTC written in a timestamp string (`Z` = 0)."""
    # only the last six characters can hold the offset: keep the regular expression off the rest
    o = f"replace(regexp_extract(right({value_expr(col)}, 6), '([Zz]|[+-]\\d{{2}}(:?\\d{{2}})?)$', 1), ':', '')"
    return (
        f"CASE WHEN {o} = '' THEN NULL WHEN upper({o}) = 'Z' THEN 0 ELSE "
        f"(CASE WHEN left({o}, 1) = '-' THEN -1 ELSE 1 END) * "
        f"(CAST(substr({o}, 2, 2) AS INTEGER) * 60 + "
        f"CASE WHEN length({o}) = 5 THEN CAST(substr({o}, 4, 2) AS INTEGER) ELSE 0 END) END"
    )


def _create_typed(con: duckdb.DuckDBPyConnection, spec: Table, raw: RawTable) -> None:
    have = set(raw.columns)
    cols = []
    for c in spec.columns:
        typ = DUCKDB_TYPES[c.type]
        if c.name in have:
            cols.append(f'{_typed_expr(c)}::{typ} AS "{c.name}"')
        else:
            cols.append(f'NULL::{typ} AS "{c.name}"')
    if spec.time_column:
        tc = spec.time_column
        expr = _offset_expr(tc) if tc in have else "NULL"
        cols.append(f'({expr})::INTEGER AS "{tc}{OFFSET_SUFFIX}"')
    known = set(spec.column_names)
    cols += [f'"{n}"' for n in raw.columns if n not in known]
    # a plain scan keeps the file's order (DuckDB preserves insertion order)
    con.execute(f'CREATE TABLE "{spec.name}" AS SELECT {", ".join(cols)} FROM {raw.name}')


def create_empty(con: duckdb.DuckDBPyConnection, spec: Table) -> None:
    cols = [f'"{c.name}" {DUCKDB_TYPES[c.type]}' for c in spec.columns]
    if spec.time_column:
        cols.append(f'"{spec.time_column}{OFFSET_SUFFIX}" INTEGER')
    con.execute(f'CREATE TABLE "{spec.name}" ({", ".join(cols)})')


def ingest_bundle(con: duckdb.DuckDBPyConnection, bundle: Path) -> IngestReport:
    """Read, check and load every table of `bundle` into `con`.

    Raises `BundleError` with every problem found (up to the display limit) before any typed
    table is created. Tables the bundle lacks are created empty, so later stages can rely on
    every contract table and column existing.
    """
    found = discover_bundle(bundle)
    ensure_code_tables(con)
    report = IngestReport()
    check = TableCheck()
    raws: dict[str, RawTable] = {}
    try:
        for spec in INPUT_TABLES:
            if spec.name not in found:
                continue
            path, fmt = found[spec.name]
            report.files[spec.name] = path.name
            try:
                raw = read_table_file(con, path, fmt, f"__raw_{spec.name}")
            except BundleError as e:
                check.add(e.problems, e.total)
                continue
            raws[spec.name] = raw
            t = check_table(con, spec, raw, path.name)
            check.add(t.problems, len(t.problems) + t.extra)
            report.notes += t.notes
        if check.problems or check.extra:
            raise BundleError(check.problems, check.extra)
        for spec in INPUT_TABLES:
            if spec.name in raws:
                _create_typed(con, spec, raws[spec.name])
                report.rows[spec.name] = int(
                    con.execute(f'SELECT count(*) FROM "{spec.name}"').fetchall()[0][0]
                )
            else:
                create_empty(con, spec)
                report.rows[spec.name] = 0
    finally:
        for raw in raws.values():
            con.execute(f"DROP TABLE IF EXISTS {raw.name}")
    return report


__all__ = ["IngestReport", "create_empty", "ingest_bundle"]
