"""Shared behaviour: infrastructure (merchants, employers, agents), everyday background activity,
and small helpers (amounts, hours, trips, calls, chats, cash-outs) used by every cohort."""

from __future__ import annotations

import math
import random

from .population import COUNTRIES, USD_PER, Acct, Person, World

DAY = 86400

# Card spend: mcc, merchant names, USD range, weight.
CARD_MCC = (
    ("5411", ("FreshBasket", "CityMart", "GreenLeaf Grocer", "DailyPantry"), 15, 150, 30),
    ("5812", ("Harbor Grill", "Olive Table", "Noodle House", "Corner Bistro"), 8, 80, 18),
    ("5814", ("QuickBite", "BurgerStop", "WrapIt"), 5, 25, 15),
    ("5541", ("QuickFuel", "RoadStar Fuel"), 20, 90, 10),
    ("5912", ("WellCare Pharmacy", "MediPlus"), 5, 60, 6),
    ("5311", ("Mainstreet Store", "Urban Depot"), 20, 200, 6),
    ("4121", ("RideNow", "CityCab"), 6, 40, 8),
    ("4899", ("StreamBox", "TuneFlow"), 8, 20, 4),
    ("5816", ("PlayVault", "GameForge Store"), 2, 60, 3),
    ("4816", ("NetGuard VPN", "SafeTunnel"), 5, 15, 1),
    ("5999", ("GiftBox Cards", "CardHub Gifts"), 25, 200, 1),
)
SPECIAL_MCC = (
    ("7273", ("PairUp", "HeartLink")),
    ("4511", ("SkyWays Air", "Pacific Wings")),
    ("6011", ("ATM withdrawal",)),
    ("6051", ("CoinBridge", "BitHarbor")),
    ("4900", ("City Power", "Metro Water", "FastNet Broadband")),
)
PH_CARD = (
    ("5411", "SM-Style Supermart"),
    ("5311", "Island Mall Store"),
    ("5812", "Kainan Restaurant"),
    ("7011", "Palm Suites Hotel"),
    ("7011", "Bayview Inn"),
    ("6011", "ATM withdrawal"),
    ("4121", "Sakay Rides"),
    ("5912", "Botika Pharmacy"),
)
PH_SHOPS = (
    "Sari-sari Store",
    "Carinderia",
    "Bakeshop",
    "Pharmacy",
    "Hardware",
    "Water Refilling",
    "Laundry Shop",
    "Milk Tea Shop",
    "Eatery",
    "Gas Station",
)
PH_BILLERS = ("Metro Power Co", "Clearwater Utility", "FiberLink Internet", "HomeNet DSL", "Isla Postpaid")
PH_TELCOS = ("Isla Mobile", "Alon Telecom", "Ulap Mobile")
PH_SCHOOLS = ("Northfield College", "Lakeside Academy", "Mabini University", "Sto. Tomas Institute")
PH_EMPLOYERS = (
    "Pacific BPO",
    "Island Foods",
    "Metro Retail",
    "Cebu Builders",
    "Harbor Logistics",
    "Sunrise Clinic",
    "Visayas Power",
    "Luzon Transit",
)
ABROAD_EMPLOYERS = (
    "Northgate Logistics",
    "Bluewater Shipping",
    "Harbor Health",
    "Summit Care Home",
    "Gulf Construction",
    "Sunrise Hospital",
    "Metro Transit",
    "Apex Engineering",
)


def poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
    limit = math.exp(-lam)
    k = 0
    prod = rng.random()
    while prod > limit:
        k += 1
        prod *= rng.random()
    return k


def nice(x: float) -> float:
    """Round an amount the way people do."""
    if x < 10:
        return float(max(1, round(x)))
    if x < 50:
        return float(max(5, round(x / 5) * 5))
    if x < 200:
        return float(round(x / 10) * 10)
    if x < 1000:
        return float(round(x / 50) * 50)
    if x < 10000:
        return float(round(x / 100) * 100)
    if x < 100000:
        return float(round(x / 1000) * 1000)
    return float(round(x / 10000) * 10000)


