"""The body map in the check-in: a back view whose regions are clicked or typed to set their pain score.

Drawn with QPainterPaths from the segments of ``resources/body-back.svg``
(``journal.domain.body_map``), the same figure as the report's. Each region is
filled with its score's colour (``journal.domain.pain_scale``: sequential and
colour-blind safe) and the number is written on it, so the colour is never the
only cue.

Mouse: click a region and pick 0-10 from the row that opens beside it (two clicks
for any score). Keyboard: each region is a focus stop (Tab moves between them,
as do the arrow keys, spatially); 0-9 set the score, 1 then 0 sets 10, + and -
step it, Space or Enter opens the row. Each region has an accessible name that
says its score ("Lower back pain score, 4 of 10").

Signals:
    score_chosen(Region, int): the person set a region's score on the map.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPalette, QPen, QTransform
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from journal.domain.body_map import BodyMap, PathOp, Shape, ShapeKind, body_map
from journal.domain.pain_scale import PAIN_COLOURS, text_colour_on
from journal.domain.vocabulary import Region
from journal.ui.colours import current as scheme_colours
from journal.ui.colours import mix

TEN_AFTER_ONE_S = 1.5
"""Typing 0 this soon after 1 on the same region makes 10."""
MARGIN = 6
KEY_WIDTH = 46
"""Room on the right for the key of the colour scale, 10 at the top and 0 at the bottom."""


def painter_path(shape: Shape) -> QPainterPath:
    """The shape's segments as a QPainterPath in the SVG's coordinates."""
    path = QPainterPath()
    for segment in shape.segments:
        points = [QPointF(x, y) for x, y in segment.points]
        if segment.op is PathOp.MOVE:
            path.moveTo(points[0])
        elif segment.op is PathOp.LINE:
            path.lineTo(points[0])
        elif segment.op is PathOp.CUBIC:
            path.cubicTo(points[0], points[1], points[2])
        else:
            path.closeSubpath()
    return path


def accessible_name(region: Region, score: int | None) -> str:
    shown = "not a valid number" if score is None else f"{score} of 10"
    return f"{region.label} pain score, {shown}"


class ScoreChooser(QFrame):
    """A row of the scores 0-10 in their colours, opened beside a region; picking one closes it."""

    chosen = Signal(int)

    def __init__(self, region: Region, current: int | None, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.setSpacing(3)
        layout.addWidget(QLabel(f"<b>{region.label}</b>: pain now, 0 (none) to 10 (worst imaginable)"))
        row = QHBoxLayout()
        row.setSpacing(2)
        self.buttons: list[QToolButton] = []
        rim = scheme_colours().muted  # the edge of each swatch, visible on a light or a dark window
        for score, colour in enumerate(PAIN_COLOURS):
            button = QToolButton()
            button.setText(str(score))
            button.setAccessibleName(f"{region.label}: {score} of 10")
            button.setFixedSize(QSize(28, 28))
            border = "3px solid palette(highlight)" if score == current else f"1px solid {rim}"
            button.setStyleSheet(
                f"QToolButton {{ background: {colour}; color: {text_colour_on(colour)}; border: {border}; "
                "border-radius: 3px; font-weight: bold; }"
                "QToolButton:focus, QToolButton:hover { border: 3px solid palette(highlight); }"
            )
            button.clicked.connect(lambda _checked=False, s=score: self._pick(s))
            row.addWidget(button)
            self.buttons.append(button)
        layout.addLayout(row)
        if current is not None and 0 <= current <= 10:
            self.buttons[current].setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit() and len(text) == 1:
            self._pick(int(text))
            return
        super().keyPressEvent(event)

    def _pick(self, score: int) -> None:
        self.chosen.emit(score)
        self.close()


class RegionSpot(QWidget):
    """One region's focus stop over the map: keys set its score; it carries the accessible name.

    It lets mouse events through to the map, which hit-tests the drawn shapes.
    """

    def __init__(self, region: Region, owner: BodyMapWidget) -> None:
        super().__init__(owner)
        self.region, self._owner = region, owner
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleDescription(
            "Type 0 to 10, or + and -. Arrow keys move to another region; Space lists scores."
        )
        self._one_typed_at: float | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = Qt.Key(event.key()), event.text()
        current = self._owner.score(self.region)
        if len(text) == 1 and text.isdigit():
            score = int(text)
            recent_one = self._one_typed_at is not None and time.monotonic() - self._one_typed_at <= TEN_AFTER_ONE_S
            if score == 0 and current == 1 and recent_one:
                score = 10
            self._one_typed_at = time.monotonic() if score == 1 else None
            self._owner.choose(self.region, score)
        elif text in ("+", "=") or text == "-":
            step = -1 if text == "-" else 1
            self._owner.choose(self.region, min(10, max(0, (current or 0) + step)))
        elif key in _DIRECTIONS:
            self._owner.move_focus(self.region, _DIRECTIONS[key])
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._owner.open_chooser(self.region)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self._owner.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self._owner.update()


_DIRECTIONS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class BodyMapWidget(QWidget):
    """The back view with the five regions; ``set_score`` keeps it in step with the score fields."""

    score_chosen = Signal(object, int)

    def __init__(self, parent: QWidget | None = None, figure: BodyMap | None = None) -> None:
        super().__init__(parent)
        self.figure = figure or body_map()
        self._paths = [(shape, painter_path(shape)) for shape in self.figure.shapes]
        self._region_paths = {s.region: p for s, p in self._paths if s.region is not None}
        self._scores: dict[Region, int | None] = dict.fromkeys(Region, 0)
        self._hover: Region | None = None
        self.chooser: ScoreChooser | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(120, 220)
        self.setAccessibleName("Body map, seen from behind")
        # top to bottom, then the person's left before their right: the order Tab visits them
        order = sorted(self.figure.regions.values(), key=lambda s: (s.label_point[1], s.label_point[0]))
        self.spots: dict[Region, RegionSpot] = {r: RegionSpot(r, self) for r in (s.region for s in order) if r}
        for region, spot in self.spots.items():
            spot.setAccessibleName(accessible_name(region, 0))

    # ---- scores --------------------------------------------------------------------------
    def score(self, region: Region) -> int | None:
        return self._scores[region]

    def set_score(self, region: Region, score: int | None) -> None:
        """Show ``score`` (None or out of 0-10: not a valid number) without announcing a choice."""
        valid = score if score is not None and 0 <= score <= 10 else None
        if self._scores[region] != valid:
            self._scores[region] = valid
            self.spots[region].setAccessibleName(accessible_name(region, valid))
            self.update()

    def choose(self, region: Region, score: int) -> None:
        """The person set ``score`` on the map: show it and tell the form."""
        self.set_score(region, score)
        self.score_chosen.emit(region, score)

    # ---- geometry --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(140, 250)

    def hasHeightForWidth(self) -> bool:
        return False

    def transform(self) -> QTransform:
        """SVG coordinates to widget pixels: the figure fitted inside the margins, centred with its key."""
        room = QRectF(self.rect()).adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN - 14)
        scale = min((room.width() - KEY_WIDTH) / self.figure.width, room.height() / self.figure.height)
        used = self.figure.width * scale + KEY_WIDTH
        dx = room.left() + (room.width() - used) / 2
        dy = room.top() + (room.height() - self.figure.height * scale) / 2
        return QTransform(scale, 0, 0, scale, dx, dy)

    def region_at(self, pos: QPointF) -> Region | None:
        inverse, _ok = self.transform().inverted()
        point = inverse.map(pos)
        for region, path in self._region_paths.items():
            if path.contains(point):
                return region
        return None

    def region_centre(self, region: Region) -> QPointF:
        x, y = self.figure.regions[region].label_point
        return self.transform().map(QPointF(x, y))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        t = self.transform()
        for region, spot in self.spots.items():
            spot.setGeometry(t.mapRect(self._region_paths[region].boundingRect()).toAlignedRect())

    # ---- focus and keys --------------------------------------------------------------------
    def move_focus(self, region: Region, direction: tuple[int, int]) -> None:
        """Focus the nearest region in ``direction`` from ``region`` (by the centres of their labels)."""
        here = self.figure.regions[region].label_point
        best, best_cost = None, None
        for other, shape in self.figure.regions.items():
            if other is region:
                continue
            dx, dy = shape.label_point[0] - here[0], shape.label_point[1] - here[1]
            along = dx * direction[0] + dy * direction[1]
            if along <= 0:
                continue
            across = abs(dx * direction[1]) + abs(dy * direction[0])
            cost = along + 2 * across
            if best_cost is None or cost < best_cost:
                best, best_cost = other, cost
        if best is not None:
            self.spots[best].setFocus(Qt.FocusReason.OtherFocusReason)

    def open_chooser(self, region: Region, at: QPointF | None = None) -> ScoreChooser:
        if self.chooser is not None:
            self.chooser.close()
        chooser = ScoreChooser(region, self._scores[region], self)
        chooser.chosen.connect(lambda score: self.choose(region, score))
        chooser.destroyed.connect(lambda _obj=None: self._chooser_closed(chooser))
        spot = at if at is not None else self.region_centre(region)
        chooser.adjustSize()
        chooser.move(self.mapToGlobal(spot.toPoint()) + _offset(chooser))
        chooser.show()
        self.chooser = chooser
        return chooser

    def _chooser_closed(self, chooser: ScoreChooser) -> None:
        if self.chooser is chooser:
            self.chooser = None

    # ---- mouse -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position())
        if region is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.spots[region].setFocus(Qt.FocusReason.MouseFocusReason)
        self.open_chooser(region, event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        region = self.region_at(event.position())
        if region is not self._hover:
            self._hover = region
            self.setCursor(Qt.CursorShape.PointingHandCursor if region else Qt.CursorShape.ArrowCursor)
            score = self._scores[region] if region else None
            self.setToolTip(f"{region.label}: {'?' if score is None else score}/10. Click to change." if region else "")
            self.update()

    def leaveEvent(self, event) -> None:
        self._hover = None
        self.update()
        super().leaveEvent(event)

    # ---- painting --------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        palette = self.palette()
        base, ink = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.WindowText)
        body_fill, outline, detail = mix(base, ink, 0.10), mix(base, ink, 0.55), mix(base, ink, 0.28)
        focused = next((r for r, spot in self.spots.items() if spot.hasFocus()), None)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.transform()
        scale = t.m11()
        for shape, path in self._paths:
            mapped = t.map(path)
            if shape.kind is ShapeKind.SILHOUETTE:
                painter.setPen(QPen(outline, max(1.2, 2 * scale)))
                painter.setBrush(body_fill)
            elif shape.kind is ShapeKind.DETAIL:
                painter.setPen(QPen(detail, max(1.0, 1.3 * scale)))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            else:
                score = self._scores[shape.region] if shape.region is not None else None
                painter.setPen(QPen(outline, max(1.0, 1.2 * scale)))
                painter.setBrush(QColor(PAIN_COLOURS[score]) if score is not None else QColor(base))
            painter.drawPath(mapped)
        self._paint_highlights(painter, t, focused, palette)
        self._paint_numbers(painter, t)
        self._paint_sides(painter, ink)
        self._paint_key(painter, ink, outline)
        painter.end()

    def _paint_highlights(self, painter: QPainter, t: QTransform, focused: Region | None, palette: QPalette) -> None:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._hover is not None and self._hover is not focused:
            painter.setPen(QPen(highlight, 1.6, Qt.PenStyle.DashLine))
            painter.drawPath(t.map(self._region_paths[self._hover]))
        if focused is not None:
            painter.setPen(QPen(highlight, 3.0))
            painter.drawPath(t.map(self._region_paths[focused]))

    def _paint_numbers(self, painter: QPainter, t: QTransform) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(11, round(17 * t.m11())))
        painter.setFont(font)
        for region in Region:
            score = self._scores[region]
            colour = PAIN_COLOURS[score] if score is not None else None
            painter.setPen(QColor(text_colour_on(colour)) if colour else self.palette().color(QPalette.ColorRole.Text))
            centre = self.region_centre(region)
            box = QRectF(centre.x() - 20, centre.y() - 12, 40, 24)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "?" if score is None else str(score))

    def _paint_sides(self, painter: QPainter, ink: QColor) -> None:
        """'Left' and 'Right' under the legs: seen from behind, the person's left is on the viewer's left."""
        font = QFont(self.font())
        font.setPixelSize(11)
        painter.setFont(font)
        painter.setPen(ink)
        t = self.transform()
        bottom = t.map(QPointF(0, self.figure.height)).y()
        left = t.map(QPointF(self.figure.width * 0.3, 0)).x()
        right = t.map(QPointF(self.figure.width * 0.7, 0)).x()
        painter.drawText(QRectF(left - 40, bottom, 80, 14), Qt.AlignmentFlag.AlignCenter, "Left")
        painter.drawText(QRectF(right - 40, bottom, 80, 14), Qt.AlignmentFlag.AlignCenter, "Right")

    def _paint_key(self, painter: QPainter, ink: QColor, outline: QColor) -> None:
        """The scale beside the figure: eleven swatches, 10 at the top, each with its number."""
        top_y, bottom_y = self.transform().map(QPointF(0, 40)).y(), self.transform().map(QPointF(0, 470)).y()
        size = max(10.0, min(16.0, (bottom_y - top_y) / 11))
        x = self.transform().map(QPointF(self.figure.width, 0)).x() + KEY_WIDTH - size * 1.5 - 4
        top = (top_y + bottom_y) / 2 - size * 5.5
        font = QFont(self.font())
        font.setPixelSize(max(8, round(size * 0.62)))
        painter.setFont(font)
        for score in range(10, -1, -1):
            box = QRectF(x, top + (10 - score) * size, size * 1.5, size)
            painter.setPen(QPen(outline, 0.6))
            painter.setBrush(QColor(PAIN_COLOURS[score]))
            painter.drawRect(box)
            painter.setPen(QColor(text_colour_on(PAIN_COLOURS[score])))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(score))


def _offset(chooser: QWidget) -> QPoint:
    """Open the row just below and centred on the point clicked."""
    return QPoint(-chooser.width() // 2, 14)
