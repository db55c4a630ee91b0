"""Case state in the workbench: the queue copied from the run, claims, holds, escalations, notes,
decisions and shares. Every change is one transaction with its audit entry.

A run's cases are copied into `wb_cases` (`import_run`) with the run's rank and an evidence key (a
digest of the case's indicators and the records behind them). Case ids are kept across runs by the
case book, so a re-run keeps every decision, note and assignment. A case cleared as a false positive
stays out of the queue until a run finds new evidence on it (its evidence key changes): then it is
opened again and the audit trail says why.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..casebook.store import CaseBook, now_iso, parse_stamp, stamp
from ..engine.core import Engine
from ..errors import TanglawError
from . import audit
from .auth import User
from .roles import PARTNER
from .store import Store

OUTCOMES = {
    "confirmed": "confirmed",
    "false_positive": "false positive",
    "needs_info": "needs information",
    "referred": "referred",
}
FP_REASONS = {
    "family": "a family (support between relatives)",
    "seller": "an online seller and their customers",
    "adult_work": "legal adult work",
    "other": "other (say why in the note)",
}
#: decision -> the case's status afterwards
STATUS_AFTER = {
    "confirmed": "confirmed",
    "false_positive": "cleared",
    "needs_info": "needs_info",
    "referred": "referred",
}
STATUSES = ("open", "on_hold", "escalated", "needs_info", "confirmed", "referred", "cleared")
#: statuses of a case still to be worked
ACTIVE = ("open", "on_hold", "escalated", "needs_info")
PAGE = 50


class WorkbenchError(TanglawError):
    """An action a person must change: an unknown case, a missing reason, a case someone else holds."""


def age_text(since: str | None, now: datetime | None = None) -> str:
    """An exact age: `3d 04h 12m` (or `—`)."""
    if not since:
        return "—"
    start = parse_stamp(since)
    seconds = max(0, int(((now or datetime.now(UTC)) - start).total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    return f"{days}d {hours:02d}h {rest // 60:02d}m"


# ---- copying the run's cases ---------------------------------------------------------------------
def run_cases(engine: Engine, out_dir: Path) -> list[tuple[Any, ...]]:
    """(case_id, rank, priority, score, title, typologies, countries, n_people, first_flagged,
    evidence_key) for every case of the run in `out_dir`."""
    found = engine.rows(
        """
        WITH people AS (
            SELECT m.case_id, count(DISTINCT m.entity_id) AS n_people,
                   string_agg(DISTINCT a.country, ';' ORDER BY a.country) AS countries
            FROM case_member_table m LEFT JOIN all_accounts a USING (account_id)
            GROUP BY 1),
        evidence AS (
            SELECT case_id, md5(string_agg(indicator_id || ':' || coalesce(record_ids, ''), ','
                                           ORDER BY indicator_id)) AS evidence_key
            FROM indicator_table GROUP BY 1)
        SELECT c.case_id, c.rank, c.priority, c.score, c.title, c.typologies,
               coalesce(p.countries, ''), coalesce(p.n_people, 0), e.evidence_key
        FROM case_table c LEFT JOIN people p USING (case_id) LEFT JOIN evidence e USING (case_id)
        ORDER BY c.rank
        """,
        stage="workbench",
    )
    book = CaseBook.open(out_dir, create=False)
    try:
        flagged = dict(book.rows("SELECT case_id, created_at FROM cases"))
    finally:
        book.close()
    return [(*r[:8], flagged.get(r[0]), r[8]) for r in found]


def latest_run(out_dir: Path) -> str:
    """An id of the latest run in `out_dir` (changes when a new run is published)."""
    book = CaseBook.open(out_dir, create=False)
    try:
        row = book.rows("SELECT max(run_id), max(at) FROM runs")
    finally:
        book.close()
    return f"{row[0][0]}@{row[0][1]}" if row else "none"


def person_key(evidence: list[tuple[str, str]]) -> str:
    """A digest of one person's evidence in a case: their typology codes and the records behind
    them. New payments, sessions or messages change it."""
    text = "\n".join(sorted(f"{code}:{record}" for code, record in evidence))
    return hashlib.sha256(text.encode()).hexdigest()


def cleared_people(store: Store) -> list[str]:
    return [r[0] for r in store.rows("SELECT entity_id FROM wb_cleared ORDER BY entity_id")]


def run_people(engine: Engine, people: list[str]) -> dict[str, dict[str, str]]:
    """For each case of the run that names one of `people`: every suspect of it (victims never)
    with their evidence key."""
    if not people:
        return {}
    found = engine.rows(
        """
        WITH touched AS (
            SELECT DISTINCT case_id FROM case_member_table WHERE entity_id IN (SELECT unnest(?::VARCHAR[]))),
        suspects AS (
            SELECT case_id, entity_id FROM case_member_table JOIN touched USING (case_id)
            GROUP BY 1, 2 HAVING NOT bool_or(role = 'victim'))
        SELECT s.case_id, s.entity_id, i.code, i.record_ids
        FROM suspects s LEFT JOIN indicator_table i USING (case_id, entity_id)
        """,
        [people],
        stage="workbench",
    )
    evidence: dict[str, dict[str, list[tuple[str, str]]]] = {}
    for case_id, entity_id, code, record_ids in found:
        items = evidence.setdefault(case_id, {}).setdefault(entity_id, [])
        if code:  # record ids read as `casedata.load_case` reads them
            items.extend((code, r) for r in tuple(x for x in (record_ids or "").split(";") if x) or ("",))
    return {c: {e: person_key(items) for e, items in ents.items()} for c, ents in evidence.items()}


def _clear_again(store: Store, people: dict[str, dict[str, str]], who: str) -> int:
    """Open cases without a decision whose every suspect was cleared on the same evidence: cleared
    too, with the audit entry saying by which decision."""
    if not people:
        return 0
    cleared = {
        r[0]: (r[1], r[2]) for r in store.rows("SELECT entity_id, evidence_key, case_id FROM wb_cleared")
    }
    n = 0
    for case_id, suspects in sorted(people.items()):
        if not suspects or any(cleared.get(e, ("", ""))[0] != key for e, key in suspects.items()):
            continue
        if store.execute(
            "UPDATE wb_cases SET status = 'cleared', decision = 'false_positive', decided_evidence_key = evidence_key "
            "WHERE case_id = ? AND status = 'open' AND decision IS NULL AND assignee IS NULL",
            [case_id],
        ):
            sources = sorted({cleared[e][1] for e in suspects})
            audit.append(
                store, who, "case.clear", f"its people were cleared as a false positive in {', '.join(sources)} "
                "and the run found no new evidence on them", case_id,
            )  # fmt: skip
            n += 1
    return n


def import_run(
    store: Store,
    rows: list[tuple[Any, ...]],
    run_id: str,
    who: str = "tanglaw",
    people: dict[str, dict[str, str]] | None = None,
) -> dict[str, int]:
    """Copy the run's cases into the workbench; reopen a cleared case with new evidence; clear a
    case whose people were all cleared before on the same evidence (`people`: `run_people`)."""
    now = now_iso()
    counts = {"new": 0, "updated": 0, "reopened": 0, "gone": 0, "cleared": 0}
    with store.transaction():
        known = {
            r[0]: (r[1], r[2], r[3])
            for r in store.rows("SELECT case_id, status, decided_evidence_key, in_latest_run FROM wb_cases")
        }
        seen = set()
        inserts, updates = [], []
        for case_id, rank, priority, score, title, typologies, countries, n_people, flagged, key in rows:
            seen.add(case_id)
            values = [
                int(rank),
                priority,
                float(score or 0),
                title,
                typologies,
                countries,
                int(n_people),
                key,
            ]
            if case_id not in known:
                inserts.append([case_id, *values, flagged or now, now])
                counts["new"] += 1
            else:
                updates.append([*values, now, case_id])
                counts["updated"] += 1
                status, decided_key, _ = known[case_id]
                if status == "cleared" and decided_key != key:
                    store.execute(
                        "UPDATE wb_cases SET status = 'open', assignee = NULL, claimed_at = NULL, decision = NULL "
                        "WHERE case_id = ?",
                        [case_id],
                    )
                    audit.append(store, who, "case.reopen", "new evidence since it was cleared", case_id)
                    counts["reopened"] += 1
        store.executemany(
            "INSERT INTO wb_cases (case_id, rank, priority, score, title, typologies, countries, n_people, "
            "evidence_key, first_flagged, updated_at, in_latest_run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
            inserts,
        )
        store.executemany(
            "UPDATE wb_cases SET rank = ?, priority = ?, score = ?, title = ?, typologies = ?, countries = ?, "
            "n_people = ?, evidence_key = ?, updated_at = ?, in_latest_run = 1 WHERE case_id = ?",
            updates,
        )
        gone = [[now, c] for c, v in known.items() if c not in seen and v[2]]
        store.executemany("UPDATE wb_cases SET in_latest_run = 0, updated_at = ? WHERE case_id = ?", gone)
        counts["gone"] = len(gone)
        counts["cleared"] = _clear_again(store, people or {}, who)
        store.execute(
            "DELETE FROM wb_meta WHERE key = 'run'",
        )
        store.execute("INSERT INTO wb_meta (key, value) VALUES ('run', ?)", [run_id])
        audit.append(
            store,
            who,
            "run.import",
            f"run {run_id}: {len(rows)} cases ({counts['new']} new, {counts['reopened']} reopened)",
        )
    return counts


def imported_run(store: Store) -> str | None:
    row = store.one("SELECT value FROM wb_meta WHERE key = 'run'")
    return str(row[0]) if row else None


# ---- the queue ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class QueueFilter:
    priority: str = ""
    status: str = "active"  # active (still to work), or one status, or all
    assignee: str = ""  # "", "me", "unclaimed", or a user name
    typology: str = ""
    country: str = ""
    min_age_days: int = 0
    page: int = 1


def _visible(user: User) -> tuple[str, list[Any]]:
    if user.role == PARTNER:
        return "case_id IN (SELECT case_id FROM wb_shares WHERE org = ?)", [user.org or ""]
    return "1 = 1", []


def _where(f: QueueFilter, user: User) -> tuple[str, list[Any]]:
    clause, params = _visible(user)
    where, ps = ["in_latest_run = 1", clause], list(params)
    if f.status == "active":
        where.append("active = 1")
    elif f.status in STATUSES:
        where.append("status = ?")
        ps.append(f.status)
    if f.priority:
        where.append("priority = ?")
        ps.append(f.priority)
    if f.assignee == "me":
        where.append("assignee = ?")
        ps.append(user.username)
    elif f.assignee == "unclaimed":
        where.append("assignee IS NULL")
    elif f.assignee:
        where.append("assignee = ?")
        ps.append(f.assignee)
    if f.typology:
        where.append("typologies LIKE ?")
        ps.append("%" + f.typology.replace("%", "").replace("_", "\\_") + "%")
        where[-1] += " ESCAPE '\\'"
    if f.country:
        where.append("(';' || countries || ';') LIKE ?")
        ps.append("%;" + f.country.upper().replace("%", "").replace("_", "") + ";%")
    if f.min_age_days > 0:
        cutoff = datetime.now(UTC).timestamp() - f.min_age_days * 86400
        where.append("first_flagged <= ?")
        ps.append(stamp(datetime.fromtimestamp(cutoff, UTC)))
    return " AND ".join(where), ps


QUEUE_COLUMNS = (
    "case_id, rank, priority, score, title, typologies, countries, n_people, first_flagged, status, "
    "assignee, claimed_at, escalated_to, hold_reason, decision"
)


#: the queue counts matching cases up to this many ("more than 10,000")
COUNT_CAP = 10_000


def queue(store: Store, user: User, f: QueueFilter) -> tuple[list[dict[str, Any]], int]:
    """One page of the queue (in the run's rank order) and the number of cases that match, up to
    `COUNT_CAP` + 1 (a count past it says "more than")."""
    where, params = _where(f, user)
    total = store.one(
        f"SELECT count(*) FROM (SELECT 1 FROM wb_cases WHERE {where} LIMIT {COUNT_CAP + 1}) AS matching",
        params,
    )
    offset = (max(1, f.page) - 1) * PAGE
    found = store.dicts(
        f"SELECT {QUEUE_COLUMNS} FROM wb_cases WHERE {where} ORDER BY rank LIMIT {PAGE} OFFSET {offset}",
        params,
    )
    return found, int(total[0]) if total else 0


def oldest_unclaimed(store: Store, user: User) -> str | None:
    clause, params = _visible(user)
    row = store.one(
        f"SELECT min(first_flagged) FROM wb_cases WHERE in_latest_run = 1 AND status = 'open' "
        f"AND assignee IS NULL AND {clause}",
        params,
    )
    return row[0] if row and row[0] else None


def assignees(store: Store) -> list[str]:
    return [
        r[0]
        for r in store.rows("SELECT DISTINCT assignee FROM wb_cases WHERE assignee IS NOT NULL ORDER BY 1")
    ]


# ---- one case ----------------------------------------------------------------------------------
def case_state(store: Store, case_id: str, user: User) -> dict[str, Any]:
    clause, params = _visible(user)
    found = store.dicts(
        f"SELECT {QUEUE_COLUMNS}, in_latest_run FROM wb_cases WHERE case_id = ? AND {clause}",
        [case_id, *params],
    )
    if not found:
        raise WorkbenchError(f"no case {case_id} here")
    return found[0]


def _locked_case(store: Store, case_id: str) -> dict[str, Any]:
    found = store.dicts(
        f"SELECT case_id, status, assignee, escalated_to, evidence_key, claimed_at FROM wb_cases "
        f"WHERE case_id = ?{store.for_update}",
        [case_id],
    )
    if not found:
        raise WorkbenchError(f"no case {case_id} here")
    return found[0]


def _mine_or_free(case: dict[str, Any], user: User) -> None:
    holder = case["assignee"]
    if (
        holder
        and holder != user.username
        and user.role != "lead"
        and case.get("escalated_to") != user.username
    ):
        raise WorkbenchError(f"{case['case_id']} is assigned to {holder}; ask them or a lead")


def claim_next(store: Store, user: User) -> str | None:
    """Claim the first unclaimed open case in rank order; two people never get the same case."""
    for _ in range(20):
        with store.transaction():
            row = store.one(
                "SELECT case_id FROM wb_cases WHERE in_latest_run = 1 AND active = 1 AND assignee IS NULL "
                "AND status = 'open' ORDER BY rank LIMIT 1"
            )
            if row is None:
                return None
            # the guard on `assignee IS NULL` makes the claim atomic: a concurrent claimer changes 0 rows
            if store.execute(
                "UPDATE wb_cases SET assignee = ?, claimed_at = ?, updated_at = ? WHERE case_id = ? AND assignee IS NULL",
                [user.username, now_iso(), now_iso(), row[0]],
            ):
                audit.append(store, user.username, "case.claim", "claim next", row[0])
                return str(row[0])
    return None


def claim(store: Store, user: User, case_id: str) -> None:
    with store.transaction():
        case = _locked_case(store, case_id)
        if case["assignee"] and case["assignee"] != user.username:
            raise WorkbenchError(f"{case_id} is already claimed by {case['assignee']}")
        store.execute(
            "UPDATE wb_cases SET assignee = ?, claimed_at = ?, updated_at = ? WHERE case_id = ?",
            [user.username, now_iso(), now_iso(), case_id],
        )
        audit.append(store, user.username, "case.claim", "", case_id)


def release(store: Store, user: User, case_id: str) -> None:
    with store.transaction():
        case = _locked_case(store, case_id)
        _mine_or_free(case, user)
        store.execute(
            "UPDATE wb_cases SET assignee = NULL, claimed_at = NULL, updated_at = ? WHERE case_id = ?",
            [now_iso(), case_id],
        )
        audit.append(store, user.username, "case.release", "", case_id)


def _user_exists(store: Store, username: str, role: str | None = None) -> bool:
    row = store.one("SELECT role FROM wb_users WHERE username = ? AND active = 1", [username])
    return row is not None and (role is None or row[0] in (role, "admin"))


def assign(store: Store, user: User, case_ids: list[str], assignee: str) -> int:
    assignee = assignee.strip()
    if not _user_exists(store, assignee):
        raise WorkbenchError(f"no user {assignee!r} to assign to")
    with store.transaction():
        for case_id in case_ids:
            _locked_case(store, case_id)
            store.execute(
                "UPDATE wb_cases SET assignee = ?, claimed_at = ?, updated_at = ? WHERE case_id = ?",
                [assignee, now_iso(), now_iso(), case_id],
            )
            audit.append(store, user.username, "case.assign", f"to {assignee}", case_id)
    return len(case_ids)


def hold(store: Store, user: User, case_id: str, reason: str) -> None:
    reason = reason.strip()
    if not reason:
        raise WorkbenchError("say why the case is on hold")
    with store.transaction():
        case = _locked_case(store, case_id)
        _mine_or_free(case, user)
        store.execute(
            "UPDATE wb_cases SET status = 'on_hold', hold_reason = ?, updated_at = ? WHERE case_id = ?",
            [reason[:500], now_iso(), case_id],
        )
        audit.append(store, user.username, "case.hold", reason[:500], case_id)


def escalate(store: Store, user: User, case_id: str, lead: str, reason: str) -> None:
    lead = lead.strip()
    if not _user_exists(store, lead, "lead"):
        raise WorkbenchError(f"{lead!r} is not a lead; escalate to a user with the lead role")
    with store.transaction():
        case = _locked_case(store, case_id)
        _mine_or_free(case, user)
        store.execute(
            "UPDATE wb_cases SET status = 'escalated', escalated_to = ?, assignee = ?, updated_at = ? "
            "WHERE case_id = ?",
            [lead, lead, now_iso(), case_id],
        )
        audit.append(store, user.username, "case.escalate", f"to {lead}: {reason.strip()[:500]}", case_id)


def add_note(store: Store, user: User, case_id: str, text: str) -> None:
    text = text.strip()
    if not text:
        raise WorkbenchError("a note needs some text")
    with store.transaction():
        _locked_case(store, case_id)
        store.execute(
            "INSERT INTO wb_notes (note_id, case_id, at, author, text) VALUES (?, ?, ?, ?, ?)",
            [uuid.uuid4().hex, case_id, now_iso(), user.username, text[:10000]],
        )
        audit.append(store, user.username, "case.note", f"{len(text)} characters", case_id)


def notes(store: Store, case_id: str) -> list[dict[str, Any]]:
    return store.dicts(
        "SELECT at, author, text FROM wb_notes WHERE case_id = ? ORDER BY at, note_id", [case_id]
    )


def book_notes(out_dir: Path, case_id: str) -> list[dict[str, Any]]:
    """Notes written with `tanglaw cases note` (the case book), shown beside the workbench's own."""
    book = CaseBook.open(out_dir, create=False)
    try:
        return [
            {"at": at, "author": a, "text": text, "from_book": True} for at, a, text in book.notes(case_id)
        ]
    finally:
        book.close()


def decide(
    store: Store,
    user: User,
    case_id: str,
    outcome: str,
    *,
    reason: str = "",
    referred_to: str = "",
    people: list[str] | None = None,
    people_keys: dict[str, str] | None = None,
) -> None:
    """Record a decision; `people` are the case's suspects (entity ids), who become labels. A false
    positive clears them on the evidence of `people_keys` (entity -> `person_key`); a confirmed or
    referred case un-clears them."""
    if outcome not in OUTCOMES:
        raise WorkbenchError(f"unknown decision {outcome!r}; choose one of {', '.join(OUTCOMES)}")
    if outcome == "false_positive" and reason not in FP_REASONS:
        raise WorkbenchError("a false positive needs a reason: family, seller, adult work or other")
    if outcome == "referred" and not referred_to.strip():
        raise WorkbenchError("say to whom the case is referred")
    with store.transaction():
        case = _locked_case(store, case_id)
        _mine_or_free(case, user)
        evidence_key, claimed_at = case["evidence_key"], case["claimed_at"]
        at = now_iso()
        store.execute(
            "INSERT INTO wb_decisions (decision_id, case_id, at, who, outcome, reason, referred_to, evidence_key, "
            "people, claimed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [uuid.uuid4().hex, case_id, at, user.username, outcome, reason or None,
             referred_to.strip()[:200] or None, evidence_key, ";".join(sorted(people or [])), claimed_at],
        )  # fmt: skip
        store.execute(
            "UPDATE wb_cases SET status = ?, decision = ?, decided_at = ?, decided_evidence_key = ?, updated_at = ? "
            "WHERE case_id = ?",
            [STATUS_AFTER[outcome], outcome, at, evidence_key, at, case_id],
        )
        if outcome == "false_positive":
            for entity_id, person in sorted((people_keys or {}).items()):
                store.execute("DELETE FROM wb_cleared WHERE entity_id = ?", [entity_id])
                store.execute(
                    "INSERT INTO wb_cleared (entity_id, evidence_key, case_id, at) VALUES (?, ?, ?, ?)",
                    [entity_id, person, case_id, at],
                )
        elif outcome in ("confirmed", "referred"):
            for entity_id in people or []:
                store.execute("DELETE FROM wb_cleared WHERE entity_id = ?", [entity_id])
        detail = OUTCOMES[outcome] + (f" ({FP_REASONS[reason]})" if outcome == "false_positive" else "")
        detail += f" to {referred_to.strip()[:200]}" if outcome == "referred" else ""
        audit.append(store, user.username, "case.decide", detail, case_id)


