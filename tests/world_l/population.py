"""People, institutions, parties and accounts of world L.

Nothing here depends on the view: the same seed always builds the same world.  The view only
decides which institutions report (see sink.py).
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from .ids import Ids
from .text import GIVEN_F, GIVEN_M, HANDLE_WORDS, PH_BARANGAYS, PH_STREETS, SURNAMES, WORLD_STREETS, denied

# code: (currency, UTC offsets in hours, cities, calling code)
COUNTRIES: dict[str, tuple[str, tuple[float, ...], tuple[str, ...], str]] = {
    "US": (
        "USD",
        (-5, -6, -7, -8),
        ("Phoenix", "Columbus", "Austin", "Denver", "Tampa", "Fresno", "Reno"),
        "1",
    ),
    "GB": ("GBP", (0,), ("Leeds", "Bristol", "Leicester", "Cardiff", "Norwich", "Glasgow"), "44"),
    "AU": ("AUD", (10, 8, 9.5), ("Perth", "Brisbane", "Adelaide", "Geelong", "Darwin"), "61"),
    "CA": ("CAD", (-5, -6, -7, -8), ("Calgary", "Winnipeg", "Halifax", "Ottawa", "Regina"), "1"),
    "DE": ("EUR", (1,), ("Bremen", "Kassel", "Dortmund", "Leipzig"), "49"),
    "JP": ("JPY", (9,), ("Nagoya", "Osaka", "Sendai", "Fukuoka"), "81"),
    "SA": ("SAR", (3,), ("Riyadh", "Jeddah", "Dammam"), "966"),
    "AE": ("AED", (4,), ("Dubai", "Abu Dhabi", "Sharjah"), "971"),
    "SG": ("SGD", (8,), ("Singapore",), "65"),
    "HK": ("HKD", (8,), ("Hong Kong",), "852"),
    "IT": ("EUR", (1,), ("Milan", "Rome", "Turin", "Bologna"), "39"),
    "NL": ("EUR", (1,), ("Utrecht", "Eindhoven", "Rotterdam"), "31"),
    "FR": ("EUR", (1,), ("Lyon", "Lille", "Nantes"), "33"),
    "NO": ("NOK", (1,), ("Bergen", "Stavanger", "Oslo"), "47"),
    "SE": ("SEK", (1,), ("Malmo", "Uppsala", "Gothenburg"), "46"),
    "CH": ("CHF", (1,), ("Basel", "Bern", "Lucerne"), "41"),
    "NZ": ("NZD", (12,), ("Auckland", "Hamilton", "Dunedin"), "64"),
    "KW": ("KWD", (3,), ("Kuwait City",), "965"),
    "QA": ("QAR", (3,), ("Doha",), "974"),
    "KR": ("KRW", (9,), ("Busan", "Incheon"), "82"),
    "GR": ("EUR", (2,), ("Piraeus", "Patras"), "30"),
    "PH": (
        "PHP",
        (8,),
        (
            "Quezon City",
            "Manila",
            "Caloocan",
            "Taguig",
            "Pasig",
            "Cebu City",
            "Lapu-Lapu City",
            "Mandaue",
            "Davao City",
            "Cagayan de Oro",
            "Iloilo City",
            "Bacolod",
            "Angeles City",
            "Tacloban",
            "General Santos",
            "Zamboanga City",
            "Baguio",
        ),
        "63",
    ),
    "NG": ("NGN", (1,), ("Lagos", "Ibadan", "Benin City"), "234"),
    "CI": ("XOF", (0,), ("Abidjan",), "225"),
    "GH": ("GHS", (0,), ("Accra", "Kumasi"), "233"),
    "IN": ("INR", (5.5,), ("Pune", "Chennai"), "91"),
    "MX": ("MXN", (-6,), ("Puebla", "Leon"), "52"),
}
USD_PER = {
    "USD": 1.0,
    "GBP": 1.27,
    "AUD": 0.66,
    "CAD": 0.74,
    "EUR": 1.08,
    "JPY": 0.0068,
    "SAR": 0.2667,
    "AED": 0.2723,
    "SGD": 0.74,
    "HKD": 0.128,
    "NOK": 0.094,
    "SEK": 0.095,
    "CHF": 1.12,
    "NZD": 0.61,
    "KWD": 3.25,
    "QAR": 0.2747,
    "KRW": 0.00075,
    "PHP": 0.0178,
    "NGN": 0.00065,
    "XOF": 0.00165,
    "GHS": 0.075,
    "INR": 0.012,
    "MXN": 0.055,
}
IN_BUNDLE_KINDS = ("mto", "ewallet", "bank", "chat", "cam")
ZERO_DECIMAL = frozenset(("JPY", "KRW", "XOF"))

# Demand-side country mix (after AMLC inflow shares) and overseas-worker destinations.
DEMAND = (
    ("US", 45),
    ("GB", 8),
    ("AU", 9),
    ("CA", 6),
    ("DE", 5),
    ("JP", 3),
    ("SA", 3),
    ("AE", 2),
    ("SG", 2),
    ("HK", 2),
    ("IT", 2),
    ("NL", 3),
    ("FR", 3),
    ("NO", 2),
    ("SE", 2),
    ("CH", 2),
    ("NZ", 1),
)
OFW = (
    ("SA", 18),
    ("AE", 14),
    ("US", 14),
    ("HK", 8),
    ("SG", 8),
    ("JP", 6),
    ("KW", 5),
    ("QA", 5),
    ("IT", 5),
    ("CA", 6),
    ("GB", 4),
    ("AU", 3),
    ("KR", 2),
    ("GR", 2),
)
ABROAD = (
    ("US", 30),
    ("GB", 9),
    ("AU", 9),
    ("CA", 8),
    ("DE", 6),
    ("JP", 5),
    ("SA", 6),
    ("AE", 6),
    ("SG", 4),
    ("HK", 4),
    ("IT", 4),
    ("NL", 3),
    ("FR", 3),
    ("NO", 2),
    ("SE", 2),
    ("CH", 2),
    ("NZ", 2),
    ("KW", 2),
    ("QA", 2),
    ("KR", 1),
)
WEST_AFRICA = (("NG", 6), ("CI", 3), ("GH", 2))


def pick(rng: random.Random, table) -> str:
    total = sum(w for _, w in table)
    x = rng.random() * total
    for key, wgt in table:
        x -= wgt
        if x < 0:
            return key
    return table[-1][0]


class Params:
    """Every randomised rate of the world, with its value and range, for params.json."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.rates: dict[str, dict] = {}

    def u(self, name: str, lo: float, hi: float, digits: int = 4) -> float:
        v = round(self.rng.uniform(lo, hi), digits)
        self.rates[name] = {"value": v, "range": [lo, hi]}
        return v

    def i(self, name: str, lo: int, hi: int) -> int:
        v = self.rng.randint(lo, hi)
        self.rates[name] = {"value": v, "range": [lo, hi]}
        return v


