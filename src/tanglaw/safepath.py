"""File names from data, and writes that stay inside their folder.

No id, name or value read from a bundle, a pack, a workspace or a partner's file may become
part of a path as it is: `media_id = "/../../../tmp/x/existing"` must not write outside the
export folder. Every writer that puts data into a file name goes through this module:

- `safe_name(text)` turns any text into one file-name component: letters, digits, `.`, `_` and
  `-` only, never `.`/`..` or a leading dot, at most `MAX_NAME` characters. A text that is
  already such a name is kept as it is (`TGL-6100E30BAC`); any other gets a short hash of the
  original appended, so two ids that clean to the same name still get two files;
- `inside(folder, name)` is the path of `name` in `folder`, refused (`UnsafePathError`) when the
  name is not one component or the path resolves elsewhere (a symbolic link planted in the
  folder, for example);
- `write_inside(folder, name, data)` writes through a temporary file opened without following
  links, then renames it into place: a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from .errors import TanglawError

#: characters of a file-name component at most (a file system allows 255 bytes; callers add
#: a prefix and a suffix around one or two names)
MAX_NAME = 80
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_HASH_CHARS = 10


class UnsafePathError(TanglawError):
    """A write would have left its folder; nothing was written."""


def safe_name(text: object, max_len: int = MAX_NAME) -> str:
    """`text` as one safe file-name component (see the module's docstring)."""
    raw = str(text)
    cleaned = _UNSAFE.sub("_", raw).strip("._-")
    if raw and cleaned == raw and len(raw) <= max_len:
        return raw
    digest = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_CHARS]
    keep = max(max_len - _HASH_CHARS - 1, 0)
    head = cleaned[:keep].rstrip("._-")
    return f"{head}_{digest}" if head else digest


def _plain(name: str) -> str:
    if (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or len(name.encode("utf-8", "surrogatepass")) > 255
    ):
        raise UnsafePathError(f"refusing to write {name[:120]!r}: not a plain file name")
    return name


def inside(folder: Path, name: str) -> Path:
    """The path of the file `name` directly in `folder`, checked to stay there."""
    _plain(name)
    base = folder.resolve()
    target = base / name
    if target.resolve().parent != base:
        raise UnsafePathError(f"refusing to write {name!r}: it resolves outside {folder}")
    return target


def write_inside(folder: Path, name: str, data: bytes) -> Path:
    """Write `data` to `folder/name` atomically, without following a link; return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = inside(folder, name)
    # the temporary name is plain by construction; whatever is there is removed, never followed
    tmp = target.parent / _plain(f".{name[:200]}.partial")
    try:
        tmp.unlink()  # a stale temporary file from a killed run (or a planted link: removed, not followed)
    except FileNotFoundError:
        pass
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
