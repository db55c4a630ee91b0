"""Live-stream sessions (LiwanagLive) and chat (LiwanagLive in-session chat, Kausap messenger).

All chat text is innocuous everyday phrasing about money, time and logistics.
"""

from __future__ import annotations

import numpy as np

from . import timeutil as T
from .offenders import Household, host_at
from .population import chat_account, platform_account
from .world import Person, World

NAN = float("nan")


def _ses(W: World, start, end, host, viewer, private, paid, vpn) -> np.ndarray:
    sid = W.session_ids(len(start))
    W.ses.add(sid=sid, start=start, end=end, host=host, viewer=viewer, private=private, paid=paid, vpn=vpn)
    return sid


def sessions(W: World, hhs: list[Household], pays: list[Person]) -> None:
    rng = W.rng_plat
    p = W.p
    # ---- offender payers watching private sessions of their households' hosts
    for per in pays:
        if rng.random() >= p["payer_platform"] or "pay_ts" not in per.acc or "inbound_only" in per.traits:
            continue
        va = platform_account(
            W,
            per,
            opened=int(per.acc["pay_ts"][0]) - int(rng.integers(5, 200)) * T.DAY,
            email_alt=rng.random() < 0.6,
        )
        per.traits.append("platform_viewer")
        share = rng.uniform(0.4, 0.9)
        vpn_p = 0.6 if "vpn" in per.traits else 0.0
        sids, starts = [], []
        for ts, rcv in zip(per.acc["pay_ts"], per.acc["pay_rcv"], strict=True):
            if rng.random() >= share:
                continue
            hh = next((hhs[h] for h in per.acc["hh"] if rcv in hhs[h].accounts), hhs[per.acc["hh"][0]])
            dur = int(rng.uniform(8, 40) * 60)
            if rng.random() < 0.6:  # "send first": the show starts after the payment
                st = ts + int(rng.uniform(5, 60) * 60)
            else:
                st = ts - dur - int(rng.uniform(0, 30) * 60)
            host = host_at(hh, st)
            paid = W.nice(rng.uniform(5, 30)) if rng.random() < 0.2 else NAN
            sid = _ses(W, [st], [st + dur], host, va, 1, paid, int(rng.random() < vpn_p))
            sids.append(int(sid[0]))
            starts.append((st, host, hh))
        per.acc["sessions"] = sids
        per.acc["session_meta"] = starts
    # cover: some facilitator hosts also run public sessions with unrelated viewers
    viewers_pool = [
        a
        for q in W.persons
        if q.cohort in ("ordinary", "gamer", "adult_customer")
        for a in q.acc.get("platform", [])
    ]
    vp = np.array(viewers_pool, dtype=np.int64) if viewers_pool else np.zeros(0, dtype=np.int64)
    for hh in hhs:
        if rng.random() < 0.3 and vp.size:
            for _ in range(int(rng.poisson(5))):
                d = rng.uniform(0, T.NDAYS - 1)
                st = int(T.sample_local(rng, np.array([T.TZ_INDEX["p8"]]), np.array([int(d)]), "evening")[0])
                host = host_at(hh, st)
                k = max(1, int(rng.poisson(3)))
                v = vp[rng.integers(0, vp.size, k)]
                sid = W.session_ids(1)[0]
                dur = int(rng.uniform(20, 90) * 60)
                W.ses.add(sid=np.full(k, sid), start=np.full(k, st), end=np.full(k, st + dur), host=host, viewer=v,
                          private=0, paid=NAN, vpn=0)  # fmt: skip
    # ---- adult performers: public shows for many fans, private shows for one
    for f in getattr(W, "performers", []):
        hosts = f.acc.get("platform", [])
        if not hosts:
            continue
        fans = np.array(W.fans.get(hosts[0], []), dtype=np.int64)
        if fans.size == 0:
            continue
        days = np.sort(rng.uniform(0, T.NDAYS - 1, rng.poisson(rng.uniform(3, 6) / 7 * T.NDAYS)))
        st = T.sample_local(rng, f.tz, days.astype(np.int64), "late")
        for s in st.tolist():
            host = (
                hosts[0]
                if W.a_closed[hosts[0]] < 0 or s < W.a_closed[hosts[0]] or len(hosts) == 1
                else hosts[-1]
            )
            k = max(1, min(fans.size, int(rng.poisson(min(6.0, fans.size)))))
            v = rng.choice(fans, size=k, replace=False)
            extra = (
                vp[rng.integers(0, vp.size, int(rng.poisson(2)))] if vp.size else np.zeros(0, dtype=np.int64)
            )
            v = np.concatenate([v, extra])
            dur = int(rng.uniform(30, 180) * 60)
            tips = np.where(rng.random(v.size) < 0.3, W.nice(rng.uniform(1, 20, v.size)), NAN)
            sid = W.session_ids(1)[0]
            W.ses.add(sid=np.full(v.size, sid), start=np.full(v.size, s), end=np.full(v.size, s + dur), host=host,
                      viewer=v, private=0, paid=tips, vpn=(rng.random(v.size) < 0.05).astype(np.int8))  # fmt: skip
    # private shows driven by the customer's own (night) schedule
    for cu in W.persons:
        if cu.cohort != "adult_customer" or "fav" not in cu.acc:
            continue
        va = cu.acc["platform"][0]
        d0, d1 = cu.acc["window"]
        n = rng.poisson(rng.uniform(0.5, 4) / 30 * max(1, d1 - d0))
        if n == 0:
            continue
        days = np.sort(rng.uniform(d0, d1, n))
        night = cu.acc["night"][0] / 100
        prof = np.where(rng.random(n) < night, 1, 0)
        st = np.empty(n, dtype=np.int64)
        for val, name in ((0, "evening"), (1, "night")):
            m = prof == val
            st[m] = T.sample_local(rng, cu.tz, days[m].astype(np.int64), name)
        favs = cu.acc["fav"]
        hosts = np.array(
            [W.performers[int(favs[int(j)])].acc["platform"][0] for j in rng.integers(0, len(favs), n)]
        )
        mins = rng.uniform(5, 30, n)
        rate = rng.choice([1.0, 2.0, 3.0, 4.0], size=n)  # USD per minute (tokens)
        sid = W.session_ids(n)
        W.ses.add(sid=sid, start=st, end=st + (mins * 60).astype(np.int64), host=hosts, viewer=va, private=1,
                  paid=np.round(mins * rate, 2), vpn=(rng.random(n) < 0.1).astype(np.int8))  # fmt: skip
        cu.acc["priv"] = list(zip(sid.tolist(), st.tolist(), hosts.tolist(), strict=True))
    # ---- legitimate streamers: public sessions, many viewers, small tips
    for s in getattr(W, "streamers", []):
        host = s.acc["platform"][0]
        days = np.sort(rng.uniform(0, T.NDAYS - 1, rng.poisson(3 / 7 * T.NDAYS)))
        st = T.sample_local(rng, s.tz, days.astype(np.int64), "evening")
        if vp.size == 0:
            break
        for t0 in st.tolist():
            k = max(1, int(rng.poisson(10)))
            v = vp[rng.integers(0, vp.size, k)]
            sid = W.session_ids(1)[0]
            tips = np.where(rng.random(k) < 0.1, W.nice(rng.uniform(1, 10, k)), NAN)
            W.ses.add(sid=np.full(k, sid), start=np.full(k, t0), end=np.full(k, t0 + int(rng.uniform(60, 240) * 60)),
                      host=host, viewer=v, private=0, paid=tips, vpn=0)  # fmt: skip


