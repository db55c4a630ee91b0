"""Writes the bundle for one view, and the truth folder.

Activity rows are spilled to month buckets while the world runs, then each bucket is sorted
by time and written out, so files are in time order and never in cohort order. Only what the
view's institutions hold is written; the same world gives every view.
"""

from __future__ import annotations

import csv
import os
import shutil

from .clock import DAY, TsFormatter
from .fx import Fx, fmt_amount
from .institutions import INSTS, in_view
from .model import Account, Party, Person

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
    "chain_txn",
    "sender_name",
    "receiver_name",
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
REPORT_COLS = [
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
]
FX_COLS = ["date", "currency", "usd_per_unit"]

_ID_PREFIX = {
    "bank-ph-a": "PA",
    "wallet-ph-b": "WB",
    "remit-ph-c": "RC",
    "vasp-ph-d": "VD",
    "bank-us-e": "UE",
    "bank-gb-f": "GF",
    "bank-au-g": "AG",
    "bank-eu-h": "EH",
    "remit-intl-j": "RJ",
    "p2p-intl-k": "PK",
    "vasp-intl-l": "VL",
    "vidchat-p": "VP",
    "hotline-ph-r": "HR",
}

PLATFORM = INSTS["vidchat-p"]


class Sink:
    def __init__(self, out_dir: str, view: str, chat: bool, t0: int, t1: int, fx: Fx):
        self.out = out_dir
        self.view = view
        self.chat = chat
        self.t0, self.t1 = t0, t1
        self.fx = fx
        self.fee = 0.01
        self.fmt = TsFormatter()
        self.bundle = os.path.join(out_dir, "bundle")
        self.truth = os.path.join(out_dir, "truth")
        self.tmp = os.path.join(out_dir, ".world_o_tmp")
        for d in (self.bundle, self.truth, self.tmp):
            if os.path.isdir(d):
                shutil.rmtree(d)
            os.makedirs(d)
        self._files: dict[tuple[str, int], tuple] = {}
        self.seq = 0
        self.seen: set[str] = set()
        self.chatters: set[str] = set()  # person ids with messages in the bundle
        self.counts: dict[str, int] = {}
        self.reports: list[list[str]] = []
        self.platform_on = view in ("full", "platform")
        self.messages_on = self.platform_on and chat

    # ---- spilling ---------------------------------------------------------------------------
    def _w(self, table: str, t: int):
        b = max(0, (t - self.t0) // (30 * DAY))
        key = (table, b)
        f = self._files.get(key)
        if f is None:
            fh = open(os.path.join(self.tmp, f"{table}_{b:04d}.csv"), "w", newline="", encoding="utf-8")
            f = (fh, csv.writer(fh))
            self._files[key] = f
        return f[1]

    def txn(
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
        chain: str = "",
        sname: str = "",
        rname: str = "",
    ) -> bool:
        if t < self.t0 or t > self.t1:
            return False
        si, ri = s.inst, r.inst
        view = self.view
        sender_side = True
        if view == "full":
            if si.exported:
                src = si
            elif ri.exported:
                src, sender_side = ri, False
            else:
                return False
        elif view == "receiver":
            if ri.group == "ph":
                src, sender_side = ri, False
            elif si.group == "ph":
                src = si
            else:
                return False
        else:
            if si.group == "platform":
                src = si
            elif ri.group == "platform":
                src = ri
            else:
                return False
        if not sender_side and channel != "crypto" and r.currency and r.currency != cur:
            day = (t - self.t0) // DAY
            amount = self.fx.convert(amount, cur, r.currency, day) * (1.0 - self.fee)
            cur = r.currency
            amount = round(amount, 2) if amount >= 0.01 else 0.01
        self.seq += 1
        self._w("transactions", t).writerow(
            [
                f"{t:011d}{self.seq:010d}",
                _ID_PREFIX[src.code],
                src.code,
                self.fmt.ts(t, src.tz),
                fmt_amount(amount),
                cur,
                s.account_id,
                r.account_id,
                channel,
                s.country,
                r.country,
                ref,
                mcc,
                mname,
                chain,
                sname,
                rname,
            ]
        )
        self.seen.add(s.account_id)
        self.seen.add(r.account_id)
        return True

    def session(
        self,
        sid: str,
        t: int,
        t_end: int,
        host: Account,
        viewer: Account | None,
        hcc: str,
        vcc: str,
        hip: str,
        vip: str,
        hdev: str,
        vdev: str,
        private: bool,
        paid: float,
        cur: str,
    ) -> bool:
        if not self.platform_on or t < self.t0 or t > self.t1:
            return False
        self.seq += 1
        self._w("sessions", t).writerow(
            [
                f"{t:011d}{self.seq:010d}",
                sid,
                PLATFORM.code,
                self.fmt.ts(t, 0),
                self.fmt.ts(t_end, 0),
                host.account_id,
                viewer.account_id if viewer else "",
                hcc,
                vcc,
                hip,
                vip,
                hdev,
                vdev,
                "true" if private else "false",
                fmt_amount(paid) if paid > 0 else ("0" if viewer else ""),
                cur if paid > 0 else "",
            ]
        )
        self.seen.add(host.account_id)
        if viewer:
            self.seen.add(viewer.account_id)
        return True

    def message(self, t: int, s: Account, r: Account | None, sid: str, text: str) -> bool:
        if not self.messages_on or t < self.t0 or t > self.t1:
            return False
        self.seq += 1
        self._w("messages", t).writerow(
            [
                f"{t:011d}{self.seq:010d}",
                PLATFORM.code,
                self.fmt.ts(t, 0),
                s.account_id,
                r.account_id if r else "",
                sid,
                text,
            ]
        )
        self.chatters.add(s.person.pid)
        if r is not None:
            self.chatters.add(r.person.pid)
        return True

    def report(
        self,
        source: str,
        t: int,
        incident: str,
        desc: str,
        account_ids,
        usernames,
        emails,
        phones,
        ips,
        payment_accounts,
        urls,
        country: str,
    ) -> bool:
        inst = INSTS[source]
        if self.view == "receiver":
            return False
        if self.view == "platform" and inst.group != "platform":
            return False
        self.reports.append(
            [
                t,
                source,
                self.fmt.ts(t, inst.tz),
                incident,
                desc,
                ";".join(account_ids),
                ";".join(usernames),
                ";".join(emails),
                ";".join(phones),
                ";".join(ips),
                ";".join(payment_accounts),
                ";".join(urls),
                country,
            ]
        )
        return True

    # ---- final write ------------------------------------------------------------------------
    def _merge(self, table: str, cols: list[str], id_col: bool):
        for (tab, _b), (fh, _w) in list(self._files.items()):
            if tab == table:
                fh.close()
        buckets = sorted(b for (tab, b) in self._files if tab == table)
        path = os.path.join(self.bundle, f"{table}.csv")
        n = 0
        with open(path, "w", newline="", encoding="utf-8") as out:
            w = csv.writer(out)
            w.writerow(cols)
            for b in buckets:
                p = os.path.join(self.tmp, f"{table}_{b:04d}.csv")
                # one record per physical line (no text holds a line break); the first field is a
                # fixed-width (time, sequence) key, so sorting the lines sorts the records
                with open(p, newline="", encoding="utf-8") as fh:
                    lines = fh.readlines()
                lines.sort()
                write = out.write
                if table == "transactions":
                    for line in lines:
                        n += 1
                        _k, pre, rest = line.split(",", 2)
                        write(f"{pre}T{n:09d},{rest}")
                elif table == "messages":
                    for line in lines:
                        n += 1
                        write(f"MSG{n:010d},{line[22:]}")
                else:
                    for line in lines:
                        n += 1
                        write(line[22:])
                del lines
                os.remove(p)
        self.counts[table] = n
        return n

    def finish(
        self, persons: list[Person], parties: list[Party], accounts: list[Account], registry: list[Account]
    ) -> dict[str, int]:
        view = self.view
        fmt = self.fmt
        # parties
        ps = [p for p in parties if in_view(INSTS[p.source], view)]
        ps.sort(key=lambda p: p.party_id)
        with open(os.path.join(self.bundle, "parties.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(PARTY_COLS)
            for p in ps:
                tz = INSTS[p.source].tz
                w.writerow(
                    [
                        p.party_id,
                        p.source,
                        p.kind,
                        p.name,
                        p.birth,
                        p.gender,
                        p.country,
                        p.city,
                        p.address,
                        p.phone,
                        p.email,
                        p.id_number,
                        fmt.ts(p.created, tz) if p.created else "",
                    ]
                )
        self.counts["parties"] = len(ps)
        party_ids = {p.party_id for p in ps}
        # accounts
        acs = [a for a in accounts if a.listed and in_view(a.inst, view)]
        acs.sort(key=lambda a: a.account_id)
        with open(os.path.join(self.bundle, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(ACCOUNT_COLS)
            for a in acs:
                tz = a.inst.tz
                pid = a.party.party_id if a.party is not None and a.party.party_id in party_ids else ""
                w.writerow(
                    [
                        a.account_id,
                        a.inst.code,
                        pid,
                        a.kind,
                        a.country,
                        a.username,
                        a.display,
                        fmt.ts(a.opened, tz) if a.opened else "",
                        fmt.ts(a.closed, tz) if a.closed else "",
                        a.banned,
                    ]
                )
                self.seen.add(a.account_id)
        self.counts["accounts"] = len(acs)
        # activity tables
        self._merge("transactions", TXN_COLS, True)
        if self.platform_on:
            self._merge("sessions", SESSION_COLS, False)
        if self.messages_on:
            self._merge("messages", MESSAGE_COLS, True)
        for fh, _w in self._files.values():
            if not fh.closed:
                fh.close()
        # reports
        if self.reports:
            self.reports.sort(key=lambda x: (x[0], x[1], x[4]))
            with open(os.path.join(self.bundle, "reports.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(REPORT_COLS)
                for i, row in enumerate(self.reports, 1):
                    w.writerow([f"{_ID_PREFIX[row[1]]}-TIP-{i:06d}", *row[1:]])
        self.counts["reports"] = len(self.reports)
        # fx rates, weekly
        if view != "platform" or self.counts.get("sessions"):
            with open(os.path.join(self.bundle, "fx_rates.csv"), "w", newline="", encoding="utf-8") as fh:
                w = csv.writer(fh)
                w.writerow(FX_COLS)
                n = 0
                for day in range(0, self.fx.days, 7):
                    d = fmt.date(self.t0 + day * DAY)
                    for cur in sorted(self.fx.rates):
                        w.writerow([d, cur, f"{self.fx.usd_per(cur, day):.8g}"])
                        n += 1
            self.counts["fx_rates"] = n
        shutil.rmtree(self.tmp, ignore_errors=True)
        self._truth(persons, registry, party_ids)
        return dict(self.counts)

    def _truth(self, persons: list[Person], registry: list[Account], party_ids: set[str]):
        with open(os.path.join(self.truth, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["account_id", "party_id", "person_id"])
            rows = []
            for a in registry:
                if a.account_id in self.seen:
                    pid = a.party.party_id if a.party is not None and a.party.party_id in party_ids else ""
                    rows.append((a.account_id, pid, a.person.pid))
            rows.sort()
            w.writerows(rows)
        self.counts["truth_accounts"] = len(rows)
        with open(os.path.join(self.truth, "persons.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["person_id", "cohort", "role", "network_id", "traits"])
            out = []
            for p in persons:
                traits = list(p.traits)
                if p.pid in self.chatters:
                    traits.append("chat")
                out.append((p.pid, p.cohort, p.role, ";".join(p.nets), ";".join(traits)))
            out.sort()
            w.writerows(out)
        self.counts["truth_persons"] = len(out)
