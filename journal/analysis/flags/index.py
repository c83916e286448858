"""The journal's records arranged by day, so each rule reads a window in a few lookups.

Per region, a day's value is the highest score any check-in of that day gave the
region; a check-in that does not score the region counts as 0 for it (the check-in
form lists the regions that hurt). Only days with a check-in have values, so the
shares and means of the rules are over check-in days, never over calendar days.

Pain "at rest" in a region: a score timed "rest day" on a day with no run logged.
Pain felt the morning after a run, or during, right after or later on the day of a
run, is not pain at rest, whatever the clock says (issue 10: soreness after running
is not pain that fails to settle with rest); nor is a score whose timing was not
given, since nothing says the person rested.

Anchors, for "a gap is not recovery": ``last_checkin_day(day)`` is the latest day up
to ``day`` with a check-in, and the pain rules judge a day by the check-ins up to
that anchor, so a flag does not clear because logging stopped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from journal.domain.entries import CheckIn, JournalData, Run
from journal.domain.numbers import BAND_EDGES_PCT, percent
from journal.domain.settings import WeekStart
from journal.domain.units import DistanceUnit, format_distance
from journal.domain.vocabulary import CareKind, Character, Radiates, Region, Timing, WarningSign

_REACH = {Radiates.NONE: 0, Radiates.BUTTOCK: 1, Radiates.THIGH: 2, Radiates.BELOW_KNEE: 3}
NUMB = frozenset({Character.NUMBNESS, Character.TINGLING})
"""Characters that tell of nerve symptoms: numbness, or tingling / pins and needles."""
LEGS = (Region.HAMSTRING_LEFT, Region.HAMSTRING_RIGHT)
BACK = (Region.LOWER_BACK, Region.UPPER_BACK)
EPS = 1e-9
"""Comparisons of means and shares allow for floating-point rounding (70 % of 10 is 7)."""


def score_text(region: Region, value: int) -> str:
    """'Lower back 4/10', the evidence wording of a score."""
    return f"{region.label} {value}/10"


@dataclass(frozen=True, slots=True)
class LoadEvent:
    """A jump in running the ``pain_after_jump`` rule looks after: a big-jump week (distance up over 30 % on the
    week before) or a spike of over ``spike_pct`` % (a run that much longer than the longest of the 30 days before;
    Trends and the report call every run over 10 % longer a spike, and this rule counts only the larger ones).

    Pain counts from ``start`` (the week's first day, or the run's day) to ``end`` + the
    rule's window (``end`` is the week's last day, or the run's day).
    """

    start: date
    end: date
    what: str
    change_pct: float


@dataclass(frozen=True, slots=True)
class SignTick:
    """A warning sign ticked on a check-in, at the check-in's time."""

    when: datetime
    sign: WarningSign


