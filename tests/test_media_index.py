"""PdqIndex: exact lookups equal brute force through any mix of adds, removals and merges."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from tanglaw.media.hashes import (
    HashError,
    distance,
    distances,
    flip_bits,
    from_words,
    parse_hash,
    random_words,
    to_words,
)
from tanglaw.media.index import PdqIndex
from tanglaw.media.mih import Layout, Segment, chunk_keys, flip_masks

THRESHOLDS = [0, 5, 16, 31, 32, 47, 70]


def brute(model: dict[int, np.ndarray], q: np.ndarray, t: int) -> tuple[list[int], list[int]]:
    if not model:
        return [], []
    ids = np.array(sorted(model))
    d = distances(np.stack([model[i] for i in ids]), q)
    keep = d <= t
    return ids[keep].tolist(), d[keep].tolist()


def near(words: np.ndarray, rng: np.random.Generator, far: int = 45) -> np.ndarray:
    """A hash 0..far bits from a random row of `words` (or a random one when there are none)."""
    if len(words) == 0:
        return random_words(1, int(rng.integers(2**31)))[0]
    base = words[rng.integers(len(words))]
    return flip_bits(base, int(rng.integers(0, far + 1)), seed=int(rng.integers(2**31)))


class IndexVersusBruteForce(RuleBasedStateMachine):
    """Small limits so that tails seal, segments merge, tails and scans and multi-index lookups all run
    (the wide 11-chunk layout needs 2**24-entry tables, too slow to build per step: tested below)."""

    @initialize(seed=st.integers(0, 2**31 - 1), tail=st.sampled_from([1, 3, 8]))
    def start(self, seed: int, tail: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.index = PdqIndex(tail_limit=tail, flat_limit=6)
        self.model: dict[int, np.ndarray] = {}

    def _pool(self) -> np.ndarray:
        return np.stack(list(self.model.values())) if self.model else np.zeros((0, 4), np.uint64)

    @rule(n=st.integers(1, 30), clustered=st.booleans())
    def add(self, n: int, clustered: bool) -> None:
        pool = self._pool()
        new = np.stack(
            [
                near(pool, self.rng) if clustered else random_words(1, int(self.rng.integers(2**31)))[0]
                for _ in range(n)
            ]
        )
        ids = self.index.add(new)
        assert len(set(ids.tolist())) == n
        for i, w in zip(ids.tolist(), new, strict=True):
            assert i not in self.model
            self.model[i] = w

    @precondition(lambda self: bool(self.model))
    @rule(share=st.floats(0.05, 1.0), extra=st.booleans())
    def remove(self, share: float, extra: bool) -> None:
        ids = list(self.model)
        gone = self.rng.choice(ids, size=max(1, int(len(ids) * share)), replace=False).tolist()
        asked = gone + ([10**6, -1] if extra else [])
        assert self.index.remove(asked) == len(gone)
        for i in gone:
            del self.model[i]

    @rule()
    def optimize(self) -> None:
        self.index.optimize()

    @rule(t=st.sampled_from(THRESHOLDS), k=st.integers(1, 5))
    def query(self, t: int, k: int) -> None:
        pool = self._pool()
        for _ in range(k):
            q = near(pool, self.rng)
            ids, d = self.index.query(q, t)
            exp_ids, exp_d = brute(self.model, q, t)
            assert ids.tolist() == exp_ids
            assert d.tolist() == exp_d

    @invariant()
    def sizes_agree(self) -> None:
        assert len(self.index) == len(self.model)
        assert self.index.ids().tolist() == sorted(self.model)


TestIndexVersusBruteForce = IndexVersusBruteForce.TestCase
TestIndexVersusBruteForce.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def test_default_limits_bulk_build_matches_brute_force() -> None:
    base = random_words(300, seed=1)
    # 5,000 hashes, each within 0..40 bits of one of 300 centres: many true neighbours per query
    rng = np.random.default_rng(2)
    words = np.stack([flip_bits(base[i % 300], int(rng.integers(0, 41)), seed=i) for i in range(5000)])
    idx = PdqIndex.build(words)
    assert idx.segment_sizes == [5000] and idx.tail_size == 0
    for k in range(60):
        q = flip_bits(base[k], int(rng.integers(0, 20)), seed=10_000 + k)
        ids, d = idx.query(q, 31)
        exp = np.flatnonzero(distances(words, q) <= 31)
        assert ids.tolist() == exp.tolist()
        assert d.tolist() == distances(words[exp], q).tolist()


def test_wide_layout_matches_brute_force() -> None:
    rng = np.random.default_rng(9)
    base = random_words(50, seed=9)
    words = np.stack([flip_bits(base[i % 50], int(rng.integers(0, 45)), seed=i) for i in range(3000)])
    idx = PdqIndex.build(words, wide_from=1000)
    assert idx._segments[0].layout == Layout.even(11)
    idx.remove(list(range(0, 3000, 7)))
    alive = np.ones(3000, bool)
    alive[::7] = False
    for k, t in enumerate([0, 10, 21, 31, 33, 44, 80] * 3):
        q = flip_bits(base[k], int(rng.integers(0, 30)), seed=50_000 + k)
        ids, d = idx.query(q, t)
        exp = np.flatnonzero((distances(words, q) <= t) & alive)
        assert ids.tolist() == exp.tolist()


def test_removed_ids_are_reused_and_old_hash_is_gone() -> None:
    idx = PdqIndex(tail_limit=4, flat_limit=4)
    words = random_words(20, seed=3)
    ids = idx.add(words)
    assert idx.remove([int(ids[5])]) == 1
    assert idx.query(words[5], 0)[0].tolist() == []
    (new_id,) = idx.add(words[:1] ^ np.uint64(1)).tolist()
    assert new_id == int(ids[5])  # the free list hands the id out again
    assert idx.query(words[5], 0)[0].tolist() == []
    assert idx.query(words[0], 4)[0].tolist() == sorted([int(ids[0]), new_id])


def test_query_refuses_bad_threshold_and_bad_hash() -> None:
    idx = PdqIndex.build(random_words(3, seed=4))
    with pytest.raises(ValueError):
        idx.query(random_words(1, seed=5)[0], 257)
    with pytest.raises(HashError):
        idx.query("abc")


def test_hex_words_round_trip_and_distance() -> None:
    hexes = from_words(random_words(10, seed=6))
    assert from_words(to_words(hexes)) == hexes
    a, b = hexes[0], hexes[1]
    assert distance(a, b) == int(distances(to_words([a]), to_words(b))[0])
    assert parse_hash(a.upper()) == a
    with pytest.raises(HashError, match="63 hex characters"):
        parse_hash(a[:-1])
    with pytest.raises(HashError, match="not hex digits"):
        parse_hash("g" + a[1:])


def test_chunk_keys_cover_every_bit_once() -> None:
    layout = Layout.even(11)
    assert sum(layout.widths) == 256
    w = to_words(["f" * 64])
    for start, width in zip(layout.starts, layout.widths, strict=True):
        assert int(chunk_keys(w, start, width)[0]) == (1 << width) - 1
    single = to_words(["8" + "0" * 63])  # only the most significant bit
    assert int(chunk_keys(single, 0, layout.widths[0])[0]) == 1 << (layout.widths[0] - 1)


def test_flip_masks_count() -> None:
    assert len(flip_masks(16, 1)) == 17
    assert len(flip_masks(23, 2)) == 1 + 23 + 253


def test_segment_candidates_are_a_superset() -> None:
    words = random_words(3000, seed=7)
    seg = Segment(1, np.arange(3000), words, Layout.even(16))
    q = flip_bits(words[42], 31, seed=8)
    from tanglaw.media.hashes import to_int

    assert 42 in set(seg.candidates(to_int(q), 31).tolist())


def test_popcount_fallback_for_old_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    import tanglaw.media.hashes as hashes

    words = random_words(500, seed=12)
    fast = hashes.popcount(words)
    monkeypatch.setattr(hashes, "_HAS_BITWISE_COUNT", False)
    assert np.array_equal(hashes.popcount(words), fast)
    edge = np.array([0, 2**64 - 1, 1 << 63], dtype=np.uint64)
    assert hashes.popcount(edge).tolist() == [0, 64, 1]


def test_remove_that_seals_the_tail_and_merges_segments() -> None:
    """Found by the state machine above: a removal rebuilds a segment into the tail, the tail seals,
    and sealing merges a segment the same removal still had to visit."""
    rng = np.random.default_rng(0)
    index = PdqIndex(tail_limit=3, flat_limit=6)
    model: dict[int, np.ndarray] = {}
    for n in (6, 2, 1, 1):
        new = np.stack([random_words(1, int(rng.integers(2**31)))[0] for _ in range(n)])
        for i, w in zip(index.add(new).tolist(), new, strict=True):
            model[i] = w
    for _ in range(20):  # every removal pattern of that shape, not just the one seed
        ids = list(model)
        if not ids:
            break
        gone = rng.choice(ids, size=max(1, int(len(ids) * 0.875)), replace=False).tolist()
        assert index.remove(gone) == len(gone)
        for i in gone:
            del model[i]
        assert index.ids().tolist() == sorted(model)
        for n in (6, 2, 1, 1):
            new = np.stack([random_words(1, int(rng.integers(2**31)))[0] for _ in range(n)])
            for i, w in zip(index.add(new).tolist(), new, strict=True):
                model[i] = w
