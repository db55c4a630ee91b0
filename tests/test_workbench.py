"""The workbench over HTTP, on SQLite and on a real PostgreSQL server: sign-in and lockout, the
queue and claiming, the case page, decisions and labels, the authorization matrix from
`roles.ROUTES`, CSRF, hostile text, the audit chain and the command line."""

from __future__ import annotations

import concurrent.futures
import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tanglaw.workbench import audit, auth, cases
from tanglaw.workbench.roles import ROLES, ROUTES

from .postgres import postgres_server_fixture, postgres_url_fixture  # noqa: F401
from .workbench_world import USERS, Bench, assert_escaped, bench_for, csrf, hostile_run, login, make_bench

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_run(tmp_path_factory)[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def bench(request: pytest.FixtureRequest, run_dir: Path, tmp_path: Path) -> Iterator[Bench]:
    yield from bench_for(request.param, run_dir, tmp_path, request)


def _first_case(bench: Bench) -> str:
    row = bench.store.one("SELECT case_id FROM wb_cases ORDER BY rank LIMIT 1")
    assert row
    return str(row[0])


# ---- signing in ----------------------------------------------------------------------------------
def test_login_logout_and_pages_need_a_session(bench: Bench) -> None:
    c = bench.client()
    assert c.get("/", follow_redirects=False).headers["location"] == "/login"
    r = login(c, "ana")
    assert r.status_code == 303
    page = c.get("/")
    assert page.status_code == 200 and "Claim next case" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    token = csrf(c)
    c.post("/logout", data={"csrf_token": token})
    assert c.get("/", follow_redirects=False).status_code == 303
    actions = [e["action"] for e in audit.entries(bench.store, who="ana")]
    assert actions[:2] == ["logout", "login"]


def test_wrong_password_then_lockout(bench: Bench) -> None:
    c = bench.client()
    r = login(c, "ben", "wrong-password-1")
    assert r.status_code == 401 and "wrong user name or password" in r.text
    assert login(c, "nobody", "wrong-password-1").text.count("wrong user name or password") == 1
    for _ in range(4):
        r = login(c, "ben", "wrong-password-1")
    assert "locked until" in r.text
    # the right password no longer helps while locked
    r = login(c, "ben")
    assert r.status_code == 401 and "locked until" in r.text
    refusals = [e["detail"] for e in audit.entries(bench.store, who="ben", action="login.refused")]
    assert "wrong password, account locked" in refusals and "locked" in refusals


def test_passwords_are_argon2_hashes(bench: Bench) -> None:
    digest = bench.store.one("SELECT password_hash FROM wb_users WHERE username = 'ana'")
    assert digest and str(digest[0]).startswith("$argon2id$")


# ---- the queue ---------------------------------------------------------------------------------
def test_queue_lists_cases_in_rank_order_with_ages_and_filters(bench: Bench) -> None:
    c = bench.client("ana")
    page = c.get("/").text
    ids = re.findall(r'<a href="/cases/(TGL-\d+)">', page)
    ranks = [
        r[0] for r in bench.store.rows("SELECT case_id FROM wb_cases WHERE in_latest_run = 1 ORDER BY rank")
    ]
    assert ids == ranks[: len(ids)] and ids
    assert re.search(r'id="oldest">\d+d \d\dh \d\dm<', page)
    p1 = c.get("/queue/rows", params={"priority": "P1"}).text
    n_p1 = bench.store.one("SELECT count(*) FROM wb_cases WHERE priority = 'P1'")
    assert n_p1 and f"{n_p1[0]} case" in p1
    none = c.get("/queue/rows", params={"country": "ZZ"}).text
    assert "No case matches." in none
    assert_escaped(page)


def test_claim_next_gives_two_people_different_cases(bench: Bench) -> None:
    a, b = bench.client("ana"), bench.client("ben")
    ta, tb = csrf(a), csrf(b)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        fa = pool.submit(a.post, "/claim-next", data={"csrf_token": ta}, follow_redirects=False)
        fb = pool.submit(b.post, "/claim-next", data={"csrf_token": tb}, follow_redirects=False)
        ra, rb = fa.result(), fb.result()
    la, lb = ra.headers["location"], rb.headers["location"]
    assert la.startswith("/cases/") and lb.startswith("/cases/") and la != lb
    owners = dict(bench.store.rows("SELECT case_id, assignee FROM wb_cases WHERE assignee IS NOT NULL"))
    assert owners == {la.split("/")[-1]: "ana", lb.split("/")[-1]: "ben"}


def test_claim_next_under_contention_never_doubles(bench: Bench) -> None:
    users = [auth.User(f"u{i}", "analyst", None) for i in range(6)]
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        got = list(pool.map(lambda u: cases.claim_next(bench.store, u), users))
    assert len(set(got)) == 6 and None not in got


def test_hold_escalate_release_and_bulk_assign(bench: Bench) -> None:
    case_id = _first_case(bench)
    ana = bench.client("ana")
    token = csrf(ana)
    ana.post(f"/cases/{case_id}/claim", data={"csrf_token": token})
    ana.post(f"/cases/{case_id}/hold", data={"csrf_token": token, "reason": "waiting for KYC"})
    state = bench.store.one("SELECT status, hold_reason FROM wb_cases WHERE case_id = ?", [case_id])
    assert state == ("on_hold", "waiting for KYC")
    ana.post(
        f"/cases/{case_id}/escalate", data={"csrf_token": token, "lead": "lead1", "reason": "cross-border"}
    )
    state = bench.store.one(
        "SELECT status, escalated_to, assignee FROM wb_cases WHERE case_id = ?", [case_id]
    )
    assert state == ("escalated", "lead1", "lead1")
    # ana no longer holds it: she cannot release it
    ana.post(f"/cases/{case_id}/release", data={"csrf_token": token})
    assert bench.store.one("SELECT assignee FROM wb_cases WHERE case_id = ?", [case_id]) == ("lead1",)
    lead = bench.client("lead1")
    others = [
        r[0]
        for r in bench.store.rows("SELECT case_id FROM wb_cases WHERE assignee IS NULL ORDER BY rank LIMIT 3")
    ]
    lead.post("/bulk-assign", data={"csrf_token": csrf(lead), "case_id": others, "assignee": "ben"})
    assert {r[0] for r in bench.store.rows("SELECT case_id FROM wb_cases WHERE assignee = 'ben'")} == set(
        others
    )
    assert len(audit.entries(bench.store, action="case.assign")) == 3


# ---- the case page -------------------------------------------------------------------------------
def test_case_page_shows_network_timeline_evidence_and_is_escaped(bench: Bench) -> None:
    case_id = _first_case(bench)
    c = bench.client("ana")
    page = c.get(f"/cases/{case_id}").text
    assert 'id="network-data"' in page and 'id="timeline-data"' in page
    data = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', page, re.S)
    assert data and '"nodes": [{' in data.group(1)
    assert "\\u003cimg src=x" in data.group(
        1
    )  # the hostile name is in the data, escaped for the script element
    assert re.search(r"<td><code>(FIN|PLAT)_[A-Z_]+</code></td>", page)
    assert "Why P" in page and "Related cases" in page
    assert_escaped(page)
    # a person's panel
    entity = re.search(r'hx-get="/cases/[^"]+/people/([^"]+)"', page)
    assert entity
    panel = c.get(f"/cases/{case_id}/people/{entity.group(1)}").text
    assert "Accounts" in panel and "Indicators" in panel
    assert_escaped(panel)
    assert [e["action"] for e in audit.entries(bench.store, case_id=case_id)][0] == "case.view"


def test_notes_and_decisions_are_kept_and_escaped(bench: Bench) -> None:
    case_id = _first_case(bench)
    c = bench.client("ana")
    token = csrf(c)
    c.post(f"/cases/{case_id}/claim", data={"csrf_token": token})
    hostile = '<script>alert(3)</script> "><img src=x onerror=alert(4)>'
    c.post(f"/cases/{case_id}/notes", data={"csrf_token": token, "text": hostile})
    page = c.get(f"/cases/{case_id}").text
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert_escaped(page)
    # a false positive needs a reason
    c.post(f"/cases/{case_id}/decision", data={"csrf_token": token, "outcome": "false_positive"})
    assert bench.store.one("SELECT status FROM wb_cases WHERE case_id = ?", [case_id]) == ("open",)
    c.post(
        f"/cases/{case_id}/decision",
        data={"csrf_token": token, "outcome": "false_positive", "reason": "family"},
    )
    assert bench.store.one("SELECT status, decision FROM wb_cases WHERE case_id = ?", [case_id]) == (
        "cleared",
        "false_positive",
    )
    # a cleared case leaves the queue ...
    assert case_id not in c.get("/queue/rows").text
    labels = dict(cases.labels(bench.store))
    assert labels and set(labels.values()) == {0}
    # ... and comes back when a run brings new evidence, with the decision kept
    rows = [list(r) for r in bench.store.rows(
        "SELECT case_id, rank, priority, score, title, typologies, countries, n_people, first_flagged, evidence_key "
        "FROM wb_cases ORDER BY rank"
    )]  # fmt: skip
    same = cases.import_run(bench.store, [tuple(r) for r in rows], "same evidence")
    assert same["reopened"] == 0
    for r in rows:
        if r[0] == case_id:
            r[9] = "new-evidence"
    counts = cases.import_run(bench.store, [tuple(r) for r in rows], "next run")
    assert counts["reopened"] == 1
    assert bench.store.one("SELECT status FROM wb_cases WHERE case_id = ?", [case_id]) == ("open",)
    assert len(cases.decisions(bench.store, case_id)) == 1 and len(cases.notes(bench.store, case_id)) == 1


def test_confirmed_decision_becomes_labels_and_csv(bench: Bench) -> None:
    case_id = _first_case(bench)
    c = bench.client("ana")
    token = csrf(c)
    c.post(f"/cases/{case_id}/decision", data={"csrf_token": token, "outcome": "referred", "referred_to": ""})
    assert not cases.decisions(bench.store, case_id)  # referred needs a recipient
    c.post(f"/cases/{case_id}/decision", data={"csrf_token": token, "outcome": "confirmed"})
    labels = cases.labels(bench.store)
    assert labels and {v for _, v in labels} == {1}
    people = bench.store.one("SELECT people FROM wb_decisions WHERE case_id = ?", [case_id])
    assert people and all(p.startswith("E:") for p in str(people[0]).split(";"))
    lead = bench.client("lead1")
    body = lead.get("/decisions.csv").text
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["outcome"] for r in rows] == ["confirmed"] and rows[0]["case_id"] == case_id


