"""The workspace: one DuckDB file per output folder, rebuilt beside the published one.

A run builds a new workspace beside the old one (`workspace.duckdb.partial`); the run publishes it
together with its output files and case book (`tanglaw.publication`) only when every stage has
finished. A refused bundle, a failed stage or a process killed mid-run leaves the previous
workspace (and the previous output files) as they were.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import duckdb

from ..errors import WorkspaceError
from ..publication import PARTIAL_WORKSPACE, settle
from .core import DuckDBEngine

WORKSPACE_FILE = "workspace.duckdb"


def workspace_path(out_dir: Path) -> Path:
    return out_dir / WORKSPACE_FILE


def partial_path(out_dir: Path) -> Path:
    """Where a run builds its workspace until it publishes it as `workspace_path`."""
    return out_dir / PARTIAL_WORKSPACE


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


@contextlib.contextmanager
def rebuild(
    out_dir: Path, *, threads: int | None = None, memory_limit: str | None = None
) -> Iterator[DuckDBEngine]:
    """Yield an engine on a fresh workspace at `partial_path(out_dir)`, checkpointed and closed when
    the block succeeds and removed when it fails; the caller publishes it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    partial = partial_path(out_dir)
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


def open_workspace(out_dir: Path, *, read_only: bool = True) -> DuckDBEngine:
    """Open the workspace of a finished run (settling first a publication a killed run left)."""
    settle(out_dir)
    path = workspace_path(out_dir)
    if not path.exists():
        raise WorkspaceError(f"{out_dir}: no workspace here; run `tanglaw run BUNDLE --out {out_dir}` first")
    try:
        return DuckDBEngine(duckdb.connect(str(path), read_only=read_only))
    except duckdb.Error as e:
        raise WorkspaceError(f"{path}: cannot open the workspace: {e}") from e


class _KnownTables(DuckDBEngine):
    """An engine over a finished, read-only workspace: its tables are known once, not looked up."""

    def __init__(self, con: duckdb.DuckDBPyConnection, tables: frozenset[str]) -> None:
        super().__init__(con)
        self._tables = tables

    def table_exists(self, name: str) -> bool:
        return name in self._tables


class SharedWorkspace:
    """One read-only connection to a run's workspace for a long-lived reader (the workbench):
    `engine()` gives each request its own cursor on it (DuckDB cursors may run in parallel
    threads and share the database's cache); `reopen()` after a new run was published."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self._con: duckdb.DuckDBPyConnection | None = None
        self._tables: frozenset[str] = frozenset()

    def reopen(self) -> None:
        """Read the latest published workspace. The old connection is not closed here: a request
        may still read through a cursor of it; it goes when its last cursor does."""
        self._con = None
        engine = open_workspace(self.out_dir)
        self._con = engine.con
        self._tables = frozenset(
            r[0] for r in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        )

    def has_table(self, name: str) -> bool:
        return name in self._tables

    @contextlib.contextmanager
    def engine(self) -> Iterator[DuckDBEngine]:
        if self._con is None:
            self.reopen()
        assert self._con is not None
        engine = _KnownTables(self._con.cursor(), self._tables)
        try:
            yield engine
        finally:
            engine.close()

    def close(self) -> None:
        if self._con is not None:
            with contextlib.suppress(duckdb.Error):
                self._con.close()
            self._con = None
