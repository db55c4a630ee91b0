"""Legitimate cohorts of world L that look like the offending side on one feature or another.

Each cohort talks about money with the same innocuous words (through its own voice), and several
share offender features on purpose: night-time payments, round amounts, many foreign senders,
small repeated payments, older men paying young receivers, quick cash-outs, shared addresses and
devices, accounts under relatives' names, video calls right before or after a payment.
"""

from __future__ import annotations

import random

from .behaviour import DAY, amount, at, call, cash_out, chat, hour, nice, poisson, trip
from .population import ABROAD, DEMAND, OFW, USD_PER, Person, World, pick, vpn_ip

(
    S_DIA,
    S_STU,
    S_SELL,
    S_BUY,
    S_GAM,
    S_PERF,
    S_ACUST,
    S_ROM,
    S_MULE,
    S_CHAR,
    S_SPON,
    S_TRAV,
    S_FS,
    S_FL,
    S_CT,
    S_ORD,
) = range(21, 37)
S_MSG = 100
PACKS = (9.99, 19.99, 24.99, 49.99, 99.99, 199.99)


def years(w: World) -> float:
    return w.days / 365.0


def _abroad(w: World, rng: random.Random, cohort: str, table, age, male, mto, chat_p) -> Person:
    p = w.person(rng, cohort, pick(rng, table), age, male)
    p.lvl = rng.lognormvariate(0, 0.35)
    p.income = rng.lognormvariate(7.9, 0.4)
    p.night = rng.uniform(0.03, 0.2)
    w.abroad_accounts(rng, p, mto=mto, chat=chat_p)
    return p


def _ph(w: World, rng: random.Random, cohort: str, age, male, bank=0.3, chat_p=0.5) -> Person:
    p = w.person(rng, cohort, "PH", age, male)
    p.lvl = rng.lognormvariate(0, 0.35)
    p.night = rng.uniform(0.03, 0.2)
    w.ph_accounts(rng, p, wallet=1.0, bank=bank, chat=chat_p)
    if p.bank is not None and rng.random() < 0.6:
        p.income = rng.uniform(12000, 45000)
    return p


def recv_acct(p: Person):
    return p.wallet if p.wallet is not None else p.bank


def _channel(src) -> str:
    return "remittance" if src.inst.kind == "remittance" else "bank_transfer"


# ---------------------------------------------------------------------------------------------------------
# Diaspora families and students


class Family:
    pass


def build_diaspora(w: World, n_fam: int, n_students: int) -> list:
    P = w.params
    P.u("diaspora_seafarer_rate", 0.08, 0.2)
    P.u("diaspora_out_of_bundle_rate", 0.15, 0.35)
    P.u("diaspora_call_link_rate", 0.1, 0.4)
    P.u("diaspora_blank_reference_rate", 0.1, 0.35)
    jobs = []
    for i in range(n_fam + n_students):
        rng = w.sub(S_DIA if i < n_fam else S_STU, i)
        fam = Family()
        fam.rng = rng
        fam.mrng = w.sub(S_DIA + S_MSG, i)
        student = i >= n_fam
        if student:
            main = _ph(w, rng, "student", (17, 24), 0.45, bank=0.2, chat_p=0.9)
            main.night = rng.uniform(0.1, 0.35)
            fam.recipients = [main]
        else:
            main = _ph(w, rng, "family_recipient", (30, 68), 0.25, bank=0.3, chat_p=0.7)
            fam.recipients = [main]
            same = rng.random() < 0.8
            for _ in range(rng.choices((0, 1, 2, 3), (35, 35, 20, 10))[0]):
                r = w.relative(rng, main, "family_recipient", (17, 75), 0.45, same)
                r.lvl = rng.lognormvariate(0, 0.35)
                w.ph_accounts(rng, r, wallet=0.9, bank=0.2, chat=0.5)
                if same and rng.random() < 0.3:
                    r.dev = main.dev
                fam.recipients.append(r)
        fam.senders = []
        n_send = rng.choices((1, 2, 3), (60, 30, 10))[0] if not student else rng.choices((1, 2), (70, 30))[0]
        for _ in range(n_send):
            sea = not student and rng.random() < P.rates["diaspora_seafarer_rate"]["value"]
            age = (40, 60) if student else (24, 58)
            mto = 1.0 - P.rates["diaspora_out_of_bundle_rate"]["value"]
            s = _abroad(w, rng, "diaspora_remitter", OFW, age, 0.95 if sea else 0.5, mto, 0.85)
            if rng.random() < 0.6:
                s.surname = main.surname
                s.name = f"{s.given} {s.surname}"
            s.income = rng.uniform(600, 2600)
            s.night = rng.uniform(0.1, 0.35)
            s.extra["seafarer"] = sea
            if sea:
                s.traits.append("seafarer")
            s.extra["monthly"] = s.income * rng.uniform(0.15, 0.45) * (0.5 if student else 1.0)
            fam.senders.append(s)
        fam.student = student
        fam.tuition = student or rng.random() < 0.5
        jobs.append((run_family, fam))
    return jobs


