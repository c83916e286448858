"""One running copy of the app per journal: a lock file beside the journal.

``JournalLock.acquire(path)`` takes an exclusive, non-blocking operating-system
lock on ``<journal>.lock`` (``flock`` on Linux/macOS, ``msvcrt.locking`` on
Windows) and holds it until ``release()`` or until the process ends, however
it ends: the kernel drops the lock when a killed process's files close, so a
crash never leaves a stale lock behind. A second copy gets
``JournalFileError(LOCKED)`` naming the process that holds it.

Why not a library: ``filelock`` would be one more dependency for about thirty
lines, and ``QLockFile`` cannot be used by the command line, which imports no Qt.
Why not SQLite's own locking: SQLite locks only for the length of a
transaction, and a window keeps the journal open for hours.

The lock file is left in place on release (removing it would race with a copy
that has just opened it); it holds only the process id, never health data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from journal.storage.files import OWNER_ONLY_FILE, FileProblem, JournalFileError, make_private_folders

_PID_OFFSET = 16
"""Windows locks byte 0; the process id is written after it so others can still read it."""


def lock_path_for(journal_path: Path) -> Path:
    """``journal.sqlite3`` -> ``journal.sqlite3.lock`` in the same folder."""
    journal_path = Path(journal_path)
    return journal_path.with_name(journal_path.name + ".lock")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _holder(lock_file: Path) -> str:
    """The process id written by the holder, for the message ("" when unreadable)."""
    try:
        with lock_file.open("rb") as f:
            f.seek(_PID_OFFSET)
            text = f.read(32).decode("ascii", "replace").strip("\x00 \n")
    except OSError:
        return ""
    return text if text.isdigit() else ""


class JournalLock:
    """An exclusive lock on one journal, held by this process. Use as a context manager or ``release()``."""

    def __init__(self, journal_path: Path, lock_file: Path, fd: int, created: bool = False) -> None:
        self.journal_path = journal_path
        self.lock_file = lock_file
        self.created = created
        """True when this lock made the lock file (``discard`` then removes it)."""
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, journal_path: Path | str) -> JournalLock:
        """Lock ``journal_path`` for this process, or raise JournalFileError.

        LOCKED when another running copy holds it; READ_ONLY when the lock file
        cannot be created (the folder is read-only); MISSING when the folder is gone.
        """
        journal_path = Path(journal_path).expanduser()
        lock_file = lock_path_for(journal_path)
        if not lock_file.parent.exists():
            try:
                make_private_folders(lock_file.parent)
            except OSError as exc:
                raise JournalFileError(journal_path, FileProblem.MISSING, exc.strerror or str(exc)) from exc
        existed = lock_file.exists()
        try:
            fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, OWNER_ONLY_FILE)
        except PermissionError as exc:
            raise JournalFileError(journal_path, FileProblem.READ_ONLY, "its folder cannot be written to") from exc
        except OSError as exc:
            raise JournalFileError(journal_path, FileProblem.READ_ONLY, exc.strerror or str(exc)) from exc
        if not _try_lock(fd):
            os.close(fd)
            holder = _holder(lock_file)
            detail = f"process {holder}" if holder else ""
            raise JournalFileError(journal_path, FileProblem.LOCKED, detail)
        try:
            os.ftruncate(fd, _PID_OFFSET)
            os.lseek(fd, _PID_OFFSET, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        except OSError:
            pass  # the process id is only for the message; the lock itself is held
        return cls(journal_path, lock_file, fd, created=not existed)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the lock back (safe to call twice)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def discard(self) -> None:
        """Release after the journal could not be opened, removing the lock file if this lock made it.

        So pointing the app at a file that is not a journal leaves nothing beside it.
        """
        if self._fd is not None and self.created:
            self.lock_file.unlink(missing_ok=True)
        self.release()

    def __enter__(self) -> JournalLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:
        self.release()
