"""Exercise mode of the workbench: a trainee's decisions on a simulated world, scored against its truth.

`tanglaw serve --exercise WORLD` serves the cases of a run on `WORLD/bundle` (a world written by
`tanglaw simulate --out WORLD`) to trainees. Because the world is simulated, its `WORLD/truth/`
folder says who is who, so every decision can be checked:

- `case_truth(world, out)` tells, for every case of the run in `out`, whether it is *real* and why,
  in one sentence a trainee can read;
- `score_exercise(world, out, decisions)` puts a trainee's decisions into buckets (confirmed
  correctly or wrongly, cleared correctly or wrongly, real cases missed) with their accuracy and
  the median time they took per case.

A case is **real** when at least one of its people is, in the truth, an offender or a victim: a
person whose `role` is `payer`, `facilitator` or `victim`, or whose `cohort` is one of the
offender cohorts of `tanglaw evaluate` (`offender_payer`, `facilitator`, `extortionist` or its
alias `sextortion_offender`, and `sextortion_victim`, the victims who pay an extortionist).
Everyone else is a *look-alike*: a diaspora remitter, an ordinary customer, a charity sponsor and
so on, people whose payments can resemble the offenders' but who do nothing wrong. This is the
same line as `tanglaw evaluate` draws (`OFFENDER_COHORTS` in `tanglaw.evaluation.evaluate`).

A case's people are found as `tanglaw evaluate` finds them: each row of `OUT/case_members.csv`
names an account, mapped to its true person through `truth/accounts.csv` (by `party_id` when the
account is unknown). Values read from these files are only compared, never used as paths.
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..csvsafe import read_rows
from ..errors import BundleError, Problem, TanglawError
from ..evaluation.evaluate import OFFENDER_COHORTS

#: what a trainee can decide on a case
OUTCOMES = ("confirmed", "false_positive", "needs_info", "referred")
#: outcomes that say the case is a real network (send it on)
CONFIRMING = frozenset({"confirmed", "referred"})
#: outcomes that decide a case one way or the other
DECISIVE = frozenset({"confirmed", "referred", "false_positive"})

_OFFENDER_ROLES = frozenset({"payer", "facilitator"})
_VICTIM_COHORTS = frozenset({"sextortion_victim"})
_OFFENDER_COHORTS = frozenset(OFFENDER_COHORTS) - _VICTIM_COHORTS
_EXTORTIONIST_COHORTS = frozenset({"extortionist", "sextortion_offender"})

#: plain words (one, several) for the kinds of people in a real case
_KIND_WORDS: dict[str, tuple[str, str]] = {
    "facilitator": ("facilitator", "facilitators"),
    "payer": ("payer", "payers"),
    "extortionist": ("extortionist", "extortionists"),
    "sextortion_victim": ("sextortion victim", "sextortion victims"),
    "victim": ("victim", "victims"),
}
_KIND_ORDER = tuple(_KIND_WORDS)

#: plain words (one, several) for the look-alike cohorts (truth-format.md's names and their aliases)
_COHORT_WORDS: dict[str, tuple[str, str]] = {
    "ordinary": ("ordinary customer", "ordinary customers"),
    "diaspora_remitter": ("diaspora remitter", "diaspora remitters"),
    "family_recipient": ("relative receiving family support", "relatives receiving family support"),
    "legit_beneficiary": ("relative receiving family support", "relatives receiving family support"),
    "online_seller": ("online seller", "online sellers"),
    "seller_customer": ("customer of an online seller", "customers of online sellers"),
    "adult_performer": ("adult webcam performer", "adult webcam performers"),
    "webcam_model": ("adult webcam performer", "adult webcam performers"),
    "adult_customer": ("customer of adult webcam sites", "customers of adult webcam sites"),
    "webcam_customer": ("customer of adult webcam sites", "customers of adult webcam sites"),
    "romance_victim": ("romance-scam victim", "romance-scam victims"),
    "romance_scammer": ("romance scammer", "romance scammers"),
    "romance_mule": ("romance-scam money mule", "romance-scam money mules"),
    "charity_sponsor": ("charity sponsor", "charity sponsors"),
    "charity": ("charity", "charities"),
    "traveller": ("traveller", "travellers"),
    "streamer": ("streamer", "streamers"),
    "organization": ("organisation", "organisations"),
    "merchant": ("merchant", "merchants"),
    "": ("person of no known cohort", "people of no known cohort"),
}


@dataclass(frozen=True)
class ExerciseDecision:
    """One decision a trainee took on a case."""

    case_id: str
    #: one of `OUTCOMES`: "confirmed", "false_positive", "needs_info", "referred"
    outcome: str
    #: when the trainee decided (a naive time is read as UTC)
    decided_at: datetime
    #: when they claimed or opened the case, None if unknown
    claimed_at: datetime | None = None


@dataclass(frozen=True)
class CaseTruth:
    """What the truth says about one case of the run."""

    case_id: str
    #: the case holds at least one true offender or victim (see the module's docstring)
    real: bool
    #: member people by truth kind: offenders (payers, facilitators, extortionists), victims, the rest
    offenders: int
    victims: int
    lookalikes: int
    #: the true networks of its offenders and victims, sorted
    network_ids: tuple[str, ...]
    #: one sentence for the trainee
    explanation: str


@dataclass(frozen=True)
class ExerciseScore:
    """A trainee's decisions against the truth. Case ids are in the run's rank order."""

    #: every case of the run with its truth
    cases: tuple[CaseTruth, ...]
    #: confirmed or referred, and real
    confirmed_correctly: tuple[str, ...]
    #: confirmed or referred, not real
    confirmed_wrongly: tuple[str, ...]
    #: false_positive, not real
    cleared_correctly: tuple[str, ...]
    #: false_positive, but real
    cleared_wrongly: tuple[str, ...]
    #: real cases whose latest decision is not confirmed or referred (cleared wrongly, needs_info, none)
    missed: tuple[str, ...]
    #: cases of the run with no decisive latest decision (none, or needs_info)
    undecided: int
    #: median of decided_at - claimed_at over the counted decisions that have both (None: none has)
    median_seconds_per_case: float | None
    #: correct decisions / decisive decisions (confirmed, referred, false_positive); None: none decisive
    accuracy: float | None


def _need(path: Path, what: str) -> Path:
    if not path.is_file():
        raise TanglawError(what)
    return path


def _truth_rows(path: Path, needed: tuple[str, ...]) -> Iterable[dict[str, str]]:
    """The rows of a truth file, streamed; a file that is not UTF-8 or not CSV is a refusal naming
    the file and line (as `tanglaw.csvsafe.read_rows` does), a missing column one naming the column."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            have = reader.fieldnames or []
            missing = [c for c in needed if c not in have]
            if missing:
                raise BundleError([Problem(path.name, 1, c, "a required column is missing") for c in missing])
            yield from reader
        except UnicodeDecodeError:
            raise BundleError([Problem(path.name, None, None, "not UTF-8 text (save it as UTF-8)")]) from None
        except csv.Error as e:
            what = str(e).split(":")[0][:80]
            raise BundleError(
                [Problem(path.name, reader.line_num, None, f"not valid CSV ({what})")]
            ) from None


