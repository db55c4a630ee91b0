# ruff: noqa: UP031  (printf-style formatting of ids and amounts is deliberate here)
"""World H offenders: facilitator households, their payers, and sextortion rings."""

from __future__ import annotations

from . import names as N
from . import texts as X
from .cohorts import PAYER_CC, lognorm, open_ph, ordinary_activity, pick_cc, recv_acct, spend_acct
from .core import AU, BK, CP, DAYS, MONTH_START, RA, RB, WA, WB, wpick

HOT = (
    "Cordova",
    "Lapu-Lapu City",
    "Angeles City",
    "Cebu City",
    "Taguig City",
    "Pasay City",
    "Caloocan City",
    "Olongapo City",
)


def households(w, n_h, ctx):
    r = w.r
    hhs = []
    width = 2 if n_h < 100 else 3
    for i in range(n_h):
        net = "osec-%0*d" % (width, i + 1)
        place = wpick(r, N.PH_PLACES, [x[2] * (3 if x[0] in HOT else 1) for x in N.PH_PLACES])
        size = wpick(r, (1, 2, 3, 4, 5), (25, 30, 25, 13, 7))
        head = w.new_person(
            "facilitator", "PH", gender="f" if r.random() < 0.8 else "m", age=(27, 60), city=place
        )
        members = [head]
        for _ in range(size - 1):
            rel = r.choice(("spouse", "sister", "inlaw", "son", "daughter", "cousin", "mother", "inlaw"))
            g = {
                "spouse": "m" if head.gender == "f" else "f",
                "sister": "f",
                "son": "m",
                "daughter": "f",
                "mother": "f",
            }.get(rel, r.choice("fm"))
            if rel in ("sister", "son", "daughter", "spouse"):
                last = head.last
            elif rel == "mother":
                last = head.middle or r.choice(N.PH_SURNAMES)
            else:
                last = r.choice(N.PH_SURNAMES)  # in-laws, cousins on the other side
            age = (18, 30) if rel in ("son", "daughter") else ((50, 75) if rel == "mother" else (22, 60))
            m = w.new_person("facilitator", "PH", gender=g, age=age, last=last, city=place)
            m.brgy = head.brgy
            m.addr = (
                N.address_variant(r, head.addr, 0.6)
                if r.random() < 0.8
                else N.neighbour_address(r, head.addr)
            )
            if r.random() < 0.45:
                m.extra = {"shared_phone": head.phone}
            members.append(m)
        for m in members:
            m.role = "facilitator"
            m.nets = [net]
            open_ph(w, m, {RA: 0.6, RB: 0.4, WA: 0.7, WB: 0.4, BK: 0.15}, 1, 3)
        recv = []
        for m in members:
            recv.extend((a, m) for a in w.accounts_of(m))
        # receiving accounts registered under a neighbour's or an uninvolved relative's name
        for _ in range(wpick(r, (0, 1, 2, 3), (35, 35, 22, 8))):
            if r.random() < 0.5:
                owner = w.new_person("ordinary", "PH", age=(25, 75), city=place)
                owner.brgy = head.brgy
                owner.addr = N.neighbour_address(r, head.addr)
            else:
                owner = w.new_person(
                    "ordinary",
                    "PH",
                    gender="f",
                    age=(55, 82),
                    last=head.last if r.random() < 0.6 else head.middle or head.last,
                    city=place,
                )
                owner.brgy = head.brgy
                owner.addr = N.address_variant(r, head.addr, 0.5)
            if r.random() < 0.6:
                open_ph(w, owner, {WA: 0.6, BK: 0.2, WB: 0.3}, 1, 1)
                ordinary_activity(w, owner, k=r.randint(1, 8))
            user = r.choice(members)
            a = w.account(user, wpick(r, (RA, WA, RB, WB), (40, 30, 20, 10)), owner=owner)
            recv.append((a, user))
        h = {
            "net": net,
            "members": members,
            "recv": recv,
            "head": head,
            "chat": r.random() < 0.55,
            "payers": 0,
        }
        for m in members:
            ordinary_activity(w, m, k=r.randint(2, 10))
        # a real relative abroad sometimes supports the household too (camouflage)
        if r.random() < 0.3:
            cc = pick_cc(r, (("US", 3), ("SA", 3), ("AE", 2), ("HK", 1), ("JP", 1)))
            rel = w.new_person("diaspora_remitter", cc, gender="f", age=(25, 50), fil=True, last=head.last)
            ra = recv_acct(w, head)
            for m in range(r.randrange(0, 8), 18):
                d = MONTH_START[m] + r.randint(1, 26)
                w.intl(
                    rel,
                    ra,
                    w.at(rel, d, "eve"),
                    w.local_amount(lognorm(r, 200, 0.3), rel.cur, d, True),
                    r.choice(X.REF_FAMILY),
                )
        hhs.append(h)
    ctx["households"] = hhs
    return hhs


