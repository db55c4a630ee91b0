"""Everyday life: merchants, employers and cash agents, card spending, salaries, wallet use,
trips. It is the bulk of the rows and it is the same for every cohort (offenders included)."""

from __future__ import annotations

import random
from bisect import bisect

from .clock import DAY, at_local_hour
from .fx import nice
from .model import Person
from .rng import lognormal, poisson

# category: (mcc, name stems, name suffixes, median USD, sigma, where)
CATS: dict[str, tuple[str, list[str], list[str], float, float, str]] = {
    "grocery": (
        "5411",
        ["Greenleaf", "Harbor", "Sunrise", "Daily", "Corner", "Fresh"],
        ["Market", "Grocers", "Foods", "Mart"],
        35,
        0.7,
        "local",
    ),
    "restaurant": (
        "5812",
        ["Olive", "Copper", "Blue Door", "Lantern", "Maple"],
        ["Kitchen", "Grill", "Cafe", "Diner"],
        22,
        0.6,
        "local",
    ),
    "fuel": ("5541", ["Pacific", "Northway", "Summit", "Metro"], ["Fuel", "Petrol", "Gas"], 45, 0.4, "local"),
    "pharmacy": ("5912", ["Wellcare", "CityMed", "Greencross"], ["Pharmacy", "Chemist"], 18, 0.6, "local"),
    "clothing": ("5651", ["Thread", "Urban", "Cotton"], ["Co", "Outfitters", "Wear"], 55, 0.7, "local"),
    "electronics": ("5732", ["Volt", "Circuit", "Pixel"], ["Electronics", "Tech"], 120, 0.9, "local"),
    "online": (
        "5999",
        ["Shopwise", "Parcel", "Bazaar", "Everymart"],
        ["Online", "Store", "Direct"],
        30,
        0.9,
        "global",
    ),
    "books": ("5942", ["Pageturner", "Inkwell"], ["Books"], 20, 0.5, "global"),
    "streaming": ("4899", ["Streamly", "Tunebox", "Flixa"], ["", "Plus"], 12, 0.3, "global"),
    "telecom": ("4814", ["Telwave", "Skylink", "Connecta"], ["Mobile", "Telecom"], 40, 0.4, "local"),
    "transport": ("4121", ["Ridego", "Citycab", "Zoomer"], ["", "Rides"], 15, 0.6, "local"),
    "games": ("5816", ["PixelForge", "Arcadia", "Questline"], ["Games", "Store"], 15, 0.8, "global"),
    "vpn": (
        "4816",
        ["SecureTunnel", "HideWay", "Nimbus", "Shieldline"],
        ["VPN", "Privacy"],
        9,
        0.4,
        "global",
    ),
    "software": (
        "5734",
        ["ScreenGrab", "ClipCapture", "Recordia", "Cleanslate"],
        ["Pro", "Software"],
        25,
        0.6,
        "global",
    ),
    "dating": ("7273", ["HeartLink", "MatchBridge", "Soulmeet", "Amoro"], ["", "Premium"], 25, 0.5, "global"),
    "adultcam": ("5967", ["CamStage", "LiveLoft", "Spotlight Live"], ["", "Tokens"], 30, 0.8, "global"),
    "giftcard": ("5947", ["GiftCard Mall", "CardKiosk", "Prepaid Hub"], [""], 50, 0.6, "local"),
    "airline": (
        "4511",
        ["SkyPacific", "Bluewing", "Orient Air", "Coral Airways"],
        ["", "Air"],
        850,
        0.4,
        "global",
    ),
    "hotel": (
        "7011",
        ["Palm Cove", "Seabreeze", "Harbour View", "Lagoon"],
        ["Hotel", "Resort", "Inn"],
        90,
        0.7,
        "ph",
    ),
    "ph_restaurant": ("5812", ["Kusina", "Lutong", "Bahay"], ["Grill", "Cafe", "Eatery"], 15, 0.6, "ph"),
    "atm": ("6011", ["Metro ATM", "Island Bank ATM", "Peso ATM"], [""], 120, 0.5, "ph"),
    "jewellery": ("5944", ["Goldleaf", "Pearl Lane"], ["Jewellers", "Jewelry"], 180, 0.8, "local"),
    "travel": ("4722", ["Wanderly", "Tripwise"], ["Travel", "Tours"], 300, 0.7, "global"),
}
ORDINARY_MIX = {
    "grocery": 30,
    "restaurant": 20,
    "fuel": 10,
    "pharmacy": 5,
    "clothing": 5,
    "electronics": 2.5,
    "online": 12,
    "books": 2,
    "streaming": 3,
    "telecom": 3,
    "transport": 4,
    "games": 2,
    "vpn": 0.3,
    "software": 0.3,
    "dating": 0.3,
    "giftcard": 1,
    "jewellery": 0.4,
    "travel": 0.5,
}
_CATS = list(ORDINARY_MIX)
_CUMW = []
_a = 0.0
for _c in _CATS:
    _a += ORDINARY_MIX[_c]
    _CUMW.append(_a)

