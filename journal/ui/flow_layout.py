"""A layout that lines its items up left to right and wraps onto the next line when the width runs out.

Qt has no flow layout class; this is the algorithm of Qt's own "Flow Layout" example
(doc.qt.io/qtforpython-6/examples/example_widgets_layouts_flowlayout.html), typed, with
one addition: the last item can keep to the right edge of its line (``last_to_the_right``),
as buttons at the end of a toolbar do. History's filter bar uses it so the window is no
wider than its widest group of controls: at a scale of 2 on a 1366 x 768 screen (683 x 384
logical pixels) the one-line bar made the window 1092 pixels wide, off the screen.

Its height depends on its width (``hasHeightForWidth``), so a box layout above it gives
it the lines it needs.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Items in reading order, wrapped by width; ``spacing`` between items and lines (6 px when -1)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = -1, last_to_the_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.last_to_the_right = last_to_the_right
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # None past the end, as Qt does
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        width = sum(item.sizeHint().width() for item in self._items) + self._gap() * max(0, len(self._items) - 1)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest single item: every item on a line of its own."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self) -> int:
        # 6 px, the spacing Qt's box layouts get from Fusion and most styles; not asked of the style, since the
        # first use of QStyle's enums costs about 4 ms of start-up (the History page is built at start-up).
        return self._spacing if self._spacing >= 0 else 6

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measuring when not ``move``); returns the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = max(0, self._gap())
        x, y, line_height = area.x(), area.y(), 0
        visible = [item for item in self._items if not item.isEmpty()]
        for index, item in enumerate(visible):
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:  # no room left on this line: wrap
                x, y, line_height = area.x(), y + line_height + gap, 0
            left = x
            if self.last_to_the_right and index == len(visible) - 1:
                left = max(x, area.right() + 1 - hint.width())
            if move:
                item.setGeometry(QRect(QPoint(left, y), hint))
            x = left + hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


def flow_group(*widgets: QWidget) -> QWidget:
    """Widgets that stay together on one line of a ``FlowLayout`` (a label with its field, a row of buttons)."""
    group = QWidget()
    group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group