def test_exports_download_each_format_and_are_audited(bench: Bench) -> None:
    case_id = _first_case(bench)
    c = bench.client("ana")
    r = c.get(f"/cases/{case_id}/export/cybertip")
    assert r.status_code == 200 and r.content.startswith(b"<?xml")
    assert f'filename="{case_id}.cybertip.xml"' in r.headers["content-disposition"]
    assert c.get(f"/cases/{case_id}/export/stix").json()["type"] == "bundle"
    assert c.get(f"/cases/{case_id}/export/nonsense").status_code == 404
    assert "cybertip" in audit.entries(bench.store, action="case.export")[-1]["detail"]


def test_chat_excerpts_hidden_until_a_child_safety_analyst_reveals(bench: Bench) -> None:
    with_chat = bench.store.rows("SELECT case_id FROM wb_cases ORDER BY rank")
    cara = bench.client("cara")
    for (case_id,) in with_chat:
        page = cara.get(f"/cases/{case_id}").text
        found = re.search(r'hx-post="(/cases/[^"]+/excerpts/([^"]+))"', page)
        if found:
            break
    else:
        pytest.fail("no case with a chat excerpt in the test world")
    ana_page = bench.client("ana").get(f"/cases/{case_id}").text
    assert "excerpts/" not in ana_page and "only a child-safety analyst" in ana_page
    assert cara.post(found.group(1)).status_code == 403  # no CSRF token
    r = cara.post(found.group(1), headers={"X-CSRF-Token": csrf(cara)})
    assert r.status_code == 200 and 'class="excerpt revealed"' in r.text
    assert_escaped(r.text)
    assert audit.entries(bench.store, action="excerpt.reveal")[0]["detail"] == f"message {found.group(2)}"
    assert bench.client("ana").post(found.group(1), headers={"X-CSRF-Token": "x"}).status_code == 403


