"""Case-id stability with added data: cut a bundle's timeline, run, note every case, re-run whole.

Used by `benchmarks/bench_case_stability.py` and by a fast test on a small world.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import duckdb

from ..casebook.store import CaseBook
from ..engine.core import DuckDBEngine
from ..engine.sqltext import literal
from ..pipeline import run_bundle
from ..stages.ingest.discover import discover_bundle
from ..stages.ingest.readers import read_table_file

#: table → its time column; rows after the cut-off are dropped, other tables are copied whole
TIME_COLUMNS = {
    "transactions": "timestamp",
    "sessions": "started_at",
    "messages": "sent_at",
    "media": "seen_at",
    "reports": "received_at",
}


def _writer(path: Path, fmt: str) -> tuple[str, str]:
    """The file name and COPY options that write a cut table in its bundle file's format (an XML
    file of reports is written back as CSV)."""
    if fmt == "parquet":
        return path.name, "(FORMAT parquet)"
    if fmt == "jsonl":
        gz = path.name.endswith(".gz")
        return path.name, "(FORMAT json, COMPRESSION gzip)" if gz else "(FORMAT json)"
    if fmt == "csv" and path.name.endswith(".gz"):
        return path.name, "(HEADER, DELIMITER ',', COMPRESSION gzip)"
    return path.name if fmt == "csv" else f"{path.name.split('.')[0]}.csv", "(HEADER, DELIMITER ',')"


def cut_bundle(bundle: Path, dest: Path, share: float = 5 / 6) -> str:
    """Copy `bundle` to `dest` keeping the first `share` of the transactions' time span."""
    engine = DuckDBEngine(duckdb.connect())
    files = discover_bundle(bundle)
    raw = {t: read_table_file(engine, path, fmt, f"__evaluate__cut_{t}") for t, (path, fmt) in files.items()}
    lo, hi = engine.rows(
        "SELECT min(TRY_CAST(timestamp AS TIMESTAMPTZ)), max(TRY_CAST(timestamp AS TIMESTAMPTZ)) "
        f"FROM {raw['transactions'].name}"
    )[0]
    cutoff = lo + (hi - lo) * share
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for table, (path, fmt) in files.items():
        col = TIME_COLUMNS.get(table)
        if col is None and fmt != "xml":
            shutil.copy(path, dest / path.name)
            continue
        name, options = _writer(path, fmt)
        keep = (
            f"""WHERE TRY_CAST("{col}" AS TIMESTAMPTZ) IS NULL
                   OR TRY_CAST("{col}" AS TIMESTAMPTZ) <= TIMESTAMPTZ '{cutoff.isoformat()}'"""
            if col
            else ""
        )
        engine.execute(
            f"COPY (SELECT * FROM {raw[table].name} {keep}) TO {literal(str(dest / name))} {options}"
        )
    engine.close()
    return cutoff.isoformat()


def stability(bundle: Path, work: Path) -> dict[str, float | int | str]:
    """The two runs and what the book kept; returns the figures."""
    part, out = work / "bundle-5of6", work / "out"
    shutil.rmtree(out, ignore_errors=True)
    cutoff = cut_bundle(bundle, part)
    t0 = time.perf_counter()
    first = run_bundle(part, out)
    book = CaseBook.open(out, create=False)
    before = [r.case_id for r in book.cases(where="c.in_latest_run = 1")]
    for cid in before:
        book.add_note(cid, f"looked at {cid} before the re-run", "bench")
    n_notes = int(book.rows("SELECT count(*) FROM notes")[0][0])
    book.close()
    second = run_bundle(bundle, out)
    book = CaseBook.open(out, create=False)
    after = {r.case_id for r in book.cases(where="c.in_latest_run = 1")}
    # cases in the outputs only because nobody closed them (their people are below the thresholds)
    carried = {
        r[0]
        for r in book.rows(
            "SELECT case_id FROM audit WHERE action = 'carried' AND at = (SELECT max(at) FROM runs)"
        )
    }
    merged = dict(book.rows("SELECT case_id, merged_into FROM cases WHERE merged_into IS NOT NULL"))
    notes_left = book.rows("SELECT case_id, text FROM notes WHERE author = 'bench'")
    reachable = sum(1 for cid, _ in notes_left if cid in after or merged.get(cid) in after)
    book.close()
    kept = sum(1 for c in before if c in after)
    # a case whose network is gone (its people are no longer flagged) keeps its id only because
    # it was carried (`cases.carry_open`); without that it stays in the book, "not in latest run"
    continuing = [c for c in before if (c in after and c not in carried) or c in merged]
    found_again = sum(1 for c in continuing if c in after)
    return {
        "cutoff": cutoff,
        "cases_first": first.n_cases,
        "cases_second": second.n_cases,
        "ids_kept_pct_of_all": round(100 * kept / len(before), 2) if before else 100.0,
        "cases_whose_network_is_gone": len(before) - len(continuing),
        "of_which_kept_open": sum(1 for c in before if c in carried),
        "ids_kept_pct_of_continuing": round(100 * found_again / len(continuing), 2) if continuing else 100.0,
        "notes_added": n_notes,
        "notes_kept": len(notes_left),
        "notes_reachable_from_latest_cases": reachable,
        "seconds": round(time.perf_counter() - t0, 1),
        **{k: v for k, v in second.case_changes.items()},
    }
