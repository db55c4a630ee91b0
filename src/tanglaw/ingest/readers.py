"""Readers: turn one bundle file into a raw DuckDB relation of text columns plus `__line`.

Every value is read as text so that the validator sees exactly what the file holds and can
quote it back in a refusal. `__line` is the line (CSV: the header is line 1; JSONL: line 1 is the
first record; Parquet: row 1 is the first row) used in problem lines.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pacsv

from ..errors import BundleError, Problem

LINE_COLUMN = "__line"
_BAD_LINE = re.compile(r"line (\d+)")


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


def read_csv(path: Path, label: str) -> pa.Table:
    try:
        with _open_text(path) as fh:
            header = next(csv.reader(fh), None)
    except (UnicodeDecodeError, OSError, EOFError, csv.Error) as e:
        raise BundleError([Problem(label, 1, None, f"not a readable UTF-8 CSV file ({e})")]) from e
    if not header:
        raise BundleError([Problem(label, 1, None, "is empty: a CSV file needs a header row")])
    names = _check_header(label, header)
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[],
            ),
        )
    except (pa.ArrowInvalid, OSError, EOFError) as e:
        bad = _first_bad_csv_line(path, len(names))
        if bad and bad[0]:
            raise BundleError([Problem(label, bad[0], None, f"not valid CSV: {bad[1]}")]) from e
        msg = str(e).split("\n")[0]
        if "UTF8" in msg or "utf-8" in msg.lower():
            msg = "invalid UTF-8 bytes (save the file as UTF-8)"
        raise BundleError([Problem(label, None, None, f"not valid CSV: {msg}")]) from e
    lines = pa.array(range(2, table.num_rows + 2), type=pa.int64())
    return table.append_column(LINE_COLUMN, lines)


def read_jsonl(con: duckdb.DuckDBPyConnection, path: Path, label: str) -> pa.Table:
    src = str(path).replace("'", "''")
    try:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE __jsonl AS SELECT row_number() OVER () AS {LINE_COLUMN}, "
            f"json FROM read_ndjson_objects('{src}')"
        )
        bad = con.execute(
            f"SELECT {LINE_COLUMN}, json_type(json) FROM __jsonl "
            "WHERE json IS NULL OR json_type(json) <> 'OBJECT' ORDER BY 1 LIMIT 1"
        ).fetchall()
        if bad:
            raise BundleError([Problem(label, int(bad[0][0]), None, "each line must be one JSON object")])
        keys = [
            r[0]
            for r in con.execute(
                "SELECT k FROM (SELECT unnest(json_keys(json)) AS k, "
                f"min({LINE_COLUMN}) AS first FROM __jsonl GROUP BY k) ORDER BY first, k"
            ).fetchall()
        ]
    except duckdb.Error as e:
        msg = str(e).split("\n")[0]
        m = _BAD_LINE.search(msg)
        line = int(m.group(1)) if m else None
        msg = re.sub(r"^[A-Za-z ]*Error: ", "", msg)
        raise BundleError([Problem(label, line, None, f"not valid JSON Lines: {msg}")]) from e
    names = _check_header(label, keys)
    selects = ", ".join(
        f'json_extract_string(json, \'$."{k.replace(chr(39), chr(39) * 2)}"\') AS "{n}"'
        for k, n in zip(keys, names, strict=True)
    )
    sep = ", " if selects else ""
    out = con.sql(f"SELECT {selects}{sep}{LINE_COLUMN} FROM __jsonl ORDER BY {LINE_COLUMN}").to_arrow_table()
    con.execute("DROP TABLE __jsonl")
    return out


def read_parquet(con: duckdb.DuckDBPyConnection, path: Path, label: str) -> pa.Table:
    src = str(path).replace("'", "''")
    try:
        desc = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{src}')").fetchall()
        names = _check_header(label, [d[0] for d in desc])
        cols = ", ".join(f'CAST("{d[0]}" AS VARCHAR) AS "{n}"' for d, n in zip(desc, names, strict=True))
        out = con.sql(
            f"SELECT {cols}, file_row_number + 1 AS {LINE_COLUMN} "
            f"FROM read_parquet('{src}', file_row_number=true) ORDER BY file_row_number"
        ).to_arrow_table()
    except duckdb.Error as e:
        msg = str(e).split("\n")[0]
        raise BundleError([Problem(label, None, None, f"not a valid Parquet file: {msg}")]) from e
    return out


def read_table_file(con: duckdb.DuckDBPyConnection, path: Path, fmt: str) -> pa.Table:
    """Read one bundle file into an Arrow table of strings plus `__line`."""
    label = path.name
    if fmt == "csv":
        return read_csv(path, label)
    if fmt == "jsonl":
        return read_jsonl(con, path, label)
    if fmt == "parquet":
        return read_parquet(con, path, label)
    raise ValueError(f"unknown format {fmt!r}")
