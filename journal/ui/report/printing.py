"""Printing the report: the same blocks as the PDF, laid out by Qt's QTextDocument and painted page by page.

Why not print the PDF itself: Qt Essentials has no QtPdf to rasterise a PDF,
and no other PDF renderer is a dependency. So the report's blocks
(``journal.interchange.report.blocks``, worded once in ``wording.py``) are
turned into Qt rich text here, and painted onto the QPrinter one page at a time
with the same running header and "Page n of m" footer as the PDF. What prints
and what is saved say the same things; only the line breaks may differ. The
Report page's inline preview shows the same rich text (``report_html``) in one
long column, in the colours of the screen's scheme; paper is always light.
"""

from __future__ import annotations

import re
from html import escape
from itertools import pairwise

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from journal.interchange.report.blocks import (
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
from journal.ui.colours import ReportColours, report_paper

MARGIN_MM = 16.0
LOGICAL_DPI = 96
FONT_TAG = re.compile(r"<font size=\"?([0-9.]+)\"?>")
CHUNK_ROWS = 40
"""Long tables (the log) are written as tables of about this many rows (see ``_chunks``)."""
STYLE_SIZES = {"body": 9.0, "lead": 11.0, "small": 8.5, "muted": 7.5, "alert": 9.0}


def set_paper(printer: QPrinter, paper: str) -> None:
    """A4 or Letter, portrait, with the report's margins."""
    size = QPageSize(QPageSize.PageSizeId.Letter if paper.lower() == "letter" else QPageSize.PageSizeId.A4)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter))


def qt_markup(text: str) -> str:
    """The blocks' inline markup for Qt: reportlab's ``<font size=8>`` is points, Qt's is a 1-7 scale."""
    return FONT_TAG.sub(r'<span style="font-size:\1pt">', text).replace("</font>", "</span>")


def _table_html(block: Table, c: ReportColours) -> str:
    def row(cells: tuple[str, ...], header: bool, bold: bool, group: bool) -> str:
        out = []
        for n, text in enumerate(cells):
            align = "right" if n < len(block.align) and block.align[n] == "r" else "left"
            width = f' width="{block.widths[n] * 100:.0f}%"' if n < len(block.widths) else ""
            shade = f' bgcolor="{c.shade}"' if block.shade_first_column and n == 0 and not header else ""
            style = "font-weight:bold;" if header or bold else ""
            colour = f"color:{c.heading};" if header else ""
            line = f"border-top:1px solid {c.rule};" if group else ""
            if n > 0 and align == "left" and n - 1 < len(block.align) and block.align[n - 1] == "r":
                line += "padding-left:8px;"  # keeps a left-aligned column clear of the right-aligned one before
            tag = "th" if header else "td"
            out.append(f'<{tag} align="{align}"{width}{shade} style="{style}{colour}{line}">{text}</{tag}>')
        return "<tr>" + "".join(out) + "</tr>"

    starts = block.group_starts
    chunks = _chunks(block)
    tables = []
    for n, (a, b) in enumerate(chunks):
        body = [row(block.header, True, False, False)] if n == 0 else []
        for i in range(a, b):
            group = starts is None or (i in starts and i > 0)
            body.append(row(block.rows[i], False, i in block.bold_rows, group))
        gap = 4 if n == len(chunks) - 1 else 0
        tables.append(
            f'<table width="100%" cellspacing="0" cellpadding="2" style="font-size:{block.font_size}pt; '
            f'border-collapse:collapse; margin-bottom:{gap}px">{"".join(body)}</table>'
        )
    return "".join(tables)


def _chunks(block: Table) -> list[tuple[int, int]]:
    """Row ranges [a, b) of about ``CHUNK_ROWS`` rows, cut only where a group (a day of the log) starts.

    Qt lays out a long table in time that grows faster than its length (a 10-year log as one
    table took 7 s); tables of a few dozen rows, one after the other, read the same.
    """
    starts = sorted(block.group_starts) if block.group_starts is not None else range(len(block.rows))
    cuts, last = [0], 0
    for i in starts:
        if i - last >= CHUNK_ROWS:
            cuts.append(i)
            last = i
    cuts.append(len(block.rows))
    return [(a, b) for a, b in pairwise(cuts) if b > a] or [(0, 0)]


def _flag_html(block: FlagBox, c: ReportColours) -> str:
    colour = c.severity.get(block.severity, c.severity["watch"])
    tint = c.tint.get(block.severity, c.tint["none"])
    lines = "".join(f'<p style="font-size:8.5pt; margin:1px 0">{qt_markup(line)}</p>' for line in block.lines)
    if block.severity == "emergency":  # unmistakably different: a dark red bar with the headline in white
        return (
            f'<table width="100%" cellspacing="0" cellpadding="4" border="1" style="margin-bottom:3px; '
            f'border-color:{colour}"><tr><td bgcolor="{colour}"><p style="font-size:11pt; font-weight:bold; '
            f'color:{c.emergency_text}; margin:0">{qt_markup(block.headline)}</p></td></tr>'
            f'<tr><td bgcolor="{tint}">{lines}</td></tr></table>'
        )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="4" style="margin-bottom:3px"><tr>'
        f'<td width="4" bgcolor="{colour}"></td>'
        f'<td bgcolor="{tint}"><p style="font-size:9.5pt; font-weight:bold; margin:0">{qt_markup(block.headline)}</p>'
        f"{lines}</td></tr></table>"
    )


