"""Project the world onto a view (pooled FIU / receiver), add data-quality quirks, write bundle + truth."""

from __future__ import annotations

import gzip
import io
import json
import os
from collections import Counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from . import timeutil as T
from .world import CHANNELS, CURRENCIES, ZERO_DEC, World

CHUNK = 750_000
VPN_EXITS = ["NL", "SE", "CH", "US", "SG", "DE"]
TRUTH_TRAITS_DROP = {"inbound_only"}  # recomputed from what the view shows


def _write_csv(path: str, table_iter, gz: bool) -> int:
    n = 0
    first = True
    raw = open(path, "wb")  # noqa: SIM115
    f = gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=2, mtime=0) if gz else raw
    try:
        for t in table_iter:
            buf = io.BytesIO()
            pcsv.write_csv(t, buf, write_options=pcsv.WriteOptions(include_header=first))
            f.write(buf.getvalue())
            first = False
            n += t.num_rows
    finally:
        if gz:
            f.close()
        raw.close()
    return n


def _amount_strings(amt: np.ndarray, cur: np.ndarray) -> pa.Array:
    zero = np.isin(cur, np.array(sorted(ZERO_DEC)))
    cents = np.round(np.asarray(amt) * 100).astype(np.int64)
    cents = np.maximum(cents, 1)
    ip = pc.cast(pa.array(cents // 100), pa.string())
    fp = pc.utf8_lpad(pc.cast(pa.array(cents % 100), pa.string()), 2, "0")
    dec = pc.binary_join_element_wise(ip, fp, ".")
    whole = pc.cast(pa.array(np.maximum(np.round(np.asarray(amt)).astype(np.int64), 1)), pa.string())
    return pc.if_else(pa.array(zero), whole, dec)


def _blank(arr: pa.Array, mask: np.ndarray) -> pa.Array:
    return pc.if_else(pa.array(mask), pa.scalar("", pa.string()), arr)


class View:
    def __init__(self, W: World, view: str):
        self.W = W
        self.view = view
        self.vis = np.array([(i.pooled if view == "pooled" else i.receiver) for i in W.insts], dtype=bool)
        self.inst_tz = np.array([T.TZ_INDEX[i.tz] for i in W.insts], dtype=np.int64)
        self.inst_zulu = np.array([i.zulu for i in W.insts], dtype=bool)
        self.inst_name = pa.array([i.name for i in W.insts], type=pa.string())
        self.a_inst = np.asarray(W.a_inst, dtype=np.int64)
        self.a_cur = np.asarray(W.a_cur, dtype=np.int64)
        self.a_person = np.asarray(W.a_person, dtype=np.int64)
        self.a_id = pa.array(W.a_id, type=pa.string())
        self.a_country = pa.array(W.a_country, type=pa.string())

    def ts_for_source(self, ts: np.ndarray, src: np.ndarray) -> pa.Array:
        tz = self.inst_tz[src]
        return T.iso_strings(ts, T.offsets(tz, ts), self.inst_zulu[src])


def write(W: World, out_dir: str, view: str, chat: bool) -> dict:
    rng = W.rng_out
    V = View(W, view)
    bdir = os.path.join(out_dir, "bundle")
    tdir = os.path.join(out_dir, "truth")
    os.makedirs(bdir, exist_ok=True)
    os.makedirs(tdir, exist_ok=True)
    for d in (bdir, tdir):
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
    counts: dict = {}
    seen_acc: list[np.ndarray] = []
    rcv_seen: list[np.ndarray] = []
    snd_rside: list[np.ndarray] = []
    active: list[np.ndarray] = []  # accounts acting in sessions / messages
    p = W.p

    # ------------------------------------------------------------------ transactions
    tx = W.tx.cat()
    # consistency: no activity on an account before it was opened
    a_open = np.asarray(W.a_opened, dtype=np.int64)
    ok = (tx["ts"] >= a_open[tx["snd"]]) & (tx["ts"] >= a_open[tx["rcv"]])
    counts["dropped_before_open"] = int((~ok).sum())
    tx = {k: v[ok] for k, v in tx.items()}
    s_i, r_i = V.a_inst[tx["snd"]], V.a_inst[tx["rcv"]]
    vs = V.vis[s_i]
    vr = V.vis[r_i] & (r_i != s_i)
    kr = vr & (~vs | (rng.random(s_i.size) < p["dup_rate"]))
    S, R = np.nonzero(vs)[0], np.nonzero(kr)[0]
    a_country = np.asarray(W.a_country)
    cross = a_country[tx["snd"][R]] != a_country[tx["rcv"][R]]
    delay = np.where(cross, rng.integers(60, 3 * 3600, R.size), rng.integers(0, 120, R.size))
    ts = np.concatenate([tx["ts"][S], np.minimum(tx["ts"][R] + delay, T.END - 1)])
    src = np.concatenate([s_i[S], r_i[R]])
    snd = np.concatenate([tx["snd"][S], tx["snd"][R]]).astype(np.int64)
    rcv = np.concatenate([tx["rcv"][S], tx["rcv"][R]]).astype(np.int64)
    cur = np.concatenate([V.a_cur[tx["snd"][S]], V.a_cur[tx["rcv"][R]]])
    amt_r = W.convert(tx["amt"][R], V.a_cur[tx["snd"][R]], V.a_cur[tx["rcv"][R]], tx["ts"][R])
    spread = np.where(V.a_cur[tx["snd"][R]] != V.a_cur[tx["rcv"][R]], 1 - rng.uniform(0, 0.015, R.size), 1.0)
    amt = np.concatenate([tx["amt"][S], amt_r * spread])
    chan = np.concatenate([tx["chan"][S], tx["chan"][R]]).astype(np.int64)
    ref = np.concatenate([tx["ref"][S], tx["ref"][R]]).astype(np.int64)
    rside = np.concatenate([np.zeros(S.size, bool), np.ones(R.size, bool)])
    del tx
    order = np.argsort(ts, kind="stable")
    ts, src, snd, rcv, cur, amt, chan, ref, rside = (
        x[order] for x in (ts, src, snd, rcv, cur, amt, chan, ref, rside)
    )
    n_tx = ts.size
    # sequential ids per source, in time order
    seq = np.zeros(n_tx, dtype=np.int64)
    for s in np.unique(src):
        m = src == s
        seq[m] = np.arange(1, m.sum() + 1) + int(rng.integers(10**6, 10**7))
    seen_acc += [snd, rcv]
    rcv_seen.append(rcv)
    snd_rside.append(snd[rside])
    prefixes = pa.array([f"{i.prefix}-T" for i in W.insts], type=pa.string())
    bprefixes = pa.array([f"{i.prefix}-B" for i in W.insts], type=pa.string())
    refs = pa.array(W.refs, type=pa.string())
    chans = pa.array(CHANNELS, type=pa.string())
    curs = pa.array(CURRENCIES, type=pa.string())
    mcc = pa.array(W.a_mcc, type=pa.string())
    mname = pa.array(W.a_mname, type=pa.string())
    lb = W.inst_by["lungsod-bank"].idx
    card = CHANNELS.index("card")

    def tx_tables():
        for lo in range(0, n_tx, CHUNK):
            sl = slice(lo, min(n_tx, lo + CHUNK))
            k = sl.stop - sl.start
            s_ = pa.array(src[sl])
            tid = pc.binary_join_element_wise(
                prefixes.take(s_), pc.utf8_lpad(pc.cast(pa.array(seq[sl]), pa.string()), 10, "0"), ""
            )
            r_ = ref[sl]
            rtxt = refs.take(pa.array(r_))
            rtxt = pc.if_else(pa.array(src[sl] == lb), pc.utf8_upper(rtxt), rtxt)
            stamp = V.ts_for_source(ts[sl], src[sl])
            blank = rng.random((2, k)) < p["blank_country"]
            is_card = chan[sl] == card
            batch = pc.binary_join_element_wise(
                bprefixes.take(s_),
                pc.replace_substring(
                    pa.array(ts[sl] // T.DAY, type=pa.int32()).cast(pa.date32()).cast(pa.string()), "-", ""
                ),
                "",
            )
            yield pa.table(
                {
                    "txn_id": tid,
                    "source": V.inst_name.take(s_),
                    "timestamp": stamp,
                    "amount": _amount_strings(amt[sl], cur[sl]),
                    "currency": curs.take(pa.array(cur[sl])),
                    "sender_account_id": V.a_id.take(pa.array(snd[sl])),
                    "receiver_account_id": V.a_id.take(pa.array(rcv[sl])),
                    "channel": chans.take(pa.array(chan[sl])),
                    "sender_country": _blank(V.a_country.take(pa.array(snd[sl])), blank[0]),
                    "receiver_country": _blank(V.a_country.take(pa.array(rcv[sl])), blank[1]),
                    "reference": rtxt,
                    "merchant_category": _blank(mcc.take(pa.array(rcv[sl])), ~is_card),
                    "merchant_name": mname.take(pa.array(rcv[sl])),
                    "batch_id": batch,
                }
            )

    counts["transactions"] = _write_csv(os.path.join(bdir, "transactions.csv.gz"), tx_tables(), gz=True)
    counts["duplicate_credits"] = int((vs & kr).sum())

    # ------------------------------------------------------------------ sessions
    ses_rows = 0
    if V.vis[W.inst_by["liwanaglive"].idx]:
        se = W.ses.cat()
        n = se["sid"].size
        if n:
            host, viewer = se["host"].astype(np.int64), se["viewer"].astype(np.int64)
            active += [host, viewer]
            seen_acc += [host, viewer]
            vpn = se["vpn"].astype(bool)
            a_ip = np.asarray(W.a_ip, dtype=object)
            a_dev = np.asarray(W.a_device, dtype=object)
            v_ip = a_ip[viewer].copy()
            v_ip[vpn] = [W.net.vpn_ip() for _ in range(int(vpn.sum()))]
            v_cc = np.asarray(W.a_country, dtype=object)[viewer].copy()
            v_cc[vpn] = np.array(VPN_EXITS, dtype=object)[rng.integers(0, len(VPN_EXITS), int(vpn.sum()))]
            src_ = np.full(n, W.inst_by["liwanaglive"].idx)
            paid = se["paid"]
            has = ~np.isnan(paid)
            paid_s = _amount_strings(np.where(has, paid, 1.0), np.zeros(n, dtype=np.int64))
            t = pa.table(
                {
                    "session_id": pc.binary_join_element_wise(
                        pa.array(np.full(n, "LS-")), pc.cast(pa.array(se["sid"]), pa.string()), ""
                    ),
                    "source": pa.array(np.full(n, "liwanaglive")),
                    "started_at": V.ts_for_source(se["start"], src_),
                    "ended_at": V.ts_for_source(se["end"], src_),
                    "host_account_id": V.a_id.take(pa.array(host)),
                    "viewer_account_id": V.a_id.take(pa.array(viewer)),
                    "host_country": V.a_country.take(pa.array(host)),
                    "viewer_country": pa.array(v_cc.astype(str)),
                    "host_ip": pa.array(a_ip[host].astype(str)),
                    "viewer_ip": pa.array(v_ip.astype(str)),
                    "host_device_id": pa.array(a_dev[host].astype(str)),
                    "viewer_device_id": pa.array(a_dev[viewer].astype(str)),
                    "private": pa.array(np.where(se["private"] > 0, "true", "false")),
                    "paid_amount": _blank(paid_s, ~has),
                    "currency": pa.array(np.where(has, "USD", "")),
                }
            )
            ses_rows = _write_csv(os.path.join(bdir, "sessions.csv.gz"), [t], gz=True)
    counts["sessions"] = ses_rows

    # ------------------------------------------------------------------ messages
    msg_rows = 0
    chat_persons = np.zeros(0, dtype=np.int64)
    if chat and W.m_ts:
        ms = np.asarray(W.m_snd, dtype=np.int64)
        mr = np.asarray(W.m_rcv, dtype=np.int64)
        keep = V.vis[V.a_inst[ms]] & V.vis[V.a_inst[mr]]
        if keep.any():
            idx = np.nonzero(keep)[0]
            mts = np.clip(np.asarray(W.m_ts, dtype=np.int64)[idx], T.START, T.END - 1)
            o = np.argsort(mts, kind="stable")
            idx, mts = idx[o], mts[o]
            ms, mr = ms[idx], mr[idx]
            msid = np.asarray(W.m_sid, dtype=np.int64)[idx]
            src_ = V.a_inst[ms]
            active += [ms, mr]
            seen_acc += [ms, mr]
            chat_persons = np.unique(V.a_person[np.concatenate([ms, mr])])
            n = idx.size
            texts = pa.array(W.msg_text, type=pa.string()).take(pa.array(idx))
            sid_s = pc.binary_join_element_wise(
                pa.array(np.full(n, "LS-")), pc.cast(pa.array(msid), pa.string()), ""
            )
            mid = pc.binary_join_element_wise(
                bprefixes.take(pa.array(src_)), pc.cast(pa.array(np.arange(n) + 5_000_000), pa.string()), "M"
            )
            t = pa.table(
                {
                    "message_id": mid,
                    "source": V.inst_name.take(pa.array(src_)),
                    "sent_at": V.ts_for_source(mts, src_),
                    "sender_account_id": V.a_id.take(pa.array(ms)),
                    "recipient_account_id": V.a_id.take(pa.array(mr)),
                    "session_id": _blank(sid_s, msid < 0),
                    "text": texts,
                }
            )
            msg_rows = _write_csv(os.path.join(bdir, "messages.csv.gz"), [t], gz=True)
    counts["messages"] = msg_rows

    # ------------------------------------------------------------------ accounts and parties
    acc_idx = np.nonzero(V.vis[V.a_inst])[0]
    seen_acc.append(acc_idx)
    party_of = np.asarray(W.a_party, dtype=np.int64)[acc_idx]
    blank_party = rng.random(acc_idx.size) < p["blank_party"]
    party_of = np.where(blank_party, -1, party_of)
    used_parties = np.unique(party_of[party_of >= 0])
    pid_str = _party_ids(W, used_parties, rng)
    a_party_str = np.full(len(W.a_id), "", dtype=object)
    a_party_str[acc_idx] = [pid_str.get(int(j), "") for j in party_of.tolist()]
    counts["parties"] = _write_parties(W, V, bdir, used_parties, pid_str, rng)
    src_ = V.a_inst[acc_idx]
    opened = np.asarray(W.a_opened, dtype=np.int64)[acc_idx]
    closed = np.asarray(W.a_closed, dtype=np.int64)[acc_idx]
    cl_s = _blank(V.ts_for_source(np.maximum(closed, 0), src_), closed < 0)
    kinds = np.asarray(W.a_kind, dtype=object)[acc_idx]
    branch = np.where(
        kinds == "bank", np.char.add("BR", rng.integers(100, 999, acc_idx.size).astype(str)), ""
    )
    acc_tab = pa.table(
        {
            "account_id": V.a_id.take(pa.array(acc_idx)),
            "source": V.inst_name.take(pa.array(src_)),
            "party_id": pa.array(a_party_str[acc_idx].astype(str)),
            "kind": pa.array(kinds.astype(str)),
            "country": _blank(
                V.a_country.take(pa.array(acc_idx)), rng.random(acc_idx.size) < p["blank_country"] / 2
            ),
            "username": pa.array(np.asarray(W.a_user, dtype=object)[acc_idx].astype(str)),
            "display_name": pa.array(np.asarray(W.a_disp, dtype=object)[acc_idx].astype(str)),
            "opened_at": V.ts_for_source(opened, src_),
            "closed_at": cl_s,
            "banned_reason": pa.array(np.asarray(W.a_banned, dtype=object)[acc_idx].astype(str)),
            "currency": pa.array([CURRENCIES[c] for c in V.a_cur[acc_idx].tolist()]),
            "branch_code": pa.array(branch.astype(str)),
        }
    )
    counts["accounts"] = _write_csv(os.path.join(bdir, "accounts.csv"), [acc_tab], gz=False)

    # ------------------------------------------------------------------ fx rates
    days = np.arange(T.NDAYS)
    fx = pa.table(
        {
            "date": pa.array([T.date_str(T.START + int(d) * T.DAY) for d in days for _ in CURRENCIES]),
            "currency": pa.array([c for _ in days for c in CURRENCIES]),
            "usd_per_unit": pa.array(
                [_dec(W.fx[i, d]) for d in days.tolist() for i in range(len(CURRENCIES))], type=pa.string()
            ),
        }
    )
    counts["fx_rates"] = _write_csv(os.path.join(bdir, "fx_rates.csv"), [fx], gz=False)

    # ------------------------------------------------------------------ truth
    all_acc = np.unique(np.concatenate(seen_acc))
    persons_vis = np.unique(V.a_person[all_acc])
    perm = np.random.default_rng(np.random.SeedSequence([W.seed, 0x7E])).permutation(len(W.persons))
    pid_of = lambda i: f"W{int(perm[i]) + 1:07d}"  # noqa: E731
    in_table = np.zeros(len(W.a_id), dtype=bool)
    in_table[acc_idx] = True
    npers = len(W.persons)
    has_table = np.bincount(V.a_person[acc_idx], minlength=npers) > 0
    as_rcv = np.bincount(V.a_person[np.concatenate(rcv_seen)], minlength=npers) > 0
    as_act = (
        np.bincount(V.a_person[np.concatenate(active)], minlength=npers) > 0
        if active
        else np.zeros(npers, bool)
    )
    as_rs = np.bincount(V.a_person[np.concatenate(snd_rside)], minlength=npers) > 0
    inbound_only = as_rs & ~has_table & ~as_rcv & ~as_act
    is_chat = np.zeros(npers, dtype=bool)
    is_chat[chat_persons] = True
    rows = []
    cohort_counts: Counter = Counter()
    trait_counts: Counter = Counter()
    for i in persons_vis.tolist():
        per = W.persons[i]
        tr = [t for t in per.traits if t not in TRUTH_TRAITS_DROP and (ses_rows or t != "platform_viewer")]
        if inbound_only[i]:
            tr.append("inbound_only")
        if is_chat[i]:
            tr.append("chat")
        rows.append((pid_of(i), per.cohort, per.role, ";".join(per.networks), ";".join(tr)))
        cohort_counts[per.cohort] += 1
        if per.role:
            for t in tr:
                trait_counts[f"{per.cohort}:{t}"] += 1
    rows.sort()
    ptab = pa.table({k: pa.array([r[j] for r in rows], type=pa.string())
                     for j, k in enumerate(["person_id", "cohort", "role", "network_id", "traits"])})  # fmt: skip
    _write_csv(os.path.join(tdir, "persons.csv"), [ptab], gz=False)
    atab = pa.table(
        {
            "account_id": V.a_id.take(pa.array(all_acc)),
            "party_id": pa.array(a_party_str[all_acc].astype(str)),
            "person_id": pa.array([pid_of(int(i)) for i in V.a_person[all_acc].tolist()]),
        }
    )
    _write_csv(os.path.join(tdir, "accounts.csv"), [atab], gz=False)
    counts["truth_persons"] = len(rows)
    counts["truth_accounts"] = int(all_acc.size)
    summary = {
        "seed": W.seed,
        "customers": W.customers,
        "view": view,
        "chat": chat,
        "tables": counts,
        "cohorts": dict(sorted(cohort_counts.items())),
        "offender_traits": dict(sorted(trait_counts.items())),
        "households": len(
            {n for r in rows if r[2] == "facilitator" for n in r[3].split(";") if n.startswith("osec")}
        ),
        "params": {k: (round(v, 5) if isinstance(v, float) else v) for k, v in W.p.items()},
    }
    with open(os.path.join(tdir, "world.json"), "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)
    return summary


def _dec(x: float) -> str:
    s = f"{x:.12f}".rstrip("0")
    return s + "0" if s.endswith(".") else s


def _party_ids(W: World, used: np.ndarray, rng: np.random.Generator) -> dict[int, str]:
    out = {}
    seen = set()
    for j in used.tolist():
        inst = W.insts[W.pt[j]["inst"]]
        while True:
            s = f"{inst.prefix}-P{int(rng.integers(10**7, 10**8))}"
            if s not in seen:
                seen.add(s)
                break
        out[j] = s
    return out


def _write_parties(
    W: World, V: View, bdir: str, used: np.ndarray, pid_str: dict, rng: np.random.Generator
) -> int:
    nm = W.names
    cols: dict[str, list] = {k: [] for k in ["party_id", "source", "kind", "name", "birth_date", "gender", "country",
                                             "city", "address", "phone", "email", "id_number", "created_at", "risk_rating"]}  # fmt: skip
    created, srcs = [], []
    vr = W.p["name_variant"]
    for j in used.tolist():
        rec = W.pt[j]
        per = W.persons[rec["person"]]
        inst = W.insts[rec["inst"]]
        kind = inst.kind
        org = per.kind == "organization"
        nominee = bool(rec.get("name"))
        if nominee:
            g, sur, nom_gender, nom_birth = rec["name"]
            name = nm.variant(g, "", sur) if rng.random() < vr else f"{g} {sur}"
        elif org:
            name = per.org_name.upper() if rng.random() < vr else per.org_name
        else:
            name = (
                nm.variant(per.given, per.middle, per.surname)
                if rng.random() < vr
                else f"{per.given} {per.surname}"
            )
        phone = (
            per.phones[-1]
            if len(per.phones) > 1 and rng.random() < 0.6
            else (per.phones[0] if per.phones else "")
        )
        email = (
            per.emails[-1]
            if kind == "platform" and len(per.emails) > 1
            else (per.emails[0] if per.emails else "")
        )
        birth, gender, addr, city = per.birth, per.gender, per.address, per.city
        if nominee:
            birth, gender = nom_birth, nom_gender
        idn = ""
        if kind == "platform":
            name = name if rng.random() < 0.4 else ""
            phone, addr, city, gender = "", "", "", ""
        elif kind == "chat":
            email, addr, city, birth = "", "", "", ""
        else:
            if org:
                idn = f"REG-{int(rng.integers(10**6, 10**7))}"
            elif per.country == "PH":
                idn = f"PSN-{int(rng.integers(1000, 9999))}-{int(rng.integers(1000, 9999))}-{int(rng.integers(1000, 9999))}"
            else:
                idn = f"ID{int(rng.integers(10**8, 10**9))}"
            if rng.random() < 0.3:
                email = ""
        if org:
            birth, gender = "", ""
        country = per.country if rng.random() >= W.p["blank_country"] else ""
        cols["party_id"].append(pid_str[j])
        cols["source"].append(inst.name)
        cols["kind"].append("organization" if org else "person")
        cols["name"].append(name)
        cols["birth_date"].append(birth)
        cols["gender"].append(gender)
        cols["country"].append(country)
        cols["city"].append(city)
        cols["address"].append(addr)
        cols["phone"].append(phone)
        cols["email"].append(email)
        cols["id_number"].append(idn)
        cols["risk_rating"].append(
            ["low", "low", "medium", "high", ""][int(rng.integers(0, 5))] if kind != "platform" else ""
        )
        created.append(rec["created"])
        srcs.append(rec["inst"])
    if not created:
        return 0
    cr = V.ts_for_source(np.asarray(created, dtype=np.int64), np.asarray(srcs, dtype=np.int64))
    t = pa.table({k: pa.array(v, type=pa.string()) for k, v in cols.items() if k != "created_at"})
    t = t.append_column("created_at", cr)
    return _write_csv(os.path.join(bdir, "parties.csv"), [t], gz=False)
