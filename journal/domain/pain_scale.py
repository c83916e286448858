"""The colours of pain scores, shared by the body map, the calendar and the report's figure.

A sequential scale from pale yellow (0, no pain) to dark red (10): ColorBrewer's
YlOrRd (Brewer CA, Harrower M; colorbrewer2.org), whose nine classes are marked
colour-blind safe and print well in grey, because each step is darker than the
one before. The eleven colours here are those nine classes spread evenly over
0-10 (linear in sRGB). Averages (the report's figure) take the nearest of them.

Text on a coloured area is black or white, whichever contrasts more with it
(relative luminance and contrast ratio as WCAG 2.1 defines them).
"""

from __future__ import annotations

PAIN_COLOURS: tuple[str, ...] = (
    "#ffffcc",  # 0
    "#fff1a9",
    "#fee187",
    "#fec965",
    "#feab49",
    "#fd8d3c",  # 5
    "#fc5b2e",
    "#ed2f22",
    "#d41020",
    "#b10026",
    "#800026",  # 10
)
"""Index = pain score 0-10."""

NOT_SCORED = "#c9c9c9"
"""A region without a score (the report's figure: never scored in the period)."""


def pain_colour(score: float) -> str:
    """The colour of a score; a fractional score (an average) takes the nearest whole score's colour."""
    return PAIN_COLOURS[min(10, max(0, round(score)))]


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of ``#rrggbb``: 0.2126 R + 0.7152 G + 0.0722 B on linearised sRGB."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def text_colour_on(colour: str) -> str:
    """Black or white, whichever has the higher WCAG contrast ratio ((L1 + 0.05) / (L2 + 0.05)) on ``colour``."""
    lum = relative_luminance(colour)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"
