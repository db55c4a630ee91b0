"""Live-stream matching: k of the last n frames, alert timing, and video frame sampling with PyAV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tanglaw.media.bank import Bank, BankEntry
from tanglaw.media.hashes import distance, flip_bits, from_words, random_words, to_words
from tanglaw.media.matcher import Matcher
from tanglaw.media.quarantine import QuarantinePolicy
from tanglaw.media.stream import StreamMatcher
from tanglaw.media.video import FrameHash, read_frame_hashes

KNOWN = from_words(random_words(3, seed=21))
NOISE = from_words(random_words(200, seed=22))


def near(h: str, bits: int, seed: int) -> str:
    return from_words(flip_bits(to_words(h), bits, seed=seed))[0]


def matcher(**kw: object) -> Matcher:
    bank = Bank.of(
        "known",
        [
            BankEntry(KNOWN[0], content_id="video-a", ref_id="0"),
            BankEntry(KNOWN[1], content_id="video-a", ref_id="30"),
        ]
        + [BankEntry(KNOWN[2], content_id="video-b")],
    )
    return Matcher([bank], **kw)  # type: ignore[arg-type]


def feed(sm: StreamMatcher, frames: list[str]) -> list[tuple[int, str]]:
    out = []
    for f in frames:
        out += [(a.frame, a.key) for a in sm.push(f)]
    return out


def test_alert_fires_at_the_kth_matching_frame_in_the_window() -> None:
    sm = StreamMatcher(matcher(), window=5, hits=3, distance=31)
    frames = [
        NOISE[0],
        near(KNOWN[0], 10, 1),
        NOISE[1],
        near(KNOWN[1], 20, 2),
        NOISE[2],
        NOISE[3],
        near(KNOWN[0], 5, 3),
    ]
    # frames 1, 3 and 6 match video-a, but 1 has left the 5-frame window when 6 arrives: no alert
    assert feed(sm, frames) == []
    # frame 7 is the third match among frames 3..7: alert exactly here, naming every matching frame
    (alert,) = sm.push(near(KNOWN[1], 8, 4), seconds=3.5)
    assert (alert.frame, alert.key, alert.hits, alert.window, alert.frames) == (7, "video-a", 3, 5, (3, 6, 7))
    assert alert.best_distance == 5 and alert.seconds == 3.5
    assert "3 of the last 5 frames" in alert.describe()
    # no second alert for the same item in one stream
    assert feed(sm, [near(KNOWN[0], 1, 5)] * 3) == []


def test_distance_and_items_are_separate() -> None:
    sm = StreamMatcher(matcher(), window=4, hits=2, distance=12)
    # matches at 20 bits do not count under d=12; two different items do not add up
    assert feed(sm, [near(KNOWN[0], 20, 6), near(KNOWN[2], 3, 7), near(KNOWN[0], 4, 8), NOISE[4]]) == []
    assert feed(sm, [near(KNOWN[2], 2, 9)]) == [(4, "video-b")]


def test_low_quality_frames_do_not_count_and_realert() -> None:
    sm = StreamMatcher(matcher(), window=3, hits=2, realert=True)
    assert sm.push(KNOWN[2], quality=10) == []
    assert sm.push(KNOWN[2], quality=10) == []
    assert [a.frame for a in sm.push(KNOWN[2], quality=90)] == []
    assert [a.frame for a in sm.push(KNOWN[2], quality=90)] == [3]
    assert [a.frame for a in sm.push(KNOWN[2], quality=90)] == [4]  # realert: again while it holds


def test_stream_counts_an_entry_once_towards_quarantine() -> None:
    m = matcher(quarantine=QuarantinePolicy(max_matches=2, window_seconds=1000))
    for s in range(3):  # three streams showing the same banked video for many frames
        sm = StreamMatcher(m, window=4, hits=2)
        alerts = feed(sm, [near(KNOWN[2], 2, 100 * s + i) for i in range(6)])
        assert alerts == ([(1, "video-b")] if s < 2 else [])
    assert [e.matches for e in m.quarantine.held()] == [3]


def test_refuses_bad_window() -> None:
    with pytest.raises(ValueError):
        StreamMatcher(matcher(), window=2, hits=3)


def test_frame_lines_round_trip(tmp_path: Path) -> None:
    f = FrameHash(12, 0.4, KNOWN[0], 87)
    assert f.to_line() == f"12,87,{KNOWN[0]},0.400"
    assert FrameHash.from_line(f.to_line()) == f
    p = tmp_path / "v.txt"
    p.write_text(f.to_line() + "\n" + "3,100,nothex,0.1\n")
    from tanglaw.errors import BundleError

    with pytest.raises(BundleError, match=r"v.txt:2: \"nothex\" is not a PDQ hash"):
        read_frame_hashes(p)


# -- video (needs the media extra) --------------------------------------------------------------


def _pattern(kind: int, h: int = 96, w: int = 128) -> np.ndarray:
    """A benign synthetic frame: smooth colour blobs, enlarged from a seeded 12x16 random grid."""
    from PIL import Image

    small = np.random.default_rng(kind).integers(0, 256, size=(12, 16, 3), dtype=np.uint8)
    return np.asarray(Image.fromarray(small).resize((w, h), Image.Resampling.BICUBIC))


def write_video(path: Path, scenes: list[int], seconds_each: int = 2, rate: int = 5) -> None:
    av = pytest.importorskip("av")
    with av.open(str(path), "w") as c:
        s = c.add_stream("mpeg4", rate=rate)
        s.width, s.height, s.pix_fmt, s.bit_rate = 128, 96, "yuv420p", 1_000_000
        for kind in scenes:
            for _ in range(seconds_each * rate):
                for pk in s.encode(av.VideoFrame.from_ndarray(_pattern(kind), format="rgb24")):
                    c.mux(pk)
        for pk in s.encode():
            c.mux(pk)


def test_video_frames_sampled_hashed_and_matched_as_a_stream(tmp_path: Path) -> None:
    pytest.importorskip("pdqhash")
    pytest.importorskip("PIL")
    from tanglaw.media.image import hash_image
    from tanglaw.media.video import hash_video, iter_frame_hashes

    video = tmp_path / "synthetic.mp4"
    write_video(video, scenes=[0, 1, 2])  # 3 scenes x 2 s at 5 fps
    frames = hash_video(video, fps=1.0)
    assert [f.frame for f in frames] == [0, 5, 10, 15, 20, 25]
    assert [f.seconds for f in frames] == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert len(hash_video(video, fps=None)) == 30
    # decoded frames hash close to the source patterns (the codec is lossy)
    for f in frames:
        assert distance(f.hash, hash_image(_pattern(f.frame // 10)).hash) <= 16

    # a bank holding the checkerboard scene; the stream alerts on the 2nd sampled frame of it
    bank = Bank.of("known", [BankEntry(hash_image(_pattern(1)).hash, content_id="scene-1")])
    sm = StreamMatcher(Matcher([bank]), window=3, hits=2)
    alerts = list(sm.run(iter_frame_hashes(video, fps=1.0)))
    assert [(a.frame, a.seconds, a.key) for a in alerts] == [(15, 3.0, "scene-1")]


def test_unreadable_video_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("av")
    from tanglaw.media.video import VideoError, hash_video

    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"not a video at all")
    with pytest.raises(VideoError, match="bad.mp4: cannot open as video"):
        hash_video(bad)
