"""The process that test_crash_safety.py kills: saves entries, imports, backs up, restores or migrates.

Run as a script. To keep 150+ kills inside a few seconds, it is a small fork
server: it imports the app once, then for each ``go MODE PATH SEED [ARG]`` line on
stdin forks a worker and prints ``child PID``; the test SIGKILLs that worker at a
random moment, then sends ``wait`` and gets ``dead PID`` once it is reaped
(after which every line the worker printed is already in the pipe).

Modes other than ``save`` do one operation, as the app does it, then print ``done``:

- ``import PATH SEED FOLDER``: ``import_paths`` of the activity files in FOLDER (one transaction);
- ``json PATH SEED FILE``: ``main.py import FILE`` of a JSON backup (one transaction);
- ``backup PATH SEED``: ``make_backup`` (copy to a locked temporary file, rename, rotate);
- ``restore PATH SEED BACKUP``: the journal's lock, then ``restore_backup``;
- ``migrate PATH SEED``: ``Journal.open`` of an old-schema journal (backup first, then one migration).

``save`` (the window's write path) is described below.

The writer does what the window does: a QCoreApplication, the journal lock,
``Journal.open``, and every write through ``JournalOperations`` (``save_run``
for a new run and for an edit, ``save_checkin``), each one transaction. After
each write returns (committed) it prints what it saved, flushed:

- ``run ID TOKEN VERSION`` a new run (version 0) or an edit of its notes (version k);
- ``checkin ID 3`` a check-in with three region scores.

Every run's notes are ``token|version|filler|checksum`` from its first save,
so a torn or half-saved value would be seen.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.vocabulary import Region
from journal.storage.instance_lock import JournalLock
from journal.storage.journal import Journal
from journal.ui.operations import JournalOperations


def make_notes(token: str, version: int, filler: int) -> str:
    body = f"{token}|{version}|" + "ä✓" * filler
    return f"{body}|{hashlib.sha256(body.encode()).hexdigest()[:16]}"


def parse_notes(notes: str) -> tuple[str, int] | None:
    """(token, version) of well-formed notes, else None."""
    body, _, check = notes.rpartition("|")
    if hashlib.sha256(body.encode()).hexdigest()[:16] != check:
        return None
    token, version, _filler = body.split("|", 2)
    return token, int(version)


def writer(path: str, seed: int) -> None:
    rng = random.Random(seed)
    app = QCoreApplication([])  # noqa: F841 - the window's objects need one
    JournalLock.acquire(path)  # held until the process dies
    ops = JournalOperations(Journal.open(path))
    mine: dict[int, tuple[Run, str, int]] = {}
    base = datetime(2020, 1, 1, 6, 0) + timedelta(minutes=seed % 100_000)
    n = 0
    while True:
        n += 1
        action = rng.random()
        if action < 0.2 and mine:
            run_id = rng.choice(list(mine))
            run, token, version = mine[run_id]
            version += 1
            run = ops.save_run(replace(run, notes=make_notes(token, version, rng.randrange(1, 400))))
            mine[run_id] = (run, token, version)
            print(f"run {run.id} {token} {version}", flush=True)
        elif action < 0.4:
            scores = tuple(RegionScore(region, rng.randrange(0, 11)) for region in list(Region)[:3])
            checkin = ops.save_checkin(CheckIn(recorded_at=base + timedelta(hours=n), scores=scores, notes="ü" * n))
            print(f"checkin {checkin.id} 3", flush=True)
        else:
            token = f"{seed}-{n}"
            notes = make_notes(token, 0, rng.randrange(1, 400))
            run = ops.save_run(Run(started_at=base + timedelta(hours=n), distance_m=1000.0 + n, notes=notes))
            mine[run.id] = (run, token, 0)
            print(f"run {run.id} {token} 0", flush=True)


def one_operation(mode: str, path: str, arg: str) -> None:
    """One import, JSON import, backup, restore or migration, then ``done``."""
    if mode == "import":
        from journal.importers.run import import_paths

        JournalLock.acquire(path)
        with Journal.open(path) as journal:
            report = import_paths([arg], journal)
        print(f"imported {len(report.imported)}", flush=True)
    elif mode == "json":
        from journal.app import main

        print(f"status {main(['import', arg, '--db', path])}", flush=True)
    elif mode == "backup":
        from journal.storage.backup import make_backup

        print(f"backup {make_backup(path, 'manual', keep=100)}", flush=True)
    elif mode == "restore":
        from journal.storage.backup import restore_backup

        with JournalLock.acquire(path):
            restore_backup(arg, path)
    elif mode == "migrate":
        from journal.storage.backup import backup_before_migration

        JournalLock.acquire(path)
        Journal.open(path, before_migration=backup_before_migration).close()
    print("done", flush=True)


def preload() -> None:
    """Import what the operations need once, in the server, so each forked worker starts at once."""
    import alembic.command
    import alembic.config  # noqa: F401
    import sqlalchemy.orm  # noqa: F401

    import journal.app
    import journal.cli.commands.import_files
    import journal.importers.run
    import journal.interchange.json_duplicates
    import journal.storage.backup
    import journal.storage.writes  # noqa: F401


def serve() -> None:
    preload()
    print("ready", flush=True)
    child = 0
    for line in sys.stdin:
        words = line.split()
        if words[0] == "go":
            child = os.fork()
            if child == 0:
                try:
                    mode, path, seed = words[1], words[2], int(words[3])
                    if mode == "save":
                        writer(path, seed)
                    else:
                        one_operation(mode, path, words[4] if len(words) > 4 else "")
                        os._exit(0)
                except BaseException as exc:  # report, never fall back into the server loop
                    print(f"error {type(exc).__name__}: {exc}", flush=True)
                finally:
                    os._exit(1)
            print(f"child {child}", flush=True)
        elif words[0] == "wait":
            _pid, status = os.waitpid(child, 0)
            print(f"dead {child} {status}", flush=True)


if __name__ == "__main__":
    serve()
