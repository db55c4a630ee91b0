"""Tips from the hotline and reports from the platform: some about real offenders, many
mistaken (about look-alikes), with incomplete identifiers."""

from __future__ import annotations

from . import text

_CSEA = ("child sexual exploitation", "CSEA policy violation", "minor safety", "child safety")


def _ids(r, people, t, *, want_plat=True, want_pay=True, want_phone=True, want_email=True, want_ip=True):
    accts, users, emails, phones, ips, pays, urls = [], [], [], [], [], [], []
    for p in people:
        if want_plat and p.plat and r.random() < 0.6:
            a = p.plat[-1] if r.random() < 0.7 else r.choice(p.plat)
            users.append(a.username)
            if r.random() < 0.3:
                urls.append(f"https://vidchat.example.com/u/{a.username}")
        if want_pay and r.random() < 0.6:
            cand = [a for a in p.accounts if a.kind in ("ewallet", "bank", "remittance") and a.inst.ph]
            if cand:
                pays.append(r.choice(cand).account_id)
        if want_phone and p.phone and r.random() < 0.45:
            phones.append(p.phone)
        if want_email and r.random() < 0.25:
            pa = p.parties.get("vidchat-p")
            emails.append(pa.email if pa is not None and pa.email and r.random() < 0.5 else p.email)
        if want_ip and p.ip and r.random() < 0.15:
            ips.append(p.ip)
    if not (users or pays or phones or emails or ips) and people:
        phones.append(people[0].phone)
    return accts, users, emails, phones, ips, pays, urls


def run(w) -> None:
    r = w.rng("reports")
    P = w.P
    sink = w.sink
    span = w.t1 - w.t0
    hs = w.households
    true_osec = max(1, round(len(hs) * P.tips_per_household))
    weights = [h.weight for h in hs]
    for _ in range(true_osec):
        h = r.choices(hs, weights=weights, k=1)[0]
        t = int(w.t0 + r.random() * span)
        people = r.sample(h.collectors, k=min(len(h.collectors), r.randint(1, 2)))
        if r.random() < 0.25:
            # a tip that names a payer of this household instead
            payers = [p for p in w.payers if h.net in p.nets]
            if payers:
                people = [r.choice(payers)]
        ids = _ids(r, people, t)
        sink.report(
            "hotline-ph-r",
            t,
            r.choice(["live_streaming", "trafficking", "live_streaming"]),
            r.choice(text.TIP_OSEC),
            *ids,
            "PH",
        )
    # mistaken tips about look-alikes (same wording)
    pool = (
        w.performers
        + [t for pa, ts in w.tutor_parents for t in ts]
        + [q for _, qs in w.families for q in qs]
        + [b for _, b in w.couples]
        + w.fundraisers
        + w.streamers
        + w.sellers
        + w.ord_ph[:2000]
        + [c for _, cs in w.travellers for c in cs]
    )
    payer_pool = w.adult_customers + [t for t, _ in w.travellers] + [pa for pa, _ in w.tutor_parents]
    n_false = round(true_osec * P.mistaken_tip_ratio)
    for _ in range(n_false):
        t = int(w.t0 + r.random() * span)
        people = [r.choice(payer_pool)] if (payer_pool and r.random() < 0.2) else [r.choice(pool)]
        ids = _ids(r, people, t)
        sink.report(
            "hotline-ph-r",
            t,
            r.choice(["live_streaming", "trafficking", "live_streaming", "enticement"]),
            r.choice(text.TIP_OSEC),
            *ids,
            "PH",
        )
    # sextortion tips: victims' families name the ring's profiles and payment handles
    n_sx = max(1, round(len(w.rings) * P.tips_per_ring))
    for _ in range(n_sx):
        g = r.choice(w.rings)
        t = int(w.t0 + r.random() * span)
        users = [a.username for a in r.sample(g.profiles, k=min(len(g.profiles), r.randint(1, 2)))]
        pays = [
            a.account_id
            for m in g.members
            for a in m.accounts
            if a.inst.exported and a.kind in ("ewallet", "bank") and r.random() < 0.3
        ]
        sink.report(
            "hotline-ph-r" if g.country == "PH" else "vidchat-p",
            t,
            "sextortion",
            r.choice(text.TIP_SEXTORTION),
            [],
            users,
            [],
            [],
            [],
            pays,
            [],
            g.country,
        )
    for _ in range(max(1, n_sx // 2)):  # mistaken: romance scammers and others reported as sextortion
        t = int(w.t0 + r.random() * span)
        who = r.choice(w.scammers + w.ord_foreign[:200])
        ids = _ids(r, [who], t)
        sink.report(
            "vidchat-p", t, "sextortion", r.choice(text.TIP_SEXTORTION + text.TIP_OTHER), *ids, who.country
        )
    # the platform reports the accounts it banned for child safety (right or wrong)
    for p in w.pop.persons:
        for a in p.plat:
            if a.banned in _CSEA and r.random() < 0.7:
                pa = a.party
                sink.report(
                    "vidchat-p",
                    min(w.t1, a.closed + int(r.uniform(600, 3 * 86400))),
                    "live_streaming" if p.country == "PH" else "enticement",
                    "Account actioned under the child safety policy; identifiers attached.",
                    [a.account_id],
                    [a.username],
                    [pa.email] if pa is not None and pa.email else [],
                    [],
                    [p.ip] if r.random() < 0.5 else [],
                    [],
                    [],
                    a.country,
                )
