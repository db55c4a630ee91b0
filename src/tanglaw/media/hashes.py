"""PDQ hash values: parse and check hex text, pack into 64-bit words, count differing bits.

A PDQ hash is 256 bits written as 64 hexadecimal characters (the form ThreatExchange, HMA and
`pdqhash` use). Inside Tanglaw a hash is kept as four unsigned 64-bit words, most significant
first, so that a million hashes fit in 32 MB and a Hamming distance is four XORs and popcounts.

    parse_hash("D8F8…")        -> "d8f8…"           (checked, lower-case) or HashError
    to_words(["…", "…"])       -> uint64 array (n, 4)
    from_words(words)          -> ["…", "…"]
    distance("…", "…")         -> int in 0..256
    distances(words, query)    -> uint16 array (n,) of distances to one query
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from ..errors import TanglawError

#: characters in a PDQ hash written as hex
HEX_LENGTH = 64
#: bits in a PDQ hash
BITS = 256
#: the distance at or below which two PDQ hashes are "the same picture" (ThreatExchange pdq/README.md)
DEFAULT_THRESHOLD = 31
#: PDQ quality below which a hash carries too little signal to match (ThreatExchange pdq/README.md)
MIN_QUALITY = 50

Words = npt.NDArray[np.uint64]

_HEX = re.compile(r"[0-9a-fA-F]{64}")
_HAS_BITWISE_COUNT = hasattr(np, "bitwise_count")


class HashError(TanglawError, ValueError):
    """Text that is not a PDQ hash (64 hexadecimal characters)."""


def hash_problem(text: str) -> str | None:
    """Why `text` is not a PDQ hash, in a few words (None when it is one)."""
    s = text.strip()
    if _HEX.fullmatch(s):
        return None
    if not s:
        return "empty where 64 hex characters are needed"
    bad = sorted({c for c in s if c not in "0123456789abcdefABCDEF"})
    if bad:
        return f"{''.join(bad)[:10]!r} are not hex digits"
    return f"{len(s)} hex characters where 64 are needed"


def describe_problem(text: str) -> str | None:
    """Say what is wrong with `text` as a PDQ hash, quoting it, or None when it is one."""
    reason = hash_problem(text)
    if reason is None:
        return None
    s = text.strip()
    shown = s if len(s) <= 20 else s[:17] + "…"
    return f'"{shown}" is not a PDQ hash: {reason}' if s else reason


def is_hash(text: str) -> bool:
    """True when `text` (surrounding spaces ignored) is 64 hex characters."""
    return _HEX.fullmatch(text.strip()) is not None


def parse_hash(text: str) -> str:
    """Return the hash in lower case, or raise HashError saying what is wrong."""
    problem = describe_problem(text)
    if problem is not None:
        raise HashError(problem)
    return text.strip().lower()


def to_words(hashes: Sequence[str] | str) -> Words:
    """Pack hex hashes (already checked) into an (n, 4) uint64 array; one string gives shape (4,)."""
    if isinstance(hashes, str):
        return np.frombuffer(bytes.fromhex(hashes), dtype=">u8").astype(np.uint64)
    if len(hashes) == 0:
        return np.zeros((0, 4), dtype=np.uint64)
    raw = bytes.fromhex("".join(hashes))
    return np.frombuffer(raw, dtype=">u8").astype(np.uint64).reshape(-1, 4)


def from_words(words: Words) -> list[str]:
    """Hex strings of an (n, 4) uint64 array (or one (4,) row)."""
    arr = np.asarray(words, dtype=np.uint64).reshape(-1, 4)
    text = arr.astype(">u8").tobytes().hex()
    return [text[i : i + HEX_LENGTH] for i in range(0, len(text), HEX_LENGTH)]


def to_int(words: Words) -> int:
    """One hash's four words as a 256-bit Python integer (bit 255 is the first hex digit's top bit)."""
    w = [int(x) for x in np.asarray(words, dtype=np.uint64).reshape(4)]
    return (w[0] << 192) | (w[1] << 128) | (w[2] << 64) | w[3]


def bits_to_hex(bits: npt.ArrayLike) -> str:
    """Hex of a 256-long 0/1 vector, first element the most significant bit (pdqhash's output)."""
    v = np.asarray(bits, dtype=np.uint8).reshape(BITS)
    return np.packbits(v).tobytes().hex()


def distance(a: str, b: str) -> int:
    """Hamming distance between two hex hashes."""
    return (int(parse_hash(a), 16) ^ int(parse_hash(b), 16)).bit_count()


def popcount(words: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint8]:
    """Set bits of each uint64 (numpy>=2 has it built in; older numpy gets a SWAR fallback)."""
    if _HAS_BITWISE_COUNT:
        return np.bitwise_count(words)
    x = words.astype(np.uint64, copy=True)
    x -= (x >> np.uint64(1)) & np.uint64(0x5555555555555555)
    x = (x & np.uint64(0x3333333333333333)) + ((x >> np.uint64(2)) & np.uint64(0x3333333333333333))
    x = (x + (x >> np.uint64(4))) & np.uint64(0x0F0F0F0F0F0F0F0F)
    return ((x * np.uint64(0x0101010101010101)) >> np.uint64(56)).astype(np.uint8)


def distances(words: Words, query: Words) -> npt.NDArray[np.uint16]:
    """Distances from each row of an (n, 4) array to one (4,) query."""
    rows = np.asarray(words, dtype=np.uint64).reshape(-1, 4)
    q = np.asarray(query, dtype=np.uint64).reshape(4)
    x = rows ^ q if len(rows) < 64 else _xor_rows(rows, q)
    c = popcount(x)
    d = c[:, 0].astype(np.uint16)
    d += c[:, 1]
    d += c[:, 2]
    d += c[:, 3]
    return d


def _xor_rows(rows: Words, q: Words) -> Words:
    # a flat XOR against a tiled query is several times faster than broadcasting over the short axis
    flat = np.bitwise_xor(rows.reshape(-1), np.tile(q, len(rows)))
    return flat.reshape(-1, 4)


def random_words(n: int, seed: int | None = None) -> Words:
    """`n` uniformly random PDQ hashes as words (for tests and benchmarks)."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, np.iinfo(np.uint64).max, size=(n, 4), dtype=np.uint64, endpoint=True)


def flip_bits(words: Words, count: int, seed: int | None = None) -> Words:
    """A copy of one hash with `count` distinct random bits flipped: a hash at exactly that distance."""
    rng = np.random.default_rng(seed)
    out = np.asarray(words, dtype=np.uint64).reshape(4).copy()
    for b in rng.choice(BITS, size=count, replace=False):
        out[b // 64] ^= np.uint64(1) << np.uint64(63 - b % 64)
    return out


def check_all(hashes: Iterable[str]) -> list[str]:
    """Parse every hash (lower-cased); the first malformed one raises HashError."""
    return [parse_hash(h) for h in hashes]
