"""Innocuous chat lines and payment references.

Only everyday words and the published, innocuous indicator vocabulary ("send first", "ready na",
"load", "gift", "school fees", "show", "tip", "private", "tokens", ...). Nothing sexual, ever.
Offenders and look-alikes draw from overlapping vocabularies on purpose: every cohort talks about money.
"""

from __future__ import annotations

import numpy as np

# ---------------------------------------------------------------- payment references
REF_OFFENDER = [
    "gift",
    "school fees",
    "allowance",
    "load",
    "tuition",
    "medical",
    "for food",
    "help",
    "family support",
    "uniform",
    "pang load",
    "baon",
    "for the kids",
    "accommodation",
    "education",
    "bday gift",
    "pasalubong",
    "rent",
    "ty",
    "for you",
    "GIFT",
    "school",
    "med bills",
]
REF_DIASPORA = [
    "padala",
    "allowance",
    "school fees",
    "rent po",
    "for mama",
    "tuition",
    "monthly",
    "load",
    "bills",
    "pang grocery",
    "family support",
    "medicine ni lola",
    "baon",
    "birthday",
    "pasalubong",
    "kuryente",
    "tubig",
    "enrollment",
    "gift",
]
REF_SELLER = [
    "order #{n}",
    "ORDER {n}",
    "order #{n} shipping",
    "#{n}",
    "payment order {n}",
    "shipping fee",
    "reservation #{n}",
    "dp order {n}",
    "balance order #{n}",
]
REF_FREELANCE = [
    "invoice {m}",
    "INV-{n}",
    "VA services {m}",
    "payroll {m}",
    "retainer {m}",
    "hours {m}",
    "contract payment",
    "invoice #{n}",
]
REF_ROMANCE = [
    "ticket",
    "visa fee",
    "for the ticket",
    "hospital",
    "customs fee",
    "gift",
    "help",
    "love",
    "processing fee",
    "travel",
    "clearance fee",
    "for mom hospital",
]
REF_CHARITY = [
    "child sponsorship",
    "sponsor #{n}",
    "monthly sponsorship",
    "donation",
    "sponsorship {m}",
    "child sponsor program",
    "DONATION",
]
REF_TIP = ["tip", "gift", "for you", "thank you", "bday", ""]
REF_EXTORT = ["", "", "gift", "pay", "ok", "loan", "help"]

# ---------------------------------------------------------------- chat lines: (speaker, text); 0 = first party
OFFENDER_OPEN = [
    [(0, "hi"), (1, "hello po"), (0, "you online tonight?"), (1, "yes po ready na")],
    [(0, "ready na?"), (1, "wait lang po 10 min"), (0, "ok")],
    [(0, "hello again"), (1, "hi po"), (0, "private later?"), (1, "send first po")],
    [(1, "hi po you free?"), (0, "later"), (1, "ok po show later 9pm")],
    [(0, "how much for 15 min"), (1, "30 dollars po for 15 min"), (0, "ok")],
    [(0, "same as last time?"), (1, "yes po"), (1, "load muna po")],
    [(1, "new acct ko po this"), (0, "ok"), (1, "old one closed po")],
    [(0, "price per minute?"), (1, "2 dollars per minute po"), (0, "ok fine")],
]
OFFENDER_PAY = [
    [(1, "send first po"), (0, "sending now"), (0, "sent na, check"), (1, "received po thank you")],
    [(0, "sent 50"), (1, "ok po got it"), (1, "ready na po")],
    [(1, "load muna po"), (0, "ok"), (0, "done"), (1, "salamat po")],
    [(0, "check your wallet"), (1, "ok na po")],
    [(1, "pls send to my other account po"), (0, "which one"), (1, "the new number po"), (0, "ok sent")],
    [(0, "sent. same time tomorrow?"), (1, "yes po")],
]
OFFENDER_AFTER = [
    [(0, "thanks"), (1, "ty po next time again")],
    [(1, "next time more po"), (0, "ok")],
    [(0, "bye"), (1, "bye po")],
]