class Inst:
    __slots__ = ("key", "source", "kind", "country", "vis", "off", "suffix", "days", "prefix", "label")

    def __init__(self, key, source, kind, country, vis, off_h, suffix, prefix, label):
        self.key, self.source, self.kind, self.country = key, source, kind, country
        self.vis, self.off, self.suffix, self.prefix, self.label = (
            vis,
            int(off_h * 3600),
            suffix,
            prefix,
            label,
        )
        self.days: list[str] = []


class Party:
    __slots__ = (
        "id",
        "inst",
        "kind",
        "name",
        "birth",
        "gender",
        "country",
        "city",
        "address",
        "phone",
        "email",
        "id_number",
        "created",
    )


class Acct:
    __slots__ = (
        "id",
        "inst",
        "kind",
        "country",
        "cur",
        "person",
        "party",
        "alias",
        "opened",
        "closed",
        "banned",
        "username",
        "display",
        "f",
    )

    def __init__(self, aid, inst, kind, country, cur, person, party, alias, opened):
        self.id, self.inst, self.kind, self.country, self.cur = aid, inst, kind, country, cur
        self.person, self.party, self.alias, self.opened = person, party, alias, opened
        self.closed = 0
        self.banned = ""
        self.username = ""
        self.display = ""
        self.f = 0  # bit 1: sender of a credit reported by the receiver; 2: other txn; 4: session; 8: message


