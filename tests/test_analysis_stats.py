"""compute_stats: the period, the week rows, the demo journal's jump and the pain after it; the generator."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from journal.analysis.spikes import SpikeBand
from journal.analysis.stats import compute_stats
from journal.analysis.weekly import Band
from journal.demo import demo_data
from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import Region

MON = date(2025, 1, 6)
BACK = Region.LOWER_BACK


def run(day: date, km: float, effort: int | None = None, minutes: int | None = None) -> Run:
    return Run(datetime.combine(day, time(7)), km * 1000.0, duration_s=minutes * 60 if minutes else None, effort=effort)


def checkin(day: date, back: int) -> CheckIn:
    return CheckIn(datetime.combine(day, time(8)), (RegionScore(BACK, back), RegionScore(Region.GLUTE_HIP, 0)))


def test_empty_journal() -> None:
    stats = compute_stats(JournalData())
    assert stats.weeks == () and stats.spikes == () and stats.acwr_now is None
    assert stats.correlation.n == 0 and "Not enough weeks" in stats.correlation.sentence


def test_week_rows_period_and_history() -> None:
    runs = [run(MON + timedelta(days=d), 5.0, effort=4, minutes=30) for d in range(0, 35, 2)]
    runs.append(run(MON + timedelta(days=35), 20.0))  # after the end: never used
    checkins = [checkin(MON + timedelta(days=d), 2 if d < 14 else 4) for d in range(1, 36, 2)]
    data = JournalData(runs=tuple(runs), checkins=tuple(checkins))
    end = MON + timedelta(days=34)
    stats = compute_stats(data, WeekStart.MONDAY, start=MON + timedelta(days=9), end=end)
    # the first week shown is the whole week holding `start`; the week before gives its change
    assert [w.week_start for w in stats.weeks] == [MON + timedelta(weeks=k) for k in (1, 2, 3, 4)]
    week1 = stats.weeks[0]
    assert week1.distance_km == pytest.approx(15.0)  # days 8, 10, 12
    # the week before (days 0, 2, 4, 6: 20 km) is not shown but gives the change
    assert week1.change_pct == pytest.approx((15 - 20) / 20 * 100) and week1.band is Band.STEADY
    assert week1.session_load == pytest.approx(3 * 4 * 30)
    assert week1.mean_pain == {BACK: pytest.approx(2.0), Region.GLUTE_HIP: 0.0}
    assert week1.max_pain[BACK] == 2 and week1.pain_free_days == 0
    assert week1.acwr_rolling is None  # day 13 is day 14 of history: no ratio before 28 days
    last = stats.weeks[-1]
    assert last.week_start == MON + timedelta(weeks=4)
    assert last.distance_km == pytest.approx(20.0)  # days 28, 30, 32, 34; the 20 km on day 35 is after `end`
    assert last.run_count == 4
    assert stats.acwr_now is not None and stats.acwr_now.day == end
    assert last.acwr_rolling == pytest.approx(stats.acwr_now.ratio_rolling)
    assert stats.region is BACK
    assert all(s.day >= MON + timedelta(weeks=1) for s in stats.spikes)


def test_demo_journal_shows_the_jump_and_the_pain_after_it() -> None:
    today = date(2026, 3, 20)
    stats = compute_stats(demo_data(today), WeekStart.MONDAY, end=today)
    jumps = stats.big_jump_weeks
    assert len(jumps) == 1
    jump = jumps[0]
    assert jump.change_pct > 50
    after = next(w for w in stats.weeks if w.week_start == jump.week_start + timedelta(weeks=1))
    before = [w for w in stats.weeks if w.week_start < jump.week_start]
    assert after.mean_pain[BACK] >= 4
    assert all(w.mean_pain.get(BACK, 0) == 0 for w in before)
    assert any(s.band is SpikeBand.OVER_30 and s.distance_m > 20000 for s in stats.spikes)
    assert stats.region is BACK
    assert stats.biggest_jumps[0] == jump
    assert stats.factors  # the demo logs surfaces, stretching and core work


def test_sunday_weeks() -> None:
    sunday = date(2025, 1, 12)
    data = JournalData(
        runs=(run(sunday - timedelta(days=7), 10.0), run(sunday, 10.0), run(sunday + timedelta(days=1), 2.0))
    )
    monday = compute_stats(data, WeekStart.MONDAY)
    sunday_stats = compute_stats(data, WeekStart.SUNDAY)
    assert [w.distance_km for w in monday.weeks] == pytest.approx([10.0, 10.0, 2.0])
    assert [w.distance_km for w in sunday_stats.weeks] == pytest.approx([10.0, 12.0])
    assert sunday_stats.weeks[1].change_pct == pytest.approx(20.0)
    assert sunday_stats.weeks[1].band is Band.CAUTION


def test_ten_year_journal_is_deterministic_and_about_the_size_asked() -> None:
    from journal.devtools.generate import ten_year_data

    today = date(2026, 3, 20)
    first, second = ten_year_data(today), ten_year_data(today)
    assert first == second
    assert 2700 <= len(first.runs) <= 3300 and 3700 <= len(first.checkins) <= 4300
    assert first.runs[0].day >= today - timedelta(days=3660)
    stats = compute_stats(first, end=today)
    assert stats.big_jump_weeks and stats.spikes and any(w.mean_pain.get(BACK, 0) >= 3 for w in stats.weeks)
