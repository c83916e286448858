"""The see-a-doctor and watch rules new in issue 10, each at and around its threshold."""

from __future__ import annotations

import re
from datetime import date, timedelta

from journal.analysis.flags import DISCLAIMER, RULE_IDS, Acknowledgement, FlagThresholds, Severity
from journal.domain.entries import CareEntry, JournalData
from journal.domain.settings import RiskFactor, RiskProfile
from journal.domain.vocabulary import CareKind, Character, Radiates, Region, Timing, WarningSign
from tests.flag_helpers import D, at, checkin, daily, day, flags_of, only, rules, run

# ---- recurring pain ----------------------------------------------------------------------------------


def _weekly(weeks: int, painful_per_week: int, score: int = 4, region: Region = Region.LOWER_BACK) -> JournalData:
    """Daily check-ins for ``weeks`` weeks ending on D; pain ``score`` on the first days of each 7-day block."""
    values = []
    for _ in range(weeks):
        values += [score] * painful_per_week + [0] * (7 - painful_per_week)
    return JournalData(checkins=daily(-len(values) + 1, values, region=region))


def test_pain_on_3_days_a_week_for_5_weeks_is_recurring_pain():
    data = _weekly(5, 3)
    assert "lingering_pain" not in rules(data)  # 43 % of days: the 70 % rule misses it
    flag = only(data, "recurring_pain")
    assert flag.severity is Severity.SEE_DOCTOR and flag.region is Region.LOWER_BACK
    assert "5 of the last 6 weeks" in flag.message and len(flag.evidence) == 15


def test_recurring_pain_needs_3_days_in_4_weeks_and_the_latest_week():
    assert "recurring_pain" not in rules(_weekly(5, 2))  # 2 days a week: soreness after a long run
    assert "recurring_pain" not in rules(_weekly(3, 3))  # 3 weeks
    assert "recurring_pain" in rules(_weekly(4, 3))  # 4 weeks
    ended = JournalData(checkins=_weekly(5, 3).checkins + daily(1, [0] * 7))
    assert "recurring_pain" not in rules(ended, day(7))  # a pain-free latest week


def test_recurring_pain_that_eases_by_2_points_is_not_flagged():
    values = []
    for score in (6, 6, 5, 4, 4, 4):
        values += [score] * 3 + [0] * 4
    data = JournalData(checkins=daily(-len(values) + 1, values))
    assert "recurring_pain" not in rules(data)  # 6 -> 4 on the painful days
    assert "recurring_pain" in rules(data, thresholds=FlagThresholds(meaningful_change=2.5))


def test_recurring_pain_is_not_repeated_where_pain_lingers():
    data = JournalData(checkins=daily(-34, [4] * 35))
    assert "lingering_pain" in rules(data) and "recurring_pain" not in rules(data)


# ---- very bad pain -----------------------------------------------------------------------------------


def test_pain_of_9_for_three_days_is_very_bad_pain():
    flag = only(JournalData(checkins=daily(-2, [9, 9, 9])), "severe_pain")
    assert flag.severity is Severity.SEE_DOCTOR and "very bad" in flag.headline
    assert "NHS 111" in flag.message  # when it is so bad you cannot sleep: get help today


def test_very_bad_pain_needs_7_or_more_on_2_days_within_7():
    assert "severe_pain" not in rules(JournalData(checkins=(checkin(D, 8),)))  # one day after a race
    assert "severe_pain" in rules(JournalData(checkins=(checkin(D, 9),)))  # one day of 9 or 10 is enough
    assert "severe_pain" not in rules(JournalData(checkins=daily(-1, [6, 6])))
    assert "severe_pain" in rules(JournalData(checkins=(checkin(day(-6), 7), checkin(D, 7))))
    assert "severe_pain" not in rules(JournalData(checkins=(checkin(day(-7), 7), checkin(D, 7))))


# ---- pain getting in the way ----------------------------------------------------------------------------


def test_high_interference_on_3_days_within_14_is_see_a_doctor():
    three = JournalData(checkins=tuple(checkin(day(i), 4, interference=8) for i in (-13, -6, 0)))
    flag = only(three, "pain_interference")
    assert flag.severity is Severity.SEE_DOCTOR and flag.region is None
    assert "day-to-day activities" in flag.message and len(flag.evidence) == 3
    two = JournalData(checkins=tuple(checkin(day(i), 4, interference=8) for i in (-14, -6, 0)))
    assert "pain_interference" not in rules(two)  # the first is 15 days back
    six = JournalData(checkins=tuple(checkin(day(i), 4, interference=6) for i in (-2, -1, 0)))
    assert "pain_interference" not in rules(six)


# ---- numbness or tingling in a leg ---------------------------------------------------------------------


def test_tingling_in_a_hamstring_is_see_a_doctor():
    data = JournalData(checkins=(checkin(day(-3), 2, region=Region.HAMSTRING_RIGHT, character=(Character.TINGLING,)),))
    flag = only(data, "leg_numbness")
    assert flag.region is Region.HAMSTRING_RIGHT and "tingling" in flag.message
    assert "call an emergency number" in flag.message  # if both legs


