"""Single-run spikes: a run far longer than the longest run of the month before it.

Spike (%) = (d - L) / L x 100, where d is the run's distance and L the longest single
run on the 30 calendar days before the run's day (days d-30 to d-1; runs earlier on
the same day do not count). A run with no run in those 30 days has no spike figure.

Bands, after Frandsen JSB, Hulme A, Parner ET, Møller M, Ramskov D, Nielsen RO, et al.
"How much running is too much? Identifying high-risk running sessions in a 5200-person
cohort study" (Br J Sports Med 2025;59(17):1203-10), in which a single run over 10 %
longer than the longest run of the previous 30 days predicted injury better than the
weekly change:

- ``10-30``: over 10 % up to and including 30 %;
- ``30-100``: over 30 % up to and including 100 %;
- ``over_100``: over 100 % (more than twice the longest run).

Runs at or under 10 % are not spikes and are not listed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from journal.domain.entries import Run

WINDOW_DAYS = 30
"""The look-back of Frandsen et al. (2025): the 30 days before the run."""
SPIKE_MIN_PCT = 10.0
_DIGITS = 9


class SpikeBand(StrEnum):
    """How far a run went past the month's longest; the value is the JSON identifier."""

    OVER_10 = "10-30"
    OVER_30 = "30-100"
    OVER_100 = "over_100"

    @property
    def label(self) -> str:
        return {"10-30": "10-30 % longer", "30-100": "30-100 % longer", "over_100": "over twice as long"}[self.value]


def spike_band(pct: float | None) -> SpikeBand | None:
    """The band of a spike percentage; None at or under 10 % (not a spike) or when undefined."""
    if pct is None:
        return None
    pct = round(pct, _DIGITS)
    if pct <= SPIKE_MIN_PCT:
        return None
    if pct <= 30.0:
        return SpikeBand.OVER_10
    if pct <= 100.0:
        return SpikeBand.OVER_30
    return SpikeBand.OVER_100


@dataclass(frozen=True, slots=True)
class Spike:
    """A run over 10 % longer than the longest run in the 30 days before it."""

    started_at: datetime
    distance_m: float
    longest_prior_m: float
    spike_pct: float
    band: SpikeBand
    run_id: int | None = None

    @property
    def day(self) -> date:
        return self.started_at.date()


def longest_prior(runs: Iterable[Run], window_days: int = WINDOW_DAYS) -> dict[date, float | None]:
    """For each day with a run: the longest single run on the ``window_days`` days before it (None if none).

    A sliding-window maximum over the days in order (monotonic deque), so the whole
    journal takes one pass rather than a 30-day scan per run.
    """
    longest_by_day: dict[date, float] = {}
    for run in runs:
        day = run.started_at.date()
        if run.distance_m > longest_by_day.get(day, 0.0):
            longest_by_day[day] = run.distance_m
    days = sorted(longest_by_day)
    window: deque[tuple[date, float]] = deque()  # distances strictly decreasing front to back
    out: dict[date, float | None] = {}
    span = timedelta(days=window_days)
    for i, day in enumerate(days):
        if i:
            prev_day = days[i - 1]
            prev = longest_by_day[prev_day]
            while window and window[-1][1] <= prev:
                window.pop()
            window.append((prev_day, prev))
        oldest = day - span
        while window and window[0][0] < oldest:
            window.popleft()
        out[day] = window[0][1] if window else None
    return out


def single_run_spikes(
    runs: Sequence[Run],
    start: date | None = None,
    end: date | None = None,
) -> tuple[Spike, ...]:
    """Every run between ``start`` and ``end`` (inclusive) over 10 % longer than the prior 30 days' longest.

    Runs before ``start`` still count as the look-back of runs in the range.
    """
    if end is not None:
        runs = [r for r in runs if r.started_at.date() <= end]
    prior = longest_prior(runs)
    spikes: list[Spike] = []
    for run in sorted(runs, key=lambda r: r.started_at):
        day = run.started_at.date()
        if start is not None and day < start:
            continue
        longest = prior[day]
        if not longest:
            continue
        pct = round((run.distance_m - longest) / longest * 100.0, _DIGITS)
        band = spike_band(pct)
        if band is not None:
            spikes.append(Spike(run.started_at, run.distance_m, longest, pct, band, run.id))
    return tuple(spikes)


def spikes_over(spikes: Iterable[Spike], pct: float) -> tuple[Spike, ...]:
    """The spikes over ``pct`` per cent (e.g. 30 for the flags' 'over 30 %')."""
    return tuple(s for s in spikes if round(s.spike_pct, _DIGITS) > pct)


def biggest_spikes(spikes: Iterable[Spike], count: int = 5) -> tuple[Spike, ...]:
    """The ``count`` largest spikes, largest first."""
    return tuple(sorted(spikes, key=lambda s: s.spike_pct, reverse=True)[:count])
