"""Every real sample file imports, is skipped or is reported as it should, with the right figures.

Expected distances and start times come from the reference parsers (gpxpy, fitdecode)
read directly here, plus a few hard facts. The computer's time zone is set to
Central European time, so the UTC -> local conversion is visible in the checks.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import fitdecode
import gpxpy
import pytest

from journal.domain.units import DistanceUnit
from journal.importers.fit import parse_fit
from journal.importers.gpx import parse_gpx
from journal.importers.run import collect, import_paths
from journal.importers.tcx import parse_tcx
from tests.import_helpers import central_europe, local

__all__ = ["central_europe"]

# relative path -> (outcome, words the reason or error must contain)
EXPECTED: dict[str, tuple[str, str]] = {
    "gpx/cerknicko-jezero.gpx": ("imported", ""),
    "gpx/korita-zbevnica.gpx": ("imported", ""),
    "gpx/track-with-empty-segment.gpx": ("imported", ""),
    "gpx/cerknicko-without-times.gpx": ("skipped", "no times"),
    "gpx/track-with-extremes.gpx": ("skipped", "no times"),
    "gpx/gpx1.0_with_all_fields.gpx": ("skipped", "no distance"),
    "gpx/gpx_with_garmin_extension.gpx": ("skipped", "only waypoints"),
    "gpx/unicode_with_bom.gpx": ("skipped", "only waypoints"),
    "gpx/route.gpx": ("skipped", "route"),
    "fit/activity-small-fenix2-run.fit": ("imported", ""),
    "fit/garmin-fenix-5-run.fit": ("imported", ""),
    "fit/garmin-fenix-5-bike.fit": ("skipped", "not a run (sport cycling)"),
    "fit/garmin-fenix-5-walk.fit": ("skipped", "not a run (sport walking)"),
    "fit/garmin-fr935-cr.fit": ("skipped", "not a run (sport swimming)"),
    "fit/sample-activity.fit": ("skipped", "not a run (sport cycling)"),
    "fit/Settings.fit": ("skipped", "settings file"),
    "fit/invalid/activity-filecrc.fit": ("imported", ""),
    # The three damaged copies are rescued from their session summary: the same run as activity-filecrc.fit
    "fit/invalid/activity-settings-corruptheader.fit": ("duplicate", "kept activity-filecrc.fit"),
    "fit/invalid/activity-settings-nodata.fit": ("duplicate", "kept activity-filecrc.fit"),
    "fit/invalid/activity-unexpected-eof.fit": ("duplicate", "kept activity-filecrc.fit"),
    "tcx/test.tcx": ("imported", ""),
    "tcx/no_hr.tcx": ("duplicate", "already in the journal"),
    "tcx/sup_activity_1.tcx": ("skipped", "not a run (sport Other)"),
}


def _outcomes(report, samples: Path) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}

    def note(label: str, outcome: str, message: str) -> None:
        rel = Path(label).relative_to(samples).as_posix()
        found.setdefault(rel, []).append((outcome, message))

    for run in report.imported:
        note(run.source_file, "imported", "")
    for kind, notes in (("duplicate", report.duplicates), ("skipped", report.skipped), ("failed", report.failed)):
        for n in notes:
            note(n.file, kind, n.message)
    return found


def test_every_sample_file_imports_is_skipped_or_fails_as_it_should(samples, journal, central_europe):
    on_disk = {p.relative_to(samples).as_posix() for p in samples.rglob("*") if p.is_file() and p.suffix != ".md"}
    assert on_disk == set(EXPECTED), "a sample file was added or removed: say what should happen to it"
    journal_first = [samples / "tcx" / "test.tcx"]  # so that no_hr.tcx meets it in the journal
    import_paths(journal_first, journal)
    report = import_paths([samples / "gpx", samples / "fit", samples / "tcx"], journal)
    found = _outcomes(report, samples)
    found.setdefault("tcx/test.tcx", []).append(("imported", ""))  # imported by the first import
    for rel, (outcome, words) in EXPECTED.items():
        assert rel in found, f"{rel}: nothing reported"
        (got, message), *_ = found[rel]
        if rel == "tcx/test.tcx":
            continue
        assert got == outcome, f"{rel}: {got} ({message}), expected {outcome}"
        assert words in message, f"{rel}: {message!r} should mention {words!r}"
    assert len(journal.runs()) == sum(1 for outcome, _ in EXPECTED.values() if outcome == "imported")
    crc = [w for w in report.warnings if w.file.endswith("activity-filecrc.fit")]
    assert crc and "checksum" in crc[0].message
    rescued = {Path(w.file).name: w.message for w in report.warnings if "session summary was read" in w.message}
    assert set(rescued) == {"activity-unexpected-eof.fit"}
    assert rescued["activity-unexpected-eof.fit"].startswith("read up to byte 751; the session summary was read")


def _gpx_reference(path: Path, only_timed: bool = False):
    with path.open(encoding="utf-8-sig") as fh:
        gpx = gpxpy.parse(fh)
    tracks = [t for t in gpx.tracks if not only_timed or t.get_time_bounds().start_time is not None]
    distance = sum(t.length_2d() for t in tracks)
    start = min(t.get_time_bounds().start_time for t in tracks if t.get_time_bounds().start_time)
    end = max(t.get_time_bounds().end_time for t in tracks if t.get_time_bounds().end_time)
    return distance, start, (end - start).total_seconds()


@pytest.mark.parametrize(
    ("name", "only_timed"),
    [("cerknicko-jezero.gpx", False), ("track-with-empty-segment.gpx", False), ("korita-zbevnica.gpx", True)],
)
def test_gpx_distance_start_and_elapsed_time_match_gpxpy(samples, central_europe, name, only_timed):
    path = samples / "gpx" / name
    result = parse_gpx(path.read_bytes(), str(path))
    (run,) = result.runs
    distance, start, elapsed = _gpx_reference(path, only_timed)
    assert run.distance_m == pytest.approx(distance, rel=1e-9)
    assert run.started_at == local(start.replace(tzinfo=None))
    assert run.duration_s == round(elapsed)  # the one definition of duration: start to end, pauses included
    assert run.source == "gpx" and run.source_file == str(path)


def test_gpx_hard_facts(samples, central_europe):
    jezero = parse_gpx((samples / "gpx" / "cerknicko-jezero.gpx").read_bytes(), "x").runs[0]
    assert jezero.started_at == datetime(2010, 8, 5, 16, 23, 59)  # 14:23:59 UTC in summer time
    assert jezero.distance_m == pytest.approx(4580, abs=1)
    korita = parse_gpx((samples / "gpx" / "korita-zbevnica.gpx").read_bytes(), "k")
    assert korita.runs[0].distance_m == pytest.approx(6269, abs=1)  # the recorded log, not its saved copy
    assert "without times left out" in korita.warnings[0].message


def _fit_sessions(path: Path) -> list[dict]:
    with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.DISABLED) as reader:
        return [
            {f.name: f.value for f in frame.fields}
            for frame in reader
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "session"
        ]


@pytest.mark.parametrize(
    "name", ["activity-small-fenix2-run.fit", "garmin-fenix-5-run.fit", "invalid/activity-filecrc.fit"]
)
def test_fit_runs_match_fitdecode(samples, central_europe, name):
    path = samples / "fit" / name
    (session,) = _fit_sessions(path)
    (run,) = parse_fit(path.read_bytes(), str(path)).runs
    assert run.distance_m == pytest.approx(session["total_distance"])
    assert run.started_at == local(session["start_time"].replace(tzinfo=None))
    assert run.duration_s == round(session["total_elapsed_time"])
    assert run.source == "fit" and run.source_id


def test_fit_hard_facts(samples, central_europe):
    run = parse_fit((samples / "fit" / "activity-small-fenix2-run.fit").read_bytes(), "f").runs[0]
    assert run.started_at == datetime(2015, 8, 15, 16, 45, 8)
    assert run.distance_m == pytest.approx(9008.22)
    assert run.duration_s == 2832


def test_fit_gz_reads_like_the_fit(samples, tmp_path, central_europe):
    import gzip

    packed = tmp_path / "run.fit.gz"
    packed.write_bytes(gzip.compress((samples / "fit" / "garmin-fenix-5-run.fit").read_bytes()))
    batch = collect([packed], DistanceUnit.KM)
    assert [round(r.distance_m, 2) for r in batch.runs] == [157.56]


def test_tcx_sums_the_laps(samples, central_europe):
    path = samples / "tcx" / "test.tcx"
    ns = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}
    laps = ET.parse(path).getroot().findall(".//t:Lap", ns)
    (run,) = parse_tcx(path.read_bytes(), str(path)).runs
    assert len(laps) == 3
    assert run.distance_m == pytest.approx(sum(float(lap.findtext("t:DistanceMeters", namespaces=ns)) for lap in laps))
    assert run.distance_m == pytest.approx(4689.24, abs=0.01)
    # elapsed: from the Id to the last recorded moment, the later of the last point and the last lap's end
    last = laps[-1]
    lap_end = datetime.fromisoformat(last.get("StartTime").replace("Z", "+00:00")).timestamp() + float(
        last.findtext("t:TotalTimeSeconds", namespaces=ns)
    )
    times = [datetime.fromisoformat(t.text.replace("Z", "+00:00")).timestamp() for t in last.iter(f"{{{ns['t']}}}Time")]
    begun = datetime.fromisoformat("2012-12-26T21:29:53+00:00").timestamp()
    assert run.duration_s == round(max(lap_end, times[-1]) - begun) == 1993
    assert run.started_at == datetime(2012, 12, 26, 22, 29, 53)  # 21:29:53 UTC in winter time
    assert run.source_id == "2012-12-26T21:29:53Z"
    assert run.notes == "Aerobics"


def _damaged_copies(data: bytes) -> list[bytes]:
    size = len(data)
    cuts = [data[: size // 3], data[: size * 2 // 3], data[:-1], data[:20]]
    flipped = bytearray(data)
    for i in range(0, size, max(1, size // 7)):
        flipped[i] ^= 0xFF
    return [*cuts, bytes(flipped)]


def test_damaged_copies_of_every_sample_never_crash_the_import(samples, tmp_path):
    """Truncated and byte-flipped copies are imported, skipped or reported: collect() never raises."""
    files = sorted(p for p in samples.rglob("*") if p.suffix in (".gpx", ".tcx", ".fit") and p.stat().st_size < 130_000)
    for source in files:
        for n, data in enumerate(_damaged_copies(source.read_bytes())):
            copy = tmp_path / f"{source.stem}-{n}{source.suffix}"
            copy.write_bytes(data)
            batch = collect([copy], DistanceUnit.KM)
            accounted = len(batch.runs) + len(batch.skipped) + len(batch.failed)
            assert accounted >= 1, f"{copy.name}: neither imported, skipped nor reported"
