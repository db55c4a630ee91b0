"""Illicit cohorts of world D: facilitator households, offender payers, sextortion rings and their victims."""

from __future__ import annotations

import math

import numpy as np

from . import chat as C
from . import names
from .clock import DAY, NDAYS, T0
from .core import World
from .flows import money, pick_mode, pickup, send
from .lookalikes import cash_out, local_t, talk
from .population import MIX, new_customer, pick

INDICATOR_REFS = [
    "school fees",
    "gift",
    "allowance",
    "load",
    "medical bills",
    "uniform",
    "school uniform",
    "tuition",
    "family support",
    "for the kids",
    "rent po",
    "accommodation",
    "education",
    "help",
    "birthday gift",
    "food",
    "medical",
]
BANNED = "child sexual exploitation (CSEA policy)"


def _nid(i: int, n: int) -> str:
    return f"osec-{i:02d}" if n < 100 else f"osec-{i:03d}"


class Household:
    def __init__(self, hid: str, country: str):
        self.id = hid
        self.country = country
        self.facs: list[int] = []
        self.recv: list[tuple[int, str, int, int]] = []  # (account, kind, open_day, close_day)
        self.hosts: list[tuple[int, int, int]] = []  # (account, open_day, close_day)
        self.devices: list[str] = []
        self.ip = ""
        self.crypto: int | None = None
        self.start = 0
        self.end = NDAYS
        self.weight = 1.0
        self.payers: list[int] = []
        self.tags: list[str] = []

    def active(self, day: int, kinds: tuple[str, ...], member_only: bool, w: World) -> list[int]:
        out = [
            a
            for a, k, o, c in self.recv
            if k in kinds and o <= day < c and (not member_only or w.insts[w.ac_src[a]].member)
        ]
        if not out:  # fall back to anything of the right kind
            out = [
                a
                for a, k, o, c in self.recv
                if k in kinds and (not member_only or w.insts[w.ac_src[a]].member)
            ]
        return out

    def host_at(self, day: int) -> int | None:
        for a, o, c in self.hosts:
            if o <= day < c:
                return a
        return self.hosts[-1][0] if self.hosts else None


