"""Vocabularies of the synthetic world: sources, kinds, channels, cohorts, references, MCCs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Source:
    name: str
    tz_rule: str  # "Z": UTC with Z; "fixed": local time of the source; "holder": account holder's
    tz_offset: int  # minutes, for "fixed"
    phone_style: str  # "e164", "spaced" or "national"


SOURCES: tuple[Source, ...] = (
    Source("bank-a", "Z", 0, "e164"),
    Source("bank-b", "fixed", -300, "spaced"),
    Source("card-c", "holder", 0, "e164"),
    Source("remit-x", "Z", 0, "e164"),
    Source("stream-s", "fixed", 0, "e164"),
    Source("ewallet-p", "fixed", 480, "national"),
    Source("bank-ph", "fixed", 480, "national"),
)
SRC: dict[str, int] = {s.name: i for i, s in enumerate(SOURCES)}
BANK_A, BANK_B, CARD_C, REMIT_X, STREAM_S, EWALLET_P, BANK_PH = range(7)
SRC_TZ_RULE = np.array([("Z", "fixed", "holder").index(s.tz_rule) for s in SOURCES], np.int8)
SRC_TZ_OFFSET = np.array([s.tz_offset for s in SOURCES], np.int16)

KINDS: tuple[str, ...] = ("bank", "remittance", "ewallet", "card", "crypto", "platform", "merchant")
K_BANK, K_REMIT, K_EWALLET, K_CARD, K_CRYPTO, K_PLATFORM, K_MERCHANT = range(7)

CHANNELS: tuple[str, ...] = (
    "remittance",
    "bank_transfer",
    "ewallet",
    "card",
    "crypto",
    "gift_card",
    "cash_pickup",
)
CH_REMIT, CH_BANK, CH_EWALLET, CH_CARD, CH_CRYPTO, CH_GIFT, CH_CASH = range(7)

COHORTS: tuple[str, ...] = (
    "offender_payer",
    "facilitator",
    "sextortion_victim",
    "extortionist",
    "diaspora_remitter",
    "romance_victim",
    "romance_scammer",
    "webcam_customer",
    "adult_performer",
    "charity_sponsor",
    "traveller",
    "ordinary",
    "legit_beneficiary",
    "streamer",
    "organization",
    "merchant",
)
CO: dict[str, int] = {c: i for i, c in enumerate(COHORTS)}
# Cohorts drawn from the customer population, in the order they are assigned.
CUSTOMER_COHORTS: tuple[str, ...] = (
    "offender_payer",
    "sextortion_victim",
    "diaspora_remitter",
    "romance_victim",
    "webcam_customer",
    "charity_sponsor",
    "traveller",
    "ordinary",
)

ROLES: tuple[str, ...] = ("", "payer", "facilitator", "victim")
R_NONE, R_PAYER, R_FACILITATOR, R_VICTIM = range(4)

# Payment references: empty, or one of the innocuous words FIUs publish as indicators.
REFERENCES: tuple[str, ...] = (
    "",
    "school fees",
    "gift",
    "accommodation",
    "uniform",
    "medical bills",
    "family support",
    "education",
    "allowance",
    "load",
    "tuition",
)
REF: dict[str, int] = {r: i for i, r in enumerate(REFERENCES)}


def ref_weights(**weights: float) -> tuple[np.ndarray, np.ndarray]:
    """(reference indices, probabilities) from keyword=weight pairs; `none` is the empty one."""
    keys = [k.replace("_", " ") for k in weights]
    idx = np.array([REF["" if k == "none" else k] for k in keys], dtype=np.int8)
    p = np.array(list(weights.values()), dtype=np.float64)
    return idx, p / p.sum()


@dataclass(frozen=True)
class Category:
    mcc: str
    usd_median: float
    weight: float  # share of domestic card spending (0 = not drawn for everyday spending)
    prefixes: tuple[str, ...]
    nouns: tuple[str, ...]


def _c(mcc: str, usd: float, w: float, prefixes: str, nouns: str) -> Category:
    return Category(mcc, usd, w, tuple(prefixes.split("|")), tuple(nouns.split("|")))


CATEGORIES: dict[str, Category] = {
    "grocery": _c(
        "5411",
        38,
        0.22,
        "Fresh|Green Valley|Harbor|Corner|Sunrise|Daily|Family|Golden",
        "Market|Grocers|Foods|Supermarket",
    ),
    "restaurant": _c(
        "5812",
        34,
        0.11,
        "Olive|Blue Door|Rustic|Lantern|Copper|Garden|Saffron",
        "Kitchen|Bistro|Grill|Table|Diner",
    ),
    "fastfood": _c(
        "5814", 12, 0.11, "Quick|Happy|Urban|Street|Snack|Crispy", "Bites|Burger|Noodle Bar|Cafe|Bakery"
    ),
    "fuel": _c("5541", 45, 0.07, "Roadway|Northstar|Express|Summit|Meridian", "Fuel|Gas|Energy"),
    "pharmacy": _c("5912", 24, 0.05, "Care|Wellness|Health Plus|Family", "Pharmacy|Chemist"),
    "clothing": _c("5651", 60, 0.05, "Thread|Urban|Coast|Linen|Northwind", "Apparel|Outfitters"),
    "department": _c("5311", 70, 0.04, "Grand|Central|Metro|Parkside", "Department Store|Mart"),
    "electronics": _c("5732", 140, 0.02, "Circuit|Volt|Pixel|Signal", "Electronics|Tech"),
    "transit": _c("4111", 7, 0.06, "City|Metro|Regional", "Transit|Rail|Bus"),
    "taxi": _c("4121", 18, 0.05, "Swift|Hop|Ride|Go", "Rides|Cabs|Taxi"),
    "retail": _c("5999", 30, 0.05, "Maple|Corner|Bright|Oak|Sunset", "Goods|Store|Shop"),
    "telecom": _c("4814", 45, 0.03, "Connect|Wave|Signal|Link", "Mobile|Telecom"),
    "streaming": _c("4899", 14, 0.04, "Stream|Cine|Tune|Play", "Box|Flix|Plus|Hub"),
    "books": _c("5942", 20, 0.01, "Page|Chapter|Ink", "Books|Booksellers"),
    "cinema": _c("7832", 20, 0.02, "Star|Regal|Palace", "Cinemas|Pictures"),
    "convenience": _c("5499", 10, 0.07, "Quick|Corner|24/7|Handy", "Stop|Mart|Store"),
    # Not drawn for everyday spending; used by specific behaviours.
    "digital": _c("5816", 12, 0.0, "Pixel|Nimbus|Arcade|Byte", "Games|Digital|Store"),
    "marketplace": _c("5399", 45, 0.0, "Mega|Bazaar|Everything|Cart", "Market|Shop|Online"),
    "software": _c("5734", 30, 0.0, "Byte|Code|Capture|Studio", "Software|Apps|Labs"),
    "vpn": _c("4816", 10, 0.0, "SecureTunnel|Hidden Path|Shield|Private Route", "VPN|Net"),
    "dating": _c("7273", 30, 0.0, "Kindred|Heartline|Meet|Spark", "Match|Connect|Social"),
    "adult_platform": _c(
        "5967", 35, 0.0, "Lumen|Starlight|Aurora|Solstice", "Live Media|Digital Ltd|Entertainment"
    ),
    "platform_tokens": _c("5815", 20, 0.0, "Stream-S", "Tokens"),
    "airline": _c("4511", 700, 0.0, "Pacific|Atlas|Skyward|Meridian|Coral", "Air|Airways"),
    "hotel": _c("7011", 120, 0.0, "Harbour|Palm|Grand|Bay|Orchid", "Hotel|Resort|Inn|Suites"),
    "atm": _c("6011", 150, 0.0, "ATM", "Network"),
    "school": _c("8211", 400, 0.0, "St. Mary|Riverside|Hillcrest|Oakwood|Sunrise", "School|Academy|College"),
    "charity": _c(
        "8398", 40, 0.0, "Bright Futures|Hope Bridge|Open Hands|Kind Hearts", "Foundation|Trust|Mission"
    ),
    "utility": _c("4900", 90, 0.0, "Citywide|Northern|Metro|Valley", "Power|Water|Utilities"),
    "cash_agent": _c("6051", 0, 0.0, "Padala|Pera|Sulit|Bayad|Tipid", "Center|Express|Agent"),
    "employer": _c(
        "",
        0,
        0.0,
        "Apex|Summit|Harbor|Northgate|Bluestone|Keystone|Evergreen",
        "Logistics|Holdings|Services|Manufacturing|Health|Retail Group",
    ),
}
CATEGORY_NAMES: tuple[str, ...] = tuple(CATEGORIES)
CAT: dict[str, int] = {c: i for i, c in enumerate(CATEGORY_NAMES)}
CAT_MCC: tuple[str, ...] = tuple(c.mcc for c in CATEGORIES.values())
CAT_USD = np.array([c.usd_median for c in CATEGORIES.values()], dtype=np.float64)
EVERYDAY = np.array([i for i, c in enumerate(CATEGORIES.values()) if c.weight > 0], np.int16)
EVERYDAY_P = np.array([CATEGORIES[CATEGORY_NAMES[i]].weight for i in EVERYDAY], np.float64)
EVERYDAY_P = EVERYDAY_P / EVERYDAY_P.sum()
