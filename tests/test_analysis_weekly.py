"""Weekly distance and week-over-week change, each figure computed by hand (Nielsen et al. 2014 bands)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from journal.analysis.weekly import Band, band_for_change, big_jumps, change_pct, week_start_of, weekly_distances
from journal.domain.entries import Run
from journal.domain.settings import WeekStart


def run(day: date, km: float) -> Run:
    return Run(started_at=datetime.combine(day, time(7, 0)), distance_m=km * 1000.0)


MON = date(2025, 1, 6)  # a Monday


def test_weeks_with_bands_at_exactly_10_and_30_percent_a_week_off_and_the_first_week() -> None:
    runs = [
        run(MON, 12.0),
        run(MON + timedelta(days=3), 8.0),  # week 1: 20 km, the first week: no change figure
        run(MON + timedelta(days=8), 22.0),  # week 2: 22 km, (22 - 20) / 20 = exactly 10 % -> steady
        run(MON + timedelta(days=15), 28.6),  # week 3: 28.6 km, (28.6 - 22) / 22 = exactly 30 % -> caution
        # week 4: no running -> 0 km, -100 % (a fall is steady)
        run(MON + timedelta(days=28), 10.0),  # week 5: after a week of 0, no change figure
        run(MON + timedelta(days=35), 13.1),  # week 6: +31 % -> big_jump
    ]
    weeks = weekly_distances(runs, WeekStart.MONDAY)
    assert [w.week_start for w in weeks] == [MON + timedelta(weeks=k) for k in range(6)]
    assert [w.distance_km for w in weeks] == pytest.approx([20.0, 22.0, 28.6, 0.0, 10.0, 13.1])
    assert [w.run_count for w in weeks] == [2, 1, 1, 0, 1, 1]
    assert weeks[0].change_pct is None and weeks[0].band is None
    assert weeks[1].change_pct == pytest.approx(10.0) and weeks[1].band is Band.STEADY
    assert weeks[2].change_pct == pytest.approx(30.0) and weeks[2].band is Band.CAUTION
    assert weeks[3].change_pct == pytest.approx(-100.0) and weeks[3].band is Band.STEADY
    assert weeks[4].change_pct is None and weeks[4].band is None
    assert weeks[5].change_pct == pytest.approx(31.0) and weeks[5].band is Band.BIG_JUMP
    assert [w.week_start for w in big_jumps(weeks)] == [MON + timedelta(weeks=5)]


def test_just_over_the_boundaries_moves_up_a_band() -> None:
    assert band_for_change(10.0) is Band.STEADY
    assert band_for_change(10.001) is Band.CAUTION
    assert band_for_change(30.0) is Band.CAUTION
    assert band_for_change(30.001) is Band.BIG_JUMP
    assert band_for_change(-50.0) is Band.STEADY
    assert band_for_change(None) is None
    assert change_pct(0.0, 10.0) is None
    assert change_pct(8000.0, 10000.0) == pytest.approx(25.0)


def test_week_start_setting_moves_a_sunday_run_into_the_next_week() -> None:
    sunday = date(2025, 1, 12)
    runs = [run(sunday - timedelta(days=6), 10.0), run(sunday, 5.0), run(sunday + timedelta(days=1), 5.0)]
    monday_weeks = weekly_distances(runs, WeekStart.MONDAY)
    assert [(w.week_start, w.distance_km) for w in monday_weeks] == [
        (date(2025, 1, 6), pytest.approx(15.0)),
        (date(2025, 1, 13), pytest.approx(5.0)),
    ]
    sunday_weeks = weekly_distances(runs, WeekStart.SUNDAY)
    assert [(w.week_start, w.distance_km) for w in sunday_weeks] == [
        (date(2025, 1, 5), pytest.approx(10.0)),
        (date(2025, 1, 12), pytest.approx(10.0)),
    ]
    assert sunday_weeks[1].change_pct == pytest.approx(0.0)


def test_week_start_of() -> None:
    wednesday = date(2025, 1, 8)
    assert week_start_of(wednesday, WeekStart.MONDAY) == date(2025, 1, 6)
    assert week_start_of(wednesday, WeekStart.SUNDAY) == date(2025, 1, 5)
    assert week_start_of(date(2025, 1, 5), WeekStart.SUNDAY) == date(2025, 1, 5)
    assert week_start_of(date(2025, 1, 5), WeekStart.MONDAY) == date(2024, 12, 30)


def test_a_range_uses_the_week_before_and_ignores_runs_after_its_end() -> None:
    runs = [run(MON, 20.0), run(MON + timedelta(days=7), 25.0), run(MON + timedelta(days=9), 5.0)]
    weeks = weekly_distances(runs, WeekStart.MONDAY, first=MON + timedelta(days=7), last=MON + timedelta(days=8))
    assert len(weeks) == 1
    # only the run up to the last day counts; the week before (20 km) still gives the change
    assert weeks[0].distance_km == pytest.approx(25.0)
    assert weeks[0].change_pct == pytest.approx(25.0)
    assert weeks[0].band is Band.CAUTION


def test_no_runs_gives_zero_weeks_only_for_an_explicit_range() -> None:
    assert weekly_distances([], WeekStart.MONDAY) == ()
    weeks = weekly_distances([], WeekStart.MONDAY, first=MON, last=MON + timedelta(days=13))
    assert [(w.distance_m, w.change_pct) for w in weeks] == [(0.0, None), (0.0, None)]
