"""Who may do what: the roles and the one table of routes the server checks on every request.

The authorization matrix in the documentation and its test are generated from `ROUTES`; a route
that is not in this table is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

ADMIN, LEAD, ANALYST, CHILD_SAFETY, AUDITOR, PARTNER = (
    "admin", "lead", "analyst", "child_safety", "auditor", "partner",
)  # fmt: skip
ROLES: tuple[str, ...] = (ADMIN, LEAD, ANALYST, CHILD_SAFETY, AUDITOR, PARTNER)
ROLE_TEXT = {
    ADMIN: "manages users; reads every case and the audit trail",
    LEAD: "assigns cases, escalations come to them, shares with partners, decides",
    ANALYST: "claims, reads and decides cases",
    CHILD_SAFETY: "an analyst who may also reveal chat excerpts",
    AUDITOR: "reads cases and the audit trail; changes nothing",
    PARTNER: "reads only the cases shared with their organisation, without victims",
}

#: roles that work cases (claim, note, hold, escalate, decide)
WORKERS = (LEAD, ANALYST, CHILD_SAFETY)
READERS = (ADMIN, LEAD, ANALYST, CHILD_SAFETY, AUDITOR)
EVERYONE = ROLES


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    path: str
    roles: tuple[str, ...]
    what: str


ROUTES: tuple[Route, ...] = (
    Route("queue", "GET", "/", EVERYONE, "the queue (a partner sees only shared cases)"),
    Route("queue_rows", "GET", "/queue/rows", EVERYONE, "the queue's rows, for filters and paging"),
    Route("claim_next", "POST", "/claim-next", WORKERS, "claim the next unclaimed case"),
    Route("bulk_assign", "POST", "/bulk-assign", (ADMIN, LEAD), "assign several cases at once"),
    Route("case", "GET", "/cases/{case_id}", EVERYONE, "a case page"),
    Route("member", "GET", "/cases/{case_id}/people/{entity_id}", EVERYONE, "one person of a case"),
    Route("claim", "POST", "/cases/{case_id}/claim", WORKERS, "claim this case"),
    Route("release", "POST", "/cases/{case_id}/release", WORKERS, "give a case back to the queue"),
    Route("assign", "POST", "/cases/{case_id}/assign", (ADMIN, LEAD), "assign a case to someone"),
    Route("hold", "POST", "/cases/{case_id}/hold", WORKERS, "put a case on hold, with a reason"),
    Route("escalate", "POST", "/cases/{case_id}/escalate", WORKERS, "escalate to a named lead"),
    Route("note", "POST", "/cases/{case_id}/notes", WORKERS, "add a note"),
    Route("decide", "POST", "/cases/{case_id}/decision", WORKERS, "record a decision"),
    Route("share", "POST", "/cases/{case_id}/share", (ADMIN, LEAD), "share a case with a partner organisation"),
    Route("reveal", "POST", "/cases/{case_id}/excerpts/{message_id}", (CHILD_SAFETY,), "reveal a chat excerpt"),
    Route("export", "GET", "/cases/{case_id}/export/{fmt}", (ADMIN, LEAD, ANALYST, CHILD_SAFETY), "download an export"),
    Route("audit", "GET", "/audit", (ADMIN, AUDITOR), "the audit trail"),
    Route("decisions", "GET", "/decisions.csv", (ADMIN, LEAD, AUDITOR), "every decision, as CSV (no cap)"),
    Route("users", "GET", "/admin/users", (ADMIN,), "the user list"),
    Route("add_user", "POST", "/admin/users", (ADMIN,), "add a user"),
    Route("exercise_end", "POST", "/exercise/end", WORKERS, "end the exercise (exercise mode only)"),
    Route("exercise_score", "GET", "/exercise/score", EVERYONE, "the exercise's score (exercise mode only)"),
)  # fmt: skip
BY_NAME = {r.name: r for r in ROUTES}


def allowed(route: str, role: str) -> bool:
    found = BY_NAME.get(route)
    return found is not None and role in found.roles


def matrix_markdown() -> str:
    """The authorization matrix as a Markdown table (docs/workbench.md)."""
    head = "| route | " + " | ".join(ROLES) + " |"
    rule = "|---|" + "---|" * len(ROLES)
    lines = [head, rule]
    for r in ROUTES:
        cells = " | ".join("yes" if role in r.roles else "403" for role in ROLES)
        lines.append(f"| `{r.method} {r.path}` ({r.what}) | {cells} |")
    return "\n".join(lines) + "\n"


def authorization_page() -> str:
    """docs/authorization.md: the roles and the matrix (`make docs` writes it; a test checks it)."""
    roles = "\n".join(f"- **{r.replace('_', ' ')}** (`{r}`): {ROLE_TEXT[r]}" for r in ROLES)
    return (
        "# Who may do what in the workbench\n\n"
        "Generated from `tanglaw.workbench.roles.ROUTES`, the one table the server checks on every request "
        "(`make docs` rewrites this page). A route not in the table is refused; `403` is the answer to a "
        "role the table does not name. Every change (POST) also needs the session's CSRF token.\n\n"
        f"{roles}\n\n{matrix_markdown()}"
    )


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(authorization_page())
