"""The report's "Goal race" section: the verdict on the build-up and taper when a race falls in or after the period.

Plain data first (``RaceSummary``, counted with the rest of the report), then a
few blocks for page 1: the race, the verdict and why, and only the checks that
are not ok (each with its reason), so a clinician sees in a line or two whether
the runner is building towards a race on a sore back. The plan is judged as of the
period's last day (or race day, if that comes first), like the flags.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journal.analysis.goal_race import FlagRankOn, goal_race_plan
from journal.analysis.race_checks import Status, day_text
from journal.domain.entries import JournalData
from journal.domain.races import next_race
from journal.domain.settings import WeekStart
from journal.domain.units import format_duration
from journal.interchange.report.blocks import Block, Heading, Para, esc

SOURCES_LINE = (
    "Sources: weekly change, Nielsen et al. 2014; single long runs, Frandsen et al. 2025; taper, Bosquet et al. "
    "2007; change in pain, Farrar et al. 2001. A guide to distance, not a training prescription."
)


@dataclass(frozen=True, slots=True)
class RaceCheckLine:
    label: str
    status: str
    """``ok``, ``caution`` or ``problem``."""
    reason: str


@dataclass(frozen=True, slots=True)
class RaceSummary:
    name: str
    day: date
    distance_words: str
    goal_time: str
    """``1:45:00``, or "" without a goal."""
    as_of: date
    verdict: str
    """``on_track``, ``ease_back``, ``re_plan`` or ``see_professional``."""
    verdict_label: str
    summary: str
    checks: tuple[RaceCheckLine, ...]

    @property
    def needing_attention(self) -> tuple[RaceCheckLine, ...]:
        return tuple(c for c in self.checks if c.status != Status.OK.value)


def race_summary(
    data: JournalData,
    start: date,
    end: date,
    flag_rank_on: FlagRankOn,
    week_start: WeekStart = WeekStart.MONDAY,
) -> RaceSummary | None:
    """The first race on or after ``start`` (in the period or after it), judged as of ``end`` or race day."""
    race = next_race(data.races, start)
    if race is None:
        return None
    as_of = min(end, race.day)
    plan = goal_race_plan(data, as_of, flag_rank_on, week_start, race)
    if plan is None:
        return None
    return RaceSummary(
        name=race.name,
        day=race.day,
        distance_words=race.distance_words,
        goal_time=format_duration(race.goal_time_s) if race.goal_time_s else "",
        as_of=as_of,
        verdict=plan.verdict.value,
        verdict_label=plan.verdict.label,
        summary=plan.summary,
        checks=tuple(RaceCheckLine(c.check.label, c.status.value, c.reason) for c in plan.checks),
    )


def race_blocks(summary: RaceSummary | None, period_end: date) -> list[Block]:
    """The section for page 1; nothing without a race."""
    if summary is None:
        return []
    if summary.day <= period_end:
        when = f"on {day_text(summary.day)}, in this period"
    else:
        weeks = (summary.day - period_end).days // 7
        after = f"{weeks} week{'s' if weeks != 1 else ''} after this period" if weeks else "just after this period"
        when = f"on {day_text(summary.day)}, {after}"
    goal = f", goal {summary.goal_time}" if summary.goal_time else ""
    why = summary.summary.removeprefix(f"{summary.verdict_label}: ")
    said = f"<b>{esc(summary.verdict_label)}</b>"
    said += f": {esc(why)}" if summary.verdict in ("ease_back", "re_plan") else "."
    out: list[Block] = [
        Heading("Goal race"),
        Para(
            f"<b>{esc(summary.name)}</b> ({esc(summary.distance_words)}{goal}) {when}. "
            f"As of {day_text(summary.as_of)} the check of the build-up says: {said}"
        ),
    ]
    attention = summary.needing_attention
    listed = (
        "Needing attention: " + ", ".join(f"{esc(c.label.lower())} ({c.status})" for c in attention) + ". "
        if attention
        else "All six checks are ok. "
    )
    out.append(Para(listed + SOURCES_LINE, "muted"))
    return out
