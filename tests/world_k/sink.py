"""Output plumbing for world K: scrambled ids, timestamp formatting and time-sorted tables.

Records are generated cohort by cohort, so writing them in generation order (or numbering them
in that order) would leak who belongs together. Rows are therefore spooled into one-month
buckets on disk, each bucket is sorted by time when the table is written, and record ids are
numbers passed through an affine permutation, so neither file order nor ids follow cohorts.
"""

from __future__ import annotations

import datetime as dt
import os
import random

PH_SOURCES = ("wallet-ph", "bank-ph")

# two-letter account-id prefix -> the in-bundle source that holds the account
PREFIX_SOURCE = {
    "RA": "remit-a",
    "BB": "bank-b",
    "BK": "bank-b",
    "GW": "wallet-ph",
    "GA": "wallet-ph",
    "GM": "wallet-ph",
    "PB": "bank-ph",
    "PM": "bank-ph",
    "PO": "bank-ph",
    "CH": "chatapp",
    "CS": "camsite",
}

TXN_COLUMNS = (
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
)
SESSION_COLUMNS = (
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
)
MESSAGE_COLUMNS = (
    "message_id",
    "source",
    "sent_at",
    "sender_account_id",
    "recipient_account_id",
    "session_id",
    "text",
)


def q(text: str) -> str:
    """RFC 4180 quoting for one free-text field."""
    if not text:
        return ""
    if "," in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


