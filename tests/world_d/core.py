"""Registries of world D: institutions, persons, parties, accounts and buffered events."""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass, field

import numpy as np

from . import names
from .clock import DAY, NDAYS, T0, ZONE_INDEX, Clock, iso_ts

# ---------------------------------------------------------------------------------------------------------
# Institutions. `member` = part of the FIU pool by default (demand-side "-b" banks are drawn per seed).
# `zone`/`tz` = how the institution writes timestamps: local offset, "Z", "+00:00" or a mid-2024 switch.


@dataclass
class Inst:
    name: str
    country: str
    kind: str  # bank, remitter, wallet, platform, vasp, acquirer, giftcard
    member: bool
    zone: str
    tz: str
    acc_prefix: str
    party_prefix: str
    serves: tuple[str, ...] = ()
    share: float = 1.0  # relative share of the countries it serves


def institutions(r: random.Random) -> list[Inst]:
    L: list[Inst] = []

    def bank(name, cc, member, zone, tz, ap, pp, serves, share=1.0):
        L.append(Inst(name, cc, "bank", member, zone, tz, ap, pp, tuple(serves), share))

    bank("bank-us-a", "US", True, "US_E", "local", "USA1", "CIF-USA1-", ["US"], 1.0)
    bank("bank-us-b", "US", r.random() < 0.7, "US_C", "Z", "0210", "USB-C", ["US"], 0.7)
    bank("bank-us-x", "US", False, "US_E", "Z", "USX9", "USX-", ["US"], 0.5)
    bank("bank-gb-a", "GB", True, "GB", "local", "GB29ABCD", "GBA/", ["GB", "IE"], 1.0)
    bank("bank-gb-x", "GB", False, "GB", "Z", "GB77XXXX", "GBX/", ["GB", "IE"], 0.4)
    bank("bank-au-a", "AU", True, "AU_SYD", "local", "AU062-", "AUA", ["AU", "NZ"], 1.0)
    bank("bank-au-b", "AU", r.random() < 0.6, "AU_SYD", "Z", "AU033-", "AUB", ["AU", "NZ"], 0.6)
    bank("bank-au-x", "AU", False, "AU_SYD", "Z", "AU999-", "AUX", ["AU", "NZ"], 0.4)
    bank("bank-ca-a", "CA", True, "US_E", "local", "CA003-", "CAA-", ["CA"], 1.0)
    bank("bank-ca-x", "CA", False, "US_E", "Z", "CA777-", "CAX-", ["CA"], 0.4)
    eu = ["DE", "NL", "FR", "IT", "ES", "DK", "BE", "CH", "AT"]
    bank("bank-eu-a", "DE", True, "CET", "local", "DE8937", "EUA", eu, 1.0)
    bank("bank-eu-b", "NL", r.random() < 0.6, "CET", "Z", "NL91ABNA", "EUB", eu, 0.6)
    bank("bank-eu-x", "DE", False, "CET", "Z", "DE4400", "EUX", eu, 0.4)
    bank("bank-nordic-a", "NO", True, "CET", "Z", "NO9386", "NOA", ["NO", "SE"], 1.0)
    bank("bank-nordic-x", "SE", False, "CET", "Z", "SE4550", "NOX", ["NO", "SE"], 0.35)
    bank("bank-jp-a", "JP", True, "JP", "local", "JP0005-", "JPA", ["JP", "KR"], 1.0)
    bank("bank-jp-x", "JP", False, "JP", "local", "JP0009-", "JPX", ["JP", "KR"], 0.4)
    bank("bank-asia-a", "SG", True, "SG", "local", "SG7171-", "SGA", ["SG", "HK", "MY"], 1.0)
    bank("bank-asia-x", "HK", False, "SG", "local", "HK0004-", "SGX", ["SG", "HK", "MY"], 0.4)
    bank("bank-gulf-a", "SA", True, "AST", "local", "SA0380", "GLA", ["SA", "AE", "QA", "KW"], 1.0)
    bank(
        "bank-gulf-b", "AE", r.random() < 0.5, "GST", "local", "AE0700", "GLB", ["SA", "AE", "QA", "KW"], 0.6
    )
    bank("bank-gulf-x", "AE", False, "GST", "local", "AE9900", "GLX", ["SA", "AE", "QA", "KW"], 0.5)
    # money transfer operators: two in the pool, one outside
    L.append(Inst("remit-a", "US", "remitter", True, "UTC", "Z", "RA", "RA-KYC-"))
    L.append(Inst("remit-b", "GB", "remitter", True, "UTC", "+00:00", "RB", "RB-U"))
    L.append(Inst("remit-x", "US", "remitter", False, "UTC", "Z", "RX", "RX-"))
    # Philippine side: three wallets, one bank in the pool; a rural bank outside
    L.append(Inst("wallet-ph-1", "PH", "wallet", True, "PH", "local", "GW1-", "W1KYC"))
    L.append(Inst("wallet-ph-2", "PH", "wallet", True, "PH", "switch", "PW2-", "W2-C"))
    L.append(Inst("wallet-ph-3", "PH", "wallet", True, "PH", "local", "MW3", "W3/"))
    L.append(Inst("bank-ph", "PH", "bank", True, "PH", "local", "PHB-", "PHB-CIF"))
    L.append(Inst("bank-ph-x", "PH", "bank", False, "PH", "local", "RBX-", "RBX"))
    L.append(Inst("streamhub", "US", "platform", True, "UTC", "Z", "SH-", "SHU"))
    L.append(Inst("vasp-1", "SG", "vasp", r.random() < 0.75, "UTC", "Z", "VX1-", "VXK"))
    L.append(Inst("chain", "", "chain", False, "UTC", "Z", "", ""))
    for cc in ("CO", "RO", "NG", "CI", "GH", "TH", "MY", "ID", "DO", "MX", "UA"):
        L.append(Inst(f"bank-{cc.lower()}-x", cc, "bank", False, "UTC", "Z", f"{cc}X", f"{cc}X"))
    L.append(Inst("acq-x", "US", "acquirer", False, "UTC", "Z", "MER-", "ACQ"))
    L.append(Inst("giftcard-x", "US", "giftcard", False, "UTC", "Z", "GCX-", "GCX"))
    return L