PH_WALLET_MIX = {"load": 30, "bill": 12, "qr": 25, "p2p": 20, "cashin": 13}
_PHW = list(PH_WALLET_MIX)
_PHW_CUM = []
_a = 0.0
for _c in _PHW:
    _a += PH_WALLET_MIX[_c]
    _PHW_CUM.append(_a)


class Spend:
    def __init__(self, world, r: random.Random):
        self.w = world
        self.r = r
        self.merchants: dict[tuple[str, str], list[Person]] = {}
        self.agents: dict[str, list[Person]] = {}
        self.employers: dict[str, list[Person]] = {}
        self.ph_billers: list[Person] = []
        self.ph_shops: list[Person] = []
        self.ph_people: list[Person] = []  # PH persons with a wallet, for domestic P2P

    # ---- counterparties -----------------------------------------------------------------------
    def merchant(self, r: random.Random, cat: str, country: str) -> Person:
        mcc, stems, sufs, _m, _s, where = CATS[cat]
        cc = (
            "PH"
            if where == "ph"
            else (country if where == "local" else ("US", "IE", "SG")[(len(cat) + ord(cat[0])) % 3])
        )
        key = (cat, cc)
        pool = self.merchants.get(key)
        if pool is None:
            pool = []
            rr = self.r
            for stem in stems:
                for suf in sufs if len(sufs) < 3 else rr.sample(sufs, 2):
                    nm = f"{stem} {suf}".strip()
                    m = self.w.pop.org(rr, "merchant", cc, nm)
                    m.extra["mcc"] = mcc
                    self.w.pop.open(rr, m, "ext-merchant", "merchant")
                    m.accounts[0].country = cc
                    pool.append(m)
            self.merchants[key] = pool
        return r.choice(pool)

    def agent(self, r: random.Random, city: str):
        pool = self.agents.get(city)
        if pool is None:
            pool = []
            rr = self.r
            for i in range(rr.randint(2, 5)):
                nm = f"{rr.choice(['Tindahan', 'Padala', 'Express', 'Sari-Sari', 'Cash Hub'])} {rr.choice(['ni', 'ng', 'sa'])} {rr.choice(['Aling', 'Mang', 'Kuya', 'Ate'])} {rr.choice(['Nena', 'Ben', 'Lito', 'Rosa', 'Dado', 'Tess', 'Boy', 'Lorna'])} {i + 1}"
                a = self.w.pop.org(rr, "merchant", "PH", nm)
                a.city = city
                self.w.pop.open(rr, a, "wallet-ph-b", "merchant")
                pool.append(a)
            self.agents[city] = pool
        return r.choice(pool).accounts[0]

    def employer(self, r: random.Random, country: str):
        pool = self.employers.get(country)
        if pool is None:
            pool = []
            rr = self.r
            for i in range(rr.randint(6, 14)):
                nm = f"{rr.choice(['Northgate', 'Bluepeak', 'Riverside', 'Keystone', 'Ironwood', 'Lumen', 'Crescent', 'Atlas'])} {rr.choice(['Holdings', 'Logistics', 'Health', 'Services', 'Manufacturing', 'Retail', 'BPO', 'Construction'])} {i + 1}"
                e = self.w.pop.org(rr, "organization", country, nm)
                self.w.pop.open(rr, e, "ext-bank" if country != "PH" else "bank-ph-a")
                pool.append(e)
            self.employers[country] = pool
        return r.choice(pool).accounts[0]

    def build_ph(self) -> None:
        rr = self.r
        for nm in [
            "Telwave Prepaid Load",
            "Skylink Load Center",
            "Metro Power Bills",
            "City Water Bills",
            "Broadband Bills",
            "Load Plus Reload",
        ]:
            b = self.w.pop.org(rr, "merchant", "PH", nm)
            self.w.pop.open(rr, b, "wallet-ph-b", "merchant")
            self.ph_billers.append(b)
        for i in range(40):
            nm = f"{rr.choice(['Kainan', 'Botika', 'Hardware', 'Bakery', 'Mini Mart', 'Carinderia', 'Laundry', 'Pisonet', 'Print Shop'])} {rr.choice(['Mabuhay', 'Sampaguita', 'Bayanihan', 'Masagana', 'Liwayway'])} {i + 1}"
            s = self.w.pop.org(rr, "merchant", "PH", nm)
            self.w.pop.open(rr, s, "wallet-ph-b", "merchant")
            self.ph_shops.append(s)

    # ---- everyday life ------------------------------------------------------------------------
    def card_buy(self, r: random.Random, t: int, p: Person, cat: str, usd: float | None = None) -> None:
        w = self.w
        card = w.money._open(p.accounts, t, ("card",))
        if card is None:
            return
        m = self.merchant(r, cat, card.country)
        mcc, _st, _su, med, sig, _wh = CATS[cat]
        if usd is None:
            usd = lognormal(r, med, sig)
        cur = card.currency
        amt = w.money.amount_in(r, p, usd, cur, t)
        w.money.raw(t, amt, cur, card, m.accounts[0], "card", "", mcc, m.first)

    def foreign_life(self, r: random.Random, p: Person, rate_scale: float = 1.0) -> None:
        """Salary and card spending for a person with an in-bundle foreign bank."""
        w = self.w
        bank = p.acct("bank")
        card = p.acct("card")
        t0, t1 = w.t0, w.t1
        months = (t1 - t0) / (30.44 * DAY)
        if bank is not None and bank.inst.exported and r.random() < 0.8:
            emp = self.employer(r, p.country)
            monthly = r.random() < 0.75
            step = 30.44 * DAY if monthly else 14 * DAY
            salary = lognormal(r, 3800 if monthly else 1700, 0.4)
            t = t0 + int(r.uniform(0, step))
            amt = nice(w.fx.convert(salary, "USD", bank.currency, 0), 0.2, r, bank.currency)
            ref = ""
            while t < t1:
                if bank.open_at(t):
                    w.money.raw(
                        t,
                        round(amt * r.uniform(0.97, 1.03), 2),
                        bank.currency,
                        emp,
                        bank,
                        "bank_transfer",
                        ref or "SALARY",
                    )
                t += int(step + r.uniform(-DAY, DAY))
        if card is None or not card.inst.exported:
            return
        rate = lognormal(r, w.P.card_rate, 0.6) * rate_scale
        n = poisson(r, rate * months)
        span = t1 - t0
        for _ in range(n):
            t = at_local_hour(r, t0 + int(r.random() * span), p.tz, p.hours)
            if t >= t1 or t < t0:
                continue
            cat = _CATS[min(len(_CATS) - 1, bisect(_CUMW, r.random() * _CUMW[-1]))]
            self.card_buy(r, t, p, cat)

    def habit(
        self, r: random.Random, p: Person, cat: str, per_month: float, usd: float | None = None
    ) -> None:
        """A recurring purchase (VPN, dating, adult cams, platform tokens, games, gift cards)."""
        w = self.w
        months = (w.t1 - w.t0) / (30.44 * DAY)
        start = w.t0 + int(r.uniform(0, 0.6) * (w.t1 - w.t0))
        end = min(w.t1, start + int(r.uniform(0.2, 1.0) * (w.t1 - w.t0)))
        n = poisson(r, per_month * months * (end - start) / (w.t1 - w.t0))
        fixed = usd if usd is not None else None
        for _ in range(n):
            t = at_local_hour(r, start + int(r.random() * (end - start)), p.tz, p.hours)
            if w.t0 <= t < w.t1:
                if cat == "vidchat":
                    self.token_buy(r, t, p, fixed or lognormal(r, 20, 0.6))
                else:
                    self.card_buy(r, t, p, cat, fixed)

    def token_buy(self, r: random.Random, t: int, p: Person, usd: float) -> None:
        """Buying platform tokens: paid by card, or by wallet for PH users."""
        w = self.w
        pay = w.money._open(p.accounts, t, ("card",)) or w.money._open(
            p.accounts, t, ("wallet-ph-b", "p2p-intl-k")
        )
        if pay is None:
            return
        m = w.platform.merchant
        cur = pay.currency
        amt = nice(w.fx.convert(usd, "USD", cur, (t - w.t0) // DAY), 0.9, r, cur)
        ch = "card" if pay.kind == "card" else "ewallet"
        w.money.raw(t, amt, cur, pay, m, ch, "", "5815" if ch == "card" else "", "VidChat Tokens")

    def trip(
        self, r: random.Random, p: Person, start: int | None = None, days: int | None = None
    ) -> tuple[int, int]:
        """A trip to the Philippines seen on the card: flight, hotels, meals, ATM withdrawals."""
        w = self.w
        if start is None:
            start = int(r.uniform(w.t0 + 40 * DAY, w.t1 - 10 * DAY))
        days = days or r.randint(6, 30)
        end = start + days * DAY
        book = start - int(r.uniform(10, 60)) * DAY
        if book > w.t0:
            self.card_buy(
                r, at_local_hour(r, book, p.tz, p.hours), p, "airline" if r.random() < 0.8 else "travel"
            )
        for _ in range(r.randint(1, 3)):
            self.card_buy(r, start + int(r.uniform(0, days)) * DAY + int(r.uniform(8, 22) * 3600), p, "hotel")
        for _ in range(r.randint(2, 3 + days // 2)):
            self.card_buy(r, start + int(r.uniform(0, days * DAY)), p, "ph_restaurant")
        for _ in range(r.randint(1, 2 + days // 5)):
            self.card_buy(r, start + int(r.uniform(0, days * DAY)), p, "atm")
        if r.random() < 0.15:
            self.card_buy(r, start + int(r.uniform(0, days * DAY)), p, "jewellery")
        return start, end

    def ph_life(self, r: random.Random, p: Person, rate_scale: float = 1.0) -> None:
        """Wallet and bank life of a person in the Philippines."""
        w = self.w
        money = w.money
        t0, t1 = w.t0, w.t1
        months = (t1 - t0) / (30.44 * DAY)
        wallet = p.acct("wallet-ph-b")
        bank = p.acct("bank-ph-a")
        if bank is not None and r.random() < 0.6:
            emp = self.employer(r, "PH")
            semi = r.random() < 0.3
            step = 15.22 * DAY if semi else 30.44 * DAY
            salary = lognormal(r, 11000 if semi else 22000, 0.5)
            t = t0 + int(r.uniform(0, step))
            while t < t1:
                if bank.open_at(t):
                    money.raw(t, nice(salary, 0.7, r, "PHP"), "PHP", emp, bank, "bank_transfer", "PAYROLL")
                    if wallet is not None and r.random() < 0.5:
                        money.raw(
                            t + int(r.uniform(3600, 3 * DAY)),
                            nice(salary * r.uniform(0.1, 0.4), 0.9, r, "PHP"),
                            "PHP",
                            bank,
                            wallet,
                            "bank_transfer",
                            "",
                        )
                t += int(step)
        if wallet is None:
            return
        rate = lognormal(r, w.P.ph_wallet_rate, 0.6) * rate_scale
        n = poisson(r, rate * months)
        span = t1 - t0
        for _ in range(n):
            t = at_local_hour(r, t0 + int(r.random() * span), p.tz, p.hours)
            if t >= t1 or t < t0:
                continue
            if not wallet.open_at(t):
                wallet = money._open(p.accounts, t, ("wallet-ph-b",))
                if wallet is None:
                    wallet = p.acct("wallet-ph-b")
                    continue
            k = _PHW[min(len(_PHW) - 1, bisect(_PHW_CUM, r.random() * _PHW_CUM[-1]))]
            if k == "load":
                b = self.ph_billers[0 if r.random() < 0.5 else (1 if r.random() < 0.5 else 5)]
                money.raw(
                    t,
                    float(r.choice([15, 20, 30, 50, 50, 99, 100, 100, 150, 200, 300, 500])),
                    "PHP",
                    wallet,
                    b.accounts[0],
                    "ewallet",
                    r.choice(["load", "LOAD", "regular load", "promo", ""]),
                )
            elif k == "bill":
                b = self.ph_billers[r.randint(2, 4)]
                money.raw(
                    t,
                    nice(lognormal(r, 1800, 0.5), 0.1, r, "PHP"),
                    "PHP",
                    wallet,
                    b.accounts[0],
                    "ewallet",
                    r.choice(["bill", "kuryente", "tubig", "internet", ""]),
                )
            elif k == "qr":
                s = r.choice(self.ph_shops)
                money.raw(
                    t,
                    nice(lognormal(r, 250, 0.8), 0.5, r, "PHP"),
                    "PHP",
                    wallet,
                    s.accounts[0],
                    "ewallet",
                    "",
                )
            elif k == "p2p" and self.ph_people:
                other = r.choice(self.ph_people)
                if other is not p:
                    money.domestic(
                        r,
                        t,
                        p,
                        other,
                        lognormal(r, 600, 0.9),
                        r.choice(["", "", "", "bayad", "utang", "share", "pamasahe", "load", "gift"]),
                    )
            else:
                ag = self.agent(r, p.city)
                money.raw(
                    t, nice(lognormal(r, 1500, 0.7), 0.9, r, "PHP"), "PHP", ag, wallet, "ewallet", "cash in"
                )
