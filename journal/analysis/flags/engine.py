"""Evaluate every rule as of a date, and the history of flags over a period.

A flag is judged from the records up to and including the ``as_of`` day; nothing
later counts, and each rule only reads its own window (see the rule modules).

Episodes and keys: re-evaluating day by day, a flag (rule + region or sign) is
"up" on a run of days; breaks of up to ``REJOIN_DAYS`` (7) days do not end the run.
That run is one episode; its key is
``rule:subject:first-day`` (``model.episode_key``), which stays the same while
the flag stays up, so an acknowledgement made on any day of the episode belongs
to it. History is computed, not stored: every day of the period is evaluated once
(``FlagEvaluator`` caches each day), which is fast because the records are indexed
by day first (``index.DayIndex``). Editing an old entry therefore also corrects
the history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from journal.analysis.flags.index import DayIndex, load_events_from_runs
from journal.analysis.flags.jump import pain_after_jump
from journal.analysis.flags.model import Flag, FlagEpisode, episode_key
from journal.analysis.flags.pain import lingering_pain, radiating_pain, rest_pain, worsening_pain
from journal.analysis.flags.signs import painkiller_use, warning_signs
from journal.analysis.flags.thresholds import FlagThresholds
from journal.domain.entries import JournalData
from journal.domain.settings import WeekStart
from journal.domain.units import DistanceUnit

Rule = Callable[[DayIndex, date, FlagThresholds], list[Flag]]
RULES: tuple[tuple[str, Rule], ...] = (
    ("warning_sign", warning_signs),
    ("lingering_pain", lingering_pain),
    ("radiating_pain", radiating_pain),
    ("rest_pain", rest_pain),
    ("worsening_pain", worsening_pain),
    ("painkiller_use", painkiller_use),
    ("pain_after_jump", pain_after_jump),
)
RULE_IDS = tuple(name for name, _ in RULES)
MAX_WALK_BACK_DAYS = 3 * 366
"""How far back the start of a still-raised flag is looked for."""
REJOIN_DAYS = 7
"""A flag raised again within this many days of its last day continues the same episode (and keeps
its key and acknowledgement), so a rule sitting on its threshold does not make a new episode each time."""
_ONE_DAY = timedelta(days=1)


def _order(flag: Flag) -> tuple:
    return (-flag.severity.rank, RULE_IDS.index(flag.rule), flag.since, flag.subject)


class FlagEvaluator:
    """The rules over one journal's records, with each day's result cached."""

    def __init__(
        self,
        data: JournalData,
        thresholds: FlagThresholds | None = None,
        week_start: WeekStart = WeekStart.MONDAY,
        units: DistanceUnit = DistanceUnit.KM,
    ) -> None:
        self.thresholds = thresholds or FlagThresholds()
        events = load_events_from_runs(data, week_start, self.thresholds.spike_pct, units)
        self.index = DayIndex(data, events)
        self._days: dict[date, dict[tuple[str, str], Flag]] = {}

    def raised_on(self, day: date) -> dict[tuple[str, str], Flag]:
        """The flags raised as of ``day`` (without keys), by (rule, subject)."""
        cached = self._days.get(day)
        if cached is None:
            cached = {}
            first = self.index.first_day
            if first is not None and day >= first:
                for _name, rule in RULES:
                    for flag in rule(self.index, day, self.thresholds):
                        cached[flag.identity] = flag
            self._days[day] = cached
        return cached

    def episode_start(self, identity: tuple[str, str], day: date) -> date:
        """The first day of the episode of ``identity`` that holds ``day``.

        Walks back over the days it was raised, across breaks of up to ``REJOIN_DAYS``.
        """
        start = day
        limit = day - timedelta(days=MAX_WALK_BACK_DAYS)
        while start > limit:
            for back in range(1, REJOIN_DAYS + 2):
                earlier = start - timedelta(days=back)
                if identity in self.raised_on(earlier):
                    start = earlier
                    break
            else:
                return start
        return start

    def evaluate(self, as_of: date) -> list[Flag]:
        """The flags raised as of ``as_of``, with their episode keys, most urgent first."""
        out = []
        for identity, flag in self.raised_on(as_of).items():
            start = self.episode_start(identity, as_of)
            out.append(_with_episode(flag, start))
        return sorted(out, key=_order)

    def history(self, start: date, end: date) -> list[FlagEpisode]:
        """Every episode raised on some day from ``start`` to ``end``, still raised ones first, then newest first.

        An episode's first day may lie before ``start``; one raised on ``end`` has ``ended`` None.
        """
        open_: dict[tuple[str, str], tuple[date, Flag, Flag, date]] = {}  # first day, highest, latest, last day
        episodes: list[FlagEpisode] = []
        day = start
        while day <= end:
            today = self.raised_on(day)
            for identity, (first, top, last, last_day) in list(open_.items()):
                if identity not in today and (day - last_day).days > REJOIN_DAYS:
                    episodes.append(_episode(first, last_day, top, last))
                    del open_[identity]
            for identity, flag in today.items():
                if identity in open_:
                    first, top, _last, _day = open_[identity]
                    top = flag if flag.severity.rank > top.severity.rank else top
                    open_[identity] = (first, top, flag, day)
                else:
                    open_[identity] = (self.episode_start(identity, day), flag, flag, day)
            day += _ONE_DAY
        for first, top, last, last_day in open_.values():
            episodes.append(_episode(first, None if last_day == end else last_day, top, last))
        return sorted(episodes, key=lambda e: (not e.active, -(e.ended or end).toordinal(), -e.started.toordinal()))


def _with_episode(flag: Flag, first: date) -> Flag:
    """``flag`` with its episode: key, first day raised, and ``since`` no later than that day."""
    key = episode_key(flag.rule, flag.subject, first)
    return replace(flag, raised_on=first, key=key, since=min(flag.since, first))


def _episode(first: date, ended: date | None, top: Flag, last: Flag) -> FlagEpisode:
    return FlagEpisode(
        rule=last.rule,
        subject=last.subject,
        region=last.region,
        started=first,
        ended=ended,
        severity=top.severity,
        last=_with_episode(last, first),
    )


def evaluate_flags(
    data: JournalData,
    as_of: date,
    thresholds: FlagThresholds | None = None,
    week_start: WeekStart = WeekStart.MONDAY,
    units: DistanceUnit = DistanceUnit.KM,
) -> list[Flag]:
    """The flags raised by ``data`` as of the day ``as_of``, most urgent first (see the module docstring)."""
    return FlagEvaluator(data, thresholds, week_start, units).evaluate(as_of)


def flag_history(
    data: JournalData,
    start: date,
    end: date,
    thresholds: FlagThresholds | None = None,
    week_start: WeekStart = WeekStart.MONDAY,
    units: DistanceUnit = DistanceUnit.KM,
) -> list[FlagEpisode]:
    """The flag episodes from ``start`` to ``end`` (inclusive), newest first; see ``FlagEvaluator.history``."""
    return FlagEvaluator(data, thresholds, week_start, units).history(start, end)
