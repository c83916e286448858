"""The small marks drawn on a calendar day, and the legend that explains them.

Each mark sits on a white disc with a dark rim, so it reads on any pain colour, pale or dark:
a flag in its severity's colour (a flag first raised that day), "!" for a warning sign, and a
capsule for a painkiller. The legend draws the same marks with the words beside them, and the
pain scale with its numbers.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from journal.analysis.flags import Severity
from journal.domain.pain_scale import PAIN_COLOURS, text_colour_on
from journal.ui.colours import (
    MARK_DISC,
    MARK_RIM,
    PILL_MARK,
    PILL_MARK_RIM,
    SIGN_MARK,
    SIGN_MARK_TEXT,
    WATCH_FLAG_MARK,
)
from journal.ui.flags.style import LOOKS

RIM = QColor(MARK_RIM)
SIGN_COLOUR = QColor(SIGN_MARK)
PILL_COLOUR = QColor(PILL_MARK)
PILL_RIM = QColor(PILL_MARK_RIM)


def _disc(painter: QPainter, centre: QPointF, radius: float) -> None:
    painter.setPen(QPen(RIM, 1.0))
    painter.setBrush(QColor(MARK_DISC))
    painter.drawEllipse(centre, radius, radius)


def draw_flag(painter: QPainter, centre: QPointF, radius: float, severity: Severity) -> None:
    """A flag on a pole, filled with the severity's colour."""
    _disc(painter, centre, radius)
    look = LOOKS[severity]
    r = radius * 0.62
    pole_x = centre.x() - r * 0.55
    painter.setPen(QPen(RIM, max(1.0, radius * 0.14)))
    painter.drawLine(QPointF(pole_x, centre.y() - r), QPointF(pole_x, centre.y() + r))
    cloth = QPainterPath(QPointF(pole_x, centre.y() - r))
    cloth.lineTo(QPointF(centre.x() + r, centre.y() - r * 0.45))
    cloth.lineTo(QPointF(pole_x, centre.y() + r * 0.1))
    cloth.closeSubpath()
    painter.setPen(QPen(QColor(look.border), 1.0))
    painter.setBrush(QColor(look.background if severity is not Severity.WATCH else WATCH_FLAG_MARK))
    painter.drawPath(cloth)


def draw_sign(painter: QPainter, centre: QPointF, radius: float) -> None:
    """An exclamation mark: a warning sign was ticked that day."""
    painter.setPen(QPen(SIGN_COLOUR, 1.0))
    painter.setBrush(SIGN_COLOUR)
    painter.drawEllipse(centre, radius, radius)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(8, round(radius * 1.6)))
    painter.setFont(font)
    painter.setPen(QColor(SIGN_MARK_TEXT))
    painter.drawText(
        QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), Qt.AlignmentFlag.AlignCenter, "!"
    )


def draw_pill(painter: QPainter, centre: QPointF, radius: float) -> None:
    """A capsule, tilted: a painkiller was logged that day."""
    _disc(painter, centre, radius)
    painter.save()
    painter.translate(centre)
    painter.rotate(-40)
    w, h = radius * 1.5, radius * 0.72
    body = QRectF(-w / 2, -h / 2, w, h)
    painter.setPen(QPen(PILL_RIM, 0.8))
    painter.setBrush(QColor(MARK_DISC))
    painter.drawRoundedRect(body, h / 2, h / 2)
    painter.setClipRect(QRectF(-w / 2, -h / 2, w / 2, h))
    painter.setBrush(PILL_COLOUR)
    painter.drawRoundedRect(body, h / 2, h / 2)
    painter.restore()


class Legend(QWidget):
    """'Worst pain 0 ... 10, no check-in; flag raised; warning sign; painkiller' in one line, or two where the
    page is narrow (the marks under the scale), so no word is cut off."""

    MARKS = ("flag raised", "warning sign", "painkiller")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(
            "Legend: each day is coloured by its worst pain, pale yellow for 0 to dark red for 10, and left "
            "plain without a check-in. Marks: a flag for a flag raised that day, an exclamation mark for a "
            "warning sign, a capsule for a painkiller."
        )
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _line(self) -> int:
        return self.fontMetrics().height() + 12

    def _box(self) -> float:
        return min(self._line() - 4, 20)

    def _widths(self) -> tuple[float, float]:
        """The scale's width (words, 11 boxes, the no-check-in box) and the marks' width."""
        metrics, box = self.fontMetrics(), self._box()
        scale = metrics.horizontalAdvance("Worst pain") + 8 + 11 * box + 10 + box + 4
        scale += metrics.horizontalAdvance("no check-in") + 8
        marks = sum(6 + box + 4 + metrics.horizontalAdvance(text) + 8 for text in self.MARKS)
        return scale, marks

    def _one_line(self, width: int) -> bool:
        return width >= sum(self._widths())

    def sizeHint(self) -> QSize:
        return QSize(round(sum(self._widths())), self._line())

    def minimumSizeHint(self) -> QSize:
        return QSize(round(max(self._widths())), self._line())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._line() if self._one_line(width) else 2 * self._line()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        h = self._line()
        x, y = 0.0, 0.0

        def words(text: str) -> None:
            nonlocal x
            painter.setPen(ink)
            painter.setFont(self.font())
            painter.drawText(QRectF(x, y, metrics.horizontalAdvance(text) + 2, h), Qt.AlignmentFlag.AlignVCenter, text)
            x += metrics.horizontalAdvance(text) + 8

        words("Worst pain")
        box = self._box()
        small = QFont(self.font())
        small.setPixelSize(max(9, round(box * 0.55)))
        for score, colour in enumerate(PAIN_COLOURS):
            rect = QRectF(x, y + (h - box) / 2, box, box)
            painter.setPen(QPen(RIM, 0.6))
            painter.setBrush(QColor(colour))
            painter.drawRect(rect)
            painter.setFont(small)
            painter.setPen(QColor(text_colour_on(colour)))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(score))
            x += box
        x += 10
        painter.setPen(QPen(RIM, 0.6))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRect(QRectF(x, y + (h - box) / 2, box, box))
        x += box + 4
        words("no check-in")
        if not self._one_line(self.width()):
            x, y = 0.0, float(h)  # the marks on a line of their own
        r = box / 2
        for draw, text in (
            (lambda c: draw_flag(painter, c, r, Severity.SEE_DOCTOR), self.MARKS[0]),
            (lambda c: draw_sign(painter, c, r), self.MARKS[1]),
            (lambda c: draw_pill(painter, c, r), self.MARKS[2]),
        ):
            x += 6
            draw(QPointF(x + r, y + h / 2))
            x += 2 * r + 4
            words(text)
        painter.end()
