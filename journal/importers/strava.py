"""A Strava bulk export: ``activities.csv`` lists every activity; Run, Trail Run and Virtual Run are imported.

The quirks of the file, as Strava writes it:

- Several column names repeat ("Elapsed Time", "Distance", "Max Heart Rate",
  "Relative Effort", "Commute"), so columns are read by position: the FIRST
  "Distance" is in the account's unit (km or mi, the file does not say), the LATER
  one in metres; the later "Elapsed Time" and "Moving Time" are seconds.
- Some header cells are HTML fragments (``<span class="translation_missing" ...>Start
  Time</span>``): tags are removed and entities unescaped before matching names.
- "Activity Date" is UTC, written like ``Jan 4, 2020, 2:57:37 PM`` (US) or
  ``4 Jan 2020, 14:57:37`` (other locales); it is converted to local time as every
  importer does (``journal.importers.values``).
- The export is written in the account's language (``journal.importers.strava_languages``:
  German and French, with their sources): translated column names are read as the
  English ones they stand for, the dates as that language writes them
  (``20.09.2026, 14:12:12``, ``4 janv. 2020, 14:57:37``), and the first Distance with
  its decimal comma.

What becomes what: distance = the metres column, else the first Distance x the unit
chosen at import; duration = Elapsed Time (seconds), else Moving Time: elapsed time is
the one definition of duration for every format (``journal.importers.duration``),
although Strava shows moving time for runs; "Perceived Exertion" (1-10) =
effort; "Activity Gear" = the run's shoes (created when new); "Activity Description"
and "Activity Private Note" = notes; "Trail Run" = trail, "Virtual Run" = treadmill.
"Filename" points at the activity's own file in the export; it is read only when the
row lacks a start, a distance or a duration, and fills those.
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime

from journal.domain.entries import Run
from journal.domain.units import DistanceUnit
from journal.domain.validation import MAX_NOTES
from journal.importers.records import ImportFileError, ParseResult
from journal.importers.strava_languages import COLUMNS, RUN_TYPES, month_number
from journal.importers.text_lines import Opener, header_and_rows, opener_of, read_csv_text
from journal.importers.values import effort_from_scale, parse_number, utc_to_local, whole_seconds

REQUIRED = ("Activity ID", "Activity Date", "Activity Type")

_MONTH_FIRST = re.compile(r"^([A-Za-z]+)\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp]\.?[Mm]\.?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})\.? ([^\W\d_]+)\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp]\.?[Mm]\.?)?$")
_NUMERIC_DAY_FIRST = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?$")

ActivityReader = Callable[[str], ParseResult | None]
"""Reads the export's file at a relative path ("activities/123.fit.gz"); None when it is not there."""


def clean_header(cell: str) -> str:
    """A header cell without HTML tags, entities or extra spaces, named in English (a translated name is read as
    the English one it stands for, ``strava_languages.COLUMNS``)."""
    name = " ".join(html.unescape(re.sub(r"<[^>]*>", "", cell)).replace("\ufeff", "").split())
    return COLUMNS.get(unicodedata.normalize("NFC", name), name)


def is_translated(header: list[str]) -> bool:
    """The export is in another language than English (its first Distance then has that language's decimal
    mark)."""
    return any(unicodedata.normalize("NFC", " ".join(h.split())) in COLUMNS for h in header)


def is_strava_header(header: list[str]) -> bool:
    names = {clean_header(h) for h in header}
    return all(name in names for name in REQUIRED)


def parse_strava_date(text: str) -> datetime:
    """Strava's "Activity Date" (UTC) as naive local time. Raises ValueError for anything else.

    Month names are matched by hand, not with ``strptime("%b")``, which follows the C locale.
    """
    text = " ".join(text.replace("\u202f", " ").split())
    match = _MONTH_FIRST.match(text)
    if match:
        month_name, day, year, hour, minute, second, ampm = match.groups()
    elif match := _DAY_FIRST.match(text):
        day, month_name, year, hour, minute, second, ampm = match.groups()
    elif match := _NUMERIC_DAY_FIRST.match(text):
        day, month_text, year, hour, minute, second = match.groups()
        try:
            return utc_to_local(
                datetime(int(year), int(month_text), int(day), int(hour), int(minute), int(second or 0))
            )
        except ValueError:
            raise ValueError(f"{text!r} is not a date Strava writes") from None
    else:
        try:
            return utc_to_local(datetime.fromisoformat(text))
        except ValueError:
            raise ValueError(f"{text!r} is not a date Strava writes") from None
    month = month_number(month_name)
    if month is None:
        raise ValueError(f"{text!r}: unknown month {month_name!r}")
    h = int(hour)
    if ampm:
        if not 1 <= h <= 12:
            raise ValueError(f"{text!r}: hour {h} with AM/PM")
        h = h % 12 + (12 if ampm[0].lower() == "p" else 0)
    return utc_to_local(datetime(int(year), month, int(day), h, int(minute), int(second or 0)))


