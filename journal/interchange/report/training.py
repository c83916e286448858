"""The report's training context: weekly distance, biggest jumps and spikes, the acute:chronic ratio now.

The figures come from ``journal.analysis`` (issue 3), whose docstrings give the
formulas and sources: weekly distance and change bands (Nielsen et al. 2014),
single-run spikes against the longest run of the 30 days before (Frandsen et al.
2025), and the acute:chronic ratio on daily distance (rolling and EWMA; Gabbett
2016's zones, which are debated). This module only picks what page 1 shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from journal.analysis.load import distance_km, load_series, zone
from journal.analysis.spikes import Spike, biggest_spikes, single_run_spikes
from journal.analysis.weekly import Band, WeekDistance, weekly_distances
from journal.domain.entries import Run
from journal.domain.settings import WeekStart

TOP = 3
"""How many jumps and spikes page 1 lists."""


@dataclass(frozen=True, slots=True)
class TrainingContext:
    """Running in the period, and the load figures as of its last day."""

    weeks: tuple[WeekDistance, ...]
    runs: int
    distance_m: float
    longest: Run | None
    jumps: tuple[WeekDistance, ...]
    """The biggest week-over-week rises over 10 % (``caution`` or ``big_jump``), largest first."""
    spikes: tuple[Spike, ...]
    """The biggest single-run spikes (over 10 %), largest first."""
    spike_count: int
    acwr_rolling: float | None
    acwr_ewma: float | None
    acwr_zone: str | None
    """``low``, ``sweet_spot``, ``between`` or ``high`` for the rolling ratio (Gabbett 2016; debated)."""
    as_of: date
    run_days: tuple[tuple[date, float], ...] = ()
    """Each run in the period: its day and metres (for the charts)."""
    spike_days: tuple[date, ...] = ()
    """The day of every spike run in the period (for the charts)."""
    stopped: tuple[Run, ...] = ()
    """Runs in the period marked "stopped for pain", oldest first."""

    @property
    def weeks_count(self) -> int:
        return len(self.weeks)

    @property
    def distance_per_week_m(self) -> float:
        return self.distance_m / len(self.weeks) if self.weeks else 0.0


def training_context(
    all_runs: Sequence[Run], start: date, end: date, week_start: WeekStart, top: int = TOP
) -> TrainingContext:
    """The context of the period ``start``..``end``; ``all_runs`` may (and should) reach back before it.

    The runs before ``start`` give the first week its previous week, the spikes their
    30-day look-back and the ratio its 28-day chronic window.
    """
    runs = [r for r in all_runs if r.day <= end]
    in_period = [r for r in runs if r.day >= start]
    weeks = weekly_distances(runs, week_start, first=start, last=end, as_of=end)
    rises = [w for w in weeks if w.band in (Band.CAUTION, Band.BIG_JUMP) and w.change_pct is not None]
    jumps = tuple(sorted(rises, key=lambda w: w.change_pct or 0.0, reverse=True)[:top])
    spikes = single_run_spikes(runs, start, end)
    series = load_series(runs, distance_km, end) if runs else None
    today = series.at(end) if series is not None else None
    rolling = today.ratio_rolling if today else None
    return TrainingContext(
        weeks=weeks,
        runs=len(in_period),
        distance_m=sum(r.distance_m for r in in_period),
        longest=max(in_period, key=lambda r: r.distance_m, default=None),
        jumps=jumps,
        spikes=biggest_spikes(spikes, top),
        spike_count=len(spikes),
        acwr_rolling=rolling,
        acwr_ewma=today.ratio_ewma if today else None,
        acwr_zone=zone(rolling),
        as_of=end,
        run_days=tuple((r.day, r.distance_m) for r in in_period),
        spike_days=tuple(s.day for s in spikes),
        stopped=tuple(r for r in in_period if r.stopped_for_pain),
    )
