"""Builders for import tests: a fixed time zone, Strava exports and Garmin CSVs with their quirks, GPX text."""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

CET = "CET-1CEST,M3.5.0,M10.5.0/3"
"""Central European time as a POSIX TZ rule (works without the tz database): UTC+1, +2 in summer."""


@pytest.fixture
def central_europe(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run the test on a computer set to Central European time, so UTC -> local conversion shows."""
    monkeypatch.setenv("TZ", CET)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def local(utc: datetime) -> datetime:
    """What the importer should make of a UTC time: this computer's local wall-clock time."""
    return utc.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


# The header of a real activities.csv (2024), with its repeated names. Two cells are HTML
# fragments as Strava writes them for untranslated names.
STRAVA_HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute", "Activity Private Note",
    '<span class="translation_missing" title="translation missing: en-US.lib.export.portability_exporter'
    '.activities.horton_values.activity_gear">Activity Gear</span>',
    "Filename", "Athlete Weight", "Bike Weight", "Elapsed Time",
    '<span class="translation_missing" title="translation missing: en-US.lib.export.portability_exporter'
    '.activities.horton_values.moving_time">Moving Time</span>',
    "Distance", "Max Speed", "Average Speed", "Elevation Gain", "Elevation Loss", "Elevation Low",
    "Elevation High", "Max Grade", "Average Grade", "Average Positive Grade", "Average Negative Grade",
    "Max Cadence", "Average Cadence", "Max Heart Rate", "Average Heart Rate", "Max Watts", "Average Watts",
    "Calories", "Max Temperature", "Average Temperature", "Relative Effort", "Total Work", "Number of Runs",
    "Uphill Time", "Downhill Time", "Other Time", "Perceived Exertion", "Type", "Start Time",
    "Weighted Average Power", "Power Count", "Prefer Perceived Exertion", "Perceived Relative Effort",
    "Commute", "Total Weight Lifted", "From Upload", "Grade Adjusted Distance",
]  # fmt: skip


def strava_row(
    activity_id: int,
    date: str,
    kind: str = "Run",
    *,
    distance_unit: str = "",
    elapsed: str = "",
    moving: str = "",
    metres: str = "",
    gear: str = "",
    description: str = "",
    private_note: str = "",
    filename: str = "",
    perceived: str = "",
    header: list[str] = STRAVA_HEADER,
) -> list[str]:
    """A row by position: ``distance_unit`` goes to the FIRST Distance, ``metres`` to the later one."""
    row = [""] * len(header)

    def put(name: str, value: str, occurrence: int = 0) -> None:
        hits = [i for i, h in enumerate(header) if h == name or h.endswith(f">{name}</span>")]
        if occurrence < len(hits):
            row[hits[occurrence]] = value

    put("Activity ID", str(activity_id))
    put("Activity Date", date)
    put("Activity Name", f"{kind} {activity_id}")
    put("Activity Type", kind)
    put("Activity Description", description)
    put("Elapsed Time", elapsed)
    put("Distance", distance_unit)
    put("Activity Private Note", private_note)
    put("Activity Gear", gear)
    put("Filename", filename)
    put("Elapsed Time", elapsed, 1)
    put("Moving Time", moving)
    put("Distance", metres, 1)
    put("Perceived Exertion", perceived)
    put("Max Heart Rate", "171")
    put("Max Heart Rate", "171.0", 1)
    put("Commute", "false")
    put("Commute", "0.0", 1)
    return row


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def write_strava_export(folder: Path, rows: list[list[str]], files: dict[str, bytes] | None = None) -> Path:
    """An unzipped export: activities.csv, activities/..., plus the other files Strava puts there."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "activities.csv").write_bytes(csv_bytes(STRAVA_HEADER, rows))
    (folder / "profile.csv").write_text("Athlete ID,Email Address\n1,runner@example.org\n", encoding="utf-8")
    (folder / "routes").mkdir(exist_ok=True)
    (folder / "routes" / "1.gpx").write_text(gpx_route(), encoding="utf-8")
    for rel, data in (files or {}).items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return folder


def zip_folder(folder: Path, zip_path: Path) -> Path:
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return zip_path


def gpx_track(points: list[tuple[float, float, datetime]], kind: str | None = None) -> str:
    """A GPX 1.1 file with one timed track."""
    pts = "\n".join(
        f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><time>{t.strftime("%Y-%m-%dT%H:%M:%SZ")}</time></trkpt>'
        for lat, lon, t in points
    )
    type_tag = f"<type>{kind}</type>" if kind else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">\n'
        f"<trk><name>Run</name>{type_tag}<trkseg>\n{pts}\n</trkseg></trk></gpx>\n"
    )


def gpx_route() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1"><rte><rtept lat="46.0" lon="14.5"/>'
        '<rtept lat="46.01" lon="14.5"/></rte></gpx>\n'
    )


def straight_run(start: datetime, km: float, minutes: float, steps: int = 60) -> list[tuple[float, float, datetime]]:
    """Points due north from 46N 14.5E covering about ``km`` in ``minutes`` (1 deg latitude ~ 111.2 km)."""
    from datetime import timedelta

    return [
        (46.0 + km / 111.195 * i / steps, 14.5, start + timedelta(seconds=minutes * 60 * i / steps))
        for i in range(steps + 1)
    ]


GARMIN_HEADER = [
    "Activity Type", "Date", "Favorite", "Title", "Distance", "Calories", "Time", "Avg HR", "Max HR",
    "Aerobic TE", "Avg Run Cadence", "Max Run Cadence", "Avg Pace", "Best Pace", "Total Ascent",
    "Total Descent", "Avg Stride Length", "Training Stress Score®", "Moving Time", "Elapsed Time",
]  # fmt: skip


def garmin_row(kind: str, date: str, distance: str, time_text: str, calories: str = "412") -> list[str]:
    values = {"Activity Type": kind, "Date": date, "Favorite": "false", "Title": f"City {kind}"}
    values |= {"Distance": distance, "Calories": calories, "Time": time_text, "Avg HR": "--", "Max HR": "--"}
    values |= {"Moving Time": time_text, "Elapsed Time": time_text, "Total Ascent": "1,204"}
    return [values.get(name, "--") for name in GARMIN_HEADER]
