"""The fx_rates table: a daily rate per currency, drifting slowly around its base."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from .clock import Clock
from .geo import CURRENCIES, USD_PER_UNIT
from .textfmt import dates


def fx_table(clock: Clock, rng: np.random.Generator, schema: pa.Schema) -> pa.Table:
    """One row per currency and day, from the day before the window to the day after it
    (local dates of sources east and west of UTC spill over)."""
    n_days, n_cur = clock.days + 2, len(CURRENCIES)
    steps = rng.normal(0.0, 0.003, (n_cur, n_days))
    steps[:, 0] = 0.0
    steps[CURRENCIES.index("USD")] = 0.0
    walk = np.exp(np.cumsum(steps, axis=1))
    rate = USD_PER_UNIT[:, None] * walk
    # Ten significant digits, written positionally.
    digits = 9 - np.floor(np.log10(rate)).astype(np.int64)
    scale = 10.0**digits
    rate = np.round(rate * scale) / scale
    day = np.tile(np.arange(n_days), n_cur) + clock.start // 86_400 - 1
    cur = np.repeat(np.arange(n_cur), n_days)
    return pa.table(
        {
            "date": dates(day),
            "currency": pa.array(CURRENCIES, pa.string()).take(pa.array(cur)),
            "usd_per_unit": pa.array(rate.ravel(), pa.float64()),
        },
        schema=schema,
    )
