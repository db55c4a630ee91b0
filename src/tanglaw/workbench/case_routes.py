"""The case page and what an analyst does on it: claim, release, assign, hold, escalate, note,
decide, share, reveal a chat excerpt, export. Every view and change is in the audit trail."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from ..engine.core import Engine
from ..reporting.case_export import FORMATS, MEDIA_TYPES, export_files
from ..reporting.casedata import CaseData, CaseNotFound, load_case
from . import audit, auth, casepage, cases
from .auth import User
from .roles import LEAD, PARTNER
from .web import back, context, flash, guard, render

router = APIRouter()


def _json(value: Any) -> Markup:
    """JSON for a `<script type="application/json">` element: `<`, `>` and `&` escaped so no text
    in the data can close the element."""
    text = json.dumps(value, default=str, ensure_ascii=False)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text)  # noqa: S704 - escaped above


def _load(request: Request, user: User, case_id: str) -> tuple[dict[str, Any], CaseData]:
    ctx = context(request)
    try:
        state = cases.case_state(ctx.store, case_id, user)
    except cases.WorkbenchError as e:
        raise HTTPException(404, str(e)) from None
    try:
        case = ctx.case(state["case_id"])
    except CaseNotFound:
        raise HTTPException(404, f"{case_id} is not in the latest run") from None
    return state, case


def _act(request: Request, case_id: str, action: Any, done: str) -> Response:
    try:
        action()
    except cases.WorkbenchError as e:
        flash(request, "error", str(e))
    else:
        flash(request, "ok", done)
    return back(f"/cases/{case_id}")


def _read_parts(engine: Engine, case: CaseData) -> dict[str, Any]:
    return {
        "related": casepage.related(engine, case.case_id),
        "tips": casepage.tips(engine, case.case_id),
        "excerpts": casepage.excerpts(engine, case),
        "sessions": casepage.session_counts(engine, case),
    }


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: str, user: Annotated[User, Depends(guard("case"))]) -> Response:
    ctx = context(request)
    state, case = _load(request, user, case_id)
    partner = user.role == PARTNER
    parts = ctx.case_parts(case, _read_parts)
    related, tips, sessions = parts["related"], parts["tips"], parts["sessions"]
    excerpts = [] if partner else parts["excerpts"]
    if partner:
        shared = {
            r[0] for r in ctx.store.rows("SELECT case_id FROM wb_shares WHERE org = ?", [user.org or ""])
        }
        related = [r for r in related if r["case_id"] in shared]
    audit.append(ctx.store, user.username, "case.view", "", case.case_id)
    now = datetime.now(UTC)
    return render(
        request,
        "case.html.j2",
        user=user,
        state=state,
        case=case,
        age=cases.age_text(state["first_flagged"], now),
        claimed_age=cases.age_text(state["claimed_at"], now) if state["claimed_at"] else "",
        network_json=_json(casepage.network(case, sessions, for_partner=partner)),
        timeline_json=_json(casepage.timeline(case, sessions)),
        size_note=casepage.size_note(case),
        n_sessions=sum(sessions["days"].values()),
        people=casepage.people(case, for_partner=partner),
        evidence=casepage.evidence(case, for_partner=partner),
        related=related,
        tips=[] if partner else tips,
        excerpts=excerpts,
        notes=cases.book_notes(ctx.out_dir, case.case_id) + cases.notes(ctx.store, case.case_id),
        decisions=cases.decisions(ctx.store, case.case_id),
        history=cases.history(ctx.store, case.case_id) if not partner else [],
        outcomes=cases.OUTCOMES,
        fp_reasons=cases.FP_REASONS,
        leads=[u["username"] for u in auth.users(ctx.store) if u["role"] == LEAD],
        workers=[
            u["username"] for u in auth.users(ctx.store) if u["role"] in ("lead", "analyst", "child_safety")
        ],
        formats=FORMATS,
        partner=partner,
    )


@router.get("/cases/{case_id}/people/{entity_id}", response_class=HTMLResponse)
def member_panel(
    request: Request, case_id: str, entity_id: str, user: Annotated[User, Depends(guard("member"))]
) -> Response:
    _state, case = _load(request, user, case_id)
    person = casepage.member(case, entity_id, for_partner=user.role == PARTNER)
    if person is None:
        raise HTTPException(404, "no such person in this case")
    return render(request, "member.html.j2", user=user, person=person, case=case)


@router.post("/cases/{case_id}/claim")
def claim(request: Request, case_id: str, user: Annotated[User, Depends(guard("claim"))]) -> Response:
    return _act(
        request, case_id, lambda: cases.claim(context(request).store, user, case_id), "you claimed the case"
    )


@router.post("/cases/{case_id}/release")
def release(request: Request, case_id: str, user: Annotated[User, Depends(guard("release"))]) -> Response:
    return _act(
        request,
        case_id,
        lambda: cases.release(context(request).store, user, case_id),
        "the case is back in the queue",
    )


@router.post("/cases/{case_id}/assign")
def assign(
    request: Request,
    case_id: str,
    user: Annotated[User, Depends(guard("assign"))],
    assignee: Annotated[str, Form()] = "",
) -> Response:
    return _act(
        request,
        case_id,
        lambda: cases.assign(context(request).store, user, [case_id], assignee),
        f"assigned to {assignee}",
    )


@router.post("/cases/{case_id}/hold")
def hold(
    request: Request,
    case_id: str,
    user: Annotated[User, Depends(guard("hold"))],
    reason: Annotated[str, Form()] = "",
) -> Response:
    return _act(
        request,
        case_id,
        lambda: cases.hold(context(request).store, user, case_id, reason),
        "the case is on hold",
    )


@router.post("/cases/{case_id}/escalate")
def escalate(
    request: Request,
    case_id: str,
    user: Annotated[User, Depends(guard("escalate"))],
    lead: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    return _act(
        request,
        case_id,
        lambda: cases.escalate(context(request).store, user, case_id, lead, reason),
        f"escalated to {lead}",
    )


@router.post("/cases/{case_id}/notes")
def note(
    request: Request,
    case_id: str,
    user: Annotated[User, Depends(guard("note"))],
    text: Annotated[str, Form()] = "",
) -> Response:
    return _act(
        request, case_id, lambda: cases.add_note(context(request).store, user, case_id, text), "note added"
    )


@router.post("/cases/{case_id}/decision")
def decide(
    request: Request,
    case_id: str,
    user: Annotated[User, Depends(guard("decide"))],
    outcome: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    referred_to: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
) -> Response:
    _state, case = _load(request, user, case_id)
    store = context(request).store

    def do() -> None:
        with store.transaction():
            cases.decide(
                store,
                user,
                case.case_id,
                outcome,
                reason=reason,
                referred_to=referred_to,
                people=casepage.suspects(case),
                people_keys=casepage.suspect_keys(case),
            )
            if note.strip():
                cases.add_note(store, user, case.case_id, note)

    return _act(request, case_id, do, f"decision recorded: {cases.OUTCOMES.get(outcome, outcome)}")


@router.post("/cases/{case_id}/share")
def share(
    request: Request,
    case_id: str,
    user: Annotated[User, Depends(guard("share"))],
    org: Annotated[str, Form()] = "",
) -> Response:
    return _act(
        request,
        case_id,
        lambda: cases.share(context(request).store, user, case_id, org),
        f"shared with {org}",
    )


@router.post("/cases/{case_id}/excerpts/{message_id}", response_class=HTMLResponse)
def reveal(
    request: Request, case_id: str, message_id: str, user: Annotated[User, Depends(guard("reveal"))]
) -> Response:
    ctx = context(request)
    _state, case = _load(request, user, case_id)
    with ctx.workspace() as engine:
        text = casepage.excerpt_text(engine, case, message_id)
    if text is None:
        raise HTTPException(404, "no such excerpt in this case")
    audit.append(ctx.store, user.username, "excerpt.reveal", f"message {message_id}", case.case_id)
    return render(request, "excerpt.html.j2", user=user, text=text, message_id=message_id)


@router.get("/cases/{case_id}/export/{fmt}")
def export(
    request: Request, case_id: str, fmt: str, user: Annotated[User, Depends(guard("export"))]
) -> Response:
    if fmt not in FORMATS:
        raise HTTPException(404, f"unknown format; choose one of {', '.join(FORMATS)}")
    ctx = context(request)
    _state, shown = _load(request, user, case_id)
    with ctx.workspace() as engine:  # the exports read the case whole, its session rows too
        case = load_case(engine, shown.case_id)
    files, _warnings = export_files(case, fmt, settings_file=ctx.settings_file)
    name, data = files[0]
    audit.append(ctx.store, user.username, "case.export", f"{fmt}: {name} ({len(data)} bytes)", case.case_id)
    suffix = "." + name.rsplit(".", 1)[-1]
    return Response(
        data,
        media_type=MEDIA_TYPES.get(suffix, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
