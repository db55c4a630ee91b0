"""World G generator: a consortium view (foreign bank, PH e-wallet, live platform, remitter).

python -m tests.world_g.generator OUT --seed N --customers 50000 [--view receiver]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from . import texts as X
from .core import DAYS, WAL
from .lookalikes import WESTERN, Lookalikes


class World(Lookalikes):
    def params(self) -> None:
        r = self.r
        n = self.n
        self.P = {
            "payer_rate": r.uniform(0.001, 0.004),
            "payers_per_hh": r.uniform(3.5, 7.0),
            "few": r.uniform(0.15, 0.3),
            "multi": r.uniform(0.1, 0.25),
            "payer_plat": r.uniform(0.35, 0.6),
            "hh_host": r.uniform(0.45, 0.8),
            "link": r.uniform(0.2, 0.5),
        }
        npay = max(4, round(n * self.P["payer_rate"]))
        self.counts = {
            "payers": npay,
            "households": max(3, round(npay / self.P["payers_per_hh"])),
            "rings": max(1, round(n * r.uniform(0.00003, 0.00008))),
            "ordinary_foreign": round(n * 0.30),
            "ordinary_ph": round(n * 0.26),
            "platform_users": round(n * 0.04),
            "streamers": max(3, round(n * 0.002)),
            "families": round(n * 0.025),
            "seafarers": round(n * 0.004),
            "sellers": max(2, round(n * 0.002)),
            "performers": max(3, round(n * 0.0016)),
            "adult_customers": round(n * 0.016),
            "travellers": round(n * 0.007),
            "romance_victims": max(3, round(n * 0.003)),
            "mules": max(2, round(n * 0.0006)),
            "sponsors": max(10, round(n * 0.012)),
            "students": max(2, round(n * 0.001)),
            "freelancers": max(2, round(n * 0.004)),
            "game_sellers": max(2, round(n * 0.0008)),
            "gamers": round(n * 0.01),
            "crypto": max(1, round(n * 0.0005)),
        }

    def build(self) -> None:
        r = self.r
        c = self.counts
        self.setup_infra()
        # platform-only users (viewers of public streams)
        self.viewer_pool = []
        for _ in range(c["platform_users"]):
            cc = r.choice(WESTERN + ["PH"] * 30 + ["SG", "JP", "SA", "IN"[:2]] * 2)
            cc = "SG" if cc == "IN" else cc
            p = self.person("platform_user", cc)
            self.viewer_pool.append((self.platform(p, link=1.0), p))
        # ordinary Philippine wallet users: the pool others pay to
        ph_ord = []
        for _ in range(c["ordinary_ph"]):
            p = self.person("ordinary", "PH", age=(18, 70))
            ph_ord.append((p, self.wallet(p)))
        self.ph_wallet_pool = [w for _p, w in ph_ord]
        # streamers
        for _ in range(c["streamers"]):
            p = self.person("streamer", r.choice(["PH", "PH", "US", "GB", "AU"]), age=(16, 35))
            h = self.platform(p, link=self.P["link"])
            for d in self.times(r.uniform(2, 12), r.uniform(0, 300), DAYS):
                vs = [
                    (a, q, round(r.uniform(1, 10), 2) if r.random() < 0.1 else 0.0)
                    for a, q in r.sample(self.viewer_pool, r.randint(2, 30))
                ]
                sid = self.session(self.at(d, r.uniform(15, 26), p.tz), r.uniform(30, 240), h, vs, False, p)
                if sid and r.random() < 0.3:
                    for a, _q, _p in vs[:3]:
                        self.msg(self.at(d, r.uniform(15, 26), p.tz), a, h, r.choice(X.CHAT_STREAM), sid)
        # offenders
        self.build_households(c["households"])
        self.build_payers(c["payers"])
        self.build_sextortion(c["rings"])
        # look-alikes
        self.build_families(c["families"])
        self.build_seafarers(c["seafarers"])
        self.build_sellers(c["sellers"])
        self.build_performers(c["performers"], c["adult_customers"])
        self.build_travellers(c["travellers"])
        self.build_romance(c["romance_victims"], c["mules"])
        self.build_charity(c["sponsors"])
        self.build_students(c["students"])
        self.build_freelancers(c["freelancers"])
        self.build_gamers(c["game_sellers"], c["gamers"])
        self.build_crypto(c["crypto"])
        # ordinary customers of the foreign bank
        for _ in range(c["ordinary_foreign"]):
            p = self.person("ordinary", r.choice(["GB", "AU", "US", "US"]), age=(18, 85))
            self.bank_customer(p, app=0.25)
            self.foreign_life(p, 1.0)
            if r.random() < 0.02 and self.ph_wallet_pool:  # a one-off gift to someone in PH
                tgt = r.choice(self.ph_wallet_pool)
                for _k in range(r.randint(1, 3)):
                    self.send(
                        p,
                        tgt,
                        self.at(r.uniform(0, DAYS), self.hour("any"), p.tz),
                        r.uniform(20, 300),
                        r.choice(["gift", "", "for you", "help"]),
                        0.6,
                    )
            if r.random() < 0.05:
                va = self.platform(p, link=self.P["link"])
                for _k in range(r.randint(1, 10)):
                    h, hp = r.choice(self.viewer_pool)
                    self.session(
                        self.at(r.uniform(0, DAYS), self.hour("any"), p.tz),
                        r.uniform(2, 60),
                        h,
                        [(va, p, 0.0)],
                        r.random() < 0.1,
                        hp,
                    )
        for p, w in ph_ord:
            self.ph_life(p, w, 1.0)
        self.run_cashouts()
        assert all(a in self.acc for a in self.used)
        _ = WAL


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=["full", "receiver"], default="full")
    a = ap.parse_args(argv)
    t0 = time.time()
    w = World(a.seed, a.customers, a.view)
    w.params()
    w.build()
    t1 = time.time()
    stats = w.write(a.out)
    stats["seconds_build"] = round(t1 - t0, 1)
    stats["seconds_total"] = round(time.time() - t0, 1)
    stats["params"] = {k: round(v, 4) for k, v in w.P.items()}
    print(json.dumps(stats, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
