"""The command line: every command listed, clear refusals, files never overwritten without asking."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from journal.app import main

ROOT = Path(__file__).resolve().parents[1]


def test_help_lists_every_command():
    out = subprocess.run(
        [sys.executable, "main.py", "--help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    commands = sorted(p.stem for p in (ROOT / "journal" / "cli" / "commands").glob("*.py") if p.stem != "__init__")
    assert commands, "no command modules found"
    for name in ("export", "import"):
        assert name in out


def test_export_refuses_to_overwrite_without_force(tmp_path, journal_path, capsys):
    out = tmp_path / "backup.json"
    out.write_text("precious", encoding="utf-8")
    assert main(["export", "--format", "json", "--out", str(out), "--db", str(journal_path)]) == 1
    assert out.read_text(encoding="utf-8") == "precious"
    assert "add --force" in capsys.readouterr().err


def test_export_with_force_writes_owner_only(tmp_path, journal_path):
    out = tmp_path / "backup.json"
    out.write_text("old", encoding="utf-8")
    main(["import", "--db", str(journal_path), str(_example(tmp_path))])
    assert main(["export", "--format", "json", "--out", str(out), "--force", "--db", str(journal_path)]) == 0
    assert '"run-journal"' in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_of_a_missing_journal_does_not_create_one(tmp_path, capsys):
    missing = tmp_path / "nope.sqlite3"
    assert main(["export", "--format", "json", "--out", str(tmp_path / "o.json"), "--db", str(missing)]) == 3
    assert "no journal file" in capsys.readouterr().err
    assert not missing.exists()


def test_import_of_a_missing_file_says_so(tmp_path, journal_path, capsys):
    assert main(["import", str(tmp_path / "gone.json"), "--db", str(journal_path)]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_bad_date_argument_names_the_problem(tmp_path, capsys):
    code = subprocess.run(
        [sys.executable, "main.py", "export", "--format", "json", "--out", str(tmp_path / "x"), "--from", "2026-13-01"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert code.returncode == 2
    assert "'2026-13-01' is not a date" in code.stderr


def test_db_option_works_before_and_after_the_command(tmp_path):
    db = tmp_path / "j.sqlite3"
    src = _example(tmp_path)
    assert main(["--db", str(db), "import", str(src)]) == 0
    assert main(["export", "--format", "json", "--out", str(tmp_path / "o.json"), "--db", str(db)]) == 0


def _example(tmp_path: Path) -> Path:
    src = tmp_path / "example.json"
    src.write_text('{"runs": [{"date": "2026-03-01", "distance_km": 5}]}', encoding="utf-8")
    return src


def test_the_windows_options_are_parsed_as_the_full_command_line_parses_them() -> None:
    """Start-up parses the window's own options without loading every command: with the same result."""
    from journal import cli

    for args in (
        [],
        ["--db", "x.sqlite3"],
        ["--db=x.sqlite3", "--verbose"],
        ["--demo", "--minimised"],
        ["--minimized"],
    ):
        assert vars(cli.parse(args)) == vars(cli.build_parser().parse_args(args)), args
    assert cli.parse(["--db", "x", "stats"]).command == "stats"
