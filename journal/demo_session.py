"""The temporary folder of a ``--demo`` session, removed when the session ends however it ends.

``demo_session()`` makes a fresh folder in the system's temporary folder, writes the
demo journal into it (``journal.demo``) and removes the folder when the ``with`` block
ends: normally, on an error, and on SIGTERM or SIGHUP (turned into ``SystemExit`` for
the command line while the session runs; the window quits its event loop instead,
``journal.ui.application``). A session killed outright (SIGKILL, a power cut) cannot
clean up, so each new session first removes the folders of dead ones: every session
holds an exclusive ``flock`` on ``in-use.lock`` in its folder, which the kernel drops
when the process ends; a folder whose lock can be taken belongs to no living session.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "run-journal-demo-"
JOURNAL_NAME = "demo-journal.sqlite3"
IN_USE = "in-use.lock"
YOUNG = 600
"""A folder without its lock file younger than this (seconds) may be a session starting up."""


def _lock(path: Path, wait: bool) -> int | None:
    """An open descriptor holding an exclusive lock on ``path``, or None when another process holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    if sys.platform == "win32":  # pragma: no cover - no flock; folders are removed by age there
        return fd
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        os.close(fd)
        return None
    return fd


def remove_dead_sessions(parent: Path | None = None) -> list[Path]:
    """Remove the demo folders in ``parent`` (the temporary folder) that no living session holds."""
    parent = Path(parent or tempfile.gettempdir())
    removed = []
    for folder in parent.glob(f"{PREFIX}*"):
        if not folder.is_dir() or folder.is_symlink():
            continue
        marker = folder / IN_USE
        try:
            if not marker.exists():
                if time.time() - folder.stat().st_mtime < YOUNG:
                    continue
                fd = None
            elif sys.platform == "win32":  # pragma: no cover
                continue
            else:
                fd = _lock(marker, wait=False)
                if fd is None:
                    continue
        except OSError:
            continue
        try:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            if fd is not None:
                os.close(fd)
    return removed


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP end the process through ``SystemExit`` (so ``finally`` runs)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    before = {s: signal.signal(s, stop) for s in wanted}
    try:
        yield
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


@contextmanager
def demo_session(catch_signals: bool = True) -> Iterator[Path]:
    """A fresh demo journal in a temporary folder; the folder is removed when the block ends.

    ``catch_signals``: turn SIGTERM/SIGHUP into SystemExit while the block runs (the command
    line); the window passes False and quits its event loop on them itself.
    """
    from journal.demo import write_demo_journal

    remove_dead_sessions()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    fd = None
    try:
        fd = _lock(folder / IN_USE, wait=True)
        with _terminate_as_exit() if catch_signals else _nothing():
            path = folder / JOURNAL_NAME
            write_demo_journal(path)
            yield path
    finally:
        if fd is not None:
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _nothing() -> Iterator[None]:
    yield
