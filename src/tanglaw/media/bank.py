"""A hash bank: named PDQ hashes with where they came from, a distance threshold and a role.

A bank is what HMA calls a bank and python-threatexchange a collaboration's dataset: a list of
hashes of known material, each with a little metadata, matched at a per-bank Hamming distance
(PDQ's recommended 31 by default; HMA's roadmap asks for per-bank thresholds). A bank's role is
"match" (a hit is an alert) or "suppress": a list of known false positives, such as a benign logo
whose hash collides with a banked one; a hit on a suppression bank silences the alerts of the
same picture (see matcher.py).

    bank = Bank("ncmec-sample", threshold=31)
    eid = bank.add(BankEntry("d8f8…", content_id="123", source="ncmec", tags=("csam",)))
    bank.query("d8f8…")           -> [BankHit(entry_id=eid, entry=…, distance=0)]
    bank.remove(eid)              -> True

Entry ids are the index's ids: small ints, stable while the entry exists. Reading and writing
banks as files is in bankfile.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from .hashes import BITS, DEFAULT_THRESHOLD, parse_hash, to_words
from .index import HashLike, PdqIndex

Role = Literal["match", "suppress"]
#: default distance for suppression banks: tighter than matching, so a false-positive entry
#: silences only near-copies of the benign picture it was made from
DEFAULT_SUPPRESS_THRESHOLD = 16


@dataclass(frozen=True, slots=True)
class BankEntry:
    """One banked hash and what is known about it (every field but `hash` may be empty).

    content_id  the item the hash was made from (HMA indicator id; a video's name for its frames)
    ref_id      a second reference, e.g. a ThreatExchange descriptor id
    source      where it came from (a collaboration, a privacy group, an exchange)
    category    an opinion such as POSITIVE_CLASS (python-threatexchange SignalOpinionCategory)
    tags        labels
    added_at    when it was added, as the source wrote it
    """

    hash: str
    content_id: str = ""
    ref_id: str = ""
    source: str = ""
    category: str = ""
    tags: tuple[str, ...] = ()
    added_at: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "hash", parse_hash(self.hash))
        object.__setattr__(self, "tags", tuple(self.tags))

    @property
    def key(self) -> str:
        """What a match is about: the content id, or the hash itself when there is none."""
        return self.content_id or self.hash


@dataclass(frozen=True, slots=True)
class BankHit:
    """An entry of a bank within the bank's threshold of a query."""

    bank: str
    entry_id: int
    entry: BankEntry
    distance: int


@dataclass
class Bank:
    """Entries plus an index over their hashes; add and remove at any time."""

    name: str
    threshold: int = DEFAULT_THRESHOLD
    role: Role = "match"
    _entries: dict[int, BankEntry] = field(default_factory=dict, repr=False)
    _index: PdqIndex = field(default_factory=PdqIndex, repr=False)

    def __post_init__(self) -> None:
        if not 0 <= self.threshold <= BITS:
            raise ValueError(
                f"bank {self.name}: threshold must be between 0 and {BITS}, not {self.threshold}"
            )
        if self.role not in ("match", "suppress"):
            raise ValueError(f"bank {self.name}: role must be 'match' or 'suppress', not {self.role!r}")

    @classmethod
    def of(
        cls,
        name: str,
        entries: Iterable[BankEntry],
        threshold: int | None = None,
        role: Role = "match",
    ) -> Bank:
        """A bank holding `entries`, indexed in one pass."""
        if threshold is None:
            threshold = DEFAULT_SUPPRESS_THRESHOLD if role == "suppress" else DEFAULT_THRESHOLD
        bank = cls(name, threshold, role)
        bank.add_many(list(entries))
        return bank

    def add(self, entry: BankEntry) -> int:
        return int(self.add_many([entry])[0])

    def add_many(self, entries: Sequence[BankEntry]) -> list[int]:
        ids = self._index.add(to_words([e.hash for e in entries]))
        for i, e in zip(ids.tolist(), entries, strict=True):
            self._entries[i] = e
        return list(ids.tolist())

    def remove(self, entry_id: int) -> bool:
        """Remove one entry; False when there is no such entry."""
        if entry_id not in self._entries:
            return False
        self._index.remove([entry_id])
        del self._entries[entry_id]
        return True

    def remove_hash(self, h: str) -> int:
        """Remove every entry whose hash is exactly `h`; returns how many."""
        ids, _ = self._index.query(parse_hash(h), 0)
        for i in ids.tolist():
            self.remove(i)
        return len(ids)

    def query(self, h: HashLike, threshold: int | None = None) -> list[BankHit]:
        """Entries within `threshold` (default: the bank's) of `h`, nearest first."""
        ids, dists = self._index.query(h, self.threshold if threshold is None else threshold)
        order = np.argsort(dists, kind="stable")
        return [
            BankHit(self.name, int(ids[k]), self._entries[int(ids[k])], int(dists[k])) for k in order.tolist()
        ]

    def optimize(self) -> None:
        """Re-index into one segment (fastest lookups; worth it after a large import)."""
        self._index.optimize()

    def get(self, entry_id: int) -> BankEntry | None:
        return self._entries.get(entry_id)

    def items(self) -> Iterator[tuple[int, BankEntry]]:
        """(entry id, entry) in the order the entries were added."""
        yield from list(self._entries.items())

    def __iter__(self) -> Iterator[BankEntry]:
        for _, e in self.items():
            yield e

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def index(self) -> PdqIndex:
        return self._index
