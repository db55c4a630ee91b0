"""Issue #15 item 5, a newcomer's first hour: the README's "Your first hour" block runs as written.

Each command of that block is run in order, by bash, in a fresh folder holding only a `./tanglaw`
that reaches this checkout's Tanglaw and a copy of `examples/`, with the relative paths the README
uses (a relative `--out` once crashed `tanglaw run`). A command exits 0 unless its comment says
`(exit N)`. Also: the `./tanglaw` wrapper prints the help from any folder, and without a `.venv`
says in one line what to run.
"""

from __future__ import annotations

import csv
import filecmp
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WRAPPER = REPO / "tanglaw"
VENV_TANGLAW = REPO / ".venv" / "bin" / "tanglaw"
needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="the wrapper is a bash script")


def first_hour_commands(readme: Path = REPO / "README.md") -> list[str]:
    """The lines of the ```sh block under `## Your first hour`, comments kept, blank lines left out."""
    text = readme.read_text(encoding="utf-8")
    section = text.split("\n## Your first hour\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"^```sh\n(.*?)^```$", section, re.S | re.M)
    assert block, "no ```sh block under ## Your first hour"
    return [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]


def _expected_exit(line: str) -> int:
    m = re.search(r"#.*\(exit (\d+)\)", line)
    return int(m.group(1)) if m else 0


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # a bare `tanglaw` is the one of the Python running these tests
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["COLUMNS"] = "100"
    env.pop("TANGLAW_DEBUG", None)
    return env


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_the_block_is_copy_pasteable() -> None:
    lines = first_hour_commands()
    assert len(lines) >= 15
    for line in lines:
        assert len(line) <= 100, line
        command, _, comment = line.partition("  # ")
        assert comment.strip(), f"no comment: {line}"
        assert "|" not in command and "CASE_ID" not in command and "BUNDLE" not in command, line
    commands = " ".join(lines)
    for step in ("--help", "simulate", "evaluate", "cases list", "cases show TGL-000001", "--limit"):
        assert step in commands, step
    for step in ("typologies explain", "--format cybertip", "--format pdf", "examples/tips.xml"):
        assert step in commands, step
    for step in ("calibrate --labels", "share keygen", "share export", "share match", "bank_files"):
        assert step in commands, step


@pytest.mark.slow
@needs_bash
def test_readme_first_hour_runs_as_written(tmp_path: Path) -> None:
    work = tmp_path / "newcomer"
    work.mkdir()
    if VENV_TANGLAW.exists():
        (work / "tanglaw").symlink_to(WRAPPER)  # the wrapper itself, through a link
    else:  # a checkout whose venv lives elsewhere: the same command, from this Python
        shim = work / "tanglaw"
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m tanglaw "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
    shutil.copytree(REPO / "examples", work / "examples")

    for line in first_hour_commands():
        done = subprocess.run(
            ["bash", "-c", line], cwd=work, env=_env(), capture_output=True, text=True, timeout=300
        )
        assert done.returncode == _expected_exit(line), (
            f"{line}\nexit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
        if line.startswith("./tanglaw --help"):
            assert "Usage: tanglaw" in done.stdout

    out = work / "out"
    cases = _rows(out / "cases.csv")
    assert "TGL-000001" in {r["case_id"] for r in cases}
    assert (out / "report.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "<report" in (out / "exports" / "TGL-000001.cybertip.xml").read_text(encoding="utf-8")
    assert (out / "exports" / "TGL-000001.pdf").read_bytes().startswith(b"%PDF")
    # the sample tips: all four read, three linked to the world's cases, the fourth to none
    assert len(_rows(work / "world" / "bundle" / "reports.csv")) == 4
    tips = {r["report_id"]: r for r in _rows(out / "tips.csv")}
    assert set(tips) == {f"CT-EXAMPLE-000{i}" for i in range(1, 5)}
    assert all(tips[f"CT-EXAMPLE-000{i}"]["case_ids"] for i in (1, 2, 3)), tips
    assert tips["CT-EXAMPLE-0004"]["case_ids"] == ""
    # calibration: a pack with the fitted model, and a run with it
    pack = (work / "calibrated-pack.toml").read_text(encoding="utf-8")
    assert "[scoring.calibration]" in pack and "enabled = true" in pack
    assert (work / "calibrated" / "cases.csv").exists()
    # sharing: the key, the file to send, the private map, the partner's matches
    assert (work / "partner.key").exists()
    assert (work / "outbox" / "TGL-000001.signals.json").exists()
    assert (work / "outbox" / "TGL-000001.signals-private.csv").exists()
    assert _rows(out / "matches-TGL-000001.signals.csv")
    # the hash bank fed into a run: the blurred copy of a banked picture matches, nothing else
    media = [r for r in _rows(out / "indicators.csv") if r["code"] == "PLAT_MEDIA_HASH_MATCH"]
    assert [r["record_ids"] for r in media] == ["MD-EXAMPLE-0001"], media
    # nothing was written into the examples
    cmp = filecmp.dircmp(REPO / "examples", work / "examples")
    assert not (cmp.left_only or cmp.right_only or cmp.diff_files), (cmp.right_only, cmp.diff_files)


@needs_bash
@pytest.mark.skipif(not VENV_TANGLAW.exists(), reason="no .venv in this checkout")
def test_wrapper_prints_help_from_any_folder(tmp_path: Path) -> None:
    (tmp_path / "tl").symlink_to(WRAPPER)
    for command in ([str(WRAPPER), "--help"], ["./tl", "--help"]):
        done = subprocess.run(command, cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "Usage: tanglaw" in done.stdout


@needs_bash
def test_wrapper_without_venv_says_what_to_run(tmp_path: Path) -> None:
    shutil.copy2(WRAPPER, tmp_path / "tanglaw")
    done = subprocess.run(
        [str(tmp_path / "tanglaw"), "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "make install" in done.stderr and "make demo" in done.stderr
