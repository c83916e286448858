"""The import itself: read every chosen file, drop duplicates, save the new runs in one transaction.

``import_paths(paths, journal, units, progress)`` is what the command line and the
window call. It reads file after file (``collect``), catching everything a file can
throw (short of KeyboardInterrupt/SystemExit), so one bad file never stops the others:
a file that cannot be read is reported as failed with the error. Then
``journal.importers.saving.save_batch`` checks the runs, drops duplicates (saying which
copy was kept) and writes the new runs in one transaction: all of them or none.
``progress(done, total)`` returning False cancels before that write, so a cancelled
import leaves the journal as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journal.domain.entries import Run
from journal.domain.units import DistanceUnit
from journal.importers import sources
from journal.importers.fit import parse_fit
from journal.importers.garmin_csv import is_garmin_header, looks_like_garmin, parse_garmin_csv
from journal.importers.garmin_languages import LANGUAGES as GARMIN_LANGUAGES
from journal.importers.gpx import parse_gpx
from journal.importers.reading import Check, ImportCancelled
from journal.importers.records import MAX_NOTES_CHARS, MAX_RUNS, FileNote, ImportFileError, ImportReport, ParseResult
from journal.importers.saving import ImportWriteError, save_batch
from journal.importers.sniff import NAMES, sniff_kind
from journal.importers.strava import REQUIRED as STRAVA_COLUMNS
from journal.importers.strava import is_strava_header, parse_strava_csv
from journal.importers.tcx import parse_tcx
from journal.importers.text_lines import delimiter_of, split_line
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
MAX_HEADERS_LISTED = 12
__all__ = ["Batch", "ImportWriteError", "collect", "import_paths", "needs_units", "parse_item"]


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
    cancelled: bool = False
    unit_unknown: list[str] = field(default_factory=list)
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
        if result.unit_unknown:
            self.unit_unknown.append(label)
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


def _is_export_header(header: list[str]) -> bool:
    return is_strava_header(header) or is_garmin_header(header) or looks_like_garmin(header)


def _csv_header(head: bytes) -> list[str]:
    """The first line's cells, split by the separator that makes them a Strava or Garmin header (else commas)."""
    lines = decode_text(head[:HEAD]).splitlines()[:1]
    if not lines:
        return []
    return split_line(lines[0], delimiter_of(lines[0], _is_export_header))


