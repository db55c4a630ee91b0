"""Helpers to move money between people of world D through the institutions they use."""

from __future__ import annotations

import math

from .clock import DAY, T0
from .core import CH, ZERO_DEC, World


def round_to(x: float, r) -> float:
    """An even amount near x: steps of 1/2/5 x 10^(digits-2)."""
    if x <= 0:
        return 1.0
    e = 10 ** max(0, int(math.floor(math.log10(x))) - 1)
    step = e * r.choice((1, 2, 5, 5, 10))
    return max(step, round(x / step) * step)


def money(w: World, usd: float, acct: int, t: int, even: bool = False) -> float:
    cur = w.acc_cur(acct)
    x = w.usd_to(usd, cur, (t - T0) // DAY)
    if even:
        x = round_to(x, w.r)
    return float(round(x, 0 if cur in ZERO_DEC else 2)) or 1.0


def pickup(w: World, person: int, remitter: str) -> int:
    key = ("pickup", person, remitter)
    a = w.infra.setdefault("pickups", {}).get(key)
    if a is None:
        p = w.persons[person]
        a = w.account(person, remitter, "pickup", country=p.country)
        w.infra["pickups"][key] = a
    return a


def ph_accounts(w: World, person: int) -> list[int]:
    return w.infra.get("ph_accts", {}).get(person) or [w.home[person]]


def send(
    w: World,
    t: int,
    usd: float,
    s: int,
    r: int,
    ch: str,
    ref: str = "",
    even: str = "",
    delay: int | None = None,
) -> None:
    """Record one transfer. even: '' (exact cents), 's' (even in sender currency), 'r' (even in receiver currency)."""
    if even == "r":
        amt = money(w, usd, r, t, True)
        rcur = 1
    else:
        amt = money(w, usd, s, t, even == "s")
        rcur = 0
    if delay is None:
        delay = {
            "remittance": w.r.randint(60, 1800),
            "bank_transfer": w.r.randint(2 * 3600, 30 * 3600),
            "crypto": w.r.randint(300, 3600),
            "cash_pickup": 0,
        }.get(ch, w.r.randint(0, 120))
    w.ev.add(t, amt, s, r, CH[ch], w.ref(ref) if ref else 0, rcur, delay)


def route(w: World, payer: int, mode: str, recv_person: int, recv_accts: list[int]) -> tuple[int, int, str]:
    """Choose the sending account, receiving account and channel for a payer's cross-border transfer."""
    r = w.r
    if mode == "remit_pickup":
        s = w.remit_account(payer)
        rem = w.insts[w.ac_src[s]].name
        return s, pickup(w, recv_person, rem), "cash_pickup"
    if mode == "crypto":
        return w.vasp_account(payer), recv_accts[0], "crypto"
    if mode == "bank":
        return w.home[payer], r.choice(recv_accts), "bank_transfer"
    return w.remit_account(payer), r.choice(recv_accts), "remittance"


def pick_mode(r, weights: dict[str, float]) -> str:
    x = r.random() * sum(weights.values())
    acc = 0.0
    for k, v in weights.items():
        acc += v
        if x < acc:
            return k
    return next(iter(weights))
