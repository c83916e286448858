"""The report as a short list of layout blocks, shared by the PDF and the printed pages.

The wording lives in ``wording.py`` and produces these blocks once; ``pdf.py``
(reportlab) and the window's print path (Qt) each draw them, so what is printed
and what is saved say the same thing. Texts may hold the inline tags ``<b>``,
``<i>`` and ``<br/>``, which both reportlab paragraphs and Qt rich text read;
anything the runner typed is escaped with ``esc`` first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Literal

Style = Literal["body", "small", "muted", "alert", "lead"]


def esc(text: str) -> str:
    """Escape text typed by the runner (name, notes, shoe names) for the inline markup."""
    return escape(text, quote=False)


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2
    """1: the title; 2: a section; 3: a sub-section."""


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    style: Style = "body"


SEVERITY_COLOURS = {
    "emergency": "#8b0000",
    "urgent": "#c0392b",
    "see_doctor": "#d68910",
    "watch": "#7f8c8d",
    "none": "#2e8b57",
}
"""The bar beside a flag box, by severity (the PDF and the printed pages). An emergency box is drawn
unmistakably differently: its headline row is this colour with white text, and the box has a border."""
SEVERITY_TINTS = {
    "emergency": "#fbe3e3",
    "urgent": "#fdecea",
    "see_doctor": "#fef5e7",
    "watch": "#f4f6f6",
    "none": "#eef7f1",
}


@dataclass(frozen=True, slots=True)
class FlagBox:
    """One flag: a coloured bar by severity, a bold headline and lines of detail."""

    severity: str
    """``emergency``, ``urgent``, ``see_doctor``, ``watch`` or ``none`` (the all-clear line)."""
    headline: str
    lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    """Column widths as fractions of the text width (they add up to 1)."""
    align: str = ""
    """One letter per column, ``l`` or ``r``; left when missing."""
    bold_rows: frozenset[int] = field(default_factory=frozenset)
    """Row indexes (in ``rows``) to set in bold, e.g. check-ins with warning signs."""
    shade_first_column: bool = False
    font_size: float = 8.5
    group_starts: frozenset[int] | None = None
    """Row indexes that start a group (a day in the log): rules only above these rows; None: under every row."""


@dataclass(frozen=True, slots=True)
class Chart:
    png: bytes
    width_in: float
    height_in: float
    caption: str = ""


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class Spacer:
    points: float = 6.0


@dataclass(frozen=True, slots=True)
class Beside:
    """Blocks in a column with a figure to their right (page 1: the pain table beside the body figure)."""

    left: tuple[Heading | Para | FlagBox | Table | Spacer, ...]
    figure: Chart
    figure_width: float = 0.23
    """The figure's column, as a fraction of the text width."""


Block = Heading | Para | FlagBox | Table | Chart | PageBreak | Spacer | Beside


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """Everything to draw: the blocks, and the lines of the running header and footer."""

    blocks: tuple[Block, ...]
    title: str
    running_header: str
    """Printed at the top of pages 2 and on, so a loose page still says whose and when."""
    footer_left: str
    """'Generated on ...'; the page number is added by the renderer."""
    footer_right: str
    paper_size: str
    """``A4`` or ``Letter``."""
