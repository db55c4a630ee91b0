"""Institutions, organisations, merchants and the people of world B with their accounts."""

from __future__ import annotations

import numpy as np

from . import timeutil as T
from .world import CH, DEMAND, FOREIGN_RX, Person, World

# country weights of the demand side
W_GENERAL = {
    "US": 0.40, "GB": 0.08, "AU": 0.08, "CA": 0.07, "DE": 0.06, "JP": 0.05, "SG": 0.03, "SA": 0.04,
    "AE": 0.04, "NO": 0.02, "SE": 0.02, "NL": 0.03, "FR": 0.02, "IT": 0.02, "HK": 0.02, "QA": 0.01,
    "KW": 0.005, "CH": 0.01, "IE": 0.01, "KR": 0.005,
}  # fmt: skip
W_OFFENDER = {
    "US": 0.45, "GB": 0.10, "AU": 0.12, "CA": 0.08, "DE": 0.06, "NL": 0.03, "NO": 0.03, "SE": 0.03,
    "JP": 0.03, "SG": 0.02, "SA": 0.02, "AE": 0.02, "FR": 0.01,
}  # fmt: skip
W_OFW = {
    "SA": 0.17, "AE": 0.14, "US": 0.2, "HK": 0.06, "SG": 0.07, "QA": 0.05, "KW": 0.04, "JP": 0.05,
    "CA": 0.07, "GB": 0.04, "IT": 0.04, "AU": 0.03, "DE": 0.01, "NO": 0.01, "KR": 0.02,
}  # fmt: skip
MIXED_REGIONS = {"US", "GB", "AU", "CA", "NL", "DE", "SE", "NO", "IE", "SG", "HK", "AE", "SA", "QA", "KW"}


def pick(rng: np.random.Generator, weights: dict[str, float], n: int) -> list[str]:
    keys = list(weights)
    w = np.array([weights[k] for k in keys])
    return [keys[i] for i in rng.choice(len(keys), size=n, p=w / w.sum())]


def origin_region(rng: np.random.Generator, country: str, ph_share: float = 0.0) -> str | None:
    """Region of origin for names: mostly the country's, with diaspora mixes in migrant countries."""
    r = rng.random()
    if r < ph_share:
        return "ph"
    if country in MIXED_REGIONS and rng.random() < 0.2:
        return ["ph", "latin", "zh", "in", "af", "en"][int(rng.integers(0, 6))]
    return None


# ---------------------------------------------------------------------------- institutions
def institutions(W: World) -> None:
    p = W.p
    W.add_inst("bayanremit", "US", "remitter", True, False, "utc", True, "BR")
    W.add_inst("fastsend", "GB", "remitter", False, False, "utc", True, "FS")
    for c in DEMAND:
        tz = T.COUNTRY_TZ[c][0][0]
        W.add_inst(f"bank-{c.lower()}-1", c, "bank", c in p["pooled_countries"], False, tz, False, f"{c}1")
        W.add_inst(f"bank-{c.lower()}-2", c, "bank", False, False, tz, False, f"{c}2")
    W.add_inst("pisowallet", "PH", "ewallet", True, True, "p8", False, "PW")
    W.add_inst("lungsod-bank", "PH", "bank", True, p["receiver_has_bank"], "utc", False, "LB")
    W.add_inst("duyan-pay", "PH", "ewallet", False, False, "p8", False, "DY")
    for c in FOREIGN_RX:
        W.add_inst(f"bank-{c.lower()}-rx", c, "bank", False, False, T.COUNTRY_TZ[c][0][0], False, f"X{c}")
    W.add_inst("liwanaglive", "PH", "platform", True, False, "utc", True, "LL")
    W.add_inst("kausap-chat", "PH", "chat", True, False, "utc", False, "KZ")
    W.add_inst("acquirer", "US", "acquirer", False, False, "utc", True, "MC")


