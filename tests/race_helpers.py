"""Journals for the goal-race tests: weeks of running given as (total km, long run km)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.vocabulary import Region

BASE_START = date(2026, 1, 5)
"""A Monday: the base weeks start here."""


def week_runs(monday: date, total: float, long: float) -> list[Run]:
    """A week of ``total`` km: the long run on Saturday, the rest split between Tuesday and Thursday."""
    runs = [Run(datetime.combine(monday + timedelta(days=5), time(8)), long * 1000.0)]
    rest = total - long
    if rest > 0:
        runs += [Run(datetime.combine(monday + timedelta(days=d), time(7)), rest / 2 * 1000.0) for d in (1, 3)]
    return runs


def journal_runs(weeks: list[tuple[float, float]], first_monday: date = BASE_START) -> list[Run]:
    """Runs for consecutive weeks from ``first_monday``, each (total km, long run km)."""
    runs: list[Run] = []
    for i, (total, long) in enumerate(weeks):
        runs += week_runs(first_monday + timedelta(weeks=i), total, long)
    return sorted(runs, key=lambda r: r.started_at)


def sunday_pain(first_monday: date, scores: list[int], region: Region = Region.LOWER_BACK) -> list[CheckIn]:
    """One check-in each Sunday from the first week on, scoring ``region``."""
    return [
        CheckIn(
            datetime.combine(first_monday + timedelta(weeks=i, days=6), time(20)),
            (RegionScore(region, score),),
        )
        for i, score in enumerate(scores)
    ]


BASE = [(20.0, 8.0)] * 4
"""Four base weeks: 20 km a week, the longest run 8 km (Tue 6, Thu 6, Sat 8)."""
GRADUAL_BUILD = [
    (22.0, 8.8),
    (24.0, 9.6),
    (26.0, 10.5),
    (21.0, 8.5),  # cut-back
    (28.0, 11.5),
    (30.0, 12.6),
    (32.0, 13.8),
    (26.0, 11.0),  # cut-back
    (34.0, 15.1),
    (36.0, 16.6),
    (38.0, 18.2),  # peak, 2 weeks before the race week
]
"""Eleven weeks from 2 Feb 2026: every week within 10 % of the weeks before, every long run within
10 % of the month's longest, a cut-back week every fourth week, peaking at 38 km with an 18.2 km long run."""
HALF_DAY = date(2026, 5, 3)
"""A Sunday: the half marathon after the base and the gradual build (race week from 27 Apr)."""
