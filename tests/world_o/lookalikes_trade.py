"""Look-alikes who trade: online sellers and their overseas buyers, freelancers and clients,
game-item resellers and gamers, crypto traders, mobile-load resellers (invented), and online
English tutors with the parents who pay them (invented)."""

from __future__ import annotations

from . import clock, geo
from .behaviour import calls, cross_time, relation, window
from .rng import lognormal


def _n(w, share: float) -> int:
    return max(1, round(w.customers * share))


def build(w) -> None:
    r = w.rng("trade", "build")
    P = w.P
    pop = w.pop
    plat = w.platform
    # online sellers ---------------------------------------------------------------------------
    sellers = []
    for _ in range(_n(w, P.online_sellers)):
        s = pop.person(r, "online_seller", "PH", gender="f" if r.random() < 0.7 else "m", age=(20, 55))
        pop.ph_banking(r, s, p_wallet=0.97, p_remit=0.5, p_bank=0.4, p_p2p=0.35)
        if r.random() < 0.75:
            plat.join(r, s, real=True)
        s.extra["w"] = r.paretovariate(1.2)
        sellers.append(s)
    buyers = []
    for _ in range(_n(w, P.seller_customers)):
        b = pop.person(r, "seller_customer", geo.pick_country(r, geo.DIASPORA_MIX), age=(20, 65))
        pop.foreign_banking(r, b, p_remit=0.6, p_p2p=0.45)
        if r.random() < 0.35:
            plat.join(r, b)
        b.extra["ch"] = r.choices(["remittance", "ewallet", "bank_transfer"], weights=[50, 40, 10], k=1)[0]
        buyers.append(b)
    w.sellers, w.buyers = sellers, buyers
    # freelancers ------------------------------------------------------------------------------
    freel = []
    for _ in range(_n(w, P.freelancers)):
        f = pop.person(r, "freelancer", "PH", age=(20, 50))
        pop.ph_banking(r, f, p_wallet=0.9, p_remit=0.2, p_bank=0.5, p_p2p=0.8)
        if r.random() < 0.6:
            plat.join(r, f, real=True)
        freel.append(f)
    clients = []
    for _ in range(_n(w, P.freelance_clients)):
        if r.random() < 0.35:
            c = pop.org(
                r,
                "freelance_client",
                geo.pick_country(r, geo.WESTERN_MIX),
                f"{r.choice(['Brightpath', 'Nordic', 'Summit', 'Greenfield', 'Atlas', 'Beacon'])} {r.choice(['Media', 'Consulting', 'Ecom', 'Labs', 'Realty'])} {len(clients) + 1}",
            )
        else:
            c = pop.person(
                r,
                "freelance_client",
                geo.pick_country(r, geo.WESTERN_MIX),
                gender="m" if r.random() < 0.6 else "f",
                age=(28, 68),
            )
        pop.foreign_banking(r, c, p_remit=0.2, p_p2p=0.8)
        if c.kind == "person" and r.random() < 0.5:
            plat.join(r, c)
        clients.append(
            (c, r.sample(freel, k=min(len(freel), r.choices([1, 2, 3, 4], weights=[55, 25, 12, 8], k=1)[0])))
        )
    w.clients = clients
    # game resellers and gamers ------------------------------------------------------------------
    resellers = []
    for _ in range(_n(w, P.game_resellers)):
        g = pop.person(r, "game_reseller", "PH", gender="m" if r.random() < 0.7 else "f", age=(17, 32))
        pop.ph_banking(r, g, p_wallet=0.97, p_remit=0.3, p_bank=0.1, p_p2p=0.4, p_vasp=0.15)
        plat.join(r, g)
        resellers.append(g)
    gamers = []
    for _ in range(_n(w, P.gamers)):
        cc = geo.pick_country(r, {**geo.WESTERN_MIX, "JP": 5, "KR": 5, "SG": 3, "SA": 2})
        g = pop.person(r, "gamer", cc, gender="m" if r.random() < 0.75 else "f", age=(15, 34))
        pop.foreign_banking(r, g, p_remit=0.1, p_p2p=0.6)
        if r.random() < 0.6:
            plat.join(r, g)
        g.hours = clock.hour_profile(r, 0.6)  # gamers keep late hours
        gamers.append(g)
    w.resellers, w.gamers = resellers, gamers
    # crypto traders -------------------------------------------------------------------------------
    ct_abroad, ct_ph = [], []
    flat = [float(i + 1) for i in range(24)]
    for _ in range(_n(w, P.crypto_traders_abroad)):
        c = pop.person(
            r,
            "crypto_trader",
            geo.pick_country(r, {**geo.WESTERN_MIX, **{"SG": 4, "AE": 3, "KR": 4, "JP": 3, "HK": 3}}),
            gender="m" if r.random() < 0.8 else "f",
            age=(19, 60),
        )
        pop.foreign_banking(r, c, p_remit=0.1, p_p2p=0.4, external=r.random() < 0.2)
        c.hours = flat
        ct_abroad.append(c)
    for _ in range(_n(w, P.crypto_traders_ph)):
        c = pop.person(r, "crypto_trader", "PH", gender="m" if r.random() < 0.75 else "f", age=(19, 50))
        pop.ph_banking(r, c, p_wallet=0.95, p_remit=0.2, p_bank=0.5, p_p2p=0.3, p_vasp=1.0)
        c.hours = flat
        ct_ph.append(c)
    w.ct_abroad, w.ct_ph = ct_abroad, ct_ph
    # mobile-load resellers (invented look-alike) -----------------------------------------------
    loaders = []
    for _ in range(_n(w, P.load_resellers)):
        l = pop.person(r, "load_reseller", "PH", gender="f" if r.random() < 0.6 else "m", age=(20, 60))
        pop.ph_banking(r, l, p_wallet=1.0, p_remit=0.5, p_bank=0.2, p_p2p=0.3)
        l.extra["recv"] = "wallet-ph-b"
        loaders.append(l)
    w.loaders = loaders
    # online English tutors and parents abroad (invented look-alike) ------------------------------
    tutors = []
    for _ in range(_n(w, P.esl_tutors)):
        t = pop.person(r, "esl_tutor", "PH", gender="f" if r.random() < 0.85 else "m", age=(20, 45))
        pop.ph_banking(r, t, p_wallet=0.95, p_remit=0.3, p_bank=0.4, p_p2p=0.6)
        plat.join(r, t, real=r.random() < 0.8)
        tutors.append(t)
    parents = []
    for _ in range(_n(w, P.tutor_parents)):
        pa = pop.person(
            r,
            "tutor_parent",
            geo.pick_country(r, geo.ASIA_TUTOR_MIX),
            gender="f" if r.random() < 0.55 else "m",
            age=(30, 55),
        )
        pop.foreign_banking(r, pa, p_remit=0.3, p_p2p=0.6)
        if r.random() < 0.9:
            plat.join(r, pa)
        parents.append((pa, r.sample(tutors, k=min(len(tutors), 1 if r.random() < 0.8 else 2))))
    w.tutor_parents = parents


