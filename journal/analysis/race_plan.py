"""A suggested gradual path to a goal race: every week from the start of the build to race day.

A guide to distance, not a workout generator: it says how far to run each week
and how long the long run may be, never what to run. Pure functions over plain
records; the checks and the verdict are in ``race_checks``.

Weeks are calendar weeks (the journal's week start). The race week holds race day.

The build starts ``plan_length_weeks`` before the race week (marathon 18, half 12,
10 km 10, 5 km 8 weeks, in between by distance: the app's defaults, in the range
common published plans use), but never before the second week of the journal's
running, so a journal that begins with the build has its first week as its base.

Recent base (``base_km``): the mean weekly distance of the up to 4 complete weeks
before the build (weeks before the first run do not count); before the build has
begun, the 4 complete weeks before today. Base long run (``base_long_km``): the
longest run of the 30 days before that.

Phases, counted back from the race week (offset 0):

- ``race``: the race week;
- ``taper``: marathon-length races (30 km and more) the 2 weeks before, shorter races
  the week before, so the peak comes about 3 weeks out for a marathon. Volume is cut
  to 65 % then 50 % of the peak (marathon) or 60 % (shorter): Bosquet L, Montpetit J,
  Arvisais D, Mujika I. "Effects of tapering on performance: a meta-analysis." Med Sci
  Sports Exerc 2007;39(8):1358-1365 (a taper of about 2 weeks with volume cut by
  41-60 %, intensity kept), and at least the old advice to decrease the week before;
- ``peak``: the week before the taper;
- ``build`` and ``cutback``: the weeks before, every 4th of them a cut-back week at
  80 % of the week before it (3 weeks up, 1 down).

Planned weekly distance: from the base, each build week is (1 + g) times the last
build week, g = min(10 %, (target / base)^(1/n) - 1) over the n build weeks up to and
including the peak, so the increases stay within the steady band (up to 10 %; Nielsen
RO et al. J Orthop Sports Phys Ther 2014;44(10):739-747). Target = the larger of the
base and twice the peak long run for the distance (the long run about half the week
at most; an app default), never beyond what 10 % a week reaches.

Planned long run: the same path from the base long run to the sensible peak long run
for the distance (``peak_long_run_km``: marathon 31, half 19, 10 km 13, 5 km 9 km;
the middle of the ranges 30-32, 18-20, 12-14 and 8-10 km common plans peak at; app
defaults), at most 10 % past the longest run of the 30 days before, the rule of
Frandsen JSB et al. "How much running is too much? Identifying high-risk running
sessions in a 5200-person cohort study." Br J Sports Med 2025;59(17):1203-1210. A
cut-back week's long run is also 80 %; the next one is 10 % past the one before it.

Race week: the race itself plus easy running before it, 30 % (marathon-length) or
40 % (shorter) of the peak week, in proportion to the days before race day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from journal.analysis.pain import daily_max_by_region, weekly_pain
from journal.analysis.spikes import WINDOW_DAYS
from journal.analysis.weekly import week_start_of, weekly_totals
from journal.domain.entries import CheckIn, Run
from journal.domain.races import HALF_MARATHON_KM, MARATHON_KM, Race
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import Region

STEP = 0.10
"""Weekly distance and the long run grow by at most 10 % (Nielsen 2014; Frandsen 2025)."""
CUTBACK_EVERY = 4
"""Every 4th build week is a cut-back week (3 up, 1 down)."""
CUTBACK_SHARE = 0.8
BASE_WEEKS = 4
LONG_TAPER_FROM_KM = 30.0
"""Races of 30 km and more taper for 2 weeks before the race week; shorter ones for 1."""
TAPER_SHARES: dict[int, tuple[float, ...]] = {2: (0.65, 0.5), 1: (0.6,)}
"""Planned share of the peak week in each taper week, first to last (Bosquet et al. 2007: cut 41-60 %)."""
RACE_WEEK_EASY_SHARE: dict[int, float] = {2: 0.3, 1: 0.4}
WEEKLY_PER_LONG_RUN = 2.0
"""The peak week is at least twice the peak long run (the long run about half the week at most)."""

_PLAN_WEEKS = ((5.0, 8.0), (10.0, 10.0), (HALF_MARATHON_KM, 12.0), (MARATHON_KM, 18.0))
_PEAK_LONG = ((5.0, 8.0, 10.0), (10.0, 12.0, 14.0), (HALF_MARATHON_KM, 18.0, 20.0), (MARATHON_KM, 30.0, 32.0))
_WEEK = timedelta(days=7)


class Phase(StrEnum):
    BUILD = "build"
    CUTBACK = "cutback"
    PEAK = "peak"
    TAPER = "taper"
    RACE = "race"


def _interpolate(points: Sequence[tuple[float, ...]], x: float, column: int) -> float:
    """Linear interpolation of ``column`` over the distance in column 0, held flat beyond the ends."""
    if x <= points[0][0]:
        return points[0][column]
    for lo, hi in pairwise(points):
        if x <= hi[0]:
            t = (x - lo[0]) / (hi[0] - lo[0])
            return lo[column] + t * (hi[column] - lo[column])
    return points[-1][column]


def plan_length_weeks(distance_km: float) -> int:
    """Weeks from the start of the build to the race week: 8 (5 km) to 18 (marathon and beyond)."""
    return round(_interpolate(_PLAN_WEEKS, distance_km, 1))


def peak_long_run_range_km(distance_km: float) -> tuple[float, float]:
    """The range a build's longest run usually peaks in: 8-10 km (5 km) to 30-32 km (marathon and beyond)."""
    return _interpolate(_PEAK_LONG, distance_km, 1), _interpolate(_PEAK_LONG, distance_km, 2)


