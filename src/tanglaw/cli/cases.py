"""`tanglaw cases …`: the analysts' case book (list, show, note, assign, status, close).

Every command takes the output folder of `tanglaw run` (`--out`). A case id the book does not
know, a status that is not one of open/triaged/referred/closed, or an empty note is refused with
exit code 2 and one line saying what to fix; nothing is changed then.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..casebook.queue import QUEUE_HEADING
from ..casebook.store import STATUSES, CaseBook, CaseRow, current_user
from ..errors import TanglawError
from .console import err, out

app = typer.Typer(help="Own cases: list, show, note, assign, set status, close.", no_args_is_help=True)

OutOpt = Annotated[Path, typer.Option("--out", help="The output folder of `tanglaw run`.")]
ByOpt = Annotated[str | None, typer.Option("--by", help="Who makes the change (default: your user name).")]
DEFAULT_OUT = Path("out")


def _refuse(message: str) -> None:
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _book(out_dir: Path) -> CaseBook:
    from ..publication import settle

    settle(out_dir)  # a run killed while publishing: finish or undo it before reading the book
    return CaseBook.open(out_dir, create=False)


def _do(out_dir: Path, fn: Any) -> CaseRow:
    book = _book(out_dir)
    try:
        row: CaseRow = fn(book)
        return row
    finally:
        book.close()


@app.command("list")
def list_cases(
    out_dir: OutOpt = DEFAULT_OUT,
    status: Annotated[str | None, typer.Option(help="Only cases in this status.")] = None,
    priority: Annotated[str | None, typer.Option(help="Only cases of this priority (P1…P4).")] = None,
    assignee: Annotated[str | None, typer.Option(help="Only cases assigned to this person.")] = None,
    all_cases: Annotated[
        bool, typer.Option("--all", help="Also cases not in the latest run and cases merged away.")
    ] = False,
) -> None:
    """List the cases of the book in the queue order: open cases first, then priority, then score."""
    status = status.strip().lower() if status is not None else None
    priority = priority.strip().upper() if priority is not None else None
    if status is not None and status not in STATUSES:
        _refuse(f"--status: {status!r} is not one of {', '.join(STATUSES)}")
    if priority is not None and priority not in ("P1", "P2", "P3", "P4"):
        _refuse(f"--priority: {priority!r} is not one of P1, P2, P3, P4")
    where, params = ["1 = 1"], []
    if not all_cases:
        where.append("c.in_latest_run = 1")
    for col, val in (("status", status), ("priority", priority), ("assignee", assignee)):
        if val is not None:
            where.append(f"c.{col} = ?")
            params.append(val)
    book = _book(out_dir)
    try:
        rows = book.cases(where=" AND ".join(where), params=params)
    finally:
        book.close()
    if not rows:
        out.print("No case matches.")
        return
    t = Table(title=f"{len(rows)} case(s) in {out_dir}, {QUEUE_HEADING}", title_justify="left")
    for col in ("case", "priority", "status", "assignee", "notes", "action.", "title"):
        t.add_column(col, overflow="fold", no_wrap=col == "case", ratio=1 if col == "title" else None)
    for r in rows:
        state = r.status + ("" if r.in_latest_run else " (not in latest run)")
        if r.merged_into:
            state = f"merged into {r.merged_into}"
        t.add_row(
            r.case_id,
            r.priority or "",
            state,
            r.assignee or "",
            str(r.n_notes),
            "" if r.actionability is None else f"{r.actionability:.2f}",
            r.title or "",
        )
    out.print(t)


def _workspace_facts(out_dir: Path, case_id: str) -> dict[str, Any] | None:
    from ..engine.workspace import open_workspace

    try:
        engine = open_workspace(out_dir)
    except TanglawError:
        return None
    try:
        cols = [r[0] for r in engine.rows("SELECT column_name FROM (DESCRIBE case_table)")]
        row = engine.rows("SELECT * FROM case_table WHERE case_id = ?", [case_id])
        if not row:
            return None
        facts = dict(zip(cols, row[0], strict=True))
        names = (
            "(SELECT n.names[1] FROM entity_names n WHERE n.entity_id = m.entity_id)"
            if engine.table_exists("entity_names")
            else "NULL"
        )
        facts["members"] = engine.rows(
            f"""SELECT m.role, m.entity_id, any_value({names}) AS name,
                       list(DISTINCT m.account_id ORDER BY m.account_id), max(m.score) AS score
                FROM case_member_table m WHERE m.case_id = ?
                GROUP BY m.role, m.entity_id ORDER BY m.role, score DESC, m.entity_id""",
            [case_id],
        )
        facts["indicators"] = engine.rows(
            "SELECT code, account_id, weight, evidence, record_ids FROM indicator_table WHERE case_id = ? "
            "ORDER BY weight DESC, code",
            [case_id],
        )
        return facts
    finally:
        engine.close()


LimitOpt = Annotated[int, typer.Option("--limit", help="Rows shown per table (people, indicators).")]
AllOpt = Annotated[bool, typer.Option("--all", help="Show every row, however many.")]
DEFAULT_LIMIT = 50


def _plural(n: int, word: str) -> str:
    """`1 payer`, `2 payers`; `1 person`, `3 people`; `1 bridge person`, `2 bridge people`."""
    if n == 1:
        return f"1 {word}"
    return f"{n} {word[: -len('person')] + 'people' if word.endswith('person') else word + 's'}"


def _member_counts(members: list[tuple[Any, ...]]) -> str:
    """`Members: 3 people, 6 accounts: 1 facilitator (2 accounts), 2 payers (4 accounts)`: the
    title's counts are people (entities), and each person may hold several accounts."""
    roles: dict[str, tuple[set[str], set[str]]] = {}
    for role, entity, _name, accounts, _score in members:
        people, accs = roles.setdefault(role, (set(), set()))
        people.add(entity)
        accs.update(a for a in accounts if a)
    n_people = len({m[1] for m in members})
    n_accounts = len(set().union(*(a for _p, a in roles.values())))
    parts = [f"{_plural(len(p), r)} ({_plural(len(a), 'account')})" for r, (p, a) in roles.items()]
    return f"Members: {_plural(n_people, 'person')}, {_plural(n_accounts, 'account')}: " + ", ".join(parts)


