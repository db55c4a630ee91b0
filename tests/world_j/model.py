"""The world's bookkeeping: institutions, people, parties, accounts, and the writers of every record.

Every random draw happens whatever the view, so a seed gives the same world in both views; the view only
decides which records are written and which institution reports them.
"""

from __future__ import annotations

import csv
import math
import os
import random
from datetime import UTC, date, datetime, timedelta

from . import names as N

START = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp())
DAYS = 547  # 2024-01-01 .. 2025-06-30
START_DAY = START // 86400
DAY0 = START_DAY - 12 * 366  # oldest date formatted (account opening dates)
_DATES = [(date(1970, 1, 1) + timedelta(days=d)).isoformat() for d in range(DAY0, START_DAY + DAYS + 40)]
_SUFFIX = {0: "Z", 3600: "+01:00", 28800: "+08:00", 36000: "+10:00"}

# month starts (day offsets from START) for the 18 months
MONTHS = []
_d = date(2024, 1, 1)
while _d < date(2025, 7, 1):
    MONTHS.append((_d - date(2024, 1, 1)).days)
    _d = date(_d.year + (_d.month == 12), _d.month % 12 + 1, 1)
MONTHS.append(DAYS)

M48 = (1 << 48) - 1

PH_SRC = ("silangan-ph", "pitaka-ph")
PAY_SRC = ("harbourgate-uk", "nordlicht-eu", "southerncross-au", "wayfare-app", "silangan-ph", "pitaka-ph")
ALL_SRC = PAY_SRC + ("fanlane", "chika-msg", "kumusta-call")

INSTITUTIONS = {
    "harbourgate-uk": ("Harbourgate Bank plc, a UK high-street bank (GBP)", "GB", "GBP", 0),
    "nordlicht-eu": (
        "Nordlicht, an EU neobank issuing German IBANs to customers across the EU (EUR)",
        "DE",
        "EUR",
        3600,
    ),
    "southerncross-au": ("Southern Cross Remit, an Australian remitter (AUD)", "AU", "AUD", 36000),
    "wayfare-app": ("Wayfare Money, a global money-transfer app (GBP/EUR/AUD/NZD wallets)", "GB", "", 0),
    "silangan-ph": ("Bangko Silangan, a Philippine bank (PHP)", "PH", "PHP", 28800),
    "pitaka-ph": ("PitakaPay, a Philippine e-wallet (PHP)", "PH", "PHP", 28800),
    "fanlane": (
        "Fanlane, an adult-content fan-subscription platform paying creators monthly (USD)",
        "US",
        "USD",
        0,
    ),
    "chika-msg": ("Chika, a messaging app sharing chats of a minority of users", "PH", "", 0),
    "kumusta-call": ("Kumusta, a small video-call app (thin slice of session logs)", "PH", "", 28800),
}
SRC_TZ = {s: v[3] for s, v in INSTITUTIONS.items()}
SRC_CUR = {s: v[2] for s, v in INSTITUTIONS.items()}


def mix48(x: int, salt: int) -> int:
    """A bijection on 48-bit integers, so ids made from a counter are unique but not sequential."""
    x = (x * 0x9E3779B97F4B) & M48
    x ^= x >> 23
    x = (x * 0xC2B2AE3D27D5) & M48
    x ^= x >> 19
    return x ^ salt


class Person:
    __slots__ = (
        "pid",
        "cohort",
        "role",
        "net",
        "traits",
        "first",
        "middle",
        "last",
        "gender",
        "birth",
        "cc",
        "city",
        "addr",
        "phone",
        "email",
        "idno",
        "tz",
        "parties",
        "accts",
        "chat",
        "call",
        "fan",
        "extacct",
        "flags",
    )

    def __init__(self, pid: str, cohort: str) -> None:
        self.pid = pid
        self.cohort = cohort
        self.role = ""
        self.net = ""
        self.traits: list[str] = []
        self.parties: dict[str, str] = {}
        self.accts: list[Acct] = []
        self.chat = None
        self.call = None
        self.fan = None
        self.extacct = None
        self.flags = 0


