"""Crash safety of the long operations: an import, a JSON import, a backup, a restore and a migration, SIGKILLed.

The worker (tests/crash_writer.py, the fork server of test_crash_safety.py) runs
each operation as the app does. Each operation is timed once without a kill, then
killed ``KILLS`` times at a random moment within that time: while it starts, reads
its files, writes its temporary copy, commits, renames or rotates. After each kill:

- the journal passes ``PRAGMA integrity_check``, its lock is free, and the app opens it;
- an import or a JSON import is there whole or not at all (never some of its entries);
- a backup under its final name is whole (it opens, with every entry); a restore left
  the journal as it was or as the backup, never a mix; a migration left the old
  schema with every row, or the new schema with every row;
- what a killed operation left behind (its locked temporary copy) is removed by the
  next operation of its kind, and ``remove_leftovers_of`` finds nothing alive to keep.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.entries import CareEntry, CheckIn, JournalData, RegionScore, Run
from journal.domain.vocabulary import CareKind, Region
from journal.interchange.json_format import dumps
from journal.storage import migrate
from journal.storage.backup import backup_folder, remove_leftovers_of
from journal.storage.instance_lock import JournalLock
from journal.storage.journal import Journal
from tests.import_helpers import STRAVA_HEADER, csv_bytes, strava_row
from tests.test_crash_safety import Server
from tests.test_migrations import make_first_schema_journal

KILLS = 20
BASE_RUNS = 10

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks workers (POSIX only)")


@pytest.fixture(scope="module")
def server():
    server = Server()
    yield server
    server.close()


def integrity(path: Path, where: str) -> None:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True)  # a killed writer's WAL needs recovering
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", where
    finally:
        conn.close()


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True)  # a killed writer's WAL needs recovering
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def opens(path: Path, where: str) -> JournalData:
    JournalLock.acquire(path).release()  # the killed worker's lock went with it
    with Journal.open(path, create=False) as journal:
        return journal.data()


def whole_backups(journal_path: Path, runs: int, where: str) -> int:
    """Every backup under its final name opens and holds ``runs`` runs; returns how many there are."""
    found = sorted(backup_folder(journal_path).glob("*.sqlite3")) if backup_folder(journal_path).is_dir() else []
    for backup in found:
        integrity(backup, f"{where}: {backup.name}")
        assert count(backup, "SELECT count(*) FROM runs") == runs, f"{where}: {backup.name} is not whole"
    return len(found)


def no_leftovers(journal_path: Path, where: str) -> None:
    """After the cleanup the next operation does, no temporary copy of the journal is left anywhere."""
    remove_leftovers_of(journal_path)
    folders = [journal_path.parent, backup_folder(journal_path)]
    left = [p.name for f in folders if f.is_dir() for p in f.iterdir() if p.suffix in (".tmp", ".new")]
    assert not left, f"{where}: temporary files left behind: {left}"


def base_journal(path: Path, runs: int = BASE_RUNS) -> Path:
    start = datetime(2010, 1, 1, 7, 0)
    with Journal.open(path) as j:
        j.add_entries(runs=[Run(started_at=start + timedelta(days=i), distance_m=5000.0 + i) for i in range(runs)])
    return path


def kill_rounds(
    server: Server,
    mode: str,
    prepare: Callable[[str], Path],
    check: Callable[[Path, list[str], str], str],
    arg: object = "",
) -> Counter[str]:
    """Time the operation once, then kill it ``KILLS`` times; returns how often each outcome was seen."""
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    path = prepare("timed")
    started = time.monotonic()
    pid, early = server.start(path, 0, mode, arg)
    lines = early + server.reap(pid)
    took = time.monotonic() - started
    assert "done" in lines, f"{mode} did not finish: {lines}"
    outcomes = Counter([check(path, lines, f"{mode} without a kill")])
    for kill in range(KILLS):
        path = prepare(f"k{kill}")
        where = f"{mode}, kill {kill + 1} (seed {seed})"
        pid, early = server.start(path, rng.randrange(1_000_000), mode, arg)
        time.sleep(rng.uniform(0.0, took))
        os.kill(pid, signal.SIGKILL)
        lines = early + server.reap(pid)
        assert not any(line.startswith("error") for line in lines), f"{where}: {lines}"
        outcomes[check(path, lines, where)] += 1
    return outcomes


def fresh_copy(base: Path, folder: Path) -> Callable[[str], Path]:
    def prepare(name: str) -> Path:
        target = folder / name / base.name
        target.parent.mkdir(parents=True)
        shutil.copyfile(base, target)
        return target

    return prepare


def test_killed_imports_save_all_of_their_runs_or_none(tmp_path: Path, server: Server) -> None:
    base = base_journal(tmp_path / "base" / "journal.sqlite3")
    export = tmp_path / "export"
    export.mkdir()
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    rows = [
        strava_row(i, f"{months[i // 28 % 12]} {1 + i % 28}, 2021, 6:10:00 AM", elapsed="2700", metres=f"{8000 + i}.0")
        for i in range(300)
    ]
    (export / "activities.csv").write_bytes(csv_bytes(STRAVA_HEADER, rows))

    def check(path: Path, lines: list[str], where: str) -> str:
        integrity(path, where)
        data = opens(path, where)
        imported = sum(1 for r in data.runs if r.source == "strava")
        assert imported in (0, 300), f"{where}: {imported} of the 300 runs were saved"
        assert len(data.runs) - imported == BASE_RUNS, where
        if "imported 300" in lines:
            assert imported == 300, f"{where}: reported imported, but not there"
        return "all" if imported else "none"

    outcomes = kill_rounds(server, "import", fresh_copy(base, tmp_path / "rounds"), check, export)
    assert outcomes["all"] >= 1


def test_killed_json_imports_save_the_whole_backup_or_nothing(tmp_path: Path, server: Server) -> None:
    base = base_journal(tmp_path / "base" / "journal.sqlite3")
    start = datetime(2022, 1, 1, 6, 0)
    backup = JournalData(
        runs=tuple(Run(started_at=start + timedelta(days=i), distance_m=6000.0, notes="ü" * 50) for i in range(200)),
        checkins=tuple(
            CheckIn(start + timedelta(days=i, hours=2), (RegionScore(Region.LOWER_BACK, i % 11),)) for i in range(200)
        ),
        care=tuple(CareEntry(day=(start + timedelta(days=i)).date(), kind=CareKind.ICE) for i in range(50)),
    )
    file = tmp_path / "backup.json"
    file.write_text(dumps(backup))

    def check(path: Path, lines: list[str], where: str) -> str:
        integrity(path, where)
        data = opens(path, where)
        added = (len(data.runs) - BASE_RUNS, len(data.checkins), len(data.care))
        assert added in ((0, 0, 0), (200, 200, 50)), f"{where}: part of the backup was saved: {added}"
        if "status 0" in lines:
            assert added == (200, 200, 50), where
        return "all" if added[0] else "none"

    outcomes = kill_rounds(server, "json", fresh_copy(base, tmp_path / "rounds"), check, file)
    assert outcomes["all"] >= 1


def test_killed_backups_leave_whole_backups_and_no_lasting_leftovers(tmp_path: Path, server: Server) -> None:
    journal = base_journal(tmp_path / "journal" / "journal.sqlite3", runs=3000)
    before = journal.read_bytes()

    def check(path: Path, lines: list[str], where: str) -> str:
        integrity(path, where)
        assert path.read_bytes() == before, f"{where}: a backup changed the journal"
        whole_backups(path, 3000, where)
        return "made" if any(line.startswith("backup ") for line in lines) else "not made"

    outcomes = kill_rounds(server, "backup", lambda _name: journal, check)
    assert outcomes["made"] >= 1
    no_leftovers(journal, "after the backups")
    opens(journal, "after the backups")


def test_killed_restores_leave_the_old_journal_or_the_backup(tmp_path: Path, server: Server) -> None:
    old = base_journal(tmp_path / "old" / "journal.sqlite3", runs=BASE_RUNS + 500)
    backup = base_journal(tmp_path / "backup" / "journal.sqlite3", runs=BASE_RUNS)

    def check(path: Path, lines: list[str], where: str) -> str:
        integrity(path, where)
        runs = len(opens(path, where).runs)
        assert runs in (BASE_RUNS, BASE_RUNS + 500), f"{where}: the journal is neither the old one nor the backup"
        if "done" in lines:
            assert runs == BASE_RUNS, f"{where}: reported restored, but the old journal is there"
        whole_backups(path, BASE_RUNS + 500, where)  # the journal it replaced, saved before the restore
        no_leftovers(path, where)
        return "restored" if runs == BASE_RUNS else "old"

    outcomes = kill_rounds(server, "restore", fresh_copy(old, tmp_path / "rounds"), check, backup)
    assert outcomes["restored"] >= 1


def test_killed_migrations_leave_the_old_schema_or_the_new_with_every_row(tmp_path: Path, server: Server) -> None:
    old = tmp_path / "first" / "journal.sqlite3"
    old.parent.mkdir()
    make_first_schema_journal(old)
    conn = sqlite3.connect(old)
    conn.executemany(
        "INSERT INTO runs (started_at, distance_m, notes) VALUES (?, ?, ?)",
        [(f"2019-01-01 07:00:{i % 60:02d}.{i:06d}", 5000.0 + i, "x" * 100) for i in range(3000)],
    )
    conn.commit()
    conn.close()

    def check(path: Path, lines: list[str], where: str) -> str:
        integrity(path, where)
        revision = count(path, "SELECT version_num FROM alembic_version")
        assert revision in ("0001", migrate.HEAD), f"{where}: half-migrated schema {revision}"
        assert count(path, "SELECT count(*) FROM runs") == 3001, f"{where}: rows lost in the migration"
        whole_backups(path, 3001, where)  # the backup made before migrating
        data = opens(path, where)  # the app finishes a migration the kill stopped
        assert len(data.runs) == 3001, where
        no_leftovers(path, where)
        return "migrated" if revision == migrate.HEAD else "old"

    outcomes = kill_rounds(server, "migrate", fresh_copy(old, tmp_path / "rounds"), check)
    assert outcomes["migrated"] >= 1