def peak_long_run_km(distance_km: float) -> float:
    """The planned peak long run: the middle of ``peak_long_run_range_km``."""
    low, high = peak_long_run_range_km(distance_km)
    return (low + high) / 2


def taper_weeks(distance_km: float) -> int:
    return 2 if distance_km >= LONG_TAPER_FROM_KM else 1


@dataclass(frozen=True, slots=True)
class PlanWeek:
    """One week of the plan, planned against actual. ``actual_*`` are None for weeks still to come;
    the week holding the as-of day counts its runs so far. Pain: the mean of each logged day's worst
    score (any region) and per region, None without check-ins."""

    week_start: date
    phase: Phase
    planned_km: float
    planned_long_km: float
    actual_km: float | None
    actual_long_km: float | None
    pain: float | None = None
    pain_by_region: dict[Region, float] = field(default_factory=dict)

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)


@dataclass(frozen=True, slots=True)
class PlanFrame:
    """Where the plan stands: its weeks and the figures it was built from."""

    race: Race
    as_of: date
    weeks: tuple[PlanWeek, ...]
    build_start: date
    now_week: date
    """The week holding the as-of day."""
    race_week: date
    peak_week: date
    base_km: float
    base_long_km: float
    target_long_km: float
    first_run: date | None
    weekly_km: dict[date, float]
    """Actual metres / 1000 per week start, for every week with runs up to the as-of day (race day at most)."""
    runs: tuple[Run, ...]
    """The runs up to the as-of day and not after race day."""

    @property
    def taper_start(self) -> date:
        return self.peak_week + _WEEK

    def phase_weeks(self, *phases: Phase) -> list[PlanWeek]:
        return [w for w in self.weeks if w.phase in phases]

    def started(self, week: PlanWeek) -> bool:
        return week.week_start <= self.as_of


def _weeks_between(first: date, last: date) -> list[date]:
    out, week = [], first
    while week <= last:
        out.append(week)
        week += _WEEK
    return out


def phase_of(offset: int, index: int, taper: int) -> Phase:
    """The phase of the week ``offset`` weeks from the race week (negative: before), ``index`` from the build start."""
    if offset == 0:
        return Phase.RACE
    if offset >= -taper:
        return Phase.TAPER
    if offset == -taper - 1:
        return Phase.PEAK
    return Phase.CUTBACK if (index + 1) % CUTBACK_EVERY == 0 else Phase.BUILD


def growth(start: float, target: float, steps: int) -> float:
    """The even weekly growth from ``start`` to ``target`` over ``steps`` weeks, at most 10 % (0 when flat)."""
    if start <= 0 or steps <= 0 or target <= start:
        return 0.0
    return min(STEP, float((target / start) ** (1.0 / steps)) - 1.0)


def longest_before(runs: Sequence[Run], day: date, days: int = WINDOW_DAYS) -> float:
    """The longest single run (km) on the ``days`` days before ``day`` (``day`` itself not counted)."""
    lo = day - timedelta(days=days)
    return max((r.distance_m / 1000.0 for r in runs if lo <= r.day < day), default=0.0)


