"""The consoles of the command line, and how every command reports an error.

`fail` is the one place that turns an exception into what a person reads and the exit code:
2 for input a person must fix (a refused bundle or pack, one line per problem), 1 for any other
error Tanglaw or the system raised on purpose; anything else is a fault and propagates.
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console

from .errors import BundleError, PackError, TanglawError

out = Console()
err = Console(stderr=True)


def _say(text: str) -> None:
    err.print(text, markup=False, highlight=False, soft_wrap=True)


def fail(e: BaseException) -> NoReturn:
    if isinstance(e, BundleError):
        for line in e.lines():
            _say(line)
        err.print(f"refused: {e.total} problem(s); nothing was written.", style="bold red")
        raise typer.Exit(2)
    if isinstance(e, PackError):
        _say(str(e))
        raise typer.Exit(2)
    if isinstance(e, TanglawError | ImportError | OSError):
        _say(f"error: {e}")
        raise typer.Exit(1)
    raise e
