"""Per-journal settings: units, week start, the name on reports, check-in reminders, flag thresholds.

Settings live in the journal file itself (a key/value table), so a backup or a
second computer carries them along, and tests never touch a real user's settings.
Window geometry, which belongs to the computer rather than the journal, lives in
QSettings in the UI layer.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, time
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


class RiskFactor(StrEnum):
    """The factors NICE and the NHS name that lower the bar for a doctor to look at back pain.

    NICE CKS "Back pain - low (without radiculopathy)", red flags: age over 50 with new
    back pain, a history of cancer, long-term corticosteroid use, a weakened immune system
    (NICE NG59 1.1.1: be alert to cancer, infection and fracture as causes). The value is the
    identifier in ``flags --json`` (``risk_factors``) and the settings key's suffix.
    """

    OVER_50 = "over_50"
    CANCER_HISTORY = "cancer_history"
    LONG_TERM_STEROIDS = "long_term_steroids"
    WEAKENED_IMMUNE_SYSTEM = "weakened_immune_system"

    @property
    def label(self) -> str:
        return _RISK_LABELS[self.value]


_RISK_LABELS = {
    "over_50": "age over 50, with new back pain",
    "cancer_history": "a history of cancer",
    "long_term_steroids": "long-term steroid tablets",
    "weakened_immune_system": "a weakened immune system",
}


@dataclass(frozen=True, slots=True)
class RiskProfile:
    """The optional risk profile from Settings: which factors the person ticked, and their date of birth.

    ``applies(factor, day)``: a ticked factor applies; "over 50" is judged from the date of
    birth when one is given (50 or older on ``day``), from the tick otherwise.
    """

    ticked: frozenset[RiskFactor] = frozenset()
    date_of_birth: date | None = None

    def applies(self, factor: RiskFactor, day: date) -> bool:
        if factor is RiskFactor.OVER_50 and self.date_of_birth is not None:
            born = self.date_of_birth
            age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
            return age >= 50
        return factor in self.ticked

    def factors_on(self, day: date) -> tuple[RiskFactor, ...]:
        return tuple(f for f in RiskFactor if self.applies(f, day))


@dataclass(frozen=True, slots=True)
class Settings:
    units: DistanceUnit = DistanceUnit.KM
    week_start: WeekStart = WeekStart.MONDAY
    name: str = ""
    date_of_birth: date | None = None
    paper_size: PaperSize = PaperSize.A4
    backups_kept: int = 10
    risk_over_50: bool = False
    risk_cancer_history: bool = False
    risk_long_term_steroids: bool = False
    risk_weakened_immune_system: bool = False
    reminder_daily: bool = False
    """Remind me to check in every day at ``reminder_daily_time`` (off until the person turns it on)."""
    reminder_daily_time: time = time(20, 0)
    reminder_morning_after_run: bool = True
    """Remind me, the morning after a run, to say how it feels (``reminder_morning_time``); on by default,
    since the morning after is the entry that tells most (``journal.analysis.reminders``)."""
    reminder_morning_time: time = time(8, 0)

    @property
    def risk_profile(self) -> RiskProfile:
        ticked = {
            RiskFactor.OVER_50: self.risk_over_50,
            RiskFactor.CANCER_HISTORY: self.risk_cancer_history,
            RiskFactor.LONG_TERM_STEROIDS: self.risk_long_term_steroids,
            RiskFactor.WEAKENED_IMMUNE_SYSTEM: self.risk_weakened_immune_system,
        }
        return RiskProfile(frozenset(f for f, on in ticked.items() if on), self.date_of_birth)

    def to_strings(self) -> dict[str, str]:
        """Flatten to the key/value strings the settings table stores."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None:
                out[f.name] = ""
            elif isinstance(value, time):
                out[f.name] = value.strftime("%H:%M")
            else:
                out[f.name] = value.isoformat() if isinstance(value, date) else str(value)
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
            "risk_over_50": _bool,
            "risk_cancer_history": _bool,
            "risk_long_term_steroids": _bool,
            "risk_weakened_immune_system": _bool,
            "reminder_daily": _bool,
            "reminder_daily_time": _clock,
            "reminder_morning_after_run": _bool,
            "reminder_morning_time": _clock,
        }
        changes: dict[str, Any] = {}
        for key, convert in converters.items():
            if key in stored:
                try:
                    changes[key] = convert(stored[key])
                except ValueError:
                    continue
        return replace(result, **changes)


def _bool(text: str) -> bool:
    """'True'/'False' as ``to_strings`` writes them (also 1/0, yes/no); anything else raises ValueError."""
    value = text.strip().lower()
    if value in ("true", "1", "yes"):
        return True
    if value in ("false", "0", "no", ""):
        return False
    raise ValueError(text)


def _clock(text: str) -> time:
    """'HH:MM' (as ``to_strings`` writes it) to a time of day; anything else raises ValueError."""
    value = time.fromisoformat(text.strip())
    return value.replace(second=0, microsecond=0, tzinfo=None)
