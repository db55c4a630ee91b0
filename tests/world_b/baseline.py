"""Everyday activity (vectorised): salaries, card purchases, bills, P2P; PH wallets; cash-outs."""

from __future__ import annotations

import numpy as np

from . import timeutil as T
from .flows import fix_zero_dec
from .population import LOCAL_CATS
from .world import CH, CUR, DEMAND, World

SAL_USD = {"US": 3800, "GB": 3000, "AU": 3600, "CA": 3300, "DE": 3200, "JP": 2800, "SG": 3400, "SA": 2200,
           "AE": 2600, "NO": 4200, "SE": 3400, "NL": 3300, "FR": 2900, "IT": 2400, "HK": 2800, "QA": 2400,
           "KW": 2400, "CH": 5200, "IE": 3300, "KR": 2600}  # fmt: skip
P2P_REFS = ["", "", "", "dinner", "rent share", "thanks", "gift", "tickets", "groceries"]


def _month_starts() -> np.ndarray:
    return np.arange(0, T.NDAYS, 30.4)


def demand_baseline(W: World, visible) -> int:
    """Salaries, card purchases, bills and domestic transfers of demand-side people at visible banks."""
    rng = W.rng_base
    rows = []
    for p in W.persons:
        if p.kind != "person" or p.country not in SAL_USD:
            continue
        b = p.first("bank")
        if b < 0 or not visible(W.a_inst[b]):
            continue
        c = p.first("card")
        rows.append(
            (
                p.idx,
                b,
                c if c >= 0 else b,
                p.tz,
                DEMAND.index(p.country),
                W.a_opened[b],
                p.sub == "teen" or p.role == "victim",
            )
        )
    if not rows:
        return 0
    arr = np.array(rows, dtype=np.int64)
    pid, bank, card, tz, ci, opened, young = arr.T
    n = pid.size
    open_day = np.clip((opened - T.START) // T.DAY + 1, 0, T.NDAYS - 2)
    cur = np.asarray(W.a_cur, dtype=np.int64)[bank]
    before = len(W.tx)
    # salaries: monthly on the 25th-28th, office hours
    emp_mask = (~young.astype(bool)) & (rng.random(n) < 0.8)
    months = _month_starts()
    ei = np.nonzero(emp_mask)[0]
    if ei.size:
        base = np.array([SAL_USD[DEMAND[c]] for c in ci[ei]]) * np.exp(rng.normal(0, 0.4, ei.size))
        dom = rng.uniform(24, 28, ei.size)
        emp = np.array(
            [
                W.org["employers"][DEMAND[c]][int(rng.integers(0, len(W.org["employers"][DEMAND[c]])))]
                for c in ci[ei]
            ]
        )
        E = np.repeat(np.arange(ei.size), months.size)
        M = np.tile(months, ei.size)
        day = np.clip(M + dom[E], 0, T.NDAYS - 1)
        keep = day >= open_day[ei][E]
        E, day = E[keep], day[keep]
        ts = T.sample_local(rng, tz[ei][E], day.astype(np.int64), "office")
        amt = fix_zero_dec(W.from_usd(base[E] * rng.uniform(0.98, 1.02, E.size), cur[ei][E], ts), cur[ei][E])
        refs = W.refs_of(rng, ["salary", "payroll", "", "SALARY CREDIT"], [3, 2, 2, 1], E.size)
        W.emit(ts, emp[E], bank[ei][E], amt, CH["bank_transfer"], refs)
    # card purchases at local merchants
    rate = np.exp(rng.normal(np.log(2.2), 0.5, n)) * np.where(young.astype(bool), 0.4, 1.0)
    span = (T.NDAYS - open_day) / 30.4
    k = rng.poisson(rate * span)
    P = np.repeat(np.arange(n), k)
    day = (open_day[P] + rng.random(P.size) * (T.NDAYS - open_day[P])).astype(np.int64)
    ts = T.sample_local(rng, tz[P], day, "day")
    merch = np.empty(P.size, dtype=np.int64)
    usd = np.empty(P.size)
    cats = np.array([(x[2], x[3]) for x in LOCAL_CATS])
    for c in np.unique(ci[P]):
        m = ci[P] == c
        lst = W.org["local"][DEMAND[c]]
        w = 1.0 / (np.arange(len(lst)) + 2.0)
        j = rng.choice(len(lst), size=m.sum(), p=w / w.sum())
        merch[m] = np.array([x[0] for x in lst])[j]
        cat = np.array([x[1] for x in lst])[j]
        usd[m] = cats[cat, 0] * np.exp(rng.normal(0, 1, m.sum()) * cats[cat, 1])
    ccur = np.asarray(W.a_cur, dtype=np.int64)[card[P]]
    W.emit(ts, card[P], merch, fix_zero_dec(W.from_usd(usd, ccur, ts), ccur), CH["card"], 0)
    # monthly bills
    bi = np.nonzero(~young.astype(bool))[0]
    nb = rng.integers(1, 3, bi.size)
    B = np.repeat(bi, nb)
    util = np.array([W.org["utilities"][DEMAND[c]][int(rng.integers(0, 3))] for c in ci[B]])
    bill_usd = rng.uniform(40, 160, B.size)
    dom = rng.uniform(0, 28, B.size)
    E = np.repeat(np.arange(B.size), months.size)
    M = np.tile(months, B.size)
    day = np.clip(M + dom[E], 0, T.NDAYS - 1)
    keep = day >= open_day[B][E]
    E, day = E[keep], day[keep]
    ts = T.sample_local(rng, tz[B][E], day.astype(np.int64), "day")
    amt = fix_zero_dec(W.from_usd(bill_usd[E] * rng.uniform(0.8, 1.2, E.size), cur[B][E], ts), cur[B][E])
    W.emit(
        ts, bank[B][E], util[E], amt, CH["bank_transfer"], W.ref("bill payment") if rng.random() < 0.5 else 0
    )
    # domestic person-to-person transfers
    k = rng.poisson(0.3 * span)
    P = np.repeat(np.arange(n), k)
    if P.size:
        day = (open_day[P] + rng.random(P.size) * (T.NDAYS - open_day[P])).astype(np.int64)
        ts = T.sample_local(rng, tz[P], day, "evening")
        # receivers: any demand person of the same country with a bank account
        lists: dict[str, list[int]] = {}
        for q in W.persons:
            if q.kind == "person" and q.country in SAL_USD and "inbound_only" not in q.traits:
                b = q.first("bank")
                if b >= 0:
                    lists.setdefault(q.country, []).append(b)
        rcv = np.empty(P.size, dtype=np.int64)
        for c in np.unique(ci[P]):
            m = ci[P] == c
            arr_c = np.array(lists[DEMAND[c]], dtype=np.int64)
            rcv[m] = arr_c[rng.integers(0, arr_c.size, m.sum())]
        ok = rcv != bank[P]
        amt = fix_zero_dec(
            W.nice(W.from_usd(np.exp(rng.normal(np.log(60), 0.8, P.size)), cur[P], ts)), cur[P]
        )
        refs = W.refs_of(rng, P2P_REFS, [1] * len(P2P_REFS), P.size)
        W.emit(ts[ok], bank[P][ok], rcv[ok], amt[ok], CH["bank_transfer"], refs[ok])
    return len(W.tx) - before


PH_P2P_REFS = ["", "", "", "bayad", "utang", "pang load", "thanks", "rent po", "padala", "pambili", "share"]


def _by_inst(W: World, tuples: list[tuple[int, int, int]], inst: np.ndarray) -> np.ndarray:
    """Pick, per source institution, the matching account of (pisowallet, duyan, bank) tuples."""
    piso, duyan = W.inst_by["pisowallet"].idx, W.inst_by["duyan-pay"].idx
    col = np.where(inst == piso, 0, np.where(inst == duyan, 1, 2))
    arr = np.array(tuples, dtype=np.int64)
    return arr[:, 0], arr[:, 1], arr[:, 2], col


def ph_baseline(W: World, visible) -> int:
    """Everyday wallet life in the Philippines: cash-in, load, bills, stores, P2P, withdrawals."""
    rng = W.rng_base
    piso, duyan, lb = (W.inst_by[n].idx for n in ("pisowallet", "duyan-pay", "lungsod-bank"))
    rows = []
    for p in W.persons:
        if p.kind != "person" or p.country != "PH" or p.cohort == "cash_agent":
            continue
        w = p.acc.get("wallet", [])
        if not w:
            continue
        a = w[0]
        if not visible(W.a_inst[a]):
            continue
        hh = p.hh if p.hh >= 0 else p.idx
        rows.append((p.idx, a, W.a_inst[a], W.a_opened[a], hh))
    if not rows:
        return 0
    before = len(W.tx)
    arr = np.array(rows, dtype=np.int64)
    pid, acct, inst, opened, hh = arr.T
    n = pid.size
    tz8 = T.TZ_INDEX["p8"]
    open_day = np.clip((opened - T.START) // T.DAY + 1, 0, T.NDAYS - 2)
    span = (T.NDAYS - open_day) / 30.4
    nightshift = rng.random(n) < 0.15
    act = np.exp(rng.normal(0, 0.5, n))  # activity level
    agents = W.org["agents"]
    fav_agent = rng.integers(0, len(agents), n)
    is_bank = inst == lb
    chan = np.where(is_bank, CH["bank_transfer"], CH["ewallet"])

    def events(rate):
        k = rng.poisson(rate * act * span)
        P = np.repeat(np.arange(n), k)
        day = (open_day[P] + rng.random(P.size) * (T.NDAYS - open_day[P])).astype(np.int64)
        prof = np.where(nightshift[P], 1, 0)
        ts = np.empty(P.size, dtype=np.int64)
        for v, name in ((0, "day"), (1, "night")):
            m = prof == v
            ts[m] = T.sample_local(rng, tz8, day[m], name)
        return P, ts

    def pick_tuple(tuples, P, fav=None):
        j = fav[P] if fav is not None else rng.integers(0, len(tuples), P.size)
        a0, a1, a2, col = _by_inst(W, tuples, inst[P])
        return np.where(col == 0, a0[j], np.where(col == 1, a1[j], a2[j]))

    # cash-in at an agent (wallets only)
    P, ts = events(1.5)
    m = ~is_bank[P]
    P, ts = P[m], ts[m]
    amt = W.nice(np.exp(rng.normal(np.log(1500), 0.7, P.size)))
    W.emit(ts, pick_tuple(agents, P, fav_agent), acct[P], amt, CH["ewallet"], 0)
    # load, bills, stores
    for key, rate, med, sig, ref_p in (
        ("load", 3.0, 0, 0, 0.3),
        ("bill", 1.0, 1500, 0.5, 0.0),
        ("store", 3.0, 400, 0.9, 0.0),
    ):
        P, ts = events(rate)
        tuples = W.org["ph"][key]
        if key == "load":
            amt = np.array([50.0, 100, 150, 200, 300, 500])[
                rng.choice(6, size=P.size, p=[0.2, 0.3, 0.1, 0.15, 0.15, 0.1])
            ]
        else:
            amt = np.round(med * np.exp(rng.normal(0, sig, P.size)), 2)
        refs = np.where(rng.random(P.size) < ref_p, W.ref("load"), 0)
        W.emit(ts, acct[P], pick_tuple(tuples, P), amt, chan[P], refs)
    # person-to-person: mostly within the household, else anyone
    P, ts = events(1.5)
    same_hh = rng.random(P.size) < 0.5
    order = np.argsort(hh, kind="stable")
    hh_sorted = hh[order]
    lo = np.searchsorted(hh_sorted, hh[P], side="left")
    hi = np.searchsorted(hh_sorted, hh[P], side="right")
    pick_hh = order[np.minimum(lo + (rng.random(P.size) * (hi - lo)).astype(np.int64), n - 1)]
    pick_any = rng.integers(0, n, P.size)
    tgt = np.where(same_hh, pick_hh, pick_any)
    ok = tgt != P
    amt = W.nice(np.exp(rng.normal(np.log(800), 0.9, P.size)))
    refs = W.refs_of(rng, PH_P2P_REFS, [1] * len(PH_P2P_REFS), P.size)
    W.emit(ts[ok], acct[P][ok], acct[tgt][ok], amt[ok], chan[P][ok], refs[ok])
    # withdrawals
    P, ts = events(0.7)
    amt = W.nice(np.exp(rng.normal(np.log(2000), 0.7, P.size)))
    dst = pick_tuple(agents, P, fav_agent)
    atm = np.array(W.org["atm_ph"])[rng.integers(0, len(W.org["atm_ph"]), P.size)]
    dst = np.where(is_bank[P], atm, dst)
    W.emit(ts, acct[P], dst, amt, np.where(is_bank[P], CH["card"], CH["ewallet"]), 0)
    # agents rebalance their float from their bank accounts
    for a_piso, _a_duyan, a_bank in agents:
        days = np.arange(rng.uniform(0, 7), T.NDAYS, 7.0)
        ts = T.sample_local(rng, tz8, days.astype(np.int64), "office")
        W.emit(
            ts,
            a_bank,
            a_piso,
            W.nice(rng.uniform(20000, 120000, days.size)),
            CH["bank_transfer"],
            W.ref("float top-up"),
        )
    return len(W.tx) - before


# ---------------------------------------------------------------------------- cash-out of receivers
STYLE = {
    # p_cash, delay median hours, delay sigma, frac lo, frac hi, p_transfer, p_merchant
    "fac": (0.7, 6.0, 1.0, 0.7, 1.0, 0.15, 0.05),
    "family": (0.45, 24.0, 1.0, 0.3, 0.8, 0.1, 0.25),
    "mule": (0.75, 1.5, 0.8, 0.9, 1.0, 0.2, 0.0),
    "seller": (0.25, 48.0, 1.0, 0.2, 0.5, 0.0, 0.6),
    "performer": (0.6, 30.0, 1.0, 0.4, 0.9, 0.05, 0.1),
    "freelancer": (0.3, 48.0, 1.0, 0.3, 0.6, 0.15, 0.3),
}


def ph_spending(W: World) -> int:
    """Outflows of receiving accounts driven by their inflows so far (run before everyday baselines)."""
    rng = W.rng_base
    before = len(W.tx)
    piso, duyan, lb = (W.inst_by[n].idx for n in ("pisowallet", "duyan-pay", "lungsod-bank"))
    tx = W.tx.cat()
    accts = np.array(sorted(W.spend_style), dtype=np.int64)
    a_inst = np.asarray(W.a_inst, dtype=np.int64)
    ok_inst = np.isin(a_inst[accts], [piso, duyan, lb])
    accts = accts[ok_inst]
    m = np.isin(tx["rcv"], accts)
    rcv, ts, amt, snd = tx["rcv"][m], tx["ts"][m], tx["amt"][m], tx["snd"][m]
    cur = np.asarray(W.a_cur, dtype=np.int64)
    amt_r = W.convert(amt, cur[snd], cur[rcv], ts)
    o = np.lexsort((ts, rcv))
    rcv, ts, amt_r = rcv[o], ts[o], amt_r[o]
    bounds = np.searchsorted(rcv, accts, side="left"), np.searchsorted(rcv, accts, side="right")
    agents = W.org["agents"]
    atms = np.array(W.org["atm_ph"])
    merch_keys = {
        "fac": "store",
        "family": "school",
        "mule": "store",
        "seller": "supplier",
        "performer": "store",
        "freelancer": "bill",
    }
    out_ts, out_s, out_r, out_a, out_c = [], [], [], [], []
    for a, lo, hi in zip(accts.tolist(), bounds[0].tolist(), bounds[1].tolist(), strict=True):
        if hi <= lo:
            continue
        style, ctx = W.spend_style[a]
        pc, dmed, dsig, flo, fhi, pt, pm = STYLE[style]
        t_in, a_in = ts[lo:hi], amt_r[lo:hi]
        k = t_in.size
        inst = W.a_inst[a]
        col = 0 if inst == piso else (1 if inst == duyan else 2)
        fav = agents[int(rng.integers(0, len(agents)))][col]
        chan = CH["ewallet"] if col < 2 else CH["bank_transfer"]
        delay = (dmed * 3600 * np.exp(rng.normal(0, dsig, k))).astype(np.int64)
        u = rng.random(k)
        frac = rng.uniform(flo, fhi, k)
        # cash-out at the usual agent (or an ATM for bank accounts)
        mc = u < pc
        if mc.any():
            dst = np.full(mc.sum(), fav) if col < 2 else atms[rng.integers(0, atms.size, mc.sum())]
            alt = rng.random(mc.sum()) < 0.25
            if col < 2 and alt.any():
                dst[alt] = np.array([agents[int(j)][col] for j in rng.integers(0, len(agents), alt.sum())])
            out_ts.append(t_in[mc] + delay[mc])
            out_s.append(np.full(mc.sum(), a))
            out_r.append(dst)
            out_a.append(np.maximum(np.floor(a_in[mc] * frac[mc] / 100) * 100, 100))
            out_c.append(np.full(mc.sum(), chan if col < 2 else CH["card"]))
        # transfers to a partner account (household member, another mule account...)
        mt = (u >= pc) & (u < pc + pt)
        partners = []
        if style == "fac":
            partners = [x for x in ctx.accounts if x != a and W.a_kind[x] != "remittance"]
        elif style == "mule":
            partners = [x for x in ctx.acc.get("wallet", []) if x != a] if ctx is not None else []
        elif ctx is not None and ctx.hh >= 0:
            partners = []
        if mt.any() and partners:
            dst = np.array(partners)[rng.integers(0, len(partners), mt.sum())]
            out_ts.append(t_in[mt] + delay[mt] // 2)
            out_s.append(np.full(mt.sum(), a))
            out_r.append(dst)
            out_a.append(np.maximum(np.floor(a_in[mt] * frac[mt] * 0.6 / 50) * 50, 50))
            out_c.append(np.full(mt.sum(), CH["ewallet"] if col < 2 else CH["bank_transfer"]))
        # merchant payments (school fees, suppliers, bills, stores)
        mm = (u >= pc + pt) & (u < pc + pt + pm)
        if mm.any():
            tuples = W.org["ph"][merch_keys[style]]
            dst = np.array([tuples[int(j)][col] for j in rng.integers(0, len(tuples), mm.sum())])
            out_ts.append(t_in[mm] + delay[mm])
            out_s.append(np.full(mm.sum(), a))
            out_r.append(dst)
            out_a.append(np.maximum(np.round(a_in[mm] * frac[mm], 2), 20))
            out_c.append(np.full(mm.sum(), chan))
        if style == "seller":  # courier fees per order
            mc2 = rng.random(k) < 0.5
            cour = W.org["ph"]["courier"]
            dst = np.array([cour[int(j)][col] for j in rng.integers(0, len(cour), mc2.sum())])
            out_ts.append(t_in[mc2] + rng.integers(3600, 2 * T.DAY, mc2.sum()))
            out_s.append(np.full(mc2.sum(), a))
            out_r.append(dst)
            out_a.append(np.round(rng.uniform(80, 220, mc2.sum()), 0))
            out_c.append(np.full(mc2.sum(), chan))
    if out_ts:
        t = np.concatenate(out_ts)
        keep = t < T.END
        W.emit(
            t[keep],
            np.concatenate(out_s)[keep],
            np.concatenate(out_r)[keep],
            np.concatenate(out_a)[keep],
            np.concatenate(out_c)[keep],
            0,
        )
    return len(W.tx) - before


def php_cur() -> int:
    return CUR["PHP"]
