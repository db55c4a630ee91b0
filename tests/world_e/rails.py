"""Record emitters: how one economic event becomes rows in each source's tables."""

from __future__ import annotations

from typing import Any

import numpy as np

from .core import DAY, SRC_C, SRC_W, World, Z, nice_round
from .names import ZERO_DECIMAL

ArrOrScalar = Any

# external remittance partners whose sender side is not in the bundle: (partner name, id prefix)
PARTNERS = [
    ("RemitPro", "RMP"),
    ("GlobalSend", "GLS"),
    ("BankWire SWIFT", "BKW"),
    ("PayFlex", "PFX"),
    ("Kabayan Express", "KBX"),
]
FREELANCE_PARTNERS = [("PayoGlobal", "PYG"), ("WiseTransfer-like", "WTL"), ("BankWire SWIFT", "BKW")]


def _arr(x: ArrOrScalar, n: int, dt: Any = object) -> np.ndarray:
    if isinstance(x, np.ndarray):
        return x
    return np.full(n, x, dtype=dt)


def wallet_tx(
    w: World,
    ts: np.ndarray,
    snd: ArrOrScalar,
    rcv: ArrOrScalar,
    amt: np.ndarray,
    ttype: ArrOrScalar,
    channel: ArrOrScalar = "ewallet",
    ref: ArrOrScalar = "",
    mcc: ArrOrScalar = "",
    mname: ArrOrScalar = "",
    scc: ArrOrScalar = "PH",
    rcc: ArrOrScalar = "PH",
    kind: int = 0,
) -> None:
    n = len(ts)
    if n == 0:
        return
    disp = np.where(w.rng.random(n) < w.P.wallet_z_noise, Z, 480)
    w.tx.add(
        n,
        src=SRC_W,
        ts=ts,
        amount=np.round(np.maximum(amt, 1.0), 2),
        currency="PHP",
        sender=snd,
        receiver=rcv,
        channel=channel,
        scc=scc,
        rcc=rcc,
        reference=ref,
        mcc=mcc,
        mname=mname,
        ttype=ttype,
        disp=disp,
        kind=kind,
    )


def inbound_ext(
    w: World,
    ts: np.ndarray,
    snd: np.ndarray,
    rcv: ArrOrScalar,
    amt: np.ndarray,
    cur: ArrOrScalar,
    scc: ArrOrScalar,
    partner: ArrOrScalar,
    ref: ArrOrScalar,
    sname: ArrOrScalar,
    kind: int = 0,
    php: np.ndarray | None = None,
) -> None:
    """Credit from a remitter/bank outside the bundle: only the wallet's row exists."""
    n = len(ts)
    if n == 0:
        return
    cur_a = _arr(cur, n)
    if php is None:
        amt, php = _php_amounts(w, amt, cur_a, ts, 0.02)
    delay = w.rng.integers(60, 3 * 3600, n)
    disp = np.where(w.rng.random(n) < w.P.wallet_z_noise, Z, 480)
    w.tx.add(
        n,
        src=SRC_W,
        ts=ts + delay,
        amount=np.maximum(php, 1.0),
        currency="PHP",
        sender=snd,
        receiver=rcv,
        channel="remittance",
        scc=scc,
        rcc="PH",
        reference=ref,
        ttype="inbound_remit",
        partner=partner,
        pref=w.next_pref("RX", n),
        oamt=amt,
        ocur=cur_a,
        sname=sname,
        disp=disp,
        kind=kind,
    )


def _php_amounts(
    w: World, amt: np.ndarray, cur: np.ndarray, ts: np.ndarray, spread: float, round_share: float = 0.15
) -> tuple[np.ndarray, np.ndarray]:
    """Credited PHP; some senders fix the amount the recipient gets (a round PHP figure)."""
    php = w.to_php(amt, cur, ts, spread)
    m = w.rng.random(len(ts)) < round_share
    if m.any():
        php = php.copy()
        amt = np.asarray(amt, dtype=float).copy()
        php[m] = nice_round(w.rng, php[m], 1.0)
        back = php[m] * w.usd_per("PHP", ts[m]) / w.usd_per(cur[m], ts[m]) / (1 - spread)
        zd = np.isin(cur[m], list(ZERO_DECIMAL))
        amt[m] = np.where(zd, np.maximum(np.round(back), 1.0), np.round(back, 2))
    return amt, php