# ---------------------------------------------------------------------------- chat
TPL = {
    "off_f_pre": [
        "ready na po",
        "send first po",
        "load muna po",
        "how much po ba",
        "ready na, send first",
        "online na po",
        "same as last time po?",
        "use the other wallet po",
        "send to the new number po",
        "old account closed, add the new one po",
        "private only po",
    ],  # fmt: skip
    "off_p_pre": [
        "how much for {min} minutes",
        "is it ready",
        "ok sending now",
        "{amt} dollars for {min} min ok?",
        "can we do {time}",
        "which wallet",
        "same price?",
    ],  # fmt: skip
    "off_p_post": ["sent, check", "sent {amt}", "done, sent na", "check your wallet"],
    "off_f_post": [
        "received po, salamat",
        "show later {time} po",
        "ok na po",
        "thank you po, same time tomorrow?",
        "delete chat after po",
        "next time {amt} po",
    ],  # fmt: skip
    "fam_r_pre": [
        "send first for the rent po",
        "padala na po?",
        "load muna please",
        "school fees due friday po",
        "kuya pa-load naman",
        "ate, allowance po",
        "bills na naman po",
    ],  # fmt: skip
    "fam_s": [
        "sent na",
        "check your wallet",
        "ok will send tomorrow",
        "ready na the padala",
        "sent {amt}, share with the kids",
    ],
    "fam_r_post": ["received po salamat", "thank you po", "ok na po, salamat", "got it, ingat ka dyan"],
    "sel_c": [
        "is this available?",
        "how much shipping to {city}?",
        "paid, sent the receipt",
        "order #{order} po",
    ],
    "sel_s": [
        "pay first before I ship po",
        "order #{order} confirmed",
        "tracking number sent",
        "shipping {amt} pesos po",
        "received, will ship tomorrow",
    ],  # fmt: skip
    "fre_c": [
        "invoice received",
        "sent payment for this period",
        "rate per hour ok",
        "thanks for the report",
    ],
    "fre_f": [
        "invoice for this period attached",
        "thank you, received",
        "rate per hour is {amt} usd",
        "sent the report",
    ],
    "rom_m": [
        "send for the ticket",
        "I miss you",
        "send first then I book",
        "customs fee po",
        "my mother medical bills",
        "ready na the papers, just the fee",
    ],  # fmt: skip
    "rom_v": ["sent it", "how much more?", "I miss you too", "ok sending {amt}"],
    "ad_h": [
        "private show 60 tokens per minute",
        "tip me",
        "thank you for the tip",
        "see you tomorrow",
        "going private?",
        "{tok} tokens per minute in private",
    ],  # fmt: skip
    "ad_v": ["going private", "tip sent", "hi again", "how much per minute?"],
    "sx_e": [
        "send now",
        "you have one hour",
        "last chance",
        "send the gift card code",
        "send {amt} now",
        "pay or else",
    ],
    "sx_v": ["I sent it", "please stop", "I don't have more", "ok ok"],
    "ord": [
        "see you later",
        "nasa bahay ka?",
        "send me the receipt",
        "pasabay naman",
        "ok na",
        "ready na ba?",
        "kain tayo",
        "thanks!",
        "load muna ako",
        "send first the address",
        "traffic pa",
    ],  # fmt: skip
}