def build_frame(
    race: Race, runs: Sequence[Run], checkins: Sequence[CheckIn], as_of: date, week_start: WeekStart
) -> PlanFrame:
    """The plan's weeks from the build start to the race week, planned against actual (see the module docstring)."""
    last_day = min(as_of, race.day)
    kept = tuple(r for r in runs if r.day <= last_day)
    race_week = week_start_of(race.day, week_start)
    now_week = week_start_of(as_of, week_start)
    first_run = min((r.day for r in kept), default=None)
    build_start = race_week - plan_length_weeks(race.distance_km) * _WEEK
    if first_run is not None:
        build_start = max(build_start, week_start_of(first_run, week_start) + _WEEK)
    else:
        build_start = max(build_start, now_week)
    build_start = min(build_start, race_week)
    totals, _counts = weekly_totals(kept, week_start)
    weekly_km = {w: m / 1000.0 for w, m in totals.items()}

    base_end = min(build_start, now_week)  # complete weeks only
    base_weeks = _weeks_between(base_end - BASE_WEEKS * _WEEK, base_end - _WEEK)
    if first_run is not None:
        base_weeks = [w for w in base_weeks if w >= week_start_of(first_run, week_start)]
    base_km = sum(weekly_km.get(w, 0.0) for w in base_weeks) / len(base_weeks) if base_weeks else 0.0
    base_long_km = longest_before(kept, base_end)

    taper = taper_weeks(race.distance_km)
    peak_week = race_week - (taper + 1) * _WEEK
    weeks = _weeks_between(build_start, race_week)
    phases = [phase_of((w - race_week).days // 7, i, taper) for i, w in enumerate(weeks)]
    climbing = sum(1 for p in phases if p in (Phase.BUILD, Phase.PEAK))
    long_mid = peak_long_run_km(race.distance_km)
    target_long = max(base_long_km, min(long_mid, base_long_km * (1 + STEP) ** climbing))
    target_km = max(base_km, min(WEEKLY_PER_LONG_RUN * long_mid, base_km * (1 + STEP) ** climbing))
    g, g_long = growth(base_km, target_km, climbing), growth(base_long_km, target_long, climbing)

    pain = weekly_pain(
        daily_max_by_region(c for c in checkins if c.day < race.day and c.day <= as_of), week_start, weeks
    )
    level, long_level, done, peak_km, peak_long, tapered = base_km, base_long_km, 0, base_km, base_long_km, 0
    out: list[PlanWeek] = []
    for week, phase in zip(weeks, phases, strict=True):
        if phase in (Phase.BUILD, Phase.PEAK):
            done += 1
            level, long_level = base_km * (1 + g) ** done, base_long_km * (1 + g_long) ** done
            planned, planned_long = level, long_level
            peak_km, peak_long = level, long_level
        elif phase is Phase.CUTBACK:
            planned, planned_long = CUTBACK_SHARE * level, CUTBACK_SHARE * long_level
        elif phase is Phase.TAPER:
            share = TAPER_SHARES[taper][tapered]
            tapered += 1
            planned, planned_long = share * peak_km, share * peak_long
        else:
            days_before = (race.day - race_week).days
            planned = race.distance_km + RACE_WEEK_EASY_SHARE[taper] * peak_km * days_before / 7
            planned_long = race.distance_km
        started = week <= as_of
        in_week = [r.distance_m / 1000.0 for r in kept if week <= r.day < week + _WEEK] if started else []
        week_pain = pain[week]
        out.append(
            PlanWeek(
                week_start=week,
                phase=phase,
                planned_km=round(planned, 1),
                planned_long_km=round(planned_long, 1),
                actual_km=round(weekly_km.get(week, 0.0), 2) if started else None,
                actual_long_km=round(max(in_week, default=0.0), 2) if started else None,
                pain=week_pain.mean_any,
                pain_by_region=dict(week_pain.mean),
            )
        )
    return PlanFrame(
        race=race,
        as_of=as_of,
        weeks=tuple(out),
        build_start=build_start,
        now_week=now_week,
        race_week=race_week,
        peak_week=peak_week,
        base_km=base_km,
        base_long_km=base_long_km,
        target_long_km=target_long,
        first_run=first_run,
        weekly_km=weekly_km,
        runs=kept,
    )
