"""Exercise scoring (tanglaw.workbench.exercise) on a small simulated world and a run on it: which
cases are real, the buckets a trainee's decisions fall into, the latest decision, time per case."""

from __future__ import annotations

import csv
import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tanglaw.csvsafe import restore
from tanglaw.errors import TanglawError
from tanglaw.pipeline import run_bundle
from tanglaw.workbench.exercise import ExerciseDecision, case_truth, score_exercise

from .conftest import read_csv

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LOOKALIKE_CASE = "TGL-LOOKALIKE"
MIXED_CASE = "TGL-MIXED"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(WORLD, OUT): a simulated world and a run on its bundle."""
    from tanglaw.simulate import SimulationConfig, simulate_world

    root = tmp_path_factory.mktemp("exercise")
    simulate_world(root, SimulationConfig(seed=11, customers=3_000, payer_rate=0.004), progress=False)
    out = root / "out"
    run_bundle(root / "bundle", out)
    return root, out


def _people(world_dir: Path) -> tuple[dict[str, dict[str, str]], dict[str, list[str]]]:
    """(person by id, account ids by person id) from the world's truth."""
    persons = {p["person_id"]: p for p in read_csv(world_dir / "truth" / "persons.csv")}
    owned: dict[str, list[str]] = {}
    for a in read_csv(world_dir / "truth" / "accounts.csv"):
        owned.setdefault(a["person_id"], []).append(a["account_id"])
    return persons, owned


