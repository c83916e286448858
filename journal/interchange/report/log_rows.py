"""The report's dated log, drawn cheaply: ten years are some 31,000 cells on 140 pages.

reportlab's ``Table`` draws each text cell with its own text object (``drawString``) and
re-measures rows as it splits; for the log that was a third of a whole-history report.
``LogRows`` lays out the same rows - one line of text per cell where it fits, a wrapped
``Paragraph`` where it does not (notes, long descriptions) - and writes the one-line
cells between two such paragraphs with one PDF text object, so the page still reads in
the order of the rows. It looks like the table it replaces: header in
bold over a rule (repeated on every page the rows run onto), bold rows, a thin rule above
each day and below the last row, 3 pt padding at the sides and 1.5 pt above and below.
Imported by ``pdf`` only when a report is drawn (it imports reportlab).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

from reportlab.lib.colors import Color
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

Cell: TypeAlias = str | Paragraph
PAD_X, PAD_Y = 3.0, 1.5


class LogRows(Flowable):
    """Rows of cells in columns of ``widths``; ``header`` (Paragraphs) on top of every part it is split into."""

    def __init__(
        self,
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        fonts: Sequence[str],
        size: float,
        group_starts: frozenset[int],
        header: Sequence[Paragraph] | None,
        header_rule: Color,
        rule: Color,
    ) -> None:
        super().__init__()
        self.rows, self.widths, self.fonts, self.size = list(rows), list(widths), list(fonts), size
        self.leading = size * 1.25
        self.group_starts, self.header = group_starts, header
        self.header_rule, self.rule = header_rule, rule
        self._heights: list[float] | None = None
        self._header_height = 0.0

    # ---- layout ---------------------------------------------------------------------------
    def _cell_height(self, cell: Cell, width: float) -> float:
        if isinstance(cell, str):
            return self.leading
        return float(cell.wrap(width - 2 * PAD_X, 1e6)[1])

    def _measure(self) -> list[float]:
        if self._heights is None:
            widths = self.widths
            self._heights = [
                max(self._cell_height(cell, w) for cell, w in zip(row, widths, strict=True)) + 2 * PAD_Y
                for row in self.rows
            ]
            if self.header:
                self._header_height = (
                    max(self._cell_height(cell, w) for cell, w in zip(self.header, widths, strict=True)) + 2 * PAD_Y
                )
        return self._heights

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._header_height + sum(self._measure())
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[LogRows]:
        heights = self._measure()
        room = available_height - self._header_height
        fit, used = 0, 0.0
        while fit < len(heights) and used + heights[fit] <= room:
            used += heights[fit]
            fit += 1
        if fit == 0 or fit == len(heights):
            return []  # nothing fits here (the frame moves on), or all of it does
        return [self._part(0, fit), self._part(fit, len(self.rows))]

    def _part(self, a: int, b: int) -> LogRows:
        part = LogRows(
            self.rows[a:b],
            self.widths,
            fonts=self.fonts[a:b],
            size=self.size,
            group_starts=frozenset(i - a for i in self.group_starts if a <= i < b),
            header=self.header,
            header_rule=self.header_rule,
            rule=self.rule,
        )
        assert self._heights is not None
        part._heights, part._header_height = self._heights[a:b], self._header_height
        return part

    # ---- drawing --------------------------------------------------------------------------
    def draw(self) -> None:
        canvas = self.canv
        heights = self._measure()
        lefts = [sum(self.widths[:c]) for c in range(len(self.widths))]
        top = self.height
        if self.header:
            self._draw_paragraphs(self.header, lefts, top)
            top -= self._header_height
            canvas.setStrokeColor(self.header_rule)
            canvas.setLineWidth(0.8)
            canvas.line(0, top, self.width, top)
        text = canvas.beginText()
        current: tuple[str, float] | None = None
        canvas.setStrokeColor(self.rule)
        canvas.setLineWidth(0.4)
        for i, (row, height) in enumerate(zip(self.rows, heights, strict=True)):
            if i in self.group_starts and i > 0:
                canvas.line(0, top, self.width, top)
            baseline = top - PAD_Y - self.size
            for cell, left, width in zip(row, lefts, self.widths, strict=True):
                if isinstance(cell, str):
                    if cell:
                        if current != (self.fonts[i], self.size):
                            current = (self.fonts[i], self.size)
                            text.setFont(self.fonts[i], self.size, self.leading)
                        text.setTextOrigin(left + PAD_X, baseline)
                        text.textOut(cell)
                else:  # the text so far first, so the page reads (and copies) in the order of the rows
                    canvas.drawText(text)
                    text, current = canvas.beginText(), None
                    _w, h = cell.wrap(width - 2 * PAD_X, 1e6)
                    cell.drawOn(canvas, left + PAD_X, top - PAD_Y - h)
            top -= height
        canvas.drawText(text)
        canvas.line(0, top, self.width, top)

    def _draw_paragraphs(self, cells: Sequence[Paragraph], lefts: list[float], top: float) -> None:
        for cell, left, width in zip(cells, lefts, self.widths, strict=True):
            _w, h = cell.wrap(width - 2 * PAD_X, 1e6)
            cell.drawOn(self.canv, left + PAD_X, top - PAD_Y - h)
