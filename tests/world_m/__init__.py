"""World M: an independent, blind synthetic evaluation world for Tanglaw (see README.md)."""

from __future__ import annotations

from typing import Any


def generate(*args: Any, **kwargs: Any) -> dict[str, Any]:
    """See `tests.world_m.generator.generate`."""
    from tests.world_m.generator import generate as _generate

    return _generate(*args, **kwargs)


__all__ = ["generate"]
