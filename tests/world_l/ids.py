"""Random-looking, unique identifiers: a keyed bijective scramble of per-prefix counters.

Counters make ids unique without remembering them; the scramble (xor, odd multiplies and xor-shifts
on 48 bits, each a bijection) hides generation order, so sorting by id reveals nothing.
"""

from __future__ import annotations

import random

M48 = (1 << 48) - 1


class Ids:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._state: dict[str, list[int]] = {}

    def _keys(self, prefix: str) -> list[int]:
        st = self._state.get(prefix)
        if st is None:
            r = random.Random(f"world-l-ids:{self.seed}:{prefix}")
            st = [0, r.getrandbits(48), r.getrandbits(48), r.getrandbits(47) * 2 + 1]
            self._state[prefix] = st
        return st

    def new(self, prefix: str) -> str:
        st = self._keys(prefix)
        x = st[0]
        st[0] = x + 1
        x = (x ^ st[1]) & M48
        x = (x * 0x9E3779B97F4B) & M48
        x ^= x >> 23
        x = (x * st[3]) & M48
        x ^= x >> 26
        x = (x + st[2]) & M48
        x = (x * 0xC2B2AE3D27D5) & M48
        x ^= x >> 21
        return f"{prefix}{x:012x}"
