"""A quiet bar across the top of the window: a sentence, one button to act on it, and "Not now".

Used for the start-up offer of a missed morning check-in and, where the desktop has no
system tray, for a check-in reminder. It never blocks: the window stays usable and the bar
goes away when acted on or dismissed.

Signals:
    accepted(): the action button was pressed (the bar hides itself).
    dismissed(): "Not now" was pressed (the bar hides itself).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class InfoBar(QFrame):
    accepted = Signal()
    dismissed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: palette(alternate-base); border: 1px solid palette(highlight); "
            "border-radius: 4px; }"
        )
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.action_button = QPushButton()
        self.close_button = QPushButton("Not now")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.action_button.clicked.connect(self._accept)
        self.close_button.clicked.connect(self._dismiss)
        self.hide()

    def offer(self, text: str, action: str) -> None:
        """Show ``text`` with a button labelled ``action``."""
        self.text.setText(text)
        self.action_button.setText(action)
        self.setAccessibleName(text)
        self.show()

    def _accept(self) -> None:
        self.hide()
        self.accepted.emit()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
