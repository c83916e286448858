"""The goal race of a journal as of a day: the next race, the flags' highest severity, and its plan.

The race check takes the flags' highest severity as a plain number from the caller
(``FlagRankOn``), which asks the one flag evaluation every other view uses
(``journal.interchange.flag_inputs``), so "talk to a professional before racing" always
agrees with the Flags page. The window, the command line and the report all come
through ``goal_race_plan``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from journal.analysis.race_verdict import RacePlan, plan_race
from journal.domain.entries import JournalData
from journal.domain.races import Race, next_race, within_banner_reach
from journal.domain.settings import WeekStart

FlagRankOn = Callable[[date], int]
"""The most urgent flag's rank as of a day (emergency 4, urgent 3, see a doctor 2, watch 1, none 0). The
window, the report and ``plan`` pass one that asks ``journal.interchange.flag_inputs.check_flags``, so the
race check sees exactly the flags the Flags page shows."""


def goal_race_plan(
    data: JournalData,
    as_of: date,
    flag_rank_on: FlagRankOn,
    week_start: WeekStart = WeekStart.MONDAY,
    race: Race | None = None,
) -> RacePlan | None:
    """The plan of ``race`` (default: the next race on or after ``as_of``) as of ``as_of``; None without a race.

    The flags are judged as of the race day when ``as_of`` is past it.
    """
    race = race or next_race(data.races, as_of)
    if race is None:
        return None
    rank = flag_rank_on(min(as_of, race.day))
    return plan_race(race, data.runs, data.checkins, as_of, week_start, rank)


__all__ = ["FlagRankOn", "goal_race_plan", "within_banner_reach"]
