"""Validation of every field a person or a file can give the journal.

Each check returns ``None`` when the value is acceptable, or a message that
names the problem in plain words. Forms show the message at the field while
the person types; the JSON importer prefixes it with the entry and field.
``validate_run`` and ``validate_checkin`` check a whole record before storage
writes it, so nothing invalid reaches the database from any path.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from journal.domain.entries import CareEntry, CheckIn, Run, Shoe
from journal.domain.races import Race, world_record_for
from journal.domain.units import DistanceUnit, format_distance, format_duration


class InvalidEntry(ValueError):
    """A record failed validation; ``problems`` maps field name to message."""

    def __init__(self, what: str, problems: dict[str, str]) -> None:
        self.what = what
        self.problems = problems
        detail = "; ".join(f"{field}: {msg}" for field, msg in problems.items())
        super().__init__(f"{what} not saved: {detail}")


MAX_RUN_M = 500_000.0
"""500 km: longer than any single run (multi-day ultras are logged per day)."""
MAX_DURATION_S = 4 * 24 * 3600
MAX_NOTES = 10_000
MAX_NAME = 200
EARLIEST = date(1900, 1, 1)


def _limit_words(metres: float, unit: DistanceUnit) -> str:
    """A distance limit in the unit shown, the other in brackets: '500 km (310.7 mi)', '310.7 mi (500 km)'."""
    other = DistanceUnit.MI if unit is DistanceUnit.KM else DistanceUnit.KM
    return f"{_short(metres, unit)} ({_short(metres, other)})"


def _short(metres: float, unit: DistanceUnit) -> str:
    """'500 km', '310.7 mi', '0.62 mi': whole numbers without decimals, small ones with two."""
    value = metres / unit.metres
    text = f"{value:.0f}" if abs(value - round(value)) < 0.005 else f"{value:.2f}" if value < 10 else f"{value:.1f}"
    return f"{text} {unit.value}"


def check_distance_m(metres: float | None, unit: DistanceUnit = DistanceUnit.KM) -> str | None:
    """A run's distance: a number over 0 and at most ``MAX_RUN_M``; the limit is said in ``unit`` first."""
    if metres is None:
        return "Enter the distance"
    if isinstance(metres, bool) or not isinstance(metres, (int, float)) or math.isnan(metres):
        return "Distance must be a number"
    if metres <= 0:
        return "Distance must be more than 0"
    if metres > MAX_RUN_M:
        return f"Distance must be at most {_limit_words(MAX_RUN_M, unit)}"
    return None


PACE_CHECKED_FROM_M = 1000.0
"""Runs from 1 km on are checked against world-record pace; below it, track sprints are outside the records
the check uses (road 5 km to marathon), and a Riegel estimate from them is too slow to be a fair limit."""


def check_pace(distance_m: float | None, duration_s: int | None, unit: DistanceUnit = DistanceUnit.KM) -> str | None:
    """A distance and a time that are each valid but together faster than the men's road world record
    (``races.world_record_for``: the record, or Riegel's estimate from the nearest two) are a typing mistake:
    a minute typed for an hour, miles for kilometres."""
    if distance_m is None or duration_s is None or check_distance_m(distance_m) or check_duration_s(duration_s):
        return None  # each field has its own message
    if distance_m < PACE_CHECKED_FROM_M or duration_s <= 0:
        return None
    fastest, what = world_record_for(distance_m / 1000.0)
    if duration_s < fastest:
        return (
            f"{format_distance(distance_m, unit)} in {format_duration(duration_s)} is faster than {what}: "
            "check the distance and the time"
        )
    return None


def check_duration_s(seconds: int | None) -> str | None:
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        return "Duration must be a whole number of seconds"
    if seconds <= 0:
        return "Duration must be more than 0"
    if seconds > MAX_DURATION_S:
        return "Duration must be under 4 days"
    return None


def check_when(when: datetime | date | None, now: datetime | None = None) -> str | None:
    """A date (or date and time) that is not in the future and not before 1900."""
    if when is None:
        return "Enter the date"
    now = now or datetime.now()
    day = when.date() if isinstance(when, datetime) else when
    if day < EARLIEST:
        return "The date must be after 1900"
    if isinstance(when, datetime):
        if when > now.replace(second=59, microsecond=999999):
            return "The date and time cannot be in the future"
    elif when > now.date():
        return "The date cannot be in the future"
    return None


