"""What the institutions in view report: the bundle tables and the ground truth of world D."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from .clock import DAY, NDAYS, OFFSETS, PAD, T0, ZONE_INDEX, iso_date, suffix
from .core import CHANNELS, CUR_NAMES, ZERO_DEC, World

SWITCH_T = T0 + 547 * DAY  # 2024-07-01: wallet-ph-2 moves its exports from +08:00 to UTC "Z"
STATUS = ["posted", "COMPLETED", "settled", "paid", "ok", "SUCCESS"]


# ---------------------------------------------------------------------------------------------------------
# timestamps as each source writes them


_DATES: pa.Array | None = None
_TIMES: pa.Array | None = None


def _tables() -> tuple[pa.Array, pa.Array]:
    global _DATES, _TIMES
    if _DATES is None:
        _DATES = pa.array([iso_date(d - PAD) for d in range(NDAYS + 2 * PAD)])
        _TIMES = pa.array(
            [f"{h:02d}:{m:02d}:{x:02d}" for h in range(24) for m in range(60) for x in range(60)]
        )
    return _DATES, _TIMES


def _render_ts(w: World, t: np.ndarray, src: np.ndarray) -> pa.Array:
    """ISO 8601 strings with the reporting institution's offset (local, Z, +00:00 or switched)."""
    dates, times = _tables()
    zone = np.array([ZONE_INDEX[i.zone] for i in w.insts], dtype=np.int64)[src]
    mode = np.array([{"local": 0, "Z": 1, "+00:00": 2, "switch": 3}[i.tz] for i in w.insts], dtype=np.int8)[
        src
    ]
    d = np.clip((t - T0) // DAY + PAD, 0, OFFSETS.shape[1] - 1)
    off = OFFSETS[zone, d].astype(np.int64)
    utc = (mode == 1) | (mode == 2) | ((mode == 3) & (t >= SWITCH_T))
    off = np.where(utc, 0, off)
    local = t + off * 60
    di = np.clip((local - T0) // DAY + PAD, 0, len(dates) - 1)
    sec = (local - T0) % DAY
    base = pc.binary_join_element_wise(dates.take(pa.array(di)), times.take(pa.array(sec)), "T")
    uniq = np.unique(off)
    labels = [suffix(int(o)) for o in uniq]
    suf = pa.array(labels).take(pa.array(np.searchsorted(uniq, off)))
    z = (mode == 1) | ((mode == 3) & (t >= SWITCH_T))
    suf = pc.if_else(pa.array(z), pa.scalar("Z"), suf)
    return pc.binary_join_element_wise(base, suf, "")


def _fmt_amount(x: np.ndarray, cur: np.ndarray) -> pa.Array:
    zero = np.array([c in ZERO_DEC for c in CUR_NAMES])[cur]
    x = np.where(zero, np.maximum(np.round(x), 1.0), np.maximum(np.round(x, 2), 0.01))
    s = pc.cast(pa.array(x), pa.string())
    return s


def _obj(values: list[str]) -> pa.Array:
    return pa.array(values, type=pa.string())


# ---------------------------------------------------------------------------------------------------------


class Bundle:
    def __init__(self, w: World, view: str, receivers: list[str], chat: bool):
        self.w = w
        self.view = view
        self.chat = chat
        if view == "pooled":
            self.inview = np.array([i.member for i in w.insts])
        else:
            self.inview = np.array([i.name in receivers for i in w.insts])
        self.receivers = receivers
        self.rng = np.random.default_rng([w.seed, 31337])

    # --- transactions ----------------------------------------------------------------------------------
    def transactions(self) -> int:
        w, rng = self.w, self.rng
        ev = w.ev.finish()
        ac_src = np.array(w.ac_src, dtype=np.int64)
        ac_cur = np.array(w.ac_cur, dtype=np.int64)
        ss, rs = ac_src[ev["s"]], ac_src[ev["r"]]
        ms, mr = self.inview[ss], self.inview[rs]
        n = ev["t"].shape[0]
        dup = rng.random(n) < w.p["dup_credit_rate"]
        side0 = ms
        side1 = mr & (ss != rs) & (~ms | dup)
        e0 = np.nonzero(side0)[0]
        e1 = np.nonzero(side1)[0]
        wallet_src = np.array([i.kind == "wallet" for i in w.insts])
        e2 = e1[wallet_src[rs[e1]] & (rng.random(e1.shape[0]) < w.p["resend_rate"])]
        e = np.concatenate([e0, e1, e2])
        side = np.concatenate([np.zeros(e0.shape[0], np.int8), np.ones(e1.shape[0] + e2.shape[0], np.int8)])
        src = np.concatenate([ss[e0], rs[e1], rs[e2]])
        t = ev["t"][e] + side * ev["delay"][e].astype(np.int64)
        t[e0.shape[0] + e1.shape[0] :] += rng.integers(0, 3, e2.shape[0]) * 3600 + rng.integers(
            1, 60, e2.shape[0]
        )
        keep = (t >= T0) & (t < T0 + NDAYS * DAY)
        e, side, src, t = e[keep], side[keep], src[keep], t[keep]
        s, r = ev["s"][e], ev["r"][e]
        self.rec_s, self.rec_r = s, r
        # amounts in the reporting side's currency
        spec = np.where(ev["rcur"][e] == 0, ac_cur[s], ac_cur[r])
        rep = np.where(side == 0, ac_cur[s], ac_cur[r])
        day = np.clip((t - T0) // DAY, 0, w.fx.shape[1] - 1)
        amt = ev["amt"][e]
        conv = amt * w.fx[spec, day] / w.fx[rep, day]
        spread = rng.uniform(0.004, 0.02, e.shape[0])
        conv = np.where(side == 1, conv * (1 - spread), conv * (1 + spread))
        amount = np.where(spec == rep, amt, conv)
        # countries, references, merchants: index arrays here, strings per chunk
        blank = w.p["blank_txn_country_rate"]
        blank_s = rng.random(e.shape[0]) < blank
        blank_r = rng.random(e.shape[0]) < blank / 2
        ridx = ev["ref"][e].astype(np.int64)
        mangle = (side == 1) & (rng.random(e.shape[0]) < 0.3)
        ridx = np.where(mangle, ridx + len(w.refs), ridx)
        ch = ev["ch"][e]
        n_acc = len(w.ac_id)
        # order like concatenated per-institution exports
        order = np.lexsort((t, src))
        self.first_seen = np.full(n_acc, np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(self.first_seen, s, t)
        np.minimum.at(self.first_seen, r, t)
        self._tx = {
            "src": src[order],
            "t": t[order],
            "amount": amount[order],
            "rep": rep[order],
            "s": s[order],
            "r": r[order],
            "ch": ch[order].astype(np.int64),
            "blank_s": blank_s[order],
            "blank_r": blank_r[order],
            "ridx": ridx[order],
        }
        return int(e.shape[0])

    def transaction_chunks(self, size: int = 400_000):
        """The transactions table as Arrow tables of at most `size` rows (keeps memory flat)."""
        w, x = self.w, self._tx
        ids = _obj(w.ac_id)
        src_names = _obj([i.name for i in w.insts])
        prefixes = _obj([i.name.upper().replace("-", "") + "-" for i in w.insts])
        months = _obj([f"{y}-{m:02d}" for y in (2022, 2023, 2024, 2025) for m in range(1, 13)])
        short = _obj([i.name[:6] for i in w.insts])
        ac_cc = _obj(
            [("" if w.insts[w.ac_src[i]].kind == "chain" else c) for i, c in enumerate(w.ac_country)]
        )
        refs = _obj(w.refs + [x.upper()[:24] for x in w.refs])
        mcc = [""] * len(w.ac_id)
        mname = [""] * len(w.ac_id)
        for acct, v in w.acct_mcc.items():
            mcc[acct] = v
            mname[acct] = w.acct_mname.get(acct, "")
        mcc_t, mname_t = _obj(mcc), _obj(mname)
        card = CHANNELS.index("card")
        empty = pa.scalar("")
        n = x["t"].shape[0]
        for a in range(0, max(n, 1), size):
            b = min(n, a + size)
            src = x["src"][a:b]
            t = x["t"][a:b]
            psrc = pa.array(src)
            mon = np.clip((t - T0) // (DAY * 30.44) + 12, 0, 47).astype(np.int64)
            seq = pa.array(np.arange(a + 1, b + 1) * 7 + w.seed % 7)
            ps, pr = pa.array(x["s"][a:b]), pa.array(x["r"][a:b])
            is_card = pa.array(x["ch"][a:b] == card)
            yield pa.table(
                {
                    "txn_id": pc.binary_join_element_wise(prefixes.take(psrc), pc.cast(seq, pa.string()), ""),
                    "source": src_names.take(psrc),
                    "timestamp": _render_ts(w, t, src),
                    "amount": _fmt_amount(x["amount"][a:b], x["rep"][a:b]),
                    "currency": _obj(CUR_NAMES).take(pa.array(x["rep"][a:b])),
                    "sender_account_id": ids.take(ps),
                    "receiver_account_id": ids.take(pr),
                    "channel": _obj(CHANNELS).take(pa.array(x["ch"][a:b])),
                    "sender_country": pc.if_else(pa.array(x["blank_s"][a:b]), empty, ac_cc.take(ps)),
                    "receiver_country": pc.if_else(pa.array(x["blank_r"][a:b]), empty, ac_cc.take(pr)),
                    "reference": refs.take(pa.array(x["ridx"][a:b])),
                    "merchant_category": pc.if_else(is_card, mcc_t.take(pr), empty),
                    "merchant_name": pc.if_else(is_card, mname_t.take(pr), empty),
                    "status": _obj(STATUS).take(pa.array(src % len(STATUS))),
                    "ingest_batch": pc.binary_join_element_wise(
                        short.take(psrc), months.take(pa.array(mon)), "-"
                    ),
                }
            )

    # --- sessions and messages ---------------------------------------------------------------------------
    def sessions(self) -> dict[str, pa.Array] | None:
        w = self.w
        if not self.inview[w.inst("streamhub")] or not w.sessions:
            self.sess_ids: set[int] = set()
            return None
        S = w.sessions
        keep = [x for x in S if T0 <= x[1] < T0 + NDAYS * DAY]
        self.sess_ids = {x[0] for x in keep}
        if not keep:
            return None
        cols = list(zip(*keep, strict=True))
        sid, st, en, host, view, priv, paid, hip, vip, hdev, vdev = cols
        st = np.array(st, dtype=np.int64)
        en = np.array(en, dtype=np.int64)
        src = np.full(st.shape[0], w.inst("streamhub"))
        ids = w.ac_id
        cc = w.ac_country
        self.sess_accts = np.array(list(host) + list(view), dtype=np.int64)
        rng = self.rng
        blank_c = rng.random(st.shape[0]) < w.p["blank_txn_country_rate"]
        return {
            "session_id": _obj([f"S{x:08d}" for x in sid]),
            "source": _obj(["streamhub"] * st.shape[0]),
            "started_at": _render_ts(w, st, src),
            "ended_at": _render_ts(w, en, src),
            "host_account_id": _obj([ids[a] for a in host]),
            "viewer_account_id": _obj([ids[a] for a in view]),
            "host_country": _obj([cc[a] for a in host]),
            "viewer_country": _obj(["" if b else cc[a] for a, b in zip(view, blank_c, strict=True)]),
            "host_ip": _obj(list(hip)),
            "viewer_ip": _obj(list(vip)),
            "host_device_id": _obj(list(hdev)),
            "viewer_device_id": _obj(list(vdev)),
            "private": _obj(["true" if p else "false" for p in priv]),
            "paid_amount": _obj([f"{x:.2f}" if x > 0 else "" for x in paid]),
            "currency": _obj(["USD" if x > 0 else "" for x in paid]),
            "room_tier": _obj(["private" if p else "public" for p in priv]),
        }

    def messages(self) -> dict[str, pa.Array] | None:
        w = self.w
        self.msg_accts = np.zeros(0, dtype=np.int64)
        if not self.chat or not self.inview[w.inst("streamhub")] or not w.messages:
            return None
        keep = [x for x in w.messages if T0 <= x[0] < T0 + NDAYS * DAY]
        keep.sort(key=lambda x: x[0])
        if not keep:
            return None
        t, snd, rcv, text, sess = zip(*keep, strict=True)
        self.msg_accts = np.array(list(snd) + list(rcv), dtype=np.int64)
        ids = w.ac_id
        tt = np.array(t, dtype=np.int64)
        return {
            "message_id": _obj([f"M{i + 1:09d}" for i in range(len(keep))]),
            "source": _obj(["streamhub"] * len(keep)),
            "sent_at": _render_ts(w, tt, np.full(len(keep), w.inst("streamhub"))),
            "sender_account_id": _obj([ids[a] for a in snd]),
            "recipient_account_id": _obj([ids[a] for a in rcv]),
            "session_id": _obj([f"S{x:08d}" if x and x in self.sess_ids else "" for x in sess]),
            "text": _obj(list(text)),
        }

    # --- accounts and parties ---------------------------------------------------------------------------
    def accounts(self) -> dict[str, pa.Array]:
        w = self.w
        r = np.random.default_rng([w.seed, 4242])
        sel = [i for i in range(len(w.ac_id)) if self.inview[w.ac_src[i]]]
        self.table_accts = np.array(sel, dtype=np.int64)
        rows = {
            k: []
            for k in (
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
                "ccy",
                "branch_code",
            )
        }
        from .clock import iso_ts

        blank = r.random(len(sel)) < w.p["blank_country_rate"] / 2
        for j, a in enumerate(sel):
            ins = w.insts[w.ac_src[a]]
            e = w.ac_extra[a] or {}
            party = w.ac_party[a]
            rows["account_id"].append(w.ac_id[a])
            rows["source"].append(ins.name)
            rows["party_id"].append(w.pa_id[party] if party >= 0 and w.ac_party_shown[a] else "")
            rows["kind"].append(w.ac_kind[a])
            rows["country"].append("" if blank[j] else w.ac_country[a])
            rows["username"].append(e.get("username", ""))
            rows["display_name"].append(e.get("display_name", ""))
            op = e.get("opened")
            fs = int(self.first_seen[a]) if a < self.first_seen.shape[0] else np.iinfo(np.int64).max
            if op is None:  # no recorded opening: an old account (or, for some sources, simply not exported)
                op = T0 - int(r.integers(200, 4000)) * DAY if r.random() < 0.8 else None
            if op is not None:
                o = min(op, fs - 3600 * int(r.integers(1, 400)))
                if o % DAY == 0:
                    o += int(r.integers(0, DAY))
                off = 480 if ins.country == "PH" and ins.tz == "local" else 0
                rows["opened_at"].append(iso_ts(o, off))
            else:
                rows["opened_at"].append("")
            rows["closed_at"].append(iso_ts(e["closed"], 0) if "closed" in e else "")
            rows["banned_reason"].append(e.get("banned", ""))
            rows["ccy"].append(CUR_NAMES[w.ac_cur[a]])
            rows["branch_code"].append(f"BR{(a * 37) % 900 + 100}" if ins.kind == "bank" else "")
        return {k: _obj(v) for k, v in rows.items()}

    def parties(self) -> dict[str, pa.Array]:
        w = self.w
        sel = [k for k in range(len(w.pa_id)) if self.inview[w.pa_src[k]]]
        cols = [
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
            "kyc_level",
            "occupation",
        ]
        rows = {c: [] for c in cols}
        occ = [
            "",
            "",
            "employee",
            "self-employed",
            "student",
            "retired",
            "homemaker",
            "business owner",
            "OFW",
        ]
        for k in sel:
            row = w.pa_row[k]
            rows["party_id"].append(w.pa_id[k])
            rows["source"].append(w.insts[w.pa_src[k]].name)
            for c in cols[2:13]:
                rows[c].append(row.get(c, ""))
            rows["kyc_level"].append(("1", "2", "3", "")[k % 4])
            rows["occupation"].append("" if row["kind"] == "organization" else occ[(k * 7) % len(occ)])
        return {c: _obj(v) for c, v in rows.items()}

    def fx_rates(self) -> dict[str, pa.Array]:
        w = self.w
        used = sorted(set(w.ac_cur))
        dates, curs, vals = [], [], []
        for d in range(NDAYS):
            ds = iso_date(d)
            for c in used:
                dates.append(ds)
                curs.append(CUR_NAMES[c])
                vals.append(f"{w.fx[c, d]:.10f}".rstrip("0").rstrip("."))
        return {"date": _obj(dates), "currency": _obj(curs), "usd_per_unit": _obj(vals)}


# ---------------------------------------------------------------------------------------------------------
# writing


def write_table(folder: Path, name: str, cols, fmt: str) -> tuple[Path, int]:
    """Write one bundle table; `cols` is a dict of columns or an iterator of Arrow tables."""
    chunks = iter([pa.table(cols)]) if isinstance(cols, dict) else iter(cols)
    first = next(chunks)
    path = folder / f"{name}.{fmt}"
    opts = pacsv.WriteOptions(quoting_style="needed")
    rows = 0
    if fmt in ("csv", "csv.gz"):
        with open(path, "wb") as raw, _gz(raw) if fmt == "csv.gz" else raw as sink:
            with pacsv.CSVWriter(sink, first.schema, write_options=opts) as wr:
                for tb in _chain(first, chunks):
                    wr.write_table(tb)
                    rows += tb.num_rows
    elif fmt == "parquet":
        with pq.ParquetWriter(str(path), first.schema, compression="zstd") as wr:
            for tb in _chain(first, chunks):
                wr.write_table(tb)
                rows += tb.num_rows
    elif fmt in ("jsonl", "jsonl.gz"):
        with (
            open(path, "wb") as raw,
            _gz(raw) if fmt.endswith(".gz") else raw as sink,
            io.TextIOWrapper(sink, encoding="utf-8", newline="\n") as f,
        ):
            for tb in _chain(first, chunks):
                names_ = tb.column_names
                data = [tb.column(c).to_pylist() for c in names_]
                for row in zip(*data, strict=True):
                    f.write(
                        json.dumps(
                            {k: v for k, v in zip(names_, row, strict=True) if v != ""}, ensure_ascii=False
                        )
                    )
                    f.write("\n")
                rows += tb.num_rows
    else:
        raise ValueError(fmt)
    return path, rows


def _gz(raw):
    """gzip at a moderate level with a fixed header time, so that files are byte-identical per seed."""
    return gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=3, mtime=0)


def _chain(first, rest):
    yield first
    yield from rest


def write_truth(folder: Path, persons_rows: list[list[str]], account_rows: list[list[str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "persons.csv", "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f)
        wr.writerow(["person_id", "cohort", "role", "network_id", "traits"])
        wr.writerows(persons_rows)
    with open(folder / "accounts.csv", "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f)
        wr.writerow(["account_id", "party_id", "person_id"])
        wr.writerows(account_rows)
