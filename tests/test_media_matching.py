"""Matcher rules: per-bank thresholds, suppression of known false positives, quarantine, dihedral lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from tanglaw.media.bank import Bank, BankEntry
from tanglaw.media.hashes import flip_bits, from_words, random_words
from tanglaw.media.matcher import Matcher
from tanglaw.media.quarantine import Quarantine, QuarantinePolicy

# the shared folder sits next to the repository (see test_media_conformance.py)
PDQ_DATA = Path(__file__).resolve().parents[2] / "shared" / "external" / "pdq" / "data"

BASE = from_words(random_words(4, seed=11))


def near(h: str, bits: int, seed: int = 0) -> str:
    from tanglaw.media.hashes import to_words

    return from_words(flip_bits(to_words(h), bits, seed=seed))[0]


def test_per_bank_thresholds() -> None:
    strict = Bank.of("strict", [BankEntry(BASE[0], content_id="s")], threshold=10)
    loose = Bank.of("loose", [BankEntry(BASE[0], content_id="l")], threshold=40)
    m = Matcher([strict, loose])
    r = m.match(near(BASE[0], 20, seed=1))
    assert [(x.bank, x.distance, x.status) for x in r.matches] == [("loose", 20, "alert")]
    r = m.match(near(BASE[0], 5, seed=2))
    assert sorted(x.bank for x in r.alerts) == ["loose", "strict"]
    # a caller's override replaces every bank's threshold
    assert m.match(near(BASE[0], 20, seed=1), threshold=25).alerts[0].bank in ("loose", "strict")
    assert len(m.match(near(BASE[0], 20, seed=1), threshold=25).alerts) == 2


def test_suppression_bank_silences_known_false_positive() -> None:
    bank = Bank.of("known", [BankEntry(BASE[0], content_id="k")])
    fp = near(BASE[0], 24, seed=3)  # a benign picture whose hash collides with the banked one
    suppress = Bank.of("fp", [BankEntry(fp, content_id="logo")], role="suppress")
    assert suppress.threshold == 16
    m = Matcher([bank, suppress])
    r = m.match(near(fp, 4, seed=4))
    assert r.matches and not r.alerts and r.matches[0].status == "suppressed"
    assert r.suppressed_by[0].entry.content_id == "logo"
    # the banked picture itself is far from the false positive: still an alert
    r = m.match(near(BASE[0], 3, seed=5))
    assert [x.status for x in r.matches] == ["alert"] and not r.suppressed_by


def test_quarantine_trips_on_rate_and_is_released() -> None:
    bank = Bank.of("known", [BankEntry(BASE[1], content_id="noisy"), BankEntry(BASE[2], content_id="quiet")])
    m = Matcher([bank], quarantine=QuarantinePolicy(max_matches=3, window_seconds=60))
    statuses = [m.match(near(BASE[1], 2, seed=i), now=float(i)).matches[0].status for i in range(5)]
    assert statuses == ["alert", "alert", "alert", "quarantined", "quarantined"]
    (event,) = m.quarantine.held()
    assert (event.bank, event.matches, event.at) == ("known", 4, 3.0)
    assert "4 matches within 60 s" in event.describe()
    # other entries are unaffected
    assert m.match(BASE[2], now=5.0).matches[0].status == "alert"
    assert m.quarantine.release("known", event.entry_id)
    assert m.match(BASE[1], now=6.0).matches[0].status == "alert"


def test_quarantine_counts_only_within_window() -> None:
    q = Quarantine(QuarantinePolicy(max_matches=2, window_seconds=10))
    assert [q.record("b", 1, t) for t in (0, 5, 11, 16, 21)] == [False] * 5  # never 3 within 10 s
    assert q.record("b", 1, 22) is True and q.is_held("b", 1)
    with pytest.raises(ValueError):
        QuarantinePolicy(max_matches=0)


def test_low_quality_queries_are_not_matched() -> None:
    m = Matcher([Bank.of("known", [BankEntry(BASE[3])])])
    r = m.match(BASE[3], quality=10)
    assert not r.matches and r.skipped == "quality 10 is below 50"
    assert m.match(BASE[3], quality=50).alerts


def test_bank_names_must_differ() -> None:
    with pytest.raises(ValueError, match="share the name"):
        Matcher([Bank("a"), Bank("a")])


needs_pdq = pytest.mark.skipif(not PDQ_DATA.is_dir(), reason="PDQ reference images not found")


@needs_pdq
def test_dihedral_lookup_finds_rotated_and_flipped_copies() -> None:
    pytest.importorskip("pdqhash")
    pytest.importorskip("PIL")
    from tanglaw.media.image import hash_image, hash_image_dihedral

    dih = PDQ_DATA / "reg-test-input" / "dih"
    original = hash_image(dih / "bridge-1-original.jpg")
    m = Matcher([Bank.of("known", [BankEntry(original.hash, content_id="bridge")])])
    expected = {
        "bridge-1-original.jpg": "original",
        "bridge-2-rotate-90.jpg": "rotate270",  # turning the rotated copy back
        "bridge-3-rotate-180.jpg": "rotate180",
        "bridge-4-rotate-270.jpg": "rotate90",
        "bridge-5-flipx.jpg": "flipx",
        "bridge-6-flipy.jpg": "flipy",
        "bridge-7-flip-plus-1.jpg": "flip_plus1",
        "bridge-8-flip-minus-1.jpg": "flip_minus1",
    }
    for name, transform in expected.items():
        r = m.match(hash_image_dihedral(dih / name))
        assert [(x.entry.content_id, x.transform) for x in r.alerts] == [("bridge", transform)], name
        assert r.alerts[0].distance <= 10
        if name != "bridge-1-original.jpg":  # without the variants the copy is ~120 bits away
            assert not m.match(hash_image(dih / name).hash).matches
