"""Legitimate look-alikes. Each one looks suspicious on at least one single signal.

diaspora families, online sellers and their buyers, adult performers and their customers, freelancers and
their clients, romance-scam victims and mules, charities and sponsors, travellers, streamers and viewers.
"""

from __future__ import annotations

import numpy as np

from . import chat as C
from . import params as P
from .background import cust_of, ph_wallet, remit_account, setup_customers
from .core import World

DAY = 86400
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _cc(rng, weights: dict[str, float], n: int) -> np.ndarray:
    keys = list(weights)
    p = np.array([weights[k] for k in keys])
    return rng.choice(keys, size=n, p=p / p.sum())


def _base_weights() -> dict[str, float]:
    return {c: v[0] for c, v in P.DEMAND_COUNTRIES.items()}


def _cur(w: World, person: int) -> int:
    return P.CUR_IDX[P.COUNTRY_CURRENCY[w.pe_cc[person]]]


def _month(w: World, t: int) -> str:
    return MONTHS[(w.p.start.month - 1 + int((t - w.T0) // (30.4 * DAY))) % 12]


def _platform(w: World, person: int, rng, kind: str, *, pool: bool = True) -> int:
    a = w.add_platform_account(person, rng)
    k = w.cust.by_person.get(person)
    if k is not None:
        w.viewer_card[a] = w.cust.card[k]
    if pool:
        w.platform_viewers.append((a, kind))
    return a


def _send(
    w: World, rng, sender: int, rcv: int, t: int, amt: float, cur: int, ref: str, prefer_remit: float = 0.7
) -> None:
    """A cross-border payment from a demand-side customer, through the channel that fits the receiver."""
    k = cust_of(w, sender)
    rk = w.insts[w.ac_inst[rcv]].kind
    if rk == "remittance":
        w.tx(t, amt, cur, remit_account(w, sender, rng), rcv, "cash_pickup", ref)
    elif w.cust.remit[k] >= 0 and rng.random() < prefer_remit:
        w.tx(t, amt, cur, w.cust.remit[k], rcv, "remittance", ref)
    elif w.cust.payapp[k] >= 0 and rng.random() < 0.3:
        w.tx(t, amt, cur, w.cust.payapp[k], rcv, "ewallet", ref)
    else:
        w.tx(t, amt, cur, w.cust.bank[k], rcv, "bank_transfer" if rk == "bank" else "remittance", ref)


# ---------------------------------------------------------------------------------------------------
# ordinary people who watch streams
# ---------------------------------------------------------------------------------------------------


def ordinary_customers(w: World, n: int) -> np.ndarray:
    rng = w.sub_rng("ordinary")
    ppl = w.add_people(n, "ordinary", _cc(rng, _base_weights(), n), rng)
    setup_customers(w, ppl, rng, remit_p=0.04, payapp_p=0.12)
    viewers = rng.random(n) < w.p.frac["platform_viewer"]
    for pp in ppl[viewers]:
        _platform(w, int(pp), rng, "ordinary")
    # a few ordinary people send a one-off gift to somebody in the Philippines
    for pp in ppl[rng.random(n) < 0.004]:
        friend = int(w.ph_ordinary[int(rng.integers(0, len(w.ph_ordinary)))])
        wal = w.ph_wallet_of[friend]
        d = int(rng.integers(0, w.D))
        t = int(w.utc(d, w.hour1(rng, "day"), w.pe_tz[int(pp)]))
        cur = _cur(w, int(pp))
        _send(
            w,
            rng,
            int(pp),
            wal,
            t,
            float(w.local_amount(rng.uniform(30, 300), cur, d, "round")),
            cur,
            C.pick(rng, ["gift", "", "birthday", "thanks"]),
        )
    # PH ordinary viewers
    for pp in w.ph_ordinary[rng.random(len(w.ph_ordinary)) < 0.25]:
        _platform(w, int(pp), rng, "ph")
    return ppl


# ---------------------------------------------------------------------------------------------------
# diaspora families
# ---------------------------------------------------------------------------------------------------


def diaspora(w: World, n_send: int) -> None:
    rng = w.sub_rng("diaspora")
    made = 0
    fam = 0
    while made < n_send:
        fam += 1
        ns = int(min(5, 1 + rng.poisson(w.p.extra["diaspora_family_size"] - 1)))
        ns = min(ns, n_send - made)
        made += ns
        nr = int(rng.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))
        main = w.add_person("family_recipient", "PH", rng, male=0.35, age=(45, 75))
        sur = w.pe_sur[main]
        recips = [main] + [
            w.add_person(
                "family_recipient",
                "PH",
                rng,
                age=(12, 30),
                surname=sur,
                address=w.pe_addr[main],
                city=w.pe_city[main],
            )
            for _ in range(nr - 1)
        ]
        rw = [ph_wallet(w, r, rng) for r in recips]
        main_accts = [rw[0]]
        if rng.random() < 0.3:
            main_accts.append(
                w.add_account(
                    main, "ph-bank-1" if rng.random() < 0.6 else "ph-bank-2", "bank", cc="PH", rng=rng
                )
            )
        if rng.random() < 0.3:
            main_accts.append(w.add_account(main, "ph-pawn-remit", "remittance", cc="PH", rng=rng))
        for a in rw:
            w.cashout_profile[a] = (0.5, 3600, 3 * DAY, 0.6, [])
            w.watch.setdefault(a, [])
        ccs = _cc(rng, P.DIASPORA_WEIGHTS, ns)
        senders = []
        for j in range(ns):
            same = rng.random() < 0.6
            s = w.add_person(
                "diaspora_remitter",
                str(ccs[j]),
                rng,
                male=0.4,
                age=(24, 58),
                style="ph",
                surname=sur if same else None,
            )
            senders.append(s)
        shift = float(rng.uniform(0.05, 0.3))
        setup_customers(w, senders, rng, remit_p=0.9, payapp_p=0.1, night=shift)
        calls = rng.random() < 0.45
        fplat = {}
        if calls:
            for r in recips:
                fplat[r] = _platform(w, r, rng, "ph", pool=False)
        for s in senders:
            cur = _cur(w, s)
            tz = w.pe_tz[s]
            base = rng.lognormal(np.log(230), 0.5)
            payday = int(rng.integers(1, 29))
            for mo in range(w.D // 30 + 1):
                d = mo * 30 + payday + int(rng.integers(-2, 3))
                if not 0 <= d < w.D or rng.random() < 0.08:
                    continue
                h = w.hour1(rng, "night" if rng.random() < shift else "day")
                t = int(w.utc(d, h, tz))
                usd = base * rng.lognormal(0, 0.15) * (1.8 if rng.random() < 0.1 else 1.0)
                amt = float(w.local_amount(usd, cur, d, "round" if rng.random() < 0.7 else "cents"))
                ref = C.pick(rng, C.REF_DIASPORA) if rng.random() < 0.6 else ""
                _send(w, rng, s, main_accts[int(rng.integers(0, len(main_accts)))], t, amt, cur, ref, 0.85)
            # small frequent round top-ups ("load") to younger relatives, sometimes at night
            if len(recips) > 1 or rng.random() < 0.4:
                rate = rng.uniform(0.3, 4.0)
                for _ in range(int(rng.poisson(rate * w.D / 30))):
                    d = int(rng.integers(0, w.D))
                    h = w.hour1(rng, "night" if rng.random() < 0.3 else "day")
                    t = int(w.utc(d, h, tz))
                    usd = float(rng.choice([5, 10, 10, 15, 20, 25, 30]))
                    amt = float(w.local_amount(usd, cur, d, "round"))
                    to = rw[int(rng.integers(1, len(rw)))] if len(rw) > 1 else rw[0]
                    ref = C.pick(rng, ["load", "pang load", "baon", "allowance", "", ""])
                    _send(w, rng, s, to, t, amt, cur, ref, 0.6)
            if calls:
                sp = _platform(w, s, rng, "diaspora")
                for _ in range(int(rng.poisson(rng.uniform(1, 5) * w.D / 30))):
                    r = recips[int(rng.integers(0, len(recips)))]
                    d = int(rng.integers(0, w.D))
                    t = int(w.utc(d, w.hour1(rng, "evening"), tz))
                    sid = w.session(
                        t,
                        t + int(rng.integers(5, 70)) * 60,
                        fplat[r],
                        [sp],
                        True,
                        hip=w.pe_ip[r],
                        vips=[w.pe_ip[s]],
                        hdev=w.pe_dev[r],
                        vdevs=[w.pe_dev[s]],
                        hcc="PH",
                        vccs=[w.pe_cc[s]],
                    )
                    if rng.random() < 0.5:
                        w.conversation(
                            t - 600, "kislap-live", sp, fplat[r], C.lines(rng, C.FAMILY), rng, sid=sid
                        )
        # the recipients chat in the wallet app
        if len(rw) > 1 and w.ac_inst[rw[0]] == w.ac_inst[rw[1]]:
            for _ in range(int(rng.integers(1, 6))):
                t = int(w.T0 + rng.integers(0, w.D) * DAY + rng.uniform(1, 14) * 3600)
                w.conversation(t, w.ac_inst[rw[0]], rw[0], rw[1], C.lines(rng, C.WALLET_FAMILY), rng)


# ---------------------------------------------------------------------------------------------------
# online sellers and their buyers
# ---------------------------------------------------------------------------------------------------


def sellers(w: World, n_buyers: int, extra_buyers: np.ndarray) -> None:
    rng = w.sub_rng("sellers")
    n = max(3, int(round(w.customers * w.p.frac["online_seller"])))
    ccs = rng.choice(["PH", "TH", "CO", "MX"], size=n, p=[0.85, 0.06, 0.05, 0.04])
    seller = w.add_people(n, "online_seller", ccs, rng, male=0.35, age=(20, 55))
    recv, plats = [], []
    for s, cc in zip(seller, ccs, strict=True):
        s = int(s)
        if cc == "PH":
            wal = ph_wallet(w, s, rng, rate=2.0)
            bank = w.add_account(
                s, "ph-bank-1" if rng.random() < 0.5 else "ph-bank-2", "bank", cc="PH", rng=rng
            )
            w.cashout_profile[wal] = (0.35, DAY, 7 * DAY, 0.8, [bank])
            w.watch.setdefault(wal, [])
            recv.append([wal, bank] if rng.random() < 0.4 else [wal])
        else:
            recv.append([w.add_account(s, f"{cc.lower()}-recv", "bank", cc=cc, rng=rng)])
        pl = -1
        if rng.random() < 0.7:
            pl = w.add_platform_account(s, rng)
            w.host_ip[pl] = w.pe_ip[s]
        plats.append(pl)
    wts = rng.pareto(1.0, n) + 0.3
    wts /= wts.sum()
    mix = {k: 0.5 * v for k, v in _base_weights().items()}
    for k, v in P.DIASPORA_WEIGHTS.items():
        mix[k] = mix.get(k, 0) + 0.5 * v
    buyers = w.add_people(n_buyers, "seller_customer", _cc(rng, mix, n_buyers), rng, age=(20, 65), style=None)
    setup_customers(w, buyers, rng, remit_p=0.45, payapp_p=0.2)
    all_buyers = np.concatenate([buyers, extra_buyers]).astype(np.int64)
    bplat = {}
    audience: dict[int, list[int]] = {i: [] for i in range(n)}
    for b in all_buyers:
        b = int(b)
        cur = _cur(w, b)
        night = rng.random() < 0.2
        for _ in range(int(rng.choice([1, 1, 1, 2, 2, 3]))):
            si = int(rng.choice(n, p=wts))
            d = int(rng.integers(0, w.D))
            h = w.hour1(rng, "night" if night else "day")
            t = int(w.utc(d, h, w.pe_tz[b]))
            usd = rng.lognormal(np.log(45), 0.6) + 3
            amt = float(w.local_amount(usd, cur, d))
            ref = C.fill(C.pick(rng, C.REF_SELLER), rng) if rng.random() < 0.8 else ""
            _send(w, rng, b, recv[si][int(rng.integers(0, len(recv[si])))], t, amt, cur, ref, 0.5)
            if plats[si] >= 0 and rng.random() < 0.5:
                if b not in bplat:
                    bplat[b] = _platform(w, b, rng, "buyer")
                audience[si].append(bplat[b])
                if rng.random() < 0.6:
                    w.conversation(
                        t - int(rng.integers(600, 2 * DAY)),
                        "kislap-live",
                        bplat[b],
                        plats[si],
                        C.lines(rng, C.SELLER),
                        rng,
                    )
    # live selling streams
    for si in range(n):
        if plats[si] < 0:
            continue
        pool = list(audience[si])
        if w.platform_viewers:
            pool += [w.platform_viewers[int(x)][0] for x in rng.integers(0, len(w.platform_viewers), 20)]
        if not pool:
            continue
        for _ in range(int(rng.poisson(rng.uniform(0.5, 3.0) * w.D / 7))):
            d = int(rng.integers(0, w.D))
            t = int(w.utc(d, float(rng.uniform(18, 23)), 480))
            k = int(min(len(pool), rng.integers(3, 40)))
            vs = list({pool[int(x)] for x in rng.integers(0, len(pool), k)})
            sid = w.public_session(
                rng, plats[si], vs, t, int(rng.integers(30, 150)) * 60, hcc=str(ccs[si]), tip_p=0.01
            )
            if w.chat and vs:
                for v in vs[: int(rng.integers(0, 4))]:
                    w.msg(
                        t + int(rng.integers(60, 1800)),
                        "kislap-live",
                        v,
                        plats[si],
                        C.pick(rng, ["mine po", "mine", "how much po", "available pa?", "pa reserve po"]),
                        sid,
                    )


# ---------------------------------------------------------------------------------------------------
# adult performers (legal adult webcam work) and their customers
# ---------------------------------------------------------------------------------------------------


def performers(w: World, n_cust: int, extra_viewers: list[int]) -> None:
    rng = w.sub_rng("performers")
    n = max(3, int(round(w.customers * w.p.frac["adult_performer"])))
    ccs = rng.choice(["PH", "CO", "RO", "TH", "US"], size=n, p=[0.45, 0.25, 0.15, 0.1, 0.05])
    perf = []
    i = 0
    while i < n:
        cc = str(ccs[i])
        size = int(rng.choice([1, 1, 1, 2, 3, 4])) if cc in ("CO", "RO", "PH") else 1
        size = min(size, n - i)
        first = w.add_person("adult_performer", cc, rng, male=0.1, age=(19, 38))
        grp = [first] + [
            w.add_person(
                "adult_performer",
                cc,
                rng,
                male=0.1,
                age=(19, 38),
                address=w.pe_addr[first],
                city=w.pe_city[first],
            )
            for _ in range(size - 1)
        ]
        studio_dev = w.pe_dev[first] if size > 1 else None
        for pp in grp:
            pl = w.add_platform_account(pp, rng, dev=studio_dev)
            w.host_ip[pl] = w.pe_ip[first]
            if cc == "PH":
                dest = (
                    ph_wallet(w, pp, rng, rate=1.2)
                    if rng.random() < 0.75
                    else w.add_account(pp, "ph-bank-1", "bank", cc="PH", rng=rng)
                )
                w.cashout_profile[dest] = (0.7, 3600, 2 * DAY, 0.8, [])
                w.watch.setdefault(dest, [])
            elif cc == "US":
                setup_customers(w, [pp], rng, remit_p=0.0, salary=0.0)
                dest = w.cust.bank[cust_of(w, pp)]
            else:
                dest = w.add_account(pp, f"{cc.lower()}-recv", "bank", cc=cc, rng=rng)
            w.payout_dest[pl] = dest
            if rng.random() < w.p.p_performer_false_ban:
                w.ban(
                    pl,
                    int(w.T0 + rng.integers(30, w.D) * DAY + int(rng.integers(0, DAY))),
                    "age verification review (reinstated later)",
                )
            perf.append((pp, pl, dest, cc))
        i += size
    ccs_c = _cc(rng, _base_weights(), n_cust)
    cust = w.add_people(n_cust, "adult_customer", ccs_c, rng, male=0.9, age=(24, 72))
    setup_customers(w, cust, rng, remit_p=0.15, payapp_p=0.15, night=0.25)
    pw = rng.pareto(1.1, len(perf)) + 0.2
    pw /= pw.sum()
    fans: dict[int, list[int]] = {j: [] for j in range(len(perf))}
    for c in cust:
        c = int(c)
        pl = _platform(w, c, rng, "adult")
        fav = list({int(x) for x in rng.choice(len(perf), size=int(rng.integers(1, 5)), p=pw)})
        for j in fav:
            fans[j].append(pl)
        tz = w.pe_tz[c]
        n_priv = int(rng.poisson(rng.uniform(2, 45) * w.D / 245))
        for _ in range(n_priv):
            j = fav[int(rng.integers(0, len(fav)))]
            pp, host, dest, pcc = perf[j]
            d = int(rng.integers(0, w.D))
            t = int(w.utc(d, w.hour1(rng, "night" if rng.random() < 0.6 else "evening"), tz))
            if w.ac_close[host] > 0 and t >= w.ac_close[host]:
                continue
            mins = int(rng.integers(4, 25))
            tok = int(rng.choice([30, 40, 60, 90])) * mins
            sid = w.session(
                t,
                t + mins * 60,
                host,
                [pl],
                True,
                paid=[round(tok * 0.1, 2)],
                tokens=[tok],
                hip=w.host_ip[host],
                vips=[w.pe_ip[c]],
                hdev=w.ac_dev[host],
                vdevs=[w.pe_dev[c]],
                hcc=pcc,
                vccs=[w.pe_cc[c]],
            )
            if rng.random() < 0.35:
                w.conversation(
                    t - int(rng.integers(60, 1800)),
                    "kislap-live",
                    pl,
                    host,
                    C.lines(rng, C.PERFORMER),
                    rng,
                    sid=sid if rng.random() < 0.5 else "",
                )
        # some direct tips by remittance to performers' wallets
        if rng.random() < 0.12:
            j = fav[0]
            pp, host, dest, pcc = perf[j]
            if pcc == "PH":
                cur = _cur(w, c)
                for _ in range(int(rng.integers(1, 7))):
                    d = int(rng.integers(0, w.D))
                    t = int(w.utc(d, w.hour1(rng, "night"), tz))
                    amt = float(w.local_amount(rng.uniform(20, 120), cur, d, "round"))
                    ref = "@" + w.ac_user[host] if rng.random() < 0.3 else C.pick(rng, C.REF_TIP)
                    _send(w, rng, c, dest, t, amt, cur, ref, 0.8)
    # public shows
    for j, (_pp, host, _dest, pcc) in enumerate(perf):
        pool = list(fans[j])
        if extra_viewers:
            pool = pool + [extra_viewers[int(x)] for x in rng.integers(0, len(extra_viewers), 10)]
        if not pool:
            continue
        tzh = P.RECEIVING_COUNTRIES.get(pcc, ("USD", -300, ""))[1]
        for _ in range(int(rng.poisson(rng.uniform(1.0, 5.0) * w.D / 7))):
            d = int(rng.integers(0, w.D))
            t = int(w.utc(d, float(rng.uniform(19, 27)) % 24, tzh))
            if w.ac_close[host] > 0 and t >= w.ac_close[host]:
                continue
            k = int(min(len(pool), rng.integers(3, 35)))
            vs = list({pool[int(x)] for x in rng.integers(0, len(pool), k)})
            w.public_session(
                rng, host, vs, t, int(rng.integers(30, 180)) * 60, hcc=pcc, tip_p=0.15, tip_tokens=(10, 300)
            )


# ---------------------------------------------------------------------------------------------------
# freelancers and clients
# ---------------------------------------------------------------------------------------------------


def freelancers(w: World, n_clients: int) -> None:
    rng = w.sub_rng("freelance")
    n = max(2, int(round(w.customers * w.p.frac["freelancer"])))
    fl = w.add_people(n, "freelancer", "PH", rng, age=(21, 45))
    dests = []
    for f in fl:
        f = int(f)
        wal = ph_wallet(w, f, rng)
        bank = w.add_account(f, "ph-bank-1" if rng.random() < 0.6 else "ph-bank-2", "bank", cc="PH", rng=rng)
        dests.append([bank, wal] if rng.random() < 0.5 else [bank])
    cl = w.add_people(
        n_clients,
        "freelance_client",
        _cc(rng, {"US": 0.5, "AU": 0.2, "GB": 0.1, "CA": 0.1, "NZ": 0.05, "SG": 0.05}, n_clients),
        rng,
        age=(28, 65),
    )
    setup_customers(w, cl, rng, remit_p=0.35, payapp_p=0.2)
    fplat = {}
    for c in cl:
        c = int(c)
        j = int(rng.integers(0, n))
        f = int(fl[j])
        cur = _cur(w, c)
        tz = w.pe_tz[c]
        usd = rng.uniform(250, 1600)
        every = int(rng.choice([14, 30, 30]))
        d = int(rng.integers(0, every))
        while d < w.D:
            t = int(w.utc(d, w.hour1(rng, "office"), tz))
            amt = float(w.local_amount(usd * rng.uniform(0.9, 1.1), cur, d))
            ref = C.fill(C.pick(rng, C.REF_FREELANCE), rng, _month(w, t)) if rng.random() < 0.85 else ""
            _send(w, rng, c, dests[j][int(rng.integers(0, len(dests[j])))], t, amt, cur, ref, 0.4)
            d += every + int(rng.integers(-1, 2))
        if rng.random() < 0.5:
            if f not in fplat:
                fplat[f] = w.add_platform_account(f, rng)
                w.host_ip[fplat[f]] = w.pe_ip[f]
            cp = _platform(w, c, rng, "client", pool=False)
            for _ in range(int(rng.poisson(w.D / 10))):
                d = int(rng.integers(0, w.D))
                t = int(w.utc(d, w.hour1(rng, "office"), tz))
                sid = w.session(
                    t,
                    t + int(rng.integers(10, 60)) * 60,
                    fplat[f],
                    [cp],
                    True,
                    hip=w.pe_ip[f],
                    vips=[w.pe_ip[c]],
                    hdev=w.pe_dev[f],
                    vdevs=[w.pe_dev[c]],
                    hcc="PH",
                    vccs=[w.pe_cc[c]],
                )
                if rng.random() < 0.4:
                    w.conversation(
                        t - 900,
                        "kislap-live",
                        cp,
                        fplat[f],
                        C.lines(rng, C.FREELANCE, _month(w, t)),
                        rng,
                        sid=sid,
                    )


# ---------------------------------------------------------------------------------------------------
# romance-scam victims and mules
# ---------------------------------------------------------------------------------------------------


def romance(w: World, n_v: int) -> None:
    rng = w.sub_rng("romance")
    n_m = max(3, int(round(n_v / rng.uniform(2, 5))))
    mcc = rng.choice(["PH", "GH", "NG"], size=n_m, p=[0.6, 0.2, 0.2])
    mules = w.add_people(n_m, "romance_mule", mcc, rng, age=(19, 45), male=0.6)
    macc, mplat = [], []
    for m, cc in zip(mules, mcc, strict=True):
        m = int(m)
        accts = []
        for _ in range(int(rng.integers(1, 4))):
            if cc == "PH":
                kind = str(rng.choice(["wallet", "pickup", "bank"], p=[0.5, 0.35, 0.15]))
                if kind == "wallet":
                    a = ph_wallet(
                        w,
                        m,
                        rng,
                        opened=w.T0 + int(rng.integers(-200, w.D - 30)) * DAY + int(rng.integers(0, DAY)),
                        rate=0.3,
                        phone=w.phone("PH"),
                    )
                elif kind == "pickup":
                    a = w.add_account(m, "ph-pawn-remit", "remittance", cc="PH", rng=rng)
                else:
                    a = w.add_account(m, "ph-bank-2", "bank", cc="PH", rng=rng)
                w.cashout_profile[a] = (0.95, 600, 6 * 3600, 0.95, list(w.atms) if kind == "bank" else [])
                w.watch.setdefault(a, [])
            else:
                a = w.add_account(m, f"{cc.lower()}-recv", "bank", cc=str(cc), rng=rng)
            accts.append(a)
        macc.append(accts)
        pl = w.add_platform_account(m, rng)
        w.host_ip[pl] = w.ip("vpn", 90_000 + m) if rng.random() < 0.5 else w.pe_ip[m]
        mplat.append(pl)
    vic = w.add_people(
        n_v,
        "romance_victim",
        _cc(
            rng,
            {
                "US": 0.45,
                "GB": 0.12,
                "AU": 0.12,
                "CA": 0.1,
                "DE": 0.06,
                "JP": 0.05,
                "NO": 0.03,
                "SE": 0.03,
                "NZ": 0.04,
            },
            n_v,
        ),
        rng,
        male=0.55,
        age=(45, 79),
    )
    setup_customers(w, vic, rng, remit_p=0.6, payapp_p=0.1)
    for v in vic:
        v = int(v)
        cur = _cur(w, v)
        tz = w.pe_tz[v]
        ms = list({int(x) for x in rng.integers(0, n_m, int(rng.integers(1, 4)))})
        d = int(rng.integers(0, w.D - 20))
        usd = rng.uniform(150, 600)
        vp = _platform(w, v, rng, "romance", pool=False)
        for _ in range(int(rng.integers(4, 16))):
            if d >= w.D:
                break
            m = ms[int(rng.integers(0, len(ms)))]
            t = int(w.utc(d, w.hour1(rng, "day"), tz))
            live = [a for a in macc[m] if w.ac_open[a] < t]
            if not live:
                live = [min(macc[m], key=lambda a: w.ac_open[a])]
                t = max(t, w.ac_open[live[0]] + int(rng.integers(3600, 2 * DAY)))
            rcv = live[int(rng.integers(0, len(live)))]
            amt = float(w.local_amount(usd, cur, d, "round" if rng.random() < 0.6 else "cents"))
            _send(w, rng, v, rcv, t, amt, cur, C.pick(rng, C.REF_ROMANCE) if rng.random() < 0.7 else "", 0.8)
            if rng.random() < 0.6:
                w.conversation(
                    t - int(rng.integers(3600, DAY)),
                    "kislap-live",
                    vp,
                    mplat[m],
                    C.lines(rng, C.COUPLE),
                    rng,
                    gap=(60, 900),
                )
            if rng.random() < 0.2:
                w.session(
                    t - DAY,
                    t - DAY + int(rng.integers(3, 20)) * 60,
                    mplat[m],
                    [vp],
                    True,
                    hip=w.host_ip[mplat[m]],
                    vips=[w.pe_ip[v]],
                    hdev=w.ac_dev[mplat[m]],
                    vdevs=[w.pe_dev[v]],
                    hcc="",
                    vccs=[w.pe_cc[v]],
                )
            d += int(rng.integers(2, 21))
            usd = min(5000.0, usd * rng.uniform(1.0, 1.6))


# ---------------------------------------------------------------------------------------------------
# charities and sponsors
# ---------------------------------------------------------------------------------------------------


def charity(w: World, n_sp: int) -> None:
    rng = w.sub_rng("charity")
    names = [
        "Bahay Pag-asa Children's Foundation",
        "Little Lights Sponsorship PH",
        "Tulay Kids Mission",
        "Bright Futures Child Aid",
        "Kanlungan Learning Center",
    ]
    k = int(rng.integers(2, 6))
    orgs = w.add_people(k, "charity", "PH", rng, kind="organization", org_names=names[:k])
    oacc = [
        w.add_account(int(o), "ph-bank-1" if rng.random() < 0.7 else "ph-bank-2", "bank", cc="PH", rng=rng)
        for o in orgs
    ]
    ow = rng.dirichlet(np.ones(k))
    sp = w.add_people(n_sp, "charity_sponsor", _cc(rng, _base_weights(), n_sp), rng, age=(25, 80))
    setup_customers(w, sp, rng, remit_p=0.1, payapp_p=0.05)
    for s in sp:
        s = int(s)
        o = int(rng.choice(k, p=ow))
        cur = _cur(w, s)
        k2 = cust_of(w, s)
        usd = float(rng.choice([25, 30, 35, 40, 50]))
        dom = int(rng.integers(1, 28))
        ref = C.fill(C.pick(rng, C.REF_CHARITY), rng, "").strip()
        standing = rng.random() < 0.6
        for mo in range(w.D // 30 + 1):
            d = mo * 30 + dom
            if d >= w.D:
                break
            # standing orders run in the bank's night batch
            h = float(rng.uniform(1, 5)) if standing else w.hour1(rng, "day")
            t = int(w.utc(d, h, w.pe_tz[s]))
            amt = float(w.local_amount(usd, cur, d, "round"))
            r = C.fill(C.pick(rng, C.REF_CHARITY), rng, _month(w, t)) if not standing else ref
            w.tx(t, amt, cur, w.cust.bank[k2], oacc[o], "bank_transfer", r)
    # the charities pay their staff and suppliers
    for a in oacc:
        for d in range(10, w.D, 15):
            for _ in range(int(rng.integers(2, 8))):
                dest = w.ph_pool_wallet[int(rng.integers(0, len(w.ph_pool_wallet)))]
                w.tx(
                    int(w.utc(d, float(rng.uniform(9, 16)), 480)),
                    float(round(rng.uniform(8000, 25000), 2)),
                    P.CUR_IDX["PHP"],
                    a,
                    dest,
                    "bank_transfer",
                    "payroll",
                )


# ---------------------------------------------------------------------------------------------------
# travellers, streamers
# ---------------------------------------------------------------------------------------------------


def travellers(w: World, n: int) -> None:
    rng = w.sub_rng("travellers")
    tr = w.add_people(n, "traveller", _cc(rng, _base_weights(), n), rng, age=(25, 75), male=0.6)
    setup_customers(w, tr, rng, remit_p=0.1, payapp_p=0.1)
    for pp in tr:
        pp = int(pp)
        k = cust_of(w, pp)
        card = w.cust.card[k]
        cur = _cur(w, pp)
        tz = w.pe_tz[pp]
        d0 = int(rng.integers(10, max(11, w.D - 20)))
        stay = int(rng.integers(4, 25))
        acct, mcc, nm = w.glob["air"][int(rng.integers(0, len(w.glob["air"])))]
        buy = max(0, d0 - int(rng.integers(7, 90)))
        w.tx(
            int(w.utc(buy, w.hour1(rng, "day"), tz)),
            float(w.local_amount(rng.uniform(600, 2000), cur, buy)),
            cur,
            card,
            acct,
            "card",
            mcc=mcc,
            mname=w.mnames[nm],
        )
        hacct, hmcc, hnm = w.glob["hotel"][int(rng.integers(0, len(w.glob["hotel"])))]
        de = min(w.D - 1, d0 + stay)
        w.tx(
            int(w.utc(de, 10.0, 480)),
            float(w.local_amount(rng.uniform(50, 250) * stay, cur, de)),
            cur,
            card,
            hacct,
            "card",
            mcc=hmcc,
            mname=w.mnames[hnm],
        )
        for _ in range(int(rng.integers(1, 2 + stay // 3))):
            d = min(w.D - 1, d0 + int(rng.integers(0, stay)))
            php = float(rng.choice([3000, 5000, 10000, 10000, 20000]))
            w.tx(
                int(w.utc(d, float(rng.uniform(8, 23)), 480)),
                float(w.local_amount(php * w.fx[P.CUR_IDX["PHP"], d] * 1.02, cur, d)),
                cur,
                card,
                w.atms[int(rng.integers(0, len(w.atms)))],
                "card",
                mcc=6011,
                mname="ATM PH WITHDRAWAL",
            )
        if rng.random() < 0.3:  # a guide or a friend met on the trip
            friend = int(w.ph_ordinary[int(rng.integers(0, len(w.ph_ordinary)))])
            for _ in range(int(rng.integers(1, 3))):
                d = int(rng.integers(min(w.D - 1, d0 + stay), w.D)) if d0 + stay < w.D - 1 else w.D - 1
                t = int(w.utc(d, w.hour1(rng, "day"), tz))
                _send(
                    w,
                    rng,
                    pp,
                    w.ph_wallet_of[friend],
                    t,
                    float(w.local_amount(rng.uniform(30, 200), cur, d, "round")),
                    cur,
                    C.pick(rng, ["thanks", "gift", "", "for the tour"]),
                )
        if rng.random() < 0.15:
            acct, mcc, nm = w.glob["dating"][0]
            d = int(rng.integers(0, w.D))
            w.tx(
                int(w.utc(d, 22.0, tz)),
                float(w.local_amount(29.99, cur, d)),
                cur,
                card,
                acct,
                "card",
                mcc=mcc,
                mname=w.mnames[nm],
            )


def streamers(w: World) -> None:
    rng = w.sub_rng("streamers")
    n = max(3, int(round(w.customers * w.p.frac["streamer"])))
    ccs = rng.choice(["PH", "US", "GB", "AU", "CA", "JP"], size=n, p=[0.5, 0.2, 0.1, 0.08, 0.07, 0.05])
    st = w.add_people(n, "streamer", ccs, rng, age=(17, 40), male=0.6)
    hosts = []
    for s, cc in zip(st, ccs, strict=True):
        s = int(s)
        pl = w.add_platform_account(s, rng)
        w.host_ip[pl] = w.pe_ip[s]
        if cc == "PH":
            w.payout_dest[pl] = ph_wallet(w, s, rng)
        else:
            setup_customers(w, [s], rng, remit_p=0.0, salary=0.3)
            w.payout_dest[pl] = w.cust.bank[cust_of(w, s)]
        hosts.append((pl, str(cc)))
    w.streamer_hosts = hosts


def streams(w: World) -> None:
    """Public streams, watched by the general viewer pool (after every cohort has made its viewers)."""
    rng = w.sub_rng("streams")
    pool = [v for v, _k in w.platform_viewers]
    if not pool:
        return
    pw = rng.pareto(1.5, len(pool)) + 0.1
    pw /= pw.sum()
    for pl, cc in w.streamer_hosts:
        pop = rng.uniform(3, 60)
        tzh = P.DEMAND_COUNTRIES[cc][2][0] if cc in P.DEMAND_COUNTRIES else 480
        for _ in range(int(rng.poisson(rng.uniform(1, 5) * w.D / 7))):
            d = int(rng.integers(0, w.D))
            t = int(w.utc(d, float(rng.uniform(15, 25)) % 24, tzh))
            k = max(1, int(rng.poisson(pop)))
            vs = list({pool[int(x)] for x in rng.choice(len(pool), size=k, p=pw)})
            vs = [v for v in vs if w.viewer_closed.get(v, w.T1 + 1) > t]
            sid = w.public_session(rng, pl, vs, t, int(rng.integers(30, 240)) * 60, hcc=cc, tip_p=0.04)
            if w.chat and vs and rng.random() < 0.5:
                for v in vs[: int(rng.integers(1, 5))]:
                    w.msg(t + int(rng.integers(60, 3600)), "kislap-live", v, pl, C.pick(rng, C.STREAM), sid)
