"""Text of party records and accounts: names, phones, emails, addresses, ids, handles, IPs."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .geo import CC_INDEX, COUNTRIES
from .identities import V
from .names import HANDLE_WORDS, POOLS
from .registry import Registry
from .textfmt import digits, from_matrix, with_nulls

STREETS = (
    "Maple",
    "Oak",
    "Cedar",
    "Pine",
    "Elm",
    "Lake",
    "Hill",
    "Park",
    "River",
    "Church",
    "Station",
    "Mill",
)
PH_STREETS = ("Sampaguita", "Mabini", "Rizal", "Bonifacio", "Acacia", "Narra", "Luna", "Del Pilar")
STREET_KINDS = ("Street", "Avenue", "Road", "Lane", "Drive", "Way")
MOBILE_LEAD = {
    "US": "3",
    "CA": "4",
    "GB": "7",
    "AU": "4",
    "DE": "15",
    "JP": "90",
    "SG": "8",
    "FR": "6",
    "NL": "6",
    "SA": "5",
    "IT": "3",
    "ES": "6",
    "NZ": "2",
    "SE": "7",
    "CH": "7",
    "AE": "5",
    "KR": "10",
    "HK": "6",
    "IE": "8",
    "NO": "4",
    "PH": "9",
    "TH": "8",
    "CO": "3",
    "DO": "8",
    "MX": "55",
    "GH": "2",
    "NG": "80",
    "CI": "07",
    "RO": "7",
    "UA": "6",
    "JM": "8",
    "IN": "9",
    "VN": "9",
    "ID": "81",
    "MY": "1",
    "TR": "5",
}
CC_PH = CC_INDEX["PH"]


@lru_cache(maxsize=1)
def _names() -> tuple[pa.Array, pa.Array]:
    return pa.array(list(POOLS.names), pa.string()), pa.array(list(POOLS.typo), pa.string())


def scramble(tag: np.ndarray, mult: int = 7_919, add: int = 1_234_567, mod: int = 10**8) -> np.ndarray:
    """A bijection of 0..mod-1 that makes sequential numbers look random."""
    return (tag.astype(np.int64) * mult + add) % mod


def _take(arr: pa.Array, idx: np.ndarray) -> pa.Array:
    """Strings by index; negative indices give empty strings."""
    got = arr.take(pa.array(np.maximum(idx, 0).astype(np.int64)))
    return pc.if_else(pa.array(idx >= 0), got, "")


def _join(*parts: pa.Array | str) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _opt(prefix: str, value: pa.Array, suffix: str = "") -> pa.Array:
    """prefix + value + suffix where value is not empty, else ''."""
    return pc.if_else(pc.equal(value, ""), "", _join(prefix, value, suffix))


def person_names(reg: Registry, person: np.ndarray, variant: np.ndarray, alias: np.ndarray) -> pa.Array:
    """The name a source recorded, in the given variant (see identities.NAME_VARIANTS)."""
    names, typos = _names()
    p = reg.persons
    first_idx = np.where(alias >= 0, alias, p["first"][person])
    first = _take(names, first_idx)
    middle = _take(names, p["middle"][person])
    last = _take(names, p["last"][person])
    surname = _join(last, _opt(" ", _take(names, p["last2"][person])))
    mid_sp = _opt("", middle, " ")
    full = _join(first, " ", mid_sp, surname)
    initial = pc.utf8_slice_codeunits(middle, 0, 1)
    variants = {
        "full": full,
        "no_middle": _join(first, " ", surname),
        "middle_initial": _join(first, " ", _opt("", initial, ". "), surname),
        "surname_first": _join(surname, ", ", first, _opt(" ", middle)),
        "initial_first": _join(pc.utf8_slice_codeunits(first, 0, 1), ". ", surname),
        "typo_last": _join(first, " ", mid_sp, _take(typos, p["last"][person])),
        "typo_first": _join(_take(typos, first_idx), " ", surname),
        "upper": pc.utf8_upper(full),
        "given_only": first,
        "no_name": full,
    }
    chosen = pc.choose(pa.array(variant.astype(np.int8)), *variants.values())
    org = p["org"][person]
    if (org >= 0).any():
        orgs = _org_array(reg)
        chosen = pc.if_else(pa.array(org >= 0), _take(orgs, org), chosen)
    return with_nulls(chosen, (variant != V["no_name"]) | (org >= 0))


_ORG_CACHE: dict[int, pa.Array] = {}


def _org_array(reg: Registry) -> pa.Array:
    key = id(reg.org_names)
    cached = _ORG_CACHE.get(key)
    if cached is None or len(cached) != len(reg.org_names):
        cached = pa.array(reg.org_names, pa.string())
        _ORG_CACHE.clear()
        _ORG_CACHE[key] = cached
    return cached


def org_names(reg: Registry, person: np.ndarray) -> pa.Array:
    org = reg.persons["org"][person]
    return with_nulls(_take(_org_array(reg), org), org >= 0)


def _per_country(values: dict[str, str] | None, field: str) -> list[str]:
    if values is not None:
        return [values.get(c.code, "7") for c in COUNTRIES]
    return [getattr(c, field) for c in COUNTRIES]


def phones(reg: Registry, owner: np.ndarray, which: np.ndarray, style: str) -> pa.Array:
    """Phone numbers of `owner` persons (-1: none) written in a source's style."""
    p = reg.persons
    ok = owner >= 0
    o = np.maximum(owner, 0)
    country = p["country"][o]
    number = np.where(which == 1, p["phone_alt"][o], p["phone"][o])
    leads = _per_country(MOBILE_LEAD, "")
    digits_total = np.array([c.national_digits for c in COUNTRIES])[country]
    lead_len = np.array([len(x) for x in leads])[country]
    rest = digits_total - lead_len
    # Right-align the random part in a fixed-width matrix, then cut each row to its length.
    mat = digits(number % 10**9, 9)
    width = 9
    start = width - rest
    row_text = from_matrix(
        np.take_along_axis(mat, np.clip(start[:, None] + np.arange(width)[None, :], 0, 8), 1),
        rest,
    )
    lead = pa.array(leads, pa.string()).take(pa.array(country.astype(np.int64)))
    national = _join(lead, row_text)
    cc = pa.array(_per_country(None, "calling_code"), pa.string()).take(pa.array(country.astype(np.int64)))
    if style == "national":
        text = _join("0", national)
    elif style == "spaced":
        text = _join("+", cc, " ", national)
    else:
        text = _join("+", cc, national)
    return with_nulls(text, ok)


