"""Ctrl+C during a command: status 130, one line saying so, and a write under way rolled back whole."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from journal.app import main
from journal.demo import write_demo_journal
from journal.storage import bulk_insert
from journal.storage.journal import Journal


def _counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as db:
        return (
            db.execute("select count(*) from runs").fetchone()[0],
            db.execute("select count(*) from checkins").fetchone()[0],
        )


def test_ctrl_c_in_the_middle_of_an_import_saves_none_of_it(tmp_path, monkeypatch, capsys) -> None:
    source = write_demo_journal(tmp_path / "demo.sqlite3")
    backup = tmp_path / "backup.json"
    assert main(["export", "--format", "json", "--out", str(backup), "--db", str(source)]) == 0
    target = tmp_path / "journal.sqlite3"
    with Journal.open(target):  # a new, empty journal
        pass
    capsys.readouterr()

    def interrupted(*_args, **_kwargs):  # the runs are written; Ctrl+C arrives before the check-ins
        raise KeyboardInterrupt

    monkeypatch.setattr(bulk_insert, "add_checkins", interrupted)
    assert main(["import", str(backup), "--db", str(target)]) == 130
    err = capsys.readouterr().err
    assert err.strip() == "Stopped; nothing more was changed."
    assert _counts(target) == (0, 0)  # the runs already written in that transaction were rolled back


@pytest.mark.parametrize("command", [["stats"], ["flags"]])
def test_ctrl_c_while_reading_is_status_130_without_a_traceback(tmp_path, monkeypatch, capsys, command) -> None:
    path = write_demo_journal(tmp_path / "demo.sqlite3")

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(Journal, "runs", interrupted)
    assert main([*command, "--db", str(path)]) == 130
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "Stopped" in captured.err
