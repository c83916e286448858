"""A word-wrapped QLabel that keeps the height its text needs.

Qt layouts size a word-wrapped label from its one-line minimum, so in a crowded page
the text is cut to one line (a long-standing Qt limitation of height-for-width in
nested layouts). This label sets its minimum height from ``heightForWidth`` each time
its width changes, so every line stays visible.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class WrapLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def _fit(self) -> None:
        needed = self.heightForWidth(max(1, self.width()))
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()
