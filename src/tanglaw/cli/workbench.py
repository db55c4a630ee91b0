"""`tanglaw serve`, `tanglaw users …`, `tanglaw audit verify` and `tanglaw decisions export`: the
analyst workbench from the command line.

Each takes the run folder (`--out`) and, for a team, `--db postgresql://…`; without `--db` the
workbench keeps its state in `OUT/workbench.sqlite`.
"""

from __future__ import annotations

import csv
import os
import secrets
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from ..errors import TanglawError
from .console import err, out

OutOpt = Annotated[Path, typer.Option("--out", help="The output folder of `tanglaw run`.")]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="postgresql://USER@HOST/DB for a team (default: SQLite in the run folder)."),
]

users_app = typer.Typer(help="Workbench users: add, list.", no_args_is_help=True)
audit_app = typer.Typer(help="The workbench's audit trail: verify.", no_args_is_help=True)
decisions_app = typer.Typer(help="The workbench's decisions: export.", no_args_is_help=True)


def _refuse(message: str) -> NoReturn:
    """Input a person must fix: one line, exit 2."""
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _need_extra() -> None:
    try:
        import argon2  # noqa: F401
        import fastapi  # noqa: F401
    except ImportError:
        raise TanglawError("the workbench needs its extra: pip install 'tanglaw[workbench]'") from None


def _store(out_dir: Path, db: str | None) -> object:
    from ..workbench.store import Store

    if db is None and not (out_dir / "workspace.duckdb").exists():
        _refuse(f"{out_dir}: no run here; run `tanglaw run BUNDLE --out {out_dir}` first")
    return Store.open(db, out_dir)


def serve(
    out_dir: OutOpt = Path("out"),
    db: DbOpt = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (keep 127.0.0.1 unless behind a proxy).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    exercise: Annotated[
        Path | None,
        typer.Option(
            "--exercise",
            help="A world from `tanglaw simulate`: run it into --out (if not yet) and train on it, truth hidden.",
        ),
    ] = None,
    settings: Annotated[
        Path | None, typer.Option("--settings", help="Reporter settings for the exports (TOML).")
    ] = None,
) -> None:
    """Open the analyst workbench in a browser: queue, case pages, decisions, audit trail."""
    _need_extra()
    import uvicorn

    from ..workbench import auth
    from ..workbench.app import create_app
    from ..workbench.store import Store

    if exercise is not None:
        _prepare_exercise(exercise, out_dir)
    if not (out_dir / "workspace.duckdb").exists():
        _refuse(f"{out_dir}: no run here; run `tanglaw run BUNDLE --out {out_dir}` first")
    store = Store.open(db, out_dir)
    if not auth.users(store):
        if exercise is None:
            _refuse(
                f"no workbench users yet: add one with `tanglaw users add NAME --role admin --out {out_dir}`"
            )
        for name, role in (("trainer", "lead"), ("trainee", "analyst")):
            password = secrets.token_urlsafe(9)
            auth.add_user(store, name, password, role, by="tanglaw")
            out.print(f"exercise user {name} ({role}), password {password}", markup=False, highlight=False)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"warning: listening on {host}; put TLS in front of it", markup=False)
    app = create_app(out_dir, db=db, exercise=exercise, settings_file=settings, store=store)
    out.print(f"Tanglaw workbench on http://{host}:{port}/  (Ctrl-C to stop)", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _prepare_exercise(world: Path, out_dir: Path) -> None:
    if not (world / "bundle").is_dir() or not (world / "truth").is_dir():
        _refuse(f"{world}: not a world; write one with `tanglaw simulate --out {world}`")
    if (out_dir / "workspace.duckdb").exists():
        return
    from ..pipeline import run_bundle

    out.print(f"running the exercise world into {out_dir} …", markup=False)
    run_bundle(world / "bundle", out_dir)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user name.")],
    role: Annotated[
        str, typer.Option("--role", help="admin, lead, analyst, child_safety, auditor or partner.")
    ],
    out_dir: OutOpt = Path("out"),
    db: DbOpt = None,
    org: Annotated[str | None, typer.Option("--org", help="A partner's organisation.")] = None,
    password_stdin: Annotated[
        bool,
        typer.Option("--password-stdin", help="Read the password from standard input (else you are asked)."),
    ] = False,
) -> None:
    """Add a workbench user (the password is hashed with Argon2; at least 10 characters)."""
    _need_extra()
    from ..workbench import auth

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif os.environ.get("TANGLAW_PASSWORD"):
        password = os.environ["TANGLAW_PASSWORD"]
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    store = _store(out_dir, db)
    try:
        user = auth.add_user(store, name, password, role, org, by="command line")  # type: ignore[arg-type]
    except auth.AuthError as e:
        err.print(str(e), markup=False)
        raise typer.Exit(2) from None
    out.print(f"added {user.username} ({user.role}{', ' + user.org if user.org else ''})", markup=False)


@users_app.command("list")
def users_list(out_dir: OutOpt = Path("out"), db: DbOpt = None) -> None:
    """List the workbench users with their roles."""
    _need_extra()
    from ..workbench import auth

    for u in auth.users(_store(out_dir, db)):  # type: ignore[arg-type]
        locked = f", locked until {u['locked_until']}" if u["locked_until"] else ""
        out.print(f"{u['username']}\t{u['role']}\t{u['org'] or ''}{locked}", markup=False, highlight=False)


@audit_app.command("verify")
def audit_verify(out_dir: OutOpt = Path("out"), db: DbOpt = None) -> None:
    """Check the audit trail's hash chain: names every edited, inserted or deleted entry (exit 1)."""
    _need_extra()
    from ..workbench import audit

    verdict = audit.verify(_store(out_dir, db))  # type: ignore[arg-type]
    if verdict.ok:
        out.print(
            f"the audit trail holds: {verdict.entries} entries, head {verdict.head_seq} {verdict.head_hash}",
            markup=False,
        )
        return
    for problem in verdict.problems:
        err.print(problem, markup=False, highlight=False)
    err.print(f"the audit trail is broken: {len(verdict.problems)} problem(s)", markup=False)
    raise typer.Exit(1)


@decisions_app.command("export")
def decisions_export(
    out_dir: OutOpt = Path("out"),
    db: DbOpt = None,
    labels: Annotated[
        Path | None,
        typer.Option("--labels", help="Also write entity_id,label for `tanglaw calibrate --labels` here."),
    ] = None,
) -> None:
    """Every decision as CSV on standard output (no cap); with --labels, the labels file too."""
    _need_extra()
    from ..csvsafe import row as safe_row
    from ..workbench import cases

    store = _store(out_dir, db)
    text, _n = cases.decisions_csv(store)  # type: ignore[arg-type]
    sys.stdout.write(text)
    if labels is not None:
        with open(labels, "w", newline="", encoding="utf-8") as fh:
            lw = csv.writer(fh)
            lw.writerow(["entity_id", "label"])
            found = cases.labels(store)  # type: ignore[arg-type]
            for entity_id, label in found:
                lw.writerow(safe_row([entity_id, label]))
        err.print(f"{len(found)} labels written to {labels}", markup=False)


COMMANDS = (serve,)
GROUPS = (("users", users_app), ("audit", audit_app), ("decisions", decisions_app))