def fac_after(w, h, acct, user, t, php):
    """Quick cash-out or onward transfer inside the household after a payment arrives."""
    r = w.r
    src = w.acct_src[acct]
    x = r.random()
    if src in (WA, WB, BK):
        if x < 0.6:
            w.cashout(acct, t + r.randrange(300, 4 * 3600), php * r.uniform(0.7, 1.0))
            return
        if x < 0.85 and len(h["members"]) > 1:
            tgt = r.choice([m for m in h["members"] if m is not user] or h["members"])
            ta = recv_acct(w, tgt, (WA, WB, BK), strict=True)
            if ta and ta != acct:
                t2 = t + r.randrange(300, 6 * 3600)
                w.dom(
                    acct,
                    ta,
                    t2,
                    php * r.uniform(0.4, 1.0),
                    ref=r.choice(("", "", "padala", "share", "ambag")),
                )
                if r.random() < 0.7:
                    w.cashout(ta, t2 + r.randrange(300, 3 * 3600), php * r.uniform(0.3, 0.9))
                return
        w.buy(
            acct,
            t + r.randrange(600, 86400),
            php * r.uniform(0.05, 0.3),
            r.choice(("load", "grocery", "food", "pharmacy")),
        )
    else:
        # remittance pickups are cash already; sometimes part goes on to a relative's wallet
        if len(h["members"]) > 1 and r.random() < 0.3:
            sa = spend_acct(w, user)
            tgt = r.choice([m for m in h["members"] if m is not user] or h["members"])
            ta = recv_acct(w, tgt, (WA, WB, BK), strict=True)
            if sa and ta and sa != ta:
                w.dom(sa, ta, t + r.randrange(1800, 8 * 3600), php * r.uniform(0.2, 0.6), ref="")


PAYER_LINES = X.PAYER_CHAT