# ---------------------------------------------------------------------------- organisations
GLOBAL_MERCHANTS = [
    # (key, name, mcc, country, n)
    ("vpn", "TunnelSafe VPN", "4816", "NL"),
    ("vpn", "NightOwl VPN", "4816", "US"),
    ("vpn", "PrivaLink Secure", "4816", "SG"),
    ("vpn", "Hushnet VPN", "4816", "SE"),
    ("air", "Pacific Heron Airways", "4511", "PH"),
    ("air", "Kestrel Air", "4511", "SG"),
    ("air", "Bluewake Airlines", "4511", "US"),
    ("air", "Amihan Air", "4511", "PH"),
    ("air", "Gulfstar Air", "4511", "AE"),
    ("hotel", "Isla Bonita Suites", "7011", "PH"),
    ("hotel", "Bayview Inn", "7011", "PH"),
    ("hotel", "Coral Lantern Resort", "7011", "PH"),
    ("hotel", "Palm Terrace Hotel", "7011", "PH"),
    ("hotel", "Sampaguita Lodge", "7011", "PH"),
    ("hotel", "Riverside Orchid Hotel", "7011", "TH"),
    ("game", "Pixel Forge Games", "5816", "US"),
    ("game", "Arcadia Credits", "5816", "SG"),
    ("game", "Lumen Quest Store", "5816", "JP"),
    ("game", "Battle Nest Gems", "5816", "US"),
    ("media", "Streamly Music", "5815", "SE"),
    ("media", "Cinebox Plus", "5815", "US"),
    ("dating", "HeartMatch", "7273", "US"),
    ("dating", "KonekLove", "7273", "SG"),
    ("gift", "GiftBox Cards", "5999", "US"),
    ("gift", "CardVault Online", "5999", "GB"),
    ("soft", "ClipCatch Recorder", "5734", "US"),
    ("soft", "ScreenNest Pro", "5734", "DE"),
    ("travel", "Lakbay Travel Agency", "4722", "PH"),
    ("travel", "Wanderlane Tours", "4722", "AU"),
]
LOCAL_CATS = [
    # mcc, label, usd median, sigma, weight
    ("5411", "Grocers", 45, 0.6, 0.3),
    ("5812", "Kitchen", 30, 0.6, 0.2),
    ("5541", "Fuel", 50, 0.4, 0.1),
    ("5311", "Department Store", 70, 0.8, 0.08),
    ("5912", "Pharmacy", 25, 0.6, 0.07),
    ("4121", "Rides", 20, 0.5, 0.08),
    ("5691", "Outfitters", 60, 0.7, 0.06),
    ("5732", "Electronics", 150, 0.9, 0.03),
    ("4899", "Streaming", 15, 0.2, 0.05),
    ("4814", "Mobile", 50, 0.3, 0.03),
]
PH_MERCH = [
    # key, label, count
    ("load", "Load Center", 5),
    ("bill", "Utilities", 6),
    ("store", "Mart", 40),
    ("school", "Learning Center", 12),
    ("courier", "Express Courier", 4),
    ("supplier", "Trading", 25),
]


