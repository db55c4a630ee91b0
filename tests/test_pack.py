"""Typology packs: the built-in pack loads; a user's pack with a wrong key, type or value is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tanglaw.errors import PackError
from tanglaw.pack import load_pack

from .conftest import invoke


def test_default_pack_has_every_detector() -> None:
    from tanglaw.stages.detect import DETECTORS

    pack = load_pack()
    assert {d.code for d in DETECTORS} == set(pack["typologies"])
    for code in pack["typologies"]:
        assert pack.typology(code)["source"], code


@pytest.mark.parametrize(
    "text,message",
    [
        ("[scoring]\npayer_treshold = 0.5\n", "scoring.payer_treshold: unknown key"),
        ("[typologies.FIN_NOPE]\nweight_base = 0.1\n", "[typologies.FIN_NOPE]: unknown typology"),
        ("[scoring]\npayer_threshold = 'high'\n", "scoring.payer_threshold: 'high' is not a number"),
        ("[scoring]\npayer_threshold = 1.5\n", "scoring.payer_threshold: 1.5 must be between 0 and 1"),
        ("[scoring]\np1_min_payer_weight = 2\n", "scoring.p1_min_payer_weight: 2.0 must be between 0 and 1"),
        (
            "[lookalikes.relatives]\nmin_family_share = 1.5\n",
            "lookalikes.relatives.min_family_share: 1.5 must be between 0 and 1",
        ),
        (
            "[lookalikes.relatives]\nmin_family_senders = -2\n",
            "lookalikes.relatives.min_family_senders: -2 must not be negative",
        ),
        (
            "[typologies.FIN_CONSUMER_REMITTER]\nmin_payments = -1\n",
            "typologies.FIN_CONSUMER_REMITTER.min_payments: -1 must not be negative",
        ),
        ("[time]\nnight_start_hour = 25\n", "time.night_start_hour: 25 must be an hour from 0 to 23"),
        (
            "[payments]\nmin_amount_usd = 700\n",
            "payments.min_amount_usd must be below payments.max_amount_usd",
        ),
        ("[lists]\nhigh_risk_receiving = ['Philippines']\n", "'Philippines' is not an ISO alpha-2 code"),
        ("this is = = not toml", "not valid TOML"),
    ],
)
def test_bad_packs_are_refused(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "pack.toml"
    p.write_text(text)
    with pytest.raises(PackError, match=None) as e:
        load_pack(p)
    assert message in str(e.value)


def test_tuned_pack_changes_the_run(tmp_path: Path, runner, network_bundle: Path) -> None:
    strict = tmp_path / "strict.toml"
    strict.write_text("[scoring]\npayer_threshold = 0.99\nfacilitator_threshold = 0.99\n")
    res = invoke(runner, "run", network_bundle, "--out", tmp_path / "o", "--pack", strict)
    assert res.exit_code == 0, res.output
    assert (tmp_path / "o" / "cases.csv").read_text().count("\n") == 1  # header only


def test_bad_pack_exits_2(tmp_path: Path, runner, network_bundle: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[scoring]\nnope = 1\n")
    res = invoke(runner, "run", network_bundle, "--out", tmp_path / "o", "--pack", bad)
    assert res.exit_code == 2
    assert "scoring.nope: unknown key" in res.stderr
    assert not (tmp_path / "o").exists() or not (tmp_path / "o" / "cases.csv").exists()
