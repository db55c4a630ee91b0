"""Core records of world I: people, parties, accounts, payments, sessions and chat, held compactly."""

import random
import time
import zlib

from . import vocab as V

START = 1704067200  # 2024-01-01T00:00:00Z
DAYS = 366
SOURCES = ["northstar-bank", "paypeer", "coinvault", "perlas-bank", "kawallet", "hallo-video"]
NSB, PPR, CVX, PLB, KWL, HVC = range(6)
PH_SOURCES = {PLB, KWL}
PHP_PER_USD = 56.2
USD_PER_CAD = 0.74


def fx_php(day):
    return PHP_PER_USD * (1 + 0.025 * ((day % 97) / 97 - 0.5))


def fx_cad(day):
    return USD_PER_CAD * (1 + 0.02 * ((day % 83) / 83 - 0.5))


class Person:
    __slots__ = (
        "idx",
        "pid",
        "cohort",
        "role",
        "nets",
        "tags",
        "country",
        "tz",
        "first",
        "last",
        "gender",
        "birth",
        "city",
        "region",
        "address",
        "phone",
        "email",
        "parties",
        "acc",
        "device",
        "ip",
        "kind",
    )

    def __init__(self, idx, pid, cohort):
        self.idx = idx
        self.pid = pid
        self.cohort = cohort
        self.role = ""
        self.nets = []
        self.tags = set()
        self.parties = {}
        self.acc = {}
        self.kind = "person"


class Ids:
    """Unique, scrambled ids: an odd multiplier is a bijection modulo 2**k."""

    def __init__(self, rng):
        self.n = {}
        self.salt = rng.getrandbits(30)

    def make(self, prefix, width=10, digits=False):
        k = self.n.get(prefix, 0) + 1
        self.n[prefix] = k
        h = zlib.crc32(prefix.encode()) ^ self.salt
        if digits:
            mod = 10**width
            v = (k * 7919 * 100003 * (1, 3, 7, 9, 11)[h % 5] + h) % mod  # factors coprime to 10
            return f"{prefix}{v:0{width}d}"
        bits = width * 4
        v = (k * (0x9E3779B1 + 2 * (h & 0xFFFF)) + h) % (1 << bits)
        return f"{prefix}{v:0{width}x}"


