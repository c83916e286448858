"""One evaluation of the flags per journal, shared by the banner and the Flags page.

``flag_state(ops)`` returns the ``FlagState`` of a ``JournalOperations`` (made on
first use, owned by it). It re-evaluates lazily: every ``ops.changed`` (an entry
saved, edited, deleted or undone; settings; acknowledgements) marks the result
stale and emits ``updated``; the next ``result()`` reads the journal and judges
the flags as of today. A timer notices when the day changes while the window is
open, since flags are judged as of a day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from journal.analysis.flags import Flag, FlagEpisode, FlagEvaluator, FlagThresholds
from journal.storage.flag_store import FlagAcknowledgement, acknowledgements_by_key
from journal.ui.operations import JournalOperations

DAY_CHECK_MS = 60_000
HISTORY_DAYS = 730
"""The Flags page's history covers the last two years: judging every day of a ten-year journal
would take a third of a second after each save, two years about a tenth of that."""


@dataclass
class FlagResult:
    """The flags as of ``as_of``, the acknowledgements by episode key, and the history on demand."""

    as_of: date
    thresholds: FlagThresholds
    flags: list[Flag]
    acknowledged: dict[str, list[FlagAcknowledgement]]
    evaluator: FlagEvaluator
    first_day: date | None
    _history: list[FlagEpisode] | None = field(default=None, repr=False)

    def history(self) -> list[FlagEpisode]:
        """Every flag episode of the last ``HISTORY_DAYS`` to ``as_of``, still raised ones first."""
        if self._history is None:
            start = max(self.first_day or self.as_of, self.as_of - timedelta(days=HISTORY_DAYS))
            self._history = self.evaluator.history(min(start, self.as_of), self.as_of)
        return self._history


class FlagState(QObject):
    """The flags of one journal as of today, evaluated lazily and shared (see the module docstring).

    Signals:
        updated(): the flags may have changed; call ``result()`` for the new ones.
    """

    updated = Signal()

    def __init__(self, ops: JournalOperations) -> None:
        super().__init__(ops)
        self.setObjectName("flag-state")
        self._ops = ops
        self._result: FlagResult | None = None
        ops.changed.connect(self._changed)
        self._day_timer = QTimer(self, interval=DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()

    def result(self) -> FlagResult:
        today = date.today()
        if self._result is None or self._result.as_of != today:
            self._result = self._evaluate(today)
        return self._result

    def _evaluate(self, today: date) -> FlagResult:
        journal = self._ops.read
        settings = journal.settings()
        thresholds = FlagThresholds.from_settings(journal.raw_settings())
        # Two years of history, plus the longest look-back a rule may need before its first day.
        reach = HISTORY_DAYS + max(thresholds.lingering_lookback_days, 35) + 7
        data = journal.data(start=today - timedelta(days=reach), end=today)
        evaluator = FlagEvaluator(data, thresholds, settings.week_start, settings.units)
        return FlagResult(
            as_of=today,
            thresholds=thresholds,
            flags=evaluator.evaluate(today),
            acknowledged=acknowledgements_by_key(journal),
            evaluator=evaluator,
            first_day=evaluator.index.first_day,
        )

    def _changed(self, _change: object) -> None:
        self._result = None
        self.updated.emit()

    def _check_day(self) -> None:
        if self._result is not None and self._result.as_of != date.today():
            self._result = None
            self.updated.emit()


def flag_state(ops: JournalOperations) -> FlagState:
    """The ``FlagState`` of ``ops`` (one per journal, shared by the banner and the page)."""
    state = ops.findChild(FlagState, "flag-state")
    return state if isinstance(state, FlagState) else FlagState(ops)
