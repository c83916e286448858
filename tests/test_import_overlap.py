"""One run per run: a GPX and a TCX of the same run overlap in time, whatever their distances, and the better
source is kept and named."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from journal.domain.entries import Run
from journal.importers.dedupe import MIN_OVERLAP, RunIndex, overlap_share, same_activity
from journal.importers.gpx import parse_gpx
from journal.importers.run import import_paths
from journal.importers.tcx import parse_tcx
from tests.import_helpers import gpx_track, straight_run

START = datetime(2024, 5, 1, 6, 0, 0, tzinfo=UTC)


def _tcx(start: datetime, metres: float, seconds: float, points: list[tuple[float, float, datetime]]) -> str:
    """A TCX of one running lap with its own totals (the watch's) and its track points."""
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    track = "".join(
        f"<Trackpoint><Time>{t.strftime(stamp)}</Time><Position><LatitudeDegrees>{lat}</LatitudeDegrees>"
        f"<LongitudeDegrees>{lon}</LongitudeDegrees></Position></Trackpoint>"
        for lat, lon, t in points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        f'<Activities><Activity Sport="Running"><Id>{start.strftime(stamp)}</Id>'
        f'<Lap StartTime="{start.strftime(stamp)}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters><Track>{track}</Track></Lap>"
        "</Activity></Activities></TrainingCenterDatabase>\n"
    )


def _pair(tmp_path):
    """The case of issue 15: a GPX track 5 % longer than the TCX's own distance, its start 6 s later."""
    points = straight_run(START + timedelta(seconds=6), km=12.61, minutes=80)
    gpx = tmp_path / "morning.gpx"
    gpx.write_text(gpx_track(points, kind="running"), encoding="utf-8")
    tcx = tmp_path / "morning.tcx"
    tcx.write_text(_tcx(START, 12_010.0, 4_726.0, points), encoding="utf-8")
    return gpx, tcx


def test_the_pair_differs_as_in_the_issue(tmp_path):
    gpx, tcx = _pair(tmp_path)
    (a,) = parse_gpx(gpx.read_bytes(), "g").runs
    (b,) = parse_tcx(tcx.read_bytes(), "t").runs
    assert a.distance_m / b.distance_m == pytest.approx(1.05, abs=0.005)  # past the old 3 % rule
    assert (a.started_at - b.started_at).total_seconds() == 6
    assert overlap_share(a, b) >= MIN_OVERLAP and same_activity(a, b)


@pytest.mark.parametrize("order", ["gpx first", "tcx first"])
def test_a_gpx_and_a_tcx_of_one_run_import_once_keeping_the_tcx(tmp_path, journal, order):
    gpx, tcx = _pair(tmp_path)
    paths = [gpx, tcx] if order == "gpx first" else [tcx, gpx]
    report = import_paths(paths, journal)
    (run,) = journal.runs()
    assert run.source == "tcx" and run.distance_m == pytest.approx(12_010)
    (note,) = report.duplicates
    assert note.file == str(gpx)
    assert "is also in morning.tcx: kept morning.tcx" in note.message
    if order == "gpx first":
        assert note.message.endswith("a TCX file, the better source")


def test_a_better_file_later_keeps_the_stored_run_and_says_how_to_use_it(tmp_path, journal):
    gpx, tcx = _pair(tmp_path)
    import_paths([gpx], journal)
    report = import_paths([tcx], journal)
    (run,) = journal.runs()
    assert run.source == "gpx"  # stored runs are never replaced: they may carry edits and check-ins
    (note,) = report.duplicates
    assert "is already in the journal (from a GPX file); the stored run was kept" in note.message
    assert "This TCX file is a better source: to use it instead, delete the stored run" in note.message


def _run(start_min: float, minutes: float | None, km: float = 10.0, source: str = "gpx") -> Run:
    return Run(
        started_at=datetime(2024, 5, 1, 7, 0) + timedelta(minutes=start_min),
        distance_m=km * 1000,
        duration_s=None if minutes is None else round(minutes * 60),
        source=source,
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (_run(0, 60), _run(3, 60, km=11.5), True),  # 95 % overlap: the same run, 15 % apart in distance
        (_run(0, 60), _run(0, 20, km=3), True),  # the shorter one lies within the longer
        (_run(0, 30), _run(25, 30), False),  # 5 of 30 minutes shared: a warm-up and a run
        (_run(0, 30), _run(31, 30), False),  # back to back
        (_run(0, 60), _run(11, 60), True),  # 49 of 60 minutes: 82 %
        (_run(0, 60), _run(13, 60), False),  # 47 of 60: 78 %
        (_run(0, None), _run(1, None, km=10.2), True),  # no durations: start within 2 min, distance within 3 %
        (_run(0, None), _run(1, 60, km=11), False),  # one without a duration falls back to the old rule
    ],
)
def test_the_overlap_rule(a, b, same):
    assert same_activity(a, b) is same
    assert (RunIndex([a]).find(b) is not None) is same
    assert (RunIndex([b]).find(a) is not None) is same


def test_a_long_run_already_stored_is_found_from_a_copy_starting_late(journal):
    """The index looks back by the longest duration it holds, so a copy starting an hour in is still found."""
    index = RunIndex([_run(0, 180, km=30), _run(500, 30)])
    assert index.find(_run(60, 115, km=19, source="tcx")) == 0
