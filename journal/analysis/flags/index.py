"""The journal's records arranged by day, so each rule reads a window in a few lookups.

Per region, a day's value is the highest score any check-in of that day gave the
region; a check-in that does not score the region counts as 0 for it (the check-in
form lists the regions that hurt). Only days with a check-in have values, so the
shares and means of the rules are over check-in days, never over calendar days.

A check-in is "at rest" for a region when the region's timing is ``rest_day`` or
the check-in was recorded at night (22:00-05:59).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from journal.domain.entries import CheckIn, JournalData
from journal.domain.settings import WeekStart
from journal.domain.units import DistanceUnit, format_distance
from journal.domain.vocabulary import CareKind, Radiates, Region, Timing, WarningSign

NIGHT_FROM_HOUR = 22
NIGHT_UNTIL_HOUR = 6
_REACH = {Radiates.NONE: 0, Radiates.BUTTOCK: 1, Radiates.THIGH: 2, Radiates.BELOW_KNEE: 3}


def at_night(moment: datetime) -> bool:
    return moment.hour >= NIGHT_FROM_HOUR or moment.hour < NIGHT_UNTIL_HOUR


@dataclass(frozen=True, slots=True)
class LoadEvent:
    """A jump in running the ``pain_after_jump`` rule looks after: a big-jump week or a spike run.

    Pain counts from ``start`` (the week's first day, or the run's day) to ``end`` + the
    rule's window (``end`` is the week's last day, or the run's day).
    """

    start: date
    end: date
    what: str
    change_pct: float


class DayIndex:
    """Check-in values per region and day, warning signs, painkiller days and load events, sorted by day."""

    def __init__(self, data: JournalData, load_events: tuple[LoadEvent, ...] = ()) -> None:
        checkins = sorted(data.checkins, key=lambda c: c.recorded_at)
        self.days: list[date] = sorted({c.day for c in checkins})
        self.regions: list[Region] = [r for r in Region if any(c.score_for(r) is not None for c in checkins)]
        self.values: dict[Region, dict[date, int]] = {r: dict.fromkeys(self.days, 0) for r in self.regions}
        self.at_rest: dict[Region, dict[date, int]] = {r: {} for r in self.regions}
        self.reach: dict[Region, dict[date, Radiates]] = {r: {} for r in self.regions}
        self.signs: dict[WarningSign, list[date]] = {}
        for checkin in checkins:
            self._add(checkin)
        for dates in self.signs.values():
            dates.sort()
        self.painkillers: dict[date, str] = {}
        for entry in data.care:
            if entry.kind is CareKind.PAINKILLER and entry.day not in self.painkillers:
                self.painkillers[entry.day] = entry.detail
        self.painkiller_days: list[date] = sorted(self.painkillers)
        self.load_events = tuple(sorted(load_events, key=lambda e: e.start))
        every = self.days + self.painkiller_days + [e.start for e in self.load_events]
        self.first_day: date | None = min(every) if every else None

    def _add(self, checkin: CheckIn) -> None:
        day, night = checkin.day, at_night(checkin.recorded_at)
        for s in checkin.scores:
            values = self.values[s.region]
            values[day] = max(values[day], s.score)
            if s.timing is Timing.REST_DAY or night:
                rest = self.at_rest[s.region]
                rest[day] = max(rest.get(day, 0), s.score)
            if s.radiates is not None and s.radiates is not Radiates.NONE and s.score > 0:
                reach = self.reach[s.region]
                if _REACH[s.radiates] > _REACH.get(reach.get(day, Radiates.NONE), 0):
                    reach[day] = s.radiates
        for sign in checkin.warning_signs:
            dates = self.signs.setdefault(sign, [])
            if day not in dates:
                dates.append(day)

    def days_in(self, first: date, last: date) -> list[date]:
        """Check-in days from ``first`` to ``last`` inclusive, oldest first."""
        return self.days[bisect_left(self.days, first) : bisect_right(self.days, last)]

    @staticmethod
    def dates_in(dates: list[date], first: date, last: date) -> list[date]:
        """The days of a sorted list that fall from ``first`` to ``last`` inclusive."""
        return dates[bisect_left(dates, first) : bisect_right(dates, last)]


def window(day: date, days: int) -> tuple[date, date]:
    """The ``days`` calendar days ending on ``day`` (inclusive): (first, day)."""
    return day - timedelta(days=days - 1), day


def load_events_from_runs(
    data: JournalData, week_start: WeekStart, spike_pct: float, units: DistanceUnit = DistanceUnit.KM
) -> tuple[LoadEvent, ...]:
    """Big-jump weeks (weekly distance up over 30 %) and single runs over ``spike_pct`` % longer than
    the longest run of the 30 days before, from ``journal.analysis.weekly`` and ``journal.analysis.spikes``.
    """
    from journal.analysis.spikes import single_run_spikes, spikes_over
    from journal.analysis.weekly import big_jumps, weekly_distances

    events: list[LoadEvent] = []
    for week in big_jumps(weekly_distances(data.runs, week_start)):
        pct = week.change_pct or 0.0
        events.append(
            LoadEvent(
                week.week_start,
                week.week_end,
                f"{format_distance(week.distance_m, units, 1)} in the week, up {pct:.0f} % on the week before",
                pct,
            )
        )
    for spike in spikes_over(single_run_spikes(data.runs), spike_pct):
        events.append(
            LoadEvent(
                spike.day,
                spike.day,
                f"Run of {format_distance(spike.distance_m, units, 1)}, {spike.spike_pct:.0f} % longer than "
                f"the longest of the 30 days before ({format_distance(spike.longest_prior_m, units, 1)})",
                spike.spike_pct,
            )
        )
    return tuple(events)
