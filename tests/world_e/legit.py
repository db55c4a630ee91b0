"""Legitimate population of world E: organisations, everyday users and the look-alike cohorts."""

from __future__ import annotations

from typing import Any

import numpy as np

from . import names as N
from . import rails as R
from .core import DAY, World, nice_round

WESTERN = ["US", "GB", "AU", "CA", "DE", "SE", "NO", "NL", "CH", "DK", "NZ", "IE", "FR", "IT"]
CITY_IDX = {c[0]: k for k, c in enumerate(N.PH_CITIES)}


def _count(w: World, cohort: str, minimum: int = 1) -> int:
    return max(minimum, int(round(w.P.cohort_shares[cohort] * w.N)))


def _choice(w: World, pool: list[Any] | np.ndarray, n: int) -> np.ndarray:
    arr = np.empty(len(pool), dtype=object)
    arr[:] = list(pool)
    return arr[w.rng.integers(0, len(arr), n)]


def _lognormal(w: World, median: float, sigma: float, n: int) -> np.ndarray:
    return median * np.exp(sigma * w.rng.standard_normal(n))


def _opened_day(w: World, early: float = 0.7) -> int:
    """Day (relative to world start) an account was opened; most exist before the window."""
    if w.rng.random() < early:
        return -int(w.rng.integers(1, 900))
    return int(w.rng.integers(0, max(1, w.ndays - 30)))


def _ts_of_day(w: World, day: int) -> int:
    return w.epoch0 + day * DAY + int(w.rng.integers(0, DAY))


def add_everyday(w: World, i: int, acct: str, rate: float, open_day: int = -1) -> None:
    w.st.setdefault("everyday", []).append((i, acct, rate, max(0, open_day)))


def add_card_base(w: World, i: int, app: str, cards: list[str], rate: float, open_day: int = -1) -> None:
    w.st.setdefault("card_base", []).append((i, app, cards, rate, max(0, open_day)))


def ph_wallet_user(
    w: World,
    cohort: str,
    rate: float,
    age: tuple[int, int] = (18, 65),
    gender: str | None = None,
    everyday: bool = True,
    **kw: Any,
) -> tuple[int, str]:
    i = w.add_person(cohort, "PH", gender=gender, age=age, **kw)
    od = _opened_day(w)
    acct = w.wallet(i, opened=_ts_of_day(w, od))
    if everyday:
        add_everyday(w, i, acct, rate * float(np.exp(0.6 * w.rng.standard_normal())), od)
    # duplicate registration (data-quality noise): same person, second KYC record and wallet
    if w.rng.random() < w.P.dup_party_rate:
        od2 = max(od, 0) + int(w.rng.integers(0, 200))
        ph = w.phone("PH")
        a2 = w.wallet(i, opened=_ts_of_day(w, od2), phone=ph)
        add_everyday(w, i, a2, 0.4, od2)
        w.p["traits"][i].add("duplicate_kyc")
    w.st.setdefault("wallet_of", {})[i] = acct
    return i, acct


def foreign_card_user(
    w: World,
    cohort: str,
    country: str,
    rate: float,
    age: tuple[int, int] = (22, 70),
    gender: str | None = None,
    group: str | None = None,
    n_cards: int | None = None,
    base: bool = True,
) -> tuple[int, str, list[str]]:
    i = w.add_person(cohort, country, gender=gender, age=age, group=group)
    od = _opened_day(w, 0.6)
    nc = n_cards if n_cards is not None else int(w.rng.choice([1, 1, 1, 2, 2, 3]))
    app, cards = w.card_user(i, nc, opened=_ts_of_day(w, od))
    if base:
        add_card_base(w, i, app, cards, rate * float(np.exp(0.6 * w.rng.standard_normal())), od)
    w.st.setdefault("card_of", {})[i] = (app, cards)
    return i, app, cards


def platform_of(w: World, i: int, display: str | None = None) -> str:
    po = w.st.setdefault("plat", {})
    if i not in po:
        po[i] = w.platform_user(i, display=display)
    return str(po[i])


# ====================================================================== organisations
def setup_orgs(w: World) -> None:
    r = w.rng
    sw, sc, sp = w.P.src_wallet, w.P.src_card, w.P.src_platform

    def org(name: str, source: str, country: str = "PH", cohort: str = "organization") -> str:
        i = w.add_person(cohort, country, gender="x", age=(5, 60))
        w.p["first"][i], w.p["last"][i] = name, ""
        party = w.add_party(source, i, kind="organization", name=name, fields="kyc")
        kind = "merchant"
        return w.add_account(source, kind, i, party, country)

    o = w.org
    o["billers"] = [(org(n, sw), n, m) for n, m in N.WALLET_BILLERS]
    o["shops"] = [(org(n, sw), n, m) for n, m in N.WALLET_SHOPS]
    o["telco"] = [(org(n, sw), n, m) for n, m in N.WALLET_TELCO]
    o["games"] = [(org(n, sw), n, m) for n, m in N.WALLET_GAMES]
    o["couriers"] = [(org(n, sw), n, m) for n, m in N.COURIERS]
    schools = []
    for city, _wt in N.PH_CITIES:
        for _ in range(1 if r.random() < 0.7 else 2):
            nm = f"{city.split(' ')[0]} {N.SCHOOL_WORDS[int(r.integers(len(N.SCHOOL_WORDS)))]}"
            schools.append((org(nm, sw), nm, "8220", CITY_IDX[city]))
    o["schools"] = schools
    cm: dict[str, list[tuple[str, str, str, str]]] = {}
    for n, mcc, ctry, tag in N.CARD_MERCHANTS:
        a = org(n, sc, ctry or "US")
        cm.setdefault(tag, []).append((a, n, mcc, ctry))
    o["card"] = cm
    pname = w.P.src_platform.capitalize()
    o["platform_payout"] = org(f"{pname} Payouts", sp, "SG")
    o["tokens"] = (org(f"{pname} Coins", sc, "SG"), f"{pname} Coins", "5815", "SG")


# ====================================================================== create
def create_legit(w: World) -> None:
    setup_orgs(w)
    _create_agents(w)
    _create_ordinary(w)
    _create_family(w)
    _create_sellers(w)
    _create_adult(w)
    _create_freelance(w)
    _create_romance(w)
    _create_charity(w)
    _create_gamers(w)
    _create_students(w)
    _create_travellers(w)


def _create_agents(w: World) -> None:
    n = _count(w, "merchant", 3)
    by_city: dict[int, list[str]] = {}
    allag = []
    w_city = np.array([c[1] for c in N.PH_CITIES], dtype=float)
    for k in range(n):
        city = (
            N.PH_CITIES[k % len(N.PH_CITIES)][0]
            if k < len(N.PH_CITIES)
            else N.PH_CITIES[int(w.rng.choice(len(w_city), p=w_city / w_city.sum()))][0]
        )
        i, acct = ph_wallet_user(w, "merchant", 2.0, (28, 66), city=city)
        party = w.acct_party[acct]
        ag = w.add_account(w.P.src_wallet, "merchant", i, party, "PH", opened=_ts_of_day(w, _opened_day(w)))
        store = (
            f"{w.p['first'][i].split(' ')[0]}'s Sari-Sari Store"
            if w.rng.random() < 0.6
            else f"{w.p['last'][i]} Store & Padala Center"
        )
        w.st.setdefault("agent_name", {})[ag] = store
        w.st.setdefault("agent_owner", {})[ag] = i
        by_city.setdefault(CITY_IDX[city], []).append(ag)
        allag.append(ag)
        w.p["traits"][i].add("cash_agent")
    w.st["agents_by_city"] = {k: np.array(v, dtype=object) for k, v in by_city.items()}
    w.st["agents_all"] = np.array(allag, dtype=object)


def _create_ordinary(w: World) -> None:
    for _ in range(_count(w, "ordinary_ph")):
        ph_wallet_user(w, "ordinary", 3.0)
    n_ab = _count(w, "ordinary_abroad")
    for _ in range(n_ab):
        c = w.pick(w.P.card_countries)
        i, app, cards = foreign_card_user(w, "ordinary", c, 4.0)
        if w.rng.random() < 0.03:
            w.st.setdefault("ph_gifters", []).append(i)


def _new_remitter(w: World, members: list[int], spouse: bool, last: str) -> int:
    r = w.rng
    if spouse:
        c = str(r.choice(WESTERN))
        i = w.add_person("diaspora_remitter", c, gender="m", age=(35, 72))
        w.p["traits"][i].add("foreign_spouse")
        rate = float(_lognormal(w, 3.0, 0.5, 1)[0])
        med = float(_lognormal(w, 110, 0.45, 1)[0])
    else:
        c = w.pick(w.P.ofw_countries)
        i = w.add_person(
            "diaspora_remitter",
            c,
            gender="f" if r.random() < 0.55 else "m",
            age=(24, 58),
            group="ph",
            last=last if r.random() < 0.7 else None,
        )
        rate = float(_lognormal(w, 1.5, 0.5, 1)[0])
        med = float(_lognormal(w, 170, 0.5, 1)[0])
    inbound = r.random() < w.P.inbound_diaspora_share
    rec: dict[str, Any] = {
        "i": i,
        "members": members,
        "rate": rate,
        "med": med,
        "spouse": spouse,
        "inbound": inbound,
    }
    if inbound:
        k = int(r.integers(len(R.PARTNERS)))
        rec["ext"] = [w.ext_account(R.PARTNERS[k][1], i)]
        rec["partner"] = [R.PARTNERS[k][0]]
        if r.random() < 0.15:
            k2 = int(r.integers(len(R.PARTNERS)))
            rec["ext"].append(w.ext_account(R.PARTNERS[k2][1], i))
            rec["partner"].append(R.PARTNERS[k2][0])
    else:
        od = _opened_day(w, 0.6)
        app, cards = w.card_user(i, int(r.choice([1, 1, 2])), opened=_ts_of_day(w, od))
        rec["app"], rec["cards"] = app, cards
        add_card_base(w, i, app, cards, 0.8, od)
    if r.random() < (0.6 if spouse else 0.35):
        rec["plat"] = platform_of(w, i)
    w.st.setdefault("remitters", []).append(rec)
    return i


