"""Builds the people, households, rings, accounts and KYC/profile records of world M."""

from __future__ import annotations

import random
from typing import Any

from tests.world_m import vocab as V
from tests.world_m.ids import IdMaker, Picker, birth_for_age, lognorm
from tests.world_m.model import (
    COUNTRIES,
    DIASPORA_COUNTRIES,
    FOREIGN_COUNTRIES,
    INSTS,
    PAYER_COUNTRIES,
    PH_BANKS,
    PH_EWALLETS,
    PLATFORM,
    RING_ABROAD_COUNTRIES,
    VICTIM_COUNTRIES,
    Account,
    Party,
    Person,
)

YEAR = 365 * 86400


class Household:
    __slots__ = (
        "nid",
        "members",
        "children",
        "collect",
        "main",
        "hosts",
        "devices",
        "ip",
        "cafe_ip",
        "address",
        "city",
        "surname",
        "rels",
        "phone",
    )

    def __init__(self, nid: str) -> None:
        self.nid = nid
        self.members: list[Person] = []
        self.children: list[Person] = []
        self.collect: list[Account] = []
        self.main: Account | None = None
        self.hosts: list[Account] = []
        self.devices: list[str] = []
        self.ip = ""
        self.cafe_ip = ""
        self.address = ""
        self.city = ""
        self.surname = ""
        self.rels: list[Rel] = []
        self.phone = ""


class Rel:
    """One payer's dealings with one household."""

    __slots__ = ("payer", "hh", "n", "start", "end", "accts", "sessions", "chat", "tokens")

    def __init__(self, payer: Person, hh: Household) -> None:
        self.payer = payer
        self.hh = hh
        self.n = 0
        self.start = 0
        self.end = 0
        self.accts: list[Account] = []
        self.sessions = False
        self.chat = False
        self.tokens = False


class Ring:
    __slots__ = ("nid", "country", "members", "collect", "personas", "victims", "ip")

    def __init__(self, nid: str, country: str) -> None:
        self.nid = nid
        self.country = country
        self.members: list[Person] = []
        self.collect: list[Account] = []
        self.personas: list[Account] = []
        self.victims: list[Person] = []
        self.ip = ""


