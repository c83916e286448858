"""When the journal cannot be opened: say which problem, and offer a backup, another file, or quit.

``ask_what_to_do(error)`` is called by ``journal.ui.application`` each time
opening fails. It never changes the file it reports: restoring a backup (only
offered when the file may be replaced: not while another copy has it open, nor
when it is read-only) first keeps the current file in the backups folder, byte
for byte if SQLite cannot read it.

Returns the path to try next (the same journal after a restore or "Try again",
another file), or None to quit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from journal.domain.numbers import counted
from journal.storage.backup import BackupError, BackupInfo, list_backups, restore_backup
from journal.storage.files import FileProblem, JournalFileError

HEADLINES = {
    FileProblem.EMPTY: "The journal file is empty",
    FileProblem.NOT_A_JOURNAL: "This file is not a run journal",
    FileProblem.CORRUPT: "The journal file is damaged",
    FileProblem.READ_ONLY: "The journal file is read-only",
    FileProblem.NEWER_VERSION: "The journal was made by a newer version of the app",
    FileProblem.LOCKED: "The journal is in use",
    FileProblem.MISSING: "The journal file is missing",
    FileProblem.IS_A_FOLDER: "This is a folder, not a journal",
    FileProblem.BACKUP_FAILED: "The journal could not be backed up before upgrading",
    FileProblem.DISK_FULL: "The disk is full",
    FileProblem.BUSY: "The journal is locked by another program",
    FileProblem.IO_ERROR: "The disk reported an error",
    FileProblem.GONE: "The journal file was moved or deleted",
    FileProblem.WRITE_FAILED: "The journal file could not be written",
}
ADVICE = {
    FileProblem.LOCKED: "Close the other copy of the app (or wait for the command using it to finish), then try again.",
    FileProblem.READ_ONLY: "Make the file writable (its permissions, or a locked or read-only drive), then try again.",
    FileProblem.NEWER_VERSION: "Update this app to open it, or open a backup made before.",
    FileProblem.BACKUP_FAILED: "Free some disk space or make the backups folder writable, then try again.",
}
NO_RESTORE = {
    FileProblem.LOCKED,
    FileProblem.READ_ONLY,
    FileProblem.IS_A_FOLDER,
    FileProblem.BACKUP_FAILED,
    FileProblem.DISK_FULL,
    FileProblem.BUSY,
    FileProblem.IO_ERROR,
}
"""Problems where replacing the file with a backup would be wrong or cannot work (the file itself is fine)."""
RETRY = {
    FileProblem.LOCKED,
    FileProblem.READ_ONLY,
    FileProblem.BACKUP_FAILED,
    FileProblem.DISK_FULL,
    FileProblem.BUSY,
    FileProblem.IO_ERROR,
}

BACKUP, OTHER, RETRY_CHOICE, QUIT = "backup", "other", "retry", "quit"


class FileProblemDialog(QDialog):
    """The problem in words and the choices as buttons; ``choice`` says which was pressed."""

    def __init__(self, error: JournalFileError, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.choice = QUIT
        self.setWindowTitle("Cannot open the journal")  # Qt adds "— Run Journal"
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        top.addWidget(icon)
        self.headline = QLabel(f"<b>{HEADLINES.get(error.problem, 'The journal cannot be opened')}</b>")
        top.addWidget(self.headline, 1)
        layout.addLayout(top)
        readable = [b for b in backups if b.problem is None]
        lines = [error.message()]
        said_unchanged = "left as it is" in lines[0] or "as it was" in lines[0]
        if error.problem not in (FileProblem.MISSING, FileProblem.LOCKED, FileProblem.GONE) and not said_unchanged:
            lines.append("The file has not been changed.")
        if advice := ADVICE.get(error.problem):
            lines.append(advice)
        if readable and error.problem not in NO_RESTORE:
            newest = readable[0]
            lines.append(
                (
                    "There is 1 backup of this journal; it was made "
                    if len(readable) == 1
                    else f"There are {len(readable)} backups of this journal; the newest was made "
                )
                + f"{newest.made_at:%Y-%m-%d %H:%M} and holds {counted(newest.entries or 0, 'entry', 'entries')}."
            )
        self.message = QLabel("\n\n".join(lines))
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(460)
        layout.addWidget(self.message)

        row = QHBoxLayout()
        self.backup_button = self._button(row, "Open a &backup…", BACKUP)
        self.backup_button.setVisible(bool(readable) and error.problem not in NO_RESTORE)
        self.retry_button = self._button(row, "&Try again", RETRY_CHOICE)
        self.retry_button.setVisible(error.problem in RETRY)
        self.other_button = self._button(row, "Open &another file…", OTHER)
        row.addStretch(1)
        self.quit_button = self._button(row, "&Quit", QUIT)
        layout.addLayout(row)
        (self.backup_button if self.backup_button.isVisibleTo(self) else self.other_button).setDefault(True)

    def _button(self, row: QHBoxLayout, text: str, choice: str) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: self._choose(choice))
        row.addWidget(button)
        return button

    def _choose(self, choice: str) -> None:
        self.choice = choice
        (self.reject if choice == QUIT else self.accept)()


def choose_other_file(parent: QWidget | None, error: JournalFileError) -> Path | None:
    """A journal to open instead of ``error.path``: an existing file, or a new name for a new journal."""
    dialog = QFileDialog(parent, "Open another journal", str(error.path.parent))
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setNameFilters(["Journals (*.sqlite3 *.db)", "All files (*)"])
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def restore_chosen_backup(parent: QWidget | None, error: JournalFileError) -> Path | None:
    """Pick a backup and restore it over the journal that failed; the journal's path, or None."""
    from journal.ui.backups.dialog import choose_backup

    info = choose_backup(
        parent,
        error.path,
        title="Open a backup",
        intro=(
            "Pick the backup to open. The file that could not be opened is kept in the backups folder "
            "as it is, and the backup takes its place."
        ),
        action="&Open this backup",
    )
    if info is None:
        return None
    try:
        restore_backup(info.path, error.path)
    except BackupError as exc:
        QMessageBox.warning(parent, "The backup could not be opened", str(exc))
        return None
    return error.path


def ask_what_to_do(error: JournalFileError, parent: QWidget | None = None) -> Path | None:
    """Show the problem and the choices until one leads somewhere: the path to open next, or None to quit."""
    backups = list_backups(error.path) if error.problem not in NO_RESTORE else []
    while True:
        dialog = FileProblemDialog(error, backups, parent)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        if choice == QUIT:
            return None
        if choice == RETRY_CHOICE:
            return error.path
        chooser = choose_other_file if choice == OTHER else restore_chosen_backup
        path = chooser(parent, error)
        if path is not None:
            return path
