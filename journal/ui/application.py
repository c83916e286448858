"""Starting the window: the QApplication, opening the journal, and the main window.

Opening problems (a damaged file, another program's file, a newer app's
journal...) are shown in a dialog; the file is never changed to "repair" it.
One running copy per journal: a lock file beside it, and a second copy brings
the first window forward. A backup is made at most once a day, after start-up.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
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
    from journal.ui.operations import JournalOperations

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("RunJournal")
    QCoreApplication.setApplicationName("RunJournal")
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName(APP_NAME)
    icon = RESOURCES / "run-journal.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app  # type: ignore[return-value]


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

    def failed(message: str) -> None:
        window.statusBar().showMessage(f"The daily backup could not be made: {message}", 30000)

    ops.run_in_background(lambda journal, _progress: daily_backup_if_due(journal.path), done, failed)


def _quit_when_ready_for_bench(app: QApplication, window: QMainWindow, started: float) -> None:
    """``RUN_JOURNAL_BENCH_EXIT=1`` (journal.bench): print when History is filled in the shown window, then quit."""
    if os.environ.get("RUN_JOURNAL_BENCH_EXIT") != "1":
        return

    def ready() -> None:
        print(f"bench: history shown {(time.perf_counter() - started) * 1000:.1f} ms", flush=True)
        app.quit()

    window.history_ready.connect(ready)


def run_window(args: argparse.Namespace) -> int:
    from journal.cli.common import demo_journal_path, journal_path
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations

    started = time.perf_counter()
    app = make_application()
    path = demo_journal_path() if args.demo else journal_path(args)
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
    minimised = bool(getattr(args, "minimised", False))
    window = MainWindow(ops, minimised=minimised)
    _quit_when_ready_for_bench(app, window, started)
    if not minimised:
        window.show()  # minimised: the tray icon (or a minimised window where there is no tray)
    servers: list[object] = []

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
    for server in servers:
        server.close()
    ops.wait_for_background()
    journal.close()
    lock.release()
    return status
