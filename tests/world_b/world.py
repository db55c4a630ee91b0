"""Core bookkeeping of world B: people, institutions, accounts, parties, event buffers, FX."""

from __future__ import annotations

import numpy as np

from . import timeutil as T
from .names import COUNTRY_REGION, NameMaker, NetIds

CHANNELS = ["remittance", "bank_transfer", "ewallet", "card", "crypto", "gift_card", "cash_pickup"]
CH = {c: i for i, c in enumerate(CHANNELS)}

# approximate USD per unit at the start of 2025 (a random walk is applied per seed)
USD_PER = {
    "USD": 1.0, "EUR": 1.08, "GBP": 1.27, "AUD": 0.66, "CAD": 0.73, "NOK": 0.093, "SEK": 0.095,
    "CHF": 1.13, "JPY": 0.0067, "KRW": 0.00073, "SGD": 0.745, "HKD": 0.128, "SAR": 0.2667,
    "AED": 0.2723, "QAR": 0.2747, "KWD": 3.25, "PHP": 0.0174, "THB": 0.029, "VND": 0.00004,
    "IDR": 0.000062, "MYR": 0.22, "COP": 0.00024, "MXN": 0.055, "DOP": 0.0165, "RON": 0.217,
    "NGN": 0.00065, "XOF": 0.00165, "GHS": 0.065, "KES": 0.0077, "INR": 0.012,
}  # fmt: skip
CURRENCIES = list(USD_PER)
CUR = {c: i for i, c in enumerate(CURRENCIES)}
ZERO_DEC = {CUR[c] for c in ("JPY", "KRW", "VND", "IDR", "XOF")}
ZERO_MASK = np.zeros(len(CURRENCIES), dtype=bool)
ZERO_MASK[sorted(ZERO_DEC)] = True
COUNTRY_CUR = {
    "US": "USD", "CA": "CAD", "GB": "GBP", "IE": "EUR", "AU": "AUD", "DE": "EUR", "NL": "EUR",
    "FR": "EUR", "IT": "EUR", "NO": "NOK", "SE": "SEK", "CH": "CHF", "JP": "JPY", "KR": "KRW",
    "SG": "SGD", "HK": "HKD", "SA": "SAR", "AE": "AED", "QA": "QAR", "KW": "KWD", "PH": "PHP",
    "TH": "THB", "VN": "VND", "ID": "IDR", "MY": "MYR", "CO": "COP", "MX": "MXN", "DO": "DOP",
    "RO": "RON", "NG": "NGN", "CI": "XOF", "GH": "GHS", "KE": "KES", "IN": "INR",
}  # fmt: skip

DEMAND = ["US", "GB", "AU", "CA", "DE", "JP", "SG", "SA", "AE", "NO", "SE", "NL", "FR", "IT", "HK", "QA", "KW",
          "CH", "IE", "KR"]  # fmt: skip
FOREIGN_RX = ["CO", "RO", "TH", "NG", "GH", "CI", "ID", "VN", "MY", "MX", "DO", "KE", "IN"]


class Inst:
    __slots__ = ("idx", "name", "country", "kind", "pooled", "receiver", "tz", "zulu", "prefix")

    def __init__(self, idx, name, country, kind, pooled, receiver, tz, zulu, prefix):
        self.idx, self.name, self.country, self.kind = idx, name, country, kind
        self.pooled, self.receiver, self.tz, self.zulu, self.prefix = pooled, receiver, tz, zulu, prefix


class Person:
    __slots__ = (
        "idx", "cohort", "role", "country", "region", "tz", "gender", "given", "middle", "surname",
        "birth", "city", "address", "phones", "emails", "networks", "traits", "sub", "ip", "device",
        "acc", "routes", "kind", "org_name", "hh",
    )  # fmt: skip

    def __init__(self, idx: int, cohort: str, country: str):
        self.idx = idx
        self.cohort = cohort
        self.role = ""
        self.country = country
        self.region = COUNTRY_REGION.get(country, "en")
        self.tz = 0
        self.gender = "m"
        self.given = self.middle = self.surname = ""
        self.birth = ""
        self.city = self.address = ""
        self.phones: list[str] = []
        self.emails: list[str] = []
        self.networks: list[str] = []
        self.traits: list[str] = []
        self.sub = ""
        self.ip = ""
        self.device = ""
        self.acc: dict[str, list[int]] = {}
        self.routes: list[tuple[int, int, float]] = []  # (account, channel, weight)
        self.kind = "person"
        self.org_name = ""
        self.hh = -1

    def full_name(self) -> str:
        return self.org_name if self.kind == "organization" else f"{self.given} {self.surname}"

    def add_acc(self, key: str, a: int) -> None:
        self.acc.setdefault(key, []).append(a)

    def first(self, key: str) -> int:
        v = self.acc.get(key)
        return v[0] if v else -1


