"""Deterministic random streams: one independent generator per (seed, stage, index)."""

from __future__ import annotations

import zlib

import numpy as np


def stream(seed: int, stage: str, index: int = 0) -> np.random.Generator:
    """A generator that depends only on the seed, the stage name and the index.

    Stages draw from their own streams, so adding draws to one stage never shifts another.
    """
    entropy = [seed % 2**64, zlib.crc32(stage.encode()), index]
    return np.random.default_rng(np.random.SeedSequence(entropy))


def weighted_choice(rng: np.random.Generator, n: int, weights: np.ndarray) -> np.ndarray:
    """n indices drawn with probability proportional to `weights`."""
    cum = np.cumsum(weights, dtype=np.float64)
    out = np.searchsorted(cum, rng.random(n) * cum[-1], side="right")
    return np.minimum(out, len(weights) - 1)


def segment_choice(
    rng: np.random.Generator, segment: np.ndarray, seg_start: np.ndarray, seg_cum: np.ndarray
) -> np.ndarray:
    """For each row, an index drawn by weight within its segment.

    `seg_cum` is the cumulative weight of a flat array whose segments are normalised so that
    segment s spans the values (s, s + 1]; `seg_start[s]` is the first index of segment s.
    Rows whose segment is empty get -1.
    """
    target = segment + rng.random(len(segment))
    idx = np.searchsorted(seg_cum, target, side="right")
    idx = np.minimum(idx, len(seg_cum) - 1)
    lo = seg_start[segment]
    hi = seg_start[segment + 1]
    ok = hi > lo
    return np.where(ok, np.clip(idx, lo, np.maximum(hi - 1, lo)), -1)


def segmented_cum(
    groups: np.ndarray, weights: np.ndarray, n_groups: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sort items by group and build the (order, seg_start, seg_cum) used by segment_choice."""
    order = np.argsort(groups, kind="stable")
    g = groups[order]
    w = weights[order].astype(np.float64)
    seg_start = np.searchsorted(g, np.arange(n_groups + 1))
    totals = np.bincount(g, weights=w, minlength=n_groups)
    totals = np.where(totals > 0, totals, 1.0)
    cum = np.cumsum(w)
    before = np.concatenate([[0.0], cum])[seg_start[:-1]]
    seg_cum = g + (cum - before[g]) / totals[g]
    return order, seg_start, seg_cum
