"""One evaluation of the flags per journal, shared by the banner, the Flags page, the Race page and the Calendar.

The main window makes one ``FlagState`` and hands it to each of them (no hidden
singleton). It re-evaluates lazily: every ``ops.changed`` (an entry
saved, edited, deleted or undone; settings; acknowledgements) marks the result
stale and emits ``updated``; the next ``result()`` judges the flags as of today
through ``journal.interchange.flag_inputs.check_flags``, the same call as the report
and the ``flags`` command, keeping what it can between evaluations (``FlagMemo``: the
kept days before the recent span, while no write has changed them). A timer notices
when the day changes while the window is open, since flags are judged as of a day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from journal.storage.reader import JournalReader
from journal.ui.operations import JournalOperations

if TYPE_CHECKING:
    from journal.interchange.flag_inputs import FlagCheck, FlagMemo

DAY_CHECK_MS = 60_000


class FlagState(QObject):
    """The flags of one journal as of today, evaluated lazily and shared (see the module docstring).

    Signals:
        updated(): the flags may have changed; call ``result()`` for the new ones.
    """

    updated = Signal()

    def __init__(self, ops: JournalOperations) -> None:
        super().__init__(ops)
        self._ops = ops
        self._result: FlagCheck | None = None
        self._memo: FlagMemo | None = None
        ops.changed.connect(self._changed)
        self._day_timer = QTimer(self, interval=DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()

    @property
    def journal(self) -> JournalReader:
        return self._ops.read

    def result(self) -> FlagCheck:
        today = date.today()
        if self._result is None or self._result.as_of != today:
            self._result = self.check(today)
        return self._result

    def check(self, day: date) -> FlagCheck:
        """The flags as of ``day``, judged now (``check_flags``, loaded on first use: start-up does not wait for
        the flags module), keeping what can be kept for the next evaluation (the years before the recent span)."""
        from journal.interchange.flag_inputs import FlagMemo, check_flags

        if self._memo is None:
            self._memo = FlagMemo()
        return check_flags(self._ops.read, day, self._memo)

    def _changed(self, _change: object) -> None:
        self._result = None
        self.updated.emit()

    def _check_day(self) -> None:
        if self._result is not None and self._result.as_of != date.today():
            self._result = None
            self.updated.emit()


def flag_rank_on(state: FlagState) -> Callable[[date], int]:
    """The most urgent flag's rank as of a day (for the goal race check): today's from the shared
    ``FlagState``, other days' from the same ``check_flags``, so the Race page and the Flags page agree."""

    def rank(day: date) -> int:
        flags = (state.result() if day == date.today() else state.check(day)).flags
        return max((f.severity.rank for f in flags), default=0)

    return rank
