"""The population of world K: people, organisations, institutions, parties and accounts.

All randomness comes from one ``random.Random`` seeded by the caller; nothing iterates over a
set or a dict of strings whose order could depend on PYTHONHASHSEED.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from . import pools
from .sink import Clock, UniqueIds, offset_suffix

FOREIGN = tuple(c for c in pools.COUNTRIES if c != "PH")


class Person:
    """One simulated person or organisation (the truth side)."""

    __slots__ = (
        "idx",
        "cohort",
        "role",
        "nets",
        "tags",
        "gender",
        "birth",
        "given",
        "mi",
        "surname",
        "country",
        "tz",
        "city",
        "address",
        "phone",
        "email",
        "inst",
        "acct",
        "card",
        "fund",
        "wallet",
        "bank",
        "chat",
        "cam",
        "ip",
        "dev",
        "vpn",
        "pname",
        "chan",
        "flags",
        "friends",
        "home",
        "x",
    )

    def __init__(self, idx: int, cohort: str, role: str = "") -> None:
        self.idx = idx
        self.cohort = cohort
        self.role = role
        self.nets: list[str] = []
        self.tags: list[str] = []
        self.gender = ""
        self.birth = ""
        self.given = ""
        self.mi = ""
        self.surname = ""
        self.country = "PH"
        self.tz = 8.0
        self.city = ""
        self.address = ""
        self.phone = ""
        self.email = ""
        self.inst = ""  # remit-a, bank-b, ph, out, org
        self.acct = ""  # main sending/receiving account
        self.card = ""  # account used for card purchases
        self.fund = ""  # outside account that tops up a remittance-app account
        self.wallet = ""
        self.bank = ""
        self.chat = ""  # chatapp account
        self.cam = ""  # camsite account
        self.ip = ""
        self.dev = ""
        self.vpn = False
        self.pname = ""  # name as payment messages carry it
        self.chan = ""  # channel used for cross-border sends
        self.flags: list[str] = []
        self.friends: list[Person] = []
        self.home: Home | None = None
        self.x: dict = {}

    @property
    def foreign(self) -> bool:
        return self.country != "PH"

    @property
    def in_bundle(self) -> bool:
        return self.inst in ("remit-a", "bank-b", "ph")

    def recv(self, rng: random.Random) -> str:
        """The account a payment to this person lands on."""
        if self.wallet and self.bank:
            return self.wallet if rng.random() < 0.7 else self.bank
        return self.wallet or self.bank or self.acct


class Home:
    __slots__ = ("address", "city", "ip", "phone", "members")

    def __init__(self, address: str, city: str, ip: str) -> None:
        self.address = address
        self.city = city
        self.ip = ip
        self.phone = ""
        self.members: list[Person] = []


def pareto_weights(rng: random.Random, n: int, alpha: float) -> list[float]:
    return [rng.paretovariate(alpha) for _ in range(n)]


def pick_weighted(rng: random.Random, mix: dict[str, float]) -> str:
    keys = list(mix)
    return rng.choices(keys, weights=[mix[k] for k in keys])[0]


class World:
    """Population builder. ``self.p`` holds every randomised rate with its range."""

    def __init__(self, seed: int, customers: int) -> None:
        if customers < 500:
            raise ValueError("customers must be at least 500")
        self.seed = seed
        self.N = customers
        self.rng = random.Random(seed)
        self.params: dict[str, dict] = {}
        self.persons: list[Person] = []
        self.orgs: list[Person] = []
        self.parties: list[tuple] = []
        self.accounts: list[tuple] = []
        self.owner: dict[str, tuple[str, Person]] = {}  # account -> (party_id, person)
        r = self.rng
        base = seed * 1000003
        self.s_person = UniqueIds(base + 1, 8)
        self.s_party = UniqueIds(base + 2, 10)
        self.s_acct = UniqueIds(base + 3, 10)
        self.s_phone = UniqueIds(base + 4, 7)
        self.s_email = UniqueIds(base + 5, 7)
        self.s_idnum = UniqueIds(base + 6, 9)
        self.s_ip = UniqueIds(base + 7, 7)  # host numbers inside 100.64.0.0/10 (< 2**22)
        self.s_sess = UniqueIds(base + 8, 10)
        # time window
        start = dt.date(2022, 1, 1) + dt.timedelta(days=r.randrange(0, 365))
        self.months = self.ui("window_months", 18, 30)
        self.days = self.months * 30
        self.t0 = int(dt.datetime(start.year, start.month, start.day, tzinfo=dt.UTC).timestamp())
        self.t1 = self.t0 + self.days * 86400
        self.start_date = start
        self.weekday0 = start.weekday()
        self.clock = Clock(self.t0, self.days)
        # institutions in the bundle
        self.bank_b_cc = pick_weighted(r, {"US": 3, "GB": 2, "AU": 2, "CA": 2, "DE": 1})
        if r.random() >= self.u("p_second_foreign_institution", 0.4, 0.8):
            self.bank_b_cc = ""
        self.offsets = {
            "remit-a": (0, "Z"),
            "wallet-ph": (8 * 3600, "+08:00"),
            "bank-ph": (8 * 3600, "+08:00"),
            "chatapp": (0, "Z"),
            "camsite": (0, "Z"),
        }
        if self.bank_b_cc:
            tzh = pools.COUNTRIES[self.bank_b_cc][1][0]
            self.offsets["bank-b"] = (int(tzh * 3600), offset_suffix(tzh))
        self.fx = self._fx()
        self.p_home_phone = self.u("p_home_member_shares_phone", 0.03, 0.15)
        self.p_platform_closed = self.u("p_platform_account_closed", 0.005, 0.02)

    # ---- parameters -------------------------------------------------------------------------
    def u(self, name: str, lo: float, hi: float) -> float:
        v = self.rng.uniform(lo, hi)
        self.params[name] = {"value": round(v, 6), "range": [lo, hi]}
        return v

    def ui(self, name: str, lo: int, hi: int) -> int:
        v = self.rng.randint(lo, hi)
        self.params[name] = {"value": v, "range": [lo, hi]}
        return v

    def _fx(self) -> dict[str, list[float]]:
        r = self.rng
        out: dict[str, list[float]] = {}
        n = self.days + 2
        for cur in sorted(pools.FX_BASE):
            base = pools.FX_BASE[cur]
            if cur == "USD":
                out[cur] = [1.0] * n
                continue
            v = base * r.uniform(0.93, 1.07)
            series = []
            for _ in range(n):
                v *= math.exp(r.gauss(0.0, 0.003))
                v = min(max(v, base * 0.8), base * 1.2)
                series.append(v)
            out[cur] = series
        return out

    # ---- ids and identifiers ------------------------------------------------------------------
    def party_id(self, prefix: str) -> str:
        return prefix + self.s_party()

    def acct_id(self, prefix: str) -> str:
        return prefix + self.s_acct()

    def session_id(self) -> str:
        return "SS" + self.s_sess()

    def new_phone(self, country: str) -> str:
        return f"+{pools.COUNTRIES[country][2]} 555 {self.s_phone()}"

    def new_email(self, p: Person) -> str:
        num = self.s_email()
        g = p.given.lower().replace(" ", "").replace("-", "")
        s = p.surname.lower().replace(" ", "").replace("-", "")
        r = self.rng.random()
        if r < 0.4:
            local = f"{g}.{s}{num}"
        elif r < 0.7:
            local = f"{g}{s[:1]}{num}"
        else:
            local = f"{s}_{g[:3]}{num}"
        dom = self.rng.choice(("example.com", "example.net", "example.org"))
        return f"{local}@{dom}"

    def new_ip(self) -> str:
        h = int(self.s_ip())
        while h >= 1 << 22:
            h = int(self.s_ip())
        return f"100.{64 + (h >> 16)}.{(h >> 8) & 255}.{h & 255}"

    def new_device(self) -> str:
        return f"dev-{self.rng.getrandbits(48):012x}"

    def ts(self, t: int, src: str) -> str:
        off, suf = self.offsets[src]
        return self.clock.fmt(t, off, suf)

    # ---- people -----------------------------------------------------------------------------
    def new_person(
        self,
        cohort: str,
        country: str,
        gender: str,
        age: float,
        role: str = "",
        surname: str | None = None,
        home: Home | None = None,
    ) -> Person:
        p = Person(len(self.persons), cohort, role)
        self.persons.append(p)
        self.identity(p, country, gender, age, surname, home)
        return p

    def ghost(
        self, country: str, gender: str, age: float, surname: str | None = None, home: Home | None = None
    ) -> Person:
        """An identity that is not a person of the world (a nominee's name on someone's account)."""
        p = Person(-1, "nominee")
        self.identity(p, country, gender, age, surname, None)
        if home is not None:
            p.address, p.city = home.address, home.city
        return p

    def identity(
        self, p: Person, country: str, gender: str, age: float, surname: str | None, home: Home | None
    ) -> None:
        r = self.rng
        p.country = country
        p.gender = gender
        p.tz = r.choice(pools.COUNTRIES[country][1])
        p.given = r.choice(pools.FEMALE if gender == "f" else pools.MALE)
        p.mi = chr(65 + r.randrange(26)) if r.random() < 0.5 else ""
        p.surname = surname or r.choice(pools.SURNAMES)
        age_days = int(age * 365.25) + r.randrange(365)
        p.birth = (self.start_date - dt.timedelta(days=age_days)).isoformat()
        if home is not None:
            p.home = home
            home.members.append(p)
            p.address, p.city = home.address, home.city
        else:
            p.city, p.address = self.new_address(country)
        p.phone = self.new_phone(country)
        if home is not None:
            if not home.phone:
                home.phone = p.phone
            elif r.random() < self.p_home_phone:
                p.phone = home.phone
        p.email = self.new_email(p)
        p.dev = self.new_device()
        p.ip = home.ip if home is not None and home.ip else self.new_ip()
        pn = f"{p.given} {p.surname}"
        p.pname = pn.upper() if r.random() < 0.6 else pn
        if r.random() < 0.15:
            p.pname = f"{p.given[0]}. {p.surname}".upper()

    def new_address(self, country: str) -> tuple[str, str]:
        r = self.rng
        city = r.choice(pools.COUNTRIES[country][3])
        street = r.choice(pools.STREETS)
        if country == "PH":
            brgy = r.choice(pools.BARANGAYS)
            return city, f"{r.randint(1, 400)} {street} St., Brgy. {brgy}, {city}"
        return city, f"{r.randint(1, 2000)} {street} Road, {city}"

    def new_home(self, country: str = "PH") -> Home:
        city, addr = self.new_address(country)
        return Home(addr, city, self.new_ip())

    def age(self, mu: float, sd: float, lo: float, hi: float) -> float:
        return min(max(self.rng.gauss(mu, sd), lo), hi)

    def new_org(self, cohort: str, name: str, country: str) -> Person:
        p = Person(-1, cohort)
        p.given = name
        p.country = country
        p.tz = pools.COUNTRIES[country][1][0]
        p.inst = "org"
        p.pname = name.upper()
        self.orgs.append(p)
        return p

    # ---- records ----------------------------------------------------------------------------
    def name_variant(self, p: Person, style: str) -> str:
        r = self.rng
        g, s = p.given, p.surname
        if r.random() < 0.03 and len(g) > 3:  # a typo
            i = r.randrange(1, len(g) - 1)
            g = g[:i] + g[i + 1] + g[i] + g[i + 2 :]
        if style == "bank":
            mi = f" {p.mi}." if p.mi else ""
            return f"{s.upper()}, {g.upper()}{mi.upper()}"
        if style == "display":
            k = r.random()
            if k < 0.4:
                return f"{g} {s[0]}."
            if k < 0.7:
                return g
            return f"{g} {s}"
        if p.mi and r.random() < 0.5:
            return f"{g} {p.mi}. {s}"
        return f"{g} {s}"

    def add_party(
        self,
        p: Person,
        source: str,
        prefix: str,
        created: int,
        name: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        address: str | None = None,
        birth: str | None = None,
        kyc: bool = True,
        kind: str = "person",
    ) -> str:
        pid = self.party_id(prefix)
        style = "bank" if source in ("bank-ph",) else "plain"
        nm = name if name is not None else self.name_variant(p, style)
        if kind == "organization":
            row = (
                pid,
                source,
                kind,
                nm,
                "",
                "",
                p.country,
                p.city,
                p.address,
                "",
                "",
                "",
                self.ts(created, source),
            )
        elif kyc:
            idn = f"{p.country}-{self.s_idnum()}"
            row = (
                pid,
                source,
                kind,
                nm,
                birth if birth is not None else p.birth,
                p.gender,
                p.country,
                p.city,
                address if address is not None else p.address,
                phone if phone is not None else p.phone,
                email if email is not None else p.email,
                idn,
                self.ts(created, source),
            )
        else:  # platform profile: self-declared, thin
            row = (
                pid,
                source,
                kind,
                nm,
                birth or "",
                p.gender if self.rng.random() < 0.6 else "",
                p.country,
                "",
                "",
                phone or "",
                email or "",
                "",
                self.ts(created, source),
            )
        self.parties.append(row)
        return pid

    def add_account(
        self,
        p: Person,
        source: str,
        prefix: str,
        kind: str,
        party: str,
        opened: int,
        username: str = "",
        display: str = "",
        closed: int = 0,
        banned: str = "",
        country: str = "",
    ) -> str:
        aid = self.acct_id(prefix)
        self.accounts.append(
            (
                aid,
                source,
                party,
                kind,
                country or p.country,
                username,
                display,
                self.ts(opened, source),
                self.ts(closed, source) if closed else "",
                banned,
            )
        )
        self.owner[aid] = (party, p)
        return aid

    def outside_account(self, p: Person, prefix: str) -> str:
        aid = self.acct_id(prefix)
        self.owner[aid] = ("", p)
        return aid

    def opened_before(self, lo_days: int = 30, hi_days: int = 2500) -> int:
        return self.t0 - self.rng.randint(lo_days, hi_days) * 86400 - self.rng.randrange(86400)

    # ---- institutions for one person --------------------------------------------------------
    def foreign_fin(self, p: Person, p_out: float, opened: int | None = None) -> None:
        r = self.rng
        opened = opened if opened is not None else self.opened_before()
        if r.random() < p_out:
            pre, _name = r.choice(pools.OUTSIDE_INSTITUTIONS)
            p.inst = "out"
            p.acct = self.outside_account(p, pre)
            p.chan = r.choice(("remittance", "remittance", "bank_transfer", "ewallet"))
            return
        if self.bank_b_cc and p.country == self.bank_b_cc and r.random() < 0.6:
            p.inst = "bank-b"
            party = self.add_party(p, "bank-b", "BBC", opened)
            p.acct = self.add_account(p, "bank-b", "BB", "bank", party, opened)
            p.card = (
                self.add_account(p, "bank-b", "BK", "card", party, opened) if r.random() < 0.85 else p.acct
            )
            p.chan = "remittance" if r.random() < 0.5 else "bank_transfer"
            return
        p.inst = "remit-a"
        party = self.add_party(p, "remit-a", "RAC", opened)
        p.acct = self.add_account(p, "remit-a", "RA", "remittance", party, opened)
        p.card = p.acct
        p.chan = "remittance"
        pre, _name = r.choice(pools.OUTSIDE_INSTITUTIONS[2:4])
        p.fund = self.outside_account(p, pre)

    def ph_fin(self, p: Person, p_wallet: float, p_bank: float, opened: int | None = None) -> None:
        r = self.rng
        p.inst = "ph"
        has_w = r.random() < p_wallet
        has_b = r.random() < p_bank or not has_w
        shared_email = r.random() < 0.7
        if has_w:
            o = opened if opened is not None else self.opened_before(10, 2200)
            party = self.add_party(p, "wallet-ph", "GWC", o)
            p.wallet = self.add_account(p, "wallet-ph", "GW", "ewallet", party, o)
        if has_b:
            o = opened if opened is not None else self.opened_before(10, 4000)
            em = p.email if shared_email else self.new_email(p)
            party = self.add_party(p, "bank-ph", "PBC", o, email=em)
            p.bank = self.add_account(p, "bank-ph", "PB", "bank", party, o)
        p.acct = p.wallet or p.bank
        p.card = p.acct

    def platform(
        self,
        p: Person,
        src: str,
        p_email: float,
        p_phone: float,
        opened: int | None = None,
        closed: int = 0,
        banned: str = "",
        persona: Person | None = None,
    ) -> str:
        """A chatapp or camsite profile; linked to KYC records only through shared identifiers."""
        r = self.rng
        o = opened if opened is not None else self.opened_before(5, 2000)
        who = persona if persona is not None else p
        email = p.email if r.random() < p_email else self.new_email(who)
        phone = p.phone if r.random() < p_phone else ""
        if persona is not None:
            email, phone = self.new_email(persona), ""
        birth = who.birth if r.random() < 0.3 else ""
        name = self.name_variant(who, "display")
        party = self.add_party(
            who,
            src,
            "CHU" if src == "chatapp" else "CSU",
            o,
            name=name,
            email=email,
            phone=phone,
            birth=birth,
            kyc=False,
        )
        handle = f"{who.given.lower()}{r.choice(('_', '.', ''))}{who.surname[:1].lower()}{r.randint(1, 999)}"
        pre = "CH" if src == "chatapp" else "CS"
        if not closed and r.random() < self.p_platform_closed:
            closed = self.t0 + r.randrange(self.days) * 86400 + r.randrange(86400)
        aid = self.add_account(p, src, pre, "platform", party, o, handle, name, closed, banned, who.country)
        return aid
