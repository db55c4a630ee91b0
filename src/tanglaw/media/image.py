"""PDQ hashes of still images, with the optional eight rotations and flips ("dihedral" hashes).

Hashing is done by the `pdqhash` package (faustomorales/pdqhash-python, a binding of the C++
reference in facebook/ThreatExchange pdq/cpp, the binding python-threatexchange itself uses).
Images are decoded with Pillow and turned into 8-bit RGB the way python-threatexchange does in
threatexchange/signal_type/pdq/pdq_hasher.py (16-bit and luminance-alpha images via RGB; grey
images repeated into three channels; alpha ignored), so our hashes equal theirs for the same file.
EXIF orientation is not applied, as in the reference implementations; use the dihedral hashes
to find rotated or mirrored copies.

    hash_image("photo.jpg")            -> ImageHash(hash="d8f8…", quality=100)
    hash_image_dihedral("photo.jpg")   -> DihedralHashes(hashes={"original": …, "rotate90": …, …})

Nothing here keeps, shows or writes pixels: an image is decoded, hashed and dropped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from ..errors import TanglawError
from ._deps import require
from .hashes import bits_to_hex

if TYPE_CHECKING:
    from PIL.Image import Image

#: names of pdqhash.compute_dihedral's eight outputs, in its order (pdq/cpp/hashing/pdqhashing.h)
DIHEDRAL_NAMES = (
    "original",
    "rotate90",
    "rotate180",
    "rotate270",
    "flipx",
    "flipy",
    "flip_plus1",
    "flip_minus1",
)

ImageSource = str | Path | bytes | npt.NDArray[np.uint8] | Any


class ImageError(TanglawError):
    """A file that cannot be read as an image."""


@dataclass(frozen=True)
class ImageHash:
    """A PDQ hash (64 hex characters) and its 0-100 quality score."""

    hash: str
    quality: int


@dataclass(frozen=True)
class DihedralHashes:
    """The PDQ hashes of an image and of its seven rotations and flips, by name (see DIHEDRAL_NAMES)."""

    hashes: dict[str, str]
    quality: int

    @property
    def original(self) -> str:
        return self.hashes["original"]


def _open(source: str | Path | bytes) -> Image:
    pil = require("PIL.Image", "Reading images")
    try:
        img = pil.open(io.BytesIO(source) if isinstance(source, bytes) else source)
        img.load()
    except (OSError, SyntaxError, ValueError, pil.DecompressionBombError) as e:
        where = "bytes" if isinstance(source, bytes) else str(source)
        raise ImageError(f"{where}: cannot read as an image: {e}") from e
    return img


def rgb_array(source: ImageSource) -> npt.NDArray[np.uint8]:
    """An (h, w, 3) uint8 RGB array from a path, encoded bytes, a PIL image or an array."""
    if isinstance(source, np.ndarray):
        arr = source
    else:
        img = _open(source) if isinstance(source, str | Path | bytes) else source
        if img.mode not in ("RGB", "L"):
            img = img.convert("RGB")
        arr = np.asarray(img)
    if arr.ndim == 2:
        arr = np.repeat(arr[:, :, None], 3, axis=2)
    if arr.ndim != 3 or arr.shape[2] < 3 or arr.shape[0] < 1 or arr.shape[1] < 1:
        raise ImageError(f"an image array must be (height, width, 3), not {arr.shape}")
    if arr.dtype != np.uint8:
        raise ImageError(f"an image array must hold uint8 values, not {arr.dtype}")
    return np.ascontiguousarray(arr[:, :, :3])


def hash_image(source: ImageSource) -> ImageHash:
    """The PDQ hash and quality of one image."""
    pdq = require("pdqhash", "PDQ hashing")
    bits, quality = pdq.compute(rgb_array(source))
    return ImageHash(bits_to_hex(bits), int(quality))


def hash_image_dihedral(source: ImageSource) -> DihedralHashes:
    """The PDQ hashes of an image and its seven rotations and flips, from one pass."""
    pdq = require("pdqhash", "PDQ hashing")
    vectors, quality = pdq.compute_dihedral(rgb_array(source))
    return DihedralHashes(
        {name: bits_to_hex(v) for name, v in zip(DIHEDRAL_NAMES, vectors, strict=True)}, int(quality)
    )
