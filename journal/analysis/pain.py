"""Pain per region over time: daily maximum, 7-day rolling mean, weekly mean and worst, pain-free days.

Scores are on the 0-10 numeric rating scale. Definitions:

- daily maximum (per region): the highest score the region was given on any check-in
  of that day; a day without a check-in scoring the region has none;
- 7-day rolling mean on day t: the mean of the daily maxima on days t-6 .. t that
  have one (None when none of the 7 days has one);
- weekly mean and worst (per region): mean and maximum of the daily maxima in the
  calendar week;
- pain-free day: a day with check-ins on which every score is 0 (a check-in of all
  zeros is a pain-free record, and counts).

``region=None`` in the functions below means "any region": the day's worst score
over all regions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from journal.domain.entries import CheckIn
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import Region

ROLLING_DAYS = 7
REGIONS: tuple[Region, ...] = tuple(Region)

DailyPain = dict[date, dict[Region, int]]
"""Day -> region -> the day's highest score for that region."""


def daily_max_by_region(checkins: Iterable[CheckIn]) -> DailyPain:
    """For each day with a scored check-in: each region's highest score that day."""
    out: DailyPain = {}
    for checkin in checkins:
        if not checkin.scores:
            continue
        day = out.setdefault(checkin.recorded_at.date(), {})
        for s in checkin.scores:
            if s.score > day.get(s.region, -1):
                day[s.region] = s.score
    return out


def day_score(scores: Mapping[Region, int], region: Region | None) -> int | None:
    """One region's daily maximum, or with ``region=None`` the worst of any region."""
    if region is None:
        return max(scores.values(), default=None)
    return scores.get(region)


def daily_series(daily: DailyPain, region: Region | None) -> dict[date, int]:
    """Day -> daily maximum of ``region`` (or the worst of any region)."""
    if region is None:
        return {day: max(scores.values()) for day, scores in daily.items() if scores}
    return {day: scores[region] for day, scores in daily.items() if region in scores}


@dataclass(frozen=True, slots=True)
class PainSeries:
    """One region's pain as columns over consecutive days from ``first_day``."""

    region: Region | None
    first_day: date
    daily_max: tuple[int | None, ...]
    mean7: tuple[float | None, ...]

    @property
    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(len(self.daily_max))]

    def at(self, day: date) -> tuple[int | None, float | None]:
        i = (day - self.first_day).days
        if 0 <= i < len(self.daily_max):
            return self.daily_max[i], self.mean7[i]
        return None, None


def rolling_mean(values: Mapping[date, int], first_day: date, last_day: date, window: int = ROLLING_DAYS) -> PainSeries:
    """Daily maxima and their ``window``-day rolling mean from ``first_day`` to ``last_day``.

    Days before ``first_day`` still feed the first days' means. (Days are handled as
    ordinals: this runs over ten years of days for every region on each redraw.)
    """
    n = max(0, (last_day - first_day).days + 1)
    origin = first_day.toordinal() - (window - 1)
    arr: list[int | None] = [None] * (n + window - 1)
    for day, v in values.items():
        i = day.toordinal() - origin
        if 0 <= i < len(arr):
            arr[i] = v
    # prefix sums of the values and of how many days have one
    totals = [0, *accumulate(0 if v is None else v for v in arr)]
    counts = [0, *accumulate(0 if v is None else 1 for v in arr)]
    means: list[float | None] = [
        (totals[i + window] - totals[i]) / c if (c := counts[i + window] - counts[i]) else None for i in range(n)
    ]
    return PainSeries(None, first_day, tuple(arr[window - 1 :]), tuple(means))


def region_series(daily: DailyPain, region: Region | None, first_day: date, last_day: date) -> PainSeries:
    """``rolling_mean`` of one region (or of the worst of any region)."""
    series = rolling_mean(daily_series(daily, region), first_day, last_day)
    return PainSeries(region, series.first_day, series.daily_max, series.mean7)


