"""A journal that cannot be written while the window is open: the person is told, nothing typed is lost.

Real failures of SQLite, not mocks: a full disk (the journal's connections are
limited to the pages the file already has, ``PRAGMA max_page_count``, so the next
page SQLite needs fails with SQLITE_FULL, "database or disk is full", exactly as
on a full disk) and a lock held by another program (a second connection in a write
transaction). Each time the message goes out on ``JournalOperations.failed`` and the
main window shows it over the form; the form stays open with what was typed; no
traceback and none of the entry reaches stderr; saving again once the disk has room
stores the entry.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from journal.domain.units import DistanceUnit
from journal.storage import journal as journal_module
from journal.storage.files import FileProblem, JournalFileError
from journal.storage.journal import Journal
from journal.ui.forms.run_dialog import RunDialog
from journal.ui.importing.dialog import run_import_dialog
from tests.ui_helpers import make_window

MARKER = "Quokka5b7Note"
LONG_NOTES = (MARKER + " ünïcode ✓ ") * 400  # a few pages: the run needs new pages in the file


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def stored_runs(path):
    with Journal.open(path) as j:
        return j.runs()


def fill_the_disk(monkeypatch: pytest.MonkeyPatch, journal: Journal) -> None:
    """From now on the journal's connections may not grow the file: the next page needed fails as on a full disk."""
    real = journal_module._connect_existing

    def connect(path):
        conn = real(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(journal_module, "_connect_existing", connect)
    journal.release_connections()  # the next write connects with the limit


def fill_run(qtbot, dialog: RunDialog) -> None:
    qtbot.keyClicks(dialog.distance, "8.2")
    qtbot.keyClicks(dialog.duration, "45:00")
    dialog.notes.setPlainText(LONG_NOTES)


def test_full_disk_while_saving_a_run_tells_the_person_and_keeps_the_form(qtbot, journal_path, monkeypatch, capfd):
    window = make_window(qtbot, journal_path)
    fill_the_disk(monkeypatch, window.ops.read)
    failures: list[str] = []
    window.ops.failed.connect(failures.append)
    dialog = RunDialog(window.ops, parent=window)
    dialog.open()
    fill_run(qtbot, dialog)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)

    assert len(failures) == 1 and "disk" in failures[0] and "full" in failures[0]
    box = window.failure_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "is full" in box.text() and "nothing was saved" in box.text()
    assert box.parent() is dialog, "the message is shown over the form that tried to save"
    assert dialog.isVisible() and dialog.result() == 0, "the form stays open"
    assert dialog.notes.toPlainText() == LONG_NOTES and dialog.distance.text() == "8.2", "what was typed is kept"
    assert window.ops.undo_stack.count() == 0
    assert "is full" in window.statusBar().currentMessage()
    box.grab().save("/tmp/ui-failure-full-disk.png")
    box.close()

    monkeypatch.undo()  # room on the disk again
    window.ops.read.release_connections()
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    [run] = stored_runs(journal_path)
    assert run.notes == LONG_NOTES and run.distance_m == pytest.approx(8200.0)
    err = capfd.readouterr().err
    assert "Traceback" not in err and MARKER not in err and "INSERT" not in err


def test_a_journal_locked_by_another_program(qtbot, journal_path, monkeypatch, capfd):
    window = make_window(qtbot, journal_path)
    window.ops.read.release_connections()
    monkeypatch.setattr(journal_module, "_set_pragmas", _short_wait(journal_module._set_pragmas))
    window.ops.read._engine = None  # the next write makes its engine with the short wait
    other = sqlite3.connect(journal_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program is writing
    try:
        dialog = RunDialog(window.ops, parent=window)
        dialog.open()
        fill_run(qtbot, dialog)
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
        assert window.failure_box is not None and "locked by another program" in window.failure_box.text()
        assert dialog.isVisible() and dialog.notes.toPlainText() == LONG_NOTES
    finally:
        other.execute("ROLLBACK")
        other.close()
    window.failure_box.close()
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert len(stored_runs(journal_path)) == 1
    err = capfd.readouterr().err
    assert "Traceback" not in err and MARKER not in err


def _short_wait(real):
    def set_pragmas(dbapi_connection, record):
        real(dbapi_connection, record)
        dbapi_connection.execute("PRAGMA busy_timeout=50")

    return set_pragmas


def test_a_failed_undo_is_told_and_leaves_the_entry(qtbot, journal_path):
    window = make_window(qtbot, journal_path)
    dialog = RunDialog(window.ops, parent=window)
    fill_run(qtbot, dialog)
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert len(stored_runs(journal_path)) == 1
    window.ops.read.release_connections()
    monkey = pytest.MonkeyPatch()
    try:
        monkey.setattr(journal_module, "_connect_existing", _read_only_connection)
        window.undo_action.trigger()  # undo = delete the run: the file cannot be written
    finally:
        monkey.undo()
    assert window.failure_box is not None and "read-only" in window.failure_box.text()
    assert len(stored_runs(journal_path)) == 1, "the run is still there"
    assert window.history.model.rowCount() == 1


def _read_only_connection(path):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    return conn


def test_a_journal_problem_during_an_import_is_shown_once(qtbot, journal_path, samples, monkeypatch):
    window = make_window(qtbot, journal_path)

    def refuse(journal, *args, **kwargs):
        raise JournalFileError(journal.path, FileProblem.DISK_FULL)

    monkeypatch.setattr(Journal, "add_entries", refuse)
    failures: list[str] = []
    window.ops.failed.connect(failures.append)
    controller = run_import_dialog(window, window.ops, paths=[samples / "tcx"], units=DistanceUnit.KM)
    qtbot.waitUntil(lambda: controller.error is not None, timeout=10_000)
    assert len(failures) == 1 and "is full" in failures[0]
    assert window.failure_box is not None and "is full" in window.failure_box.text()
    assert controller.error_box is None, "one message, through the window's one channel"
    monkeypatch.undo()
    assert stored_runs(journal_path) == []
