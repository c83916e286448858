"""The dated log at the end of the report: every run, check-in and care entry of the period, by day.

Each entry is one line of plain words; free-text notes are added only when the
runner chose "include my notes".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run
from journal.domain.units import DistanceUnit, format_distance, format_duration, format_pace
from journal.domain.vocabulary import Radiates


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


def run_text(run: Run, unit: DistanceUnit) -> str:
    parts = [format_distance(run.distance_m, unit, 1)]
    if run.duration_s:
        parts.append(f"in {format_duration(run.duration_s)} ({format_pace(run.pace_s_per_km, unit)})")
    if run.effort is not None:
        parts.append(f"effort {run.effort}/10")
    if run.surface:
        parts.append(run.surface.label.lower())
    if run.shoe:
        parts.append(run.shoe)
    return ", ".join(parts)


def checkin_text(checkin: CheckIn) -> str:
    """Regions that hurt with score, timing and spread; all-zero check-ins read 'no pain'."""
    hurting = [s for s in checkin.scores if s.score > 0]
    if hurting:
        parts = []
        for s in hurting:
            extra = [s.timing.label.lower()] if s.timing else []
            if s.radiates and s.radiates is not Radiates.NONE:
                extra.append(s.radiates.label.lower())
            parts.append(f"{s.region.label} {s.score}/10" + (f" ({', '.join(extra)})" if extra else ""))
        text = "; ".join(parts)
    elif checkin.scores:
        text = (
            "No pain (all regions scored 0)"
            if len(checkin.scores) > 1
            else f"No pain ({checkin.scores[0].region.label.lower()} 0)"
        )
    else:
        text = ""
    if checkin.warning_signs:
        signs = "Warning signs: " + "; ".join(w.label for w in checkin.warning_signs)
        text = f"{text}. {signs}" if text else signs
    return text


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
            LogItem(r.started_at.strftime("%H:%M"), "Run", run_text(r, unit), note),
        )
    for c in data.checkins:
        note = c.notes.strip() if include_notes else ""
        item = LogItem(c.recorded_at.strftime("%H:%M"), "Check-in", checkin_text(c), note, bool(c.warning_signs))
        add(c.day, (c.recorded_at.strftime("%H:%M"), 1), item)
    for e in data.care:
        add(e.day, ("99:99", 2), LogItem("", "Care", care_text(e)))
    return tuple(LogDay(day, tuple(i for *_, i in sorted(by_day[day], key=lambda t: t[:2]))) for day in sorted(by_day))


def count_items(days: Iterable[LogDay]) -> int:
    return sum(len(d.items) for d in days)
