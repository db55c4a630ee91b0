"""Party-pair precision and recall of entity resolution against a ground truth.

A pair of party records is "merged" when both are in one entity (`entities.csv`) and "true"
when both belong to one person (`truth/accounts.csv`: party_id → person_id). Only party records
the truth knows are counted. Pairs are counted per group, never listed, so 1M records are cheap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class ERScore:
    records: int
    true_pairs: int
    merged_pairs: int
    both: int
    precision: float
    recall: float
    f1: float


def pair_count(groups: Iterable[object]) -> int:
    """How many unordered pairs of items share a group, given each item's group."""
    return sum(n * (n - 1) // 2 for n in Counter(groups).values())


def er_score(entity_of: dict[str, str], person_of: dict[str, str]) -> ERScore:
    """Score `entity_of` (party_id → entity_id) against `person_of` (party_id → person_id)."""
    common = [p for p in entity_of if p in person_of]
    true_pairs = pair_count(person_of[p] for p in common)
    merged = pair_count(entity_of[p] for p in common)
    both = pair_count((entity_of[p], person_of[p]) for p in common)
    precision = both / merged if merged else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ERScore(len(common), true_pairs, merged, both, round(precision, 4), round(recall, 4), round(f1, 4))