def households(w: World, n: int, ph_people: list[int]) -> list[Household]:
    r, rng = w.r, w.rng
    P = w.p
    out = []
    for i in range(1, n + 1):
        c = "PH" if r.random() < P["household_ph"] else r.choice(("CO", "TH", "DO", "MX", "ID", "CO"))
        h = Household(_nid(i, n), c)
        h.start = w.clock.day1(0, NDAYS - 90) if r.random() < 0.75 else 0
        h.end = NDAYS if r.random() > 0.15 else int(min(NDAYS, h.start + r.randint(120, 600)))
        h.weight = float(np.exp(rng.normal(0, P["household_sigma"])))
        size = r.choices([1, 2, 3, 4, 5], [0.2, 0.35, 0.25, 0.13, 0.07])[0]
        sur = names.surname(r, c)
        addr_city = names.city(r, c)
        addr = names.address(r, c, addr_city)
        phone = names.phone(r, c)
        h.devices = [names.device_id(r) for _ in range(r.randint(1, 2))]
        h.ip = names.ip(r, "ph") if c == "PH" else names.ip(r, "other")
        relatives = r.random() < 0.8
        for j in range(size):
            related = relatives and (j == 0 or r.random() < 0.85)
            f = w.add_person(
                "facilitator",
                "facilitator",
                c,
                sur=sur if related else None,
                birth_year=(1962, 2001) if j == 0 else (1955, 2004),
                gender="f" if (j == 0 and r.random() < 0.75) else None,
            )
            pf = w.persons[f]
            pf.networks = [h.id]
            if related or r.random() < 0.3:
                pf.address, pf.city = addr, addr_city
            if r.random() < 0.45:
                pf.phone = phone
            h.facs.append(f)
        pre = T0 - r.randint(30, 900) * DAY
        first_open = (
            min(pre, T0 + h.start * DAY)
            if r.random() < 0.5
            else T0 + max(0, h.start - r.randint(0, 30)) * DAY
        )
        od0 = (first_open - T0) // DAY
        nominee_done = False
        for j, f in enumerate(h.facs):
            k = r.choice((1, 2, 3)) if j == 0 else r.choice((0, 0, 1, 1, 2))
            if c == "PH":
                for _ in range(k):
                    inst = r.choice(("wallet-ph-1", "wallet-ph-1", "wallet-ph-2", "wallet-ph-3"))
                    party = None
                    if not nominee_done and r.random() < P["nominee_rate"]:
                        rel = f"{names.given_name(r, c)} {w.persons[f].surname}"
                        party = w.party(f, w.inst(inst), name=rel, new=True, created=first_open)
                        nominee_done = True
                        h.tags.append("nominee")
                    a = w.account(f, inst, "ewallet", opened=first_open, party=party)
                    h.recv.append((a, "wallet", od0, NDAYS + 60))
                if j == 0 and r.random() < 0.4:
                    a = w.account(f, "bank-ph", "bank", opened=first_open)
                    h.recv.append((a, "bank", od0, NDAYS + 60))
                if j == 0 and r.random() < 0.2:
                    a = w.account(f, "bank-ph-x", "bank", opened=first_open)
                    h.recv.append((a, "bank", od0, NDAYS + 60))
            else:
                for _ in range(max(1, k)):
                    a = w.account(f, f"bank-{c.lower()}-x", "bank", opened=first_open)
                    h.recv.append((a, "bank", od0, NDAYS + 60))
        if not any(k in ("wallet", "bank") for _a, k, _o, _c in h.recv):
            a = w.account(
                h.facs[0],
                "wallet-ph-1" if c == "PH" else f"bank-{c.lower()}-x",
                "ewallet" if c == "PH" else "bank",
                opened=first_open,
            )
            h.recv.append((a, "wallet" if c == "PH" else "bank", od0, NDAYS + 60))
        # rotation: new wallets on new SIMs during the activity; older ones go quiet
        if c == "PH":
            for _ in range(r.choice((0, 1, 1, 2, 3))):
                d = r.randint(h.start + 30, max(h.start + 31, h.end - 10))
                if d >= NDAYS:
                    continue
                f = r.choice(h.facs)
                inst = r.choice(("wallet-ph-1", "wallet-ph-2", "wallet-ph-3"))
                party = w.party(f, w.inst(inst), new=True, created=T0 + d * DAY, phone=names.phone(r, c))
                a = w.account(f, inst, "ewallet", opened=T0 + d * DAY, party=party)
                old = [x for x in h.recv if x[1] == "wallet" and x[3] > d]
                if old and r.random() < 0.5:
                    o = r.choice(old)
                    h.recv[h.recv.index(o)] = (o[0], o[1], o[2], d + r.randint(5, 60))
                h.recv.append((a, "wallet", d, NDAYS + 60))
                h.tags.append("new_sim")
        if r.random() < 0.12:
            h.crypto = w.account(h.facs[0], "chain", "crypto", with_party=False)
        # platform host accounts, some banned for CSEA and replaced on the same device
        hf = h.facs[0]
        d = max(0, od0)
        while d < min(NDAYS, h.end):
            dev = r.choice(h.devices)
            a = w.account(
                hf,
                "streamhub",
                "platform",
                opened=T0 + d * DAY,
                extra={"username": names.handle(r), "display_name": names.given_name(r, c), "device": dev},
            )
            if r.random() < P["ban_rate"] and d + 40 < min(NDAYS, h.end):
                bd = r.randint(d + 30, min(NDAYS - 1, max(d + 31, h.end)))
                w.set_extra(a, closed=T0 + bd * DAY + r.randint(0, DAY - 1), banned=BANNED)
                h.hosts.append((a, d, bd))
                h.tags.append("banned_host")
                d = bd + r.randint(1, 14)
            else:
                h.hosts.append((a, d, NDAYS + 60))
                break
        w.dev[hf] = h.devices[0]
        w.ipaddr[hf] = h.ip
        for f in h.facs:
            if c == "PH":
                ph_people.append(f)
                w.home.setdefault(f, h.recv[0][0])
                w.infra.setdefault("ph_accts", {}).setdefault(
                    f,
                    [a for a, k, _o, _c in h.recv if w.ac_person[a] == f and k in ("wallet", "bank")]
                    or [h.recv[0][0]],
                )
        out.append(h)
    return out


def _inbound_bank(w: World, country: str) -> str:
    cands = [i.name for i in w.insts if i.kind == "bank" and country in i.serves and not i.member]
    return w.r.choice(cands) if cands else "bank-us-x"


