"""Live-stream matching: frames arrive one by one; alert at the first confident match.

A single frame that lands near a banked hash is weak evidence (PDQ has false positives, and a
stream shows many frames). The stream matcher keeps the last `window` frames (n) and raises an
alert the first time `hits` of them (k) each matched the same banked item within `distance` (d):
"k of the last n frames within distance d". The same item is not alerted twice in one stream
unless `realert` is set. Frames below the quality floor (PDQ quality < 50, e.g. black frames)
count as non-matching frames.

An "item" is a bank entry's content id (all frame hashes of one banked video share it), or the
entry's hash when it has none. For quarantine, a stream counts each bank entry once, however
many of its frames match: the quarantine rate is about how much distinct content matches.

    sm = StreamMatcher(matcher, window=10, hits=3, distance=31)
    for frame in iter_frame_hashes("rtmp-or-file"):   # or push_image(rgb) for raw frames
        for alert in sm.push(frame.hash, quality=frame.quality, seconds=frame.seconds):
            notify(alert)
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .bank import BankEntry
from .matcher import Matcher
from .video import FrameHash


@dataclass(frozen=True)
class StreamAlert:
    """The first confident match of a stream to one banked item."""

    bank: str
    key: str
    entry: BankEntry
    frame: int
    seconds: float | None
    hits: int
    window: int
    best_distance: int
    frames: tuple[int, ...]

    def describe(self) -> str:
        at = f" at {self.seconds:.2f} s" if self.seconds is not None else ""
        return (
            f"ALERT frame {self.frame}{at}: {self.hits} of the last {self.window} frames match "
            f"{self.bank}:{self.key} (best distance {self.best_distance}; frames {', '.join(map(str, self.frames))})"
        )


@dataclass
class _Slot:
    frame: int
    hits: dict[tuple[str, str], tuple[int, BankEntry]]


class StreamMatcher:
    """Sliding-window matcher over a stream of frame hashes (see the module docstring)."""

    def __init__(
        self,
        matcher: Matcher,
        *,
        window: int = 10,
        hits: int = 3,
        distance: int | None = None,
        realert: bool = False,
    ) -> None:
        if window < 1 or not 1 <= hits <= window:
            raise ValueError(f"need 1 <= hits <= window, not hits={hits}, window={window}")
        self.matcher = matcher
        self.window = window
        self.hits = hits
        self.distance = distance
        self.realert = realert
        self.frames_seen = 0
        self._slots: deque[_Slot] = deque()
        self._counts: Counter[tuple[str, str]] = Counter()
        self._alerted: set[tuple[str, str]] = set()
        self._recorded: set[tuple[str, int]] = set()

    def _record(self, bank: str, entry_id: int) -> bool:
        if (bank, entry_id) in self._recorded:
            return False
        self._recorded.add((bank, entry_id))
        return True

    def push(
        self,
        h: str,
        *,
        quality: int | None = None,
        seconds: float | None = None,
        frame: int | None = None,
    ) -> list[StreamAlert]:
        """Feed the next frame's hash; returns the alerts it raises (usually none)."""
        number = self.frames_seen if frame is None else frame
        self.frames_seen += 1
        result = self.matcher.match(h, quality=quality, threshold=self.distance, record=self._record)
        hits: dict[tuple[str, str], tuple[int, BankEntry]] = {}
        for m in result.alerts:
            key = (m.bank, m.entry.key)
            if key not in hits or m.distance < hits[key][0]:
                hits[key] = (m.distance, m.entry)
        if len(self._slots) == self.window:
            old = self._slots.popleft()
            self._counts.subtract(old.hits.keys())
        self._slots.append(_Slot(number, hits))
        self._counts.update(hits.keys())
        alerts = []
        for key in hits:
            if self._counts[key] >= self.hits and (self.realert or key not in self._alerted):
                self._alerted.add(key)
                alerts.append(self._alert(key, number, seconds))
        return alerts

    def _alert(self, key: tuple[str, str], frame: int, seconds: float | None) -> StreamAlert:
        matched = [(s.frame, s.hits[key]) for s in self._slots if key in s.hits]
        best_frame = min(matched, key=lambda fm: fm[1][0])
        best_distance, entry = best_frame[1]
        return StreamAlert(
            bank=key[0],
            key=key[1],
            entry=entry,
            frame=frame,
            seconds=seconds,
            hits=len(matched),
            window=len(self._slots),
            best_distance=best_distance,
            frames=tuple(f for f, _ in matched),
        )

    def push_frame(self, frame: FrameHash) -> list[StreamAlert]:
        return self.push(frame.hash, quality=frame.quality, seconds=frame.seconds, frame=frame.frame)

    def push_image(self, rgb: npt.NDArray[np.uint8], seconds: float | None = None) -> list[StreamAlert]:
        """Hash a raw RGB frame (needs the media extra) and feed it."""
        from .image import hash_image

        ih = hash_image(rgb)
        return self.push(ih.hash, quality=ih.quality, seconds=seconds)

    def run(self, frames: Iterable[FrameHash]) -> Iterator[StreamAlert]:
        """Feed frames as they come; yields each alert as soon as it is raised."""
        for f in frames:
            yield from self.push_frame(f)