def payers(w, n_pay, hhs, ctx, mix, multi_rate, chat_rate):
    r = w.r
    weights = [r.paretovariate(1.1) for _ in hhs]
    types = list(mix)
    out = []
    for j in range(n_pay):
        typ = wpick(r, types, [mix[t] for t in types])
        if j < 2:  # every world has at least one of each hard kind
            typ = ("frequent", "few")[j]
        cc = pick_cc(r, PAYER_CC) if j != 1 else "US"
        p = w.new_person(
            "offender_payer",
            cc,
            gender="m" if r.random() < 0.96 else "f",
            age=(32, 74),
            fil=r.random() < 0.07,
        )
        p.role = "payer"
        out.append(p)
        if cc == "AU" and r.random() < 0.85:
            p.au = w.account(p, AU)
        nh = 1
        if typ != "few" and (r.random() < multi_rate or j == 0):
            nh = wpick(r, (2, 3), (75, 25))
        mine = []
        while len(mine) < min(nh, len(hhs)):
            h = wpick(r, hhs, weights)
            if h not in mine:
                mine.append(h)
        p.nets = [h["net"] for h in mine]
        if nh > 1:
            p.traits.add("multi_household")
        if typ == "few":
            p.traits.add("few_payments")
        for h in mine:
            h["payers"] += 1
        # pattern parameters
        if typ == "frequent":
            k = r.randint(20, 150)
            start = r.randrange(0, DAYS - 120)
            span = r.randrange(120, DAYS - start + 1)
            mode_p = {"night": 0.75, "any": 0.25}
            med, rb = lognorm(r, 55, 0.35), 0.85
        elif typ == "careful":
            k = r.randint(8, 40)
            start = r.randrange(0, DAYS - 90)
            span = r.randrange(90, DAYS - start + 1)
            mode_p = {"day": 0.8, "eve": 0.2}
            med, rb = lognorm(r, 70, 0.35), 0.1
        elif typ == "few":
            k = r.randint(1, 4)
            start = r.randrange(0, DAYS - 60)
            span = r.randrange(1, 60)
            mode_p = {"night": 0.5, "any": 0.5}
            med, rb = lognorm(r, 60, 0.4), 0.6
        else:  # escalating
            k = r.randint(12, 80)
            start = r.randrange(0, DAYS - 150)
            span = r.randrange(150, DAYS - start + 1)
            mode_p = {"night": 0.6, "any": 0.4}
            med, rb = lognorm(r, 35, 0.3), 0.7
        modes = list(mode_p)
        if typ == "escalating":
            days = sorted(start + int(span * (r.random() ** 0.45)) for _ in range(k))
        else:
            days = sorted(start + r.randrange(span) for _ in range(k))
        # preferred receiving accounts
        prefs = {}
        for h in mine:
            accts = h["recv"]
            if typ == "careful":
                prefs[h["net"]] = accts
            else:
                prefs[h["net"]] = r.sample(accts, min(len(accts), r.choice((1, 1, 2, 3))))
        hw = [r.uniform(0.3, 1.0) for _ in mine]
        first_t = None
        for i, d in enumerate(days):
            h = mine[0] if len(mine) == 1 else wpick(r, mine, hw)
            acct, user = r.choice(prefs[h["net"]])
            usd = lognorm(r, med, 0.45)
            if typ == "escalating":
                usd *= 1 + 2.0 * i / max(1, k)
            usd = max(10, min(500, usd))
            amt = w.local_amount(usd, p.cur, d, r.random() < rb)
            if typ == "few":
                ref = "" if r.random() < 0.85 else r.choice(("gift", "help", "load"))
            elif typ == "careful":
                ref = r.choice(X.REF_CAREFUL)
            else:
                ref = r.choice(X.REF_OFFENDER)
            t = w.at(p, d, wpick(r, modes, [mode_p[m] for m in modes]))
            first_t = first_t or t
            t2 = w.intl(p, acct, t, amt, ref, spread=True, pickup=r.random() < 0.8)
            fac_after(w, h, acct, user, t2, w.to_php(amt, p.cur, d))
        # chat with a household member before some payments
        if typ != "few" and (r.random() < chat_rate or j == 0):
            h = mine[0]
            tgt = h["head"] if r.random() < 0.7 else r.choice(h["members"])
            if tgt.plat is None and not h["chat"]:
                h["chat"] = True
            for d in r.sample(days, min(len(days), r.randint(1, 6))):
                w.chat(p, tgt, w.at(p, d, "night") - 3600, r.sample(PAYER_LINES, r.randint(3, 7)))
            if len(mine) > 1 and r.random() < 0.5:
                w.chat(
                    p,
                    mine[1]["head"],
                    w.at(p, days[-1], "night") - 3600,
                    r.sample(PAYER_LINES, r.randint(3, 5)),
                )
        # the foreign app's customers: everyday spending and side purchases
        if p.au:
            for _ in range(r.randint(4, 20)):
                w.card(
                    p,
                    w.at(p, r.randrange(DAYS), "any"),
                    lognorm(r, 50, 0.8),
                    r.choice(("grocery", "fuel", "food", "streaming", "electronics")),
                )
            for _ in range(r.randint(0, 3)):
                w.card(p, w.at(p, r.randrange(DAYS), "night"), r.choice((10, 12, 15)), "vpn")
            for _ in range(r.randint(0, 6)):
                w.card(
                    p,
                    w.at(p, r.randrange(DAYS), "night"),
                    r.choice((20, 30, 50)),
                    r.choice(("camsite", "dating")),
                )
            if r.random() < 0.15:
                w.card(p, w.at(p, r.randrange(DAYS), "any"), r.choice((49, 79, 99)), "videosoft")
            if r.random() < 0.3:
                v = r.randrange(30, DAYS - 20)
                w.card(p, w.at(p, v - 30, "any"), lognorm(r, 800, 0.3), "airline")
                for _ in range(r.randint(2, 8)):
                    w.card(
                        p,
                        w.at(p, v + r.randrange(12), "any"),
                        lognorm(r, 100, 0.6),
                        r.choice(("hotel", "atm_ph")),
                    )
    return out


