"""``restore BACKUP [--db PATH]``: replace the journal with one of its backups.

The journal it replaces is backed up first (``journal.storage.backup.restore_backup``),
so a restore can itself be undone by restoring that backup. Refused while the
window or another command has the journal open (exit 3), and when BACKUP is not
a journal this version can open (exit 1); in both cases nothing changes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from journal.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_JOURNAL,
    EXIT_OK,
    CommandError,
    add_command,
    guarded,
    journal_path,
)
from journal.domain.numbers import counted


def register(sub: argparse._SubParsersAction) -> None:
    p = add_command(sub, "restore", "replace the journal with a backup (the current journal is backed up first)")
    p.add_argument(
        "backup", metavar="BACKUP", help="backup file, or its name in the backups folder (see: backup --list)"
    )
    p.set_defaults(func=run)


def find_backup(text: str, journal: Path) -> Path:
    """BACKUP as given, else the file of that name in the journal's backups folder."""
    from journal.storage.backup import backup_folder

    given = Path(text).expanduser()
    if given.exists():
        return given
    in_folder = backup_folder(journal) / given.name
    if given.name == text and in_folder.exists():
        return in_folder
    raise CommandError(f"There is no backup file {text!r}; nothing was restored (list them with: backup --list)")


@guarded
def run(args: argparse.Namespace) -> int:
    from journal.storage.backup import BackupError, check_backup, read_backup, restore_backup
    from journal.storage.files import JournalFileError
    from journal.storage.instance_lock import JournalLock
    from journal.storage.journal import Journal

    if getattr(args, "demo", False):
        raise CommandError("--demo journals are temporary; restore into a journal named with --db PATH")
    path = journal_path(args)
    backup = find_backup(args.backup, path)
    if backup.resolve() == path.resolve():
        raise CommandError("BACKUP is the journal itself; nothing was restored")
    try:
        check_backup(backup)
    except BackupError as exc:
        raise CommandError(f"{exc}; nothing was restored", EXIT_BAD_INPUT) from exc
    info = read_backup(backup)
    try:
        lock = JournalLock.acquire(path)
    except JournalFileError as exc:
        raise CommandError(f"{exc} Nothing was restored.", EXIT_JOURNAL) from exc
    with lock:
        try:
            saved = restore_backup(backup, path)
        except BackupError as exc:
            raise CommandError(str(exc), EXIT_JOURNAL) from exc
        try:  # prove it opens (and bring an older backup up to this version's schema)
            from journal.storage.backup import backup_before_migration

            Journal.open(path, create=False, before_migration=backup_before_migration).close()
        except JournalFileError as exc:
            raise CommandError(f"The restored journal cannot be opened: {exc}", EXIT_JOURNAL) from exc
    print(
        f"Restored the journal {path} from the backup made {info.made_at:%Y-%m-%d %H:%M} ({counted(info.entries or 0, 'entry', 'entries')})."
    )
    if saved is not None:
        print(f"The journal it replaced was saved as {saved}")
    return EXIT_OK
