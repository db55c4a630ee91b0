"""Tanglaw: from scattered records to ranked cases of live-streamed child sexual abuse."""

from __future__ import annotations

__version__ = "0.1.0"
