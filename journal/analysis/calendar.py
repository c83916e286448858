"""A month at a glance: what the Calendar page shows on each day, from that month's records only.

For each day of the grid (the weeks that hold the month, six of them, starting on the
settings' week start):

- ``worst_pain``: the highest score of any region at any check-in that day (None: no check-in);
- ``distance_m`` and ``runs``: the day's running;
- ``warning_signs``: every warning sign ticked that day;
- ``painkiller``: a painkiller was logged that day;
- ``flags``: the flag episodes first raised that day (``FlagEpisode.started``), most severe first, so a
  flag is marked on the day it began rather than on every day it stayed up.

The caller reads only the grid's days from the journal (``Journal.runs(start, end)`` and the like
find them by bisection), so a month costs the same on a ten-year journal as on a new one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from journal.analysis.flags import FlagEpisode, Severity
from journal.analysis.weekly import week_start_of
from journal.domain.entries import CareEntry, CheckIn, Run
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import CareKind, WarningSign

GRID_WEEKS = 6
"""Every month fits in six weeks, so the grid never changes height from month to month."""


@dataclass(frozen=True, slots=True)
class DaySummary:
    day: date
    worst_pain: int | None = None
    distance_m: float = 0.0
    runs: int = 0
    checkins: int = 0
    warning_signs: tuple[WarningSign, ...] = ()
    painkiller: bool = False
    flags: tuple[FlagEpisode, ...] = field(default=())

    @property
    def flag_severity(self) -> Severity | None:
        return self.flags[0].severity if self.flags else None

    @property
    def empty(self) -> bool:
        return not (self.runs or self.checkins or self.painkiller or self.flags)


def month_grid(year: int, month: int, week_start: WeekStart) -> list[date]:
    """The ``GRID_WEEKS`` x 7 days shown for a month, from the start of the week holding its first day."""
    first = week_start_of(date(year, month, 1), week_start)
    return [first + timedelta(days=i) for i in range(7 * GRID_WEEKS)]


def summarise_days(
    days: list[date],
    runs: Iterable[Run],
    checkins: Iterable[CheckIn],
    care: Iterable[CareEntry],
    episodes: Iterable[FlagEpisode] = (),
) -> dict[date, DaySummary]:
    """One ``DaySummary`` per day of ``days`` (records on other days are ignored)."""
    wanted = set(days)
    distance: dict[date, float] = {}
    run_count: dict[date, int] = {}
    for r in runs:
        if r.day in wanted:
            distance[r.day] = distance.get(r.day, 0.0) + r.distance_m
            run_count[r.day] = run_count.get(r.day, 0) + 1
    worst: dict[date, int] = {}
    counted: dict[date, int] = {}
    signs: dict[date, dict[WarningSign, None]] = {}
    for c in checkins:
        if c.day not in wanted:
            continue
        counted[c.day] = counted.get(c.day, 0) + 1
        if c.max_score is not None:
            worst[c.day] = max(worst.get(c.day, 0), c.max_score)
        for sign in c.warning_signs:
            signs.setdefault(c.day, {})[sign] = None
    pills = {e.day for e in care if e.kind is CareKind.PAINKILLER and e.day in wanted}
    raised: dict[date, list[FlagEpisode]] = {}
    for episode in episodes:
        if episode.started in wanted:
            raised.setdefault(episode.started, []).append(episode)
    return {
        day: DaySummary(
            day=day,
            worst_pain=worst.get(day),
            distance_m=distance.get(day, 0.0),
            runs=run_count.get(day, 0),
            checkins=counted.get(day, 0),
            warning_signs=tuple(signs.get(day, {})),
            painkiller=day in pills,
            flags=tuple(sorted(raised.get(day, []), key=lambda e: -e.severity.rank)),
        )
        for day in days
    }
