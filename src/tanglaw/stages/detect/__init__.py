"""Detect: the features the typologies read (`features`, with the receiving households that
two-sided evidence counts over, `households`), then every typology of the pack, each
declared once in the pack and one query here (`finance`, `platform`; `base` says what a detector
is). Text and media signals come from `tanglaw.text` and `tanglaw.media`.

    from tanglaw.stages import detect
    hits_per_code = detect.run(engine, pack)
"""

from __future__ import annotations

from ...engine import Engine
from ...pack import Pack
from . import features
from .base import Detector, run_detectors
from .finance import FINANCE_DETECTORS
from .platform import PLATFORM_DETECTORS

DETECTORS: tuple[Detector, ...] = FINANCE_DETECTORS + PLATFORM_DETECTORS


def run(engine: Engine, pack: Pack) -> dict[str, int]:
    """Build the features, then run every live and shadow typology; hits per code."""
    features.run(engine, pack)
    return run_detectors(engine, pack, DETECTORS)


__all__ = ["DETECTORS", "Detector", "run", "run_detectors"]