def _create_family(w: World) -> None:
    r = w.rng
    n = _count(w, "family_recipient")
    households = []
    made = 0
    while made < n:
        size = int(r.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))
        last = N.PH_LAST[int(r.integers(len(N.PH_LAST)))]
        i0, a0 = ph_wallet_user(
            w, "family_recipient", 2.5, (25, 70), gender="f" if r.random() < 0.8 else "m", last=last
        )
        mem = [i0]
        for _ in range(size - 1):
            i, a = ph_wallet_user(
                w,
                "family_recipient",
                2.0,
                (17, 75),
                last=last if r.random() < 0.8 else None,
                city=w.p["city"][i0],
            )
            w.p["address"][i] = w.p["address"][i0]
            if r.random() < 0.15:
                w.p["phone"][i] = w.p["phone"][i0]
            mem.append(i)
        households.append((mem, last))
        made += size
    w.st["family_households"] = households
    n_rem = _count(w, "diaspora_remitter")
    order = r.permutation(len(households))
    wts = np.minimum(np.exp(0.5 * r.standard_normal(len(households))), 3.0)
    for k in range(n_rem):
        h = int(order[k]) if k < len(households) else int(r.choice(len(households), p=wts / wts.sum()))
        mem, last = households[h]
        spouse = r.random() < w.P.foreign_spouse_share
        _new_remitter(w, list(mem), spouse, last)
        # extended family: in-laws, parents or siblings living in another household
        rec = w.st["remitters"][-1]
        p_extra = 0.5 if spouse else 0.22
        while r.random() < p_extra and len(rec["members"]) < 8:
            rec["members"].append(households[int(r.integers(len(households)))][0][0])
            p_extra *= 0.6


def _create_sellers(w: World) -> None:
    r = w.rng
    sellers = []
    for _ in range(_count(w, "online_seller")):
        i, a = ph_wallet_user(w, "online_seller", 3.0, (20, 55), gender="f" if r.random() < 0.65 else "m")
        live = r.random() < 0.4
        host = platform_of(w, i) if live else ""
        if live:
            w.st.setdefault("payout_wallet", {})[host] = a
        sellers.append({"i": i, "acct": a, "host": host, "pop": float(np.exp(r.standard_normal()))})
    w.st["sellers"] = sellers
    custs = []
    for _ in range(_count(w, "seller_customer")):
        c = w.pick(w.P.ofw_countries) if r.random() < 0.5 else w.pick(w.P.card_countries)
        grp = "ph" if r.random() < 0.6 else None
        i, app, cards = foreign_card_user(w, "seller_customer", c, 2.0, group=grp)
        plat = platform_of(w, i) if r.random() < 0.5 else ""
        custs.append({"i": i, "app": app, "cards": cards, "plat": plat})
    w.st["seller_customers"] = custs


