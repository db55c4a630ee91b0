"""Values written into SQL text: string literals, quoted so that a quote in a value stays a quote."""

from __future__ import annotations

from collections.abc import Iterable


def literal(value: str) -> str:
    """`O'Brien` → `'O''Brien'`."""
    return "'" + value.replace("'", "''") + "'"


def literal_list(values: Iterable[str]) -> str:
    """The inside of an `IN (…)` list; `NULL` for no values, so that the SQL stays valid."""
    return ", ".join(literal(v) for v in values) or "NULL"
