"""The backups of a journal in a list, and restoring one into the open window.

``run_restore_dialog(parent, ops)`` is File > Restore from backup: pick a
backup (newest first, with when and why it was made, how many runs, check-ins
and care entries it holds and the date of its last entry), confirm, and the
journal is replaced by it (``journal.storage.backup.restore_backup``, which
backs up the current journal first). The window keeps its ``JournalOperations``:
its connections are closed before the file is replaced (``Journal.release_connections``;
the journal reconnects to the restored file on the next
read), the undo history is cleared (it speaks of entries that may no longer
exist) and ``changed(Change.ALL)`` makes every page read the journal again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.numbers import counted
from journal.storage.backup import BackupError, BackupInfo, list_backups
from journal.storage.files import JournalFileError
from journal.ui.forms.form_dialog import add_save_keys
from journal.ui.forms.tab_order import follow_layout
from journal.ui.operations import Change, JournalOperations
from journal.ui.window_size import fit_dialog

COLUMNS = ("Made", "Why", "Entries", "Runs", "Check-ins", "Care", "Last entry", "Size")


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


class BackupListDialog(QDialog):
    """A table of backups; ``chosen()`` is the selected readable one after ``accept``."""

    def __init__(
        self,
        backups: list[BackupInfo],
        parent: QWidget | None = None,
        title: str = "Restore from backup",
        intro: str = "",
        action: str = "&Restore…",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.backups = backups
        layout = QVBoxLayout(self)
        text = intro or (
            "Pick the backup to go back to. The journal as it is now is backed up first, so this can be undone "
            "by restoring that backup."
        )
        if not backups:
            text = "There are no backups of this journal yet. One is made each day the app starts."
        self.intro = QLabel(text)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.table = QTableWidget(len(backups), len(COLUMNS))
        self.table.setAccessibleName("Backups")
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons; the arrow keys pick a backup
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, info in enumerate(backups):
            self._fill(row, info)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemDoubleClicked.connect(lambda _item: self._accept_if_ok())
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._accept_if_ok)
        self.buttons.rejected.connect(self.reject)
        add_save_keys(self, self._accept_if_ok, action.replace("&", "").rstrip("…"))  # Ctrl+Enter, as in every form
        layout.addWidget(self.buttons)
        fit_dialog(self, QSize(820, 360))
        follow_layout(self)  # the buttons in the order they are shown
        first_ok = next((i for i, b in enumerate(backups) if b.problem is None), None)
        if first_ok is not None:
            self.table.selectRow(first_ok)
        self._update_button()

    def _fill(self, row: int, info: BackupInfo) -> None:
        unreadable = f"cannot be read: {info.problem}" if info.problem else None
        cells = (
            f"{info.made_at:%Y-%m-%d %H:%M}",
            info.reason_label,
            unreadable or str(info.entries),
            "" if unreadable else str(info.runs),
            "" if unreadable else str(info.checkins),
            "" if unreadable else str(info.care),
            f"{info.last_entry:%Y-%m-%d}" if info.last_entry else "",
            _size(info.size),
        )
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(info.path))
            if column >= 2 and column != 6 and not unreadable:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if unreadable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, item)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.backups[rows[0].row()]
        return info if info.problem is None else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _accept_if_ok(self) -> None:
        if self.chosen() is not None:
            self.accept()


def choose_backup(parent: QWidget | None, journal_path: Path, **texts: str) -> BackupInfo | None:
    """Show the backups of ``journal_path``; the one picked, or None."""
    dialog = BackupListDialog(list_backups(journal_path), parent, **texts)
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def confirm_restore(parent: QWidget | None, info: BackupInfo, journal_path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        "Restore this backup?",
        f"Replace the journal {journal_path.name} with the backup made {info.made_at:%Y-%m-%d %H:%M} "
        f"({counted(info.entries or 0, 'entry', 'entries')})?\n\nThe journal as it is now is backed up first.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def run_restore_dialog(parent: QWidget, ops: JournalOperations) -> bool:
    """File > Restore from backup. True when a backup was restored."""
    info = choose_backup(parent, ops.path)
    if info is None or not confirm_restore(parent, info, ops.path):
        return False
    try:
        saved = ops.restore_backup(info.path)
    except (BackupError, JournalFileError) as exc:
        QMessageBox.warning(parent, "Restore failed", str(exc))
        ops.changed.emit(Change.ALL)
        return False
    kept = f"\n\nThe journal it replaced was saved as {saved.name} in the backups folder." if saved else ""
    QMessageBox.information(
        parent, "Backup restored", f"The journal now holds the backup made {info.made_at:%Y-%m-%d %H:%M}.{kept}"
    )
    return True
