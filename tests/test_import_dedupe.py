"""No duplicates: the same files twice, the Strava CSV and its FIT file, a TCX and a GPX of one run."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest

from journal.domain.entries import Run
from journal.importers.dedupe import RunIndex, same_activity
from journal.importers.run import import_paths
from tests.import_helpers import gpx_track, strava_row, write_strava_export

TCX_NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}


def _run(minutes: float = 0, metres: float = 10_000, **kw) -> Run:
    return Run(started_at=datetime(2024, 5, 1, 7, 0) + timedelta(minutes=minutes), distance_m=metres, **kw)


@pytest.mark.parametrize(
    ("minutes", "metres", "same"),
    [(0, 10_000, True), (1.98, 10_290, True), (2.05, 10_000, False), (0, 10_320, False), (-1.5, 9_710, True)],
)
def test_same_activity_within_two_minutes_and_three_percent(minutes, metres, same):
    assert same_activity(_run(), _run(minutes, metres)) is same
    assert (RunIndex([_run()]).find(_run(minutes, metres)) is not None) is same


def test_same_activity_id_matches_whatever_the_figures():
    a = _run(source="strava", source_id="42")
    assert same_activity(a, _run(600, 3000, source="strava", source_id="42"))
    assert not same_activity(a, _run(600, 3000, source="fit", source_id="42"))


def test_importing_the_samples_twice_adds_nothing(samples, journal):
    first = import_paths([samples], journal)
    second = import_paths([samples], journal)
    assert len(first.imported) >= 7
    assert second.imported == []
    assert len(second.duplicates) == len(first.imported) + len(first.duplicates)
    assert len(journal.runs()) == len(first.imported)


def test_strava_csv_and_its_fit_file_give_one_run_the_fit_kept(samples, tmp_path, journal):
    # garmin-fenix-5-run.fit: 2017-06-11 14:34:09 UTC, 157.56 m, 57 s; Strava's row of the same run
    row = strava_row(
        555, "Jun 11, 2017, 2:34:10 PM", distance_unit="0.16", elapsed="57", metres="157.9", gear="Kinvara"
    )
    export = write_strava_export(tmp_path / "export", [row])
    fit = samples / "fit" / "garmin-fenix-5-run.fit"
    report = import_paths([export, fit], journal)
    assert len(report.imported) == 1
    (note,) = report.duplicates
    assert note.file == str(export / "activities.csv")  # the Strava row is the copy left out, read first or not
    assert "kept garmin-fenix-5-run.fit, a FIT file, the better source" in note.message
    (run,) = journal.runs()
    assert (run.source, run.shoe) == ("fit", "Kinvara")  # the FIT kept, the gear taken from Strava


def test_fit_first_then_strava_keeps_the_fit_and_takes_the_gear(samples, tmp_path, journal):
    row = strava_row(
        555, "Jun 11, 2017, 2:34:10 PM", distance_unit="0.16", elapsed="57", metres="157.9", gear="Kinvara"
    )
    export = write_strava_export(tmp_path / "export", [row])
    report = import_paths([samples / "fit" / "garmin-fenix-5-run.fit", export], journal)
    (run,) = journal.runs()
    assert len(report.imported) == 1
    assert (run.source, run.shoe) == ("fit", "Kinvara")  # the later copy filled what the first lacked


def test_strava_then_fit_in_a_later_import_is_a_duplicate_of_the_journal(samples, tmp_path, journal):
    row = strava_row(555, "Jun 11, 2017, 2:34:10 PM", distance_unit="0.16", elapsed="57", metres="157.9")
    import_paths([write_strava_export(tmp_path / "export", [row])], journal)
    report = import_paths([samples / "fit" / "garmin-fenix-5-run.fit"], journal)
    assert report.imported == []
    assert "already in the journal" in report.duplicates[0].message


def _gpx_of_tcx(path) -> str:
    """A GPX of the run in a TCX file, from its track points (as another app would export it)."""
    root = ET.parse(path).getroot()
    points = []
    for tp in root.iterfind(".//t:Trackpoint", TCX_NS):
        lat = tp.findtext("t:Position/t:LatitudeDegrees", namespaces=TCX_NS)
        lon = tp.findtext("t:Position/t:LongitudeDegrees", namespaces=TCX_NS)
        when = tp.findtext("t:Time", namespaces=TCX_NS)
        if lat and lon and when:
            points.append((float(lat), float(lon), datetime.fromisoformat(when.replace("Z", "+00:00")).astimezone(UTC)))
    return gpx_track(points)


def test_tcx_and_gpx_of_one_run_give_one_run(samples, tmp_path, journal):
    gpx = tmp_path / "same-run.gpx"
    gpx.write_text(_gpx_of_tcx(samples / "tcx" / "test.tcx"), encoding="utf-8")
    report = import_paths([samples / "tcx" / "test.tcx", samples / "tcx" / "no_hr.tcx", gpx], journal)
    assert len(report.imported) == 1
    assert sorted(d.file for d in report.duplicates) == sorted([str(samples / "tcx" / "no_hr.tcx"), str(gpx)])
    assert journal.runs()[0].source == "tcx"


def test_a_manual_run_at_the_same_time_is_matched_too(samples, journal):
    tcx = import_paths([samples / "tcx" / "test.tcx"], journal).imported[0]
    journal.delete_run(tcx.id)
    journal.add_run(Run(started_at=tcx.started_at + timedelta(minutes=1), distance_m=4700, notes="typed in"))
    report = import_paths([samples / "tcx" / "test.tcx"], journal)
    assert report.imported == [] and len(report.duplicates) == 1
