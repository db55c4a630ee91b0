"""The `tanglaw` command line."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from .. import __version__
from ..casebook.queue import QUEUE_HEADING
from . import console
from .console import err, out

if TYPE_CHECKING:
    from ..pipeline import RunResult

app = typer.Typer(
    name="tanglaw",
    cls=console.Group,
    help="Find the networks behind live-streamed child sexual abuse in payment, platform and tip records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
typologies_app = typer.Typer(help="List and explain the typologies of a pack.", no_args_is_help=True)
app.add_typer(typologies_app, name="typologies")


def _version(value: bool) -> None:
    if value:
        out.print(f"tanglaw {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an unexpected error (or TANGLAW_DEBUG=1).")
    ] = False,
) -> None:
    """Tanglaw: from scattered records to a short, ranked list of cases."""
    console.DEBUG = debug


@app.command()
def simulate(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write bundle/ and truth/ into.")],
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same world.")] = 7,
    customers: Annotated[int, typer.Option(help="Number of customers in demand countries.")] = 10_000,
    payer_rate: Annotated[float, typer.Option(help="Share of customers who are offender payers.")] = 0.002,
    months: Annotated[int, typer.Option(help="Months of activity.")] = 12,
    fmt: Annotated[str, typer.Option("--format", help="File format: csv, parquet or jsonl.")] = "csv",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Generate a synthetic world: a v1 bundle plus a ground-truth folder (for training and tests)."""
    from ..simulate import SimulationConfig, simulate_world

    if fmt not in ("csv", "parquet", "jsonl"):
        err.print(f"--format: {fmt!r} is not one of csv, parquet, jsonl")
        raise typer.Exit(2)
    if customers < 1 or not 0 <= payer_rate < 1 or months < 1:
        err.print("--customers and --months must be at least 1, --payer-rate between 0 and 1")
        raise typer.Exit(2)
    cfg = SimulationConfig(seed=seed, customers=customers, payer_rate=payer_rate, months=months, fmt=fmt)
    t0 = time.perf_counter()
    summary = simulate_world(out_dir, cfg, progress=not quiet)
    out.print(
        f"Wrote a world of {customers:,} customers to {out_dir}/bundle and {out_dir}/truth "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    if not quiet:
        out.print_json(json.dumps(summary, default=str))


def _run(
    bundle: Path, out_dir: Path, pack_file: Path | None, quiet: bool, allow_unknown_columns: bool = False
) -> None:
    from ..pack import load_pack
    from ..pipeline import run_bundle

    pack = load_pack(pack_file)
    with console.run_progress(quiet) as on_progress:
        result = run_bundle(
            bundle,
            out_dir,
            pack=pack,
            on_progress=on_progress,
            allow_unknown_columns=allow_unknown_columns,
        )
    try:
        _report_run(result, out_dir)
    except KeyboardInterrupt:  # the run is published: say so, not "nothing was changed"
        err.print(f"interrupted; the run had finished and its outputs are in {out_dir}", soft_wrap=True)
        raise typer.Exit(130) from None


def _report_run(result: RunResult, out_dir: Path) -> None:
    for n in result.notes:
        err.print(f"note: {n}", markup=False, highlight=False, soft_wrap=True)
    rows = sum(result.rows.values())
    out.print(f"Read {rows:,} records; {result.n_cases} case(s) in {result.total_seconds:.1f} s.")
    if result.case_changes:
        out.print(
            "Case book: " + ", ".join(f"{v} {k}" for k, v in result.case_changes.items() if v),
            markup=False,
            highlight=False,
        )
    _print_cases(out_dir, limit=10)
    out.print(f"\nCases: {out_dir / 'cases.csv'}\nReport: {out_dir / 'report.html'}")


def _print_cases(out_dir: Path, limit: int) -> None:
    from ..csvsafe import read_rows

    cases = read_rows(out_dir / "cases.csv")
    if not cases:
        out.print("No case reached the pack's thresholds.")
        return
    title = f"Top {min(limit, len(cases))} of {len(cases)} cases, {QUEUE_HEADING}"
    t = Table(title=title, title_justify="left")
    for col in ("rank", "priority", "case_id", "status", "score"):
        t.add_column(col, no_wrap=True, justify="right" if col in ("rank", "score") else "left")
    t.add_column("title", overflow="fold", ratio=1)
    for c in cases[:limit]:
        t.add_row(c["rank"], c["priority"], c["case_id"], c.get("status") or "", c["score"], c["title"])
    out.print(t)


@app.command()
def run(
    bundle: Annotated[Path, typer.Argument(help="A bundle folder (see docs/contract.md).")],
    out_dir: Annotated[Path, typer.Option("--out", help="Output folder: workspace, CSVs, report.html.")],
    pack: Annotated[Path | None, typer.Option("--pack", help="A tuned typology pack (TOML).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress spinner.")] = False,
    allow_unknown_columns: Annotated[
        bool,
        typer.Option(
            "--allow-unknown-columns",
            help="Keep a column whose name is close to a contract column it is not (refused by default).",
        ),
    ] = False,
) -> None:
    """Ingest a bundle, detect, link and score: write cases.csv, case_members.csv, indicators.csv, report.html.

    Exit code 0 on success, 2 for input a person must fix (one line per problem), 1 for a fault.
    """
    _run(bundle, out_dir, pack, quiet, allow_unknown_columns)


def _print_evaluation(ev: object) -> None:
    from ..evaluation.evaluate import Evaluation

    assert isinstance(ev, Evaluation)
    t = Table(title="Detection quality (per person)", title_justify="left")
    for col in ("role", "true", "flagged", "found", "precision", "recall", "F1"):
        t.add_column(col, justify="right" if col != "role" else "left")
    for name, s in (("payer", ev.payer), ("facilitator", ev.facilitator), ("victim", ev.victim)):
        t.add_row(
            name,
            str(s.true),
            str(s.flagged),
            str(s.hits),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
        )
    out.print(t)
    out.print(f"Average precision over the payer ranking: {ev.average_precision_payers:.3f}")
    out.print(
        "Precision at an alert budget (cases holding an offender): "
        + ", ".join(f"top {k}: {v:.2f}" for k, v in ev.precision_at_budget.items())
    )
    c = Table(title="Legitimate cohorts flagged", title_justify="left")
    c.add_column("cohort")
    c.add_column("people", justify="right")
    c.add_column("flagged", justify="right")
    for name, rate in ev.cohort_flag_rate.items():
        c.add_row(name, f"{ev.cohort_sizes[name]:,}", f"{rate:.2%}")
    out.print(c)
    if ev.coherence is not None:
        k = ev.coherence
        out.print(
            f"Case coherence over {k.accounts} offender accounts in cases (pairs of people): precision "
            f"{k.precision:.3f} (of {k.same_case_pairs} same-case pairs), recall {k.recall:.3f} "
            f"({k.both} of {k.same_network_pairs} same-network pairs are in one case)"
        )
        if k.payers_across_networks:
            out.print(
                f"  {k.payers_across_networks} of {k.payers_paying_facilitators} payers pay facilitators of "
                "more than one true network: the money itself joins those networks, and a case that holds "
                "them together counts against precision"
            )
    if ev.payer_recall_by_trait:
        out.print(
            "Payer recall by kind: "
            + ", ".join(f"{t} {k}/{n} = {k / n:.2f}" for t, (n, k) in ev.payer_recall_by_trait.items() if n)
        )
    q = ev.case_quality
    if q is not None:
        out.print(
            f"Cases holding a real offender or victim: {q.share_real:.2f} of {q.cases}; "
            f"P1 {q.share_p1_real:.2f} of {q.p1_cases}; top 20 {q.share_top20_real:.2f} of {q.top20_cases}. "
            f"Most true households in one case: {q.max_households_in_case} "
            f"({q.cases_mixing_over_two} cases hold more than two)"
        )
    nr = ev.network_recall_sessions_payments
    if nr is not None and nr.networks:
        out.print(
            f"Network recall, sessions+payments: {nr.recall:.3f} ({nr.found} of {nr.networks} networks seen in "
            "both sessions and payments have a facilitator and a payer in cases)"
        )
    er = ev.entity_resolution
    if er is not None:
        out.print(
            f"Entity resolution over {er.records:,} party records: party-pair precision {er.precision:.3f}, "
            f"recall {er.recall:.3f}, F1 {er.f1:.3f} ({er.both:,} of {er.merged_pairs:,} merged pairs are one "
            f"person; {er.both:,} of {er.true_pairs:,} same-person pairs merged)"
        )
    for n in ev.notes:
        err.print(f"note: {n}")


@app.command()
def evaluate(
    truth: Annotated[Path, typer.Option("--truth", help="Ground-truth folder (persons.csv, accounts.csv).")],
    out_dir: Annotated[Path, typer.Option("--out", help="The output folder of `tanglaw run`.")],
) -> None:
    """Compare a run's cases with the ground truth: precision, recall, F1, cohort false-positive rates."""
    from ..evaluation.evaluate import evaluate as _evaluate
    from ..publication import settle

    settle(out_dir)  # a run killed while publishing: finish or undo it before reading its files
    ev = _evaluate(truth, out_dir)
    (out_dir / "evaluation.json").write_text(ev.to_json(), encoding="utf-8")
    _print_evaluation(ev)
    out.print(f"\nWritten: {out_dir / 'evaluation.json'}")


@app.command()
def calibrate(
    labels: Annotated[
        Path, typer.Option("--labels", help="CSV: account_id, party_id or entity_id, and label (1/0).")
    ],
    out_dir: Annotated[Path, typer.Option("--out", help="The output folder of a `tanglaw run`.")],
    write: Annotated[Path, typer.Option("--write", help="Where to write the calibrated pack (TOML).")] = Path(
        "calibrated-pack.toml"
    ),
    pack: Annotated[
        Path | None, typer.Option("--pack", help="The pack the run used (default: built-in).")
    ] = None,
) -> None:
    """Fit scores to your own reviewed cases: a monotone logistic model over the indicator weights."""
    from ..evaluation.calibrate import calibrate as _calibrate
    from ..pack import dump_pack, load_pack

    result, new_pack = _calibrate(out_dir, labels, load_pack(pack))
    t = Table(
        title=f"Calibration on {result.n} labelled people ({result.positives} positive)", title_justify="left"
    )
    t.add_column("measure")
    t.add_column("before", justify="right")
    t.add_column("after (5-fold cross-validated)", justify="right")
    t.add_row("ROC AUC", f"{result.auc_before:.3f}", f"{result.auc_after_cv:.3f}")
    t.add_row("log loss", f"{result.logloss_before:.3f}", f"{result.logloss_after_cv:.3f}")
    out.print(t)
    c = Table(title="Coefficients (non-negative: scores stay monotone)", title_justify="left")
    c.add_column("typology")
    c.add_column("coefficient", justify="right")
    c.add_row("(intercept)", f"{result.intercept:.3f}")
    for code, v in result.coefficients.items():
        c.add_row(code, f"{v:.3f}")
    out.print(c)
    for n in result.notes:
        err.print(f"note: {n}")
    write.write_text(dump_pack(new_pack), encoding="utf-8")
    out.print(f"Calibrated pack: {write}  (use it with `tanglaw run BUNDLE --out OUT --pack {write}`)")


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the world and the run.")] = Path(
        "demo-out"
    ),
    customers: Annotated[int, typer.Option(help="Number of customers.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
) -> None:
    """Simulate a small world, run Tanglaw on it and evaluate the result."""
    from ..simulate import SimulationConfig, simulate_world

    t0 = time.perf_counter()
    out.rule("1. Simulate")
    simulate_world(out_dir / "world", SimulationConfig(seed=seed, customers=customers), progress=True)
    out.print(f"A world of {customers:,} customers in {out_dir / 'world'}")
    out.rule("2. Run")
    _run(out_dir / "world" / "bundle", out_dir / "run", None, False)
    out.rule("3. Evaluate")
    evaluate(out_dir / "world" / "truth", out_dir / "run")
    out.rule(f"Done in {time.perf_counter() - t0:.0f} s")
    out.print(f"Open {out_dir / 'run' / 'report.html'} in a browser to read the cases.")
    out.print(
        f"Or work them in the workbench: ./tanglaw users add NAME --role lead --out {out_dir / 'run'}, "
        f"then ./tanglaw serve --out {out_dir / 'run'}",
        markup=False,
        highlight=False,
    )


@app.command()
def contract(
    markdown: Annotated[
        bool,
        typer.Option("--markdown/--no-markdown", help="Markdown (the default), or plain text lines."),
    ] = True,
) -> None:
    """Print the data contract (input tables and output files) as this version reads and writes it."""
    from ..contract import contract_markdown

    sys.stdout.write((contract_markdown() if markdown else _contract_text()) + "\n")


def _contract_text() -> str:
    """The contract as plain lines: each input table and output file, one line per column."""
    from ..contract import INPUT_TABLES, OUTPUT_COLUMNS

    lines = ["Input tables (one file per table in the bundle folder):"]
    for t in INPUT_TABLES:
        lines += ["", f"{t.name}: {t.meaning}"]
        for c in t.columns:
            need = "required" if c.required else "optional"
            lines.append(f"  {c.name} ({c.type}, {need}){': ' + c.meaning if c.meaning else ''}")
    lines += ["", "Output files (in the --out folder of `tanglaw run`):"]
    for name, cols in OUTPUT_COLUMNS.items():
        lines += ["", f"{name}:"]
        lines += [f"  {col}{': ' + meaning if meaning else ''}" for col, meaning in cols]
    return "\n".join(lines).replace("`", "")


def _typology_code(code: str, known: Mapping[str, object]) -> str:
    """The pack's spelling of `code` in any letter case (`fin_consumer_remitter`); else `code`."""
    return next((k for k in known if k.upper() == code.strip().upper()), code)


@typologies_app.command("list")
def typologies_list(
    pack: Annotated[Path | None, typer.Option("--pack", help="A typology pack (TOML).")] = None,
) -> None:
    """List the typologies and what each looks for."""
    from ..pack import load_pack
    from ..stages.detect import DETECTORS

    p = load_pack(pack)
    t = Table(title=f"Typologies in {p.name} {p.version}", title_justify="left", show_lines=True)
    # two columns, so that a description reads at 80 columns: mode and role under the code,
    # the sources under the description
    t.add_column("typology (mode, role)", no_wrap=True)
    t.add_column("what it looks for; sources", overflow="fold", ratio=1, min_width=24)
    rows = [
        (
            d.code,
            p.mode(d.code),
            str(p.typology(d.code)["role"]),
            str(p.typology(d.code)["description"]),
            str(p.typology(d.code).get("source", "")),
        )
        for d in DETECTORS
    ] + [(code, c["mode"], c["role"], c["description"], c["source"]) for code, c in p.candidates.items()]
    for code, mode, role, description, source in rows:
        t.add_row(
            Text(f"{code}\n{mode}, {role}"), Text(description + (f"\nSources: {source}" if source else ""))
        )
    out.print(t)


@typologies_app.command("docs")
def typologies_docs() -> None:
    """Print every typology of the built-in pack as Markdown (the source of docs/typologies.md)."""
    from ..explain import typologies_markdown
    from ..pack import load_pack

    sys.stdout.write(typologies_markdown(load_pack()))


@typologies_app.command("explain")
def typologies_explain(
    code: Annotated[str, typer.Argument(help="A typology code, e.g. FIN_CONSUMER_REMITTER.")],
    pack: Annotated[Path | None, typer.Option("--pack", help="A typology pack (TOML).")] = None,
) -> None:
    """Explain in words how a typology decides and weighs, with the pack's current numbers."""
    from ..explain import explain_typology
    from ..pack import load_pack

    p = load_pack(pack)
    text = explain_typology(p, _typology_code(code, {**p["typologies"], **p.candidates}))
    out.print(text, markup=False, highlight=False)


@typologies_app.command("show")
def typologies_show(
    code: Annotated[str, typer.Argument(help="A typology code, e.g. FIN_CONSUMER_REMITTER.")],
    pack: Annotated[Path | None, typer.Option("--pack", help="A typology pack (TOML).")] = None,
) -> None:
    """Show a typology's parameters and weights."""
    from ..pack import load_pack

    p = load_pack(pack)
    known = {**p["typologies"], **p.candidates}
    code = _typology_code(code, known)
    if code not in known:
        err.print(f"unknown typology {code!r}; known: {', '.join(known)}")
        raise typer.Exit(2)
    t = Table(title=code, title_justify="left")
    t.add_column("parameter", no_wrap=True)
    t.add_column("value", overflow="fold")
    for k, v in known[code].items():
        t.add_row(k, str(v))
    out.print(t)


def _register() -> None:
    """Every command group and every command that lives in a module of its own, in one place."""
    from . import cases, entities, media, reports, workbench

    for command in (*reports.COMMANDS, *workbench.COMMANDS):
        app.command()(command)
    for name, group in (
        ("share", reports.share_app),
        ("media", media.app),
        ("cases", cases.app),
        ("entities", entities.app),
        *workbench.GROUPS,
    ):
        app.add_typer(group, name=name)


_register()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # before a command began (console.Group handles it after)
        sys.stderr.write(console.INTERRUPTED + "\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
