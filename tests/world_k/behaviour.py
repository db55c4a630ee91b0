"""What the people of world K do: payments, sessions and chat, cohort by cohort.

Two random streams: ``self.r`` drives every payment and session, ``self.c`` drives chat text
only, so a run without chat (or with the receiver view) describes the very same world.
"""

from __future__ import annotations

import bisect
import math
import random

from . import pools
from .population import Groups
from .sink import Sink
from .world import Person, World

# local-hour weights of ordinary activity (0..23)
DIURNAL = (
    1,
    0.6,
    0.4,
    0.3,
    0.3,
    0.5,
    1.2,
    2.2,
    3,
    3.4,
    3.5,
    3.6,
    4,
    3.6,
    3.4,
    3.4,
    3.6,
    4,
    4.4,
    4.6,
    4.4,
    3.6,
    2.6,
    1.6,
)
_CUM = []
_acc = 0.0
for _w in DIURNAL:
    _acc += _w
    _CUM.append(_acc)

LOCAL_CATS = ("grocery", "fuel", "food", "utility", "telecom", "pharmacy", "home", "electronics")
CARD_MIX = (
    ("grocery", 30, 45.0),
    ("fuel", 14, 50.0),
    ("food", 22, 18.0),
    ("streaming", 6, 12.0),
    ("utility", 6, 110.0),
    ("telecom", 5, 45.0),
    ("pharmacy", 6, 25.0),
    ("home", 6, 60.0),
    ("electronics", 3, 180.0),
    ("games", 2, 10.0),
)
PH_REFS = ("padala", "load", "rent po", "allowance", "gift", "bayad", "share", "food", "school fees", "utang")