def test_back_numbness_counts_when_the_pain_spreads_into_the_leg():
    still = checkin(day(-1), 3, character=(Character.NUMBNESS,))
    assert "leg_numbness" not in rules(JournalData(checkins=(still,)))
    spreading = checkin(day(-1), 3, character=(Character.NUMBNESS,), radiates=Radiates.THIGH)
    assert only(JournalData(checkins=(spreading,)), "leg_numbness").region is Region.LOWER_BACK
    old = JournalData(checkins=(spreading, checkin(day(13), 0)))
    assert "leg_numbness" not in rules(old, day(13))  # 14 days on, with a check-in since


# ---- pain during runs -------------------------------------------------------------------------------------


def test_a_run_cut_short_by_pain_is_watch_take_a_break():
    data = JournalData(runs=(run(-2, 5.0, stopped_for_pain=True),))
    flag = only(data, "pain_during_run")
    assert flag.severity is Severity.WATCH and flag.headline == "Pain stopping your runs: take a break"
    assert "take a break" in flag.action.lower() and "5.0 km" in flag.evidence[0].what


def test_strong_pain_during_runs_counts_from_5():
    four = JournalData(checkins=(checkin(D, 4, timing=Timing.DURING_RUN),))
    assert "pain_during_run" not in rules(four)
    five = JournalData(checkins=(checkin(D, 5, timing=Timing.DURING_RUN),))
    assert only(five, "pain_during_run").headline == "Strong pain during runs: take a break"
    later = JournalData(runs=(run(-15, stopped_for_pain=True), run(-1)))
    assert "pain_during_run" not in rules(later)  # 15 days ago, with runs logged since


# ---- painkillers over weeks --------------------------------------------------------------------------------


def _painkillers(days: list[int]) -> JournalData:
    return JournalData(care=tuple(CareEntry(day(i), CareKind.PAINKILLER, "ibuprofen 200 mg") for i in days))


def test_painkillers_3_days_a_week_for_8_weeks_is_see_a_doctor():
    days = [-7 * w - d for w in range(8) for d in (0, 2, 4)]
    flag = only(_painkillers(days), "painkiller_use")
    assert flag.severity is Severity.SEE_DOCTOR and "12 of the last 28 days" in flag.headline
    assert "10 days" in flag.message  # the NHS's limit for ibuprofen without a doctor


def test_regular_painkillers_count_from_10_days_in_28():
    nine = [-27, -24, -21, -18, -15, -12, -9, -6, -3]
    assert "painkiller_use" not in rules(_painkillers(nine))
    assert only(_painkillers([*nine, 0]), "painkiller_use").severity is Severity.SEE_DOCTOR


def test_painkillers_on_7_of_10_days_stays_watch():
    flag = only(_painkillers([-9, -8, -6, -4, -3, -2, 0]), "painkiller_use")
    assert flag.severity is Severity.WATCH


# ---- risk profile ------------------------------------------------------------------------------------------


CANCER = RiskProfile(frozenset({RiskFactor.CANCER_HISTORY}))


def test_back_pain_with_a_risk_factor_is_see_a_doctor_and_names_the_factor():
    data = JournalData(checkins=daily(-1, [3, 3]))
    assert "risk_factor_pain" not in rules(data)
    flag = only(data, "risk_factor_pain", risk=CANCER)
    assert flag.risk_factors == (RiskFactor.CANCER_HISTORY,) and "a history of cancer" in flag.message
    assert flag.to_json()["risk_factors"] == ["cancer_history"]
    assert "risk_factor_pain" not in rules(JournalData(checkins=(checkin(D, 3),)), risk=CANCER)  # one day
    hamstring = JournalData(checkins=daily(-1, [5, 5], region=Region.HAMSTRING_LEFT))
    assert "risk_factor_pain" not in rules(hamstring, risk=CANCER)


def test_over_50_counts_for_new_back_pain_only():
    born = date(1971, 6, 1)  # 54 on D
    older = RiskProfile(date_of_birth=born)
    new = JournalData(checkins=daily(-400, [0] * 5) + daily(-1, [4, 4]))
    assert only(new, "risk_factor_pain", risk=older).risk_factors == (RiskFactor.OVER_50,)
    # The same pain began at 48 and has come and gone since: not new back pain.
    since_48 = JournalData(checkins=tuple(checkin(day(-2200 + 200 * i), 4) for i in range(11)) + daily(-1, [4, 4]))
    assert "risk_factor_pain" not in rules(since_48, risk=older)
    younger = RiskProfile(date_of_birth=date(1990, 1, 1))
    assert "risk_factor_pain" not in rules(new, risk=younger)
    ticked = RiskProfile(frozenset({RiskFactor.OVER_50}))
    assert "risk_factor_pain" in rules(new, risk=ticked)


# ---- wording of every rule ----------------------------------------------------------------------------------


FORBIDDEN = re.compile(
    r"sciatica|cauda equina|hernia|slipped disc|\btear\b|strain|fracture|infection|(?<!history of )cancer|tumou?r|"
    r"arthritis",
    re.I,
)
"""Names of diagnoses; "a history of cancer" is the person's own risk profile, which the flag repeats back."""


