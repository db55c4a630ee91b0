"""Core machinery of world G: people, records, ids, times, money and the writers."""

from __future__ import annotations

import csv
import math
import os
import random
from datetime import UTC, datetime, timedelta, timezone

from . import names as N

T0 = 1672531200  # 2023-01-01T00:00:00Z
DAYS = 730
DAY = 86400
HOUR = 3600

BANK = "northbank"  # foreign bank (GB/AU/US), full KYC: accounts, cards, NorthSend app
WAL = "pinoypay"  # Philippine e-wallet (receiving side)
PLAT = "livecam"  # live-streaming / video-chat platform
REM = "globeremit"  # remittance company (senders abroad, payout to PH)
EXT = "ext"  # institutions outside the consortium (never a bundle source)

TZ = {
    "GB": 0,
    "AU": 10,
    "US": -6,
    "CA": -5,
    "DE": 1,
    "NL": 1,
    "NO": 1,
    "IT": 1,
    "IE": 0,
    "SA": 3,
    "AE": 4,
    "JP": 9,
    "SG": 8,
    "HK": 8,
    "PH": 8,
    "CO": -5,
    "RO": 2,
    "NG": 1,
}
CUR = {
    "GB": "GBP",
    "AU": "AUD",
    "US": "USD",
    "CA": "CAD",
    "DE": "EUR",
    "NL": "EUR",
    "IT": "EUR",
    "IE": "EUR",
    "NO": "NOK",
    "SA": "SAR",
    "AE": "AED",
    "JP": "JPY",
    "SG": "SGD",
    "HK": "HKD",
    "PH": "PHP",
    "CO": "COP",
    "RO": "RON",
    "NG": "NGN",
}
USD_PER = {
    "USD": 1.0,
    "GBP": 1.26,
    "AUD": 0.66,
    "CAD": 0.74,
    "EUR": 1.08,
    "NOK": 0.094,
    "SAR": 0.2666,
    "AED": 0.2723,
    "JPY": 0.0069,
    "SGD": 0.745,
    "HKD": 0.128,
    "PHP": 0.0179,
    "COP": 0.00025,
    "RON": 0.217,
    "NGN": 0.0009,
}
ZERO_DEC = {"JPY", "COP", "NGN"}

