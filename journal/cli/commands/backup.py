"""``backup [--db PATH] [--list]``: back the journal up now, or list its backups.

The copy is made with SQLite's online backup API into the ``backups`` folder
beside the journal (``journal.storage.backup``), so it is safe while the window
has the journal open. Exit status 3 when the journal cannot be read or the
backup cannot be written; the journal itself is only read.
"""

from __future__ import annotations

import argparse

from journal.cli.common import EXIT_JOURNAL, EXIT_OK, CommandError, add_command, guarded, journal_path
from journal.domain.numbers import counted


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "backup", "back up the journal now into the backups folder beside it")
    p.add_argument("--list", action="store_true", help="list the backups with their dates and entry counts instead")
    p.set_defaults(func=run)


def describe(info) -> str:  # BackupInfo, imported lazily
    """One line per backup: when, why, how many entries, the file name."""
    if info.problem:
        what = f"cannot be read ({info.problem})"
    else:
        last = f", last entry {info.last_entry:%Y-%m-%d}" if info.last_entry else ""
        what = (
            f"{counted(info.entries or 0, 'entry', 'entries')} ({counted(info.runs, 'run')}, "
            f"{counted(info.checkins, 'check-in')}, {counted(info.care, 'care entry', 'care entries')}){last}"
        )
    return f"{info.made_at:%Y-%m-%d %H:%M}  {info.reason_label:<30}  {what}\n    {info.path}"


@guarded
def run(args: argparse.Namespace) -> int:
    from journal.storage import files
    from journal.storage.backup import BackupError, backup_folder, list_backups, make_backup, read_backup

    path = journal_path(args)
    if getattr(args, "demo", False):
        raise CommandError("--demo journals are temporary and are not backed up; use --db PATH")
    if args.list:
        backups = list_backups(path)
        if not backups:
            print(f"No backups of {path} in {backup_folder(path)}")
        for info in backups:
            print(describe(info))
        return EXIT_OK
    if not path.exists():
        raise CommandError(f"There is no journal file at {path} to back up", EXIT_JOURNAL)
    try:
        tables = files.inspect_existing(path)
    except files.JournalFileError as exc:
        raise CommandError(f"{exc} Nothing was backed up.", EXIT_JOURNAL) from exc
    if not tables:
        raise CommandError(f"{path} is an empty database with nothing to back up", EXIT_JOURNAL)
    try:
        target = make_backup(path, "manual")
    except BackupError as exc:
        raise CommandError(str(exc), EXIT_JOURNAL) from exc
    info = read_backup(target)
    print(f"Backed up the journal ({counted(info.entries or 0, 'entry', 'entries')}) to {target}")
    return EXIT_OK
