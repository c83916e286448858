"""Training load: the acute:chronic workload ratio, monotony and strain.

Two daily loads are used: the day's running distance (km), and the session load
(Foster C. "Monitoring training in athletes with reference to overtraining
syndrome." Med Sci Sports Exerc 1998;30(7):1164-1168): effort on the CR-10 scale x
duration in minutes, summed over the day's runs. Runs without effort or duration add
no session load. Days without a run have load 0.

Acute:chronic workload ratio (ACWR), two forms:

- rolling: acute = sum of the last 7 days (the day included), chronic = sum of the
  last 28 days / 4 (a weekly average), ratio = acute / chronic;
- exponentially weighted (Williams S, West S, Cross MJ, Stokes KA. "Better way to
  determine the acute:chronic workload ratio?" Br J Sports Med 2017;51(3):209-210):
  EWMA_today = lambda x load_today + (1 - lambda) x EWMA_yesterday with
  lambda = 2 / (N + 1), N = 7 days (acute) and 28 days (chronic); both start at the
  first day's load (the ``adjust=False`` convention of pandas); ratio = acute / chronic.

No ratio is given before 28 days of history (counted from the first run), nor when
the chronic load is 0. A series may start later than the first run (``history_start``):
the EWMA then starts at that day's load, and its difference from the EWMA started at
the first run shrinks by 27/29 a day (1 - lambda of the chronic EWMA): after
``EWMA_WARMUP_DAYS`` (365) it is under a 10^-11 th of the first difference, so a
period's figures need only the year before it (``journal.analysis.stats``). Gabbett TJ ("The training-injury prevention paradox: should
athletes be training smarter and harder?" Br J Sports Med 2016;50(5):273-280)
described 0.8-1.3 as a 'sweet spot' and over 1.5 as a 'danger zone'; these cut-offs
are debated (e.g. Impellizzeri et al. 2020), and the UI says so.

Monotony and strain per week (Foster 1998): monotony = mean daily load / standard
deviation of the daily loads over the 7 days of the week (population SD, rest days
as 0); strain = weekly load x monotony. Undefined when the SD is 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from journal.domain.entries import Run

ACUTE_DAYS = 7
CHRONIC_DAYS = 28
MIN_HISTORY_DAYS = 28
"""No ratio before 28 days of history: the chronic window must be full."""
SWEET_SPOT = (0.8, 1.3)
"""Gabbett 2016's 'sweet spot'; debated."""
DANGER_ABOVE = 1.5
"""Gabbett 2016's 'danger zone' starts above this; debated."""
EWMA_WARMUP_DAYS = 365
"""Days of history an EWMA series is started before the first day it is shown: (27/29)^365 < 10^-11."""


def ewma_lambda(days: int) -> float:
    """lambda = 2 / (N + 1) (Williams et al. 2017)."""
    return 2.0 / (days + 1)


def daily_totals(runs: Iterable[Run], value: Callable[[Run], float | None]) -> dict[date, float]:
    """Sum of ``value(run)`` per day; runs for which it is None add nothing."""
    out: dict[date, float] = {}
    for run in runs:
        v = value(run)
        if v is not None:
            day = run.day
            out[day] = out.get(day, 0.0) + v
    return out


def distance_km(run: Run) -> float:
    return run.distance_m / 1000.0


def session_load(run: Run) -> float | None:
    """Effort x minutes (Foster 1998); None without both."""
    return run.session_load


@dataclass(frozen=True, slots=True)
class LoadDay:
    """One day of a load series."""

    day: date
    load: float
    acute: float
    chronic: float
    ratio_rolling: float | None
    acute_ewma: float
    chronic_ewma: float
    ratio_ewma: float | None


@dataclass(frozen=True, slots=True)
class LoadSeries:
    """A daily load series with both ACWR forms, as columns over consecutive days from ``first_day``."""

    first_day: date
    load: tuple[float, ...]
    acute: tuple[float, ...]
    chronic: tuple[float, ...]
    ratio_rolling: tuple[float | None, ...]
    acute_ewma: tuple[float, ...]
    chronic_ewma: tuple[float, ...]
    ratio_ewma: tuple[float | None, ...]

    def __len__(self) -> int:
        return len(self.load)

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=len(self.load) - 1)

    @property
    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=i) for i in range(len(self.load))]

    def index(self, day: date) -> int | None:
        i = (day - self.first_day).days
        return i if 0 <= i < len(self.load) else None

    def at(self, day: date) -> LoadDay | None:
        """The figures of ``day``, or None outside the series."""
        i = self.index(day)
        if i is None:
            return None
        return LoadDay(
            day,
            self.load[i],
            self.acute[i],
            self.chronic[i],
            self.ratio_rolling[i],
            self.acute_ewma[i],
            self.chronic_ewma[i],
            self.ratio_ewma[i],
        )

    def between(self, start: date | None, end: date | None) -> LoadSeries:
        """The part of the series from ``start`` to ``end`` (inclusive)."""
        lo = 0 if start is None else max(0, (start - self.first_day).days)
        hi = len(self.load) if end is None else max(lo, min(len(self.load), (end - self.first_day).days + 1))
        return LoadSeries(
            self.first_day + timedelta(days=lo),
            self.load[lo:hi],
            self.acute[lo:hi],
            self.chronic[lo:hi],
            self.ratio_rolling[lo:hi],
            self.acute_ewma[lo:hi],
            self.chronic_ewma[lo:hi],
            self.ratio_ewma[lo:hi],
        )


