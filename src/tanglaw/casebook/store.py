"""The case book: analysts' case state, kept in the output folder beside the workspace.

One SQLite file, `OUT/casebook.sqlite`, that a run never rebuilds: per case its id, lifecycle
status, assignee, notes, an audit trail of every change, the member accounts at each run and its
lineage (split from, merged into). A run changes it inside one transaction that commits only after
the run's outputs are published; a refused, failed or killed run leaves it as it was (SQLite rolls
back an unfinished transaction, even after a crash). Commands that change a case take the same
lock, one short transaction each.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..contract import BOOK_FILE
from ..errors import TanglawError
from .queue import queue_order

STATUSES = ("open", "triaged", "referred", "closed")
SCHEMA_VERSION = "1"
#: the queue order over the book's columns (see `queue.py`)
QUEUE = queue_order(
    status="c.status",
    carried="c.carried",
    priority="c.priority",
    shape="c.network_shape",
    score="c.score",
    case_id="c.case_id",
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY, at TEXT NOT NULL, bundle TEXT, n_cases INTEGER);
CREATE TABLE IF NOT EXISTS cases (
    case_id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, status TEXT NOT NULL, assignee TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, first_run INTEGER, last_run INTEGER,
    in_latest_run INTEGER NOT NULL DEFAULT 0, merged_into TEXT, split_from TEXT,
    priority TEXT, score REAL, title TEXT, priority_reasons TEXT, actionability REAL,
    last_seen TEXT, carried INTEGER NOT NULL DEFAULT 0, network_shape TEXT);
CREATE TABLE IF NOT EXISTS members (
    case_id TEXT NOT NULL, run_id INTEGER NOT NULL, account_id TEXT NOT NULL, role TEXT,
    PRIMARY KEY (case_id, run_id, account_id, role));
CREATE TABLE IF NOT EXISTS notes (
    note_id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, at TEXT NOT NULL, author TEXT NOT NULL,
    text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (
    audit_id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL,
    action TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS members_by_case ON members (case_id, run_id);
"""


class CaseBookError(TanglawError):
    """A case command a person must fix: an unknown case id, a bad status, an empty note (exit 2)."""


#: how the case book and the workbench write a time (UTC, to the second)
STAMP = "%Y-%m-%dT%H:%M:%SZ"


def stamp(t: datetime) -> str:
    return t.strftime(STAMP)


def parse_stamp(text: str) -> datetime:
    """A time written by `stamp` (a fraction of a second after it is ignored)."""
    return datetime.strptime(text[:19], STAMP[:-1]).replace(tzinfo=UTC)


def now_iso() -> str:
    return stamp(datetime.now(UTC))


def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def book_path(out_dir: Path) -> Path:
    return out_dir / BOOK_FILE


@dataclass
class CaseRow:
    case_id: str
    status: str
    assignee: str | None
    created_at: str
    updated_at: str
    in_latest_run: bool
    merged_into: str | None
    split_from: str | None
    priority: str | None
    score: float | None
    title: str | None
    priority_reasons: str | None
    actionability: float | None
    last_seen: str | None
    n_notes: int


#: columns a book written by an earlier version lacks: `carried` (kept open below the
#: thresholds), `network_shape` (read by the queue order)
ADDED_COLUMNS = (("carried", "INTEGER NOT NULL DEFAULT 0"), ("network_shape", "TEXT"))


def _add_columns(con: sqlite3.Connection) -> None:
    """A book written before cases had one of `ADDED_COLUMNS`: add it."""
    cols = {r[1] for r in con.execute("PRAGMA table_info(cases)")}
    for name, decl in ADDED_COLUMNS:
        if name not in cols:
            with contextlib.suppress(sqlite3.OperationalError):  # another process added it first
                con.execute(f"ALTER TABLE cases ADD COLUMN {name} {decl}")


