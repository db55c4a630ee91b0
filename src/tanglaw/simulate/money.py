"""Amounts: currency conversion, minor units and round-number bias."""

from __future__ import annotations

import numpy as np

from .geo import CUR_DECIMALS, USD_PER_UNIT


def from_usd(usd: np.ndarray, cur: np.ndarray) -> np.ndarray:
    return usd / USD_PER_UNIT[cur]


def to_usd(amount: np.ndarray, cur: np.ndarray) -> np.ndarray:
    return amount * USD_PER_UNIT[cur]


def minor_units(amount: np.ndarray, cur: np.ndarray) -> np.ndarray:
    """Rounded to the currency's minor unit (cents, or whole units for JPY and the like)."""
    dec = CUR_DECIMALS[cur]
    out = np.where(dec == 0, np.round(amount), np.round(amount, 2))
    step = np.where(dec == 0, 1.0, 0.01)
    return np.maximum(out, step)


def roundish(
    rng: np.random.Generator, amount: np.ndarray, cur: np.ndarray, p: float | np.ndarray
) -> np.ndarray:
    """Round a share `p` of amounts to a "nice" number (5, 10, 50, 100 ... local units)."""
    x = np.maximum(amount, 1e-9)
    mag = 10.0 ** np.floor(np.log10(x))
    unit = np.where(rng.random(len(x)) < 0.5, mag / 2, mag)
    unit = np.maximum(unit, 1.0)
    rounded = np.maximum(np.round(x / unit) * unit, unit)
    out = np.where(rng.random(len(x)) < p, rounded, amount)
    return minor_units(out, cur)


def usd_amount(
    rng: np.random.Generator, usd: np.ndarray, cur: np.ndarray, p_round: float | np.ndarray
) -> np.ndarray:
    """USD values as amounts in `cur`, with round-number bias."""
    return roundish(rng, from_usd(usd, cur), cur, p_round)
