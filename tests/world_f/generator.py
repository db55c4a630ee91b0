"""World F generator: pooled PH cash-pickup network + crypto P2P desk + small PH bank.

Usage: python -m tests.world_f.generator OUT --seed N --customers 50000 [--view receiver]
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from . import names as N

REMIT, CRYPTO, BANK = "palawan-padala", "bayanx-exchange", "rural-bank-sta-rosa"
SOURCES = (REMIT, CRYPTO, BANK)
OFFENDER_COHORTS = ("offender_payer", "facilitator", "sextortion_victim", "extortionist")
LEGIT_COHORTS = (
    "diaspora_remitter",
    "family_recipient",
    "seafarer",
    "seafarer_family",
    "online_seller",
    "seller_customer",
    "freelancer",
    "freelance_client",
    "adult_performer",
    "adult_customer",
    "romance_victim",
    "romance_mule",
    "crypto_trader",
    "student",
    "traveller",
    "charity_sponsor",
    "charity",
    "ordinary",
    "merchant",
    "organization",
)
COHORTS = OFFENDER_COHORTS + LEGIT_COHORTS

PARTY_COLS = [
    "party_id",
    "source",
    "kind",
    "name",
    "birth_date",
    "gender",
    "country",
    "city",
    "address",
    "phone",
    "email",
    "id_number",
    "created_at",
]
ACCT_COLS = [
    "account_id",
    "source",
    "party_id",
    "kind",
    "country",
    "username",
    "display_name",
    "opened_at",
    "closed_at",
    "banned_reason",
]
TXN_COLS = [
    "txn_id",
    "source",
    "timestamp",
    "amount",
    "currency",
    "sender_account_id",
    "receiver_account_id",
    "channel",
    "sender_country",
    "receiver_country",
    "reference",
    "merchant_category",
    "merchant_name",
    "branch_id",
    "funding",
    "asset",
    "asset_amount",
    "payout_amount_php",
]
MSG_COLS = [
    "message_id",
    "source",
    "sent_at",
    "sender_account_id",
    "recipient_account_id",
    "session_id",
    "text",
]


def fmt_ts(utc: float, off: int = 0) -> str:
    """ISO 8601 with offset (``Z`` for UTC)."""
    t = time.gmtime(int(utc) + off * 3600)
    s = time.strftime("%Y-%m-%dT%H:%M:%S", t)
    if off == 0:
        return s + "Z"
    return s + (f"+{off:02d}:00" if off > 0 else f"-{-off:02d}:00")


class Person:
    __slots__ = (
        "pid",
        "cohort",
        "role",
        "nets",
        "traits",
        "name",
        "gender",
        "birth",
        "country",
        "city",
        "addr",
        "phone",
        "email",
        "parties",
        "kind",
        "info",
    )

    def __init__(self, pid: str, cohort: str, country: str) -> None:
        self.pid, self.cohort, self.country = pid, cohort, country
        self.role = ""
        self.nets: list[str] = []
        self.traits: list[str] = []
        self.name = self.gender = self.birth = self.city = self.addr = ""
        self.phone = self.email = ""
        self.parties: dict[str, str] = {}
        self.kind = "person"
        self.info: dict[str, Any] = {}


class World:
    def __init__(self, out: str, seed: int, customers: int, view: str) -> None:
        self.rng = np.random.default_rng(seed)
        self.seed, self.n, self.view = seed, customers, view
        self.out = out
        r = self.rng
        self.salt = [int(x) for x in r.integers(0, 10**10, 8)]
        y = int(r.integers(2022, 2024))
        base = time.mktime((y, int(r.integers(1, 7)), 1, 0, 0, 0, 0, 0, 0)) - time.timezone
        self.t0 = float(base)
        self.days = int(r.integers(420, 731))
        # world parameters (randomised per seed => detectability varies)
        self.p = {
            "payer_rate": float(r.uniform(0.001, 0.003)),
            "p_kw": float(r.uniform(0.05, 0.45)),
            "p_night": float(r.uniform(0.35, 0.85)),
            "p_round": float(r.uniform(0.3, 0.85)),
            "p_inbound": float(r.uniform(0.25, 0.6)),
            "p_multi": float(r.uniform(0.08, 0.3)),
            "p_ban": float(r.uniform(0.0, 0.08)),
            "p_chat": float(r.uniform(0.2, 0.7)),
            "lookalike": float(r.uniform(0.7, 1.4)),
            "bank_share": float(r.uniform(0.3, 0.5)),
            "noise": float(r.uniform(0.01, 0.04)),
        }
        w = r.dirichlet([4, 2, 2, 2, 1.5])
        self.payer_kind_w = dict(zip(["remit", "card_remit", "crypto", "careful", "few"], w, strict=False))
        self.persons: list[Person] = []
        self.acc_truth: dict[str, tuple[str, str]] = {}
        self.visible: set[str] = set()
        self.nparty = self.nacct = self.ntx = self.nmsg = 0
        self.branches = [f"BR-{i:04d}" for i in range(int(max(30, customers // 250)))]
        self.branch_w = r.pareto(1.2, len(self.branches)) + 1
        self.branch_w /= self.branch_w.sum()
        self.counts: dict[str, int] = {}
        os.makedirs(os.path.join(out, "bundle"), exist_ok=True)
        os.makedirs(os.path.join(out, "truth"), exist_ok=True)
        self.fh: dict[str, Any] = {}
        self.w: dict[str, Any] = {}
        for tname, cols in (
            ("parties", PARTY_COLS),
            ("accounts", ACCT_COLS),
            ("transactions", TXN_COLS),
            ("messages", MSG_COLS),
        ):
            if tname == "messages" and view == "receiver":
                continue
            f = open(os.path.join(out, "bundle", tname + ".csv"), "w", newline="", encoding="utf-8")
            self.fh[tname] = f
            self.w[tname] = csv.writer(f)
            self.w[tname].writerow(cols)

    # ------------------------------------------------------------------ basics
    def sid(self, n: int, kind: int) -> str:
        """Unique, order-hiding id number (a bijection on 10**10 per kind)."""
        return f"{(n * 2654435761 + self.salt[kind]) % 10**10:010d}"

    def keep(self, src: str) -> bool:
        return self.view != "receiver" or src == REMIT

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.rng.integers(len(seq)))]

    def wchoice(self, d: dict[str, float]) -> str:
        k = list(d)
        p = np.array([d[x] for x in k], dtype=float)
        return k[int(self.rng.choice(len(k), p=p / p.sum()))]

    def tz(self, c: str) -> int:
        return N.COUNTRY.get(c, (0, "USD", 1.0))[0]

    def cur(self, c: str) -> str:
        return N.COUNTRY.get(c, (0, "USD", 1.0))[1]

    def usd(self, c: str) -> float:
        return N.COUNTRY.get(c, (0, "USD", 1.0))[2]

    def when(self, day: float, hour: float, off: int) -> float:
        return self.t0 + int(day) * 86400 + hour * 3600 - off * 3600 + float(self.rng.uniform(0, 3599))

    def hour(self, style: str) -> float:
        r = self.rng
        if style == "night":
            return float(self.choice([22, 23, 24, 25, 26, 27]))
        if style == "day":
            return float(r.integers(8, 18))
        if style == "evening":
            return float(r.integers(17, 23))
        return float(r.choice(24, p=HOUR_W))

    def person(
        self,
        cohort: str,
        country: str,
        gender: str = "",
        age: tuple[int, int] = (22, 65),
        surname: str = "",
        kind: str = "person",
    ) -> Person:
        r = self.rng
        p = Person(f"P{self.sid(len(self.persons), 6)}", cohort, country)
        p.kind = kind
        self.counts[cohort] = self.counts.get(cohort, 0) + 1
        if kind == "organization":
            p.name = self.org_name(cohort, country)
        else:
            p.gender = gender or ("f" if r.random() < 0.5 else "m")
            if country == "PH":
                first = self.choice(N.PH_FIRST_F if p.gender == "f" else N.PH_FIRST_M)
                last = surname or self.choice(N.PH_LAST)
            elif country in ("NG", "GH", "CI"):
                first, last = self.choice(N.AF_FIRST), self.choice(N.AF_LAST)
            else:
                first = self.choice(N.W_FIRST_F if p.gender == "f" else N.W_FIRST_M)
                last = self.choice(N.W_LAST)
            p.name = f"{first} {last.replace('_', ' ')}"
            y = 2024 - int(r.integers(age[0], age[1] + 1))
            p.birth = f"{y:04d}-{int(r.integers(1, 13)):02d}-{int(r.integers(1, 29)):02d}"
        p.city = self.choice(N.PH_CITIES) if country == "PH" else ""
        if country == "PH":
            p.addr = f"{int(r.integers(1, 999))} {self.choice(N.BARANGAYS)}, {p.city}"
            p.phone = f"+639{int(r.integers(10**8, 10**9 - 1))}"
        else:
            p.phone = f"+{int(r.integers(10**9, 10**10))}"
        p.email = p.name.lower().replace(" ", ".") + f"{int(r.integers(1, 999))}@mail.example"
        self.persons.append(p)
        return p

    def org_name(self, cohort: str, country: str) -> str:
        base = {
            "merchant": ["Sari-Sari", "Mart", "Pharmacy", "Bakery", "Hardware", "Eatery", "Mall"],
            "charity": ["Foundation", "Children's Fund", "Mission", "Scholarship Trust"],
        }.get(cohort, ["Manning Agency", "Software Ltd", "Studio", "Services Inc", "Trading"])
        return (
            f"{self.choice(N.W_LAST if country != 'PH' else N.PH_LAST).replace('_', ' ')} "
            f"{self.choice(base)} {int(self.rng.integers(1, 99))}"
        )

    def noisy_name(self, name: str) -> str:
        r = self.rng
        if r.random() > self.p["noise"] * 3 or len(name) < 5:
            return name
        k = int(r.integers(0, 4))
        if k == 0:
            return name.upper()
        if k == 1:
            i = int(r.integers(1, len(name) - 1))
            return name[:i] + name[i + 1 :]
        if k == 2:
            parts = name.split()
            return ", ".join([parts[-1]] + parts[:-1]) if len(parts) > 1 else name
        return name.replace("a", "e", 1)

    def party(self, p: Person, src: str) -> str:
        if src in p.parties:
            return p.parties[src]
        r = self.rng
        self.nparty += 1
        pid = f"{src[:2].upper()}-{self.sid(self.nparty, 1)}"
        p.parties[src] = pid
        if self.keep(src):
            created = fmt_ts(self.t0 - float(r.uniform(0, 4 * 365)) * 86400, 8 if src != CRYPTO else 0)
            noise = self.p["noise"]
            self.w["parties"].writerow(
                [
                    pid,
                    src,
                    p.kind if p.kind != "person" or r.random() > 0.3 else "",
                    self.noisy_name(p.name),
                    "" if r.random() < noise * 2 else p.birth,
                    p.gender,
                    "" if r.random() < noise else p.country,
                    p.city,
                    p.addr if r.random() > noise else "",
                    p.phone if r.random() > noise * 2 else "",
                    p.email if src != REMIT else "",
                    f"ID{int(r.integers(10**7, 10**8))}" if r.random() > noise else "",
                    created,
                ]
            )
        return pid

    def account(
        self,
        p: Person,
        src: str,
        kind: str,
        country: str = "",
        in_table: bool = True,
        with_party: bool = True,
        aid: str = "",
        username: str = "",
    ) -> str:
        self.nacct += 1
        if not aid:
            pre = {REMIT: "RP", CRYPTO: "BX", BANK: "RB"}.get(src, "EX")
            aid = f"{pre}{kind[:2].upper()}{self.sid(self.nacct, 2)}"
        party = self.party(p, src) if with_party else ""
        self.acc_truth[aid] = (party if self.keep(src) else "", p.pid)
        if in_table and self.keep(src):
            r = self.rng
            opened = fmt_ts(
                self.t0 - float(r.uniform(0, 3 * 365)) * 86400 + float(r.uniform(0, self.days * 0.3)) * 86400,
                0,
            )
            banned = ""
            closed = ""
            if p.cohort == "facilitator" and r.random() < self.p["p_ban"]:
                closed = fmt_ts(self.t0 + self.days * 86400 * float(r.uniform(0.8, 1.0)), 8)
                banned = "child sexual exploitation"
            self.w["accounts"].writerow(
                [
                    aid,
                    src,
                    "" if r.random() < self.p["noise"] / 2 else party,
                    kind,
                    country or p.country,
                    username,
                    "",
                    opened,
                    closed,
                    banned,
                ]
            )
            self.visible.add(aid)
        return aid

    def ext(self, p: Person, kind: str, pre: str = "") -> str:
        """An account at an institution outside the bundle (only ever seen as counterparty)."""
        self.nacct += 1
        pre = pre or {"ewallet": "GC09", "crypto": "0x", "card": "CARD", "bank": "XB"}[kind]
        aid = f"{pre}{self.sid(self.nacct, 3)}"
        self.acc_truth[aid] = ("", p.pid)
        return aid

    def tx(
        self,
        src: str,
        utc: float,
        amount: float,
        cur: str,
        snd: str,
        rcv: str,
        ch: str,
        sc: str = "",
        rc: str = "",
        ref: str = "",
        mcc: str = "",
        mname: str = "",
        branch: str = "",
        funding: str = "",
        asset: str = "",
        asset_amt: str = "",
        payout: str = "",
        off: int | None = None,
    ) -> str:
        if not self.keep(src):
            return ""
        if utc < self.t0 or utc > self.t0 + self.days * 86400:
            return ""
        self.ntx += 1
        tid = f"T{self.sid(self.ntx, 4)}"
        if off is None:
            off = 0 if src == CRYPTO else 8
        dec = 0 if cur in ("JPY", "KRW", "XOF") else 2
        amt = max(round(amount, dec), 1.0 if dec == 0 else 0.01)
        if self.rng.random() < self.p["noise"] / 3:
            sc = ""
        self.w["transactions"].writerow(
            [
                tid,
                src,
                fmt_ts(utc, off),
                f"{amt:.{dec}f}",
                cur,
                snd,
                rcv,
                ch,
                sc,
                rc,
                ref,
                mcc,
                mname,
                branch,
                funding,
                asset,
                asset_amt,
                payout,
            ]
        )
        self.visible.add(snd)
        self.visible.add(rcv)
        return tid

    def msg(self, utc: float, snd: str, rcv: str, text: str, session: str) -> None:
        if not self.keep(CRYPTO):
            return
        self.nmsg += 1
        self.w["messages"].writerow(
            [f"M{self.sid(self.nmsg, 5)}", CRYPTO, fmt_ts(utc, 0), snd, rcv, session, text]
        )

    def branch(self, home: int) -> str:
        r = self.rng
        if r.random() < 0.8:
            return self.branches[home]
        return self.branches[int(r.choice(len(self.branches), p=self.branch_w))]

    def home_branch(self) -> int:
        return int(self.rng.choice(len(self.branches), p=self.branch_w))

    # -------------------------------------------------------------- money legs
    def local_amount(self, usd: float, c: str, round_it: bool) -> float:
        v = usd / self.usd(c)
        if round_it:
            step = 10 ** max(0, int(np.floor(np.log10(max(v, 1.0)))) - 1)
            step = step * (5 if self.rng.random() < 0.5 else 1)
            v = max(step, round(v / step) * step)
        return v

    def remit(
        self,
        snd: str,
        snd_c: str,
        rcv: str,
        rcv_p: Person,
        utc: float,
        usd: float,
        round_it: bool,
        ref: str,
        funding: str = "cash",
        home: int = 0,
        pickup: bool = True,
    ) -> str:
        cur = self.cur(snd_c)
        amt = self.local_amount(usd, snd_c, round_it)
        php = amt * self.usd(snd_c) / self.usd("PH") * float(self.rng.uniform(0.97, 0.99))
        return self.tx(
            REMIT,
            utc,
            amt,
            cur,
            snd,
            rcv,
            "cash_pickup" if pickup else "remittance",
            snd_c,
            "PH",
            ref,
            branch=self.branch(home) if pickup else "",
            funding=funding,
            payout=f"{php:.2f}",
        )

    def crypto_send(
        self,
        snd: str,
        rcv: str,
        utc: float,
        usd: float,
        asset: str = "USDT",
        sc: str = "",
        rc: str = "",
        ref: str = "",
    ) -> str:
        amt = usd if asset == "USDT" else usd / float(self.rng.uniform(25000, 70000))
        return self.tx(
            CRYPTO,
            utc,
            usd,
            "USD",
            snd,
            rcv,
            "crypto",
            sc,
            rc,
            ref,
            asset=asset,
            asset_amt=f"{amt:.8f}".rstrip("0").rstrip("."),
        )

    def card_buy(self, card: str, wallet: str, c: str, utc: float, usd: float) -> None:
        amt = self.local_amount(usd * 1.02, c, False)
        self.tx(
            CRYPTO,
            utc,
            amt,
            self.cur(c),
            card,
            wallet,
            "card",
            c,
            "",
            "",
            "6051",
            "BAYANX EXCHANGE",
            funding="card",
        )

    def p2p_payout(self, wallet: str, payout: str, utc: float, usd: float, ch: str) -> str:
        php = usd / self.usd("PH") * float(self.rng.uniform(0.985, 1.01))
        return self.tx(
            CRYPTO,
            utc,
            php,
            "PHP",
            wallet,
            payout,
            ch,
            "PH",
            "PH",
            f"P2P {int(self.rng.integers(10**6, 10**7))}",
        )

    # ============================================================ population
    def build(self) -> None:
        r, n, la = self.rng, self.n, self.p["lookalike"]
        self.merchants = [
            self.person("merchant", "PH", kind="organization") for _ in range(max(20, n // 200))
        ]
        self.merchant_acc = [self.account(m, BANK, "merchant") for m in self.merchants]
        self.merchant_mcc = [
            self.choice(["5411", "5812", "5912", "5541", "4900", "4814", "5311", "5999", "6011"])
            for _ in self.merchants
        ]
        self.employers = [
            self.person("organization", "PH", kind="organization") for _ in range(max(5, n // 1500))
        ]
        self.employer_acc = [self.account(e, BANK, "bank") for e in self.employers]
        self.orgs_done = len(self.persons)
        # offenders first (so ids do not reveal anything, persons are shuffled at output)
        self.sextortion()
        self.households()
        # look-alikes
        remaining = n - (len(self.persons) - self.orgs_done)
        share = {
            "diaspora": 0.13,
            "seafarer": 0.02,
            "seller": 0.012 * la,
            "freelancer": 0.015 * la,
            "adult": 0.005 * la,
            "romance": 0.006 * la,
            "trader": 0.01 * la,
            "student": 0.02 * la,
            "traveller": 0.02 * la,
            "charity": 0.015 * la,
        }
        for k, v in share.items():
            share[k] = v * float(r.uniform(0.7, 1.3))
        self.diaspora(int(remaining * share["diaspora"]))
        self.seafarers(int(remaining * share["seafarer"]))
        self.sellers(int(remaining * share["seller"]))
        self.freelancers(int(remaining * share["freelancer"]))
        self.adult(int(remaining * share["adult"]))
        self.romance(int(remaining * share["romance"]))
        self.traders(int(remaining * share["trader"]))
        self.students(int(remaining * share["student"]))
        self.travellers(int(remaining * share["traveller"]))
        self.charities(int(remaining * share["charity"]))
        self.ordinary(max(0, n - (len(self.persons) - self.orgs_done)))

    # ---------------------------------------------------------------- offenders
    def households(self) -> None:
        r, P = self.rng, self.p
        n_payers = max(6, int(round(self.n * P["payer_rate"])))
        n_hh = max(3, int(n_payers / float(r.uniform(3, 8))))
        hh: list[dict[str, Any]] = []
        for h in range(n_hh):
            net = f"osec-{self.seed:03d}-{h:02d}"
            surname = self.choice(N.PH_LAST)
            home = self.home_branch()
            members: list[dict[str, Any]] = []
            for j in range(int(r.integers(2, 6))):
                g = "f" if (j == 0 or r.random() < 0.65) else "m"
                sn = surname if r.random() < 0.7 else self.choice(N.PH_LAST)
                f = self.person("facilitator", "PH", g, (22, 62), sn)
                f.role, f.nets = "facilitator", [net]
                if j:
                    f.city = members[0]["p"].city
                    f.addr = (
                        members[0]["p"].addr
                        if r.random() < 0.5
                        else f"{int(r.integers(1, 999))} {self.choice(N.BARANGAYS)}, {f.city}"
                    )
                m: dict[str, Any] = {"p": f, "home": self.home_branch() if r.random() < 0.6 else home}
                m["remit"] = self.account(f, REMIT, "remittance")
                if r.random() < 0.15:  # duplicate KYC record with a name variant
                    f.parties.pop(REMIT, None)
                    m["remit2"] = self.account(f, REMIT, "remittance")
                if r.random() < 0.35:
                    m["bank"] = self.account(f, BANK, "bank")
                members.append(m)
            crypto_m = [m for m in members if r.random() < 0.5][:2]
            for m in crypto_m:
                f = m["p"]
                m["wallet"] = self.account(f, CRYPTO, "crypto")
                m["payout"] = m.get("bank") or self.ext(f, "ewallet")
            hh.append(
                {
                    "net": net,
                    "members": members,
                    "crypto": crypto_m,
                    "w": float(r.pareto(1.1) + 1),
                    "home": home,
                }
            )
            self.ordinary_life(members[0]["p"], bank_acc=members[0].get("bank"))
        wts = np.array([h["w"] for h in hh])
        wts /= wts.sum()
        for _ in range(n_payers):
            kind = self.wchoice(self.payer_kind_w)
            c = self.wchoice(N.OFFENDER_CORRIDORS)
            p = self.person("offender_payer", c, "m" if r.random() < 0.95 else "f", (30, 72))
            p.role = "payer"
            k = 1
            if kind != "few" and r.random() < P["p_multi"]:
                k = int(r.integers(2, 5))
            idx = list(r.choice(len(hh), size=min(k, len(hh)), replace=False, p=wts))
            targets = [hh[i] for i in idx]
            if kind == "crypto" and not any(t["crypto"] for t in targets):
                cands = [i for i in range(len(hh)) if hh[i]["crypto"]]
                if cands:
                    targets[0] = hh[self.choice(cands)]
                else:
                    kind = "card_remit"
            p.info["kind"] = kind
            self.pay_offender(p, kind, targets)

    def pay_offender(self, p: Person, kind: str, targets: list[dict[str, Any]]) -> None:
        r, P = self.rng, self.p
        off = self.tz(p.country)
        inbound = kind in ("remit", "few", "careful") and r.random() < P["p_inbound"]
        if inbound:
            snd = self.ext(p, "bank", f"PT{p.country}")
        elif kind == "crypto":
            snd = self.account(p, CRYPTO, "crypto", username=f"u{int(r.integers(10**5, 10**6))}")
            card = self.account(p, CRYPTO, "card")
        else:
            snd = self.account(p, REMIT, "remittance")
        if inbound:
            p.info["inbound"] = True
        start = float(r.uniform(0, self.days * 0.85))
        if kind == "few":
            n_pay = int(r.integers(1, 5))
            span = float(r.uniform(1, 90))
        else:
            span = float(r.uniform(30, self.days - start))
            rate = float(r.lognormal(np.log(5), 0.6)) / 30  # per day
            n_pay = max(5, int(span * rate))
        careful = kind == "careful"
        base_usd = float(r.lognormal(np.log(120 if careful else 45), 0.45))
        style = "day" if careful else ("night" if r.random() < P["p_night"] else "any")
        rounder = (not careful) and r.random() < P["p_round"]
        kw = 0.0 if kind == "few" else (P["p_kw"] * (0.5 if careful else 1.3))
        fixed_ref = self.choice(["family support", "allowance", "help"]) if careful else ""
        # escalation: times skewed towards the end of the span
        days = np.sort(start + span * r.beta(1.6, 1.0, n_pay))
        paid_nets: list[str] = []
        chat = kind == "crypto" and r.random() < P["p_chat"]
        for i, d in enumerate(days):
            t = targets[i % len(targets)] if r.random() < 0.7 else self.choice(targets)
            esc = 1.0 + 0.8 * (i / max(1, n_pay - 1)) * (0 if careful else 1)
            usd = base_usd * esc * float(r.lognormal(0, 0.25))
            usd = min(usd, 480.0)
            h = self.hour(style)
            utc = self.when(d, h, off)
            if kind == "few":
                ref = "" if r.random() < 0.85 else self.choice(N.OFFENDER_REFS)
            elif careful:
                ref = fixed_ref if r.random() < 0.5 else ""
            else:
                ref = self.choice(N.OFFENDER_REFS) if r.random() < kw else ""
            if kind == "crypto" and t["crypto"]:
                m = self.choice(t["crypto"])
                usd = float(round(usd / 5) * 5) if rounder else usd
                self.card_buy(card, snd, p.country, utc - float(r.uniform(60, 1800)), usd)
                tid = self.crypto_send(
                    snd, m["wallet"], utc, usd, "USDT" if r.random() < 0.8 else "BTC", p.country, "PH"
                )
                if chat and tid:
                    sess = f"p2p-{tid}"
                    self.msg(utc - 120, snd, m["wallet"], self.choice(N.CHAT_PAYER), sess)
                    self.msg(
                        utc + float(r.uniform(60, 900)), m["wallet"], snd, self.choice(N.CHAT_RECEIVER), sess
                    )
                    if "chat" not in p.traits:
                        p.traits.append("chat")
                    if "chat" not in m["p"].traits:
                        m["p"].traits.append("chat")
                if r.random() < 0.6:  # facilitator cashes out through the P2P desk
                    self.p2p_payout(
                        m["wallet"],
                        m["payout"],
                        utc + float(r.uniform(0.2, 30)) * 3600,
                        usd,
                        "bank_transfer" if m["payout"].startswith("RB") else "ewallet",
                    )
            else:
                m = self.choice(t["members"])
                rcv = m.get("remit2") if ("remit2" in m and r.random() < 0.4) else m["remit"]
                funding = "card" if kind == "card_remit" else self.choice(["cash", "bank", "cash"])
                tid = self.remit(
                    snd,
                    p.country,
                    rcv,
                    m["p"],
                    utc,
                    usd,
                    rounder,
                    ref,
                    funding,
                    m["home"],
                    pickup=r.random() < 0.8,
                )
            if tid and t["net"] not in paid_nets:
                paid_nets.append(t["net"])
        p.info["n_pay"] = len(days)
        p.nets = paid_nets
        if not inbound and kind != "crypto" and r.random() < 0.3:
            # some other life at the remitter: payments to a legit PH acquaintance
            q = (
                self.choice(self.persons[self.orgs_done :])
                if len(self.persons) > self.orgs_done + 5
                else None
            )
            if q is not None and q.cohort in ("ordinary", "family_recipient") and kind != "few":
                acc = self.account(q, REMIT, "remittance")
                self.remit(
                    snd,
                    p.country,
                    acc,
                    q,
                    self.when(r.uniform(0, self.days), 14, off),
                    float(r.uniform(50, 200)),
                    True,
                    "gift",
                )

    def sextortion(self) -> None:
        r = self.rng
        for k in range(int(r.integers(2, 7))):
            net = f"sext-{self.seed:03d}-{k:02d}"
            ph = r.random() < 0.45
            cols = []
            for _ in range(int(r.integers(1, 4))):
                c = "PH" if ph else self.choice(["NG", "NG", "CI", "GH"])
                e = self.person("extortionist", c, "m", (19, 35))
                e.role, e.nets = "facilitator", [net]
                if ph:
                    cols.append(
                        {"p": e, "acc": self.account(e, REMIT, "remittance"), "home": self.home_branch()}
                    )
                else:
                    cols.append(
                        {"p": e, "acc": self.account(e, CRYPTO, "crypto", c), "out": self.ext(e, "crypto")}
                    )
            t_start = float(r.uniform(0, self.days * 0.7))
            for _ in range(int(r.integers(4, 25))):
                c = self.choice(["US", "US", "US", "CA", "GB", "AU"])
                v = self.person("sextortion_victim", c, "m" if r.random() < 0.9 else "f", (14, 17))
                v.role, v.nets = "victim", [net]
                col = self.choice(cols)
                d0 = t_start + float(r.uniform(0, 200))
                usd = float(self.choice([50, 100, 150, 200, 250]))
                off = self.tz(c)
                if ph:
                    inbound = r.random() < 0.6
                    snd = self.ext(v, "bank", f"PT{c}") if inbound else self.account(v, REMIT, "remittance")
                else:
                    snd = self.account(v, CRYPTO, "crypto")
                    card = self.account(v, CRYPTO, "card")
                for i in range(int(r.integers(1, 6))):
                    utc = self.when(d0 + i * float(r.uniform(0.05, 1.0)), self.hour("any"), off)
                    if ph:
                        self.remit(snd, c, col["acc"], col["p"], utc, usd, True, "", "card", col["home"])
                    else:
                        self.card_buy(card, snd, c, utc - 600, usd)
                        self.crypto_send(snd, col["acc"], utc, usd, "USDT", c, col["p"].country)
                        self.crypto_send(
                            col["acc"], col["out"], utc + 7200, usd * 0.98, "USDT", col["p"].country, ""
                        )
                    usd = min(1500.0, usd * float(r.uniform(1.0, 2.0)))

    # --------------------------------------------------------------- look-alikes
    def monthly(self, start: float, end: float, jitter: float = 3.0) -> list[float]:
        r = self.rng
        out = []
        d = start
        while d < end:
            out.append(d + float(r.uniform(-jitter, jitter)))
            d += 30.4
        return out

    def diaspora(self, n: int) -> None:
        r = self.rng
        made = 0
        while made < n:
            rec = self.person("family_recipient", "PH", "f" if r.random() < 0.7 else "m", (35, 75))
            home = self.home_branch()
            racc = self.account(rec, REMIT, "remittance")
            if r.random() < self.p["bank_share"]:
                self.ordinary_life(rec, bank_acc=self.account(rec, BANK, "bank"))
            k = int(r.integers(2, 5)) if r.random() < 0.25 else 1
            made += 1
            for _ in range(k):
                c = self.wchoice(N.DIASPORA_CORRIDORS)
                s = self.person("diaspora_remitter", c, age=(24, 60), surname=rec.name.split()[-1])
                made += 1
                inbound = r.random() < 0.45
                snd = self.ext(s, "bank", f"PT{c}") if inbound else self.account(s, REMIT, "remittance")
                usd = float(r.lognormal(np.log(250), 0.5))
                start = float(r.uniform(0, 120))
                freq = 1 if r.random() < 0.7 else 2
                off = self.tz(c)
                ref0 = self.choice(N.FAMILY_REFS) if r.random() < 0.6 else ""
                for d in self.monthly(start, self.days):
                    for _ in range(freq):
                        dd = d + float(r.uniform(0, 14)) * (freq - 1)
                        u = usd * float(r.lognormal(0, 0.2)) * (1.8 if (dd % 365) > 330 else 1.0)
                        ref = ref0 if r.random() < 0.7 else self.choice(N.FAMILY_REFS + [""])
                        self.remit(
                            snd,
                            c,
                            racc,
                            rec,
                            self.when(dd, self.hour("evening"), off),
                            u,
                            r.random() < 0.6,
                            ref,
                            self.choice(["cash", "bank", "card"]),
                            home,
                            pickup=r.random() < 0.75,
                        )

    def seafarers(self, n: int) -> None:
        r = self.rng
        agencies = [self.person("organization", "PH", kind="organization") for _ in range(max(2, n // 40))]
        ag_acc = [self.account(a, BANK, "bank") for a in agencies]
        for _ in range(max(1, n // 2)):
            sf = self.person("seafarer", self.choice(["SG", "NL", "NO", "PH", "JP", "AE"]), "m", (22, 58))
            fam = self.person("seafarer_family", "PH", "f", (25, 65), surname=sf.name.split()[-1])
            facc = self.account(fam, BANK, "bank")
            self.ordinary_life(fam, bank_acc=facc)
            ai = int(r.integers(len(agencies)))
            amt = float(r.uniform(25000, 160000))
            start = float(r.uniform(0, 60))
            on = True
            for d in self.monthly(start, self.days, 1):
                if r.random() < 0.08:
                    on = not on
                if on:
                    mo = time.strftime("%m-%Y", time.gmtime(self.t0 + d * 86400))
                    self.tx(
                        BANK,
                        self.when(d, 10, 8),
                        amt * float(r.uniform(0.98, 1.02)),
                        "PHP",
                        ag_acc[ai],
                        facc,
                        "bank_transfer",
                        "PH",
                        "PH",
                        f"ALLOTMENT {mo}",
                    )
            sacc = self.account(sf, REMIT, "remittance")
            racc = self.account(fam, REMIT, "remittance")
            for _ in range(int(r.integers(0, 6))):
                self.remit(
                    sacc,
                    sf.country,
                    racc,
                    fam,
                    self.when(r.uniform(0, self.days), 20, self.tz(sf.country)),
                    float(r.uniform(150, 900)),
                    True,
                    self.choice(["gift", "", "bonus"]),
                )

    def sellers(self, n: int) -> None:
        r = self.rng
        for _ in range(max(1, n // 5)):
            s = self.person("online_seller", "PH", age=(20, 50))
            acc = self.account(s, REMIT, "remittance")
            home = self.home_branch()
            if r.random() < 0.6:
                self.ordinary_life(s, bank_acc=self.account(s, BANK, "bank"))
            for _ in range(int(r.integers(3, 9))):
                c = self.choice(N.WEST + ["SA", "AE", "HK"])
                b = self.person("seller_customer", c, age=(20, 70))
                inbound = r.random() < 0.5
                snd = self.ext(b, "bank", f"PT{c}") if inbound else self.account(b, REMIT, "remittance")
                for _ in range(int(r.integers(1, 5))):
                    self.remit(
                        snd,
                        c,
                        acc,
                        s,
                        self.when(r.uniform(0, self.days), self.hour("any"), self.tz(c)),
                        float(r.lognormal(np.log(40), 0.5)),
                        r.random() < 0.5,
                        self.choice(["order", f"order {int(r.integers(1000, 99999))}", "", "gift", "item"]),
                        "card",
                        home,
                    )

    def freelancers(self, n: int) -> None:
        r = self.rng
        clients = [
            self.person("freelance_client", self.choice(N.WEST), kind="organization")
            for _ in range(max(3, n // 6))
        ]
        cw = [self.account(c, CRYPTO, "crypto", c.country) for c in clients]
        for _ in range(n):
            f = self.person("freelancer", "PH", age=(20, 45))
            w = self.account(f, CRYPTO, "crypto")
            bank = self.account(f, BANK, "bank") if r.random() < 0.5 else self.ext(f, "ewallet")
            if bank.startswith("RB"):
                self.ordinary_life(f, bank_acc=bank)
            ci = int(r.integers(len(clients)))
            usd = float(r.uniform(300, 2000))
            for d in self.monthly(float(r.uniform(0, 90)), self.days):
                for half in (0, 15) if r.random() < 0.5 else (0,):
                    utc = self.when(d + half, self.hour("day"), self.tz(clients[ci].country))
                    self.crypto_send(
                        cw[ci],
                        w,
                        utc,
                        round(usd / (2 if half else 1), 2),
                        "USDT",
                        clients[ci].country,
                        "PH",
                        "invoice",
                    )
                    self.p2p_payout(
                        w,
                        bank,
                        utc + float(r.uniform(1, 72)) * 3600,
                        usd,
                        "bank_transfer" if bank.startswith("RB") else "ewallet",
                    )

    def adult(self, n: int) -> None:
        r = self.rng
        for _ in range(max(1, n // 6)):
            perf = self.person("adult_performer", "PH", "f" if r.random() < 0.85 else "m", (19, 35))
            racc = self.account(perf, REMIT, "remittance")
            wal = self.account(perf, CRYPTO, "crypto") if r.random() < 0.5 else ""
            payout = self.ext(perf, "ewallet")
            home = self.home_branch()
            for _ in range(int(r.integers(3, 10))):
                c = self.wchoice(N.OFFENDER_CORRIDORS)
                cu = self.person("adult_customer", c, "m", (25, 70))
                off = self.tz(c)
                use_c = bool(wal) and r.random() < 0.5
                if use_c:
                    snd = self.account(cu, CRYPTO, "crypto")
                    card = self.account(cu, CRYPTO, "card")
                else:
                    snd = (
                        self.ext(cu, "bank", f"PT{c}")
                        if r.random() < 0.5
                        else self.account(cu, REMIT, "remittance")
                    )
                start = float(r.uniform(0, self.days * 0.8))
                for d in np.sort(start + r.uniform(0, self.days - start, int(r.integers(2, 30)))):
                    usd = float(self.choice([20, 30, 40, 50, 60, 80, 100, 150]))
                    utc = self.when(d, self.hour("night" if r.random() < 0.6 else "any"), off)
                    if use_c:
                        self.card_buy(card, snd, c, utc - 300, usd)
                        tid = self.crypto_send(snd, wal, utc, usd, "USDT", c, "PH")
                        if tid and r.random() < 0.3:
                            self.msg(
                                utc - 60, snd, wal, self.choice(["gift for you", "sent", "tip"]), f"p2p-{tid}"
                            )
                            for q in (cu, perf):
                                if "chat" not in q.traits:
                                    q.traits.append("chat")
                        if r.random() < 0.5:
                            self.p2p_payout(wal, payout, utc + 3600 * float(r.uniform(1, 48)), usd, "ewallet")
                    else:
                        self.remit(
                            snd,
                            c,
                            racc,
                            perf,
                            utc,
                            usd,
                            True,
                            self.choice(["", "", "gift", "tip", "allowance"]),
                            "card",
                            home,
                        )

    def romance(self, n: int) -> None:
        r = self.rng
        for _ in range(max(1, n // 4)):
            c = "PH" if r.random() < 0.6 else self.choice(["NG", "GH"])
            mule = self.person("romance_mule", c, age=(20, 45))
            if c == "PH":
                macc = self.account(mule, REMIT, "remittance")
                home = self.home_branch()
            else:
                macc = self.account(mule, CRYPTO, "crypto")
                mout = self.ext(mule, "crypto")
            for _ in range(int(r.integers(1, 5))):
                vc = self.choice(N.WEST)
                v = self.person("romance_victim", vc, age=(40, 78))
                off = self.tz(vc)
                d = float(r.uniform(0, self.days * 0.7))
                usd = float(r.uniform(100, 400))
                if c == "PH":
                    snd = (
                        self.account(v, REMIT, "remittance")
                        if r.random() < 0.6
                        else self.ext(v, "bank", f"PT{vc}")
                    )
                else:
                    snd = self.account(v, CRYPTO, "crypto")
                    card = self.account(v, CRYPTO, "card")
                for _ in range(int(r.integers(2, 15))):
                    utc = self.when(d, self.hour("any"), off)
                    ref = self.choice(["medical bills", "ticket", "customs fee", "visa", "", "love"])
                    if c == "PH":
                        self.remit(snd, vc, macc, mule, utc, usd, True, ref, "bank", home)
                    else:
                        self.card_buy(card, snd, vc, utc - 900, usd)
                        self.crypto_send(snd, macc, utc, usd, "USDT", vc, c)
                        self.crypto_send(macc, mout, utc + 3600, usd * 0.97, "USDT", c, "")
                    d += float(r.uniform(3, 25))
                    usd = min(5000.0, usd * float(r.uniform(1.0, 1.6)))

    def traders(self, n: int) -> None:
        r = self.rng
        ts = []
        for _ in range(n):
            c = "PH" if r.random() < 0.75 else self.choice(N.WEST + ["SG", "HK"])
            t = self.person("crypto_trader", c, "m" if r.random() < 0.8 else "f", (20, 55))
            ts.append((t, self.account(t, CRYPTO, "crypto")))
        pool = [self.person("ordinary", "PH") for _ in range(max(10, n * 3))]
        pool_acc = [
            self.ext(q, "ewallet") if r.random() < 0.7 else self.account(q, BANK, "bank") for q in pool
        ]
        for t, w in ts:
            off = self.tz(t.country)
            chatty = r.random() < 0.5
            for d in np.sort(r.uniform(0, self.days, int(r.lognormal(np.log(60), 0.8)))):
                utc = self.when(d, self.hour("any"), off)
                usd = float(r.lognormal(np.log(200), 1.0))
                k = r.random()
                if k < 0.35:  # P2P sell PHP to a local counterparty
                    j = int(r.integers(len(pool)))
                    self.p2p_payout(
                        w,
                        pool_acc[j],
                        utc,
                        usd,
                        "bank_transfer" if pool_acc[j].startswith("RB") else "ewallet",
                    )
                    if chatty:
                        self.msg(utc - 200, w, pool_acc[j], self.choice(N.CHAT_TRADE), f"p2p-o{int(d)}")
                        if "chat" not in t.traits:
                            t.traits.append("chat")
                elif k < 0.6:  # P2P buy: local pays PHP in
                    j = int(r.integers(len(pool)))
                    self.tx(
                        CRYPTO,
                        utc,
                        usd / self.usd("PH"),
                        "PHP",
                        pool_acc[j],
                        w,
                        "ewallet",
                        "PH",
                        "PH",
                        f"P2P {int(r.integers(10**6, 10**7))}",
                    )
                elif k < 0.85:  # on-exchange transfer to another trader
                    o = ts[int(r.integers(len(ts)))]
                    if o[1] != w:
                        self.crypto_send(
                            w,
                            o[1],
                            utc,
                            round(usd, -1) if r.random() < 0.5 else usd,
                            self.choice(["USDT", "BTC"]),
                            t.country,
                            o[0].country,
                        )
                else:
                    self.crypto_send(
                        w,
                        self.ext(t, "crypto") if r.random() < 0.3 else w + "x",
                        utc,
                        usd,
                        "BTC",
                        t.country,
                        "",
                    )
            self.acc_truth.setdefault(w + "x", ("", t.pid))

    def students(self, n: int) -> None:
        r = self.rng
        for _ in range(n):
            s = self.person("student", "PH", age=(17, 24))
            acc = self.account(s, REMIT, "remittance")
            home = self.home_branch()
            c = self.wchoice(N.DIASPORA_CORRIDORS)
            par = self.person("diaspora_remitter", c, age=(40, 60), surname=s.name.split()[-1])
            snd = (
                self.account(par, REMIT, "remittance")
                if r.random() < 0.5
                else self.ext(par, "bank", f"PT{c}")
            )
            usd = float(r.uniform(30, 120))
            d = float(r.uniform(0, 30))
            step = float(self.choice([7.0, 14.0, 10.0]))
            while d < self.days:
                ref = self.choice(["school fees", "allowance", "tuition", "", "", "baon"])
                self.remit(
                    snd,
                    c,
                    acc,
                    s,
                    self.when(d, self.hour("any"), self.tz(c)),
                    usd * float(r.lognormal(0, 0.3)),
                    r.random() < 0.7,
                    ref,
                    self.choice(["card", "bank"]),
                    home,
                )
                d += step * float(r.uniform(0.7, 1.4))

    def travellers(self, n: int) -> None:
        r = self.rng
        for _ in range(n):
            c = self.choice(N.WEST)
            t = self.person("traveller", c, "m" if r.random() < 0.7 else "f", (25, 70))
            snd = self.account(t, REMIT, "remittance")
            friends = [self.person("ordinary", "PH") for _ in range(int(r.integers(1, 3)))]
            facc = [self.account(f, REMIT, "remittance") for f in friends]
            trip = float(r.uniform(0, self.days))
            for _ in range(int(r.integers(1, 7))):
                j = int(r.integers(len(friends)))
                d = trip + float(r.uniform(-20, 60))
                self.remit(
                    snd,
                    c,
                    facc[j],
                    friends[j],
                    self.when(d, self.hour("any"), self.tz(c)),
                    float(r.uniform(30, 300)),
                    r.random() < 0.7,
                    self.choice(["gift", "thanks", "", "for the tour", "merry christmas"]),
                    self.choice(["card", "bank"]),
                )
            if r.random() < 0.3:
                w = self.account(t, CRYPTO, "crypto")
                card = self.account(t, CRYPTO, "card")
                self.card_buy(card, w, c, self.when(trip, 12, self.tz(c)), float(r.uniform(50, 500)))

    def charities(self, n: int) -> None:
        r = self.rng
        chs = [self.person("charity", "PH", kind="organization") for _ in range(max(2, n // 60))]
        cacc = [(self.account(ch, REMIT, "remittance"), self.account(ch, BANK, "bank")) for ch in chs]
        for _ in range(n):
            c = self.choice(N.WEST)
            s = self.person("charity_sponsor", c, age=(30, 80))
            j = int(r.integers(len(chs)))
            snd = self.account(s, REMIT, "remittance") if r.random() < 0.6 else self.ext(s, "bank", f"PT{c}")
            usd = float(self.choice([25, 30, 35, 40, 50]))
            ref = self.choice(["child sponsorship", "education", "school fees", "donation", ""])
            for d in self.monthly(float(r.uniform(0, 60)), self.days, 2):
                self.remit(
                    snd,
                    c,
                    cacc[j][0],
                    chs[j],
                    self.when(d, self.hour("any"), self.tz(c)),
                    usd,
                    True,
                    ref,
                    "card",
                    pickup=False,
                )
        for ch, (_ra, ba) in zip(chs, cacc, strict=False):
            self.ordinary_life(ch, bank_acc=ba)

    def ordinary(self, n: int) -> None:
        r = self.rng
        people = [self.person("ordinary", "PH", age=(18, 80)) for _ in range(n)]
        for p in people:
            if r.random() < self.p["bank_share"] + 0.15:
                self.ordinary_life(p, bank_acc=self.account(p, BANK, "bank"))
            if r.random() < 0.35:  # domestic padala
                acc = self.account(p, REMIT, "remittance")
                q = people[int(r.integers(len(people)))]
                qacc = self.account(q, REMIT, "remittance")
                for _ in range(int(r.integers(1, 10))):
                    self.tx(
                        REMIT,
                        self.when(r.uniform(0, self.days), self.hour("day"), 8),
                        float(self.choice([500, 1000, 1500, 2000, 3000, 5000]))
                        * float(r.choice([1, 1, 1.5])),
                        "PHP",
                        acc,
                        qacc,
                        "cash_pickup",
                        "PH",
                        "PH",
                        self.choice(["", "padala", "pang bayad", "allowance"]),
                        branch=self.branches[self.home_branch()],
                        funding="cash",
                    )
            if r.random() < 0.04:
                w = self.account(p, CRYPTO, "crypto")
                for _ in range(int(r.integers(1, 6))):
                    self.tx(
                        CRYPTO,
                        self.when(r.uniform(0, self.days), self.hour("any"), 8),
                        float(r.uniform(500, 20000)),
                        "PHP",
                        self.ext(p, "ewallet"),
                        w,
                        "ewallet",
                        "PH",
                        "PH",
                        "P2P buy",
                    )

    def ordinary_life(self, p: Person, bank_acc: str | None) -> None:
        """Bulk everyday bank activity: salary, card purchases, ATM, bills, transfers."""
        if not bank_acc or not self.keep(BANK):
            return
        r = self.rng
        n = int(r.lognormal(np.log(70), 0.6) * self.days / 540)
        if n <= 0:
            return
        days = r.uniform(0, self.days, n)
        hours = r.choice(24, n, p=HOUR_W)
        utc = self.t0 + np.floor(days) * 86400 + hours * 3600 - 8 * 3600 + r.uniform(0, 3599, n)
        mi = r.integers(0, len(self.merchants), n)
        amt = np.round(r.lognormal(np.log(650), 1.0, n), 2)
        card = bank_acc + "-C"
        self.acc_truth.setdefault(card, (p.parties.get(BANK, ""), p.pid))
        w = self.w["transactions"]
        tmax = self.t0 + self.days * 86400
        for u, m, a in zip(utc.tolist(), mi.tolist(), amt.tolist(), strict=False):
            if u > tmax:
                continue
            self.ntx += 1
            mcc = self.merchant_mcc[m]
            w.writerow(
                [
                    f"T{self.sid(self.ntx, 4)}",
                    BANK,
                    fmt_ts(u, 8),
                    f"{max(a, 20.0):.2f}",
                    "PHP",
                    card,
                    self.merchant_acc[m],
                    "card",
                    "PH",
                    "PH",
                    "",
                    mcc,
                    self.merchants[m].name,
                    "",
                    "",
                    "",
                    "",
                    "",
                ]
            )
        self.visible.add(card)
        self.visible.update(self.merchant_acc[m] for m in set(mi.tolist()))
        if p.kind == "person" and r.random() < 0.45:  # salary
            e = int(r.integers(len(self.employers)))
            sal = float(r.lognormal(np.log(18000), 0.4))
            for d in self.monthly(float(r.uniform(0, 30)), self.days, 0.5):
                for half in (0, 15):
                    self.tx(
                        BANK,
                        self.when(d + half, 9, 8),
                        sal / 2,
                        "PHP",
                        self.employer_acc[e],
                        bank_acc,
                        "bank_transfer",
                        "PH",
                        "PH",
                        "SALARY",
                    )


HOUR_W = np.array(
    [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.2, 2, 3, 4, 4.5, 5, 5.5, 5, 4.5, 4.5, 4.5, 5, 5.5, 5.5, 5, 4, 3, 2],
    dtype=float,
)
HOUR_W /= HOUR_W.sum()


def write_truth(w: World) -> dict[str, int]:
    truth = os.path.join(w.out, "truth")
    visible = w.visible
    acc_rows = [(a, pt[0], pt[1]) for a, pt in w.acc_truth.items() if a in visible]
    seen = {pid for _a, _p, pid in acc_rows}
    counts: dict[str, int] = {}
    with open(os.path.join(truth, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f)
        cw.writerow(["account_id", "party_id", "person_id"])
        cw.writerows(acc_rows)
    with open(os.path.join(truth, "persons.csv"), "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f)
        cw.writerow(["person_id", "cohort", "role", "network_id", "traits"])
        for i in w.rng.permutation(len(w.persons)).tolist():
            p = w.persons[i]
            if p.pid not in seen:
                continue
            cohort, role, nets = p.cohort, p.role, list(p.nets)
            traits = list(p.traits)
            if cohort == "offender_payer":
                if not nets:  # none of its payments survived the view/period: legitimately invisible
                    continue
                if p.info.get("kind") == "few":
                    traits.append("few_payments")
                if p.info.get("inbound"):
                    traits.append("inbound_only")
                if len(nets) > 1:
                    traits.append("multi_household")
            counts[cohort] = counts.get(cohort, 0) + 1
            cw.writerow([p.pid, cohort, role, ";".join(nets), ";".join(sorted(set(traits)))])
    return counts


def shuffle_rows(path: str, rng: np.random.Generator) -> None:
    """Hide generation order: rows are written out in a seeded random order."""
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8", newline="") as f:
        header = f.readline()
        rows = f.read().split("\r\n")
    if rows and rows[-1] == "":
        rows.pop()
    order = rng.permutation(len(rows))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header)
        f.write("".join(rows[i] + "\r\n" for i in order.tolist()))


def write_fx(w: World) -> None:
    if "transactions" not in w.w:
        return
    path = os.path.join(w.out, "bundle", "fx_rates.csv")
    curs = sorted({v[1]: v[2] for v in N.COUNTRY.values()}.items())
    with open(path, "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f)
        cw.writerow(["date", "currency", "usd_per_unit"])
        for m in range(0, w.days + 31, 30):
            d = time.strftime("%Y-%m-%d", time.gmtime(w.t0 + m * 86400))
            for c, u in curs:
                drift = 1 + 0.03 * np.sin(m / 90.0 + len(c))
                cw.writerow([d, c, f"{u * drift:.6g}"])


def generate(out: str, seed: int, customers: int, view: str = "full") -> dict[str, Any]:
    t = time.time()
    w = World(out, seed, customers, view)
    w.build()
    for f in w.fh.values():
        f.close()
    for tname in ("parties", "accounts", "transactions", "messages"):
        shuffle_rows(os.path.join(out, "bundle", tname + ".csv"), w.rng)
    write_fx(w)
    counts = write_truth(w)
    return {
        "seconds": round(time.time() - t, 1),
        "transactions": w.ntx,
        "messages": w.nmsg,
        "cohorts": counts,
        "params": w.p,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.world_f.generator")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=["full", "receiver"], default="full")
    a = ap.parse_args(argv)
    res = generate(a.out, a.seed, a.customers, a.view)
    print(res)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
