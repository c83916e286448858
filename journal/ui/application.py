"""Starting the window: the QApplication, opening the journal, and the main window.

Opening problems (a damaged file, another program's file, a newer app's
journal...) are shown in a dialog; the file is never changed to "repair" it.
One running copy per journal: a lock file beside it, and a second copy brings
the first window forward. A backup is made at most once a day, after start-up.
SIGTERM and SIGHUP close the window like Quit (the journal closed, the lock
released, a demo journal's temporary folder removed).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from journal import APP_NAME, __version__
from journal.storage.files import JournalFileError
from journal.storage.journal import Journal

if TYPE_CHECKING:
    from journal.storage.instance_lock import JournalLock
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations
    from journal.ui.single_instance import SingleInstanceServer

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("RunJournal")
    QCoreApplication.setApplicationName("RunJournal")
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_NAME)
    icon = RESOURCES / "run-journal.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


class AlreadyOpen(Exception):
    """A window of another running copy has this journal open and was brought forward."""


def open_journal_for_window(path: Path) -> tuple[Journal, JournalLock] | None:
    """Open ``path`` holding its lock (one running copy per journal); None when the person chose to quit.

    A window already open on the journal is asked to come forward instead
    (``journal.ui.single_instance``: raises AlreadyOpen). On a file problem the
    person chooses (``journal.ui.file_problem_dialog.ask_what_to_do``): open a
    backup, another file, try again, or quit; the file is never changed to
    "repair" it. A schema upgrade is preceded by a backup.
    """
    from journal.storage.files import FileProblem
    from journal.storage.instance_lock import JournalLock

    def backup_first(journal_path: Path) -> None:
        from journal.storage.backup import backup_before_migration

        backup_before_migration(journal_path)

    while True:
        try:
            try:
                lock = JournalLock.acquire(path)
            except JournalFileError as exc:
                # Only when another copy holds the journal is it worth asking that copy to
                # come forward (QtNetwork's local socket, imported only then).
                if exc.problem is FileProblem.LOCKED:
                    from journal.ui.single_instance import bring_running_copy_forward

                    if bring_running_copy_forward(path):
                        raise AlreadyOpen(path) from exc
                raise
            try:
                return Journal.open(path, before_migration=backup_first), lock
            except JournalFileError:
                lock.discard()
                raise
        except JournalFileError as exc:
            from journal.ui.file_problem_dialog import ask_what_to_do

            next_path = ask_what_to_do(exc)
            if next_path is None:
                return None
            path = next_path


def _daily_backup(window: QMainWindow, ops: JournalOperations) -> None:
    """At most once a day, in the background once the window is up (``journal.storage.backup``)."""
    from journal.storage.backup import daily_backup_if_due

    def done(made: Path | None) -> None:
        if made is not None:
            window.statusBar().showMessage(f"Daily backup saved in {made.parent}", 5000)

    def failed(message: str, _shown: bool) -> None:
        window.statusBar().showMessage(f"The daily backup could not be made: {message}", 30000)

    ops.run_in_background(lambda journal, _progress: daily_backup_if_due(journal.path), done, failed)


def _quit_when_ready_for_bench(app: QApplication, window: MainWindow, started: float) -> None:
    """``RUN_JOURNAL_BENCH_EXIT=1`` (journal.devtools.bench): print when History is filled in the shown window,
    then quit; ``=banner``: build the flag banner right then too (History and the flags judged), then quit."""
    wanted = os.environ.get("RUN_JOURNAL_BENCH_EXIT")
    if wanted not in ("1", "banner"):
        return

    def ready() -> None:
        if wanted == "banner":
            window.banner  # noqa: B018 - judges the flags now
        what = "history and flags shown" if wanted == "banner" else "history shown"
        print(f"bench: {what} {(time.perf_counter() - started) * 1000:.1f} ms", flush=True)
        app.quit()

    window.history_ready.connect(ready)


def _quit_on_termination(app: QApplication) -> Callable[[], None]:
    """Make SIGTERM and SIGHUP quit the event loop, so the window closes as Quit does; returns the undo.

    Python runs a signal handler only when Python code runs, and Qt's event loop is C++:
    the signal also writes a byte to a pipe (``signal.set_wakeup_fd``) that a
    QSocketNotifier watches, which brings Python in. Main thread, POSIX only.
    """
    if os.name != "posix" or threading.current_thread() is not threading.main_thread():
        return lambda: None
    from PySide6.QtCore import QSocketNotifier

    read_end, write_end = os.pipe()
    for fd in (read_end, write_end):
        os.set_blocking(fd, False)
    before_fd = signal.set_wakeup_fd(write_end)
    notifier = QSocketNotifier(read_end, QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: _drain(read_end))
    wanted = (signal.SIGTERM, signal.SIGHUP)
    before = {s: signal.signal(s, lambda *_: app.quit()) for s in wanted}

    def undo() -> None:
        for s, handler in before.items():
            signal.signal(s, handler)
        signal.set_wakeup_fd(before_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        os.close(read_end)
        os.close(write_end)

    return undo


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 512):
            pass
    except OSError:
        pass


def _quiet_errors(verbose: bool) -> Callable[[], None]:
    """Errors no slot caught: one line on stderr, the traceback only with ``--verbose``; returns the undo.

    A traceback shows the values it passed through, which can be health data. A
    ``WriteFailed`` was already shown to the person (``JournalOperations.failed``).
    """
    from journal.ui.operations import WriteFailed

    before = sys.excepthook

    def hook(kind, exc, tb) -> None:
        if isinstance(exc, WriteFailed):
            return
        if verbose:
            before(kind, exc, tb)
            return
        print(
            f"{APP_NAME}: an unexpected problem ({kind.__name__}); start with --verbose for details.", file=sys.stderr
        )

    sys.excepthook = hook

    def undo() -> None:
        sys.excepthook = before

    return undo


def run_window(args: argparse.Namespace) -> int:
    """Open the window on the journal the arguments name (a temporary demo journal with ``--demo``)."""
    from journal.cli.common import journal_path

    started = time.perf_counter()
    app = make_application()
    undo_signals = _quit_on_termination(app)
    undo_hook = _quiet_errors(bool(args.verbose))
    minimised = bool(args.minimised)
    try:
        if args.demo:
            from journal.demo_session import demo_session

            with demo_session(catch_signals=False) as path:
                return _run(app, path, started, minimised)
        return _run(app, journal_path(args), started, minimised)
    finally:
        undo_hook()
        undo_signals()


def _run(app: QApplication, path: Path, started: float, minimised: bool = False) -> int:
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations

    try:
        opened = open_journal_for_window(path)
    except AlreadyOpen:
        print(
            f"{APP_NAME}: this journal is already open in another window, which was brought forward.", file=sys.stderr
        )
        return 0
    if opened is None:
        return 3
    journal, lock = opened
    ops = JournalOperations(journal)
    window = MainWindow(ops, minimised=minimised)
    _quit_when_ready_for_bench(app, window, started)
    if not minimised:
        window.show()  # minimised: the tray icon (or a minimised window where there is no tray)
    servers: list[SingleInstanceServer] = []

    def listen_for_later_copies() -> None:
        # Soon after the first paint, not before it: a later copy that starts in this moment
        # finds the lock held and waits up to 1 s for this window to answer.
        from journal.ui.single_instance import SingleInstanceServer

        server = SingleInstanceServer(journal.path, window)
        server.listen()
        servers.append(server)

    QTimer.singleShot(200, window, listen_for_later_copies)
    QTimer.singleShot(1000, window, lambda: _daily_backup(window, ops))
    status = app.exec()
    window.close()
    for server in servers:
        server.close()
    ops.wait_for_background()
    journal.close()
    lock.release()
    return status
