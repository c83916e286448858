"""Finding, creating and checking journal files before anything writes to them.

Every check here reads only: a file that is not a journal (empty, another
program's database, corrupt, made by a newer version of the app, read-only)
is reported with a ``JournalFileError`` and left byte-for-byte unchanged, with
nothing created beside it (``read_only``: SQLite would otherwise leave -wal and
-shm files beside a database in WAL mode).

A journal carries this app's SQLite application id (``APPLICATION_ID``, set when
the file is made and at each schema upgrade). A database with another program's
id is refused; one without an id is taken for a journal only when it has the
journal's tables and columns and a schema version, or has nothing in it at all
and carries our id (a new journal whose schema was not yet written).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
JOURNAL_TABLES = {"runs", "checkins", "shoes"}
JOURNAL_COLUMNS = {
    "runs": {"id", "started_at", "distance_m", "notes"},
    "checkins": {"id", "recorded_at", "notes"},
    "shoes": {"id", "name", "prior_m", "retire_at_m"},
}
"""Columns every version of the schema has (0001), to tell a journal from another program's ``runs`` table."""
APPLICATION_ID = 0x524A524E
"""``PRAGMA application_id`` of a journal: "RJRN" (SQLite file format, offset 68)."""
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700
NEW_SUFFIX = ".new"


class FileProblem(StrEnum):
    EMPTY = "empty"
    NOT_A_JOURNAL = "not_a_journal"
    CORRUPT = "corrupt"
    READ_ONLY = "read_only"
    NEWER_VERSION = "newer_version"
    LOCKED = "locked"
    MISSING = "missing"
    IS_A_FOLDER = "is_a_folder"
    BACKUP_FAILED = "backup_failed"
    DISK_FULL = "disk_full"
    BUSY = "busy"
    IO_ERROR = "io_error"
    GONE = "gone"
    WRITE_FAILED = "write_failed"


class JournalFileError(Exception):
    """The journal file cannot be opened; ``problem`` says why, ``str()`` says it to a person."""

    def __init__(self, path: Path, problem: FileProblem, detail: str = "") -> None:
        self.path = Path(path)
        self.problem = problem
        self.detail = detail
        super().__init__(self.message())

    def message(self) -> str:
        where = str(self.path)
        text = {
            FileProblem.EMPTY: f"The journal file {where} is empty (0 bytes). It was left as it is.",
            FileProblem.NOT_A_JOURNAL: f"{where} is not a run journal. It was left as it is.",
            FileProblem.CORRUPT: f"The journal file {where} is damaged and cannot be read. It was left as it is.",
            FileProblem.READ_ONLY: f"The journal file {where} is read-only, so nothing could be saved to it.",
            FileProblem.NEWER_VERSION: (
                f"The journal file {where} was made by a newer version of this app. "
                "Update the app to open it; the file was left as it is."
            ),
            FileProblem.LOCKED: f"The journal file {where} is in use by another running copy of the app.",
            FileProblem.MISSING: f"There is no journal file at {where}.",
            FileProblem.IS_A_FOLDER: f"{where} is a folder, not a journal file.",
            FileProblem.BACKUP_FAILED: (
                f"The journal file {where} needs upgrading to this version of the app, but it could not be "
                "backed up first, so it was left as it is."
            ),
            FileProblem.DISK_FULL: (
                f"The disk holding the journal file {where} is full, so nothing was saved; the journal is as it "
                "was. Free some space on it and try again."
            ),
            FileProblem.BUSY: (
                f"The journal file {where} is locked by another program, so nothing was saved; the journal is "
                "as it was. Close the other program (or wait a moment) and try again."
            ),
            FileProblem.IO_ERROR: (
                f"The disk holding the journal file {where} reported a read or write error, so nothing was "
                "saved. Check the disk (is it still connected?) and try again."
            ),
            FileProblem.GONE: (
                f"The journal file {where} was moved, deleted or replaced while it was open, so nothing was "
                "saved and no new file was made in its place. Put it back (or restore a backup) and open it again."
            ),
            FileProblem.WRITE_FAILED: f"The journal file {where} could not be written, so nothing was saved.",
        }[self.problem]
        if not self.detail:
            return text
        # The detail belongs to the sentence naming the problem, before what was done about it.
        first, stop, rest = text.partition(". ")
        return f"{first} ({self.detail}). {rest}" if stop else f"{text.rstrip('.')} ({self.detail})."


def default_journal_path() -> Path:
    """The journal in the operating system's per-user data folder (platformdirs).

    Linux: ``~/.local/share/RunJournal/journal.sqlite3``; macOS: ``~/Library/Application
    Support/RunJournal``; Windows: ``%LOCALAPPDATA%\\RunJournal``.
    """
    from platformdirs import user_data_path

    return user_data_path("RunJournal", appauthor=False) / "journal.sqlite3"


