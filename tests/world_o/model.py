"""Plain record classes: true persons, the party records sources hold, and accounts."""

from __future__ import annotations


class Person:
    __slots__ = (
        "pid",
        "cohort",
        "role",
        "nets",
        "traits",
        "first",
        "middle",
        "last",
        "gender",
        "birth",
        "country",
        "city",
        "address",
        "tz",
        "hours",
        "round_p",
        "email",
        "phone",
        "accounts",
        "parties",
        "plat",
        "devices",
        "ip",
        "vpn",
        "id_number",
        "kind",
        "payments",
        "blank_refs",
        "extra",
    )

    def __init__(self, pid: str, cohort: str):
        self.pid = pid
        self.cohort = cohort
        self.role = ""
        self.nets: list[str] = []
        self.traits: list[str] = []
        self.first = self.middle = self.last = ""
        self.gender = ""
        self.birth = ""
        self.country = ""
        self.city = ""
        self.address = ""
        self.tz = 0
        self.hours: list[float] = []
        self.round_p = 0.3
        self.email = ""
        self.phone = ""
        self.accounts: list[Account] = []
        self.parties: dict[str, Party] = {}
        self.plat: list[Account] = []
        self.devices: list[str] = []
        self.ip = ""
        self.vpn = False
        self.id_number = ""
        self.kind = "person"
        self.payments = 0  # offender payers: payments made (world, not view)
        self.blank_refs = 0
        self.extra: dict = {}

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}" if self.kind == "person" else self.first

    def trait(self, t: str) -> None:
        if t not in self.traits:
            self.traits.append(t)

    def acct(self, *kinds_or_insts: str) -> "Account | None":
        """First open account matching an institution code or a kind."""
        for a in self.accounts:
            if a.inst.code in kinds_or_insts or a.kind in kinds_or_insts:
                return a
        return None

    def accts(self, *kinds_or_insts: str) -> list["Account"]:
        return [a for a in self.accounts if a.inst.code in kinds_or_insts or a.kind in kinds_or_insts]


class Party:
    __slots__ = (
        "party_id",
        "source",
        "person",
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

    def __init__(self, party_id: str, source: str, person: Person):
        self.party_id = party_id
        self.source = source
        self.person = person
        self.kind = "person"
        self.name = ""
        self.birth = ""
        self.gender = ""
        self.country = ""
        self.city = ""
        self.address = ""
        self.phone = ""
        self.email = ""
        self.id_number = ""
        self.created = 0


class Account:
    __slots__ = (
        "account_id",
        "inst",
        "kind",
        "person",
        "party",
        "country",
        "currency",
        "opened",
        "closed",
        "username",
        "display",
        "banned",
        "listed",
        "name_on",
    )

    def __init__(self, account_id, inst, kind, person, party, country, currency, opened, listed=True):
        self.account_id = account_id
        self.inst = inst
        self.kind = kind
        self.person = person
        self.party = party
        self.country = country
        self.currency = currency
        self.opened = opened
        self.closed = 0
        self.username = ""
        self.display = ""
        self.banned = ""
        self.listed = listed
        self.name_on = ""  # the name payment messages carry for this account

    def open_at(self, t: int) -> bool:
        return self.opened <= t and (not self.closed or t < self.closed)
