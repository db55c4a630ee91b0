"""Issue #15, a newcomer's first hour: one queue order everywhere (1), counts that agree with the rows
behind them (2), layouts that read at 80 columns with a row limit (4), ids and codes in any letter
case, one exit code for an unknown case, `contract --no-markdown` and the exit-code table (6)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tanglaw.cli import app, console
from tanglaw.pack import load_pack
from tanglaw.pipeline import run_bundle
from tanglaw.stages.detect import DETECTORS

from .casebook_worlds import build, trio
from .conftest import invoke, read_csv

DOCS = Path(__file__).resolve().parents[1] / "docs"
#: three networks of 4, 3 and 2 payers: TGL-000001 (3 payers), TGL-000002 (2), TGL-000003 (4)
LINKS = (
    trio("PA", "FA") + [("PB0", "FB", "US"), ("PB1", "FB", "GB")] + trio("PC", "FC") + [("PC3", "FC", "US")]
)


@pytest.fixture
def width() -> Iterator[Any]:
    """Set the console's width for one test, as a terminal of that many columns would."""
    old = console.out._width

    def set_width(n: int) -> None:
        console.out.width = n

    yield set_width
    console.out._width = old


def _queue_csv(out: Path) -> list[str]:
    return [r["case_id"] for r in read_csv(out / "cases.csv")]


def _queue_report(out: Path) -> list[str]:
    html = (out / "report.html").read_text(encoding="utf-8")
    queue = html[html.index("<h2>Case queue</h2>") :]
    return list(dict.fromkeys(re.findall(r'<a href="#(TGL-\d{6})">', queue)))


def _ids(text: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r"TGL-\d{6}", text)))


# ---- 1. one queue order ---------------------------------------------------------------------------


def test_one_queue_order_everywhere_closed_cases_last(tmp_path: Path, runner: Any, width: Any) -> None:
    width(200)
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", LINKS), out)
    first = read_csv(out / "cases.csv")
    assert [(r["case_id"], r["priority"], r["score"]) for r in first] == [
        # no payer is strong on its own in these worlds: P2 (scoring.p1_min_payer_weight)
        ("TGL-000003", "P2", "0.999"),
        ("TGL-000001", "P2", "0.998"),
        ("TGL-000002", "P2", "0.938"),
    ]
    assert invoke(runner, "cases", "close", "TGL-000003", "--out", out).exit_code == 0
    # the book's list reads the status now: the closed case goes after the open ones
    listed = invoke(runner, "cases", "list", "--out", out)
    assert "ranked: danger to a child first" in listed.stdout
    assert _ids(listed.stdout) == ["TGL-000001", "TGL-000002", "TGL-000003"]
    # the same data again: nothing new, so the case stays closed, and every output ranks it last
    res = invoke(runner, "run", build(tmp_path / "b2", LINKS), "--out", out, "-q")
    assert res.exit_code == 0, res.output
    want = ["TGL-000001", "TGL-000002", "TGL-000003"]
    rows = read_csv(out / "cases.csv")
    assert [(r["case_id"], r["rank"], r["status"]) for r in rows] == [
        ("TGL-000001", "1", "open"),
        ("TGL-000002", "2", "open"),
        ("TGL-000003", "3", "closed"),
    ]
    assert _queue_report(out) == want
    assert list(dict.fromkeys(r["case_id"] for r in read_csv(out / "indicators.csv"))) == want
    assert list(dict.fromkeys(r["case_id"] for r in read_csv(out / "case_members.csv"))) == want
    table = res.stdout[res.stdout.index("Top 3 of 3 cases") :]
    assert "Top 3 of 3 cases, ranked: danger to a child first" in table
    assert re.search(r"rank\s*┃\s*priority\s*┃\s*case_id\s*┃\s*status\s*┃\s*score", table)
    assert [ln.split("│")[3].strip() for ln in table.splitlines() if "TGL-" in ln] == want
    assert [ln.split("│")[4].strip() for ln in table.splitlines() if "TGL-" in ln] == [
        "open",
        "open",
        "closed",
    ]
    assert _ids(invoke(runner, "cases", "list", "--out", out).stdout) == want
    # reopened: the order is the evidence again
    assert invoke(runner, "cases", "status", "TGL-000003", "open", "--out", out).exit_code == 0
    assert _ids(invoke(runner, "cases", "list", "--out", out).stdout) == [
        "TGL-000003",
        "TGL-000001",
        "TGL-000002",
    ]


