"""Ordinary people (the majority), teenagers, platform-only users; everyday life for all;
bans for the many reasons platforms ban accounts."""

from __future__ import annotations

from . import geo
from .behaviour import calls, cross_time, relation
from .clock import DAY
from .rng import lognormal

OTHER_BANS = [
    "spam",
    "payment fraud",
    "impersonation",
    "harassment",
    "ban evasion",
    "adult content outside allowed areas",
    "scam",
    "underage user",
    "hate speech",
    "copyright",
]
CSEA_BANS = ["child sexual exploitation", "CSEA policy violation", "minor safety", "child safety"]
_NOT_ORDINARY_FOREIGN = {**geo.WESTERN_MIX, **{"SA": 3, "AE": 3, "JP": 3, "SG": 3, "HK": 2, "KR": 2}}


def build(w) -> None:
    r = w.rng("ordinary", "build")
    P = w.P
    pop = w.pop
    plat = w.platform
    used = sum(1 for p in pop.persons if p.kind == "person" and p.cohort not in ("child_victim",))
    rest = max(0, w.customers - used)
    n_plat_only = round(w.customers * P.platform_only)
    rest = max(0, rest - n_plat_only)
    n_foreign = round(rest * P.foreign_ordinary_share)
    foreign, ph = [], []
    for i in range(n_foreign):
        teen = r.random() < P.p_teen_ordinary
        cc = geo.pick_country(r, geo.TEEN_MIX if teen else _NOT_ORDINARY_FOREIGN)
        if cc == "PH":
            cc = "US"
        p = pop.person(r, "ordinary", cc, age=(14, 17) if teen else (18, 85))
        if teen:
            p.trait("teen")
            bank = w.pop.open(r, p, "ext-card", "card") if r.random() < 0.2 else None
            from .institutions import BANK_OF_COUNTRY

            b = BANK_OF_COUNTRY.get(cc)
            if b and bank is None:
                pop.open(r, p, b, "card")
            if r.random() < 0.5:
                pop.open(r, p, "p2p-intl-k")
        else:
            pop.foreign_banking(r, p, p_remit=0.08, p_p2p=0.3, external=False)
        if r.random() < 0.15:
            plat.join(r, p)
        foreign.append(p)
    for i in range(rest - n_foreign):
        p = pop.person(r, "ordinary", "PH", age=(16, 85))
        pop.ph_banking(r, p, p_wallet=0.85, p_remit=0.25, p_bank=0.35, p_p2p=0.05, p_vasp=0.01)
        if r.random() < 0.15:
            plat.join(r, p)
        ph.append(p)
    plat_only = []
    for i in range(n_plat_only):
        cc = "PH" if r.random() < 0.45 else geo.pick_country(r, {**geo.WESTERN_MIX, **geo.DIASPORA_MIX})
        p = pop.person(r, "ordinary", cc, age=(14, 70))
        p.trait("platform_only")
        plat.join(r, p)
        plat_only.append(p)
    w.ord_foreign, w.ord_ph, w.plat_only = foreign, ph, plat_only


