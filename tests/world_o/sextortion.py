"""Financial sextortion: rings (abroad or in the Philippines) and teenage victims who pay in
short bursts after threats in chat, sometimes from a parent's account."""

from __future__ import annotations

from . import geo, text
from .clock import DAY
from .institutions import BANK_OF_COUNTRY
from .rng import lognormal


class Ring:
    def __init__(self, net: str, country: str):
        self.net = net
        self.country = country
        self.members = []
        self.profiles = []


def build(w) -> None:
    r = w.rng("sextortion", "build")
    P = w.P
    pop = w.pop
    n_vict = max(3, round(w.customers * P.victim_share))
    n_rings = max(2, round(n_vict / P.victims_per_ring))
    rings = []
    for i in range(n_rings):
        cc = (
            "PH"
            if r.random() < P.p_ring_ph
            else geo.pick_country(r, {k: v for k, v in geo.RING_MIX.items() if k != "PH"})
        )
        g = Ring(f"sx-{i + 1:02d}", cc)
        cty = geo.city(r, cc)
        for j in range(r.randint(2, 5)):
            m = pop.person(
                r,
                "extortionist",
                cc,
                gender="m" if r.random() < 0.85 else "f",
                age=(18, 35),
                role="facilitator",
                net=g.net,
                city=cty,
            )
            if cc == "PH":
                pop.ph_banking(r, m, p_wallet=0.95, p_remit=0.4, p_bank=0.15, p_p2p=0.3, p_vasp=0.1)
            else:
                if r.random() < 0.7:
                    pop.open(r, m, "p2p-intl-k")
                pop.open(r, m, "ext-bank")
                m.extra["external"] = True
            g.members.append(m)
        for j in range(r.randint(1, 3)):
            owner = r.choice(g.members)
            owner.vpn = r.random() < 0.5
            g.profiles.append(w.platform.join(r, owner, real=False))
        span = w.t1 - w.t0
        for a in g.profiles:
            if r.random() < 0.35:
                w.platform.ban(
                    a,
                    int(w.t0 + r.uniform(0.4, 1.0) * span),
                    r.choice(["sextortion", "child sexual exploitation", "harassment", "fake profile"]),
                )
        rings.append(g)
    victims = []
    for i in range(n_vict):
        cc = geo.pick_country(r, geo.TEEN_MIX)
        home = geo.city(r, cc)
        addr = geo.address(r, cc, home)
        v = pop.person(
            r,
            "sextortion_victim",
            cc,
            gender="m" if r.random() < 0.9 else "f",
            age=(14, 17),
            role="victim",
            city=home,
            address=addr,
        )
        parent = pop.person(r, "ordinary", cc, age=(36, 60), last=v.last, city=home, address=addr)
        parent.trait("parent")
        if cc == "PH":
            pop.open(r, v, "wallet-ph-b")
            pop.ph_banking(r, parent, p_wallet=0.9, p_remit=0.4, p_bank=0.4)
        else:
            bank = BANK_OF_COUNTRY.get(cc)
            if bank and r.random() < 0.55:
                pop.open(r, v, bank, "card")
            if r.random() < 0.6:
                pop.open(r, v, "p2p-intl-k")
            if not v.accounts:
                pop.open(r, v, "ext-card", "card")
            pop.foreign_banking(r, parent, p_remit=0.2, p_p2p=0.4)
        v.extra["parent"] = parent
        if r.random() < 0.85:
            w.platform.join(r, v, real=r.random() < 0.7)
        # victims come from the ring's reach: one ring per victim
        v.extra["ring"] = r.randrange(len(rings))
        v.nets = [rings[v.extra["ring"]].net]
        victims.append(v)
    w.rings = rings
    w.sx_victims = victims