class World:
    def __init__(self, seed: int, customers: int, P: dict[str, Any], start: int, days: int) -> None:
        self.seed = seed
        self.customers = customers
        self.P = P
        self.start = start
        self.days = days
        self.end = start + days * 86400
        self.ids = IdMaker(seed)
        self.persons: list[Person] = []
        self.accounts: list[Account] = []
        self.parties: list[Party] = []
        self.kyc_map: dict[tuple[int, str], Party] = {}
        self.by_cohort: dict[str, list[Person]] = {}
        self.households: list[Household] = []
        self.rings: list[Ring] = []
        self.families: list[tuple[list[Person], list[Person]]] = []  # (recipients, remitters)
        self.sponsor_links: list[
            tuple[Person, Person | None, Person]
        ] = []  # sponsor, family or None, charity
        self.freelance_links: list[tuple[Person, Person]] = []  # client, freelancer
        self.romance_links: list[tuple[Person, list[Person]]] = []
        self.couples: list[tuple[Person, Person, Person | None]] = []  # abroad, ph, ph relative
        self.teen_parent: dict[int, Person] = {}
        self.merchants_ph: list[tuple[Account, str, str, float]] = []
        self.merchants_foreign: dict[str, list[tuple[Account, str, str, float]]] = {}
        self.merchants_global: dict[str, tuple[Account, str, str, float]] = {}
        self.employers: dict[str, list[Account]] = {}
        self.platform_merchant: Account | None = None
        self.cafe_ips: list[str] = []

    # ---- primitives --------------------------------------------------------------------------

    def new_person(
        self,
        rng: random.Random,
        cohort: str,
        country: str,
        gender: str = "",
        age: tuple[float, float] = (22, 65),
        surname: str = "",
        filipino: bool | None = None,
    ) -> Person:
        p = Person(len(self.persons), self.ids.make("person-"), cohort)
        p.country = country
        p.gender = gender or ("f" if rng.random() < 0.5 else "m")
        if filipino is None:
            filipino = country == "PH"
        if filipino:
            if age[1] < 18:
                pool = V.TEEN_GIVEN_F if p.gender == "f" else V.TEEN_GIVEN_M
                p.given = rng.choice(pool + (V.PH_GIVEN_F if p.gender == "f" else V.PH_GIVEN_M))
            else:
                p.given = rng.choice(V.PH_GIVEN_F if p.gender == "f" else V.PH_GIVEN_M)
            p.surname = surname or V.ph_surname(rng)
        else:
            if age[1] < 18:
                p.given = rng.choice(V.TEEN_GIVEN_F if p.gender == "f" else V.TEEN_GIVEN_M)
            else:
                p.given = rng.choice(V.W_GIVEN_F if p.gender == "f" else V.W_GIVEN_M)
            p.surname = surname or V.w_surname(rng)
        p.birth = birth_for_age(rng, self.start, age[0], age[1])
        if country == "PH":
            p.address, p.city = V.ph_address(rng)
        else:
            p.address, p.city = V.foreign_address(rng, country)
        p.phone = V.phone(rng, country)
        p.email = V.email(rng, p.given, p.surname)
        p.alt_email = V.email(rng, p.given, p.surname)
        p.idnum = f"{country}-{rng.randrange(10**8, 10**9)}"
        cur, tzs, _ = COUNTRIES[country]
        p.cur = cur
        p.tz = int(rng.choice(tzs) * 60)
        p.devices = [self.ids.make("dev-")]
        p.ip = V.ip_ph(rng) if country == "PH" else V.ip_foreign(rng)
        self.persons.append(p)
        self.by_cohort.setdefault(cohort, []).append(p)
        return p

    def new_org(self, rng: random.Random, cohort: str, country: str, name: str) -> Person:
        p = Person(len(self.persons), self.ids.make("person-"), cohort)
        p.org = True
        p.country = country
        p.given, p.surname = name, ""
        if country == "PH":
            p.address, p.city = V.ph_address(rng)
        elif country:
            p.address, p.city = V.foreign_address(rng, country)
        p.phone = V.phone(rng, country or "US")
        p.email = f"info{rng.randrange(10, 9999)}@{rng.choice(V.EMAIL_DOMAINS)}"
        p.idnum = f"REG-{rng.randrange(10**7, 10**8)}"
        if country:
            p.cur, tzs, _ = COUNTRIES[country]
            p.tz = int(tzs[0] * 60)
        self.persons.append(p)
        self.by_cohort.setdefault(cohort, []).append(p)
        return p

    def kyc(self, rng: random.Random, p: Person, inst_code: str, opened: int) -> Party:
        key = (p.idx, inst_code)
        party = self.kyc_map.get(key)
        if party is not None:
            return party
        inst = INSTS[inst_code]
        party = Party(self.ids.make(inst.prefix + "-c"), inst)
        messy = self.P["kyc_name_messiness"]
        if p.org:
            party.kind = "organization"
            party.name = p.given
        else:
            party.name = V.name_variant(rng, p.given, p.surname, messy)
            party.birth = p.birth if rng.random() < 0.93 else ""
            party.gender = p.gender if rng.random() < 0.9 else ""
        party.country = p.country
        party.city = p.city
        party.address = V.address_variant(rng, p.address) if rng.random() < 0.95 else ""
        party.phone = V.phone_variant(rng, p.phone) if rng.random() < 0.85 else ""
        party.email = p.email if rng.random() < 0.75 else (p.alt_email if rng.random() < 0.5 else "")
        party.idnum = p.idnum if rng.random() < 0.7 else ""
        party.created = opened
        self.kyc_map[key] = party
        self.parties.append(party)
        return party

    def alias_party(
        self,
        rng: random.Random,
        owner: Person,
        inst_code: str,
        opened: int,
        given: str,
        surname: str,
        age: tuple[float, float],
        phone: str = "",
        address: str = "",
    ) -> Party:
        """A KYC record in someone else's name (a relative or a recruited name) for an account `owner` uses."""
        inst = INSTS[inst_code]
        party = Party(self.ids.make(inst.prefix + "-c"), inst)
        party.name = V.name_variant(rng, given, surname, self.P["kyc_name_messiness"])
        party.birth = birth_for_age(rng, self.start, age[0], age[1]) if rng.random() < 0.9 else ""
        party.gender = "f" if rng.random() < 0.6 else "m"
        party.country = "PH" if inst.ph else owner.country
        party.city = owner.city
        party.address = V.address_variant(rng, address or owner.address) if rng.random() < 0.9 else ""
        party.phone = phone or (V.phone(rng, "PH") if rng.random() < 0.8 else "")
        party.email = V.email(rng, given, surname) if rng.random() < 0.5 else ""
        party.idnum = f"PH-{rng.randrange(10**8, 10**9)}" if rng.random() < 0.6 else ""
        party.created = opened
        self.parties.append(party)
        return party

    def open(
        self,
        rng: random.Random,
        p: Person,
        inst_code: str,
        kind: str,
        opened: int | None = None,
        party: Party | None = None,
    ) -> Account:
        inst = INSTS[inst_code]
        if opened is None:
            opened = self.account_opened(rng, p)
        a = Account(self.ids.make(inst.prefix + "-"), inst, kind, inst.country or p.country, p)
        a.opened = opened
        if not inst.external:
            a.party = party or self.kyc(rng, p, inst_code, opened)
        p.accounts.append(a)
        self.accounts.append(a)
        return a

    def open_platform(
        self,
        rng: random.Random,
        p: Person,
        opened: int | None = None,
        claimed_birth: str | None = None,
        display: str = "",
        country_claim: str = "",
    ) -> Account:
        inst = INSTS[PLATFORM]
        if opened is None:
            opened = self.account_opened(rng, p, 5.0)
        a = Account(self.ids.make("kwc-u"), inst, "platform", country_claim or p.country, p)
        a.opened = opened
        a.username = V.username(rng, p.given if not p.org else "shop")
        a.display = display or V.nickname(rng, p.given, p.surname or "X")
        prof = Party(self.ids.make("kwc-p"), inst)
        P = self.P
        r = rng.random()
        # how the profile links to KYC records: same e-mail, same phone, a similar name, or nothing
        if r < P["p_profile_email_link"]:
            prof.email = p.email
            prof.name = V.name_variant(rng, p.given, p.surname, 0.5) if rng.random() < 0.5 else ""
        elif r < P["p_profile_email_link"] + P["p_profile_phone_link"]:
            prof.phone = V.phone_variant(rng, p.phone)
            prof.email = p.alt_email if rng.random() < 0.5 else ""
        elif r < P["p_profile_email_link"] + P["p_profile_phone_link"] + P["p_profile_name_link"]:
            prof.name = V.name_variant(rng, p.given, p.surname, 0.9)
            prof.email = V.email(rng, p.given, p.surname)
        else:
            prof.name = a.display if rng.random() < 0.5 else ""
            prof.email = V.email(rng, rng.choice(V.USER_WORDS), rng.choice(V.USER_WORDS))
        if claimed_birth is not None:
            prof.birth = claimed_birth
        elif rng.random() < 0.35:
            prof.birth = p.birth
        prof.gender = p.gender if rng.random() < 0.6 else ""
        prof.country = country_claim or p.country
        prof.created = opened
        self.parties.append(prof)
        a.party = prof
        a.device = rng.choice(p.devices) if p.devices else ""
        a.ip = p.ip
        p.plat = a
        p.accounts.append(a)
        self.accounts.append(a)
        return a

    def account_opened(self, rng: random.Random, p: Person, years: float = 8.0) -> int:
        """Most accounts predate the data; some open during it (for every kind of person alike)."""
        if not p.org and rng.random() < self.P["p_account_opened_in_window"]:
            return self.start + int(rng.uniform(0.02, 0.85) * self.days * 86400)
        return self.start - int(rng.uniform(0.05, years) * YEAR)

    def home_bank(self, rng: random.Random, country: str, external: bool | None = None) -> str:
        banks = COUNTRIES[country][2]
        if external is True:
            ext = [b for b, _ in banks if INSTS[b].external]
            if ext:
                return ext[0]
        if external is False:
            inc = [b for b, _ in banks if not INSTS[b].external]
            if inc:
                return inc[0]
        r = rng.random()
        acc = 0.0
        for b, w in banks:
            acc += w
            if r < acc:
                return b
        return banks[-1][0]

    def setup_foreign(
        self,
        rng: random.Random,
        p: Person,
        remit: float = 0.0,
        crypto: float = 0.0,
        external: bool | None = None,
        card: float = 0.9,
    ) -> None:
        bank = self.home_bank(rng, p.country, external)
        p.bank = self.open(rng, p, bank, "bank")
        if rng.random() < card:
            p.card = self.open(rng, p, bank, "card", opened=p.bank.opened)
        if rng.random() < remit:
            if external or (external is None and rng.random() < self.P["p_remit_external"]):
                p.remit = self.open(rng, p, "swiftpadala", "remittance")
            else:
                p.remit = self.open(rng, p, "globesend", "remittance")
        if rng.random() < crypto and not external:
            p.crypto = self.open(rng, p, "coinharbor", "crypto")

    def setup_ph(
        self,
        rng: random.Random,
        p: Person,
        pickup: float = 0.2,
        bank: float = 0.5,
        crypto: float = 0.0,
        ewallet: float = 0.88,
        opened: int | None = None,
    ) -> None:
        has_bank = rng.random() < bank
        has_ew = rng.random() < ewallet or not has_bank
        if has_ew:
            p.ewallets.append(self.open(rng, p, rng.choice(PH_EWALLETS), "ewallet", opened))
            if rng.random() < 0.15:
                other = [e for e in PH_EWALLETS if e != p.ewallets[0].inst.code][0]
                p.ewallets.append(self.open(rng, p, other, "ewallet", opened))
        if has_bank:
            b = self.home_bank(rng, "PH")
            p.bank = self.open(rng, p, b, "bank", opened)
            if rng.random() < 0.4:
                p.card = self.open(rng, p, b, "card", opened=p.bank.opened)
        if rng.random() < pickup:
            p.pickup = self.open(rng, p, "padala-express", "remittance", opened)
        if rng.random() < crypto:
            p.crypto = self.open(rng, p, "bitpiso", "crypto", opened)