def _check_whole(value: int | None, low: int, high: int, what: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{what} must be a whole number from {low} to {high}"
    if not low <= value <= high:
        return f"{what} must be from {low} to {high}"
    return None


def check_effort(effort: int | None) -> str | None:
    """Session effort on the CR-10 scale (Foster 1998): 1-10."""
    return _check_whole(effort, 1, 10, "Effort")


def check_score(score: int | None) -> str | None:
    """Pain on the 0-10 numeric rating scale."""
    if score is None:
        return "Enter a pain score from 0 to 10"
    return _check_whole(score, 0, 10, "Pain score")


def check_interference(value: int | None) -> str | None:
    """How much pain got in the way of usual activities: 0-10 (the PEG activity item, Krebs et al. 2009)."""
    return _check_whole(value, 0, 10, "How much pain got in the way")


def check_minutes(minutes: int | None) -> str | None:
    return _check_whole(minutes, 1, 24 * 60, "Minutes")


def check_encodable(text: str, what: str = "The text") -> str | None:
    """Text must be valid Unicode (no lone surrogates), or SQLite cannot store it as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return f"{what} contains characters that are not valid Unicode"
    return None


def check_text(text: str, limit: int = MAX_NOTES, what: str = "Notes") -> str | None:
    if not isinstance(text, str):
        return f"{what} must be text"
    if len(text) > limit:
        return f"{what} can be at most {limit:,} characters"
    if "\x00" in text:
        return f"{what} cannot contain a NUL character"
    return check_encodable(text, what)


def check_shoe_name(name: str) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return "Enter a name for the shoes"
    return check_text(name, MAX_NAME, "Shoe name")


def validate_run(run: Run, now: datetime | None = None) -> dict[str, str]:
    """Every problem with ``run``, keyed by field name; empty when it can be saved."""
    problems = {
        "started_at": check_when(run.started_at, now),
        "distance": check_distance_m(run.distance_m),
        "duration": check_duration_s(run.duration_s),
        "effort": check_effort(run.effort),
        "notes": check_text(run.notes),
        "shoe": check_shoe_name(run.shoe) if run.shoe is not None else None,
    }
    return {k: v for k, v in problems.items() if v}


def validate_checkin(checkin: CheckIn, now: datetime | None = None) -> dict[str, str]:
    """Every problem with ``checkin``, keyed by field name (``score.<region>`` for scores)."""
    problems: dict[str, str | None] = {
        "recorded_at": check_when(checkin.recorded_at, now),
        "notes": check_text(checkin.notes),
        "interference": check_interference(checkin.interference),
    }
    seen = set()
    for s in checkin.scores:
        if s.region in seen:
            problems[f"score.{s.region}"] = "This region is scored twice"
        seen.add(s.region)
        problems.setdefault(f"score.{s.region}", check_score(s.score))
    if not checkin.scores and not checkin.warning_signs:
        problems["scores"] = "A check-in needs at least one pain score or warning sign"
    return {k: v for k, v in problems.items() if v}


def validate_care(entry: CareEntry, now: datetime | None = None) -> dict[str, str]:
    problems = {
        "day": check_when(entry.day, now),
        "minutes": check_minutes(entry.minutes),
        "detail": check_text(entry.detail, 500, "Detail"),
    }
    return {k: v for k, v in problems.items() if v}


def validate_shoe(shoe: Shoe, now: datetime | None = None) -> dict[str, str]:
    problems: dict[str, str | None] = {
        "name": check_shoe_name(shoe.name),
        "first_used": check_when(shoe.first_used, now) if shoe.first_used else None,
    }
    if not (0 <= shoe.prior_m <= 10_000_000):
        problems["prior"] = "Distance before logging must be from 0 to 10,000 km"
    if not (0 < shoe.retire_at_m <= 10_000_000):
        problems["retire_at"] = "Retire-at distance must be more than 0 and at most 10,000 km"
    return {k: v for k, v in problems.items() if v}


# ---- goal races ---------------------------------------------------------------------------------
MIN_RACE_KM = 1.0
"""A race shorter than 1 km is not what this plan is for (and 0 is a typing slip)."""
MAX_RACE_KM = 500.0
"""The same 500 km ceiling as a single run."""
MAX_RACE_YEARS_AHEAD = 5
MAX_GOAL_S = 7 * 24 * 3600


def check_race_name(name: str) -> str | None:
    if not isinstance(name, str) or not name.strip():
        return "Enter a name for the race"
    return check_text(name, MAX_NAME, "Race name")


def check_race_day(day: date | None, today: date | None = None, allow_past: bool = False) -> str | None:
    """A race day from today on (a backup's past races, and a past race left as it was, are allowed)."""
    if day is None:
        return "Enter the race date"
    today = today or date.today()
    if day < EARLIEST:
        return "The race date must be after 1900"
    if day < today and not allow_past:
        return f"The race date {day.isoformat()} is in the past: a goal race is one still to come"
    if day.year > today.year + MAX_RACE_YEARS_AHEAD:
        return f"The race date must be within {MAX_RACE_YEARS_AHEAD} years"
    return None


def check_race_distance_km(km: float | None, unit: DistanceUnit = DistanceUnit.KM) -> str | None:
    """A race distance from 1 km to 500 km; the limits are said in ``unit`` first."""
    if km is None:
        return "Enter the race distance"
    if isinstance(km, bool) or not isinstance(km, (int, float)) or math.isnan(km):
        return "The race distance must be a number"
    if km <= 0:
        return "The race distance must be more than 0"
    if km < MIN_RACE_KM:
        return f"The race distance must be at least {_limit_words(MIN_RACE_KM * 1000.0, unit)}"
    if km > MAX_RACE_KM:
        return f"The race distance must be at most {_limit_words(MAX_RACE_KM * 1000.0, unit)}"
    return None


def check_goal_time_s(seconds: int | None, distance_km: float | None) -> str | None:
    """An optional goal time: more than 0, and not faster than the world record for the distance."""
    if seconds is None:
        return None
    if isinstance(seconds, bool) or not isinstance(seconds, int):
        return "The goal time must be a whole number of seconds"
    if seconds <= 0:
        return "The goal time must be more than 0"
    if seconds > MAX_GOAL_S:
        return "The goal time must be under 7 days"
    if distance_km is None or check_race_distance_km(distance_km):
        return None  # the distance has its own message
    fastest, what = world_record_for(distance_km)
    if seconds < fastest:
        return f"A goal of {format_duration(seconds)} is faster than {what}: check the time"
    return None


def validate_race(race: Race, today: date | None = None, allow_past: bool = False) -> dict[str, str]:
    """Every problem with ``race``, keyed by field name; empty when it can be saved.

    ``allow_past``: a past date is fine (a backup carries history; a past race may be renamed).
    """
    problems = {
        "name": check_race_name(race.name),
        "date": check_race_day(race.day, today, allow_past),
        "distance_km": check_race_distance_km(race.distance_km),
        "goal_time_s": check_goal_time_s(race.goal_time_s, race.distance_km),
    }
    return {k: v for k, v in problems.items() if v}
