"""The held-out evaluation, end to end: generate the independent worlds (tests/world_*), run
`tanglaw run` and `tanglaw evaluate` on each, and print one line per world.

    python benchmarks/eval_worlds.py --work /tmp/eval --tag mine                # every held-out world
    python benchmarks/eval_worlds.py --work /tmp/eval --tag mine O96 H21         # some of them
    python benchmarks/eval_worlds.py --work /tmp/eval --tag base --src OTHER/src  # another checkout's code
    python benchmarks/eval_worlds.py --work /tmp/eval --list                     # the worlds and their roles
    python benchmarks/eval_worlds.py --work /tmp/eval --tag mine --rows base     # README rows, base -> mine

Worlds are generated once under WORK/w/NAME (a 50k world takes 0.5-2 minutes and 0.2-0.5 GB) and
kept; each run's outputs go to WORK/r/TAG/NAME (the workspace removed afterwards) with its
evaluation.json. `--jobs 2` runs two worlds at a time. Not a timed benchmark: the runs share the
machine. The README's quality table is made from these evaluation.json files.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: name, generator package, seed, customers, extra arguments, role (held out / read / tuned)
WORLDS: list[tuple[str, str, int, int, tuple[str, ...], str]] = [
    ("G12", "world_g", 12, 100_000, (), "held out"),
    ("G13", "world_g", 13, 50_000, ("--view", "receiver"), "held out"),
    ("H21", "world_h", 21, 50_000, (), "held out"),
    ("H22", "world_h", 22, 100_000, (), "held out"),
    ("H23", "world_h", 23, 50_000, ("--view", "receiver"), "held out"),
    ("I32", "world_i", 32, 100_000, (), "held out"),
    ("I33", "world_i", 33, 50_000, ("--view", "receiver"), "held out"),
    ("K51", "world_k", 51, 50_000, (), "held out"),
    ("K52", "world_k", 52, 100_000, (), "held out"),
    ("K54", "world_k", 54, 50_000, ("--no-chat",), "held out"),
    ("L62", "world_l", 62, 100_000, (), "held out"),
    ("L63", "world_l", 63, 50_000, ("--view", "receiver"), "held out"),
    ("L64", "world_l", 64, 50_000, ("--no-chat",), "held out"),
    ("L65", "world_l", 65, 50_000, (), "held out"),
    ("M72", "world_m", 72, 100_000, (), "held out"),
    ("M73", "world_m", 73, 50_000, ("--view", "receiver"), "held out"),
    ("M74", "world_m", 74, 50_000, ("--no-chat",), "held out"),
    ("N82", "world_n", 82, 100_000, (), "held out"),
    ("N83", "world_n", 83, 50_000, ("--view", "receiver"), "held out"),
    ("N84", "world_n", 84, 50_000, ("--no-chat",), "held out"),
    ("O92", "world_o", 92, 100_000, (), "held out"),
    ("O93", "world_o", 93, 50_000, ("--view", "receiver"), "held out"),
    ("O94", "world_o", 94, 50_000, ("--no-chat",), "held out"),
    ("O96", "world_o", 96, 50_000, (), "held out"),
    ("I31", "world_i", 31, 50_000, (), "read"),
    ("K53", "world_k", 53, 50_000, ("--view", "receiver"), "read"),
    ("L61", "world_l", 61, 50_000, (), "read"),
    ("M71", "world_m", 71, 50_000, (), "read"),
    ("M75", "world_m", 75, 50_000, (), "read"),
    ("N81", "world_n", 81, 50_000, (), "read"),
    ("O91", "world_o", 91, 50_000, (), "read"),
    ("E1", "world_e", 1, 50_000, (), "tuned"),
    ("G11", "world_g", 11, 50_000, (), "tuned"),
    ("J41", "world_j", 41, 50_000, (), "tuned"),
]
BY_NAME = {w[0]: w for w in WORLDS}
#: cohorts that are offenders or victims, not look-alikes
OFFENDERS = {"offender_payer", "facilitator", "sextortion_victim", "extortionist", "child_victim"}


def generate(work: Path, name: str) -> Path:
    _, package, seed, customers, extra, _ = BY_NAME[name]
    world = work / "w" / name
    if (world / "truth").is_dir():
        return world
    tmp = work / "w" / f"{name}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    cmd = [sys.executable, "-m", f"tests.{package}.generator", str(tmp), "--seed", str(seed)]
    subprocess.run(
        [*cmd, "--customers", str(customers), *extra], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    tmp.rename(world)
    return world


def run(work: Path, tag: str, name: str, src: Path | None) -> Path:
    world = generate(work, name)
    out = work / "r" / tag / name
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    tanglaw = [sys.executable, "-m", "tanglaw"]
    log = (work / "r" / tag / f"{name}.log").open("w", encoding="utf-8")
    with log:
        subprocess.run(
            [*tanglaw, "run", str(world / "bundle"), "--out", str(out), "-q"], env=env, stdout=log, stderr=log
        )
        subprocess.run(
            [*tanglaw, "evaluate", "--truth", str(world / "truth"), "--out", str(out)],
            env=env,
            stdout=log,
            stderr=log,
        )
    # the workspace (DuckDB file, 0.1-1 GB a world) is not needed for the figures
    for ws in out.glob("workspace.duckdb*"):
        ws.unlink(missing_ok=True)
    return out / "evaluation.json"


def _trait(e: dict[str, Any], k: str, none: str = "–") -> str:
    """Payer recall among the payers with trait `k` (few payments, inbound only, ...)."""
    n, found = e.get("payer_recall_by_trait", {}).get(k, (0, 0))
    return f"{found / n:.2f}" if n else none


def _worst(e: dict[str, Any], n: int, min_size: int) -> list[tuple[str, float]]:
    """The `n` legitimate cohorts of at least `min_size` people flagged most, with their rates."""
    sizes = e["cohort_sizes"]
    rates = [
        (c, r) for c, r in e["cohort_flag_rate"].items() if c not in OFFENDERS and sizes.get(c, 0) >= min_size
    ]
    return sorted(rates, key=lambda cr: (-cr[1], cr[0]))[:n]


def line(name: str, path: Path) -> str:
    if not path.exists():
        return f"{name:4} no evaluation (see its .log)"
    e = json.loads(path.read_text(encoding="utf-8"))
    pa, fa, vi, cq = e["payer"], e["facilitator"], e["victim"], e["case_quality"]
    cohorts = ", ".join(f"{c} {r * 100:.1f}%" for c, r in _worst(e, 2, 20))
    return (
        f"{name:4} payers {pa['precision']:.2f}/{pa['recall']:.2f} few {_trait(e, 'few_payments', '  - ')}"
        f" inbound {_trait(e, 'inbound_only', '  - ')} facilitators {fa['recall']:.2f} ({fa['precision']:.2f})"
        f" victims {vi['recall']:.2f} ({vi['precision']:.2f}) real {cq['share_real']:.2f}"
        f"/P1 {cq['share_p1_real']:.2f} ({cq['p1_cases']})/top20 {cq['share_top20_real']:.2f}"
        f" cases {cq['cases']} | {cohorts}"
    )


LABELS = {
    "traveller": "travellers",
    "travel_contact": "travellers' contacts",
    "adult_performer": "performers",
    "adult_customer": "adult customers",
    "ordinary": "ordinary customers",
    "teen": "teenagers",
    "partner_recipient": "partners in PH",
    "partner_sender": "partners abroad",
    "foreign_inlaw": "foreign in-laws",
    "organization": "organisations",
}
VIEWS = {"--view receiver": "receiver view", "--no-chat": "no chat", "--view platform": "platform view"}


def _label(cohort: str) -> str:
    return LABELS.get(cohort, cohort.replace("_", " ") + "s")


def _change(a: str, b: str) -> str:
    return a if a == b else f"{a} → {b}"


def row(name: str, before: dict[str, Any], after: dict[str, Any]) -> str:
    """One row of the README's quality table, `before` → `after` where they differ."""
    _, package, seed, customers, extra, _ = BY_NAME[name]
    label = f"{package[-1].upper()} seed {seed}"
    if customers != 50_000:
        label += f", {customers // 1000}k customers"
    if extra:
        label += ", " + VIEWS.get(" ".join(extra), " ".join(extra))

    def both(section: str, key: str) -> str:
        return _change(f"{before[section][key]:.2f}", f"{after[section][key]:.2f}")

    def top(e: dict[str, Any]) -> str:
        return ", ".join(f"{_label(c)} {r * 100:.1f}%" for c, r in _worst(e, 3, 10))

    def p1(q: dict[str, Any]) -> str:
        return f"{q['share_p1_real']:.2f} ({q['p1_cases']})"

    qb, qa = before["case_quality"], after["case_quality"]
    victims = (
        f"{both('victim', 'recall')} ({both('victim', 'precision')})"
        if after["victim"]["true"]
        else "none in view"
    )
    tb, ta = top(before), top(after)
    cells = [
        label,
        f"{both('payer', 'precision')} / {both('payer', 'recall')}",
        *(
            _change(_trait(before, k), _trait(after, k))
            for k in ("few_payments", "inbound_only", "multi_household")
        ),
        f"{both('facilitator', 'recall')} ({both('facilitator', 'precision')})",
        victims,
        ta if ta == tb else f"{ta} (were {tb})",
        f"{both('coherence', 'precision')} / {both('coherence', 'recall')}",
        f"{both('case_quality', 'share_real')} / {_change(p1(qb), p1(qa))} / {both('case_quality', 'share_top20_real')}",
        _change(str(qb["max_households_in_case"]), str(qa["max_households_in_case"])),
    ]
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="worlds (default: every held-out one)")
    ap.add_argument("--work", type=Path, default=Path("bench-out/eval"))
    ap.add_argument("--tag", default="latest", help="a name for this code's results")
    ap.add_argument("--src", type=Path, help="the src/ folder of the code to run (default: this checkout's)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--list", action="store_true", help="list the worlds and their roles")
    ap.add_argument(
        "--rows", metavar="BEFORE", help="print README table rows, tag BEFORE -> --tag, and run nothing"
    )
    a = ap.parse_args()
    if a.list:
        for name, package, seed, customers, extra, role in WORLDS:
            print(
                f"{name:4} {role:8} tests/{package} --seed {seed} --customers {customers} {' '.join(extra)}"
            )
        return
    for tag in (a.tag, a.rows) if a.rows is not None else (a.tag,):
        # a tag names a folder under WORK/r: a plain name, never a path
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", tag):
            sys.exit(
                f"--tag/--rows {tag!r}: use letters, digits, '-' and '_' only (it names a folder under WORK/r)"
            )
    names = a.names or [w[0] for w in WORLDS if w[5] == "held out"]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        sys.exit(f"unknown world(s) {', '.join(unknown)}: see --list")
    if a.rows:
        for name in names:
            paths = [a.work / "r" / t / name / "evaluation.json" for t in (a.rows, a.tag)]
            if all(p.exists() for p in paths):
                print(row(name, *(json.loads(p.read_text(encoding="utf-8")) for p in paths)))
        return
    (a.work / "r" / a.tag).mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        results = list(pool.map(lambda n: (n, run(a.work, a.tag, n, a.src)), names))
    for name, path in results:
        print(line(name, path))


if __name__ == "__main__":
    main()
