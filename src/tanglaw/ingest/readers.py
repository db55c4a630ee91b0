"""Readers: turn one bundle file into a raw DuckDB relation of text columns (a view or a table).

Every value is read as text so that the validator sees exactly what the file holds and can quote
it back in a refusal. The raw table keeps the file's order, so a record's line is its row number
plus the format's `first_line` (CSV: the header is line 1, so the first record is line 2; JSONL:
line 1; Parquet: row 1). Line numbers are computed only when a problem must be located.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import BundleError, Problem
from ..sqltext import literal

LINE_COLUMN = "__line"
_CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")
_ANY_LINE = re.compile(r"line (\d+)")


@dataclass(frozen=True)
class RawTable:
    """A file read into DuckDB: the relation's name, its columns and the line of its first record.

    CSV and Parquet files are read through a view (the file is scanned when the view is queried,
    so a well-formed file is parsed only once, by the typed load); `explain_error` turns an error
    raised while scanning the file into the refusal a person should see.
    """

    name: str
    columns: list[str]
    first_line: int
    is_view: bool = False
    explain_error: Callable[[Exception], BundleError] | None = None
    #: maps record lines (as `__line` counts them) to the file's physical lines, where a quoted
    #: value spanning several lines makes them differ (CSV); called only to locate problems
    line_map: Callable[[set[int]], dict[int, int]] | None = None

    def physical_lines(self, lines: set[int]) -> dict[int, int]:
        return self.line_map(lines) if self.line_map else {n: n for n in lines}

    def drop(self, con: duckdb.DuckDBPyConnection) -> None:
        con.execute(f"DROP {'VIEW' if self.is_view else 'TABLE'} IF EXISTS {self.name}")

    @property
    def with_lines(self) -> str:
        """A subquery that adds the `__line` of each record."""
        return f"(SELECT row_number() OVER () + {self.first_line - 1} AS {LINE_COLUMN}, * FROM {self.name})"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _norm(name: str) -> str:
    return name.strip().lower()


def _check_header(label: str, names: list[str]) -> list[str]:
    normalised = [_norm(n) for n in names]
    seen: set[str] = set()
    problems = []
    for raw, n in zip(names, normalised, strict=True):
        if not n:
            problems.append(Problem(label, 1, None, "a column has an empty name"))
        elif n in seen:
            problems.append(Problem(label, 1, n, f"column {raw!r} appears twice"))
        elif n == LINE_COLUMN:
            problems.append(Problem(label, 1, n, f"the column name {raw!r} is reserved"))
        seen.add(n)
    if problems:
        raise BundleError(problems)
    return normalised


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")  # noqa: SIM115


def _first_bad_csv_line(path: Path, width: int) -> tuple[int, str] | None:
    """Find the first record whose field count differs from the header's (slow path)."""
    try:
        with _open_text(path) as fh:
            reader = csv.reader(fh, strict=True)
            next(reader, None)
            for rec in reader:
                if len(rec) != width and rec:
                    return reader.line_num, f"expected {width} fields, found {len(rec)}"
    except (csv.Error, UnicodeDecodeError, OSError, EOFError) as e:
        return 0, str(e)
    return None


def _csv_physical_lines(path: Path, lines: set[int]) -> dict[int, int]:
    """The physical line on which each record starts; record line n is the (n-1)th record."""
    out = {n: n for n in lines}
    wanted = {n for n in lines if n >= 2}
    if not wanted:
        return out
    last = max(wanted)
    try:
        with _open_text(path) as fh:
            reader = csv.reader(fh)
            next(reader, None)
            record_line = 2
            while record_line <= last:
                start = reader.line_num + 1
                if next(reader, None) is None:
                    break
                if record_line in wanted:
                    out[record_line] = start
                record_line += 1
    except (csv.Error, UnicodeDecodeError, OSError, EOFError):
        pass  # keep the record numbers
    return out


def _duckdb_message(e: Exception) -> str:
    msg = str(e).split("\n")[0]
    return re.sub(r"^[A-Za-z ]*Error: ", "", msg)