def _create_adult(w: World) -> None:
    r = w.rng
    perf = []
    n = _count(w, "adult_performer", 2)
    k = 0
    while k < n:
        studio = r.random() < 0.3
        size = int(r.integers(2, 6)) if studio else 1
        ip = w.ip("PH")
        devs = [w.uid("dv-", 12, True) for _ in range(max(1, size // 2))]
        city = None
        addr = None
        for m in range(size):
            i, a = ph_wallet_user(
                w, "adult_performer", 2.5, (19, 33), gender="f" if r.random() < 0.8 else "m", city=city
            )
            if studio:
                w.p["traits"][i].add("studio")
                if m == 0:
                    city, addr = w.p["city"][i], w.p["address"][i]
                else:
                    w.p["address"][i] = addr or w.p["address"][i]
                w.p["ip"][i] = ip
                w.p["device"][i] = devs[m % len(devs)]
            host = w.platform_user(i, display=w.p["first"][i] + ("" if r.random() < 0.5 else " ♡"))
            w.st.setdefault("plat", {})[i] = host
            w.st.setdefault("payout_wallet", {})[host] = a
            perf.append({"i": i, "acct": a, "host": host, "pop": float(np.exp(1.0 * r.standard_normal()))})
            k += 1
    w.st["performers"] = perf
    custs = []
    for _ in range(_count(w, "adult_customer")):
        c = w.pick(w.P.card_countries)
        i, app, cards = foreign_card_user(
            w, "adult_customer", c, 2.5, gender="m" if r.random() < 0.92 else "f", age=(24, 72)
        )
        plat = platform_of(w, i)
        custs.append({"i": i, "app": app, "cards": cards, "plat": plat, "vpn": r.random() < 0.12})
    w.st["adult_customers"] = custs


def _create_freelance(w: World) -> None:
    r = w.rng
    fl = []
    for _ in range(_count(w, "freelancer")):
        i, a = ph_wallet_user(w, "freelancer", 2.5, (21, 42))
        fl.append({"i": i, "acct": a, "bank": w.ext_account("PHB", i) if r.random() < 0.6 else ""})
    w.st["freelancers"] = fl
    cl = []
    cc = {"US": 0.55, "AU": 0.15, "GB": 0.1, "CA": 0.1, "SG": 0.04, "DE": 0.03, "NL": 0.03}
    for _ in range(_count(w, "freelance_client")):
        c = w.pick(cc)
        is_org = r.random() < 0.4
        inbound = r.random() < 0.5
        if inbound:
            i = w.add_person("freelance_client", c, age=(28, 65))
            k = int(r.integers(len(R.FREELANCE_PARTNERS)))
            rec: dict[str, Any] = {
                "i": i,
                "inbound": True,
                "ext": w.ext_account(R.FREELANCE_PARTNERS[k][1], i),
                "partner": R.FREELANCE_PARTNERS[k][0],
            }
        else:
            i, app, cards = foreign_card_user(
                w, "freelance_client", c, 1.0 if not is_org else 0.3, age=(28, 65)
            )
            rec = {"i": i, "inbound": False, "app": app, "cards": cards}
        if is_org:
            nm = f"{N.WEST_LAST[int(r.integers(len(N.WEST_LAST)))]} {['Marketing LLC', 'Digital Pty Ltd', 'Consulting Ltd', 'Realty Inc', 'Media Co'][int(r.integers(5))]}"
            w.p["first"][i], w.p["last"][i] = nm, ""
            w.p["cohort"][i] = "organization"
            w.p["traits"][i].add("freelance_client")
        rec["org"] = is_org
        cl.append(rec)
    w.st["clients"] = cl


def _create_romance(w: World) -> None:
    r = w.rng
    mules = []
    n_m = _count(w, "romance_mule", 2)
    handlers = []
    for k in range(n_m):
        i, a = ph_wallet_user(w, "romance_mule", 2.0, (19, 38))
        if k % 6 == 0:
            handlers.append(a)
            w.p["traits"][i].add("handler")
            continue
        a2 = ""
        if r.random() < 0.4:
            # second wallet registered under a relative's name
            rel = w.add_party(
                w.P.src_wallet,
                i,
                name=f"{N.PH_FIRST_F[int(r.integers(len(N.PH_FIRST_F)))]} {w.p['last'][i]}".upper(),
                birth=str(w.start - int(r.integers(40, 70) * 365)),
            )
            a2 = w.add_account(
                w.P.src_wallet, "ewallet", i, rel, "PH", opened=_ts_of_day(w, _opened_day(w, 0.3))
            )
        mules.append({"i": i, "accts": [a] + ([a2] if a2 else []), "handler": handlers[-1]})
    if not mules:
        i, a = ph_wallet_user(w, "romance_mule", 2.0, (19, 38))
        mules.append({"i": i, "accts": [a], "handler": handlers[-1]})
    w.st["mules"] = mules
    vics = []
    for _ in range(_count(w, "romance_victim", 2)):
        c = w.pick(w.P.card_countries)
        inbound = r.random() < 0.3
        if inbound:
            i = w.add_person("romance_victim", c, age=(45, 78))
            k = int(r.integers(len(R.PARTNERS)))
            rec: dict[str, Any] = {
                "i": i,
                "inbound": True,
                "ext": w.ext_account(R.PARTNERS[k][1], i),
                "partner": R.PARTNERS[k][0],
            }
        else:
            i, app, cards = foreign_card_user(w, "romance_victim", c, 1.5, age=(45, 78))
            rec = {"i": i, "inbound": False, "app": app, "cards": cards}
            if r.random() < 0.5:
                w.st.setdefault("daters", []).append(i)
        vics.append(rec)
    w.st["romance_victims"] = vics


def _create_charity(w: World) -> None:
    r = w.rng
    ch = []
    for k in range(max(2, int(round(w.N / 2500)))):
        nm = f"{['Bahay', 'Kalinga', 'Pag-asa', 'Tahanan', 'Bayanihan', 'Liwanag'][k % 6]} {['Foundation', 'Children Center', 'Outreach Inc', 'Mission'][int(r.integers(4))]}"
        i = w.add_person("charity", "PH", gender="x", age=(5, 40))
        w.p["first"][i], w.p["last"][i] = nm, ""
        party = w.add_party(w.P.src_wallet, i, kind="organization", name=nm)
        a = w.add_account(w.P.src_wallet, "merchant", i, party, "PH")
        ch.append({"i": i, "acct": a})
    w.st["charities"] = ch
    sp = []
    for _ in range(_count(w, "charity_sponsor")):
        c = w.pick(w.P.card_countries)
        i, app, cards = foreign_card_user(w, "charity_sponsor", c, 1.5, age=(30, 80))
        sp.append({"i": i, "app": app, "cards": cards})
    w.st["sponsors"] = sp


def _create_gamers(w: World) -> None:
    r = w.rng
    gph, gab = [], []
    for _ in range(_count(w, "gamer")):
        if r.random() < 0.6:
            i, a = ph_wallet_user(w, "gamer", 3.0, (15, 35), gender="m" if r.random() < 0.75 else "f")
            gph.append({"i": i, "acct": a, "plat": platform_of(w, i) if r.random() < 0.6 else ""})
        else:
            c = w.pick(w.P.card_countries)
            i, app, cards = foreign_card_user(
                w, "gamer", c, 2.5, age=(16, 40), gender="m" if r.random() < 0.8 else "f"
            )
            gab.append(
                {"i": i, "app": app, "cards": cards, "plat": platform_of(w, i) if r.random() < 0.7 else ""}
            )
    w.st["gamers_ph"], w.st["gamers_ab"] = gph, gab
    st = []
    for _ in range(_count(w, "streamer")):
        i, a = ph_wallet_user(w, "streamer", 2.5, (17, 32), gender="m" if r.random() < 0.7 else "f")
        host = platform_of(w, i)
        w.st.setdefault("payout_wallet", {})[host] = a
        st.append({"i": i, "acct": a, "host": host})
    w.st["streamers"] = st


def _create_students(w: World) -> None:
    st = []
    for _ in range(_count(w, "student")):
        i, a = ph_wallet_user(w, "student", 2.0, (17, 24))
        st.append({"i": i, "acct": a})
    w.st["students"] = st


def _create_travellers(w: World) -> None:
    r = w.rng
    tr = []
    for _ in range(_count(w, "traveller")):
        c = w.pick(w.P.card_countries)
        i, app, cards = foreign_card_user(w, "traveller", c, 2.5, age=(22, 72))
        tr.append({"i": i, "app": app, "cards": cards, "trips": int(r.choice([1, 1, 2, 3]))})
    w.st["travellers"] = tr


# ====================================================================== activity helpers
def events(w: World, rate: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    lo = np.maximum(np.asarray(lo), 0)
    hi = np.minimum(np.asarray(hi), w.ndays)
    months = np.maximum(hi - lo, 1) / 30.44
    cnt = w.rng.poisson(np.asarray(rate) * months * w.P.activity_scale)
    own = np.repeat(np.arange(len(rate)), cnt)
    day = R.days_between(w, len(own), lo[own], hi[own])
    return own, day


def agent_for(w: World, person: np.ndarray) -> np.ndarray:
    cities = (
        np.array([CITY_IDX.get(w.p["city"][int(i)], 0) for i in person], dtype=np.int64)
        if len(person)
        else np.zeros(0, np.int64)
    )
    out = np.empty(len(person), dtype=object)
    allag = w.st["agents_all"]
    out[:] = allag[w.rng.integers(0, len(allag), len(person))]
    for c, ags in w.st["agents_by_city"].items():
        m = cities == c
        k = int(m.sum())
        if k:
            local = w.rng.random(k) < 0.9
            pick = ags[w.rng.integers(0, len(ags), k)]
            out[m] = np.where(local, pick, out[m])
    return out


def cash_out_after(
    w: World,
    ts: np.ndarray,
    person: np.ndarray,
    acct: np.ndarray,
    php: np.ndarray,
    prob: float,
    med_hours: float = 8.0,
    kind: int = 0,
) -> None:
    m = w.rng.random(len(ts)) < prob
    if not m.any():
        return
    ts, person, acct, php = ts[m], person[m], acct[m], php[m]
    delay = (_lognormal(w, med_hours, 1.0, len(ts)) * 3600).astype(np.int64) + 600
    amt = np.floor(php * w.rng.uniform(0.5, 1.0, len(ts)) / 100) * 100
    ok = amt >= 100
    t2 = ts + delay
    ok &= R.clip_window(w, t2)
    ag = agent_for(w, person[ok])
    R.wallet_tx(w, t2[ok], acct[ok], ag, amt[ok], "cash_out", channel="cash_pickup", kind=kind)


def _ref(w: World, pool: list[str], n: int, blank: float) -> np.ndarray:
    ref = _choice(w, pool, n)
    return np.where(w.rng.random(n) < blank, "", ref)


# ====================================================================== activity
def activity_legit(w: World) -> None:
    _act_family(w)
    _act_sellers(w)
    _act_adult(w)
    _act_freelance(w)
    _act_romance(w)
    _act_charity(w)
    _act_gamers(w)
    _act_students(w)
    _act_travellers(w)
    _act_gifters(w)
    _act_agents(w)


def act_everyday(w: World) -> None:
    ev = w.st["everyday"]
    person = np.array([e[0] for e in ev], dtype=np.int64)
    acct = np.array([e[1] for e in ev], dtype=object)
    rate = np.array([e[2] for e in ev], dtype=float)
    od = np.array([e[3] for e in ev], dtype=np.int64)
    own, day = events(w, rate, od, np.full(len(ev), w.ndays))
    n = len(own)
    p = person[own]
    secs = w.mixed_secs(n, 0.65, "ph_day", "evening")
    ts = w.local_to_utc(day, secs, p)
    typ = w.rng.choice(7, n, p=[0.19, 0.1, 0.2, 0.18, 0.1, 0.15, 0.08])
    a = acct[own]
    r = w.rng
    # 0 cash-in
    m = typ == 0
    amt = nice_round(r, _lognormal(w, 1000, 0.7, int(m.sum())), 0.85)
    R.wallet_tx(w, ts[m], agent_for(w, p[m]), a[m], np.maximum(amt, 100), "cash_in", channel="ewallet")
    # 1 cash-out
    m = typ == 1
    amt = np.maximum(np.round(_lognormal(w, 1500, 0.7, int(m.sum())), -2), 100)
    R.wallet_tx(w, ts[m], a[m], agent_for(w, p[m]), amt, "cash_out", channel="cash_pickup")
    # 2 p2p to a contact (neighbours in city-sorted order)
    m = typ == 2
    cities = np.array([CITY_IDX.get(c, 0) for c in w.p["city"]], dtype=np.int64)[person]
    order = np.argsort(cities, kind="stable")
    pos = np.empty(len(order), dtype=np.int64)
    pos[order] = np.arange(len(order))
    k = int(m.sum())
    off = r.integers(1, 25, k) * np.where(r.random(k) < 0.5, -1, 1)
    cp = np.clip(pos[own[m]] + off, 0, len(order) - 1)
    rcv = acct[order[cp]]
    same = rcv == a[m]
    rcv = np.where(same, acct[order[np.clip(cp + 1, 0, len(order) - 1)]], rcv)
    amt = nice_round(r, _lognormal(w, 500, 0.9, k), 0.6)
    refs = _ref(
        w, ["bayad", "utang", "pamasahe", "share", "salamat", "load", "food", "ambag", "rent", "baon"], k, 0.6
    )
    R.wallet_tx(w, ts[m], a[m], rcv, amt, "p2p", ref=refs)
    # 3 load
    m = typ == 3
    k = int(m.sum())
    tel = w.org["telco"]
    t = r.integers(0, len(tel), k)
    amt = r.choice([15, 20, 30, 50, 50, 99, 100, 100, 149, 299, 300, 500], k).astype(float)
    R.wallet_tx(
        w,
        ts[m],
        a[m],
        np.array([x[0] for x in tel], dtype=object)[t],
        amt,
        "load",
        channel="ewallet",
        mcc="4814",
        mname=np.array([x[1] for x in tel], dtype=object)[t],
    )
    # 4 bills
    m = typ == 4
    k = int(m.sum())
    bl = w.org["billers"]
    t = r.integers(0, len(bl), k)
    R.wallet_tx(
        w,
        ts[m],
        a[m],
        np.array([x[0] for x in bl], dtype=object)[t],
        np.round(_lognormal(w, 1800, 0.6, k), 2),
        "bills",
        mcc=np.array([x[2] for x in bl], dtype=object)[t],
        mname=np.array([x[1] for x in bl], dtype=object)[t],
    )
    # 5 QR payment at a shop or at a sari-sari store
    m = typ == 5
    k = int(m.sum())
    sh = w.org["shops"]
    t = r.integers(0, len(sh), k)
    at_store = r.random(k) < 0.35
    ag = agent_for(w, p[m])
    rcv = np.where(at_store, ag, np.array([x[0] for x in sh], dtype=object)[t])
    names = np.where(
        at_store,
        np.array([w.st["agent_name"][x] for x in ag], dtype=object),
        np.array([x[1] for x in sh], dtype=object)[t],
    )
    mcc = np.where(at_store, "5411", np.array([x[2] for x in sh], dtype=object)[t])
    R.wallet_tx(w, ts[m], a[m], rcv, np.round(_lognormal(w, 250, 0.9, k), 2), "qr_pay", mcc=mcc, mname=names)
    # 6 online shopping
    m = typ == 6
    k = int(m.sum())
    R.wallet_tx(
        w,
        ts[m],
        a[m],
        sh[2][0],
        np.round(_lognormal(w, 650, 0.8, k), 2),
        "online_purchase",
        mcc=sh[2][2],
        mname=sh[2][1],
    )


def act_card_base(w: World) -> None:
    cb = w.st.get("card_base", [])
    if not cb:
        return
    r = w.rng
    person = np.array([e[0] for e in cb], dtype=np.int64)
    app = np.array([e[1] for e in cb], dtype=object)
    card0 = np.array([e[2][0] for e in cb], dtype=object)
    ncards = np.array([len(e[2]) for e in cb])
    card_any = np.array([e[2][int(r.integers(len(e[2])))] for e in cb], dtype=object)
    rate = np.array([e[3] for e in cb], dtype=float)
    od = np.array([e[4] for e in cb], dtype=np.int64)
    vpn_user = r.random(len(cb)) < 0.08
    dater = r.random(len(cb)) < 0.05
    dat = set(w.st.get("daters", []))
    for k, i in enumerate(person):
        if int(i) in dat:
            dater[k] = True
    w.st["vpn_users"] = set(person[vpn_user].tolist())
    own, day = events(w, rate, od, np.full(len(cb), w.ndays))
    n = len(own)
    p = person[own]
    secs = w.mixed_secs(n, 0.6, "day", "evening")
    ts = w.local_to_utc(day, secs, p)
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    card = np.where(ncards[own] > 1, np.where(r.random(n) < 0.6, card0[own], card_any[own]), card0[own])
    tags = [
        "grocery",
        "food",
        "fuel",
        "streaming",
        "games",
        "pharmacy",
        "electronics",
        "telecom",
        "shop",
        "cloud",
        "p2p",
    ]
    tw = np.array([0.27, 0.22, 0.1, 0.06, 0.04, 0.05, 0.02, 0.04, 0.06, 0.02, 0.12])
    tag = r.choice(len(tags), n, p=tw / tw.sum())
    med = {
        "grocery": 45,
        "food": 25,
        "fuel": 50,
        "streaming": 12,
        "games": 15,
        "pharmacy": 20,
        "electronics": 180,
        "telecom": 35,
        "shop": 40,
        "cloud": 5,
    }
    cm = w.org["card"]
    for t, tg in enumerate(tags):
        m = tag == t
        k = int(m.sum())
        if k == 0:
            continue
        if tg == "p2p":
            continue
        ms = cm[tg]
        j = r.integers(0, len(ms), k)
        usd = _lognormal(w, med[tg], 0.5, k)
        amt = w.usd_to_local(usd, cur[m], ts[m], 0.1 if tg not in ("streaming", "cloud") else 0.0)
        ctry = np.array([x[3] for x in ms], dtype=object)[j]
        rcc = np.where(ctry == "", w.country_arr[p[m]], ctry)
        R.card_purchase(
            w,
            ts[m],
            p[m],
            card[m],
            np.array([x[0] for x in ms], dtype=object)[j],
            amt,
            cur[m],
            np.array([x[2] for x in ms], dtype=object)[j],
            np.array([x[1] for x in ms], dtype=object)[j],
            rcc,
        )
    # peer transfers inside the app, mostly with people in the same country
    m = tag == len(tags) - 1
    k = int(m.sum())
    if k:
        ctry_all = w.country_arr[person]
        order = np.lexsort((r.random(len(person)), ctry_all.astype(str)))
        pos = np.empty(len(order), dtype=np.int64)
        pos[order] = np.arange(len(order))
        cp = np.clip(pos[own[m]] + r.integers(1, 15, k), 0, len(order) - 1)
        rcv = app[order[cp]]
        usd = _lognormal(w, 40, 0.8, k)
        amt = w.usd_to_local(usd, cur[m], ts[m], 0.7)
        R.card_p2p(
            w,
            ts[m],
            p[m],
            app[own[m]],
            card[m],
            rcv,
            amt,
            cur[m],
            w.country_arr[person[order[cp]]],
            _ref(w, ["rent", "dinner", "thanks", "tickets", "split", "gas", "birthday"], k, 0.4),
        )
    # subscriptions: VPN and dating sites, monthly, for some users
    for flag, tg, usd0 in ((vpn_user, "vpn", 9.99), (dater, "dating", 29.99)):
        idx = np.nonzero(flag)[0]
        _subscriptions(w, person[idx], card0[idx], od[idx], tg, usd0)


def _subscriptions(
    w: World, person: np.ndarray, card: np.ndarray, od: np.ndarray, tag: str, usd: float
) -> None:
    r = w.rng
    if len(person) == 0:
        return
    ms = w.org["card"][tag]
    months = r.integers(1, 14, len(person))
    start = np.maximum(od, 0) + r.integers(0, max(1, w.ndays - 30), len(person))
    own = np.repeat(np.arange(len(person)), months)
    k = np.arange(len(own)) - np.repeat(np.cumsum(months) - months, months)
    day = start[own] + 30 * k
    ok = day < w.ndays
    own, day = own[ok], day[ok]
    p = person[own]
    ts = w.local_to_utc(day, w.hours(len(own), "flat"), p)
    j = r.integers(0, len(ms), len(person))[own]
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    amt = w.usd_to_local(np.full(len(own), usd), cur, ts, 0.0)
    R.card_purchase(
        w,
        ts,
        p,
        card[own],
        np.array([x[0] for x in ms], dtype=object)[j],
        amt,
        cur,
        np.array([x[2] for x in ms], dtype=object)[j],
        np.array([x[1] for x in ms], dtype=object)[j],
        np.array([x[3] or "US" for x in ms], dtype=object)[j],
    )


def _act_family(w: World) -> None:
    r = w.rng
    rem = w.st.get("remitters", [])
    if not rem:
        return
    person = np.array([x["i"] for x in rem], dtype=np.int64)
    rate = np.array([x["rate"] for x in rem])
    med = np.array([x["med"] for x in rem])
    spouse = np.array([x["spouse"] for x in rem])
    lo = np.where(r.random(len(rem)) < 0.8, 0, r.integers(0, w.ndays, len(rem)))
    hi = np.where(r.random(len(rem)) < 0.85, w.ndays, lo + r.integers(60, w.ndays + 60, len(rem)))
    own, day = events(w, rate, lo, hi)
    n = len(own)
    # payday: half of the transfers land near the 15th or the month end
    snap = r.random(n) < 0.5
    dm = w.dom(day)
    shift = np.where(dm <= 22, dm - 15, dm - 30)
    day = np.clip(np.where(snap, day - shift + r.integers(0, 3, n), day), 0, w.ndays - 1)
    p = person[own]
    prof_w = np.where(spouse[own], 0.6, 0.45)
    secs = np.where(r.random(n) < 0.12, w.hours(n, "night"), w.mixed_secs(n, prof_w, "evening", "day"))
    ts = w.local_to_utc(day, secs, p)
    usd = med[own] * np.exp(0.35 * r.standard_normal(n))
    usd = np.where(r.random(n) < 0.15, usd * 0.2, usd)
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    # recipient: first member mostly
    memb = [x["members"] for x in rem]
    first = np.array([m[0] for m in memb], dtype=np.int64)
    rnd = np.array([memb[int(o)][int(r.integers(len(memb[int(o)])))] for o in own], dtype=np.int64)
    rcv_p = np.where(r.random(n) < 0.6, first[own], rnd)
    wal = w.st["wallet_of"]
    rcv = np.array([wal[int(i)] for i in rcv_p], dtype=object)
    blank = np.where(spouse[own], 0.25, 0.4)
    pool_ref = _choice(w, N.REF_DIASPORA, n)
    ref = np.where(r.random(n) < blank, "", pool_ref)
    sname = np.array([w.full_name(int(i)) for i in p], dtype=object)
    inbound = np.array([x["inbound"] for x in rem])[own]
    php_round = r.random(len(rem)) < w.P.php_round_share
    php_all = np.zeros(n)
    # external partners (sender side not in the bundle)
    m = inbound
    if m.any():
        idx = np.nonzero(m)[0]
        ext = np.array(
            [rem[int(o)]["ext"][int(r.integers(len(rem[int(o)]["ext"])))] for o in own[idx]], dtype=object
        )
        partner = np.array(
            [
                dict(zip(rem[int(o)]["ext"], rem[int(o)]["partner"], strict=True))[e]
                for o, e in zip(own[idx], ext, strict=True)
            ],
            dtype=object,
        )
        amt = w.usd_to_local(usd[idx], cur[idx], ts[idx], 0.7)
        php = w.to_php(amt, cur[idx], ts[idx], 0.02)
        pr = php_round[own[idx]]
        php = np.where(pr, nice_round(r, php, 1.0), php)
        amt = np.where(pr, np.round(php * w.usd_per("PHP", ts[idx]) / w.usd_per(cur[idx], ts[idx]), 2), amt)
        R.inbound_ext(
            w,
            ts[idx],
            ext,
            rcv[idx],
            amt,
            cur[idx],
            w.country_arr[p[idx]],
            partner,
            ref[idx],
            sname[idx],
            php=php,
        )
        php_all[idx] = php
    m = ~inbound
    if m.any():
        idx = np.nonzero(m)[0]
        app = np.array([rem[int(o)]["app"] for o in own[idx]], dtype=object)
        card = np.array(
            [rem[int(o)]["cards"][int(r.integers(len(rem[int(o)]["cards"])))] for o in own[idx]], dtype=object
        )
        amt = w.usd_to_local(usd[idx], cur[idx], ts[idx], 0.75)
        php = w.to_php(amt, cur[idx], ts[idx], 0.012)
        R.card_to_wallet(
            w, ts[idx], p[idx], app, card, rcv[idx], amt, cur[idx], ref[idx], sname[idx], php=php
        )
        php_all[idx] = php
    cash_out_after(w, ts + 600, rcv_p, rcv, php_all, 0.55, 10.0)
    # video calls and chat between remitters and their families
    calls = [x for x in rem if x.get("plat")]
    if calls:
        caller = []
        fam = []
        for x in calls:
            caller.append(x["plat"])
            fam.append(platform_of(w, x["members"][0]))
        _video_calls(
            w,
            np.array([x["i"] for x in calls]),
            np.array([x["members"][0] for x in calls]),
            np.array(caller, dtype=object),
            np.array(fam, dtype=object),
            1.6,
            N.CHAT_FAMILY,
            N.CHAT_FAMILY,
        )
        # "padala sent, let's talk": some calls follow a transfer within a few hours
        has_plat = np.array([bool(x.get("plat")) for x in rem])[own]
        m = has_plat & (r.random(n) < 0.3)
        k = int(m.sum())
        if k:
            fam_acct = np.array([platform_of(w, x["members"][0]) for x in rem], dtype=object)[own[m]]
            rem_acct = np.array([x.get("plat", "") for x in rem], dtype=object)[own[m]]
            fp = np.array([x["members"][0] for x in rem], dtype=np.int64)[own[m]]
            ip = np.array(w.p["ip"], dtype=object)
            dev = np.array(w.p["device"], dtype=object)
            R.sessions(
                w,
                ts[m] + r.integers(5 * 60, 3 * 3600, k),
                (_lognormal(w, 15, 0.8, k) * 60).astype(np.int64) + 30,
                rem_acct,
                fam_acct,
                w.country_arr[p[m]],
                "PH",
                ip[p[m]],
                ip[fp],
                dev[p[m]],
                dev[fp],
                1,
            )


def _video_calls(
    w: World,
    pa: np.ndarray,
    pb: np.ndarray,
    aa: np.ndarray,
    ab: np.ndarray,
    rate: float,
    chat_a: list[str],
    chat_b: list[str],
    chat_share: float = 0.4,
    kind: int = 0,
) -> None:
    """One-to-one private calls (no payment) between pairs (pa: person, aa: platform account)."""
    r = w.rng
    n0 = len(pa)
    rates = rate * np.exp(0.5 * r.standard_normal(n0))
    own, day = events(w, rates, np.zeros(n0, np.int64), np.full(n0, w.ndays))
    n = len(own)
    secs = w.mixed_secs(n, 0.6, "evening", "day")
    ts = w.local_to_utc(day, secs, pb[own])  # evening where the family lives
    dur = (_lognormal(w, 18, 0.8, n) * 60).astype(np.int64) + 30
    a_hosts = r.random(n) < 0.6
    host = np.where(a_hosts, aa[own], ab[own])
    viewer = np.where(a_hosts, ab[own], aa[own])
    hp = np.where(a_hosts, pa[own], pb[own])
    vp = np.where(a_hosts, pb[own], pa[own])
    ip = np.array(w.p["ip"], dtype=object)
    dev = np.array(w.p["device"], dtype=object)
    sid = R.sessions(
        w,
        ts,
        dur,
        host,
        viewer,
        w.country_arr[hp],
        w.country_arr[vp],
        ip[hp],
        ip[vp],
        dev[hp],
        dev[vp],
        1,
        kind=kind,
    )
    chat_pair = r.random(n0) < chat_share
    m = chat_pair[own] & (r.random(n) < 0.5)
    if m.any():
        k = int(m.sum())
        R.conversation(
            w,
            ts[m] - r.integers(300, 7200, k),
            aa[own[m]],
            ab[own[m]],
            chat_a,
            chat_b,
            r.integers(2, 7, k),
            np.full(k, 5400),
            sid=np.where(r.random(k) < 0.3, sid[m], -1),
            kind=kind,
        )


def _act_sellers(w: World) -> None:
    r = w.rng
    sellers = w.st["sellers"]
    custs = w.st["seller_customers"]
    if not sellers or not custs:
        return
    pop = np.array([s["pop"] for s in sellers])
    nc = len(custs)
    cp = np.array([c["i"] for c in custs], dtype=np.int64)
    rate = _lognormal(w, 0.35, 0.6, nc)
    lo = r.integers(0, w.ndays // 2, nc)
    own, day = events(w, rate, lo, np.full(nc, w.ndays))
    n = len(own)
    fav = r.choice(len(sellers), (nc, 5), p=pop / pop.sum())
    sidx = fav[own, r.choice(5, n, p=[0.55, 0.2, 0.1, 0.1, 0.05])]
    p = cp[own]
    ts = w.local_to_utc(day, w.mixed_secs(n, 0.55, "evening", "day"), p)
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    php_price = np.round(_lognormal(w, 950, 0.7, n) / 50) * 50 + 50
    amt = np.round(php_price * w.usd_per("PHP", ts) / w.usd_per(cur, ts), 2)
    zd = np.isin(cur, list(N.ZERO_DECIMAL))
    amt = np.where(zd, np.round(amt), amt)
    ref = np.where(r.random(n) < 0.5, _choice(w, N.REF_SELLER, n), "")
    ref = np.where(
        ref == "ord#", np.array([f"ord#{x}" for x in r.integers(1000, 99999, n)], dtype=object), ref
    )
    sacct = np.array([s["acct"] for s in sellers], dtype=object)[sidx]
    app = np.array([c["app"] for c in custs], dtype=object)[own]
    card = np.array([c["cards"][0] for c in custs], dtype=object)[own]
    sname = np.array([w.full_name(int(i)) for i in p], dtype=object)
    php = np.where(r.random(n) < 0.5, php_price, w.to_php(amt, cur, ts, 0.012))
    R.card_to_wallet(w, ts, p, app, card, sacct, amt, cur, ref, sname, php=php)
    # domestic buyers: wallet p2p from ordinary PH users
    ev = w.st["everyday"]
    dom_n = int(n * 1.2)
    src = r.integers(0, len(ev), dom_n)
    dp = np.array([ev[int(k)][0] for k in src], dtype=np.int64)
    da = np.array([ev[int(k)][1] for k in src], dtype=object)
    dday = r.integers(0, w.ndays, dom_n)
    dts = w.local_to_utc(dday, w.mixed_secs(dom_n, 0.6, "evening", "ph_day"), dp)
    ds = r.choice(len(sellers), dom_n, p=pop / pop.sum())
    damt = np.round(_lognormal(w, 700, 0.7, dom_n) / 10) * 10
    R.wallet_tx(
        w,
        dts,
        da,
        np.array([s["acct"] for s in sellers], dtype=object)[ds],
        damt,
        "p2p",
        ref=_ref(w, N.REF_SELLER, dom_n, 0.5),
    )
    # sellers: cash-out and courier fees
    sp = np.array([s["i"] for s in sellers], dtype=np.int64)
    all_s = np.concatenate([sidx, ds])
    all_t = np.concatenate([ts, dts])
    all_amt = np.concatenate([php, damt])
    sacct_full = np.array([s["acct"] for s in sellers], dtype=object)[all_s]
    cash_out_after(w, all_t + 3600, sp[all_s], sacct_full, all_amt, 0.3, 30.0)
    m = r.random(len(all_s)) < 0.6
    k = int(m.sum())
    cour = w.org["couriers"]
    j = r.integers(0, len(cour), k)
    R.wallet_tx(
        w,
        all_t[m] + r.integers(3600, 3 * DAY, k),
        sacct_full[m],
        np.array([c[0] for c in cour], dtype=object)[j],
        np.round(_lognormal(w, 180, 0.5, k), 0),
        "bills",
        mcc="4215",
        mname=np.array([c[1] for c in cour], dtype=object)[j],
    )
    # live-selling sessions (public), viewers from customers with a platform account
    hosts = [s for s in sellers if s["host"]]
    viewers_pool = np.array(
        [c["plat"] for c in custs if c["plat"]] + [x["plat"] for x in w.st.get("gamers_ph", []) if x["plat"]],
        dtype=object,
    )
    vpers = np.array([w.acct_person[a] for a in viewers_pool], dtype=np.int64)
    if hosts and len(viewers_pool):
        _public_streams(w, hosts, viewers_pool, vpers, 0.7 / 7, (2, 12), 0.0, "evening")


def _public_streams(
    w: World,
    hosts: list[dict[str, Any]],
    vpool: np.ndarray,
    vpers: np.ndarray,
    per_day: float,
    nview: tuple[int, int],
    tip_share: float,
    prof: str,
) -> None:
    r = w.rng
    hp = np.array([h["i"] for h in hosts], dtype=np.int64)
    rate = per_day * 30.44 * np.exp(0.5 * r.standard_normal(len(hosts)))
    own, day = events(w, rate, np.zeros(len(hosts), np.int64), np.full(len(hosts), w.ndays))
    ns = len(own)
    if ns == 0:
        return
    ts = w.local_to_utc(day, w.hours(ns, prof), hp[own])
    dur = (r.uniform(40, 200, ns) * 60).astype(np.int64)
    sid = R.new_session_ids(w, ns)
    nv = r.integers(nview[0], nview[1] + 1, ns)
    # each host has a fan pool (a contiguous slice of a shuffled viewer list)
    perm = r.permutation(len(vpool))
    fan_start = r.integers(0, len(vpool), len(hosts))
    fan_size = np.minimum(r.integers(15, 200, len(hosts)), len(vpool))
    so = np.repeat(np.arange(ns), nv)
    hh = own[so]
    vi = perm[(fan_start[hh] + r.integers(0, 1 << 30, len(so)) % fan_size[hh]) % len(vpool)]
    tot = len(so)
    ip = np.array(w.p["ip"], dtype=object)
    dev = np.array(w.p["device"], dtype=object)
    host_acct = np.array([h["host"] for h in hosts], dtype=object)
    join = ts[so] + (r.random(tot) * dur[so] * 0.7).astype(np.int64)
    vdur = (r.random(tot) * (ts[so] + dur[so] - join)).astype(np.int64) + 60
    tip = r.random(tot) < tip_share
    paid = np.where(tip, nice_round(r, _lognormal(w, 4, 0.8, tot), 0.8), np.nan)
    hpp = hp[hh]
    vp = vpers[vi]
    R.sessions(
        w,
        join,
        vdur,
        host_acct[hh],
        vpool[vi],
        w.country_arr[hpp],
        w.country_arr[vp],
        ip[hpp],
        ip[vp],
        dev[hpp],
        dev[vp],
        0,
        paid,
        np.where(tip, "USD", ""),
        sid=sid[so],
    )
    if tip.any():
        _payout_log(w, host_acct[hh][tip], join[tip], paid[tip])


def _payout_log(w: World, host: np.ndarray, ts: np.ndarray, usd: np.ndarray) -> None:
    w.st.setdefault("paid_log", []).append((host, ts, usd))


def act_payouts(w: World) -> None:
    """Weekly platform payouts of in-session earnings to the host's wallet."""
    logs = w.st.get("paid_log", [])
    if not logs:
        return
    host = np.concatenate([x[0] for x in logs])
    ts = np.concatenate([x[1] for x in logs])
    usd = np.concatenate([x[2] for x in logs])
    pw = w.st.get("payout_wallet", {})
    has = np.array([h in pw for h in host], dtype=bool)
    host, ts, usd = host[has], ts[has], usd[has]
    if len(host) == 0:
        return
    week = (ts - w.epoch0) // (7 * DAY)
    key = np.array([f"{h}|{k}" for h, k in zip(host, week, strict=True)], dtype=object)
    uk, inv = np.unique(key, return_inverse=True)
    tot = np.bincount(inv, weights=usd)
    hw = np.array([k.split("|")[0] for k in uk], dtype=object)
    wk = np.array([int(k.split("|")[1]) for k in uk], dtype=np.int64)
    pts = w.epoch0 + (wk + 1) * 7 * DAY + 2 * 3600 + w.rng.integers(0, 3600, len(uk))
    ok = (tot >= 5) & R.clip_window(w, pts)
    php = np.round(tot * 0.6 * w.usd_per("USD", pts) / w.usd_per("PHP", pts), 2)
    rcv = np.array([pw[h] for h in hw], dtype=object)
    R.wallet_tx(
        w,
        pts[ok],
        w.org["platform_payout"],
        rcv[ok],
        php[ok],
        "platform_payout",
        channel="ewallet",
        ref="creator payout",
        scc="SG",
    )
    person = np.array([w.acct_person[a] for a in rcv[ok]], dtype=np.int64)
    cash_out_after(w, pts[ok] + 3600, person, rcv[ok], php[ok], 0.5, 20.0)


def _act_adult(w: World) -> None:
    r = w.rng
    perf = w.st["performers"]
    custs = w.st["adult_customers"]
    if not perf or not custs:
        return
    pop = np.array([x["pop"] for x in perf])
    nc = len(custs)
    cp = np.array([c["i"] for c in custs], dtype=np.int64)
    fav = r.choice(len(perf), (nc, 6), p=pop / pop.sum())
    rate = _lognormal(w, 1.3, 0.8, nc)
    lo = np.where(r.random(nc) < 0.6, 0, r.integers(0, w.ndays, nc))
    hi = np.where(r.random(nc) < 0.6, w.ndays, lo + r.integers(30, w.ndays, nc))
    own, day = events(w, rate, lo, hi)
    n = len(own)
    pi = fav[own, r.choice(6, n, p=[0.45, 0.2, 0.12, 0.1, 0.08, 0.05])]
    p = cp[own]
    secs = w.mixed_secs(n, 0.5, "night", "evening")
    ts = w.local_to_utc(day, secs, p)
    dur = (_lognormal(w, 15, 0.7, n) * 60).astype(np.int64) + 120
    paid_m = r.random(n) < 0.7
    paid = np.where(paid_m, nice_round(r, _lognormal(w, 25, 0.7, n), 0.7), np.nan)
    ip = np.array(w.p["ip"], dtype=object)
    dev = np.array(w.p["device"], dtype=object)
    vpn = np.array([c["vpn"] for c in custs])[own]
    vip = np.where(
        vpn,
        np.array([w.ip("NL", True) for _ in range(n)], dtype=object) if n else np.array([], dtype=object),
        ip[p],
    )
    vcc = np.where(vpn, _choice(w, ["NL", "SE", "CH", "SG", "US"], n), w.country_arr[p])
    host = np.array([x["host"] for x in perf], dtype=object)[pi]
    hp = np.array([x["i"] for x in perf], dtype=np.int64)[pi]
    sid = R.sessions(
        w,
        ts,
        dur,
        host,
        np.array([c["plat"] for c in custs], dtype=object)[own],
        "PH",
        vcc,
        ip[hp],
        vip,
        dev[hp],
        dev[p],
        1,
        paid,
        np.where(paid_m, "USD", ""),
    )
    _payout_log(w, host[paid_m], ts[paid_m], paid[paid_m])
    # token purchases by card
    tk = w.org["tokens"]
    m = r.random(n) < 0.35
    k = int(m.sum())
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    card = np.array([c["cards"][0] for c in custs], dtype=object)[own]
    R.card_purchase(
        w,
        ts[m] - r.integers(60, 3600, k),
        p[m],
        card[m],
        tk[0],
        w.usd_to_local(nice_round(r, _lognormal(w, 40, 0.5, k), 1.0), cur[m], ts[m], 0.0),
        cur[m],
        tk[2],
        tk[1],
        tk[3],
    )
    # off-platform tips straight to the performer's wallet
    tipper = r.random(nc) < 0.35
    m = tipper[own] & (r.random(n) < 0.35)
    if m.any():
        k = int(m.sum())
        t2 = ts[m] + r.integers(-3600, 3600, k)
        amt = w.usd_to_local(_lognormal(w, 60, 0.6, k), cur[m], t2, 0.75)
        R.card_to_wallet(
            w,
            t2,
            p[m],
            np.array([c["app"] for c in custs], dtype=object)[own[m]],
            card[m],
            np.array([x["acct"] for x in perf], dtype=object)[pi[m]],
            amt,
            cur[m],
            _ref(w, N.REF_ADULT, k, 0.5),
            np.array([w.full_name(int(i)) for i in p[m]], dtype=object),
        )
    # chat before some sessions
    chat_pair = r.random(nc) < 0.5
    m = chat_pair[own] & (r.random(n) < 0.4)
    k = int(m.sum())
    if k:
        R.conversation(
            w,
            ts[m] - r.integers(600, 5400, k),
            np.array([c["plat"] for c in custs], dtype=object)[own[m]],
            host[m],
            N.CHAT_ADULT,
            N.CHAT_ADULT,
            r.integers(2, 6, k),
            np.full(k, 3600),
            sid=np.where(r.random(k) < 0.4, sid[m], -1),
        )


def _act_freelance(w: World) -> None:
    r = w.rng
    fl = w.st["freelancers"]
    cl = w.st["clients"]
    if not fl or not cl:
        return
    pairs = []
    cw = np.array([8.0 if c["org"] else 1.0 for c in cl]) * np.exp(0.5 * r.standard_normal(len(cl)))
    for k, _f in enumerate(fl):
        for _ in range(int(r.choice([1, 1, 1, 2, 2, 3]))):
            pairs.append((k, int(r.choice(len(cl), p=cw / cw.sum()))))
    rows: dict[str, list[Any]] = {k: [] for k in ("fi", "ci", "day")}
    for fk, ck in pairs:
        period = int(r.choice([7, 14, 30], p=[0.25, 0.4, 0.35]))
        start = int(r.integers(-period, w.ndays // 2))
        end = w.ndays if r.random() < 0.7 else int(r.integers(start + 60, w.ndays + 90))
        days = np.arange(start, min(end, w.ndays), period)
        days = days[days >= 0]
        days = days + r.integers(-1, 3, len(days))
        rows["fi"].append(np.full(len(days), fk))
        rows["ci"].append(np.full(len(days), ck))
        rows["day"].append(days)
    fi = np.concatenate(rows["fi"]).astype(np.int64)
    ci = np.concatenate(rows["ci"]).astype(np.int64)
    day = np.clip(np.concatenate(rows["day"]), 0, w.ndays - 1)
    n = len(fi)
    cpers = np.array([c["i"] for c in cl], dtype=np.int64)[ci]
    ts = w.local_to_utc(day, w.hours(n, "business"), cpers)
    hourly = r.uniform(4, 9, len(fl))[fi]
    usd = hourly * r.uniform(10, 40, len(fl))[fi] * 2.0 * np.exp(0.1 * r.standard_normal(n))
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[cpers]], dtype=object)
    ref = _choice(w, N.REF_FREELANCE, n)
    num = r.integers(1, 999, n)
    ref = np.array(
        [
            f"{x}{num[k]:04d}" if x.endswith("-") else (f"{x} {num[k]}" if x == "invoice" else x)
            for k, x in enumerate(ref)
        ],
        dtype=object,
    )
    ref = np.where(r.random(n) < 0.25, "", ref)
    facct = np.array([f["acct"] for f in fl], dtype=object)[fi]
    fpers = np.array([f["i"] for f in fl], dtype=np.int64)[fi]
    inbound = np.array([c["inbound"] for c in cl])[ci]
    sname = np.array(
        [w.p["first"][int(i)] + (" " + w.p["last"][int(i)] if w.p["last"][int(i)] else "") for i in cpers],
        dtype=object,
    )
    php_all = np.zeros(n)
    m = inbound
    if m.any():
        amt = w.usd_to_local(usd[m], cur[m], ts[m], 0.3)
        php = w.to_php(amt, cur[m], ts[m], 0.02)
        R.inbound_ext(
            w,
            ts[m],
            np.array([cl[int(c)]["ext"] for c in ci[m]], dtype=object),
            facct[m],
            amt,
            cur[m],
            w.country_arr[cpers[m]],
            np.array([cl[int(c)]["partner"] for c in ci[m]], dtype=object),
            ref[m],
            sname[m],
            php=php,
        )
        php_all[m] = php
    m = ~inbound
    if m.any():
        amt = w.usd_to_local(usd[m], cur[m], ts[m], 0.3)
        php = w.to_php(amt, cur[m], ts[m], 0.012)
        R.card_to_wallet(
            w,
            ts[m],
            cpers[m],
            np.array([cl[int(c)]["app"] for c in ci[m]], dtype=object),
            np.array([cl[int(c)]["cards"][0] for c in ci[m]], dtype=object),
            facct[m],
            amt,
            cur[m],
            ref[m],
            sname[m],
            php=php,
        )
        php_all[m] = php
    # freelancers move money to their bank or cash out
    bank = np.array([f["bank"] for f in fl], dtype=object)[fi]
    hb = bank != ""
    m = hb & (r.random(n) < 0.6)
    k = int(m.sum())
    t2 = ts[m] + r.integers(3600, 4 * DAY, k)
    ok = R.clip_window(w, t2)
    R.wallet_tx(
        w,
        t2[ok],
        facct[m][ok],
        bank[m][ok],
        np.floor(php_all[m][ok] * r.uniform(0.5, 1, int(ok.sum())) / 100) * 100 + 100,
        "bank_transfer_out",
        channel="bank_transfer",
    )
    cash_out_after(w, ts[~hb], fpers[~hb], facct[~hb], php_all[~hb], 0.5, 24.0)


def _act_romance(w: World) -> None:
    r = w.rng
    mules = w.st["mules"]
    vics = w.st["romance_victims"]
    rows = []
    for v in vics:
        k = int(np.clip(r.lognormal(np.log(8), 0.6), 2, 40))
        start = int(r.integers(0, max(1, w.ndays - 30)))
        span = int(r.integers(20, 200))
        days = np.sort(start + (span * (1 - np.sqrt(r.random(k)))).astype(np.int64))
        days = days[days < w.ndays]
        m1 = int(r.integers(len(mules)))
        m2 = int(r.integers(len(mules))) if r.random() < 0.3 else m1
        base = float(r.uniform(100, 400))
        for j, d in enumerate(days):
            mule = mules[m1 if j < len(days) // 2 else m2]
            usd = min(
                base * (1 + 2.5 * j / max(1, len(days))) * float(np.exp(0.3 * r.standard_normal())), 5000
            )
            rows.append((v, mule, int(d), usd))
    if not rows:
        return
    n = len(rows)
    vp = np.array([x[0]["i"] for x in rows], dtype=np.int64)
    day = np.array([x[2] for x in rows], dtype=np.int64)
    ts = w.local_to_utc(day, w.mixed_secs(n, 0.6, "evening", "day"), vp)
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[vp]], dtype=object)
    amt = w.usd_to_local(np.array([x[3] for x in rows]), cur, ts, 0.8)
    macct = np.array([x[1]["accts"][int(r.integers(len(x[1]["accts"])))] for x in rows], dtype=object)
    mp = np.array([x[1]["i"] for x in rows], dtype=np.int64)
    ref = _ref(w, N.REF_ROMANCE, n, 0.3)
    sname = np.array([w.full_name(int(i)) for i in vp], dtype=object)
    inbound = np.array([x[0]["inbound"] for x in rows])
    php = w.to_php(amt, cur, ts, 0.015)
    m = inbound
    if m.any():
        R.inbound_ext(
            w,
            ts[m],
            np.array([x[0]["ext"] for x, mm in zip(rows, m, strict=True) if mm], dtype=object),
            macct[m],
            amt[m],
            cur[m],
            w.country_arr[vp[m]],
            np.array([x[0]["partner"] for x, mm in zip(rows, m, strict=True) if mm], dtype=object),
            ref[m],
            sname[m],
            php=php[m],
        )
    m = ~inbound
    if m.any():
        R.card_to_wallet(
            w,
            ts[m],
            vp[m],
            np.array([x[0]["app"] for x, mm in zip(rows, m, strict=True) if mm], dtype=object),
            np.array([x[0]["cards"][0] for x, mm in zip(rows, m, strict=True) if mm], dtype=object),
            macct[m],
            amt[m],
            cur[m],
            ref[m],
            sname[m],
            php=php[m],
        )
    # mules: fast cash-out, part forwarded to the handler
    fwd = r.random(n) < 0.35
    t2 = ts + r.integers(1800, 8 * 3600, n)
    ok = fwd & R.clip_window(w, t2)
    hand = np.array([x[1]["handler"] for x in rows], dtype=object)
    R.wallet_tx(w, t2[ok], macct[ok], hand[ok], np.floor(php[ok] * 0.8 / 100) * 100 + 100, "p2p")
    cash_out_after(w, ts[~fwd], mp[~fwd], macct[~fwd], php[~fwd], 0.95, 3.0)
    hp = np.array([w.acct_person[h] for h in hand[ok]], dtype=np.int64)
    cash_out_after(w, t2[ok], hp, hand[ok], np.floor(php[ok] * 0.8 / 100) * 100, 0.9, 6.0)


def _act_charity(w: World) -> None:
    r = w.rng
    ch = w.st["charities"]
    sp = w.st["sponsors"]
    if not ch or not sp:
        return
    nsp = len(sp)
    spp = np.array([s["i"] for s in sp], dtype=np.int64)
    cidx = r.integers(0, len(ch), nsp)
    dom = r.integers(1, 28, nsp)
    amount_usd = r.choice([25, 30, 35, 38, 40, 45, 50], nsp).astype(float)
    start = np.where(r.random(nsp) < 0.7, 0, r.integers(0, w.ndays, nsp))
    months = ((w.ndays - start) // 30).astype(np.int64) + 1
    own = np.repeat(np.arange(nsp), months)
    k = np.arange(len(own)) - np.repeat(np.cumsum(months) - months, months)
    day = start[own] + 30 * k + (dom[own] - w.dom(start[own] + 30 * k))
    ok = (day >= 0) & (day < w.ndays)
    own, day = own[ok], day[ok]
    n = len(own)
    p = spp[own]
    auto = r.random(nsp)[own] < 0.5
    secs = np.where(auto, r.integers(0, 1800, n), w.hours(n, "day"))
    ts = w.local_to_utc(day, secs, p)
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    amt = w.usd_to_local(amount_usd[own], cur, ts, 1.0)
    ref = _choice(w, N.REF_CHARITY, n)
    sn = r.integers(100, 9999, nsp)[own]
    ref = np.array([f"{x}{sn[j]}" if x.endswith("#") else x for j, x in enumerate(ref)], dtype=object)
    ref = np.where(r.random(n) < 0.2, "", ref)
    cacct = np.array([c["acct"] for c in ch], dtype=object)[cidx[own]]
    R.card_to_wallet(
        w,
        ts,
        p,
        np.array([s["app"] for s in sp], dtype=object)[own],
        np.array([s["cards"][0] for s in sp], dtype=object)[own],
        cacct,
        amt,
        cur,
        ref,
        np.array([w.full_name(int(i)) for i in p], dtype=object),
    )
    # some sponsors also send gifts to a sponsored family; charities disburse to families
    fams = w.st["family_households"]
    direct = np.nonzero(r.random(nsp) < 0.2)[0]
    wal = w.st["wallet_of"]
    if len(direct) and fams:
        fam_of = {
            int(d): [fams[int(r.integers(len(fams)))][0][0] for _ in range(int(r.choice([1, 1, 2, 3])))]
            for d in direct
        }
        cnt = r.integers(1, 7, len(direct))
        o2 = np.repeat(direct, cnt)
        d2 = r.integers(0, w.ndays, len(o2))
        p2 = spp[o2]
        t2 = w.local_to_utc(d2, w.hours(len(o2), "evening"), p2)
        cur2 = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p2]], dtype=object)
        amt2 = w.usd_to_local(_lognormal(w, 50, 0.5, len(o2)), cur2, t2, 0.9)
        R.card_to_wallet(
            w,
            t2,
            p2,
            np.array([sp[int(o)]["app"] for o in o2], dtype=object),
            np.array([sp[int(o)]["cards"][0] for o in o2], dtype=object),
            np.array([wal[fam_of[int(o)][int(r.integers(len(fam_of[int(o)])))]] for o in o2], dtype=object),
            amt2,
            cur2,
            _ref(
                w,
                ["bday gift", "school fees", "christmas gift", "for school", "gift", "uniform"],
                len(o2),
                0.2,
            ),
            np.array([w.full_name(int(i)) for i in p2], dtype=object),
        )
    if fams:
        nb = min(len(fams), len(ch) * 15)
        ben = r.choice(len(fams), nb, replace=False)
        n_months = w.ndays // 30
        o3 = np.repeat(np.arange(nb), n_months)
        d3 = np.tile(np.arange(n_months) * 30 + 5, nb) + r.integers(0, 3, len(o3))
        ok = d3 < w.ndays
        o3, d3 = o3[ok], d3[ok]
        ca = np.array([ch[int(b) % len(ch)]["acct"] for b in ben], dtype=object)[o3]
        cp = np.array([ch[int(b) % len(ch)]["i"] for b in ben], dtype=np.int64)[o3]
        ra = np.array([wal[fams[int(b)][0][0]] for b in ben], dtype=object)[o3]
        t3 = w.local_to_utc(d3, w.hours(len(o3), "business"), cp)
        R.wallet_tx(
            w,
            t3,
            ca,
            ra,
            np.full(len(o3), float(r.choice([1000, 1500, 2000]))),
            "p2p",
            ref=_choice(
                w, ["scholarship", "educational assistance", "allowance", "feeding program"], len(o3)
            ),
        )


def _act_gamers(w: World) -> None:
    r = w.rng
    gph = w.st["gamers_ph"]
    gab = w.st["gamers_ab"]
    if gph:
        gp = np.array([g["i"] for g in gph], dtype=np.int64)
        ga = np.array([g["acct"] for g in gph], dtype=object)
        own, day = events(
            w, _lognormal(w, 2.5, 0.6, len(gph)), np.zeros(len(gph), np.int64), np.full(len(gph), w.ndays)
        )
        n = len(own)
        ts = w.local_to_utc(day, w.mixed_secs(n, 0.6, "night", "evening"), gp[own])
        gm = w.org["games"]
        j = r.integers(0, len(gm), n)
        R.wallet_tx(
            w,
            ts,
            ga[own],
            np.array([x[0] for x in gm], dtype=object)[j],
            r.choice([50, 100, 100, 200, 250, 500, 1000], n).astype(float),
            "online_purchase",
            mcc="5816",
            mname=np.array([x[1] for x in gm], dtype=object)[j],
        )
    if gab:
        gp = np.array([g["i"] for g in gab], dtype=np.int64)
        own, day = events(
            w, _lognormal(w, 1.5, 0.6, len(gab)), np.zeros(len(gab), np.int64), np.full(len(gab), w.ndays)
        )
        n = len(own)
        ts = w.local_to_utc(day, w.mixed_secs(n, 0.6, "night", "evening"), gp[own])
        ms = w.org["card"]["games"]
        j = r.integers(0, len(ms), n)
        cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[gp[own]]], dtype=object)
        R.card_purchase(
            w,
            ts,
            gp[own],
            np.array([g["cards"][0] for g in gab], dtype=object)[own],
            np.array([x[0] for x in ms], dtype=object)[j],
            w.usd_to_local(r.choice([5, 10, 10, 20, 50], n).astype(float), cur, ts, 1.0),
            cur,
            "5816",
            np.array([x[1] for x in ms], dtype=object)[j],
            np.array([x[3] for x in ms], dtype=object)[j],
        )
    streamers = w.st["streamers"]
    pool = [g for g in gph + gab if g.get("plat")]
    if streamers and pool:
        vpool = np.array([g["plat"] for g in pool], dtype=object)
        vpers = np.array([g["i"] for g in pool], dtype=np.int64)
        _public_streams(w, streamers, vpool, vpers, 1.5 / 7, (2, 15), 0.08, "evening")
        # donations by card from foreign fans
        don = [g for g in gab if r.random() < 0.08]
        if don:
            o = np.repeat(np.arange(len(don)), r.integers(1, 7, len(don)))
            dp = np.array([don[int(k)]["i"] for k in o], dtype=np.int64)
            d = r.integers(0, w.ndays, len(o))
            ts = w.local_to_utc(d, w.hours(len(o), "night"), dp)
            cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[dp]], dtype=object)
            sa = np.array([s["acct"] for s in streamers], dtype=object)[
                r.integers(0, len(streamers), len(don))
            ][o]
            R.card_to_wallet(
                w,
                ts,
                dp,
                np.array([don[int(k)]["app"] for k in o], dtype=object),
                np.array([don[int(k)]["cards"][0] for k in o], dtype=object),
                sa,
                w.usd_to_local(_lognormal(w, 15, 0.7, len(o)), cur, ts, 0.8),
                cur,
                _ref(w, N.REF_GAMING, len(o), 0.4),
                np.array([w.full_name(int(i)) for i in dp], dtype=object),
            )


