"""The one order of the case queue, used by every output that lists cases.

Open cases first; a case an analyst closed, or one kept open although its people are below the
alert thresholds on this data ("carried"), after them. Then priority (P1 = a child at risk now);
within a priority, a network's shape (a household whose payers each pay several of its
collectors, or several victims paying the same people) before a single receiver or a single
victim; then the evidence score, highest first (it reaches 1.00 on many cases). `run`'s console
table, `report.html`, `cases.csv` and `tanglaw cases list` all order by this clause (DuckDB and
SQLite read it alike).
"""

from __future__ import annotations

#: what a person reads above a ranked list of cases
QUEUE_HEADING = "ranked: danger to a child first"


def held_back(*, status: str, carried: str) -> str:
    """SQL true for a case ranked after the open ones: closed, or carried."""
    return f"(coalesce({status}, '') = 'closed' OR coalesce({carried}, false))"


def queue_order(
    *,
    status: str = "status",
    carried: str = "carried",
    priority: str = "priority",
    shape: str = "network_shape",
    score: str = "score",
    case_id: str = "case_id",
) -> str:
    """The ORDER BY clause of the queue over the given column expressions (the older case first on
    a tie: case ids are numbered in order)."""
    return (
        f"{held_back(status=status, carried=carried)}, coalesce({priority}, 'P9'), "
        f"coalesce({shape}, 'single') = 'single', coalesce({score}, -1) DESC, {case_id}"
    )
