"""GPX: one recorded track per file becomes one run, read in one streaming pass with gpxpy's formulas.

The file is streamed through the guarded expat reader (``journal.importers.xml_guard``:
no tree is built, so a GPX of any length costs the same few kilobytes) and each
track is summed up point by point; the figures are gpxpy's own, computed with its
functions (``gpxpy.geo.distance``, ``gpxpy.gpxfield.parse_time``) on the same pairs
of points in the same order, so they equal what ``gpxpy.parse`` gives:

- Distance: the 2-D length of the recorded tracks (gpxpy ``length_2d``: the sum of
  the distances between consecutive points of each segment, no elevation), the
  figure watch platforms show.
- Start: the first timed point. Duration: the elapsed time, the last timed point
  minus the first (gpxpy's ``get_time_bounds``), the one definition every format
  follows (``journal.importers.duration``).
- A track is a recording when at least 90 % of its points carry a time. Tracks without
  times are saved or drawn copies (Garmin units save the active log both ways) and
  are left out, with a warning when the file also has a recording.
- A file with only a route or waypoints, no track, or tracks without times or distance
  is skipped with that reason. A ``<type>`` other than running (or Strava's ``9``) is
  skipped as not a run; a file without a type is taken to be a run.

As in gpxpy, elements are matched in the file's own (default) namespace, a point's
first ``<ele>`` and ``<time>`` count, a time that cannot be read counts as none, and a
point without a readable ``lat``/``lon`` or ``<ele>`` makes the file unreadable.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from gpxpy.geo import distance as gpxpy_distance
from gpxpy.gpxfield import parse_time

from journal.domain.entries import Run
from journal.domain.vocabulary import Surface
from journal.importers.duration import elapsed_seconds
from journal.importers.records import ImportFileError, ParseResult
from journal.importers.values import utc_to_local, whole_seconds
from journal.importers.xml_guard import read_xml

TIMED_SHARE = 0.9
ROOT, CHILD, SEGMENT, POINT, POINT_FIELD = 1, 2, 3, 4, 5
"""Depths: <gpx>, <trk>/<rte>/<wpt>, <trkseg>/<type>, <trkpt>, <ele>/<time>."""


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


@dataclass(slots=True)
class _Point:
    lat: float
    lon: float
    ele: float | None = None
    time: datetime | None = None
    has_ele: bool = False
    has_time: bool = False


@dataclass(slots=True)
class _Track:
    """One track, summed up as its points stream by (gpxpy's ``length_2d`` and ``get_time_bounds``)."""

    kind: str | None = None
    has_kind: bool = False
    points: int = 0
    timed: int = 0
    length: float = 0.0
    segment_length: float = 0.0
    previous: _Point | None = None
    start: datetime | None = None
    end: datetime | None = None

    def start_segment(self) -> None:
        self.segment_length = 0.0
        self.previous = None

    def end_segment(self) -> None:
        if self.segment_length:
            self.length += self.segment_length
        self.previous = None

    def add(self, point: _Point) -> None:
        self.points += 1
        if point.time is not None:
            self.timed += 1
            self.start = point.time if self.start is None else min(self.start, point.time)
            self.end = point.time if self.end is None else max(self.end, point.time)
        prev = self.previous
        self.previous = point
        if prev is None:
            return
        flat = gpxpy_distance(point.lat, point.lon, None, prev.lat, prev.lon, None)
        if flat:
            self.segment_length += flat

    @property
    def is_recording(self) -> bool:
        return self.points > 0 and self.timed >= TIMED_SHARE * self.points


@dataclass(slots=True)
class _Recorded:
    """The recorded tracks of a file, folded together in file order as each one ends."""

    tracks: int = 0
    kind: str | None = None
    length: float = 0.0
    start: datetime | None = None
    end: datetime | None = None

    def add(self, track: _Track) -> None:
        self.tracks += 1
        self.kind = self.kind or track.kind
        self.length += track.length
        if track.start is not None and track.end is not None:
            self.start = track.start if self.start is None else min(self.start, track.start)
            self.end = track.end if self.end is None else max(self.end, track.end)


class _GpxReader:
    """The XmlEvents of a GPX file: each track summed up as it ends; routes and waypoints counted."""

    def __init__(self) -> None:
        self.ns: str | None = None
        self.with_points = 0
        self.recorded = _Recorded()
        self.routes = 0
        self.waypoints = 0
        self.track: _Track | None = None
        self.point: _Point | None = None
        self.in_segment = False

    def _ours(self, ns: str) -> bool:
        return ns == self.ns

    def start(self, depth: int, ns: str, name: str, attrs: dict[str, str]) -> bool:
        if depth == ROOT:
            self.ns = ns
            return False
        if not self._ours(ns):
            return False
        if depth == CHILD:
            if name == "trk":
                self.track = _Track()
            elif name == "rte":
                self.routes += 1
            elif name == "wpt":
                self.waypoints += 1
        elif depth == SEGMENT and self.track is not None:
            if name == "trkseg":
                self.in_segment = True
                self.track.start_segment()
            return name == "type" and not self.track.has_kind
        elif depth == POINT and self.in_segment and name == "trkpt":
            self.point = _Point(_coordinate(attrs, "lat"), _coordinate(attrs, "lon"))
        elif depth == POINT_FIELD and self.point is not None:
            return (name == "ele" and not self.point.has_ele) or (name == "time" and not self.point.has_time)
        return False

    def end(self, depth: int, ns: str, name: str, text: str) -> None:
        if depth == ROOT or not self._ours(ns):
            return
        if depth == CHILD and name == "trk" and self.track is not None:
            if self.track.points:
                self.with_points += 1
                if self.track.is_recording:
                    self.recorded.add(self.track)
            self.track = None
        elif depth == SEGMENT and self.track is not None:
            if name == "trkseg":
                self.track.end_segment()
                self.in_segment = False
            elif name == "type" and not self.track.has_kind:
                self.track.has_kind = True
                self.track.kind = text or None
        elif depth == POINT and name == "trkpt" and self.point is not None and self.track is not None:
            self.track.add(self.point)
            self.point = None
        elif depth == POINT_FIELD and self.point is not None:
            if name == "ele" and not self.point.has_ele:
                self.point.has_ele = True
                self.point.ele = _elevation(text)
            elif name == "time" and not self.point.has_time:
                self.point.has_time = True
                self.point.time = _time(text)


def _coordinate(attrs: dict[str, str], name: str) -> float:
    text = attrs.get(name)
    try:
        value = float(text.strip()) if text is not None else None
    except ValueError:
        value = None
    if value is None or not math.isfinite(value):
        raise ImportFileError(f"not a readable GPX file (a track point has no valid {name!r})")
    return value


def _elevation(text: str) -> float | None:
    if not text:
        return None
    try:
        return float(text.strip())
    except ValueError:
        raise ImportFileError(f"not a readable GPX file (<ele> {text[:40]!r} is not a number)") from None


def _time(text: str) -> datetime | None:
    try:
        moment = parse_time(text)
    except Exception:  # gpxpy reads a time it cannot parse as no time
        return None
    return _as_utc(moment) if moment is not None else None


def parse_gpx(data: bytes | BinaryIO, label: str) -> ParseResult:
    """Read a GPX file (bytes or a stream); ``label`` names it in the report and in ``Run.source_file``."""
    result = ParseResult()
    reader = _GpxReader()
    read_xml(io.BytesIO(data) if isinstance(data, bytes) else data, reader, "GPX")
    recorded = reader.recorded
    if not reader.with_points:
        if reader.routes:
            result.skip(label, "only a planned route, no recorded track")
        elif reader.waypoints:
            result.skip(label, "only waypoints, no recorded track")
        else:
            result.skip(label, "no track in the file")
        return result
    if not recorded.tracks or recorded.start is None or recorded.end is None:
        result.skip(label, "the track has no times, so it does not say when it was run")
        return result
    if recorded.tracks < reader.with_points:
        left = reader.with_points - recorded.tracks
        result.warn(label, f"{left} track{'s' if left > 1 else ''} without times left out (saved copies)")
    is_run, surface = _run_type(recorded.kind)
    if not is_run:
        result.skip(label, f"not a run (type {(recorded.kind or '')[:60]!r})")
        return result
    start, end, distance = recorded.start, recorded.end, recorded.length
    if not distance > 0 or not math.isfinite(distance):
        result.skip(
            label, "the track covers no distance (a single point, or points that never move: an indoor recording)"
        )
        return result
    duration = whole_seconds(elapsed_seconds(start, end))
    try:
        started_at = utc_to_local(start)
    except ValueError as exc:
        result.skip(label, str(exc))
        return result
    result.runs.append(
        Run(
            started_at=started_at,
            distance_m=distance,
            duration_s=duration,
            surface=surface,
            source="gpx",
            source_file=label,
        )
    )
    return result
