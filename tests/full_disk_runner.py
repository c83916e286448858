"""Commands on a journal whose disk is full: run inside a small tmpfs by test_full_disk.py, reports JSON lines.

``python full_disk_runner.py DISK INPUTS MARKER``: DISK is an empty, small tmpfs
(mounted for this process only, in its own mount namespace); INPUTS holds a JSON
backup and a GPX folder to import. A journal with notes carrying MARKER is made on
DISK, then the disk is filled (all of it, or all but ``room`` bytes), and each command
runs through ``journal.app.main`` as ``main.py`` would. For each, one line: the exit
status, what was printed, whether the journal still passes ``PRAGMA integrity_check``
with the same entries and the same bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

from journal.app import main
from journal.domain.entries import Run
from journal.storage.journal import Journal


def fill(disk: Path, room: int) -> None:
    """Fill ``disk`` up, then give back ``room`` bytes."""
    filler = disk / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    if room:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - room))


def journal_state(path: Path) -> dict[str, object]:
    """Integrity, runs and bytes of the (closed) journal, read without writing a byte (there is no room)."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        runs = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
    finally:
        conn.close()
    wal = Path(f"{path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return {"ok": ok, "runs": runs, "digest": hashlib.sha256(path.read_bytes()).hexdigest(), "wal": wal_size}


def run(argv: list[str]) -> tuple[object, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status: object = main(argv)
        except SystemExit as exc:
            status = exc.code
        except BaseException as exc:
            status = f"raised {type(exc).__name__}"
    return status, out.getvalue() + err.getvalue()


def main_runner() -> None:
    disk, inputs, marker = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    for room in (0, 40 * 1024):  # nothing left, or room for the -shm file but not for the new pages
        for leftover in disk.iterdir():
            leftover.unlink() if leftover.is_file() else None
        journal = disk / f"journal-{room}.sqlite3"
        start = datetime(2024, 1, 1, 7, 0)
        with Journal.open(journal) as j:
            j.add_entries(
                runs=[Run(started_at=start + timedelta(days=i), distance_m=5000.0, notes=marker) for i in range(20)]
            )
        fill(disk, room)
        before = journal_state(journal)
        db = ["--db", str(journal)]
        for name, argv in (
            ("import json", ["import", str(inputs / "backup.json"), *db]),
            ("import gpx", ["import", str(inputs / "gpx"), *db]),
            ("export json", ["export", "--format", "json", "--out", str(disk / "out.json"), *db]),
            ("report", ["report", "--out", str(disk / "out.pdf"), *db]),
            ("backup", ["backup", *db]),
        ):
            status, said = run(argv)
            after = journal_state(journal)
            line = {"room": room, "name": name, "status": status, "said": said, "before": before, "after": after}
            print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main_runner()
