"""When to remind the runner to check in: a pure scheduler, without Qt or a clock of its own.

Two kinds of reminder (Settings):

- ``daily``: every day at the chosen time, unless that day already has a check-in;
- ``morning_after_run`` (on by default): at the morning time on the day after a run,
  unless that day already has a check-in. Pain the morning after a run is the entry
  that best shows whether the running is what hurts: lower-back and hamstring
  soreness that is worse the next morning is what the flag rules call pain after
  a run rather than pain at rest (``journal.analysis.flags``).

``next_reminder(settings, now, runs, checkins)`` is the first reminder due strictly
after ``now``; the window's driver asks again after each one fires and whenever the
journal changes. ``is_due`` says whether a reminder should still be shown at ``now``:
not when the day has been checked in since, and not when it is more than
``LATE_LIMIT`` late (a computer that slept through the evening does not remind at
midnight). When both kinds fall on the same minute, only the morning one is shown.

``missed_morning`` is the start-up offer: the morning after the latest run, today or
yesterday, that has no check-in. ``reminder_text`` is what a notification says: never
a score, a note, a run or a date, since others may see the screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from journal.domain.entries import CheckIn, Run
from journal.domain.settings import Settings

LATE_LIMIT = timedelta(hours=2)
"""A reminder found this late (the computer was asleep or off at its time) is not shown."""
OFFER_DAYS = 1
"""The start-up offer looks back this many days before today: a check-in is offered for this morning or
yesterday's, not for a morning a week ago that nobody remembers well."""


class ReminderKind(StrEnum):
    DAILY = "daily"
    MORNING_AFTER_RUN = "morning_after_run"


@dataclass(frozen=True, slots=True)
class Reminder:
    kind: ReminderKind
    at: datetime
    """When it is due."""
    day: date
    """The day whose check-in it asks for."""


def _checked_in_days(checkins: Iterable[CheckIn]) -> set[date]:
    return {c.day for c in checkins}


def next_reminder(
    settings: Settings, now: datetime, runs: Iterable[Run], checkins: Iterable[CheckIn]
) -> Reminder | None:
    """The first reminder due strictly after ``now`` whose day has no check-in yet, or None when both are off.

    ``runs`` need only reach back to yesterday and ``checkins`` to today (earlier ones cannot matter).
    """
    done = _checked_in_days(checkins)
    candidates: list[Reminder] = []
    if settings.reminder_morning_after_run:
        for morning in sorted({r.day + timedelta(days=1) for r in runs}):
            at = datetime.combine(morning, settings.reminder_morning_time)
            if at > now and morning not in done:
                candidates.append(Reminder(ReminderKind.MORNING_AFTER_RUN, at, morning))
    if settings.reminder_daily:
        for day in (now.date(), now.date() + timedelta(days=1)):
            at = datetime.combine(day, settings.reminder_daily_time)
            if at > now and day not in done:
                candidates.append(Reminder(ReminderKind.DAILY, at, day))
                break
    # the earliest; on the same minute the morning reminder (its kind sorts after "daily") wins
    return min(candidates, key=lambda r: (r.at, r.kind is not ReminderKind.MORNING_AFTER_RUN), default=None)


def is_due(reminder: Reminder, now: datetime, checkins: Iterable[CheckIn]) -> bool:
    """Show ``reminder`` at ``now``: its time has come, it is at most ``LATE_LIMIT`` late, and its day has no
    check-in yet."""
    if now < reminder.at or now - reminder.at > LATE_LIMIT:
        return False
    return reminder.day not in _checked_in_days(checkins)


def missed_morning(settings: Settings, now: datetime, runs: Iterable[Run], checkins: Iterable[CheckIn]) -> date | None:
    """The morning to offer a check-in for at start-up: the latest day, from yesterday to today, that follows a
    run and has no check-in. None when there is none, or the morning-after reminder is off."""
    if not settings.reminder_morning_after_run:
        return None
    today = now.date()
    done = _checked_in_days(checkins)
    mornings = {r.day + timedelta(days=1) for r in runs if r.started_at <= now}
    for back in range(OFFER_DAYS + 1):
        morning = today - timedelta(days=back)
        if morning in mornings and morning not in done:
            return morning
    return None


def offer_time(settings: Settings, morning: date, now: datetime) -> datetime:
    """The check-in's time for a missed morning: the morning time that day, but never later than ``now``."""
    return min(datetime.combine(morning, settings.reminder_morning_time), now.replace(second=0, microsecond=0))


def reminder_text(kind: ReminderKind) -> tuple[str, str]:
    """(title, message) of a notification: fixed words, so no score, note, run or date can appear in them."""
    if kind is ReminderKind.MORNING_AFTER_RUN:
        return (
            "The morning after your run",
            "How do your back and legs feel this morning? Click to check in: it takes half a minute.",
        )
    return (
        "Time for your check-in",
        "How do your back and legs feel today? Click to check in: pain-free days count too.",
    )
