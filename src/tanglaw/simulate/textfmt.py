"""Vectorised text: ids, ISO 8601 timestamps and dates, built as ASCII byte matrices.

Formatting tens of millions of timestamps with strftime is the slowest part of writing a large
world; gathering precomputed byte patterns is about ten times faster.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa

DAY = 86_400
_PAIRS = np.frombuffer("".join(f"{i:02d}" for i in range(100)).encode(), np.uint8).reshape(100, 2)


@lru_cache(maxsize=1)
def _time_of_day() -> np.ndarray:
    text = "".join(f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY))
    return np.frombuffer(text.encode(), np.uint8).reshape(DAY, 8)


def _dates_table(first: int, last: int) -> np.ndarray:
    days = np.arange(first, last + 1).astype("datetime64[D]")
    text = "".join(np.datetime_as_string(days, unit="D").tolist())
    return np.frombuffer(text.encode(), np.uint8).reshape(-1, 10)


def from_matrix(mat: np.ndarray, lengths: np.ndarray | None = None) -> pa.Array:
    """A string array from an (n, width) ASCII matrix; row i keeps its first lengths[i] bytes."""
    n, width = mat.shape
    if lengths is None:
        offsets = np.arange(0, (n + 1) * width, width, dtype=np.int64)
        data = np.ascontiguousarray(mat).reshape(-1)
    else:
        keep = np.arange(width)[None, :] < lengths[:, None]
        data = mat[keep]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
    if offsets[-1] < 2**31 - 1:
        return pa.StringArray.from_buffers(n, pa.py_buffer(offsets.astype(np.int32)), pa.py_buffer(data))
    return pa.LargeStringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(data))


@lru_cache(maxsize=1)
def _quads() -> np.ndarray:
    text = "".join(f"{i:04d}" for i in range(10_000))
    return np.frombuffer(text.encode(), np.uint8).reshape(10_000, 4)


def digits(values: np.ndarray, width: int) -> np.ndarray:
    """Zero-padded decimal digits of non-negative integers as an (n, width) matrix."""
    v = values.astype(np.int64)
    out = np.empty((len(v), width), dtype=np.uint8)
    quads = _quads()
    pos = width
    while pos >= 4:
        v, r = np.divmod(v, 10_000)
        out[:, pos - 4 : pos] = quads[r]
        pos -= 4
    if pos:
        out[:, :pos] = quads[v % 10**pos][:, 4 - pos :]
    return out


def ids(prefix: str, numbers: np.ndarray, width: int) -> pa.Array:
    """Ids such as `txn-000000042`."""
    head = np.frombuffer(prefix.encode(), np.uint8)
    mat = np.empty((len(numbers), len(head) + width), dtype=np.uint8)
    mat[:, : len(head)] = head
    mat[:, len(head) :] = digits(numbers, width)
    return from_matrix(mat)


def timestamps(ts: np.ndarray, offset_min: np.ndarray, zulu: np.ndarray) -> pa.Array:
    """ISO 8601 text of UTC epoch seconds, as local time with `+HH:MM` or as UTC with `Z`."""
    n = len(ts)
    if n == 0:
        return pa.array([], pa.string())
    off = np.where(zulu, 0, offset_min).astype(np.int64)
    local = ts.astype(np.int64) + off * 60
    days, sod = np.divmod(local, DAY)
    first = int(days.min())
    mat = np.empty((n, 25), dtype=np.uint8)
    mat[:, :10] = _dates_table(first, int(days.max()))[days - first]
    mat[:, 10] = ord("T")
    mat[:, 11:19] = _time_of_day()[sod]
    a = np.abs(off)
    mat[:, 19] = np.where(zulu, ord("Z"), np.where(off < 0, ord("-"), ord("+")))
    mat[:, 20:22] = _PAIRS[a // 60]
    mat[:, 22] = ord(":")
    mat[:, 23:25] = _PAIRS[a % 60]
    if zulu.all():
        return from_matrix(mat[:, :20])
    if not zulu.any():
        return from_matrix(mat)
    return from_matrix(mat, np.where(zulu, 20, 25))


def dates(days: np.ndarray) -> pa.Array:
    """YYYY-MM-DD of days since 1970-01-01."""
    if len(days) == 0:
        return pa.array([], pa.string())
    d = days.astype(np.int64)
    first = int(d.min())
    return from_matrix(_dates_table(first, int(d.max()))[d - first])


def with_nulls(arr: pa.Array, valid: np.ndarray) -> pa.Array:
    """The same strings, null where `valid` is false."""
    if valid.all():
        return arr
    return pa.compute.if_else(pa.array(valid), arr, pa.scalar(None, arr.type))


def lookup(values: tuple[str, ...] | list[str], idx: np.ndarray) -> pa.Array:
    """Strings by index into a small vocabulary; negative indices give null."""
    vocab = pa.array(list(values), pa.string())
    valid = idx >= 0
    taken = vocab.take(pa.array(np.where(valid, idx, 0).astype(np.int64)))
    return with_nulls(taken, valid)