class Buffer:
    """Column chunks of numpy arrays."""

    def __init__(self, cols: dict[str, type]):
        self.cols = cols
        self.chunks: dict[str, list[np.ndarray]] = {c: [] for c in cols}
        self.extra: list[str] = []  # free text for messages

    def add(self, **arrs) -> None:
        n = None
        for c, t in self.cols.items():
            a = np.asarray(arrs[c])
            if a.ndim == 0:
                a = np.full(n if n is not None else 1, a)
            if n is None:
                n = a.size
            if a.size != n:
                a = np.broadcast_to(a, (n,))
            self.chunks[c].append(np.ascontiguousarray(a, dtype=t))

    def cat(self) -> dict[str, np.ndarray]:
        out = {}
        for c, t in self.cols.items():
            ch = self.chunks[c]
            out[c] = np.concatenate(ch) if ch else np.zeros(0, dtype=t)
            self.chunks[c] = [out[c]] if ch else []
        return out

    def __len__(self) -> int:
        ch = next(iter(self.chunks.values()))
        return int(sum(a.size for a in ch))


TXN_COLS = {
    "ts": np.int64,
    "snd": np.int32,
    "rcv": np.int32,
    "amt": np.float64,
    "chan": np.int8,
    "ref": np.int32,
}
SES_COLS = {
    "sid": np.int64, "start": np.int64, "end": np.int64, "host": np.int32, "viewer": np.int32,
    "private": np.int8, "paid": np.float64, "vpn": np.int8,
}  # fmt: skip


