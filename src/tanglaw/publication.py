"""One run per output folder, and publication that is all-or-nothing.

**The lock.** A run holds an exclusive `flock` on `OUT/.tanglaw/run.lock` (which holds its pid)
from before it reads anything until it has published. A second run into the same folder is
refused at once: "another tanglaw run is writing OUT (pid N)". The operating system drops the
lock when its process dies, so a lock left by a killed run is taken over by the next one.

**Publication.** A run builds everything beside the published state: the workspace in
`OUT/workspace.duckdb.partial`, the CSVs and the report in `OUT/.tanglaw-staging/`, and its case
book changes in an open SQLite transaction. It then writes a journal (`.tanglaw-staging/
publish.json`: the run's id in the case book and the renames to do) and commits the case book:
that commit is the one moment the new state becomes the published one. The renames follow. If the
process dies anywhere in between, the next run into the folder (or the next command that reads
it) settles the journal first: when the case book holds the run, the renames are completed; when
it does not, everything staged is thrown away. Either way the folder holds the old state or the
new one, never a mix of the two. Ctrl-C is ignored from the journal to the last rename.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .contract import BOOK_FILE
from .errors import WorkspaceError

#: the run lock, in a folder of its own so that the output folder holds only outputs
LOCK_FILE = ".tanglaw/run.lock"
STAGING = ".tanglaw-staging"
JOURNAL = "publish.json"
#: the workspace a run builds, published under its final name
PARTIAL_WORKSPACE = "workspace.duckdb.partial"

try:  # POSIX; elsewhere the lock is a pid file checked for a live process
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def staging_dir(out_dir: Path) -> Path:
    return out_dir / STAGING


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_pid(fd: int) -> int:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii", "replace").strip() or 0)
    except (OSError, ValueError):
        return 0


@dataclass
class RunLock:
    out_dir: Path
    fd: int

    def release(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self.fd)


def try_lock(out_dir: Path) -> RunLock | int:
    """Take the folder's run lock: the lock, or the pid of the live run that holds it."""
    (out_dir / LOCK_FILE).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _read_pid(fd)
            os.close(fd)
            return pid
    else:  # pragma: no cover - Windows: a pid file, taken over when its pid is gone
        pid = _read_pid(fd)
        if pid and pid != os.getpid() and _pid_alive(pid):
            os.close(fd)
            return pid
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return RunLock(out_dir, fd)


@contextlib.contextmanager
def run_lock(out_dir: Path) -> Iterator[RunLock]:
    """Hold the folder's run lock for the block, or refuse with the pid of the run that holds it."""
    got = try_lock(out_dir)
    if isinstance(got, int):
        who = f" (pid {got})" if got else ""
        raise WorkspaceError(
            f"another tanglaw run is writing {out_dir}{who}; wait for it to finish, or stop it first"
        )
    try:
        yield got
    finally:
        got.release()


# ---- the journal -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Journal:
    #: the run's row in the case book (`runs.run_id`, `runs.at`): present iff the run committed
    run_id: int
    at: str
    #: (path relative to OUT, final name in OUT)
    moves: tuple[tuple[str, str], ...]


def _journal_path(out_dir: Path) -> Path:
    return staging_dir(out_dir) / JOURNAL


def _write_journal(out_dir: Path, journal: Journal) -> None:
    path = _journal_path(out_dir)
    tmp = path.with_name(path.name + ".tmp")
    doc = {"run_id": journal.run_id, "at": journal.at, "moves": [list(m) for m in journal.moves]}
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _read_journal(out_dir: Path) -> Journal | None:
    path = _journal_path(out_dir)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        moves = tuple((str(a), str(b)) for a, b in doc["moves"])
        return Journal(int(doc["run_id"]), str(doc["at"]), moves)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Journal(0, "", ())  # unreadable: written only partly, so never committed


def _committed(out_dir: Path, journal: Journal) -> bool:
    """Whether the case book holds the journal's run (its transaction committed)."""
    path = out_dir / BOOK_FILE
    if not journal.run_id or not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60)
        try:
            row = con.execute(
                "SELECT count(*) FROM runs WHERE run_id = ? AND at = ?", [journal.run_id, journal.at]
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return bool(row and row[0])


def _inside(out_dir: Path, rel: str) -> Path:
    """`OUT/rel`, refused unless it is a plain name or a path under the staging folder."""
    p = Path(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise WorkspaceError(f"{_journal_path(out_dir)}: not a journal Tanglaw wrote ({rel!r})")
    return out_dir / p


def _do_moves(out_dir: Path, moves: Sequence[tuple[str, str]]) -> None:
    for src, dest in moves:
        s, d = _inside(out_dir, src), _inside(out_dir, dest)
        if s.exists():
            os.replace(s, d)


def discard(out_dir: Path) -> None:
    """Throw away what an unpublished run staged (with the lock held, before the case book commit)."""
    _clear(out_dir)


def _clear(out_dir: Path) -> None:
    shutil.rmtree(staging_dir(out_dir), ignore_errors=True)
    for name in (PARTIAL_WORKSPACE, PARTIAL_WORKSPACE + ".wal"):
        with contextlib.suppress(FileNotFoundError):
            (out_dir / name).unlink()


def settle_locked(out_dir: Path) -> str | None:
    """With the lock held: finish or undo a publication a dead run left; say which, or None."""
    journal = _read_journal(out_dir)
    if journal is None:
        if staging_dir(out_dir).exists() or (out_dir / PARTIAL_WORKSPACE).exists():
            _clear(out_dir)
        return None
    if _committed(out_dir, journal):
        _do_moves(out_dir, journal.moves)
        _clear(out_dir)
        return "completed the publication of an interrupted run"
    _clear(out_dir)
    return "discarded the unpublished outputs of an interrupted run"


def settle(out_dir: Path) -> str | None:
    """Before reading `out_dir`: settle a publication a dead run left, unless a run is live there."""
    if not (staging_dir(out_dir).exists() or (out_dir / PARTIAL_WORKSPACE).exists()):
        return None
    got = try_lock(out_dir)
    if isinstance(got, int):
        return None  # a live run: it settles the folder itself
    try:
        return settle_locked(out_dir)
    finally:
        got.release()


def publish(
    out_dir: Path, moves: Sequence[tuple[Path, str]], *, run_id: int, at: str, commit: Callable[[], None]
) -> list[Path]:
    """Publish staged files: journal, `commit()` (the case book: the point of no return), renames.

    `moves` are (staged path inside `out_dir`, final name). Call inside `interrupt.shielded()`.
    """
    root = out_dir.resolve()  # staged paths may come back absolute when `out_dir` was given relative
    rel = tuple((str(p.resolve().relative_to(root)), name) for p, name in moves)
    _write_journal(out_dir, Journal(run_id, at, rel))
    commit()
    _do_moves(out_dir, rel)
    _clear(out_dir)
    return [out_dir / name for _, name in rel]
