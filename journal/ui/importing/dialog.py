"""File > Import: choose files or a folder, pick the unit of a Garmin CSV, import off the GUI thread, report.

``run_import_dialog(parent, ops)`` is the menu's entry point. Tests (and drag-and-drop,
later) pass ``paths`` and ``units`` to skip the questions. The import runs through
``ops.import_in_background`` (``journal.importers.run.import_paths`` on a worker thread)
behind a window-modal, cancellable ``QProgressDialog``. Cancel is honoured up to the
moment the runs are saved; the save is one transaction, so an import is never half
done. The last folder used is remembered in QSettings (``import/last_folder``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from journal.domain.units import DistanceUnit
from journal.ui.importing.report_dialog import ImportReportDialog
from journal.ui.operations import JournalOperations, Task

LAST_FOLDER_KEY = "import/last_folder"
FILE_FILTER = "Activity files (*.gpx *.tcx *.fit *.gz *.zip *.csv);;All files (*)"


class ImportController(QObject):
    """One import: the progress dialog, the background task, then the report (or the error).

    Signals:
        finished(object): the ImportReport once the work ended, or None when it failed.
    """

    finished = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        ops: JournalOperations,
        paths: Sequence[Path],
        units: DistanceUnit | None,
        new_files_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self._parent, self._ops = parent, ops
        self.paths, self.units = list(paths), units
        self.new_files_only = new_files_only
        self.report = None
        self.error: str | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.error_box: QMessageBox | None = None
        self.progress = QProgressDialog("Looking for activity files…", "Cancel", 0, 0, parent)
        self.progress.setWindowTitle("Import runs")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setMinimumWidth(380)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self._task: Task | None = None

    def start(self) -> None:
        self.progress.show()
        if self.new_files_only:
            self._task = self._ops.import_new_files_in_background(
                self.paths, 0.0, lambda outcome: self._done(outcome.report), self._failed, self._progress
            )
        else:
            self._task = self._ops.import_in_background(
                self.paths, self.units, self._done, self._failed, self._progress
            )

    def cancel(self) -> None:
        """Stop before the runs are saved (nothing is written); after that point the save completes."""
        if self._task is not None:
            self._task.cancel()
        self.progress.setLabelText("Cancelling…")

    def _progress(self, done: int, total: int) -> None:
        if self.progress.wasCanceled():
            return
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setLabelText(f"Reading file {done + 1} of {total}…" if done < total else "Saving the runs…")

    def _close_progress(self) -> None:
        # QProgressDialog emits canceled() when closed: disconnect first, the work is over.
        self.progress.canceled.disconnect(self.cancel)
        self.progress.hide()

    def _done(self, report) -> None:
        self._close_progress()
        self.report = report
        self.report_dialog = ImportReportDialog(report, self._ops.read.settings().units, self._parent)
        self.report_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report_dialog.open()
        self.finished.emit(report)

    def _failed(self, message: str, shown: bool) -> None:
        self._close_progress()
        self.error = message
        self.finished.emit(None)
        if shown:  # a journal file problem: the window already says it (JournalOperations.failed)
            return
        self.error_box = QMessageBox(
            QMessageBox.Icon.Warning, "Import failed", f"Nothing was imported.\n\n{message}", parent=self._parent
        )
        self.error_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box.open()


def start_import(
    parent: QWidget,
    ops: JournalOperations,
    paths: Sequence[Path | str],
    units: DistanceUnit | None,
    new_files_only: bool = False,
) -> ImportController:
    """Import ``paths`` now (no questions): progress, background work, report. ``new_files_only``: read only
    files whose content was never read (File > Import from a connected watch; ``journal.importers.watched``)."""
    controller = ImportController(parent, ops, [Path(p) for p in paths], units, new_files_only)
    controller.start()
    return controller


def choose_paths(parent: QWidget, settings: QSettings) -> list[Path]:
    """Ask for files or one folder; remembers the folder. Empty when the person cancels."""
    ask = QMessageBox(QMessageBox.Icon.Question, "Import runs", "What would you like to import?", parent=parent)
    ask.setInformativeText(
        "GPX, TCX or FIT files from a watch, a Strava bulk export (its .zip or folder), "
        "a Garmin Connect Activities.csv, or a folder of any of these."
    )
    files_button = ask.addButton("Files…", QMessageBox.ButtonRole.AcceptRole)
    folder_button = ask.addButton("A folder…", QMessageBox.ButtonRole.AcceptRole)
    ask.addButton(QMessageBox.StandardButton.Cancel)
    ask.exec()
    start = str(settings.value(LAST_FOLDER_KEY, str(Path.home())))
    if ask.clickedButton() is files_button:
        names, _ = QFileDialog.getOpenFileNames(parent, "Import runs from files", start, FILE_FILTER)
        paths = [Path(n) for n in names]
        folder = paths[0].parent if paths else None
    elif ask.clickedButton() is folder_button:
        name = QFileDialog.getExistingDirectory(parent, "Import runs from a folder", start)
        paths = [Path(name)] if name else []
        folder = paths[0] if paths else None
    else:
        return []
    if folder is not None:
        settings.setValue(LAST_FOLDER_KEY, str(folder))
    return paths


def ask_units(parent: QWidget, default: DistanceUnit, files: Sequence[str] = ()) -> DistanceUnit | None:
    """Which unit a Garmin Connect CSV's distances are in (the file does not show it); None on cancel."""
    names = ", ".join(Path(f).name for f in files[:3]) or "the Garmin Connect CSV"
    ask = QMessageBox(
        QMessageBox.Icon.Question,
        "Garmin Connect CSV",
        f"Are the distances in {names} in kilometres or in miles?",
        parent=parent,
    )
    ask.setInformativeText(
        "The file does not show it: its distances follow the unit set in your Garmin Connect account, and neither "
        "its column names nor its paces tell which. Nothing is imported until you choose."
    )
    km = ask.addButton("Kilometres", QMessageBox.ButtonRole.AcceptRole)
    mi = ask.addButton("Miles", QMessageBox.ButtonRole.AcceptRole)
    ask.addButton(QMessageBox.StandardButton.Cancel)
    ask.setDefaultButton(km if default is DistanceUnit.KM else mi)
    ask.exec()
    if ask.clickedButton() is km:
        return DistanceUnit.KM
    if ask.clickedButton() is mi:
        return DistanceUnit.MI
    return None


def run_import_dialog(
    parent: QWidget,
    ops: JournalOperations,
    paths: Sequence[Path | str] | None = None,
    units: DistanceUnit | None = None,
    settings: QSettings | None = None,
) -> ImportController | None:
    """File > Import: ask what to import (unless ``paths`` is given), the Garmin unit when the file does not
    show it, then import.

    Returns the running import, or None when the person cancelled a question.
    """
    if paths is None:
        paths = choose_paths(parent, settings or QSettings())
        if not paths:
            return None
    if units is None:
        from journal.importers.run import needs_units

        unknown = needs_units(paths)
        if unknown:
            units = ask_units(parent, ops.read.settings().units, unknown)
            if units is None:
                return None
    return start_import(parent, ops, paths, units)
