"""Who lives in world J and what they do.

`Builder.build()` draws every rate of the world from RANGES, creates the people (offenders and the
legitimate look-alikes that share each of their red flags), and queues one task per actor; the tasks run
in a shuffled order so that nothing about a record's position in a file says who made it.
"""

from __future__ import annotations

from . import names as N
from .model import DAYS, MONTHS, PH_SRC, START, Acct, Person, World

# name: (low, high, meaning). Every rate is drawn uniformly in [low, high] once per seed.
RANGES = {
    # population, as a share of `customers` (people holding an account at an institution of the bundle)
    "foreign_share": (
        0.50,
        0.58,
        "customers living in the UK/EU/Australia (the rest live in the Philippines)",
    ),
    "offender_payer": (0.001, 0.004, "offender payers"),
    "payers_per_household": (2.5, 5.0, "mean payers per facilitator household"),
    "sextortion_victim": (0.0004, 0.0012, "sextortion victims"),
    "victims_per_extortionist": (3.0, 7.0, "victims per extortionist"),
    "diaspora_remitter": (0.045, 0.075, "diaspora remitters banking in the bundle"),
    "diaspora_outside": (0.4, 0.8, "extra diaspora remitters abroad at outside institutions, per one inside"),
    "adult_customer": (0.008, 0.016, "adult customers paying performers"),
    "adult_performer": (0.002, 0.005, "legal adult performers in the Philippines"),
    "tutoring_client": (0.008, 0.016, "tutoring clients (about half are parents paying for a child)"),
    "online_tutor": (0.002, 0.005, "online English tutors"),
    "freelance_client": (0.003, 0.007, "clients of Philippine freelancers"),
    "freelancer": (0.002, 0.005, "freelancers / virtual assistants"),
    "seller_customer": (0.012, 0.025, "buyers from Philippine online sellers"),
    "online_seller": (0.003, 0.007, "online sellers"),
    "young_gamer": (0.004, 0.010, "young gamers buying game items"),
    "game_item_seller": (0.001, 0.0025, "game-item sellers"),
    "romance_victim": (0.0015, 0.004, "romance-scam victims"),
    "romance_mule": (0.0004, 0.001, "romance-scam mules"),
    "charity_sponsor": (0.003, 0.008, "charity sponsors"),
    "traveller": (0.006, 0.012, "travellers who pay people met in the Philippines"),
    "foreign_partner": (0.002, 0.006, "foreign partners / spouses"),
    "elderly_care_payer": (0.001, 0.003, "people paying carers of a parent in the Philippines"),
    "student_abroad": (0.002, 0.005, "Filipino students abroad"),
    "crypto_p2p_trader": (0.001, 0.003, "P2P crypto traders abroad"),
    "crypto_p2p_ph": (0.0005, 0.0015, "P2P crypto traders in the Philippines"),
    # offender behaviour
    "k_night": (0.22, 0.35, "payer kind weight: heavy night payers who escalate"),
    "k_careful": (0.15, 0.25, "payer kind weight: careful daytime payers, innocent references"),
    "k_few": (0.15, 0.25, "payer kind weight: 1-4 mostly blank payments"),
    "k_multi": (0.08, 0.15, "payer kind weight: pays 2-4 households"),
    "k_inbound": (0.10, 0.20, "payer kind weight: outside institution, seen only as inbound credits"),
    "k_intermediary": (0.05, 0.12, "payer kind weight: pays through a Philippine intermediary"),
    "night_p_night": (0.65, 0.9, "share of a night payer's payments at 21:00-04:00 local"),
    "night_blank": (0.35, 0.6, "blank references, night payers"),
    "careful_blank": (0.05, 0.2, "blank references, careful payers"),
    "few_blank": (0.6, 0.9, "blank references, few-payment payers"),
    "payer_round": (0.6, 0.9, "round amounts, night/few payers"),
    "payer_chat": (0.1, 0.25, "payers (and their household) with chat"),
    "payer_vpn": (0.2, 0.45, "payers buying VPN/privacy tools"),
    "payer_travel": (0.08, 0.25, "payers who travel to the Philippines"),
    "payer_fanlane": (0.08, 0.25, "payers who also subscribe to adult performers"),
    "payer_pickup": (0.2, 0.6, "app/remitter payers who (also) send to a cash-pickup beneficiary"),
    "fac_cashout": (0.55, 0.9, "facilitator cash-out after a credit"),
    "fac_delay_h": (1.0, 5.0, "mean hours to a facilitator cash-out"),
    "hh_nominee": (0.3, 0.6, "households collecting on an account in a relative's name"),
    "hh_diaspora": (0.15, 0.4, "households that also get genuine support from a relative abroad"),
    "hh_sessions": (0.15, 0.3, "households on the video-call app"),
    "hh_banned": (0.0, 0.15, "households with one account banned by the e-wallet"),
    # look-alike behaviour
    "family_cashout": (0.35, 0.7, "family recipient cash-out after a credit"),
    "family_delay_h": (3.0, 12.0, "mean hours to a family cash-out"),
    "family_forward": (0.15, 0.35, "family recipient forwarding part to a relative"),
    "dias_night": (0.2, 0.4, "night payments by shift workers (nurses, carers, seafarers)"),
    "dias_blank": (0.2, 0.45, "blank references, diaspora"),
    "adult_night": (0.55, 0.85, "night payments, adult customers"),
    "adult_blank": (0.35, 0.6, "blank references, adult customers"),
    "adult_few": (0.25, 0.45, "adult customers with 1-4 payments only"),
    "adult_fanlane": (0.4, 0.7, "adult customers also paying on the platform"),
    "perf_fanlane": (0.5, 0.8, "performers with a platform creator account"),
    "perf_studio": (0.2, 0.4, "performers sharing a studio address"),
    "perf_nominee": (0.05, 0.15, "performers collecting on a relative's wallet"),
    "perf_cashout": (0.25, 0.6, "performer cash-out after a credit"),
    "tutor_parent": (0.4, 0.6, "tutoring clients who are parents"),
    "tutor_outside": (0.3, 0.5, "tutoring clients at outside institutions (JP/KR/TW/CN)"),
    "ordinary_vpn": (0.06, 0.15, "ordinary customers buying VPN"),
    "ordinary_dating": (0.03, 0.07, "ordinary customers on dating sites"),
    "ordinary_adult": (0.01, 0.03, "ordinary customers buying on the adult platform"),
    "topup": (0.2, 0.45, "app/remitter payments preceded by a top-up record"),
    "chat_perf": (0.15, 0.3, "performer-customer pairs with chat"),
    "chat_tutor": (0.1, 0.2, "tutor-client pairs with chat"),
    "chat_family": (0.05, 0.12, "diaspora-family pairs with chat"),
    "chat_romance": (0.2, 0.4, "romance pairs with chat"),
    "chat_sext": (0.2, 0.4, "sextortion victims with chat"),
    "chat_gamer": (0.1, 0.2, "gamer-seller pairs with chat"),
    "sess_perf": (0.15, 0.3, "performers on the video-call app"),
    "sess_tutor": (0.1, 0.25, "tutors on the video-call app"),
    "level_foreign": (0.45, 0.75, "intensity of everyday banking abroad"),
    "level_ph": (0.6, 0.95, "intensity of everyday e-wallet/bank use in the Philippines"),
}

FOREIGN_INST = (
    ("harbourgate-uk", 0.38),
    ("nordlicht-eu", 0.30),
    ("southerncross-au", 0.12),
    ("wayfare-app", 0.20),
)
NL_CC = (
    ("DE", 0.35),
    ("NL", 0.15),
    ("FR", 0.13),
    ("IE", 0.1),
    ("ES", 0.1),
    ("IT", 0.1),
    ("AT", 0.04),
    ("BE", 0.03),
)
WF_CC = (
    ("GB", 0.3),
    ("IE", 0.07),
    ("DE", 0.14),
    ("NL", 0.1),
    ("FR", 0.07),
    ("ES", 0.05),
    ("IT", 0.05),
    ("AU", 0.14),
    ("NZ", 0.05),
    ("NO", 0.03),
)
OUT_PAYER_CC = (
    ("GB", 0.2),
    ("DE", 0.1),
    ("NL", 0.05),
    ("FR", 0.05),
    ("US", 0.3),
    ("CA", 0.1),
    ("NO", 0.05),
    ("AU", 0.1),
    ("IE", 0.05),
)
OUT_DIASPORA_CC = (
    ("SA", 0.25),
    ("AE", 0.2),
    ("HK", 0.1),
    ("SG", 0.1),
    ("US", 0.15),
    ("CA", 0.07),
    ("JP", 0.05),
    ("IT", 0.08),
)
BANKS = ("harbourgate-uk", "nordlicht-eu")
ORG_A = "North Bay Green Silver Oak River Summit Harbour Meadow Crown Blue Iron Pine Maple Coral Sun".split()
ORG_B = "gate side field stone brook ridge view well land point".split()
ORG_C = (
    "Logistics",
    "Care Homes",
    "Health Services",
    "Retail",
    "Engineering",
    "Foods",
    "Hospitality",
    "Consulting",
    "Shipping",
    "Construction",
    "Holdings",
    "Cleaning",
    "Facilities",
    "Transport",
)
ORG_SUFFIX = {
    "GB": "Ltd",
    "IE": "Ltd",
    "DE": "GmbH",
    "AT": "GmbH",
    "NL": "B.V.",
    "BE": "BV",
    "FR": "SAS",
    "ES": "S.L.",
    "IT": "S.r.l.",
    "AU": "Pty Ltd",
    "NZ": "Ltd",
    "PH": "Inc.",
    "US": "LLC",
    "SG": "Pte Ltd",
    "NO": "AS",
}
CARD_CATS = (
    ("grocery", 0.34),
    ("restaurant", 0.18),
    ("fuel", 0.1),
    ("clothing", 0.07),
    ("pharmacy", 0.07),
    ("streaming", 0.06),
    ("marketplace", 0.1),
    ("electronics", 0.03),
    ("games", 0.03),
    ("software", 0.02),
)
ONLINE_CC = {
    "streaming": "IE",
    "marketplace": "LU",
    "vpn": "NL",
    "software": "US",
    "dating": "US",
    "adult_platform": "US",
    "games": "US",
    "gift_card": "US",
    "airline": "SG",
    "travel_agency": "GB",
}


def weighted(r, pairs):
    x = r() * sum(w for _, w in pairs)
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