def run_family(w: World, fam) -> None:
    rng, mrng = fam.rng, fam.mrng
    P = w.params.rates
    link = P["diaspora_call_link_rate"]["value"]
    blank = P["diaspora_blank_reference_rate"]["value"]
    txn = w.sink.txn
    voices = w.voices
    main = fam.recipients[0]
    voice = "student" if fam.student else "family"
    for s in fam.senders:
        src = s.wallet
        ch = _channel(src)
        on = [(0.0, float(w.days))]
        if s.extra["seafarer"]:
            on = []
            d = -rng.uniform(0, 200)
            while d < w.days:
                ln = rng.uniform(180, 280)
                on.append((d, d + ln))
                d += ln + rng.uniform(45, 120)
        payday = rng.uniform(0, 28)
        d = payday
        events = []
        while d < w.days:
            if any(a <= d < b for a, b in on):
                events.append((d + rng.uniform(-3, 3), s.extra["monthly"] * rng.uniform(0.85, 1.15), None))
            elif s.card is not None and rng.random() < 0.15:
                trip(w, s, rng, int(d), rng.randint(10, 40))
            d += 30.44
        dec = w.days_in_months((12,))
        for _ in range(poisson(rng, len(dec) * 0.05)):
            events.append(
                (rng.choice(dec), rng.uniform(80, 500), "gift" if rng.random() < 0.6 else "happy birthday")
            )
        school = w.days_in_months((6, 7, 8))
        if fam.tuition:
            for _ in range(poisson(rng, len(school) * 0.012)):
                events.append(
                    (
                        rng.choice(school),
                        rng.uniform(200, 900),
                        "school fees" if rng.random() < 0.6 else "tuition",
                    )
                )
        for _ in range(poisson(rng, rng.uniform(2, 10) * years(w))):
            events.append((rng.uniform(0, w.days), rng.uniform(5, 25), "load"))
        for _ in range(poisson(rng, 0.8 * years(w))):
            events.append((rng.uniform(0, w.days), rng.uniform(50, 300), "medicine"))
        for d, usd, ref in sorted(events, key=lambda e: e[0]):
            if d < 0:
                continue
            dest = main if rng.random() < 0.7 or len(fam.recipients) == 1 else rng.choice(fam.recipients[1:])
            acct = recv_acct(dest)
            t = at(w, s.tz, d, hour(rng, s.night))
            if ref is None:
                ref = voices.ref(voice, rng, blank)
            elif rng.random() < 0.3:
                ref = voices.ref(voice, rng, 0.2)
            txn(t, amount(rng, usd, src.cur, 0.8), src, acct, ch, ref)
            others = [r.wallet for r in fam.recipients if r is not dest and r.wallet is not None]
            cash_out(w, rng, acct, t, usd / USD_PER["PHP"], rng.choice(others) if others else None, 0.65)
            if fam.tuition and ref in ("school fees", "tuition") and rng.random() < 0.5:
                school = rng.choice(w.infra.schools)
                txn(
                    t + int(rng.uniform(1, 72) * 3600),
                    nice(usd / USD_PER["PHP"] * 0.8),
                    acct,
                    school,
                    "bank_transfer",
                    "tuition",
                )
            if s.chat is not None and dest.chat is not None and rng.random() < link:
                ts = t + int(rng.uniform(-90, 90) * 60)
                sid = call(w, dest.chat, s.chat, ts, rng.uniform(5, 60), s.ip, s.country)
                chat(
                    w,
                    mrng,
                    s.chat,
                    dest.chat,
                    ts - int(mrng.uniform(5, 60) * 60),
                    voice,
                    voice,
                    mrng.randint(1, 4),
                    sid if mrng.random() < 0.2 else "",
                )
        # calls and chats without payments
        if s.chat is not None:
            for _ in range(poisson(rng, rng.uniform(10, 40) * years(w))):
                dest = rng.choice(fam.recipients)
                if dest.chat is None:
                    continue
                ts = at(w, s.tz, rng.uniform(0, w.days), hour(rng, s.night + 0.1))
                call(w, dest.chat, s.chat, ts, rng.uniform(5, 70), s.ip, s.country)
                if mrng.random() < 0.5:
                    chat(w, mrng, dest.chat, s.chat, ts - 600, voice, voice, mrng.randint(1, 5))


# ---------------------------------------------------------------------------------------------------------
# Online sellers, their buyers, gamers


class Shop:
    pass