def _act_students(w: World) -> None:
    r = w.rng
    st = w.st["students"]
    if not st:
        return
    sp = np.array([s["i"] for s in st], dtype=np.int64)
    sa = np.array([s["acct"] for s in st], dtype=object)
    # tuition at semester starts (June, August, January)
    days = np.arange(w.ndays)
    mon = w.month(days)
    dm = w.dom(days)
    sem_days = days[((mon == 6) | (mon == 8) | (mon == 1)) & (dm <= 20)]
    if len(sem_days):
        cnt = r.integers(1, 5, len(st))
        o = np.repeat(np.arange(len(st)), cnt)
        d = sem_days[r.integers(0, len(sem_days), len(o))]
        ts = w.local_to_utc(d, w.hours(len(o), "day"), sp[o])
        sch = w.org["schools"]
        cidx = np.array([CITY_IDX.get(w.p["city"][int(i)], 0) for i in sp], dtype=np.int64)
        by_c: dict[int, list[int]] = {}
        for ks, s in enumerate(sch):
            by_c.setdefault(s[3], []).append(ks)
        pick = np.array(
            [by_c.get(int(c), [0])[int(r.integers(len(by_c.get(int(c), [0]))))] for c in cidx], dtype=np.int64
        )[o]
        R.wallet_tx(
            w,
            ts,
            sa[o],
            np.array([s[0] for s in sch], dtype=object)[pick],
            nice_round(r, _lognormal(w, 14000, 0.6, len(o)), 0.5),
            "bills",
            mcc="8220",
            mname=np.array([s[1] for s in sch], dtype=object)[pick],
            ref=_ref(w, N.REF_STUDENT, len(o), 0.3),
        )
    # allowance from a parent (some PH wallet user)
    ev = w.st["everyday"]
    par = r.integers(0, len(ev), len(st))
    period = r.choice([7, 14, 30], len(st))
    cnt = (w.ndays // period).astype(np.int64)
    o = np.repeat(np.arange(len(st)), cnt)
    k = np.arange(len(o)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    d = np.clip(k * period[o] + r.integers(0, 3, len(o)), 0, w.ndays - 1)
    keep = r.random(len(o)) < 0.8
    o, d = o[keep], d[keep]
    pa = np.array([ev[int(x)][1] for x in par], dtype=object)[o]
    pp = np.array([ev[int(x)][0] for x in par], dtype=np.int64)[o]
    ts = w.local_to_utc(d, w.hours(len(o), "morning"), pp)
    R.wallet_tx(
        w,
        ts,
        pa,
        sa[o],
        nice_round(r, _lognormal(w, 800, 0.6, len(o)) * period[o] / 14, 0.9),
        "p2p",
        ref=_ref(w, ["baon", "allowance", "pamasahe", "load", "for school"], len(o), 0.4),
    )


def _act_travellers(w: World) -> None:
    r = w.rng
    tr = w.st["travellers"]
    if not tr:
        return
    ev = w.st["everyday"]
    cm = w.org["card"]
    rows_p: list[int] = []
    rows_d: list[int] = []
    rows_k: list[int] = []
    for t_i, t in enumerate(tr):
        for _ in range(t["trips"]):
            rows_p.append(t_i)
            rows_d.append(int(r.integers(30, max(31, w.ndays - 10))))
            rows_k.append(int(r.integers(4, 30)))
    ti = np.array(rows_p, dtype=np.int64)
    arrive = np.array(rows_d, dtype=np.int64)
    stay = np.array(rows_k, dtype=np.int64)
    p = np.array([t["i"] for t in tr], dtype=np.int64)[ti]
    card = np.array([t["cards"][0] for t in tr], dtype=object)[ti]
    app = np.array([t["app"] for t in tr], dtype=object)[ti]
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    n = len(ti)
    # flight booked weeks before
    bd = arrive - r.integers(14, 90, n)
    ts = w.local_to_utc(bd, w.hours(n, "evening"), p)
    al = cm["airline_ph"] + cm["airline"]
    j = r.integers(0, len(al), n)
    okb = bd >= 0
    R.card_purchase(
        w,
        ts[okb],
        p[okb],
        card[okb],
        np.array([a[0] for a in al], dtype=object)[j][okb],
        w.usd_to_local(_lognormal(w, 900, 0.4, n), cur, ts, 0.2)[okb],
        cur[okb],
        "4511",
        np.array([a[1] for a in al], dtype=object)[j][okb],
        np.array([a[3] for a in al], dtype=object)[j][okb],
    )
    # in-country spending (hotel, food, tours)
    cnt = np.maximum(stay // 2, 1)
    o = np.repeat(np.arange(n), cnt)
    d = arrive[o] + (r.random(len(o)) * stay[o]).astype(np.int64)
    ok = d < w.ndays
    o, d = o[ok], d[ok]
    ph = cm["hotel_ph"] + cm["food_ph"] + cm["tour_ph"]
    j = r.integers(0, len(ph), len(o))
    # traveller is in PH: local hours are PH hours; approximate with the PH offset
    t2 = w.epoch0 + d * DAY + w.hours(len(o), "day") - 480 * 60
    R.card_purchase(
        w,
        t2,
        p[o],
        card[o],
        np.array([x[0] for x in ph], dtype=object)[j],
        w.usd_to_local(_lognormal(w, 70, 0.7, len(o)), cur[o], t2, 0.3),
        cur[o],
        np.array([x[2] for x in ph], dtype=object)[j],
        np.array([x[1] for x in ph], dtype=object)[j],
        "PH",
    )
    # transfers to local contacts (guide, driver) during the trip, some gifts after
    c2 = r.integers(1, 5, n)
    o = np.repeat(np.arange(n), c2)
    ncont = r.integers(1, 4, n)
    cbase = r.integers(0, len(ev), n)
    cpick = (cbase[o] + (r.integers(0, 1 << 20, len(o)) % ncont[o]) * 7919) % len(ev)
    contacts = np.array([ev[int(k)][1] for k in cpick], dtype=object)
    after = r.random(len(o)) < 0.25
    d = np.where(
        after,
        arrive[o] + stay[o] + r.integers(3, 120, len(o)),
        arrive[o] + (r.random(len(o)) * stay[o]).astype(np.int64),
    )
    ok = d < w.ndays
    o, d, after, contacts = o[ok], d[ok], after[ok], contacts[ok]
    t3 = np.where(
        after,
        w.local_to_utc(d, w.hours(len(o), "evening"), p[o]),
        w.epoch0 + d * DAY + w.hours(len(o), "day") - 480 * 60,
    )
    amt = w.usd_to_local(_lognormal(w, 45, 0.7, len(o)), cur[o], t3, 0.8)
    ref = np.where(
        after,
        _ref(w, ["gift", "help", "thank you", "for school", "bday gift", "for your mom"], len(o), 0.4),
        _ref(w, N.REF_TRAVEL, len(o), 0.3),
    )
    R.card_to_wallet(
        w,
        t3,
        p[o],
        app[o],
        card[o],
        contacts,
        amt,
        cur[o],
        ref,
        np.array([w.full_name(int(i)) for i in p[o]], dtype=object),
    )


def _act_gifters(w: World) -> None:
    """Foreign ordinary users sending one or two small gifts to a PH friend."""
    r = w.rng
    g = w.st.get("ph_gifters", [])
    if not g:
        return
    ev = w.st["everyday"]
    co = w.st["card_of"]
    cnt = r.integers(1, 4, len(g))
    o = np.repeat(np.arange(len(g)), cnt)
    p = np.array(g, dtype=np.int64)[o]
    d = r.integers(0, w.ndays, len(o))
    ts = w.local_to_utc(d, w.mixed_secs(len(o), 0.5, "evening", "day"), p)
    cur = np.array([N.CURRENCY.get(c, "USD") for c in w.country_arr[p]], dtype=object)
    friend = np.array([ev[int(k)][1] for k in r.integers(0, len(ev), len(g))], dtype=object)[o]
    R.card_to_wallet(
        w,
        ts,
        p,
        np.array([co[int(i)][0] for i in p], dtype=object),
        np.array([co[int(i)][1][0] for i in p], dtype=object),
        friend,
        w.usd_to_local(_lognormal(w, 40, 0.6, len(o)), cur, ts, 0.8),
        cur,
        _ref(w, ["gift", "happy birthday", "merry christmas", "for you", "help", "thanks"], len(o), 0.5),
        np.array([w.full_name(int(i)) for i in p], dtype=object),
    )


def _act_agents(w: World) -> None:
    """Agents top up e-money float from their bank and sweep surplus back."""
    r = w.rng
    ags = list(w.st["agent_owner"].items())
    if not ags:
        return
    accts = np.array([a for a, _ in ags], dtype=object)
    owners = np.array([i for _, i in ags], dtype=np.int64)
    banks = np.array([w.ext_account("PHB", int(i)) for i in owners], dtype=object)
    own, day = events(
        w, _lognormal(w, 5, 0.5, len(ags)), np.zeros(len(ags), np.int64), np.full(len(ags), w.ndays)
    )
    n = len(own)
    ts = w.local_to_utc(day, w.hours(n, "morning"), owners[own])
    up = r.random(n) < 0.6
    amt = np.round(_lognormal(w, 30000, 0.6, n), -3)
    R.wallet_tx(
        w, ts[up], banks[own][up], accts[own][up], amt[up], "agent_topup", channel="bank_transfer", scc="PH"
    )
    R.wallet_tx(
        w, ts[~up], accts[own][~up], banks[own][~up], amt[~up], "agent_sweep", channel="bank_transfer"
    )
