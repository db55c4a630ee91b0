"""Base population of world D: institutions' everyday customers, merchants, employers and background activity."""

from __future__ import annotations

import numpy as np

from . import names
from .clock import DAY, T0
from .core import CH, CURRENCY, World

MIX = {
    "general": {
        "US": 0.36,
        "GB": 0.08,
        "AU": 0.07,
        "CA": 0.07,
        "DE": 0.06,
        "JP": 0.05,
        "SG": 0.03,
        "SA": 0.04,
        "AE": 0.04,
        "NO": 0.015,
        "SE": 0.02,
        "NL": 0.025,
        "FR": 0.03,
        "IT": 0.025,
        "HK": 0.015,
        "KR": 0.015,
        "NZ": 0.01,
        "QA": 0.005,
        "KW": 0.005,
        "DK": 0.01,
        "ES": 0.02,
        "CH": 0.01,
        "IE": 0.01,
        "BE": 0.01,
        "AT": 0.01,
        "MY": 0.01,
    },
    "offender": {
        "US": 0.45,
        "GB": 0.09,
        "AU": 0.10,
        "CA": 0.07,
        "DE": 0.06,
        "NO": 0.03,
        "SE": 0.03,
        "NL": 0.03,
        "JP": 0.03,
        "SG": 0.02,
        "SA": 0.02,
        "AE": 0.02,
        "FR": 0.02,
        "NZ": 0.01,
        "DK": 0.01,
        "CH": 0.01,
    },
    "diaspora": {
        "US": 0.25,
        "SA": 0.16,
        "AE": 0.13,
        "CA": 0.08,
        "SG": 0.06,
        "JP": 0.06,
        "HK": 0.06,
        "QA": 0.04,
        "KW": 0.03,
        "GB": 0.04,
        "AU": 0.04,
        "IT": 0.03,
        "DE": 0.01,
        "KR": 0.01,
    },
    "teen": {"US": 0.6, "GB": 0.12, "AU": 0.1, "CA": 0.12, "NZ": 0.03, "IE": 0.03},
    "western": {
        "US": 0.5,
        "GB": 0.12,
        "AU": 0.1,
        "CA": 0.09,
        "DE": 0.07,
        "NL": 0.03,
        "NO": 0.03,
        "SE": 0.03,
        "FR": 0.03,
    },
}
INCOME = {
    "US": 4200,
    "GB": 3300,
    "AU": 3800,
    "CA": 3600,
    "DE": 3400,
    "JP": 2800,
    "SG": 3900,
    "SA": 2200,
    "AE": 2600,
    "NO": 4500,
    "SE": 3300,
    "NL": 3500,
    "KR": 2600,
    "HK": 3000,
    "MY": 1200,
    "QA": 2600,
    "KW": 2500,
}

MCC_SET = [  # mcc, name kind, median USD, weight
    ("5411", "Mart", 45, 0.30),
    ("5812", "Cafe", 28, 0.22),
    ("5541", "Fuel", 40, 0.10),
    ("5311", "Store", 60, 0.08),
    ("5912", "Pharmacy", 25, 0.08),
    ("4121", "Rides", 18, 0.08),
    ("5732", "Electronics", 140, 0.03),
    ("5651", "Outlet", 55, 0.06),
    ("4899", "Streaming", 13, 0.05),
]


def pick(r, mix: dict[str, float]) -> str:
    x = r.random() * sum(mix.values())
    acc = 0.0
    for k, v in mix.items():
        acc += v
        if x < acc:
            return k
    return next(iter(mix))


def _org(w: World, country: str, kind: str, cohort: str = "organization", name: str | None = None) -> int:
    nm = name or names.org_name(w.r, country, kind)
    return w.add_person(cohort, "", country, kind="organization", name=nm, sur=nm.split()[0])


def _merchant(
    w: World,
    country: str,
    mcc: str,
    label: str,
    cohort: str = "merchant",
    inst: str = "acq-x",
    name: str | None = None,
) -> int:
    nm = name or f"{names.org_name(w.r, country, 'merchant').split()[0]} {label}"
    p = _org(w, country, "merchant", cohort, nm)
    a = w.account(p, inst, "merchant", country=country, with_party=inst != "acq-x")
    w.acct_mcc[a] = mcc
    w.acct_mname[a] = nm.upper() if w.r.random() < 0.5 else nm
    return a


