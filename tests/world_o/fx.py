"""Exchange rates: a seeded daily random walk around approximate levels, and amount rounding."""

from __future__ import annotations

import math
import random

BASE = {
    "USD": 1.0,
    "PHP": 0.0176,
    "GBP": 1.27,
    "EUR": 1.08,
    "AUD": 0.66,
    "CAD": 0.73,
    "SAR": 0.2667,
    "AED": 0.2723,
    "QAR": 0.2747,
    "KWD": 3.25,
    "JPY": 0.0067,
    "KRW": 0.00074,
    "TWD": 0.031,
    "HKD": 0.128,
    "SGD": 0.74,
    "MYR": 0.215,
    "NZD": 0.60,
    "CHF": 1.12,
    "SEK": 0.094,
    "NOK": 0.092,
    "NGN": 0.00068,
    "XOF": 0.00165,
    "GHS": 0.068,
}
PEGGED = {"USD", "SAR", "AED", "QAR", "HKD"}


class Fx:
    def __init__(self, r: random.Random, days: int):
        self.days = days
        self.rates: dict[str, list[float]] = {}
        for cur, base in BASE.items():
            if cur in PEGGED:
                self.rates[cur] = [base] * days
                continue
            level = base * math.exp(r.gauss(0, 0.03))
            vol = r.uniform(0.002, 0.006)
            if cur in ("NGN", "GHS"):
                vol *= 2.5
            out = []
            for _ in range(days):
                level *= math.exp(r.gauss(0, vol) - 0.5 * vol * vol + (base - level) / base * 0.002)
                out.append(level)
            self.rates[cur] = out

    def usd_per(self, cur: str, day: int) -> float:
        seq = self.rates[cur]
        return seq[min(max(day, 0), self.days - 1)]

    def convert(self, amount: float, cur: str, to: str, day: int) -> float:
        if cur == to:
            return amount
        return amount * self.usd_per(cur, day) / self.usd_per(to, day)


_STEPS = (1, 5, 10, 20, 50, 100, 500, 1000, 5000, 10000)


def nice(amount: float, round_p: float, r: random.Random, cur: str) -> float:
    """Round like a person typing an amount: often to a 'nice' step, otherwise to the cent."""
    if amount <= 0:
        amount = 1.0
    if r.random() < round_p:
        mag = amount / 8.0
        step = 1
        for s in _STEPS:
            if s <= mag:
                step = s
        v = max(step, round(amount / step) * step)
        return float(v)
    if cur in ("JPY", "KRW", "XOF", "NGN") or (cur == "PHP" and r.random() < 0.7):
        return float(max(1, round(amount)))
    return round(amount, 2)


def fmt_amount(x: float) -> str:
    if x == int(x):
        return str(int(x)) if x < 1e15 else repr(x)
    return f"{x:.2f}"
