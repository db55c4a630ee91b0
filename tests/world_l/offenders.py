"""The offending side of world L: facilitator households, offender payers and sextortion rings.

Only amounts, times and identifiers are simulated; texts come from the shared innocuous voices.
"""

from __future__ import annotations

import random

from .behaviour import DAY, amount, at, call, cash_out, chat, hour, nice, trip
from .population import DEMAND, USD_PER, WEST_AFRICA, Acct, Person, World, pick, vpn_ip

S_HH, S_PAY, S_RING, S_SXV, S_MSG = 11, 12, 13, 14, 100
BAN = "trust-and-safety ban"
EVERYDAY_REFS = (
    "for the bills",
    "groceries",
    "tuition",
    "medicine",
    "family support",
    "support",
    "food",
    "thanks",
    "repair",
    "",
)


class Household:
    def __init__(self, net: str) -> None:
        self.net = net
        self.members: list[Person] = []
        self.collectors: list[Person] = []
        self.chains: list[list[tuple[Acct, int, int]]] = []
        self.banks: list[Acct] = []
        self.nominees: list[Acct] = []
        self.hosts: list[tuple[Acct, int, int]] = []
        self.relay: Person | None = None
        self.pickup: Acct | None = None
        self.weight = 1.0
        self.payers: list[Payer] = []

    def recv(self, t: int, rng: random.Random) -> Acct:
        x = rng.random()
        if x < 0.15 and self.banks:
            return rng.choice(self.banks)
        if x < 0.3 and self.nominees:
            return rng.choice(self.nominees)
        chain = rng.choice(self.chains)
        for acct, start, end in chain:
            if start <= t < end:
                return acct
        return chain[-1][0]

    def host(self, t: int) -> Acct | None:
        for acct, start, end in self.hosts:
            if start <= t < end:
                return acct
        return None

    def share_to(self, rng: random.Random, acct: Acct) -> Acct | None:
        others = [
            m.wallet
            for m in self.members
            if m.wallet is not None and m.wallet is not acct and m is not self.relay
        ]
        return rng.choice(others) if others else None


