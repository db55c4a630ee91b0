"""Demand-side customers' accounts and everyday life, the Philippine wallet background, and cash-outs.

Everything here is vectorised: this is where the millions of ordinary transactions come from.
"""

from __future__ import annotations

import numpy as np

from . import params as P
from .core import World

MERCHANT_KINDS = [
    # (mcc, name stem, share, usd median)
    (5411, "Brightmart", 0.26, 45.0),
    (5541, "FuelStop", 0.12, 40.0),
    (5812, "Table & Co", 0.1, 35.0),
    (5814, "QuickBite", 0.12, 12.0),
    (5912, "CarePharm", 0.06, 20.0),
    (5651, "Threadline", 0.06, 55.0),
    (5732, "VoltHouse", 0.04, 120.0),
    (5399, "Shopzy Market", 0.1, 30.0),
    (4111, "Metro Transit", 0.06, 8.0),
    (4899, "StreamBox", 0.04, 12.0),
    (4814, "TelcoOne", 0.04, 35.0),
]
GAME_MERCHANTS = ["PixelForge Games", "Arcadia Store", "GemRush Mobile", "LevelUp Credits"]
LOAD_MERCHANT = "LOADXPRESS intl top-up"


class Customers:
    """Demand-side customers: bank account, card, optional remitter and P2P-app accounts."""

    def __init__(self) -> None:
        self.person: list[int] = []
        self.bank: list[int] = []
        self.card: list[int] = []
        self.remit: list[int] = []
        self.payapp: list[int] = []
        self.rate: list[float] = []
        self.salary: list[bool] = []
        self.p2p: list[bool] = []
        self.night: list[float] = []
        self.by_person: dict[int, int] = {}


def setup_customers(
    w: World,
    persons,
    rng: np.random.Generator,
    *,
    remit_p: float = 0.05,
    payapp_p: float = 0.1,
    bank_mode: str = "natural",
    rate: float = 1.0,
    salary: float | None = None,
    p2p: bool = True,
    night: float = 0.0,
    remitter: str | None = None,
) -> None:
    """bank_mode: natural (market shares), excluded (an institution outside the pool), included."""
    C: Customers = w.cust
    persons = np.asarray(persons)
    sal_share = w.p.extra["salary_share"] if salary is None else salary
    for pi in persons:
        pi = int(pi)
        cc = w.pe_cc[pi]
        ids, shares = w.country_banks[cc]
        if bank_mode == "excluded":
            cand = [i for i in ids if not w.insts[i].included]
            inst = cand[int(rng.integers(0, len(cand)))]
        elif bank_mode == "included":
            cand = [i for i in ids if w.insts[i].included] or ids
            inst = cand[int(rng.integers(0, len(cand)))]
        else:
            inst = ids[int(rng.choice(len(ids), p=shares))]
        birth = w.pe_birth[pi]
        max_days = max(61, (2024 - int(birth[:4]) - 12) * 365) if birth else 7000
        opened = (
            w.T0
            - int(rng.integers(min(200, max_days - 1), min(7000, max_days))) * 86400
            - int(rng.integers(0, 86400))
        )
        bank = w.add_account(pi, inst, "bank", opened=opened, cc=cc)
        card = w.add_account(
            pi, inst, "card", opened=min(opened + int(rng.integers(0, 400)) * 86400, w.T0 - 30 * 86400), cc=cc
        )
        rem = -1
        if rng.random() < remit_p:
            if remitter is not None:
                code = remitter
            elif bank_mode == "excluded":
                code = "remit-c" if rng.random() < 0.6 or w.insts[w.ix("remit-b")].included else "remit-b"
            else:
                code = str(rng.choice(["remit-a", "remit-b", "remit-c"], p=[0.5, 0.3, 0.2]))
            rem = w.add_account(pi, code, "remittance", cc=cc, rng=rng)
        pay = -1
        if bank_mode != "excluded" and rng.random() < payapp_p:
            pay = w.add_account(pi, "payapp", "ewallet", cc=cc, rng=rng)
        C.by_person[pi] = len(C.person)
        C.person.append(pi)
        C.bank.append(bank)
        C.card.append(card)
        C.remit.append(rem)
        C.payapp.append(pay)
        C.rate.append(rate)
        C.salary.append(bool(rng.random() < sal_share))
        C.p2p.append(p2p)
        C.night.append(night)


