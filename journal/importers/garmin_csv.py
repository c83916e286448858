"""Garmin Connect's ``Activities.csv`` (Activities > Export CSV), in any language: running activities become runs.

Columns are read by role, in every language Garmin Connect exports
(``journal.importers.garmin_languages``, with the source of each language's names):
the activity type, the date, the distance, the duration (elapsed time, else time, else
moving time: ``journal.importers.duration``). Missing values are ``--``; numbers may
carry thousands separators (``4,808``). The date is the local time of the run, taken as
it is: Garmin writes ``2021-03-14 08:03:12``. A file re-saved by a spreadsheet may carry
``14.03.2021 08:03`` (always day first) or ``14/03/2021 08:03`` / ``3/14/2021 8:03``,
whose order depends on the spreadsheet's language: it is taken from the file's own
dates (a first number over 12 shows day-first, a second over 12 month-first), and when
the file does not show it (every day 12 or under, or both orders) those rows are skipped
with the reason, never guessed (``slash_order``). Running types are recognised in every language (Running, Laufen, Løb,
Course à pied, Trail Running, Laufband...); the type names the surface where it can.
Garmin gives no activity id here, so duplicates are recognised by time.

The distance unit. The file follows the account's setting and usually does not say
it. It is taken, in this order, from: unit words in the header (``Distance (mi)``,
``Avg Pace (min/km)``, ``mph``); the unit chosen at import; the speeds of the file's
runs when they are plausible in one unit only (``speed_unit``: computed from the moving
or timer time where the file has one, as a stop in the elapsed time makes a run look
like a walk). Otherwise the file is not read and the report says the unit must be
chosen: a distance is never guessed.
"""

from __future__ import annotations

import csv
import re
import statistics
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from journal.domain.entries import Run
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import Surface
from journal.importers.garmin_languages import (
    COLUMN_ROLES,
    DATE,
    DISTANCE,
    DURATION_ROLES,
    MOVING,
    REQUIRED_ROLES,
    ROLE_WORDS,
    TIME,
    TYPE,
    is_running_type,
    language_of,
    normal,
    surface_word,
)
from journal.importers.records import MAX_RUNS, ImportFileError, ParseResult
from journal.importers.text_lines import Opener, header_and_rows, opener_of, read_csv_text
from journal.importers.values import parse_clock, parse_number, whole_seconds

DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y")
"""Garmin's own format, and the dotted day-first one of a spreadsheet in German, Polish, Russian... (never
month-first). Slashed dates are read by ``slash_order``."""
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")
DAY_FIRST, MONTH_FIRST = "day-first", "month-first"
SURFACES = {"trail": Surface.TRAIL, "treadmill": Surface.TREADMILL, "track": Surface.TRACK}
UNIT_UNKNOWN = (
    "its distances carry no unit and the file does not show whether they are kilometres or miles: "
    "choose the unit at import (in the command line: --units km or --units mi)"
)
_MILES = re.compile(r"(?<![a-z])(mi|miles?|mph)(?![a-z])|/mi(?![a-z])")
_KILOMETRES = re.compile(r"(?<![a-z])(km|kms|kilomet\w*|kph|km/h)(?![a-z])|/km(?![a-z])")
RUNNING_KMH = (3.0, 22.0)
"""Plausible average speeds of a run, km/h. 3 (20 min/km) is slower than the slowest "running" seen in a real
export: a Portuguese Garmin Connect export in a public importer's tests has a "Corrida" of 2.49 km in 44:07 of
moving time (3.4 km/h, 17:46 min/km), and this app's runners, with back or hamstring pain, may well walk-run that
slowly (with 4 km/h, such a file of kilometres was read as miles, 2.49 km as 4.01). 22 (2:44 min/km) is faster than
the marathon world record (2:00:35, 21.0 km/h; World Athletics). A file's median speed outside this range in one
unit but inside it in the other shows the unit."""
MIN_RUN_FOR_SPEED = (1.0, 600.0)
"""Rows used for the speed check: at least 1 unit and 10 minutes (short or stopped recordings say little)."""


