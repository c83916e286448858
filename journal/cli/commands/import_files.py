"""``import PATH... [--units km|mi]``: a JSON backup file, or watch files, folders and exports.

A JSON backup (``export --format json``) is checked whole before anything is
written, then added in one transaction: a malformed file is refused with the
entry and field named, and nothing of it is imported.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from journal.cli.common import EXIT_OK, CommandError, add_command, guarded, open_journal


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "import", "read a JSON backup, or runs from GPX/TCX/FIT files and Strava/Garmin exports")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or .zip exports")
    p.add_argument(
        "--units",
        choices=["km", "mi"],
        default=None,
        help="distance unit of a Garmin Connect CSV (the file does not say)",
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
            journal.add_entries(runs=data.runs, checkins=data.checkins, care=data.care, shoes=data.shoes)
        except InvalidEntry as exc:
            raise CommandError(f"{path}: {exc}; nothing was imported") from None
    print(
        f"Imported {len(data.runs)} runs, {len(data.checkins)} check-ins, {len(data.care)} care entries "
        f"and {len(data.shoes)} shoes from {path.name}"
    )
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
    raise CommandError("Importing watch files is not available in this version")
