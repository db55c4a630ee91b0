# ruff: noqa: UP031  (printf-style formatting of ids and amounts is deliberate here)
"""World H cohorts: who exists and how each kind of person pays and gets paid."""

from __future__ import annotations

import math

from . import names as N
from . import texts as X
from .core import AU, BK, DAYS, MONTH_START, RA, RB, WA, WB, P, wpick

DIASPORA_CC = (
    ("US", 25),
    ("SA", 12),
    ("AE", 10),
    ("CA", 6),
    ("JP", 5),
    ("HK", 6),
    ("SG", 6),
    ("QA", 4),
    ("KW", 3),
    ("IT", 4),
    ("GB", 4),
    ("AU", 8),
    ("NZ", 1),
    ("DE", 1),
    ("NO", 1),
)
PAYER_CC = (
    ("US", 42),
    ("GB", 9),
    ("AU", 22),
    ("CA", 7),
    ("DE", 5),
    ("NL", 3),
    ("NO", 2),
    ("FR", 2),
    ("IE", 2),
    ("NZ", 2),
    ("JP", 2),
    ("SG", 1),
    ("SA", 1),
)
WESTERN_CC = (
    ("US", 40),
    ("GB", 10),
    ("AU", 25),
    ("CA", 8),
    ("DE", 6),
    ("NL", 3),
    ("NO", 2),
    ("IE", 2),
    ("NZ", 2),
    ("FR", 2),
)


def pick_cc(r, table):
    return wpick(r, [c for c, _ in table], [w for _, w in table])


def lognorm(r, median, sigma):
    return median * math.exp(r.gauss(0, sigma))


def ref_fmt(r, ref):
    if "%" in ref:
        return ref % r.randrange(1000, 99999 if "d" in ref and "04" not in ref else 9999)
    return ref


def open_ph(w, p: P, weights=None, kmin=1, kmax=3):
    r = w.r
    weights = weights or {WA: 0.55, WB: 0.3, BK: 0.3, RA: 0.25, RB: 0.15}
    srcs = list(weights)
    k = r.randint(kmin, kmax)
    chosen = []
    while len(chosen) < k:
        s = wpick(r, srcs, [weights[x] for x in srcs])
        if s not in chosen:
            chosen.append(s)
        if len(chosen) == len(srcs):
            break
    for s in chosen:
        w.account(p, s)
        if r.random() < 0.03:
            w.account(p, s, dup_party=True)  # duplicate KYC at one institution
    sp = [a for a in w.accounts_of(p, (BK, WA, WB))]
    if sp:
        w.city_spend.setdefault(p.city, []).append(sp[0])
    return chosen


def recv_acct(w, p: P, prefer=(RA, WA, RB, WB, BK), strict=False):
    for s in prefer:
        if p.accts.get(s):
            return p.accts[s][0]
    if strict:
        return None
    for s in (RA, WA, RB, WB, BK):
        if p.accts.get(s):
            return p.accts[s][0]
    return None


def spend_acct(w, p: P):
    for s in (WA, WB, BK):
        if p.accts.get(s):
            return w.r.choice(p.accts[s])
    return None


def onward(w, p: P, acct, t, php, quick=False, others=()):
    """What a Philippine recipient does after money comes in."""
    r = w.r
    src = w.acct_src[acct]
    delay = r.randrange(600, 4 * 3600) if quick else r.randrange(3600, 4 * 86400)
    t2 = t + delay
    x = r.random()
    if others and x < 0.35:
        o = r.choice(others)
        oa = recv_acct(w, o, (WA, WB, BK, RA), strict=True)
        sa = spend_acct(w, p) or acct
        if oa and w.acct_src[sa] in (BK, WA, WB):
            w.dom(sa, oa, t2, php * r.uniform(0.15, 0.5), ref=r.choice(X.REF_P2P_FRIENDS))
            return
    if src in (WA, WB, BK):
        if x < 0.75:
            w.cashout(acct, t2, php * r.uniform(0.5, 1.0))
        else:
            w.buy(
                acct,
                t2,
                php * r.uniform(0.05, 0.3),
                r.choice(("grocery", "load", "bills", "pharmacy", "shop")),
            )
    else:
        sa = spend_acct(w, p)
        if sa and r.random() < 0.4:
            w.buy(sa, t2, r.uniform(200, 2500), r.choice(("grocery", "load", "bills", "pharmacy")))


