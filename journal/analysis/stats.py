"""All the training-load and pain figures of a period in one call: ``compute_stats``.

The figures and their sources are documented where they are computed:
``weekly`` (weekly distance and change, Nielsen et al. 2014), ``spikes`` (single-run
spikes, Frandsen et al. 2025), ``load`` (ACWR rolling and EWMA, Williams et al. 2017,
Gabbett 2016; monotony and strain, Foster 1998), ``pain`` (pain per region),
``correlation`` (pain after jumps, Spearman) and ``factors`` (next-day pain by factor).

The period: ``start`` and ``end`` choose what is shown; entries before ``start`` still
serve as history (the week before the first week, the 30 days before a run, the 28
days of chronic load), and entries after ``end`` are never used, so the figures are
those the runner would have seen on ``end``. Only the ``HISTORY_DAYS`` (365) before the
first week shown are read: they hold all of that history, and the EWMA loads started
there differ from those started at the first run by under a 10^-11 th
(``load.EWMA_WARMUP_DAYS``). So a caller may pass just those days (``reads_from``) with
the journal's first run (``first_run``), and a six-month view costs the same on a
journal of one year or of thirty. Weeks are whole calendar weeks (from
``Settings.week_start``): the first week shown is the one holding ``start``, the last
the one holding ``end``, counted up to ``end``.

Plain Python on purpose: importing numpy would cost more than the whole computation
on a 10-year journal (see journal/devtools/benchmarks/analysis.py).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from journal.analysis.correlation import Correlation, pain_after_jumps
from journal.analysis.factors import FactorRow, factor_table
from journal.analysis.load import (
    EWMA_WARMUP_DAYS,
    LoadDay,
    LoadSeries,
    acute_chronic,
    daily_totals,
    distance_km,
    monotony_and_strain,
    session_load,
)
from journal.analysis.pain import (
    DailyPain,
    PainSeries,
    daily_max_by_region,
    most_painful_in,
    region_series,
    rolling_mean,
    weekly_pain,
)
from journal.analysis.spikes import Spike, single_run_spikes
from journal.analysis.weekly import Band, weekly_distances
from journal.domain.entries import JournalData, Run
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import Region


@dataclass(frozen=True, slots=True)
class WeekRow:
    """Everything about one calendar week.

    ``monotony``/``strain`` are on daily distance in km (strain in km); the ``load_``
    figures on session load (effort x minutes, arbitrary units), None without efforts.
    The ACWR figures are those of the week's last day (or ``end`` in a week in progress).
    """

    week_start: date
    distance_m: float
    run_count: int
    change_pct: float | None
    band: Band | None
    acwr_rolling: float | None
    acwr_ewma: float | None
    monotony: float | None
    strain: float | None
    session_load: float
    load_acwr_rolling: float | None
    load_acwr_ewma: float | None
    load_monotony: float | None
    load_strain: float | None
    mean_pain: Mapping[Region, float]
    max_pain: Mapping[Region, int]
    pain_free_days: int
    days_logged: int
    complete: bool = True
    """False for the week still under way on ``end``: its figures are "so far" and it has no change figure."""

    @property
    def week_end(self) -> date:
        return self.week_start + timedelta(days=6)

    @property
    def distance_km(self) -> float:
        return self.distance_m / 1000.0


@dataclass(frozen=True, slots=True)
class Stats:
    """The figures of one period. Empty (no weeks) for a journal without entries in it."""

    week_start: WeekStart
    start: date | None
    end: date | None
    weeks: tuple[WeekRow, ...]
    spikes: tuple[Spike, ...]
    distance_load: LoadSeries | None
    session_load: LoadSeries | None
    pain: Mapping[Region, PainSeries]
    region: Region | None
    correlation: Correlation
    factors: tuple[FactorRow, ...]
    runs: tuple[Run, ...]
    interference: PainSeries | None = None
    """How much pain got in the way of usual activities (0-10, the PEG activity item, Krebs et al. 2009):
    the day's highest answer and its 7-day mean, like ``pain``; None when never answered in the period."""

    @property
    def acwr_now(self) -> LoadDay | None:
        """The distance ACWR figures on ``end`` (None without history up to then)."""
        if self.distance_load is None or self.end is None:
            return None
        return self.distance_load.at(self.end)

    @property
    def big_jump_weeks(self) -> tuple[WeekRow, ...]:
        return tuple(w for w in self.weeks if w.band is Band.BIG_JUMP)

    @property
    def biggest_jumps(self) -> tuple[WeekRow, ...]:
        """Weeks with a rise in distance, largest change first."""
        rising = [w for w in self.weeks if w.change_pct is not None and w.change_pct > 0]
        return tuple(sorted(rising, key=lambda w: w.change_pct or 0.0, reverse=True))