def payers(w: World, n: int, hh: list[Household], chat: bool) -> list[int]:
    r, rng = w.r, w.rng
    P = w.p
    n = max(n, len(hh))
    profiles = r.choices(["strong", "moderate", "few"], [P["w_strong"], P["w_moderate"], P["w_few"]], k=n)
    # guarantee a few of each kind even in small worlds
    for i, pr in enumerate(("few", "few", "strong", "strong", "moderate")):
        if i < n:
            profiles[n - 1 - i] = pr
    weights = np.array([h.weight for h in hh])
    ph_idx = [i for i, h in enumerate(hh) if h.country == "PH"]
    out = []
    order = list(range(len(hh)))
    r.shuffle(order)
    for i in range(n):
        prof = profiles[i]
        inbound = r.random() < P["p_inbound"] or i in (0, 1)
        multi = prof != "few" and (r.random() < P["p_multi"] or i in (2, 3)) and len(hh) > 1
        country = pick(r, MIX["offender"])
        bank = _inbound_bank(w, country) if inbound else None
        p = new_customer(
            w,
            "offender_payer",
            "offender",
            role="payer",
            country=country,
            birth_year=(1950, 1992),
            gender="m" if r.random() < 0.97 else "f",
            bank=bank,
            late_open=0.1,
        )
        per = w.persons[p]
        per.traits.append(prof)
        if inbound:
            w.remit_pref[p] = "remit-x"
            w.infra.setdefault("hidden", set()).add(p)
        elif w.remit_pref[p] == "remit-x" and r.random() < 0.7:
            w.remit_pref[p] = r.choice(("remit-a", "remit-b"))
        # households
        pool = ph_idx if (inbound and ph_idx) else list(range(len(hh)))
        pw = weights[pool] / weights[pool].sum()
        if i < len(order) and (not inbound or order[i] in pool):
            first = order[i]
        else:
            first = pool[int(rng.choice(len(pool), p=pw))]
        mine = [first]
        others = [x for x in pool if x != first]
        if multi and others:
            ow = weights[others] / weights[others].sum()
            k = min(len(others), r.choice((1, 1, 2)))
            mine += [others[int(j)] for j in rng.choice(len(others), size=k, replace=False, p=ow)]
        for x in mine:
            hh[x].payers.append(p)
        per.networks = [hh[x].id for x in mine]
        _pay(w, p, prof, inbound, [hh[x] for x in mine], chat)
        if not inbound and prof != "few":
            _side(w, p, prof, [hh[x] for x in mine])
        out.append(p)
    # households that got nobody (possible when a payer could only reach PH households): add a light payer
    for h in hh:
        if not h.payers:
            p = new_customer(
                w, "offender_payer", "offender", role="payer", birth_year=(1950, 1992), gender="m"
            )
            w.persons[p].traits.append("moderate")
            w.persons[p].networks = [h.id]
            h.payers.append(p)
            _pay(w, p, "moderate", False, [h], chat)
            out.append(p)
    return out