def _pay(w, r, t, v, payer, g, usd) -> bool:
    """One payment from the victim (or the parent's account) to a ring member."""
    money = w.money
    member = r.choice(g.members)
    # rails: gift card, P2P app, PH wallet, bank or remittance
    if g.country == "PH" and v.country == "PH":
        return money.domestic(
            r,
            t,
            payer,
            member,
            w.fx.convert(usd, "USD", "PHP", (t - w.t0) // DAY),
            text.ref(r, "sextortion", 0.7),
        )
    x = r.random()
    if x < 0.35:
        return money.giftcard(r, t, payer, member, usd, "", redeem=g.country == "PH")
    if x < 0.75:
        ch = "ewallet"
    else:
        ch = "remittance" if r.random() < 0.5 else "bank_transfer"
    s, ch1 = money.sender(payer, t, ch)
    if s is None:
        s = money._open(payer.accounts, t, ("wallet-ph-b",))
        ch1 = "ewallet"
        if s is None:
            return money.giftcard(r, t, payer, member, usd, "", redeem=g.country == "PH")
    dest = money._open(member.accounts, t, ("p2p-intl-k",)) if ch1 == "ewallet" else None
    if dest is None:
        if g.country == "PH":
            dest, ch1 = money.receiver(r, member, t, ch1)
        else:
            dest = money._open(member.accounts, t, ("ext-bank", "p2p-intl-k"))
    if dest is None:
        return False
    money.pay(r, t, s, dest, usd, ch1, text.ref(r, "sextortion", 0.7))
    return True


def run(w) -> None:
    P = w.P
    plat = w.platform
    span = w.t1 - w.t0
    for i, v in enumerate(w.sx_victims):
        r = w.rng("sextortion", "victim", i)
        g = w.rings[v.extra["ring"]]
        parent = v.extra["parent"]
        episodes = 2 if r.random() < P.p_sx_repeat else 1
        t = int(w.t0 + r.uniform(0.02, 0.9) * span)
        for e in range(episodes):
            contact = t
            prof = r.choice(g.profiles)
            va = plat.account(v, t)
            if va is not None and prof.open_at(t):
                plat.chat(r, t, prof, va, "sextortion", r.randint(2, 5))
                sid = plat.session(
                    r, t + int(r.uniform(600, 3 * 3600)), prof, [(va, 0.0)], True, r.uniform(3, 20)
                )
                plat.chat(
                    r, t + int(r.uniform(3 * 3600, 5 * 3600)), prof, va, "sextortion", r.randint(3, 8), sid
                )
            n = r.choices([1, 2, 3, 4, 5, 6], weights=[30, 25, 18, 12, 8, 7], k=1)[0]
            usd = P.sx_first_usd * lognormal(r, w.P.k("sextortion.usd1", 1.0), 0.4)
            total = 0.0
            tt = contact + int(r.uniform(1800, 8 * 3600))
            for k in range(n):
                payer = parent if r.random() < P.p_sx_parent_account else v
                if payer is parent:
                    v.trait("parent_account_used")
                if _pay(w, r, tt, v, payer, g, min(usd, 1500 - total)):
                    total += usd
                if total >= 1400:
                    break
                tt += int(r.uniform(600, 18 * 3600))
                usd *= r.uniform(0.8, 1.8)
                if va is not None and prof.open_at(tt) and r.random() < 0.6:
                    plat.chat(r, tt - int(r.uniform(300, 3600)), prof, va, "sextortion", r.randint(1, 4))
            t = tt + int(r.uniform(14, 120)) * DAY
            if t >= w.t1:
                break
        # the ring moves money to its head
    for gi, g in enumerate(w.rings):
        r = w.rng("sextortion", "ring", gi)
        head = g.members[0]
        for m in g.members[1:]:
            for base in range(r.randint(2, 10)):
                t = int(w.t0 + r.random() * span)
                if g.country == "PH":
                    w.money.domestic(r, t, m, head, lognormal(r, w.P.k("sextortion.usd2", 6000), 0.7), "")
                else:
                    s = w.money._open(m.accounts, t, ("p2p-intl-k",))
                    d = w.money._open(head.accounts, t, ("p2p-intl-k", "ext-bank"))
                    if s is not None and d is not None and s is not d:
                        w.money.pay(
                            r, t, s, d, lognormal(r, w.P.k("sextortion.usd3", 150), 0.7), "ewallet", ""
                        )
