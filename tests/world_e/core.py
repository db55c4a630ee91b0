"""Core machinery of world E: persons, parties, accounts, record buffers, time and money."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import names as N
from .params import Params, sample_params

DAY = 86400
SRC_W, SRC_C = 0, 1
Z = -9999  # display marker: timestamp written in UTC with "Z"
DST_CODE = {"": 0, "N": 1, "E": 2, "S": 3}

TX_COLS: dict[str, tuple[Any, Any]] = {
    "src": (np.int8, 0),
    "ts": (np.int64, 0),
    "amount": (np.float64, np.nan),
    "currency": (object, ""),
    "sender": (object, ""),
    "receiver": (object, ""),
    "channel": (object, ""),
    "scc": (object, ""),
    "rcc": (object, ""),
    "reference": (object, ""),
    "mcc": (object, ""),
    "mname": (object, ""),
    "ttype": (object, ""),
    "partner": (object, ""),
    "pref": (object, ""),
    "oamt": (np.float64, np.nan),
    "ocur": (object, ""),
    "sname": (object, ""),
    "fund": (object, ""),
    "disp": (np.int16, 480),
    "mirror": (np.bool_, False),
    "kind": (np.int8, 0),
}
SS_COLS: dict[str, tuple[Any, Any]] = {
    "sid": (np.int64, 0),
    "start": (np.int64, 0),
    "end": (np.int64, 0),
    "host": (object, ""),
    "viewer": (object, ""),
    "hcc": (object, ""),
    "vcc": (object, ""),
    "hip": (object, ""),
    "vip": (object, ""),
    "hdev": (object, ""),
    "vdev": (object, ""),
    "private": (np.int8, -1),
    "paid": (np.float64, np.nan),
    "currency": (object, ""),
    "kind": (np.int8, 0),
}
MS_COLS: dict[str, tuple[Any, Any]] = {
    "ts": (np.int64, 0),
    "sender": (object, ""),
    "recipient": (object, ""),
    "sid": (np.int64, -1),
    "text": (object, ""),
    "kind": (np.int8, 0),
}


class Buffer:
    """Columnar record buffer: chunks of numpy arrays, concatenated at the end."""

    def __init__(self, cols: dict[str, tuple[Any, Any]]):
        self.cols = cols
        self.chunks: dict[str, list[np.ndarray]] = {k: [] for k in cols}
        self.n = 0

    def add(self, n: int, **vals: Any) -> None:
        if n <= 0:
            return
        for k, (dt, default) in self.cols.items():
            v = vals.pop(k, default)
            if isinstance(v, np.ndarray) and v.shape == (n,):
                arr = v.astype(dt, copy=False)
            elif isinstance(v, list):
                arr = np.array(v, dtype=dt)
            else:
                arr = np.full(n, v, dtype=dt)
            if arr.shape != (n,):
                raise ValueError(f"column {k}: shape {arr.shape} != {n}")
            self.chunks[k].append(arr)
        if vals:
            raise KeyError(f"unknown columns {sorted(vals)}")
        self.n += n

    def finish(self) -> dict[str, np.ndarray]:
        out = {}
        for k, (dt, _) in self.cols.items():
            ch = self.chunks[k]
            out[k] = np.concatenate(ch) if ch else np.zeros(0, dtype=dt)
        return out


def _profile(center: float, sd: float, floor: float) -> np.ndarray:
    h = np.arange(24) + 0.5
    d = np.minimum(np.abs(h - center), 24 - np.abs(h - center))
    w = np.exp(-0.5 * (d / sd) ** 2) + floor
    return w / w.sum()


PROFILES = {
    "day": _profile(13.0, 3.5, 0.01),
    "morning": _profile(8.5, 2.0, 0.01),
    "evening": _profile(20.0, 2.3, 0.01),
    "night": _profile(0.5, 2.6, 0.005),
    "late": _profile(2.5, 1.6, 0.005),
    "business": np.where((np.arange(24) >= 8) & (np.arange(24) < 18), 1.0, 0.03),
    "flat": np.ones(24),
    "ph_day": _profile(14.0, 4.0, 0.02),
}
PROFILES = {k: v / v.sum() for k, v in PROFILES.items()}
CUM = {k: np.cumsum(v) for k, v in PROFILES.items()}


class World:
    """Holds everything of one generated world (the true population and its records)."""

    def __init__(self, seed: int, customers: int, chat: bool = True):
        self.seed = seed
        self.rng = np.random.default_rng([int(seed), 0xE0E0])
        self.N = int(customers)
        self.chat = chat
        self.P: Params = sample_params(self.rng, seed, customers)
        self.start = np.datetime64(self.P.start_date)
        self.epoch0 = int(self.start.astype("datetime64[s]").astype(np.int64))
        self.ndays = self.P.n_days
        self._pad = 400
        days = self.start + np.arange(-self._pad, self.ndays + self._pad)
        self._doy = (days - days.astype("datetime64[Y]")).astype(np.int64)
        self._dom = (days - days.astype("datetime64[M]")).astype(np.int64) + 1
        self._mon = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
        # persons
        self.p: dict[str, list[Any]] = {
            k: []
            for k in (
                "cohort role nets traits country tz dst gender birth first last city address "
                "phone email ip device home"
            ).split()
        }
        self.parties: list[dict[str, Any]] = []
        self.accounts: list[dict[str, Any]] = []
        self.acct_person: dict[str, int] = {}
        self.accounts_by_id: dict[str, dict[str, Any]] = {}
        self.acct_party: dict[str, str] = {}
        self.person_accounts: dict[int, list[str]] = {}
        self._ids: set[str] = set()
        self._prefs: set[int] = set()
        self.tx = Buffer(TX_COLS)
        self.ss = Buffer(SS_COLS)
        self.ms = Buffer(MS_COLS)
        self.n_sessions = 0
        self.pref_counter = 0
        self.payments: list[tuple[int, str, bool, str]] = []  # payer, network, blank ref, rail
        self.groups: dict[str, list[int]] = {}
        self.st: dict[str, Any] = {}
        self.org: dict[str, Any] = {}
        self._fx()

    # ------------------------------------------------------------------ ids
    def uid(self, prefix: str, digits: int = 10, hexa: bool = False) -> str:
        while True:
            if hexa:
                body = "".join("0123456789abcdef"[int(x)] for x in self.rng.integers(0, 16, digits))
            else:
                body = "".join(str(int(x)) for x in self.rng.integers(0, 10, digits))
            s = prefix + body
            if s not in self._ids:
                self._ids.add(s)
                return s

    def next_pref(self, prefix: str, n: int) -> np.ndarray:
        """Unique random reference numbers (no batch structure that would betray a cohort)."""
        self.pref_counter += n
        vals = self.rng.integers(10**11, 10**12, n)
        seen = self._prefs
        out = []
        for v in vals.tolist():
            while v in seen:
                v = int(self.rng.integers(10**11, 10**12))
            seen.add(v)
            out.append(f"{prefix}{v}")
        return np.array(out, dtype=object)

    # ------------------------------------------------------------------ persons
    def pick(self, d: dict[str, float]) -> str:
        keys = list(d)
        w = np.array([d[k] for k in keys], dtype=float)
        return keys[int(self.rng.choice(len(keys), p=w / w.sum()))]

    def name(self, group: str, gender: str) -> tuple[str, str]:
        m, f, last = N.NAME_POOLS[group]
        first = (m if gender == "m" else f)[int(self.rng.integers(len(m if gender == "m" else f)))]
        return first, last[int(self.rng.integers(len(last)))]

    def phone(self, country: str) -> str:
        if country == "PH":
            return self.uid("+639", 9)
        pre, d = N.PHONE.get(country, ("+1", 10))
        return self.uid(pre, d)

    def ip(self, country: str, vpn: bool = False) -> str:
        r = self.rng.integers(1, 255, 3)
        if vpn:
            first = ["185.159", "45.83", "89.187", "146.70", "193.32", "37.120"][int(r[0]) % 6]
            return f"{first}.{r[1]}.{r[2]}"
        if country == "PH":
            pre = ["112.198", "49.145", "120.28", "110.54", "180.190", "136.158", "175.176", "122.3"]
            return f"{pre[int(r[0]) % len(pre)]}.{r[1]}.{r[2]}"
        h = sum(ord(c) for c in country)
        a = 20 + (h * 7) % 180
        b = (h * 13 + int(r[0]) % 4) % 250
        return f"{a}.{b}.{r[1]}.{r[2]}"

    def add_person(
        self,
        cohort: str,
        country: str,
        gender: str | None = None,
        age: tuple[int, int] = (20, 60),
        group: str | None = None,
        role: str = "",
        net: list[str] | None = None,
        city: str | None = None,
        home: str = "",
        last: str | None = None,
    ) -> int:
        rng = self.rng
        i = len(self.p["cohort"])
        if gender is None:
            gender = "f" if rng.random() < 0.5 else "m"
        g = group or N.NAME_GROUP_BY_COUNTRY.get(country, "west")
        first, ln = self.name(g, gender)
        if last is not None:
            ln = last
        tzs = N.TIMEZONES.get(country, [(0, "", 1.0)])
        k = int(rng.choice(len(tzs), p=np.array([t[2] for t in tzs]) / sum(t[2] for t in tzs)))
        a = rng.uniform(age[0], age[1] + 1)
        bd = self.start - int(a * 365.25)
        if city is None:
            if country == "PH":
                w = np.array([c[1] for c in N.PH_CITIES], dtype=float)
                city = N.PH_CITIES[int(rng.choice(len(w), p=w / w.sum()))][0]
            else:
                cs = N.FOREIGN_CITIES.get(country, ["Capital"])
                city = cs[int(rng.integers(len(cs)))]
        addr = self.address(country, city)
        p = self.p
        p["cohort"].append(cohort)
        p["role"].append(role)
        p["nets"].append(list(net or []))
        p["traits"].append(set())
        p["country"].append(country)
        p["tz"].append(tzs[k][0])
        p["dst"].append(DST_CODE[tzs[k][1]])
        p["gender"].append(gender)
        p["birth"].append(str(bd))
        p["first"].append(first)
        p["last"].append(ln)
        p["city"].append(city)
        p["address"].append(addr)
        p["phone"].append(self.phone(country))
        em = f"{first.lower()}.{ln.lower()}{int(rng.integers(1, 999))}@{N.EMAIL_DOMAINS[int(rng.integers(len(N.EMAIL_DOMAINS)))]}"
        p["email"].append(em.replace(" ", "").replace("'", ""))
        p["ip"].append(self.ip(country))
        p["device"].append(self.uid("dv-", 12, hexa=True))
        p["home"].append(home)
        self.groups.setdefault(cohort, []).append(i)
        return i

    def address(self, country: str, city: str) -> str:
        r = self.rng
        if country == "PH":
            b = N.BARANGAYS[int(r.integers(len(N.BARANGAYS)))]
            s = N.STREETS[int(r.integers(len(N.STREETS)))]
            if r.random() < 0.5:
                return f"Blk {int(r.integers(1, 40))} Lot {int(r.integers(1, 60))}, Brgy. {b}, {city}"
            return f"{int(r.integers(1, 999))} {s} St., Brgy. {b}, {city}"
        return f"{int(r.integers(1, 9999))} {['Main', 'Oak', 'Park', 'High', 'Station', 'Hill'][int(r.integers(6))]} St, {city}"

    def full_name(self, i: int, variant: bool = True) -> str:
        f, last = self.p["first"][i], self.p["last"][i]
        r = self.rng
        nm = f"{f} {last}"
        if variant:
            u = r.random()
            if u < 0.06 and len(f) > 3:
                nm = f"{f[0]}. {last}"
            elif u < 0.1:
                nm = f"{last}, {f}"
            elif u < 0.14 and len(last) > 4:
                j = int(r.integers(1, len(last) - 1))
                nm = f"{f} {last[:j] + last[j + 1 :]}"  # typo: dropped letter
            elif u < 0.2 and self.p["country"][i] == "PH":
                nm = f"{f} {'ABCDEGLMRST'[int(r.integers(11))]}. {last}"
            if r.random() < self.P.upper_name_rate * (1.0 if self.p["country"][i] == "PH" else 0.3):
                nm = nm.upper()
            elif r.random() < 0.03:
                nm = nm.lower()
            if r.random() < 0.02:
                nm = nm.replace(" ", "  ", 1)
        return nm

    # ------------------------------------------------------------------ parties and accounts
    def add_party(
        self,
        source: str,
        i: int,
        kind: str = "person",
        name: str | None = None,
        created: int | None = None,
        fields: str = "all",
        phone: str | None = None,
        address: str | None = None,
        email: str | None = None,
        birth: str | None = None,
    ) -> str:
        r = self.rng
        pre = {self.P.src_wallet: "PWK", self.P.src_card: "CAU", self.P.src_platform: "LVP"}[source]
        pid = self.uid(pre, 9) if pre != "CAU" else self.uid(pre, 10, hexa=True)
        p = self.p
        miss = self.P.missing_rate

        def m(v: str, rate: float = miss) -> str:
            return "" if r.random() < rate else v

        if created is None:
            created = self.epoch0 - int(r.integers(0, 900)) * DAY + int(r.integers(0, DAY))
        rec: dict[str, Any] = {
            "party_id": pid,
            "source": source,
            "kind": kind,
            "name": name if name is not None else self.full_name(i),
            "birth_date": "",
            "gender": "",
            "country": p["country"][i],
            "city": "",
            "address": "",
            "phone": "",
            "email": "",
            "id_number": "",
            "created_at": int(created),
        }
        if kind == "person":
            rec["birth_date"] = m(birth or p["birth"][i])
            rec["gender"] = m(p["gender"][i], miss * 2)
        if fields in ("all", "kyc"):
            rec["city"] = m(p["city"][i])
            rec["address"] = m(address or p["address"][i], miss * 1.5)
            rec["phone"] = m(phone or p["phone"][i], miss * 0.5)
            em = email or p["email"][i]
            if r.random() < 0.15:
                em = em[0].upper() + em[1:]
            rec["email"] = m(em, 0.35 if source == self.P.src_wallet else miss)
            if source == self.P.src_wallet and kind == "person":
                t = r.random()
                d = "".join(str(int(x)) for x in r.integers(0, 10, 12))
                if t < 0.4:
                    idn = f"PSN-{d[:4]}-{d[4:11]}"
                elif t < 0.7:
                    idn = f"UMID {d[:4]}-{d[4:11]}-{d[11]}"
                else:
                    idn = f"N{d[:2]}-{d[2:4]}-{d[4:10]}"
                rec["id_number"] = m(idn, miss * 2)
            elif source == self.P.src_card and kind == "person" and r.random() < 0.4:
                rec["id_number"] = f"{p['country'][i]}{''.join(str(int(x)) for x in r.integers(0, 10, 8))}"
        elif fields == "platform":
            rec["email"] = m(email or p["email"][i], 0.2)
            rec["birth_date"] = m(birth or p["birth"][i], 0.5) if kind == "person" else ""
            rec["gender"] = m(p["gender"][i], 0.4) if kind == "person" else ""
            rec["city"] = m(p["city"][i], 0.6)
        self.parties.append(rec)
        return pid

    def add_account(
        self,
        source: str,
        kind: str,
        i: int,
        party: str = "",
        country: str | None = None,
        opened: int | None = None,
        username: str = "",
        display: str = "",
        acct_id: str | None = None,
        listed: bool = True,
    ) -> str:
        r = self.rng
        if acct_id is None:
            if source == self.P.src_wallet:
                acct_id = {"ewallet": lambda: self.uid("PW09", 9), "merchant": lambda: self.uid("PWM", 7)}[
                    kind
                ]()
            elif source == self.P.src_card:
                acct_id = {
                    "remittance": lambda: self.uid("CA-A", 10, True),
                    "card": lambda: self.uid("CA-C", 12, True),
                    "merchant": lambda: self.uid("CA-M", 8),
                }[kind]()
            else:
                acct_id = self.uid("LV", 11, True)
        if opened is None:
            opened = self.epoch0 - int(r.integers(0, 800)) * DAY + int(r.integers(0, DAY))
        if listed:
            self.accounts.append(
                {
                    "account_id": acct_id,
                    "source": source,
                    "party_id": party,
                    "kind": kind,
                    "country": country or self.p["country"][i],
                    "username": username,
                    "display_name": display,
                    "opened_at": int(opened),
                    "closed_at": -1,
                    "banned_reason": "",
                }
            )
            self.accounts_by_id[acct_id] = self.accounts[-1]
        self.acct_person[acct_id] = i
        self.acct_party[acct_id] = party
        self.person_accounts.setdefault(i, []).append(acct_id)
        return acct_id

    def ext_account(self, prefix: str, i: int) -> str:
        a = self.uid(prefix, 9)
        self.acct_person[a] = i
        self.acct_party[a] = ""
        self.person_accounts.setdefault(i, []).append(a)
        return a

    def username(self, i: int) -> str:
        r = self.rng
        w = N.PLATFORM_USER_WORDS
        base = (
            self.p["first"][i].lower().split(" ")[0].replace("'", "")
            if r.random() < 0.6
            else w[int(r.integers(len(w)))]
        )
        sep = ["", "_", ".", ""][int(r.integers(4))]
        tail = w[int(r.integers(len(w)))] if r.random() < 0.5 else str(int(r.integers(1, 2005)))
        return f"{base}{sep}{tail}{int(r.integers(0, 99))}"

    # ------------------------------------------------------------------ wallets per cohort
    def wallet(self, i: int, party: str | None = None, opened: int | None = None, **kw: Any) -> str:
        if party is None:
            party = self.add_party(self.P.src_wallet, i, created=opened, **kw)
        return self.add_account(self.P.src_wallet, "ewallet", i, party, "PH", opened)

    def card_user(
        self, i: int, n_cards: int = 1, opened: int | None = None, **party_kw: Any
    ) -> tuple[str, list[str]]:
        party = self.add_party(self.P.src_card, i, created=opened, **party_kw)
        app = self.add_account(self.P.src_card, "remittance", i, party, opened=opened)
        cards = [self.add_account(self.P.src_card, "card", i, party, opened=opened) for _ in range(n_cards)]
        return app, cards

    def platform_user(
        self, i: int, display: str | None = None, opened: int | None = None, username: str | None = None
    ) -> str:
        r = self.rng
        party = ""
        if r.random() < 0.85:
            nm = self.full_name(i) if r.random() < 0.5 else ""
            party = self.add_party(self.P.src_platform, i, name=nm, created=opened, fields="platform")
        u = username or self.username(i)
        d = display if display is not None else (self.p["first"][i] if r.random() < 0.6 else u)
        return self.add_account(
            self.P.src_platform, "platform", i, party, opened=opened, username=u, display=d
        )

    # ------------------------------------------------------------------ time
    def _dst(self, day: np.ndarray, dst: np.ndarray) -> np.ndarray:
        doy = self._doy[np.clip(day + self._pad, 0, len(self._doy) - 1)]
        n = (dst == 1) & (doy >= 69) & (doy < 307)
        e = (dst == 2) & (doy >= 87) & (doy < 300)
        s = (dst == 3) & ((doy < 95) | (doy >= 278))
        return (n | e | s).astype(np.int64)

    def local_to_utc(self, day: np.ndarray, sec: np.ndarray, persons: np.ndarray) -> np.ndarray:
        tz = self.tz_arr[persons].astype(np.int64)
        dst = self.dst_arr[persons]
        off = tz + 60 * self._dst(day, dst)
        return self.epoch0 + day.astype(np.int64) * DAY + sec.astype(np.int64) - off * 60

    def offset_at(self, ts: np.ndarray, persons: np.ndarray) -> np.ndarray:
        tz = self.tz_arr[persons].astype(np.int64)
        day = (ts - self.epoch0 + tz * 60) // DAY
        return tz + 60 * self._dst(day, self.dst_arr[persons])

    def dom(self, day: np.ndarray) -> np.ndarray:
        return self._dom[np.clip(day + self._pad, 0, len(self._dom) - 1)]

    def month(self, day: np.ndarray) -> np.ndarray:
        return self._mon[np.clip(day + self._pad, 0, len(self._mon) - 1)]

    def hours(self, n: int, prof: str) -> np.ndarray:
        h = np.searchsorted(CUM[prof], self.rng.random(n) * CUM[prof][-1])
        return np.minimum(h, 23) * 3600 + self.rng.integers(0, 3600, n)

    def mixed_secs(self, n: int, w: np.ndarray | float, a: str, b: str) -> np.ndarray:
        ha = self.hours(n, a)
        hb = self.hours(n, b)
        return np.where(self.rng.random(n) < w, ha, hb)

    def freeze(self) -> None:
        self.tz_arr = np.array(self.p["tz"], dtype=np.int64)
        self.dst_arr = np.array(self.p["dst"], dtype=np.int64)
        self.country_arr = np.array(self.p["country"], dtype=object)

    # ------------------------------------------------------------------ money
    def _fx(self) -> None:
        r = self.rng
        n = self.ndays + 2 * 60
        self.fx: dict[str, np.ndarray] = {}
        for cur, base in N.USD_PER_UNIT.items():
            if cur == "USD":
                self.fx[cur] = np.ones(n)
                continue
            steps = r.normal(0, 0.0035, n)
            x = np.zeros(n)
            for k in range(1, n):
                x[k] = 0.985 * x[k - 1] + steps[k]
            self.fx[cur] = base * np.exp(x)

    def usd_per(self, cur: str | np.ndarray, ts: np.ndarray) -> np.ndarray:
        day = np.clip((ts - self.epoch0) // DAY + 60, 0, self.ndays + 119)
        if isinstance(cur, str):
            return self.fx[cur][day]
        out = np.empty(len(ts))
        for c in np.unique(cur):
            m = cur == c
            out[m] = self.fx[str(c)][day[m]]
        return out

    def to_php(
        self, amt: np.ndarray, cur: np.ndarray | str, ts: np.ndarray, spread: float = 0.015
    ) -> np.ndarray:
        php = amt * self.usd_per(cur, ts) / self.usd_per("PHP", ts)
        return np.round(php * (1 - spread * self.rng.uniform(0.3, 1.5, len(ts))), 2)

    def usd_to_local(
        self, usd: np.ndarray, cur: np.ndarray, ts: np.ndarray, round_p: np.ndarray | float
    ) -> np.ndarray:
        """USD value -> amount in `cur`, rounded to a 'nice' number with probability round_p."""
        loc = usd / self.usd_per(cur, ts)
        return nice_round(self.rng, loc, round_p, np.isin(cur, list(N.ZERO_DECIMAL)))


_LADDER = np.array([1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8])


def nice_round(
    rng: np.random.Generator, x: np.ndarray, round_p: np.ndarray | float, zero_dec: np.ndarray | bool = False
) -> np.ndarray:
    x = np.maximum(np.asarray(x, dtype=float), 0.01)
    mag = 10.0 ** np.floor(np.log10(x))
    m = x / mag
    idx = np.abs(m[:, None] - _LADDER[None, :]).argmin(axis=1)
    rounded = _LADDER[idx] * mag
    rounded = np.where(m > 9, 10 * mag, rounded)
    rounded = np.maximum(rounded, 1.0)
    plain = np.round(x, 2)
    zd = np.broadcast_to(np.asarray(zero_dec), x.shape)
    plain = np.where(zd, np.maximum(np.round(x), 1.0), plain)
    out = np.where(rng.random(len(x)) < round_p, rounded, plain)
    return np.where(out <= 0, 1.0, out)
