"""World N: a blind synthetic OSEC / look-alike world for Tanglaw (data contract v1).

Written without knowledge of the detector. Standard library only. Deterministic for a seed
(never iterates a set or hashes a string for randomness).

    python -m tests.world_n.generator OUT --seed 81 --customers 50000 [--view full|receiver|platform] [--no-chat]
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta, timezone

from . import vocab as V

# ---------------------------------------------------------------------------------------------
# institutions: name -> (country, in_bundle, philippine, tz_hours, id_prefix)
INST = {
    # abroad, in the bundle
    "northgate-bank": ("US", True, False, -5, "NGB"),
    "zapcash": ("US", True, False, -5, "ZAP"),
    "swiftpeso": ("GB", True, False, 0, "SWP"),
    "albion-remit": ("GB", True, False, 0, "ALB"),
    "southcross-bank": ("AU", True, False, 10, "SCB"),
    "coinharbor": ("SG", True, False, 0, "CHX"),
    # abroad, NOT in the bundle (their customers appear only as counterparties)
    "kinlink": ("US", False, False, -5, "KNL"),
    "maplewire": ("CA", False, False, -5, "MPW"),
    "wallaby-remit": ("AU", False, False, 10, "WBR"),
    "eurofast": ("DE", False, False, 1, "EUF"),
    "gulfline": ("AE", False, False, 4, "GLF"),
    "asiabridge": ("SG", False, False, 8, "ASB"),
    "westafrica-pay": ("NG", False, False, 1, "WAP"),
    "card-network": ("US", False, False, 0, "MER"),
    # Philippines, in the bundle
    "paysayo": ("PH", True, True, 8, "PSY"),
    "kwartapay": ("PH", True, True, 8, "KWP"),
    "bangko-bayan": ("PH", True, True, 8, "BKB"),
    "padala-express": ("PH", True, True, 8, "PDX"),
    "pesocoin": ("PH", True, True, 8, "PSC"),
    # the chat / video platform
    "kwentuhan-live": ("SG", True, False, 0, "KWL"),
}
PLATFORM = "kwentuhan-live"
PH_INST = ("paysayo", "kwartapay", "bangko-bayan", "padala-express", "pesocoin")
INST_KIND = {
    "northgate-bank": "bank",
    "zapcash": "ewallet",
    "swiftpeso": "remittance",
    "albion-remit": "remittance",
    "southcross-bank": "bank",
    "coinharbor": "crypto",
    "kinlink": "remittance",
    "maplewire": "remittance",
    "wallaby-remit": "remittance",
    "eurofast": "remittance",
    "gulfline": "remittance",
    "asiabridge": "remittance",
    "westafrica-pay": "ewallet",
    "card-network": "merchant",
    "paysayo": "ewallet",
    "kwartapay": "ewallet",
    "bangko-bayan": "bank",
    "padala-express": "remittance",
    "pesocoin": "crypto",
    PLATFORM: "platform",
}

CCY = {
    "US": "USD",
    "CA": "CAD",
    "GB": "GBP",
    "AU": "AUD",
    "NZ": "NZD",
    "DE": "EUR",
    "NL": "EUR",
    "FR": "EUR",
    "IT": "EUR",
    "NO": "NOK",
    "CH": "CHF",
    "JP": "JPY",
    "KR": "KRW",
    "SG": "SGD",
    "HK": "HKD",
    "SA": "SAR",
    "AE": "AED",
    "QA": "QAR",
    "KW": "KWD",
    "NG": "NGN",
    "CI": "XOF",
    "PH": "PHP",
}
USD_PER = {
    "USD": 1.0,
    "CAD": 0.74,
    "GBP": 1.27,
    "AUD": 0.66,
    "NZD": 0.61,
    "EUR": 1.08,
    "NOK": 0.094,
    "CHF": 1.12,
    "JPY": 0.0068,
    "KRW": 0.00075,
    "SGD": 0.74,
    "HKD": 0.128,
    "SAR": 0.267,
    "AED": 0.272,
    "QAR": 0.275,
    "KWD": 3.25,
    "NGN": 0.00075,
    "XOF": 0.00165,
    "PHP": 0.0177,
}
TZ = {
    "US": (-5, -6, -8),
    "CA": (-5, -7, -8),
    "GB": (0,),
    "AU": (10, 8, 10),
    "NZ": (12,),
    "DE": (1,),
    "NL": (1,),
    "FR": (1,),
    "IT": (1,),
    "NO": (1,),
    "CH": (1,),
    "JP": (9,),
    "KR": (9,),
    "SG": (8,),
    "HK": (8,),
    "SA": (3,),
    "AE": (4,),
    "QA": (3,),
    "KW": (3,),
    "NG": (1,),
    "CI": (0,),
    "PH": (8,),
}
# cross-border sending institutions by country (weights jittered per seed)
SENDERS = {
    "US": (("northgate-bank", 3), ("swiftpeso", 4), ("kinlink", 2)),
    "AU": (("southcross-bank", 4), ("swiftpeso", 3), ("wallaby-remit", 2)),
    "GB": (("albion-remit", 4), ("swiftpeso", 3), ("eurofast", 2)),
    "CA": (("swiftpeso", 5), ("maplewire", 4)),
    "NZ": (("swiftpeso", 5), ("wallaby-remit", 4)),
    "EU": (("swiftpeso", 4), ("eurofast", 6)),
    "GULF": (("swiftpeso", 4), ("gulfline", 6)),
    "ASIA": (("swiftpeso", 5), ("asiabridge", 5)),
    "WA": (("westafrica-pay", 1),),
}
REGION = {
    "DE": "EU",
    "NL": "EU",
    "FR": "EU",
    "IT": "EU",
    "NO": "EU",
    "CH": "EU",
    "SA": "GULF",
    "AE": "GULF",
    "QA": "GULF",
    "KW": "GULF",
    "JP": "ASIA",
    "KR": "ASIA",
    "SG": "ASIA",
    "HK": "ASIA",
    "NG": "WA",
    "CI": "WA",
}
CARD_ISSUER = {"US": "northgate-bank", "AU": "southcross-bank"}

OFFENDER_CC = (
    ("US", 45),
    ("GB", 10),
    ("AU", 10),
    ("CA", 6),
    ("DE", 4),
    ("NL", 2),
    ("NO", 2),
    ("CH", 2),
    ("FR", 2),
    ("SA", 3),
    ("JP", 3),
    ("SG", 2),
    ("KR", 2),
    ("NZ", 2),
    ("AE", 2),
    ("IT", 1),
)
DIASPORA_CC = (
    ("US", 30),
    ("SA", 12),
    ("AE", 9),
    ("CA", 7),
    ("GB", 5),
    ("JP", 5),
    ("SG", 5),
    ("HK", 5),
    ("QA", 4),
    ("KW", 3),
    ("AU", 5),
    ("IT", 3),
    ("KR", 2),
    ("NZ", 1),
    ("DE", 2),
    ("NO", 1),
)
WESTERN_CC = (
    ("US", 45),
    ("GB", 12),
    ("AU", 12),
    ("CA", 8),
    ("DE", 5),
    ("NL", 3),
    ("NO", 2),
    ("CH", 2),
    ("FR", 3),
    ("NZ", 2),
    ("IT", 2),
    ("JP", 2),
    ("KR", 2),
)
TEEN_CC = (("US", 60), ("GB", 12), ("AU", 10), ("CA", 12), ("NZ", 3), ("DE", 3))

KEYWORD_REFS = (
    "school fees",
    "gift",
    "medical bills",
    "uniform",
    "school uniform",
    "family support",
    "education",
    "allowance",
    "load",
    "rent po",
    "accommodation",
    "tuition",
    "bills",
    "support",
)
FAMILY_REFS = (
    "family support",
    "allowance",
    "school fees",
    "tuition",
    "bills",
    "for mama",
    "padala",
    "groceries",
    "rent po",
    "medical bills",
    "load",
    "support",
    "gift",
)

MERCHANTS = {  # key: (name, mcc)
    "vpn": ("ShieldNet VPN", "5817"),
    "vpn2": ("Quietline Privacy", "5817"),
    "capture": ("FrameKeeper Pro", "5817"),
    "dating": ("HeartLink Dating", "7273"),
    "dating2": ("Amihan Match", "7273"),
    "airline": ("SkyPacific Air", "4511"),
    "airline2": ("Bluewing Airways", "4511"),
    "hotel": ("Bayview Inn Cebu", "7011"),
    "hotel2": ("Harbor Suites Manila", "7011"),
    "atm_ph": ("ATM Makati", "6011"),
    "atm_ph2": ("ATM Cebu", "6011"),
    "gift": ("Giftcard Depot", "5999"),
    "gift2": ("PlayCredits Store", "5999"),
    "grocery": ("FreshMart", "5411"),
    "fuel": ("QuickFuel", "5541"),
    "rest": ("Corner Diner", "5812"),
    "stream": ("FlixNow", "5815"),
    "game": ("Arcadia Games", "5816"),
    "phone": ("TelcoOne", "4814"),
    "jewel": ("Golden Leaf Jewelry", "5944"),
    "travel": ("Islands Travel Agency", "4722"),
}
PH_MERCHANTS = ("hotel", "hotel2", "atm_ph", "atm_ph2", "jewel")
PH_BILLERS = (
    "Liwanag Power",
    "Agos Water",
    "Sulit Telco",
    "Gadget Hub",
    "Tindahan Supermart",
    "Kolehiyo ng Bayan",
)


class P:
    """A true person (or organisation)."""

    __slots__ = (
        "pid",
        "cohort",
        "role",
        "nets",
        "traits",
        "cc",
        "tz",
        "given",
        "sur",
        "gender",
        "age",
        "city",
        "addr",
        "phone",
        "email",
        "parties",
        "accts",
        "send",
        "recv",
        "card",
        "plat",
        "dev",
        "ip",
    )

    def __init__(self, pid, cohort, role, cc, tz, given, sur, gender, age):
        self.pid, self.cohort, self.role, self.cc, self.tz = pid, cohort, role, cc, tz
        self.given, self.sur, self.gender, self.age = given, sur, gender, age
        self.nets, self.traits = [], []
        self.city = self.addr = self.phone = self.email = ""
        self.parties, self.accts = {}, []
        self.send = self.recv = self.card = self.plat = None
        self.dev = self.ip = None


class A:
    __slots__ = ("aid", "inst", "p", "party", "kind", "cc", "user", "disp", "opened", "closed", "banned")

    def __init__(self, aid, inst, p, party, kind, cc, opened):
        self.aid, self.inst, self.p, self.party, self.kind, self.cc, self.opened = (
            aid,
            inst,
            p,
            party,
            kind,
            cc,
            opened,
        )
        self.user = self.disp = self.closed = self.banned = ""


def wchoice(r, pairs):
    tot = 0.0
    for _, w in pairs:
        tot += w
    x = r.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


def nice(v, coarse):
    if v <= 0:
        return 1.0
    e = 10 ** math.floor(math.log10(v))
    step = e / 2 if coarse else e / 10
    if step < 1:
        step = 1
    return max(step, round(v / step) * step)


class World:
    def __init__(self, seed: int, customers: int, view: str = "full", chat: bool = True):
        if view not in ("full", "receiver", "platform"):
            raise ValueError("view must be full, receiver or platform")
        self.seed, self.N, self.view, self.chat_enabled = seed, int(customers), view, chat
        self.r = random.Random(seed * 7919 + 17)
        r = self.r
        start = datetime(2023, 1, 1, tzinfo=UTC) + timedelta(days=r.randrange(0, 420))
        self.t0 = int(start.timestamp())
        self.days = r.randrange(300, 541)
        self.persons: list[P] = []
        self.acc: dict[str, A] = {}
        self.parties: list[tuple] = []
        self.tx: list[tuple] = []
        self.sess: list[tuple] = []
        self.msgs: list[tuple] = []
        self.media: list[tuple] = []
        self.reports: list[dict] = []
        self.n_id = 0
        self.idr = random.Random(seed * 104729 + 3)
        self.used_ids: dict[str, None] = {}
        self.n_sess = 0
        # per-seed draws
        self.sender_w = {k: tuple((n, w * r.uniform(0.6, 1.5)) for n, w in v) for k, v in SENDERS.items()}
        self.recv_w = (
            ("paysayo", r.uniform(35, 55)),
            ("kwartapay", r.uniform(15, 30)),
            ("bangko-bayan", r.uniform(8, 20)),
            ("padala-express", r.uniform(10, 22)),
        )
        self.fx = {c: u * r.uniform(0.95, 1.05) for c, u in USD_PER.items()}
        self.fx_drift = {c: [1.0] for c in USD_PER}
        months = self.days // 30 + 3
        for c in USD_PER:
            d = self.fx_drift[c]
            for _ in range(months):
                d.append(d[-1] * (1 + r.gauss(0, 0.012)))
        self.fx_drift["USD"] = [1.0] * (months + 1)
        self.cohort_count: dict[str, int] = {}
        self.pool: dict[str, list[P]] = {}

    # ---- basics ------------------------------------------------------------------------------
    def nid(self, prefix):
        """a random, unique id: creation order must not leak through ids (offenders are built first)."""
        while True:
            v = f"{prefix}{self.idr.randrange(10**7, 10**9):09d}"
            if v not in self.used_ids:
                self.used_ids[v] = None
                return v

    def usd_to(self, usd, cur, day=0):
        m = min(max(day, 0) // 30, len(self.fx_drift[cur]) - 1)
        return usd / (self.fx[cur] * self.fx_drift[cur][m])

    def ts(self, day, hour, tz):
        """epoch seconds of local `hour` (float) on window day `day` in tz hours."""
        return self.t0 + int(day * 86400 + hour * 3600 - tz * 3600) + self.r.randrange(0, 60)

    def hour(self, kind):
        r = self.r
        if kind == "night":
            return (21 + r.random() * 8) % 24
        if kind == "evening":
            return 17 + r.random() * 6.5
        if kind == "day":
            return 8 + r.random() * 11
        if kind == "late":
            return (22 + r.random() * 6) % 24
        return r.random() * 24

    def person(self, cohort, cc, role="", net="", gender=None, age=None, sur=None, given=None, pool=True):
        r = self.r
        if gender is None:
            gender = "f" if r.random() < 0.5 else "m"
        if age is None:
            age = r.randint(22, 65)
        if cc == "PH":
            given = given or r.choice(V.PH_GIVEN_F if gender == "f" else V.PH_GIVEN_M)
            sur = sur or r.choice(V.PH_SURNAMES)
        elif cc in ("NG", "CI"):
            given = given or r.choice(V.WA_GIVEN)
            sur = sur or r.choice(V.WA_SURNAMES)
        else:
            given = given or r.choice(V.FX_GIVEN_F if gender == "f" else V.FX_GIVEN_M)
            sur = sur or r.choice(V.FX_SURNAMES)
        p = P(
            f"person-{len(self.persons) + 1:07d}", cohort, role, cc, r.choice(TZ[cc]), given, sur, gender, age
        )
        if net:
            p.nets.append(net)
        self.persons.append(p)
        self.cohort_count[cohort] = self.cohort_count.get(cohort, 0) + 1
        if pool:
            self.pool.setdefault(cohort, []).append(p)
        if cc == "PH":
            p.city = r.choice(V.PH_CITIES)
            p.addr = f"{r.randint(1, 999)} {r.choice(V.PH_STREETS)} St., Brgy. {r.choice(V.PH_BARANGAYS)}, {p.city}"
            p.phone = f"+63 9{r.randint(10, 99)} 555 {r.randint(0, 9999):04d}"
        else:
            p.city = r.choice(V.FX_CITIES[cc])
            p.addr = f"{r.randint(1, 9999)} {r.choice(('Oak', 'Maple', 'Hill', 'Park', 'Lake', 'Station', 'Church', 'Mill'))} {r.choice(('Street', 'Road', 'Avenue', 'Lane'))}, {p.city}"
            p.phone = f"+{V.PHONE_CC[cc]} 555 {r.randint(0, 999999):06d}"
        dom = r.choice(("example.com", "example.net", "example.org"))
        p.email = f"{given.lower()}.{sur.lower().replace(' ', '')}{r.randint(1, 999)}@{dom}".replace("'", "")
        return p

    def share_home(self, p, q, same_house=True):
        """q lives with (or next to) p."""
        r = self.r
        q.city = p.city
        if same_house:
            q.addr = p.addr
        else:
            parts = p.addr.split(" ", 1)
            q.addr = f"{r.randint(1, 999)} {parts[1]}"
        q.tz = p.tz

    def name_variant(self, p):
        r = self.r
        x = r.random()
        if x < 0.6:
            return f"{p.given} {p.sur}"
        if x < 0.72:
            return f"{p.sur.upper()}, {p.given.upper()}"
        if x < 0.82:
            return f"{p.given} {chr(65 + r.randrange(26))}. {p.sur}"
        if x < 0.9 and len(p.given) > 4:
            i = r.randrange(1, len(p.given) - 1)
            return f"{p.given[:i]}{p.given[i + 1 :]} {p.sur}"  # a typo
        return f"{p.given.lower()} {p.sur.lower()}"

    def party(self, p, inst, name=None, created=0, org=False):
        if inst in p.parties and name is None:
            return p.parties[inst]
        if not INST[inst][1]:
            return ""
        r = self.r
        pid = self.nid("PTY")
        bd = ""
        if not org and r.random() < 0.85:
            y = datetime.fromtimestamp(self.t0, UTC).year - p.age
            bd = f"{y:04d}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        nm = name or ((p.given + " " + p.sur).strip() if org else self.name_variant(p))
        plat = inst == PLATFORM
        self.parties.append(
            (
                pid,
                inst,
                "organization" if org else "person",
                nm,
                bd,
                "" if org else p.gender,
                p.cc,
                p.city,
                p.addr if (r.random() < 0.9 and not plat) else "",
                p.phone if r.random() < (0.3 if plat else 0.85) else "",
                p.email if r.random() < (0.95 if plat else 0.8) else "",
                f"ID-{r.randint(10**8, 10**9 - 1)}" if (r.random() < 0.7 and not plat) else "",
                created,
            )
        )
        if name is None:
            p.parties[inst] = pid
        return pid

    def account(self, p, inst, kind=None, opened=None, party_name=None, org=False):
        r = self.r
        if opened is None:
            opened = self.t0 - r.randrange(30, 3000) * 86400 + r.randrange(86400)
        party = self.party(p, inst, name=party_name, created=opened, org=org)
        aid = self.nid(INST[inst][4] + "-")
        cc = p.cc if inst != PLATFORM else p.cc
        a = A(aid, inst, p, party, kind or INST_KIND[inst], cc, opened)
        self.acc[aid] = a
        p.accts.append(a)
        return a

    def send_acct(self, p, force_inst=None):
        if p.send is None:
            if force_inst:
                inst = force_inst
            else:
                inst = wchoice(self.r, self.sender_w[REGION.get(p.cc, p.cc)])
            p.send = self.account(p, inst)
        return p.send

    def recv_acct(self, p, inst=None):
        if p.recv is None:
            p.recv = self.account(p, inst or wchoice(self.r, self.recv_w))
        return p.recv

    def card_acct(self, p):
        if p.card is None:
            iss = CARD_ISSUER.get(p.cc)
            if iss is None:
                return None
            p.card = self.account(p, iss, kind="card")
        return p.card

    def plat_acct(self, p, handle=None, disp=None):
        r = self.r
        if p.plat is None:
            a = self.account(p, PLATFORM, kind="platform", opened=self.t0 - r.randrange(1, 900 * 86400))
            a.user = handle or f"{p.given.lower()}{r.choice(('', '_', '.'))}{r.randint(1, 9999)}"
            a.disp = disp or (p.given if r.random() < 0.6 else p.given + " " + p.sur[0] + ".")
            p.plat = a
            p.dev = f"dev-{r.getrandbits(48):012x}"
            p.ip = f"2001:db8:{r.getrandbits(16):x}:{r.getrandbits(16):x}::{r.getrandbits(12):x}"
        return p.plat

    def merchant(self, key):
        if not hasattr(self, "_merch"):
            self._merch = {}
        if key not in self._merch:
            name, mcc = MERCHANTS[key]
            org = self.person("merchant", "US", pool=False, given=name, sur="")
            org.given, org.sur = name, ""
            org.cc = "PH" if key in PH_MERCHANTS else "US"
            a = self.account(org, "card-network", kind="merchant")
            self._merch[key] = (a, name, mcc)
        return self._merch[key]

    def biller(self, name):
        if not hasattr(self, "_bill"):
            self._bill = {}
        if name not in self._bill:
            org = self.person("organization", "PH", pool=False, given=name, sur="")
            org.given, org.sur = name, ""
            self._bill[name] = self.account(org, "bangko-bayan", kind="merchant", org=True)
        return self._bill[name]

    # ---- events ------------------------------------------------------------------------------
    def pay(self, ts, amt, cur, s, rcv, ch, ref="", mcc="", mname="", chain=""):
        if amt <= 0 or s == rcv:
            return
        self.tx.append((ts, round(amt, 2), cur, s, rcv, ch, ref, mcc, mname, chain))

    def xb_pay(self, p, q, day, hour, usd, ref="", coarse=None, recv=None):
        """cross-border payment from p (abroad) to q (PH)."""
        r = self.r
        s = self.send_acct(p)
        rc = recv or self.recv_acct(q)
        cur = CCY[p.cc]
        amt = self.usd_to(usd, cur, day)
        if coarse is None:
            coarse = r.random() < 0.6
        amt = nice(amt, coarse) if (coarse or r.random() < 0.5) else amt
        inst_kind = INST_KIND[s.inst]
        if rc.inst == "padala-express":
            ch = "cash_pickup"
        elif inst_kind == "bank":
            ch = "bank_transfer"
        elif inst_kind == "crypto":
            ch = "crypto"
        else:
            ch = "remittance"
        self.pay(self.ts(day, hour, p.tz), amt, cur, s.aid, rc.aid, ch, ref)

    def dom_pay(self, p, q, day, hour, php, ref="", sa=None, ra=None):
        s = sa or self.recv_acct(p)
        rc = ra or self.recv_acct(q)
        ch = "bank_transfer" if INST_KIND[s.inst] == "bank" else "ewallet"
        self.pay(self.ts(day, hour, 8), nice(php, self.r.random() < 0.7), "PHP", s.aid, rc.aid, ch, ref)

    def card_buy(self, p, key, day, hour, usd):
        c = self.card_acct(p)
        if c is None:
            return
        a, name, mcc = self.merchant(key)
        amt = self.usd_to(usd, CCY[p.cc], day)
        ch = "gift_card" if key.startswith("gift") else "card"
        self.pay(self.ts(day, hour, p.tz), amt, CCY[p.cc], c.aid, a.aid, ch, "", mcc, name)

    def session(self, host, viewers, day, hour, tz, mins, private, paid=None, cur="USD"):
        self.n_sess += 1
        sid = f"S{self.n_sess:08d}"
        st = self.ts(day, hour, tz)
        en = st + int(mins * 60)
        for i, v in enumerate(viewers):
            pa = paid[i] if paid else ""
            self.sess.append(
                (
                    sid,
                    st,
                    en,
                    host.aid,
                    v.aid if v else "",
                    host.p,
                    v.p if v else None,
                    private,
                    pa,
                    cur if pa != "" else "",
                )
            )
        return sid, st

    def chat(self, a, b, st, n, pool=None, sid=""):
        """n short messages between platform accounts a and b from epoch st."""
        if a is None or b is None or a is b:
            return  # messages are always drawn (same world with or without chat); --no-chat only skips writing
        r = self.r
        t = st
        ph = pool or V.PHRASES
        for i in range(n):
            s, d = (a, b) if (i % 2 == 0) == (r.random() < 0.85) else (b, a)
            k = 1 if r.random() < 0.6 else 2
            text = ", ".join(r.choice(ph) for _ in range(k))
            self.msgs.append((t, s.aid, d.aid, sid, text))
            t += r.randrange(10, 900)

    def spread_days(self, n, lo=0, hi=None, esc=0.0):
        """n sorted days in [lo, hi); esc>0 puts more of them late (escalation)."""
        r = self.r
        hi = self.days if hi is None else hi
        out = []
        for _ in range(n):
            u = r.random()
            if esc > 0:
                u = u ** (1.0 / (1.0 + esc))
            out.append(lo + int(u * max(1, hi - lo - 1)))
        out.sort()
        return out

    def seasonal_day(self):
        """a day with December and June (school opening) peaks."""
        r = self.r
        for _ in range(8):
            d = r.randrange(self.days)
            m = (datetime.fromtimestamp(self.t0 + d * 86400, UTC)).month
            w = 2.6 if m == 12 else (1.8 if m in (6, 7) else 1.0)
            if r.random() < w / 2.6:
                return d
        return r.randrange(self.days)

    def month_of(self, day):
        return datetime.fromtimestamp(self.t0 + day * 86400, UTC).month

    # =========================================================================================
    def build(self):
        r, N = self.r, self.N
        t_build = time.time()
        fr = lambda lo, hi: r.uniform(lo, hi)  # noqa: E731
        self.params = {}

        def cnt(name, lo, hi, minimum=1):
            v = max(minimum, int(round(N * fr(lo, hi))))
            self.params[name] = v
            return v

        n_house = cnt("osec_households", 0.0011, 0.0019, 3)
        n_rings = cnt("sextortion_rings", 0.0002, 0.0004, 2)
        self.build_osec(n_house)
        self.build_sextortion(n_rings)
        self.build_diaspora(cnt("diaspora_remitters", 0.13, 0.19))
        self.build_foreign_inlaws(cnt("foreign_inlaws", 0.003, 0.007))
        self.build_sellers(cnt("online_sellers", 0.008, 0.016), cnt("seller_customers", 0.035, 0.06))
        self.build_adult(cnt("adult_performers", 0.003, 0.006), cnt("adult_customers", 0.02, 0.035))
        self.build_partners(cnt("partner_pairs", 0.006, 0.012))
        self.build_romance(cnt("romance_victims", 0.004, 0.008), cnt("romance_mules", 0.0007, 0.0014))
        self.build_charity(cnt("charities", 0.00006, 0.00014, 2), cnt("charity_sponsors", 0.008, 0.016))
        self.build_travellers(cnt("travellers", 0.008, 0.016))
        self.build_students(cnt("students", 0.008, 0.015))
        self.build_gamers(cnt("gamers", 0.01, 0.02), cnt("game_resellers", 0.0008, 0.0016))
        self.build_freelance(cnt("freelancers", 0.008, 0.016), cnt("online_tutors", 0.003, 0.006))
        self.build_bpo(cnt("bpo_workers", 0.02, 0.035))
        self.build_parish(cnt("parish_collectors", 0.0002, 0.0005), cnt("church_donors", 0.004, 0.008))
        self.build_paluwagan(cnt("paluwagan_groups", 0.0003, 0.0007))
        self.build_load_retail(cnt("load_retailers", 0.001, 0.002))
        self.build_medical(cnt("medical_fundraisers", 0.0004, 0.0009))
        self.build_giftcard_resale()
        used = sum(1 for p in self.persons if p.accts and p.cohort not in ("merchant", "organization"))
        self.build_ordinary(max(0, N - used))
        self.build_reports()
        self.build_media()
        self.params["build_seconds"] = round(time.time() - t_build, 1)

    # ---- offenders ---------------------------------------------------------------------------
    def build_osec(self, n_house):
        r = self.r
        self.households = []
        for k in range(n_house):
            hid = f"osec-{self.seed:03d}-{k + 1:03d}"
            sur = r.choice(V.PH_SURNAMES)
            main = self.person(
                "facilitator",
                "PH",
                "facilitator",
                hid,
                gender="f" if r.random() < 0.85 else "m",
                age=r.randint(26, 58),
                sur=sur,
            )
            members = [main]
            for rel in r.sample(
                ("partner", "sister", "grandmother", "neighbour", "cousin", "aunt"),
                r.choice((1, 1, 2, 2, 3, 4)),
            ):
                g = "m" if rel == "partner" or (rel in ("cousin", "neighbour") and r.random() < 0.4) else "f"
                age = r.randint(55, 72) if rel == "grandmother" else r.randint(19, 55)
                s2 = sur if rel in ("partner", "grandmother") or r.random() < 0.4 else None
                q = self.person("facilitator", "PH", "facilitator", hid, gender=g, age=age, sur=s2)
                self.share_home(main, q, same_house=rel != "neighbour")
                q.traits.append(rel)
                members.append(q)
            kids = []
            for _ in range(r.choice((1, 1, 2, 2, 3, 4))):
                c = self.person(
                    "facilitator",
                    "PH",
                    "victim",
                    hid,
                    age=r.randint(4, 16),
                    sur=sur if r.random() < 0.8 else members[-1].sur,
                    pool=False,
                )
                self.share_home(main, c)
                c.traits.append("child")
                kids.append(c)
            # receiving accounts
            for i, m in enumerate(members):
                m.recv = self.account(m, wchoice(r, self.recv_w))
                if r.random() < 0.35:
                    self.account(m, wchoice(r, self.recv_w))
            if r.random() < 0.45:  # a wallet opened in somebody else's name, used by the main facilitator
                fake = f"{r.choice(V.PH_GIVEN_F)} {r.choice((sur, r.choice(V.PH_SURNAMES)))}"
                self.account(main, r.choice(("paysayo", "kwartapay")), party_name=fake)
                main.traits.append("account_in_other_name")
            teen = [c for c in kids if c.age >= 14]
            if teen and r.random() < 0.4:
                c = teen[0]
                c.recv = self.account(c, r.choice(("paysayo", "kwartapay")))
                c.traits.append("own_wallet")
                members.append(c)
            crypto = None
            if r.random() < 0.25:
                crypto = self.account(main, "pesocoin")
            # intermediary (coordinator) in some households
            inter = None
            if r.random() < 0.2:
                inter = self.person("facilitator", "PH", "facilitator", hid, age=r.randint(25, 50))
                inter.recv = self.account(inter, wchoice(r, self.recv_w))
                inter.traits.append("intermediary")
            # platform presence of the household: shared device and IP
            hosts = []
            if r.random() < 0.7:
                dev = [f"dev-{r.getrandbits(48):012x}" for _ in range(r.randint(1, 2))]
                ip = f"2001:db8:{r.getrandbits(16):x}:{r.getrandbits(16):x}::1"
                for m in r.sample(members, min(len(members), r.choice((1, 1, 2, 3)))):
                    a = self.plat_acct(m)
                    m.dev, m.ip = r.choice(dev), ip
                    hosts.append(m)
            h = dict(
                id=hid,
                main=main,
                members=members,
                kids=kids,
                crypto=crypto,
                inter=inter,
                hosts=hosts,
                start=r.randrange(0, max(1, self.days // 2)),
                payers=[],
                active=r.random(),
            )
            self.households.append(h)
        # payers
        per = []
        for h in self.households:
            n = max(1, min(160, int(math.exp(r.gauss(math.log(r.uniform(5, 11)), 0.95)))))
            per.append(n)
        p_few = r.uniform(0.3, 0.48)
        p_multi = r.uniform(0.07, 0.14)
        p_gift = r.uniform(0.04, 0.09)
        p_crypto = r.uniform(0.03, 0.07)
        p_inter = r.uniform(0.3, 0.6)  # of payers of a household with an intermediary
        p_night = r.uniform(0.5, 0.8)
        p_blank = r.uniform(0.35, 0.6)
        self.params.update(p_few=round(p_few, 3), p_multi=round(p_multi, 3), p_night=round(p_night, 3))
        payers = []
        for h, n in zip(self.households, per):
            for _ in range(n):
                cc = wchoice(r, OFFENDER_CC)
                p = self.person(
                    "offender_payer",
                    cc,
                    "payer",
                    h["id"],
                    gender="m" if r.random() < 0.96 else "f",
                    age=min(78, max(28, int(r.gauss(52, 10)))),
                )
                if r.random() < 0.03:
                    p.sur = r.choice(V.PH_SURNAMES)
                payers.append((p, [h]))
                h["payers"].append(p)
        # multi-household payers
        for p, hs in payers:
            if r.random() < p_multi and len(self.households) > 1:
                for h2 in r.sample(self.households, min(len(self.households) - 1, r.choice((1, 1, 2, 3)))):
                    if h2 not in hs:
                        hs.append(h2)
                        p.nets.append(h2["id"])
                        h2["payers"].append(p)
        if len(self.households) > 1 and payers and not any(len(hs) > 1 for _, hs in payers):
            p, hs = payers[r.randrange(len(payers))]  # small worlds: at least one payer of two households
            h2 = next(h for h in self.households if h is not hs[0])
            hs.append(h2)
            p.nets.append(h2["id"])
            h2["payers"].append(p)
        for p, hs in payers:
            self.payer_activity(p, hs, p_few, p_gift, p_crypto, p_inter, p_night, p_blank)
        # household money flows: collectors forward to main, spend, cash out
        for h in self.households:
            self.household_flows(h)

    def payer_activity(self, p, hs, p_few, p_gift, p_crypto, p_inter, p_night, p_blank):
        r = self.r
        multi = len(hs) > 1
        mode = "few" if (not multi and r.random() < p_few) else "regular"
        x = r.random()
        inst = None
        if x < p_gift and p.cc in CARD_ISSUER and not multi:
            method = "gift"
        elif x < p_gift + p_crypto:
            method = "crypto"
        else:
            method = "fiat"
        if method == "crypto":
            inst = "coinharbor"
        s = self.card_acct(p) if method == "gift" else self.send_acct(p, force_inst=inst)
        inbound_only = not INST[s.inst][1]
        if inbound_only:
            p.traits.append("inbound_only")
        if multi:
            p.traits.append("multi_household")
        if method != "fiat":
            p.traits.append(method)
        n = r.randint(1, 4) if mode == "few" else max(5, min(400, int(math.exp(r.gauss(math.log(18), 0.9)))))
        h0 = hs[0]
        lo = h0["start"] + r.randrange(0, max(1, self.days - h0["start"] - 20))
        if mode == "regular":
            lo = r.randrange(0, max(1, self.days // 2))
        hi = self.days if mode == "regular" or r.random() < 0.5 else min(self.days, lo + r.randrange(3, 60))
        esc = r.uniform(0.3, 2.0) if mode == "regular" else 0
        days = self.spread_days(n, lo, hi, esc)
        base_usd = math.exp(r.gauss(math.log(r.uniform(35, 90)), 0.45))
        blank = p_blank + (0.35 if mode == "few" else 0.0)
        handle_ref = None
        plat = None
        if not inbound_only and r.random() < r.uniform(0.45, 0.75):
            plat = self.plat_acct(p)
            if r.random() < 0.15:
                handle_ref = "@" + plat.user
        pref = r.choice(KEYWORD_REFS)
        for i, d in enumerate(days):
            h = hs[i % len(hs)] if r.random() < 0.7 else r.choice(hs)
            frac = i / max(1, n - 1)
            usd = base_usd * (1 + esc * 0.6 * frac) * math.exp(r.gauss(0, 0.3))
            if r.random() < 0.03:
                usd *= r.uniform(3, 6)  # special request
            hour = self.hour("night") if r.random() < p_night else self.hour("any")
            x = r.random()
            ref = (
                ""
                if x < blank
                else (
                    handle_ref
                    if handle_ref and x < blank + 0.15
                    else (pref if r.random() < 0.6 else r.choice(KEYWORD_REFS))
                )
            )
            if method == "gift":
                key = r.choice(("gift", "gift2"))
                self.card_buy(p, key, d, hour, nice(usd, True))
                h.setdefault("gift_in", []).append((d, usd))
                continue
            if method == "crypto":
                tgt = h["crypto"] or self.account(h["main"], "pesocoin")
                h["crypto"] = tgt
                ts = self.ts(d, hour, p.tz)
                amt = round(self.usd_to(nice(usd, True), "USD", d), 2)
                self.pay(ts, amt, "USD", s.aid, tgt.aid, "crypto", "", chain=f"0x{r.getrandbits(64):016x}")
                h.setdefault("crypto_in", []).append((d, usd))
                continue
            if h["inter"] is not None and r.random() < p_inter:
                q = h["inter"]
            else:
                ms = h["members"]
                q = ms[0] if r.random() < 0.45 else r.choice(ms)
            acc = q.recv if r.random() < 0.8 else r.choice(q.accts)
            if acc.inst == PLATFORM or acc.inst == "pesocoin":
                acc = q.recv
            self.xb_pay(p, q, d, hour, usd, ref, coarse=r.random() < 0.75, recv=acc)
            h.setdefault("fiat_in", []).append((d, usd, q))
            # a live session near the payment, on the platform
            if plat is not None and h["hosts"] and r.random() < 0.65:
                host = r.choice(h["hosts"])
                hp = host.plat
                sh = hour + r.uniform(-0.5, 1.0)
                paid = None
                if r.random() < 0.2:
                    paid = [round(nice(usd * r.uniform(0.2, 0.6), True), 2)]
                sid, st = self.session(hp, [plat], d, sh, p.tz, r.uniform(8, 45), True, paid)
                if r.random() < 0.5:
                    self.chat(plat, hp, st - r.randrange(300, 3600), r.randint(2, 7), sid="")
        # side purchases
        if not inbound_only and self.card_acct(p) is not None:
            for key, pr in (("vpn", 0.3), ("capture", 0.12), ("dating", 0.25), ("stream", 0.3)):
                if r.random() < pr:
                    for d in self.spread_days(r.randint(1, 6)):
                        self.card_buy(p, key, d, self.hour("any"), r.choice((4.99, 9.99, 12.99, 29.99)))
            if r.random() < 0.15:
                d = r.randrange(self.days)
                self.card_buy(p, r.choice(("airline", "airline2")), d, self.hour("day"), r.uniform(700, 1800))
                for dd in range(
                    d + r.randint(10, 40), min(self.days, d + r.randint(45, 70)), r.randint(2, 6)
                ):
                    self.card_buy(
                        p,
                        r.choice(("atm_ph", "atm_ph2")),
                        dd,
                        self.hour("day"),
                        nice(r.uniform(60, 300), True),
                    )
                    if r.random() < 0.3:
                        self.card_buy(
                            p,
                            r.choice(("hotel", "hotel2", "jewel")),
                            dd,
                            self.hour("evening"),
                            r.uniform(50, 400),
                        )
            for d in self.spread_days(r.randint(2, 12)):
                self.card_buy(
                    p, r.choice(("grocery", "fuel", "rest", "phone")), d, self.hour("day"), r.uniform(8, 120)
                )

    def household_flows(self, h):
        r = self.r
        main = h["main"]
        for d, usd, q in h.get("fiat_in", []):
            php = self.usd_to(usd, "PHP", d)
            if q is not main and r.random() < 0.6:
                self.dom_pay(
                    q,
                    main,
                    min(self.days - 1, d + r.randint(0, 2)),
                    self.hour("day"),
                    php * r.uniform(0.5, 0.95),
                )
        for d, usd in h.get("crypto_in", []):
            if r.random() < 0.8:
                self.dom_pay(
                    main,
                    main,
                    min(self.days - 1, d + r.randint(0, 4)),
                    self.hour("day"),
                    self.usd_to(usd, "PHP", d) * 0.97,
                    sa=h["crypto"],
                    ra=main.recv,
                )
        gifts = h.get("gift_in", [])
        if gifts:
            h["sell_codes"] = [(min(self.days - 1, d + r.randint(0, 3)), usd) for d, usd in gifts]
        # ordinary household spending (bills, load, gadgets) like any family
        for d in self.spread_days(r.randint(6, 30)):
            self.dom_pay(
                main, None, d, self.hour("day"), r.uniform(300, 4000), ra=self.biller(r.choice(PH_BILLERS))
            )
        # hosts chat with each other occasionally, like any family
        hs = h["hosts"]
        if len(hs) >= 2 and r.random() < 0.5:
            self.chat(hs[0].plat, hs[1].plat, self.ts(r.randrange(self.days), 12, 8), r.randint(2, 6))

    def build_sextortion(self, n_rings):
        r = self.r
        self.rings = []
        for k in range(n_rings):
            sid = f"sx-{self.seed:03d}-{k + 1:03d}"
            base = "PH" if r.random() < 0.3 else r.choice(("NG", "NG", "CI"))
            exts, personas = [], []
            for _ in range(r.randint(1, 3)):
                e = self.person("extortionist", base, "facilitator", sid, gender="m", age=r.randint(19, 34))
                e.recv = self.account(
                    e, "westafrica-pay" if base != "PH" else r.choice(("paysayo", "kwartapay"))
                )
                exts.append(e)
                for _ in range(r.randint(1, 4)):
                    a = self.account(e, PLATFORM, kind="platform")
                    a.user = f"{r.choice(V.FX_GIVEN_F + V.PH_GIVEN_F).lower()}{r.choice(('', '_', 'x'))}{r.randint(1, 999)}"
                    a.disp = a.user.rstrip("0123456789_x").capitalize()
                    personas.append(a)
            mules = []
            for _ in range(r.randint(1, 4)):
                cc = "US" if base != "PH" or r.random() < 0.5 else "PH"
                m = self.person("extortionist", cc, "facilitator", sid, age=r.randint(19, 40))
                m.traits.append("mule")
                m.recv = self.account(m, "zapcash" if cc == "US" else r.choice(("paysayo", "kwartapay")))
                mules.append(m)
            ring = dict(id=sid, exts=exts, personas=personas, mules=mules, victims=[])
            self.rings.append(ring)
            for _ in range(max(2, int(math.exp(r.gauss(math.log(9), 0.6))))):
                cc = wchoice(r, TEEN_CC)
                v = self.person(
                    "sextortion_victim",
                    cc,
                    "victim",
                    sid,
                    gender="m" if r.random() < 0.9 else "f",
                    age=r.randint(14, 17),
                )
                if cc == "US":
                    va = self.account(v, "zapcash" if r.random() < 0.6 else "northgate-bank", kind=None)
                    if va.inst == "northgate-bank":
                        va.kind = "card"
                        v.card = va
                elif cc == "AU":
                    va = self.account(v, "southcross-bank", kind="card")
                    v.card = va
                else:
                    va = self.account(v, "swiftpeso")
                v.send = va
                pa = self.plat_acct(v)
                ring["victims"].append(v)
                persona = r.choice(personas)
                d = r.randrange(self.days - 3)
                st = self.ts(d, self.hour("evening"), v.tz)
                self.chat(persona, pa, st, r.randint(6, 20))
                if r.random() < 0.3:
                    self.session(persona, [pa], d, self.hour("evening"), v.tz, r.uniform(2, 10), True)
                npay = r.choice((1, 2, 2, 3, 3, 4, 5, 6))
                t = st + r.randrange(1800, 4 * 3600)
                usd = r.uniform(25, 250)
                for i in range(npay):
                    cur = CCY[cc]
                    amt = nice(self.usd_to(usd, cur, d), True)
                    x = r.random()
                    if v.card is not None and x < 0.35:
                        a, name, mcc = self.merchant(r.choice(("gift", "gift2")))
                        self.pay(t, amt, cur, va.aid, a.aid, "gift_card", "", mcc, name)
                    elif va.inst == "zapcash" or (x < 0.8 and cc == "US"):
                        m = r.choice(mules)
                        self.pay(
                            t,
                            amt,
                            cur,
                            va.aid,
                            m.recv.aid,
                            "ewallet" if va.inst == "zapcash" else "bank_transfer",
                            "" if r.random() < 0.7 else r.choice(("gift", "load", "payment")),
                        )
                    else:
                        e = r.choice(exts + mules)
                        ch = "remittance" if INST_KIND[va.inst] == "remittance" else "bank_transfer"
                        self.pay(t, amt, cur, va.aid, e.recv.aid, ch, "" if r.random() < 0.7 else "gift")
                    t += r.randrange(600, 14 * 3600)
                    usd *= r.uniform(1.0, 1.8)
                # ordinary teen spending
                for dd in self.spread_days(r.randint(0, 8)):
                    if v.card is not None:
                        self.card_buy(
                            v,
                            r.choice(("game", "rest", "stream")),
                            dd,
                            self.hour("evening"),
                            r.uniform(3, 40),
                        )
            # mules forward to the extortionists abroad
            for m in mules:
                for d in self.spread_days(r.randint(1, 6)):
                    e = r.choice(exts)
                    if m.cc == "US":
                        s = self.send_acct(m, force_inst="swiftpeso")
                        ch = "remittance"
                    else:
                        s = m.recv
                        ch = "ewallet" if e.cc == "PH" else "remittance"
                    amt = nice(self.usd_to(r.uniform(100, 900), CCY[m.cc], d), True)
                    self.pay(self.ts(d, self.hour("any"), m.tz), amt, CCY[m.cc], s.aid, e.recv.aid, ch, "")

    # ---- look-alikes -------------------------------------------------------------------------
    def build_diaspora(self, n_send):
        r = self.r
        p_night = r.uniform(0.15, 0.3)
        p_call = r.uniform(0.25, 0.5)
        p_godchild = r.uniform(0.15, 0.3)
        made = 0
        self.families = []
        while made < n_send:
            sur = r.choice(V.PH_SURNAMES)
            home = None
            recips = []
            for j in range(r.choice((1, 1, 2, 2, 3))):
                q = self.person(
                    "family_recipient",
                    "PH",
                    gender="f" if r.random() < 0.7 else "m",
                    age=r.randint(18, 75),
                    sur=sur if j == 0 or r.random() < 0.6 else None,
                )
                if home is None:
                    home = q
                else:
                    self.share_home(home, q, same_house=r.random() < 0.7)
                recips.append(q)
            senders = []
            for j in range(r.choice((1, 1, 1, 2, 2, 3, 4))):
                cc = wchoice(r, DIASPORA_CC)
                g = "f" if r.random() < 0.58 else "m"
                s = self.person(
                    "diaspora_remitter",
                    cc,
                    gender=g,
                    age=r.randint(24, 62),
                    sur=sur if r.random() < 0.55 else None,
                )  # married sisters, in-laws: other surnames
                if r.random() < p_night:
                    s.traits.append("night_shift")
                senders.append(s)
                made += 1
            self.families.append((recips, senders))
            for s in senders:
                per_month = r.choice((0.5, 1, 1, 1, 2, 2, 3, 4))
                n = max(1, int(per_month * self.days / 30 * r.uniform(0.7, 1.2)))
                base = math.exp(r.gauss(math.log(r.uniform(80, 260)), 0.35))
                refp = r.uniform(0.3, 0.8)
                for _ in range(n):
                    d = self.seasonal_day()
                    m = self.month_of(d)
                    usd = (
                        base
                        * (r.uniform(1.5, 3) if m == 12 and r.random() < 0.5 else 1)
                        * math.exp(r.gauss(0, 0.2))
                    )
                    q = recips[0] if r.random() < 0.7 else r.choice(recips)
                    hk = "night" if "night_shift" in s.traits else ("evening" if r.random() < 0.6 else "any")
                    ref = (
                        ""
                        if r.random() > refp
                        else (
                            r.choice(("school fees", "tuition", "uniform"))
                            if m in (6, 7, 8) and r.random() < 0.5
                            else r.choice(FAMILY_REFS)
                        )
                    )
                    self.xb_pay(s, q, d, self.hour(hk), usd, ref)
                if r.random() < p_godchild:  # godchildren / friends at Christmas: unrelated recipients
                    for _ in range(r.randint(1, 4)):
                        others = self.pool.get("family_recipient") or recips
                        q = r.choice(others)
                        d = r.randrange(self.days)
                        if self.month_of(d) != 12:
                            d = min(self.days - 1, d)
                        self.xb_pay(
                            s,
                            q,
                            d,
                            self.hour("evening"),
                            r.uniform(20, 60),
                            r.choice(("christmas gift", "gift", "birthday gift", "")),
                        )
                if s.cc in CARD_ISSUER:
                    for d in self.spread_days(r.randint(5, 25)):
                        self.card_buy(
                            s,
                            r.choice(("grocery", "fuel", "rest", "phone", "stream")),
                            d,
                            self.hour("day"),
                            r.uniform(5, 150),
                        )
                    if r.random() < 0.3:
                        self.card_buy(
                            s, "airline", self.seasonal_day(), self.hour("day"), r.uniform(800, 2000)
                        )
                    if r.random() < 0.2:
                        self.card_buy(s, "vpn", r.randrange(self.days), self.hour("any"), 9.99)
            # family video calls on the platform
            if r.random() < p_call:
                ha = self.plat_acct(recips[0])
                for s in senders:
                    if r.random() < 0.7 and INST[self.send_acct(s).inst][1]:
                        va = self.plat_acct(s)
                        for d in self.spread_days(r.randint(3, 30)):
                            hk = "night" if "night_shift" in s.traits else "evening"
                            sid, st = self.session(ha, [va], d, self.hour(hk), s.tz, r.uniform(5, 60), True)
                            if r.random() < 0.4:
                                self.chat(va, ha, st - 600, r.randint(2, 6))
            # family spending at home
            for q in recips:
                for d in self.spread_days(r.randint(2, 14)):
                    self.dom_pay(
                        q,
                        None,
                        d,
                        self.hour("day"),
                        r.uniform(200, 3500),
                        ra=self.biller(r.choice(PH_BILLERS)),
                    )
                if len(recips) > 1 and r.random() < 0.4:
                    for d in self.spread_days(r.randint(1, 8)):
                        self.dom_pay(
                            recips[0],
                            r.choice(recips[1:]),
                            d,
                            self.hour("day"),
                            r.uniform(300, 3000),
                            r.choice(("", "allowance", "load", "share")),
                        )

    def build_foreign_inlaws(self, n):
        """Invented look-alike: foreign men married to Filipinas who support the wife's whole family."""
        r = self.r
        fams = getattr(self, "families", [])
        for _ in range(n):
            cc = wchoice(r, WESTERN_CC)
            p = self.person(
                "foreign_inlaw", cc, gender="m" if r.random() < 0.9 else "f", age=r.randint(45, 76)
            )
            wife_sur = r.choice(V.PH_SURNAMES)
            home = self.person("family_recipient", "PH", gender="f", age=r.randint(45, 75), sur=wife_sur)
            kin = [home]
            for _ in range(r.randint(1, 4)):
                q = self.person(
                    "family_recipient",
                    "PH",
                    gender="f" if r.random() < 0.75 else "m",
                    age=r.randint(18, 50),
                    sur=wife_sur if r.random() < 0.5 else None,
                )
                self.share_home(home, q, same_house=r.random() < 0.4)
                kin.append(q)
            n_pay = int(self.days / 30 * r.uniform(1, 4))
            for _ in range(n_pay):
                d = self.seasonal_day()
                q = r.choice(kin)
                m = self.month_of(d)
                ref = (
                    r.choice(("school fees", "tuition", "uniform"))
                    if m in (6, 7) and r.random() < 0.6
                    else (
                        ""
                        if r.random() < 0.4
                        else r.choice(("allowance", "gift", "medical bills", "family support", "rent po"))
                    )
                )
                self.xb_pay(
                    p,
                    q,
                    d,
                    self.hour("evening" if r.random() < 0.7 else "night"),
                    math.exp(r.gauss(math.log(90), 0.5)),
                    ref,
                )
            if self.card_acct(p) is not None:
                for _ in range(r.randint(0, 3)):
                    d = r.randrange(self.days)
                    self.card_buy(
                        p, r.choice(("airline", "airline2")), d, self.hour("day"), r.uniform(900, 2500)
                    )
                    for dd in range(d + 10, min(self.days, d + 40), r.randint(3, 8)):
                        self.card_buy(
                            p,
                            r.choice(("atm_ph", "hotel", "jewel", "atm_ph2")),
                            dd,
                            self.hour("day"),
                            nice(r.uniform(50, 400), True),
                        )
                for d in self.spread_days(r.randint(5, 20)):
                    self.card_buy(
                        p,
                        r.choice(("grocery", "fuel", "rest", "vpn", "stream")),
                        d,
                        self.hour("day"),
                        r.uniform(5, 120),
                    )
            if r.random() < 0.4:
                va, ha = self.plat_acct(p), self.plat_acct(kin[r.randrange(len(kin))])
                for d in self.spread_days(r.randint(2, 15)):
                    sid, st = self.session(ha, [va], d, self.hour("evening"), p.tz, r.uniform(5, 40), True)
                    self.chat(va, ha, st - 300, r.randint(1, 4))

    def build_sellers(self, n_sell, n_buy):
        r = self.r
        sellers = []
        for _ in range(n_sell):
            s = self.person(
                "online_seller", "PH", gender="f" if r.random() < 0.7 else "m", age=r.randint(20, 55)
            )
            self.recv_acct(s, r.choice(("paysayo", "kwartapay", "bangko-bayan")))
            if r.random() < 0.4:
                self.plat_acct(s)
            sellers.append(s)
        for _ in range(n_buy):
            cc = wchoice(r, DIASPORA_CC if r.random() < 0.6 else WESTERN_CC)
            b = self.person("seller_customer", cc, age=r.randint(20, 70))
            for s in r.sample(sellers, min(len(sellers), r.choice((1, 1, 1, 2, 3)))):
                for _ in range(r.choice((1, 1, 1, 2, 3, 5))):
                    d = r.randrange(self.days)
                    ref = (
                        ""
                        if r.random() < 0.5
                        else r.choice((f"order {r.randint(1000, 99999)}", "payment", "order"))
                    )
                    self.xb_pay(b, s, d, self.hour("any"), math.exp(r.gauss(math.log(35), 0.6)), ref)
                    if s.plat is not None and r.random() < 0.3:
                        ba = self.plat_acct(b)
                        self.chat(ba, s.plat, self.ts(d, 12, 8) - 7200, r.randint(2, 6))
            if b.cc in CARD_ISSUER:
                for d in self.spread_days(r.randint(3, 15)):
                    self.card_buy(
                        b,
                        r.choice(("grocery", "fuel", "rest", "game", "stream")),
                        d,
                        self.hour("day"),
                        r.uniform(5, 100),
                    )
        for s in sellers:  # domestic buyers and suppliers
            for d in self.spread_days(r.randint(5, 40)):
                self.dom_pay(
                    s, None, d, self.hour("day"), r.uniform(500, 8000), ra=self.biller(r.choice(PH_BILLERS))
                )

    def build_adult(self, n_perf, n_cust):
        r = self.r
        perfs = []
        for _ in range(n_perf):
            p = self.person(
                "adult_performer", "PH", gender="f" if r.random() < 0.85 else "m", age=r.randint(19, 38)
            )
            self.plat_acct(p)
            self.recv_acct(p)
            perfs.append(p)
        custs = []
        for _ in range(n_cust):
            cc = wchoice(r, WESTERN_CC)
            c = self.person(
                "adult_customer", cc, gender="m" if r.random() < 0.93 else "f", age=r.randint(22, 74)
            )
            self.plat_acct(c)
            custs.append(c)
        plat_org = self.person("organization", "SG", pool=False, given="Kwentuhan Live", sur="")
        plat_org.given, plat_org.sur = "Kwentuhan Live", ""
        self.plat_merchant = self.account(plat_org, PLATFORM, kind="merchant", org=True)
        self.plat_payout = self.plat_merchant
        p_direct = r.uniform(0.15, 0.35)
        pop = [1.0 / (i + 1) ** r.uniform(0.6, 1.0) for i in range(len(perfs))]  # a few popular performers
        earn = {id(p): 0.0 for p in perfs}
        for c in custs:
            favs = list(dict.fromkeys(r.choices(perfs, weights=pop, k=r.choice((1, 1, 2, 3, 5)))))
            night = r.random() < 0.6
            for d in self.spread_days(r.randint(2, 40)):
                p = r.choice(favs)
                hk = "night" if night else "evening"
                if r.random() < 0.5:
                    tokens = nice(r.uniform(5, 60), True)
                    sid, st = self.session(
                        p.plat, [c.plat], d, self.hour(hk), c.tz, r.uniform(5, 40), True, [tokens]
                    )
                    earn[id(p)] += tokens
                    if r.random() < 0.3:
                        self.chat(c.plat, p.plat, st - 300, r.randint(2, 5))
                if self.card_acct(c) is not None and r.random() < 0.5:
                    self.card_buy(c, "stream", d, self.hour(hk), r.choice((10, 20, 50, 100)))
                    self.pay(
                        self.ts(d, self.hour(hk), c.tz),
                        r.choice((10, 20, 50, 100)),
                        CCY[c.cc],
                        c.card.aid,
                        self.plat_merchant.aid,
                        "card",
                        "",
                        "5815",
                        "Kwentuhan Live tokens",
                    )
            if r.random() < p_direct:
                c.traits.append("pays_directly")
                p = favs[0]
                for d in self.spread_days(r.randint(1, 12)):
                    self.xb_pay(
                        c,
                        p,
                        d,
                        self.hour("night" if night else "evening"),
                        math.exp(r.gauss(math.log(60), 0.5)),
                        ""
                        if r.random() < 0.5
                        else r.choice(("gift", "load", "tip", "rent po", "@" + p.plat.user)),
                    )
            if r.random() < 0.3 and self.card_acct(c) is not None:
                self.card_buy(
                    c, r.choice(("vpn", "dating", "dating2")), r.randrange(self.days), self.hour("any"), 14.99
                )
        for p in perfs:  # public shows with many viewers; weekly payouts
            for d in self.spread_days(r.randint(5, 30)):
                vs = r.sample(custs, min(len(custs), r.randint(3, 25)))
                paid = [nice(r.uniform(1, 20), True) if r.random() < 0.3 else "" for _ in vs]
                self.session(
                    p.plat, [c.plat for c in vs], d, self.hour("evening"), 8, r.uniform(20, 120), False, paid
                )
            for d in range(r.randrange(7), self.days, 7):
                if r.random() < 0.7:
                    self.pay(
                        self.ts(d, 10, 0),
                        nice(r.uniform(40, 600), False),
                        "USD",
                        self.plat_payout.aid,
                        p.recv.aid,
                        "ewallet",
                        "payout",
                    )
            for d in self.spread_days(r.randint(3, 15)):
                self.dom_pay(
                    p, None, d, self.hour("day"), r.uniform(300, 5000), ra=self.biller(r.choice(PH_BILLERS))
                )

    def build_partners(self, n):
        r = self.r
        for _ in range(n):
            cc = wchoice(r, WESTERN_CC + DIASPORA_CC)
            a = self.person(
                "long_distance_partner", cc, gender="m" if r.random() < 0.85 else "f", age=r.randint(25, 70)
            )
            b = self.person(
                "long_distance_partner", "PH", gender="f" if a.gender == "m" else "m", age=r.randint(20, 45)
            )
            va, ha = self.plat_acct(a), self.plat_acct(b)
            night = r.random() < 0.5
            for d in self.spread_days(int(self.days / 30 * r.uniform(1, 4))):
                self.xb_pay(
                    a,
                    b,
                    d,
                    self.hour("night" if night else "evening"),
                    math.exp(r.gauss(math.log(r.uniform(50, 200)), 0.4)),
                    ""
                    if r.random() < 0.45
                    else r.choice(
                        ("allowance", "rent po", "load", "bills", "gift", "groceries", "medical bills")
                    ),
                )
            for d in self.spread_days(r.randint(10, 90)):
                sid, st = self.session(
                    ha, [va], d, self.hour("night" if night else "evening"), a.tz, r.uniform(10, 120), True
                )
                if r.random() < 0.5:
                    self.chat(va, ha, st - 900, r.randint(2, 8))
            if r.random() < 0.35 and self.card_acct(a) is not None:
                d = r.randrange(self.days)
                self.card_buy(a, "airline", d, self.hour("day"), r.uniform(800, 1900))
                for dd in range(d + 12, min(self.days, d + 35), 4):
                    self.card_buy(
                        a,
                        r.choice(("atm_ph", "hotel2", "rest", "jewel")),
                        dd,
                        self.hour("day"),
                        nice(r.uniform(40, 300), True),
                    )

    def build_romance(self, n_vic, n_mule):
        r = self.r
        mules = []
        orgs = [
            self.person("romance_mule", r.choice(("PH", "NG")), age=r.randint(25, 45))
            for _ in range(max(1, n_mule // 5))
        ]
        for o in orgs:
            o.traits.append("organiser")
            self.recv_acct(o, "bangko-bayan" if o.cc == "PH" else "westafrica-pay")
            for _ in range(r.randint(1, 3)):
                a = self.account(o, PLATFORM, kind="platform")
                a.user = f"{r.choice(V.FX_GIVEN_F + V.PH_GIVEN_F).lower()}{r.randint(10, 99)}"
                a.disp = a.user[:-2].capitalize()
                o.traits.append("persona")
                mules.append(("persona", o, a))
        ms = []
        for _ in range(n_mule):
            m = self.person("romance_mule", "PH", age=r.randint(19, 50))
            self.recv_acct(m)
            ms.append(m)
        personas = [a for _, _, a in mules]
        for _ in range(n_vic):
            cc = wchoice(r, WESTERN_CC)
            v = self.person(
                "romance_victim", cc, gender="m" if r.random() < 0.6 else "f", age=r.randint(45, 80)
            )
            va = self.plat_acct(v)
            persona = r.choice(personas)
            d0 = r.randrange(self.days // 2)
            self.chat(va, persona, self.ts(d0, self.hour("evening"), v.tz), r.randint(5, 20))
            paid_to = r.sample(ms, min(len(ms), r.choice((1, 2, 2, 3, 4))))
            usd = r.uniform(50, 300)
            for i, d in enumerate(self.spread_days(r.randint(2, 14), d0, self.days, esc=1.0)):
                self.xb_pay(
                    v,
                    r.choice(paid_to),
                    d,
                    self.hour("any"),
                    usd,
                    ""
                    if r.random() < 0.4
                    else r.choice(
                        ("medical bills", "ticket", "visa fee", "rent po", "gift", "hospital bills")
                    ),
                )
                usd *= r.uniform(1.0, 1.5)
                if r.random() < 0.3:
                    self.chat(va, persona, self.ts(d, self.hour("evening"), v.tz), r.randint(2, 6))
        for m in ms:
            o = r.choice(orgs)
            for d in self.spread_days(r.randint(1, 8)):
                if o.cc == "PH":
                    self.dom_pay(m, o, d, self.hour("day"), r.uniform(5000, 40000))
                else:
                    s = self.recv_acct(m)
                    self.pay(
                        self.ts(d, 12, 8),
                        nice(r.uniform(5000, 40000), True),
                        "PHP",
                        s.aid,
                        o.recv.aid,
                        "remittance",
                        "",
                    )

    def build_charity(self, n_org, n_spon):
        r = self.r
        orgs = []
        names = (
            "Bahay Pag-asa Foundation",
            "Batang Masaya Learning Center",
            "Kapwa Outreach",
            "Liwanag Scholars Fund",
            "Hope Island Mission",
            "Sinag Education Trust",
            "Tahanan Care Network",
            "Bukas Palad Ministries",
        )
        for i in range(n_org):
            o = self.person(
                "charity",
                "PH",
                given=names[i % len(names)] + ("" if i < len(names) else f" {i}"),
                sur="",
                pool=False,
            )
            o.sur = ""
            o.recv = self.account(o, "bangko-bayan", org=True)
            if r.random() < 0.5:
                self.account(o, "paysayo", org=True)
            orgs.append(o)
        mothers = []
        for _ in range(max(1, n_spon // 6)):
            mothers.append(self.person("sponsored_family", "PH", gender="f", age=r.randint(25, 50)))
        for _ in range(n_spon):
            cc = wchoice(r, WESTERN_CC)
            s = self.person("charity_sponsor", cc, age=r.randint(30, 80))
            o = r.choice(orgs)
            monthly = nice(r.uniform(25, 80), True)
            dom = r.randrange(1, 28)
            for d in range(dom % 30, self.days, 30):
                if r.random() < 0.9:
                    self.xb_pay(
                        s,
                        o,
                        d,
                        self.hour("day"),
                        monthly,
                        r.choice(("sponsorship", "school fees", "education", "donation", "")),
                        coarse=True,
                        recv=o.recv,
                    )
            if r.random() < 0.25:  # some pay the sponsored child's mother directly (school uniform, fees)
                for q in r.sample(mothers, min(len(mothers), r.choice((1, 1, 2, 3)))):
                    for d in self.spread_days(r.randint(1, 5)):
                        self.xb_pay(
                            s,
                            q,
                            d,
                            self.hour("evening"),
                            r.uniform(20, 120),
                            r.choice(
                                ("school fees", "uniform", "school uniform", "gift", "christmas gift", "")
                            ),
                        )
        for o in orgs:
            for d in self.spread_days(r.randint(10, 40)):
                q = r.choice(mothers)
                self.dom_pay(
                    o,
                    q,
                    d,
                    self.hour("day"),
                    r.uniform(1000, 5000),
                    r.choice(("school fees", "allowance", "feeding program")),
                )

    def build_travellers(self, n):
        r = self.r
        contacts = [self.person("travel_contact", "PH", age=r.randint(20, 60)) for _ in range(max(2, n // 2))]
        for _ in range(n):
            cc = wchoice(r, WESTERN_CC + (("JP", 5), ("KR", 5)))
            t = self.person("traveller", cc, age=r.randint(22, 75), gender="m" if r.random() < 0.6 else "f")
            d = r.randrange(self.days)
            stay = r.randint(7, 40)
            if self.card_acct(t) is not None:
                self.card_buy(
                    t,
                    r.choice(("airline", "airline2", "travel")),
                    max(0, d - r.randint(10, 60)),
                    self.hour("day"),
                    r.uniform(700, 2200),
                )
                for dd in range(d, min(self.days, d + stay), r.randint(1, 3)):
                    self.card_buy(
                        t,
                        r.choice(("hotel", "hotel2", "rest", "atm_ph", "atm_ph2", "jewel", "rest")),
                        dd,
                        self.hour("day"),
                        nice(r.uniform(15, 300), r.random() < 0.5),
                    )
            met = r.sample(contacts, min(len(contacts), r.choice((0, 1, 1, 2, 3, 4))))
            for q in met:  # a guide, a host family, a new friend: small transfers after the trip
                for dd in self.spread_days(r.randint(1, 6), min(self.days - 1, d + stay), self.days):
                    self.xb_pay(
                        t,
                        q,
                        dd,
                        self.hour("any"),
                        r.uniform(20, 150),
                        ""
                        if r.random() < 0.5
                        else r.choice(
                            ("gift", "school fees", "thank you", "birthday gift", "medical bills", "load")
                        ),
                    )
                if r.random() < 0.4:
                    self.chat(
                        self.plat_acct(t), self.plat_acct(q), self.ts(d + stay, 20, t.tz), r.randint(2, 6)
                    )

    def build_students(self, n):
        r = self.r
        school = self.biller("Kolehiyo ng Bayan")
        rem = self.pool.get("diaspora_remitter", [])
        for _ in range(n):
            s = self.person("student", "PH", age=r.randint(17, 24))
            self.recv_acct(s, r.choice(("paysayo", "kwartapay")))
            for _ in range(r.randint(1, 3)):
                if not rem:
                    break
                g = r.choice(rem)
                for d in self.spread_days(r.randint(2, 10)):
                    self.xb_pay(
                        g,
                        s,
                        d,
                        self.hour("evening"),
                        r.uniform(30, 150),
                        r.choice(("allowance", "tuition", "school fees", "load", "")),
                    )
            for d in self.spread_days(r.randint(1, 3)):
                self.dom_pay(s, None, d, self.hour("day"), r.uniform(8000, 30000), "tuition", ra=school)
            for d in self.spread_days(r.randint(3, 20)):
                self.dom_pay(
                    s, None, d, self.hour("late"), r.uniform(50, 500), "load", ra=self.biller("Sulit Telco")
                )

    def build_gamers(self, n, n_res):
        r = self.r
        res = []
        for _ in range(n_res):
            q = self.person(
                "game_reseller", "PH", age=r.randint(18, 35), gender="m" if r.random() < 0.7 else "f"
            )
            self.recv_acct(q, r.choice(("paysayo", "kwartapay")))
            self.plat_acct(q)
            res.append(q)
        zap_friends = []
        for _ in range(n):
            cc = wchoice(r, TEEN_CC + (("PH", 30),))
            g = self.person("gamer", cc, age=r.randint(13, 35), gender="m" if r.random() < 0.8 else "f")
            ga = self.plat_acct(g)
            if cc == "PH":
                self.recv_acct(g)
                for d in self.spread_days(r.randint(2, 15)):
                    self.dom_pay(
                        g,
                        r.choice(res),
                        d,
                        self.hour("late"),
                        r.uniform(100, 1500),
                        r.choice(("diamonds", "top up", "game credits", "")),
                    )
                continue
            if cc == "US" and r.random() < 0.6:
                g.send = self.account(g, "zapcash")
                zap_friends.append(g)
            for _ in range(r.randint(1, 6)):  # bursts: several purchases in one evening
                d = r.randrange(self.days)
                t = self.ts(d, self.hour("late"), g.tz)
                for _ in range(r.choice((1, 2, 3, 4, 5))):
                    x = r.random()
                    usd = nice(r.uniform(5, 100), True)
                    if g.send is not None and g.send.inst == "zapcash" and x < 0.5 and zap_friends:
                        q = r.choice(zap_friends)
                        if q is g:
                            continue
                        self.pay(
                            t,
                            usd,
                            "USD",
                            g.send.aid,
                            q.send.aid,
                            "ewallet",
                            r.choice(("", "", "game credits", "share")),
                        )
                    elif self.card_acct(g) is not None and x < 0.8:
                        a, name, mcc = self.merchant(r.choice(("game", "gift", "gift2")))
                        self.pay(
                            t,
                            self.usd_to(usd, CCY[cc], d),
                            CCY[cc],
                            g.card.aid,
                            a.aid,
                            "gift_card" if "gift" in name.lower() or "credits" in name.lower() else "card",
                            "",
                            mcc,
                            name,
                        )
                    else:
                        q = r.choice(res)
                        self.xb_pay(
                            g,
                            q,
                            d,
                            self.hour("late"),
                            usd,
                            r.choice(("diamonds", "skin", "game credits", "", "")),
                        )
                    t += r.randrange(300, 7200)
                if r.random() < 0.3:
                    self.chat(ga, r.choice(res).plat, t - 3600, r.randint(2, 6))

    def build_freelance(self, n_free, n_tut):
        r = self.r
        clients = []
        for _ in range(max(2, n_free // 3)):
            cc = wchoice(r, WESTERN_CC)
            c = self.person("freelance_client", cc, age=r.randint(28, 65))
            clients.append(c)
        for _ in range(n_free):
            f = self.person("freelancer", "PH", age=r.randint(21, 45))
            self.recv_acct(f, r.choice(("bangko-bayan", "paysayo", "kwartapay")))
            for c in r.sample(clients, min(len(clients), r.choice((1, 1, 2, 3)))):
                rate = r.uniform(150, 900)
                for d in range(r.randrange(14), self.days, r.choice((14, 15, 30))):
                    if r.random() < 0.85:
                        self.xb_pay(
                            c,
                            f,
                            d,
                            self.hour("day"),
                            rate * r.uniform(0.8, 1.2),
                            ""
                            if r.random() < 0.4
                            else r.choice((f"invoice {r.randint(1000, 9999)}", "payment", "salary")),
                        )
        # online English tutors: private 1-to-1 video lessons with foreign students, paid by the parents
        tutors = []
        for _ in range(n_tut):
            t = self.person(
                "online_tutor", "PH", gender="f" if r.random() < 0.8 else "m", age=r.randint(21, 45)
            )
            self.plat_acct(t)
            self.recv_acct(t)
            tutors.append(t)
        for _ in range(n_tut * r.randint(2, 5)):
            cc = r.choice(("JP", "KR", "JP", "KR", "SA", "AE", "US", "AU"))
            c = self.person("tutor_client", cc, age=r.randint(30, 55))
            ca = self.plat_acct(c)
            t = r.choice(tutors)
            fee = r.uniform(60, 250)
            for d in range(r.randrange(30), self.days, 30):
                self.xb_pay(c, t, d, self.hour("evening"), fee, r.choice(("lesson fee", "tuition", "", "")))
            for d in self.spread_days(r.randint(8, 60)):
                sid, st = self.session(
                    t.plat, [ca], d, self.hour("evening"), c.tz, r.choice((25, 30, 50, 60)), True
                )
                if r.random() < 0.2:
                    self.chat(ca, t.plat, st - 1800, r.randint(1, 4))

    def build_bpo(self, n):
        """Invented look-alike: night-shift call-centre agents (PH) paid twice a month, active at night."""
        r = self.r
        emps = []
        for name in ("Global Reach Contact Center", "Ayos Support Services", "BlueHarbor BPO"):
            o = self.person("organization", "PH", given=name, sur="", pool=False)
            o.sur = ""
            o.recv = self.account(o, "bangko-bayan", org=True)
            emps.append(o)
        agents = []
        for _ in range(n):
            w = self.person("bpo_worker", "PH", age=r.randint(20, 40))
            self.recv_acct(w, r.choice(("bangko-bayan", "paysayo")))
            if r.random() < 0.5:
                self.account(w, r.choice(("paysayo", "kwartapay")))
            agents.append(w)
            e = r.choice(emps)
            pay = r.uniform(9000, 18000)
            for d in range(14, self.days, 15):
                self.dom_pay(e, w, d, 2, pay * r.uniform(0.98, 1.02), "payroll")
            for d in self.spread_days(r.randint(8, 40)):
                hk = "late" if r.random() < 0.7 else "any"
                x = r.random()
                if x < 0.4 and agents:
                    self.dom_pay(
                        w,
                        r.choice(agents),
                        d,
                        self.hour(hk),
                        r.uniform(100, 2000),
                        r.choice(("load", "share", "", "rent po", "groceries")),
                    )
                else:
                    self.dom_pay(
                        w, None, d, self.hour(hk), r.uniform(100, 3000), ra=self.biller(r.choice(PH_BILLERS))
                    )
            if r.random() < 0.3:
                wa = self.plat_acct(w)
                for d in self.spread_days(r.randint(2, 10)):
                    q = r.choice(agents)
                    self.chat(wa, self.plat_acct(q), self.ts(d, self.hour("late"), 8), r.randint(2, 5))

    def build_parish(self, n_col, n_don):
        """Invented look-alike: a parish treasurer's personal wallet collecting diaspora donations."""
        r = self.r
        cols = [
            self.person(
                "parish_collector", "PH", gender="f" if r.random() < 0.8 else "m", age=r.randint(40, 70)
            )
            for _ in range(n_col)
        ]
        for c in cols:
            self.recv_acct(c)
        fiesta = {id(c): r.randint(1, 12) for c in cols}
        for _ in range(n_don):
            cc = wchoice(r, DIASPORA_CC if r.random() < 0.7 else WESTERN_CC)
            d_ = self.person("church_donor", cc, age=r.randint(30, 80))
            c = r.choice(cols)
            for _ in range(r.choice((1, 1, 2, 3, 4))):
                for _t in range(10):
                    d = r.randrange(self.days)
                    if self.month_of(d) in (12, fiesta[id(c)]) or r.random() < 0.3:
                        break
                self.xb_pay(
                    d_,
                    c,
                    d,
                    self.hour("any"),
                    nice(r.uniform(15, 150), True),
                    r.choice(("donation", "mass offering", "for the fiesta", "feeding program", "", "gift")),
                    coarse=True,
                )

    def build_paluwagan(self, n):
        """Invented look-alike: rotating savings groups of OFWs with a collector at home."""
        r = self.r
        rem = self.pool.get("diaspora_remitter", [])
        if len(rem) < 8:
            return
        for _ in range(n):
            c = self.person("paluwagan_collector", "PH", gender="f", age=r.randint(30, 65))
            self.recv_acct(c)
            mem = r.sample(rem, r.randint(6, min(20, len(rem))))
            share = nice(r.uniform(50, 200), True)
            start = r.randrange(0, 60)
            k = 0
            for d in range(start, self.days, 30):
                for m in mem:
                    if r.random() < 0.92:
                        self.xb_pay(
                            m,
                            c,
                            min(self.days - 1, d + r.randint(0, 4)),
                            self.hour("any"),
                            share,
                            r.choice(("hulog", "paluwagan", "share", "")),
                            coarse=True,
                        )
                payee = mem[k % len(mem)]
                k += 1
                self.dom_pay(
                    c,
                    r.choice(self.pool.get("family_recipient", [c])),
                    d + 6,
                    self.hour("day"),
                    self.usd_to(share * len(mem) * 0.95, "PHP", d),
                    "paluwagan",
                )

    def build_load_retail(self, n):
        """Invented look-alike: a sari-sari store that sells prepaid load to OFWs for their relatives."""
        r = self.r
        rem = self.pool.get("diaspora_remitter", []) + self.pool.get("foreign_inlaw", [])
        for _ in range(n):
            s = self.person(
                "load_retailer", "PH", gender="f" if r.random() < 0.7 else "m", age=r.randint(25, 65)
            )
            self.recv_acct(s, r.choice(("paysayo", "kwartapay")))
            for m in r.sample(rem, min(len(rem), r.randint(10, 60))):
                for d in self.spread_days(r.randint(1, 6)):
                    self.xb_pay(
                        m,
                        s,
                        d,
                        self.hour("night" if r.random() < 0.4 else "any"),
                        r.choice((5, 10, 10, 15, 20)),
                        r.choice(("load", "pa-load", "load po", "", "")),
                        coarse=True,
                    )
            for d in self.spread_days(r.randint(20, 60)):
                self.dom_pay(
                    s, None, d, self.hour("day"), r.uniform(1000, 9000), ra=self.biller("Sulit Telco")
                )

    def build_medical(self, n):
        """Invented look-alike: a family raising money abroad for a relative's hospital bills, in a burst."""
        r = self.r
        pool = (
            self.pool.get("diaspora_remitter", [])
            + self.pool.get("church_donor", [])
            + self.pool.get("charity_sponsor", [])
        )
        for _ in range(n):
            f = self.person(
                "medical_fundraiser", "PH", gender="f" if r.random() < 0.75 else "m", age=r.randint(25, 60)
            )
            self.recv_acct(f)
            d0 = r.randrange(self.days - 45)
            for dn in r.sample(pool, min(len(pool), r.randint(8, 60))):
                for _ in range(r.choice((1, 1, 1, 2))):
                    self.xb_pay(
                        dn,
                        f,
                        d0 + int(r.expovariate(1 / 8)) % 45,
                        self.hour("any"),
                        nice(r.uniform(20, 200), True),
                        r.choice(("medical bills", "hospital bills", "get well soon", "donation", "")),
                        coarse=True,
                    )
            hosp = self.biller("Tindahan Supermart") if r.random() < 0.1 else self.biller("Agos Water")
            for d in self.spread_days(r.randint(2, 6), d0, min(self.days, d0 + 60)):
                self.dom_pay(f, None, d, self.hour("day"), r.uniform(10000, 60000), "medical bills", ra=hosp)

    def build_giftcard_resale(self):
        """Invented look-alike: PH traders who buy gift card codes for cash (from gamers, OFW families, and
        - unknowingly - from households that were paid in gift cards)."""
        r = self.r
        n = max(2, int(self.N * r.uniform(0.0003, 0.0007)))
        traders = []
        for _ in range(n):
            t = self.person(
                "giftcard_reseller", "PH", age=r.randint(20, 45), gender="m" if r.random() < 0.6 else "f"
            )
            self.recv_acct(t, r.choice(("paysayo", "kwartapay")))
            traders.append(t)
        sellers = self.pool.get("family_recipient", [])[:]
        for t in traders:
            for q in r.sample(sellers, min(len(sellers), r.randint(5, 40))):
                for d in self.spread_days(r.randint(1, 3)):
                    self.dom_pay(t, q, d, self.hour("any"), r.choice((500, 1000, 1500, 2000, 2500)), "")
        for h in getattr(self, "households", []):
            for d, usd in h.get("sell_codes", []):
                t = r.choice(traders)
                q = r.choice(h["members"])
                self.dom_pay(t, q, d, self.hour("any"), self.usd_to(usd * r.uniform(0.7, 0.85), "PHP", d), "")

    def build_ordinary(self, n):
        r = self.r
        ph_share = r.uniform(0.45, 0.6)
        made_ph = []
        for _ in range(n):
            if r.random() < ph_share:
                p = self.person("ordinary", "PH")
                self.recv_acct(p)
                made_ph.append(p)
            else:
                cc = wchoice(
                    r, (("US", 50), ("AU", 25), ("GB", 10), ("CA", 5), ("SA", 3), ("JP", 3), ("DE", 4))
                )
                p = self.person("ordinary", cc)
                if self.card_acct(p) is not None:
                    for d in self.spread_days(r.randint(3, 18)):
                        self.card_buy(
                            p,
                            r.choice(("grocery", "fuel", "rest", "stream", "game", "phone", "vpn", "dating")),
                            d,
                            self.hour("any"),
                            r.uniform(4, 150),
                        )
                    if r.random() < 0.12:
                        d = r.randrange(self.days)
                        self.card_buy(p, "airline", d, self.hour("day"), r.uniform(500, 1500))
                        for dd in range(d + 5, min(self.days, d + r.randint(8, 20)), 3):
                            self.card_buy(
                                p,
                                r.choice(("atm_ph", "hotel2", "rest")),
                                dd,
                                self.hour("day"),
                                nice(r.uniform(30, 200), True),
                            )
                else:
                    self.send_acct(p)
                    if r.random() < 0.15 and self.pool.get("ordinary"):  # a one-off transfer to someone in PH
                        q = r.choice(made_ph) if made_ph else None
                        if q is not None:
                            self.xb_pay(
                                p,
                                q,
                                r.randrange(self.days),
                                self.hour("any"),
                                r.uniform(20, 300),
                                r.choice(("", "gift", "payment")),
                            )
                if r.random() < 0.15:
                    self.plat_acct(p)
        for p in made_ph:
            for d in self.spread_days(r.randint(1, 12)):
                x = r.random()
                if x < 0.5 and made_ph:
                    self.dom_pay(
                        p,
                        r.choice(made_ph),
                        d,
                        self.hour("any"),
                        r.uniform(100, 5000),
                        r.choice(("", "", "load", "share", "rent po", "bills")),
                    )
                else:
                    self.dom_pay(
                        p,
                        None,
                        d,
                        self.hour("day"),
                        r.uniform(100, 4000),
                        ra=self.biller(r.choice(PH_BILLERS)),
                    )
            if r.random() < 0.2:
                self.plat_acct(p)
        # some ordinary platform users stream to friends in public
        users = [p for p in made_ph if p.plat is not None]
        others = [p.plat for p in self.persons if p.plat is not None and p.cohort == "ordinary"]
        for p in users[: max(1, len(users) // 4)]:
            for d in self.spread_days(r.randint(1, 6)):
                vs = r.sample(others, min(len(others), r.randint(1, 6)))
                vs = [v for v in vs if v is not p.plat]
                if vs:
                    vp = [v.p for v in vs]
                    self.session(
                        p.plat, [v.p.plat for v in vs], d, self.hour("evening"), 8, r.uniform(10, 90), False
                    )
            if others and r.random() < 0.3:
                self.chat(p.plat, r.choice(others), self.ts(r.randrange(self.days), 20, 8), r.randint(2, 5))

    # ---- reports, bans, media -----------------------------------------------------------------
    def build_reports(self):
        r = self.r
        n = 0
        p_hh_tip = r.uniform(0.08, 0.2)
        p_ban = r.uniform(0.05, 0.15)

        def rep(src, ts, itype, desc, accts=(), users=(), phones=(), emails=(), pays=(), ips=(), cc=""):
            nonlocal n
            n += 1
            self.reports.append(
                dict(
                    report_id=f"R{self.seed:03d}-{n:06d}",
                    source=src,
                    received_at=ts,
                    incident_type=itype,
                    description=desc,
                    account_ids=";".join(accts),
                    usernames=";".join(users),
                    emails=";".join(emails),
                    phones=";".join(phones),
                    ips=";".join(ips),
                    payment_accounts=";".join(pays),
                    urls="",
                    country=cc,
                )
            )

        def when():
            return self.ts(r.randrange(self.days), self.hour("day"), 8)

        for h in self.households:
            if r.random() < p_hh_tip:  # a neighbour's tip to the PH hotline
                m = h["main"] if r.random() < 0.7 else r.choice(h["members"])
                rep(
                    "hotline-ph",
                    when(),
                    r.choice(("live_streaming", "trafficking")),
                    r.choice(V.REPORT_TEXT[:3]),
                    phones=[m.phone] if r.random() < 0.7 else [],
                    pays=[m.recv.aid] if r.random() < 0.4 else [],
                    cc="PH",
                )
            for m in h["hosts"]:
                if r.random() < p_ban:
                    m.plat.banned = "child sexual exploitation"
                    m.plat.closed = str(self.t0 + r.randrange(self.days) * 86400)
                    if r.random() < 0.6:
                        rep(
                            PLATFORM,
                            when(),
                            "live_streaming",
                            r.choice(V.REPORT_TEXT[1:2] + V.REPORT_TEXT[6:7]),
                            accts=[m.plat.aid],
                            users=[m.plat.user],
                            ips=[m.ip] if m.ip else [],
                            cc="PH",
                        )
            for p in h["payers"]:
                if p.plat is not None and r.random() < p_ban / 4:
                    p.plat.banned = "child sexual exploitation"
                if r.random() < 0.01:  # a foreign tip naming a payer
                    rep(
                        "tipline-global",
                        when(),
                        "live_streaming",
                        V.REPORT_TEXT[10],
                        emails=[p.email],
                        cc=p.cc,
                    )
        for ring in self.rings:
            for v in ring["victims"]:
                if r.random() < 0.25:
                    pa = r.choice(ring["personas"])
                    m = r.choice(ring["mules"])
                    rep(
                        PLATFORM if r.random() < 0.6 else "tipline-global",
                        when(),
                        "sextortion",
                        r.choice(V.REPORT_TEXT[3:6]),
                        accts=[pa.aid] if r.random() < 0.5 else [],
                        users=[pa.user],
                        pays=[m.recv.aid] if r.random() < 0.5 else [],
                        cc=v.cc,
                    )

        # noise: reports about look-alikes
        def noisy(cohort, frac, itype, texts, src=PLATFORM):
            for p in self.pool.get(cohort, []):
                if r.random() < frac:
                    rep(
                        src,
                        when(),
                        itype,
                        r.choice(texts),
                        accts=[p.plat.aid] if p.plat else [],
                        users=[p.plat.user] if p.plat else [],
                        pays=[p.recv.aid] if p.recv and r.random() < 0.3 else [],
                        cc=p.cc,
                    )

        noisy("adult_performer", r.uniform(0.03, 0.1), "live_streaming", V.REPORT_TEXT[8:10])
        noisy("romance_mule", r.uniform(0.05, 0.15), "scam", V.REPORT_TEXT[7:8], src="hotline-ph")
        noisy("online_tutor", r.uniform(0.01, 0.05), "enticement", V.REPORT_TEXT[12:13])
        noisy("online_seller", r.uniform(0.01, 0.04), "scam", V.REPORT_TEXT[13:14], src="hotline-ph")
        noisy("medical_fundraiser", r.uniform(0.05, 0.2), "scam", V.REPORT_TEXT[11:12], src="hotline-ph")
        noisy("long_distance_partner", r.uniform(0.002, 0.01), "enticement", V.REPORT_TEXT[9:10])
        noisy(
            "foreign_inlaw",
            r.uniform(0.005, 0.02),
            "live_streaming",
            V.REPORT_TEXT[10:11],
            src="tipline-global",
        )
        noisy("game_reseller", r.uniform(0.01, 0.05), "scam", V.REPORT_TEXT[4:5])
        for p in self.pool.get("adult_performer", []):  # rare mistaken bans
            if r.random() < 0.01:
                p.plat.banned = "child sexual exploitation"

    def build_media(self):
        """hashes of profile pictures and shared clips; memes are reposted by many accounts."""
        r = self.r
        memes = [f"{r.getrandbits(256):064x}" for _ in range(40)]
        n = 0
        for p in self.persons:
            if p.plat is None:
                continue
            for _ in range(r.choice((0, 1, 1, 2))):
                n += 1
                h = r.choice(memes) if r.random() < 0.25 else f"{r.getrandbits(256):064x}"
                self.media.append(
                    (
                        f"MD{n:08d}",
                        self.t0 + r.randrange(self.days * 86400),
                        p.plat.aid,
                        "",
                        "pdq",
                        h,
                        r.randint(50, 100),
                    )
                )

    # =========================================================================================
    # writing
    def tx_source(self, si, ri):
        v = self.view
        if v == "full":
            if INST[si][1]:
                return si
            if INST[ri][1]:
                return ri
            return None
        if v == "receiver":
            if ri in PH_INST:
                return ri
            if si in PH_INST:
                return si
            return None
        if si == PLATFORM or ri == PLATFORM:
            return PLATFORM
        return None

    def write(self, out_dir):
        out = os.path.abspath(out_dir)
        bdir, tdir = os.path.join(out, "bundle"), os.path.join(out, "truth")
        os.makedirs(bdir, exist_ok=True)
        os.makedirs(tdir, exist_ok=True)
        for d in (bdir, tdir):
            for f in os.listdir(d):
                if f.endswith(".csv"):
                    os.remove(os.path.join(d, f))
        view = self.view
        tzs = {k: timezone(timedelta(hours=v[3])) for k, v in INST.items()}
        tzs["hotline-ph"] = tzs["paysayo"]
        tzs["tipline-global"] = UTC

        def fts(e, src):
            return datetime.fromtimestamp(e, tzs[src]).isoformat()

        def inst_ok(inst):
            if not INST[inst][1]:
                return False
            if view == "full":
                return True
            if view == "receiver":
                return inst in PH_INST
            return inst == PLATFORM

        seen: dict[str, None] = {}
        counts = {}

        def writer(name, header):
            f = open(os.path.join(bdir, name + ".csv"), "w", newline="", encoding="utf-8")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            return f, w

        # transactions (sorted by time for readability)
        self.tx.sort(key=lambda t: t[0])
        f, w = writer(
            "transactions",
            (
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
                "chain_txn",
                "sender_name",
                "receiver_name",
            ),
        )
        acc = self.acc
        rr = random.Random(self.seed * 31 + 5)
        k = 0
        php_usd = self.fx["PHP"]
        for i, (ts, amt, cur, s, rc, ch, ref, mcc, mname, chain) in enumerate(self.tx):
            sa, ra = acc[s], acc[rc]
            src = self.tx_source(sa.inst, ra.inst)
            u = rr.random()
            if src is None:
                continue
            k += 1
            xb = sa.cc != ra.cc
            if view == "receiver" and src == ra.inst and cur != "PHP":
                # the receiving institution books the credit in pesos at its own rate
                m = min(max(0, (ts - self.t0) // 2592000), len(self.fx_drift[cur]) - 1)
                amt = round(
                    amt
                    * self.fx[cur]
                    * self.fx_drift[cur][m]
                    / (php_usd * self.fx_drift["PHP"][m])
                    * (1 - u * 0.02),
                    2,
                )
                cur = "PHP"
            sn = rn = ""
            if xb and ch in ("remittance", "bank_transfer", "cash_pickup") and u < 0.8:
                sn = f"{sa.p.given} {sa.p.sur}".strip()
                rn = f"{ra.p.given} {ra.p.sur}".strip()
            w.writerow(
                (
                    f"TX{i + 1:09d}",
                    src,
                    fts(ts, src),
                    f"{amt:.2f}",
                    cur,
                    s,
                    rc,
                    ch,
                    sa.cc,
                    ra.cc,
                    ref,
                    mcc,
                    mname,
                    chain,
                    sn,
                    rn,
                )
            )
            seen[s] = None
            seen[rc] = None
        f.close()
        counts["transactions"] = k

        # sessions
        if view != "receiver":
            f, w = writer(
                "sessions",
                (
                    "session_id",
                    "source",
                    "started_at",
                    "ended_at",
                    "host_account_id",
                    "viewer_account_id",
                    "host_country",
                    "viewer_country",
                    "host_ip",
                    "viewer_ip",
                    "host_device_id",
                    "viewer_device_id",
                    "private",
                    "paid_amount",
                    "currency",
                ),
            )
            self.sess.sort(key=lambda x: (x[1], x[0]))
            ren: dict[str, str] = {}
            for sid, st, en, h, v, hp, vp, priv, paid, cur in self.sess:
                sid = ren.setdefault(sid, f"S{len(ren) + 1:08d}")
                w.writerow(
                    (
                        sid,
                        PLATFORM,
                        fts(st, PLATFORM),
                        fts(en, PLATFORM),
                        h,
                        v,
                        hp.cc,
                        vp.cc if vp else "",
                        hp.ip or "",
                        vp.ip if vp else "",
                        hp.dev or "",
                        vp.dev if vp else "",
                        "true" if priv else "false",
                        f"{paid:.2f}" if paid != "" else "",
                        cur,
                    )
                )
                seen[h] = None
                if v:
                    seen[v] = None
            f.close()
            counts["sessions"] = len(self.sess)
        # messages
        chat_people: dict[str, None] = {}
        if view != "receiver" and self.chat_enabled:
            self.msgs.sort(key=lambda m: m[0])
            f, w = writer(
                "messages",
                (
                    "message_id",
                    "source",
                    "sent_at",
                    "sender_account_id",
                    "recipient_account_id",
                    "session_id",
                    "text",
                ),
            )
            for i, (t, s, d, sid, text) in enumerate(self.msgs):
                w.writerow((f"M{i + 1:09d}", PLATFORM, fts(t, PLATFORM), s, d, sid, text))
                seen[s] = None
                seen[d] = None
                chat_people[acc[s].p.pid] = None
                chat_people[acc[d].p.pid] = None
            f.close()
            counts["messages"] = len(self.msgs)
        # media
        if view != "receiver":
            f, w = writer(
                "media",
                (
                    "media_id",
                    "source",
                    "seen_at",
                    "account_id",
                    "session_id",
                    "signal_type",
                    "hash",
                    "quality",
                ),
            )
            self.media.sort(key=lambda x: (x[1], x[0]))
            for i, (mid, t, a, sid, st, h, q) in enumerate(self.media):
                w.writerow((f"MD{i + 1:08d}", PLATFORM, fts(t, PLATFORM), a, sid, st, h, q))
            f.close()
            counts["media"] = len(self.media)
        # reports
        f, w = writer(
            "reports",
            (
                "report_id",
                "source",
                "received_at",
                "incident_type",
                "description",
                "account_ids",
                "usernames",
                "emails",
                "phones",
                "ips",
                "payment_accounts",
                "urls",
                "country",
            ),
        )
        k = 0
        self.reports.sort(key=lambda x: (x["received_at"], x["report_id"]))
        for rp in self.reports:
            src = rp["source"]
            if view == "receiver" and src != "hotline-ph":
                continue
            if view == "platform" and src != PLATFORM:
                continue
            k += 1
            w.writerow(
                (
                    f"R{self.seed:03d}-{k:06d}",
                    src,
                    fts(rp["received_at"], src),
                    rp["incident_type"],
                    rp["description"],
                    rp["account_ids"],
                    rp["usernames"],
                    rp["emails"],
                    rp["phones"],
                    rp["ips"],
                    rp["payment_accounts"],
                    rp["urls"],
                    rp["country"],
                )
            )
        f.close()
        counts["reports"] = k
        # accounts
        f, w = writer(
            "accounts",
            (
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
            ),
        )
        k = 0
        used_parties: dict[str, None] = {}
        for a in sorted(acc.values(), key=lambda a: a.aid):
            if not inst_ok(a.inst):
                continue
            k += 1
            closed = fts(int(a.closed), a.inst) if a.closed else ""
            w.writerow(
                (
                    a.aid,
                    a.inst,
                    a.party,
                    a.kind,
                    a.cc,
                    a.user,
                    a.disp,
                    fts(a.opened, a.inst),
                    closed,
                    a.banned,
                )
            )
            seen[a.aid] = None
            if a.party:
                used_parties[a.party] = None
        f.close()
        counts["accounts"] = k
        # parties
        f, w = writer(
            "parties",
            (
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
            ),
        )
        k = 0
        for row in sorted(self.parties, key=lambda x: x[0]):
            if row[0] not in used_parties or not inst_ok(row[1]):
                continue
            k += 1
            w.writerow(row[:12] + (fts(row[12], row[1]),))
        f.close()
        counts["parties"] = k
        # fx rates (monthly)
        f, w = writer("fx_rates", ("date", "currency", "usd_per_unit"))
        start = datetime.fromtimestamp(self.t0, UTC)
        for m in range(self.days // 30 + 1):
            day = (start + timedelta(days=30 * m)).date().isoformat()
            for c in USD_PER:
                w.writerow((day, c, f"{self.fx[c] * self.fx_drift[c][m]:.6g}"))
        f.close()

        # truth
        f = open(os.path.join(tdir, "accounts.csv"), "w", newline="", encoding="utf-8")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("account_id", "party_id", "person_id"))
        for aid in acc:
            if aid in seen:
                a = acc[aid]
                w.writerow((aid, a.party if inst_ok(a.inst) else "", a.p.pid))
        f.close()
        counts["truth_accounts"] = len(seen)
        # payer traits from the transactions actually generated
        hh_acc = {}
        for h in self.households:
            for m in h["members"] + ([h["inter"]] if h["inter"] else []):
                for a in m.accts:
                    hh_acc[a.aid] = h["id"]
        npay: dict[str, list] = {}
        for ts, amt, cur, s, rc, ch, ref, mcc, mname, chain in self.tx:
            if rc in hh_acc:
                p = acc[s].p
                if p.role == "payer":
                    e = npay.setdefault(p.pid, [0, 0, {}])
                    e[0] += 1
                    e[1] += 1 if ref == "" else 0
                    e[2][hh_acc[rc]] = None
        f = open(os.path.join(tdir, "persons.csv"), "w", newline="", encoding="utf-8")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("person_id", "cohort", "role", "network_id", "traits"))
        for p in self.persons:
            tr = list(p.traits)
            if p.role == "payer":
                e = npay.get(p.pid)
                if e and e[0] <= 4 and len(e[2]) == 1 and e[1] * 2 >= e[0] and len(p.nets) == 1:
                    tr.append("few_payments")
                if len(p.nets) > 1 and "multi_household" not in tr:
                    tr.append("multi_household")
            if p.pid in chat_people:
                tr.append("chat")
            w.writerow((p.pid, p.cohort, p.role, ";".join(p.nets), ";".join(dict.fromkeys(tr))))
        f.close()
        counts["persons"] = len(self.persons)
        return counts


def generate(out_dir, seed=81, customers=50000, view="full", chat=True):
    """Build world N and write OUT/bundle and OUT/truth. Returns a dict of row counts and parameters."""
    w = World(seed, customers, view, chat)
    w.build()
    counts = w.write(out_dir)
    counts["params"] = w.params
    counts["cohorts"] = dict(sorted(w.cohort_count.items()))
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=81)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=("full", "receiver", "platform"), default="full")
    ap.add_argument("--no-chat", action="store_true")
    a = ap.parse_args(argv)
    t = time.time()
    c = generate(a.out, a.seed, a.customers, a.view, not a.no_chat)
    c["seconds"] = round(time.time() - t, 1)
    for k, v in c.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
