"""Legitimate cohorts of world D. Each one looks suspicious on at least one single signal."""

from __future__ import annotations

import numpy as np

from . import chat as C
from . import names
from .clock import DAY, NDAYS, T0
from .core import CH, World
from .flows import money, ph_accounts, pick_mode, route, send
from .population import new_customer, new_ph_person


def talk(
    w: World,
    t0: int,
    a: int,
    b: int,
    lines_a: list[str],
    lines_b: list[str],
    n: int,
    session: int = 0,
    a_first: bool = True,
) -> int:
    """Alternate n messages between platform accounts a and b, a few minutes apart. Returns the last time."""
    r = w.r
    t = t0
    for i in range(n):
        first = (i % 2 == 0) == a_first
        snd, rcv, lines = (a, b, lines_a) if first else (b, a, lines_b)
        w.message(t, snd, rcv, C.fill(r, r.choice(lines)), session)
        t += r.randint(20, 600)
    return t


def local_t(w: World, person: int, day: int, profile: str) -> int:
    return w.clock.at1(w.persons[person].zone, day, profile)


def _ph_wallets(w: World, person: int) -> list[int]:
    acc = ph_accounts(w, person)
    wl = [a for a in acc if w.ac_kind[a] == "ewallet"]
    return wl or acc


def cash_out(w: World, acct: int, t: int, php: float, fast: bool = False) -> None:
    """Withdraw most of a receipt at a cash agent of the same wallet (or a bank ATM network)."""
    r = w.r
    src = w.insts[w.ac_src[acct]].name
    agents = w.infra["agents"].get(src)
    if not agents:
        return
    delay = r.randint(600, 6 * 3600) if fast else r.randint(3600, 3 * DAY)
    amt = max(100.0, round(php * r.uniform(0.6, 1.0) / 100) * 100)
    w.ev.add(
        t + delay,
        amt,
        acct,
        r.choice(agents),
        CH["ewallet"],
        w.ref(r.choice(["cash out", "", "CASH-OUT"])),
        0,
        30,
    )


# ---------------------------------------------------------------------------------------------------------


def diaspora(w: World, n_remitters: int, ph_people: list[int], chat: bool) -> list[int]:
    """Families: relatives abroad supporting one or several recipients; returns all remitters."""
    r, rng = w.r, w.rng
    out: list[int] = []
    fam = 0
    while len(out) < n_remitters:
        fam += 1
        sur = names.surname(r, "PH")
        n_rem = r.choice((1, 2, 2, 3, 3, 4, 5))
        n_rec = r.choice((1, 1, 2, 2, 3))
        recips = []
        for j in range(n_rec):
            by = (1948, 1975) if j == 0 else (1996, 2010)
            p = new_ph_person(
                w,
                "family_recipient",
                sur=sur if r.random() < 0.85 else None,
                birth_year=by,
                opened=T0 - r.randint(200, 3000) * DAY,
            )
            recips.append(p)
            ph_people.append(p)
        for _ in range(n_rem):
            p = new_customer(
                w,
                "diaspora_remitter",
                "diaspora",
                sur=sur if r.random() < 0.6 else None,
                birth_year=(1965, 1999),
                late_open=0.05,
            )
            out.append(p)
            w.infra.setdefault("salary_factor", {})[p] = r.uniform(0.35, 0.8)
            modes = {"remit_wallet": 0.45, "remit_pickup": 0.2, "bank": 0.3}
            mode_main = pick_mode(r, modes)
            payday = r.randint(0, 27)
            base = float(np.exp(rng.normal(np.log(230), 0.5)))
            prof = "shift" if r.random() < 0.3 else "evening"
            main = recips[0] if r.random() < 0.8 else r.choice(recips)
            for m in range(24):
                if r.random() > 0.92:
                    continue
                day = min(NDAYS - 1, int(m * 30.4) + payday + r.randint(-2, 2))
                t = local_t(w, p, max(0, day), prof)
                mode = mode_main if r.random() < 0.85 else pick_mode(r, modes)
                s, a, ch = route(w, p, mode, main, ph_accounts(w, main))
                usd = base * r.uniform(0.85, 1.2) * (2.0 if m in (11, 23) else 1.0)
                ref = r.choice(
                    [
                        "padala",
                        "allowance",
                        "for nanay",
                        "rent po",
                        "family support",
                        "",
                        "",
                        "monthly",
                        "school fees" if m in (5, 6, 17, 18) else "groceries",
                        "medical",
                        "pambayad",
                        "gift" if m in (11, 23) else "bills",
                    ]
                )
                send(w, t, usd, s, a, ch, ref, even=r.choice(("s", "s", "r", "")))
                if w.ac_kind[a] == "ewallet":
                    cash_out(w, a, t, money(w, usd, a, t))
            younger = recips[1:]
            if younger and r.random() < 0.75:
                _topups(w, p, younger, r.uniform(0.5, 5), r.uniform(0.1, 0.5))
            if chat and r.random() < w.p["family_chat"]:
                pa = w.platform_account(p)
                for rc in recips:
                    pb = w.platform_account(rc)
                    for _ in range(r.randint(2, 10)):
                        d = w.clock.day1()
                        t = local_t(w, rc, d, "evening")
                        sid = 0
                        if r.random() < 0.5:  # family video call: private one-to-one, unpaid
                            sid = w.session(
                                t,
                                r.uniform(5, 90),
                                pa,
                                [(pb, w.viewer_ip(rc), w.dev[rc], 0)],
                                True,
                                w.ipaddr[p],
                                w.dev[p],
                            )
                        talk(w, t, pb, pa, C.FAMILY_RECIPIENT, C.FAMILY_SENDER, r.randint(2, 6), sid)
    return out