class Builder:
    def __init__(self, w: World) -> None:
        self.w = w
        r = w.r
        self.p = {k: round(r.uniform(lo, hi), 4) for k, (lo, hi, _) in RANGES.items()}
        self.n = w.customers
        self.merch: dict = {}
        self.employers: dict = {}
        self.peers: dict[str, list[Acct]] = {
            s: [] for s in ("harbourgate-uk", "nordlicht-eu", "pitaka-ph", "silangan-ph")
        }
        self.ph_people: list[Person] = []
        self.agents: list[Acct] = []
        self.atms: list[Acct] = []
        self.billers: dict[str, list] = {}
        self.counts: dict[str, int] = {}
        self.convs: dict = {}

    def count(self, key: str, minimum: int = 2) -> int:
        return max(minimum, int(round(self.p[key] * self.n)))

    # ================================================================== infrastructure
    def org_name(self, cc: str) -> str:
        w = self.w
        return f"{w.pick(ORG_A)}{w.pick(ORG_B)} {w.pick(ORG_C)} {ORG_SUFFIX.get(cc, 'Ltd')}"

    def merchant(self, cc: str, cat: str):
        lst = self.merch.get((cc, cat))
        if lst is None:
            w = self.w
            mcc, names_, _ = N.MERCHANTS[cat] if cat in N.MERCHANTS else N.PH_MERCHANTS[cat]
            lst = []
            for nm in names_:
                o = w.org("merchant", nm, cc)
                a = w.account(o, "ext", kind="merchant", cc=cc)
                lst.append((a, mcc, nm.upper() if cc != "PH" else nm))
            self.merch[(cc, cat)] = lst
        return self.w.pick(lst)

    def employer(self, src: str, cc: str) -> Acct:
        w = self.w
        inside = src in ("harbourgate-uk", "nordlicht-eu", "silangan-ph") and w.rnd() < 0.5
        key = (src if inside else "ext", cc)
        lst = self.employers.get(key)
        if lst is None:
            lst = []
            for _ in range(12 if cc != "PH" else 30):
                o = w.org("organization", self.org_name(cc), cc)
                lst.append(w.account(o, src if inside else "ext", kind="bank", cc=cc))
            self.employers[key] = lst
        return w.zipf_pick(lst, 0.7)

    def infra(self) -> None:
        w = self.w
        n_agents = max(8, self.n // 800)
        for _ in range(n_agents):
            city = w.pick(N.CITIES["PH"])
            o = w.org(
                "merchant",
                f"{w.pick(['Padala', 'Bayad', 'Cash', 'Pera'])} Center {city} {w.uniq('agt', 3)}",
                "PH",
            )
            self.agents.append(w.account(o, "pitaka-ph", kind="merchant"))
        bank_org = w.org("organization", "Bangko Silangan ATM network", "PH")
        for city in N.CITIES["PH"]:
            a = w.account(bank_org, "silangan-ph", kind="merchant")
            a.display = f"SILANGAN ATM {city.upper()}"
            self.atms.append(a)
        for cat, (mcc, lst) in N.PH_DOMESTIC.items():
            accts = []
            for nm in lst:
                o = w.org("merchant", nm, "PH")
                accts.append((w.account(o, "pitaka-ph", kind="merchant"), mcc, nm))
            self.billers[cat] = accts
        o = w.org("organization", "Fanlane Inc.", "US")
        self.fan_settle = w.account(o, "fanlane", kind="platform", cc="US", cur="USD")
        self.fan_settle.username = "fanlane-payouts"

    # ================================================================== people
    def foreign(
        self,
        cohort: str,
        inst=FOREIGN_INST,
        gender: str = "",
        age=(25, 65),
        last: str = "",
        pool: str = "",
        cc: str = "",
    ):
        w = self.w
        src = weighted(w.rnd, inst)
        if not cc:
            cc = {"harbourgate-uk": "GB", "southerncross-au": "AU"}.get(src) or weighted(
                w.rnd, NL_CC if src == "nordlicht-eu" else WF_CC
            )
        p = w.person(cohort, cc, gender, age, last, pool)
        cur = ""
        if src == "wayfare-app":
            cur = N.CUR.get(cc, "GBP")
        a = w.account(p, src, cur=cur)
        if src == "wayfare-app":
            if cc == "GB" and w.rnd() < 0.3:
                w.account(p, "harbourgate-uk")
            elif cc in ("DE", "NL", "FR", "IE", "ES", "IT", "AT", "BE") and w.rnd() < 0.2:
                w.account(p, "nordlicht-eu")
        return p, a

    def outside(self, cohort: str, cc: str, gender: str = "", age=(25, 65), pool: str = "", kind: str = ""):
        w = self.w
        p = w.person(cohort, cc, gender, age, "", pool)
        p.traits.append("inbound_only")
        a = w.account(p, "ext", kind=kind or ("remittance" if w.rnd() < 0.5 else "bank"), cc=cc)
        return p, a

    def ph(
        self,
        cohort: str,
        gender: str = "",
        age=(20, 60),
        last: str = "",
        city: str = "",
        addr: str = "",
        p_wallet: float = 0.85,
        p_bank: float = 0.45,
        opened=None,
        phone: str = "",
    ) -> Person:
        w = self.w
        p = w.person(cohort, "PH", gender, age, last)
        if city:
            p.city = city
        if addr:
            p.addr = addr
        if phone:
            p.phone = phone
        has_w = w.rnd() < p_wallet
        if has_w:
            w.account(p, "pitaka-ph", opened=opened)
        if w.rnd() < p_bank or not has_w:
            w.account(p, "silangan-ph", opened=opened)
        return p

    @staticmethod
    def ph_accts(p: Person) -> list:
        return [a for a in p.accts if a.src in PH_SRC and a.kind != "merchant"]

    @staticmethod
    def bank_of(p: Person):
        for a in p.accts:
            if a.src in BANKS:
                return a
        return None

    def pickup(self, p: Person, src: str) -> Acct:
        for a in p.accts:
            if a.src == src and a.cc == "PH" and a.kind == "remittance":
                return a
        return self.w.account(p, src, kind="pickup", cc="PH", cur="PHP")

    # ================================================================== payment plumbing
    @staticmethod
    def channel(s: Acct, r: Acct) -> str:
        if r.kind == "remittance" and r.src == s.src and r.cc == "PH":
            return "cash_pickup"
        src = s.src
        if src in BANKS:
            return "bank_transfer"
        if src == "southerncross-au":
            return "remittance"
        if src == "wayfare-app":
            return "ewallet" if r.src == "pitaka-ph" else "remittance"
        if src == "ext":
            return "remittance" if s.kind == "remittance" else "bank_transfer"
        if src == "pitaka-ph" or r.src == "pitaka-ph":
            return "ewallet"
        return "bank_transfer"

    def xpay(self, s: Acct, r: Acct, t: int, amt: float, ref: str = "") -> int:
        """A payment with the channel its institutions imply, sometimes after a top-up of the app wallet."""
        w = self.w
        if s.src in ("wayfare-app", "southerncross-au") and w.rnd() < self.p["topup"]:
            p = s.person
            fund = self.bank_of(p)
            if fund is None or fund.cur != s.cur:
                fund = p.extacct
                if fund is None:
                    fund = p.extacct = w.account(
                        p, "ext", kind="card" if w.rnd() < 0.6 else "bank", cc=s.cc, cur=s.cur
                    )
            w.pay(
                t - 60 - int(w.rnd() * 3000),
                round(amt * (1.0 + 0.02 * w.rnd()), 2),
                fund,
                s,
                "card" if fund.kind == "card" else "bank_transfer",
                "top-up",
            )
        return w.pay(t, amt, s, r, self.channel(s, r), ref)

    def route(self, s: Acct, p: Person, p_pickup: float = 0.15) -> Acct:
        w = self.w
        if s.src in ("wayfare-app", "southerncross-au") and w.rnd() < p_pickup:
            return self.pickup(p, s.src)
        accts = self.ph_accts(p)
        if not accts:
            return self.pickup(p, "wayfare-app")
        return accts[0] if len(accts) == 1 or w.rnd() < 0.7 else w.pick(accts)

    def react(
        self,
        r: Acct,
        tc: int,
        php: float,
        p_cash: float,
        delay_h: float,
        p_move: float = 0.0,
        move_to=None,
        p_load: float = 0.1,
    ) -> None:
        """What a Philippine receiver does with a credit: cash it out, move it on, buy load."""
        if r.src not in PH_SRC:
            return
        w = self.w
        x = w.rnd()
        if x < p_cash:
            t = tc + 300 + int(w.expo(delay_h) * 3600)
            amt = float(max(500, int(php * (0.6 + 0.4 * w.rnd()) / 100) * 100))
            if r.src == "pitaka-ph":
                w.pay(t, amt, r, w.zipf_pick(self.agents, 0.5), "ewallet", "CASH OUT")
            else:
                atm = w.pick(self.atms)
                left = amt
                while left > 0:
                    part = min(left, 20000.0)
                    w.pay(t, part, r, atm, "card", "", "6011", atm.display)
                    t += 40 + int(w.rnd() * 120)
                    left -= part
        elif x < p_cash + p_move and move_to:
            dst = w.pick(move_to)
            if dst is not r:
                t = tc + 600 + int(w.expo(delay_h * 2) * 3600)
                w.pay(
                    t,
                    round(php * (0.3 + 0.6 * w.rnd()), -2) or 100.0,
                    r,
                    dst,
                    "ewallet" if "pitaka-ph" in (r.src, dst.src) else "bank_transfer",
                    w.pick(("", "", "padala", "transfer")),
                )
        if w.rnd() < p_load and r.src == "pitaka-ph":
            b, mcc, nm = w.pick(self.billers["load"])
            w.pay(
                tc + int(w.expo(6) * 3600),
                float(w.pick((50, 100, 100, 200, 300, 500))),
                r,
                b,
                "ewallet",
                w.pick(("load", "load", "", "promo")),
                mcc,
                nm,
            )

    # ================================================================== chat and calls
    def chat_acct(self, p: Person) -> Acct:
        if p.chat is None:
            w = self.w
            a = w.account(p, "chika-msg", kind="platform", cc=p.cc, cur="")
            a.username = f"{(p.first.split()[0] + p.last[:1]).lower()}{w.uniq('handle', 4)}"
            a.display = p.first.split()[0] if w.rnd() < 0.6 else f"{p.first.split()[0]} {p.last[:1]}."
            p.chat = a
        return p.chat

    def conv(self, a: Person, b: Person, kind: str):
        key = (a.pid, b.pid)
        c = self.convs.get(key)
        if c is None:
            c = self.convs[key] = (self.chat_acct(a), self.chat_acct(b), kind)
            w = self.w
            for _ in range(w.poisson(4)):
                self.talk(c, START + int(w.rnd() * DAYS * 86400), 1 + int(w.rnd() * 3), small=True)
        return c

    def talk(self, c, t: int, n: int = 2, small: bool = False) -> None:
        w = self.w
        a, b, kind = c
        lines = N.CHAT[kind]
        others = N.CHAT["family" if kind != "family" else "friend"]
        tt = t - int(w.rnd() * 5400)
        for i in range(n):
            text = w.pick(others) if (small and w.rnd() < 0.3) or w.rnd() < 0.12 else w.pick(lines)
            if i % 2 == 0:
                w.msg(tt, a, b, text)
            else:
                w.msg(tt, b, a, text)
            tt += 20 + int(w.rnd() * 900)

    def call_acct(self, p: Person, dev: str = "", ip: str = ""):
        if p.call is None:
            w = self.w
            a = w.account(p, "kumusta-call", kind="platform", cc=p.cc, cur="")
            a.username = f"{p.first.split()[0].lower()}_{w.uniq('khandle', 4)}"
            a.display = p.first.split()[0]
            dev = dev or f"dev-{w.uniq('dev', 10):x}"
            ip = ip or self.ip(p.cc)
            p.call = (a, dev, ip)
        return p.call

    def ip(self, cc: str) -> str:
        # documentation ranges only (RFC 5737)
        w = self.w
        return f"{w.pick(('192.0.2', '198.51.100', '203.0.113'))}.{1 + int(w.rnd() * 254)}"

    def session_near(
        self, host: Person, viewer: Person, t: int, private_p: float, paid_p: float, dur=(10, 45)
    ):
        w = self.w
        ha, hdev, hip = host.call
        va, vdev, vip = viewer.call
        t0 = t - int(w.rnd() * 3 * 3600) if w.rnd() < 0.6 else t + int(w.rnd() * 3600)
        d = int(w.r.uniform(*dur) * 60)
        paid = round(w.lognorm(15, 0.6), 2) if w.rnd() < paid_p else 0.0
        w.session(t0, d, ha, va, hip, vip, hdev, vdev, w.rnd() < private_p, paid)

    # ================================================================== everyday life
    def side(
        self, p: Person, a: Acct, cat: str, n: int, hour_prof: str = "any", p_night: float = 0.0
    ) -> None:
        w = self.w
        for _ in range(n):
            m, mcc, nm = self.merchant(ONLINE_CC.get(cat, p.cc), cat)
            d = int(w.rnd() * DAYS)
            amt = w.money(w.lognorm(N.MERCHANTS[cat][2], 0.25), a.cur, 0.0)
            w.pay(
                w.t(d, w.hour_mix(p_night, hour_prof), p.tz),
                amt,
                a,
                m,
                "gift_card" if cat == "gift_card" else "card",
                "",
                mcc,
                nm,
            )

    def subscriptions(self, p: Person, a: Acct, cat: str, months: int) -> None:
        w = self.w
        m, mcc, nm = self.merchant(ONLINE_CC.get(cat, p.cc), cat)
        m0 = int(w.rnd() * max(1, 18 - months))
        amt = w.money(N.MERCHANTS[cat][2], a.cur, 0.0)
        dom = int(w.rnd() * 27)
        for k in range(m0, min(18, m0 + months)):
            w.pay(w.t(MONTHS[k] + dom, 3 + w.rnd() * 3, p.tz), amt, a, m, "card", "", mcc, nm)

    def trip(self, p: Person, a: Acct, d0: int | None = None) -> tuple[int, int]:
        """A trip to the Philippines: the flight, hotels, restaurants and cash from ATMs there."""
        w = self.w
        d0 = int(w.rnd() * (DAYS - 40)) if d0 is None else d0
        length = 7 + int(w.rnd() * 24)
        m, mcc, nm = self.merchant("SG", "airline")
        w.pay(
            w.t(max(0, d0 - 15 - int(w.rnd() * 60)), w.hour("any"), p.tz),
            w.money(w.lognorm(700, 0.3), a.cur, 0.2),
            a,
            m,
            "card",
            "",
            mcc,
            nm,
        )
        for _ in range(1 + int(w.rnd() * 3)):
            m, mcc, nm = self.merchant("PH", "hotel")
            w.pay(
                w.t(d0 + int(w.rnd() * length), 14 + w.rnd() * 4, 28800),
                w.money(w.lognorm(60, 0.4) * 4, a.cur, 0),
                a,
                m,
                "card",
                "",
                mcc,
                nm,
            )
        for _ in range(1 + int(w.rnd() * 4)):
            m, mcc, nm = self.merchant("PH", "atm")
            w.pay(
                w.t(d0 + int(w.rnd() * length), w.hour("any"), 28800),
                w.money(w.pick((50, 80, 100, 120, 150)), a.cur, 0.0),
                a,
                m,
                "card",
                "",
                mcc,
                nm,
            )
        for _ in range(w.poisson(length * 0.6)):
            m, mcc, nm = self.merchant("PH", w.pick(("restaurant", "restaurant", "tour")))
            w.pay(
                w.t(d0 + int(w.rnd() * length), 11 + w.rnd() * 11, 28800),
                w.money(w.lognorm(15, 0.6), a.cur, 0),
                a,
                m,
                "card",
                "",
                mcc,
                nm,
            )
        p.traits.append("travels_ph")
        return d0, d0 + length

    def life_foreign(
        self,
        p: Person,
        a: Acct,
        level: float,
        sal_gbp: float = 0.0,
        p_vpn: float | None = None,
        p_dating: float | None = None,
        p_adult: float | None = None,
    ) -> None:
        """Salary, bills, card spending and transfers to friends at a UK or EU bank."""
        w = self.w
        rnd = w.rnd
        tz, cur, cc = p.tz, a.cur, p.cc
        pay, tm, money = w.pay, w.t, w.money
        emp = self.employer(a.src, cc)
        sal = sal_gbp or w.lognorm(2300, 0.35)
        ref = f"SALARY {emp.hname[:16]}" if rnd() < 0.6 else "PAYROLL"
        m0 = 0 if rnd() < 0.9 else int(rnd() * 12)
        for k in range(m0, 18):
            pay(
                tm(MONTHS[k] + 24 + int(rnd() * 3), 1 + rnd() * 4, tz),
                money(sal * (0.97 + 0.06 * rnd()), cur, 0.0),
                emp,
                a,
                "bank_transfer",
                ref,
            )
        bills = [self.merchant(cc if cc in N.CITIES else "GB", "streaming")]
        util = self.employer("ext", cc)  # a utility company outside the bundle
        bill_amt = w.money(w.lognorm(90, 0.4), cur, 0.0)
        for k in range(18):
            pay(
                tm(MONTHS[k] + 1 + int(rnd() * 3), 4 + rnd() * 2, tz),
                bill_amt,
                a,
                util,
                "bank_transfer",
                f"DD {util.hname[:12]}",
            )
            if rnd() < 0.5:
                m, mcc, nm = bills[0]
                pay(tm(MONTHS[k] + 10, 3 + rnd(), tz), money(9.99, cur, 0.0), a, m, "card", "", mcc, nm)
        n = w.poisson(18 * 2.0 * level)
        hcc = cc if cc in N.CITIES else "GB"
        for _ in range(n):
            cat = weighted(rnd, CARD_CATS)
            m, mcc, nm = self.merchant(ONLINE_CC.get(cat, hcc), cat)
            pay(
                tm(int(rnd() * DAYS), w.hour("any"), tz),
                money(w.lognorm(N.MERCHANTS[cat][2], 0.6), cur, 0.1),
                a,
                m,
                "card",
                "",
                mcc,
                nm,
            )
        peers = self.peers.get(a.src)
        if peers:
            for _ in range(w.poisson(18 * 0.35 * level)):
                q = w.pick(peers)
                if q is not a:
                    pay(
                        tm(int(rnd() * DAYS), w.hour("any"), tz),
                        money(w.lognorm(40, 0.8), cur, 0.6),
                        a,
                        q,
                        "bank_transfer",
                        w.pick(N.REF_GB_P2P) if rnd() < 0.6 else "",
                    )
        pv = self.p["ordinary_vpn"] if p_vpn is None else p_vpn
        if rnd() < pv:
            self.subscriptions(p, a, "vpn", 3 + int(rnd() * 15))
        if rnd() < (self.p["ordinary_dating"] if p_dating is None else p_dating):
            self.subscriptions(p, a, "dating", 1 + int(rnd() * 6))
        if rnd() < (self.p["ordinary_adult"] if p_adult is None else p_adult):
            self.side(p, a, "adult_platform", 1 + int(rnd() * 8), "any", 0.4)
        if rnd() < 0.04:
            self.side(p, a, "software", 1)
        if rnd() < 0.05:
            self.side(p, a, "gift_card", 1 + int(rnd() * 3))

    def life_ph(self, p: Person, level: float, peers: list | None = None) -> None:
        """Cash-in, load, bills, shops, transfers to family and friends, salary and ATM at the bank."""
        w = self.w
        rnd = w.rnd
        pay, tm = w.pay, w.t
        wal = bank = None
        for a in p.accts:
            if a.kind == "merchant":
                continue
            if a.src == "pitaka-ph" and wal is None:
                wal = a
            elif a.src == "silangan-ph" and bank is None:
                bank = a
        tz = 28800
        if bank is not None:
            if rnd() < 0.5:
                emp = self.employer("silangan-ph", "PH")
                semi = rnd() < 0.5
                sal = w.lognorm(11000 if semi else 20000, 0.45)
                for k in range(18):
                    for dom in (14, 29) if semi else (29,):
                        pay(
                            tm(MONTHS[k] + min(dom, MONTHS[k + 1] - MONTHS[k] - 1), 6 + rnd() * 4, tz),
                            round(sal * (0.98 + 0.04 * rnd()), 2),
                            emp,
                            bank,
                            "bank_transfer",
                            "PAYROLL",
                        )
            for _ in range(w.poisson(18 * 0.7 * level)):
                atm = w.pick(self.atms)
                pay(
                    tm(int(rnd() * DAYS), w.hour("any"), tz),
                    float(w.pick((1000, 2000, 3000, 5000, 10000))),
                    bank,
                    atm,
                    "card",
                    "",
                    "6011",
                    atm.display,
                )
            if wal is not None:
                for _ in range(w.poisson(18 * 0.25 * level)):
                    pay(
                        tm(int(rnd() * DAYS), w.hour("any"), tz),
                        float(w.pick((500, 1000, 2000, 3000))),
                        bank,
                        wal,
                        "ewallet",
                        w.pick(("", "cash-in", "top up")),
                    )
        if wal is not None:
            for _ in range(w.poisson(18 * 0.7 * level)):
                pay(
                    tm(int(rnd() * DAYS), w.hour("any"), tz),
                    float(w.pick((200, 500, 500, 1000, 1000, 2000, 3000, 5000))),
                    w.zipf_pick(self.agents, 0.5),
                    wal,
                    "ewallet",
                    "CASH IN",
                )
            for _ in range(w.poisson(18 * 0.7 * level)):
                b, mcc, nm = w.pick(self.billers["load"])
                pay(
                    tm(int(rnd() * DAYS), w.hour("any"), tz),
                    float(w.pick((20, 50, 99, 100, 100, 200, 300, 500))),
                    wal,
                    b,
                    "ewallet",
                    w.pick(("load", "load", "", "promo", "regular load")),
                    mcc,
                    nm,
                )
            for _ in range(w.poisson(18 * 0.3 * level)):
                b, mcc, nm = w.pick(self.billers["utility"])
                pay(
                    tm(int(rnd() * DAYS), w.hour("any"), tz),
                    round(w.lognorm(1800, 0.5), 2),
                    wal,
                    b,
                    "ewallet",
                    "bills",
                    mcc,
                    nm,
                )
            for _ in range(w.poisson(18 * 0.45 * level)):
                b, mcc, nm = w.pick(self.billers[w.pick(("store", "store", "food", "pharmacy"))])
                pay(
                    tm(int(rnd() * DAYS), w.hour("any"), tz),
                    round(w.lognorm(350, 0.7), 2),
                    wal,
                    b,
                    "ewallet",
                    "",
                    mcc,
                    nm,
                )
            pool = peers or self.peers["pitaka-ph"]
            for _ in range(w.poisson(18 * 0.4 * level)):
                q = w.pick(pool)
                if q is not wal:
                    pay(
                        tm(int(rnd() * DAYS), w.hour("any"), tz),
                        float(w.pick((100, 200, 300, 500, 500, 1000, 1500, 2000))),
                        wal,
                        q,
                        "ewallet" if q.src == "pitaka-ph" else "bank_transfer",
                        w.pick(N.REF_PH_P2P) if rnd() < 0.6 else "",
                    )
            for _ in range(w.poisson(18 * 0.2 * level)):
                pay(
                    tm(int(rnd() * DAYS), w.hour("any"), tz),
                    float(w.pick((500, 1000, 1000, 2000, 3000))),
                    wal,
                    w.zipf_pick(self.agents, 0.5),
                    "ewallet",
                    "CASH OUT",
                )

    # ================================================================== cohorts
    def ordinary(self, n_foreign: int, n_ph: int) -> None:
        w = self.w
        P = self.p
        for _ in range(n_foreign):
            p, a = self.foreign("ordinary", age=(19, 80))
            if a.src in BANKS:
                self.peers[a.src].append(a)
                self.tasks_life_foreign(p, a)
            else:
                # remitter/app users who send money to other corridors
                dest = w.pick(("IN", "VN", "NG", "GH", "CN", "IN", "VN"))
                q = w.person("family_recipient", dest, age=(20, 75))
                qa = w.account(q, "ext", kind="bank", cc=dest)
                base = w.lognorm(150, 0.5)
                w.tasks.append((self.run_other_corridor, (p, a, qa, base)))
        made = 0
        while made < n_ph:
            size = weighted(w.rnd, ((1, 0.3), (2, 0.25), (3, 0.2), (4, 0.15), (5, 0.1)))
            last = w.zipf_pick(N.PH_LAST, 0.8)
            city = w.pick(N.CITIES["PH"])
            addr = w.address("PH", city)
            members = []
            for i in range(size):
                q = self.ph(
                    "ordinary",
                    age=(18, 75),
                    last=last if i == 0 or w.rnd() < 0.75 else "",
                    city=city,
                    addr=addr,
                    phone=members[0].phone if members and w.rnd() < 0.08 else "",
                )
                members.append(q)
                self.ph_people.append(q)
                for a in self.ph_accts(q):
                    self.peers[a.src].append(a)
            made += size
            if size > 1 and w.rnd() < 0.06:  # a wallet registered in a parent's name, used by a child
                user = members[-1]
                pid, nm = w.nominee(
                    "pitaka-ph", "PH", "", (50, 80), last, city, addr, "", START - int(w.rnd() * 9e7)
                )
                w.account(user, "pitaka-ph", nominee=pid, hname=nm)
                user.traits.append("nominee_account")
            fam = [a for m in members for a in self.ph_accts(m)]
            for q in members:
                w.tasks.append(
                    (self.life_ph, (q, P["level_ph"] * w.r.uniform(0.5, 1.5), fam if w.rnd() < 0.6 else None))
                )

    def tasks_life_foreign(self, p: Person, a: Acct, **kw) -> None:
        self.w.tasks.append(
            (self.life_foreign, (p, a, self.p["level_foreign"] * self.w.r.uniform(0.5, 1.5)), kw)
        )

    def run_other_corridor(self, p: Person, a: Acct, qa: Acct, base: float) -> None:
        w = self.w
        for k in range(18):
            if w.rnd() < 0.6:
                d = MONTHS[k] + int(w.rnd() * 28)
                self.xpay(
                    a,
                    qa,
                    w.t(d, w.hour("any"), p.tz),
                    w.money(base * w.r.uniform(0.7, 1.3), a.cur, 0.7),
                    w.pick(("family support", "", "", "gift", "rent")),
                )

    # ------------------------------------------------------------------ diaspora
    def diaspora(self) -> None:
        w = self.w
        P = self.p
        n_in = self.count("diaspora_remitter")
        n_out = int(n_in * P["diaspora_outside"])
        self.counts["diaspora_inside"] = n_in
        made_in = made_out = 0
        while made_in < n_in or made_out < n_out:
            last = w.zipf_pick(N.PH_LAST, 0.8)
            city = w.pick(N.CITIES["PH"])
            addr = w.address("PH", city)
            k = weighted(w.rnd, ((1, 0.4), (2, 0.3), (3, 0.17), (4, 0.09), (5, 0.04)))
            recips = []
            for i in range(k):
                inlaw = i > 0 and w.rnd() < 0.3
                q = self.ph(
                    "family_recipient",
                    gender="f" if w.rnd() < 0.7 else "m",
                    age=(45, 78) if i == 0 else (18, 55),
                    last="" if inlaw else last,
                    city=city,
                    addr=addr if w.rnd() < 0.7 else "",
                    phone=recips[0].phone if recips and w.rnd() < 0.1 else "",
                )
                recips.append(q)
                self.ph_people.append(q)
            fam_accts = [a for q in recips for a in self.ph_accts(q)]
            for q in recips:
                w.tasks.append((self.life_ph, (q, P["level_ph"] * 0.6, fam_accts)))
            n_members = weighted(w.rnd, ((1, 0.5), (2, 0.27), (3, 0.13), (4, 0.06), (6, 0.04)))
            for _ in range(n_members):
                inside = made_out >= n_out or (made_in < n_in and w.rnd() < n_in / (n_in + n_out))
                job = weighted(w.rnd, (("nurse", 0.3), ("carer", 0.25), ("seafarer", 0.12), ("worker", 0.33)))
                g = "f" if job in ("nurse", "carer") and w.rnd() < 0.8 else ("m" if job == "seafarer" else "")
                lname = last if w.rnd() < 0.8 else ""
                if inside:
                    inst = (("wayfare-app", 1.0),) if job == "seafarer" else FOREIGN_INST
                    p, a = self.foreign(
                        "diaspora_remitter", inst=inst, gender=g, age=(24, 60), last=lname, pool="PH"
                    )
                    made_in += 1
                else:
                    p, a = self.outside(
                        "diaspora_remitter", weighted(w.rnd, OUT_DIASPORA_CC), g, (24, 60), "PH"
                    )
                    if lname:
                        p.last = lname
                        a.hname = f"{p.first} {p.last}".upper()
                    made_out += 1
                p.traits.append(job)
                order = recips[:]
                if w.rnd() < 0.3:
                    w.r.shuffle(order)
                w.tasks.append((self.run_diaspora, (p, a, order, job)))
                if a.src in BANKS:
                    self.tasks_life_foreign(p, a)
                if w.rnd() < P["chat_family"]:
                    self.conv(p, order[0], "family")

    def run_diaspora(self, p: Person, a: Acct, recips: list, job: str) -> None:
        w = self.w
        P = self.p
        rnd = w.rnd
        base = w.lognorm({"nurse": 320, "carer": 220, "seafarer": 480, "worker": 200}[job], 0.4)
        p_night = (
            w.r.uniform(P["dias_night"] * 0.7, P["dias_night"] * 1.3)
            if job != "worker"
            else w.r.uniform(0.02, 0.1)
        )
        prof = "any" if job != "worker" else "eve"
        p_blank = P["dias_blank"]
        p_round = w.r.uniform(0.5, 0.9)
        pd = int(rnd() * 6)
        conv = self.convs.get((p.pid, recips[0].pid))
        fam_accts = [x for q in recips for x in self.ph_accts(q)]
        start_m = 0 if rnd() < 0.85 else int(rnd() * 12)
        routes = [self.route(a, q, 0.2) for q in recips]
        for k in range(start_m, 18):
            if job == "seafarer" and rnd() < 0.4:
                continue
            mon = k % 12
            for i, q in enumerate(recips):
                if i > 0 and rnd() > 0.35:
                    continue
                share = 1.0 if i == 0 else w.r.uniform(0.15, 0.5)
                d = MONTHS[k] + min(27, pd + int(rnd() * 4))
                t = w.t(d, w.hour_mix(p_night, prof), p.tz)
                amt = w.money(
                    base * share * w.r.uniform(0.85, 1.15) * (1.6 if mon in (5, 11) and i == 0 else 1.0),
                    a.cur,
                    p_round,
                )
                if rnd() < p_blank:
                    ref = ""
                elif mon in N.REF_FAMILY_SEASON and rnd() < 0.5:
                    ref = w.pick(N.REF_FAMILY_SEASON[mon])
                else:
                    ref = w.pick(N.REF_FAMILY)
                r = routes[i] if rnd() < 0.85 else self.route(a, q, 0.2)
                tc = self.xpay(a, r, t, amt, ref)
                self.react(
                    r,
                    tc,
                    w.last_ramt,
                    P["family_cashout"],
                    P["family_delay_h"],
                    P["family_forward"],
                    fam_accts,
                    0.15,
                )
                if conv is not None and i == 0 and rnd() < 0.5:
                    self.talk(conv, t, 1 + int(rnd() * 3))
            for _ in range(w.poisson(0.45)):
                q = w.zipf_pick(recips, 0.6)
                d = MONTHS[k] + int(rnd() * 28)
                t = w.t(d, w.hour_mix(p_night, prof), p.tz)
                amt = w.money(w.lognorm(45, 0.6), a.cur, p_round)
                ref = "" if rnd() < p_blank else w.pick(N.REF_FAMILY)
                r = routes[recips.index(q)]
                tc = self.xpay(a, r, t, amt, ref)
                self.react(r, tc, w.last_ramt, P["family_cashout"] * 0.7, P["family_delay_h"], 0.0, None, 0.2)

    # ------------------------------------------------------------------ offenders
    def offenders(self) -> None:
        w = self.w
        P = self.p
        n_pay = max(6, int(round(P["offender_payer"] * self.n)))
        kinds = ["night", "careful", "few", "multi", "inbound", "intermediary"]
        weights = [P["k_" + k] for k in kinds]
        alloc = {k: 1 for k in kinds}
        for _ in range(n_pay - len(kinds)):
            alloc[weighted(w.rnd, tuple(zip(kinds, weights, strict=True)))] += 1
        n_hh = max(3, int(round(n_pay / P["payers_per_household"])))
        hhs = [self.household(i) for i in range(n_hh)]
        attract = [w.r.paretovariate(1.2) for _ in hhs]
        self.counts["households"] = n_hh
        pairs = tuple(zip(range(n_hh), attract, strict=True))
        order = [k for k in kinds for _ in range(alloc[k])]
        w.r.shuffle(order)
        for i, kind in enumerate(order):
            if i < n_hh:  # every household gets at least one payer
                first = hhs[i]
                targets = [first]
            else:
                targets = [hhs[weighted(w.rnd, pairs)]]
            if kind == "multi":
                extra = 1 + int(w.rnd() * 3)
                for _ in range(extra * 3):
                    h = hhs[weighted(w.rnd, pairs)]
                    if h not in targets:
                        targets.append(h)
                    if len(targets) > extra:
                        break
                if len(targets) < 2:
                    targets.append(next(h for h in hhs if h is not targets[0]))
            self.payer(kind, targets)

    def household(self, idx: int) -> dict:
        w = self.w
        P = self.p
        net = f"hh-{idx + 1:03d}"
        last = w.zipf_pick(N.PH_LAST, 0.8)
        city = w.pick(N.CITIES["PH"])
        addr = w.address("PH", city)
        size = weighted(w.rnd, ((1, 0.2), (2, 0.3), (3, 0.25), (4, 0.15), (5, 0.1)))
        members = []
        roles = ["mother", "grandmother", "aunt", "uncle", "neighbour", "cousin"]
        for i in range(size):
            role = "mother" if i == 0 and w.rnd() < 0.8 else (w.pick(roles[1:]) if i else "father")
            g = (
                "m"
                if role in ("father", "uncle") or (role in ("neighbour", "cousin") and w.rnd() < 0.4)
                else "f"
            )
            age = {"grandmother": (50, 72), "mother": (24, 46), "father": (26, 50)}.get(role, (20, 55))
            same_last = role not in ("neighbour",) and (w.rnd() < 0.75 or role in ("mother", "father"))
            near = (
                addr
                if role != "neighbour" or w.rnd() < 0.6
                else w.address("PH", city).split(",", 1)[0] + ", " + addr.split(",", 1)[1]
            )
            q = self.ph(
                "facilitator",
                gender=g,
                age=age,
                last=last if same_last else "",
                city=city,
                addr=near,
                p_wallet=0.95 if i == 0 else 0.65,
                p_bank=0.35,
                phone=members[0].phone if members and w.rnd() < 0.5 else "",
            )
            q.role = "facilitator"
            q.net = net
            q.traits.append(role)
            members.append(q)
            for _ in range(1 if w.rnd() < 0.3 else 0):
                w.account(q, "pitaka-ph", opened=START + int(w.rnd() * (DAYS - 60) * 86400))
        head = members[0]
        if w.rnd() < P["hh_nominee"]:
            src = "pitaka-ph" if w.rnd() < 0.7 else "silangan-ph"
            opened = START - int(w.rnd() * 2 * 365 * 86400)
            pid, nm = w.nominee(
                src, "PH", "", (18, 75), last, city, addr, head.phone if w.rnd() < 0.5 else "", opened
            )
            ctrl = w.pick(members)
            w.account(ctrl, src, opened=opened, nominee=pid, hname=nm)
            ctrl.traits.append("nominee_account")
        accts = [a for q in members for a in self.ph_accts(q)]
        hh = {
            "net": net,
            "members": members,
            "accts": accts,
            "city": city,
            "addr": addr,
            "last": last,
            "sessions": w.rnd() < P["hh_sessions"],
            "payers": [],
        }
        if hh["sessions"]:
            dev = f"dev-{w.uniq('dev', 10):x}"
            ip = self.ip("PH")
            for q in members:
                if w.rnd() < 0.7 or q is head:
                    self.call_acct(q, dev, ip)
        if w.rnd() < P["hh_banned"]:
            cand = [a for a in accts if a.src == "pitaka-ph"]
            if cand:
                b = w.pick(cand)
                b.banned = "child sexual exploitation"
                b.closed = START + int(w.r.uniform(0.35, 0.9) * DAYS * 86400)
        for q in members:
            w.tasks.append((self.life_ph, (q, P["level_ph"] * w.r.uniform(0.4, 0.9), accts)))
        if w.rnd() < P["hh_diaspora"]:
            p, a = self.foreign(
                "diaspora_remitter", gender="f" if w.rnd() < 0.7 else "", age=(25, 55), last=last, pool="PH"
            )
            job = w.pick(("nurse", "carer", "worker"))
            p.traits.append(job)
            w.tasks.append(
                (self.run_diaspora, (p, a, [head] + [m for m in members[1:] if w.rnd() < 0.3], job))
            )
            if a.src in BANKS:
                self.tasks_life_foreign(p, a)
        w.tasks.append((self.run_household, (hh,)))
        return hh

    def run_household(self, hh: dict) -> None:
        """Moves between the household's own accounts, and load bought for the members."""
        w = self.w
        accts = hh["accts"]
        if len(accts) < 2:
            return
        for _ in range(w.poisson(18 * 0.6)):
            s, r = w.pick(accts), w.pick(accts)
            if s is r:
                continue
            w.pay(
                w.t(int(w.rnd() * DAYS), w.hour("any"), 28800),
                float(w.pick((200, 500, 1000, 2000, 3000))),
                s,
                r,
                "ewallet" if "pitaka-ph" in (s.src, r.src) else "bank_transfer",
                w.pick(("", "", "padala", "load", "pang-gastos", "bayad")),
            )

    def payer(self, kind: str, hhs: list) -> None:
        w = self.w
        P = self.p
        g = "m" if w.rnd() < 0.92 else "f"
        pool = "PH" if w.rnd() < 0.06 else ""
        if kind == "inbound":
            cc = weighted(w.rnd, OUT_PAYER_CC)
            p, a = self.outside("offender_payer", cc, g, (32, 72), pool)
        else:
            p, a = self.foreign("offender_payer", gender=g, age=(32, 74), pool=pool)
        p.role = "payer"
        p.net = ";".join(h["net"] for h in hhs)
        tag = {
            "night": "night_escalating",
            "careful": "careful_daytime",
            "few": "few_payments",
            "multi": "multi_household",
            "intermediary": "via_intermediary",
        }.get(kind)
        if tag:  # an inbound-only payer already carries `inbound_only`
            p.traits.append(tag)
        mule = None
        if kind == "intermediary":
            hh = hhs[0]
            mules = hh.setdefault("mules", [])
            if mules and w.rnd() < 0.5:
                mule = w.pick(mules)
            else:
                near = w.rnd() < 0.4
                mule = self.ph(
                    "facilitator", age=(20, 50), city=hh["city"] if near else "", p_wallet=0.9, p_bank=0.5
                )
                mule.role = "facilitator"
                mule.net = hh["net"]
                mule.traits.append("intermediary")
                mules.append(mule)
                w.tasks.append((self.life_ph, (mule, P["level_ph"] * 0.8, None)))
        for h in hhs:
            h["payers"].append(p)
        chat = kind != "inbound" and w.rnd() < P["payer_chat"]
        if chat:
            for h in hhs:
                self.conv(p, mule or h["members"][0], "osec")
        if any(h["sessions"] for h in hhs) and kind != "inbound" and w.rnd() < 0.5:
            self.call_acct(p)
        if a.src in BANKS:
            self.tasks_life_foreign(p, a, p_vpn=P["payer_vpn"], p_dating=0.12, p_adult=0.0)
        w.tasks.append((self.run_payer, (p, a, kind, hhs, mule)))

    def plan(self, kind: str) -> dict:
        """Timing, size and wording of an offender payer's payments to one household."""
        w = self.w
        P = self.p
        r = w.r
        if kind == "night":
            n = max(8, min(160, int(w.lognorm(35, 0.6))))
            return dict(
                n=n,
                span=r.uniform(90, 480),
                grow_gap=r.uniform(2.5, 6),
                base=w.lognorm(35, 0.45),
                grow_amt=r.uniform(1.3, 3.0),
                p_night=P["night_p_night"],
                prof="eve",
                blank=P["night_blank"],
                refs=N.REF_OSEC_NIGHT,
                p_round=P["payer_round"],
            )
        if kind == "careful":
            n = 6 + int(r.random() * 34)
            return dict(
                n=n,
                span=r.uniform(150, 520),
                grow_gap=r.uniform(0.8, 1.5),
                base=w.lognorm(70, 0.45),
                grow_amt=r.uniform(0.9, 1.5),
                p_night=r.uniform(0.02, 0.1),
                prof="day",
                blank=P["careful_blank"],
                refs=N.REF_OSEC_CAREFUL,
                p_round=r.uniform(0.2, 0.5),
            )
        if kind == "few":
            n = weighted(w.rnd, ((1, 0.35), (2, 0.3), (3, 0.2), (4, 0.15)))
            return dict(
                n=n,
                span=r.uniform(1, 45),
                grow_gap=1.0,
                base=w.lognorm(40, 0.6),
                grow_amt=1.0,
                p_night=r.uniform(0.2, 0.8),
                prof="any",
                blank=P["few_blank"],
                refs=N.REF_OSEC_NIGHT,
                p_round=P["payer_round"],
            )
        night = w.rnd() < 0.6
        n = max(3, min(90, int(w.lognorm(18, 0.7))))
        return dict(
            n=n,
            span=r.uniform(60, 450),
            grow_gap=r.uniform(1, 4) if night else 1.0,
            base=w.lognorm(45, 0.5),
            grow_amt=r.uniform(1.0, 2.2),
            p_night=r.uniform(0.5, 0.9) if night else r.uniform(0.02, 0.2),
            prof="eve" if night else "day",
            blank=r.uniform(0.2, 0.6),
            refs=N.REF_OSEC_NIGHT if night else N.REF_OSEC_CAREFUL,
            p_round=r.uniform(0.4, 0.9),
        )

    def days(self, n: int, span: float, grow_gap: float) -> list:
        """n payment days over `span` days, gaps shrinking by `grow_gap` from first to last."""
        w = self.w
        if n == 1:
            return [int(w.rnd() * (DAYS - 1))]
        span = min(span, DAYS - 2)
        d0 = w.rnd() * (DAYS - 1 - span)
        ws = [grow_gap - (grow_gap - 1.0) * i / (n - 1) for i in range(n - 1)]
        tot = sum(ws)
        out = [d0]
        for x in ws:
            out.append(out[-1] + span * x / tot * w.r.uniform(0.4, 1.6))
        hi = DAYS - 1
        return [min(hi, int(d)) for d in out]

    def run_payer(self, p: Person, a: Acct, kind: str, hhs: list, mule) -> None:
        w = self.w
        P = self.p
        rnd = w.rnd
        if kind != "inbound":
            if a.src not in BANKS and rnd() < P["payer_vpn"]:
                fund = self.bank_of(p)
                if fund:
                    self.subscriptions(p, fund, "vpn", 3 + int(rnd() * 15))
            card = self.bank_of(p)
            if card is not None:
                if rnd() < P["payer_travel"]:
                    self.trip(p, card)
                if rnd() < P["payer_fanlane"]:
                    self.side(p, card, "adult_platform", 1 + int(rnd() * 6), "any", 0.6)
                if rnd() < 0.08:
                    self.side(p, card, "software", 1)
            if rnd() < P["payer_fanlane"] * 0.5 and self.performers:
                self.fan_spend(p, w.pick(self.performers), 1 + int(rnd() * 8))
        for h in hhs:
            pl = self.plan("mixed" if kind in ("multi", "inbound", "intermediary") else kind)
            if kind == "intermediary":
                pl["n"] = max(pl["n"], 6)
            if mule is not None:
                cands = self.ph_accts(mule)
            else:
                cands = list(h["accts"])
                if a.src in ("wayfare-app", "southerncross-au") and rnd() < P["payer_pickup"]:
                    cands.append(self.pickup(w.pick(h["members"]), a.src))
                w.r.shuffle(cands)
                cands = cands[: 1 + int(rnd() * min(3, len(cands)))]
            conv = self.convs.get((p.pid, (mule or h["members"][0]).pid))
            host = next((m for m in h["members"] if m.call is not None), None) if p.call is not None else None
            ds = self.days(pl["n"], pl["span"], pl["grow_gap"])
            n = len(ds)
            pending = 0.0
            for i, d in enumerate(ds):
                t = w.t(d, w.hour_mix(pl["p_night"], pl["prof"]), p.tz)
                g = 1.0 + (pl["grow_amt"] - 1.0) * i / max(1, n - 1)
                gbp = pl["base"] * g * w.lognorm(1.0, 0.25)
                if rnd() < 0.03:
                    gbp *= w.r.uniform(3, 6)
                amt = w.money(gbp, a.cur, pl["p_round"])
                ref = "" if rnd() < pl["blank"] else w.pick(pl["refs"])
                if ref and rnd() < 0.04:
                    ref = f"@{h['last'].lower().replace(' ', '')}{int(rnd() * 99)}"
                r = cands[0] if rnd() < 0.6 else w.pick(cands)
                tc = self.xpay(a, r, t, amt, ref)
                php = w.last_ramt
                if mule is not None:
                    pending += php
                    if rnd() < 0.45 or i == n - 1:
                        dst = w.pick(h["accts"])
                        tf = tc + int(w.expo(20) * 3600)
                        fw = round(pending * w.r.uniform(0.82, 0.95), -2) or 100.0
                        w.pay(
                            tf,
                            fw,
                            r,
                            dst,
                            "ewallet" if "pitaka-ph" in (r.src, dst.src) else "bank_transfer",
                            w.pick(("", "", "padala", "bayad", "pang-gastos")),
                        )
                        pending = 0.0
                        self.react(dst, tf, fw, P["fac_cashout"], P["fac_delay_h"], 0.15, h["accts"], 0.2)
                else:
                    self.react(r, tc, php, P["fac_cashout"], P["fac_delay_h"], 0.15, h["accts"], 0.2)
                if conv is not None and rnd() < 0.6:
                    self.talk(conv, t, 1 + int(rnd() * 3))
                if host is not None and rnd() < 0.5:
                    self.session_near(host, p, t, 0.85, 0.2, (10, 45))

    # ------------------------------------------------------------------ sextortion and gamers
    def sextortion(self) -> None:
        w = self.w
        P = self.p
        n_v = self.count("sextortion_victim")
        n_e = max(1, int(round(n_v / P["victims_per_extortionist"])))
        exts = []
        for i in range(n_e):
            net = f"sx-{i + 1:02d}"
            in_ph = w.rnd() < 0.6 or i == 0
            cc = "PH" if in_ph else w.pick(("NG", "CI", "GH"))
            q = w.person("extortionist", cc, "m" if w.rnd() < 0.85 else "f", (19, 35))
            q.role = "facilitator"
            q.net = net
            accts = []
            for _ in range(2 + int(w.rnd() * 4)):
                if in_ph:
                    src = "pitaka-ph" if w.rnd() < 0.8 else "silangan-ph"
                    opened = (
                        START + int(w.rnd() * (DAYS - 30) * 86400)
                        if w.rnd() < 0.6
                        else START - int(w.rnd() * 600 * 86400)
                    )
                    pid, nm = w.nominee(src, "PH", "", (18, 40), "", "", "", "", opened)
                    accts.append(w.account(q, src, opened=opened, nominee=pid, hname=nm))
                else:
                    pid, nm = w.nominee("wayfare-app", cc, "", (18, 40), "", "", "", "", START)
                    accts.append(
                        w.account(
                            q, "wayfare-app", kind="ewallet", cc=cc, cur=N.CUR[cc], nominee=pid, hname=nm
                        )
                    )
            q.traits.append("nominee_accounts")
            exts.append((q, accts))
        self.counts["extortionists"] = n_e
        for i in range(n_v):
            q, accts = exts[i % n_e] if i < n_e else w.pick(exts)
            p, a = self.foreign(
                "sextortion_victim",
                inst=(("nordlicht-eu", 0.4), ("harbourgate-uk", 0.3), ("wayfare-app", 0.3)),
                gender="m" if w.rnd() < 0.85 else "f",
                age=(15, 19.9),
            )
            p.role = "victim"
            p.net = q.net
            if w.rnd() < P["chat_sext"]:
                self.conv(p, q, "sext")
            self.teen_life(p, a)
            w.tasks.append((self.run_victim, (p, a, q, accts)))

    def teen_life(self, p: Person, a: Acct) -> None:
        """A teenager's account: pocket money from a parent, games, snacks."""
        w = self.w
        if a.src not in BANKS:
            return
        parent = w.person("ordinary", p.cc, age=(40, 58), last=p.last)
        pa = w.account(parent, a.src)
        w.tasks.append((self.run_teen, (p, a, parent, pa)))

    def run_teen(self, p: Person, a: Acct, parent: Person, pa: Acct) -> None:
        w = self.w
        amt = w.money(w.lognorm(40, 0.4), a.cur, 0.9)
        ref = w.pick(("pocket money", "allowance", "Taschengeld", "", "zakgeld"))
        for k in range(18):
            w.pay(w.t(MONTHS[k] + 1, 7 + w.rnd() * 2, p.tz), amt, pa, a, "bank_transfer", ref)
        for _ in range(w.poisson(18 * 1.2)):
            cat = w.pick(("games", "games", "restaurant", "grocery", "streaming"))
            m, mcc, nm = self.merchant(ONLINE_CC.get(cat, p.cc if p.cc in N.CITIES else "GB"), cat)
            w.pay(
                w.t(int(w.rnd() * DAYS), w.hour_mix(0.25, "eve"), p.tz),
                w.money(w.lognorm(9, 0.6), a.cur, 0.3),
                a,
                m,
                "card",
                "",
                mcc,
                nm,
            )

    def burst(
        self,
        p: Person,
        a: Acct,
        targets: list,
        d: int,
        k: int,
        base: float,
        refs: list,
        p_blank: float,
        conv,
        react_p: float,
        gift_p: float,
    ) -> None:
        w = self.w
        t = w.t(d, w.hour_mix(0.45, "eve"), p.tz)
        total = 0.0
        for j in range(k):
            gbp = min(base * w.r.uniform(0.7, 1.6) * (1 + 0.2 * j), 600)
            if total + gbp > 1500:
                break
            total += gbp
            if w.rnd() < gift_p:
                m, mcc, nm = self.merchant("US", "gift_card")
                w.pay(t, w.money(gbp, a.cur, 0.95), a, m, "gift_card", "", mcc, nm)
            else:
                r = w.pick(targets)
                tc = self.xpay(a, r, t, w.money(gbp, a.cur, 0.6), "" if w.rnd() < p_blank else w.pick(refs))
                self.react(r, tc, w.last_ramt, react_p, 1.5, 0.2, targets, 0.05)
            if conv is not None and w.rnd() < 0.7:
                self.talk(conv, t, 2 + int(w.rnd() * 3))
            t += 600 + int(w.expo(4) * 3600)

    def run_victim(self, p: Person, a: Acct, q: Person, accts: list) -> None:
        w = self.w
        conv = self.convs.get((p.pid, q.pid))
        d = int(w.rnd() * (DAYS - 5))
        k = weighted(w.rnd, ((1, 0.15), (2, 0.2), (3, 0.2), (4, 0.15), (5, 0.12), (6, 0.08), (8, 0.1)))
        self.burst(p, a, accts, d, k, min(240, w.lognorm(90, 0.6)), N.REF_SEXT, 0.5, conv, 0.85, 0.15)
        if w.rnd() < 0.2 and d + 40 < DAYS:
            self.burst(
                p,
                a,
                accts,
                d + 7 + int(w.rnd() * 30),
                1 + int(w.rnd() * 3),
                w.lognorm(80, 0.5),
                N.REF_SEXT,
                0.5,
                conv,
                0.85,
                0.15,
            )

    def gamers(self) -> None:
        w = self.w
        P = self.p
        sellers = []
        for _ in range(self.count("game_item_seller")):
            q = self.ph(
                "game_item_seller",
                gender="m" if w.rnd() < 0.7 else "f",
                age=(17, 30),
                p_wallet=1.0,
                p_bank=0.2,
            )
            sellers.append(q)
            self.ph_people.append(q)
            w.tasks.append((self.life_ph, (q, P["level_ph"] * 0.7, None)))
        for _ in range(self.count("young_gamer")):
            p, a = self.foreign(
                "young_gamer",
                inst=(("nordlicht-eu", 0.35), ("harbourgate-uk", 0.3), ("wayfare-app", 0.35)),
                gender="m" if w.rnd() < 0.85 else "f",
                age=(14, 22),
            )
            mine = [w.zipf_pick(sellers, 0.8) for _ in range(1 + int(w.rnd() * 2))]
            conv = self.conv(p, mine[0], "gamer") if w.rnd() < P["chat_gamer"] else None
            self.teen_life(p, a)
            w.tasks.append((self.run_gamer, (p, a, mine, conv)))

    def run_gamer(self, p: Person, a: Acct, sellers: list, conv) -> None:
        w = self.w
        targets = [self.route(a, q, 0.0) for q in sellers]
        for _ in range(weighted(w.rnd, ((1, 0.35), (2, 0.3), (3, 0.2), (5, 0.15)))):
            d = int(w.rnd() * (DAYS - 4))
            k = weighted(w.rnd, ((1, 0.2), (2, 0.3), (3, 0.25), (4, 0.15), (6, 0.1)))
            self.burst(p, a, targets, d, k, w.lognorm(25, 0.8), N.REF_GAME, 0.45, conv, 0.3, 0.2)

    # ------------------------------------------------------------------ adult work
    def adult(self) -> None:
        w = self.w
        P = self.p
        perfs = []
        n_perf = self.count("adult_performer")
        i = 0
        while i < n_perf:
            studio = w.rnd() < P["perf_studio"]
            size = 2 + int(w.rnd() * 3) if studio else 1
            city = w.pick(
                ("Angeles", "Cebu City", "Pasay", "Quezon City", "Lapu-Lapu", "Davao City", "Taguig")
            )
            addr = w.address("PH", city)
            dev = f"dev-{w.uniq('dev', 10):x}"
            ip = self.ip("PH")
            first_phone = ""
            for _ in range(size):
                g = "f" if w.rnd() < 0.85 else "m"
                q = self.ph(
                    "adult_performer",
                    gender=g,
                    age=(21, 36),
                    city=city,
                    addr=addr if studio else "",
                    p_wallet=0.95,
                    p_bank=0.5,
                    phone=first_phone if first_phone and w.rnd() < 0.3 else "",
                )
                first_phone = first_phone or q.phone
                if studio:
                    q.traits.append("shared_studio")
                if w.rnd() < P["perf_nominee"]:
                    pid, nm = w.nominee(
                        "pitaka-ph",
                        "PH",
                        "",
                        (18, 70),
                        q.last,
                        city,
                        q.addr,
                        q.phone if w.rnd() < 0.5 else "",
                        START - int(w.rnd() * 900 * 86400),
                    )
                    w.account(q, "pitaka-ph", nominee=pid, hname=nm)
                    q.traits.append("nominee_account")
                if w.rnd() < P["perf_fanlane"]:
                    fa = w.account(q, "fanlane", cc="PH", cur="USD")
                    fa.username = (
                        f"{q.first.lower()}{w.pick(('_live', 'xo', '.star', '_ph', 'babe'))}{w.uniq('fh', 3)}"
                    )
                    fa.display = f"{q.first} {w.pick(('Star', 'Moon', 'Lily', 'Rose', 'Sky'))}"
                    q.fan = fa
                if w.rnd() < P["sess_perf"] or not perfs:  # the first performer is always on the app
                    self.call_acct(q, dev if studio else "", ip if studio else "")
                perfs.append(q)
                self.ph_people.append(q)
                w.tasks.append((self.life_ph, (q, P["level_ph"] * 0.8, None)))
                i += 1
        self.performers = perfs
        if perfs and P["hh_banned"] > 0.07:
            b = w.pick(perfs)
            acc = [x for x in b.accts if x.src == "pitaka-ph"]
            if acc:
                acc[0].banned = "child sexual exploitation"
                acc[0].closed = START + int(w.r.uniform(0.35, 0.9) * DAYS * 86400)
        self.perf_earn: dict = {}
        for j in range(self.count("adult_customer")):
            g = "m" if w.rnd() < 0.9 else "f"
            if w.rnd() < 0.25 and j > 0:
                p, a = self.outside("adult_customer", weighted(w.rnd, OUT_PAYER_CC), g, (22, 70))
            else:
                p, a = self.foreign("adult_customer", gender=g, age=(22, 70))
                if a.src in BANKS:
                    self.tasks_life_foreign(p, a, p_vpn=w.r.uniform(0.2, 0.4), p_dating=0.1, p_adult=0.5)
            k = weighted(w.rnd, ((1, 0.45), (2, 0.25), (3, 0.15), (4, 0.1), (6, 0.05)))
            mine = []
            for _ in range(k):
                q = w.zipf_pick(perfs, 0.9)
                if q not in mine:
                    mine.append(q)
            if "inbound_only" not in p.traits:
                for q in mine:
                    if w.rnd() < P["chat_perf"]:
                        self.conv(p, q, "adult")
                if j == 0 and perfs[0] not in mine:
                    mine.append(perfs[0])
                if any(q.call for q in mine) and (w.rnd() < 0.4 or j == 0):
                    self.call_acct(p)
            w.tasks.append((self.run_adult_customer, (p, a, mine)))
        w.tasks.append((self.run_payouts, ()))

    def fan_spend(self, p: Person, q: Person, n: int) -> None:
        """Subscriptions and tips on the platform (the platform's own records)."""
        w = self.w
        if q.fan is None:
            return
        if p.fan is None:
            p.fan = w.account(p, "fanlane", cc=p.cc, cur="USD")
            p.fan.username = f"{p.first[:1].lower()}{p.last[:3].lower()}{w.uniq('fh', 4)}"
        d0 = int(w.rnd() * (DAYS - 30))
        for j in range(n):
            d = min(DAYS - 1, d0 + j * 30 if w.rnd() < 0.6 else d0 + int(w.rnd() * 200))
            tip = w.rnd() < 0.5
            amt = round(w.lognorm(25, 0.6), 2) if tip else w.pick((4.99, 9.99, 14.99, 19.99))
            w.pay(
                w.t(d, w.hour_mix(0.6, "eve"), p.tz),
                amt,
                p.fan,
                q.fan,
                "card",
                "tip" if tip else "subscription",
            )
            key = (q.pid, (d // 30))
            self.perf_earn[key] = self.perf_earn.get(key, 0.0) + amt * 0.8

    def run_adult_customer(self, p: Person, a: Acct, perfs: list) -> None:
        w = self.w
        P = self.p
        rnd = w.rnd
        few = rnd() < P["adult_few"]
        p_night = w.r.uniform(P["adult_night"] - 0.2, min(0.95, P["adult_night"] + 0.1))
        p_blank = P["adult_blank"]
        if "inbound_only" not in p.traits and rnd() < P["adult_fanlane"]:
            for q in perfs:
                self.fan_spend(p, q, 1 + int(rnd() * 10))
        for q in perfs:
            if few:
                n = weighted(rnd, ((1, 0.4), (2, 0.3), (3, 0.2), (4, 0.1)))
                pl = dict(n=n, span=w.r.uniform(1, 60), grow_gap=1.0)
            else:
                n = max(3, min(150, int(w.lognorm(14, 0.8))))
                pl = dict(n=n, span=w.r.uniform(30, 500), grow_gap=w.r.uniform(1, 3))
            cands = self.ph_accts(q)
            if a.src in ("wayfare-app", "southerncross-au") and rnd() < 0.15:
                cands.append(self.pickup(q, a.src))
            conv = self.convs.get((p.pid, q.pid))
            base = w.lognorm(40, 0.5)
            grow = w.r.uniform(1.0, 2.0)
            ds = self.days(pl["n"], pl["span"], pl["grow_gap"])
            for i, d in enumerate(ds):
                t = w.t(d, w.hour_mix(p_night, "eve"), p.tz)
                gbp = base * (1 + (grow - 1) * i / max(1, len(ds) - 1)) * w.lognorm(1.0, 0.3)
                amt = w.money(gbp, a.cur, 0.8)
                if rnd() < p_blank:
                    ref = ""
                elif rnd() < 0.1 and q.fan is not None:
                    ref = "@" + q.fan.username
                else:
                    ref = w.pick(N.REF_ADULT)
                r = cands[0] if rnd() < 0.6 else w.pick(cands)
                tc = self.xpay(a, r, t, amt, ref)
                self.react(r, tc, w.last_ramt, P["perf_cashout"], 10.0, 0.1, cands, 0.15)
                if conv is not None and rnd() < 0.6:
                    self.talk(conv, t, 1 + int(rnd() * 3))
                if q.call is not None and p.call is not None and rnd() < 0.5:
                    self.session_near(q, p, t, 0.8, 0.4, (10, 60))

    def run_payouts(self) -> None:
        """The platform's monthly payouts to its creators."""
        w = self.w
        for q in self.performers:
            if q.fan is None:
                continue
            dst = self.ph_accts(q)
            if not dst:
                continue
            other = w.lognorm(250, 0.9)  # earnings from subscribers outside this world
            for m in range(1, 18):
                amt = other * w.r.uniform(0.6, 1.4) + sum(
                    self.perf_earn.get((q.pid, k), 0.0) for k in ((MONTHS[m] // 30) - 1,)
                )
                if amt < 50:
                    continue
                t = w.t(MONTHS[m] + 3, 14 + w.rnd() * 2, 0)
                r = dst[0]
                tc = w.pay(
                    t,
                    round(amt, 2),
                    self.fan_settle,
                    r,
                    "bank_transfer" if r.src == "silangan-ph" else "ewallet",
                    f"FANLANE PAYOUT {2024 + (m >= 12)}-{(m % 12) + 1:02d}",
                )
                self.react(r, tc, w.last_ramt, self.p["perf_cashout"], 24.0, 0.1, dst, 0.1)

    # ------------------------------------------------------------------ tutors, freelancers, sellers
    def tutors(self) -> None:
        w = self.w
        P = self.p
        tutors = []
        for _ in range(self.count("online_tutor")):
            q = self.ph(
                "online_tutor", gender="f" if w.rnd() < 0.75 else "m", age=(21, 48), p_wallet=0.9, p_bank=0.6
            )
            if w.rnd() < P["sess_tutor"]:
                self.call_acct(q)
            tutors.append(q)
            self.ph_people.append(q)
            w.tasks.append((self.life_ph, (q, P["level_ph"] * 0.8, None)))
            if w.rnd() < 0.3:
                org = self.employer("ext", w.pick(("SG", "AU", "US")))
                w.tasks.append((self.run_salary, (org, q, w.lognorm(450, 0.3))))
        for _ in range(self.count("tutoring_client")):
            if w.rnd() < P["tutor_outside"]:
                cc = w.pick(("JP", "KR", "TW", "CN", "JP", "KR"))
                p, a = self.outside("tutoring_client", cc, "", (12, 55))
                parent = False
            else:
                parent = w.rnd() < P["tutor_parent"]
                p, a = self.foreign("tutoring_client", age=(30, 55) if parent else (18, 60))
                if a.src in BANKS:
                    self.tasks_life_foreign(p, a)
            if parent:
                p.traits.append("parent")
            mine = [w.zipf_pick(tutors, 0.8)]
            if w.rnd() < 0.15:
                mine.append(w.pick(tutors))
            if "inbound_only" not in p.traits:
                if w.rnd() < P["chat_tutor"]:
                    self.conv(p, mine[0], "tutor")
                if mine[0].call is not None and w.rnd() < 0.6:
                    self.call_acct(p)
            w.tasks.append((self.run_tutoring, (p, a, mine, parent)))

    def run_salary(self, org: Acct, q: Person, usd: float) -> None:
        w = self.w
        dst = self.ph_accts(q)[0]
        for k in range(18):
            tc = w.pay(
                w.t(MONTHS[k] + 27, 10, org.person.tz),
                round(usd * w.r.uniform(0.9, 1.1), 2),
                org,
                dst,
                "bank_transfer",
                "PAYROLL TUTOR FEES",
            )
            self.react(dst, tc, w.last_ramt, 0.3, 24.0)

    def run_tutoring(self, p: Person, a: Acct, tutors: list, parent: bool) -> None:
        w = self.w
        rnd = w.rnd
        for q in tutors:
            r = self.route(a, q, 0.0)
            conv = self.convs.get((p.pid, q.pid))
            gap = w.r.uniform(14, 45)
            n_pay = max(1, int(w.r.uniform(60, DAYS) / gap))
            d = rnd() * max(1, DAYS - n_pay * gap)
            base = w.lognorm(75, 0.5)
            inv = 100 + int(rnd() * 800)
            p_night = 0.25 if parent else 0.1
            for _ in range(n_pay):
                t = w.t(int(d), w.hour_mix(p_night, "eve"), p.tz)
                amt = w.money(base * w.r.uniform(0.9, 1.1), a.cur, 0.6)
                x = rnd()
                ref = "" if x < 0.25 else (f"INV {inv}" if x < 0.35 else w.pick(N.REF_TUTOR))
                inv += 1
                tc = self.xpay(a, r, t, amt, ref)
                self.react(r, tc, w.last_ramt, 0.25, 24.0)
                if conv is not None and rnd() < 0.5:
                    self.talk(conv, t, 1 + int(rnd() * 3))
                if q.call is not None and p.call is not None:
                    for _ in range(1 + int(rnd() * 3)):
                        self.session_near(q, p, t + int(rnd() * 14 * 86400), 0.9, 0.05, (25, 60))
                d += gap * w.r.uniform(0.8, 1.2)
                if d >= DAYS:
                    break

    def freelance(self) -> None:
        w = self.w
        P = self.p
        fl = []
        for _ in range(self.count("freelancer")):
            q = self.ph("freelancer", age=(21, 50), p_wallet=0.8, p_bank=0.7)
            fl.append(q)
            self.ph_people.append(q)
            w.tasks.append((self.life_ph, (q, P["level_ph"] * 0.8, None)))
        for _ in range(self.count("freelance_client")):
            if w.rnd() < 0.4:
                cc = w.pick(("US", "US", "CA", "AU", "GB", "SG"))
                o = w.org("freelance_client", self.org_name(cc), cc)
                o.traits.append("inbound_only")
                a = w.account(o, "ext", kind="bank", cc=cc)
                p = o
            else:
                p, a = self.foreign(
                    "freelance_client",
                    inst=(("harbourgate-uk", 0.45), ("nordlicht-eu", 0.35), ("wayfare-app", 0.2)),
                    age=(25, 65),
                )
            mine = [w.zipf_pick(fl, 0.6) for _ in range(1 + int(w.rnd() * 2))]
            w.tasks.append((self.run_freelance, (p, a, mine)))

    def run_freelance(self, p: Person, a: Acct, fl: list) -> None:
        w = self.w
        for q in fl:
            r = self.route(a, q, 0.0)
            gap = w.pick((14, 15, 30, 30, 30))
            base = w.lognorm(380, 0.6)
            d = w.rnd() * 200
            inv = 1 + int(w.rnd() * 40)
            while d < DAYS:
                t = w.t(int(d), w.hour("biz"), p.tz)
                tc = self.xpay(
                    a,
                    r,
                    t,
                    w.money(base * w.r.uniform(0.8, 1.2), a.cur, 0.3),
                    f"INV-{2024 + (d > 365)}-{inv:03d}" if w.rnd() < 0.6 else w.pick(N.REF_FREELANCE),
                )
                inv += 1
                self.react(r, tc, w.last_ramt, 0.3, 24.0)
                d += gap * w.r.uniform(0.9, 1.3)

    def sellers(self) -> None:
        w = self.w
        P = self.p
        sellers = []
        for _ in range(self.count("online_seller")):
            q = self.ph("online_seller", age=(20, 55), p_wallet=0.95, p_bank=0.6)
            sellers.append(q)
            self.ph_people.append(q)
            w.tasks.append((self.life_ph, (q, P["level_ph"], None)))
            w.tasks.append((self.run_seller_domestic, (q,)))
        for _ in range(self.count("seller_customer")):
            if w.rnd() < 0.3:
                p, a = self.outside(
                    "seller_customer", w.pick(("US", "CA", "AE", "SA", "JP", "GB")), "", (20, 70)
                )
            else:
                p, a = self.foreign("seller_customer", age=(20, 75))
                if a.src in BANKS:
                    self.tasks_life_foreign(p, a)
            mine = [w.zipf_pick(sellers, 0.9) for _ in range(1 + int(w.rnd() * 1.5))]
            conv = None
            if "inbound_only" not in p.traits and w.rnd() < 0.07:
                conv = self.conv(p, mine[0], "seller")
            w.tasks.append((self.run_buyer, (p, a, mine, conv)))

    def run_buyer(self, p: Person, a: Acct, sellers: list, conv) -> None:
        w = self.w
        for q in sellers:
            r = self.route(a, q, 0.0)
            for _ in range(weighted(w.rnd, ((1, 0.6), (2, 0.25), (3, 0.15)))):
                t = w.t(int(w.rnd() * DAYS), w.hour_mix(0.25, "any"), p.tz)
                x = w.rnd()
                ref = f"ORD-{w.uniq('ord', 6)}" if x < 0.4 else ("" if x < 0.8 else w.pick(N.REF_SELLER))
                tc = self.xpay(a, r, t, w.money(w.lognorm(32, 0.7), a.cur, 0.4), ref)
                self.react(r, tc, w.last_ramt, 0.15, 48.0)
                if conv is not None:
                    self.talk(conv, t, 2)

    def run_seller_domestic(self, q: Person) -> None:
        w = self.w
        accts = self.ph_accts(q)
        if not accts:
            return
        r = accts[0]
        peers = self.peers["pitaka-ph"]
        for _ in range(w.poisson(18 * 5)):
            s = w.pick(peers)
            if s is r:
                continue
            w.pay(
                w.t(int(w.rnd() * DAYS), w.hour_mix(0.2, "any"), 28800),
                round(w.lognorm(650, 0.7), 2),
                s,
                r,
                "ewallet" if "pitaka-ph" in (r.src, s.src) else "bank_transfer",
                f"ORD-{w.uniq('ord', 6)}" if w.rnd() < 0.3 else w.pick(("", "bayad", "order", "COD")),
            )
        b, mcc, nm = w.pick(self.billers["courier"])
        for _ in range(w.poisson(18 * 3)):
            w.pay(
                w.t(int(w.rnd() * DAYS), w.hour("day"), 28800),
                round(w.lognorm(900, 0.5), 2),
                r,
                b,
                "ewallet",
                "shipping",
                mcc,
                nm,
            )

    # ------------------------------------------------------------------ romance, charity, travel, partners ...
    def romance(self) -> None:
        w = self.w
        P = self.p
        mules = []
        for _ in range(self.count("romance_mule")):
            if w.rnd() < 0.7:
                q = self.ph("romance_mule", age=(20, 45), p_wallet=0.9, p_bank=0.5)
                self.ph_people.append(q)
                w.tasks.append((self.life_ph, (q, P["level_ph"] * 0.6, None)))
            else:
                cc = w.pick(("NG", "GH"))
                q = w.person("romance_mule", cc, age=(20, 40))
                w.account(q, "wayfare-app", kind="ewallet", cc=cc, cur=N.CUR[cc])
            mules.append(q)
        outs = [w.account(w.person("romance_mule", "NG", age=(22, 40)), "ext", cc="NG") for _ in range(3)]
        for _ in range(self.count("romance_victim")):
            p, a = self.foreign("romance_victim", age=(45, 78))
            if a.src in BANKS:
                self.tasks_life_foreign(p, a, p_dating=0.5)
            mine = [w.pick(mules) for _ in range(1 + int(w.rnd() * 2))]
            conv = self.conv(p, mine[0], "romance") if w.rnd() < P["chat_romance"] else None
            w.tasks.append((self.run_romance, (p, a, mine, conv, mules, outs)))

    def run_romance(self, p: Person, a: Acct, mules: list, conv, all_mules: list, outs: list) -> None:
        w = self.w
        n = 4 + int(w.rnd() * 22)
        ds = self.days(n, w.r.uniform(30, 260), w.r.uniform(1.5, 4))
        amt = w.lognorm(90, 0.5)
        for d in ds:
            q = w.pick(mules)
            r = (
                self.route(a, q, 0.2)
                if self.ph_accts(q) or a.src in ("wayfare-app", "southerncross-au")
                else q.accts[0]
            )
            t = w.t(d, w.hour_mix(0.2, "any"), p.tz)
            tc = self.xpay(a, r, t, w.money(amt, a.cur, 0.7), "" if w.rnd() < 0.2 else w.pick(N.REF_ROMANCE))
            if r.src in PH_SRC and w.rnd() < 0.6:
                nxt = w.pick(outs) if w.rnd() < 0.5 else w.pick(self.ph_accts(w.pick(all_mules)) or outs)
                if nxt is not r:
                    w.pay(
                        tc + int(w.expo(10) * 3600),
                        round(w.last_ramt * w.r.uniform(0.8, 0.95), 2),
                        r,
                        nxt,
                        self.channel(r, nxt),
                        w.pick(("", "padala", "")),
                    )
            else:
                self.react(r, tc, w.last_ramt, 0.7, 4.0)
            if conv is not None:
                self.talk(conv, t, 2 + int(w.rnd() * 3))
            amt = min(4000, amt * w.r.uniform(1.1, 1.5))

    def charity(self) -> None:
        w = self.w
        chs = []
        for _ in range(max(3, self.n // 2000)):
            nm = w.pick(
                (
                    "Hope",
                    "Bright Future",
                    "Bayanihan",
                    "Little Steps",
                    "Open Hands",
                    "Grace Mission",
                    "Parish of San Example",
                    "Kalinga",
                )
            )
            o = w.org("charity", f"{nm} Foundation {w.uniq('ch', 3)}", "PH")
            chs.append(w.account(o, "silangan-ph", kind="bank"))
        for _ in range(self.count("charity_sponsor")):
            if w.rnd() < 0.2:
                p, a = self.outside("charity_sponsor", w.pick(("US", "CA", "GB", "DE", "NO")), "", (30, 80))
            else:
                p, a = self.foreign("charity_sponsor", age=(28, 82))
                if a.src in BANKS:
                    self.tasks_life_foreign(p, a)
            w.tasks.append((self.run_sponsor, (p, a, w.zipf_pick(chs, 0.5))))

    def run_sponsor(self, p: Person, a: Acct, ch: Acct) -> None:
        w = self.w
        amt = w.money(w.lognorm(28, 0.3), a.cur, 0.95)
        x = w.rnd()
        ref = (
            f"{w.pick(N.REF_CHARITY)} {w.uniq('spons', 4)}"
            if x < 0.7
            else ("" if x < 0.85 else w.pick(N.REF_CHARITY))
        )
        dom = int(w.rnd() * 5)
        m0 = 0 if w.rnd() < 0.7 else int(w.rnd() * 12)
        for k in range(m0, 18):
            t = w.t(MONTHS[k] + dom, 5 + w.rnd() * 3, p.tz)
            self.xpay(a, ch, t, amt * (2 if k % 12 == 11 and w.rnd() < 0.3 else 1), ref)

    def travellers(self) -> None:
        w = self.w
        for _ in range(self.count("traveller")):
            p, a = self.foreign(
                "traveller",
                inst=(
                    ("harbourgate-uk", 0.45),
                    ("nordlicht-eu", 0.35),
                    ("wayfare-app", 0.12),
                    ("southerncross-au", 0.08),
                ),
                gender="m" if w.rnd() < 0.7 else "f",
                age=(22, 75),
            )
            if a.src in BANKS:
                self.tasks_life_foreign(p, a, p_dating=0.08)
            contacts = [w.pick(self.ph_people) for _ in range(1 + int(w.rnd() * 3))]
            conv = self.conv(p, contacts[0], "friend") if w.rnd() < 0.15 else None
            w.tasks.append((self.run_traveller, (p, a, contacts, conv)))

    def run_traveller(self, p: Person, a: Acct, contacts: list, conv) -> None:
        w = self.w
        card = self.bank_of(p) or a
        d0, d1 = self.trip(p, card, int(w.rnd() * (DAYS - 120)))
        if w.rnd() < 0.3 and d1 + 150 < DAYS:
            self.trip(p, card, d1 + 90 + int(w.rnd() * 60))
        p_night = w.r.uniform(0.15, 0.4)
        for q in contacts:
            r = self.route(a, q, 0.25)
            n = weighted(w.rnd, ((1, 0.3), (2, 0.25), (4, 0.2), (8, 0.15), (14, 0.1)))
            ds = self.days(n, w.r.uniform(10, DAYS - d1 - 2), 1.0)
            for d in ds:
                d = max(d, d1 + 1)
                t = w.t(min(DAYS - 1, d), w.hour_mix(p_night, "eve"), p.tz)
                tc = self.xpay(
                    a,
                    r,
                    t,
                    w.money(w.lognorm(45, 0.6), a.cur, 0.8),
                    "" if w.rnd() < 0.4 else w.pick(N.REF_TRAVEL),
                )
                self.react(r, tc, w.last_ramt, 0.5, 6.0)
                if conv is not None and q is contacts[0]:
                    self.talk(conv, t, 2)

    def partners(self) -> None:
        w = self.w
        P = self.p
        for _ in range(self.count("foreign_partner")):
            g = "m" if w.rnd() < 0.85 else "f"
            p, a = self.foreign("foreign_partner", gender=g, age=(30, 72))
            married = w.rnd() < 0.35
            q = self.ph(
                "partner_recipient",
                gender="f" if g == "m" else "m",
                age=(22, 45),
                last=p.last if married else "",
            )
            self.ph_people.append(q)
            fam = [q]
            if w.rnd() < 0.4:
                m = self.ph("family_recipient", gender="f", age=(45, 70), city=q.city, addr=q.addr)
                fam.append(m)
                self.ph_people.append(m)
            for x in fam:
                w.tasks.append((self.life_ph, (x, P["level_ph"] * 0.6, None)))
            if a.src in BANKS:
                self.tasks_life_foreign(p, a, p_dating=0.3)
            conv = self.conv(p, q, "friend") if w.rnd() < 0.3 else None
            w.tasks.append((self.run_partner, (p, a, fam, conv)))

    def run_partner(self, p: Person, a: Acct, fam: list, conv) -> None:
        w = self.w
        base = w.lognorm(260, 0.5)
        p_night = w.r.uniform(0.1, 0.5)
        card = self.bank_of(p)
        if card is not None and w.rnd() < 0.6:
            self.trip(p, card)
        routes = [self.route(a, q, 0.2) for q in fam]
        for k in range(18):
            t = w.t(MONTHS[k] + int(w.rnd() * 5), w.hour_mix(p_night, "eve"), p.tz)
            tc = self.xpay(
                a,
                routes[0],
                t,
                w.money(base * w.r.uniform(0.8, 1.2), a.cur, 0.8),
                "" if w.rnd() < 0.4 else w.pick(N.REF_PARTNER),
            )
            self.react(routes[0], tc, w.last_ramt, 0.5, 8.0)
            for _ in range(w.poisson(0.6)):
                i = 0 if len(routes) == 1 or w.rnd() < 0.6 else 1
                t2 = w.t(MONTHS[k] + int(w.rnd() * 28), w.hour_mix(p_night, "eve"), p.tz)
                tc = self.xpay(
                    a,
                    routes[i],
                    t2,
                    w.money(w.lognorm(50, 0.6), a.cur, 0.8),
                    "" if w.rnd() < 0.4 else w.pick(N.REF_PARTNER),
                )
                self.react(routes[i], tc, w.last_ramt, 0.5, 8.0)
            if conv is not None and w.rnd() < 0.5:
                self.talk(conv, t, 2)

    def elderly(self) -> None:
        w = self.w
        P = self.p
        for _ in range(self.count("elderly_care_payer")):
            p, a = self.foreign("elderly_care_payer", age=(35, 65), pool="PH")
            if a.src in BANKS:
                self.tasks_life_foreign(p, a)
            carer = self.ph("caregiver", gender="f" if w.rnd() < 0.85 else "m", age=(25, 55))
            par = self.ph("family_recipient", age=(70, 92), last=p.last, city=carer.city)
            self.ph_people += [carer, par]
            for x in (carer, par):
                w.tasks.append((self.life_ph, (x, P["level_ph"] * 0.5, None)))
            w.tasks.append((self.run_elderly, (p, a, carer, par)))

    def run_elderly(self, p: Person, a: Acct, carer: Person, par: Person) -> None:
        w = self.w
        rc, rp = self.route(a, carer, 0.1), self.route(a, par, 0.1)
        fee = w.lognorm(170, 0.3)
        for k in range(18):
            t = w.t(MONTHS[k] + int(w.rnd() * 4), w.hour_mix(0.15, "eve"), p.tz)
            tc = self.xpay(a, rc, t, w.money(fee, a.cur, 0.8), "" if w.rnd() < 0.3 else w.pick(N.REF_CARE))
            self.react(rc, tc, w.last_ramt, 0.6, 6.0)
            if w.rnd() < 0.6:
                tc = self.xpay(
                    a,
                    rp,
                    t + 600,
                    w.money(w.lognorm(60, 0.5), a.cur, 0.8),
                    "" if w.rnd() < 0.3 else w.pick(("for lola meds", "allowance", "medical", "groceries")),
                )
                self.react(rp, tc, w.last_ramt, 0.6, 12.0)

    def students(self) -> None:
        w = self.w
        P = self.p
        for _ in range(self.count("student_abroad")):
            p, a = self.foreign(
                "student_abroad",
                inst=(("harbourgate-uk", 0.4), ("nordlicht-eu", 0.3), ("southerncross-au", 0.3)),
                age=(19, 29),
                pool="PH",
            )
            par = self.ph("student_parent", age=(45, 65), last=p.last, p_wallet=0.5, p_bank=1.0)
            sib = self.ph("family_recipient", age=(14, 25), last=p.last, city=par.city, addr=par.addr)
            self.ph_people += [par, sib]
            for x in (par, sib):
                w.tasks.append((self.life_ph, (x, P["level_ph"] * 0.7, None)))
            if a.src in BANKS:
                self.tasks_life_foreign(p, a, sal_gbp=w.lognorm(700, 0.3))
            w.tasks.append((self.run_student, (p, a, par, sib)))

    def run_student(self, p: Person, a: Acct, par: Person, sib: Person) -> None:
        w = self.w
        pb = next((x for x in par.accts if x.src == "silangan-ph"), None)
        if pb is not None and a.src in BANKS:
            for k in range(0, 18, 4 + int(w.rnd() * 3)):
                w.pay(
                    w.t(MONTHS[k] + int(w.rnd() * 10), w.hour("biz"), 28800),
                    round(w.lognorm(150000, 0.4), -3),
                    pb,
                    a,
                    "bank_transfer",
                    w.pick(("tuition", "school fees", "allowance", "")),
                )
        r = self.route(a, sib, 0.0)
        for _ in range(w.poisson(8)):
            tc = self.xpay(
                a,
                r,
                w.t(int(w.rnd() * DAYS), w.hour_mix(0.3, "eve"), p.tz),
                w.money(w.lognorm(25, 0.5), a.cur, 0.9),
                w.pick(("load", "allowance", "", "padala", "baon")),
            )
            self.react(r, tc, w.last_ramt, 0.3, 12.0)

    def crypto(self) -> None:
        w = self.w
        P = self.p
        ph_tr = []
        for _ in range(self.count("crypto_p2p_ph", 1)):
            q = self.ph("crypto_p2p_trader", age=(20, 45), p_wallet=1.0, p_bank=0.8)
            ph_tr.append(q)
            self.ph_people.append(q)
            w.tasks.append((self.life_ph, (q, P["level_ph"], None)))
        for _ in range(self.count("crypto_p2p_trader")):
            p, a = self.foreign(
                "crypto_p2p_trader",
                inst=(("harbourgate-uk", 0.3), ("nordlicht-eu", 0.3), ("wayfare-app", 0.4)),
                gender="m" if w.rnd() < 0.85 else "",
                age=(20, 50),
            )
            if a.src in BANKS:
                self.tasks_life_foreign(p, a, p_vpn=0.4)
            w.tasks.append((self.run_crypto, (p, a, ph_tr)))

    def run_crypto(self, p: Person, a: Acct, ph_tr: list) -> None:
        w = self.w
        n = 10 + int(w.lognorm(30, 0.7))
        ds = self.days(min(n, 200), w.r.uniform(60, DAYS - 2), w.r.uniform(1, 2))
        for d in ds:
            q = w.pick(ph_tr) if w.rnd() < 0.35 else w.pick(self.ph_people)
            r = self.route(a, q, 0.0)
            tc = self.xpay(
                a,
                r,
                w.t(d, w.hour_mix(0.3, "any"), p.tz),
                w.money(w.lognorm(150, 0.7), a.cur, 0.9),
                "" if w.rnd() < 0.7 else (w.pick(N.REF_P2P) if w.rnd() < 0.5 else f"{w.uniq('p2p', 8)}"),
            )
            self.react(r, tc, w.last_ramt, 0.4, 3.0)

    # ================================================================== the whole world
    def build(self) -> None:
        w = self.w
        P = self.p
        self.performers: list = []
        self.infra()
        n = self.n
        n_foreign = int(n * P["foreign_share"])
        n_ph = n - n_foreign
        # cohorts with named sizes first, ordinary people fill the rest of each side
        self.diaspora()
        self.adult()
        self.tutors()
        self.freelance()
        special_foreign = (
            sum(
                self.count(k)
                for k in (
                    "adult_customer",
                    "tutoring_client",
                    "freelance_client",
                    "seller_customer",
                    "young_gamer",
                    "romance_victim",
                    "charity_sponsor",
                    "traveller",
                    "foreign_partner",
                    "elderly_care_payer",
                    "student_abroad",
                    "crypto_p2p_trader",
                    "sextortion_victim",
                    "offender_payer",
                )
            )
            + self.counts["diaspora_inside"]
        )
        fam = sum(1 for q in w.persons if q.cohort == "family_recipient")
        special_ph = fam + sum(
            self.count(k)
            for k in (
                "adult_performer",
                "online_tutor",
                "freelancer",
                "online_seller",
                "game_item_seller",
                "romance_mule",
                "foreign_partner",
                "elderly_care_payer",
                "student_abroad",
                "crypto_p2p_ph",
            )
        )
        self.ordinary(
            max(50, n_foreign - special_foreign),
            max(50, n_ph - special_ph - 3 * self.count("offender_payer")),
        )
        self.sellers()
        self.gamers()
        self.romance()
        self.charity()
        self.travellers()
        self.partners()
        self.elderly()
        self.students()
        self.crypto()
        self.offenders()
        self.sextortion()
        tasks = w.tasks
        w.r.shuffle(tasks)
        # the platform payouts need every tip first
        tasks.sort(key=lambda x: x[0] == self.run_payouts)
        for item in tasks:
            fn, args = item[0], item[1]
            kw = item[2] if len(item) > 2 else {}
            fn(*args, **kw)