def build_households(w: World, n: int) -> list[Household]:
    P = w.params
    churn_rate = P.u("hh_churn_rate", 0.3, 0.7)
    churn_days = P.u("hh_churn_period_days", 60, 150, 1)
    nominee_rate = P.u("hh_nominee_account_rate", 0.25, 0.6)
    relay_rate = P.u("hh_relay_rate", 0.15, 0.35)
    platform_rate = P.u("hh_platform_presence_rate", 0.5, 0.85)
    ban_rate = P.u("hh_host_ban_rate", 0.03, 0.15)
    same_house = P.u("hh_same_house_rate", 0.6, 0.9)
    pickup_rate = P.u("hh_cash_pickup_rate", 0.2, 0.5)
    numbers = w.rng.sample(range(100, 1000 if n < 800 else 10000), n)
    out = []
    for i in range(n):
        rng = w.sub(S_HH, i)
        hh = Household(f"hh-{numbers[i]:03d}")
        size = rng.choices((1, 2, 3, 4, 5, 6), (15, 25, 25, 15, 12, 8))[0]
        lead = w.person(rng, "facilitator", "PH", (24, 55), 0.2, "facilitator")
        lead.traits.append("collector")
        hh.members.append(lead)
        for _ in range(size - 1):
            hh.members.append(
                w.relative(
                    rng, lead, "facilitator", (18, 70), 0.45, rng.random() < same_house, role="facilitator"
                )
            )
        hh.collectors = [lead] + ([hh.members[1]] if size >= 3 and rng.random() < 0.3 else [])
        for m in hh.collectors[1:]:
            m.traits.append("collector")
        for m in hh.members:
            m.nets = [hh.net]
            m.lvl = rng.lognormvariate(0, 0.35)
            is_col = m in hh.collectors
            w.ph_accounts(rng, m, wallet=1.0 if is_col else 0.85, bank=0.5 if is_col else 0.15, chat=0.0)
            if m.bank is not None:
                m.income = rng.uniform(9000, 30000) if rng.random() < 0.5 else 0.0
                if is_col:
                    hh.banks.append(m.bank)
        hh.weight = rng.paretovariate(1.2)
        for col in hh.collectors:
            chain = [(col.wallet, w.t0 - 10 * DAY, w.t1 + DAY)]
            if rng.random() < churn_rate:
                col.traits.append("account_churn")
                chain = []
                acct = col.wallet
                start = w.t0 - 10 * DAY
                end = w.t0 + int(rng.uniform(0.2, 1.0) * churn_days * DAY)
                while True:
                    if end >= w.t1:
                        chain.append((acct, start, w.t1 + DAY))
                        break
                    chain.append((acct, start, end))
                    opened = end - int(rng.uniform(0, 7) * DAY)
                    closed = end + int(rng.uniform(3, 25) * DAY)
                    if closed < w.t1:
                        acct.closed = closed
                    if rng.random() < 0.5:
                        party = w.party(
                            rng,
                            col,
                            w.insts["ewallet"],
                            nominee=(rng.choice(("Rosa", "Nora", "Jun", "Lorna", "Ramon")), "f"),
                            created=opened,
                        )
                    else:
                        party = True
                    acct = w.account(rng, col, "ewallet", "ewallet", opened=opened, party=party)
                    start = end
                    end = start + int(churn_days * rng.uniform(0.7, 1.3) * DAY)
            hh.chains.append(chain)
            if len(chain) > 1:
                col.extra["bg_wallets"] = [a for a, _, _ in chain]
        if rng.random() < nominee_rate:
            lead.traits.append("nominee_account")
            rel = rng.choice(hh.members[1:]) if size > 1 else None
            given, gender = (
                (rel.given, rel.gender) if rel else (rng.choice(("Divina", "Rodel", "Teresa")), "f")
            )
            party = w.party(rng, lead, w.insts["ewallet"], nominee=(given, gender))
            hh.nominees.append(w.account(rng, lead, "ewallet", "ewallet", party=party))
        if rng.random() < relay_rate:
            relay = w.person(rng, "facilitator", "PH", (20, 60), 0.5, "facilitator")
            relay.nets = [hh.net]
            relay.traits.append("relay")
            relay.lvl = rng.lognormvariate(0, 0.35)
            w.ph_accounts(rng, relay, wallet=1.0, bank=0.3, chat=0.0)
            hh.relay = relay
            hh.members.append(relay)
        if rng.random() < pickup_rate:
            hh.pickup = w.account(rng, lead, "xpick", "remittance", party=False)
        if rng.random() < platform_rate:
            owner = lead if rng.random() < 0.6 or size == 1 else rng.choice(hh.members[1:size])
            owner.dev = lead.dev
            acct = w.account(rng, owner, "chat", "platform")
            start = w.t0 - 30 * DAY
            while True:
                if rng.random() < ban_rate:
                    tb = start + int(rng.uniform(20, 250) * DAY)
                    if tb < w.t1:
                        acct.banned = BAN
                        acct.closed = tb
                        hh.hosts.append((acct, start, tb))
                        start = tb + int(rng.uniform(1, 7) * DAY)
                        acct = w.account(rng, owner, "chat", "platform", opened=start)
                        continue
                hh.hosts.append((acct, start, w.t1 + DAY))
                break
            if size >= 3 and rng.random() < 0.3:
                second = w.account(rng, lead, "chat", "platform")
                hh.hosts.append((second, w.t0 - 30 * DAY, w.t1 + DAY))
        else:
            for m in hh.members:
                m.traits.append("no_platform")
        out.append(hh)
    return out


class Payer:
    pass


