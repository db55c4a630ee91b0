"""Everyday and cohort-specific activity of world M: payments, sessions, chats and tips."""

from __future__ import annotations

import math
import random
from typing import Any

from tests.world_m import vocab as V
from tests.world_m.ids import Picker, lognorm, poisson
from tests.world_m.model import ROUND_STEP, Account, Person
from tests.world_m.population import Household, Rel, Ring, World
from tests.world_m.sink import Sink

H_DAY = Picker(
    list(range(24)), [1, 0.5, 0.3, 0.2, 0.2, 0.5, 2, 4, 6, 7, 7, 8, 9, 8, 7, 7, 7, 8, 9, 9, 8, 6, 4, 2]
)
H_NIGHT = Picker([21, 22, 23, 0, 1, 2, 3, 4], [6, 8, 9, 9, 8, 6, 4, 2])
H_EVENING = Picker(
    list(range(24)), [3, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 3, 4, 4, 4, 4, 5, 6, 7, 8, 9, 10, 10, 8, 5]
)
H_ANY = Picker(list(range(24)), [1] * 24)
H_WORK = Picker(list(range(24)), [0, 0, 0, 0, 0, 0, 0.5, 2, 6, 8, 8, 6, 4, 6, 7, 6, 5, 3, 1, 0.5, 0, 0, 0, 0])

DAY = 86400
MONTH = 2629800


