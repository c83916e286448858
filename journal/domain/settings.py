"""Per-journal settings: units, week start, the name on reports, flag thresholds.

Settings live in the journal file itself (a key/value table), so a backup or a
second computer carries them along, and tests never touch a real user's settings.
Window geometry, which belongs to the computer rather than the journal, lives in
QSettings in the UI layer.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from enum import StrEnum
from typing import Any

from journal.domain.units import DistanceUnit


class WeekStart(StrEnum):
    MONDAY = "monday"
    SUNDAY = "sunday"

    @property
    def weekday(self) -> int:
        """Python weekday number (Monday = 0) on which a week begins."""
        return 0 if self is WeekStart.MONDAY else 6


class PaperSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


@dataclass(frozen=True, slots=True)
class Settings:
    units: DistanceUnit = DistanceUnit.KM
    week_start: WeekStart = WeekStart.MONDAY
    name: str = ""
    date_of_birth: date | None = None
    paper_size: PaperSize = PaperSize.A4
    backups_kept: int = 10

    def to_strings(self) -> dict[str, str]:
        """Flatten to the key/value strings the settings table stores."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = "" if value is None else (value.isoformat() if isinstance(value, date) else str(value))
        return out

    @classmethod
    def from_strings(cls, stored: dict[str, str]) -> Settings:
        """Read back what ``to_strings`` wrote; unknown keys are ignored, bad values fall back to defaults."""
        result = cls()
        converters: dict[str, Any] = {
            "units": DistanceUnit,
            "week_start": WeekStart,
            "name": str,
            "date_of_birth": lambda s: date.fromisoformat(s) if s else None,
            "paper_size": PaperSize,
            "backups_kept": int,
        }
        changes: dict[str, Any] = {}
        for key, convert in converters.items():
            if key in stored:
                try:
                    changes[key] = convert(stored[key])
                except ValueError:
                    continue
        return replace(result, **changes)
