"""Finding, creating and checking journal files before anything writes to them.

Every check here reads only: a file that is not a journal (empty, another
program's database, corrupt, made by a newer version of the app, read-only)
is reported with a ``JournalFileError`` and left byte-for-byte unchanged.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from enum import StrEnum
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
JOURNAL_TABLES = {"runs", "checkins", "shoes"}
OWNER_ONLY_FILE = 0o600
OWNER_ONLY_DIR = 0o700


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
        }[self.problem]
        return f"{text} ({self.detail})" if self.detail else text


def default_journal_path() -> Path:
    """The journal in the operating system's per-user data folder (platformdirs).

    Linux: ``~/.local/share/RunJournal/journal.sqlite3``; macOS: ``~/Library/Application
    Support/RunJournal``; Windows: ``%LOCALAPPDATA%\\RunJournal``.
    """
    from platformdirs import user_data_path

    return user_data_path("RunJournal", appauthor=False) / "journal.sqlite3"


def create_empty_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable and writable by its owner only.

    The file is born a valid, empty SQLite database: it is written as a hidden
    temporary file (``mkstemp``: 0600) and then linked into place, so a crash at
    any moment leaves no file or an empty database, never a 0-byte file that the
    next start would refuse as "empty". Linking fails rather than touch a file
    that appeared meanwhile (like ``O_EXCL``). SQLite gives its -wal and -shm
    files the same permissions as the database.
    """
    import tempfile

    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=OWNER_ONLY_DIR)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".new", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA user_version = 0")
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
        tmp.unlink(missing_ok=True)
    os.chmod(path, OWNER_ONLY_FILE)


def inspect_existing(path: Path) -> set[str]:
    """Check an existing file read-only and return the names of its tables.

    Raises JournalFileError for a folder, an empty file, a file that is not SQLite,
    a damaged database or a database of another program. A new SQLite database
    with no tables at all is accepted (an empty set): it becomes a journal.
    """
    if path.is_dir():
        raise JournalFileError(path, FileProblem.IS_A_FOLDER)
    size = path.stat().st_size
    if size == 0:
        raise JournalFileError(path, FileProblem.EMPTY)
    with path.open("rb") as f:
        header = f.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise JournalFileError(path, FileProblem.NOT_A_JOURNAL, "it is not an SQLite database")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            ok = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc):
            raise JournalFileError(path, FileProblem.LOCKED, str(exc)) from exc
        raise JournalFileError(path, FileProblem.CORRUPT, str(exc)) from exc
    if not ok or ok[0] != "ok":
        raise JournalFileError(path, FileProblem.CORRUPT, str(ok[0]) if ok else "integrity check failed")
    if tables and not tables >= JOURNAL_TABLES:
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
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None
    finally:
        conn.close()