def run(w) -> None:
    P = w.P
    span = w.t1 - w.t0
    plat = w.platform
    # sellers: buyers order a few times; sellers hold live-selling sessions
    sw = [s.extra["w"] for s in w.sellers]
    for i, b in enumerate(w.buyers):
        r = w.rng("trade", "buyer", i)
        shops = {id(x): x for x in r.choices(w.sellers, weights=sw, k=r.randint(1, 3))}
        for s in shops.values():
            a, e = window(r, w, 0.1, 1.0, before_p=0.3)
            n = max(1, min(12, int(lognormal(r, w.P.k("trade.usd1", 2.5), 0.8))))
            relation(
                w,
                r,
                b,
                s,
                spec=("few", n, (e - a) / clock.DAY),
                start=a,
                end=e,
                usd=lognormal(r, w.P.k("trade.usd2", 35), 0.6),
                sigma=0.5,
                ref_kind="seller",
                p_blank=w.P.kp("trade.p_blank1", 0.6),
                channel=b.extra["ch"],
                chat_kind="seller",
                p_chat=P.p_lookalike_chat * 0.6,
            )
    for i, s in enumerate(w.sellers):
        r = w.rng("trade", "seller", i)
        if s.plat:
            fans = [b for b in w.buyers if b.plat and r.random() < 0.02]
            for base in range(int(r.uniform(5, 60))):
                t = cross_time(r, s, int(w.t0 + r.random() * span))
                host = plat.account(s, t)
                if host is None:
                    continue
                vs = [
                    (a, 0.0)
                    for a in (plat.account(b, t) for b in r.sample(fans, k=min(len(fans), r.randint(0, 12))))
                    if a
                ]
                plat.session(r, t, host, vs, False, r.uniform(30, 150))
        for base in range(r.randint(2, 20)):
            t = int(w.t0 + r.random() * span)
            w.money.cashout(r, t, s, lognormal(r, w.P.k("trade.usd3", 5000), 0.6))
    # freelancers
    for i, (c, fs) in enumerate(w.clients):
        r = w.rng("trade", "client", i)
        for f in fs:
            a, e = window(r, w, 0.2, 1.0, before_p=0.4)
            if r.random() < 0.5:
                spec = ("every", r.choice([7, 7, 14, 30.44]))
                usd = r.choice([80, 100, 120, 150, 200, 250, 300, 400, 500])
                sig = 0.02
            else:
                spec = ("poisson", r.uniform(0.5, 3))
                usd = lognormal(r, w.P.k("trade.usd4", 180), 0.8)
                sig = 0.7
            relation(
                w,
                r,
                c,
                f,
                spec=spec,
                start=a,
                end=e,
                usd=usd,
                sigma=sig,
                ref_kind="freelance",
                p_blank=w.P.kp("trade.p_blank2", 0.35),
                channel="ewallet",
                chat_kind="freelance",
                p_chat=P.p_lookalike_chat * 0.5,
                p_call=w.P.kp("trade.p_call3", 0.2),
                call_min=(15, 60),
                alt_channel="bank_transfer",
                p_alt=0.2,
            )
    # gamers
    for i, g in enumerate(w.gamers):
        r = w.rng("trade", "gamer", i)
        w.spend.habit(r, g, "games", r.uniform(0.5, 3))
        w.spend.habit(r, g, "giftcard", r.uniform(0.1, 0.8))
        if not w.resellers or r.random() < 0.3:
            continue
        for rs in r.sample(w.resellers, k=min(len(w.resellers), r.randint(1, 2))):
            for _ in range(r.randint(1, 3)):
                a = int(w.t0 + r.random() * span)
                ch = r.choices(
                    ["ewallet", "gift_card", "remittance", "crypto"], weights=[50, 30, 15, 5], k=1
                )[0]
                relation(
                    w,
                    r,
                    g,
                    rs,
                    spec=("burst", r.randint(1, 6), r.uniform(0.2, 5)),
                    start=a,
                    end=min(w.t1, a + 10 * clock.DAY),
                    usd=lognormal(r, w.P.k("trade.usd5", 20), 0.7),
                    sigma=0.6,
                    ref_kind="gamer",
                    p_blank=w.P.kp("trade.p_blank4", 0.5),
                    channel=ch,
                    chat_kind="gamer",
                    p_chat=P.p_lookalike_chat,
                    cross=False,
                )
    for i, rs in enumerate(w.resellers):
        r = w.rng("trade", "reseller", i)
        for _ in range(r.randint(0, 15)):
            w.money.cashout(
                r, int(w.t0 + r.random() * span), rs, lognormal(r, w.P.k("trade.usd6", 2500), 0.6)
            )
    # crypto: traders abroad send to PH traders, who pay out pesos to many wallets
    for i, c in enumerate(w.ct_abroad):
        r = w.rng("trade", "crypto", i)
        if not w.ct_ph:
            break
        peers = r.sample(w.ct_ph, k=min(len(w.ct_ph), r.randint(1, 4)))
        for base in range(max(1, int(lognormal(r, w.P.k("trade.usd7", 6), 0.8)))):
            t = cross_time(r, c, int(w.t0 + r.random() * span))
            w.money.crypto(r, t, c, r.choice(peers), lognormal(r, w.P.k("trade.usd8", 120), 0.9))
    for i, c in enumerate(w.ct_ph):
        r = w.rng("trade", "crypto_ph", i)
        pool = w.spend.ph_people
        for base in range(int(lognormal(r, w.P.k("trade.usd9", 15), 0.7))):
            t = int(w.t0 + r.random() * span)
            if pool:
                w.money.domestic(
                    r, t, c, r.choice(pool), lognormal(r, w.P.k("trade.usd10", 4000), 0.8), "p2p order"
                )
    # load resellers: many OFWs and buyers abroad buy tiny amounts of load
    senders = [s for fam in w.families for s in fam[0]] + w.buyers
    for i, l in enumerate(w.loaders):
        r = w.rng("trade", "loader", i)
        k = min(len(senders), int(lognormal(r, w.P.k("trade.usd11", 40), 0.7)))
        for s in r.sample(senders, k=k):
            a, e = window(r, w, 0.1, 1.0, before_p=0.3)
            relation(
                w,
                r,
                s,
                l,
                spec=("poisson", r.uniform(0.2, 2.0)),
                start=a,
                end=e,
                usd=lognormal(r, w.P.k("trade.usd12", 8), 0.5),
                sigma=0.4,
                ref_kind="load",
                p_blank=w.P.kp("trade.p_blank5", 0.5),
                channel=r.choice(["ewallet", "remittance"]),
            )
        for _ in range(int(lognormal(r, w.P.k("trade.usd13", 30), 0.5))):
            t = int(w.t0 + r.random() * span)
            b = w.spend.ph_billers[0]
            wal = w.money._open(l.accounts, t, ("wallet-ph-b",))
            if wal:
                w.money.raw(
                    t,
                    float(r.choice([1000, 2000, 3000, 5000])),
                    "PHP",
                    wal,
                    b.accounts[0],
                    "ewallet",
                    "load wholesale",
                )
    # ESL tutoring: lessons on video, paid in packages
    for i, (pa, ts) in enumerate(w.tutor_parents):
        r = w.rng("trade", "esl", i)
        for t in ts:
            a, e = window(r, w, 0.15, 1.0, before_p=0.4)
            relation(
                w,
                r,
                pa,
                t,
                spec=("every", r.uniform(14, 45)),
                start=a,
                end=e,
                usd=r.choice([25, 30, 40, 45, 50, 60, 75, 90, 120]),
                sigma=0.05,
                ref_kind="esl",
                p_blank=w.P.kp("trade.p_blank6", 0.5),
                channel=r.choices(["ewallet", "remittance", "bank_transfer"], weights=[60, 30, 10], k=1)[0],
                chat_kind="esl",
                p_chat=P.p_lookalike_chat,
                p_call=w.P.kp("trade.p_call7", 0.35),
                call_min=(25, 50),
            )
            calls(w, r, pa, t, r.uniform(2, 12), a, e, (25, 50), "esl", P.p_lookalike_chat * 0.5, host_b=0.95)
