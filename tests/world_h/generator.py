# ruff: noqa: UP031  (printf-style formatting of ids and amounts is deliberate here)
"""World H: what a Philippine FIU pools (blind evaluation world).

    python -m tests.world_h.generator OUT --seed N --customers 50000 [--view receiver]

Writes OUT/bundle/*.csv (data contract v1 plus extension columns) and OUT/truth/{persons,accounts}.csv.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter

from . import cohorts as C
from . import offenders as O
from .core import CP, DAYS, HOTLINE, PH_SOURCES, START, World, ensure_dir, fmt_ts, scramble_ids, write_csv

TX_PREFIX = {
    "ph-padalaexpress": "PXT",
    "ph-bayanremit": "BRT",
    "ph-unibank": "UBT",
    "ph-gpesa": "GPT",
    "ph-payamo": "PYT",
    "au-sendwise": "SWT",
}
OFFENDER_COHORTS = ("offender_payer", "facilitator", "sextortion_victim", "extortionist")


def plan(w: World):
    """Per-seed sizes and rates (all randomised within plausible ranges)."""
    r = w.r
    n = w.N

    def j(x, lo=0.8, hi=1.2):
        return x * r.uniform(lo, hi)

    p = {}
    p["payer_rate"] = r.uniform(0.001, 0.004)
    p["n_pay"] = max(8, round(n * p["payer_rate"]))
    p["n_h"] = max(3, round(p["n_pay"] / r.uniform(4, 9)))
    p["n_rings"] = max(2, round(n * r.uniform(0.00008, 0.0002)))
    p["mix"] = {
        "frequent": r.uniform(0.2, 0.35),
        "careful": r.uniform(0.15, 0.25),
        "few": r.uniform(0.15, 0.3),
        "escalating": r.uniform(0.1, 0.2),
    }
    p["multi_rate"] = r.uniform(0.1, 0.25)
    p["chat_rate"] = r.uniform(0.15, 0.35)
    p["n_fam"] = round(j(n * 0.045))
    p["n_sea"] = round(j(n * 0.008))
    p["n_sellers"] = max(4, round(j(n * 0.004)))
    p["n_seller_cust"] = round(j(n * 0.05))
    p["n_perf"] = max(8, round(j(n * 0.002)))
    p["n_adult_cust"] = round(j(n * 0.012))
    p["n_trav"] = max(4, round(j(n * 0.006)))
    p["n_mules"] = max(4, round(j(n * 0.0008)))
    p["n_rom"] = max(6, round(j(n * 0.004)))
    p["n_char"] = max(5, round(j(n * 0.0002)))
    p["n_spons"] = round(j(n * 0.02))
    p["n_stud"] = round(j(n * 0.008))
    p["n_free"] = max(4, round(j(n * 0.01)))
    p["n_clients"] = max(4, round(j(n * 0.007)))
    p["n_crypto"] = max(3, round(j(n * 0.002)))
    p["n_church"] = max(6, round(j(n * 0.0003)))
    p["n_agency"] = max(4, round(j(n * 0.0001)))
    p["n_teens"] = max(10, round(j(n * 0.015)))
    p["n_au_ord"] = round(j(n * 0.04))
    est = (
        p["n_fam"] * 4.1
        + p["n_sea"] * 2
        + p["n_sellers"] * 1.15
        + p["n_seller_cust"]
        + p["n_perf"]
        + p["n_adult_cust"]
        + p["n_trav"] * 2.4
        + p["n_mules"] * 1.2
        + p["n_rom"]
        + p["n_spons"]
        + p["n_stud"] * 2.05
        + p["n_free"]
        + p["n_clients"]
        + p["n_crypto"] * 4
        + p["n_teens"] * 1.7
        + p["n_au_ord"] * 1.06
        + p["n_pay"]
        + p["n_h"] * 4
        + p["n_rings"] * 12
    )
    p["n_ord"] = max(200, round(n - est - 400))
    return p


def build(seed: int, customers: int):
    w = World(seed, customers)
    p = plan(w)
    ctx = {}
    ctx["ordinary"] = C.ordinary_ph(w, p["n_ord"])
    hhs = O.households(w, p["n_h"], ctx)
    C.diaspora_families(w, p["n_fam"], ctx)
    C.seafarers(w, p["n_sea"], ctx)
    C.online_sellers(w, p["n_sellers"], p["n_seller_cust"], ctx)
    C.adult_webcam(w, p["n_perf"], p["n_adult_cust"], ctx)
    C.travellers(w, p["n_trav"], ctx)
    C.romance(w, p["n_mules"], p["n_rom"], ctx)
    C.charities(w, p["n_char"], p["n_spons"], ctx)
    C.students(w, p["n_stud"], ctx)
    C.freelancers(w, p["n_free"], p["n_clients"], ctx)
    C.crypto_traders(w, p["n_crypto"], ctx)
    C.churches_agencies(w, p["n_church"], p["n_agency"], ctx)
    C.teens(w, p["n_teens"], ctx)
    C.au_ordinary(w, p["n_au_ord"], ctx)
    ctx["payers"] = O.payers(w, p["n_pay"], hhs, ctx, p["mix"], p["multi_rate"], p["chat_rate"])
    O.sextortion(w, p["n_rings"], ctx)
    w.reports = O.reports(w, ctx)
    return w, p, ctx


def write(w: World, out: str, view: str = "full"):
    r = w.r
    bdir, tdir = os.path.join(out, "bundle"), os.path.join(out, "truth")
    ensure_dir(bdir)
    ensure_dir(tdir)
    for d in (bdir, tdir):
        for f in os.listdir(d):
            if f.endswith(".csv"):
                os.remove(os.path.join(d, f))
    if view == "receiver":
        keep = set(PH_SOURCES)
        keep_tips = {HOTLINE}
    else:
        keep = set(PH_SOURCES) | {"au-sendwise", CP}
        keep_tips = {"ph-hotline", "chatlink-safety", "au-ngo-tipline"}

    parties = [x for x in w.parties if x[1] in keep]
    accounts = [x for x in w.accounts if x[1] in keep]
    txns = [x for x in w.txns if x[0] in keep]
    msgs = w.msgs if CP in keep else []
    tips = [x for x in w.reports if x[0] in keep_tips]
    r.shuffle(parties)
    r.shuffle(accounts)
    r.shuffle(txns)

    write_csv(
        os.path.join(bdir, "parties.csv"),
        (
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
        ),
        (x[:12] + (fmt_ts(x[1], x[12]),) for x in parties),
    )
    write_csv(
        os.path.join(bdir, "accounts.csv"),
        (
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
        ),
        (x[:7] + [fmt_ts(x[1], x[7]), fmt_ts(x[1], x[8]) if x[8] else "", x[9]] for x in accounts),
    )
    ids = scramble_ids(len(txns), "", r, 10)

    def trows():
        for i, x in enumerate(txns):
            src = x[0]
            yield (
                TX_PREFIX[src] + ids[i],
                src,
                fmt_ts(src, x[1]),
                f"{x[2]:.2f}",
                x[3],
                x[4],
                x[5],
                x[6],
                x[7],
                x[8],
                x[9],
                x[10],
                x[11],
                x[12],
                x[13],
                x[14],
                x[15],
            )

    write_csv(
        os.path.join(bdir, "transactions.csv"),
        (
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
            "control_no",
            "pickup_branch",
        ),
        trows(),
    )
    if msgs:
        mids = scramble_ids(len(msgs), "msg", r, 9)
        order = list(range(len(msgs)))
        r.shuffle(order)
        write_csv(
            os.path.join(bdir, "messages.csv"),
            (
                "message_id",
                "source",
                "sent_at",
                "sender_account_id",
                "recipient_account_id",
                "session_id",
                "text",
            ),
            ((mids[i], CP, fmt_ts(CP, msgs[i][0]), msgs[i][1], msgs[i][2], "", msgs[i][3]) for i in order),
        )
    if tips:
        rids = scramble_ids(len(tips), "TIP-", r, 6)
        write_csv(
            os.path.join(bdir, "reports.csv"),
            (
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
            ),
            ([rids[i], x[0], fmt_ts(x[0], x[1])] + x[2:] for i, x in enumerate(tips)),
        )
    fx = []
    for d in range(DAYS + 1):
        ds = time.strftime("%Y-%m-%d", time.gmtime(START + d * 86400))
        for cur, series in w.fx.items():
            if cur == "USD":
                continue
            fx.append((ds, cur, f"{series[d]:.8g}"))
    write_csv(os.path.join(bdir, "fx_rates.csv"), ("date", "currency", "usd_per_unit"), fx)

    # ---------------------------------------------------------------- truth
    in_table = {x[0] for x in accounts}
    seen = set(in_table)
    for x in txns:
        seen.add(x[4])
        seen.add(x[5])
    chatters = set()
    for m in msgs:
        seen.add(m[1])
        seen.add(m[2])
        chatters.add(w.truth_acct[m[1]][1])
        chatters.add(w.truth_acct[m[2]][1])
    person_accts = {}
    rows = []
    for a in sorted(seen):
        party, pid = w.truth_acct[a]
        rows.append((a, party, pid))
        person_accts.setdefault(pid, []).append(a)
    write_csv(os.path.join(tdir, "accounts.csv"), ("account_id", "party_id", "person_id"), rows)
    prow = []
    counts = Counter()
    for p in w.persons:
        if p.pid not in person_accts:
            continue
        traits = set(p.traits)
        if p.pid in chatters:
            traits.add("chat")
        if p.cohort == "offender_payer" and not any(a in in_table for a in person_accts[p.pid]):
            traits.add("inbound_only")
        if "few_payments" in traits and p.n_pay > 4:
            traits.discard("few_payments")
        role = p.role if p.cohort in OFFENDER_COHORTS else ""
        net = ";".join(p.nets) if p.cohort in OFFENDER_COHORTS else ""
        prow.append((p.pid, p.cohort, role, net, ";".join(sorted(traits))))
        counts[p.cohort] += 1
        for t in traits:
            if p.cohort in OFFENDER_COHORTS:
                counts[f"{p.cohort}/{t}"] += 1
    write_csv(
        os.path.join(tdir, "persons.csv"), ("person_id", "cohort", "role", "network_id", "traits"), prow
    )
    return {
        "persons": len(prow),
        "parties": len(parties),
        "accounts": len(accounts),
        "transactions": len(txns),
        "messages": len(msgs),
        "reports": len(tips),
        "cohorts": counts,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--customers", type=int, default=50000)
    ap.add_argument("--view", choices=("full", "receiver"), default="full")
    a = ap.parse_args(argv)
    t0 = time.time()
    w, p, ctx = build(a.seed, a.customers)
    t1 = time.time()
    stats = write(w, a.out, a.view)
    t2 = time.time()
    print(
        "world H seed=%d customers=%d view=%s: build %.1fs, write %.1fs"
        % (a.seed, a.customers, a.view, t1 - t0, t2 - t1)
    )
    for k in ("persons", "parties", "accounts", "transactions", "messages", "reports"):
        print("  %-13s %d" % (k, stats[k]))
    for k, v in sorted(stats["cohorts"].items()):
        print("  cohort %-40s %d" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