def test_within_a_priority_the_score_column_only_falls(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", LINKS), out)
    rows = read_csv(out / "cases.csv")
    for a, b in zip(rows, rows[1:], strict=False):
        assert (a["priority"], -float(a["score"])) <= (b["priority"], -float(b["score"]))


# ---- 2. counts that agree with the rows -------------------------------------------------------------


def _two_account_world(folder: Path) -> Path:
    """FA holds two accounts (FA and FA2, one party record); three payers pay both."""
    links = trio("PA", "FA") + [(p, "FA2", c) for p, _f, c in trio("PA", "FA")]
    return build(
        folder,
        links,
        extra_accounts=[
            {
                "account_id": "FA2",
                "source": "bank-a",
                "party_id": "P-FA",
                "kind": "remittance",
                "country": "PH",
            }
        ],
    )


def test_cases_show_says_people_and_accounts_apart(tmp_path: Path, runner: Any, width: Any) -> None:
    width(200)
    out = tmp_path / "out"
    run_bundle(_two_account_world(tmp_path / "b1"), out)
    (case,) = read_csv(out / "cases.csv")
    assert case["title"].startswith("1 facilitator in PH paid by 3 payers")
    res = invoke(runner, "cases", "show", case["case_id"], "--out", out)
    assert res.exit_code == 0, res.output
    assert "Members: 4 people, 5 accounts: 1 facilitator (2 accounts), 3 payers (3 accounts)" in res.stdout
    # the table has one row per person: as many rows as the title counts people
    rows = [ln for ln in res.stdout.splitlines() if re.match(r"│ (facilitator|payer)\s", ln)]
    assert [r.split("│")[1].strip() for r in rows] == ["facilitator", "payer", "payer", "payer"]
    assert rows[0].split("│")[3].strip() == "FA, FA2"
    members = read_csv(out / "case_members.csv")
    assert len({m["entity_id"] for m in members}) == 4 and len({m["account_id"] for m in members}) == 5


def test_bridges_listed_agree_with_their_count(tmp_path: Path, runner: Any, width: Any) -> None:
    width(200)
    out = tmp_path / "out"
    run_bundle(_two_account_world(tmp_path / "b1"), out)
    (case,) = read_csv(out / "cases.csv")
    accounts = [a for a in case["bridge_accounts"].split(";") if a]
    res = invoke(runner, "cases", "show", case["case_id"], "--out", out)
    n = int(case["n_bridges"])
    said = "1 bridge person" if n == 1 else f"{n} bridge people"
    assert f"{said} ({len(accounts)} account{'' if len(accounts) == 1 else 's'}: {', '.join(accounts)})" in (
        res.stdout
    )
    assert n == 1 and accounts == ["FA", "FA2"]  # one person (the facilitator) with two accounts


# ---- 4. 80 columns ---------------------------------------------------------------------------------


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[^\s│┃┆]+", text))


def test_typologies_list_reads_at_80_columns(runner: Any, width: Any) -> None:
    width(80)
    res = invoke(runner, "typologies", "list")
    assert res.exit_code == 0
    assert max(len(ln) for ln in res.stdout.splitlines()) <= 80
    tokens = _tokens(res.stdout)
    pack = load_pack()
    for d in DETECTORS:
        assert d.code in tokens
        broken = [w for w in pack.typology(d.code)["description"].split() if w not in tokens]
        assert broken == [], (d.code, broken)  # no word of a description cut in two


def test_entities_show_reads_at_80_columns(tmp_path: Path, runner: Any, width: Any) -> None:
    width(80)
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", LINKS), out)
    res = invoke(runner, "entities", "show", "E:P-FC", "--out", out)
    assert res.exit_code == 0, res.output
    assert max(len(ln) for ln in res.stdout.splitlines()) <= 80
    assert {"P-FC", "bank-a", "Person", "FC", "PH", "fc@example.com"} <= _tokens(res.stdout)
    assert "…" not in res.stdout


def test_cases_show_reads_at_80_columns(tmp_path: Path, runner: Any, width: Any) -> None:
    width(80)
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", LINKS), out)
    res = invoke(runner, "cases", "show", "TGL-000003", "--out", out)
    assert res.exit_code == 0, res.output
    assert max(len(ln) for ln in res.stdout.splitlines()) <= 80
    tokens = _tokens(res.stdout)
    for r in read_csv(out / "indicators.csv"):
        if r["case_id"] == "TGL-000003":
            assert [w for w in r["evidence"].split() if w not in tokens] == [], r["code"]


def test_help_option_names_are_whole_at_80_columns(runner: Any) -> None:
    for args in (
        ["run"],
        ["export"],
        ["cases", "show"],
        ["cases", "list"],
        ["contract"],
        ["entities", "train"],
    ):
        res = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "80"})
        assert res.exit_code == 0
        names = {"run": ["--allow-unknown-columns", "--quiet"], "export": ["--goaml-schema", "--settings"]}
        for name in names.get(args[0], []) + (["--limit", "--all"] if args == ["cases", "show"] else []):
            assert name in res.stdout, (args, name)


