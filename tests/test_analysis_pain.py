"""Pain per region: daily maximum, 7-day mean, weekly mean and worst, pain-free days, by hand."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from journal.analysis.pain import (
    daily_max_by_region,
    most_painful_in,
    most_painful_region,
    region_series,
    weekly_pain,
)
from journal.domain.entries import CheckIn, RegionScore
from journal.domain.settings import WeekStart
from journal.domain.vocabulary import Region

MON = date(2025, 1, 6)
BACK, HAM = Region.LOWER_BACK, Region.HAMSTRING_RIGHT


def checkin(day: date, hour: int = 8, **scores: int) -> CheckIn:
    return CheckIn(
        recorded_at=datetime.combine(day, time(hour)),
        scores=tuple(RegionScore(Region(k), v) for k, v in scores.items()),
    )


def test_daily_maximum_per_region() -> None:
    daily = daily_max_by_region(
        [
            checkin(MON, 8, lower_back=2, hamstring_right=1),
            checkin(MON, 20, lower_back=5, hamstring_right=0),
            CheckIn(recorded_at=datetime.combine(MON, time(21))),  # notes only: no scores
        ]
    )
    assert daily == {MON: {BACK: 5, HAM: 1}}


def test_seven_day_rolling_mean() -> None:
    checkins = [checkin(MON, lower_back=2), checkin(MON + timedelta(days=2), lower_back=4)]
    checkins.append(checkin(MON + timedelta(days=7), lower_back=6))
    series = region_series(daily_max_by_region(checkins), BACK, MON, MON + timedelta(days=9))
    assert series.daily_max[:4] == (2, None, 4, None)
    assert series.mean7[0] == pytest.approx(2.0)
    assert series.mean7[2] == pytest.approx(3.0)  # (2 + 4) / 2
    assert series.mean7[6] == pytest.approx(3.0)  # days 0-6
    assert series.mean7[7] == pytest.approx(5.0)  # days 1-7: (4 + 6) / 2, day 0 left the window
    assert series.mean7[9] == pytest.approx(6.0)  # days 3-9: only day 7
    # days before the first day shown still feed its mean
    later = region_series(daily_max_by_region(checkins), BACK, MON + timedelta(days=3), MON + timedelta(days=3))
    assert later.daily_max == (None,) and later.mean7 == (pytest.approx(3.0),)


def test_weekly_mean_worst_and_pain_free_days() -> None:
    checkins = [
        checkin(MON, lower_back=0, hamstring_right=0),  # pain-free
        checkin(MON + timedelta(days=1), lower_back=3, hamstring_right=0),
        checkin(MON + timedelta(days=2), 8, lower_back=0, hamstring_right=0),
        checkin(MON + timedelta(days=2), 20, lower_back=6, hamstring_right=2),  # same day: not pain-free
        checkin(MON + timedelta(days=7), lower_back=0, hamstring_right=0),  # next week
    ]
    weeks = weekly_pain(
        daily_max_by_region(checkins), WeekStart.MONDAY, [MON, MON + timedelta(days=7), MON + timedelta(days=14)]
    )
    w = weeks[MON]
    assert w.mean[BACK] == pytest.approx((0 + 3 + 6) / 3)
    assert w.mean[HAM] == pytest.approx((0 + 0 + 2) / 3)
    assert w.worst == {BACK: 6, HAM: 2}
    assert w.pain_free_days == 1 and w.days_logged == 3
    assert w.mean_of(None) == pytest.approx((0 + 3 + 6) / 3)  # each day's worst of any region
    assert weeks[MON + timedelta(days=7)].pain_free_days == 1
    empty = weeks[MON + timedelta(days=14)]
    assert empty.mean == {} and empty.days_logged == 0 and empty.mean_of(BACK) is None


def test_weekly_pain_follows_the_week_start_setting() -> None:
    sunday = MON - timedelta(days=1)
    daily = daily_max_by_region([checkin(sunday, lower_back=4), checkin(MON, lower_back=2)])
    assert weekly_pain(daily, WeekStart.SUNDAY, [sunday])[sunday].mean[BACK] == pytest.approx(3.0)
    assert weekly_pain(daily, WeekStart.MONDAY, [MON])[MON].mean[BACK] == pytest.approx(2.0)


def test_most_painful_region() -> None:
    daily = daily_max_by_region(
        [checkin(MON, lower_back=1, hamstring_right=4), checkin(MON + timedelta(days=1), lower_back=2)]
    )
    assert most_painful_region(daily) is HAM
    assert most_painful_region(daily, first_day=MON + timedelta(days=1)) is BACK
    assert most_painful_region({}) is None


def test_most_painful_over_whole_weeks_matches_the_daily_count() -> None:
    days = [MON + timedelta(days=d) for d in range(14)]
    daily = daily_max_by_region(
        [checkin(d, lower_back=i % 3, hamstring_right=2 if i == 9 else 0) for i, d in enumerate(days)]
    )
    weeks = weekly_pain(daily, WeekStart.MONDAY, [MON, MON + timedelta(days=7)])
    assert weeks[MON].sums == {BACK: 0 + 1 + 2 + 0 + 1 + 2 + 0, HAM: 0}
    assert weeks[MON].scored_days == {BACK: 7, HAM: 7}
    assert most_painful_in(weeks.values()) is most_painful_region(daily) is BACK
    assert most_painful_in([weeks[MON + timedelta(days=7)]]) is BACK
    assert most_painful_in([]) is None
