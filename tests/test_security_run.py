"""Issue #12, the run and the command line, tried as an attacker would: candidate SQL that reaches
for files, two runs into one folder, kill -9 and Ctrl-C at any moment, formulas and Rich markup in
ids, and garbage arguments and files that must never end in a traceback."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from tanglaw import csvsafe, publication
from tanglaw.candidates import check_query, run_candidate
from tanglaw.engine.core import DuckDBEngine, sandbox_engine
from tanglaw.errors import BundleError, EngineError, PackError, WorkspaceError
from tanglaw.pipeline import run_bundle
from tanglaw.stages.detect.base import create_hits_tables

from .conftest import invoke, read_csv

SECRET = "s3cr3t-line-of-a-private-file"
FORMULAS = ['=HYPERLINK("http://example.com/x","open")', "+1", "-2+3", "@SUM(A1)", "\tTAB", "'=quoted"]
MARKUP = ["[/]", "[bold]loud[/bold]", ":x:", "[link=http://example.com]x[/link]"]


def _secret_file(tmp_path: Path) -> Path:
    p = tmp_path / "private" / "secret.csv"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(f"a,b\n{SECRET},1\n{SECRET}-2,2\n", encoding="utf-8")
    return p


def _all_text(folder: Path) -> str:
    """Every readable byte under `folder`, as text, to look for a leaked secret."""
    chunks = []
    for p in folder.rglob("*"):
        if p.is_file():
            chunks.append(p.read_bytes().decode("utf-8", "replace"))
    return "\n".join(chunks)


# ---- 1. candidate SQL never reads a file ---------------------------------------------------------
@pytest.mark.parametrize(
    "sql",
    [
        'WITH a AS (WITH "{f}" AS (SELECT 1) SELECT 1) SELECT * FROM "{f}"',
        "SELECT * FROM read_csv('{f}')",
        "SELECT * FROM read_text('{f}')",
        "SELECT * FROM '{f}'",
        "SELECT * FROM glob('{d}/*')",
        "COPY (SELECT 1 AS x) TO '{d}/written.csv'",
        "ATTACH '{d}/other.duckdb' AS other",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "RESET enable_external_access",
        "SET lock_configuration = false",
    ],
)
def test_sandbox_refuses_every_way_to_a_file(tmp_path: Path, sql: str) -> None:
    secret = _secret_file(tmp_path)
    engine = sandbox_engine({"payer_features": pa.table({"entity_id": ["E:1"]})})
    try:
        with pytest.raises(Exception) as caught:
            engine.con.execute(sql.format(f=secret, d=secret.parent)).fetchall()
        assert SECRET not in str(caught.value)
        # the tables it was given are all it sees
        assert engine.con.execute("SELECT entity_id FROM payer_features").fetchall() == [("E:1",)]
    finally:
        engine.con.close()
    assert sorted(p.name for p in secret.parent.iterdir()) == ["secret.csv"]


def _nested_cte_pack(tmp_path: Path, secret: Path) -> tuple[Path, str]:
    query = (
        f'WITH a AS (WITH "{secret}" AS (SELECT 1) SELECT 1) '
        f'SELECT a AS entity_id, 0.9 AS weight, a AS evidence, [a] AS record_ids FROM "{secret}"'
    )
    pack = tmp_path / "pack.toml"
    pack.write_text(
        f'[candidates.FIN_LEAK]\ndescription = "x"\nrole = "payer"\nquery = """{query}\n"""\n',
        encoding="utf-8",
    )
    return pack, query


def test_nested_cte_trick_passes_the_parser_but_the_engine_refuses(
    tmp_path: Path, network_bundle: Path, runner: Any
) -> None:
    secret = _secret_file(tmp_path)
    pack, query = _nested_cte_pack(tmp_path, secret)
    assert check_query(query) is None  # the parser alone would have let it run
    out = tmp_path / "out"
    res = invoke(runner, "run", network_bundle, "--out", out, "--pack", pack, "-q")
    assert res.exit_code == 2
    assert "[candidates.FIN_LEAK]: the query failed in its sandbox" in res.stderr
    assert "file system operations are disabled" in res.stderr
    assert SECRET not in res.stdout + res.stderr
    assert not (out / "shadow_indicators.csv").exists() and not (out / "workspace.duckdb").exists()
    assert SECRET not in _all_text(out)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT a AS entity_id, 1.0 AS weight, a AS evidence, [a] AS record_ids FROM read_csv('{f}')",
        "SELECT content AS entity_id, 1.0 AS weight, content AS evidence, [content] AS record_ids "
        "FROM read_text('{f}')",
    ],
)
def test_run_candidate_is_sandboxed_even_without_the_parser(tmp_path: Path, query: str) -> None:
    import duckdb

    secret = _secret_file(tmp_path)
    engine = DuckDBEngine(duckdb.connect())
    create_hits_tables(engine)
    engine.execute("CREATE TABLE payer_features AS SELECT 'E:1' AS entity_id")
    cfg = {"role": "payer", "query": query.format(f=secret)}
    with pytest.raises(PackError) as caught:
        run_candidate(engine, "FIN_LEAK", cfg, "shadow_hits", "detect:FIN_LEAK")
    assert "file system operations are disabled" in str(caught.value)
    assert SECRET not in str(caught.value)
    assert engine.count("shadow_hits") == 0


def test_run_candidate_sees_the_workspace_tables_it_names(tmp_path: Path) -> None:
    import duckdb

    engine = DuckDBEngine(duckdb.connect())
    create_hits_tables(engine)
    engine.execute("CREATE TABLE payer_features AS SELECT 'E:1' AS entity_id, 7 AS n_payments")
    cfg = {
        "role": "payer",
        "query": "SELECT entity_id, 0.5 AS weight, 'n=' || n_payments AS evidence, ['T1'] AS record_ids "
        "FROM payer_features",
    }
    assert run_candidate(engine, "FIN_OK", cfg, "shadow_hits", "detect:FIN_OK") == 1
    assert engine.rows("SELECT code, entity_id, evidence FROM shadow_hits") == [("FIN_OK", "E:1", "n=7")]


@pytest.mark.parametrize(
    "query", ["SELECT 1 /* never closed", "SELECT 'never closed", 'SELECT "never closed', "SELECT $$x"]
)
def test_unterminated_sql_is_a_pack_refusal(tmp_path: Path, runner: Any, query: str) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text(f"[candidates.FIN_X]\ndescription = \"x\"\nrole = \"payer\"\nquery = '''{query}'''\n")
    res = invoke(runner, "typologies", "list", "--pack", pack)
    assert res.exit_code == 2
    assert "[candidates.FIN_X]: query: not valid SQL" in res.stderr
    assert "Traceback" not in res.stderr


def test_bank_file_refusals_never_echo_the_file(tmp_path: Path, runner: Any) -> None:
    from tanglaw.media.bankfile import read_entries

    secret = tmp_path / "passwd"
    secret.write_text("".join(f"{SECRET}:x:{i}:{i}:/home/u{i}:/bin/sh\n" for i in range(5)), encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        read_entries(secret)
    text = str(caught.value)
    assert SECRET not in text and "/bin/sh" not in text
    assert f"{secret}:1: not a PDQ hash" in text  # the file, the line, the kind of problem
    res = invoke(runner, "media", "match", "--bank", secret, "0" * 64, "-q")
    assert res.exit_code == 2 and SECRET not in res.stdout + res.stderr
    # a binary file, and a file that is not UTF-8, name the line, not the bytes
    (tmp_path / "bin").write_bytes(b"\x00\x01" + SECRET.encode() + b"\xff\xfe\n")
    for name in ("bin",):
        res = invoke(runner, "media", "match", "--bank", tmp_path / name, "0" * 64, "-q")
        assert res.exit_code == 2 and SECRET not in res.stdout + res.stderr


def test_pack_bank_files_refusal_in_a_run_names_no_contents(
    tmp_path: Path, network_bundle: Path, runner: Any
) -> None:
    secret = tmp_path / "passwd"
    secret.write_text(f"{SECRET}:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    pack = tmp_path / "pack.toml"
    pack.write_text(f'[media]\nbank_files = ["{secret}"]\n', encoding="utf-8")
    res = invoke(runner, "run", network_bundle, "--out", tmp_path / "out", "--pack", pack, "-q")
    assert SECRET not in res.stdout + res.stderr
    assert "Traceback" not in res.stdout + res.stderr


# ---- 2. one run per folder; all-or-nothing publication --------------------------------------------
_HOLD = """
import sys, time
from pathlib import Path
from tanglaw.publication import try_lock
lock = try_lock(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(60)
"""


def test_a_second_run_into_a_folder_is_refused_while_the_first_holds_it(
    tmp_path: Path, network_bundle: Path, runner: Any
) -> None:
    out = tmp_path / "out"
    run_bundle(network_bundle, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(out)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        res = invoke(runner, "run", network_bundle, "--out", out, "-q")
        assert res.exit_code == 1
        assert f"another tanglaw run is writing {out} (pid {holder.pid})" in res.stderr
        with pytest.raises(WorkspaceError):
            run_bundle(network_bundle, out)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    # its process is gone: the lock it left is taken over
    run_bundle(network_bundle, out)


def test_a_stale_lock_from_a_dead_pid_is_taken_over(tmp_path: Path, network_bundle: Path) -> None:
    out = tmp_path / "out"
    lock = out / publication.LOCK_FILE
    lock.parent.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock.write_text(f"{dead.pid}\n")
    run_bundle(network_bundle, out)
    assert lock.read_text().strip() == str(os.getpid())
    assert (out / "cases.csv").exists()


_KILL_AT = """
import os, signal, sys
from pathlib import Path
from tanglaw import pipeline, publication
from tanglaw.casebook.sync import CaseSync

point, bundle, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])