def _kind(cohort: str, role: str) -> str | None:
    """The truth kind of a person in `_KIND_WORDS`, or None for a look-alike."""
    if cohort in _EXTORTIONIST_COHORTS:
        return "extortionist"
    if cohort in _VICTIM_COHORTS:
        return "sextortion_victim"
    if role in _OFFENDER_ROLES:
        return role
    if role == "victim":
        return "victim"
    if cohort == "offender_payer":
        return "payer"
    if cohort in _OFFENDER_COHORTS:
        return "facilitator"
    return None


def _count(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


def _cohort_words(cohort: str) -> tuple[str, str]:
    known = _COHORT_WORDS.get(cohort)
    if known is not None:
        return known
    plain = cohort.replace("_", " ").strip()
    return (plain, plain if plain.endswith("s") else plain + "s")


def _article(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _lookalike_phrase(cohorts: dict[str, int], people: int, first_verb: bool) -> str:
    """`3 are diaspora remitters, 1 an ordinary customer`, `both are ordinary customers`; without
    the verb (after a colon): `2 diaspora remitters, 1 ordinary customer`."""
    ranked = sorted(cohorts.items(), key=lambda kv: (-kv[1], kv[0]))
    if first_verb and len(ranked) == 1 and ranked[0][1] == people and people > 1:
        many = _cohort_words(ranked[0][0])[1]
        return f"both are {many}" if people == 2 else f"all {people} are {many}"
    parts = []
    for i, (cohort, n) in enumerate(ranked):
        one, many = _cohort_words(cohort)
        noun = (_article(one) if first_verb else one) if n == 1 else many
        verb = ("is " if n == 1 else "are ") if first_verb and i == 0 else ""
        parts.append(f"{n} {verb}{noun}")
    return ", ".join(parts)


#: networks named in an explanation at most; the others are counted
_MAX_NETWORKS_NAMED = 4


def _networks_phrase(networks: tuple[str, ...]) -> str:
    if len(networks) == 1:
        return f"network {networks[0]}"
    named = list(networks[:_MAX_NETWORKS_NAMED])
    more = len(networks) - len(named)
    if more:
        return f"networks {', '.join(named)} and {more} more"
    return f"networks {', '.join(named[:-1])} and {named[-1]}"


def _explain(people: int, kinds: dict[str, int], networks: tuple[str, ...], cohorts: dict[str, int]) -> str:
    if people == 0:
        return "the truth knows none of its accounts, so it holds no offender and no victim"
    lookalikes = sum(cohorts.values())
    if not kinds:
        if people == 1:
            one = _cohort_words(next(iter(cohorts)))[0]
            return f"its only person is not an offender or a victim but {_article(one)}"
        phrase = _lookalike_phrase(cohorts, people, True)
        return f"none of its {people} people is an offender or a victim: {phrase}"
    if people == 1:
        kind = next(iter(kinds))
        where = f"of {_networks_phrase(networks)}" if networks else "of no known network"
        return f"its only person is {_article(_KIND_WORDS[kind][0])} {where}"
    real = people - lookalikes
    what = ", ".join(_count(kinds[k], _KIND_WORDS[k]) for k in _KIND_ORDER if kinds.get(k))
    if real == people:
        who = "both of its people" if people == 2 else f"all {people} of its people"
    else:
        who = f"{real} of its {people} people"
    if networks:
        where = f"{'belong' if real > 1 else 'belongs'} to {_networks_phrase(networks)}"
    else:
        where = "are offenders or victims" if real > 1 else "is an offender or a victim"
    sentence = f"{who} {where} ({what})"
    if lookalikes:
        if lookalikes == 1:
            sentence += f"; the other one is {_article(_cohort_words(next(iter(cohorts)))[0])}"
        else:
            sentence += f"; the other {lookalikes}: {_lookalike_phrase(cohorts, lookalikes, False)}"
    return sentence


def case_truth(world_dir: Path, out_dir: Path) -> dict[str, CaseTruth]:
    """The truth of every case of the run in `out_dir` on the world in `world_dir`, by case id, in
    the run's rank order. Refuses (TanglawError, one line) a world without `truth/` or a run
    without `case_members.csv`."""
    world_dir, out_dir = Path(world_dir), Path(out_dir)
    truth = world_dir / "truth"
    if not truth.is_dir():
        raise TanglawError(
            f"{world_dir}: no truth/ folder; an exercise needs a world written by "
            "`tanglaw simulate --out WORLD`"
        )
    accounts_csv = _need(
        truth / "accounts.csv",
        f"{truth}: no accounts.csv; write the world again with `tanglaw simulate --out WORLD`",
    )
    persons_csv = _need(
        truth / "persons.csv",
        f"{truth}: no persons.csv; write the world again with `tanglaw simulate --out WORLD`",
    )
    members_csv = _need(
        out_dir / "case_members.csv",
        f"{out_dir}: no case_members.csv; run `tanglaw run {world_dir / 'bundle'} --out {out_dir}` first",
    )
    members = read_rows(members_csv, ("case_id", "account_id"))
    order: dict[str, int] = {}
    cases_csv = out_dir / "cases.csv"
    if cases_csv.is_file():
        for i, c in enumerate(sorted(read_rows(cases_csv, ("case_id", "rank")), key=_rank)):
            order.setdefault(c["case_id"], i)
    for m in members:
        order.setdefault(m["case_id"], len(order))

    wanted_accounts = {m["account_id"] for m in members if m.get("account_id")}
    wanted_parties = {m.get("party_id") or "" for m in members} - {""}
    by_account: dict[str, str] = {}
    by_party: dict[str, str] = {}
    for a in _truth_rows(accounts_csv, ("account_id", "person_id")):
        if a["account_id"] in wanted_accounts:
            by_account[a["account_id"]] = a["person_id"]
        party = a.get("party_id") or ""
        if party in wanted_parties:
            by_party.setdefault(party, a["person_id"])

    people: dict[str, set[str]] = {c: set() for c in order}
    for m in members:
        pid = by_account.get(m["account_id"]) or by_party.get(m.get("party_id") or "")
        if pid:
            people[m["case_id"]].add(pid)
    wanted_people = set().union(*people.values()) if people else set()
    person: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for p in _truth_rows(persons_csv, ("person_id", "cohort", "role")):
        if p["person_id"] in wanted_people:
            nets = tuple(n.strip() for n in (p.get("network_id") or "").split(";") if n.strip())
            person[p["person_id"]] = ((p.get("cohort") or "").strip(), (p.get("role") or "").strip(), nets)

    result: dict[str, CaseTruth] = {}
    for case_id in sorted(order, key=order.__getitem__):
        kinds: dict[str, int] = {}
        cohorts: dict[str, int] = {}
        networks: set[str] = set()
        for pid in people[case_id]:
            cohort, role, nets = person.get(pid, ("", "", ()))
            kind = _kind(cohort, role)
            if kind is None:
                cohorts[cohort] = cohorts.get(cohort, 0) + 1
            else:
                kinds[kind] = kinds.get(kind, 0) + 1
                networks.update(nets)
        victims = kinds.get("victim", 0) + kinds.get("sextortion_victim", 0)
        offenders = sum(kinds.values()) - victims
        nets_sorted = tuple(sorted(networks))
        result[case_id] = CaseTruth(
            case_id=case_id,
            real=bool(kinds),
            offenders=offenders,
            victims=victims,
            lookalikes=sum(cohorts.values()),
            network_ids=nets_sorted,
            explanation=_explain(len(people[case_id]), kinds, nets_sorted, cohorts),
        )
    return result


def _rank(case: dict[str, str]) -> tuple[float, str]:
    try:
        return (float(case.get("rank") or "inf"), case["case_id"])
    except ValueError:
        return (float("inf"), case["case_id"])


def _utc(t: datetime) -> datetime:
    """A time comparable with any other: a naive one is read as UTC."""
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t


def latest_decisions(decisions: Sequence[ExerciseDecision]) -> dict[str, ExerciseDecision]:
    """The decision that counts for each case: its latest by `decided_at` (of equal times, the
    one given last). Refuses an outcome not in `OUTCOMES`."""
    latest: dict[str, ExerciseDecision] = {}
    for d in decisions:
        if d.outcome not in OUTCOMES:
            raise TanglawError(
                f"{d.case_id}: {d.outcome!r} is not an exercise outcome; use one of {', '.join(OUTCOMES)}"
            )
        kept = latest.get(d.case_id)
        if kept is None or _utc(d.decided_at) >= _utc(kept.decided_at):
            latest[d.case_id] = d
    return latest


def score_exercise(world_dir: Path, out_dir: Path, decisions: Sequence[ExerciseDecision]) -> ExerciseScore:
    """Score a trainee's decisions on the run in `out_dir` against the truth of `world_dir`.

    Only the latest decision per case counts; decisions on cases the run does not hold are left
    out. `confirmed` and `referred` say "real", `false_positive` says "not real", `needs_info`
    decides nothing. Times per case are over the counted decisions with both times, a decision
    timed before its claim left out."""
    truths = case_truth(world_dir, out_dir)
    latest = {c: d for c, d in latest_decisions(decisions).items() if c in truths}
    buckets: dict[str, list[str]] = {k: [] for k in ("cc", "cw", "xc", "xw", "missed")}
    undecided = 0
    for case_id, t in truths.items():
        d = latest.get(case_id)
        outcome = d.outcome if d is not None else None
        if outcome in CONFIRMING:
            buckets["cc" if t.real else "cw"].append(case_id)
        elif outcome == "false_positive":
            buckets["xw" if t.real else "xc"].append(case_id)
        if outcome not in DECISIVE:
            undecided += 1
        if t.real and outcome not in CONFIRMING:
            buckets["missed"].append(case_id)
    seconds = [
        s
        for d in latest.values()
        if d.claimed_at is not None and (s := (_utc(d.decided_at) - _utc(d.claimed_at)).total_seconds()) >= 0
    ]
    decisive = len(truths) - undecided
    correct = len(buckets["cc"]) + len(buckets["xc"])
    return ExerciseScore(
        cases=tuple(truths.values()),
        confirmed_correctly=tuple(buckets["cc"]),
        confirmed_wrongly=tuple(buckets["cw"]),
        cleared_correctly=tuple(buckets["xc"]),
        cleared_wrongly=tuple(buckets["xw"]),
        missed=tuple(buckets["missed"]),
        undecided=undecided,
        median_seconds_per_case=float(statistics.median(seconds)) if seconds else None,
        accuracy=correct / decisive if decisive else None,
    )
