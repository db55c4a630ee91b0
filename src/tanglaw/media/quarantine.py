"""Automatic quarantine of a banked hash that suddenly matches too much.

A bank entry that starts matching far more often than real material would (a hash of a blank
frame, a meme or a logo that slipped into a bank) floods reviewers and buries true alerts. The
policy counts the matches of each entry over a sliding time window; the match that takes an
entry above `max_matches` within `window_seconds` quarantines it. From then on its matches are
reported with status "quarantined" (not as alerts) until a person releases it after review.

    q = Quarantine(QuarantinePolicy(max_matches=100, window_seconds=3600))
    q.record("bank", 7, now=t)   -> True when this match quarantined entry 7
    q.held()                     -> [QuarantineEvent(bank="bank", entry_id=7, …)]
    q.release("bank", 7)

State is kept in memory for the life of the object.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class QuarantinePolicy:
    """Quarantine an entry that matches more than `max_matches` times within `window_seconds`."""

    max_matches: int = 100
    window_seconds: float = 3600.0

    def __post_init__(self) -> None:
        if self.max_matches < 1:
            raise ValueError(f"max_matches must be at least 1, not {self.max_matches}")
        if self.window_seconds <= 0:
            raise ValueError(f"window_seconds must be above 0, not {self.window_seconds}")


@dataclass(frozen=True)
class QuarantineEvent:
    """Why and when an entry was quarantined."""

    bank: str
    entry_id: int
    at: float
    matches: int
    window_seconds: float

    def describe(self) -> str:
        return (
            f"{self.bank} entry {self.entry_id} quarantined: {self.matches} matches "
            f"within {self.window_seconds:g} s"
        )


class Quarantine:
    """Match counters per bank entry and the set of quarantined entries."""

    def __init__(self, policy: QuarantinePolicy | None = None) -> None:
        self.policy = policy or QuarantinePolicy()
        self._recent: dict[tuple[str, int], deque[float]] = {}
        self._held: dict[tuple[str, int], QuarantineEvent] = {}

    def is_held(self, bank: str, entry_id: int) -> bool:
        return (bank, entry_id) in self._held

    def record(self, bank: str, entry_id: int, now: float) -> bool:
        """Count one match at time `now` (seconds); True when it puts the entry into quarantine."""
        key = (bank, entry_id)
        if key in self._held:
            return False
        times = self._recent.setdefault(key, deque(maxlen=self.policy.max_matches + 1))
        times.append(now)
        start = now - self.policy.window_seconds
        while times and times[0] <= start:
            times.popleft()
        if len(times) > self.policy.max_matches:
            self._held[key] = QuarantineEvent(bank, entry_id, now, len(times), self.policy.window_seconds)
            del self._recent[key]
            return True
        return False

    def release(self, bank: str, entry_id: int) -> bool:
        """Take an entry out of quarantine (after review); its counter starts again from zero."""
        self._recent.pop((bank, entry_id), None)
        return self._held.pop((bank, entry_id), None) is not None

    def held(self) -> list[QuarantineEvent]:
        """Quarantined entries, oldest first."""
        return sorted(self._held.values(), key=lambda e: e.at)
