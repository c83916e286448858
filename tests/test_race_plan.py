"""The goal-race plan worked by hand over a known base: the path, the phases, a race too close, a past race."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from journal.analysis.race_checks import CheckName, Status
from journal.analysis.race_plan import (
    Phase,
    peak_long_run_km,
    peak_long_run_range_km,
    plan_length_weeks,
    taper_weeks,
)
from journal.analysis.race_verdict import Verdict, plan_race
from journal.domain.entries import Run
from journal.domain.races import HALF_MARATHON_KM, MARATHON_KM, Race
from journal.domain.settings import WeekStart
from tests.race_helpers import BASE, GRADUAL_BUILD, HALF_DAY, journal_runs

AS_OF = date(2026, 2, 2)
"""The Monday after the four base weeks (5-26 Jan 2026: 20 km a week, longest run 8 km)."""


def test_plan_lengths_peak_long_runs_and_tapers_by_distance() -> None:
    assert [plan_length_weeks(km) for km in (5, 10, HALF_MARATHON_KM, MARATHON_KM, 100)] == [8, 10, 12, 18, 18]
    # 15 km lies 5 / 11.0975 of the way from 10 km (10 weeks) to the half (12 weeks): 10.9 -> 11
    assert plan_length_weeks(15) == 11
    assert [peak_long_run_range_km(km) for km in (3, 5, 10, HALF_MARATHON_KM, MARATHON_KM)] == [
        (8, 10),
        (8, 10),
        (12, 14),
        (18, 20),
        (30, 32),
    ]
    assert peak_long_run_km(MARATHON_KM) == 31 and peak_long_run_km(HALF_MARATHON_KM) == 19
    assert (taper_weeks(MARATHON_KM), taper_weeks(30), taper_weeks(HALF_MARATHON_KM), taper_weeks(5)) == (2, 2, 1, 1)


def test_a_half_marathon_plan_worked_by_hand_over_a_known_base() -> None:
    race = Race("Spring half", HALF_DAY, HALF_MARATHON_KM)  # Sunday 3 May 2026; race week from 27 Apr
    plan = plan_race(race, journal_runs(BASE), [], AS_OF, WeekStart.MONDAY)
    frame = plan.frame
    # Build start: the race week minus 12 weeks (a half) = 2 Feb; base = mean of the 4 weeks before = 20 km,
    # base long run = longest of the 30 days before 2 Feb = 8 km. Taper 1 week, so the peak is 13 Apr.
    assert (frame.build_start, frame.base_km, frame.base_long_km) == (date(2026, 2, 2), 20.0, 8.0)
    assert frame.peak_week == date(2026, 4, 13)
    phases = [w.phase for w in plan.weeks]
    B, C = Phase.BUILD, Phase.CUTBACK
    assert phases == [B, B, B, C, B, B, B, C, B, B, Phase.PEAK, Phase.TAPER, Phase.RACE]
    # 9 climbing weeks (8 build + peak). Weekly target = min(2 x 19 km, 20 x 1.1^9 = 47.2) = 38 km;
    # g = (38 / 20)^(1/9) - 1 = 7.392 %: 20 x 1.07392 = 21.48, x 1.07392^2 = 23.07, ^3 = 24.77,
    # cut-back 0.8 x 24.77 = 19.82, ^4 = 26.60, ^5 = 28.57, ^6 = 30.68, cut-back 24.54, ^7 = 32.95,
    # ^8 = 35.38, peak ^9 = 38.0; taper 0.6 x 38 = 22.8; race week 21.0975 + 0.4 x 38 x 6/7 = 34.13.
    assert [w.planned_km for w in plan.weeks] == [
        21.5, 23.1, 24.8, 19.8, 26.6, 28.6, 30.7, 24.5, 32.9, 35.4, 38.0, 22.8, 34.1,
    ]  # fmt: skip
    # Long run: target min(19, 8 x 1.1^9 = 18.86) = 18.86, so exactly +10 % a week: 8.8, 9.68, 10.65,
    # cut-back 8.52, 11.71, 12.88, 14.17, cut-back 11.34, 15.59, 17.15, peak 18.86; taper 0.6 x 18.86 = 11.32.
    assert [w.planned_long_km for w in plan.weeks] == [
        8.8, 9.7, 10.6, 8.5, 11.7, 12.9, 14.2, 11.3, 15.6, 17.1, 18.9, 11.3, 21.1,
    ]  # fmt: skip
    # As of 2 Feb: the first week has started (nothing run yet), the others are still to come.
    assert (plan.weeks[0].actual_km, plan.weeks[0].actual_long_km) == (0.0, 0.0)
    assert all(w.actual_km is None and w.actual_long_km is None for w in plan.weeks[1:])
    # From 8 km, +10 % for 9 climbing weeks reaches 18.86 km >= 18 km (the half's low end): enough.
    assert plan.check(CheckName.BASE_TOO_LOW).status is Status.OK
    assert plan.verdict is Verdict.ON_TRACK


def test_a_race_too_close_for_the_base_needs_a_re_plan() -> None:
    # A half on Sunday 22 Feb: race week 16 Feb, taper 9 Feb, peak 2 Feb (this week). The build starts
    # the week after the first run's (12 Jan), so the weeks of the base show as the start of the build.
    race = Race("Too soon", date(2026, 2, 22), HALF_MARATHON_KM)
    plan = plan_race(race, journal_runs(BASE), [], AS_OF)
    assert plan.weeks[0].week_start == date(2026, 1, 12)
    assert [w.phase for w in plan.weeks][-3:] == [Phase.PEAK, Phase.TAPER, Phase.RACE]
    # From the month's longest run of 8 km, one climbing week (the peak) reaches 8 x 1.1 = 8.8 km:
    # under 75 % of the half's 18 km (13.5 km), so the base is too low.
    check = plan.check(CheckName.BASE_TOO_LOW)
    assert check.status is Status.PROBLEM
    assert "8.8 km by the peak week" in check.reason and "later race or a shorter distance" in check.reason
    assert plan.verdict is Verdict.RE_PLAN
    assert plan.summary.startswith("Re-plan: from a longest run of 8.0 km")


def test_a_race_in_the_past_has_no_weeks_left_to_build() -> None:
    runs = journal_runs(BASE + GRADUAL_BUILD + [(23.0, 11.0)])
    race = Race("Last spring", HALF_DAY, HALF_MARATHON_KM)
    plan = plan_race(race, runs, [], date(2026, 5, 20))
    check = plan.check(CheckName.BASE_TOO_LOW)
    assert check.status is Status.PROBLEM and "it has passed" in check.reason
    assert plan.verdict is Verdict.RE_PLAN
    # The weeks still end with the race week, counted up to race day
    assert plan.weeks[-1].week_start == date(2026, 4, 27) and plan.weeks[-1].phase is Phase.RACE


def test_no_runs_before_the_race_is_said_plainly() -> None:
    race = Race("First ever", date(2026, 6, 7), 10.0)
    plan = plan_race(race, [], [], AS_OF)
    check = plan.check(CheckName.BASE_TOO_LOW)
    assert check.status is Status.PROBLEM
    assert "no running to build from" in check.reason
    assert plan.verdict is Verdict.RE_PLAN
    assert all(w.planned_km == 0 for w in plan.weeks[:-1])  # nothing to build from, nothing planned


def test_on_race_day_the_race_week_counts_the_race_and_json_has_the_issue_shape() -> None:
    runs = journal_runs(BASE + GRADUAL_BUILD + [(23.0, 11.0)])
    runs += [Run(datetime(2026, 4, 28, 7), 5000.0), Run(datetime(2026, 4, 30, 7), 5000.0)]
    runs.append(Run(datetime.combine(HALF_DAY, time(9)), 21097.5))
    runs.append(Run(datetime(2026, 5, 5, 7), 4000.0))  # after the race: not part of the plan
    plan = plan_race(Race("Spring half", HALF_DAY, HALF_MARATHON_KM), runs, [], HALF_DAY)
    race_week = plan.weeks[-1]
    assert race_week.actual_km == pytest.approx(31.1, abs=0.01)  # 5 + 5 + the race, 21.1
    assert race_week.actual_long_km == pytest.approx(21.1, abs=0.01)
    doc = plan.to_json()
    assert set(doc) == {"race", "verdict", "checks", "weeks"}
    assert doc["race"] == {"name": "Spring half", "date": "2026-05-03", "distance_km": HALF_MARATHON_KM}
    assert [c["check"] for c in doc["checks"]] == [
        "steep_build", "long_run_spike", "no_taper", "base_too_low", "pain_rising", "flags_active",
    ]  # fmt: skip
    assert all(set(c) == {"check", "status", "message"} and "Source:" in c["message"] for c in doc["checks"])
    assert set(doc["weeks"][0]) == {
        "week_start", "phase", "planned_km", "actual_km", "planned_long_km", "actual_long_km",
    }  # fmt: skip
    assert {w["phase"] for w in doc["weeks"]} == {"build", "cutback", "peak", "taper", "race"}
