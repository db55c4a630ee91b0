"""Calibration on a user's labels: monotone coefficients, cross-validated quality, a pack that runs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tanglaw.errors import BundleError
from tanglaw.evaluation.calibrate import calibrate
from tanglaw.pack import dump_pack, load_pack
from tanglaw.pipeline import run_bundle

from .conftest import invoke, read_csv


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .external_world.generator import generate

    root = tmp_path_factory.mktemp("cal")
    generate(root, seed=9, customers=8_000, payer_rate=0.004, fmt="csv")
    run_bundle(root / "bundle", root / "out")
    persons = {r["person_id"]: r for r in read_csv(root / "truth" / "persons.csv")}
    members = {r["account_id"] for r in read_csv(root / "out" / "case_members.csv")}
    rows = []
    for i, a in enumerate(read_csv(root / "truth" / "accounts.csv")):
        if a["account_id"] in members or i % 40 == 0:  # the reviewed alerts plus a random sample
            rows.append({"account_id": a["account_id"], "label": 1 if persons[a["person_id"]]["role"] else 0})
    with open(root / "labels.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["account_id", "label"])
        w.writeheader()
        w.writerows(rows)
    return root


def test_calibration_is_monotone_and_validated(world: Path, tmp_path: Path) -> None:
    result, pack = calibrate(world / "out", world / "labels.csv", load_pack())
    assert result.n >= 50 and result.positives >= 5
    assert all(v >= 0 for v in result.coefficients.values())
    assert result.auc_after_cv >= 0.8
    assert result.logloss_after_cv < 0.69  # better than a coin
    cal = tmp_path / "cal.toml"
    cal.write_text(dump_pack(pack))
    again = load_pack(cal)
    assert again["scoring"]["calibration"]["enabled"] is True
    run_bundle(world / "bundle", tmp_path / "out", pack=again)
    assert (tmp_path / "out" / "cases.csv").exists()


def test_calibrate_cli(world: Path, tmp_path: Path, runner) -> None:
    res = invoke(
        runner,
        "calibrate",
        "--labels",
        world / "labels.csv",
        "--out",
        world / "out",
        "--write",
        tmp_path / "p.toml",
    )
    assert res.exit_code == 0, res.output
    assert "ROC AUC" in res.stdout and (tmp_path / "p.toml").exists()


@pytest.mark.parametrize(
    "text,message",
    [
        ("account_id\nA1\n", "labels.csv:1: label: a required column is missing"),
        ("who,label\nA1,1\n", "needs an account_id, party_id or entity_id column"),
        ("account_id,label\nA1,maybe\n", 'labels.csv:2: label: "maybe" is not 0 or 1'),
        ("account_id,label\nA1,1\n", "too few labels to calibrate"),
    ],
)
def test_bad_labels_are_refused(world: Path, tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "labels.csv"
    p.write_text(text)
    with pytest.raises(BundleError) as e:
        calibrate(world / "out", p, load_pack())
    assert message in str(e.value)


def test_calibration_coefficients_are_checked(tmp_path: Path) -> None:
    from tanglaw.errors import PackError

    p = tmp_path / "p.toml"
    p.write_text("[scoring.calibration.coefficients]\nFIN_CONSUMER_REMITTER = -1\n")
    with pytest.raises(PackError, match="must be a number >= 0"):
        load_pack(p)
    p.write_text("[scoring.calibration.coefficients]\nFIN_NOT_A_CODE = 1\n")
    with pytest.raises(PackError, match="unknown typology"):
        load_pack(p)
