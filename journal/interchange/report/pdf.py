"""The report as a PDF, drawn with reportlab.

Why reportlab: a well-kept pure-Python PDF library (no Qt, so the command line
and the core can write reports) that writes real text - selectable and
searchable - with tables that split across pages and repeat their header, and
page callbacks for the running header and "page n of m" footer.

Why an embedded TrueType font (DejaVu Sans, shipped with matplotlib, which the
app already depends on): the PDF standard fonts (Helvetica...) are not embedded
and cover only Latin-1, so a name like "Łukasz" or notes in another script would
print as boxes; an embedded font prints the same on every computer and printer.
reportlab embeds a subset of the glyphs used (FontFile2 in the PDF).

Page n of m: the canvas keeps every page until the end and writes the footers
once the page count is known (the "NumberedCanvas" recipe from reportlab's docs).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from io import BytesIO
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.interchange.report.blocks import (
    SEVERITY_COLOURS,
    SEVERITY_TINTS,
    Beside,
    Block,
    Chart,
    FlagBox,
    Heading,
    PageBreak,
    Para,
    ReportDocument,
    Spacer,
    Table,
)

if TYPE_CHECKING:
    from journal.interchange.report.report_model import DoctorReport

FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC = (
    "DejaVuSans",
    "DejaVuSans-Bold",
    "DejaVuSans-Oblique",
    "DejaVuSans-BoldOblique",
)
Flowables = list[Any]
"""reportlab flowables; reportlab ships no type hints, so its objects are Any to mypy."""
Styles = dict[str, Any]
"""The paragraph styles by name (``_styles``)."""
CellFor = Callable[[str, int, int], object]
"""``cell_for(text, column, row)``: a table cell, plain text or a wrapped paragraph."""

MARGIN_MM = 16


@cache
def register_fonts() -> str:
    """Register DejaVu Sans (regular, bold, oblique) from matplotlib's data folder; return the family name."""
    import matplotlib
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name in (FONT, FONT_BOLD, FONT_ITALIC, FONT_BOLD_ITALIC):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"{name}.ttf")))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT_ITALIC)
    addMapping(FONT, 1, 1, FONT_BOLD_ITALIC)
    return FONT


def preload() -> None:
    """Import the reportlab modules the rendering uses and register the fonts now (see the Report page)."""
    import reportlab.lib.colors
    import reportlab.lib.pagesizes
    import reportlab.lib.styles
    import reportlab.lib.units
    import reportlab.pdfbase.pdfmetrics
    import reportlab.pdfgen.canvas
    import reportlab.platypus  # noqa: F401

    register_fonts()


