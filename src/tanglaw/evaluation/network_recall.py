"""Network recall for networks seen in both sessions and payments (for `tanglaw evaluate`).

A true offender network counts when the run's workspace holds at least one session between two
of its members (a facilitator's host account and a payer's viewer account) and at least one
payment between two of its members. It is found when at least one of its facilitators and at
least one of its payers are members of cases (in any role).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa


@dataclass
class NetworkRecall:
    networks: int
    found: int
    recall: float
    missed: list[str]


def networks_of(person: dict[str, str]) -> set[str]:
    """The true networks of a person: `network_id`, `;`-separated for a payer of several households."""
    return {n.strip() for n in (person.get("network_id") or "").split(";") if n.strip()}


def _on_owners(
    workspace: Path, persons: list[dict[str, str]], accounts: list[dict[str, str]], sql: str
) -> list[tuple[Any, ...]]:
    """Run `sql` on the workspace (read-only) with `__evaluate__owner` (account_id, person_id, role,
    network_id) registered: the accounts of true payers and facilitators of a network."""
    who = {
        p["person_id"]: p
        for p in persons
        if p.get("role") in ("payer", "facilitator") and p.get("network_id")
    }
    # a payer of several households has one row per network (`network_id` is `;`-separated)
    owned = [
        (a, n) for a in accounts if a["person_id"] in who for n in sorted(networks_of(who[a["person_id"]]))
    ]
    owner = pa.table(
        {
            "account_id": [a["account_id"] for a, _ in owned],
            "person_id": [a["person_id"] for a, _ in owned],
            "role": [who[a["person_id"]]["role"] for a, _ in owned],
            "network_id": [n for _, n in owned],
        }
    )
    con = duckdb.connect(str(workspace), read_only=True)
    try:
        con.register("__evaluate__owner", owner)
        return con.execute(sql).fetchall()
    finally:
        con.close()


def network_recall(
    workspace: Path,
    persons: list[dict[str, str]],
    accounts: list[dict[str, str]],
    flagged: set[str],
) -> NetworkRecall | None:
    """None when the output folder has no workspace to read sessions and payments from."""
    if not workspace.exists():
        return None
    seen = _on_owners(
        workspace,
        persons,
        accounts,
        """
        WITH s AS (
            SELECT DISTINCT h.network_id FROM sessions x
            JOIN __evaluate__owner h ON h.account_id = x.host_account_id
            JOIN __evaluate__owner v ON v.account_id = x.viewer_account_id AND v.network_id = h.network_id
        ), t AS (
            SELECT DISTINCT a.network_id FROM transactions x
            JOIN __evaluate__owner a ON a.account_id = x.sender_account_id
            JOIN __evaluate__owner b ON b.account_id = x.receiver_account_id AND b.network_id = a.network_id
        )
        SELECT network_id FROM s INTERSECT SELECT network_id FROM t ORDER BY 1
        """,
    )
    net = {
        p["person_id"]: networks_of(p)
        for p in persons
        if p.get("role") in ("payer", "facilitator") and p.get("network_id")
    }
    role = {p["person_id"]: p["role"] for p in persons}
    both = [str(r[0]) for r in seen]
    found = []
    for n in both:
        members = [p for p, k in net.items() if n in k and p in flagged]
        if any(role[p] == "facilitator" for p in members) and any(role[p] == "payer" for p in members):
            found.append(n)
    missed = sorted(set(both) - set(found))
    return NetworkRecall(len(both), len(found), round(len(found) / len(both), 4) if both else 0.0, missed)


def payers_across_networks(
    workspace: Path, persons: list[dict[str, str]], accounts: list[dict[str, str]]
) -> tuple[int, int] | None:
    """(payers who pay a facilitator of another true network, payers who pay any facilitator), from
    the run's transactions; None without a workspace. Such payments join the networks in the
    money itself, so a case holding both networks is not a mistake of the cutting."""
    if not workspace.exists():
        return None
    row = _on_owners(
        workspace,
        persons,
        accounts,
        """
        WITH nets AS (SELECT person_id, list(DISTINCT network_id) AS nets FROM __evaluate__owner GROUP BY person_id)
        SELECT count(DISTINCT a.person_id) FILTER (WHERE NOT list_contains(n.nets, b.network_id)),
               count(DISTINCT a.person_id)
        FROM transactions x
        JOIN __evaluate__owner a ON a.account_id = x.sender_account_id AND a.role = 'payer'
        JOIN nets n ON n.person_id = a.person_id
        JOIN __evaluate__owner b ON b.account_id = x.receiver_account_id AND b.role = 'facilitator'
        """,
    )[0]
    return int(row[0]), int(row[1])