def build_shops(w: World, n_sellers: int, n_buyers: int, n_gamers: int, n_young: int) -> list:
    P = w.params
    game_share = P.u("seller_game_items_share", 0.2, 0.35)
    buyer_oob = P.u("buyer_out_of_bundle_rate", 0.25, 0.45)
    blank = P.u("buyer_blank_reference_rate", 0.2, 0.5)
    P.u("gamer_night_rate", 0.45, 0.8)
    sellers = []
    for i in range(n_sellers):
        rng = w.sub(S_SELL, i)
        s = _ph(w, rng, "online_seller", (20, 52), 0.4, bank=0.5, chat_p=0.85)
        s.extra["game"] = rng.random() < game_share
        s.extra["wallets"] = [s.wallet]
        if rng.random() < 0.3:
            rel = (rng.choice(("Lorna", "Jun", "Divina", "Rodel")), "f")
            party = w.party(rng, s, w.insts["ewallet"], nominee=rel) if rng.random() < 0.5 else True
            s.extra["wallets"].append(w.account(rng, s, "ewallet", "ewallet", party=party))
        sellers.append(s)
    game = [s for s in sellers if s.extra["game"]] or sellers[:1]
    goods = [s for s in sellers if not s.extra["game"]] or sellers[:1]
    jobs = []
    for i in range(n_buyers):
        rng = w.sub(S_BUY, i)
        b = _abroad(w, rng, "seller_customer", ABROAD, (20, 68), 0.45, 1.0 - buyer_oob, 0.5)
        b.night = rng.uniform(0.1, 0.4)
        shops = [rng.choice(goods)] + ([rng.choice(goods)] if rng.random() < 0.15 else [])
        n = rng.choices((1, 2, 3, 4, 8), (45, 20, 12, 8, 15))[0]
        jobs.append((run_buyer, (b, shops, n, blank, "shop", w.sub(S_BUY + S_MSG, i), rng)))
    for i in range(n_gamers + n_young):
        rng = w.sub(S_GAM, i)
        young = i >= n_gamers
        g = _abroad(
            w,
            rng,
            "young_gamer" if young else "gamer",
            ABROAD,
            (15, 19) if young else (19, 40),
            0.8,
            0.85,
            0.7,
        )
        g.night = P.rates["gamer_night_rate"]["value"] * rng.uniform(0.7, 1.2)
        g.lvl *= 0.4 if young else 1.0
        g.income = 0.0 if young else g.income
        g.vpn = rng.random() < 0.3
        if g.vpn:
            g.traits.append("vpn")
            g.extra["vpn_ip"] = vpn_ip(rng)
        shops = [rng.choice(game) for _ in range(rng.randint(1, 3))]
        bursts = rng.randint(1, 3) if young else rng.randint(1, 6)
        jobs.append((run_gamer, (g, shops, bursts, w.sub(S_GAM + S_MSG, i), rng)))
    for i, s in enumerate(sellers):
        jobs.append((run_seller, (s, w.sub(S_SELL + 200, i))))
    return jobs


def run_buyer(w: World, args) -> None:
    b, shops, n, blank, voice, mrng, rng = args
    txn = w.sink.txn
    src = b.wallet
    for _ in range(n):
        s = rng.choice(shops)
        d = rng.uniform(0, w.days)
        t = at(w, b.tz, d, hour(rng, b.night))
        usd = rng.uniform(5, 20) if rng.random() < 0.3 else rng.uniform(12, 90)
        dest = rng.choice(s.extra["wallets"]) if rng.random() < 0.8 or s.bank is None else s.bank
        txn(t, amount(rng, usd, src.cur, 0.45), src, dest, _channel(src), w.voices.ref(voice, rng, blank))
        if b.chat is not None and s.chat is not None:
            chat(
                w, mrng, b.chat, s.chat, t - int(mrng.uniform(10, 600) * 60), voice, voice, mrng.randint(1, 4)
            )
            if rng.random() < 0.08:
                call(
                    w, s.chat, b.chat, t - int(rng.uniform(5, 120) * 60), rng.uniform(3, 15), b.ip, b.country
                )


def run_gamer(w: World, args) -> None:
    g, shops, bursts, mrng, rng = args
    txn = w.sink.txn
    src = g.wallet
    ip = g.extra.get("vpn_ip", g.ip)
    for _ in range(bursts):
        d = rng.uniform(0, w.days - 3)
        s = rng.choice(shops)
        for _ in range(rng.randint(1, 5)):
            d += rng.uniform(0, 1.2)
            t = at(w, g.tz, d, hour(rng, g.night))
            txn(
                t,
                amount(rng, rng.uniform(3, 50), src.cur, 0.75),
                src,
                s.wallet,
                _channel(src),
                w.voices.ref("game", rng, 0.4),
            )
            if g.chat is not None and s.chat is not None:
                chat(
                    w,
                    mrng,
                    g.chat,
                    s.chat,
                    t - int(mrng.uniform(2, 60) * 60),
                    "game",
                    "shop",
                    mrng.randint(1, 3),
                )
                if rng.random() < 0.05:
                    call(w, s.chat, g.chat, t - 600, rng.uniform(2, 10), ip, g.country)
    if g.card is not None:
        m = w.infra.by_mcc(g.country, "5816")
        for _ in range(poisson(rng, 6 * years(w))):
            mm = rng.choice(m)
            txn(
                at(w, g.tz, rng.uniform(0, w.days), hour(rng, g.night)),
                rng.uniform(2, 40) / USD_PER[g.card.cur],
                g.card,
                mm,
                "card",
                "",
                "5816",
                mm.display,
            )


def run_seller(w: World, args) -> None:
    s, rng = args
    txn = w.sink.txn
    courier = rng.choice(w.infra.couriers)
    for _ in range(poisson(rng, rng.uniform(10, 60) * years(w))):
        t = at(w, s.tz, rng.uniform(0, w.days), 10 + rng.random() * 8)
        txn(
            t,
            rng.uniform(80, 250),
            rng.choice(s.extra["wallets"]),
            courier,
            "ewallet",
            f"order #{rng.randint(1000, 99999)}",
        )
    for _ in range(poisson(rng, rng.uniform(4, 20) * years(w))):
        t = at(w, s.tz, rng.uniform(0, w.days), 10 + rng.random() * 8)
        cash_out(w, rng, rng.choice(s.extra["wallets"]), t, rng.uniform(1000, 15000), None, 0.9)


# ---------------------------------------------------------------------------------------------------------
# Legal adult webcam performers and their customers