def cust_of(w: World, person: int) -> int:
    return w.cust.by_person[int(person)]


def remit_account(w: World, person: int, rng: np.random.Generator, *, excluded: bool = False) -> int:
    """The customer's remitter account, opening one if needed."""
    k = cust_of(w, person)
    if w.cust.remit[k] < 0:
        if excluded:
            code = "remit-c"
        else:
            code = str(rng.choice(["remit-a", "remit-b", "remit-c"], p=[0.55, 0.3, 0.15]))
        w.cust.remit[k] = w.add_account(person, code, "remittance", cc=w.pe_cc[person], rng=rng)
    return w.cust.remit[k]


def make_merchants(w: World) -> None:
    """Domestic merchants (organisations at acquirers outside the pool), employers, billers, global merchants."""
    rng = w.sub_rng("merchants")
    counts = {cc: int(w.customers * v[0]) for cc, v in P.DEMAND_COUNTRIES.items()}
    w.merchants = {}
    w.employers = {}
    w.billers = {}
    kinds_p = np.array([k[2] for k in MERCHANT_KINDS])
    kinds_p /= kinds_p.sum()
    for cc in P.DEMAND_COUNTRIES:
        n = max(4, counts.get(cc, 0) // 60)
        kinds = rng.choice(len(MERCHANT_KINDS), size=n, p=kinds_p)
        names = [f"{MERCHANT_KINDS[k][1]} #{int(rng.integers(10, 999))}" for k in kinds]
        ppl = w.add_people(n, "merchant", cc, rng, kind="organization", org_names=names)
        accts = [w.add_account(int(pp), f"acq-{cc.lower()}", "merchant", cc=cc, rng=rng) for pp in ppl]
        weights = rng.pareto(1.2, n) + 0.2
        w.merchants[cc] = (
            np.array(accts),
            weights / weights.sum(),
            np.array([MERCHANT_KINDS[k][0] for k in kinds]),
            np.array([w.mname(nm) for nm in names]),
            np.array([MERCHANT_KINDS[k][3] for k in kinds]),
        )
        ne = max(3, counts.get(cc, 0) // 150)
        enames = [f"{nm} Ltd" for nm in _org_names(rng, ne)]
        eppl = w.add_people(ne, "organization", cc, rng, kind="organization", org_names=enames)
        w.employers[cc] = np.array(
            [w.add_account(int(pp), f"corp-{cc.lower()}", "bank", cc=cc, rng=rng) for pp in eppl]
        )
        bnames = ["City Power", "AquaWorks", "NetLine Broadband"]
        bppl = w.add_people(
            3, "merchant", cc, rng, kind="organization", org_names=[f"{b} {cc}" for b in bnames]
        )
        w.billers[cc] = np.array(
            [w.add_account(int(pp), f"acq-{cc.lower()}", "merchant", cc=cc, rng=rng) for pp in bppl]
        )
    # global merchants: games, VPNs, airlines, hotels, top-up, gift cards
    glob = {
        "game": [(5816, n) for n in GAME_MERCHANTS],
        "load": [(4814, LOAD_MERCHANT)],
        "vpn": [(4816, "ShieldTunnel VPN"), (5817, "NordHaven Privacy"), (4816, "GhostLine VPN")],
        "air": [(4511, "Pacific Crest Air"), (4511, "Island Hopper Airways"), (4722, "TripNest Travel")],
        "hotel": [
            (7011, "Bayview Suites Makati"),
            (7011, "Palm Coast Resort Cebu"),
            (7011, "Harbor Inn Pasay"),
        ],
        "gift": [(5999, "GiftCardHub"), (5999, "eVoucher Plaza")],
        "dating": [(7273, "MatchMeet Online")],
        "capture": [(5734, "ClipGrab Pro software")],
    }
    w.glob = {}
    for key, lst in glob.items():
        ppl = w.add_people(
            len(lst), "merchant", "US", rng, kind="organization", org_names=[n for _, n in lst]
        )
        accts = [w.add_account(int(pp), "acq-global", "merchant", cc="US", rng=rng) for pp in ppl]
        w.glob[key] = [(a, mcc, w.mname(nm)) for a, (mcc, nm) in zip(accts, lst, strict=True)]
    # ATMs in the Philippines
    ppl = w.add_people(
        4,
        "merchant",
        "PH",
        rng,
        kind="organization",
        org_names=["ATM Network Makati", "ATM Network Cebu", "ATM Network Angeles", "ATM Pasay"],
    )
    w.atms = [w.add_account(int(pp), "atm-ph", "merchant", cc="PH", rng=rng) for pp in ppl]


def _org_names(rng, n):
    a = ["North", "Blue", "Granite", "Summit", "Harbor", "Cedar", "Vector", "Lumen", "Orbit", "Pioneer"]
    b = ["Logistics", "Health", "Systems", "Foods", "Builders", "Retail", "Services", "Labs", "Motors"]
    return [
        f"{a[int(rng.integers(0, len(a)))]} {b[int(rng.integers(0, len(b)))]} {int(rng.integers(1, 99))}"
        for _ in range(n)
    ]


def demand_background(w: World) -> None:
    rng = w.sub_rng("background")
    C = w.cust
    person = np.array(C.person)
    n = len(person)
    if n == 0:
        return
    bank = np.array(C.bank)
    card = np.array(C.card)
    rate = np.array(C.rate)
    night = np.array(C.night)
    tz = np.array([w.pe_tz[p] for p in person])
    ccs = np.array([w.pe_cc[p] for p in person])
    cur = np.array([P.CUR_IDX[P.COUNTRY_CURRENCY[c]] for c in ccs], dtype=np.int16)
    D = w.D
    # ---- card purchases
    lam = w.p.card_rate * rate * rng.gamma(2.0, 0.5, n) * D / 245.0
    cnt = rng.poisson(lam)
    idx = np.repeat(np.arange(n), cnt)
    m = idx.shape[0]
    day = rng.integers(0, D, m)
    hour = w.hours(rng, m, "day")
    nightmask = rng.random(m) < night[idx]
    hour[nightmask] = w.hours(rng, int(nightmask.sum()), "night")
    t = w.utc(day, hour, tz[idx]) + rng.integers(0, 60, m)
    rcv = np.zeros(m, dtype=np.int64)
    mcc = np.zeros(m, dtype=np.int16)
    mnm = np.zeros(m, dtype=np.int32)
    med = np.zeros(m)
    for cc in np.unique(ccs):
        sel = np.nonzero(ccs[idx] == cc)[0]
        accts, wts, mccs, names, meds = w.merchants[cc]
        k = rng.choice(len(accts), size=sel.shape[0], p=wts)
        rcv[sel] = accts[k]
        mcc[sel] = mccs[k]
        mnm[sel] = names[k]
        med[sel] = meds[k]
    usd = med * rng.lognormal(0, 0.7, m)
    amt = w.cents(w.usd_to(usd, cur[idx], day), cur[idx])
    w.tx_many(t, amt, cur[idx], card[idx], rcv, "card", 0, mcc, mnm)
    # ---- salary (monthly, paid around the 25th-28th)
    sal = np.nonzero(np.array(C.salary))[0]
    if sal.shape[0]:
        months = D // 30
        base = rng.lognormal(np.log(3300), 0.45, sal.shape[0])
        payday = rng.integers(24, 29, sal.shape[0])
        emp = np.array([w.employers[ccs[i]][int(rng.integers(0, len(w.employers[ccs[i]])))] for i in sal])
        for mo in range(months):
            d = np.minimum(mo * 30 + payday, D - 1)
            tt = w.utc(d, rng.uniform(1, 6, sal.shape[0]), tz[sal])
            a = w.cents(w.usd_to(base * rng.normal(1, 0.02, sal.shape[0]), cur[sal], d), cur[sal])
            refs = np.full(sal.shape[0], w.ref(f"SALARY M{mo + 1:02d}"), dtype=np.int32)
            refs[rng.random(sal.shape[0]) < 0.5] = w.ref("PAYROLL")
            w.tx_many(tt, a, cur[sal], emp, bank[sal], "bank_transfer", refs)
    # ---- bills (about twice a month for 60 %)
    billp = np.nonzero(rng.random(n) < 0.6)[0]
    cntb = rng.poisson(2.0 * D / 30, billp.shape[0])
    ib = np.repeat(billp, cntb)
    mb = ib.shape[0]
    dayb = rng.integers(0, D, mb)
    tb = w.utc(dayb, w.hours(rng, mb, "day"), tz[ib])
    rcvb = np.zeros(mb, dtype=np.int64)
    for cc in np.unique(ccs):
        sel = np.nonzero(ccs[ib] == cc)[0]
        rcvb[sel] = w.billers[cc][rng.integers(0, 3, sel.shape[0])]
    ab = w.cents(w.usd_to(rng.lognormal(np.log(70), 0.5, mb), cur[ib], dayb), cur[ib])
    bill_refs = np.array([w.ref(f"acct {int(x)}") for x in rng.integers(100000, 999999, 200)], dtype=np.int32)
    w.tx_many(tb, ab, cur[ib], bank[ib], rcvb, "bank_transfer", bill_refs[rng.integers(0, 200, mb)])
    # ---- domestic P2P (same country)
    ok = np.nonzero((np.array(C.p2p)) & (rng.random(n) < w.p.extra["p2p_share"]))[0]
    cntp = rng.poisson(1.0 * D / 30, ok.shape[0])
    ip = np.repeat(ok, cntp)
    mp = ip.shape[0]
    if mp:
        dayp = rng.integers(0, D, mp)
        tp = w.utc(dayp, w.hours(rng, mp, "day"), tz[ip])
        other = np.zeros(mp, dtype=np.int64)
        ok_cc = ccs[ok]
        for cc in np.unique(ccs[ip]):
            sel = np.nonzero(ccs[ip] == cc)[0]
            pool = ok[ok_cc == cc]
            other[sel] = pool[rng.integers(0, pool.shape[0], sel.shape[0])]
        keep = other != ip
        refs = np.array(
            [
                w.ref(s)
                for s in ["", "", "", "dinner", "rent", "thanks", "split", "gas money", "tickets", "birthday"]
            ],
            dtype=np.int32,
        )
        a = w.cents(w.usd_to(rng.lognormal(np.log(60), 0.8, mp), cur[ip], dayp), cur[ip])
        w.tx_many(
            tp[keep],
            a[keep],
            cur[ip][keep],
            bank[ip][keep],
            bank[other][keep],
            "bank_transfer",
            refs[rng.integers(0, len(refs), int(keep.sum()))],
        )


def gamer_activity(w: World, persons, rng: np.random.Generator) -> None:
    """Gamers and mobile-load buyers: small night-time card purchases, top-ups to Philippine numbers."""
    for pi in persons:
        k = cust_of(w, pi)
        card = w.cust.card[k]
        cc = w.pe_cc[pi]
        cur = P.CUR_IDX[P.COUNTRY_CURRENCY[cc]]
        n = int(rng.poisson(rng.uniform(6, 30) * w.D / 245))
        loader = rng.random() < 0.4
        for _ in range(n):
            day = int(rng.integers(0, w.D))
            h = w.hour1(rng, "night" if rng.random() < 0.6 else "evening")
            t = int(w.utc(day, h, w.pe_tz[pi]))
            if loader and rng.random() < 0.5:
                acct, mcc, nm = w.glob["load"][0]
                usd = float(rng.choice([5, 10, 10, 15, 20, 25]))
            else:
                acct, mcc, nm = w.glob["game"][int(rng.integers(0, len(w.glob["game"])))]
                usd = float(rng.choice([0.99, 1.99, 4.99, 4.99, 9.99, 19.99, 49.99]))
            amt = float(w.local_amount(usd, cur, day))
            w.tx(t, amt, cur, card, acct, "card", mcc=mcc, mname=w.mnames[nm])


# ---------------------------------------------------------------------------------------------------
# Philippine side: agents, merchants, ordinary wallet users
# ---------------------------------------------------------------------------------------------------


def make_ph_hubs(w: World) -> None:
    rng = w.sub_rng("phhubs")
    n_ag = max(6, int(round(w.customers * w.p.frac["cash_agent"])))
    ppl = w.add_people(n_ag, "merchant", "PH", rng, age=(25, 60))
    w.agents = []
    for pp in ppl:
        inst = "alon-pay" if rng.random() < 0.6 else "bituin-wallet"
        a = w.add_account(int(pp), inst, "merchant", rng=rng)
        w.ac_disp[a] = f"{w.pe_sur[int(pp)]} Sari-sari & Padala Center"
        w.agents.append(a)
    w.agents_arr = np.array(w.agents)
    w.agent_w = rng.pareto(1.0, n_ag) + 0.1
    w.agent_w /= w.agent_w.sum()
    names = [
        "Smartload Telco",
        "GlobeWave Load",
        "MERALCO-like Power Co",
        "Maynilad-style Water",
        "ShopPH Online",
        "FoodGo Delivery",
        "Cable & Net PH",
    ]
    ppl = w.add_people(len(names), "merchant", "PH", rng, kind="organization", org_names=names)
    w.ph_merchants = np.array(
        [
            w.add_account(int(pp), "alon-pay" if i % 2 == 0 else "bituin-wallet", "merchant", rng=rng)
            for i, pp in enumerate(ppl)
        ]
    )
    w.ph_pool_person: list[int] = []
    w.ph_pool_wallet: list[int] = []
    w.ph_pool_rate: list[float] = []


def ph_wallet(
    w: World,
    person: int,
    rng: np.random.Generator,
    *,
    opened: int | None = None,
    inst: str | None = None,
    rate: float = 1.0,
    pool: bool = True,
    alias: int = -1,
    phone: str | None = None,
) -> int:
    code = inst or ("alon-pay" if rng.random() < 0.62 else "bituin-wallet")
    a = w.add_account(person, code, "ewallet", opened=opened, cc="PH", rng=rng, alias=alias, phone=phone)
    w.ph_wallet_of.setdefault(int(person), a)
    if pool:
        w.ph_pool_person.append(int(person))
        w.ph_pool_wallet.append(a)
        w.ph_pool_rate.append(rate)
    return a


def make_ph_ordinary(w: World) -> None:
    rng = w.sub_rng("phordinary")
    n = max(30, int(round(w.customers * w.p.frac["ph_ordinary"])))
    ppl = w.add_people(n, "ordinary", "PH", rng, age=(18, 65))
    w.ph_ordinary = ppl
    for pp in ppl:
        ph_wallet(w, int(pp), rng)
        if rng.random() < 0.3:
            w.add_account(
                int(pp), "ph-bank-1" if rng.random() < 0.6 else "ph-bank-2", "bank", cc="PH", rng=rng
            )


def ph_background(w: World) -> None:
    """Wallet life for everybody in the pool: cash-in at agents, P2P, load and bills, cash-out."""
    rng = w.sub_rng("phbg")
    wal = np.array(w.ph_pool_wallet, dtype=np.int64)
    n = wal.shape[0]
    if n == 0:
        return
    rate = np.array(w.ph_pool_rate)
    php = P.CUR_IDX["PHP"]
    D = w.D
    opened = np.array([w.ac_open[a] for a in wal])

    def events(per_month, profile="day"):
        c = rng.poisson(per_month * rate * rng.gamma(2.0, 0.5, n) * D / 30)
        i = np.repeat(np.arange(n), c)
        day = rng.integers(0, D, i.shape[0])
        t = w.utc(day, w.hours(rng, i.shape[0], profile), 480) + rng.integers(0, 60, i.shape[0])
        ok = t > opened[i]
        return i[ok], day[ok], t[ok]

    def agent(m):
        return w.agents_arr[rng.choice(len(w.agents_arr), size=m, p=w.agent_w)]

    # cash-in at agents
    i, day, t = events(1.5)
    a = np.round(rng.choice([500, 1000, 1000, 1500, 2000, 3000, 5000], i.shape[0]) * 1.0, 2)
    w.tx_many(t, a, php, agent(i.shape[0]), wal[i], "ewallet", w.ref("cash in"))
    # P2P
    i, day, t = events(2.0)
    other = rng.integers(0, n, i.shape[0])
    keep = (other != i) & (t > opened[other])
    a = np.round(rng.lognormal(np.log(700), 0.9, i.shape[0]), 0)
    refs = np.array(
        [w.ref(s) for s in ["", "", "", "bayad", "utang", "pamasahe", "ulam", "share", "ty"]], dtype=np.int32
    )
    w.tx_many(
        t[keep],
        a[keep],
        php,
        wal[i][keep],
        wal[other][keep],
        "ewallet",
        refs[rng.integers(0, len(refs), int(keep.sum()))],
    )
    # load and bills
    i, day, t = events(3.0, "day")
    a = np.round(
        rng.choice([50, 99, 100, 150, 299, 300, 500, 999, 1500], i.shape[0])
        * rng.uniform(1, 1.01, i.shape[0])
    )
    w.tx_many(
        t,
        a,
        php,
        wal[i],
        w.ph_merchants[rng.integers(0, len(w.ph_merchants), i.shape[0])],
        "ewallet",
        w.ref(""),
    )
    # cash-out at agents
    i, day, t = events(0.8)
    a = np.round(rng.choice([500, 1000, 2000, 3000], i.shape[0]) * 1.0)
    w.tx_many(t, a, php, wal[i], agent(i.shape[0]), "ewallet", w.ref("cash out"))


def cashout_pass(w: World) -> None:
    """Accounts whose inbound credits are watched (w.watch) are emptied according to their profile.

    profile = (probability, min delay s, max delay s, share taken out, destinations)
    """
    rng = w.sub_rng("cashout")
    php = P.CUR_IDX["PHP"]
    for acct in sorted(w.watch):
        prof = w.cashout_profile.get(acct)
        if prof is None:
            continue
        prob, dlo, dhi, share, dests = prof
        for t, amt, cur in w.watch[acct]:
            if rng.random() > prob:
                continue
            day = w.day_of(t)
            value = amt * float(w.fx[cur, day]) / float(w.fx[php, day])
            out = value * share * rng.uniform(0.85, 1.0)
            if out < 100:
                continue
            tt = int(t + rng.integers(dlo, max(dlo + 1, dhi)))
            if tt >= w.T1:
                continue
            live = [d for d in dests if w.ac_open[d] < tt]
            if live:
                dest = live[int(rng.integers(0, len(live)))]
            else:
                dest = int(w.agents_arr[int(rng.integers(0, len(w.agents_arr)))])
            if w.insts[w.ac_inst[acct]].kind == "bank":
                atm = w.insts[w.ac_inst[dest]].code == "atm-ph"
                w.tx(
                    tt,
                    float(round(out, -2) or 100.0),
                    php,
                    acct,
                    dest,
                    "card" if atm else "bank_transfer",
                    "" if atm else ("cash out" if rng.random() < 0.3 else ""),
                    mcc=6011 if atm else 0,
                    mname="ATM WITHDRAWAL" if atm else "",
                )
            else:
                w.tx(
                    tt,
                    float(round(out, -1) or 100.0),
                    php,
                    acct,
                    dest,
                    "ewallet",
                    "cash out" if rng.random() < 0.5 else "",
                )