class World:
    def __init__(self, seed: int, customers: int, params: dict):
        self.seed = seed
        self.customers = customers
        self.p = params
        ss = np.random.SeedSequence([seed, 0xB0B])
        kids = ss.spawn(12)
        self.rng = np.random.default_rng(kids[0])  # population
        self.rng_ids = np.random.default_rng(kids[1])
        self.rng_fx = np.random.default_rng(kids[2])
        self.rng_off = np.random.default_rng(kids[3])  # offenders
        self.rng_leg = np.random.default_rng(kids[4])  # legitimate cohorts
        self.rng_base = np.random.default_rng(kids[5])  # baseline everyday activity
        self.rng_plat = np.random.default_rng(kids[6])  # sessions
        self.rng_chat = np.random.default_rng(kids[7])
        self.rng_out = np.random.default_rng(kids[8])  # output quirks
        self.rng_sx = np.random.default_rng(kids[9])  # sextortion
        self.names = NameMaker(np.random.default_rng(kids[10]))
        self.net = NetIds(np.random.default_rng(kids[11]))
        self.persons: list[Person] = []
        self.insts: list[Inst] = []
        self.inst_by: dict[str, Inst] = {}
        # accounts (columnar)
        self.a_id: list[str] = []
        self.a_inst: list[int] = []
        self.a_person: list[int] = []
        self.a_kind: list[str] = []
        self.a_country: list[str] = []
        self.a_cur: list[int] = []
        self.a_opened: list[int] = []
        self.a_closed: list[int] = []
        self.a_banned: list[str] = []
        self.a_party: list[int] = []
        self.a_user: list[str] = []
        self.a_disp: list[str] = []
        self.a_device: list[str] = []
        self.a_ip: list[str] = []
        self.a_mcc: list[str] = []
        self.a_mname: list[str] = []
        self._ids: set[str] = set()
        # parties
        self.party_index: dict[tuple[int, int], int] = {}
        self.pt: list[dict] = []
        # buffers
        self.tx = Buffer(TXN_COLS)
        self.ses = Buffer(SES_COLS)
        self.m_ts: list[int] = []
        self.m_snd: list[int] = []
        self.m_rcv: list[int] = []
        self.m_sid: list[int] = []
        self.msg_text: list[str] = []
        self.next_sid = 1
        self.spend_style: dict[int, tuple] = {}  # receiving account -> (style, context)
        self.org: dict = {}
        self.convos: list[tuple] = []  # (kind, person a, person b, anchor ts array, session ids or None)
        self.fans: dict[int, list[int]] = {}  # host account -> viewer accounts (platform)
        self.refs: list[str] = [""]
        self.ref_idx: dict[str, int] = {"": 0}
        self._fx()

    # ------------------------------------------------------------------ FX
    def _fx(self) -> None:
        n = T.NDAYS + 40
        steps = self.rng_fx.normal(0, 0.003, size=(len(CURRENCIES), n))
        steps[CUR["USD"]] = 0
        walk = np.exp(np.cumsum(steps, axis=1))
        base = np.array([USD_PER[c] for c in CURRENCIES]) * self.rng_fx.uniform(0.97, 1.03, len(CURRENCIES))
        base[CUR["USD"]] = 1.0
        self.fx = base[:, None] * walk  # usd per unit [cur, day]

    def day_of(self, ts: np.ndarray) -> np.ndarray:
        return np.clip((np.asarray(ts) - T.START) // T.DAY, 0, self.fx.shape[1] - 1)

    def convert(
        self, amt: np.ndarray, cur_from: np.ndarray, cur_to: np.ndarray, ts: np.ndarray
    ) -> np.ndarray:
        d = self.day_of(ts)
        return np.asarray(amt) * self.fx[cur_from, d] / self.fx[cur_to, d]

    def from_usd(self, usd: np.ndarray, cur: np.ndarray, ts: np.ndarray) -> np.ndarray:
        return np.asarray(usd) / self.fx[np.asarray(cur), self.day_of(ts)]

    @staticmethod
    def nice(x: np.ndarray) -> np.ndarray:
        """Round to a 'round' amount: 1-2 significant steps (5, 10, 50, 100, 500 ...)."""
        x = np.maximum(np.asarray(x, dtype=float), 0.01)
        mag = 10.0 ** np.floor(np.log10(x))
        step = np.where(x / mag < 2.5, mag / 2, mag)
        step = np.maximum(step, 1.0)
        return np.maximum(np.round(x / step) * step, step)

    # ------------------------------------------------------------------ institutions
    def add_inst(self, name, country, kind, pooled, receiver, tz, zulu, prefix) -> Inst:
        inst = Inst(len(self.insts), name, country, kind, pooled, receiver, tz, zulu, prefix)
        self.insts.append(inst)
        self.inst_by[name] = inst
        return inst

    # ------------------------------------------------------------------ persons
    def new_person(self, cohort: str, country: str, gender: str | None = None, region: str | None = None,
                   age: tuple[int, int] = (22, 70), surname: str | None = None) -> Person:  # fmt: skip
        rng = self.rng
        p = Person(len(self.persons), cohort, country)
        if region:
            p.region = region
        p.tz = T.zone_for(country, rng.random())
        p.gender = gender or ("f" if rng.random() < 0.5 else "m")
        p.given = self.names.given(p.region, p.gender)
        p.surname = surname or self.names.surname(p.region)
        if p.region == "ph":
            p.middle = self.names.surname("ph")
        a = int(rng.integers(age[0], age[1] + 1))
        p.birth = f"{2025 - a}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
        p.city = self.names.city(country)
        p.address = self.names.address(country, p.city)
        p.phones = [self.names.phone(country)]
        if country == "PH" and rng.random() < 0.12:  # many people in PH change SIMs too
            p.phones.append(self.names.phone(country))
        p.emails = [self.names.email(p.given, p.surname)]
        p.ip = self.net.home_ip() if country != "PH" or rng.random() < 0.4 else self.net.carrier_ip()
        p.device = self.net.device()
        self.persons.append(p)
        return p

    def new_org(self, cohort: str, country: str, name: str) -> Person:
        p = Person(len(self.persons), cohort, country)
        p.kind = "organization"
        p.org_name = name
        zones = T.COUNTRY_TZ.get(country, [("utc", 1.0)])
        p.tz = T.TZ_INDEX[zones[0][0]]
        p.city = self.names.city(country)
        p.address = self.names.address(country, p.city)
        p.phones = [self.names.phone(country)]
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:18]
        p.emails = [f"info@{slug}.example.org"]
        self.persons.append(p)
        return p

    # ------------------------------------------------------------------ accounts
    def _unique(self, make) -> str:
        for _ in range(1000):
            s = make()
            if s not in self._ids:
                self._ids.add(s)
                return s
        raise RuntimeError("id space exhausted")

    def new_account(self, person: Person, inst: Inst, kind: str, country: str | None = None,
                    opened: int | None = None, cur: str | None = None, key: str | None = None,
                    party: bool = True, party_person: Person | None = None) -> int:  # fmt: skip
        r = self.rng_ids
        pre = inst.prefix
        if kind == "bank":
            aid = self._unique(lambda: f"{pre}{int(r.integers(10**9, 10**10))}")
        elif kind == "card":
            aid = self._unique(lambda: f"{pre}C{int(r.integers(10**11, 10**12))}")
        elif kind == "ewallet":
            aid = self._unique(lambda: f"{pre}{int(r.integers(10**10, 10**11))}")
        elif kind == "remittance":
            aid = self._unique(lambda: f"{pre}{int(r.integers(36**6, 36**7)):x}".upper())
        elif kind == "platform":
            aid = self._unique(lambda: f"{pre}{int(r.integers(10**7, 10**8))}")
        else:  # merchant
            aid = self._unique(lambda: f"{pre}{int(r.integers(10**7, 10**8))}")
        i = len(self.a_id)
        country = country or person.country
        self.a_id.append(aid)
        self.a_inst.append(inst.idx)
        self.a_person.append(person.idx)
        self.a_kind.append(kind)
        self.a_country.append(country)
        self.a_cur.append(CUR[cur or COUNTRY_CUR.get(country, "USD")])
        if opened is None:
            opened = T.START - int(self.rng.integers(60, 365 * 12)) * T.DAY - int(self.rng.integers(0, T.DAY))
        self.a_opened.append(int(opened))
        self.a_closed.append(-1)
        self.a_banned.append("")
        self.a_party.append(self.party_for(party_person or person, inst, int(opened)) if party else -1)
        self.a_user.append("")
        self.a_disp.append("")
        self.a_device.append(person.device)
        self.a_ip.append(person.ip)
        self.a_mcc.append("")
        self.a_mname.append("")
        if key:
            person.add_acc(key, i)
        return i

    def party_for(self, person: Person, inst: Inst, created: int) -> int:
        k = (person.idx, inst.idx)
        j = self.party_index.get(k)
        if j is not None:
            self.pt[j]["created"] = min(self.pt[j]["created"], created)
            return j
        j = len(self.pt)
        self.party_index[k] = j
        self.pt.append({"person": person.idx, "inst": inst.idx, "created": created, "name": None})
        return j

    def nominee_party(self, person: Person, inst: Inst, created: int, name: tuple[str, str, str, str]) -> int:
        """A party record under another (relative's) name, used to register an account."""
        j = len(self.pt)
        self.pt.append(
            {"person": person.idx, "inst": inst.idx, "created": created, "name": name, "nominee": True}
        )
        return j

    # ------------------------------------------------------------------ events
    def ref(self, s: str) -> int:
        j = self.ref_idx.get(s)
        if j is None:
            j = len(self.refs)
            self.refs.append(s)
            self.ref_idx[s] = j
        return j

    def refs_of(
        self, rng: np.random.Generator, choices: list[str], weights: list[float], n: int
    ) -> np.ndarray:
        ids = np.array([self.ref(c) for c in choices], dtype=np.int32)
        w = np.asarray(weights, dtype=float)
        return ids[rng.choice(len(choices), size=n, p=w / w.sum())]

    def emit(self, ts, snd, rcv, amt, chan, ref=0) -> None:
        ts = np.asarray(ts, dtype=np.int64)
        if ts.size == 0:
            return
        self.tx.add(
            ts=ts, snd=snd, rcv=rcv, amt=np.round(np.asarray(amt, dtype=float), 2), chan=chan, ref=ref
        )

    def cur_of(self, accts) -> np.ndarray:
        a = np.asarray(accts)
        if a.ndim == 0:
            return np.int64(self.a_cur[int(a)])
        cur = self.a_cur
        return np.fromiter((cur[i] for i in a.tolist()), dtype=np.int64, count=a.size)

    def session_ids(self, n: int) -> np.ndarray:
        s = np.arange(self.next_sid, self.next_sid + n, dtype=np.int64)
        self.next_sid += n
        return s

    def say(self, ts: int, snd: int, rcv: int, text: str, sid: int = -1) -> None:
        self.m_ts.append(int(ts))
        self.m_snd.append(int(snd))
        self.m_rcv.append(int(rcv))
        self.m_sid.append(int(sid))
        self.msg_text.append(text)
