"""Readers: the same table read from CSV, CSV.gz, Parquet, JSONL and JSONL.gz gives the same rows."""

from __future__ import annotations

import csv
import gzip
import json
import string
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tanglaw.engine import DuckDBEngine
from tanglaw.stages.ingest import ingest_bundle

ROWS = [
    {
        "txn_id": "T1",
        "source": "bank-a",
        "timestamp": "2026-03-01T03:30:00Z",
        "amount": "50",
        "currency": "usd",
        "sender_account_id": "A1",
        "receiver_account_id": "B1",
        "reference": 'say "hi", ok',
        "sender_country": "us",
    },
    {
        "txn_id": "T2",
        "source": "bank-a",
        "timestamp": "2026-03-01T11:30:00+08:00",
        "amount": "12.5",
        "currency": "PHP",
        "sender_account_id": "A1",
        "receiver_account_id": "B1",
        "reference": "line\nbreak",
        "sender_country": "",
    },
]


def _write(folder: Path, fmt: str, rows: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    fields = list(rows[0])
    if fmt in ("csv", "csv.gz"):
        opener = gzip.open if fmt == "csv.gz" else open
        with opener(folder / f"transactions.{fmt}", "wt", newline="", encoding="utf-8") as fh:  # type: ignore[operator]
            w = csv.DictWriter(fh, fieldnames=fields)
            w.writeheader()
            w.writerows(rows)
    elif fmt in ("jsonl", "jsonl.gz"):
        opener = gzip.open if fmt == "jsonl.gz" else open
        with opener(folder / f"transactions.{fmt}", "wt", encoding="utf-8") as fh:  # type: ignore[operator]
            for r in rows:
                fh.write(json.dumps({k: v for k, v in r.items() if v != ""}) + "\n")
    else:
        pq.write_table(pa.Table.from_pylist(rows), folder / "transactions.parquet")


def _load(folder: Path) -> list[tuple[object, ...]]:
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    ingest_bundle(DuckDBEngine(con), folder)
    return con.execute(
        "SELECT txn_id, timestamp, timestamp_utc_offset_min, amount, currency, reference, sender_country "
        "FROM transactions ORDER BY txn_id"
    ).fetchall()


def test_all_formats_agree(tmp_path: Path) -> None:
    results = {fmt: _load(_p(tmp_path, fmt)) for fmt in ("csv", "csv.gz", "parquet", "jsonl", "jsonl.gz")}
    first = results["csv"]
    assert first[0][3] == 50.0 and first[0][4] == "USD" and first[0][6] == "US"
    assert first[1][2] == 480  # the +08:00 offset is kept for local-time features
    assert first[1][5] == "line\nbreak" and first[1][6] is None
    for fmt, rows in results.items():
        assert rows == first, fmt


def _p(tmp_path: Path, fmt: str) -> Path:
    folder = tmp_path / fmt.replace(".", "_")
    _write(folder, fmt, ROWS)
    return folder


def test_unknown_columns_are_kept(tmp_path: Path) -> None:
    rows = [dict(r, my_extra="x") for r in ROWS]
    _write(tmp_path / "b", "csv", rows)
    con = duckdb.connect()
    ingest_bundle(DuckDBEngine(con), tmp_path / "b")
    assert con.execute("SELECT my_extra FROM transactions LIMIT 1").fetchone() == ("x",)


_text = st.text(alphabet=string.ascii_letters + string.digits + ' ,"\n\t;éñ中', max_size=30)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    refs=st.lists(_text, min_size=1, max_size=8),
    amounts=st.lists(st.decimals(min_value="0.01", max_value="1000000", places=2), min_size=8, max_size=8),
)
def test_csv_round_trip(tmp_path_factory, refs: list[str], amounts: list[object]) -> None:
    """Whatever text a reference holds (quotes, commas, newlines), it comes back as written (spaces trimmed)."""
    folder = tmp_path_factory.mktemp("rt")
    rows = [dict(ROWS[0], txn_id=f"T{i}", reference=r, amount=str(amounts[i])) for i, r in enumerate(refs)]
    _write(folder, "csv", rows)
    got = _load(folder)
    want = sorted((f"T{i}", (r.strip(" ") or None), float(str(amounts[i]))) for i, r in enumerate(refs))
    assert sorted((g[0], g[5], g[3]) for g in got) == want


_ts_chars = st.text(alphabet="0123456789-:TZ+. z", max_size=30)
_dec_chars = st.text(alphabet="0123456789.,+-eE_ inf", max_size=12)


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.none(), _ts_chars, _dec_chars, st.text(max_size=10)))
def test_fast_scan_agrees_with_the_problem_lines(value: str | None) -> None:
    """The one-scan counting test and the per-value problem messages flag exactly the same values."""
    from tanglaw.contract import Column
    from tanglaw.stages.ingest.validate import _bad_expr, _problem_expr, ensure_code_tables, value_expr

    con = duckdb.connect()
    ensure_code_tables(DuckDBEngine(con))
    for col in (
        Column("a", "dec", minimum=0, exclusive_minimum=True),
        Column("b", "dec", required=True),
        Column("t", "ts"),
        Column("u", "ts", required=True),
    ):
        sql = f"SELECT ({_problem_expr(col, 'x')}) IS NOT NULL, {_bad_expr(col, 'x')} FROM (SELECT {value_expr('y')} AS x FROM (SELECT ?::VARCHAR AS y))"
        slow, fast = con.execute(sql, [value]).fetchall()[0]
        assert slow == fast, (col, value)
