"""``race add|list|remove``: the goal races the plan looks ahead to.

``race add --name NAME --date DATE --distance 5k|10k|half|marathon|KM [--goal H:MM:SS]``
adds a race still to come (a date in the past is refused, with the reason);
``race list [--json]`` lists every race, soonest first, with its id;
``race remove ID`` deletes one. Every problem is named and nothing is saved half.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from journal.cli.common import EXIT_OK, CommandError, add_command, guarded, iso_date, open_journal, shared_options


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "race", "add, list or remove goal races (the plan looks ahead to the next one)")
    verbs = p.add_subparsers(dest="race_command", metavar="add|list|remove", required=True)
    shared = [shared_options()]
    add = verbs.add_parser(
        "add", help="add a race still to come", description="Add a race still to come.", parents=shared
    )
    add.add_argument("--name", required=True, help="what the race is called")
    add.add_argument("--date", required=True, type=iso_date, metavar="DATE", help="race day (YYYY-MM-DD)")
    add.add_argument(
        "--distance", required=True, metavar="DISTANCE", help="5k, 10k, half, marathon, or km (12.5) or miles (8mi)"
    )
    add.add_argument("--goal", metavar="TIME", help="goal time, h:mm:ss or mm:ss (optional)")
    add.set_defaults(func=run_add)
    show = verbs.add_parser(
        "list", help="list every race, soonest first", description="List every race.", parents=shared
    )
    show.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    show.set_defaults(func=run_list)
    remove = verbs.add_parser(
        "remove", help="remove a race by its id (see race list)", description="Remove a race.", parents=shared
    )
    remove.add_argument("race_id", type=int, metavar="ID", help="the race's id, as race list shows it")
    remove.set_defaults(func=run_remove)


def race_line(race, today: date) -> str:
    from journal.domain.units import DistanceUnit, format_distance, format_duration

    goal = f", goal {format_duration(race.goal_time_s)}" if race.goal_time_s else ""
    when = " (past)" if race.day < today else ""
    return (
        f"{race.id:>4}  {race.day.isoformat()}  {race.name}: {race.distance_words} ({format_distance(race.distance_km * 1000.0, DistanceUnit.KM, 1)}){goal}"
        f"{when}"
    )


@guarded
def run_add(args: argparse.Namespace) -> int:
    from journal.domain.races import Race, parse_race_distance
    from journal.domain.units import parse_duration
    from journal.domain.validation import validate_race
    from journal.storage.journal import InvalidEntry

    try:
        km = parse_race_distance(args.distance)
    except ValueError as exc:
        raise CommandError(f"--distance: {exc}; nothing was saved") from None
    try:
        goal = parse_duration(args.goal) if args.goal else None
    except ValueError as exc:
        raise CommandError(f"--goal: {exc}; nothing was saved") from None
    race = Race(name=args.name.strip(), day=args.date, distance_km=km, goal_time_s=goal)
    if refused := validate_race(race, date.today()):  # before the journal is opened: a refusal creates no file
        raise CommandError(f"the race was not saved: {'; '.join(refused.values())}")
    with open_journal(args) as journal:
        try:
            saved = journal.save_race(race)
        except InvalidEntry as exc:
            problems = "; ".join(exc.problems.values())
            raise CommandError(f"the race was not saved: {problems}") from None
        no_runs = journal.counts().runs == 0
    print(f"Added race {saved.id}: {saved.name}, {saved.distance_words} on {saved.day.isoformat()}")
    if no_runs:
        print(
            "No runs are logged yet, so the plan has no running to build from: "
            "log or import your runs, then see `plan`."
        )
    return EXIT_OK


@guarded
def run_list(args: argparse.Namespace) -> int:
    with open_journal(args, create=False) as journal:
        races = journal.races()
    if args.json:
        rows = [
            {
                "id": r.id,
                "name": r.name,
                "date": r.day.isoformat(),
                "distance_km": r.distance_km,
                "goal_time_s": r.goal_time_s,
            }
            for r in races
        ]
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    elif not races:
        print("No races yet. Add one with: race add --name NAME --date YYYY-MM-DD --distance half")
    else:
        today = date.today()
        print("  id  date        race")
        for race in races:
            print(race_line(race, today))
    return EXIT_OK


@guarded
def run_remove(args: argparse.Namespace) -> int:
    with open_journal(args, create=False) as journal:
        try:
            removed = journal.delete_race(args.race_id)
        except KeyError:
            raise CommandError(
                f"there is no race with id {args.race_id} (see race list); nothing was removed"
            ) from None
    print(f"Removed race {removed.id}: {removed.name} on {removed.day.isoformat()}")
    return EXIT_OK
