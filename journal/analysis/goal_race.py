"""The goal race of a journal as of a day: the next race, the flags' highest severity, and its plan.

This is the one place the race check calls the flag engine (``active_flag_severity``);
``race_checks.plan_race`` itself takes the highest severity as a plain number, so it
can be tested without the flag rules. The window, the command line and the report
all come through ``goal_race_plan``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from journal.analysis.flags import FlagThresholds, Severity, evaluate_flags
from journal.analysis.race_verdict import RacePlan, plan_race
from journal.domain.entries import JournalData
from journal.domain.races import Race, next_race, within_banner_reach
from journal.domain.settings import WeekStart
from journal.domain.units import DistanceUnit

FLAG_LOOKBACK_DAYS = 400
"""Records older than this cannot change which flags are raised today (the longest rule window is
91 days, plus the look-back of a jump); leaving them out keeps a ten-year journal quick."""


def active_flag_severity(
    data: JournalData,
    as_of: date,
    raw_settings: Mapping[str, str],
    week_start: WeekStart = WeekStart.MONDAY,
    units: DistanceUnit = DistanceUnit.KM,
) -> Severity | None:
    """The most urgent severity among the flags raised as of ``as_of`` (None when none is raised).

    Thresholds are the journal's ``flags.*`` settings (``Journal.raw_settings()``).
    """
    lo = as_of - timedelta(days=FLAG_LOOKBACK_DAYS)
    recent = JournalData(
        runs=tuple(r for r in data.runs if lo <= r.day <= as_of),
        checkins=tuple(c for c in data.checkins if lo <= c.day <= as_of),
        care=tuple(e for e in data.care if lo <= e.day <= as_of),
        shoes=data.shoes,
    )
    flags = evaluate_flags(recent, as_of, FlagThresholds.from_settings(dict(raw_settings)), week_start, units)
    return max((f.severity for f in flags), key=lambda s: s.rank, default=None)


def goal_race_plan(
    data: JournalData,
    as_of: date,
    raw_settings: Mapping[str, str],
    week_start: WeekStart = WeekStart.MONDAY,
    units: DistanceUnit = DistanceUnit.KM,
    race: Race | None = None,
) -> RacePlan | None:
    """The plan of ``race`` (default: the next race on or after ``as_of``) as of ``as_of``; None without a race.

    The flags are judged as of the race day when ``as_of`` is past it.
    """
    race = race or next_race(data.races, as_of)
    if race is None:
        return None
    judged_on = min(as_of, race.day)
    severity = active_flag_severity(data, judged_on, raw_settings, week_start, units)
    return plan_race(race, data.runs, data.checkins, as_of, week_start, severity.rank if severity else 0)


__all__ = ["FLAG_LOOKBACK_DAYS", "active_flag_severity", "goal_race_plan", "within_banner_reach"]