class Activity:
    def __init__(self, w: World, sink: Sink, rng: random.Random, fx: dict[str, list[float]]) -> None:
        self.w = w
        self.sink = sink
        self.rng = rng
        self.fx = fx
        self.S = w.start
        self.E = w.end
        self.D = w.days
        self.nm = len(next(iter(fx.values())))
        self._names: dict[str, str] = {}
        self.P = w.P
        adults = [p for p in w.persons if not p.org and p.cohort not in ("child_victim",) and p.accounts]
        self.ph_pool = [p for p in adults if p.country == "PH" and p.payables() and p.role == ""]
        self.plat_users = [p for p in adults if p.plat is not None and p.role == ""]
        self.foreign_by_cc: dict[str, list[Person]] = {}
        for p in adults:
            if p.country != "PH" and p.role == "" and p.bank is not None:
                self.foreign_by_cc.setdefault(p.country, []).append(p)

    # ---- small helpers -----------------------------------------------------------------------

    def month(self, t: int) -> int:
        m = (t - self.S) // MONTH
        return 0 if m < 0 else (self.nm - 1 if m >= self.nm else m)

    def at(self, day: float, tz: int, picker: Picker) -> int:
        h: int = picker(self.rng)  # type: ignore[assignment]
        return self.S + int(day) * DAY + h * 3600 + int(self.rng.random() * 3600) - tz * 60

    def hour_mix(self, night_p: float) -> Picker:
        return H_NIGHT if self.rng.random() < night_p else H_DAY

    def money(self, usd: float, cur: str, t: int, round_p: float) -> float:
        v = usd / self.fx[cur][self.month(t)]
        if self.rng.random() < round_p:
            b = ROUND_STEP.get(cur, 5.0)
            step = b if v < 30 * b else (b * 2 if v < 300 * b else b * 10)
            return max(step, round(v / step) * step)
        if cur in ("JPY", "KRW", "IDR", "NGN", "XOF"):
            return float(round(v))
        return round(v, 2)

    def tname(self, a: Account) -> str:
        """The name a payment message carries for an account."""
        n = self._names.get(a.id)
        if n is None:
            o = a.owner
            if a.party is not None and a.party.name:
                n = a.party.name
            elif o.org:
                n = o.given
            else:
                n = V.name_variant(self.rng, o.given, o.surname, 0.3)
            self._names[a.id] = n
        return n

    def xb_names(self, s: Account, r: Account) -> tuple[str, str]:
        if self.rng.random() < self.P["p_travel_names"]:
            return self.tname(s), self.tname(r)
        return "", ""

    def sender_for(self, p: Person, r: Account) -> tuple[Account, str] | None:
        """A person's instrument for a cross-border payment to account r, and the channel."""
        rng = self.rng
        if r.kind == "crypto":
            return (p.crypto, "crypto") if p.crypto is not None else None
        if r.inst.code == "padala-express":
            return (p.remit, "cash_pickup") if p.remit is not None else None
        if p.remit is not None and (p.bank is None or rng.random() < 0.8):
            return p.remit, "remittance"
        if p.bank is not None:
            return p.bank, "bank_transfer"
        return None

    def recv_for(self, p: Person, pickup_p: float = 0.3) -> Account | None:
        rng = self.rng
        if p.pickup is not None and rng.random() < pickup_p:
            return p.pickup
        opts = p.payables()
        return rng.choice(opts) if opts else (p.pickup or None)

    def xpay(self, t: int, usd: float, s: Person, r: Account, round_p: float, ref: str) -> bool:
        got = self.sender_for(s, r)
        if got is None:
            return False
        acc, ch = got
        if t < self.S or t >= self.E:
            return False
        cur = "USD" if ch == "crypto" else s.cur
        amt = self.money(usd, cur, t, round_p)
        sn, rn = self.xb_names(acc, r) if ch != "crypto" else ("", "")
        return self.sink.pay(t, amt, cur, acc, r, ch, ref, sname=sn, rname=rn)

    def chat(
        self,
        t: int,
        a: Account | None,
        b: Account | None,
        topics: list[str],
        n: int,
        sid: str = "",
        first_only: list[str] | None = None,
    ) -> int:
        """A short exchange of innocuous lines; returns the time of the last line."""
        if a is None or b is None:
            return t
        rng = self.rng
        for i in range(n):
            snd, rcv = (a, b) if i % 2 == 0 else (b, a)
            topic = first_only[i] if first_only is not None and i < len(first_only) else rng.choice(topics)
            if t >= self.E:
                break
            if t >= self.S:
                self.sink.message(t, snd, rcv, V.chat_line(rng, topic), sid)
            t += rng.randrange(15, 900)
        return t

    def call(
        self,
        t: int,
        host: Account | None,
        viewer: Account | None,
        minutes: float,
        paid: float = 0.0,
        private: bool = True,
    ) -> str:
        if host is None or viewer is None or t < self.S or t >= self.E:
            return ""
        sid = self.sink.new_session_id()
        dur = max(60, int(lognorm(self.rng, minutes, 0.5) * 60))
        self.sink.session(
            sid, t, dur, host, viewer, private, paid, host.ip, viewer.ip, self.ip_cc(host), self.ip_cc(viewer)
        )
        return sid

    def ip_cc(self, a: Account) -> str:
        ip = a.ip
        if ip.startswith("198."):
            return "NL" if int(ip.split(".")[2]) % 2 else "US"
        return a.owner.country if a.owner.country else ""

    def buy(
        self,
        t: int,
        p: Person,
        merchant: tuple[Account, str, str, float],
        usd: float | None = None,
        round_p: float = 0.1,
    ) -> bool:
        acc = p.card or p.bank or (p.ewallets[0] if p.ewallets else None)
        if acc is None or t < self.S or t >= self.E:
            return False
        m, mcc, name, med = merchant
        v = usd if usd is not None else lognorm(self.rng, med, 0.6)
        ch = "card" if acc.kind == "card" else ("ewallet" if acc.kind == "ewallet" else "bank_transfer")
        return self.sink.pay(t, self.money(v, p.cur, t, round_p), p.cur, acc, m, ch, "", mcc, name)

    def ref_offender(self, p: Person) -> str:
        rng = self.rng
        x = p.extra
        if rng.random() < float(x["blank"]):  # type: ignore[arg-type]
            return ""
        r = rng.random()
        if x["purpose"] and r < 0.5:
            return rng.choice(V.REF_PURPOSE)
        if r < 0.9:
            return rng.choice(V.REF_VAGUE)
        return "@" + (p.plat.username if p.plat is not None else V.username(rng, p.given))

    # ---- everyday life ----------------------------------------------------------------------

    def background(self) -> None:
        w, rng, sink, P = self.w, self.rng, self.sink, self.P
        months = self.D / 30.44
        lam_buy = P["purchases_per_month"]
        ph_m = Picker(
            w.merchants_ph,
            [wt for _, _, wt, _ in V.PH_MERCHANTS] * (len(w.merchants_ph) // len(V.PH_MERCHANTS))
            + [1] * (len(w.merchants_ph) % len(V.PH_MERCHANTS)),
        )
        f_pick = {
            cc: Picker(lst, [wt for _, _, wt, _ in V.FOREIGN_MERCHANTS])
            for cc, lst in w.merchants_foreign.items()
        }
        S = self.S
        for p in w.persons:
            if p.org or not p.accounts or p.cohort == "child_victim":
                continue
            teen = p.idx in w.teen_parent
            ph = p.country == "PH"
            payable = p.payables()
            if not payable:
                continue
            home = p.bank or payable[0]
            # income
            if teen:
                parent = w.teen_parent[p.idx]
                src = parent.bank or (parent.ewallets[0] if parent.ewallets else None)
                if src is not None:
                    usd = lognorm(rng, 40 if ph else 60, 0.4)
                    d0 = rng.randrange(28)
                    for k in range(int(months)):
                        t = self.at(d0 + k * 30.44, p.tz, H_EVENING)
                        if S <= t < self.E and rng.random() < 0.8:
                            sink.pay(
                                t,
                                self.money(usd, p.cur, t, 0.8),
                                p.cur,
                                src,
                                home,
                                "ewallet"
                                if home.kind == "ewallet" and src.kind == "ewallet"
                                else "bank_transfer",
                                rng.choice(["", "", "allowance", "baon", "for school"]),
                            )
            elif rng.random() < P["p_employed"]:
                emps = w.employers.get(p.country)
                if emps:
                    emp = emps[p.idx % len(emps)]
                    base = lognorm(rng, 380 if ph else 3200, 0.5)
                    semi = ph and rng.random() < 0.5
                    step = 15.22 if semi else 30.44
                    amt_base = base / (2 if semi else 1)
                    d = rng.uniform(0, step)
                    while d < self.D:
                        t = S + int(d) * DAY + rng.randrange(1, 6) * 3600 - p.tz * 60 + 6 * 3600
                        if S <= t < self.E:
                            sink.pay(
                                t,
                                self.money(amt_base * rng.uniform(0.97, 1.03), p.cur, t, 0.2),
                                p.cur,
                                emp,
                                home,
                                "bank_transfer",
                                "salary" if rng.random() < 0.5 else "",
                            )
                        d += step
            # purchases
            n = poisson(rng, lam_buy * months * (0.45 if teen else 1.0) * lognorm(rng, 1.0, 0.35))
            picker = ph_m if ph else f_pick.get(p.country)
            if picker is not None:
                acc = (
                    p.card
                    if (p.card is not None and (not ph or rng.random() < 0.5))
                    else (p.ewallets[0] if p.ewallets else (p.card or p.bank))
                )
                if acc is not None:
                    ch = (
                        "card"
                        if acc.kind == "card"
                        else ("ewallet" if acc.kind == "ewallet" else "bank_transfer")
                    )
                    cur = p.cur
                    fxv = self.fx[cur]
                    whole = cur in ("JPY", "KRW", "IDR", "NGN", "XOF")
                    scale = (0.0178 if ph else 1.0) * (0.5 if teen else 1.0)
                    base = S - p.tz * 60
                    span, E, nm1, rnd, gauss, exp, pay = (
                        self.D,
                        self.E,
                        self.nm - 1,
                        rng.random,
                        rng.gauss,
                        math.exp,
                        sink.pay,
                    )
                    for _ in range(n):
                        h: int = H_DAY(rng)  # type: ignore[assignment]
                        t = base + int(rnd() * span) * DAY + h * 3600 + int(rnd() * 3600)
                        if t >= E:
                            continue
                        merch: tuple[Account, str, str, float] = picker(rng)  # type: ignore[assignment]
                        m, mcc, name, med = merch
                        mi = (t - S) // MONTH
                        v = (
                            med
                            * exp(gauss(0.0, 0.6))
                            * scale
                            / fxv[0 if mi < 0 else (nm1 if mi > nm1 else mi)]
                        )
                        v = float(round(v)) if whole else round(v, 2)
                        pay(t, v if v > 0 else 1.0, cur, acc, m, ch, "", mcc, name)
            # e-wallet cash-in from own bank
            if ph and p.bank is not None and p.ewallets:
                for _ in range(poisson(rng, 0.8 * months)):
                    t = self.at(rng.random() * self.D, p.tz, H_DAY)
                    if t < self.E:
                        sink.pay(
                            t,
                            self.money(lognorm(rng, 60, 0.6), "PHP", t, 0.85),
                            "PHP",
                            p.bank,
                            p.ewallets[0],
                            "bank_transfer",
                            "cash in" if rng.random() < 0.3 else "",
                        )
            # sweeps between one's own wallets and accounts
            if ph and len(payable) >= 2:
                for _ in range(poisson(rng, P["own_sweeps_per_month"] * months)):
                    a1, a2 = rng.sample(payable, 2)
                    t = self.at(rng.random() * self.D, p.tz, H_DAY)
                    if t < self.E:
                        sink.pay(
                            t,
                            self.money(lognorm(rng, 70, 0.7), "PHP", t, 0.8),
                            "PHP",
                            a1,
                            a2,
                            "ewallet" if a1.kind == a2.kind == "ewallet" else "bank_transfer",
                            "",
                        )
            # transfers to friends and relatives at home
            pool = self.ph_pool if ph else self.foreign_by_cc.get(p.country, [])
            if pool and not teen:
                for _ in range(poisson(rng, P["p2p_per_month"] * months)):
                    f = pool[rng.randrange(len(pool))]
                    if f is p:
                        continue
                    r = f.ewallets[0] if (ph and f.ewallets) else f.bank
                    s = (
                        p.ewallets[0]
                        if (ph and p.ewallets and r is not None and r.kind == "ewallet")
                        else p.bank
                    )
                    if r is None or s is None:
                        continue
                    t = self.at(rng.random() * self.D, p.tz, H_EVENING)
                    if t < self.E:
                        sink.pay(
                            t,
                            self.money(lognorm(rng, 40, 0.9), p.cur, t, 0.6),
                            p.cur,
                            s,
                            r,
                            "ewallet" if s.kind == "ewallet" and r.kind == "ewallet" else "bank_transfer",
                            rng.choice(
                                ["", "", "", "thanks", "share", "utang", "food", "gas", "dinner", "rent"]
                            ),
                        )
            # cash-out at agents (people who receive pickups)
            if p.pickup is not None:
                for _ in range(poisson(rng, 0.3 * months)):
                    t = self.at(rng.random() * self.D, p.tz, H_DAY)
                    if t < self.E and p.ewallets:
                        sink.pay(
                            t,
                            self.money(lognorm(rng, 80, 0.6), "PHP", t, 0.9),
                            "PHP",
                            p.pickup,
                            p.ewallets[0],
                            "ewallet",
                            "",
                        )
            # everyday global merchants: VPN subscriptions, apps, streaming, occasional flights
            if not ph and not teen and p.card is not None:
                g = w.merchants_global
                if rng.random() < P["p_vpn_subscriber"]:
                    for k in range(int(months)):
                        self.buy(self.at(k * 30.44 + 3, p.tz, H_DAY), p, g["SecureTunnel VPN"], round_p=0.0)
                if rng.random() < 0.35:
                    for _ in range(poisson(rng, 0.5 * months)):
                        self.buy(self.at(rng.random() * self.D, p.tz, H_EVENING), p, g["CloudStore Apps"])
                if rng.random() < 0.08:
                    self.buy(self.at(rng.random() * self.D, p.tz, H_DAY), p, g["SkyWays Airlines"])

    # ---- legitimate look-alikes ---------------------------------------------------------------

    def diaspora(self) -> None:
        rng, P = self.rng, self.P
        months = self.D / 30.44
        for recips, senders in self.w.families:
            fam_usd = lognorm(rng, P["diaspora_usd_median"], 0.45)
            for s in senders:
                night = rng.random() < P["p_diaspora_night_shift"]
                round_p = rng.uniform(0.5, 0.95)
                usd = fam_usd * lognorm(rng, 1.0, 0.3)
                anchor = rng.uniform(0, 30)
                skip = rng.uniform(0.03, 0.25)
                for k in range(int(months) + 1):
                    if rng.random() < skip:
                        continue
                    r_person = recips[0] if (len(recips) == 1 or rng.random() < 0.65) else recips[1]
                    r = self.recv_for(r_person, 0.35)
                    if r is None:
                        continue
                    t = self.at(
                        anchor + k * 30.44 + rng.uniform(-3, 4),
                        s.tz,
                        H_NIGHT if night and rng.random() < 0.6 else H_DAY,
                    )
                    ref = self.ref_family()
                    self.xpay(t, usd * rng.uniform(0.85, 1.15), s, r, round_p, ref)
                for _ in range(poisson(rng, P["diaspora_extra_per_month"] * months)):
                    r = self.recv_for(recips[rng.randrange(len(recips))], 0.3)
                    if r is None:
                        continue
                    t = self.at(rng.random() * self.D, s.tz, H_ANY)
                    self.xpay(
                        t,
                        usd * lognorm(rng, 0.6, 0.7),
                        s,
                        r,
                        round_p,
                        rng.choice(
                            [
                                "",
                                "",
                                "medical bills",
                                "school fees",
                                "birthday",
                                "pasalubong",
                                "tuition",
                                "emergency",
                                "help",
                            ]
                        ),
                    )
                # the family at home shares it out
                if len(recips) == 2 and s is senders[0]:
                    a1, a2 = recips[0].payables(), recips[1].payables()
                    for k in range(int(months)):
                        if a1 and a2 and rng.random() < 0.6:
                            t = self.at(anchor + k * 30.44 + rng.uniform(1, 6), 480, H_DAY)
                            if t < self.E:
                                x, y = rng.choice(a1), rng.choice(a2)
                                self.sink.pay(
                                    t,
                                    self.money(usd * rng.uniform(0.2, 0.5), "PHP", t, 0.9),
                                    "PHP",
                                    x,
                                    y,
                                    "ewallet" if x.kind == y.kind == "ewallet" else "bank_transfer",
                                    "",
                                )
                # family video calls and chat
                rp = next((x for x in recips if x.plat is not None), None)
                if s.plat is not None and rp is not None:
                    for _ in range(poisson(rng, rng.uniform(1, 6) * months)):
                        t = self.at(rng.random() * self.D, s.tz, H_EVENING)
                        sid = self.call(
                            t,
                            rp.plat if rng.random() < 0.5 else s.plat,
                            s.plat if rng.random() < 0.5 else rp.plat,
                            25,
                        )
                        if sid and rng.random() < 0.5:
                            self.chat(
                                t - rng.randrange(60, 3600),
                                s.plat,
                                rp.plat,
                                ["family", "money", "greet", "cam"],
                                rng.randint(2, 5),
                            )

    def ref_family(self) -> str:
        r = self.rng.random()
        if r < self.P["p_diaspora_blank_ref"]:
            return ""
        if r < 0.8:
            return self.rng.choice(V.REF_PURPOSE + ["allowance", "padala", "for mama", "bills"])
        return self.rng.choice(V.REF_VAGUE)

    def sellers(self) -> None:
        rng, w = self.rng, self.w
        months = self.D / 30.44
        sellers = w.by_cohort.get("online_seller", [])
        if not sellers:
            return
        for c in w.by_cohort.get("seller_customer", []):
            favs = rng.sample(sellers, min(len(sellers), rng.choice([1, 1, 2, 3])))
            for _ in range(poisson(rng, rng.uniform(0.1, 0.6) * months)):
                s = rng.choice(favs)
                r = self.recv_for(s, 0.2)
                if r is None:
                    continue
                t = self.at(rng.random() * self.D, c.tz, H_EVENING)
                rr = rng.random()
                ref = (
                    V.ref_order(rng)
                    if rr < 0.4
                    else ("" if rr < 0.88 else "@" + (s.plat.username if s.plat else "shop"))
                )
                self.xpay(t, lognorm(rng, 28, 0.7), c, r, 0.35, ref)
                if c.plat is not None and s.plat is not None and rng.random() < 0.4:
                    self.chat(
                        t - rng.randrange(300, 7200),
                        c.plat,
                        s.plat,
                        ["sell", "money", "greet"],
                        rng.randint(2, 5),
                    )
        for s in sellers:
            for _ in range(poisson(rng, rng.uniform(2, 10) * months)):
                b = rng.choice(self.ph_pool)
                if b is s or not b.ewallets or not s.payables():
                    continue
                t = self.at(rng.random() * self.D, 480, H_EVENING)
                r = rng.choice(s.payables())
                if t < self.E:
                    self.sink.pay(
                        t,
                        self.money(lognorm(rng, 9, 0.7), "PHP", t, 0.5),
                        "PHP",
                        b.ewallets[0],
                        r,
                        "ewallet" if r.kind == "ewallet" else "bank_transfer",
                        V.ref_order(rng) if rng.random() < 0.3 else "",
                    )
            if s.plat is not None:  # live selling
                viewers = [
                    p for p in rng.sample(self.plat_users, min(len(self.plat_users), 30)) if p is not s
                ]
                for _ in range(poisson(rng, rng.uniform(0.5, 3) * months)):
                    t = self.at(rng.random() * self.D, s.tz, H_EVENING)
                    if t >= self.E:
                        continue
                    sid = self.sink.new_session_id()
                    for v in rng.sample(viewers, min(len(viewers), rng.randint(2, 10))):
                        self.sink.session(
                            sid,
                            t + rng.randrange(0, 600),
                            rng.randrange(300, 3600),
                            s.plat,
                            v.plat,
                            False,
                            0.0,
                            s.plat.ip,
                            v.plat.ip if v.plat else "",
                            "PH",
                            v.country,
                        )

    def performers(self) -> None:
        rng, w, sink = self.rng, self.w, self.sink
        months = self.D / 30.44
        perf = w.by_cohort.get("adult_performer", [])
        custs = list(w.by_cohort.get("adult_customer", [])) + [
            p for p in w.by_cohort.get("offender_payer", []) if p.extra.get("adult_customer") and p.plat
        ]
        if not perf or not custs:
            return
        g = w.merchants_global
        pm = w.platform_merchant
        assert pm is not None
        fans: dict[int, list[Person]] = {}
        for c in custs:
            fav = rng.sample(perf, min(len(perf), rng.choice([1, 1, 2, 3, 4])))
            night_p = rng.uniform(0.3, 0.9)
            for p in fav:
                fans.setdefault(p.idx, []).append(c)
            # token purchases at the platform
            if c.card is not None:
                for _ in range(poisson(rng, rng.uniform(0.3, 3) * months)):
                    t = self.at(rng.random() * self.D, c.tz, self.hour_mix(night_p))
                    if self.S <= t < self.E:
                        sink.pay(
                            t,
                            self.money(rng.choice([10, 20, 25, 50, 100]), c.cur, t, 0.0),
                            c.cur,
                            c.card,
                            pm,
                            "card",
                            "",
                            "5815",
                            "KwentoCam Tokens",
                        )
            # private paid shows
            for _ in range(poisson(rng, rng.uniform(0.2, 2.5) * months)):
                p = rng.choice(fav)
                t = self.at(rng.random() * self.D, c.tz, self.hour_mix(night_p))
                host = p.plat
                sid = self.call(t, host, c.plat, 20, paid=float(rng.choice([10, 15, 20, 30, 40, 60, 100])))
                if sid and rng.random() < 0.5:
                    self.chat(
                        t - rng.randrange(60, 3600),
                        c.plat,
                        host,
                        ["show", "money", "cam", "greet"],
                        rng.randint(2, 6),
                        first_only=["greet", "show"],
                    )
            # off-platform tips to the performer's wallet
            if rng.random() < self.P["p_performer_direct_pay"]:
                for _ in range(poisson(rng, rng.uniform(0.2, 1.5) * months)):
                    p = rng.choice(fav)
                    r = self.recv_for(p, 0.25)
                    if r is None:
                        continue
                    t = self.at(rng.random() * self.D, c.tz, self.hour_mix(night_p))
                    ref = "" if rng.random() < 0.6 else rng.choice(V.REF_TOKENS + V.REF_VAGUE)
                    if self.xpay(t, lognorm(rng, 45, 0.6), c, r, 0.7, ref) and rng.random() < 0.5:
                        self.call(t + rng.randrange(-1800, 5400), p.plat, c.plat, 20)  # the show it paid for
            if c.card is not None and rng.random() < 0.3:
                self.buy(self.at(rng.random() * self.D, c.tz, H_NIGHT), c, g["HeartLink Dating"])
        for p in perf:
            host = p.plat
            if host is None:
                continue
            fl = fans.get(p.idx, [])
            others = rng.sample(self.plat_users, min(len(self.plat_users), 20))
            for _ in range(poisson(rng, rng.uniform(4, 14) * months)):
                t = self.at(rng.random() * self.D, p.tz, H_EVENING)
                if t >= self.E:
                    continue
                sid = sink.new_session_id()
                pool = fl + others
                for v in rng.sample(pool, min(len(pool), rng.randint(2, 9))):
                    if v.plat is None or v is p:
                        continue
                    tip = float(rng.choice([1, 2, 5, 10])) if rng.random() < 0.2 else 0.0
                    sink.session(
                        sid,
                        t + rng.randrange(0, 900),
                        rng.randrange(120, 2400),
                        host,
                        v.plat,
                        False,
                        tip,
                        host.ip,
                        v.plat.ip,
                        p.country,
                        self.ip_cc(v.plat),
                    )
            payout_to = p.bank or (p.ewallets[0] if p.ewallets else None)
            if payout_to is not None:
                for k in range(int(months)):
                    t = self.S + int((k + 0.5) * 30.44 * DAY) + rng.randrange(DAY)
                    if t < self.E:
                        sink.pay(
                            t,
                            round(lognorm(rng, 600, 0.7), 2),
                            "USD",
                            pm,
                            payout_to,
                            "bank_transfer",
                            "payout",
                            sname="KwentoCam Tokens",
                            rname=self.tname(payout_to),
                        )

    def gamers(self) -> None:
        rng, w, sink = self.rng, self.w, self.sink
        months = self.D / 30.44
        g = w.merchants_global
        resellers = w.by_cohort.get("game_reseller", [])
        gift = g["ValueCard Gift Cards"]
        for p in w.by_cohort.get("gamer", []):
            for _ in range(poisson(rng, rng.uniform(0.5, 3) * months)):
                t = self.at(rng.random() * self.D, p.tz, H_EVENING)
                self.buy(t, p, g["PixelForge Games"], round_p=0.5)
        for p in w.by_cohort.get("young_gamer", []):
            for _ in range(poisson(rng, rng.uniform(0.1, 0.6) * months)):  # bursts
                d0 = rng.random() * self.D
                k = rng.randint(2, 8)
                pals = [r for r in resellers if r.country == p.country]
                if not pals or rng.random() < 0.25:
                    pals = [r for r in resellers if r.country == "PH"]
                seller = rng.choice(pals) if pals else None
                for j in range(k):
                    t = self.at(d0 + rng.uniform(0, 6) * j / max(1, k - 1), p.tz, H_EVENING)
                    u = lognorm(rng, 18, 0.7)
                    r = rng.random()
                    if r < 0.45 or seller is None:
                        self.buy(
                            t,
                            p,
                            g["PixelForge Games"]
                            if rng.random() < 0.6
                            else (
                                w.merchants_ph[8]
                                if p.country == "PH" and len(w.merchants_ph) > 8
                                else g["PixelForge Games"]
                            ),
                            usd=u,
                            round_p=0.6,
                        )
                    elif r < 0.65 and p.card is not None:
                        self.buy(t, p, gift, usd=float(rng.choice([10, 25, 50])), round_p=1.0)
                        rr = self.recv_for(seller, 0.0)
                        if rr is not None and self.S <= t + 3600 < self.E:
                            sink.pay(
                                t + rng.randrange(600, 86400),
                                self.money(u, "USD", t, 1.0),
                                "USD",
                                gift[0],
                                rr,
                                "gift_card",
                                "",
                                sname="ValueCard Gift Cards",
                            )
                    else:
                        rr = self.recv_for(seller, 0.0)
                        if rr is None:
                            continue
                        if p.country == seller.country:
                            s = p.ewallets[0] if p.ewallets else p.bank
                            if s is not None and self.S <= t < self.E:
                                ch = (
                                    "ewallet"
                                    if s.kind == "ewallet" and rr.kind == "ewallet"
                                    else "bank_transfer"
                                )
                                sink.pay(
                                    t,
                                    self.money(u, p.cur, t, 0.6),
                                    p.cur,
                                    s,
                                    rr,
                                    ch,
                                    rng.choice(["", "", ""] + V.REF_GAME),
                                )
                        else:
                            self.xpay(t, u, p, rr, 0.6, rng.choice(["", ""] + V.REF_GAME))
                if (
                    seller is not None
                    and p.plat is not None
                    and seller.plat is not None
                    and rng.random() < 0.6
                ):
                    self.chat(
                        self.at(d0, p.tz, H_EVENING) - 600,
                        p.plat,
                        seller.plat,
                        ["game", "money", "greet"],
                        rng.randint(2, 6),
                    )
        # streamers and their audiences
        for st in w.by_cohort.get("streamer", []):
            if st.plat is None:
                continue
            aud = rng.sample(self.plat_users, min(len(self.plat_users), 40))
            for _ in range(poisson(rng, rng.uniform(2, 8) * months)):
                t = self.at(rng.random() * self.D, st.tz, H_EVENING)
                if t >= self.E:
                    continue
                sid = sink.new_session_id()
                for v in rng.sample(aud, min(len(aud), rng.randint(3, 15))):
                    if v.plat is None or v is st:
                        continue
                    tip = float(rng.choice([1, 2, 5])) if rng.random() < 0.1 else 0.0
                    sink.session(
                        sid,
                        t + rng.randrange(0, 1800),
                        rng.randrange(300, 5400),
                        st.plat,
                        v.plat,
                        False,
                        tip,
                        st.plat.ip,
                        v.plat.ip,
                        st.country,
                        self.ip_cc(v.plat),
                    )

    def sponsors(self) -> None:
        rng = self.rng
        months = self.D / 30.44
        for s, fam, charity in self.w.sponsor_links:
            usd = float(rng.choice([25, 30, 35, 40, 50, 75, 100]))
            d0 = rng.uniform(0, 30)
            quarterly = rng.random() < 0.3
            r_ch = charity.bank if charity.bank is not None else charity.ewallets[0]
            for k in range(int(months)):
                t = self.at(d0 + k * 30.44, s.tz, self.hour_mix(0.15))
                if rng.random() < 0.7:
                    self.xpay(
                        t, usd, s, r_ch, 1.0, rng.choice(["", "donation", "sponsorship", "monthly gift"])
                    )
                if fam is not None and (not quarterly or k % 3 == 0):
                    r = self.recv_for(fam, 0.3)
                    if r is not None:
                        self.xpay(
                            t + rng.randrange(0, 3 * DAY),
                            usd * (3 if quarterly else 1) * rng.uniform(0.8, 1.5),
                            s,
                            r,
                            0.8,
                            rng.choice(
                                [
                                    "",
                                    "",
                                    "school fees",
                                    "education",
                                    "uniform",
                                    "school supplies",
                                    "medical bills",
                                    "gift",
                                ]
                            ),
                        )
            if fam is not None and s.plat is not None and fam.plat is not None:
                for _ in range(poisson(rng, 0.3 * months)):
                    t = self.at(rng.random() * self.D, s.tz, H_DAY)
                    self.call(t, fam.plat, s.plat, 15)
                    self.chat(t - 1800, s.plat, fam.plat, ["family", "money", "greet"], rng.randint(2, 4))

    def freelancers(self) -> None:
        rng = self.rng
        months = self.D / 30.44
        for c, f in self.w.freelance_links:
            r = f.bank or (f.ewallets[0] if f.ewallets else None)
            if r is None:
                continue
            gigs = rng.random() < 0.4
            usd = lognorm(rng, 40 if gigs else 700, 0.5)
            n = poisson(rng, (rng.uniform(0.5, 3) if gigs else rng.choice([1, 2])) * months)
            for _ in range(n):
                t = self.at(rng.random() * self.D, c.tz, H_WORK)
                ref = V.ref_work(rng) if rng.random() < 0.5 else ""
                if (
                    not self.xpay(t, usd * lognorm(rng, 1, 0.3), c, r, 0.6, ref)
                    and c.bank is not None
                    and self.S <= t < self.E
                ):
                    self.sink.pay(
                        t,
                        self.money(usd, c.cur, t, 0.6),
                        c.cur,
                        c.bank,
                        r,
                        "bank_transfer",
                        ref,
                        sname=self.tname(c.bank),
                        rname=self.tname(r),
                    )

    def romance(self) -> None:
        rng, sink = self.rng, self.sink
        for v, mules in self.w.romance_links:
            if not mules:
                continue
            start = rng.random() * self.D * 0.8
            n = rng.randint(3, 20)
            usd = lognorm(rng, 60, 0.5)
            for j in range(n):
                m = rng.choice(mules)
                r = self.recv_for(m, 0.45)
                if r is None:
                    continue
                day = start + j * lognorm(rng, 6, 0.6)
                t = self.at(day, v.tz, H_ANY)
                self.xpay(
                    t,
                    usd * (1 + j * rng.uniform(0.1, 0.5)),
                    v,
                    r,
                    0.75,
                    "" if rng.random() < 0.5 else rng.choice(V.REF_ROMANCE),
                )
                if v.plat is not None and m.plat is not None and rng.random() < 0.6:
                    self.chat(
                        t - rng.randrange(600, 20000),
                        m.plat,
                        v.plat,
                        ["romance", "money", "greet", "cam"],
                        rng.randint(2, 6),
                    )
                    if rng.random() < 0.3:
                        self.call(t - rng.randrange(3600, 40000), m.plat, v.plat, 15)
        for m in self.w.by_cohort.get("romance_mule", []):
            accs = m.payables() + ([m.pickup] if m.pickup is not None else [])
            for _ in range(poisson(rng, 3 * self.D / 30.44)):
                if len(accs) < 1:
                    break
                s = rng.choice(accs)
                dst = rng.choice(self.ph_pool)
                r = dst.ewallets[0] if dst.ewallets else dst.bank
                t = self.at(rng.random() * self.D, 480, H_DAY)
                if r is not None and t < self.E:
                    sink.pay(
                        t,
                        self.money(lognorm(rng, 150, 0.6), "PHP", t, 0.8),
                        "PHP",
                        s,
                        r,
                        "ewallet" if r.kind == "ewallet" and s.kind == "ewallet" else "bank_transfer",
                        "",
                    )

    def crypto(self) -> None:
        rng, sink = self.rng, self.sink
        traders = [p for p in self.w.by_cohort.get("crypto_trader", []) if p.crypto is not None]
        if len(traders) < 2:
            return
        months = self.D / 30.44
        for p in traders:
            assert p.crypto is not None
            same = [q for q in traders if q.country == p.country]
            for _ in range(poisson(rng, rng.uniform(1, 8) * months)):
                q = rng.choice(same) if same and rng.random() < 0.7 else rng.choice(traders)
                if q is p or q.crypto is None:
                    continue
                t = self.at(rng.random() * self.D, p.tz, H_ANY)
                if not (self.S <= t < self.E):
                    continue
                usd = float(rng.choice([50, 100, 100, 200, 250, 500, 1000])) * rng.choice([1, 1, 1, 0.5, 2])
                sink.pay(t, usd, "USD", p.crypto, q.crypto, "crypto", "")
                # the fiat leg of a peer-to-peer trade
                if rng.random() < 0.5:
                    s = q.bank or (q.ewallets[0] if q.ewallets else None)
                    r = p.bank or (p.ewallets[0] if p.ewallets else None)
                    if s is not None and r is not None:
                        if q.country == p.country:
                            sink.pay(
                                t + rng.randrange(60, 3600),
                                self.money(usd, q.cur, t, 0.5),
                                q.cur,
                                s,
                                r,
                                "ewallet" if s.kind == r.kind == "ewallet" else "bank_transfer",
                                rng.choice(["", "", "p2p", "usdt"]),
                            )
                        else:
                            self.xpay(t + rng.randrange(60, 3600), usd, q, r, 0.5, rng.choice(["", "p2p"]))

    def couples(self) -> None:
        rng, P = self.rng, self.P
        months = self.D / 30.44
        for a, b, rel in self.w.couples:
            usd = lognorm(rng, P["couple_usd_median"], 0.5)
            gap = rng.uniform(5, 20)
            night_p = rng.uniform(0.1, 0.6)
            d = rng.uniform(0, gap)
            while d < self.D:
                r = self.recv_for(b, 0.3)
                if r is not None:
                    t = self.at(d, a.tz, self.hour_mix(night_p))
                    ref = (
                        ""
                        if rng.random() < 0.55
                        else rng.choice(
                            [
                                "load",
                                "rent",
                                "ticket",
                                "for you",
                                "love",
                                "groceries",
                                "bills",
                                "help",
                                "allowance",
                            ]
                        )
                    )
                    if self.xpay(t, usd * lognorm(rng, 1, 0.4), a, r, 0.7, ref) and rng.random() < 0.3:
                        self.call(t + rng.randrange(-3600, 3600), b.plat, a.plat, 30)
                d += gap * lognorm(rng, 1, 0.4)
            if rel is not None:
                for _ in range(poisson(rng, 0.5 * months)):
                    r = self.recv_for(rel, 0.5)
                    if r is not None:
                        self.xpay(
                            self.at(rng.random() * self.D, a.tz, H_DAY),
                            usd * 0.7,
                            a,
                            r,
                            0.8,
                            rng.choice(["", "", "for mama", "medicine", "help"]),
                        )
            for _ in range(poisson(rng, rng.uniform(6, 20) * months)):
                t = self.at(rng.random() * self.D, a.tz, self.hour_mix(night_p))
                sid = self.call(
                    t, b.plat if rng.random() < 0.7 else a.plat, a.plat if rng.random() < 0.7 else b.plat, 30
                )
                if rng.random() < 0.5:
                    self.chat(
                        t - rng.randrange(60, 7200),
                        a.plat,
                        b.plat,
                        ["greet", "money", "cam", "show", "family"],
                        rng.randint(2, 7),
                        sid,
                    )

    def travellers(self) -> None:
        rng, w = self.rng, self.w
        g = w.merchants_global
        travellers = (
            list(w.by_cohort.get("traveller", []))
            + [p for p in w.by_cohort.get("offender_payer", []) if p.extra.get("travel")]
            + [p for p in w.by_cohort.get("diaspora_remitter", []) if rng.random() < 0.15]
        )
        for p in travellers:
            if p.card is None:
                continue
            for _ in range(rng.randint(1, 2)):
                d0 = rng.random() * self.D
                self.buy(self.at(d0 - rng.uniform(10, 60), p.tz, H_DAY), p, g["SkyWays Airlines"])
                stay = rng.randint(4, 21)
                for k in range(stay):
                    for _ in range(rng.randint(0, 3)):
                        m = rng.choice(w.merchants_ph)
                        t = self.at(d0 + k, 480, H_DAY)
                        self.buy(t, p, (m[0], m[1], m[2], m[3] * 0.0178 * 1.5))
                    if rng.random() < 0.3:
                        self.buy(self.at(d0 + k, 480, H_DAY), p, g["IslandStay Hotels"])
                if rng.random() < 0.4 and self.ph_pool:
                    f = rng.choice(self.ph_pool)
                    r = self.recv_for(f, 0.3)
                    if r is not None:
                        self.xpay(
                            self.at(d0 + stay + rng.uniform(5, 40), p.tz, H_ANY),
                            lognorm(rng, 80, 0.5),
                            p,
                            r,
                            0.8,
                            rng.choice(["", "", "thanks", "gift", "help"]),
                        )

    def friends(self) -> None:
        """Ordinary platform users calling and chatting with friends."""
        rng = self.rng
        users = self.plat_users
        if len(users) < 3:
            return
        months = self.D / 30.44
        for p in users:
            if p.cohort not in (
                "ordinary",
                "gamer",
                "young_gamer",
                "traveller",
                "freelancer",
                "online_seller",
            ):
                continue
            for _ in range(poisson(rng, self.P["friend_calls_per_month"] * months)):
                f = users[rng.randrange(len(users))]
                if f is p:
                    continue
                t = self.at(rng.random() * self.D, p.tz, H_EVENING)
                sid = self.call(t, p.plat, f.plat, 12) if rng.random() < 0.4 else ""
                if rng.random() < 0.6:
                    self.chat(
                        t - rng.randrange(60, 3600),
                        p.plat,
                        f.plat,
                        ["greet", "money", "cam", "show", "game"],
                        rng.randint(2, 5),
                        sid,
                    )

    # ---- offenders ---------------------------------------------------------------------------

    def households(self) -> None:
        for hh in self.w.households:
            for rel in hh.rels:
                self.relationship(rel)
            self.household_money(hh)

    def hh_host(self, hh: Household) -> Account | None:
        if hh.hosts:
            return self.rng.choice(hh.hosts)
        plats = [m.plat for m in hh.members if m.plat is not None]
        return self.rng.choice(plats) if plats else None

    def relationship(self, rel: Rel) -> None:
        rng, sink, w = self.rng, self.sink, self.w
        p, hh = rel.payer, rel.hh
        x = p.extra
        pclass = x["pclass"]
        n = rel.n
        if pclass == "few":
            span = rng.uniform(0, 40)
        else:
            span = min(self.D * 0.95, n * float(x["gap_days"]) * lognorm(rng, 1.0, 0.3))  # type: ignore[arg-type]
        start = rng.uniform(0, max(1.0, self.D - span))
        days = sorted(start + rng.random() * span for _ in range(n)) if n > 1 else [start]
        night = float(x["night"])  # type: ignore[arg-type]
        base = float(x["usd"])  # type: ignore[arg-type]
        round_p = float(x["round"])  # type: ignore[arg-type]
        host = self.hh_host(hh) if (rel.sessions or rel.chat) else None
        gift = w.merchants_global["ValueCard Gift Cards"]
        for j, d in enumerate(days):
            t = self.at(d, p.tz, self.hour_mix(night))
            prog = j / max(1, n - 1)
            esc = (0.7 + 0.9 * prog) if x["escalate"] else 1.0
            usd = base * esc * lognorm(rng, 1.0, 0.3)
            if rng.random() < 0.05:
                usd *= rng.uniform(2, 4)
            usd = min(usd, 900.0)
            # pick a receiving account the payer can reach
            paid = False
            for r in rng.sample(rel.accts, len(rel.accts)) + rng.sample(hh.collect, len(hh.collect)):
                if p.card is not None and rng.random() < 0.04 and r.kind == "ewallet":
                    self.buy(
                        t - rng.randrange(600, 7200),
                        p,
                        gift,
                        usd=float(round(usd / 5) * 5 or 10),
                        round_p=1.0,
                    )
                    if self.S <= t < self.E and sink.pay(
                        t + rng.randrange(600, 20000),
                        self.money(usd, "USD", t, 1.0),
                        "USD",
                        gift[0],
                        r,
                        "gift_card",
                        "",
                        sname="ValueCard Gift Cards",
                    ):
                        paid = True
                        break
                    continue
                if self.xpay(t, usd, p, r, round_p, self.ref_offender(p)):
                    paid = True
                    break
            if paid:
                p.n_pay += 1
            # platform side: a private call close to some payments, and chat around them
            if (
                rel.sessions
                and host is not None
                and p.plat is not None
                and rng.random() < self.P["p_session_per_payment"]
            ):
                ts = t + rng.randrange(-1800, 5400)
                tok = float(rng.choice([10, 20, 25, 30, 50])) if rel.tokens and rng.random() < 0.5 else 0.0
                if (
                    tok
                    and p.card is not None
                    and w.platform_merchant is not None
                    and self.S <= ts - 900 < self.E
                ):
                    sink.pay(
                        ts - rng.randrange(60, 900),
                        self.money(tok, p.cur, ts, 0.0),
                        p.cur,
                        p.card,
                        w.platform_merchant,
                        "card",
                        "",
                        "5815",
                        "KwentoCam Tokens",
                    )
                sid = self.call(ts, host, p.plat, 25, paid=tok)
                if rel.chat:
                    self.chat(
                        ts - rng.randrange(120, 3600),
                        p.plat,
                        host,
                        ["greet", "money", "cam", "show"],
                        rng.randint(2, 6),
                        sid,
                        first_only=["greet"],
                    )
            elif rel.chat and host is not None and p.plat is not None and rng.random() < 0.5:
                self.chat(
                    t - rng.randrange(120, 7200),
                    p.plat,
                    host,
                    ["greet", "money", "cam", "show", "family"],
                    rng.randint(2, 5),
                )
        # extra calls that no payment in the data explains
        if rel.sessions and host is not None and p.plat is not None:
            for _ in range(poisson(rng, 0.3 * n)):
                self.call(
                    self.at(start + rng.random() * max(span, 1), p.tz, self.hour_mix(night)), host, p.plat, 20
                )

    def household_money(self, hh: Household) -> None:
        """Collecting accounts are emptied into the head's account or cashed out; relatives chat."""
        rng, sink, w = self.rng, self.sink, self.w
        months = self.D / 30.44
        main = hh.main
        cash = [m for m in w.merchants_ph if m[1] == "6540"]
        for a in hh.collect:
            if a is main:
                continue
            for _ in range(poisson(rng, rng.uniform(1, 4) * months)):
                t = self.at(rng.random() * self.D, 480, H_DAY)
                if t >= self.E:
                    continue
                amt = self.money(lognorm(rng, 70, 0.6), "PHP", t, 0.9)
                if main is not None and rng.random() < 0.6 and a.kind != "crypto":
                    sink.pay(
                        t,
                        amt,
                        "PHP",
                        a,
                        main,
                        "ewallet" if a.kind == main.kind == "ewallet" else "bank_transfer",
                        "",
                    )
                elif cash:
                    m = rng.choice(cash)
                    sink.pay(t, amt, "PHP", a, m[0], "ewallet", "", m[1], m[2])
        # members talk among themselves like any family
        plats = [m.plat for m in hh.members if m.plat is not None] + hh.hosts
        if len(plats) >= 2:
            for _ in range(poisson(rng, 1.5 * months)):
                a, b = rng.sample(plats, 2)
                self.chat(
                    self.at(rng.random() * self.D, 480, H_DAY),
                    a,
                    b,
                    ["family", "money", "greet"],
                    rng.randint(2, 4),
                )

    def payer_side(self) -> None:
        """Payers' other traces: VPN and dating subscriptions like anyone, some adult sites."""
        rng = self.rng
        g = self.w.merchants_global
        months = self.D / 30.44
        for p in self.w.by_cohort.get("offender_payer", []):
            if p.card is None:
                continue
            if rng.random() < self.P["p_payer_vpn"]:
                for k in range(int(months)):
                    self.buy(self.at(k * 30.44 + 5, p.tz, H_NIGHT), p, g["SecureTunnel VPN"], round_p=0.0)
            if rng.random() < 0.15:
                self.buy(self.at(rng.random() * self.D, p.tz, H_NIGHT), p, g["HeartLink Dating"])

    def rings(self) -> None:
        for ring in self.w.rings:
            for v in ring.victims:
                self.extortion(ring, v, first=True)
                if self.rng.random() < self.P["p_victim_reextorted"]:
                    self.extortion(ring, v, first=False)
            self.ring_cashout(ring)

    def extortion(self, ring: Ring, v: Person, first: bool) -> None:
        rng, sink, w = self.rng, self.sink, self.w
        if not ring.personas or not ring.collect:
            return
        persona = rng.choice(ring.personas)
        d0 = (
            rng.random() * self.D * 0.9
            if first
            else min(self.D - 1, v.extra.get("ep", 0) + rng.uniform(14, 60))
        )  # type: ignore
        v.extra["ep"] = d0
        t0 = self.at(d0, v.tz, H_EVENING)
        if first and v.plat is not None:
            t = self.chat(t0, persona, v.plat, ["greet"], rng.randint(3, 8))
            if rng.random() < 0.4:
                self.call(t + rng.randrange(300, 3600), persona, v.plat, 6)
            t0 = t + rng.randrange(1800, 4 * 3600)
        n = int(Picker([1, 2, 3, 4, 5, 6], [22, 25, 20, 14, 11, 8])(rng)) if first else rng.randint(1, 2)  # type: ignore
        usd = min(500.0, lognorm(rng, self.P["sextortion_usd_median"], 0.6))
        mine = rng.sample(ring.collect, min(len(ring.collect), rng.choice([1, 1, 2, 3])))
        gift = w.merchants_global["ValueCard Gift Cards"]
        t = t0
        for j in range(n):
            if v.plat is not None and rng.random() < self.P["p_sextortion_chat"]:
                self.chat(
                    t - rng.randrange(300, 3600),
                    persona,
                    v.plat,
                    ["demand", "money", "demand", "greet"],
                    rng.randint(2, 6),
                    first_only=["demand"],
                )
            amt_usd = min(500.0, usd * (1 + 0.3 * j * rng.random()))
            r = rng.choice(mine)
            ref = (
                "" if rng.random() < 0.7 else rng.choice(["gift", "loan", "for game", "sorry", "ok", "load"])
            )
            done = False
            if v.country == "PH" and v.ewallets and r.kind == "ewallet":
                if self.S <= t < self.E:
                    done = sink.pay(
                        t, self.money(amt_usd, "PHP", t, 0.7), "PHP", v.ewallets[0], r, "ewallet", ref
                    )
            elif r.kind == "crypto":
                done = False
            elif r.inst.code == "globesend" and v.bank is not None and v.country != "PH":
                if self.S <= t < self.E:
                    done = sink.pay(
                        t,
                        self.money(amt_usd, v.cur, t, 0.7),
                        v.cur,
                        v.bank,
                        r,
                        "bank_transfer",
                        ref,
                        sname=self.tname(v.bank),
                        rname=self.tname(r),
                    )
            elif v.remit is not None and rng.random() < 0.6:
                done = self.xpay(t, amt_usd, v, r, 0.7, ref)
            if not done and v.card is not None and r.kind != "crypto":
                face = float(rng.choice([25, 50, 100, 100, 200]))
                done = self.buy(t, v, gift, usd=face, round_p=1.0)
                if done and r.kind == "ewallet":  # a code redeemed elsewhere leaves no trace here
                    sink.pay(
                        t + rng.randrange(300, 4 * 3600),
                        face,
                        "USD",
                        gift[0],
                        r,
                        "gift_card",
                        "",
                        sname="ValueCard Gift Cards",
                    )
            if done:
                v.n_pay += 1
            t += int(lognorm(rng, 0.8, 0.8) * DAY)

    def ring_cashout(self, ring: Ring) -> None:
        rng, sink, w = self.rng, self.sink, self.w
        months = self.D / 30.44
        cash = [m for m in w.merchants_ph if m[1] == "6540"]
        for a in ring.collect:
            owner = a.owner
            for _ in range(poisson(rng, rng.uniform(0.5, 3) * months)):
                t = self.at(rng.random() * self.D, owner.tz, H_DAY)
                if t >= self.E:
                    continue
                if a.inst.ph and cash:
                    m = rng.choice(cash)
                    sink.pay(
                        t,
                        self.money(lognorm(rng, 120, 0.6), "PHP", t, 0.9),
                        "PHP",
                        a,
                        m[0],
                        "ewallet",
                        "",
                        m[1],
                        m[2],
                    )
                elif owner.bank is not None and a.kind != "crypto":
                    sink.pay(
                        t,
                        self.money(lognorm(rng, 200, 0.6), owner.cur, t, 0.9),
                        owner.cur,
                        a,
                        owner.bank,
                        "bank_transfer",
                        "",
                    )

    # ---- tips and bans -----------------------------------------------------------------------

    def close(self, a: Account) -> None:
        last = a.last if a.last else self.S + int(self.rng.uniform(0.3, 0.9) * self.D * DAY)
        a.closed = min(self.E - 60, last + self.rng.randrange(600, 7 * DAY))

    def tips_and_bans(self) -> dict[str, int]:
        rng, sink, w, P = self.rng, self.sink, self.w, self.P
        n_true = n_false = n_ban = 0
        for hh in w.households:
            if hh.hosts and rng.random() < P["p_household_banned"]:
                a = rng.choice(hh.hosts)
                self.close(a)
                a.banned = "csea"
                n_ban += 1
            if rng.random() < P["p_household_tip"]:
                accs = rng.sample(hh.collect, 1)
                users = [hh.hosts[0].username] if hh.hosts and rng.random() < 0.6 else []
                phones = [hh.phone] if rng.random() < 0.4 else []
                sink.report(
                    self.at(rng.random() * self.D, 480, H_DAY),
                    "live_streaming",
                    "Tip from the public about paid video calls at a home",
                    accs,
                    users,
                    [],
                    phones,
                    "PH",
                )
                n_true += 1
        for ring in w.rings:
            for a in ring.personas:
                if rng.random() < P["p_persona_banned"]:
                    self.close(a)
                    a.banned = "csea"
                    n_ban += 1
            if rng.random() < P["p_ring_tip"] and ring.personas:
                a = rng.choice(ring.personas)
                sink.report(
                    self.at(rng.random() * self.D, 480, H_DAY),
                    "sextortion",
                    "Parent reports repeated payment demands in chat",
                    [a],
                    [a.username],
                    [],
                    [],
                    "",
                )
                n_true += 1
        # tips and bans that point at innocent people
        look = (
            w.by_cohort.get("adult_performer", [])
            + w.by_cohort.get("couple", [])
            + w.by_cohort.get("online_seller", [])
            + w.by_cohort.get("family_recipient", [])
        )
        for _ in range(max(1, round(n_true * P["false_tip_ratio"]))):
            if not look:
                break
            p = rng.choice(look)
            accs = [a for a in p.accounts if a.kind != "platform"][:1]
            users = [p.plat.username] if p.plat is not None else []
            sink.report(
                self.at(rng.random() * self.D, 480, H_DAY),
                rng.choice(["live_streaming", "enticement"]),
                "Anonymous tip about suspicious video calls and payments",
                accs,
                users,
                [],
                [],
                "PH",
            )
            n_false += 1
        perf = w.by_cohort.get("adult_performer", [])
        if perf and rng.random() < 0.7:
            p = rng.choice(perf)
            if p.plat is not None:
                p.plat.banned = "csea"
                self.close(p.plat)
                n_ban += 1
        return {"tips_true": n_true, "tips_false": n_false, "bans": n_ban}


def run_all(w: World, sink: Sink, rng: random.Random, fx: dict[str, list[float]]) -> dict[str, Any]:
    act = Activity(w, sink, rng, fx)
    act.background()
    act.diaspora()
    act.sellers()
    act.performers()
    act.gamers()
    act.sponsors()
    act.freelancers()
    act.romance()
    act.crypto()
    act.couples()
    act.travellers()
    act.friends()
    act.households()
    act.payer_side()
    act.rings()
    return act.tips_and_bans()
