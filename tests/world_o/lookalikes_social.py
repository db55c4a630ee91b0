"""Look-alikes on camera or asking for help: legal adult performers and their customers,
streamers and fans, church live-streams with overseas love offerings (invented), medical
fundraisers with one-off donors (invented), and romance scams with their mules."""

from __future__ import annotations

from . import geo
from .behaviour import cross_time, relation, window
from .clock import DAY
from .rng import lognormal


def _n(w, share: float) -> int:
    return max(1, round(w.customers * share))


def build(w) -> None:
    r = w.rng("social", "build")
    P = w.P
    pop = w.pop
    plat = w.platform
    # adult performers ---------------------------------------------------------------------------
    perf = []
    for _ in range(_n(w, P.adult_performers)):
        p = pop.person(r, "adult_performer", "PH", gender="f" if r.random() < 0.75 else "m", age=(21, 38))
        pop.ph_banking(r, p, p_wallet=0.95, p_remit=0.5, p_bank=0.3, p_p2p=0.6)
        plat.join(r, p, real=r.random() < 0.3)
        p.extra["w"] = r.paretovariate(1.1)
        perf.append(p)
    custs = []
    for _ in range(_n(w, P.adult_customers)):
        c = pop.person(
            r,
            "adult_customer",
            geo.pick_country(r, geo.WESTERN_MIX),
            gender="m" if r.random() < 0.9 else "f",
            age=(22, 72),
        )
        pop.foreign_banking(r, c, p_remit=0.3, p_p2p=0.4)
        c.vpn = r.random() < 0.25
        if r.random() < 0.85:
            plat.join(r, c)
        custs.append(c)
    camsite = pop.org(r, "organization", "NL", "LiveLoft Media")
    pop.open(r, camsite, "p2p-intl-k", "merchant")
    w.performers, w.adult_customers, w.camsite = perf, custs, camsite
    # streamers ---------------------------------------------------------------------------------
    streamers = []
    for _ in range(_n(w, P.streamers)):
        s = pop.person(r, "streamer", "PH", age=(16, 35))
        pop.ph_banking(r, s, p_wallet=0.95, p_remit=0.2, p_bank=0.2, p_p2p=0.4)
        plat.join(r, s, real=r.random() < 0.5)
        s.extra["w"] = r.paretovariate(1.0)
        streamers.append(s)
    fans = []
    for _ in range(_n(w, P.fans)):
        mix = geo.DIASPORA_MIX if r.random() < 0.4 else geo.WESTERN_MIX
        f = pop.person(r, "fan", geo.pick_country(r, mix), age=(14, 60))
        if r.random() < 0.4:
            pop.foreign_banking(r, f, p_remit=0.2, p_p2p=0.5)
        plat.join(r, f)
        fans.append(f)
    w.streamers, w.fans = streamers, fans
    # ministries and congregants abroad --------------------------------------------------------
    ministries = []
    for i in range(r.randint(3, 10)):
        m = pop.org(
            r,
            "ministry",
            "PH",
            f"{r.choice(['Living Word', 'Grace', 'Victory', 'New Life', 'Lighthouse', 'Harvest'])} {r.choice(['Fellowship', 'Church', 'Ministries', 'Chapel'])} {i + 1}",
        )
        pop.open(r, m, "bank-ph-a")
        pop.open(r, m, "wallet-ph-b")
        pop.open(r, m, "remit-ph-c")
        plat.join(r, m, real=True)
        m.extra["w"] = r.paretovariate(1.0)
        ministries.append(m)
    congs = []
    for _ in range(_n(w, P.congregants)):
        c = pop.person(r, "congregant", geo.pick_country(r, geo.DIASPORA_MIX), age=(25, 78))
        pop.foreign_banking(r, c, p_remit=0.7, p_p2p=0.3)
        if r.random() < 0.5:
            plat.join(r, c)
        congs.append(c)
    w.ministries, w.congregants = ministries, congs
    # medical fundraisers and donors ----------------------------------------------------------
    funds = []
    for _ in range(_n(w, P.medical_fundraisers)):
        f = pop.person(r, "medical_fundraiser", "PH", gender="f" if r.random() < 0.75 else "m", age=(22, 55))
        pop.ph_banking(r, f, p_wallet=0.97, p_remit=0.6, p_bank=0.2, p_p2p=0.2)
        if r.random() < 0.7:
            plat.join(r, f, real=True)
        funds.append(f)
    donors = []
    for _ in range(_n(w, P.donors)):
        mix = geo.DIASPORA_MIX if r.random() < 0.5 else geo.WESTERN_MIX
        d = pop.person(r, "donor", geo.pick_country(r, mix), age=(20, 80))
        pop.foreign_banking(r, d, p_remit=0.5, p_p2p=0.5)
        if r.random() < 0.3:
            plat.join(r, d)
        donors.append(d)
    w.fundraisers, w.donors = funds, donors
    # romance scams: victims abroad, mules and scammers -----------------------------------------
    scammers = []
    n_mules = _n(w, P.romance_mules)
    for i in range(max(1, n_mules // 4)):
        cc = "PH" if r.random() < 0.6 else "NG"
        s = pop.person(r, "romance_scammer", cc, age=(20, 45))
        if cc == "PH":
            pop.ph_banking(r, s, p_wallet=0.95, p_remit=0.3, p_bank=0.3, p_vasp=0.3)
        else:
            pop.open(r, s, "ext-bank")
            pop.open(r, s, "p2p-intl-k")
            s.extra["external"] = True
        for _ in range(r.randint(1, 3)):
            plat.join(r, s, real=False)
        for a in s.plat:
            if r.random() < 0.4:
                plat.ban(
                    a,
                    int(w.t0 + r.uniform(0.3, 1.0) * (w.t1 - w.t0)),
                    r.choice(["scam", "fake profile", "payment fraud"]),
                )
        scammers.append(s)
    mules = []
    for i in range(n_mules):
        m = pop.person(r, "romance_mule", "PH", gender="f" if r.random() < 0.6 else "m", age=(19, 55))
        pop.ph_banking(r, m, p_wallet=0.95, p_remit=0.7, p_bank=0.3, p_p2p=0.1)
        m.extra["boss"] = r.choice(scammers)
        mules.append(m)
    vict = []
    for _ in range(_n(w, P.romance_victims)):
        v = pop.person(
            r,
            "romance_victim",
            geo.pick_country(r, geo.WESTERN_MIX),
            gender="m" if r.random() < 0.55 else "f",
            age=(42, 82),
        )
        pop.foreign_banking(r, v, p_remit=0.6, p_p2p=0.3)
        if r.random() < 0.7:
            plat.join(r, v)
        v.extra["scammer"] = r.choice(scammers)
        vict.append(v)
    w.scammers, w.mules, w.romance_victims = scammers, mules, vict


def run(w) -> None:
    P = w.P
    plat = w.platform
    span = w.t1 - w.t0
    # adult performers: public shows, private shows, tokens, payouts, a few direct tips
    pw = [p.extra["w"] for p in w.performers]
    earnings = {id(p): 0.0 for p in w.performers}
    for i, c in enumerate(w.adult_customers):
        r = w.rng("social", "adult", i)
        favs = {id(x): x for x in r.choices(w.performers, weights=pw, k=r.randint(1, 3))}
        if c.acct("card"):
            w.spend.habit(r, c, "vidchat", r.uniform(0.5, 4))
            if r.random() < 0.4:
                w.spend.habit(r, c, "adultcam", r.uniform(0.3, 3))
            if c.vpn:
                w.spend.habit(r, c, "vpn", 1.0, usd=r.choice([4.99, 9.99, 11.95]))
            if r.random() < 0.25:
                w.spend.habit(r, c, "dating", 1.0)
        for p in favs.values():
            a, e = window(r, w, 0.05, 1.0, before_p=0.3)
            n = max(1, int(lognormal(r, w.P.k("social.usd1", 6), 1.0)))
            for k in range(n):
                t = cross_time(r, c, int(a + r.random() * max(1, e - a)))
                host = plat.account(p, t)
                va = plat.account(c, t)
                if host is None or va is None:
                    continue
                private = r.random() < 0.45
                paid = lognormal(r, 25 if private else 6, 0.7) if r.random() < 0.8 else 0.0
                earnings[id(p)] += paid * 0.5
                sid = plat.session(
                    r, t, host, [(va, paid)], private, r.uniform(5, 40) if private else r.uniform(10, 120)
                )
                if r.random() < P.p_lookalike_chat:
                    plat.chat(r, t - int(r.uniform(60, 3600)), va, host, "performer", r.randint(1, 5), sid)
            if r.random() < 0.3:
                relation(
                    w,
                    r,
                    c,
                    p,
                    spec=("few", r.randint(1, 4), r.uniform(5, 200)),
                    start=a,
                    end=e,
                    usd=lognormal(r, w.P.k("social.usd2", 40), 0.6),
                    sigma=0.5,
                    ref_kind="tip",
                    p_blank=w.P.kp("social.p_blank1", 0.55),
                    channel=r.choice(["ewallet", "remittance", "gift_card"]),
                    chat_kind="performer",
                    p_chat=P.p_lookalike_chat,
                    p_call=w.P.kp("social.p_call2", 0.4),
                    call_min=(5, 40),
                )
    for i, p in enumerate(w.performers):
        r = w.rng("social", "performer", i)
        # public shows with whoever is around (no payment), so hosts have many viewers
        for _ in range(int(r.uniform(10, 80))):
            t = int(w.t0 + r.random() * span)
            host = plat.account(p, t)
            if host is None:
                continue
            vs = []
            for c in r.sample(w.adult_customers, k=min(len(w.adult_customers), r.randint(0, 8))):
                va = plat.account(c, t)
                if va is not None:
                    vs.append((va, lognormal(r, w.P.k("social.usd3", 5), 0.7) if r.random() < 0.3 else 0.0))
            plat.session(r, t, host, vs, False, r.uniform(20, 180))
        t = w.t0 + int(r.uniform(5, 20)) * DAY + int(r.uniform(1, 11) * 3600)
        total = earnings[id(p)]
        n_out = max(1, int(span / (14 * DAY)))
        while t < w.t1 and total > 0:
            plat.payout(r, t, p, max(10.0, total / n_out * r.uniform(0.5, 1.5)))
            t += int(r.uniform(12, 18)) * DAY + int(r.uniform(-3, 3) * 3600)
        if r.random() < 0.5:  # another cam site pays out too
            cam = w.camsite.accounts[0]
            for base in range(r.randint(3, 40)):
                tt = int(w.t0 + r.random() * span)
                d = w.money._open(p.accounts, tt, ("p2p-intl-k", "wallet-ph-b"))
                if d is not None:
                    w.money.raw(
                        tt,
                        round(lognormal(r, w.P.k("social.usd4", 180), 0.7), 2),
                        "USD",
                        cam,
                        d,
                        "ewallet",
                        "payout",
                    )
        for _ in range(r.randint(2, 20)):
            w.money.cashout(
                r, int(w.t0 + r.random() * span), p, lognormal(r, w.P.k("social.usd5", 4000), 0.6)
            )
    # streamers and fans
    sw = [s.extra["w"] for s in w.streamers]
    follows: dict[int, list] = {}
    for i, f in enumerate(w.fans):
        r = w.rng("social", "fan", i)
        for s in r.choices(w.streamers, weights=sw, k=r.randint(1, 3)):
            follows.setdefault(id(s), []).append(f)
            if f.accounts and r.random() < 0.1:
                relation(
                    w,
                    r,
                    f,
                    s,
                    spec=("few", r.randint(1, 3), r.uniform(5, 120)),
                    start=w.t0,
                    end=w.t1,
                    usd=lognormal(r, w.P.k("social.usd6", 15), 0.7),
                    sigma=0.5,
                    ref_kind="streamer",
                    p_blank=w.P.kp("social.p_blank3", 0.5),
                    channel="ewallet",
                    chat_kind="streamer",
                    p_chat=P.p_lookalike_chat,
                )
    for i, s in enumerate(w.streamers):
        r = w.rng("social", "streamer", i)
        audience = follows.get(id(s), [])
        tips = 0.0
        for _ in range(int(r.uniform(20, 120))):
            t = int(w.t0 + r.random() * span)
            host = plat.account(s, t)
            if host is None:
                continue
            vs = []
            for f in r.sample(audience, k=min(len(audience), r.randint(0, 25))):
                va = plat.account(f, t)
                if va is not None:
                    tip = lognormal(r, w.P.k("social.usd7", 3), 0.8) if r.random() < 0.1 else 0.0
                    tips += tip
                    vs.append((va, tip))
            sid = plat.session(r, t, host, vs, False, r.uniform(30, 240))
            if vs and r.random() < 0.3:
                plat.chat(r, t + 300, vs[0][0], host, "streamer", r.randint(1, 3), sid)
        if tips > 5:
            for _ in range(max(1, int(tips // 50))):
                plat.payout(r, int(w.t0 + r.random() * span), s, max(5.0, tips / max(1, int(tips // 50))))
    # ministries
    mw = [m.extra["w"] for m in w.ministries]
    flock: dict[int, list] = {}
    for i, c in enumerate(w.congregants):
        r = w.rng("social", "congregant", i)
        m = r.choices(w.ministries, weights=mw, k=1)[0]
        flock.setdefault(id(m), []).append(c)
        a, e = window(r, w, 0.2, 1.0, before_p=0.6)
        spec = ("monthly", 5, 0.3) if r.random() < 0.4 else ("few", r.randint(1, 4), r.uniform(10, 300))
        relation(
            w,
            r,
            c,
            m,
            spec=spec,
            start=a,
            end=e,
            usd=lognormal(r, w.P.k("social.usd8", 30), 0.6),
            sigma=0.4,
            ref_kind="ministry",
            p_blank=w.P.kp("social.p_blank4", 0.45),
            channel=r.choice(["remittance", "ewallet", "remittance"]),
            chat_kind="ministry",
            p_chat=P.p_lookalike_chat * 0.3,
        )
    for i, m in enumerate(w.ministries):
        r = w.rng("social", "ministry", i)
        people = flock.get(id(m), [])
        t = w.t0 + int(r.uniform(0, 7)) * DAY
        while t < w.t1:
            host = plat.account(m, t)
            if host is not None:
                vs = [
                    (a, 0.0)
                    for a in (
                        plat.account(c, t) for c in r.sample(people, k=min(len(people), r.randint(0, 30)))
                    )
                    if a
                ]
                plat.session(r, t + 3600 * r.choice([1, 2, 9, 10, 11]), host, vs, False, r.uniform(60, 150))
            t += 7 * DAY
    # medical fundraisers: short campaigns, many one-off donors who never pay again
    for i, f in enumerate(w.fundraisers):
        r = w.rng("social", "fund", i)
        f.extra["camp"] = window(r, w, 0.04, 0.2, before_p=0.05)
    for i, d in enumerate(w.donors):
        r = w.rng("social", "donor", i)
        for f in r.sample(w.fundraisers, k=min(len(w.fundraisers), 1 if r.random() < 0.85 else 2)):
            a, e = f.extra["camp"]
            relation(
                w,
                r,
                d,
                f,
                spec=("few", 1 if r.random() < 0.75 else 2, (e - a) / DAY),
                start=a,
                end=e,
                usd=lognormal(r, w.P.k("social.usd9", 30), 0.7),
                sigma=0.3,
                ref_kind="fundraiser",
                p_blank=w.P.kp("social.p_blank5", 0.6),
                channel=r.choices(
                    ["remittance", "ewallet", "bank_transfer", "gift_card"], weights=[55, 30, 10, 5], k=1
                )[0],
                chat_kind="fundraiser",
                p_chat=P.p_lookalike_chat * 0.4,
            )
    for i, f in enumerate(w.fundraisers):
        r = w.rng("social", "fund2", i)
        a, e = f.extra["camp"]
        for _ in range(r.randint(1, 6)):
            t = int(a + r.random() * (e - a))
            host = plat.account(f, t)
            if host is not None:
                plat.session(r, t, host, [], False, r.uniform(10, 40))
        for _ in range(r.randint(1, 8)):
            w.money.cashout(
                r, int(a + r.random() * (e - a + 20 * DAY)), f, lognormal(r, w.P.k("social.usd10", 6000), 0.6)
            )
    # romance scams
    mules_of: dict[int, list] = {}
    for m in w.mules:
        mules_of.setdefault(id(m.extra["boss"]), []).append(m)
    for i, v in enumerate(w.romance_victims):
        r = w.rng("social", "romance", i)
        s = v.extra["scammer"]
        ms = mules_of.get(id(s)) or w.mules
        a, e = window(r, w, 0.1, 0.6, before_p=0.2)
        for k, m in enumerate(r.sample(ms, k=min(len(ms), r.randint(1, 4)))):
            relation(
                w,
                r,
                v,
                m,
                spec=("escalating", r.uniform(15, 40), r.uniform(3, 10)),
                start=a + k * int((e - a) / 4),
                end=e,
                usd=lognormal(r, w.P.k("social.usd11", 150), 0.6),
                sigma=0.5,
                ref_kind="romance",
                p_blank=w.P.kp("social.p_blank6", 0.35),
                channel=r.choice(["remittance", "remittance", "ewallet", "bank_transfer"]),
                grow=r.uniform(2, 6),
            )
        if v.plat and s.plat:
            sa = r.choice(s.plat)
            for base in range(r.randint(3, 30)):
                t = int(a + r.random() * (e - a))
                va = plat.account(v, t)
                if va is not None and sa.open_at(t):
                    plat.chat(r, t, va, sa, "romance", r.randint(2, 6))
    for i, m in enumerate(w.mules):
        r = w.rng("social", "mule", i)
        boss = m.extra["boss"]
        for base in range(r.randint(2, 15)):
            t = int(w.t0 + r.random() * span)
            if boss.country == "PH":
                w.money.domestic(r, t, m, boss, lognormal(r, w.P.k("social.usd12", 15000), 0.7), "")
            elif r.random() < 0.5:
                w.money.crypto(r, t, m, boss, lognormal(r, w.P.k("social.usd13", 300), 0.6))
            else:
                w.money.cashout(r, t, m, lognormal(r, w.P.k("social.usd14", 10000), 0.6))
