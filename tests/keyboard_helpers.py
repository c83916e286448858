"""Driving the app by keyboard alone in tests: keys go to whatever has the keyboard focus, as a person's would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QMessageBox, QWidget


def activate(qtbot, window: QWidget) -> None:
    """Show ``window`` and wait until it has the keyboard, as a window a person clicked on."""
    window.show()
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to the widget with the keyboard focus."""
    QTest.keyClick(focused(), key, modifiers)


def type_text(text: str) -> None:
    """Type ``text`` into the widget with the keyboard focus."""
    QTest.keyClicks(focused(), text)


def stop_of(widget: QWidget) -> QWidget:
    """The control a focus stop belongs to (a combo box's or spin box's own line edit counts as the box)."""
    parent = widget.parentWidget()
    if isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return parent
    return widget


def tab_walk(start: QWidget, stops: int) -> list[QWidget]:
    """Press Tab from ``start`` and list the controls focus visits (a date box's sections count once)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [stop_of(focused())]
    presses = 0
    while len(seen) < stops and presses < stops * 8:
        press(Qt.Key.Key_Tab)
        presses += 1
        current = stop_of(focused())
        if current is not seen[-1]:
            seen.append(current)
    return seen


def answer_next_box(owner: QWidget, button_text: str, seen: list[str] | None = None, wait_ms: int = 3000) -> None:
    """Click ``button_text`` in the next message box that opens within ``wait_ms`` (its title noted in ``seen``).

    The watch belongs to ``owner`` and ends with it, so it never answers a later test's box.
    """
    timer = QTimer(owner)
    timer.setInterval(10)
    left = [wait_ms // 10]

    def poll() -> None:
        left[0] -= 1
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left[0] <= 0:
                timer.stop()
            return
        timer.stop()
        if seen is not None:
            seen.append(box.windowTitle())
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no {button_text!r} in {[b.text() for b in box.buttons()]}")

    timer.timeout.connect(poll)
    timer.start()


def when_active(cls: type, action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the next modal dialog of ``cls`` once it has the keyboard (for code that calls exec())."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, cls) and dialog.isActiveWindow() and QApplication.focusWidget() is not None:
            action(dialog)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
