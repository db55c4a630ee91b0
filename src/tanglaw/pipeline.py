"""The run: ingest → prepare → resolve → detect → link → score → export, on a fresh workspace.

Everything is built in a new workspace and a staging folder; the previous workspace, output files
and case book are replaced together only when every stage has finished, so a refused bundle, a
failure, Ctrl-C or a killed process leaves them as they were (see `tanglaw.publication`).
"""

from __future__ import annotations

import importlib
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .casebook.sync import CaseSync, assign_ids, begin_sync, record_cases
from .engine.core import Engine
from .engine.workspace import WORKSPACE_FILE, partial_path, rebuild
from .interrupt import shielded
from .pack import Pack, load_pack
from .publication import discard, publish, run_lock, settle_locked, staging_dir
from .stages import detect, link, prepare, resolve, score, tips
from .stages.export.outputs import write_outputs
from .stages.export.report import write_report
from .stages.ingest import ingest_bundle
from .stages.ingest.discover import discover_bundle
from .stages.resolve.model import model_in_use

#: (name, description) of each step, for progress bars
STEPS: tuple[tuple[str, str], ...] = (
    ("ingest", "Reading and checking the bundle"),
    ("prepare", "Converting amounts and filling in countries"),
    ("resolve", "Joining records into people"),
    ("detect", "Running the typologies"),
    ("link", "Cutting networks"),
    ("score", "Ranking cases"),
    ("tips", "Linking tips to cases"),
    ("export", "Writing cases, members, indicators and the report"),
)

Progress = Callable[[str], None]

#: each step's share of a run's time, measured on the evaluation worlds (50k customers, 2 cores):
#: what a progress bar fills per step, and so what its time estimate rests on
STEP_SHARE: dict[str, float] = {
    "ingest": 0.40,
    "prepare": 0.08,
    "resolve": 0.10,
    "detect": 0.31,
    "link": 0.04,
    "score": 0.01,
    "tips": 0.01,
    "export": 0.05,
}


@dataclass(frozen=True)
class StepProgress:
    """Where a run is: the step (`STEPS`), its number, the estimated share of the run's work done
    (0–1, from `STEP_SHARE` and, while reading, the bytes read), and the counts so far in words."""

    step: str
    index: int
    done: float
    detail: str
    #: whether the step has ended (`detail` then holds its counts)
    finished: bool = False


Watcher = Callable[[StepProgress], None]


