"""Constants of world C and the per-seed randomised parameters.

Every number that shapes the world is drawn here from a documented range (see README.md), so that two
seeds give two different, but equally plausible, worlds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

# --------------------------------------------------------------------------------------------------
# Countries, time zones (minutes east of UTC; daylight saving is ignored) and currencies
# --------------------------------------------------------------------------------------------------

DEMAND_COUNTRIES = {
    # cc: (weight among customers, currency, [tz choices], [tz weights], name style)
    "US": (0.34, "USD", [-300, -360, -420, -480], [0.46, 0.30, 0.07, 0.17], "en"),
    "GB": (0.08, "GBP", [0], [1.0], "en"),
    "AU": (0.08, "AUD", [600, 570, 480], [0.75, 0.1, 0.15], "en"),
    "CA": (0.07, "CAD", [-300, -360, -480, -210], [0.55, 0.15, 0.25, 0.05], "en"),
    "DE": (0.05, "EUR", [60], [1.0], "de"),
    "JP": (0.045, "JPY", [540], [1.0], "ja"),
    "SG": (0.03, "SGD", [480], [1.0], "en"),
    "SA": (0.05, "SAR", [180], [1.0], "ar"),
    "AE": (0.05, "AED", [240], [1.0], "ar"),
    "NO": (0.015, "NOK", [60], [1.0], "de"),
    "SE": (0.015, "SEK", [60], [1.0], "de"),
    "NL": (0.02, "EUR", [60], [1.0], "de"),
    "FR": (0.02, "EUR", [60], [1.0], "en"),
    "IT": (0.02, "EUR", [60], [1.0], "es"),
    "HK": (0.02, "HKD", [480], [1.0], "ja"),
    "KR": (0.015, "KRW", [540], [1.0], "ja"),
    "NZ": (0.015, "NZD", [720], [1.0], "en"),
    "QA": (0.015, "QAR", [180], [1.0], "ar"),
    "KW": (0.01, "KWD", [180], [1.0], "ar"),
    "IE": (0.01, "EUR", [0], [1.0], "en"),
    "CH": (0.01, "CHF", [60], [1.0], "de"),
}

# Countries where a Filipino diaspora is large (weights for diaspora senders)
DIASPORA_WEIGHTS = {
    "US": 0.25,
    "SA": 0.14,
    "AE": 0.12,
    "SG": 0.07,
    "CA": 0.07,
    "JP": 0.05,
    "HK": 0.06,
    "QA": 0.05,
    "KW": 0.04,
    "GB": 0.04,
    "IT": 0.04,
    "AU": 0.03,
    "KR": 0.02,
    "DE": 0.01,
    "NZ": 0.01,
}
# Offender payers follow the published corridor shares (US about half, then UK, AU, CA, ...)
OFFENDER_WEIGHTS = {
    "US": 0.45,
    "GB": 0.09,
    "AU": 0.11,
    "CA": 0.07,
    "DE": 0.05,
    "SA": 0.02,
    "JP": 0.03,
    "SG": 0.02,
    "NL": 0.03,
    "SE": 0.025,
    "NO": 0.02,
    "FR": 0.02,
    "CH": 0.015,
    "NZ": 0.015,
    "IE": 0.01,
    "AE": 0.01,
}
# Receiving side (facilitator households, performers, mules, extortion rings)
RECEIVING_COUNTRIES = {
    "PH": ("PHP", 480, "ph"),
    "CO": ("COP", -300, "es"),
    "TH": ("THB", 420, "th"),
    "DO": ("DOP", -240, "es"),
    "MX": ("MXN", -360, "es"),
    "RO": ("RON", 120, "ro"),
    "GH": ("GHS", 0, "af"),
    "NG": ("NGN", 60, "af"),
    "CI": ("XOF", 0, "af"),
    "KE": ("KES", 180, "af"),
}

USD_PER_UNIT = {
    "USD": 1.0,
    "GBP": 1.27,
    "AUD": 0.66,
    "CAD": 0.74,
    "EUR": 1.08,
    "JPY": 0.0067,
    "SGD": 0.74,
    "SAR": 0.2667,
    "AED": 0.2723,
    "NOK": 0.094,
    "SEK": 0.095,
    "HKD": 0.128,
    "KRW": 0.00074,
    "NZD": 0.61,
    "QAR": 0.2747,
    "KWD": 3.25,
    "CHF": 1.13,
    "PHP": 0.0178,
    "COP": 0.00025,
    "RON": 0.217,
    "THB": 0.028,
    "DOP": 0.017,
    "MXN": 0.058,
    "GHS": 0.075,
    "NGN": 0.00075,
    "XOF": 0.00165,
    "KES": 0.0075,
}
CURRENCIES = list(USD_PER_UNIT)
CUR_IDX = {c: i for i, c in enumerate(CURRENCIES)}
ZERO_DECIMAL = {"JPY", "KRW", "XOF"}

COUNTRIES = sorted(set(DEMAND_COUNTRIES) | set(RECEIVING_COUNTRIES) | {"ID", "VN", "MY", "IN"})
CC_IDX = {c: i + 1 for i, c in enumerate(COUNTRIES)}  # 0 = blank
CC_LIST = [""] + COUNTRIES

COUNTRY_CURRENCY = {cc: v[1] for cc, v in DEMAND_COUNTRIES.items()}
COUNTRY_CURRENCY.update({cc: v[0] for cc, v in RECEIVING_COUNTRIES.items()})
COUNTRY_CURRENCY.update({"ID": "USD", "VN": "USD", "MY": "USD", "IN": "USD"})

CHANNELS = ["", "remittance", "bank_transfer", "ewallet", "card", "crypto", "gift_card", "cash_pickup"]
CH = {c: i for i, c in enumerate(CHANNELS)}

CITIES = {
    "US": ["Houston", "Seattle", "Phoenix", "Columbus", "San Diego", "Tampa", "Denver", "Reno"],
    "GB": ["Leeds", "Bristol", "Croydon", "Leicester", "Reading"],
    "AU": ["Perth", "Brisbane", "Geelong", "Adelaide", "Parramatta"],
    "CA": ["Surrey", "Winnipeg", "Mississauga", "Calgary"],
    "DE": ["Essen", "Bremen", "Kassel"],
    "JP": ["Nagoya", "Chiba", "Sendai"],
    "SG": ["Singapore"],
    "SA": ["Riyadh", "Jeddah", "Dammam"],
    "AE": ["Dubai", "Sharjah", "Abu Dhabi"],
    "NO": ["Bergen", "Oslo"],
    "SE": ["Malmo", "Uppsala"],
    "NL": ["Utrecht", "Almere"],
    "FR": ["Lille", "Nantes"],
    "IT": ["Milan", "Rome"],
    "HK": ["Hong Kong"],
    "KR": ["Incheon", "Seoul"],
    "NZ": ["Auckland"],
    "QA": ["Doha"],
    "KW": ["Kuwait City"],
    "IE": ["Cork", "Dublin"],
    "CH": ["Basel"],
    "PH": [
        "Quezon City",
        "Cebu City",
        "Davao City",
        "Caloocan",
        "Taguig",
        "Pasig",
        "Angeles",
        "Lapu-Lapu",
        "Bacolod",
        "Iloilo City",
        "Cagayan de Oro",
        "Tacloban",
    ],
    "CO": ["Medellin", "Cali", "Bogota"],
    "TH": ["Pattaya", "Bangkok"],
    "DO": ["Santo Domingo"],
    "MX": ["Tijuana", "Guadalajara"],
    "RO": ["Bucharest", "Timisoara"],
    "GH": ["Accra"],
    "NG": ["Lagos"],
    "CI": ["Abidjan"],
    "KE": ["Mombasa"],
}

DIAL = {
    "US": "1",
    "CA": "1",
    "GB": "44",
    "AU": "61",
    "DE": "49",
    "JP": "81",
    "SG": "65",
    "SA": "966",
    "AE": "971",
    "NO": "47",
    "SE": "46",
    "NL": "31",
    "FR": "33",
    "IT": "39",
    "HK": "852",
    "KR": "82",
    "NZ": "64",
    "QA": "974",
    "KW": "965",
    "IE": "353",
    "CH": "41",
    "PH": "63",
    "CO": "57",
    "TH": "66",
    "DO": "1",
    "MX": "52",
    "RO": "40",
    "GH": "233",
    "NG": "234",
    "CI": "225",
    "KE": "254",
}


# --------------------------------------------------------------------------------------------------
# Per-seed parameters
# --------------------------------------------------------------------------------------------------


@dataclass
class Params:
    customers: int
    start: dt.datetime
    days: int
    # demand-side cohort fractions (of customers)
    frac: dict[str, float] = field(default_factory=dict)
    # receiving-side counts
    n_households: int = 0
    payers_per_household: float = 4.0
    # payer spectrum
    share_weak: float = 0.2
    share_strong: float = 0.35
    share_multi: float = 0.15
    payer_platform: float = 0.4
    payer_vpn: float = 0.25
    payer_travel: float = 0.08
    # institutions
    bank_inclusion: float = 0.7
    cu_share: float = 0.2
    p_dup_credit: float = 0.15
    # data quality
    p_blank_country: float = 0.03
    p_name_variant: float = 0.15
    p_missing_party: float = 0.05
    p_ref_dropped: float = 0.2
    # background volume
    card_rate: float = 35.0
    # household
    p_household_ph: float = 0.88
    p_relatives: float = 0.75
    p_ban: float = 0.35
    # adult performers' erroneous CSE-ban rate (look-alike quirk)
    p_performer_false_ban: float = 0.01
    extra: dict[str, float] = field(default_factory=dict)


def sample_params(rng: np.random.Generator, customers: int) -> Params:
    start_month = int(rng.integers(1, 5))  # Jan..Apr 2024, so 8 months end in 2024
    start = dt.datetime(2024, start_month, 1, tzinfo=dt.UTC)
    end = dt.datetime(2024, start_month + 8, 1, tzinfo=dt.UTC)
    p = Params(customers=customers, start=start, days=(end - start).days)
    u = rng.uniform
    p.frac = {
        "offender_payer": u(0.001, 0.004),
        "sextortion_victim": u(0.0002, 0.0006),
        "diaspora_remitter": u(0.03, 0.07),
        "seller_customer": u(0.02, 0.05),
        "adult_customer": u(0.01, 0.03),
        "freelance_client": u(0.003, 0.008),
        "romance_victim": u(0.0006, 0.002),
        "charity_sponsor": u(0.005, 0.015),
        "traveller": u(0.01, 0.03),
        "gamer": u(0.02, 0.05),
        "platform_viewer": u(0.06, 0.14),  # ordinary people who also watch public streams
        # receiving side, per customer
        "online_seller": u(0.0006, 0.0015),
        "adult_performer": u(0.0006, 0.0015),
        "freelancer": u(0.0004, 0.001),
        "streamer": u(0.001, 0.003),
        "charity": 0.0,
        "ph_ordinary": u(0.03, 0.07),
        "cash_agent": u(0.0004, 0.0009),
    }
    p.payers_per_household = u(2.5, 6.0)
    p.share_weak = u(0.15, 0.30)
    p.share_strong = u(0.25, 0.45)
    p.share_multi = u(0.10, 0.25)
    p.payer_platform = u(0.3, 0.6)
    p.payer_vpn = u(0.15, 0.4)
    p.payer_travel = u(0.04, 0.15)
    p.bank_inclusion = u(0.55, 0.85)
    p.cu_share = u(0.12, 0.3)
    p.p_dup_credit = u(0.05, 0.3)
    p.p_blank_country = u(0.01, 0.05)
    p.p_name_variant = u(0.08, 0.25)
    p.p_missing_party = u(0.02, 0.1)
    p.p_ref_dropped = u(0.05, 0.35)
    p.card_rate = u(25.0, 45.0)
    p.p_household_ph = u(0.8, 0.95)
    p.p_relatives = u(0.6, 0.9)
    p.p_ban = u(0.2, 0.5)
    p.p_performer_false_ban = u(0.0, 0.03)
    p.extra = {
        "salary_share": u(0.6, 0.8),
        "p2p_share": u(0.2, 0.4),
        "diaspora_family_size": u(1.8, 3.0),
        "seller_buyers_mean": u(40, 140),
        "remit_b_included": float(rng.random() < 0.5),
        "wallet2_included": float(rng.random() < 0.8),
        "phbank2_included": float(rng.random() < 0.7),
        "pawn_included": float(rng.random() < 0.7),
        "payapp_included": float(rng.random() < 0.6),
        "receiver_second": float(rng.integers(0, 3)),  # 0: wallet only, 1: + ph-bank-1, 2: + wallet 2
    }
    return p
