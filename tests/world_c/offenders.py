"""Illicit cohorts: facilitator households, offender payers (a spectrum), sextortion rings and victims.

Only amounts, times, accounts and innocuous words. Cohort decides behaviour; names are just strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import chat as C
from . import params as P
from .background import ph_wallet, remit_account, setup_customers
from .core import BAN_CSE, World

DAY = 86400


@dataclass
class Household:
    nid: str
    cc: str
    facs: list[int] = field(default_factory=list)
    recv: list[int] = field(default_factory=list)  # accounts foreign payers pay into
    wallets: list[int] = field(default_factory=list)
    hosts: list[tuple[int, int, int]] = field(default_factory=list)  # (platform acct, open, close)
    dev: str = ""
    ip: str = ""
    payers: list[int] = field(default_factory=list)

    def host_at(self, t: int) -> int:
        live = [a for a, o, c in self.hosts if o <= t < c]
        return live[(t // 3600) % len(live)] if live else -1


def _alias(w: World, rng, surname: str, addr: str, cc: str) -> int:
    g1, g2 = (
        ["Lo", "Ne", "Ti", "Ma", "Ro", "Ju", "Ced", "Ali"],
        ["ling", "nita", "tay", "ria", "dora", "nior", "rick"],
    )
    w.aliases.append(
        {
            "name": f"{g1[int(rng.integers(0, len(g1)))]}{g2[int(rng.integers(0, len(g2)))]} {surname}",
            "birth": f"{int(rng.integers(1950, 2004))}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 28)):02d}",
            "gender": "f" if rng.random() < 0.6 else "m",
            "phone": w.phone(cc),
            "addr": addr,
            "cc": cc,
        }
    )
    return len(w.aliases) - 1


def build_households(w: World, n_payers: int) -> list[Household]:
    rng = w.sub_rng("households")
    p = w.p
    n_h = max(3, int(round(n_payers / p.payers_per_household)))
    hhs: list[Household] = []
    for h in range(n_h):
        cc = (
            "PH"
            if (rng.random() < p.p_household_ph or h < 2)
            else str(rng.choice(["CO", "TH", "DO", "MX", "RO", "KE"], p=[0.3, 0.2, 0.15, 0.15, 0.12, 0.08]))
        )
        hh = Household(nid=f"osec-{h + 1:03d}", cc=cc)
        nf = int(rng.choice([1, 2, 3, 4, 5], p=[0.3, 0.3, 0.2, 0.12, 0.08]))
        related = rng.random() < p.p_relatives
        shared_addr = rng.random() < (0.85 if related else 0.4)
        first = w.add_person(
            "facilitator", cc, rng, role="facilitator", network=hh.nid, male=0.3, age=(24, 58)
        )
        facs = [first]
        for _ in range(nf - 1):
            facs.append(
                w.add_person(
                    "facilitator",
                    cc,
                    rng,
                    role="facilitator",
                    network=hh.nid,
                    male=0.4,
                    age=(18, 66),
                    surname=w.pe_sur[first] if related else None,
                    address=w.pe_addr[first] if shared_addr else None,
                    city=w.pe_city[first],
                )
            )
        hh.facs = facs
        hh.dev = w.pe_dev[first]
        hh.ip = w.ip("home", 3_000_000 + h * 7) if rng.random() < 0.7 else w.ip("mobile", h)
        if related and rng.random() < 0.5:  # a shared household phone
            for f in facs[1:]:
                w.pe_phone[f] = w.pe_phone[first]
        # receiving accounts
        for j, f in enumerate(facs):
            k = (
                int(rng.choice([1, 2, 3], p=[0.45, 0.4, 0.15]))
                if j == 0
                else int(rng.choice([0, 1, 2], p=[0.3, 0.5, 0.2]))
            )
            for a_i in range(k):
                new_sim = rng.random() < 0.45 and not (j == 0 and a_i == 0)
                opened = (
                    (w.T0 + int(rng.integers(-60, max(-59, w.D - 40))) * DAY + int(rng.integers(0, DAY)))
                    if new_sim
                    else None
                )
                phone = w.phone(cc) if new_sim else None
                alias = _alias(w, rng, w.pe_sur[f], w.pe_addr[f], cc) if rng.random() < 0.15 else -1
                if cc != "PH":
                    a = w.add_account(
                        f,
                        f"{cc.lower()}-recv",
                        "bank",
                        opened=opened,
                        cc=cc,
                        rng=rng,
                        alias=alias,
                        phone=phone,
                    )
                    hh.recv.append(a)
                    continue
                kind = (
                    "wallet"
                    if (j == 0 and a_i == 0)
                    else str(rng.choice(["wallet", "bank", "pickup"], p=[0.55, 0.17, 0.28]))
                )
                if kind == "wallet":
                    inst = "alon-pay" if (j == 0 and a_i == 0 and (h < 2 or rng.random() < 0.7)) else None
                    a = ph_wallet(w, f, rng, opened=opened, alias=alias, phone=phone, rate=0.8, inst=inst)
                    hh.wallets.append(a)
                    w.cashout_profile[a] = (0.85, 300, 8 * 3600, 0.9, [])
                elif kind == "bank":
                    code = str(rng.choice(["ph-bank-1", "ph-bank-2", "ph-rural-bank"], p=[0.45, 0.35, 0.2]))
                    a = w.add_account(
                        f, code, "bank", opened=opened, cc="PH", rng=rng, alias=alias, phone=phone
                    )
                    w.cashout_profile[a] = (0.75, 1800, 2 * DAY, 0.95, list(w.atms))
                else:
                    a = w.add_account(
                        f,
                        "ph-pawn-remit",
                        "remittance",
                        opened=opened,
                        cc="PH",
                        rng=rng,
                        alias=alias,
                        phone=phone,
                    )
                hh.recv.append(a)
                w.watch.setdefault(a, [])
        if not hh.recv:
            a = (
                ph_wallet(w, first, rng, rate=0.8)
                if cc == "PH"
                else w.add_account(first, f"{cc.lower()}-recv", "bank", cc=cc, rng=rng)
            )
            hh.recv.append(a)
            if cc == "PH":
                hh.wallets.append(a)
                w.cashout_profile[a] = (0.85, 300, 8 * 3600, 0.9, [])
                w.watch.setdefault(a, [])
        # cash-outs also go to the relatives' wallets
        for a in hh.wallets:
            prof = w.cashout_profile[a]
            others = [x for x in hh.wallets if x != a]
            w.cashout_profile[a] = prof[:4] + (
                others + list(w.agents_arr[rng.integers(0, len(w.agents_arr), 3)]),
            )
        # platform host accounts: 1-2 at first; bans replaced by new accounts on the same device
        n_host = int(rng.choice([1, 2], p=[0.7, 0.3]))
        for k in range(n_host):
            owner = facs[k % len(facs)]
            opened = w.T0 - int(rng.integers(5, 400)) * DAY + int(rng.integers(0, DAY))
            t_open = opened
            acct = w.add_platform_account(owner, rng, opened=opened, dev=hh.dev)
            w.host_ip[acct] = hh.ip
            while True:
                banned = rng.random() < p.p_ban
                if banned:
                    tb = int(
                        max(t_open, w.T0)
                        + rng.integers(20, max(21, w.D // 2)) * DAY
                        + int(rng.integers(0, DAY))
                    )
                    if tb >= w.T1 - 10 * DAY:
                        hh.hosts.append((acct, t_open, w.T1 + DAY))
                        break
                    w.ban(acct, tb, BAN_CSE[int(rng.integers(0, len(BAN_CSE)))])
                    hh.hosts.append((acct, t_open, tb))
                    t_open = tb + int(rng.integers(1, 8)) * DAY + int(rng.integers(0, DAY))
                    acct = w.add_platform_account(
                        owner, rng, opened=t_open, dev=hh.dev, user_hint=w.ac_user[acct][:6]
                    )
                    w.host_ip[acct] = (
                        hh.ip if rng.random() < 0.7 else w.ip("mobile", int(rng.integers(0, 9999)))
                    )
                else:
                    hh.hosts.append((acct, t_open, w.T1 + DAY))
                    break
        if hh.wallets:  # tokens earned by the household's hosts are paid out to its wallet
            for a, _o, _c in hh.hosts:
                w.payout_dest[a] = hh.wallets[0]
        hhs.append(hh)
    return hhs


def _assign_households(rng, n_pay: int, hhs: list[Household], multi: np.ndarray) -> list[list[int]]:
    n_h = len(hhs)
    wts = rng.lognormal(0, 1.3, n_h)
    if n_pay >= 60:
        wts[int(np.argmax(wts))] *= 3.0  # a big household with 20+ payers
    wts /= wts.sum()
    order = rng.permutation(n_pay)
    prim = np.empty(n_pay, dtype=np.int64)
    for j, i in enumerate(order):
        prim[i] = j if j < n_h else int(rng.choice(n_h, p=wts))
    out = []
    for i in range(n_pay):
        hs = [int(prim[i])]
        if multi[i]:
            extra = int(rng.integers(1, 3))
            while len(hs) < 1 + extra and len(hs) < n_h:
                c = int(rng.choice(n_h, p=wts))
                if c not in hs:
                    hs.append(c)
        out.append(hs)
    return out


def build_payers(w: World, hhs: list[Household], n_pay: int) -> None:
    rng = w.sub_rng("payers")
    p = w.p
    cc_list = list(P.OFFENDER_WEIGHTS)
    cw = np.array([P.OFFENDER_WEIGHTS[c] for c in cc_list])
    ccs = rng.choice(cc_list, size=n_pay, p=cw / cw.sum())
    payers = w.add_people(n_pay, "offender_payer", ccs, rng, role="payer", male=0.96, age=(29, 74))
    # profile: weak (few_payments), strong, medium
    prof = np.array(["medium"] * n_pay, dtype=object)
    perm = rng.permutation(n_pay)
    n_weak = max(2, int(round(p.share_weak * n_pay)))
    n_strong = max(2, int(round(p.share_strong * n_pay)))
    prof[perm[:n_weak]] = "weak"
    prof[perm[n_weak : n_weak + n_strong]] = "strong"
    nonweak = perm[n_weak:]
    multi = np.zeros(n_pay, dtype=bool)
    multi[
        rng.choice(nonweak, size=min(len(nonweak), max(2, int(round(p.share_multi * n_pay)))), replace=False)
    ] = True
    inbound = np.zeros(n_pay, dtype=bool)
    share_in = rng.uniform(0.2, 0.4) if w.view == "pooled" else 1.0
    n_in = max(2, int(round(share_in * n_pay)))
    inbound[rng.choice(n_pay, size=min(n_pay, n_in), replace=False)] = True
    # inbound-only payers must pay a household that an institution in the pool receives for
    targets = _assign_households(rng, n_pay, hhs, multi)
    forced = False  # the first strong, visible payer always uses the platform (so every world has one)
    for i, pi in enumerate(payers):
        pi = int(pi)
        setup_customers(
            w,
            [pi],
            rng,
            remit_p=0.7,
            payapp_p=0.08,
            bank_mode="excluded" if inbound[i] else "included",
            salary=0.8,
        )
        hs = [hhs[h] for h in targets[i]]
        for hh in hs:
            hh.payers.append(pi)
        w.pe_net[pi] = ";".join(hh.nid for hh in hs)
        w.add_trait(pi, f"profile_{prof[i]}")
        if prof[i] == "weak":
            w.add_trait(pi, "few_payments")
        if len(hs) > 1:
            w.add_trait(pi, "multi_household")
        if inbound[i] and w.view == "pooled":
            w.add_trait(pi, "inbound_only")
        force = not inbound[i] and prof[i] == "strong" and not forced
        forced = forced or force
        _payer_life(w, rng, pi, str(prof[i]), hs, bool(inbound[i]), force)


def _payer_life(w: World, rng, pi: int, prof: str, hs: list[Household], inbound: bool, force: bool) -> None:
    p = w.p
    D = w.D
    k = w.cust.by_person[pi]
    bank, card = w.cust.bank[k], w.cust.card[k]
    cc = w.pe_cc[pi]
    cur = P.CUR_IDX[P.COUNTRY_CURRENCY[cc]]
    tz = w.pe_tz[pi]
    # ---------------- schedule
    if prof == "weak":
        n = int(rng.integers(2, 5))
        s = int(rng.integers(0, D - 20))
        e = min(D - 1, s + int(rng.integers(10, 120)))
        esc = 1.0
        base = rng.uniform(20, 90)
        amt_esc = 1.0
    elif prof == "strong":
        s = 0 if rng.random() < 0.6 else int(rng.integers(0, D // 2))
        e = D - 1 if rng.random() < 0.8 else int(rng.integers(s + 45, D))
        n = int(rng.integers(15, 75) * (e - s + 1) / D) + 6
        esc = rng.uniform(1.2, 2.6)
        base = rng.lognormal(np.log(45), 0.45)
        amt_esc = rng.uniform(1.3, 3.0)
    else:
        s = int(rng.integers(0, D // 2))
        e = D - 1 if rng.random() < 0.7 else int(rng.integers(min(D - 2, s + 30), D))
        n = int(rng.integers(5, 16))
        esc = rng.uniform(1.0, 1.6)
        base = rng.lognormal(np.log(55), 0.5)
        amt_esc = rng.uniform(1.0, 1.8)
    u = np.sort(rng.random(n) ** (1.0 / esc))
    days = (s + u * (e - s)).astype(int)
    night_p = {"strong": 0.8, "medium": 0.5, "weak": 0.25}[prof]
    hours = np.where(
        rng.random(n) < night_p, w.hours(rng, n, "night"), w.hours(rng, n, "any" if prof == "weak" else "day")
    )
    times = w.utc(days, hours, tz) + rng.integers(0, 60, n)
    usd = base * (1 + (amt_esc - 1) * u) * rng.lognormal(0, 0.25, n)
    usd = np.clip(usd, 8, 480)
    round_p = {"strong": 0.85, "medium": 0.6, "weak": 0.4}[prof]
    amts = np.where(
        rng.random(n) < round_p, w.local_amount(usd, cur, days, "round"), w.local_amount(usd, cur, days)
    )
    blank_p = {"strong": 0.4, "medium": 0.6, "weak": 0.85}[prof]
    # ---------------- platform, VPN, travel
    platform = None
    vpn = False
    if force or (
        not inbound and rng.random() < p.payer_platform * {"strong": 1.3, "medium": 1.0, "weak": 0.3}[prof]
    ):
        platform = w.add_platform_account(pi, rng)
        w.viewer_card[platform] = card
        vpn = rng.random() < p.payer_vpn * 1.5
        w.viewer_vpn[platform] = w.ip("vpn", pi) if vpn else ""
        w.platform_viewers.append((platform, "payer"))
        if rng.random() < 0.1:  # a banned viewer account replaced on the same device
            tb = w.T0 + int(rng.integers(30, D - 30)) * DAY + int(rng.integers(0, DAY))
            w.ban(platform, tb, BAN_CSE[int(rng.integers(0, len(BAN_CSE)))])
            w.viewer_closed[platform] = tb
            new = w.add_platform_account(
                pi,
                rng,
                opened=tb + int(rng.integers(1, 5)) * DAY + int(rng.integers(0, DAY)),
                dev=w.pe_dev[pi],
            )
            w.viewer_card[new] = card
            w.viewer_vpn[new] = w.viewer_vpn[platform]
            w.viewer_next[platform] = new
    if not inbound and (vpn or rng.random() < p.payer_vpn * 0.5):
        acct, mcc, nm = w.glob["vpn"][int(rng.integers(0, len(w.glob["vpn"])))]
        monthly = rng.random() < 0.5
        for d in range(int(rng.integers(0, 30)), D, 30) if monthly else [int(rng.integers(0, D))]:
            usd_v = 11.99 if monthly else 89.0
            w.tx(
                int(w.utc(d, w.hour1(rng, "evening"), tz)),
                float(w.local_amount(usd_v, cur, d)),
                cur,
                card,
                acct,
                "card",
                mcc=mcc,
                mname=w.mnames[nm],
            )
    if not inbound and rng.random() < 0.08:
        acct, mcc, nm = w.glob["capture"][0]
        d = int(rng.integers(0, D))
        w.tx(
            int(w.utc(d, 21.5, tz)),
            float(w.local_amount(39.99, cur, d)),
            cur,
            card,
            acct,
            "card",
            mcc=mcc,
            mname=w.mnames[nm],
        )
    if rng.random() < p.payer_travel * (2.0 if prof == "strong" else 1.0):
        _trip(w, rng, pi, card, cur, tz)
    # ---------------- the payments
    has_remit = w.cust.remit[k] >= 0
    for j in range(n):
        t = int(times[j])
        if prof == "weak" or len(hs) == 1:
            hh = hs[0]
        else:
            hh = hs[0] if rng.random() < 0.55 else hs[int(rng.integers(0, len(hs)))]
        open_now = [a for a in hh.recv if w.ac_open[a] <= t - 3600] or [
            min(hh.recv, key=lambda a: w.ac_open[a])
        ]
        if prof == "strong":
            rcv = open_now[int(rng.integers(0, len(open_now)))]
        else:
            rcv = open_now[0] if rng.random() < 0.7 else open_now[int(rng.integers(0, len(open_now)))]
        if w.ac_open[rcv] > t:
            t = w.ac_open[rcv] + int(rng.integers(3600, 3 * 86400))
        rkind = w.insts[w.ac_inst[rcv]].kind
        if rkind == "remittance":
            snd, ch = remit_account(w, pi, rng, excluded=inbound), "cash_pickup"
        elif has_remit and rng.random() < 0.7:
            snd, ch = w.cust.remit[k], "remittance"
        elif w.cust.payapp[k] >= 0 and rng.random() < 0.3:
            snd, ch = w.cust.payapp[k], "ewallet"
        else:
            snd, ch = bank, ("bank_transfer" if rkind == "bank" else "remittance")
        ref = "" if rng.random() < blank_p else C.pick(rng, C.REF_OFFENDER)
        if platform is not None and prof != "weak" and rng.random() < 0.06 and hh.host_at(t) >= 0:
            ref = "@" + w.ac_user[hh.host_at(t)]  # a social-media handle in the reference
        w.tx(t, float(amts[j]), cur, snd, rcv, ch, ref)
        # a private session around the payment, with chat
        sess_p = {"strong": 0.65, "medium": 0.45, "weak": 0.3}[prof]
        if platform is not None and rng.random() < sess_p:
            _private_session(w, rng, pi, platform, hh, t, float(usd[j]), prof)


def _viewer_at(w: World, acct: int, t: int) -> int:
    while acct in w.viewer_closed and t >= w.viewer_closed[acct]:
        acct = w.viewer_next[acct]
    return acct


def _private_session(
    w: World, rng, pi: int, platform: int, hh: Household, t_pay: int, usd: float, prof: str
) -> None:
    viewer = _viewer_at(w, platform, t_pay)
    host = hh.host_at(t_pay)
    if host < 0:
        return
    before = rng.random() < 0.75
    start = t_pay - int(rng.integers(5, 60)) * 60 if before else t_pay + int(rng.integers(2, 25)) * 60
    dur = int(rng.integers(8, 45)) * 60
    tokens = int(rng.choice([0, 0, 0, 0, 100, 200, 500])) if rng.random() < 0.3 else 0
    vip = w.viewer_vpn.get(viewer) or w.pe_ip[pi]
    vcc = str(rng.choice(["NL", "SE", "CH", "SG", "US"])) if w.viewer_vpn.get(viewer) else w.pe_cc[pi]
    if rng.random() < w.p.p_blank_country:
        vcc = ""
    sid = w.session(
        start,
        start + dur,
        host,
        [viewer],
        True,
        paid=[round(tokens * 0.1, 2)],
        tokens=[tokens],
        hip=w.host_ip.get(host, hh.ip),
        vips=[vip],
        hdev=w.ac_dev[host],
        vdevs=[w.pe_dev[pi]],
        hcc=hh.cc,
        vccs=[vcc],
    )
    if not w.chat:
        return
    t0 = min(start, t_pay) - int(rng.integers(60, 3 * 3600))
    t_end = w.conversation(t0, "kislap-live", viewer, host, C.lines(rng, C.OFFENDER_OPEN), rng, gap=(20, 300))
    w.conversation(
        max(t_end + 30, t_pay - 120),
        "kislap-live",
        viewer,
        host,
        C.lines(rng, C.OFFENDER_PAY),
        rng,
        sid=sid if not before else "",
        gap=(20, 120),
    )
    if rng.random() < 0.5:
        w.conversation(
            start + dur + 60, "kislap-live", viewer, host, C.lines(rng, C.OFFENDER_AFTER), rng, sid=sid
        )


def _trip(w: World, rng, pi: int, card: int, cur: int, tz: int) -> None:
    D = w.D
    for _ in range(int(rng.integers(1, 3))):
        d0 = int(rng.integers(30, max(31, D - 15)))
        stay = int(rng.integers(5, 21))
        buy = max(0, d0 - int(rng.integers(10, 45)))
        acct, mcc, nm = w.glob["air"][int(rng.integers(0, len(w.glob["air"])))]
        w.tx(
            int(w.utc(buy, w.hour1(rng, "evening"), tz)),
            float(w.local_amount(rng.uniform(700, 1900), cur, buy)),
            cur,
            card,
            acct,
            "card",
            mcc=mcc,
            mname=w.mnames[nm],
        )
        hacct, hmcc, hnm = w.glob["hotel"][int(rng.integers(0, len(w.glob["hotel"])))]
        de = min(D - 1, d0 + stay)
        w.tx(
            int(w.utc(de, 10.0, 480)),
            float(w.local_amount(rng.uniform(60, 160) * stay, cur, de)),
            cur,
            card,
            hacct,
            "card",
            mcc=hmcc,
            mname=w.mnames[hnm],
        )
        for _ in range(int(rng.integers(2, 2 + stay // 2))):
            d = min(D - 1, d0 + int(rng.integers(0, stay)))
            php = float(rng.choice([5000, 10000, 10000, 15000, 20000]))
            usd = php * w.fx[P.CUR_IDX["PHP"], d]
            w.tx(
                int(w.utc(d, float(rng.uniform(9, 23)), 480)),
                float(w.local_amount(usd * 1.02, cur, d)),
                cur,
                card,
                w.atms[int(rng.integers(0, len(w.atms)))],
                "card",
                mcc=6011,
                mname="ATM PH WITHDRAWAL",
            )


def household_life(w: World, hhs: list[Household]) -> None:
    """Facilitators' wallet chats, cover streams and small transfers between relatives."""
    rng = w.sub_rng("hhlife")
    for hh in hhs:
        if len(hh.wallets) >= 2 or (hh.wallets and len(hh.facs) > 1):
            for _ in range(int(rng.integers(2, 12))):
                a = hh.wallets[int(rng.integers(0, len(hh.wallets)))]
                others = [x for x in hh.wallets if x != a]
                if not others:
                    continue
                b = others[int(rng.integers(0, len(others)))]
                if w.ac_inst[a] != w.ac_inst[b]:
                    continue
                t = int(
                    w.T0
                    + rng.integers(0, w.D) * DAY
                    + rng.integers(8, 22) * 3600
                    - 8 * 3600
                    + int(rng.integers(0, 3600))
                )
                w.conversation(t, w.ac_inst[a], a, b, C.lines(rng, C.WALLET_HH), rng)
        # public "cover" streams with a few ordinary viewers
        if w.platform_viewers and rng.random() < 0.6:
            for _ in range(int(rng.integers(1, 10))):
                t = int(w.T0 + rng.integers(0, w.D) * DAY + rng.uniform(10, 22) * 3600 - 8 * 3600)
                host = hh.host_at(t)
                if host < 0:
                    continue
                k = int(rng.integers(0, 6))
                vs = [w.platform_viewers[int(x)][0] for x in rng.integers(0, len(w.platform_viewers), k)]
                vs = [v for v in vs if w.viewer_closed.get(v, w.T1 + 1) > t]
                w.public_session(rng, host, vs, t, int(rng.integers(15, 60)) * 60, hip=hh.ip, hcc=hh.cc)


