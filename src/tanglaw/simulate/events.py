"""Event buffers: transactions and sessions as integer columns, before they become text.

`owner` is the customer a row belongs to (it decides in which chunk the row is written);
-1 marks receiving-side rows, written after all customer chunks.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, TypeVar

import numpy as np

from .catalog import BANK_A, BANK_B, CH_BANK, CH_EWALLET, CH_REMIT, EWALLET_P, REMIT_X

T = TypeVar("T", bound="Buffer")


@dataclass
class Buffer:
    """Struct of equally long numpy arrays."""

    def __len__(self) -> int:
        return len(getattr(self, fields(self)[0].name))

    def take(self: T, idx: np.ndarray) -> T:
        return type(self)(**{f.name: getattr(self, f.name)[idx] for f in fields(self)})

    @classmethod
    def concat(cls: type[T], parts: list[T]) -> T:
        parts = [p for p in parts if len(p)]
        if not parts:
            return cls.empty()
        return cls(**{f.name: np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(cls)})

    @classmethod
    def empty(cls: type[T]) -> T:
        return cls.make(0)

    @classmethod
    def make(cls: type[T], n: int, **cols: Any) -> T:
        """Build from columns; scalars are broadcast and missing columns take their default."""
        out = {}
        for f in fields(cls):
            dtype, default = _SPEC[cls.__name__][f.name]
            arr: np.ndarray = np.asarray(cols.pop(f.name, default), dtype=dtype)
            out[f.name] = np.full(n, arr, dtype=dtype) if arr.ndim == 0 else arr
            if len(out[f.name]) != n:
                raise ValueError(f"{f.name}: {len(out[f.name])} values for {n} rows")
        if cols:
            raise KeyError(f"unknown columns {sorted(cols)}")
        return cls(**out)


@dataclass
class Txns(Buffer):
    ts: np.ndarray
    amount: np.ndarray
    cur: np.ndarray
    snd: np.ndarray
    rcv: np.ndarray
    chan: np.ndarray
    src: np.ndarray
    ref: np.ndarray
    owner: np.ndarray

    def within(self, start: int, end: int) -> Txns:
        """The rows that fall inside [start, end)."""
        return self.take(np.flatnonzero((self.ts >= start) & (self.ts < end)))


@dataclass
class Sessions(Buffer):
    sid: np.ndarray  # -1: a new id is assigned when written
    start: np.ndarray
    end: np.ndarray
    host: np.ndarray
    viewer: np.ndarray
    private: np.ndarray
    paid: np.ndarray  # USD, NaN when nothing was paid
    owner: np.ndarray

    def within(self, start: int, end: int) -> Sessions:
        return self.take(np.flatnonzero((self.start >= start) & (self.end < end)))


_SPEC: dict[str, dict[str, tuple[type, Any]]] = {
    "Txns": {
        "ts": (np.int64, 0),
        "amount": (np.float64, 0.0),
        "cur": (np.int16, 0),
        "snd": (np.int64, -1),
        "rcv": (np.int64, -1),
        "chan": (np.int8, 0),
        "src": (np.int8, 0),
        "ref": (np.int8, 0),
        "owner": (np.int64, -1),
    },
    "Sessions": {
        "sid": (np.int64, -1),
        "start": (np.int64, 0),
        "end": (np.int64, 0),
        "host": (np.int64, -1),
        "viewer": (np.int64, -1),
        "private": (np.bool_, False),
        "paid": (np.float64, np.nan),
        "owner": (np.int64, -1),
    },
}


def delivery(snd_source: np.ndarray, rcv_source: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Channel and recording source of a cross-border payment.

    A remit-x sender pays by remittance (recorded by remit-x), unless the money lands in an
    ewallet-p wallet, which records the inbound transfer itself. A bank sender wires money
    (recorded by the sending bank).
    """
    from_remit = snd_source == REMIT_X
    to_wallet = rcv_source == EWALLET_P
    chan = np.where(from_remit, np.where(to_wallet, CH_EWALLET, CH_REMIT), CH_BANK)
    src = np.where(from_remit, np.where(to_wallet, EWALLET_P, REMIT_X), snd_source)
    bad = ~from_remit & ~np.isin(snd_source, (BANK_A, BANK_B))
    if bad.any():
        raise ValueError("cross-border senders must hold remit-x or bank accounts")
    return chan.astype(np.int8), src.astype(np.int8)