def pick_country(rng: random.Random, table: tuple[tuple[str, float], ...]) -> str:
    return str(Picker([c for c, _ in table], [w for _, w in table])(rng))


# ---- infrastructure: merchants, employers, platform -----------------------------------------


def build_infrastructure(w: World, rng: random.Random) -> None:
    n = w.customers
    for i in range(max(12, n // 150)):
        mcc, stem, _wt, med = V.PH_MERCHANTS[i % len(V.PH_MERCHANTS)]
        name = f"{stem} {V.ph_surname(rng)}" if i >= len(V.PH_MERCHANTS) else stem
        org = w.new_org(rng, "merchant", "PH", name)
        org.merch = w.open(rng, org, rng.choice(PH_BANKS), "merchant")
        w.merchants_ph.append((org.merch, mcc, name, med))
    for cc, _ in FOREIGN_COUNTRIES + (
        ("SA", 1),
        ("QA", 1),
        ("KW", 1),
        ("NG", 1),
        ("CI", 1),
        ("GH", 1),
        ("MX", 1),
        ("ID", 1),
    ):
        lst = []
        for mcc, stem, _wt, med in V.FOREIGN_MERCHANTS:
            org = w.new_org(rng, "merchant", cc, f"{stem} {cc}")
            org.merch = w.open(rng, org, w.home_bank(rng, cc), "merchant")
            usd = med * {"JPY": 1.3, "KRW": 1.1}.get(org.cur, 1.0)
            lst.append((org.merch, mcc, f"{stem} {cc}", usd))
        w.merchants_foreign[cc] = lst
    for name, mcc, usd in V.GLOBAL_MERCHANTS:
        org = w.new_org(rng, "merchant", "US", name)
        org.merch = w.open(rng, org, "liberty-national", "merchant")
        w.merchants_global[name] = (org.merch, mcc, name, usd)
    plat = w.new_org(rng, "organization", "", "KwentoCam Tokens")
    plat.cur, plat.tz = "USD", 0
    w.platform_merchant = w.open(rng, plat, PLATFORM, "merchant")
    for cc in [c for c, _ in FOREIGN_COUNTRIES] + ["PH", "SA", "QA", "KW", "NG", "CI", "GH", "MX", "ID"]:
        k = max(2, n // (120 if cc == "PH" else 400))
        emps = []
        for _ in range(k):
            org = w.new_org(
                rng,
                "organization",
                cc,
                f"{V.w_surname(rng) if cc != 'PH' else V.ph_surname(rng)} "
                f"{rng.choice(['Trading', 'Services', 'Holdings', 'Logistics', 'Foods', 'Corp'])}",
            )
            org.bank = w.open(rng, org, w.home_bank(rng, cc) if cc != "PH" else rng.choice(PH_BANKS), "bank")
            emps.append(org.bank)
        w.employers[cc] = emps
    w.cafe_ips = [V.ip_ph(rng) for _ in range(max(3, n // 3000))]


# ---- offenders ------------------------------------------------------------------------------


def make_payer(w: World, rng: random.Random, pclass: str) -> Person:
    P = w.P
    country = pick_country(rng, PAYER_COUNTRIES)
    filipino = rng.random() < P["p_payer_filipino_name"]
    age = min(74.0, max(30.0, rng.gauss(P["payer_age_mean"], 10)))
    p = w.new_person(
        rng, "offender_payer", country, "m" if rng.random() < 0.93 else "f", (age, age + 1), filipino=filipino
    )
    p.role = "payer"
    ext = rng.random() < P["p_payer_external_inst"]
    w.setup_foreign(rng, p, remit=0.8 if not ext else 0.6, crypto=P["p_payer_crypto"], external=ext or None)
    if rng.random() < (P["p_payer_platform"] * (0.5 if ext else 1.0)):
        vpn = rng.random() < P["p_payer_vpn"]
        w.open_platform(rng, p)
        if vpn and p.plat is not None:
            p.plat.ip = V.ip_vpn(rng)
    x = p.extra
    x["pclass"] = pclass
    x["night"] = min(0.95, max(0.05, rng.gauss(P["payer_night_mean"], 0.22)))
    x["usd"] = lognorm(rng, P["payer_amount_usd_median"], 0.45)
    x["round"] = min(1.0, max(0.0, rng.gauss(P["p_payer_round"], 0.25)))
    if pclass == "few":
        x["blank"] = rng.uniform(0.75, 1.0)
    else:
        x["blank"] = min(1.0, max(0.1, rng.gauss(P["p_payer_blank_ref"], 0.2)))
    x["purpose"] = rng.random() < 0.35
    x["escalate"] = pclass == "heavy" and rng.random() < 0.45
    x["gap_days"] = lognorm(rng, 4.0 if pclass == "heavy" else 11.0, 0.5)
    x["adult_customer"] = rng.random() < P["p_payer_also_adult_customer"]
    x["travel"] = rng.random() < P["p_payer_travel"]
    return p


def build_households(w: World, rng: random.Random) -> None:
    P = w.P
    n_hh = max(3, round(w.customers * P["households_per_10k"] / 10000))
    adults_pick = Picker([1, 2, 3, 4, 5], P["household_adults_weights"])
    pool: list[Person] = []  # non-few payers who may pay another household too
    for k in range(n_hh):
        hh = Household(f"osec-{k + 1:03d}")
        hh.surname = V.ph_surname(rng)
        hh.address, hh.city = V.ph_address(rng)
        hh.phone = V.phone(rng, "PH")
        hh.ip = V.ip_ph(rng)
        hh.cafe_ip = rng.choice(w.cafe_ips) if rng.random() < 0.25 else ""
        hh.devices = [w.ids.make("dev-") for _ in range(rng.randint(1, 3))]
        n_ad = int(adults_pick(rng))  # type: ignore[call-overload]
        shared_phone = rng.random() < P["p_household_shared_phone"]
        roles = [("f", (24, 50)), ("m", (26, 58)), ("f", (48, 72)), ("f", (20, 45)), ("m", (18, 35))]
        for i in range(n_ad):
            g, age = roles[i] if i < len(roles) else ("f", (20, 60))
            sur = hh.surname if (i < 3 or rng.random() < 0.6) else V.ph_surname(rng)
            m = w.new_person(rng, "facilitator", "PH", g, age, surname=sur)
            m.role = "facilitator"
            m.nets = [hh.nid]
            m.address, m.city = hh.address, hh.city
            if shared_phone:
                m.phone = hh.phone
            m.ip = hh.ip
            m.devices = list(hh.devices)
            m.hh = hh
            hh.members.append(m)
            # everyday accounts
            w.setup_ph(rng, m, pickup=0.5, bank=0.45, crypto=0.04)
            # collecting accounts: the everyday ones, and more opened over time
            hh.collect.extend(m.ewallets)
            if m.bank is not None and rng.random() < 0.6:
                hh.collect.append(m.bank)
            if m.pickup is not None:
                hh.collect.append(m.pickup)
            if m.crypto is not None:
                hh.collect.append(m.crypto)
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                opened = w.start + int(rng.uniform(-0.3, 0.6) * w.days * 86400)
                code = rng.choice(PH_EWALLETS + ("padala-express",))
                kind = "remittance" if code == "padala-express" else "ewallet"
                if rng.random() < P["p_relative_name_account"]:
                    rel_sur = hh.surname if rng.random() < 0.7 else V.ph_surname(rng)
                    rel_given = rng.choice(V.PH_GIVEN_F + V.PH_GIVEN_M)
                    party = w.alias_party(
                        rng,
                        m,
                        code,
                        opened,
                        rel_given,
                        rel_sur,
                        (19, 75),
                        phone=hh.phone if rng.random() < 0.4 else "",
                        address=hh.address,
                    )
                    a = w.open(rng, m, code, kind, opened, party=party)
                else:
                    a = w.open(rng, m, code, kind, opened)
                if code == "padala-express" and m.pickup is None:
                    m.pickup = a
                elif kind == "ewallet":
                    m.ewallets.append(a)
                hh.collect.append(a)
        head = hh.members[0]
        hh.main = head.bank or head.ewallets[0]
        if not hh.collect:
            hh.collect.append(head.ewallets[0] if head.ewallets else hh.main)
        # children in the household (victims; no accounts)
        for _ in range(rng.randint(1, 4)):
            c = w.new_person(rng, "child_victim", "PH", "", (2, 16), surname=hh.surname)
            c.role = "victim"
            c.nets = [hh.nid]
            c.traits.append("no_account")
            c.address, c.city = hh.address, hh.city
            hh.children.append(c)
        # live-stream / video platform presence
        if rng.random() < P["p_household_hosts"]:
            for j in range(rng.choice([1, 1, 2])):
                host_member = hh.members[j % len(hh.members)]
                a = w.open_platform(rng, host_member)
                a.ip = hh.cafe_ip or hh.ip
                a.device = rng.choice(hh.devices)
                hh.hosts.append(a)
        for m in hh.members:
            if m.plat is None and rng.random() < 0.35:
                a = w.open_platform(rng, m)
                a.ip = hh.ip
                a.device = rng.choice(hh.devices)
        # payers of the household (heavy-tailed)
        n_payers = max(
            1,
            min(
                80,
                int(round(lognorm(rng, P["payers_per_household_median"], P["payers_per_household_sigma"]))),
            ),
        )
        for _ in range(n_payers):
            payer: Person | None = None
            if pool and rng.random() < P["p_payer_reuse"]:
                cand = rng.choice(pool)
                if hh.nid not in cand.paid_nets and len(cand.paid_nets) < 3:
                    payer = cand
            if payer is None:
                r = rng.random()
                pclass = (
                    "few"
                    if r < P["p_payer_few"]
                    else ("heavy" if r < P["p_payer_few"] + P["p_payer_heavy"] else "moderate")
                )
                payer = make_payer(w, rng, pclass)
                if pclass != "few":
                    pool.append(payer)
            payer.paid_nets.append(hh.nid)
            rel = Rel(payer, hh)
            hh.rels.append(rel)
        w.households.append(hh)
    # split each payer's payments over the households he pays
    for payer in w.by_cohort.get("offender_payer", []):
        payer.nets = list(payer.paid_nets)
        pc = str(payer.extra["pclass"])
        if pc == "few":
            total = int(Picker([1, 2, 3, 4], [40, 26, 20, 14])(rng))  # type: ignore[call-overload]
        elif pc == "moderate":
            total = rng.randint(5, 19)
        else:
            total = rng.randint(20, 90)
        payer.extra["total"] = max(total, len(payer.nets) * (2 if pc != "few" else 1))
        if len(payer.nets) > 1:
            payer.traits.append("multi_household")
    for hh in w.households:
        for rel in hh.rels:
            payer = rel.payer
            k = len(payer.nets)
            total = int(payer.extra["total"])  # type: ignore[call-overload]
            share = total // k + (1 if payer.nets.index(hh.nid) < total % k else 0)
            rel.n = max(1, share)
            nacc = min(len(hh.collect), rng.choice([1, 1, 2, 2, 3]))
            rel.accts = rng.sample(hh.collect, nacc)
            has_plat = payer.plat is not None and bool(hh.hosts or any(m.plat for m in hh.members))
            rel.sessions = has_plat and rng.random() < P["p_pair_sessions"]
            rel.chat = has_plat and rng.random() < P["p_pair_chat"]
            rel.tokens = rel.sessions and payer.card is not None and rng.random() < 0.3


def make_teen(w: World, rng: random.Random, cohort: str, country: str, gender: str) -> Person:
    parent = w.new_person(rng, "ordinary", country, "", (36, 58))
    if country == "PH":
        w.setup_ph(rng, parent)
    else:
        w.setup_foreign(rng, parent)
    t = w.new_person(
        rng, cohort, country, gender, (13, 17.9), surname=parent.surname, filipino=country == "PH"
    )
    t.address, t.city = parent.address, parent.city
    if country == "PH":
        w.setup_ph(rng, t, pickup=0.0, bank=0.1, ewallet=1.0)
    else:
        w.setup_foreign(rng, t, remit=0.0, card=0.95, external=False if rng.random() < 0.8 else None)
        if rng.random() < 0.12:
            t.remit = w.open(rng, t, "globesend", "remittance")
    w.teen_parent[t.idx] = parent
    return t


def build_rings(w: World, rng: random.Random) -> None:
    P = w.P
    n = max(2, round(w.customers * P["rings_per_10k"] / 10000))
    for k in range(n):
        in_ph = rng.random() < P["p_ring_ph"]
        country = "PH" if in_ph else pick_country(rng, RING_ABROAD_COUNTRIES)
        ring = Ring(f"sx-{k + 1:02d}", country)
        ring.ip = V.ip_ph(rng) if in_ph else V.ip_foreign(rng)
        for _ in range(rng.randint(1, 4)):
            m = w.new_person(
                rng, "extortionist", country, "m" if rng.random() < 0.85 else "f", (18, 36), filipino=in_ph
            )
            m.role = "facilitator"
            m.nets = [ring.nid]
            m.ip = ring.ip
            if in_ph:
                w.setup_ph(rng, m, pickup=0.4, bank=0.25, crypto=0.2)
                ring.collect.extend(m.ewallets)
                if m.pickup is not None:
                    ring.collect.append(m.pickup)
            else:
                w.setup_foreign(rng, m, remit=0.0, card=0.3)
                m.remit = w.open(rng, m, "globesend", "remittance")
                ring.collect.append(m.remit)
                if rng.random() < 0.5:
                    m.crypto = w.open(rng, m, "coinharbor", "crypto")
                    ring.collect.append(m.crypto)
                # a Philippine e-wallet held under a recruited name
                if rng.random() < 0.5:
                    code = rng.choice(PH_EWALLETS)
                    opened = w.start + int(rng.uniform(-0.2, 0.5) * w.days * 86400)
                    party = w.alias_party(
                        rng,
                        m,
                        code,
                        opened,
                        rng.choice(V.PH_GIVEN_M + V.PH_GIVEN_F),
                        V.ph_surname(rng),
                        (19, 40),
                    )
                    a = w.open(rng, m, code, "ewallet", opened, party=party)
                    m.ewallets.append(a)
                    ring.collect.append(a)
            ring.members.append(m)
        for _ in range(rng.randint(1, 4)):
            m = rng.choice(ring.members)
            claim = rng.choice(["US", "GB", "AU", "CA", "PH"])
            fake_given = rng.choice(V.TEEN_GIVEN_F + V.W_GIVEN_F)
            a = w.open_platform(
                rng,
                m,
                opened=w.start + int(rng.uniform(-0.3, 0.7) * w.days * 86400),
                claimed_birth=birth_for_age(rng, w.start, 16, 20),
                display=f"{fake_given} {rng.choice(V.USER_WORDS)}",
                country_claim=claim,
            )
            a.ip = V.ip_vpn(rng) if rng.random() < 0.6 else ring.ip
            ring.personas.append(a)
        n_vic = max(2, min(45, int(round(lognorm(rng, P["ring_victims_median"], 0.6)))))
        for _ in range(n_vic):
            country_v = pick_country(rng, VICTIM_COUNTRIES)
            v = make_teen(w, rng, "sextortion_victim", country_v, "m" if rng.random() < 0.88 else "f")
            v.role = "victim"
            v.nets = [ring.nid]
            truthful = rng.random() < P["p_victim_profile_true_birth"]
            w.open_platform(
                rng,
                v,
                claimed_birth=v.birth
                if truthful
                else (birth_for_age(rng, w.start, 18, 21) if rng.random() < 0.6 else ""),
            )
            ring.victims.append(v)
        w.rings.append(ring)


# ---- legitimate look-alikes -----------------------------------------------------------------


def legit_alias_account(w: World, rng: random.Random, p: Person) -> None:
    """Ordinary people also use a wallet registered to a relative (a child, a sibling)."""
    if rng.random() >= w.P["p_legit_alias_account"]:
        return
    code = rng.choice(PH_EWALLETS)
    opened = w.start + int(rng.uniform(-1.5, 0.6) * w.days * 86400)
    sur = p.surname if rng.random() < 0.7 else V.ph_surname(rng)
    party = w.alias_party(
        rng,
        p,
        code,
        opened,
        rng.choice(V.PH_GIVEN_F + V.PH_GIVEN_M),
        sur,
        (18, 75),
        phone=p.phone if rng.random() < 0.3 else "",
        address=p.address,
    )
    p.ewallets.append(w.open(rng, p, code, "ewallet", opened, party=party))


def build_lookalikes(w: World, rng: random.Random) -> None:
    P = w.P
    n = w.customers
    S = P["shares"]

    def count(name: str, lo: int = 2) -> int:
        return max(lo, round(n * S[name]))

    # diaspora families: several relatives abroad support one or two recipients at home
    remaining = count("diaspora_remitter")
    while remaining > 0:
        sur = V.ph_surname(rng)
        k = min(remaining, int(Picker([1, 2, 3, 4, 5, 6], [30, 30, 18, 11, 7, 4])(rng)))  # type: ignore
        remaining -= k
        recips: list[Person] = []
        n_rec = 1 if rng.random() < 0.75 else 2
        for j in range(n_rec):
            r = w.new_person(
                rng,
                "family_recipient",
                "PH",
                "f" if rng.random() < 0.7 else "m",
                (45, 75) if j == 0 else (18, 40),
                surname=sur if rng.random() < 0.85 else "",
            )
            w.setup_ph(rng, r, pickup=0.6, bank=0.35)
            if recips:  # the second recipient lives in the same home, often on the same phone
                r.address, r.city, r.ip = recips[0].address, recips[0].city, recips[0].ip
                if rng.random() < 0.5:
                    r.devices = list(recips[0].devices)
                if rng.random() < 0.3:
                    r.phone = recips[0].phone
            if rng.random() < 0.5:
                w.open_platform(rng, r)
            legit_alias_account(w, rng, r)
            recips.append(r)
        senders = []
        for _ in range(k):
            cc = pick_country(rng, DIASPORA_COUNTRIES)
            in_law = rng.random() < P["p_diaspora_inlaw"]
            s = w.new_person(
                rng, "diaspora_remitter", cc, "", (23, 58), surname="" if in_law else sur, filipino=not in_law
            )
            w.setup_foreign(rng, s, remit=0.92, crypto=0.03)
            if rng.random() < 0.65:
                w.open_platform(rng, s)
            senders.append(s)
        w.families.append((recips, senders))

    for _ in range(count("online_seller")):
        s = w.new_person(rng, "online_seller", "PH", "f" if rng.random() < 0.7 else "m", (20, 50))
        w.setup_ph(rng, s, pickup=0.35, bank=0.55)
        if rng.random() < 0.6:
            w.open_platform(rng, s)
        legit_alias_account(w, rng, s)
    for _ in range(count("seller_customer")):
        filipino = rng.random() < 0.45
        cc = pick_country(rng, DIASPORA_COUNTRIES if filipino else FOREIGN_COUNTRIES)
        c = w.new_person(rng, "seller_customer", cc, "", (20, 65), filipino=filipino)
        w.setup_foreign(rng, c, remit=0.85)
        if rng.random() < 0.4:
            w.open_platform(rng, c)

    for _ in range(count("adult_performer")):
        cc = "PH" if rng.random() < 0.8 else pick_country(rng, FOREIGN_COUNTRIES)
        s = w.new_person(rng, "adult_performer", cc, "f" if rng.random() < 0.8 else "m", (21, 38))
        if cc == "PH":
            w.setup_ph(rng, s, pickup=0.4, bank=0.5, crypto=0.1)
        else:
            w.setup_foreign(rng, s, remit=0.2)
        w.open_platform(rng, s)
        if rng.random() < 0.3:  # a second studio account, sometimes on a shared device
            a = w.open_platform(rng, s)
            s.plat = a
    for _ in range(count("adult_customer")):
        cc = pick_country(rng, PAYER_COUNTRIES)
        c = w.new_person(rng, "adult_customer", cc, "m" if rng.random() < 0.9 else "f", (24, 72))
        w.setup_foreign(rng, c, remit=0.45, crypto=0.08)
        w.open_platform(rng, c)
        if rng.random() < P["p_payer_vpn"] * 0.6 and c.plat is not None:
            c.plat.ip = V.ip_vpn(rng)

    for _ in range(count("game_reseller")):
        cc = "PH" if rng.random() < 0.6 else pick_country(rng, FOREIGN_COUNTRIES[:4])
        s = w.new_person(rng, "game_reseller", cc, "m" if rng.random() < 0.75 else "f", (18, 32))
        if cc == "PH":
            w.setup_ph(rng, s, pickup=0.2, bank=0.3, crypto=0.15)
        else:
            w.setup_foreign(rng, s, remit=0.3)
        w.open_platform(rng, s)
    for _ in range(count("young_gamer")):
        cc = pick_country(rng, VICTIM_COUNTRIES)
        t = make_teen(w, rng, "young_gamer", cc, "m" if rng.random() < 0.8 else "f")
        if rng.random() < 0.8:
            w.open_platform(rng, t, claimed_birth=t.birth if rng.random() < 0.55 else "")
    for _ in range(count("gamer")):
        cc = "PH" if rng.random() < 0.35 else pick_country(rng, FOREIGN_COUNTRIES)
        g = w.new_person(rng, "gamer", cc, "m" if rng.random() < 0.8 else "f", (18, 40))
        if cc == "PH":
            w.setup_ph(rng, g)
        else:
            w.setup_foreign(rng, g, crypto=0.1)
        if rng.random() < 0.8:
            w.open_platform(rng, g)
            if rng.random() < 0.15 and g.plat is not None:
                g.plat.ip = V.ip_vpn(rng)

    charities = []
    for _ in range(max(2, count("charity_sponsor") // 40)):
        c = w.new_org(
            rng,
            "charity",
            "PH",
            f"{V.ph_surname(rng)} {rng.choice(['Foundation', 'Mission', 'Learning Center', 'Outreach'])}",
        )
        c.bank = w.open(rng, c, rng.choice(PH_BANKS), "bank")
        c.ewallets.append(w.open(rng, c, rng.choice(PH_EWALLETS), "ewallet"))
        charities.append(c)
    fams: list[Person] = []
    for _ in range(count("charity_sponsor")):
        cc = pick_country(rng, FOREIGN_COUNTRIES)
        s = w.new_person(rng, "charity_sponsor", cc, "", (30, 78))
        w.setup_foreign(rng, s, remit=0.7)
        if rng.random() < 0.3:
            w.open_platform(rng, s)
        fam = None
        if rng.random() < P["p_sponsor_direct"]:
            if fams and rng.random() < 0.35:
                fam = rng.choice(fams)
            else:
                fam = w.new_person(rng, "sponsored_family", "PH", "f", (25, 55))
                w.setup_ph(rng, fam, pickup=0.5)
                if rng.random() < 0.4:
                    w.open_platform(rng, fam)
                fams.append(fam)
        w.sponsor_links.append((s, fam, rng.choice(charities)))

    for _ in range(count("freelancer")):
        f = w.new_person(rng, "freelancer", "PH", "", (21, 45))
        w.setup_ph(rng, f, bank=0.7, crypto=0.1)
        if rng.random() < 0.3:
            w.open_platform(rng, f)
    clients = []
    for _ in range(count("freelance_client")):
        cc = pick_country(rng, FOREIGN_COUNTRIES)
        if rng.random() < 0.5:
            c = w.new_org(
                rng,
                "freelance_client",
                cc,
                f"{V.w_surname(rng)} {rng.choice(['Digital', 'Media', 'Consulting', 'Labs'])}",
            )
            c.bank = w.open(rng, c, w.home_bank(rng, cc), "bank")
            if rng.random() < 0.6:
                c.remit = w.open(rng, c, "globesend", "remittance")
        else:
            c = w.new_person(rng, "freelance_client", cc, "", (28, 65))
            w.setup_foreign(rng, c, remit=0.8)
        clients.append(c)
    for f in w.by_cohort.get("freelancer", []):
        for c in rng.sample(clients, min(len(clients), rng.choice([1, 1, 2, 3]))):
            w.freelance_links.append((c, f))

    mules = []
    for _ in range(count("romance_mule")):
        m = w.new_person(rng, "romance_mule", "PH", "f" if rng.random() < 0.6 else "m", (20, 45))
        w.setup_ph(rng, m, pickup=0.7, bank=0.4, crypto=0.2)
        for _ in range(rng.randint(0, 2)):
            code = rng.choice(PH_EWALLETS)
            m.ewallets.append(
                w.open(rng, m, code, "ewallet", w.start + int(rng.uniform(0, 0.6) * w.days * 86400))
            )
        w.open_platform(rng, m)
        mules.append(m)
    for _ in range(count("romance_victim")):
        cc = pick_country(rng, PAYER_COUNTRIES)
        v = w.new_person(rng, "romance_victim", cc, "m" if rng.random() < 0.6 else "f", (42, 78))
        w.setup_foreign(rng, v, remit=0.9)
        w.open_platform(rng, v)
        w.romance_links.append((v, rng.sample(mules, min(len(mules), rng.choice([1, 1, 2, 3])))))

    for _ in range(count("crypto_trader")):
        cc = "PH" if rng.random() < 0.55 else pick_country(rng, FOREIGN_COUNTRIES)
        t = w.new_person(rng, "crypto_trader", cc, "m" if rng.random() < 0.75 else "f", (20, 55))
        if cc == "PH":
            w.setup_ph(rng, t, crypto=1.0, bank=0.6)
        else:
            w.setup_foreign(rng, t, crypto=1.0, remit=0.3)
            if t.crypto is None:
                t.crypto = w.open(rng, t, "coinharbor", "crypto")

    for _ in range(max(1, count("couple") // 2)):
        cc = pick_country(rng, PAYER_COUNTRIES)
        pa = w.new_person(rng, "couple", cc, "m" if rng.random() < 0.8 else "f", (28, 68))
        w.setup_foreign(rng, pa, remit=0.95)
        pb = w.new_person(rng, "couple", "PH", "f" if pa.gender == "m" else "m", (21, 45))
        w.setup_ph(rng, pb, pickup=0.5)
        w.open_platform(rng, pa)
        w.open_platform(rng, pb)
        kin: Person | None = None
        if rng.random() < 0.35:
            kin = w.new_person(rng, "family_recipient", "PH", "f", (40, 70), surname=pb.surname)
            kin.address, kin.city = pb.address, pb.city
            w.setup_ph(rng, kin, pickup=0.6)
        w.couples.append((pa, pb, kin))

    for _ in range(count("traveller")):
        cc = pick_country(rng, PAYER_COUNTRIES)
        t = w.new_person(rng, "traveller", cc, "", (25, 70))
        w.setup_foreign(rng, t, remit=0.3)
        if rng.random() < 0.4:
            w.open_platform(rng, t)

    for _ in range(count("streamer")):
        cc = "PH" if rng.random() < 0.6 else pick_country(rng, FOREIGN_COUNTRIES)
        s = w.new_person(rng, "streamer", cc, "", (18, 40))
        if cc == "PH":
            w.setup_ph(rng, s)
        else:
            w.setup_foreign(rng, s)
        w.open_platform(rng, s)

    # everyone else: ordinary residents at home and abroad
    counted = sum(
        len(v)
        for k, v in w.by_cohort.items()
        if k not in ("merchant", "organization", "charity", "child_victim", "freelance_client")
    )
    for _ in range(max(0, n - counted)):
        ph = rng.random() < P["p_ordinary_ph"]
        cc = "PH" if ph else pick_country(rng, FOREIGN_COUNTRIES)
        o = w.new_person(rng, "ordinary", cc, "", (19, 80))
        if ph:
            w.setup_ph(rng, o, pickup=0.15, crypto=0.02)
        else:
            w.setup_foreign(rng, o, remit=0.12, crypto=0.03)
        if rng.random() < P["p_ordinary_platform"]:
            w.open_platform(rng, o)
    # internet cafes are used by many people, not only by households
    for p in w.persons:
        if p.country == "PH" and p.plat is not None and p.role == "" and rng.random() < P["p_cafe_user"]:
            p.plat.ip = rng.choice(w.cafe_ips)


def settle_dates(w: World, rng: random.Random) -> None:
    """Opening and closing dates that agree with each account's activity, for everyone alike."""
    P = w.P
    big = 1 << 62
    for a in w.accounts:
        if a.first < big and a.opened > a.first:  # never happens: the sink drops earlier activity
            a.opened = a.first - rng.randrange(3600, 30 * 86400)
        if (
            not a.closed
            and a.last
            and a.last < w.end - 60 * 86400
            and not a.owner.org
            and rng.random() < P["p_account_closed"]
        ):
            a.closed = a.last + rng.randrange(86400, 45 * 86400)
    for party in w.parties:
        party.created = big
    for a in w.accounts:
        if a.party is not None and a.opened < a.party.created:
            a.party.created = a.opened
    for party in w.parties:
        if party.created == big:
            party.created = w.start
