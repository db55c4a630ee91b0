"""Lazy imports of the optional media libraries (pdqhash, Pillow, PyAV), with a clear error when missing.

Hash banks, the index and matching need only numpy; hashing pictures and video needs the extra:
    pip install 'tanglaw[media]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import TanglawError

INSTALL_HINT = "pip install 'tanglaw[media]'"

_PACKAGES = {"pdqhash": "pdqhash", "PIL": "pillow", "PIL.Image": "pillow", "av": "av"}


class MediaDependencyError(TanglawError, ImportError):
    """An optional media library is not installed."""


def require(module: str, purpose: str) -> ModuleType:
    """Import `module` or raise MediaDependencyError naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        package = _PACKAGES.get(module, module)
        raise MediaDependencyError(
            f"{purpose} needs the Python package {package!r}, which is not installed: {INSTALL_HINT}"
        ) from e