def run(w) -> None:
    P = w.P
    span = w.t1 - w.t0
    # one-off gifts from ordinary foreigners to someone in the Philippines
    for i, p in enumerate(w.ord_foreign):
        r = w.rng("ordinary", "foreign", i)
        if "teen" in p.traits:
            w.spend.habit(r, p, "giftcard", r.uniform(0.1, 1.0))
            w.spend.habit(r, p, "games", r.uniform(0.5, 3))
            # bursts of small P2P transfers to friends
            pk = p.acct("p2p-intl-k")
            if pk is not None and w.ord_foreign:
                for _ in range(r.randint(0, 4)):
                    t0 = int(w.t0 + r.random() * span)
                    friend = r.choice(w.ord_foreign).acct("p2p-intl-k")
                    if friend is None or friend is pk:
                        continue
                    for k in range(r.randint(1, 4)):
                        w.money.pay(
                            r,
                            t0 + k * int(r.uniform(600, 6 * 3600)),
                            pk,
                            friend,
                            lognormal(r, w.P.k("ordinary.usd1", 25), 0.7),
                            "ewallet",
                            r.choice(["", "", "pizza", "tickets", "game", "owe u"]),
                        )
            continue
        if r.random() < P.p_ph_friend_gift and w.ord_ph:
            friend = r.choice(w.ord_ph)
            relation(
                w,
                r,
                p,
                friend,
                spec=("few", r.randint(1, 3), r.uniform(1, 300)),
                start=w.t0,
                end=w.t1,
                usd=lognormal(r, w.P.k("ordinary.usd2", 60), 0.6),
                sigma=0.5,
                ref_kind="friend",
                p_blank=w.P.kp("ordinary.p_blank1", 0.55),
                channel=r.choice(["remittance", "ewallet", "bank_transfer"]),
            )
        if p.acct("card") is not None:
            if p.vpn:
                w.spend.habit(r, p, "vpn", 1.0, usd=r.choice([4.99, 9.99, 11.95, 6.67]))
            if r.random() < 0.03:
                w.spend.habit(r, p, "dating", 1.0)
            if r.random() < 0.02:
                w.spend.habit(r, p, "adultcam", r.uniform(0.3, 2))
            if r.random() < 0.02:
                w.spend.habit(r, p, "software", 0.3)
            if p.plat and r.random() < 0.2:
                w.spend.habit(r, p, "vidchat", r.uniform(0.2, 1.0))
            if r.random() < P.p_travel_ph_ordinary:
                w.spend.trip(r, p)
                p.trait("travel_ph")
    # ordinary platform use: calls and chats between random pairs, some cross-border
    users = [
        p
        for p in w.pop.persons
        if p.plat
        and p.cohort in ("ordinary", "fan", "family_recipient", "diaspora_remitter", "seller_customer")
    ]
    r = w.rng("ordinary", "social")
    n_pairs = len(users) // 2
    for i in range(n_pairs):
        a, b = r.choice(users), r.choice(users)
        if a is b:
            continue
        s = int(w.t0 + r.random() * span * 0.7)
        calls(
            w,
            r,
            a,
            b,
            r.uniform(0.2, 3),
            s,
            min(w.t1, s + int(r.uniform(20, 400)) * DAY),
            (2, 60),
            "ordinary",
            0.6,
            host_b=0.5,
        )
        if r.random() < 0.5:
            t = cross_time(r, a, int(w.t0 + r.random() * span))
            x, y = w.platform.account(a, t), w.platform.account(b, t)
            if x is not None and y is not None:
                w.platform.chat(r, t, x, y, "ordinary", r.randint(1, 6))
    # public streams by ordinary PH users, watched by a few
    for i in range(len(users) // 20):
        h = r.choice(users)
        t = int(w.t0 + r.random() * span)
        ha = w.platform.account(h, t)
        if ha is None:
            continue
        vs = [
            (a, 0.0)
            for a in (w.platform.account(u, t) for u in r.sample(users, k=r.randint(0, 6)))
            if a and a is not ha
        ]
        w.platform.session(r, t, ha, vs, False, r.uniform(5, 90))


def everyday(w) -> None:
    """Everyday life for everyone who has an account (offenders included), then bans."""
    spend = w.spend
    for i, p in enumerate(w.pop.persons):
        if p.kind != "person" or not p.accounts:
            continue
        r = w.rng("everyday", i)
        scale = 0.3 if ("teen" in p.traits or p.cohort in ("sextortion_victim", "gamer")) else 1.0
        if p.country == "PH":
            if p.acct("wallet-ph-b") or p.acct("bank-ph-a"):
                spend.ph_life(r, p, scale)
        else:
            c = p.acct("card")
            if c is not None and c.inst.exported:
                spend.foreign_life(r, p, scale)


def bans(w) -> None:
    """Platform bans for the many reasons platforms ban accounts, decided before activity."""
    P = w.P
    r = w.rng("everyday", "bans")
    span = w.t1 - w.t0
    for p in w.pop.persons:
        if not p.plat or p.cohort in ("offender_payer", "facilitator", "extortionist", "romance_scammer"):
            continue
        for a in p.plat:
            if a.banned:
                continue
            x = r.random()
            boost = 4.0 if p.cohort in ("adult_performer", "esl_tutor", "streamer", "adult_customer") else 1.0
            if x < P.p_mistaken_csea_ban * boost:
                w.platform.ban(a, int(w.t0 + r.uniform(0.2, 1.0) * span), r.choice(CSEA_BANS))
                p.trait("banned")
                p.trait("mistaken_csea_ban")
            elif x < P.p_mistaken_csea_ban * boost + P.p_other_ban:
                w.platform.ban(a, int(w.t0 + r.uniform(0.2, 1.0) * span), r.choice(OTHER_BANS))
                p.trait("banned")
