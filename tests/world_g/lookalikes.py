"""Legitimate cohorts of world G, many shaped like offenders on several axes."""

from __future__ import annotations

from . import names as N
from . import texts as X
from .core import BANK, CUR, DAY, DAYS, EXT, HOUR, PLAT, REM, T0, WAL, Person
from .offenders import Offenders

ABROAD = (
    ["US"] * 25
    + ["GB"] * 12
    + ["AU"] * 10
    + ["CA"] * 8
    + ["SA"] * 12
    + ["AE"] * 10
    + ["JP"] * 5
    + ["SG"] * 6
    + ["HK"] * 6
    + ["IT"] * 6
)
WESTERN = ["US"] * 40 + ["GB"] * 22 + ["AU"] * 22 + ["CA"] * 6 + ["DE"] * 4 + ["NL"] * 3 + ["NO"] * 3


class Lookalikes(Offenders):
    def fam_policy(self):
        r = self.r
        return (r.uniform(0.35, 0.85), 0.5, r.uniform(6, 96), 0.6, 1.0, None, 0.0, 1)

    # ------------------------------------------------------------------ diaspora families
    def build_families(self, n: int) -> None:
        r = self.r
        for _ in range(n):
            parent = self.person("family_recipient", "PH", sex="f" if r.random() < 0.7 else "m", age=(50, 82))
            pw = self.wallet(parent, policy=self.fam_policy(), since=(300, 3000))
            rec = [pw]
            home = None
            if r.random() < 0.35:
                home = self.person(
                    "family_recipient",
                    "PH",
                    surname=parent.surname,
                    address=parent.address,
                    city=parent.city,
                    age=(20, 45),
                )
                rec.append(self.wallet(home, policy=self.fam_policy()))
                self.ph_life(home, home.accts["wal"], 0.7)
            student = None
            if r.random() < 0.2:
                student = self.person(
                    "student",
                    "PH",
                    surname=parent.surname,
                    age=(17, 23),
                    city=parent.city,
                    address=parent.address if r.random() < 0.6 else None,
                )
                self.wallet(student, policy=(0.3, 1, 72, 0.3, 0.8, None, 0.0, 1))
                sch, nm = r.choice(self.ph_merchants["school"])
                for sem in range(4):
                    t = self.at(sem * 182 + r.uniform(150, 175), r.uniform(9, 17), 8)
                    self.tx(
                        WAL,
                        t,
                        float(round(r.uniform(12000, 45000), -2)),
                        "PHP",
                        student.accts["wal"],
                        sch,
                        "ewallet",
                        f"tuition sem {sem % 2 + 1}",
                        mname=nm,
                    )
            self.ph_life(parent, pw, 0.6)
            k = r.choices([1, 2, 3, 4], [35, 35, 20, 10])[0]
            kids = []
            for _j in range(k):
                cc = r.choice(ABROAD)
                kid = self.person(
                    "diaspora_remitter",
                    cc,
                    ph_name=True,
                    age=(24, 55),
                    surname=parent.surname if r.random() < 0.65 else None,
                )
                self.sender_setup(kid, (0.55, 0.25, 0.2))
                kids.append(kid)
                dom = r.choice([1, 5, 15, 15, 28, 30])
                night = r.random() < 0.2
                usd = r.uniform(80, 600)
                other = None
                if r.random() < 0.12:  # also supports the in-laws
                    il = self.person("family_recipient", "PH", age=(50, 80))
                    other = self.wallet(il, policy=self.fam_policy())
                for m in range(24):
                    if r.random() < 0.08:
                        continue
                    d = m * 30.4 + dom + r.uniform(-2, 3)
                    t = self.at(d, self.hour("night") if night else self.hour("any"), kid.tz)
                    tgt = r.choice(rec) if len(rec) > 1 and r.random() < 0.3 else pw
                    self.send(kid, tgt, t, usd * r.uniform(0.9, 1.1), r.choice(X.REF_FAMILY), 0.7)
                    if student is not None and r.random() < 0.5:
                        self.send(
                            kid,
                            student.accts["wal"],
                            t + r.uniform(0, 3) * HOUR,
                            r.uniform(40, 150),
                            r.choice(["allowance", "baon", "school fees", ""]),
                            0.7,
                        )
                    if other and r.random() < 0.6:
                        self.send(
                            kid, other, t + r.uniform(0, 48) * HOUR, usd * 0.4, r.choice(X.REF_FAMILY), 0.7
                        )
                    if m % 12 == 11:
                        self.send(
                            kid,
                            pw,
                            self.at(m * 30.4 + r.uniform(5, 20), self.hour("any"), kid.tz),
                            usd * r.uniform(0.5, 1.5),
                            r.choice(X.REF_FAMILY_XMAS),
                            0.8,
                        )
                if r.random() < 0.15:  # emergencies: several extra sends within days
                    d = r.uniform(0, DAYS - 10)
                    for _e in range(r.randint(2, 5)):
                        d += r.uniform(0.2, 3)
                        self.send(
                            kid,
                            pw,
                            self.at(d, self.hour("any"), kid.tz),
                            r.uniform(50, 400),
                            r.choice(["gamot", "hospital", "medical", "emergency", ""]),
                            0.6,
                        )
                self.foreign_life(kid, 0.5)
            if r.random() < 0.12:  # the family uses the video platform for calls
                ha = self.platform(parent, link=self.P["link"])
                for kid in kids[:2]:
                    va = self.platform(kid, link=self.P["link"])
                    for d in self.times(r.uniform(1, 5), r.uniform(0, 200), DAYS):
                        t = self.at(d, r.uniform(18, 23.5), 8)
                        sid = self.session(t, r.uniform(5, 60), ha, [(va, kid, 0.0)], True, parent)
                        if r.random() < 0.3:
                            self.msg(t - 600, va, ha, r.choice(X.CHAT_FAMILY_CHILD), sid or "")
                            self.msg(t - 300, ha, va, r.choice(X.CHAT_FAMILY_PARENT), sid or "")

    # ------------------------------------------------------------------ seafarers
    def build_seafarers(self, n: int) -> None:
        r = self.r
        agencies = []
        for nm in N.MANNING:
            o = self.org("organization", "PH", nm)
            pty = self.party(o, WAL, kind="organization", name=nm)
            agencies.append(self.account(o, WAL, "merchant", pty, kyc_name=nm))
        for _ in range(n):
            sf = self.person("seafarer", "PH", sex="m", age=(24, 58))
            sw = self.wallet(sf, policy=(0.2, 2, 100, 0.3, 0.8, None, 0.0, 1))
            spouse = self.person(
                "family_recipient",
                "PH",
                sex="f",
                surname=sf.surname,
                address=sf.address,
                city=sf.city,
                age=(22, 55),
            )
            fw = self.wallet(spouse, policy=self.fam_policy())
            self.ph_life(spouse, fw, 0.8)
            ag = r.choice(agencies)
            allot = r.uniform(25000, 90000)
            d = r.uniform(-100, 60)
            pty = self.party(sf, REM, miss=0.2)
            sf.accts["rem"] = self.account(
                sf, REM, "remittance", pty, country=r.choice(["SG", "NL", "AE", "JP", "US"])
            )
            while d < DAYS:
                on = r.uniform(180, 290)
                port_tz = r.choice([8, 1, 4, 9, -5, 3, -8])
                for m in range(int(on // 30)):
                    t = self.at(d + m * 30.4 + 10, r.uniform(9, 16), 8)
                    self.tx(
                        WAL,
                        t,
                        float(round(allot * r.uniform(0.98, 1.02), 2)),
                        "PHP",
                        ag,
                        fw,
                        "bank_transfer",
                        "allotment",
                        sname=self.acc[ag][6],
                    )
                    self.tx(
                        WAL, t + 60, float(round(allot * 0.2, 2)), "PHP", ag, sw, "bank_transfer", "allotment"
                    )
                for dd in self.times(r.uniform(0.3, 1.5), d, d + on):
                    t = self.at(dd, r.uniform(0, 24), port_tz)
                    self.send(
                        sf,
                        fw,
                        t,
                        r.uniform(50, 400),
                        r.choice(["", "extra", "for kids", "padala", "bday"]),
                        0.7,
                        inst="rem",
                    )
                d += on + r.uniform(45, 120)
            self.ph_life(sf, sw, 0.3)

    # ------------------------------------------------------------------ online sellers
    def build_sellers(self, n: int) -> None:
        r = self.r
        buyers: list[Person] = []
        couriers = self.ph_merchants["courier"]
        for _ in range(n):
            s = self.person("online_seller", "PH", sex="f" if r.random() < 0.7 else "m", age=(22, 55))
            w = self.wallet(s, policy=(r.uniform(0.2, 0.7), 6, 200, 0.5, 1.0, None, 0.0, 1))
            self.ph_life(s, w, 0.8)
            host = self.platform(s, link=self.P["link"]) if r.random() < 0.4 else ""
            mine = []
            for _k in range(r.randint(6, 45)):
                if buyers and r.random() < 0.3:
                    b = r.choice(buyers)
                else:
                    b = self.person(
                        "seller_customer",
                        r.choice(WESTERN + ["SA", "AE", "JP"] * 3),
                        ph_name=r.random() < 0.35,
                        age=(20, 70),
                    )
                    self.sender_setup(b, (0.45, 0.15, 0.4))
                    if "bank" in b.accts:
                        self.foreign_life(b, 0.5)
                    buyers.append(b)
                mine.append(b)
            for b in mine:
                d = r.uniform(0, DAYS - 1)
                for _k in range(1 if r.random() < 0.7 else r.randint(2, 4)):
                    t = self.at(d, self.hour("any"), b.tz)
                    if host and "ext" not in b.accts and r.random() < 0.5:
                        va = b.accts.get("plat") or self.platform(b, link=self.P["link"])
                        vs = [(va, b, 0.0)] + [
                            (x, y, 0.0) for x, y in r.sample(self.viewer_pool, r.randint(2, 15))
                        ]
                        t0 = t - r.uniform(0.2, 5) * HOUR
                        sid = self.session(t0, r.uniform(30, 150), host, vs, False, s)
                        if r.random() < 0.5:
                            self.msg(t0 + 600, va, host, r.choice(X.CHAT_BUYER), sid or "")
                            self.msg(t0 + 700, host, va, r.choice(X.CHAT_SELLER), sid or "")
                    ref = r.choice(
                        [
                            f"order {r.randint(1000, 99999)}",
                            r.choice(X.REF_SELLER_ITEMS),
                            f"#{r.randint(100, 9999)}",
                            "",
                            "payment",
                            "pasalubong",
                        ]
                    )
                    self.send(b, w, t, r.uniform(8, 160), ref, 0.15)
                    d += r.uniform(10, 120)
                    if d >= DAYS:
                        break
            for d in self.times(r.uniform(1, 5), 0, DAYS):
                c, nm = r.choice(couriers)
                t = self.at(d, r.uniform(9, 18), 8)
                self.tx(WAL, t, round(r.uniform(300, 6000), 2), "PHP", w, c, "ewallet", "shipping", mname=nm)

    # ------------------------------------------------------------------ adult performers
    def build_performers(self, n: int, ncust: int) -> None:
        r = self.r
        perfs = []
        studio = None
        for _ in range(n):
            cc = "PH" if r.random() < 0.85 else r.choice(["CO", "RO"])
            if studio and r.random() < 0.35 and studio[1] < 4:
                pf = self.person(
                    "adult_performer",
                    cc,
                    sex="f" if r.random() < 0.85 else "m",
                    age=(19, 34),
                    address=studio[0].address,
                    city=studio[0].city,
                )
                pf.ip = studio[0].ip
                if r.random() < 0.4:
                    pf.dev = studio[0].dev
                studio = (studio[0], studio[1] + 1)
            else:
                pf = self.person("adult_performer", cc, sex="f" if r.random() < 0.85 else "m", age=(19, 34))
                studio = (pf, 1) if r.random() < 0.4 else studio
            g = pf.given.split()[0].lower()
            host = self.platform(
                pf,
                link=self.P["link"],
                uname=r.choice(
                    [
                        f"miss_{g}{r.randint(1, 99)}",
                        f"{g}_live",
                        f"sweet{g}{r.randint(1, 9)}",
                        f"{g}x{r.randint(10, 99)}",
                    ]
                ),
            )
            w = ""
            if cc == "PH" and r.random() < 0.9:
                w = self.wallet(pf, policy=(r.uniform(0.3, 0.85), 1, 72, 0.6, 1.0, None, 0.0, 1))
                self.ph_life(pf, w, 0.8)
            perfs.append((pf, host, w))
        tok = self.card_merchant("US", N.TOKEN_MERCHANT)
        pops = [1.0 / (i + 1) ** 0.6 for i in range(len(perfs))]
        for _ in range(ncust):
            c = self.person(
                "adult_customer", r.choice(WESTERN), sex="m" if r.random() < 0.92 else "f", age=(23, 70)
            )
            self.sender_setup(c, (0.65, 0.1, 0.25))
            va = self.platform(c, link=self.P["link"]) if "ext" not in c.accts else None
            if va is None:
                va = self.platform(c, link=0.0)
            favs = []
            while len(favs) < r.choice([1, 1, 2, 3]):
                x = r.choices(perfs, pops)[0]
                if x not in favs:
                    favs.append(x)
            d0 = r.uniform(0, DAYS - 20)
            d1 = min(DAYS, d0 + r.uniform(20, 600))
            direct = r.random() < 0.35
            chat = r.random() < 0.5
            for d in self.times(r.uniform(1, 10), d0, d1):
                pf, host, w = r.choice(favs)
                t = self.at(d, self.hour("night") if r.random() < 0.8 else self.hour("any"), c.tz)
                private = r.random() < 0.65
                paid = round(r.uniform(4, 120), 2) if private or r.random() < 0.4 else 0.0
                sid = self.session(t, r.uniform(5, 60), host, [(va, c, paid)], private, pf)
                if chat and r.random() < 0.5:
                    self.msg(t - 120, va, host, r.choice(X.CHAT_ADULT_CUSTOMER), sid or "")
                    self.msg(t - 60, host, va, r.choice(X.CHAT_PERFORMER), sid or "")
                if direct and w and r.random() < 0.3:
                    self.send(c, w, t + r.uniform(5, 90) * 60, r.uniform(15, 300), r.choice(X.REF_ADULT), 0.6)
                if "card" in c.accts and r.random() < 0.3:
                    cur = CUR.get(c.country, "USD")
                    self.tx(
                        BANK,
                        t - 300,
                        self.money(r.choice([10, 20, 50, 100]), cur, t),
                        cur,
                        c.accts["card"],
                        tok[0],
                        "card",
                        "",
                        tok[1],
                        tok[2],
                    )
            if "bank" in c.accts:
                self.foreign_life(c, 0.7)
                if r.random() < 0.15:
                    self.side_purchases(c, travel=False, vpn=True, tokens=False)
        for pf, host, _w in perfs:  # public shows with several tipping viewers
            for d in self.times(r.uniform(2, 8), 0, DAYS):
                t = self.at(d, r.uniform(19, 28), 8)
                vs = [
                    (x, y, round(r.uniform(1, 15), 2) if r.random() < 0.2 else 0.0)
                    for x, y in r.sample(self.viewer_pool, r.randint(2, 20))
                ]
                self.session(t, r.uniform(20, 120), host, vs, False, pf)

    # ------------------------------------------------------------------ travellers
    def build_travellers(self, n: int) -> None:
        r = self.r
        for _ in range(n):
            tv = self.person(
                "traveller", r.choice(WESTERN), sex="m" if r.random() < 0.85 else "f", age=(28, 74)
            )
            self.sender_setup(tv, (0.8, 0.1, 0.1))
            if "bank" not in tv.accts:
                self.bank_customer(tv, app=0.6)
            d = r.uniform(0, DAYS - 60)
            self.trip(tv, d)
            if r.random() < 0.2:
                self.trip(tv, min(DAYS - 5, d + r.uniform(120, 400)))
            friends = []
            for _k in range(1 if r.random() < 0.85 else 2):
                f = self.person(
                    "traveller_friend",
                    "PH",
                    sex="f" if r.random() < 0.85 else "m",
                    age=(19, 42),
                    city=r.choice(
                        ["Cebu City", "Lapu-Lapu City", "Angeles City", "Manila", "Pasay", "Davao City"]
                    ),
                )
                fw = self.wallet(f, policy=(r.uniform(0.4, 0.85), 0.3, 48, 0.6, 1.0, None, 0.0, 1))
                self.ph_life(f, fw, 0.7)
                friends.append((f, fw))
            night = r.random() < 0.35
            ref_p = r.random()
            calls = r.random() < 0.35
            va = self.platform(tv, link=self.P["link"]) if calls else ""
            hosts = [(self.platform(f, link=self.P["link"]), f) for f, _ in friends] if calls else []
            for dd in self.times(r.uniform(0.5, 4), d + 7, min(DAYS, d + r.uniform(30, 700))):
                f, fw = r.choice(friends)
                t = self.at(dd, self.hour("night") if night and r.random() < 0.6 else self.hour("any"), tv.tz)
                if calls and r.random() < 0.5:
                    h = r.choice(hosts)
                    sid = self.session(
                        t - r.uniform(10, 120) * 60, r.uniform(5, 90), h[0], [(va, tv, 0.0)], True, h[1]
                    )
                    if r.random() < 0.5:
                        self.msg(t - 3000, va, h[0], r.choice(X.CHAT_TRAVELLER), sid or "")
                        self.msg(t - 2900, h[0], va, r.choice(X.CHAT_FRIEND), sid or "")
                ref = r.choice(X.REF_TRAVELLER) if ref_p < 0.7 else ""
                self.send(tv, fw, t, r.uniform(25, 400), ref, 0.6)
            self.foreign_life(tv, 0.8)

    # ------------------------------------------------------------------ romance scams
    def build_romance(self, nvict: int, nmules: int) -> None:
        r = self.r
        mules = []
        for _ in range(nmules):
            m = self.person("romance_mule", "PH", age=(19, 45))
            w = self.wallet(m, policy=(0.9, 0.1, 4, 0.85, 1.0, None, 0.0, 1), since=(5, 400))
            addr = self.account(m, EXT, "crypto", in_table=False, country="")
            m.accts["crypto"] = addr
            mules.append(m)
            self.ph_life(m, w, 0.4)
        rings = [mules[i : i + 4] for i in range(0, len(mules), 4)] or [mules]
        for _ in range(nvict):
            v = self.person(
                "romance_victim", r.choice(WESTERN), sex="m" if r.random() < 0.55 else "f", age=(42, 79)
            )
            self.sender_setup(v, (0.7, 0.15, 0.15))
            ring = r.choice(rings)
            mine = r.sample(ring, min(len(ring), r.choice([1, 1, 2, 3])))
            d = r.uniform(0, DAYS - 30)
            usd = r.uniform(80, 300)
            for _k in range(r.randint(3, 20)):
                d += r.uniform(2, 25)
                t = self.at(d, self.hour("any"), v.tz)
                m = r.choice(mine)
                self.send(v, m.accts["wal"], t, usd, r.choice(X.REF_ROMANCE), 0.5)
                usd = min(4000.0, usd * r.uniform(1.0, 1.5))
            self.foreign_life(v, 0.6)
        for m in mules:
            for t, php, _s in list(self.track.get(m.accts["wal"], [])):
                if php > 3000 and r.random() < 0.5:
                    self.tx(
                        WAL,
                        t + r.uniform(0.2, 6) * HOUR,
                        round(php * 0.6, 2),
                        "PHP",
                        m.accts["wal"],
                        m.accts["crypto"],
                        "crypto",
                        "",
                        chain=f"0x{self.nid():016x}",
                    )

    # ------------------------------------------------------------------ charities
    def build_charity(self, nsponsors: int) -> None:
        r = self.r
        orgs = []
        for nm in r.sample(N.CHARITIES, r.randint(4, 6)):
            o = self.org(
                "charity", "PH", nm, city=r.choice(["Cebu City", "Quezon City", "Davao City", "Iloilo City"])
            )
            pty = self.party(o, WAL, kind="organization", name=nm)
            w = self.account(o, WAL, "ewallet", pty, kyc_name=nm)
            fams = []
            for _k in range(max(3, nsponsors // 8 // 5)):
                f = self.person("sponsored_family", "PH", sex="f", age=(24, 60), city=o.city)
                fw = self.wallet(f, policy=self.fam_policy())
                self.ph_life(f, fw, 0.5)
                fams.append((f, fw))
            orgs.append((o, w, fams, f"{''.join(x[0] for x in nm.split())}"))
        for _o, w, fams, _code in orgs:
            for _f, fw in fams:
                amt = float(r.choice([500, 800, 1000, 1500, 2000]))
                for m in range(24):
                    t = self.at(m * 30.4 + 8, r.uniform(9, 16), 8)
                    self.tx(
                        WAL,
                        t,
                        amt,
                        "PHP",
                        w,
                        fw,
                        "ewallet",
                        r.choice(["educational assistance", "sponsorship aid", "school support"]),
                    )
        for _ in range(nsponsors):
            sp = self.person("charity_sponsor", r.choice(WESTERN), age=(25, 80))
            self.sender_setup(sp, (0.65, 0.1, 0.25))
            o, w, fams, code = r.choice(orgs)
            fam = r.choice(fams)
            cid = f"{code}-{r.randint(1000, 99999)}"
            ref = r.choice(
                [
                    f"child sponsorship {cid}",
                    f"sponsorship {cid}",
                    "sponsorship",
                    "donation",
                    "",
                    f"sponsor {fam[0].given.split()[0]}",
                ]
            )
            usd = r.choice([25, 30, 35, 38, 40, 45, 50])
            dom = r.randint(1, 28)
            m0 = max(0, r.randint(-30, 20))
            for m in range(m0, 24):
                t = self.at(m * 30.4 + dom, r.uniform(1, 8), sp.tz)
                self.send(sp, w, t, usd, ref, 1.0, wire=0.5)
            if r.random() < 0.12:
                for _k in range(r.randint(1, 5)):
                    t = self.at(r.uniform(0, DAYS), self.hour("any"), sp.tz)
                    self.send(sp, fam[1], t, r.uniform(20, 150), r.choice(X.REF_SPONSOR_GIFT), 0.7)
            if "bank" in sp.accts:
                self.foreign_life(sp, 0.6)

    # ------------------------------------------------------------------ students abroad
    def build_students(self, n: int) -> None:
        r = self.r
        sch = self.ph_merchants["school"]
        for _ in range(n):
            st = self.person(
                "student", r.choice(["US", "US", "GB", "AU", "CA"]), age=(18, 28), ph_name=r.random() < 0.3
            )
            self.bank_customer(st, app=0.8, since=(30, 1500))
            wal = self.wallet(
                st,
                kyc={"country": "PH", "city": "Cebu City", "address": ""},
                policy=(0.3, 1, 100, 0.3, 0.8, None, 0.0, 1),
            )
            m, nm = r.choice(sch[3:7])
            for sem in range(4):
                t = self.at(sem * 182 + r.uniform(140, 175), r.uniform(8, 20), st.tz)
                self.send(
                    st,
                    m,
                    t,
                    r.uniform(2500, 6000),
                    f"tuition {nm.split()[0]} sem {sem % 2 + 1}",
                    0.0,
                    wire=0.9,
                )
            for d in self.times(1.2, 0, DAYS):
                self.send(
                    st,
                    wal,
                    self.at(d, self.hour("any"), st.tz),
                    r.uniform(100, 600),
                    r.choice(["", "rent", "living", "allowance", "self"]),
                    0.7,
                )
            self.foreign_life(st, 0.5, salary=0.2)

    # ------------------------------------------------------------------ freelancers
    def build_freelancers(self, n: int) -> None:
        r = self.r
        clients: list[Person] = []
        for _ in range(n):
            f = self.person("freelancer", "PH", age=(21, 45))
            w = self.wallet(f, policy=(r.uniform(0.3, 0.8), 1, 72, 0.5, 1.0, None, 0.0, 1))
            self.ph_life(f, w, 1.0)
            for _k in range(r.choice([1, 1, 2, 3, 4])):
                if clients and r.random() < 0.25:
                    c = r.choice(clients)
                else:
                    cc = r.choice(WESTERN)
                    if r.random() < 0.5:
                        c = self.org(
                            "freelance_client",
                            cc,
                            f"{r.choice(N.W_SURNAMES)} "
                            f"{r.choice(['Consulting', 'Realty', 'Media', 'Dental', 'Trading'])}"
                            f" {r.choice(['LLC', 'Ltd', 'Pty Ltd', 'Inc'])}",
                        )
                        c.ph_name = False
                    else:
                        c = self.person("freelance_client", cc, age=(28, 65))
                    self.sender_setup(c, (0.4, 0.0, 0.6))
                    clients.append(c)
                usd = r.uniform(150, 1400)
                step = r.choice([14, 15, 30.4])
                d = r.uniform(-20, 400)
                inv = r.randint(1, 60)
                while d < DAYS:
                    if d >= 0:
                        t = self.at(d, r.uniform(9, 18), c.tz)
                        inv += 1
                        ref = r.choice(X.REF_FREELANCE)
                        if ref in ("invoice", "INV"):
                            ref = f"{ref} {inv:04d}"
                        self.send(c, w, t, usd * r.uniform(0.95, 1.1), ref, 0.5, wire=0.7)
                    d += step + r.uniform(-2, 3)
        for c in clients:
            if "bank" in c.accts:
                self.foreign_life(c, 0.5)

    # ------------------------------------------------------------------ gamers
    def build_gamers(self, nsell: int, ngam: int) -> None:
        r = self.r
        sellers = []
        for _ in range(nsell):
            s = self.person("game_seller", "PH", sex="m" if r.random() < 0.8 else "f", age=(17, 30))
            w = self.wallet(s, policy=(r.uniform(0.3, 0.7), 2, 100, 0.5, 1.0, None, 0.0, 1))
            self.ph_life(s, w, 0.8)
            if r.random() < 0.5:
                sa = self.platform(s, link=self.P["link"])
                for d in self.times(r.uniform(2, 8), 0, DAYS):
                    vs = [(x, y, 0.0) for x, y in r.sample(self.viewer_pool, r.randint(3, 25))]
                    self.session(self.at(d, r.uniform(18, 26), 8), r.uniform(30, 180), sa, vs, False, s)
            sellers.append(w)
        gm = self.card_merchant("US", N.GAME_MERCHANT)
        pops = [1.0 / (i + 1) ** 0.5 for i in range(len(sellers))]
        for _ in range(ngam):
            g = self.person("gamer", r.choice(WESTERN), sex="m" if r.random() < 0.85 else "f", age=(14, 34))
            self.sender_setup(g, (0.6, 0.05, 0.35))
            if "bank" in g.accts:
                self.foreign_life(g, 0.5, salary=0.3)
            mine = list({r.choices(sellers, pops)[0] for _k in range(r.choice([1, 1, 2, 3]))})
            for _b in range(r.randint(1, 6)):
                d = r.uniform(0, DAYS)
                t = self.at(d, self.hour("night") if r.random() < 0.6 else self.hour("any"), g.tz)
                for _k in range(r.choice([1, 1, 2, 3, 4])):
                    t += r.uniform(5, 90) * 60
                    self.send(g, r.choice(mine), t, r.uniform(3, 60), r.choice(X.REF_GAME), 0.5)
                if "card" in g.accts and r.random() < 0.5:
                    cur = CUR.get(g.country, "USD")
                    self.tx(
                        BANK,
                        t,
                        self.money(r.choice([5, 10, 20, 50]), cur, t),
                        cur,
                        g.accts["card"],
                        gm[0],
                        "card",
                        "",
                        gm[1],
                        gm[2],
                    )

    # ------------------------------------------------------------------ crypto P2P
    def build_crypto(self, n: int) -> None:
        r = self.r
        for _ in range(n):
            c = self.person("crypto_trader", "PH", age=(20, 45))
            w = self.wallet(c, policy=(0.2, 1, 48, 0.3, 0.8, None, 0.0, 1))
            addr = self.account(c, EXT, "crypto", in_table=False, country="")
            for d in self.times(r.uniform(4, 25), r.uniform(0, 200), DAYS):
                t = self.at(d, r.uniform(6, 26), 8)
                src = r.choice(self.ph_wallet_pool)
                php = float(round(r.uniform(500, 25000), -2 if r.random() < 0.7 else 0))
                self.tx(WAL, t, php, "PHP", src, w, "ewallet", r.choice(["", "usdt", "p2p", "btc"]))
                if r.random() < 0.6:
                    self.tx(
                        WAL,
                        t + r.uniform(0.05, 2) * HOUR,
                        round(php * 0.985, 2),
                        "PHP",
                        w,
                        addr,
                        "crypto",
                        "",
                        chain=f"0x{self.nid():016x}",
                    )
            if r.random() < 0.4:  # some foreign counterparties
                for _k in range(r.randint(1, 8)):
                    x = self.person("crypto_trader", r.choice(WESTERN), age=(20, 50))
                    self.ext_sender(x)
                    self.send(
                        x,
                        w,
                        self.at(r.uniform(0, DAYS), self.hour("any"), x.tz),
                        r.uniform(50, 900),
                        r.choice(["", "usdt", "p2p"]),
                        0.5,
                    )


__all__ = ["Lookalikes", "DAY", "DAYS", "EXT", "PLAT", "REM", "T0"]
