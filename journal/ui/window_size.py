"""How big windows open: within the screen's available area, title bar and all, and using a large screen well.

``first_geometry`` is the main window's size and place on its first start: a share of the
screen (``SCREEN_SHARE``), never below a comfortable size (``COMFORTABLE``) unless the screen
itself is smaller, always inside the available area (the screen less its panels and task
bar) with the window's frame. ``fitted`` shrinks and moves a remembered geometry the same
way, so a window saved on a big monitor and reopened on a laptop fits and is on screen.

Until the window manager has framed a window its frame is unknown (``frameGeometry`` equals
``geometry``); ``ASSUMED_FRAME`` stands in for it: a title bar and thin borders as most
desktops draw them. Once shown, the real frame is used (``frame_of``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QResizeEvent, QScreen
from PySide6.QtWidgets import QBoxLayout, QDialog, QFrame, QScrollArea, QVBoxLayout, QWidget

COMFORTABLE = QSize(1180, 760)
"""The size the window was designed at: used in full wherever the screen has room for it."""
SCREEN_SHARE = 0.85
"""On a large screen the window takes this share of the available width and height (1632 x 884 of 1920 x 1040)."""
ASSUMED_FRAME = QMargins(4, 38, 4, 4)
"""The frame of a window not yet shown: a 38 px title bar and 4 px borders (left, top, right, bottom)."""


def frame_of(window: QWidget) -> QMargins | None:
    """The window's frame (title bar and borders) once the window manager has drawn it, else None."""
    outer, inner = window.frameGeometry(), window.geometry()
    frame = QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )
    return frame if frame.top() > 0 else None


def room_for(available: QRect, frame: QMargins) -> QRect:
    """The area a window's contents (its ``geometry``) may take so that, with its frame, it is inside ``available``."""
    return available.marginsRemoved(frame)


def first_geometry(available: QRect, frame: QMargins = ASSUMED_FRAME) -> QRect:
    """The window's geometry (without its frame) on first start, centred in ``available``."""
    room = room_for(available, frame)
    width = min(room.width(), max(COMFORTABLE.width(), round(available.width() * SCREEN_SHARE)))
    height = min(room.height(), max(COMFORTABLE.height(), round(available.height() * SCREEN_SHARE)))
    geometry = QRect(0, 0, width, height)
    geometry.moveCenter(room.center())
    return geometry


def fitted(geometry: QRect, available: QRect, frame: QMargins = ASSUMED_FRAME) -> QRect:
    """``geometry`` (without its frame) made no larger than the room on ``available`` and moved wholly inside it."""
    room = room_for(available, frame)
    result = QRect(geometry.topLeft(), geometry.size().boundedTo(room.size()))
    if result.right() > room.right():
        result.moveRight(room.right())
    if result.bottom() > room.bottom():
        result.moveBottom(room.bottom())
    if result.left() < room.left():
        result.moveLeft(room.left())
    if result.top() < room.top():
        result.moveTop(room.top())
    return result


def screen_for(geometry: QRect) -> QScreen | None:
    """The screen under the middle of ``geometry``, else the one nearest it (None only without any screen).

    Found from the geometry, not with ``QWidget.screen()``: calling that on a dialog not yet
    shown was followed by a crash later in the test run (PySide6 6.11)."""
    screen = QGuiApplication.screenAt(geometry.center())
    if screen is not None:
        return screen
    screens = QGuiApplication.screens()
    if not screens:
        return None

    def distance(s: QScreen) -> int:
        area = s.availableGeometry()
        dx = max(area.left() - geometry.center().x(), 0, geometry.center().x() - area.right())
        dy = max(area.top() - geometry.center().y(), 0, geometry.center().y() - area.bottom())
        return dx * dx + dy * dy

    return min(screens, key=distance)


def fit_on_screen(window: QWidget) -> None:
    """Shrink and move ``window`` (not maximised or full screen) so that, frame and all, it is inside the available
    area of the screen it is on.

    Before the window is framed its size leaves room for ``ASSUMED_FRAME`` but its place is
    kept while its contents are on the screen (a remembered place is not nudged by a guess);
    once shown, the real frame counts for both.
    """
    if window.isMaximized() or window.isFullScreen():
        return
    screen = screen_for(window.geometry())
    if screen is None:
        return
    frame = frame_of(window)
    geometry, available = window.geometry(), screen.availableGeometry()
    if frame is None:
        size = geometry.size().boundedTo(room_for(available, ASSUMED_FRAME).size())
        wanted = fitted(QRect(geometry.topLeft(), size), available, QMargins())
    else:
        wanted = fitted(geometry, available, frame)
    if wanted != geometry:
        window.setGeometry(wanted)