class Acct:
    __slots__ = (
        "aid",
        "src",
        "person",
        "party",
        "kind",
        "cc",
        "cur",
        "hname",
        "vis",
        "used",
        "opened",
        "closed",
        "banned",
        "username",
        "display",
        "tz",
    )

    def __init__(self, aid, src, person, party, kind, cc, cur, hname, vis, opened):
        self.aid = aid
        self.src = src
        self.person = person
        self.party = party
        self.kind = kind
        self.cc = cc
        self.cur = cur
        self.hname = hname
        self.vis = vis
        self.used = False
        self.opened = opened
        self.closed = 0
        self.banned = ""
        self.username = ""
        self.display = ""
        self.tz = SRC_TZ.get(src, 0)


class World:
    def __init__(self, out: str, seed: int, customers: int, view: str) -> None:
        if view not in ("full", "receiver"):
            raise ValueError(f"unknown view {view!r}")
        self.seed = seed
        self.customers = customers
        self.view = view
        self.r = random.Random(seed)
        self.rnd = self.r.random
        self.salt = self.r.getrandbits(47)
        self.inview = set(PH_SRC) if view == "receiver" else set(ALL_SRC)
        self.out = out
        self.bundle = os.path.join(out, "bundle")
        self.truth = os.path.join(out, "truth")
        os.makedirs(self.bundle, exist_ok=True)
        os.makedirs(self.truth, exist_ok=True)
        for name in ("parties", "accounts", "transactions", "messages", "sessions", "fx_rates"):
            path = os.path.join(self.bundle, name + ".csv")
            if os.path.exists(path):
                os.remove(path)
        self.persons: list[Person] = []
        self.accounts: list[Acct] = []
        self.party_rows: list[list] = []
        self.party_open: dict[str, int] = {}
        self.nums: dict[str, set] = {}
        self.nums_used: dict[tuple[str, int], int] = {}  # numbers taken per (key, width)
        self.n_txn = 0
        self.n_msg = 0
        self.n_sess = 0
        self.msg_rows: list[tuple] = []
        self.sess_rows: list[tuple] = []
        self.fx_phase = {c: self.r.uniform(0, 6.28) for c in sorted(N.USD_PER)}
        self.fx_amp = {c: (0.0 if c == "USD" else self.r.uniform(0.01, 0.05)) for c in sorted(N.USD_PER)}
        self.gbpx = {c: N.USD_PER["GBP"] / v for c, v in N.USD_PER.items()}
        self.tasks: list = []
        self.n_written = 0
        self._tx_file = open(os.path.join(self.bundle, "transactions.csv"), "w", newline="", encoding="utf-8")
        self._tx = csv.writer(self._tx_file, lineterminator="\n")
        self._tx.writerow(
            [
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
                "sender_name",
                "receiver_name",
            ]
        )
        self._buf: list[tuple] = []

    # ------------------------------------------------------------------ helpers
    def uniq(self, key: str, digits: int) -> int:
        """A number of `digits` digits not drawn before under `key`.

        Once every number of that width is taken (e-mail numbers have only 90,000 five-digit values), the
        number gets one more digit instead of redrawing forever; until then the draws are unchanged.
        """
        s = self.nums.setdefault(key, set())
        used = self.nums_used
        while used.get((key, digits), 0) >= 9 * 10 ** (digits - 1):
            digits += 1
        used[(key, digits)] = used.get((key, digits), 0) + 1
        hi = 10**digits
        while True:
            v = self.r.randrange(hi // 10, hi)
            if v not in s:
                s.add(v)
                return v

    def poisson(self, lam: float) -> int:
        if lam <= 0:
            return 0
        if lam > 40:
            return max(0, int(round(self.r.gauss(lam, math.sqrt(lam)))))
        lim = math.exp(-lam)
        k, p = 0, self.rnd()
        while p > lim:
            k += 1
            p *= self.rnd()
        return k

    def expo(self, mean: float) -> float:
        return self.r.expovariate(1.0 / mean)

    def pick(self, seq):
        return seq[int(self.rnd() * len(seq))]

    def zipf_pick(self, seq, a: float = 1.1):
        # heavy head: a few items drawn often
        n = len(seq)
        i = int(n * self.rnd() ** (1.0 + a))
        return seq[min(i, n - 1)]

    @staticmethod
    def t(day: float, hour: float, tz: int) -> int:
        return START + int(day * 86400 + hour * 3600) - tz

    @staticmethod
    def day_of(t: int) -> int:
        return (t - START) // 86400

    def hour(self, prof: str) -> float:
        r = self.rnd()
        if prof == "night":
            return 21.0 + r * 7.0
        if prof == "day":
            return 8.0 + r * 10.0
        if prof == "biz":
            return 9.0 + r * 8.0
        if prof == "eve":
            return 17.0 + r * 6.0
        if prof == "shift":
            return r * 24.0
        # "any": an ordinary waking day, a thin tail at night
        if r < 0.07:
            return 23.0 + self.rnd() * 6.0
        return 7.0 + self.rnd() * 16.0

    def hour_mix(self, p_night: float, base: str) -> float:
        return self.hour("night") if self.rnd() < p_night else self.hour(base)

    def rate(self, cur: str, day: int) -> float:
        base = N.USD_PER[cur]
        return base * (1.0 + self.fx_amp[cur] * math.sin(day / 61.0 + self.fx_phase[cur]))

    def money(self, gbp: float, cur: str, p_round: float) -> float:
        """An amount worth `gbp` pounds, expressed in `cur`, rounded like people round."""
        x = gbp * self.gbpx[cur]
        if cur in ("JPY", "KRW", "NGN", "XOF", "TWD", "VND"):
            return float(max(100, int(round(x, -2))))
        if cur == "PHP":
            if self.rnd() < p_round:
                return float(max(50, int(round(x, -2))))
            return round(max(20.0, x), 2)
        if self.rnd() < p_round:
            if x >= 40:
                step = 10 if self.rnd() < 0.6 else 5
            elif x >= 10:
                step = 5
            else:
                step = 1
            return float(max(step, int(round(x / step)) * step))
        return round(max(1.0, x), 2)

    def lognorm(self, median: float, sigma: float) -> float:
        return median * math.exp(self.r.gauss(0.0, sigma))

    # ------------------------------------------------------------------ people, parties, accounts
    def person(
        self, cohort: str, cc: str, gender: str = "", age: tuple = (25, 60), last: str = "", pool: str = ""
    ) -> Person:
        p = Person(f"wj{len(self.persons) + 1:07d}", cohort)
        self.persons.append(p)
        pool = pool or cc
        pf, pm, pl = N.POOLS.get(pool, N.POOLS["GB"])
        if not gender:
            gender = "f" if self.rnd() < 0.5 else "m"
        p.gender = gender
        p.first = self.pick(pf if gender == "f" else pm)
        if pool == "PH":
            p.last = last or self.zipf_pick(N.PH_LAST, 0.8)
            p.middle = self.zipf_pick(N.PH_LAST, 0.8)
        else:
            p.last = last or self.pick(pl)
            p.middle = ""
        a = self.r.uniform(age[0], age[1])
        b = date(2024, 1, 1) - timedelta(days=int(a * 365.25))
        p.birth = b.isoformat()
        p.cc = cc
        p.tz = N.TZ.get(cc, 0)
        cities = N.CITIES.get(cc)
        p.city = self.pick(cities) if cities else ""
        p.addr = self.address(cc, p.city) if cities else ""
        p.phone = self.phone(cc)
        p.email = self.email(p.first, p.last)
        p.idno = self.idno(cc)
        return p

    def org(self, cohort: str, name: str, cc: str) -> Person:
        p = Person(f"wj{len(self.persons) + 1:07d}", cohort)
        self.persons.append(p)
        p.gender = ""
        p.first, p.middle, p.last = name, "", ""
        p.birth = ""
        p.cc = cc
        p.tz = N.TZ.get(cc, 0)
        cities = N.CITIES.get(cc)
        p.city = self.pick(cities) if cities else ""
        p.addr = self.address(cc, p.city) if cities else ""
        p.phone = self.phone(cc)
        p.email = f"info{self.uniq('orgmail', 5)}@example.com"
        p.idno = f"REG-{cc}-{self.uniq('reg', 7)}"
        p.flags = 1  # organisation
        return p

    def address(self, cc: str, city: str) -> str:
        fmt = N.STREET.get(cc, "{n} Example Road, {c}")
        return fmt.format(
            n=1 + int(self.rnd() * 240), k=1 + int(self.rnd() * 9), b=1 + int(self.rnd() * 60), c=city
        )

    def phone(self, cc: str) -> str:
        return f"{N.DIAL.get(cc, '+99')} 555 {self.uniq('phone', 7)}"

    def email(self, first: str, last: str) -> str:
        base = "".join(ch for ch in (first[:1] + last).lower() if "a" <= ch <= "z") or "user"
        return f"{base}{self.uniq('mail', 5)}@example.com"

    def idno(self, cc: str) -> str:
        if cc == "PH":
            return f"PSN-0000-{self.uniq('id', 8)}"
        return f"{cc}-ID-X{self.uniq('id', 8)}"

    def name_variant(self, p: Person, src: str) -> str:
        if p.flags & 1:
            return p.first
        first, last = p.first, p.last
        r = self.rnd()
        if p.middle:
            if first == "Maria" and r < 0.4:
                first = "Ma."
            mid = p.middle
            if src == "silangan-ph":
                if r < 0.45:
                    s = f"{last.upper()}, {first.upper()} {mid.upper()}"
                else:
                    s = f"{first} {mid[:1]}. {last}"
            elif src == "pitaka-ph":
                s = f"{first} {last}" if r < 0.7 else f"{first} {mid[:1]} {last}"
            else:
                s = f"{first} {last}"
            if " " in last and self.rnd() < 0.25:
                s = s.replace(last, last.replace(" ", "")).replace(
                    last.upper(), last.replace(" ", "").upper()
                )
        else:
            if src == "harbourgate-uk" and r < 0.25:
                s = f"{'MR' if p.gender == 'm' else 'MS'} {first[:1]} {last.upper()}"
            else:
                s = f"{first} {last}"
        if self.rnd() < 0.03 and len(s) > 6:
            i = 2 + int(self.rnd() * (len(s) - 4))
            s = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
        return s

    def party(self, p: Person, src: str, opened: int, name: str = "") -> str:
        pid = p.parties.get(src)
        if pid is not None:
            if opened < self.party_open[pid]:
                self.party_open[pid] = opened
            return pid
        short = {
            "harbourgate-uk": "HG",
            "nordlicht-eu": "NL",
            "southerncross-au": "SC",
            "wayfare-app": "WF",
            "silangan-ph": "SL",
            "pitaka-ph": "PK",
            "fanlane": "FL",
            "chika-msg": "CH",
            "kumusta-call": "KC",
        }[src]
        pid = f"{short}-{self.uniq('party', 9)}"
        p.parties[src] = pid
        self.party_open[pid] = opened
        org = p.flags & 1
        name = name or self.name_variant(p, src)
        full = src in ("harbourgate-uk", "nordlicht-eu", "silangan-ph", "southerncross-au")
        row = [
            pid,
            src,
            "organization" if org else "person",
            name,
            p.birth if (not org and (full or self.rnd() < 0.7)) else "",
            p.gender if (not org and self.rnd() < 0.9) else "",
            p.cc,
            p.city if (full or self.rnd() < 0.6) else "",
            p.addr if (full or (src == "pitaka-ph" and self.rnd() < 0.8)) else "",
            p.phone if (src != "nordlicht-eu" or self.rnd() < 0.8) else "",
            p.email if (src not in ("silangan-ph",) or self.rnd() < 0.5) else "",
            p.idno if full or src == "pitaka-ph" else "",
        ]
        self.party_rows.append(row)
        return pid

    def nominee(
        self,
        src: str,
        cc: str,
        gender: str,
        age: tuple,
        last: str,
        city: str,
        addr: str,
        phone: str,
        opened: int,
    ) -> tuple[str, str]:
        """A KYC record in someone else's name (a relative, a recruited mule); returns (party_id, name)."""
        q = self.person("nominee", cc, gender, age, last)
        if city:
            q.city = city
        if addr:
            q.addr = addr
        if phone:
            q.phone = phone
        return self.party(q, src, opened), self._hname(q)

    def new_id(self, src: str, kind: str, cc: str) -> str:
        if src == "harbourgate-uk":
            return f"GB00HRBG{self.pick(('401220', '401507', '402716', '404411'))}{self.uniq('hg', 8)}"
        if src == "nordlicht-eu":
            return f"DE00100110{self.uniq('nl', 10)}"
        if src == "southerncross-au":
            return f"SCR{'B' if kind == 'pickup' else ''}{self.uniq('sc', 8)}"
        if src == "wayfare-app":
            return f"wf{'b' if kind == 'pickup' else ''}_{self.uniq('wf', 9):x}"
        if src == "silangan-ph":
            return f"SLG{self.uniq('sl', 10)}"
        if src == "pitaka-ph":
            return f"PTK{self.uniq('pk', 10)}"
        if src == "fanlane":
            return f"fl_{self.uniq('fl', 9):x}"
        if src == "kumusta-call":
            return f"kc{self.uniq('kc', 9)}"
        if src == "chika-msg":
            return f"ch_{self.uniq('ch', 9):x}"
        if kind == "merchant":
            return f"MCH-{cc}-{self.uniq('mch', 6)}"
        if kind == "remittance":
            return f"XR-{cc}-{self.uniq('xr', 9)}"
        if kind == "card":
            return f"XC-{cc}-{self.uniq('xc', 9)}"
        return f"XB-{cc}-{self.uniq('xb', 9)}"

    def account(
        self,
        p: Person,
        src: str,
        kind: str = "",
        cc: str = "",
        cur: str = "",
        opened: int | None = None,
        nominee: str = "",
        hname: str = "",
    ) -> Acct:
        """An account of person p at src; src 'ext' means an institution outside the bundle (no party)."""
        if opened is None:
            if self.rnd() < 0.85:
                opened = START - int(self.rnd() * 8 * 365 * 86400)
            else:
                opened = START + int(self.rnd() * (DAYS - 30) * 86400)
        if src == "ext":
            kind = kind or "bank"
            cc = cc or p.cc
            cur = cur or N.CUR.get(cc, "USD")
            a = Acct(
                self.new_id("ext", kind, cc),
                "ext",
                p,
                "",
                kind,
                cc,
                cur,
                hname or self._hname(p),
                False,
                opened,
            )
        else:
            kind = (
                kind
                or {
                    "harbourgate-uk": "bank",
                    "nordlicht-eu": "bank",
                    "southerncross-au": "remittance",
                    "wayfare-app": "ewallet",
                    "silangan-ph": "bank",
                    "pitaka-ph": "ewallet",
                    "fanlane": "platform",
                    "kumusta-call": "platform",
                    "chika-msg": "platform",
                }[src]
            )
            cc = cc or p.cc
            cur = cur or SRC_CUR[src] or N.CUR.get(cc, "USD")
            aid = self.new_id(src, kind, cc)
            if nominee:
                party = nominee
                hname = hname or ""
            else:
                party = self.party(p, src, opened)
                hname = hname or self._hname(p)
            a = Acct(
                aid,
                src,
                p,
                party,
                "remittance" if kind == "pickup" else kind,
                cc,
                cur,
                hname,
                src in self.inview,
                opened,
            )
            self.accounts.append(a)
        p.accts.append(a)
        return a

    def _hname(self, p: Person) -> str:
        if p.flags & 1:
            return p.first.upper()
        if p.middle:
            return f"{p.first} {p.middle[:1]} {p.last}".upper()
        return f"{p.first} {p.last}".upper()

    # ------------------------------------------------------------------ records
    def pay(
        self, t: int, amt: float, s: Acct, r: Acct, ch: str, ref: str = "", mcc: str = "", mname: str = ""
    ) -> int:
        """One payment; returns the time the receiver is credited. Amount is in the sender's currency."""
        self.n_txn += 1
        if amt <= 0:
            amt = 1.0
        scc, rcc = s.cc, r.cc
        cross = scc != rcc or s.src != r.src
        tc = t
        if cross:
            if ch == "bank_transfer" and scc != rcc:
                tc = t + 1800 + int(self.rnd() * 86400)
            else:
                tc = t + 30 + int(self.rnd() * 900)
        cur = s.cur
        rcur = r.cur
        if rcur != cur:
            day = (t - START) // 86400
            ramt = round(amt * self.rate(cur, day) / self.rate(rcur, day) * (0.975 + 0.02 * self.rnd()), 2)
        else:
            ramt = amt
        self.last_ramt = ramt
        if (s.closed and t > s.closed) or (r.closed and tc > r.closed):
            return tc  # the account was closed: the payment never happened
        if s.vis:
            src, tz, a, c, tt = s.src, s.tz, amt, cur, t
        elif r.vis:
            src, tz, a, c, tt = r.src, r.tz, ramt, rcur, tc
        else:
            return tc
        s.used = True
        r.used = True
        l_ = tt + tz
        d, sec = divmod(l_, 86400)
        h, sec = divmod(sec, 3600)
        m, sec = divmod(sec, 60)
        ts = f"{_DATES[d - DAY0]}T{h:02d}:{m:02d}:{sec:02d}{_SUFFIX[tz]}"
        if scc != rcc and ch != "card" and ch != "gift_card":
            sn, rn = s.hname, r.hname
        else:
            sn = rn = ""
        self._buf.append(
            (
                f"TX{mix48(self.n_txn, self.salt):012x}",
                src,
                ts,
                f"{a:.2f}",
                c,
                s.aid,
                r.aid,
                ch,
                scc,
                rcc,
                ref,
                mcc,
                mname,
                sn,
                rn,
            )
        )
        if len(self._buf) >= 20000:
            self._tx.writerows(self._buf)
            self.n_written += len(self._buf)
            self._buf.clear()
        return tc

    def msg(self, t: int, a: Acct, b: Acct, text: str) -> None:
        self.n_msg += 1
        if "chika-msg" not in self.inview:
            return
        a.used = b.used = True
        a.person.flags |= 2
        b.person.flags |= 2
        self.msg_rows.append(
            (
                f"MSG{mix48(self.n_msg, self.salt ^ 0x5A5A5A5A5A5A):012x}",
                "chika-msg",
                self.ts(t, 0),
                a.aid,
                b.aid,
                "",
                text,
            )
        )

    def session(
        self,
        t0: int,
        dur: int,
        host: Acct,
        viewer: Acct,
        hip: str,
        vip: str,
        hdev: str,
        vdev: str,
        private: bool,
        paid: float,
    ) -> None:
        self.n_sess += 1
        if "kumusta-call" not in self.inview:
            return
        host.used = viewer.used = True
        host.person.flags |= 4
        viewer.person.flags |= 4
        sid = f"KS{mix48(self.n_sess, self.salt ^ 0x3C3C3C3C3C3C):012x}"
        self.sess_rows.append(
            (
                sid,
                "kumusta-call",
                self.ts(t0, 28800),
                self.ts(t0 + dur, 28800),
                host.aid,
                viewer.aid,
                host.cc,
                viewer.cc,
                hip,
                vip,
                hdev,
                vdev,
                "true" if private else "false",
                f"{paid:.2f}" if paid else "",
                "USD" if paid else "",
            )
        )

    @staticmethod
    def ts(t: int, tz: int) -> str:
        d, sec = divmod(t + tz, 86400)
        h, sec = divmod(sec, 3600)
        m, sec = divmod(sec, 60)
        return f"{_DATES[d - DAY0]}T{h:02d}:{m:02d}:{sec:02d}{_SUFFIX[tz]}"

    # ------------------------------------------------------------------ output
    def finish(self, params: dict) -> dict:
        if self._buf:
            self._tx.writerows(self._buf)
            self.n_written += len(self._buf)
            self._buf.clear()
        self._tx_file.close()
        bundle, inview = self.bundle, self.inview

        def write(name, header, rows):
            with open(os.path.join(bundle, name + ".csv"), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(header)
                w.writerows(rows)

        party_rows = []
        for row in self.party_rows:
            if row[1] in inview:
                party_rows.append(row + [self.ts(self.party_open[row[0]], SRC_TZ[row[1]])])
        write(
            "parties",
            [
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
            ],
            party_rows,
        )
        acc_rows = []
        for a in self.accounts:
            if a.vis:
                a.used = True
                acc_rows.append(
                    (
                        a.aid,
                        a.src,
                        a.party,
                        a.kind,
                        a.cc,
                        a.username,
                        a.display,
                        self.ts(a.opened, a.tz),
                        self.ts(a.closed, a.tz) if a.closed else "",
                        a.banned,
                    )
                )
        write(
            "accounts",
            [
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
            ],
            acc_rows,
        )
        if "chika-msg" in inview:
            write(
                "messages",
                [
                    "message_id",
                    "source",
                    "sent_at",
                    "sender_account_id",
                    "recipient_account_id",
                    "session_id",
                    "text",
                ],
                self.msg_rows,
            )
        if "kumusta-call" in inview:
            write(
                "sessions",
                [
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
                ],
                self.sess_rows,
            )
        fx = []
        curs = sorted(N.USD_PER)
        for d in range(0, DAYS, 1):
            ds = _DATES[START_DAY + d - DAY0]
            for c in curs:
                fx.append((ds, c, f"{self.rate(c, d):.6g}"))
        write("fx_rates", ["date", "currency", "usd_per_unit"], fx)

        # truth: every account of the bundle, every person who owns one
        seen: dict[str, Person] = {}
        truth_acc = []
        for p in self.persons:
            for a in p.accts:
                if a.used:
                    truth_acc.append((a.aid, a.party if a.vis else "", p.pid))
                    seen[p.pid] = p
        with open(os.path.join(self.truth, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "party_id", "person_id"])
            w.writerows(truth_acc)
        cohorts: dict[str, int] = {}
        with open(os.path.join(self.truth, "persons.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["person_id", "cohort", "role", "network_id", "traits"])
            for p in self.persons:
                if p.pid not in seen:
                    continue
                traits = list(p.traits)
                if p.flags & 2:
                    traits.append("chat")
                if p.flags & 4:
                    traits.append("sessions")
                if self.view == "receiver" and "inbound_only" not in traits and p.role == "payer":
                    if not any(a.vis for a in p.accts):
                        traits.append("inbound_only")
                w.writerow([p.pid, p.cohort, p.role, p.net, ";".join(traits)])
                cohorts[p.cohort] = cohorts.get(p.cohort, 0) + 1
        return {
            "transactions": self.n_written,
            "parties": len(party_rows),
            "accounts": len(acc_rows),
            "messages": len(self.msg_rows) if "chika-msg" in inview else 0,
            "sessions": len(self.sess_rows) if "kumusta-call" in inview else 0,
            "persons": len(seen),
            "cohorts": dict(sorted(cohorts.items())),
        }
