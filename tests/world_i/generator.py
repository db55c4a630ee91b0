"""World I generator: a North American view of OSEC payments, sextortion and their look-alikes.

python -m tests.world_i.generator OUT --seed N --customers 50000 [--view receiver]
"""

import argparse
import csv
import gzip
import json
import os
import random
import time

from .cohorts import nsb_off
from .model import CVX, HVC, KWL, NSB, PH_SOURCES, PLB, PPR, SOURCES, World, fmt_ts, fx_cad, fx_php
from .populate import build

OFFENDER_COHORTS = ("offender_payer", "facilitator", "sextortion_victim", "extortionist")
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
TXN_PREFIX = {NSB: "NSB-T", PPR: "PP-TX", CVX: "CV-", PLB: "PLB-REF", KWL: "KW-TRX"}


def ts_for(src, ts, off=0):
    if src == NSB:
        o = nsb_off(ts)
        return fmt_ts(ts, o, z=True)
    if src == PPR:
        return fmt_ts(ts, off, ms=True, z=True)
    if src == CVX:
        return fmt_ts(ts, 0, z=True)
    if src in (PLB, KWL):
        return fmt_ts(ts, 480)
    return fmt_ts(ts, 0)


def write(w, out, view):
    r = random.Random(w.seed * 7 + 1)
    visible = PH_SOURCES if view == "receiver" else set(range(len(SOURCES)))
    bdir = os.path.join(out, "bundle")
    tdir = os.path.join(out, "truth")
    os.makedirs(bdir, exist_ok=True)
    os.makedirs(tdir, exist_ok=True)
    for f in os.listdir(bdir):
        os.remove(os.path.join(bdir, f))
    seen = {}  # account_id -> party_id shown in the bundle ('' if none)
    party_vis = set()

    # parties
    rows = [p for p in w.parties if p[1] in visible]
    r.shuffle(rows)
    with open(os.path.join(bdir, "parties.csv"), "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f)
        cw.writerow(PARTY_COLS)
        for p in rows:
            party_vis.add(p[0])
            cw.writerow(
                [
                    p[0],
                    SOURCES[p[1]],
                    p[2],
                    p[3],
                    p[4],
                    p[5],
                    p[6],
                    p[7],
                    p[8],
                    p[9],
                    p[10],
                    p[11],
                    ts_for(p[1], p[12], -300 if p[6] in ("US", "CA") else 0),
                ]
            )

    # accounts (JSON lines)
    rows = [a for a in w.accounts if a[1] in visible]
    r.shuffle(rows)
    with open(os.path.join(bdir, "accounts.jsonl"), "w", encoding="utf-8") as f:
        for a in rows:
            closed = None
            if r.random() < 0.015:
                closed = ts_for(a[1], 1704067200 + r.randint(30, 360) * 86400)
            seen[a[0]] = a[2]
            f.write(
                json.dumps(
                    {
                        "account_id": a[0],
                        "source": SOURCES[a[1]],
                        "party_id": a[2] or None,
                        "kind": a[3],
                        "country": a[4] or None,
                        "username": a[5] or None,
                        "display_name": a[6] or None,
                        "opened_at": ts_for(a[1], a[7]),
                        "closed_at": closed,
                        "banned_reason": None,
                    }
                )
                + "\n"
            )

    # transactions (gzip CSV), counting payer payments for traits
    pay = {}  # payer idx -> [count, blank, set(nets)]
    people = w.people
    owner = w.acct_owner
    src_of = w.acct_src
    order = list(range(len(w.txns)))
    r.shuffle(order)
    ids = w.ids
    with gzip.open(
        os.path.join(bdir, "transactions.csv.gz"), "wt", newline="", encoding="utf-8", compresslevel=1
    ) as f:
        cw = csv.writer(f)
        cw.writerow(TXN_COLS)
        for i in order:
            t = w.txns[i]
            src = t[0]
            if src not in visible:
                continue
            vis = t[15]
            if view == "receiver":
                if vis == "F":
                    continue
            elif vis == "R":
                continue
            snd, rcv = t[4], t[5]
            seen.setdefault(snd, "")
            seen.setdefault(rcv, "")
            ps = people[owner[snd][1]]
            if ps.cohort == "offender_payer":
                pr = people[owner[rcv][1]]
                if pr.cohort == "facilitator" and (src_of[snd] == src or src_of[snd] not in visible):
                    c = pay.setdefault(ps.idx, [0, 0, set()])
                    c[0] += 1
                    c[1] += t[9] == ""
                    c[2].update(pr.nets)
            amt = t[2]
            cw.writerow(
                [
                    ids.make(TXN_PREFIX[src], 12),
                    SOURCES[src],
                    ts_for(src, t[1], t[16]),
                    f"{amt:.2f}" if amt < 1e6 else f"{amt:.1f}",
                    t[3],
                    snd,
                    rcv,
                    t[6],
                    t[7],
                    t[8],
                    t[9],
                    t[10],
                    t[11],
                    t[12],
                    t[13],
                    t[14],
                ]
            )

    chat_people = set()
    if HVC in visible:
        rows = list(w.sessions)
        r.shuffle(rows)
        with open(os.path.join(bdir, "sessions.jsonl"), "w", encoding="utf-8") as f:
            for s in rows:
                seen.setdefault(s[3], "")
                seen.setdefault(s[4], "")
                f.write(
                    json.dumps(
                        {
                            "session_id": s[0],
                            "source": "hallo-video",
                            "started_at": fmt_ts(s[1], 0),
                            "ended_at": fmt_ts(s[2], 0) if r.random() > 0.02 else None,
                            "host_account_id": s[3],
                            "viewer_account_id": s[4],
                            "host_country": s[5] if r.random() > 0.04 else None,
                            "viewer_country": s[6] if r.random() > 0.04 else None,
                            "host_ip": s[7],
                            "viewer_ip": s[8],
                            "host_device_id": s[9],
                            "viewer_device_id": s[10],
                            "private": s[11],
                            "paid_amount": s[12],
                            "currency": "USD" if s[12] else None,
                        }
                    )
                    + "\n"
                )
        rows = list(w.messages)
        r.shuffle(rows)
        with open(os.path.join(bdir, "messages.jsonl"), "w", encoding="utf-8") as f:
            for m in rows:
                seen.setdefault(m[2], "")
                seen.setdefault(m[3], "")
                chat_people.add(owner[m[2]][1])
                chat_people.add(owner[m[3]][1])
                f.write(
                    json.dumps(
                        {
                            "message_id": m[0],
                            "source": "hallo-video",
                            "sent_at": fmt_ts(m[1], 0),
                            "sender_account_id": m[2],
                            "recipient_account_id": m[3],
                            "session_id": m[4] or None,
                            "text": m[5],
                        }
                    )
                    + "\n"
                )

    with open(os.path.join(bdir, "fx_rates.csv"), "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f)
        cw.writerow(["date", "currency", "usd_per_unit"])
        for d in range(-1, 368):
            day = time.strftime("%Y-%m-%d", time.gmtime(1704067200 + d * 86400))
            cw.writerow([day, "USD", "1"])
            cw.writerow([day, "PHP", f"{1 / fx_php(d):.6f}"])
            cw.writerow([day, "CAD", f"{fx_cad(d):.6f}"])

    # truth
    vis_persons = set()
    with open(os.path.join(tdir, "accounts.csv"), "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f)
        cw.writerow(["account_id", "party_id", "person_id"])
        for aid in sorted(seen):
            party_id, idx = owner[aid]
            shown = seen[aid] or (party_id if party_id in party_vis else "")
            cw.writerow([aid, shown, people[idx].pid])
            vis_persons.add(idx)
    counts = {}
    with open(os.path.join(tdir, "persons.csv"), "w", newline="", encoding="utf-8") as f:
        cw = csv.writer(f)
        cw.writerow(["person_id", "cohort", "role", "network_id", "traits"])
        for p in people:
            if p.idx not in vis_persons:
                continue
            tags = set(p.tags)
            tags.discard("multi_household")
            nets = p.nets
            if p.cohort == "offender_payer":
                c = pay.get(p.idx, [0, 0, set()])
                if c[2]:
                    nets = sorted(c[2])
                if len(nets) > 1:
                    tags.add("multi_household")
                if 0 < c[0] <= 4 and len(nets) == 1 and c[1] * 2 >= c[0]:
                    tags.add("few_payments")
                if not any(pid in party_vis for pid in _party_ids(p)):
                    tags.add("inbound_only")
            if p.idx in chat_people:
                tags.add("chat")
            cw.writerow(
                [
                    p.pid,
                    p.cohort,
                    p.role if p.cohort in OFFENDER_COHORTS else "",
                    ";".join(nets),
                    ";".join(sorted(tags)),
                ]
            )
            key = p.cohort
            counts[key] = counts.get(key, 0) + 1
            for tg in ("few_payments", "inbound_only", "multi_household", "chat"):
                if tg in tags and p.cohort in OFFENDER_COHORTS:
                    counts[f"{p.cohort}+{tg}"] = counts.get(f"{p.cohort}+{tg}", 0) + 1
    return counts


def _party_ids(p):
    out = [v for k, v in p.parties.items() if k != "dups"]
    out += [pid for _s, pid in p.parties.get("dups", [])]
    return out


def generate(out, seed=1, customers=50000, view="full"):
    w = World(seed, customers)
    build(w)
    counts = write(w, out, view)
    counts["_transactions"] = len(w.txns)
    counts["_sessions"] = len(w.sessions)
    counts["_messages"] = len(w.messages)
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=["full", "receiver"], default="full")
    a = ap.parse_args(argv)
    t0 = time.time()
    counts = generate(a.out, a.seed, a.customers, a.view)
    for k in sorted(counts):
        print(f"{k}\t{counts[k]}")
    print(f"generated in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
