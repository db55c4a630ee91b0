"""Writes the bundle: view filtering, source attribution, time-sorted tables and usage tracking."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path
from typing import Any

from tests.world_m.ids import IdMaker, fmt_ts, offset_str
from tests.world_m.model import INSTS, Account, Inst

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
SESSION_COLS = (
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
MESSAGE_COLS = (
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
ACCOUNT_COLS = (
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
)
REPORT_COLS = (
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
)

VIEWS = ("full", "receiver", "platform")


def included(inst: Inst, view: str) -> bool:
    if inst.external:
        return False
    if view == "full":
        return True
    if view == "receiver":
        return inst.ph
    return inst.platform


def q(s: str) -> str:
    """RFC 4180 quoting for a free-text field."""
    if "," in s or '"' in s or "\n" in s:
        return '"' + s.replace('"', '""') + '"'
    return s


class SortedTable:
    """Rows keyed by time, spooled into weekly bucket files, then written in time order."""

    def __init__(self, tmp: Path, name: str, start: int, header: tuple[str, ...]) -> None:
        self.dir = tmp / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.start = start
        self.header = header
        self.buf: dict[int, list[str]] = {}
        self.nbuf = 0
        self.rows = 0
        self.buckets: set[int] = set()

    def add(self, t: int, line: str) -> None:
        b = (t - self.start) // 604800
        lst = self.buf.get(b)
        if lst is None:
            lst = self.buf[b] = []
        lst.append(f"{t + 10_000_000_000}{line}")  # an 11-digit sort key (t < 9e10)
        self.nbuf += 1
        if self.nbuf >= 250_000:
            self.flush()

    def flush(self) -> None:
        self.rows += self.nbuf
        for b, lst in self.buf.items():
            with open(self.dir / f"{b + 10000:06d}.part", "a", encoding="utf-8", newline="") as fh:
                fh.writelines(lst)
            self.buckets.add(b)
        self.buf = {}
        self.nbuf = 0

    def finish(self, path: Path) -> None:
        self.flush()
        with open(path, "w", encoding="utf-8", newline="") as out:
            out.write(",".join(self.header) + "\n")
            for b in sorted(self.buckets):
                part = self.dir / f"{b + 10000:06d}.part"
                with open(part, encoding="utf-8", newline="") as fh:
                    lines = fh.readlines()
                lines.sort()
                out.writelines(line[11:] for line in lines)
                os.remove(part)
        shutil.rmtree(self.dir, ignore_errors=True)


class Sink:
    def __init__(
        self,
        out: Path,
        view: str,
        chat: bool,
        seed: int,
        start: int,
        fx: dict[str, list[float]],
        month_of: Any,
    ) -> None:
        if view not in VIEWS:
            raise ValueError(f"view must be one of {VIEWS}")
        self.out = out
        self.view = view
        self.chat = chat
        self.ids = IdMaker(seed * 7919 + 17)
        self.tmp = out / ".spool"
        self.start = start
        self.fx = fx
        self.month_of = month_of
        self.inc = {code: included(inst, view) for code, inst in INSTS.items()}
        self.incl_inst = {id(inst): included(inst, view) for inst in INSTS.values()}
        self.offs = {
            id(inst): (inst.off_min, offset_str(inst.off_min), inst.prefix + "-t") for inst in INSTS.values()
        }
        self.plat_inc = self.inc["kwentocam"]
        self.txns = SortedTable(self.tmp, "transactions", start, TXN_COLS)
        self.sessions = SortedTable(self.tmp, "sessions", start, SESSION_COLS)
        self.messages = SortedTable(self.tmp, "messages", start, MESSAGE_COLS)
        self.reports: list[tuple[int, list[str]]] = []
        self.n_txn_world = 0
        self.n_sess_world = 0
        self.n_msg_world = 0

    # ---- transactions -------------------------------------------------------------------------

    def pay(
        self,
        t: int,
        amount: float,
        cur: str,
        s: Account,
        r: Account,
        channel: str,
        ref: str = "",
        mcc: str = "",
        mname: str = "",
        sname: str = "",
        rname: str = "",
    ) -> bool:
        if t < s.opened or t < r.opened:
            return False
        self.n_txn_world += 1
        if t < s.first:
            s.first = t
        if t > s.last:
            s.last = t
        if t < r.first:
            r.first = t
        if t > r.last:
            r.last = t
        ri = r.inst
        src = ri if (ri.group == "ph" or ri.group == "platform") else s.inst
        if not self.incl_inst[id(src)]:
            return True
        if src.php and cur != "PHP":
            m = self.month_of(t)
            amount = amount * self.fx[cur][m] / self.fx["PHP"][m] * 0.985
            cur = "PHP"
        if amount < 0.01:
            amount = 0.01
        off, offs, tpre = self.offs[id(src)]
        tid = self.ids.make(tpre)
        line = (
            f"{tid},{src.code},{fmt_ts(t, off, offs)},{amount:.2f},{cur},{s.id},{r.id},{channel},{s.country},"
            f"{r.country},{q(ref) if ref else ''},{mcc},{q(mname) if mname else ''},"
            f"{q(sname) if sname else ''},{q(rname) if rname else ''}\n"
        )
        self.txns.add(t, line)
        if src is s.inst:
            s.seen |= 2
        elif r.owner.cohort == "facilitator":
            s.seen |= 1
        else:
            s.seen |= 8
        r.seen |= 2
        return True

    # ---- platform -----------------------------------------------------------------------------

    def new_session_id(self) -> str:
        return self.ids.make("kwc-s")

    def session(
        self,
        sid: str,
        t: int,
        dur: int,
        host: Account,
        viewer: Account | None,
        private: bool,
        paid: float = 0.0,
        host_ip: str = "",
        viewer_ip: str = "",
        host_cc: str = "",
        viewer_cc: str = "",
    ) -> None:
        if t < host.opened or (viewer is not None and t < viewer.opened):
            return
        self.n_sess_world += 1
        for a in (host, viewer):
            if a is not None:
                if t < a.first:
                    a.first = t
                if t > a.last:
                    a.last = t
        if not self.plat_inc:
            return
        v_id = viewer.id if viewer is not None else ""
        line = (
            f"{sid},kwentocam,{fmt_ts(t, 0, 'Z')},{fmt_ts(t + dur, 0, 'Z')},{host.id},{v_id},{host_cc},"
            f"{viewer_cc},{host_ip},{viewer_ip if viewer is not None else ''},{host.device},"
            f"{viewer.device if viewer is not None else ''},{'true' if private else 'false'},"
            f"{f'{paid:.2f}' if paid > 0 else ''},{'USD' if paid > 0 else ''}\n"
        )
        self.sessions.add(t, line)
        host.seen |= 2
        if viewer is not None:
            viewer.seen |= 2

    def message(self, t: int, sender: Account, recipient: Account, text: str, sid: str = "") -> None:
        if t < sender.opened or t < recipient.opened:
            return
        self.n_msg_world += 1
        for a in (sender, recipient):
            if t < a.first:
                a.first = t
            if t > a.last:
                a.last = t
        if not (self.plat_inc and self.chat):
            return
        mid = self.ids.make("kwc-m")
        self.messages.add(
            t, f"{mid},kwentocam,{fmt_ts(t, 0, 'Z')},{sender.id},{recipient.id},{sid},{q(text)}\n"
        )
        sender.seen |= 2
        recipient.seen |= 2
        sender.chat = True
        recipient.chat = True

    def report(
        self,
        t: int,
        incident: str,
        desc: str,
        accounts: list[Account],
        usernames: list[str],
        emails: list[str],
        phones: list[str],
        country: str,
    ) -> None:
        if self.view != "full":
            return
        rid = self.ids.make("tip-")
        for a in accounts:
            a.seen |= 2
        self.reports.append(
            (
                t,
                [
                    rid,
                    "hotline-ph",
                    fmt_ts(t, 480, "+08:00"),
                    incident,
                    desc,
                    ";".join(a.id for a in accounts),
                    ";".join(usernames),
                    ";".join(emails),
                    ";".join(phones),
                    "",
                    "",
                    "",
                    country,
                ],
            )
        )

    # ---- static tables ------------------------------------------------------------------------

    def finish(
        self, parties: list[Any], accounts: list[Account], fx_rows: list[tuple[str, str, float]]
    ) -> dict[str, int]:
        b = self.out
        b.mkdir(parents=True, exist_ok=True)
        self.txns.finish(b / "transactions.csv")
        self.sessions.finish(b / "sessions.csv")
        self.messages.finish(b / "messages.csv")
        shutil.rmtree(self.tmp, ignore_errors=True)
        counts = {
            "transactions": self.txns.rows,
            "sessions": self.sessions.rows,
            "messages": self.messages.rows,
        }
        # accounts: every account held at an institution in the view, in scrambled-id order
        acc_rows = []
        for a in accounts:
            if not self.incl_inst[id(a.inst)]:
                continue
            a.seen |= 4
            pid = a.party.id if a.party is not None else ""
            if a.party is not None:
                a.party.written = True
            acc_rows.append(
                (
                    a.id,
                    a.inst.code,
                    pid,
                    a.kind,
                    a.country,
                    a.username,
                    a.display,
                    fmt_ts(a.opened, 0, "Z"),
                    fmt_ts(a.closed, 0, "Z") if a.closed else "",
                    a.banned,
                )
            )
        acc_rows.sort()
        with open(b / "accounts.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(ACCOUNT_COLS)
            w.writerows(acc_rows)
        counts["accounts"] = len(acc_rows)
        par_rows = []
        for p in parties:
            if not p.written:
                continue
            par_rows.append(
                (
                    p.id,
                    p.inst.code,
                    p.kind,
                    p.name,
                    p.birth,
                    p.gender,
                    p.country,
                    p.city,
                    p.address,
                    p.phone,
                    p.email,
                    p.idnum,
                    fmt_ts(p.created, 0, "Z"),
                )
            )
        par_rows.sort()
        with open(b / "parties.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(PARTY_COLS)
            w.writerows(par_rows)
        counts["parties"] = len(par_rows)
        self.reports.sort(key=lambda x: (x[0], x[1][0]))
        with open(b / "reports.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(REPORT_COLS)
            w.writerows(r for _, r in self.reports)
        counts["reports"] = len(self.reports)
        if self.view != "platform":
            with open(b / "fx_rates.csv", "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(("date", "currency", "usd_per_unit"))
                w.writerows((d, c, f"{v:.12f}".rstrip("0").rstrip(".")) for d, c, v in fx_rows)
            counts["fx_rates"] = len(fx_rows)
        return counts