class World:
    def __init__(self, seed, customers):
        self.rng = random.Random(seed)
        self.seed = seed
        self.customers = customers
        self.ids = Ids(self.rng)
        self.people = []
        self.parties = []  # tuples
        self.accounts = []  # tuples
        self.acct_owner = {}  # account_id -> (party_id, person idx)
        self.acct_src = {}
        self.txns = []
        self.sessions = []
        self.messages = []
        self.phone_n = 0
        self.net_n = {}

    # ---------- people ----------
    def person(self, cohort, country, gender=None, age=(25, 60), last=None, first=None):
        r = self.rng
        p = Person(len(self.people), self.ids.make("T", 12), cohort)
        self.people.append(p)
        p.country = country
        p.gender = gender or r.choice("mf")
        if country == "PH":
            p.first = first or r.choice(V.PH_FIRST_F if p.gender == "f" else V.PH_FIRST_M)
            p.last = last or r.choice(V.PH_LAST)
            p.city = r.choice(V.PH_CITIES)
            p.region = ""
            p.tz = 8
            p.address = (
                f"Blk {r.randint(1, 60)} Lot {r.randint(1, 40)}, Purok {r.randint(1, 9)}, "
                f"Brgy. {r.choice(V.BARANGAYS)}, {p.city}"
            )
        elif country in ("NG", "CI"):
            p.first = first or r.choice(V.NG_FIRST if country == "NG" else V.CI_FIRST)
            p.last = last or r.choice(V.NG_LAST if country == "NG" else V.CI_LAST)
            p.city = "Lagos" if country == "NG" else "Abidjan"
            p.region = ""
            p.tz = 1 if country == "NG" else 0
            p.address = f"{r.randint(1, 300)} Road {r.randint(1, 90)}, {p.city}"
        else:
            p.first = first or r.choice(V.US_FIRST_F if p.gender == "f" else V.US_FIRST_M)
            p.last = last or r.choice(V.US_LAST)
            city = r.choice(V.CA_CITIES if country == "CA" else V.US_CITIES)
            p.city, p.region, p.tz = city
            p.address = (
                f"{r.randint(1, 9999)} {r.choice(V.STREETS)} {r.choice(V.STREET_KIND)}, {p.city} {p.region}"
            )
        a = r.randint(*age)
        p.birth = f"{2024 - a}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        p.phone = self.new_phone(country)
        p.email = f"{p.first.lower().replace(' ', '').replace('.', '')}.{p.last.lower().replace(' ', '')}{r.randint(1, 999)}@example.com"
        p.device = self.ids.make("dev-", 12)
        p.ip = self.new_ip(country)
        return p

    def org(self, cohort, country, name):
        p = self.person(cohort, country)
        p.kind = "organization"
        p.first, p.last = "", name
        p.gender = ""
        p.birth = ""
        p.email = f"info@{name.lower().replace(' ', '').replace('.', '')}.example.com"
        return p

    def new_phone(self, country):
        self.phone_n += 1
        v = (self.phone_n * 7237 + self.ids.salt) % 10**7
        if country == "PH":
            return f"+63 9{self.rng.choice('1234579')}{self.rng.randint(0, 9)} {v:07d}"
        if country in ("US", "CA"):
            return f"+1 {self.rng.randint(201, 989)} 555 {v % 10**4:04d}{v // 10**4 % 10}"
        return f"+{234 if country == 'NG' else 225} {v:07d}{self.rng.randint(10, 99)}"

    def new_ip(self, country):
        r = self.rng
        first = {"PH": 112, "US": 73, "CA": 99, "NG": 102, "CI": 154}.get(country, 81)
        return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    def new_net(self, kind):
        k = self.net_n.get(kind, 0) + 1
        self.net_n[kind] = k
        return f"{kind}-{k:03d}"

    # ---------- parties and accounts ----------
    def noisy_name(self, p):
        r = self.rng
        if p.kind == "organization":
            return p.last if r.random() > 0.1 else p.last.upper()
        first, last = p.first, p.last
        x = r.random()
        if x < 0.05 and len(last) > 4:
            i = r.randint(1, len(last) - 2)
            last = last[:i] + last[i + 1] + last[i] + last[i + 2 :]
        elif x < 0.09:
            return f"{last.upper()}, {first}"
        elif x < 0.13:
            return f"{first} {r.choice('ABCDEGJLMNRST')}. {last}"
        elif x < 0.16:
            return f"{first.upper()} {last.upper()}"
        elif x < 0.18 and " " in first:
            first = first.split()[0]
        elif x < 0.2 and p.gender == "m":
            return f"{first} {last} Jr."
        return f"{first} {last}"

    def party(self, p, src, created_day=None):
        if src in p.parties:
            return p.parties[src]
        r = self.rng
        pid = self.ids.make(
            ["NSB-C", "PP-U", "CV-K", "PLB-CIF", "KW-P", "HV-U"][src], 9, digits=src in (NSB, PLB)
        )
        p.parties[src] = pid
        d = created_day if created_day is not None else -r.randint(30, 3000)
        self.party_row(p, src, pid, d)
        if r.random() < 0.025 and src != HVC:  # duplicate KYC record
            pid2 = self.ids.make(
                ["NSB-C", "PP-U", "CV-K", "PLB-CIF", "KW-P", "HV-U"][src], 9, digits=src in (NSB, PLB)
            )
            self.party_row(p, src, pid2, d + r.randint(5, 400), dup=True)
            p.parties.setdefault("dups", []).append((src, pid2))
        return pid

    def party_row(self, p, src, pid, day, dup=False):
        r = self.rng
        full = src in (NSB, CVX, PLB)
        name = self.noisy_name(p)
        birth = p.birth if (full or r.random() < 0.4) and r.random() > 0.04 else ""
        phone = p.phone
        if r.random() < 0.3 and phone.startswith("+63 "):
            phone = "0" + phone[4:].replace(" ", "")
        elif r.random() < 0.2:
            phone = phone.replace(" ", "")
        if r.random() < 0.05:
            phone = ""
        addr = p.address if (full or src == KWL or r.random() < 0.3) else ""
        if addr and (dup or r.random() < 0.08):
            addr = addr.replace("Brgy.", "Barangay").replace(" St,", " Street,").replace(" Ave,", " Avenue,")
        email = p.email if r.random() > 0.06 else ""
        idn = ""
        if full:
            idn = {"US": "SSN-***-**-", "CA": "SIN-***-***-"}.get(p.country, "PHID-")
            idn += f"{r.randint(0, 9999):04d}"
        ts = START + day * 86400 + r.randint(0, 86399)
        self.parties.append(
            (
                pid,
                src,
                p.kind,
                name,
                birth,
                p.gender if r.random() > 0.05 else "",
                p.country if r.random() > 0.03 else "",
                p.city,
                addr,
                phone,
                email,
                idn,
                ts,
            )
        )

    def account(self, p, src, kind, key=None, party_person=None, country=None, username="", display=""):
        """Open an account at an in-bundle source. party_person: whose name the account is in."""
        key = key or (src, kind)
        if key in p.acc:
            return p.acc[key]
        r = self.rng
        holder = party_person or p
        party_id = self.party(holder, src)
        if src == NSB:
            aid = self.ids.make("NSB" if kind == "bank" else "NSBCARD-", 10, digits=True)
        elif src == PPR:
            aid = "$" + self.ids.make("pp", 8)
        elif src == CVX:
            aid = self.ids.make("cvx:", 9)
        elif src == PLB:
            aid = self.ids.make("PLB-", 12, digits=True)
        elif src == KWL:
            aid = self.ids.make("KW09", 9, digits=True)
        else:
            aid = self.ids.make("hv_", 10)
        p.acc[key] = aid
        opened = START + r.randint(-2500, -10) * 86400 + r.randint(0, 86399)
        kname = {
            (NSB, "bank"): "bank",
            (NSB, "card"): "card",
            (PPR, "ewallet"): "wallet",
            (CVX, "crypto"): "crypto",
            (PLB, "bank"): "savings",
            (KWL, "ewallet"): "ewallet",
            (HVC, "platform"): "platform",
        }.get((src, kind), kind)
        self.accounts.append(
            (
                aid,
                src,
                party_id,
                kname,
                country or holder.country,
                username,
                display,
                opened,
                None,
                "",
            )
        )
        self.acct_owner[aid] = (party_id, p.idx)
        self.acct_src[aid] = src
        return aid

    def ext(self, p, prefix, key=None, width=10):
        """An account at an institution outside the bundle (truth only)."""
        key = key or ("ext", prefix)
        if key in p.acc:
            return p.acc[key]
        aid = self.ids.make(prefix, width)
        p.acc[key] = aid
        self.acct_owner[aid] = ("", p.idx)
        self.acct_src[aid] = -1
        return aid

    def vid(self, p):
        key = (HVC, "platform")
        if key in p.acc:
            return p.acc[key]
        r = self.rng
        base = (p.first.split()[0] if p.first else p.last).lower()
        user = f"{base}{r.choice(['', '_', '.', 'x'])}{r.randint(1, 9999)}"
        disp = r.choice([p.first, base.title(), user, f"{base.title()} {p.last[:1]}."])
        return self.account(p, HVC, "platform", username=user, display=disp)

    # ---------- events ----------
    def txn(
        self,
        src,
        ts,
        amount,
        cur,
        snd,
        rcv,
        chan,
        scc="",
        rcc="",
        ref="",
        mcc="",
        mname="",
        chain="",
        sname="",
        rname="",
        vis="B",
        off=0,
    ):
        if amount <= 0:
            amount = 0.01
        self.txns.append(
            (
                src,
                int(ts),
                round(amount, 2),
                cur,
                snd,
                rcv,
                chan,
                scc,
                rcc,
                ref,
                mcc,
                mname,
                chain,
                sname,
                rname,
                vis,
                off,
            )
        )

    def session(self, ts, minutes, host, viewer, hp, vp, private=True, paid=None, sid=None):
        sid = sid or self.ids.make("S", 12)
        self.sessions.append(
            (
                sid,
                int(ts),
                int(ts + minutes * 60),
                host,
                viewer,
                hp.country,
                vp.country,
                hp.ip,
                vp.ip,
                hp.device,
                vp.device,
                private,
                paid,
            )
        )
        return sid

    def msg(self, ts, snd, rcv, text, sid=""):
        self.messages.append((self.ids.make("M", 12), int(ts), snd, rcv, sid, text))


def at(day, hour, tz):
    """Epoch seconds for local `hour` (float) on `day` in a zone of UTC offset `tz`."""
    return START + int((day * 24 + hour - tz) * 3600)


def fmt_ts(ts, off_min, ms=False, z=False):
    t = time.gmtime(ts + off_min * 60)
    s = time.strftime("%Y-%m-%dT%H:%M:%S", t)
    if ms:
        s += f".{(ts * 7) % 1000:03d}"
    if z and off_min == 0:
        return s + "Z"
    sign = "+" if off_min >= 0 else "-"
    a = abs(off_min)
    return f"{s}{sign}{a // 60:02d}:{a % 60:02d}"
