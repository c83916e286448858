"""Distance units and the formatting of distances, durations and paces.

The journal stores metres; a person sees kilometres or miles per the setting.
1 international mile = 1609.344 m exactly (international yard and pound agreement, 1959).
"""

from __future__ import annotations

from enum import StrEnum

METRES_PER_MILE = 1609.344


class DistanceUnit(StrEnum):
    KM = "km"
    MI = "mi"

    @property
    def metres(self) -> float:
        """Metres in one of this unit."""
        return 1000.0 if self is DistanceUnit.KM else METRES_PER_MILE


def to_metres(value: float, unit: DistanceUnit) -> float:
    return value * unit.metres


def from_metres(metres: float, unit: DistanceUnit) -> float:
    return metres / unit.metres


def format_distance(metres: float, unit: DistanceUnit, digits: int = 2) -> str:
    return f"{from_metres(metres, unit):.{digits}f} {unit.value}"


def format_duration(seconds: int | float | None) -> str:
    """``h:mm:ss`` (or ``m:ss`` under an hour); an empty string for None."""
    if seconds is None:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_pace(seconds_per_km: float | None, unit: DistanceUnit) -> str:
    """Pace per km or per mile as ``m:ss /km``; an empty string when unknown."""
    if seconds_per_km is None:
        return ""
    per_unit = seconds_per_km * unit.metres / 1000.0
    return f"{format_duration(per_unit)} /{unit.value}"


def parse_duration(text: str) -> int | None:
    """Parse ``h:mm:ss``, ``mm:ss`` or plain minutes into seconds.

    Returns None for an empty string; raises ValueError with a readable message otherwise.
    """
    text = text.strip()
    if not text:
        return None
    parts = text.split(":")
    # isdigit() alone accepts '²' and other scripts' digits, which int() then rejects.
    if len(parts) > 3 or not all(p.strip().isascii() and p.strip().isdigit() for p in parts):
        raise ValueError("Write the time as h:mm:ss, mm:ss or minutes")
    numbers = [int(p) for p in parts]
    if len(numbers) == 1:
        return numbers[0] * 60
    if any(n >= 60 for n in numbers[1:]):
        raise ValueError("Minutes and seconds must be under 60")
    seconds = 0
    for n in numbers:
        seconds = seconds * 60 + n
    return seconds
