"""Garmin Connect's Activities.csv: columns by name, the unit chosen at import, ``--``, thousands separators."""

from __future__ import annotations

from datetime import datetime

import pytest

from journal.domain.units import METRES_PER_MILE, DistanceUnit
from journal.domain.vocabulary import Surface
from journal.importers.garmin_csv import parse_garmin_csv
from journal.importers.run import import_paths, needs_units
from journal.importers.values import parse_clock, parse_number
from tests.import_helpers import GARMIN_HEADER, csv_bytes, garmin_row

ROWS = [
    garmin_row("Running", "2021-03-14 08:03:12", "10.02", "00:52:10", calories="4,808"),
    garmin_row("Treadmill Running", "2021-03-15 18:30:00", "5.00", "27:45.3"),
    garmin_row("Cycling", "2021-03-16 07:00:00", "42.10", "01:30:00"),
    garmin_row("Trail Running", "2021-03-17 07:00:00", "21.10", "--"),
    garmin_row("Running", "2021-03-18 07:00:00", "--", "00:20:00"),
    garmin_row("Walking", "2021-03-19 07:00:00", "3.1", "00:40:00"),
]


def _parse(unit: DistanceUnit):
    return parse_garmin_csv(csv_bytes(GARMIN_HEADER, ROWS), "Activities.csv", unit)


def test_running_rows_become_runs_in_the_chosen_unit():
    km = _parse(DistanceUnit.KM)
    mi = _parse(DistanceUnit.MI)
    assert [r.distance_m for r in km.runs] == pytest.approx([10020, 5000, 21100])
    assert [r.distance_m for r in mi.runs] == pytest.approx([d * METRES_PER_MILE for d in (10.02, 5.0, 21.1)])
    first, treadmill, trail = km.runs
    assert first.started_at == datetime(2021, 3, 14, 8, 3, 12)  # Garmin's Date is local time already
    assert first.duration_s == 52 * 60 + 10
    assert treadmill.duration_s == 27 * 60 + 45 and treadmill.surface is Surface.TREADMILL
    assert trail.duration_s is None and trail.surface is Surface.TRAIL  # "--" is missing, not an error
    assert all(r.source == "garmin" and r.source_file == "Activities.csv" for r in km.runs)


def test_other_activities_and_rows_without_distance_are_skipped_with_the_reason():
    reasons = [(n.file, n.message) for n in _parse(DistanceUnit.KM).skipped]
    assert reasons == [
        ("Activities.csv (line 4, 2021-03-16 07:00:00)", "not a run (Cycling)"),
        ("Activities.csv (line 6, 2021-03-18 07:00:00)", "no distance recorded"),
        ("Activities.csv (line 7, 2021-03-19 07:00:00)", "not a run (Walking)"),
    ]


def test_a_distance_that_is_not_a_number_skips_that_row_only():
    rows = [garmin_row("Running", "2021-03-14 08:03:12", "4,80", "00:30:00"), ROWS[0]]
    result = parse_garmin_csv(csv_bytes(GARMIN_HEADER, rows), "g.csv", DistanceUnit.KM)
    assert len(result.runs) == 1
    assert "'4,80' is not a number" in result.skipped[0].message


@pytest.mark.parametrize(
    ("text", "value"), [("4,808", 4808), ("1,234,567.5", 1234567.5), ("5.01", 5.01), ("--", None), ("", None)]
)
def test_numbers(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "seconds"), [("1:02:03", 3723), ("45:12", 2712), ("00:45:12.3", 2712.3), ("--", None)]
)
def test_clock_times(text, seconds):
    assert parse_clock(text) == pytest.approx(seconds) if seconds else parse_clock(text) is None


def test_import_uses_the_unit_given_and_the_csv_needs_one(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    path.write_bytes(csv_bytes(GARMIN_HEADER, ROWS))
    assert needs_units([path]) and needs_units([tmp_path])
    report = import_paths([path], journal, DistanceUnit.MI)
    assert len(report.imported) == 3
    assert journal.runs()[0].distance_m == pytest.approx(10.02 * METRES_PER_MILE)
    assert not any("unit" in w.message for w in report.warnings)


def test_without_a_unit_a_csv_that_does_not_show_it_is_not_read_and_said(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    path.write_bytes(csv_bytes(GARMIN_HEADER, ROWS[:1]))
    report = import_paths([path], journal)
    assert journal.runs() == []  # never guessed
    assert report.unit_unknown == [str(path)]
    assert "choose the unit at import" in report.skipped[-1].message


def test_a_csv_that_is_neither_strava_nor_garmin_is_skipped(tmp_path, journal):
    path = tmp_path / "weights.csv"
    path.write_text("date,kg\n2021-01-01,70\n", encoding="utf-8")
    report = import_paths([path], journal)
    assert not needs_units([path])
    assert "not a Strava activities.csv or a Garmin Connect Activities.csv" in report.skipped[0].message


def test_a_run_the_journal_cannot_hold_is_skipped_with_the_reason(tmp_path, journal):
    path = tmp_path / "Activities.csv"
    rows = [garmin_row("Running", "2021-03-14 08:03:12", "1,002.5", "10:00:00"), ROWS[0]]
    path.write_bytes(csv_bytes(GARMIN_HEADER, rows))
    report = import_paths([path], journal, DistanceUnit.KM)
    assert len(report.imported) == 1
    assert "Distance must be at most 500 km" in report.skipped[0].message
