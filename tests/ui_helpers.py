"""Helpers for GUI tests: a window on a real journal file, and answering modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def make_window(qtbot, path: Path, settings_file: Path | None = None, **window_args):
    from journal.storage.journal import Journal
    from journal.ui.main_window import MainWindow
    from journal.ui.operations import JournalOperations

    journal = Journal.open(path)
    ops = JournalOperations(journal)
    qsettings = QSettings(str(settings_file or path.with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(ops, qsettings, **window_args)
    qtbot.addWidget(window)
    return window


def when_modal(action: Callable[[QWidget], None], cls: type | None = None) -> None:
    """Run ``action`` on the next modal dialog that opens (for code that calls ``exec()``)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or (cls is not None and not isinstance(dialog, cls)):
            QTimer.singleShot(20, poll)
            return
        action(dialog)

    QTimer.singleShot(0, poll)