def decisions(store: Store, case_id: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE case_id = ?", [case_id]) if case_id else ("", [])
    return store.dicts(
        f"SELECT case_id, at, who, outcome, reason, referred_to, evidence_key, people, claimed_at FROM wb_decisions "
        f"{where} "
        "ORDER BY at, decision_id",
        params,
    )


DECISION_COLUMNS = ("case_id", "at", "who", "outcome", "reason", "referred_to", "people", "claimed_at")


def decisions_csv(store: Store) -> tuple[str, int]:
    """Every decision as CSV text (cells a spreadsheet will not run), and how many."""
    import csv
    import io

    from ..csvsafe import row as safe_row

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(DECISION_COLUMNS)
    found = decisions(store)
    for d in found:
        w.writerow(safe_row([d[c] or "" for c in DECISION_COLUMNS]))
    return buf.getvalue(), len(found)


def labels(store: Store) -> list[tuple[str, int]]:
    """(entity_id, label) from every person's latest decision: 1 confirmed or referred, 0 false
    positive; `needs_info` gives no label. The file `tanglaw calibrate --labels` reads."""
    latest: dict[str, int] = {}
    for d in decisions(store):
        label = {"confirmed": 1, "referred": 1, "false_positive": 0}.get(d["outcome"])
        if label is None:
            continue
        for person in filter(None, (d["people"] or "").split(";")):
            latest[person] = label
    return sorted(latest.items())


def share(store: Store, user: User, case_id: str, org: str) -> None:
    org = org.strip()
    if not org:
        raise WorkbenchError("name the partner organisation")
    with store.transaction():
        _locked_case(store, case_id)
        if not store.one("SELECT 1 FROM wb_shares WHERE case_id = ? AND org = ?", [case_id, org]):
            store.execute("INSERT INTO wb_shares (case_id, org) VALUES (?, ?)", [case_id, org[:200]])
        audit.append(store, user.username, "case.share", f"with {org[:200]}", case_id)


def history(store: Store, case_id: str) -> list[dict[str, Any]]:
    return audit.entries(store, case_id=case_id, limit=500)
