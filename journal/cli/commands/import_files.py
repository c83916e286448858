"""``import PATH... [--units km|mi]``: a JSON backup file, or watch files, folders and exports.

A JSON backup (``export --format json``) is checked whole before anything is
written, then added in one transaction: a malformed file is refused with the
entry and field named, and nothing of it is imported.

Everything else goes to ``journal.importers.run.import_paths``: GPX, TCX, FIT
(.fit.gz), a Strava bulk export (folder or .zip), a Garmin Connect Activities.csv,
and folders or zips of them. The report lists what was imported, the duplicates,
what was skipped and why, and the files that failed. Exit status 0 when the import
ran (even if some files were skipped or failed), 1 when no file could be read at
all or the runs could not be saved (then nothing was imported), 3 for a journal
file problem.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal.cli.common import EXIT_OK, CommandError, add_command, guarded, open_journal

EPILOG = (
    "Reads GPX, TCX, FIT and .fit.gz files, a Strava bulk export (its folder or .zip, through activities.csv) "
    "and a Garmin Connect Activities.csv, or folders and zips holding them. Runs already in the journal "
    "(same activity id, or a start within 2 minutes and a distance within 3 %) are not added again. "
    "All new runs are saved together or not at all. "
    "Exit status: 0 the import ran (some files may have been skipped or failed: see the report); "
    "1 no file could be read at all, or the runs could not be saved (nothing was imported); "
    "3 the journal file cannot be opened."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "import", "read a JSON backup, or runs from GPX/TCX/FIT files and Strava/Garmin exports")
    p.epilog = EPILOG
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or .zip exports")
    p.add_argument(
        "--units",
        choices=["km", "mi"],
        default=None,
        help="distance unit of a Garmin Connect CSV (the file does not say); default: the journal's unit",
    )
    p.set_defaults(func=run)


def import_json_backup(args: argparse.Namespace, path: Path) -> int:
    from journal.interchange.json_format import JsonFormatError, parse_json
    from journal.storage.journal import InvalidEntry

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not a UTF-8 text file; nothing was imported") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror}); nothing was imported") from None
    try:
        data = parse_json(text)
    except JsonFormatError as exc:
        raise CommandError(f"{path}: {exc}; nothing was imported") from None
    with open_journal(args) as journal:
        try:
            saved = journal.add_entries(
                runs=data.runs, checkins=data.checkins, care=data.care, shoes=data.shoes, races=data.races
            )
        except InvalidEntry as exc:
            raise CommandError(f"{path}: {exc}; nothing was imported") from None
    races = f", {len(saved.races)} races" if data.races else ""
    print(
        f"Imported {len(data.runs)} runs, {len(data.checkins)} check-ins, {len(data.care)} care entries{races} "
        f"and {len(data.shoes)} shoes from {path.name}"
    )
    return EXIT_OK


def _progress_printer():
    """Progress on stderr when it is a terminal; silent otherwise."""
    if not sys.stderr.isatty():
        return None

    def progress(done: int, total: int) -> bool:
        end = "\n" if done >= total else ""
        print(f"\rReading files: {done} of {total}", end=end, file=sys.stderr, flush=True)
        return True

    return progress


def print_report(report, verbose: bool) -> None:
    """The import report on stdout; run dates and distances only with ``--verbose``."""
    print(report.summary())
    if verbose:
        for run in report.imported:
            print(f"  imported: {run.started_at:%Y-%m-%d %H:%M} {run.distance_m / 1000:.2f} km from {run.source_file}")
        for note in report.duplicates:
            print(f"  duplicate: {note}")
    for title, notes in (("Skipped", report.skipped), ("Failed", report.failed), ("Warnings", report.warnings)):
        if notes:
            print(f"{title}:")
            for note in notes:
                print(f"  {note}")


def import_activities(args: argparse.Namespace, paths: list[Path]) -> int:
    from journal.domain.units import DistanceUnit
    from journal.importers.run import ImportWriteError, import_paths

    units = DistanceUnit(args.units) if args.units else None
    with open_journal(args) as journal:
        try:
            report = import_paths(paths, journal, units, _progress_printer())
        except ImportWriteError as exc:
            raise CommandError(str(exc)) from None
    print_report(report, getattr(args, "verbose", False))
    if report.nothing_read:
        problem = "none of the files could be read" if report.failed else "no activity files were found"
        raise CommandError(f"{problem}; nothing was imported")
    return EXIT_OK


@guarded
def run(args: argparse.Namespace) -> int:
    paths = [Path(p).expanduser() for p in args.paths]
    for path in paths:
        if not path.exists():
            raise CommandError(f"{path} does not exist; nothing was imported")
    if len(paths) == 1 and paths[0].suffix.lower() == ".json":
        return import_json_backup(args, paths[0])
    if any(p.suffix.lower() == ".json" for p in paths):
        raise CommandError("Import a JSON backup on its own, not together with other files")
    return import_activities(args, paths)