def test_partner_sees_only_shared_cases_without_victims(bench: Bench) -> None:
    case_id = _first_case(bench)
    pat = bench.client("pat")
    assert "No case matches." in pat.get("/").text
    assert pat.get(f"/cases/{case_id}").status_code == 404
    lead = bench.client("lead1")
    lead.post(f"/cases/{case_id}/share", data={"csrf_token": csrf(lead), "org": "Partner Bank"})
    assert case_id in pat.get("/").text
    page = pat.get(f"/cases/{case_id}").text
    assert '"role": "victim"' not in page and "Decide" not in page
    assert pat.get(f"/cases/{case_id}/export/cybertip").status_code == 403


# ---- who may do what ---------------------------------------------------------------------------
def _fill(path: str, case_id: str) -> str:
    return (
        path.replace("{case_id}", case_id)
        .replace("{entity_id}", "E:none")
        .replace("{message_id}", "msg-none")
        .replace("{fmt}", "stix")
    )


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_authorization_matrix_every_role_every_route(
    kind: str, run_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Generated from `roles.ROUTES`: each role gets 403 exactly where the table says so."""
    bench = next(bench_for(kind, run_dir, tmp_path, request))
    case_id = _first_case(bench)
    clients = {name: bench.client(name) for name in USERS}
    tokens = {name: csrf(c) for name, c in clients.items()}
    seen: dict[tuple[str, str], int] = {}
    for route in ROUTES:
        path = _fill(route.path, case_id)
        for name, c in clients.items():
            role = USERS[name][0]
            if route.method == "GET":
                r = c.get(path, follow_redirects=False)
            else:
                r = c.post(path, data={"csrf_token": tokens[name]}, follow_redirects=False)
            seen[(route.name, role)] = r.status_code
            if role in route.roles:
                assert r.status_code != 403, f"{role} refused {route.method} {route.path}"
            else:
                assert r.status_code == 403, f"{role} allowed {route.method} {route.path}: {r.status_code}"
    assert {role for _, role in seen} == set(ROLES)
    bench.store.close()


def test_every_change_refuses_a_missing_csrf_token(bench: Bench) -> None:
    case_id = _first_case(bench)
    c = bench.client("lead1")
    for route in ROUTES:
        if route.method == "POST":
            r = c.post(_fill(route.path, case_id), data={"csrf_token": "forged"}, follow_redirects=False)
            assert r.status_code == 403, route.path
            r = c.post(_fill(route.path, case_id), follow_redirects=False)
            assert r.status_code == 403, route.path
    # the log-in form too
    fresh = bench.client()
    r = fresh.post(
        "/login", data={"username": "ana", "password": "correct-horse-battery"}, follow_redirects=False
    )
    assert r.status_code == 403


# ---- the audit trail ------------------------------------------------------------------------------
def _trail(bench: Bench, n: int = 6) -> None:
    for i in range(n):
        audit.append(bench.store, "ana", "case.note", f"entry {i}", "TGL-000001")


def test_audit_chain_holds_then_names_an_edited_entry(bench: Bench) -> None:
    _trail(bench)
    assert audit.verify(bench.store).ok
    head = audit.verify(bench.store).head_seq
    bench.store.execute("UPDATE wb_audit SET detail = 'nothing to see' WHERE seq = ?", [head - 2])
    problems = audit.verify(bench.store).problems
    assert len(problems) == 1 and problems[0].startswith(f"entry {head - 2} edited")


def test_audit_chain_names_a_deleted_entry(bench: Bench) -> None:
    _trail(bench)
    head = audit.verify(bench.store).head_seq
    bench.store.execute("DELETE FROM wb_audit WHERE seq = ?", [head - 3])
    assert audit.verify(bench.store).problems == (
        f"entry {head - 3} deleted: the trail goes from entry {head - 4} to entry {head - 2}",
    )


def test_audit_chain_names_a_deleted_last_entry(bench: Bench) -> None:
    _trail(bench)
    head = audit.verify(bench.store).head_seq
    bench.store.execute("DELETE FROM wb_audit WHERE seq = ?", [head])
    assert audit.verify(bench.store).problems[0].startswith(f"entry {head} deleted")


def test_audit_chain_names_an_inserted_entry(bench: Bench) -> None:
    _trail(bench)
    head = audit.verify(bench.store).head_seq
    # renumber the last two entries up by one and slip a forged entry into the gap
    for seq in (head, head - 1):
        bench.store.execute("UPDATE wb_audit SET seq = seq + 1 WHERE seq = ?", [seq])
    prev = bench.store.one("SELECT hash FROM wb_audit WHERE seq = ?", [head - 2])
    assert prev
    at = "2026-01-01T00:00:00.000000Z"
    digest = audit.entry_hash(head - 1, at, "mallory", "case.decide", None, "confirmed", prev[0])
    bench.store.execute(
        "INSERT INTO wb_audit (seq, at, who, action, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [head - 1, at, "mallory", "case.decide", None, "confirmed", prev[0], digest],
    )
    problems = audit.verify(bench.store).problems
    assert problems and problems[0].startswith(f"entry {head - 1} inserted")
    # appended at the end without touching the head: found too
    bench.store.execute("DELETE FROM wb_audit WHERE seq > ?", [head - 2])
    bench.store.execute("UPDATE wb_audit_head SET seq = ?, hash = ? WHERE id = 1", [head - 2, prev[0]])
    assert audit.verify(bench.store).ok
    digest = audit.entry_hash(head - 1, at, "mallory", "login", None, "", prev[0])
    bench.store.execute(
        "INSERT INTO wb_audit (seq, at, who, action, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [head - 1, at, "mallory", "login", None, "", prev[0], digest],
    )
    assert audit.verify(bench.store).problems == (
        f"entry {head - 1} inserted: the head says the trail ends at entry {head - 2}",
    )


def test_auditor_page_lists_and_filters_the_trail(bench: Bench) -> None:
    login(bench.client(), "ana")
    otto = bench.client("otto")
    page = otto.get("/audit").text
    assert "The chain holds" in page
    assert re.search(r"<td>ana</td><td>login</td>", page)
    filtered = otto.get("/audit", params={"who": "otto"}).text
    assert "<td>ana</td>" not in filtered and "<td>otto</td>" in filtered


# ---- the command line ---------------------------------------------------------------------------
def test_cli_users_audit_verify_and_decisions_export(run_dir: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tanglaw.cli import app
    from tanglaw.evaluation.calibrate import read_labels
    from tanglaw.workbench.store import Store

    out = tmp_path / "run"
    out.mkdir()
    for name in ("workspace.duckdb", "casebook.sqlite"):
        (out / name).write_bytes((run_dir / name).read_bytes())
    runner = CliRunner()
    r = runner.invoke(app, ["users", "add", "ana", "--role", "analyst", "--out", str(out), "--password-stdin"],
                      input="correct-horse-battery\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        app, ["users", "add", "x", "--role", "boss", "--out", str(out), "--password-stdin"], input="p" * 12
    )
    assert r.exit_code == 2 and "unknown role 'boss'" in r.output
    r = runner.invoke(
        app,
        ["users", "add", "y", "--role", "analyst", "--out", str(out), "--password-stdin"],
        input="short\n",
    )
    assert r.exit_code == 2 and "at least 10 characters" in r.output
    store = Store.open(None, out)
    from tanglaw.workbench.app import create_app

    # the store is filled from the run when the app starts
    create_app(out, store=store)
    case_id = store.one("SELECT case_id FROM wb_cases ORDER BY rank LIMIT 1")[0]  # type: ignore[index]
    ana = auth.User("ana", "analyst", None)
    cases.decide(store, ana, case_id, "confirmed", people=["E:pty-a", "E:pty-b"])
    r = runner.invoke(app, ["audit", "verify", "--out", str(out)])
    assert r.exit_code == 0 and "the audit trail holds" in r.output
    labels = tmp_path / "labels.csv"
    r = runner.invoke(app, ["decisions", "export", "--out", str(out), "--labels", str(labels)])
    assert r.exit_code == 0 and f"{case_id}," in r.output
    assert read_labels(labels) == [("entity_id", "E:pty-a", 1), ("entity_id", "E:pty-b", 1)]
    store.execute("UPDATE wb_audit SET who = 'someone else' WHERE seq = 2")
    r = runner.invoke(app, ["audit", "verify", "--out", str(out)])
    assert r.exit_code == 1 and "entry 2 edited" in r.output
    store.close()
    r = runner.invoke(app, ["serve", "--out", str(tmp_path / "nothing")])
    assert r.exit_code == 2 and "no run here" in r.output


# ---- exercises ----------------------------------------------------------------------------------
def test_exercise_scores_decisions_against_the_hidden_truth(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    from tanglaw.workbench.app import create_app

    world, out = hostile_run(tmp_path_factory)
    bench = make_bench(out, f"sqlite:///{tmp_path / 'wb.sqlite'}")
    app = create_app(out, store=bench.store, exercise=world)
    trainee = Bench(out, app, bench.store).client("ana")
    page = trainee.get("/").text
    assert "the truth is hidden until you end it" in page and "End the exercise" in page
    assert trainee.get("/exercise/score").status_code == 409  # not before it ends
    token = csrf(trainee)
    first = trainee.post("/claim-next", data={"csrf_token": token}, follow_redirects=False).headers[
        "location"
    ]
    trainee.post(f"{first}/decision", data={"csrf_token": token, "outcome": "confirmed"})
    r = trainee.post("/exercise/end", data={"csrf_token": token})
    assert r.status_code == 200 and "Exercise score" in r.text
    assert re.search(r"confirmed or referred, and real</th><td>1<", r.text)
    assert "Every case, with the truth" in r.text
    assert_escaped(r.text)
    bench.store.close()


def test_authorization_page_is_current() -> None:
    from tanglaw.workbench.roles import authorization_page

    page = Path(__file__).resolve().parents[1] / "docs" / "authorization.md"
    assert page.read_text(encoding="utf-8") == authorization_page(), "run `make docs`"


def test_serve_exercise_runs_the_world_and_makes_trainer_and_trainee(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tanglaw serve --exercise WORLD --out OUT`: the world is run into OUT once, a trainer and a
    trainee get printed passwords that work, and the app is handed to uvicorn (not started here)."""
    import uvicorn
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from tanglaw.cli import app as cli

    world, _ = hostile_run(tmp_path_factory)
    started: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    out = tmp_path / "class-run"
    r = CliRunner().invoke(cli, ["serve", "--exercise", str(world), "--out", str(out), "--port", "8800"])
    assert r.exit_code == 0, r.output
    assert (out / "cases.csv").exists() and started["host"] == "127.0.0.1" and started["port"] == 8800
    passwords = dict(re.findall(r"exercise user (\w+) \(\w+\), password (\S+)", r.output))
    assert set(passwords) == {"trainer", "trainee"}
    client = TestClient(started["app"])
    assert login(client, "trainee", passwords["trainee"]).status_code == 303
    assert "the truth is hidden until you end it" in client.get("/").text
    r = CliRunner().invoke(cli, ["serve", "--exercise", str(tmp_path), "--out", str(out)])
    assert r.exit_code == 2 and "not a world" in r.output
    started["app"].state.ctx.store.close()  # type: ignore[attr-defined]


def test_people_cleared_as_a_false_positive_stay_cleared_in_a_new_case_until_new_evidence(
    bench: Bench,
) -> None:
    """A false positive clears its people: a later run that puts the same people, on the same
    evidence, into a case with another id clears that case too; new evidence on one of them opens it."""
    case_id = _first_case(bench)
    c = bench.client("ana")
    c.post(
        f"/cases/{case_id}/decision",
        data={"csrf_token": csrf(c), "outcome": "false_positive", "reason": "seller"},
    )
    cleared = cases.cleared_people(bench.store)
    assert cleared
    ctx = bench.app.state.ctx
    with ctx.workspace() as engine:
        people = cases.run_people(engine, cleared)
    # the run's own keys match the keys the decision stored (one rule for both)
    stored = dict(bench.store.rows("SELECT entity_id, evidence_key FROM wb_cleared"))
    assert people[case_id] == stored
    rows = [
        list(r)
        for r in bench.store.rows(
            "SELECT case_id, rank, priority, score, title, typologies, countries, n_people, first_flagged, "
            "evidence_key FROM wb_cases WHERE case_id = ?",
            [case_id],
        )
    ]
    rows[0][0] = "TGL-900001"  # the same people under a new case id
    counts = cases.import_run(
        bench.store, [tuple(r) for r in rows], "run 2", people={"TGL-900001": people[case_id]}
    )
    assert counts["cleared"] == 1
    assert bench.store.one("SELECT status FROM wb_cases WHERE case_id = 'TGL-900001'") == ("cleared",)
    assert case_id in audit.entries(bench.store, action="case.clear")[0]["detail"]
    # new evidence on one person: the next new case stays open
    changed = dict(people[case_id])
    changed[next(iter(changed))] = "new evidence"
    rows[0][0] = "TGL-900002"
    counts = cases.import_run(bench.store, [tuple(r) for r in rows], "run 3", people={"TGL-900002": changed})
    assert counts["cleared"] == 0
    assert bench.store.one("SELECT status FROM wb_cases WHERE case_id = 'TGL-900002'") == ("open",)


def test_case_payments_written_by_the_run_are_the_payments_its_indicators_cite(run_dir: Path) -> None:
    """`case_payments` (score stage) holds, per case, exactly what reading the cited record ids
    through the `payments` view gives: a case's readers get the same payments, faster."""
    from tanglaw.engine.workspace import open_workspace
    from tanglaw.reporting.casedata import load_case

    engine = open_workspace(run_dir)
    seen = 0
    try:
        for (case_id,) in engine.rows("SELECT case_id FROM case_table"):
            case = load_case(engine, case_id)
            ids = sorted({r for ind in case.indicators for r in ind.record_ids})
            direct = engine.rows(
                "SELECT txn_id, amount_usd, s_acc, r_acc FROM payments WHERE txn_id IN (SELECT unnest(?::VARCHAR[])) "
                "ORDER BY ts, txn_id",
                [ids],
            )
            assert [(p.txn_id, p.amount_usd, p.sender, p.receiver) for p in case.payments] == [
                tuple(r) for r in direct
            ]
            seen += len(case.payments)
    finally:
        engine.close()
    assert seen > 0