def card_disp(w: World, ts: np.ndarray, persons: np.ndarray) -> np.ndarray:
    if w.P.card_ts_mode == "utc":
        return np.full(len(ts), Z, dtype=np.int16)
    return w.offset_at(ts, persons).astype(np.int16)


def card_to_wallet(
    w: World,
    ts: np.ndarray,
    persons: np.ndarray,
    app: ArrOrScalar,
    card: ArrOrScalar,
    rcv: ArrOrScalar,
    amt: np.ndarray,
    cur: ArrOrScalar,
    ref: ArrOrScalar,
    sname: ArrOrScalar,
    kind: int = 0,
    php: np.ndarray | None = None,
) -> None:
    """Card-app cross-border transfer into a PH wallet: the app's row and the wallet's credit."""
    n = len(ts)
    if n == 0:
        return
    cur_a = _arr(cur, n)
    if php is None:
        amt, php = _php_amounts(w, amt, cur_a, ts, 0.012)
    scc = w.country_arr[persons]
    pref = w.next_pref("CB", n)
    w.tx.add(
        n,
        src=SRC_C,
        ts=ts,
        amount=amt,
        currency=cur_a,
        sender=app,
        receiver=rcv,
        channel="remittance",
        scc=scc,
        rcc="PH",
        reference=ref,
        ttype="p2p_intl",
        pref=pref,
        fund=card,
        disp=card_disp(w, ts, persons),
        kind=kind,
    )
    delay = w.rng.integers(15, 900, n)
    disp = np.where(w.rng.random(n) < w.P.wallet_z_noise, Z, 480)
    w.tx.add(
        n,
        src=SRC_W,
        ts=ts + delay,
        amount=np.maximum(php, 1.0),
        currency="PHP",
        sender=app,
        receiver=rcv,
        channel="remittance",
        scc=scc,
        rcc="PH",
        reference=ref,
        ttype="inbound_remit",
        partner=w.P.src_card,
        pref=pref,
        oamt=amt,
        ocur=cur_a,
        sname=sname,
        disp=disp,
        mirror=True,
        kind=kind,
    )


def card_purchase(
    w: World,
    ts: np.ndarray,
    persons: np.ndarray,
    card: ArrOrScalar,
    merchant: ArrOrScalar,
    amt: np.ndarray,
    cur: ArrOrScalar,
    mcc: ArrOrScalar,
    mname: ArrOrScalar,
    rcc: ArrOrScalar,
    kind: int = 0,
) -> None:
    n = len(ts)
    if n == 0:
        return
    w.tx.add(
        n,
        src=SRC_C,
        ts=ts,
        amount=amt,
        currency=cur,
        sender=card,
        receiver=merchant,
        channel="card",
        scc=w.country_arr[persons],
        rcc=rcc,
        mcc=mcc,
        mname=mname,
        ttype="purchase",
        disp=card_disp(w, ts, persons),
        kind=kind,
    )


def card_p2p(
    w: World,
    ts: np.ndarray,
    persons: np.ndarray,
    app: ArrOrScalar,
    card: ArrOrScalar,
    rcv: ArrOrScalar,
    amt: np.ndarray,
    cur: ArrOrScalar,
    rcc: ArrOrScalar,
    ref: ArrOrScalar = "",
    channel: ArrOrScalar = "ewallet",
    ttype: str = "p2p",
    kind: int = 0,
) -> None:
    n = len(ts)
    if n == 0:
        return
    w.tx.add(
        n,
        src=SRC_C,
        ts=ts,
        amount=amt,
        currency=cur,
        sender=app,
        receiver=rcv,
        channel=channel,
        scc=w.country_arr[persons],
        rcc=rcc,
        reference=ref,
        ttype=ttype,
        fund=card,
        disp=card_disp(w, ts, persons),
        kind=kind,
    )


