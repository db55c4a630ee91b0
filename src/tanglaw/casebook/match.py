"""Match this run's networks to the case book's cases by the accounts they share.

Pure functions, no storage: given the member accounts of each network found now and of each case
the book knows (as last seen), decide which network keeps which case id, which cases merged,
which split, which are new and which are absent from this run.

Rules (an investigator's reading of "the same network"):

* pairs (network, case) are taken greedily by shared accounts, most first, older case first on a
  tie; each network and each case is taken once: the network keeps that case's id (a network
  that grew, shrank or changed a little keeps its id);
* a case left without a network, but sharing accounts with one that another case took, is
  **merged** into that case (the one it shares most accounts with);
* a network left without a case, but sharing accounts with a case another network took, is a
  **split**: it gets a new id that records the case it split from;
* a network sharing no account with any case is **new**; a case sharing none with any network is
  **absent** from this run (it stays in the book, with its status, notes and history).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Assignment:
    network_id: str
    #: the case id the network has after this run; None for a new network (the book gives one)
    case_id: str | None
    #: `kept`, `split` or `new`
    kind: str
    #: for a split: the case it split from
    split_from: str | None = None
    #: old cases merged into this network's case
    merged: tuple[str, ...] = ()


@dataclass
class Matching:
    assignments: list[Assignment] = field(default_factory=list)
    #: merged case → the case it merged into
    merged_into: dict[str, str] = field(default_factory=dict)
    #: cases with no network this run
    absent: list[str] = field(default_factory=list)


def match(
    networks: Mapping[str, set[str]],
    cases: Mapping[str, set[str]],
    case_order: Sequence[str] | None = None,
) -> Matching:
    """Match `networks` (network_id → accounts) to `cases` (case_id → accounts).

    `case_order` lists case ids oldest first (ties go to the older case); by default, sorted ids.
    """
    order = {c: i for i, c in enumerate(case_order if case_order is not None else sorted(cases))}
    by_account: dict[str, list[str]] = {}
    for cid, accounts in cases.items():
        for a in accounts:
            by_account.setdefault(a, []).append(cid)
    overlap: dict[tuple[str, str], int] = {}
    for nid, accounts in networks.items():
        for a in accounts:
            for cid in by_account.get(a, ()):
                overlap[(nid, cid)] = overlap.get((nid, cid), 0) + 1
    pairs = sorted(
        overlap.items(), key=lambda kv: (-kv[1], order.get(kv[0][1], len(order)), kv[0][1], kv[0][0])
    )
    net_case: dict[str, str] = {}
    case_net: dict[str, str] = {}
    for (nid, cid), _n in pairs:
        if nid not in net_case and cid not in case_net:
            net_case[nid] = cid
            case_net[cid] = nid
    result = Matching()
    merged: dict[str, list[str]] = {}
    for (nid, cid), _n in pairs:  # most shared first: a left-over case merges into its best network
        if cid not in case_net and cid not in result.merged_into:
            target = net_case[nid]  # every network a left-over case touches was taken
            result.merged_into[cid] = target
            merged.setdefault(nid, []).append(cid)
    split_from: dict[str, str] = {}
    for (nid, cid), _n in pairs:
        if nid not in net_case and nid not in split_from:
            split_from[nid] = cid
    for nid in sorted(networks):
        if nid in net_case:
            result.assignments.append(
                Assignment(nid, net_case[nid], "kept", merged=tuple(sorted(merged.get(nid, []))))
            )
        elif nid in split_from:
            result.assignments.append(Assignment(nid, None, "split", split_from=split_from[nid]))
        else:
            result.assignments.append(Assignment(nid, None, "new"))
    touched = {cid for (_nid, cid) in overlap}
    result.absent = sorted(c for c in cases if c not in touched)
    return result
