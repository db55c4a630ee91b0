"""A small simulated world with hostile text in every name and reference, run once per test
process, and a workbench over it with users of every role.

Every workbench test reads pages built from this data, so an unescaped name or reference would
show up as raw markup in any of them (`assert_escaped`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

HOSTILE_NAME = '"><img src=x onerror=alert(1)>'
HOSTILE_REFERENCE = "<script>alert(2)</script>"
PASSWORD = "correct-horse-battery"
USERS = {
    "admin1": ("admin", None),
    "lead1": ("lead", None),
    "ana": ("analyst", None),
    "ben": ("analyst", None),
    "cara": ("child_safety", None),
    "otto": ("auditor", None),
    "pat": ("partner", "Partner Bank"),
}

_RUN: dict[str, Path] = {}


def _poison(out: Path) -> None:
    """Add hostile text to every name, reference and chat excerpt the pages show, in the run's
    workspace (after detection, so the world's cases stay what they are)."""
    import duckdb

    con = duckdb.connect(str(out / "workspace.duckdb"))
    try:
        con.execute("UPDATE parties SET name = name || ? WHERE name IS NOT NULL", [" " + HOSTILE_NAME])
        con.execute(
            "UPDATE entity_names SET names = list_transform(names, lambda x: x || ?)", [" " + HOSTILE_NAME]
        )
        con.execute("UPDATE accounts SET display_name = coalesce(display_name, '') || ?", [HOSTILE_NAME])
        con.execute(
            "UPDATE transactions SET reference = reference || ? WHERE coalesce(reference, '') <> ''",
            [HOSTILE_REFERENCE],
        )
        con.execute("UPDATE message_signals SET snippet = snippet || ?", [" " + HOSTILE_REFERENCE])
        con.execute("UPDATE case_table SET title = title || ?", [" " + HOSTILE_REFERENCE])
    finally:
        con.close()


def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(world folder, run folder), made once per test process."""
    if "out" not in _RUN:
        from tanglaw.pipeline import run_bundle
        from tanglaw.simulate import SimulationConfig, simulate_world

        root = tmp_path_factory.mktemp("wb-world")
        simulate_world(root, SimulationConfig(seed=11, customers=3_000, payer_rate=0.004), progress=False)
        out = tmp_path_factory.mktemp("wb-run")
        run_bundle(root / "bundle", out)
        _poison(out)
        _RUN["world"], _RUN["out"] = root, out
    return _RUN["world"], _RUN["out"]


@dataclass
class Bench:
    """A workbench app over the hostile run, with its store and a client per user."""

    out: Path
    app: Any
    store: Any

    def client(self, username: str | None = None) -> Any:
        from fastapi.testclient import TestClient

        c = TestClient(self.app)
        if username:
            login(c, username)
        return c


def login(client: Any, username: str, password: str = PASSWORD) -> Any:
    client.get("/login")
    token = client.cookies.get("tanglaw_login_csrf")
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )


def csrf(client: Any) -> str:
    page = client.get("/").text
    found = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert found, "no CSRF token on the queue page"
    return found.group(1)


def make_bench(out: Path, url: str) -> Bench:
    from tanglaw.workbench import auth
    from tanglaw.workbench.app import create_app
    from tanglaw.workbench.store import Store

    store = Store.open(url, out)
    for name, (role, org) in USERS.items():
        auth.add_user(store, name, PASSWORD, role, org, by="test")
    return Bench(out, create_app(out, store=store), store)


def bench_for(kind: str, out: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Bench]:
    url = (
        request.getfixturevalue("postgres_url")
        if kind == "postgresql"
        else f"sqlite:///{tmp_path / 'wb.sqlite'}"
    )
    bench = make_bench(out, url)
    try:
        yield bench
    finally:
        bench.store.close()


def assert_escaped(html: str) -> None:
    """No hostile text from the bundle or a person made it into the page as markup."""
    assert "<img src=x" not in html
    assert "<script>alert" not in html
    assert '"><img' not in html
