"""Offender cohorts of world G: facilitator households, payers, sextortion rings."""

from __future__ import annotations

from . import texts as X
from .actors import Actors
from .core import BANK, CUR, DAY, DAYS, EXT, HOUR, REM, T0, WAL, Person

PAYER_COUNTRIES = (
    ["US"] * 38
    + ["GB"] * 20
    + ["AU"] * 22
    + ["CA"] * 5
    + ["DE"] * 4
    + ["NL"] * 3
    + ["NO"] * 3
    + ["IE"] * 2
    + ["JP"] * 3
)


class Offenders(Actors):
    def build_households(self, nh: int) -> None:
        r = self.r
        self.households: list[dict] = []
        cebu = ["Cebu City", "Lapu-Lapu City", "Cordova", "Mandaue City"]
        for h in range(nh):
            net = f"osec-{h + 1:03d}"
            city = (
                r.choice(cebu)
                if r.random() < 0.45
                else r.choice(
                    [
                        "Taguig",
                        "Pasay",
                        "Angeles City",
                        "Cagayan de Oro",
                        "Davao City",
                        "Caloocan",
                        "Bacolod",
                        "Tacloban",
                        "Olongapo",
                        "Iloilo City",
                    ]
                )
            )
            k = r.choices([1, 2, 3, 4, 5], [25, 30, 25, 12, 8])[0]
            first = self.person(
                "facilitator",
                "PH",
                sex="f" if r.random() < 0.8 else "m",
                age=(24, 58),
                role="facilitator",
                net=net,
                city=city,
            )
            members = [first]
            for _ in range(k - 1):
                same_s = r.random() < 0.7
                same_a = r.random() < 0.6
                m = self.person(
                    "facilitator",
                    "PH",
                    age=(17, 70),
                    role="facilitator",
                    net=net,
                    city=city,
                    surname=first.surname if same_s else None,
                    address=first.address if same_a else None,
                )
                if r.random() < 0.3:
                    m.phone = first.phone
                if same_a:
                    m.ip = first.ip
                    if r.random() < 0.5:
                        m.dev = first.dev
                members.append(m)
            pol_main = (r.uniform(0.55, 0.9), 0.2, r.uniform(2, 12), 0.7, 1.0, None, 0.0, 1)
            wallets: list[str] = []
            for i, m in enumerate(members):
                if i == 0 or r.random() < 0.75:
                    wallets.append(self.wallet(m, policy=pol_main, since=(20, 1500)))
            primary = wallets[0]
            pol_sec = (r.uniform(0.4, 0.85), 0.1, r.uniform(1, 10), 0.7, 1.0, primary, r.uniform(0.1, 0.5), 0)
            for w in wallets[1:]:
                self.policy[w] = (pol_sec, self.policy[w][1])
            for _ in range(r.choices([0, 1, 2, 3], [35, 35, 20, 10])[0]):
                op = r.choice(members)
                mode = r.random()
                if mode < 0.4:  # registered under a relative's name
                    g = r.choice(["Jessa", "Rosalie", "Lorna", "Mylene", "Ramil", "Nenita", "Jomar"])
                    nm = f"{g} {first.surname}"
                    kyc = {
                        "address": first.address,
                        "phone": self.new_phone("PH"),
                        "email": "",
                        "idn": self.new_idn("PH"),
                        "birth": "",
                        "gender": "",
                    }
                elif mode < 0.7:  # a neighbour's name
                    nb = self.person("ordinary", "PH", city=city)
                    self.persons.pop()  # the neighbour is only a name on the record
                    nm = nb.name
                    kyc = {
                        "address": nb.address,
                        "phone": nb.phone,
                        "email": nb.email,
                        "idn": nb.idn,
                        "birth": nb.birth,
                        "gender": nb.gender,
                    }
                else:  # a second registration of the operator, name variant
                    nm = self.variant(op)
                    kyc = {"phone": self.new_phone("PH") if r.random() < 0.6 else op.phone}
                a = self.wallet(op, name=nm, kyc=kyc, policy=pol_sec, since=(5, 600))
                wallets.append(a)
            pickup = ""
            if r.random() < 0.5:
                m = r.choice(members)
                pty = self.party(m, REM, miss=0.2)
                pickup = self.account(m, REM, "remittance", pty, country="PH")
            hosts: list[tuple[str, Person]] = []
            if r.random() < self.P["hh_host"]:
                for _ in range(r.choice([1, 1, 2])):
                    m = members[0] if r.random() < 0.7 else r.choice(members)
                    a = self.platform(m, link=self.P["link"], host=True, banned=r.random() < 0.1)
                    hosts.append((a, m))
            weights = [1.0 / (i + 1) ** 0.5 for i in range(len(wallets))]
            self.households.append(
                {
                    "net": net,
                    "members": members,
                    "wallets": wallets,
                    "w": weights,
                    "pickup": pickup,
                    "hosts": hosts,
                    "city": city,
                    "pop": 1.0 / (h + 1) ** 0.7,
                }
            )
            for m in members:
                if "wal" in m.accts:
                    self.ph_life(m, m.accts["wal"], 0.8)
            for a, m in hosts:  # cover: public chatting streams with ordinary viewers
                for d in self.times(r.uniform(0.5, 4), r.randint(0, 300), DAYS):
                    t = self.at(d, r.uniform(9, 23), 8)
                    vs = r.sample(self.viewer_pool, min(len(self.viewer_pool), r.randint(1, 8)))
                    self.session(t, r.uniform(10, 90), a, [(va, vp, 0.0) for va, vp in vs], False, m)

    # ------------------------------------------------------------------ payers
    def build_payers(self, n: int) -> None:
        r = self.r
        P = self.P
        hh = self.households
        pops = [x["pop"] for x in hh]
        for _i in range(n):
            cc = r.choice(PAYER_COUNTRIES)
            p = self.person(
                "offender_payer", cc, sex="m" if r.random() < 0.93 else "f", age=(28, 76), role="payer"
            )
            inst = self.sender_setup(p, (0.6, 0.15, 0.25))
            x = r.random()
            style = "few" if x < P["few"] else ("night" if x < P["few"] + 0.5 else "day")
            nhh = 1
            if style != "few" and r.random() < P["multi"]:
                nhh = r.choice([2, 2, 3])
            mine: list[dict] = []
            while len(mine) < min(nhh, len(hh)):
                c = r.choices(hh, pops)[0]
                if c not in mine:
                    mine.append(c)
            p.net = ";".join(c["net"] for c in mine)
            if nhh > 1:
                p.traits.add("multi_household")
            if inst == "ext":
                p.traits.add("inbound_only")
            d0 = r.uniform(0, DAYS - 20)
            if style == "few":
                mine = mine[:1]
                k = r.randint(1, 4)
                days = sorted(r.uniform(d0, min(DAYS, d0 + r.uniform(1, 150))) for _ in range(k))
                p.traits.add("few_payments")
            else:
                d1 = min(DAYS, d0 + r.uniform(30, 720))
                rate = r.uniform(3, 14) if style == "night" else r.uniform(0.7, 3.0)
                days = []
                for d in self.times(rate, d0, d1):  # escalation: thin early, dense late
                    if r.random() < 0.35 + 0.65 * (d - d0) / max(1.0, d1 - d0):
                        days.append(d)
                if not days:
                    days = [r.uniform(d0, d1)]
            med = r.uniform(25, 90)
            plat = ""
            if inst != "ext" and r.random() < P["payer_plat"]:
                plat = self.platform(p, link=P["link"], banned=r.random() < 0.03)
            chat = plat and r.random() < 0.55
            sess_first = plat and r.random() < 0.6
            uname_ref = r.random() < 0.1
            for j, d in enumerate(days):
                c = mine[0] if len(mine) == 1 or r.random() < 0.55 else r.choice(mine)
                hour = (
                    self.hour("night")
                    if style == "night"
                    else self.hour("day")
                    if style == "day"
                    else r.uniform(7, 27)
                )
                t = self.at(d, hour, p.tz)
                esc = 1.0 + 0.8 * (d - days[0]) / max(1.0, days[-1] - days[0] + 1)
                usd = min(520.0, max(8.0, r.lognormvariate(0, 0.45) * med * esc))
                if style == "few":
                    ref = "" if r.random() < 0.8 else r.choice(X.REF_OFFENDER_DAY)
                else:
                    ref = r.choice(X.REF_OFFENDER_NIGHT if style == "night" else X.REF_OFFENDER_DAY)
                host = r.choice(c["hosts"]) if c["hosts"] else None
                if uname_ref and host and r.random() < 0.4:
                    ref = r.choice([f"for {self.acc[host[0]][6].split()[0]}", ref])
                rcv = r.choices(c["wallets"], c["w"])[0]
                if inst == "rem" and c["pickup"] and r.random() < 0.3:
                    rcv = c["pickup"]
                if plat and host and (sess_first or r.random() < 0.2):
                    t0 = t - r.uniform(5, 80) * 60
                    paid = round(r.uniform(5, 60), 2) if r.random() < 0.3 else 0.0
                    sid = self.session(t0, r.uniform(8, 50), host[0], [(plat, p, paid)], True, host[1])
                    if chat and r.random() < 0.7:
                        self.chat(t0 - r.uniform(2, 40) * 60, plat, host[0], sid, 2 + r.randint(0, 4))
                    if style != "few" and j > 0 and r.random() < 0.15:  # paid on the platform only
                        continue
                elif chat and host and r.random() < 0.4:
                    self.chat(t - r.uniform(5, 120) * 60, plat, host[0], "", 2 + r.randint(0, 3))
                self.send(p, rcv, t, usd, ref, roundp=0.6 if style != "day" else 0.35)
            if plat and chat and not any(c["hosts"] for c in mine):
                # chat with a collector's own profile when the household hosts nowhere
                c = mine[0]
                m = c["members"][0]
                a = m.accts.get("plat") or self.platform(m, link=P["link"])
                for d in days[: r.randint(1, 4)]:
                    self.chat(self.at(d, self.hour("night"), p.tz) - 1800, plat, a, "", 3)
            if "bank" in p.accts:
                self.foreign_life(p, 0.8)
                self.side_purchases(
                    p, travel=r.random() < 0.12, vpn=r.random() < 0.3, tokens=plat != "" and r.random() < 0.5
                )

    def chat(self, t: float, payer: str, host: str, sid: str, n: int) -> None:
        r = self.r
        for k in range(n):
            t += r.uniform(10, 300)
            if k % 2 == 0:
                self.msg(t, payer, host, r.choice(X.CHAT_OFFENDER_PAYER), sid)
            else:
                self.msg(t, host, payer, r.choice(X.CHAT_OFFENDER_FAC), sid)

    def side_purchases(self, p: Person, *, travel: bool, vpn: bool, tokens: bool) -> None:
        from . import names as N

        r = self.r
        cur = CUR.get(p.country, "USD")
        card = p.accts.get("card")
        if not card:
            return
        if vpn:
            m = self.card_merchant(p.country, r.choice(N.RISKY_MERCHANTS))
            d = r.uniform(0, 200)
            while d < DAYS:
                t = self.at(d, self.hour("any"), p.tz)
                self.tx(
                    BANK,
                    t,
                    self.money(r.choice([5.99, 9.99, 11.99]), cur, t),
                    cur,
                    card,
                    m[0],
                    "card",
                    "",
                    m[1],
                    m[2],
                )
                d += 30.4
        if tokens:
            m = self.card_merchant("US", N.TOKEN_MERCHANT)
            for d in self.times(r.uniform(0.5, 3), r.uniform(0, 300), DAYS):
                t = self.at(d, self.hour("night"), p.tz)
                self.tx(
                    BANK,
                    t,
                    self.money(r.choice([10, 20, 25, 50, 100]), cur, t),
                    cur,
                    card,
                    m[0],
                    "card",
                    "",
                    m[1],
                    m[2],
                )
        if travel:
            self.trip(p, r.uniform(30, DAYS - 20))

    def trip(self, p: Person, d: float) -> None:
        from . import names as N

        r = self.r
        cur = CUR.get(p.country, "USD")
        card = p.accts.get("card")
        if not card:
            return
        air = self.card_merchant(p.country, N.TRAVEL_MERCHANTS[0][:2])
        t = self.at(d - r.uniform(10, 60), self.hour("any"), p.tz)
        self.tx(
            BANK, t, self.money(r.uniform(700, 1800), cur, t), cur, card, air[0], "card", "", air[1], air[2]
        )
        for k in range(r.randint(3, 12)):
            mcc, nm, _cc = r.choice(N.TRAVEL_MERCHANTS[1:])
            m = self.card_merchant("PH", (mcc, nm))
            t = self.at(d + k * r.uniform(0.5, 1.5), r.uniform(8, 23), 8)
            usd = r.uniform(20, 90) if mcc in ("5812", "6011") else r.uniform(60, 400)
            self.tx(BANK, t, self.money(usd, cur, t), cur, card, m[0], "card", "", m[1], m[2])

    # ------------------------------------------------------------------ sextortion
    def build_sextortion(self, nrings: int) -> None:
        r = self.r
        gift = self.org("merchant", "US", "GiftCard Hub")
        for g in range(nrings):
            net = f"sx-{g + 1:02d}"
            collectors = []
            for _ in range(r.randint(1, 3)):
                cc = "PH" if r.random() < 0.55 else "NG"
                c = self.person("extortionist", cc, sex="m", age=(19, 35), role="facilitator", net=net)
                if cc == "PH":
                    w = self.wallet(c, policy=(0.92, 0.05, 3, 0.9, 1.0, None, 0.0, 1), since=(5, 300))
                else:
                    w = self.account(c, EXT, "bank", in_table=False)
                c.accts["gc"] = self.account(c, EXT, "merchant", in_table=False, kyc_name=gift.given)
                c.accts["recv"] = w
                fake = r.choice(["jessa", "kaye", "mika", "anne", "bella", "lyn"])
                self.platform(
                    c,
                    link=0.05,
                    uname=f"{fake}_{r.randint(100, 999)}",
                    banned=r.random() < 0.15,
                    since=(1, 120),
                )
                collectors.append(c)
            for _ in range(r.randint(3, 10)):
                cc = r.choice(["US", "US", "GB", "AU", "CA", "US"])
                v = self.person(
                    "sextortion_victim",
                    cc,
                    sex="m" if r.random() < 0.9 else "f",
                    age=(14, 19),
                    role="victim",
                    net=net,
                )
                if cc in ("GB", "AU", "US"):
                    self.bank_customer(v, app=0.6, since=(60, 1200))
                else:
                    self.ext_sender(v)
                vp = self.platform(v, link=0.4, since=(30, 900))
                c = r.choice(collectors)
                d = r.uniform(5, DAYS - 5)
                t = self.at(d, r.uniform(18, 25.5), v.tz)
                for _k in range(r.randint(3, 8)):
                    t += r.uniform(1, 15) * 60
                    if r.random() < 0.6:
                        self.msg(t, c.accts["plat"], vp, r.choice(X.CHAT_EXTORT))
                    else:
                        self.msg(t, vp, c.accts["plat"], r.choice(X.CHAT_VICTIM))
                usd = r.uniform(25, 150)
                for _k in range(r.randint(1, 6)):
                    t += r.uniform(0.1, 8) * HOUR
                    cc2 = c if r.random() < 0.8 else r.choice(collectors)
                    cur = CUR.get(v.country, "USD")
                    if "card" in v.accts and r.random() < 0.35:
                        self.tx(
                            BANK,
                            t,
                            self.money(usd, cur, t, 0.9),
                            cur,
                            v.accts["card"],
                            cc2.accts["gc"],
                            "gift_card",
                            "",
                            "5999",
                            "GiftCard Hub",
                        )
                    elif self.acc[cc2.accts["recv"]][4] == WAL:
                        self.send(v, cc2.accts["recv"], t, usd, r.choice(["", "", "ok", "pls"]), roundp=0.8)
                    elif "bank" in v.accts:
                        self.tx(
                            BANK,
                            t,
                            self.money(usd, cur, t, 0.8),
                            cur,
                            v.accts["bank"],
                            cc2.accts["recv"],
                            "bank_transfer",
                            "",
                            sname=self.variant(v),
                        )
                    self.msg(t + 60, cc2.accts["plat"], vp, r.choice(X.CHAT_EXTORT))
                    usd = min(600.0, usd * r.uniform(1.0, 1.8))
                if "bank" in v.accts:
                    self.foreign_life(v, 0.4, salary=0.1)
            for c in collectors:  # crypto or wire out of the collecting accounts
                w = c.accts["recv"]
                if self.acc[w][4] == WAL:
                    addr = self.account(c, EXT, "crypto", in_table=False, country="")
                    tr = self.track.get(w, [])
                    for t, php, _s in list(tr):
                        if r.random() < 0.3:
                            self.tx(
                                WAL,
                                t + r.uniform(0.5, 6) * HOUR,
                                round(php * 0.5, 2),
                                "PHP",
                                w,
                                addr,
                                "crypto",
                                "",
                                chain=f"0x{self.nid():016x}",
                            )


__all__ = ["Offenders", "REM", "T0", "DAY"]