def _fill(rng: np.random.Generator, t: str, amt: float | None = None) -> str:
    if "{" not in t:
        return t
    return t.format(
        min=int(rng.choice([10, 15, 20, 30])),
        amt=int(amt) if amt is not None else int(rng.choice([20, 25, 30, 50, 100])),
        time=["9pm", "10pm", "later", "tonight", "after dinner", "11pm"][int(rng.integers(0, 6))],
        order=int(rng.integers(10000, 999999)),
        city=["Dubai", "Riyadh", "Toronto", "London", "Sydney"][int(rng.integers(0, 5))],
        tok=int(rng.choice([30, 60, 90])),
    )


class Talk:
    def __init__(self, W: World):
        self.W = W
        self.rng = W.rng_chat

    def line(self, ts: int, a: int, b: int, key: str, sid: int = -1, amt: float | None = None) -> None:
        t = TPL[key][int(self.rng.integers(0, len(TPL[key])))]
        self.W.say(ts, a, b, _fill(self.rng, t, amt), sid)

    def exchange(
        self, t0: int, a: int, b: int, keys: list[tuple[str, int]], sid: int = -1, step: int = 120
    ) -> int:
        """keys: (template key, who) with who 0 = a speaks, 1 = b speaks."""
        t = t0
        for key, who in keys:
            t += int(self.rng.integers(10, step))
            if who == 0:
                self.line(t, a, b, key, sid)
            else:
                self.line(t, b, a, key, sid)
        return t