def die():
    os.kill(os.getpid(), signal.SIGKILL)

if point == "before-journal":
    publication._write_journal = lambda *a, **k: die()
elif point == "before-commit":
    CaseSync.commit = lambda self: die()
elif point == "after-commit":
    real = CaseSync.commit
    def commit(self):
        real(self)
        die()
    CaseSync.commit = commit
elif point.startswith("after-move-"):
    n = int(point.rsplit("-", 1)[1])
    real_replace = os.replace
    count = [0]
    def replace(a, b):
        real_replace(a, b)
        if not str(b).endswith(publication.JOURNAL):  # a rename that publishes a file
            count[0] += 1
            if count[0] == n:
                die()
    publication.os.replace = replace
elif point == "before-clear":
    publication._clear = lambda out_dir: die()
pipeline.run_bundle(bundle, out)
"""


def _state(out: Path) -> tuple[str, str, int, str]:
    """(cases.csv, indicators.csv, runs in the case book, the bundle the workspace says it read)."""
    import sqlite3

    from tanglaw.engine.workspace import open_workspace

    engine = open_workspace(out)  # settles a journal a killed run left
    try:
        bundle = engine.scalar("SELECT value FROM run_info WHERE key = 'bundle'")
    finally:
        engine.con.close()
    con = sqlite3.connect(out / "casebook.sqlite")
    runs = con.execute("SELECT count(*) FROM runs").fetchone()[0]
    con.close()
    return (out / "cases.csv").read_text(), (out / "indicators.csv").read_text(), runs, str(bundle)


def _second_bundle(network_bundle: Path, tmp_path: Path) -> Path:
    """The same people, twice the amounts: different cases.csv, same case ids."""
    b2 = tmp_path / "bundle2"
    b2.mkdir()
    for p in network_bundle.iterdir():
        rows = read_csv(p)
        if p.name == "transactions.csv":
            for r in rows:
                r["amount"] = str(float(r["amount"]) * 2)
        with open(b2 / p.name, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    return b2


@pytest.mark.slow
@pytest.mark.parametrize(
    "point",
    ["before-journal", "before-commit", "after-commit", "after-move-1", "after-move-4", "before-clear"],
)
def test_kill_9_while_publishing_leaves_the_old_state_or_the_new(
    tmp_path: Path, network_bundle: Path, point: str
) -> None:
    b2 = _second_bundle(network_bundle, tmp_path)
    new = tmp_path / "new"
    run_bundle(network_bundle, new)
    run_bundle(b2, new)
    new_state = _state(new)
    out = tmp_path / "out"
    run_bundle(network_bundle, out)
    old_state = _state(out)
    assert old_state[0] != new_state[0]
    proc = subprocess.run([sys.executable, "-c", _KILL_AT, point, str(b2), str(out)], capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    state = _state(out)
    expected = old_state if point in ("before-journal", "before-commit") else new_state
    assert state[:3] == expected[:3]
    assert state[3] == str((network_bundle if expected is old_state else b2).resolve())
    assert not (out / publication.STAGING).exists() and not (out / publication.PARTIAL_WORKSPACE).exists()
    # and the next run goes on from there
    run_bundle(b2, out)
    assert _state(out)[0] == new_state[0]


def test_a_journal_that_names_paths_outside_the_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    staging = out / publication.STAGING
    staging.mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (staging / publication.JOURNAL).write_text('{"run_id": 1, "at": "x", "moves": [["../victim.txt", "a"]]}')
    import sqlite3

    con = sqlite3.connect(out / "casebook.sqlite")
    con.execute("CREATE TABLE runs (run_id INTEGER PRIMARY KEY, at TEXT)")
    con.execute("INSERT INTO runs VALUES (1, 'x')")
    con.commit()
    con.close()
    with pytest.raises(WorkspaceError):
        publication.settle(out)
    assert victim.read_text() == "keep"


# ---- 3. Ctrl-C -----------------------------------------------------------------------------------
def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a child of a background job starts with it ignored


@pytest.mark.slow
def test_ctrl_c_at_any_moment_is_one_line_and_exit_130(tmp_path: Path) -> None:
    from .external_world.generator import generate

    world = tmp_path / "world"
    generate(world, seed=2, customers=6_000, fmt="csv")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "tanglaw", "run", str(world / "bundle"), "--out", str(out), "-q"]
    first = subprocess.run(cmd, capture_output=True, preexec_fn=_default_sigint)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    interrupted = 0
    for delay in (0.2, 0.4, 0.8, 1.5, 2.5, 4.0, 6.0):  # from when the package loads (Python starts first)
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_default_sigint
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
        text = stderr.decode()
        finished = "interrupted; the run had finished and its outputs are in"
        if proc.returncode == 0 or (
            proc.returncode == 130 and text.strip().splitlines()[-1].startswith(finished)
        ):
            # it had finished (the Ctrl-C came while it printed its summary): a run of the same
            # bundle, published whole; later attempts compare with its outputs
            before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
            continue
        interrupted += 1
        assert proc.returncode == 130, (delay, text)
        assert text.strip().splitlines() == ["interrupted; nothing was changed"], (delay, text)
        assert "Traceback" not in text and "SQL was" not in text
        after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
        assert after == before, delay
    assert interrupted >= 4


def test_an_interrupted_engine_query_is_an_interrupt_not_a_sql_error(runner: Any, monkeypatch: Any) -> None:
    """DuckDB reports Ctrl-C as RuntimeError("Query interrupted"), which the engine would wrap with
    its SQL; the command line says the one line instead."""
    from tanglaw import interrupt

    def interrupted_query(*a: object, **k: object) -> None:
        interrupt._requested.set()
        raise EngineError("duckdb: stage ingest failed: Query interrupted\n\nSQL was:\nSELECT secret")

    monkeypatch.setattr("tanglaw.pipeline.run_bundle", interrupted_query)
    res = invoke(runner, "run", "nowhere", "--out", "nowhere-out", "-q")
    assert res.exit_code == 130
    assert res.stderr.strip() == "interrupted; nothing was changed"


# ---- 4. formula injection --------------------------------------------------------------------------
def _rename_ids(bundle: Path, names: dict[str, str]) -> None:
    for p in bundle.iterdir():
        rows = read_csv(p)
        for r in rows:
            for k, v in r.items():
                if k.endswith(("account_id", "party_id", "txn_id")) and v in names:
                    r[k] = names[v]
        with open(p, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)


HOSTILE = {
    "A1": FORMULAS[0],
    "A5": "+1",
    "B1": "-2+3",
    "P3": "@SUM(A1)",
    "A6": "[/]",
    "P5": "[bold]Bob",
    "P6": ":x:",
    "T3": "=1+1",
}


@pytest.fixture
def hostile_run(tmp_path: Path, network_bundle: Path) -> Path:
    _rename_ids(network_bundle, HOSTILE)
    out = tmp_path / "out"
    run_bundle(network_bundle, out)
    return out


NUMERIC = {"rank", "score", "n_parties", "n_accounts", "total_amount_usd", "n_payers", "n_facilitators"}


def test_every_output_csv_neutralises_formulas(hostile_run: Path) -> None:
    seen_quoted = set()
    for name in sorted(csvsafe.NEUTRALISED_FILES):
        with open(hostile_run / name, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
                    if cell.startswith("'"):
                        seen_quoted.add(cell)
    for v in ("'" + FORMULAS[0], "'+1", "'-2+3", "'@SUM(A1)"):
        assert v in seen_quoted or any(v in c for c in seen_quoted), v
    # readers of the outputs get the ids back exactly
    members = csvsafe.read_rows(hostile_run / "case_members.csv")
    assert {FORMULAS[0], "+1", "-2+3"} <= {m["account_id"] for m in members}
    assert "@SUM(A1)" in {m["party_id"] for m in members}


def test_numbers_stay_numbers_and_text_is_neutralised(tmp_path: Path) -> None:
    import duckdb

    engine = DuckDBEngine(duckdb.connect())
    path = tmp_path / "x.csv"
    sql = "SELECT -2.5 AS amount, -3 AS n, '-2.5' AS label, '=1+1' AS formula, '''q' AS quoted, NULL AS empty"
    csvsafe.copy_csv(engine, sql, path)
    lines = path.read_text().splitlines()
    assert lines[1] == "-2.5,-3,'-2.5,'=1+1,''q,"
    assert csvsafe.read_rows(path, neutralised=True)[0]["quoted"] == "'q"


@pytest.mark.parametrize("value", [*FORMULAS, "\rCR", "-", "=", "", "plain", "a=b", "'", "''"])
def test_neutralise_and_restore_are_exact_inverses(value: str) -> None:
    written = csvsafe.neutralise(value)
    assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert csvsafe.restore(written) == value
    assert csvsafe.neutralise(-2.5) == -2.5 and csvsafe.neutralise(None) is None


def test_share_match_and_media_csv_writers_neutralise(tmp_path: Path) -> None:
    from tanglaw.reporting.sharing import MATCH_COLUMNS, write_matches

    row = {c: FORMULAS[i % len(FORMULAS)] for i, c in enumerate(MATCH_COLUMNS)}
    path = write_matches([row], tmp_path / "matches.csv")
    for r in csv.reader(path.read_text(encoding="utf-8").splitlines()[1:]):
        assert all(not c.startswith(("=", "+", "-", "@", "\t")) for c in r), r


def test_evaluate_reads_neutralised_outputs(hostile_run: Path) -> None:
    from tanglaw.cli.app import _print_cases

    _print_cases(hostile_run, limit=5)  # re-reads cases.csv through csvsafe.read_rows


# ---- 5. Rich markup in data is printed as data -----------------------------------------------------
def wide(runner: Any, *args: Any) -> Any:
    """A command on a terminal wide enough that no table cell is folded (the console's width is
    set directly: under pytest-xdist the width Rich reads from COLUMNS is not always honoured)."""
    from tanglaw.cli import app, console

    old = console.out._width
    console.out.width = 400
    try:
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, env={"COLUMNS": "400"})
    finally:
        console.out._width = old


def test_markup_in_ids_prints_as_data_in_every_command(hostile_run: Path, runner: Any) -> None:
    cases = csvsafe.read_rows(hostile_run / "cases.csv")
    case_id = cases[0]["case_id"]
    for who in MARKUP:
        assert invoke(runner, "cases", "assign", case_id, who, "--out", hostile_run).exit_code == 0
        assert invoke(runner, "cases", "note", case_id, f"note {who}", "--out", hostile_run).exit_code == 0
    res = wide(runner, "cases", "list", "--out", hostile_run)
    assert res.exit_code == 0 and MARKUP[-1] in res.stdout
    res = invoke(runner, "cases", "show", case_id, "--out", hostile_run)
    assert res.exit_code == 0
    for who in MARKUP:
        assert f"note {who}" in res.stdout
    assert "-2+3" in res.stdout  # a member account id, as written
    res = invoke(runner, "entities", "list", "--out", hostile_run)
    assert res.exit_code == 0
    members = csvsafe.read_rows(hostile_run / "case_members.csv")
    for m in members:
        if m["party_id"] in ("[bold]Bob", ":x:", "@SUM(A1)"):
            res = invoke(runner, "entities", "show", m["entity_id"], "--out", hostile_run)
            assert res.exit_code == 0, res.stderr
            assert m["party_id"] in res.stdout


def test_markup_in_a_pack_prints_as_data(tmp_path: Path, runner: Any) -> None:
    pack = tmp_path / "pack.toml"
    pack.write_text(
        '[candidates.FIN_MARKUP]\ndescription = "[/] :x: [bold]desc"\nrole = "payer"\n'
        'query = """SELECT entity_id, 0.5 AS weight, \'e\' AS evidence, [\'r\'] AS record_ids FROM payer_features"""\n'
    )
    res = wide(runner, "typologies", "list", "--pack", pack)
    assert res.exit_code == 0 and "[/] :x: [bold]desc" in res.stdout
    res = invoke(runner, "typologies", "show", "FIN_MARKUP", "--pack", pack)
    assert res.exit_code == 0 and ":x:" in res.stdout


