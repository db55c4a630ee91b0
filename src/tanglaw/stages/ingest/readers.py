"""Readers: turn one bundle file into a raw DuckDB relation of text columns (a view or a table).

Every value is read as text so that the validator sees exactly what the file holds and can quote
it back in a refusal. The raw table keeps the file's order, so a record's line is its row number
plus the format's `first_line` (CSV: the header is line 1, so the first record is line 2; JSONL:
line 1; Parquet: row 1). Line numbers are computed only when a problem must be located.

Nothing is lost silently: each reader knows how many records the file holds (CSV and JSON Lines
from `records.count_records`, a pass apart from DuckDB's parser; Parquet from its metadata), and
the loader refuses a file of which fewer or more rows were loaded. A path is always a path: the
bundle folder's name is escaped before DuckDB sees it, so `bundle*` or `[ab]` never reads the
files of another folder.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ...engine.core import Engine
from ...engine.sqltext import literal
from ...errors import BundleError, EngineError, Problem
from .records import MAX_RECORD_BYTES, count_records, limit_text

LINE_COLUMN = "__ingest__line"
_CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")
#: what DuckDB may read in one line or JSON object: the record limit is checked before DuckDB reads,
#: so DuckDB's own limit only needs to stay above it, and its read buffer well above that
_DUCKDB_LINE_BYTES = MAX_RECORD_BYTES + 2**16
_DUCKDB_BUFFER_BYTES = 4 * _DUCKDB_LINE_BYTES


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
    #: maps record lines (as `__ingest__line` counts them) to the file's physical lines, where a quoted
    #: value spanning several lines makes them differ (CSV); called only to locate problems
    line_map: Callable[[set[int]], dict[int, int]] | None = None
    #: the records the file holds, counted apart from the parser (None: not known)
    expected_rows: int | None = None
    #: or a count still running beside the parser (CSV): waits for it; raises its refusal
    expected_count: Callable[[], int] | None = None

    def expected(self) -> int | None:
        return self.expected_count() if self.expected_count is not None else self.expected_rows

    def physical_lines(self, lines: set[int]) -> dict[int, int]:
        return self.line_map(lines) if self.line_map else {n: n for n in lines}

    def drop(self, engine: Engine) -> None:
        engine.execute(f"DROP {'VIEW' if self.is_view else 'TABLE'} IF EXISTS {self.name}")

    @property
    def with_lines(self) -> str:
        """A subquery that adds the `__ingest__line` of each record."""
        return f"(SELECT row_number() OVER () + {self.first_line - 1} AS {LINE_COLUMN}, * FROM {self.name})"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def duckdb_path(path: Path) -> str:
    """`path` as a DuckDB file name that matches this one file only, as an SQL literal.

    DuckDB reads `*`, `?` and `[` in a file name as a pattern (a bundle folder named `bundle*` would
    read every sibling `bundle…/transactions.csv`); each is written as a one-character class.
    """
    text = str(path).replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")
    return literal(text)


def _norm(name: str) -> str:
    return name.strip().lower()


def _compression(path: Path) -> str:
    """Said, never guessed: DuckDB guesses from the name, and takes a `?` in it for a URL's query."""
    return "'gzip'" if path.name.lower().endswith(".gz") else "'none'"


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
    # Python's csv module refuses fields over 128 KB; the line limit is the one that counts
    csv.field_size_limit(max(csv.field_size_limit(), _DUCKDB_LINE_BYTES))
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


def _backend(e: EngineError) -> Exception:
    """The database's own error behind the engine's (its message names the file's problem)."""
    return e.__cause__ if isinstance(e.__cause__, Exception) else e


def _duckdb_message(e: Exception) -> str:
    msg = str(e).split("\n")[0]
    return re.sub(r"^[A-Za-z ]*Error: ", "", msg)


