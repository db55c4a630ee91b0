"""Illicit cohorts: facilitator households, offender payers, sextortion rings and their victims."""

from __future__ import annotations

import numpy as np

from . import timeutil as T
from .flows import card_buy, linear_times, times_mixed, usd_lognormal, xpay
from .population import W_OFFENDER, chat_account, demand_person, in_period, pick, platform_account
from .world import CH, Person, World

OFF_REFS = ["school fees", "gift", "allowance", "load", "medical bills", "uniform", "family support", "tuition",
            "rent po", "pasalubong", "help", "food", "bday gift", "for you", "education", "bills"]  # fmt: skip
OFF_W = [8, 8, 6, 6, 5, 3, 6, 3, 3, 2, 3, 3, 2, 3, 2, 2]
HH_ABROAD = ["CO", "TH", "RO", "DO", "MX", "ID", "VN", "KE"]
BAN_REASON = "child sexual exploitation (CSE) policy violation"


class Household:
    def __init__(self, nid: str, country: str):
        self.nid = nid
        self.country = country
        self.facs: list[Person] = []
        self.accounts: list[int] = []
        self.visible: list[int] = []  # accounts at pooled PH receivers (pisowallet, lungsod)
        self.hosts: list[tuple[int, int, int]] = []  # (account, open ts, close ts)
        self.chatters: list[int] = []  # chat accounts of facilitators
        self.payers: list[Person] = []