def _styles() -> Styles:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, spaceAfter=3)
    return {
        "title": ParagraphStyle("title", base, fontName=FONT_BOLD, fontSize=16, leading=19, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2",
            base,
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=7,
            spaceAfter=3,
            textColor=colors.HexColor("#1f3b5a"),
            keepWithNext=1,
        ),
        "h3": ParagraphStyle("h3", base, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=4, keepWithNext=1),
        "body": base,
        "lead": ParagraphStyle("lead", base, fontSize=11, leading=14),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=10.5, spaceAfter=2),
        "muted": ParagraphStyle("muted", base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#555555")),
        "alert": ParagraphStyle("alert", base, textColor=colors.HexColor("#a93226")),
        "cell": ParagraphStyle("cell", base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "flag": ParagraphStyle("flag", base, fontSize=8.5, leading=10.8, spaceAfter=1),
        "flaghead": ParagraphStyle("flaghead", base, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceAfter=2),
        "flaghead_emergency": ParagraphStyle(
            "flaghead_emergency", base, fontName=FONT_BOLD, fontSize=11, leading=14, spaceAfter=3, textColor="#ffffff"
        ),
    }


def page_size(paper: str) -> tuple[float, float]:
    from reportlab.lib.pagesizes import A4, LETTER

    width, height = LETTER if paper.lower() == "letter" else A4
    return float(width), float(height)


CHUNK_ROWS = 40
"""Long tables (the log) are cut into tables of about this many rows at group (day) boundaries:
reportlab re-measures every remaining row each time a table splits across a page, so one
10-year log table costs time in the square of its length."""


def _chunks(block: Table) -> list[tuple[int, int]]:
    """Row ranges [a, b) of at most about ``CHUNK_ROWS`` rows, cut only where a group starts."""
    starts = sorted(block.group_starts or ()) or list(range(len(block.rows)))
    cuts, last = [0], 0
    for i in starts:
        if i - last >= CHUNK_ROWS:
            cuts.append(i)
            last = i
    cuts.append(len(block.rows))
    return [(a, b) for a, b in pairwise(cuts) if b > a] or [(0, 0)]


def _tables(block: Table, width: float, styles: Styles) -> Flowables:
    """The block as one or more reportlab tables.

    Cells whose text has no markup and fits on one line are plain strings, which
    reportlab draws without the paragraph machinery (much faster on long logs);
    the rest are wrapped paragraphs.
    """
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as RLTable

    size = block.font_size
    cell = ParagraphStyle("c", styles["cell"], fontSize=size, leading=size * 1.25)
    right = ParagraphStyle("cr", cell, alignment=2)
    bold = ParagraphStyle("cb", cell, fontName=FONT_BOLD)
    head = ParagraphStyle("ch", cell, fontName=FONT_BOLD, textColor=colors.HexColor("#1f3b5a"))
    head_right = ParagraphStyle("chr", head, alignment=2)
    widths = [w * width for w in block.widths]
    is_right = [c < len(block.align) and block.align[c] == "r" for c in range(len(widths))]

    def cell_for(text: str, col: int, row: int) -> object:
        font = FONT_BOLD if row in block.bold_rows else FONT
        plain = "<" not in text and "&" not in text
        if plain and stringWidth(text, font, size) <= widths[col] - 6:
            return text
        return Paragraph(text, bold if row in block.bold_rows else (right if is_right[col] else cell))

    rule = colors.HexColor("#c5cad0")
    if block.group_starts is not None and not any(is_right) and not block.shade_first_column:
        return _log_rows(block, widths, size, rule, cell_for, [Paragraph(t, head) for t in block.header])
    out: Flowables = []
    for n, (a, b) in enumerate(_chunks(block)):
        data: list[list[object]] = []
        if n == 0:
            data.append([Paragraph(t, head_right if is_right[c] else head) for c, t in enumerate(block.header)])
        data += [[cell_for(t, c, i) for c, t in enumerate(block.rows[i])] for i in range(a, b)]
        top = 1 if n == 0 else 0
        table = RLTable(data, colWidths=widths, repeatRows=top)
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # the default is Helvetica, which would be named (unembedded)
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), size * 1.25),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in range(len(widths)) if is_right[c]]
        commands += [
            ("FONTNAME", (0, i - a + top), (-1, i - a + top), FONT_BOLD) for i in block.bold_rows if a <= i < b
        ]
        if top:
            commands.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#1f3b5a")))
        if block.group_starts is None:
            commands.append(("LINEBELOW", (0, top), (-1, -1), 0.25, rule))
        else:
            commands += [
                ("LINEABOVE", (0, i - a + top), (-1, i - a + top), 0.4, rule) for i in block.group_starts if a < i < b
            ]
            commands.append(("LINEBELOW", (0, -1), (-1, -1), 0.4, rule))
        if block.shade_first_column and len(data) > top:
            commands.append(("BACKGROUND", (0, top), (0, -1), colors.HexColor("#f2f4f6")))
        table.setStyle(commands)
        out.append(table)
    return out


def _log_rows(
    block: Table, widths: list[float], size: float, rule: object, cell_for: CellFor, header: Flowables
) -> Flowables:
    """The log (rows grouped by day, left-aligned) as ``LogRows``, which draws its one-line cells cheaply."""
    from reportlab.lib import colors

    from journal.interchange.report.log_rows import LogRows

    return [
        LogRows(
            [[cell_for(t, c, i) for c, t in enumerate(block.rows[i])] for i in range(a, b)],
            widths,
            fonts=[FONT_BOLD if i in block.bold_rows else FONT for i in range(a, b)],
            size=size,
            group_starts=frozenset(i - a for i in block.group_starts or () if a <= i < b),
            header=header if n == 0 else None,
            header_rule=colors.HexColor("#1f3b5a"),
            rule=rule,
        )
        for n, (a, b) in enumerate(_chunks(block))
    ]


def _flag_box(block: FlagBox, width: float, styles: Styles) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as RLTable

    emergency = block.severity == "emergency"
    colour = colors.HexColor(SEVERITY_COLOURS.get(block.severity, "#999999"))
    head = styles["flaghead_emergency" if emergency else "flaghead"]
    cells = [Paragraph(block.headline, head)] + [Paragraph(line, styles["flag"]) for line in block.lines]
    box = RLTable([[c] for c in cells], colWidths=[width])
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(SEVERITY_TINTS.get(block.severity, "#ffffff"))),
        ("LINEBEFORE", (0, 0), (0, -1), 3.5, colour),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, 0), 4),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
    ]
    if emergency:  # unmistakably different: a dark red headline bar with white text, and a border
        commands += [("BACKGROUND", (0, 0), (-1, 0), colour), ("BOX", (0, 0), (-1, -1), 1.5, colour)]
    box.setStyle(commands)
    return box


