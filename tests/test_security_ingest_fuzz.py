"""Fuzz every reader (CSV, CSV.gz, JSON Lines, JSON Lines.gz, Parquet, XML tips) with random bytes and
mutated valid files. Property: a clean refusal (a `TanglawError` whose every line is one problem) or a
load that holds exactly the records of the file, counted by a parser apart from Tanglaw's (Python's
csv and json modules, pyarrow, ElementTree). Bounded: a few seconds per reader in CI; set
TANGLAW_FUZZ_EXAMPLES for a longer run."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tanglaw.engine import DuckDBEngine
from tanglaw.errors import BundleError, TanglawError
from tanglaw.stages.ingest import ingest_bundle

from .conftest import payment
from .test_reporting_tips import TIP

ROWS = [
    payment(f"T{i}", "2026-03-01T03:30:00Z", 5 + i, "A1", "B1", reference=ref)
    for i, ref in enumerate(["school fees", 'say "hi", ok', "two\nlines", ""])
]
FIELDS = list(ROWS[0])


def _csv_bytes() -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=FIELDS, lineterminator="\n")
    w.writeheader()
    w.writerows(ROWS)
    return buf.getvalue().encode()


def _jsonl_bytes() -> bytes:
    return "".join(json.dumps({k: str(v) for k, v in r.items()}) + "\n" for r in ROWS).encode()


VALID = {"csv": _csv_bytes(), "jsonl": _jsonl_bytes(), "xml": TIP.encode()}
SPECIAL = [
    b'"',
    b"\n",
    b"\r",
    b"\r\n",
    b",",
    b"\0",
    b"{",
    b"}",
    b"\xff",
    b"\xef\xbb\xbf",
    b" ",
    b"<",
    b"&",
    b"\\",
]


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(st.sampled_from(SPECIAL), st.binary(min_size=1, max_size=8)))
        match draw(st.sampled_from(["insert", "replace", "delete", "cut"])):
            case "insert":
                data[at:at] = piece
            case "replace":
                data[at : at + len(piece)] = piece
            case "delete":
                del data[at : at + draw(st.integers(1, 20))]
            case "cut":
                del data[at:]
    return bytes(data)


def _inputs(kind: str) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=300), mutated(VALID[kind]))


def _csv_records(data: bytes) -> int | None:
    """Records after the header as Python's csv module reads them; None where it cannot."""
    try:
        text = data.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except (UnicodeDecodeError, csv.Error):
        return None
    return max(0, len([r for r in rows if r]) - 1)


def _jsonl_records(data: bytes) -> int:
    return len([ln for ln in re.split(rb"\r\n|\r|\n", data) if ln.strip(b" \t")])


def _check(folder: Path, table: str, expected: int | None) -> None:
    try:
        report = ingest_bundle(DuckDBEngine(duckdb.connect()), folder)
    except TanglawError as e:
        lines = e.lines() if isinstance(e, BundleError) else str(e).splitlines()
        assert lines and all(ln.strip() for ln in lines)
        if isinstance(e, BundleError):
            assert all("\n" not in str(p) and "\r" not in str(p) for p in e.problems)
        return
    assert expected is not None, "loaded a file its independent reader cannot read"
    assert report.rows[table] == expected


FUZZ = settings(
    max_examples=int(os.environ.get("TANGLAW_FUZZ_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _folder(tmp_path_factory: pytest.TempPathFactory, name: str, data: bytes) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / name).write_bytes(data)
    return folder


@FUZZ
@given(data=_inputs("csv"), gz=st.booleans())
def test_fuzz_csv(tmp_path_factory: pytest.TempPathFactory, data: bytes, gz: bool) -> None:
    name = "transactions.csv.gz" if gz else "transactions.csv"
    folder = _folder(tmp_path_factory, name, gzip.compress(data) if gz else data)
    _check(folder, "transactions", _csv_records(data))


@FUZZ
@given(data=_inputs("jsonl"), gz=st.booleans())
def test_fuzz_jsonl(tmp_path_factory: pytest.TempPathFactory, data: bytes, gz: bool) -> None:
    name = "transactions.jsonl.gz" if gz else "transactions.jsonl"
    folder = _folder(tmp_path_factory, name, gzip.compress(data) if gz else data)
    _check(folder, "transactions", _jsonl_records(data))


@FUZZ
@given(
    data=st.binary(max_size=200),
    cut=st.integers(0, 4000),
    flip=st.integers(0, 4000),
    byte=st.integers(0, 255),
)
def test_fuzz_parquet(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, cut: int, flip: int, byte: int
) -> None:
    buf = io.BytesIO()
    # without pyarrow's own copy of the schema in the footer's metadata (base64 text that only
    # pyarrow reads: a byte flipped there left the data whole and DuckDB right, 4 rows, while
    # pyarrow refused the file, and the oracle called that a fault)
    table = pa.Table.from_pylist([{k: str(v) for k, v in r.items()} for r in ROWS])
    pq.write_table(table, buf, store_schema=False)
    valid = bytearray(buf.getvalue())
    if flip < len(valid):
        valid[flip] = byte
    blob = bytes(valid[: len(valid) - cut % 64]) if data == b"" else data
    folder = _folder(tmp_path_factory, "transactions.parquet", blob)
    try:
        expected: int | None = pq.read_table(io.BytesIO(blob)).num_rows
    except Exception:  # noqa: BLE001 - whatever pyarrow raises, the file is unreadable to it
        expected = None
    _check(folder, "transactions", expected)


def _xml_reports(data: bytes) -> int | None:
    try:
        root = ET.fromstring(data)  # only called on files Tanglaw loaded: no DOCTYPE, no entities
    except ET.ParseError:
        return None
    return sum(1 for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "report")


@FUZZ
@given(data=_inputs("xml"))
def test_fuzz_xml_reports(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    folder = _folder(tmp_path_factory, "reports.xml", data)
    try:
        report = ingest_bundle(DuckDBEngine(duckdb.connect()), folder)
    except TanglawError as e:
        lines = e.lines() if isinstance(e, BundleError) else str(e).splitlines()
        assert lines and all(ln.strip() for ln in lines)
        return
    assert report.rows["reports"] == _xml_reports(data)
