"""Weekly change and pain: pairs by lag, Spearman with average ranks (computed by hand), the plain sentence."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from journal.analysis.correlation import average_ranks, describe, pain_after_jumps, spearman
from journal.analysis.weekly import Band, WeekDistance, band_for_change
from journal.domain.vocabulary import Region

MON = date(2025, 1, 6)


def test_average_ranks_share_ties() -> None:
    assert average_ranks([5, 1, 5]) == [2.5, 1.0, 2.5]
    assert average_ranks([3, 3, 3]) == [2.0, 2.0, 2.0]
    assert average_ranks([]) == []


def test_spearman_by_hand_with_ties() -> None:
    xs, ys = [1, 2, 3, 4], [1, 1, 2, 3]
    # ranks: x 1,2,3,4; y 1.5,1.5,3,4; deviations from 2.5: x -1.5,-.5,.5,1.5; y -1,-1,.5,1.5
    sxy = 1.5 + 0.5 + 0.25 + 2.25
    sxx = 2.25 + 0.25 + 0.25 + 2.25
    syy = 1 + 1 + 0.25 + 2.25
    assert spearman(xs, ys) == pytest.approx(sxy / math.sqrt(sxx * syy))  # 0.9487
    assert spearman([1, 2, 3], [30, 20, 10]) == pytest.approx(-1.0)
    assert spearman([1, 2, 30], [1, 5, 6]) == pytest.approx(1.0)  # ranks, not values
    assert spearman([1, 2], [1, 2]) is None  # fewer than 3 pairs
    assert spearman([1, 2, 3], [4, 4, 4]) is None  # no spread


def _week(k: int, pct: float | None) -> WeekDistance:
    return WeekDistance(MON + timedelta(weeks=k), 10000.0, 2, pct, band_for_change(pct))


def test_pairs_each_change_with_the_pain_of_the_week_lag_weeks_later() -> None:
    weeks = [_week(0, None), _week(1, 50.0), _week(2, -20.0), _week(3, 5.0), _week(4, 40.0)]
    pain = {MON + timedelta(weeks=k): v for k, v in enumerate([0.0, 1.0, 4.0, 2.0, 1.0, 5.0])}
    lag1 = pain_after_jumps(weeks, pain.get, lag_weeks=1, region=Region.LOWER_BACK)
    # pairs: (50, week 2: 4), (-20, week 3: 2), (5, week 4: 1), (40, week 5: 5)
    assert [(p.change_pct, p.mean_pain) for p in lag1.pairs] == [(50.0, 4.0), (-20.0, 2.0), (5.0, 1.0), (40.0, 5.0)]
    assert lag1.pairs[0].band is Band.BIG_JUMP and lag1.pairs[0].pain_week_start == MON + timedelta(weeks=2)
    assert lag1.n == 4
    # ranks x 4,1,2,3 and y 3,2,1,4, no ties: rho = 1 - 6 sum(d^2) / (n (n^2 - 1)) = 1 - 6 x 4 / 60
    assert lag1.spearman == pytest.approx(0.6)
    lag0 = pain_after_jumps(weeks, pain.get, lag_weeks=0)
    assert [p.mean_pain for p in lag0.pairs] == [1.0, 4.0, 2.0, 1.0]
    lag2 = pain_after_jumps(weeks, pain.get, lag_weeks=2)
    # week 4 + 2 has no pain logged: left out
    assert [(p.change_pct, p.mean_pain) for p in lag2.pairs] == [(50.0, 2.0), (-20.0, 1.0), (5.0, 5.0)]


def test_the_sentence_says_how_much_n_supports_the_figure() -> None:
    assert "Not enough weeks" in describe(None, 2, 1, "Lower back")
    small = describe(0.9, 5, 1, "Lower back")
    assert "strong link" in small and "more lower back pain the week after" in small
    assert "could easily be chance" in small and "n = 5" in small
    # 1.96 / sqrt(n - 1): with 30 weeks the line is 0.364
    assert "could still be chance" in describe(0.3, 30, 1, "Lower back")
    assert "unlikely to be chance alone" in describe(0.45, 30, 2, "Lower back")
    assert "two weeks later" in describe(0.45, 30, 2, "Lower back")
    assert "no clear change" in describe(0.05, 40, 0, "Lower back")
    assert "less lower back pain" in describe(-0.6, 40, 1, "Lower back")
