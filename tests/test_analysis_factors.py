"""Factors: mean next-day pain by surface, stretching, core work...; at least 3 runs each side, by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from journal.analysis.factors import factor_table, next_day_pain
from journal.analysis.pain import daily_max_by_region
from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import CareKind, Region, Surface

MON = date(2025, 1, 6)


def run(day: date, surface: Surface | None = None, stretched: bool | None = None) -> Run:
    return Run(datetime.combine(day, time(7)), 8000.0, surface=surface, stretched=stretched)


def checkin(day: date, back: int, ham: int = 0) -> CheckIn:
    return CheckIn(
        datetime.combine(day, time(8)),
        (RegionScore(Region.LOWER_BACK, back), RegionScore(Region.HAMSTRING_LEFT, ham)),
    )


def days(n: int) -> list[date]:
    return [MON + timedelta(days=2 * i) for i in range(n)]


def test_next_day_pain_uses_the_check_ins_of_the_day_after() -> None:
    d = days(3)
    runs = [run(x) for x in d]
    checkins = [checkin(d[0] + timedelta(days=1), 2, 5), checkin(d[1], 7)]  # d[1]'s own day does not count
    pairs = next_day_pain(runs, daily_max_by_region(checkins), Region.LOWER_BACK)
    assert [(r.day, p) for r, p in pairs] == [(d[0], 2.0)]
    assert next_day_pain(runs, daily_max_by_region(checkins), None)[0][1] == 5.0  # worst of any region


def test_groups_with_three_runs_each_side_and_their_means() -> None:
    d = days(9)
    surfaces = [Surface.TRAIL] * 3 + [Surface.ROAD] * 4 + [Surface.TRACK] * 2
    stretched = [True, True, False, True, False, False, None, True, False]
    backs = [4, 5, 6, 1, 2, 1, 2, 3, 3]
    runs = [run(x, s, st) for x, s, st in zip(d, surfaces, stretched, strict=True)]
    checkins = [checkin(x + timedelta(days=1), b) for x, b in zip(d, backs, strict=True)]
    rows = factor_table(runs, daily_max_by_region(checkins), [], WeekStart.MONDAY, Region.LOWER_BACK)
    by_group = {(r.factor, r.group): r for r in rows}
    trail = by_group[("Surface", "Trail")]
    assert (trail.mean_with, trail.n_with) == (pytest.approx(5.0), 3)
    assert (trail.mean_without, trail.n_without) == (pytest.approx((1 + 2 + 1 + 2 + 3 + 3) / 6), 6)
    assert trail.others == "Other surfaces"
    road = by_group[("Surface", "Road")]
    assert (road.mean_with, road.n_with, road.n_without) == (pytest.approx(1.5), 4, 5)
    assert ("Surface", "Track") not in by_group  # only 2 track runs
    s = by_group[("Stretched", "Stretched")]
    # stretched: 4, 5, 1, 3 -> 3.25 over 4; not: 6, 2, 1, 3 -> 3.0 over 4; the unknown one is left out
    assert (s.mean_with, s.n_with, s.mean_without, s.n_without) == (pytest.approx(3.25), 4, pytest.approx(3.0), 4)
    assert s.difference == pytest.approx(0.25)
    assert not any(r.factor == "Water" for r in rows)  # never logged


def test_two_values_give_one_row_named_against_the_other() -> None:
    d = days(6)
    runs = [run(x, Surface.TRAIL if i < 3 else Surface.ROAD) for i, x in enumerate(d)]
    checkins = [checkin(x + timedelta(days=1), 4 if i < 3 else 1) for i, x in enumerate(d)]
    rows = factor_table(runs, daily_max_by_region(checkins), [], WeekStart.MONDAY, Region.LOWER_BACK)
    assert [(r.group, r.others, r.mean_with, r.mean_without) for r in rows] == [("Trail", "Road", 4.0, 1.0)]


def test_core_work_weeks() -> None:
    weeks = [MON + timedelta(weeks=k) for k in range(2)]
    d = [w + timedelta(days=i) for w in weeks for i in (0, 2, 4)]
    runs = [run(x) for x in d]
    checkins = [checkin(x + timedelta(days=1), 1 if x < weeks[1] else 3) for x in d]
    care = [CareEntry(day=weeks[0] + timedelta(days=6), kind=CareKind.CORE_STRENGTH, minutes=30)]
    rows = factor_table(runs, daily_max_by_region(checkins), care, WeekStart.MONDAY, Region.LOWER_BACK)
    core = [r for r in rows if r.factor == "Core work"]
    assert [(r.mean_with, r.n_with, r.mean_without, r.n_without) for r in core] == [(1.0, 3, 3.0, 3)]
    # with weeks starting on Sunday, that Sunday's session belongs to the second week
    rows = factor_table(runs, daily_max_by_region(checkins), care, WeekStart.SUNDAY, Region.LOWER_BACK)
    core = [r for r in rows if r.factor == "Core work"]
    assert [(r.mean_with, r.n_with, r.mean_without, r.n_without) for r in core] == [(3.0, 3, 1.0, 3)]