class Scrambler:
    """A bijection on [0, 10**digits): n -> (a*n + b) mod 10**digits, a coprime to 10."""

    def __init__(self, rng: random.Random, digits: int) -> None:
        self.m = 10**digits
        a = rng.randrange(self.m // 7, self.m) | 1
        while a % 5 == 0:
            a += 2
        self.a = a % self.m
        self.b = rng.randrange(self.m)
        self.fmt = "{:0" + str(digits) + "d}"

    def __call__(self, n: int) -> str:
        return self.fmt.format((n * self.a + self.b) % self.m)


class UniqueIds:
    """Random, unique, zero-padded numbers: ids that say nothing about creation order."""

    def __init__(self, seed: int, digits: int) -> None:
        self.rng = random.Random(seed)
        self.m = 10**digits
        self.used: set[int] = set()
        self.fmt = "{:0" + str(digits) + "d}"

    def __call__(self) -> str:
        used, rng, m = self.used, self.rng, self.m
        if len(used) > m // 2:
            raise RuntimeError("id space exhausted; the world is too large for this generator")
        while True:
            v = rng.randrange(m)
            if v not in used:
                used.add(v)
                return self.fmt.format(v)


class Clock:
    """Formats epoch seconds as ISO 8601 with a fixed offset, fast."""

    def __init__(self, t0: int, ndays: int) -> None:
        self.base = t0 - 5 * 86400
        d0 = dt.datetime.fromtimestamp(self.base, dt.UTC).date()
        self.ord0 = d0.toordinal()
        self.days = [(d0 + dt.timedelta(days=i)).isoformat() for i in range(ndays + 12)]

    def fmt(self, t: int, off_s: int, suffix: str) -> str:
        d, rem = divmod(t + off_s - self.base, 86400)
        h, rem = divmod(rem, 3600)
        m, s = divmod(rem, 60)
        if 0 <= d < len(self.days):
            day = self.days[d]
        else:
            day = dt.date.fromordinal(self.ord0 + d).isoformat()
        return f"{day}T{h:02d}:{m:02d}:{s:02d}{suffix}"

    def date(self, t: int) -> str:
        return self.days[(t - self.base) // 86400]


def offset_suffix(hours: float) -> str:
    if hours == 0:
        return "Z"
    sign = "+" if hours > 0 else "-"
    mins = int(round(abs(hours) * 60))
    return f"{sign}{mins // 60:02d}:{mins % 60:02d}"


class Spool:
    """One table spooled into monthly bucket files, then sorted by time."""

    FLUSH = 20000

    def __init__(self, tmpdir: str, name: str, t0: int) -> None:
        self.dir = tmpdir
        self.name = name
        self.t0 = t0
        self.buf: dict[int, list[str]] = {}
        self.count = 0

    def add(self, t: int, line: str) -> None:
        b = (t - self.t0) // 2678400
        lst = self.buf.get(b)
        if lst is None:
            lst = self.buf[b] = []
        lst.append(f"{t:011d}\t{line}")
        self.count += 1
        if len(lst) >= self.FLUSH:
            self._flush(b, lst)

    def _path(self, b: int) -> str:
        return os.path.join(self.dir, f"{self.name}.{b:04d}")

    def _flush(self, b: int, lst: list[str]) -> None:
        with open(self._path(b), "a", encoding="utf-8", newline="") as fh:
            fh.writelines(lst)
        lst.clear()

    def write(self, path: str, header: tuple[str, ...], ids: Scrambler | None, prefix: str) -> int:
        buckets = sorted(self.buf)
        n = 0
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(",".join(header) + "\n")
            for b in buckets:
                lines = self.buf.pop(b)
                p = self._path(b)
                if os.path.exists(p):
                    with open(p, encoding="utf-8", newline="") as fh:
                        lines = fh.readlines() + lines
                    os.remove(p)
                lines.sort()
                if ids is None:
                    out.writelines([ln[12:] for ln in lines])
                else:
                    out.writelines([f"{prefix}{ids(n + i)},{ln[12:]}" for i, ln in enumerate(lines)])
                n += len(lines)
        return n


class Sink:
    """Receives every generated record; applies the view; spools the rows."""

    def __init__(
        self,
        tmpdir: str,
        t0: int,
        t1: int,
        clock: Clock,
        offsets: dict[str, tuple[int, str]],
        fx: dict[str, list[float]],
        receiver: bool,
        chat: bool,
    ) -> None:
        self.t0 = t0
        self.t1 = t1
        self.clock = clock
        self.offsets = offsets
        self.fx = fx
        self.receiver = receiver
        self.chat = chat
        self.txns = Spool(tmpdir, "txn", t0)
        self.sessions = Spool(tmpdir, "ses", t0)
        self.messages = Spool(tmpdir, "msg", t0)
        self.generated = 0  # every transaction of the world, whatever the view
        self.seen: dict[str, None] = {}  # accounts named by a written record (ordered)
        self.chatters: dict[str, None] = {}  # accounts that sent a written message
        self.by_source: dict[str, int] = {}

    def _php(self, amount: float, cur: str, t: int, spread: float = 0.015) -> float:
        d = (t - self.t0) // 86400
        return amount * self.fx[cur][d] / self.fx["PHP"][d] * (1.0 - spread)

    def tx(
        self,
        t: int,
        amount: float,
        cur: str,
        snd: str,
        rcv: str,
        channel: str,
        scc: str,
        rcc: str,
        ref: str = "",
        mcc: str = "",
        mname: str = "",
        sname: str = "",
        rname: str = "",
    ) -> bool:
        if t < self.t0 or t >= self.t1 or amount < 0.005:
            return False
        ssrc = PREFIX_SOURCE.get(snd[:2])
        rsrc = PREFIX_SOURCE.get(rcv[:2])
        if self.receiver:
            if ssrc in PH_SOURCES:
                src = ssrc
            elif rsrc in PH_SOURCES:
                src = rsrc
            else:
                self.generated += 1
                return False
        else:
            src = ssrc or rsrc
            if src is None:
                return False
        self.generated += 1
        if src != ssrc and src == "wallet-ph" and cur != "PHP":
            # the e-wallet books inbound credits in pesos; the bank keeps the sent currency
            amount = self._php(amount, cur, t)
            cur = "PHP"
        off, suf = self.offsets[src]
        ts = self.clock.fmt(t, off, suf)
        self.txns.add(
            t,
            f"{src},{ts},{amount:.2f},{cur},{snd},{rcv},{channel},{scc},{rcc},{q(ref)},"
            f"{mcc},{q(mname)},{q(sname)},{q(rname)}\n",
        )
        self.by_source[src] = self.by_source.get(src, 0) + 1
        seen = self.seen
        seen[snd] = None
        seen[rcv] = None
        return True

    def session(
        self,
        sid: str,
        src: str,
        t: int,
        minutes: float,
        host: str,
        viewer: str,
        hcc: str,
        vcc: str,
        hip: str,
        vip: str,
        hdev: str,
        vdev: str,
        private: bool,
        paid: float = 0.0,
        cur: str = "",
    ) -> bool:
        if self.receiver or t < self.t0 or t >= self.t1:
            return False
        off, suf = self.offsets[src]
        fmt = self.clock.fmt
        t1 = t + int(minutes * 60)
        paid_s = f"{paid:.2f}" if paid > 0 else ""
        cur_s = cur if paid > 0 else ""
        self.sessions.add(
            t,
            f"{sid},{src},{fmt(t, off, suf)},{fmt(t1, off, suf)},{host},{viewer},{hcc},{vcc},"
            f"{hip},{vip},{hdev},{vdev},{'true' if private else 'false'},{paid_s},{cur_s}\n",
        )
        self.seen[host] = None
        self.seen[viewer] = None
        return True

    def message(self, src: str, t: int, snd: str, rcv: str, sid: str, text: str) -> bool:
        if self.receiver or not self.chat or t < self.t0 or t >= self.t1:
            return False
        off, suf = self.offsets[src]
        self.messages.add(t, f"{src},{self.clock.fmt(t, off, suf)},{snd},{rcv},{sid},{q(text)}\n")
        self.chatters[snd] = None
        self.seen[snd] = None
        self.seen[rcv] = None
        return True
