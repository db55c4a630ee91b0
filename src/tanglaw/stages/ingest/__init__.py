"""Ingest: find a bundle's files, read them, check them against the contract, load typed tables.

The public entry point is `ingest_bundle`. It either loads every table of the bundle into the
given DuckDB connection or raises `BundleError` listing the problems, leaving no typed table
behind. Atomicity across runs is the workspace's job (`tanglaw.engine.workspace`). CyberTipline-style XML
tips are read into rows of the `reports` table by `tip_xml`, safely (no DTDs, entities or deep
nesting).
"""

from __future__ import annotations

from .discover import discover_bundle
from .loader import IngestReport, ingest_bundle

__all__ = ["IngestReport", "discover_bundle", "ingest_bundle"]