class CaseBook:
    """An open case book. Use `transaction()` for every change."""

    def __init__(self, path: Path, con: sqlite3.Connection, created: bool) -> None:
        self.path = path
        self.con = con
        self.created = created

    # ---- opening and transactions ----------------------------------------------------------
    @classmethod
    def open(cls, out_dir: Path, *, create: bool = True) -> CaseBook:
        path = book_path(out_dir)
        existed = path.exists()
        if not existed and not create:
            raise CaseBookError(
                f"{out_dir}: no case book here; run `tanglaw run BUNDLE --out {out_dir}` first"
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            con = sqlite3.connect(str(path), timeout=60, isolation_level=None)
            ready = con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
            ).fetchone()[0]
            if not ready:  # a new book: create it (readers of an existing book take no write lock)
                con.executescript(
                    "BEGIN IMMEDIATE;"
                    + SCHEMA
                    + f"INSERT OR IGNORE INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}'), "
                    "('next_seq', '1'); COMMIT;"
                )
            _add_columns(con)
        except sqlite3.Error as e:
            raise TanglawError(f"{path}: cannot open the case book: {e}") from e
        return cls(path, con, created=not existed)

    def close(self) -> None:
        self.con.close()

    def begin(self) -> None:
        try:
            self.con.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise TanglawError(
                f"{self.path}: the case book is busy ({e}); is another run or command still going? Try again."
            ) from e

    def commit(self) -> None:
        self.con.execute("COMMIT")

    def rollback(self) -> None:
        if self.con.in_transaction:
            self.con.execute("ROLLBACK")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[CaseBook]:
        self.begin()
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self.commit()

    # ---- reading ----------------------------------------------------------------------------
    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return list(self.con.execute(sql, params).fetchall())

    def case(self, case_id: str) -> CaseRow:
        """The case `case_id`, in any letter case (`tgl-000001` is TGL-000001)."""
        found = self.cases(where="c.case_id = ? COLLATE NOCASE", params=[case_id.strip()])
        if not found:
            known = self.rows("SELECT case_id FROM cases ORDER BY seq LIMIT 5")
            hint = ", ".join(r[0] for r in known) or "none yet"
            raise CaseBookError(f"no case {case_id!r} in {self.path}; known cases include: {hint}")
        return found[0]

    def cases(self, *, where: str = "1 = 1", params: list[Any] | None = None) -> list[CaseRow]:
        sql = f"""
            SELECT c.case_id, c.status, c.assignee, c.created_at, c.updated_at, c.in_latest_run,
                   c.merged_into, c.split_from, c.priority, c.score, c.title, c.priority_reasons,
                   c.actionability, c.last_seen,
                   (SELECT count(*) FROM notes n WHERE n.case_id = c.case_id)
            FROM cases c WHERE {where}
            ORDER BY c.in_latest_run DESC, {QUEUE}
        """
        return [
            CaseRow(
                case_id=r[0],
                status=r[1],
                assignee=r[2],
                created_at=r[3],
                updated_at=r[4],
                in_latest_run=bool(r[5]),
                merged_into=r[6],
                split_from=r[7],
                priority=r[8],
                score=r[9],
                title=r[10],
                priority_reasons=r[11],
                actionability=r[12],
                last_seen=r[13],
                n_notes=int(r[14]),
            )
            for r in self.rows(sql, params or [])
        ]

    def latest_members(self) -> dict[str, set[str]]:
        """Accounts of every case that is not merged away, as of the last run it was in."""
        out: dict[str, set[str]] = {}
        for cid, acc in self.rows(
            """SELECT m.case_id, m.account_id FROM members m JOIN cases c USING (case_id)
               WHERE c.merged_into IS NULL AND m.run_id = c.last_run"""
        ):
            out.setdefault(cid, set()).add(acc)
        return out

    def members(self, case_id: str) -> list[tuple[str, str]]:
        return [
            (r[0], r[1])
            for r in self.rows(
                """SELECT m.account_id, m.role FROM members m JOIN cases c USING (case_id)
                   WHERE case_id = ? AND m.run_id = c.last_run ORDER BY m.role, m.account_id""",
                [case_id],
            )
        ]

    def case_order(self) -> list[str]:
        return [r[0] for r in self.rows("SELECT case_id FROM cases ORDER BY seq")]

    def notes(self, case_id: str) -> list[tuple[str, str, str]]:
        return [
            (r[0], r[1], r[2])
            for r in self.rows(
                "SELECT at, author, text FROM notes WHERE case_id = ? ORDER BY note_id", [case_id]
            )
        ]

    def history(self, case_id: str) -> list[tuple[str, str, str, str]]:
        return [
            (r[0], r[1], r[2], r[3])
            for r in self.rows(
                "SELECT at, who, action, detail FROM audit WHERE case_id = ? ORDER BY audit_id", [case_id]
            )
        ]

    def merged_from(self, case_id: str) -> list[str]:
        return [
            r[0] for r in self.rows("SELECT case_id FROM cases WHERE merged_into = ? ORDER BY seq", [case_id])
        ]

    def split_children(self, case_id: str) -> list[str]:
        return [
            r[0] for r in self.rows("SELECT case_id FROM cases WHERE split_from = ? ORDER BY seq", [case_id])
        ]

    # ---- writing (inside a transaction) ------------------------------------------------------
    def audit(self, case_id: str, who: str, action: str, detail: str, at: str | None = None) -> None:
        self.con.execute(
            "INSERT INTO audit (case_id, at, who, action, detail) VALUES (?, ?, ?, ?, ?)",
            [case_id, at or now_iso(), who, action, detail],
        )

    def new_case_id(self) -> tuple[str, int]:
        """A case id never used before in this book."""
        seq = int(self.rows("SELECT value FROM meta WHERE key = 'next_seq'")[0][0])
        self.con.execute("UPDATE meta SET value = ? WHERE key = 'next_seq'", [str(seq + 1)])
        return f"TGL-{seq:06d}", seq

    def set_status(self, case_id: str, status: str, who: str, reason: str = "") -> CaseRow:
        status = status.strip().lower()
        if status not in STATUSES:
            raise CaseBookError(f"status {status!r} is not one of {', '.join(STATUSES)}")
        with self.transaction():
            row = self.case(case_id)
            case_id = row.case_id
            if row.status == status:
                raise CaseBookError(f"{case_id} is already {status}")
            detail = f"{row.status} → {status}" + (f": {reason}" if reason else "")
            self._change(case_id, "status", status, who, "status", detail)
        return self.case(case_id)

    def _change(self, case_id: str, column: str, value: str, who: str, action: str, detail: str) -> None:
        """Set one lifecycle column of a case, and say so in its audit trail."""
        at = now_iso()
        self.con.execute(
            f"UPDATE cases SET {column} = ?, updated_at = ? WHERE case_id = ?", [value, at, case_id]
        )
        self.audit(case_id, who, action, detail, at)

    def assign(self, case_id: str, assignee: str, who: str) -> CaseRow:
        assignee = assignee.strip()
        if not assignee:
            raise CaseBookError("the assignee is empty; give a name, e.g. `tanglaw cases assign ID ana`")
        with self.transaction():
            row = self.case(case_id)
            case_id = row.case_id
            self._change(
                case_id, "assignee", assignee, who, "assign", f"{row.assignee or 'nobody'} → {assignee}"
            )
        return self.case(case_id)

    def add_note(self, case_id: str, text: str, who: str) -> CaseRow:
        text = text.strip()
        if not text:
            raise CaseBookError('the note is empty; write what you found, e.g. `tanglaw cases note ID "…"`')
        with self.transaction():
            case_id = self.case(case_id).case_id
            at = now_iso()
            self.con.execute(
                "INSERT INTO notes (case_id, at, author, text) VALUES (?, ?, ?, ?)", [case_id, at, who, text]
            )
            self.con.execute("UPDATE cases SET updated_at = ? WHERE case_id = ?", [at, case_id])
            self.audit(case_id, who, "note", text if len(text) <= 80 else text[:77] + "…", at)
        return self.case(case_id)


def remove_new_book(book: CaseBook) -> None:
    """After a failed first run: remove a book this run created, so nothing is left half-made."""
    if book.created:
        for p in (book.path, book.path.with_name(book.path.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(p)
