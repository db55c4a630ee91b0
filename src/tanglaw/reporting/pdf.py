"""The case package as a PDF, drawn with reportlab (pure Python, no system packages).

Why reportlab: both candidates install from pure-Python wheels and need only Pillow besides, but
on the same package tables (a 35-page case: 400 timeline rows, 56 people, 125 indicators)
reportlab 5.1 rendered in 0.75 s against fpdf2 2.8's 3.4 s, and its dependency tree is about
17 MB against fpdf2's 40 MB (fpdf2 pulls in fontTools). Platypus also splits long tables across
pages and repeats their header rows. docs/exports.md has the measurement.

It is an optional dependency: `pip install 'tanglaw[reports]'`.

The PDF uses the built-in Helvetica font, which covers Latin-1 only; other characters are
transliterated (`ñ` stays, `→` becomes `->`, letters outside Latin-1 lose their accents or
become `?`). The HTML package carries every character as recorded.

Whatever the data holds, the PDF is drawn: a table row cannot break across pages, so each cell
is cut to `MAX_CELL_LINES` lines of its column (saying how much was cut; the HTML package has
it all), and a cell with a word wider than its column (a 5,000-character id) wraps anywhere.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any
from xml.sax.saxutils import escape

from ..errors import TanglawError
from .network import COLOURS, Layout, colour, legend
from .package import PackageModel

#: the legend's words for the drawing's colours
_COLOUR_WORDS = {COLOURS["facilitator"]: "red", COLOURS["payer"]: "blue", COLOURS["victim"]: "green"}

#: record ids printed inside the evidence table at most; longer lists go to the appendix
MAX_IDS_IN_TABLE = 30
#: lines a table cell takes at most: the tallest row must fit on one page (about 80 lines)
MAX_CELL_LINES = 40
#: characters of a paragraph outside tables at most (those split across pages), and of the title
MAX_PARAGRAPH = 200_000
MAX_HEADING = 400
#: padding left and right of a table cell, in points
_PAD = 3
_REPLACE = {"—": "-", "–": "-", "…": "...", "→": "->", "·": "-", "“": '"', "”": '"', "‘": "'", "’": "'"}


def latin1(text: object) -> str:
    """Text the core PDF fonts can draw."""
    s = str(text)
    for a, b in _REPLACE.items():
        s = s.replace(a, b)
    out = []
    for ch in s:
        if ord(ch) < 256:
            out.append(ch)
        else:
            base = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1")
            out.append(base or "?")
    return "".join(out)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _fit(text: str, width_pt: float, style: Any, max_lines: int | None, max_chars: int) -> tuple[str, bool]:
    """`text` cut to `max_lines` lines of a column `width_pt` wide and to `max_chars` characters,
    and whether a word in it is wider than the column."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = float(style.fontSize)
    per_line = max(int(width_pt / size), 4)  # no character of the core fonts is wider than 1.02 em
    limit = min(per_line * max_lines, max_chars) if max_lines else max_chars
    if len(text) > limit:
        note = f" ... [{len(text):,} characters, cut here; the HTML package has them all]"
        text = text[: max(limit - len(note), 0)] + note
    wide = any(
        len(word) * size * 1.02 > width_pt and stringWidth(word, style.fontName, size) > width_pt
        for word in text.split()
    )
    return text, wide


