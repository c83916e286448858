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
from journal.importers.reading import Check, ImportCancelled
from journal.importers.records import MAX_NOTES_CHARS, MAX_RUNS, FileNote, ImportFileError, ImportReport, ParseResult
from journal.importers.strava import is_strava_header, parse_strava_csv
from journal.importers.tcx import parse_tcx
from journal.importers.values import decode_text

if TYPE_CHECKING:
    from journal.storage.journal import Journal

Progress = Callable[[int, int], bool]
"""``progress(done, total)``: called before each file, during long reads, and once before saving; False cancels."""
HEAD = 65536
MAX_LISTED = 10_000
"""Most notes of each kind (skipped, failed, warnings) an import report lists."""
MAX_REMEMBERED = 10_000
"""Most activity files a Strava export's rows point at that are remembered once read."""


class ImportWriteError(Exception):
    """Saving the runs failed for a reason other than the journal file; nothing was imported."""


@dataclass
class Batch:
    """Everything read from the files, before the duplicate check and the write.

    Bounded whatever the files hold: at most ``MAX_RUNS`` runs and ``MAX_NOTES_CHARS`` of
    notes in all (a file that would pass either fails whole), at most ``MAX_LISTED`` notes
    of each kind (the rest counted in one line).
    """

    runs: list[Run] = field(default_factory=list)
    skipped: list[FileNote] = field(default_factory=list)
    failed: list[FileNote] = field(default_factory=list)
    warnings: list[FileNote] = field(default_factory=list)
    files_read: int = 0
    garmin_csvs: int = 0
    cancelled: bool = False
    notes_chars: int = 0
    unlisted_skipped: int = 0
    unlisted_failed: int = 0
    unlisted_warnings: int = 0

    def note(
        self, skipped: Iterable[FileNote] = (), failed: Iterable[FileNote] = (), warnings: Iterable[FileNote] = ()
    ) -> None:
        self.unlisted_skipped += _keep(self.skipped, skipped)
        self.unlisted_failed += _keep(self.failed, failed)
        self.unlisted_warnings += _keep(self.warnings, warnings)

    def add(self, result: ParseResult, label: str) -> None:
        """Take in one file's runs and notes; ImportFileError when the import would grow past its bounds."""
        chars = sum(len(r.notes) for r in result.runs)
        if len(self.runs) + len(result.runs) > MAX_RUNS or self.notes_chars + chars > MAX_NOTES_CHARS:
            raise ImportFileError(
                f"not read: this import already holds as many runs as one import takes ({MAX_RUNS:,})"
            )
        self.files_read += 1
        self.runs += result.runs
        self.notes_chars += chars
        self.note(result.skipped, (), result.warnings)
        if result.more_skipped:
            self.note([FileNote(label, f"{result.more_skipped:,} more activities skipped (not listed)")])
        if result.more_warnings:
            self.note(warnings=[FileNote(label, f"{result.more_warnings:,} more warnings (not listed)")])

    def unlisted_notes(self) -> None:
        """Say, in one line per kind, how many notes were not listed."""
        for into, count in (
            (self.skipped, self.unlisted_skipped),
            (self.failed, self.unlisted_failed),
            (self.warnings, self.unlisted_warnings),
        ):
            if count:
                into.append(FileNote("import", f"{count:,} more not listed"))


def _keep(into: list[FileNote], notes: Iterable[FileNote]) -> int:
    """Append ``notes`` up to ``MAX_LISTED``; return how many did not fit."""
    left_out = 0
    for note in notes:
        if len(into) < MAX_LISTED:
            into.append(note)
        else:
            left_out += 1
    return left_out


def _csv_header(head: bytes) -> list[str]:
    import csv

    lines = decode_text(head[:HEAD]).splitlines()[:1]
    try:
        return next(csv.reader(lines), []) if lines else []
    except csv.Error:
        return []


def parse_item(
    item: sources.FileItem, units: DistanceUnit, batch: Batch | None = None, check: Check | None = None
) -> ParseResult:
    """Read one file by its type, streaming it. Raises ImportFileError (or anything a damaged file provokes)."""
    kind = item.kind
    if kind == "gpx":
        with item.open(check) as stream:
            return parse_gpx(stream, item.label)
    if kind == "tcx":
        with item.open(check) as stream:
            return parse_tcx(stream, item.label)
    if kind == "fit":
        with item.open(check) as stream:
            return parse_fit(stream, item.label)
    header = _csv_header(item.head(HEAD, check))
    if is_strava_header(header):
        found: dict[str, ParseResult | None] = {}
        return parse_strava_csv(
            lambda: item.open(check), item.label, units, lambda rel: _read_beside(item, rel, units, check, found)
        )
    if is_garmin_header(header):
        if batch is not None:
            batch.garmin_csvs += 1
        return parse_garmin_csv(lambda: item.open(check), item.label, units)
    result = ParseResult()
    result.skip(item.label, "not a Strava activities.csv or a Garmin Connect Activities.csv")
    return result


