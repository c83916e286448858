"""The goal race's verdict in one line under the flag banner, while the next race is within 8 weeks.

Hidden when there is no race, or the next one is further away. It names the race,
how far off it is and the verdict (in words as well as colour); the reason is in
its tooltip. Clicking it (or its button, or Enter/Space when it has focus) asks for
the Race page. Recomputed after every change of races, entries or settings, and
when the day changes while the window is open. Cheap when no race is near: one
small read of the races table.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from journal.domain.races import next_race, within_banner_reach
from journal.ui.operations import Change, JournalOperations
from journal.ui.race.style import race_title, verdict_colour
from journal.ui.scheme import follow

if TYPE_CHECKING:
    from journal.analysis.race_verdict import RacePlan

DAY_CHECK_MS = 60_000


class RaceLine(QWidget):
    """One line: 'Goal race: … · in 6 weeks · Ease back', coloured by the verdict.

    Signals:
        open_race_requested(): the person clicked the line or its button (or pressed Enter on it).
    """

    open_race_requested = Signal()

    def __init__(self, ops: JournalOperations, flag_rank: Callable[[date], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._flag_rank = flag_rank
        self.setObjectName("raceLine")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName("Goal race")
        self._ops = ops
        self.plan: RacePlan | None = None
        self._day = date.today()
        self.label = QLabel()
        self.label.setWordWrap(True)  # a long race line wraps instead of widening the window
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.button = QPushButton("Show race")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(self.open_race_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 6, 3)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self._pending = QTimer(self, singleShot=True, interval=0)
        self._pending.timeout.connect(self.refresh)
        self._day_timer = QTimer(self, interval=DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        ops.changed.connect(self._changed)
        self.setVisible(False)
        self._pending.start()  # after the window is up: start-up does not wait for it
        follow(self, lambda line, _colours: line.refresh() if line.plan is not None else None)  # the verdict's colour

    def _changed(self, change: Change) -> None:
        if change & (Change.RACES | Change.ENTRIES | Change.SETTINGS):
            self._pending.start()

    def _check_day(self) -> None:
        if date.today() != self._day:
            self._pending.start()

    def refresh(self) -> None:
        """Recompute the next race's verdict (only when it is within reach) and show or hide the line."""
        today = self._day = date.today()
        journal = self._ops.read
        race = next_race(journal.races(), today)
        if not within_banner_reach(race, today):
            self.plan = None
            self.setVisible(False)
            return
        from journal.analysis.goal_race import goal_race_plan  # only when a race is near: start-up stays light

        settings = journal.settings()
        self.plan = plan = goal_race_plan(journal.data(), today, self._flag_rank, settings.week_start, race)
        if plan is None:
            self.setVisible(False)
            return
        colour = verdict_colour(plan.verdict)
        self.label.setText(
            f"<b>Goal race:</b> {escape(race_title(plan.race, today))} &nbsp;·&nbsp; "
            f'<b style="color:{colour}">{escape(plan.verdict.label)}</b>'
        )
        self.setToolTip(plan.summary)
        self.setStyleSheet(f"#raceLine {{ border-left: 5px solid {colour}; background: palette(alternate-base); }}")
        self.setVisible(True)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_race_requested.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_race_requested.emit()
            return
        super().keyPressEvent(event)
