"""Deterministic randomness: every stream is derived from (seed, labels) with SHA-256.

Nothing here depends on Python's string hashing, so output is identical whatever
PYTHONHASHSEED is. Never iterate over a set to drive random draws.
"""

from __future__ import annotations

import hashlib
import math
import random


def derive(seed: int, *labels: object) -> int:
    text = "|".join([str(seed), *(str(x) for x in labels)])
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def stream(seed: int, *labels: object) -> random.Random:
    return random.Random(derive(seed, *labels))


def lognormal(r: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(sigma * r.gauss(0.0, 1.0))


def poisson(r: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 40:
        return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
    limit = math.exp(-lam)
    k, p = 0, r.random()
    while p > limit:
        k += 1
        p *= r.random()
    return k


def pareto_weights(r: random.Random, n: int, alpha: float) -> list[float]:
    return [r.paretovariate(alpha) for _ in range(n)]


def weighted(r: random.Random, items: list, weights: list[float]):
    return r.choices(items, weights=weights, k=1)[0]


def between(r: random.Random, lo: float, hi: float) -> float:
    return lo + (hi - lo) * r.random()


def chance(r: random.Random, p: float) -> bool:
    return r.random() < p


def hexstr(r: random.Random, n: int) -> str:
    return "%0*x" % (n, r.getrandbits(4 * n))
