"""Media signals for Tanglaw (issue 5, "Platform signals"): PDQ hashes, hash banks and matching.

Pictures are handled only as hashes: an image or video frame is decoded, hashed and dropped;
no pixels are kept, shown or written. Modules, one job each:

    hashes      PDQ hash text <-> 64-bit words, distances, refusals of malformed hashes
    image       PDQ (and the 8 rotation/flip "dihedral" hashes) of a still image   [media extra]
    video       a vPDQ-like list of frame hashes, sampled with PyAV                 [media extra]
    mih         one immutable multi-index-hashing block (the index's building stone)
    index       PdqIndex: exact lookup by Hamming distance; add/remove without a full rebuild
    bank        Bank and BankEntry: hashes with metadata, a per-bank threshold, match/suppress role
    bankfile    bank files in the CSV forms of python-threatexchange, HMA and Tanglaw
    quarantine  hold back an entry that suddenly matches too much
    matcher     Matcher: banks + suppression + quarantine for one picture
    stream      StreamMatcher: k-of-the-last-n-frames alerts on a live stream
    cli         `tanglaw media hash|bank|match` (a Typer sub-app)

The [media extra] modules import pdqhash, Pillow and PyAV only when called and otherwise raise
MediaDependencyError naming `pip install 'tanglaw[media]'`; everything else needs only numpy.
"""

from __future__ import annotations

from ._deps import MediaDependencyError
from .bank import Bank, BankEntry, BankHit
from .bankfile import FORMATS, ReadResult, read_bank, read_entries, write_bank, write_entries
from .hashes import DEFAULT_THRESHOLD, MIN_QUALITY, HashError, distance, parse_hash
from .image import DIHEDRAL_NAMES, DihedralHashes, ImageError, ImageHash, hash_image, hash_image_dihedral
from .index import PdqIndex
from .matcher import Match, Matcher, MatchResult
from .quarantine import Quarantine, QuarantineEvent, QuarantinePolicy
from .stream import StreamAlert, StreamMatcher
from .video import FrameHash, VideoError, hash_video, iter_frame_hashes, read_frame_hashes

__all__ = [
    "DEFAULT_THRESHOLD",
    "DIHEDRAL_NAMES",
    "FORMATS",
    "MIN_QUALITY",
    "Bank",
    "BankEntry",
    "BankHit",
    "DihedralHashes",
    "FrameHash",
    "HashError",
    "ImageError",
    "ImageHash",
    "Match",
    "MatchResult",
    "Matcher",
    "MediaDependencyError",
    "PdqIndex",
    "Quarantine",
    "QuarantineEvent",
    "QuarantinePolicy",
    "ReadResult",
    "StreamAlert",
    "StreamMatcher",
    "VideoError",
    "distance",
    "hash_image",
    "hash_image_dihedral",
    "hash_video",
    "iter_frame_hashes",
    "parse_hash",
    "read_bank",
    "read_entries",
    "read_frame_hashes",
    "write_bank",
    "write_entries",
]
