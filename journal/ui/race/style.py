"""What the Race page and the line under the flag banner share: verdict colours and the race's title line.

Light on purpose (no matplotlib): the banner line is built at start-up.
"""

from __future__ import annotations

from datetime import date

from journal.analysis.race_checks import Status, Verdict, day_text
from journal.domain.races import Race
from journal.domain.units import format_duration

VERDICT_COLOURS = {
    Verdict.ON_TRACK: "#2e7d32",
    Verdict.EASE_BACK: "#b35c00",
    Verdict.RE_PLAN: "#0b5394",
    Verdict.SEE_PROFESSIONAL: "#b00020",
}
STATUS_COLOURS = {Status.OK: "#2e7d32", Status.CAUTION: "#b35c00", Status.PROBLEM: "#b00020"}
STATUS_WORDS = {Status.OK: "OK", Status.CAUTION: "Caution", Status.PROBLEM: "Problem"}


def race_title(race: Race, as_of: date) -> str:
    """'City half marathon · half marathon · Sun 17 Jan 2027 · in 6 weeks · goal 2:00:00' (plain text)."""
    days = (race.day - as_of).days
    if days == 0:
        when = "today"
    elif days < 0:
        when = "passed"
    elif days < 14:
        when = f"in {days} day{'s' if days != 1 else ''}"
    else:
        when = f"in {days // 7} weeks"
    goal = f" · goal {format_duration(race.goal_time_s)}" if race.goal_time_s else ""
    return f"{race.name} · {race.distance_words} · {race.day:%a} {day_text(race.day)} · {when}{goal}"
