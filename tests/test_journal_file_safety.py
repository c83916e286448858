"""The journal file under failing disks and odd neighbours: never recreated, never adopted by mistake, never leaked.

- a journal deleted (or replaced) while open is reported, not written into the void nor made
  again empty; a journal that is gone but has backups beside it is not silently started afresh;
- another program's SQLite file is refused, with nothing created beside it;
- folders and files are owner-only whatever the umask;
- temporary copies left by killed processes are removed, those of living ones kept;
- an export can never replace the open journal, its working files or a backup, in the window too.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.app import main
from journal.domain.entries import Run
from journal.importers.run import import_paths
from journal.storage import files
from journal.storage.backup import make_backup, remove_leftovers_of
from journal.storage.files import FileProblem, JournalFileError
from journal.storage.journal import Journal
from journal.storage.temporary import locked_temporary
from tests.import_helpers import gpx_track

ROOT = Path(__file__).resolve().parents[1]


def gpx_folder(folder: Path, runs: int = 3) -> Path:
    folder.mkdir()
    for n in range(runs):
        t0 = datetime(2024, 3, 2 + n, 6, 0)
        points = [(46.0 + i * 1e-4, 14.0, t0 + timedelta(seconds=10 * i)) for i in range(30)]
        (folder / f"r{n}.gpx").write_text(gpx_track(points))
    return folder


@pytest.mark.parametrize("connected", [False, True], ids=["before the first write", "after a write"])
def test_a_journal_deleted_during_an_import_is_reported_not_recreated(tmp_path, journal_path, connected):
    journal = Journal.open(journal_path)
    if connected:
        journal.add_run(Run(started_at=datetime(2024, 1, 1, 7), distance_m=5000.0))
    folder = gpx_folder(tmp_path / "gpx")

    def delete_midway(done: int, total: int) -> bool:
        if done == 1:
            for side in ("", "-wal", "-shm"):
                Path(f"{journal_path}{side}").unlink(missing_ok=True)
        return True

    with pytest.raises(JournalFileError) as raised:
        import_paths([folder], journal, progress=delete_midway)
    journal.close()
    assert raised.value.problem is FileProblem.GONE
    assert "moved, deleted or replaced" in str(raised.value)
    assert not journal_path.exists(), "no empty journal was made in its place"


def test_a_lost_journal_with_backups_is_not_started_afresh(tmp_path, journal_path, capsys):
    with Journal.open(journal_path) as j:
        j.add_run(Run(started_at=datetime(2024, 1, 1, 7), distance_m=5000.0))
    make_backup(journal_path)
    journal_path.unlink()
    folder = gpx_folder(tmp_path / "gpx")
    assert main(["import", str(folder), "--db", str(journal_path)]) == 3
    err = capsys.readouterr().err
    assert "There is no journal file" in err and "backups of it" in err and "restore one" in err
    assert not journal_path.exists()


@pytest.mark.parametrize("wal", [False, True], ids=["rollback journal", "WAL mode"])
def test_another_programs_database_is_refused_and_nothing_made_beside_it(tmp_path, wal):
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, lap INTEGER)")
    conn.execute("CREATE TABLE checkins (id INTEGER PRIMARY KEY)")
    conn.execute("CREATE TABLE shoes (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    assert main(["stats", "--db", str(other)]) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"], "no -wal, -shm or lock file left"
    assert other.read_bytes() == before


def test_an_empty_database_of_another_program_is_refused_but_our_new_file_is_not(tmp_path):
    theirs = tmp_path / "theirs.db"
    sqlite3.connect(theirs).execute("VACUUM")
    theirs_with_view = tmp_path / "view.db"
    conn = sqlite3.connect(theirs_with_view)
    conn.execute("CREATE VIEW v AS SELECT 1")
    conn.close()
    for path in (theirs, theirs_with_view):
        with pytest.raises(JournalFileError) as raised:
            Journal.open(path)
        assert raised.value.problem is FileProblem.NOT_A_JOURNAL
    ours = tmp_path / "ours.sqlite3"
    files.create_empty_file(ours)  # a journal whose schema a crash kept from being written
    with Journal.open(ours) as journal:
        assert journal.runs() == []


def test_a_journal_made_before_application_ids_still_opens_and_gets_one_when_migrated(tmp_path):
    from tests.test_migrations import make_first_schema_journal

    old = tmp_path / "old.sqlite3"
    make_first_schema_journal(old)
    assert sqlite3.connect(old).execute("PRAGMA application_id").fetchone()[0] == 0
    with Journal.open(old) as journal:
        assert len(journal.runs()) == 1
    assert sqlite3.connect(old).execute("PRAGMA application_id").fetchone()[0] == files.APPLICATION_ID


def test_folders_and_files_are_owner_only_under_umask_000(tmp_path):
    path = tmp_path / "a" / "b" / "c" / "journal.sqlite3"
    before = os.umask(0)
    try:
        assert main(["import", str(gpx_folder(tmp_path / "gpx")), "--db", str(path)]) == 0
        make_backup(path)
    finally:
        os.umask(before)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", path.parent, path.parent / "backups"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in path.parent.rglob("*"):
        if file.is_file():
            assert stat.S_IMODE(file.stat().st_mode) & 0o077 == 0, file


def test_leftovers_of_dead_processes_are_removed_and_of_living_ones_kept(tmp_path, journal_path):
    Journal.open(journal_path).close()
    make_backup(journal_path)
    backups = journal_path.parent / "backups"
    dead_restore = tmp_path / f".{journal_path.name}.restore-dead.tmp"
    dead_backup = backups / ".journal.dead.tmp"
    for path in (dead_restore, dead_backup):
        path.write_bytes(b"a copy of the journal")
    fd, living = locked_temporary(backups, ".journal.", ".tmp")  # a backup being written right now
    try:
        removed = remove_leftovers_of(journal_path)
        assert set(removed) == {dead_restore, dead_backup}
        assert living.exists()
    finally:
        os.close(fd)
    code = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from journal.storage.temporary import locked_temporary
        fd, path = locked_temporary(Path({str(backups)!r}), ".journal.", ".tmp")
        print(path, flush=True)
        os.kill(os.getpid(), 9)
        """
    )
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    killed = Path(child.stdout.strip())
    assert killed.exists()
    assert killed in remove_leftovers_of(journal_path) and not killed.exists()


