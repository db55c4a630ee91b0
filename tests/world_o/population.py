"""The world's people, their party records (KYC, profiles) and accounts, and the truth registry."""

from __future__ import annotations

import random

from . import geo, names
from .clock import DAY, hour_profile
from .ids import Ids
from .institutions import BANK_OF_COUNTRY, INSTS
from .model import Account, Party, Person

_PARTY_PREFIX = {
    "bank-ph-a": "PA-C",
    "wallet-ph-b": "WB-K",
    "remit-ph-c": "RC-B",
    "vasp-ph-d": "VD-U",
    "bank-us-e": "UE-C",
    "bank-gb-f": "GF-C",
    "bank-au-g": "AG-C",
    "bank-eu-h": "EH-C",
    "remit-intl-j": "RJ-S",
    "p2p-intl-k": "PK-U",
    "vasp-intl-l": "VL-U",
    "vidchat-p": "VP-P",
}
_EXT_PREFIX = {"ext-remit": "R", "ext-card": "K"}


class Population:
    """Creates persons, parties and accounts. Everything random comes from the caller's stream."""

    def __init__(self, world):
        self.w = world
        self.ids: Ids = world.ids
        self.persons: list[Person] = []
        self.parties: list[Party] = []
        self.accounts: list[Account] = []  # every account, listed or not: the truth registry
        self._n = 0

    # ---- persons ------------------------------------------------------------------------------
    def person(
        self,
        r: random.Random,
        cohort: str,
        country: str,
        *,
        gender: str | None = None,
        age: tuple[int, int] = (20, 65),
        last: str | None = None,
        role: str = "",
        net: str | None = None,
        address: str | None = None,
        city: str | None = None,
        kind: str = "person",
    ) -> Person:
        w = self.w
        pid = self.ids.hex("W", 10)
        p = Person(pid, cohort)
        p.kind = kind
        p.role = role
        if net:
            p.nets.append(net)
        p.country = country
        p.gender = gender or ("f" if r.random() < 0.5 else "m")
        p.first = names.first_name(r)
        p.middle = names.first_name(r)
        p.last = last or names.surname(r)
        y1 = w.end_year - age[1]
        y0 = w.end_year - age[0]
        p.birth = f"{r.randint(y1, y0):04d}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        p.city = city or geo.city(r, country)
        p.address = address or geo.address(r, country, p.city)
        p.tz = geo.tz(r, country)
        p.hours = hour_profile(r, w.P.p_night_profile)
        p.round_p = min(0.95, max(0.02, r.gauss(w.P.round_base, 0.2)))
        p.email = self._email(r, p)
        p.phone = self._phone(r, country)
        p.id_number = self.ids.alnum("", 10, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
        if country == "PH":
            p.ip = geo.ipv4(r) if r.random() < 0.7 else geo.ipv6(r)
        else:
            p.ip = geo.ipv6(r) if r.random() < 0.85 else geo.ipv4(r)
        p.devices = [self.ids.hex("dev-", 12) for _ in range(1 if r.random() < 0.6 else 2)]
        p.vpn = r.random() < w.P.p_vpn
        self.persons.append(p)
        return p

    def org(self, r: random.Random, cohort: str, country: str, name: str) -> Person:
        p = self.person(r, cohort, country, kind="organization", gender="x")
        p.first = name
        p.last = ""
        p.birth = ""
        p.email = f"contact@{name.lower().replace(' ', '').replace('.', '')[:18]}.example.org"
        return p

    def _email(self, r: random.Random, p: Person) -> str:
        dom = "example.com" if r.random() < 0.6 else "example.org"
        base = f"{p.first}.{p.last}".lower() if r.random() < 0.6 else names.handle(r).replace(".", "_")
        return self.ids._unique(lambda: f"{base}{r.randint(1, 9999)}@{dom}")

    def _phone(self, r: random.Random, cc: str) -> str:
        code = geo.COUNTRIES[cc][2]
        if cc == "PH":
            return self.ids._unique(lambda: f"+63 9{r.randint(5, 99):02d} 555 {r.randint(0, 9999):04d}")
        return self.ids._unique(lambda: f"+{code} {r.randint(200, 989)} 555 {r.randint(0, 9999):04d}")

    # ---- parties ------------------------------------------------------------------------------
    def party(self, r: random.Random, p: Person, source: str, t: int) -> Party:
        got = p.parties.get(source)
        if got is not None:
            return got
        w = self.w
        pa = Party(self.ids.digits(_PARTY_PREFIX[source], 8), source, p)
        pa.kind = p.kind
        pa.created = t
        if p.kind == "organization":
            pa.name = p.first
            pa.country = p.country
            pa.city = p.city
            pa.address = p.address
            pa.email = p.email
        else:
            pa.name = names.variant(r, p.first, p.middle, p.last, w.P.p_name_variant)
            pa.country = p.country
            pa.city = p.city
            full_kyc = source.startswith("bank") or source.startswith("vasp")
            pa.birth = p.birth if (full_kyc or r.random() < 0.6) else ""
            pa.gender = p.gender if r.random() < 0.85 else ""
            pa.address = p.address if (full_kyc or r.random() < 0.6) else ""
            pa.phone = p.phone if (source in ("wallet-ph-b", "remit-ph-c") or r.random() < 0.7) else ""
            pa.email = p.email if (full_kyc or r.random() < 0.6) else ""
            pa.id_number = p.id_number if (full_kyc or source == "remit-ph-c" or r.random() < 0.5) else ""
        p.parties[source] = pa
        self.parties.append(pa)
        return pa

    # ---- accounts -----------------------------------------------------------------------------
    def _acct_id(self, r: random.Random, inst: str, kind: str, country: str) -> str:
        ids = self.ids
        if inst == "vasp-ph-d":
            return ids.eth()
        if inst == "vasp-intl-l":
            return ids.btc()
        if inst == "ext-chain":
            return ids.btc() if r.random() < 0.6 else ids.eth()
        if inst == "ext-giftcard":
            return ids.giftcode()
        if inst == "vidchat-p":
            return ids.hex("vc", 12)
        if inst == "ext-bank":
            if country in geo.EURO:
                return ids.digits(country, 20)
            return ids.digits(country, 14)
        if inst == "ext-merchant":
            return ids.digits("M", 9)
        if inst in _EXT_PREFIX:
            return ids.alnum(_EXT_PREFIX[inst] + country, 10)
        pre = _PARTY_PREFIX[inst][:2]
        if kind == "card":
            return ids.digits("C" + pre, 12)
        if kind == "merchant":
            return ids.digits("M" + pre, 8)
        return ids.digits(pre, 10)

    def open(
        self,
        r: random.Random,
        p: Person,
        inst_code: str,
        kind: str | None = None,
        t: int | None = None,
        nominee: Person | None = None,
    ) -> Account:
        w = self.w
        inst = INSTS[inst_code]
        kind = kind or inst.kinds[0]
        if t is None:
            # most accounts predate the window; some open during it
            t = (
                w.t0 - int(r.uniform(30, 2000)) * DAY
                if r.random() < 0.8
                else int(r.uniform(w.t0, w.t0 + (w.t1 - w.t0) * 0.5))
            )
        holder = nominee or p
        party = self.party(r, holder, inst_code, t) if inst.exported else None
        country = (
            p.country
            if inst.group in ("external", "platform") or not inst.country
            else ("PH" if inst.ph else p.country)
        )
        if inst.exported and inst.group != "platform":
            currency = (
                inst.currency if inst.code not in ("remit-intl-j", "p2p-intl-k") else geo.currency(p.country)
            )
            if inst.code == "p2p-intl-k" and country == "PH":
                currency = "USD"  # PH users of the app hold USD balances
            if inst.code == "bank-eu-h":
                currency = geo.currency(p.country) if geo.currency(p.country) == "EUR" else "EUR"
        else:
            currency = "USD" if inst.code in ("vidchat-p", "ext-chain") else geo.currency(p.country)
        if inst.code in ("vasp-ph-d", "vasp-intl-l"):
            currency = "USD"
        a = Account(
            self._acct_id(r, inst_code, kind, p.country),
            inst,
            kind,
            p,
            party,
            country,
            currency,
            t,
            listed=inst.exported,
        )
        a.name_on = (
            party.name
            if party is not None
            else names.variant(r, p.first, p.middle, p.last, w.P.p_name_variant)
        )
        p.accounts.append(a)
        self.accounts.append(a)
        return a

    def external_sender(self, r: random.Random, p: Person) -> Account:
        """The account a foreign sender uses at an institution outside the bundle."""
        inst = "ext-remit" if r.random() < 0.55 else "ext-bank"
        return self.open(r, p, inst)

    def foreign_banking(
        self,
        r: random.Random,
        p: Person,
        *,
        p_remit: float = 0.5,
        p_p2p: float = 0.3,
        external: bool | None = None,
    ) -> bool:
        """Give a foreign person their accounts. Returns True if their institution is outside."""
        w = self.w
        if external is None:
            external = r.random() < w.P.p_external_sender
        bank = BANK_OF_COUNTRY.get(p.country)
        if external or (bank is None and r.random() < 0.5):
            p.extra["external"] = True
            self.external_sender(r, p)
            if r.random() < 0.3:
                self.open(r, p, "ext-card", "card")
            return True
        if bank:
            self.open(r, p, bank, "bank")
            self.open(r, p, bank, "card")
        else:
            self.open(r, p, "ext-card", "card")
        if r.random() < p_remit or bank is None:
            self.open(r, p, "remit-intl-j")
        if r.random() < p_p2p:
            self.open(r, p, "p2p-intl-k")
        return False

    def ph_banking(
        self,
        r: random.Random,
        p: Person,
        *,
        p_wallet: float = 0.9,
        p_remit: float = 0.4,
        p_bank: float = 0.3,
        p_p2p: float = 0.05,
        p_vasp: float = 0.0,
        nominee: Person | None = None,
        t: int | None = None,
    ) -> None:
        got = False
        if r.random() < p_wallet:
            self.open(r, p, "wallet-ph-b", t=t, nominee=nominee)
            got = True
        if r.random() < p_remit:
            self.open(r, p, "remit-ph-c", t=t, nominee=nominee if r.random() < 0.5 else None)
            got = True
        if r.random() < p_bank:
            self.open(r, p, "bank-ph-a", t=t)
            got = True
        if r.random() < p_p2p:
            self.open(r, p, "p2p-intl-k", t=t)
        if r.random() < p_vasp:
            self.open(r, p, "vasp-ph-d", t=t)
        if not got:
            self.open(r, p, "wallet-ph-b", t=t, nominee=nominee)

    def unlisted(self, r: random.Random, p: Person, inst: str, kind: str | None = None) -> Account:
        return self.open(r, p, inst, kind)
