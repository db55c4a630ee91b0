"""The consoles of the command line, and how every command reports an error.

Data is printed as data: both consoles have Rich markup and emoji codes off, so a name, id or
assignee such as `[/]`, `[bold]` or `:x:` prints as written wherever it appears (tables, titles,
messages). Style is given with `style=`, never with markup in a string.

`fail` is the one place that turns an exception into what a person reads and the exit code:
2 for input a person must fix (a refused bundle or pack, one line per problem), 1 for any other
error Tanglaw or the system raised on purpose. `Group` is the command line's top level: Ctrl-C
at any moment is one line and exit 130; an exception nobody expected is one line and exit 1,
with the traceback only under `--debug` or `TANGLAW_DEBUG=1`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NoReturn

import typer
import typer.core
from rich.console import Console
from typer.exceptions import TyperException

from .. import interrupt
from ..errors import BundleError, PackError, TanglawError

if TYPE_CHECKING:
    from ..pipeline import StepProgress

out = Console(markup=False, emoji=False)
err = Console(stderr=True, markup=False, emoji=False)

#: set by `--debug`
DEBUG = False
INTERRUPTED = "interrupted; nothing was changed"
#: the longest message an unexpected error prints (its text may quote a file)
MAX_MESSAGE = 300


def _say(text: str) -> None:
    err.print(text, markup=False, highlight=False, soft_wrap=True)


def debugging() -> bool:
    return DEBUG or os.environ.get("TANGLAW_DEBUG", "") not in ("", "0")


def _interrupted(e: BaseException | None) -> bool:
    """Ctrl-C, however a library passed it on (DuckDB: RuntimeError; a stage: EngineError)."""
    if interrupt.requested():
        return True
    seen: set[int] = set()
    while e is not None and id(e) not in seen:
        if isinstance(e, KeyboardInterrupt):
            return True
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return False


def _exit_interrupted() -> NoReturn:
    """The one line and 130. As the `tanglaw` command, exit at once: whatever the run began is
    already undone, and a stray second SIGINT (DuckDB can raise one again) must not end the
    interpreter's shutdown with a traceback or a death by signal."""
    _say(INTERRUPTED)
    if interrupt.started_as_command():
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    raise typer.Exit(130)


def fail(e: BaseException) -> NoReturn:
    if _interrupted(e):
        _exit_interrupted()
    if isinstance(e, BundleError):
        for line in e.lines():
            _say(line)
        err.print(f"refused: {e.total} problem(s); nothing was written.", style="bold red")
        raise typer.Exit(2)
    if isinstance(e, PackError):
        _say(str(e))
        raise typer.Exit(2)
    from ..casebook.store import CaseBookError
    from ..reporting.casedata import CaseNotFound

    if isinstance(e, CaseNotFound):  # an unknown case id: input to fix, as in every command
        _say(f"error: {e}")
        raise typer.Exit(2)
    if isinstance(e, CaseBookError):  # a refused case-book change (unknown status, closed case)
        _say(str(e))
        raise typer.Exit(2)
    if isinstance(e, TanglawError | ImportError | OSError):
        _say(f"error: {e}")
        raise typer.Exit(1)
    raise e


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split()) or type(e).__name__
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 1] + "…"
    return text


def _no_type_for_flags() -> None:
    """Help shows `--quiet`, not `--quiet <bool>`: a flag takes no value, so it shows no type.

    Typer 0.29 prints a type beside every option; this keeps it for options that take a value.
    """
    option = typer.core.TyperOption
    shown = option.display_type_rich
    if getattr(shown, "_tanglaw", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if self.is_flag and self.metavar is None else shown(self, ctx)

    display_type_rich._tanglaw = True  # type: ignore[attr-defined]
    option.display_type_rich = display_type_rich  # type: ignore[method-assign]


_no_type_for_flags()


class Group(typer.core.TyperGroup):
    """The top-level command group: no traceback reaches a person unless they ask for it."""

    def invoke(self, ctx: Any) -> Any:
        with interrupt.handling():
            try:
                return super().invoke(ctx)
            except (typer.Exit, typer.Abort, TyperException):
                raise  # click's own: usage errors, --help, explicit exits
            except BaseException as e:  # noqa: BLE001 - the one top-level handler
                if _interrupted(e):
                    _exit_interrupted()
                if isinstance(e, SystemExit | GeneratorExit):
                    raise
                if debugging():
                    raise
                if isinstance(e, TanglawError | OSError | ImportError):
                    fail(e)  # the one place a command's error becomes a line and an exit code
                _say(
                    f"error: unexpected {type(e).__name__}: {_one_line(e)} "
                    "(a fault in Tanglaw: run again with --debug or TANGLAW_DEBUG=1 for the traceback, "
                    "and report it)"
                )
                raise typer.Exit(1) from None


@contextmanager
def run_progress(quiet: bool) -> Iterator[Callable[[StepProgress], None]]:
    """A progress bar for `tanglaw run` on a terminal: the step (3/8), its counts so far, the share
    of the work done, the time taken and an estimate of the time left. Elsewhere (a log, a pipe) one
    line per finished step. `quiet`: nothing."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from ..pipeline import STEPS

    labels, n = dict(STEPS), len(STEPS)
    if quiet:
        yield lambda _p: None
        return
    if not err.is_terminal:
        t0 = time.perf_counter()

        def log(p: StepProgress) -> None:
            if p.finished:
                err.print(
                    f"[{p.index}/{n}] {p.step} done at {time.perf_counter() - t0:.1f} s: {p.detail}",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )

        yield log
        return

    class _TwoLines(Progress):
        """The bar on one line, the counts so far on the next (an 80-column terminal fits both)."""

        detail = ""

        def get_renderables(self) -> Iterator[Any]:
            from rich.text import Text

            yield self.make_tasks_table(self.tasks)
            if self.detail:
                yield Text("      " + self.detail, style="dim", overflow="ellipsis", no_wrap=True)

    bar = _TwoLines(
        TextColumn("[{task.fields[index]}/{task.fields[n]}]"),
        TextColumn("{task.description}", markup=False),
        BarColumn(bar_width=16),
        TimeElapsedColumn(),
        TextColumn("about"),
        TimeRemainingColumn(compact=True),
        TextColumn("left"),
        console=err,
        transient=True,
    )
    with bar:
        task = bar.add_task("Starting", total=1.0, index=0, n=n)

        def show(p: StepProgress) -> None:
            # the step's name on the bar line; what it does and the counts so far below it
            bar.detail = labels.get(p.step, p.step) + (f" · {p.detail}" if p.detail else "")
            bar.update(task, completed=p.done, description=f"{p.step:<8}", index=p.index)

        yield show