def amount(rng: random.Random, usd: float, cur: str, round_p: float) -> float:
    """A USD-denominated intention turned into a local amount, round with probability round_p."""
    x = usd / USD_PER[cur]
    if rng.random() < round_p:
        return nice(x)
    return x * rng.uniform(0.97, 1.03)


def hour(rng: random.Random, night: float) -> float:
    if rng.random() < night:
        return (21.0 + rng.random() * 7.0) % 24.0
    return 7.0 + rng.random() * 14.0


def day_hour(rng: random.Random) -> float:
    return 9.0 + rng.random() * 8.0


def at(w: World, tz: int, day: float, hr: float) -> int:
    return w.t0 - tz + int(day) * DAY + int(hr * 3600)


class Infra:
    """Counterparties that are not customers: merchants, billers, employers, agents, schools."""

    def __init__(self, w: World, rng: random.Random) -> None:
        self.card: dict[str, list[tuple]] = {}
        self.special: dict[str, dict[str, list[Acct]]] = {}
        self.employers: dict[str, list[Acct]] = {}
        self.card_cum: list[float] = []
        tot = 0.0
        for row in CARD_MCC:
            tot += row[4]
            self.card_cum.append(tot)
        countries = [c for c in COUNTRIES if c not in ("PH",)]
        for c in countries:
            rows = []
            for mcc, names, lo, hi, _ in CARD_MCC:
                accts = [self._merchant(w, rng, c, n, "xacq") for n in names]
                rows.append((mcc, accts, lo, hi))
            self.card[c] = rows
            self.special[c] = {
                mcc: [self._merchant(w, rng, c, n, "xacq") for n in names] for mcc, names in SPECIAL_MCC
            }
            self.employers[c] = [
                w.account(rng, w.org(rng, "organization", c, n), "xbank", "bank", party=False)
                for n in rng.sample(ABROAD_EMPLOYERS, 4)
            ]
        n = w.customers
        self.ph_card = [(mcc, self._merchant(w, rng, "PH", name, "xacq")) for mcc, name in PH_CARD]
        self.shops = [
            self._merchant(w, rng, "PH", f"{rng.choice(PH_SHOPS)} {i + 1}", "ewallet")
            for i in range(max(20, n // 150))
        ]
        self.billers = [self._merchant(w, rng, "PH", b, "ewallet") for b in PH_BILLERS]
        self.telcos = [self._merchant(w, rng, "PH", t, "ewallet") for t in PH_TELCOS]
        self.agents = [
            self._merchant(w, rng, "PH", f"Cash Agent {i + 1}", "ewallet") for i in range(max(12, n // 250))
        ]
        self.atms = [self._merchant(w, rng, "PH", f"ATM {i + 1}", "bank") for i in range(8)]
        self.couriers = [
            self._merchant(w, rng, "PH", c, "ewallet") for c in ("SwiftBox Courier", "IslaXpress")
        ]
        self.schools = [self._merchant(w, rng, "PH", s, "xph") for s in PH_SCHOOLS]
        self.ph_employers = [
            w.account(rng, w.org(rng, "organization", "PH", nm), "bank" if i % 3 == 0 else "xph", "bank")
            for i, nm in enumerate(PH_EMPLOYERS * max(1, n // 4000))
        ]
        self.cam_merchant: Acct | None = None

    @staticmethod
    def _merchant(w: World, rng: random.Random, country: str, name: str, inst: str) -> Acct:
        org = w.org(rng, "merchant", country, name)
        a = w.account(rng, org, inst, "merchant", party=inst in ("ewallet", "bank"))
        a.alias = ""
        a.display = name
        return a

    def by_mcc(self, country: str, mcc: str) -> list[Acct]:
        for row in self.card[country]:
            if row[0] == mcc:
                return row[1]
        return self.special[country][mcc]

    def card_pick(self, rng: random.Random, country: str) -> tuple:
        x = rng.random() * self.card_cum[-1]
        i = 0
        cum = self.card_cum
        while cum[i] < x:
            i += 1
        mcc, accts, lo, hi = self.card[country][i]
        return mcc, rng.choice(accts), lo, hi


# ---------------------------------------------------------------------------------------------------------
# Background activity


def bg_abroad(w: World, p: Person, rng: random.Random, R: dict[str, float]) -> None:
    """Salary, card spend, bills, ATM, P2P and top-ups of a customer of the money-transfer operator."""
    inf: Infra = w.infra
    txn = w.sink.txn
    wal, card = p.wallet, p.card
    cur = wal.cur
    k = 1.0 / USD_PER[cur]
    days = w.days
    scale = days / 365.0 * p.lvl
    base = w.t0 - p.tz
    night = p.night
    if p.income > 0:
        emp = rng.choice(inf.employers[p.country])
        biweekly = rng.random() < 0.4
        step = 14 if biweekly else 30.44
        amt = p.income * k * (12 / 26 if biweekly else 1.0)
        d = rng.uniform(0, step)
        ref = rng.choice(("payroll", "salary", ""))
        while d < days:
            txn(
                base + int(d) * DAY + int((8 + rng.random() * 3) * 3600),
                amt * rng.uniform(0.98, 1.02),
                emp,
                wal,
                "bank_transfer",
                ref,
            )
            d += step
    card_cum = inf.card_cum
    rows = inf.card[p.country]
    top = card_cum[-1]
    for _ in range(poisson(rng, R["card"] * scale)):
        x = rng.random() * top
        i = 0
        while card_cum[i] < x:
            i += 1
        mcc, accts, lo, hi = rows[i]
        h = (21.0 + rng.random() * 7.0) % 24.0 if rng.random() < night else 7.0 + rng.random() * 14.0
        t = base + int(rng.random() * days) * DAY + int(h * 3600)
        m = accts[int(rng.random() * len(accts))]
        txn(t, rng.uniform(lo, hi) * k, card, m, "card", "", mcc, m.display)
    sp = inf.special[p.country]
    for _ in range(poisson(rng, R["bill"] * scale)):
        b = rng.choice(sp["4900"])
        t = base + int(rng.random() * days) * DAY + int((8 + rng.random() * 13) * 3600)
        ref = rng.choice(
            ("", "", f"invoice {rng.randint(1000, 99999)}", "for the bills", f"acct {rng.randint(100, 999)}")
        )
        txn(t, rng.uniform(30, 180) * k, wal, b, "bank_transfer", ref, "4900", b.display)
    atm = sp["6011"][0]
    for _ in range(poisson(rng, R["atm"] * scale)):
        t = base + int(rng.random() * days) * DAY + int(hour(rng, night) * 3600)
        txn(t, nice(rng.uniform(20, 300) * k), card, atm, "card", "", "6011", "ATM withdrawal")
    if p.friends:
        voices = w.voices
        for _ in range(poisson(rng, R["p2p"] * scale)):
            f = rng.choice(p.friends)
            t = base + int(rng.random() * days) * DAY + int(hour(rng, night) * 3600)
            txn(t, nice(rng.uniform(10, 200) * k), wal, f.wallet, "ewallet", voices.ref("friends", rng, 0.35))
    if p.vpn:
        vpn = inf.by_mcc(p.country, "4816")[int(rng.random() * 2)]
        d = rng.uniform(0, 30)
        while d < days:
            txn(
                base + int(d) * DAY + int(hour(rng, night) * 3600),
                9.99 * k,
                card,
                vpn,
                "card",
                "",
                "4816",
                vpn.display,
            )
            d += 30.44
    if p.xbank is not None:
        for _ in range(poisson(rng, R["topup"] * scale)):
            t = base + int(rng.random() * days) * DAY + int(day_hour(rng) * 3600)
            txn(t, nice(rng.uniform(100, 1000) * k), p.xbank, wal, "bank_transfer", "")


def bg_ph_wallet(w: World, p: Person, wal: Acct, rng: random.Random, R: dict[str, float]) -> None:
    """Everyday e-wallet activity of a resident of the Philippines (amounts in PHP).  Events outside the
    account's life (opened, closed) are dropped by the sink, so replaced accounts each carry their share."""
    inf: Infra = w.infra
    txn = w.sink.txn
    days = w.days
    scale = days / 365.0 * p.lvl
    base = w.t0 - p.tz
    night = p.night
    agents = inf.agents
    for _ in range(poisson(rng, R["cashin"] * scale)):
        t = base + int(rng.random() * days) * DAY + int((7 + rng.random() * 14) * 3600)
        txn(t, nice(rng.uniform(200, 5000)), rng.choice(agents), wal, "ewallet", "")
    for _ in range(poisson(rng, R["cashout"] * scale)):
        t = base + int(rng.random() * days) * DAY + int((7 + rng.random() * 14) * 3600)
        txn(t, nice(rng.uniform(200, 5000)), wal, rng.choice(agents), "ewallet", "")
    telcos = inf.telcos
    tel = rng.choice(telcos)
    for _ in range(poisson(rng, R["load"] * scale)):
        h = (21.0 + rng.random() * 7.0) % 24.0 if rng.random() < night + 0.1 else 7.0 + rng.random() * 14.0
        t = base + int(rng.random() * days) * DAY + int(h * 3600)
        amt = (20, 50, 50, 100, 100, 150, 300, 500, 1000)[int(rng.random() * 9)]
        txn(
            t,
            float(amt),
            wal,
            tel if rng.random() < 0.8 else rng.choice(telcos),
            "ewallet",
            "load" if rng.random() < 0.6 else "",
        )
    billers = inf.billers
    for _ in range(poisson(rng, R["phbill"] * scale)):
        b = rng.choice(billers)
        t = base + int(rng.random() * days) * DAY + int((8 + rng.random() * 13) * 3600)
        ref = rng.choice(("", f"invoice {rng.randint(1000, 99999)}", "for the bills", ""))
        txn(t, rng.uniform(400, 4000), wal, b, "ewallet", ref, "", b.display)
    shops = p.extra.get("shops") or inf.shops
    for _ in range(poisson(rng, R["qr"] * scale)):
        s = shops[int(rng.random() * len(shops))]
        t = base + int(rng.random() * days) * DAY + int((7 + rng.random() * 15) * 3600)
        txn(t, rng.uniform(30, 1500), wal, s, "ewallet", "", "", s.display)
    if p.friends:
        voices = w.voices
        for _ in range(poisson(rng, R["php2p"] * scale)):
            f = rng.choice(p.friends)
            if f.wallet is None:
                continue
            t = base + int(rng.random() * days) * DAY + int(hour(rng, night) * 3600)
            txn(t, nice(rng.uniform(100, 5000)), wal, f.wallet, "ewallet", voices.ref("friends", rng, 0.4))


def bg_ph_bank(w: World, p: Person, rng: random.Random, R: dict[str, float]) -> None:
    """Salary, ATM, transfers to the e-wallet and debit-card spend at the Philippine bank."""
    inf: Infra = w.infra
    txn = w.sink.txn
    days = w.days
    scale = days / 365.0 * p.lvl
    base = w.t0 - p.tz
    night = p.night
    wal = p.wallet
    bank = p.bank
    if bank is not None:
        if p.income > 0:
            emp = rng.choice(inf.ph_employers)
            for m in range(int(days / 30.44) + 1):
                for d in (14, 29):
                    day = int(m * 30.44 + d)
                    if day < days:
                        txn(
                            base + day * DAY + int((8 + rng.random() * 4) * 3600),
                            p.income / 2,
                            emp,
                            bank,
                            "bank_transfer",
                            "payroll",
                        )
        for _ in range(poisson(rng, R["bankatm"] * scale)):
            t = base + int(rng.random() * days) * DAY + int(hour(rng, night) * 3600)
            txn(
                t,
                nice(rng.uniform(500, 10000)),
                bank,
                rng.choice(inf.atms),
                "card",
                "",
                "6011",
                "ATM withdrawal",
            )
        if wal is not None:
            for _ in range(poisson(rng, R["b2w"] * scale)):
                t = base + int(rng.random() * days) * DAY + int((7 + rng.random() * 15) * 3600)
                txn(t, nice(rng.uniform(500, 8000)), bank, wal, "bank_transfer", "")
        if p.bcard is not None:
            for _ in range(poisson(rng, R["phcard"] * scale)):
                mcc, m = rng.choice(inf.ph_card)
                t = base + int(rng.random() * days) * DAY + int((9 + rng.random() * 12) * 3600)
                txn(t, rng.uniform(150, 5000), p.bcard, m, "card", "", mcc, m.display)


# ---------------------------------------------------------------------------------------------------------
# Helpers used by cohort behaviour


def cash_out(
    w: World,
    rng: random.Random,
    acct: Acct,
    t: int,
    php: float,
    share: Acct | None = None,
    p_out: float = 0.7,
) -> None:
    """Money received on a Philippine account moves on: cash-out at an agent or ATM, a share to a relative."""
    inf: Infra = w.infra
    txn = w.sink.txn
    t2 = t + int(rng.uniform(0.3, 30) * 3600)
    if share is not None and rng.random() < 0.4:
        part = nice(php * rng.uniform(0.1, 0.4))
        txn(t2, part, acct, share, "ewallet", w.voices.ref("family", rng, 0.6))
        php -= part
        t2 += int(rng.uniform(0.2, 6) * 3600)
    if rng.random() < p_out and php > 300:
        out = nice(php * rng.uniform(0.6, 1.0))
        if acct.inst.key == "bank":
            txn(t2, out, acct, rng.choice(inf.atms), "card", "", "6011", "ATM withdrawal")
        else:
            txn(t2, out, acct, rng.choice(inf.agents), "ewallet", "")


def call(
    w: World,
    host: Acct,
    viewer: Acct,
    t: int,
    minutes: float,
    vip: str,
    vcountry: str,
    private: bool = True,
    paid: float | None = None,
) -> str:
    vp = viewer.person
    return w.sink.session(t, minutes, host, [(viewer, vip, vp.dev, vcountry, paid)], private)


def chat(
    w: World, mrng: random.Random, a: Acct, b: Acct, t: int, voice_a: str, voice_b: str, n: int, sid: str = ""
) -> None:
    """n messages alternating between a and b from time t (minutes apart)."""
    if not w.chat_on or a is None or b is None:
        return
    voices = w.voices
    for i in range(n):
        if i % 2 == 0:
            w.sink.msg(t, a, b, voices.line(voice_a, mrng), sid)
        else:
            w.sink.msg(t, b, a, voices.line(voice_b, mrng), sid)
        t += int(mrng.uniform(0.2, 25) * 60)


def trip(w: World, p: Person, rng: random.Random, day: int, length: int) -> None:
    """A visit to the Philippines paid with the customer's card: flight, hotel, ATM, meals."""
    inf: Infra = w.infra
    txn = w.sink.txn
    card = p.card
    if card is None:
        return
    k = 1.0 / USD_PER[card.cur]
    air = rng.choice(inf.special[p.country]["4511"])
    txn(
        at(w, p.tz, day - rng.randint(10, 60), day_hour(rng)),
        rng.uniform(500, 1600) * k,
        card,
        air,
        "card",
        "",
        "4511",
        air.display,
    )
    ph = inf.ph_card
    for d in range(day, day + length):
        for _ in range(rng.randint(0, 2)):
            mcc, m = rng.choice(ph)
            usd = nice(rng.uniform(60, 300)) if mcc == "6011" else rng.uniform(5, 120)
            txn(at(w, 8 * 3600, d, 9 + rng.random() * 13), usd * k, card, m, "card", "", mcc, m.display)
