"""Garmin Connect's ``Activities.csv`` (Activities > Export CSV): running activities become runs.

Columns are read by name: "Activity Type", "Date", "Distance", "Time" (else "Moving
Time", else "Elapsed Time"), "Title". The file does not say its distance unit (it
follows the account's setting), so the unit is chosen at import. Missing values are
``--``; numbers may carry thousands separators (``4,808``). "Date" is the local time
of the run, taken as it is. Running types are those with a word starting "run"
(Running, Trail Running, Treadmill Running, Track Running, Virtual Run...); the
type names the surface where it can. Garmin gives no activity id here, so
duplicates are recognised by start time and distance.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from datetime import datetime

from journal.domain.entries import Run
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import Surface
from journal.importers.records import ImportFileError, ParseResult
from journal.importers.text_lines import Opener, opener_of, read_csv_text
from journal.importers.values import parse_clock, parse_number, whole_seconds

REQUIRED = ("Activity Type", "Date", "Distance")
_RUN = re.compile(r"\brun", re.IGNORECASE)
SURFACE_WORDS = {
    "trail": Surface.TRAIL,
    "treadmill": Surface.TREADMILL,
    "indoor": Surface.TREADMILL,
    "track": Surface.TRACK,
}
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%Y-%m-%d")


def is_garmin_header(header: list[str]) -> bool:
    names = {h.strip().lstrip("\ufeff") for h in header}
    return all(name in names for name in REQUIRED)


def parse_garmin_date(text: str) -> datetime:
    """Garmin's local "Date" (``2021-03-14 08:03:12``); numeric formats only, so no locale is involved."""
    text = text.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date")


def _surface(kind: str) -> Surface | None:
    lowered = kind.lower()
    return next((s for word, s in SURFACE_WORDS.items() if word in lowered), None)


def parse_garmin_csv(data: bytes | Opener, label: str, units: DistanceUnit) -> ParseResult:
    """Read a Garmin Connect Activities.csv (bytes, or a function opening it) with distances in ``units``."""
    return read_csv_text(opener_of(data), lambda lines: _parse_lines(lines, label, units))


def _parse_lines(lines: Iterable[str], label: str, units: DistanceUnit) -> ParseResult:
    result = ParseResult()
    try:
        _read_rows(csv.DictReader(lines), result, label, units)
    except csv.Error as exc:
        raise ImportFileError(f"not a readable CSV file ({exc})") from None
    return result


def _read_rows(reader: csv.DictReader, result: ParseResult, label: str, units: DistanceUnit) -> None:
    if reader.fieldnames is None or not is_garmin_header(list(reader.fieldnames)):
        raise ImportFileError("not a Garmin Connect Activities.csv (no Activity Type / Date / Distance columns)")
    reader.fieldnames = [name.strip().lstrip("\ufeff") for name in reader.fieldnames]
    for line, row in enumerate(reader, start=2):
        values = {k: (v or "").strip() for k, v in row.items() if isinstance(k, str) and isinstance(v, str)}
        if not any(values.values()):
            continue
        kind = values.get("Activity Type", "")
        where = f"{label} (line {line}{', ' + values['Date'] if values.get('Date') else ''})"
        if not _RUN.search(kind):
            result.skip(where, f"not a run ({kind or 'no type'})")
            continue
        try:
            started_at = parse_garmin_date(values.get("Date", ""))
        except ValueError as exc:
            result.skip(where, str(exc))
            continue
        try:
            distance = parse_number(values.get("Distance"))
        except ValueError:
            result.skip(where, f"distance {values.get('Distance')!r} is not a number")
            continue
        if not distance or distance <= 0:
            result.skip(where, "no distance recorded")
            continue
        duration = None
        for column in ("Time", "Moving Time", "Elapsed Time"):
            try:
                duration = whole_seconds(parse_clock(values.get(column)))
            except ValueError:
                result.warn(where, f"{column} {values.get(column)!r} is not a time; left out")
                duration = None
            if duration is not None:
                break
        result.add(
            Run(
                started_at=started_at,
                distance_m=distance * units.metres,
                duration_s=duration,
                surface=_surface(kind),
                source="garmin",
                source_file=label,
            )
        )
