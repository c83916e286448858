"""The Qt binding keeps Python's reference counts straight (PySide6 6.12.0 on Python 3.11 did not).

PySide6 6.12.0 gave back ``None`` without a reference for every Qt method that returns
nothing; on Python 3.11, where ``None`` is still reference-counted, a window that paints
itself (the body map, the calendar) aborted with "deallocating None" within minutes.
pyproject.toml leaves that version out on Python 3.11; this test notices a binding that
does the same again.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel


def test_calling_qt_methods_that_return_nothing_leaves_none_alone(qapp) -> None:
    label = QLabel()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        painter.setPen(QColor("#000000"))
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -50, f"None lost {before - after} references in 1,000 calls"