class _Columns:
    """Column positions by cleaned name; ``first``/``last`` pick among repeated names."""

    def __init__(self, header: list[str]) -> None:
        self.positions: dict[str, list[int]] = {}
        for i, cell in enumerate(header):
            self.positions.setdefault(clean_header(cell), []).append(i)

    def first(self, row: list[str], name: str) -> str:
        found = self.positions.get(name)
        return row[found[0]].strip() if found and found[0] < len(row) else ""

    def later(self, row: list[str], name: str) -> str:
        """The second (or later) column of a repeated name; "" when the name does not repeat."""
        found = self.positions.get(name, [])
        return row[found[-1]].strip() if len(found) > 1 and found[-1] < len(row) else ""


def _number(text: str, decimal_comma: bool = False) -> float | None:
    try:
        return parse_number(text, decimal_comma)
    except ValueError:
        return None


def parse_strava_csv(
    data: bytes | Opener, label: str, units: DistanceUnit, read_activity: ActivityReader | None = None
) -> ParseResult:
    """Read ``activities.csv`` (bytes, or a function opening it), row by row.

    ``units`` is the account's unit for the first Distance column.
    """
    return read_csv_text(opener_of(data), lambda lines: _parse_rows(lines, label, units, read_activity))


def _parse_rows(
    lines: Iterable[str], label: str, units: DistanceUnit, read_activity: ActivityReader | None
) -> ParseResult:
    result = ParseResult()
    try:
        header, rows, delimiter = header_and_rows(lines, is_strava_header)
        if header is None or not is_strava_header(header):
            raise ImportFileError(
                "not a Strava activities.csv (no Activity ID / Activity Date / Activity Type columns)"
            )
        _read_rows(rows, _Columns(header), result, label, units, read_activity, delimiter == ";", is_translated(header))
    except csv.Error as exc:
        raise ImportFileError(f"not a readable CSV file ({exc})") from None
    return result


def _read_rows(
    rows: Iterable[list[str]],
    cols: _Columns,
    result: ParseResult,
    label: str,
    units: DistanceUnit,
    read_activity: ActivityReader | None,
    decimal_comma: bool = False,
    translated: bool = False,
) -> None:
    """``decimal_comma``: the file was re-saved by a spreadsheet that writes ``10,02`` (fields separated by
    semicolons); ``translated``: an export in another language, whose first Distance has a decimal comma."""
    fallback_unit_used = False
    for row in rows:
        if not any(cell.strip() for cell in row):
            continue
        activity_id = cols.first(row, "Activity ID")
        where = f"{label} (activity {activity_id or '?'})"
        kind = unicodedata.normalize("NFC", cols.first(row, "Activity Type"))
        if kind not in RUN_TYPES:
            result.skip(where, f"not a run ({kind or 'no type'})")
            continue
        problems: list[str] = []
        try:
            started_at: datetime | None = parse_strava_date(cols.first(row, "Activity Date"))
        except ValueError as exc:
            started_at, problems = None, [str(exc)]
        later = cols.later(row, "Distance")
        distance = _number(later, decimal_comma) or (_number(later, True) if translated else None)
        if not distance:
            first = _number(cols.first(row, "Distance"), decimal_comma or translated)
            distance = first * units.metres if first else None
            fallback_unit_used = fallback_unit_used or bool(first)
        duration = whole_seconds(
            _number(cols.later(row, "Elapsed Time"))
            or _number(cols.first(row, "Elapsed Time"))
            or _number(cols.first(row, "Moving Time"))
        )
        effort = effort_from_scale(_number(cols.first(row, "Perceived Exertion")))
        filename = cols.first(row, "Filename")
        if (started_at is None or not distance or duration is None) and filename and read_activity is not None:
            own = read_activity(filename)
            for note in own.warnings if own is not None else ():
                result.warn(note.file, note.message)
            if own is not None and own.runs:
                found = own.runs[0]
                started_at = started_at or found.started_at
                distance = distance or found.distance_m
                duration = duration or found.duration_s
                effort = effort or found.effort
            elif own is None:
                result.warn(where, f"its file {filename} is not in the export")
        if started_at is None:
            result.skip(where, problems[0] if problems else "no start date")
            continue
        if not distance or distance <= 0:
            result.skip(where, "no distance recorded")
            continue
        notes = "\n\n".join(
            text for text in (cols.first(row, "Activity Description"), cols.first(row, "Activity Private Note")) if text
        )[:MAX_NOTES]
        result.add(
            Run(
                started_at=started_at,
                distance_m=distance,
                duration_s=duration,
                effort=effort,
                surface=RUN_TYPES[kind],
                shoe=cols.first(row, "Activity Gear") or None,
                notes=notes,
                source="strava",
                source_id=activity_id or None,
                source_file=label,
            )
        )
    if fallback_unit_used:
        result.warn(label, f"some distances had no metres column and were read in {units.value}")
