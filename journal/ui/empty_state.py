"""What a page shows for an empty or sparse journal, in one style (the Trends page's).

Each page says what will appear there and what to log first: a heading ("Your shoes will
appear here"), a paragraph on what the page shows once there is something to show, and
"To start:" with the entries to log. Pages show it instead of a table or a chart that would
have nothing in it: a chart is never drawn without data.
"""

from __future__ import annotations

import math
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from journal.ui.trends.wrap_label import WrapLabel

LOG_FIRST = (
    "log each run after you finish it (<b>Log run</b>, Ctrl+N), and check in how your back and hamstrings feel "
    "(<b>Check-in</b>, Ctrl+K), pain-free days included. Or bring in your runs from a watch or Strava with "
    "<b>File &gt; Import runs</b>."
)
"""What to log first, the same words on every page."""


def empty_state_html(title: str, *paragraphs: str, to_start: str = LOG_FIRST) -> str:
    """The message: ``title`` (plain text) as a heading, then ``paragraphs`` and "To start: ``to_start``"
    (both rich text, as written here; nothing typed by the person goes in them unescaped)."""
    parts = [f"<h3>{escape(title)}</h3>", *(f"<p>{p}</p>" for p in paragraphs)]
    if to_start:
        parts.append(f"<p><b>To start:</b> {to_start}</p>")
    return "".join(parts)


class EmptyStateLabel(WrapLabel):
    """A word-wrapped rich-text label that is as tall as its text at its width.

    QLabel measures word-wrapped rich text as if it were at most about 80 characters wide,
    so on a wide page its height leaves a band of empty space under the text; this one lays
    the text out at the label's own width.
    """

    _measured: tuple[int, str, str, int] | None = None
    """The last (width, text, font, height): layouts ask again and again at the same width, and a text layout
    costs a millisecond or two (the History page asks at start-up, while its empty state is hidden)."""

    def heightForWidth(self, width: int) -> int:
        font = self.font().toString()
        if self._measured is not None and self._measured[:3] == (width, self.text(), font):
            return self._measured[3]
        height = self._height_for(width)
        self._measured = (width, self.text(), font, height)
        return height

    def _height_for(self, width: int) -> int:
        margins = self.contentsMargins()
        document = QTextDocument()
        document.setDefaultFont(self.font())
        document.setDocumentMargin(0)
        document.setHtml(self.text())
        document.setTextWidth(max(1, width - margins.left() - margins.right()))
        return math.ceil(document.size().height()) + margins.top() + margins.bottom()


def empty_state_label(html: str = "", parent: QWidget | None = None) -> WrapLabel:
    """A word-wrapped rich-text label, top left with a margin, as the Trends page's empty state."""
    label = EmptyStateLabel(html, parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setContentsMargins(12, 12, 12, 12)
    return label


def empty_state_page(label: WrapLabel, *buttons: QPushButton) -> QWidget:
    """``label`` with ``buttons`` in a row under it, lined up with its text, the rest of the page left empty."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    if buttons:
        row = QHBoxLayout()
        row.setContentsMargins(label.contentsMargins().left(), 0, 0, 0)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
    layout.addStretch(1)
    return page
