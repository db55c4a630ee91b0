"""Count the records of a text table file (CSV or JSON Lines), apart from the parser that loads it.

The loader compares this count with the rows DuckDB loaded, so that no record is ever lost without a
refusal (DuckDB drops a last CSV line longer than its read buffer without a word). The same pass
refuses what no text table holds, each naming the physical line where the record starts:

* a record longer than `MAX_RECORD_BYTES` (the line limit: never cut, never dropped);
* a NUL byte (a binary file, or a file padded with zeros);
* a quoted CSV value that is still open at the end of the file;
* a compressed file that is cut short or not gzip.

The scan reads the file in blocks with numpy, so it costs a fraction of the load it checks, and it
stops at the first record over the limit: a small gzip file that expands to gigabytes of zeros is
refused after its first 16 MB, not read to the end.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import numpy as np

from ...contract import MAX_RECORD_BYTES
from ...errors import BundleError, Problem

#: bytes read per block
BLOCK_BYTES = 8 * 2**20

_LF, _CR, _QUOTE, _NUL = 10, 13, 34, 0
#: bytes that leave a line blank: CSV skips empty lines, JSON Lines lines of white space only
_BLANK_JSON = (_LF, _CR, 9, 32)
_WS_CSV = b"\r\n"
_WS_JSON = b"\r\n\t "


def limit_text(limit: int = MAX_RECORD_BYTES) -> str:
    return f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit:,} bytes"


def _open(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # noqa: SIM115


def _blocks(fh: BinaryIO, size: int) -> Iterator[bytes]:
    """Blocks of the file; a block never ends between the CR and LF of one line break."""
    while True:
        block = fh.read(size)
        if not block:
            return
        if block.endswith(b"\r"):
            block += fh.read(1)
        yield block


def _filled(block: bytes, a: np.ndarray, lo: np.ndarray, ends: np.ndarray, csv: bool) -> np.ndarray:
    """Whether each line `block[lo:end]` (its line break left out) holds more than blank bytes."""
    size = ends - lo
    if csv:
        # a CSV line is blank when empty or a lone CR (of a CRLF); a quoted line break comes with quotes
        last = a[np.maximum(ends - 1, 0)]
        return ~((size == 0) | ((size == 1) & (last == _CR)))
    first = a[np.minimum(lo, len(a) - 1)]
    maybe = np.flatnonzero((size == 0) | np.isin(first, _BLANK_JSON))
    out = np.ones(len(ends), dtype=bool)
    for i in maybe:
        out[i] = bool(block[int(lo[i]) : int(ends[i])].translate(None, _WS_JSON))
    return out


def _quote_parity(a: np.ndarray, breaks: np.ndarray) -> np.ndarray:
    """For each line break of the block, whether an odd number of quotes comes before it."""
    if not len(breaks):
        return breaks
    is_quote = (a[: int(breaks[-1]) + 1] == _QUOTE).view(np.uint8)
    # quotes per line (mod 256: only the parity counts), then their running parity
    per_line = np.add.reduceat(is_quote, np.concatenate(([0], breaks[:-1] + 1)), dtype=np.uint8)
    return np.bitwise_xor.accumulate(per_line & 1)


def count_records(path: Path, label: str, *, csv: bool, limit: int = MAX_RECORD_BYTES) -> int:
    """The records of the file that a reader must load: for CSV the records after the header
    (quoted line breaks kept inside their record, empty lines skipped), for JSON Lines the lines
    that are not blank. Raises `BundleError` naming the line of the first record that no reader
    may load (see the module's docstring)."""
    ws = _WS_CSV if csv else _WS_JSON
    lines = 0  # line breaks before the current block
    offset = 0  # bytes before the current block
    quotes = 0  # parity of the quote characters before the current block (CSV)
    last_end = -1  # offset of the line break that ended the last record
    last_end_line = 0  # line breaks up to the end of the last record
    pending = False  # the record not yet ended has a byte that is not blank
    records = 0

    def refuse(line: int, message: str) -> BundleError:
        return BundleError([Problem(label, line, None, message)])

    too_long = f"a record longer than the {limit_text(limit)} line limit"
    try:
        with _open(path) as fh:
            for block in _blocks(fh, BLOCK_BYTES):
                a = np.frombuffer(block, dtype=np.uint8)
                breaks = np.flatnonzero(a == _LF)
                if b"\r" in block:
                    cr = np.flatnonzero(a == _CR)
                    cr = cr[np.append(a, 0)[cr + 1] != _LF]  # a lone CR ends a line too
                    if len(cr):
                        breaks = np.union1d(breaks, cr)
                nul = block.find(b"\0")
                if nul >= 0:
                    where = int(np.searchsorted(breaks, nul))
                    raise refuse(lines + where + 1, "a NUL byte: this is not a text file (save it as UTF-8)")
                ends = breaks
                if csv and b'"' in block:
                    ends = breaks[_quote_parity(a, breaks) ^ quotes == 0]
                    quotes ^= block.count(b'"') & 1
                if len(ends):
                    # where each record ending in this block starts, and on which line
                    end_idx = np.searchsorted(breaks, ends)
                    starts = np.concatenate(([last_end - offset], ends[:-1]))
                    over = np.flatnonzero(ends - starts > limit)
                    if len(over):
                        i = int(over[0])
                        line = last_end_line if i == 0 else lines + int(end_idx[i - 1]) + 1
                        raise refuse(line + 1, too_long)
                    filled = _filled(block, a, np.maximum(starts + 1, 0), ends, csv)
                    filled[0] |= pending
                    records += int(filled.sum())
                    last_end = offset + int(ends[-1])
                    last_end_line = lines + int(end_idx[-1]) + 1
                    pending = bool(block[int(ends[-1]) + 1 :].translate(None, ws))
                else:
                    pending = pending or bool(block.translate(None, ws))
                lines += len(breaks)
                offset += len(block)
                if offset - last_end - 1 > limit:
                    raise refuse(last_end_line + 1, too_long)
    except (OSError, EOFError, zlib.error) as e:
        raise refuse(lines + 1, f"cannot be read to the end ({e})") from e
    if csv and quotes % 2:
        raise refuse(last_end_line + 1, "a quoted value is never closed (a quote is missing)")
    records += pending
    if csv:
        records = max(0, records - 1)  # the header
    return records


__all__ = ["BLOCK_BYTES", "MAX_RECORD_BYTES", "count_records", "limit_text"]
