"""Builds every cohort of world I into a World."""

from . import vocab as V
from .cohorts import (
    Env,
    base_life,
    call,
    card,
    cash_out,
    convo,
    day_hour,
    lognorm,
    night_hour,
    ph_local_life,
    pick,
    roundish,
    send_xb,
    setup_na,
)
from .model import CVX, DAYS, HVC, KWL, NSB, PLB, PPR, at, fx_php


def rate(r, lo, hi):
    return lo + (hi - lo) * r.random()


def na_country(r, ca_share=0.16):
    return "CA" if r.random() < ca_share else "US"


def build(w):
    r = w.rng
    n = w.customers
    env = Env(w)
    cnt = {
        "offender_payer": max(6, int(n * rate(r, 0.001, 0.004))),
        "sextortion_victim": max(4, int(n * rate(r, 0.0005, 0.0014))),
        "gamer": int(n * rate(r, 0.012, 0.02)),
        "seller_customer": int(n * rate(r, 0.003, 0.006)),
        "adult_customer": int(n * rate(r, 0.006, 0.012)),
        "diaspora_remitter": int(n * rate(r, 0.03, 0.045)),
        "foreign_spouse": int(n * rate(r, 0.002, 0.004)),
        "traveller": int(n * rate(r, 0.006, 0.012)),
        "romance_victim": max(4, int(n * rate(r, 0.001, 0.002))),
        "charity_sponsor": int(n * rate(r, 0.008, 0.012)),
        "freelance_client": int(n * rate(r, 0.003, 0.005)),
        "crypto_trader": max(3, int(n * rate(r, 0.0006, 0.0012))),
    }
    # ---------- Philippine-side pools first
    for _ in range(max(10, n // 400)):
        s = w.person("merchant", "PH", age=(25, 65))
        s.tags.add("load_seller")
        w.account(s, KWL, "ewallet")
        env.load_sellers.append(s)
    for _ in range(max(50, n // 30)):
        p = w.person("ordinary", "PH", age=(18, 70))
        w.account(p, KWL, "ewallet")
        if r.random() < 0.3:
            w.account(p, PLB, "bank")
        env.ph_locals.append(p)
    for _ in range(max(4, n // 8000)):
        t = w.person("crypto_trader", "PH", age=(22, 45))
        w.account(t, CVX, "crypto")
        w.account(t, KWL, "ewallet")
        env.ph_traders.append(t)

    na_pool = []
    for _ in range(n - sum(cnt.values())):
        p = w.person("ordinary", na_country(r), age=(18, 80))
        setup_na(w, env, p)
        na_pool.append(p)

    def na(cohort, **kw):
        p = w.person(cohort, kw.pop("country", None) or na_country(r), **kw)
        setup_na(w, env, p)
        return p

    sellers = game_sellers(w, env, cnt)
    households = make_households(w, env, cnt["offender_payer"], sellers)
    offenders(w, env, cnt["offender_payer"], households, na)
    sextortion(w, env, cnt["sextortion_victim"], na, na_pool)
    gamers(w, env, cnt, sellers, households, na)
    adult(w, env, cnt["adult_customer"], na)
    diaspora(w, env, cnt["diaspora_remitter"], na)
    spouses(w, env, cnt["foreign_spouse"], na)
    travellers(w, env, cnt["traveller"], na)
    romance(w, env, cnt["romance_victim"], na)
    charity(w, env, cnt["charity_sponsor"], na)
    freelancers(w, env, cnt["freelance_client"], na)
    crypto_traders(w, env, cnt["crypto_trader"], na)
    seafarers(w, env, max(5, n // 350))
    streamers(w, env, max(4, n // 1500), na_pool)
    for p in na_pool:
        side = [
            ("vpn", 0.05, 6),
            ("dating", 0.05, 6),
            ("adult", 0.03, 5),
            ("gaming", 0.15, 8),
            ("air", 0.03, 2),
        ]
        base_life(w, env, p, side=side)
        if r.random() < 0.06:
            v = w.vid(p)
            f = pick(r, na_pool)
            fv = w.vid(f)
            for _ in range(r.randint(1, 6)):
                call(w, at(r.random() * DAYS, 12 + r.random() * 10, p.tz), fv, v, f, p, r.randint(2, 60))
            if r.random() < 0.3:
                convo(w, at(r.random() * DAYS, 15, p.tz), v, fv, V.CHAT_ORD, V.CHAT_ORD, r.randint(2, 6))
    for p in env.ph_locals:
        ph_local_life(w, env, p)
    return env


# ---------------------------------------------------------------- online sellers (PH), incl. game items
def game_sellers(w, env, cnt):
    r = w.rng
    out = []
    for _ in range(max(6, cnt["gamer"] // 14 + cnt["seller_customer"] // 20)):
        s = w.person("online_seller", "PH", age=(18, 45))
        s.tags.add("game_items" if r.random() < 0.7 else "crafts")
        w.account(s, KWL, "ewallet")
        if r.random() < 0.4:
            w.account(s, PLB, "bank")
        if r.random() < 0.5:
            w.vid(s)
        out.append(s)
    return out


# ---------------------------------------------------------------- facilitator households
def make_households(w, env, n_payers, sellers):
    r = w.rng
    hh = []
    for _ in range(max(3, int(n_payers / rate(r, 2.5, 5)))):
        net = w.new_net("hh")
        main = w.person("facilitator", "PH", gender="f" if r.random() < 0.8 else "m", age=(24, 52))
        members = [main]
        size = r.choices([1, 2, 3, 4, 5], [20, 30, 25, 15, 10])[0]
        for _k in range(size - 1):
            kind = r.choice(["partner", "grandparent", "older_child", "inlaw", "neighbour", "sibling"])
            age = {"grandparent": (58, 78), "older_child": (18, 21)}.get(kind, (20, 55))
            last = (
                main.last if kind in ("grandparent", "older_child", "sibling") and r.random() < 0.8 else None
            )
            m = w.person("facilitator", "PH", age=age, last=last)
            if kind != "neighbour":
                m.address = main.address
                m.city = main.city
            if r.random() < 0.6:
                m.phone = main.phone
            m.device = main.device if r.random() < 0.7 else m.device
            m.ip = main.ip
            members.append(m)
        for m in members:
            m.role = "facilitator"
            m.nets = [net]
        collect = []
        for k in range(r.randint(2, 5)):
            holder = pick(r, members)
            user = pick(r, members[:2])
            src = KWL if r.random() < 0.7 else PLB
            aid = w.account(
                user, src, "ewallet" if src == KWL else "bank", key=("collect", k), party_person=holder
            )
            collect.append((user, aid))
        cx = None
        if r.random() < 0.35:
            u = members[0]
            cx = (u, w.ext(u, "bc1q", width=20), w.account(u, CVX, "crypto"))
        vids = [(m, w.vid(m)) for m in members[: r.randint(1, min(2, len(members)))]]
        h = {
            "net": net,
            "members": members,
            "collect": collect,
            "crypto": cx,
            "vids": vids,
            "cover": r.random() < 0.4,
            "w": 1.0,
        }
        if h["cover"]:
            main.tags.add("cover_business")
        hh.append(h)
    order = list(range(len(hh)))
    r.shuffle(order)
    for rank, i in enumerate(order):
        hh[i]["w"] = 1.0 / (rank + 1) ** 0.8
    for h in hh:  # local life and cover business
        for m in h["members"]:
            if (KWL, "ewallet") not in m.acc and r.random() < 0.5:
                w.account(m, KWL, "ewallet")
            ph_local_life(w, env, m, 0.6)
        if h["cover"]:
            u, acct = h["collect"][0]
            for _ in range(r.randint(10, 60)):
                buyer = pick(r, env.ph_locals)
                if (KWL, "ewallet") in buyer.acc:
                    w.txn(
                        KWL,
                        at(r.random() * DAYS, 8 + r.random() * 14, 8),
                        r.choice([50, 100, 150, 300, 500]),
                        "PHP",
                        buyer.acc[(KWL, "ewallet")],
                        acct,
                        r.choice(["ewallet", "load"]),
                        "PH",
                        "PH",
                        r.choice(["load", "diamonds", "", "regular load"]),
                    )
    return hh


def pay_household(w, env, p, h, ts, usd, ref, how, ext=None, session=False, chat=False):
    r = w.rng
    user, acct = pick(r, h["collect"])
    send_xb(w, env, p, user, acct, ts, usd, ref, how, inbound_ext=ext, cash=(0.75, 0.2, 6))
    if session:
        mine = w.vid(p)
        m, hv = pick(r, h["vids"])
        if r.random() < 0.5:
            st = ts + r.randint(120, 1500)
        else:
            st = ts - r.randint(900, 3600)
        paid = round(r.choice([5, 10, 20]), 2) if r.random() < 0.15 else None
        sid = call(w, st, hv, mine, m, p, r.randint(8, 45), True, paid)
        if chat:
            convo(
                w,
                min(st, ts) - r.randint(300, 1800),
                mine,
                hv,
                V.CHAT_OSEC_PAYER,
                V.CHAT_OSEC_FAC,
                r.randint(2, 6),
                sid if r.random() < 0.5 else "",
            )
    elif chat:
        m, hv = pick(r, h["vids"])
        v = w.vid(p)
        convo(w, ts - r.randint(300, 7200), v, hv, V.CHAT_OSEC_PAYER, V.CHAT_OSEC_FAC, r.randint(2, 5))


def offenders(w, env, n_payers, hh, na):
    r = w.rng
    weights = [h["w"] for h in hh]
    n_inb = max(2, int(n_payers * rate(r, 0.15, 0.3)))
    for i in range(n_payers + n_inb):
        inbound = i >= n_payers
        if inbound:
            p = w.person("offender_payer", na_country(r, 0.2), gender="m", age=(30, 75))
            ext = w.ext(p, r.choice(["RMTX-", "WRLD-", "XFER-"]), width=10)
            kind = r.choice(["regular", "few", "heavy", "careful"])
        else:
            p = na("offender_payer", gender="m" if r.random() < 0.95 else "f", age=(28, 75))
            ext = None
            kind = r.choices(["heavy", "careful", "few", "crypto", "regular"], [25, 20, 20, 12, 23])[0]
            if kind == "crypto" and (NSB, "card") not in p.acc:
                kind = "regular"
            side = [
                ("vpn", 0.45, 8),
                ("dating", 0.35, 6),
                ("adult", 0.3, 8),
                ("air", 0.12, 2),
                ("hotel", 0.1, 3),
                ("atm_ph", 0.08, 4),
                ("gaming", 0.15, 5),
                ("giftcard", 0.05, 2),
            ]
            base_life(w, env, p, side=side)
        p.role = "payer"
        nh = 1 if kind == "few" or r.random() > 0.17 else r.choice([2, 2, 3])
        mine = []
        while len(mine) < nh:
            h = r.choices(hh, weights)[0]
            if h not in mine:
                mine.append(h)
            if len(mine) >= len(hh):
                break
        p.nets = [h["net"] for h in mine]
        if nh > 1:
            p.tags.add("multi_household")
        sess = not inbound and r.random() < 0.45
        chat = not inbound and r.random() < 0.35
        npay = {
            "heavy": r.randint(25, 140),
            "careful": r.randint(8, 40),
            "few": r.randint(1, 4),
            "crypto": r.randint(5, 40),
            "regular": r.randint(8, 60),
        }[kind]
        span = r.randint(60, 360) if kind != "few" else r.randint(1, 60)
        start = r.random() * max(1, DAYS - span)
        med = lognorm(r, 55, 0.45)
        how_pref = "ext" if inbound else ("wire" if (NSB, "bank") in p.acc and r.random() < 0.35 else "app")
        if how_pref == "app" and (PPR, "ewallet") not in p.acc:
            how_pref = "wire"
        for k in range(npay):
            u = (k + r.random()) / npay
            if kind == "heavy":
                d = start + span * u**0.5
                usd = med * (0.6 + 2.2 * u) * (0.8 + 0.4 * r.random())
            else:
                d = start + span * u
                usd = med * (0.7 + 0.6 * r.random())
            hour = (
                day_hour(r)
                if kind == "careful"
                else (night_hour(r) if r.random() < 0.75 else 8 + 14 * r.random())
            )
            ts = at(d, hour, p.tz)
            usd = roundish(r, min(usd, 480), 0.75)
            if kind == "careful":
                ref = r.choice(
                    ["school fees", "allowance", "tuition", "school fees", "for school", "allowance"]
                )
            elif kind == "few":
                ref = "" if r.random() < 0.85 else pick(r, V.REF_OSEC)
            else:
                ref = "" if r.random() < 0.5 else pick(r, V.REF_OSEC)
            h = mine[0] if len(mine) == 1 or r.random() < 0.5 else pick(r, mine)
            if kind == "crypto" and h["crypto"]:
                crypto_pay(w, env, p, h, ts, usd)
                continue
            if kind == "crypto":
                kind = "regular"
            pay_household(
                w,
                env,
                p,
                h,
                ts,
                usd,
                ref,
                how_pref,
                ext,
                session=sess and r.random() < 0.6,
                chat=chat and r.random() < 0.5,
            )


def crypto_pay(w, env, p, h, ts, usd):
    r = w.rng
    mine = w.account(p, CVX, "crypto")
    w.txn(
        CVX,
        ts - r.randint(600, 7200),
        usd + 3,
        "USD",
        p.acc[(NSB, "card")],
        mine,
        "card",
        p.country,
        "",
        "buy BTC",
        vis="F",
    )
    u, addr, fac_cx = h["crypto"]
    chain = w.ids.make("0x", 16)
    w.txn(CVX, ts, usd, "USD", mine, addr, "crypto", p.country, "", "", chain=chain, vis="F")
    if r.random() < 0.6:  # facilitator deposits to the exchange and sells P2P for pesos
        t2 = ts + r.randint(3600, 86400)
        w.txn(
            CVX,
            t2,
            usd * 0.99,
            "USD",
            addr,
            fac_cx,
            "crypto",
            "",
            "PH",
            "",
            chain=w.ids.make("0x", 16),
            vis="F",
        )
        tr = pick(r, env.ph_traders)
        w.txn(
            CVX, t2 + 600, usd * 0.98, "USD", fac_cx, tr.acc[(CVX, "crypto")], "p2p", "PH", "PH", "", vis="F"
        )
        user, acct = h["collect"][0]
        if w.acct_src[acct] == KWL:
            w.txn(
                KWL,
                t2 + 900,
                round(usd * 0.97 * fx_php(0), 2),
                "PHP",
                tr.acc[(KWL, "ewallet")],
                acct,
                "ewallet",
                "PH",
                "PH",
                r.choice(["p2p", "", "usdt"]),
            )


# ---------------------------------------------------------------- sextortion
def sextortion(w, env, n_vic, na, na_pool):
    r = w.rng
    rings = []
    for _ in range(max(2, int(n_vic / rate(r, 3, 7)))):
        net = w.new_net("sx")
        cc = r.choices(["NG", "CI", "PH"], [55, 20, 25])[0]
        members = []
        for _ in range(r.randint(1, 3)):
            e = w.person("extortionist", cc, gender="m", age=(19, 32))
            e.role = "facilitator"
            e.nets = [net]
            e.acc[("vidx",)] = w.vid(e)
            if cc == "PH":
                w.account(e, KWL, "ewallet")
            else:
                mule = w.person("extortionist", "US", gender="m", age=(20, 30))  # fake-KYC app account abroad
                w.account(e, PPR, "ewallet", party_person=mule)
                w.people.pop()
                e.acc[("addr",)] = w.ext(e, "bc1q", width=20)
            e.acc[("gc",)] = w.ext(e, "GCRD-", width=12)
            members.append(e)
        rings.append((net, members, cc))
    for _ in range(n_vic):
        net, members, cc = pick(r, rings)
        v = w.person(
            "sextortion_victim", na_country(r), gender="m" if r.random() < 0.9 else "f", age=(14, 17)
        )
        v.role = "victim"
        v.nets = [net]
        vv = w.vid(v)
        parent = None
        if r.random() < 0.3:
            parent = w.person("ordinary", v.country, age=(38, 58), last=v.last)
            parent.address, parent.city = v.address, v.city
            setup_na(w, env, parent, app=True)
            base_life(w, env, parent)
            # the parent's app account, used by the teen in the burst: truth maps it to the teen
            pay_acct = parent.acc[(PPR, "ewallet")]
            w.acct_owner[pay_acct] = (parent.parties[PPR], v.idx)
            v.acc[(PPR, "ewallet")] = pay_acct
            v.tags.add("parent_account")
        else:
            setup_na(w, env, v, bank=r.random() < 0.35, app=True)
            base_life(w, env, v, rate=0.6, side=[("gaming", 0.7, 10)])
        e = pick(r, members)
        start = r.random() * (DAYS - 3)
        ts = at(start, 19 + r.random() * 5, v.tz)
        call(w, ts - r.randint(3600, 4 * 3600), vv, e.acc[("vidx",)], v, e, r.randint(2, 12))
        npay = r.choices([1, 2, 3, 4, 5, 6], [15, 25, 25, 15, 12, 8])[0]
        usd = r.choice([25, 50, 50, 100, 100, 150])
        for _k in range(npay):
            convo(
                w,
                ts - r.randint(300, 1800),
                e.acc[("vidx",)],
                vv,
                V.CHAT_SEX_OFF,
                V.CHAT_SEX_VIC,
                r.randint(2, 7),
                step=(15, 120),
            )
            how = r.choices(["app", "gift", "crypto"], [55, 30, 15])[0]
            ref = pick(r, V.REF_SEX)
            if how == "crypto" and (NSB, "card") in v.acc and ("addr",) in e.acc:
                mine = w.account(v, CVX, "crypto")
                w.txn(
                    CVX,
                    ts - 900,
                    usd + 4,
                    "USD",
                    v.acc[(NSB, "card")],
                    mine,
                    "card",
                    v.country,
                    "",
                    "buy BTC",
                    vis="F",
                )
                w.txn(
                    CVX,
                    ts,
                    usd,
                    "USD",
                    mine,
                    e.acc[("addr",)],
                    "crypto",
                    v.country,
                    "",
                    chain=w.ids.make("0x", 16),
                    vis="F",
                )
            elif how == "gift" or (KWL, "ewallet") not in e.acc and (PPR, "ewallet") not in e.acc:
                w.txn(
                    PPR,
                    ts,
                    usd,
                    "CAD" if v.country == "CA" else "USD",
                    v.acc[(PPR, "ewallet")],
                    e.acc[("gc",)],
                    "gift_card",
                    v.country,
                    "",
                    "gift card",
                    vis="F",
                    off=v.tz * 60,
                )
            elif (KWL, "ewallet") in e.acc:
                send_xb(w, env, v, e, e.acc[(KWL, "ewallet")], ts, usd, ref, "app", cash=(0.9, 0.1, 3))
            else:
                w.txn(
                    PPR,
                    ts,
                    usd,
                    "CAD" if v.country == "CA" else "USD",
                    v.acc[(PPR, "ewallet")],
                    e.acc[(PPR, "ewallet")],
                    "p2p",
                    v.country,
                    "US" if r.random() < 0.5 else "",
                    ref,
                    vis="F",
                    off=v.tz * 60,
                )
            ts += r.randint(600, 8 * 3600)
            usd = min(1000, roundish(r, usd * rate(r, 1.2, 2.2), 0.9))


# ---------------------------------------------------------------- look-alikes
def gamers(w, env, cnt, sellers, households, na):
    r = w.rng
    gsell = [s for s in sellers if "game_items" in s.tags] or sellers
    csell = [s for s in sellers if "crafts" in s.tags] or sellers
    covers = [h for h in households if h["cover"]]
    for _i in range(cnt["gamer"]):
        p = na("gamer", gender="m" if r.random() < 0.85 else "f", age=(16, 38))
        base_life(w, env, p, side=[("gaming", 0.9, 25), ("vpn", 0.15, 6), ("adult", 0.04, 3)])
        mine = [pick(r, gsell) for _ in range(r.choice([1, 1, 1, 2, 3]))]
        chat = r.random() < 0.35
        for _k in range(r.randint(1, 30)):
            s = pick(r, mine)
            ts = at(r.random() * DAYS, night_hour(r) if r.random() < 0.65 else 12 + r.random() * 9, p.tz)
            usd = roundish(r, lognorm(r, 18, 0.7), 0.7)
            ref = "" if r.random() < 0.35 else pick(r, V.REF_GAME)
            racct = pick(
                r, [a for (src, _k), a in s.acc.items() if src in (KWL, PLB)] or [s.acc[(KWL, "ewallet")]]
            )
            send_xb(w, env, p, s, racct, ts, usd, ref, "app", cash=(0.4, 1, 30))
            sv = s.acc.get((HVC, "platform"))
            if chat and sv:
                convo(
                    w,
                    ts - r.randint(120, 1800),
                    w.vid(p),
                    sv,
                    V.CHAT_GAME_BUY,
                    V.CHAT_GAME_SELL,
                    r.randint(2, 5),
                )
                if r.random() < 0.3:
                    call(w, ts + r.randint(60, 900), sv, w.vid(p), s, p, r.randint(10, 90))
        if covers and r.random() < 0.06:  # a cover business of a household also sells to real gamers
            h = pick(r, covers)
            user, acct = h["collect"][0]
            for _k in range(r.randint(1, 6)):
                ts = at(r.random() * DAYS, night_hour(r), p.tz)
                send_xb(
                    w, env, p, user, acct, ts, roundish(r, lognorm(r, 15, 0.6)), pick(r, V.REF_GAME), "app"
                )
    for _i in range(cnt["seller_customer"]):
        p = na("seller_customer", age=(25, 70))
        base_life(w, env, p)
        s = pick(r, csell)
        for _k in range(r.randint(1, 5)):
            ts = at(r.random() * DAYS, 9 + r.random() * 13, p.tz)
            send_xb(
                w,
                env,
                p,
                s,
                s.acc[(KWL, "ewallet")],
                ts,
                roundish(r, lognorm(r, 45, 0.6)),
                r.choice(["order", "dried mango", "pearls", "barong", "", "bag", "shipping"]),
                "app",
            )


def adult(w, env, n_cust, na):
    r = w.rng
    perf = []
    for _ in range(max(3, int(n_cust / rate(r, 8, 15)))):
        cc = r.choices(["PH", "CO", "US"], [70, 15, 15])[0]
        pf = w.person("adult_performer", cc, gender="f" if r.random() < 0.9 else "m", age=(19, 34))
        if cc == "PH":
            w.account(pf, KWL, "ewallet")
            if r.random() < 0.5:
                w.account(pf, PLB, "bank")
            if r.random() < 0.3:  # roommates or sister share the flat and wifi
                pf.tags.add("shared_flat")
        elif cc == "US":
            setup_na(w, env, pf, app=True)
        w.vid(pf)
        perf.append(pf)
    for _ in range(n_cust):
        p = na("adult_customer", gender="m", age=(25, 72))
        base_life(
            w, env, p, side=[("adult", 0.7, 12), ("vpn", 0.25, 6), ("dating", 0.3, 6), ("air", 0.04, 2)]
        )
        mine = [pick(r, perf) for _ in range(r.choice([1, 1, 2, 3]))]
        v = w.vid(p)
        chat = r.random() < 0.5
        for _k in range(r.randint(1, 40)):
            pf = pick(r, mine)
            pv = pf.acc[(HVC, "platform")]
            ts = at(r.random() * DAYS, night_hour(r) if r.random() < 0.7 else 12 + r.random() * 9, p.tz)
            paid = roundish(r, lognorm(r, 30, 0.6), 0.8)
            if r.random() < 0.6:
                sid = call(w, ts, pv, v, pf, p, r.randint(5, 40), r.random() < 0.7, paid)
                if chat and r.random() < 0.5:
                    convo(
                        w,
                        ts - r.randint(60, 900),
                        v,
                        pv,
                        V.CHAT_ADULT_CUST,
                        V.CHAT_ADULT_PERF,
                        r.randint(2, 5),
                        sid,
                    )
            elif pf.country == "PH" and r.random() < 0.7:  # off-platform by app
                racct = pf.acc.get((PLB, "bank")) if r.random() < 0.3 else None
                racct = racct or pf.acc[(KWL, "ewallet")]
                send_xb(
                    w,
                    env,
                    p,
                    pf,
                    racct,
                    ts,
                    paid,
                    pick(r, V.REF_ADULT) if r.random() < 0.6 else "",
                    "app",
                    cash=(0.5, 0.5, 24),
                )
                if r.random() < 0.7:
                    call(w, ts + r.randint(60, 600), pv, v, pf, p, r.randint(5, 40), True, None)
                if chat:
                    convo(
                        w,
                        ts - r.randint(60, 1200),
                        v,
                        pv,
                        V.CHAT_ADULT_CUST,
                        V.CHAT_ADULT_PERF,
                        r.randint(2, 5),
                    )
            elif pf.country == "US" and (PPR, "ewallet") in p.acc:
                w.txn(
                    PPR,
                    ts,
                    paid,
                    "USD",
                    p.acc[(PPR, "ewallet")],
                    pf.acc[(PPR, "ewallet")],
                    "p2p",
                    p.country,
                    "US",
                    pick(r, V.REF_ADULT),
                    vis="F",
                    off=p.tz * 60,
                )
    # group shows: public sessions with several viewers
    return perf


def family(w, main_last, size, shared_addr=True, inlaw_share=0.4):
    r = w.rng
    members = []
    base = w.person("family_recipient", "PH", gender="f", age=(40, 75), last=main_last)
    members.append(base)
    for _ in range(size - 1):
        last = main_last if r.random() > inlaw_share else None
        m = w.person("family_recipient", "PH", age=(16, 70), last=last)
        if shared_addr and r.random() < 0.6:
            m.address, m.city, m.ip = base.address, base.city, base.ip
            if r.random() < 0.4:
                m.device = base.device
        members.append(m)
    for m in members:
        if r.random() < 0.8:
            w.account(m, KWL, "ewallet")
        if r.random() < 0.35 or (KWL, "ewallet") not in m.acc:
            w.account(m, PLB, "bank")
        if r.random() < 0.25:
            m.cohort = "student"
    return members


def recv_acct(r, m):
    opts = [m.acc[k] for k in ((KWL, "ewallet"), (PLB, "bank")) if k in m.acc]
    return pick(r, opts)


def diaspora(w, env, n, na):
    r = w.rng
    for _i in range(n):
        inbound = r.random() < 0.25
        lastname = pick(r, V.PH_LAST)
        first = pick(r, V.PH_FIRST_F + V.PH_FIRST_M)
        if inbound:
            p = w.person("diaspora_remitter", na_country(r, 0.25), age=(25, 70), last=lastname, first=first)
            ext = w.ext(p, r.choice(["RMTX-", "WRLD-", "XFER-", "LBCX-"]), width=10)
        else:
            p = na("diaspora_remitter", age=(25, 70), last=lastname, first=first)
            base_life(
                w, env, p, side=[("air", 0.15, 2), ("hotel", 0.05, 2), ("gaming", 0.1, 4), ("vpn", 0.04, 2)]
            )
            ext = None
        fam = family(w, lastname, r.randint(1, 5))
        how = "ext" if inbound else ("wire" if (NSB, "bank") in p.acc and r.random() < 0.3 else "app")
        if how == "app" and (PPR, "ewallet") not in p.acc:
            how = "wire"
        monthly = r.random() < 0.7
        calls = not inbound and r.random() < 0.4
        chat = not inbound and r.random() < 0.3
        for m in fam:
            acct = recv_acct(r, m)
            k = r.randint(6, 14) if monthly else r.randint(1, 8)
            amt = lognorm(r, 120, 0.6)
            off = r.random() * 25
            for j in range(k):
                d = (off + j * 30.5 + r.random() * 4) if monthly else r.random() * DAYS
                if d >= DAYS:
                    break
                hour = night_hour(r) if r.random() < 0.35 else 7 + r.random() * 14
                ts = at(d, hour, p.tz)
                ref = "" if r.random() < 0.35 else pick(r, V.REF_DIASPORA)
                send_xb(
                    w,
                    env,
                    p,
                    m,
                    acct,
                    ts,
                    roundish(r, amt * (0.8 + 0.5 * r.random()), 0.8),
                    ref,
                    how,
                    inbound_ext=ext,
                    cash=(0.55, 0.3, 72),
                )
                if calls and r.random() < 0.5:
                    call(w, ts + r.randint(-3600, 1800), w.vid(m), w.vid(p), m, p, r.randint(5, 70), True)
                if chat and r.random() < 0.4:
                    convo(
                        w,
                        ts + r.randint(60, 3600),
                        w.vid(p),
                        w.vid(m),
                        V.CHAT_FAMILY_OUT,
                        V.CHAT_FAMILY_IN,
                        r.randint(2, 5),
                    )
        for m in fam:
            ph_local_life(w, env, m, 0.5)


def spouses(w, env, n, na):
    r = w.rng
    for _ in range(n):
        p = na("foreign_spouse", gender="m", age=(35, 75))
        base_life(
            w, env, p, side=[("air", 0.6, 3), ("hotel", 0.4, 4), ("atm_ph", 0.4, 6), ("dating", 0.1, 2)]
        )
        wife = w.person("family_recipient", "PH", gender="f", age=(22, 45))
        fam = [wife] + family(w, wife.last, r.randint(1, 3), inlaw_share=0.5)
        for m in fam:
            w.account(m, KWL, "ewallet") if r.random() < 0.7 else w.account(m, PLB, "bank")
        how = "wire" if (NSB, "bank") in p.acc and r.random() < 0.4 else "app"
        if how == "app" and (PPR, "ewallet") not in p.acc:
            how = "wire"
        for m in fam:
            acct = recv_acct(r, m)
            k = r.randint(4, 24) if m is wife else r.randint(1, 8)
            for _j in range(k):
                ts = at(r.random() * DAYS, night_hour(r) if r.random() < 0.5 else 8 + r.random() * 12, p.tz)
                usd = roundish(r, lognorm(r, 150 if m is wife else 80, 0.5), 0.8)
                ref = "" if r.random() < 0.4 else pick(r, V.REF_DIASPORA)
                send_xb(w, env, p, m, acct, ts, usd, ref, how, cash=(0.6, 0.2, 48))
                if m is wife and r.random() < 0.6:
                    call(
                        w,
                        ts + r.randint(-1800, 1800),
                        w.vid(wife),
                        w.vid(p),
                        wife,
                        p,
                        r.randint(10, 90),
                        True,
                    )
                if m is wife and r.random() < 0.3:
                    convo(
                        w,
                        ts - r.randint(60, 3600),
                        w.vid(p),
                        w.vid(wife),
                        V.CHAT_SPOUSE,
                        V.CHAT_FAMILY_IN,
                        r.randint(2, 6),
                    )


def travellers(w, env, n, na):
    r = w.rng
    for _ in range(n):
        p = na("traveller", gender="m" if r.random() < 0.7 else "f", age=(22, 70))
        base_life(
            w,
            env,
            p,
            side=[
                ("air", 1.0, 3),
                ("hotel", 0.9, 5),
                ("atm_ph", 0.7, 6),
                ("travel", 0.5, 2),
                ("dating", 0.1, 3),
            ],
        )
        for _ in range(r.randint(1, 3)):
            f = w.person("traveller_friend", "PH", age=(19, 45))
            w.account(f, KWL, "ewallet")
            ph_local_life(w, env, f, 0.5)
            for _j in range(r.randint(1, 8)):
                ts = at(r.random() * DAYS, 8 + r.random() * 16, p.tz)
                send_xb(
                    w,
                    env,
                    p,
                    f,
                    f.acc[(KWL, "ewallet")],
                    ts,
                    roundish(r, lognorm(r, 70, 0.7)),
                    ""
                    if r.random() < 0.5
                    else pick(
                        r, ["gift", "thanks", "for your mom", "bday gift", "help", "school fees", "hospital"]
                    ),
                    "app",
                )
                if r.random() < 0.3:
                    call(w, ts + r.randint(-3600, 3600), w.vid(f), w.vid(p), f, p, r.randint(5, 60), True)
                if r.random() < 0.2:
                    convo(w, ts - r.randint(60, 3600), w.vid(p), w.vid(f), V.CHAT_TRAVEL, V.CHAT_FAMILY_IN, 3)


def romance(w, env, n, na):
    r = w.rng
    mules = []
    for _ in range(max(2, n // 4)):
        cc = "PH" if r.random() < 0.7 else "NG"
        m = w.person("romance_mule", cc, age=(20, 40))
        if cc == "PH":
            w.account(m, KWL, "ewallet")
            if r.random() < 0.4:
                w.account(m, PLB, "bank")
        else:
            m.acc[("addr",)] = w.ext(m, "bc1q", width=20)
        w.vid(m)
        mules.append(m)
    for _ in range(n):
        p = na("romance_victim", gender="m" if r.random() < 0.6 else "f", age=(45, 80))
        base_life(w, env, p, side=[("dating", 0.8, 10), ("giftcard", 0.3, 4)])
        mine = [pick(r, mules) for _ in range(r.randint(1, 3))]
        start = r.random() * DAYS * 0.6
        k = r.randint(3, 30)
        for j in range(k):
            u = (j + r.random()) / k
            ts = at(
                start + (DAYS - start) * u, night_hour(r) if r.random() < 0.4 else 9 + r.random() * 12, p.tz
            )
            usd = roundish(r, lognorm(r, 80, 0.4) * (1 + 4 * u), 0.8)
            m = pick(r, mine)
            if m.country == "PH":
                send_xb(
                    w,
                    env,
                    p,
                    m,
                    recv_acct(r, m),
                    ts,
                    usd,
                    "" if r.random() < 0.4 else pick(r, V.REF_ROMANCE),
                    "wire" if (NSB, "bank") in p.acc and r.random() < 0.4 else "app",
                    cash=(0.85, 0.2, 8),
                )
            elif (NSB, "card") in p.acc:
                mineacct = w.account(p, CVX, "crypto")
                w.txn(
                    CVX,
                    ts - 1800,
                    usd + 5,
                    "USD",
                    p.acc[(NSB, "card")],
                    mineacct,
                    "card",
                    p.country,
                    "",
                    "buy BTC",
                    vis="F",
                )
                w.txn(
                    CVX,
                    ts,
                    usd,
                    "USD",
                    mineacct,
                    m.acc[("addr",)],
                    "crypto",
                    p.country,
                    "",
                    chain=w.ids.make("0x", 16),
                    vis="F",
                )
            if r.random() < 0.5:
                convo(
                    w,
                    ts - r.randint(600, 7200),
                    w.vid(p),
                    w.vid(m),
                    V.CHAT_ROM_VICTIM,
                    V.CHAT_ROM_SCAM,
                    r.randint(2, 6),
                )
            if r.random() < 0.15:
                call(w, ts - r.randint(600, 7200), w.vid(m), w.vid(p), m, p, r.randint(2, 15), True)


def charity(w, env, n, na):
    r = w.rng
    orgs = []
    for k in range(r.randint(3, 6)):
        o = w.org(
            "charity",
            "PH",
            f"{r.choice(['Bright', 'Hope', 'Bayanihan', 'Little Steps', 'Sinag'])} "
            f"{r.choice(['Foundation', 'Children Fund', 'Learning Center', 'Mission'])} {k + 1}",
        )
        w.account(o, PLB, "bank")
        if r.random() < 0.5:
            w.account(o, KWL, "ewallet")
        orgs.append(o)
    for _ in range(n):
        p = na("charity_sponsor", age=(25, 80))
        base_life(w, env, p)
        o = pick(r, orgs)
        amt = r.choice([25, 30, 35, 38, 40, 45, 50])
        dom = r.randint(1, 28)
        num = r.randint(1000, 9999)
        how = "wire" if (NSB, "bank") in p.acc and r.random() < 0.5 else "app"
        if how == "app" and (PPR, "ewallet") not in p.acc:
            how = "wire"
        for m in range(12 if r.random() < 0.7 else r.randint(1, 11)):
            ts = at(m * 30.5 + dom, 6 + r.random() * 16, p.tz)
            ref = r.choice(
                [f"sponsor #{num}", f"sponsorship {num}", "monthly sponsorship", "school supplies", ""]
            )
            send_xb(w, env, p, o, recv_acct(r, o), ts, amt, ref, how, cash=(0.0, 1, 2))
        if r.random() < 0.2:
            ts = at(r.random() * DAYS, 20, p.tz)
            send_xb(
                w,
                env,
                p,
                o,
                recv_acct(r, o),
                ts,
                r.choice([20, 50, 100]),
                r.choice(["bday gift", "xmas gift", "gift for sponsored student"]),
                how,
                cash=(0.0, 1, 2),
            )


def freelancers(w, env, n_clients, na):
    r = w.rng
    vas = []
    for _ in range(max(3, int(n_clients * rate(r, 1.2, 2.0)))):
        va = w.person("freelancer", "PH", age=(21, 45))
        w.account(va, KWL, "ewallet")
        if r.random() < 0.6:
            w.account(va, PLB, "bank")
        w.vid(va)
        ph_local_life(w, env, va, 0.7)
        vas.append(va)
    for _ in range(n_clients):
        p = na("freelance_client", age=(28, 65), country=na_country(r, 0.1))
        base_life(w, env, p, side=[("vpn", 0.2, 6)])
        for va in [pick(r, vas) for _ in range(r.choice([1, 1, 2, 3]))]:
            acct = recv_acct(r, va)
            period = r.choice([7, 14, 14, 30.5])
            rate_usd = lognorm(r, 6 * period * 4 if period < 30 else 700, 0.4)
            d0 = r.random() * 60
            inv = r.randint(100, 900)
            d = d0
            while d < DAYS:
                ts = at(d, 9 + r.random() * 8, p.tz)
                ref = r.choice(V.REF_VA).format(inv)
                inv += 1
                send_xb(
                    w,
                    env,
                    p,
                    va,
                    acct,
                    ts,
                    roundish(r, rate_usd, 0.5),
                    ref if r.random() < 0.7 else "",
                    "wire" if (NSB, "bank") in p.acc and r.random() < 0.3 else "app",
                    cash=(0.4, 2, 72),
                )
                if r.random() < 0.5:
                    call(
                        w,
                        at(d + r.random() * 3, 9 + r.random() * 8, p.tz),
                        w.vid(p),
                        w.vid(va),
                        p,
                        va,
                        r.randint(15, 60),
                        True,
                    )
                if r.random() < 0.3:
                    convo(w, ts + 600, w.vid(p), w.vid(va), V.CHAT_VA_CLIENT, V.CHAT_VA_VA, r.randint(2, 4))
                d += period


def crypto_traders(w, env, n, na):
    r = w.rng
    us = []
    for _ in range(n):
        p = na("crypto_trader", age=(20, 50), country=na_country(r, 0.2))
        w.account(p, CVX, "crypto")
        base_life(w, env, p)
        us.append(p)
    everyone = us + env.ph_traders
    for p in everyone:
        mine = p.acc[(CVX, "crypto")]
        for _ in range(r.randint(20, 120)):
            q = pick(r, everyone)
            if q is p:
                continue
            ts = at(r.random() * DAYS, r.random() * 24, p.tz)
            usd = roundish(r, lognorm(r, 150, 0.9), 0.4)
            w.txn(
                CVX,
                ts,
                usd,
                "USD",
                mine,
                q.acc[(CVX, "crypto")],
                "p2p",
                p.country if r.random() > 0.2 else "",
                q.country if r.random() > 0.2 else "",
                "",
                vis="F",
            )
        if p.country == "PH":  # peso legs of P2P trades with local buyers
            for _ in range(r.randint(10, 60)):
                f = pick(r, env.ph_locals)
                if (KWL, "ewallet") in f.acc:
                    w.txn(
                        KWL,
                        at(r.random() * DAYS, 8 + r.random() * 16, 8),
                        roundish(r, lognorm(r, 3000, 0.8)),
                        "PHP",
                        f.acc[(KWL, "ewallet")],
                        p.acc[(KWL, "ewallet")],
                        "ewallet",
                        "PH",
                        "PH",
                        r.choice(["p2p", "", "usdt", "payment"]),
                    )
        elif (NSB, "bank") in p.acc:
            for _ in range(r.randint(3, 20)):
                w.txn(
                    CVX,
                    at(r.random() * DAYS, 12, p.tz),
                    roundish(r, lognorm(r, 800, 0.6)),
                    "USD",
                    p.acc[(NSB, "bank")],
                    mine,
                    r.choice(["ach", "bank_transfer"]),
                    "US",
                    "",
                    "deposit",
                    vis="F",
                )


def seafarers(w, env, n):
    r = w.rng
    for _ in range(n):
        s = w.person("seafarer", "PH", gender="m", age=(22, 58))
        acct = w.account(s, PLB, "bank")
        fam = family(w, s.last, r.randint(1, 4))
        for m in range(12):
            if r.random() < 0.15:
                continue
            ts = at(m * 30.5 + 5 + r.random() * 3, 14 + r.random() * 6, 8)
            sal = round(lognorm(r, 1800, 0.3), 2)
            w.txn(
                PLB,
                ts,
                round(sal * fx_php(m * 30), 2),
                "PHP",
                pick(r, env.manning),
                acct,
                "remittance",
                "",
                "PH",
                "ALLOTMENT",
                vis="B",
            )
            for f in fam:
                fa = recv_acct(r, f)
                amt = round(sal * fx_php(m * 30) * rate(r, 0.1, 0.3), -2)
                if w.acct_src[fa] == PLB:
                    w.txn(
                        PLB,
                        ts + r.randint(3600, 86400 * 3),
                        amt,
                        "PHP",
                        acct,
                        fa,
                        r.choice(["INSTAPAY", "bank_transfer"]),
                        "PH",
                        "PH",
                        r.choice(["allowance", "", "padala"]),
                    )
                else:
                    w.txn(
                        KWL,
                        ts + r.randint(3600, 86400 * 3),
                        amt,
                        "PHP",
                        acct,
                        fa,
                        r.choice(["ewallet", "INSTAPAY"]),
                        "PH",
                        "PH",
                        r.choice(["allowance", "", "padala", "tuition"]),
                    )
                    cash_out(w, env, f, fa, ts + 86400 * 3, amt, 0.5, 1, 72)


def streamers(w, env, n, na_pool):
    r = w.rng
    for _ in range(n):
        cc = r.choice(["PH", "PH", "US"])
        s = w.person("streamer", cc, age=(17, 35))
        if cc == "PH":
            w.account(s, KWL, "ewallet")
        hv = w.vid(s)
        fans = [pick(r, na_pool) for _ in range(r.randint(5, 40))]
        for _ in range(r.randint(5, 40)):
            ts = at(r.random() * DAYS, 18 + r.random() * 6, s.tz)
            sid = w.ids.make("S", 12)
            for f in r.sample(fans, min(len(fans), r.randint(2, 12))):
                paid = r.choice([None, None, None, 1, 2, 5])
                w.session(ts, r.randint(30, 180), hv, w.vid(f), s, f, False, paid, sid=sid)


def card_only(w, env, p, group, usd, ts):
    card(w, env, p, ts, group, usd)
