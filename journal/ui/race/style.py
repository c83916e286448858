"""What the Race page and the line under the flag banner share: verdict colours and the race's title line.

Light on purpose (no matplotlib, no analysis): the banner line is built at start-up.
Colours (``journal.ui.colours``, light or dark with the scheme) are keyed by the verdict and status identifiers (``Verdict`` and ``Status``
of ``journal.analysis.race_checks`` are StrEnums, so their members are those strings).
"""

from __future__ import annotations

from datetime import date

from journal.domain.races import Race
from journal.domain.units import format_duration
from journal.ui.colours import Tone, current


def verdict_colour(verdict: str) -> str:
    """The verdict's colour in the scheme shown (green on track, amber ease back, blue re-plan, red professional)."""
    return current().of(VERDICT_TONES[verdict])


def status_colour(status: str) -> str:
    return current().of(STATUS_TONES[status])


VERDICT_TONES = {"on_track": Tone.OK, "ease_back": Tone.CAUTION, "re_plan": Tone.INFO, "see_professional": Tone.ERROR}
STATUS_TONES = {"ok": Tone.OK, "caution": Tone.CAUTION, "problem": Tone.ERROR}
STATUS_WORDS = {"ok": "OK", "caution": "Caution", "problem": "Problem"}


def day_text(day: date) -> str:
    """'17 Jan 2027'."""
    return f"{day.day} {day:%b %Y}"


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