class Sim:
    def __init__(self, w: World, g: Groups, sink: Sink) -> None:
        self.w = w
        self.g = g
        self.s = sink
        self.r = random.Random(w.seed * 7919 + 17)
        self.c = random.Random(w.seed * 7919 + 29)
        self.t0 = w.t0
        self.t1 = w.t1
        self.D = w.days
        self.fx = w.fx
        self.month = [int(d[5:7]) for d in w.clock.days]
        self.day_off = 5  # clock.days starts five days before t0
        self.log: dict[int, list] = {}  # payer idx -> [payments, nets(list), blanks]
        self.local_merchants: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        self.vpn_exits = [
            (f"198.18.{i}.{self.r.randint(1, 254)}", self.r.choice(("NL", "SG", "US", "CH")))
            for i in range(24)
        ]
        self.card_cum = []
        acc = 0.0
        for _cat, wt, _m in CARD_MIX:
            acc += wt
            self.card_cum.append(acc)

    # ---- small helpers --------------------------------------------------------------------
    def at(self, day: float, hour: float, tz: float) -> int:
        return self.t0 + int((int(day) * 24 + hour - tz) * 3600)

    def night(self) -> float:
        return self.r.uniform(21.0, 28.5)

    def anyh(self) -> float:
        return bisect.bisect(_CUM, self.r.random() * _acc) + self.r.random()

    def poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 30:
            return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))
        L = math.exp(-lam)
        k, p = 0, 1.0
        while True:
            p *= self.r.random()
            if p <= L:
                return k
            k += 1

    def logn(self, median: float, sigma: float) -> float:
        return median * math.exp(self.r.gauss(0.0, sigma))

    def dayidx(self, t: int) -> int:
        return min(max((t - self.t0) // 86400, 0), self.D)

    def local(self, usd: float, cur: str, t: int, p_round: float) -> float:
        v = usd / self.fx[cur][self.dayidx(t)]
        r = self.r.random()
        if r < p_round:
            step = pools.ROUND_STEP[cur]
            return float(max(step, round(v / step) * step))
        if r < p_round + (1 - p_round) * 0.6:
            return float(max(1, round(v)))
        return round(v, 2)

    def php(self, usd: float, t: int) -> float:
        return usd / self.fx["PHP"][self.dayidx(t)]

    def xpay(
        self,
        t: int,
        sp: Person,
        rp: Person,
        racct: str,
        usd: float,
        ref: str,
        p_round: float = 0.5,
        sacct: str = "",
        rname: str = "",
        channel: str = "",
    ) -> bool:
        """A payment from someone abroad, in the sender's currency."""
        cur = pools.COUNTRIES[sp.country][0]
        amt = self.local(usd, cur, t, p_round)
        ch = channel or sp.chan
        if ch == "bank_transfer" and racct[:2] == "GW":
            ch = "remittance"
        return self.s.tx(
            t,
            amt,
            cur,
            sacct or sp.acct,
            racct,
            ch,
            sp.country,
            rp.country,
            ref,
            "",
            "",
            sp.pname,
            rname or rp.pname,
        )

    def card(self, t: int, p: Person, cat: str, usd: float, p_round: float = 0.0) -> None:
        if not p.card:
            return
        if cat.startswith("ph_") or cat not in LOCAL_CATS:
            lst = self.g.merchants[cat]
            acct, name, mcc = lst[self.r.randrange(len(lst))]
            cc = "PH" if cat.startswith("ph_") else self.w.owner[acct][1].country
        else:
            key = (p.country, cat)
            lst = self.local_merchants.get(key)
            if lst is None:
                lst = []
                for name, mcc, c2 in pools.FOREIGN_MERCHANTS:
                    if c2 == cat:
                        o = self.w.new_org("merchant", name, p.country)
                        lst.append((self.w.outside_account(o, "MX"), name, mcc))
                self.local_merchants[key] = lst
            acct, name, mcc = lst[self.r.randrange(len(lst))]
            cc = p.country
        cur = pools.COUNTRIES[p.country][0]
        amt = self.local(usd, cur, t, p_round)
        ch = "gift_card" if cat == "giftcard" else "card"
        self.s.tx(t, amt, cur, p.card, acct, ch, p.country, cc, "", mcc, name)

    def cashout(self, t: int, p: Person, acct: str, php: float) -> None:
        amt = math.floor(php * self.r.uniform(0.5, 1.0) / 100) * 100
        if amt < 100:
            return
        t2 = t + int(self.r.uniform(0.3, 40) * 3600)
        if acct[:2] == "GW":
            agent, name = self.g.agents[self.r.randrange(len(self.g.agents))]
            self.s.tx(t2, amt, "PHP", acct, agent, "cash_pickup", "PH", "PH", "", "", name)
        else:
            atm, name = self.g.atms[self.r.randrange(len(self.g.atms))]
            self.s.tx(t2, amt, "PHP", acct, atm, "card", "PH", "PH", "", "6011", name)

    def ph_p2p(self, t: int, a: Person, b: Person, php: float, ref: str, racct: str = "") -> None:
        sa = a.wallet or a.bank
        rb = racct or b.recv(self.r)
        if not sa or not rb or sa == rb:
            return
        if sa[:2] == "GW" and rb[:2] == "GW":
            self.s.tx(t, round(php, 2), "PHP", sa, rb, "ewallet", "PH", "PH", ref)
        else:
            self.s.tx(
                t, round(php, 2), "PHP", sa, rb, "bank_transfer", "PH", "PH", ref, "", "", a.pname, b.pname
            )

    def convo(
        self,
        src: str,
        t: int,
        a: str,
        b: str,
        n: int,
        pool_a: tuple,
        pool_b: tuple,
        sid: str = "",
        gap: tuple = (0.5, 20),
    ) -> None:
        if not self.s.chat or self.s.receiver or not a or not b:
            return
        c = self.c
        speaker = 0
        for _ in range(n):
            if speaker == 0:
                self.s.message(src, t, a, b, sid, pool_a[c.randrange(len(pool_a))])
            else:
                self.s.message(src, t, b, a, sid, pool_b[c.randrange(len(pool_b))])
            if c.random() < 0.7:
                speaker = 1 - speaker
            t += int(c.uniform(*gap) * 60)

    def session(
        self,
        src: str,
        t: int,
        minutes: float,
        host: Person,
        hacct: str,
        viewers: list,
        private: bool,
        cur: str = "USD",
    ) -> str:
        sid = self.w.session_id()
        for vp, vacct, paid in viewers:
            if vp.vpn:
                vip, vcc = self.vpn_exits[vp.idx % len(self.vpn_exits)]
            else:
                vip, vcc = vp.ip, vp.country
            self.s.session(
                sid,
                src,
                t,
                minutes,
                hacct,
                vacct,
                host.country,
                vcc,
                host.ip,
                vip,
                host.dev,
                vp.dev,
                private,
                paid,
                cur,
            )
        return sid

    # ---- offenders ------------------------------------------------------------------------
    def offenders(self) -> None:
        w, r, g, D = self.w, self.r, self.g, self.D
        med = w.u("payer_amount_median_usd", 50, 100)
        sig = w.u("payer_amount_sigma", 0.8, 0.95)
        p_night = w.u("p_payer_night", 0.6, 0.85)
        p_blank = w.u("p_payer_blank_reference", 0.4, 0.7)
        p_kw = w.u("p_payer_keyword_reference_if_not_blank", 0.3, 0.7)
        p_blank_few = w.u("p_few_payer_blank_reference", 0.7, 0.95)
        p_round = w.u("p_payer_round_amount", 0.5, 0.8)
        p_esc = w.u("p_payer_escalates", 0.4, 0.8)
        med_freq = w.u("payer_frequent_median_payments", 15, 40)
        p_sess = w.u("p_payment_with_session", 0.2, 0.7)
        p_cash = w.u("p_facilitator_cashout", 0.6, 0.9)
        p_share = w.u("p_facilitator_shares_with_member", 0.1, 0.3)
        p_chat = w.u("p_payer_chats_with_household", 0.4, 0.9)
        within = sig * 0.6
        for p in g.payers:
            kind = p.x["kind"]
            hhs = [g.households[i] for i in p.x["hh"]]
            hw = [r.paretovariate(1.2) for _ in hhs]
            prefs = [r.randrange(len(hh["collect"])) for hh in hhs]
            esc = 1 + r.uniform(0.3, 1.0) if r.random() < p_esc else 1.0
            if esc > 1:
                p.tags.append("escalating")
            # the payer's own level, scaled so the population median stays near ``med``
            base = med / (1 + (esc - 1) * 0.5) * math.exp(r.gauss(0, sig * 0.55))
            if kind == "few":
                n = r.randint(1, 4)
                start = r.uniform(0, D - 5)
            elif kind == "careful":
                n = r.randint(6, 30)
                start = r.uniform(-60, D - 90)
            elif kind == "multi":
                n = int(min(max(self.logn(med_freq * 0.9, 0.7), 6), 200))
                start = r.uniform(-120, D - 45)
            else:
                n = int(min(max(self.logn(med_freq, 0.8), 5), 300))
                start = r.uniform(-120, D - 45)
            k0 = r.randint(2, 5)
            g0 = r.uniform(6, 14)
            rr = r.uniform(0.9, 0.985)
            floor = r.uniform(0.8, 3.0)
            days = []
            d = start
            for i in range(n):
                if d >= D:
                    break
                days.append(d)
                if kind == "few":
                    d += r.uniform(1, 60)
                elif kind == "careful":
                    d += r.uniform(18, 40)
                elif i < k0:
                    d += r.uniform(10, 35)
                else:
                    d += max(floor, g0 * rr ** (i - k0)) * r.uniform(0.6, 1.4)
            if days and days[-1] < 0:
                shift = -days[0] + r.uniform(0, D / 2)
                days = [x + shift for x in days if x + shift < D]
            sess_p = min(1.0, p_sess * r.uniform(0.4, 1.6))
            talks = r.random() < p_chat
            night_p = 0.1 if kind == "careful" else min(0.97, p_night * r.uniform(0.8, 1.2))
            log = self.log.setdefault(p.idx, [0, [], 0])
            m = len(days)
            for i, d in enumerate(days):
                if d < 0:
                    continue
                j = 0 if len(hhs) == 1 else r.choices(range(len(hhs)), weights=hw)[0]
                hh = hhs[j]
                col = hh["collect"]
                acct, fac = col[prefs[j]] if r.random() < 0.75 else col[r.randrange(len(col))]
                day = int(d)
                if kind == "careful":
                    hour = r.uniform(9.0, 17.5)
                    wd = (self.w.weekday0 + day) % 7
                    if wd >= 5:
                        day += 7 - wd
                elif r.random() < night_p:
                    hour = self.night()
                else:
                    hour = self.anyh()
                t = self.at(day, hour, p.tz)
                if t >= self.t1:
                    continue
                usd = (
                    base
                    * (1 + (esc - 1) * i / max(1, m - 1))
                    * math.exp(r.gauss(0, within if kind != "careful" else 0.15))
                )
                if r.random() < 0.03:  # a "special request"
                    usd *= r.uniform(1.5, 2.5)
                usd = min(max(usd, 8.0), 600.0)
                if kind == "few":
                    blank = r.random() < p_blank_few
                elif kind == "careful":
                    blank = r.random() < 0.3
                else:
                    blank = r.random() < p_blank
                if blank:
                    ref = ""
                elif kind == "careful" or r.random() < p_kw:
                    ref = r.choice(pools.REF_OFFENDER_KEYWORD)
                else:
                    ref = r.choice(pools.REF_OFFENDER_OTHER)
                sacct = p.x["acct2"] if "acct2" in p.x and t >= p.x["switch"] else p.acct
                self.xpay(t, p, fac, acct, usd, ref, p_round, sacct)
                log[0] += 1
                if hh["net"] not in log[1]:
                    log[1].append(hh["net"])
                log[2] += blank
                php = self.php(usd, t)
                if r.random() < p_cash:
                    self.cashout(t, fac, acct, php)
                others = [q for q in hh["members"] if q is not fac]
                if others and r.random() < p_share:
                    q = r.choice(others)
                    self.ph_p2p(
                        t + int(r.uniform(1, 30) * 3600),
                        fac,
                        q,
                        round(php * r.uniform(0.1, 0.4), -1),
                        r.choice(("", "padala", "load", "allowance", "share")),
                    )
                if p.chat and hh["hosts"] and r.random() < sess_p:
                    hacct, host = hh["hosts"][r.randrange(len(hh["hosts"]))]
                    ts = t + int(r.uniform(-0.5, 3.0) * 3600)
                    sid = self.session("chatapp", ts, r.uniform(8, 45), host, hacct, [(p, p.chat, 0.0)], True)
                    if talks:
                        pre = ts - int(self.c.uniform(10, 120) * 60)
                        self.convo(
                            "chatapp",
                            pre,
                            p.chat,
                            hacct,
                            self.c.randint(2, 6),
                            pools.CHAT["hh_in"],
                            pools.CHAT["hh_out"],
                        )
                        if self.c.random() < 0.3:
                            self.convo(
                                "chatapp",
                                ts + 60,
                                hacct,
                                p.chat,
                                self.c.randint(1, 3),
                                pools.CHAT["hh_out"],
                                pools.CHAT["hh_in"],
                                sid,
                            )
        # household life: members talk among themselves like any family
        for hh in g.households:
            hosts = hh["hosts"]
            for i in range(len(hosts)):
                for j in range(i + 1, len(hosts)):
                    for _ in range(self.poisson(self.D / 60)):
                        t = self.at(r.uniform(0, D), self.anyh(), 8)
                        self.convo(
                            "chatapp",
                            t,
                            hosts[i][0],
                            hosts[j][0],
                            self.c.randint(2, 5),
                            pools.CHAT["hh_family"],
                            pools.CHAT["hh_family"],
                        )

    # ---- sextortion -----------------------------------------------------------------------
    def sextortion(self) -> None:
        w, r, g = self.w, self.r, self.g
        p_rise = w.u("p_sextortion_amount_rises", 0.55, 0.85)
        p_again = w.u("p_sextortion_extorted_again", 0.1, 0.3)
        for p in g.victims:
            ring = p.x["ring"]
            chat_acct, ext = ring["chats"][r.randrange(len(ring["chats"]))]
            day = r.uniform(0, self.D - 3)
            t = self.at(day, r.uniform(18, 23.8), p.tz)
            episodes = 2 if r.random() < p_again else 1
            for e in range(episodes):
                if p.chat:
                    self.convo(
                        "chatapp",
                        t - int(self.c.uniform(30, 150) * 60),
                        chat_acct,
                        p.chat,
                        self.c.randint(4, 10),
                        pools.CHAT["sx_out"],
                        pools.CHAT["sx_in"],
                        gap=(0.3, 6),
                    )
                k = (
                    r.choices((1, 2, 3, 4, 5, 6), weights=(0.1, 0.25, 0.25, 0.2, 0.12, 0.08))[0]
                    if e == 0
                    else r.randint(1, 3)
                )
                usd = r.choice((25, 50, 75, 100, 150, 200)) * r.uniform(0.8, 1.2)
                rising = r.random() < p_rise
                for _ in range(k):
                    self._sx_pay(t, p, ring, usd)
                    if p.chat:
                        self.convo(
                            "chatapp",
                            t + 120,
                            chat_acct,
                            p.chat,
                            self.c.randint(1, 3),
                            pools.CHAT["sx_out"],
                            pools.CHAT["sx_in"],
                            gap=(0.3, 4),
                        )
                    t += int(r.uniform(8, 180) * 60) if r.random() < 0.9 else int(r.uniform(8, 20) * 3600)
                    usd = min(1500.0, usd * (r.uniform(1.1, 2.0) if rising else r.uniform(0.6, 1.1)))
                t += int(r.uniform(2, 10) * 86400)

    def _sx_pay(self, t: int, p: Person, ring: dict, usd: float) -> None:
        r = self.r
        opts: list[tuple[str, float]] = []
        same = [n for n in ring["nominees"] if n[2] == p.inst]
        ph = [n for n in ring["nominees"] if n[2] == "wallet-ph"]
        if p.in_bundle:
            opts.append(("gift", 0.3))
            opts.append(("out", 0.1))
        if same:
            opts.append(("p2p", 0.35))
        if ph:
            opts.append(("ph", 0.3))
        if not opts:
            opts.append(("out_any", 1.0))
        how = r.choices([o[0] for o in opts], weights=[o[1] for o in opts])[0]
        cur = pools.COUNTRIES[p.country][0]
        ref = "" if r.random() < 0.7 else r.choice(("gift", "load", "pay", "sorry", "ok"))
        if how == "gift":
            self.card(t, p, "giftcard", usd, 1.0)
        elif how == "p2p":
            acct, boss, _inst, gh = same[r.randrange(len(same))]
            amt = self.local(usd, cur, t, 0.8)
            self.s.tx(
                t, amt, cur, p.acct, acct, "ewallet", p.country, gh.country, ref, "", "", p.pname, gh.pname
            )
            if r.random() < 0.6:
                out = ring["outs"][r.randrange(len(ring["outs"]))]
                self.s.tx(
                    t + int(r.uniform(2, 48) * 3600),
                    round(amt * r.uniform(0.8, 0.95), 2),
                    cur,
                    acct,
                    out,
                    "remittance",
                    gh.country,
                    boss.country,
                    "",
                    "",
                    "",
                    gh.pname,
                    boss.pname,
                )
        elif how == "ph":
            acct, boss, _inst, gh = ph[r.randrange(len(ph))]
            self.xpay(t, p, boss, acct, usd, ref, 0.8, rname=gh.pname)
            if r.random() < 0.7:
                self.cashout(t, boss, acct, self.php(usd, t))
        else:
            out = ring["outs"][r.randrange(len(ring["outs"]))]
            boss = self.w.owner[out][1]
            self.xpay(t, p, boss, out, usd, ref, 0.8)

    # ---- romance scams --------------------------------------------------------------------
    def romance(self) -> None:
        r = self.r
        for p in self.g.romance_victims:
            scam = p.x["scammer"]
            day = r.uniform(0, self.D - 60)
            n = r.randint(3, 25)
            usd = self.logn(250, 0.6)
            for _ in range(n):
                if day >= self.D:
                    break
                mule = r.choice(p.x["mules"])
                t = self.at(day, self.anyh(), p.tz)
                acct = mule.recv(r)
                ref = "" if r.random() < 0.3 else r.choice(pools.REF_ROMANCE)
                self.xpay(t, p, mule, acct, min(max(usd, 50), 5000), ref, 0.6)
                php = self.php(usd, t)
                x = r.random()
                if x < 0.5:
                    self.cashout(t, mule, acct, php)
                elif x < 0.9:
                    self.s.tx(
                        t + int(r.uniform(2, 60) * 3600),
                        round(php * r.uniform(0.7, 0.95), 2),
                        "PHP",
                        acct,
                        scam.acct,
                        "remittance",
                        "PH",
                        scam.country,
                        "",
                        "",
                        "",
                        mule.pname,
                        scam.pname,
                    )
                if p.chat:
                    self.convo(
                        "chatapp",
                        t - int(self.c.uniform(1, 30) * 3600),
                        scam.chat,
                        p.chat,
                        self.c.randint(2, 6),
                        pools.CHAT["romance_in"],
                        pools.CHAT["romance_out"],
                        gap=(2, 90),
                    )
                day += r.uniform(3, 20)
                usd *= r.uniform(1.0, 1.15)

    # ---- diaspora -------------------------------------------------------------------------
    def diaspora(self) -> None:
        w, r, D = self.w, self.r, self.D
        med = w.u("diaspora_monthly_median_usd", 120, 300)
        p_night = w.u("p_diaspora_night_shift", 0.15, 0.35)
        p_blank = w.u("p_diaspora_blank_reference", 0.15, 0.5)
        p_cash = w.u("p_family_recipient_cashout", 0.3, 0.7)
        p_load = w.u("p_diaspora_sends_load_topups", 0.3, 0.7)
        calls = w.u("diaspora_calls_per_week", 0.05, 0.3)
        p_talk = w.u("p_diaspora_payment_with_chat", 0.2, 0.5)
        for p in self.g.senders:
            night = r.random() < p_night
            blank = min(0.95, p_blank * r.uniform(0.2, 1.8))
            for k, rc in enumerate(p.x["recips"]):
                base = self.logn(med, 0.5) * (1.0 if k == 0 else r.uniform(0.3, 0.7))
                twice = r.random() < 0.25
                dom = r.randint(1, 28)
                start = 0.0 if r.random() < 0.85 else r.uniform(0, D - 90)
                racct = rc.recv(r)
                pay_days = []
                for mth in range(self.w.months + 1):
                    if r.random() < 0.08:
                        continue
                    d0 = mth * 30 + dom + r.randint(-3, 3)
                    pay_days.append((d0, 1.0, ""))
                    if twice:
                        pay_days.append((d0 + 15, 1.0, ""))
                    moy = self.month[min(max(d0 + self.day_off, 0), len(self.month) - 1)]
                    if moy in (6, 7) and r.random() < 0.35:
                        pay_days.append((d0 + r.randint(1, 10), r.uniform(1, 3), "school fees"))
                    if moy == 12 and r.random() < 0.5:
                        pay_days.append((d0 + r.randint(1, 10), r.uniform(0.5, 2), "gift"))
                if r.random() < p_load:
                    for _ in range(self.poisson(r.uniform(0.3, 2.0) * self.w.months)):
                        pay_days.append((r.uniform(0, D), -1.0, "load"))
                for _ in range(self.poisson(0.05 * self.w.months)):
                    pay_days.append((r.uniform(0, D), r.uniform(1, 4), "medical"))
                for d0, mult, kw in pay_days:
                    if d0 < start or d0 >= D:
                        continue
                    hour = self.night() if night and r.random() < 0.7 else self.anyh()
                    t = self.at(d0, hour, p.tz)
                    usd = r.uniform(3, 15) if mult < 0 else base * mult * r.uniform(0.85, 1.15)
                    if r.random() < blank:
                        ref = ""
                    elif kw and r.random() < 0.7:
                        ref = kw
                    else:
                        ref = r.choice(pools.REF_FAMILY)
                    self.xpay(t, p, rc, racct, usd, ref, 0.6)
                    if mult > 0 and r.random() < p_cash:
                        self.cashout(t, rc, racct, self.php(usd, t))
                    if p.chat and rc.chat and self.c.random() < p_talk:
                        self.convo(
                            "chatapp",
                            t - int(self.c.uniform(0, 6) * 3600),
                            p.chat,
                            rc.chat,
                            self.c.randint(2, 4),
                            pools.CHAT["family_out"],
                            pools.CHAT["family_in"],
                        )
                if p.chat and rc.chat:
                    for _ in range(self.poisson(calls * r.uniform(0.5, 1.5) * (D - start) / 7)):
                        t = self.at(r.uniform(start, D), r.uniform(18, 23.5), rc.tz)
                        host, viewer = (p, rc) if r.random() < 0.5 else (rc, p)
                        self.session(
                            "chatapp",
                            t,
                            r.uniform(5, 60),
                            host,
                            host.chat,
                            [(viewer, viewer.chat, 0.0)],
                            True,
                        )

    # ---- online sellers -------------------------------------------------------------------
    def sellers(self) -> None:
        w, r, D = self.w, self.r, self.D
        med = w.u("seller_purchase_median_usd", 15, 40)
        p_order = w.u("p_seller_order_reference", 0.6, 0.9)
        lives = w.u("seller_live_sessions_per_week", 0.5, 3.0)
        for p in self.g.buyers:
            night = r.random() < 0.3
            for s in p.x["sellers"]:
                n = (
                    r.randint(5, 20)
                    if p.x["repeat"]
                    else min(6, 1 + int(math.log(1 - r.random()) / math.log(0.45)))
                )
                racct = s.recv(r)
                for _ in range(n):
                    t = self.at(
                        r.uniform(0, D), self.night() if night and r.random() < 0.6 else self.anyh(), p.tz
                    )
                    if r.random() < p_order:
                        ref = f"order #{r.randint(1000, 99999)}"
                    elif r.random() < 0.6:
                        ref = ""
                    else:
                        ref = r.choice(("padala", "gift", "payment", "load", "po"))
                    self.xpay(t, p, s, racct, min(max(self.logn(med, 0.6), 3), 500), ref, 0.3)
                    if p.chat and s.chat and self.c.random() < 0.3:
                        self.convo(
                            "chatapp",
                            t - 600,
                            p.chat,
                            s.chat,
                            self.c.randint(2, 4),
                            pools.CHAT["seller_in"],
                            pools.CHAT["seller_out"],
                        )
        for s in self.g.sellers:
            for _ in range(self.poisson(D / 30)):
                t = self.at(r.uniform(0, D), r.uniform(9, 18), 8)
                biller, _name = r.choice(self.g.ph_billers["shop"])
                self.s.tx(
                    t,
                    float(round(self.logn(8000, 0.7), -2) or 100),
                    "PHP",
                    s.acct,
                    biller,
                    "ewallet" if s.acct[:2] == "GW" else "bank_transfer",
                    "PH",
                    "PH",
                    "invoice",
                )
            if not s.chat:
                continue
            fans = [b for b in s.x["buyers"] if b.chat]
            for _ in range(self.poisson(lives * r.uniform(0.5, 1.5) * D / 7)):
                t = self.at(r.uniform(0, D), r.uniform(19, 23.5), 8)
                k = r.randint(1, max(1, min(15, len(fans)))) if fans else 0
                viewers = [(b, b.chat, 0.0) for b in r.sample(fans, k)] if k else []
                for q in r.sample(self.g.ordinary_ph, min(len(self.g.ordinary_ph), r.randint(0, 3))):
                    if q.chat:
                        viewers.append((q, q.chat, 0.0))
                if viewers:
                    sid = self.session("chatapp", t, r.uniform(30, 150), s, s.chat, viewers, False)
                    if self.c.random() < 0.4:
                        vp = viewers[self.c.randrange(len(viewers))]
                        self.convo(
                            "chatapp",
                            t + 300,
                            s.chat,
                            vp[1],
                            self.c.randint(1, 3),
                            pools.CHAT["seller_out"],
                            pools.CHAT["seller_in"],
                            sid,
                        )

    # ---- legal adult webcam work ----------------------------------------------------------
    def adult(self) -> None:
        w, r, D, g = self.w, self.r, self.D, self.g
        payout_med = w.u("performer_payout_median_usd", 150, 600)
        shows = w.u("performer_shows_per_week", 1.0, 4.0)
        p_night = w.u("p_adult_customer_night", 0.55, 0.85)
        fans: dict[int, list[Person]] = {}
        for p in g.adult_customers:
            for q in p.x["follows"]:
                if p.cam:
                    fans.setdefault(q.idx, []).append(p)
            start = r.uniform(-60, D - 30)
            dur = self.logn(180, 0.7)
            lam = r.uniform(1, 8) / 30
            esc = r.uniform(1.5, 3.0) if r.random() < 0.3 else 1.0
            if p.in_bundle and p.card:
                d = max(0.0, start)
                end = min(D, start + dur)
                while d < end:
                    prog = (d - start) / max(1.0, dur)
                    d += r.expovariate(lam * (1 + (esc - 1) * prog))
                    if d >= end:
                        break
                    t = self.at(d, self.night() if r.random() < p_night else self.anyh(), p.tz)
                    usd = r.choices((10, 20, 25, 50, 100, 200), weights=(3, 3, 3, 4, 2, 1))[0]
                    self._token_buy(t, p, usd)
            if p.x["direct"]:
                targets = p.x["follows"][:3]
                for _ in range(r.randint(1, 20)):
                    q = r.choice(targets)
                    d = r.uniform(max(0.0, start), min(D, start + dur + 60))
                    t = self.at(d, self.night() if r.random() < p_night else self.anyh(), p.tz)
                    ref = "" if r.random() < 0.5 else r.choice(pools.REF_PERFORMER)
                    self.xpay(t, p, q, q.recv(r), min(max(self.logn(60, 0.7), 10), 600), ref, 0.6)
                    if p.chat and q.chat and r.random() < 0.4:  # a private show paid off-site
                        ts = t + int(r.uniform(-0.5, 2.0) * 3600)
                        self.session("chatapp", ts, r.uniform(5, 40), q, q.chat, [(p, p.chat, 0.0)], True)
                    if p.chat and q.chat and self.c.random() < 0.5:
                        self.convo(
                            "chatapp",
                            t - 900,
                            p.chat,
                            q.chat,
                            self.c.randint(2, 4),
                            pools.CHAT["performer_in"],
                            pools.CHAT["performer_out"],
                        )
        cp = g.cam_payout
        for q in g.performers:
            racct = q.recv(r)
            scale = min(3.0, q.x["w"])
            d = r.uniform(0, 14)
            while d < D:
                t = self.at(d, r.uniform(9, 17), 1)
                usd = self.logn(payout_med * scale, 0.5)
                self.s.tx(
                    t,
                    round(usd, 2),
                    "USD",
                    g.cam_payout_acct,
                    racct,
                    "bank_transfer" if racct[:2] == "PB" else "remittance",
                    "NL",
                    "PH",
                    "payout",
                    "",
                    "",
                    cp.pname,
                    q.pname,
                )
                if r.random() < 0.5:
                    self.cashout(t, q, racct, self.php(usd, t))
                d += r.uniform(12, 16)
            followers = fans.get(q.idx, [])
            if not followers:
                continue
            for _ in range(self.poisson(shows * D / 7)):
                t = self.at(r.uniform(0, D), r.uniform(20, 27), 8)
                if r.random() < 0.25:
                    v = r.choice(followers)
                    sid = self.session(
                        "camsite",
                        t,
                        r.uniform(5, 40),
                        q,
                        q.cam,
                        [(v, v.cam, round(r.uniform(20, 200), 2))],
                        True,
                    )
                    members = [v]
                else:
                    vs = r.sample(followers, min(len(followers), r.randint(1, 6)))
                    viewers = [
                        (v, v.cam, round(r.uniform(1, 50), 2) if r.random() < 0.5 else 0.0) for v in vs
                    ]
                    sid = self.session("camsite", t, r.uniform(20, 120), q, q.cam, viewers, False)
                    members = vs
                if self.c.random() < 0.5:
                    v = members[self.c.randrange(len(members))]
                    self.convo(
                        "camsite",
                        t + 120,
                        v.cam,
                        q.cam,
                        self.c.randint(1, 4),
                        pools.CHAT["performer_in"],
                        pools.CHAT["performer_out"],
                        sid,
                        (0.2, 5),
                    )

    def _token_buy(self, t: int, p: Person, usd: float) -> None:
        cur = pools.COUNTRIES[p.country][0]
        self.s.tx(
            t,
            self.local(usd, cur, t, 0.0),
            cur,
            p.card,
            self.g.cam_merchant,
            "card",
            p.country,
            "NL",
            "",
            "5967",
            "CamStars Tokens",
        )

    # ---- couples --------------------------------------------------------------------------
    def couples(self) -> None:
        w, r, D = self.w, self.r, self.D
        med = w.u("couple_allowance_median_usd", 50, 200)
        p_night = w.u("p_couple_sender_night", 0.3, 0.7)
        calls = w.u("couple_calls_per_week", 0.5, 2.5)
        talks = w.u("couple_chats_per_week", 0.5, 2.0)
        senders: list[Person] = []
        for s, _q in self.g.couples:
            if not senders or senders[-1] is not s:
                senders.append(s)
        for s in senders:
            partners = s.x["partners"]
            span0 = r.uniform(-200, D - 90)
            cut = r.uniform(span0 + 60, D) if len(partners) > 1 else D
            for k, q in enumerate(partners):
                a, b = (span0, cut) if k == 0 else (cut, D)
                gap = r.choice((7, 14, 30, 30))
                base = self.logn(med, 0.5) * (gap / 14) ** 0.5
                blank = r.uniform(0.2, 0.6)
                night = r.random() < p_night
                racct = q.recv(r)
                d = max(0.0, a)
                while d < b:
                    hour = self.night() if night and r.random() < 0.7 else r.uniform(17, 23.5)
                    t = self.at(d, hour, s.tz)
                    ref = "" if r.random() < blank else r.choice(pools.REF_COUPLE)
                    self.xpay(t, s, q, racct, base * r.uniform(0.8, 1.2), ref, 0.6)
                    if r.random() < 0.5:
                        self.cashout(t, q, racct, self.php(base, t))
                    if s.chat and q.chat and r.random() < 0.3:  # "sent, call now?"
                        ts = t + int(r.uniform(0.1, 3.0) * 3600)
                        self.session("chatapp", ts, r.uniform(10, 60), q, q.chat, [(s, s.chat, 0.0)], True)
                    d += gap * r.uniform(0.8, 1.25)
                for _ in range(self.poisson(0.5 * max(0.0, b - max(0.0, a)) / 365)):
                    t = self.at(r.uniform(max(0.0, a), b), r.uniform(17, 23), s.tz)
                    self.xpay(t, s, q, racct, r.uniform(300, 900), "ticket", 0.7)
                if s.chat and q.chat:
                    weeks = max(0.0, b - max(0.0, a)) / 7
                    for _ in range(self.poisson(calls * weeks)):
                        t = self.at(r.uniform(max(0.0, a), b), r.uniform(19, 24), q.tz)
                        host, v = (q, s) if r.random() < 0.6 else (s, q)
                        self.session(
                            "chatapp", t, r.uniform(10, 90), host, host.chat, [(v, v.chat, 0.0)], True
                        )
                    for _ in range(self.poisson(talks * weeks)):
                        t = self.at(r.uniform(max(0.0, a), b), self.anyh(), s.tz)
                        self.convo(
                            "chatapp",
                            t,
                            s.chat,
                            q.chat,
                            self.c.randint(2, 6),
                            pools.CHAT["couple_out"],
                            pools.CHAT["couple_in"],
                        )

    # ---- charity, freelancers, tutors -----------------------------------------------------
    def charity(self) -> None:
        r, D = self.r, self.D
        for p in self.g.sponsors:
            ch = p.x["charity"]
            amount = r.choice((25, 30, 35, 40, 45, 50))
            dom = r.randint(1, 28)
            start = max(0.0, r.uniform(-600, D - 60))
            stop = r.uniform(start + 60, D) if r.random() < 0.2 else D
            ref = "" if r.random() < 0.4 else r.choice(pools.REF_SPONSOR)
            for mth in range(self.w.months + 1):
                d = mth * 30 + dom
                if d < start or d >= stop:
                    continue
                t = self.at(d, r.uniform(8, 22), p.tz)
                self.xpay(t, p, ch, ch.acct, amount, ref if r.random() < 0.9 else "", 0.9)
        for ch in self.g.charities:
            dom = r.randint(1, 28)
            for q in ch.x["benef"]:
                php = r.choice((500, 1000, 1500, 2000, 3000))
                ref = r.choice(("school fees", "allowance", "scholar fund", "school fees program"))
                for mth in range(self.w.months + 1):
                    t = self.at(mth * 30 + dom, r.uniform(9, 16), 8)
                    rb = q.recv(r)
                    self.s.tx(
                        t,
                        float(php),
                        "PHP",
                        ch.acct,
                        rb,
                        "bank_transfer",
                        "PH",
                        "PH",
                        ref,
                        "",
                        "",
                        ch.pname,
                        q.pname,
                    )

    def freelance(self) -> None:
        w, r, D = self.w, self.r, self.D
        med = w.u("freelance_invoice_median_usd", 300, 900)
        for p in self.g.clients:
            for f in p.x["team"]:
                gap = 14 if r.random() < 0.4 else 30
                base = self.logn(med, 0.5) * gap / 30
                d = max(0.0, r.uniform(-300, D - 60))
                end = D if r.random() < 0.7 else r.uniform(d + 60, D + 1)
                k = r.randint(1, 200)
                racct = f.bank or f.recv(r)
                while d < end:
                    day = int(d)
                    wd = (w.weekday0 + day) % 7
                    if wd >= 5:
                        day += 7 - wd
                    t = self.at(day, r.uniform(9, 17.5), p.tz)
                    x = r.random()
                    ref = f"invoice #{k}" if x < 0.7 else ("VA services" if x < 0.85 else "")
                    k += 1
                    self.xpay(t, p, f, racct, base * r.uniform(0.9, 1.1), ref, 0.5)
                    if p.chat and f.chat and self.c.random() < 0.5:
                        self.convo(
                            "chatapp",
                            t - 7200,
                            f.chat,
                            p.chat,
                            self.c.randint(1, 3),
                            pools.CHAT["freelance_out"],
                            pools.CHAT["freelance_in"],
                        )
                    if p.chat and f.chat and r.random() < 0.5:
                        self.session(
                            "chatapp",
                            t - int(r.uniform(1, 5) * 86400),
                            r.uniform(15, 60),
                            p,
                            p.chat,
                            [(f, f.chat, 0.0)],
                            True,
                        )
                    d += gap * r.uniform(0.9, 1.1)

    def tutors(self) -> None:
        r, D = self.r, self.D
        for p in self.g.tutees:
            tu = p.x["tutor"]
            start = r.uniform(-100, D - 30)
            end = min(D, start + self.logn(120, 0.8))
            d = max(0.0, start)
            racct = tu.recv(r)
            while d < end:
                t = self.at(d, r.uniform(17, 22.5), p.tz)
                ref = "" if r.random() < 0.4 else r.choice(pools.REF_TUTOR)
                self.xpay(t, p, tu, racct, r.choice((30, 50, 60, 80, 100, 120, 150)), ref, 0.7)
                if p.chat and tu.chat and self.c.random() < 0.6:
                    self.convo(
                        "chatapp",
                        t + 600,
                        tu.chat,
                        p.chat,
                        self.c.randint(2, 4),
                        pools.CHAT["tutor_out"],
                        pools.CHAT["tutor_in"],
                    )
                d += r.uniform(14, 45)
            if p.chat and tu.chat:
                lessons = r.uniform(0.5, 2.0)
                for _ in range(self.poisson(lessons * max(0.0, end - max(0.0, start)) / 7)):
                    t = self.at(r.uniform(max(0.0, start), end), r.uniform(18, 22), p.tz)
                    self.session("chatapp", t, r.uniform(25, 50), tu, tu.chat, [(p, p.chat, 0.0)], True)

    # ---- travellers and trips -------------------------------------------------------------
    def trip(self, p: Person, day: float, length: float) -> None:
        r = self.r
        if not p.in_bundle or not p.card:
            return
        self.card(
            self.at(day - r.uniform(20, 90), self.anyh(), p.tz), p, "airline", r.uniform(500, 1500), 0.0
        )
        for _ in range(r.randint(1, 2)):
            self.card(
                self.at(day + r.uniform(0, length), r.uniform(12, 22), 8), p, "ph_hotel", self.logn(120, 0.5)
            )
        for _ in range(r.randint(2, 8)):
            cat = r.choice(("ph_food", "ph_shopping", "ph_travel"))
            self.card(self.at(day + r.uniform(0, length), r.uniform(9, 22), 8), p, cat, self.logn(40, 0.7))
        for _ in range(r.randint(1, 4)):
            self.card(
                self.at(day + r.uniform(0, length), r.uniform(9, 22), 8),
                p,
                "ph_atm",
                r.choice((100, 150, 200, 300)),
                1.0,
            )

    def travellers(self) -> None:
        r, D = self.r, self.D
        for p in self.g.travellers:
            first = None
            for _ in range(r.randint(1, 3)):
                day = r.uniform(0, D - 10)
                first = day if first is None else min(first, day)
                self.trip(p, day, r.uniform(5, 25))
            night = r.random() < 0.4
            for c in p.x["contacts"]:
                racct = c.recv(r)
                for _ in range(r.randint(1, 12)):
                    d = r.uniform(first, D)
                    t = self.at(d, self.night() if night and r.random() < 0.6 else self.anyh(), p.tz)
                    ref = "" if r.random() < 0.4 else r.choice(pools.REF_TRAVEL)
                    self.xpay(t, p, c, racct, min(max(self.logn(40, 0.7), 5), 400), ref, 0.6)
                    if p.chat and c.chat and self.c.random() < 0.5:
                        self.convo(
                            "chatapp",
                            t - 3600,
                            p.chat,
                            c.chat,
                            self.c.randint(2, 4),
                            pools.CHAT["friend"],
                            pools.CHAT["friend"],
                        )

    # ---- gamers and traders ---------------------------------------------------------------
    def gamers(self) -> None:
        r, D = self.r, self.D
        prices = (1.99, 4.99, 9.99, 19.99, 49.99, 99.99)
        for p in self.g.gamers:
            if p.in_bundle:
                for _ in range(self.poisson(r.uniform(0.3, 2) * self.w.months)):
                    t = self.at(r.uniform(0, D), self.anyh() if r.random() < 0.6 else self.night(), p.tz)
                    for _ in range(r.randint(1, 3)):
                        self.card(t, p, "games", r.choice(prices) * 0.999)
                        t += int(r.uniform(1, 40) * 60)
            for s in p.x["ph_sellers"]:
                racct = s.recv(r)
                for _ in range(r.randint(1, 8)):
                    t = self.at(r.uniform(0, D), self.anyh() if r.random() < 0.5 else self.night(), p.tz)
                    for _ in range(r.randint(1, 4)):
                        x = r.random()
                        ref = (
                            f"order #{r.randint(1000, 99999)}"
                            if x < 0.4
                            else ("" if x < 0.7 else r.choice(("tokens", "load", "coins")))
                        )
                        self.xpay(t, p, s, racct, r.uniform(5, 60), ref, 0.5)
                        t += int(r.uniform(3, 50) * 60)
                    if p.chat and s.chat and self.c.random() < 0.5:
                        self.convo(
                            "chatapp",
                            t - 3600,
                            p.chat,
                            s.chat,
                            self.c.randint(2, 4),
                            pools.CHAT["gamer"],
                            pools.CHAT["seller_out"],
                        )

    def traders(self) -> None:
        r, D = self.r, self.D
        for p in self.g.traders:
            cps = p.x["cps"]
            for _ in range(self.poisson(r.uniform(10, 60) * self.w.months)):
                cp = cps[r.randrange(len(cps))]
                t = self.at(r.uniform(0, D), self.anyh(), cp.tz)
                php = min(max(self.logn(5000, 0.9), 500), 200000)
                if r.random() < 0.6:
                    php = float(round(php, -2))
                ref = f"order #{r.randint(100000, 999999)}" if r.random() < 0.5 else ""
                if cp.foreign:
                    self.xpay(
                        t, cp, p, p.recv(r), php * self.fx["PHP"][self.dayidx(t)], ref, 0.4, channel="ewallet"
                    )
                elif r.random() < 0.6:
                    self.ph_p2p(t, cp, p, php, ref)
                else:
                    self.ph_p2p(t, p, cp, php, ref)
                if r.random() < 0.3:
                    self.s.tx(
                        t + int(r.uniform(0.1, 6) * 3600),
                        round(php, 2),
                        "PHP",
                        p.acct,
                        p.x["crypto"],
                        "crypto",
                        "PH",
                        "SG",
                        "",
                    )
                if p.chat and cp.chat and self.c.random() < 0.3:
                    self.convo(
                        "chatapp",
                        t - 900,
                        p.chat,
                        cp.chat,
                        self.c.randint(2, 4),
                        pools.CHAT["trader"],
                        pools.CHAT["trader"],
                    )

    # ---- friends --------------------------------------------------------------------------
    def friends(self) -> None:
        r, D = self.r, self.D
        rate = self.w.u("friend_chats_per_pair_per_month", 0.1, 0.6)
        for p in self.w.persons:
            if not p.chat:
                continue
            for q in p.friends:
                if q is p or not q.chat or q.idx < p.idx:
                    continue
                for _ in range(self.poisson(rate * self.w.months)):
                    t = self.at(r.uniform(0, D), self.anyh(), p.tz)
                    self.convo(
                        "chatapp",
                        t,
                        p.chat,
                        q.chat,
                        self.c.randint(2, 6),
                        pools.CHAT["friend"],
                        pools.CHAT["friend"],
                    )
                    if r.random() < 0.1:
                        self.session("chatapp", t, r.uniform(3, 40), p, p.chat, [(q, q.chat, 0.0)], True)

    # ---- everyone's ordinary financial life -----------------------------------------------
    def background(self) -> None:
        w, r, D, g = self.w, self.r, self.D, self.g
        months = w.months
        p_job_f = w.u("p_foreign_bank_customer_salary", 0.6, 0.85)
        p_job_ph = w.u("p_ph_bank_customer_salary", 0.4, 0.7)
        target = w.u("target_transactions_per_customer", 40, 60) * w.N
        # regular salaries
        for p in w.persons:
            if p.inst == "bank-b" and r.random() < p_job_f:
                emp = r.choice(g.employers[p.country])
                cur = pools.COUNTRIES[p.country][0]
                pay = self.logn(3500, 0.4) / self.fx[cur][0]
                semi = r.random() < 0.4
                for mth in range(months + 1):
                    for half in (0, 15) if semi else (0,):
                        t = self.at(mth * 30 + 25 - half, r.uniform(1, 6), p.tz)
                        self.s.tx(
                            t,
                            round(pay * (0.5 if semi else 1.0), 2),
                            cur,
                            emp,
                            p.acct,
                            "bank_transfer",
                            p.country,
                            p.country,
                            "salary",
                        )
            elif p.inst == "ph" and p.bank and r.random() < p_job_ph:
                emp = r.choice(g.ph_employers)
                pay = round(self.logn(22000, 0.45), -2)
                for mth in range(months + 1):
                    for half in (0, 15):
                        t = self.at(mth * 30 + 15 + half, r.uniform(1, 6), 8)
                        self.s.tx(t, pay / 2, "PHP", emp, p.bank, "bank_transfer", "PH", "PH", "payroll")
        # flagged side purchases (VPN, dating, tokens, jewellery, trips)
        for p in w.persons:
            if not p.flags or not p.in_bundle or not p.card or p.country == "PH":
                continue
            for f in p.flags:
                if f == "vpn":
                    a = r.uniform(0, D * 0.7)
                    price = r.choice((4.99, 6.99, 9.99, 11.99))
                    d = a
                    while d < D:
                        self.card(self.at(d, self.anyh(), p.tz), p, "vpn", price)
                        d += 30 if r.random() < 0.8 else 365
                elif f == "dating":
                    for _ in range(self.poisson(r.uniform(0.3, 1.0) * months)):
                        self.card(
                            self.at(r.uniform(0, D), self.night(), p.tz), p, "dating", self.logn(30, 0.5)
                        )
                elif f == "cam_tokens" and p.cohort != "adult_customer":
                    for _ in range(self.poisson(r.uniform(0.5, 4.0) * months)):
                        self._token_buy(
                            self.at(r.uniform(0, D), self.night(), p.tz), p, r.choice((10, 20, 25, 50, 100))
                        )
                elif f == "jewel":
                    for _ in range(self.poisson(0.1 * months)):
                        self.card(
                            self.at(r.uniform(0, D), self.anyh(), p.tz), p, "jewellery", self.logn(250, 0.6)
                        )
                elif f == "games" and p.cohort != "gamer":
                    for _ in range(self.poisson(r.uniform(0.2, 1.5) * months)):
                        self.card(
                            self.at(r.uniform(0, D), self.anyh(), p.tz),
                            p,
                            "games",
                            r.choice((4.99, 9.99, 19.99)),
                        )
                elif f == "travel_ph" and p.cohort != "traveller":
                    for _ in range(r.randint(1, 2)):
                        self.trip(p, r.uniform(0, D - 10), r.uniform(5, 25))
        for p in g.senders:  # some diaspora go home once
            if r.random() < 0.15:
                self.trip(p, r.uniform(0, D - 10), r.uniform(10, 40))
        # Poisson fill-up to the target volume
        eligible = [p for p in w.persons if p.in_bundle]
        wts = [1.6 if p.inst == "bank-b" else (0.6 if p.inst == "remit-a" else 1.0) for p in eligible]
        need = max(target - self.s.generated, 0.15 * target)
        w.params["background_transactions_planned"] = {"value": int(need), "range": None}
        rate = need / (sum(wts) * months) if eligible else 0.0
        ph_cum = []
        acc = 0.0
        ph_mix = (
            ("load", 0.3),
            ("bill", 0.12),
            ("p2p", 0.3),
            ("cashin", 0.1),
            ("cashout", 0.1),
            ("shop", 0.08),
        )
        for _k, v in ph_mix:
            acc += v
            ph_cum.append(acc)
        loads = g.ph_billers["load"]
        bills = g.ph_billers["utility"]
        for p, wt in zip(eligible, wts, strict=True):
            n = self.poisson(rate * wt * months)
            if n == 0:
                continue
            if p.inst == "ph":
                self._ph_events(p, n, ph_mix, ph_cum, loads, bills)
            else:
                self._foreign_events(p, n)

    def _ph_events(self, p: Person, n: int, mix: tuple, cum: list, loads: list, bills: list) -> None:
        r, D, g, s = self.r, self.D, self.g, self.s
        acct = p.wallet or p.bank
        wal = acct[:2] == "GW"
        for _ in range(n):
            kind = mix[bisect.bisect(cum, r.random() * cum[-1])][0]
            t = self.at(r.uniform(0, D), self.anyh(), 8)
            if kind == "load":
                m, _nm = loads[r.randrange(len(loads))] if wal else g.bank_billers[0]
                s.tx(
                    t,
                    float(r.choice((50, 100, 150, 200, 300, 500))),
                    "PHP",
                    acct,
                    m,
                    "ewallet" if wal else "bank_transfer",
                    "PH",
                    "PH",
                    "load",
                )
            elif kind == "bill":
                if wal:
                    m, _nm = bills[r.randrange(len(bills))]
                else:
                    m, _nm = g.bank_billers[r.randrange(len(g.bank_billers))]
                s.tx(
                    t,
                    round(self.logn(1500, 0.5), 2),
                    "PHP",
                    acct,
                    m,
                    "ewallet" if wal else "bank_transfer",
                    "PH",
                    "PH",
                    "",
                )
            elif kind == "p2p":
                fr = p.friends
                q = fr[r.randrange(len(fr))] if fr else g.ph_people[r.randrange(len(g.ph_people))]
                if q is p:
                    continue
                ref = "" if r.random() < 0.5 else PH_REFS[r.randrange(len(PH_REFS))]
                self.ph_p2p(t, p, q, float(max(50, round(self.logn(1000, 0.9), -1))), ref)
            elif kind == "cashin" and wal:
                agent, name = g.agents[r.randrange(len(g.agents))]
                s.tx(
                    t,
                    float(max(100, round(self.logn(2000, 0.8), -2))),
                    "PHP",
                    agent,
                    acct,
                    "cash_pickup",
                    "PH",
                    "PH",
                    "",
                    "",
                    name,
                )
            elif kind == "cashout" or kind == "cashin":
                self.cashout(t, p, acct, self.logn(2500, 0.8))
            else:
                sel = g.sellers[r.randrange(len(g.sellers))]
                if sel is not p:
                    self.ph_p2p(
                        t,
                        p,
                        sel,
                        round(self.logn(700, 0.7), 2),
                        f"order #{r.randint(1000, 99999)}" if r.random() < 0.7 else "",
                    )

    def _foreign_events(self, p: Person, n: int) -> None:
        r, D, s = self.r, self.D, self.s
        cur = pools.COUNTRIES[p.country][0]
        cum = self.card_cum
        for _ in range(n):
            t = self.at(r.uniform(0, D), self.anyh(), p.tz)
            x = r.random()
            if x < 0.7:
                cat, _w, med = CARD_MIX[bisect.bisect(cum, r.random() * cum[-1])]
                self.card(t, p, cat, self.logn(med, 0.6), 0.0)
            elif x < 0.88 and p.friends:
                q = p.friends[r.randrange(len(p.friends))]
                if q is p or q.country != p.country:
                    continue
                amt = self.local(self.logn(60, 0.9), cur, t, 0.5)
                ch = "ewallet" if p.inst == "remit-a" else "bank_transfer"
                s.tx(
                    t,
                    amt,
                    cur,
                    p.acct,
                    q.acct,
                    ch,
                    p.country,
                    q.country,
                    "" if r.random() < 0.6 else r.choice(("dinner", "rent", "thanks", "gift", "tickets")),
                    "",
                    "",
                    p.pname,
                    q.pname,
                )
            elif p.fund:
                s.tx(
                    t,
                    self.local(self.logn(300, 0.6), cur, t, 0.7),
                    cur,
                    p.fund,
                    p.acct,
                    "bank_transfer",
                    p.country,
                    p.country,
                    "top up",
                )
            else:
                self.card(t, p, "utility", self.logn(110, 0.4), 0.0)

    def run(self) -> None:
        self.offenders()
        self.sextortion()
        self.romance()
        self.diaspora()
        self.sellers()
        self.adult()
        self.couples()
        self.charity()
        self.freelance()
        self.tutors()
        self.travellers()
        self.gamers()
        self.traders()
        self.friends()
        self.background()