def _pay(w: World, p: int, prof: str, inbound: bool, hs: list[Household], chat: bool) -> None:
    r, rng = w.r, w.rng
    P = w.p
    per = w.persons[p]
    if prof == "strong":
        n = int(np.clip(np.exp(rng.normal(math.log(45), 0.6)), 15, 300))
        dur = r.randint(150, NDAYS)
        night_p = r.uniform(0.6, 0.9)
        blank_p = r.uniform(0.25, 0.55)
        even_p = r.uniform(0.6, 0.9)
    elif prof == "moderate":
        n = r.randint(5, 14)
        dur = r.randint(40, 400)
        night_p = r.uniform(0.35, 0.7)
        blank_p = r.uniform(0.3, 0.7)
        even_p = r.uniform(0.4, 0.8)
    else:
        n = r.randint(2, 4)
        dur = r.randint(1, 150)
        night_p = 0.0
        blank_p = 0.85
        even_p = 0.4
    lo, hi = hs[0].start, min(hs[0].end, NDAYS)
    latest = max(lo, hi - dur)
    start = w.clock.day1(lo, latest + 1)
    end = min(hi, start + dur)
    if end <= start + 1:
        start, end = max(0, min(start, NDAYS - 3)), min(NDAYS, max(start, 0) + 3)
    k_esc = r.uniform(1.0, 2.5) if prof == "strong" else 1.0
    pos = np.sort(rng.random(n) ** (1 / k_esc))
    days = (start + pos * (end - start - 1)).astype(int)
    base = float(np.exp(rng.normal(math.log(r.uniform(25, 70)), 0.35)))
    esc = r.uniform(0.0, 1.2) if prof == "strong" else r.uniform(0.0, 0.4)
    # channels
    if inbound:
        modes = {"remit_wallet": 0.6, "bank": 0.4}
    elif prof == "few":
        modes = {"remit_wallet": 0.45, "remit_pickup": 0.25, "bank": 0.3}
    else:
        modes = {
            "remit_wallet": 0.35,
            "remit_pickup": 0.3,
            "bank": 0.3,
            "crypto": 0.08 if w.insts[w.inst("vasp-1")].member or r.random() < 0.5 else 0.0,
        }
    fav_mode = pick_mode(r, modes)
    hw = [1.0] + [r.uniform(0.3, 1.0) for _ in hs[1:]]
    sticky: dict[str, int] = {}
    watcher = not inbound and r.random() < P["p_watch"] * (0.5 if prof == "few" else 1.0)
    if watcher:
        per.traits.append("watch")
    pa = w.platform_account(p) if (watcher or (not inbound and chat and r.random() < 0.5)) else None
    for j, d in enumerate(days):
        h = hs[0] if len(hs) == 1 else r.choices(hs, hw)[0]
        if not (h.start <= d < h.end):
            h = hs[0]
        prof_h = "night" if r.random() < night_p else ("any" if prof == "few" else "evening")
        t = local_t(w, p, int(d), prof_h)
        mode = fav_mode if r.random() < 0.75 else pick_mode(r, modes)
        if mode == "crypto" and h.crypto is None:
            mode = "remit_wallet"
        if mode == "remit_pickup" and inbound:
            mode = "remit_wallet"
        if mode == "crypto":
            s, a, ch = w.vasp_account(p), h.crypto, "crypto"
            send(
                w,
                t - r.randint(3600, 3 * DAY),
                base * 2,
                w.home[p],
                s,
                "bank_transfer",
                "crypto purchase",
                even="s",
            )
        elif mode == "remit_pickup":
            s = w.remit_account(p)
            rem = w.insts[w.ac_src[s]].name
            key = f"{h.id}:{rem}"
            if key not in sticky or r.random() < 0.1:
                sticky[key] = r.choice(h.facs)
            a, ch = pickup(w, sticky[key], rem), "cash_pickup"
        else:
            kinds = ("wallet", "bank") if mode == "bank" else ("wallet",)
            cands = h.active(int(d), kinds, inbound, w) or h.active(int(d), ("wallet", "bank"), inbound, w)
            if not cands:
                cands = h.active(int(d), ("wallet", "bank"), False, w)
            key = f"{h.id}:{mode}"
            if (
                key not in sticky
                or sticky[key] not in cands
                or r.random() < (0.35 if prof == "strong" else 0.1)
            ):
                sticky[key] = r.choice(cands)
            a = sticky[key]
            s = w.home[p] if mode == "bank" else w.remit_account(p)
            ch = "bank_transfer" if mode == "bank" else "remittance"
        usd = float(np.clip(base * (1 + esc * j / max(1, n - 1)) * r.uniform(0.8, 1.25), 10, 500))
        x = r.random()
        even = ("s" if r.random() < 0.65 else "r") if x < even_p else ""
        ref = "" if r.random() < blank_p else r.choice(INDICATOR_REFS)
        host = h.host_at(int(d))
        sid = 0
        if watcher and host is not None and r.random() < P["watch_frac"]:
            before = r.random() < 0.6
            mins = r.choice((10, 15, 20, 30, 40))
            st = t - r.randint(5, 90) * 60 - mins * 60 if before else t + r.randint(3, 40) * 60
            paid = r.choice((0, 0, 0, mins * 1.0, mins * 2.0))
            hdev = (w.ac_extra[host] or {}).get("device", h.devices[0])
            sid = w.session(st, mins, host, [(pa, w.viewer_ip(p), w.dev[p], paid)], True, h.ip, hdev)
        send(w, t, usd, s, a, ch, ref, even=even)
        if w.ac_kind[a] == "ewallet" and r.random() < 0.7:
            cash_out(w, a, t, money(w, usd, a, t), fast=True)
        if chat and pa is not None and host is not None and r.random() < P["offender_chat"]:
            t0 = t - r.randint(300, 4 * 3600)
            talk(
                w,
                t0,
                host,
                pa,
                C.FACILITATOR,
                C.OFFENDER_PAYER,
                r.randint(2, 7),
                sid,
                a_first=r.random() < 0.5,
            )
    if chat and pa is not None:
        # after a ban, the household announces the replacement account
        for h in hs:
            for (_a0, _o, c0), (a1, o1, _c1) in zip(h.hosts, h.hosts[1:], strict=False):
                if c0 < NDAYS and r.random() < 0.6 and start <= o1 <= end + 30:
                    w.message(T0 + o1 * DAY + r.randint(0, DAY - 1), a1, pa, "new account na, add me")