def build_payers(w: World, n: int, hhs: list[Household]) -> list[Payer]:
    P = w.params
    out_of_bundle = P.u("payer_foreign_institution_rate", 0.15, 0.35)
    few_share = P.u("payer_few_payments_share", 0.15, 0.3)
    frequent_share = P.u("payer_frequent_share", 0.2, 0.4)
    multi = P.u("payer_multi_household_rate", 0.12, 0.3)
    split = P.u("payer_split_accounts_rate", 0.05, 0.2)
    relay_use = P.u("payer_uses_relay_rate", 0.3, 0.7)
    pickup = P.u("payer_cash_pickup_rate", 0.15, 0.35)
    careful = P.u("payer_careful_rate", 0.1, 0.25)
    escalate = P.u("payer_escalating_rate", 0.1, 0.25)
    travels = P.u("payer_travels_rate", 0.05, 0.2)
    platform = P.u("payer_platform_rate", 0.45, 0.8)
    sess = P.u("payer_session_link_rate", 0.3, 0.8)
    vpn = P.u("payer_vpn_rate", 0.15, 0.4)
    cam = P.u("payer_adult_cam_rate", 0.1, 0.35)
    blank = P.u("payer_blank_reference_rate", 0.15, 0.45)
    night = P.u("payer_night_rate", 0.4, 0.85)
    roundp = P.u("payer_round_amount_rate", 0.55, 0.9)
    median = P.u("payer_median_usd", 25, 90, 1)
    weights = [h.weight for h in hhs]
    out = []
    for i in range(n):
        rng = w.sub(S_PAY, i)
        pay = Payer()
        pay.rng = rng
        pay.mrng = w.sub(S_PAY + S_MSG, i)
        country = pick(rng, DEMAND)
        p = w.person(rng, "offender_payer", country, (int(rng.triangular(30, 75, 52)),) * 2, 0.93, "payer")
        pay.p = p
        p.lvl = rng.lognormvariate(0, 0.35)
        p.income = rng.lognormvariate(8.0, 0.35)
        x = rng.random()
        pay.style = (
            "few" if x < few_share else ("frequent" if x < few_share + frequent_share else "occasional")
        )
        foreign = rng.random() < out_of_bundle
        # small worlds still hold every kind: payer 0 has few payments, payer 1 banks abroad and never
        # uses the platform, payer 2 pays several households
        if i == 0:
            pay.style = "few"
        elif i == 1:
            foreign = True
        elif i == 2 and pay.style == "few":
            pay.style = "occasional"
        w.abroad_accounts(
            rng, p, mto=0.0 if foreign else 1.0, chat=0.0 if i == 1 else platform * (0.4 if foreign else 1.0)
        )
        pay.accts = [p.wallet]
        pay.careful = rng.random() < careful
        pay.escalating = pay.style != "few" and rng.random() < escalate
        pay.travels = not foreign and pay.style != "few" and rng.random() < travels
        pay.relay = pay.style != "few" and rng.random() < relay_use
        pay.pickup = 0.0 if foreign or pay.style == "few" or rng.random() >= pickup else rng.uniform(0.2, 0.7)
        p.vpn = rng.random() < vpn
        pay.cam = not foreign and rng.random() < cam
        if pay.style != "few" and rng.random() < split:
            p.traits.append("split_accounts")
            if foreign or rng.random() < 0.5:
                second = w.account(rng, p, "xmto", "remittance", party=False)
            else:
                party = w.party(rng, p, w.insts["mto"], nominee=(p.given, p.gender))
                second = w.account(rng, p, "mto", "remittance", party=party)
            pay.accts.append(second)
        # households: every household gets at least one primary payer
        if i < len(hhs):
            first = hhs[i]
        else:
            first = rng.choices(hhs, weights)[0]
        pay.hhs = [first]
        if pay.style != "few" and len(hhs) > 1 and (rng.random() < multi or i == 2):
            want = rng.randint(2, min(4, len(hhs)))
            while len(pay.hhs) < want:
                h = rng.choices(hhs, weights)[0]
                if h not in pay.hhs:
                    pay.hhs.append(h)
        for h in pay.hhs:
            h.payers.append(pay)
        p.nets = [h.net for h in pay.hhs]
        pay.hh_w = [1.0] + [rng.uniform(0.2, 0.8) for _ in pay.hhs[1:]]
        pay.base = min(400.0, max(10.0, rng.lognormvariate(0, 0.5) * median))
        pay.night = rng.uniform(0.0, 0.1) if pay.careful else min(0.95, rng.uniform(0.7, 1.2) * night)
        pay.round_p = rng.uniform(0.0, 0.2) if pay.careful else min(0.98, rng.uniform(0.8, 1.15) * roundp)
        pay.blank = rng.uniform(0.7, 1.0) if pay.style == "few" else min(0.9, rng.uniform(0.6, 1.4) * blank)
        pay.p_sess = sess * rng.uniform(0.5, 1.2) * (0.5 if pay.careful else 1.0)
        pay.interval = rng.uniform(3, 10) if pay.style == "frequent" else rng.uniform(14, 45)
        pay.start = rng.uniform(0, w.days * 0.5) if rng.random() < 0.4 else 0.0
        pay.end = rng.uniform(pay.start + 30, w.days) if rng.random() < 0.2 else float(w.days)
        pay.esc = rng.uniform(1.5, 3.0)
        tags = [pay.style if pay.style != "few" else "few_payments"]
        for flag, name in (
            (pay.careful, "careful"),
            (pay.escalating, "escalating"),
            (pay.travels, "travels"),
            (pay.relay and any(h.relay for h in pay.hhs), "via_relay"),
            (pay.pickup > 0 and any(h.pickup for h in pay.hhs), "cash_pickup"),
            (p.vpn, "vpn"),
            (pay.cam, "adult_cam"),
            (len(pay.hhs) > 1, "multi_household"),
        ):
            if flag:
                tags.append(name)
        p.traits.extend(tags)
        if p.vpn or pay.careful:
            p.extra["vpn_ip"] = vpn_ip(rng)
        out.append(pay)
    return out


