"""Cohorts of world K: who exists, how they are related, which institutions hold them."""

from __future__ import annotations

from . import pools
from .world import FOREIGN, Home, Person, World, pareto_weights, pick_weighted


class Groups:
    """Relationships the behaviour simulation needs."""

    def __init__(self) -> None:
        self.households: list[dict] = []
        self.payers: list[Person] = []
        self.rings: list[dict] = []
        self.victims: list[Person] = []
        self.scammers: list[Person] = []
        self.mules: list[Person] = []
        self.romance_victims: list[Person] = []
        self.senders: list[Person] = []  # diaspora remitters
        self.recipients: list[Person] = []
        self.sellers: list[Person] = []
        self.buyers: list[Person] = []
        self.performers: list[Person] = []
        self.adult_customers: list[Person] = []
        self.couples: list[tuple[Person, Person]] = []
        self.charities: list[Person] = []
        self.sponsors: list[Person] = []
        self.freelancers: list[Person] = []
        self.clients: list[Person] = []
        self.tutors: list[Person] = []
        self.tutees: list[Person] = []
        self.travellers: list[Person] = []
        self.gamers: list[Person] = []
        self.traders: list[Person] = []
        self.ordinary_ph: list[Person] = []
        self.ordinary_foreign: list[Person] = []
        self.ph_people: list[Person] = []
        self.merchants: dict[str, list[tuple[str, str, str]]] = {}  # category -> (acct, name, mcc)
        self.ph_billers: dict[str, list[tuple[str, str]]] = {}  # category -> (acct, name)
        self.bank_billers: list[tuple[str, str]] = []
        self.agents: list[tuple[str, str]] = []
        self.atms: list[tuple[str, str]] = []
        self.employers: dict[str, list[str]] = {}  # country -> outside accounts
        self.ph_employers: list[str] = []
        self.cam_merchant = ""
        self.cam_payout: Person | None = None
        self.cam_payout_acct = ""


def _ph_age(w: World, mu: float, sd: float, lo: float, hi: float) -> float:
    return w.age(mu, sd, lo, hi)


def _split(w: World, n: int, shares: dict[str, float]) -> list[str]:
    """n labels in the given shares (largest remainder), shuffled."""
    tot = sum(shares.values())
    raw = {k: n * v / tot for k, v in shares.items()}
    cnt = {k: int(raw[k]) for k in shares}
    rest = n - sum(cnt.values())
    for k in sorted(shares, key=lambda k: raw[k] - cnt[k], reverse=True)[:rest]:
        cnt[k] += 1
    out = [k for k in shares for _ in range(cnt[k])]
    w.rng.shuffle(out)
    return out


def build(w: World) -> Groups:
    g = Groups()
    N = w.N
    P = {}
    P["p_out_payer"] = w.u("p_payer_outside_institution", 0.15, 0.35)
    P["p_out_legit"] = w.u("p_legit_outside_institution", 0.2, 0.45)
    P["p_wallet"] = w.u("p_ph_wallet", 0.75, 0.92)
    P["p_bank"] = w.u("p_ph_bank", 0.25, 0.45)
    P["p_email"] = w.u("p_platform_shares_email", 0.3, 0.7)
    P["p_phone"] = w.u("p_platform_shares_phone", 0.2, 0.6)
    w.P = P
    _orgs(w, g)
    _offenders(w, g)
    _sextortion(w, g)
    _romance(w, g)
    _diaspora(w, g)
    _sellers(w, g)
    _adult(w, g)
    _couples(w, g)
    _charity(w, g)
    _freelance(w, g)
    _tutors(w, g)
    _travellers(w, g)
    _gamers(w, g)
    _traders(w, g)
    _ordinary(w, g, N)
    _links(w, g)
    _platforms(w, g)
    return g


