"""CSV export for spreadsheets: ``runs.csv``, ``symptoms.csv`` and ``care.csv`` in one folder.

Choices, so the files open cleanly in Excel and LibreOffice Calc:

- **UTF-8 with a byte-order mark** (``utf-8-sig``). Excel opens a double-clicked
  CSV in the computer's legacy code page unless the file starts with the UTF-8
  BOM, which would garble names and notes such as "Zoë" or "Łódź"; LibreOffice,
  Numbers, Google Sheets and Python's ``csv`` with ``utf-8-sig`` all recognise
  the BOM and drop it. (A ``sep=,`` first line is not written: it makes Excel
  ignore the BOM and shows up as a data row everywhere else.)
- RFC 4180 layout (``csv`` module, ``excel`` dialect): comma separated, CRLF
  line ends, a header row, and any field holding a comma, quote or line break
  quoted with inner quotes doubled, so multi-line notes stay in one cell.
- ISO 8601 dates (``2026-03-01``) and 24-hour times, which both programs read
  as dates whatever the locale; numbers use a dot as decimal separator.
- Distances in both kilometres and miles (1 mile = 1609.344 m).
- Free text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is prefixed with an apostrophe, so a spreadsheet shows it as text
  instead of running it as a formula (OWASP, "CSV Injection"). This matters
  for names that came from imported files.

Files are written owner-only and atomically with ``write_private``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run
from journal.domain.units import METRES_PER_MILE, format_duration
from journal.interchange.private_files import write_private

ENCODING = "utf-8-sig"
RUNS_FILE, SYMPTOMS_FILE, CARE_FILE = "runs.csv", "symptoms.csv", "care.csv"
FILES = (RUNS_FILE, SYMPTOMS_FILE, CARE_FILE)

RUN_HEADER = (
    "date",
    "time",
    "distance_km",
    "distance_mi",
    "duration",
    "duration_min",
    "pace_per_km",
    "pace_per_mi",
    "effort_0_10",
    "surface",
    "shoes",
    "foot_strike",
    "stretched",
    "drank_water",
    "hot_day",
    "stopped_for_pain",
    "source",
    "notes",
)
SYMPTOM_HEADER = (
    "date",
    "time",
    "region",
    "region_id",
    "pain_0_10",
    "when",
    "character",
    "spreads",
    "warning_signs",
    "interference_0_10",
    "notes",
)
CARE_HEADER = ("date", "care", "care_id", "detail", "minutes")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class CsvExport:
    """What ``write_csv`` wrote: the files and how many data rows each holds."""

    folder: Path
    runs: int
    symptom_rows: int
    care: int

    @property
    def paths(self) -> list[Path]:
        return [self.folder / name for name in FILES]


def safe_text(text: str | None) -> str:
    """Free text as a cell: an apostrophe before a leading formula character (OWASP CSV injection)."""
    if not text:
        return ""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _number(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _pace(seconds_per_km: float | None, metres: float) -> str:
    """Pace as m:ss per unit of ``metres`` (1000 for km, 1609.344 for mi)."""
    return "" if seconds_per_km is None else format_duration(seconds_per_km * metres / 1000.0)


def run_rows(runs: Iterable[Run]) -> list[list[str]]:
    rows = []
    for r in runs:
        pace = r.pace_s_per_km
        rows.append(
            [
                r.started_at.date().isoformat(),
                r.started_at.strftime("%H:%M"),
                _number(r.distance_m / 1000.0, 3),
                _number(r.distance_m / METRES_PER_MILE, 3),
                format_duration(r.duration_s),
                _number(r.duration_s / 60.0 if r.duration_s else None, 1),
                _pace(pace, 1000.0),
                _pace(pace, METRES_PER_MILE),
                "" if r.effort is None else str(r.effort),
                r.surface.label if r.surface else "",
                safe_text(r.shoe),
                r.foot_strike.label if r.foot_strike else "",
                _yes_no(r.stretched),
                _yes_no(r.hydrated),
                _yes_no(r.hot),
                _yes_no(r.stopped_for_pain),
                r.source,
                safe_text(r.notes),
            ]
        )
    return rows


def symptom_rows(checkins: Iterable[CheckIn]) -> list[list[str]]:
    """One row per region per check-in; a check-in with only warning signs gives one row without a region."""
    rows = []
    for c in checkins:
        signs = "; ".join(w.label for w in c.warning_signs)
        head = [c.recorded_at.date().isoformat(), c.recorded_at.strftime("%H:%M")]
        interference = "" if c.interference is None else str(c.interference)
        if not c.scores:
            rows.append([*head, "", "", "", "", "", "", signs, interference, safe_text(c.notes)])
        for s in c.scores:
            rows.append(
                [
                    *head,
                    s.region.label,
                    s.region.value,
                    str(s.score),
                    s.timing.label if s.timing else "",
                    "; ".join(ch.label for ch in s.character),
                    s.radiates.label if s.radiates else "",
                    signs,
                    interference,
                    safe_text(c.notes),
                ]
            )
    return rows


def care_rows(care: Iterable[CareEntry]) -> list[list[str]]:
    return [
        [
            e.day.isoformat(),
            e.kind.label,
            e.kind.value,
            safe_text(e.detail),
            "" if e.minutes is None else str(e.minutes),
        ]
        for e in care
    ]


def to_csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The CSV text (no BOM; ``write_private`` adds it through the encoding)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel")  # RFC 4180: commas, CRLF, minimal quoting
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def existing_files(folder: Path) -> list[Path]:
    """The export files already in ``folder`` (the caller refuses to replace them without --force)."""
    return [folder / name for name in FILES if (folder / name).exists()]


def write_csv(data: JournalData, folder: Path) -> CsvExport:
    """Write the three CSV files into ``folder`` (created owner-only when missing)."""
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=False, exist_ok=True)
    runs, symptoms, care = run_rows(data.runs), symptom_rows(data.checkins), care_rows(data.care)
    write_private(folder / RUNS_FILE, to_csv_text(RUN_HEADER, runs), ENCODING)
    write_private(folder / SYMPTOMS_FILE, to_csv_text(SYMPTOM_HEADER, symptoms), ENCODING)
    write_private(folder / CARE_FILE, to_csv_text(CARE_HEADER, care), ENCODING)
    return CsvExport(folder, len(runs), len(symptoms), len(care))