PH_RECEIVERS = ("wallet-ph-1", "wallet-ph-2", "wallet-ph-3", "bank-ph")

CURRENCY = {
    "US": "USD",
    "CA": "CAD",
    "GB": "GBP",
    "IE": "EUR",
    "AU": "AUD",
    "NZ": "NZD",
    "DE": "EUR",
    "NL": "EUR",
    "FR": "EUR",
    "IT": "EUR",
    "ES": "EUR",
    "BE": "EUR",
    "AT": "EUR",
    "DK": "DKK",
    "CH": "CHF",
    "NO": "NOK",
    "SE": "SEK",
    "JP": "JPY",
    "KR": "KRW",
    "SG": "SGD",
    "HK": "HKD",
    "MY": "MYR",
    "SA": "SAR",
    "AE": "AED",
    "QA": "QAR",
    "KW": "KWD",
    "PH": "PHP",
    "CO": "COP",
    "RO": "RON",
    "NG": "NGN",
    "CI": "XOF",
    "GH": "GHS",
    "TH": "THB",
    "ID": "IDR",
    "DO": "DOP",
    "MX": "MXN",
    "UA": "UAH",
    "": "USD",
}
USD_PER = {
    "USD": 1.0,
    "CAD": 0.74,
    "GBP": 1.26,
    "EUR": 1.08,
    "AUD": 0.66,
    "NZD": 0.61,
    "DKK": 0.145,
    "CHF": 1.12,
    "NOK": 0.094,
    "SEK": 0.095,
    "JPY": 0.0069,
    "KRW": 0.00075,
    "SGD": 0.74,
    "HKD": 0.128,
    "MYR": 0.215,
    "SAR": 0.2667,
    "AED": 0.2723,
    "QAR": 0.2747,
    "KWD": 3.25,
    "PHP": 0.0178,
    "COP": 0.00025,
    "RON": 0.22,
    "NGN": 0.0011,
    "XOF": 0.00165,
    "GHS": 0.08,
    "THB": 0.0285,
    "IDR": 0.000064,
    "DOP": 0.017,
    "MXN": 0.055,
    "UAH": 0.026,
}
CUR_NAMES = list(USD_PER)
CUR_INDEX = {c: i for i, c in enumerate(CUR_NAMES)}
ZERO_DEC = {"JPY", "KRW", "IDR", "XOF"}

