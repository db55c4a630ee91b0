"""What every page of the workbench shares: the open run and store, the signed-in user, the role
check of `roles.ROUTES` and the CSRF check on every change, security headers, templates and
one-time messages.
"""

from __future__ import annotations

import gc
import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from ..engine.core import Engine
from ..engine.workspace import SharedWorkspace
from ..reporting.casedata import CaseData, load_case
from . import auth, cases
from .roles import BY_NAME, ROLE_TEXT, allowed
from .store import Store

SESSION_COOKIE = "tanglaw_session"
#: cases kept in memory after a page read them (a case page, then its people's panels)
CASES_KEPT = 16
LOGIN_CSRF_COOKIE = "tanglaw_login_csrf"
CSP = (
    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)


@dataclass
class Context:
    """The workbench of one server: the run folder, its store and (in an exercise) the world."""

    out_dir: Path
    store: Store
    exercise: Path | None = None
    settings_file: Path | None = None
    flashes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    env: Environment = field(
        default_factory=lambda: Environment(
            loader=PackageLoader("tanglaw.workbench", "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
    )

    shared: SharedWorkspace | None = None
    run: str = ""
    loaded: OrderedDict[str, CaseData] = field(default_factory=OrderedDict)
    parts: OrderedDict[str, dict[str, Any]] = field(default_factory=OrderedDict)

    def sync_run(self) -> None:
        """Follow the latest run: reopen the workspace when a new run was published, and copy its
        cases into the store when this store has not seen that run yet."""
        run = cases.latest_run(self.out_dir)
        if run == self.run and run == cases.imported_run(self.store):
            return
        with self.lock:
            if run != self.run or self.shared is None:
                self.shared = self.shared or SharedWorkspace(self.out_dir)
                self.shared.reopen()
                self.loaded.clear()
                self.parts.clear()
                self.run = run
            if run != cases.imported_run(self.store):
                with self.shared.engine() as engine:
                    rows = cases.run_cases(engine, self.out_dir)
                    people = cases.run_people(engine, cases.cleared_people(self.store))
                cases.import_run(self.store, rows, run, people=people)

    @contextmanager
    def workspace(self) -> Iterator[Engine]:
        """The run's workspace, read-only, for one request (the request follows the latest run
        through `sync_run` or `case` once, before)."""
        if self.shared is None:
            self.sync_run()
        assert self.shared is not None
        with self.shared.engine() as engine:
            yield engine

    def _kept(self, cache: OrderedDict[str, Any], case_id: str, read: Callable[[], Any]) -> Any:
        """`cache[case_id]`, read once per run and kept among the `CASES_KEPT` most recent."""
        with self.lock:
            found = cache.get(case_id)
            if found is not None:
                cache.move_to_end(case_id)
                return found
        value = read()
        with self.lock:
            cache[case_id] = value
            while len(cache) > CASES_KEPT:
                cache.popitem(last=False)
        return value

    def case(self, case_id: str) -> CaseData:
        """A case of the latest run, read once and kept for the next pages (the few most recent)."""
        self.sync_run()

        def read() -> CaseData:
            with self.workspace() as engine:
                # the page counts sessions in SQL (casepage.session_counts); exports read their own rows
                case = load_case(engine, case_id, max_sessions=0)
            # the case's thousands of objects live as long as it is kept: out of the cyclic garbage
            # collector's way (a full collection over them cost ~100 ms on 1 request in 20; they are
            # still freed by reference counting when the case is dropped)
            gc.freeze()
            return case

        found: CaseData = self._kept(self.loaded, case_id, read)
        return found

    def case_parts(
        self, case: CaseData, read: Callable[[Engine, CaseData], dict[str, Any]]
    ) -> dict[str, Any]:
        """What a case page reads about a case beside `CaseData` (related cases, tips, excerpts,
        session counts): the run's facts, read once per run like the case itself."""

        def read_parts() -> dict[str, Any]:
            with self.workspace() as engine:
                return read(engine, case)

        found: dict[str, Any] = self._kept(self.parts, case.case_id, read_parts)
        return found


def context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:32]


def flash(request: Request, kind: str, text: str) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        context(request).flashes.setdefault(_key(token), []).append((kind, text))


def take_flashes(request: Request) -> list[tuple[str, str]]:
    token = request.cookies.get(SESSION_COOKIE)
    return context(request).flashes.pop(_key(token), []) if token else []


class NeedLogin(Exception):
    """No valid session: the page sends the person to the log-in form."""


async def check_csrf(request: Request, user: auth.User) -> None:
    """403 unless the change carries the session's CSRF token (header or form field)."""
    sent = request.headers.get("x-csrf-token")
    if not sent:
        value = (await request.form()).get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not auth.csrf_ok(user, sent):
        raise HTTPException(403, "the form is out of date (CSRF token missing or wrong); reload the page")


def guard(route: str) -> Callable[[Request], Any]:
    """A FastAPI dependency: the signed-in user, allowed `route` by `roles.ROUTES`, with a valid
    CSRF token on a change. Refusals: log in (303), 403."""
    if route not in BY_NAME:  # pragma: no cover - a programming error, caught by the matrix test
        raise ValueError(f"route {route} is not in roles.ROUTES")

    async def dependency(request: Request) -> auth.User:
        ctx = context(request)
        user = auth.session_user(ctx.store, request.cookies.get(SESSION_COOKIE))
        if user is None:
            raise NeedLogin()
        if not allowed(route, user.role):
            raise HTTPException(403, f"your role ({user.role}) may not do this")
        if request.method == "POST":
            sent = request.headers.get("x-csrf-token")
            if not sent:
                form = await request.form()
                value = form.get("csrf_token")
                sent = value if isinstance(value, str) else None
            if not auth.csrf_ok(user, sent):
                raise HTTPException(
                    403, "the form is out of date (CSRF token missing or wrong); reload the page"
                )
        return user

    return dependency


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    ctx = context(request)
    user = values.get("user")
    page = ctx.env.get_template(template).render(
        request=request,
        flashes=take_flashes(request) if user else [],
        exercise=ctx.exercise is not None,
        role_text=ROLE_TEXT,
        can=(lambda route: allowed(route, user.role)) if user else (lambda route: False),
        **values,
    )
    return HTMLResponse(page, status_code=status)


def back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def security_headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    if "cache-control" not in response.headers:
        response.headers["Cache-Control"] = "no-store"
    return response


def login_csrf() -> str:
    return secrets.token_urlsafe(24)
