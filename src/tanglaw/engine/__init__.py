"""The engine layer: where the workspace's SQL runs, and nothing above it touches a connection.

- `core`: the `Engine` base and the embedded DuckDB engine (`DuckDBEngine`);
- `workspace`: one DuckDB file per output folder, rebuilt beside the published one;
- `sqltext`: values written into SQL text (one way to quote);
- `graph`: connected components and bridges of string-keyed edge lists.
"""

from __future__ import annotations

from .core import DuckDBEngine, Engine

__all__ = ["DuckDBEngine", "Engine"]
