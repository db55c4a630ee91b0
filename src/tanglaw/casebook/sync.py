"""A run and the case book: give this run's networks their case ids, then record the run's cases.

`begin_sync` opens the book and its transaction; `assign_ids` (after `link`) matches the networks
to the book's cases and writes `case_ids` into the workspace, which `score` reads; `record_cases`
(after `score`) stores each case's members, priority and title for this run, reopens a closed
case that shows new activity and writes `case_lifecycle` for the exports. The caller commits the
transaction only after the outputs are published (`CaseSync.commit`), or rolls it back.

A closed case with new activity (a later payment or session than when the case was last seen, or
new member accounts) is **reopened**, with an audit entry saying what was new: an investigator
who closed it must be told. Triaged or referred cases keep their status; new activity is noted in
their history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from ..engine.core import Engine
from .match import match
from .queue import queue_order
from .store import CaseBook, now_iso, remove_new_book

STAGE = "cases"
WHO = "tanglaw run"


def _some(accounts: set[str], k: int = 5) -> str:
    s = sorted(accounts)
    return ", ".join(s[:k]) + (f" and {len(s) - k} more" if len(s) > k else "")


@dataclass
class CaseSync:
    book: CaseBook
    run_id: int = 0
    at: str = ""
    #: per case kept this run: its accounts and last activity when it was last seen
    previous: dict[str, set[str]] = field(default_factory=dict)
    #: cases created this run
    created: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)

    def commit(self) -> None:
        self.book.commit()
        self.book.close()

    def abort(self) -> None:
        self.book.rollback()
        self.book.close()
        remove_new_book(self.book)


def begin_sync(out_dir: Path, bundle: str) -> CaseSync:
    book = CaseBook.open(out_dir)
    try:
        book.begin()
    except BaseException:
        book.close()
        raise
    sync = CaseSync(book, at=now_iso())
    cur = book.con.execute("INSERT INTO runs (at, bundle) VALUES (?, ?)", [sync.at, bundle])
    sync.run_id = int(cur.lastrowid or 0)
    return sync


def _carry(engine: Engine, sync: CaseSync, absent: list[str], old: dict[str, set[str]]) -> dict[str, str]:
    """Cases absent from this run that no analyst closed, whose accounts are still in the data:
    each becomes a network of its accounts' entities as they score now (below the thresholds)
    so that it stays in the outputs with its id. Returns network id → case id."""
    if not absent:
        return {}
    open_ = {
        r[0]
        for r in sync.book.rows(
            f"SELECT case_id FROM cases WHERE status <> 'closed' AND merged_into IS NULL "
            f"AND case_id IN ({', '.join('?' * len(absent))})",
            absent,
        )
    }
    rows = [(f"carried:{cid}", cid, acc) for cid in sorted(open_) for acc in sorted(old.get(cid, ()))]
    if not rows:
        return {}
    engine.register_arrow(
        "__casebook__carried_accounts",
        pa.table(
            {
                "network_id": pa.array([r[0] for r in rows], pa.string()),
                "case_id": pa.array([r[1] for r in rows], pa.string()),
                "account_id": pa.array([r[2] for r in rows], pa.string()),
            }
        ),
    )
    engine.execute(
        """
        CREATE TEMP TABLE __casebook__carried AS
        SELECT DISTINCT c.network_id, c.case_id, ae.entity_id
        FROM __casebook__carried_accounts c JOIN account_entities ae USING (account_id)
        WHERE ae.entity_id NOT IN (SELECT entity_id FROM network_members)
        QUALIFY row_number() OVER (PARTITION BY ae.entity_id ORDER BY c.network_id) = 1;
        INSERT INTO network_members
        SELECT c.entity_id, c.network_id, coalesce(s.role, 'other'), coalesce(s.score, 0.0)
        FROM __casebook__carried c LEFT JOIN entity_scores s ON s.entity_id = c.entity_id AND s.main_role;
        """,
        stage=STAGE,
    )
    carried = {
        str(n): str(c)
        for n, c in engine.rows("SELECT DISTINCT network_id, case_id FROM __casebook__carried", stage=STAGE)
    }
    engine.execute("DROP TABLE __casebook__carried; DROP TABLE __casebook__carried_accounts", stage=STAGE)
    return carried


def assign_ids(engine: Engine, sync: CaseSync, *, carry_open: bool = True) -> None:
    """Match networks to cases; write `case_ids(network_id, case_id, lineage, carried)` into the
    workspace. With `carry_open`, a case with no network this run that nobody closed stays, as
    a network of its accounts (`cases.carry_open` in the pack)."""
    book, at = sync.book, sync.at
    networks: dict[str, set[str]] = {}
    for nid, acc in engine.rows(
        """SELECT DISTINCT m.network_id, ae.account_id FROM network_members m
           JOIN account_entities ae USING (entity_id)""",
        stage=STAGE,
    ):
        networks.setdefault(str(nid), set()).add(str(acc))
    old = book.latest_members()
    m = match(networks, old, book.case_order())
    was_present = {r[0] for r in book.rows("SELECT case_id FROM cases WHERE in_latest_run = 1")}
    book.con.execute("UPDATE cases SET in_latest_run = 0, carried = 0")
    ids: dict[str, str] = {}
    lineage: dict[str, str] = {}
    counts = {"kept": 0, "new": 0, "split": 0, "merged": len(m.merged_into), "absent": 0}
    for a in m.assignments:
        if a.case_id is not None:
            cid = a.case_id
            sync.previous[cid] = old.get(cid, set())
            book.con.execute(
                "UPDATE cases SET in_latest_run = 1, last_run = ? WHERE case_id = ?", [sync.run_id, cid]
            )
            counts["kept"] += 1
            if cid not in was_present:
                book.audit(cid, WHO, "back", "in this run again after being absent", at)
        else:
            cid, seq = book.new_case_id()
            sync.created.add(cid)
            book.con.execute(
                """INSERT INTO cases (case_id, seq, status, created_at, updated_at, first_run, last_run,
                                      in_latest_run, split_from)
                   VALUES (?, ?, 'open', ?, ?, ?, ?, 1, ?)""",
                [cid, seq, at, at, sync.run_id, sync.run_id, a.split_from],
            )
            if a.split_from:
                counts["split"] += 1
                book.audit(cid, WHO, "created", f"split from {a.split_from}", at)
                book.audit(a.split_from, WHO, "split", f"part of its network is now case {cid}", at)
                lineage[cid] = f"split from {a.split_from}"
            else:
                counts["new"] += 1
                book.audit(cid, WHO, "created", "a new network", at)
        ids[a.network_id] = cid
    for old_id, into in m.merged_into.items():
        book.con.execute(
            "UPDATE cases SET merged_into = ?, updated_at = ? WHERE case_id = ?", [into, at, old_id]
        )
        book.audit(old_id, WHO, "merged", f"its network joined case {into}; notes stay readable here", at)
        book.audit(into, WHO, "merge", f"case {old_id} merged into this case", at)
        lineage[into] = "; ".join(filter(None, [lineage.get(into), f"merged from {old_id}"]))
    carried = _carry(engine, sync, m.absent, old) if carry_open else {}
    kept_open = set(carried.values())
    for nid, cid in carried.items():
        ids[nid] = cid
        sync.previous[cid] = old.get(cid, set())
        book.con.execute(
            "UPDATE cases SET in_latest_run = 1, carried = 1, last_run = ? WHERE case_id = ?",
            [sync.run_id, cid],
        )
        lineage[cid] = "kept open: below the alert thresholds on this data"
    for cid in m.absent:
        if cid in kept_open:
            counts["carried"] = counts.get("carried", 0) + 1
            if cid in was_present:
                book.audit(
                    cid, WHO, "carried", "below the alert thresholds on this data; kept open until closed", at
                )
            continue
        counts["absent"] += 1
        if cid in was_present:
            book.audit(cid, WHO, "absent", "no network in this run; status and notes kept", at)
    sync.counts = counts
    nets = sorted(ids)
    engine.register_arrow(
        "case_ids",
        pa.table(
            {
                "network_id": pa.array(nets, pa.string()),
                "case_id": pa.array([ids[n] for n in nets], pa.string()),
                "lineage": pa.array([lineage.get(ids[n]) for n in nets], pa.string()),
                "carried": pa.array([n in carried for n in nets], pa.bool_()),
            }
        ),
    )


def record_cases(engine: Engine, sync: CaseSync) -> None:
    """Store this run's cases in the book; write `case_lifecycle` into the workspace."""
    book, at, run = sync.book, sync.at, sync.run_id
    cases = engine.rows(
        """SELECT case_id, priority, score, title, priority_reasons, actionability,
                  strftime(last_seen, '%Y-%m-%dT%H:%M:%SZ'), network_shape FROM case_table""",
        stage=STAGE,
    )
    members: dict[str, set[str]] = {}
    for cid, acc, role in engine.rows(
        "SELECT DISTINCT case_id, account_id, role FROM case_member_table WHERE account_id IS NOT NULL",
        stage=STAGE,
    ):
        members.setdefault(cid, set()).add(acc)
        book.con.execute("INSERT OR IGNORE INTO members VALUES (?, ?, ?, ?)", [cid, run, acc, role])
    for cid, priority, score, title, reasons, action, last_seen, shape in cases:
        prev = book.rows("SELECT status, last_seen FROM cases WHERE case_id = ?", [cid])[0]
        status, prev_seen = prev
        now_acc = members.get(cid, set())
        joined = now_acc - sync.previous.get(cid, now_acc) if cid not in sync.created else set()
        left = sync.previous.get(cid, set()) - now_acc if cid not in sync.created else set()
        newer = bool(prev_seen and last_seen and last_seen > prev_seen)
        if joined or left:
            parts = ([f"{len(joined)} account(s) joined: {_some(joined)}"] if joined else []) + (
                [f"{len(left)} left: {_some(left)}"] if left else []
            )
            book.audit(cid, WHO, "members", "; ".join(parts), at)
        if status == "closed" and (newer or joined):
            what = []
            if newer:
                what.append(f"activity until {last_seen} (it was last seen {prev_seen})")
            if joined:
                what.append(f"{len(joined)} new account(s)")
            book.con.execute("UPDATE cases SET status = 'open', updated_at = ? WHERE case_id = ?", [at, cid])
            book.audit(cid, WHO, "status", "closed → open: reopened for new activity: " + ", ".join(what), at)
            sync.counts["reopened"] = sync.counts.get("reopened", 0) + 1
        elif newer and status in ("triaged", "referred"):
            book.audit(cid, WHO, "activity", f"new activity until {last_seen} (status kept: {status})", at)
        book.con.execute(
            """UPDATE cases SET priority = ?, score = ?, title = ?, priority_reasons = ?, actionability = ?,
                                last_seen = ?, network_shape = ? WHERE case_id = ?""",
            [priority, score, title, reasons, action, last_seen, shape, cid],
        )
    book.con.execute("UPDATE runs SET n_cases = ? WHERE run_id = ?", [len(cases), run])
    rows = book.rows(
        """SELECT c.case_id, c.status, c.assignee, c.created_at, c.updated_at,
                  (SELECT count(*) FROM notes n WHERE n.case_id = c.case_id
                       OR n.case_id IN (SELECT case_id FROM cases x WHERE x.merged_into = c.case_id))
           FROM cases c WHERE c.in_latest_run = 1"""
    )
    engine.register_arrow(
        "case_lifecycle",
        pa.table(
            {
                "case_id": pa.array([r[0] for r in rows], pa.string()),
                "status": pa.array([r[1] for r in rows], pa.string()),
                "assignee": pa.array([r[2] for r in rows], pa.string()),
                "created_at": pa.array([r[3] for r in rows], pa.string()),
                "updated_at": pa.array([r[4] for r in rows], pa.string()),
                "n_notes": pa.array([int(r[5]) for r in rows], pa.int64()),
            }
        ),
    )
    rerank(engine)


def rerank(engine: Engine) -> None:
    """Rank the run's cases in the queue order, now that each case's status is known (a closed
    case goes after the open ones; a closed case reopened by this run does not)."""
    order = queue_order(
        status="l.status",
        carried="i.carried",
        priority="c.priority",
        shape="c.network_shape",
        score="c.score",
        case_id="c.case_id",
    )
    engine.execute(
        f"""
        CREATE TEMP TABLE __casebook__rank AS
        SELECT c.case_id, row_number() OVER (ORDER BY {order}) AS rank
        FROM case_table c LEFT JOIN case_lifecycle l USING (case_id)
        LEFT JOIN (SELECT case_id, bool_or(carried) AS carried FROM case_ids GROUP BY case_id) i USING (case_id);
        UPDATE case_table SET rank = r.rank FROM __casebook__rank r WHERE case_table.case_id = r.case_id;
        UPDATE indicator_table SET rank = r.rank FROM __casebook__rank r WHERE indicator_table.case_id = r.case_id;
        DROP TABLE __casebook__rank;
        """,
        stage=STAGE,
    )
