"""File > Import in the window: progress off the GUI thread, cancel, the unit question, the report."""

from __future__ import annotations

import errno
import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from journal.domain.units import METRES_PER_MILE, DistanceUnit
from journal.storage.journal import Journal
from journal.ui.importing import dialog as import_dialog
from journal.ui.importing.dialog import LAST_FOLDER_KEY, run_import_dialog
from journal.ui.operations import Change, JournalOperations
from tests.import_helpers import GARMIN_HEADER, csv_bytes, garmin_row
from tests.ui_helpers import when_modal


@pytest.fixture
def window(qtbot, journal_path):
    journal = Journal.open(journal_path)
    ops = JournalOperations(journal)
    parent = QWidget()
    parent.resize(800, 600)
    qtbot.addWidget(parent)
    parent.show()
    parent.ops = ops
    yield parent
    ops.wait_for_background()
    journal.close()


def _stored_runs(path):
    with Journal.open(path) as j:
        return j.runs()


def _click(dialog: QMessageBox, text: str) -> None:
    next(b for b in dialog.buttons() if b.text() == text).click()


def test_import_shows_progress_then_the_report_and_saves_the_runs(qtbot, window, samples, journal_path):
    changes: list[Change] = []
    window.ops.changed.connect(changes.append)
    paths = [samples / "tcx", samples / "fit" / "invalid"]
    controller = run_import_dialog(window, window.ops, paths=paths, units=DistanceUnit.KM)
    assert controller.progress.isVisible()
    qtbot.waitUntil(lambda: controller.report_dialog is not None, timeout=20_000)
    assert controller.progress.maximum() == 7 and controller.progress.value() == 7  # 3 TCX + 4 FIT files
    assert not controller.progress.isVisible()
    report = controller.report_dialog
    assert report.isVisible()
    assert report.summary.text() == "<b>Imported 2 runs; 4 duplicates; 1 skipped; 0 failed.</b>"
    assert len(report.lines("imported")) == 2
    assert report.lines("skipped") == [("sup_activity_1.tcx", "not a run (sport Other)")]
    warnings = dict(report.lines("warnings"))
    assert warnings["activity-unexpected-eof.fit"].startswith("read up to byte 751; the session summary was read")
    assert "checksum" in warnings["activity-filecrc.fit"]
    assert changes == [Change.RUNS | Change.SHOES]
    stored = _stored_runs(journal_path)
    assert len(stored) == 2 and {r.source for r in stored} == {"tcx", "fit"}
    report.grab().save("/tmp/import-report.png")


def test_cancel_before_saving_leaves_nothing_imported(qtbot, window, samples, journal_path, monkeypatch):
    from journal.importers import run as import_run

    gate = threading.Event()
    real_parse = import_run.parse_item

    def slow_parse(*args, **kwargs):
        gate.wait(10)
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(import_run, "parse_item", slow_parse)
    controller = run_import_dialog(window, window.ops, paths=[samples / "tcx"], units=DistanceUnit.KM)
    qtbot.waitUntil(lambda: controller.progress.maximum() == 3, timeout=10_000)
    controller.progress.grab().save("/tmp/import-progress.png")
    qtbot.mouseClick(controller.progress.findChild(QPushButton), qtbot_button())
    gate.set()
    qtbot.waitUntil(lambda: controller.report_dialog is not None, timeout=10_000)
    assert controller.report.cancelled
    assert controller.report_dialog.summary.text() == "<b>Import cancelled: nothing was imported.</b>"
    assert _stored_runs(journal_path) == []


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_a_garmin_csv_asks_for_its_unit(qtbot, window, tmp_path, journal_path):
    path = tmp_path / "Activities.csv"
    path.write_bytes(csv_bytes(GARMIN_HEADER, [garmin_row("Running", "2021-03-14 08:03:12", "6.2", "00:52:10")]))
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        _click(box, "Miles")

    when_modal(answer, QMessageBox)
    controller = run_import_dialog(window, window.ops, paths=[path])
    qtbot.waitUntil(lambda: controller.report_dialog is not None, timeout=10_000)
    assert "kilometres or in miles" in asked[0]
    assert _stored_runs(journal_path)[0].distance_m == pytest.approx(6.2 * METRES_PER_MILE)


def test_cancelling_the_unit_question_imports_nothing(qtbot, window, tmp_path, journal_path):
    path = tmp_path / "Activities.csv"
    path.write_bytes(csv_bytes(GARMIN_HEADER, [garmin_row("Running", "2021-03-14 08:03:12", "6.2", "00:52:10")]))
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), QMessageBox)
    assert run_import_dialog(window, window.ops, paths=[path]) is None
    assert _stored_runs(journal_path) == []


def test_choosing_a_folder_remembers_it(qtbot, window, samples, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(
        import_dialog.QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(samples / "tcx"))
    )
    when_modal(lambda box: _click(box, "A folder…"), QMessageBox)
    controller = run_import_dialog(window, window.ops, settings=settings)
    qtbot.waitUntil(lambda: controller.report_dialog is not None, timeout=10_000)
    assert settings.value(LAST_FOLDER_KEY) == str(samples / "tcx")
    assert len(controller.report.imported) == 1


def test_a_failed_save_says_nothing_was_imported(qtbot, window, samples, journal_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Journal, "add_entries", refuse)
    controller = run_import_dialog(window, window.ops, paths=[samples / "tcx"], units=DistanceUnit.KM)
    qtbot.waitUntil(lambda: controller.error_box is not None, timeout=10_000)
    assert "Nothing was imported." in controller.error_box.text()
    assert "the disk is full" in controller.error_box.text()
    monkeypatch.undo()
    assert _stored_runs(journal_path) == []


def test_a_garmin_csv_that_shows_its_unit_is_not_asked_about(qtbot, window, tmp_path, journal_path):
    path = tmp_path / "Activities.csv"
    header = [name if name != "Distance" else "Distance (mi)" for name in GARMIN_HEADER]
    path.write_bytes(csv_bytes(header, [garmin_row("Running", "2021-03-14 08:03:12", "6.2", "00:52:10")]))
    controller = run_import_dialog(window, window.ops, paths=[path])  # no question: it would block here
    qtbot.waitUntil(lambda: controller.report_dialog is not None, timeout=10_000)
    assert _stored_runs(journal_path)[0].distance_m == pytest.approx(6.2 * METRES_PER_MILE)
    assert "as the file's header says" in controller.report_dialog.lines("warnings")[0][1]
