"""A full disk is reported as a full disk, never as a damaged journal, and loses nothing.

Two ways, so the check runs everywhere and also against a real full disk:

- in this process, SQLite's own "database or disk is full" (SQLITE_FULL), made by
  capping the journal connections' file size (``PRAGMA max_page_count``): import of a
  JSON backup and of watch files exit 3 with the full-disk message, no SQL, no notes;
- where the system allows it (Linux with user namespaces), a real full disk: a small
  tmpfs mounted for one child process (``unshare -rm``), filled to the last byte and
  to within 40 KB (room to open the journal, none to save), with import, export, report and backup run against it
  (tests/full_disk_runner.py). The journal passes its integrity check with the same
  entries and the same bytes after each.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.app import main
from journal.domain.entries import JournalData, Run
from journal.interchange.json_format import dumps
from journal.storage import journal as journal_module
from journal.storage.journal import Journal
from tests.import_helpers import gpx_track

ROOT = Path(__file__).resolve().parents[1]
MARKER = "Numbat4e2Note"
FULL = "is full"


def backup_file(folder: Path, runs: int = 300) -> Path:
    start = datetime(2023, 1, 1, 6, 0)
    data = JournalData(
        runs=tuple(Run(started_at=start + timedelta(days=i), distance_m=7000.0, notes=MARKER * 20) for i in range(runs))
    )
    path = folder / "backup.json"
    path.write_text(dumps(data))
    return path


def gpx_folder(folder: Path) -> Path:
    target = folder / "gpx"
    target.mkdir()
    start = datetime(2022, 5, 1, 6, 0)
    for n in range(80):  # more runs than the journal's pages hold: saving them needs new pages
        t0 = start + timedelta(days=n)
        points = [(46.0 + i * 1e-4, 14.0, t0 + timedelta(seconds=10 * i)) for i in range(20)]
        (target / f"run-{n}.gpx").write_text(gpx_track(points))
    return target


def cap_file_size(monkeypatch: pytest.MonkeyPatch) -> None:
    real = journal_module._connect_existing

    def connect(path):
        conn = real(path)
        conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
        return conn

    monkeypatch.setattr(journal_module, "_connect_existing", connect)


@pytest.mark.parametrize("what", ["json", "gpx"])
def test_sqlite_full_is_a_full_disk_with_no_sql_or_notes(tmp_path, journal_path, monkeypatch, capsys, what):
    with Journal.open(journal_path) as j:
        j.add_run(Run(started_at=datetime(2024, 1, 1, 7), distance_m=5000.0, notes=MARKER))
    before = journal_path.read_bytes()
    source = backup_file(tmp_path) if what == "json" else gpx_folder(tmp_path)
    cap_file_size(monkeypatch)
    assert main(["import", str(source), "--db", str(journal_path)]) == 3
    said = capsys.readouterr()
    text = said.out + said.err
    assert FULL in said.err and "damaged" not in text
    for bad in (MARKER, "INSERT", "Traceback", "[SQL"):
        assert bad not in text
    monkeypatch.undo()
    assert journal_path.read_bytes() == before
    with Journal.open(journal_path) as j:
        assert len(j.runs()) == 1


def _can_mount_a_tmpfs() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d"],
        capture_output=True,
        timeout=20,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_a_tmpfs(), reason="no user namespaces here to mount a small tmpfs")
def test_a_real_full_disk(tmp_path):
    disk, inputs = tmp_path / "disk", tmp_path / "inputs"
    disk.mkdir()
    inputs.mkdir()
    backup_file(inputs)
    gpx_folder(inputs)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    script = 'mount -t tmpfs -o size=1m tmpfs "$1" && shift && exec "$@"'
    runner = str(Path(__file__).with_name("full_disk_runner.py"))
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script, "sh", str(disk), sys.executable, runner, str(disk), str(inputs), MARKER],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and len(lines) == 10, done.stderr
    expected = {"import json": 3, "import gpx": 3, "export json": (1, 3), "report": (1, 3), "backup": 3}
    for line in lines:
        where = f"{line['name']} with {line['room']} bytes free: {line['said']}"
        wanted = expected[line["name"]]
        assert line["status"] in (wanted if isinstance(wanted, tuple) else (wanted,)), where
        assert "full" in line["said"], where
        for bad in ("damaged", MARKER, "INSERT", "Traceback", "unexpected problem"):
            assert bad not in line["said"], where
        assert line["after"] == line["before"] and line["after"]["ok"] == "ok", where
