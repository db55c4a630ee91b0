"""Join merged pairs of party records into entities, never two birth dates no pair weighed.

Connected components over the merged pairs chain records through a third: a platform profile with
no birth date shares an e-mail and a name with a payer's KYC record abroad and, by the same
e-mail, with a namesake's wallet in the Philippines, and the two people become one entity (and the
payer "a facilitator" of the namesake's customers). Pairs are therefore joined strongest first
(Splink's match probability, then its match weight, then the party ids), and a pair is refused
when its two clusters hold birth dates that disagree (the level Splink itself calls "birth dates
differ": not equal, not differing in one part of year, month and day, not day and month swapped)
unless two records bearing those dates are themselves a merged pair: Splink weighed the dates in
that pair's own score and found the rest stronger (a wallet registered under a relative's name
with the collector's phone, e-mail and address). A chain through a third record weighs nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date


def birth_dates_disagree(a: date, b: date) -> bool:
    """True when `a` and `b` cannot be one person's birth date with one typo in it."""
    if a == b:
        return False
    same = (a.year == b.year) + (a.month == b.month) + (a.day == b.day)
    if same == 2:
        return False
    return not (a.year == b.year and a.month == b.day and a.day == b.month)


def constrained_components(
    edges: Sequence[tuple[str, str]],
    birth_dates: dict[str, date],
) -> tuple[dict[str, str], list[tuple[int, date, date]]]:
    """Label each node of `edges` with the smallest node of its cluster (a record in no pair is
    an entity of its own, and not labelled here); return the labels and, per edge refused, its
    index and the two birth dates that disagreed. `edges` come strongest first."""
    parent: dict[str, str] = {n: n for e in edges for n in e}
    size: dict[str, int] = dict.fromkeys(parent, 1)
    # per cluster root: birth date -> the records bearing it
    dated: dict[str, dict[date, set[str]]] = {n: {birth_dates[n]: {n}} for n in parent if n in birth_dates}
    direct = {frozenset(e) for e in edges}

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def weighed(xs: set[str], ys: set[str]) -> bool:
        return any(frozenset((x, y)) in direct for x in xs for y in ys)

    refused: list[tuple[int, date, date]] = []
    for i, (a, b) in enumerate(edges):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        da, db = dated.get(ra, {}), dated.get(rb, {})
        clash = next(
            (
                (x, y)
                for x in sorted(da)
                for y in sorted(db)
                if birth_dates_disagree(x, y) and not weighed(da[x], db[y])
            ),
            None,
        )
        if clash:
            refused.append((i, *clash))
            continue
        if size[ra] < size[rb]:
            ra, rb = rb, ra
        parent[rb] = ra
        size[ra] += size.pop(rb)
        moved = dated.pop(rb, None)
        if moved:
            into = dated.setdefault(ra, {})
            for d, who in moved.items():
                into.setdefault(d, set()).update(who)
    smallest: dict[str, str] = {}
    for n in parent:
        r = find(n)
        if r not in smallest or n < smallest[r]:
            smallest[r] = n
    return {n: smallest[find(n)] for n in parent}, refused
