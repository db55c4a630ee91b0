"""Check a raw (all-text) table against its contract spec, in SQL, and say what is wrong.

The loader computes one bad-value flag per column (`bad_flag`) in the same pass that loads the
typed table; only when a flag is set is the file read again to locate the problems. Each check yields `Problem`s located by file, line and column; values are quoted back as the
file holds them. Values outside a column's listed choices (an unusual `channel`, say) are not
refused: they are kept and reported as notes, since the contract lists meanings, not a closed set.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...contract import INPUT_TABLES, Column, Table
from ...data import country_codes, currency_codes
from ...engine.core import Engine
from ...engine.sqltext import literal
from ...errors import MAX_PROBLEM_LINES, Problem
from .readers import LINE_COLUMN, RawTable

TS_RE = r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)? ?([Zz]|[+-]\d{2}(:?\d{2})?)$"
NAIVE_TS_RE = r"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$"
DATE_RE = r"^\d{4}-\d{2}-\d{2}$"
DEC_RE = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
INT_RE = r"^[+-]?\d+$"
BOOL_VALUES = ("true", "false", "1", "0")


def value_expr(col: str) -> str:
    """The SQL for a column's value: trimmed, with the empty string read as missing."""
    return f"NULLIF(trim(\"{col}\"), '')"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _bad_expr(c: Column, v: str) -> str:
    """A cheaper test with the same answer as `_problem_expr(c, v) IS NOT NULL`, for the counting scan."""
    if c.type == "ts":
        ok = f"(regexp_full_match({v}, {literal(TS_RE)}) AND TRY_CAST({v} AS TIMESTAMPTZ) IS NOT NULL)"
    else:
        return f"({_problem_expr(c, v)}) IS NOT NULL"
    if c.required:
        return f"({v} IS NULL OR NOT {ok})"
    return f"({v} IS NOT NULL AND NOT {ok})"


def _problem_expr(c: Column, v: str = "v") -> str | None:
    """SQL yielding a problem message for value `v`, or NULL when the value is fine."""
    checks: list[str] = []
    if c.type == "ts":
        checks.append(
            f"WHEN regexp_full_match({v}, {literal(NAIVE_TS_RE)}) THEN "
            f"'\"' || {v} || '\" has no time-zone offset: write it as ISO 8601 with Z or +HH:MM'"
        )
        checks.append(
            f"WHEN NOT regexp_full_match({v}, {literal(TS_RE)}) OR TRY_CAST({v} AS TIMESTAMPTZ) IS NULL "
            f"THEN '\"' || {v} || '\" is not an ISO 8601 timestamp with an offset'"
        )
    elif c.type == "date":
        checks.append(
            f"WHEN NOT regexp_full_match({v}, {literal(DATE_RE)}) OR TRY_CAST({v} AS DATE) IS NULL "
            f"THEN '\"' || {v} || '\" is not a date (YYYY-MM-DD)'"
        )
    elif c.type in ("dec", "int"):
        regex, word = (DEC_RE, "a decimal") if c.type == "dec" else (INT_RE, "a whole number")
        checks.append(
            f"WHEN NOT regexp_full_match({v}, {literal(regex)}) THEN '\"' || {v} || '\" is not {word}'"
        )
        checks.append(f"WHEN NOT isfinite(TRY_CAST({v} AS DOUBLE)) THEN '\"' || {v} || '\" is not finite'")
        if c.minimum is not None:
            op, word = ("<=", "greater than") if c.exclusive_minimum else ("<", "at least")
            checks.append(
                f"WHEN TRY_CAST({v} AS DOUBLE) {op} {c.minimum} THEN "
                f"'\"' || {v} || '\" must be {word} {c.minimum:g}'"
            )
        if c.maximum is not None:
            checks.append(
                f"WHEN TRY_CAST({v} AS DOUBLE) > {c.maximum} THEN "
                f"'\"' || {v} || '\" must be at most {c.maximum:g}'"
            )
    elif c.type == "cc":
        checks.append(
            f"WHEN upper({v}) NOT IN (SELECT code FROM __ingest__iso_cc) THEN "
            f"'\"' || {v} || '\" is not an ISO 3166-1 alpha-2 country code'"
        )
    elif c.type == "cur":
        checks.append(
            f"WHEN upper({v}) NOT IN (SELECT code FROM __ingest__iso_cur) THEN "
            f"'\"' || {v} || '\" is not an ISO 4217 currency code'"
        )
    elif c.type == "bool":
        vals = ", ".join(literal(b) for b in BOOL_VALUES)
        checks.append(
            f"WHEN lower({v}) NOT IN ({vals}) THEN '\"' || {v} || '\" is not a boolean (true, false, 1 or 0)'"
        )
    if c.required:
        checks.insert(0, f"WHEN {v} IS NULL THEN 'a required value is empty'")
    else:
        checks.insert(0, f"WHEN {v} IS NULL THEN NULL")
    if len(checks) == 1 and not c.required:
        return None
    return "CASE " + " ".join(checks) + " ELSE NULL END"


