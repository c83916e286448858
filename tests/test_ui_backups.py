"""File > Restore from backup in the window, and a second copy of the app bringing the first window forward."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from journal.domain.entries import Run
from journal.storage.backup import list_backups, make_backup
from journal.storage.journal import Journal
from journal.ui.backups.dialog import BackupListDialog
from journal.ui.single_instance import SingleInstanceServer, bring_running_copy_forward, server_name
from tests.ui_helpers import make_window, when_modal

ROOT = Path(__file__).resolve().parents[1]
MORNING = datetime(2024, 5, 1, 7, 0)


def add_runs(path: Path, n: int, start: datetime = MORNING) -> None:
    with Journal.open(path) as j:
        j.add_entries(runs=[Run(started_at=start + timedelta(days=i), distance_m=5000.0) for i in range(n)])


def test_restore_from_backup_replaces_what_the_window_shows(qtbot, journal_path: Path) -> None:
    add_runs(journal_path, 2)
    make_backup(journal_path, "daily", now=MORNING + timedelta(days=3))
    window = make_window(qtbot, journal_path)
    window.show()
    window.ops.save_run(Run(started_at=MORNING + timedelta(days=10), distance_m=9000.0))
    assert window.ops.read.counts().runs == 3 and window.ops.undo_stack.count() == 1
    assert "3 runs" in window.status.text()

    def pick(dialog: BackupListDialog) -> None:
        assert dialog.table.item(0, 0).text() == "2024-05-04 07:00"
        assert dialog.table.item(0, 1).text() == "Daily, at start-up"
        assert dialog.table.item(0, 3).text() == "2"
        when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)
        dialog.restore_button.click()
        when_modal(lambda box: box.accept(), QMessageBox)  # "Backup restored"

    when_modal(pick, BackupListDialog)
    window.restore_backup()
    assert window.ops.read.counts().runs == 2
    assert "2 runs" in window.status.text(), "the window was told everything changed"
    assert window.ops.undo_stack.count() == 0, "undo cannot reach into the journal that was replaced"
    saved = [b for b in list_backups(journal_path) if b.reason == "before-restore"]
    assert len(saved) == 1 and saved[0].runs == 3


def test_the_list_marks_unreadable_backups_and_cannot_restore_them(qtbot, journal_path: Path) -> None:
    add_runs(journal_path, 1)
    good = make_backup(journal_path, "manual", now=MORNING)
    bad = good.with_name(good.name.replace("07", "08", 1).replace("manual", "daily"))
    bad.write_bytes(b"garbage")
    dialog = BackupListDialog(list_backups(journal_path))
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert texts == ["cannot be read: not a journal", "1"]
    assert dialog.chosen() is not None and dialog.chosen().path == good, "the readable one is picked"
    dialog.table.selectRow(0)
    assert dialog.chosen() is None and not dialog.restore_button.isEnabled()
    empty = BackupListDialog([])
    qtbot.addWidget(empty)
    assert "no backups" in empty.intro.text() and not empty.restore_button.isEnabled()


def test_server_names_depend_only_on_the_journal(tmp_path: Path) -> None:
    a = tmp_path / "a.sqlite3"
    assert server_name(a) == server_name(tmp_path / "x" / ".." / "a.sqlite3")
    assert server_name(a) != server_name(tmp_path / "b.sqlite3")


def test_nobody_to_bring_forward(qapp, journal_path: Path) -> None:
    assert bring_running_copy_forward(journal_path, timeout_ms=200) is False


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_second_copy_brings_the_first_window_forward(qtbot, journal_path: Path) -> None:
    add_runs(journal_path, 1)
    window = make_window(qtbot, journal_path)
    window.show()
    window.showMinimized()
    from journal.storage.instance_lock import JournalLock

    lock = JournalLock.acquire(journal_path)  # as the running app holds it
    server = SingleInstanceServer(journal_path, window)
    assert server.listen()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    second = None
    try:
        with qtbot.waitSignal(server.activation_requested, timeout=20_000):
            second = subprocess.Popen(
                [sys.executable, "main.py", "--db", str(journal_path)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        _out, err = second.communicate(timeout=20)
    finally:
        if second is not None and second.poll() is None:  # never leave a stray window process behind
            second.kill()
            second.communicate()
        server.close()
        lock.release()
    assert second.returncode == 0, err
    assert "already open in another window" in err
    assert not window.isMinimized()