def _commands(cmd: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand of the CLI, as argument paths."""
    yield path
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        yield from _commands(sub, (*path, name))


def test_help_of_every_command_reads_at_80_columns_without_flag_types(runner: Any) -> None:
    import typer.main

    paths = list(_commands(typer.main.get_command(app)))
    assert len(paths) > 25 and ("cases", "show") in paths and ("media", "bank") in paths
    for args in paths:
        res = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "80"})
        assert res.exit_code == 0, args
        assert "Usage: tanglaw" in res.stdout, args
        assert "<bool>" not in res.stdout, args  # a flag takes no value: no type beside it
        assert max(len(line) for line in res.stdout.splitlines()) <= 80, args


def test_cases_show_limits_a_large_case(tmp_path: Path, runner: Any, width: Any) -> None:
    width(200)
    countries = ("US", "GB", "AU")
    links = [(f"PX{i:02d}", "FX", countries[i % 3]) for i in range(60)]
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", links), out)
    (case,) = read_csv(out / "cases.csv")
    people = len({m["entity_id"] for m in read_csv(out / "case_members.csv")})
    assert people == 61

    def person_rows(text: str) -> int:
        return sum(1 for ln in text.splitlines() if re.match(r"│ (facilitator|payer)\s", ln))

    res = invoke(runner, "cases", "show", case["case_id"], "--out", out)
    assert person_rows(res.stdout) == 50
    assert "… 11 more; --all to see every row" in res.stdout
    res = invoke(runner, "cases", "show", case["case_id"], "--out", out, "--limit", "5")
    assert person_rows(res.stdout) == 5 and "… 56 more; --all to see every row" in res.stdout
    res = invoke(runner, "cases", "show", case["case_id"], "--out", out, "--all")
    assert person_rows(res.stdout) == 61 and "more; --all" not in res.stdout
    assert invoke(runner, "cases", "show", case["case_id"], "--out", out, "--limit", "-1").exit_code == 2


# ---- 6. small inconsistencies -----------------------------------------------------------------------


def test_ids_and_codes_in_any_letter_case(tmp_path: Path, runner: Any, width: Any) -> None:
    width(200)
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", LINKS), out)
    res = invoke(runner, "cases", "show", "tgl-000001", "--out", out)
    assert res.exit_code == 0 and "TGL-000001  P2  open" in res.stdout
    assert _ids(invoke(runner, "cases", "list", "--out", out, "--priority", "p2").stdout) == [
        "TGL-000003",
        "TGL-000001",
        "TGL-000002",
    ]
    assert "No case matches" in invoke(runner, "cases", "list", "--out", out, "--priority", "p1").stdout
    res = invoke(runner, "cases", "status", "tgl-000002", "Triaged", "--out", out)
    assert res.exit_code == 0 and res.stdout.strip() == "TGL-000002: now triaged."
    assert _ids(invoke(runner, "cases", "list", "--out", out, "--status", "TRIAGED").stdout) == ["TGL-000002"]
    assert invoke(runner, "cases", "note", "tgl-000001", "seen", "--out", out).stdout.startswith(
        "TGL-000001:"
    )
    res = invoke(runner, "typologies", "show", "fin_consumer_remitter")
    assert res.exit_code == 0 and "FIN_CONSUMER_REMITTER" in res.stdout
    res = invoke(runner, "typologies", "explain", "fin_consumer_remitter")
    assert res.exit_code == 0 and res.stdout.startswith("FIN_CONSUMER_REMITTER")
    res = invoke(runner, "export", "tgl-000001", "--out", out, "--format", "sar", "--dest", tmp_path / "x")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "x" / "TGL-000001.sar.txt").exists()


def test_an_unknown_case_is_exit_2_and_one_line_everywhere(tmp_path: Path, runner: Any) -> None:
    out = tmp_path / "out"
    run_bundle(build(tmp_path / "b1", trio("PA", "FA")), out)
    key = tmp_path / "key"
    assert invoke(runner, "share", "keygen", key).exit_code == 0
    for args in (
        ("export", "TGL-999999", "--out", out),
        ("export", "TGL-999999", "--out", out, "--format", "pdf"),
        ("share", "export", "TGL-999999", "--out", out, "--key", key),
        ("cases", "show", "TGL-999999", "--out", out),
        ("cases", "close", "TGL-999999", "--out", out),
    ):
        res = invoke(runner, *args)
        assert res.exit_code == 2, args
        assert len(res.stderr.strip().splitlines()) == 1, (args, res.stderr)
        assert "no case 'TGL-999999'" in res.stderr and "TGL-000001" in res.stderr
        assert res.stdout == ""


def test_contract_markdown_can_be_switched_off(runner: Any) -> None:
    md = invoke(runner, "contract")
    assert md.exit_code == 0 and md.stdout == invoke(runner, "contract", "--markdown").stdout
    assert "|" in md.stdout and "`" in md.stdout
    plain = invoke(runner, "contract", "--no-markdown")
    assert plain.exit_code == 0
    assert "|" not in plain.stdout and "`" not in plain.stdout and "#" not in plain.stdout
    assert "parties: " in plain.stdout and "  party_id (str, required): " in plain.stdout
    assert "cases.csv:" in plain.stdout and "  rank: 1 = look at first" in plain.stdout


def test_exit_codes_are_one_table_for_every_command() -> None:
    text = (DOCS / "exit-codes.md").read_text(encoding="utf-8")
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 130 |"):
        assert code in text
    commands = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
    groups = [g.name for g in app.registered_groups if g.name]
    assert "run" in commands and "cases" in groups
    for name in commands + groups:
        assert re.search(rf"^\| `{name}\b", text, re.M), name


# ---- 3. the report says whom each row is about ------------------------------------------------------


def test_report_names_the_person_and_accounts_of_every_indicator_row(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_bundle(_two_account_world(tmp_path / "b1"), out)
    html = (out / "report.html").read_text(encoding="utf-8")
    # one network drawing for the report and the case package (reporting.network)
    assert re.search(r'aria-label="Network of 4 people and \d+ payment links"', html), "one renderer"
    table = html[html.index("<th>about</th>") :]
    table = table[: table.index("</table>")]
    rows = re.findall(
        r"<tr><td><code>(\w+)</code>.*?</td>\s*<td class=\"about\">(.*?)</td>", table, flags=re.S
    )
    indicators = read_csv(out / "indicators.csv")
    assert len(rows) == len(indicators) > 3
    for _code, about in rows:
        name, entity, accounts = re.split(r"<br>(?:<span class=\"muted\">)?", about)[:3]
        assert re.fullmatch(r"Person (PA\d|FA)", name.strip()), about
        assert entity.startswith("E:")
        who = name.strip().removeprefix("Person ")
        assert who in accounts, about  # the person's own accounts: FA's row lists FA and FA2
        if who == "FA":
            assert "FA, FA2" in accounts


def test_evidence_sentences_name_the_people_they_cite() -> None:
    from tanglaw.reporting.people import name_people

    names = {"E:pty-1": "Ana Cruz", "A:acc-9": "<b>Bo</b>"}
    text = "Payments from E:pty-1 to A:acc-9 followed sessions of host E:pty-7."
    assert name_people(text, names) == (
        "Payments from Ana Cruz (E:pty-1) to <b>Bo</b> (A:acc-9) followed sessions of host E:pty-7."
    )
    # the report escapes it as it escapes every value
    from tanglaw.stages.export.report import _env

    page = _env().from_string("{{ t }}").render(t=name_people(text, names))
    assert "&lt;b&gt;Bo&lt;/b&gt;" in page and "<b>" not in page


# ---- 7. progress with counts --------------------------------------------------------------------


def test_a_run_reports_each_step_with_counts_and_the_share_done(tmp_path: Path) -> None:
    from tanglaw.pipeline import STEPS, StepProgress

    seen: list[StepProgress] = []
    result = run_bundle(_two_account_world(tmp_path / "b1"), tmp_path / "out", on_progress=seen.append)
    done = [p.done for p in seen]
    assert done == sorted(done) and done[0] == 0.0 and abs(done[-1] - 1.0) < 1e-9  # only ever rises
    assert [p.step for p in seen if p.detail] and [p.index for p in seen] == sorted(p.index for p in seen)
    ends = {p.step: p.detail for p in seen if p.detail}
    assert list(ends) == [name for name, _ in STEPS]
    records = sum(result.rows.values())
    assert ends["ingest"].startswith(f"{records:,} records read from ")
    assert "reading transactions.csv" in " ".join(p.detail for p in seen)  # each file as it is read
    assert ends["resolve"].endswith(" people") and ends["score"] == f"{result.n_cases:,} case(s)"


def test_run_prints_one_line_per_step_in_a_log_and_none_when_quiet(tmp_path: Path, runner: Any) -> None:
    bundle = _two_account_world(tmp_path / "b1")
    res = invoke(runner, "run", bundle, "--out", tmp_path / "out")
    assert res.exit_code == 0, res.output
    lines = [ln for ln in res.output.splitlines() if re.match(r"\[\d/8\] ", ln)]
    assert [ln.split()[1] for ln in lines] == [
        "ingest",
        "prepare",
        "resolve",
        "detect",
        "link",
        "score",
        "tips",
        "export",
    ]
    assert re.match(r"\[1/8\] ingest done at \d+\.\d s: [\d,]+ records read from \d+ file\(s\)$", lines[0])
    quiet = invoke(runner, "run", bundle, "--out", tmp_path / "out", "-q")
    assert quiet.exit_code == 0 and not re.search(r"\[\d/8\]", quiet.output)


def test_case_package_legend_names_every_colour_its_picture_uses(tmp_path: Path, runner: Any) -> None:
    from tanglaw.reporting.network import colour

    out = tmp_path / "out"
    run_bundle(_two_account_world(tmp_path / "b1"), out)
    (case,) = read_csv(out / "cases.csv")
    res = invoke(runner, "export", case["case_id"], "--out", out, "--format", "html")
    assert res.exit_code == 0, res.output
    (page,) = (out / "exports").glob("*.html")
    html = page.read_text(encoding="utf-8")
    legend = html[html.index('<p class="legend">') :]
    legend = legend[: legend.index("</p>")]
    drawn = set(re.findall(r'<circle [^>]*fill="(#[0-9a-f]{6})"', html))
    named = set(re.findall(r"background: (#[0-9a-f]{6})", legend))
    assert drawn and drawn <= named  # every colour in the picture is in the legend
    assert "victims" not in legend  # no victim in this case: no victim colour explained
    # the roles of one side share a colour: a host is drawn as the household it belongs to
    assert colour("host") == colour("seller") == colour("facilitator") != colour("viewer") == colour("payer")
