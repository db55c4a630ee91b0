"""Moving money: channel routing between a person's accounts, amounts, gift cards, crypto,
cash-outs. Every cohort pays through these same functions."""

from __future__ import annotations

import random

from .clock import DAY, at_local_hour, local_hour
from .fx import nice
from .model import Account, Person

CROSS_NAMED = ("remittance", "bank_transfer", "cash_pickup")


class Money:
    def __init__(self, world):
        self.w = world
        self.sink = world.sink
        self.fx = world.fx

    # ---- amounts ------------------------------------------------------------------------------
    def amount_in(self, r: random.Random, p: Person, usd: float, cur: str, t: int) -> float:
        day = (t - self.w.t0) // DAY
        return nice(self.fx.convert(usd, "USD", cur, day), p.round_p, r, cur)

    def raw(
        self,
        t: int,
        amount: float,
        cur: str,
        s: Account,
        rc: Account,
        channel: str,
        ref: str = "",
        mcc: str = "",
        mname: str = "",
        chain: str = "",
    ) -> bool:
        sname = rname = ""
        if channel in CROSS_NAMED and s.country != rc.country:
            sname, rname = s.name_on, rc.name_on
        return self.sink.txn(t, amount, cur, s, rc, channel, ref, mcc, mname, chain, sname, rname)

    def pay(
        self, r: random.Random, t: int, s: Account, rc: Account, usd: float, channel: str, ref: str = ""
    ) -> float:
        cur = s.currency or "USD"
        amt = self.amount_in(r, s.person, usd, cur, t)
        self.raw(t, amt, cur, s, rc, channel, ref)
        return amt

    # ---- routing ------------------------------------------------------------------------------
    @staticmethod
    def _open(accts: list[Account], t: int, want: tuple[str, ...]) -> Account | None:
        for a in accts:
            if (a.inst.code in want or a.kind in want) and a.opened <= t and (not a.closed or t < a.closed):
                return a
        return None

    def sender(self, p: Person, t: int, channel: str) -> tuple[Account | None, str]:
        acc = p.accounts
        if channel == "remittance":
            a = self._open(acc, t, ("remit-intl-j", "ext-remit"))
            if a:
                return a, "remittance"
        if channel in ("remittance", "bank_transfer"):
            a = self._open(acc, t, ("bank-us-e", "bank-gb-f", "bank-au-g", "bank-eu-h", "ext-bank"))
            if a and a.kind == "bank":
                return a, "bank_transfer"
        if channel == "ewallet":
            a = self._open(acc, t, ("p2p-intl-k",))
            if a:
                return a, "ewallet"
        for want, ch in (
            (("remit-intl-j", "ext-remit"), "remittance"),
            (("bank-us-e", "bank-gb-f", "bank-au-g", "bank-eu-h", "ext-bank"), "bank_transfer"),
            (("p2p-intl-k",), "ewallet"),
        ):
            a = self._open(acc, t, want)
            if a and a.kind != "card":
                return a, ch
        return None, ""

    def receiver(self, r: random.Random, p: Person, t: int, channel: str) -> tuple[Account | None, str]:
        acc = p.accounts
        pref = p.extra.get("recv")
        if channel == "ewallet":
            a = self._open(acc, t, ("p2p-intl-k",)) or self._open(acc, t, ("wallet-ph-b",))
            if a:
                return a, "ewallet"
        if channel == "bank_transfer":
            a = self._open(acc, t, ("bank-ph-a",)) or self._open(acc, t, ("wallet-ph-b",))
            if a:
                return a, "bank_transfer"
        if pref and r.random() < 0.85:
            a = self._open(acc, t, (pref,))
            if a:
                return a, ("cash_pickup" if a.inst.code == "remit-ph-c" else channel)
        x = r.random()
        order = (
            (("wallet-ph-b",), ("remit-ph-c",), ("bank-ph-a",))
            if x < 0.65
            else (
                (("remit-ph-c",), ("wallet-ph-b",), ("bank-ph-a",))
                if x < 0.9
                else (("bank-ph-a",), ("wallet-ph-b",), ("remit-ph-c",))
            )
        )
        for want in order:
            a = self._open(acc, t, want)
            if a:
                return a, ("cash_pickup" if a.inst.code == "remit-ph-c" else channel)
        for a in acc:
            if a.kind not in ("platform", "card", "crypto") and a.open_at(t):
                return a, channel
        return None, ""

    def send(
        self, r: random.Random, t: int, payer: Person, payee: Person, usd: float, channel: str, ref: str = ""
    ) -> bool:
        """A cross-border (or any person-to-person) payment along the payer's preferred channel."""
        if channel == "gift_card":
            return self.giftcard(r, t, payer, payee, usd, ref)
        if channel == "crypto":
            return self.crypto(r, t, payer, payee, usd)
        s, ch = self.sender(payer, t, channel)
        if s is None:
            return False
        rc, ch2 = self.receiver(r, payee, t, ch)
        if rc is None:
            return False
        self.pay(r, t, s, rc, usd, ch2, ref)
        return True

    # ---- special rails ------------------------------------------------------------------------
    def giftcard(
        self,
        r: random.Random,
        t: int,
        payer: Person,
        payee: Person,
        usd: float,
        ref: str = "",
        redeem: bool = True,
    ) -> bool:
        w = self.w
        card = self._open(payer.accounts, t, ("card",))
        face = nice(usd, 0.95, r, "USD")
        if card is not None:
            m = w.spend.merchant(r, "giftcard", card.country)
            cur = card.currency
            self.raw(
                t,
                self.amount_in(r, payer, face, cur, t),
                cur,
                card,
                m.accounts[0],
                "card",
                "",
                "5947",
                m.first,
            )
        if not redeem:
            return True
        code = w.pop.open(r, payer, "ext-giftcard", "card", t=t)
        code.currency = "USD"
        code.country = payer.country
        dest = self._open(payee.accounts, t, ("wallet-ph-b",)) or self._open(
            payee.accounts, t, ("p2p-intl-k",)
        )
        if dest is None:
            return card is not None
        t2 = t + int(r.uniform(600, 2 * DAY))
        self.raw(
            t2,
            round(face * w.P.giftcard_discount * r.uniform(0.95, 1.05), 2),
            "USD",
            code,
            dest,
            "gift_card",
            ref,
        )
        return True

    def crypto_wallet(self, r: random.Random, p: Person, t: int, custodial: bool) -> Account:
        if p.extra.get("external"):
            custodial = False
        inst = ("vasp-ph-d" if p.country == "PH" else "vasp-intl-l") if custodial else "ext-chain"
        a = self._open(p.accounts, t, (inst,))
        if a is None:
            a = self.w.pop.open(r, p, inst, "crypto", t=t - int(r.uniform(1, 60)) * DAY)
        return a

    def crypto(
        self, r: random.Random, t: int, payer: Person, payee: Person, usd: float, onramp: float = 0.35
    ) -> bool:
        w = self.w
        src = self.crypto_wallet(r, payer, t, custodial=r.random() < 0.75)
        if src.inst.code == "vasp-intl-l" and r.random() < onramp:
            bank = self._open(payer.accounts, t, ("bank",))
            if bank is not None:
                self.pay(
                    r,
                    t - int(r.uniform(600, DAY)),
                    bank,
                    src,
                    usd * r.uniform(1.0, 1.5),
                    "bank_transfer",
                    "crypto purchase",
                )
        dst = self.crypto_wallet(r, payee, t, custodial=payee.country == "PH" or r.random() < 0.5)
        amt = nice(usd * r.uniform(0.98, 1.02), payer.round_p * 0.5, r, "USD")
        chain = "%064x" % r.getrandbits(256)
        if r.random() < 0.12:
            # two of the payer's addresses spent together (common-input)
            other = (
                self.w.pop.open(r, payer, src.inst.code, "crypto", t=t - 86400 * 30)
                if len(payer.accts("crypto")) < 3
                else payer.accts("crypto")[-1]
            )
            part = round(amt * r.uniform(0.2, 0.6), 2)
            self.raw(t, part, "USD", other, dst, "crypto", chain=chain)
            self.raw(t, round(amt - part, 2) or 0.01, "USD", src, dst, "crypto", chain=chain)
        else:
            self.raw(t, amt, "USD", src, dst, "crypto", chain=chain)
        # the receiver cashes out to pesos now and then
        if dst.inst.code == "vasp-ph-d" and r.random() < 0.6:
            wal = self._open(payee.accounts, t, ("wallet-ph-b", "bank-ph-a"))
            if wal is not None:
                t2 = t + int(r.uniform(3600, 4 * DAY))
                php = nice(w.fx.convert(amt, "USD", "PHP", (t2 - w.t0) // DAY) * 0.98, 0.5, r, "PHP")
                self.raw(
                    t2,
                    php,
                    "PHP",
                    dst,
                    wal,
                    "ewallet" if wal.kind == "ewallet" else "bank_transfer",
                    "cash out",
                )
        return True

    @staticmethod
    def _ph_time(r: random.Random, t: int, p: Person, business: bool) -> int:
        """Move t to an hour of the person's own day (business hours for counters)."""
        t2 = at_local_hour(r, t, p.tz, p.hours)
        if business:
            h = local_hour(t2, p.tz)
            if h < 8 or h > 20:
                t2 += (r.randint(8, 20) - h) * 3600
        if t2 < t:
            t2 += DAY
        return t2

    def domestic(self, r: random.Random, t: int, a: Person, b: Person, php: float, ref: str = "") -> bool:
        t = self._ph_time(r, t, a, False)
        s = self._open(a.accounts, t, ("wallet-ph-b",)) or self._open(a.accounts, t, ("bank-ph-a",))
        d = (
            self._open(b.accounts, t, ("wallet-ph-b",))
            or self._open(b.accounts, t, ("bank-ph-a",))
            or self._open(b.accounts, t, ("remit-ph-c",))
        )
        if s is None or d is None or s is d:
            return False
        ch = (
            "ewallet"
            if s.kind == "ewallet" and d.kind == "ewallet"
            else ("cash_pickup" if d.inst.code == "remit-ph-c" else "bank_transfer")
        )
        amt = nice(php, a.round_p + 0.2, r, "PHP")
        self.raw(t, amt, "PHP", s, d, ch, ref)
        return True

    def cashout(self, r: random.Random, t: int, p: Person, php: float) -> bool:
        s = self._open(p.accounts, t, ("wallet-ph-b",)) or self._open(p.accounts, t, ("bank-ph-a",))
        if s is None:
            return False
        t = self._ph_time(r, t, p, True)
        agent = self.w.spend.agent(r, p.city)
        amt = nice(php, 0.9, r, "PHP")
        self.raw(t, max(amt, 100.0), "PHP", s, agent, "cash_pickup", "")
        return True
