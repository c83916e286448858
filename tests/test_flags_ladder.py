"""The guidance's ladder (issue 10): each warning sign on its step, emergency and urgent flags that persist until
acknowledged, the both-legs sign found in the scores, pain between the shoulders and pain that does not settle with
rest."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from journal.analysis.flags import DISCLAIMER, Acknowledgement, Severity, flag_history
from journal.analysis.flags.signs import SIGNS
from journal.domain.entries import JournalData
from journal.domain.vocabulary import Character, Region, Timing, WarningSign
from tests.flag_helpers import BACK, D, at, checkin, daily, day, flags_of, only, rules, run

EMERGENCY_SIGNS = {
    WarningSign.SADDLE_NUMBNESS,
    WarningSign.BLADDER_BOWEL,
    WarningSign.BOTH_LEGS,
    WarningSign.CHEST_PAIN,
    WarningSign.ERECTION_PROBLEMS,
    WarningSign.SERIOUS_ACCIDENT,
}


def test_severity_names_are_the_ladder_of_the_json():
    assert [s.value for s in sorted(Severity, key=lambda s: -s.rank)] == ["emergency", "urgent", "see_doctor", "watch"]


@pytest.mark.parametrize("sign", list(WarningSign))
def test_each_warning_sign_is_on_its_step_of_the_ladder_with_the_action_first(sign):
    flag = only(JournalData(checkins=(checkin(D, 2, signs=(sign,)),)), "warning_sign")
    expected = Severity.EMERGENCY if sign in EMERGENCY_SIGNS else Severity.URGENT
    assert flag.severity is expected and flag.persistent and flag.region is None
    if expected is Severity.EMERGENCY:
        assert flag.message.startswith("Call an emergency number now")
        assert "call an emergency number or go to A&E now" in flag.headline
    else:
        assert flag.message.startswith("Get medical help today")
        assert "NHS 111" in flag.message and flag.headline.endswith("get medical help today")
    assert sign.label.lower() in flag.message.lower() and flag.message.endswith(DISCLAIMER)
    assert flag.sources and all(s.url.startswith("https://") for s in flag.sources)


def test_saddle_numbness_says_call_an_emergency_number_without_conditions():
    flag = only(JournalData(checkins=(checkin(day(-2), 3, signs=(WarningSign.SADDLE_NUMBNESS,)),)), "warning_sign")
    assert flag.severity is Severity.EMERGENCY and flag.since == day(-2)
    assert "if it is severe" not in flag.message and "999" in flag.message
    assert flag.source.url.startswith("https://www.nhs.uk/")


def test_the_more_urgent_source_wins_where_they_differ():
    # Mayo Clinic says "see a doctor" for night pain and weight loss; the NHS says urgent GP or 111.
    assert {SIGNS[WarningSign.NIGHT_PAIN].severity, SIGNS[WarningSign.WEIGHT_LOSS].severity} == {Severity.URGENT}
    fall = only(JournalData(checkins=(checkin(D, 4, signs=(WarningSign.FALL_OR_BLOW,)),)), "warning_sign")
    assert fall.severity is Severity.URGENT and "call an emergency number" in fall.action  # if it was serious
    crash = only(JournalData(checkins=(checkin(D, 4, signs=(WarningSign.SERIOUS_ACCIDENT,)),)), "warning_sign")
    assert crash.severity is Severity.EMERGENCY


# ---- persistence ---------------------------------------------------------------------------------


def test_a_sign_ticked_8_days_ago_with_daily_pain_since_is_still_raised():
    data = JournalData(checkins=(checkin(day(-8), 4, signs=(WarningSign.FEVER,)), *daily(-7, [4] * 8)))
    flag = only(data, "warning_sign")
    assert flag.severity is Severity.URGENT and flag.since == day(-8)
    assert flag.key == f"warning_sign:fever:{day(-8).isoformat()}"


def test_a_sign_stays_whatever_the_age_of_the_last_check_in():
    data = JournalData(checkins=(checkin(day(-400), 2, signs=(WarningSign.BLADDER_BOWEL,)),))
    assert only(data, "warning_sign").severity is Severity.EMERGENCY
    assert "warning_sign" in rules(data, day(3000))


def test_acknowledging_clears_it_and_a_new_tick_raises_it_again_with_a_new_key():
    tick = checkin(day(-5), 3, signs=(WarningSign.LEG_WEAKNESS,))
    data = JournalData(checkins=(tick,))
    key = only(data, "warning_sign").key
    checked = (Acknowledgement(key, at(-3, 18)),)
    assert "warning_sign" in rules(data, day(-4), acks=checked)  # before the acknowledgement
    assert "warning_sign" not in rules(data, acks=checked)
    again = JournalData(checkins=(tick, checkin(day(-1), 3, signs=(WarningSign.LEG_WEAKNESS,))))
    flag = only(again, "warning_sign", acks=checked)
    assert flag.since == day(-1) and flag.key != key
    history = [e for e in flag_history(again, day(-10), D, acknowledgements=checked) if e.rule == "warning_sign"]
    assert [(e.started, e.ended, e.acknowledged) for e in history] == [(day(-1), None, False), (day(-5), day(-3), True)]


def test_an_acknowledgement_of_one_sign_does_not_clear_another():
    data = JournalData(checkins=(checkin(day(-2), 3, signs=(WarningSign.FEVER, WarningSign.CHEST_PAIN)),))
    fever = next(f for f in flags_of(data) if f.subject == "fever")
    left = flags_of(data, acks=(Acknowledgement(fever.key, at(-1, 9)),))
    assert [f.subject for f in left] == ["chest_pain"]


def test_emergency_and_urgent_flags_come_first():
    data = JournalData(
        checkins=(*daily(-20, [4] * 21), checkin(D, 4, hour=9, signs=(WarningSign.FEVER, WarningSign.CHEST_PAIN)))
    )
    assert [f.severity for f in flags_of(data)][:2] == [Severity.EMERGENCY, Severity.URGENT]


# ---- both legs, found in the scores ------------------------------------------------------------------


def _numb(when, *regions: Region):
    first, *rest = regions
    c = checkin(when, 3, region=first, character=(Character.TINGLING,))
    scores = c.scores + tuple(type(c.scores[0])(r, 3, Timing.NEXT_MORNING, (Character.NUMBNESS,)) for r in rest)
    return type(c)(recorded_at=c.recorded_at, scores=scores)


def test_numbness_or_tingling_in_both_hamstrings_is_the_both_legs_emergency():
    data = JournalData(checkins=(_numb(day(-1), Region.HAMSTRING_LEFT, Region.HAMSTRING_RIGHT),))
    flag = only(data, "warning_sign")
    assert flag.subject == "both_legs" and flag.severity is Severity.EMERGENCY
    assert "both hamstrings" in flag.message and flag.message.startswith("Call an emergency number now")


def test_numbness_in_each_leg_on_two_check_ins_of_one_day_is_both_legs_too():
    morning = _numb(day(-1), Region.HAMSTRING_LEFT)
    later = _numb(day(-1), Region.HAMSTRING_RIGHT)
    later = type(later)(recorded_at=later.recorded_at.replace(hour=18), scores=later.scores)
    flag = only(JournalData(checkins=(morning, later)), "warning_sign")
    assert flag.subject == "both_legs" and flag.severity is Severity.EMERGENCY
    next_day = type(later)(recorded_at=later.recorded_at + timedelta(days=1), scores=later.scores)
    assert "warning_sign" not in rules(JournalData(checkins=(morning, next_day)), day(0))


def test_numbness_in_one_leg_is_see_a_doctor_not_an_emergency():
    data = JournalData(checkins=(_numb(day(-1), Region.HAMSTRING_LEFT),))
    assert rules(data) == {"leg_numbness"}
    assert only(data, "leg_numbness").severity is Severity.SEE_DOCTOR


# ---- pain between the shoulders ----------------------------------------------------------------------


def test_upper_back_pain_of_3_is_urgent_2_is_not():
    two = JournalData(checkins=(checkin(day(-1), 2, region=Region.UPPER_BACK),))
    assert "upper_back_pain" not in rules(two)
    three = JournalData(checkins=(checkin(day(-1), 3, region=Region.UPPER_BACK),))
    flag = only(three, "upper_back_pain")
    assert flag.severity is Severity.URGENT and flag.region is Region.UPPER_BACK
    assert "between the shoulders" in flag.message and "NHS 111" in flag.message


def test_upper_back_pain_logged_after_the_acknowledgement_on_the_same_day_is_raised():
    first = checkin(day(-10), 5, region=Region.UPPER_BACK)
    data = JournalData(checkins=(first,))
    checked = (Acknowledgement(only(data, "upper_back_pain", day(-10)).key, at(-10, 12)),)
    assert "upper_back_pain" not in rules(data, acks=checked)
    today = (
        checkin(D, 0, region=Region.UPPER_BACK, hour=7),
        checkin(D, 6, region=Region.UPPER_BACK, hour=20),
    )
    late = (Acknowledgement(only(data, "upper_back_pain", day(-10)).key, at(0, 9)),)  # checked at 09:00 today
    assert only(JournalData(checkins=(first, *today)), "upper_back_pain", acks=late).since == D


def test_upper_back_pain_continuing_after_acknowledgement_stays_covered_but_a_new_bout_is_raised():
    first_bout = daily(-20, [4] * 6, region=Region.UPPER_BACK)
    data = JournalData(checkins=first_bout)
    key = only(data, "upper_back_pain", day(-15)).key
    checked = (Acknowledgement(key, at(-17, 20)),)  # checked on the 4th day; the pain went on 2 more days
    assert "upper_back_pain" not in rules(data, acks=checked)
    later = JournalData(checkins=first_bout + daily(-14, [0] * 10) + daily(-4, [5, 5], region=Region.UPPER_BACK))
    flag = only(later, "upper_back_pain", acks=checked)
    assert flag.since == day(-4)


# ---- pain that does not settle with rest ---------------------------------------------------------------


def test_back_pain_on_3_days_without_a_run_within_7_is_urgent_2_is_not():
    two = (checkin(day(-6), 3, timing=Timing.REST_DAY), checkin(D, 4, timing=Timing.REST_DAY))
    assert "rest_pain" not in rules(JournalData(checkins=two))
    unknown = checkin(day(-2), 3, timing=None)  # no timing given: nothing says the person rested
    assert "rest_pain" not in rules(JournalData(checkins=(*two, unknown)))
    third = checkin(day(-2), 3, timing=Timing.REST_DAY)
    flag = only(JournalData(checkins=(*two, third)), "rest_pain")
    assert flag.severity is Severity.URGENT and [e.day for e in flag.evidence] == [day(-6), day(-2), D]
    assert flag.message.startswith("Get medical help today")
    low = checkin(day(-2), 2, timing=Timing.REST_DAY)  # under 3 does not count
    assert "rest_pain" not in rules(JournalData(checkins=(*two, low)))


def test_back_pain_that_eases_with_rest_is_not_rest_pain():
    easing = daily(-6, [6, 5, 4, 3, 2, 1, 0], timing=Timing.REST_DAY)
    assert rules(JournalData(checkins=easing)) == set()
    steady = daily(-6, [4, 4, 4, 4, 4, 4, 4], timing=Timing.REST_DAY)
    assert "rest_pain" in rules(JournalData(checkins=steady))
    # 5 -> 4 -> 4: eased by 1 point, less than a change that matters
    assert "rest_pain" in rules(JournalData(checkins=daily(-2, [5, 4, 4], timing=Timing.REST_DAY)))


def test_soreness_from_running_is_not_pain_at_rest_whatever_the_clock():
    checkins = (
        checkin(day(-6), 4, timing=Timing.REST_DAY),
        checkin(day(-4), 4, timing=Timing.NEXT_MORNING),  # the morning after a run
        checkin(day(-3), 4, timing=Timing.LATER_SAME_DAY, hour=23),  # at night, but the day of a run
        checkin(day(-1), 4, timing=Timing.REST_DAY),  # ticked "rest day", but a run was logged that day
        checkin(D, 4, timing=Timing.REST_DAY),
    )
    runs = (run(-5), run(-3), run(-1))
    assert "rest_pain" not in rules(JournalData(runs=runs, checkins=checkins))
    assert "rest_pain" in rules(JournalData(runs=runs[:2], checkins=checkins))  # no run on day -1: at rest


def test_hamstring_pain_at_rest_is_for_the_lingering_rules_not_the_back_pain_advice():
    data = JournalData(checkins=daily(-6, [4] * 7, timing=Timing.REST_DAY, region=Region.HAMSTRING_LEFT))
    assert "rest_pain" not in rules(data)


def test_persistent_flags_carry_their_own_evidence_not_a_window():
    data = JournalData(checkins=daily(-30, [4] * 5, timing=Timing.REST_DAY) + daily(-25, [0] * 26))
    flag = only(data, "rest_pain")
    assert flag.since == day(-30) and {e.day for e in flag.evidence} == {day(i) for i in range(-30, -25)}
    assert flag.region is BACK and datetime.combine(flag.since, time()) < datetime.combine(D, time())


def test_only_an_acknowledgement_that_says_checked_closes_an_urgent_flag():
    data = JournalData(checkins=(checkin(day(-5), 3, signs=(WarningSign.LEG_WEAKNESS,)),))
    key = only(data, "warning_sign").key
    seen = (Acknowledgement(key, at(-3, 18), checked=False),)  # as acknowledgements before issue 10 were
    assert "warning_sign" in rules(data, acks=seen)
    assert "warning_sign" not in rules(data, acks=(Acknowledgement(key, at(-3, 18), checked=True),))
