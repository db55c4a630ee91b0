"""Ingest as an attacker would: misspelt columns, glob characters in paths, records past the line
limit, gzip bombs, broken JSON Lines. Each refusal is exit 2 with lines that name file and line;
each load holds every record of the file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tanglaw.contract import TABLES_BY_NAME
from tanglaw.engine import DuckDBEngine
from tanglaw.errors import BundleError
from tanglaw.stages.ingest import ingest_bundle
from tanglaw.stages.ingest.loader import _load_checked
from tanglaw.stages.ingest.readers import RawTable, duckdb_path, read_table_file
from tanglaw.stages.ingest.records import MAX_RECORD_BYTES
from tanglaw.stages.ingest.validate import ensure_code_tables

from .conftest import invoke, payment, write_table

MB = 2**20
GOOD = payment("T1", "2026-03-01T03:30:00Z", 50, "A1", "B1")
HEADER = ",".join(GOOD) + "\n"


def _row(txn_id: str, reference: str = "x") -> str:
    return ",".join(str(v) for v in dict(GOOD, txn_id=txn_id, reference=reference).values()) + "\n"


def _refusal(folder: Path, **kw: bool) -> list[str]:
    with pytest.raises(BundleError) as e:
        ingest_bundle(DuckDBEngine(duckdb.connect()), folder, **kw)
    return e.value.lines()


def _rows(folder: Path, table: str = "transactions", **kw: bool) -> int:
    return ingest_bundle(DuckDBEngine(duckdb.connect()), folder, **kw).rows[table]


# ---- 1. misspelt and unknown columns -------------------------------------------------------


MISSPELT = [
    ("transactions", "reciever_country", "receiver_country", "PH"),
    ("transactions", "merchant_categry", "merchant_category", "5814"),
    ("accounts", "ban_reason", "banned_reason", "cse"),
    ("accounts", "closed", "closed_at", "2026-01-01T00:00:00Z"),
    ("parties", "adress", "address", "1 Main St"),
    ("sessions", "is_private", "private", "true"),
    ("media", "qualty", "quality", "90"),
    ("reports", "account_id", "account_ids", "A1"),
]

BASE = {
    "transactions": dict(GOOD),
    "accounts": {"account_id": "A1", "source": "bank-a"},
    "parties": {"party_id": "P1", "source": "bank-a"},
    "sessions": {
        "session_id": "S1",
        "source": "vc",
        "started_at": "2026-03-01T03:30:00Z",
        "host_account_id": "H1",
    },
    "media": {
        "media_id": "M1",
        "source": "vc",
        "seen_at": "2026-03-01T03:30:00Z",
        "signal_type": "md5",
        "hash": "00",
    },
    "reports": {"report_id": "R1", "source": "hotline", "received_at": "2026-03-01T03:30:00Z"},
}


def _bundle_with(tmp_path: Path, table: str, extra: dict[str, str], fmt: str = "csv") -> Path:
    b = tmp_path / "b"
    row = dict(BASE[table], **extra)
    if table != "transactions":
        write_table(b, "transactions", [GOOD])
    if fmt == "csv":
        write_table(b, table, [row])
    elif fmt == "jsonl":
        b.mkdir(parents=True, exist_ok=True)
        (b / f"{table}.jsonl").write_text(json.dumps({k: str(v) for k, v in row.items()}) + "\n")
    else:
        b.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist([{k: str(v) for k, v in row.items()}]), b / f"{table}.parquet")
    return b


@pytest.mark.parametrize("table,wrong,right,value", MISSPELT, ids=[m[1] for m in MISSPELT])
def test_a_misspelt_column_is_refused(tmp_path: Path, table: str, wrong: str, right: str, value: str) -> None:
    b = _bundle_with(tmp_path, table, {wrong: value})
    assert _refusal(b) == [
        f"{table}.csv: {wrong}: unknown column; did you mean {right}? (--allow-unknown-columns to accept it)"
    ]
    # with the switch it is kept as given, and said so
    report = ingest_bundle(DuckDBEngine(duckdb.connect()), b, allow_unknown_columns=True)
    assert f"{table}.csv: {wrong}: unknown column, kept as given; did you mean {right}?" in report.notes


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_a_misspelt_column_is_refused_in_every_format(tmp_path: Path, fmt: str) -> None:
    b = _bundle_with(tmp_path, "accounts", {"ban_reason": "cse"}, fmt)
    assert _refusal(b) == [
        f"accounts.{fmt}: ban_reason: unknown column; did you mean banned_reason? "
        "(--allow-unknown-columns to accept it)"
    ]


def test_the_cli_refuses_a_misspelt_column_and_the_switch_accepts_it(tmp_path: Path, runner) -> None:
    b = tmp_path / "b"
    write_table(b, "transactions", [dict(GOOD, reciever_country="PH")])
    res = invoke(runner, "run", b, "--out", tmp_path / "out", "-q")
    assert res.exit_code == 2
    assert res.stderr.splitlines()[0] == (
        "transactions.csv: reciever_country: unknown column; did you mean receiver_country? "
        "(--allow-unknown-columns to accept it)"
    )
    assert not (tmp_path / "out" / "cases.csv").exists()
    res = invoke(runner, "run", b, "--out", tmp_path / "out", "-q", "--allow-unknown-columns")
    assert res.exit_code == 0, res.output
    assert "reciever_country: unknown column, kept as given" in res.stderr


def test_the_extras_real_sources_add_are_kept_with_a_note(tmp_path: Path) -> None:
    """The external world's extra columns are not close to any column their table lacks."""
    b = tmp_path / "b"
    write_table(b, "transactions", [dict(GOOD, fee="1.99", value_date="2026-03-01", status="PAID")])
    write_table(b, "accounts", [dict(BASE["accounts"], currency="USD", status="active")])
    write_table(b, "parties", [dict(BASE["parties"], segment="retail")])
    write_table(b, "sessions", [dict(BASE["sessions"], duration_s="60", category="music")])
    report = ingest_bundle(DuckDBEngine(duckdb.connect()), b)
    assert report.rows["transactions"] == 1
    notes = "\n".join(report.notes)
    for name in ("fee", "value_date", "status", "currency", "segment", "duration_s", "category"):
        assert f": {name}: unknown column, kept as given" in notes
    assert "accounts.csv: currency: unknown column, kept as given; a column of transactions" in notes


