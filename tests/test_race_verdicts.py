"""Journals get the verdict the guidance calls for: on track, no taper, steep weeks, too little base, rising pain."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from journal.analysis.flags import evaluate_flags
from journal.analysis.goal_race import goal_race_plan, within_banner_reach
from journal.analysis.race_checks import CheckName, Status
from journal.analysis.race_verdict import Verdict, plan_race
from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.races import HALF_MARATHON_KM, MARATHON_KM, Race
from journal.domain.vocabulary import Region, WarningSign
from tests.race_helpers import BASE, BASE_START, GRADUAL_BUILD, HALF_DAY, journal_runs, sunday_pain

HALF = Race("Spring half", HALF_DAY, HALF_MARATHON_KM)


def race_week(*km_before: tuple[int, float], race: Race = HALF) -> list[Run]:
    """Runs of the race week before race day (day of week, km), then the race itself."""
    monday = race.day - timedelta(days=race.day.weekday())
    runs = [Run(datetime.combine(monday + timedelta(days=d), time(7)), km * 1000.0) for d, km in km_before]
    return [*runs, Run(datetime.combine(race.day, time(9)), race.distance_km * 1000.0)]


def gradual_journal() -> list[Run]:
    """Base, the gradual build, a taper week at 60 % of the peak (23 of 38 km), an easy race week, the race."""
    return journal_runs(BASE + GRADUAL_BUILD + [(23.0, 11.0)]) + race_week((1, 5.0), (3, 5.0))


def statuses(plan) -> dict[str, str]:
    return {c.check.value: c.status.value for c in plan.checks}


def test_a_gradual_build_with_a_proper_taper_is_on_track() -> None:
    plan = plan_race(HALF, gradual_journal(), [], HALF_DAY)
    assert set(statuses(plan).values()) == {"ok"}, statuses(plan)
    assert plan.verdict is Verdict.ON_TRACK
    # the taper week was 23 of the peak's 38 km: 61 %, a cut of 39 % (the guide: about 60 %)
    assert "61 % of the peak week (38.0 km)" in plan.check(CheckName.NO_TAPER).reason


def test_the_same_build_judged_a_week_before_the_race_is_on_track_too() -> None:
    plan = plan_race(HALF, gradual_journal(), [], HALF_DAY - timedelta(days=7))
    assert plan.verdict is Verdict.ON_TRACK


def test_a_build_with_no_taper_is_not_on_track() -> None:
    # the same build, but the week before the race keeps climbing (40 km) and so does the race week
    runs = journal_runs(BASE + GRADUAL_BUILD + [(40.0, 16.0)]) + race_week((1, 10.0), (3, 10.0), (5, 12.0))
    plan = plan_race(HALF, runs, [], HALF_DAY)
    check = plan.check(CheckName.NO_TAPER)
    assert check.status is Status.PROBLEM
    # 40 of the peak's 38 km is 105 %: not reduced
    assert "not reduced" in check.reason and "105 %" in check.reason
    assert plan.verdict is not Verdict.ON_TRACK and plan.verdict is Verdict.EASE_BACK


def test_a_light_taper_is_a_caution() -> None:
    # 33 of 38 km is a cut of 13 %: reduced, but far less than the 40 % the guide suggests
    runs = journal_runs(BASE + GRADUAL_BUILD + [(33.0, 12.0)]) + race_week((1, 5.0), (3, 5.0))
    plan = plan_race(HALF, runs, [], HALF_DAY)
    assert plan.check(CheckName.NO_TAPER).status is Status.CAUTION
    assert plan.verdict is Verdict.EASE_BACK


def test_weeks_of_plus_40_percent_are_a_steep_build() -> None:
    # 10 km a week, then +40 % three weeks running: 14, 19.6, 27.44 km (long runs 40 % of each week)
    weeks = [(10.0, 4.0)] * 4 + [(14.0, 5.6), (19.6, 7.84), (27.44, 10.976)]
    as_of = BASE_START + timedelta(weeks=7)
    race = Race("Summer 10 km", as_of + timedelta(weeks=6, days=6), 10.0)
    plan = plan_race(race, journal_runs(weeks), [], as_of)
    check = plan.check(CheckName.STEEP_BUILD)
    assert check.status is Status.PROBLEM
    assert "3 weeks rose over 30 %" in check.reason and "+40.0 %" in check.reason
    assert plan.verdict is not Verdict.ON_TRACK
    # each long run is also 40 % past the month's longest: a spike too
    assert plan.check(CheckName.LONG_RUN_SPIKE).status is Status.PROBLEM


def test_a_marathon_five_weeks_away_from_a_10_km_week_base_needs_a_re_plan() -> None:
    runs = journal_runs([(10.0, 5.0)] * 8)  # two runs of 5 km a week
    as_of = BASE_START + timedelta(weeks=8)
    race = Race("Autumn marathon", as_of + timedelta(weeks=5, days=6), MARATHON_KM)
    plan = plan_race(race, runs, [], as_of)
    check = plan.check(CheckName.BASE_TOO_LOW)
    assert check.status is Status.PROBLEM
    # the peak is 3 weeks before the race week: this week is a cut-back (the 8th since 12 Jan), so 2 climbing weeks from the 5 km longest run reach 5 x 1.1^2 = 6.05 km
    assert "6.1 km by the peak week" in check.reason and "30-32 km" in check.reason
    assert plan.verdict is Verdict.RE_PLAN


def test_rising_back_pain_through_the_build_is_not_on_track() -> None:
    # Sunday check-ins through the base and the build: lower back 1, 1, 1, 1, then rising to 5
    pain = sunday_pain(BASE_START, [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5])
    plan = plan_race(HALF, gradual_journal(), pain, HALF_DAY)
    check = plan.check(CheckName.PAIN_RISING)
    assert check.status is Status.PROBLEM
    # the build's first two scored weeks (2 and 9 Feb: 1 and 2) against the last two (5 and 5): 1.5 -> 5.0
    assert "Lower back pain went from 1.5 to 5.0" in check.reason
    assert plan.verdict is not Verdict.ON_TRACK


def test_steady_low_pain_is_not_a_rising_trend() -> None:
    pain = sunday_pain(BASE_START, [2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 2, 1, 2])
    plan = plan_race(HALF, gradual_journal(), pain, HALF_DAY)
    assert plan.check(CheckName.PAIN_RISING).status is Status.OK
    assert plan.verdict is Verdict.ON_TRACK


def test_a_see_a_doctor_flag_means_talk_to_a_professional_before_racing() -> None:
    for rank, verdict in ((0, Verdict.ON_TRACK), (1, Verdict.ON_TRACK), (2, Verdict.SEE_PROFESSIONAL), (4, Verdict.SEE_PROFESSIONAL)):  # fmt: skip
        plan = plan_race(HALF, gradual_journal(), [], HALF_DAY, flag_rank=rank)
        assert plan.verdict is verdict, rank
    plan = plan_race(HALF, gradual_journal(), [], HALF_DAY, flag_rank=4)
    assert "call an emergency number" in plan.summary and "talk to a professional before racing" in plan.summary
    # see_professional comes before every other verdict, even a race too close
    too_close = plan_race(Race("Soon", date(2026, 2, 22), HALF_MARATHON_KM), journal_runs(BASE), [], date(2026, 2, 2), flag_rank=2)  # fmt: skip
    assert too_close.verdict is Verdict.SEE_PROFESSIONAL


def _no_flags(_day: date) -> int:
    return 0


def _rank_on(data: JournalData):
    """The most urgent flag's rank as of a day, from the flag engine over ``data``."""
    return lambda day: max((f.severity.rank for f in evaluate_flags(data, day)), default=0)


