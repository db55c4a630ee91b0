"""The workbench web application: `create_app(out_dir)` gives a FastAPI app over a finished run.

Routes are listed once, with the roles allowed, in `roles.ROUTES`; each handler here names its
route and `web.guard` checks the session, the role and the CSRF token before the handler runs.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Form, HTTPException, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

from ..casebook.store import parse_stamp
from . import audit, auth, cases
from .auth import User
from .case_routes import router as case_router
from .roles import ROLES
from .store import Store
from .web import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Context,
    NeedLogin,
    back,
    check_csrf,
    context,
    flash,
    guard,
    login_csrf,
    render,
    security_headers,
)

STATIC = Path(__file__).parent / "static"


def create_app(
    out_dir: Path,
    *,
    db: str | None = None,
    exercise: Path | None = None,
    settings_file: Path | None = None,
    store: Store | None = None,
) -> FastAPI:
    """The workbench over the run in `out_dir`; its state in `db` (default: SQLite in `out_dir`)."""
    ctx = Context(
        out_dir=out_dir,
        store=store or Store.open(db, out_dir),
        exercise=exercise,
        settings_file=settings_file,
    )
    ctx.sync_run()
    app = FastAPI(title="Tanglaw workbench", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.ctx = ctx
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        if request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "max-age=3600"
        return security_headers(response)

    @app.exception_handler(NeedLogin)
    async def need_login(request: Request, exc: NeedLogin) -> Response:
        if request.headers.get("hx-request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        return back("/login")

    @app.exception_handler(HTTPException)
    async def refused(request: Request, exc: HTTPException) -> Response:
        if exc.status_code in (403, 404, 409, 400) and "text/html" in request.headers.get("accept", ""):
            return render(request, "error.html.j2", exc.status_code, user=None, message=str(exc.detail))
        return await http_exception_handler(request, exc)

    # ---- signing in and out -----------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse)
    def login_page(request: Request) -> Response:
        token = login_csrf()
        response = render(request, "login.html.j2", user=None, login_token=token, error=None)
        response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict")
        return response

    @app.post("/login")
    def login(
        request: Request,
        username: Annotated[str, Form()] = "",
        password: Annotated[str, Form()] = "",
        csrf_token: Annotated[str, Form()] = "",
    ) -> Response:
        expected = request.cookies.get(LOGIN_CSRF_COOKIE)
        if not expected or not auth.csrf_ok(User("", "", None, expected), csrf_token):
            raise HTTPException(
                403, "the log-in form is out of date (CSRF token missing or wrong); reload it"
            )
        try:
            token, _user = auth.login(context(request).store, username, password)
        except auth.AuthError as e:
            fresh = login_csrf()
            response = render(request, "login.html.j2", 401, user=None, login_token=fresh, error=str(e))
            response.set_cookie(LOGIN_CSRF_COOKIE, fresh, httponly=True, samesite="strict")
            return response
        done = back("/")
        done.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict")
        done.delete_cookie(LOGIN_CSRF_COOKIE)
        return done

    @app.post("/logout")
    async def logout(request: Request) -> Response:
        ctx = context(request)
        token = request.cookies.get(SESSION_COOKIE)
        user = auth.session_user(ctx.store, token)
        if user is not None and token:
            await check_csrf(request, user)
            auth.logout(ctx.store, token, user.username)
        response = back("/login")
        response.delete_cookie(SESSION_COOKIE)
        return response

    # ---- the queue -----------------------------------------------------------------------------
    def _filter(request: Request) -> cases.QueueFilter:
        q = request.query_params

        def number(name: str, default: int) -> int:
            try:
                return max(0, int(q.get(name, default)))
            except ValueError:
                return default

        return cases.QueueFilter(
            priority=q.get("priority", "")[:3],
            status=q.get("status", "active")[:20],
            assignee=q.get("assignee", "")[:64],
            typology=q.get("typology", "")[:64],
            country=q.get("country", "")[:3],
            min_age_days=number("min_age_days", 0),
            page=max(1, number("page", 1)),
        )

    def _queue_values(request: Request, user: User) -> dict[str, Any]:
        ctx = context(request)
        ctx.sync_run()
        f = _filter(request)
        found, total = cases.queue(ctx.store, user, f)
        now = datetime.now(UTC)
        for r in found:
            r["age"] = cases.age_text(r["first_flagged"], now)
            r["claimed_age"] = cases.age_text(r["claimed_at"], now) if r["claimed_at"] else ""
        oldest = cases.oldest_unclaimed(ctx.store, user)
        return {
            "user": user,
            "rows": found,
            "total": total,
            "filter": f,
            "pages": max(1, -(-total // cases.PAGE)),
            "count_cap": cases.COUNT_CAP,
            "oldest": cases.age_text(oldest, now) if oldest else None,
            "assignees": cases.assignees(ctx.store),
            "users": [
                u["username"]
                for u in auth.users(ctx.store)
                if u["role"] in ("lead", "analyst", "child_safety")
            ],
            "statuses": cases.STATUSES,
            "query": request.url.query,
        }

    @app.get("/", response_class=HTMLResponse)
    def queue_page(request: Request, user: Annotated[User, Depends(guard("queue"))]) -> Response:
        return render(request, "queue.html.j2", **_queue_values(request, user))

    @app.get("/queue/rows", response_class=HTMLResponse)
    def queue_rows(request: Request, user: Annotated[User, Depends(guard("queue_rows"))]) -> Response:
        return render(request, "queue_rows.html.j2", **_queue_values(request, user))

    @app.post("/claim-next")
    def claim_next(request: Request, user: Annotated[User, Depends(guard("claim_next"))]) -> Response:
        ctx = context(request)
        ctx.sync_run()
        case_id = cases.claim_next(ctx.store, user)
        if case_id is None:
            flash(request, "ok", "no unclaimed case is waiting")
            return back("/")
        flash(request, "ok", f"you claimed {case_id}")
        return back(f"/cases/{case_id}")

    @app.post("/bulk-assign")
    async def bulk_assign(request: Request, user: Annotated[User, Depends(guard("bulk_assign"))]) -> Response:
        form = await request.form()
        chosen = [str(v) for v in form.getlist("case_id")][:1000]
        assignee = str(form.get("assignee") or "")
        if not chosen:
            flash(request, "error", "tick the cases to assign first")
            return back("/")
        try:
            n = cases.assign(context(request).store, user, chosen, assignee)
        except cases.WorkbenchError as e:
            flash(request, "error", str(e))
            return back("/")
        flash(request, "ok", f"{n} cases assigned to {assignee}")
        return back("/")

    # ---- audit, decisions, users -------------------------------------------------------------
    @app.get("/audit", response_class=HTMLResponse)
    def audit_page(request: Request, user: Annotated[User, Depends(guard("audit"))]) -> Response:
        q = request.query_params
        store = context(request).store
        before = q.get("before", "")
        entries = audit.entries(
            store,
            who=q.get("who", "")[:64] or None,
            action=q.get("action", "")[:40] or None,
            case_id=q.get("case_id", "")[:40] or None,
            before=int(before) if before.isdigit() else None,
        )
        verdict = audit.verify(store)
        return render(request, "audit.html.j2", user=user, entries=entries, verdict=verdict, q=q)

    @app.get("/decisions.csv")
    def decisions_csv(request: Request, user: Annotated[User, Depends(guard("decisions"))]) -> Response:
        store = context(request).store
        text, n = cases.decisions_csv(store)
        audit.append(store, user.username, "decisions.export", f"{n} decisions")
        return PlainTextResponse(
            text,
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="decisions.csv"'},
        )

    @app.get("/admin/users", response_class=HTMLResponse)
    def users_page(request: Request, user: Annotated[User, Depends(guard("users"))]) -> Response:
        return render(
            request, "users.html.j2", user=user, users=auth.users(context(request).store), roles=ROLES
        )

    @app.post("/admin/users")
    def add_user(
        request: Request,
        user: Annotated[User, Depends(guard("add_user"))],
        username: Annotated[str, Form()] = "",
        password: Annotated[str, Form()] = "",
        role: Annotated[str, Form()] = "",
        org: Annotated[str, Form()] = "",
    ) -> Response:
        try:
            auth.add_user(context(request).store, username, password, role, org or None, by=user.username)
        except auth.AuthError as e:
            flash(request, "error", str(e))
        else:
            flash(request, "ok", f"user {username.strip()} added as {role}")
        return back("/admin/users")

    # ---- exercises ---------------------------------------------------------------------------------
    @app.post("/exercise/end")
    def exercise_end(request: Request, user: Annotated[User, Depends(guard("exercise_end"))]) -> Response:
        ctx = context(request)
        if ctx.exercise is None:
            raise HTTPException(404, "this workbench is not running an exercise")
        audit.append(
            ctx.store, user.username, "exercise.end", str(len(cases.decisions(ctx.store))) + " decisions"
        )
        return back("/exercise/score")

    @app.get("/exercise/score", response_class=HTMLResponse)
    def exercise_score(request: Request, user: Annotated[User, Depends(guard("exercise_score"))]) -> Response:
        from .exercise import ExerciseDecision, score_exercise

        ctx = context(request)
        if ctx.exercise is None:
            raise HTTPException(404, "this workbench is not running an exercise")
        ended = ctx.store.one("SELECT count(*) FROM wb_audit WHERE action = 'exercise.end'")
        if not ended or not ended[0]:
            raise HTTPException(409, "the exercise has not ended yet: end it from the queue page")

        def when(ts: str | None) -> datetime | None:
            return parse_stamp(ts) if ts else None

        decided = [
            ExerciseDecision(
                d["case_id"], d["outcome"], when(d["at"]) or datetime.now(UTC), when(d["claimed_at"])
            )
            for d in cases.decisions(ctx.store)
        ]
        score = score_exercise(ctx.exercise, ctx.out_dir, decided)
        return render(request, "exercise.html.j2", user=user, score=score)

    app.include_router(case_router)
    return app