@dataclass
class RunResult:
    """What a run did: records read per table, notes, hits per typology, cases, tips linked to
    cases, seconds per step, the files published, and the case book's changes."""

    out_dir: Path
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    n_cases: int = 0
    #: tips that name an account in a case
    tips_linked: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    #: what the run did to the case book: kept, new, split, merged, absent, reopened
    case_changes: dict[str, int] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def _write_run_info(engine: Engine, bundle: Path, pack: Pack, notes: list[str]) -> None:
    engine.execute("CREATE TABLE run_info (key VARCHAR, value VARCHAR)")
    facts = [
        ("tanglaw_version", __version__),
        ("bundle", str(bundle.resolve())),
        ("pack", f"{pack.name} {pack.version} ({pack.origin})"),
        ("finished_at", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
    ] + [("note", n) for n in notes]
    for k, v in facts:
        engine.execute("INSERT INTO run_info VALUES (?, ?)", [k, v])


def _warm_import(module: str) -> None:
    """Import `module` now, in the background; a missing module is reported where it is used."""
    try:
        importlib.import_module(module)
    except Exception:  # noqa: BLE001, S110 - the real import later raises the error a person sees
        pass


def run_bundle(
    bundle: Path,
    out_dir: Path,
    *,
    pack: Pack | None = None,
    on_step: Progress | None = None,
    threads: int | None = None,
    allow_unknown_columns: bool = False,
    on_progress: Watcher | None = None,
) -> RunResult:
    """Run every stage on `bundle` and write the outputs into `out_dir`.

    `on_step(name)` is called as each step starts; `on_progress(StepProgress)` as each step starts,
    as each input file is read, and as each step ends, with the counts so far.

    One run per output folder at a time (`publication.run_lock`); the workspace, the output files,
    the report and the case book are published together or not at all (`publication.publish`).
    """
    pack = pack or load_pack()
    discover_bundle(bundle)  # refuse a missing or empty bundle before touching anything
    with run_lock(out_dir):
        settled = settle_locked(out_dir)  # a run killed while publishing: finish or undo it first
        result = _run_locked(
            bundle, out_dir, pack, _Tracker(on_step, on_progress), threads, allow_unknown_columns
        )
    if settled:
        result.notes.insert(0, f"{out_dir}: {settled}")
    return result


class _Tracker:
    """Tells the callers of `run_bundle` where the run is."""

    def __init__(self, on_step: Progress | None, on_progress: Watcher | None) -> None:
        self.on_step, self.on_progress = on_step, on_progress
        self.names = [name for name, _ in STEPS]
        self.current, self.detail = self.names[0], ""

    def _done_before(self, name: str) -> float:
        return sum(STEP_SHARE[n] for n in self.names[: self.names.index(name)])

    def _emit(self, done: float, finished: bool = False) -> None:
        if self.on_progress:
            index = self.names.index(self.current) + 1
            self.on_progress(StepProgress(self.current, index, min(done, 1.0), self.detail, finished))

    def __call__(self, name: str) -> None:
        """Step `name` starts."""
        self.current = name
        if self.on_step:
            self.on_step(name)
        self._emit(self._done_before(name))

    def within(self, share: float, detail: str) -> None:
        """`share` (0–1) of the current step is done."""
        self.detail = detail
        self._emit(self._done_before(self.current) + STEP_SHARE[self.current] * share)

    def ended(self, detail: str) -> None:
        """What the current step counted, said when it finishes."""
        self.detail = detail

    def finish(self) -> None:
        """The current step has ended: said once, with its counts."""
        self._emit(self._done_before(self.current) + STEP_SHARE[self.current], finished=True)


def _run_locked(
    bundle: Path, out_dir: Path, pack: Pack, step: _Tracker, threads: int | None, allow_unknown_columns: bool
) -> RunResult:
    result = RunResult(out_dir)
    if pack["resolve"]["method"] == "splink":
        # Splink takes a third of a second to import; DuckDB releases the GIL while it ingests,
        # so the import overlaps with ingest instead of adding to the resolve step
        threading.Thread(target=_warm_import, args=("splink",), daemon=True).start()
    staging = staging_dir(out_dir)
    shutil.rmtree(staging, ignore_errors=True)
    sync: CaseSync | None = None
    committed = False
    try:
        with rebuild(out_dir, threads=threads) as engine:
            t = time.perf_counter()

            def lap(name: str) -> None:
                nonlocal t
                step.finish()
                now = time.perf_counter()
                result.seconds[name] = now - t
                t = now

            step("ingest")
            report = ingest_bundle(
                engine, bundle, allow_unknown_columns=allow_unknown_columns, on_file=step.within
            )
            result.rows, result.notes = report.rows, list(report.notes)
            records = f"{sum(result.rows.values()):,} records read"
            step.ended(f"{records} from {len(report.files)} file(s)")
            lap("ingest")
            step("prepare")
            result.notes += prepare.run(engine, pack)
            step.ended(f"{result.rows.get('transactions', 0):,} payments in US dollars")
            lap("prepare")
            step("resolve")
            er_model, er_origin = model_in_use(out_dir)
            resolve.run(engine, pack, model=er_model, model_origin=er_origin, threads=threads)
            people = int(
                engine.scalar("SELECT count(DISTINCT entity_id) FROM account_entities", stage="resolve")
            )
            step.ended(f"{engine.count('all_accounts'):,} accounts of {people:,} people")
            lap("resolve")
            step("detect")
            result.hits = detect.run(engine, pack)
            step.ended(f"{sum(result.hits.values()):,} typology hit(s)")
            lap("detect")
            step("link")
            link.run(engine, pack)
            n_networks = int(
                engine.scalar("SELECT count(DISTINCT network_id) FROM network_members", stage="link")
            )
            step.ended(f"{n_networks:,} household(s) and payer group(s) linked")
            # the case book's transaction: committed only when the outputs are published
            sync = begin_sync(out_dir, str(bundle.resolve()))
            assign_ids(engine, sync, carry_open=bool(pack["cases"]["carry_open"]))
            lap("link")
            step("score")
            score.run(engine, pack)
            record_cases(engine, sync)
            result.case_changes = dict(sync.counts)
            result.n_cases = engine.count("case_table")
            step.ended(f"{result.n_cases:,} case(s)")
            lap("score")
            step("tips")
            result.tips_linked = tips.run(engine, pack)
            step.ended(f"{result.tips_linked:,} tip(s) linked to cases")
            lap("tips")
            step("export")
            _write_run_info(engine, bundle, pack, result.notes)
            staged = write_outputs(engine, out_dir, staging)
            staged.append(write_report(engine, staging, result_summary=result))
            prepare.persist_payments(engine, pack)
            step.ended(f"{result.n_cases:,} case(s); {len(staged)} files written")
            lap("export")
        moves = [(p, p.name) for p in staged] + [(partial_path(out_dir), WORKSPACE_FILE)]

        def commit() -> None:
            nonlocal sync, committed
            assert sync is not None
            sync.commit()
            sync, committed = None, True  # from here a failure leaves the journal to the next run

        with shielded():  # from the journal to the last rename, Ctrl-C waits
            result.files = publish(out_dir, moves, run_id=sync.run_id, at=sync.at, commit=commit)
    finally:
        if sync is not None:
            sync.abort()
        if not committed:
            discard(out_dir)
    return result