def test_a_close_name_beside_the_real_column_is_only_noted(tmp_path: Path) -> None:
    """Both `receiver_country` and `reciever_country`: nothing is lost, so nothing is refused."""
    b = tmp_path / "b"
    write_table(b, "transactions", [dict(GOOD, receiver_country="PH", reciever_country="PH")])
    assert _rows(b) == 1


def test_a_missing_required_column_names_what_is_there_instead(tmp_path: Path) -> None:
    b = tmp_path / "b"
    row = {("ammount" if k == "amount" else k): v for k, v in GOOD.items()}
    write_table(b, "transactions", [row])
    lines = _refusal(b)
    assert "transactions.csv:1: amount: a required column is missing; the file has 'ammount' instead" in lines


def test_hostile_column_names_are_data(tmp_path: Path) -> None:
    """Quotes, backslashes, SQL and markup in a column name: kept as an extra column, never run."""
    names = ['a"b', "c\\", "x); DROP TABLE t; --", "[red]y[/]", "=1+1"]
    b = tmp_path / "b"
    write_table(b, "transactions", [dict(GOOD, **dict.fromkeys(names, "v"))])
    con = duckdb.connect()
    ingest_bundle(DuckDBEngine(con), b)
    cols = [d[0] for d in con.execute("SELECT * FROM transactions").description]
    assert all(n.lower() in cols for n in names)  # names are read lower-cased
    j = tmp_path / "j"
    j.mkdir()
    (j / "transactions.jsonl").write_text(json.dumps(dict(GOOD, **dict.fromkeys(names, "v"))) + "\n")
    assert _rows(j) == 1


# ---- 2. paths are paths ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bundle*", "bundle?", "bundle[ab]", "[b]undle", "bun**dle"])
@pytest.mark.parametrize("fmt", ["csv", "csv.gz", "jsonl", "jsonl.gz", "parquet"])
def test_glob_characters_read_one_folder(tmp_path: Path, name: str, fmt: str) -> None:
    """Sibling folders that the name would match as a pattern hold more rows; none is read."""
    for folder, n in (
        (name, 1),
        ("bundleA", 2),
        ("bundlea", 3),
        ("bundle", 4),
        ("bundlebb", 5),
        ("bun--dle", 6),
    ):
        rows = [dict(GOOD, txn_id=f"{folder}-{i}") for i in range(n)]
        _write(tmp_path / folder, fmt, rows)
    con = duckdb.connect()
    ingest_bundle(DuckDBEngine(con), tmp_path / name)
    assert con.execute("SELECT txn_id FROM transactions").fetchall() == [(f"{name}-0",)]


def test_duckdb_path_escapes_every_pattern_character() -> None:
    assert duckdb_path(Path("/d/b*[x]?/t.csv")) == "'/d/b[*][[]x][?]/t.csv'"