@dataclass
class TableCheck:
    problems: list[Problem] = field(default_factory=list)
    #: problems found beyond those listed
    extra: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, problems: list[Problem], total: int) -> None:
        room = max(0, MAX_PROBLEM_LINES - len(self.problems))
        self.problems += problems[:room]
        self.extra += total - min(len(problems), room)


def ensure_code_tables(engine: Engine) -> None:
    for name, codes in (("__ingest__iso_cc", country_codes()), ("__ingest__iso_cur", currency_codes())):
        engine.execute(f"CREATE OR REPLACE TEMP TABLE {name} (code VARCHAR PRIMARY KEY)")
        engine.execute(f"INSERT INTO {name} VALUES " + ", ".join(f"({literal(c)})" for c in sorted(codes)))


#: how alike (difflib's ratio) an unknown column's name must be to a column of its own table to be
#: taken for a misspelling of it and refused: `reciever_country` (0.94), `ban_reason` (0.87) and
#: `closed` (0.80) are; the extras real sources add, `fee`, `status`, `segment`, `value_date`,
#: `duration_s`, `category`, `currency` on accounts (all 0.53 or less), are not
MISSPELLING_CUTOFF = 0.8
#: how alike a name must be to be offered as the closest one in a note or a refusal
CLOSE_CUTOFF = 0.75


def _closest(name: str, candidates: Iterable[str], cutoff: float) -> str | None:
    found = difflib.get_close_matches(name, list(candidates), n=1, cutoff=cutoff)
    return found[0] if found else None


def missing_columns(spec: Table, table: RawTable, label: str) -> list[Problem]:
    """A problem for each required column the file lacks, naming the file's closest column."""
    have = set(table.columns)
    spare = [n for n in table.columns if n not in spec.column_names]
    problems = []
    for c in spec.required:
        if c.name in have:
            continue
        near = _closest(c.name, spare, CLOSE_CUTOFF)
        instead = f"; the file has {near!r} instead" if near else ""
        problems.append(Problem(label, 1, c.name, f"a required column is missing{instead}"))
    return problems


def _tables_of_column() -> dict[str, list[str]]:
    """Each column name of the contract, with the tables that have it."""
    out: dict[str, list[str]] = {}
    for t in INPUT_TABLES:
        for c in t.columns:
            out.setdefault(c.name, []).append(t.name)
    return out


def unknown_columns(
    spec: Table, table: RawTable, label: str, *, allow: bool
) -> tuple[list[Problem], list[str]]:
    """Columns the contract does not know for this table: the refusals and the notes.

    An unknown column whose name is close to a column of its own table that the file lacks is most
    likely that column misspelt, whose values would otherwise be left out without a word: it is
    refused, unless `allow` (then noted). Any other unknown column is kept as given and noted, with
    the closest name the contract knows.
    """
    known = set(spec.column_names)
    absent = [n for n in spec.column_names if n not in table.columns]
    tables_of = _tables_of_column()
    problems: list[Problem] = []
    notes: list[str] = []
    for name in table.columns:
        if name in known:
            continue
        meant = _closest(name, absent, MISSPELLING_CUTOFF)
        if meant and not allow:
            problems.append(
                Problem(
                    label,
                    None,
                    name,
                    f"unknown column; did you mean {meant}? (--allow-unknown-columns to accept it)",
                )
            )
            continue
        if meant:
            hint = f"did you mean {meant}?"
        elif name in tables_of:
            hint = f"a column of {', '.join(tables_of[name])}, not of {spec.name}"
        else:
            near = _closest(name, tables_of, CLOSE_CUTOFF)
            hint = f"the closest contract column is {near} ({', '.join(tables_of[near])})" if near else ""
        notes.append(f"{label}: {name}: unknown column, kept as given" + (f"; {hint}" if hint else ""))
    return problems, notes