def build_cam(w: World, n_perf: int, n_cust: int) -> list:
    P = w.params
    studio = P.u("performer_studio_rate", 0.2, 0.45)
    direct = P.u("adult_customer_direct_pay_rate", 0.1, 0.3)
    oob = P.u("adult_customer_out_of_bundle_rate", 0.2, 0.4)
    P.u("adult_customer_night_rate", 0.45, 0.8)
    false_ban = P.u("lookalike_false_ban_rate", 0.0, 0.02)
    cam_org = w.org(w.rng, "organization", "US", "cam platform")
    w.infra.cam_merchant = w.account(w.rng, cam_org, "cam", "merchant")
    w.infra.cam_merchant.display = w.insts["cam"].source
    perf = []
    base = None
    for i in range(n_perf):
        rng = w.sub(S_PERF, i)
        if base is not None and rng.random() < studio:
            p = w.relative(rng, base, "adult_performer", (18, 30), 0.15, True, surname_p=0.1)
            p.dev = base.dev if rng.random() < 0.6 else p.dev
            p.lvl = rng.lognormvariate(0, 0.35)
            p.night = rng.uniform(0.2, 0.5)
            w.ph_accounts(rng, p, wallet=1.0, bank=0.4, chat=0.6)
            p.traits.append("studio")
        else:
            p = _ph(w, rng, "adult_performer", (18, 32), 0.15, bank=0.4, chat_p=0.6)
            p.night = rng.uniform(0.2, 0.5)
            base = p
        p.cam = w.account(rng, p, "cam", "platform")
        if rng.random() < false_ban:
            p.cam.banned = "trust-and-safety ban"
            p.cam.closed = w.t0 + int(rng.uniform(0.5, 0.95) * w.days * DAY)
        p.extra["fans"] = []
        perf.append(p)
    w.performers = perf
    jobs = []
    for i in range(n_cust):
        rng = w.sub(S_ACUST, i)
        c = _abroad(w, rng, "adult_customer", DEMAND, (25, 72), 0.9, 1.0 - oob, 0.3)
        c.night = P.rates["adult_customer_night_rate"]["value"] * rng.uniform(0.7, 1.2)
        c.cam = w.account(rng, c, "cam", "platform")
        follow(w, rng, c)
        if rng.random() < direct:
            c.extra["direct"] = True
            c.traits.append("pays_performer_directly")
        jobs.append((run_cam_customer, (c, rng, w.sub(S_ACUST + S_MSG, i))))
    for i, p in enumerate(perf):
        jobs.append((run_performer, (p, w.sub(S_PERF + 200, i))))
    return jobs


def follow(w: World, rng: random.Random, c: Person) -> None:
    perf = getattr(w, "performers", [])
    if not perf:
        return
    c.extra["follows"] = rng.sample(perf, min(len(perf), rng.randint(1, 4)))
    for p in c.extra["follows"]:
        p.extra["fans"].append(c)


def run_cam_customer(w: World, args) -> None:
    c, rng, mrng = args
    cam_customer(w, c, rng, mrng, rng.uniform(0.5, 1.5))


def cam_customer(w: World, c: Person, rng: random.Random, mrng: random.Random, intensity: float) -> None:
    """Token packs, private shows and (for some) direct e-wallet payments to performers."""
    txn = w.sink.txn
    follows = c.extra.get("follows") or []
    if not follows or c.cam is None:
        return
    card = c.card or c.wallet
    k = 1.0 / USD_PER[card.cur]
    merchant = w.infra.cam_merchant
    night = max(c.night, 0.4)
    for _ in range(poisson(rng, 10 * intensity * years(w))):
        t = at(w, c.tz, rng.uniform(0, w.days), hour(rng, night))
        txn(t, rng.choice(PACKS) * k, card, merchant, "card", "", "5815", merchant.display)
    for _ in range(poisson(rng, 8 * intensity * years(w))):
        p = rng.choice(follows)
        t = at(w, c.tz, rng.uniform(0, w.days), hour(rng, night))
        if p.cam.closed and t > p.cam.closed:
            continue
        call(w, p.cam, c.cam, t, rng.uniform(5, 40), c.ip, c.country, True, nice(rng.uniform(15, 120)))
        chat(w, mrng, c.cam, p.cam, t - int(mrng.uniform(2, 30) * 60), "cam", "cam", mrng.randint(1, 4))
    if c.extra.get("direct"):
        src = c.wallet
        for _ in range(poisson(rng, rng.uniform(2, 12) * years(w))):
            p = rng.choice(follows)
            t = at(w, c.tz, rng.uniform(0, w.days), hour(rng, night))
            txn(
                t,
                amount(rng, rng.uniform(20, 200), src.cur, 0.85),
                src,
                p.wallet,
                _channel(src),
                w.voices.ref("cam", rng, 0.35),
            )
            if p.chat is not None and c.chat is not None and rng.random() < 0.5:
                ts = t + int(rng.uniform(-60, 30) * 60)
                call(w, p.chat, c.chat, ts, rng.uniform(5, 40), c.ip, c.country)
                chat(w, mrng, c.chat, p.chat, ts - 900, "cam", "cam", mrng.randint(1, 4))
            cash_out(w, rng, p.wallet, t, 150 / USD_PER["PHP"], None, 0.5)


