"""Configuration of a synthetic world."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

FORMATS = ("csv", "parquet", "jsonl")


@dataclass(frozen=True)
class SimulationConfig:
    """All knobs of `simulate_world`. The same config and seed give byte-identical files.

    Rates are shares of `customers` (people living in demand countries); each customer belongs
    to exactly one cohort. Counts are rounded, so a 10k world with payer_rate 0.002 has 20
    offender payers.
    """

    seed: int = 7
    customers: int = 10_000
    payer_rate: float = 0.002
    months: int = 12
    fmt: str = "csv"
    start_date: str = "2026-01-01"  # fixed base date: never "today"
    # Average transactions per customer per month, all kinds together (salary, card, transfers,
    # remittances). The ordinary background is sized so that the whole world meets it.
    txn_per_customer_month: float = 8.0
    sextortion_rate: float = 0.0005
    diaspora_rate: float = 0.05
    romance_rate: float = 0.003
    webcam_rate: float = 0.01
    charity_rate: float = 0.01
    traveller_rate: float = 0.015
    platform_rate: float = 0.25  # share of ordinary customers with a live-streaming account
    receiver_population_rate: float = 0.03  # receiving-side ordinary users per customer
    streamer_rate: float = 0.002  # public streamers per customer
    platform_ban_rate: float = 0.1  # facilitator platform accounts banned for CSEA
    chunk_customers: int = 25_000  # customers generated and written per chunk

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise ValueError(f"fmt must be one of {FORMATS}, not {self.fmt!r}")
        if self.customers < 1:
            raise ValueError("customers must be at least 1")
        if not 1 <= self.months <= 120:
            raise ValueError("months must be between 1 and 120")
        if self.chunk_customers < 1000:
            raise ValueError("chunk_customers must be at least 1000")
        if self.txn_per_customer_month <= 0:
            raise ValueError("txn_per_customer_month must be positive")
        dt.date.fromisoformat(self.start_date)
        rates = {
            "payer_rate": self.payer_rate,
            "sextortion_rate": self.sextortion_rate,
            "diaspora_rate": self.diaspora_rate,
            "romance_rate": self.romance_rate,
            "webcam_rate": self.webcam_rate,
            "charity_rate": self.charity_rate,
            "traveller_rate": self.traveller_rate,
        }
        for name, value in rates.items():
            if not 0 <= value <= 1:
                raise ValueError(f"{name} must be between 0 and 1")
        if sum(rates.values()) > 0.9:
            raise ValueError("the cohort rates leave too few ordinary customers")

    def cohort_counts(self) -> dict[str, int]:
        """Number of customers in each customer cohort."""
        counts = {
            "offender_payer": round(self.customers * self.payer_rate),
            "sextortion_victim": round(self.customers * self.sextortion_rate),
            "diaspora_remitter": round(self.customers * self.diaspora_rate),
            "romance_victim": round(self.customers * self.romance_rate),
            "webcam_customer": round(self.customers * self.webcam_rate),
            "charity_sponsor": round(self.customers * self.charity_rate),
            "traveller": round(self.customers * self.traveller_rate),
        }
        counts["ordinary"] = self.customers - sum(counts.values())
        return counts

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