LOAD_REFS = ["load", "load po", "pang load", "", "", "baon", "allowance", "gift", "pamasahe"]
LOAD_PHP = np.array([100, 150, 200, 200, 300, 500, 500, 1000], dtype=float)


def _topups(w: World, p: int, younger: list[int], rate: float, nightp: float) -> None:
    """Small, frequent, round top-ups ("load") to younger relatives, sometimes at night (vectorised)."""
    rng = w.rng
    k = int(rng.poisson(rate * 24))
    if k == 0:
        return
    zone = w.persons[p].zone
    days = w.clock.days(k)
    night = rng.random(k) < nightp
    t = np.where(night, w.clock.at(zone, days, "night"), w.clock.at(zone, days, "evening"))
    targets = [a for y in younger for a in _ph_wallets(w, y)]
    recv = np.array(targets, dtype=np.int64)[rng.integers(0, len(targets), k)]
    via_bank = rng.random(k) < 0.2
    s_acc = np.where(via_bank, w.home[p], w.remit_account(p))
    ch = np.where(via_bank, CH["bank_transfer"], CH["remittance"])
    refs = np.array([w.ref(x) for x in LOAD_REFS])[rng.integers(0, len(LOAD_REFS), k)]
    in_php = rng.random(k) < 0.7
    php = LOAD_PHP[rng.integers(0, len(LOAD_PHP), k)]
    usd = np.array([5, 5, 10, 10, 15, 20, 25], dtype=float)[rng.integers(0, 7, k)]
    cur = w.ac_cur[w.remit_account(p)]
    day = np.clip(days, 0, w.fx.shape[1] - 1)
    local = usd / w.fx[cur, day]
    step = 10.0 ** np.maximum(0, np.floor(np.log10(np.maximum(local, 1))) - 1) * 5
    local = np.maximum(step, np.round(local / step) * step)
    amt = np.where(in_php, php, local)
    delay = np.where(via_bank, rng.integers(7200, 30 * 3600, k), rng.integers(60, 1800, k))
    w.ev.add_many(t, amt, s_acc, recv, ch, refs, in_php.astype(np.int8), delay)


