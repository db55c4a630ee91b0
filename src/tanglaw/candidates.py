"""Candidate typologies from a user's pack: check their SQL, and turn them into detectors.

A candidate is one read-only query (DuckDB dialect) over the workspace's documented tables that
yields `entity_id, weight, evidence, record_ids`. It is parsed with sqlglot before anything runs:
exactly one SELECT, reading only tables named in `tanglaw.tables` or the contract, and no table
functions (no file or network access).
"""

from __future__ import annotations

from typing import Any

import sqlglot
from sqlglot import exp

from .contract import INPUT_TABLES
from .tables import TABLE_NAMES

#: the tables a candidate may read
READABLE = frozenset(TABLE_NAMES) | {t.name for t in INPUT_TABLES}
REQUIRED_COLUMNS = ("entity_id", "weight", "evidence", "record_ids")


def check_query(sql: str) -> str | None:
    """Return what is wrong with a candidate's query, or None when it may run."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except sqlglot.errors.ParseError as e:
        return f"not valid SQL: {str(e).splitlines()[0]}"
    if len(statements) != 1:
        return f"must be one statement, found {len(statements)}"
    root = statements[0]
    if not isinstance(root, exp.Query):
        return f"must be a SELECT, found {root.key.upper()}"
    ctes = {c.alias_or_name for c in root.find_all(exp.CTE)}
    for t in root.find_all(exp.Table):
        if not t.name:
            return "table functions (read_csv, glob, …) are not allowed: read workspace tables only"
        if t.name not in READABLE and t.name not in ctes:
            return f"reads {t.name!r}, which is not a workspace table (see docs/typologies.md)"
    if isinstance(root, exp.Select):
        names = {e.alias_or_name for e in root.expressions}
        if "*" not in names:
            missing = [c for c in REQUIRED_COLUMNS if c not in names]
            if missing:
                return (
                    "must yield the columns "
                    + ", ".join(REQUIRED_COLUMNS)
                    + f" (missing {', '.join(missing)})"
                )
    return None


def candidate_query(cfg: dict[str, Any]) -> str:
    """Wrap a candidate's query so that it yields the columns of the `hits` table."""
    return (
        f"SELECT entity_id, '{cfg['role']}' AS role, CAST(weight AS DOUBLE) AS weight, "
        "CAST(evidence AS VARCHAR) AS evidence, CAST(record_ids AS VARCHAR[]) AS record_ids, "
        f"'candidate ' || printf('%.2f', CAST(weight AS DOUBLE)) AS components FROM ({cfg['query']})"
    )