def chat(W: World, hhs: list[Household], pays: list[Person], rings) -> None:
    rng = W.rng_chat
    tk = Talk(W)
    # offenders: around payments and sessions
    for per in pays:
        if (
            rng.random() > (0.3 if per.sub == "few" else 0.7)
            or "pay_ts" not in per.acc
            or "inbound_only" in per.traits
        ):
            continue
        use_plat = "sessions" in per.acc and rng.random() < 0.5
        pa = per.acc["platform"][0] if use_plat else chat_account(W, per)
        k = len(per.acc["pay_ts"])
        idx = np.sort(rng.choice(k, size=min(k, int(rng.integers(2, 12))), replace=False))
        meta = per.acc.get("session_meta", [])
        for j in idx.tolist():
            ts, rcv = per.acc["pay_ts"][j], per.acc["pay_rcv"][j]
            hh = next((hhs[h] for h in per.acc["hh"] if rcv in hhs[h].accounts), hhs[per.acc["hh"][0]])
            if use_plat:
                fa, sid = host_at(hh, ts), -1
                near = [
                    (s, m)
                    for s, m in zip(per.acc["sessions"], meta, strict=True)
                    if abs(m[0] - ts) < 3 * 3600
                ]
                if near:
                    sid = near[0][0]
                    fa = near[0][1][1]
            else:
                fa, sid = hh.chatters[int(rng.integers(0, len(hh.chatters)))], -1
            pre = ts - int(rng.uniform(5, 90) * 60)
            tk.exchange(pre, fa, pa, [("off_f_pre", 0), ("off_p_pre", 1), ("off_f_pre", 0)], sid)
            tk.exchange(ts, pa, fa, [("off_p_post", 0), ("off_f_post", 1)], sid)
    # look-alikes: conversations anchored on their payments
    keys = {
        "family": ([("fam_r_pre", 1), ("fam_s", 0)], [("fam_r_post", 1)], 0.4),
        "seller": ([("sel_c", 0), ("sel_s", 1)], [("sel_c", 0), ("sel_s", 1)], 0.3),
        "freelance": ([("fre_f", 1)], [("fre_c", 0), ("fre_f", 1)], 0.5),
        "romance": ([("rom_m", 1), ("rom_v", 0), ("rom_m", 1)], [("rom_v", 0), ("rom_m", 1)], 0.7),
    }
    for kind, a, b, anchors in W.convos:
        pre, post, share = keys[kind]
        if rng.random() > share or len(anchors) == 0 or "inbound_only" in a.traits:
            continue
        ca, cb = chat_account(W, a), chat_account(W, b)
        sel = np.sort(
            rng.choice(len(anchors), size=min(len(anchors), int(rng.integers(1, 9))), replace=False)
        )
        for j in sel.tolist():
            ts = int(anchors[j])
            tk.exchange(ts - int(rng.uniform(10, 600) * 60), ca, cb, pre)
            tk.exchange(ts, ca, cb, post)
    # adult performers and customers: in-session chat of private shows
    for cu in W.persons:
        if cu.cohort != "adult_customer" or "priv" not in cu.acc or rng.random() > 0.5:
            continue
        va = cu.acc["platform"][0]
        for sid, st, host in cu.acc["priv"][: int(rng.integers(1, 10))]:
            tk.exchange(st - 60, host, va, [("ad_h", 0), ("ad_v", 1), ("ad_h", 0)], sid, step=40)
    # sextortion
    for _nid, _exs, victims in rings:
        for v in victims:
            if rng.random() > 0.6 or "burst" not in v.acc:
                continue
            t0, t1, e_idx = v.acc["burst"]
            e = W.persons[e_idx]
            ce, cv = chat_account(W, e), chat_account(W, v)
            t = t0 - int(rng.uniform(20, 120) * 60)
            while t < t1 + 1800:
                t = tk.exchange(t, ce, cv, [("sx_e", 0), ("sx_v", 1)], step=600) + int(rng.uniform(600, 7200))
    # ordinary chatter between people in the Philippines (households and friends)
    ph = getattr(W, "ph_people", [])
    if ph:
        n = max(1, int(len(ph) * 0.25))
        for i in rng.choice(len(ph), size=n, replace=False).tolist():
            a = ph[i]
            b = ph[int(rng.integers(0, len(ph)))]
            if a is b:
                continue
            ca, cb = chat_account(W, a), chat_account(W, b)
            for d in rng.uniform(0, T.NDAYS - 1, int(rng.integers(2, 10))).tolist():
                t = int(T.sample_local(rng, np.array([a.tz]), np.array([int(d)]), "day")[0])
                tk.exchange(t, ca, cb, [("ord", 0), ("ord", 1)])
