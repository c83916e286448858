"""Whole journals built from the guidance, as a runner would keep them, and the step of the ladder each calls for.

Nothing for a pain-free build and taper, for soreness that settles or for pain that improves; the guidance's
step for pain that lingers, keeps coming back, is very bad or stops daily life, for warning signs old or new.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from journal.analysis.flags import Severity, evaluate_flags, flag_history
from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run
from journal.domain.vocabulary import CareKind, Region, Timing, WarningSign

RACE = date(2026, 10, 4)  # a Sunday
ALL = tuple(Region)


def _checkin(day: date, pain: dict[Region, int] | None = None, hour: int = 8, **kw) -> CheckIn:
    pain = pain or {}
    scores = tuple(RegionScore(r, pain.get(r, 0), Timing.NEXT_MORNING) for r in ALL)
    return CheckIn(datetime.combine(day, time(hour)), scores, **kw)


def _marathon_build() -> tuple[Run, ...]:
    """16 weeks to a marathon: easy runs and a long run that grows within 10 % a week, a cut-back every 4th week,
    a peak 3 weeks out, then a 3-week taper (about -25 %, -45 %, -60 %); the race itself is not in the journal."""
    weekly_long = [14, 15, 16, 12, 17, 18, 19.5, 15, 21, 23, 25, 19, 28, 22, 16, 10]
    runs = []
    first_monday = RACE - timedelta(weeks=16, days=6)
    for week, long_km in enumerate(weekly_long):
        monday = first_monday + timedelta(weeks=week)
        easy = round(long_km * 0.45, 1)
        for weekday, km in ((1, easy), (3, easy + 1), (4, easy), (6, long_km)):
            runs.append(Run(datetime.combine(monday + timedelta(days=weekday), time(7)), km * 1000, int(km * 340)))
    return tuple(runs)


def _daily(first: date, last: date, pain: dict[Region, int] | None = None) -> list[CheckIn]:
    return [_checkin(first + timedelta(days=i), pain) for i in range((last - first).days + 1)]


def test_a_pain_free_build_and_taper_raises_nothing_at_all():
    runs = _marathon_build()
    first = runs[0].day
    data = JournalData(runs=runs, checkins=tuple(_daily(first, RACE - timedelta(days=1))))
    assert evaluate_flags(data, RACE - timedelta(days=1)) == []
    assert flag_history(data, first, RACE - timedelta(days=1)) == []


def test_soreness_the_morning_after_each_long_run_that_settles_raises_nothing():
    runs = _marathon_build()
    first, last = runs[0].day, RACE - timedelta(days=1)
    sore_days = {r.day + timedelta(days=1) for r in runs if r.distance_m >= 14_000}
    checkins = [
        _checkin(d, {Region.HAMSTRING_RIGHT: 3, Region.LOWER_BACK: 2} if d in sore_days else None)
        for d in (first + timedelta(days=i) for i in range((last - first).days + 1))
    ]
    data = JournalData(runs=runs, checkins=tuple(checkins))
    assert [e for e in flag_history(data, first, last) if e.severity.rank >= Severity.SEE_DOCTOR.rank] == []


def test_back_pain_that_improves_over_two_weeks_raises_nothing():
    start = date(2026, 6, 1)
    values = [6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 0, 0, 0, 0]
    checkins = tuple(_checkin(start + timedelta(days=i), {Region.LOWER_BACK: v}) for i, v in enumerate(values))
    data = JournalData(runs=(Run(datetime.combine(start - timedelta(days=1), time(9)), 21_000.0),), checkins=checkins)
    end = start + timedelta(days=len(values) - 1)
    assert [f for f in evaluate_flags(data, end) if f.severity is not Severity.WATCH] == []
    assert {e.rule for e in flag_history(data, start, end)} <= {"pain_after_jump"}  # at most: ease back


def test_each_case_of_the_issue_gets_its_step_of_the_ladder():
    d = date(2026, 6, 30)
    cases = {
        # numbness around the buttocks: call an emergency number, without conditions
        "saddle": (
            JournalData(checkins=(_checkin(d, {Region.LOWER_BACK: 5}, warning_signs=(WarningSign.SADDLE_NUMBNESS,)),)),
            "warning_sign",
            Severity.EMERGENCY,
        ),
        # a sign ticked 8 days ago with daily pain since
        "old sign": (
            JournalData(
                checkins=(
                    _checkin(
                        d - timedelta(days=8),
                        {Region.LOWER_BACK: 4},
                        warning_signs=(WarningSign.WORSE_ON_COUGH_SNEEZE,),
                    ),
                    *_daily(d - timedelta(days=7), d, {Region.LOWER_BACK: 4}),
                )
            ),
            "warning_sign",
            Severity.URGENT,
        ),
        # pain between the shoulder blades
        "upper back": (
            JournalData(checkins=tuple(_daily(d - timedelta(days=2), d, {Region.UPPER_BACK: 4}))),
            "upper_back_pain",
            Severity.URGENT,
        ),
        # 9/10 for three days
        "very bad": (
            JournalData(checkins=tuple(_daily(d - timedelta(days=2), d, {Region.LOWER_BACK: 9}))),
            "severe_pain",
            Severity.SEE_DOCTOR,
        ),
        # pain on 3 days a week for 5 weeks
        "recurring": (
            JournalData(
                checkins=tuple(
                    _checkin(d - timedelta(days=i), {Region.HAMSTRING_LEFT: 4} if i % 7 in (0, 2, 4) else None)
                    for i in range(35)
                )
            ),
            "recurring_pain",
            Severity.SEE_DOCTOR,
        ),
        # pain that stops day-to-day activities
        "interference": (
            JournalData(
                checkins=tuple(
                    _checkin(d - timedelta(days=i), {Region.LOWER_BACK: 5}, interference=8) for i in range(4)
                )
            ),
            "pain_interference",
            Severity.SEE_DOCTOR,
        ),
        # painkillers on 3 days a week for 8 weeks
        "painkillers": (
            JournalData(
                care=tuple(
                    CareEntry(d - timedelta(days=7 * w + k), CareKind.PAINKILLER, "ibuprofen")
                    for w in range(8)
                    for k in (0, 2, 4)
                )
            ),
            "painkiller_use",
            Severity.SEE_DOCTOR,
        ),
        # a run cut short by pain: take a break
        "stopped": (
            JournalData(runs=(Run(datetime.combine(d, time(7)), 4000.0, stopped_for_pain=True),)),
            "pain_during_run",
            Severity.WATCH,
        ),
    }
    for name, (data, rule, severity) in cases.items():
        found = {f.rule: f for f in evaluate_flags(data, d)}
        assert rule in found, name
        assert found[rule].severity is severity, name
        assert found[rule].severity is max((f.severity for f in found.values()), key=lambda s: s.rank), name


def test_steady_new_pain_after_a_pain_free_fortnight_lingers_but_is_not_getting_worse():
    start = date(2026, 6, 1)
    checkins = _daily(start, start + timedelta(days=13)) + _daily(
        start + timedelta(days=14), start + timedelta(days=34), {Region.LOWER_BACK: 4}
    )
    data = JournalData(checkins=tuple(checkins))
    end = start + timedelta(days=34)
    assert "worsening_pain" not in {e.rule for e in flag_history(data, start, end)}
    assert "lingering_pain" in {f.rule for f in evaluate_flags(data, end)}