TX_COLS = [
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
    "chain_txn",
]
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
ACCOUNT_COLS = [
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
SESSION_COLS = [
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
]
MESSAGE_COLS = [
    "message_id",
    "source",
    "sent_at",
    "sender_account_id",
    "recipient_account_id",
    "session_id",
    "text",
]

OFFENDER_COHORTS = {"offender_payer", "facilitator", "sextortion_victim", "extortionist"}


def scr(n: int, bits: int = 40, salt: int = 0) -> int:
    """A bijection of [0, 2**bits): turns a counter into a scrambled-looking id."""
    m = (1 << bits) - 1
    x = (n * 0x9E3779B1 + salt) & m
    x ^= x >> (bits // 2)
    x = (x * 0x85EBCA6B) & m
    x ^= x >> (bits // 3)
    return x


def q(s: str) -> str:
    if not s:
        return ""
    if "," in s or '"' in s or "\n" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


_TZCACHE: dict[int, timezone] = {}


def fmt_ts(t: float, off_min: int, z: bool = False) -> str:
    tz = _TZCACHE.get(off_min)
    if tz is None:
        tz = _TZCACHE[off_min] = timezone(timedelta(minutes=off_min))
    s = datetime.fromtimestamp(int(t), tz).isoformat()
    if z and off_min == 0:
        s = s[:-6] + "Z"
    return s


class Person:
    __slots__ = (
        "pid",
        "cohort",
        "role",
        "net",
        "traits",
        "country",
        "given",
        "middle",
        "surname",
        "gender",
        "birth",
        "city",
        "address",
        "phone",
        "email",
        "idn",
        "tz",
        "ip",
        "dev",
        "ph_name",
        "accts",
    )

    def __init__(self) -> None:
        self.traits: set[str] = set()
        self.accts: dict[str, str] = {}

    @property
    def name(self) -> str:
        mid = f" {self.middle}." if self.middle else ""
        return f"{self.given}{mid} {self.surname}"


class Core:
    """Holds every record of the world and writes the bundle and the truth."""

    def __init__(self, seed: int, n: int, view: str) -> None:
        self.r = random.Random(seed)
        self.seed = seed
        self.n = n
        self.view = view
        self.rv = view == "receiver"
        self.persons: list[Person] = []
        self.parties: list[list[str]] = []
        self.accounts: list[list[str]] = []
        # account_id -> (person_id, party_id, ph_side, country, source, currency, kyc_name)
        self.acc: dict[str, tuple] = {}
        self.tx_lines: list[str] = []
        self.sess_lines: list[str] = []
        self.msg_rows: list[list[str]] = []
        self.used: set[str] = set()
        self.track: dict[str, list] = {}
        self.ctr = 0
        self.email_ctr = 0
        self._fx_init()

    # ------------------------------------------------------------------ ids
    def nid(self) -> int:
        self.ctr += 1
        return scr(self.ctr, 40, self.seed * 7919)

    # ------------------------------------------------------------------ fx
    def _fx_init(self) -> None:
        r = random.Random(self.seed * 31 + 5)
        self.fx: dict[str, list[float]] = {}
        for cur, base in USD_PER.items():
            if cur == "USD":
                self.fx[cur] = [1.0] * (DAYS + 60)
                continue
            v, out = base, []
            for _ in range(DAYS + 60):
                v *= math.exp(r.gauss(0, 0.003))
                v = min(max(v, base * 0.9), base * 1.1)
                out.append(v)
            self.fx[cur] = out

    def usd_per(self, cur: str, t: float) -> float:
        d = int((t - T0) // DAY)
        d = min(max(d, 0), DAYS + 59)
        return self.fx[cur][d]

    def money(self, usd: float, cur: str, t: float, roundp: float = 0.0) -> float:
        v = usd / self.usd_per(cur, t)
        if self.r.random() < roundp:
            if cur == "PHP":
                step = 500 if v >= 3000 else 100
            elif cur in ZERO_DEC:
                step = 1000 if cur == "JPY" else 10000
            elif v >= 200:
                step = 50
            elif v >= 40:
                step = 10
            else:
                step = 5
            v = max(step, round(v / step) * step)
        return round(v, 0 if cur in ZERO_DEC else 2)

    # ------------------------------------------------------------------ time
    def at(self, day: float, hour: float, tz: float) -> int:
        """Epoch of local clock `hour` (may exceed 24) on world day `day` in zone tz."""
        return int(T0 + int(day) * DAY + (hour - tz) * HOUR + self.r.random() * 60)

    def local_hour(self, t: float, tz: float) -> float:
        return ((t - T0) / HOUR + tz) % 24

    # ------------------------------------------------------------------ people
    def person(
        self,
        cohort: str,
        country: str,
        *,
        sex: str | None = None,
        age: tuple = (22, 65),
        surname: str | None = None,
        ph_name: bool | None = None,
        role: str = "",
        net: str = "",
        city: str | None = None,
        address: str | None = None,
        tz: float | None = None,
    ) -> Person:
        r = self.r
        p = Person()
        p.pid = "T" + format(scr(len(self.persons) + 1, 32, self.seed), "08x")
        p.cohort, p.role, p.net, p.country = cohort, role, net, country
        p.gender = sex or r.choice("mf")
        if ph_name is None:
            ph_name = country == "PH"
        p.ph_name = ph_name
        if ph_name:
            p.given = r.choice(N.PH_GIVEN_F if p.gender == "f" else N.PH_GIVEN_M)
            p.surname = surname or r.choice(N.PH_SURNAMES)
            p.middle = r.choice("ABCDEGLMPRSTV") if r.random() < 0.7 else ""
        elif country == "NG":
            p.given, p.surname, p.middle = r.choice(N.NG_GIVEN), surname or r.choice(N.NG_SURNAMES), ""
        else:
            p.given = r.choice(N.W_GIVEN_F if p.gender == "f" else N.W_GIVEN_M)
            p.surname = surname or r.choice(N.W_SURNAMES)
            p.middle = r.choice("ABCDJKMPRSTW") if r.random() < 0.3 else ""
        a = r.randint(age[0], age[1])
        p.birth = f"{2024 - a}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        if country == "PH":
            c, prov = r.choice(N.PH_CITIES)
            p.city = city or c
            p.address = address or (
                f"{r.randint(1, 399)} {r.choice(N.STREETS)} St., Brgy. {r.choice(N.BARANGAYS)}, {p.city}"
            )
        else:
            p.city = city or r.choice(N.W_CITIES.get(country, ["Capital"]))
            p.address = address or f"{r.randint(1, 250)} {r.choice(N.W_STREETS)}, {p.city}"
        p.phone = self.new_phone(country)
        p.email = self.new_email(p)
        p.idn = self.new_idn(country)
        if tz is None:
            tz = TZ.get(country, 0)
            if country == "US":
                tz = r.choice([-5, -5, -6, -7, -8, -8, -10])
            elif country == "AU":
                tz = r.choice([10, 10, 10, 8, 9.5])
            elif country == "CA":
                tz = r.choice([-5, -6, -8])
        p.tz = tz
        p.ip = self.new_ip(country)
        p.dev = "d-" + format(self.nid(), "010x")
        self.persons.append(p)
        return p

    def new_phone(self, cc: str) -> str:
        r = self.r
        if cc == "PH":
            d = f"9{r.randint(10, 99)}{r.randint(1000000, 9999999)}"
            return r.choice([f"+63{d}", f"0{d}", f"+63 {d[:3]} {d[3:6]} {d[6:]}", f"63{d}"])
        code = {
            "GB": "44",
            "AU": "61",
            "US": "1",
            "CA": "1",
            "SA": "966",
            "AE": "971",
            "JP": "81",
            "SG": "65",
            "HK": "852",
            "NG": "234",
        }.get(cc, "49")
        return f"+{code} {r.randint(200, 999)} {r.randint(1000000, 9999999)}"

    def new_email(self, p: Person) -> str:
        self.email_ctr += 1
        r = self.r
        g = p.given.split()[0].lower().replace(".", "")
        s = p.surname.replace(" ", "").replace("'", "").lower().replace("ñ", "n")
        dom = r.choice(["example.com", "example.org", "example.net", "mail.example.com"])
        form = r.random()
        tag = scr(self.email_ctr, 20, self.seed) % 9973
        if form < 0.4:
            return f"{g}.{s}{tag}@{dom}"
        if form < 0.7:
            return f"{g[0]}{s}{tag}@{dom}"
        return f"{s}.{g}{tag % 100}{r.randint(0, 9)}{tag}@{dom}"

    def new_idn(self, cc: str) -> str:
        n = self.nid() % 10**10
        if cc == "PH":
            return self.r.choice([f"UMID-{n:010d}", f"PSN-{n:010d}", f"DL-N{n % 10**8:08d}"])
        return f"{cc}P{n % 10**9:09d}"

    def new_ip(self, cc: str) -> str:
        r = self.r
        first = {
            "PH": [49, 112, 120, 124, 175, 180],
            "GB": [81, 86, 92],
            "AU": [101, 110, 144],
            "US": [24, 67, 73, 98, 174],
            "NG": [102, 105, 197],
        }.get(cc, [31, 77, 88, 95])
        return f"{r.choice(first)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    # ------------------------------------------------------------------ names
    def variant(self, p: Person) -> str:
        r = self.r
        x = r.random()
        g, s, m = p.given, p.surname, p.middle
        if x < 0.5:
            return p.name
        if x < 0.65:
            return f"{g} {s}"
        if x < 0.72:
            return p.name.upper()
        if x < 0.8:
            return f"{s}, {g}" + (f" {m}." if m else "")
        if x < 0.9:
            g2 = g.replace("Ma. ", "Maria ") if g.startswith("Ma. ") else g.replace("Maria", "Ma.")
            s2 = (
                s.replace("Dela Cruz", r.choice(["Delacruz", "De la Cruz"]))
                .replace("Delos Santos", "De los Santos")
                .replace("ñ", "n")
            )
            return f"{g2} {s2}"
        # typo: swap or drop a letter
        full = f"{g} {s}"
        i = r.randint(1, len(full) - 2)
        if full[i] == " " or full[i + 1] == " ":
            return full.lower().title()
        if r.random() < 0.5:
            return full[:i] + full[i + 1] + full[i] + full[i + 2 :]
        return full[:i] + full[i + 1 :]

    # ------------------------------------------------------------------ records
    def party(
        self,
        p: Person | None,
        src: str,
        *,
        name: str | None = None,
        kind: str = "person",
        created: float | None = None,
        miss: float = 0.08,
        country: str | None = None,
        city: str | None = None,
        address: str | None = None,
        phone: str | None = None,
        email: str | None = None,
        birth: str | None = None,
        gender: str | None = None,
        idn: str | None = None,
    ) -> str:
        r = self.r
        pre = {BANK: "NBC", WAL: "PPK", PLAT: "LCU", REM: "GRK"}[src]
        pid = f"{pre}{self.nid():013d}"
        if created is None:
            created = T0 - r.randint(30, 3000) * DAY
        created += r.randint(0, DAY - 1)
        if p is not None:
            name = name if name is not None else self.variant(p)
            country = country or p.country
            city = city if city is not None else p.city
            address = address if address is not None else p.address
            phone = phone if phone is not None else p.phone
            email = email if email is not None else p.email
            birth = birth if birth is not None else p.birth
            gender = gender if gender is not None else p.gender
            idn = idn if idn is not None else p.idn

        def m(v):
            return "" if (v is None or r.random() < miss) else v

        if kind == "organization":
            birth = gender = None
        if src == PLAT:  # user profiles carry little
            row = [
                pid,
                src,
                kind,
                m(name) if r.random() < 0.6 else "",
                "",
                "",
                m(country),
                "",
                "",
                m(phone) if r.random() < 0.15 else "",
                email or "",
                "",
                fmt_ts(created, 0, True),
            ]
            if birth and r.random() < 0.5:
                row[4] = birth
        else:
            if idn and r.random() < 0.2:
                idn = idn.replace("-", "")
            if email and r.random() < 0.1:
                email = email.upper() if r.random() < 0.5 else " " + email
            row = [
                pid,
                src,
                kind,
                name or "",
                m(birth),
                m(gender),
                country or "",
                m(city),
                m(address),
                m(phone),
                m(email),
                m(idn),
                fmt_ts(created, 480 if src == WAL else 0, src != WAL),
            ]
        self.parties.append(row)
        return pid

    def account(
        self,
        p: Person,
        src: str,
        kind: str,
        party: str = "",
        *,
        in_table: bool = True,
        ph: bool | None = None,
        country: str | None = None,
        username: str = "",
        display: str = "",
        opened: float | None = None,
        closed: float | None = None,
        banned: str = "",
        cur: str | None = None,
        kyc_name: str | None = None,
        aid: str | None = None,
    ) -> str:
        r = self.r
        n = self.nid()
        country = country or p.country
        if aid is None:
            if src == BANK:
                if kind == "card":
                    aid = f"card-{n:012x}"[-17:]
                elif kind == "remittance":
                    aid = f"NS-{n:012d}"
                else:
                    aid = f"{country}{n % 97:02d}NRTH{n:014d}"
            elif src == WAL:
                aid = f"PPM-{n:011d}" if kind == "merchant" else f"W{n:013d}"
            elif src == PLAT:
                aid = f"lc_{n:010x}"
            elif src == REM:
                aid = f"GR{'B' if country == 'PH' else 'S'}-{n:012d}"
            else:
                aid = {"crypto": f"bc1q{n:020x}{n % 9973:04d}x", "merchant": f"MID-{n:012d}"}.get(
                    kind, f"XB-{country}-{n:012d}"
                )
        if ph is None:
            ph = src == WAL
        if cur is None:
            cur = "PHP" if src == WAL else CUR.get(country, "USD")
        self.acc[aid] = (p.pid, party, ph, country, src, cur, kyc_name if kyc_name is not None else p.name)
        if in_table and src != EXT:
            if opened is None:
                opened = T0 - r.randint(10, 2500) * DAY
            opened += r.randint(0, DAY - 1)
            self.accounts.append(
                [
                    aid,
                    src,
                    party,
                    kind,
                    country if r.random() > 0.03 else "",
                    username,
                    display,
                    fmt_ts(opened, 480 if src == WAL else 0, src != WAL),
                    fmt_ts(closed, 0, True) if closed else "",
                    banned,
                ]
            )
        return aid

    # ------------------------------------------------------------------ events
    def tx(
        self,
        src: str,
        t: float,
        amt: float,
        cur: str,
        s: str,
        rcv: str,
        ch: str,
        ref: str = "",
        mcc: str = "",
        mname: str = "",
        sname: str = "",
        rname: str = "",
        chain: str = "",
        off: int | None = None,
    ) -> None:
        if t < T0 or t >= T0 + DAYS * DAY or amt <= 0:
            return
        sa, ra = self.acc[s], self.acc[rcv]
        r = self.r
        if self.rv:
            if not (sa[2] or ra[2]):
                return
            if src != WAL:
                src = WAL
                if cur != "PHP":
                    amt = round(
                        amt * self.usd_per(cur, t) / self.usd_per("PHP", t) * (1 - r.random() * 0.02), 2
                    )
                    cur = "PHP"
                off = 480
        if ra[2] and cur != "PHP":
            php = amt * self.usd_per(cur, t) / self.usd_per("PHP", t)
        else:
            php = amt
        tr = self.track.get(rcv)
        if tr is not None:
            tr.append((t, php, s))
        if off is None:
            if src == WAL:
                off = 480
            elif src == REM:
                off = int(r.choice([0, 60, -300, 480, 180]) if r.random() < 0.2 else 0)
            else:
                off = 0
            if r.random() < 0.08:
                off = r.choice([0, 480, -300, 600, 60, -480])
        self.used.add(s)
        self.used.add(rcv)
        pre = {BANK: "NB", WAL: "PP", REM: "GR"}.get(src, "TX")
        a = f"{amt:.0f}" if cur in ZERO_DEC else f"{amt:.2f}"
        sc = sa[3] if r.random() > 0.03 else ""
        rc = ra[3] if r.random() > 0.03 else ""
        self.tx_lines.append(
            ",".join(
                (
                    f"{pre}{self.nid():012x}",
                    src,
                    fmt_ts(t, off, r.random() < 0.5),
                    a,
                    cur,
                    s,
                    rcv,
                    ch,
                    sc,
                    rc,
                    q(ref),
                    mcc,
                    q(mname),
                    q(sname),
                    q(rname),
                    chain,
                )
            )
        )

    def session(
        self,
        t: float,
        minutes: float,
        host: str,
        viewers: list,
        private: bool,
        hp: Person,
        cur: str = "USD",
    ) -> str | None:
        """viewers: list of (account_id, person, paid_usd)."""
        if self.rv or t < T0 or t >= T0 + DAYS * DAY:
            return None
        r = self.r
        sid = f"S{self.nid():012x}"
        st = fmt_ts(t, 0, True)
        en = fmt_ts(t + minutes * 60, 0, True) if r.random() > 0.02 else ""
        ha = self.acc[host]
        self.used.add(host)
        pv = "true" if private else "false"
        if not viewers:
            self.sess_lines.append(
                ",".join((sid, PLAT, st, en, host, "", ha[3], "", hp.ip, "", hp.dev, "", pv, "", ""))
            )
        for va, vp, paid in viewers:
            self.used.add(va)
            pa = f"{paid:.2f}" if paid else ""
            self.sess_lines.append(
                ",".join(
                    (
                        sid,
                        PLAT,
                        st,
                        en,
                        host,
                        va,
                        ha[3],
                        self.acc[va][3],
                        hp.ip,
                        vp.ip if r.random() > 0.05 else "",
                        hp.dev,
                        vp.dev,
                        pv,
                        pa,
                        cur if paid else "",
                    )
                )
            )
        return sid

    def msg(self, t: float, s: str, rcv: str, text: str, sid: str = "") -> None:
        if self.rv or t < T0 or t >= T0 + DAYS * DAY:
            return
        self.used.add(s)
        self.used.add(rcv)
        self.msg_rows.append([f"M{self.nid():012x}", PLAT, fmt_ts(t, 0, True), s, rcv, sid or "", text])

    # ------------------------------------------------------------------ write
    def write(self, out: str) -> dict:
        b = os.path.join(out, "bundle")
        tdir = os.path.join(out, "truth")
        os.makedirs(b, exist_ok=True)
        os.makedirs(tdir, exist_ok=True)
        r = self.r
        keep_src = {WAL} if self.rv else {BANK, WAL, PLAT, REM}
        parties = [row for row in self.parties if row[1] in keep_src]
        accounts = [row for row in self.accounts if row[1] in keep_src]
        r.shuffle(parties)
        r.shuffle(accounts)
        r.shuffle(self.tx_lines)
        r.shuffle(self.sess_lines)
        r.shuffle(self.msg_rows)

        def wcsv(name, cols, rows):
            with open(os.path.join(b, name), "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(cols)
                w.writerows(rows)

        def wlines(name, cols, lines):
            with open(os.path.join(b, name), "w", encoding="utf-8") as f:
                f.write(",".join(cols) + "\n")
                for i in range(0, len(lines), 100000):
                    f.write("\n".join(lines[i : i + 100000]))
                    f.write("\n")

        wcsv("parties.csv", PARTY_COLS, parties)
        wcsv("accounts.csv", ACCOUNT_COLS, accounts)
        wlines("transactions.csv", TX_COLS, self.tx_lines)
        if not self.rv:
            wlines("sessions.csv", SESSION_COLS, self.sess_lines)
            wcsv("messages.csv", MESSAGE_COLS, self.msg_rows)
        fx_rows = []
        for cur, vals in sorted(self.fx.items()):
            for d in range(DAYS):
                if cur != "USD":
                    day = datetime.fromtimestamp(T0 + d * DAY, UTC).date().isoformat()
                    fx_rows.append([day, cur, f"{vals[d]:.6g}"])
        wcsv("fx_rates.csv", ["date", "currency", "usd_per_unit"], fx_rows)

        # truth
        table_ids = {row[0] for row in accounts}
        wanted = table_ids | self.used
        truth_acc = []
        persons_seen = set()
        for aid in wanted:
            info = self.acc[aid]
            party = info[1]
            if party and self.rv and not party.startswith("PPK"):
                party = ""
            truth_acc.append([aid, party, info[0]])
            persons_seen.add(info[0])
        truth_acc.sort()
        with open(os.path.join(tdir, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["account_id", "party_id", "person_id"])
            w.writerows(truth_acc)
        chatters = set()
        for row in self.msg_rows:
            chatters.add(self.acc[row[3]][0])
            chatters.add(self.acc[row[4]][0])
        counts: dict[str, int] = {}
        with open(os.path.join(tdir, "persons.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["person_id", "cohort", "role", "network_id", "traits"])
            for p in self.persons:
                if p.pid not in persons_seen:
                    continue
                tr = set(p.traits)
                tr.discard("chat")
                if p.pid in chatters:
                    tr.add("chat")
                if self.rv and p.cohort == "offender_payer":
                    tr.add("inbound_only")
                w.writerow([p.pid, p.cohort, p.role, p.net, ";".join(sorted(tr))])
                counts[p.cohort] = counts.get(p.cohort, 0) + 1
        return {
            "persons": counts,
            "transactions": len(self.tx_lines),
            "sessions": 0 if self.rv else len(self.sess_lines),
            "messages": 0 if self.rv else len(self.msg_rows),
            "parties": len(parties),
            "accounts": len(accounts),
        }