def checked_columns(spec: Table, table: RawTable) -> list[tuple[Column, str]]:
    """The columns of `spec` present in the file that have a check, with their problem SQL."""
    have = set(table.columns)
    pairs = [(c, _problem_expr(c)) for c in spec.columns if c.name in have]
    return [(c, e) for c, e in pairs if e is not None]


def bad_flag(c: Column, v: str) -> str:
    """SQL that is true when value `v` of column `c` has a problem (cheaper than the message)."""
    return _bad_expr(c, v)


def locate_problems(engine: Engine, table: RawTable, label: str, c: Column, expr: str) -> list[Problem]:
    """The first problems of one column, located by line (a second read, only when refusing)."""
    rows = engine.rows(
        f"SELECT {LINE_COLUMN}, msg FROM ("
        f"SELECT {LINE_COLUMN}, {expr} AS msg FROM ("
        f"SELECT {LINE_COLUMN}, {value_expr(c.name)} AS v FROM {table.with_lines})) "
        f"WHERE msg IS NOT NULL ORDER BY {LINE_COLUMN} LIMIT {MAX_PROBLEM_LINES}"
    )
    lines = table.physical_lines({int(r[0]) for r in rows})
    return [Problem(label, lines[int(r[0])], c.name, r[1]) for r in rows]


def choice_notes(engine: Engine, spec: Table, typed: str, have: set[str], label: str) -> list[str]:
    """Notes on values outside a column's listed choices, read from the typed (lower-cased) table."""
    notes = []
    for c in spec.columns:
        if c.name in have and c.choices:
            allowed = ", ".join(literal(x) for x in c.choices)
            row = engine.rows(
                f"SELECT count(*), min({_ident(c.name)}) FROM {_ident(typed)} "
                f"WHERE {_ident(c.name)} IS NOT NULL AND {_ident(c.name)} NOT IN ({allowed})"
            )[0]
            if row[0]:
                notes.append(
                    f"{label}: {c.name}: {row[0]} value(s) outside the contract's list "
                    f"(e.g. {row[1]!r}; expected {', '.join(c.choices)}); kept as given"
                )
    return notes


def duplicate_problems(engine: Engine, spec: Table, table: RawTable, label: str) -> tuple[list[Problem], int]:
    """The repeated ids of the table's key, located in the file (read only when there are some)."""
    if not spec.key or spec.key not in table.columns:
        return [], 0
    v = value_expr(spec.key)
    rows = engine.rows(
        f"SELECT {LINE_COLUMN}, v, first, count(*) OVER () FROM ("
        f"SELECT {LINE_COLUMN}, {v} AS v, min({LINE_COLUMN}) OVER (PARTITION BY {v}) AS first, "
        f"count(*) OVER (PARTITION BY {v}) AS n FROM {table.with_lines}) "
        f"WHERE v IS NOT NULL AND n > 1 AND {LINE_COLUMN} > first "
        f"ORDER BY {LINE_COLUMN} LIMIT {MAX_PROBLEM_LINES}"
    )
    lines = table.physical_lines({int(r[0]) for r in rows} | {int(r[2]) for r in rows})
    problems = [
        Problem(
            label, lines[int(r[0])], spec.key, f'"{r[1]}" is a duplicate (first on line {lines[int(r[2])]})'
        )
        for r in rows
    ]
    return problems, int(rows[0][3]) if rows else 0
