"""The window flag rules (issues 4 and 10): each at its boundary, realistic journals, and the demo story.

Warning signs, persistence and the ladder are in test_flags_ladder.py; the rules new in issue 10 in
test_flags_new_rules.py.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from journal.analysis.flags import (
    DISCLAIMER,
    RULE_IDS,
    FlagThresholds,
    Severity,
    flag_history,
    rule_descriptions,
)
from journal.demo import demo_data
from journal.domain.entries import CareEntry, JournalData, Run
from journal.domain.vocabulary import CareKind, Radiates, WarningSign
from tests.flag_helpers import BACK, D, checkin, daily, day, flags_of, only, rules

# ---- the day judged ------------------------------------------------------------------------------


def test_entries_after_the_as_of_day_do_not_count():
    data = JournalData(checkins=(checkin(day(1), 2, signs=(WarningSign.LEG_WEAKNESS,)),))
    assert rules(data) == set()
    assert rules(data, day(1)) == {"warning_sign"}


# ---- lingering pain ------------------------------------------------------------------------------


def test_lingering_pain_needs_14_days_13_is_not_enough():
    thirteen = JournalData(checkins=daily(-12, [4] * 13))
    assert "lingering_pain" not in rules(thirteen)
    assert "lingering_pain" in rules(thirteen, thresholds=FlagThresholds(lingering_days=13))
    flag = only(JournalData(checkins=daily(-13, [4] * 14)), "lingering_pain")
    assert flag.severity is Severity.SEE_DOCTOR and flag.region is BACK and flag.since == day(-13)
    assert [(e.day, e.score) for e in flag.evidence] == [(day(i), 4) for i in range(-13, 1)]
    assert "see a doctor" in flag.message.lower() and flag.message.endswith(DISCLAIMER)


def _share_journal(painless_at: list[int], skip: list[int]) -> JournalData:
    """Check-ins on days -13..0 (14 days) except ``skip``; back 4/10 except 2/10 on ``painless_at``."""
    return JournalData(
        checkins=tuple(checkin(day(i), 2 if i in painless_at else 4) for i in range(-13, 1) if i not in skip)
    )


def test_lingering_pain_needs_pain_on_70_percent_of_check_in_days_69_is_not_enough():
    # 13 check-in days, 9 with pain: 69 %.
    at_69 = _share_journal(painless_at=[-10, -9, -8, -7], skip=[-6])
    assert "lingering_pain" not in rules(at_69)
    assert "lingering_pain" in rules(at_69, thresholds=FlagThresholds(lingering_share=0.69))
    # 10 check-in days, 7 with pain: 70 %.
    flag = only(_share_journal(painless_at=[-10, -9, -8], skip=[-6, -5, -4, -3]), "lingering_pain")
    assert "7 of 10 check-in days" in flag.message


def test_an_improvement_of_2_points_clears_lingering_pain_1_7_does_not():
    # first 3 average 5, last 3 average 3.33: improved by 1.67 < 2 -> still lingering
    assert "lingering_pain" in rules(JournalData(checkins=daily(-13, [5, 5, 5] + [4] * 8 + [4, 3, 3])))
    # first 3 average 5, last 3 average 3: improved by 2 -> cleared
    assert "lingering_pain" not in rules(JournalData(checkins=daily(-13, [5, 5, 5] + [4] * 8 + [3, 3, 3])))


def test_the_improvement_threshold_is_a_setting():
    data = JournalData(checkins=daily(-13, [5, 5, 5] + [4] * 8 + [4, 3, 3]))
    assert "lingering_pain" not in rules(data, thresholds=FlagThresholds(meaningful_change=1.5))


def test_pain_dropping_below_3_clears_lingering_pain():
    assert "lingering_pain" not in rules(JournalData(checkins=daily(-20, [4] * 18 + [2, 2, 2])))


def test_lingering_pain_escalates_at_28_days():
    at_27 = only(JournalData(checkins=daily(-26, [4] * 27)), "lingering_pain")
    at_28 = only(JournalData(checkins=daily(-27, [4] * 28)), "lingering_pain")
    assert "4 weeks" not in at_27.headline and "soon" not in at_27.headline
    assert at_28.headline.endswith("see a doctor soon")
    assert "4 weeks" in at_28.message and "Mayo Clinic" in at_28.message


def test_a_gap_in_logging_is_not_recovery_lingering_pain_stays_and_says_so():
    # Two weeks of pain, then nothing logged for 8 days: the flag stays as the last check-in left it.
    data = JournalData(checkins=daily(-21, [4] * 14))
    held = only(data, "lingering_pain")
    assert held.last_logged == day(-8) and held.key == only(data, "lingering_pain", day(-8)).key
    assert "since 12 Mar 2026 (8 days ago)" in held.message and "A gap is not recovery" in held.message
    assert held.message.endswith(DISCLAIMER)
    # A year later it is still there; a pain-free check-in is what clears it.
    assert "lingering_pain" in rules(data, day(365))
    settled = JournalData(checkins=(*data.checkins, *daily(-2, [1, 1, 0])))
    assert "lingering_pain" not in rules(settled)


def test_check_ins_older_than_the_look_back_do_not_count_for_lingering_pain():
    # Two weeks of pain long ago, then pain-free check-ins: the old pain is history, not a flag.
    data = JournalData(checkins=daily(-120, [4] * 14) + daily(-10, [0] * 11))
    assert "lingering_pain" not in rules(data)


# ---- radiating, rest, worsening ------------------------------------------------------------------


def test_pain_below_the_knee_once_is_enough():
    data = JournalData(checkins=(checkin(day(-3), 3, radiates=Radiates.BELOW_KNEE),))
    flag = only(data, "radiating_pain")
    assert flag.severity is Severity.SEE_DOCTOR and "below the knee" in flag.message
    assert "radiating_pain" in rules(data, day(11))  # nothing logged since: a gap is not recovery
    later = JournalData(checkins=(*data.checkins, checkin(day(11), 0)))
    assert "radiating_pain" not in rules(later, day(11))  # 14-day window


def test_pain_down_the_thigh_needs_3_days_within_14():
    two = JournalData(checkins=(checkin(day(-13), 3, radiates=Radiates.THIGH), checkin(D, 3, radiates=Radiates.THIGH)))
    assert "radiating_pain" not in rules(two)
    three = JournalData(checkins=(*two.checkins, checkin(day(-5), 2, radiates=Radiates.THIGH)))
    assert "radiating_pain" in rules(three)
    next_day = JournalData(checkins=(*three.checkins, checkin(day(1), 0)))
    assert "radiating_pain" not in rules(next_day, day(1))  # the first fell out of the 14 days


def _worsening(earlier: list[int], recent: list[int]) -> JournalData:
    before = tuple(checkin(day(-20 + i), v) for i, v in enumerate(earlier))
    now = tuple(checkin(day(-len(recent) + 1 + i), v) for i, v in enumerate(recent))
    return JournalData(checkins=before + now)


def test_worsening_needs_a_rise_of_2_points_1_9_is_not_enough():
    # recent mean 3.4 against 1.5 two weeks before: +1.9
    assert "worsening_pain" not in rules(_worsening([1, 2], [4, 4, 3, 3, 3]))
    # recent mean 3.0 against 1.0: +2.0
    flag = only(_worsening([1, 1], [4, 4, 3, 3, 1]), "worsening_pain")
    assert "up 2.0 points" in flag.message and "see a doctor" in flag.message.lower()


def test_new_pain_after_pain_free_days_is_not_getting_worse():
    # Pain-free two weeks before, steady 4/10 now: new pain, not "progressively worse".
    assert "worsening_pain" not in rules(_worsening([0, 0, 0, 0, 0, 0, 0], [4, 4, 4, 4, 4, 4, 4]))
    # The same rise from pain that was there (1/10 on most earlier days) is worsening.
    assert "worsening_pain" in rules(_worsening([1, 1, 1, 0, 1, 1, 1], [4, 4, 4, 4, 4, 4, 4]))


def test_a_sore_day_or_two_is_not_worsening():
    assert "worsening_pain" not in rules(_worsening([0, 0, 0], [0, 5, 4]))


# ---- painkillers and jumps -----------------------------------------------------------------------


def _painkillers(days: list[int]) -> JournalData:
    return JournalData(care=tuple(CareEntry(day(i), CareKind.PAINKILLER, "ibuprofen 200 mg") for i in days))


def test_painkillers_on_7_of_10_days_is_watch_6_is_not():
    assert "painkiller_use" not in rules(_painkillers([-9, -8, -6, -4, -2, 0]))
    flag = only(_painkillers([-9, -8, -6, -4, -3, -2, 0]), "painkiller_use")
    assert flag.severity is Severity.WATCH and flag.region is None and len(flag.evidence) == 7
    assert "not a medical device" in flag.message
    assert "painkiller_use" not in rules(_painkillers([-10, -9, -8, -6, -4, -2, 0]))  # -10 is outside


def _runs(weeks_km: list[list[float]], monday: date) -> tuple[Run, ...]:
    runs = []
    for w, distances in enumerate(weeks_km):
        for i, km in enumerate(distances):
            when = datetime.combine(monday + timedelta(weeks=w, days=i), time(7, 0))
            runs.append(Run(started_at=when, distance_m=km * 1000))
    return tuple(runs)


def test_pain_after_a_big_jump_week_is_watch_and_clears_when_the_pain_settles():
    monday = day(-27) - timedelta(days=day(-27).weekday())
    runs = _runs([[5, 5, 5, 5]] * 3 + [[5, 5, 5, 5, 5, 5]], monday)  # +50 % in the 4th week, no single spike
    jump_week_end = monday + timedelta(weeks=3, days=6)
    pain = checkin(jump_week_end + timedelta(days=2), 4)
    data = JournalData(runs=runs, checkins=(pain,))
    flag = only(data, "pain_after_jump", pain.day)
    assert flag.severity is Severity.WATCH and flag.region is BACK
    assert "ease back" in flag.message.lower() and "not a doctor's matter by itself" in flag.message
    assert any("up 50.0 % on the week before (a big jump: over 30 %)" in e.what for e in flag.evidence)
    settled = JournalData(runs=runs, checkins=(pain, checkin(pain.day + timedelta(days=1), 1)))
    assert "pain_after_jump" not in rules(settled, pain.day + timedelta(days=1))
    steady = JournalData(runs=_runs([[5, 5, 5, 5]] * 4, monday), checkins=(pain,))
    assert "pain_after_jump" not in rules(steady, pain.day)


# ---- realistic journals --------------------------------------------------------------------------


def test_sore_two_days_after_a_long_run_then_fine_never_calls_for_a_doctor():
    monday = day(-41) - timedelta(days=day(-41).weekday())
    runs = list(_runs([[6, 0.01, 8, 0.01, 10]] * 4, monday))
    long_run = Run(started_at=datetime.combine(day(-12), time(9, 0)), distance_m=21_000)
    values = [0] * 28 + [5, 4] + [0] * 12  # sore the two mornings after the long run, then fine
    checkins = daily(-41, values)
    data = JournalData(runs=(*runs, long_run), checkins=checkins)
    history = flag_history(data, day(-41), D)
    assert [e for e in history if e.severity is not Severity.WATCH] == []
    assert rules(data) == set()


def test_two_weeks_of_unchanging_4_of_10_back_pain_is_lingering():
    data = JournalData(checkins=daily(-20, [0] * 7 + [4] * 14))
    flag = only(data, "lingering_pain")
    assert flag.since == day(-13) and "14 days" in flag.headline


def test_steadily_improving_pain_raises_nothing():
    values = [6, 6, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1]
    data = JournalData(checkins=daily(-20, values))
    assert flags_of(data) == []
    assert [e.rule for e in flag_history(data, day(-20), D) if e.rule == "lingering_pain"] == []


def test_the_demo_journal_raises_what_its_story_implies():
    for today in (date(2026, 3, 15), date(2026, 7, 2)):
        flags = flags_of(demo_data(today), today)
        by_rule = {f.rule: f for f in flags}
        assert {"lingering_pain", "rest_pain", "painkiller_use", "pain_after_jump"} <= set(by_rule), today
        assert by_rule["lingering_pain"].region is BACK and by_rule["lingering_pain"].severity is Severity.SEE_DOCTOR
        # Back pain on days without a run: the NHS's "does not improve after resting", an urgent GP appointment.
        assert by_rule["rest_pain"].severity is Severity.URGENT and by_rule["rest_pain"].persistent
        assert by_rule["painkiller_use"].severity is Severity.SEE_DOCTOR  # 10 or more of the last 28 days
        assert not any(f.severity is Severity.EMERGENCY for f in flags)
        history = flag_history(demo_data(today), today - timedelta(days=200), today)
        radiating = [e for e in history if e.rule == "radiating_pain"]
        assert radiating and (radiating[0].ended is None or radiating[0].ended >= today - timedelta(days=7))
        # The pain rose from nothing after the jump: that is new pain, never "getting progressively worse".
        assert not any(e.rule == "worsening_pain" for e in history)


# ---- keys, wording, thresholds -------------------------------------------------------------------


def test_an_episode_keeps_its_key_from_day_to_day_and_history_agrees():
    data = JournalData(checkins=daily(-20, [4] * 21))
    keys = {only(data, "lingering_pain", day(i)).key for i in range(-4, 1)}
    assert keys == {f"lingering_pain:lower_back:{day(-7).isoformat()}"}
    [episode] = [e for e in flag_history(data, day(-20), D) if e.rule == "lingering_pain"]
    assert episode.key in keys and episode.active and episode.started == day(-7)


def test_thresholds_round_trip_through_settings_and_bad_values_fall_back():
    changed = FlagThresholds(lingering_days=21, lingering_share=0.8, painkiller_days=5)
    stored = changed.to_settings()
    assert stored["flags.lingering_days"] == "21" and all(k.startswith("flags.") for k in stored)
    assert FlagThresholds.from_settings({**stored, "units": "mi"}) == changed
    bad = {"flags.lingering_days": "lots", "flags.lingering_share": "7", "flags.pain_score": "nan"}
    assert FlagThresholds.from_settings(bad) == FlagThresholds()
    assert FlagThresholds(lingering_share=1.5).problems().keys() == {"lingering_share"}


def test_a_changed_threshold_changes_the_outcome():
    data = JournalData(checkins=daily(-13, [4] * 14))
    assert "lingering_pain" not in rules(data, thresholds=FlagThresholds(lingering_days=21))


def test_the_about_page_describes_every_rule_with_sources():
    described = rule_descriptions(FlagThresholds(lingering_days=21))
    assert [r.rule for r in described] == list(RULE_IDS)
    assert all(r.description for r in described)
    assert "21 days" in next(r.description for r in described if r.rule == "lingering_pain")
    assert all(r.sources for r in described)
