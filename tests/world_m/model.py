"""Institutions, countries, currencies and the record classes of world M."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Inst:
    code: str  # the `source` value
    country: str  # "" for international providers
    group: str  # "ph", "foreign", "intl", "platform"
    prefix: str
    off_min: int  # offset its timestamps are written in
    php: bool = False  # reports inbound foreign credits as the credited PHP amount
    external: bool = False  # never in any bundle (its customers are seen only through others)

    @property
    def platform(self) -> bool:
        return self.group == "platform"

    @property
    def ph(self) -> bool:
        return self.group == "ph"


INSTS: dict[str, Inst] = {
    i.code: i
    for i in [
        Inst("mabuhay-bank", "PH", "ph", "mbb", 480),
        Inst("kalayaan-savings", "PH", "ph", "kls", 480),
        Inst("perapay", "PH", "ph", "ppy", 480, php=True),
        Inst("bayadgo", "PH", "ph", "bgo", 480, php=True),
        Inst("padala-express", "PH", "ph", "pdx", 480, php=True),
        Inst("bitpiso", "PH", "ph", "btp", 480),
        Inst("liberty-national", "US", "foreign", "lnb", -300),
        Inst("harbor-credit-union", "US", "foreign", "hcu", -300, external=True),
        Inst("thames-bank", "GB", "foreign", "thb", 0),
        Inst("kingsgate-bank", "GB", "foreign", "kgb", 0, external=True),
        Inst("wattle-bank", "AU", "foreign", "wtb", 600),
        Inst("southern-cross-cu", "AU", "foreign", "scc", 600, external=True),
        Inst("maple-trust", "CA", "foreign", "mpt", -300),
        Inst("northstar-cu", "CA", "foreign", "nsc", -300, external=True),
        Inst("euro-union-bank", "DE", "foreign", "eub", 60),
        Inst("alpen-bank", "CH", "foreign", "alb", 60, external=True),
        Inst("orient-gulf-bank", "SG", "foreign", "ogb", 480, external=True),
        Inst("meridian-bank", "NG", "foreign", "mdb", 60, external=True),
        Inst("globesend", "", "intl", "gls", 0),
        Inst("swiftpadala", "", "intl", "swp", 0, external=True),
        Inst("coinharbor", "", "intl", "chb", 0),
        Inst("kwentocam", "", "platform", "kwc", 0),
    ]
}

PLATFORM = "kwentocam"
PH_BANKS = ("mabuhay-bank", "kalayaan-savings")
PH_EWALLETS = ("perapay", "bayadgo")

# country: (currency, utc offsets in hours, [(bank, weight)])
COUNTRIES: dict[str, tuple[str, tuple[float, ...], tuple[tuple[str, float], ...]]] = {
    "PH": ("PHP", (8,), (("mabuhay-bank", 0.55), ("kalayaan-savings", 0.45))),
    "US": ("USD", (-5, -6, -7, -8), (("liberty-national", 0.72), ("harbor-credit-union", 0.28))),
    "GB": ("GBP", (0,), (("thames-bank", 0.75), ("kingsgate-bank", 0.25))),
    "AU": ("AUD", (10, 8), (("wattle-bank", 0.75), ("southern-cross-cu", 0.25))),
    "CA": ("CAD", (-5, -8), (("maple-trust", 0.72), ("northstar-cu", 0.28))),
    "DE": ("EUR", (1,), (("euro-union-bank", 0.7), ("alpen-bank", 0.3))),
    "NL": ("EUR", (1,), (("euro-union-bank", 0.7), ("alpen-bank", 0.3))),
    "FR": ("EUR", (1,), (("euro-union-bank", 0.7), ("alpen-bank", 0.3))),
    "IT": ("EUR", (1,), (("euro-union-bank", 0.7), ("alpen-bank", 0.3))),
    "SE": ("SEK", (1,), (("euro-union-bank", 0.6), ("alpen-bank", 0.4))),
    "NO": ("NOK", (1,), (("euro-union-bank", 0.6), ("alpen-bank", 0.4))),
    "CH": ("CHF", (1,), (("alpen-bank", 0.6), ("euro-union-bank", 0.4))),
    "JP": ("JPY", (9,), (("orient-gulf-bank", 1.0),)),
    "KR": ("KRW", (9,), (("orient-gulf-bank", 1.0),)),
    "SG": ("SGD", (8,), (("orient-gulf-bank", 1.0),)),
    "HK": ("HKD", (8,), (("orient-gulf-bank", 1.0),)),
    "SA": ("SAR", (3,), (("orient-gulf-bank", 1.0),)),
    "AE": ("AED", (4,), (("orient-gulf-bank", 1.0),)),
    "QA": ("QAR", (3,), (("orient-gulf-bank", 1.0),)),
    "KW": ("KWD", (3,), (("orient-gulf-bank", 1.0),)),
    "NG": ("NGN", (1,), (("meridian-bank", 1.0),)),
    "CI": ("XOF", (0,), (("meridian-bank", 1.0),)),
    "GH": ("GHS", (0,), (("meridian-bank", 1.0),)),
    "MX": ("MXN", (-6,), (("meridian-bank", 1.0),)),
    "ID": ("IDR", (7,), (("meridian-bank", 1.0),)),
}

# approximate USD per unit (monthly values drift around these)
USD_PER_UNIT: dict[str, float] = {
    "USD": 1.0,
    "GBP": 1.27,
    "AUD": 0.66,
    "CAD": 0.74,
    "EUR": 1.08,
    "SEK": 0.095,
    "NOK": 0.093,
    "CHF": 1.12,
    "JPY": 0.0068,
    "KRW": 0.00075,
    "SGD": 0.74,
    "HKD": 0.128,
    "SAR": 0.267,
    "AED": 0.272,
    "QAR": 0.275,
    "KWD": 3.25,
    "PHP": 0.0178,
    "NGN": 0.0011,
    "XOF": 0.00165,
    "GHS": 0.08,
    "MXN": 0.058,
    "IDR": 0.000064,
}

# the smallest "round" step people use in each currency
ROUND_STEP: dict[str, float] = {
    "JPY": 1000,
    "KRW": 10000,
    "IDR": 50000,
    "NGN": 5000,
    "XOF": 5000,
    "PHP": 100,
    "HKD": 50,
    "SEK": 50,
    "NOK": 50,
    "MXN": 100,
}

PAYER_COUNTRIES = (
    ("US", 45),
    ("GB", 10),
    ("AU", 12),
    ("CA", 6),
    ("DE", 5),
    ("NL", 3),
    ("FR", 2),
    ("SE", 2),
    ("NO", 2),
    ("CH", 2),
    ("JP", 3),
    ("SG", 3),
    ("IT", 1),
    ("KR", 1),
    ("HK", 1),
    ("SA", 1),
    ("AE", 1),
)
DIASPORA_COUNTRIES = (
    ("SA", 15),
    ("AE", 14),
    ("US", 18),
    ("HK", 8),
    ("SG", 8),
    ("QA", 6),
    ("KW", 5),
    ("JP", 6),
    ("CA", 7),
    ("GB", 5),
    ("AU", 4),
    ("IT", 4),
)
FOREIGN_COUNTRIES = (
    ("US", 40),
    ("GB", 10),
    ("AU", 12),
    ("CA", 8),
    ("DE", 6),
    ("NL", 3),
    ("FR", 3),
    ("SE", 2),
    ("NO", 2),
    ("CH", 2),
    ("JP", 4),
    ("SG", 3),
    ("IT", 2),
    ("KR", 1),
    ("HK", 1),
    ("AE", 1),
)
VICTIM_COUNTRIES = (("US", 50), ("GB", 12), ("AU", 12), ("CA", 10), ("PH", 16))
RING_ABROAD_COUNTRIES = (("NG", 45), ("CI", 30), ("GH", 15), ("MX", 5), ("ID", 5))


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
        "idnum",
        "created",
        "written",
    )

    def __init__(self, pid: str, inst: Inst) -> None:
        self.id = pid
        self.inst = inst
        self.kind = "person"
        self.name = ""
        self.birth = ""
        self.gender = ""
        self.country = ""
        self.city = ""
        self.address = ""
        self.phone = ""
        self.email = ""
        self.idnum = ""
        self.created = 0
        self.written = False


class Account:
    __slots__ = (
        "id",
        "inst",
        "kind",
        "country",
        "owner",
        "party",
        "username",
        "display",
        "opened",
        "closed",
        "banned",
        "seen",
        "chat",
        "device",
        "ip",
        "first",
        "last",
    )

    def __init__(self, aid: str, inst: Inst, kind: str, country: str, owner: Person) -> None:
        self.id = aid
        self.inst = inst
        self.kind = kind
        self.country = country
        self.owner = owner
        self.party: Party | None = None
        self.username = ""
        self.display = ""
        self.opened = 0
        self.closed = 0
        self.banned = ""
        # 1: sender of a credit another institution reports to a household; 8: of any other credit;
        # 2: any other appearance; 4: listed in the accounts table
        self.seen = 0
        self.chat = False
        self.device = ""
        self.ip = ""
        self.first = 1 << 62  # first and last activity in the world (any view)
        self.last = 0


class Person:
    __slots__ = (
        "idx",
        "pid",
        "cohort",
        "role",
        "nets",
        "traits",
        "given",
        "surname",
        "gender",
        "birth",
        "country",
        "city",
        "address",
        "phone",
        "email",
        "alt_email",
        "idnum",
        "tz",
        "cur",
        "bank",
        "card",
        "ewallets",
        "remit",
        "pickup",
        "crypto",
        "plat",
        "merch",
        "accounts",
        "devices",
        "ip",
        "org",
        "n_pay",
        "paid_nets",
        "hh",
        "extra",
    )

    def __init__(self, idx: int, pid: str, cohort: str) -> None:
        self.idx = idx
        self.pid = pid
        self.cohort = cohort
        self.role = ""
        self.nets: list[str] = []
        self.traits: list[str] = []
        self.given = ""
        self.surname = ""
        self.gender = ""
        self.birth = ""
        self.country = ""
        self.city = ""
        self.address = ""
        self.phone = ""
        self.email = ""
        self.alt_email = ""
        self.idnum = ""
        self.tz = 0  # minutes east of UTC
        self.cur = "USD"
        self.bank: Account | None = None
        self.card: Account | None = None
        self.ewallets: list[Account] = []
        self.remit: Account | None = None
        self.pickup: Account | None = None
        self.crypto: Account | None = None
        self.plat: Account | None = None
        self.merch: Account | None = None
        self.accounts: list[Account] = []
        self.devices: list[str] = []
        self.ip = ""
        self.org = False
        self.n_pay = 0
        self.paid_nets: list[str] = []
        self.hh: object = None
        self.extra: dict[str, object] = {}

    @property
    def full_name(self) -> str:
        return f"{self.given} {self.surname}"

    def payables(self) -> list[Account]:
        """Accounts this person can receive a domestic or cross-border credit on."""
        out = list(self.ewallets)
        if self.bank is not None:
            out.append(self.bank)
        return out