def sextortion(w, n_rings, ctx):
    r = w.r
    rings = []
    width = 2 if n_rings < 100 else 3
    for i in range(n_rings):
        net = "sx-%0*d" % (width, i + 1)
        in_ph = r.random() < 0.65
        cols = []
        for _ in range(wpick(r, (1, 2, 3), (45, 35, 20))):
            if in_ph:
                c = w.new_person("extortionist", "PH", gender="m" if r.random() < 0.85 else "f", age=(18, 32))
                open_ph(w, c, {WA: 0.9, WB: 0.7, RA: 0.3}, 1, 3)
            else:
                cc = r.choice(("NG", "CI"))
                c = w.new_person("extortionist", cc, gender="m", age=(18, 32), fil=False)
                c.first, c.last = r.choice(N.WEST_AFRICA_FIRST), r.choice(N.WEST_AFRICA_LAST)
            c.role = "facilitator"
            c.nets = [net]
            cols.append(c)
            # several platform profiles, some banned
            w.platform(c)
            for _ in range(r.randint(0, 2)):
                uname = "%s%s%d" % (
                    r.choice(("jess", "mia", "anna", "kayla", "sophie", "emma")),
                    r.choice(("_", ".", "")),
                    r.randrange(10, 9999),
                )
                if uname not in w.used:
                    w.used.add(uname)
                    w.account(
                        c,
                        CP,
                        kind="platform",
                        username=uname,
                        display=uname.split("_")[0].split(".")[0].capitalize(),
                    )
            for a in c.accts.get(CP, []):
                if r.random() < 0.3:
                    row = next(x for x in reversed(w.accounts) if x[0] == a)
                    row[8] = row[7] + r.randrange(30, 400) * 86400
                    row[9] = "sextortion of a minor"
        rings.append((net, cols))
        for c in cols:
            for _ in range(r.randint(3, 8)):
                cc = wpick(r, ("US", "AU", "GB", "CA", "NZ"), (40, 30, 12, 12, 6))
                v = w.new_person(
                    "sextortion_victim",
                    cc,
                    gender="m" if r.random() < 0.85 else "f",
                    age=(14, 17),
                    fil=r.random() < 0.1,
                )
                if v.cc != "PH" and r.random() < 0.9:
                    v.first = r.choice(N.FOREIGN_TEEN_M if v.gender == "m" else N.FOREIGN_TEEN_F)
                v.role = "victim"
                v.nets = [net]
                if cc == "AU" and r.random() < 0.8:
                    v.au = w.account(v, AU)
                    for _ in range(r.randint(3, 20)):
                        w.card(
                            v,
                            w.at(v, r.randrange(DAYS), r.choice(("eve", "any"))),
                            lognorm(r, 15, 0.7),
                            r.choice(("games", "games", "giftcard", "food", "streaming")),
                        )
                d0 = r.randrange(0, DAYS - 6)
                k = r.randint(2, 8)
                usd = lognorm(r, 50, 0.5)
                t = w.at(v, d0, r.choice(("eve", "night")))
                chat_lines = r.random() < 0.85
                if chat_lines:
                    w.chat(
                        c,
                        v,
                        t - r.randrange(3600, 3 * 86400),
                        r.sample(X.SEXT_CHAT, r.randint(4, 8)),
                        gap=(20, 400),
                    )
                targets = [c] + ([r.choice(cols)] if len(cols) > 1 and r.random() < 0.3 else [])
                for j in range(k):
                    tgt = targets[min(len(targets) - 1, j * len(targets) // k)]
                    amt = w.local_amount(min(1500, usd), v.cur, d0, r.random() < 0.7)
                    gift = r.random() < 0.35
                    if tgt.cc == "PH":
                        ra = recv_acct(w, tgt, r.choice(((WA, WB, RA), (WB, WA, RA), (RA, WA, WB))))
                        if v.au and gift:
                            w.T(
                                AU,
                                t,
                                amt,
                                v.cur,
                                v.au,
                                ra,
                                "gift_card",
                                "AU",
                                "PH",
                                r.choice(X.REF_SEXT),
                                "",
                                "",
                                "",
                                w.typed_name(ra, 0.3),
                                "",
                                "",
                            )
                            v.n_pay += 1
                            t2 = t
                        else:
                            t2 = w.intl(
                                v, ra, t, amt, r.choice(X.REF_SEXT), pickup=r.random() < 0.5, spread=True
                            )
                        php = w.to_php(amt, v.cur, d0)
                        if w.acct_src[ra] in (WA, WB) and r.random() < 0.75:
                            w.cashout(ra, t2 + r.randrange(300, 3 * 3600), php * r.uniform(0.6, 1.0))
                        elif len(cols) > 1 and r.random() < 0.4:
                            boss = cols[0] if tgt is not cols[0] else cols[-1]
                            sa, ba = spend_acct(w, tgt), recv_acct(w, boss, (WA, WB), strict=True)
                            if sa and ba and sa != ba:
                                w.dom(sa, ba, t2 + r.randrange(600, 6 * 3600), php * r.uniform(0.3, 0.7))
                    elif v.au:
                        net_ = "gc" if gift else "ngpay"
                        w.T(
                            AU,
                            t,
                            amt,
                            v.cur,
                            v.au,
                            w.ext(tgt, net_),
                            "gift_card" if gift else "ewallet",
                            "AU",
                            tgt.cc,
                            r.choice(X.REF_SEXT),
                            "",
                            "",
                            "",
                            w.typed_name(tgt, 0.5),
                            "",
                            "",
                        )
                        v.n_pay += 1
                    t += r.randrange(1200, 14 * 3600)
                    usd *= r.uniform(1.2, 2.0)
                if chat_lines and r.random() < 0.5:
                    w.chat(c, v, t, r.sample(X.SEXT_CHAT, r.randint(2, 5)), gap=(20, 300))
        for c in cols:
            if c.cc == "PH":
                ordinary_activity(w, c, k=r.randint(2, 10))
    ctx["rings"] = rings
    return rings


def reports(w, ctx):
    """Tips from a hotline, the chat platform's safety team and a foreign NGO; some about innocent people."""
    r = w.r
    rows = []
    hhs = ctx["households"]

    def add(src, t, itype, desc, accts="", users="", emails="", phones="", pay="", cc=""):
        rows.append([src, t, itype, desc, accts, users, emails, phones, "", pay, "", cc])

    def when():
        return w.at(w.persons[0], r.randrange(60, DAYS), "day")

    for h in r.sample(hhs, min(len(hhs), max(1, len(hhs) // 6))):
        head = h["head"]
        a, _u = r.choice(h["recv"])
        k = r.randrange(3)
        add(
            "ph-hotline",
            when(),
            "live_streaming",
            r.choice(X.HOTLINE_FACIL),
            accts=a if k == 0 else "",
            phones=N.phone_variant(r, head.phone, 0.7) if k != 0 else "",
            pay=a if k == 2 else "",
            cc="PH",
        )
    fam = ctx.get("family_parents", [])
    for p in r.sample(fam, min(len(fam), max(1, len(fam) // 400))):
        add(
            "ph-hotline",
            when(),
            "live_streaming",
            r.choice(X.HOTLINE_FALSE),
            phones=N.phone_variant(r, p.phone, 0.7),
            cc="PH",
        )
    perfs = ctx.get("performers", [])
    for p in r.sample(perfs, min(len(perfs), 2)):
        add(
            "ph-hotline",
            when(),
            "live_streaming",
            r.choice(X.HOTLINE_FALSE),
            pay=recv_acct(w, p) or "",
            phones=p.phone if r.random() < 0.5 else "",
            cc="PH",
        )
        if p.plat:
            add("chatlink-safety", when(), "enticement", X.PLATFORM_FALSE[1], accts=p.plat, cc="PH")
    for _net, cols in ctx.get("rings", []):
        if r.random() < 0.7:
            c = r.choice(cols)
            plats = c.accts.get(CP, [])
            if plats:
                add(
                    "chatlink-safety",
                    when(),
                    "sextortion",
                    r.choice(X.PLATFORM_SEXT),
                    accts=r.choice(plats),
                    cc=c.cc,
                )
        if r.random() < 0.4:
            c = r.choice(cols)
            pay = recv_acct(w, c, (WA, WB, RA)) if c.cc == "PH" else (c.ext.get("ngpay") or "")
            add("au-ngo-tipline", when(), "sextortion", r.choice(X.NGO_SEXT), pay=pay, cc="AU")
    pay_pool = ctx.get("payers", [])
    for p in r.sample(pay_pool, min(len(pay_pool), max(1, len(pay_pool) // 12))):
        k = r.randrange(3)
        if k == 0 and p.plat:
            add("chatlink-safety", when(), "enticement", r.choice(X.PLATFORM_PAYER), accts=p.plat)
        elif k == 1 and p.email:
            add("au-ngo-tipline", when(), "live_streaming", r.choice(X.NGO_PAYER), emails=p.email, cc=p.cc)
        elif p.au:
            add("au-ngo-tipline", when(), "live_streaming", r.choice(X.NGO_PAYER), pay=p.au, cc="AU")
        else:
            add("au-ngo-tipline", when(), "live_streaming", r.choice(X.NGO_PAYER), phones=p.phone, cc=p.cc)
    for p in r.sample(ctx.get("travellers", []), min(len(ctx.get("travellers", [])), 2)):
        add(
            "au-ngo-tipline",
            when(),
            "live_streaming",
            X.NGO_FALSE[1],
            emails=p.email,
            phones=p.phone if not p.email else "",
            cc=p.cc,
        )
    for p in r.sample(ctx.get("game_sellers", []), min(len(ctx.get("game_sellers", [])), 1)):
        if p.plat:
            add("chatlink-safety", when(), "sextortion", X.PLATFORM_FALSE[0], accts=p.plat, cc="PH")
    for p in r.sample(ctx.get("mules", []), min(len(ctx.get("mules", [])), 2)):
        add("au-ngo-tipline", when(), "trafficking", X.NGO_FALSE[0], pay=recv_acct(w, p) or "", cc="PH")
    # usernames instead of account ids for some platform tips
    uname = {row[0]: row[5] for row in w.accounts if row[1] == CP}
    for row in rows:
        if row[0] == "chatlink-safety" and row[4] in uname and r.random() < 0.5:
            row[5] = uname[row[4]]
            row[4] = ""
    return rows
