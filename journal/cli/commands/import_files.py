"""``import PATH... [--units km|mi] [--watch-folders]``: a JSON backup file, or watch files, folders and exports.

A JSON backup (``export --format json``) is checked whole before anything is
written, then added in one transaction: a malformed file is refused with the
entry and field named, and nothing of it is imported. Entries already in the
journal (same content, ``journal.interchange.json_duplicates``) are left out and
counted as duplicates, so importing the same backup twice adds nothing.

Everything else goes to ``journal.importers.run.import_paths``: GPX, TCX, FIT
(.fit.gz), a Strava bulk export (folder or .zip), a Garmin Connect Activities.csv,
and folders or zips of them. The report lists what was imported, the duplicates,
what was skipped and why, and the files that failed. Exit status 0 when runs
were imported or were all in the journal already (even if some files were skipped or
failed), 1 when nothing could be imported (no file could be read, no run in them
could be saved, or they could not be saved), 3 for a journal file problem (it cannot
be opened, or written: a full disk, a lock, a deleted file). A Garmin Connect CSV that
does not show its distance unit (``journal.importers.garmin_csv``) is refused without
``--units``, with exit status 2: the unit is never guessed.

``--watch-folders`` imports, once, the new FIT, TCX and GPX files of the folders named
in Settings (and of any PATH given), as the window does in the background
(``journal.importers.watched``): files read before, even moved or renamed, are not
read again; a file changed in the last two minutes that cannot be read yet is left for
next time, not reported.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from journal.cli.common import EXIT_OK, EXIT_USAGE, CommandError, add_command, guarded, open_journal
from journal.domain.numbers import counted

EPILOG = (
    "Reads GPX, TCX, FIT and .fit.gz files, a Strava bulk export (its folder or .zip, through activities.csv) "
    "and a Garmin Connect Activities.csv, or folders and zips holding them. Runs already in the journal "
    "(same activity id, or recorded times overlapping by 80 % of the shorter run) are not added again. "
    "All new runs are saved together or not at all. A JSON backup adds only the entries the journal "
    "does not already have. Only ordinary files are read (not pipes or devices): activity files up to 64 MB each "
    "once unpacked, JSON backups up to 20 MB. A Garmin Connect CSV whose distance unit the file does not show "
    "needs --units (exit status 2 without it). --watch-folders reads the new files of the folders named in "
    "Settings (and of any PATH given) once; files read before, even moved or renamed, are skipped. "
    "Exit status: 0 the import ran (runs were imported, or all were in the journal already; some files may "
    "have been skipped or failed: see the report); 1 nothing could be imported (no file could be read, no run "
    "in them could be saved, or they could not be saved); "
    "3 the journal file cannot be opened or written (the disk is full, it is locked...; nothing was imported)."
)


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "import", "read a JSON backup, or runs from GPX/TCX/FIT files and Strava/Garmin exports")
    p.epilog = EPILOG
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or .zip exports")
    p.add_argument(
        "--units",
        choices=["km", "mi"],
        default=None,
        help="distance unit of a Garmin Connect CSV when the file does not show it (it is never guessed)",
    )
    p.add_argument(
        "--watch-folders",
        action="store_true",
        help="import the new files of the watched folders (Settings) and of any PATH given, once",
    )
    p.set_defaults(func=run)


MAX_JSON_BYTES = 20 << 20
"""Largest JSON backup read: a 10-year journal is about 5 MB. Kept well below the import cap, as the
parsed file takes several times its size (four times for text with an emoji: Python then stores
every character in 4 bytes)."""


def read_backup_text(path: Path) -> str:
    """The text of a JSON backup: an ordinary file (a link is followed, then checked), UTF-8, capped."""
    from journal.importers.reading import read_regular_file
    from journal.importers.records import ImportFileError

    try:
        data = read_regular_file(path, MAX_JSON_BYTES)
    except ImportFileError as exc:
        raise CommandError(f"{path}: {exc}; nothing was imported") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CommandError(f"{path}: not a UTF-8 text file; nothing was imported") from None


def _count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}"


def import_json_backup(args: argparse.Namespace, path: Path) -> int:
    """Check the whole file, leave out what the journal already has, add the rest in one transaction."""
    from journal.interchange.json_duplicates import split_duplicates
    from journal.interchange.json_format import JsonFormatError, parse_json
    from journal.storage.journal import InvalidEntry

    text = read_backup_text(path)
    try:
        data = parse_json(text)
    except JsonFormatError as exc:
        raise CommandError(f"{path}: {exc}; nothing was imported") from None
    del text
    with open_journal(args) as journal:
        found = split_duplicates(data, journal.data())
        new = found.new
        if not found.nothing_new:
            try:
                journal.add_entries(
                    runs=new.runs, checkins=new.checkins, care=new.care, shoes=new.shoes, races=new.races
                )
            except InvalidEntry as exc:
                problems = "; ".join(dict.fromkeys(exc.problems.values()))
                raise CommandError(f"{path}: an entry cannot be saved ({problems}); nothing was imported") from None
    races = f", {counted(len(new.races), 'race')}" if new.races else ""
    print(
        f"Imported {counted(len(new.runs), 'run')}, {counted(len(new.checkins), 'check-in')}, "
        f"{counted(len(new.care), 'care entry', 'care entries')}{races} and {counted(len(new.shoes), 'pair', 'pairs')} "
        f"of shoes from {path.name}"
    )
    if found.duplicates:
        print(
            f"{_count(found.duplicates, 'entry was', 'entries were')} already in the journal (duplicates, not added "
            f"again): {counted(len(found.duplicate_runs), 'run')}, {counted(len(found.duplicate_checkins), 'check-in')}, "
            f"{counted(len(found.duplicate_care), 'care entry', 'care entries')}."
        )
    if getattr(args, "verbose", False):
        for run in found.duplicate_runs:
            print(f"  duplicate: the run of {run.started_at:%Y-%m-%d %H:%M} ({run.distance_m / 1000:.2f} km)")
        for checkin in found.duplicate_checkins:
            print(f"  duplicate: the check-in of {checkin.recorded_at:%Y-%m-%d %H:%M}")
        for entry in found.duplicate_care:
            print(f"  duplicate: {entry.kind.value} on {entry.day:%Y-%m-%d}")
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


def shown(text: object) -> str:
    """``text`` safe to print on a terminal: control and format characters (a newline, an escape sequence, a
    right-to-left override in a hostile zip entry's name) written as escapes, so no file can forge a line of
    the report or restyle the terminal."""
    import unicodedata

    return "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") else ascii(ch)[1:-1] for ch in str(text)
    )


def print_report(report, verbose: bool) -> None:
    """The import report on stdout; run dates and distances only with ``--verbose``."""
    print(report.summary())
    if verbose:
        for run in report.imported:
            print(
                f"  imported: {run.started_at:%Y-%m-%d %H:%M} {run.distance_m / 1000:.2f} km "
                f"from {shown(run.source_file)}"
            )
        for note in report.duplicates:
            print(f"  duplicate: {shown(note)}")
    for title, notes in (("Skipped", report.skipped), ("Failed", report.failed), ("Warnings", report.warnings)):
        if notes:
            print(f"{title}:")
            for note in notes:
                print(f"  {shown(note)}")


def import_activities(args: argparse.Namespace, paths: list[Path]) -> int:
    from journal.domain.units import DistanceUnit
    from journal.importers.run import ImportWriteError, import_paths, needs_units

    units = DistanceUnit(args.units) if args.units else None
    if units is None:
        unknown = needs_units(paths)
        if unknown:
            raise CommandError(
                f"{shown(unknown[0])}: its distances carry no unit and the file does not show whether they are kilometres "
                "or miles; run again with --units km or --units mi (nothing was imported)",
                EXIT_USAGE,
            )
    with open_journal(args) as journal:
        try:
            report = import_paths(paths, journal, units, _progress_printer())
        except ImportWriteError as exc:
            raise CommandError(str(exc)) from None
    print_report(report, getattr(args, "verbose", False))
    if report.nothing_read:
        problem = "none of the files could be read" if report.failed else "no activity files were found"
        raise CommandError(f"{problem}; nothing was imported")
    if not report.imported and not report.duplicates:
        raise CommandError("no run in these files could be imported (see the report above); nothing was imported")
    return EXIT_OK


def import_watched(args: argparse.Namespace, paths: list[Path]) -> int:
    """``--watch-folders``: the new files of the watched folders and of ``paths``, once."""
    from journal.importers.run import ImportWriteError
    from journal.importers.watched import activity_files, folders_from_settings, import_new_files, is_watched_kind

    with open_journal(args) as journal:
        folders = [*folders_from_settings(journal.raw_settings()), *paths]
        if not folders:
            raise CommandError(
                "no folders are watched: name them in the window's Settings, or give them after --watch-folders",
                EXIT_USAGE,
            )
        given_files = [f for f in folders if f.exists() and not f.is_dir() and is_watched_kind(f.name)]
        missing = [f for f in folders if not f.is_dir() and f not in given_files]
        unreadable: list = []
        files = activity_files([f for f in folders if f.is_dir()], unreadable) + given_files
        try:
            outcome = import_new_files(journal, files, _progress_printer())
        except ImportWriteError as exc:
            raise CommandError(str(exc)) from None
    report = outcome.report
    print_report(report, getattr(args, "verbose", False))
    print(
        f"Watched folders: {len(folders) - len(missing)} read, {counted(len(files), 'activity file')}, "
        f"{len(outcome.known):,} read before, {len(outcome.read):,} read now."
    )
    for note in unreadable:
        print(f"  {shown(note)}")
    for folder in missing:
        if folder.exists() or folder.is_symlink():
            print(f"  {shown(folder)}: not read: only folders and FIT, TCX and GPX files are watched")
        else:
            print(f"  {shown(folder)}: not a folder found now (a watch that is not connected, or a folder moved)")
    if outcome.retry:
        are = "is" if len(outcome.retry) == 1 else "are"
        print(
            f"{counted(len(outcome.retry), 'file')} {are} still being written or cannot be read yet; run again later:"
        )
        for path in outcome.retry:
            print(f"  {shown(path)}")
    return EXIT_OK


@guarded
def run(args: argparse.Namespace) -> int:
    paths = [Path(p).expanduser() for p in args.paths]
    if args.watch_folders:
        return import_watched(args, paths)
    if not paths:
        raise CommandError("name the files or folders to import (or use --watch-folders)", EXIT_USAGE)
    for path in paths:
        if not path.exists():
            raise CommandError(f"{path} does not exist; nothing was imported")
    if len(paths) == 1 and paths[0].suffix.lower() == ".json":
        return import_json_backup(args, paths[0])
    if any(p.suffix.lower() == ".json" for p in paths):
        raise CommandError("Import a JSON backup on its own, not together with other files")
    return import_activities(args, paths)