def test_markup_in_a_refusal_prints_as_data(tmp_path: Path, network_bundle: Path, runner: Any) -> None:
    rows = read_csv(network_bundle / "transactions.csv")
    rows[0]["currency"] = ":x:[/]"
    with open(network_bundle / "transactions.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    res = invoke(runner, "run", network_bundle, "--out", tmp_path / "out", "-q")
    assert res.exit_code == 2
    assert ":x:[/]" in res.stderr and "❌" not in res.stderr


# ---- 6. no traceback reaches a person ---------------------------------------------------------------
def test_media_match_refuses_impossible_numbers(runner: Any, tmp_path: Path) -> None:
    bank = tmp_path / "bank.txt"
    bank.write_text("0" * 64 + "\n")
    for args, option in [
        (("--quarantine-max", "-1"), "--quarantine-max"),
        (("--quarantine-max", "0"), "--quarantine-max"),
        (("--quarantine-window", "0"), "--quarantine-window"),
        (("--quarantine-window", "nan"), "--quarantine-window"),
        (("--distance", "-3"), "--distance"),
    ]:
        res = invoke(runner, "media", "match", "--bank", bank, "0" * 64, *args, "-q")
        assert res.exit_code == 2, (args, res.stderr)
        assert option in res.stderr and "Traceback" not in res.stderr


def test_non_utf8_labels_and_truth_are_refused_with_the_line(
    hostile_run: Path, tmp_path: Path, runner: Any
) -> None:
    labels = tmp_path / "labels.csv"
    labels.write_bytes(b"account_id,label\nA5,1\n\xff\xfe bad,0\n")
    res = invoke(
        runner, "calibrate", "--labels", labels, "--out", hostile_run, "--write", tmp_path / "p.toml"
    )
    assert res.exit_code == 2
    assert "labels.csv:3: not UTF-8 text" in res.stderr
    truth = tmp_path / "truth"
    truth.mkdir()
    (truth / "persons.csv").write_bytes(b"person_id,cohort,role\nX1,ordinary,none\nX2,\xe9t\xe9,none\n")
    (truth / "accounts.csv").write_text("account_id,person_id\nA5,X1\n")
    res = invoke(runner, "evaluate", "--truth", truth, "--out", hostile_run)
    assert res.exit_code == 2
    assert "persons.csv:3: not UTF-8 text" in res.stderr


def test_pack_words_with_regex_characters_are_words(tmp_path: Path, network_bundle: Path) -> None:
    from tanglaw.pack import load_pack

    pack = tmp_path / "pack.toml"
    pack.write_text(
        '[lists]\nreference_keywords = ["c++ course", "a.b", "(x", "[y", "z{", "\\\\", "it\'s", "*", "?"]\n\n'
        '[typologies.FIN_TRAVEL_SIDE_PURCHASES]\nside_purchase_words = ["c++ course", "(vpn", "x|y"]\n'
    )
    out = tmp_path / "out"
    run_bundle(network_bundle, out, pack=load_pack(pack))
    assert (out / "cases.csv").exists()


def test_an_unexpected_error_is_one_line_and_exit_1(runner: Any, monkeypatch: Any) -> None:
    def boom(*a: object, **k: object) -> None:
        raise ValueError("something deep broke\nwith a second line")

    monkeypatch.setattr("tanglaw.pack.load_pack", boom)
    res = invoke(runner, "typologies", "list")
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: unexpected ValueError: something deep broke")
    assert "--debug" in lines[0]
    # with --debug (or TANGLAW_DEBUG=1) the traceback is there for whoever asked
    with pytest.raises(ValueError):
        invoke(runner, "--debug", "typologies", "list")
    monkeypatch.setenv("TANGLAW_DEBUG", "1")
    with pytest.raises(ValueError):
        invoke(runner, "typologies", "list")


def _garbage(tmp_path: Path) -> dict[str, Path]:
    g = tmp_path / "garbage"
    g.mkdir()
    files = {
        "binary": b"\x00\xff\xfe\x01" * 1000,
        "latin1.csv": "account_id,label\nA1,1\nÉ,0\n".encode("latin-1"),
        "empty.csv": b"",
        "header.csv": b"a,b\n",
        "huge_field.csv": b'account_id,label\n"' + b"x" * 200_000 + b'",1\n',
        "deep.json": b"[" * 100_000,
        "pack.toml": b"[candidates]\nx = [[[[[[",
    }
    out = {}
    for name, data in files.items():
        (g / name).write_bytes(data)
        out[name] = g / name
    return out


def test_garbage_arguments_and_files_never_give_a_traceback(
    tmp_path: Path, hostile_run: Path, runner: Any
) -> None:
    g = _garbage(tmp_path)
    nowhere = tmp_path / "nowhere"
    calls = [
        ("run", g["binary"], "--out", tmp_path / "o1", "-q"),
        ("run", g["binary"].parent, "--out", tmp_path / "o2", "-q"),
        ("run", nowhere, "--out", tmp_path / "o3", "-q"),
        ("run", hostile_run, "--out", tmp_path / "o4", "--pack", g["pack.toml"], "-q"),
        ("run", hostile_run, "--out", tmp_path / "o5", "--pack", g["binary"], "-q"),
        ("evaluate", "--truth", g["binary"].parent, "--out", hostile_run),
        ("evaluate", "--truth", nowhere, "--out", nowhere),
        ("calibrate", "--labels", g["binary"], "--out", hostile_run, "--write", tmp_path / "w.toml"),
        ("calibrate", "--labels", g["latin1.csv"], "--out", hostile_run, "--write", tmp_path / "w.toml"),
        ("calibrate", "--labels", g["huge_field.csv"], "--out", hostile_run, "--write", tmp_path / "w.toml"),
        ("calibrate", "--labels", g["empty.csv"], "--out", hostile_run, "--write", tmp_path / "w.toml"),
        ("calibrate", "--labels", g["header.csv"], "--out", nowhere, "--write", tmp_path / "w.toml"),
        ("typologies", "list", "--pack", g["binary"]),
        ("typologies", "show", "[/]"),
        ("typologies", "explain", ":x:"),
        ("cases", "list", "--out", nowhere),
        ("cases", "show", "[/]", "--out", hostile_run),
        ("cases", "status", "TGL-000001", "[/]", "--out", hostile_run),
        ("entities", "show", "[/]", "--out", hostile_run),
        ("entities", "list", "--out", nowhere),
        ("media", "match", "--bank", g["binary"], "0" * 64, "-q"),
        ("media", "match", "--bank", g["deep.json"], "[/]", "-q"),
        ("media", "hash", g["binary"], "-q"),
        ("media", "hash", nowhere, "-q"),
        ("export", "[/]", "--out", hostile_run, "--format", "sar"),
        ("export", "TGL-000001", "--out", hostile_run, "--format", ":x:"),
        ("share", "match", g["deep.json"], "--out", hostile_run),
        ("share", "match", g["binary"], "--out", hostile_run),
        ("tips", g["binary"], "--dest", tmp_path / "r.csv"),
        ("simulate", "--out", tmp_path / "sim", "--customers", "-5"),
    ]
    for args in calls:
        res = runner.invoke(__import__("tanglaw.cli", fromlist=["app"]).app, [str(a) for a in args])
        text = res.stdout + res.stderr
        assert res.exception is None or isinstance(res.exception, SystemExit), (args, repr(res.exception))
        assert res.exit_code in (1, 2), (args, res.exit_code, text[-500:])
        assert "Traceback" not in text, args