def run_performer(w: World, args) -> None:
    p, rng = args
    txn = w.sink.txn
    fans = p.extra["fans"]
    end = (p.cam.closed - w.t0) / DAY if p.cam.closed else w.days
    for _ in range(poisson(rng, rng.uniform(40, 120) * years(w))):
        d = rng.uniform(0, end)
        t = at(w, p.tz, d, (18 + rng.random() * 9) % 24)
        viewers = []
        pool = rng.sample(fans, min(len(fans), rng.randint(1, 8))) if fans else []
        for c in pool:
            if c.cam is not None:
                tip = nice(rng.uniform(1, 25)) if rng.random() < 0.3 else None
                vip = c.ip
                viewers.append((c.cam, vip, c.dev, c.country, tip))
        if viewers:
            w.sink.session(t, rng.uniform(20, 150), p.cam, viewers, False)
    dest = p.bank if p.bank is not None and rng.random() < 0.4 else p.wallet
    step = rng.choice((7, 14))
    d = rng.uniform(0, step)
    while d < end:
        t = at(w, 8 * 3600, d, 10 + rng.random() * 4)
        usd = rng.uniform(60, 500) * (1 + len(fans) / 20)
        txn(t, usd, w.infra.cam_merchant, dest, "bank_transfer", "payout")
        cash_out(w, rng, dest, t, usd / USD_PER["PHP"], None, 0.6)
        d += step


# ---------------------------------------------------------------------------------------------------------
# Romance scams


def build_romance(w: World, n_victims: int, n_mules: int) -> list:
    P = w.params
    oob = P.u("romance_victim_out_of_bundle_rate", 0.15, 0.35)
    churn = P.u("romance_mule_churn_rate", 0.2, 0.5)
    mules = []
    for i in range(n_mules):
        rng = w.sub(S_MULE, i)
        m = _ph(w, rng, "romance_mule", (20, 45), 0.5, bank=0.4, chat_p=0.95)
        m.extra["wallets"] = [m.wallet]
        if rng.random() < churn:
            m.traits.append("account_churn")
            t = w.t0 + int(rng.uniform(60, 200) * DAY)
            if t < w.t1:
                m.wallet.closed = t + int(rng.uniform(3, 20) * DAY) if t + 20 * DAY < w.t1 else 0
                party = w.party(
                    rng, m, w.insts["ewallet"], nominee=(rng.choice(("Jun", "Rosa", "Noel")), "m")
                )
                m.extra["wallets"].append(w.account(rng, m, "ewallet", "ewallet", opened=t, party=party))
                m.extra["switch"] = t
                m.extra["bg_wallets"] = list(m.extra["wallets"])
        mules.append(m)
    jobs = []
    for i in range(n_victims):
        rng = w.sub(S_ROM, i)
        v = _abroad(w, rng, "romance_victim", ABROAD, (45, 78), 0.55, 1.0 - oob, 0.9)
        v.night = rng.uniform(0.1, 0.45)
        ms = [rng.choice(mules)] + ([rng.choice(mules)] if rng.random() < 0.3 else [])
        for m in ms:
            if m.chat is None:
                m.chat = w.account(rng, m, "chat", "platform")
        jobs.append((run_romance, (v, ms, rng, w.sub(S_ROM + S_MSG, i))))
    return jobs


def _mule_wallet(m: Person, t: int):
    ws = m.extra["wallets"]
    return ws[1] if len(ws) > 1 and t >= m.extra.get("switch", 1 << 62) else ws[0]


def run_romance(w: World, args) -> None:
    v, mules, rng, mrng = args
    txn = w.sink.txn
    src = v.wallet
    d = rng.uniform(0, w.days * 0.6)
    n = rng.randint(2, 12)
    usd = rng.uniform(100, 300)
    for _ in range(n):
        m = rng.choice(mules)
        t = at(w, v.tz, d, hour(rng, v.night))
        dest = _mule_wallet(m, t) if rng.random() < 0.8 or m.bank is None else m.bank
        if v.chat is not None:
            chat(
                w,
                mrng,
                m.chat,
                v.chat,
                t - int(mrng.uniform(60, 3000) * 60),
                "romance",
                "romance",
                mrng.randint(2, 8),
            )
            if rng.random() < 0.15:
                call(
                    w, m.chat, v.chat, t - int(rng.uniform(30, 600) * 60), rng.uniform(1, 6), v.ip, v.country
                )
        txn(t, amount(rng, usd, src.cur, 0.8), src, dest, _channel(src), w.voices.ref("romance", rng, 0.25))
        cash_out(w, rng, dest, t, usd / USD_PER["PHP"], None, 0.85)
        usd = min(5000.0, usd * rng.uniform(1.0, 1.6))
        d += rng.uniform(4, 30)
        if d >= w.days:
            break


# ---------------------------------------------------------------------------------------------------------
# Child-sponsorship charity