def _side(w: World, p: int, prof: str, hs: list[Household]) -> None:
    """Side signals: VPN, travel to the household's country, adult-show masking, jewellery."""
    r = w.r
    inf = w.infra
    per = w.persons[p]
    card = w.card.get(p)
    if card is None:
        return
    if r.random() < w.p["p_vpn_off"]:
        v = r.choice(inf["vpn"])
        start = w.clock.day1()
        for d in range(start, NDAYS, 30):
            send(w, T0 + d * DAY + r.randint(0, DAY - 1), r.choice((4.99, 9.99, 11.99)), card, v, "card")
        w.vpn.add(p)
        per.traits.append("vpn")
    if prof == "strong" and r.random() < w.p["p_travel_off"]:
        per.traits.append("travel")
        h = hs[0]
        for _ in range(r.choice((1, 1, 2))):
            d0 = w.clock.day1(max(30, h.start), max(31, min(NDAYS - 20, h.end)))
            send(
                w,
                local_t(w, p, d0 - r.randint(15, 60), "evening"),
                r.uniform(600, 1800),
                card,
                r.choice(inf["airline"]),
                "card",
            )
            stay = r.randint(7, 28)
            for d in range(d0, min(NDAYS, d0 + stay)):
                tt = T0 + d * DAY + r.randint(1, 14) * 3600
                if r.random() < 0.5:
                    send(w, tt, r.uniform(8, 60), card, r.choice(inf["ph_food"]), "card")
                if r.random() < 0.35:
                    send(w, tt + 3600, r.choice((150, 200, 250, 300)), card, r.choice(inf["ph_atm"]), "card")
            send(w, T0 + (d0 + 2) * DAY + 5 * 3600, r.uniform(150, 900), card, r.choice(inf["jewel"]), "card")
            send(
                w,
                T0 + (d0 + stay) * DAY + 3 * 3600,
                r.uniform(300, 2500),
                card,
                r.choice(inf["ph_hotels"]),
                "card",
            )
    if r.random() < w.p["p_mask_off"]:
        per.traits.append("adult_masking")
        for d in w.clock.days(r.randint(2, 20)):
            send(
                w, local_t(w, p, int(d), "night"), r.choice((9.99, 19.99, 49.99)), card, inf["tokens"], "card"
            )
    if r.random() < 0.2:
        v = r.choice(inf["dating"])
        start = w.clock.day1()
        for d in range(start, min(NDAYS, start + r.randint(30, 300)), 30):
            send(w, T0 + d * DAY + r.randint(0, DAY - 1), r.choice((19.99, 29.99)), card, v, "card")


def household_life(w: World, hh: list[Household]) -> None:
    """Consolidation between household accounts and a legitimate relative abroad for some households."""
    r = w.r
    for h in hh:
        wallets = [a for a, k, _o, _c in h.recv if k == "wallet"]
        if len(wallets) >= 2:
            for d in w.clock.days(r.randint(3, 25), h.start, h.end):
                a, b = r.sample(wallets, 2)
                t = local_t(w, h.facs[0], int(d), "day")
                send(w, t, r.uniform(20, 150), a, b, "ewallet", r.choice(["", "", "pambili", "share"]))
        if h.country == "PH" and r.random() < w.p["household_relative"]:
            rel = new_customer(
                w, "diaspora_remitter", "diaspora", sur=w.persons[h.facs[0]].surname, late_open=0.05
            )
            w.infra.setdefault("salary_factor", {})[rel] = 0.5
            tgt = wallets[0] if wallets else h.recv[0][0]
            s = w.remit_account(rel)
            for m in range(24):
                if r.random() < 0.85:
                    t = local_t(w, rel, min(NDAYS - 1, m * 30 + r.randint(0, 5)), "evening")
                    send(
                        w,
                        t,
                        r.uniform(150, 400),
                        s,
                        tgt,
                        "remittance",
                        r.choice(["padala", "allowance", ""]),
                        even="s",
                    )
            h.tags.append("legit_relative")


