"""Factors: mean next-day pain after runs, grouped by what the runner logged about them.

Next-day pain of a run = the daily maximum of the chosen region (or with region None,
the worst of any region) on the check-ins of the day after the run's day; runs
without a check-in the next day are left out.

Each row compares the runs with a trait against the runs without it:
surface (each surface against the other surfaces), foot strike, shoes, stretched or
not, water or not, hot day or not, and runs in weeks with or without a core/strength
session. Runs where the trait was not logged are left out of that comparison. A row
is shown only when each side has at least 3 runs, and it shows both counts: a mean
over a handful of runs is a hint, not a finding.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from journal.analysis.pain import DailyPain, day_score
from journal.analysis.weekly import week_start_of
from journal.domain.entries import CareEntry, Run
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import CareKind, FootStrike, Region, Surface

MIN_RUNS_EACH_SIDE = 3


@dataclass(frozen=True, slots=True)
class FactorRow:
    """Mean next-day pain after runs with ``group`` against runs with ``others``, with counts."""

    factor: str
    group: str
    others: str
    mean_with: float
    n_with: int
    mean_without: float
    n_without: int
    categorical: bool = False
    """True for surface, foot strike and shoes (one value against the others); False for yes/no traits."""

    @property
    def label(self) -> str:
        """'Surface: Trail' for a category, the group alone ('Stretched') for a yes/no trait."""
        return f"{self.factor}: {self.group}" if self.categorical else self.group

    @property
    def difference(self) -> float:
        """mean_with - mean_without (positive: more pain the day after runs with the trait)."""
        return self.mean_with - self.mean_without


def next_day_pain(runs: Iterable[Run], daily: DailyPain, region: Region | None) -> list[tuple[Run, float]]:
    """Each run paired with the next day's pain; runs without a next-day check-in are left out."""
    out: list[tuple[Run, float]] = []
    one_day = timedelta(days=1)
    for run in runs:
        scores = daily.get(run.started_at.date() + one_day)
        if scores is None:
            continue
        value = day_score(scores, region)
        if value is not None:
            out.append((run, float(value)))
    return out


def _row(
    factor: str, group: str, others: str, with_: list[float], without: list[float], categorical: bool = False
) -> FactorRow | None:
    if len(with_) < MIN_RUNS_EACH_SIDE or len(without) < MIN_RUNS_EACH_SIDE:
        return None
    return FactorRow(
        factor,
        group,
        others,
        math.fsum(with_) / len(with_),
        len(with_),
        math.fsum(without) / len(without),
        len(without),
        categorical,
    )


def _categorical(
    factor: str,
    pairs: Sequence[tuple[Run, float]],
    key: Callable[[Run], object | None],
    others: str,
) -> list[FactorRow]:
    values: dict[object, list[float]] = {}
    for run, pain in pairs:
        k = key(run)
        if k is not None:
            values.setdefault(k, []).append(pain)
    rows = []
    for name, with_ in values.items():
        rest = [other for other in values if other != name]
        without = [p for other in rest for p in values[other]]
        row = _row(factor, _name(name), _name(rest[0]) if len(rest) == 1 else others, with_, without, True)
        if row is not None:
            rows.append(row)
    if len(values) == 2 and len(rows) == 2:  # A against B and B against A say the same: keep one
        rows = [max(rows, key=lambda row: row.mean_with)]
    return rows


def _name(value: object) -> str:
    return value.label if isinstance(value, (Surface, FootStrike)) else str(value)


def _yes_no(
    factor: str, pairs: Sequence[tuple[Run, float]], key: Callable[[Run], bool | None], yes: str, no: str
) -> list[FactorRow]:
    with_ = [p for r, p in pairs if key(r) is True]
    without = [p for r, p in pairs if key(r) is False]
    row = _row(factor, yes, no, with_, without)
    return [row] if row else []


def core_weeks(care: Iterable[CareEntry], week_start: WeekStart) -> set[date]:
    """Week starts of the weeks with at least one core/strength session."""
    return {week_start_of(c.day, week_start) for c in care if c.kind is CareKind.CORE_STRENGTH}


def factor_table(
    runs: Sequence[Run],
    daily: DailyPain,
    care: Iterable[CareEntry],
    week_start: WeekStart,
    region: Region | None,
) -> tuple[FactorRow, ...]:
    """Every comparison with at least 3 runs on each side, in factor order, biggest difference first."""
    pairs = next_day_pain(runs, daily, region)
    core = {ws.toordinal() for ws in core_weeks(care, week_start)}
    offset = week_start.weekday

    def in_core_week(run: Run) -> bool:
        n = run.started_at.toordinal()
        return n - (n - 1 - offset) % 7 in core  # ordinal 1 (0001-01-01) is a Monday

    rows: list[FactorRow] = []
    groups: list[list[FactorRow]] = [
        _categorical("Surface", pairs, lambda r: r.surface, "Other surfaces"),
        _categorical("Foot strike", pairs, lambda r: r.foot_strike, "Other foot strikes"),
        _categorical("Shoes", pairs, lambda r: r.shoe, "Other shoes"),
        _yes_no("Stretched", pairs, lambda r: r.stretched, "Stretched", "Did not stretch"),
        _yes_no("Water", pairs, lambda r: r.hydrated, "Drank water", "No water"),
        _yes_no("Hot day", pairs, lambda r: r.hot, "Hot day", "Not hot"),
        _yes_no(
            "Core work",
            pairs,
            in_core_week,
            "Core-work week",
            "Week without core work",
        ),
    ]
    for group in groups:
        rows.extend(sorted(group, key=lambda row: -abs(row.difference)))
    return tuple(rows)
