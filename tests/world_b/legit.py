"""Legitimate cohorts, each of which looks suspicious on some single signal."""

from __future__ import annotations

import numpy as np

from . import timeutil as T
from .flows import card_buy, times_mixed, usd_lognormal, xpay
from .offenders import travel
from .population import (
    W_GENERAL,
    W_OFW,
    demand_person,
    in_period,
    ph_receiver,
    pick,
    platform_account,
)
from .world import CH, Person, World


def _inb(W: World, rng: np.random.Generator) -> bool:
    return bool(rng.random() < W.p["inbound_only"])


def _reachable(W: World, p: Person, accts: list[int]) -> list[int]:
    br = W.inst_by["bayanremit"].idx
    has_br = any(W.a_inst[a] == br for a, _, _ in p.routes)
    ok = [a for a in accts if has_br or W.a_kind[a] != "remittance"]
    if "inbound_only" in p.traits:
        vis = [a for a in ok if W.insts[W.a_inst[a]].pooled]
        ok = vis or ok
    return ok


def monthly_days(rng: np.random.Generator, d0: float, d1: float, jitter: float = 3.0) -> np.ndarray:
    start = d0 + rng.uniform(0, 30)
    days = np.arange(start, d1, 30.4)
    return np.clip(days + rng.normal(0, jitter, days.size), 0, T.NDAYS - 1)


def poisson_days(rng: np.random.Generator, d0: float, d1: float, per_day: float) -> np.ndarray:
    n = rng.poisson(max(d1 - d0, 0) * per_day)
    return np.sort(rng.uniform(d0, d1, n))


# ---------------------------------------------------------------------------- PH ordinary people
def ph_ordinary(W: World) -> list[Person]:
    rng = W.rng
    n = max(50, int(W.customers * W.p["ph_ordinary"]))
    out: list[Person] = []
    while len(out) < n:
        k = int(rng.choice([1, 2, 3, 4, 5], p=[0.3, 0.25, 0.2, 0.15, 0.1]))
        lead = W.new_person("ordinary", "PH", age=(18, 70))
        for j in range(k):
            p = (
                lead
                if j == 0
                else W.new_person(
                    "ordinary", "PH", age=(16, 75), surname=lead.surname if rng.random() < 0.85 else None
                )
            )
            if j and rng.random() < 0.85:
                p.address, p.city, p.ip = lead.address, lead.city, lead.ip
            if j and rng.random() < 0.2:
                p.phones = [lead.phones[0]]
            p.hh = lead.idx
            p.sub = "ph_resident"
            opened = in_period(rng, 0, 400) if rng.random() < 0.3 else None  # e-wallet adoption is recent
            ph_receiver(
                W,
                p,
                int(rng.choice([1, 2, 3], p=[0.55, 0.35, 0.1])),
                pickups=rng.random() < 0.3,
                opened=opened,
            )
            out.append(p)
    W.ph_people = out
    return out


# ---------------------------------------------------------------------------- diaspora families
DIA_SUPPORT = [
    "family support",
    "allowance",
    "padala",
    "rent",
    "",
    "bills",
    "for mama",
    "tuition",
    "pang gastos",
]
DIA_SUPPORT_W = [3, 2, 3, 1, 4, 1, 1, 0.7, 1]
DIA_LOAD = ["load", "", "allowance", "baon", "load po"]
DIA_LOAD_W = [4, 3, 2, 1, 1]


