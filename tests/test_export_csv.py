"""CSV export: read back with the csv module as a spreadsheet would, through the real command line."""

from __future__ import annotations

import csv
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from journal.cli import parse, run_command
from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run
from journal.domain.vocabulary import CareKind, Character, Radiates, Region, Timing, WarningSign
from journal.interchange.csv_export import write_csv
from journal.storage.journal import Journal

NOTE = 'Left calf "tight", then fine,\nsecond line'


def _fill(journal: Journal) -> None:
    journal.add_entries(
        runs=[
            Run(datetime(2026, 3, 2, 7, 5), 10_000.0, duration_s=3000, effort=5, shoe="Zoë's shoes", notes=NOTE),
            Run(datetime(2026, 3, 4, 18, 30), 1609.344, notes='=HYPERLINK("x")'),
        ],
        checkins=[
            CheckIn(
                datetime(2026, 3, 3, 8, 0),
                scores=(
                    RegionScore(Region.LOWER_BACK, 4, Timing.NEXT_MORNING, (Character.ACHE,), Radiates.THIGH),
                    RegionScore(Region.HAMSTRING_LEFT, 0),
                ),
                warning_signs=(WarningSign.NIGHT_PAIN,),
                notes="Łódź, sore",
            ),
        ],
        care=[CareEntry(date(2026, 3, 3), CareKind.PAINKILLER, "ibuprofen, 400 mg")],
    )


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_csv_files_read_back_with_rows_units_quoting_and_bom(journal: Journal, tmp_path: Path) -> None:
    _fill(journal)
    done = write_csv(journal.data(), tmp_path / "out")
    assert (done.runs, done.symptom_rows, done.care) == (2, 2, 1)
    raw = (tmp_path / "out" / "runs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert b"\r\n" in raw  # RFC 4180 line ends

    runs = _read(tmp_path / "out" / "runs.csv")
    assert [r["date"] for r in runs] == ["2026-03-02", "2026-03-04"]
    assert runs[0]["time"] == "07:05"
    assert runs[0]["distance_km"] == "10.000" and runs[0]["distance_mi"] == "6.214"
    assert runs[1]["distance_km"] == "1.609" and runs[1]["distance_mi"] == "1.000"
    assert runs[0]["duration"] == "50:00" and runs[0]["pace_per_km"] == "5:00" and runs[0]["pace_per_mi"] == "8:03"
    assert runs[0]["notes"] == NOTE  # comma, quotes and newline survive in one cell
    assert runs[0]["shoes"] == "Zoë's shoes"
    assert runs[1]["notes"].startswith("'=")  # shown as text, not run as a formula

    symptoms = _read(tmp_path / "out" / "symptoms.csv")
    assert [(s["region"], s["pain_0_10"]) for s in symptoms] == [("Lower back", "4"), ("Left hamstring", "0")]
    assert symptoms[0]["when"] == "Next morning" and symptoms[0]["spreads"] == "Down the thigh"
    assert symptoms[0]["warning_signs"] == WarningSign.NIGHT_PAIN.label
    assert symptoms[0]["notes"] == "Łódź, sore"

    care = _read(tmp_path / "out" / "care.csv")
    assert care == [
        {
            "date": "2026-03-03",
            "care": "Painkiller (over the counter)",
            "care_id": "painkiller",
            "detail": "ibuprofen, 400 mg",
            "minutes": "",
        }
    ]
    for name in ("runs.csv", "symptoms.csv", "care.csv"):
        assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o600


def test_export_command_writes_a_period_and_refuses_to_overwrite(
    journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Journal.open(journal_path) as journal:
        _fill(journal)
    out = tmp_path / "csv"
    argv = ["export", "--db", str(journal_path), "--format", "csv", "--out", str(out), "--from", "2026-03-03"]
    assert run_command(parse(argv)) == 0
    assert [r["date"] for r in _read(out / "runs.csv")] == ["2026-03-04"]
    assert run_command(parse(argv)) == 1
    assert "--force" in capsys.readouterr().err
    assert run_command(parse([*argv, "--force"])) == 0


def test_export_command_refuses_a_file_as_csv_folder_and_reversed_dates(
    journal_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Journal.open(journal_path).close()
    a_file = tmp_path / "a.txt"
    a_file.write_text("x")
    base = ["export", "--db", str(journal_path), "--format", "csv"]
    assert run_command(parse([*base, "--out", str(a_file), "--force"])) == 1
    assert "names a folder" in capsys.readouterr().err
    argv = [*base, "--out", str(tmp_path / "o"), "--from", "2026-03-05", "--to", "2026-03-01"]
    assert run_command(parse(argv)) == 1
    assert "is after" in capsys.readouterr().err