def test_the_window_cannot_export_over_the_journal(tmp_path, journal_path):
    from journal.storage.outputs import ProtectedFile
    from journal.ui.export_backup import export_json

    journal = Journal.open(journal_path)
    try:
        journal.add_run(Run(started_at=datetime(2024, 1, 1, 7), distance_m=5000.0))
        before = journal_path.read_bytes()

        class Ops:
            read = journal

        for target in (journal_path, Path(f"{journal_path}-wal"), journal_path.with_name("journal.sqlite3.lock")):
            with pytest.raises(ProtectedFile, match="journal"):
                export_json(Ops(), target)
        assert journal_path.read_bytes() == before
    finally:
        journal.close()
    export_json_after = tmp_path / "elsewhere.json"
    with Journal.open(journal_path) as again:

        class Again:
            read = again

        export_json(Again(), export_json_after)
    assert export_json_after.exists()


def test_restore_never_replaces_another_programs_database(tmp_path, journal_path, capsys):
    with Journal.open(journal_path) as j:
        j.add_run(Run(started_at=datetime(2024, 1, 1, 7), distance_m=5000.0))
    backup = make_backup(journal_path)
    other = tmp_path / "photos.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    assert main(["restore", str(backup), "--db", str(other)]) == 3
    assert "Nothing was restored" in capsys.readouterr().err
    assert other.read_bytes() == before


def test_exports_never_replace_a_device_or_pipe(tmp_path, journal_path, capsys):
    Journal.open(journal_path).close()
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert main(["export", "--format", "json", "--out", str(fifo), "--force", "--db", str(journal_path)]) == 1
    assert "not an ordinary file" in capsys.readouterr().err
    assert stat.S_ISFIFO(fifo.stat().st_mode)