def test_a_warning_sign_from_the_flag_engine_reaches_the_verdict() -> None:
    as_of = HALF_DAY - timedelta(days=3)
    sign = CheckIn(datetime.combine(as_of, time(8)), (RegionScore(Region.LOWER_BACK, 6),), (WarningSign.BLADDER_BOWEL,))
    data = JournalData(runs=tuple(gradual_journal()), checkins=(sign,), races=(HALF,))
    plan = goal_race_plan(data, as_of, _rank_on(data))
    assert plan is not None and plan.verdict is Verdict.SEE_PROFESSIONAL
    clean = JournalData(runs=tuple(gradual_journal()), races=(HALF,))
    assert goal_race_plan(clean, as_of, _rank_on(clean)).verdict is Verdict.ON_TRACK


def test_the_next_race_counts_and_the_banner_reaches_eight_weeks() -> None:
    later = Race("Autumn", date(2026, 10, 4), 10.0)
    data = JournalData(runs=tuple(gradual_journal()), races=(later, HALF))
    assert goal_race_plan(data, HALF_DAY, _no_flags).race == HALF  # race day: that race
    assert goal_race_plan(data, HALF_DAY + timedelta(days=1), _no_flags).race == later
    assert goal_race_plan(JournalData(races=(HALF,)), HALF_DAY + timedelta(days=1), _no_flags) is None
    assert within_banner_reach(HALF, HALF_DAY - timedelta(weeks=8))
    assert not within_banner_reach(HALF, HALF_DAY - timedelta(weeks=8, days=1))
    assert not within_banner_reach(HALF, HALF_DAY + timedelta(days=1))


def test_weeks_of_exactly_ten_percent_are_steady_however_the_distances_round() -> None:
    # 25 km, then +10 % a week in runs of awkward lengths: 27.5, 30.25, 33.275, 36.6025 km
    weeks = [(25.0, 12.5)] * 4 + [(25.0 * 1.1**k, 12.5 * 1.1**k) for k in range(1, 5)]
    as_of = BASE_START + timedelta(weeks=8)
    plan = plan_race(
        Race("Autumn half", as_of + timedelta(weeks=6, days=6), HALF_MARATHON_KM), journal_runs(weeks), [], as_of
    )
    assert plan.check(CheckName.STEEP_BUILD).status is Status.OK
    assert plan.check(CheckName.LONG_RUN_SPIKE).status is Status.OK


def test_short_of_the_peak_long_run_after_the_peak_week() -> None:
    # A 10 km race judged on race day: the build is over, so R is the build's longest run.
    # Sensible peak 12-14 km: from 12 km ok; under 12 a caution; under 0.75 x min(12, 10) = 7.5 km a problem.
    race = Race("Club 10 km", HALF_DAY, 10.0)
    for longest, status in ((12.0, Status.OK), (8.0, Status.CAUTION), (7.0, Status.PROBLEM)):
        weeks = [(20.0, longest * 0.9)] * 4 + [(20.0, longest)] * 8 + [(12.0, longest * 0.6)]
        plan = plan_race(race, journal_runs(weeks, HALF_DAY - timedelta(days=6, weeks=13)), [], HALF_DAY)
        check = plan.check(CheckName.BASE_TOO_LOW)
        assert check.status is status, (longest, check.reason)
        assert f"The longest run of the build was {longest:.1f} km" in check.reason