CHANNELS = ["", "remittance", "bank_transfer", "ewallet", "card", "crypto", "gift_card", "cash_pickup"]
CH = {c: i for i, c in enumerate(CHANNELS)}

DEMAND = [
    "US",
    "GB",
    "AU",
    "CA",
    "DE",
    "JP",
    "SG",
    "SA",
    "AE",
    "NO",
    "SE",
    "NL",
    "FR",
    "IT",
    "HK",
    "KR",
    "NZ",
    "QA",
    "KW",
    "DK",
    "ES",
    "CH",
    "IE",
    "BE",
    "AT",
    "MY",
]


def fx_table(rng: np.random.Generator) -> np.ndarray:
    """usd_per_unit[currency, day] as a gentle random walk around the base rates."""
    n = NDAYS + 80
    steps = rng.normal(0, 0.0025, (len(CUR_NAMES), n))
    steps[:, 0] = 0
    walk = np.exp(np.cumsum(steps, axis=1))
    base = np.array([USD_PER[c] for c in CUR_NAMES])[:, None]
    out = base * walk
    out[CUR_INDEX["USD"]] = 1.0
    return out


# ---------------------------------------------------------------------------------------------------------


@dataclass
class Person:
    pid: str
    cohort: str
    role: str
    country: str
    zone: int
    name: str
    surname: str
    kind: str = "person"
    networks: list[str] = field(default_factory=list)
    traits: list[str] = field(default_factory=list)
    birth: str = ""
    gender: str = ""
    city: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    idno: str = ""


class EventBuf:
    """Money movements in the world (before any institution reports them).

    amt is in the sender account currency when rcur == 0, in the receiver account currency when rcur == 1.
    delay = seconds between the sender debit and the receiver credit.
    """

    FIELDS = ("t", "amt", "s", "r", "ch", "ref", "rcur", "delay")
    DT = (np.int64, np.float64, np.int32, np.int32, np.int8, np.int32, np.int8, np.int32)

    CODES = ("q", "d", "l", "l", "b", "l", "b", "l")

    def __init__(self):
        self.chunks: dict[str, list[np.ndarray]] = {f: [] for f in self.FIELDS}
        self.cols = [array(c) for c in self.CODES]
        c = self.cols
        self._app = (
            c[0].append,
            c[1].append,
            c[2].append,
            c[3].append,
            c[4].append,
            c[5].append,
            c[6].append,
            c[7].append,
        )

    def add(self, t, amt, s, r, ch, ref=0, rcur=0, delay=0):
        a = self._app
        a[0](int(t))
        a[1](amt)
        a[2](s)
        a[3](r)
        a[4](ch)
        a[5](ref)
        a[6](rcur)
        a[7](int(delay))

    def add_many(self, t, amt, s, r, ch, ref=0, rcur=0, delay=0):
        t = np.asarray(t, dtype=np.int64)
        n = t.shape[0]
        if n == 0:
            return
        vals = (t, amt, s, r, ch, ref, rcur, delay)
        for f, dtp, v in zip(self.FIELDS, self.DT, vals, strict=True):
            a = np.asarray(v, dtype=dtp)
            if a.ndim == 0:
                a = np.full(n, a, dtype=dtp)
            self.chunks[f].append(a)

    def finish(self) -> dict[str, np.ndarray]:
        if len(self.cols[0]):
            for f, dtp, c in zip(self.FIELDS, self.DT, self.cols, strict=True):
                self.chunks[f].append(np.frombuffer(c, dtype=np.dtype(c.typecode)).astype(dtp))
            self.cols = [array(c) for c in self.CODES]
            c = self.cols
            self._app = (
                c[0].append,
                c[1].append,
                c[2].append,
                c[3].append,
                c[4].append,
                c[5].append,
                c[6].append,
                c[7].append,
            )
        return {
            f: (np.concatenate(self.chunks[f]) if self.chunks[f] else np.zeros(0, dtype=d))
            for f, d in zip(self.FIELDS, self.DT, strict=True)
        }


