"""TCX (Garmin Training Center XML): each ``Activity Sport="Running"`` becomes a run.

Read with the standard library's ElementTree in the TCX namespace: the format is
small and fixed (Garmin's TrainingCenterDatabase v2 schema), so a dependency would
add nothing. Start time: the activity's ``Id`` (an ISO time, UTC), else its first
lap's ``StartTime``. Distance and duration: the sums of the laps' ``DistanceMeters``
and ``TotalTimeSeconds`` (a lap without ``DistanceMeters`` counts its last track
point's cumulative distance). ``Notes`` become the run's notes; the ``Id`` is the
activity id used to recognise the same activity again. Other sports are skipped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from journal.domain.entries import Run
from journal.importers.records import ImportFileError, ParseResult
from journal.importers.values import decode_xml, parse_iso_utc, parse_number, whole_seconds

NAMESPACE = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"


def _number(element: ET.Element | None) -> float | None:
    if element is None or element.text is None:
        return None
    try:
        return parse_number(element.text)
    except ValueError:
        return None


def _lap_distance(lap: ET.Element, ns: dict[str, str]) -> float | None:
    distance = _number(lap.find("t:DistanceMeters", ns))
    if distance is not None:
        return distance
    points = [_number(e) for e in lap.iterfind("t:Track/t:Trackpoint/t:DistanceMeters", ns)]
    return max((p for p in points if p is not None), default=None)


def parse_tcx(data: bytes, label: str) -> ParseResult:
    """Read a TCX file; ``label`` names it in the report and in ``Run.source_file``."""
    result = ParseResult()
    try:
        root = ET.fromstring(decode_xml(data))
    except ET.ParseError as exc:
        raise ImportFileError(f"not a readable TCX file (XML error: {exc})") from None
    if not root.tag.endswith("TrainingCenterDatabase"):
        raise ImportFileError("not a TCX file (no TrainingCenterDatabase element)")
    ns = {"t": root.tag[1:].split("}")[0] if root.tag.startswith("{") else NAMESPACE}
    activities = root.findall(".//t:Activity", ns)
    if not activities:
        has_course = root.find(".//t:Course", ns) is not None
        result.skip(label, "a course (a planned route), not an activity" if has_course else "no activity in the file")
        return result
    for number, activity in enumerate(activities, start=1):
        where = label if len(activities) == 1 else f"{label} (activity {number})"
        sport = activity.get("Sport", "")
        if sport != "Running":
            result.skip(where, f"not a run (sport {sport or 'not given'})")
            continue
        activity_id = (activity.findtext("t:Id", default="", namespaces=ns) or "").strip()
        laps = activity.findall("t:Lap", ns)
        start_text = activity_id or (laps[0].get("StartTime", "") if laps else "")
        try:
            started_at = parse_iso_utc(start_text)
        except ValueError:
            try:
                started_at = parse_iso_utc(laps[0].get("StartTime", "")) if laps else None
            except ValueError:
                started_at = None
        if started_at is None:
            result.skip(where, "no start time")
            continue
        distances = [_lap_distance(lap, ns) for lap in laps]
        distance = sum(d for d in distances if d is not None)
        if distance <= 0:
            result.skip(where, "no distance recorded")
            continue
        seconds = [_number(lap.find("t:TotalTimeSeconds", ns)) for lap in laps]
        result.runs.append(
            Run(
                started_at=started_at,
                distance_m=distance,
                duration_s=whole_seconds(sum(s for s in seconds if s is not None)),
                notes=(activity.findtext("t:Notes", default="", namespaces=ns) or "").strip(),
                source="tcx",
                source_id=activity_id or None,
                source_file=label,
            )
        )
    return result
