"""Ctrl-C: remember that it came, whatever a library turns the KeyboardInterrupt into.

DuckDB answers an interrupted query with `RuntimeError("Query interrupted")`, SQLite with
`OperationalError`, and a stage may wrap either into an `EngineError`. The command line installs
`on_sigint` for the time a command runs; it sets a flag before raising `KeyboardInterrupt`, so
the top-level handler knows the run was interrupted however the exception arrives. `shielded`
holds Ctrl-C back for a block that must finish once begun (publishing a run).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_requested = threading.Event()


def requested() -> bool:
    """Whether Ctrl-C came since `reset()`."""
    return _requested.is_set()


def reset() -> None:
    _requested.clear()


def on_sigint(signum: int, frame: FrameType | None) -> None:
    _requested.set()
    raise KeyboardInterrupt


@contextlib.contextmanager
def handling() -> Iterator[None]:
    """Install `on_sigint` for the block (main thread only), then put back what was there."""
    reset()
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGINT)
    if previous == signal.SIG_IGN:  # started with Ctrl-C ignored (a background job): keep it so
        yield
        return
    signal.signal(signal.SIGINT, on_sigint)
    try:
        yield
    finally:
        # as the command, the work is over (finished, failed or interrupted): a Ctrl-C while the
        # process prints its last lines and exits changes nothing, so it is ignored (a default
        # handler here would kill the process by the signal after a run had published)
        ignore = started_as_command()
        signal.signal(signal.SIGINT, signal.SIG_IGN if ignore else previous)


@contextlib.contextmanager
def shielded() -> Iterator[None]:
    """Ignore Ctrl-C for the block (main thread only; signals never reach other threads)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _exit_quietly(signum: int, frame: FrameType | None) -> None:
    import os
    import sys

    sys.stderr.write("interrupted; nothing was changed\n")
    sys.stderr.flush()
    os._exit(130)


def started_as_command() -> bool:
    import sys
    from pathlib import Path

    argv0 = sys.argv[0] if sys.argv else ""
    return argv0 == "-m" or Path(argv0).name in ("tanglaw", "tanglaw.exe", "__main__.py")


def guard_startup() -> None:
    """Started as the `tanglaw` command: until `end_startup`, Ctrl-C exits at once with the one
    line and 130 (nothing is written while the modules load). Imported as a library: nothing."""
    if threading.current_thread() is not threading.main_thread() or not started_as_command():
        return
    if signal.getsignal(signal.SIGINT) == signal.default_int_handler:
        signal.signal(signal.SIGINT, _exit_quietly)