def _days(w: World, pay: Payer) -> list[tuple[float, float]]:
    """(day, progress) of every payment."""
    rng = pay.rng
    if pay.style == "few":
        n = rng.randint(1, 4)
        start = rng.uniform(0, w.days - 3)
        span = min(60.0, w.days - start - 1)
        return sorted((start + rng.uniform(0, span), 0.0) for _ in range(n))
    out = []
    d = pay.start + rng.uniform(0, pay.interval)
    span = max(1.0, pay.end - pay.start)
    while d < pay.end:
        prog = (d - pay.start) / span if pay.escalating else 0.0
        out.append((d, prog))
        d += rng.expovariate(1.0 / (pay.interval * (1.0 - 0.6 * prog)))
    return out


def run_payer(w: World, pay: Payer, cam_customer) -> None:
    rng, mrng, p = pay.rng, pay.mrng, pay.p
    txn = w.sink.txn
    voices = w.voices
    trips: list[tuple[int, int]] = []
    if pay.travels:
        for _ in range(rng.randint(1, 2)):
            d0 = rng.randint(20, max(21, w.days - 25))
            ln = rng.randint(7, 21)
            trips.append((d0, d0 + ln))
            trip(w, p, rng, d0, ln)
    nonblank_left = None
    plan = _days(w, pay)
    if pay.style == "few":
        nonblank_left = (len(plan) - 1) // 2
    ip = p.extra.get("vpn_ip", p.ip) if (p.vpn or pay.careful) else p.ip
    for d, prog in plan:
        if any(a <= d < b for a, b in trips):
            continue
        hh = rng.choices(pay.hhs, pay.hh_w)[0] if len(pay.hhs) > 1 else pay.hhs[0]
        hr = 9.5 + rng.random() * 7.5 if pay.careful else hour(rng, pay.night)
        t = at(w, p.tz, d, hr)
        usd = pay.base * rng.lognormvariate(0, 0.25) * (1.0 + (pay.esc - 1.0) * prog)
        src = pay.accts[0] if len(pay.accts) == 1 or rng.random() < 0.5 else pay.accts[1]
        if pay.careful:
            ref = rng.choice(EVERYDAY_REFS)
        else:
            ref = voices.ref("osec", rng, pay.blank)
        if nonblank_left is not None:
            if nonblank_left > 0 and rng.random() < 0.4:
                nonblank_left -= 1
            else:
                ref = ""
        amt = amount(rng, usd, src.cur, pay.round_p)
        php = usd / USD_PER["PHP"]
        via = rng.random()
        channel = "remittance" if src.inst.kind == "remittance" else "bank_transfer"
        if pay.relay and hh.relay is not None and via < 0.7:
            relay = hh.relay.wallet
            txn(t, amt, src, relay, channel, ref)
            t2 = t + int(rng.uniform(0.5, 12) * 3600)
            dest = hh.recv(t2, rng)
            fwd = nice(php * rng.uniform(0.85, 0.95))
            txn(t2, fwd, relay, dest, "ewallet", voices.ref("family", rng, 0.5))
            cash_out(w, rng, dest, t2, fwd, hh.share_to(rng, dest), 0.75)
        elif hh.pickup is not None and via < pay.pickup:
            txn(t, amt, src, hh.pickup, "cash_pickup", ref)
        else:
            dest = hh.recv(t, rng)
            txn(t, amt, src, dest, channel, ref)
            cash_out(w, rng, dest, t, php, hh.share_to(rng, dest), 0.75)
        host = hh.host(t)
        if p.chat is not None and host is not None:
            vc = "PH" if any(a <= d < b for a, b in trips) else p.country
            if rng.random() < pay.p_sess:
                ts = t + int(rng.uniform(-60, 45) * 60)
                sid = call(w, host, p.chat, ts, rng.uniform(8, 45), ip, vc)
                chat(
                    w,
                    mrng,
                    p.chat,
                    host,
                    ts - int(mrng.uniform(5, 40) * 60),
                    "osec",
                    "osec",
                    mrng.randint(2, 5),
                )
                if sid and mrng.random() < 0.3:
                    chat(w, mrng, host, p.chat, ts + 120, "osec", "osec", 1, sid)
            elif mrng.random() < 0.4:
                chat(
                    w,
                    mrng,
                    p.chat,
                    host,
                    t - int(mrng.uniform(5, 600) * 60),
                    "osec",
                    "osec",
                    mrng.randint(1, 4),
                )
            if rng.random() < 0.2:
                te = at(w, p.tz, d + rng.uniform(1, 5), hour(rng, pay.night))
                call(w, host, p.chat, te, rng.uniform(5, 30), ip, vc)
    if pay.style != "few" and p.card is not None:
        k = 1.0 / USD_PER[p.card.cur]
        sp = w.infra.special[p.country]
        if rng.random() < 0.2:
            m = rng.choice(sp["7273"])
            for mth in range(rng.randint(1, 6)):
                txn(at(w, p.tz, mth * 30.44 + 10, 22), 29.99 * k, p.card, m, "card", "", "7273", m.display)
        if pay.cam:
            cam_customer(w, p, rng, mrng, rng.uniform(0.3, 1.0))