def orgs(W: World) -> dict:
    """Create merchant, employer, utility, platform, agent and charity organisations."""
    rng = W.rng
    acq = W.inst_by["acquirer"]
    piso = W.inst_by["pisowallet"]
    duyan = W.inst_by["duyan-pay"]
    lbank = W.inst_by["lungsod-bank"]
    orgs_: dict = {"global": {}, "local": {}, "ph": {}, "employers": {}, "utilities": {}}
    st = W.names.streets

    def merchant(cohort, country, name, mcc, inst=acq, org=None):
        org = org or W.new_org(cohort, country, name)
        a = W.new_account(org, inst, "merchant", country=country, key="merchant", party=inst.pooled)
        W.a_mcc[a] = mcc
        W.a_mname[a] = name
        return a

    for key, name, mcc, country in GLOBAL_MERCHANTS:
        orgs_["global"].setdefault(key, []).append(merchant("merchant", country, name, mcc))
    # the platform, the out-of-pool remitter (card funding), ATMs in PH
    plat = W.new_org("organization", "PH", "LiwanagLive Inc.")
    orgs_["platform_org"] = plat
    orgs_["tokens"] = merchant("organization", "PH", "LiwanagLive Tokens", "5818", org=plat)
    orgs_["payout"] = W.new_account(
        plat, W.inst_by["liwanaglive"], "merchant", country="PH", cur="USD", key="payout"
    )
    fs = W.new_org("organization", "GB", "FastSend Transfer Ltd")
    orgs_["fastsend_funding"] = merchant("organization", "GB", "FASTSEND*TRANSFER", "4829", org=fs)
    orgs_["atm_ph"] = [
        merchant("merchant", "PH", f"ATM {c}", "6011")
        for c in ("Cebu", "Makati", "Davao", "Angeles", "Pasay")
    ]
    orgs_["atm_th"] = [merchant("merchant", "TH", "ATM Bangkok", "6011")]
    orgs_["hotel_ph_local"] = []
    # local demand-country merchants, employers and utilities
    for c in DEMAND:
        n = max(25, int(W.customers * W_GENERAL[c] / 90))
        cats = rng.choice(
            len(LOCAL_CATS), size=n, p=np.array([x[4] for x in LOCAL_CATS]) / sum(x[4] for x in LOCAL_CATS)
        )
        lst = []
        for ci in cats:
            mcc, label = LOCAL_CATS[ci][0], LOCAL_CATS[ci][1]
            name = f"{st[int(rng.integers(0, len(st)))]} {label}"
            lst.append((merchant("merchant", c, name, mcc), ci))
        orgs_["local"][c] = lst
        ne = max(4, int(W.customers * W_GENERAL[c] / 45))
        emps = []
        for _ in range(ne):
            o = W.new_org(
                "organization",
                c,
                f"{st[int(rng.integers(0, len(st)))]} {['Holdings', 'Logistics', 'Health', 'Foods', 'Systems', 'Services'][int(rng.integers(0, 6))]}",
            )
            bank = W.inst_by[f"bank-{c.lower()}-{1 if rng.random() < 0.5 else 2}"]
            emps.append(W.new_account(o, bank, "bank", key="bank"))
        orgs_["employers"][c] = emps
        uts = []
        for label in ("Power", "Water", "Telecom"):
            o = W.new_org("organization", c, f"{st[int(rng.integers(0, len(st)))]} {label}")
            bank = W.inst_by[f"bank-{c.lower()}-1"]
            uts.append(W.new_account(o, bank, "bank", key="bank"))
        orgs_["utilities"][c] = uts
    # PH merchants on the wallets and the bank
    for key, label, cnt in PH_MERCH:
        cnt = max(3, int(cnt * max(1.0, W.customers / 50000) ** 0.7))
        lst = []
        for _ in range(cnt):
            name = f"{st[int(rng.integers(0, len(st)))]} {label}"
            org = W.new_org("merchant", "PH", name)
            a1 = merchant("merchant", "PH", name, "", inst=piso, org=org)
            a2 = merchant("merchant", "PH", name, "", inst=duyan, org=org)
            a3 = W.new_account(org, lbank, "bank", key="bank")
            lst.append((a1, a2, a3))
        orgs_["ph"][key] = lst
    # cash agents (hubs)
    n_ag = max(12, W.customers // 300)
    agents = []
    for _ in range(n_ag):
        ag = W.new_person("cash_agent", "PH", age=(25, 65))
        ag.sub = "cash_agent"
        a1 = W.new_account(ag, piso, "merchant", key="agent")
        W.a_mname[a1] = f"{ag.surname} Cash-In/Out"
        a2 = W.new_account(ag, duyan, "merchant", key="agent")
        W.a_mname[a2] = W.a_mname[a1]
        a3 = W.new_account(ag, lbank, "bank", key="bank")
        agents.append((a1, a2, a3))
    orgs_["agents"] = agents
    # charities (child-sponsorship programmes)
    chars = []
    for i in range(int(rng.integers(2, 7))):
        name = f"{st[int(rng.integers(0, len(st)))]} {['Child Sponsorship Foundation', 'Kids Education Fund', 'Family Aid Mission'][i % 3]}"
        org = W.new_org("charity", "PH", name)
        a_bank = W.new_account(org, lbank, "bank", key="bank")
        a_merch = merchant("charity", "PH", name, "8398", org=org)
        a_remit = W.new_account(org, W.inst_by["bayanremit"], "remittance", country="PH", key="pickup")
        chars.append((org, a_bank, a_merch, a_remit))
    orgs_["charities"] = chars
    return orgs_


# ---------------------------------------------------------------------------- demand-side people
def setup_sender(W: World, p: Person, remit: float, inbound_only: bool, young: bool = False,
                 opened: int | None = None) -> None:  # fmt: skip
    """Home bank (+card) and, for cross-border senders, remitter accounts and payment routes."""
    rng = W.rng
    c = p.country
    pooled_c = c in W.p["pooled_countries"]
    if inbound_only:
        bank = W.inst_by[f"bank-{c.lower()}-2"]
    elif pooled_c and rng.random() < W.p["pool_bank_share"]:
        bank = W.inst_by[f"bank-{c.lower()}-1"]
    else:
        bank = W.inst_by[f"bank-{c.lower()}-2"]
    ba = W.new_account(p, bank, "bank", key="bank", opened=opened)
    if rng.random() < (0.8 if young else 0.6):
        W.new_account(p, bank, "card", key="card", opened=opened)
    if remit <= 0:
        return
    if inbound_only:
        fa = W.new_account(p, W.inst_by["fastsend"], "remittance", key="fast", opened=opened)
        p.routes = [(fa, CH["remittance"], 0.6), (ba, CH["bank_transfer"], 0.4)]
        return
    use_br = (not bank.pooled) or rng.random() < remit
    routes = []
    if use_br:
        ra = W.new_account(p, W.inst_by["bayanremit"], "remittance", key="remit", opened=opened)
        routes.append((ra, CH["remittance"], 0.6 if bank.pooled else 0.85))
    if rng.random() < 0.25:
        fa = W.new_account(p, W.inst_by["fastsend"], "remittance", key="fast", opened=opened)
        routes.append((fa, CH["remittance"], 0.15))
    routes.append((ba, CH["bank_transfer"], 0.35 if bank.pooled else 0.1))
    p.routes = routes


def demand_person(W: World, cohort: str, country: str, gender_m: float, age: tuple[int, int],
                  ph_share: float = 0.0, remit: float = 0.0, inbound_only: bool = False,
                  young: bool = False, opened: int | None = None, surname: str | None = None,
                  region: str | None = None) -> Person:  # fmt: skip
    rng = W.rng
    g = "m" if rng.random() < gender_m else "f"
    region = region or origin_region(rng, country, ph_share)
    p = W.new_person(cohort, country, gender=g, region=region, age=age, surname=surname)
    if inbound_only:
        p.traits.append("inbound_only")
    setup_sender(W, p, remit, inbound_only, young=young, opened=opened)
    return p


# ---------------------------------------------------------------------------- receiving side
def ph_receiver(W: World, p: Person, n: int, weights: dict[str, float] | None = None,
                opened: int | None = None, pickups: bool = True) -> list[int]:  # fmt: skip
    """Receiving accounts of a person in the Philippines (or abroad): wallets, bank, pickup."""
    rng = W.rng
    if p.country == "PH":
        w = weights or {"pisowallet": 0.45, "duyan-pay": 0.25, "lungsod-bank": 0.2, "pickup": 0.15}
    else:
        w = weights or {"rx": 0.6, "pickup": 0.4}
    if not pickups:
        w = {k: v for k, v in w.items() if k != "pickup"}
    keys = list(w)
    pw = np.array([w[k] for k in keys])
    out = []
    for k in rng.choice(len(keys), size=n, p=pw / pw.sum()):
        key = keys[k]
        if key == "pickup":
            a = W.new_account(
                p, W.inst_by["bayanremit"], "remittance", country=p.country, key="pickup", opened=opened
            )
        elif key == "rx":
            a = W.new_account(
                p, W.inst_by[f"bank-{p.country.lower()}-rx"], "bank", key="wallet", opened=opened
            )
        elif key == "lungsod-bank":
            a = W.new_account(p, W.inst_by[key], "bank", key="wallet", opened=opened)
        else:
            a = W.new_account(p, W.inst_by[key], "ewallet", key="wallet", opened=opened)
        out.append(a)
    return out


def in_period(rng: np.random.Generator, lo_day: float, hi_day: float) -> int:
    return T.START + int(rng.uniform(lo_day, hi_day) * T.DAY)


def platform_account(W: World, p: Person, opened: int | None = None, username: str | None = None,
                     device: str | None = None, email_alt: bool = False) -> int:  # fmt: skip
    rng = W.rng
    inst = W.inst_by["liwanaglive"]
    a = W.new_account(p, inst, "platform", country=p.country, key="platform", opened=opened, cur="USD")
    base = username or f"{p.given.split()[0].lower()}{int(rng.integers(1, 9999))}"
    W.a_user[a] = base
    W.a_disp[a] = base.capitalize() if rng.random() < 0.5 else p.given.split()[0]
    if device:
        W.a_device[a] = device
    if email_alt and len(p.emails) < 2:
        p.emails.append(W.names.alt_email(base))
    return a


def chat_account(W: World, p: Person, opened: int | None = None) -> int:
    a = p.first("chat")
    if a >= 0:
        return a
    inst = W.inst_by["kausap-chat"]
    a = W.new_account(p, inst, "platform", country=p.country, key="chat", opened=opened, cur="USD")
    W.a_user[a] = (
        f"{p.given.split()[0].lower()}_{p.surname.lower().replace(' ', '')[:6]}{int(W.rng.integers(1, 99))}"
    )
    W.a_disp[a] = p.given.split()[0] if p.kind == "person" else p.org_name
    return a