class Person:
    __slots__ = (
        "pid",
        "cohort",
        "role",
        "nets",
        "traits",
        "gender",
        "birth",
        "country",
        "tz",
        "given",
        "surname",
        "name",
        "city",
        "address",
        "phone",
        "email",
        "ip",
        "dev",
        "accts",
        "parties",
        "wallet",
        "card",
        "bank",
        "bcard",
        "chat",
        "cam",
        "xbank",
        "k",
        "lvl",
        "friends",
        "home",
        "night",
        "vpn",
        "income",
        "extra",
    )

    def __init__(self) -> None:
        self.accts: list[Acct] = []
        self.parties: dict[str, Party] = {}
        self.traits: list[str] = []
        self.nets: list[str] = []
        self.role = ""
        self.wallet = self.card = self.bank = self.bcard = self.chat = self.cam = self.xbank = None
        self.friends: list[Person] = []
        self.lvl = 1.0
        self.night = 0.1
        self.vpn = False
        self.income = 0.0
        self.extra: dict = {}


def ip4(rng: random.Random) -> str:
    x = rng.getrandbits(22)
    return f"100.{64 + (x >> 16)}.{(x >> 8) & 255}.{1 + (x & 255) % 254}"


def vpn_ip(rng: random.Random) -> str:
    x = rng.getrandbits(9)
    return f"198.{18 + (x >> 8)}.{rng.choice((7, 41, 96, 150, 203))}.{1 + (x & 255) % 254}"


def device(rng: random.Random) -> str:
    return f"dv-{rng.getrandbits(48):012x}"


def name_variant(rng: random.Random, given: str, surname: str) -> str:
    """The name as somebody else typed it: order, case, initials, small typos."""
    r = rng.random()
    if r < 0.55:
        return f"{given} {surname}"
    if r < 0.65:
        return f"{given} {surname}".upper()
    if r < 0.72:
        return f"{surname}, {given}"
    if r < 0.8:
        return f"{given} {rng.choice('ABCDEFGJLMNPRST')}. {surname}"
    if r < 0.86:
        return f"{given[0]}. {surname}"
    if r < 0.9 and given == "Maria":
        return f"Ma. {surname}"
    s = list(f"{given} {surname}")
    i = rng.randrange(1, len(s) - 1)
    if s[i] != " " and s[i + 1] != " " and rng.random() < 0.5:
        s[i], s[i + 1] = s[i + 1], s[i]
    elif s[i] != " ":
        del s[i]
    out = "".join(s)
    return out if not denied(out) else f"{given} {surname}"