def garmin_columns(header: list[str]) -> dict[str, int]:
    """Each role's column position (the first column of that role), in whatever language the header is."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        role = COLUMN_ROLES.get(normal(cell))
        if role is not None and role not in found:
            found[role] = i
    return found


def is_garmin_header(header: list[str]) -> bool:
    columns = garmin_columns(header)
    return all(role in columns for role in REQUIRED_ROLES)


def looks_like_garmin(header: list[str]) -> bool:
    """Two of the three needed columns are there: a Garmin export with one needed column missing."""
    columns = garmin_columns(header)
    return sum(role in columns for role in REQUIRED_ROLES) >= 2


def missing_roles(header: list[str]) -> list[str]:
    """What a Garmin header lacks, in words ("the distance")."""
    columns = garmin_columns(header)
    return [ROLE_WORDS[role] for role in REQUIRED_ROLES if role not in columns]


def header_unit(header: list[str]) -> DistanceUnit | None:
    """The unit the header's own words give (``Distance (mi)``, ``Avg Pace (min/km)``); None when none or both."""
    text = " | ".join(cell.casefold() for cell in header)
    miles, kilometres = bool(_MILES.search(text)), bool(_KILOMETRES.search(text))
    if miles == kilometres:
        return None
    return DistanceUnit.MI if miles else DistanceUnit.KM


def parse_garmin_date(text: str, order: str | None = None) -> datetime:
    """Garmin's local "Date" (``2021-03-14 08:03:12``), or a spreadsheet's ``14.03.2021 08:03``; a slashed
    date (``14/03/2021``) only in the ``order`` given (``DAY_FIRST`` or ``MONTH_FIRST``). Raises ValueError."""
    text = text.strip()
    slashed = _SLASHED.match(text)
    if slashed:
        first, second, year, hour, minute, second_s = slashed.groups()
        if order is None:
            raise ValueError(
                f"{text!r} could be read day-first or month-first, and the file's dates do not show which "
                "(a spreadsheet re-saved it): export Activities.csv from Garmin Connect again"
            )
        day, month = (first, second) if order == DAY_FIRST else (second, first)
        try:
            return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second_s or 0))
        except ValueError:
            raise ValueError(f"{text!r} is not a date") from None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date")


def slash_order(texts: Iterable[str]) -> str | None:
    """``DAY_FIRST`` or ``MONTH_FIRST`` when the slashed dates among ``texts`` show one order (a first number over
    12, or a second one), None when they show neither or both (then their order is not guessed)."""
    day_first = month_first = False
    for text in texts:
        slashed = _SLASHED.match(text.strip())
        if slashed:
            first, second = int(slashed.group(1)), int(slashed.group(2))
            day_first = day_first or first > 12
            month_first = month_first or second > 12
    if day_first == month_first:
        return None
    return DAY_FIRST if day_first else MONTH_FIRST


@dataclass(slots=True)
class _Row:
    where: str
    date_text: str
    distance: float
    duration: int | None
    moving: int | None
    """The moving or timer time, when the file has one (for the speed that shows the unit)."""
    kind: str
    started_at: datetime | None = None


def speed_unit(rows: list[tuple[float, int | None]]) -> tuple[DistanceUnit | None, str]:
    """The unit in which the runs' median speed is plausible, when only one is; (None, "") otherwise.

    ``rows``: (distance in the file's unit, seconds). Median over runs of at least
    ``MIN_RUN_FOR_SPEED``; plausible means within ``RUNNING_KMH``.
    """
    speeds = [d / (s / 3600) for d, s in rows if s and d >= MIN_RUN_FOR_SPEED[0] and s >= MIN_RUN_FOR_SPEED[1]]
    if not speeds:
        return None, ""
    median = statistics.median(speeds)
    low, high = RUNNING_KMH
    as_km, as_mi = median, median * DistanceUnit.MI.metres / 1000
    km_ok, mi_ok = low <= as_km <= high, low <= as_mi <= high
    if km_ok == mi_ok:
        return None, ""
    unit = DistanceUnit.KM if km_ok else DistanceUnit.MI
    return unit, (
        f"the runs' median speed is {as_km:.1f} km/h if the distances are kilometres and {as_mi:.1f} km/h if they "
        f"are miles; only {'kilometres' if km_ok else 'miles'} make it a running speed ({low:g}-{high:g} km/h)"
    )


def parse_garmin_csv(data: bytes | Opener, label: str, units: DistanceUnit | None) -> ParseResult:
    """Read a Garmin Connect Activities.csv (bytes, or a function opening it); ``units`` is the unit chosen at
    import, None when none was (the file's own header or speeds may still show it)."""
    return read_csv_text(opener_of(data), lambda lines: _parse_lines(lines, label, units))


