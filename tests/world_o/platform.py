"""The chat / video platform: profiles, accounts, sessions, messages, bans, payouts."""

from __future__ import annotations

import random

from . import geo, names
from .clock import DAY
from .fx import nice
from .model import Account, Person
from .rng import hexstr
from .text import chat_lines

_VPN_IPS = ["203.0.113.%d" % i for i in range(200, 240)]


class Platform:
    def __init__(self, world, r: random.Random):
        self.w = world
        self.r = r
        org = world.pop.org(r, "organization", "SG", "VidChat Payments")
        self.merchant: Account = world.pop.open(r, org, "vidchat-p", "merchant", t=world.t0 - 900 * DAY)
        self.merchant.display = "VidChat Payments"
        self.n_sessions = 0

    def join(
        self, r: random.Random, p: Person, t: int | None = None, real: bool | None = None, fresh: bool = False
    ) -> Account:
        """A platform account. fresh=True: a new profile too (after a ban, a second identity)."""
        w = self.w
        P = w.P
        if t is None:
            t = (
                w.t0 - int(r.uniform(10, 1500)) * DAY
                if r.random() < 0.7
                else int(r.uniform(w.t0, w.t1 - 20 * DAY))
            )
        if fresh:
            p.parties.pop("vidchat-p", None)
        new_profile = "vidchat-p" not in p.parties
        a = w.pop.open(r, p, "vidchat-p", "platform", t=t)
        pa = a.party
        if new_profile:
            if fresh:
                real = False
            real = (r.random() < P.p_profile_real_name) if real is None else real
            if real:
                pa.name = (
                    names.variant(r, p.first, p.middle, p.last, P.p_name_variant)
                    if r.random() < 0.6
                    else p.first
                )
            else:
                pa.name = f"{names.first_name(r)} {names.surname(r)}" if r.random() < 0.4 else ""
            pa.email = (
                p.email
                if (r.random() < P.p_profile_same_email and not fresh)
                else f"{names.handle(r).replace('.', '_')}{r.randint(1, 999)}@{'example.org' if r.random() < 0.5 else 'example.com'}"
            )
            pa.phone = p.phone if r.random() < P.p_profile_same_phone else ""
            pa.address = ""
            pa.id_number = ""
            pa.city = p.city if r.random() < 0.4 else ""
            pa.country = r.choice(geo.VPN_EXITS) if p.vpn and r.random() < 0.5 else p.country
            pa.birth = p.birth if r.random() < 0.5 else ""
        a.username = w.ids._unique(
            lambda: (
                names.handle(r)
                if r.random() < 0.7
                else f"{p.first.lower()}{r.choice(['', '_', '.'])}{r.randint(1, 9999)}"
            )
        )
        if p.kind == "organization":
            a.display = p.first
        else:
            a.display = r.choice(
                [p.first, a.username, f"{p.first} {p.last[0]}.", names.handle(r).split(".")[0]]
            )
        a.country = pa.country
        p.plat.append(a)
        return a

    def account(self, p: Person, t: int) -> Account | None:
        for a in reversed(p.plat):
            if a.opened <= t and (not a.closed or t < a.closed):
                return a
        return None

    def ban(self, a: Account, t: int, reason: str) -> None:
        if a.closed and a.closed <= t:
            return
        a.closed = t
        a.banned = reason

    def _where(self, r: random.Random, p: Person) -> tuple[str, str, str]:
        if p.vpn and r.random() < 0.7:
            return r.choice(geo.VPN_EXITS), r.choice(_VPN_IPS), p.devices[0]
        return p.country, p.ip, r.choice(p.devices)

    def session(
        self,
        r: random.Random,
        t: int,
        host: Account,
        viewers: list[tuple[Account, float]],
        private: bool,
        minutes: float,
    ) -> str:
        """One session; one row per viewer (a single row with no viewer when nobody joined)."""
        w = self.w
        sid = w.ids.hex("S", 14)
        t_end = t + int(minutes * 60)
        hcc, hip, hdev = self._where(r, host.person)
        self.n_sessions += 1
        if not viewers:
            w.sink.session(sid, t, t_end, host, None, hcc, "", hip, "", hdev, "", private, 0.0, "")
            return sid
        for v, paid in viewers:
            vcc, vip, vdev = self._where(r, v.person)
            tv = t + (int(r.uniform(0, minutes * 30)) if not private else int(r.uniform(0, 90)))
            te = min(t_end, tv + int(r.uniform(0.3, 1.0) * minutes * 60)) if not private else t_end
            w.sink.session(
                sid,
                tv,
                max(te, tv + 30),
                host,
                v,
                hcc,
                vcc,
                hip,
                vip,
                hdev,
                vdev,
                private,
                nice(paid, 0.8, r, "USD") if paid > 0 else 0.0,
                "USD",
            )
        return sid

    def chat(self, r: random.Random, t: int, a: Account, b: Account, kind: str, n: int, sid: str = "") -> int:
        """A short exchange between two platform accounts, a few seconds to minutes apart."""
        sent = 0
        for side, line in chat_lines(r, kind, n):
            t += int(r.uniform(5, 240))
            if side == 0:
                self.w.sink.message(t, a, b, sid, line)
            else:
                self.w.sink.message(t, b, a, sid, line)
            sent += 1
        return sent

    def payout(self, r: random.Random, t: int, p: Person, usd: float) -> bool:
        w = self.w
        dest = w.money._open(p.accounts, t, ("wallet-ph-b", "p2p-intl-k", "bank-ph-a", "bank"))
        if dest is None:
            return False
        amt = round(usd, 2)
        w.money.raw(
            t,
            amt,
            "USD",
            self.merchant,
            dest,
            "ewallet" if dest.kind == "ewallet" else "bank_transfer",
            "payout " + hexstr(r, 6),
        )
        return True
