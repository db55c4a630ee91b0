"""Per-seed randomised parameters of world B. RANGES documents every range (see README)."""

from __future__ import annotations

import numpy as np

# name -> (low, high): drawn uniformly per seed
RANGES: dict[str, tuple[float, float]] = {
    # offenders
    "payer_rate": (0.001, 0.004),  # offender payers per demand customer
    "households_per_payer": (0.18, 0.34),  # facilitator households per payer
    "payer_pareto": (0.6, 1.2),  # tail of payers per household (lower = heavier)
    "share_few": (0.15, 0.28),  # few_payments payers
    "share_multi": (0.08, 0.2),  # payers of 2-3 households
    "share_strong": (0.35, 0.55),  # frequent / night / escalating payers (rest: medium)
    "inbound_only": (0.15, 0.35),  # senders (offenders and legitimate) banking outside the pool
    "payer_platform": (0.25, 0.5),  # payers watching private sessions before paying
    "payer_vpn": (0.15, 0.4),
    "payer_travel": (0.05, 0.2),
    "hh_ph_share": (0.8, 0.95),  # households in the Philippines
    "hh_related": (0.6, 0.85),  # households of relatives (shared surname/address/phone/device)
    "hh_banned": (0.2, 0.5),  # households with a host account banned for CSE
    "nominee_share": (0.15, 0.4),  # household accounts registered under a relative's name
    "sextortion_rate": (0.0003, 0.0008),  # teen victims per customer
    # legitimate cohorts (shares of demand customers)
    "diaspora": (0.06, 0.11),
    "seller_customer": (0.04, 0.08),
    "adult_customer": (0.015, 0.035),
    "gamer": (0.02, 0.05),
    "charity_sponsor": (0.008, 0.02),
    "traveller": (0.01, 0.03),
    "romance_victim": (0.002, 0.006),
    "freelance_client": (0.002, 0.006),
    "teen": (0.008, 0.02),
    # receiving-side populations (per demand customer)
    "online_seller": (0.001, 0.0025),
    "adult_performer": (0.0012, 0.003),
    "streamer": (0.0003, 0.0008),
    "ph_ordinary": (0.15, 0.28),
    # institutions and data quality
    "pool_bank_share": (0.35, 0.6),  # market share of the pooled bank in a pooled country
    "dup_rate": (0.05, 0.25),  # credits reported by both sender and receiver institution
    "blank_party": (0.01, 0.05),  # accounts without party id
    "name_variant": (0.08, 0.2),  # party records with a name variant
    "blank_country": (0.005, 0.03),
    "night_legit": (0.1, 0.3),  # share of night-time buyers among seller / gamer cohorts
}


def draw(seed: int) -> dict:
    rng = np.random.default_rng(np.random.SeedSequence([seed, 0xA11]))
    p = {k: float(rng.uniform(lo, hi)) for k, (lo, hi) in RANGES.items()}
    # pooled demand banks: always US, GB, AU; others by coin
    extra = ["CA", "DE", "NL", "NO", "SE", "SG", "JP", "SA", "AE"]
    p["pooled_countries"] = ["US", "GB", "AU"] + [c for c in extra if rng.random() < 0.5]
    p["receiver_has_bank"] = bool(rng.random() < 0.7)  # receiver view: wallet + bank, else wallet only
    return p
