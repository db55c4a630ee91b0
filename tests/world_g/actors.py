"""Accounts, everyday life and cash-out behaviour shared by every cohort of world G."""

from __future__ import annotations

from . import names as N
from .core import BANK, CUR, DAY, DAYS, EXT, HOUR, PLAT, REM, T0, TZ, WAL, Core, Person


class Actors(Core):
    """Adds account bundles per person, ordinary life and the cash-out engine."""

    def setup_infra(self) -> None:
        r = self.r
        self.agents: dict[str, list[str]] = {}
        self.agent_set: set[str] = set()
        for city, _prov in N.PH_CITIES:
            lst = []
            for i in range(max(2, self.n // 12000) + r.randint(0, 3)):
                o = self.org("merchant", "PH", f"{city.split()[0]} Padala Center {i + 1}", city=city)
                pty = self.party(o, WAL, kind="organization", name=o.given)
                a = self.account(o, WAL, "merchant", pty, kyc_name=o.given)
                lst.append(a)
                self.agent_set.add(a)
            self.agents[city] = lst
        self.ph_merchants: dict[str, list[tuple[str, str]]] = {}
        for kind, lst in (
            ("bill", N.BILLERS),
            ("load", N.LOADERS),
            ("school", N.SCHOOLS),
            ("courier", N.COURIERS),
            ("shop", ["SariSari Mart", "Puregold Lite", "Jollymeal Foods", "Mercury Meds"]),
        ):
            out = []
            for nm in lst:
                o = self.org("organization" if kind == "school" else "merchant", "PH", nm)
                pty = self.party(o, WAL, kind="organization", name=nm)
                out.append((self.account(o, WAL, "merchant", pty, kyc_name=nm), nm))
            self.ph_merchants[kind] = out
        self.card_merchants: dict[str, list[tuple[str, str, str]]] = {}
        self.special_merchants: dict[str, tuple[str, str, str]] = {}
        self.employers: dict[str, list[str]] = {}
        self.ext_billers: dict[str, str] = {}
        self.ph_wallet_pool: list[str] = []

    def org(self, cohort: str, country: str, name: str, city: str | None = None) -> Person:
        p = self.person(cohort, country, city=city)
        p.given, p.surname, p.middle = name, "", ""
        return p

    def card_merchant(self, cc: str, pick: tuple | None = None) -> tuple[str, str, str]:
        lst = self.card_merchants.get(cc)
        if lst is None:
            lst = []
            for mcc, nm in N.CARD_MERCHANTS:
                o = self.org("merchant", cc, nm)
                lst.append((self.account(o, EXT, "merchant", country=cc, kyc_name=nm), mcc, nm))
            self.card_merchants[cc] = lst
        if pick is None:
            return lst[int(self.r.random() ** 1.5 * len(lst))]
        key = f"{cc}|{pick[1]}"
        got = self.special_merchants.get(key)
        if got is None:
            o = self.org("merchant", cc, pick[1])
            got = (self.account(o, EXT, "merchant", country=cc, kyc_name=pick[1]), pick[0], pick[1])
            self.special_merchants[key] = got
        return got

    def employer(self, cc: str) -> str:
        lst = self.employers.get(cc)
        if lst is None:
            lst = []
            for nm in self.r.sample(N.EMPLOYERS, 6):
                o = self.org("organization", cc, nm)
                lst.append(self.account(o, EXT, "bank", country=cc, kyc_name=nm))
            self.employers[cc] = lst
        return self.r.choice(lst)

    # ------------------------------------------------------------------ account bundles
    def bank_customer(
        self, p: Person, *, card: bool = True, app: float = 0.5, since: tuple = (100, 4000)
    ) -> None:
        r = self.r
        created = T0 - r.randint(*since) * DAY
        pty = self.party(p, BANK, created=created, miss=0.03)
        p.accts["bank"] = self.account(p, BANK, "bank", pty, opened=created)
        if card:
            p.accts["card"] = self.account(p, BANK, "card", pty, opened=created + r.randint(0, 90) * DAY)
        if r.random() < app:
            p.accts["ns"] = self.account(p, BANK, "remittance", pty, opened=created + r.randint(0, 800) * DAY)
        if r.random() < 0.02:  # duplicate KYC record of one person
            pty2 = self.party(p, BANK, miss=0.2)
            p.accts["bank2"] = self.account(p, BANK, "bank", pty2)

    def rem_customer(self, p: Person) -> None:
        pty = self.party(p, REM, miss=0.1)
        p.accts["rem"] = self.account(p, REM, "remittance", pty)

    def ext_sender(self, p: Person) -> None:
        p.accts["ext"] = self.account(p, EXT, "bank", in_table=False)

    def sender_setup(self, p: Person, mix: tuple[float, float, float]) -> str:
        """Give a sender abroad an institution: bank (northbank), rem (globeremit) or ext."""
        x = self.r.random()
        if p.country not in ("GB", "AU", "US"):
            mix = (0.0, mix[1] / (mix[1] + mix[2]), 1.0)
        else:
            mix = (mix[0], mix[0] + mix[1], 1.0)
        if x < mix[0]:
            self.bank_customer(p, app=0.75)
            return "bank"
        if x < mix[1]:
            self.rem_customer(p)
            if p.country in ("GB", "AU", "US") and self.r.random() < 0.5:
                self.bank_customer(p, app=0.0)
            return "rem"
        self.ext_sender(p)
        return "ext"

    def wallet(
        self,
        p: Person,
        *,
        name: str | None = None,
        kyc: dict | None = None,
        policy: tuple | None = None,
        since: tuple = (30, 2000),
    ) -> str:
        r = self.r
        created = T0 - r.randint(*since) * DAY
        kyc = kyc or {}
        pty = self.party(p, WAL, name=name, created=created, miss=0.1, **kyc)
        a = self.account(p, WAL, "ewallet", pty, opened=created, kyc_name=name if name else p.name)
        p.accts.setdefault("wal", a)
        if r.random() < 0.025 and name is None:  # duplicate KYC, re-registered
            pty2 = self.party(p, WAL, miss=0.3, phone=self.new_phone("PH"))
            a2 = self.account(p, WAL, "ewallet", pty2)
            p.accts["wal2"] = a2
        if policy is not None:
            self.set_policy(a, policy, p)
        return a

    def platform(
        self,
        p: Person,
        *,
        link: float,
        host: bool = False,
        uname: str | None = None,
        banned: bool = False,
        since: tuple = (10, 1500),
    ) -> str:
        r = self.r
        created = T0 - r.randint(*since) * DAY
        g = p.given.split()[0].lower().replace(".", "")
        uname = uname or r.choice(
            [
                f"{g}{r.randint(1, 99)}",
                f"{g}_{r.choice(['ph', 'live', 'x', 'official', 'tv'])}",
                f"{r.choice(['sunny', 'blue', 'night', 'happy', 'chill', 'mr', 'its'])}_{g}{r.randint(1, 999)}",
                f"{g}{p.surname[:2].lower()}{r.randint(10, 99)}",
            ]
        )
        uname = uname.replace(" ", "")
        email = p.email if r.random() < link else self.new_email(p)
        phone = p.phone if r.random() < link * 0.4 else ""
        pty = self.party(p, PLAT, created=created, email=email, phone=phone)
        closed = banned_r = None
        if banned:
            closed = T0 + r.randint(200, DAYS - 1) * DAY
            banned_r = "child sexual exploitation"
        a = self.account(
            p,
            PLAT,
            "platform",
            pty,
            username=uname,
            display=uname.split("_")[0].title() if r.random() < 0.7 else "",
            opened=created,
            closed=closed,
            banned=banned_r or "",
        )
        p.accts.setdefault("plat", a)
        p.accts.setdefault("uname", uname)
        return a

    # ------------------------------------------------------------------ sending abroad -> PH
    def send(
        self,
        p: Person,
        rcv: str,
        t: float,
        usd: float,
        ref: str = "",
        roundp: float = 0.5,
        inst: str | None = None,
        wire: float = 0.3,
    ) -> None:
        r = self.r
        a = p.accts
        inst = inst or ("bank" if "bank" in a else "rem" if "rem" in a else "ext")
        rinfo = self.acc[rcv]
        rname = rinfo[6] if r.random() < 0.6 else ""
        sname = self.variant(p) if r.random() < 0.7 else ""
        if inst == "bank":
            cur = CUR.get(p.country, "USD")
            s = a["ns"] if ("ns" in a and r.random() > wire) else a["bank"]
            ch = "remittance" if s.startswith("NS-") else "bank_transfer"
            self.tx(BANK, t, self.money(usd, cur, t, roundp), cur, s, rcv, ch, ref, sname=sname, rname=rname)
        elif inst == "rem":
            cur = CUR.get(p.country, "USD")
            ch = "cash_pickup" if rinfo[4] == REM else "remittance"
            self.tx(
                REM, t, self.money(usd, cur, t, roundp), cur, a["rem"], rcv, ch, ref, sname=sname, rname=rname
            )
        else:
            if r.random() < 0.7:
                cur = "PHP"
                amt = round(usd / self.usd_per("PHP", t), 2)
                if r.random() < roundp:
                    amt = round(
                        self.money(usd, CUR.get(p.country, "USD"), t, 1.0)
                        * self.usd_per(CUR.get(p.country, "USD"), t)
                        / self.usd_per("PHP", t)
                        * (1 - r.random() * 0.015),
                        2,
                    )
            else:
                cur = CUR.get(p.country, "USD")
                amt = self.money(usd, cur, t, roundp)
            self.tx(
                WAL,
                t,
                amt,
                cur,
                a["ext"],
                rcv,
                r.choice(["remittance", "bank_transfer"]),
                ref,
                sname=sname if r.random() < 0.6 else "",
                rname=rname,
            )

    # ------------------------------------------------------------------ times
    def times(self, rate_pm: float, d0: float, d1: float) -> list[float]:
        out: list[float] = []
        if rate_pm <= 0:
            return out
        lam = rate_pm / 30.0
        d = d0
        while True:
            d += self.r.expovariate(lam)
            if d >= d1:
                return out
            out.append(d)

    def hour(self, kind: str) -> float:
        r = self.r
        if kind == "night":
            return r.uniform(20.5, 28.5)
        if kind == "day":
            return r.uniform(8, 18.5)
        if kind == "evening":
            return r.uniform(17, 23.5)
        return r.uniform(7, 24) if r.random() < 0.85 else r.uniform(24, 30)

    # ------------------------------------------------------------------ ordinary life
    def foreign_life(self, p: Person, lam: float = 1.0, salary: float = 0.6) -> None:
        r = self.r
        a = p.accts
        if "bank" not in a:
            return
        cc = p.country
        cur = CUR.get(cc, "USD")
        d0 = max(0, r.randint(-400, 300))
        if r.random() < salary:
            emp = self.employer(cc)
            pay = r.uniform(1800, 6500)
            dom = r.choice([1, 15, 25, 28])
            for m in range(d0 // 30, 24):
                t = self.at(m * 30.4 + dom, r.uniform(1, 6), p.tz)
                self.tx(
                    BANK,
                    t,
                    self.money(pay * r.uniform(0.97, 1.03), cur, t),
                    cur,
                    emp,
                    a["bank"],
                    "bank_transfer",
                    "SALARY" if r.random() < 0.7 else "payroll",
                    sname=self.acc[emp][6],
                )
        if "card" in a:
            for d in self.times(r.uniform(0.3, 2.2) * lam, d0, DAYS):
                acct, mcc, nm = self.card_merchant(cc)
                t = self.at(d, self.hour("any") if r.random() < 0.9 else self.hour("night"), p.tz)
                self.tx(
                    BANK,
                    t,
                    self.money(r.lognormvariate(3.3, 0.8), cur, t),
                    cur,
                    a["card"],
                    acct,
                    "card",
                    "",
                    mcc,
                    nm,
                )
        if r.random() < 0.5:
            bill = self.ext_billers.get(cc)
            if bill is None:
                o = self.org("organization", cc, f"{cc} Energy & Water")
                bill = self.ext_billers[cc] = self.account(o, EXT, "bank", kyc_name=o.given)
            amt = r.uniform(60, 220)
            for m in range(d0 // 30, 24):
                t = self.at(m * 30.4 + 3, r.uniform(2, 5), p.tz)
                self.tx(
                    BANK,
                    t,
                    self.money(amt * r.uniform(0.8, 1.2), cur, t),
                    cur,
                    a["bank"],
                    bill,
                    "bank_transfer",
                    "DD utilities",
                )

    def ph_life(self, p: Person, w: str, lam: float = 1.0) -> None:
        r = self.r
        agents = self.agents.get(p.city) or self.agents[r.choice(list(self.agents))]
        d0 = max(0, r.randint(-500, 400))
        for d in self.times(r.uniform(0.6, 3.0) * lam, d0, DAYS):
            t = self.at(d, r.uniform(7, 22.5) if r.random() < 0.93 else r.uniform(22.5, 26), 8)
            x = r.random()
            if x < 0.33:
                m, nm = r.choice(self.ph_merchants["load"])
                self.tx(
                    WAL,
                    t,
                    r.choice([15, 30, 50, 99, 100, 199, 299, 300, 500]),
                    "PHP",
                    w,
                    m,
                    "ewallet",
                    r.choice(["load", "", "promo", "data"]),
                    mname=nm,
                )
            elif x < 0.48:
                m, nm = r.choice(self.ph_merchants["bill"])
                self.tx(
                    WAL,
                    t,
                    round(r.uniform(300, 4500), 2),
                    "PHP",
                    w,
                    m,
                    "ewallet",
                    f"acct {r.randint(100000, 999999)}",
                    mname=nm,
                )
            elif x < 0.63 and self.ph_wallet_pool:
                tgt = r.choice(self.ph_wallet_pool)
                if tgt != w:
                    self.tx(
                        WAL,
                        t,
                        float(r.choice([100, 200, 300, 500, 1000, 1500, 2000]))
                        if r.random() < 0.6
                        else round(r.uniform(50, 5000), 2),
                        "PHP",
                        w,
                        tgt,
                        "ewallet",
                        r.choice(["", "", "bayad", "utang", "salamat", "share"]),
                    )
            elif x < 0.72:
                m, nm = r.choice(self.ph_merchants["shop"])
                self.tx(WAL, t, round(r.uniform(80, 2500), 2), "PHP", w, m, "ewallet", "", mname=nm)
            elif x < 0.9:
                ag = r.choice(agents)
                self.tx(
                    WAL,
                    t,
                    float(r.choice([500, 1000, 1000, 2000, 3000, 5000])),
                    "PHP",
                    ag,
                    w,
                    "ewallet",
                    "cash in",
                )
            else:
                ag = r.choice(agents)
                self.tx(WAL, t, float(r.choice([500, 1000, 2000, 3000])), "PHP", w, ag, "ewallet", "cash out")

    # ------------------------------------------------------------------ cash-out engine
    def set_policy(self, aid: str, pol: tuple, p: Person) -> None:
        """pol = (p_out, delay_h_lo, delay_h_hi, frac_lo, frac_hi, consolidate_to, p_cons, stage)."""
        self.track.setdefault(aid, [])
        if not hasattr(self, "policy"):
            self.policy: dict[str, tuple] = {}
        self.policy[aid] = (pol, p)

    def run_cashouts(self) -> None:
        r = self.r
        items = sorted(getattr(self, "policy", {}).items(), key=lambda kv: kv[1][0][7])
        for aid, (pol, p) in items:
            p_out, dlo, dhi, flo, fhi, cons, pcons, _stage = pol
            agents = self.agents.get(p.city) or self.agents[r.choice(list(self.agents))]
            pend = 0.0
            for t, php, s in sorted(self.track.get(aid, [])):
                if s in self.agent_set:
                    continue
                if cons and r.random() < pcons:
                    t2 = t + r.uniform(0.05, 5) * HOUR
                    amt = float(round(php * r.uniform(0.8, 1.0), -1)) or 100.0
                    self.tx(
                        WAL, t2, amt, "PHP", aid, cons, "ewallet", r.choice(["", "", "padala", "share", "ok"])
                    )
                    continue
                pend += php
                if r.random() < p_out:
                    t2 = t + r.uniform(dlo, dhi) * HOUR
                    h = ((t2 - T0) / HOUR + 8) % 24
                    if h < 7 or h > 21.5:  # agents open 07:00-21:30 PH time
                        t2 += ((31 - h) % 24) * HOUR + r.uniform(0, 2) * HOUR
                    amt = float(round(pend * r.uniform(flo, fhi), -2))
                    if amt >= 100:
                        self.tx(
                            WAL,
                            t2,
                            amt,
                            "PHP",
                            aid,
                            r.choice(agents),
                            "ewallet",
                            r.choice(["cash out", "", "withdraw"]),
                        )
                        pend = 0.0


__all__ = ["Actors", "DAY", "DAYS", "HOUR", "T0", "TZ"]