def build_charity(w: World, n_sponsors: int, n_benef: int) -> list:
    P = w.params
    oob = P.u("sponsor_out_of_bundle_rate", 0.15, 0.35)
    rng = w.sub(S_CHAR, 0)
    charities = []
    for j in range(1 if n_sponsors < 400 else 2):
        org = w.org(rng, "charity", "PH", ("Bayanihan Sponsorship Fund", "Pag-asa Family Foundation")[j])
        org.bank = w.account(rng, org, "bank", "bank")
        org.wallet = w.account(rng, org, "ewallet", "ewallet")
        org.extra["benef"] = []
        charities.append(org)
    for i in range(n_benef):
        r = w.sub(S_CHAR, i + 1)
        b = _ph(w, r, "charity_beneficiary", (22, 60), 0.3, bank=0.1, chat_p=0.3)
        org = charities[i % len(charities)]
        b.extra["monthly"] = r.choice((1000, 1500, 2000, 2500, 3000))
        org.extra["benef"].append(b)
    jobs = [(run_charity, (org, w.sub(S_CHAR + 200, j))) for j, org in enumerate(charities)]
    for i in range(n_sponsors):
        r = w.sub(S_SPON, i)
        s = _abroad(w, r, "charity_sponsor", DEMAND, (28, 78), 0.5, 1.0 - oob, 0.1)
        jobs.append((run_sponsor, (s, r.choice(charities), r)))
    return jobs


def run_sponsor(w: World, args) -> None:
    s, org, rng = args
    src = s.wallet
    usd = rng.choice((25, 30, 35, 38, 40, 45, 50))
    amt = nice(usd / USD_PER[src.cur])
    dom = rng.uniform(0, 27)
    ref = w.voices.ref("charity", rng, 0.3)
    dest = org.bank if rng.random() < 0.7 else org.wallet
    hr = hour(rng, s.night)
    m = 0
    while True:
        d = m * 30.44 + dom + rng.uniform(-0.5, 0.5)
        if d >= w.days:
            break
        w.sink.txn(at(w, s.tz, d, hr), amt, src, dest, _channel(src), ref)
        if w.month_of[int(d)] == 12 and rng.random() < 0.3:
            w.sink.txn(
                at(w, s.tz, d + 2, hr),
                nice(amt * rng.uniform(1, 3)),
                src,
                dest,
                _channel(src),
                rng.choice(("gift", "happy birthday", "")),
            )
        m += 1


def run_charity(w: World, args) -> None:
    org, rng = args
    for b in org.extra["benef"]:
        acct = recv_acct(b)
        dom = rng.uniform(0, 5)
        ref = rng.choice(("allowance", "school fees", "support", ""))
        m = 0
        while True:
            d = m * 30.44 + dom
            if d >= w.days:
                break
            t = at(w, 8 * 3600, d, 10 + rng.random() * 6)
            src = org.wallet if acct.inst.key == "ewallet" else org.bank
            w.sink.txn(
                t,
                float(b.extra["monthly"]),
                src,
                acct,
                "ewallet" if src is org.wallet else "bank_transfer",
                ref,
            )
            cash_out(w, rng, acct, t, b.extra["monthly"], None, 0.7)
            m += 1
    # the charity tops up its e-wallet from its bank account
    for m in range(int(w.days / 30.44)):
        w.sink.txn(
            at(w, 8 * 3600, m * 30.44 + 1, 9),
            nice(len(org.extra["benef"]) * 2500.0 + 5000),
            org.bank,
            org.wallet,
            "bank_transfer",
            "",
        )


# ---------------------------------------------------------------------------------------------------------
# Travellers and foreign spouses


def build_partners(w: World, n_trav: int, n_spouse: int) -> list:
    P = w.params
    multi = P.u("traveller_multi_recipient_rate", 0.15, 0.4)
    oob = P.u("traveller_out_of_bundle_rate", 0.1, 0.3)
    P.u("partner_call_link_rate", 0.2, 0.6)
    jobs = []
    for i in range(n_trav + n_spouse):
        spouse = i >= n_trav
        rng = w.sub(S_FS if spouse else S_TRAV, i)
        cohort = "foreign_spouse" if spouse else "traveller"
        t = _abroad(w, rng, cohort, DEMAND, (40, 75) if spouse else (30, 70), 0.92, 1.0 - oob, 0.85)
        t.night = rng.uniform(0.1, 0.5)
        recips = []
        n = 1 if spouse else (rng.randint(2, 3) if rng.random() < multi else 1)
        for _ in range(n):
            r = _ph(
                w, rng, "partner_recipient", (19, 35) if not spouse else (25, 50), 0.12, bank=0.2, chat_p=0.9
            )
            r.night = rng.uniform(0.1, 0.4)
            recips.append(r)
        inlaws = []
        if spouse:
            for _ in range(rng.randint(1, 3)):
                il = w.relative(rng, recips[0], "family_recipient", (18, 75), 0.45, rng.random() < 0.5)
                il.lvl = rng.lognormvariate(0, 0.35)
                w.ph_accounts(rng, il, wallet=0.9, bank=0.15, chat=0.4)
                inlaws.append(il)
        if n > 1:
            t.traits.append("multi_recipient")
        t.extra["dating"] = rng.random() < (0.1 if spouse else 0.35)
        jobs.append(
            (run_partner, (t, recips, inlaws, spouse, rng, w.sub((S_FS if spouse else S_TRAV) + S_MSG, i)))
        )
    return jobs


