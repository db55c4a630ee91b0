"""The workbench in real Chromium (issue #14): log in, claim next, read a case, reveal an excerpt,
add a note, decide, export a CyberTipline file, see each step in the audit trail, log out; a second
browser claiming at the same time gets a different case. Pictures of the queue and a case page for
the README are taken here."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tanglaw.pipeline import run_bundle
from tanglaw.simulate import SimulationConfig, simulate_world

from .browser import chromium, keep_picture
from .workbench_world import PASSWORD, USERS

pytestmark = pytest.mark.slow
pytest.importorskip("uvicorn")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    import uvicorn

    from tanglaw.workbench import auth
    from tanglaw.workbench.app import create_app
    from tanglaw.workbench.store import Store

    root = tmp_path_factory.mktemp("wb-browser")
    simulate_world(root / "world", SimulationConfig(seed=7, customers=3000), progress=False)
    out = root / "out"
    run_bundle(root / "world" / "bundle", out)
    store = Store.open(None, out)
    for name, (role, org) in USERS.items():
        auth.add_user(store, name, PASSWORD, role, org, by="test")
    app = create_app(out, store=store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the workbench did not start"
    try:
        yield f"http://127.0.0.1:{port}", store
    finally:
        srv.should_exit = True
        thread.join(10)
        store.close()


def _login(browser: Any, base: str, name: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(f"{base}/login")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("#login")
    page.wait_for_url(f"{base}/")
    page.problems = problems
    return page


def test_an_analyst_works_a_case_end_to_end_in_chromium(server: tuple[str, Any], tmp_path: Path) -> None:
    base, store = server
    with chromium() as browser:
        cara, ben = _login(browser, base, "cara"), _login(browser, base, "ben")
        assert re.fullmatch(r"\d+d \d\dh \d\dm", cara.inner_text("#oldest"))
        queue_picture = cara.screenshot()
        # two people claim at the same time: two different cases
        cara.click("#claim-next", no_wait_after=True)
        ben.click("#claim-next", no_wait_after=True)
        cara.wait_for_url(re.compile(r".*/cases/TGL-\d+$"))
        ben.wait_for_url(re.compile(r".*/cases/TGL-\d+$"))
        mine, theirs = cara.url.rsplit("/", 1)[1], ben.url.rsplit("/", 1)[1]
        assert mine != theirs
        assert cara.inner_text("#assignee") == "cara" and ben.inner_text("#assignee") == "ben"

        # read the case: the network is drawn, a person's panel opens, the timeline is drawn
        cara.wait_for_selector("#network[data-render-ms]", timeout=15_000)
        assert cara.locator("#network canvas").count() >= 1
        assert cara.locator("#timeline").bounding_box()["height"] > 100  # type: ignore[index]
        cara.click("ul.people a >> nth=0")
        cara.wait_for_selector("#member-panel h3")
        assert "Accounts" in cara.inner_text("#member-panel")

        # reveal one chat excerpt: hidden until asked, then shown
        if cara.locator(".reveal-excerpt").count() == 0:
            with_chat = [r[0] for r in store.rows("SELECT case_id FROM wb_cases ORDER BY rank")]
            for case_id in with_chat:
                cara.goto(f"{base}/cases/{case_id}")
                if cara.locator(".reveal-excerpt").count():
                    mine = case_id
                    break
        assert cara.locator(".reveal-excerpt").count() > 0, "no chat excerpt in the test world"
        assert cara.locator(".excerpt.revealed").count() == 0
        cara.click(".reveal-excerpt >> nth=0")
        cara.wait_for_selector(".excerpt.revealed")
        case_picture_page = cara

        # a note, then a decision
        cara.fill("#note-text", "Checked the corridor with the remitter; KYC matches.")
        cara.click("#add-note")
        cara.wait_for_selector("text=note added")
        assert "Checked the corridor with the remitter" in cara.inner_text(".note")
        cara.check("input[name=outcome][value=confirmed]")
        cara.click("#decide")
        cara.wait_for_selector("text=decision recorded: confirmed")
        assert cara.inner_text("#status") == "confirmed"

        # export the CyberTipline file
        with cara.expect_download() as download:
            cara.click("#export-cybertip")
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.name == f"{mine}.cybertip.xml" and saved.read_bytes().startswith(b"<?xml")

        # the auditor sees each step
        otto = _login(browser, base, "otto")
        otto.goto(f"{base}/audit?who=cara")
        trail = otto.inner_text("#audit")
        for action in (
            "login",
            "case.claim",
            "case.view",
            "excerpt.reveal",
            "case.note",
            "case.decide",
            "case.export",
        ):
            assert re.search(rf"\bcara\s+{re.escape(action)}\b", trail), action
        assert "The chain holds" in otto.inner_text("#verdict")

        # log out: the pages are closed again
        cara.click("#logout")
        cara.wait_for_url(f"{base}/login")
        cara.goto(f"{base}/")
        assert cara.url == f"{base}/login"
        for page in (cara, ben, otto):
            assert page.problems == [], page.problems

        # pictures for the README: the queue, and a case page as the analyst read it
        keep_picture(queue_picture, "workbench-queue.png")
        lead = _login(browser, base, "lead1")
        lead.goto(f"{base}/cases/{theirs}")
        lead.wait_for_selector("#network[data-render-ms]", timeout=15_000)
        lead.click("ul.people a >> nth=0")
        lead.wait_for_selector("#member-panel h3")
        keep_picture(lead.screenshot(), "workbench-case.png")
        del case_picture_page