# ---- organisations ------------------------------------------------------------------------------
def _orgs(w: World, g: Groups) -> None:
    r = w.rng
    for name, mcc, cat in pools.FOREIGN_MERCHANTS:
        o = w.new_org("merchant", name, r.choice(("US", "GB", "NL", "SG")))
        g.merchants.setdefault(cat, []).append((w.outside_account(o, "MX"), name, mcc))
    for name, mcc, cat in pools.PH_CARD_MERCHANTS:
        o = w.new_org("merchant", name, "PH")
        g.merchants.setdefault("ph_" + cat, []).append((w.outside_account(o, "MX"), name, mcc))
    cam = w.new_org("organization", "CamStars Tokens", "NL")
    g.cam_merchant = w.outside_account(cam, "MX")
    g.cam_payout = w.new_org("organization", "CamStars Payouts", "NL")
    g.cam_payout_acct = w.outside_account(g.cam_payout, "XP")
    for name, cat in pools.PH_BILLERS:
        o = w.new_org("merchant", name, "PH")
        o.city, o.address = w.new_address("PH")
        party = w.add_party(o, "wallet-ph", "GWC", w.opened_before(400, 3000), name=name, kind="organization")
        g.ph_billers.setdefault(cat, []).append(
            (w.add_account(o, "wallet-ph", "GM", "merchant", party, w.opened_before(400, 3000)), name)
        )
        party = w.add_party(
            o, "bank-ph", "PBC", w.opened_before(400, 3000), name=name.upper(), kind="organization"
        )
        g.bank_billers.append(
            (w.add_account(o, "bank-ph", "PM", "merchant", party, w.opened_before(400, 3000)), name)
        )
    n_agents = max(12, w.N // 400)
    for i in range(n_agents):
        name = f"{r.choice(pools.AGENT_NAMES)} {r.choice(pools.STREETS)} {i + 1}"
        o = w.new_org("merchant", name, "PH")
        o.city, o.address = w.new_address("PH")
        party = w.add_party(o, "wallet-ph", "GWC", w.opened_before(100, 3000), name=name, kind="organization")
        g.agents.append(
            (w.add_account(o, "wallet-ph", "GA", "merchant", party, w.opened_before(100, 3000)), name)
        )
    for i in range(6):
        name = f"Bank ATM {r.choice(pools.STREETS)} {i + 1}"
        o = w.new_org("merchant", name, "PH")
        g.atms.append((w.outside_account(o, "PO"), name))
    for cc in FOREIGN:
        for name in r.sample(pools.EMPLOYERS, 3):
            o = w.new_org("organization", name, cc)
            g.employers.setdefault(cc, []).append(w.outside_account(o, "EX"))
    for name in r.sample(pools.EMPLOYERS, 6):
        o = w.new_org("organization", name + " PH", "PH")
        g.ph_employers.append(w.outside_account(o, "EP"))


# ---- offenders ----------------------------------------------------------------------------------
HH_ROLES = {
    # role: (gender p(f), age mu, sd, lo, hi, p same surname)
    "mother": (1.0, 34, 7, 19, 50, 1.0),
    "aunt": (1.0, 38, 9, 20, 62, 0.6),
    "grandmother": (1.0, 58, 7, 45, 78, 0.6),
    "uncle": (0.0, 38, 10, 20, 62, 0.7),
    "cousin": (0.5, 24, 5, 18, 36, 0.5),
    "neighbour": (0.7, 40, 10, 20, 66, 0.0),
}


def _offenders(w: World, g: Groups) -> None:
    r = w.rng
    N = w.N
    P = w.P
    n_pay = max(3, round(N * w.u("rate_offender_payer", 0.001, 0.004)))
    per_hh = w.u("payers_per_household_mean", 2.5, 5.0)
    H = max(2, round(n_pay / per_hh))
    alpha = w.u("household_popularity_pareto_alpha", 1.1, 1.8)
    p_share_addr = w.u("p_household_member_shares_address", 0.4, 0.85)
    p_share_phone = w.u("p_household_member_shares_phone", 0.05, 0.3)
    p_nominee = w.u("p_household_nominee_account", 0.15, 0.4)
    p_hh_platform = w.u("p_household_on_platform", 0.4, 0.85)
    p_hh_wallet = w.u("p_facilitator_wallet", 0.8, 0.97)
    p_hh_bank = w.u("p_facilitator_bank", 0.1, 0.35)
    p_banned = w.u("p_household_platform_account_banned", 0.0, 0.1)
    pops = pareto_weights(r, H, alpha)
    for h in range(H):
        net = f"osec-{h + 1:03d}"
        home = w.new_home()
        m = r.choices((1, 2, 3, 4, 5), weights=(0.28, 0.3, 0.22, 0.12, 0.08))[0]
        roles = [r.choices(("mother", "aunt", "grandmother"), weights=(0.65, 0.2, 0.15))[0]]
        roles += r.choices(
            ("aunt", "grandmother", "uncle", "cousin", "neighbour"),
            weights=(0.3, 0.15, 0.2, 0.2, 0.15),
            k=m - 1,
        )
        sur = r.choice(pools.SURNAMES)
        members: list[Person] = []
        for i, role in enumerate(roles):
            pf, mu, sd, lo, hi, p_same = HH_ROLES[role]
            gender = "f" if r.random() < pf else "m"
            s = sur if r.random() < p_same else None
            if role == "neighbour":
                hm = Home(
                    home.address.replace(home.address.split(" ")[0], str(r.randint(1, 400)), 1),
                    home.city,
                    w.new_ip(),
                )
            elif i == 0 or r.random() < p_share_addr:
                hm = home
            else:
                hm = None
            p = w.new_person("facilitator", "PH", gender, w.age(mu, sd, lo, hi), "facilitator", s, hm)
            p.nets.append(net)
            p.tags.append(role)
            if members and r.random() < p_share_phone:
                p.phone = members[0].phone
            w.ph_fin(p, p_hh_wallet, p_hh_bank)
            members.append(p)
        collect: list[tuple[str, Person]] = []
        for i, p in enumerate(members):
            if i == 0 or r.random() < 0.35:
                collect.append((p.recv(r), p))
        if r.random() < p_nominee:
            head = members[0]
            gh = w.ghost("PH", r.choice("fm"), w.age(40, 15, 18, 75), sur, home if r.random() < 0.6 else None)
            o = w.opened_before(0, 600)
            party = w.add_party(gh, "wallet-ph", "GWC", o)
            acct = w.add_account(head, "wallet-ph", "GW", "ewallet", party, o)
            collect.append((acct, head))
            head.tags.append("nominee_account")
            head.x["nominee"] = acct
        hosts: list[tuple[str, Person]] = []
        if r.random() < p_hh_platform:
            for i, p in enumerate(members):
                if i == 0 or r.random() < 0.3:
                    banned = r.random() < p_banned
                    closed = w.t1 - r.randint(1, 120) * 86400 if banned else 0
                    p.chat = w.platform(
                        p,
                        "chatapp",
                        P["p_email"],
                        P["p_phone"],
                        closed=closed,
                        banned="policy_violation" if banned else "",
                    )
                    hosts.append((p.chat, p))
        g.households.append(
            {"net": net, "members": members, "collect": collect, "hosts": hosts, "w": pops[h], "home": home}
        )

    shares = {
        "frequent": w.u("share_payer_frequent", 0.3, 0.5),
        "few": w.u("share_payer_few_payments", 0.15, 0.3),
        "multi": w.u("share_payer_multi_household", 0.1, 0.2),
        "careful": w.u("share_payer_careful_daytime", 0.08, 0.15),
    }
    p_two = w.u("p_payer_second_account", 0.03, 0.12)
    p_plat = w.u("p_payer_on_platform", 0.35, 0.7)
    flags = {
        "vpn": w.u("p_payer_vpn", 0.15, 0.4),
        "dating": w.u("p_payer_dating", 0.1, 0.3),
        "travel_ph": w.u("p_payer_travel_ph", 0.05, 0.25),
        "cam_tokens": w.u("p_payer_cam_tokens", 0.1, 0.3),
        "jewel": 0.1,
    }
    weights = [hh["w"] for hh in g.households]
    idx = list(range(H))
    for kind in _split(w, n_pay, shares):
        p = w.new_person(
            "offender_payer", pick_weighted(r, pools.DEMAND_MIX), "m", w.age(50, 10, 30, 75), "payer"
        )
        w.foreign_fin(p, P["p_out_payer"])
        p.x["kind"] = kind
        if kind == "few":
            k = 1
        elif kind == "multi":
            k = r.randint(2, min(4, H))
        else:
            k = 1 if r.random() < 0.85 else 2
        chosen: list[int] = []
        left = list(weights)
        for _ in range(k):  # weighted sampling without replacement
            c = r.choices(idx, weights=left)[0]
            chosen.append(c)
            left[c] = 0.0
        p.x["hh"] = chosen
        if kind in ("frequent", "multi") and p.inst != "out" and r.random() < p_two:
            o = w.opened_before(0, 60) + r.randint(60, max(61, w.days // 2)) * 86400
            src = p.inst
            party = w.add_party(
                p,
                src,
                "RAC" if src == "remit-a" else "BBC",
                o,
                name=w.name_variant(p, "plain"),
                email=w.new_email(p),
            )
            p.x["acct2"] = w.add_account(
                p,
                src,
                "RA" if src == "remit-a" else "BB",
                "remittance" if src == "remit-a" else "bank",
                party,
                o,
            )
            p.x["switch"] = o
            p.tags.append("two_accounts")
        for f, pr in flags.items():
            if r.random() < pr:
                p.flags.append(f)
        if r.random() < p_plat:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        p.tags.append(
            {"frequent": "frequent", "few": "occasional", "multi": "rotating", "careful": "careful_daytime"}[
                kind
            ]
        )
        g.payers.append(p)
    # every household has at least one payer
    paid = [0] * H
    for p in g.payers:
        for h in p.x["hh"]:
            paid[h] += 1
    for h in range(H):
        if paid[h] == 0:
            cands = [p for p in g.payers if p.x["kind"] != "few" and h not in p.x["hh"]]
            p = r.choice(cands or g.payers)
            if p.x["kind"] == "few":
                p.x["hh"] = [h]
            else:
                p.x["hh"].append(h)
            paid[h] += 1


def _sextortion(w: World, g: Groups) -> None:
    r = w.rng
    N = w.N
    P = w.P
    n_rings = max(1, round(N * w.u("rate_extortion_ring", 0.00004, 0.00012)))
    n_vict = max(2 * n_rings, round(N * w.u("rate_sextortion_victim", 0.0004, 0.0012)))
    for k in range(n_rings):
        net = f"sx-{k + 1:03d}"
        exts = []
        for _ in range(r.randint(1, 3)):
            cc = r.choices(("NG", "CI", "PH"), weights=(0.45, 0.2, 0.35))[0]
            p = w.new_person(
                "extortionist", cc, "m" if r.random() < 0.8 else "f", w.age(27, 5, 18, 42), "facilitator"
            )
            p.nets.append(net)
            if cc == "PH":
                w.ph_fin(p, 0.9, 0.2)
            else:
                p.inst = "out"
                p.acct = w.outside_account(p, r.choice(("XA", "XB", "XE", "XF")))
            exts.append(p)
        nominees: list[tuple[str, Person, str, Person]] = []
        for _ in range(r.randint(1, 4)):
            boss = r.choice(exts)
            if r.random() < 0.5:
                cc = pick_weighted(r, pools.VICTIM_MIX)
                gh = w.ghost(cc, r.choice("fm"), w.age(24, 5, 18, 45))
                o = w.opened_before(0, 300)
                inst = "bank-b" if w.bank_b_cc == cc and r.random() < 0.5 else "remit-a"
                party = w.add_party(gh, inst, "RAC" if inst == "remit-a" else "BBC", o)
                acct = w.add_account(
                    boss,
                    inst,
                    "RA" if inst == "remit-a" else "BB",
                    "remittance" if inst == "remit-a" else "bank",
                    party,
                    o,
                    country=cc,
                )
                nominees.append((acct, boss, inst, gh))
            else:
                gh = w.ghost("PH", r.choice("fm"), w.age(24, 5, 18, 45))
                o = w.opened_before(0, 300)
                party = w.add_party(gh, "wallet-ph", "GWC", o)
                acct = w.add_account(boss, "wallet-ph", "GW", "ewallet", party, o, country="PH")
                nominees.append((acct, boss, "wallet-ph", gh))
            boss.tags.append("nominee_account")
        chats: list[tuple[str, Person]] = []
        for p in exts:
            for _ in range(r.randint(1, 3)):
                persona = w.ghost(pick_weighted(r, pools.VICTIM_MIX), "f", w.age(19, 1, 18, 21))
                chats.append((w.platform(p, "chatapp", 0, 0, w.opened_before(0, 200), persona=persona), p))
            p.chat = chats[-1][0]
        outs = [p.acct for p in exts if p.inst == "out"] or [p.acct for p in exts]
        g.rings.append(
            {
                "net": net,
                "exts": exts,
                "nominees": nominees,
                "outs": outs,
                "chats": chats,
                "w": r.paretovariate(1.5),
            }
        )
    weights = [ring["w"] for ring in g.rings]
    for _ in range(n_vict):
        ring = r.choices(g.rings, weights=weights)[0]
        age = r.choices(range(14, 23), weights=(3, 8, 12, 14, 12, 8, 6, 4, 3))[0]
        p = w.new_person(
            "sextortion_victim",
            pick_weighted(r, pools.VICTIM_MIX),
            "m" if r.random() < 0.93 else "f",
            age,
            "victim",
        )
        p.nets.append(ring["net"])
        p.x["ring"] = ring
        w.foreign_fin(p, P["p_out_legit"] * 0.6, w.opened_before(10, 900))
        p.flags.append("games")
        if r.random() < 0.9:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.victims.append(p)


def _romance(w: World, g: Groups) -> None:
    r = w.rng
    N = w.N
    P = w.P
    n_mules = max(1, round(N * w.u("rate_romance_mule", 0.0004, 0.0012)))
    n_vict = max(2, round(N * w.u("rate_romance_victim", 0.001, 0.003)))
    for _ in range(max(1, n_mules // 2)):
        cc = r.choice(("NG", "PH", "CI"))
        p = w.new_person("romance_scammer", cc, "m", w.age(30, 6, 20, 50))
        if cc == "PH":
            w.ph_fin(p, 0.9, 0.3)
        else:
            p.inst = "out"
            p.acct = w.outside_account(p, r.choice(("XA", "XB", "XE")))
        persona = w.ghost(pick_weighted(r, pools.DEMAND_MIX), r.choice("fm"), w.age(40, 8, 28, 60))
        p.chat = w.platform(p, "chatapp", 0, 0, persona=persona)
        p.x["mules"] = []
        g.scammers.append(p)
    for _ in range(n_mules):
        p = w.new_person("romance_mule", "PH", r.choice("fm"), w.age(28, 6, 19, 50))
        w.ph_fin(p, P["p_wallet"], P["p_bank"])
        boss = r.choice(g.scammers)
        boss.x["mules"].append(p)
        p.x["boss"] = boss
        g.mules.append(p)
    for s in g.scammers:
        if not s.x["mules"]:
            s.x["mules"].append(r.choice(g.mules))
    for _ in range(n_vict):
        p = w.new_person(
            "romance_victim", pick_weighted(r, pools.DEMAND_MIX), r.choice("fm"), w.age(60, 9, 40, 82)
        )
        w.foreign_fin(p, P["p_out_legit"])
        s = r.choice(g.scammers)
        p.x["scammer"] = s
        p.x["mules"] = r.sample(s.x["mules"], min(len(s.x["mules"]), r.randint(1, 3)))
        if r.random() < 0.5:
            p.flags.append("dating")
        if r.random() < 0.8:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.romance_victims.append(p)


def _diaspora(w: World, g: Groups) -> None:
    r = w.rng
    N = w.N
    P = w.P
    share = w.u("share_diaspora_people", 0.16, 0.28)
    p_same = w.u("p_diaspora_same_surname", 0.6, 0.85)
    p_two = w.u("p_diaspora_sender_two_households", 0.04, 0.12)
    p_fac = w.u("p_household_with_diaspora_relative", 0.1, 0.3)
    p_plat = w.u("p_diaspora_family_on_platform", 0.35, 0.65)
    p_nom = w.u("p_family_recipient_relative_account", 0.03, 0.1)
    n_fam = max(3, round(N * share / 3.3))

    def sender(sur: str, base_cc: str) -> Person:
        cc = base_cc if r.random() < 0.6 else pick_weighted(r, pools.DIASPORA_MIX)
        s = w.new_person(
            "diaspora_remitter",
            cc,
            "f" if r.random() < 0.55 else "m",
            w.age(38, 9, 21, 66),
            surname=sur if r.random() < p_same else None,
        )
        w.foreign_fin(s, P["p_out_legit"])
        s.x["recips"] = []
        g.senders.append(s)
        return s

    def family(recips: list[Person], sur: str) -> None:
        base = pick_weighted(r, pools.DIASPORA_MIX)
        k = r.choices((1, 2, 3, 4, 5), weights=(0.35, 0.3, 0.18, 0.1, 0.07))[0]
        on = r.random() < p_plat
        for _ in range(k):
            s = sender(sur, base)
            s.x["recips"].append(r.choice(recips))
            s.x["family_on"] = on
            if r.random() < p_two:
                home = w.new_home()
                rc = w.new_person(
                    "family_recipient",
                    "PH",
                    "f" if r.random() < 0.7 else "m",
                    w.age(50, 14, 19, 82),
                    surname=s.surname,
                    home=home,
                )
                w.ph_fin(rc, P["p_wallet"], P["p_bank"])
                g.recipients.append(rc)
                s.x["recips"].append(rc)
        for rc in recips:
            rc.x["family_on"] = on

    for _ in range(n_fam):
        sur = r.choice(pools.SURNAMES)
        home = w.new_home()
        recips = []
        for _ in range(1 if r.random() < 0.88 else 2):
            rc = w.new_person(
                "family_recipient",
                "PH",
                "f" if r.random() < 0.7 else "m",
                w.age(48, 14, 19, 82),
                surname=sur,
                home=home,
            )
            w.ph_fin(rc, P["p_wallet"], P["p_bank"])
            if r.random() < p_nom:  # a wallet in a daughter's or nephew's name, used by the recipient
                gh = w.ghost("PH", r.choice("fm"), w.age(24, 5, 18, 40), sur, home)
                o = w.opened_before(0, 900)
                rc.wallet = w.add_account(
                    rc, "wallet-ph", "GW", "ewallet", w.add_party(gh, "wallet-ph", "GWC", o), o
                )
                rc.tags.append("relative_account")
            g.recipients.append(rc)
            recips.append(rc)
        family(recips, sur)
    for hh in g.households:
        if r.random() < p_fac:
            m = r.choice(hh["members"])
            family([m], m.surname)


def _sellers(w: World, g: Groups) -> None:
    r = w.rng
    N = w.N
    P = w.P
    n_s = max(3, round(N * w.u("rate_online_seller", 0.002, 0.005)))
    n_c = round(N * w.u("rate_seller_customer", 0.03, 0.07))
    alpha = w.u("seller_popularity_pareto_alpha", 1.0, 1.6)
    p_rep = w.u("p_seller_repeat_buyer", 0.08, 0.2)
    p_sp = w.u("p_seller_on_platform", 0.6, 0.9)
    p_cp = w.u("p_seller_customer_on_platform", 0.2, 0.45)
    for i in range(n_s):
        p = w.new_person("online_seller", "PH", "f" if r.random() < 0.65 else "m", w.age(33, 9, 19, 60))
        w.ph_fin(p, 0.95, 0.4)
        kinds = ("clothes", "food", "beauty", "gadgets", "game_items")
        p.x["kind"] = "game_items" if i == 0 else r.choices(kinds, weights=(3, 2, 2, 1, 1.5))[0]
        p.x["w"] = r.paretovariate(alpha)
        p.x["buyers"] = []
        if r.random() < p_sp:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.sellers.append(p)
    weights = [s.x["w"] for s in g.sellers]
    for _ in range(n_c):
        mix = pools.DIASPORA_MIX if r.random() < 0.7 else pools.DEMAND_MIX
        p = w.new_person(
            "seller_customer", pick_weighted(r, mix), "f" if r.random() < 0.65 else "m", w.age(37, 10, 19, 70)
        )
        w.foreign_fin(p, P["p_out_legit"])
        k = r.choices((1, 2, 3), weights=(0.75, 0.18, 0.07))[0]
        chosen: list[Person] = []
        for _ in range(k):
            s = r.choices(g.sellers, weights=weights)[0]
            if s not in chosen:
                chosen.append(s)
                s.x["buyers"].append(p)
        p.x["sellers"] = chosen
        p.x["repeat"] = r.random() < p_rep
        if r.random() < p_cp:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.buyers.append(p)


def _adult(w: World, g: Groups) -> None:
    r = w.rng
    N = w.N
    P = w.P
    n_p = max(3, round(N * w.u("rate_adult_performer", 0.002, 0.005)))
    n_c = max(5, round(N * w.u("rate_adult_customer", 0.006, 0.015)))
    p_solo = w.u("p_performer_solo", 0.3, 0.6)
    p_ban = w.u("p_performer_camsite_banned_by_mistake", 0.0, 0.02)
    p_direct = w.u("p_adult_customer_pays_directly", 0.1, 0.35)
    p_cam = w.u("p_adult_customer_on_camsite", 0.6, 0.95)
    p_chat = w.u("p_performer_on_chatapp", 0.3, 0.6)
    alpha = w.u("performer_popularity_pareto_alpha", 1.1, 1.8)
    studio: Home | None = None
    left = 0
    for _ in range(n_p):
        if left <= 0:
            studio = None
            if r.random() >= p_solo:
                studio = w.new_home()
                left = r.randint(2, 8)
        left -= 1
        p = w.new_person(
            "adult_performer", "PH", "f" if r.random() < 0.8 else "m", w.age(25, 4, 19, 40), home=studio
        )
        w.ph_fin(p, 0.9, 0.35)
        banned = r.random() < p_ban
        closed = w.t1 - r.randint(1, 200) * 86400 if banned else 0
        p.cam = w.platform(
            p,
            "camsite",
            P["p_email"] * 0.6,
            P["p_phone"] * 0.4,
            closed=closed,
            banned="policy_violation" if banned else "",
        )
        if r.random() < p_chat:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        if studio is not None:
            p.tags.append("studio")
        p.x["w"] = r.paretovariate(alpha)
        g.performers.append(p)
    weights = [q.x["w"] for q in g.performers]
    for _ in range(n_c):
        p = w.new_person(
            "adult_customer",
            pick_weighted(r, pools.DEMAND_MIX),
            "m" if r.random() < 0.93 else "f",
            w.age(44, 12, 21, 78),
        )
        w.foreign_fin(p, P["p_out_legit"])
        k = r.choices((1, 2, 3, 4, 5, 6), weights=(0.3, 0.25, 0.18, 0.12, 0.09, 0.06))[0]
        follows: list[Person] = []
        for _ in range(k):
            q = r.choices(g.performers, weights=weights)[0]
            if q not in follows:
                follows.append(q)
        p.x["follows"] = follows
        p.x["direct"] = r.random() < p_direct
        if r.random() < p_cam:
            p.cam = w.platform(p, "camsite", P["p_email"] * 0.5, 0.1)
        if p.x["direct"] and r.random() < 0.4:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        if r.random() < 0.25:
            p.flags.append("vpn")
        if r.random() < 0.3:
            p.flags.append("dating")
        p.flags.append("cam_tokens")
        g.adult_customers.append(p)


def _couples(w: World, g: Groups) -> None:
    r = w.rng
    P = w.P
    n = max(2, round(w.N * w.u("rate_couple", 0.003, 0.008)))
    p_plat = w.u("p_couple_on_platform", 0.7, 0.95)
    for _ in range(n):
        s = w.new_person(
            "partner_sender",
            pick_weighted(r, pools.DEMAND_MIX),
            "m" if r.random() < 0.85 else "f",
            w.age(52, 11, 25, 78),
        )
        w.foreign_fin(s, P["p_out_legit"])
        on = r.random() < p_plat
        if on:
            s.chat = w.platform(s, "chatapp", P["p_email"], P["p_phone"])
        partners = []
        for _ in range(1 if r.random() < 0.9 else 2):
            q = w.new_person(
                "partner_recipient",
                "PH",
                "f" if s.gender == "m" or r.random() < 0.3 else "m",
                w.age(30, 7, 19, 55),
            )
            w.ph_fin(q, P["p_wallet"], P["p_bank"])
            if on:
                q.chat = w.platform(q, "chatapp", P["p_email"], P["p_phone"])
            partners.append(q)
            g.couples.append((s, q))
        s.x["partners"] = partners
        if r.random() < 0.6:
            s.flags.append("travel_ph")
        if r.random() < 0.3:
            s.flags.append("dating")


def _charity(w: World, g: Groups) -> None:
    r = w.rng
    P = w.P
    k = w.ui("n_charities", 3, 8)
    for _ in range(k):
        name = f"{r.choice(pools.STREETS)} {r.choice(('Hope', 'Bayanihan', 'Learning', 'Future', 'Care'))} Foundation"
        o = w.new_org("charity", name, "PH")
        o.city, o.address = w.new_address("PH")
        party = w.add_party(
            o, "bank-ph", "PBC", w.opened_before(800, 4000), name=name.upper(), kind="organization"
        )
        o.acct = o.bank = w.add_account(o, "bank-ph", "PB", "bank", party, w.opened_before(800, 4000))
        o.x["benef"] = []
        g.charities.append(o)
    n = round(w.N * w.u("rate_charity_sponsor", 0.005, 0.015))
    for _ in range(n):
        p = w.new_person(
            "charity_sponsor",
            pick_weighted(r, pools.DEMAND_MIX),
            "f" if r.random() < 0.55 else "m",
            w.age(55, 12, 25, 85),
        )
        w.foreign_fin(p, P["p_out_legit"])
        p.x["charity"] = r.choice(g.charities)
        g.sponsors.append(p)


def _freelance(w: World, g: Groups) -> None:
    r = w.rng
    P = w.P
    n_f = max(2, round(w.N * w.u("rate_freelancer", 0.008, 0.02)))
    n_c = max(2, round(w.N * w.u("rate_freelance_client", 0.004, 0.01)))
    for _ in range(n_f):
        p = w.new_person("freelancer", "PH", "f" if r.random() < 0.55 else "m", w.age(29, 6, 20, 50))
        w.ph_fin(p, 0.8, 0.6)
        if r.random() < 0.7:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.freelancers.append(p)
    for _ in range(n_c):
        p = w.new_person(
            "freelance_client",
            pick_weighted(r, pools.CLIENT_MIX),
            "m" if r.random() < 0.6 else "f",
            w.age(44, 10, 25, 70),
        )
        w.foreign_fin(p, P["p_out_legit"])
        p.x["team"] = r.sample(g.freelancers, min(len(g.freelancers), r.randint(1, 3)))
        if r.random() < 0.7:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.clients.append(p)


def _tutors(w: World, g: Groups) -> None:
    r = w.rng
    P = w.P
    n_t = max(2, round(w.N * w.u("rate_tutor", 0.002, 0.006)))
    n_s = max(4, round(w.N * w.u("rate_tutoring_client", 0.006, 0.016)))
    for _ in range(n_t):
        p = w.new_person("tutor", "PH", "f" if r.random() < 0.75 else "m", w.age(28, 6, 20, 50))
        w.ph_fin(p, P["p_wallet"], 0.5)
        p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        p.x["w"] = r.paretovariate(1.5)
        g.tutors.append(p)
    weights = [t.x["w"] for t in g.tutors]
    for _ in range(n_s):
        p = w.new_person(
            "tutoring_client", pick_weighted(r, pools.TUTEE_MIX), r.choice("fm"), w.age(36, 9, 20, 62)
        )
        w.foreign_fin(p, P["p_out_legit"])
        p.x["tutor"] = r.choices(g.tutors, weights=weights)[0]
        if r.random() < 0.95:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.tutees.append(p)


def _travellers(w: World, g: Groups) -> None:
    r = w.rng
    P = w.P
    n = max(2, round(w.N * w.u("rate_traveller", 0.004, 0.01)))
    for _ in range(n):
        p = w.new_person(
            "traveller",
            pick_weighted(r, pools.DEMAND_MIX),
            "m" if r.random() < 0.7 else "f",
            w.age(47, 13, 21, 80),
        )
        w.foreign_fin(p, P["p_out_legit"])
        p.flags.append("travel_ph")
        if r.random() < 0.2:
            p.flags.append("dating")
        g.travellers.append(p)


def _gamers(w: World, g: Groups) -> None:
    r = w.rng
    P = w.P
    n = max(2, round(w.N * w.u("rate_gamer", 0.01, 0.03)))
    p_ph = w.u("p_gamer_buys_from_ph_seller", 0.15, 0.4)
    game_sellers = [s for s in g.sellers if s.x["kind"] == "game_items"]
    for _ in range(n):
        mix = dict(pools.DEMAND_MIX, SG=6, KR=4)
        age = r.choices(range(16, 29), weights=(4, 6, 8, 9, 9, 8, 7, 6, 5, 4, 3, 3, 2))[0]
        p = w.new_person("gamer", pick_weighted(r, mix), "m" if r.random() < 0.9 else "f", age)
        w.foreign_fin(p, P["p_out_legit"] * 0.5)
        p.flags.append("games")
        p.x["ph_sellers"] = (
            r.sample(game_sellers, min(len(game_sellers), r.randint(1, 2))) if r.random() < p_ph else []
        )
        if r.random() < 0.4:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.gamers.append(p)


def _traders(w: World, g: Groups) -> None:
    r = w.rng
    P = w.P
    n = max(1, round(w.N * w.u("rate_p2p_trader", 0.0005, 0.0015)))
    for _ in range(n):
        p = w.new_person("p2p_trader", "PH", "m" if r.random() < 0.7 else "f", w.age(31, 7, 21, 55))
        w.ph_fin(p, 0.95, 0.7)
        p.x["crypto"] = w.outside_account(p, "CX")
        if r.random() < 0.8:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
        g.traders.append(p)


def _ordinary(w: World, g: Groups, N: int) -> None:
    r = w.rng
    P = w.P
    n = max(0, N - len(w.persons))
    w.params["count_ordinary_fill"] = {"value": n, "range": None}
    ph_share = w.u("share_ordinary_in_ph", 0.45, 0.65)
    n_ph = round(n * ph_share)
    home = None
    left = 0
    sur = ""
    for _ in range(n_ph):
        if left <= 0:
            home = w.new_home()
            left = r.choices((1, 2, 3, 4, 5, 6), weights=(0.25, 0.25, 0.2, 0.15, 0.1, 0.05))[0]
            sur = r.choice(pools.SURNAMES)
        left -= 1
        p = w.new_person(
            "ordinary",
            "PH",
            r.choice("fm"),
            w.age(38, 15, 18, 85),
            surname=sur if r.random() < 0.8 else None,
            home=home,
        )
        w.ph_fin(p, P["p_wallet"], P["p_bank"])
        g.ordinary_ph.append(p)
    for _ in range(n - n_ph):
        if w.bank_b_cc and r.random() < 0.5:
            cc = w.bank_b_cc
        else:
            cc = pick_weighted(r, pools.DEMAND_MIX if r.random() < 0.6 else pools.DIASPORA_MIX)
        p = w.new_person("ordinary", cc, r.choice("fm"), w.age(42, 14, 18, 85))
        w.foreign_fin(p, 0.0)
        g.ordinary_foreign.append(p)


def _links(w: World, g: Groups) -> None:
    """Friends, contacts, beneficiaries and counterparties drawn among existing people."""
    r = w.rng
    g.ph_people = [p for p in w.persons if p.country == "PH" and p.inst == "ph"]
    ph = g.ph_people
    pool_ph = g.ordinary_ph or ph
    for p in ph:
        home = p.home
        mates = [q for q in home.members if q is not p][:4] if home is not None else []
        p.friends = mates + [r.choice(ph) for _ in range(r.randint(0, 3))]
    by_inst: dict[str, list[Person]] = {}
    for p in w.persons:
        if p.foreign and p.inst in ("remit-a", "bank-b"):
            by_inst.setdefault(p.inst, []).append(p)
    for inst in sorted(by_inst):
        lst = by_inst[inst]
        for p in lst:
            p.friends = [r.choice(lst) for _ in range(r.randint(0, 3))]
    for p in g.travellers:
        p.x["contacts"] = [r.choice(pool_ph) for _ in range(r.randint(1, 5))]
    for c in g.charities:
        c.x["benef"] = [r.choice(pool_ph) for _ in range(r.randint(15, 80))]
    foreign_pool = g.ordinary_foreign or [p for p in w.persons if p.foreign and p.in_bundle]
    for t in g.traders:
        t.x["cps"] = [r.choice(ph) for _ in range(r.randint(20, 120))] + [
            r.choice(foreign_pool) for _ in range(r.randint(2, 12))
        ]


def _platforms(w: World, g: Groups) -> None:
    """Chat accounts for ordinary people and for diaspora families."""
    r = w.rng
    P = w.P
    p_ord = w.u("p_ordinary_on_platform", 0.08, 0.2)
    p_trav = w.u("p_traveller_on_platform", 0.3, 0.6)
    for p in g.senders:
        if p.x.get("family_on") and not p.chat and r.random() < 0.85:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
    for p in g.recipients + [m for hh in g.households for m in hh["members"]]:
        if p.x.get("family_on") and not p.chat:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
    for p in g.travellers:
        if r.random() < p_trav:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
            for c in p.x["contacts"]:
                if not c.chat and r.random() < 0.6:
                    c.chat = w.platform(c, "chatapp", P["p_email"], P["p_phone"])
    for p in g.ordinary_ph + g.ordinary_foreign + g.mules:
        if not p.chat and r.random() < p_ord:
            p.chat = w.platform(p, "chatapp", P["p_email"], P["p_phone"])
    # side habits that the domain notes list as offender boosters are common among everyone
    side = {
        "vpn": w.u("p_anyone_abroad_vpn", 0.03, 0.1),
        "dating": w.u("p_anyone_abroad_dating", 0.02, 0.06),
        "jewel": w.u("p_anyone_abroad_jewellery", 0.02, 0.06),
        "travel_ph": w.u("p_anyone_abroad_visits_ph", 0.01, 0.04),
    }
    for p in w.persons:
        if not p.foreign or p.cohort == "offender_payer":
            continue
        for f, pr in side.items():
            if f not in p.flags and r.random() < pr:
                p.flags.append(f)
    for p in w.persons:
        if "vpn" in p.flags and (p.chat or p.cam) and r.random() < 0.5:
            p.vpn = True
