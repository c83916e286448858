"""A ``--demo`` session's temporary folder goes when the session ends: normally, on SIGTERM, or at the next start.

The sessions run as child processes with their own temporary folder (``TMPDIR``), so
what is left behind can be listed: the command line's session, the window's (offscreen),
and the folder of a session that was killed outright, removed by the next one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journal.demo_session import IN_USE, PREFIX, demo_session, remove_dead_sessions

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGTERM and flock are POSIX")


def child_env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, TMPDIR=str(tmp_path), PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")


def demo_folders(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.glob(f"{PREFIX}*"))


def wait_for(condition, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_a_command_line_session_ended_by_sigterm_removes_its_folder(tmp_path: Path) -> None:
    code = (
        "import time\nfrom journal.demo_session import demo_session\n"
        "with demo_session() as path:\n    print(path, flush=True)\n    time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], env=child_env(tmp_path), stdout=subprocess.PIPE, text=True)
    journal = Path(child.stdout.readline().strip())
    assert journal.exists()
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=20) == 128 + signal.SIGTERM
    assert demo_folders(tmp_path) == []


def test_the_window_on_a_demo_journal_ended_by_sigterm_removes_its_folder(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "main.py", "--demo"], env=child_env(tmp_path), cwd=ROOT)
    try:
        wait_for(lambda: any((f / "demo-journal.sqlite3.lock").exists() for f in demo_folders(tmp_path)))
        time.sleep(0.5)  # the window is up and its event loop runs
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
    assert demo_folders(tmp_path) == [], "the demo folder was left behind"


def test_the_folder_of_a_killed_session_goes_at_the_next_start(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / f"{PREFIX}dead"
    dead.mkdir()
    (dead / IN_USE).write_text("")
    (dead / "demo-journal.sqlite3").write_text("a journal")
    code = (
        "import time\nfrom journal.demo_session import demo_session\n"
        "with demo_session() as path:\n    print(path, flush=True)\n    time.sleep(60)\n"
    )
    living = subprocess.Popen([sys.executable, "-c", code], env=child_env(tmp_path), stdout=subprocess.PIPE, text=True)
    try:
        living_folder = Path(living.stdout.readline().strip()).parent
        assert not dead.exists(), "the living session removed the dead one's folder"
        assert remove_dead_sessions(tmp_path) == [] and living_folder.exists(), "a living session's folder stays"
        with demo_session() as mine:
            assert mine.exists()
        assert not mine.parent.exists()
    finally:
        living.kill()
        living.wait()
    assert remove_dead_sessions(tmp_path) == [living_folder]
