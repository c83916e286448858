"""Colour helpers shared by the drawn widgets (body map, calendar)."""

from __future__ import annotations

from PySide6.QtGui import QColor


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0-1) of the way to ``b``: colours that suit light and dark palettes alike."""
    r, g, bl = (
        x + (y - x) * t
        for x, y in zip((a.redF(), a.greenF(), a.blueF()), (b.redF(), b.greenF(), b.blueF()), strict=True)
    )
    return QColor.fromRgbF(r, g, bl)
