"""Evaluate a run against a ground-truth folder (see docs/truth-format.md).

Scores are per person: a person is "flagged as a payer" when any of their accounts (or party
records) is a case member with role `payer`. Cohort false-positive rates count a legitimate
person flagged in any role.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..csvsafe import read_rows
from ..stages.resolve.score import ERScore, er_score
from .network_recall import NetworkRecall, network_recall, networks_of, payers_across_networks

#: cohorts that are not legitimate (`sextortion_offender` is an alias of `extortionist`)
OFFENDER_COHORTS = (
    "offender_payer",
    "facilitator",
    "sextortion_victim",
    "extortionist",
    "sextortion_offender",
)
BUDGETS = (10, 25, 50, 100)


@dataclass
class RoleScore:
    true: int
    flagged: int
    hits: int
    precision: float
    recall: float
    f1: float


@dataclass
class Coherence:
    """Do cases keep true households together and apart? Over pairs of true offenders (payers and
    facilitators, per person) that are in cases. A payer may pay several households (several
    network ids in the truth) and be a member of several cases: a pair is right when the two
    people share a true network, and found when some case holds both."""

    accounts: int
    same_case_pairs: int
    same_network_pairs: int
    both: int
    precision: float
    recall: float
    #: payers who pay a facilitator of another true network, of the payers who pay any (from the
    #: run's transactions): the money joins those networks
    payers_across_networks: int | None = None
    payers_paying_facilitators: int | None = None


@dataclass
class CaseQuality:
    """What an analyst meets in the queue: cases holding a real offender or victim, and how many
    true households share one case."""

    cases: int
    real: int
    p1_cases: int
    p1_real: int
    top20_cases: int
    top20_real: int
    #: the most true households whose facilitators share one case
    max_households_in_case: int
    #: cases holding facilitators of more than two true households
    cases_mixing_over_two: int

    @property
    def share_real(self) -> float:
        return round(self.real / self.cases, 4) if self.cases else 0.0

    @property
    def share_p1_real(self) -> float:
        return round(self.p1_real / self.p1_cases, 4) if self.p1_cases else 0.0

    @property
    def share_top20_real(self) -> float:
        return round(self.top20_real / self.top20_cases, 4) if self.top20_cases else 0.0


@dataclass
class Evaluation:
    payer: RoleScore
    facilitator: RoleScore
    victim: RoleScore
    average_precision_payers: float
    precision_at_budget: dict[str, float]
    cohort_flag_rate: dict[str, float]
    cohort_sizes: dict[str, int]
    n_cases: int
    notes: list[str] = field(default_factory=list)
    coherence: Coherence | None = None
    #: networks seen in both sessions and payments, found (tanglaw.evaluation.network_recall)
    network_recall_sessions_payments: NetworkRecall | None = None
    #: party-pair entity resolution against the truth (from entities.csv), if the run wrote it
    entity_resolution: ERScore | None = None
    #: payer recall per truth trait (few_payments, inbound_only, multi_household): (true, found)
    payer_recall_by_trait: dict[str, tuple[int, int]] = field(default_factory=dict)
    case_quality: CaseQuality | None = None

    def to_json(self) -> str:
        d = asdict(self)
        if self.case_quality is not None:
            q = self.case_quality
            d["case_quality"].update(
                share_real=q.share_real, share_p1_real=q.share_p1_real, share_top20_real=q.share_top20_real
            )
        return json.dumps(d, indent=2)


def _read(path: Path, needed: tuple[str, ...]) -> list[dict[str, str]]:
    """A truth file or a run's output (its neutralised cells restored); a file that is not UTF-8
    or not CSV is a refusal naming its line (`tanglaw.csvsafe.read_rows`)."""
    return read_rows(path, needed)


def _score(true: set[str], flagged: set[str]) -> RoleScore:
    hits = len(true & flagged)
    p = hits / len(flagged) if flagged else 0.0
    r = hits / len(true) if true else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return RoleScore(len(true), len(flagged), hits, round(p, 4), round(r, 4), round(f1, 4))


def case_coherence(
    members: list[dict[str, str]], persons: list[dict[str, str]], accounts: list[dict[str, str]]
) -> Coherence:
    """Precision: share of same-case pairs of offenders that share a true network. Recall: share
    of pairs sharing a true network (both in cases) that some case holds together."""
    network = {
        p["person_id"]: networks_of(p)
        for p in persons
        if p.get("role") in ("payer", "facilitator") and networks_of(p)
    }
    person = {a["account_id"]: a["person_id"] for a in accounts}
    in_case: dict[str, set[str]] = {}
    accounts_seen: set[str] = set()
    for m in members:
        pid = person.get(m["account_id"])
        if pid in network:
            in_case.setdefault(m["case_id"], set()).add(pid)
            accounts_seen.add(m["account_id"])
    together: set[tuple[str, str]] = set()
    same_case = right = 0
    for people in in_case.values():
        ordered = sorted(people)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                same_case += 1
                if network[a] & network[b]:
                    right += 1
                    together.add((a, b))
    found = sorted({p for people in in_case.values() for p in people})
    by_net: dict[str, list[str]] = {}
    for p in found:
        for n in network[p]:
            by_net.setdefault(n, []).append(p)
    same_net = {(a, b) for ps in by_net.values() for i, a in enumerate(ps) for b in ps[i + 1 :]}
    both = len(same_net & together)
    return Coherence(
        accounts=len(accounts_seen),
        same_case_pairs=same_case,
        same_network_pairs=len(same_net),
        both=both,
        precision=round(right / same_case, 4) if same_case else 0.0,
        recall=round(both / len(same_net), 4) if same_net else 0.0,
    )


def case_quality(
    cases: list[dict[str, str]], case_people: dict[str, set[str]], persons: list[dict[str, str]]
) -> CaseQuality:
    cohort = {p["person_id"]: p["cohort"] for p in persons}
    households = {
        p["person_id"]: networks_of(p) for p in persons if p.get("role") == "facilitator" and networks_of(p)
    }
    ordered = sorted(cases, key=lambda c: int(c["rank"]))

    def real(c: dict[str, str]) -> bool:
        return any(cohort.get(p) in OFFENDER_COHORTS for p in case_people.get(c["case_id"], ()))

    mixes = [
        len(set().union(*(households.get(p, set()) for p in case_people.get(c["case_id"], ()))))
        for c in ordered
    ]
    p1 = [c for c in ordered if c.get("priority") == "P1"]
    top = ordered[:20]
    return CaseQuality(
        cases=len(ordered),
        real=sum(real(c) for c in ordered),
        p1_cases=len(p1),
        p1_real=sum(real(c) for c in p1),
        top20_cases=len(top),
        top20_real=sum(real(c) for c in top),
        max_households_in_case=max(mixes, default=0),
        cases_mixing_over_two=sum(1 for m in mixes if m > 2),
    )


def _with_crossing(
    k: Coherence, out: Path, persons: list[dict[str, str]], accounts: list[dict[str, str]]
) -> Coherence:
    crossing = payers_across_networks(out / "workspace.duckdb", persons, accounts)
    if crossing is not None:
        k.payers_across_networks, k.payers_paying_facilitators = crossing
    return k


def evaluate(truth: Path, out: Path) -> Evaluation:
    persons = _read(truth / "persons.csv", ("person_id", "cohort", "role"))
    accounts = _read(truth / "accounts.csv", ("account_id", "person_id"))
    members = _read(out / "case_members.csv", ("case_id", "account_id", "party_id", "role", "score"))
    cases = _read(out / "cases.csv", ("case_id", "rank"))
    cohort = {p["person_id"]: p["cohort"] for p in persons}
    role = {p["person_id"]: p["role"] for p in persons}
    by_account = {a["account_id"]: a["person_id"] for a in accounts}
    by_party = {a.get("party_id", ""): a["person_id"] for a in accounts if a.get("party_id")}
    notes = []
    unmapped = 0
    flagged: dict[str, set[str]] = {"payer": set(), "facilitator": set(), "victim": set(), "any": set()}
    case_people: dict[str, set[str]] = {}
    payer_order: list[str] = []
    rank = {c["case_id"]: int(c["rank"]) for c in cases}
    for m in sorted(members, key=lambda m: (rank.get(m["case_id"], 10**9), -float(m["score"] or 0))):
        pid = by_account.get(m["account_id"]) or by_party.get(m["party_id"])
        if pid is None:
            unmapped += 1
            continue
        flagged["any"].add(pid)
        # a host streaming to paying viewers is on the facilitator side; a viewer who pays, a payer
        role_as = {"host": "facilitator", "viewer": "payer"}.get(m["role"], m["role"])
        if role_as in ("payer", "facilitator", "victim"):
            flagged[role_as].add(pid)
        if role_as == "payer" and pid not in payer_order:
            payer_order.append(pid)
        case_people.setdefault(m["case_id"], set()).add(pid)
    if unmapped:
        notes.append(f"{unmapped} case-member rows name accounts the truth does not know")
    # a person with a role and no account in the bundle (a child held in a household) cannot be
    # named by any run: left out of recall, and counted in a note
    seen = set(by_account.values())
    unseen = sorted(p for p, r in role.items() if r in ("payer", "facilitator", "victim") and p not in seen)
    if unseen:
        notes.append(
            f"{len(unseen)} {'person' if len(unseen) == 1 else 'people'} with an offender or victim "
            "role and no account in the bundle (truth/accounts.csv): left out of recall"
        )
    true_payers = {p for p, r in role.items() if r == "payer" and p in seen}
    true_facs = {p for p, r in role.items() if r == "facilitator" and p in seen}
    true_victims = {p for p, r in role.items() if r == "victim" and p in seen}
    hits, ap_sum = 0, 0.0
    for i, pid in enumerate(payer_order, start=1):
        if pid in true_payers:
            hits += 1
            ap_sum += hits / i
    ap = ap_sum / len(true_payers) if true_payers else 0.0
    ranked_cases = sorted(case_people, key=lambda c: rank.get(c, 10**9))
    offenders = {p for p, c in cohort.items() if c in OFFENDER_COHORTS}
    traits: dict[str, tuple[int, int]] = {}
    for p in persons:
        if p["person_id"] not in true_payers:
            continue
        for t in {t.strip() for t in (p.get("traits") or "").split(";") if t.strip()}:
            n, k = traits.get(t, (0, 0))
            traits[t] = (n + 1, k + (p["person_id"] in flagged["payer"]))
    at_budget = {}
    for k in BUDGETS:
        top = ranked_cases[:k]
        if top:
            good = sum(1 for c in top if case_people[c] & offenders)
            at_budget[str(k)] = round(good / len(top), 4)
    sizes: dict[str, int] = {}
    for c in cohort.values():
        sizes[c] = sizes.get(c, 0) + 1
    rates = {}
    for c, n in sorted(sizes.items()):
        if c in OFFENDER_COHORTS:
            continue
        k = sum(1 for p in flagged["any"] if cohort.get(p) == c)
        rates[c] = round(k / n, 5)
    return Evaluation(
        payer=_score(true_payers, flagged["payer"]),
        facilitator=_score(true_facs, flagged["facilitator"]),
        victim=_score(true_victims, flagged["victim"]),
        average_precision_payers=round(ap, 4),
        precision_at_budget=at_budget,
        cohort_flag_rate=rates,
        cohort_sizes=sizes,
        n_cases=len(cases),
        notes=notes,
        coherence=_with_crossing(case_coherence(members, persons, accounts), out, persons, accounts),
        network_recall_sessions_payments=network_recall(
            out / "workspace.duckdb", persons, accounts, flagged["any"]
        ),
        entity_resolution=_entity_resolution(out, by_party),
        payer_recall_by_trait=dict(sorted(traits.items())),
        case_quality=case_quality(cases, case_people, persons),
    )


def _entity_resolution(out: Path, by_party: dict[str, str]) -> ERScore | None:
    if not (out / "entities.csv").exists():
        return None
    rows = _read(out / "entities.csv", ("entity_id", "party_id"))
    return er_score({r["party_id"]: r["entity_id"] for r in rows if r["party_id"]}, by_party)