def _network_line(facts: dict[str, Any]) -> str:
    bridges = [a for a in (facts["bridge_accounts"] or "").split(";") if a]
    bridge = _plural(int(facts["n_bridges"] or 0), "bridge person")
    # the queue's shape within a priority (a workspace of an earlier version has none)
    shape = f" ({facts['network_shape']})" if facts.get("network_shape") else ""
    if bridges:
        bridge += f" ({_plural(len(bridges), 'account')}: {', '.join(bridges)})"
    return (
        f"Network{shape}: {_plural(int(facts['n_shared_payers'] or 0), 'payer')} shared between facilitators, "
        f"{bridge}; {_plural(int(facts['n_victims'] or 0), 'likely victim')}; "
        f"last activity {facts['last_activity']}"
    )


def _more(hidden: int) -> None:
    if hidden > 0:
        out.print(f"… {hidden} more; --all to see every row", markup=False, highlight=False)


def _members_table(members: list[tuple[Any, ...]], limit: int) -> None:
    t = Table(title="Members by role, one row per person", title_justify="left")
    t.add_column("role", no_wrap=True)
    t.add_column("person", overflow="fold", ratio=2)
    t.add_column("accounts", overflow="fold", ratio=3)
    t.add_column("score", no_wrap=True, justify="right")
    for role, entity, name, accounts, score in members[:limit]:
        who = f"{name}\n{entity}" if name else str(entity)
        t.add_row(role, who, ", ".join(a for a in accounts if a), f"{score:.3f}" if score is not None else "")
    out.print(t)
    _more(len(members) - limit)


def _indicators(indicators: list[tuple[Any, ...]], limit: int) -> None:
    """One block per indicator, its sentence wrapped at the terminal's width (no table to squeeze)."""
    out.print(f"\nIndicators ({len(indicators)}):", markup=False, highlight=False)
    for code, acc, w, ev, recs in indicators[:limit]:
        out.print(f"  {code} on {acc or '?'}, weight {w:.3f}", markup=False, highlight=False)
        if ev:
            out.print(Padding(Text(ev), (0, 0, 0, 4)))
        ids = [r for r in (recs or "").split(";") if r]
        if ids:
            shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
            out.print(Padding(Text(f"records ({len(ids)}): {shown}"), (0, 0, 0, 4)))
    _more(len(indicators) - limit)