def run_partner(w: World, args) -> None:
    t_, recips, inlaws, spouse, rng, mrng = args
    txn = w.sink.txn
    link = w.params.rates["partner_call_link_rate"]["value"]
    src = t_.wallet
    trips = []
    for _ in range(rng.randint(0, 2) if not spouse else 1):
        d0 = rng.randint(10, max(11, w.days - 30))
        ln = rng.randint(7, 28)
        trips.append((d0, d0 + ln))
        trip(w, t_, rng, d0, ln)
    events = []
    if spouse:
        dom = rng.uniform(0, 28)
        m = 0
        while m * 30.44 + dom < w.days:
            events.append((m * 30.44 + dom + rng.uniform(-2, 2), recips[0], rng.uniform(300, 1000), None))
            m += 1
        for il in inlaws:
            for _ in range(poisson(rng, 3 * years(w))):
                events.append(
                    (
                        rng.uniform(0, w.days),
                        il,
                        rng.uniform(40, 250),
                        "medicine" if rng.random() < 0.3 else None,
                    )
                )
    else:
        start = rng.uniform(0, w.days * 0.5)
        d = start
        gap = rng.uniform(7, 40)
        while d < w.days:
            events.append((d, rng.choice(recips), rng.uniform(40, 300), None))
            d += rng.expovariate(1 / gap)
    voice = "partner"
    for d, r, usd, ref in sorted(events, key=lambda e: e[0]):
        if any(a <= d < b for a, b in trips) or d < 0:
            continue
        t = at(w, t_.tz, d, hour(rng, t_.night))
        acct = recv_acct(r)
        if ref is None:
            ref = w.voices.ref("family" if r in inlaws else voice, rng, 0.3)
        txn(t, amount(rng, usd, src.cur, 0.85), src, acct, _channel(src), ref)
        cash_out(w, rng, acct, t, usd / USD_PER["PHP"], None, 0.6)
        if t_.chat is not None and r.chat is not None and rng.random() < link:
            ts = t + int(rng.uniform(-60, 60) * 60)
            call(w, r.chat, t_.chat, ts, rng.uniform(5, 60), t_.ip, t_.country)
            chat(w, mrng, t_.chat, r.chat, ts - 1200, voice, voice, mrng.randint(1, 5))
    if t_.chat is not None:
        for _ in range(poisson(rng, (60 if spouse else 20) * years(w))):
            r = rng.choice(recips)
            if r.chat is None:
                continue
            ts = at(w, t_.tz, rng.uniform(0, w.days), hour(rng, t_.night + 0.2))
            call(w, r.chat, t_.chat, ts, rng.uniform(5, 90), t_.ip, t_.country)
            if mrng.random() < 0.5:
                chat(w, mrng, r.chat, t_.chat, ts - 300, voice, voice, mrng.randint(1, 4))
    if t_.extra.get("dating") and t_.card is not None:
        m = rng.choice(w.infra.special[t_.country]["7273"])
        for mth in range(rng.randint(1, 8)):
            txn(
                at(w, t_.tz, mth * 30.44 + 6, 21),
                29.99 / USD_PER[t_.card.cur],
                t_.card,
                m,
                "card",
                "",
                "7273",
                m.display,
            )


# ---------------------------------------------------------------------------------------------------------
# Freelancers, crypto traders, ordinary people


def build_work(w: World, n_fl: int, n_clients: int, n_ct: int) -> list:
    P = w.params
    oob = P.u("freelance_client_out_of_bundle_rate", 0.4, 0.7)
    fls = []
    for i in range(n_fl):
        rng = w.sub(S_FL, i)
        f = _ph(w, rng, "freelancer", (22, 45), 0.5, bank=0.7, chat_p=0.8)
        f.night = rng.uniform(0.2, 0.5)
        fls.append(f)
    jobs = []
    for i in range(n_clients):
        rng = w.sub(S_FL + 50, i)
        if rng.random() < 0.4:
            c = w.org(
                rng,
                "freelance_client",
                pick(rng, ABROAD),
                f"{rng.choice(('Acme', 'Bright', 'Nimbus'))} {rng.choice(('Studio', 'Labs', 'Media'))}",
            )
            c.lvl = 1.0
            w.abroad_accounts(rng, c, mto=1.0 - oob, chat=0.5)
            c.card = None
        else:
            c = _abroad(w, rng, "freelance_client", ABROAD, (25, 65), 0.6, 1.0 - oob, 0.6)
        mine = [fls[i % len(fls)]] if i < len(fls) else [rng.choice(fls)]
        jobs.append((run_client, (c, mine[0], rng, w.sub(S_FL + S_MSG, i))))
    for i in range(n_ct):
        rng = w.sub(S_CT, i)
        c = _ph(w, rng, "crypto_trader", (22, 45), 0.7, bank=0.6, chat_p=0.6)
        c.night = rng.uniform(0.2, 0.4)
        c.extra["wallets"] = [c.wallet]
        for _ in range(rng.randint(0, 2)):
            party = True
            if rng.random() < 0.5:
                party = w.party(rng, c, w.insts["ewallet"], nominee=(rng.choice(("Ana", "Jun", "Liza")), "f"))
                if "nominee_account" not in c.traits:
                    c.traits.append("nominee_account")
            c.extra["wallets"].append(w.account(rng, c, "ewallet", "ewallet", party=party))
        c.extra["addr"] = w.account(rng, c, "crypto", "crypto", party=False, cur="USD")
        jobs.append((run_trader, (c, rng, w.sub(S_CT + S_MSG, i))))
    return jobs


