"""The banner at the top of the window while any flag is raised.

Dark red and larger for ``emergency``, with what to do first ("Call an emergency
number now ... or go to A&E"); red for ``urgent``, amber for ``see_doctor``, quiet
grey-blue for ``watch``; hidden when no flag is raised. It names the most urgent flag
and how many more there are; clicking it (or Enter/Space when it has focus) asks for
the Flags page. Re-evaluated whenever the journal changes (``FlagState.updated``).
"""

from __future__ import annotations

from collections import Counter
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from journal.analysis.flags import Flag, Severity
from journal.ui.flags.state import FlagState
from journal.ui.flags.style import look
from journal.ui.operations import JournalOperations
from journal.ui.scheme import follow


def banner_text(flags: list[Flag], acknowledged: set[str]) -> str:
    """'<b>Lower back: pain for 21 days without improving: see a doctor</b> · and 3 more (…)' (rich text).

    The headline already says what to do ("get medical help today", "see a doctor"), so the
    words carry the severity as well as the colour does.
    """
    top = flags[0]
    if top.severity is Severity.EMERGENCY:
        text = (
            "<span style='font-size:13pt'><b>⚠ Call an emergency number now (999 · 112 · 911) or go to A&amp;E."
            f"</b></span><br>{escape(top.headline, quote=False)}"
        )
    else:
        text = f"<b>{escape(top.headline, quote=False)}</b>"
    if top.key in acknowledged:
        text += " (acknowledged)"
    rest = Counter(f.severity for f in flags[1:])
    if rest:
        parts = [f"{n} {s.label.lower()}" for s, n in sorted(rest.items(), key=lambda i: -i[0].rank)]
        text += f" &nbsp;·&nbsp; and {len(flags) - 1} more ({', '.join(parts)})"
    return text


class FlagBanner(QWidget):
    """The coloured line over the tabs naming the most urgent flag; built as ``FlagBanner(ops, state, parent)``.

    Signals:
        open_flags_requested(): the person clicked the banner or its button (or pressed Enter on it).
    """

    open_flags_requested = Signal()

    def __init__(self, ops: JournalOperations, state: FlagState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flagBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName("Flags")
        self.severity: Severity | None = None
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.button = QPushButton("Show flags")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.open_flags_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._state = state
        self._state.updated.connect(self.refresh)
        self.refresh()
        follow(self, lambda banner, _colours: banner._apply_look(banner.severity) if banner.severity else None)

    def refresh(self) -> None:
        result = self._state.result()
        flags = result.flags
        if not flags:
            self.severity = None
            self.label.clear()
            self.setVisible(False)
            return
        self.severity = flags[0].severity
        self.label.setText(banner_text(flags, set(result.acknowledged)))
        self.setToolTip("Open the Flags page: the evidence behind each flag and what to do")
        self.setAccessibleName(f"Flags: {flags[0].severity.label}")
        self.setAccessibleDescription(flags[0].headline)
        self._apply_look(self.severity)
        self.setVisible(True)

    def _apply_look(self, severity: Severity) -> None:
        colours = look(severity)
        border = 3 if severity is Severity.EMERGENCY else 1
        self.setStyleSheet(
            f"#flagBanner {{ background: {colours.background}; border: {border}px solid {colours.border}; "
            "border-radius: 4px; }"
            f"#flagBanner QLabel {{ color: {colours.text}; background: transparent; }}"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.open_flags_requested.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_flags_requested.emit()
            return
        super().keyPressEvent(event)
