"""Cohort behaviour for world I: who pays whom, when, how much, and what they say."""

import math

from . import vocab as V
from .model import CVX, DAYS, KWL, NSB, PLB, PPR, at, fx_cad, fx_php


class Env:
    """Shared pools built once: merchants, employers, cash-out points, crypto traders."""

    def __init__(self, w):
        self.w = w
        r = w.rng
        self.merch = {}
        for name, mcc, cc, group in V.MERCHANTS:
            for _k in range(3 if "{}" in name else 1):
                nm = name.format(r.randint(100, 999)) if "{}" in name else name
                o = w.org("merchant", cc or r.choice(["US", "IE", "SG", "NL"]), nm)
                aid = w.ext(o, "MID-", width=9)
                self.merch.setdefault(group, []).append((aid, nm, mcc, cc or ""))
        self.employers = []
        for _k in range(max(20, w.customers // 250)):
            o = w.org(
                "organization", "US", f"{r.choice(V.US_LAST)} {r.choice(['LLC', 'Inc', 'Group', 'Co'])}"
            )
            self.employers.append(w.ext(o, "ACH-ORIG-", width=8))
        self.manning = []
        for _k in range(12):
            o = w.org(
                "organization",
                r.choice(["SG", "NO", "GR", "CY", "HK"]),
                f"{r.choice(V.US_LAST)} Marine Crewing",
            )
            self.manning.append(w.ext(o, "SWIFT-", width=10))
        bank = w.org("organization", "PH", "Perlas Bank ATM Network")
        self.atms = [w.ext(bank, "ATM-PLB-", key=("atm", k), width=5) for k in range(40)]
        self.agents = []
        for _k in range(max(20, w.customers // 1000)):
            a = w.person("merchant", "PH", age=(25, 60))
            a.kind = "organization"
            a.last = f"{a.last} Padala Center"
            a.first = ""
            self.agents.append((a, w.account(a, KWL, "ewallet")))
        self.ph_traders = []
        self.people_na_ppr = []
        self.people_na = []
        self.ph_locals = []
        self.load_sellers = []


def lognorm(r, median, sigma):
    return median * math.exp(r.gauss(0, sigma))


def roundish(r, usd, p=0.6):
    if r.random() < p:
        step = 5 if usd < 60 else (10 if usd < 300 else 50)
        return max(step, round(usd / step) * step)
    return round(usd, 2)


def night_hour(r):
    return (21 + r.random() * 7) % 24


def day_hour(r):
    return 9 + r.random() * 8


def pick(r, seq):
    return seq[int(r.random() * len(seq))]


# ---------------------------------------------------------------- North American base life
def setup_na(w, env, p, bank=None, app=None, cx=None):
    r = w.rng
    if p.country == "CA":
        bank = False
        app = True if app is None else app
    else:
        bank = (r.random() < 0.72) if bank is None else bank
        app = (r.random() < 0.6 or not bank) if app is None else app
    if bank:
        w.account(p, NSB, "bank")
        w.account(p, NSB, "card")
    if app:
        w.account(p, PPR, "ewallet")
        env.people_na_ppr.append(p)
    if cx if cx is not None else r.random() < 0.06:
        w.account(p, CVX, "crypto")
    env.people_na.append(p)


def nsb_off(ts):
    return 0 if ts % 20 == 0 else (-240 if 1710054000 <= ts < 1730613600 else -300)


def card(w, env, p, ts, group, usd):
    r = w.rng
    m = pick(r, env.merch[group])
    if (NSB, "card") in p.acc:
        w.txn(
            NSB, ts, usd, "USD", p.acc[(NSB, "card")], m[0], "card", p.country, m[3], "", m[2], m[1], vis="F"
        )
    elif (PPR, "ewallet") in p.acc:
        cur, amt = ("CAD", usd / fx_cad(0)) if p.country == "CA" else ("USD", usd)
        w.txn(
            PPR,
            ts,
            amt,
            cur,
            p.acc[(PPR, "ewallet")],
            m[0],
            "card",
            p.country,
            m[3],
            "",
            m[2],
            m[1],
            vis="F",
            off=p.tz * 60,
        )


GROUPS = [
    ("grocery", 30, 60),
    ("fuel", 14, 45),
    ("food", 16, 22),
    ("retail", 12, 55),
    ("bills", 6, 90),
    ("streaming", 6, 13),
    ("gaming", 4, 20),
]
GW = [g[1] for g in GROUPS]


def base_life(w, env, p, rate=1.6, side=None):
    """Salary, everyday card purchases, app transfers with friends, optional side purchases."""
    r = w.rng
    if (NSB, "bank") in p.acc:
        emp = pick(r, env.employers)
        sal = lognorm(r, 2600, 0.4)
        for m in range(12):
            d = m * 30.5 + 14 + r.randint(0, 1)
            ts = at(d, 3 + r.random() * 3, p.tz)
            w.txn(NSB, ts, sal, "USD", emp, p.acc[(NSB, "bank")], "ach", "US", "US", "PAYROLL", vis="F")
    n = int(rate * 12 * (0.5 + r.random()))
    for _ in range(n):
        g = r.choices(GROUPS, GW)[0]
        d = r.random() * DAYS
        card(w, env, p, at(d, 8 + r.random() * 14, p.tz), g[0], lognorm(r, g[2], 0.5))
    if side:
        for group, prob, k in side:
            if r.random() < prob:
                med = {
                    "vpn": 9.99,
                    "dating": 29.99,
                    "adult": 24.99,
                    "air": 780,
                    "hotel": 95,
                    "atm_ph": 180,
                    "gaming": 15,
                    "travel": 240,
                    "giftcard": 50,
                }[group]
                cnt = r.randint(1, k)
                for _ in range(cnt):
                    d = r.random() * DAYS
                    hr = (
                        night_hour(r)
                        if group in ("adult", "dating") and r.random() < 0.7
                        else 8 + r.random() * 14
                    )
                    card(w, env, p, at(d, hr, p.tz), group, roundish(r, lognorm(r, med, 0.3), 0.3))
    if (PPR, "ewallet") in p.acc and env.people_na_ppr:
        me = p.acc[(PPR, "ewallet")]
        for _ in range(r.randint(0, 10)):
            f = pick(r, env.people_na_ppr)
            if f is p:
                continue
            ts = at(r.random() * DAYS, 10 + r.random() * 12, p.tz)
            amt = roundish(r, lognorm(r, 35, 0.7))
            cur = "CAD" if p.country == "CA" else "USD"
            w.txn(
                PPR,
                ts,
                amt,
                cur,
                me,
                f.acc[(PPR, "ewallet")],
                r.choice(["p2p", "p2p", "ewallet"]),
                p.country,
                f.country if r.random() > 0.1 else "",
                pick(r, V.CHAT_ORD) if r.random() < 0.5 else "",
                vis="F",
                off=p.tz * 60,
            )
        if (NSB, "bank") not in p.acc and r.random() < 0.8:
            ext = w.ext(p, "EXTBANK-")
            for _m in range(r.randint(2, 10)):
                ts = at(r.random() * DAYS, 12 + r.random() * 8, p.tz)
                w.txn(
                    PPR,
                    ts,
                    roundish(r, lognorm(r, 200, 0.5)),
                    "CAD" if p.country == "CA" else "USD",
                    ext,
                    me,
                    "bank_transfer",
                    p.country,
                    p.country,
                    "top up",
                    vis="F",
                    off=p.tz * 60,
                )


# ---------------------------------------------------------------- cross-border and PH side
def send_xb(w, env, sp, rp, racct, ts, usd, ref, how="app", inbound_ext=None, cash=(0.5, 0.5, 48)):
    """A payment from a North American to a Philippine account. how: app | wire | ext."""
    r = w.rng
    rsrc = w.acct_src[racct]
    day = (ts - 1704067200) / 86400
    sname = w.noisy_name(sp)
    rname = w.noisy_name(rp)
    rcc = "PH" if r.random() > 0.07 else ""
    scc = sp.country if r.random() > 0.07 else ""
    if how == "ext":
        sender = inbound_ext
        vis_r = "B"
    elif how == "wire" and (NSB, "bank") in sp.acc:
        sender = sp.acc[(NSB, "bank")]
        w.txn(NSB, ts, usd, "USD", sender, racct, "wire", scc, rcc, ref, sname="", rname=rname, vis="F")
        vis_r = "B" if r.random() < 0.12 else "R"
    else:
        sender = sp.acc.get((PPR, "ewallet"))
        if sender is None:
            sender = sp.acc[(NSB, "bank")]
            w.txn(NSB, ts, usd, "USD", sender, racct, "wire", scc, rcc, ref, rname=rname, vis="F")
        else:
            cur, amt = ("CAD", usd / fx_cad(day)) if sp.country == "CA" else ("USD", usd)
            w.txn(
                PPR,
                ts,
                amt,
                cur,
                sender,
                racct,
                r.choice(["remittance", "international", "remittance"]),
                scc,
                rcc,
                ref,
                vis="F",
                off=sp.tz * 60,
            )
        vis_r = "B" if r.random() < 0.12 else "R"
    lag = r.randint(20, 900) if how != "wire" else r.randint(1800, 30000)
    php = round(usd * fx_php(day), 2)
    rref = ref.upper() if ref and r.random() < 0.2 else (ref if r.random() > 0.15 else "")
    w.txn(
        rsrc,
        ts + lag,
        php,
        "PHP",
        sender,
        racct,
        "remittance",
        sp.country if r.random() > 0.05 else "",
        "PH",
        rref,
        sname=sname,
        rname=rname,
        vis=vis_r,
    )
    cash_out(w, env, rp, racct, ts + lag, php, *cash)


def cash_out(w, env, rp, racct, ts, php, prob, hmin, hmax):
    r = w.rng
    if r.random() >= prob:
        return
    t = ts + int((hmin + r.random() * (hmax - hmin)) * 3600)
    amt = php * (0.8 + 0.2 * r.random())
    if r.random() < 0.5:
        amt = max(100, round(amt / 100) * 100)
    src = w.acct_src[racct]
    if src == PLB:
        w.txn(PLB, t, amt, "PHP", racct, pick(r, env.atms), r.choice(["atm", "cash_pickup"]), "PH", "PH", "")
    else:
        ag = pick(r, env.agents)
        w.txn(
            KWL,
            t,
            amt,
            "PHP",
            racct,
            ag[1],
            r.choice(["cash_out", "cash_pickup", "cash_out"]),
            "PH",
            "PH",
            "",
        )


def ph_local_life(w, env, p, rate=1.0):
    """E-wallet load purchases and transfers between Philippine locals."""
    r = w.rng
    me = p.acc.get((KWL, "ewallet"))
    if not me:
        return
    for _ in range(int(r.randint(2, 14) * rate)):
        ts = at(r.random() * DAYS, 7 + r.random() * 15, 8)
        if env.load_sellers and r.random() < 0.6:
            s = pick(r, env.load_sellers)
            w.txn(
                KWL,
                ts,
                r.choice([50, 100, 100, 200, 300, 500]),
                "PHP",
                me,
                s.acc[(KWL, "ewallet")],
                r.choice(["ewallet", "load"]),
                "PH",
                "PH",
                r.choice(["load", "", "regular load", "promo"]),
            )
        elif env.ph_locals:
            f = pick(r, env.ph_locals)
            if f is not p and (KWL, "ewallet") in f.acc:
                w.txn(
                    KWL,
                    ts,
                    roundish(r, lognorm(r, 800, 0.8)),
                    "PHP",
                    me,
                    f.acc[(KWL, "ewallet")],
                    "ewallet",
                    "PH",
                    "PH",
                    r.choice(["", "utang", "bayad", "salamat", "share"]),
                )


def convo(w, ts, a, b, lines_a, lines_b, n, sid="", step=(20, 300)):
    r = w.rng
    t = ts
    for i in range(n):
        if i % 2 == 0:
            w.msg(t, a, b, pick(r, lines_a), sid)
        else:
            w.msg(t, b, a, pick(r, lines_b), sid)
        t += r.randint(*step)
    return t


def call(w, ts, host, viewer, hp, vp, minutes, private=True, paid=None):
    return w.session(ts, minutes, host, viewer, hp, vp, private, paid)