def _read_beside(
    item: sources.FileItem, rel: str, units: DistanceUnit, check: Check | None, found: dict[str, ParseResult | None]
) -> ParseResult | None:
    """The activity file a Strava row names, parsed once (``found`` remembers it); empty when it cannot be read."""
    if rel in found:
        return found[rel]
    other = item.beside(rel)
    if other is None or other.kind not in ("gpx", "tcx", "fit"):
        result = None
    else:
        try:
            result = parse_item(other, units, check=check)
            result = ParseResult(runs=result.runs[:1])  # only its first run is used; keep no more
        except ImportCancelled:
            raise
        except Exception as exc:  # the row is still read from the CSV alone
            why = str(exc) if isinstance(exc, ImportFileError) else _unexpected(exc)
            result = ParseResult()
            result.warn(other.label, f"{why}; its row in activities.csv was read without it")
    if len(found) < MAX_REMEMBERED:
        found[rel] = result
    return result


def _unexpected(exc: BaseException) -> str:
    """A reader's unexpected error, named by its kind only: its text could quote the file (notes, dates)."""
    if isinstance(exc, MemoryError):
        return "too large to read in memory"
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    return f"could not be read (the reader stopped with {type(exc).__name__})"


def collect(paths: Iterable[Path | str], units: DistanceUnit, progress: Progress | None = None) -> Batch:
    """Read every file under ``paths`` into a Batch; never raises for a file's content.

    ``progress(done, total)`` is called before each file and, while a file is read, before
    each MiB of it: returning False cancels (``Batch.cancelled``), even inside a large file.
    """
    batch = Batch()
    where = [0, 0]

    def check() -> None:
        if progress is not None and not progress(where[0], where[1]):
            raise ImportCancelled

    with ExitStack() as stack:
        try:
            found = sources.expand([Path(p).expanduser() for p in paths], stack, check)
        except ImportCancelled:
            batch.cancelled = True
            return batch
        batch.note(found.skipped, found.failed, found.warnings)
        where[1] = total = len(found.items)
        for done, item in enumerate(found.items):
            where[0] = done
            try:
                check()
                result = parse_item(item, units, batch, check)
                batch.add(result, item.label)
            except ImportCancelled:
                batch.cancelled = True
                return batch
            except ImportFileError as exc:
                batch.note(failed=[FileNote(item.label, str(exc))])
            except Exception as exc:  # a damaged file can provoke anything in a parser (MemoryError too)
                batch.note(failed=[FileNote(item.label, _unexpected(exc))])
        where[0] = total
        if progress is not None and not progress(total, total):
            batch.cancelled = True
    batch.unlisted_notes()
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
    warning when a Garmin CSV was read. Raises JournalFileError when the journal file
    cannot be written (the disk is full, it is locked, it was deleted...) and
    ImportWriteError when saving fails otherwise; in both cases nothing was imported.
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
        report.imported = list(_save(journal, to_save).runs)
    return report


def _save(journal: Journal, runs: list[Run]):
    """All the runs in one transaction. A journal file problem (disk full, locked, deleted...) is raised as
    the JournalFileError that names it; anything else as ImportWriteError, never quoting a run."""
    from journal.storage.files import JournalFileError
    from journal.storage.journal import InvalidEntry

    try:
        return journal.add_entries(runs=runs)
    except JournalFileError:
        raise
    except InvalidEntry as exc:
        problems = "; ".join(dict.fromkeys(exc.problems.values()))
        raise ImportWriteError(f"a run could not be saved ({problems}), so nothing was imported") from exc
    except OSError as exc:
        from journal.storage.errors import is_disk_full

        why = "the disk is full" if is_disk_full(exc) else exc.strerror or type(exc).__name__
        raise ImportWriteError(f"the runs could not be saved ({why}), so nothing was imported") from exc
    except Exception as exc:
        raise ImportWriteError(f"the runs could not be saved ({type(exc).__name__}), so nothing was imported") from exc


def needs_units(paths: Iterable[Path | str]) -> bool:
    """True when a Garmin Connect CSV is among ``paths`` (its distance unit must be chosen)."""
    with ExitStack() as stack:
        found = sources.expand([Path(p).expanduser() for p in paths], stack)
        for item in found.items:
            if item.kind != "csv":
                continue
            try:
                if is_garmin_header(_csv_header(item.head(HEAD))):
                    return True
            except Exception:
                continue
    return False