def read_csv(engine: Engine, path: Path, label: str, table: str) -> RawTable:
    try:
        with _open_text(path) as fh:
            header = next(csv.reader(fh), None)
    except (UnicodeDecodeError, OSError, EOFError, csv.Error) as e:
        raise BundleError([Problem(label, 1, None, f"not a readable UTF-8 CSV file ({e})")]) from e
    if not header:
        raise BundleError([Problem(label, 1, None, "is empty: a CSV file needs a header row")])
    names = _check_header(label, header)
    # the file's records are counted in a thread while DuckDB parses it (numpy and file reads let
    # go of the GIL): the count costs about 0.2 s per million records when run on its own
    pool = ThreadPoolExecutor(max_workers=1)
    counting = pool.submit(count_records, path, label, csv=True)
    pool.shutdown(wait=False)
    columns = "{" + ", ".join(f"{literal(n)}: 'VARCHAR'" for n in names) + "}"
    engine.execute(
        f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT * FROM read_csv({duckdb_path(path)}, "
        f"auto_detect=false, header=true, columns={columns}, delim=',', quote='\"', escape='\"', "
        f"strict_mode=true, null_padding=false, compression={_compression(path)}, "
        f"max_line_size={_DUCKDB_LINE_BYTES}, buffer_size={_DUCKDB_BUFFER_BYTES})"
    )

    def explain(e: Exception) -> BundleError:
        try:  # a record the count refuses (too long, NUL bytes, a cut gzip) names its own line
            counting.result()
        except BundleError as refused:
            return refused
        text = str(e)
        if "maximum line size" in text.lower():
            m = _CSV_LINE.search(text)
            line = int(m.group(1)) if m else None
            return BundleError(
                [Problem(label, line, None, f"a record longer than the {limit_text()} line limit")]
            )
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
        expected_count=counting.result,
    )


