"""``main.py import PATH... [--units km|mi]`` for watch files and exports: the report and the exit status."""

from __future__ import annotations

import pytest

from journal.app import main
from journal.domain.units import METRES_PER_MILE
from journal.storage.journal import Journal
from tests.import_helpers import GARMIN_HEADER, csv_bytes, garmin_row


def _runs(path):
    with Journal.open(path) as journal:
        return journal.runs()


def test_import_prints_the_report_and_exits_0_even_with_skips_and_failures(samples, journal_path, capsys):
    code = main(["import", "--db", str(journal_path), str(samples / "tcx"), str(samples / "fit" / "invalid")])
    out = capsys.readouterr().out
    assert code == 0
    # the four damaged or checksum-failing FIT files hold one run: imported once, from the first of them
    assert "Imported 2 runs; 4 duplicates; 1 skipped; 0 failed." in out
    assert "sup_activity_1.tcx: not a run (sport Other)" in out
    assert "activity-unexpected-eof.fit: read up to byte 751; the session summary was read" in out
    assert "checksum" in out  # the warning of activity-filecrc.fit
    assert "2012-12-26" not in out  # run details only with --verbose
    assert len(_runs(journal_path)) == 2


def test_verbose_lists_the_runs_and_duplicates(samples, journal_path, capsys):
    main(["import", "--db", str(journal_path), "--verbose", str(samples / "tcx")])
    out = capsys.readouterr().out
    assert "imported: 2012-12-26" in out
    duplicates = [line for line in out.splitlines() if "duplicate:" in line]
    assert len(duplicates) == 1 and "test.tcx" in duplicates[0]


def test_exit_1_when_no_file_could_be_read(samples, journal_path, capsys, tmp_path):
    cut = tmp_path / "cut-before-its-session.fit"
    cut.write_bytes((samples / "fit" / "activity-small-fenix2-run.fit").read_bytes()[:60_000])
    code = main(["import", "--db", str(journal_path), str(cut)])
    captured = capsys.readouterr()
    assert code == 1
    assert "none of the files could be read; nothing was imported" in captured.err
    assert "truncated" in captured.out
    assert _runs(journal_path) == []


def test_a_file_of_another_type_is_skipped_and_exits_1(tmp_path, journal_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    assert main(["import", "--db", str(journal_path), str(notes)]) == 1
    assert "not an activity file" in capsys.readouterr().out


@pytest.mark.parametrize(("units", "metres"), [("km", 10_020), ("mi", 10.02 * METRES_PER_MILE)])
def test_units_choose_the_garmin_csv_unit(tmp_path, journal_path, capsys, units, metres):
    path = tmp_path / "Activities.csv"
    path.write_bytes(csv_bytes(GARMIN_HEADER, [garmin_row("Running", "2021-03-14 08:03:12", "10.02", "00:52:10")]))
    assert main(["import", "--db", str(journal_path), "--units", units, str(path)]) == 0
    assert _runs(journal_path)[0].distance_m == pytest.approx(metres)
    assert "Imported 1 run;" in capsys.readouterr().out


def test_second_import_adds_nothing(samples, journal_path, capsys):
    main(["import", "--db", str(journal_path), str(samples / "fit")])
    capsys.readouterr()
    assert main(["import", "--db", str(journal_path), str(samples / "fit")]) == 0
    assert capsys.readouterr().out.startswith("Imported 0 runs; 6 duplicates;")


def test_help_states_the_exit_status(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "Exit status: 0 the import ran" in " ".join(out.split())
    assert "--units {km,mi}" in out


def test_json_backup_is_still_imported_on_its_own(tmp_path, journal_path, capsys):
    backup = tmp_path / "b.json"
    Journal.open(journal_path).close()
    assert main(["export", "--format", "json", "--out", str(backup), "--db", str(journal_path)]) == 0
    assert main(["import", "--db", str(journal_path), str(backup)]) == 0
    assert "Imported 0 runs, 0 check-ins" in capsys.readouterr().out


def test_an_empty_folder_says_no_activity_files_were_found(tmp_path, journal_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["import", "--db", str(journal_path), str(tmp_path / "empty")]) == 1
    assert "no activity files were found; nothing was imported" in capsys.readouterr().err
