"""The case book: case ids that survive re-runs, lifecycle state, notes, audit trail, lineage."""
