"""World parameters of world E, all drawn from the seed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

WALLET_NAMES = ["bayanipay", "pesowallet", "kababayan-emoney", "lakbay-wallet", "tindahan-pay"]
CARD_APP_NAMES = ["sendwise-app", "cardbridge", "payglobo", "wirely-app", "remitcard"]
PLATFORM_NAMES = ["kwentolive", "streamhub", "vidchat-ph", "liveloop", "tambaylive"]

# Sender-country mix of foreign payers (AMLC: US about half, then UK, AU, CA, ...)
PAYER_COUNTRIES = {
    "US": 0.42,
    "GB": 0.08,
    "AU": 0.09,
    "CA": 0.06,
    "DE": 0.05,
    "SE": 0.025,
    "NO": 0.02,
    "NL": 0.025,
    "JP": 0.03,
    "KR": 0.02,
    "AE": 0.02,
    "SG": 0.02,
    "CH": 0.01,
    "FR": 0.01,
    "NZ": 0.01,
    "IT": 0.01,
    "DK": 0.01,
    "SA": 0.01,
    "IE": 0.005,
    "HK": 0.01,
}
# OFW destinations (diaspora remitters)
OFW_COUNTRIES = {
    "US": 0.24,
    "SA": 0.14,
    "AE": 0.13,
    "HK": 0.06,
    "SG": 0.06,
    "JP": 0.05,
    "QA": 0.05,
    "KW": 0.04,
    "CA": 0.06,
    "GB": 0.04,
    "IT": 0.03,
    "AU": 0.04,
    "KR": 0.02,
    "TW": 0.03,
    "MY": 0.01,
}
# Foreign card-app users in general (ordinary, customers of sellers, performers, ...)
CARD_COUNTRIES = {
    "US": 0.34,
    "GB": 0.1,
    "AU": 0.1,
    "CA": 0.08,
    "DE": 0.06,
    "SE": 0.03,
    "NO": 0.02,
    "NL": 0.03,
    "JP": 0.04,
    "KR": 0.03,
    "AE": 0.04,
    "SG": 0.04,
    "FR": 0.02,
    "IT": 0.01,
    "NZ": 0.01,
    "CH": 0.01,
    "DK": 0.01,
    "HK": 0.02,
    "IE": 0.01,
}

BASE_COHORT_SHARES = {
    "ordinary_ph": 0.36,
    "ordinary_abroad": 0.085,
    "family_recipient": 0.10,
    "diaspora_remitter": 0.11,
    "online_seller": 0.015,
    "seller_customer": 0.03,
    "adult_performer": 0.006,
    "adult_customer": 0.025,
    "freelancer": 0.03,
    "freelance_client": 0.015,
    "romance_victim": 0.006,
    "romance_mule": 0.0018,
    "charity_sponsor": 0.015,
    "gamer": 0.05,
    "streamer": 0.003,
    "student": 0.05,
    "traveller": 0.015,
    "merchant": 0.012,
}


def _perturb(rng: np.random.Generator, base: dict[str, float], sigma: float) -> dict[str, float]:
    """Multiply each share by a log-normal factor and renormalise."""
    keys = list(base)
    v = np.array([base[k] for k in keys]) * np.exp(sigma * rng.standard_normal(len(keys)))
    v = v / v.sum()
    return {k: float(x) for k, x in zip(keys, v, strict=True)}


@dataclass
class Params:
    seed: int
    customers: int
    start_date: str = ""
    n_days: int = 0
    src_wallet: str = ""
    src_card: str = ""
    src_platform: str = ""
    card_ts_mode: str = "utc"
    platform_ts_mode: str = "utc_ms"
    wallet_z_noise: float = 0.0
    pooled_dedup: bool = False
    txn_format: str = "csv"
    messages_format: str = "csv"
    include_fx: bool = True
    shuffle_columns: bool = True
    payer_rate: float = 0.002
    stealth: float = 0.5
    payer_mix: dict[str, float] = field(default_factory=dict)
    inbound_only_share: float = 0.3
    local_payer_share: float = 0.06
    platform_share: float = 0.6
    chat_share: float = 0.5
    multi_account_share: float = 0.15
    osec_usd_median: float = 60.0
    osec_sigma: float = 0.6
    php_round_share: float = 0.4
    payers_per_household: float = 5.0
    night_bias: float = 0.6
    cashout_prob: float = 0.7
    legit_relative_in_household: float = 0.3
    ban_share: float = 0.1
    false_bans: int = 1
    sxt_rings_per_50k: float = 4.0
    sxt_ph_share: float = 0.4
    payer_countries: dict[str, float] = field(default_factory=dict)
    ofw_countries: dict[str, float] = field(default_factory=dict)
    card_countries: dict[str, float] = field(default_factory=dict)
    cohort_shares: dict[str, float] = field(default_factory=dict)
    activity_scale: float = 1.0
    dup_party_rate: float = 0.02
    missing_rate: float = 0.05
    upper_name_rate: float = 0.3
    double_post_rate: float = 0.0005
    foreign_spouse_share: float = 0.15
    inbound_diaspora_share: float = 0.5

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def sample_params(rng: np.random.Generator, seed: int, customers: int) -> Params:
    p = Params(seed=seed, customers=customers)
    start = np.datetime64("2023-01-01") + int(rng.integers(0, 540))
    p.start_date = str(start)
    p.n_days = int(rng.integers(300, 481))
    p.src_wallet = str(rng.choice(WALLET_NAMES))
    p.src_card = str(rng.choice(CARD_APP_NAMES))
    p.src_platform = str(rng.choice(PLATFORM_NAMES))
    p.card_ts_mode = "utc" if rng.random() < 0.55 else "local"
    p.platform_ts_mode = "utc_ms" if rng.random() < 0.6 else "z"
    p.wallet_z_noise = float(rng.uniform(0.0, 0.03))
    p.pooled_dedup = bool(rng.random() < 0.5)
    p.txn_format = "csv" if rng.random() < 0.6 else "csv.gz"
    p.messages_format = "csv" if rng.random() < 0.7 else "jsonl"
    p.include_fx = bool(rng.random() < 0.7)
    p.payer_rate = float(rng.uniform(0.001, 0.003))
    p.stealth = float(rng.uniform(0.15, 0.85))
    s = p.stealth
    mix = {
        "heavy": 0.30 * (1.3 - s),
        "few": 0.30,
        "multi": 0.14,
        "careful": 0.12 + 0.35 * s,
        "regular": 0.20,
    }
    p.payer_mix = _perturb(rng, mix, 0.3)
    p.inbound_only_share = float(rng.uniform(0.15, 0.45))
    p.local_payer_share = float(rng.uniform(0.03, 0.12))
    p.platform_share = float(rng.uniform(0.3, 0.8))
    p.chat_share = float(rng.uniform(0.25, 0.75) * (1.1 - 0.4 * s))
    p.multi_account_share = float(rng.uniform(0.08, 0.3))
    p.osec_usd_median = float(rng.uniform(35.0, 110.0))
    p.osec_sigma = float(rng.uniform(0.45, 0.85))
    p.php_round_share = float(rng.uniform(0.2, 0.6))
    p.payers_per_household = float(rng.uniform(3.0, 8.0))
    p.night_bias = float(np.clip(0.85 - 0.55 * s + rng.normal(0, 0.05), 0.15, 0.9))
    p.cashout_prob = float(rng.uniform(0.45, 0.9))
    p.legit_relative_in_household = float(rng.uniform(0.15, 0.5))
    p.ban_share = float(rng.uniform(0.0, 0.25))
    p.false_bans = int(rng.integers(0, 4))
    p.sxt_rings_per_50k = float(rng.uniform(2.0, 8.0))
    p.sxt_ph_share = float(rng.uniform(0.2, 0.7))
    p.payer_countries = _perturb(rng, PAYER_COUNTRIES, 0.35)
    p.ofw_countries = _perturb(rng, OFW_COUNTRIES, 0.3)
    p.card_countries = _perturb(rng, CARD_COUNTRIES, 0.3)
    p.cohort_shares = _perturb(rng, BASE_COHORT_SHARES, 0.25)
    # per-month activity shrinks a little on long windows, so that row counts stay in range
    p.activity_scale = float(rng.uniform(0.85, 1.15) * np.sqrt(400.0 / p.n_days))
    p.dup_party_rate = float(rng.uniform(0.01, 0.04))
    p.missing_rate = float(rng.uniform(0.02, 0.1))
    p.upper_name_rate = float(rng.uniform(0.1, 0.6))
    p.double_post_rate = float(rng.uniform(0.0, 0.001))
    p.foreign_spouse_share = float(rng.uniform(0.08, 0.22))
    p.inbound_diaspora_share = float(rng.uniform(0.35, 0.65))
    return p
