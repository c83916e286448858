"""The window's side of bad journal files: the dialog names the problem and offers a backup, another file, or quit.

Whatever is chosen, the file that could not be opened is byte-for-byte unchanged
(a restore keeps it in the backups folder first).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from journal.domain.entries import Run
from journal.storage.backup import list_backups, make_backup
from journal.storage.files import FileProblem, JournalFileError
from journal.storage.instance_lock import JournalLock
from journal.storage.journal import Journal
from journal.ui import application, file_problem_dialog
from journal.ui.backups import dialog as backups_dialog
from journal.ui.backups.dialog import BackupListDialog
from journal.ui.file_problem_dialog import FileProblemDialog, ask_what_to_do
from tests.ui_helpers import when_modal


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def journal_with_backup(path: Path, runs: int = 3) -> Path:
    with Journal.open(path) as j:
        j.add_entries(
            runs=[Run(started_at=datetime(2024, 5, 1, 7) + timedelta(days=i), distance_m=5e3) for i in range(runs)]
        )
    return make_backup(path, "daily", now=datetime(2024, 5, 9, 8, 0))


def error_for(path: Path) -> JournalFileError:
    with pytest.raises(JournalFileError) as caught:
        Journal.open(path)
    return caught.value


def test_damaged_journal_offers_its_backups(qtbot, journal_path: Path) -> None:
    journal_with_backup(journal_path)
    journal_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    error = error_for(journal_path)
    dialog = FileProblemDialog(error, list_backups(journal_path))
    qtbot.addWidget(dialog)
    assert "damaged" in dialog.headline.text()
    assert "left as it is" in dialog.message.text()
    assert (
        "There is 1 backup of this journal; it was made 2024-05-09 08:00 and holds 3 entries." in dialog.message.text()
    )
    assert dialog.backup_button.isVisibleTo(dialog) and dialog.other_button.isVisibleTo(dialog)
    assert not dialog.retry_button.isVisibleTo(dialog)
    dialog.quit_button.click()
    assert dialog.choice == "quit"


@pytest.mark.parametrize(
    ("problem", "restore", "retry"),
    [(FileProblem.LOCKED, False, True), (FileProblem.READ_ONLY, False, True), (FileProblem.NEWER_VERSION, True, False)],
)
def test_restore_is_offered_only_where_replacing_the_file_is_right(
    qtbot, journal_path: Path, problem: FileProblem, restore: bool, retry: bool
) -> None:
    journal_with_backup(journal_path)
    dialog = FileProblemDialog(JournalFileError(journal_path, problem), list_backups(journal_path))
    qtbot.addWidget(dialog)
    assert dialog.backup_button.isVisibleTo(dialog) is restore
    assert dialog.retry_button.isVisibleTo(dialog) is retry


def test_quit_leaves_the_file_as_it_was(qtbot, journal_path: Path) -> None:
    journal_path.write_bytes(b"")
    before = digest(journal_path)
    when_modal(lambda d: d.quit_button.click(), FileProblemDialog)
    assert ask_what_to_do(error_for(journal_path)) is None
    assert digest(journal_path) == before


def test_open_another_file(qtbot, journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal_path.write_text("not a journal")
    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(file_problem_dialog, "choose_other_file", lambda parent, error: other)
    when_modal(lambda d: d.other_button.click(), FileProblemDialog)
    assert ask_what_to_do(error_for(journal_path)) == other
    assert journal_path.read_text() == "not a journal"


def test_open_a_backup_restores_it_and_keeps_the_damaged_file(qtbot, journal_path: Path) -> None:
    journal_with_backup(journal_path, runs=4)
    journal_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    damaged = digest(journal_path)

    def pick_backup(dialog: BackupListDialog) -> None:
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "4"
        dialog.restore_button.click()

    when_modal(lambda d: (when_modal(pick_backup, BackupListDialog), d.backup_button.click()), FileProblemDialog)
    assert ask_what_to_do(error_for(journal_path)) == journal_path
    with Journal.open(journal_path) as j:
        assert j.counts().runs == 4
    kept = [b for b in list_backups(journal_path) if b.reason == "before-restore"]
    assert len(kept) == 1 and digest(kept[0].path) == damaged


def test_the_window_asks_when_the_journal_is_in_use(qtbot, journal_path: Path, monkeypatch) -> None:
    """A copy whose journal is locked by another process (a command, say) with no window to raise says so."""
    Journal.open(journal_path).close()
    asked: list[JournalFileError] = []
    monkeypatch.setattr(file_problem_dialog, "ask_what_to_do", lambda error: asked.append(error))
    with JournalLock.acquire(journal_path):
        assert application.open_journal_for_window(journal_path) is None
    assert [e.problem for e in asked] == [FileProblem.LOCKED]
    opened = application.open_journal_for_window(journal_path)
    assert opened is not None
    journal, lock = opened
    journal.close()
    lock.release()


def test_a_failed_restore_is_reported_and_changes_nothing(qtbot, journal_path: Path, monkeypatch) -> None:
    backup = journal_with_backup(journal_path)
    journal_path.write_bytes(b"")
    infos = list_backups(journal_path)
    backup.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # damaged after it was listed
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(backups_dialog, "choose_backup", lambda *a, **k: infos[0])
    assert file_problem_dialog.restore_chosen_backup(None, error_for(journal_path)) is None
    assert warnings and "cannot be restored" in warnings[0]
    assert journal_path.read_bytes() == b""
