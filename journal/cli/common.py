"""What every command shares: opening the journal named by ``--db``/``--demo``, dates, messages.

Messages go to stderr and never include health data unless ``--verbose``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from journal.storage.files import JournalFileError, default_journal_path
from journal.storage.journal import Journal

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_JOURNAL = 0, 1, 2, 3


class CommandError(Exception):
    """A refusal to tell the person: the message, and the exit status."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def shared_options() -> argparse.ArgumentParser:
    """The parent parser of ``--db``/``--demo``/``--verbose``, for commands and their sub-commands."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="journal file to use")
    shared.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help="use a generated demo journal")
    shared.add_argument("--verbose", action="store_true", default=argparse.SUPPRESS, help="print details")
    return shared


def add_command(sub: argparse._SubParsersAction, name: str, help: str) -> argparse.ArgumentParser:
    """Add a command that also takes ``--db``/``--demo``/``--verbose`` after its name."""
    return sub.add_parser(name, help=help, description=help, parents=[shared_options()])


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD dates, with a message that names the problem."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def journal_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else default_journal_path()


@contextmanager
def open_journal(args: argparse.Namespace, create: bool = True, exclusive: bool = True) -> Iterator[Journal]:
    """Open the journal the arguments name; a file problem becomes CommandError(EXIT_JOURNAL).

    ``exclusive``: hold the journal's lock (``journal.storage.instance_lock``) while
    it is open, so a command refuses a journal that a running window (or another
    command) has open: "in use by another running copy". A schema upgrade is
    preceded by a backup (``journal.storage.backup.backup_before_migration``).
    With ``--demo``, a fresh demo journal in a temporary folder that is removed
    afterwards (``journal.demo_session``).
    """
    if getattr(args, "demo", False):
        from journal.demo_session import demo_session

        with demo_session() as path, _open_at(path, create, exclusive) as journal:
            yield journal
        return
    with _open_at(journal_path(args), create, exclusive) as journal:
        yield journal


@contextmanager
def _open_at(path: Path, create: bool, exclusive: bool) -> Iterator[Journal]:
    from journal.storage.backup import backup_before_migration
    from journal.storage.instance_lock import JournalLock

    lock = None
    try:
        if exclusive and (create or path.exists()):
            lock = JournalLock.acquire(path)
        journal = Journal.open(path, create=create, before_migration=backup_before_migration)
    except JournalFileError as exc:
        if lock is not None:
            lock.discard()
        raise CommandError(str(exc), EXIT_JOURNAL) from exc
    try:
        yield journal
    finally:
        journal.close()
        if lock is not None:
            lock.release()


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)


def guarded(func):
    """Decorate a command so CommandError prints its message and returns its status.

    A JournalFileError met while the command runs (the disk filled up, the file was
    locked or deleted meanwhile) is a journal file problem: its message, status 3.
    """

    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except CommandError as exc:
            fail(str(exc))
            return exc.status
        except JournalFileError as exc:
            fail(str(exc))
            return EXIT_JOURNAL

    run.__doc__ = func.__doc__
    return run
