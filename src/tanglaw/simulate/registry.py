"""Entity registry: persons, party records and accounts stored as integer columns.

Everything is kept as integers (indices into vocabularies) until the writer turns rows into
text, so that a world of a million customers fits in memory comfortably.
"""

from __future__ import annotations

from typing import Any

import numpy as np

Schema = dict[str, tuple[type, int]]

PERSON_SCHEMA: Schema = {
    "cohort": (np.int8, 0),
    "role": (np.int8, 0),
    "network": (np.int32, -1),
    "country": (np.int16, 0),
    "offset": (np.int16, 0),
    "culture": (np.int8, -1),
    "gender": (np.int8, -1),  # 0 f, 1 m, -1 not a person
    "birth": (np.int32, 0),  # days since 1970-01-01
    "first": (np.int32, -1),  # index into names.POOLS.names
    "middle": (np.int32, -1),
    "last": (np.int32, -1),
    "last2": (np.int32, -1),
    "org": (np.int32, -1),  # index into Registry.org_names, for organisations
    "kind": (np.int8, 0),  # 0 person, 1 organisation
    "phone": (np.int64, 0),  # national number
    "phone_alt": (np.int64, 0),  # a second SIM or an old number
    "tag": (np.int64, 0),  # unique number used in emails
    "ip": (np.int64, 0),  # home network (IPv6 documentation prefix)
    "device": (np.int64, 0),
}

PARTY_SCHEMA: Schema = {
    "person": (np.int64, -1),
    "source": (np.int8, 0),
    "variant": (np.int8, 0),  # name variant, see identities.NAME_VARIANTS
    "first_alias": (np.int32, -1),  # a relative's given name used instead of one's own
    "phone_person": (np.int64, -1),  # whose phone is recorded; -1 none
    "phone_which": (np.int8, 0),  # 0 primary, 1 alternate
    "email_which": (np.int8, -1),  # -1 none, 0 primary, 1 alternate
    "id_which": (np.int8, -1),  # -1 none, 0 national id, 1 passport
    "address": (np.int8, 0),
    "birth_mode": (np.int8, -1),  # -1 not recorded, 0 right, 1 a year off
    "gender_known": (np.int8, 1),
    "created": (np.int64, 0),
}

ACCOUNT_SCHEMA: Schema = {
    "person": (np.int64, -1),
    "party": (np.int64, -1),
    "source": (np.int8, 0),
    "kind": (np.int8, 0),
    "country": (np.int16, 0),
    "currency": (np.int16, 0),
    "opened": (np.int64, 0),
    "closed": (np.int64, -1),
    "banned": (np.int8, 0),
    "category": (np.int16, -1),  # business category (merchants), index into CATEGORY_NAMES
    "handle": (np.int64, 0),  # seed of the username of platform accounts
}

# Account slots: at most one account of each slot per person.
SLOTS: tuple[str, ...] = ("bank", "card", "remit", "ewallet", "platform", "business")
S_BANK, S_CARD, S_REMIT, S_EWALLET, S_PLATFORM, S_BUSINESS = range(6)


class Columns:
    """A growable struct of numpy arrays."""

    def __init__(self, schema: Schema) -> None:
        self.schema = schema
        self._parts: dict[str, list[np.ndarray]] = {k: [] for k in schema}
        self._cols: dict[str, np.ndarray] = {}
        self.n = 0

    def add(self, n: int, **cols: Any) -> np.ndarray:
        """Append n rows; missing columns take their default. Returns the new row indices."""
        unknown = set(cols) - set(self.schema)
        if unknown:
            raise KeyError(f"unknown columns {sorted(unknown)}")
        self._flush_cache()
        for name, (dtype, default) in self.schema.items():
            value = cols.get(name, default)
            arr: np.ndarray = np.asarray(value, dtype=dtype)
            if arr.ndim == 0:
                arr = np.full(n, arr, dtype=dtype)
            if len(arr) != n:
                raise ValueError(f"column {name}: {len(arr)} values for {n} rows")
            self._parts[name].append(arr)
        start = self.n
        self.n += n
        return np.arange(start, self.n, dtype=np.int64)

    def _flush_cache(self) -> None:
        for name, arr in self._cols.items():
            self._parts[name] = [arr]
        self._cols = {}

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._cols:
            parts = self._parts[name]
            dtype = self.schema[name][0]
            self._cols[name] = np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)
            self._parts[name] = [self._cols[name]]
        return self._cols[name]

    def set(self, name: str, idx: np.ndarray, values: Any) -> None:
        col = self[name]
        col[idx] = values

    def __len__(self) -> int:
        return self.n


class Registry:
    """All persons, party records and accounts of a world."""

    def __init__(self) -> None:
        self.persons = Columns(PERSON_SCHEMA)
        self.parties = Columns(PARTY_SCHEMA)
        self.accounts = Columns(ACCOUNT_SCHEMA)
        self.org_names: list[str] = []
        self._slots: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in SLOTS]
        self._slot_cache: dict[int, np.ndarray] = {}

    def add_org_names(self, names: list[str]) -> np.ndarray:
        start = len(self.org_names)
        self.org_names.extend(names)
        return np.arange(start, len(self.org_names), dtype=np.int32)

    def bind(self, slot: int, persons: np.ndarray, accounts: np.ndarray) -> None:
        """Remember `accounts` as the `slot` account of `persons`."""
        self._slots[slot].append((persons.astype(np.int64), accounts.astype(np.int64)))
        self._slot_cache.pop(slot, None)

    def slot(self, slot: int) -> np.ndarray:
        """Account index of every person in a slot, -1 where the person has none."""
        cached = self._slot_cache.get(slot)
        if cached is not None and len(cached) == len(self.persons):
            return cached
        out = np.full(len(self.persons), -1, dtype=np.int64)
        for persons, accounts in self._slots[slot]:
            out[persons] = accounts
        self._slot_cache[slot] = out
        return out