def _one_journal_per_rule() -> list[tuple[JournalData, RiskProfile | None]]:
    from tests.test_flags_rules import _runs  # the jump week builder

    monday = day(-27) - timedelta(days=day(-27).weekday())
    jump_runs = _runs([[5, 5, 5, 5]] * 3 + [[5, 5, 5, 5, 5, 5]], monday)
    after_jump = monday + timedelta(weeks=3, days=8)
    return [
        (JournalData(checkins=(checkin(D, 2, signs=tuple(WarningSign)),)), None),
        (JournalData(checkins=(checkin(D, 4, region=Region.UPPER_BACK),)), None),
        (JournalData(checkins=daily(-2, [4, 4, 4], timing=Timing.REST_DAY)), None),
        (JournalData(checkins=(checkin(D, 3, region=Region.HAMSTRING_LEFT, character=(Character.NUMBNESS,)),)), None),
        (JournalData(checkins=(checkin(D, 3, radiates=Radiates.BELOW_KNEE),)), None),
        (JournalData(checkins=daily(-1, [8, 8])), None),
        (JournalData(checkins=daily(-2, [4, 4, 4], interference=8)), None),
        (JournalData(checkins=daily(-30, [4] * 31)), None),
        (_weekly(5, 3), None),
        (JournalData(checkins=daily(-20, [1] * 7 + [0] * 7 + [5] * 7)), None),
        (JournalData(checkins=daily(-1, [3, 3])), CANCER),
        (_painkillers(list(range(-12, 1))), None),
        (JournalData(runs=(run(0, stopped_for_pain=True),)), None),
        (JournalData(runs=jump_runs, checkins=(checkin(after_jump, 4),)), None),
    ]


def test_every_rule_words_its_advice_without_naming_a_diagnosis():
    raised = set()
    for data, risk in _one_journal_per_rule():
        as_of = max([c.day for c in data.checkins] + [r.day for r in data.runs] + [c.day for c in data.care])
        for flag in flags_of(data, as_of, risk=risk):
            raised.add(flag.rule)
            assert not FORBIDDEN.search(flag.message + flag.headline), flag.message
            assert flag.message.endswith(DISCLAIMER) and flag.action and flag.action in flag.message
            assert flag.sources and all(s.url.startswith("https://") for s in flag.sources)
            assert re.search(
                r"call an emergency number|get medical help today|see a doctor|take a break|ease back|"
                r"pharmacist",
                flag.message,
                re.I,
            ), flag.message
            assert "Nielsen et al., Br J" not in flag.message
    assert raised == set(RULE_IDS)


def test_flags_json_keeps_the_names_and_adds_the_action_key_and_sources():
    data = JournalData(checkins=(*daily(-13, [4] * 14), checkin(D, 4, hour=9, signs=(WarningSign.FEVER,))))
    flags = flags_of(data, acks=(Acknowledgement("warning_sign:chest_pain:2026-01-01", at(-1)),))
    shapes = [f.to_json() for f in flags]
    assert [(s["rule"], s["severity"]) for s in shapes] == [
        ("warning_sign", "urgent"),
        ("lingering_pain", "see_doctor"),
    ]
    for shape in shapes:
        assert {"rule", "severity", "region", "since", "evidence", "message", "action", "key", "sources"} <= set(shape)
    assert shapes[0]["region"] is None and shapes[0]["persistent"] is True
    assert shapes[1]["region"] == "lower_back" and shapes[1]["evidence"][0] == {
        "date": day(-13).isoformat(),
        "score": 4,
        "what": "Lower back 4/10",
    }


def test_numbness_at_the_glute_or_hip_is_see_a_doctor_and_says_when_it_is_an_emergency():
    data = JournalData(checkins=(checkin(D, 4, others={}, region=Region.GLUTE_HIP, character=(Character.NUMBNESS,)),))
    flag = only(data, "leg_numbness")
    assert flag.severity is Severity.SEE_DOCTOR and flag.region is Region.GLUTE_HIP
    assert flag.action.startswith("If the numbness or tingling is around your genitals or buttocks")
    assert "call an emergency number now" in flag.action


def test_pain_climbing_over_two_weeks_is_getting_worse_even_without_an_earlier_week():
    climbing = JournalData(checkins=daily(-13, [2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 6]))
    flag = only(climbing, "worsening_pain")
    assert "against the first 3 of the last 14 days" in flag.message and "up 3.7 points" in flag.message
    steady_new = JournalData(checkins=daily(-20, [0] * 7 + [4] * 14))
    assert "worsening_pain" not in rules(steady_new)  # new pain that stays level is not "worse"
    from_nothing = JournalData(checkins=daily(-13, [0, 0, 0, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 6]))
    assert "worsening_pain" in rules(from_nothing)  # new pain that keeps climbing is
    wobbling = JournalData(checkins=daily(-13, [0, 0, 0, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 5]))
    assert "worsening_pain" not in rules(wobbling)