def run_client(w: World, args) -> None:
    c, f, rng, mrng = args
    src = c.wallet
    monthly = rng.random() < 0.5
    d = rng.uniform(0, 30)
    rate = rng.uniform(150, 1500)
    while d < w.days:
        t = at(w, c.tz, d, 9 + rng.random() * 9)
        dest = f.bank if f.bank is not None and rng.random() < 0.6 else f.wallet
        usd = rate * rng.uniform(0.6, 1.3)
        w.sink.txn(
            t, amount(rng, usd, src.cur, 0.35), src, dest, _channel(src), w.voices.ref("work", rng, 0.3)
        )
        if dest is f.bank and f.wallet is not None:
            w.sink.txn(
                t + int(rng.uniform(2, 72) * 3600),
                nice(usd / USD_PER["PHP"] * rng.uniform(0.2, 0.6)),
                dest,
                f.wallet,
                "bank_transfer",
                "",
            )
        if c.chat is not None and f.chat is not None:
            chat(w, mrng, c.chat, f.chat, t - 7200, "work", "work", mrng.randint(1, 4))
            if rng.random() < 0.3:
                call(
                    w,
                    f.chat,
                    c.chat,
                    t - int(rng.uniform(1, 72) * 3600),
                    rng.uniform(15, 60),
                    c.ip,
                    c.country,
                )
        d += 30.44 if monthly else rng.uniform(7, 60)


def run_trader(w: World, args) -> None:
    c, rng, mrng = args
    txn = w.sink.txn
    pool = w.ph_pool
    regulars = [rng.choice(pool) for _ in range(rng.randint(3, 10))]
    for _ in range(poisson(rng, rng.uniform(60, 180) * years(w))):
        other = rng.choice(regulars) if rng.random() < 0.4 else rng.choice(pool)
        if other.wallet is None:
            continue
        t = at(w, 8 * 3600, rng.uniform(0, w.days), hour(rng, c.night))
        php = nice(rng.uniform(1000, 50000))
        mine = rng.choice(c.extra["wallets"])
        ref = w.voices.ref("crypto", rng, 0.6)
        if rng.random() < 0.6:
            txn(t, php, other.wallet, mine, "ewallet", ref)
        else:
            txn(t, php, mine, other.wallet, "ewallet", ref)
        if other.chat is not None and c.chat is not None and mrng.random() < 0.3:
            chat(w, mrng, other.chat, c.chat, t - 900, "crypto", "crypto", mrng.randint(1, 3))
    # a few foreign buyers pay through the money-transfer operator
    abroad = w.abroad_pool
    for _ in range(poisson(rng, 4 * years(w))):
        b = rng.choice(abroad)
        if b.role:
            continue  # payers and victims keep to their own stories
        t = at(w, b.tz, rng.uniform(0, w.days), hour(rng, 0.3))
        txn(
            t,
            amount(rng, rng.uniform(50, 500), b.wallet.cur, 0.8),
            b.wallet,
            rng.choice(c.extra["wallets"]),
            _channel(b.wallet),
            w.voices.ref("crypto", rng, 0.6),
        )


def build_ordinary(w: World, n_abroad: int, n_ph: int) -> list:
    P = w.params
    gift = P.u("ordinary_abroad_gift_sender_rate", 0.05, 0.15)
    chat_ab = P.u("ordinary_abroad_chat_rate", 0.2, 0.5)
    chat_ph = P.u("ordinary_ph_chat_rate", 0.3, 0.6)
    vpn = P.u("ordinary_vpn_rate", 0.03, 0.12)
    jobs = []
    for i in range(n_ph):
        rng = w.sub(S_ORD, i)
        p = _ph(w, rng, "ordinary", (18, 75), 0.5, bank=0.45, chat_p=chat_ph)
        p.night = rng.uniform(0.02, 0.25)
    for i in range(n_abroad):
        rng = w.sub(S_ORD + 50, i)
        p = _abroad(w, rng, "ordinary", ABROAD, (18, 80), 0.5, 0.92, chat_ab)
        if rng.random() < vpn and p.card is not None:
            p.vpn = True
            p.traits.append("vpn")
        if rng.random() < gift:
            jobs.append((run_gift_sender, (p, rng, w.sub(S_ORD + S_MSG, i))))
    return jobs


def run_gift_sender(w: World, args) -> None:
    p, rng, mrng = args
    src = p.wallet
    friend = rng.choice(w.ph_pool)
    if friend.wallet is None:
        return
    for _ in range(rng.randint(1, 4)):
        t = at(w, p.tz, rng.uniform(0, w.days), hour(rng, p.night + 0.1))
        w.sink.txn(
            t,
            amount(rng, rng.uniform(20, 200), src.cur, 0.8),
            src,
            friend.wallet,
            _channel(src),
            w.voices.ref("friends", rng, 0.5),
        )
        if p.chat is not None and friend.chat is not None:
            chat(w, mrng, p.chat, friend.chat, t - 3600, "friends", "friends", mrng.randint(1, 3))


def friends_chat(w: World, p: Person, rng: random.Random, mrng: random.Random) -> None:
    """Everyday chats and calls among friends (every cohort takes part)."""
    if p.chat is None:
        return
    mates = [f for f in p.friends if f.chat is not None]
    if not mates:
        return
    for _ in range(poisson(rng, rng.uniform(1, 6) * years(w))):
        f = rng.choice(mates)
        t = at(w, p.tz, rng.uniform(0, w.days), hour(rng, p.night + 0.1))
        if rng.random() < 0.3:
            call(w, f.chat, p.chat, t, rng.uniform(3, 40), p.ip, p.country)
        chat(w, mrng, p.chat, f.chat, t - 300, "friends", "friends", mrng.randint(1, 4))
