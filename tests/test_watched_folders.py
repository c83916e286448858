"""Watched folders without the window: new files read once (by content), half-written files waited for, the CLI."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from journal.app import main
from journal.importers.watched import (
    Arrivals,
    activity_files,
    arrival_notice,
    content_hash,
    folders_from_settings,
    folders_setting,
    import_new_files,
    mount_roots,
    watch_volumes,
)
from journal.storage import imported_files
from journal.storage.journal import Journal

RUN = "garmin-fenix-5-run.fit"


def _age(path: Path, seconds: float) -> None:
    """Make ``path`` look last written ``seconds`` ago."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_file_is_read_once_even_after_it_is_moved_and_renamed(samples, tmp_path, journal):
    folder = tmp_path / "sync"
    folder.mkdir()
    first = folder / "2017-06-11.fit"
    first.write_bytes((samples / "fit" / RUN).read_bytes())
    outcome = import_new_files(journal, activity_files([folder]))
    assert len(outcome.report.imported) == 1 and outcome.read == [first]
    moved = folder / "archive" / "renamed.fit"
    moved.parent.mkdir()
    first.rename(moved)
    again = import_new_files(journal, activity_files([folder]))
    assert again.known == [moved] and again.read == [] and again.report.imported == []
    assert len(journal.runs()) == 1


def test_a_run_deleted_by_the_person_does_not_come_back(samples, tmp_path, journal):
    path = tmp_path / "run.fit"
    path.write_bytes((samples / "fit" / RUN).read_bytes())
    (run,) = import_new_files(journal, [path]).report.imported
    journal.delete_run(run.id)
    assert import_new_files(journal, [path]).known == [path]
    assert journal.runs() == []


def test_a_half_written_file_is_retried_not_reported(samples, tmp_path, journal):
    data = (samples / "fit" / RUN).read_bytes()
    path = tmp_path / "arriving.fit"
    path.write_bytes(data[:1000])  # the watch is still copying it
    outcome = import_new_files(journal, [path])
    assert outcome.retry == [path]
    assert outcome.report.failed == [] and outcome.report.imported == []
    digest, _ = content_hash(path)
    assert imported_files.known(journal, [digest]) == set(), "not remembered: it will be read again"
    path.write_bytes(data)
    assert len(import_new_files(journal, [path]).report.imported) == 1


def test_a_broken_file_that_stopped_changing_is_reported_once(tmp_path, journal):
    path = tmp_path / "broken.gpx"
    path.write_text("<gpx><trk><trkseg><trkpt lat='1' lon='2'>", encoding="utf-8")
    _age(path, 600)
    outcome = import_new_files(journal, [path])
    assert [n.file for n in outcome.report.failed] == [str(path)]
    assert "could not be read (broken.gpx)" in arrival_notice(outcome)
    assert import_new_files(journal, [path]).known == [path]  # not reported again


def test_arrivals_wait_for_a_file_to_settle_and_back_off(tmp_path):
    path = tmp_path / "a.fit"
    path.write_bytes(b"x")
    _age(path, 100)
    arrivals = Arrivals(settle_s=2)
    assert arrivals.ready([path], now=1000.0) == []  # first seen: not yet
    assert arrivals.ready([path], now=1001.0) == []  # unchanged for 1 s only
    assert arrivals.ready([path], now=1002.5) == [path]
    path.write_bytes(b"xy")  # still growing
    assert arrivals.ready([path], now=1003.0) == []
    assert arrivals.ready([path], now=1005.5) == [path]
    assert arrivals.retry_later(path, 1005.5) == 1007.5
    assert arrivals.ready([path], now=1006.0) == []
    assert arrivals.retry_later(path, 1008.0) == 1012.0  # 2, 4, 8... seconds
    arrivals.done(path)
    assert arrivals.ready([path], now=5000.0) == [] and arrivals.next_check(5000.0) is None


def test_the_folders_setting_round_trips(tmp_path):
    folders = [tmp_path / "a", tmp_path / "b", tmp_path / "a"]
    assert folders_from_settings(folders_setting(folders)) == [tmp_path / "a", tmp_path / "b"]
    assert folders_from_settings({"import.watched_folders": "not json"}) == []


def test_only_activity_files_are_watched_hidden_ones_left_out(tmp_path):
    for name in ("a.fit", "b.TCX", "c.gpx.gz", "d.csv", "e.zip", ".hidden.fit", "f.fit.part"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "2024" / "05").mkdir(parents=True)
    (tmp_path / "2024" / "05" / "g.fit").write_bytes(b"x")
    names = [p.relative_to(tmp_path).as_posix() for p in activity_files([tmp_path])]
    assert names == ["2024/05/g.fit", "a.fit", "b.TCX", "c.gpx.gz"]


def test_watches_mounted_as_drives_are_found(tmp_path):
    (tmp_path / "FR255" / "GARMIN" / "Activity").mkdir(parents=True)
    (tmp_path / "fenix" / "Garmin" / "ACTIVITY").mkdir(parents=True)
    (tmp_path / "USB STICK" / "Photos").mkdir(parents=True)
    found = watch_volumes([tmp_path])
    assert found == [tmp_path / "FR255" / "GARMIN" / "Activity", tmp_path / "fenix" / "Garmin" / "ACTIVITY"]
    assert mount_roots("linux", "ann") == [Path("/media/ann"), Path("/run/media/ann"), Path("/media")]
    assert mount_roots("darwin") == [Path("/Volumes")]
    assert Path("D:\\") in mount_roots("win32")


def test_import_watch_folders_from_the_command_line(samples, tmp_path, capsys):
    db = tmp_path / "j.sqlite3"
    folder = tmp_path / "sync"
    folder.mkdir()
    (folder / "run.fit").write_bytes((samples / "fit" / RUN).read_bytes())
    with Journal.open(db) as journal:
        journal.save_raw_settings(folders_setting([folder, tmp_path / "unplugged-watch"]))
    assert main(["import", "--db", str(db), "--watch-folders"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 1 run;")
    assert "unplugged-watch: not a folder found now" in out
    assert main(["import", "--db", str(db), "--watch-folders"]) == 0
    assert "1 read before, 0 read now" in capsys.readouterr().out
    with Journal.open(db) as journal:
        assert len(journal.runs()) == 1


def test_watch_folders_without_any_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["import", "--db", str(tmp_path / "j.sqlite3"), "--watch-folders"]) == 2
    assert "no folders are watched" in capsys.readouterr().err


@pytest.mark.parametrize("outcome", ["imported", "duplicate", "skipped", "failed"])
def test_remembered_files_are_known_by_content(journal, outcome):
    digest = "ab" * 32
    assert imported_files.remember(journal, [imported_files.RememberedFile(digest, "x.fit", 10, outcome)]) == 1
    assert imported_files.remember(journal, [imported_files.RememberedFile(digest, "y.fit", 10, outcome)]) == 0
    assert imported_files.known(journal, [digest, "cd" * 32]) == {digest}
    with pytest.raises(ValueError):
        imported_files.remember(journal, [imported_files.RememberedFile("not-a-hash", "z", 1, outcome)])
