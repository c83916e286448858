"""The check-in reminders' schedule (pure: settings, a time, runs and check-ins in; the next reminder out)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from journal.analysis.reminders import (
    LATE_LIMIT,
    Reminder,
    ReminderKind,
    is_due,
    missed_morning,
    next_reminder,
    offer_time,
    reminder_text,
)
from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import Region

ON = Settings(reminder_daily=True, reminder_daily_time=time(20, 0), reminder_morning_time=time(8, 0))


def run(day: date, hour: int = 18) -> Run:
    return Run(started_at=datetime.combine(day, time(hour)), distance_m=8000.0)


def checkin(when: datetime, score: int = 3, notes: str = "") -> CheckIn:
    return CheckIn(recorded_at=when, scores=(RegionScore(Region.LOWER_BACK, score),), notes=notes)


def test_the_morning_after_a_run_comes_before_the_evening_reminder() -> None:
    now = datetime(2026, 3, 2, 21, 0)  # Monday evening, after a run at 18:00
    got = next_reminder(ON, now, [run(date(2026, 3, 2))], [])
    assert got == Reminder(ReminderKind.MORNING_AFTER_RUN, datetime(2026, 3, 3, 8, 0), date(2026, 3, 3))


def test_daily_reminder_is_skipped_on_a_day_already_checked_in() -> None:
    now = datetime(2026, 3, 2, 9, 0)
    assert next_reminder(ON, now, [], []) == Reminder(ReminderKind.DAILY, datetime(2026, 3, 2, 20), date(2026, 3, 2))
    done = [checkin(datetime(2026, 3, 2, 8, 30))]
    assert next_reminder(ON, now, [], done) == Reminder(ReminderKind.DAILY, datetime(2026, 3, 3, 20), date(2026, 3, 3))


def test_no_morning_reminder_when_that_morning_is_checked_in_or_it_is_off() -> None:
    now = datetime(2026, 3, 2, 21, 0)
    runs = [run(date(2026, 3, 2))]
    early = [checkin(datetime(2026, 3, 3, 6, 50))]
    assert next_reminder(ON, datetime(2026, 3, 3, 7, 0), runs, early).kind is ReminderKind.DAILY
    off = replace(ON, reminder_morning_after_run=False, reminder_daily=False)
    assert next_reminder(off, now, runs, []) is None


def test_morning_reminder_is_on_by_default_and_the_daily_one_off() -> None:
    settings = Settings()
    assert settings.reminder_morning_after_run and not settings.reminder_daily
    got = next_reminder(settings, datetime(2026, 3, 2, 21, 0), [run(date(2026, 3, 2))], [])
    assert got is not None and got.kind is ReminderKind.MORNING_AFTER_RUN
    assert next_reminder(settings, datetime(2026, 3, 3, 9, 0), [run(date(2026, 3, 2))], []) is None


def test_same_minute_shows_only_the_morning_reminder() -> None:
    both = replace(ON, reminder_daily_time=time(8, 0))
    got = next_reminder(both, datetime(2026, 3, 2, 21, 0), [run(date(2026, 3, 2))], [])
    assert got.kind is ReminderKind.MORNING_AFTER_RUN


def test_is_due_at_its_time_not_before_not_long_after_and_not_once_checked_in() -> None:
    reminder = Reminder(ReminderKind.DAILY, datetime(2026, 3, 2, 20), date(2026, 3, 2))
    assert not is_due(reminder, datetime(2026, 3, 2, 19, 59), [])
    assert is_due(reminder, datetime(2026, 3, 2, 20, 0), [])
    assert is_due(reminder, datetime(2026, 3, 2, 20) + LATE_LIMIT, [])
    assert not is_due(reminder, datetime(2026, 3, 2, 20) + LATE_LIMIT + timedelta(minutes=1), [])
    assert not is_due(reminder, datetime(2026, 3, 2, 20, 0), [checkin(datetime(2026, 3, 2, 19, 30))])


def test_start_up_offers_the_morning_after_the_latest_run_without_a_check_in() -> None:
    runs = [run(date(2026, 3, 1)), run(date(2026, 3, 2))]
    now = datetime(2026, 3, 3, 10, 15)
    assert missed_morning(ON, now, runs, []) == date(2026, 3, 3)
    assert missed_morning(ON, now, runs, [checkin(datetime(2026, 3, 3, 7))]) == date(2026, 3, 2)
    both = [checkin(datetime(2026, 3, 3, 7)), checkin(datetime(2026, 3, 2, 7))]
    assert missed_morning(ON, now, runs, both) is None
    assert missed_morning(ON, datetime(2026, 3, 6, 9), runs, []) is None  # too long ago to remember well
    assert missed_morning(replace(ON, reminder_morning_after_run=False), now, runs, []) is None


def test_the_offered_check_in_is_that_morning_but_never_in_the_future() -> None:
    assert offer_time(ON, date(2026, 3, 2), datetime(2026, 3, 3, 10, 15, 33)) == datetime(2026, 3, 2, 8, 0)
    assert offer_time(ON, date(2026, 3, 3), datetime(2026, 3, 3, 6, 40, 12)) == datetime(2026, 3, 3, 6, 40)


@given(
    score=st.integers(0, 10),
    notes=st.text(max_size=40).map(lambda t: f"Private: {t}"),
    hour=st.integers(0, 23),
)
def test_notification_text_never_holds_scores_or_notes(score: int, notes: str, hour: int) -> None:
    """Others may see the screen: the texts hold no digit (no score, distance, time or date) and no note."""
    day = date(2026, 3, 2)
    checkins = [checkin(datetime.combine(day - timedelta(days=2), time(hour)), score, notes)]
    reminders = [
        next_reminder(ON, datetime.combine(day, time(hour)), [run(day)], checkins),
        next_reminder(replace(ON, reminder_morning_after_run=False), datetime.combine(day, time(hour)), [], checkins),
    ]
    for reminder in reminders:
        assert reminder is not None
        title, message = reminder_text(reminder.kind)
        for text in (title, message):
            assert not re.search(r"\d", text), text
            assert notes not in text and "Private" not in text
