"""Identifier allocation: random, unique, never ordered by cohort or creation order."""

from __future__ import annotations

import random

_B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"  # bech32 alphabet


class Ids:
    def __init__(self, r: random.Random):
        self.r = r
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        while True:
            s = make()
            if s not in self.used:
                self.used.add(s)
                return s

    def digits(self, prefix: str, n: int) -> str:
        r = self.r
        lo, hi = 10 ** (n - 1), 10**n - 1
        return self._unique(lambda: f"{prefix}{r.randint(lo, hi)}")

    def alnum(self, prefix: str, n: int, alphabet: str = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789") -> str:
        r = self.r
        return self._unique(lambda: prefix + "".join(r.choice(alphabet) for _ in range(n)))

    def btc(self) -> str:
        r = self.r
        return self._unique(lambda: "bc1q" + "".join(r.choice(_B32) for _ in range(38)))

    def eth(self) -> str:
        r = self.r
        return self._unique(lambda: "0x" + "%040x" % r.getrandbits(160))

    def giftcode(self) -> str:
        r = self.r
        a = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return self._unique(
            lambda: "GC-" + "-".join("".join(r.choice(a) for _ in range(4)) for _ in range(4))
        )

    def hex(self, prefix: str, n: int) -> str:
        r = self.r
        return self._unique(lambda: prefix + "%0*x" % (n, r.getrandbits(4 * n)))
