"""Candidate typologies from a user's pack: check their SQL, and turn them into detectors.

A candidate is one read-only query (DuckDB dialect) over the workspace's documented tables that
yields `entity_id, weight, evidence, record_ids`. It is parsed with sqlglot when the pack loads:
exactly one SELECT, reading only tables named in `tanglaw.tables` or the contract, and no table
functions. The parser check gives a person a clear message early; it is not what keeps a
candidate from files. That is the engine: `run_candidate` runs the query on a sandbox
(`engine.sandbox_engine`), an in-memory DuckDB with file, network and extension access off and
its configuration locked, that holds copies of the workspace tables the query names and nothing
else. A query that tries a file anyway fails there and the run is refused.
"""

from __future__ import annotations

from typing import Any

import sqlglot
from sqlglot import exp

from .contract import INPUT_TABLES
from .engine.core import Engine, sandbox_engine
from .errors import EngineError, PackError
from .tables import TABLE_NAMES

#: the tables a candidate may read
READABLE = frozenset(TABLE_NAMES) | {t.name for t in INPUT_TABLES}
REQUIRED_COLUMNS = ("entity_id", "weight", "evidence", "record_ids")


def check_query(sql: str) -> str | None:
    """Return what is wrong with a candidate's query, or None when it may run."""
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except sqlglot.errors.TokenError:
        return "not valid SQL: an unterminated comment, string or quoted name"
    except sqlglot.errors.SqlglotError as e:
        return f"not valid SQL: {(str(e).splitlines() or ['?'])[0][:200]}"
    except RecursionError:
        return "not valid SQL: nested too deeply"
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


def tables_named(sql: str) -> set[str]:
    """The workspace tables a query names (anything else it names is not in its sandbox)."""
    try:
        statements = sqlglot.parse(sql, read="duckdb")
    except (sqlglot.errors.SqlglotError, RecursionError):
        return set()
    return {t.name for s in statements if s is not None for t in s.find_all(exp.Table)} & READABLE


def run_candidate(engine: Engine, code: str, cfg: dict[str, Any], target: str, stage: str) -> int:
    """Run a candidate typology in a sandbox and add its hits to `target`; return how many."""
    names = sorted(n for n in tables_named(cfg["query"]) if engine.table_exists(n))
    tables = {n: engine.arrow(f'SELECT * FROM "{n}"', stage=stage) for n in names}
    sandbox = sandbox_engine(tables)
    try:
        rows = sandbox.arrow(candidate_query(cfg), stage=stage)
    except EngineError as e:  # the backend's own message, first line only
        first = (str(e.__cause__ or e).splitlines() or ["?"])[0][:300]
        raise PackError(f"[candidates.{code}]: the query failed in its sandbox: {first}") from None
    finally:
        sandbox.close()
    engine.register_arrow("__candidate__candidate_hits", rows)
    try:
        engine.execute(
            f"""
            INSERT INTO {target}
            SELECT ?, role, entity_id, least(greatest(weight, 0), 1), evidence, record_ids, components
            FROM __candidate__candidate_hits WHERE weight > 0
            """,
            [code],
            stage=stage,
        )
    finally:
        engine.execute("DROP TABLE IF EXISTS __candidate__candidate_hits", stage=stage)
    return int(engine.scalar(f"SELECT count(*) FROM {target} WHERE code = ?", [code]))