def _slug(arr: pa.Array) -> pa.Array:
    return pc.replace_substring_regex(pc.utf8_lower(arr), "[^a-z0-9]", "")


def emails(reg: Registry, person: np.ndarray, which: np.ndarray) -> pa.Array:
    """Email addresses at example.com; `which` -1 none, 0 primary, 1 alternate."""
    names, _ = _names()
    p = reg.persons
    tag = p["tag"][person]
    num = pa.array(scramble(tag, 48_271, 99_991, 10**7).astype(np.int64)).cast(pa.string())
    first = _slug(_take(names, p["first"][person]))
    last = _slug(_take(names, p["last"][person]))
    style = (tag % 3).astype(np.int8)
    primary = pc.choose(
        pa.array(style),
        _join(first, ".", last, num),
        _join(pc.utf8_slice_codeunits(first, 0, 1), last, num),
        _join(first, "_", last, ".", num),
    )
    word = pa.array(list(HANDLE_WORDS), pa.string()).take(
        pa.array(((tag * 31) % len(HANDLE_WORDS)).astype(np.int64))
    )
    alternate = _join(word, ".", first, num)
    local = pc.if_else(pa.array(which == 1), alternate, primary)
    text = _join(local, "@example.com")
    return with_nulls(text, (which >= 0) & (p["kind"][person] == 0))


def cities(reg: Registry, person: np.ndarray) -> pa.Array:
    flat = [city for c in COUNTRIES for city in c.cities]
    start = np.cumsum([0] + [len(c.cities) for c in COUNTRIES])
    country = reg.persons["country"][person]
    count = start[country + 1] - start[country]
    idx = start[country] + reg.persons["tag"][person] % count
    return pa.array(flat, pa.string()).take(pa.array(idx.astype(np.int64)))


def addresses(reg: Registry, person: np.ndarray, present: np.ndarray) -> pa.Array:
    tag = reg.persons["tag"][person]
    number = pa.array((1 + tag * 37 % 250).astype(np.int64)).cast(pa.string())
    ph = reg.persons["country"][person] == CC_PH
    idx = np.where(ph, len(STREETS) + tag * 7 % len(PH_STREETS), tag * 7 % len(STREETS))
    street = pa.array(STREETS + PH_STREETS, pa.string()).take(pa.array(idx))
    kind = pa.array(list(STREET_KINDS), pa.string()).take(pa.array(tag * 3 % len(STREET_KINDS)))
    return with_nulls(_join(number, " ", street, " ", kind), present.astype(bool))


