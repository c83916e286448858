"""The report's per-region pain summary: the figures a clinician reads on page 1.

Everything is counted per day, on each region's daily maximum (the highest score
the region was given on any check-in that day; ``journal.analysis.pain``), so
three check-ins on a bad day count once:

- average: mean of the daily maxima over the days the region was scored;
- worst: the highest daily maximum, with its (first) day;
- most recent: the daily maximum of the last day the region was scored;
- days with pain: days whose daily maximum is 1 or more;
  pain-free days: days the region was scored 0 all day;
- trend: mean of the last 3 scored days minus mean of the first 3 (fewer when the
  region was scored on fewer than 6 days: half of them each side); ``worse`` at
  +2 or more, ``better`` at -2 or less, otherwise ``same`` - 2 points is the
  smallest change that matters to a person on the 0-10 scale (Farrar JT et al.,
  Pain 2001;94:149-158), the same step the flag rules use; ``unknown`` with fewer
  than 2 scored days;
- when it hurts: on how many days with pain each timing was recorded;
- spreads: on how many days with pain the pain spread, and where.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from journal.analysis.pain import daily_max_by_region
from journal.domain.entries import CheckIn
from journal.domain.vocabulary import Radiates, Region, Timing, WarningSign

TREND_STEP = 2.0
"""Points on the 0-10 scale for a change to count (Farrar et al. 2001)."""
TREND_DAYS = 3


class Trend(StrEnum):
    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class RegionSummary:
    """One region over the report's period."""

    region: Region
    days_scored: int
    average: float
    worst: int
    worst_day: date
    latest: int
    latest_day: date
    days_with_pain: int
    pain_free_days: int
    trend: Trend
    trend_change: float | None
    timing: tuple[tuple[Timing, int], ...]
    spreads: tuple[tuple[Radiates, int], ...]
    daily: tuple[tuple[date, int], ...]
    """Each scored day and its daily maximum, oldest first (for the chart)."""


@dataclass(frozen=True, slots=True)
class PainOverview:
    """All regions, plus the check-in days and the days pain-free everywhere."""

    checkin_days: int
    pain_free_days: int
    regions: tuple[RegionSummary, ...]
    """Regions that hurt (a score of 1 or more) at least once, most painful first."""
    quiet_regions: tuple[Region, ...]
    """Regions scored only 0 in the period."""
    warning_signs: tuple[tuple[WarningSign, tuple[date, ...]], ...]
    interference: tuple[tuple[date, int], ...] = ()
    """How much pain got in the way of usual activities (0-10, the PEG activity item), the day's highest
    answer on each day it was answered, oldest first."""


def trend_of(scores: Sequence[int]) -> tuple[Trend, float | None]:
    """Mean of the last 3 scored days minus mean of the first 3 (half each side under 6 days)."""
    n = min(TREND_DAYS, len(scores) // 2)
    if n < 1:
        return Trend.UNKNOWN, None
    change = round(sum(scores[-n:]) / n - sum(scores[:n]) / n, 6)
    if change >= TREND_STEP:
        return Trend.WORSE, change
    if change <= -TREND_STEP:
        return Trend.BETTER, change
    return Trend.SAME, change


def _region_summary(region: Region, daily: dict[date, int], checkins: Sequence[CheckIn]) -> RegionSummary:
    days = sorted(daily)
    scores = [daily[d] for d in days]
    worst = max(scores)
    trend, change = trend_of(scores)
    timing: dict[Timing, set[date]] = {}
    spreads: dict[Radiates, set[date]] = {}
    for c in checkins:
        for s in c.scores:
            if s.region is not region or s.score <= 0:
                continue
            if s.timing is not None:
                timing.setdefault(s.timing, set()).add(c.day)
            if s.radiates is not None and s.radiates is not Radiates.NONE:
                spreads.setdefault(s.radiates, set()).add(c.day)
    return RegionSummary(
        region=region,
        days_scored=len(days),
        average=sum(scores) / len(scores),
        worst=worst,
        worst_day=days[scores.index(worst)],
        latest=scores[-1],
        latest_day=days[-1],
        days_with_pain=sum(1 for v in scores if v > 0),
        pain_free_days=sum(1 for v in scores if v == 0),
        trend=trend,
        trend_change=change,
        timing=tuple((t, len(timing[t])) for t in Timing if t in timing),
        spreads=tuple((r, len(spreads[r])) for r in Radiates if r in spreads),
        daily=tuple(zip(days, scores, strict=True)),
    )


def pain_overview(checkins: Sequence[CheckIn]) -> PainOverview:
    """The per-region summary of ``checkins`` (already limited to the report's period)."""
    by_day = daily_max_by_region(checkins)
    per_region: dict[Region, dict[date, int]] = {}
    for day, scores in by_day.items():
        for region, score in scores.items():
            per_region.setdefault(region, {})[day] = score
    summaries = [_region_summary(r, per_region[r], checkins) for r in Region if r in per_region]
    hurting = sorted((s for s in summaries if s.worst > 0), key=lambda s: (-s.average, -s.worst))
    quiet = tuple(s.region for s in summaries if s.worst == 0)
    signs: dict[WarningSign, set[date]] = {}
    for c in checkins:
        for w in c.warning_signs:
            signs.setdefault(w, set()).add(c.day)
    checkin_days = {c.day for c in checkins}
    interference: dict[date, int] = {}
    for c in checkins:
        if c.interference is not None:
            interference[c.day] = max(interference.get(c.day, 0), c.interference)
    return PainOverview(
        checkin_days=len(checkin_days),
        pain_free_days=sum(1 for scores in by_day.values() if scores and max(scores.values()) == 0),
        regions=tuple(hurting),
        quiet_regions=quiet,
        warning_signs=tuple((w, tuple(sorted(signs[w]))) for w in WarningSign if w in signs),
        interference=tuple(sorted(interference.items())),
    )