EXTORT = [
    [(0, "hi"), (1, "hey"), (0, "add me on the other app"), (1, "ok")],
    [(0, "pay 100 now"), (1, "i dont have that"), (0, "send first then we talk"), (1, "ok wait")],
    [(0, "more now"), (1, "please stop"), (0, "last chance, 1 hour"), (1, "ok sending")],
    [(0, "gift card code only"), (1, "i only have 50"), (0, "send 50 now")],
    [(0, "send 200 or else"), (1, "i sent already"), (0, "not enough")],
]

FAMILY = [
    [(1, "ate send first for the rent po"), (0, "ok padala ko later"), (1, "salamat po")],
    [(0, "padala na, check mo"), (1, "ok na po received")],
    [(1, "load po pls"), (0, "ok wait"), (0, "sent na"), (1, "ty po")],
    [(1, "school fees due friday po"), (0, "ok send ko bukas")],
    [(0, "video call later?"), (1, "ok po 8pm"), (0, "ingat kayo")],
    [(1, "miss you po"), (0, "miss you too, ingat")],
    [(1, "si lola po medicine"), (0, "ok send ko na")],
]
PERFORMER = [
    [(1, "hi dear, private show 60 tokens per minute"), (0, "ok"), (1, "tip me if you like")],
    [(0, "hi"), (1, "hello, tokens first then private"), (0, "ok buying now")],
    [(1, "thank you for the tip"), (0, "you're welcome")],
    [(0, "are you online tonight?"), (1, "yes from 10pm my time"), (0, "see you")],
    [(1, "menu is in my profile"), (0, "ok")],
]
COUPLE = [
    [(1, "i miss you so much"), (0, "me too"), (1, "send for the ticket so i can visit")],
    [(1, "i need for the visa fee"), (0, "how much"), (1, "350 only"), (0, "ok i send tomorrow")],
    [(1, "hospital bill for mom"), (0, "oh no, i will help")],
    [(1, "customs fee for the package"), (0, "again?"), (1, "last one i promise")],
    [(0, "when will you come"), (1, "send first then i fly")],
]
SELLER = [
    [(0, "mine po"), (1, "ok order #{n} po, pay first before I ship")],
    [(1, "order #{n} confirmed"), (0, "paid na po"), (1, "shipping tomorrow")],
    [(0, "how much shipping to abroad"), (1, "shipping fee 350 po")],
    [(1, "thank you for ordering"), (1, "tracking number tomorrow po")],
    [(0, "available pa?"), (1, "yes po, pay first to reserve")],
]
FREELANCE = [
    [(1, "invoice for {m} attached"), (0, "thanks, paying today")],
    [(0, "rate per hour is 8 USD right?"), (1, "yes"), (0, "ok")],
    [(0, "meeting at 9 your time"), (1, "noted")],
    [(1, "hours logged: 40"), (0, "payment sent, thanks")],
]
STREAM = [
    "gg",
    "thanks for the tip",
    "hello from canada",
    "nice play",
    "hi everyone",
    "lol",
    "w",
    "shoutout pls",
    "first time here",
    "good stream",
    "hello po",
    "ganda ng setup",
    "see you tomorrow",
]
WALLET_HH = [
    [(0, "ready na?"), (1, "oo"), (0, "load muna ako")],
    [(0, "padala ko na yung share mo"), (1, "ok salamat")],
    [(1, "pa cash out naman"), (0, "ok later")],
    [(0, "gamitin mo muna number ko"), (1, "ok")],
]
WALLET_FAMILY = [
    [(0, "dumating na padala ni ate"), (1, "ok hati tayo")],
    [(0, "pa load"), (1, "ok sent")],
    [(0, "bayad kuryente"), (1, "done na")],
]


def fill(text: str, rng: np.random.Generator, month: str = "May") -> str:
    if "{n}" in text:
        text = text.replace("{n}", str(int(rng.integers(1000, 99999))))
    if "{m}" in text:
        text = text.replace("{m}", month)
    return text


def pick(rng: np.random.Generator, bank: list):
    return bank[int(rng.integers(0, len(bank)))]


def lines(rng: np.random.Generator, bank: list, month: str = "May") -> list[tuple[int, str]]:
    return [(w, fill(t, rng, month)) for w, t in pick(rng, bank)]
