"""Issue #15: pictures of `report.html` and of the PDF case package for the README, taken by the
test suite in real Chromium and from the PDF, so the README shows what this code draws.

The pictures in docs/images are rewritten only when the page changed visibly (a run's date alone
does not rewrite them). The page is checked as a person would look at it: nothing runs off the
right edge, every label of a network picture lies inside its picture, the evidence comes before
the timeline in the PDF.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tanglaw.pipeline import run_bundle
from tanglaw.simulate import SimulationConfig, simulate_world

from .browser import chromium
from .browser import keep_picture as _keep
from .conftest import invoke

pytestmark = pytest.mark.slow
README = Path(__file__).resolve().parents[1] / "README.md"
WIDTH = 1100


@pytest.fixture(scope="module")
def run_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("shots")
    simulate_world(root / "world", SimulationConfig(seed=7, customers=3000), progress=False)
    run_bundle(root / "world" / "bundle", root / "out")
    return root / "out"


def test_report_reads_in_a_browser_and_its_pictures_are_in_the_readme(run_out: Path) -> None:
    with chromium() as browser:
        page = browser.new_page(viewport={"width": WIDTH, "height": 1000})
        page.goto((run_out / "report.html").resolve().as_uri())
        # nothing runs off the right edge of the page
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
        # every name drawn in a network picture lies inside its picture
        outside = page.evaluate(
            """() => [...document.querySelectorAll('.case svg')].flatMap(svg => {
                   const box = svg.getBoundingClientRect();
                   return [...svg.querySelectorAll('text')].filter(t => {
                       const r = t.getBoundingClientRect();
                       return r.left < box.left - 1 || r.right > box.right + 1
                           || r.top < box.top - 1 || r.bottom > box.bottom + 1;
                   }).map(t => t.textContent);
               })"""
        )
        assert outside == []
        n_cases = page.locator(".case").count()
        assert n_cases >= 3
        # each indicator row says whom it is about
        about = page.locator(".case").first.locator("table").nth(1).locator("tr td:nth-child(2)")
        assert about.count() > 0 and all(t.strip() for t in about.all_inner_texts())
        queue = _keep(page.screenshot(), "report-queue.png")
        case = page.locator(".case").first
        box = case.bounding_box()
        assert box is not None
        shot = page.screenshot(
            full_page=True,
            clip={"x": box["x"], "y": box["y"], "width": box["width"], "height": min(box["height"], 1100)},
        )
        first_case = _keep(shot, "report-case.png")
    readme = README.read_text(encoding="utf-8")
    for path in (queue, first_case):
        assert f"docs/images/{path.name}" in readme


def test_case_package_pdf_puts_evidence_first_and_its_picture_is_in_the_readme(
    run_out: Path, runner: Any
) -> None:
    pdfium = pytest.importorskip("pypdfium2", reason="pypdfium2 comes with the dev extra")
    res = invoke(runner, "export", "TGL-000001", "--out", run_out, "--format", "pdf")
    assert res.exit_code == 0, res.output
    (pdf_path,) = (run_out / "exports").glob("TGL-000001*.pdf")
    pdf = pdfium.PdfDocument(str(pdf_path))
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert text.index("Evidence") < text.index("Timeline (UTC)")  # the evidence before the session rows
    assert re.search(r"Case TGL-000001", text)
    from io import BytesIO

    image = pdf[0].render(scale=1.4).to_pil()
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    page_one = _keep(buffer.getvalue(), "case-package-page1.png")
    assert f"docs/images/{page_one.name}" in README.read_text(encoding="utf-8")
