"""The import itself: read every chosen file, drop duplicates, save the new runs in one transaction.

``import_paths(paths, journal, units, progress)`` is what the command line and the
window call. It reads file after file, catching everything a file can throw (short
of KeyboardInterrupt/SystemExit), so one bad file never stops the others: a file that
cannot be read is reported as failed with the error. Runs that would not pass the
journal's validation are fixed where a field can be dropped (a duration over 4 days,
an effort outside 1-10) or skipped with the reason (no distance, a date in the future).
Duplicates (``journal.importers.dedupe``) are dropped against the journal and within
the batch; in the batch the first file read wins and a later copy fills its blanks.
Then all new runs are written with one ``journal.add_entries(runs=...)``: all of
them or, on any error, none. ``progress(done, total)`` returning False cancels before
that write, so a cancelled import leaves the journal as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from journal.domain.entries import Run
from journal.domain.units import DistanceUnit, format_distance
from journal.domain.validation import MAX_NAME, MAX_NOTES, validate_run
from journal.importers import sources
from journal.importers.dedupe import RunIndex, fill_blanks
from journal.importers.fit import parse_fit
from journal.importers.garmin_csv import is_garmin_header, parse_garmin_csv
from journal.importers.gpx import parse_gpx
from journal.importers.records import FileNote, ImportFileError, ImportReport, ParseResult
from journal.importers.strava import is_strava_header, parse_strava_csv
from journal.importers.tcx import parse_tcx
from journal.importers.values import decode_text

if TYPE_CHECKING:
    from journal.storage.journal import Journal

Progress = Callable[[int, int], bool]
"""``progress(done, total)``: called before each file and once before saving; False cancels."""


class ImportWriteError(Exception):
    """Saving the runs failed (the journal file is locked, the disk is full...); nothing was imported."""


@dataclass
class Batch:
    """Everything read from the files, before the duplicate check and the write."""

    runs: list[Run] = field(default_factory=list)
    skipped: list[FileNote] = field(default_factory=list)
    failed: list[FileNote] = field(default_factory=list)
    warnings: list[FileNote] = field(default_factory=list)
    files_read: int = 0
    garmin_csvs: int = 0
    cancelled: bool = False


def _csv_header(data: bytes) -> list[str]:
    import csv

    lines = decode_text(data[:65536]).splitlines()[:1]
    return next(csv.reader(lines), []) if lines else []


def parse_item(item: sources.FileItem, units: DistanceUnit, batch: Batch | None = None) -> ParseResult:
    """Read one file by its type. Raises ImportFileError (or anything a damaged file provokes)."""
    data = item.data()
    kind = item.kind
    if kind == "gpx":
        return parse_gpx(data, item.label)
    if kind == "tcx":
        return parse_tcx(data, item.label)
    if kind == "fit":
        return parse_fit(data, item.label)
    header = _csv_header(data)
    if is_strava_header(header):
        return parse_strava_csv(data, item.label, units, lambda rel: _read_beside(item, rel, units))
    if is_garmin_header(header):
        if batch is not None:
            batch.garmin_csvs += 1
        return parse_garmin_csv(data, item.label, units)
    result = ParseResult()
    result.skip(item.label, "not a Strava activities.csv or a Garmin Connect Activities.csv")
    return result


def _read_beside(item: sources.FileItem, rel: str, units: DistanceUnit) -> ParseResult | None:
    """The activity file a Strava row names, parsed; an empty result when it cannot be read."""
    other = item.beside(rel)
    if other is None or other.kind not in ("gpx", "tcx", "fit"):
        return None
    try:
        return parse_item(other, units)
    except Exception:  # the row still imports from the CSV alone
        return ParseResult()


def collect(paths: Iterable[Path | str], units: DistanceUnit, progress: Progress | None = None) -> Batch:
    """Read every file under ``paths`` into a Batch; never raises for a file's content."""
    batch = Batch()
    with ExitStack() as stack:
        found = sources.expand([Path(p).expanduser() for p in paths], stack)
        batch.skipped += found.skipped
        batch.failed += found.failed
        batch.warnings += found.warnings
        total = len(found.items)
        for done, item in enumerate(found.items):
            if progress is not None and not progress(done, total):
                batch.cancelled = True
                return batch
            try:
                result = parse_item(item, units, batch)
            except ImportFileError as exc:
                batch.failed.append(FileNote(item.label, str(exc)))
            except Exception as exc:  # a damaged file can provoke anything in a parser
                batch.failed.append(FileNote(item.label, f"could not be read ({type(exc).__name__}: {exc})"))
            else:
                batch.files_read += 1
                batch.runs += result.runs
                batch.skipped += result.skipped
                batch.warnings += result.warnings
        if progress is not None and not progress(total, total):
            batch.cancelled = True
    return batch


