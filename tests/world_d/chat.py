"""Innocuous chat phrasing for world D. Only everyday money and scheduling words, never anything sexual.

Every cohort talks about money; the offender arrangement phrasing ("send first", "ready na", "load muna",
"show later", a price per minute) deliberately overlaps with what families, performers, sellers and
freelancers say.
"""

from __future__ import annotations

OFFENDER_PAYER = [
    "ready na?",
    "available tonight?",
    "same time tomorrow?",
    "is the private room open",
    "ok sending now",
    "sent {usd} dollars",
    "check if you got it",
    "sent to the other account",
    "how much for {m} minutes",
    "can we start now",
    "i will send first",
    "next week again",
    "you got the gift?",
    "is it ready",
    "send me the new account",
    "{usd} ok?",
    "i paid already",
    "online later?",
    "same as before",
]
FACILITATOR = [
    "ready na",
    "send first",
    "load muna",
    "show later",
    "{usd} dollars for {m} minutes",
    "private only",
    "received, thank you",
    "wait 10 mins",
    "use the other account",
    "new account na, add me",
    "my old account is closed",
    "send to my sister account",
    "not yet received",
    "ok ready na po",
    "tonight 9pm",
    "send first before we start",
    "for school fees po",
    "salamat po",
    "later na lang",
    "wallet or remittance?",
    "send to the pickup name",
]
FAMILY_SENDER = [
    "padala sent na",
    "for the rent po",
    "dont forget the tuition",
    "sent the allowance",
    "load sent",
    "did you receive?",
    "buy medicine ok",
    "sending tomorrow after payday",
    "sorry late padala this month",
    "ingat kayo",
    "video call later?",
    "happy birthday! sent a gift",
]
FAMILY_RECIPIENT = [
    "send first for the rent po",
    "received na po, salamat",
    "padala na po?",
    "load muna po",
    "tuition due next week po",
    "thank you po",
    "need for school fees po",
    "ok na po",
    "call later po",
    "nanay says thank you",
    "can you send allowance po",
    "electric bill po this week",
]
PERFORMER = [
    "private show 60 tokens per minute",
    "tip me",
    "thank you for the tip",
    "see you tonight",
    "join my show later",
    "send the tip first",
    "going live at 10",
    "private is open now",
    "thanks for the tokens",
    "happy to see you again",
    "{m} minutes private ok",
    "special rate today",
]
ADULT_CUSTOMER = [
    "how much for private",
    "sent the tip",
    "are you online later",
    "tokens sent",
    "great show",
    "see you tomorrow",
    "can i book private",
    "sent a gift via remittance",
]
SELLER = [
    "pay first before I ship",
    "order #{order} ready na",
    "shipping fee 150",
    "sent the tracking number",
    "available pa po",
    "cod not available abroad, pay first",
    "thank you for your order",
    "restock next week",
    "payment received, will ship tomorrow",
    "order #{order} shipped",
]
SELLER_CUSTOMER = [
    "paid na",
    "how much shipping",
    "is this still available",
    "order #{order}",
    "sent payment",
    "when will it ship",
    "thank you",
    "can you ship to my sister",
    "i will order again",
]
FREELANCER = [
    "invoice sent",
    "rate per hour is {rate}",
    "report done",
    "payment received, thank you",
    "sending the timesheet",
    "available for more hours",
    "invoice #{inv} attached",
]
CLIENT = [
    "send the report first",
    "payment sent",
    "please send invoice",
    "good work this week",
    "can you do extra hours",
    "paid the invoice",
]
ROMANCE_SCAMMER = [
    "i miss you",
    "send for the ticket",
    "customs need the fee first",
    "i will pay you back",
    "hospital bill is due",
    "send first then i can travel",
    "the agent needs {usd} more",
    "trust me",
    "good morning love",
    "my account is blocked, send to my cousin",
]
ROMANCE_VICTIM = [
    "sent it",
    "is it enough",
    "when will you come",
    "i miss you too",
    "ok i will send tomorrow",
    "this is a lot of money",
    "did you get it",
]
EXTORTIONIST = [
    "hi",
    "add me",
    "send {usd} now",
    "you have 1 hour",
    "last chance",
    "send first then we are done",
    "gift card code now",
    "i know your friends",
    "pay now",
    "send more",
    "not enough",
]
SEXT_VICTIM = [
    "ok sending",
    "i dont have more",
    "please stop",
    "i sent it",
    "wait please",
    "that is all i have",
]
STREAMER = ["thanks for the gift", "going live later", "gg", "thank you for watching", "tip goal reached"]
VIEWER = ["gg", "nice stream", "sent a gift", "see you next stream", "lol"]


def fill(r, line: str) -> str:
    return line.format(
        usd=r.choice((20, 25, 30, 40, 50, 60, 80, 100, 150)),
        m=r.choice((10, 15, 20, 30)),
        order=r.randint(10000, 99999),
        rate=r.choice(("5 usd", "6 usd", "8 usd", "10 usd")),
        inv=r.randint(100, 999),
    )
