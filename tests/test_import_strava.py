"""A Strava bulk export with its quirks: repeated columns, HTML header cells, UTC dates, gear, notes, zips."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from journal.domain.units import METRES_PER_MILE, DistanceUnit
from journal.domain.vocabulary import Surface
from journal.importers.run import import_paths
from journal.importers.strava import clean_header, parse_strava_csv, parse_strava_date
from tests.import_helpers import (
    STRAVA_HEADER,
    central_europe,
    csv_bytes,
    gpx_track,
    local,
    straight_run,
    strava_row,
    write_strava_export,
    zip_folder,
)

__all__ = ["central_europe"]

ROWS = [
    strava_row(
        101,
        "Jan 4, 2020, 2:57:37 PM",
        distance_unit="10.02",
        elapsed="3100",
        moving="3012",
        metres="10020.5",
        gear="Pegasus 38",
        description="Easy loop, back felt tight",
        private_note="Took ibuprofen after",
        perceived="4.0",
    ),
    strava_row(102, "Jan 6, 2020, 7:05:00 AM", "Trail Run", distance_unit="12.5", elapsed="5400", metres="12480.0"),
    strava_row(103, "Jan 7, 2020, 6:00:00 PM", "Virtual Run", distance_unit="5.0", moving="1500", metres="5000"),
    strava_row(104, "Jan 8, 2020, 8:00:00 AM", "Ride", distance_unit="40.1", elapsed="5000", metres="40100"),
    strava_row(105, "Jan 9, 2020, 9:00:00 AM", "Walk", distance_unit="3.2", elapsed="2400", metres="3200"),
    strava_row(106, "Jan 11, 2020, 9:30:00 AM", gear="Pegasus 38", distance_unit="8", moving="2900", metres="8001"),
]


def test_runs_are_read_by_position_with_the_quirks(central_europe):
    result = parse_strava_csv(csv_bytes(STRAVA_HEADER, ROWS), "activities.csv", DistanceUnit.KM)
    by_id = {r.source_id: r for r in result.runs}
    assert sorted(by_id) == ["101", "102", "103", "106"]
    first = by_id["101"]
    assert first.distance_m == 10020.5  # the later Distance column, in metres
    assert first.duration_s == 3100  # Elapsed Time, the one definition of duration (Moving Time is 3012)
    assert first.started_at == datetime(2020, 1, 4, 15, 57, 37)  # 14:57:37 UTC, winter time in CET
    assert first.shoe == "Pegasus 38"  # Activity Gear, behind an HTML header cell
    assert first.notes == "Easy loop, back felt tight\n\nTook ibuprofen after"
    assert first.effort == 4
    assert first.source == "strava" and first.source_file == "activities.csv"
    assert by_id["102"].surface is Surface.TRAIL and by_id["102"].duration_s == 5400  # later Elapsed Time
    assert by_id["103"].surface is Surface.TREADMILL and by_id["103"].duration_s == 1500  # no Elapsed Time: Moving
    skipped = {note.file: note.message for note in result.skipped}
    assert skipped == {
        "activities.csv (activity 104)": "not a run (Ride)",
        "activities.csv (activity 105)": "not a run (Walk)",
    }


def test_without_the_metres_column_the_first_distance_is_in_the_chosen_unit():
    header = STRAVA_HEADER[:13]  # an older export: one Distance, one Elapsed Time
    row = strava_row(7, "Mar 1, 2019, 6:00:00 AM", distance_unit="6.2", elapsed="3000", header=header)
    miles = parse_strava_csv(csv_bytes(header, [row]), "a.csv", DistanceUnit.MI)
    km = parse_strava_csv(csv_bytes(header, [row]), "a.csv", DistanceUnit.KM)
    assert miles.runs[0].distance_m == pytest.approx(6.2 * METRES_PER_MILE)
    assert km.runs[0].distance_m == pytest.approx(6200)
    assert "read in mi" in miles.warnings[0].message


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("Jan 4, 2020, 2:57:37 PM", datetime(2020, 1, 4, 14, 57, 37)),
        ("Jul 14, 2021, 12:05:00 AM", datetime(2021, 7, 14, 0, 5, 0)),
        ("Jul 14, 2021, 12:05:00 PM", datetime(2021, 7, 14, 12, 5, 0)),
        ("4 Jan 2020, 14:57:37", datetime(2020, 1, 4, 14, 57, 37)),
        ("Sept 3, 2022, 6:01:02 AM", datetime(2022, 9, 3, 6, 1, 2)),
        ("2020-01-04 14:57:37", datetime(2020, 1, 4, 14, 57, 37)),
    ],
)
def test_strava_dates_are_utc_and_become_local_time(central_europe, text, utc):
    assert parse_strava_date(text) == local(utc)


def test_a_summer_date_moves_by_two_hours_in_central_europe(central_europe):
    assert parse_strava_date("Jul 1, 2021, 6:00:00 AM") == datetime(2021, 7, 1, 8, 0, 0)


def test_html_header_cells_are_cleaned():
    assert clean_header('<span class="translation_missing" title="x">Start Time</span>') == "Start Time"
    assert clean_header("Activity&nbsp;Gear") == "Activity Gear"


def _export_with_files(tmp_path):
    start = datetime(2020, 2, 2, 7, 0, 0, tzinfo=UTC)
    gpx = gpx_track(straight_run(start, 7.0, 40), kind="running").encode()
    rows = [
        *ROWS,
        # a row that lacks distance and time: its own file fills them
        strava_row(107, "Feb 2, 2020, 7:00:00 AM", filename="activities/107.gpx"),
        strava_row(108, "Feb 3, 2020, 7:00:00 AM", distance_unit="5", metres="5000", filename="activities/108.gpx"),
    ]
    files = {"activities/107.gpx": gpx, "activities/108.gpx": gpx}
    return write_strava_export(tmp_path / "export_12345", rows, files)


@pytest.mark.parametrize("zipped", [False, True], ids=["folder", "zip"])
def test_an_export_imports_its_runs_skips_the_rest_and_creates_the_shoes(tmp_path, journal, central_europe, zipped):
    folder = _export_with_files(tmp_path)
    target = zip_folder(folder, tmp_path / "export_12345.zip") if zipped else folder
    report = import_paths([target], journal)
    assert not report.failed
    assert len(report.imported) == 6
    assert report.duplicates == []  # the activity files are read through the CSV, not again on their own
    assert sorted(n.message for n in report.skipped) == ["not a run (Ride)", "not a run (Walk)"]
    runs = {r.source_id: r for r in journal.runs()}
    assert runs["107"].distance_m == pytest.approx(7000, rel=0.01)  # filled from activities/107.gpx
    assert runs["107"].duration_s == pytest.approx(2400, abs=5)
    assert runs["108"].distance_m == 5000  # the CSV's own figure wins when it has one
    assert runs["101"].source_file.endswith("activities.csv")
    shoes = {s.name: s for s in journal.shoes()}
    assert shoes["Pegasus 38"].run_count == 2
    assert shoes["Pegasus 38"].first_used == datetime(2020, 1, 4).date()


def test_a_second_import_of_the_export_adds_nothing(tmp_path, journal):
    folder = _export_with_files(tmp_path)
    first = import_paths([folder], journal)
    second = import_paths([zip_folder(folder, tmp_path / "again.zip")], journal)
    assert len(first.imported) == 6
    assert second.imported == []
    assert len(second.duplicates) == 6
    assert len(journal.runs()) == 6
    assert len(journal.shoes()) == 1


def test_activities_csv_chosen_on_its_own_still_finds_its_files(tmp_path, journal):
    folder = _export_with_files(tmp_path)
    report = import_paths([folder / "activities.csv"], journal)
    assert len(report.imported) == 6
    assert {r.source_id for r in journal.runs() if r.distance_m > 6900} >= {"107"}


def test_a_missing_activity_file_is_a_warning_not_a_failure(tmp_path, journal):
    rows = [strava_row(9, "Feb 2, 2020, 7:00:00 AM", filename="activities/9.fit.gz")]
    folder = write_strava_export(tmp_path / "export", rows)
    report = import_paths([folder], journal)
    assert report.imported == []
    assert report.skipped[0].message == "no distance recorded"
    assert "not in the export" in report.warnings[0].message