# ---------------------------------------------------------------------------------------------------
# Sextortion
# ---------------------------------------------------------------------------------------------------


def build_sextortion(w: World) -> None:
    rng = w.sub_rng("sextortion")
    n_v = max(3, int(round(w.customers * w.p.frac["sextortion_victim"])))
    n_r = max(2, int(round(n_v / rng.uniform(3, 6))))
    rings = []
    for r in range(n_r):
        nid = f"sx-ring-{r + 1:02d}"
        cc = "PH" if r == 0 else str(rng.choice(["PH", "NG", "CI", "GH"], p=[0.5, 0.25, 0.15, 0.1]))
        members = []
        for _ in range(int(rng.integers(1, 4))):
            members.append(
                w.add_person(
                    "extortionist", cc, rng, role="facilitator", network=nid, male=0.85, age=(19, 35)
                )
            )
        accts = []
        for m in members:
            for _ in range(int(rng.integers(1, 3))):
                opened = w.T0 + int(rng.integers(0, max(1, w.D - 30))) * DAY + int(rng.integers(0, DAY))
                if cc == "PH":
                    a = ph_wallet(
                        w,
                        m,
                        rng,
                        opened=opened,
                        rate=0.3,
                        phone=w.phone("PH"),
                        inst="alon-pay" if r == 0 else None,
                    )
                    w.cashout_profile[a] = (0.95, 300, 3 * 3600, 0.95, [])
                    w.watch.setdefault(a, [])
                else:
                    a = w.add_account(m, f"{cc.lower()}-recv", "bank", opened=opened, cc=cc, rng=rng)
                accts.append(a)
        plats = [
            w.add_platform_account(
                m, rng, opened=w.T0 - int(rng.integers(3, 90)) * DAY - int(rng.integers(0, DAY))
            )
            for m in members
        ]
        for pl in plats:
            w.host_ip[pl] = w.ip("vpn", 50_000 + pl)
        rings.append((nid, cc, members, accts, plats))
    countries = rng.choice(["US", "GB", "AU", "CA"], size=n_v, p=[0.5, 0.15, 0.15, 0.2])
    last_use: dict[int, int] = {}
    victims = w.add_people(n_v, "sextortion_victim", countries, rng, role="victim", male=0.85, age=(14, 17))
    for v_i, vi in enumerate(victims):
        vi = int(vi)
        setup_customers(w, [vi], rng, remit_p=0.0, payapp_p=0.0, rate=0.25, salary=0.0, p2p=False, night=0.2)
        nid, cc, members, accts, plats = rings[0 if v_i == 0 else int(rng.integers(0, len(rings)))]
        k = w.cust.by_person[vi]
        cur = P.CUR_IDX[P.COUNTRY_CURRENCY[w.pe_cc[vi]]]
        first_open = int(w.day_of(min(w.ac_open[a] for a in accts))) + 1
        d0 = int(rng.integers(min(max(3, first_open), w.D - 7), w.D - 6))
        t = int(w.utc(d0, w.hour1(rng, "evening"), w.pe_tz[vi]))
        # a brand-new wallet or remitter account, opened just before the burst
        mode = "payapp" if v_i == 0 else str(rng.choice(["payapp", "remit", "gift"], p=[0.5, 0.3, 0.2]))
        if mode == "payapp":
            snd = w.add_account(
                vi, "payapp", "ewallet", opened=t - int(rng.integers(600, 5 * DAY)), cc=w.pe_cc[vi]
            )
            w.cust.payapp[k] = snd
            ch = "ewallet"
        elif mode == "remit":
            snd = w.add_account(
                vi, "remit-a", "remittance", opened=t - int(rng.integers(600, 2 * DAY)), cc=w.pe_cc[vi]
            )
            w.cust.remit[k] = snd
            ch = "remittance"
        else:
            snd, ch = w.cust.card[k], "gift_card"
        plat = w.add_platform_account(
            vi, rng, opened=t - int(rng.integers(2, 60)) * DAY - int(rng.integers(0, DAY))
        )
        xp = plats[int(rng.integers(0, len(plats)))]
        last_use[xp] = max(last_use.get(xp, 0), t + 10 * DAY)
        if w.chat:
            w.conversation(
                t - int(rng.integers(3600, 3 * DAY)), "kislap-live", xp, plat, C.lines(rng, C.EXTORT[:1]), rng
            )
        if rng.random() < 0.5:
            w.session(
                t - 3600,
                t - 3600 + int(rng.integers(60, 600)),
                xp,
                [plat],
                True,
                hip=w.host_ip[xp],
                vips=[w.pe_ip[vi]],
                hdev=w.ac_dev[xp],
                vdevs=[w.pe_dev[vi]],
                hcc="",
                vccs=[w.pe_cc[vi]],
            )
        usd = rng.uniform(30, 150)
        gift = w.glob["gift"][int(rng.integers(0, len(w.glob["gift"])))]
        for _j in range(int(rng.integers(3, 9))):
            day = int(w.day_of(t))
            amt = float(w.local_amount(usd, cur, day, "round" if rng.random() < 0.7 else "cents"))
            if ch == "gift_card":
                w.tx(t, amt, cur, snd, gift[0], "gift_card", mcc=gift[1], mname=w.mnames[gift[2]])
            else:
                live = [a for a in accts if w.ac_open[a] < t] or accts
                w.tx(t, amt, cur, snd, live[int(rng.integers(0, len(live)))], ch, C.pick(rng, C.REF_EXTORT))
            if w.chat:
                w.conversation(
                    t - int(rng.integers(120, 1800)),
                    "kislap-live",
                    xp,
                    plat,
                    C.lines(rng, C.EXTORT[1:]),
                    rng,
                    gap=(10, 90),
                )
            t += int(rng.integers(600, 14 * 3600))
            usd = min(1500.0, usd * rng.uniform(1.2, 1.8))
        w.add_trait(vi, "burst")
    for _nid, _cc, _members, _accts, plats in rings:
        for pl in plats:
            if pl in last_use and rng.random() < 0.6:
                tb = last_use[pl] + int(rng.integers(1, 10)) * DAY + int(rng.integers(0, DAY))
                if tb < w.T1 - DAY:
                    w.ban(pl, tb, "sextortion of a minor - CSEA policy")