class FastRandom(random.Random):
    """random.Random with float-based randint/choice/randrange: deterministic and several times faster."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


class World:
    def __init__(self, seed: int, params: dict):
        self.seed = seed
        self.p = params
        self.rng = np.random.default_rng([seed, 7919])
        self.r = FastRandom(seed * 1_000_003 + 17)
        self.clock = Clock(self.rng, params["ramp"], self.r)
        self.insts = institutions(self.r)
        self.inst_index = {i.name: k for k, i in enumerate(self.insts)}
        self.fx = fx_table(self.rng)
        self.fx_l = self.fx.tolist()
        self.persons: list[Person] = []
        # parties: parallel lists
        self.pa_id: list[str] = []
        self.pa_src: list[int] = []
        self.pa_person: list[int] = []
        self.pa_row: list[dict] = []
        self._pa_seq: dict[int, int] = {}
        self.party_of: dict[tuple[int, int], int] = {}  # (person, inst) -> party
        # accounts: parallel lists
        self.ac_id: list[str] = []
        self.ac_src: list[int] = []
        self.ac_person: list[int] = []
        self.ac_party: list[int] = []  # true owning party (-1 = none)
        self.ac_party_shown: list[bool] = []
        self.ac_kind: list[str] = []
        self.ac_country: list[str] = []
        self.ac_cur: list[int] = []
        self.ac_extra: list[dict | None] = []
        self._ac_seq: dict[int, int] = {}
        self.refs: list[str] = [""]
        self._ref_index: dict[str, int] = {"": 0}
        self.ev = EventBuf()
        self.sessions: list[tuple] = []
        self.messages: list[tuple] = []
        self._sess_seq = 0
        self.acct_mcc: dict[int, str] = {}  # merchant account -> (MCC)
        self.acct_mname: dict[int, str] = {}  # merchant account -> merchant name on card records
        # per-person state
        self.home: dict[int, int] = {}  # person -> home bank account (demand side) or main wallet (PH side)
        self.card: dict[int, int] = {}
        self.remit_pref: dict[int, str] = {}
        self.remit: dict[int, int] = {}
        self.plat: dict[int, int] = {}
        self.vasp: dict[int, int] = {}
        self.ipaddr: dict[int, str] = {}
        self.dev: dict[int, str] = {}
        self.vpn: set[int] = set()
        self.infra: dict = {}

    # --- helpers -----------------------------------------------------------------------------------------
    def inst(self, name: str) -> int:
        return self.inst_index[name]

    def ref(self, text: str) -> int:
        k = self._ref_index.get(text)
        if k is None:
            k = len(self.refs)
            self.refs.append(text)
            self._ref_index[text] = k
        return k

    def add_person(
        self,
        cohort: str,
        role: str,
        country: str,
        *,
        zone: str | None = None,
        sur: str | None = None,
        kind: str = "person",
        name: str | None = None,
        birth_year: tuple[int, int] = (1950, 2002),
        gender: str | None = None,
    ) -> int:
        r = self.r
        if zone is None:
            from .clock import COUNTRY_ZONES

            opts = COUNTRY_ZONES.get(country, [("UTC", 1.0)])
            x = r.random()
            acc = 0.0
            zone = opts[-1][0]
            for z, w in opts:
                acc += w
                if x < acc:
                    zone = z
                    break
        s = sur or names.surname(r, country)
        nm = name or names.full_name(r, country, s)
        p = Person(f"P{len(self.persons) + 1:07d}", cohort, role, country, ZONE_INDEX[zone], nm, s, kind)
        if kind == "person":
            y = r.randint(*birth_year)
            p.birth = f"{y}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            p.gender = gender or r.choice("fm")
        p.city = names.city(r, country)
        p.address = names.address(r, country, p.city)
        p.phone = names.phone(r, country)
        p.email = names.email(r, nm)
        p.idno = names.id_number(r, country)
        self.persons.append(p)
        return len(self.persons) - 1

    def party(
        self,
        person: int,
        inst: int,
        *,
        name: str | None = None,
        new: bool = False,
        created: int | None = None,
        phone: str | None = None,
        address: str | None = None,
    ) -> int:
        key = (person, inst)
        if not new and key in self.party_of:
            return self.party_of[key]
        r = self.r
        p = self.persons[person]
        ins = self.insts[inst]
        seq = self._pa_seq.get(inst, 0) + 1
        self._pa_seq[inst] = seq
        heavy = self.p["name_variant_rate"]
        nm = names.name_variant(r, name or p.name, heavy)
        blank_cc = r.random() < self.p["blank_country_rate"]
        if created is None:
            created = T0 - r.randint(30, 3650) * DAY
        if created % DAY == 0:
            created += r.randint(0, DAY - 1)
        row = {
            "kind": "organization" if p.kind == "organization" else "person",
            "name": nm,
            "birth_date": p.birth if (p.birth and r.random() < 0.85) else "",
            "gender": p.gender if (p.gender and r.random() < 0.7) else "",
            "country": "" if blank_cc else p.country,
            "city": p.city if r.random() < 0.8 else "",
            "address": (address or (names.address_variant(r, p.address) if r.random() < 0.3 else p.address))
            if r.random() < 0.85
            else "",
            "phone": (phone or (names.phone_variant(r, p.phone) if r.random() < 0.3 else p.phone))
            if r.random() < 0.8
            else "",
            "email": p.email if r.random() < 0.6 else "",
            "id_number": p.idno if r.random() < 0.5 else "",
            "created_at": iso_ts(created, 0),
        }
        self.pa_id.append(f"{ins.party_prefix}{seq:07d}")
        self.pa_src.append(inst)
        self.pa_person.append(person)
        self.pa_row.append(row)
        k = len(self.pa_id) - 1
        if key not in self.party_of:
            self.party_of[key] = k
        return k

    def account(
        self,
        person: int,
        inst_name: str,
        kind: str,
        *,
        country: str | None = None,
        opened: int | None = None,
        party: int | None = None,
        with_party: bool = True,
        extra: dict | None = None,
        currency: str | None = None,
    ) -> int:
        inst = self.inst_index[inst_name]
        ins = self.insts[inst]
        p = self.persons[person]
        r = self.r
        seq = self._ac_seq.get(inst, 0) + 1
        self._ac_seq[inst] = seq
        if ins.kind == "chain":
            aid = names.crypto_address(r)
        elif kind == "card":
            aid = f"CARD-{ins.acc_prefix}{seq:08d}"
        elif kind == "platform":
            aid = f"SH-U{seq:08d}"
        elif ins.kind == "remitter":
            aid = f"{ins.acc_prefix}-{'B' if kind == 'pickup' else 'S'}{seq:07d}"
        elif kind == "merchant" and ins.kind == "acquirer":
            aid = f"MER-{country or p.country}-{seq:07d}"
        else:
            aid = f"{ins.acc_prefix}{seq:09d}"
        if kind == "pickup":
            kind = "remittance"
        cc = country if country is not None else p.country
        if party is None and with_party and ins.kind not in ("chain", "acquirer", "giftcard"):
            party = self.party(person, inst, created=opened)
        self.ac_id.append(aid)
        self.ac_src.append(inst)
        self.ac_person.append(person)
        self.ac_party.append(-1 if party is None else party)
        miss = self.p["missing_party_rate"] * (2.0 if ins.kind == "wallet" else 1.0)
        self.ac_party_shown.append(party is not None and r.random() >= miss)
        self.ac_kind.append(kind)
        self.ac_country.append(cc)
        cur = currency or ("USD" if kind in ("platform", "crypto") else CURRENCY.get(cc, "USD"))
        self.ac_cur.append(CUR_INDEX[cur])
        e = dict(extra or {})
        if opened is not None:
            e["opened"] = opened
        self.ac_extra.append(e or None)
        return len(self.ac_id) - 1

    # lazily opened accounts of a person ------------------------------------------------------------------
    def remit_account(self, person: int, opened: int | None = None) -> int:
        a = self.remit.get(person)
        if a is None:
            a = self.account(person, self.remit_pref.get(person, "remit-a"), "remittance", opened=opened)
            self.remit[person] = a
        return a

    def platform_account(self, person: int, opened: int | None = None, vpn: bool = False) -> int:
        a = self.plat.get(person)
        if a is None:
            p = self.persons[person]
            a = self.account(
                person,
                "streamhub",
                "platform",
                opened=opened,
                extra={"username": names.handle(self.r), "display_name": p.name.split()[0]},
            )
            self.plat[person] = a
            self.dev[person] = names.device_id(self.r)
            self.ipaddr[person] = names.ip(self.r, "ph" if p.country == "PH" else "home")
            if vpn:
                self.vpn.add(person)
        return a

    def vasp_account(self, person: int, opened: int | None = None) -> int:
        a = self.vasp.get(person)
        if a is None:
            a = self.account(person, "vasp-1", "crypto", opened=opened)
            self.vasp[person] = a
        return a

    def viewer_ip(self, person: int) -> str:
        if person in self.vpn and self.r.random() < 0.8:
            return names.ip(self.r, "vpn")
        return self.ipaddr.get(person) or names.ip(self.r, "other")

    def set_extra(self, acct: int, **kw):
        e = self.ac_extra[acct]
        if e is None:
            e = {}
            self.ac_extra[acct] = e
        e.update(kw)

    # --- sessions and messages ---------------------------------------------------------------------------
    def session(
        self,
        start: int,
        minutes: float,
        host: int,
        viewers: list[tuple],
        private: bool,
        host_ip: str,
        host_dev: str,
    ) -> int:
        """viewers: (viewer_account, viewer_ip, viewer_device, paid_amount_usd or 0)."""
        self._sess_seq += 1
        sid = self._sess_seq
        end = int(start + minutes * 60)
        for v, vip, vdev, paid in viewers:
            self.sessions.append(
                (sid, int(start), end, host, v, private, round(float(paid), 2), host_ip, vip, host_dev, vdev)
            )
        return sid

    def message(self, t: int, sender: int, recipient: int, text: str, session: int = 0):
        self.messages.append((int(t), sender, recipient, text, session))

    # --- money ---------------------------------------------------------------------------------------------
    def usd_to(self, usd: float, cur: str, day: int) -> float:
        row = self.fx_l[CUR_INDEX[cur]]
        return usd / row[min(max(int(day), 0), len(row) - 1)]

    def acc_cur(self, a: int) -> str:
        return CUR_NAMES[self.ac_cur[a]]
