"""Where records go: the view decides which institution reports each event, and how.

One economic event gives at most one record.  A transfer is reported by the sender's institution
when it is in the bundle, otherwise by the receiver's institution (as an inbound credit, converted
to the receiver's currency, with the sender's name as the receiver saw it), otherwise not at all.
"""

from __future__ import annotations

import csv
import os
from datetime import datetime, timedelta

from .population import ZERO_DECIMAL, Acct, World

EPOCH = datetime(1970, 1, 1)
TIMES = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]

TXN_COLS = (
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
SES_COLS = (
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
MSG_COLS = (
    "message_id",
    "source",
    "sent_at",
    "sender_account_id",
    "recipient_account_id",
    "session_id",
    "text",
)
PARTY_COLS = (
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
)
ACCT_COLS = (
    "account_id",
    "source",
    "party_id",
    "kind",
    "country",
    "currency",
    "username",
    "display_name",
    "opened_at",
    "closed_at",
    "banned_reason",
)
FX_COLS = ("date", "currency", "usd_per_unit")


def money(a: float, cur: str) -> str:
    if cur in ZERO_DECIMAL:
        return str(max(1, int(round(a))))
    c = max(1, int(round(a * 100)))
    return f"{c // 100}.{c % 100:02d}"


class Sink:
    def __init__(self, w: World, fx_margin: float) -> None:
        self.w = w
        self.t0, self.t1 = w.t0, w.t1
        self.base_day = w.t0 // 86400 - 2
        self.fx = w.fx
        self.margin = fx_margin
        self.chat = w.chat_on
        self.ids = w.ids
        self.txns: list[str] = []
        self.sessions: list[str] = []
        self.messages: list[str] = []

    def ts(self, inst, t: int) -> str:
        u = t + inst.off
        d = u // 86400 - self.base_day
        if 0 <= d < len(inst.days):
            return inst.days[d] + TIMES[u % 86400] + inst.suffix
        return (EPOCH + timedelta(seconds=u)).strftime("%Y-%m-%dT%H:%M:%S") + inst.suffix

    # -- transactions -----------------------------------------------------------------------------------
    def txn(
        self,
        t: int,
        amt: float,
        s: Acct,
        r: Acct,
        channel: str,
        ref: str = "",
        mcc: str = "",
        mname: str = "",
    ) -> bool:
        """Record a transfer of `amt` (in the sender's currency) if some institution in view sees it."""
        if (
            t < self.t0
            or t >= self.t1
            or t < s.opened
            or t < r.opened
            or 0 < s.closed <= t
            or 0 < r.closed <= t
        ):
            return False
        si = s.inst
        ri = r.inst
        if si.vis:
            src = si
            cur = s.cur
            sname = ""
            rname = r.alias if ri is not si else ""
            s.f |= 2
        elif ri.vis:
            src = ri
            cur = r.cur
            if cur != s.cur:
                d = (t - self.t0) // 86400
                fx = self.fx
                amt = amt * fx[s.cur][d] / fx[cur][d] * (1.0 - self.margin)
            sname = s.alias
            rname = ""
            s.f |= 1
        else:
            return False
        r.f |= 2
        u = t + src.off
        stamp = src.days[u // 86400 - self.base_day] + TIMES[u % 86400] + src.suffix
        if cur in ZERO_DECIMAL:
            a = str(max(1, int(round(amt))))
        else:
            c = max(1, int(round(amt * 100)))
            a = f"{c // 100}.{c % 100:02d}"
        self.txns.append(
            f"{self.ids.new('tx-')},{src.source},{stamp},{a},{cur},{s.id},{r.id},{channel},{s.country},"
            f"{r.country},{ref},{mcc},{mname},{sname},{rname}"
        )
        return True

    # -- sessions and messages --------------------------------------------------------------------------
    def session(self, t: int, minutes: float, host: Acct, viewers: list[tuple], private: bool) -> str:
        """viewers: (account, ip, device, country, paid_amount or None) per viewer.  Returns the id or ''."""
        inst = host.inst
        if (
            not inst.vis
            or t < self.t0
            or t + minutes * 60 >= self.t1
            or t < host.opened
            or 0 < host.closed <= t
        ):
            return ""
        sid = self.ids.new("ss-")
        start = self.ts(inst, t)
        end = self.ts(inst, t + int(minutes * 60))
        host.f |= 4
        hp = host.person
        hip = hp.ip
        priv = "true" if private else "false"
        for acct, ip, dev, country, paid in viewers:
            acct.f |= 4
            pa = money(paid, "USD") if paid else ""
            cur = "USD" if paid else ""
            self.sessions.append(
                f"{sid},{inst.source},{start},{end},{host.id},{acct.id},{host.country},{country},{hip},{ip},"
                f"{hp.dev},{dev},{priv},{pa},{cur}"
            )
        return sid

    def msg(self, t: int, s: Acct, r: Acct, text: str, sid: str = "") -> None:
        if (
            not self.chat
            or not s.inst.vis
            or t < self.t0
            or t >= self.t1
            or 0 < s.closed <= t
            or 0 < r.closed <= t
        ):
            return
        s.f |= 8
        r.f |= 8
        self.messages.append(
            f"{self.ids.new('ms-')},{s.inst.source},{self.ts(s.inst, t)},{s.id},{r.id},{sid},{text}"
        )

    # -- output -----------------------------------------------------------------------------------------
    def write_bundle(self, folder: str) -> dict[str, int]:
        os.makedirs(folder, exist_ok=True)
        w = self.w
        counts = {}
        for name, cols, lines in (
            ("transactions", TXN_COLS, self.txns),
            ("sessions", SES_COLS, self.sessions),
            ("messages", MSG_COLS, self.messages),
        ):
            lines.sort()
            with open(os.path.join(folder, f"{name}.csv"), "w", encoding="utf-8", newline="") as fh:
                fh.write(",".join(cols) + "\n")
                for start in range(0, len(lines), 100000):
                    fh.write("\n".join(lines[start : start + 100000]))
                    fh.write("\n")
            counts[name] = len(lines)
        parties = sorted((q for q in w.parties if q.inst.vis), key=lambda q: q.id)
        with open(os.path.join(folder, "parties.csv"), "w", encoding="utf-8", newline="") as fh:
            cw = csv.writer(fh, lineterminator="\n")
            cw.writerow(PARTY_COLS)
            for q in parties:
                cw.writerow(
                    (
                        q.id,
                        q.inst.source,
                        q.kind,
                        q.name,
                        q.birth,
                        q.gender,
                        q.country,
                        q.city,
                        q.address,
                        q.phone,
                        q.email,
                        q.id_number,
                        self.ts(q.inst, q.created),
                    )
                )
        counts["parties"] = len(parties)
        accts = sorted((a for a in w.accounts if a.inst.vis), key=lambda a: a.id)
        with open(os.path.join(folder, "accounts.csv"), "w", encoding="utf-8", newline="") as fh:
            cw = csv.writer(fh, lineterminator="\n")
            cw.writerow(ACCT_COLS)
            for a in accts:
                cw.writerow(
                    (
                        a.id,
                        a.inst.source,
                        a.party.id if a.party else "",
                        a.kind,
                        a.country,
                        a.cur,
                        a.username,
                        a.display,
                        self.ts(a.inst, a.opened),
                        self.ts(a.inst, a.closed) if a.closed else "",
                        a.banned,
                    )
                )
        counts["accounts"] = len(accts)
        with open(os.path.join(folder, "fx_rates.csv"), "w", encoding="utf-8", newline="") as fh:
            cw = csv.writer(fh, lineterminator="\n")
            cw.writerow(FX_COLS)
            n = 0
            for d in range(w.days):
                day = w.insts["mto"].days[d + 2][:10]
                for cur in sorted(self.fx):
                    cw.writerow((day, cur, f"{self.fx[cur][d]:.8f}"))
                    n += 1
        counts["fx_rates"] = n
        return counts
