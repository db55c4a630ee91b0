"""Offender side of world E: facilitator households, their payers, and sextortion rings.

Amounts, timing and escalation follow the public typology notes: mostly US$15-300 per payment
(PHP 1,000-10,000 on the receiving side), late-night sender-local timing for the less careful,
round amounts, innocuous references ("school fees", "for grocery"), escalation from every few
weeks to several times a week, payments close in time to a private live session, one payer to
several households and several payers to one household. Sextortion: a few rapid payments that
start under ~US$250, grow, then stop abruptly.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import legit as L
from . import names as N
from . import rails as R
from .core import DAY, World, nice_round

HH_CITIES = {
    "Cebu City": 6,
    "Lapu-Lapu City": 5,
    "Mandaue City": 3,
    "Cordova": 3,
    "Taguig": 3,
    "Pasig": 2,
    "Caloocan": 3,
    "Manila": 3,
    "Quezon City": 3,
    "Angeles City": 3,
    "San Fernando": 2,
    "Cagayan de Oro": 3,
    "Davao City": 2,
    "Bacolod": 2,
    "Tacloban": 1,
    "Zamboanga City": 1,
}


def _ts(w: World, day: int) -> int:
    return w.epoch0 + day * DAY + int(w.rng.integers(0, DAY))


def create_offenders(w: World) -> None:
    _create_households(w)
    _create_payers(w)
    _create_sextortion(w)


def activity_offenders(w: World) -> None:
    _act_payers(w)
    _act_households(w)
    _act_sextortion(w)


# ====================================================================== households
def _addr_variant(w: World, addr: str) -> str:
    u = w.rng.random()
    if u < 0.2:
        return addr.replace("Brgy.", "Barangay")
    if u < 0.3:
        return addr.upper()
    if u < 0.4 and "," in addr:
        return addr.split(",", 1)[1].strip()
    return addr


def _create_households(w: World) -> None:
    r = w.rng
    P = w.P
    n_payers = max(6, int(round(P.payer_rate * w.N)))
    n_hh = max(2, int(round(n_payers / P.payers_per_household)))
    w.st["n_payers"] = n_payers
    hhs = []
    for h in range(n_hh):
        nid = f"osec-{h + 1:03d}"
        city = w.pick({k: float(v) for k, v in HH_CITIES.items()})
        last = N.PH_LAST[int(r.integers(len(N.PH_LAST)))]
        n_adults = int(r.choice([1, 2, 3, 4, 5, 6], p=[0.22, 0.3, 0.22, 0.13, 0.08, 0.05]))
        home = w.address("PH", city)
        adults: list[int] = []
        for k in range(n_adults):
            g = "f" if (r.random() < (0.85 if k == 0 else 0.55)) else "m"
            neighbour = k > 0 and r.random() < 0.2
            i = w.add_person(
                "facilitator",
                "PH",
                gender=g,
                age=(24, 52) if k == 0 else (18, 68),
                role="facilitator",
                net=[nid],
                city=city,
                home=nid,
                last=None if neighbour else last,
            )
            if not neighbour:
                w.p["address"][i] = _addr_variant(w, home)
            w.p["traits"][i].add("neighbour" if neighbour else "relative")
            adults.append(i)
        ips = [w.ip("PH") for _ in range(int(r.integers(1, 3)))]
        devs = [w.uid("dv-", 12, True) for _ in range(int(r.integers(1, 3)))]
        for i in adults:
            w.p["ip"][i] = ips[0]
            w.p["device"][i] = devs[int(r.integers(len(devs)))]
            if i != adults[0] and r.random() < 0.35:
                w.p["phone"][i] = w.p["phone"][adults[0]]
        start = int(r.integers(-150, max(1, int(w.ndays * 0.5))))
        end = w.ndays if r.random() < 0.75 else int(r.integers(max(start + 90, 60), w.ndays + 1))
        wallets: list[tuple[str, int]] = []
        for k, i in enumerate(adults):
            nw = int(r.choice([1, 2], p=[0.55, 0.45])) if k == 0 else int(r.choice([0, 1, 1, 2]))
            for j in range(nw):
                od = start - int(r.integers(0, 500)) if r.random() < 0.6 else start + int(r.integers(0, 60))
                a = w.wallet(i, opened=_ts(w, od))
                if j == 0:
                    L.add_everyday(w, i, a, 2.5 * float(np.exp(0.5 * r.standard_normal())), od)
                wallets.append((a, i))
        if r.random() < 0.8:
            # a wallet registered to a relative (grandmother, or an older child just of age)
            ctrl = adults[int(r.integers(len(adults)))]
            old = r.random() < 0.6
            rg = "f" if (old or r.random() < 0.5) else "m"
            fn = (N.PH_FIRST_F if rg == "f" else N.PH_FIRST_M)[int(r.integers(40))]
            age = int(r.integers(58, 82)) if old else int(r.integers(18, 21))
            bd = str(w.start - int(age * 365.25) - int(r.integers(0, 365)))
            nm = f"{fn} {last}"
            if r.random() < P.upper_name_rate:
                nm = nm.upper()
            party = w.add_party(
                w.P.src_wallet,
                ctrl,
                name=nm,
                birth=bd,
                address=_addr_variant(w, home),
                phone=w.p["phone"][ctrl] if r.random() < 0.4 else w.phone("PH"),
            )
            w.parties[-1]["gender"] = rg
            od = start + int(r.integers(-60, 90))
            a = w.add_account(w.P.src_wallet, "ewallet", ctrl, party, "PH", opened=_ts(w, od))
            wallets.append((a, ctrl))
            w.p["traits"][ctrl].add("nominee_wallet")
        hosts = []
        for _k in range(int(r.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))):
            ctrl = adults[0] if r.random() < 0.7 else adults[int(r.integers(len(adults)))]
            fn = N.PH_FIRST_F[int(r.integers(len(N.PH_FIRST_F)))]
            disp = fn if r.random() < 0.6 else None
            host = w.platform_user(ctrl, display=disp, opened=_ts(w, start + int(r.integers(-200, 30))))
            hosts.append(host)
            w.st.setdefault("payout_wallet", {})[host] = wallets[0][0]
        w.st.setdefault("wallet_of", {})[adults[0]] = wallets[0][0]
        w.st.setdefault("plat", {}).setdefault(adults[0], hosts[0])
        if r.random() < P.legit_relative_in_household:
            L._new_remitter(w, [adults[0]], False, last)
        hhs.append(
            {
                "nid": nid,
                "adults": adults,
                "wallets": wallets,
                "hosts": hosts,
                "ips": ips,
                "devs": devs,
                "city": city,
                "start": max(0, start),
                "end": end,
                "pop": float(np.exp(r.standard_normal())),
                "last": last,
            }
        )
    w.st["households"] = hhs


# ====================================================================== payers
def _create_payers(w: World) -> None:
    r = w.rng
    P = w.P
    hhs = w.st["households"]
    pop = np.array([h["pop"] for h in hhs])
    payers = []
    for _j in range(w.st["n_payers"]):
        typ = w.pick(P.payer_mix)
        u = r.random()
        inb = P.inbound_only_share * (1.4 if typ == "few" else 1.0)
        rail = (
            "local" if u < P.local_payer_share else ("inbound" if u < P.local_payer_share + inb else "card")
        )
        if rail == "local":
            country = "PH"
            group = "ph" if r.random() < 0.5 else "west"
        else:
            country = w.pick(P.payer_countries)
            group = None
        age = int(np.clip(r.normal(50, 10), 28, 76))
        i = w.add_person(
            "offender_payer",
            country,
            gender="m" if r.random() < 0.96 else "f",
            age=(age, age),
            group=group,
            role="payer",
        )
        tr = w.p["traits"][i]
        tr.add(f"type_{typ}")
        tr.add({"card": "card_app", "inbound": "external_remitter", "local": "domestic"}[rail])
        k = {
            "few": 1,
            "heavy": int(r.choice([1, 1, 1, 2, 3])),
            "multi": int(r.integers(2, 7)),
            "careful": int(r.choice([1, 1, 1, 2])),
            "regular": int(r.choice([1, 1, 1, 2])),
        }[typ]
        k = min(k, len(hhs))
        hsel = [int(x) for x in r.choice(len(hhs), k, replace=False, p=pop / pop.sum())]
        w.p["nets"][i] = sorted(hhs[x]["nid"] for x in hsel)
        multi = r.random() < P.multi_account_share * (0.3 if typ == "few" else 1.0)
        rec: dict[str, Any] = {"i": i, "typ": typ, "rail": rail, "hh": hsel, "multi": multi}
        new_acct = r.random() < 0.5
        first_day = int(r.integers(0, max(1, int(w.ndays * (0.95 if typ == "few" else 0.7)))))
        rec["first_day"] = first_day
        od = first_day - int(r.integers(1, 40)) if new_acct else -int(r.integers(30, 1500))
        if rail == "card":
            regs = []
            for k2 in range(int(r.integers(2, 4)) if multi else 1):
                em = None
                if k2 > 0:
                    dom = N.EMAIL_DOMAINS[int(r.integers(len(N.EMAIL_DOMAINS)))]
                    em = f"{w.p['first'][i][0].lower()}{w.p['last'][i].lower().replace(' ', '')}{int(r.integers(10, 9999))}@{dom}"
                o2 = od if k2 == 0 else first_day + int(r.integers(0, 200))
                app, cards = w.card_user(
                    i,
                    int(r.choice([1, 1, 2, 3])),
                    opened=_ts(w, o2),
                    email=em,
                    phone=None if r.random() < 0.6 else w.phone(country),
                )
                regs.append((app, cards))
            rec["regs"] = regs
            L.add_card_base(w, i, regs[0][0], regs[0][1], 1.8 * float(np.exp(0.5 * r.standard_normal())), od)
            if multi and len(regs) > 1:
                tr.add("multi_account")
            elif len(regs[0][1]) > 1:
                tr.add("multi_card")
        elif rail == "inbound":
            exts = []
            for _ in range(2 if multi else 1):
                kp = int(r.integers(len(R.PARTNERS)))
                exts.append((w.ext_account(R.PARTNERS[kp][1], i), R.PARTNERS[kp][0]))
            rec["ext"] = exts
            if multi:
                tr.add("multi_account")
        else:
            wal = [w.wallet(i, opened=_ts(w, od))]
            L.add_everyday(w, i, wal[0], 2.0, od)
            if multi:
                wal.append(
                    w.wallet(i, opened=_ts(w, first_day + int(r.integers(0, 100))), phone=w.phone("PH"))
                )
                tr.add("multi_account")
            rec["wallets"] = wal
        plat_p = P.platform_share * (0.5 if typ == "few" else 1.0)
        rec["plat"] = ""
        if r.random() < plat_p:
            rec["plat"] = w.platform_user(i, display="" if r.random() < 0.3 else None)
            rec["vpn"] = r.random() < (0.5 if typ == "careful" else 0.15)
            rec["vpn_cc"] = str(r.choice(["NL", "SE", "CH", "SG", "US", "DE", "JP"]))
            rec["vpn_ip"] = w.ip(rec["vpn_cc"], True)
            rec["chat"] = r.random() < P.chat_share
            tr.add("platform")
            if rec["vpn"]:
                tr.add("vpn")
        payers.append(rec)
    w.st["payers"] = payers


def _n_payments(w: World, typ: str) -> int:
    r = w.rng
    scale = w.ndays / 450.0
    if typ == "few":
        return int(r.choice([1, 2, 3, 4], p=[0.35, 0.3, 0.2, 0.15]))
    med, lo, hi = {
        "heavy": (70, 20, 600),
        "multi": (25, 6, 200),
        "careful": (12, 5, 60),
        "regular": (16, 5, 120),
    }[typ]
    return int(np.clip(r.lognormal(np.log(med * scale), 0.7), lo, hi))


def _act_payers(w: World) -> None:
    r = w.rng
    P = w.P
    hhs = w.st["households"]
    rows: dict[str, list[Any]] = {
        k: [] for k in "p day sec usd hh wal ref rail reg ext php_round esc".split()
    }
    {k: [] for k in "payer hh".split()}
    for pi, rec in enumerate(w.st["payers"]):
        i, typ = rec["i"], rec["typ"]
        n = _n_payments(w, typ)
        start = rec["first_day"]
        end = w.ndays if typ != "few" else min(w.ndays, start + 60)
        if typ in ("heavy", "regular") and r.random() < 0.3:
            end = int(r.integers(min(start + 60, w.ndays - 1), w.ndays))
        span = max(end - start, 1)
        escalate = typ == "heavy" or (typ in ("regular", "multi") and r.random() < 0.5)
        if escalate:
            esc = float(r.uniform(0.8, 2.5))
            gaps = np.exp(-esc * np.arange(n) / max(n, 1)) * np.exp(0.4 * r.standard_normal(n))
            pos = np.cumsum(gaps)
            pos = (pos - pos[0]) / max(pos[-1] - pos[0], 1e-9) if n > 1 else np.zeros(1)
            dayf = start + pos * span
            w.p["traits"][i].add("escalating")
        elif typ == "few":
            dayf = start + np.sort(r.uniform(0, min(span, 45), n))
        else:
            dayf = start + np.sort(r.uniform(0, span, n))
        day = np.clip(dayf.astype(np.int64), 0, w.ndays - 1)
        if typ == "careful":
            night = 0.08
            secs = np.where(r.random(n) < night, w.hours(n, "night"), w.mixed_secs(n, 0.6, "business", "day"))
            w.p["traits"][i].add("daytime")
        else:
            night = float(np.clip(P.night_bias + 0.15 * r.standard_normal(), 0.05, 0.95))
            secs = np.where(r.random(n) < night, w.hours(n, "night"), w.mixed_secs(n, 0.7, "evening", "day"))
            if night > 0.5:
                w.p["traits"][i].add("night")
        med = P.osec_usd_median * float(np.exp(0.35 * r.standard_normal()))
        growth = float(r.uniform(0.1, 1.0)) if escalate else 0.0
        usd = (
            med * (1 + growth * np.arange(n) / max(n, 1)) * np.exp(P.osec_sigma * 0.5 * r.standard_normal(n))
        )
        usd = np.where(r.random(n) < 0.04, usd * 2.5, usd)
        if typ == "few":
            usd = usd * float(r.uniform(0.8, 1.8))
        usd = np.clip(usd, 8, 600)
        if typ == "careful":
            blank = 0.05
        elif typ == "few":
            blank = 0.85
        else:
            blank = float(np.clip(0.55 + 0.3 * (P.stealth - 0.5) + 0.1 * r.standard_normal(), 0.2, 0.9))
        refs = np.where(
            r.random(n) < 0.5, L._choice(w, N.REF_CAREFUL, n), L._choice(w, N.REF_OFFENDER_LOOSE, n)
        )
        if typ == "careful":
            refs = L._choice(w, N.REF_CAREFUL[:8], n)
        refs = np.where(r.random(n) < blank, "", refs)
        hsel = rec["hh"]
        if len(hsel) == 1:
            hh = np.full(n, hsel[0])
        elif typ == "multi":
            hh = np.array(hsel)[r.integers(0, len(hsel), n)]
        else:
            pr = np.array([0.6] + [0.4 / (len(hsel) - 1)] * (len(hsel) - 1))
            hh = np.array(hsel)[r.choice(len(hsel), n, p=pr)]
        if typ != "careful" and r.random() < 0.06:
            hu = np.array([w.accounts_by_id[hhs[int(x)]["hosts"][0]]["username"] for x in hh], dtype=object)
            refs = np.where(r.random(n) < 0.3, "fb " + hu, refs)
            w.p["traits"][i].add("handle_reference")
        wal = []
        fixed = {}
        for x in hh:
            hw = hhs[int(x)]["wallets"]
            if typ == "careful":
                if int(x) not in fixed:
                    fixed[int(x)] = hw[-1][0] if r.random() < 0.6 else hw[int(r.integers(len(hw)))][0]
                wal.append(fixed[int(x)])
            else:
                pw = np.array([0.5] + [0.5 / max(len(hw) - 1, 1)] * (len(hw) - 1))
                wal.append(hw[int(r.choice(len(hw), p=pw / pw.sum()))][0])
        php_round = r.random() < P.php_round_share * (0.4 if typ == "careful" else 1.0)
        reg = r.integers(0, len(rec.get("regs", [0])), n) if rec["rail"] == "card" else np.zeros(n, np.int64)
        ext = (
            r.integers(0, len(rec.get("ext", [0])), n) if rec["rail"] == "inbound" else np.zeros(n, np.int64)
        )
        if rec["rail"] == "local":
            ext = r.integers(0, len(rec["wallets"]), n)
        rows["p"].append(np.full(n, pi))
        rows["day"].append(day)
        rows["sec"].append(secs)
        rows["usd"].append(usd)
        rows["hh"].append(hh)
        rows["wal"].append(np.array(wal, dtype=object))
        rows["ref"].append(refs)
        rows["rail"].append(np.full(n, rec["rail"], dtype=object))
        rows["reg"].append(reg)
        rows["ext"].append(ext)
        rows["php_round"].append(np.full(n, php_round))
        rows["esc"].append(np.full(n, escalate))
    pay = {k: np.concatenate(v) for k, v in rows.items() if v}
    payers = w.st["payers"]
    pidx = pay["p"].astype(np.int64)
    person = np.array([payers[int(k)]["i"] for k in pidx], dtype=np.int64)
    ts = w.local_to_utc(pay["day"], pay["sec"], person)
    n = len(ts)
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[person]], dtype=object)
    round_p = float(np.clip(0.9 - 0.5 * P.stealth, 0.2, 0.95))
    careful = np.array([payers[int(k)]["typ"] == "careful" for k in pidx])
    amt = w.usd_to_local(pay["usd"], cur, ts, np.where(careful, 0.1, round_p))
    php = w.to_php(amt, cur, ts, 0.015)
    pr = pay["php_round"]
    php_r = nice_round(r, pay["usd"] / w.usd_per("PHP", ts), 1.0)
    php = np.where(pr, php_r, php)
    amt = np.where(pr, np.round(php * w.usd_per("PHP", ts) / w.usd_per(cur, ts), 2), amt)
    amt = np.where(np.isin(cur, list(N.ZERO_DECIMAL)), np.maximum(np.round(amt), 1), amt)
    sname = np.array([w.full_name(int(i)) for i in person], dtype=object)
    rail = pay["rail"]
    # card app
    m = rail == "card"
    if m.any():
        app = np.array(
            [payers[int(k)]["regs"][int(g)][0] for k, g in zip(pidx[m], pay["reg"][m], strict=True)],
            dtype=object,
        )
        card = np.array(
            [
                (lambda c: c[int(r.integers(len(c)))])(payers[int(k)]["regs"][int(g)][1])
                for k, g in zip(pidx[m], pay["reg"][m], strict=True)
            ],
            dtype=object,
        )
        R.card_to_wallet(
            w,
            ts[m],
            person[m],
            app,
            card,
            pay["wal"][m],
            amt[m],
            cur[m],
            pay["ref"][m],
            sname[m],
            kind=1,
            php=php[m],
        )
    m = rail == "inbound"
    if m.any():
        ext = np.array(
            [payers[int(k)]["ext"][int(g)][0] for k, g in zip(pidx[m], pay["ext"][m], strict=True)],
            dtype=object,
        )
        part = np.array(
            [payers[int(k)]["ext"][int(g)][1] for k, g in zip(pidx[m], pay["ext"][m], strict=True)],
            dtype=object,
        )
        R.inbound_ext(
            w,
            ts[m],
            ext,
            pay["wal"][m],
            amt[m],
            cur[m],
            w.country_arr[person[m]],
            part,
            pay["ref"][m],
            sname[m],
            kind=1,
            php=php[m],
        )
    m = rail == "local"
    if m.any():
        lwal = np.array(
            [payers[int(k)]["wallets"][int(g)] for k, g in zip(pidx[m], pay["ext"][m], strict=True)],
            dtype=object,
        )
        php_l = nice_round(r, pay["usd"][m] / w.usd_per("PHP", ts[m]), 0.85)
        php[m] = php_l
        R.wallet_tx(w, ts[m], lwal, pay["wal"][m], php_l, "p2p", ref=pay["ref"][m], kind=1)
    for k in range(n):
        w.payments.append((int(person[k]), hhs[int(pay["hh"][k])]["nid"], pay["ref"][k] == "", str(rail[k])))
    w.st["hh_receipts"] = (ts, pay["wal"], php, pay["hh"].astype(np.int64))
    _payer_sessions(w, pidx, person, ts, pay["hh"].astype(np.int64))
    _payer_side_purchases(w)


def _payer_sessions(w: World, pidx: np.ndarray, person: np.ndarray, ts: np.ndarray, hh: np.ndarray) -> None:
    r = w.rng
    payers = w.st["payers"]
    hhs = w.st["households"]
    has = np.array([bool(payers[int(k)]["plat"]) for k in pidx])
    tie = has & (r.random(len(ts)) < 0.8)
    # extra sessions paid through channels outside the bundle
    extra_idx = np.nonzero(has)[0]
    ne = int(r.poisson(0.25 * len(extra_idx))) if len(extra_idx) else 0
    ex = extra_idx[r.integers(0, len(extra_idx), ne)] if ne else np.zeros(0, np.int64)
    base = np.concatenate([np.nonzero(tie)[0], ex])
    if len(base) == 0:
        return
    n = len(base)
    is_extra = np.concatenate([np.zeros(int(tie.sum()), bool), np.ones(ne, bool)])
    before = r.random(n) < 0.2
    start = np.where(
        before, ts[base] - r.integers(20 * 60, 70 * 60, n), ts[base] + r.integers(2 * 60, 50 * 60, n)
    )
    start = np.where(is_extra, ts[base] + r.integers(2, 30, n) * DAY + r.integers(-3600, 3600, n), start)
    ok = R.clip_window(w, start)
    base, start = base[ok], start[ok]
    n = len(base)
    dur = (np.clip(r.lognormal(np.log(25), 0.5, n), 8, 90) * 60).astype(np.int64)
    hk = hh[base]
    host = np.array(
        [hhs[int(x)]["hosts"][int(r.integers(len(hhs[int(x)]["hosts"])))] for x in hk], dtype=object
    )
    hip = np.array([hhs[int(x)]["ips"][0 if r.random() < 0.8 else -1] for x in hk], dtype=object)
    hdev = np.array(
        [hhs[int(x)]["devs"][int(r.integers(len(hhs[int(x)]["devs"])))] for x in hk], dtype=object
    )
    pr = [payers[int(k)] for k in pidx[base]]
    viewer = np.array([x["plat"] for x in pr], dtype=object)
    vpn = np.array([x["vpn"] for x in pr])
    pp = person[base]
    ip = np.array(w.p["ip"], dtype=object)
    dev = np.array(w.p["device"], dtype=object)
    vip = np.where(vpn, np.array([x["vpn_ip"] for x in pr], dtype=object), ip[pp])
    vcc = np.where(vpn, np.array([x["vpn_cc"] for x in pr], dtype=object), w.country_arr[pp])
    tok = r.random(n) < 0.12
    paid = np.where(tok, nice_round(r, r.uniform(10, 40, n), 0.9), np.nan)
    sid = R.sessions(
        w,
        start,
        dur,
        host,
        viewer,
        "PH",
        vcc,
        hip,
        vip,
        hdev,
        dev[pp],
        1,
        paid,
        np.where(tok, "USD", ""),
        kind=1,
    )
    if tok.any():
        L._payout_log(w, host[tok], start[tok], paid[tok])
    chat = np.array([x.get("chat", False) for x in pr]) & (r.random(n) < 0.6)
    k = int(chat.sum())
    if k:
        R.conversation(
            w,
            start[chat] - r.integers(10 * 60, 120 * 60, k),
            viewer[chat],
            host[chat],
            N.CHAT_OSEC_PAYER,
            N.CHAT_OSEC_FAC,
            r.integers(2, 8, k),
            np.full(k, 100 * 60),
            sid=np.where(r.random(k) < 0.3, sid[chat], -1),
            kind=1,
        )
    # token purchases for payers who tip in-platform and use the card app
    cardp = [x for x in pr if x["rail"] == "card"]
    if cardp:
        tk = w.org["tokens"]
        m = np.array([x["rail"] == "card" for x in pr]) & (r.random(n) < 0.3)
        kk = int(m.sum())
        if kk:
            cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[pp[m]]], dtype=object)
            cards = np.array([x["regs"][0][1][0] for x, mm in zip(pr, m, strict=True) if mm], dtype=object)
            t2 = start[m] - r.integers(300, 3 * 3600, kk)
            R.card_purchase(
                w,
                t2,
                pp[m],
                cards,
                tk[0],
                w.usd_to_local(r.choice([20, 25, 50, 100], kk).astype(float), cur, t2, 0.0),
                cur,
                tk[2],
                tk[1],
                tk[3],
                kind=1,
            )


def _payer_side_purchases(w: World) -> None:
    r = w.rng
    cp = [x for x in w.st["payers"] if x["rail"] == "card"]
    if not cp:
        return
    person = np.array([x["i"] for x in cp], dtype=np.int64)
    card = np.array([x["regs"][0][1][0] for x in cp], dtype=object)
    fd = np.array([x["first_day"] for x in cp], dtype=np.int64)
    careful = np.array([x["typ"] == "careful" for x in cp])
    vpn = r.random(len(cp)) < np.where(careful, 0.55, 0.3)
    L._subscriptions(w, person[vpn], card[vpn], fd[vpn], "vpn", 9.99)
    dating = r.random(len(cp)) < 0.25
    L._subscriptions(w, person[dating], card[dating], fd[dating], "dating", 29.99)
    cm = w.org["card"]
    for tag, prob, usd in (("capture", 0.15, 49.0), ("jewel", 0.05, 400.0)):
        m = r.random(len(cp)) < prob
        k = int(m.sum())
        if not k:
            continue
        ms = cm[tag]
        j = r.integers(0, len(ms), k)
        d = np.clip(fd[m] + r.integers(-30, 200, k), 0, w.ndays - 1)
        ts = w.local_to_utc(d, w.hours(k, "evening"), person[m])
        cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[person[m]]], dtype=object)
        rcc = np.array(
            [ms[int(x)][3] or w.country_arr[int(p)] for x, p in zip(j, person[m], strict=True)], dtype=object
        )
        R.card_purchase(
            w,
            ts,
            person[m],
            card[m],
            np.array([x[0] for x in ms], dtype=object)[j],
            w.usd_to_local(usd * np.exp(0.3 * r.standard_normal(k)), cur, ts, 0.5),
            cur,
            np.array([x[2] for x in ms], dtype=object)[j],
            np.array([x[1] for x in ms], dtype=object)[j],
            rcc,
        )
    # travel to the Philippines (flight booked weeks before, hotel nights during the stay)
    heavy = np.array([x["typ"] == "heavy" for x in cp])
    trav = r.random(len(cp)) < np.where(heavy, 0.2, 0.08)
    for kt in np.nonzero(trav)[0].tolist():
        i = int(person[kt])
        arrive = int(r.integers(min(int(fd[kt]) + 30, w.ndays - 20), w.ndays - 5))
        stay = int(r.integers(5, 25))
        tcur = N.CURRENCY.get(w.p["country"][i], "USD")
        al = cm["airline_ph"]
        ja = int(r.integers(len(al)))
        t0 = w.local_to_utc(np.array([arrive - int(r.integers(10, 60))]), w.hours(1, "night"), np.array([i]))
        R.card_purchase(
            w,
            t0,
            np.array([i]),
            card[kt],
            al[ja][0],
            w.usd_to_local(np.array([1100.0]), np.array([tcur], dtype=object), t0, 0.1),
            tcur,
            "4511",
            al[ja][1],
            "PH",
        )
        hp = cm["hotel_ph"]
        nd = max(1, stay // 3)
        d = np.minimum(arrive + np.sort(r.integers(0, stay, nd)), w.ndays - 1)
        t1 = w.epoch0 + d * DAY + w.hours(nd, "day") - 480 * 60
        j2 = r.integers(0, len(hp), nd)
        R.card_purchase(
            w,
            t1,
            np.full(nd, i),
            card[kt],
            np.array([x[0] for x in hp], dtype=object)[j2],
            w.usd_to_local(r.uniform(60, 250, nd), np.full(nd, tcur, dtype=object), t1, 0.3),
            tcur,
            "7011",
            np.array([x[1] for x in hp], dtype=object)[j2],
            "PH",
        )
        w.p["traits"][i].add("travel_ph")


def _act_households(w: World) -> None:
    """What facilitators do with the money: cash-out at agents, pooling, load, groceries."""
    r = w.rng
    if "hh_receipts" not in w.st:
        return
    ts, wal, php, hh = w.st["hh_receipts"]
    hhs = w.st["households"]
    ts = ts + 900
    n = len(ts)
    ctrl = np.array([w.acct_person[a] for a in wal], dtype=np.int64)
    primary = np.array([hhs[int(x)]["wallets"][0][0] for x in hh], dtype=object)
    # pooling into the main wallet
    pool = (wal != primary) & (r.random(n) < 0.35)
    t2 = ts + (r.uniform(0.3, 8, n) * 3600).astype(np.int64)
    ok = pool & R.clip_window(w, t2)
    amt = np.floor(php * r.uniform(0.7, 1.0, n) / 50) * 50 + 50
    R.wallet_tx(
        w,
        t2[ok],
        wal[ok],
        primary[ok],
        amt[ok],
        "p2p",
        ref=L._ref(w, ["share", "ipon", "padala", "bayad"], int(ok.sum()), 0.7),
    )
    # cash-out at an agent near home (some households delay to look routine)
    delay_h = 2 + 20 * w.P.stealth
    src = np.where(ok, primary, wal)
    sp = np.array([w.acct_person[a] for a in src], dtype=np.int64)
    L.cash_out_after(w, np.where(ok, t2, ts), sp, src, np.where(ok, amt, php), w.P.cashout_prob, delay_h)
    # load and groceries right after a payment
    m = r.random(n) < 0.25
    k = int(m.sum())
    tel = w.org["telco"]
    j = r.integers(0, len(tel), k)
    R.wallet_tx(
        w,
        ts[m] + r.integers(600, 6 * 3600, k),
        wal[m],
        np.array([x[0] for x in tel], dtype=object)[j],
        r.choice([50, 99, 100, 200, 299, 300], k).astype(float),
        "load",
        mcc="4814",
        mname=np.array([x[1] for x in tel], dtype=object)[j],
    )
    m = r.random(n) < 0.3
    k = int(m.sum())
    ag = L.agent_for(w, ctrl[m])
    R.wallet_tx(
        w,
        ts[m] + r.integers(1800, 12 * 3600, k),
        wal[m],
        ag,
        np.round(r.uniform(150, 1500, k), 2),
        "qr_pay",
        mcc="5411",
        mname=np.array([w.st["agent_name"][a] for a in ag], dtype=object),
    )
    # sharing with other adults of the household
    m = r.random(n) < 0.2
    idx = np.nonzero(m)[0]
    if len(idx):
        other = []
        for x in idx:
            hw = hhs[int(hh[x])]["wallets"]
            other.append(hw[int(r.integers(len(hw)))][0])
        oth = np.array(other, dtype=object)
        keep = oth != wal[idx]
        idx = idx[keep]
        R.wallet_tx(
            w,
            ts[idx] + r.integers(3600, 24 * 3600, len(idx)),
            wal[idx],
            oth[keep],
            np.floor(php[idx] * r.uniform(0.2, 0.5, len(idx)) / 50) * 50 + 50,
            "p2p",
            ref=L._ref(w, ["share", "pang gastos", "bigas", "kuryente"], len(idx), 0.6),
        )


# ====================================================================== sextortion
def _create_sextortion(w: World) -> None:
    r = w.rng
    P = w.P
    n_rings = max(1, int(round(P.sxt_rings_per_50k * w.N / 50000)))
    rings = []
    for k in range(n_rings):
        nid = f"sxt-{k + 1:02d}"
        in_ph = r.random() < P.sxt_ph_share
        country = "PH" if in_ph else str(r.choice(["NG", "CI", "NG"]))
        ext = [
            w.add_person("extortionist", country, gender="m", age=(18, 34), role="facilitator", net=[nid])
            for _ in range(int(r.integers(1, 4)))
        ]
        ring: dict[str, Any] = {
            "nid": nid,
            "in_ph": in_ph,
            "country": country,
            "ext": ext,
            "wallets": [],
            "apps": [],
        }
        if in_ph:
            for i in ext:
                ring["wallets"].append(w.wallet(i, opened=_ts(w, -int(r.integers(10, 600)))))
            if r.random() < 0.6:
                ctrl = ext[0]
                nm = f"{N.PH_FIRST_F[int(r.integers(40))]} {N.PH_LAST[int(r.integers(len(N.PH_LAST)))]}"
                party = w.add_party(
                    w.P.src_wallet, ctrl, name=nm, birth=str(w.start - int(r.integers(19, 60) * 365))
                )
                ring["wallets"].append(
                    w.add_account(
                        w.P.src_wallet, "ewallet", ctrl, party, "PH", opened=_ts(w, int(r.integers(0, 200)))
                    )
                )
        else:
            for i in ext:
                app, cards = w.card_user(i, 1, opened=_ts(w, -int(r.integers(10, 400))))
                ring["apps"].append((app, i, w.ext_account("XBK", i)))
            if r.random() < 0.6:
                mule = w.add_person(
                    "extortionist",
                    "PH",
                    gender="m" if r.random() < 0.6 else "f",
                    age=(19, 30),
                    role="facilitator",
                    net=[nid],
                )
                w.p["traits"][mule].add("mule")
                ring["wallets"].append(w.wallet(mule, opened=_ts(w, -int(r.integers(10, 300)))))
        profiles = []
        vpn = r.random() < 0.6
        for _ in range(int(r.integers(2, 6))):
            i = ext[int(r.integers(len(ext)))]
            fn = N.WEST_FIRST_F[int(r.integers(len(N.WEST_FIRST_F)))]
            uname = f"{fn.lower()}{['_', '.', ''][int(r.integers(3))]}{int(r.integers(1, 99)):02d}"
            profiles.append((w.platform_user(i, display=fn, username=uname), i))
        ring["profiles"] = profiles
        ring["ip"] = w.ip("US", True) if vpn else w.ip(country)
        ring["ipcc"] = "US" if vpn else country
        vics = []
        for _ in range(int(r.integers(3, 16))):
            vc = (
                "PH"
                if r.random() < (0.6 if in_ph else 0.15)
                else w.pick(
                    {"US": 0.5, "CA": 0.12, "GB": 0.14, "AU": 0.14, "NZ": 0.03, "IE": 0.03, "DE": 0.04}
                )
            )
            i = w.add_person(
                "sextortion_victim",
                vc,
                gender="m" if r.random() < 0.9 else "f",
                age=(14, 17),
                role="victim",
                net=[nid],
            )
            v: dict[str, Any] = {"i": i, "plat": w.platform_user(i)}
            parent_name = f"{w.name(N.NAME_GROUP_BY_COUNTRY.get(vc, 'west'), 'f' if r.random() < 0.5 else 'm')[0]} {w.p['last'][i]}"
            parent_bd = str(w.start - int(r.integers(36, 55) * 365))
            use_parent = r.random() < 0.6
            if vc == "PH":
                if not ring["wallets"]:
                    vc = "US"
                else:
                    if use_parent:
                        party = w.add_party(w.P.src_wallet, i, name=parent_name, birth=parent_bd)
                        v["acct"] = w.add_account(
                            w.P.src_wallet,
                            "ewallet",
                            i,
                            party,
                            "PH",
                            opened=_ts(w, -int(r.integers(30, 900))),
                        )
                    else:
                        v["acct"] = w.wallet(i, opened=_ts(w, -int(r.integers(30, 500))))
            if vc != "PH":
                kw: dict[str, Any] = {"name": parent_name, "birth": parent_bd} if use_parent else {}
                app, cards = w.card_user(i, 1, opened=_ts(w, -int(r.integers(30, 900))), **kw)
                v["app"], v["card"] = app, cards[0]
            v["ph"] = vc == "PH"
            if use_parent:
                w.p["traits"][i].add("parent_account")
            vics.append(v)
        ring["victims"] = vics
        rings.append(ring)
    w.st["rings"] = rings


def _act_sextortion(w: World) -> None:
    r = w.rng
    ip = np.array(w.p["ip"], dtype=object)
    dev = np.array(w.p["device"], dtype=object)
    for ring in w.st["rings"]:
        for v in ring["victims"]:
            i = v["i"]
            prof, pi = ring["profiles"][int(r.integers(len(ring["profiles"])))]
            day = int(r.integers(0, w.ndays - 3))
            t0 = int(w.local_to_utc(np.array([day]), w.hours(1, "evening"), np.array([i]))[0])
            R.conversation(
                w,
                np.array([t0]),
                np.array([prof], dtype=object),
                np.array([v["plat"]], dtype=object),
                N.CHAT_SXT_OFFENDER,
                N.CHAT_SXT_VICTIM,
                np.array([int(r.integers(6, 15))]),
                np.array([int(r.integers(2, 5)) * 3600]),
                kind=2,
            )
            ts0 = t0 + int(r.integers(20, 90)) * 60
            R.sessions(
                w,
                np.array([ts0]),
                np.array([int(r.integers(3, 15)) * 60]),
                prof,
                v["plat"],
                ring["ipcc"],
                w.p["country"][i],
                ring["ip"],
                ip[i],
                dev[pi],
                dev[i],
                1,
                kind=2,
            )
            k = int(r.choice(7, p=[0.15, 0.25, 0.2, 0.15, 0.1, 0.08, 0.07]))
            if k == 0:
                continue
            gaps = r.integers(10 * 60, 10 * 3600, k)
            tpay = ts0 + 1200 + np.cumsum(gaps)
            ok = R.clip_window(w, tpay)
            tpay = tpay[ok]
            k = len(tpay)
            if k == 0:
                continue
            w.p["traits"][i].add("paid")
            mult = np.cumprod(np.concatenate([[1.0], r.uniform(1.0, 2.0, k - 1)]))
            pp = np.full(k, i)
            if v["ph"]:
                php = np.minimum(nice_round(r, r.uniform(500, 3000) * mult, 0.9), 20000)
                rcv = ring["wallets"][int(r.integers(len(ring["wallets"])))]
                R.wallet_tx(w, tpay, v["acct"], rcv, php, "p2p", kind=2)
                _ring_cashout(w, ring, tpay, rcv, php)
                continue
            cur = N.CURRENCY.get(w.p["country"][i], "USD")
            cura = np.full(k, cur, dtype=object)
            usd = np.minimum(r.uniform(50, 250) * mult, 1500)
            amt = w.usd_to_local(usd, cura, tpay, 0.9)
            gift = r.random(k) < 0.2
            gc = w.org["card"]["giftcard"][0]
            if gift.any():
                R.card_purchase(
                    w,
                    tpay[gift],
                    pp[gift],
                    v["card"],
                    gc[0],
                    amt[gift],
                    cura[gift],
                    gc[2],
                    gc[1],
                    gc[3],
                    kind=2,
                )
            m = ~gift
            if not m.any():
                continue
            if ring["apps"] and (not ring["wallets"] or r.random() < 0.7):
                app, ei, bank = ring["apps"][int(r.integers(len(ring["apps"])))]
                R.card_p2p(
                    w,
                    tpay[m],
                    pp[m],
                    v["app"],
                    v["card"],
                    app,
                    amt[m],
                    cura[m],
                    ring["country"],
                    "",
                    channel="remittance",
                    ttype="p2p_intl",
                    kind=2,
                )
                # sweep to a bank account outside the bundle
                t2 = tpay[m] + r.integers(3600, 20 * 3600, int(m.sum()))
                okw = R.clip_window(w, t2)
                loc = N.CURRENCY.get(ring["country"], "USD")
                la = np.round(
                    amt[m][okw] * w.usd_per(cura[m][okw], t2[okw]) / w.usd_per(loc, t2[okw]) * 0.97, 2
                )
                R.card_p2p(
                    w,
                    t2[okw],
                    np.full(int(okw.sum()), ei),
                    app,
                    "",
                    bank,
                    la,
                    loc,
                    ring["country"],
                    "",
                    channel="bank_transfer",
                    ttype="withdrawal",
                    kind=2,
                )
            else:
                rcv = ring["wallets"][int(r.integers(len(ring["wallets"])))]
                php = w.to_php(amt[m], cura[m], tpay[m], 0.012)
                R.card_to_wallet(
                    w,
                    tpay[m],
                    pp[m],
                    v["app"],
                    v["card"],
                    rcv,
                    amt[m],
                    cura[m],
                    "",
                    np.array([w.full_name(i) for _ in range(int(m.sum()))], dtype=object),
                    kind=2,
                    php=php,
                )
                _ring_cashout(w, ring, tpay[m], rcv, php)


def _ring_cashout(w: World, ring: dict[str, Any], ts: np.ndarray, rcv: str, php: np.ndarray) -> None:
    p = np.full(len(ts), w.acct_person[rcv])
    L.cash_out_after(w, ts + 600, p, np.full(len(ts), rcv, dtype=object), php, 0.9, 2.0, kind=2)


def apply_bans(w: World) -> None:
    """Platform bans (banned_reason) for some facilitator hosts and sextortion profiles, a few mistaken."""
    r = w.rng
    P = w.P
    end = w.epoch0 + w.ndays * DAY

    def ban(acct: str, reason: str) -> None:
        rec = w.accounts_by_id[acct]
        rec["banned_reason"] = reason
        rec["closed_at"] = int(end - int(r.integers(1, 90)) * DAY)

    for h in w.st["households"]:
        if r.random() < P.ban_share:
            for host in h["hosts"]:
                if r.random() < 0.7:
                    ban(host, "child sexual exploitation (live streaming)")
    for ring in w.st["rings"]:
        for prof, _ in ring["profiles"]:
            if r.random() < min(0.9, 2 * P.ban_share):
                ban(prof, "sextortion of a minor")
    perf = w.st.get("performers", [])
    for _ in range(P.false_bans):
        if perf:
            ban(perf[int(r.integers(len(perf)))]["host"], "suspected minor on stream (appeal pending)")