def dialog_room(dialog: QWidget) -> QSize:
    """The most a dialog may take, frame excluded, on the screen of the window it opens over."""
    owner = dialog.parentWidget()
    screen = screen_for(owner.window().geometry()) if owner is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(10_000, 10_000)
    return room_for(screen.availableGeometry(), ASSUMED_FRAME).size()


def fit_dialog(dialog: QWidget, wanted: QSize) -> None:
    """Resize ``dialog`` to ``wanted``, or to the screen's room when that is smaller (its contents scroll then)."""
    dialog.resize(wanted.boundedTo(dialog_room(dialog)))


class FittingScrollArea(QScrollArea):
    """A frameless scroll area as large as its contents, up to ``room`` (what the screen leaves for it).

    Its minimum size is its contents' size hint (plus a scroll bar) bounded by ``room``, so a
    dialog holding it grows with its contents (an error message shown under a field) and
    scrolls only when the screen has no more room.
    """

    def __init__(self, body: QWidget, room: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room = room
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(body)
        body.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self.updateGeometry()  # the contents changed size: the dialog may grow
        return super().eventFilter(watched, event)

    def _wanted(self) -> QSize:
        body = self.widget()
        if body is None:
            return QSize(0, 0)
        content = body.sizeHint().expandedTo(body.minimumSizeHint())
        return QSize(content.width() + self.verticalScrollBar().sizeHint().width(), content.height())

    def minimumSizeHint(self) -> QSize:
        return self._wanted().boundedTo(self.room)

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()


def scroll_body(dialog: QDialog, fixed_tail: int = 1) -> FittingScrollArea:
    """Put the dialog's contents, all but the last ``fixed_tail`` items of its top layout (its buttons), in a
    ``FittingScrollArea``: the dialog is as large as before where the screen has room, and on a small one
    (1366 x 768 at a scale of 2 is 683 x 384) the form scrolls while Save stays in view."""
    layout = dialog.layout()
    if not isinstance(layout, QBoxLayout):
        raise TypeError("scroll_body needs a dialog laid out in a QBoxLayout")
    body = QWidget()
    body_layout = QVBoxLayout(body)
    body_layout.setContentsMargins(0, 0, 0, 0)
    for _ in range(layout.count() - fixed_tail):
        stretch = layout.stretch(0)
        item = layout.takeAt(0)
        if item is None:
            break
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            body_layout.addWidget(widget, stretch)
        elif inner is not None:
            body_layout.addLayout(inner, stretch)
        else:
            body_layout.addItem(item)
    margins = layout.contentsMargins()
    tail = [layout.itemAt(i) for i in range(layout.count())]
    tail_height = sum(item.sizeHint().height() + layout.spacing() for item in tail if item is not None)
    room = dialog_room(dialog) - QSize(margins.left() + margins.right(), margins.top() + margins.bottom() + tail_height)
    scroll = FittingScrollArea(body, room.expandedTo(QSize(100, 80)))
    scroll.setObjectName("dialogBody")
    layout.insertWidget(0, scroll, 1)
    return scroll


class PageScrollArea(QScrollArea):
    """A page that fills its tab and scrolls only when the tab is smaller than the page's minimum size.

    (``QScrollArea.setWidgetResizable`` would give a page with word-wrapped text its preferred
    height, and a scroll bar on a screen that has room for the page's minimum.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)

    def set_page(self, page: QWidget) -> None:
        self.setWidget(page)
        page.installEventFilter(self)
        if self.isVisible():
            self._fit()
        # else the resize that comes with showing fits it (measuring the page twice cost start-up a few ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched is self.widget():
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        minimum = page.minimumSizeHint().expandedTo(page.minimumSize())
        layout = page.layout()

        def least_height(width: int) -> int:
            """The page's smallest height at this width: word-wrapped text needs more lines when narrower."""
            if layout is not None and layout.hasHeightForWidth():
                return max(minimum.height(), layout.totalMinimumHeightForWidth(width))
            return minimum.height()

        view = self.maximumViewportSize()  # the viewport without scroll bars
        bar_width = self.verticalScrollBar().sizeHint().width()
        bar_height = self.horizontalScrollBar().sizeHint().height()
        width = max(view.width(), minimum.width())
        height = view.height() - (bar_height if width > view.width() else 0)
        if least_height(width) > height:  # a vertical scroll bar takes its width from the page
            width = max(view.width() - bar_width, minimum.width())
            if width > view.width() - bar_width:
                height = view.height() - bar_height
        size = QSize(width, max(height, least_height(width)))
        if page.size() != size:
            page.resize(size)
