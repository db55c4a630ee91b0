"""Scrambled identifiers, random helpers and timestamp formatting (standard library only)."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from bisect import bisect_right
from collections.abc import Sequence

M48 = (1 << 48) - 1


def mix48(x: int) -> int:
    """A bijection on 48-bit integers: distinct inputs give distinct, well-scrambled outputs."""
    x &= M48
    x = (x * 0x9E3779B97F4B) & M48
    x ^= x >> 23
    x = (x * 0xD6E8FEB86659) & M48
    x ^= x >> 21
    x = (x * 0xA5CB9D8F1E27) & M48
    x ^= x >> 25
    return x


def stable_int(*parts: object) -> int:
    """A hash that does not depend on PYTHONHASHSEED."""
    h = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(h[:8], "big")


class IdMaker:
    """Unique scrambled ids per prefix: prefix + 12 hex digits; file order reveals nothing."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.counters: dict[str, int] = {}
        self.keys: dict[str, int] = {}

    def make(self, prefix: str) -> str:
        c = self.counters.get(prefix)
        if c is None:
            c = 0
            self.keys[prefix] = stable_int("idkey", self.seed, prefix) & M48
        self.counters[prefix] = c + 1
        x = (c + self.keys[prefix]) & M48
        x = (x * 0x9E3779B97F4B) & M48
        x ^= x >> 23
        x = (x * 0xD6E8FEB86659) & M48
        x ^= x >> 21
        x = (x * 0xA5CB9D8F1E27) & M48
        x ^= x >> 25
        return f"{prefix}{x:012x}"


def rng_for(seed: int, name: str) -> random.Random:
    return random.Random(f"world-m:{seed}:{name}")


class Picker:
    """Fast weighted choice over a fixed list."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, items: Sequence[object], weights: Sequence[float]) -> None:
        self.items = list(items)
        acc = 0.0
        cum = []
        for w in weights:
            acc += w
            cum.append(acc)
        self.cum = cum
        self.total = acc

    def __call__(self, rng: random.Random) -> object:
        return self.items[bisect_right(self.cum, rng.random() * self.total)]


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(rng.gauss(lam, math.sqrt(lam)))))
    limit = math.exp(-lam)
    k = 0
    p = rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def lognorm(rng: random.Random, median: float, sigma: float) -> float:
    return median * math.exp(rng.gauss(0.0, sigma))


def uni(rng: random.Random, lo: float, hi: float, nd: int = 4) -> float:
    return round(rng.uniform(lo, hi), nd)


# ---- timestamps ------------------------------------------------------------------------------

_EPOCH_ORD = dt.date(1970, 1, 1).toordinal()
_DATE_CACHE: dict[int, str] = {}


def day_str(day: int) -> str:
    s = _DATE_CACHE.get(day)
    if s is None:
        s = dt.date.fromordinal(_EPOCH_ORD + day).isoformat()
        _DATE_CACHE[day] = s
    return s


def offset_str(minutes: int) -> str:
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    m = abs(minutes)
    return f"{sign}{m // 60:02d}:{m % 60:02d}"


_HOUR_CACHE: dict[int, str] = {}


def fmt_ts(t: int, off_min: int, off_s: str) -> str:
    lt = t + off_min * 60
    hk = lt // 3600
    pre = _HOUR_CACHE.get(hk)
    if pre is None:
        d, h = divmod(hk, 24)
        pre = f"{day_str(d)}T{h:02d}:"
        _HOUR_CACHE[hk] = pre
    r = lt - hk * 3600
    return f"{pre}{r // 60:02d}:{r % 60:02d}{off_s}"


def date_epoch(iso: str) -> int:
    d = dt.date.fromisoformat(iso)
    return (d.toordinal() - _EPOCH_ORD) * 86400


def birth_for_age(rng: random.Random, ref_epoch: int, age_lo: float, age_hi: float) -> str:
    age_days = rng.uniform(age_lo, age_hi) * 365.25
    return day_str(int(ref_epoch // 86400 - age_days))