def make_private_folders(folder: Path) -> None:
    """Create ``folder`` and every missing parent owner-only (0700), whatever the umask.

    ``Path.mkdir(parents=True)`` would give the parents the umask's mode (0777 under umask 000).
    """
    folder = Path(folder)
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        try:
            os.mkdir(each, OWNER_ONLY_DIR)
        except FileExistsError:
            continue
        os.chmod(each, OWNER_ONLY_DIR)


def create_empty_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable and writable by its owner only.

    The file is born a valid, empty SQLite database carrying this app's id: it is
    written as a hidden temporary file (0600, locked while written: a killed
    creation's leftover is removed by the next one) and then linked into place, so a crash at
    any moment leaves no file or an empty database, never a 0-byte file that the
    next start would refuse as "empty". Linking fails rather than touch a file
    that appeared meanwhile (like ``O_EXCL``). SQLite gives its -wal and -shm
    files the same permissions as the database.
    """
    from journal.storage.temporary import locked_temporary, remove_leftovers, remove_temporary

    make_private_folders(path.parent)
    remove_leftovers(path.parent, f".{path.name}.", NEW_SUFFIX)
    fd, tmp = locked_temporary(path.parent, f".{path.name}.", NEW_SUFFIX)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("VACUUM")  # writes the 1-page header of an empty database
        finally:
            conn.close()
        os.chmod(tmp, OWNER_ONLY_FILE)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: O_EXCL-create, then copy the bytes in
            out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE)
            with os.fdopen(out, "wb") as f:
                f.write(tmp.read_bytes())
                f.flush()
                os.fsync(f.fileno())
    finally:
        remove_temporary(tmp)
        os.close(fd)
    os.chmod(path, OWNER_ONLY_FILE)


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only SQLite connection to ``path`` that makes nothing beside the file.

    Without a -wal file, everything is in the file itself and no one has it open in WAL
    mode, so it is opened ``immutable`` (no -wal, -shm or locks: SQLite would otherwise
    leave both beside a WAL-mode database it was only asked to read); with one, read-only
    as usual (its side files are already there).
    """
    path = Path(path)
    options = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
    try:
        yield conn
    finally:
        conn.close()


def _has_journal_columns(conn: sqlite3.Connection) -> bool:
    for table, columns in JOURNAL_COLUMNS.items():
        found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not columns <= found:
            return False
    return True


def inspect_existing(path: Path) -> set[str]:
    """Check an existing file read-only and return the names of its tables.

    Raises JournalFileError for a folder, an empty file, a file that is not SQLite,
    a damaged database or a database of another program (another application id,
    tables without the journal's columns, or other things in a file without our id).
    A database with nothing in it and this app's id is accepted (an empty set): a
    journal whose schema was not written yet.
    """
    if path.is_dir():
        raise JournalFileError(path, FileProblem.IS_A_FOLDER)
    if not path.is_file():  # a named pipe would block, a device read for ever
        raise JournalFileError(path, FileProblem.NOT_A_JOURNAL, "it is not an ordinary file")
    size = path.stat().st_size
    if size == 0:
        raise JournalFileError(path, FileProblem.EMPTY)
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise JournalFileError(path, FileProblem.NOT_A_JOURNAL, "it is not an SQLite database")
    try:
        with read_only(path) as conn:
            objects = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
            tables = {name for kind, name in objects if kind == "table"}
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            ok = conn.execute("PRAGMA quick_check").fetchone()
            columns_ok = tables >= JOURNAL_TABLES and _has_journal_columns(conn)
    except sqlite3.DatabaseError as exc:
        from journal.storage.errors import database_problem

        problem = database_problem(path, exc)
        if problem.problem is FileProblem.WRITE_FAILED:
            problem = JournalFileError(path, FileProblem.CORRUPT, str(exc))
        raise problem from exc
    if not ok or ok[0] != "ok":
        raise JournalFileError(path, FileProblem.CORRUPT, str(ok[0]) if ok else "integrity check failed")
    if app_id not in (0, APPLICATION_ID):
        raise JournalFileError(path, FileProblem.NOT_A_JOURNAL, "it is another program's database")
    if not objects and app_id != APPLICATION_ID:
        raise JournalFileError(path, FileProblem.NOT_A_JOURNAL, "it is an empty database made by another program")
    if objects and not columns_ok:
        raise JournalFileError(path, FileProblem.NOT_A_JOURNAL, "it is another program's database")
    return tables


def check_writable(path: Path) -> None:
    """Raise READ_ONLY when the file or its folder (needed for the WAL files) cannot be written."""
    mode = path.stat().st_mode
    if not os.access(path, os.W_OK) or not (mode & stat.S_IWUSR):
        raise JournalFileError(path, FileProblem.READ_ONLY)
    if not os.access(path.parent, os.W_OK):
        raise JournalFileError(path, FileProblem.READ_ONLY, "its folder cannot be written to")


def stored_revision(path: Path) -> str | None:
    """The Alembic revision recorded in the file, read-only; None for a journal without one."""
    with read_only(path) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None
