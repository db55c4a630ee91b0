"""The world's registries: institutions, people, accounts, and the buffers of events.

People are rows of Python lists (a few hundred thousand at most). Transactions are kept as numpy
chunks, because there are millions of them; small cohorts add them one by one through cheap list appends.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from . import params as P

# --------------------------------------------------------------------------------------------------
# Invented names: syllables per style, never real people
# --------------------------------------------------------------------------------------------------

_SYL = {
    "ph": (
        [
            "Ma",
            "Ri",
            "Jo",
            "Lin",
            "Da",
            "Ro",
            "Mel",
            "Jen",
            "Ar",
            "Cha",
            "Ven",
            "Li",
            "Ne",
            "Ra",
            "Kri",
            "Lo",
        ],
        ["na", "lyn", "rie", "sel", "den", "ro", "mar", "liza", "ven", "nie", "dy", "sha", "bel", "leth"],
        ["Dala", "Mag", "Bala", "Sal", "Tan", "Pa", "Ma", "Lu", "Ca", "Vil", "Ba", "Du", "Esp", "Ro", "Qui"],
        [
            "wan",
            "sino",
            "bayan",
            "vador",
            "gulo",
            "nuevo",
            "lacas",
            "bilog",
            "mang",
            "ranza",
            "tado",
            "ilan",
            "oreta",
            "cuno",
            "pili",
        ],
    ),
    "en": (
        ["Bra", "Ke", "Gar", "Tre", "Dun", "Mar", "Cal", "Dor", "Hen", "Wal", "Ev", "Lor", "Jas", "Ty"],
        ["don", "vin", "rett", "ley", "ston", "ric", "en", "ton", "ald", "ard", "ine", "elle"],
        ["Ash", "Bel", "Cor", "Dray", "Fen", "Hol", "Kel", "Mor", "Pen", "Rad", "Stan", "Thorn", "Wex"],
        ["bury", "ford", "wick", "ton", "more", "field", "dale", "ley", "worth", "by", "cott"],
    ),
    "de": (
        ["Jor", "Hal", "Sven", "Ul", "Ber", "Kai", "Lu", "Ni", "Ot", "Fre", "Ma"],
        ["ger", "rik", "mar", "bert", "lof", "ke", "tje", "ven", "rit", "na"],
        ["Brun", "Falk", "Holm", "Krie", "Lind", "Stroh", "Wend", "Vog", "Berg", "Tan"],
        ["hoff", "stedt", "mann", "gren", "berg", "dahl", "ler", "quist", "kamp"],
    ),
    "ja": (
        ["Ha", "Ke", "Mi", "Ta", "Yu", "So", "Ri", "Ji", "Da", "Na"],
        ["ruto", "nji", "saki", "kumi", "hyun", "min", "won", "taro", "eko"],
        ["Kaw", "Tsu", "Mo", "Hi", "Ya", "Paek", "Seon", "Oh", "Fu"],
        ["amura", "kishi", "rida", "gano", "moto", "ryeon", "dang", "shiro", "kawa"],
    ),
    "ar": (
        ["Kha", "Sa", "Fa", "Mu", "Ra", "Ha", "Ya", "Na", "Ta"],
        ["lid", "mir", "rah", "hsin", "shid", "zim", "qub", "dia", "req"],
        ["Al-Qas", "Bin Mub", "El-Tah", "Haj", "Zaf", "Dham", "Al-Nour"],
        ["ra", "arak", "iri", "fan", "ami", "udi", "ani"],
    ),
    "es": (
        ["Ale", "Ca", "Mar", "Ro", "Jo", "Lu", "Va", "Fer", "Isa"],
        ["jandro", "milo", "isol", "sario", "rge", "ciana", "leria", "nanda", "bela"],
        ["Var", "Quin", "Ros", "Ech", "Bel", "Cor", "Tor", "Mend"],
        ["gas", "tero", "ales", "everri", "tran", "dova", "rijos", "ieta"],
    ),
    "ro": (
        ["Io", "Mi", "Da", "Cri", "An", "Flo", "Ra"],
        ["nel", "hai", "ciana", "stina", "dreea", "rin", "luca"],
        ["Pop", "Dum", "Stan", "Gheor", "Rad", "Iones"],
        ["escu", "itru", "ciu", "ghe", "lescu", "eanu"],
    ),
    "th": (
        ["Som", "Ana", "Pra", "Kit", "Wan", "Chai", "Nok"],
        ["chai", "phon", "sak", "tida", "ya", "porn"],
        ["Sri", "Wong", "Rat", "Boon", "Cha", "Kham"],
        ["sawat", "sakul", "tana", "mee", "roen", "phan"],
    ),
    "af": (
        ["Ade", "Kwa", "Chi", "Olu", "Ama", "Ko", "Efe"],
        ["bayo", "me", "nedu", "wa", "ka", "fi", "mi"],
        ["Ok", "Ad", "Men", "Bo", "Asa", "Nk"],
        ["onkwo", "eyemi", "sah", "ateng", "ante", "emelu"],
    ),
}
_STREET = [
    "Mabini",
    "Rizal",
    "Luna",
    "Sampaguita",
    "Acacia",
    "Oak",
    "Harbor",
    "Maple",
    "Linden",
    "Cedar",
    "Dama de Noche",
    "Ilang-Ilang",
    "Mango",
    "Narra",
    "Kalye Uno",
    "Pine",
    "Station",
    "Mill",
]
_BRGY = [
    "Brgy. San Isidro",
    "Brgy. Malinis",
    "Brgy. Bagong Silang",
    "Brgy. Poblacion",
    "Brgy. Maligaya",
    "Brgy. Santo Nino",
    "Brgy. Bayanihan",
    "Brgy. Masagana",
    "Purok 3",
    "Sitio Ilaya",
]

BAN_CSE = [
    "child safety policy violation",
    "CSEA - account terminated",
    "minor safety: permanent ban",
    "child exploitation policy",
]


_ZERO_DEC = np.array([c in P.ZERO_DECIMAL for c in P.CURRENCIES])


@dataclass
class Inst:
    code: str
    kind: str  # bank, remittance, ewallet, platform, pseudo
    country: str
    side: str  # demand, ph, foreign, platform, pseudo
    included: bool  # in the pooled view
    ts_style: str  # "Z" or "+08:00" etc.
    prefix: str
    party_fill: float  # share of accounts whose party_id is filled
    name_style: str = "as_is"  # as_is | upper | last_first
    delay_max: int = 600  # posting delay of inbound credits (seconds)


def _fmt_off(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    m = abs(minutes)
    return f"{sign}{m // 60:02d}:{m % 60:02d}"


class World:
    def __init__(self, seed: int, customers: int, chat: bool, view: str):
        self.seed = seed
        self.customers = customers
        self.chat = chat
        self.view = view
        self.rng = np.random.default_rng([seed, 0xC0C0])
        self.p = P.sample_params(self.rng, customers)
        self.T0 = int(self.p.start.timestamp())
        self.D = self.p.days
        self.T1 = self.T0 + self.D * 86400
        self._fx()
        # people
        self.pe_cohort: list[str] = []
        self.pe_role: list[str] = []
        self.pe_net: list[str] = []
        self.pe_kind: list[str] = []
        self.pe_given: list[str] = []
        self.pe_sur: list[str] = []
        self.pe_gender: list[str] = []
        self.pe_birth: list[str] = []
        self.pe_cc: list[str] = []
        self.pe_tz: list[int] = []
        self.pe_city: list[str] = []
        self.pe_addr: list[str] = []
        self.pe_phone: list[str] = []
        self.pe_email: list[str] = []
        self.pe_idno: list[str] = []
        self.pe_ip: list[str] = []
        self.pe_dev: list[str] = []
        self.traits: dict[int, set[str]] = {}
        self._phone_ctr = 0
        # parties registered under another name (relatives), keyed by alias id
        self.aliases: list[dict] = []
        # accounts
        self.ac_id: list[str] = []
        self.ac_inst: list[int] = []
        self.ac_person: list[int] = []
        self.ac_kind: list[str] = []
        self.ac_cc: list[str] = []
        self.ac_open: list[int] = []
        self.ac_close: list[int] = []
        self.ac_ban: list[str] = []
        self.ac_user: list[str] = []
        self.ac_disp: list[str] = []
        self.ac_alias: list[int] = []
        self.ac_dev: list[str] = []
        self.ac_phone: list[str] = []
        self._inst_ctr: dict[int, int] = {}
        # transactions: scalar lists and numpy chunks
        self._tx_cols = ("t", "amt", "cur", "snd", "rcv", "ch", "ref", "mcc", "mname")
        self._tx_lists: dict[str, list] = {c: [] for c in self._tx_cols}
        self._tx_chunks: list[dict[str, np.ndarray]] = []
        self.refs: list[str] = [""]
        self._ref_idx: dict[str, int] = {"": 0}
        self.mnames: list[str] = [""]
        self._mname_idx: dict[str, int] = {"": 0}
        # sessions (one row per host/viewer pair)
        self.se: dict[str, list] = {
            c: []
            for c in (
                "sid",
                "start",
                "end",
                "host",
                "viewer",
                "private",
                "paid",
                "tokens",
                "hip",
                "vip",
                "hdev",
                "vdev",
                "hcc",
                "vcc",
            )
        }
        self._sid = 0
        # messages
        self.me: dict[str, list] = {c: [] for c in ("t", "inst", "snd", "rcv", "sid", "text")}
        # inbound credits watched for cash-out, and the cash-out profile of those accounts
        self.watch: dict[int, list] = {}
        self.cashout_profile: dict[int, tuple] = {}
        self.cust = None  # background.Customers, set by the generator
        # platform bookkeeping
        self.host_ip: dict[int, str] = {}
        self.viewer_card: dict[int, int] = {}  # platform account -> card or wallet that buys its tokens
        self.viewer_vpn: dict[int, str] = {}
        self.viewer_closed: dict[int, int] = {}
        self.viewer_next: dict[int, int] = {}
        self.platform_viewers: list[tuple[int, str]] = []
        self.payout_dest: dict[int, int] = {}  # host platform account -> wallet or bank for payouts
        self.ph_wallet_of: dict[int, int] = {}  # person -> first Philippine wallet
        self.build_institutions()

    # ----------------------------------------------------------------------------------------------
    # randomness helpers
    # ----------------------------------------------------------------------------------------------
    def sub_rng(self, name: str) -> np.random.Generator:
        key = sum((i + 1) * ord(c) for i, c in enumerate(name))
        return np.random.default_rng([self.seed, 0xC0C0, key])

    # ----------------------------------------------------------------------------------------------
    # fx: a small daily random walk around 2024 levels
    # ----------------------------------------------------------------------------------------------
    def _fx(self) -> None:
        r = np.random.default_rng([self.seed, 0xF0])
        base = np.array([P.USD_PER_UNIT[c] for c in P.CURRENCIES])
        steps = r.normal(0, 0.003, size=(len(base), self.D))
        steps[P.CUR_IDX["USD"]] = 0
        for c in ("SAR", "AED", "QAR", "HKD"):  # pegged
            steps[P.CUR_IDX[c]] *= 0.05
        self.fx = base[:, None] * np.exp(np.cumsum(steps, axis=1))  # usd per unit, [cur, day]

    def usd_to(self, usd, cur: int | np.ndarray, day) -> np.ndarray:
        day = np.clip(np.asarray(day), 0, self.D - 1)
        return np.asarray(usd) / self.fx[cur, day]

    def to_usd(self, amt, cur, day) -> np.ndarray:
        day = np.clip(np.asarray(day), 0, self.D - 1)
        return np.asarray(amt) * self.fx[cur, day]

    @staticmethod
    def nice_round(x: np.ndarray) -> np.ndarray:
        """Round to a 'round' figure: 37 -> 35, 137 -> 150, 1234 -> 1000."""
        x = np.maximum(np.asarray(x, dtype=float), 1.0)
        step = 10.0 ** np.floor(np.log10(x)) / 2
        step = np.maximum(step, 1.0)
        return np.maximum(np.round(x / step) * step, step)

    @staticmethod
    def cents(x: np.ndarray, cur) -> np.ndarray:
        x = np.round(np.asarray(x, dtype=float), 2)
        zero = _ZERO_DEC[np.asarray(cur, dtype=np.int64)]
        x = np.where(zero, np.maximum(np.round(x), 1.0), x)
        return np.maximum(x, 0.01)

    def local_amount(self, usd, cur, day, style: str = "cents"):
        if (
            not isinstance(usd, np.ndarray)
            and not isinstance(cur, np.ndarray)
            and not isinstance(day, np.ndarray)
        ):
            return self._local1(float(usd), int(cur), int(day), style)
        loc = self.usd_to(usd, cur, day)
        if style == "round":
            return self.nice_round(loc)
        if style == "whole":
            return np.maximum(np.round(loc), 1.0)
        return self.cents(loc, cur)

    def _local1(self, usd: float, cur: int, day: int, style: str) -> float:
        day = min(max(day, 0), self.D - 1)
        x = usd / float(self.fx[cur, day])
        if style == "round":
            x = max(x, 1.0)
            step = max(10.0 ** math.floor(math.log10(x)) / 2, 1.0)
            return max(round(x / step) * step, step)
        if style == "whole" or _ZERO_DEC[cur]:
            return float(max(round(x), 1))
        return max(round(x, 2), 0.01)

    # ----------------------------------------------------------------------------------------------
    # time helpers
    # ----------------------------------------------------------------------------------------------
    def utc(self, day, hour, tz_min):
        """Local (day since start, hour of day as a float) in a zone tz_min -> unix seconds UTC."""
        if (
            not isinstance(day, np.ndarray)
            and not isinstance(hour, np.ndarray)
            and not isinstance(tz_min, np.ndarray)
        ):
            return int(self.T0 + int(day) * 86400 + float(hour) * 3600 - int(tz_min) * 60)
        return (self.T0 + np.asarray(day) * 86400 + np.asarray(hour) * 3600 - np.asarray(tz_min) * 60).astype(
            np.int64
        )

    @staticmethod
    def hours(rng: np.random.Generator, n: int, profile: str) -> np.ndarray:
        if profile == "night":  # 21:00-04:30 local
            return rng.uniform(21.0, 28.5, n) % 24
        if profile == "evening":
            return np.clip(rng.normal(20.0, 2.0, n), 0, 23.99)
        if profile == "any":
            return rng.uniform(0, 24, n)
        if profile == "office":
            return np.clip(rng.normal(11.5, 2.5, n), 7, 19.5)
        # "day": waking hours with a little spill into the night
        h = np.clip(rng.normal(14.0, 3.8, n), 6.5, 23.9)
        spill = rng.random(n) < 0.05
        h[spill] = rng.uniform(0, 24, int(spill.sum()))
        return h

    @staticmethod
    def hour1(rng: np.random.Generator, profile: str) -> float:
        """One local hour of day (scalar, fast)."""
        u = rng.random()
        if profile == "night":
            return (21.0 + 7.5 * u) % 24
        if profile == "any":
            return 24.0 * u
        z = float(rng.standard_normal())
        if profile == "evening":
            return min(max(20.0 + 2.0 * z, 0.0), 23.99)
        if profile == "office":
            return min(max(11.5 + 2.5 * z, 7.0), 19.5)
        if u < 0.05:
            return 24.0 * float(rng.random())
        return min(max(14.0 + 3.8 * z, 6.5), 23.9)

    def day_of(self, t):
        if not isinstance(t, np.ndarray):
            return min(max((int(t) - self.T0) // 86400, 0), self.D - 1)
        return np.clip((np.asarray(t) - self.T0) // 86400, 0, self.D - 1)

    # ----------------------------------------------------------------------------------------------
    # institutions
    # ----------------------------------------------------------------------------------------------
    def build_institutions(self) -> None:
        r = self.sub_rng("inst")
        p = self.p
        self.insts: list[Inst] = []
        self.inst_idx: dict[str, int] = {}
        self.country_banks: dict[str, tuple[list[int], np.ndarray]] = {}

        def add(code, kind, cc, side, included, ts, prefix, fill=0.97, style="as_is", delay=600) -> int:
            self.insts.append(Inst(code, kind, cc, side, included, ts, prefix, fill, style, delay))
            self.inst_idx[code] = len(self.insts) - 1
            return len(self.insts) - 1

        for cc, (_w, _cur, tzs, tzw, _st) in P.DEMAND_COUNTRIES.items():
            nb = 3 if cc == "US" else (2 if cc in ("GB", "AU", "CA", "DE", "JP", "SA", "AE") else 1)
            ids = []
            main_tz = tzs[int(np.argmax(tzw))]
            for k in range(nb):
                inc = bool(r.random() < p.bank_inclusion) or (cc == "US" and k == 0)
                ts = "Z" if r.random() < 0.4 else _fmt_off(main_tz)
                style = str(r.choice(["as_is", "upper", "last_first"], p=[0.6, 0.25, 0.15]))
                fill = 1.0 - r.uniform(0, 2 * p.p_missing_party)
                ids.append(
                    add(
                        f"{cc.lower()}-bank-{k + 1}",
                        "bank",
                        cc,
                        "demand",
                        inc,
                        ts,
                        f"{cc}B{k + 1}",
                        fill,
                        style,
                        int(r.integers(60, 86400)),
                    )
                )
            # a credit union / neobank per country that never joined the pool
            ids.append(add(f"{cc.lower()}-cu", "bank", cc, "demand", False, "Z", f"{cc}CU", 1.0))
            shares = r.dirichlet(np.ones(nb) * 2.0) * (1 - p.cu_share)
            self.country_banks[cc] = (ids, np.append(shares, p.cu_share))
        ex = p.extra
        add("remit-a", "remittance", "US", "demand", True, "Z", "RMA", 0.99, "upper", 300)
        add("remit-b", "remittance", "GB", "demand", bool(ex["remit_b_included"]), "+00:00", "RMB", 0.95)
        add("remit-c", "remittance", "AE", "demand", False, "+04:00", "RMC", 0.9)
        add("payapp", "ewallet", "US", "demand", bool(ex["payapp_included"]), "Z", "PAY", 0.9)
        # Philippine receiving side
        add("alon-pay", "ewallet", "PH", "ph", True, "+08:00", "ALN", 1.0 - p.p_missing_party, "upper", 120)
        add(
            "bituin-wallet",
            "ewallet",
            "PH",
            "ph",
            bool(ex["wallet2_included"]),
            "Z",
            "BTN",
            0.95,
            "as_is",
            300,
        )
        add("ph-bank-1", "bank", "PH", "ph", True, "+08:00", "PHB1", 0.98, "last_first", 3600)
        add(
            "ph-bank-2",
            "bank",
            "PH",
            "ph",
            bool(ex["phbank2_included"]),
            "+08:00",
            "PHB2",
            0.97,
            "upper",
            7200,
        )
        add(
            "ph-pawn-remit",
            "remittance",
            "PH",
            "ph",
            bool(ex["pawn_included"]),
            "+08:00",
            "PWN",
            0.99,
            "upper",
        )
        add("ph-rural-bank", "bank", "PH", "ph", False, "+08:00", "PRB", 1.0)
        for cc in ("CO", "TH", "DO", "MX", "RO", "GH", "NG", "CI", "KE"):
            add(f"{cc.lower()}-recv", "bank", cc, "foreign", False, "Z", f"{cc}R", 1.0)
        # the live-stream / video-chat platform
        add("kislap-live", "platform", "SG", "platform", True, "Z", "KSL", 0.7, "as_is", 0)
        # pseudo institutions never in the bundle: card acquirers, employers' banks, gift cards, ATMs
        for cc in P.DEMAND_COUNTRIES:
            add(f"acq-{cc.lower()}", "pseudo", cc, "pseudo", False, "Z", f"M{cc}", 1.0)
            add(f"corp-{cc.lower()}", "pseudo", cc, "pseudo", False, "Z", f"E{cc}", 1.0)
        add("acq-global", "pseudo", "US", "pseudo", False, "Z", "MGL", 1.0)
        add("giftcard-x", "pseudo", "US", "pseudo", False, "Z", "GFT", 1.0)
        add("atm-ph", "pseudo", "PH", "pseudo", False, "Z", "ATM", 1.0)
        add("crypto-x", "pseudo", "US", "pseudo", False, "Z", "bc1q", 1.0)
        # which institutions the receiver view holds
        recv = {self.inst_idx["alon-pay"]}
        second = int(ex["receiver_second"])
        if second == 1:
            recv.add(self.inst_idx["ph-bank-1"])
        elif second == 2:
            recv.add(self.inst_idx["bituin-wallet"])
        self.receiver_insts = recv
        if self.view == "receiver":
            self.in_view = np.array([i in recv for i in range(len(self.insts))])
        else:
            self.in_view = np.array([ins.included for ins in self.insts])

    def ix(self, code: str) -> int:
        return self.inst_idx[code]

    # ----------------------------------------------------------------------------------------------
    # people
    # ----------------------------------------------------------------------------------------------
    def add_people(
        self,
        n: int,
        cohort: str,
        countries,
        rng: np.random.Generator,
        *,
        kind: str = "person",
        role: str = "",
        network: str = "",
        age: tuple[int, int] = (22, 66),
        male: float = 0.5,
        style: str | None = None,
        tz=None,
        surname: str | None = None,
        address: str | None = None,
        city: str | None = None,
        org_names: list[str] | None = None,
    ) -> np.ndarray:
        if n <= 0:
            return np.zeros(0, dtype=np.int64)
        start = len(self.pe_cohort)
        ccs = [countries] * n if isinstance(countries, str) else list(countries)
        gen = np.where(rng.random(n) < male, "m", "f")
        ages = rng.integers(age[0], age[1] + 1, n)
        doy = rng.integers(0, 365, n)
        i1 = rng.integers(0, 1 << 30, n)
        i2 = rng.integers(0, 1 << 30, n)
        i3 = rng.integers(0, 1 << 30, n)
        i4 = rng.integers(0, 1 << 30, n)
        house = rng.integers(1, 999, n)
        devs = rng.integers(0, 1 << 48, n)
        for k in range(n):
            cc = ccs[k]
            st = style or self._style(cc)
            g1, g2, s1, s2 = _SYL[st]
            if kind == "organization":
                given = ""
                sur = org_names[k] if org_names else f"{s1[i3[k] % len(s1)]}{s2[i4[k] % len(s2)]} Inc."
            else:
                given = g1[i1[k] % len(g1)] + g2[i2[k] % len(g2)]
                sur = surname if surname is not None else s1[i3[k] % len(s1)] + s2[i4[k] % len(s2)]
            self.pe_cohort.append(cohort)
            self.pe_role.append(role)
            self.pe_net.append(network)
            self.pe_kind.append(kind)
            self.pe_given.append(given)
            self.pe_sur.append(sur)
            self.pe_gender.append("" if kind == "organization" else str(gen[k]))
            bd = dt.date(2024 - int(ages[k]), 1, 1) + dt.timedelta(days=int(doy[k]))
            self.pe_birth.append("" if kind == "organization" else bd.isoformat())
            self.pe_cc.append(cc)
            if tz is not None:
                t = int(tz[k]) if not isinstance(tz, int) else tz
            else:
                t = self._tz(cc, int(i1[k] ^ i4[k]))
            self.pe_tz.append(t)
            cities = P.CITIES.get(cc, ["Capital"])
            self.pe_city.append(city or cities[int(i2[k] ^ i3[k]) % len(cities)])
            if address is not None:
                self.pe_addr.append(address)
            elif cc == "PH":
                self.pe_addr.append(
                    f"{house[k]} {_STREET[i1[k] % len(_STREET)]} St., {_BRGY[i2[k] % len(_BRGY)]}"
                )
            else:
                self.pe_addr.append(f"{house[k]} {_STREET[i3[k] % len(_STREET)]} Road")
            self._phone_ctr += 1
            self.pe_phone.append(self.phone(cc))
            slug = (given + "." + sur).lower().replace(" ", "").replace("-", "").replace("'", "")
            if kind == "organization":
                slug = sur.lower().replace(" ", "").replace(".", "").replace("-", "")
                self.pe_email.append(f"info@{slug}.example.org")
            else:
                dom = ["example.com", "example.net", "example.org"][int(i4[k]) % 3]
                self.pe_email.append(f"{slug}{int(i1[k]) % 997}@{dom}")
            self.pe_idno.append(f"{cc}-{int(i2[k]) % 10**9:09d}")
            self.pe_ip.append(self.ip("home", start + k))
            self.pe_dev.append(f"dv-{int(devs[k]):012x}")
        return np.arange(start, start + n)

    def add_person(self, cohort: str, cc: str, rng: np.random.Generator, **kw) -> int:
        return int(self.add_people(1, cohort, cc, rng, **kw)[0])

    @staticmethod
    def _style(cc: str) -> str:
        if cc in P.DEMAND_COUNTRIES:
            return P.DEMAND_COUNTRIES[cc][4]
        if cc in P.RECEIVING_COUNTRIES:
            return P.RECEIVING_COUNTRIES[cc][2]
        return "en"

    @staticmethod
    def _tz(cc: str, h: int) -> int:
        if cc in P.DEMAND_COUNTRIES:
            tzs, w = P.DEMAND_COUNTRIES[cc][2], P.DEMAND_COUNTRIES[cc][3]
            u = (h % 1000) / 1000.0
            acc = 0.0
            for tz, wt in zip(tzs, w, strict=True):
                acc += wt
                if u < acc:
                    return tz
            return tzs[-1]
        if cc in P.RECEIVING_COUNTRIES:
            return P.RECEIVING_COUNTRIES[cc][1]
        return 420

    def phone(self, cc: str) -> str:
        """Numbers from a fictional block: +<dial> 555 01xx xxxx (US: 555-01xx)."""
        self._phone_ctr += 1
        k = self._phone_ctr
        if cc in ("US", "CA"):
            return f"+1 {200 + k % 700:03d} 555 01{(k // 700) % 100:02d}"
        return f"+{P.DIAL.get(cc, '99')} 555 01{k % 100:02d} {k // 100:05d}"

    @staticmethod
    def ip(pool: str, k: int) -> str:
        if pool == "home":  # 100.64.0.0/10 (shared address space)
            o = (k * 2654435761 + 12345) % (1 << 22)
            return f"{100}.{64 + (o >> 16)}.{(o >> 8) & 255}.{o & 255}"
        if pool == "vpn":  # 198.18.0.0/15
            o = (k * 40503 + 7) % (1 << 17)
            return f"198.{18 + (o >> 16)}.{(o >> 8) & 255}.{o & 255}"
        if pool == "mobile":  # 203.0.113.0/24 and 198.51.100.0/24
            return f"203.0.113.{k % 254 + 1}" if k % 2 else f"198.51.100.{k % 254 + 1}"
        return f"192.0.2.{k % 254 + 1}"

    def add_trait(self, person: int, tag: str) -> None:
        self.traits.setdefault(int(person), set()).add(tag)

    def name(self, person: int) -> str:
        g, s = self.pe_given[person], self.pe_sur[person]
        return f"{g} {s}".strip()

    # ----------------------------------------------------------------------------------------------
    # accounts
    # ----------------------------------------------------------------------------------------------
    def _acct_id(self, inst: int, kind: str) -> str:
        ctr = self._inst_ctr.get(inst, 0) + 1
        self._inst_ctr[inst] = ctr
        ins = self.insts[inst]
        num = (ctr * 7919 + 104729 * (inst + 1)) % 10**10
        if ins.kind == "platform":
            return (
                f"{ins.prefix}-u{num % 10**8:08d}"
                if kind == "platform"
                else f"{ins.prefix}-m{num % 10**6:06d}"
            )
        if kind == "card":
            return f"{ins.prefix}-C{num:010d}"
        if kind == "merchant":
            return f"{ins.prefix}-M{num % 10**8:08d}"
        if ins.kind == "ewallet":
            return f"{ins.prefix}-{num:010d}"
        if ins.kind == "remittance":
            return f"{ins.prefix}{num:010d}"
        if ins.code == "crypto-x":
            return f"bc1q{num:010d}x{inst:02d}"
        return f"{ins.prefix}-{num:010d}"

    def add_account(
        self,
        person: int,
        inst: int | str,
        kind: str,
        *,
        opened: int | None = None,
        cc: str | None = None,
        user: str = "",
        disp: str = "",
        alias: int = -1,
        dev: str = "",
        phone: str | None = None,
        rng: np.random.Generator | None = None,
    ) -> int:
        if isinstance(inst, str):
            inst = self.inst_idx[inst]
        if opened is None:
            r = rng if rng is not None else self.rng
            opened = self.T0 - int(r.integers(60, 3650)) * 86400 - int(r.integers(0, 86400))
        self.ac_id.append(self._acct_id(inst, kind))
        self.ac_inst.append(inst)
        self.ac_person.append(int(person))
        self.ac_kind.append(kind)
        self.ac_cc.append(cc or self.insts[inst].country)
        self.ac_open.append(int(opened))
        self.ac_close.append(-1)
        self.ac_ban.append("")
        self.ac_user.append(user)
        self.ac_disp.append(disp)
        self.ac_alias.append(alias)
        self.ac_dev.append(dev)
        self.ac_phone.append(phone if phone is not None else self.pe_phone[int(person)])
        return len(self.ac_id) - 1

    def add_platform_account(
        self,
        person: int,
        rng: np.random.Generator,
        *,
        opened: int | None = None,
        dev: str | None = None,
        user_hint: str | None = None,
    ) -> int:
        g = self.pe_given[person] or self.pe_sur[person]
        base = (user_hint or g).lower().replace(" ", "")[:10]
        user = f"{base}{['', '_', '.', 'x'][int(rng.integers(0, 4))]}{int(rng.integers(1, 9999))}"
        disp = [g, base.capitalize(), f"{g} {self.pe_sur[person][:1]}.", user][int(rng.integers(0, 4))]
        cc = self.pe_cc[person]
        return self.add_account(
            person,
            "kislap-live",
            "platform",
            opened=opened,
            cc=cc,
            user=user,
            disp=disp,
            dev=dev or self.pe_dev[person],
            rng=rng,
        )

    def ban(self, acct: int, t: int, reason: str) -> None:
        self.ac_close[acct] = int(t)
        self.ac_ban[acct] = reason

    # ----------------------------------------------------------------------------------------------
    # events
    # ----------------------------------------------------------------------------------------------
    def ref(self, s: str) -> int:
        i = self._ref_idx.get(s)
        if i is None:
            i = len(self.refs)
            self.refs.append(s)
            self._ref_idx[s] = i
        return i

    def mname(self, s: str) -> int:
        i = self._mname_idx.get(s)
        if i is None:
            i = len(self.mnames)
            self.mnames.append(s)
            self._mname_idx[s] = i
        return i

    def tx(
        self,
        t: int,
        amt: float,
        cur: int,
        snd: int,
        rcv: int,
        ch: str,
        ref: str = "",
        mcc: int = 0,
        mname: str = "",
    ) -> None:
        L = self._tx_lists
        L["t"].append(int(t))
        L["amt"].append(float(amt))
        L["cur"].append(int(cur))
        L["snd"].append(int(snd))
        L["rcv"].append(int(rcv))
        L["ch"].append(P.CH[ch])
        L["ref"].append(self.ref(ref))
        L["mcc"].append(int(mcc))
        L["mname"].append(self.mname(mname) if mname else 0)
        wl = self.watch.get(int(rcv))
        if wl is not None and t >= self.ac_open[rcv]:
            wl.append((int(t), float(amt), int(cur)))

    def tx_many(self, t, amt, cur, snd, rcv, ch, ref=0, mcc=0, mname=0) -> None:
        t = np.asarray(t, dtype=np.int64)
        n = t.shape[0]
        if n == 0:
            return

        def b(x, dtype):
            return np.broadcast_to(np.asarray(x, dtype=dtype), (n,)).copy()

        self._tx_chunks.append(
            {
                "t": t,
                "amt": b(amt, np.float64),
                "cur": b(cur, np.int16),
                "snd": b(snd, np.int64),
                "rcv": b(rcv, np.int64),
                "ch": b(P.CH[ch] if isinstance(ch, str) else ch, np.int8),
                "ref": b(ref, np.int32),
                "mcc": b(mcc, np.int16),
                "mname": b(mname, np.int32),
            }
        )

    def tx_arrays(self) -> dict[str, np.ndarray]:
        dtypes = {
            "t": np.int64,
            "amt": np.float64,
            "cur": np.int16,
            "snd": np.int64,
            "rcv": np.int64,
            "ch": np.int8,
            "ref": np.int32,
            "mcc": np.int16,
            "mname": np.int32,
        }
        out = {}
        for c in self._tx_cols:
            parts = [np.asarray(self._tx_lists[c], dtype=dtypes[c])]
            parts += [ch[c] for ch in self._tx_chunks]
            out[c] = np.concatenate(parts)
        return out

    def session(
        self,
        start: int,
        end: int,
        host: int,
        viewers,
        private: bool,
        paid=None,
        tokens=None,
        hip: str = "",
        vips=None,
        hdev: str = "",
        vdevs=None,
        hcc: str = "",
        vccs=None,
    ) -> str:
        """One session, one row per viewer (or a single row with no viewer)."""
        self._sid += 1
        sid = f"KS{self._sid:09d}"
        vs = list(viewers) if viewers is not None else []
        if not vs:
            vs = [-1]
            paid = tokens = vips = vdevs = vccs = None
        n = len(vs)
        S = self.se
        S["sid"].extend([sid] * n)
        S["start"].extend([int(start)] * n)
        S["end"].extend([int(end)] * n)
        S["host"].extend([int(host)] * n)
        S["viewer"].extend(int(v) for v in vs)
        S["private"].extend([bool(private)] * n)
        S["paid"].extend(list(paid) if paid is not None else [0.0] * n)
        S["tokens"].extend(list(tokens) if tokens is not None else [0] * n)
        S["hip"].extend([hip] * n)
        S["vip"].extend(list(vips) if vips is not None else [""] * n)
        S["hdev"].extend([hdev] * n)
        S["vdev"].extend(list(vdevs) if vdevs is not None else [""] * n)
        S["hcc"].extend([hcc] * n)
        S["vcc"].extend(list(vccs) if vccs is not None else [""] * n)
        return sid

    def public_session(
        self,
        rng: np.random.Generator,
        host: int,
        viewers: list[int],
        start: int,
        dur: int,
        hip: str = "",
        hcc: str = "",
        tip_p: float = 0.05,
        tip_tokens=(10, 200),
    ) -> str:
        n = len(viewers)
        tips = np.where(rng.random(n) < tip_p, rng.integers(tip_tokens[0], tip_tokens[1] + 1, n), 0)
        vips, vdevs, vccs = [], [], []
        for v in viewers:
            pp = self.ac_person[v]
            vpn = self.viewer_vpn.get(v, "")
            vips.append(vpn or self.pe_ip[pp])
            vdevs.append(self.ac_dev[v] or self.pe_dev[pp])
            vccs.append("NL" if vpn else self.pe_cc[pp])
        sid = self.session(
            start,
            start + dur,
            host,
            viewers,
            False,
            paid=[round(float(x) * 0.1, 2) for x in tips],
            tokens=[int(x) for x in tips],
            hip=hip or self.host_ip.get(host, ""),
            vips=vips,
            hdev=self.ac_dev[host],
            vdevs=vdevs,
            hcc=hcc,
            vccs=vccs,
        )
        return sid

    def msg(self, t: int, inst: int | str, snd: int, rcv: int, text: str, sid: str = "") -> None:
        if not self.chat:
            return
        if isinstance(inst, str):
            inst = self.inst_idx[inst]
        M = self.me
        M["t"].append(int(t))
        M["inst"].append(inst)
        M["snd"].append(int(snd))
        M["rcv"].append(int(rcv))
        M["sid"].append(sid)
        M["text"].append(text)

    def conversation(
        self,
        t0: int,
        inst,
        a: int,
        b: int,
        lines: list[tuple[int, str]],
        rng,
        sid: str = "",
        gap: tuple[int, int] = (15, 240),
    ) -> int:
        """lines: (0 = a speaks, 1 = b speaks, text). Returns the time of the last line."""
        t = int(t0)
        for who, text in lines:
            s, r = (a, b) if who == 0 else (b, a)
            self.msg(t, inst, s, r, text, sid)
            t += int(rng.integers(gap[0], gap[1]))
        return t
