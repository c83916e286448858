"""The verdict on a goal race's build, and the plan that carries it: ``plan_race`` puts the path and the checks together.

Verdict: ``see_professional`` when ``flags_active`` is a problem (talk to a
professional before racing); else ``re_plan`` when ``base_too_low`` is (the race
is too close or past for a build, or there is no running to build from); else
``ease_back`` when ``steep_build``, ``long_run_spike``, ``pain_rising`` or
``no_taper`` is a problem or a caution; else ``on_track``. The checks and their
sources are in ``race_checks``, the path in ``race_plan``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from journal.analysis.race_checks import (
    CheckName,
    RaceCheck,
    Status,
    base_too_low,
    flags_active,
    long_run_spike,
    no_taper,
    pain_rising,
    steep_build,
)
from journal.analysis.race_plan import PlanFrame, PlanWeek, build_frame
from journal.domain.entries import CheckIn, Run
from journal.domain.races import Race
from journal.domain.settings import WeekStart


class Verdict(StrEnum):
    ON_TRACK = "on_track"
    EASE_BACK = "ease_back"
    RE_PLAN = "re_plan"
    SEE_PROFESSIONAL = "see_professional"

    @property
    def label(self) -> str:
        return _VERDICT_LABELS[self.value]


_VERDICT_LABELS = {
    "on_track": "On track",
    "ease_back": "Ease back",
    "re_plan": "Re-plan",
    "see_professional": "Talk to a professional before racing",
}


def verdict_for(checks: Sequence[RaceCheck]) -> tuple[Verdict, RaceCheck | None]:
    """The verdict and the check that decided it (None when on track); see the module docstring."""
    by_name = {c.check: c for c in checks}

    def worst(*names: CheckName) -> RaceCheck | None:
        found = [by_name[n] for n in names if n in by_name and by_name[n].status is not Status.OK]
        return max(found, key=lambda c: c.status.rank, default=None)

    flags = by_name.get(CheckName.FLAGS_ACTIVE)
    if flags is not None and flags.status is Status.PROBLEM:
        return Verdict.SEE_PROFESSIONAL, flags
    base = by_name.get(CheckName.BASE_TOO_LOW)
    if base is not None and base.status is Status.PROBLEM:
        return Verdict.RE_PLAN, base
    easing = worst(CheckName.STEEP_BUILD, CheckName.LONG_RUN_SPIKE, CheckName.PAIN_RISING, CheckName.NO_TAPER)
    if easing is not None:
        return Verdict.EASE_BACK, easing
    return Verdict.ON_TRACK, None


@dataclass(frozen=True, slots=True)
class RacePlan:
    """A race's plan as of a day: its weeks, the six checks and the verdict."""

    frame: PlanFrame
    checks: tuple[RaceCheck, ...]
    verdict: Verdict
    deciding: RaceCheck | None

    @property
    def race(self) -> Race:
        return self.frame.race

    @property
    def weeks(self) -> tuple[PlanWeek, ...]:
        return self.frame.weeks

    @property
    def as_of(self) -> date:
        return self.frame.as_of

    def check(self, name: CheckName | str) -> RaceCheck:
        return next(c for c in self.checks if c.check == name)

    @property
    def summary(self) -> str:
        """One sentence: the verdict and why."""
        if self.deciding is None:
            return (
                "On track: the weekly build, the long runs, the taper so far and your pain are where this guide "
                "would have them."
            )
        if self.verdict is Verdict.SEE_PROFESSIONAL:
            return self.deciding.reason
        reason = self.deciding.reason
        return f"{self.verdict.label}: {reason[:1].lower()}{reason[1:]}"

    @property
    def weeks_to_race(self) -> int:
        """Whole weeks from the as-of day to race day (0 in the last week)."""
        return max(0, (self.race.day - self.as_of).days // 7)

    def to_json(self) -> dict[str, Any]:
        """The document ``plan --json`` prints (distances in km)."""
        return {
            "race": {"name": self.race.name, "date": self.race.day.isoformat(), "distance_km": self.race.distance_km},
            "verdict": self.verdict.value,
            "checks": [{"check": c.check.value, "status": c.status.value, "message": c.message} for c in self.checks],
            "weeks": [
                {
                    "week_start": w.week_start.isoformat(),
                    "phase": w.phase.value,
                    "planned_km": w.planned_km,
                    "actual_km": w.actual_km,
                    "planned_long_km": w.planned_long_km,
                    "actual_long_km": w.actual_long_km,
                }
                for w in self.weeks
            ],
        }


def plan_race(
    race: Race,
    runs: Sequence[Run],
    checkins: Sequence[CheckIn],
    as_of: date,
    week_start: WeekStart = WeekStart.MONDAY,
    flag_rank: int = 0,
) -> RacePlan:
    """The plan, checks and verdict of ``race`` as of ``as_of``.

    ``flag_rank`` is the highest ``Severity.rank`` of the flags raised as of that day (0 none,
    1 watch, 2 see a doctor, 3 urgent, 4 emergency); ``goal_race.active_flag_severity`` finds it.
    """
    frame = build_frame(race, runs, checkins, as_of, week_start)
    checks = (
        steep_build(frame),
        long_run_spike(frame),
        no_taper(frame),
        base_too_low(frame),
        pain_rising(frame),
        flags_active(flag_rank),
    )
    verdict, deciding = verdict_for(checks)
    return RacePlan(frame, checks, verdict, deciding)