def _json_path(key: str) -> str:
    """The JSON path of a top-level key, whatever characters it holds."""
    return '$."' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def _jsonl_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Each line of a JSON Lines file with its number (a lone CR ends a line too, as the count has it)."""
    line = 0
    with gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb") as fh:
        for raw in iter(lambda: fh.readline(_DUCKDB_LINE_BYTES), b""):
            for piece in raw.removesuffix(b"\n").removesuffix(b"\r").split(b"\r"):
                line += 1
                yield line, piece


def _jsonl_physical_lines(path: Path, lines: set[int]) -> dict[int, int]:
    """The physical line of each record (record n is the nth line that is not blank)."""
    out = {n: n for n in lines}
    last, record = max(lines, default=0), 0
    try:
        for line, piece in _jsonl_lines(path):
            if piece.strip(b" \t"):
                record += 1
                if record in out:
                    out[record] = line
                if record >= last:
                    break
    except (OSError, EOFError, zlib.error):
        pass  # keep the record numbers
    return out


def _jsonl_problem(path: Path, label: str) -> Problem | None:
    """The first line of a JSON Lines file that is not one JSON object, read line by line (slow
    path, only when refusing): the line where the broken record starts."""
    line = 0
    try:
        for line, piece in _jsonl_lines(path):
            text = piece.strip(b" \t")
            if not text:
                continue
            try:
                value = json.loads(text.decode("utf-8"), parse_constant=_no_constant)
            except UnicodeDecodeError:
                return Problem(label, line, None, "invalid UTF-8 bytes (save the file as UTF-8)")
            except RecursionError:
                return Problem(label, line, None, "not valid JSON Lines: nested too deeply")
            except ValueError as e:
                why = f"{e.msg} at column {e.colno}" if isinstance(e, json.JSONDecodeError) else str(e)
                return Problem(label, line, None, f"not valid JSON Lines: {why}")
            if not isinstance(value, dict):
                return Problem(label, line, None, "each line must be one JSON object")
    except (OSError, EOFError, zlib.error) as e:
        return Problem(label, line + 1, None, f"cannot be read to the end ({e})")
    return None


def _jsonl_error(path: Path, label: str, e: Exception | None) -> BundleError:
    found = _jsonl_problem(path, label)
    if found is not None:
        return BundleError([found])
    # DuckDB's reader refused what Python's reads: give DuckDB's reason, without its path and line
    reason = _duckdb_message(e) if e is not None else "each line must be one JSON object"
    reason = re.sub(r'^Malformed JSON in file "[^"]*", at byte \d+ in line \d+: ', "", reason)
    return BundleError([Problem(label, None, None, f"not valid JSON Lines: {reason}")])


def read_jsonl(engine: Engine, path: Path, label: str, table: str) -> RawTable:
    expected = count_records(path, label, csv=False)
    try:
        engine.execute(
            "CREATE OR REPLACE TEMP TABLE __ingest__jsonl AS SELECT json "
            f"FROM read_ndjson_objects({duckdb_path(path)}, compression={_compression(path)}, "
            f"maximum_object_size={_DUCKDB_LINE_BYTES})"
        )
        bad = engine.rows(
            "SELECT 1 FROM __ingest__jsonl WHERE json IS NULL OR json_type(json) <> 'OBJECT' LIMIT 1"
        )
        if bad:
            raise _jsonl_error(path, label, None)
        keys = [
            r[0]
            for r in engine.rows(
                "SELECT k FROM (SELECT k, min(n) AS first FROM (SELECT unnest(json_keys(json)) AS k, n "
                "FROM (SELECT row_number() OVER () AS n, json FROM __ingest__jsonl)) GROUP BY k) ORDER BY first, k"
            )
        ]
        names = _check_header(label, keys) if keys else []
        selects = ", ".join(
            f"json_extract_string(json, {literal(_json_path(k))}) AS {_ident(n)}"
            for k, n in zip(keys, names, strict=True)
        )
        engine.execute(
            f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT {selects or 'NULL AS __ingest__empty'} FROM __ingest__jsonl"
        )
    except EngineError as e:
        raise _jsonl_error(path, label, _backend(e)) from e
    finally:
        engine.execute("DROP TABLE IF EXISTS __ingest__jsonl")
    return RawTable(
        table,
        names,
        first_line=1,
        line_map=lambda lines: _jsonl_physical_lines(path, lines),
        expected_rows=expected,
    )


def read_parquet(engine: Engine, path: Path, label: str, table: str) -> RawTable:
    src = duckdb_path(path)
    try:
        rows = engine.rows(f"SELECT sum(num_rows) FROM parquet_file_metadata({src})")[0][0]
        desc = engine.rows(f"DESCRIBE SELECT * FROM read_parquet({src})")
        names = _check_header(label, [d[0] for d in desc])
        cols = ", ".join(
            f"CAST({_ident(d[0])} AS VARCHAR) AS {_ident(n)}" for d, n in zip(desc, names, strict=True)
        )
        engine.execute(f"CREATE OR REPLACE TEMP VIEW {table} AS SELECT {cols} FROM read_parquet({src})")
    except EngineError as e:
        raise _parquet_error(label, _backend(e)) from e
    return RawTable(
        table,
        names,
        first_line=1,
        is_view=True,
        explain_error=lambda e: _parquet_error(label, e),
        expected_rows=int(rows or 0),
    )


def _parquet_error(label: str, e: Exception) -> BundleError:
    return BundleError([Problem(label, None, None, f"not a valid Parquet file: {_duckdb_message(e)}")])


def read_xml_reports(engine: Engine, path: Path, table: str) -> RawTable:
    """CyberTipline-style XML tips, parsed safely (no DTDs, no entities), as text rows."""
    import pyarrow as pa

    from .tip_xml import read_tip_xml

    rows = read_tip_xml(path)
    names = list(rows[0]) if rows else ["report_id"]
    arrow = pa.table({n: pa.array([r.get(n) or None for r in rows], pa.string()) for n in names})
    engine.register_arrow(table, arrow)
    return RawTable(table, names, first_line=1)


def read_table_file(engine: Engine, path: Path, fmt: str, table: str) -> RawTable:
    """Read one bundle file as the temporary text relation `table` (a view or a table)."""
    label = path.name
    if fmt == "csv":
        return read_csv(engine, path, label, table)
    if fmt == "jsonl":
        return read_jsonl(engine, path, label, table)
    if fmt == "parquet":
        return read_parquet(engine, path, label, table)
    if fmt == "xml":
        return read_xml_reports(engine, path, table)
    raise ValueError(f"unknown format {fmt!r}")