def households(W: World, n: int) -> list[Household]:
    rng = W.rng_off
    p = W.p
    out = []
    piso, lb = W.inst_by["pisowallet"].idx, W.inst_by["lungsod-bank"].idx
    for h in range(n):
        country = "PH" if rng.random() < p["hh_ph_share"] else HH_ABROAD[int(rng.integers(0, len(HH_ABROAD)))]
        hh = Household(f"osec-{h + 1:03d}", country)
        related = rng.random() < p["hh_related"]
        n_fac = int(rng.choice([1, 2, 3, 4, 5], p=[0.28, 0.32, 0.2, 0.12, 0.08]))
        lead = W.new_person("facilitator", country, gender="f" if rng.random() < 0.7 else "m", age=(22, 60))
        facs = [lead]
        for _ in range(n_fac - 1):
            same = related and rng.random() < 0.85
            f = W.new_person("facilitator", country, gender="f" if rng.random() < 0.55 else "m", age=(18, 68),
                             surname=lead.surname if same else None)  # fmt: skip
            if related and rng.random() < 0.8:
                f.address, f.city, f.ip = lead.address, lead.city, lead.ip
            if related and rng.random() < 0.6:
                f.device = lead.device
            if related and rng.random() < 0.35:
                f.phones = [lead.phones[0]] + f.phones
            facs.append(f)
        for f in facs:
            f.role = "facilitator"
            f.networks = [hh.nid]
            f.traits.append("related" if related else "unrelated")
            f.sub = "household"
            # new SIMs
            for _ in range(int(rng.integers(0, 3))):
                f.phones.append(W.names.phone(country))
        hh.facs = facs
        # receiving accounts: the first one at a pooled PH receiver so every household can be seen
        n_acc = int(min(8, max(2, n_fac + rng.integers(0, 4))))
        op_w = np.array([3.0] + [1.0] * (n_fac - 1))
        for k in range(n_acc):
            op = facs[int(rng.choice(n_fac, p=op_w / op_w.sum()))]
            opened = (
                (T.START - int(rng.integers(20, 900)) * T.DAY)
                if rng.random() < 0.55
                else in_period(rng, 0, 330)
            )
            if country == "PH":
                if k == 0:
                    key = "pisowallet" if rng.random() < 0.75 else "lungsod-bank"
                else:
                    key = ["pisowallet", "duyan-pay", "lungsod-bank", "pickup"][
                        int(rng.choice(4, p=[0.35, 0.25, 0.15, 0.25]))
                    ]
            else:
                key = "rx" if k % 2 == 0 else "pickup"
            if key == "pickup":
                a = W.new_account(
                    op,
                    W.inst_by["bayanremit"],
                    "remittance",
                    country=country,
                    key="pickup",
                    opened=opened,
                    party=False,
                )
            elif key == "rx":
                a = W.new_account(
                    op,
                    W.inst_by[f"bank-{country.lower()}-rx"],
                    "bank",
                    key="wallet",
                    opened=opened,
                    party=False,
                )
            else:
                kind = "bank" if key == "lungsod-bank" else "ewallet"
                a = W.new_account(op, W.inst_by[key], kind, key="wallet", opened=opened, party=False)
            inst = W.insts[W.a_inst[a]]
            if rng.random() < p["nominee_share"]:
                nom_g = "f" if rng.random() < 0.6 else "m"
                nom_given = W.names.given(op.region, nom_g)
                nom_sur = lead.surname if related else op.surname
                nom_birth = f"{int(rng.integers(1945, 2005))}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
                W.a_party[a] = W.nominee_party(op, inst, opened, (nom_given, nom_sur, nom_g, nom_birth))
                if "nominee_account" not in op.traits:
                    op.traits.append("nominee_account")
            else:
                W.a_party[a] = W.party_for(op, inst, opened)
            hh.accounts.append(a)
            if W.a_inst[a] in (piso, lb):
                hh.visible.append(a)
            W.spend_style[a] = ("fac", hh)
        # live-stream host accounts; some banned for CSE and replaced on the same device
        n_host = int(rng.integers(1, 3))
        dev = lead.device
        for j in range(n_host):
            op = facs[int(rng.integers(0, n_fac))]
            opened = (T.START - int(rng.integers(10, 500)) * T.DAY) if j == 0 else in_period(rng, 0, 250)
            a = platform_account(W, op, opened=opened, device=dev, email_alt=True)
            close = T.END + 10 * T.DAY
            hh.hosts.append((a, opened, close))
        if rng.random() < p["hh_banned"]:
            k = int(rng.integers(0, len(hh.hosts)))
            a, o, _ = hh.hosts[k]
            ban = max(o + 20 * T.DAY, in_period(rng, 60, 380))
            if ban < T.END - 20 * T.DAY:
                W.a_closed[a] = ban
                W.a_banned[a] = BAN_REASON
                hh.hosts[k] = (a, o, ban)
                op = W.persons[W.a_person[a]]
                new_o = ban + int(rng.integers(1, 10)) * T.DAY
                base = W.a_user[a].rstrip("0123456789") or "user"
                b = platform_account(
                    W, op, opened=new_o, username=f"{base}{int(rng.integers(10, 999))}", device=dev
                )
                hh.hosts.append((b, new_o, T.END + 10 * T.DAY))
                for f in facs:
                    if "banned_host" not in f.traits:
                        f.traits.append("banned_host")
        for f in facs[: max(1, n_fac // 2 + 1)]:
            hh.chatters.append(chat_account(W, f))
        out.append(hh)
    return out


def host_at(hh: Household, ts: int) -> int:
    for a, o, c in hh.hosts:
        if o <= ts < c:
            return a
    return hh.hosts[-1][0]


def payers(W: World, hhs: list[Household], P: int) -> list[Person]:
    rng = W.rng_off
    p = W.p
    P = max(len(hhs) + 2, P, 4)
    countries = pick(rng, W_OFFENDER, P)
    out = []
    # household popularity: heavy tailed
    pop = rng.pareto(p["payer_pareto"], len(hhs)) + 0.2
    pop /= pop.sum()
    order = rng.permutation(P)
    first_hh = {int(order[i]): i for i in range(len(hhs))}  # every household gets at least one payer
    r = rng.random(P)
    typs = np.where(
        r < p["share_few"], "few", np.where(r < p["share_few"] + p["share_strong"], "strong", "medium")
    )
    multi = (typs != "few") & (rng.random(P) < p["share_multi"] / (1 - p["share_few"]))
    inb = rng.random(P) < p["inbound_only"]
    # small worlds still get every kind of payer
    if not (typs == "few").any():
        typs[0] = "few"
    if not multi.any():
        j = int(np.nonzero(typs != "few")[0][0]) if (typs != "few").any() else 1
        typs[j], multi[j] = "strong", True
    if not inb.any():
        inb[P - 1] = True
    ph_hh = [h for h in range(len(hhs)) if hhs[h].country == "PH"]
    for i in range(P):
        typ = str(typs[i])
        h0 = first_hh.get(i, int(rng.choice(len(hhs), p=pop)))
        if inb[i] and hhs[h0].country != "PH" and ph_hh and i not in first_hh:
            h0 = ph_hh[int(rng.integers(0, len(ph_hh)))]
        hs = [h0]
        if typ != "few" and multi[i]:
            k = int(rng.integers(1, 3))
            others = [
                h
                for h in rng.choice(len(hhs), size=min(len(hhs), 6), replace=False, p=pop).tolist()
                if h != h0
            ]
            hs += others[:k]
        inbound = bool(inb[i]) and hhs[h0].country == "PH"
        per = demand_person(
            W, "offender_payer", countries[i], 0.95, (28, 72), remit=0.7, inbound_only=inbound
        )
        per.role = "payer"
        per.sub = typ
        per.networks = [hhs[h].nid for h in hs]
        per.traits.append({"few": "few_payments", "strong": "strong", "medium": "medium"}[typ])
        if len(hs) > 1:
            per.traits.append("multi_household")
        per.hh = h0
        per.acc["hh"] = hs
        for h in hs:
            hhs[h].payers.append(per)
        out.append(per)
    return out


def _usable(W: World, per: Person, hh: Household) -> list[int]:
    br = W.inst_by["bayanremit"].idx
    has_br = any(W.a_inst[a] == br for a, _, _ in per.routes)
    acc = [a for a in hh.accounts if has_br or W.a_kind[a] != "remittance"]
    if "inbound_only" in per.traits:
        acc = [a for a in acc if a in hh.visible] or acc
    return acc or hh.visible or hh.accounts


def payer_flows(W: World, hhs: list[Household], pays: list[Person]) -> None:
    rng = W.rng_off
    p = W.p
    for per in pays:
        hs = per.acc["hh"]
        typ = per.sub
        # schedule
        if typ == "few":
            n = int(rng.integers(2, 5))
            span = rng.uniform(1, 150)
            d0 = rng.uniform(0, T.NDAYS - span)
            days = np.sort(d0 + rng.uniform(0, span, n))
            night_p, round_p, blank_p = 0.2, 0.5, 0.85
            med, esc = rng.uniform(25, 70), 1.0
        elif typ == "strong":
            d0 = max(0.0, rng.uniform(-200, 330))
            d1 = min(T.NDAYS - 1, d0 + rng.uniform(90, 455))
            a = rng.uniform(0.4, 1.5) / 7
            days = linear_times(rng, d0, d1, a, a * rng.uniform(1.5, 4))
            if days.size < 5:
                days = np.sort(rng.uniform(d0, d1, 5))
            night_p, round_p, blank_p = rng.uniform(0.6, 0.9), 0.85, rng.uniform(0.2, 0.5)
            med, esc = rng.uniform(20, 70), rng.uniform(1.3, 2.5)
            if rng.random() < 0.6:
                per.traits += ["night", "escalating"]
        else:
            d0 = rng.uniform(0, 300)
            d1 = min(T.NDAYS - 1, d0 + rng.uniform(60, 400))
            a = rng.uniform(0.08, 0.35) / 7
            days = linear_times(rng, d0, d1, a, a * rng.uniform(1.0, 1.8))
            if days.size < 3:
                days = np.sort(rng.uniform(d0, d1, 3))
            night_p, round_p, blank_p = rng.uniform(0.3, 0.6), 0.7, rng.uniform(0.35, 0.65)
            med, esc = rng.uniform(20, 80), rng.uniform(1.0, 1.5)
        n = days.size
        ts = times_mixed(rng, per.tz, days, night_p, "evening")
        frac = (days - days[0]) / max(days[-1] - days[0], 1.0)
        usd = usd_lognormal(rng, med, 0.35, n) * (1 + (esc - 1) * frac)
        big = rng.random(n) < (0.05 if typ == "strong" else 0.01)
        usd = np.where(big, usd * rng.uniform(3, 6, n), usd)
        usd = np.clip(usd, 8, 500)
        # receivers
        hw = np.array([0.65, 0.25, 0.1][: len(hs)])
        hchoice = rng.choice(len(hs), size=n, p=hw / hw.sum()) if typ != "few" else np.zeros(n, dtype=int)
        subsets = []
        for h in hs:
            acc = _usable(W, per, hhs[h])
            k = {"few": 1, "medium": int(rng.integers(1, 3)), "strong": int(rng.integers(2, 5))}[typ]
            k = min(k, len(acc))
            sub = list(rng.choice(acc, size=k, replace=False))
            if "inbound_only" in per.traits and not any(a in hhs[h].visible for a in sub) and hhs[h].visible:
                sub[0] = hhs[h].visible[0]
            subsets.append(sub)
        rcv = np.empty(n, dtype=np.int64)
        for j in range(n):
            sub = subsets[int(hchoice[j])]
            ok = [a for a in sub if W.a_opened[a] < ts[j]]
            if ok:
                rcv[j] = ok[int(rng.integers(0, len(ok)))]
            else:
                a = min(sub, key=lambda x: W.a_opened[x])
                rcv[j] = a
                ts[j] = max(ts[j], W.a_opened[a] + int(rng.integers(3600, 20 * T.DAY)))
        ts = np.minimum(ts, T.END - 1)
        refs = W.refs_of(rng, [""] + OFF_REFS, [blank_p * sum(OFF_W) / (1 - blank_p)] + OFF_W, n)
        if typ == "strong" and rng.random() < 0.15:  # social-media handle as reference
            hh = hhs[hs[0]]
            handle = W.a_user[hh.hosts[0][0]]
            m = rng.random(n) < 0.3
            refs = np.where(m, W.ref(f"@{handle}"), refs)
        mode = "sender" if rng.random() < round_p else "none"
        o = np.argsort(ts)
        xpay(W, rng, per, rcv[o], ts[o], usd[o], refs[o], mode=mode)
        per.acc["pay_ts"] = ts[o].tolist()
        per.acc["pay_rcv"] = rcv[o].tolist()
        # side signals: VPN, travel, dating, video-capture software
        if rng.random() < p["payer_vpn"]:
            per.traits.append("vpn")
            vpn = W.org["global"]["vpn"][int(rng.integers(0, 4))]
            months = np.arange(int(days[0] // 30), T.NDAYS // 30)
            if rng.random() < 0.5:
                tsv = times_mixed(rng, per.tz, months * 30 + rng.integers(0, 5), 0.5)
                card_buy(W, rng, per, vpn, tsv, np.full(tsv.size, 9.99))
            else:
                tsv = times_mixed(rng, per.tz, np.array([max(0, days[0] - rng.uniform(1, 30))]), 0.5)
                card_buy(W, rng, per, vpn, tsv, np.array([59.99]))
        if rng.random() < 0.2:
            soft = W.org["global"]["soft"][int(rng.integers(0, 2))]
            card_buy(W, rng, per, soft, times_mixed(rng, per.tz, np.array([days[0]]), 0.5), np.array([39.99]))
        if rng.random() < 0.25:
            dating = W.org["global"]["dating"][int(rng.integers(0, 2))]
            md = np.arange(0, T.NDAYS, 30)[: int(rng.integers(1, 8))] + rng.uniform(0, 200)
            card_buy(
                W,
                rng,
                per,
                dating,
                times_mixed(rng, per.tz, np.clip(md, 0, T.NDAYS - 1), 0.5),
                np.full(md.size, 29.99),
            )
        if rng.random() < p["payer_travel"] and typ != "few":
            per.traits.append("travel")
            travel(W, rng, per, "PH")


def travel(W: World, rng: np.random.Generator, per: Person, dest: str) -> None:
    """An airline ticket, then a stay with hotel charges and ATM withdrawals at the destination."""
    orgs_ = W.org
    for _ in range(int(rng.integers(1, 3))):
        d = rng.uniform(40, T.NDAYS - 25)
        stay = int(rng.integers(6, 22))
        air = orgs_["global"]["air"][int(rng.integers(0, len(orgs_["global"]["air"])))]
        card_buy(
            W,
            rng,
            per,
            air,
            times_mixed(rng, per.tz, np.array([d - rng.uniform(10, 60)]), 0.2),
            np.array([rng.uniform(600, 1600)]),
        )
        tz_dest = T.TZ_INDEX["p8" if dest == "PH" else "p7"]
        nd = max(1, stay // 2)
        days = np.clip(d + np.sort(rng.uniform(0, stay, nd)), 0, T.NDAYS - 1).astype(int)
        atms = orgs_["atm_ph"] if dest == "PH" else orgs_["atm_th"]
        tsa = T.sample_local(rng, np.full(nd, tz_dest), days, "day")
        card_buy(
            W, rng, per, np.array(atms)[rng.integers(0, len(atms), nd)], tsa, W.nice(rng.uniform(80, 350, nd))
        )
        hotels = [h for h in orgs_["global"]["hotel"] if W.a_country[h] == dest] or orgs_["global"]["hotel"]
        tsh = T.sample_local(rng, np.array([tz_dest]), np.array([min(T.NDAYS - 1, int(d) + stay)]), "day")
        card_buy(
            W, rng, per, hotels[int(rng.integers(0, len(hotels)))], tsh, np.array([rng.uniform(300, 2000)])
        )


# ---------------------------------------------------------------------------- sextortion
SX_RING_COUNTRY = {"NG": 0.45, "CI": 0.2, "PH": 0.25, "GH": 0.1}
SX_VICTIM_COUNTRY = {
    "US": 0.55,
    "GB": 0.12,
    "AU": 0.12,
    "CA": 0.11,
    "NL": 0.03,
    "DE": 0.03,
    "SE": 0.02,
    "NO": 0.02,
}


def sextortion(W: World) -> list[tuple[Person, list[Person], list[Person]]]:
    rng = W.rng_sx
    p = W.p
    V = max(3, int(round(W.customers * p["sextortion_rate"])))
    R = max(1, int(round(V / rng.uniform(4, 10))))
    rings = []
    for r in range(R):
        nid = f"sxt-{r + 1:02d}"
        country = pick(rng, SX_RING_COUNTRY, 1)[0]
        exs = []
        for _ in range(int(rng.integers(1, 5))):
            e = W.new_person("extortionist", country, gender="m", age=(18, 35))
            e.role = "facilitator"
            e.networks = [nid]
            e.sub = "extortion_ring"
            nacc = int(rng.integers(2, 5))
            for _k in range(nacc):
                opened = in_period(rng, 0, 420)
                if country == "PH":
                    key = ["pisowallet", "duyan-pay", "lungsod-bank", "pickup"][
                        int(rng.choice(4, p=[0.45, 0.25, 0.15, 0.15]))
                    ]
                else:
                    key = "rx" if rng.random() < 0.55 else "pickup"
                if key == "pickup":
                    a = W.new_account(
                        e, W.inst_by["bayanremit"], "remittance", country=country, key="pickup", opened=opened
                    )
                elif key == "rx":
                    a = W.new_account(
                        e, W.inst_by[f"bank-{country.lower()}-rx"], "bank", key="wallet", opened=opened
                    )
                else:
                    a = W.new_account(
                        e,
                        W.inst_by[key],
                        "bank" if key == "lungsod-bank" else "ewallet",
                        key="wallet",
                        opened=opened,
                    )
                W.spend_style[a] = ("mule", None)
            exs.append(e)
        rings.append((nid, exs, []))
    victims = []
    vc = pick(rng, SX_VICTIM_COUNTRY, V)
    for i in range(V):
        nid, exs, vl = rings[int(rng.integers(0, R))]
        d = rng.uniform(5, T.NDAYS - 5)
        t0 = T.START + int(d * T.DAY)
        new_acc = t0 - int(rng.uniform(0, 20) * T.DAY)
        v = demand_person(W, "sextortion_victim", vc[i], 0.9, (14, 17), remit=1.0, young=True, opened=new_acc)
        v.role = "victim"
        v.networks = [nid]
        v.sub = "teen"
        vl.append(v)
        victims.append(v)
        # the burst: 2-6 growing payments within hours to three days, then nothing
        e = exs[int(rng.integers(0, len(exs)))]
        accs = [a for a in e.acc.get("wallet", []) + e.acc.get("pickup", []) if W.a_opened[a] <= t0]
        if not accs:  # the ring opens a fresh account just before the burst
            accs = e.acc.get("wallet", []) + e.acc.get("pickup", [])
            a0 = accs[int(rng.integers(0, len(accs)))]
            W.a_opened[a0] = t0 - int(rng.uniform(0.5, 10) * T.DAY)
            accs = [a0]
        n = int(rng.integers(2, 7))
        gaps = np.sort(rng.uniform(0, rng.uniform(2, 72) * 3600, n - 1))
        lt = T.sample_local(rng, np.array([v.tz]), np.array([int(d)]), "late")[0]
        ts = np.concatenate([[lt], lt + gaps.astype(np.int64)])
        usd = rng.uniform(25, 150) * np.cumprod(np.concatenate([[1.0], rng.uniform(1.2, 2.2, n - 1)]))
        usd = np.clip(usd, 10, 1500)
        rcv = np.array(
            [accs[int(rng.integers(0, len(accs)))] if j == 0 or rng.random() < 0.3 else -1 for j in range(n)]
        )
        for j in range(1, n):
            if rcv[j] < 0:
                rcv[j] = rcv[j - 1]
        refs = W.refs_of(rng, ["", "gift", "payment", "pls"], [7, 1, 1, 0.5], n)
        if not any(W.a_inst[a] == W.inst_by["bayanremit"].idx for a, _, _ in v.routes):
            rcv = np.array([a if W.a_kind[a] != "remittance" else next(
                (x for x in e.acc.get("wallet", [])), a) for a in rcv])  # fmt: skip
            if any(W.a_kind[a] == "remittance" for a in rcv):
                ra = W.new_account(v, W.inst_by["bayanremit"], "remittance", key="remit", opened=new_acc)
                v.routes.append((ra, CH["remittance"], 0.5))
        xpay(W, rng, v, rcv, ts, usd, refs, mode="sender" if rng.random() < 0.7 else "none")
        v.acc["burst"] = [int(ts[0]), int(ts[-1]), int(e.idx)]
        if rng.random() < 0.5:  # gift cards bought during the burst
            k = int(rng.integers(1, 3))
            gift = W.org["global"]["gift"][int(rng.integers(0, 2))]
            card_buy(
                W,
                rng,
                v,
                gift,
                ts[0] + rng.integers(0, max(1, int(ts[-1] - ts[0])) + 1, k),
                W.nice(rng.uniform(25, 200, k)),
            )
    return rings
