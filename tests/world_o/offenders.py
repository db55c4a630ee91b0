"""OSEC households ("dens") in the Philippines, their collectors, children and foreign payers."""

from __future__ import annotations

from . import geo, names, text
from .behaviour import cross_time, schedule
from .clock import DAY
from .rng import lognormal

CHANNELS = ["remittance", "bank_transfer", "ewallet", "gift_card", "crypto"]


class Household:
    def __init__(self, net: str, weight: float):
        self.net = net
        self.weight = weight
        self.head = None
        self.collectors = []  # persons who receive payments (head included)
        self.members = []
        self.children = []
        self.broker = None
        self.hosts = []  # platform accounts used to stream
        self.device = ""


def build(w) -> None:
    r = w.rng("offenders", "build")
    P = w.P
    pop = w.pop
    n_payers = max(6, round(w.customers * P.payer_share))
    n_house = max(3, round(n_payers / P.payers_per_household))
    hs: list[Household] = []
    for i in range(n_house):
        h = Household(f"osec-{i + 1:02d}", r.paretovariate(P.household_alpha))
        cty = geo.city(r, "PH")
        brgy = geo.ph_barangay(r)
        home = geo.address(r, "PH", cty, brgy)
        fam = names.surname(r)
        head = pop.person(
            r,
            "facilitator",
            "PH",
            gender="f" if r.random() < 0.8 else "m",
            age=(24, 58),
            last=fam,
            role="facilitator",
            net=h.net,
            address=home,
            city=cty,
        )
        h.head = head
        h.members.append(head)
        n_coll = r.choices([1, 2, 3, 4, 5, 6], weights=[10, 25, 28, 18, 12, 7], k=1)[0]
        for _ in range(n_coll - 1):
            relative = r.random() < 0.65
            m = pop.person(
                r,
                "facilitator",
                "PH",
                gender="f" if r.random() < 0.65 else "m",
                age=(18, 65),
                last=fam if relative else None,
                role="facilitator",
                net=h.net,
                address=home if (relative and r.random() < 0.7) else geo.address(r, "PH", cty, brgy),
                city=cty,
            )
            m.trait("relative" if relative else "neighbour")
            h.members.append(m)
        for _ in range(r.randint(1, 5)):
            c = pop.person(
                r,
                "child_victim",
                "PH",
                age=(3, 15),
                last=fam if r.random() < 0.85 else None,
                role="victim",
                net=h.net,
                address=home,
                city=cty,
            )
            h.children.append(c)
        h.device = w.ids.hex("dev-", 12)
        for m in h.members:
            m.devices.insert(0, h.device)
            m.ip = h.members[0].ip if m.address == home else m.ip
        # accounts
        for m in h.members:
            nominee = None
            if r.random() < P.p_nominee:
                nominee = pop.person(
                    r,
                    "ordinary",
                    "PH",
                    age=(55, 85) if r.random() < 0.5 else (20, 60),
                    last=fam if r.random() < 0.6 else None,
                    city=cty,
                    address=home if r.random() < 0.4 else None,
                )
                nominee.trait("nominee_for_other")
                pop.ph_banking(r, nominee, p_wallet=0.5, p_remit=0.3, p_bank=0.1)
                m.trait("nominee_account")
            pop.ph_banking(
                r, m, p_wallet=0.9, p_remit=0.5, p_bank=0.2, p_p2p=0.08, p_vasp=0.05, nominee=nominee
            )
            m.extra["recv"] = r.choices(["wallet-ph-b", "remit-ph-c", "bank-ph-a"], weights=[6, 3, 1], k=1)[0]
            h.collectors.append(m)
        # a teen in the household who collects on her own wallet
        if h.children and r.random() < P.p_child_account:
            c = max(h.children, key=lambda x: x.birth)
            teen = pop.person(
                r,
                "facilitator",
                "PH",
                gender="f",
                age=(16, 17),
                last=fam,
                role="victim",
                net=h.net,
                address=home,
                city=cty,
            )
            teen.trait("child_account")
            pop.open(r, teen, "wallet-ph-b")
            teen.extra["recv"] = "wallet-ph-b"
            teen.devices.insert(0, h.device)
            h.collectors.append(teen)
            _ = c
        if r.random() < P.p_broker:
            b = pop.person(
                r,
                "facilitator",
                "PH",
                age=(22, 55),
                role="facilitator",
                net=h.net,
                city=cty if r.random() < 0.6 else None,
            )
            b.trait("broker")
            pop.ph_banking(r, b, p_wallet=0.95, p_remit=0.6, p_bank=0.4, p_p2p=0.2, p_vasp=0.1)
            h.broker = b
        # switching accounts: a collector's main wallet closes and a new one opens
        if r.random() < P.p_switch:
            for m in r.sample(h.collectors, k=min(len(h.collectors), r.randint(1, 2))):
                wal = m.acct("wallet-ph-b")
                if wal is None:
                    continue
                ts = int(r.uniform(w.t0 + 0.2 * (w.t1 - w.t0), w.t1 - 30 * DAY))
                wal.closed = ts
                nominee = None
                if r.random() < 0.4:
                    nominee = pop.person(
                        r, "ordinary", "PH", city=cty, last=fam if r.random() < 0.5 else None
                    )
                    nominee.trait("nominee_for_other")
                    m.trait("nominee_account")
                pop.open(r, m, "wallet-ph-b", t=ts - int(r.uniform(0, 10)) * DAY, nominee=nominee)
                m.trait("switched_accounts")
        # platform
        if r.random() < P.p_household_platform:
            for _ in range(1 if r.random() < 0.6 else 2):
                owner = r.choice(h.collectors)
                h.hosts.append(w.platform.join(r, owner))
        hs.append(h)
    w.households = hs
    # payers
    weights = [h.weight for h in hs]
    payers = []
    for i in range(n_payers):
        cc = geo.pick_country(r, geo.DEMAND_MIX)
        p = pop.person(
            r,
            "offender_payer",
            cc,
            gender="m" if r.random() < 0.92 else "f",
            age=(28, 76) if r.random() < 0.3 else (38, 66),
            role="payer",
        )
        pop.foreign_banking(r, p, p_remit=0.5, p_p2p=0.25)
        x = r.random()
        if x < P.p_few:
            kind = "few"
        elif x < P.p_few + P.p_steady:
            kind = "steady"
        elif x < P.p_few + P.p_steady + P.p_escalate:
            kind = "escalating"
        else:
            kind = "occasional" if r.random() < 0.6 else "burst"
        p.extra["kind"] = kind
        p.trait(kind if kind != "few" else "few_kind")
        first = r.choices(range(len(hs)), weights=weights, k=1)[0]
        chosen = [first]
        if kind != "few" and r.random() < P.p_multi:
            for _ in range(r.randint(1, 3)):
                j = r.choices(range(len(hs)), weights=weights, k=1)[0]
                if j not in chosen:
                    chosen.append(j)
        p.nets = [hs[j].net for j in chosen]
        p.extra["hh"] = chosen
        if len(chosen) > 1:
            p.trait("multi_household")
        ch = r.choices(CHANNELS, weights=[P.ch_remit, P.ch_bank, P.ch_p2p, P.ch_gift, P.ch_crypto], k=1)[0]
        p.extra["ch"] = ch
        p.extra["ch2"] = r.choice(CHANNELS) if r.random() < 0.2 else ch
        if ch in ("gift_card", "crypto"):
            p.trait(ch)
        if r.random() < P.p_payer_platform:
            w.platform.join(r, p)
        p.vpn = r.random() < P.p_vpn_offender
        p.extra["level"] = lognormal(r, w.P.k("offenders.usd1", 1.0), 0.35)
        payers.append(p)
    w.payers = payers
    # bans are decided before anything happens, so no activity follows a ban
    span = w.t1 - w.t0
    for p in payers:
        for a in p.plat:
            if r.random() < P.p_ban_payer:
                w.platform.ban(
                    a,
                    int(w.t0 + r.uniform(0.3, 1.0) * span),
                    r.choice(["child sexual exploitation", "CSEA policy violation", "minor safety"]),
                )
                p.trait("banned")
    for h in hs:
        for a in list(h.hosts):
            if r.random() < P.p_ban_host:
                tb = int(w.t0 + r.uniform(0.3, 0.95) * span)
                w.platform.ban(
                    a,
                    tb,
                    r.choice(
                        ["child sexual exploitation", "CSEA policy violation", "minor safety", "child safety"]
                    ),
                )
                a.person.trait("banned")
                if r.random() < 0.7:
                    na = w.platform.join(r, a.person, t=tb + int(r.uniform(1, 20)) * DAY, fresh=True)
                    h.hosts.append(na)
                    a.person.trait("ban_evasion")