def build_infra(w: World, n_customers: int, country_counts: dict[str, int]) -> None:
    r = w.r
    inf = w.infra
    inf["merchants"] = {}
    for c, n in country_counts.items():
        k = max(4, n // 120)
        lst = []
        for _ in range(k):
            mcc, label, med, _wt = r.choices(MCC_SET, [m[3] for m in MCC_SET])[0]
            lst.append((_merchant(w, c, mcc, label), mcc, med))
        inf["merchants"][c] = lst
    # employers and utilities per country, banking anywhere in that country (member or not)
    inf["employers"], inf["utilities"] = {}, {}
    for c, n in country_counts.items():
        emps = []
        for _ in range(max(2, n // 250)):
            p = _org(w, c, "employer")
            emps.append(w.account(p, home_bank_name(w, c), "bank"))
        inf["employers"][c] = emps
        uts = []
        for _ in range(max(1, min(6, n // 400))):
            p = _org(w, c, "utility")
            uts.append(w.account(p, home_bank_name(w, c), "bank"))
        inf["utilities"][c] = uts
    # platform, its token sales (card acquiring outside the pool) and its payout account (inside the pool)
    plat = _org(w, "US", "employer", "organization", "StreamHub Live Inc.")
    inf["platform_person"] = plat
    tok = w.account(plat, "acq-x", "merchant", country="US", with_party=False)
    w.acct_mcc[tok] = "5815"
    w.acct_mname[tok] = "STREAMHUB*TOKENS"
    inf["tokens"] = tok
    inf["payout"] = w.account(plat, "streamhub", "merchant", country="US")
    # side-signal merchants (global)
    inf["vpn"] = [
        _merchant(w, "US", "4816", "", name=n) for n in ("Tunnelbox VPN", "Privanet Secure", "Hushlink")
    ]
    inf["airline"] = [
        _merchant(w, c, "4511", "", name=n)
        for c, n in (("US", "Skyvara Air"), ("PH", "Pinoy Wings"), ("SG", "Merlion Jet"))
    ]
    inf["dating"] = [_merchant(w, "US", "7273", "", name=n) for n in ("Kindred Match", "Heartlane")]
    inf["jewel"] = [_merchant(w, c, "5944", "Jewels") for c in ("US", "GB", "AU", "PH")]
    inf["games"] = [
        _merchant(w, "US", "5816", "", name=n)
        for n in ("Arcadia Credits", "Pixelforge Games", "Loot Realm", "Mythic Gems")
    ]
    inf["giftcard"] = [_merchant(w, "US", "5999", "", name=n) for n in ("GiftHub Cards", "eCard Depot")]
    inf["ph_hotels"] = [_merchant(w, "PH", "7011", "Hotel") for _ in range(12)]
    inf["ph_food"] = [_merchant(w, "PH", "5812", "Grill") for _ in range(10)]
    inf["ph_atm"] = [
        _merchant(w, "PH", "6011", "ATM", name=f"ATM {c}") for c in ("Makati", "Cebu", "Davao", "Angeles")
    ]
    # Philippine side: cash agents (hubs), wallet merchants, billers, couriers, a load seller
    inf["agents"] = {k: [] for k in ("wallet-ph-1", "wallet-ph-2", "wallet-ph-3")}
    n_agents = max(12, n_customers // 400)
    for i in range(n_agents):
        p = _org(w, "PH", "agent", "cash_agent")
        wallets = ["wallet-ph-1", "wallet-ph-2", "wallet-ph-3"]
        r.shuffle(wallets)
        for wn in wallets[: r.choice((1, 1, 2, 3))] if i >= 3 else wallets:
            a = w.account(p, wn, "merchant", country="PH")
            inf["agents"][wn].append(a)
        w.set_extra(inf["agents"][wallets[0]][-1], settle=w.account(p, "bank-ph", "bank", country="PH"))
    inf["ph_shops"] = {k: [] for k in ("wallet-ph-1", "wallet-ph-2", "wallet-ph-3")}
    for _ in range(max(10, n_customers // 300)):
        wn = r.choice(("wallet-ph-1", "wallet-ph-1", "wallet-ph-2", "wallet-ph-3"))
        inf["ph_shops"][wn].append(
            _merchant(w, "PH", "5411", r.choice(["Sari-sari", "Mart", "Bakery", "Store"]), inst=wn)
        )
    inf["load"] = [
        _merchant(w, "PH", "4814", "", name=n, inst=i)
        for n, i in (
            ("LoadKo Prepaid", "wallet-ph-1"),
            ("TopUp Pinas", "wallet-ph-2"),
            ("SulitLoad", "wallet-ph-3"),
        )
    ]
    inf["ph_billers"] = [
        w.account(_org(w, "PH", "utility"), "bank-ph", "bank", country="PH") for _ in range(5)
    ]
    inf["couriers"] = [w.account(_org(w, "PH", "courier"), "bank-ph", "bank", country="PH") for _ in range(3)]
    inf["ph_employers"] = [
        w.account(_org(w, "PH", "employer"), "bank-ph", "bank", country="PH")
        for _ in range(max(3, n_customers // 2500))
    ]


def home_bank_name(w: World, country: str) -> str:
    cands = [i for i in w.insts if i.kind == "bank" and country in i.serves]
    if not cands:
        return "bank-us-x"
    wts = [i.share * (1.0 if i.member else w.p["nonmember_factor"]) for i in cands]
    x = w.r.random() * sum(wts)
    acc = 0.0
    for i, wt in zip(cands, wts, strict=True):
        acc += wt
        if x < acc:
            return i.name
    return cands[-1].name


def remit_pref(w: World) -> str:
    x = w.r.random()
    px = w.p["remit_x_share"]
    if x < px:
        return "remit-x"
    return "remit-a" if x < px + (1 - px) * 0.55 else "remit-b"


def new_customer(
    w: World,
    cohort: str,
    mix: str,
    *,
    role: str = "",
    birth_year=(1955, 2003),
    gender=None,
    sur: str | None = None,
    country: str | None = None,
    late_open: float = 0.2,
    bank: str | None = None,
) -> int:
    r = w.r
    c = country or pick(r, MIX[mix])
    p = w.add_person(cohort, role, c, sur=sur, birth_year=birth_year, gender=gender)
    if r.random() < late_open:
        opened = T0 + w.clock.day1() * DAY
    else:
        opened = T0 - r.randint(60, 5000) * DAY
    b = w.account(p, bank or home_bank_name(w, c), "bank", opened=opened)
    w.home[p] = b
    if r.random() < 0.85:
        w.card[p] = w.account(p, w.insts[w.ac_src[b]].name, "card", opened=opened, party=w.ac_party[b])
    w.remit_pref[p] = remit_pref(w)
    w.infra.setdefault("demand", []).append(p)
    return p


def new_ph_person(
    w: World,
    cohort: str,
    role: str = "",
    sur: str | None = None,
    wallets: int | None = None,
    bank_p: float = 0.25,
    birth_year=(1960, 2004),
    gender=None,
    opened: int | None = None,
    country: str = "PH",
) -> int:
    r = w.r
    p = w.add_person(cohort, role, country, sur=sur, birth_year=birth_year, gender=gender)
    if opened is None:
        opened = T0 - r.randint(30, 2500) * DAY if r.random() > 0.2 else T0 + w.clock.day1() * DAY
    k = wallets if wallets is not None else r.choice((1, 1, 1, 2, 2, 3))
    ws = ["wallet-ph-1", "wallet-ph-1", "wallet-ph-2", "wallet-ph-3"]
    r.shuffle(ws)
    chosen: list[str] = []
    for x in ws:
        if x not in chosen and len(chosen) < k:
            chosen.append(x)
    accts = [w.account(p, x, "ewallet", opened=opened) for x in chosen]
    if r.random() < bank_p or not accts:
        accts.append(w.account(p, "bank-ph", "bank", opened=opened))
    w.home[p] = accts[0]
    w.infra.setdefault("ph_accts", {})[p] = accts
    return p


# ---------------------------------------------------------------------------------------------------------
# Background activity, vectorised


def demand_background(w: World, people: list[int], salary_factor: dict[int, float]) -> None:
    """Salary, card spending, bills and domestic transfers of every demand-side customer."""
    rng, r = w.rng, w.r
    inf = w.infra
    P = np.array(people, dtype=np.int64)
    n = P.shape[0]
    if n == 0:
        return
    B = np.array([w.home[p] for p in people], dtype=np.int64)
    C = np.array([w.card.get(p, w.home[p]) for p in people], dtype=np.int64)
    ctry = [w.persons[p].country for p in people]
    zone = np.array([w.persons[p].zone for p in people], dtype=np.int64)
    start = np.array([max(0, (w.ac_extra[b] or {}).get("opened", T0) - T0) // DAY for b in B], dtype=np.int64)
    inc = np.array([INCOME.get(c, 3000) for c in ctry], dtype=np.float64)
    inc *= np.exp(rng.normal(0, 0.45, n)) * np.array([salary_factor.get(int(p), 1.0) for p in P])
    usd_local = np.array([w.usd_to(1.0, CURRENCY.get(c, "USD"), 300) for c in ctry])
    ref_sal = [w.ref(x) for x in ("SALARY", "payroll", "", "PAYROLL CREDIT", "salary")]
    # people whose own institutions are outside the pool and who must stay invisible apart from their
    # cross-border credits (inbound-only payers): no pooled employer, no bills, no domestic transfers
    hidden = w.infra.get("hidden", set())
    hid = np.array([int(p) in hidden for p in P], dtype=bool)

    def employer(c: str, hide: bool) -> int:
        lst = inf["employers"][c]
        if hide:
            lst = [a for a in lst if not w.insts[w.ac_src[a]].member]
        return r.choice(lst) if lst else -1

    # salary: monthly, business hours, from one employer
    emp = np.array([employer(c, bool(h)) for c, h in zip(ctry, hid, strict=True)], dtype=np.int64)
    employed = (rng.random(n) < 0.82) & (emp >= 0)
    months = np.arange(24)
    mday = np.array([0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] * 2) + np.repeat([0, 365], 12)
    idx = np.repeat(np.nonzero(employed)[0], 24)
    mm = np.tile(months, int(employed.sum()))
    pay = mday[mm] + rng.integers(24, 28, idx.shape[0])
    keep = pay >= start[idx]
    idx, pay = idx[keep], pay[keep]
    t = w.clock.at(zone[idx], pay, "business")
    amt = inc[idx] * usd_local[idx] * rng.uniform(0.97, 1.03, idx.shape[0])
    w.ev.add_many(
        t,
        np.round(amt, 2),
        emp[idx],
        B[idx],
        CH["bank_transfer"],
        np.array(ref_sal)[rng.integers(0, len(ref_sal), idx.shape[0])],
        0,
        rng.integers(0, 4 * 3600, idx.shape[0]),
    )
    # card spending
    lam = w.p["card_rate"] * rng.uniform(0.3, 1.7, n)
    k = rng.poisson(lam * 24)
    idx = np.repeat(np.arange(n), k)
    d = w.clock.days(idx.shape[0])
    keep = d >= start[idx]
    idx, d = idx[keep], d[keep]
    t = w.clock.at(zone[idx], d, "day")
    by_c: dict[str, list[int]] = {}
    for i, c in enumerate(ctry):
        if not hid[i]:
            by_c.setdefault(c, []).append(i)
    mer = np.zeros(idx.shape[0], dtype=np.int64)
    med = np.zeros(idx.shape[0])
    cidx = (
        np.array([ctry[i] for i in range(n)], dtype=object)[idx]
        if idx.shape[0]
        else np.zeros(0, dtype=object)
    )
    for c in dict.fromkeys(ctry):
        sel = np.nonzero(cidx == c)[0]
        ml = inf["merchants"][c]
        ch = rng.integers(0, len(ml), sel.shape[0])
        mer[sel] = np.array([m[0] for m in ml])[ch]
        med[sel] = np.array([m[2] for m in ml], dtype=float)[ch]
    amt = med * np.exp(rng.normal(0, 0.6, idx.shape[0])) * usd_local[idx]
    w.ev.add_many(t, np.maximum(np.round(amt, 2), 1.0), C[idx], mer, CH["card"], 0, 0, 0)
    # bills
    billed = (rng.random(n) < 0.4) & ~hid
    ut = np.array([r.choice(inf["utilities"][c]) for c in ctry], dtype=np.int64)
    idx = np.repeat(np.nonzero(billed)[0], 24)
    mm = np.tile(months, int(billed.sum()))
    day = mday[mm] + rng.integers(2, 20, idx.shape[0])
    keep = day >= start[idx]
    idx, day = idx[keep], day[keep]
    t = w.clock.at(zone[idx], day, "any")
    bill = rng.uniform(40, 220, n) * usd_local
    ref_bill = [w.ref(x) for x in ("bill", "", "", "utility", "ACCT 20931", "monthly bill")]
    w.ev.add_many(
        t,
        np.round(bill[idx] * rng.uniform(0.8, 1.2, idx.shape[0]), 2),
        B[idx],
        ut[idx],
        CH["bank_transfer"],
        np.array(ref_bill)[rng.integers(0, len(ref_bill), idx.shape[0])],
        0,
        3600,
    )
    # domestic person-to-person transfers
    k = rng.poisson(w.p["p2p_rate"] * rng.uniform(0.2, 1.8, n) * 24) * ~hid
    idx = np.repeat(np.arange(n), k)
    d = w.clock.days(idx.shape[0])
    keep = d >= start[idx]
    idx, d = idx[keep], d[keep]
    t = w.clock.at(zone[idx], d, "evening")
    to = np.zeros(idx.shape[0], dtype=np.int64)
    cidx = np.array(ctry, dtype=object)[idx] if idx.shape[0] else np.zeros(0, dtype=object)
    for c, members in by_c.items():
        sel = np.nonzero(cidx == c)[0]
        m = np.array(members)
        to[sel] = B[m[rng.integers(0, len(m), sel.shape[0])]]
    ok = to != B[idx]
    ref_p2p = [w.ref(x) for x in ("rent", "dinner", "thanks", "", "", "", "share", "gift", "bday", "tickets")]
    amt = np.exp(rng.normal(np.log(60), 0.9, idx.shape[0])) * usd_local[idx]
    w.ev.add_many(
        t[ok],
        np.round(amt[ok], 2),
        B[idx][ok],
        to[ok],
        CH["bank_transfer"],
        np.array(ref_p2p)[rng.integers(0, len(ref_p2p), int(ok.sum()))],
        0,
        rng.integers(0, 3600, int(ok.sum())),
    )


def ph_background(w: World, people: list[int], rate: float = 1.0) -> None:
    """Everyday wallet life in the Philippines: cash-in, transfers, load, bills, cash-out, payroll."""
    rng, r = w.rng, w.r
    inf = w.infra
    n = len(people)
    if n == 0:
        return
    A = np.array([w.home[p] for p in people], dtype=np.int64)
    src = [w.insts[w.ac_src[a]].name for a in A]
    zone = np.array([w.persons[p].zone for p in people], dtype=np.int64)
    start = np.array([max(0, (w.ac_extra[a] or {}).get("opened", T0) - T0) // DAY for a in A], dtype=np.int64)

    def agent_for(s: str) -> int:
        lst = inf["agents"].get(s) or inf["agents"]["wallet-ph-1"]
        return r.choice(lst)

    def shop_for(s: str) -> int:
        lst = inf["ph_shops"].get(s) or inf["ph_shops"]["wallet-ph-1"]
        return r.choice(lst) if lst else inf["load"][0]

    ag = np.array([agent_for(s) for s in src], dtype=np.int64)
    shop = np.array([shop_for(s) for s in src], dtype=np.int64)
    load = np.array(
        [inf["load"][{"wallet-ph-1": 0, "wallet-ph-2": 1, "wallet-ph-3": 2}.get(s, 0)] for s in src]
    )
    kinds = [
        # (rate per month, sender, receiver, channel, amount median PHP, sigma, refs, profile)
        (0.45, ag, A, "ewallet", 1500, 0.7, ["cash in", "", "CASH-IN"], "day"),
        (
            0.4,
            A,
            None,
            "ewallet",
            600,
            0.9,
            ["", "", "bayad", "utang", "pamasahe", "salamat", "share"],
            "evening",
        ),
        (0.4, A, load, "ewallet", 100, 0.5, ["load", "LOAD", "", "regular load"], "any"),
        (0.3, A, shop, "ewallet", 350, 0.7, ["", "QR PAYMENT"], "day"),
        (0.25, A, ag, "ewallet", 1200, 0.8, ["cash out", "", "CASH-OUT"], "day"),
        (0.15, A, None, "bill", 1400, 0.5, ["electric bill", "water bill", "internet", ""], "any"),
    ]
    for rate_m, S, R, ch, med, sig, refs, prof in kinds:
        k = rng.poisson(rate_m * rate * rng.uniform(0.3, 1.7, n) * 24)
        idx = np.repeat(np.arange(n), k)
        d = w.clock.days(idx.shape[0])
        keep = d >= start[idx]
        idx, d = idx[keep], d[keep]
        if R is None and ch == "ewallet":
            rec = A[rng.integers(0, n, idx.shape[0])]
        elif R is None:
            rec = np.array(inf["ph_billers"])[rng.integers(0, len(inf["ph_billers"]), idx.shape[0])]
            ch = "bank_transfer"
        else:
            rec = R[idx]
        snd = S[idx]
        ok = snd != rec
        t = w.clock.at(zone[idx], d, prof)
        amt = np.exp(rng.normal(np.log(med), sig, idx.shape[0]))
        amt = np.where(
            rng.random(idx.shape[0]) < 0.5, np.maximum(np.round(amt / 50) * 50, 20), np.round(amt, 2)
        )
        rr = [w.ref(x) for x in refs]
        w.ev.add_many(
            t[ok],
            amt[ok],
            snd[ok],
            rec[ok],
            CH[ch],
            np.array(rr)[rng.integers(0, len(rr), int(ok.sum()))],
            0,
            rng.integers(0, 120, int(ok.sum())),
        )