def _clamp(value: float) -> float:
    """Window sums from differences of prefix sums can be -1e-15 instead of 0; clamp those."""
    return value if value > 1e-9 else 0.0


def acute_chronic(
    daily: Mapping[date, float], first_day: date, last_day: date, history_start: date | None = None
) -> LoadSeries:
    """Both ACWR forms for every day from ``first_day`` to ``last_day``.

    Rolling: acute_t = sum(load[t-6..t]), chronic_t = sum(load[t-27..t]) / 4, ratio = acute / chronic.
    EWMA (Williams et al. 2017): e_t = lambda x load_t + (1 - lambda) x e_t-1, lambda = 2/(N+1), e_0 = load_0.
    The ratio is None on the first 27 days of history (from ``history_start``, the first run; default
    ``first_day``) and when chronic is 0. ``daily`` must hold the 27 days before ``first_day`` when it is
    after ``history_start``.
    """
    n = (last_day - first_day).days + 1
    if n <= 0:
        return LoadSeries(first_day, (), (), (), (), (), (), ())
    lead = 0 if history_start is None else max(0, min(CHRONIC_DAYS - 1, (first_day - history_start).days))
    origin = first_day.toordinal() - lead  # the days before first_day that its rolling sums need
    loads = [0.0] * (n + lead)
    for day, value in daily.items():
        i = day.toordinal() - origin
        if 0 <= i < n + lead:
            loads[i] += value
    la, lc = ewma_lambda(ACUTE_DAYS), ewma_lambda(CHRONIC_DAYS)
    # window sums from prefix sums (fsum-free but exact enough: loads are km or effort x minutes)
    prefix = [0.0, *accumulate(loads)]
    acute = [_clamp(prefix[i + 1] - prefix[max(0, i + 1 - ACUTE_DAYS)]) for i in range(lead, n + lead)]
    chronic = [_clamp(prefix[i + 1] - prefix[max(0, i + 1 - CHRONIC_DAYS)]) / 4.0 for i in range(lead, n + lead)]
    loads = loads[lead:]
    a_ewma = [0.0] * n
    c_ewma = [0.0] * n
    ea = ec = loads[0]
    ka, kc = 1.0 - la, 1.0 - lc
    for i, x in enumerate(loads):
        if i:
            ea = la * x + ka * ea
            ec = lc * x + kc * ec
        a_ewma[i] = ea
        c_ewma[i] = ec
    first_ratio = MIN_HISTORY_DAYS - 1 - (0 if history_start is None else max(0, (first_day - history_start).days))
    r_roll: list[float | None] = [
        a / c if i >= first_ratio and c > 0 else None for i, (a, c) in enumerate(zip(acute, chronic, strict=True))
    ]
    r_ewma: list[float | None] = [
        a / c if i >= first_ratio and c > 1e-12 else None for i, (a, c) in enumerate(zip(a_ewma, c_ewma, strict=True))
    ]
    return LoadSeries(
        first_day,
        tuple(loads),
        tuple(acute),
        tuple(chronic),
        tuple(r_roll),
        tuple(a_ewma),
        tuple(c_ewma),
        tuple(r_ewma),
    )


def load_series(runs: Sequence[Run], value: Callable[[Run], float | None], last_day: date) -> LoadSeries | None:
    """The ACWR series of ``value`` (``distance_km`` or ``session_load``) from the first run to ``last_day``.

    None when no run up to ``last_day`` has a value (e.g. no effort was ever logged).
    """
    daily = daily_totals((r for r in runs if r.day <= last_day), value)
    if not daily:
        return None
    return acute_chronic(daily, min(daily), last_day)


def monotony_and_strain(daily_loads: Sequence[float]) -> tuple[float | None, float | None]:
    """Foster 1998: monotony = mean / population SD of the daily loads; strain = total x monotony.

    (None, None) for fewer than 2 days or when the SD is 0 (no running, or the same load every day).
    """
    n = len(daily_loads)
    if n < 2:
        return None, None
    total = math.fsum(daily_loads)
    mean = total / n
    sd = math.sqrt(math.fsum((x - mean) ** 2 for x in daily_loads) / n)
    if sd < 1e-9:
        return None, None
    monotony = mean / sd
    return monotony, total * monotony


def week_monotony(
    daily: Mapping[date, float], week_start: date, last_day: date | None = None
) -> tuple[float | None, float | None]:
    """Monotony and strain of the 7 days from ``week_start`` (only days up to ``last_day`` for a week in progress)."""
    days = 7 if last_day is None else min(7, (last_day - week_start).days + 1)
    return monotony_and_strain([daily.get(week_start + timedelta(days=i), 0.0) for i in range(days)])


def zone(ratio: float | None) -> str | None:
    """'low' under 0.8, 'sweet_spot' 0.8-1.3, 'between' over 1.3 up to 1.5, 'high' over 1.5 (Gabbett 2016; debated)."""
    if ratio is None:
        return None
    if ratio < SWEET_SPOT[0]:
        return "low"
    if ratio <= SWEET_SPOT[1]:
        return "sweet_spot"
    if ratio <= DANGER_ABOVE:
        return "between"
    return "high"
