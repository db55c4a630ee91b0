"""Tanglaw: from scattered records to ranked cases of live-streamed child sexual abuse."""

from __future__ import annotations

__version__ = "0.1.0"

# Run as the `tanglaw` command (not imported as a library): Ctrl-C while the modules load is one
# line and exit 130, not a traceback through the imports (`tanglaw.interrupt`).
from . import interrupt as _interrupt  # noqa: E402

_interrupt.guard_startup()
