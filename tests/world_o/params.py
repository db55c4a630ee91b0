"""Every rate, size, amount, timing and share of world O, drawn per seed from a range."""

from __future__ import annotations

from .rng import stream

# name: (low, high). Integers are drawn when both bounds are int.
RANGES: dict[str, tuple[float, float]] = {
    # window and everybody
    "months": (20, 30),
    "end_quarter": (0, 3),
    "p_night_profile": (0.08, 0.18),
    "round_base": (0.25, 0.5),
    "p_name_variant": (0.15, 0.35),
    "p_external_sender": (0.25, 0.45),  # foreign senders whose institution is not in the bundle
    "p_profile_same_email": (0.2, 0.45),  # platform profile shares the KYC e-mail
    "p_profile_same_phone": (0.15, 0.35),
    "p_profile_real_name": (0.35, 0.65),
    "p_vpn": (0.06, 0.14),
    "card_rate": (1.1, 2.2),  # median card purchases a month, ordinary card holders
    "ph_wallet_rate": (0.7, 1.5),  # median wallet actions a month, ordinary PH people
    "p_ph_friend_gift": (0.03, 0.07),  # ordinary foreigners who send 1-3 gifts to PH once
    "p_travel_ph_ordinary": (0.01, 0.03),
    "fx_fee": (0.005, 0.03),
    "giftcard_discount": (0.6, 0.85),
    # offenders
    "payer_share": (0.001, 0.003),
    "payers_per_household": (3.5, 7.0),
    "household_alpha": (1.0, 1.6),
    "p_few": (0.35, 0.55),
    "p_steady": (0.08, 0.18),
    "p_escalate": (0.08, 0.18),
    "p_multi": (0.08, 0.2),
    "osec_median_usd": (35.0, 80.0),
    "osec_sigma": (0.45, 0.8),
    "p_blank_few": (0.55, 0.8),
    "p_blank_other": (0.3, 0.55),
    "ch_remit": (0.5, 0.65),
    "ch_bank": (0.2, 0.35),
    "ch_p2p": (0.03, 0.08),
    "ch_gift": (0.02, 0.06),
    "ch_crypto": (0.02, 0.05),
    "p_payer_platform": (0.3, 0.6),
    "p_household_platform": (0.5, 0.85),
    "p_offender_chat": (0.5, 0.85),
    "p_switch": (0.25, 0.5),
    "p_nominee": (0.15, 0.35),
    "p_broker": (0.15, 0.35),
    "p_forward": (0.25, 0.55),
    "p_cashout": (0.3, 0.6),
    "p_travel_offender": (0.1, 0.3),
    "p_vpn_offender": (0.2, 0.4),
    "p_adult_site_offender": (0.2, 0.4),
    "p_session_tip": (0.05, 0.2),
    "p_ban_host": (0.1, 0.3),
    "p_ban_payer": (0.03, 0.1),
    "p_child_account": (0.05, 0.15),
    # sextortion
    "victim_share": (0.0005, 0.0015),
    "victims_per_ring": (5.0, 12.0),
    "p_ring_ph": (0.1, 0.3),
    "p_sx_repeat": (0.15, 0.35),
    "p_sx_parent_account": (0.1, 0.3),
    "sx_first_usd": (25.0, 250.0),
    # look-alike cohort sizes (share of customers)
    "diaspora_families": (0.025, 0.04),
    "africa_families": (0.002, 0.005),  # diaspora sending to NG / GH / CI (same rails as rings)
    "online_sellers": (0.003, 0.006),
    "seller_customers": (0.03, 0.05),
    "adult_performers": (0.0015, 0.003),
    "adult_customers": (0.015, 0.03),
    "couples": (0.004, 0.008),
    "freelancers": (0.008, 0.015),
    "freelance_clients": (0.004, 0.008),
    "romance_victims": (0.002, 0.004),
    "romance_mules": (0.0005, 0.001),
    "charity_sponsors": (0.008, 0.015),
    "game_resellers": (0.001, 0.003),
    "gamers": (0.006, 0.012),
    "students": (0.001, 0.003),
    "travellers": (0.008, 0.015),
    "crypto_traders_abroad": (0.003, 0.006),
    "crypto_traders_ph": (0.002, 0.004),
    "esl_tutors": (0.003, 0.006),
    "tutor_parents": (0.008, 0.015),
    "load_resellers": (0.0005, 0.0015),
    "congregants": (0.005, 0.01),
    "medical_fundraisers": (0.0005, 0.0012),
    "donors": (0.005, 0.012),
    "streamers": (0.001, 0.002),
    "fans": (0.01, 0.02),
    "platform_only": (0.05, 0.1),
    "foreign_ordinary_share": (0.5, 0.6),
    "p_teen_ordinary": (0.03, 0.07),
    # look-alike behaviour
    "diaspora_median_usd": (120.0, 260.0),
    "p_sponsor_direct": (0.03, 0.08),  # sponsors who also pay the sponsored family directly
    "p_lookalike_chat": (0.3, 0.7),
    "p_mistaken_csea_ban": (0.0005, 0.002),
    "p_other_ban": (0.01, 0.03),
    # tips
    "tips_per_household": (0.3, 1.2),
    "mistaken_tip_ratio": (0.8, 2.5),
    "tips_per_ring": (0.5, 1.5),
}


class Params:
    """Named ranges above, plus k()/kp(): every other behavioural constant of a module is a base
    value scaled by a per-seed factor drawn for its name (so it, too, varies from seed to seed)."""

    def __init__(self, seed: int):
        self.seed = seed
        r = stream(seed, "params")
        self.values: dict[str, float] = {}
        for name, (lo, hi) in RANGES.items():
            if isinstance(lo, int) and isinstance(hi, int):
                v = r.randint(lo, hi)
            else:
                v = round(r.uniform(lo, hi), 6)
            self.values[name] = v
            setattr(self, name, v)

    def k(self, name: str, base: float, spread: float = 0.3) -> float:
        """base scaled by exp(U(-spread, spread)), drawn once per (seed, name)."""
        key = "k." + name
        v = self.values.get(key)
        if v is None:
            import math

            v = round(base * math.exp(stream(self.seed, "k", name).uniform(-spread, spread)), 6)
            self.values[key] = v
        return v

    def kp(self, name: str, base: float, spread: float = 0.3) -> float:
        """A probability: base scaled like k(), kept inside [0, 1]."""
        return min(1.0, max(0.0, self.k(name, base, spread)))

    def __getattr__(self, item):  # for type checkers; real values are set in __init__
        raise AttributeError(item)