def sellers(w: World, n_customers: int, ph_people: list[int], chat: bool) -> None:
    r, rng = w.r, w.rng
    n_sellers = max(4, round(n_customers / r.uniform(25, 70)))
    sellers_ = []
    for _ in range(n_sellers):
        if r.random() < 0.85:
            p = new_ph_person(
                w, "online_seller", wallets=r.choice((1, 2)), bank_p=0.5, birth_year=(1975, 2002)
            )
            ph_people.append(p)
            recv = ph_accounts(w, p)
        else:
            c = r.choice(("ID", "TH", "MY", "US"))
            p = w.add_person("online_seller", "", c)
            inst = "bank-us-a" if c == "US" else f"bank-{c.lower()}-x"
            recv = [w.account(p, inst, "bank")]
            w.home[p] = recv[0]
        host = w.platform_account(p)
        w.set_extra(host, display_name=names.org_name(r, "PH", "merchant"))
        sellers_.append((p, recv, host))
        # couriers and restock
        for m in range(24):
            if recv and w.ac_country[recv[0]] == "PH":
                t = local_t(w, p, min(NDAYS - 1, m * 30 + r.randint(0, 29)), "day")
                w.ev.add(
                    t,
                    round(r.uniform(1500, 12000), 2),
                    recv[0],
                    r.choice(w.infra["couriers"]),
                    CH["bank_transfer"],
                    w.ref(r.choice(["shipping", "courier fees", "waybill"])),
                    0,
                    3600,
                )
    weights = np.exp(rng.normal(0, 1.0, n_sellers))
    weights /= weights.sum()
    viewers: dict[int, list[int]] = {}
    for _ in range(n_customers):
        p = new_customer(w, "seller_customer", "diaspora" if r.random() < 0.6 else "general", late_open=0.1)
        for _k in range(r.choice((1, 1, 1, 2))):
            si = int(rng.choice(n_sellers, p=weights))
            sp, recv, host = sellers_[si]
            night = r.random() < 0.25
            for _j in range(r.choice((1, 1, 1, 2, 3))):
                d = w.clock.day1()
                t = local_t(w, p, d, "night" if night else "evening")
                mode = pick_mode(r, {"remit_wallet": 0.5, "bank": 0.4, "remit_pickup": 0.1})
                if mode == "remit_pickup" and w.ac_country[recv[0]] != "PH":
                    mode = "bank"
                s, a, ch = route(w, p, mode, sp, recv)
                order = r.randint(10000, 99999)
                ref = r.choice(
                    [
                        f"order #{order}",
                        f"order {order}",
                        f"ORDER#{order}",
                        "shipping",
                        "pasabuy",
                        f"payment for order {order}",
                        "",
                        "",
                        "item",
                    ]
                )
                send(w, t, float(np.exp(rng.normal(np.log(45), 0.7))), s, a, ch, ref)
                if chat and r.random() < 0.35:
                    pa = w.platform_account(p)
                    talk(
                        w, t - r.randint(600, 2 * DAY), pa, host, C.SELLER_CUSTOMER, C.SELLER, r.randint(2, 6)
                    )
            if r.random() < 0.3:
                viewers.setdefault(si, []).append(w.platform_account(p))
    # live selling: public sessions with many viewers
    for si, (sp, _recv, host) in enumerate(sellers_):
        pool = viewers.get(si, [])
        k = rng.poisson(w.p["live_rate"] * 50)
        for d in w.clock.days(k):
            t = local_t(w, sp, int(d), "evening")
            vs = r.sample(pool, min(len(pool), r.randint(0, 15))) if pool else []
            rows = [(v, w.viewer_ip(w.ac_person[v]), w.dev.get(w.ac_person[v], ""), 0) for v in vs]
            if rows:
                w.session(t, r.uniform(30, 150), host, rows, False, w.ipaddr[sp], w.dev[sp])


