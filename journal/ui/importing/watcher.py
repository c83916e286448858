"""Watched folders in the window: new activity files imported in the background, and File > Import from a watch.

``FolderWatcher`` reads the folders named in Settings (``journal.importers.watched``),
scans them once at start and again whenever ``QFileSystemWatcher`` reports a change (and
while a file is settling or waiting for a retry), and imports the files that are ready
through ``ops.run_in_background``, one import at a time. What arrived is said in the
status bar, with a "Details" button for the report: file names and counts only, never
a date, a distance or a note (no desktop notification is used at all). A journal file
problem goes out through ``JournalOperations.failed`` like any other write.

``import_from_connected_watch`` is File > "Import from a connected watch": it finds the
watches mounted as drives and imports their new files with the progress dialog and the
report of File > Import.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QWidget

from journal.ui.operations import Change, JournalOperations

SCAN_DELAY_MS = 300
"""A burst of changes (a sync tool writing several files) is scanned once, after this pause."""
NOTICE_MS = 30_000


class FolderWatcher(QObject):
    """Watches the folders named in Settings and imports what arrives, in the background.

    Signals:
        arrived(object): the ``WatchOutcome`` of a background import that read something.
        idle(): a scan found nothing left to import or wait for (for tests and the status bar).
    """

    arrived = Signal(object)
    idle = Signal()

    def __init__(
        self,
        window: QMainWindow,
        ops: JournalOperations,
        settle_s: float | None = None,
        young_s: float | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(window)
        from journal.importers import watched

        self._window, self._ops, self._clock = window, ops, clock
        self._young_s = watched.YOUNG_S if young_s is None else young_s
        self.arrivals = watched.Arrivals(settle_s=watched.SETTLE_S if settle_s is None else settle_s)
        self.folders: list[Path] = []
        self.last_outcome = None
        self._busy = False
        self._fs = QFileSystemWatcher(self)
        self._fs.directoryChanged.connect(self.schedule_scan)
        self._scan_timer = QTimer(self, singleShot=True, interval=SCAN_DELAY_MS)
        self._scan_timer.timeout.connect(self.scan)
        self._details = QPushButton("Details…")
        self._details.setFlat(True)
        self._details.setAccessibleName("Details of the last import from watched folders")
        self._details.clicked.connect(self.show_details)
        self._details.hide()
        window.statusBar().addPermanentWidget(self._details)
        ops.changed.connect(self._settings_changed)
        self.report_dialog = None

    # ---- folders -------------------------------------------------------------------------
    def start(self) -> None:
        """Read the folders from Settings, watch them, scan them now."""
        from journal.importers.watched import folders_from_settings
        from journal.storage.files import JournalFileError

        try:
            raw = self._ops.read.raw_settings()
        except JournalFileError:  # the journal's own problem is told where it is written or read
            return
        self.folders = folders_from_settings(raw)
        self._watch_paths()
        if self.folders:
            self.schedule_scan()

    def _settings_changed(self, change: Change) -> None:
        if change & Change.SETTINGS:
            self.start()

    def _watch_paths(self) -> None:
        """Watch every watched folder and the folders below it (new files appear in any of them)."""
        from journal.importers.watched import MAX_DEPTH

        wanted: list[str] = []
        for folder in self.folders:
            if folder.is_dir():
                wanted.append(str(folder))
                wanted += [str(p) for p in _subfolders(folder, MAX_DEPTH)]
        current = set(self._fs.directories())
        gone = [p for p in current if p not in wanted]
        if gone:
            self._fs.removePaths(gone)
        new = [p for p in dict.fromkeys(wanted) if p not in current]
        if new:
            self._fs.addPaths(new)

    # ---- scanning and importing ----------------------------------------------------------
    def schedule_scan(self, *_args: object) -> None:
        self._scan_timer.start()

    def scan(self) -> None:
        """Import the files that are ready; look again when one is still settling or waiting to retry."""
        from journal.importers.watched import activity_files

        if self._busy:
            return
        self._watch_paths()  # folders made since (a sync tool's new month folder)
        now = self._clock()
        ready = self.arrivals.ready(activity_files([f for f in self.folders if f.is_dir()]), now)
        if ready:
            self._import(ready)
            return
        wait = self.arrivals.next_check(now)
        if wait is not None:
            self._scan_timer.start(int(wait * 1000) + 50)
        else:
            self.idle.emit()

    def _import(self, files: list[Path]) -> None:
        self._busy = True
        young_s = self._young_s

        def done(outcome) -> None:
            self._busy = False
            now = self._clock()
            for path in files:
                if path in outcome.retry:
                    self.arrivals.retry_later(path, now)
                else:
                    self.arrivals.done(path)
            if outcome.read and not outcome.report.cancelled:
                self.last_outcome = outcome
                self._notify(outcome)
                self.arrived.emit(outcome)
            self.schedule_scan()

        def failed(message: str, shown: bool) -> None:
            self._busy = False
            if not shown:
                self._window.statusBar().showMessage(f"Watched folders: nothing imported ({message})", NOTICE_MS)
            for path in files:  # try again later rather than at once
                self.arrivals.retry_later(path, self._clock())
            self.schedule_scan()

        self._ops.import_new_files_in_background(files, young_s, done, failed)

    # ---- the notice ----------------------------------------------------------------------
    def _notify(self, outcome) -> None:
        from journal.importers.watched import arrival_notice

        text = arrival_notice(outcome)
        if text:
            self._window.statusBar().showMessage(text, NOTICE_MS)
            self._details.show()

    def show_details(self) -> None:
        """The full report of the last watched-folder import, in a window that does not block."""
        from journal.ui.importing.report_dialog import ImportReportDialog

        if self.last_outcome is None:
            return
        dialog = ImportReportDialog(self.last_outcome.report, self._ops.read.settings().units, self._window)
        dialog.setWindowTitle("Import report: watched folders")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.report_dialog = dialog


def _subfolders(folder: Path, depth: int) -> list[Path]:
    import os

    found: list[Path] = []
    if depth <= 0:
        return found
    try:
        entries = [e for e in os.scandir(folder) if e.is_dir() and not e.name.startswith(".")]
    except OSError:
        return found
    for entry in sorted(entries, key=lambda e: e.name):
        found.append(Path(entry.path))
        found += _subfolders(Path(entry.path), depth - 1)
    return found


def import_from_connected_watch(parent: QWidget, ops: JournalOperations, roots: list[Path] | None = None):
    """File > Import from a connected watch: the new files of every watch mounted as a drive.

    Returns the running ImportController, or None when no watch was found (the person is told where
    it was looked for). ``roots``: where drives are mounted (tests pass a temporary folder).
    """
    from journal.importers.watched import activity_files, mount_roots, watch_volumes
    from journal.ui.importing.dialog import start_import

    volumes = watch_volumes(roots)
    if not volumes:
        looked = ", ".join(str(r) for r in (roots if roots is not None else mount_roots())[:4])
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Import from a connected watch",
            "No watch was found.",
            parent=parent,
        )
        box.setInformativeText(
            "Connect the watch with its USB cable and wait until it shows as a drive (a GARMIN folder with an "
            f"Activity folder in it). Looked in: {looked}. A watch that syncs through an app instead can put its "
            "files in a folder: name that folder under Settings > Watched folders."
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return None

    return start_import(parent, ops, activity_files(volumes), None, new_files_only=True)
