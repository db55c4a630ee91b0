"""A mutable in-memory index of PDQ hashes: add and remove at any time, look up by Hamming distance.

    idx = PdqIndex()
    ids = idx.add(["d8f8…", "e64c…"])        # ids are small ints, stable until removed
    idx.remove([ids[0]])                      # a tombstone; the id is re-used by a later add
    hit_ids, dists = idx.query("d8f8…", 31)    # every live id within 31 bits, exactly

How it stays fast without a full rebuild:
  * hashes live in one growable (capacity, 4) uint64 array, indexed by id; removed ids go on a
    free list and are handed out again, so memory stays bounded under churn;
  * new hashes land in a small tail that lookups scan; a full tail is sealed into an immutable
    multi-index `Segment` (see mih.py), and segments merge like a binary counter (the
    Bentley–Saxe "logarithmic method"): each hash is re-indexed O(log n) times over its life and a
    lookup visits O(log n) segments; a bulk add of many hashes becomes one segment at once;
  * a removal only clears the id's `alive` bit; a segment whose dead share passes a third is
    rebuilt alone; `optimize()` merges everything into one segment when a caller wants the
    fastest lookups (e.g. after a large import).

Lookups are exact: candidates from the tail and each segment are verified against the stored
hash with XOR and popcount, then filtered by `alive`. The index is not thread-safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from .hashes import BITS, DEFAULT_THRESHOLD, Words, distances, parse_hash, to_int, to_words
from .mih import FLAT_LIMIT, WIDE_FROM, Segment, choose_layout

#: a tail this long is sealed into a segment
TAIL_LIMIT = FLAT_LIMIT
#: a segment with more than this share of dead ids is rebuilt
DEAD_SHARE = 1 / 3

HashLike = str | Words
IdArray = npt.NDArray[np.int64]
DistArray = npt.NDArray[np.uint16]


def as_words(hashes: Sequence[str] | Words) -> Words:
    """(n, 4) uint64 words from checked hex strings or an array of words."""
    if isinstance(hashes, np.ndarray):
        arr = np.ascontiguousarray(hashes, dtype=np.uint64)
        if arr.ndim != 2 or arr.shape[1] != 4:
            raise ValueError(f"hash words must have shape (n, 4), not {arr.shape}")
        return arr
    return to_words([parse_hash(h) for h in hashes])


def one_hash(h: HashLike) -> Words:
    if isinstance(h, str):
        return to_words(parse_hash(h))
    arr = np.asarray(h, dtype=np.uint64)
    if arr.size != 4:
        raise ValueError(f"one hash is 4 uint64 words, not shape {arr.shape}")
    return arr.reshape(4)


class PdqIndex:
    """Exact Hamming-distance lookup over a changing set of PDQ hashes (see the module docstring)."""

    def __init__(
        self,
        capacity: int = 1024,
        *,
        tail_limit: int = TAIL_LIMIT,
        flat_limit: int = FLAT_LIMIT,
        wide_from: int = WIDE_FROM,
    ) -> None:
        """`tail_limit`, `flat_limit` and `wide_from` tune when hashes are sealed and how blocks are
        cut (see mih.choose_layout); the defaults are the measured best, tests make them small."""
        capacity = max(16, capacity)
        self.tail_limit = max(1, tail_limit)
        self.flat_limit = flat_limit
        self.wide_from = wide_from
        self._words = np.zeros((capacity, 4), dtype=np.uint64)
        self._alive = np.zeros(capacity, dtype=bool)
        self._seg_of = np.full(capacity, -1, dtype=np.int32)
        self._next = 0  # ids below this have been handed out at least once
        self._free: list[int] = []
        self._tail: list[int] = []
        self._tail_arr: IdArray | None = None
        self._segments: list[Segment] = []
        self._serial = 0
        self._count = 0

    # -- building -----------------------------------------------------------------------------

    @classmethod
    def build(cls, hashes: Sequence[str] | Words, **limits: int) -> PdqIndex:
        """An index holding `hashes` as ids 0..n-1 (one segment when there are enough of them)."""
        words = as_words(hashes)
        idx = cls(capacity=len(words), **limits)
        idx.add(words)
        return idx

    def _grow(self, need: int) -> None:
        cap = len(self._alive)
        if need <= cap:
            return
        new = max(need, cap * 2)
        words = np.zeros((new, 4), dtype=np.uint64)
        words[:cap] = self._words
        alive = np.zeros(new, dtype=bool)
        alive[:cap] = self._alive
        seg_of = np.full(new, -1, dtype=np.int32)
        seg_of[:cap] = self._seg_of
        self._words, self._alive, self._seg_of = words, alive, seg_of

    def _take_ids(self, n: int) -> IdArray:
        reuse = min(n, len(self._free))
        ids = np.empty(n, dtype=np.int64)
        if reuse:
            ids[:reuse] = self._free[-reuse:][::-1]
            del self._free[-reuse:]
        fresh = n - reuse
        if fresh:
            self._grow(self._next + fresh)
            ids[reuse:] = np.arange(self._next, self._next + fresh)
            self._next += fresh
        return ids

    def add(self, hashes: Sequence[str] | Words) -> IdArray:
        """Add hashes (hex strings or (n, 4) words); returns their ids in the same order."""
        words = as_words(hashes)
        n = len(words)
        ids = self._take_ids(n)
        if n == 0:
            return ids
        self._words[ids] = words
        self._alive[ids] = True
        self._count += n
        if n >= self.tail_limit:
            self._push_segment(ids)
        else:
            self._tail_extend(ids)
            if len(self._tail) >= self.tail_limit:
                self._seal_tail()
        return ids

    def remove(self, ids: Sequence[int] | IdArray) -> int:
        """Remove ids (unknown or already removed ids are ignored); returns how many were removed."""
        gone = np.unique(np.asarray(ids, dtype=np.int64))
        gone = gone[(gone >= 0) & (gone < self._next)]
        gone = gone[self._alive[gone]]
        if len(gone) == 0:
            return 0
        self._alive[gone] = False
        serials, counts = np.unique(self._seg_of[gone], return_counts=True)
        self._seg_of[gone] = -1
        self._free.extend(int(i) for i in gone)
        self._count -= len(gone)
        by_serial = {s.serial: s for s in self._segments}
        for serial, count in zip(serials.tolist(), counts.tolist(), strict=True):
            seg = by_serial.get(serial)
            if seg is None:
                continue
            seg.dead += count
            if seg.dead > DEAD_SHARE * seg.size:
                self._rebuild(seg)
                # a rebuild can seal the tail, and sealing merges segments: a segment still to be
                # visited may be gone (merged with only its live members), so look them up again
                by_serial = {s.serial: s for s in self._segments}
        return len(gone)

    def _set_tail(self, ids: list[int]) -> None:
        self._tail = ids
        self._tail_arr = None

    def _tail_extend(self, ids: IdArray) -> None:
        self._tail.extend(int(i) for i in ids)
        self._tail_arr = None

    def _new_segment(self, ids: IdArray) -> Segment:
        self._serial += 1
        layout = choose_layout(len(ids), self.flat_limit, self.wide_from)
        seg = Segment(self._serial, ids, self._words[ids], layout)
        self._seg_of[ids] = seg.serial
        return seg

    def _members(self, seg: Segment) -> IdArray:
        ids = seg.ids.astype(np.int64)
        keep = self._alive[ids] & (self._seg_of[ids] == seg.serial)
        return ids[keep]

    def _seal_tail(self) -> None:
        if not self._tail:
            return
        ids = np.unique(np.array(self._tail, dtype=np.int64))
        self._set_tail([])
        ids = ids[self._alive[ids] & (self._seg_of[ids] == -1)]
        if len(ids):
            self._push_segment(ids)

    def _push_segment(self, ids: IdArray) -> None:
        self._segments.append(self._new_segment(ids))
        # binary-counter merging: keep segment sizes at least doubling towards the oldest
        while len(self._segments) >= 2 and self._segments[-2].live < 2 * self._segments[-1].live:
            b = self._segments.pop()
            a = self._segments.pop()
            self._segments.append(self._new_segment(np.concatenate([self._members(a), self._members(b)])))

    def _rebuild(self, seg: Segment) -> None:
        pos = self._segments.index(seg)
        members = self._members(seg)
        if len(members) < self.tail_limit:
            del self._segments[pos]
            self._seg_of[members] = -1
            self._tail_extend(members)
            if len(self._tail) >= self.tail_limit:
                self._seal_tail()
        else:
            self._segments[pos] = self._new_segment(members)

    def optimize(self) -> None:
        """Merge the tail and every segment into one segment (the fastest shape for lookups)."""
        ids = np.flatnonzero(self._alive[: self._next]).astype(np.int64)
        self._segments = []
        self._set_tail([])
        self._seg_of[: self._next] = -1
        if len(ids) >= self.tail_limit:
            self._segments.append(self._new_segment(ids))
        else:
            self._tail_extend(ids)

    # -- lookup -------------------------------------------------------------------------------

    def query(self, h: HashLike, threshold: int = DEFAULT_THRESHOLD) -> tuple[IdArray, DistArray]:
        """Every live id whose hash is within `threshold` bits of `h`: (ids ascending, distances)."""
        if not 0 <= threshold <= BITS:
            raise ValueError(f"threshold must be between 0 and {BITS}, not {threshold}")
        q = one_hash(h)
        qi = to_int(q)
        parts: list[npt.NDArray[Any]] = [s.candidates(qi, threshold) for s in self._segments]
        if self._tail:
            if self._tail_arr is None:
                self._tail_arr = np.array(self._tail, dtype=np.int64)
            parts.append(self._tail_arr)
        parts = [p for p in parts if len(p)]
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.uint16)
        cand = (np.concatenate(parts) if len(parts) > 1 else parts[0]).astype(np.intp, copy=False)
        d = distances(np.take(self._words, cand, axis=0), q)
        ok = np.flatnonzero(d <= threshold)
        cand, d = cand[ok], d[ok]
        ok = self._alive[cand]
        ids, first = np.unique(cand[ok], return_index=True)
        return ids.astype(np.int64), d[ok][first]

    def query_many(
        self, hashes: Sequence[str] | Words, threshold: int = DEFAULT_THRESHOLD
    ) -> list[tuple[IdArray, DistArray]]:
        """`query` for each hash in turn."""
        words = as_words(hashes)
        return [self.query(w, threshold) for w in words]

    # -- inspection ---------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._count

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int | np.integer) and 0 <= int(i) < self._next and bool(self._alive[int(i)])

    def hash_words(self, i: int) -> Words:
        if i not in self:
            raise KeyError(i)
        return self._words[i].copy()

    def ids(self) -> IdArray:
        """Live ids, ascending."""
        return np.flatnonzero(self._alive[: self._next]).astype(np.int64)

    @property
    def segment_sizes(self) -> list[int]:
        return [s.size for s in self._segments]

    @property
    def tail_size(self) -> int:
        return len(self._tail)

    @property
    def nbytes(self) -> int:
        """Bytes of the index's numpy arrays (hashes, flags, segment tables)."""
        base = self._words.nbytes + self._alive.nbytes + self._seg_of.nbytes
        return int(base + sum(s.nbytes for s in self._segments) + 8 * len(self._tail) + 8 * len(self._free))
