"""From the simulated world to what the institutions in the chosen view report: the bundle and the truth."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
from collections import Counter

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import params as P
from .core import World


def _ts(t: np.ndarray, off_min: np.ndarray, z: np.ndarray) -> pa.Array:
    """unix seconds + per-row offset (minutes) -> ISO 8601 strings with that offset, or Z."""
    local = (np.asarray(t, dtype=np.int64) + np.asarray(off_min, dtype=np.int64) * 60).astype("datetime64[s]")
    s = pc.replace_substring(pc.cast(pa.array(local), pa.string()), " ", "T", max_replacements=1)
    keys = np.asarray(off_min, dtype=np.int64) * 2 + np.asarray(z, dtype=np.int64)
    uniq, inv = np.unique(keys, return_inverse=True)
    sufs = []
    for k in uniq.tolist():
        off, isz = k // 2, k % 2
        if isz:
            sufs.append("Z")
        else:
            sign = "+" if off >= 0 else "-"
            sufs.append(f"{sign}{abs(off) // 60:02d}:{abs(off) % 60:02d}")
    return pc.binary_join_element_wise(s, pa.array(sufs).take(pa.array(inv)), "")


def _style_off(style: str) -> tuple[int, bool]:
    if style == "Z":
        return 0, True
    sign = 1 if style[0] == "+" else -1
    return sign * (int(style[1:3]) * 60 + int(style[4:6])), False


def _typo(rng: np.random.Generator, s: str) -> str:
    if len(s) < 4:
        return s
    i = int(rng.integers(1, len(s) - 2))
    k = int(rng.integers(0, 4))
    if k == 0:
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    if k == 1:
        return s[:i] + s[i + 1 :]
    if k == 2:
        return s[:i] + s[i] + s[i:]
    parts = s.split(" ")
    if len(parts) >= 2 and parts[0].startswith("Ma") and len(parts[0]) > 3:
        return "Ma. " + " ".join(parts[1:])
    return parts[0][:1] + ". " + " ".join(parts[1:]) if len(parts) >= 2 else s


def _name_as(style: str, given: str, sur: str) -> str:
    if not given:
        return sur.upper() if style == "upper" else sur
    if style == "upper":
        return f"{given} {sur}".upper()
    if style == "last_first":
        return f"{sur.upper()}, {given}"
    return f"{given} {sur}"


def write(w: World, out_dir: str) -> dict:
    rng = np.random.default_rng([w.seed, 0xB0B])
    bdir = os.path.join(out_dir, "bundle")
    tdir = os.path.join(out_dir, "truth")
    os.makedirs(bdir, exist_ok=True)
    os.makedirs(tdir, exist_ok=True)
    for d in (bdir, tdir):
        for f in os.listdir(d):
            os.remove(os.path.join(d, f))
    p = w.p
    insts = w.insts
    in_view = w.in_view
    n_ac = len(w.ac_id)
    ac_inst = np.array(w.ac_inst, dtype=np.int64)
    ac_open = np.array(w.ac_open, dtype=np.int64)
    ac_close = np.array(w.ac_close, dtype=np.int64)
    ac_ids = pa.array(w.ac_id, type=pa.string())
    cc_idx = np.array([P.CC_IDX.get(c, 0) for c in w.ac_cc], dtype=np.int64)
    cc_arr = pa.array(P.CC_LIST, type=pa.string())
    inst_codes = pa.array([i.code for i in insts], type=pa.string())
    used = np.zeros(n_ac, dtype=bool)
    summary: dict = {
        "view": w.view,
        "seed": w.seed,
        "customers": w.customers,
        "period": [p.start.date().isoformat(), str(np.datetime64(w.T1, "s"))[:10]],
    }

    # ------------------------------------------------------------------ transactions
    tx = w.tx_arrays()
    keep = (tx["t"] >= w.T0 - 86400) & (tx["t"] < w.T1) & (tx["amt"] > 0)
    opened_ok = (tx["t"] >= ac_open[tx["snd"]]) & (tx["t"] >= ac_open[tx["rcv"]])
    summary["dropped_before_open"] = int(np.sum(keep & ~opened_ok))
    keep &= opened_ok
    for k in tx:
        tx[k] = tx[k][keep]
    n = tx["t"].shape[0]
    sinst = ac_inst[tx["snd"]]
    rinst = ac_inst[tx["rcv"]]
    srec = in_view[sinst]
    dup = rng.random(n) < p.p_dup_credit
    rrec = in_view[rinst] & (sinst != rinst) & (~srec | dup)
    si = np.nonzero(srec)[0]
    ri = np.nonzero(rrec)[0]
    rows = np.concatenate([si, ri])
    side = np.concatenate([np.zeros(si.shape[0], dtype=np.int8), np.ones(ri.shape[0], dtype=np.int8)])
    src = np.where(side == 0, sinst[rows], rinst[rows])
    t = tx["t"][rows].copy()
    delay = np.array([i.delay_max for i in insts], dtype=np.int64)
    rside = side == 1
    t[rside] += (rng.random(int(rside.sum())) * delay[src[rside]]).astype(np.int64)
    amt = tx["amt"][rows].copy()
    cur = tx["cur"][rows].astype(np.int64)
    # receiving institutions often report the credited amount in their own currency
    rcur = np.array(
        [
            P.CUR_IDX["USD" if ins.kind == "platform" else P.COUNTRY_CURRENCY.get(ins.country, "USD")]
            for ins in insts
        ]
    )
    conv = rside & (cur != rcur[src]) & (rng.random(rows.shape[0]) < 0.75)
    ci = np.nonzero(conv)[0]
    if ci.shape[0]:
        day = w.day_of(t[ci])
        usd = amt[ci] * w.fx[cur[ci], day]
        new_cur = rcur[src[ci]]
        amt[ci] = w.cents(usd / w.fx[new_cur, day] * (1 - rng.uniform(0.005, 0.025, ci.shape[0])), new_cur)
        cur[ci] = new_cur
    ref = tx["ref"][rows].copy()
    drop = rside & (rng.random(rows.shape[0]) < p.p_ref_dropped)
    ref[drop] = 0
    snd = tx["snd"][rows]
    rcv = tx["rcv"][rows]
    used[snd] = True
    used[rcv] = True
    order = np.argsort(t, kind="stable")
    t, src, amt, cur, ref, snd, rcv, side = (x[order] for x in (t, src, amt, cur, ref, snd, rcv, side))
    rows = rows[order]
    m = t.shape[0]
    # timestamps as each source writes them
    offs = np.array([_style_off(i.ts_style)[0] for i in insts], dtype=np.int64)
    zs = np.array([_style_off(i.ts_style)[1] for i in insts], dtype=bool)
    ts = _ts(t, offs[src], zs[src])
    # ids: per-source prefix + a scrambled unique number
    num = (np.arange(m, dtype=np.int64) * 7_368_787 + 1_000_003) % 9_999_999_967
    ids = pc.binary_join_element_wise(
        pa.array([i.prefix + "-T" for i in insts]).take(pa.array(src)),
        pc.utf8_lpad(pc.cast(pa.array(num), pa.string()), 10, "0"),
        "",
    )
    blank_s = rng.random(m) < p.p_blank_country
    blank_r = rng.random(m) < p.p_blank_country
    scc = np.where(blank_s, 0, cc_idx[snd])
    rcc = np.where(blank_r, 0, cc_idx[rcv])
    refs = pa.array(w.refs, type=pa.string())
    ref_col = refs.take(pa.array(ref))
    # a receiving bank truncates and upper-cases the remittance text
    up = np.array([insts[i].name_style == "upper" for i in range(len(insts))])[src] & (side == 1)
    if up.any():
        ref_col = pc.if_else(pa.array(up), pc.utf8_upper(ref_col), ref_col)
    mcc = tx["mcc"][rows]
    mcc_str = pc.if_else(
        pa.array(mcc > 0), pc.cast(pa.array(mcc.astype(np.int64)), pa.string()), pa.scalar("")
    )
    mn = pa.array(w.mnames, type=pa.string()).take(pa.array(tx["mname"][rows]))
    channels = pa.array(P.CHANNELS, type=pa.string())
    cur_names = pa.array(P.CURRENCIES, type=pa.string())
    # receiving institutions see the originator's name in the remittance message (an unknown extra column)
    names = pa.array(
        [_name_as("upper", w.pe_given[i], w.pe_sur[i]) for i in range(len(w.pe_given))], pa.string()
    )
    remit_in = (side == 1) & np.isin(tx["ch"][rows], [P.CH["remittance"], P.CH["cash_pickup"]])
    snd_person = np.array(w.ac_person, dtype=np.int64)[snd]
    orig = pc.if_else(pa.array(remit_in), names.take(pa.array(snd_person)), pa.scalar(""))
    status = np.where(rng.random(m) < 0.01, "reversed", "posted")
    status[side == 1] = "credited"
    table = pa.table(
        {
            "txn_id": ids,
            "source": inst_codes.take(pa.array(src)),
            "timestamp": ts,
            "amount": pa.array(np.round(amt, 2)),
            "currency": cur_names.take(pa.array(cur)),
            "sender_account_id": ac_ids.take(pa.array(snd)),
            "receiver_account_id": ac_ids.take(pa.array(rcv)),
            "channel": channels.take(pa.array(tx["ch"][rows].astype(np.int64))),
            "sender_country": cc_arr.take(pa.array(scc)),
            "receiver_country": cc_arr.take(pa.array(rcc)),
            "reference": ref_col,
            "merchant_category": mcc_str,
            "merchant_name": mn,
            "status": pa.array(status),  # an unknown extra column
            "ingest_batch": pa.array((t - w.T0) // (7 * 86400)).cast(pa.string()),
            "originator_name": orig,
        }
    )
    pq.write_table(table, os.path.join(bdir, "transactions.parquet"), compression="zstd")
    summary["transactions"] = m
    summary["duplicate_credits"] = int(np.sum(srec & rrec))
    # payments per offender payer (for the few_payments check) and inbound-only evidence
    tx_snd_person = np.array(w.ac_person, dtype=np.int64)[snd]
    sent_side0 = Counter(tx_snd_person[side == 0].tolist())
    del table, ids, ts, ref_col, mn, mcc_str

    # ------------------------------------------------------------------ sessions (platform in view only)
    plat = w.ix("kislap-live")
    n_sess = 0
    S = w.se
    if in_view[plat] and S["sid"]:
        st = np.array(S["start"], dtype=np.int64)
        en = np.array(S["end"], dtype=np.int64)
        ok = (st >= w.T0 - 86400) & (st < w.T1)
        host = np.array(S["host"], dtype=np.int64)
        viewer = np.array(S["viewer"], dtype=np.int64)
        # nobody streams or watches from an account before it opens or after it is closed
        alive = (st >= ac_open[host]) & ((ac_close[host] < 0) | (st < ac_close[host]))
        v0 = np.maximum(viewer, 0)
        alive &= (viewer < 0) | ((st >= ac_open[v0]) & ((ac_close[v0] < 0) | (st < ac_close[v0])))
        summary["sessions_dropped_dead_account"] = int(np.sum(ok & ~alive))
        ok &= alive
        used[host[ok]] = True
        used[viewer[ok & (viewer >= 0)]] = True
        idx = np.nonzero(ok)[0]
        order = idx[np.argsort(st[idx], kind="stable")]
        vid = pc.if_else(
            pa.array(viewer[order] >= 0), ac_ids.take(pa.array(np.maximum(viewer[order], 0))), pa.scalar("")
        )
        zero = np.zeros(order.shape[0], dtype=np.int64)
        ones = np.ones(order.shape[0], dtype=bool)

        def col(name):
            return pa.array([S[name][i] for i in order.tolist()], type=pa.string())

        hcc = col("hcc")
        vcc = col("vcc")
        blank = rng.random(order.shape[0]) < p.p_blank_country
        vcc = pc.if_else(pa.array(blank), pa.scalar(""), vcc)
        sess = pa.table(
            {
                "session_id": col("sid"),
                "source": pa.array(["kislap-live"] * order.shape[0]),
                "started_at": _ts(st[order], zero, ones),
                "ended_at": _ts(en[order], zero, ones),
                "host_account_id": ac_ids.take(pa.array(host[order])),
                "viewer_account_id": vid,
                "host_country": hcc,
                "viewer_country": vcc,
                "host_ip": col("hip"),
                "viewer_ip": col("vip"),
                "host_device_id": col("hdev"),
                "viewer_device_id": col("vdev"),
                "private": pa.array(np.array(S["private"], dtype=bool)[order]),
                "paid_amount": pa.array(np.array(S["paid"], dtype=np.float64)[order]),
                "currency": pa.array(["USD"] * order.shape[0]),
                "tokens": pa.array(np.array(S["tokens"], dtype=np.int64)[order]),  # extra column
                "duration_s": pa.array(en[order] - st[order]),  # extra column
            }
        )
        pq.write_table(sess, os.path.join(bdir, "sessions.parquet"), compression="zstd")
        n_sess = sess.num_rows
        summary["sessions_distinct"] = len(set(S["sid"]))
    summary["sessions"] = n_sess

    # ------------------------------------------------------------------ messages
    chat_people: set[int] = set()
    n_msg = 0
    if w.chat:
        M = w.me

        def alive(a: int, t_: int) -> bool:
            return ac_open[a] <= t_ and (ac_close[a] < 0 or t_ < ac_close[a])

        sel = [
            i
            for i in range(len(M["t"]))
            if in_view[M["inst"][i]]
            and w.T0 - 86400 <= M["t"][i] < w.T1
            and alive(M["snd"][i], M["t"][i])
            and alive(M["rcv"][i], M["t"][i])
        ]
        summary["messages_dropped_dead_account"] = sum(
            1 for i in range(len(M["t"])) if in_view[M["inst"][i]] and w.T0 - 86400 <= M["t"][i] < w.T1
        ) - len(sel)
        sel.sort(key=lambda i: M["t"][i])
        mpath = os.path.join(bdir, "messages.jsonl.gz")
        with gzip.GzipFile(mpath, "wb", mtime=0) as gz, io.TextIOWrapper(gz, encoding="utf-8") as fh:
            for k, i in enumerate(sel):
                inst = insts[M["inst"][i]]
                off, z = _style_off(inst.ts_style)
                t_i = M["t"][i]
                s = str(np.datetime64(t_i + off * 60, "s")) + ("Z" if z else inst.ts_style)
                a, b = M["snd"][i], M["rcv"][i]
                used[a] = True
                used[b] = True
                chat_people.add(w.ac_person[a])
                chat_people.add(w.ac_person[b])
                fh.write(
                    json.dumps(
                        {
                            "message_id": f"{inst.prefix}-MSG{k + 1:09d}",
                            "source": inst.code,
                            "sent_at": s,
                            "sender_account_id": w.ac_id[a],
                            "recipient_account_id": w.ac_id[b],
                            "session_id": M["sid"][i],
                            "text": M["text"][i],
                        },
                        ensure_ascii=False,
                    )
                    + "\n"
                )
        n_msg = len(sel)
    summary["messages"] = n_msg

    # ------------------------------------------------------------------ accounts and parties
    acc_rows = np.nonzero(in_view[ac_inst] & np.array([insts[i].side != "pseudo" for i in ac_inst.tolist()]))[
        0
    ]
    used[acc_rows] = True
    party_of: dict[tuple, str] = {}
    party_rows: list[dict] = []
    acct_party = [""] * n_ac  # the party that owns the account (for the truth), even when the bundle omits it
    acc_party_col = []
    prng = np.random.default_rng([w.seed, 0xAB])
    for a in acc_rows.tolist():
        inst = insts[ac_inst[a]]
        person = w.ac_person[a]
        alias = w.ac_alias[a]
        key = (inst.code, "a", alias) if alias >= 0 else (inst.code, "p", person)
        if inst.kind == "platform":  # every platform account is its own user profile
            key = (inst.code, "u", a)
        pid = party_of.get(key)
        platform = inst.kind == "platform"
        if pid is None and not (platform and prng.random() > inst.party_fill):
            pid = f"{inst.prefix}-P{len(party_of) + 1:07d}"
            party_of[key] = pid
            party_rows.append(_party(w, prng, pid, inst, person, alias, a))
        elif pid is not None:
            pass
        acct_party[a] = pid or ""
        shown = pid or ""
        if pid and not platform and prng.random() > inst.party_fill:
            shown = ""  # the export lost the link
        acc_party_col.append(shown)
    A = acc_rows
    ac_close_a = ac_close[A]
    zero = np.zeros(A.shape[0], dtype=np.int64)
    offs_a = offs[ac_inst[A]]
    zs_a = zs[ac_inst[A]]
    closed = ac_close_a > 0
    accounts = pa.table(
        {
            "account_id": ac_ids.take(pa.array(A)),
            "source": inst_codes.take(pa.array(ac_inst[A])),
            "party_id": pa.array(acc_party_col, type=pa.string()),
            "kind": pa.array([w.ac_kind[a] for a in A.tolist()], type=pa.string()),
            "country": cc_arr.take(
                pa.array(np.where(prng.random(A.shape[0]) < p.p_blank_country, 0, cc_idx[A]))
            ),
            "username": pa.array([w.ac_user[a] for a in A.tolist()], type=pa.string()),
            "display_name": pa.array([w.ac_disp[a] for a in A.tolist()], type=pa.string()),
            "opened_at": _ts(ac_open[A], offs_a, zs_a),
            "closed_at": pc.if_else(
                pa.array(closed), _ts(np.where(closed, ac_close_a, 0) + zero, offs_a, zs_a), pa.scalar("")
            ),
            "banned_reason": pa.array([w.ac_ban[a] for a in A.tolist()], type=pa.string()),
            "registered_phone": pa.array(
                [
                    w.ac_phone[a] if insts[w.ac_inst[a]].kind in ("ewallet", "remittance") else ""
                    for a in A.tolist()
                ],
                type=pa.string(),
            ),  # extra column
            "signup_device_id": pa.array(
                [w.ac_dev[a] if insts[w.ac_inst[a]].kind == "platform" else "" for a in A.tolist()],
                type=pa.string(),
            ),  # extra column
        }
    )
    pq.write_table(accounts, os.path.join(bdir, "accounts.parquet"), compression="zstd")
    summary["accounts"] = accounts.num_rows
    with open(os.path.join(bdir, "parties.jsonl"), "w", encoding="utf-8") as fh:
        for r in party_rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    summary["parties"] = len(party_rows)

    # ------------------------------------------------------------------ fx rates
    with open(os.path.join(bdir, "fx_rates.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["date", "currency", "usd_per_unit"])
        for d in range(0, w.D):
            date = np.datetime64(w.T0 + d * 86400, "s").astype("datetime64[D]")
            for c in P.CURRENCIES:
                wr.writerow([str(date), c, f"{w.fx[P.CUR_IDX[c], d]:.8g}"])

    # ------------------------------------------------------------------ truth
    in_acc_table = np.zeros(n_ac, dtype=bool)
    in_acc_table[A] = True
    persons_used = sorted({w.ac_person[a] for a in np.nonzero(used)[0].tolist()})
    # inbound_only: a payer with no account in the accounts table, no party, and who appears only as the
    # sender of credits reported by a receiving institution
    acc_person = np.array(w.ac_person, dtype=np.int64)
    in_table_people = set(acc_person[in_acc_table].tolist())
    rcv_people = set(acc_person[rcv].tolist())
    sess_people: set[int] = set()
    if n_sess:
        sess_people = set(acc_person[host].tolist()) | set(acc_person[viewer[viewer >= 0]].tolist())
    pay_count = Counter()
    for pi_ in tx_snd_person.tolist():
        pay_count[pi_] += 1
    with open(os.path.join(tdir, "persons.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["person_id", "cohort", "role", "network_id", "traits"])
        cohorts: Counter = Counter()
        traits_c: Counter = Counter()
        for pi_ in persons_used:
            tr = set(w.traits.get(pi_, set()))
            if w.pe_cohort[pi_] == "offender_payer":
                inbound = (
                    pi_ not in in_table_people
                    and sent_side0.get(pi_, 0) == 0
                    and pi_ not in rcv_people
                    and pi_ not in sess_people
                    and pi_ not in chat_people
                )
                if inbound:
                    tr.add("inbound_only")
                else:
                    tr.discard("inbound_only")
            if pi_ in chat_people:
                tr.add("chat")
            cohorts[w.pe_cohort[pi_]] += 1
            for x in tr:
                traits_c[x] += 1
            wr.writerow(
                [f"wc-{pi_:07d}", w.pe_cohort[pi_], w.pe_role[pi_], w.pe_net[pi_], ";".join(sorted(tr))]
            )
    with open(os.path.join(tdir, "accounts.csv"), "w", newline="", encoding="utf-8") as fh:
        wr = csv.writer(fh)
        wr.writerow(["account_id", "party_id", "person_id"])
        for a in np.nonzero(used)[0].tolist():
            wr.writerow([w.ac_id[a], acct_party[a], f"wc-{w.ac_person[a]:07d}"])
    summary["truth_persons"] = len(persons_used)
    summary["truth_accounts"] = int(used.sum())
    summary["cohorts"] = dict(sorted(cohorts.items()))
    summary["traits"] = dict(sorted(traits_c.items()))
    summary["households"] = len(
        {n for pi_ in persons_used if w.pe_cohort[pi_] == "facilitator" for n in [w.pe_net[pi_]]}
    )
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, indent=1, default=str)
    return summary


def _party(w: World, rng, pid: str, inst, person: int, alias: int, acct: int) -> dict:
    style = inst.name_style
    if alias >= 0:
        al = w.aliases[alias]
        given, sur = al["name"].split(" ", 1)
        birth, gender, phone, addr = al["birth"], al["gender"], al["phone"], al["addr"]
    else:
        given, sur = w.pe_given[person], w.pe_sur[person]
        birth, gender, addr = w.pe_birth[person], w.pe_gender[person], w.pe_addr[person]
        phone = w.ac_phone[acct]
    name = _name_as(style, given, sur)
    if rng.random() < w.p.p_name_variant:
        name = _typo(rng, name)
    platform = inst.kind == "platform"
    kind = w.pe_kind[person]
    cc = w.pe_cc[person]
    if rng.random() < w.p.p_blank_country:
        cc = ""
    created = w.ac_open[acct]
    off, z = _style_off(inst.ts_style)
    created_s = str(np.datetime64(created + off * 60, "s")) + ("Z" if z else inst.ts_style)
    if platform:
        return {
            "party_id": pid,
            "source": inst.code,
            "kind": kind,
            "name": w.ac_disp[acct] or name,
            "birth_date": birth if rng.random() < 0.5 else "",
            "gender": gender if rng.random() < 0.6 else "",
            "country": cc,
            "city": "",
            "address": "",
            "phone": "" if rng.random() < 0.5 else phone,
            "email": w.pe_email[person],
            "id_number": "",
            "created_at": created_s,
            "customer_segment": "",
        }
    return {
        "party_id": pid,
        "source": inst.code,
        "kind": kind,
        "name": name,
        "birth_date": birth,
        "gender": gender,
        "country": cc,
        "city": w.pe_city[person],
        "address": addr if rng.random() > 0.05 else "",
        "phone": phone,
        "email": w.pe_email[person] if rng.random() < 0.8 else "",
        "id_number": w.pe_idno[person] if inst.side != "platform" else "",
        "created_at": created_s,
        "customer_segment": "business" if kind == "organization" else "retail",  # an unknown extra column
    }