def diaspora(W: World) -> None:
    rng = W.rng_leg
    n_send = int(W.customers * W.p["diaspora"])
    made = 0
    while made < n_send:
        ks = int(rng.choice([1, 2, 3, 4], p=[0.35, 0.35, 0.2, 0.1]))
        kr = int(rng.choice([1, 2, 3], p=[0.45, 0.35, 0.2]))
        fam = W.names.surname("ph")
        recips = []
        for j in range(kr):
            r = W.new_person("family_recipient", "PH", age=(45, 78) if j == 0 else (17, 32),
                             surname=fam if rng.random() < 0.9 else None)  # fmt: skip
            if j:
                r.address, r.city, r.ip = recips[0].address, recips[0].city, recips[0].ip
            ph_receiver(W, r, int(rng.choice([1, 2, 3], p=[0.4, 0.4, 0.2])))
            for a in r.acc.get("wallet", []):
                W.spend_style[a] = ("family", r)
            recips.append(r)
        senders = []
        for _ in range(ks):
            c = pick(rng, W_OFW, 1)[0]
            sur = fam if rng.random() < 0.6 else None  # in-laws and married names differ
            region = "ph" if rng.random() < 0.9 else None
            s = demand_person(W, "diaspora_remitter", c, 0.45, (22, 62), remit=0.85, inbound_only=_inb(W, rng),
                              surname=sur, region=region)  # fmt: skip
            s.sub = "ofw"
            senders.append(s)
            made += 1
        for s in senders:
            d0 = 0.0 if rng.random() < 0.85 else rng.uniform(0, 300)
            main = recips[0] if rng.random() < 0.7 else recips[int(rng.integers(0, kr))]
            rc = _reachable(W, s, main.acc.get("wallet", []) + main.acc.get("pickup", []))
            if not rc:
                continue
            days = monthly_days(rng, d0, T.NDAYS)
            n = days.size
            ts = times_mixed(rng, s.tz, days, 0.1, "evening")
            usd = usd_lognormal(rng, rng.uniform(120, 500), 0.15, n)
            refs = W.refs_of(rng, DIA_SUPPORT, DIA_SUPPORT_W, n)
            rcv = np.array(rc)[rng.integers(0, len(rc), n)]
            xpay(W, rng, s, rcv, ts, usd, refs, mode="sender" if rng.random() < 0.8 else "none")
            anchors = list(ts)
            # frequent small round top-ups to younger relatives, sometimes at night
            if rng.random() < 0.55:
                young = recips[1:] or recips
                tgt = young[int(rng.integers(0, len(young)))]
                rc2 = _reachable(W, s, tgt.acc.get("wallet", []))
                if rc2:
                    days = poisson_days(rng, d0, T.NDAYS, rng.uniform(0.3, 1.5) / 7)
                    n2 = days.size
                    ts2 = times_mixed(rng, s.tz, days, W.p["night_legit"], "evening")
                    usd2 = rng.uniform(3, 25, n2)
                    refs2 = W.refs_of(rng, DIA_LOAD, DIA_LOAD_W, n2)
                    xpay(
                        W,
                        rng,
                        s,
                        np.array(rc2)[rng.integers(0, len(rc2), n2)],
                        ts2,
                        usd2,
                        refs2,
                        mode="sender",
                    )
                    anchors += list(ts2[:: max(1, n2 // 6)])
            # occasional school fees, medical bills, birthday gifts
            extra = [
                ("school fees", 150, 600, 2),
                ("medical bills", 100, 800, 0.7),
                ("bday gift", 30, 150, 1.2),
            ]
            for label, lo, hi, lam in extra:
                k = rng.poisson(lam)
                if k == 0:
                    continue
                tgt = recips[int(rng.integers(0, kr))]
                rc3 = _reachable(W, s, tgt.acc.get("wallet", []) + tgt.acc.get("pickup", []))
                if not rc3:
                    continue
                ts3 = times_mixed(rng, s.tz, rng.uniform(d0, T.NDAYS - 1, k), 0.1, "evening")
                xpay(
                    W,
                    rng,
                    s,
                    np.array(rc3)[rng.integers(0, len(rc3), k)],
                    ts3,
                    rng.uniform(lo, hi, k),
                    W.ref(label),
                )
            W.convos.append(("family", s, main, np.array(sorted(anchors))[:40]))


# ---------------------------------------------------------------------------- online sellers
def sellers(W: World) -> None:
    rng = W.rng_leg
    ns = max(5, int(W.customers * W.p["online_seller"]))
    sel = []
    for _ in range(ns):
        c = "PH" if rng.random() < 0.85 else ["ID", "TH", "VN", "MY"][int(rng.integers(0, 4))]
        s = W.new_person("online_seller", c, age=(20, 55))
        if c == "PH":
            ph_receiver(
                W, s, int(rng.integers(1, 3)), {"pisowallet": 0.5, "lungsod-bank": 0.3, "duyan-pay": 0.2}
            )
        else:
            ph_receiver(W, s, 1, {"rx": 1.0})
        for a in s.acc.get("wallet", []):
            W.spend_style[a] = ("seller", s)
        sel.append(s)
    pop = rng.pareto(1.1, ns) + 0.1
    pop /= pop.sum()
    nc = int(W.customers * W.p["seller_customer"])
    w_mix = {k: 0.5 * W_OFW.get(k, 0) + 0.5 * W_GENERAL.get(k, 0) for k in W_GENERAL}
    countries = pick(rng, w_mix, nc)
    for i in range(nc):
        cu = demand_person(W, "seller_customer", countries[i], 0.4, (20, 65), ph_share=0.6, remit=0.5,
                           inbound_only=_inb(W, rng))  # fmt: skip
        k = 1 + rng.geometric(0.6) - 1
        night = W.p["night_legit"] if rng.random() < 0.3 else 0.05
        shops = rng.choice(ns, size=1 if rng.random() < 0.75 else 2, replace=False, p=pop)
        days = np.sort(rng.uniform(0, T.NDAYS - 1, k))
        ts = times_mixed(rng, cu.tz, days, night, "evening")
        rcv = []
        for j in range(k):
            s = sel[int(shops[j % shops.size])]
            rc = _reachable(W, cu, s.acc.get("wallet", []))
            rcv.append(rc[int(rng.integers(0, len(rc)))] if rc else -1)
        rcv = np.array(rcv)
        m = rcv >= 0
        if not m.any():
            continue
        usd = np.clip(usd_lognormal(rng, 30, 0.7, k), 5, 300)
        refs = np.array([W.ref(_order_ref(rng)) for _ in range(k)], dtype=np.int32)
        xpay(W, rng, cu, rcv[m], ts[m], usd[m], refs[m], mode="receiver")
        W.convos.append(("seller", cu, sel[int(shops[0])], ts[m]))


def _order_ref(rng: np.random.Generator) -> str:
    r = rng.random()
    if r < 0.6:
        return f"order #{int(rng.integers(10000, 999999))}"
    if r < 0.68:
        return "shipping"
    if r < 0.75:
        return "payment"
    if r < 0.82:
        return f"order {int(rng.integers(100, 9999))}"
    return ""


# ---------------------------------------------------------------------------- legal adult work
PERF_COUNTRY = {"PH": 0.5, "CO": 0.25, "RO": 0.15, "TH": 0.05, "DO": 0.05}


def adult(W: World) -> None:
    rng = W.rng_leg
    npf = max(4, int(W.customers * W.p["adult_performer"]))
    perf = []
    for c in pick(rng, PERF_COUNTRY, npf):
        f = W.new_person("adult_performer", c, gender="f" if rng.random() < 0.85 else "m", age=(19, 40))
        ph_receiver(W, f, int(rng.integers(1, 3)))
        for a in f.acc.get("wallet", []):
            W.spend_style[a] = ("performer", f)
        h = platform_account(W, f, email_alt=rng.random() < 0.5)
        if rng.random() < 0.12:  # an old account closed (not for CSE), a new one on the same device
            close = in_period(rng, 60, 300)
            W.a_closed[h] = close
            platform_account(W, f, opened=close + int(rng.integers(1, 30)) * T.DAY, device=W.a_device[h])
        perf.append(f)
    W.performers = perf
    pop = rng.pareto(1.0, npf) + 0.2
    pop /= pop.sum()
    nc = int(W.customers * W.p["adult_customer"])
    for c in pick(rng, W_GENERAL, nc):
        cu = demand_person(W, "adult_customer", c, 0.9, (21, 72), remit=0.5, inbound_only=_inb(W, rng))
        va = platform_account(W, cu, email_alt=rng.random() < 0.4)
        favs = rng.choice(npf, size=int(rng.integers(1, 4)), replace=False, p=pop)
        night = rng.uniform(0.5, 0.85)
        d0 = rng.uniform(0, 200) if rng.random() < 0.5 else 0
        d1 = T.NDAYS - 1 if rng.random() < 0.7 else rng.uniform(d0 + 30, T.NDAYS - 1)
        cu.acc["fav"] = [int(x) for x in favs]
        cu.acc["window"] = [int(d0), int(d1)]
        cu.acc["night"] = [int(night * 100)]
        for fi in favs:
            hosts = perf[int(fi)].acc.get("platform", [])
            W.fans.setdefault(hosts[0], []).append(va)
        # token packs by card, mostly at night
        days = poisson_days(rng, d0, d1, rng.uniform(1, 6) / 30)
        ts = times_mixed(rng, cu.tz, days, night, "evening")
        packs = np.array([9.99, 19.99, 49.99, 99.99])[rng.choice(4, size=days.size, p=[0.4, 0.35, 0.2, 0.05])]
        card_buy(W, rng, cu, W.org["tokens"], ts, packs)
        # direct tips by remittance to a favourite's wallet: small, repeated, cross-border, at night
        if rng.random() < 0.28:
            f = perf[int(favs[0])]
            rc = _reachable(W, cu, f.acc.get("wallet", []) + f.acc.get("pickup", []))
            if rc:
                days = poisson_days(rng, d0, d1, rng.uniform(0.5, 3) / 30)
                if days.size:
                    n = days.size
                    ts = times_mixed(rng, cu.tz, days, night, "evening")
                    refs = W.refs_of(rng, ["tip", "gift", "", "for you", "tip po"], [3, 2, 3, 1, 0.5], n)
                    xpay(
                        W,
                        rng,
                        cu,
                        np.array(rc)[rng.integers(0, len(rc), n)],
                        ts,
                        W.nice(rng.uniform(20, 100, n)),
                        refs,
                    )
                    cu.traits.append("direct_tips")
        if rng.random() < 0.15:
            vpn = W.org["global"]["vpn"][int(rng.integers(0, 4))]
            card_buy(
                W,
                rng,
                cu,
                vpn,
                times_mixed(rng, cu.tz, np.array([rng.uniform(0, 400)]), 0.5),
                np.array([59.99]),
            )
    # platform payouts to performers, every two weeks
    for f in perf:
        rc = f.acc.get("wallet", [])
        if not rc:
            continue
        days = np.arange(rng.uniform(0, 14), T.NDAYS, 14.0)
        ts = T.sample_local(rng, np.full(days.size, T.TZ_INDEX["utc"]), days.astype(int), "office")
        usd = np.round(usd_lognormal(rng, rng.uniform(120, 700), 0.5, days.size), 2)
        W.emit(
            ts,
            W.org["payout"],
            np.array(rc)[rng.integers(0, len(rc), days.size)],
            usd,
            CH["bank_transfer"],
            W.ref("payout"),
        )


# ---------------------------------------------------------------------------- freelancers
def freelancers(W: World) -> None:
    rng = W.rng_leg
    ncl = int(W.customers * W.p["freelance_client"])
    nf = max(3, int(ncl / rng.uniform(1.5, 3)))
    fl = []
    for _ in range(nf):
        f = W.new_person("freelancer", "PH", age=(21, 45))
        ph_receiver(W, f, int(rng.integers(1, 3)), {"lungsod-bank": 0.5, "pisowallet": 0.4, "duyan-pay": 0.1})
        for a in f.acc.get("wallet", []):
            W.spend_style[a] = ("freelancer", f)
        fl.append(f)
    wc = {"US": 0.45, "AU": 0.2, "GB": 0.1, "CA": 0.1, "SG": 0.05, "DE": 0.05, "NL": 0.05}
    for c in pick(rng, wc, ncl):
        cl = demand_person(W, "freelance_client", c, 0.6, (28, 65), remit=0.5, inbound_only=_inb(W, rng))
        for fi in rng.choice(nf, size=int(rng.integers(1, 3)), replace=False):
            f = fl[int(fi)]
            rc = _reachable(W, cl, f.acc.get("wallet", []))
            if not rc:
                continue
            d0 = 0.0 if rng.random() < 0.6 else rng.uniform(0, 300)
            step = 14.0 if rng.random() < 0.5 else 30.4
            days = np.arange(d0 + rng.uniform(0, step), T.NDAYS, step)
            n = days.size
            if n == 0:
                continue
            ts = times_mixed(rng, cl.tz, days, 0.03, "office")
            rate, hours = rng.uniform(4, 12), rng.uniform(40, 160) * step / 30.4
            usd = rate * hours * rng.uniform(0.85, 1.15, n)
            refs = np.array([W.ref(f"invoice #{2025 + int(d // 365)}-{int(d // 30) % 12 + 1:02d}") if rng.random() < 0.5 else
                             W.ref(["VA services", "salary", "", "rate per hour"][int(rng.integers(0, 4))]) for d in days],
                            dtype=np.int32)  # fmt: skip
            xpay(
                W,
                rng,
                cl,
                np.array(rc)[rng.integers(0, len(rc), n)],
                ts,
                usd,
                refs,
                mode="none" if rng.random() < 0.5 else "sender",
            )
            W.convos.append(("freelance", cl, f, ts))


# ---------------------------------------------------------------------------- romance scams
MULE_COUNTRY = {"PH": 0.5, "NG": 0.25, "GH": 0.1, "MY": 0.15}


def romance(W: World) -> None:
    rng = W.rng_leg
    nv = int(W.customers * W.p["romance_victim"])
    nm = max(2, int(nv / rng.uniform(4, 10)))
    mules = []
    for c in pick(rng, MULE_COUNTRY, nm):
        m = W.new_person("romance_mule", c, age=(19, 45))
        ph_receiver(
            W, m, int(rng.integers(2, 5)), opened=in_period(rng, 0, 200) if rng.random() < 0.5 else None
        )
        for a in m.acc.get("wallet", []):
            W.spend_style[a] = ("mule", m)
        mules.append(m)
    refs_l = ["ticket", "visa fee", "medical bills", "customs fee", "gift", "", "for you", "hospital"]
    refs_w = [2, 1, 2, 1, 1, 3, 1, 0.5]
    for c in pick(rng, W_GENERAL, nv):
        v = demand_person(W, "romance_victim", c, 0.55, (45, 80), remit=0.8, inbound_only=_inb(W, rng))
        ms = [mules[int(i)] for i in rng.choice(nm, size=min(nm, int(rng.integers(1, 3))), replace=False)]
        n = int(rng.integers(3, 21))
        d0 = rng.uniform(0, T.NDAYS - 40)
        days = np.sort(rng.uniform(d0, min(T.NDAYS - 1, d0 + rng.uniform(30, 180)), n))
        ts = times_mixed(rng, v.tz, days, 0.1, "evening")
        rc = _reachable(W, v, [a for m in ms for a in m.acc.get("wallet", []) + m.acc.get("pickup", [])
                               if W.a_opened[a] < ts[0]])  # fmt: skip
        if not rc:
            continue
        usd = np.clip(rng.uniform(80, 300) * np.cumprod(rng.uniform(0.9, 1.35, n)), 50, 3000)
        refs = W.refs_of(rng, refs_l, refs_w, n)
        xpay(
            W,
            rng,
            v,
            np.array(rc)[rng.integers(0, len(rc), n)],
            ts,
            usd,
            refs,
            mode="sender" if rng.random() < 0.6 else "none",
        )
        W.convos.append(("romance", v, ms[0], ts))


# ---------------------------------------------------------------------------- charity sponsors
def charity(W: World) -> None:
    rng = W.rng_leg
    ch = W.org["charities"]
    for c in pick(rng, W_GENERAL, int(W.customers * W.p["charity_sponsor"])):
        s = demand_person(W, "charity_sponsor", c, 0.45, (28, 82), remit=0.3, inbound_only=_inb(W, rng))
        org, a_bank, a_merch, a_remit = ch[int(rng.integers(0, len(ch)))]
        d0 = 0.0 if rng.random() < 0.8 else rng.uniform(0, 300)
        dom = rng.uniform(0, 28)
        days = np.arange(d0 + dom, T.NDAYS, 30.4) + rng.normal(0, 0.5, 1)
        days = np.clip(days, 0, T.NDAYS - 1)
        n = days.size
        if n == 0:
            continue
        ts = times_mixed(rng, s.tz, days, 0.02, "day")
        usd = np.full(n, float(rng.choice([25, 30, 35, 40, 50, 60])))
        r = rng.random()
        if r < 0.5 and "inbound_only" not in s.traits:
            card_buy(W, rng, s, a_merch, ts, usd, nice=True)
        else:
            ref = W.ref(["child sponsorship", f"sponsor #{int(rng.integers(1000, 99999))}", "donation", ""][
                int(rng.choice(4, p=[0.45, 0.25, 0.2, 0.1]))])  # fmt: skip
            xpay(W, rng, s, np.full(n, a_bank), ts, usd, ref, mode="sender")


# ---------------------------------------------------------------------------- gamers, teens, travellers
def gamers(W: World) -> None:
    rng = W.rng_leg
    games = W.org["global"]["game"]
    for c in pick(rng, W_GENERAL, int(W.customers * W.p["gamer"])):
        g = demand_person(W, "gamer", c, 0.8, (16, 40))
        days = poisson_days(rng, 0, T.NDAYS - 1, rng.uniform(2, 10) / 30)
        ts = times_mixed(rng, g.tz, days, rng.uniform(0.4, 0.8), "evening")
        usd = np.array([4.99, 9.99, 19.99, 49.99, 5, 10, 20])[rng.choice(7, size=days.size)]
        card_buy(W, rng, g, np.array(games)[rng.integers(0, len(games), days.size)], ts, usd)
        if rng.random() < 0.2:
            vpn = W.org["global"]["vpn"][int(rng.integers(0, 4))]
            m = np.arange(rng.uniform(0, 30), T.NDAYS, 30.4)
            card_buy(W, rng, g, vpn, times_mixed(rng, g.tz, m, 0.5), np.full(m.size, 9.99))
        if rng.random() < 0.4:
            platform_account(W, g)


def teens(W: World) -> None:
    """Ordinary teenagers with new accounts: game credits and gift cards in small bursts."""
    rng = W.rng_leg
    for c in pick(rng, W_GENERAL, int(W.customers * W.p["teen"])):
        opened = in_period(rng, -200, 400)
        t = demand_person(W, "ordinary", c, 0.75, (14, 17), young=True, opened=opened)
        t.sub = "teen"
        d_open = (opened - T.START) / T.DAY
        for _ in range(int(rng.integers(1, 4))):
            d = rng.uniform(max(0, d_open), T.NDAYS - 1)
            k = int(rng.integers(1, 5))
            ts = T.sample_local(rng, np.full(k, t.tz), np.full(k, int(d)), "late") + rng.integers(
                0, 3 * 3600, k
            )
            gift = W.org["global"]["gift"] + W.org["global"]["game"]
            card_buy(
                W, rng, t, np.array(gift)[rng.integers(0, len(gift), k)], ts, W.nice(rng.uniform(10, 60, k))
            )
        if rng.random() < 0.3:
            platform_account(W, t)


def travellers(W: World) -> None:
    rng = W.rng_leg
    friends = W.ph_people
    for c in pick(rng, W_GENERAL, int(W.customers * W.p["traveller"])):
        tr = demand_person(W, "traveller", c, 0.6, (24, 75), remit=0.3 if rng.random() < 0.3 else 0.0)
        travel(W, rng, tr, "PH" if rng.random() < 0.7 else "TH")
        if tr.routes and rng.random() < 0.6:
            fr = friends[int(rng.integers(0, len(friends)))]
            rc = _reachable(W, tr, fr.acc.get("wallet", []) + fr.acc.get("pickup", []))
            if rc:
                k = int(rng.integers(1, 4))
                ts = times_mixed(rng, tr.tz, rng.uniform(0, T.NDAYS - 1, k), 0.15, "evening")
                refs = W.refs_of(rng, ["tour", "thank you", "hotel deposit", "", "gift"], [1, 1, 1, 2, 1], k)
                xpay(
                    W,
                    rng,
                    tr,
                    np.array(rc)[rng.integers(0, len(rc), k)],
                    ts,
                    W.nice(rng.uniform(30, 200, k)),
                    refs,
                )


def streamers(W: World) -> None:
    rng = W.rng_leg
    out = []
    for _ in range(max(3, int(W.customers * W.p["streamer"]))):
        s = W.new_person("streamer", "PH", age=(18, 35))
        ph_receiver(W, s, 1, {"pisowallet": 0.7, "lungsod-bank": 0.3})
        platform_account(W, s)
        for a in s.acc.get("wallet", []):
            W.spend_style[a] = ("performer", s)
        days = np.arange(rng.uniform(0, 14), T.NDAYS, 14.0)
        ts = T.sample_local(rng, np.full(days.size, T.TZ_INDEX["utc"]), days.astype(int), "office")
        W.emit(ts, W.org["payout"], s.acc["wallet"][0], np.round(usd_lognormal(rng, 80, 0.8, days.size), 2),
               CH["bank_transfer"], W.ref("payout"))  # fmt: skip
        out.append(s)
    W.streamers = out


def ordinary(W: World, n: int) -> None:
    rng = W.rng_leg
    friends = W.ph_people
    for c in pick(rng, W_GENERAL, n):
        opened = in_period(rng, 0, 420) if rng.random() < 0.05 else None
        o = demand_person(W, "ordinary", c, 0.5, (19, 85), remit=0.6 if rng.random() < 0.03 else 0.0,
                          inbound_only=False, opened=opened)  # fmt: skip
        if o.routes:  # an occasional gift abroad
            fr = friends[int(rng.integers(0, len(friends)))]
            rc = _reachable(W, o, fr.acc.get("wallet", []) + fr.acc.get("pickup", []))
            if rc:
                k = int(rng.integers(1, 4))
                ts = times_mixed(rng, o.tz, rng.uniform(0, T.NDAYS - 1, k), 0.1, "evening")
                refs = W.refs_of(rng, ["gift", "", "birthday", "help"], [2, 2, 1, 1], k)
                xpay(
                    W,
                    rng,
                    o,
                    np.array(rc)[rng.integers(0, len(rc), k)],
                    ts,
                    W.nice(rng.uniform(20, 150, k)),
                    refs,
                )
        r = rng.random()
        if r < 0.05:
            vpn = W.org["global"]["vpn"][int(rng.integers(0, 4))]
            card_buy(
                W,
                rng,
                o,
                vpn,
                times_mixed(rng, o.tz, np.array([rng.uniform(0, 400)]), 0.3),
                np.array([59.99]),
            )
        elif r < 0.09:
            dating = W.org["global"]["dating"][int(rng.integers(0, 2))]
            m = np.arange(rng.uniform(0, 60), T.NDAYS, 30.4)[: int(rng.integers(1, 10))]
            card_buy(W, rng, o, dating, times_mixed(rng, o.tz, m, 0.3), np.full(m.size, 29.99))
        if rng.random() < 0.05:
            platform_account(W, o)