def _write(folder: Path, fmt: str, rows: list[dict[str, object]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if fmt.startswith("csv"):
        text = ",".join(rows[0]) + "\n" + "".join(",".join(str(v) for v in r.values()) + "\n" for r in rows)
    elif fmt.startswith("jsonl"):
        text = "".join(json.dumps({k: str(v) for k, v in r.items()}) + "\n" for r in rows)
    else:
        pq.write_table(
            pa.Table.from_pylist([{k: str(v) for k, v in r.items()} for r in rows]),
            folder / "transactions.parquet",
        )
        return
    data = text.encode()
    (folder / f"transactions.{fmt}").write_bytes(gzip.compress(data) if fmt.endswith(".gz") else data)


# ---- 3. nothing lost silently: the line limit ----------------------------------------------

LIMIT = f"a record longer than the {MAX_RECORD_BYTES // MB} MB line limit"


def _csv_bundle(tmp_path: Path, data: bytes, gz: bool = False) -> Path:
    b = tmp_path / "b"
    b.mkdir(exist_ok=True)
    (b / ("transactions.csv.gz" if gz else "transactions.csv")).write_bytes(
        gzip.compress(data, 1) if gz else data
    )
    return b


@pytest.mark.parametrize("gz", [False, True], ids=["csv", "csv.gz"])
@pytest.mark.parametrize("newline", [True, False], ids=["lf", "no-lf"])
def test_an_oversized_last_record_is_refused_not_dropped(tmp_path: Path, gz: bool, newline: bool) -> None:
    last = _row("T3", "y" * (33 * MB))
    data = HEADER + _row("T1") + _row("T2") + (last if newline else last.rstrip("\n"))
    assert _refusal(_csv_bundle(tmp_path, data.encode(), gz)) == [
        f"transactions.csv{'.gz' if gz else ''}:4: {LIMIT}"
    ]


@pytest.mark.parametrize("quoted", [False, True])
def test_a_10_mb_field_is_loaded_whole(tmp_path: Path, quoted: bool) -> None:
    big = "y" * (10 * MB)
    ref = f'"{big}\nsecond line"' if quoted else big
    b = _csv_bundle(tmp_path, (HEADER + _row("T1") + _row("T2", ref) + _row("T3")).encode())
    con = duckdb.connect()
    ingest_bundle(DuckDBEngine(con), b)
    got = con.execute("SELECT txn_id, length(reference) FROM transactions ORDER BY txn_id").fetchall()
    assert got == [("T1", 1), ("T2", len(big) + (12 if quoted else 0)), ("T3", 1)]


def test_a_50_mb_quoted_field_names_the_limit_not_a_quote(tmp_path: Path) -> None:
    data = HEADER + _row("T1") + _row("T2", '"' + "y" * (50 * MB) + '"') + _row("T3")
    assert _refusal(_csv_bundle(tmp_path, data.encode())) == [f"transactions.csv:3: {LIMIT}"]


def test_a_record_past_the_limit_after_a_multi_line_value_names_its_physical_line(tmp_path: Path) -> None:
    data = HEADER + _row("T1", '"a\nb\nc"') + _row("T2", "y" * (17 * MB))
    assert _refusal(_csv_bundle(tmp_path, data.encode())) == [f"transactions.csv:5: {LIMIT}"]


@pytest.mark.parametrize("gz", [False, True], ids=["csv", "csv.gz"])
def test_nul_bytes_after_a_valid_header_are_refused(tmp_path: Path, gz: bool) -> None:
    """The gzip bomb: a small file that expands to 200 MB of zeros after one good record."""
    data = (HEADER + _row("T1")).encode() + b"\0" * (200 * MB if gz else 1000)
    lines = _refusal(_csv_bundle(tmp_path, data, gz))
    assert lines == [
        f"transactions.csv{'.gz' if gz else ''}:3: a NUL byte: this is not a text file (save it as UTF-8)"
    ]


def test_a_cut_short_gzip_file_is_refused(tmp_path: Path) -> None:
    data = gzip.compress((HEADER + "".join(_row(f"T{i}") for i in range(5000))).encode())
    b = _csv_bundle(tmp_path, b"")
    (b / "transactions.csv").unlink()
    (b / "transactions.csv.gz").write_bytes(data[: len(data) // 2])
    [line] = _refusal(b)
    assert line.startswith("transactions.csv.gz:") and "cannot be read to the end" in line


def test_an_unclosed_quote_names_the_line_of_its_record(tmp_path: Path) -> None:
    data = HEADER + _row("T1") + _row("T2", '"never closed') + _row("T3")
    assert _refusal(_csv_bundle(tmp_path, data.encode())) == [
        "transactions.csv:3: a quoted value is never closed (a quote is missing)"
    ]


def _jsonl_bundle(tmp_path: Path, data: bytes, gz: bool = False) -> Path:
    b = tmp_path / "j"
    b.mkdir(exist_ok=True)
    (b / ("transactions.jsonl.gz" if gz else "transactions.jsonl")).write_bytes(
        gzip.compress(data, 1) if gz else data
    )
    return b


def _obj(txn_id: str, reference: str = "x") -> bytes:
    return (
        json.dumps({k: str(v) for k, v in dict(GOOD, txn_id=txn_id, reference=reference).items()}) + "\n"
    ).encode()


@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_oversized_last_record_and_bomb_are_refused(tmp_path: Path, gz: bool) -> None:
    ext = "jsonl.gz" if gz else "jsonl"
    data = _obj("T1") + b"\n" + _obj("T2", "y" * (20 * MB))
    assert _refusal(_jsonl_bundle(tmp_path, data, gz)) == [f"transactions.{ext}:3: {LIMIT}"]
    bomb = _obj("T1") + b"\0" * (100 * MB)
    assert _refusal(_jsonl_bundle(tmp_path, bomb, gz)) == [
        f"transactions.{ext}:2: a NUL byte: this is not a text file (save it as UTF-8)"
    ]


def test_a_count_that_differs_from_the_file_is_a_refusal(tmp_path: Path) -> None:
    """The last wall: rows loaded are compared with the records counted apart from the parser."""
    b = _csv_bundle(tmp_path, (HEADER + _row("T1") + _row("T2")).encode())
    con = duckdb.connect()
    ensure_code_tables(DuckDBEngine(con))
    raw = read_table_file(DuckDBEngine(con), b / "transactions.csv", "csv", "__raw")
    assert raw.expected() == 2
    lying = RawTable(raw.name, raw.columns, raw.first_line, raw.is_view, raw.explain_error, None, 3)
    check, _ = _load_checked(DuckDBEngine(con), TABLES_BY_NAME["transactions"], lying, "transactions.csv")
    assert [str(p) for p in check.problems] == [
        "transactions.csv: 2 record(s) were read but the file holds 3; refused rather than load part of it "
        "(check the file's line breaks and quotes)"
    ]


# ---- 4. JSON Lines refusals name the line where the broken record starts ---------------------


JSONL_BROKEN = [
    (
        "cut object",
        _obj("T1") + b'{"txn_id": \n' + _obj("T3"),
        2,
        "not valid JSON Lines: Expecting value at column 11",
    ),
    (
        "after blank lines",
        _obj("T1") + b"\n  \n\t\n" + b'{"a": 1,, "b": 2}\n',
        5,
        "not valid JSON Lines: Expecting property name enclosed in double quotes at column 9",
    ),
    ("array after blanks", _obj("T1") + b"\n\n[1, 2]\n", 4, "each line must be one JSON object"),
    ("scalar", _obj("T1") + b'"just text"\n', 2, "each line must be one JSON object"),
    ("two objects", _obj("T1") + b'{"a": 1} {"b": 2}\n', 2, "not valid JSON Lines: Extra data at column 10"),
    (
        "pretty printed",
        b'{\n  "txn_id": "T1"\n}\n',
        1,
        "not valid JSON Lines: Expecting property name enclosed in double quotes at column 2",
    ),
    ("bad utf-8", _obj("T1") + b'{"a": "\xff"}\n', 2, "invalid UTF-8 bytes (save the file as UTF-8)"),
    ("deep nesting", _obj("T1") + b'{"a":' * 100_000 + b"\n", 2, "not valid JSON Lines: nested too deeply"),
    (
        "control character",
        _obj("T1") + b'{"a": "x\x01y"}\n',
        2,
        "not valid JSON Lines: Invalid control character at at column 9",
    ),
]


@pytest.mark.parametrize("why,data,line,message", JSONL_BROKEN, ids=[c[0] for c in JSONL_BROKEN])
@pytest.mark.parametrize("gz", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_refusal_names_the_line(
    tmp_path: Path, why: str, data: bytes, line: int, message: str, gz: bool
) -> None:
    ext = "jsonl.gz" if gz else "jsonl"
    assert _refusal(_jsonl_bundle(tmp_path, data, gz)) == [f"transactions.{ext}:{line}: {message}"]


def test_jsonl_value_problems_name_the_physical_line_past_blank_lines(tmp_path: Path) -> None:
    data = _obj("T1") + b"\n\n" + _obj("T2").replace(b'"amount": "50"', b'"amount": "-1"')
    assert _refusal(_jsonl_bundle(tmp_path, data)) == [
        'transactions.jsonl:4: amount: "-1" must be greater than 0'
    ]
