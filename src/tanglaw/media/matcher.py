"""Match a picture's PDQ hash(es) against banks: per-bank thresholds, suppression, quarantine.

    m = Matcher([csam_bank, fp_bank], quarantine=QuarantinePolicy(100, 3600))
    r = m.match("d8f8…")                              # one hash
    r = m.match(hash_image_dihedral("photo.jpg"))     # the 8 rotations and flips of a picture
    r.alerts        -> matches to act on
    r.matches       -> every match, each with a status: "alert", "suppressed" or "quarantined"

Rules, in order:
  1. a query whose PDQ quality is below `min_quality` (50, PDQ's advice) is not matched at all:
     flat or tiny pictures hash to near-constant values that match everything;
  2. each "match" bank is searched at its own threshold (or a caller's override), with every
     dihedral variant given; an entry found by several variants is reported once, at its
     smallest distance, naming the variant ("original", "rotate90", …);
  3. if any variant lies within a "suppress" bank's threshold, the picture is a known false
     positive: its matches are kept for audit with status "suppressed";
  4. a match on a quarantined entry, or the one that trips the quarantine policy, has status
     "quarantined" (quarantine.py). Suppressed matches are not counted towards quarantine.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from .bank import Bank, BankEntry, BankHit
from .hashes import MIN_QUALITY, parse_hash
from .image import DihedralHashes
from .quarantine import Quarantine, QuarantinePolicy

Status = Literal["alert", "suppressed", "quarantined"]
Query = str | DihedralHashes | Mapping[str, str]


@dataclass(frozen=True)
class Match:
    """One bank entry a query matched, how closely, through which variant, and what to do with it."""

    bank: str
    entry_id: int
    entry: BankEntry
    distance: int
    transform: str
    status: Status


@dataclass(frozen=True)
class MatchResult:
    """Everything one query found."""

    query: str
    quality: int | None
    matches: tuple[Match, ...] = ()
    suppressed_by: tuple[BankHit, ...] = ()
    skipped: str | None = None

    @property
    def alerts(self) -> tuple[Match, ...]:
        return tuple(m for m in self.matches if m.status == "alert")


def _variants(query: Query) -> tuple[dict[str, str], int | None]:
    if isinstance(query, DihedralHashes):
        return dict(query.hashes), query.quality
    if isinstance(query, str):
        return {"original": parse_hash(query)}, None
    return {k: parse_hash(v) for k, v in query.items()}, None


class Matcher:
    """Banks (match and suppress) plus the quarantine state; see the module docstring for the rules."""

    def __init__(
        self,
        banks: Iterable[Bank],
        *,
        quarantine: Quarantine | QuarantinePolicy | None = None,
        min_quality: int = MIN_QUALITY,
        clock: Callable[[], float] = time.time,
    ) -> None:
        banks = list(banks)
        names = [b.name for b in banks]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"two banks share the name {', '.join(dupes)}")
        self.banks = [b for b in banks if b.role == "match"]
        self.suppression = [b for b in banks if b.role == "suppress"]
        self.quarantine = quarantine if isinstance(quarantine, Quarantine) else Quarantine(quarantine)
        self.quarantine_enabled = quarantine is not None
        self.min_quality = min_quality
        self.clock = clock

    def match(
        self,
        query: Query,
        *,
        quality: int | None = None,
        threshold: int | None = None,
        now: float | None = None,
        record: bool | Callable[[str, int], bool] = True,
    ) -> MatchResult:
        """Match one picture. `quality` overrides the query's own; `threshold` overrides every
        match bank's; `record` says whether (or, as a function of bank and entry id, which)
        matches count towards quarantine."""
        variants, q = _variants(query)
        quality = q if quality is None else quality
        first = variants.get("original", next(iter(variants.values())))
        if quality is not None and quality < self.min_quality:
            return MatchResult(first, quality, skipped=f"quality {quality} is below {self.min_quality}")

        suppressed_by: list[BankHit] = []
        for bank in self.suppression:
            for h in variants.values():
                suppressed_by.extend(bank.query(h))
        best: dict[tuple[str, int], tuple[int, int, str, BankHit]] = {}
        for bank in self.banks:
            for rank, (name, h) in enumerate(variants.items()):
                for hit in bank.query(h, threshold):
                    key = (bank.name, hit.entry_id)
                    cand = (hit.distance, rank, name, hit)
                    if key not in best or cand[:2] < best[key][:2]:
                        best[key] = cand
        when = self.clock() if now is None else now
        matches = []
        for (bank_name, entry_id), (dist, _, name, hit) in sorted(best.items(), key=lambda kv: kv[1][:2]):
            status: Status = "alert"
            if suppressed_by:
                status = "suppressed"
            elif self.quarantine_enabled:
                counts = record(bank_name, entry_id) if callable(record) else record
                if self.quarantine.is_held(bank_name, entry_id) or (
                    counts and self.quarantine.record(bank_name, entry_id, when)
                ):
                    status = "quarantined"
            matches.append(Match(bank_name, entry_id, hit.entry, dist, name, status))
        return MatchResult(first, quality, tuple(matches), tuple(suppressed_by))
