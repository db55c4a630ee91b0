"""A re-run into the same folder keeps every decision, note and assignment of the workbench, and
the workbench picks the new run up at the next page (issue #14, decisions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tanglaw.pipeline import run_bundle
from tanglaw.simulate import SimulationConfig, simulate_world
from tanglaw.workbench import audit, auth, cases

from .workbench_world import PASSWORD, csrf, login

pytest.importorskip("fastapi")


def test_a_rerun_keeps_decisions_notes_and_assignments(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from tanglaw.workbench.app import create_app
    from tanglaw.workbench.store import Store

    world, out = tmp_path / "world", tmp_path / "out"
    simulate_world(world, SimulationConfig(seed=5, customers=2500, payer_rate=0.004), progress=False)
    run_bundle(world / "bundle", out)
    store = Store.open(None, out)
    auth.add_user(store, "ana", PASSWORD, "analyst", by="test")
    client = TestClient(create_app(out, store=store))
    login(client, "ana")
    token = csrf(client)
    first, second = [r[0] for r in store.rows("SELECT case_id FROM wb_cases ORDER BY rank LIMIT 2")]
    client.post(f"/cases/{first}/claim", data={"csrf_token": token})
    client.post(f"/cases/{first}/notes", data={"csrf_token": token, "text": "called the remitter"})
    client.post(f"/cases/{second}/decision", data={"csrf_token": token, "outcome": "needs_info"})
    before = dict(store.rows("SELECT case_id, title FROM wb_cases"))
    from tanglaw.casebook.store import CaseBook

    book = CaseBook.open(out)
    book.add_note(first, "noted on the command line", "jun")
    book.close()

    # the same bundle again: a new run, the same cases
    run_bundle(world / "bundle", out)
    page = client.get("/").text  # the next page picks the run up
    case_page = client.get(f"/cases/{first}").text
    assert "called the remitter" in case_page and "noted on the command line" in case_page
    assert dict(store.rows("SELECT case_id, title FROM wb_cases WHERE in_latest_run = 1")) == before
    assert store.one("SELECT assignee FROM wb_cases WHERE case_id = ?", [first]) == ("ana",)
    assert store.one("SELECT status FROM wb_cases WHERE case_id = ?", [second]) == ("needs_info",)
    assert [d["outcome"] for d in cases.decisions(store, second)] == ["needs_info"]
    imports = audit.entries(store, action="run.import")
    assert len(imports) == 2 and first in page
    assert audit.verify(store).ok
    store.close()