def flowables(document: ReportDocument, width: float) -> Flowables:
    """The reportlab flowables for the document's blocks."""
    styles = _styles()
    return [f for block in document.blocks for f in _block_flowables(block, width, styles)]


def _chart_parts(block: Chart, width: float, styles: Styles) -> Flowables:
    from reportlab.platypus import Image, Paragraph

    scale = min(1.0, width / (block.width_in * 72))
    image = Image(BytesIO(block.png), block.width_in * 72 * scale, block.height_in * 72 * scale)
    return [image] + ([Paragraph(block.caption, styles["muted"])] if block.caption else [])


def _block_flowables(block: Block, width: float, styles: Styles) -> Flowables:
    from reportlab.platypus import KeepTogether, Paragraph
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Spacer as RLSpacer
    from reportlab.platypus import Table as RLTable

    if isinstance(block, Heading):
        return [Paragraph(block.text, styles[{1: "title", 2: "h2"}.get(block.level, "h3")])]
    if isinstance(block, Para):
        return [Paragraph(block.text, styles[block.style])]
    if isinstance(block, FlagBox):
        return [_flag_box(block, width, styles), RLSpacer(1, 3)]
    if isinstance(block, Table):
        return [*_tables(block, width, styles), RLSpacer(1, 4)]
    if isinstance(block, Chart):
        return [KeepTogether(_chart_parts(block, width, styles))]
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    if isinstance(block, Beside):
        gap = 8
        right = width * block.figure_width
        left = width - right - gap
        cells = [
            [f for b in block.left for f in _block_flowables(b, left, styles)],
            _chart_parts(block.figure, right, styles),
        ]
        table = RLTable([cells], colWidths=[left + gap, right])
        table.setStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # else reportlab names Helvetica, an unembedded font
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, 0), gap),
                ("RIGHTPADDING", (1, 0), (1, 0), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        return [table]
    if isinstance(block, Spacer):
        return [RLSpacer(1, block.points)]
    return []


def _numbered_canvas(document: ReportDocument) -> type[Any]:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        """Keeps each page's state, then draws header and footer with the page count (reportlab recipe)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = FONT  # else every page names Helvetica, an unembedded font
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            left, right = MARGIN_MM * mm, width - MARGIN_MM * mm
            self.saveState()
            self.setStrokeColor(colors.HexColor("#aab2bb"))
            self.setFillColor(colors.HexColor("#444444"))
            self.setLineWidth(0.4)
            foot = MARGIN_MM * mm * 0.55
            self.line(left, foot + 9, right, foot + 9)
            self.setFont(FONT, 7.5)
            self.drawString(left, foot, document.footer_left)
            self.drawCentredString(width / 2, foot, f"Page {self._pageNumber} of {total}")
            self.drawRightString(right, foot, document.footer_right)
            if self._pageNumber > 1:
                top = height - MARGIN_MM * mm * 0.6
                self.drawString(left, top, document.running_header)
                self.drawRightString(right, top, "Running and pain summary")
                self.line(left, top - 3, right, top - 3)
            self.restoreState()

    return NumberedCanvas


def render_pdf(document: ReportDocument) -> bytes:
    """The PDF bytes of ``document`` (A4 or Letter per ``document.paper_size``)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    buffer = BytesIO()
    margin = MARGIN_MM * mm
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size(document.paper_size),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=document.title,
        author="Run Journal",
        subject="Running and pain summary for a doctor visit",
        creator="Run Journal",
    )
    frame_width = doc.width - 12  # the frame's own 6 pt padding on each side
    doc.build(flowables(document, frame_width), canvasmaker=_numbered_canvas(document))
    return buffer.getvalue()


def report_pdf(report: DoctorReport) -> bytes:
    """Charts, wording and PDF for a ``DoctorReport`` in one call."""
    from journal.interchange.report.body_figure import body_figure
    from journal.interchange.report.charts import report_charts
    from journal.interchange.report.wording import report_document

    return render_pdf(report_document(report, report_charts(report), body_figure(report)))


def write_report_pdf(report: DoctorReport, path: Path) -> Path:
    """Write the report's PDF owner-only and atomically (``write_private``)."""
    from journal.interchange.private_files import write_private

    return write_private(Path(path), report_pdf(report))
