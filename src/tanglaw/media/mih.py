"""One immutable block of hashes indexed for fast near-neighbour lookup (multi-index hashing).

Multi-index hashing (Norouzi, Punjani and Fleet, "Fast search in Hamming space with multi-index
hashing", CVPR 2012; also ThreatExchange pdq/README-MIH.md): cut the 256 bits into `m` chunks.
If two hashes differ in at most `t` bits, then by pigeonhole at least one chunk differs in at
most r = t // m bits. So a lookup probes, in each chunk, every key within r flips of the
query's key, gathers the hashes filed under those keys (the candidates) and lets the caller
verify the true distance. Nothing is missed at any threshold: a larger `t` only means more
probes (for very large `t` a segment is scanned instead).

Each chunk is a table in compressed-row form: `order` lists the segment's ids sorted by that
chunk's key and `offsets[key]:offsets[key + 1]` is the slice filed under `key`. Tables are built
with numpy's radix sort, so building a million hashes takes about a second per few chunks.

The chunking follows the segment's size (measured in benchmarks/bench_pdq_index.py): wider
chunks keep buckets nearly empty when there are many hashes, narrow ones keep the tables small
when there are few. Blocks below `FLAT_LIMIT` hashes are not indexed at all and are scanned.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from .hashes import BITS, Words

#: below this many hashes a block is scanned rather than indexed
FLAT_LIMIT = 2048
#: from this many hashes on, a block uses 11 wide chunks instead of 16 narrow ones
WIDE_FROM = 1_200_000
#: a lookup that would probe more keys than this share of the block's size scans the block instead
MAX_PROBE_SHARE = 0.25

IdArray = npt.NDArray[np.int64]
_Plan = tuple[npt.NDArray[np.intp], npt.NDArray[np.int64], npt.NDArray[np.int64]]


@dataclass(frozen=True)
class Layout:
    """How the 256 bits are cut: chunk widths, most significant chunk first."""

    widths: tuple[int, ...]

    @property
    def chunks(self) -> int:
        return len(self.widths)

    @property
    def starts(self) -> tuple[int, ...]:
        return tuple(int(s) for s in np.cumsum((0, *self.widths[:-1])))

    @staticmethod
    def even(m: int) -> Layout:
        """`m` chunks whose widths differ by at most one bit."""
        base, extra = divmod(BITS, m)
        return Layout(tuple(base + 1 if i < extra else base for i in range(m)))


def choose_layout(size: int, flat_limit: int = FLAT_LIMIT, wide_from: int = WIDE_FROM) -> Layout | None:
    """The chunking for a block of `size` hashes; None means "scan it".

    Measured on random hashes at distance 31, one query per call on this project's 2-core
    machine: 16 chunks of 16 bits (1 flip per chunk, 272 probes, 4 MB of tables) are as fast as
    anything up to about a million hashes (4,800 lookups/s at 1M; 104 MiB in all); beyond, their
    buckets fill up and 11 chunks of 23-24 bits (2 flips per chunk, about 3,000 probes, a fixed
    470 MB of tables) keep candidates few: 7,200 against 3,700 lookups/s at 1.5M, 6,700 against
    2,800 at 2M. Narrower chunks (21 of 12 bits) never won, not even for small blocks.
    """
    if size < flat_limit:
        return None
    if size < wide_from:
        return Layout.even(16)
    return Layout.even(11)


@cache
def flip_masks(width: int, flips: int) -> npt.NDArray[np.int64]:
    """Every mask of `width` bits with at most `flips` bits set (0 first)."""
    out = [0]
    for k in range(1, flips + 1):
        for combo in itertools.combinations(range(width), k):
            out.append(sum(1 << b for b in combo))
    return np.array(out, dtype=np.int64)


def probe_count(layout: Layout, flips: int) -> int:
    """Keys a lookup probes with up to `flips` flipped bits per chunk (without listing them)."""
    return sum(math.comb(w, k) for w in layout.widths for k in range(flips + 1))


def chunk_keys(words: Words, start: int, width: int) -> npt.NDArray[np.uint32]:
    """The `width`-bit key at bit `start` (0 = most significant) of every row of an (n, 4) array."""
    word, off = divmod(start, 64)
    end = off + width
    if end <= 64:
        v = words[:, word] >> np.uint64(64 - end)
    else:
        v = (words[:, word] << np.uint64(end - 64)) | (words[:, word + 1] >> np.uint64(128 - end))
    return (v & np.uint64((1 << width) - 1)).astype(np.uint32)


def radix_argsort(keys: npt.NDArray[np.uint32], width: int) -> npt.NDArray[np.intp]:
    """Stable argsort of keys below 2**width; numpy radix-sorts 16-bit keys, so wider ones take two passes."""
    if width <= 16:
        return np.argsort(keys.astype(np.uint16), kind="stable")
    low = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    high = np.argsort((keys[low] >> 16).astype(np.uint16), kind="stable")
    return low[high]


class Segment:
    """An immutable block of ids (with their hashes) that answers "which ids might be near q?"."""

    def __init__(self, serial: int, ids: IdArray, words: Words, layout: Layout | None = None) -> None:
        """Index `words` (row k is the hash of `ids[k]`); `layout` None means scan (see choose_layout)."""
        self.serial = serial
        self.size = len(ids)
        id_dtype = np.uint32 if (self.size == 0 or int(np.max(ids)) < 2**32) else np.int64
        self.ids: npt.NDArray[Any] = np.ascontiguousarray(ids, dtype=id_dtype)
        #: ids of this segment since removed (or re-used elsewhere); compaction resets it
        self.dead = 0
        self.layout = layout
        self._probes: dict[int, _Plan | None] = {}
        self.order: npt.NDArray[Any] = np.zeros(0, dtype=np.uint32)
        self.offsets: npt.NDArray[Any] = np.zeros(0, dtype=np.uint32)
        if layout is None:
            return
        pos_dtype = np.uint32 if self.size * layout.chunks < 2**32 else np.int64
        sizes = [(1 << w) + 1 for w in layout.widths]
        self._keyspec = [
            (BITS - s - w, (1 << w) - 1) for s, w in zip(layout.starts, layout.widths, strict=True)
        ]
        self._bases = np.cumsum([0, *sizes[:-1]]).astype(np.int64)
        # one preallocated array each (no concatenation): a 10M-hash block needs no extra peak
        self.order = np.empty(self.size * layout.chunks, dtype=self.ids.dtype)
        self.offsets = np.empty(sum(sizes), dtype=pos_dtype)
        for i, (start, width) in enumerate(zip(layout.starts, layout.widths, strict=True)):
            keys = chunk_keys(words, start, width)
            self.order[i * self.size : (i + 1) * self.size] = self.ids[radix_argsort(keys, width)]
            off = self.offsets[self._bases[i] : self._bases[i] + sizes[i]]
            off[0] = 0
            np.cumsum(np.bincount(keys, minlength=1 << width), out=off[1:])
            off += i * self.size

    @property
    def live(self) -> int:
        return self.size - self.dead

    @property
    def nbytes(self) -> int:
        return int(self.ids.nbytes + self.order.nbytes + self.offsets.nbytes)

    def _probe_plan(self, flips: int) -> _Plan | None:
        """For `flips`: the chunk of each probe, the mask to XOR into that chunk's key and the
        chunk's base in `offsets` to add; None when scanning the block is cheaper than probing."""
        if flips in self._probes:
            return self._probes[flips]
        assert self.layout is not None
        plan: _Plan | None = None
        if probe_count(self.layout, flips) <= max(MAX_PROBE_SHARE * self.size, 64):
            chunk_of, masks = [], []
            for i, w in enumerate(self.layout.widths):
                mk = flip_masks(w, flips)
                chunk_of.append(np.full(len(mk), i, dtype=np.intp))
                masks.append(mk)
            chunks = np.concatenate(chunk_of)
            plan = (chunks, np.concatenate(masks), self._bases[chunks])
        self._probes[flips] = plan
        return plan

    def candidates(self, query: int, threshold: int) -> npt.NDArray[Any]:
        """Ids that may lie within `threshold` of `query` (a 256-bit int); a superset, duplicates possible."""
        if self.layout is None:
            return self.ids
        plan = self._probe_plan(threshold // self.layout.chunks)
        if plan is None:
            return self.ids
        chunk_of, masks, bases = plan
        keys = np.array([(query >> shift) & mask for shift, mask in self._keyspec], dtype=np.int64)
        probes = np.take(keys, chunk_of)
        probes ^= masks
        probes += bases
        begin = np.take(self.offsets, probes)
        length = np.take(self.offsets, probes + 1) - begin
        hit = np.flatnonzero(length)
        if len(hit) == 0:
            return self.ids[:0]
        begin = np.take(begin, hit).astype(np.int64)
        length = np.take(length, hit).astype(np.int64)
        ends = np.cumsum(length)
        positions = np.arange(int(ends[-1]), dtype=np.int64) + np.repeat(begin - (ends - length), length)
        return np.take(self.order, positions)
