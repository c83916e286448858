"""Watched folders in the window: files there at start and files arriving while it runs are imported in the
background, a half-written file is waited for, Settings names the folders, File > Import from a connected watch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from journal.importers import watched
from journal.importers.watched import folders_setting
from journal.storage.journal import Journal
from journal.ui import main_window
from journal.ui.importing.watcher import import_from_connected_watch
from tests.ui_helpers import make_window

FIT_RUN = ("fit", "garmin-fenix-5-run.fit")
FIT_LONG = ("fit", "activity-small-fenix2-run.fit")
TCX_RUN = ("tcx", "test.tcx")


@pytest.fixture
def quick(monkeypatch):
    """Seconds instead of minutes: the window starts watching at once, files settle in 0.2 s."""
    monkeypatch.setattr(main_window, "WATCH_START_MS", 0)
    monkeypatch.setattr(watched, "SETTLE_S", 0.2)
    monkeypatch.setattr(watched, "RETRY_FIRST_S", 0.3)


def _watch(journal_path, *folders):
    with Journal.open(journal_path) as journal:
        journal.save_raw_settings(folders_setting(folders))


def _copy(samples, which, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((samples / which[0] / which[1]).read_bytes())
    return target


def _runs(window) -> int:
    return window.ops.read.counts().runs


def test_files_at_start_and_arriving_later_are_imported_in_the_background(
    qtbot, samples, tmp_path, journal_path, quick
):
    folder = tmp_path / "sync"
    _copy(samples, FIT_RUN, folder / "first.fit")
    _watch(journal_path, folder)
    window = make_window(qtbot, journal_path)
    window.show()
    qtbot.waitUntil(lambda: _runs(window) == 1, timeout=15_000)
    assert window.history.model.rowCount() == 1
    qtbot.waitUntil(lambda: "1 new run imported (first.fit)" in window.statusBar().currentMessage(), timeout=5_000)

    _copy(samples, FIT_LONG, folder / "2024" / "05" / "second.fit")  # arrives while the app runs
    qtbot.waitUntil(lambda: _runs(window) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: "second.fit" in window.statusBar().currentMessage(), timeout=5_000)
    message = window.statusBar().currentMessage()
    assert "2015" not in message and "km" not in message, "no dates or distances in the notice"
    window.statusBar().grab().save("/tmp/watched-notice.png")

    (folder / "2024" / "05" / "second.fit").rename(folder / "renamed.fit")  # moved: never imported twice
    qtbot.wait(1_500)
    assert _runs(window) == 2
    window.watcher.show_details()
    assert len(window.watcher.report_dialog.lines("imported")) == 1
    window.watcher.report_dialog.close()


def test_a_half_written_file_is_waited_for_and_never_reported_broken(qtbot, samples, tmp_path, journal_path, quick):
    folder = tmp_path / "watch"
    folder.mkdir()
    _watch(journal_path, folder)
    window = make_window(qtbot, journal_path)
    outcomes = []
    qtbot.waitUntil(lambda: window.watcher is not None, timeout=5_000)
    window.watcher.arrived.connect(outcomes.append)
    data = (samples / TCX_RUN[0] / TCX_RUN[1]).read_bytes()
    arriving = folder / "arriving.tcx"
    arriving.write_bytes(data[: len(data) // 2])  # a sync tool part-way through writing it
    qtbot.waitUntil(
        lambda: arriving in window.watcher.arrivals.seen and window.watcher.arrivals.seen[arriving].attempts >= 1,
        timeout=10_000,
    )
    assert _runs(window) == 0
    arriving.write_bytes(data)  # finished
    qtbot.waitUntil(lambda: _runs(window) == 1, timeout=15_000)
    assert all(o.report.failed == [] for o in outcomes), "retried, not reported as broken"
    assert "could not be read" not in window.statusBar().currentMessage()


def test_settings_names_the_folders_and_the_watcher_follows(qtbot, samples, tmp_path, journal_path, quick):
    window = make_window(qtbot, journal_path)
    settings = window.show_tab("Settings")
    box = settings.watched_folders
    folder = tmp_path / "new sync folder"
    _copy(samples, FIT_RUN, folder / "run.fit")
    box.add_folder(folder)
    assert box.list.count() == 1 and box.list.item(0).text() == str(folder)
    qtbot.waitUntil(lambda: window.watcher is not None and _runs(window) == 1, timeout=15_000)
    box.grab().save("/tmp/watched-folders-box.png")
    window.resize(1180, 760)
    window.grab().save("/tmp/watched-settings-page.png")
    box.list.setCurrentRow(0)
    box.remove_selected()
    assert box.list.count() == 0 and window.watcher.folders == []
    with Journal.open(journal_path) as journal:
        assert watched.folders_from_settings(journal.raw_settings()) == []


def test_import_from_a_connected_watch(qtbot, samples, tmp_path, journal_path):
    window = make_window(qtbot, journal_path)
    mounts = tmp_path / "media"
    activity = mounts / "FR255" / "GARMIN" / "Activity"
    _copy(samples, FIT_RUN, activity / "A1B2C3.FIT")
    controller = import_from_connected_watch(window, window.ops, roots=[mounts])
    qtbot.waitUntil(lambda: controller.report_dialog is not None, timeout=15_000)
    assert controller.report.summary().startswith("Imported 1 run;")
    controller.report_dialog.close()
    again = import_from_connected_watch(window, window.ops, roots=[mounts])
    qtbot.waitUntil(lambda: again.report_dialog is not None, timeout=15_000)
    assert again.report.imported == [] and _runs(window) == 1  # read before: not read again
    again.report_dialog.close()


def test_no_connected_watch_says_where_it_looked(qtbot, tmp_path, journal_path):
    window = make_window(qtbot, journal_path)
    boxes = []
    assert import_from_connected_watch(window, window.ops, roots=[tmp_path]) is None
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    (box,) = boxes
    assert box.text() == "No watch was found."
    assert str(tmp_path) in box.informativeText()
    box.close()