@dataclass(frozen=True, slots=True)
class WeekPain:
    """One calendar week's pain: per region the mean and worst of the daily maxima; pain-free days."""

    week_start: date
    mean: Mapping[Region, float]
    worst: Mapping[Region, int]
    pain_free_days: int
    days_logged: int
    mean_any: float | None = None
    """The mean of each logged day's worst score over all regions."""
    sums: Mapping[Region, int] = field(default_factory=dict)
    """Per region, the sum of the daily maxima (for totals over several weeks)."""
    scored_days: Mapping[Region, int] = field(default_factory=dict)
    """Per region, the days it was scored."""

    def mean_of(self, region: Region | None) -> float | None:
        """The week's mean for ``region``; with None, the mean of each day's worst score."""
        if region is None:
            return self.mean_any
        return self.mean.get(region)


def weekly_pain(daily: DailyPain, week_start: WeekStart, weeks: Iterable[date]) -> dict[date, WeekPain]:
    """The ``WeekPain`` of each week start in ``weeks`` (weeks without check-ins have empty maps)."""
    wanted = {ws.toordinal(): ws for ws in weeks}
    offset = week_start.weekday
    groups: dict[int, list[dict[Region, int]]] = {}
    for day, scores in daily.items():
        n = day.toordinal()
        w = n - (n - 1 - offset) % 7  # ordinal 1 (1 Jan of year 1) is a Monday
        if w in wanted:
            groups.setdefault(w, []).append(scores)
    out: dict[date, WeekPain] = {}
    for w, ws in wanted.items():
        days = groups.get(w)
        if not days:
            out[ws] = WeekPain(ws, {}, {}, 0, 0, None)
            continue
        worsts = [max(scores.values(), default=0) for scores in days]
        found_sums: dict[Region, int] = {}
        found_counts: dict[Region, int] = {}
        found_worst: dict[Region, int] = {}
        for scores in days:  # one pass over the week's days
            for region, value in scores.items():
                if region in found_sums:
                    found_sums[region] += value
                    found_counts[region] += 1
                    if value > found_worst[region]:
                        found_worst[region] = value
                else:
                    found_sums[region], found_counts[region], found_worst[region] = value, 1, value
        order = [r for r in REGIONS if r in found_sums]  # the maps list regions in Region's order
        sums = {r: found_sums[r] for r in order}
        counts = {r: found_counts[r] for r in order}
        out[ws] = WeekPain(
            ws,
            {r: sums[r] / counts[r] for r in order},
            {r: found_worst[r] for r in order},
            worsts.count(0),
            len(days),
            sum(worsts) / len(days),
            sums,
            counts,
        )
    return out


def most_painful_in(weeks: Iterable[WeekPain]) -> Region | None:
    """``most_painful_region`` over whole weeks already summed by ``weekly_pain`` (no second pass over days)."""
    totals: dict[Region, int] = {}
    counts: dict[Region, int] = {}
    for week in weeks:
        for region, n in week.scored_days.items():
            totals[region] = totals.get(region, 0) + week.sums[region]
            counts[region] = counts.get(region, 0) + n
    if not counts:
        return None
    order = list(REGIONS)
    return max(counts, key=lambda r: (totals[r], counts[r], -order.index(r)))


def most_painful_region(daily: DailyPain, first_day: date | None = None, last_day: date | None = None) -> Region | None:
    """The region with the highest total of daily maxima in the period (ties: the first in ``Region``).

    When no region ever hurt, the region scored most often; None without any scores.
    """
    totals: dict[Region, int] = {}
    counts: dict[Region, int] = {}
    for day, scores in daily.items():
        if (first_day and day < first_day) or (last_day and day > last_day):
            continue
        for region, score in scores.items():
            totals[region] = totals.get(region, 0) + score
            counts[region] = counts.get(region, 0) + 1
    if not counts:
        return None
    order = list(REGIONS)
    return max(counts, key=lambda r: (totals[r], counts[r], -order.index(r)))
