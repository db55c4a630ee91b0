"""The `tanglaw` command line: one Typer app, one registration style, one error handler.

- `app`: the top-level commands (simulate, run, evaluate, calibrate, demo, contract, typologies)
  and the registration of every command group;
- `cases`, `entities`, `media`, `reports`: the groups `tanglaw cases|entities|media …` and
  `tanglaw export|tips|share …`;
- `console`: the two consoles, progress, and how every command reports an error (`Group`: one
  line and exit 2 for input a person must fix, exit 1 for a fault, 130 for Ctrl-C).
"""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
