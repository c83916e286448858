"""Starting the window: the QApplication, opening the journal, and the main window.

Opening problems (a damaged file, another program's file, a newer app's
journal...) are shown in a dialog; the file is never changed to "repair" it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from journal import APP_NAME, __version__
from journal.storage.files import JournalFileError
from journal.storage.journal import Journal

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


def open_journal_for_window(path: Path) -> Journal | None:
    """Open ``path``; on a file problem, tell the person and return None."""
    try:
        return Journal.open(path)
    except JournalFileError as exc:
        QMessageBox.critical(None, f"{APP_NAME}: cannot open the journal", str(exc))
        return None


def run_window(args: argparse.Namespace) -> int:
    from journal.cli.common import demo_journal_path, journal_path
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations

    app = make_application()
    path = demo_journal_path() if args.demo else journal_path(args)
    journal = open_journal_for_window(path)
    if journal is None:
        return 3
    ops = JournalOperations(journal)
    window = MainWindow(ops)
    window.show()
    status = app.exec()
    journal.close()
    return status
