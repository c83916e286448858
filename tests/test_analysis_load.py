"""ACWR (rolling and EWMA), monotony and strain, each computed by hand in the test."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

import pytest

from journal.analysis.load import (
    acute_chronic,
    daily_totals,
    distance_km,
    ewma_lambda,
    load_series,
    monotony_and_strain,
    session_load,
    week_monotony,
    zone,
)
from journal.domain.entries import Run

D0 = date(2025, 1, 6)


def day(n: int) -> date:
    return D0 + timedelta(days=n)


def test_no_ratio_before_28_days_of_history_then_the_rolling_ratio() -> None:
    # 21 days of 5 km, then 7 days of 10 km
    daily = {day(i): 5.0 for i in range(21)} | {day(i): 10.0 for i in range(21, 28)}
    series = acute_chronic(daily, day(0), day(27))
    assert all(r is None for r in series.ratio_rolling[:27])
    assert all(r is None for r in series.ratio_ewma[:27])
    last = series.at(day(27))
    assert last is not None
    assert last.acute == pytest.approx(70.0)  # 7 x 10
    assert last.chronic == pytest.approx((21 * 5 + 7 * 10) / 4)  # 43.75
    assert last.ratio_rolling == pytest.approx(70.0 / 43.75)  # 1.6
    assert zone(last.ratio_rolling) == "high"


def test_steady_running_gives_a_ratio_of_one_in_both_forms() -> None:
    daily = {day(i): 6.0 for i in range(40)}
    series = acute_chronic(daily, day(0), day(39))
    assert series.ratio_rolling[27] == pytest.approx(1.0)
    assert series.ratio_ewma[39] == pytest.approx(1.0)


def test_ewma_by_hand() -> None:
    la, lc = 2 / (7 + 1), 2 / (28 + 1)
    assert ewma_lambda(7) == pytest.approx(0.25) and ewma_lambda(28) == pytest.approx(lc)
    series = acute_chronic({day(0): 4.0, day(2): 8.0}, day(0), day(3))
    # starts at the first day's load; then e_t = lambda * load_t + (1 - lambda) * e_t-1
    a = [4.0]
    c = [4.0]
    for x in (0.0, 8.0, 0.0):
        a.append(la * x + (1 - la) * a[-1])
        c.append(lc * x + (1 - lc) * c[-1])
    assert list(series.acute_ewma) == pytest.approx(a)
    assert list(series.chronic_ewma) == pytest.approx(c)
    assert series.acute_ewma[1] == pytest.approx(3.0)  # 0.75 x 4


def test_days_without_running_count_as_zero_and_the_ratio_needs_chronic_load() -> None:
    daily = {day(0): 10.0}
    series = acute_chronic(daily, day(0), day(40))
    assert series.at(day(6)).acute == pytest.approx(10.0)
    assert series.at(day(7)).acute == pytest.approx(0.0)
    assert series.at(day(27)).ratio_rolling == pytest.approx(0.0)  # chronic still holds day 0
    assert series.at(day(28)).ratio_rolling is None  # chronic load 0: no ratio
    assert series.at(day(41)) is None


def test_session_load_is_effort_times_minutes() -> None:
    runs = [
        Run(datetime.combine(day(0), time(7)), 8000.0, duration_s=3600, effort=5),
        Run(datetime.combine(day(0), time(18)), 4000.0, duration_s=1200, effort=3),
        Run(datetime.combine(day(1), time(7)), 5000.0),  # no effort: no session load
    ]
    assert daily_totals(runs, session_load) == {day(0): pytest.approx(5 * 60 + 3 * 20)}
    assert daily_totals(runs, distance_km) == {day(0): pytest.approx(12.0), day(1): pytest.approx(5.0)}
    assert load_series(runs[2:], session_load, day(3)) is None
    series = load_series(runs, session_load, day(3))
    assert series is not None and series.first_day == day(0) and series.load[0] == pytest.approx(360.0)


def test_monotony_and_strain_by_hand() -> None:
    loads = [10.0, 0.0, 10.0, 0.0, 10.0, 0.0, 0.0]
    mean = 30 / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in loads) / 7)  # population SD over the 7 days
    monotony, strain = monotony_and_strain(loads)
    assert monotony == pytest.approx(mean / sd)
    assert monotony == pytest.approx(0.866, abs=1e-3)
    assert strain == pytest.approx(30 * mean / sd)
    assert monotony_and_strain([0.0] * 7) == (None, None)  # a week without running
    assert monotony_and_strain([5.0] * 7) == (None, None)  # no spread: undefined
    daily = {day(0): 10.0, day(2): 10.0, day(4): 10.0}
    assert week_monotony(daily, day(0)) == pytest.approx((monotony, strain))
    # a week in progress counts only its days so far: [10, 0, 10]
    m3 = (20 / 3) / math.sqrt(sum((x - 20 / 3) ** 2 for x in (10, 0, 10)) / 3)
    assert week_monotony(daily, day(0), last_day=day(2))[0] == pytest.approx(m3)


def test_zones() -> None:
    assert [zone(x) for x in (None, 0.79, 0.8, 1.3, 1.31, 1.5, 1.51)] == [
        None,
        "low",
        "sweet_spot",
        "sweet_spot",
        "between",
        "between",
        "high",
    ]


def test_between_slices_the_columns() -> None:
    series = acute_chronic({day(i): float(i) for i in range(10)}, day(0), day(9))
    part = series.between(day(3), day(5))
    assert part.first_day == day(3) and list(part.load) == [3.0, 4.0, 5.0]
    assert part.days == [day(3), day(4), day(5)] and part.last_day == day(5)