def _pay_household(w, r, p, h, t, usd, ref, ch):
    """One payment to a household: to a collector (sticky, sometimes redirected) or the broker."""
    money = w.money
    via_broker = h.broker is not None and p.extra.setdefault(("broker", h.net), r.random() < 0.35)
    if via_broker:
        payee = h.broker
        p.trait("intermediary")
    else:
        key = ("coll", h.net)
        payee = p.extra.get(key)
        if payee is None or r.random() < 0.25:
            payee = r.choice(h.collectors)
            p.extra[key] = payee
    ok = money.send(r, t, p, payee, usd, ch, ref)
    if not ok:
        return False
    # what the household does with the money
    php = w.fx.convert(usd, "USD", "PHP", (t - w.t0) // DAY)
    if payee is h.broker:
        money.domestic(r, t + int(r.uniform(1800, 2 * DAY)), payee, h.head, php * r.uniform(0.75, 0.95), "")
    elif payee is not h.head and r.random() < w.P.p_forward:
        to = h.head if (len(h.collectors) < 3 or r.random() < 0.75) else r.choice(h.collectors)
        if to is not payee:
            money.domestic(
                r,
                t + int(r.uniform(1800, 3 * DAY)),
                payee,
                to,
                php * r.uniform(0.5, 1.0),
                text.ref(r, "domestic", 0.6),
            )
    if r.random() < w.P.p_cashout:
        who = h.head if r.random() < 0.6 else payee
        money.cashout(r, t + int(r.uniform(3600, 3 * DAY)), who, php * r.uniform(0.4, 1.0))
    return True


def run(w) -> None:
    P = w.P
    plat = w.platform
    hs = w.households
    span = w.t1 - w.t0
    for idx, p in enumerate(w.payers):
        r = w.rng("offenders", "payer", idx)
        kind = p.extra["kind"]
        if kind == "few":
            times = schedule(r, ("few", r.randint(1, 4), r.uniform(1, 60)), w.t0, w.t1)
            grow = 1.0
        elif kind == "steady":
            a = w.t0 if r.random() < 0.6 else w.t0 + int(r.random() * span * 0.3)
            times = schedule(r, ("every", r.uniform(5, 30)), a, w.t1 - int(r.random() * span * 0.15))
            grow = r.uniform(0.9, 1.3)
        elif kind == "escalating":
            a = w.t0 + int(r.random() * span * 0.4)
            times = schedule(
                r,
                ("escalating", r.uniform(18, 45), r.uniform(2, 7)),
                a,
                min(w.t1, a + int(r.uniform(0.4, 0.9) * span)),
            )
            grow = r.uniform(1.5, 3.0)
        elif kind == "occasional":
            a = w.t0 + int(r.random() * span * 0.5)
            times = schedule(r, ("few", r.randint(5, 15), r.uniform(90, 540)), a, w.t1)
            grow = 1.0
        else:
            a = w.t0 + int(r.random() * span * 0.8)
            times = schedule(r, ("burst", r.randint(5, 20), r.uniform(30, 90)), a, w.t1)
            grow = r.uniform(1.0, 1.5)
        p_blank = P.p_blank_few if kind == "few" else P.p_blank_other
        level = p.extra["level"]
        k = len(times)
        n_ok = 0
        chosen = [hs[j] for j in p.extra["hh"]]
        for i, base in enumerate(times):
            t = cross_time(r, p, base)
            if not (w.t0 <= t < w.t1):
                continue
            h = chosen[0] if len(chosen) == 1 or r.random() < 0.5 else r.choice(chosen)
            f = 1.0 + (grow - 1.0) * (i / max(1, k - 1))
            usd = min(700.0, max(8.0, lognormal(r, P.osec_median_usd * level * f, P.osec_sigma)))
            ref = text.ref(r, "osec", p_blank, handle=(p.plat[0].username if p.plat else ""))
            ch = p.extra["ch"] if r.random() < 0.85 else p.extra["ch2"]
            if _pay_household(w, r, p, h, t, usd, ref, ch):
                n_ok += 1
                if ref == "":
                    p.blank_refs += 1
            # the show itself: on the platform when both sides are there
            host = None
            for ha in h.hosts:
                if ha.open_at(t):
                    host = ha
                    break
            va = plat.account(p, t)
            if host is not None and va is not None:
                ts = t + int(r.uniform(120, 3600)) if r.random() < 0.75 else t - int(r.uniform(600, 4 * 3600))
                tip = lognormal(r, w.P.k("offenders.usd2", 15), 0.6) if r.random() < P.p_session_tip else 0.0
                sid = plat.session(r, ts, host, [(va, tip)], True, r.uniform(8, 45))
                if r.random() < P.p_offender_chat:
                    plat.chat(
                        r, min(t, ts) - int(r.uniform(300, 5400)), va, host, "osec", r.randint(2, 7), sid
                    )
        p.payments = n_ok
        if n_ok and n_ok <= 4 and len(p.nets) == 1 and p.blank_refs * 2 >= n_ok:
            p.trait("few_payments")
        # side behaviour on the card (overlaps with many look-alikes)
        if p.acct("card") is not None and p.acct("card").inst.exported:
            sp = w.spend
            if p.vpn:
                sp.habit(r, p, "vpn", 1.0, usd=r.choice([4.99, 9.99, 11.95, 6.67]))
            if r.random() < P.p_adult_site_offender:
                sp.habit(r, p, "adultcam", r.uniform(0.5, 3))
            if r.random() < 0.2:
                sp.habit(r, p, "dating", 1.0)
            if r.random() < 0.15:
                sp.habit(r, p, "software", 0.3)
            if p.plat and r.random() < 0.4:
                sp.habit(r, p, "vidchat", r.uniform(0.3, 2))
            if r.random() < P.p_travel_offender:
                for _ in range(r.randint(1, 2)):
                    sp.trip(r, p)
                p.trait("travel_ph")
