"""Evaluate a run against a ground-truth folder (see docs/truth-format.md).

Scores are per person: a person is "flagged as a payer" when any of their accounts (or party
records) is a case member with role `payer`. Cohort false-positive rates count a legitimate
person flagged in any role.
"""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import BundleError, Problem
from .network_recall import NetworkRecall, network_recall, payers_across_networks
from .resolution.score import ERScore, er_score, pair_count

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
    """Do cases keep true networks together and apart? Over pairs of true offenders' accounts
    (role payer or facilitator) that are in cases."""

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
    #: networks seen in both sessions and payments, found (tanglaw.network_recall)
    network_recall_sessions_payments: NetworkRecall | None = None
    #: party-pair entity resolution against the truth (from entities.csv), if the run wrote it
    entity_resolution: ERScore | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2)


def _read(path: Path, needed: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.exists():
        raise BundleError([Problem(str(path), None, None, "no such file")])
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    have = set(rows[0]) if rows else set(needed)
    missing = [c for c in needed if c not in have]
    if missing:
        raise BundleError([Problem(path.name, 1, c, "a required column is missing") for c in missing])
    return rows


def _score(true: set[str], flagged: set[str]) -> RoleScore:
    hits = len(true & flagged)
    p = hits / len(flagged) if flagged else 0.0
    r = hits / len(true) if true else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return RoleScore(len(true), len(flagged), hits, round(p, 4), round(r, 4), round(f1, 4))


def case_coherence(
    members: list[dict[str, str]], persons: list[dict[str, str]], accounts: list[dict[str, str]]
) -> Coherence:
    """Precision: share of same-case pairs of offender accounts that are in the same true network.
    Recall: share of same-true-network pairs (both in cases) that are in the same case."""
    network = {
        p["person_id"]: p.get("network_id") or ""
        for p in persons
        if p.get("role") in ("payer", "facilitator") and (p.get("network_id") or "")
    }
    person = {a["account_id"]: a["person_id"] for a in accounts}
    case_of: dict[str, str] = {}
    for m in members:
        pid = person.get(m["account_id"])
        if pid in network and m["account_id"] not in case_of:
            case_of[m["account_id"]] = m["case_id"]
    same_case = pair_count(case_of.values())
    same_net = pair_count(network[person[a]] for a in case_of)
    both = pair_count((c, network[person[a]]) for a, c in case_of.items())
    return Coherence(
        accounts=len(case_of),
        same_case_pairs=same_case,
        same_network_pairs=same_net,
        both=both,
        precision=round(both / same_case, 4) if same_case else 0.0,
        recall=round(both / same_net, 4) if same_net else 0.0,
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
    true_payers = {p for p, r in role.items() if r == "payer"}
    true_facs = {p for p, r in role.items() if r == "facilitator"}
    true_victims = {p for p, r in role.items() if r == "victim"}
    hits, ap_sum = 0, 0.0
    for i, pid in enumerate(payer_order, start=1):
        if pid in true_payers:
            hits += 1
            ap_sum += hits / i
    ap = ap_sum / len(true_payers) if true_payers else 0.0
    ranked_cases = sorted(case_people, key=lambda c: rank.get(c, 10**9))
    offenders = {p for p, c in cohort.items() if c in OFFENDER_COHORTS}
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
    )


def _entity_resolution(out: Path, by_party: dict[str, str]) -> ERScore | None:
    if not (out / "entities.csv").exists():
        return None
    rows = _read(out / "entities.csv", ("entity_id", "party_id"))
    return er_score({r["party_id"]: r["entity_id"] for r in rows if r["party_id"]}, by_party)
