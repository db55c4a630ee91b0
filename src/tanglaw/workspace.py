"""The workspace: one DuckDB file per output folder, rebuilt atomically.

A run builds a new workspace beside the old one (`workspace.duckdb.partial`) and swaps it in
with one `os.replace` only when every stage has finished. A refused bundle, a failed stage or a
process killed mid-run leaves the previous workspace (and the previous output files) as they were.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb

from .engine import DuckDBEngine
from .errors import WorkspaceError

WORKSPACE_FILE = "workspace.duckdb"


def workspace_path(out_dir: Path) -> Path:
    return out_dir / WORKSPACE_FILE


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


@contextlib.contextmanager
def rebuild(
    out_dir: Path, *, threads: int | None = None, memory_limit: str | None = None
) -> Iterator[DuckDBEngine]:
    """Yield an engine on a fresh workspace; swap it in only if the block succeeds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    final = workspace_path(out_dir)
    partial = final.with_name(final.name + ".partial")
    _remove(partial)
    con = duckdb.connect(str(partial))
    # one checkpoint at the end (below), none while the stages write: the partial file is thrown
    # away on any failure, and the automatic checkpoints cost about 5% of a run
    con.execute("SET checkpoint_threshold = '64GB'")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    if memory_limit:
        con.execute(f"SET memory_limit = '{memory_limit}'")
    try:
        yield DuckDBEngine(con)
        con.execute("CHECKPOINT")
        con.close()
    except BaseException:
        con.close()
        _remove(partial)
        raise
    os.replace(partial, final)


def open_workspace(out_dir: Path, *, read_only: bool = True) -> DuckDBEngine:
    """Open the workspace of a finished run."""
    path = workspace_path(out_dir)
    if not path.exists():
        raise WorkspaceError(f"{out_dir}: no workspace here; run `tanglaw run BUNDLE --out {out_dir}` first")
    try:
        return DuckDBEngine(duckdb.connect(str(path), read_only=read_only))
    except duckdb.Error as e:
        raise WorkspaceError(f"{path}: cannot open the workspace: {e}") from e
