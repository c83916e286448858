"""The one way the window, the report and the command line judge a journal's flags as of a day.

``check_flags(journal, as_of)`` reads what the flag engine asks for
(``journal.analysis.flags.history_start``: all entries up to the day), the
journal's thresholds (``flags.*`` settings), its risk profile (Settings) and the
stored acknowledgements, and evaluates the rules once. Everything that shows flags
goes through here, so the same journal on the same day gives the same flags,
since-dates and episode keys in the banner, the Flags page, the PDF and ``flags``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from journal.analysis.flags import Acknowledgement, Flag, FlagEpisode, FlagEvaluator, FlagThresholds, history_start
from journal.storage.flag_store import FlagAcknowledgement, acknowledgements

if TYPE_CHECKING:
    from journal.storage.reader import JournalReader

HISTORY_DAYS = 730
"""How far back ``FlagCheck.history`` lists episodes (the Flags page's history: two years)."""


@dataclass
class FlagCheck:
    """The flags raised as of ``as_of``, the acknowledgements by episode key, and the history on demand."""

    as_of: date
    thresholds: FlagThresholds
    flags: list[Flag]
    acknowledged: dict[str, list[FlagAcknowledgement]]
    evaluator: FlagEvaluator
    _history: list[FlagEpisode] | None = field(default=None, repr=False)

    @property
    def first_day(self) -> date | None:
        return self.evaluator.index.first_day

    def history(self) -> list[FlagEpisode]:
        """Every flag episode of the last ``HISTORY_DAYS`` to ``as_of``, still raised ones first."""
        if self._history is None:
            start = max(self.first_day or self.as_of, self.as_of - timedelta(days=HISTORY_DAYS))
            self._history = self.evaluator.history(min(start, self.as_of), self.as_of)
        return self._history


def check_flags(journal: JournalReader, as_of: date) -> FlagCheck:
    """Judge ``journal``'s flags as of the day ``as_of`` (see the module docstring)."""
    settings = journal.settings()
    thresholds = FlagThresholds.from_settings(journal.raw_settings())
    data = journal.data(history_start(as_of), as_of)
    stored = acknowledgements(journal)
    evaluator = FlagEvaluator(
        data,
        thresholds,
        settings.week_start,
        settings.units,
        settings.risk_profile,
        [Acknowledgement(a.flag_key, a.acknowledged_at, a.checked) for a in stored],
    )
    by_key: dict[str, list[FlagAcknowledgement]] = {}
    for ack in stored:
        by_key.setdefault(ack.flag_key, []).append(ack)
    return FlagCheck(as_of, thresholds, evaluator.evaluate(as_of), by_key, evaluator)


def highest_rank(journal: JournalReader, as_of: date) -> int:
    """The rank of the most urgent flag raised as of ``as_of`` (emergency 4 ... watch 1), 0 with none."""
    return max((f.severity.rank for f in check_flags(journal, as_of).flags), default=0)