_VALUE = re.compile(r"^[\s\d.,:;/+\-]*\d[\s\d.,:;/+\-]*$|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
"""A cell that is a number, a time or a date: a value, not a column's name."""


def unrecognised_csv(header: list[str]) -> str:
    """Why a CSV was not read: the columns it has, and those a Garmin or Strava export needs.

    A first line holding values (a number, a time, a date) is a row of data, not a header: it is not
    quoted, as it could be anyone's notes or health data (a CSV without a header, a journal's own export);
    nor is a first line that is not text.
    """
    cells = [" ".join(cell.replace("\ufeff", "").split())[:40] for cell in header if cell.strip()]
    if any(not cell.isprintable() for cell in cells):
        found = "its first line is not text (it may not be a CSV file)"
    elif any(_VALUE.search(cell) for cell in cells):
        found = "its first line holds values (a date, a number), not the names of its columns"
    else:
        names = ", ".join(repr(cell) for cell in cells[:MAX_HEADERS_LISTED]) if cells else "none"
        if len(cells) > MAX_HEADERS_LISTED:
            names += f" and {len(cells) - MAX_HEADERS_LISTED} more"
        found = f"its columns are {names}"
    strava = ", ".join(STRAVA_COLUMNS)
    return (
        f"not a Strava activities.csv or a Garmin Connect Activities.csv: {found}. A Garmin Connect "
        "export needs columns for the activity type, the date and the distance (in English Activity Type, Date, "
        f"Distance; it is read in {len(GARMIN_LANGUAGES)} languages, listed in the README); a Strava export needs {strava}"
    )


def parse_item(
    item: sources.FileItem,
    units: DistanceUnit | None,
    batch: Batch | None = None,
    check: Check | None = None,
    fallback_unit: DistanceUnit = DistanceUnit.KM,
) -> ParseResult:
    """Read one file by its type, streaming it. Raises ImportFileError (or anything a damaged file provokes).

    ``units``: the unit chosen at import for a Garmin CSV (None: only what the file shows);
    ``fallback_unit``: the unit of a Strava export's first Distance column when it has no
    metres column and none was chosen (said in the report).
    """
    head = item.head(HEAD, check)
    kind = _content_kind(item, head)
    if kind in ("gpx", "tcx", "fit"):
        parse = parse_gpx if kind == "gpx" else parse_tcx if kind == "tcx" else parse_fit
        with item.open(check) as stream:
            result = parse(stream, item.label)
        if kind != item.kind:
            result.warn(item.label, f"read as a {NAMES[kind]} file, which it is, although its name says .{item.kind}")
        return result
    header = _csv_header(head)
    if is_strava_header(header):
        found: dict[str, ParseResult | None] = {}
        return parse_strava_csv(
            lambda: item.open(check),
            item.label,
            units or fallback_unit,
            lambda rel: _read_beside(item, rel, units, check, found),
        )
    if is_garmin_header(header) or looks_like_garmin(header):
        return parse_garmin_csv(lambda: item.open(check), item.label, units)
    result = ParseResult()
    result.skip(item.label, unrecognised_csv(header))
    return result


def _content_kind(item: sources.FileItem, head: bytes) -> str | None:
    """The kind of file ``head`` shows (``journal.importers.sniff``), else the one its name says. Raises
    ImportFileError for a zip or a gzip stream that its name does not say, naming what to do."""
    found = sniff_kind(head)
    if found == "zip":
        raise ImportFileError(
            f"is a zip file, not a {NAMES.get(item.kind or '', 'activity')} file: name it .zip "
            "to import the files inside"
        )
    if found == "gz":
        if item.name.lower().endswith(".gz"):
            raise ImportFileError("is packed twice with gzip, which no watch or service does; unpack it once")
        raise ImportFileError(f"is packed with gzip but its name does not end in .gz: rename it {item.name}.gz")
    return found or item.kind


def _read_beside(
    item: sources.FileItem,
    rel: str,
    units: DistanceUnit | None,
    check: Check | None,
    found: dict[str, ParseResult | None],
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


def collect(
    paths: Iterable[Path | str],
    units: DistanceUnit | None,
    progress: Progress | None = None,
    fallback_unit: DistanceUnit = DistanceUnit.KM,
) -> Batch:
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
                result = parse_item(item, units, batch, check, fallback_unit)
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


def import_paths(
    paths: Iterable[Path | str],
    journal: Journal,
    units: DistanceUnit | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import runs from files, folders and zips into ``journal`` (a ``journal.storage.journal.Journal``).

    ``units``: the distance unit chosen for Garmin CSVs whose file does not show it (and
    for Strava's first Distance column when the metres column is missing, else the
    journal's unit, with a warning); None: a Garmin CSV that does not show its unit is
    not read (``ImportReport.unit_unknown``). Raises JournalFileError when the journal
    file cannot be written (the disk is full, it is locked, it was deleted...) and
    ImportWriteError when saving fails otherwise; in both cases nothing was imported.
    """
    batch = collect(paths, units, progress, fallback_unit=journal.settings().units)
    return save_batch(batch, journal)


def needs_units(paths: Iterable[Path | str]) -> list[str]:
    """The Garmin Connect CSVs among ``paths`` whose distance unit the file does not show (it must be chosen)."""
    unknown: list[str] = []
    with ExitStack() as stack:
        found = sources.expand([Path(p).expanduser() for p in paths], stack)
        for item in found.items:
            if item.kind != "csv":
                continue
            try:
                if not is_garmin_header(_csv_header(item.head(HEAD))):
                    continue
                if parse_garmin_csv(item.open, item.label, None).unit_unknown:
                    unknown.append(item.label)
            except Exception:  # an unreadable file is reported by the import itself
                continue
    return unknown
