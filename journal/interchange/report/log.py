"""The dated log at the end of the report: every run, check-in and care entry of the period, by day.

Each entry is one line of plain words; free-text notes are added only when the
runner chose "include my notes".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from journal.domain.describe import checkin_summary, run_summary
from journal.domain.entries import CareEntry, JournalData
from journal.domain.units import DistanceUnit


@dataclass(frozen=True, slots=True)
class LogItem:
    time: str
    """``HH:MM``, or "" for care (kept per day)."""
    kind: str
    """``Run``, ``Check-in`` or ``Care``."""
    text: str
    note: str = ""
    warning: bool = False
    """True for a check-in with warning signs ticked (shown in bold)."""


@dataclass(frozen=True, slots=True)
class LogDay:
    day: date
    items: tuple[LogItem, ...]


def care_text(entry: CareEntry) -> str:
    text = entry.kind.label
    if entry.detail:
        text += f": {entry.detail}"
    if entry.minutes:
        text += f", {entry.minutes} min"
    return text


def dated_log(data: JournalData, start: date, end: date, unit: DistanceUnit, include_notes: bool) -> tuple[LogDay, ...]:
    """One ``LogDay`` per day with entries between ``start`` and ``end``, oldest first."""
    by_day: dict[date, list[tuple[str, int, LogItem]]] = {}

    def add(day: date, order: tuple[str, int], item: LogItem) -> None:
        if start <= day <= end:
            by_day.setdefault(day, []).append((*order, item))

    for r in data.runs:
        note = r.notes.strip() if include_notes else ""
        add(
            r.day,
            (r.started_at.strftime("%H:%M"), 0),
            LogItem(r.started_at.strftime("%H:%M"), "Run", run_summary(r, unit), note),
        )
    for c in data.checkins:
        note = c.notes.strip() if include_notes else ""
        item = LogItem(c.recorded_at.strftime("%H:%M"), "Check-in", checkin_summary(c), note, bool(c.warning_signs))
        add(c.day, (c.recorded_at.strftime("%H:%M"), 1), item)
    for e in data.care:
        add(e.day, ("99:99", 2), LogItem("", "Care", care_text(e)))
    return tuple(LogDay(day, tuple(i for *_, i in sorted(by_day[day], key=lambda t: t[:2]))) for day in sorted(by_day))


def count_items(days: Iterable[LogDay]) -> int:
    return sum(len(d.items) for d in days)
