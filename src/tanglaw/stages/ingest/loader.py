"""Load a checked bundle into typed workspace tables, or refuse it whole."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...contract import DUCKDB_TYPES, INPUT_TABLES, Column, Table
from ...engine.core import Engine
from ...errors import BundleError, EngineError, Problem
from .discover import discover_bundle
from .readers import RawTable, read_table_file
from .validate import (
    TableCheck,
    bad_flag,
    checked_columns,
    choice_notes,
    duplicate_problems,
    ensure_code_tables,
    locate_problems,
    missing_columns,
    unknown_columns,
    value_expr,
)

#: suffix of the column that keeps a time column's original UTC offset, in minutes
OFFSET_SUFFIX = "_utc_offset_min"


@dataclass
class IngestReport:
    """What was loaded: rows per table, the files read, and notes a person should see."""

    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _typed_expr(c: Column, v: str) -> str:
    """The typed value of column `c` from its trimmed text `v`; NULL where the text is bad."""
    if c.type == "str":
        return f"lower({v})" if c.choices else v
    if c.type in ("cc", "cur"):
        return f"upper({v})"
    if c.type == "bool":
        return f"lower({v}) IN ('true', '1')"
    return f"TRY_CAST({v} AS {DUCKDB_TYPES[c.type]})"


def _offset_expr(v: str) -> str:
    """Minutes east of UTC written in the timestamp text `v` (`Z` = 0)."""
    # only the last six characters can hold the offset: keep the regular expression off the rest
    o = f"replace(regexp_extract(right({v}, 6), '([Zz]|[+-]\\d{{2}}(:?\\d{{2}})?)$', 1), ':', '')"
    return (
        f"CASE WHEN {o} = '' THEN NULL WHEN upper({o}) = 'Z' THEN 0 ELSE "
        f"(CASE WHEN left({o}, 1) = '-' THEN -1 ELSE 1 END) * "
        f"(CAST(substr({o}, 2, 2) AS INTEGER) * 60 + "
        f"CASE WHEN length({o}) = 5 THEN CAST(substr({o}, 4, 2) AS INTEGER) ELSE 0 END) END"
    )


def _ident(name: str) -> str:
    """A column name from the file, quoted for SQL whatever it holds."""
    return '"' + name.replace('"', '""') + '"'


def _value_ref(i: int) -> str:
    return f'"__ingest__v{i}"'


def _load_checked(
    engine: Engine, spec: Table, raw: RawTable, label: str, allow_unknown: bool = False
) -> tuple[TableCheck, bool]:
    """Load `raw` into the typed table `spec.name` and check it, in one pass over the file;
    return the problems and whether the typed table was made (not when the file cannot be read).

    Each checked column gets a bad-value flag beside its typed value; the flags are counted, and
    only a table with problems is read again to locate them. The flags are then dropped. On
    problems the typed table is left for the caller to drop.
    """
    out = TableCheck()
    have = set(raw.columns)
    missing = missing_columns(spec, raw, label)
    out.add(missing, len(missing))
    unknown, unknown_notes = unknown_columns(spec, raw, label, allow=allow_unknown)
    out.add(unknown, len(unknown))
    out.notes += unknown_notes
    present = [c for c in spec.columns if c.name in have]
    ref = {c.name: _value_ref(i) for i, c in enumerate(present)}
    checked = checked_columns(spec, raw)
    known = set(spec.column_names)
    inner = [f"{value_expr(c.name)} AS {ref[c.name]}" for c in present]
    inner += [_ident(n) for n in raw.columns if n not in known]
    cols = []
    for c in spec.columns:
        typ = DUCKDB_TYPES[c.type]
        cols.append(
            f'{_typed_expr(c, ref[c.name])}::{typ} AS "{c.name}"'
            if c.name in have
            else f'NULL::{typ} AS "{c.name}"'
        )
    if spec.time_column:
        tc = spec.time_column
        expr = _offset_expr(ref[tc]) if tc in have else "NULL"
        cols.append(f'({expr})::INTEGER AS "{tc}{OFFSET_SUFFIX}"')
    cols += [_ident(n) for n in raw.columns if n not in known]
    # one flag for the whole row: a clean file (the usual case) writes and drops one column; a file
    # with problems is read again to count and locate them per column
    bad = [bad_flag(c, ref[c.name]) for c, _ in checked]
    flags = [f'({" OR ".join(bad)}) AS "__ingest__bad"'] if bad else []
    # the typed table need not keep the file's order (no stage reads it in order; problems are
    # located on the file itself), and letting DuckDB write it in parallel saves a third
    try:
        engine.execute("SET preserve_insertion_order = false")
        engine.execute(
            f'CREATE TABLE "{spec.name}" AS SELECT {", ".join(cols + flags)} '
            f"FROM (SELECT {', '.join(inner) or 'NULL AS __ingest__empty'} FROM {raw.name})"
        )
    except EngineError as e:
        if raw.explain_error is None:
            raise
        err = raw.explain_error(e.__cause__ if isinstance(e.__cause__, Exception) else e)
        out.add(err.problems, err.total)
        return out, False
    finally:
        engine.execute("RESET preserve_insertion_order")
    # one scan of the typed table counts its rows, the rows with a bad value and the repeated ids
    counted = ["count(*)"] + (['count(*) FILTER (WHERE "__ingest__bad")'] if bad else [])
    key = f'"{spec.key}"' if spec.key and spec.key in have else None
    if key:
        counted.append(f"count({key}) - count(DISTINCT {key})")
    counts = engine.rows(f'SELECT {", ".join(counted)} FROM "{spec.name}"')[0]
    try:
        expected = raw.expected()
    except BundleError as refused:
        out.add(refused.problems, refused.total)
        return out, False
    if expected is not None and counts[0] != expected:
        # the parser read more or fewer records than the file holds: refuse rather than lose any
        out.add([Problem(label, None, None, lost_records(int(counts[0]), expected))], 1)
    if bad and counts[1]:
        per_column = engine.rows(
            f"SELECT {', '.join(f'count(*) FILTER (WHERE {b})' for b in bad)} "
            f"FROM (SELECT {', '.join(inner)} FROM {raw.name})"
        )[0]
        for (c, expr), n in zip(checked, per_column, strict=True):
            if n:
                out.add(locate_problems(engine, raw, label, c, expr), int(n))
    if bad:
        engine.execute(f'ALTER TABLE "{spec.name}" DROP COLUMN "__ingest__bad"')
    if not out.problems and not out.extra:
        out.notes += choice_notes(engine, spec, spec.name, have, label)
    if key and counts[-1]:
        dups, total = duplicate_problems(engine, spec, raw, label)
        out.add(dups, total)
    out.problems.sort(key=lambda p: p.line or 0)
    return out, True


def lost_records(loaded: int, expected: int) -> str:
    return (
        f"{loaded:,} record(s) were read but the file holds {expected:,}; refused rather than "
        "load part of it (check the file's line breaks and quotes)"
    )


def create_empty(engine: Engine, spec: Table) -> None:
    cols = [f'"{c.name}" {DUCKDB_TYPES[c.type]}' for c in spec.columns]
    if spec.time_column:
        cols.append(f'"{spec.time_column}{OFFSET_SUFFIX}" INTEGER')
    engine.execute(f'CREATE TABLE "{spec.name}" ({", ".join(cols)})')


def ingest_bundle(
    engine: Engine,
    bundle: Path,
    *,
    allow_unknown_columns: bool = False,
    on_file: Callable[[float, str], None] | None = None,
) -> IngestReport:
    """Read, check and load every table of `bundle` into the workspace of `engine`.

    Raises `BundleError` with every problem found (up to the display limit), having dropped every
    typed table it made. Tables the bundle lacks are created empty, so later stages can rely on
    every contract table and column existing. A column the contract does not know whose name is
    close to one its table lacks is refused as a misspelling, unless `allow_unknown_columns`.
    `on_file(share, words)` is told as each file is read: the share of the bundle's bytes read
    before it, and the file in words.
    """
    found = discover_bundle(bundle)
    sizes = {name: _size(path) for name, (path, _fmt) in found.items()}
    total, before = max(sum(sizes.values()), 1), 0
    ensure_code_tables(engine)
    report = IngestReport()
    check = TableCheck()
    loaded: list[str] = []
    for spec in INPUT_TABLES:
        if spec.name not in found:
            continue
        path, fmt = found[spec.name]
        report.files[spec.name] = path.name
        if on_file:
            on_file(before / total, f"reading {path.name} ({len(report.files)} of {len(found)} files)")
        before += sizes[spec.name]
        try:
            raw = read_table_file(engine, path, fmt, f"__ingest__raw_{spec.name}")
        except BundleError as e:
            check.add(e.problems, e.total)
            continue
        try:
            t, made = _load_checked(engine, spec, raw, path.name, allow_unknown_columns)
        finally:
            raw.drop(engine)
        if made:
            loaded.append(spec.name)
        check.add(t.problems, len(t.problems) + t.extra)
        report.notes += t.notes
    if check.problems or check.extra:
        for name in loaded:
            engine.execute(f'DROP TABLE IF EXISTS "{name}"')
        raise BundleError(check.problems, check.extra)
    for spec in INPUT_TABLES:
        if spec.name in loaded:
            report.rows[spec.name] = int(engine.rows(f'SELECT count(*) FROM "{spec.name}"')[0][0])
        else:
            create_empty(engine, spec)
            report.rows[spec.name] = 0
    return report


def _size(path: Path) -> int:
    """Bytes of a table file (or of every file in a folder of parts)."""
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        return path.stat().st_size
    except OSError:
        return 0


__all__ = ["IngestReport", "create_empty", "ingest_bundle"]
