"""Engines: where the workspace's SQL runs.

`Engine` owns the shared workflow (naming, timing, wrapping failures with the stage and the SQL);
an engine fills a few hooks. `DuckDBEngine` is the default: one embedded DuckDB file per
workspace. A Spark engine can fill the same hooks later; stage SQL is written in DuckDB's dialect.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, final

import duckdb
import pyarrow as pa

from .. import interrupt
from ..errors import EngineError


class Engine(ABC):
    """Run a stage's SQL and hand back Arrow tables."""

    name = "engine"

    def __init__(self) -> None:
        #: seconds spent per stage label, for progress reports and benchmarks
        self.timings: dict[str, float] = {}

    # ---- hooks --------------------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> None: ...

    @abstractmethod
    def _fetch_arrow(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table: ...

    @abstractmethod
    def _fetch_rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]: ...

    @abstractmethod
    def register_arrow(self, name: str, table: pa.Table) -> None:
        """Make an Arrow table queryable under `name` (as a table, not a view)."""

    @abstractmethod
    def table_exists(self, name: str) -> bool: ...

    # ---- shared workflow ------------------------------------------------------------------
    @final
    def execute(self, sql: str, params: Sequence[Any] | None = None, *, stage: str = "") -> None:
        self._wrap(stage, sql, lambda: self._execute(sql, params))

    @final
    def arrow(self, sql: str, params: Sequence[Any] | None = None, *, stage: str = "") -> pa.Table:
        result: pa.Table = self._wrap(stage, sql, lambda: self._fetch_arrow(sql, params))
        return result

    @final
    def rows(
        self, sql: str, params: Sequence[Any] | None = None, *, stage: str = ""
    ) -> list[tuple[Any, ...]]:
        result: list[tuple[Any, ...]] = self._wrap(stage, sql, lambda: self._fetch_rows(sql, params))
        return result

    @final
    def scalar(self, sql: str, params: Sequence[Any] | None = None, *, stage: str = "") -> Any:
        r = self.rows(sql, params, stage=stage)
        return r[0][0] if r else None

    @final
    def count(self, table: str) -> int:
        return int(self.scalar(f'SELECT count(*) FROM "{table}"'))

    @final
    def _wrap(self, stage: str, sql: str, fn: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn()
        except EngineError:
            raise
        except Exception as e:  # noqa: BLE001 - wrap every backend error with context
            if interrupt.requested():  # Ctrl-C, which DuckDB reports as "Query interrupted"
                raise KeyboardInterrupt from e
            raise EngineError(
                f"{self.name}: stage {stage or '?'} failed: {e}\n\nSQL was:\n{sql.strip()[:2000]}"
            ) from e
        finally:
            if stage:
                self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - t0


class DuckDBEngine(Engine):
    """The default engine: an embedded DuckDB connection."""

    name = "duckdb"

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        super().__init__()
        self.con = con
        con.execute("SET TimeZone = 'UTC'")

    def _execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        self.con.execute(sql, params)

    def close(self) -> None:
        """Close the connection (a workspace opened for reading, a sandbox)."""
        self.con.close()

    def _fetch_arrow(self, sql: str, params: Sequence[Any] | None = None) -> pa.Table:
        rel = self.con.sql(sql, params=params) if params else self.con.sql(sql)
        return rel.to_arrow_table()

    def _fetch_rows(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(sql, params).fetchall()

    def register_arrow(self, name: str, table: pa.Table) -> None:
        view = f"__arrow_{name}"
        self.con.register(view, table)
        try:
            self.con.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM {view}')
        finally:
            self.con.unregister(view)

    def table_exists(self, name: str) -> bool:
        r = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
        ).fetchall()
        return bool(r and r[0][0])


#: a sandbox's DuckDB settings: no file, network or extension access, no Python objects but the
#: tables given; `lock_configuration` (set once the tables are in) stops SQL from undoing any of it
SANDBOX_CONFIG: dict[str, str | bool] = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "python_enable_replacements": False,
}


def sandbox_engine(tables: Mapping[str, pa.Table], *, threads: int | None = None) -> DuckDBEngine:
    """An in-memory engine that sees only `tables` and can read or write no file.

    For SQL from a pack (candidate typologies): DuckDB itself refuses `read_csv`, `read_text`,
    a quoted file name as a table, `COPY`, `ATTACH`, `INSTALL` and `LOAD`, whatever the parser
    check let through, and the locked configuration cannot be changed from SQL.
    """
    con = duckdb.connect(":memory:", config=dict(SANDBOX_CONFIG))
    try:
        engine = DuckDBEngine(con)
        if threads:
            con.execute(f"SET threads = {int(threads)}")
        for name, table in tables.items():
            con.register(name, table)
        con.execute("SET lock_configuration = true")
    except BaseException:
        con.close()
        raise
    return engine
