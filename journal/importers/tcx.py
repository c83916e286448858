"""TCX (Garmin Training Center XML): each ``Activity Sport="Running"`` becomes a run.

Read in one streaming pass through the guarded expat reader
(``journal.importers.xml_guard``), keeping a few figures per activity, so a file of
any length costs the same little memory. Elements are matched in the TCX namespace
(the root's own, else Garmin's TrainingCenterDatabase v2). Start time: the
activity's ``Id`` (an ISO time, UTC), else its first lap's ``StartTime``. Distance: the
sum of the laps' ``DistanceMeters`` (a lap without ``DistanceMeters`` counts its last
track point's cumulative distance), the file's own total. Duration: the elapsed time
(``journal.importers.duration``), from the start to the last recorded moment: the
later of the last track point's ``Time`` and the end of the last lap (its
``StartTime`` plus its ``TotalTimeSeconds``); the laps' ``TotalTimeSeconds`` are the
watch's timer, pauses left out, so they sum to less when the run was paused.
``Notes`` become the run's notes; the ``Id`` is the activity id used to recognise the
same activity again. Other sports are skipped.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import BinaryIO

from journal.domain.entries import Run
from journal.domain.validation import MAX_NOTES
from journal.importers.duration import elapsed_seconds
from journal.importers.records import FileNote, ImportFileError, ParseResult
from journal.importers.values import parse_iso_utc, parse_number, whole_seconds
from journal.importers.xml_guard import read_xml

NAMESPACE = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


def _number(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return parse_number(text)
    except ValueError:
        return None


@dataclass(slots=True)
class _Lap:
    distance: float | None = None
    seconds: float | None = None
    seen_distance: bool = False
    seen_seconds: bool = False
    track_distance: float | None = None

    @property
    def total_distance(self) -> float | None:
        return self.distance if self.distance is not None else self.track_distance


@dataclass(slots=True)
class _Activity:
    depth: int
    sport: str
    activity_id: str | None = None
    notes: str | None = None
    laps: int = 0
    first_lap_start: str = ""
    distance: float = 0.0
    seconds: float = 0.0
    lap: _Lap | None = None
    lap_start: str = ""
    last_lap_end: datetime | None = None
    last_point_time: str = ""
    negative_lap: bool = False
    open: dict[str, int] = field(default_factory=dict)  # element name -> its depth, while inside it


class _TcxReader:
    """The XmlEvents of a TCX file: each activity summed up as it ends."""

    def __init__(self, label: str, result: ParseResult) -> None:
        self.label, self.result = label, result
        self.ns: str | None = None
        self.activities = 0
        self.has_course = False
        self.activity: _Activity | None = None

    def start(self, depth: int, ns: str, name: str, attrs: dict[str, str]) -> bool:
        if depth == 1:
            if not name.endswith("TrainingCenterDatabase"):
                raise ImportFileError("not a TCX file (no TrainingCenterDatabase element)")
            self.ns = ns or NAMESPACE
            return False
        if ns != self.ns:
            return False
        a = self.activity
        if name == "Course":
            self.has_course = True
        if a is None:
            if name == "Activity":
                self.activities += 1
                self.activity = _Activity(depth, attrs.get("Sport", ""))
            return False
        relative = depth - a.depth
        if relative == 1:
            if name == "Lap":
                a.laps += 1
                a.lap_start = attrs.get("StartTime", "")
                if a.laps == 1:
                    a.first_lap_start = a.lap_start
                a.lap = _Lap()
                return False
            return (name == "Id" and a.activity_id is None) or (name == "Notes" and a.notes is None)
        lap = a.lap
        if lap is None:
            return False
        if relative == 2:
            a.open[name] = depth
            return (name == "DistanceMeters" and not lap.seen_distance) or (
                name == "TotalTimeSeconds" and not lap.seen_seconds
            )
        if relative == 3 and name == "Trackpoint" and a.open.get("Track") == depth - 1:
            a.open[name] = depth
        elif relative == 4 and name in ("DistanceMeters", "Time") and a.open.get("Trackpoint") == depth - 1:
            return True
        return False

    def end(self, depth: int, ns: str, name: str, text: str) -> None:
        a = self.activity
        if a is None or ns != self.ns:
            return
        relative = depth - a.depth
        if relative == 0 and name == "Activity":
            self._finish(a)
            self.activity = None
        elif relative == 1:
            if name == "Lap" and a.lap is not None:
                lap_distance = a.lap.total_distance
                if lap_distance is not None:
                    a.distance += lap_distance
                    a.negative_lap = a.negative_lap or lap_distance < 0
                if a.lap.seconds is not None:
                    a.seconds += a.lap.seconds
                    a.last_lap_end = _lap_end(a.lap_start, a.lap.seconds) or a.last_lap_end
                a.lap = None
                a.open.clear()
            elif name == "Id" and a.activity_id is None:
                a.activity_id = text.strip()
            elif name == "Notes" and a.notes is None:
                a.notes = text.strip()[:MAX_NOTES]
        elif a.lap is not None:
            lap = a.lap
            if relative == 2:
                a.open.pop(name, None)
                if name == "DistanceMeters" and not lap.seen_distance:
                    lap.seen_distance, lap.distance = True, _number(text)
                elif name == "TotalTimeSeconds" and not lap.seen_seconds:
                    lap.seen_seconds, lap.seconds = True, _number(text)
            elif relative == 3 and name == "Trackpoint":
                a.open.pop(name, None)
            elif relative == 4 and name == "Time":
                a.last_point_time = text
            elif relative == 4 and name == "DistanceMeters":
                value = _number(text)
                if value is not None and (lap.track_distance is None or value > lap.track_distance):
                    lap.track_distance = value

    def _finish(self, a: _Activity) -> None:
        number = self.activities
        where = f"{self.label} (activity {number})"
        if a.sport.strip().casefold() != "running":  # the schema writes "Running"; some tools "running"
            self.result.skip(where, f"not a run (sport {a.sport[:60] or 'not given'})")
            return
        activity_id = a.activity_id or ""
        started_at = None
        for text in (activity_id or a.first_lap_start, a.first_lap_start):
            try:
                started_at = parse_iso_utc(text)
                break
            except (ValueError, OverflowError):
                continue
        if started_at is None:
            given = (activity_id or a.first_lap_start).strip()
            why = f"its start time {given[:40]!r} is not a date a run can have" if given else "no start time"
            self.result.skip(where, why)
            return
        if a.negative_lap:
            self.result.skip(where, "a lap's distance is negative, so the file is damaged: its distance cannot be told")
            return
        if a.distance <= 0:
            self.result.skip(where, "no distance recorded")
            return
        self.result.add(
            Run(
                started_at=started_at,
                distance_m=a.distance,
                duration_s=whole_seconds(_elapsed(started_at, a)),
                notes=a.notes or "",
                source="tcx",
                source_id=activity_id[:200] or None,
                source_file=self.label,
            )
        )


def _time(text: str) -> datetime | None:
    try:
        return parse_iso_utc(text) if text else None
    except (ValueError, OverflowError):
        return None


def _lap_end(start: str, seconds: float) -> datetime | None:
    begun = _time(start)
    try:
        return begun + timedelta(seconds=seconds) if begun is not None else None
    except OverflowError:
        return None


def _elapsed(started_at: datetime, a: _Activity) -> float | None:
    """Start to the last recorded moment; the laps' timer total when the file records no end."""
    ends = [t for t in (_time(a.last_point_time.strip()), a.last_lap_end) if t is not None]
    return elapsed_seconds(started_at, max(ends)) if ends else (a.seconds or None)


def parse_tcx(data: bytes | BinaryIO, label: str) -> ParseResult:
    """Read a TCX file (bytes or a stream); ``label`` names it in the report and in ``Run.source_file``."""
    result = ParseResult()
    reader = _TcxReader(label, result)
    read_xml(io.BytesIO(data) if isinstance(data, bytes) else data, reader, "TCX")
    if reader.activities == 0:
        result.skip(
            label, "a course (a planned route), not an activity" if reader.has_course else "no activity in the file"
        )
    elif reader.activities == 1:  # one activity: the notes name the file alone
        result.skipped = [FileNote(label, note.message) for note in result.skipped]
    return result
