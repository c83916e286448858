"""Crash safety: a process saving entries through the window's write path is SIGKILLed 60 times.

The writer (tests/crash_writer.py) saves, edits and checks in through
``JournalOperations`` (the object every form calls), holding the journal lock
as the window does, and prints each entry once its transaction has committed.
After every kill, at a random moment:

- ``PRAGMA integrity_check`` says ok;
- the app opens the journal (``Journal.open``) and the lock is free again;
- every entry any writer reported saved is there, exactly as reported: runs
  with the notes of their last reported edit (or the one edit after it that
  committed unreported), check-ins with all three scores;
- no run anywhere has torn notes and no check-in lost scores (one transaction
  per user action: all of it or none of it).

Every sixth round starts a brand-new journal, so kills also land while the
file is being created and its schema written.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from journal.storage.instance_lock import JournalLock
from journal.storage.journal import Journal, Lists
from journal.storage.models import CheckInRow, RunRow, ScoreRow
from tests.crash_writer import parse_notes

ROOT = Path(__file__).resolve().parents[1]
KILLS = 60

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks writers (POSIX only)")


class Server:
    """The fork server: one writer at a time, its lines read back in order."""

    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("crash_writer.py"))],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the fork server ended"
        return line.strip()

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def start(self, path: Path, seed: int, mode: str = "save", arg: object = "") -> tuple[int, list[str]]:
        """Fork a worker; return its pid and any lines it printed before the server's ``child`` line."""
        self.send(f"go {mode} {path} {seed} {arg}".rstrip())
        early = []
        while not (line := self.readline()).startswith("child "):
            early.append(line)
        return int(line.split()[1]), early

    def reap(self, pid: int) -> list[str]:
        """Wait for the killed writer; return every line it printed."""
        self.send("wait")
        lines = []
        marker = f"dead {pid} "
        # A writer killed mid-print leaves half a line, and the marker is glued onto it:
        # look for it anywhere in the line, or the test would wait forever.
        while marker not in (line := self.readline()):
            lines.append(line)
        if not line.startswith(marker):
            lines.append(line[: line.index(marker)])
        return lines

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=10)


def check_journal(path: Path, runs: dict[int, tuple[str, int]], checkins: set[int], where: str) -> None:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", where
    finally:
        conn.close()
    JournalLock.acquire(path).release()  # the killed writer's lock went with it
    with Journal.open(path, create=False) as j:
        notes = dict(j.transaction(Lists.NONE, lambda s: s.execute(select(RunRow.id, RunRow.notes)).all()))
        for run_id, (token, version) in runs.items():
            assert run_id in notes, f"{where}: run {run_id} was reported saved but is gone"
            parsed = parse_notes(notes[run_id])
            assert parsed is not None and parsed[0] == token, f"{where}: run {run_id} notes are not as saved"
            assert version <= parsed[1] <= version + 1, f"{where}: run {run_id} lost its edit {version}"
        torn = [i for i, text in notes.items() if parse_notes(text) is None]
        assert not torn, f"{where}: runs {torn} have half-saved notes"
        counts = dict(
            j.transaction(
                Lists.NONE,
                lambda s: s.execute(
                    select(CheckInRow.id, func.count(ScoreRow.id)).outerjoin(ScoreRow).group_by(CheckInRow.id)
                ).all(),
            )
        )
        missing = checkins - set(counts)
        assert not missing, f"{where}: check-ins {sorted(missing)} were reported saved but are gone"
        partial = {i: n for i, n in counts.items() if n != 3}
        assert not partial, f"{where}: check-ins saved without all their scores: {partial}"


def test_sigkill_while_saving_never_loses_or_tears_an_entry(tmp_path: Path) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    server = Server()
    path = tmp_path / "journal-0.sqlite3"
    runs: dict[int, tuple[str, int]] = {}
    checkins: set[int] = set()
    reported_total = 0
    started = time.monotonic()
    try:
        for kill in range(KILLS):
            if kill and kill % 6 == 0:  # a brand-new journal: kills land during creation too
                path = tmp_path / f"journal-{kill}.sqlite3"
                runs, checkins = {}, set()
            where = f"kill {kill + 1} (seed {seed}, {path.name})"
            new_journal = not path.exists()
            pid, early = server.start(path, rng.randrange(1_000_000))
            if new_journal or rng.random() < 0.25:  # anywhere: starting up, opening, creating, writing
                time.sleep(rng.uniform(0.0, 0.3 if new_journal else 0.15))
            else:  # mostly mid-write: once the writer has saved something
                while not early:
                    early.append(server.readline())
                time.sleep(rng.uniform(0.0, 0.05))
            os.kill(pid, signal.SIGKILL)
            lines = early + server.reap(pid)
            for line in lines:
                kind, *rest = line.split()
                assert kind != "error", f"{where}: the writer failed: {line}"
                if kind == "run":
                    runs[int(rest[0])] = (rest[1], int(rest[2]))
                elif kind == "checkin":
                    checkins.add(int(rest[0]))
            reported_total += len(lines)
            if not path.exists():
                assert not lines, f"{where}: entries reported saved, but there is no journal"
                continue
            check_journal(path, runs, checkins, where)
    finally:
        server.close()
    assert reported_total >= KILLS, f"the writers saved too little to prove anything ({reported_total} entries)"
    assert time.monotonic() - started < 120
