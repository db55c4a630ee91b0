# ruff: noqa: UP031  (printf-style formatting of ids and amounts is deliberate here)
"""World H core: persons, institutions, accounts, payments and the writers (standard library only)."""

from __future__ import annotations

import calendar
import csv
import math
import os
import random
import time

from . import names as N

START = 1672531200  # 2023-01-01T00:00:00Z
DAYS = 548  # to 2024-07-01
MONTH_START = [
    (calendar.timegm((2023 + (m // 12), m % 12 + 1, 1, 0, 0, 0)) - START) // 86400 for m in range(19)
]

# Institutions -------------------------------------------------------------------------------
RA = "ph-padalaexpress"  # money-transfer company, big cash-pickup branch network
RB = "ph-bayanremit"  # second remitter, pickup and door-to-door
BK = "ph-unibank"  # universal bank
WA = "ph-gpesa"  # e-wallet, account ids are mobile numbers
WB = "ph-payamo"  # e-wallet, opaque ids
AU = "au-sendwise"  # foreign money-transfer app (Australia) with KYC of its senders
CP = "chatlink"  # social/chat platform
PH_SOURCES = (RA, RB, BK, WA, WB)
HOTLINE = "ph-hotline"
TIP_SOURCES = (HOTLINE, "chatlink-safety", "au-ngo-tipline")

# usd per unit (base) and country data
FX_BASE = {
    "USD": 1.0,
    "PHP": 0.0178,
    "AUD": 0.66,
    "GBP": 1.26,
    "EUR": 1.08,
    "CAD": 0.74,
    "SAR": 0.2667,
    "AED": 0.2723,
    "SGD": 0.74,
    "HKD": 0.128,
    "JPY": 0.0070,
    "NZD": 0.61,
    "KWD": 3.25,
    "QAR": 0.2747,
    "NOK": 0.094,
    "NGN": 0.0011,
    "XOF": 0.00165,
}
CC_CUR = {
    "US": "USD",
    "CA": "CAD",
    "GB": "GBP",
    "AU": "AUD",
    "NZ": "NZD",
    "DE": "EUR",
    "NL": "EUR",
    "FR": "EUR",
    "IT": "EUR",
    "IE": "EUR",
    "NO": "NOK",
    "SA": "SAR",
    "AE": "AED",
    "QA": "QAR",
    "KW": "KWD",
    "SG": "SGD",
    "HK": "HKD",
    "JP": "JPY",
    "PH": "PHP",
    "NG": "NGN",
    "CI": "XOF",
}
CC_TZ = {
    "US": (-5, -6, -7, -8, -5, -6),
    "CA": (-5, -8, -7, -5),
    "GB": (0,),
    "AU": (10, 10, 10, 8, 9.5),
    "NZ": (12,),
    "DE": (1,),
    "NL": (1,),
    "FR": (1,),
    "IT": (1,),
    "IE": (0,),
    "NO": (1,),
    "SA": (3,),
    "AE": (4,),
    "QA": (3,),
    "KW": (3,),
    "SG": (8,),
    "HK": (8,),
    "JP": (9,),
    "PH": (8,),
    "NG": (1,),
    "CI": (0,),
}

NIGHT_H = (21, 22, 22, 23, 23, 23, 0, 0, 0, 1, 1, 2, 3, 4)
DAY_H = (8, 9, 10, 10, 11, 12, 13, 14, 14, 15, 16, 17)
EVE_H = (17, 18, 19, 19, 20, 20, 21, 21, 22)
ANY_H = (7, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 17, 18, 18, 19, 19, 20, 20, 21, 21, 22, 23)
MODE_H = {"night": NIGHT_H, "day": DAY_H, "eve": EVE_H, "any": ANY_H}


def wpick(rng, items, weights):
    return rng.choices(items, weights)[0]


class P:
    """A true (simulated) person or organisation."""

    __slots__ = (
        "pid",
        "cohort",
        "role",
        "nets",
        "cc",
        "first",
        "middle",
        "last",
        "gender",
        "birth",
        "city",
        "prov",
        "brgy",
        "addr",
        "phone",
        "email",
        "tz",
        "cur",
        "traits",
        "idnum",
        "accts",
        "kyc",
        "ext",
        "plat",
        "org",
        "au",
        "n_pay",
        "branches",
        "extra",
    )

    def __init__(self):
        self.role = ""
        self.nets = []
        self.traits = set()
        self.accts = {}
        self.kyc = {}
        self.ext = {}
        self.plat = None
        self.org = False
        self.au = None
        self.n_pay = 0
        self.branches = None
        self.extra = None
        self.middle = ""
        self.brgy = ""
        self.prov = ""

    @property
    def name(self):
        return N.full_name(self.first, self.middle, self.last)


class World:
    def __init__(self, seed: int, customers: int):
        self.seed = seed
        self.N = customers
        self.r = random.Random(seed)
        self.persons: list[P] = []
        self.parties = []  # rows
        self.accounts = []  # rows
        self.txns = []  # tuples
        self.msgs = []
        self.reports = []
        self.truth_acct = {}  # account_id -> (party_id, person_id)
        self.acct_src = {}
        self.acct_owner_name = {}  # account_id -> (first, middle, last) of the KYC owner
        self.used = set()
        self.merchants = {}  # key -> list of account ids
        self.agents = {}  # (src, city) -> list of account ids
        self.branches = {}  # (src, city) -> list of branch labels
        self.ph_by_city = {}
        self.city_spend = {}
        self._pid = 0
        self._fx()

    # ------------------------------------------------------------------ basics
    def _fx(self):
        r = self.r
        self.fx = {}
        for cur, base in FX_BASE.items():
            v = base
            series = []
            for _ in range(DAYS + 2):
                if cur != "USD":
                    v *= math.exp(r.gauss(0, 0.004))
                    v = base * (v / base) ** 0.995  # mean reverting
                series.append(v)
            self.fx[cur] = series

    def rate(self, cur, day):
        return self.fx[cur][max(0, min(DAYS, day))]

    def uid(self, prefix, digits=8, alpha=False):
        r = self.r
        while True:
            if alpha:
                s = prefix + "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(digits))
            else:
                s = prefix + str(r.randrange(10 ** (digits - 1), 10**digits))
            if s not in self.used:
                self.used.add(s)
                return s

    def new_person(self, cohort, cc="PH", gender=None, age=(25, 60), fil=None, last=None, city=None):
        r = self.r
        p = P()
        self._pid += 1
        p.pid = "H%06d" % self._pid
        p.cohort = cohort
        p.cc = cc
        p.gender = gender or r.choice("fm")
        if fil is None:
            fil = cc == "PH"
        if fil:
            p.first = r.choice(N.PH_FEMALE if p.gender == "f" else N.PH_MALE)
            p.middle = r.choice(N.PH_SURNAMES) if r.random() < 0.85 else ""
            p.last = last or r.choice(N.PH_SURNAMES)
        else:
            p.first = r.choice(N.FOREIGN_FEMALE if p.gender == "f" else N.FOREIGN_MALE)
            p.middle = ""
            p.last = last or r.choice(N.FOREIGN_SURNAMES)
        a = r.randint(age[0], age[1])
        y = 2024 - a
        p.birth = "%04d-%02d-%02d" % (y, r.randint(1, 12), r.randint(1, 28))
        p.tz = r.choice(CC_TZ.get(cc, (0,)))
        p.cur = CC_CUR.get(cc, "USD")
        if cc == "PH":
            if city is None:
                city = wpick(r, N.PH_PLACES, [x[2] for x in N.PH_PLACES])
            p.city, p.prov = city[0], city[1]
            p.brgy = r.choice(city[3])
            p.addr = N.address(r, p.city, p.prov, p.brgy)
            p.phone = N.ph_mobile(r)
            p.idnum = r.choice(
                ("PSN-%04d-%04d-%04d-%04d", "CRN-0111-%04d%03d-%d", "N%02d-%02d-%06d", "P%07dA")
            )
            p.idnum = self._idnum(p.idnum)
            self.ph_by_city.setdefault(p.city, []).append(p)
        else:
            p.city = r.choice(N.FOREIGN_CITIES.get(cc, ("Capital",)))
            p.addr = "%d %s, %s" % (r.randrange(1, 400), r.choice(N.AU_STREETS), p.city)
            p.phone = N.foreign_phone(r, cc)
            p.idnum = f"{cc}-{r.randrange(10**7, 10**9)}"
        p.email = N.email_for(r, p.first, p.last) if r.random() < 0.85 else ""
        self.persons.append(p)
        return p

    def _idnum(self, fmt):
        r = self.r
        n = fmt.count("%")
        vals = [r.randrange(10**3, 10**4) for _ in range(n)]
        if fmt.startswith("P%07d"):
            vals = [r.randrange(10**6, 10**7)]
        if fmt.startswith("N%02d"):
            vals = [r.randrange(10, 99), r.randrange(10, 99), r.randrange(10**5, 10**6)]
        if fmt.startswith("CRN"):
            vals = [r.randrange(1000, 9999), r.randrange(100, 999), r.randrange(10)]
        return fmt % tuple(vals)

    def new_org(self, cohort, name, cc="PH", city=None):
        p = self.new_person(cohort, cc=cc, age=(5, 40), city=city)
        p.org = True
        p.first, p.middle, p.last = name, "", ""
        p.gender = ""
        p.birth = ""
        p.email = (
            "info.{}@example.org".format("".join(c for c in name.lower() if c.isalnum())[:18])
            if self.r.random() < 0.7
            else ""
        )
        return p

    # ------------------------------------------------------------------ KYC & accounts
    MISSING = {
        RA: {"birth": 0.1, "gender": 0.3, "email": 0.75, "address": 0.05, "id": 0.05, "city": 0.1},
        RB: {"birth": 0.25, "gender": 0.4, "email": 0.85, "address": 0.2, "id": 0.15, "city": 0.2},
        BK: {"birth": 0.02, "gender": 0.05, "email": 0.3, "address": 0.02, "id": 0.02, "city": 0.02},
        WA: {"birth": 0.2, "gender": 0.3, "email": 0.4, "address": 0.5, "id": 0.4, "city": 0.3},
        WB: {"birth": 0.3, "gender": 0.5, "email": 0.3, "address": 0.6, "id": 0.5, "city": 0.4},
        AU: {"birth": 0.02, "gender": 0.2, "email": 0.0, "address": 0.05, "id": 0.05, "city": 0.02},
        CP: {"birth": 0.7, "gender": 0.5, "email": 0.5, "address": 1.0, "id": 1.0, "city": 0.6},
    }
    PARTY_PREFIX = {RA: "PX-C", RB: "BR-K", BK: "CIF", WA: "GPU-", WB: "PYM-", AU: "SWC-", CP: "CLU-"}

    def party(self, owner: P, src, dup=False, created=None):
        """The KYC record that `src` holds for `owner` (one per person and source unless dup)."""
        if not dup and src in owner.kyc:
            return owner.kyc[src]
        r = self.r
        miss = self.MISSING[src]
        pid = self.uid(self.PARTY_PREFIX[src], 9 if src != WB else 8, alpha=src in (WB, CP))
        strength = 0.35 if src in (BK, AU) else 0.6
        if owner.org:
            name = owner.first if r.random() < 0.8 else owner.first.upper()
        elif src == CP:
            name = r.choice(
                (
                    owner.first.split()[0],
                    N.full_name(owner.first, "", owner.last),
                    owner.first.split()[0] + " " + owner.last[:1] + ".",
                )
            )
        else:
            name = N.name_variant(r, owner.first, owner.middle, owner.last, strength + (0.3 if dup else 0))
        g = lambda k: r.random() >= miss[k]  # noqa: E731
        phone = owner.phone
        if owner.cc == "PH":
            phone = N.phone_variant(r, phone, 0.5)
        if owner.extra and owner.extra.get("shared_phone") and r.random() < 0.7:
            phone = N.phone_variant(r, owner.extra["shared_phone"], 0.5)
        if src == CP and r.random() > 0.3:
            phone = ""
        addr = N.address_variant(r, owner.addr, 0.5) if g("address") else ""
        email = owner.email if g("email") else ""
        if email and r.random() < 0.05:
            email = email.upper()
        if created is None:
            created = START - r.randrange(900, 1600) * 86400 - r.randrange(86400)
        row = (
            pid,
            src,
            "organization" if owner.org else "person",
            name,
            owner.birth if (g("birth") and not owner.org) else "",
            owner.gender if (g("gender") and not owner.org) else "",
            owner.cc if r.random() > 0.03 else "",
            owner.city if g("city") else "",
            addr,
            phone if r.random() > 0.05 else "",
            email,
            owner.idnum if g("id") else "",
            created,
        )
        self.parties.append(row)
        if not dup:
            owner.kyc[src] = pid
        return pid

    ACCT_KIND = {
        RA: "remittance",
        RB: "remittance",
        BK: "bank",
        WA: "ewallet",
        WB: "ewallet",
        AU: "ewallet",
        CP: "platform",
    }

    def account(
        self,
        user: P,
        src,
        owner: P | None = None,
        kind=None,
        dup_party=False,
        opened=None,
        username="",
        display="",
    ):
        """An account held at `src`, registered under `owner`'s KYC, actually used by `user`."""
        r = self.r
        owner = owner or user
        party_id = self.party(owner, src, dup=dup_party)
        kind = kind or self.ACCT_KIND[src]
        if src == WA:
            ph = owner.phone if (owner.phone and owner.phone.startswith("09")) else N.ph_mobile(r)
            aid = "GP" + ph
            if aid in self.used:
                aid = self.uid("GP09", 9)
            self.used.add(aid)
        elif src == RA:
            aid = self.uid("PX", 10)
        elif src == RB:
            aid = self.uid("BR-", 8, alpha=True)
        elif src == BK:
            aid = self.uid("00", 12)
        elif src == WB:
            aid = self.uid("pym_", 10, alpha=True).lower()
        elif src == AU:
            aid = self.uid("sw-", 9, alpha=True)
        else:
            aid = self.uid("cl", 10)
        if opened is None:
            opened = START - r.randrange(1, 900) * 86400 - r.randrange(86400)
        self.accounts.append(
            [
                aid,
                src,
                party_id,
                kind,
                owner.cc if r.random() > 0.02 else "",
                username,
                display,
                opened,
                "",
                "",
            ]
        )
        self.truth_acct[aid] = (party_id, user.pid)
        self.acct_src[aid] = src
        self.acct_owner_name[aid] = owner
        user.accts.setdefault(src, []).append(aid)
        return aid

    def ext(self, p: P, net):
        """An account at an institution outside the bundle (visible only as a counterparty id)."""
        a = p.ext.get(net)
        if a:
            return a
        r = self.r
        if net == "ra-int":
            a = self.uid("PXF", 10)
        elif net == "rb-int":
            a = self.uid("BRF-", 8, alpha=True)
        elif net == "wire":
            a = self.uid("%s%02d" % (p.cc if p.cc != "PH" else "XX", r.randrange(10, 99)), 14)
        elif net == "wallet-int":
            a = self.uid("ipx:", 10, alpha=True).lower()
        elif net == "gc":
            a = self.uid("gcx-", 9, alpha=True)
        else:
            a = self.uid(net + ":", 9, alpha=True)
        p.ext[net] = a
        self.truth_acct[a] = ("", p.pid)
        self.acct_src[a] = "external"
        self.acct_owner_name[a] = p
        return a

    def platform(self, p: P):
        if p.plat:
            return p.plat
        r = self.r
        base = N._ascii(p.first.split()[0].lower())
        if p.org:
            base = "".join(c for c in N._ascii(p.first.lower()) if c.isalnum())[:12]
        suff = r.choice(("", "_", ".")) + r.choice(
            (
                str(r.randrange(1, 999)),
                N._ascii(p.last.lower().replace(" ", ""))[:5],
                "x",
                "official",
                str(r.randrange(80, 2010)),
            )
        )
        uname = (base + suff)[:24]
        while uname in self.used:
            uname = uname + str(r.randrange(10))
        self.used.add(uname)
        disp = r.choice(
            (
                p.first.split()[0],
                N.full_name(p.first.split()[0], "", p.last),
                uname,
                p.first.split()[0] + " " + p.last[:1],
            )
        )
        p.plat = self.account(p, CP, kind="platform", username=uname, display=disp)
        return p.plat

    def accounts_of(self, p: P, srcs=PH_SOURCES):
        out = []
        for s in srcs:
            out.extend(p.accts.get(s, ()))
        return out

    # ------------------------------------------------------------------ time & money
    def at(self, p: P, day, mode="any"):
        r = self.r
        h = r.choice(MODE_H[mode])
        return START + day * 86400 + h * 3600 + r.randrange(3600) - int(p.tz * 3600)

    def day_of(self, t):
        return (t - START) // 86400

    def local_amount(self, usd, cur, day, round_bias):
        v = usd / self.rate(cur, day)
        if round_bias:
            step = roundstep(v, cur)
            v = max(step, round(v / step) * step)
        else:
            v = round(v, 2) if cur not in ("JPY",) else round(v)
            if v <= 0:
                v = 1
        return v

    def to_php(self, amt, cur, day):
        return amt * self.rate(cur, day) / self.rate("PHP", day)

    def pickup_branch(self, p: P, src, spread=False):
        r = self.r
        key = (src, p.city)
        lst = self.branches.get(key)
        if lst is None:
            code = "PX" if src == RA else "BR"
            cabbr = "".join(w[0] for w in p.city.replace("-", " ").split()).upper()
            lst = [
                "%s-%s-%03d %s" % (code, cabbr, r.randrange(1, 999), b)
                for b in (
                    p.city,
                    p.brgy,
                    "Public Market",
                    "Terminal",
                    "Mall",
                    "Highway",
                    "Poblacion",
                    "Centro",
                )
            ]
            self.branches[key] = lst
        if p.branches is None:
            p.branches = r.sample(lst, 2)
        if spread:
            return r.choice(lst)
        return p.branches[0] if r.random() < 0.8 else p.branches[1]

    # ------------------------------------------------------------------ recording payments
    def T(
        self,
        src,
        t,
        amount,
        cur,
        s,
        rcv,
        ch,
        scc,
        rcc,
        ref="",
        mcc="",
        mname="",
        sname="",
        rname="",
        ctrl="",
        branch="",
    ):
        self.txns.append(
            (src, t, amount, cur, s, rcv, ch, scc, rcc, ref, mcc, mname, sname, rname, ctrl, branch)
        )

    def typed_name(self, acct_or_person, strength=0.6):
        o = acct_or_person if isinstance(acct_or_person, P) else self.acct_owner_name[acct_or_person]
        if o.org:
            return o.first
        return N.name_variant(self.r, o.first, o.middle, o.last, strength)

    def intl(self, payer: P, racct, t, amt, ref="", use_au=None, spread=False, pickup=None, rname=None):
        """An international credit into a Philippine account: the receiving institution reports it;
        if the payer sends through the foreign app in the bundle, that app reports it too."""
        r = self.r
        rsrc = self.acct_src[racct]
        cur = payer.cur
        day = self.day_of(t)
        if use_au is None:
            use_au = bool(payer.au) and r.random() < 0.9
        rname = rname if rname is not None else self.typed_name(racct, 0.7)
        sname = self.typed_name(payer, 0.5)
        scc = payer.cc if r.random() > 0.04 else ""
        ctrl = ""
        if use_au and payer.au:
            sender = payer.au
            ctrl = "SW%09d" % r.randrange(10**9)
            self.T(AU, t, amt, cur, sender, racct, "remittance", "AU", "PH", ref, "", "", "", rname, ctrl, "")
            t2 = t + r.randrange(120, 5400)
            ref2 = ref if r.random() < 0.6 else ""
        else:
            net = {RA: "ra-int", RB: "rb-int", BK: "wire", WA: "wallet-int", WB: "wallet-int"}[rsrc]
            sender = self.ext(payer, net)
            t2 = t
            ref2 = ref
        if rsrc in (RA, RB):
            php = round(self.to_php(amt, cur, day) * (1 - r.uniform(0.0, 0.02)), 2)
            if pickup is None:
                pickup = r.random() < 0.7
            ch = "cash_pickup" if pickup else "remittance"
            if not ctrl:
                ctrl = (
                    ("%010d" % r.randrange(10**10))
                    if rsrc == RA
                    else "BRN-" + "".join(r.choice("0123456789ABCDEFGHJK") for _ in range(10))
                )
            recv = self.acct_owner_name[racct]
            branch = self.pickup_branch(recv, rsrc, spread) if pickup else ""
            if rsrc == RB and r.random() < 0.3:
                self.T(
                    rsrc,
                    t2,
                    round(amt * self.rate(cur, day), 2),
                    "USD",
                    sender,
                    racct,
                    ch,
                    scc,
                    "PH",
                    ref2,
                    "",
                    "",
                    sname,
                    rname,
                    ctrl,
                    branch,
                )
            else:
                self.T(
                    rsrc,
                    t2,
                    php,
                    "PHP",
                    sender,
                    racct,
                    ch,
                    scc,
                    "PH",
                    ref2,
                    "",
                    "",
                    sname,
                    rname,
                    ctrl,
                    branch,
                )
        elif rsrc == BK:
            if cur in ("USD", "EUR", "GBP", "AUD") and r.random() < 0.7:
                a2, c2 = amt, cur
            else:
                a2, c2 = round(self.to_php(amt, cur, day) * 0.995, 2), "PHP"
            self.T(
                BK,
                t2,
                a2,
                c2,
                sender,
                racct,
                "bank_transfer" if not ctrl else "remittance",
                scc,
                "PH",
                ref2,
                "",
                "",
                sname,
                rname,
                ctrl or "FT%011d" % r.randrange(10**11),
                "",
            )
        else:
            php = round(self.to_php(amt, cur, day) * (1 - r.uniform(0.005, 0.02)), 2)
            self.T(
                rsrc,
                t2,
                php,
                "PHP",
                sender,
                racct,
                "ewallet",
                scc,
                "PH",
                ref2,
                "",
                "",
                sname if r.random() < 0.7 else "",
                "",
                ctrl,
                "",
            )
        payer.n_pay += 1
        return t2

    def dom(self, sacct, racct, t, php, ref="", ch=None, rname=""):
        """A domestic payment, reported by the sending institution."""
        src = self.acct_src[sacct]
        if ch is None:
            ch = "bank_transfer" if src == BK else ("ewallet" if src in (WA, WB) else "remittance")
        php = round(php, 2)
        if src in (RA, RB):
            ctrl = (
                ("%010d" % self.r.randrange(10**10)) if src == RA else "BRN-D" + str(self.r.randrange(10**9))
            )
            self.T(
                src,
                t,
                php,
                "PHP",
                sacct,
                racct,
                ch,
                "PH",
                "PH",
                ref,
                "",
                "",
                self.typed_name(sacct, 0.3),
                rname or self.typed_name(racct, 0.6),
                ctrl,
                self.pickup_branch(self.acct_owner_name[racct], src) if ch == "cash_pickup" else "",
            )
        else:
            self.T(src, t, php, "PHP", sacct, racct, ch, "PH", "PH", ref, "", "", "", rname, "", "")

    def cashout(self, acct, t, php):
        """Agent cash-out (e-wallets) or ATM withdrawal (bank)."""
        src = self.acct_src[acct]
        owner = self.acct_owner_name[acct]
        if src in (WA, WB):
            ag = self.agent(src, owner.city)
            self.T(
                src,
                t,
                round(php, 2),
                "PHP",
                acct,
                ag[0],
                "cash_pickup",
                "PH",
                "PH",
                "",
                "",
                ag[1],
                "",
                "",
                "",
                "",
            )
        elif src == BK:
            atm = self.merchant_acct("atm", BK, owner.city)
            self.T(
                BK,
                t,
                float(max(500, round(php / 500) * 500)),
                "PHP",
                acct,
                atm[0],
                "card",
                "PH",
                "PH",
                "",
                "6011",
                atm[1],
                "",
                "",
                "",
                "",
            )

    def agent(self, src, city):
        key = (src, city)
        lst = self.agents.get(key)
        r = self.r
        if lst is None:
            lst = []
            for _i in range(r.randint(3, 7)):
                nm = (
                    "{} {}".format(
                        r.choice(("Aling", "Mang", "Ate", "Kuya")),
                        r.choice(N.PH_FEMALE + N.PH_MALE).split()[0],
                    )
                    + " "
                    + r.choice(
                        ("Sari-Sari Store", "Store", "Loading Station", "Pawnshop", "General Merchandise")
                    )
                )
                place = next((x for x in N.PH_PLACES if x[0] == city), N.PH_PLACES[0])
                org = self.new_org("merchant", nm, city=place)
                aid = self.account(org, src, kind="merchant")
                lst.append((aid, "Cash-out agent " + nm))
            self.agents[key] = lst
        return r.choice(lst)

    MERCH = {
        "grocery": (
            "5411",
            (
                "Puregold Annex",
                "Savemore Mini",
                "Mabuhay Grocery",
                "Tindahan ni Aling Rosa",
                "Gaisano Express",
            ),
        ),
        "food": ("5814", ("Jollyfood", "Mang Inasal Grill", "Kusina ni Juan", "Tapsihan 24h")),
        "load": ("4814", ("TelcoOne prepaid load", "SmarTel load", "DITO-like load center")),
        "bills": ("4900", ("Metro Water District", "Visayas Electric", "FiberNet Broadband", "Cable Plus")),
        "pharmacy": ("5912", ("Botika ng Bayan", "Generika Drugstore", "Rose Pharmacy Branch")),
        "school": ("8220", ()),
        "atm": ("6011", ()),
        "shop": ("5311", ("SM-like Dept Store", "Robinsons-like Store", "Ukay Ukay Center")),
        "courier": ("4215", ("LBCX Courier", "J&T-like Express", "Ninja Courier PH")),
    }

    def merchant_acct(self, kind, src, city=None):
        key = (kind, src, city if kind == "atm" else None)
        lst = self.merchants.get(key)
        r = self.r
        if lst is None:
            lst = []
            mcc, namesl = self.MERCH[kind]
            n = 1 if kind == "atm" else len(namesl)
            for i in range(n):
                if kind == "atm":
                    nm = "ATM {} {}".format(city, r.choice(("Branch", "Mall", "Plaza")))
                else:
                    nm = namesl[i]
                org = self.new_org("merchant", nm)
                aid = self.account(org, src, kind="merchant")
                lst.append((aid, nm))
            self.merchants[key] = lst
        return r.choice(lst)

    def buy(self, acct, t, php, kind="grocery"):
        src = self.acct_src[acct]
        if src not in (BK, WA, WB):
            return
        m = self.merchant_acct(kind, src)
        ch = "card" if src == BK else "ewallet"
        self.T(
            src,
            t,
            round(php, 2),
            "PHP",
            acct,
            m[0],
            ch,
            "PH",
            "PH",
            "",
            self.MERCH[kind][0],
            m[1],
            "",
            "",
            "",
            "",
        )

    # foreign merchants seen on the foreign app's cards (acquirer ids; not in the accounts table)
    FMERCH = {
        "grocery": ("5411", ("Woolies Metro", "Coles Local", "ALDI Store", "IGA Express")),
        "fuel": ("5541", ("Ampol Fuel", "BP Connect", "7-Eleven Fuel")),
        "food": ("5812", ("Grill'd", "Nando's-like", "Local Cafe", "Sushi Train")),
        "games": ("5816", ("Steam-like Games", "PlayNet Store", "GameCoins Shop", "Robux-like Credits")),
        "giftcard": ("5947", ("GiftCard Hub", "Card Mall Online", "Gift Shop Codes")),
        "streaming": ("4899", ("StreamFlix", "MusicNow")),
        "vpn": ("4816", ("SecureTunnel VPN", "PrivNet VPN", "HideMyTrail")),
        "dating": ("7273", ("MatchAsia Dating", "PinayLove Connect", "GlobalHearts")),
        "camsite": ("5967", ("LiveCams Tokens", "CamStage Credits")),
        "airline": ("4511", ("Qantas-like Air", "Cebu Skies", "PAL-like Airlines", "Jetstar-like")),
        "hotel": ("7011", ("Makati Suites", "Cebu Bay Resort", "Angeles Inn", "Boracay Sands")),
        "atm_ph": ("6011", ("ATM Manila Intl", "ATM Cebu Mactan", "ATM Angeles")),
        "electronics": ("5732", ("JB-like HiFi", "Harvey-like Norman")),
        "videosoft": ("5734", ("CaptureStudio Pro", "ScreenGrab Software")),
    }

    def fmerchant(self, kind):
        key = ("F", kind)
        lst = self.merchants.get(key)
        if lst is None:
            mcc, nm = self.FMERCH[kind]
            lst = []
            for x in nm:
                org = self.new_org("merchant", x, cc="AU" if kind not in ("hotel", "atm_ph") else "PH")
                lst.append((self.ext(org, "acq"), x))
            self.merchants[key] = lst
        return self.r.choice(lst)

    def card(self, p: P, t, usd, kind):
        """A card purchase on the foreign app (only for its customers)."""
        if not p.au:
            return
        m = self.fmerchant(kind)
        mcc = self.FMERCH[kind][0]
        amt = self.local_amount(usd, p.cur, self.day_of(t), False)
        rcc = (
            "PH"
            if kind in ("hotel", "atm_ph")
            or (kind == "airline" and m[1] in ("Cebu Skies", "PAL-like Airlines"))
            else "AU"
        )
        self.T(AU, t, amt, p.cur, p.au, m[0], "card", "AU", rcc, "", mcc, m[1], "", "", "", "")

    def au_p2p(self, a: P, b: P, t, amt, ref=""):
        if a.au and b.au:
            self.T(AU, t, amt, a.cur, a.au, b.au, "ewallet", "AU", "AU", ref, "", "", "", "", "", "")
            a.n_pay += 1

    # ------------------------------------------------------------------ chat
    def chat(self, a: P, b: P, t, lines, gap=(30, 900)):
        """An exchange of short messages starting at t; lines: [(0|1, text)] 0 = a speaks."""
        r = self.r
        aa, bb = self.platform(a), self.platform(b)
        for who, text in lines:
            t += r.randrange(gap[0], gap[1])
            s, d = (aa, bb) if who == 0 else (bb, aa)
            self.msgs.append((t, s, d, text))
        return t


def roundstep(v, cur):
    if cur == "JPY":
        return 1000
    if cur == "PHP":
        return 100 if v < 5000 else 500
    if cur in ("SAR", "AED", "QAR", "HKD", "NOK"):
        return 10 if v < 500 else 50
    if v < 60:
        return 5
    if v < 250:
        return 10
    if v < 1000:
        return 50
    return 100


# ---------------------------------------------------------------------- writing
def fmt_ts(src, t):
    if src in (RA, WA, HOTLINE):
        g = time.gmtime(t + 28800)
        return "%04d-%02d-%02dT%02d:%02d:%02d+08:00" % g[:6]
    if src == RB:
        g = time.gmtime(t + 28800)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00" % (g[:6] + ((t * 7919) % 1000,))
    if src == AU:
        g0 = time.gmtime(t)
        dst = g0.tm_mon >= 10 or g0.tm_mon <= 3
        off = 11 if dst else 10
        g = time.gmtime(t + off * 3600)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03d+%02d:00" % (g[:6] + ((t * 104729) % 1000, off))
    if src == WB:
        g = time.gmtime(t)
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (g[:6] + ((t * 31) % 1000,))
    g = time.gmtime(t)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % g[:6]


def scramble_ids(n, prefix, rng, width=10):
    """n unique, unordered ids."""
    mod = 10**width
    mult = rng.randrange(10 ** (width - 1), mod) | 1
    while math.gcd(mult, mod) != 1:
        mult += 2
    off = rng.randrange(mod)
    fmt = prefix + "%0" + str(width) + "d"
    return [fmt % ((i * mult + off) % mod) for i in range(n)]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def ensure_dir(p):
    os.makedirs(p, exist_ok=True)