class DayIndex:
    """Check-in values per region and day, signs, interference, runs, painkiller days and load events, by day."""

    def __init__(
        self, data: JournalData, load_events: tuple[LoadEvent, ...] = (), units: DistanceUnit = DistanceUnit.KM
    ) -> None:
        self.units = units
        checkins = sorted(data.checkins, key=lambda c: c.recorded_at)
        self.run_days: dict[date, list[Run]] = {}
        for run in sorted(data.runs, key=lambda r: r.started_at):
            self.run_days.setdefault(run.day, []).append(run)
        self.days: list[date] = sorted({c.day for c in checkins})
        self.regions: list[Region] = [r for r in Region if any(c.score_for(r) is not None for c in checkins)]
        self.values: dict[Region, dict[date, int]] = {r: dict.fromkeys(self.days, 0) for r in self.regions}
        self.at_rest: dict[Region, dict[date, int]] = {r: {} for r in self.regions}
        self.scored: dict[Region, list[tuple[datetime, int]]] = {r: [] for r in self.regions}
        """Every check-in's score per region, in time order (the persistent rules' occurrences)."""
        self.rest_scored: dict[Region, list[tuple[datetime, int]]] = {r: [] for r in self.regions}
        self.during_run: dict[Region, dict[date, int]] = {r: {} for r in self.regions}
        self.reach: dict[Region, dict[date, Radiates]] = {r: {} for r in self.regions}
        self.numb: dict[Region, dict[date, frozenset[Character]]] = {r: {} for r in self.regions}
        self.interference: dict[date, int] = {}
        self.ticks: list[SignTick] = []
        self.both_leg_numbness: list[datetime] = []
        self._numb_legs: dict[date, set[Region]] = {}
        for checkin in checkins:
            self._add(checkin)
        self.interference_days: list[date] = sorted(self.interference)
        self.painkillers: dict[date, str] = {}
        for entry in data.care:
            if entry.kind is CareKind.PAINKILLER and entry.day not in self.painkillers:
                self.painkillers[entry.day] = entry.detail
        self.painkiller_days: list[date] = sorted(self.painkillers)
        self.stopped_runs: list[Run] = [r for runs in self.run_days.values() for r in runs if r.stopped_for_pain]
        self.load_events = tuple(sorted(load_events, key=lambda e: e.start))
        self._logged_days = sorted(set(self.days) | set(self.painkiller_days) | {c.day for c in data.care})
        self._run_or_checkin_days = sorted(set(self.days) | set(self.run_days))
        every = self.days + self.painkiller_days + [e.start for e in self.load_events] + list(self.run_days)
        self.first_day: date | None = min(every) if every else None

    def _add(self, checkin: CheckIn) -> None:
        day = checkin.day
        resting = day not in self.run_days
        numb_legs = self._numb_legs.setdefault(day, set())
        had_both = len(numb_legs) == 2
        for s in checkin.scores:
            values = self.values[s.region]
            values[day] = max(values[day], s.score)
            self.scored[s.region].append((checkin.recorded_at, s.score))
            if resting and s.timing is Timing.REST_DAY:
                rest = self.at_rest[s.region]
                rest[day] = max(rest.get(day, 0), s.score)
                self.rest_scored[s.region].append((checkin.recorded_at, s.score))
            if s.timing is Timing.DURING_RUN:
                during = self.during_run[s.region]
                during[day] = max(during.get(day, 0), s.score)
            if s.radiates is not None and s.radiates is not Radiates.NONE and s.score > 0:
                reach = self.reach[s.region]
                if _REACH[s.radiates] > _REACH.get(reach.get(day, Radiates.NONE), 0):
                    reach[day] = s.radiates
            if numb := NUMB.intersection(s.character):
                self.numb[s.region][day] = self.numb[s.region].get(day, frozenset()) | numb
                if s.region in LEGS:
                    numb_legs.add(s.region)
        if len(numb_legs) == 2 and not had_both:  # both legs on one day, on one check-in or two
            self.both_leg_numbness.append(checkin.recorded_at)
        for sign in dict.fromkeys(checkin.warning_signs):
            self.ticks.append(SignTick(checkin.recorded_at, sign))
        if checkin.interference is not None:
            self.interference[day] = max(self.interference.get(day, 0), checkin.interference)

    def days_in(self, first: date, last: date) -> list[date]:
        """Check-in days from ``first`` to ``last`` inclusive, oldest first."""
        return self.days[bisect_left(self.days, first) : bisect_right(self.days, last)]

    @staticmethod
    def dates_in(dates: list[date], first: date, last: date) -> list[date]:
        """The days of a sorted list that fall from ``first`` to ``last`` inclusive."""
        return dates[bisect_left(dates, first) : bisect_right(dates, last)]

    @staticmethod
    def _last(days: list[date], day: date) -> date | None:
        i = bisect_right(days, day)
        return days[i - 1] if i else None

    def last_checkin_day(self, day: date) -> date | None:
        """The latest day up to ``day`` with a check-in (the anchor of the pain rules)."""
        return self._last(self.days, day)

    def last_logged_day(self, day: date) -> date | None:
        """The latest day up to ``day`` with a check-in or care logged (the anchor of the painkiller rule)."""
        return self._last(self._logged_days, day)

    def last_run_or_checkin_day(self, day: date) -> date | None:
        """The latest day up to ``day`` with a run or a check-in (the anchor of the pain-during-runs rule)."""
        return self._last(self._run_or_checkin_days, day)


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
                f"{format_distance(week.distance_m, units, 1)} in the week, up {percent(pct)} on the week before "
                "(a big jump: over 30 %)",
                pct,
            )
        )
    edges = (*BAND_EDGES_PCT, spike_pct)  # "a spike of over 50 %" never shows 50.0 %
    for spike in spikes_over(single_run_spikes(data.runs), spike_pct):
        events.append(
            LoadEvent(
                spike.day,
                spike.day,
                f"Run of {format_distance(spike.distance_m, units, 1)}, {percent(spike.spike_pct, edges)} longer than "
                f"the longest of the 30 days before ({format_distance(spike.longest_prior_m, units, 1)}): a spike "
                f"of over {spike_pct:g} %",
                spike.spike_pct,
            )
        )
    return tuple(events)
