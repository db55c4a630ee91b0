"""Look-alikes bound by family and affection: diaspora families, long-distance couples,
foreign students and their parents, travellers and people they met, child sponsorship."""

from __future__ import annotations

from . import geo, names
from .behaviour import calls, relation, window
from .clock import DAY
from .rng import lognormal

REMIT_MIX = ["remittance", "bank_transfer", "ewallet"]


def _n(w, share: float) -> int:
    return max(1, round(w.customers * share))


def build(w) -> None:
    r = w.rng("family", "build")
    P = w.P
    pop = w.pop
    plat = w.platform
    # diaspora families ------------------------------------------------------------------------
    fams = []
    for _ in range(_n(w, P.diaspora_families)):
        fam = names.surname(r)
        cty = geo.city(r, "PH")
        brgy = geo.ph_barangay(r)
        home = geo.address(r, "PH", cty, brgy)
        recips = []
        for j in range(r.choices([1, 2, 3], weights=[45, 38, 17], k=1)[0]):
            same = j == 0 or r.random() < 0.7
            q = pop.person(
                r,
                "family_recipient",
                "PH",
                gender="f" if r.random() < 0.7 else "m",
                age=(40, 78) if j == 0 else (18, 50),
                last=fam if same else None,
                address=home if same or r.random() < 0.3 else geo.address(r, "PH", cty, brgy),
                city=cty,
            )
            pop.ph_banking(r, q, p_wallet=0.85, p_remit=0.55, p_bank=0.3, p_p2p=0.03)
            q.extra["recv"] = r.choices(["wallet-ph-b", "remit-ph-c", "bank-ph-a"], weights=[5, 4, 1], k=1)[0]
            if r.random() < 0.45:
                plat.join(r, q)
            recips.append(q)
        senders = []
        for j in range(r.choices([1, 2, 3, 4], weights=[40, 33, 18, 9], k=1)[0]):
            cc = geo.pick_country(r, geo.DIASPORA_MIX)
            inlaw = r.random() < 0.25
            s = pop.person(
                r,
                "diaspora_remitter",
                cc,
                gender="f" if r.random() < 0.55 else "m",
                age=(22, 62),
                last=None if inlaw or r.random() < 0.2 else fam,
            )
            if inlaw:
                s.trait("in_law")
            pop.foreign_banking(r, s, p_remit=0.75, p_p2p=0.2)
            if r.random() < 0.5:
                plat.join(r, s)
            s.extra["ch"] = r.choices(REMIT_MIX, weights=[75, 15, 10], k=1)[0]
            senders.append(s)
        if len(recips) > 1 and r.random() < 0.5:  # the family phone / laptop
            dev = w.ids.hex("dev-", 12)
            for q in recips:
                if q.address == home:
                    q.devices.insert(0, dev)
                    q.ip = recips[0].ip
        fams.append((senders, recips))
    w.families = fams
    # diaspora families whose relatives live in West Africa (the corridors sextortion rings use)
    af = []
    for _ in range(_n(w, P.africa_families)):
        fam = names.surname(r)
        cc = geo.pick_country(r, {"NG": 60, "GH": 25, "CI": 15})
        cty = geo.city(r, cc)
        q = pop.person(r, "family_recipient", cc, age=(35, 80), last=fam, city=cty)
        pop.open(r, q, "ext-bank")
        if r.random() < 0.4:
            pop.open(r, q, "p2p-intl-k")
        q.extra["external"] = True
        senders = []
        for j in range(r.choices([1, 2, 3], weights=[55, 30, 15], k=1)[0]):
            s = pop.person(
                r,
                "diaspora_remitter",
                geo.pick_country(
                    r, {"US": 40, "GB": 30, "IT": 6, "DE": 6, "IE": 4, "NL": 3, "FR": 4, "CA": 7}
                ),
                age=(22, 65),
                last=fam if r.random() < 0.75 else None,
            )
            pop.foreign_banking(r, s, p_remit=0.6, p_p2p=0.4, external=r.random() < 0.15)
            s.extra["ch"] = r.choices(REMIT_MIX, weights=[50, 25, 25], k=1)[0]
            senders.append(s)
        af.append((senders, q))
    w.africa_families = af
    # couples --------------------------------------------------------------------------------
    couples = []
    for _ in range(_n(w, P.couples)):
        a = pop.person(
            r,
            "partner_abroad",
            geo.pick_country(r, geo.WESTERN_MIX),
            gender="m" if r.random() < 0.8 else "f",
            age=(28, 72),
        )
        pop.foreign_banking(r, a, p_remit=0.6, p_p2p=0.35)
        b = pop.person(
            r, "partner_ph", "PH", gender="f" if a.gender == "m" or r.random() < 0.2 else "m", age=(20, 45)
        )
        pop.ph_banking(r, b, p_wallet=0.9, p_remit=0.5, p_bank=0.25, p_p2p=0.1)
        if r.random() < 0.75:
            plat.join(r, a)
            plat.join(r, b)
        a.extra["ch"] = r.choices(REMIT_MIX + ["gift_card"], weights=[55, 20, 22, 3], k=1)[0]
        couples.append((a, b))
    w.couples = couples
    # foreign students in the Philippines and their parents ----------------------------------
    students = []
    for _ in range(_n(w, P.students)):
        cc = geo.pick_country(r, geo.ASIA_TUTOR_MIX)
        fam = names.surname(r)
        st = pop.person(r, "student", "PH", age=(17, 28), last=fam)
        pop.ph_banking(r, st, p_wallet=0.9, p_remit=0.4, p_bank=0.4, p_p2p=0.2)
        st.trait("foreign_national")
        parents = []
        for _k in range(1 if r.random() < 0.7 else 2):
            pa = pop.person(r, "student_parent", cc, age=(40, 62), last=fam)
            pop.foreign_banking(r, pa, p_remit=0.6, p_p2p=0.2)
            parents.append(pa)
        if r.random() < 0.6:
            plat.join(r, st)
            plat.join(r, parents[0])
        students.append((st, parents))
    w.students = students
    # travellers and people they met --------------------------------------------------------
    travellers = []
    for _ in range(_n(w, P.travellers)):
        t = pop.person(
            r,
            "traveller",
            geo.pick_country(r, geo.WESTERN_MIX),
            gender="m" if r.random() < 0.65 else "f",
            age=(24, 76),
        )
        pop.foreign_banking(r, t, p_remit=0.45, p_p2p=0.3, external=r.random() < 0.15)
        contacts = []
        for _k in range(r.choices([0, 1, 2, 3], weights=[35, 40, 18, 7], k=1)[0]):
            c = pop.person(r, "travel_contact", "PH", gender="f" if r.random() < 0.7 else "m", age=(19, 50))
            pop.ph_banking(r, c, p_wallet=0.9, p_remit=0.5, p_bank=0.15)
            if r.random() < 0.5:
                plat.join(r, c)
            contacts.append(c)
        if contacts and r.random() < 0.5:
            plat.join(r, t)
        t.extra["ch"] = r.choices(REMIT_MIX + ["gift_card", "crypto"], weights=[60, 15, 20, 3, 2], k=1)[0]
        travellers.append((t, contacts))
    w.travellers = travellers
    # charities and sponsors -----------------------------------------------------------------
    charities = []
    for i in range(r.randint(3, 8)):
        c = pop.org(
            r,
            "charity",
            "PH",
            f"{r.choice(['Bright', 'Hope', 'Bayanihan', 'Little Steps', 'Open Hands', 'Kalinga', 'Sunrise'])} {r.choice(['Foundation', 'Children Fund', 'Mission', 'Outreach'])} {i + 1}",
        )
        pop.open(r, c, "bank-ph-a")
        pop.open(r, c, "wallet-ph-b")
        pop.open(r, c, "p2p-intl-k")
        charities.append(c)
    sponsors = []
    for _ in range(_n(w, P.charity_sponsors)):
        s = pop.person(r, "charity_sponsor", geo.pick_country(r, geo.WESTERN_MIX), age=(28, 80))
        pop.foreign_banking(r, s, p_remit=0.2, p_p2p=0.4, external=r.random() < 0.2)
        fam = None
        if r.random() < P.p_sponsor_direct:
            fam = pop.person(r, "sponsored_family", "PH", gender="f", age=(25, 55))
            pop.ph_banking(r, fam, p_wallet=0.85, p_remit=0.6, p_bank=0.05)
            s.trait("pays_family_directly")
        sponsors.append((s, r.choice(charities), fam))
    w.sponsors = sponsors