def performers(w: World, n_customers: int, ph_people: list[int], chat: bool) -> list[int]:
    """Legal adult webcam work: hosts in PH/CO/RO/US, paying viewers abroad, tokens, payouts, direct tips."""
    r, rng = w.r, w.rng
    inf = w.infra
    n_perf = max(4, round(n_customers / r.uniform(12, 35)))
    perf = []
    for _ in range(n_perf):
        c = r.choices(["PH", "CO", "RO", "US", "UA"], [0.5, 0.25, 0.13, 0.07, 0.05])[0]
        g = "f" if r.random() < 0.85 else r.choice("mx")
        if c == "PH":
            p = new_ph_person(
                w, "adult_performer", wallets=r.choice((1, 2)), birth_year=(1984, 2001), gender=g
            )
            ph_people.append(p)
            recv = ph_accounts(w, p)
        else:
            p = w.add_person("adult_performer", "", c, birth_year=(1984, 2001), gender=g)
            recv = [w.account(p, "bank-us-a" if c == "US" else f"bank-{c.lower()}-x", "bank")]
            w.home[p] = recv[0]
        host = w.platform_account(p, opened=T0 - r.randint(30, 900) * DAY)
        w.set_extra(host, display_name=names.handle(r))
        perf.append({"p": p, "recv": recv, "host": host, "earn": 0.0, "fans": []})
    custs = []
    for _ in range(n_customers):
        p = new_customer(
            w, "adult_customer", "western", birth_year=(1955, 1998), gender="m" if r.random() < 0.9 else "f"
        )
        custs.append(p)
        pa = w.platform_account(p, vpn=r.random() < 0.15)
        follows = r.sample(range(n_perf), min(n_perf, r.choice((1, 1, 2, 3))))
        for f in follows:
            perf[f]["fans"].append(p)
        # token purchases by card
        card = w.card.get(p, w.home[p])
        k = rng.poisson(r.uniform(0.5, 4) * 24)
        for d in w.clock.days(k):
            t = local_t(w, p, int(d), "night" if r.random() < 0.7 else "evening")
            send(w, t, r.choice((9.99, 19.99, 19.99, 49.99, 99.99)), card, inf["tokens"], "card", "")
        # private paid sessions at night in the customer's time zone
        k = rng.poisson(r.uniform(0.2, 2.5) * 24)
        for d in w.clock.days(k):
            f = perf[r.choice(follows)]
            t = local_t(w, p, int(d), "night")
            mins = r.choice((10, 15, 20, 30, 45))
            paid = mins * r.choice((1.2, 2.0, 3.0, 4.0))
            f["earn"] += paid
            sid = w.session(
                t,
                mins,
                f["host"],
                [(pa, w.viewer_ip(p), w.dev[p], paid)],
                True,
                w.ipaddr[f["p"]],
                w.dev[f["p"]],
            )
            if chat and r.random() < 0.5:
                talk(
                    w,
                    t - r.randint(60, 1800),
                    f["host"],
                    pa,
                    C.PERFORMER,
                    C.ADULT_CUSTOMER,
                    r.randint(2, 5),
                    sid,
                )
        # direct tips by remittance: night-time, small, repeated, cross-border
        if r.random() < w.p["tip_share"]:
            f = perf[follows[0]]
            for _j in range(r.randint(1, 12)):
                d = w.clock.day1()
                t = local_t(w, p, d, "night")
                mode = "remit_wallet" if w.ac_country[f["recv"][0]] == "PH" else "bank"
                s, a, ch = route(w, p, mode, f["p"], f["recv"])
                send(
                    w,
                    t,
                    r.choice((20, 25, 30, 50, 50, 100)),
                    s,
                    a,
                    ch,
                    r.choice(["tip", "gift", "", "for you", "tip :)", ""]),
                    even="s",
                )
    # public shows and payouts
    for f in perf:
        fans = [w.plat[x] for x in f["fans"]]
        k = rng.poisson(r.uniform(1.5, 5) * 104)
        for d in w.clock.days(k):
            t = local_t(w, f["p"], int(d), "late")
            vs = r.sample(fans, min(len(fans), r.randint(1, 12))) if fans else []
            rows = []
            for v in vs:
                vp = w.ac_person[v]
                tip = r.choice((0, 0, 0, 1, 2, 5, 10))
                f["earn"] += tip
                rows.append((v, w.viewer_ip(vp), w.dev[vp], tip))
            if rows:
                w.session(t, r.uniform(30, 180), f["host"], rows, False, w.ipaddr[f["p"]], w.dev[f["p"]])
        # payouts: every two weeks, half of what was earned (approximation spread over the period)
        total = max(f["earn"], 50.0) * 0.5
        n_pay = 52
        acct = f["recv"][0]
        for i in range(n_pay):
            t = T0 + (i * 14 + r.randint(0, 2)) * DAY + r.randint(0, 6 * 3600)
            usd = total / n_pay * r.uniform(0.5, 1.5)
            ch = "ewallet" if w.ac_kind[acct] == "ewallet" else "bank_transfer"
            send(w, t, usd, inf["payout"], acct, ch, r.choice(["payout", "PAYOUT", "creator earnings"]))
            if ch == "ewallet":
                cash_out(w, acct, t, money(w, usd, acct, t))
    return custs


