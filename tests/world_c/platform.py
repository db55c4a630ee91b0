"""The live-stream / video-chat platform: its organisation, token sales and weekly payouts."""

from __future__ import annotations

import numpy as np

from . import params as P
from .core import World

DAY = 86400
PACKS = [(50, 4.99), (100, 9.99), (250, 22.99), (550, 49.99), (1200, 99.99)]


def setup_platform(w: World) -> None:
    rng = w.sub_rng("platform")
    org = w.add_person("organization", "SG", rng, kind="organization", org_names=["Kislap Live Pte Ltd"])
    w.platform_org = org
    w.platform_merchant = w.add_account(org, "kislap-live", "merchant", cc="SG", rng=rng)
    w.ac_disp[w.platform_merchant] = "KISLAP*TOKENS"
    w.platform_payout = w.add_account(org, "kislap-live", "merchant", cc="SG", rng=rng)
    w.ac_disp[w.platform_payout] = "KISLAP PAYOUTS"


def _buyer(w: World, viewer: int) -> tuple[int, str]:
    acct = w.viewer_card.get(viewer)
    if acct is not None:
        return acct, "card"
    person = w.ac_person[viewer]
    k = w.cust.by_person.get(person)
    if k is not None:
        return w.cust.card[k], "card"
    wal = w.ph_wallet_of.get(person)
    if wal is not None:
        return wal, "ewallet"
    return -1, ""


def finalize_platform(w: World) -> None:
    rng = w.sub_rng("platform-final")
    S = w.se
    if not S["sid"]:
        return
    tokens = np.array(S["tokens"], dtype=np.int64)
    paid = np.array(S["paid"], dtype=np.float64)
    viewer = np.array(S["viewer"], dtype=np.int64)
    host = np.array(S["host"], dtype=np.int64)
    start = np.array(S["start"], dtype=np.int64)
    sel = np.nonzero(tokens > 0)[0]
    # ---- token purchases: packs bought shortly before the balance runs out
    order = sel[np.lexsort((start[sel], viewer[sel]))]
    bal: dict[int, int] = {}
    for i in order:
        v = int(viewer[i])
        if v < 0:
            continue
        need = int(tokens[i])
        b = bal.get(v, int(rng.integers(0, 60)))
        if b < need:
            acct, ch = _buyer(w, v)
            while b < need:
                size, usd = PACKS[
                    int(np.searchsorted([p[0] for p in PACKS], need - b).clip(0, len(PACKS) - 1))
                ]
                if rng.random() < 0.3 and size < 1200:
                    size, usd = PACKS[[p[0] for p in PACKS].index(size) + 1]
                b += size
                if acct < 0:
                    continue
                t = int(start[i] - rng.integers(60, 3 * 3600))
                cc = w.ac_cc[acct]
                cur = P.CUR_IDX[P.COUNTRY_CURRENCY.get(cc, "USD")]
                day = int(w.day_of(t))
                amt = float(w.local_amount(usd, cur, day))
                if ch == "card":
                    w.tx(t, amt, cur, acct, w.platform_merchant, "card", mcc=5815, mname="KISLAP*TOKENS")
                else:
                    w.tx(t, amt, cur, acct, w.platform_merchant, "ewallet", "kislap tokens")
        bal[v] = b - need
    # ---- weekly payouts (60 % of what hosts earned)
    week = (start[sel] - w.T0) // (7 * DAY)
    earn: dict[tuple[int, int], float] = {}
    for h, wk, usd in zip(host[sel].tolist(), week.tolist(), paid[sel].tolist(), strict=True):
        earn[(h, wk)] = earn.get((h, wk), 0.0) + usd
    for (h, wk), usd in sorted(earn.items()):
        dest = w.payout_dest.get(h)
        if dest is None or usd * 0.6 < 10:
            continue
        t = int(w.T0 + (wk + 1) * 7 * DAY + rng.integers(1, 3) * DAY + rng.integers(0, 6 * 3600))
        if t >= w.T1:
            continue
        day = int(w.day_of(t))
        cc = w.ac_cc[dest]
        cur_code = P.COUNTRY_CURRENCY.get(cc, "USD")
        if w.insts[w.ac_inst[dest]].side in ("foreign", "demand"):
            cur_code = "USD" if rng.random() < 0.5 else cur_code
        cur = P.CUR_IDX[cur_code]
        amt = float(w.local_amount(usd * 0.6, cur, day))
        ch = "ewallet" if w.insts[w.ac_inst[dest]].kind == "ewallet" else "bank_transfer"
        w.tx(t, amt, cur, w.platform_payout, dest, ch, f"KISLAP payout W{int(wk) + 1:02d}")
