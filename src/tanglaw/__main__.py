"""`python -m tanglaw`: the command line, as `tanglaw`."""

from __future__ import annotations

from .cli import main

main()
