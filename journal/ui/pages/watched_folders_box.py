"""Settings > Watched folders: the folders whose new activity files are imported in the background.

The list is stored in the journal (``journal.importers.watched.SETTING_KEY``) through
``ops.save_raw_settings``, one transaction per change, announced with Change.SETTINGS,
so the window's ``FolderWatcher`` follows it at once and ``import --watch-folders``
reads the same folders.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.ui.operations import Change, JournalOperations, WriteFailed


class WatchedFoldersBox(QGroupBox):
    """The watched folders, with Add folder…, Add connected watch and Remove."""

    def __init__(self, ops: JournalOperations, parent: QWidget | None = None) -> None:
        super().__init__("Watched folders", parent)
        self._ops = ops
        intro = QLabel(
            "New FIT, TCX and GPX files in these folders are imported in the background, when the app starts and "
            "while it runs: a sync tool's folder, or a watch connected as a drive (its GARMIN/Activity folder). "
            "A file is read once, even if it is moved or renamed later."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Watched folders")
        self.list.setMaximumHeight(110)
        self.add_button = QPushButton("Add folder…")
        self.watch_button = QPushButton("Add connected watch")
        self.watch_button.setToolTip("Add the GARMIN/Activity folder of each watch connected by USB")
        self.remove_button = QPushButton("Remove")
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.watch_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self._choose_folder)
        self.watch_button.clicked.connect(lambda: self.add_connected_watches())
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        ops.changed.connect(self._changed)
        self._load()

    def folders(self) -> list[Path]:
        from journal.importers.watched import folders_from_settings

        return folders_from_settings(self._ops.read.raw_settings())

    def _load(self) -> None:
        self.list.clear()
        for folder in self.folders():
            item = QListWidgetItem(str(folder) if folder.is_dir() else f"{folder}  (not found now)")
            item.setToolTip(str(folder))
            self.list.addItem(item)
        self._update_buttons()

    def _changed(self, change: Change) -> None:
        if change & Change.SETTINGS:
            self._load()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.currentRow() >= 0)

    def _save(self, folders: list[Path]) -> None:
        from journal.importers.watched import folders_setting

        with suppress(WriteFailed):  # the window says why; the list stays as it was
            self._ops.save_raw_settings(folders_setting(folders))

    def add_folder(self, folder: Path) -> None:
        current = self.folders()
        if folder.absolute() in (f.absolute() for f in current):
            self.status.setText(f"{folder} is watched already.")
            return
        self._save([*current, folder])
        self.status.setText(f"Watching {folder}.")

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Watch a folder", str(Path.home()))
        if name:
            self.add_folder(Path(name))

    def add_connected_watches(self, roots: list[Path] | None = None) -> None:
        from journal.importers.watched import watch_volumes

        found = watch_volumes(roots)
        if not found:
            self.status.setText("No watch connected as a drive was found (a GARMIN folder with an Activity folder).")
            return
        current = self.folders()
        self._save([*current, *(f for f in found if f not in current)])
        self.status.setText("Watching " + ", ".join(str(f) for f in found) + ".")

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        current = self.folders()
        if 0 <= row < len(current):
            removed = current.pop(row)
            self._save(current)
            self.status.setText(f"No longer watching {removed}.")