def _ratio_at(series: LoadSeries | None, day: date) -> tuple[float | None, float | None]:
    if series is None:
        return None, None
    i = series.index(day)
    return (series.ratio_rolling[i], series.ratio_ewma[i]) if i is not None else (None, None)


def _loads(series: LoadSeries | None, first: date, days: int) -> list[float]:
    """The daily loads of ``days`` days from ``first`` (0 before the series starts)."""
    if series is None:
        return []
    i = (first - series.first_day).days
    before = max(0, -i)
    return [0.0] * min(before, days) + list(series.load[max(i, 0) : max(i + days, 0)])


HISTORY_DAYS = EWMA_WARMUP_DAYS
"""Days before the first week shown that the figures read (see the module docstring)."""


def reads_from(start: date) -> date:
    """The first day of the entries ``compute_stats`` reads for a period from ``start`` (its week, and the history)."""
    return start - timedelta(days=6 + HISTORY_DAYS)


def compute_stats(
    data: JournalData,
    week_start: WeekStart = WeekStart.MONDAY,
    start: date | None = None,
    end: date | None = None,
    lag_weeks: int = 1,
    region: Region | None = None,
    first_run: date | None = None,
    daily_series: bool = True,
    daily: DailyPain | None = None,
) -> Stats:
    """Compute every figure for the period ``start``-``end`` (inclusive).

    ``start`` defaults to the first entry's day, ``end`` to the last entry's day (pass
    today's date for figures "as of now"). ``region`` chooses the pain compared with
    jumps and in the factors; None picks the region with the most pain in the period.
    ``lag_weeks`` (0, 1 or 2) is how many weeks after a change its pain is taken. With an
    explicit ``end``, the week holding it is "so far" when it ends later (no change figure).
    ``first_run``: the journal's first run, when ``data`` holds only the days from ``reads_from(start)``
    (the 28 days of history before the first ratio count from it); default the first run in ``data``.
    ``daily_series`` False leaves out what only the charts show (``pain``, ``interference`` and ``factors``
    are empty): the weekly table of ``stats`` needs none of them. ``daily``: each day's highest score per
    region (``pain.daily_max_by_region`` of the check-ins), when the caller read that instead of the check-ins
    (``Journal.daily_pain``); ``data.checkins`` is then not used (the interference is taken from them).
    """
    as_of = end
    given = daily
    if end is None:
        end = max(
            max((r.started_at for r in data.runs), default=None) or datetime.min,
            max((c.recorded_at for c in data.checkins), default=None) or datetime.min,
            datetime.combine(max(given), time.min) if given else datetime.min,
        ).date()
        if end == datetime.min.date():
            end = None
    limit = datetime.combine(end + timedelta(days=1), time.min) if end else datetime.max
    runs = tuple(r for r in data.runs if r.started_at < limit)
    checkins = tuple(c for c in data.checkins if c.recorded_at < limit)
    if first_run is None:
        first_run = min((r.started_at for r in runs), default=datetime.max).date()
    if start is None:
        firsts = [
            x
            for x in (
                min((r.started_at for r in runs), default=None),
                min((c.recorded_at for c in checkins), default=None),
                datetime.combine(min(d for d in given if d < limit.date()), time.min)
                if given and any(d < limit.date() for d in given)
                else None,
            )
            if x is not None
        ]
        start = min(firsts).date() if firsts else None
    if start is not None:  # only the history the period reads (the module docstring)
        lo = datetime.combine(reads_from(start), time.min)
        runs = tuple(r for r in runs if r.started_at >= lo)
        checkins = tuple(c for c in checkins if c.recorded_at >= lo)
    if given is None:
        daily = daily_max_by_region(checkins)
    else:
        first_day = reads_from(start) if start is not None else date.min
        daily = {day: scores for day, scores in given.items() if first_day <= day < limit.date()}
    if start is None or end is None or start > end:
        empty = pain_after_jumps((), lambda _d: None, lag_weeks, region)
        return Stats(week_start, start, end, (), (), None, None, {}, region, empty, (), ())

    weeks = weekly_distances(runs, week_start, start, end, as_of)
    week_starts = [w.week_start for w in weeks]
    first_shown = week_starts[0]
    dist_daily = daily_totals(runs, distance_km)
    sess_daily = daily_totals(runs, session_load)
    series_from = max(first_run, first_shown - timedelta(days=HISTORY_DAYS)) if dist_daily else first_shown
    dist_series = acute_chronic(dist_daily, series_from, end, first_run) if dist_daily else None
    sess_series = acute_chronic(sess_daily, series_from, end, first_run) if sess_daily else None
    # the weeks one and two after the last one shown, for the pain after a jump (check-ins up to `end` only)
    after = [week_starts[-1] + timedelta(weeks=k) for k in (1, 2)]
    pains = weekly_pain(daily, week_start, [*week_starts, *after])

    rows: list[WeekRow] = []
    for w in weeks:
        as_of = min(w.week_end, end)
        days = (as_of - w.week_start).days + 1
        ratio, ratio_e = _ratio_at(dist_series, as_of)
        load_ratio, load_ratio_e = _ratio_at(sess_series, as_of)
        monotony, strain = monotony_and_strain(_loads(dist_series, w.week_start, days))
        sess_loads = _loads(sess_series, w.week_start, days)
        load_mono, load_strain = monotony_and_strain(sess_loads) if sess_series else (None, None)
        p = pains[w.week_start]
        rows.append(
            WeekRow(
                w.week_start,
                w.distance_m,
                w.run_count,
                w.change_pct,
                w.band,
                ratio,
                ratio_e,
                monotony,
                strain,
                math.fsum(sess_loads),
                load_ratio,
                load_ratio_e,
                load_mono,
                load_strain,
                p.mean,
                p.worst,
                p.pain_free_days,
                p.days_logged,
                w.complete,
            )
        )

    chosen = region if region is not None else most_painful_in(pains[ws] for ws in week_starts)

    def week_mean(ws: date) -> float | None:
        p = pains.get(ws)
        return None if p is None else p.mean_of(chosen)

    correlation = pain_after_jumps(weeks, week_mean, lag_weeks, chosen)
    pain = {
        r: region_series(daily, r, first_shown, end)
        for r in Region
        if daily_series and any(r in scores for scores in daily.values())
    }
    interference: dict[date, int] = {}
    for c in checkins if daily_series else ():
        if c.interference is not None:
            interference[c.day] = max(interference.get(c.day, 0), c.interference)
    shown_from = datetime.combine(first_shown, time.min)
    runs_shown = tuple(r for r in runs if r.started_at >= shown_from)
    factors = factor_table(runs_shown, daily, data.care, week_start, chosen) if daily_series else ()
    return Stats(
        week_start=week_start,
        start=first_shown,
        end=end,
        weeks=tuple(rows),
        spikes=single_run_spikes(runs, first_shown, end),
        distance_load=dist_series.between(first_shown, end) if dist_series else None,
        session_load=sess_series.between(first_shown, end) if sess_series else None,
        pain=pain,
        region=chosen,
        correlation=correlation,
        factors=factors,
        runs=runs_shown,
        interference=rolling_mean(interference, first_shown, end)
        if any(d >= first_shown for d in interference)
        else None,
    )
