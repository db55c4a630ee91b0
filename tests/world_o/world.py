"""World O: builds everybody, runs their behaviour, and hands the rows to the sink."""

from __future__ import annotations

import time

from .clock import DAY, to_epoch
from .fx import Fx
from .ids import Ids
from .params import Params
from .payments import Money
from .platform import Platform
from .population import Population
from .rng import stream
from .sink import Sink
from .spending import Spend

_ENDS = [(2025, 3, 31), (2025, 6, 30), (2025, 9, 30), (2025, 12, 31)]


class World:
    def __init__(self, out_dir: str, seed: int, customers: int, view: str, chat: bool):
        self.seed = seed
        self.customers = customers
        self.view = view
        self.chat = chat
        self.P = Params(seed)
        y, m, d = _ENDS[int(self.P.end_quarter)]
        self.end_year = y
        self.t1 = to_epoch(y, m, d) + DAY - 1
        self.t0 = self.t1 - int(self.P.months * 30.44) * DAY
        self.t0 -= self.t0 % DAY
        days = (self.t1 - self.t0) // DAY + 2
        self.fx = Fx(stream(seed, "fx"), days)
        self.ids = Ids(stream(seed, "ids"))
        self.pop = Population(self)
        self.sink = Sink(out_dir, view, chat, self.t0, self.t1, self.fx)
        self.sink.fee = self.P.fx_fee
        self.money = Money(self)
        self.spend = Spend(self, stream(seed, "merchants"))
        self.platform = Platform(self, stream(seed, "platform-org"))
        self.cohorts: dict[str, int] = {}
        self.timings: dict[str, float] = {}

    def rng(self, *labels):
        return stream(self.seed, *labels)

    def run(self) -> dict:
        from . import (
            lookalikes_family,
            lookalikes_social,
            lookalikes_trade,
            offenders,
            ordinary,
            reports,
            sextortion,
        )

        mods = [offenders, sextortion, lookalikes_family, lookalikes_trade, lookalikes_social, ordinary]
        t = time.time()
        self.spend.build_ph()
        for m in mods:
            m.build(self)
        ordinary.bans(self)
        self.timings["build"] = round(time.time() - t, 2)
        # the PH friend pool for everyday domestic transfers: everyone in PH with a wallet
        self.spend.ph_people = [
            p for p in self.pop.persons if p.country == "PH" and p.kind == "person" and p.acct("wallet-ph-b")
        ]
        for m in mods:
            t = time.time()
            m.run(self)
            self.timings[m.__name__.rsplit(".", 1)[1]] = round(time.time() - t, 2)
        t = time.time()
        ordinary.everyday(self)
        self.timings["everyday"] = round(time.time() - t, 2)
        reports.run(self)
        self._view_traits()
        for p in self.pop.persons:
            self.cohorts[p.cohort] = self.cohorts.get(p.cohort, 0) + 1
        t = time.time()
        counts = self.sink.finish(self.pop.persons, self.pop.parties, self.pop.accounts, self.pop.accounts)
        self.timings["write"] = round(time.time() - t, 2)
        return counts

    def _view_traits(self) -> None:
        """Traits that depend on what the view shows (inbound_only)."""
        for p in self.pop.persons:
            if p.cohort != "offender_payer":
                continue
            if self.view == "full":
                if p.payments > 0 and all(a.inst.group == "external" for a in p.accounts):
                    p.trait("inbound_only")
            elif self.view == "receiver":
                if not any(a.inst.ph for a in p.accounts) and p.payments > 0:
                    p.trait("inbound_only")
