"""One of a thing is "1 run", never "1 runs": the window's status bar, History's count, the command line."""

from __future__ import annotations

from datetime import date, datetime

from journal.app import main
from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run
from journal.domain.vocabulary import CareKind, Region
from journal.storage.journal import Journal
from tests.ui_helpers import make_window


def one_of_each(path) -> None:
    with Journal.open(path) as j:
        j.add_entries(
            runs=[Run(started_at=datetime(2026, 3, 2, 7), distance_m=8000.0)],
            checkins=[CheckIn(recorded_at=datetime(2026, 3, 2, 20), scores=(RegionScore(Region.LOWER_BACK, 2),))],
            care=[CareEntry(date(2026, 3, 2), CareKind.HEAT, minutes=20)],
        )


def test_the_window_counts_one_run_and_one_check_in(qtbot, journal_path) -> None:
    one_of_each(journal_path)
    window = make_window(qtbot, journal_path)
    assert window.status.text() == f"1 run · 1 check-in · {journal_path}"
    assert window.history.count.text() == "3 entries in 2 rows"  # the care rides on the check-in
    window.history.kind.setCurrentText("Check-ins")
    assert window.history.count.text() == "1 entry"
    window.history.kind.setCurrentText("Care")
    assert window.history.count.text() == "1 entry"


def test_the_command_line_counts_one_of_each(tmp_path, journal_path, capsys) -> None:
    one_of_each(journal_path)
    assert main(["export", "--format", "json", "--out", str(tmp_path / "b.json"), "--db", str(journal_path)]) == 0
    assert "Wrote 1 run, 1 check-in and 1 care entry to" in capsys.readouterr().out
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "csv"), "--db", str(journal_path)]) == 0
    assert "Wrote 1 run, 1 symptom row and 1 care entry as" in capsys.readouterr().out
    assert main(["backup", "--db", str(journal_path)]) == 0
    assert "Backed up the journal (3 entries)" in capsys.readouterr().out
    assert main(["backup", "--list", "--db", str(journal_path)]) == 0
    assert "3 entries (1 run, 1 check-in, 1 care entry)" in capsys.readouterr().out
    empty = tmp_path / "empty.sqlite3"
    assert main(["import", "--db", str(empty), str(tmp_path / "b.json")]) == 0
    assert "Imported 1 run, 1 check-in, 1 care entry and 0 pairs of shoes from b.json" in capsys.readouterr().out