def sextortion(w: World, n_victims: int, ph_people: list[int], chat: bool) -> list[int]:
    r = w.r
    n_rings = max(1, round(n_victims / r.uniform(3, 8)))
    rings = []
    for k in range(1, n_rings + 1):
        rid = f"sx-ring-{k:02d}"
        c = r.choices(["NG", "CI", "PH", "GH"], [0.45, 0.25, 0.2, 0.1])[0]
        members = []
        accts = []
        personas = []
        for _ in range(r.randint(1, 4)):
            e = w.add_person("extortionist", "facilitator", c, birth_year=(1990, 2004), gender="m")
            w.persons[e].networks = [rid]
            members.append(e)
            opened = T0 + w.clock.day1(0, NDAYS - 30) * DAY
            if c == "PH":
                a = w.account(
                    e, r.choice(("wallet-ph-1", "wallet-ph-2", "wallet-ph-3")), "ewallet", opened=opened
                )
                ph_people.append(e)
                w.home[e] = a
                w.infra.setdefault("ph_accts", {})[e] = [a]
            else:
                a = w.account(e, f"bank-{c.lower()}-x", "bank", opened=opened)
            accts.append(a)
            if r.random() < 0.5:
                accts.append(w.account(e, "giftcard-x", "ewallet", with_party=False))
            for _j in range(r.randint(1, 3)):
                pa = w.account(
                    e,
                    "streamhub",
                    "platform",
                    opened=opened,
                    extra={"username": names.handle(r), "display_name": names.given_name(r, "US")},
                )
                personas.append(pa)
            w.ipaddr[e] = names.ip(r, "other")
            w.dev[e] = names.device_id(r)
        rings.append((rid, members, accts, personas))
    victims = []
    for i in range(n_victims):
        rid, members, accts, personas = rings[i % n_rings] if i < n_rings else r.choice(rings)
        v = new_customer(
            w,
            "sextortion_victim",
            "teen",
            role="victim",
            birth_year=(2006, 2010),
            gender="m" if r.random() < 0.9 else "f",
            late_open=0.7,
        )
        w.persons[v].networks = [rid]
        d = w.clock.day1(20, NDAYS - 5)
        t = local_t(w, v, d, "evening")
        # a new wallet opened days before the burst
        nw = w.account(v, "remit-b", "ewallet", opened=t - r.randint(0, 5) * DAY)
        pv = w.platform_account(v)
        persona = r.choice(personas)
        n_pay = r.randint(2, 6)
        usd = r.uniform(30, 150)
        tt = t + r.randint(1800, 4 * 3600)
        if chat:
            talk(w, t, persona, pv, C.EXTORTIONIST, C.SEXT_VICTIM, r.randint(4, 10))
        for _j in range(n_pay):
            send(
                w,
                tt - r.randint(300, 1800),
                usd,
                w.home[v],
                nw,
                "bank_transfer",
                "top up",
                even="s",
                delay=60,
            )
            a = r.choice(accts)
            if w.insts[w.ac_src[a]].kind == "giftcard":
                ch = "gift_card"
            elif w.ac_country[a] == "PH":
                ch = "remittance"
            else:
                ch = "remittance" if r.random() < 0.7 else "ewallet"
            send(
                w,
                tt,
                usd,
                nw,
                a,
                ch,
                r.choice(["", "", "gift", "send", "for you"]),
                even="s" if r.random() < 0.6 else "",
            )
            if w.ac_kind[a] == "ewallet" and w.ac_country[a] == "PH":
                cash_out(w, a, tt, money(w, usd, a, tt), fast=True)
            if chat:
                talk(w, tt + 120, persona, pv, C.EXTORTIONIST, C.SEXT_VICTIM, r.randint(1, 3))
            usd = min(1500.0, usd * r.uniform(1.3, 2.2))
            tt += r.randint(1800, 18 * 3600)
        victims.append(v)
    return victims
