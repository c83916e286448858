"""Temporary files that a killed process cannot leave behind for ever.

Backups, restores, new journals and exports are written to a hidden temporary file
first and renamed into place (so a file is whole or absent). A process killed in the
middle leaves that temporary file, which may hold a copy of the journal. So each one
is created with ``locked_temporary``: while its writer lives it holds an exclusive
``flock`` on it, which the kernel drops when the process ends however it ends. Later,
``remove_leftovers`` deletes the temporary files of the same kind that no one holds a
lock on: they belong to a dead process. A temporary file being written right now by
another copy of the app (a ``backup`` command while the window opens) is locked, so
it is left alone. On Windows, which has no ``flock``, leftovers older than a day go.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SIDE_FILES = ("-journal", "-wal", "-shm")
WINDOWS_AGE = 24 * 3600


def _try_lock(fd: int, wait: bool) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows has no flock; see remove_leftovers
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def locked_temporary(folder: Path, prefix: str, suffix: str) -> tuple[int, Path]:
    """A new owner-only temporary file (``mkstemp``) in ``folder``, locked while its descriptor is open.

    The caller closes the descriptor once the file was renamed into place or removed.
    """
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    _try_lock(fd, wait=True)
    return fd, Path(name)


def remove_temporary(path: Path) -> None:
    """Delete a temporary file and the side files SQLite may have made beside it."""
    Path(path).unlink(missing_ok=True)
    for side in SIDE_FILES:
        Path(f"{path}{side}").unlink(missing_ok=True)


def remove_leftovers(folder: Path, prefix: str, suffix: str) -> list[Path]:
    """Delete the temporary files ``<prefix>*<suffix>`` in ``folder`` that no living process holds."""
    removed: list[Path] = []
    try:
        candidates = [p for p in Path(folder).glob(f"{prefix}*{suffix}") if p.name.startswith(prefix) and p.is_file()]
    except OSError:
        return removed
    for path in candidates:
        if sys.platform == "win32":  # pragma: no cover
            try:
                stale = time.time() - path.stat().st_mtime > WINDOWS_AGE
            except OSError:
                continue
            if stale:
                remove_temporary(path)
                removed.append(path)
            continue
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            if _try_lock(fd, wait=False):
                remove_temporary(path)
                removed.append(path)
        finally:
            os.close(fd)
    return removed
