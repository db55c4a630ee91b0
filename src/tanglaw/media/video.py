"""Video as a list of PDQ frame hashes (vPDQ-like), sampled with PyAV.

vPDQ (facebook/ThreatExchange vpdq/README.md) hashes one frame per second or so and keeps, for
each, the frame number, the PDQ quality and the time; a video is then "a bag of frame hashes".
The `vpdq` package does not build here, so this module samples frames with PyAV (FFmpeg) and
hashes them with pdqhash. The text form of the list is vPDQ's: one line per sampled frame,
`frame_number,quality,hash,seconds` (vpdq/sample-hashes/README.md and its *.txt files).

    hash_video("clip.mp4", fps=1.0)  -> [FrameHash(frame=0, seconds=0.0, hash="…", quality=100), …]
    iter_frame_hashes(source)        -> the same, one at a time, as frames are decoded: usable on a
                                        live source PyAV can open (a file being written, a stream URL)

Pixels are decoded, hashed and dropped; nothing is written but hashes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import TanglawError
from ._deps import require
from .hashes import bits_to_hex, parse_hash

#: file name endings read as video by the command line
VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".ts", ".flv", ".mpg", ".mpeg"})


class VideoError(TanglawError):
    """A file or stream that cannot be decoded as video."""


@dataclass(frozen=True)
class FrameHash:
    """One sampled frame: its number in decode order, its time in seconds, PDQ hash and quality."""

    frame: int
    seconds: float
    hash: str
    quality: int

    def to_line(self) -> str:
        """vPDQ's text form: frame,quality,hash,seconds."""
        return f"{self.frame},{self.quality},{self.hash},{self.seconds:.3f}"

    @staticmethod
    def from_line(line: str) -> FrameHash:
        """Parse vPDQ's text form; raises ValueError (HashError for a bad hash) saying what is wrong."""
        parts = [p.strip() for p in line.split(",")]
        if len(parts) != 4:
            raise ValueError(f"expected frame,quality,hash,seconds (4 fields), found {len(parts)}")
        try:
            frame, quality, seconds = int(parts[0]), int(parts[1]), float(parts[3])
        except ValueError as e:
            raise ValueError(f"frame and quality must be integers and seconds a number ({e})") from None
        return FrameHash(frame, seconds, parse_hash(parts[2]), quality)


def iter_frames(
    source: str | Path, fps: float | None = 1.0, max_side: int | None = None
) -> Iterator[tuple[int, float, npt.NDArray[np.uint8]]]:
    """(frame number, seconds, RGB array) of frames sampled at `fps` (None: every frame)."""
    av = require("av", "Reading video")
    if fps is not None and fps <= 0:
        raise ValueError(f"fps must be above 0, not {fps}")
    try:
        container = av.open(str(source))
    except (OSError, av.FFmpegError) as e:
        raise VideoError(f"{source}: cannot open as video: {e}") from e
    with container:
        if not container.streams.video:
            raise VideoError(f"{source}: has no video stream")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        start: float | None = None  # sampling grid: start, start + 1/fps, start + 2/fps, …
        next_at = 0.0
        try:
            for number, frame in enumerate(container.decode(stream)):
                seconds = (
                    float(frame.time) if frame.time is not None else number / float(stream.average_rate or 25)
                )
                if fps is not None:
                    if start is None:
                        start = seconds
                    elif seconds + 1e-6 < next_at:
                        continue
                    next_at = start + (math.floor((seconds - start) * fps + 1e-6) + 1) / fps
                yield number, seconds, _to_rgb(frame, max_side)
        except av.FFmpegError as e:
            raise VideoError(f"{source}: cannot decode: {e}") from e


def _to_rgb(frame: Any, max_side: int | None) -> npt.NDArray[np.uint8]:
    if max_side and max(frame.width, frame.height) > max_side:
        scale = max_side / max(frame.width, frame.height)
        frame = frame.reformat(
            width=max(1, round(frame.width * scale)), height=max(1, round(frame.height * scale))
        )
    return np.ascontiguousarray(frame.to_ndarray(format="rgb24"))


def iter_frame_hashes(
    source: str | Path, fps: float | None = 1.0, max_side: int | None = None
) -> Iterator[FrameHash]:
    """PDQ hashes of frames sampled at `fps`, yielded as each frame is decoded."""
    pdq = require("pdqhash", "PDQ hashing")
    for number, seconds, rgb in iter_frames(source, fps, max_side):
        bits, quality = pdq.compute(rgb)
        yield FrameHash(number, round(seconds, 6), bits_to_hex(bits), int(quality))


def hash_video(source: str | Path, fps: float | None = 1.0, max_side: int | None = None) -> list[FrameHash]:
    """The vPDQ-like list of frame hashes of a whole video."""
    return list(iter_frame_hashes(source, fps, max_side))


def read_frame_hashes(path: str | Path) -> list[FrameHash]:
    """Read a vPDQ text file; a bad line raises tanglaw.errors.BundleError (`file:line: problem`)."""
    from ..errors import BundleError, Problem

    frames, problems = [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                frames.append(FrameHash.from_line(line))
            except ValueError as e:
                problems.append(Problem(str(path), n, None, str(e)))
    if problems:
        raise BundleError(problems)
    return frames
