"""The one way the window, the report and the command line judge a journal's flags as of a day.

``check_flags(journal, as_of)`` reads what the flag engine asks for, the journal's
thresholds (``flags.*`` settings), its risk profile (Settings) and the stored
acknowledgements, and evaluates the rules once. Everything that shows flags goes
through here, so the same journal on the same day gives the same flags, since-dates
and episode keys in the banner, the Flags page, the Calendar, the PDF and ``flags``.

What it reads (``journal.analysis.flags.span``): every entry of a recent span, and
before it only the days the persistent rules and the risk rule can use (found in SQL);
the span is lengthened, and the flags judged again, until the result is provably the
one all of the journal gives. On a 30-year journal that is a few hundred days, so
judging the flags costs about the same however long the journal is.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, TypeVar

from journal.analysis.flags import Acknowledgement, Flag, FlagEpisode, FlagEvaluator, FlagThresholds
from journal.analysis.flags.persistent import Occurrence
from journal.analysis.flags.span import MARGIN, FirstDays, around, earliest_judged, exact, kept_days, window_reach
from journal.domain.entries import JournalData
from journal.domain.settings import Settings
from journal.domain.vocabulary import CareKind
from journal.storage.flag_store import FlagAcknowledgement, acknowledgements
from journal.storage.queries import Lists
from journal.storage.reads import ScoreQuery

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.storage.reader import JournalReader

T = TypeVar("T", list[Flag], list[FlagEpisode])
HISTORY_DAYS = 730
"""How far back ``FlagCheck.history`` lists episodes (the Flags page's history: two years)."""


@dataclass(frozen=True)
class _Before:
    """The kept days before a span's first day ``cut``: their entries, and the persistent occurrences on them."""

    cut: date
    mark: int
    data: JournalData
    occurrences: list[Occurrence]


class FlagMemo:
    """What ``check_flags`` may keep between calls on one open journal (the window's ``FlagState`` holds one).

    The entries of the kept days before the span and the persistent occurrences on them
    (``span``), read once and used while no write has changed an entry before the span
    (``Journal.unchanged_before``): saving today's run does not read them again.
    """

    def __init__(self) -> None:
        self._before: dict[tuple[date, FlagThresholds, bool], _Before] = {}

    def get(self, journal: JournalReader, key: tuple[date, FlagThresholds, bool], valid_from: date) -> _Before | None:
        found = self._before.get(key)
        return found if found is not None and journal.unchanged_before(valid_from, found.mark) else None

    def keep(self, key: tuple[date, FlagThresholds, bool], before: _Before) -> None:
        if len(self._before) >= 4:
            self._before.clear()
        self._before[key] = before


@dataclass
class _Judge:
    """Builds evaluators over spans of one journal with one set of settings and acknowledgements."""

    journal: JournalReader
    settings: Settings
    thresholds: FlagThresholds
    acknowledgements: list[Acknowledgement]
    first: FirstDays
    first_day: date | None
    """The first day the flags can read (a run, a check-in or a painkiller): the engine's ``first_day``."""
    reach: int
    memo: FlagMemo

    def evaluator(self, complete_from: date | None, end: date) -> FlagEvaluator:
        """An evaluator over every entry from ``complete_from`` (None: all) to ``end``, and the kept days before."""
        s, journal = self.settings, self.journal
        if complete_from is None:
            data = journal.data(None, end)
            return FlagEvaluator(data, self.thresholds, s.week_start, s.units, s.risk_profile, self.acknowledgements)
        span = journal.data(complete_from, end)
        before = self._before(complete_from)
        if s.risk_profile.date_of_birth is None:  # the rest pain windows across the span's first day
            boundary = complete_from - timedelta(days=self.thresholds.rest_pain_window_days - 1)
            runs = tuple(r for r in before.data.runs if r.day >= boundary)
            checkins = tuple(c for c in before.data.checkins if c.day >= boundary)
        else:  # and the stretches of back pain, for "over 50 with new back pain"
            runs, checkins = before.data.runs, before.data.checkins
        data = replace(span, runs=runs + span.runs, checkins=checkins + span.checkins)
        return FlagEvaluator(
            data,
            self.thresholds,
            s.week_start,
            s.units,
            s.risk_profile,
            self.acknowledgements,
            occurrences_before=(datetime.combine(complete_from, time.min), before.occurrences),
        )

    def _before(self, cut: date) -> _Before:
        """The kept days before ``cut`` (``span.kept_days``), from the memo while still valid."""
        t, journal = self.thresholds, self.journal
        needs = kept_days(t, self.settings.risk_profile)
        key = (cut, t, self.settings.risk_profile.date_of_birth is not None)
        reach = max(need.days_before for need in needs)  # days from cut whose entries choose the kept days
        found = self.memo.get(journal, key, cut + timedelta(days=reach))
        if found is not None:
            return found
        mark = journal.write_mark()
        queries = [
            ScoreQuery(cut + timedelta(days=n.days_before), n.regions, n.at_least, n.timing, n.characters)
            for n in needs
        ]
        kept = set(journal.days_with_signs(cut))
        for need, days in zip(needs, journal.days_scored(queries), strict=True):
            kept |= around(days, need.days_before)
        data = journal.entries_on(day for day in kept if day < cut)
        occurrences = FlagEvaluator(data, t).occurrences()
        found = _Before(cut, mark, data, occurrences)
        self.memo.keep(key, found)
        return found

    def judged(self, first: date, end: date, judge: Callable[[FlagEvaluator], T]) -> tuple[FlagEvaluator, T]:
        """``judge`` on the shortest span (doubling) whose result is the whole journal's, for days ``first``-``end``."""
        days = self.reach + MARGIN + (end - first).days
        while True:
            complete_from: date | None = end - timedelta(days=days)
            if self.first_day is None or (complete_from is not None and complete_from <= self.first_day):
                complete_from = None
            evaluator = self.evaluator(complete_from, end)
            result = judge(evaluator)
            if complete_from is None:
                return evaluator, result
            if exact(evaluator.index, complete_from, earliest_judged(first, result), self.reach, self.first):
                return evaluator, result
            days *= 2


@dataclass
class FlagCheck:
    """The flags raised as of ``as_of``, the acknowledgements by episode key, and episodes on demand."""

    as_of: date
    thresholds: FlagThresholds
    flags: list[Flag]
    acknowledged: dict[str, list[FlagAcknowledgement]]
    evaluator: FlagEvaluator
    """The evaluator that judged ``as_of`` (over the span ``check_flags`` read, see the module)."""
    first_day: date | None = None
    """The first day the flags can read: a run, a check-in or a painkiller."""
    _judge: _Judge | None = field(default=None, repr=False)
    _history: list[FlagEpisode] | None = field(default=None, repr=False)
    _episodes: dict[tuple[date, date], list[FlagEpisode]] = field(default_factory=dict, repr=False)

    def history(self) -> list[FlagEpisode]:
        """Every flag episode of the last ``HISTORY_DAYS`` to ``as_of``, still raised ones first."""
        if self._history is None:
            start = max(self.first_day or self.as_of, self.as_of - timedelta(days=HISTORY_DAYS))
            self._history = self.episodes(min(start, self.as_of), self.as_of)
        return self._history

    def episodes(self, start: date, end: date) -> list[FlagEpisode]:
        """Every flag episode raised on a day from ``start`` to ``end`` (``FlagEvaluator.history``), as the whole
        journal gives them; ``end`` no later than ``as_of``."""
        found = self._episodes.get((start, end))
        if found is None:
            judge = self._judge
            if judge is None:
                found = self.evaluator.history(start, end)
            else:
                found = judge.judged(start, end, lambda e: e.history(start, end))[1]
            self._episodes[(start, end)] = found
        return found


def check_flags(journal: JournalReader, as_of: date, memo: FlagMemo | None = None) -> FlagCheck:
    """Judge ``journal``'s flags as of the day ``as_of`` (see the module docstring); ``memo`` keeps what can be
    kept for the next call on the same open journal."""
    settings = journal.settings()
    thresholds = FlagThresholds.from_settings(journal.raw_settings())
    stored = acknowledgements(journal)
    painkiller = journal.first_day(Lists.CARE, CareKind.PAINKILLER)
    runs, checkins, care = (journal.first_day(kind) for kind in (Lists.RUNS, Lists.CHECKINS, Lists.CARE))
    judge = _Judge(
        journal,
        settings,
        thresholds,
        [Acknowledgement(a.flag_key, a.acknowledged_at, a.checked) for a in stored],
        FirstDays(checkins, _earliest(checkins, care), _earliest(runs, checkins)),
        _earliest(runs, checkins, painkiller),
        window_reach(thresholds),
        memo or FlagMemo(),
    )
    evaluator, flags = judge.judged(as_of, as_of, lambda e: e.evaluate(as_of))
    by_key: dict[str, list[FlagAcknowledgement]] = {}
    for ack in stored:
        by_key.setdefault(ack.flag_key, []).append(ack)
    return FlagCheck(as_of, thresholds, flags, by_key, evaluator, judge.first_day, judge)


def _earliest(*days: date | None) -> date | None:
    found = [day for day in days if day is not None]
    return min(found) if found else None


def highest_rank(journal: JournalReader, as_of: date) -> int:
    """The rank of the most urgent flag raised as of ``as_of`` (emergency 4 ... watch 1), 0 with none."""
    return max((f.severity.rank for f in check_flags(journal, as_of).flags), default=0)
