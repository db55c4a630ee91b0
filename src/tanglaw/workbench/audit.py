"""The audit trail: append-only and hash-chained.

Every entry holds the hash of the entry before it, and its own hash covers its number, time, who,
action, case and detail together with that previous hash (SHA-256 over a canonical JSON text). The
head row keeps the number and hash of the last entry. `verify` recomputes the chain and names each
entry that was edited (its hash no longer matches its content), inserted (its number is out of
sequence or it does not continue the entry before it) or deleted (a number is missing, or the head
is ahead of the last entry). Someone who can rewrite the whole database can rewrite the whole
chain: export `tanglaw audit verify`'s head hash to somewhere else to anchor it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .store import Store

GENESIS = "0" * 64


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(seq: int, at: str, who: str, action: str, case_id: str | None, detail: str, prev: str) -> str:
    text = json.dumps(
        [seq, at, who, action, case_id or "", detail, prev], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def append(store: Store, who: str, action: str, detail: str = "", case_id: str | None = None) -> int:
    """Add one entry (inside the caller's transaction, or its own); its number."""
    with store.transaction():
        head = store.one(f"SELECT seq, hash FROM wb_audit_head WHERE id = 1{store.for_update}")
        seq, prev = (int(head[0]), str(head[1])) if head else (0, GENESIS)
        seq += 1
        at = now_iso()
        digest = entry_hash(seq, at, who, action, case_id, detail, prev)
        store.execute(
            "INSERT INTO wb_audit (seq, at, who, action, case_id, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [seq, at, who, action, case_id, detail, prev, digest],
        )
        store.execute("UPDATE wb_audit_head SET seq = ?, hash = ? WHERE id = 1", [seq, digest])
    return seq


@dataclass(frozen=True)
class Verdict:
    entries: int
    head_seq: int
    head_hash: str
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _renumbered(
    seq: int, at: str, who: str, action: str, case_id: str | None, detail: str, prev: str, digest: str
) -> int | None:
    """The number an entry had when it was written, if someone renumbered it (up to 5 away)."""
    for shift in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5):
        if seq - shift > 0 and entry_hash(seq - shift, at, who, action, case_id, detail, prev) == digest:
            return seq - shift
    return None


def verify(store: Store) -> Verdict:
    """Recompute the chain; every problem names its entry."""
    problems: list[str] = []
    expected_seq, prev = 1, GENESIS
    n, last_seq, last_hash = 0, 0, GENESIS
    shifted = False
    for seq, at, who, action, case_id, detail, prev_hash, digest in store.rows(
        "SELECT seq, at, who, action, case_id, detail, prev_hash, hash FROM wb_audit ORDER BY seq"
    ):
        n += 1
        seq = int(seq)
        what = f"({at}, {who}, {action})"
        gap = seq > expected_seq
        if gap and not shifted:
            gone = f"entry {expected_seq}" if seq == expected_seq + 1 else f"entries {expected_seq}-{seq - 1}"
            problems.append(f"{gone} deleted: the trail goes from entry {expected_seq - 1} to entry {seq}")
        if entry_hash(seq, at, who, action, case_id, detail, prev_hash) != digest:
            was = _renumbered(seq, at, who, action, case_id, detail, prev_hash, digest)
            if was is None:
                problems.append(f"entry {seq} edited: its content no longer matches its hash {what}")
            elif not shifted:
                shifted = True
                if was < seq:
                    problems.append(
                        f"entry {seq - (seq - was)} inserted: the entries after it were renumbered "
                        f"(entry {seq} was written as entry {was})"
                    )
                else:
                    problems.append(
                        f"entry {seq} deleted: the entries after it were renumbered "
                        f"(entry {seq} was written as entry {was})"
                    )
        elif prev_hash != prev and not shifted and not gap:
            problems.append(f"entry {seq - 1} inserted or replaced: entry {seq} does not continue it {what}")
        prev = digest
        expected_seq = seq + 1
        last_seq, last_hash = seq, digest
    head = store.one("SELECT seq, hash FROM wb_audit_head WHERE id = 1")
    head_seq, head_hash = (int(head[0]), str(head[1])) if head else (0, GENESIS)
    if head_seq > last_seq:
        gone = f"entry {head_seq}" if head_seq == last_seq + 1 else f"entries {last_seq + 1}-{head_seq}"
        if not shifted:
            problems.append(
                f"{gone} deleted: the trail ends at entry {last_seq}, its head at entry {head_seq}"
            )
    elif head_seq < last_seq:
        if not shifted:
            problems.append(
                f"entry {head_seq + 1} inserted: the head says the trail ends at entry {head_seq}"
            )
    elif head_hash != last_hash and not problems:
        problems.append(f"entry {last_seq} replaced: its hash differs from the head's")
    return Verdict(n, head_seq, head_hash, tuple(problems))


def entries(
    store: Store,
    *,
    who: str | None = None,
    action: str | None = None,
    case_id: str | None = None,
    limit: int = 200,
    before: int | None = None,
) -> list[dict[str, Any]]:
    """The newest entries first, filtered."""
    where: list[str] = ["1 = 1"]
    params: list[object] = []
    for column, value in (("who", who), ("action", action), ("case_id", case_id)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if before:
        where.append("seq < ?")
        params.append(before)
    return store.dicts(
        f"SELECT seq, at, who, action, case_id, detail FROM wb_audit WHERE {' AND '.join(where)} "
        f"ORDER BY seq DESC LIMIT {int(limit)}",
        params,
    )