@pytest.fixture(scope="module")
def staged(world: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(WORLD, OUT2): the run's case files plus two hand-made cases: one of three look-alikes (two
    diaspora remitters, one ordinary customer) and one of a facilitator with an ordinary customer."""
    world_dir, out = world
    staged_out = tmp_path_factory.mktemp("staged")
    for name in ("cases.csv", "case_members.csv"):
        shutil.copy(out / name, staged_out / name)
    persons, owned = _people(world_dir)

    def accounts_of(cohort: str, n: int) -> list[str]:
        ids = sorted(p for p, row in persons.items() if row["cohort"] == cohort and p in owned)[:n]
        assert len(ids) == n, cohort
        return [owned[p][0] for p in ids]

    rows = [(LOOKALIKE_CASE, a) for a in accounts_of("diaspora_remitter", 2) + accounts_of("ordinary", 1)]
    rows += [(MIXED_CASE, a) for a in accounts_of("facilitator", 1) + accounts_of("ordinary", 1)]
    with open(staged_out / "case_members.csv", "a", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        for case_id, account in rows:
            w.writerow([case_id, account, "", "payer", "0.5", ""])
    return world_dir, staged_out


def _expected_real(world_dir: Path, out: Path) -> dict[str, bool]:
    """Independently of the module: a case is real when a member account belongs to a person with
    a truth role (payer, facilitator, victim)."""
    persons, owned = _people(world_dir)
    role_of_account = {a: persons[p]["role"] for p, accts in owned.items() for a in accts}
    real: dict[str, bool] = {}
    for m in read_csv(out / "case_members.csv"):
        role = role_of_account.get(restore(m["account_id"]), "")
        real[m["case_id"]] = real.get(m["case_id"], False) or role in ("payer", "facilitator", "victim")
    return real


def test_real_cases_are_recognised(world: tuple[Path, Path]) -> None:
    world_dir, out = world
    truths = case_truth(world_dir, out)
    ranked = [c["case_id"] for c in sorted(read_csv(out / "cases.csv"), key=lambda c: int(c["rank"]))]
    assert list(truths) == ranked  # every case of the run, in rank order
    expected = _expected_real(world_dir, out)
    assert {c: t.real for c, t in truths.items()} == expected
    real = [t for t in truths.values() if t.real]
    assert len(real) >= 3
    for t in real:
        assert t.offenders + t.victims >= 1
        assert t.network_ids, t
        assert t.network_ids[0] in t.explanation
        assert "belong" in t.explanation or t.explanation.startswith("its only person is a")
    for t in truths.values():
        if not t.real:
            assert (t.offenders, t.victims, t.network_ids) == (0, 0, ())
            assert t.lookalikes >= 1
            assert t.explanation.startswith(("none of its", "its only person is not"))


def test_a_case_of_lookalikes_only_is_not_real(staged: tuple[Path, Path]) -> None:
    truths = case_truth(*staged)
    t = truths[LOOKALIKE_CASE]
    assert (t.real, t.offenders, t.victims, t.lookalikes, t.network_ids) == (False, 0, 0, 3, ())
    assert t.explanation == (
        "none of its 3 people is an offender or a victim: 2 are diaspora remitters, 1 an ordinary customer"
    )
    mixed = truths[MIXED_CASE]
    assert (mixed.real, mixed.offenders, mixed.victims, mixed.lookalikes) == (True, 1, 0, 1)
    assert len(mixed.network_ids) == 1
    assert mixed.explanation == (
        f"1 of its 2 people belongs to network {mixed.network_ids[0]} (1 facilitator); "
        "the other one is an ordinary customer"
    )


def _pick(staged: tuple[Path, Path]) -> tuple[list[str], list[str]]:
    truths = case_truth(*staged)
    real = [c for c, t in truths.items() if t.real and c != MIXED_CASE]
    fake = [c for c, t in truths.items() if not t.real]
    assert len(real) >= 3 and LOOKALIKE_CASE in fake
    return real, [LOOKALIKE_CASE] + [c for c in fake if c != LOOKALIKE_CASE]


def test_decisions_are_scored_into_the_right_buckets(staged: tuple[Path, Path]) -> None:
    real, fake = _pick(staged)
    n_cases = len(case_truth(*staged))
    decisions = [
        ExerciseDecision(real[0], "confirmed", T0),
        ExerciseDecision(real[1], "referred", T0),
        ExerciseDecision(real[2], "false_positive", T0),
        ExerciseDecision(fake[0], "confirmed", T0),
        ExerciseDecision(MIXED_CASE, "needs_info", T0),
    ]
    s = score_exercise(*staged, decisions)
    assert len(s.cases) == n_cases
    assert s.confirmed_correctly == (real[0], real[1])
    assert s.cleared_wrongly == (real[2],)
    assert s.confirmed_wrongly == (fake[0],)
    assert s.cleared_correctly == ()
    # every real case not confirmed or referred: the one cleared, the one needing info, the untouched
    assert set(s.missed) == (set(real) - {real[0], real[1]}) | {MIXED_CASE}
    assert s.undecided == n_cases - 4
    assert s.accuracy == pytest.approx(2 / 4)
    assert s.median_seconds_per_case is None

    cleared = score_exercise(*staged, [ExerciseDecision(fake[0], "false_positive", T0)])
    assert cleared.cleared_correctly == (fake[0],)
    assert cleared.confirmed_wrongly == ()
    assert cleared.accuracy == 1.0
    assert set(cleared.missed) == set(real) | {MIXED_CASE}

    nothing = score_exercise(*staged, [])
    assert (nothing.accuracy, nothing.undecided, nothing.confirmed_correctly) == (None, n_cases, ())


def test_only_the_latest_decision_counts(staged: tuple[Path, Path]) -> None:
    real, fake = _pick(staged)
    later = T0 + timedelta(minutes=5)
    decisions = [
        ExerciseDecision(real[0], "false_positive", T0),
        ExerciseDecision(real[0], "confirmed", later),
        # given out of order: the later time counts, not the later place in the list
        ExerciseDecision(fake[0], "false_positive", later),
        ExerciseDecision(fake[0], "confirmed", T0),
        # a decision put back to needs_info: undecided again
        ExerciseDecision(real[1], "confirmed", T0),
        ExerciseDecision(real[1], "needs_info", later),
        # a naive time is read as UTC, so it compares with aware ones
        ExerciseDecision(real[2], "confirmed", T0),
        ExerciseDecision(real[2], "false_positive", datetime(2026, 3, 2, 10, 0)),
        # a decision on a case the run does not hold is left out
        ExerciseDecision("TGL-NOT-IN-RUN", "confirmed", T0),
    ]
    s = score_exercise(*staged, decisions)
    assert s.confirmed_correctly == (real[0],)
    assert s.cleared_correctly == (fake[0],)
    assert s.cleared_wrongly == (real[2],)
    assert s.confirmed_wrongly == ()
    assert real[1] in s.missed and real[0] not in s.missed
    assert s.undecided == len(s.cases) - 3
    assert s.accuracy == pytest.approx(2 / 3)


def test_time_per_case_is_the_median(staged: tuple[Path, Path]) -> None:
    real, fake = _pick(staged)

    def timed(case_id: str, seconds: int, outcome: str = "confirmed", at: datetime = T0) -> ExerciseDecision:
        return ExerciseDecision(case_id, outcome, at + timedelta(seconds=seconds), at)

    decisions = [
        timed(real[0], 60),
        timed(real[1], 300),
        timed(fake[0], 90, "false_positive"),
        ExerciseDecision(real[2], "confirmed", T0),  # no claim time: not timed
        timed("TGL-NOT-IN-RUN", 5),  # not a case of the run: not timed
    ]
    assert score_exercise(*staged, decisions).median_seconds_per_case == 90.0
    # only the latest decision of a case is timed: real[0] now took 1000 s, not 60 s
    again = timed(real[0], 1000, at=T0 + timedelta(hours=1))
    assert score_exercise(*staged, [*decisions, again]).median_seconds_per_case == 300.0
    # an even number of timed cases: the mean of the middle two
    four = [*decisions, timed(MIXED_CASE, 200, "needs_info")]
    assert score_exercise(*staged, four).median_seconds_per_case == 145.0


def test_scoring_is_fast(staged: tuple[Path, Path]) -> None:
    real, _ = _pick(staged)
    decisions = [ExerciseDecision(c, "confirmed", T0, T0 - timedelta(minutes=3)) for c in real]
    started = time.perf_counter()
    s = score_exercise(*staged, decisions)
    assert time.perf_counter() - started < 0.5
    assert s.confirmed_correctly == tuple(real)
    assert s.median_seconds_per_case == 180.0


def test_a_world_without_truth_is_refused_in_one_line(world: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = world
    bare = tmp_path / "bare"
    (bare / "bundle").mkdir(parents=True)
    with pytest.raises(TanglawError) as e:
        case_truth(bare, out)
    message = str(e.value)
    assert "\n" not in message
    assert message == (
        f"{bare}: no truth/ folder; an exercise needs a world written by `tanglaw simulate --out WORLD`"
    )
    with pytest.raises(TanglawError, match="no truth/ folder"):
        score_exercise(bare, out, [ExerciseDecision("TGL-000001", "confirmed", T0)])


def test_a_run_without_case_members_is_refused(world: tuple[Path, Path], tmp_path: Path) -> None:
    world_dir, _ = world
    with pytest.raises(TanglawError) as e:
        case_truth(world_dir, tmp_path / "nowhere")
    assert str(e.value) == (
        f"{tmp_path / 'nowhere'}: no case_members.csv; "
        f"run `tanglaw run {world_dir / 'bundle'} --out {tmp_path / 'nowhere'}` first"
    )


def test_an_unknown_outcome_is_refused(staged: tuple[Path, Path]) -> None:
    with pytest.raises(TanglawError) as e:
        score_exercise(*staged, [ExerciseDecision("TGL-000001", "dismissed", T0)])
    assert str(e.value) == (
        "TGL-000001: 'dismissed' is not an exercise outcome; "
        "use one of confirmed, false_positive, needs_info, referred"
    )