# ---------------------------------------------------------------------------------------------------------
# Sextortion


class Ring:
    pass


def build_sextortion(w: World, n_rings: int, n_victims: int) -> tuple[list[Ring], list[Person]]:
    P = w.params
    ph_share = P.u("sx_ring_philippines_share", 0.3, 0.6)
    numbers = w.rng.sample(range(100, 1000), n_rings)
    rings = []
    for i in range(n_rings):
        rng = w.sub(S_RING, i)
        ring = Ring()
        ring.net = f"sx-{numbers[i]:03d}"
        ring.ph = i == 0 or rng.random() < ph_share
        ring.members = []
        country = "PH" if ring.ph else pick(rng, WEST_AFRICA)
        for _ in range(rng.randint(2, 5)):
            m = w.person(rng, "extortionist", country, (19, 35), 0.85, "facilitator")
            m.nets = [ring.net]
            m.lvl = rng.lognormvariate(-0.3, 0.3)
            if ring.ph:
                w.ph_accounts(rng, m, wallet=1.0, bank=0.2, chat=1.0)
            else:
                m.wallet = w.account(rng, m, "xwallet", "ewallet", party=False)
                m.extra["crypto"] = w.account(rng, m, "crypto", "crypto", party=False, cur="USD")
                m.chat = w.account(rng, m, "chat", "platform")
            ring.members.append(m)
        rings.append(ring)
    victims = []
    for i in range(n_victims):
        rng = w.sub(S_SXV, i)
        ring = rings[i % n_rings] if i < n_rings else rng.choice(rings)
        v = w.person(rng, "sextortion_victim", pick(rng, DEMAND), (15, 21), 0.9, "victim")
        v.nets = [ring.net]
        v.lvl = rng.uniform(0.2, 0.6)
        v.income = rng.uniform(300, 1200) if rng.random() < 0.5 else 0.0
        v.night = rng.uniform(0.2, 0.5)
        w.abroad_accounts(rng, v, mto=1.0, chat=1.0)
        v.extra["ring"] = ring
        victims.append(v)
    return rings, victims


def run_victim(w: World, v: Person, i: int) -> None:
    rng = w.sub(S_SXV + 200, i)
    mrng = w.sub(S_SXV + S_MSG, i)
    ring = v.extra["ring"]
    txn = w.sink.txn
    m = rng.choice(ring.members)
    d0 = rng.uniform(3, w.days - 6)
    t = at(w, v.tz, d0, hour(rng, 0.6))
    contact = t - int(rng.uniform(0.5, 72) * 3600)
    chat(w, mrng, m.chat, v.chat, contact, "sx", "sx", mrng.randint(3, 8))
    if rng.random() < 0.6:
        call(
            w, m.chat, v.chat, contact + int(rng.uniform(0.2, 3) * 3600), rng.uniform(2, 15), v.ip, v.country
        )
    n = rng.choices((1, 2, 3, 4, 5), (30, 25, 20, 15, 10))[0]
    k = 1.0 / USD_PER[v.wallet.cur]
    for j in range(n):
        usd = rng.uniform(50, 250) if j == 0 else rng.uniform(25, 500)
        amt = nice(usd * k) if rng.random() < 0.7 else usd * k
        chat(w, mrng, m.chat, v.chat, t - int(mrng.uniform(5, 90) * 60), "sx", "sx", mrng.randint(2, 4))
        ref = w.voices.ref("sx", rng, 0.6)
        if ring.ph:
            dest = rng.choice(ring.members).wallet
            txn(t, amt, v.wallet, dest, "remittance", ref)
            cash_out(w, rng, dest, t, usd / USD_PER["PHP"], None, 0.9)
        else:
            x = rng.random()
            if x < 0.4:
                gm = rng.choice(w.infra.by_mcc(v.country, "5999"))
                txn(t, nice(usd * k), v.card, gm, "gift_card", "", "5999", gm.display)
            elif x < 0.7:
                txn(t, amt, v.wallet, m.extra["crypto"], "crypto", ref)
            else:
                txn(t, amt, v.wallet, rng.choice(ring.members).wallet, "ewallet", ref)
        t += int(rng.uniform(1, 36) * 3600)
