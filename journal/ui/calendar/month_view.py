"""The month grid: six weeks of days, each coloured by its worst pain, with its distance and marks.

Keyboard: the arrow keys move the selected day (into the next or previous month at the
edges), Page Up and Page Down go a month back or on, Home goes to today, Enter or Space
opens the day's entries. Mouse: click a day to select it; double-click to open it.
The grid's accessible name says the selected day and what it holds.

Signals:
    selected(date): the selected day changed (the page shows its entries).
    activated(date): Enter, Space or a double-click on a day.
    month_wanted(int, int): the selection moved into another month (year, month); the page loads it.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from journal.analysis.calendar import GRID_WEEKS, DaySummary
from journal.domain.pain_scale import PAIN_COLOURS, text_colour_on
from journal.domain.units import DistanceUnit, format_distance
from journal.ui.calendar.marks import draw_flag, draw_pill, draw_sign
from journal.ui.colours import dimmed, mix

HEADER_PX = 22
"""Height of the weekday names row."""


def day_words(summary: DaySummary, unit: DistanceUnit) -> str:
    """The day in words, for the tooltip and screen readers: 'Monday 2 March: worst pain 4 of 10, ...'."""
    parts = []
    if summary.worst_pain is not None:
        parts.append(f"worst pain {summary.worst_pain} of 10")
    elif summary.checkins == 0:
        parts.append("no check-in")
    if summary.runs:
        runs = "a run" if summary.runs == 1 else f"{summary.runs} runs"
        parts.append(f"{runs}, {format_distance(summary.distance_m, unit, 1)}")
    if summary.painkiller:
        parts.append("painkiller taken")
    if summary.warning_signs:
        parts.append("warning signs: " + "; ".join(s.label for s in summary.warning_signs))
    for episode in summary.flags:
        parts.append(f"flag raised: {episode.last.headline}")
    return f"{summary.day:%A} {summary.day.day} {summary.day:%B %Y}: " + ", ".join(parts)


class MonthView(QWidget):
    selected = Signal(object)
    activated = Signal(object)
    month_wanted = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(420, 300)
        self.year, self.month = date.today().year, date.today().month
        self.days: list[date] = []
        self.summaries: dict[date, DaySummary] = {}
        self.unit = DistanceUnit.KM
        self.current = date.today()
        self.today = date.today()

    def sizeHint(self) -> QSize:
        return QSize(840, 520)

    # ---- data ----------------------------------------------------------------------------
    def show_month(
        self, year: int, month: int, days: list[date], summaries: dict[date, DaySummary], unit: DistanceUnit
    ) -> None:
        """Show the grid of ``days`` for ``year``-``month`` (the selected day is kept inside the month)."""
        self.year, self.month, self.days, self.summaries, self.unit = year, month, days, summaries, unit
        self.today = date.today()
        if (self.current.year, self.current.month) != (year, month):
            self.current = date(year, month, min(self.current.day, _cal.monthrange(year, month)[1]))
        self._announce()
        self.update()

    def select(self, day: date) -> None:
        """Select ``day``; a day in another month asks the page for that month first."""
        self.current = day
        if (day.year, day.month) != (self.year, self.month):
            self.month_wanted.emit(day.year, day.month)
        self._announce()
        self.update()
        self.selected.emit(day)

    def step_month(self, months: int) -> None:
        """Select the same day ``months`` on (or back), or that month's last day when it is shorter."""
        self.select(_add_months(self.current, months))

    def _announce(self) -> None:
        summary = self.summaries.get(self.current)
        words = day_words(summary, self.unit) if summary else f"{self.current:%A %d %B %Y}"
        self.setAccessibleName(f"Calendar, {self.current:%B %Y}")
        self.setAccessibleDescription(words)
        self.setToolTip("")

    # ---- geometry ------------------------------------------------------------------------
    def cell_rect(self, index: int) -> QRectF:
        width = (self.width() - 1) / 7
        height = (self.height() - HEADER_PX - 1) / GRID_WEEKS
        return QRectF((index % 7) * width, HEADER_PX + (index // 7) * height, width, height)

    def day_at(self, pos: QPointF) -> date | None:
        for i, day in enumerate(self.days):
            if self.cell_rect(i).contains(pos):
                return day
        return None

    def cell_centre(self, day: date) -> QPointF:
        return self.cell_rect(self.days.index(day)).center()

    # ---- input ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in steps:
            self.select(self.current + timedelta(days=steps[key]))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.step_month(-1 if key == Qt.Key.Key_PageUp else 1)
        elif key == Qt.Key.Key_Home:
            self.select(date.today())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.current)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.select(day)
        else:
            super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position())
        if day is not None:
            self.activated.emit(day)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            day = self.day_at(QPointF(event.pos()))
            summary = self.summaries.get(day) if day else None
            self.setToolTip(day_words(summary, self.unit) if summary else "")
        return super().event(event)

    # ---- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        grid = mix(base, ink, 0.25)
        self._paint_weekdays(painter, ink)
        for i, day in enumerate(self.days):
            self._paint_day(painter, self.cell_rect(i), day, base, ink, grid)
        if self.current in self.days:
            rect = self.cell_rect(self.days.index(self.current)).adjusted(1.5, 1.5, -1.5, -1.5)
            width = 3.0 if self.hasFocus() else 2.0
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        painter.end()

    def _paint_weekdays(self, painter: QPainter, ink: QColor) -> None:
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(ink)
        for i, day in enumerate(self.days[:7]):
            rect = self.cell_rect(i)
            painter.drawText(QRectF(rect.left(), 0, rect.width(), HEADER_PX), Qt.AlignmentFlag.AlignCenter, f"{day:%a}")

    def _paint_day(self, painter: QPainter, rect: QRectF, day: date, base: QColor, ink: QColor, grid: QColor) -> None:
        summary = self.summaries.get(day, DaySummary(day))
        outside = day.month != self.month
        fill = QColor(PAIN_COLOURS[summary.worst_pain]) if summary.worst_pain is not None else QColor(base)
        if outside:
            fill = mix(base, fill, 0.35)
        painter.setPen(QPen(grid, 1.0))
        painter.setBrush(fill)
        painter.drawRect(rect)
        text = QColor(text_colour_on(fill.name())) if summary.worst_pain is not None else QColor(ink)
        if outside:
            text = dimmed(fill, text, 0.45)
        pad = 5.0
        font = QFont(self.font())
        font.setBold(day == self.today)
        painter.setFont(font)
        painter.setPen(text)
        top = QRectF(rect.left() + pad, rect.top() + 3, rect.width() - 2 * pad, self.fontMetrics().height() + 2)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(day.day))
        if day == self.today:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(text, 1.2))
            width = self.fontMetrics().horizontalAdvance(str(day.day))
            painter.drawEllipse(QRectF(top.left() - 4, top.top() - 1, width + 8, top.height() + 2))
        self._paint_marks(painter, rect, summary)
        bottom = QRectF(rect.left() + pad, rect.bottom() - top.height() - 3, rect.width() - 2 * pad, top.height())
        painter.setFont(self.font())
        painter.setPen(text)
        pain = f"{summary.worst_pain}/10" if summary.worst_pain is not None else ""
        distance = format_distance(summary.distance_m, self.unit, 1) if summary.runs else ""
        metrics = self.fontMetrics()
        pain_line = bottom
        if pain and distance and metrics.horizontalAdvance(f"{pain}  {distance}") > bottom.width():
            pain_line = bottom.translated(0, -top.height())  # a narrow cell: the pain on the line above, not over it
        if pain:
            painter.drawText(pain_line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, pain)
        if distance:
            shown = metrics.elidedText(distance, Qt.TextElideMode.ElideRight, int(bottom.width()))
            painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown)

    def _paint_marks(self, painter: QPainter, rect: QRectF, summary: DaySummary) -> None:
        radius = max(6.0, min(9.0, rect.height() / 9))
        x = rect.right() - radius - 5
        y = rect.top() + radius + 4
        if summary.painkiller:
            draw_pill(painter, QPointF(x, y), radius)
            x -= 2 * radius + 3
        if summary.warning_signs:
            draw_sign(painter, QPointF(x, y), radius)
            x -= 2 * radius + 3
        if summary.flag_severity is not None:
            draw_flag(painter, QPointF(x, y), radius, summary.flag_severity)


def _add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` on (or back), or the month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))
