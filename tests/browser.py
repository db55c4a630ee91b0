"""Real Chromium for the tests: Playwright for Python driving Debian's `chromium`.

`make test` installs both (the `dev` extra and `apt-get install chromium`). Elsewhere a test that
needs a browser is skipped with the command that installs it; under CI (`CI` set) it fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
#: what the machine's closed network needs: no background connections, no sandbox as root
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL = "make test installs it; by hand: apt-get install -y chromium && .venv/bin/pip install -e '.[dev]'"


def _missing(what: str) -> None:
    message = f"{what} is not installed ({INSTALL})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium browser (Playwright's `Browser`)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright")
    if not os.path.exists(CHROMIUM):
        _missing("chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


IMAGES = Path(__file__).resolve().parents[1] / "docs" / "images"


def keep_picture(png: bytes, name: str) -> Path:
    """Write docs/images/`name` when it is new or looks different from the picture there (a date
    or an age alone does not rewrite it)."""
    from io import BytesIO

    from PIL import Image, ImageChops, ImageStat

    new = Image.open(BytesIO(png)).convert("L")
    lo, hi = new.getextrema()
    assert hi - lo > 100, f"{name}: a blank picture"
    path = IMAGES / name
    if path.exists():
        old = Image.open(path).convert("L")
        if old.size == new.size:
            diff = ImageStat.Stat(ImageChops.difference(old, new)).mean[0]
            if diff < 0.2:  # the same page, give or take a date
                return path
    IMAGES.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)
    return path