class World:
    def __init__(self, seed: int, customers: int, view: str, chat: bool) -> None:
        if view not in ("full", "receiver", "platform"):
            raise ValueError(f"unknown view {view!r}")
        self.seed, self.customers, self.view, self.chat_on = seed, customers, view, chat
        self.rng = random.Random(f"world-l:{seed}")
        self.ids = Ids(seed)
        self.params = Params(self.rng)
        p = self.params
        self.start = date(2022, 1, 3) + timedelta(days=p.i("window_start_offset_days", 0, 900))
        self.days = p.i("window_days", 330, 400)
        self.t0 = int((self.start - date(1970, 1, 1)).days) * 86400
        self.t1 = self.t0 + self.days * 86400
        self.month_of = [(self.start + timedelta(days=d)).month for d in range(self.days + 1)]
        self.persons: list[Person] = []
        self.accounts: list[Acct] = []
        self.parties: list[Party] = []
        self.insts = self._institutions()
        self.fx = self._fx()
        self.new_rate = p.u("account_opened_in_window_rate", 0.04, 0.12)
        self.close_rate = p.u("account_closed_in_window_rate", 0.01, 0.05)

    # -- infrastructure ---------------------------------------------------------------------------------
    def _institutions(self) -> dict[str, Inst]:
        r = self.rng
        vis = {
            "full": {"mto", "ewallet", "bank", "chat", "cam"},
            "receiver": {"ewallet", "bank"},
            "platform": {"chat", "cam", "ewallet"},
        }[self.view]
        mto = r.choice(("ferrix", "northwind", "bluekite", "tallyway"))
        ew = r.choice(("bayanipay", "pitakapay", "lakbaywallet", "kalapay"))
        bk = r.choice(("amihan", "habagat", "silangan", "dalisay"))
        ch = r.choice(("kwento", "talkhaven", "vidyolink"))
        cm = r.choice(("lumen", "starlight", "velvetstage"))
        rows = [
            ("mto", f"mto-{mto}", "remittance", "GB", 0, "Z", "mt-", "international money-transfer operator"),
            ("ewallet", f"ewallet-{ew}", "ewallet", "PH", 8, "+08:00", "ew-", "Philippine e-wallet"),
            ("bank", f"bank-{bk}", "bank", "PH", 8, "+08:00", "bk-", "Philippine bank"),
            ("chat", f"chat-{ch}", "platform", "US", 0, "+00:00", "ch-", "chat and video-call platform"),
            ("cam", f"cam-{cm}", "platform", "US", -5, "-05:00", "cm-", "legal adult webcam platform"),
            ("xbank", "foreign-banks", "bank", "", 0, "Z", "xb-", "banks abroad (never in the bundle)"),
            ("xmto", "other-mtos", "remittance", "", 0, "Z", "xm-", "other remitters (never in the bundle)"),
            (
                "xacq",
                "card-acquirers",
                "merchant",
                "",
                0,
                "Z",
                "xa-",
                "merchant acquirers (never in the bundle)",
            ),
            ("xph", "other-ph-banks", "bank", "PH", 8, "+08:00", "xp-", "other Philippine banks (never)"),
            ("xpick", "cash-pickup-network", "remittance", "PH", 8, "+08:00", "xc-", "cash pick-up (never)"),
            ("xwallet", "foreign-wallets", "ewallet", "", 0, "Z", "xw-", "foreign P2P wallets (never)"),
            ("crypto", "crypto-addresses", "crypto", "", 0, "Z", "cx-", "crypto addresses (never)"),
        ]
        out = {}
        base = self.t0 // 86400 - 2
        day_strs = [
            (date(1970, 1, 1) + timedelta(days=base + d)).isoformat() + "T" for d in range(self.days + 6)
        ]
        for key, source, kind, cc, off, suf, prefix, label in rows:
            inst = Inst(key, source, kind, cc, key in vis, off, suf, prefix, label)
            inst.days = day_strs
            out[key] = inst
        return out

    def _fx(self) -> dict[str, list[float]]:
        r = self.rng
        out = {}
        for cur in sorted(USD_PER):
            v = USD_PER[cur] if cur == "USD" else USD_PER[cur] * r.uniform(0.93, 1.07)
            drift = r.uniform(-0.0002, 0.0002)
            series = []
            for _ in range(self.days + 2):
                series.append(v)
                if cur != "USD":
                    v *= math.exp(drift + r.gauss(0.0, 0.003))
            out[cur] = series
        return out

    def days_in_months(self, months: tuple[int, ...]) -> list[int]:
        return [d for d in range(self.days) if self.month_of[d] in months]

    def sub(self, stream: int, i: int) -> random.Random:
        """An independent RNG for one group or person, so that skipping work elsewhere changes nothing."""
        return random.Random((self.seed & 0xFFFFFFFF) * 2**40 + stream * 2**28 + i)

    # -- people -----------------------------------------------------------------------------------------
    def person(
        self,
        rng: random.Random,
        cohort: str,
        country: str,
        age: tuple[int, int],
        male: float = 0.5,
        role: str = "",
    ) -> Person:
        p = Person()
        p.pid = self.ids.new("psn-")
        p.cohort, p.role, p.country = cohort, role, country
        x = rng.random()
        p.gender = "m" if x < male else ("x" if x > 0.995 else "f")
        if p.gender == "m":
            p.given = rng.choice(GIVEN_M)
        elif p.gender == "f":
            p.given = rng.choice(GIVEN_F)
        else:
            p.given = rng.choice(GIVEN_M + GIVEN_F)
        p.surname = rng.choice(SURNAMES)
        p.name = f"{p.given} {p.surname}"
        years = rng.uniform(age[0], age[1] + 0.99)
        p.birth = self.start - timedelta(days=int(years * 365.25))
        cur, offs, cities, cc = COUNTRIES[country]
        p.tz = int(rng.choice(offs) * 3600)
        p.k = 1.0 / USD_PER[cur]
        p.city = rng.choice(cities)
        if country == "PH":
            p.address = (
                f"{rng.randint(1, 300)} {rng.choice(PH_STREETS)} St., Brgy. {rng.choice(PH_BARANGAYS)}, "
                f"{p.city}"
            )
        else:
            p.address = f"{rng.randint(1, 999)} {rng.choice(WORLD_STREETS)} Street, {p.city}"
        p.phone = f"+{cc} 555 {rng.randint(0, 9999999):07d}"
        p.email = self.email(rng, p.given, p.surname)
        p.ip = ip4(rng)
        p.dev = device(rng)
        p.home = "ph" if country == "PH" else "abroad"
        self.persons.append(p)
        return p

    def relative(
        self,
        rng: random.Random,
        base: Person,
        cohort: str,
        age: tuple[int, int],
        male: float,
        same_house: bool,
        surname_p: float = 0.75,
        role: str = "",
    ) -> Person:
        """A relative or neighbour of `base` in the Philippines; shares the house (address, router) or not."""
        p = self.person(rng, cohort, "PH", age, male, role)
        if rng.random() < surname_p:
            p.surname = base.surname
            p.name = f"{p.given} {p.surname}"
            p.email = self.email(rng, p.given, p.surname)
        p.city = base.city
        if same_house:
            p.address = base.address
            p.ip = base.ip
        return p

    def ph_accounts(
        self, rng: random.Random, p: Person, wallet: float = 1.0, bank: float = 0.3, chat: float = 0.5
    ) -> None:
        if rng.random() < wallet:
            p.wallet = self.account(rng, p, "ewallet", "ewallet")
        if rng.random() < bank or p.wallet is None:
            p.bank = self.account(rng, p, "bank", "bank")
            if rng.random() < 0.5:
                p.bcard = self.account(
                    rng, p, "bank", "card", opened=p.bank.opened + rng.randint(0, 9 * 86400)
                )
                p.bcard.closed = p.bank.closed
        if rng.random() < chat:
            p.chat = self.account(rng, p, "chat", "platform")

    def abroad_accounts(self, rng: random.Random, p: Person, mto: float = 1.0, chat: float = 0.4) -> None:
        """Customers of the money-transfer operator get a wallet and a card; others bank elsewhere."""
        if rng.random() < mto:
            p.wallet = self.account(rng, p, "mto", "remittance")
            p.card = self.account(rng, p, "mto", "card", opened=p.wallet.opened + rng.randint(0, 3 * 86400))
            p.card.closed = p.wallet.closed
            p.xbank = self.account(rng, p, "xbank", "bank", party=False)
        else:
            if rng.random() < 0.6:
                p.wallet = self.account(rng, p, "xbank", "bank", party=False)
            else:
                p.wallet = self.account(rng, p, "xmto", "remittance", party=False)
        if rng.random() < chat:
            p.chat = self.account(rng, p, "chat", "platform")

    @staticmethod
    def email(rng: random.Random, given: str, surname: str) -> str:
        while True:
            sep = rng.choice((".", "_", ""))
            local = f"{given}{sep}{surname}".lower().replace(" ", "").replace("'", "")
            if rng.random() < 0.6:
                local += str(rng.randint(1, 99))
            if not denied(local):
                return f"{local}@example.{rng.choice(('com', 'net', 'org'))}"

    @staticmethod
    def handle(rng: random.Random) -> str:
        while True:
            sep = rng.choice(("", "_", "."))
            h = f"{rng.choice(HANDLE_WORDS)}{sep}{rng.choice(HANDLE_WORDS)}{rng.randint(1, 999)}"
            if not denied(h):
                return h

    def org(self, rng: random.Random, cohort: str, country: str, name: str) -> Person:
        p = Person()
        p.pid = self.ids.new("psn-")
        p.cohort, p.country, p.gender, p.given, p.surname, p.name = cohort, country, "", name, "", name
        p.birth = None
        cur, offs, cities, cc = COUNTRIES[country]
        p.tz = int(offs[0] * 3600)
        p.k = 1.0 / USD_PER[cur]
        p.city = rng.choice(cities)
        p.address = f"{rng.randint(1, 99)} Commerce Avenue, {p.city}"
        p.phone = f"+{cc} 555 {rng.randint(0, 9999999):07d}"
        p.email = f"info{rng.randint(1, 999)}@example.{rng.choice(('com', 'net', 'org'))}"
        p.ip = ip4(rng)
        p.dev = device(rng)
        p.home = "org"
        self.persons.append(p)
        return p

    # -- parties and accounts ---------------------------------------------------------------------------
    def party(
        self,
        rng: random.Random,
        p: Person,
        inst: Inst,
        nominee: tuple[str, str] | None = None,
        created: int | None = None,
    ) -> Party:
        """The KYC or profile record that `inst` holds for `p` (or for a nominee whose name is used)."""
        if nominee is None and inst.key in p.parties:
            return p.parties[inst.key]
        q = Party()
        q.id = self.ids.new("pty-")
        q.inst = inst
        q.kind = "organization" if p.home == "org" else "person"
        if nominee:
            given, q.gender = nominee
            q.name = f"{given} {p.surname}"
            q.birth = (self.start - timedelta(days=rng.randint(20 * 365, 70 * 365))).isoformat()
            q.email = self.email(rng, given, p.surname) if rng.random() < 0.6 else ""
            q.phone = p.phone if rng.random() < 0.5 else f"+63 555 {rng.randint(0, 9999999):07d}"
        else:
            q.name = name_variant(rng, p.given, p.surname) if p.home != "org" else p.name
            q.birth = p.birth.isoformat() if p.birth and rng.random() > 0.02 else ""
            q.gender = p.gender
            q.email = p.email if rng.random() > 0.05 else ""
            q.phone = p.phone if rng.random() > 0.03 else ""
        q.country = p.country
        q.city = p.city
        q.address = p.address if inst.kind != "platform" else ""
        if inst.kind == "platform":
            q.birth = q.birth if rng.random() < 0.5 else ""
            q.name = q.name if rng.random() < 0.7 else p.given
        q.id_number = f"{p.country}-{rng.randint(10**8, 10**9 - 1)}" if inst.kind != "platform" else ""
        q.created = (
            created
            if created is not None
            else self.t0 - rng.randint(30, 3000) * 86400 - rng.randint(0, 86399)
        )
        self.parties.append(q)
        if nominee is None:
            p.parties[inst.key] = q
        return q

    def account(
        self,
        rng: random.Random,
        p: Person,
        inst_key: str,
        kind: str,
        cur: str | None = None,
        opened: int | None = None,
        party: bool | Party = True,
        country: str | None = None,
    ) -> Acct:
        inst = self.insts[inst_key]
        closed = 0
        if opened is None:
            opened = self.t0 - rng.randint(20, 2500) * 86400 - rng.randint(0, 86399)
            if p.home != "org" and inst.key in IN_BUNDLE_KINDS:
                # everybody opens and closes accounts now and then, not only those who hide
                x = rng.random()
                if x < self.new_rate:
                    opened = self.t0 + int(rng.uniform(0, 0.85) * self.days * 86400)
                elif x < self.new_rate + self.close_rate:
                    closed = self.t0 + int(rng.uniform(0.15, 1.0) * self.days * 86400)
        if party is True and inst.key in IN_BUNDLE_KINDS:
            if opened >= self.t0:
                created = opened - rng.randint(60, 9999)
            else:
                created = min(opened, self.t0 - 86400 * rng.randint(1, 30)) - rng.randint(0, 9999)
            pty = self.party(rng, p, inst, created=created)
        elif isinstance(party, Party):
            pty = party
        else:
            pty = None
        c = country or p.country
        cur = cur or COUNTRIES[c][0]
        alias = name_variant(rng, p.given, p.surname) if p.home != "org" else p.name
        if "," in alias:
            alias = f'"{alias}"'
        a = Acct(self.ids.new(inst.prefix), inst, kind, c, cur, p, pty, alias, opened)
        a.closed = closed
        if inst.kind == "platform":
            a.username = self.handle(rng)
            a.display = (
                rng.choice((p.given, a.username, f"{p.given} {p.surname[0]}.")) if p.home != "org" else p.name
            )
        p.accts.append(a)
        self.accounts.append(a)
        return a
