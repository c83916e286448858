"""Hostile and broken inputs against the command line, all in one process under a memory limit.

Every file is built here, in a temporary folder (tests/hostile_files.py). The cases
run one after another in a child process (tests/hostile_runner.py) whose address
space is capped at ``LIMIT_MB`` (RLIMIT_AS), as ``main.py`` runs them. For each:

- the exit status is 1 (bad input) or 3 (the journal file is the problem);
- the output names the file and the problem in words a person can act on;
- nothing crashed or hung, no traceback, no "out of memory", no generic "unexpected problem";
- the journal is byte-for-byte unchanged and nothing new appeared beside it;
- none of the journal's or the file's health data (notes carrying ``MARKER``) was printed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.vocabulary import Region
from journal.storage.backup import make_backup
from journal.storage.instance_lock import JournalLock
from journal.storage.journal import Journal
from tests import hostile_files as build

ROOT = Path(__file__).resolve().parents[1]
LIMIT_MB = 300
MARKER = "Wombat3d9Note"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and RLIMIT_AS are POSIX")


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path, Path], list[str]]
    """(inputs folder, journal) -> the arguments after ``main.py``."""
    status: int
    words: tuple[str, ...]
    journal: str = "main"
    """Which journal the case must leave unchanged: "main", or the name of one made by ``make``."""


def _import(path: Path, journal: Path) -> list[str]:
    return ["import", str(path), "--db", str(journal)]


def _other_program(folder: Path, wal: bool = False, tables: bool = True) -> Path:
    path = folder / ("other-wal.db" if wal else "other.db" if tables else "other-empty.db")
    conn = sqlite3.connect(path)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
    if tables:
        conn.execute("CREATE TABLE runs (id INTEGER PRIMARY KEY, route TEXT, secret TEXT)")
        conn.execute("CREATE TABLE checkins (id INTEGER PRIMARY KEY, place TEXT)")
        conn.execute("CREATE TABLE shoes (id INTEGER PRIMARY KEY, brand TEXT)")
        conn.execute("INSERT INTO runs (route, secret) VALUES ('park', ?)", (MARKER,))
    else:
        conn.execute("CREATE VIEW answer AS SELECT 42")
    conn.commit()
    conn.close()
    return path


CASES = [
    Case(
        "zip member under-declares its size",
        lambda f, j: _import(build.underdeclared_zip(f), j),
        1,
        ("strava-export.zip/export_1/activities/1234.gpx", "damaged"),
    ),
    Case("zip member unpacks 1,000 times", lambda f, j: _import(build.declared_bomb_zip(f), j), 1, ("zip bomb",)),
    Case("zip members overlap", lambda f, j: _import(build.overlapping_zip(f), j), 1, ("over 100 times its own size",)),
    Case("zip table too large", lambda f, j: _import(build.huge_table_zip(f), j), 1, ("60,000 files",)),
    Case("zip packed with bzip2", lambda f, j: _import(build.bzip2_zip(f), j), 1, ("re-pack the zip",)),
    Case("zip names escape", lambda f, j: _import(build.escaping_zip(f), j), 1, ("../evil.gpx", "points outside")),
    Case("gzip bomb", lambda f, j: _import(build.gzip_bomb(f), j), 1, ("bomb.gpx.gz", "zip bomb")),
    Case("GPX nested 200,000 deep", lambda f, j: _import(build.deep_gpx(f), j), 1, ("deep.gpx", "nest over 100")),
    Case(
        "Strava export pointing at a deep GPX",
        lambda f, j: _import(build.deep_in_strava_export(f, MARKER), j),
        1,
        ("activities/1.gpx", "nest over 100", "nothing was imported"),
    ),
    Case("GPX tag of 3 million attributes", lambda f, j: _import(build.wide_tag_gpx(f), j), 1, ("tag is over 64 KB",)),
    Case("GPX with entity expansion", lambda f, j: _import(build.entity_gpx(f), j), 1, ("DTD or entities",)),
    Case("broken TCX with notes", lambda f, j: _import(build.broken_tcx_with_notes(f, MARKER), j), 1, ("XML error",)),
    Case("CSV line of 2 MB", lambda f, j: _import(build.long_line_csv(f), j), 1, ("over 1 MB long",)),
    Case(
        "folder with a link to /dev/zero and a named pipe",
        lambda f, j: _import(build.special_files(f / "specials"), j),
        1,
        ("zero.gpx: is a link to /dev/zero", "a device", "pipe.tcx: is a named pipe"),
    ),
    Case(
        "link to /dev/zero named .gpx.gz",
        lambda f, j: _import(build.link_to_dev_zero(f, "zero.gpx.gz"), j),
        1,
        ("a device",),
    ),
    Case("JSON: a 5,000-digit number", lambda f, j: _import(build.long_number_json(f), j), 1, ("5,000 characters",)),
    Case("JSON: nested 100,000 deep", lambda f, j: _import(build.deep_json(f), j), 1, ("too deep",)),
    Case("JSON: 70 MB", lambda f, j: _import(build.huge_json(f), j), 1, ("too large",)),
    Case("JSON: 5 million tiny values", lambda f, j: _import(build.many_values_json(f), j), 1, ("2,000,000 values",)),
    Case(
        "JSON: 19 MB of text with an emoji",
        lambda f, j: _import(build.wide_text_json(f), j),
        1,
        ("runs[0]", "distance_km"),
    ),
    Case("JSON: link to /dev/zero", lambda f, j: _import(build.link_to_dev_zero(f, "b.json"), j), 1, ("a device",)),
    Case("JSON: named pipe", lambda f, j: _import(build.fifo(f, "p.json"), j), 1, ("named pipe",)),
    Case(
        "JSON: bad field beside notes",
        lambda f, j: _import(build.bad_json_with_notes(f, MARKER), j),
        1,
        ("runs[0]", "distance_km"),
    ),
    Case(
        "export json over the journal",
        lambda f, j: ["export", "--format", "json", "--out", str(j), "--force", "--db", str(j)],
        1,
        ("is the journal file itself", "--force"),
    ),
    Case(
        "export fhir over its -wal",
        lambda f, j: ["export", "--format", "fhir", "--out", f"{j}-wal", "--force", "--db", str(j)],
        1,
        ("working files",),
    ),
    Case(
        "report over the journal",
        lambda f, j: ["report", "--out", str(j), "--force", "--db", str(j)],
        1,
        ("is the journal file itself",),
    ),
    Case(
        "export through a link to the journal",
        lambda f, j: ["export", "--format", "json", "--out", str(_link(f / "link.json", j)), "--force", "--db", str(j)],
        1,
        ("is the journal file itself",),
    ),
    Case(
        "export through a hard link to the journal",
        lambda f, j: ["export", "--format", "json", "--out", str(_hard(f / "hard.json", j)), "--force", "--db", str(j)],
        1,
        ("is the journal file itself",),
    ),
    Case(
        "export over a backup",
        lambda f, j: ["export", "--format", "json", "--out", str(make_backup(j)), "--force", "--db", str(j)],
        1,
        ("backups folder",),
    ),
    Case(
        "csv export into the backups folder",
        lambda f, j: ["export", "--format", "csv", "--out", str(j.parent / "backups"), "--force", "--db", str(j)],
        1,
        ("backups folder",),
    ),
    Case(
        "another program's database",
        lambda f, j: ["stats", "--db", str(_other_program(f))],
        3,
        ("another program's database",),
        journal="other.db",
    ),
    Case(
        "another program's database in WAL mode",
        lambda f, j: ["stats", "--db", str(_other_program(f, wal=True))],
        3,
        ("another program's database",),
        journal="other-wal.db",
    ),
    Case(
        "another program's database without tables",
        lambda f, j: ["stats", "--db", str(_other_program(f, tables=False))],
        3,
        ("not a run journal",),
        journal="other-empty.db",
    ),
]


def _link(path: Path, target: Path) -> Path:
    path.symlink_to(target)
    return path


def _hard(path: Path, target: Path) -> Path:
    os.link(target, path)
    return path


def journal_with_health_data(path: Path) -> Path:
    start = datetime(2024, 1, 1, 7, 0)
    with Journal.open(path) as j:
        j.add_entries(
            runs=[Run(started_at=start + timedelta(days=i), distance_m=5000.0 + i, notes=MARKER) for i in range(40)],
            checkins=[
                CheckIn(start + timedelta(days=i, hours=3), (RegionScore(Region.LOWER_BACK, 4),), notes=MARKER)
                for i in range(40)
            ],
        )
    return path


HONEST = Case(
    "an honest 25 MB GPX of 250,000 points", lambda f, j: _import(build.long_gpx(f), j), 0, ("Imported 1 run",)
)
"""Run last, on a journal of its own: the streaming reader imports what it should, in the same memory."""


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("hostile")
    journal = journal_with_health_data(folder / "journal" / "journal.sqlite3")
    make_backup(journal)
    JournalLock.acquire(journal).release()  # the lock file stays, as after any use of the app
    inputs = folder / "in"
    inputs.mkdir()
    cases = []
    for case in CASES:
        here = inputs / f"case-{len(cases)}"
        here.mkdir()
        argv = case.make(here, journal)
        watched = journal if case.journal == "main" else here / case.journal
        cases.append({"name": case.name, "argv": argv, "journal": str(watched)})
    honest = inputs / "honest"
    honest.mkdir()
    own = folder / "honest-journal" / "journal.sqlite3"
    cases.append({"name": HONEST.name, "argv": HONEST.make(honest, own), "journal": None})
    spec = folder / "cases.json"
    spec.write_text(json.dumps(cases))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("hostile_runner.py")), str(LIMIT_MB), str(spec)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    found = {line["name"]: line for line in lines if "name" in line}
    assert done.returncode == 0, f"the runner died (status {done.returncode}) after {list(found)[-1:]}: {done.stderr}"
    shutil.rmtree(inputs, ignore_errors=True)
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_is_refused_with_a_message_and_changes_nothing(results: dict[str, dict], case: Case) -> None:
    got = results.get(case.name)
    assert got is not None, f"{case.name}: the runner never reported it"
    said = got["out"] + got["err"]
    assert got["status"] == case.status, f"{case.name}: status {got['status']}\n{said}"
    for words in case.words:
        assert words in said, f"{case.name}: {words!r} is not said in:\n{said}"
    for bad in ("Traceback", "out of memory", "MemoryError", "unexpected problem", MARKER, "INSERT", "SELECT"):
        assert bad not in said, f"{case.name}: {bad!r} in the output:\n{said}"
    assert got["after"] == got["before"], f"{case.name}: the journal or the files beside it changed"


def test_an_honest_long_file_imports_under_the_same_limit(results: dict[str, dict]) -> None:
    got = results[HONEST.name]
    assert got["status"] == 0 and "Imported 1 run;" in got["out"], got["out"] + got["err"]


def test_every_case_stayed_under_the_memory_limit(results: dict[str, dict]) -> None:
    peak = max(line["peak_mb"] for line in results.values())
    assert peak < LIMIT_MB, f"peak resident size {peak} MB"
    assert len(results) == len(CASES) + 1
