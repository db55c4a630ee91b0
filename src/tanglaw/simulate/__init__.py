"""Synthetic worlds for testing Tanglaw: customers, look-alikes and offender networks.

    from tanglaw.simulate import SimulationConfig, simulate_world
    summary = simulate_world(Path("out"), SimulationConfig(seed=7, customers=10_000))

Writes a bundle in the shapes of data contract v1 and a ground-truth folder. Nothing in it is
sexual or abusive: payments carry only innocuous references, names are invented, emails use
example.com, IP addresses the documentation prefix 2001:db8::/32. This package is kept
independent of the detection code (no shared constants).
"""

from __future__ import annotations

from .config import SimulationConfig
from .generate import simulate_world

__all__ = ["SimulationConfig", "simulate_world"]
