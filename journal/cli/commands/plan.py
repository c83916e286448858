"""``plan [--json] [--as-of DATE]``: the next goal race's build-up and taper check.

For the next race on or after the as-of day (default today; on race day, that race):
the verdict (``on_track``, ``ease_back``, ``re_plan`` or ``see_professional``), the six
checks (``steep_build``, ``long_run_spike``, ``no_taper``, ``base_too_low``,
``pain_rising``, ``flags_active``; each ``ok``, ``caution`` or ``problem`` with its
reason and source) and every week from the start of the build to race day, planned
against actual. With ``--json``::

    {"race": {"name", "date", "distance_km"}, "verdict": "...",
     "checks": [{"check", "status", "message"}],
     "weeks": [{"week_start", "phase", "planned_km", "actual_km", "planned_long_km", "actual_long_km"}]}

(distances in km; ``actual_*`` null for weeks still to come). Without a race: exit 1
with a message. The formulas and sources are in ``journal.analysis.race_plan`` and
``race_checks``. A guide to distance, not a workout generator.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from datetime import date
from typing import Any

from journal.cli.common import EXIT_OK, CommandError, add_command, guarded, iso_date, open_journal
from journal.domain.numbers import counted

GUIDE_NOTE = (
    "A guide to distance, not a workout generator: it suggests how far to run each week, not what to run. "
    "It is not a medical device and does not replace a professional's judgement."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "plan", "check the build-up and taper for the next goal race (or --json)")
    p.add_argument("--as-of", dest="as_of", type=iso_date, metavar="DATE", help="judge as of this day (default today)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run)


def _num(value: float | None, unit: Any) -> str:
    from journal.domain.units import from_metres

    return "-" if value is None else f"{from_metres(value * 1000.0, unit):.1f}"


def plan_text(plan: Any, unit: Any) -> str:
    """The readable report: race, verdict, checks with reasons and sources, the weeks table in ``unit``."""
    from journal.analysis.race_checks import day_text

    race = plan.race
    wrap = textwrap.TextWrapper(width=100, initial_indent="    ", subsequent_indent="    ")
    weeks_left = plan.weeks_to_race
    days_left = (race.day - plan.as_of).days
    ahead = f"in {counted(weeks_left, 'week')}" if weeks_left >= 2 else f"in {counted(days_left, 'day')}"
    when = "today" if race.day == plan.as_of else ("passed" if race.day < plan.as_of else ahead)
    lines = [
        f"Goal race: {race.name}, {race.distance_words} on {race.day:%a} {day_text(race.day)} ({when}), "
        f"as of {day_text(plan.as_of)}",
        "",
        f"Verdict: {plan.verdict.value} - {plan.verdict.label}",
        *textwrap.wrap(plan.summary, 100, initial_indent="  ", subsequent_indent="  "),
        "",
        "Checks:",
    ]
    for check in plan.checks:
        lines.append(f"  [{check.status.value}] {check.check.value}: {check.check.label}")
        lines += wrap.wrap(check.reason)
        lines += wrap.wrap(f"Source: {check.source}.")
    u = unit.value
    lines += [
        "",
        f"Weeks (distances in {u}; planned against actual so far):",
        f"  {'Week of':<11} {'Phase':<8} {'Planned':>8} {'Actual':>8} {'Long plan':>10} {'Long run':>9}  Pain",
    ]
    for w in plan.weeks:
        pain = "-" if w.pain is None else f"{w.pain:.1f}"
        lines.append(
            f"  {w.week_start.isoformat():<11} {w.phase.value:<8} {_num(w.planned_km, unit):>8} "
            f"{_num(w.actual_km, unit):>8} {_num(w.planned_long_km, unit):>10} {_num(w.actual_long_km, unit):>9}  {pain}"
        )
    lines += ["", *textwrap.wrap(GUIDE_NOTE, 100)]
    return "\n".join(lines)


@guarded
def run(args: argparse.Namespace) -> int:
    from journal.analysis.goal_race import goal_race_plan
    from journal.interchange.flag_inputs import highest_rank

    as_of = args.as_of or date.today()
    with open_journal(args, create=False) as journal:
        settings = journal.settings()
        data = journal.data()
        if not data.races:
            raise CommandError(
                "there is no goal race yet; add one with: race add --name NAME --date DATE --distance half"
            )
        plan = goal_race_plan(data, as_of, lambda day: highest_rank(journal, day), settings.week_start)
    if plan is None:
        raise CommandError(
            f"no race on or after {as_of.isoformat()}: every race in the journal has passed; add your next one "
            "with race add"
        )
    if args.json:
        print(json.dumps(plan.to_json(), indent=1, ensure_ascii=False))
    else:
        print(plan_text(plan, settings.units))
    return EXIT_OK