def id_numbers(reg: Registry, person: np.ndarray, which: np.ndarray) -> pa.Array:
    """National id (country code and nine digits) or passport number, -1 none."""
    tag = reg.persons["tag"][person]
    country = reg.persons["country"][person]
    codes = pa.array([c.code for c in COUNTRIES], pa.string()).take(pa.array(country.astype(np.int64)))
    national = _join(codes, "-", from_matrix(digits(scramble(tag, 7_919, 13, 10**9), 9)))
    passport = _join("P", from_matrix(digits(scramble(tag, 104_729, 77, 10**8), 8)))
    text = pc.if_else(pa.array(which == 1), passport, national)
    return with_nulls(text, which >= 0)


def usernames(reg: Registry, person: np.ndarray, handle: np.ndarray) -> pa.Array:
    """Platform usernames from neutral words, a given name and digits; made unique."""
    names, _ = _names()
    w = len(HANDLE_WORDS)
    words = pa.array(list(HANDLE_WORDS), pa.string())
    first = _slug(_take(names, reg.persons["first"][person]))
    first = pc.if_else(pc.equal(first, ""), "user", first)
    w1 = words.take(pa.array(handle % w))
    w2 = words.take(pa.array((handle >> 20) % w))
    num = (handle // (w * 3)) % 10_000
    style = ((handle // w) % 3).astype(np.int8)
    text = pc.choose(
        pa.array(style),
        _join(w1, "_", first, from_matrix(digits(num % 100, 2))),
        _join(first, w1, from_matrix(digits(num, 4))),
        _join(w1, w2, from_matrix(digits(num % 1000, 3))),
    )
    # Make them unique: later duplicates get a suffix.
    values = np.asarray(text.to_numpy(zero_copy_only=False), dtype=object)
    _, first_pos, inverse = np.unique(values, return_index=True, return_inverse=True)
    dup = first_pos[inverse] != np.arange(len(values))
    if dup.any():
        suffix = from_matrix(digits(np.flatnonzero(dup) % 10**6, 6))
        fixed = _join(pa.array(values[dup], pa.string()), "_", suffix)
        values[dup] = np.asarray(fixed.to_numpy(zero_copy_only=False), dtype=object)
    return pa.array(values, pa.string())


def display_names(reg: Registry, person: np.ndarray, handle: np.ndarray, username: pa.Array) -> pa.Array:
    names, _ = _names()
    first = _take(names, reg.persons["first"][person])
    last = _take(names, reg.persons["last"][person])
    style = ((handle >> 30) % 3).astype(np.int8)
    return pc.choose(
        pa.array(style),
        first,
        _join(first, " ", pc.utf8_slice_codeunits(last, 0, 1), "."),
        username,
    )


_HEX = np.frombuffer(b"0123456789abcdef", np.uint8)


def hex_digits(values: np.ndarray, width: int) -> np.ndarray:
    v = values.astype(np.uint64)
    out = np.empty((len(v), width), dtype=np.uint8)
    for k in range(width):
        out[:, width - 1 - k] = _HEX[((v >> np.uint64(4 * k)) & np.uint64(15)).astype(np.int64)]
    return out


def ips(reg: Registry, person: np.ndarray) -> pa.Array:
    """Home IPv6 addresses in the documentation prefix 2001:db8::/32."""
    ip = reg.persons["ip"][person].astype(np.uint64)
    mat = np.empty((len(ip), 26), dtype=np.uint8)
    mat[:, :9] = np.frombuffer(b"2001:db8:", np.uint8)
    for g, shift in enumerate((32, 16, 0)):
        col = 9 + g * 5
        mat[:, col : col + 4] = hex_digits((ip >> np.uint64(shift)) & np.uint64(0xFFFF), 4)
        mat[:, col + 4] = ord(":")
    mat[:, 24] = ord(":")
    mat[:, 25] = ord("1")
    return from_matrix(mat)


def devices(reg: Registry, person: np.ndarray) -> pa.Array:
    dev = reg.persons["device"][person]
    mat = np.empty((len(dev), 20), dtype=np.uint8)
    mat[:, :4] = np.frombuffer(b"dev-", np.uint8)
    mat[:, 4:] = hex_digits(dev, 16)
    return from_matrix(mat)
