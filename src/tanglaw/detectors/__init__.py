"""Detectors: declared typologies, each one query that yields indicator hits.

from tanglaw.detectors import DETECTORS, run_detectors
"""

from __future__ import annotations

from .base import Detector, run_detectors
from .finance import FINANCE_DETECTORS
from .platform import PLATFORM_DETECTORS

DETECTORS: tuple[Detector, ...] = FINANCE_DETECTORS + PLATFORM_DETECTORS

__all__ = ["DETECTORS", "Detector", "run_detectors"]
