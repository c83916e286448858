"""History's rows: one entry each (the flat list), or grouped by day, where a day's care rides on its check-in.

``group_by_day(rows)`` folds each day's care rows into the row of that day's last
check-in ("Lower back 3/10 ... · Care: Heat 20 min, ibuprofen 400 mg"), or into one
care row for a day without a check-in among ``rows``. Runs stay rows of their own.
Every entry of ``rows`` is in exactly one grouped row (``HistoryRow.entries``), so
the grouped list adds up to the flat one whatever the filters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from journal.domain.describe import care_summary, checkin_summary, run_summary
from journal.domain.entries import CareEntry, CheckIn, Run
from journal.domain.units import DistanceUnit
from journal.ui.colours import current
from journal.ui.table_model import Column


@dataclass(frozen=True, slots=True)
class HistoryRow:
    when: datetime
    record: Run | CheckIn | CareEntry
    care: tuple[CareEntry, ...] = ()
    """More care entries of the day shown in this row (grouped by day)."""

    @property
    def kind(self) -> str:
        return {Run: "Run", CheckIn: "Check-in", CareEntry: "Care"}[type(self.record)]

    @property
    def entries(self) -> tuple[Run | CheckIn | CareEntry, ...]:
        """Every journal entry this row stands for (what Delete removes)."""
        return (self.record, *self.care)


def care_row_time(day: date) -> datetime:
    """Care has a day but no time: it sorts at the end of its day."""
    return datetime.combine(day, time(23, 59))


def group_by_day(rows: Iterable[HistoryRow]) -> list[HistoryRow]:
    """The rows with each day's care folded into that day's last check-in, or into one care row (see the module)."""
    rows = list(rows)
    care_by_day: dict[date, list[CareEntry]] = {}
    for row in rows:
        if isinstance(row.record, CareEntry):
            care_by_day.setdefault(row.record.day, []).extend((row.record, *row.care))
    last_checkin: dict[date, HistoryRow] = {}
    for row in rows:
        if isinstance(row.record, CheckIn):
            held = last_checkin.get(row.record.day)
            if held is None or row.when >= held.when:
                last_checkin[row.record.day] = row
    out: list[HistoryRow] = []
    for row in rows:
        if isinstance(row.record, CareEntry):
            continue
        day_care = care_by_day.get(row.record.day, []) if last_checkin.get(row.record.day) is row else []
        out.append(HistoryRow(row.when, row.record, (*row.care, *day_care)) if day_care else row)
    for day, entries in care_by_day.items():
        if day not in last_checkin:
            out.append(HistoryRow(care_row_time(day), entries[0], tuple(entries[1:])))
    return out


def describe(row: HistoryRow, unit: DistanceUnit) -> str:
    """The row in one line (``journal.domain.describe``, shared with the report's log)."""
    r = row.record
    if isinstance(r, Run):
        return run_summary(r, unit)
    if isinstance(r, CareEntry):
        if row.care:
            return care_summary((r, *row.care))
        detail = f" {r.minutes} min" if r.minutes else ""
        return f"{r.kind.label}{detail}" + (f": {r.detail}" if r.detail else "")
    text = checkin_summary(r)
    if row.care:
        text = f"{text} · Care: {care_summary(row.care)}" if text else f"Care: {care_summary(row.care)}"
    return text


def pain_colour(score: int | None) -> str | None:
    if score is None:
        return None
    colours = current()  # the scheme shown: views ask again when they repaint
    return colours.error if score >= 7 else colours.caution if score >= 4 else colours.ok if score == 0 else None


def source_text(row: HistoryRow) -> str:
    """Where a run came from: blank when typed in, else the importer (gpx, fit, strava...)."""
    if not isinstance(row.record, Run) or row.record.source == "manual":
        return ""
    return row.record.source


def full_notes(row: HistoryRow) -> str:
    """A run's or a check-in's notes (care has a detail, shown in Details)."""
    return row.record.notes if isinstance(row.record, (Run, CheckIn)) else ""


def source_file(row: HistoryRow) -> str:
    """The file an imported run came from ("" for anything logged by hand)."""
    return (row.record.source_file or "") if isinstance(row.record, Run) else ""


def history_columns(unit_getter: Callable[[], DistanceUnit]) -> list[Column[HistoryRow]]:
    def notes(row: HistoryRow) -> str:
        text = full_notes(row)
        return text.splitlines()[0][:80] if text else ""

    def pain(row: HistoryRow) -> int | None:
        return row.record.max_score if isinstance(row.record, CheckIn) else None

    return [
        Column("Date", lambda r: r.when.strftime("%a %Y-%m-%d"), lambda r: r.when),
        Column("Time", lambda r: "" if isinstance(r.record, CareEntry) else r.when.strftime("%H:%M"), lambda r: r.when),
        Column("Entry", lambda r: r.kind),
        Column("Details", lambda r: describe(r, unit_getter()), tooltip=lambda r: describe(r, unit_getter())),
        Column(
            "Worst pain",
            lambda r: "" if pain(r) is None else f"{pain(r)}/10",
            lambda r: -1 if pain(r) is None else pain(r),
            align_right=True,
            colour=lambda r: pain_colour(pain(r)),
        ),
        Column("Source", source_text, tooltip=source_file),
        Column("Notes", notes, tooltip=full_notes),
    ]
