"""Exceptions raised by Tanglaw.

    TanglawError                 the root: anything Tanglaw raises on purpose
    ├── BundleError              input a person must fix (exit code 2); carries one line per problem
    ├── PackError                a typology pack that is not valid (exit code 2)
    ├── WorkspaceError           a workspace that is missing, locked or from a newer version
    └── EngineError              a query failed inside an engine; names the stage and table

The command line maps `BundleError` and `PackError` to exit code 2 and everything else to 1.
"""

from __future__ import annotations

from dataclasses import dataclass

#: how many problem lines a refusal prints before it gives a count
MAX_PROBLEM_LINES = 20


class TanglawError(Exception):
    """Root of every error Tanglaw raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as we can."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        col = f" {self.column}:" if self.column else ""
        return f"{where}:{col} {self.message}"


class BundleError(TanglawError):
    """The bundle breaks the data contract; nothing was written."""

    def __init__(self, problems: list[Problem], extra: int = 0) -> None:
        self.problems = problems
        #: problems found beyond those listed
        self.extra = extra
        super().__init__(self.render())

    @property
    def total(self) -> int:
        return len(self.problems) + self.extra

    def lines(self) -> list[str]:
        shown = [str(p) for p in self.problems[:MAX_PROBLEM_LINES]]
        more = self.total - len(shown)
        if more > 0:
            shown.append(f"… and {more} more problem{'s' if more != 1 else ''}")
        return shown

    def render(self) -> str:
        return "\n".join(self.lines())


class PackError(TanglawError):
    """A typology pack has an unknown key, a wrong type or an impossible value."""


class WorkspaceError(TanglawError):
    """The workspace cannot be opened or written."""


class EngineError(TanglawError):
    """A query failed in an engine."""