def run(w) -> None:
    P = w.P
    span = w.t1 - w.t0
    for i, (senders, recips) in enumerate(w.families):
        r = w.rng("family", "diaspora", i)
        main = recips[0]
        for s in senders:
            a, b = window(r, w, 0.5, 1.0, before_p=0.75)
            usd = P.diaspora_median_usd * lognormal(r, w.P.k("family.usd1", 1.0), 0.5)
            relation(
                w,
                r,
                s,
                main,
                spec=("monthly", 3, 0.1),
                start=a,
                end=b,
                usd=usd,
                sigma=0.25,
                ref_kind="diaspora",
                p_blank=w.P.kp("family.p_blank1", 0.45),
                channel=s.extra["ch"],
                chat_kind="diaspora",
                p_chat=P.p_lookalike_chat * 0.5,
                p_call=w.P.kp("family.p_call2", 0.25),
                alt_channel="remittance",
                p_alt=0.15,
            )
            # small extras (load, birthdays, school things) to anybody in the family
            for q in recips:
                relation(
                    w,
                    r,
                    s,
                    q,
                    spec=("poisson", r.uniform(0.05, 0.5)),
                    start=a,
                    end=b,
                    usd=lognormal(r, w.P.k("family.usd2", 40), 0.5),
                    sigma=0.6,
                    ref_kind="diaspora",
                    p_blank=w.P.kp("family.p_blank3", 0.55),
                    channel=s.extra["ch"],
                    chat_kind="diaspora",
                    p_chat=P.p_lookalike_chat * 0.4,
                )
            # emergencies
            relation(
                w,
                r,
                s,
                r.choice(recips),
                spec=("poisson", r.uniform(0.03, 0.15)),
                start=a,
                end=b,
                usd=usd * r.uniform(2, 5),
                sigma=0.5,
                ref_kind="diaspora",
                p_blank=w.P.kp("family.p_blank4", 0.3),
                channel=s.extra["ch"],
            )
            calls(w, r, s, main, r.uniform(1, 8), a, b, (5, 60), "diaspora", P.p_lookalike_chat * 0.3)
        # the family shares and cashes out (like any household)
        for q in recips:
            for base in range(r.randint(0, 12)):
                t = int(w.t0 + r.random() * span)
                if len(recips) > 1 and r.random() < 0.5:
                    w.money.domestic(
                        r, t, q, r.choice(recips), lognormal(r, w.P.k("family.usd3", 2000), 0.7), ""
                    )
                else:
                    w.money.cashout(r, t, q, lognormal(r, w.P.k("family.usd4", 3000), 0.6))
    for i, (senders, q) in enumerate(w.africa_families):
        r = w.rng("family", "africa", i)
        for s in senders:
            a, b = window(r, w, 0.5, 1.0, before_p=0.75)
            relation(
                w,
                r,
                s,
                q,
                spec=("monthly", 4, 0.15),
                start=a,
                end=b,
                usd=lognormal(r, w.P.k("family.usd5", 200), 0.5),
                sigma=0.3,
                ref_kind="diaspora",
                p_blank=w.P.kp("family.p_blank5", 0.5),
                channel=s.extra["ch"],
                cross=False,
            )
            relation(
                w,
                r,
                s,
                q,
                spec=("poisson", r.uniform(0.05, 0.4)),
                start=a,
                end=b,
                usd=lognormal(r, w.P.k("family.usd6", 60), 0.6),
                sigma=0.5,
                ref_kind="friend",
                p_blank=w.P.kp("family.p_blank6", 0.6),
                channel=r.choice(["ewallet", "remittance"]),
                cross=False,
            )
    for i, (a, b) in enumerate(w.couples):
        r = w.rng("family", "couple", i)
        s, e = window(r, w, 0.3, 1.0, before_p=0.5)
        relation(
            w,
            r,
            a,
            b,
            spec=("every", r.uniform(7, 30)),
            start=s,
            end=e,
            usd=lognormal(r, w.P.k("family.usd7", 110), 0.4),
            sigma=0.45,
            ref_kind="couple",
            p_blank=w.P.kp("family.p_blank7", 0.45),
            channel=a.extra["ch"],
            chat_kind="couple",
            p_chat=P.p_lookalike_chat,
            p_call=w.P.kp("family.p_call8", 0.4),
            alt_channel="ewallet",
            p_alt=0.2,
        )
        relation(
            w,
            r,
            a,
            b,
            spec=("poisson", 0.1),
            start=s,
            end=e,
            usd=lognormal(r, w.P.k("family.usd8", 600), 0.4),
            sigma=0.3,
            ref_kind="couple",
            p_blank=w.P.kp("family.p_blank9", 0.2),
            channel=a.extra["ch"],
        )
        calls(w, r, a, b, r.uniform(6, 25), s, e, (10, 90), "couple", P.p_lookalike_chat)
        if r.random() < 0.35:
            for _ in range(r.randint(1, 2)):
                w.spend.trip(r, a)
            a.trait("travel_ph")
    for i, (st, parents) in enumerate(w.students):
        r = w.rng("family", "student", i)
        s, e = window(r, w, 0.4, 1.0, before_p=0.6)
        for pa in parents:
            relation(
                w,
                r,
                pa,
                st,
                spec=("monthly", 4, 0.05),
                start=s,
                end=e,
                usd=lognormal(r, w.P.k("family.usd9", 450), 0.4),
                sigma=0.3,
                ref_kind="student",
                p_blank=w.P.kp("family.p_blank10", 0.4),
                channel="remittance",
                chat_kind="student",
                p_chat=P.p_lookalike_chat * 0.5,
                alt_channel="bank_transfer",
                p_alt=0.3,
            )
        calls(w, r, parents[0], st, r.uniform(1, 6), s, e, (10, 50), "student", 0.3)
    for i, (t, contacts) in enumerate(w.travellers):
        r = w.rng("family", "traveller", i)
        trips = []
        for _ in range(r.choices([1, 2, 3], weights=[60, 30, 10], k=1)[0]):
            trips.append(w.spend.trip(r, t))
        t.trait("travel_ph")
        for c in contacts:
            start = min(tr[1] for tr in trips)
            if r.random() < 0.6:
                spec = ("few", r.randint(1, 4), r.uniform(5, 90))
            else:
                spec = ("every", r.uniform(14, 45))
            relation(
                w,
                r,
                t,
                c,
                spec=spec,
                start=start,
                end=min(w.t1, start + int(r.uniform(30, 500)) * DAY),
                usd=lognormal(r, w.P.k("family.usd10", 70), 0.5),
                sigma=0.5,
                ref_kind="traveller",
                p_blank=w.P.kp("family.p_blank11", 0.5),
                channel=t.extra["ch"],
                chat_kind="traveller",
                p_chat=P.p_lookalike_chat,
                p_call=w.P.kp("family.p_call12", 0.25),
            )
    for i, (s, charity, fam) in enumerate(w.sponsors):
        r = w.rng("family", "sponsor", i)
        a, b = window(r, w, 0.5, 1.0, before_p=0.8)
        usd = r.choice([25, 30, 32, 35, 38, 40, 45, 50])
        ch = r.choices(["bank_transfer", "ewallet", "remittance"], weights=[50, 40, 10], k=1)[0]
        relation(
            w,
            r,
            s,
            charity,
            spec=("monthly", 1, 0.03),
            start=a,
            end=b,
            usd=usd,
            sigma=0.01,
            ref_kind="charity",
            p_blank=w.P.kp("family.p_blank13", 0.3),
            channel=ch,
            cross=False,
        )
        if fam is not None:
            relation(
                w,
                r,
                s,
                fam,
                spec=("few", r.randint(1, 5), r.uniform(30, 400)),
                start=a,
                end=b,
                usd=lognormal(r, w.P.k("family.usd11", 60), 0.4),
                sigma=0.4,
                ref_kind="sponsor_direct",
                p_blank=w.P.kp("family.p_blank14", 0.4),
                channel="remittance",
            )
            if r.random() < 0.3:
                w.spend.trip(r, s)
                s.trait("travel_ph")