def freelancers(w: World, n_clients: int, ph_people: list[int], chat: bool) -> None:
    r, rng = w.r, w.rng
    n_fl = max(3, round(n_clients * r.uniform(1.2, 2.5)))
    fls = []
    for _ in range(n_fl):
        p = new_ph_person(w, "freelancer", wallets=r.choice((0, 1, 1)), bank_p=0.7, birth_year=(1980, 2002))
        ph_people.append(p)
        fls.append(p)
    for i in range(n_clients):
        org = r.random() < 0.4
        if org:
            c = r.choice(("US", "US", "AU", "GB", "CA", "SG"))
            nm = names.org_name(r, c, "employer")
            p = w.add_person("freelance_client", "", c, kind="organization", name=nm, sur=nm.split()[0])
            from .population import home_bank_name

            w.home[p] = w.account(p, home_bank_name(w, c), "bank")
            w.remit_pref[p] = "remit-b"
        else:
            p = new_customer(w, "freelance_client", "western", late_open=0.1)
        k = r.choice((1, 1, 2, 3))
        mine = [fls[i % n_fl]] + r.sample(fls, min(n_fl, k - 1))
        for fl in dict.fromkeys(mine):
            start = w.clock.day1(0, NDAYS - 60)
            dur = r.randint(90, 730)
            biweekly = r.random() < 0.4
            step = 14 if biweekly else 30
            usd = float(np.exp(rng.normal(np.log(700 if not biweekly else 380), 0.45)))
            mode = "bank" if r.random() < 0.6 else "remit_wallet"
            inv = r.randint(1, 80)
            for d in range(start, min(NDAYS, start + dur), step):
                t = local_t(w, p, d + r.randint(0, 3), "business")
                s, a, ch = route(w, p, mode, fl, ph_accounts(w, fl))
                inv += 1
                ref = r.choice(
                    [
                        f"invoice INV-{inv:04d}",
                        "VA services",
                        "payment for services",
                        f"INV {inv}",
                        "consulting",
                        "",
                        "rate per hour x hours",
                    ]
                )
                send(w, t, usd * r.uniform(0.8, 1.2), s, a, ch, ref)
            if chat and r.random() < 0.5:
                pa, pb = w.platform_account(p), w.platform_account(fl)
                for _ in range(r.randint(2, 8)):
                    t = local_t(w, p, w.clock.day1(start, start + dur), "business")
                    talk(w, t, pa, pb, C.CLIENT, C.FREELANCER, r.randint(2, 5))


