"""Files an export, report or chart must never write: the open journal, its working files and its backups.

``output_problem(out, journal_path)`` says why ``out`` may not be written, or None.
It resolves ``out`` as the system would when writing (symbolic links followed, ``..``
and relative parts removed) and refuses, whatever ``--force`` says:

- the journal file itself, also through another name for the same file (a hard link);
- its working files: ``-wal``, ``-shm``, ``-journal`` and the ``.lock`` file;
- anything in its ``backups`` folder, or that folder itself.

A folder named for CSV files is checked with the files that would be written in it.

Every journal this process has open is remembered (``Journal.open`` calls ``watch``,
``close`` calls ``unwatch``), and ``check_output`` (called by ``write_private``, which
every export, report and chart goes through) refuses to write over any of them: the
window is covered as well as the command line, whatever path a person picks.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from journal.storage.instance_lock import lock_path_for

WORKING_FILES = ("-wal", "-shm", "-journal")


def _real(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def output_problem(out: Path | str, journal_path: Path | str, also: Iterable[str] = ()) -> str | None:
    """Why ``out`` must not be written while ``journal_path`` is the journal (None when it may).

    ``also``: names of files that will be written inside ``out`` when it is a folder (CSV export).
    """
    from journal.storage.backup import backup_folder

    journal = _real(Path(journal_path))
    targets = [_real(Path(out))] + [_real(Path(out) / name) for name in also]
    backups = _real(backup_folder(Path(journal_path).expanduser()))
    working = {_real(Path(f"{journal_path}{side}")) for side in WORKING_FILES}
    working |= {Path(f"{journal}{side}") for side in WORKING_FILES}
    working |= {_real(lock_path_for(Path(journal_path))), _real(lock_path_for(journal))}
    for target in targets:
        if target == journal or _same_file(target, journal):
            return f"{out} is the journal file itself"
        if target in working:
            return f"{out} is one of the journal's working files ({target.name})"
        if target == backups or target.is_relative_to(backups):
            return f"{out} is in the journal's backups folder ({backups})"
    return None


def refusal(out: Path | str, journal_path: Path | str, also: Iterable[str] = ()) -> str | None:
    """``output_problem`` as a whole sentence for the person, or None."""
    problem = output_problem(out, journal_path, also)
    if problem is None:
        return None
    return (
        f"{problem}; choose another file. Nothing was written: an export never replaces the journal, "
        "its working files or its backups (not even with --force)."
    )


class ProtectedFile(PermissionError):
    """Writing this file would replace the open journal, one of its working files or a backup."""

    def __init__(self, message: str) -> None:
        super().__init__(errno.EPERM, message)


_open: Counter[Path] = Counter()
_open_lock = threading.Lock()


def watch(journal_path: Path) -> None:
    """Remember that this process has ``journal_path`` open (until ``unwatch``)."""
    with _open_lock:
        _open[Path(journal_path)] += 1


def unwatch(journal_path: Path) -> None:
    with _open_lock:
        path = Path(journal_path)
        _open[path] -= 1
        if _open[path] <= 0:
            del _open[path]


def check_output(out: Path | str) -> None:
    """Raise ProtectedFile when ``out`` is, or is part of, a journal this process has open, or is not a file.

    Writing goes through a temporary file renamed over ``out``: over a device, a named pipe or a
    socket (``/dev/null``) that would replace the special file itself, so it is refused too.
    """
    try:
        mode = os.stat(out).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a device, pipe or socket"
        raise ProtectedFile(f"{out} is {kind}, not an ordinary file; nothing was written")
    with _open_lock:
        journals = list(_open)
    for journal in journals:
        if problem := refusal(out, journal):
            raise ProtectedFile(problem)