def _parse_lines(lines: Iterable[str], label: str, units: DistanceUnit | None) -> ParseResult:
    result = ParseResult()
    try:
        header, reader, delimiter = header_and_rows(lines, is_garmin_header)
        if header is None or not is_garmin_header(header):
            lacking = ", ".join(missing_roles(header or []))
            raise ImportFileError(f"not a Garmin Connect Activities.csv (no column for {lacking})")
        rows = _read_rows(reader, garmin_columns(header), result, label, decimal_comma=delimiter == ";")
    except csv.Error as exc:
        raise ImportFileError(f"not a readable CSV file ({exc})") from None
    if not rows:
        if not result.skipped:
            result.skip(label, "no activities in the file (it holds only its header)")
        return result
    unit = _choose_unit(header, rows, units, result, label)
    if unit is None:
        result.skip(label, UNIT_UNKNOWN)
        result.unit_unknown = True
        return result
    for row in rows:
        assert row.started_at is not None
        result.add(
            Run(
                started_at=row.started_at,
                distance_m=row.distance * unit.metres,
                duration_s=row.duration,
                surface=SURFACES.get(surface_word(row.kind) or ""),
                source="garmin",
                source_file=label,
            )
        )
    return result


def _choose_unit(
    header: list[str], rows: list[_Row], units: DistanceUnit | None, result: ParseResult, label: str
) -> DistanceUnit | None:
    """The header's unit, else the chosen one, else the speeds' (each said in the report when it decides)."""
    language = language_of(header)
    said = header_unit(header)
    if said is not None:
        if units is not None and units is not said:
            result.warn(label, f"distances read in {said.value}, as the file's header says, not in {units.value}")
        else:
            result.warn(label, f"distances read in {said.value}, as the file's header says")
        return said
    if units is not None:
        return units
    guessed, why = speed_unit([(r.distance, r.moving or r.duration) for r in rows])
    if guessed is not None:
        result.warn(label, f"distances read in {guessed.value}: {why}")
    elif language is not None and language.name != "English":
        result.warn(label, f"read as a {language.name} Garmin Connect export")
    return guessed


def _read_rows(
    reader: Iterable[list[str]], columns: dict[str, int], result: ParseResult, label: str, decimal_comma: bool = False
) -> list[_Row]:
    """The running rows; ``decimal_comma``: the file was re-saved by a spreadsheet that writes ``10,02``."""

    def cell(row: list[str], role: str) -> str:
        at = columns.get(role)
        return row[at].strip() if at is not None and at < len(row) else ""

    rows: list[_Row] = []
    for line, row in enumerate(reader, start=2):
        if not any(c.strip() for c in row):
            continue
        kind, date_text = cell(row, TYPE), cell(row, DATE)
        where = f"{label} (line {line}{', ' + date_text[:40] if date_text else ''})"
        if not is_running_type(kind):
            result.skip(where, f"not a run ({kind[:60] or 'no type'})")
            continue
        try:
            distance = parse_number(cell(row, DISTANCE), decimal_comma)
        except ValueError:
            result.skip(where, f"distance {cell(row, DISTANCE)[:40]!r} is not a number")
            continue
        if not distance or distance <= 0:
            result.skip(where, "no distance recorded")
            continue
        if len(rows) >= MAX_RUNS:
            raise ImportFileError(
                f"holds over {MAX_RUNS:,} runs, more than any activity export; nothing of it was read"
            )
        duration = _duration(row, columns, cell, result, where, DURATION_ROLES)
        moving = _duration(row, columns, cell, None, where, (MOVING, TIME))
        rows.append(_Row(where, date_text, distance, duration, moving, kind))
    order = slash_order(r.date_text for r in rows)
    dated: list[_Row] = []
    for r in rows:
        try:
            r.started_at = parse_garmin_date(r.date_text, order)
        except ValueError as exc:
            result.skip(r.where, str(exc))
            continue
        dated.append(r)
    return dated


def _duration(
    row: list[str],
    columns: dict[str, int],
    cell: Callable[[list[str], str], str],
    result: ParseResult | None,
    where: str,
    roles: tuple[str, ...],
) -> int | None:
    """The first of ``roles`` that holds a time; when none does and one could not be read, one warning."""
    unreadable = ""
    for role in roles:
        if role not in columns:
            continue
        text = cell(row, role)
        try:
            seconds = whole_seconds(parse_clock(text))
        except ValueError:
            unreadable = unreadable or text
            continue
        if seconds is not None:
            return seconds
    if unreadable and result is not None:
        result.warn(where, f"time {unreadable[:40]!r} is not a time; the duration is left out")
    return None
