"""What went wrong with the journal file, in words a person can act on, from SQLite's and the system's errors.

``database_problem(path, exc)`` turns an error of SQLite (``sqlite3.Error``, or
SQLAlchemy's wrapper of one) or of the operating system into a ``JournalFileError``
naming the problem: the disk is full, the file is locked by another program, read-only,
damaged, gone, or the disk reported an error. It is judged by SQLite's result code
(``sqlite_errorcode``, https://www.sqlite.org/rescode.html) and ``errno``, never by
guessing from text, so a full disk is never called "damaged". The message carries
SQLite's own short text at most, never the SQL statement or its parameters (SQLAlchemy's
``str()`` of an error quotes both: the run's date, distance and notes).
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from journal.storage.files import FileProblem, JournalFileError

SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26
LOW_SPACE = 1 << 20
"""Under 1 MiB free, a write or I/O error is put down to a full disk."""
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


def _disk_is_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(Path(path).parent).free < LOW_SPACE
    except OSError:
        return False


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error itself, unwrapped from SQLAlchemy's DBAPIError (its ``orig``)."""
    if isinstance(exc, sqlite3.Error):
        return exc
    orig = getattr(exc, "orig", None)
    return orig if isinstance(orig, sqlite3.Error) else None


def database_problem(path: Path, exc: BaseException) -> JournalFileError:
    """The JournalFileError for an error met while reading or writing the journal at ``path``."""
    path = Path(path)
    if isinstance(exc, JournalFileError):
        return exc
    if isinstance(exc, OSError):
        return os_problem(path, exc)
    error = _sqlite_error(exc)
    if error is None:
        return JournalFileError(path, FileProblem.WRITE_FAILED, type(exc).__name__)
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = str(error.args[0]) if error.args else ""
    if primary == SQLITE_FULL:
        return JournalFileError(path, FileProblem.DISK_FULL)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return JournalFileError(path, FileProblem.BUSY)
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return JournalFileError(path, FileProblem.READ_ONLY)
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return JournalFileError(path, FileProblem.CORRUPT, detail)
    if primary == SQLITE_CANTOPEN:
        if not path.exists():
            return JournalFileError(path, FileProblem.GONE)
        return JournalFileError(path, FileProblem.READ_ONLY, "it cannot be opened for writing")
    if primary == SQLITE_IOERR:
        if _disk_is_full(path):
            return JournalFileError(path, FileProblem.DISK_FULL)
        if not path.exists():
            return JournalFileError(path, FileProblem.GONE)
        return JournalFileError(path, FileProblem.IO_ERROR, detail)
    if _disk_is_full(path):
        return JournalFileError(path, FileProblem.DISK_FULL)
    return JournalFileError(path, FileProblem.WRITE_FAILED, detail)


def os_problem(path: Path, exc: OSError) -> JournalFileError:
    """The JournalFileError for a system error on the journal (or a file written beside it)."""
    if exc.errno in _FULL_ERRNOS or _disk_is_full(path):
        return JournalFileError(path, FileProblem.DISK_FULL)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return JournalFileError(path, FileProblem.READ_ONLY)
    if exc.errno == errno.ENOENT:
        return JournalFileError(path, FileProblem.GONE)
    if exc.errno == errno.EIO:
        return JournalFileError(path, FileProblem.IO_ERROR)
    return JournalFileError(path, FileProblem.WRITE_FAILED, exc.strerror or type(exc).__name__)


def is_disk_full(exc: BaseException) -> bool:
    """True for an OSError saying the disk (or quota, or file size limit) is full."""
    return isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS
