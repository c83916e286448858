"""``python main.py report``: writes the PDF for a period, refuses what it should, with clear messages."""

from __future__ import annotations

import stat
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from journal.cli import parse, run_command
from journal.cli.commands.report import period
from journal.domain.entries import CheckIn, RegionScore
from journal.domain.settings import Settings, WeekStart
from journal.domain.vocabulary import Region
from journal.storage.journal import Journal


@pytest.fixture
def filled(journal_path: Path) -> Path:
    with Journal.open(journal_path) as journal:
        journal.add_entries(
            checkins=[
                CheckIn(datetime(2026, 3, 3, 8), scores=(RegionScore(Region.HAMSTRING_RIGHT, 3),), notes="secret"),
                CheckIn(datetime(2026, 3, 4, 8), scores=(RegionScore(Region.HAMSTRING_RIGHT, 1),)),
            ]
        )
        journal.save_settings(Settings(name="Robin Runner"))
    return journal_path


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_report_writes_an_owner_only_pdf_for_the_period(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    argv = ["report", "--db", str(filled), "--out", str(out), "--from", "2026-03-01", "--to", "2026-03-14"]
    assert run_command(parse(argv)) == 0
    text = _text(out)
    assert "Robin Runner" in text and "1 Mar to 14 Mar 2026" in text
    assert "Right hamstring 2.0 3 (3 Mar) 1 (4 Mar) 2 of 2 0" in text
    assert "secret" not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert run_command(parse([*argv, "--include-notes", "--force", "--paper", "Letter"])) == 0
    assert "Note: secret" in _text(out)
    assert round(float(PdfReader(out).pages[0].mediabox.height)) == 792


def test_report_refuses_to_overwrite_and_reversed_dates(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"keep me")
    assert run_command(parse(["report", "--db", str(filled), "--out", str(out)])) == 1
    assert "exists; add --force" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    argv = [
        "report",
        "--db",
        str(filled),
        "--out",
        str(tmp_path / "n.pdf"),
        "--from",
        "2026-03-10",
        "--to",
        "2026-03-01",
    ]
    assert run_command(parse(argv)) == 1
    assert "is after --to" in capsys.readouterr().err
    assert run_command(parse(["report", "--db", str(filled), "--out", str(tmp_path / "no" / "x.pdf")])) == 1
    assert "does not exist" in capsys.readouterr().err


def test_report_on_a_missing_journal_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["report", "--db", str(tmp_path / "none.sqlite3"), "--out", str(tmp_path / "x.pdf")]
    assert run_command(parse(argv)) == 3
    assert "none.sqlite3" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_report_with_a_bad_date_is_a_usage_error(filled: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        parse(["report", "--db", str(filled), "--out", str(tmp_path / "x.pdf"), "--from", "3/1/2026"])
    assert exc.value.code == 2


def test_default_period_is_the_last_eight_calendar_weeks() -> None:
    args = parse(["report", "--out", "x.pdf"])
    assert period(args, WeekStart.MONDAY, today=date(2026, 11, 21)) == (date(2026, 9, 28), date(2026, 11, 21))
    assert period(args, WeekStart.SUNDAY, today=date(2026, 11, 21)) == (date(2026, 9, 27), date(2026, 11, 21))
    only_to = parse(["report", "--out", "x.pdf", "--to", "2026-03-04"])
    assert period(only_to, WeekStart.MONDAY) == (date(2026, 1, 12), date(2026, 3, 4))