def sessions(
    w: World,
    start: np.ndarray,
    dur: np.ndarray,
    host: ArrOrScalar,
    viewer: ArrOrScalar,
    hcc: ArrOrScalar,
    vcc: ArrOrScalar,
    hip: ArrOrScalar,
    vip: ArrOrScalar,
    hdev: ArrOrScalar,
    vdev: ArrOrScalar,
    private: ArrOrScalar,
    paid: ArrOrScalar = np.nan,
    cur: ArrOrScalar = "",
    sid: np.ndarray | None = None,
    kind: int = 0,
) -> np.ndarray:
    n = len(start)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if sid is None:
        sid = w.n_sessions + np.arange(n, dtype=np.int64)
        w.n_sessions += n
    # platforms sometimes fail to record the end of a session
    end = np.where(w.rng.random(n) < 0.03, -1, start + dur)
    w.ss.add(
        n,
        sid=sid,
        start=start,
        end=end,
        host=host,
        viewer=viewer,
        hcc=hcc,
        vcc=vcc,
        hip=hip,
        vip=vip,
        hdev=hdev,
        vdev=vdev,
        private=private,
        paid=paid,
        currency=cur,
        kind=kind,
    )
    return sid


def new_session_ids(w: World, n: int) -> np.ndarray:
    sid = w.n_sessions + np.arange(n, dtype=np.int64)
    w.n_sessions += n
    return sid


def messages(
    w: World,
    ts: np.ndarray,
    snd: ArrOrScalar,
    rcp: ArrOrScalar,
    text: ArrOrScalar,
    sid: ArrOrScalar = -1,
    kind: int = 0,
) -> None:
    if len(ts) == 0:
        return
    w.ms.add(len(ts), ts=ts, sender=snd, recipient=rcp, sid=sid, text=text, kind=kind)


def pick_text(w: World, pool: list[str], n: int) -> np.ndarray:
    arr = np.array(pool, dtype=object)
    t = arr[w.rng.integers(0, len(arr), n)]
    # chat noise: casing and trailing punctuation
    u = w.rng.random(n)
    t = np.where(u < 0.05, np.char.upper(t.astype(str)).astype(object), t)
    t = np.where(
        (u > 0.9), t + np.array(["!", "?", " :)", "..", " po"], dtype=object)[w.rng.integers(0, 5, n)], t
    )
    return t


def conversation(
    w: World,
    t0: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    pool_a: list[str],
    pool_b: list[str],
    n_msgs: np.ndarray,
    span: np.ndarray,
    sid: np.ndarray | None = None,
    kind: int = 0,
) -> None:
    """Short chats: for each pair k, n_msgs[k] messages alternating a/b between t0 and t0+span."""
    n_msgs = np.asarray(n_msgs, dtype=np.int64)
    tot = int(n_msgs.sum())
    if tot == 0:
        return
    own = np.repeat(np.arange(len(t0)), n_msgs)
    first = np.cumsum(n_msgs) - n_msgs
    pos = np.arange(tot) - first[own]
    frac = w.rng.random(tot)
    # keep messages ordered within a conversation
    order = np.lexsort((frac, own))
    frac = frac[order]
    ts = t0[own] + (frac * span[own]).astype(np.int64)
    from_a = (pos % 2 == 0) ^ (w.rng.random(tot) < 0.15)
    snd = np.where(from_a, a[own], b[own])
    rcp = np.where(from_a, b[own], a[own])
    txt = np.where(from_a, pick_text(w, pool_a, tot), pick_text(w, pool_b, tot))
    s = sid[own] if sid is not None else np.full(tot, -1, dtype=np.int64)
    messages(w, ts, snd, rcp, txt, s, kind)


def days_between(w: World, n: int, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    lo = np.asarray(lo)
    hi = np.maximum(np.asarray(hi), lo + 1)
    return (lo + w.rng.random(n) * (hi - lo)).astype(np.int64)


def clip_window(w: World, ts: np.ndarray) -> np.ndarray:
    lo = w.epoch0
    hi = w.epoch0 + w.ndays * DAY - 1
    return (ts >= lo) & (ts <= hi)