def romance(w: World, n_victims: int, ph_people: list[int], chat: bool) -> None:
    r, rng = w.r, w.rng
    n_mules = max(2, round(n_victims / r.uniform(4, 12)))
    mules = []
    for _ in range(n_mules):
        c = r.choices(["PH", "NG", "GH", "MY"], [0.5, 0.25, 0.1, 0.15])[0]
        opened = T0 + w.clock.day1(0, 500) * DAY
        if c == "PH":
            p = new_ph_person(w, "romance_mule", wallets=r.choice((1, 2, 3)), bank_p=0.3, opened=opened)
            recv = ph_accounts(w, p)
        else:
            p = w.add_person("romance_mule", "", c)
            recv = [w.account(p, f"bank-{c.lower()}-x", "bank", opened=opened)]
            w.home[p] = recv[0]
        mules.append((p, recv))
    for _ in range(n_victims):
        v = new_customer(
            w, "romance_victim", "western", birth_year=(1946, 1976), gender="f" if r.random() < 0.55 else "m"
        )
        mp, recv = mules[r.randrange(n_mules)]
        start = w.clock.day1(0, NDAYS - 40)
        dur = r.randint(30, 240)
        k = r.randint(4, 25)
        days = np.sort(rng.integers(start, min(NDAYS, start + dur), k))
        base = r.uniform(80, 300)
        for j, d in enumerate(days):
            if j > k // 2 and r.random() < 0.3:  # "send to my cousin": another mule
                mp, recv = mules[r.randrange(n_mules)]
            t = local_t(w, v, int(d), "any")
            usd = min(5000.0, base * (1 + 2.5 * j / k) * r.uniform(0.7, 1.3))
            x = r.random()
            ref = r.choice(
                [
                    "ticket",
                    "visa fee",
                    "hospital",
                    "customs fee",
                    "for the ticket",
                    "gift",
                    "",
                    "",
                    "loan",
                    "emergency",
                ]
            )
            if x < 0.1 and v in w.card:
                send(w, t, round(usd, -1), w.card[v], r.choice(w.infra["giftcard"]), "card", "")
                continue
            mode = "bank" if x < 0.45 else "remit_wallet"
            if w.ac_country[recv[0]] == "PH" and r.random() < 0.2:
                mode = "remit_pickup"
            s, a, ch = route(w, v, mode, mp, recv)
            send(w, t, usd, s, a, ch, ref, even="s" if r.random() < 0.5 else "")
            if w.ac_kind[a] == "ewallet":  # mules cash out fast
                cash_out(w, a, t + 1800, money(w, usd, a, t), fast=True)
        if chat and r.random() < 0.6:
            pa, pb = w.platform_account(v), w.platform_account(mp)
            for _j in range(r.randint(3, 12)):
                t = local_t(w, v, w.clock.day1(start, start + dur), "any")
                talk(w, t, pb, pa, C.ROMANCE_SCAMMER, C.ROMANCE_VICTIM, r.randint(2, 6))


