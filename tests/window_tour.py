"""A tour of the real window on the demo journal: every page, and every dialog the app opens.

``demo_window`` opens the main window on the demo journal (flags raised, a goal race, shoes)
at 1366x768; ``PAGES`` are its tabs; ``DIALOGS`` open each dialog as a person would reach it,
shown and ready to inspect; ``MODAL_DIALOGS`` are those the app opens with exec(), inspected
from inside their own event loop by ``inspect_modal``. The accessibility and mnemonic tests
walk them all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from journal.demo import write_demo_journal
from journal.domain.entries import Run
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import Region, WarningSign
from journal.ui.main_window import MainWindow
from tests.ui_helpers import make_window

PAGES = ("History", "Calendar", "Trends", "Race", "Flags", "Report", "Shoes", "Settings")


def demo_window(qtbot, tmp_path: Path) -> MainWindow:
    window = make_window(qtbot, write_demo_journal(tmp_path / "demo.sqlite3"))
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.banner is not None  # the flag banner, built at once (it waits for the first paint otherwise)
    return window


def show_page(qtbot, window: MainWindow, title: str) -> QWidget:
    page = window.show_tab(title)
    qtbot.wait(50)  # lazy contents (the report's preview, the charts) settle
    return page


def _shown(widget: QWidget) -> QWidget:
    widget.show()
    QApplication.processEvents()
    return widget


def _last_run(w: MainWindow) -> Run:
    run = w.ops.read.last_run()
    assert run is not None
    return run


def _run(w: MainWindow) -> QWidget:
    from journal.ui.forms.run_dialog import RunDialog

    return _shown(RunDialog(w.ops, parent=w))


def _run_edited(w: MainWindow) -> QWidget:
    from journal.ui.forms.run_dialog import RunDialog

    return _shown(RunDialog(w.ops, _last_run(w), parent=w))


def _checkin(w: MainWindow) -> QWidget:
    from journal.ui.forms.checkin_dialog import CheckInDialog

    return _shown(CheckInDialog(w.ops, parent=w))


def _quick_checkin(w: MainWindow) -> QWidget:
    from journal.ui.forms.checkin_dialog import CheckInDialog

    dialog = CheckInDialog(w.ops, parent=w)
    assert dialog.fill_same_as_last_time() is not None
    return _shown(dialog)


def _checkin_after_run(w: MainWindow) -> QWidget:
    from journal.ui.forms.checkin_dialog import CheckInDialog

    return _shown(CheckInDialog(w.ops, run=_last_run(w), parent=w))


def _score_chooser(w: MainWindow) -> QWidget:
    dialog = _checkin(w)
    return dialog.body_map.open_chooser(Region.LOWER_BACK)  # type: ignore[attr-defined]


def _race(w: MainWindow) -> QWidget:
    from journal.ui.race.dialog import RaceDialog

    return _shown(RaceDialog(w.ops, parent=w))


def _race_other_distance(w: MainWindow) -> QWidget:
    from journal.domain.races import RaceDistance
    from journal.ui.race.dialog import RaceDialog

    dialog = RaceDialog(w.ops, parent=w)
    dialog.distance_choice.setCurrentIndex(dialog.distance_choice.findData(RaceDistance.CUSTOM.value))
    return _shown(dialog)


def _shoes(w: MainWindow) -> QWidget:
    from journal.ui.pages.shoes_page import ShoeDialog

    return _shown(ShoeDialog(w.ops, w.ops.read.shoes()[0], DistanceUnit.KM, w))


def _care(w: MainWindow) -> QWidget:
    from journal.ui.forms.care_dialog import CareDialog

    return _shown(CareDialog(w.ops, w.ops.read.care()[0], w))


def _thresholds(w: MainWindow) -> QWidget:
    from journal.ui.flags.about import AboutFlagsDialog

    return _shown(AboutFlagsDialog(w.ops, w.flag_state.result().thresholds, w))


def _import_report(w: MainWindow) -> QWidget:
    from journal.importers.records import FileNote, ImportReport
    from journal.ui.importing.report_dialog import ImportReportDialog

    report = ImportReport(
        imported=[Run(datetime(2026, 3, 1, 7), 8000.0, 2400, source_file="a.fit")],
        duplicates=[FileNote("b.gpx", "already in the journal")],
        skipped=[FileNote("c.gpx", "a ride, not a run")],
        failed=[FileNote("d.fit", "the file is damaged")],
    )
    return _shown(ImportReportDialog(report, DistanceUnit.KM, w))


def _restore(w: MainWindow) -> QWidget:
    from journal.storage.backup import list_backups, make_backup
    from journal.ui.backups.dialog import BackupListDialog

    make_backup(w.ops.path, "manual")
    return _shown(BackupListDialog(list_backups(w.ops.path), w))


def _file_problem(w: MainWindow) -> QWidget:
    from journal.storage.backup import list_backups, make_backup
    from journal.storage.files import FileProblem, JournalFileError
    from journal.ui.file_problem_dialog import FileProblemDialog

    make_backup(w.ops.path, "manual")
    return _shown(FileProblemDialog(JournalFileError(w.ops.path, FileProblem.CORRUPT), list_backups(w.ops.path)))


def _emergency_notice(w: MainWindow) -> QWidget:
    from journal.ui.forms.checkin_dialog import emergency_notice

    return emergency_notice([WarningSign.SADDLE_NUMBNESS], w)


DIALOGS: dict[str, Callable[[MainWindow], QWidget]] = {
    "run": _run,
    "run, edited": _run_edited,
    "check-in": _checkin,
    "quick check-in (same as last time)": _quick_checkin,
    "check-in after a run": _checkin_after_run,
    "body map scores": _score_chooser,
    "race": _race,
    "race, another distance": _race_other_distance,
    "shoes": _shoes,
    "care entry, edited": _care,
    "flag thresholds": _thresholds,
    "import report": _import_report,
    "restore from backup": _restore,
    "the journal cannot be opened": _file_problem,
    "emergency notice": _emergency_notice,
    "about": lambda w: w.about(),
    "guide": lambda w: w.show_guide(),
    "keyboard shortcuts": lambda w: w.show_shortcuts(),
}


def inspect_modal(
    qtbot, open_it: Callable[[], object], inspect: Callable[[QWidget], None], timeout_ms: int = 5000
) -> None:
    """Call ``open_it`` (which runs a modal dialog with exec()), run ``inspect`` on that dialog, then close it."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        QApplication.processEvents()
        try:
            inspect(dialog)
        finally:
            seen.append(dialog)
            if isinstance(dialog, QMessageBox) and dialog.escapeButton() is not None:
                dialog.escapeButton().click()  # type: ignore[union-attr]
            elif isinstance(dialog, QDialog):
                dialog.done(0)
            else:
                dialog.close()

    QTimer.singleShot(0, poll)
    open_it()
    qtbot.waitUntil(lambda: bool(seen), timeout=timeout_ms)


def _discard_question(qtbot, w: MainWindow, inspect: Callable[[QWidget], None]) -> None:
    from journal.ui.forms.run_dialog import RunDialog

    dialog = RunDialog(w.ops, parent=w)
    dialog.show()
    dialog.distance.setText("8")
    inspect_modal(qtbot, dialog.reject, inspect)
    dialog.mark_unchanged()
    dialog.close()


def _print_preview(qtbot, w: MainWindow, inspect: Callable[[QWidget], None]) -> None:
    page = w.show_tab("Report")
    inspect_modal(qtbot, page.preview, inspect, timeout_ms=30_000)  # type: ignore[attr-defined]


def _garmin_units(qtbot, w: MainWindow, inspect: Callable[[QWidget], None]) -> None:
    from journal.ui.importing.dialog import ask_units

    inspect_modal(qtbot, lambda: ask_units(w, DistanceUnit.KM, ["Activities.csv"]), inspect)


MODAL_DIALOGS: dict[str, Callable[..., None]] = {
    "discard this run?": _discard_question,
    "Garmin units question": _garmin_units,
    "print preview": _print_preview,
}