def _anywhere(style: Any) -> Any:
    """The same style, wrapping at any character (for ids longer than their column)."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-anywhere", parent=style, wordWrap="CJK")


def _import() -> Any:
    try:
        import reportlab  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("the PDF case package needs reportlab: pip install 'tanglaw[reports]'") from e
    return reportlab


def _network(lay: Layout, width: float, height: float) -> Any:
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
    from reportlab.lib import colors

    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, strokeColor=colors.HexColor("#dddddd"), fillColor=None))
    pad = 20.0

    def xy(nx: float, ny: float) -> tuple[float, float]:
        # PDF y grows upwards; the layout's grows downwards
        return pad + nx * (width - 2 * pad), height - pad - ny * (height - 2 * pad)

    for e in lay.edges:
        (x1, y1), (x2, y2) = xy(e.a.x, e.a.y), xy(e.b.x, e.b.y)
        d.add(Line(x1, y1, x2, y2, strokeColor=colors.HexColor("#999999"), strokeWidth=0.4 * e.width))
    for n in lay.nodes:
        x, y = xy(n.x, n.y)
        d.add(Circle(x, y, 4.5, fillColor=colors.HexColor(colour(n.role)), strokeColor=None))
        if lay.labelled:
            d.add(String(x + 7, y - 2.5, latin1(n.label[:28]), fontName="Helvetica", fontSize=7))
    return d


def package_pdf(model: PackageModel) -> bytes:
    """The case package as PDF bytes (A4, portrait)."""
    _import()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    case = model.case
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontSize=7.5, leading=9.2, spaceAfter=0)
    small = ParagraphStyle("small", parent=body, fontSize=6.8, leading=8.2)
    ids = ParagraphStyle("ids", parent=body, fontName="Courier", fontSize=5.8, leading=7, wordWrap="CJK")
    h1 = ParagraphStyle("h1", parent=base["Heading1"], fontSize=15, leading=18, spaceAfter=4)
    h2 = ParagraphStyle("h2", parent=base["Heading2"], fontSize=11.5, leading=14, spaceBefore=8, spaceAfter=4)

    def p(
        text: object, style: ParagraphStyle = body, width: float | None = None, max_chars: int = MAX_PARAGRAPH
    ) -> Paragraph:
        """A paragraph of `text` (any data) for a column `width` mm wide (None: the page's width,
        outside tables): cut to fit, and wrapping anywhere when a word is wider than the column."""
        fitted, wrap_anywhere = _fit(
            latin1(text),
            (width or page_width) * mm - 2 * _PAD,
            style,
            MAX_CELL_LINES if width else None,
            max_chars,
        )
        if wrap_anywhere:
            style = _anywhere(style)
        return Paragraph(escape(fitted), style)

    grid = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
    )

    def table(head: list[str], rows: list[list[tuple[object, ParagraphStyle]]], widths: list[float]) -> Table:
        data: list[list[Paragraph]] = [[Paragraph(f"<b>{escape(h)}</b>", small) for h in head]]
        data += [[p(text, style, w) for (text, style), w in zip(row, widths, strict=True)] for row in rows]
        t = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        t.setStyle(grid)
        return t

    width = page_width = (A4[0] - 30 * mm) / mm
    story: list[Any] = [
        p(f"Case {case.case_id}: {case.title}", h1, max_chars=MAX_HEADING),
        p(
            f"Prepared by {model.organisation} with Tanglaw {model.version} on {model.generated}. Scores and "
            "indicators are leads for investigation, not proof; every statement names the records it rests on."
        ),
        p("Summary", h2),
    ]
    facts = Table(
        [[p(k, body, 32), p(v, body, width - 32)] for k, v in model.facts],
        colWidths=[32 * mm, (width - 32) * mm],
    )
    facts.setStyle(
        TableStyle([*grid.getCommands()[:2], ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee"))])
    )
    story += [facts, p("Network", h2)]
    story.append(
        p(
            " - ".join(f"{_COLOUR_WORDS.get(c, c)}: {words}" for c, words in legend(bool(model.victims)))
            + " - a line joins two people when one paid the other",
            small,
        )
    )
    story += [Spacer(1, 2 * mm), _network(model.network, width * mm, 95 * mm), p("People and accounts", h2)]
    story.append(
        table(
            ["Person", "Role", "Score", "Countries", "Accounts"],
            [
                [
                    (r.name, small),
                    (r.role, small),
                    (f"{r.score:.2f}", small),
                    (r.countries, small),
                    (r.accounts, small),
                ]
                for r in model.people
            ],
            [34, 17, 11, 17, width - 79],
        )
    )
    if model.victims:
        story.append(p("Victims", h2))
        story.append(
            p(
                "People the case names as harmed: not suspects, and never reported as subjects or shared "
                "with partners.",
                small,
            )
        )
        story.append(
            table(
                ["Person", "Age", "Countries", "Accounts"],
                [
                    [(v.name, small), (v.age, small), (v.countries, small), (v.accounts, small)]
                    for v in model.victims
                ],
                [34, 17, 28, width - 79],
            )
        )
    story.append(p("Evidence", h2))
    long_lists = [e for e in model.evidence if e.n_records > MAX_IDS_IN_TABLE]
    story.append(
        table(
            ["Indicator", "Person", "Weight", "Evidence", "Record ids"],
            [
                [
                    (f"{e.code} ({e.role}) {e.indicator_id}", small),
                    (e.person, small),
                    (f"{e.weight:.2f}", small),
                    (e.evidence, small),
                    (
                        e.record_ids
                        if e.n_records <= MAX_IDS_IN_TABLE
                        else f"{e.n_records} records: see the appendix",
                        ids,
                    ),
                ]
                for e in model.evidence
            ],
            [30, 25, 11, width - 121, 55],
        )
    )
    story.append(p("Timeline (UTC)", h2))
    if model.timeline_omitted:
        story.append(
            p(
                f"The {model.timeline_omitted} earliest rows are left out; the evidence table lists every record id."
            )
        )
    story.append(
        table(
            ["Date", "What happened", "Record ids"],
            [[(r.when, small), (r.what, small), (r.records.replace(";", "; "), ids)] for r in model.timeline],
            [17, width - 72, 55],
        )
    )
    if long_lists:
        story.append(p("Appendix: record ids", h2))
        shared: dict[str, list[str]] = {}
        for e in long_lists:
            shared.setdefault(e.record_ids, []).append(f"{e.indicator_id} {e.code} - {e.person}")
        for record_ids, labels in shared.items():
            n = record_ids.count(";") + 1
            story.append(p(f"{'; '.join(labels)} ({n} records)", small))
            story.append(p(record_ids.replace(";", "; "), ids))
            story.append(Spacer(1, 2 * mm))

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica-Bold", 8)
        canvas.setFillColor(colors.HexColor("#b35c00"))
        canvas.drawString(15 * mm, A4[1] - 10 * mm, "TLP:AMBER")
        canvas.setFont("Helvetica", 7)
        canvas.setFillColor(colors.HexColor("#6e6e6e"))
        canvas.drawCentredString(
            A4[0] / 2, 8 * mm, latin1(f"Case {_short(case.case_id)} - page {doc.page} - {model.generated}")
        )
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=14 * mm,
        title=latin1(f"Case package {_short(case.case_id)}"),
        author=latin1(model.organisation),
        creator=f"Tanglaw {model.version}",
        invariant=1,
    )
    from reportlab.platypus.doctemplate import LayoutError

    try:
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    except LayoutError as e:  # pragma: no cover - every cell is fitted above; kept as a last guard
        raise TanglawError(
            f"case {_short(case.case_id)}: the PDF could not be laid out ({str(e)[:200]}); "
            "export --format html, which has no page limits"
        ) from e
    return buf.getvalue()
