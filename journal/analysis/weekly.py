"""Weekly distance and the week-over-week change, banded as Nielsen et al. (2014) grouped runners.

Weekly distance W_t is the sum of the distances of the runs whose day falls in the
calendar week t; the week begins on the day the journal's ``Settings.week_start``
names. Weeks with no running count as 0.

Week-over-week change (%) = (W_t - W_t-1) / W_t-1 x 100. It is undefined (None)
when the previous week is 0 km: a first week, or the week after a week off; and for a
week still under way on the last day counted (``complete`` False): its distance so far
is not a week's distance, and a clinician would read "-100 %" as a sudden stop.

Bands (Nielsen RO, Parner ET, Nohr EA, et al. "Excessive progression in weekly
running distance and risk of running-related injuries: an association which
varies according to type of injury." J Orthop Sports Phys Ther 2014;44(10):739-747;
they grouped runners at 10 % and 30 % progression):

- ``steady``: change up to and including 10 % (falls included);
- ``caution``: over 10 % up to and including 30 %;
- ``big_jump``: over 30 %.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from journal.domain.entries import Run
from journal.domain.settings import WeekStart

STEADY_MAX_PCT = 10.0
"""A change up to and including this is ``steady`` (Nielsen et al. 2014)."""
CAUTION_MAX_PCT = 30.0
"""A change over 10 % up to and including this is ``caution``; above it ``big_jump`` (Nielsen et al. 2014)."""

_ONE_WEEK = timedelta(days=7)
_DIGITS = 9
"""Changes are rounded to 9 decimals before banding, so 10 % computed in floating point is exactly 10 %."""


class Band(StrEnum):
    """The week-over-week change band; the value is the stable identifier used in JSON."""

    STEADY = "steady"
    CAUTION = "caution"
    BIG_JUMP = "big_jump"

    @property
    def label(self) -> str:
        return {"steady": "Steady (up to 10 %)", "caution": "Caution (10-30 %)", "big_jump": "Big jump (over 30 %)"}[
            self.value
        ]


def week_start_of(day: date, week_start: WeekStart) -> date:
    """The first day of the calendar week holding ``day``."""
    return day - timedelta(days=(day.weekday() - week_start.weekday) % 7)


def change_pct(previous: float, current: float) -> float | None:
    """(current - previous) / previous x 100; None when ``previous`` is 0 (no change figure is defined)."""
    if previous <= 0:
        return None
    return round((current - previous) / previous * 100.0, _DIGITS)


def band_for_change(pct: float | None) -> Band | None:
    """``steady`` up to 10 %, ``caution`` over 10 up to 30 %, ``big_jump`` over 30 %; None without a change."""
    if pct is None:
        return None
    pct = round(pct, _DIGITS)
    if pct <= STEADY_MAX_PCT:
        return Band.STEADY
    if pct <= CAUTION_MAX_PCT:
        return Band.CAUTION
    return Band.BIG_JUMP


@dataclass(frozen=True, slots=True)
class WeekDistance:
    """One calendar week's running: total metres, runs, the change against the week before and its band."""

    week_start: date
    distance_m: float
    run_count: int
    change_pct: float | None
    band: Band | None
    complete: bool = True
    """False for the week holding the last day counted when that day is not the week's last: "so far"."""

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)

    @property
    def distance_km(self) -> float:
        return self.distance_m / 1000.0


def weekly_totals(runs: Iterable[Run], week_start: WeekStart) -> tuple[dict[date, float], dict[date, int]]:
    """Metres and run counts per week start, for the weeks that have runs."""
    totals: dict[date, float] = {}
    counts: dict[date, int] = {}
    offset = week_start.weekday
    for run in runs:
        day = run.day
        ws = day - timedelta(days=(day.weekday() - offset) % 7)
        totals[ws] = totals.get(ws, 0.0) + run.distance_m
        counts[ws] = counts.get(ws, 0) + 1
    return totals, counts


def weekly_distances(
    runs: Sequence[Run],
    week_start: WeekStart,
    first: date | None = None,
    last: date | None = None,
    as_of: date | None = None,
) -> tuple[WeekDistance, ...]:
    """Every calendar week from the one holding ``first`` to the one holding ``last``, zeros included.

    ``first`` defaults to the first run's day, ``last`` to the last run's day. Runs after
    ``last`` are ignored (a week that holds ``last`` is counted up to ``last``); runs before
    ``first`` still give the first week its previous week, so its change is defined when
    the runner ran the week before. ``as_of`` is the day the figures are judged on (today,
    or a report's last day): a week that ends after it is still under way, not
    ``complete``, and has no change figure.
    """
    offset = week_start.weekday
    totals: dict[date, float] = {}
    counts: dict[date, int] = {}
    lo = hi = None
    for run in runs:
        day = run.started_at.date()
        if last is not None and day > last:
            continue
        if lo is None or day < lo:
            lo = day
        if hi is None or day > hi:
            hi = day
        ws = day - timedelta(days=(day.weekday() - offset) % 7)
        totals[ws] = totals.get(ws, 0.0) + run.distance_m
        counts[ws] = counts.get(ws, 0) + 1
    first = first or lo
    last = last or hi
    if first is None or last is None:
        return ()
    first_week = week_start_of(first, week_start)
    last_week = week_start_of(last, week_start)
    rows: list[WeekDistance] = []
    week = first_week
    while week <= last_week:
        current = totals.get(week, 0.0)
        complete = as_of is None or as_of >= week + timedelta(days=6)
        pct = change_pct(totals.get(week - _ONE_WEEK, 0.0), current) if complete else None
        rows.append(WeekDistance(week, current, counts.get(week, 0), pct, band_for_change(pct), complete))
        week += _ONE_WEEK
    return tuple(rows)


def big_jumps(weeks: Iterable[WeekDistance]) -> tuple[WeekDistance, ...]:
    """The weeks whose distance rose by over 30 % on the week before (``big_jump``)."""
    return tuple(w for w in weeks if w.band is Band.BIG_JUMP)
