"""GPX: one recorded track per file becomes one run (gpxpy reads the XML).

- Distance: the 2-D length of the recorded tracks (gpxpy ``length_2d``: the sum of
  haversine/Vincenty distances between consecutive points, no elevation), the figure
  watch platforms show.
- Start: the first timed point. Duration: gpxpy's moving time (``get_moving_data``:
  time between points moving faster than 1 km/h), else the elapsed time.
- A track is a recording when at least 90 % of its points carry a time. Tracks without
  times are saved or drawn copies (Garmin units save the active log both ways) and
  are left out, with a warning when the file also has a recording.
- A file with only a route or waypoints, no track, or tracks without times or distance
  is skipped with that reason. A ``<type>`` other than running (or Strava's ``9``) is
  skipped as not a run; a file without a type is taken to be a run.
"""

from __future__ import annotations

from datetime import UTC, datetime

import gpxpy
import gpxpy.gpx

from journal.domain.entries import Run
from journal.domain.vocabulary import Surface
from journal.importers.records import ImportFileError, ParseResult
from journal.importers.values import decode_xml, utc_to_local, whole_seconds

TIMED_SHARE = 0.9


def _is_recording(track: gpxpy.gpx.GPXTrack) -> bool:
    points = [p for s in track.segments for p in s.points]
    return bool(points) and sum(1 for p in points if p.time is not None) >= TIMED_SHARE * len(points)


def _as_utc(moment: datetime) -> datetime:
    """GPX times are UTC (GPX 1.1 schema); a time written without a zone is read as UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _run_type(kind: str | None) -> tuple[bool, Surface | None]:
    """(is it a run?, surface) from a track's ``<type>``; no type counts as a run."""
    if not kind or not kind.strip():
        return True, None
    text = kind.strip().lower()
    if text == "9" or "run" in text:
        return True, Surface.TRAIL if "trail" in text else (Surface.TREADMILL if "treadmill" in text else None)
    return False, None


def parse_gpx(data: bytes, label: str) -> ParseResult:
    """Read a GPX file; ``label`` names it in the report and in ``Run.source_file``."""
    result = ParseResult()
    try:
        gpx = gpxpy.parse(decode_xml(data))
    except gpxpy.gpx.GPXException as exc:
        raise ImportFileError(f"not a readable GPX file ({exc})") from None
    tracks = [t for t in gpx.tracks if any(s.points for s in t.segments)]
    if not tracks:
        if gpx.routes:
            result.skip(label, "only a planned route, no recorded track")
        elif gpx.waypoints:
            result.skip(label, "only waypoints, no recorded track")
        else:
            result.skip(label, "no track in the file")
        return result
    recorded = [t for t in tracks if _is_recording(t)]
    if not recorded:
        result.skip(label, "the track has no times, so it does not say when it was run")
        return result
    if len(recorded) < len(tracks):
        left = len(tracks) - len(recorded)
        result.warn(label, f"{left} track{'s' if left > 1 else ''} without times left out (saved copies)")
    kind = next((t.type for t in recorded if t.type), None)
    is_run, surface = _run_type(kind)
    if not is_run:
        result.skip(label, f"not a run (type {kind!r})")
        return result
    times = [_as_utc(p.time) for t in recorded for s in t.segments for p in s.points if p.time is not None]
    start, end = min(times), max(times)
    distance = sum(t.length_2d() for t in recorded)
    if distance <= 0:
        result.skip(label, "the track has no distance (a single point)")
        return result
    moving = sum(t.get_moving_data().moving_time for t in recorded)
    duration = whole_seconds(moving) or whole_seconds((end - start).total_seconds())
    result.runs.append(
        Run(
            started_at=utc_to_local(start),
            distance_m=distance,
            duration_s=duration,
            surface=surface,
            source="gpx",
            source_file=label,
        )
    )
    return result
