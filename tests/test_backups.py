"""Backups: made with SQLite's backup API beside the journal, rotated, listed, restored whole."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from journal.app import main
from journal.domain.entries import CareEntry, Run
from journal.domain.settings import Settings
from journal.domain.vocabulary import CareKind
from journal.storage import migrate
from journal.storage.backup import (
    BackupError,
    backup_before_migration,
    backup_folder,
    daily_backup_if_due,
    list_backups,
    make_backup,
    restore_backup,
)
from journal.storage.instance_lock import JournalLock
from journal.storage.journal import Journal

MORNING = datetime(2024, 3, 4, 7, 30)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_runs(path: Path, n: int, start: datetime = MORNING) -> None:
    with Journal.open(path) as j:
        j.add_entries(runs=[Run(started_at=start + timedelta(days=i), distance_m=5000.0 + i) for i in range(n)])


def run_count(path: Path) -> int:
    with Journal.open(path, create=False) as j:
        return j.counts().runs


def test_backup_is_a_whole_owner_only_copy_beside_the_journal(journal_path: Path) -> None:
    add_runs(journal_path, 3)
    with Journal.open(journal_path) as j:  # open, with the newest run still in the -wal file
        j.add_run(Run(started_at=MORNING - timedelta(days=1), distance_m=8000.0, notes="still in the WAL"))
        target = make_backup(journal_path, "manual")
    assert target.parent == journal_path.parent / "backups"
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.name.startswith("journal.") and target.name.endswith(".manual.sqlite3")
    assert not Path(f"{target}-wal").exists(), "a backup is one self-contained file"
    conn = sqlite3.connect(f"{target.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 4
        assert conn.execute("SELECT count(*) FROM runs WHERE notes = 'still in the WAL'").fetchone()[0] == 1
    finally:
        conn.close()
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")], "no temporary file left"


def test_rotation_keeps_the_newest_backups_the_setting_says(journal_path: Path) -> None:
    add_runs(journal_path, 1)
    with Journal.open(journal_path) as j:
        j.save_settings(Settings(backups_kept=3))
    made = [make_backup(journal_path, "manual", now=MORNING + timedelta(hours=h)) for h in range(5)]
    left = sorted(backup_folder(journal_path).iterdir())
    assert left == made[2:]
    assert [b.path for b in list_backups(journal_path)] == made[:1:-1], "newest first"


def test_default_keeps_ten(journal_path: Path) -> None:
    add_runs(journal_path, 1)
    for h in range(12):
        make_backup(journal_path, "daily", now=MORNING + timedelta(days=h))
    assert len(list_backups(journal_path)) == 10


def test_daily_backup_at_most_once_a_day(journal_path: Path) -> None:
    assert daily_backup_if_due(journal_path) is None, "no journal yet"
    Journal.open(journal_path).close()
    assert daily_backup_if_due(journal_path, now=MORNING) is None, "an empty journal has nothing to lose"
    add_runs(journal_path, 2)
    first = daily_backup_if_due(journal_path, now=MORNING)
    assert first is not None and ".daily." in first.name
    assert daily_backup_if_due(journal_path, now=MORNING + timedelta(hours=10)) is None
    make_backup(journal_path, "manual", now=MORNING + timedelta(days=1))
    second = daily_backup_if_due(journal_path, now=MORNING + timedelta(days=1, hours=1))
    assert second is not None, "a manual backup does not stand in for the daily one"
    assert [b.reason for b in list_backups(journal_path)] == ["daily", "manual", "daily"]


def test_list_shows_dates_counts_and_unreadable_files(journal_path: Path) -> None:
    with Journal.open(journal_path) as j:
        j.add_entries(
            runs=[Run(started_at=MORNING, distance_m=5000.0)],
            care=[CareEntry(day=date(2024, 3, 6), kind=CareKind.ICE, minutes=10)],
        )
    good = make_backup(journal_path, "manual", now=MORNING)
    damaged = backup_folder(journal_path) / "journal.2024-03-05-080000.daily.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    (backup_folder(journal_path) / "notes.txt").write_text("not a backup")
    (backup_folder(journal_path) / "other.2024-03-05-080000.daily.sqlite3").write_bytes(good.read_bytes())
    infos = list_backups(journal_path)
    assert [i.path for i in infos] == [damaged, good]
    assert infos[0].problem == "damaged" and infos[0].entries is None
    ok = infos[1]
    assert (ok.made_at, ok.reason, ok.runs, ok.checkins, ok.care, ok.entries) == (MORNING, "manual", 1, 0, 1, 2)
    assert ok.last_entry == date(2024, 3, 6)
    assert ok.reason_label == "Made by you"


def test_restore_brings_back_the_backup_and_keeps_the_replaced_journal(journal_path: Path) -> None:
    add_runs(journal_path, 2)
    backup = make_backup(journal_path, "manual", now=MORNING)
    add_runs(journal_path, 5, start=MORNING + timedelta(days=30))
    assert run_count(journal_path) == 7
    saved = restore_backup(backup, journal_path)
    assert run_count(journal_path) == 2
    assert saved is not None and ".before-restore." in saved.name
    assert restore_backup(saved, journal_path) is not None
    assert run_count(journal_path) == 7, "the restore itself can be undone"
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600


def test_restore_never_deletes_the_backup_it_restores(journal_path: Path) -> None:
    add_runs(journal_path, 1)
    with Journal.open(journal_path) as j:
        j.save_settings(Settings(backups_kept=1))
    backup = make_backup(journal_path, "manual", now=MORNING)
    restore_backup(backup, journal_path)
    assert backup.exists()


def test_restore_ignores_a_leftover_wal_of_the_old_journal(journal_path: Path, tmp_path: Path) -> None:
    add_runs(journal_path, 2)
    backup = make_backup(journal_path, "manual", now=MORNING)
    with Journal.open(journal_path) as j:
        j.add_run(Run(started_at=MORNING + timedelta(days=50), distance_m=9000.0))
        shutil.copyfile(f"{journal_path}-wal", tmp_path / "left-over-wal")
    shutil.copyfile(tmp_path / "left-over-wal", f"{journal_path}-wal")  # as after a crash
    restore_backup(backup, journal_path)
    assert run_count(journal_path) == 2
    conn = sqlite3.connect(journal_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_restore_over_a_damaged_journal_keeps_its_bytes(journal_path: Path) -> None:
    add_runs(journal_path, 2)
    backup = make_backup(journal_path, "manual", now=MORNING)
    journal_path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)
    before = digest(journal_path)
    saved = restore_backup(backup, journal_path)
    assert saved is not None and digest(saved) == before
    assert run_count(journal_path) == 2


@pytest.mark.parametrize("bad", ["text", "newer", "empty-db"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(journal_path: Path, tmp_path: Path, bad: str) -> None:
    add_runs(journal_path, 2)
    backup = tmp_path / "bad.sqlite3"
    if bad == "text":
        backup.write_text("hello")
    elif bad == "newer":
        shutil.copyfile(make_backup(journal_path, "manual"), backup)
        conn = sqlite3.connect(backup)
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.commit()
        conn.close()
    else:
        sqlite3.connect(backup).execute("VACUUM")
    shutil.rmtree(backup_folder(journal_path), ignore_errors=True)
    before = digest(journal_path)
    with pytest.raises(BackupError):
        restore_backup(backup, journal_path)
    assert digest(journal_path) == before
    assert not backup_folder(journal_path).exists() or not list(backup_folder(journal_path).iterdir())


def test_restore_refuses_a_read_only_journal(journal_path: Path) -> None:
    add_runs(journal_path, 1)
    backup = make_backup(journal_path, "manual")
    journal_path.chmod(0o400)
    before = digest(journal_path)
    with pytest.raises(BackupError, match="read-only"):
        restore_backup(backup, journal_path)
    assert digest(journal_path) == before


def make_old_journal(path: Path, revision: str = migrate.REVISIONS[0]) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, revision)
    engine.dispose()


@pytest.mark.skipif(len(migrate.REVISIONS) < 2, reason="needs an older schema revision to migrate from")
def test_a_backup_is_made_before_every_schema_migration(journal_path: Path, tmp_path: Path) -> None:
    make_old_journal(journal_path)
    out = tmp_path / "out.json"
    assert main(["export", "--format", "json", "--out", str(out), "--db", str(journal_path)]) == 0
    (backup,) = list_backups(journal_path)
    assert backup.reason == "before-migration"
    conn = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.REVISIONS[0]
    conn.close()
    with Journal.open(journal_path, before_migration=backup_before_migration):
        pass
    assert len(list_backups(journal_path)) == 1, "no migration, no backup"


# ---- the commands ----------------------------------------------------------------------------
def test_backup_command(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_runs(journal_path, 3)
    assert main(["backup", "--db", str(journal_path)]) == 0
    out = capsys.readouterr().out
    (info,) = list_backups(journal_path)
    assert "3 entries" in out and str(info.path) in out
    assert main(["backup", "--list", "--db", str(journal_path)]) == 0
    listed = capsys.readouterr().out
    assert "Made by you" in listed and "3 entries (3 runs, 0 check-ins, 0 care entries)" in listed


def test_backup_command_refuses_missing_and_broken_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--db", str(tmp_path / "none.sqlite3")]) == 3
    assert "no journal file" in capsys.readouterr().err
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"")
    assert main(["backup", "--db", str(broken)]) == 3
    assert "empty" in capsys.readouterr().err
    assert broken.read_bytes() == b""
    assert not backup_folder(broken).exists()


def test_restore_command_by_name(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_runs(journal_path, 2)
    backup = make_backup(journal_path, "manual", now=MORNING)
    add_runs(journal_path, 3, start=MORNING + timedelta(days=20))
    assert main(["restore", backup.name, "--db", str(journal_path)]) == 0
    out = capsys.readouterr().out
    assert "2024-03-04 07:30" in out and "before-restore" in out
    assert run_count(journal_path) == 2


def test_restore_command_refuses_while_the_journal_is_in_use(
    journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_runs(journal_path, 2)
    backup = make_backup(journal_path, "manual", now=MORNING)
    add_runs(journal_path, 1, start=MORNING + timedelta(days=20))
    before = digest(journal_path)
    with JournalLock.acquire(journal_path):
        assert main(["restore", str(backup), "--db", str(journal_path)]) == 3
    assert "in use by another running copy" in capsys.readouterr().err
    assert digest(journal_path) == before


def test_restore_command_refuses_a_bad_backup(journal_path: Path, tmp_path: Path, capsys) -> None:
    add_runs(journal_path, 1)
    before = digest(journal_path)
    not_journal = tmp_path / "x.sqlite3"
    not_journal.write_text("plain text")
    assert main(["restore", str(not_journal), "--db", str(journal_path)]) == 1
    assert "nothing was restored" in capsys.readouterr().err
    assert main(["restore", "no-such-backup.sqlite3", "--db", str(journal_path)]) == 1
    assert "no backup file" in capsys.readouterr().err
    assert digest(journal_path) == before