def read_csv(con: duckdb.DuckDBPyConnection, path: Path, label: str, table: str) -> RawTable:
    try:
        with _open_text(path) as fh:
            header = next(csv.reader(fh), None)
    except (UnicodeDecodeError, OSError, EOFError, csv.Error) as e:
        raise BundleError([Problem(label, 1, None, f"not a readable UTF-8 CSV file ({e})")]) from e
    if not header:
        raise BundleError([Problem(label, 1, None, "is empty: a CSV file needs a header row")])
    names = _check_header(label, header)
    columns = "{" + ", ".join(f"{literal(n)}: 'VARCHAR'" for n in names) + "}"
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT * FROM read_csv({literal(str(path))}, "
        f"auto_detect=false, header=true, columns={columns}, delim=',', quote='\"', escape='\"', "
        "strict_mode=true, null_padding=false, compression='auto')"
    )

    def explain(e: Exception) -> BundleError:
        text = str(e)
        if "unicode" in text.lower() or "utf-8" in text.lower():
            m = _CSV_LINE.search(text)
            line = int(m.group(1)) if m else None
            return BundleError([Problem(label, line, None, "invalid UTF-8 bytes (save the file as UTF-8)")])
        bad = _first_bad_csv_line(path, len(names))
        if bad and bad[0]:
            return BundleError([Problem(label, bad[0], None, f"not valid CSV: {bad[1]}")])
        m = _CSV_LINE.search(text)
        line = int(m.group(1)) if m else None
        reason = "unterminated quote" if "unterminated quote" in text else _duckdb_message(e)
        return BundleError([Problem(label, line, None, f"not valid CSV: {reason}")])

    return RawTable(
        table,
        names,
        first_line=2,
        is_view=True,
        explain_error=explain,
        line_map=lambda lines: _csv_physical_lines(path, lines),
    )


def read_jsonl(con: duckdb.DuckDBPyConnection, path: Path, label: str, table: str) -> RawTable:
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE __jsonl AS SELECT json "
            f"FROM read_ndjson_objects({literal(str(path))}, compression='auto')"
        )
        bad = con.execute(
            "SELECT n FROM (SELECT row_number() OVER () AS n, json FROM __jsonl) "
            "WHERE json IS NULL OR json_type(json) <> 'OBJECT' ORDER BY n LIMIT 1"
        ).fetchall()
        if bad:
            raise BundleError([Problem(label, int(bad[0][0]), None, "each line must be one JSON object")])
        keys = [
            r[0]
            for r in con.execute(
                "SELECT k FROM (SELECT k, min(n) AS first FROM (SELECT unnest(json_keys(json)) AS k, n "
                "FROM (SELECT row_number() OVER () AS n, json FROM __jsonl)) GROUP BY k) ORDER BY first, k"
            ).fetchall()
        ]
    except duckdb.Error as e:
        m = _ANY_LINE.search(str(e))
        line = int(m.group(1)) if m else None
        raise BundleError([Problem(label, line, None, f"not valid JSON Lines: {_duckdb_message(e)}")]) from e
    names = _check_header(label, keys) if keys else []
    selects = ", ".join(
        f"json_extract_string(json, {literal('$.' + chr(34) + k + chr(34))}) AS {_ident(n)}"
        for k, n in zip(keys, names, strict=True)
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {selects or 'NULL AS __empty'} FROM __jsonl")
    con.execute("DROP TABLE __jsonl")
    return RawTable(table, names, first_line=1)


def read_parquet(con: duckdb.DuckDBPyConnection, path: Path, label: str, table: str) -> RawTable:
    src = literal(str(path))
    try:
        desc = con.execute(f"DESCRIBE SELECT * FROM read_parquet({src})").fetchall()
        names = _check_header(label, [d[0] for d in desc])
        cols = ", ".join(
            f"CAST({_ident(d[0])} AS VARCHAR) AS {_ident(n)}" for d, n in zip(desc, names, strict=True)
        )
        con.execute(f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT {cols} FROM read_parquet({src})")
    except duckdb.Error as e:
        raise _parquet_error(label, e) from e
    return RawTable(
        table, names, first_line=1, is_view=True, explain_error=lambda e: _parquet_error(label, e)
    )


def _parquet_error(label: str, e: Exception) -> BundleError:
    return BundleError([Problem(label, None, None, f"not a valid Parquet file: {_duckdb_message(e)}")])


def read_xml_reports(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> RawTable:
    """CyberTipline-style XML tips, parsed safely (no DTDs, no entities), as text rows."""
    import pyarrow as pa

    from ..reporting.tip_xml import read_tip_xml

    rows = read_tip_xml(path)
    names = list(rows[0]) if rows else ["report_id"]
    arrow = pa.table({n: pa.array([r.get(n) or None for r in rows], pa.string()) for n in names})
    con.register("__xml_rows", arrow)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM __xml_rows")
    finally:
        con.unregister("__xml_rows")
    return RawTable(table, names, first_line=1)


def read_table_file(con: duckdb.DuckDBPyConnection, path: Path, fmt: str, table: str) -> RawTable:
    """Read one bundle file as the temporary text relation `table` (a view or a table)."""
    label = path.name
    if fmt == "csv":
        return read_csv(con, path, label, table)
    if fmt == "jsonl":
        return read_jsonl(con, path, label, table)
    if fmt == "parquet":
        return read_parquet(con, path, label, table)
    if fmt == "xml":
        return read_xml_reports(con, path, table)
    raise ValueError(f"unknown format {fmt!r}")