def checked(run: Run, now: datetime) -> tuple[Run | None, list[str]]:
    """(``run`` made valid, warnings), or (None, [the reason it is skipped])."""
    notes: list[str] = []
    changes: dict[str, object] = {}
    if "\x00" in run.notes or len(run.notes) > MAX_NOTES:
        changes["notes"] = run.notes.replace("\x00", "")[:MAX_NOTES]
    if run.shoe is not None:
        shoe = run.shoe.replace("\x00", "").strip()[:MAX_NAME]
        changes["shoe"] = shoe or None
    if run.source_id is not None:
        changes["source_id"] = run.source_id[:200]
    run = replace(run, **changes)
    problems = validate_run(run, now)
    for name, attr in (("duration", "duration_s"), ("effort", "effort")):
        if name in problems:
            notes.append(f"{name} left out: {problems.pop(name)}")
            run = replace(run, **{attr: None})
    if problems:
        return None, ["; ".join(problems.values())]
    return run, notes


def _when(run: Run, unit: DistanceUnit) -> str:
    return f"the run of {run.started_at:%Y-%m-%d %H:%M} ({format_distance(run.distance_m, unit)})"


def import_paths(
    paths: Iterable[Path | str],
    journal: Journal,
    units: DistanceUnit | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import runs from files, folders and zips into ``journal`` (a ``journal.storage.journal.Journal``).

    ``units``: the distance unit of Garmin CSVs (and of Strava's first Distance column
    when the metres column is missing); None means the journal's own unit, with a
    warning when a Garmin CSV was read. Raises ImportWriteError when saving fails.
    """
    display_unit = journal.settings().units
    batch = collect(paths, units or display_unit, progress)
    report = ImportReport(
        skipped=batch.skipped, failed=batch.failed, warnings=batch.warnings, files_read=batch.files_read
    )
    if batch.cancelled:
        return ImportReport(cancelled=True, files_read=batch.files_read)
    if units is None and batch.garmin_csvs:
        report.warnings.append(
            FileNote(
                "Garmin CSV", f"distances read in {display_unit.value} (the journal's unit); choose the unit at import"
            )
        )
    existing = RunIndex(journal.runs())
    new = RunIndex()
    now = datetime.now()
    for run in batch.runs:
        valid, notes = checked(run, now)
        label = run.source_file or "?"
        if valid is None:
            report.skipped.append(FileNote(label, f"{_when(run, display_unit)} cannot be saved: {notes[0]}"))
            continue
        report.warnings += [FileNote(label, note) for note in notes]
        if existing.find(valid) is not None:
            report.duplicates.append(FileNote(label, f"{_when(valid, display_unit)} is already in the journal"))
            continue
        position = new.find(valid)
        if position is not None:
            first = new.runs[position]
            also_in = PurePath(first.source_file or "?").name
            report.duplicates.append(FileNote(label, f"{_when(valid, display_unit)} is also in {also_in}"))
            new.replace_at(position, fill_blanks(first, valid))
            continue
        new.add(valid)
    to_save = sorted(new.runs, key=lambda r: r.started_at)
    if to_save:
        try:
            saved = journal.add_entries(runs=to_save)
        except Exception as exc:
            raise ImportWriteError(f"the runs could not be saved, so nothing was imported ({exc})") from exc
        report.imported = list(saved.runs)
    return report


def needs_units(paths: Iterable[Path | str]) -> bool:
    """True when a Garmin Connect CSV is among ``paths`` (its distance unit must be chosen)."""
    with ExitStack() as stack:
        found = sources.expand([Path(p).expanduser() for p in paths], stack)
        for item in found.items:
            if item.kind != "csv":
                continue
            try:
                if is_garmin_header(_csv_header(item.data())):
                    return True
            except Exception:
                continue
    return False