def charity(w: World, n_sponsors: int) -> None:
    r = w.r
    orgs = []
    for _ in range(r.randint(1, 3)):
        nm = names.org_name(r, "PH", "charity")
        p = w.add_person("charity", "", "PH", kind="organization", name=nm, sur=nm.split()[0])
        acct = w.account(p, "bank-ph", "bank", opened=T0 - 3000 * DAY)
        us = w.account(p, "bank-us-a", "bank", country="US") if r.random() < 0.5 else None
        orgs.append((p, acct, us))
    for _ in range(n_sponsors):
        p = new_customer(w, "charity_sponsor", "western" if r.random() < 0.7 else "general", late_open=0.15)
        op, acct, us = r.choice(orgs)
        c = w.persons[p].country
        tgt = us if (us is not None and c == "US") else acct
        usd = r.choice((25, 30, 32, 35, 38, 40, 45, 50))
        dom = r.randint(1, 28)
        start = max(0, ((w.ac_extra[w.home[p]] or {}).get("opened", T0) - T0) // DAY)
        card = p in w.card and r.random() < 0.5
        prof = "batch" if r.random() < 0.6 else "any"
        sponsor_no = r.randint(1000, 99999)
        ref = r.choice(
            [
                f"child sponsorship {sponsor_no}",
                f"sponsor #{sponsor_no}",
                f"CHILD SPONSOR {sponsor_no}",
                "monthly donation",
                "child sponsorship",
            ]
        )
        for m in range(24):
            d = int(m * 30.44) + dom - 1
            if d < start or d >= NDAYS:
                continue
            t = local_t(w, p, d, prof)
            if card:
                send(w, t, usd, w.card[p], tgt, "card", "", even="s")
            else:
                send(w, t, usd, w.home[p], tgt, "bank_transfer", ref, even="s")
        if r.random() < 0.1:
            t = local_t(w, p, w.clock.day1(), "evening")
            send(
                w,
                t,
                r.choice((20, 50)),
                w.home[p],
                tgt,
                "bank_transfer",
                f"gift for sponsored child #{sponsor_no}",
                even="s",
            )
    for op, acct, us in orgs:  # the US collection account forwards to the Philippine account monthly
        if us is None:
            continue
        for m in range(24):
            t = T0 + (m * 30 + 28) * DAY + 15 * 3600
            send(w, t, r.uniform(5000, 40000), us, acct, "bank_transfer", "program funds transfer")
        w.acct_mcc[acct] = "8398"
        w.acct_mname[acct] = w.persons[op].name.upper()
        if us is not None:
            w.acct_mcc[us] = "8398"
            w.acct_mname[us] = w.persons[op].name.upper()


def gamers(w: World, n: int, streamer_hosts: list[tuple[int, int]], chat: bool) -> None:
    r, rng = w.r, w.rng
    inf = w.infra
    for _ in range(n):
        p = new_customer(w, "gamer", "general", birth_year=(1984, 2005), late_open=0.3)
        card = w.card.get(p, w.home[p])
        k = rng.poisson(r.uniform(0.5, 6) * 24)
        nightp = r.uniform(0.3, 0.8)
        for d in w.clock.days(k):
            t = local_t(w, p, int(d), "night" if r.random() < nightp else "evening")
            send(w, t, r.choice((0.99, 4.99, 4.99, 9.99, 19.99, 49.99)), card, r.choice(inf["games"]), "card")
        if r.random() < 0.3:  # mobile load for friends and relatives in the Philippines
            w.remit_pref[p] = "remit-b"
            s = w.remit_account(p)
            for d in w.clock.days(rng.poisson(r.uniform(0.3, 3) * 24)):
                t = local_t(w, p, int(d), "night" if r.random() < 0.4 else "evening")
                send(
                    w,
                    t,
                    r.choice((5, 5, 10, 10, 20)),
                    s,
                    r.choice(inf["load"]),
                    "remittance",
                    r.choice(["load", "prepaid load", "LOAD", ""]),
                    even="s",
                )
        if streamer_hosts and r.random() < 0.5:
            pa = w.platform_account(p, vpn=r.random() < 0.2)
            inf.setdefault("stream_viewers", []).append(pa)
        if r.random() < 0.05:
            vx = w.vasp_account(p)
            for d in w.clock.days(r.randint(1, 6)):
                t = local_t(w, p, int(d), "night")
                send(
                    w,
                    t,
                    r.choice((50, 100, 200)),
                    w.home[p],
                    vx,
                    "bank_transfer",
                    "crypto purchase",
                    even="s",
                )
                send(w, t + 7200, r.uniform(20, 150), vx, r.choice(crypto_ext(w)), "crypto")


def streamers(w: World, n: int, ph_people: list[int], chat: bool) -> list[tuple[int, int]]:
    r = w.r
    out = []
    for _ in range(n):
        if r.random() < 0.6:
            p = new_ph_person(w, "streamer", wallets=1, birth_year=(1990, 2004))
            ph_people.append(p)
        else:
            c = r.choice(("US", "GB", "ID", "TH"))
            p = w.add_person("streamer", "", c, birth_year=(1990, 2004))
            w.home[p] = w.account(
                p, "bank-us-a" if c == "US" else f"bank-{c.lower()}-x" if c != "GB" else "bank-gb-a", "bank"
            )
        out.append((p, w.platform_account(p)))
    return out


def streamer_sessions(w: World, hosts: list[tuple[int, int]], chat: bool) -> None:
    r, rng = w.r, w.rng
    viewers = w.infra.get("stream_viewers", [])
    inf = w.infra
    for p, host in hosts:
        earn = 0.0
        for d in w.clock.days(rng.poisson(r.uniform(1, 4) * 104)):
            t = local_t(w, p, int(d), "evening")
            vs = r.sample(viewers, min(len(viewers), r.randint(1, 20))) if viewers else []
            rows = []
            for v in vs:
                tip = r.choice((0, 0, 0, 0, 1, 2, 5))
                earn += tip
                vp = w.ac_person[v]
                rows.append((v, w.viewer_ip(vp), w.dev[vp], tip))
            if rows:
                sid = w.session(t, r.uniform(45, 240), host, rows, False, w.ipaddr[p], w.dev[p])
                if chat and r.random() < 0.1:
                    talk(w, t + 300, rows[0][0], host, C.VIEWER, C.STREAMER, 2, sid)
        acct = w.home[p]
        for m in range(0, 24, 1):
            t = T0 + (m * 30 + 5) * DAY + 4 * 3600
            ch = "ewallet" if w.ac_kind[acct] == "ewallet" else "bank_transfer"
            send(w, t, max(5.0, earn / 24 * r.uniform(0.5, 1.5)), inf["payout"], acct, ch, "payout")


def travellers(w: World, people: list[int]) -> None:
    """Trips to the Philippines: flights, hotels, meals, ATM withdrawals abroad."""
    r = w.r
    inf = w.infra
    for p in people:
        card = w.card.get(p, w.home[p])
        for _ in range(r.choice((1, 1, 2, 3))):
            d0 = w.clock.day1(30, NDAYS - 20)
            t = local_t(w, p, d0 - r.randint(15, 90), "evening")
            send(w, t, r.uniform(500, 1800), card, r.choice(inf["airline"]), "card")
            stay = r.randint(5, 21)
            for d in range(d0, min(NDAYS, d0 + stay)):
                tt = T0 + d * DAY + r.randint(1, 14) * 3600  # Philippine daytime (UTC+8)
                if r.random() < 0.7:
                    send(w, tt, r.uniform(8, 60), card, r.choice(inf["ph_food"]), "card")
                if r.random() < 0.25:
                    send(w, tt + 3600, r.choice((100, 150, 200, 250)), card, r.choice(inf["ph_atm"]), "card")
            send(
                w,
                T0 + (d0 + stay) * DAY + 3 * 3600,
                r.uniform(300, 2500),
                card,
                r.choice(inf["ph_hotels"]),
                "card",
            )


def side_purchases(w: World, people: list[int], vpn_p: float, dating_p: float) -> None:
    """VPN subscriptions and dating sites: common among everyone, also a published offender side signal."""
    r = w.r
    inf = w.infra
    for p in people:
        card = w.card.get(p)
        if card is None:
            continue
        if r.random() < vpn_p:
            v = r.choice(inf["vpn"])
            start = w.clock.day1()
            price = r.choice((4.99, 9.99, 11.99))
            for d in range(start, NDAYS, 30):
                send(w, T0 + d * DAY + r.randint(0, DAY - 1), price, card, v, "card")
            w.vpn.add(p)
        if r.random() < dating_p:
            v = r.choice(inf["dating"])
            start = w.clock.day1()
            for d in range(start, min(NDAYS, start + r.randint(30, 300)), 30):
                send(w, T0 + d * DAY + r.randint(0, DAY - 1), r.choice((19.99, 29.99)), card, v, "card")


def occasional_abroad(w: World, people: list[int], ph_people: list[int]) -> None:
    """Ordinary people who send one to three unremarkable payments to someone in the Philippines."""
    r = w.r
    for p in people:
        q = r.choice(ph_people)
        for _ in range(r.randint(1, 3)):
            t = local_t(w, p, w.clock.day1(), "any")
            mode = pick_mode(r, {"remit_wallet": 0.5, "bank": 0.4, "remit_pickup": 0.1})
            s, a, ch = route(w, p, mode, q, ph_accounts(w, q))
            send(w, t, r.uniform(20, 250), s, a, ch, r.choice(["", "", "", "gift", "thanks", "help"]))


def crypto_ext(w: World) -> list[int]:
    """Addresses of outside crypto services (exchanges, games, shops)."""
    ext = w.infra.get("crypto_ext")
    if ext is None:
        p = w.add_person(
            "organization", "", "SG", kind="organization", name="Assorted crypto services", sur="x"
        )
        ext = [w.account(p, "chain", "crypto", with_party=False) for _ in range(30)]
        w.infra["crypto_ext"] = ext
    return ext


def crypto_users(w: World, people: list[int]) -> None:
    r = w.r
    ext = crypto_ext(w)
    for p in people:
        vx = w.vasp_account(p)
        for d in w.clock.days(r.randint(1, 10)):
            t = local_t(w, p, int(d), "any")
            send(
                w,
                t,
                r.choice((100, 200, 500, 1000)),
                w.home[p],
                vx,
                "bank_transfer",
                "crypto purchase",
                even="s",
            )
            if r.random() < 0.6:
                send(w, t + r.randint(3600, 20 * DAY), r.uniform(50, 800), vx, r.choice(ext), "crypto")
