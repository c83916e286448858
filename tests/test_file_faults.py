"""Journal files that are not what they should be: a clear message, exit status 3, the file byte-for-byte unchanged.

Each fault is made from a real journal (or none) and handed to the commands
that read (export) and write (import, backup, restore); the window's side
(the file-problem dialog) is in test_file_problem_dialog.py.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.app import main
from journal.domain.entries import Run
from journal.storage.files import FileProblem, JournalFileError
from journal.storage.instance_lock import JournalLock, lock_path_for
from journal.storage.journal import Journal

ROOT = Path(__file__).resolve().parents[1]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def real_journal(path: Path, runs: int = 120) -> Path:
    start = datetime(2023, 1, 1, 7, 0)
    with Journal.open(path) as j:
        j.add_entries(
            runs=[Run(started_at=start + timedelta(days=i), distance_m=5000.0, notes="x" * 300) for i in range(runs)]
        )
    return path


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path) -> None:
    path.write_text("Dear diary, ran 5 km today.\n")


def _other_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    conn.commit()
    conn.close()


def _damaged_page(path: Path) -> None:
    real_journal(path)
    data = path.read_bytes()
    noise = bytes(random.Random(7).randrange(256) for _ in range(4096))
    path.write_bytes(data[:8192] + noise + data[12288:])


def _truncated(path: Path) -> None:
    real_journal(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _read_only(path: Path) -> None:
    real_journal(path)
    path.chmod(0o400)


def _newer(path: Path) -> None:
    real_journal(path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()


FAULTS: dict[str, tuple[Callable[[Path], None], FileProblem, str]] = {
    "empty": (_empty, FileProblem.EMPTY, "is empty (0 bytes)"),
    "text file": (_text, FileProblem.NOT_A_JOURNAL, "is not a run journal"),
    "another program's database": (_other_database, FileProblem.NOT_A_JOURNAL, "is not a run journal"),
    "damaged page": (_damaged_page, FileProblem.CORRUPT, "is damaged"),
    "truncated": (_truncated, FileProblem.CORRUPT, "is damaged"),
    "read-only": (_read_only, FileProblem.READ_ONLY, "is read-only"),
    "newer version": (_newer, FileProblem.NEWER_VERSION, "made by a newer version"),
}


@pytest.fixture(params=sorted(FAULTS))
def fault(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Path, FileProblem, str]]:
    make, problem, words = FAULTS[request.param]
    path = tmp_path / "journal.sqlite3"
    make(path)
    yield path, problem, words
    path.chmod(0o600)


def backup_json(tmp_path: Path) -> Path:
    file = tmp_path / "in.json"
    file.write_text(
        json.dumps({"format": "run-journal", "version": 1, "runs": [{"date": "2024-01-02", "distance_km": 5}]})
    )
    return file


def commands(path: Path, tmp_path: Path) -> dict[str, list[str]]:
    return {
        "export": ["export", "--format", "json", "--out", str(tmp_path / "out.json"), "--db", str(path)],
        "import": ["import", str(backup_json(tmp_path)), "--db", str(path)],
    }


@pytest.mark.parametrize("command", ["export", "import"])
def test_each_fault_is_named_refused_and_left_unchanged(
    fault: tuple[Path, FileProblem, str], command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _problem, words = fault
    before = digest(path)
    mode = path.stat().st_mode
    status = main(commands(path, tmp_path)[command])
    err = capsys.readouterr().err
    assert status == 3
    assert words in err and str(path) in err
    assert digest(path) == before and path.stat().st_mode == mode
    assert not lock_path_for(path).exists(), "nothing is left beside a file that could not be opened"
    assert not (tmp_path / "out.json").exists()


def test_each_fault_raises_the_named_problem(fault: tuple[Path, FileProblem, str]) -> None:
    path, problem, words = fault
    before = digest(path)
    with pytest.raises(JournalFileError) as caught:
        Journal.open(path)
    assert caught.value.problem is problem and words in str(caught.value)
    assert digest(path) == before


def test_backup_command_refuses_unreadable_files(fault: tuple[Path, FileProblem, str], capsys) -> None:
    path, problem, words = fault
    before = digest(path)
    status = main(["backup", "--db", str(path)])
    if problem in (FileProblem.READ_ONLY, FileProblem.NEWER_VERSION):
        assert status == 0, "a file that can be read can be backed up"
    else:
        assert status == 3 and words in capsys.readouterr().err
    assert digest(path) == before


def test_a_folder_is_not_a_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "journal.sqlite3"
    folder.mkdir()
    assert main(["import", str(backup_json(tmp_path)), "--db", str(folder)]) == 3
    assert "is a folder" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


def test_a_missing_journal_is_not_created_by_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nowhere" / "journal.sqlite3"
    assert main(["export", "--format", "json", "--out", str(tmp_path / "o.json"), "--db", str(path)]) == 3
    assert "no journal file" in capsys.readouterr().err
    assert not path.parent.exists()


def test_locked_by_another_running_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A real second process holds the journal; both commands refuse it and name the process."""
    path = real_journal(tmp_path / "journal.sqlite3")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from journal.storage.instance_lock import JournalLock; "
            f"lock = JournalLock.acquire({str(path)!r}); print('held', flush=True); sys.stdin.read()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        before = digest(path)
        for command, args in commands(path, tmp_path).items():
            assert main(args) == 3, command
            err = capsys.readouterr().err
            assert "in use by another running copy" in err and f"process {holder.pid}" in err
        assert digest(path) == before
        with pytest.raises(JournalFileError) as caught:
            JournalLock.acquire(path)
        assert caught.value.problem is FileProblem.LOCKED
    finally:
        holder.kill()
        holder.wait()
    JournalLock.acquire(path).release()  # the kernel freed the lock with the process
    assert main(commands(path, tmp_path)["import"]) == 0


def test_the_lock_is_released_after_each_command(tmp_path: Path) -> None:
    path = real_journal(tmp_path / "journal.sqlite3")
    assert main(commands(path, tmp_path)["import"]) == 0
    assert main(commands(path, tmp_path)["export"]) == 0
    with JournalLock.acquire(path) as lock:
        assert lock.held