# ------------------------------------------------------------------ ordinary Philippine customers
def ordinary_ph(w, n):
    r = w.r
    out = []
    for _ in range(n):
        p = w.new_person("ordinary", "PH", age=(18, 72))
        open_ph(w, p)
        out.append(p)
    employers = []
    for _i in range(max(5, n // 500)):
        e = w.new_org(
            "organization",
            "{} {}".format(
                r.choice(("Pacific", "Luzon", "Visayan", "Mindanao", "Golden", "Bayan", "Star", "Maharlika")),
                r.choice(
                    (
                        "Trading Corp.",
                        "Logistics Inc.",
                        "BPO Services",
                        "Foods Inc.",
                        "Construction",
                        "Hardware",
                        "Manpower Services",
                        "Realty",
                    )
                ),
            ),
        )
        w.account(e, BK)
        employers.append(e)
    for p in out:
        ordinary_activity(w, p, employers)
    return out


def ordinary_activity(w, p: P, employers=(), k=None):
    r = w.r
    sp = w.accounts_of(p, (BK, WA, WB))
    if not sp:
        return
    k = k if k is not None else r.randint(2, 14)
    for _ in range(k):
        a = r.choice(sp)
        d = r.randrange(DAYS)
        t = w.at(p, d, "any")
        x = r.random()
        if x < 0.33:
            w.buy(a, t, lognorm(r, 700, 0.8), r.choice(("grocery", "grocery", "food", "pharmacy", "shop")))
        elif x < 0.48:
            w.buy(a, t, r.choice((50, 100, 100, 300, 500)), "load")
        elif x < 0.6:
            w.buy(a, t, lognorm(r, 1500, 0.6), "bills")
        elif x < 0.86:
            pool = w.city_spend.get(p.city) or []
            if len(pool) > 2:
                b = r.choice(pool)
                if b != a:
                    w.dom(
                        a,
                        b,
                        t,
                        r.choice((100, 200, 250, 500, 1000, 1500, 2000, 3000))
                        if r.random() < 0.7
                        else lognorm(r, 800, 0.9),
                        ref=r.choice(X.REF_P2P_FRIENDS),
                    )
        else:
            w.cashout(a, t, lognorm(r, 2000, 0.7))
    if employers and p.accts.get(BK) and r.random() < 0.22:
        e = r.choice(employers)
        sal = lognorm(r, 18000, 0.35)
        m0 = r.randrange(0, 12)
        for m in range(m0, 18):
            t = w.at(p, MONTH_START[m] + r.choice((13, 14, 28, 29)), "day")
            w.dom(e.accts[BK][0], p.accts[BK][0], t, sal * r.uniform(0.97, 1.03), ref="payroll")
    pa = w.accounts_of(p, (RA, RB))
    if pa and r.random() < 0.4:
        pool = w.city_spend.get(r.choice(list(w.city_spend))) or []
        for _ in range(r.randint(1, 4)):
            if not pool:
                break
            b = r.choice(pool)
            t = w.at(p, r.randrange(DAYS), "day")
            w.dom(
                pa[0],
                b,
                t,
                r.choice((500, 1000, 1500, 2000, 3000, 5000)),
                ref=r.choice(X.REF_FAMILY),
                ch="remittance",
            )
            if w.acct_src[b] in (WA, WB) and r.random() < 0.5:
                w.cashout(b, t + r.randrange(1800, 2 * 86400), r.choice((500, 1000, 1500)))


# ------------------------------------------------------------------ diaspora families (siblings abroad support one parent)
def diaspora_families(w, n_fam, ctx):
    r = w.r
    senders_all = []
    parents = []
    for _ in range(n_fam):
        surname = r.choice(N.PH_SURNAMES)
        parent = w.new_person(
            "family_recipient", "PH", gender="f" if r.random() < 0.65 else "m", age=(45, 78), last=surname
        )
        open_ph(w, parent, {RA: 0.5, RB: 0.3, WA: 0.5, BK: 0.3, WB: 0.15}, 1, 3)
        place = next(x for x in N.PH_PLACES if x[0] == parent.city)
        rels = []
        for _ in range(r.choice((0, 0, 1, 1, 2, 3))):
            rel = w.new_person(
                "family_recipient",
                "PH",
                age=(16, 42),
                last=surname if r.random() < 0.7 else r.choice(N.PH_SURNAMES),
                city=place,
            )
            if r.random() < 0.7:
                rel.addr = N.address_variant(r, parent.addr, 0.6)
                rel.brgy = parent.brgy
            if r.random() < 0.2:
                rel.extra = {"shared_phone": parent.phone}
            open_ph(w, rel, {WA: 0.6, WB: 0.3, BK: 0.2, RA: 0.2}, 1, 2)
            rels.append(rel)
        parents.append(parent)
        ns = wpick(r, (1, 2, 3, 4), (40, 32, 18, 10))
        for _ in range(ns):
            cc = pick_cc(r, DIASPORA_CC)
            g = "f" if r.random() < 0.6 else "m"
            last = surname if (g == "m" or r.random() < 0.6) else r.choice(N.FOREIGN_SURNAMES + N.PH_SURNAMES)
            s = w.new_person("diaspora_remitter", cc, gender=g, age=(24, 55), fil=True, last=last)
            if cc == "AU" and r.random() < 0.7:
                s.au = w.account(s, AU)
            senders_all.append(s)
            racct = recv_acct(
                w, parent, r.choice(((RA, WA, RB, BK, WB), (WA, RA, BK, RB, WB), (BK, WA, RA, RB, WB)))
            )
            base = lognorm(r, 280, 0.5)
            pay_day = r.randrange(1, 27)
            mode = r.choice(("eve", "any", "day"))
            m0 = r.randrange(0, 6)
            for m in range(m0, 18):
                if r.random() < 0.12:
                    continue
                d = MONTH_START[m] + max(0, min(27, pay_day + r.randint(-3, 3)))
                usd = base * r.uniform(0.85, 1.15) * (1.8 if m in (11, 23) and r.random() < 0.5 else 1)
                amt = w.local_amount(usd, s.cur, d, r.random() < 0.75)
                t = w.at(s, d, mode)
                t2 = w.intl(s, racct, t, amt, r.choice(X.REF_FAMILY))
                onward(w, parent, racct, t2, w.to_php(amt, s.cur, d), quick=r.random() < 0.3, others=rels)
            for _ in range(r.randint(0, 6)):
                tgt = r.choice(rels) if rels and r.random() < 0.7 else parent
                ra = recv_acct(w, tgt, (WA, WB, RA, BK, RB))
                d = r.randrange(DAYS)
                amt = w.local_amount(lognorm(r, 60, 0.6), s.cur, d, True)
                w.intl(
                    s,
                    ra,
                    w.at(s, d, "any"),
                    amt,
                    r.choice(("load", "allowance", "bday gift", "tuition", "school fees", "", "pang gastos")),
                )
            if rels and r.random() < 0.1:
                w.chat(s, parent, w.at(s, r.randrange(DAYS), "eve"), r.sample(X.FAMILY_CHAT, 4))
        for rel in rels:
            ordinary_activity(w, rel, k=r.randint(2, 10))
        ordinary_activity(w, parent, k=r.randint(2, 10))
    ctx["diaspora"] = senders_all
    ctx["family_parents"] = parents


# ------------------------------------------------------------------ seafarers
def seafarers(w, n, ctx):
    r = w.r
    agencies = []
    for _i in range(max(2, n // 60)):
        a = w.new_org(
            "organization",
            "{} Maritime Manning Inc.".format(
                r.choice(("Pacific", "Oceanic", "Magsaysay-like", "Bluewave", "Seaways", "Anchor"))
            ),
        )
        w.account(a, BK)
        agencies.append(a)
    for _ in range(n):
        surname = r.choice(N.PH_SURNAMES)
        sea = w.new_person(
            "seafarer",
            r.choice(("NL", "SG", "US", "AE", "JP", "NO", "DE")),
            gender="m",
            age=(24, 58),
            fil=True,
            last=surname,
        )
        sea.cur = "USD"
        spouse = w.new_person("family_recipient", "PH", gender="f", age=(22, 55), last=surname)
        open_ph(w, spouse, {BK: 0.8, WA: 0.5, RA: 0.3, WB: 0.2}, 1, 3)
        if not spouse.accts.get(BK):
            w.account(spouse, BK)
        ag = r.choice(agencies)
        allot = lognorm(r, 45000, 0.4)
        for m in range(r.randrange(0, 8), 18):
            t = w.at(spouse, MONTH_START[m] + r.randint(5, 12), "day")
            w.dom(ag.accts[BK][0], spouse.accts[BK][0], t, allot * r.uniform(0.98, 1.02), ref="allotment")
            if r.random() < 0.5:
                w.cashout(spouse.accts[BK][0], t + r.randrange(3600, 3 * 86400), allot * r.uniform(0.2, 0.6))
        for _ in range(r.randint(0, 6)):
            sea.cc = r.choice(("NL", "SG", "US", "AE", "JP", "NO", "DE", "BR", "ZA"))
            sea.tz = r.choice((-5, 0, 1, 4, 8, 9, -3))
            d = r.randrange(DAYS)
            ra = recv_acct(w, spouse, (RA, WA, BK))
            amt = w.local_amount(lognorm(r, 300, 0.6), "USD", d, True)
            w.intl(
                sea, ra, w.at(sea, d, "any"), amt, r.choice(("", "extra", "for kids", "pang tuition", "bday"))
            )
        ordinary_activity(w, spouse, k=r.randint(4, 14))


# ------------------------------------------------------------------ online sellers and their customers
def online_sellers(w, n_sellers, n_customers, ctx):
    r = w.r
    sellers = []
    for _ in range(n_sellers):
        s = w.new_person("online_seller", "PH", age=(20, 50))
        open_ph(w, s, {WA: 0.9, WB: 0.5, BK: 0.5, RA: 0.2}, 2, 3)
        sellers.append(s)
    game_sellers = []
    for _ in range(max(2, n_sellers // 8)):
        s = w.new_person("online_seller", "PH", gender="m", age=(19, 35))
        open_ph(w, s, {WA: 0.9, WB: 0.7, BK: 0.2}, 1, 2)
        game_sellers.append(s)
    ctx["game_sellers"] = game_sellers
    ctx["sellers"] = sellers
    for _ in range(n_customers):
        cc = pick_cc(r, DIASPORA_CC)
        c = w.new_person("seller_customer", cc, age=(22, 60), fil=r.random() < 0.85)
        if cc == "AU" and r.random() < 0.6:
            c.au = w.account(c, AU)
        for s in r.sample(sellers, min(len(sellers), wpick(r, (1, 2, 3), (70, 22, 8)))):
            ra = recv_acct(w, s, r.choice(((WA, WB, BK), (BK, WA), (WB, WA))))
            k = wpick(r, (1, 2, 3, 4, 6, 10), (35, 25, 15, 10, 10, 5))
            mode = r.choice(("any", "eve", "night", "day"))
            for _ in range(k):
                d = r.randrange(DAYS)
                amt = w.local_amount(lognorm(r, 35, 0.7), c.cur, d, r.random() < 0.4)
                t2 = w.intl(c, ra, w.at(c, d, mode), amt, ref_fmt(r, r.choice(X.REF_SELLER)))
                if r.random() < 0.3:
                    onward(w, s, ra, t2, w.to_php(amt, c.cur, d), quick=r.random() < 0.5)
            if r.random() < 0.12:
                w.chat(c, s, w.at(c, r.randrange(DAYS), "any"), r.sample(X.SELLER_CHAT, 5))
    # domestic buyers, couriers
    for s in sellers:
        sa = spend_acct(w, s)
        pool = w.city_spend.get(s.city) or []
        for _ in range(r.randint(5, 30)):
            if pool:
                b = r.choice(pool)
                w.dom(
                    b,
                    recv_acct(w, s, (WA, WB, BK)),
                    w.at(s, r.randrange(DAYS), "any"),
                    lognorm(r, 900, 0.7),
                    ref=ref_fmt(r, r.choice(X.REF_SELLER)),
                )
        for _ in range(r.randint(3, 15)):
            w.buy(sa, w.at(s, r.randrange(DAYS), "day"), lognorm(r, 400, 0.5), "courier")
        for _ in range(r.randint(2, 10)):
            w.cashout(sa, w.at(s, r.randrange(DAYS), "any"), lognorm(r, 5000, 0.6))


# ------------------------------------------------------------------ adult webcam performers (legal) and customers
def adult_webcam(w, n_perf, n_cust, ctx):
    r = w.r
    perfs = []
    platforms = [
        w.new_org("organization", nm, cc="US") for nm in ("CamStage Payouts LLC", "LiveModels Pay Ltd")
    ]
    while len(perfs) < n_perf:
        size = wpick(r, (1, 2, 3, 4), (55, 20, 15, 10))
        city = wpick(
            r,
            N.PH_PLACES,
            [
                x[2]
                * (
                    3
                    if x[0]
                    in ("Angeles City", "Cebu City", "Lapu-Lapu City", "Taguig City", "Pasay City", "Manila")
                    else 1
                )
                for x in N.PH_PLACES
            ],
        )
        first = None
        for _ in range(size):
            p = w.new_person(
                "adult_performer", "PH", gender="f" if r.random() < 0.85 else "m", age=(21, 34), city=city
            )
            if first is not None:  # a studio: shared address, unrelated surnames
                p.addr = N.address_variant(r, first.addr, 0.5)
                p.brgy = first.brgy
                if r.random() < 0.3:
                    p.extra = {"shared_phone": first.phone}
            else:
                first = p
            open_ph(w, p, {WA: 0.8, WB: 0.5, RA: 0.4, BK: 0.3, RB: 0.2}, 1, 3)
            perfs.append(p)
            if r.random() < 0.6:
                pl = r.choice(platforms)
                ra = recv_acct(w, p, (BK, WA, WB, RA))
                amt0 = lognorm(r, 400, 0.6)
                for m in range(r.randrange(0, 10), 18):
                    d = MONTH_START[m] + r.choice((1, 15))
                    w.intl(
                        pl,
                        ra,
                        w.at(pl, d, "day"),
                        round(amt0 * r.uniform(0.5, 1.6), 2),
                        "payout %d" % r.randrange(10**6, 10**7),
                    )
    ctx["performers"] = perfs
    for _ in range(n_cust):
        cc = pick_cc(r, WESTERN_CC)
        c = w.new_person("adult_customer", cc, gender="m" if r.random() < 0.95 else "f", age=(24, 72))
        if cc == "AU" and r.random() < 0.85:
            c.au = w.account(c, AU)
            for _ in range(r.randint(3, 15)):
                w.card(
                    c,
                    w.at(c, r.randrange(DAYS), "any"),
                    lognorm(r, 45, 0.8),
                    r.choice(("grocery", "fuel", "food", "streaming")),
                )
            for _ in range(r.randint(0, 6)):
                w.card(
                    c,
                    w.at(c, r.randrange(DAYS), "night"),
                    r.choice((20, 30, 50, 100)),
                    r.choice(("camsite", "camsite", "vpn", "dating")),
                )
        kp = wpick(r, (1, 2, 3, 4), (55, 27, 12, 6))
        mine = r.sample(perfs, min(kp, len(perfs)))
        k_total = wpick(r, (1, 2, 4, 8, 15, 30, 50), (15, 18, 20, 18, 14, 10, 5))
        start = r.randrange(0, DAYS - 30)
        span = r.randrange(20, DAYS - start)
        med = lognorm(r, 50, 0.4)
        night = r.random() < 0.7
        for _i in range(k_total):
            pf = r.choice(mine)
            ra = recv_acct(w, pf, r.choice(((WA, WB, RA, RB, BK), (RA, WA, WB, RB, BK))))
            d = start + r.randrange(span)
            amt = w.local_amount(lognorm(r, med, 0.4), c.cur, d, r.random() < 0.8)
            t2 = w.intl(
                c, ra, w.at(c, d, "night" if night else "any"), amt, r.choice(X.REF_ADULT), spread=True
            )
            onward(w, pf, ra, t2, w.to_php(amt, c.cur, d), quick=True)
        if r.random() < 0.45:
            for pf in mine[:2]:
                w.chat(
                    c,
                    pf,
                    w.at(c, start + r.randrange(span), "night"),
                    r.sample(X.ADULT_CHAT, r.randint(4, 8)),
                )
    for p in perfs:
        ordinary_activity(w, p, k=r.randint(3, 12))


# ------------------------------------------------------------------ travellers and partners
def travellers(w, n, ctx):
    r = w.r
    out = []
    for _ in range(n):
        cc = pick_cc(r, WESTERN_CC)
        tr = w.new_person("traveller", cc, gender="m" if r.random() < 0.88 else "f", age=(30, 72))
        out.append(tr)
        if cc == "AU" and r.random() < 0.85:
            tr.au = w.account(tr, AU)
        partners = [
            w.new_person("traveller_partner", "PH", gender="f" if tr.gender == "m" else "m", age=(21, 42))
        ]
        if r.random() < 0.12:
            partners.append(w.new_person("traveller_partner", "PH", gender=partners[0].gender, age=(21, 40)))
        for pt in partners:
            open_ph(w, pt, {WA: 0.7, RA: 0.5, BK: 0.3, WB: 0.3, RB: 0.2}, 1, 2)
        # visits (card spend in PH on the foreign app)
        visits = sorted(r.sample(range(0, DAYS - 20), r.randint(1, 3)))
        if tr.au:
            for v in visits:
                w.card(tr, w.at(tr, v - r.randint(20, 60), "any"), lognorm(r, 700, 0.3), "airline")
                for _ in range(r.randint(3, 10)):
                    w.card(
                        tr,
                        w.at(tr, v + r.randrange(14), "any"),
                        lognorm(r, 90, 0.8),
                        r.choice(("hotel", "atm_ph", "atm_ph")),
                    )
            for _ in range(r.randint(4, 18)):
                w.card(
                    tr,
                    w.at(tr, r.randrange(DAYS), "any"),
                    lognorm(r, 50, 0.8),
                    r.choice(("grocery", "fuel", "food", "dating", "electronics")),
                )
        start = visits[0] + r.randrange(5, 20)
        switch = start + r.randrange(60, 300) if len(partners) > 1 else DAYS
        per_month = r.uniform(0.8, 5)
        nights = r.random() < 0.35
        med = lognorm(r, 120, 0.4)
        d = start
        mom = None
        if r.random() < 0.2:
            mom = w.new_person(
                "family_recipient",
                "PH",
                gender="f",
                age=(45, 70),
                last=partners[0].last,
                city=next(x for x in N.PH_PLACES if x[0] == partners[0].city),
            )
            open_ph(w, mom, {RA: 0.6, WA: 0.5}, 1, 1)
        while d < DAYS:
            d += max(1, int(r.expovariate(per_month / 30.0)))
            if d >= DAYS:
                break
            pt = partners[0] if d < switch else partners[-1]
            tgt = mom if (mom and r.random() < 0.15) else pt
            ra = recv_acct(w, tgt, r.choice(((WA, RA, BK, WB, RB), (RA, WA, BK, WB, RB))))
            amt = w.local_amount(lognorm(r, med, 0.5), tr.cur, d, r.random() < 0.7)
            t2 = w.intl(
                tr,
                ra,
                w.at(tr, d, "night" if nights and r.random() < 0.6 else "any"),
                amt,
                r.choice(X.REF_TRAVEL) if tgt is pt else "for Nanay",
            )
            onward(w, tgt, ra, t2, w.to_php(amt, tr.cur, d), quick=r.random() < 0.5)
        if r.random() < 0.6:
            for _ in range(r.randint(1, 4)):
                w.chat(
                    tr,
                    partners[0],
                    w.at(tr, start + r.randrange(max(1, DAYS - start)), "any"),
                    r.sample(X.TRAVEL_CHAT, r.randint(3, 6)),
                )
        for pt in partners:
            ordinary_activity(w, pt, k=r.randint(3, 12))
    ctx["travellers"] = out


# ------------------------------------------------------------------ romance scams
def romance(w, n_mules, n_victims, ctx):
    r = w.r
    mules = []
    for _ in range(n_mules):
        m = w.new_person("romance_mule", "PH", age=(20, 45))
        open_ph(w, m, {RA: 0.7, RB: 0.5, WA: 0.6, WB: 0.4, BK: 0.3}, 2, 4)
        if r.random() < 0.4:
            w.account(m, RA, dup_party=True)
        mules.append(m)
    bosses = [w.new_person("romance_mule", "PH", age=(25, 50)) for _ in range(max(1, n_mules // 5))]
    for b in bosses:
        open_ph(w, b, {BK: 0.7, WA: 0.6, WB: 0.4}, 1, 2)
    ctx["mules"] = mules
    for _ in range(n_victims):
        cc = pick_cc(r, WESTERN_CC)
        v = w.new_person("romance_victim", cc, gender="f" if r.random() < 0.45 else "m", age=(50, 79))
        if cc == "AU" and r.random() < 0.85:
            v.au = w.account(v, AU)
            for _ in range(r.randint(4, 15)):
                w.card(
                    v,
                    w.at(v, r.randrange(DAYS), "day"),
                    lognorm(r, 60, 0.7),
                    r.choice(("grocery", "fuel", "food")),
                )
        my = r.sample(mules, min(len(mules), wpick(r, (1, 2, 3), (60, 30, 10))))
        k = r.randint(3, 15)
        start = r.randrange(0, DAYS - 40)
        span = r.randrange(30, min(200, DAYS - start))
        base = lognorm(r, 250, 0.5)
        days = sorted(start + r.randrange(span) for _ in range(k))
        for i, d in enumerate(days):
            m = my[min(len(my) - 1, i * len(my) // k)]
            ra = r.choice(w.accounts_of(m))
            usd = min(8000, base * (1 + 3.0 * i / k) * r.uniform(0.8, 1.2))
            amt = w.local_amount(usd, v.cur, d, r.random() < 0.6)
            t2 = w.intl(
                v, ra, w.at(v, d, r.choice(("day", "any", "eve"))), amt, r.choice(X.REF_ROMANCE), spread=True
            )
            php = w.to_php(amt, v.cur, d)
            if w.acct_src[ra] in (WA, WB, BK):
                w.cashout(ra, t2 + r.randrange(600, 5 * 3600), php * r.uniform(0.3, 0.6))
            sa = spend_acct(w, m)
            b = r.choice(bosses)
            if sa:
                w.dom(
                    sa,
                    recv_acct(w, b, (BK, WA, WB)),
                    t2 + r.randrange(3600, 86400),
                    php * r.uniform(0.4, 0.8),
                    ref="",
                )
        if r.random() < 0.5:
            w.chat(v, my[0], w.at(v, start, "any"), r.sample(X.ROMANCE_CHAT, r.randint(4, 8)))
    for m in mules + bosses:
        ordinary_activity(w, m, k=r.randint(2, 8))


# ------------------------------------------------------------------ charities and child-sponsorship programmes
def charities(w, n_orgs, n_sponsors, ctx):
    r = w.r
    orgs = []
    for _ in range(n_orgs):
        o = w.new_org(
            "charity",
            "{} {}".format(
                r.choice(
                    ("Bahay", "Kalinga", "Tahanan", "Pag-asa", "Lingap", "Hope", "Bright Future", "Sagip")
                ),
                r.choice(
                    (
                        "Children's Foundation Inc.",
                        "Child Sponsorship Program",
                        "Youth Mission",
                        "Learning Center Foundation",
                    )
                ),
            ),
        )
        w.account(o, BK)
        w.account(o, WA, kind="merchant")
        orgs.append(o)
        staff = [
            w.new_person("ordinary", "PH", age=(22, 55), city=next(x for x in N.PH_PLACES if x[0] == o.city))
            for _ in range(r.randint(2, 6))
        ]
        for s in staff:
            open_ph(w, s, {BK: 0.6, WA: 0.6}, 1, 2)
            for m in range(18):
                w.dom(
                    o.accts[BK][0],
                    recv_acct(w, s, (BK, WA, WB)),
                    w.at(s, MONTH_START[m] + 14, "day"),
                    lognorm(r, 16000, 0.1),
                    ref="salary",
                )
    weights = [r.paretovariate(1.2) for _ in orgs]
    for _ in range(n_sponsors):
        cc = pick_cc(r, WESTERN_CC)
        s = w.new_person("charity_sponsor", cc, age=(28, 80))
        if cc == "AU" and r.random() < 0.85:
            s.au = w.account(s, AU)
            for _ in range(r.randint(3, 12)):
                w.card(
                    s,
                    w.at(s, r.randrange(DAYS), "any"),
                    lognorm(r, 50, 0.7),
                    r.choice(("grocery", "fuel", "food", "streaming")),
                )
        o = wpick(r, orgs, weights)
        ra = o.accts[BK][0]
        amt = w.local_amount(lognorm(r, 38, 0.2), s.cur, 0, True)
        ref = ref_fmt(r, r.choice(X.REF_SPONSOR))
        dom_ = r.randint(1, 27)
        for m in range(r.randrange(0, 12), 18):
            if r.random() < 0.05:
                continue
            d = MONTH_START[m] + dom_
            w.intl(s, ra, w.at(s, d, r.choice(("day", "any"))), amt, ref)
        if r.random() < 0.1:
            d = MONTH_START[11] + r.randrange(1, 20)
            w.intl(
                s,
                ra,
                w.at(s, d, "any"),
                w.local_amount(lognorm(r, 50, 0.3), s.cur, d, True),
                r.choice(("christmas gift", "birthday gift", "typhoon relief")),
            )
        if r.random() < 0.03:
            w.chat(s, o, w.at(s, r.randrange(DAYS), "day"), list(X.SPONSOR_CHAT))
    ctx["charities"] = orgs


# ------------------------------------------------------------------ students
def students(w, n, ctx):
    r = w.r
    schools = []
    for nm in (
        "St. Jude College",
        "Holy Cross University",
        "Visayas State Colleges",
        "Metro Tech Institute",
        "Our Lady of Fatima Academy",
        "Northern Luzon University",
        "Mindanao Polytechnic",
    ):
        s = w.new_org("organization", nm)
        w.account(s, BK)
        schools.append(s)
    for _ in range(n):
        st = w.new_person("student", "PH", age=(17, 23))
        open_ph(w, st, {WA: 0.8, BK: 0.5, WB: 0.4, RA: 0.2}, 1, 2)
        sch = r.choice(schools)
        cc = pick_cc(r, DIASPORA_CC)
        par = w.new_person("student_parent", cc, age=(40, 60), fil=True, last=st.last)
        if cc == "AU" and r.random() < 0.7:
            par.au = w.account(par, AU)
        ra = recv_acct(w, st, (WA, BK, WB, RA))
        base = lognorm(r, 150, 0.4)
        for m in range(r.randrange(0, 6), 18):
            d = MONTH_START[m] + r.randint(1, 26)
            tuition = m in (5, 7, 12, 17)
            usd = base * (4 if tuition else 1) * r.uniform(0.9, 1.1)
            amt = w.local_amount(usd, par.cur, d, True)
            t2 = w.intl(
                par,
                ra,
                w.at(par, d, "any"),
                amt,
                "tuition"
                if tuition
                else r.choice(("allowance", "school fees", "", "pang gastos", "boarding house", "books")),
            )
            sa = spend_acct(w, st)
            if tuition and sa:
                w.dom(
                    sa,
                    sch.accts[BK][0],
                    t2 + r.randrange(86400, 5 * 86400),
                    w.to_php(amt, par.cur, d) * 0.9,
                    ref=f"tuition {st.last}",
                )
            elif sa:
                w.cashout(
                    sa, t2 + r.randrange(3600, 4 * 86400), w.to_php(amt, par.cur, d) * r.uniform(0.2, 0.6)
                )
        ordinary_activity(w, st, k=r.randint(3, 12))
    # international students paying a school directly
    for _ in range(max(3, n // 20)):
        cc = r.choice(("US", "KR", "IN", "NG", "CA"))
        cc = cc if cc in ("US", "NG", "CA") else "US"
        fs = w.new_person("student", cc, age=(18, 26))
        sch = r.choice(schools)
        for m in (5, 7, 12, 17):
            d = MONTH_START[m] + r.randint(1, 20)
            w.intl(
                fs,
                sch.accts[BK][0],
                w.at(fs, d, "day"),
                w.local_amount(lognorm(r, 1800, 0.3), fs.cur, d, False),
                "tuition fee student no. 2023-%05d" % r.randrange(10**5),
            )


# ------------------------------------------------------------------ freelancers / virtual assistants
def freelancers(w, n, n_clients, ctx):
    r = w.r
    fl = []
    market = w.new_org("organization", "WorkHub Global Payouts", cc="US")
    for _ in range(n):
        f = w.new_person("freelancer", "PH", age=(21, 42))
        open_ph(w, f, {WA: 0.7, BK: 0.6, WB: 0.4}, 1, 2)
        fl.append(f)
        if r.random() < 0.4:
            ra = recv_acct(w, f, (BK, WA, WB))
            amt0 = lognorm(r, 250, 0.5)
            for wk in range(r.randrange(0, 40), DAYS // 7):
                if r.random() < 0.7:
                    w.intl(
                        market,
                        ra,
                        w.at(market, wk * 7 + 3, "day"),
                        round(amt0 * r.uniform(0.6, 1.4), 2),
                        "payout %d" % r.randrange(10**7, 10**8),
                    )
    for _ in range(n_clients):
        cc = pick_cc(r, WESTERN_CC)
        if r.random() < 0.5:
            c = w.new_org(
                "freelance_client",
                "{} {}".format(
                    r.choice(N.FOREIGN_SURNAMES),
                    r.choice(
                        (
                            "Digital Pty Ltd",
                            "Consulting LLC",
                            "Realty Group",
                            "E-commerce Ltd",
                            "Marketing Co",
                        )
                    ),
                ),
                cc=cc,
            )
            c.tz = r.choice((-5, -8, 0, 10)) if cc != "AU" else 10
        else:
            c = w.new_person("freelance_client", cc, age=(28, 65))
        if cc == "AU" and r.random() < 0.8:
            c.au = w.account(c, AU, kind="ewallet")
        for f in r.sample(fl, min(len(fl), wpick(r, (1, 2, 3, 5), (60, 25, 10, 5)))):
            ra = recv_acct(w, f, r.choice(((BK, WA, WB), (WA, WB, BK))))
            base = lognorm(r, 700, 0.5)
            step = r.choice((14, 30, 30, 7))
            d = r.randrange(0, 200)
            while d < DAYS:
                amt = w.local_amount(base * r.uniform(0.8, 1.2), c.cur, d, r.random() < 0.3)
                t2 = w.intl(c, ra, w.at(c, d, "day"), amt, ref_fmt(r, r.choice(X.REF_FREELANCE)))
                if r.random() < 0.4:
                    onward(w, f, ra, t2, w.to_php(amt, c.cur, d))
                d += step + r.randint(-2, 3)
            if r.random() < 0.08:
                w.chat(c, f, w.at(c, r.randrange(DAYS), "day"), list(X.FREELANCE_CHAT))
    for f in fl:
        ordinary_activity(w, f, k=r.randint(4, 14))


# ------------------------------------------------------------------ crypto P2P traders
def crypto_traders(w, n, ctx):
    r = w.r
    foreign = [
        w.new_person("crypto_counterparty", pick_cc(r, WESTERN_CC), age=(20, 50))
        for _ in range(max(5, n * 3))
    ]
    for _ in range(n):
        c = w.new_person("crypto_trader", "PH", age=(22, 45))
        open_ph(w, c, {WA: 0.9, WB: 0.8, BK: 0.6}, 2, 3)
        mine = w.accounts_of(c, (WA, WB, BK))
        cities = list(w.city_spend)
        for _ in range(r.randint(40, 250)):
            pool = w.city_spend[r.choice(cities)]
            b = r.choice(pool)
            a = r.choice(mine)
            t = w.at(c, r.randrange(DAYS), r.choice(("any", "any", "night")))
            amt = r.choice((1000, 2000, 3000, 5000, 5000, 10000, 15000, 20000, 50000)) * (
                1 if r.random() < 0.7 else r.uniform(0.9, 1.1)
            )
            if r.random() < 0.55:
                w.dom(b, a, t, amt, ref=ref_fmt(r, r.choice(X.REF_P2P)))
            else:
                w.dom(a, b, t, amt, ref=ref_fmt(r, r.choice(X.REF_P2P)))
        for _ in range(r.randint(0, 12)):
            f = r.choice(foreign)
            d = r.randrange(DAYS)
            w.intl(
                f,
                r.choice(mine),
                w.at(f, d, "any"),
                w.local_amount(lognorm(r, 150, 0.7), f.cur, d, True),
                ref_fmt(r, r.choice(X.REF_P2P)),
            )


# ------------------------------------------------------------------ churches and recruitment agencies
def churches_agencies(w, n_church, n_agency, ctx):
    r = w.r
    for _ in range(n_church):
        ch = w.new_org(
            "church",
            "{} {}".format(
                r.choice(
                    (
                        "Jesus Is Lord",
                        "Christ the King",
                        "Grace",
                        "Living Word",
                        "San Roque",
                        "Victory",
                        "New Life",
                    )
                ),
                r.choice(("Fellowship", "Parish", "Christian Church", "Ministries")),
            ),
        )
        w.account(ch, BK)
        w.account(ch, WA, kind="merchant")
        pool = w.city_spend.get(ch.city) or []
        for _ in range(r.randint(20, 150)):
            if pool:
                w.dom(
                    r.choice(pool),
                    ch.accts[WA][0] if r.random() < 0.6 else ch.accts[BK][0],
                    w.at(ch, 7 * r.randrange(DAYS // 7) + 1, "day"),
                    r.choice((100, 200, 500, 1000, 2000)),
                    ref=r.choice(X.REF_CHURCH),
                )
        for s in r.sample(ctx["diaspora"], min(len(ctx["diaspora"]), r.randint(2, 15))):
            for m in range(r.randrange(0, 12), 18, r.choice((1, 3))):
                d = MONTH_START[m] + r.randint(1, 26)
                w.intl(
                    s,
                    ch.accts[BK][0],
                    w.at(s, d, "day"),
                    w.local_amount(lognorm(r, 40, 0.4), s.cur, d, True),
                    r.choice(X.REF_CHURCH),
                )
    applicants = [p for p in ctx["ordinary"] if w.accounts_of(p, (BK, WA, WB))]
    for _ in range(n_agency):
        ag = w.new_org(
            "recruitment_agency",
            "{} Overseas Placement Agency Inc.".format(
                r.choice(("Global", "Maharlika", "Silangan", "Asia Pacific", "Middle East", "Golden Bridge"))
            ),
        )
        w.account(ag, BK)
        emp = w.new_org(
            "organization",
            "{} Employment Co".format(r.choice(("Al Noor", "Gulf Star", "Desert Rose", "Harbour"))),
            cc=r.choice(("SA", "AE", "QA")),
        )
        for a in r.sample(applicants, min(len(applicants), r.randint(20, 80))):
            for _ in range(r.randint(1, 3)):
                w.dom(
                    r.choice(w.accounts_of(a, (BK, WA, WB))),
                    ag.accts[BK][0],
                    w.at(a, r.randrange(DAYS), "day"),
                    r.choice((1500, 3000, 5000, 8000, 12000, 20000)),
                    ref=r.choice(X.REF_RECRUIT),
                )
        for m in range(0, 18, 2):
            d = MONTH_START[m] + r.randint(1, 25)
            w.intl(
                emp,
                ag.accts[BK][0],
                w.at(emp, d, "day"),
                w.local_amount(lognorm(r, 6000, 0.5), emp.cur, d, True),
                "recruitment fee batch %d" % r.randrange(100, 999),
            )


# ------------------------------------------------------------------ teens abroad and their parents (look like sextortion victims)
def teens(w, n, ctx):
    r = w.r
    au_teens = []
    for _ in range(n):
        cc = wpick(r, ("AU", "US", "GB", "CA"), (55, 25, 10, 10))
        g = "m" if r.random() < 0.6 else "f"
        fil = r.random() < 0.15
        t0 = w.new_person("teen", cc, gender=g, age=(13, 17), fil=fil)
        if not fil:
            t0.first = r.choice(N.FOREIGN_TEEN_M if g == "m" else N.FOREIGN_TEEN_F)
        if cc == "AU":
            t0.au = w.account(t0, AU)
            au_teens.append(t0)
            par = w.new_person("parent", "AU", age=(35, 55), fil=fil, last=t0.last)
            par.au = w.account(par, AU)
            wk0 = r.randrange(0, 40)
            amt = r.choice((10, 15, 20, 25, 30, 50))
            for wk in range(wk0, DAYS // 7, r.choice((1, 1, 2))):
                if r.random() < 0.8:
                    w.au_p2p(
                        par,
                        t0,
                        w.at(par, wk * 7 + r.randint(4, 6), "eve"),
                        amt,
                        r.choice(("pocket money", "allowance", "chores", "", "lunch money")),
                    )
            for _ in range(r.randint(3, 12)):
                w.card(
                    par,
                    w.at(par, r.randrange(DAYS), "any"),
                    lognorm(r, 80, 0.7),
                    r.choice(("grocery", "fuel", "food", "electronics")),
                )
            for _ in range(r.randint(3, 25)):
                w.card(
                    t0,
                    w.at(t0, r.randrange(DAYS), r.choice(("eve", "any", "night"))),
                    lognorm(r, 15, 0.7),
                    r.choice(("games", "games", "giftcard", "food", "streaming")),
                )
            if r.random() < 0.2:  # a gift-card burst (game sale, birthday)
                d = r.randrange(DAYS)
                v = r.choice((10, 20, 25))
                for i in range(r.randint(2, 6)):
                    w.card(t0, w.at(t0, d + (i // 3), "eve"), v * (1 + 0.5 * i), "giftcard")
        if fil and r.random() < 0.5:  # a cousin in PH
            cz = w.new_person("family_recipient", "PH", age=(13, 22), last=t0.last)
            open_ph(w, cz, {WA: 0.8, WB: 0.4}, 1, 1)
            for _ in range(r.randint(1, 5)):
                d = r.randrange(DAYS)
                w.intl(
                    t0,
                    recv_acct(w, cz, (WA, WB)),
                    w.at(t0, d, "eve"),
                    w.local_amount(lognorm(r, 20, 0.5), t0.cur, d, True),
                    r.choice(("load", "gift", "bday", "")),
                )
            if r.random() < 0.3:
                w.chat(t0, cz, w.at(t0, r.randrange(DAYS), "eve"), r.sample(X.TEEN_CHAT, 4))
        if ctx.get("game_sellers") and r.random() < 0.22:  # buys game items from a PH seller: short bursts
            gs = r.choice(ctx["game_sellers"])
            ra = recv_acct(w, gs, (WA, WB, BK))
            for _ in range(r.randint(1, 2)):
                d = r.randrange(DAYS - 5)
                v = lognorm(r, 12, 0.5)
                for i in range(r.randint(1, 5)):
                    t = w.at(t0, d + r.randint(0, 2), r.choice(("eve", "night")))
                    amt = w.local_amount(v * (1 + 0.4 * i), t0.cur, d, True)
                    if t0.au and r.random() < 0.4:
                        w.T(
                            AU,
                            t,
                            amt,
                            t0.cur,
                            t0.au,
                            ra,
                            "gift_card",
                            "AU",
                            "PH",
                            r.choice(X.REF_TEEN),
                            "",
                            "",
                            "",
                            w.typed_name(ra, 0.3),
                            "",
                            "",
                        )
                        t0.n_pay += 1
                    else:
                        w.intl(t0, ra, t, amt, r.choice(X.REF_TEEN))
            if r.random() < 0.5:
                w.chat(t0, gs, w.at(t0, r.randrange(DAYS), "night"), r.sample(X.GAME_CHAT, r.randint(4, 8)))
    for t0 in au_teens:
        friends = r.sample(au_teens, min(len(au_teens), r.randint(0, 3)))
        for f in friends:
            if f is t0:
                continue
            for _ in range(r.randint(1, 4)):
                w.au_p2p(
                    t0,
                    f,
                    w.at(t0, r.randrange(DAYS), "eve"),
                    r.choice((5, 10, 15, 20, 30)),
                    r.choice(X.REF_TEEN),
                )
            if r.random() < 0.15:
                w.chat(t0, f, w.at(t0, r.randrange(DAYS), "eve"), r.sample(X.TEEN_CHAT, 4))
    ctx["au_teens"] = au_teens


def au_ordinary(w, n, ctx):
    r = w.r
    people = []
    for _ in range(n):
        p = w.new_person("ordinary", "AU", age=(18, 80), fil=r.random() < 0.05)
        p.au = w.account(p, AU)
        people.append(p)
        for _ in range(r.randint(3, 20)):
            w.card(
                p,
                w.at(p, r.randrange(DAYS), "any"),
                lognorm(r, 45, 0.8),
                r.choice(("grocery", "grocery", "fuel", "food", "streaming", "electronics", "games")),
            )
        if r.random() < 0.05:
            w.card(p, w.at(p, r.randrange(DAYS), "any"), r.choice((10, 15)), "vpn")
    for p in people:
        if r.random() < 0.5:
            for _ in range(r.randint(1, 6)):
                q = r.choice(people)
                if q is not p:
                    w.au_p2p(
                        p,
                        q,
                        w.at(p, r.randrange(DAYS), "any"),
                        r.choice((10, 20, 25, 40, 50, 60, 100, 150)),
                        r.choice(("rent", "dinner", "", "bills", "footy tix", "thanks")),
                    )
        if r.random() < 0.06:  # transfers to other countries (receivers outside the bundle)
            other = w.new_person("ordinary", r.choice(("GB", "NZ", "US")), age=(20, 70))
            for _ in range(r.randint(1, 5)):
                w.T(
                    AU,
                    w.at(p, r.randrange(DAYS), "any"),
                    round(lognorm(r, 300, 0.6), 2),
                    "AUD",
                    p.au,
                    w.ext(other, "wire"),
                    "remittance",
                    "AU",
                    other.cc,
                    r.choice(("family", "", "gift")),
                    "",
                    "",
                    "",
                    w.typed_name(other, 0.3),
                    "",
                    "",
                )