@app.command("show")
def show(
    case_id: Annotated[str, typer.Argument(help="A case id, e.g. TGL-000001 (any letter case).")],
    out_dir: OutOpt = DEFAULT_OUT,
    limit: LimitOpt = DEFAULT_LIMIT,
    all_rows: AllOpt = False,
) -> None:
    """Show a case: priority and reasons, actionability, members by role, network facts, evidence, notes, history."""
    if limit < 0:
        _refuse(f"--limit: {limit} is below 0")
    book = _book(out_dir)
    try:
        c = book.case(case_id)
        case_id = c.case_id
        notes = {case_id: book.notes(case_id)}
        for other in book.merged_from(case_id):
            notes[other] = book.notes(other)
        if c.split_from:
            notes[c.split_from] = book.notes(c.split_from)
        history = book.history(case_id)
        children = book.split_children(case_id)
        members = book.members(case_id)
    finally:
        book.close()
    rows = 10**9 if all_rows else limit
    facts = _workspace_facts(out_dir, case_id) if c.in_latest_run else None
    out.rule(f"{c.case_id}  {c.priority or ''}  {c.status}")
    out.print(c.title or "", markup=False, highlight=False)
    out.print(f"Assignee: {c.assignee or 'nobody'}   Created: {c.created_at}   Updated: {c.updated_at}")
    if not c.in_latest_run:
        out.print("Not in the latest run: no network matched it; status, notes and history are kept.")
    if c.merged_into:
        out.print(f"Merged into {c.merged_into}: read that case for the network now.")
    if c.split_from:
        out.print(f"Split from {c.split_from}.")
    if children:
        out.print(f"Parts split off into: {', '.join(children)}.")
    when = "" if c.in_latest_run else " (at the last run it was in)"
    out.print(
        f"Priority {c.priority or '?'}{when}: {c.priority_reasons or ''}", markup=False, highlight=False
    )
    if facts:
        out.print(
            f"Actionability {facts['actionability']:.2f}: {facts['actionability_reasons'] or ''}",
            markup=False,
            highlight=False,
        )
        out.print(_member_counts(facts["members"]), markup=False, highlight=False)
        out.print(_network_line(facts), markup=False, highlight=False)
        _members_table(facts["members"], rows)
        _indicators(facts["indicators"], rows)
    elif members:
        shown = ", ".join(f"{a} ({r})" for a, r in members[:rows])
        out.print(f"Members at the last run it was in: {shown}", markup=False, highlight=False)
        _more(len(members) - rows)
    for cid, ns in notes.items():
        if not ns:
            continue
        label = "Notes" if cid == case_id else f"Notes on {cid}"
        out.print(f"\n{label}:")
        for at, author, text in ns:
            out.print(f"  {at}  {author}: {text}", markup=False, highlight=False, soft_wrap=True)
    out.print("\nHistory:")
    for at, who, action, detail in history:
        out.print(f"  {at}  {who}  {action}: {detail}", markup=False, highlight=False, soft_wrap=True)


@app.command("note")
def note(
    case_id: Annotated[str, typer.Argument(help="A case id.")],
    text: Annotated[str, typer.Argument(help="The note.")],
    out_dir: OutOpt = DEFAULT_OUT,
    by: ByOpt = None,
) -> None:
    """Add a note to a case (kept across re-runs)."""
    r = _do(out_dir, lambda b: b.add_note(case_id, text, by or current_user()))
    out.print(f"{r.case_id}: note added ({r.n_notes} in all).")


@app.command("assign")
def assign(
    case_id: Annotated[str, typer.Argument(help="A case id.")],
    assignee: Annotated[str, typer.Argument(help="Who owns the case now.")],
    out_dir: OutOpt = DEFAULT_OUT,
    by: ByOpt = None,
) -> None:
    """Assign a case to a person."""
    r = _do(out_dir, lambda b: b.assign(case_id, assignee, by or current_user()))
    out.print(f"{r.case_id}: assigned to {r.assignee}.")


@app.command("status")
def set_status(
    case_id: Annotated[str, typer.Argument(help="A case id.")],
    status: Annotated[str, typer.Argument(help="open, triaged, referred or closed.")],
    reason: Annotated[str, typer.Option(help="Why, in a few words (kept in the history).")] = "",
    out_dir: OutOpt = DEFAULT_OUT,
    by: ByOpt = None,
) -> None:
    """Set a case's status: open, triaged, referred or closed."""
    r = _do(out_dir, lambda b: b.set_status(case_id, status, by or current_user(), reason))
    out.print(f"{r.case_id}: now {r.status}.")


@app.command("close")
def close(
    case_id: Annotated[str, typer.Argument(help="A case id.")],
    reason: Annotated[str, typer.Option(help="Why, in a few words (kept in the history).")] = "",
    out_dir: OutOpt = DEFAULT_OUT,
    by: ByOpt = None,
) -> None:
    """Close a case. A later run that finds new activity in its network reopens it, saying why."""
    r = _do(out_dir, lambda b: b.set_status(case_id, "closed", by or current_user(), reason))
    out.print(f"{r.case_id}: closed.")
