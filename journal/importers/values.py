"""Reading the values activity files hold: times, numbers, durations, text encodings.

Times. The journal keeps naive local wall-clock times (see ``journal.domain.entries``).
GPX, TCX, FIT and Strava's activities.csv give UTC; every importer converts them with
``utc_to_local``, i.e. with THIS computer's time-zone rules for the date of the run
(daylight saving included, from the operating system's zone database). One rule for
all sources keeps a Strava CSV row and the FIT file of the same run at the same local
time, which the duplicate check relies on. A run recorded while travelling therefore
shows at home time. Naive times in GPX/TCX are UTC by those formats' specifications.
Garmin Connect's Activities.csv already gives local times and is taken as it is.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

MISSING = {"", "--", "-", "n/a", "na", "null", "none"}


def utc_to_local(moment: datetime) -> datetime:
    """A UTC time (aware, or naive meaning UTC) as naive local wall-clock time on this computer.

    Raises ValueError for a time so near year 1 or 9999 that the local time falls outside the calendar
    (Python raises OverflowError there, which a reader would report as a crash, not as a bad date).
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone().replace(tzinfo=None, microsecond=0)
    except (OverflowError, ValueError, OSError):
        raise ValueError(f"the time {moment:%Y-%m-%d %H:%M} is outside the dates a run can have") from None


def parse_iso_utc(text: str) -> datetime:
    """``2012-12-26T21:29:53Z`` / ``...53.000Z`` / ``...+01:00`` as naive local time. Raises ValueError."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return utc_to_local(datetime.fromisoformat(text))


_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$")
_DOT_THOUSANDS = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+(,\d+)?$")
_DECIMAL_POINT = re.compile(r"^[+-]?\d*\.\d+$")


def parse_number(text: str | None, decimal_comma: bool = False) -> float | None:
    """``"4,808"`` -> 4808.0, ``"5.01"`` -> 5.01, ``"--"``/empty -> None. Raises ValueError otherwise.

    A comma counts only as a thousands separator (``1,234.5``); ``"4,80"`` is refused
    rather than guessed. With ``decimal_comma`` (a file whose fields a spreadsheet set to
    a decimal-comma language separated with semicolons), the comma is the decimal mark
    (``"10,02"``, ``"1.234,5"``), a point followed by groups of three digits a thousands
    separator (``"1.234"``), and any other point a decimal point (``"10.02"``).
    """
    if text is None:
        return None
    text = text.strip()
    if text.lower() in MISSING:
        return None
    if decimal_comma:
        if _DOT_THOUSANDS.match(text):
            text = text.replace(".", "")
        if _DECIMAL_COMMA.match(text):
            text = text.replace(",", ".")
        elif not _DECIMAL_POINT.match(text):
            raise ValueError(f"{text!r} is not a number")
    elif _THOUSANDS.match(text):
        text = text.replace(",", "")
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{text!r} is not a number")
    return value


def parse_clock(text: str | None) -> float | None:
    """``"1:02:03"``, ``"45:12"``, ``"00:45:12.3"`` or plain seconds ``"2712"`` -> seconds; missing -> None."""
    if text is None:
        return None
    text = text.strip()
    if text.lower() in MISSING:
        return None
    parts = text.split(":")
    if len(parts) > 3:
        raise ValueError(f"{text!r} is not a time")
    seconds = 0.0
    for part in parts:
        value = parse_number(part)
        if value is None or value < 0 or part.strip().startswith(("-", "+")):  # "-00:30:00" is not 30 minutes
            raise ValueError(f"{text!r} is not a time")
        seconds = seconds * 60 + value
    return seconds


def whole_seconds(seconds: float | None) -> int | None:
    """Round a duration to whole seconds; None for missing, zero or negative."""
    if seconds is None or seconds != seconds or seconds <= 0:
        return None
    return round(seconds)


def utf16_encoding(head: bytes) -> str | None:
    """``"utf-16"`` for text that starts with a UTF-16 byte-order mark (a spreadsheet's "Unicode text"), the
    byte order without one when every other byte of the head is zero (ASCII written as UTF-16); else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[:512]
    if len(sample) >= 8 and len(sample) % 2 == 0:
        if not any(sample[1::2]) and all(sample[0::2]):
            return "utf-16-le"
        if not any(sample[0::2]) and all(sample[1::2]):
            return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """CSV bytes as text: UTF-16 when it shows (``utf16_encoding``), else UTF-8 (with or without a byte-order
    mark), else Windows-1252."""
    wide = utf16_encoding(data)
    if wide is not None:
        return data[: len(data) - len(data) % 2].decode(wide, errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def effort_from_scale(value: float | None, scale: float = 1.0) -> int | None:
    """An effort on the CR-10 scale (1-10) from ``value / scale``; None when missing or outside 1-10."""
    if value is None or value != value:
        return None
    effort = round(value / scale)
    return effort if 1 <= effort <= 10 else None
