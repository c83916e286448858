"""A command whose reader goes away (``stats | head``) stops quietly with status 141, as SIGPIPE would.

Each command runs in its own process with stdout the write end of a pipe whose read end is
already closed, so the first write fails, whatever the size of the output: no traceback, no
"Exception ignored" at exit, no message; and what the command did before printing stays done.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from journal.cli import EXIT_OUTPUT_CLOSED
from journal.demo import write_demo_journal

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_journal(tmp_path_factory.mktemp("pipe") / "journal.sqlite3")


@pytest.fixture
def closed_pipe() -> Iterator[int]:
    """The write end of a pipe nobody reads any more."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    yield write_end
    os.close(write_end)


def run_into(pipe: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, stdout=pipe, stderr=subprocess.PIPE, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["stats", "--json"],
        ["flags"],
        ["flags", "--json"],
        ["race", "list"],
        ["plan", "--json"],
        ["backup", "--list"],
    ],
    ids=" ".join,
)
def test_a_closed_pipe_stops_a_command_quietly_with_141(demo: Path, closed_pipe: int, command: list[str]) -> None:
    done = run_into(closed_pipe, *command, "--db", str(demo))
    assert (done.returncode, done.stderr) == (EXIT_OUTPUT_CLOSED, "")


def test_what_was_written_before_the_pipe_closed_stays_written(demo: Path, closed_pipe: int, tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    done = run_into(closed_pipe, "export", "--format", "json", "--out", str(out), "--db", str(demo))
    assert (done.returncode, done.stderr) == (EXIT_OUTPUT_CLOSED, "")
    assert json.loads(out.read_text(encoding="utf-8"))["runs"]  # the export is whole


def test_help_into_a_closed_pipe_is_quiet(closed_pipe: int) -> None:
    done = run_into(closed_pipe, "--help")
    assert done.stderr == "" and done.returncode == 0  # argparse drops its own help quietly and exits 0


def test_an_open_pipe_still_gets_everything(demo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "stats", "--db", str(demo), "--from", str(date.today() - timedelta(weeks=8))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.startswith("Weekly running") and done.stderr == ""
