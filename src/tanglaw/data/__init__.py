"""Reference data shipped with Tanglaw: ISO code lists, approximate FX rates, UTC offsets."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (and XK)."""
    return frozenset(_lines("countries.txt"))


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes, plus the common crypto-asset tickers."""
    return frozenset(_lines("currencies.txt"))


@cache
def default_fx_rates() -> dict[str, float]:
    """Approximate USD per unit, used when a bundle has no `fx_rates` table."""
    return {r["currency"]: float(r["usd_per_unit"]) for r in _rows("fx_default.csv")}


@cache
def country_utc_offsets() -> dict[str, float]:
    """A representative UTC offset (hours) per country, to read payment times as local time."""
    return {r["country"]: float(r["utc_offset_hours"]) for r in _rows("country_utc_offsets.csv")}