def _chart_html(block: Chart, charts: dict[str, bytes], c: ReportColours, brk: str = "") -> str:
    name = f"chart{len(charts)}.png"
    charts[name] = block.png
    # sizes in Qt's logical pixels (96 per inch); the layout scales them to the printer's resolution
    width, height = block.width_in * LOGICAL_DPI, block.height_in * LOGICAL_DPI
    caption = f'<p style="font-size:7.5pt; color:{c.muted}">{block.caption}</p>' if block.caption else ""
    return f'<p{brk}><img src="{name}" width="{width:.0f}" height="{height:.0f}"/></p>{caption}'


def _block_html(block: Block, charts: dict[str, bytes], brk: str, c: ReportColours) -> str:
    """One block as Qt rich text (a PageBreak is handled by the caller)."""
    if isinstance(block, Heading):
        size = {1: 16, 2: 11}.get(block.level, 9.5)
        colour = c.heading if block.level == 2 else c.text
        return f'<p{brk}><span style="font-size:{size}pt; font-weight:bold; color:{colour}">{block.text}</span></p>'
    if isinstance(block, Para):
        colour = {"muted": c.muted, "alert": c.alert}.get(block.style, c.text)
        size = STYLE_SIZES.get(block.style, 9.0)
        return f'<p{brk} style="font-size:{size}pt; color:{colour}; margin:0 0 3px 0">{block.text}</p>'
    if isinstance(block, FlagBox):
        return _flag_html(block, c)
    if isinstance(block, Table):
        return _table_html(block, c)
    if isinstance(block, Chart):
        return _chart_html(block, charts, c, brk)
    if isinstance(block, Beside):
        left = "".join(_block_html(b, charts, "", c) for b in block.left)
        right = _chart_html(block.figure, charts, c)
        share = round(block.figure_width * 100)
        return (
            f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="{100 - share}%" valign="top" '
            f'style="padding-right:8px">{left}</td><td width="{share}%" valign="top" align="center">{right}</td>'
            "</tr></table>"
        )
    if isinstance(block, Spacer):
        return '<p style="font-size:4pt">&nbsp;</p>'
    return ""


def report_html(
    document: ReportDocument, screen: bool = False, colours: ReportColours | None = None
) -> tuple[str, dict[str, bytes]]:
    """The blocks as Qt rich text, and the chart PNGs it names (``chart<n>.png``).

    Plain strings only, no Qt objects. On paper a ``PageBreak`` starts a new page;
    on ``screen`` (the Report page's preview, one long column) it is a thin rule. Paper is
    always in the paper's colours (``report_paper()``, also when ``colours`` is None); the preview passes the scheme's (``colours.report_colours``).
    """
    c = colours or report_paper()
    parts: list[str] = []
    charts: dict[str, bytes] = {}
    pending_break = False
    for block in document.blocks:
        if isinstance(block, PageBreak):
            if screen:
                parts.append(f'<hr style="background-color:{c.rule}"/>')  # Qt draws a rule in its background colour
            else:
                pending_break = True
            continue
        brk = ' style="page-break-before:always"' if pending_break else ""
        pending_break = False
        parts.append(_block_html(block, charts, brk, c))
    if screen:  # what every printed page's footer says
        parts.append(
            f'<hr style="background-color:{c.rule}"/><p style="font-size:7.5pt; color:{c.muted}">'
            f"{escape(document.footer_left)}. {escape(document.footer_right)}</p>"
        )
    return "".join(parts), charts


def fill_text_document(
    text: QTextDocument, document: ReportDocument, screen: bool = False, colours: ReportColours | None = None
) -> QTextDocument:
    """Set ``text`` to the report: its font, the charts as image resources, then the rich text."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.0)
    text.setDefaultFont(font)
    html, charts = report_html(document, screen, colours)
    for name, png in charts.items():
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png))
    text.setHtml(html)
    return text


def build_text_document(document: ReportDocument, printer: QPrinter) -> QTextDocument:
    """The blocks as a QTextDocument laid out for ``printer``'s page body (charts added as image resources)."""
    text = QTextDocument()
    text.documentLayout().setPaintDevice(printer)
    text.setDocumentMargin(0)
    return fill_text_document(text, document)


def paint_report(document: ReportDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` on ``printer``; return the number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started")
    try:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        dpi = printer.resolution()
        band = 0.28 * dpi  # room for the running header and the footer
        body = QRectF(0, band, page.width(), page.height() - 2 * band)
        text = build_text_document(document, printer)
        text.setPageSize(QSizeF(body.width(), body.height()))
        total = text.pageCount()
        small = QFont("DejaVu Sans")
        small.setPointSizeF(7.5)
        for number in range(1, total + 1):
            if number > 1:
                printer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - (number - 1) * body.height())
            text.drawContents(painter, QRectF(0, (number - 1) * body.height(), body.width(), body.height()))
            painter.restore()
            _decorate(painter, document, QRectF(0, 0, page.width(), page.height()), band, number, total, small)
        return total
    finally:
        painter.end()


def _decorate(
    painter: QPainter, document: ReportDocument, page: QRectF, band: float, number: int, total: int, font: QFont
) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(report_paper().page_furniture))
    foot = QRectF(page.left(), page.bottom() - band * 0.7, page.width(), band * 0.7)
    painter.drawLine(foot.topLeft(), foot.topRight())
    middle = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | middle, document.footer_left)
    painter.drawText(foot, Qt.AlignmentFlag.AlignHCenter | middle, f"Page {number} of {total}")
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | middle, document.footer_right)
    if number > 1:
        head = QRectF(page.left(), page.top(), page.width(), band * 0.7)
        painter.drawText(head, Qt.AlignmentFlag.AlignLeft | middle, document.running_header)
        painter.drawText(head, Qt.AlignmentFlag.AlignRight | middle, "Running and pain summary")
        painter.drawLine(head.bottomLeft(), head.bottomRight())
    painter.restore()
