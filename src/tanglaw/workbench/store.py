"""The workbench's own database: users, sessions, case state, decisions, notes and the audit trail.

One schema and one set of SQL statements for both back ends: SQLite (the default, a file beside the
run's case book, nothing to install) and PostgreSQL (`--db postgresql://…`, for a team). Statements
are written with `?` placeholders and portable types; `Store` turns them into the driver's style.
The run's workspace and case book are never written here: the workbench reads them.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import TanglawError

#: the file of the embedded store, in the run's output folder
STORE_FILE = "workbench.sqlite"
SCHEMA_VERSION = "1"

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS wb_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS wb_users (
        username TEXT PRIMARY KEY, role TEXT NOT NULL, org TEXT, password_hash TEXT NOT NULL,
        failed INTEGER NOT NULL DEFAULT 0, locked_until TEXT, created_at TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1)""",
    """CREATE TABLE IF NOT EXISTS wb_sessions (
        token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, csrf TEXT NOT NULL,
        created_at TEXT NOT NULL, expires_at TEXT NOT NULL)""",
    # one row per case of the run: what the queue shows (copied from the run) and its state
    """CREATE TABLE IF NOT EXISTS wb_cases (
        case_id TEXT PRIMARY KEY, rank INTEGER NOT NULL, priority TEXT, score DOUBLE PRECISION,
        title TEXT, typologies TEXT, countries TEXT, n_people INTEGER, first_flagged TEXT,
        in_latest_run INTEGER NOT NULL DEFAULT 1, evidence_key TEXT,
        status TEXT NOT NULL DEFAULT 'open', assignee TEXT, claimed_at TEXT, escalated_to TEXT,
        hold_reason TEXT, decision TEXT, decided_at TEXT, decided_evidence_key TEXT, updated_at TEXT,
        active INTEGER GENERATED ALWAYS AS (
            CASE WHEN status IN ('open', 'on_hold', 'escalated', 'needs_info') THEN 1 ELSE 0 END) STORED)""",
    # the queue walks cases to work in rank order and stops after a page (`active` is an equality, so
    # the index gives rank order); the oldest unclaimed case, the assignee list and the priority
    # filter each have theirs (measured on 100k cases: benchmarks/bench_workbench.py)
    "CREATE INDEX IF NOT EXISTS wb_cases_rank ON wb_cases (in_latest_run, active, rank)",
    "CREATE INDEX IF NOT EXISTS wb_cases_mine ON wb_cases (in_latest_run, active, assignee, rank)",
    "CREATE INDEX IF NOT EXISTS wb_cases_waiting ON wb_cases (in_latest_run, status, assignee, rank, first_flagged)",
    "CREATE INDEX IF NOT EXISTS wb_cases_assignee ON wb_cases (assignee)",
    "CREATE INDEX IF NOT EXISTS wb_cases_priority ON wb_cases (in_latest_run, priority, active, rank)",
    "CREATE INDEX IF NOT EXISTS wb_cases_all ON wb_cases (rank)",
    "CREATE TABLE IF NOT EXISTS wb_shares (case_id TEXT NOT NULL, org TEXT NOT NULL, PRIMARY KEY (case_id, org))",
    """CREATE TABLE IF NOT EXISTS wb_notes (
        note_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL,
        text TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS wb_notes_case ON wb_notes (case_id, at)",
    """CREATE TABLE IF NOT EXISTS wb_decisions (
        decision_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL,
        outcome TEXT NOT NULL, reason TEXT, referred_to TEXT, evidence_key TEXT, people TEXT NOT NULL,
        claimed_at TEXT)""",
    "CREATE INDEX IF NOT EXISTS wb_decisions_case ON wb_decisions (case_id, at)",
    # people a false positive cleared, with a digest of the evidence they were cleared on
    """CREATE TABLE IF NOT EXISTS wb_cleared (
        entity_id TEXT PRIMARY KEY, evidence_key TEXT NOT NULL, case_id TEXT NOT NULL, at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS wb_audit (
        seq INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
        case_id TEXT, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS wb_audit_case ON wb_audit (case_id, seq)",
    "CREATE TABLE IF NOT EXISTS wb_audit_head (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL)",
)


class StoreError(TanglawError):
    """The workbench database cannot be opened or used (one line a person can act on)."""


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - the extra is installed in the dev environment
        raise StoreError("a PostgreSQL workbench needs psycopg: pip install 'tanglaw[workbench]'") from None
    return psycopg


class Store:
    """An open workbench database. Every change goes through `transaction()`."""

    def __init__(self, kind: str, connect: Any, where: str) -> None:
        self.kind = kind
        self.where = where
        self._connect = connect
        self._local = threading.local()
        self._all: list[Any] = []
        self._idle: list[Any] = []
        self._all_lock = threading.Lock()

    # ---- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str | None, out_dir: Path) -> Store:
        """`url` None: the SQLite file in `out_dir`; `postgresql://…`: that database."""
        if url is None or url.startswith("sqlite:"):
            path = out_dir / STORE_FILE if url is None else Path(url.removeprefix("sqlite:///"))
            path.parent.mkdir(parents=True, exist_ok=True)

            def connect_sqlite() -> sqlite3.Connection:
                con = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("PRAGMA busy_timeout=30000")
                return con

            store = cls("sqlite", connect_sqlite, str(path))
        elif url.startswith(("postgresql://", "postgres://")):
            psycopg = _psycopg()

            def connect_pg() -> Any:
                try:
                    return psycopg.connect(url, autocommit=True)
                except psycopg.OperationalError as e:
                    first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                    raise StoreError(f"cannot reach the PostgreSQL database: {first}") from None

            store = cls("postgresql", connect_pg, "PostgreSQL")
        else:
            raise StoreError(
                "--db takes postgresql://USER@HOST/DATABASE (or nothing, for SQLite in the run folder)"
            )
        store.create_schema()
        return store

    # ---- connections: a small pool, one connection per transaction -----------------------------
    def _take(self) -> Any:
        with self._all_lock:
            if self._idle:
                return self._idle.pop()
        con = self._connect()
        with self._all_lock:
            self._all.append(con)
        return con

    def _give(self, con: Any) -> None:
        with self._all_lock:
            self._idle.append(con)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[Any]:
        """The connection of this thread's open transaction, or one borrowed for one statement."""
        con = getattr(self._local, "con", None)
        if con is not None:
            yield con
            return
        con = self._take()
        try:
            yield con
        finally:
            self._give(con)

    def close(self) -> None:
        """Close every connection this store opened."""
        with self._all_lock:
            for con in self._all:
                with contextlib.suppress(Exception):
                    con.close()
            self._all.clear()
            self._idle.clear()
        self._local = threading.local()

    def create_schema(self) -> None:
        with self.transaction():
            for statement in SCHEMA:
                self.execute(statement)
            if not self.rows("SELECT value FROM wb_meta WHERE key = 'schema'"):
                self.execute("INSERT INTO wb_meta (key, value) VALUES ('schema', ?)", [SCHEMA_VERSION])
            if not self.rows("SELECT seq FROM wb_audit_head WHERE id = 1"):
                self.execute("INSERT INTO wb_audit_head (id, seq, hash) VALUES (1, 0, ?)", ["0" * 64])

    # ---- statements ---------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.kind == "postgresql" else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed."""
        with self._connection() as con:
            return int(con.execute(self._sql(sql), tuple(params)).rowcount or 0)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with self._connection() as con:
            if self.kind == "postgresql":
                with con.cursor() as cur:
                    cur.executemany(self._sql(sql), [tuple(r) for r in rows])
            else:
                con.executemany(sql, [tuple(r) for r in rows])

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._connection() as con:
            return [tuple(r) for r in con.execute(self._sql(sql), tuple(params)).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._connection() as con:
            cur = con.execute(self._sql(sql), tuple(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    @property
    def for_update(self) -> str:
        """Appended to a SELECT that must lock its row until the transaction ends (PostgreSQL;
        SQLite's `BEGIN IMMEDIATE` already holds the one write lock)."""
        return " FOR UPDATE" if self.kind == "postgresql" else ""

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Store]:
        """One transaction (nested calls join the outer one): all of it commits or none of it."""
        if getattr(self._local, "con", None) is not None:
            self._local.depth += 1
            try:
                yield self
            finally:
                self._local.depth -= 1
            return
        con = self._take()
        self._local.con, self._local.depth = con, 1
        try:
            con.execute("BEGIN IMMEDIATE" if self.kind == "sqlite" else "BEGIN")
            try:
                yield self
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            self._local.con = None
            self._give(con)
