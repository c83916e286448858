"""From the runs read to the runs saved: validation, duplicates (and which copy is kept), one transaction.

``save_batch(batch, journal)`` is the second half of every import (``journal.importers.run``
reads the files into a Batch). Runs that would not pass the journal's validation are fixed
where a field can be dropped (a duration over 4 days, an effort outside 1-10) or skipped
with the reason (no distance, a date in the future). Duplicates
(``journal.importers.dedupe``) are dropped against the journal (the stored run is kept, as
it is) and within the batch (the better source is kept, and takes the other's blanks);
the report says which copy was kept. Then all new runs are written with one
``journal.add_entries(runs=...)``: all of them or, on any error, none. ``save_batch``'s
``remember`` names the files read (watched folders) from the planned report and runs, and
they are remembered in that same transaction (``journal.storage.imported_files``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import PurePath
from typing import TYPE_CHECKING

from journal.domain.entries import JournalData, Run
from journal.domain.units import DistanceUnit, format_distance
from journal.domain.validation import MAX_NAME, MAX_NOTES, validate_run
from journal.importers.dedupe import RunIndex, better, fill_blanks
from journal.importers.records import SOURCE_LABELS, FileNote, ImportReport

if TYPE_CHECKING:
    from journal.importers.run import Batch
    from journal.storage.imported_files import RememberedFile
    from journal.storage.journal import Journal

Remember = Callable[["ImportReport", Sequence[Run]], "list[RememberedFile]"]
"""``remember(report, to_save)``: the files to remember with the runs, from the report before saving and the runs
about to be saved."""


class ImportWriteError(Exception):
    """Saving the runs failed for a reason other than the journal file; nothing was imported."""


def checked(run: Run, now: datetime) -> tuple[Run | None, list[str]]:
    """(``run`` made valid, warnings), or (None, [the reason it is skipped])."""
    notes: list[str] = []
    shoe = run.shoe.replace("\x00", "").strip()[:MAX_NAME] if run.shoe is not None else None
    run = replace(
        run,
        notes=run.notes.replace("\x00", "")[:MAX_NOTES],
        shoe=shoe or None,
        source_id=run.source_id[:200] if run.source_id is not None else None,
    )
    problems = validate_run(run, now)
    if "duration" in problems:
        notes.append(f"duration left out: {problems.pop('duration')}")
        run = replace(run, duration_s=None)
    if "effort" in problems:
        notes.append(f"effort left out: {problems.pop('effort')}")
        run = replace(run, effort=None)
    if problems:
        return None, ["; ".join(problems.values())]
    return run, notes


def when(run: Run, unit: DistanceUnit) -> str:
    return f"the run of {run.started_at:%Y-%m-%d %H:%M} ({format_distance(run.distance_m, unit)})"


def _source(run: Run) -> str:
    """``"a FIT file"``, ``"a Strava export"``, ``"logged by hand"``: a run's source in a sentence."""
    if run.source == "manual":
        return "logged by hand"
    return f"a {SOURCE_LABELS.get(run.source, run.source)}"


def _name(run: Run) -> str:
    return PurePath(run.source_file or "?").name


def stored_note(new: Run, stored: Run, unit: DistanceUnit) -> str:
    """The duplicate of a run already in the journal: the stored run is kept, and said to be."""
    origin = _source(stored) if stored.source == "manual" else f"from {_source(stored)}"
    note = f"{when(new, unit)} is already in the journal ({origin}); the stored run was kept"
    if better(new, stored):
        note += (
            f". This {SOURCE_LABELS.get(new.source, new.source)} is a better source: to use it instead, delete the "
            "stored run and import the file again"
        )
    return note


def batch_note(kept: Run, dropped: Run, unit: DistanceUnit) -> str:
    """The duplicate within one import: which file's copy was kept, and why."""
    why = f", {_source(kept)}, the better source" if better(kept, dropped) else ", read first"
    return f"{when(dropped, unit)} is also in {_name(kept)}: kept {_name(kept)}{why}"


def save_batch(batch: Batch, journal: Journal, remember: Remember | None = None) -> ImportReport:
    """Check, de-duplicate and save the runs of ``batch`` (one transaction); the report of the import.

    ``remember``: the files to remember as read, saved in the same transaction as the runs.
    """
    if batch.cancelled:
        return ImportReport(cancelled=True, files_read=batch.files_read)
    report, to_save = plan_batch(batch, journal)
    files = remember(report, to_save) if remember is not None else []
    if to_save or files:
        report.imported = list(_save(journal, to_save, files).runs)
    return report


def plan_batch(batch: Batch, journal: Journal) -> tuple[ImportReport, list[Run]]:
    """The report of ``batch`` (without ``imported``) and the new runs to save, in time order."""
    unit = journal.settings().units
    report = ImportReport(
        skipped=batch.skipped,
        failed=batch.failed,
        warnings=batch.warnings,
        files_read=batch.files_read,
        unit_unknown=batch.unit_unknown,
    )
    existing = RunIndex(journal.runs())
    new = RunIndex()
    now = datetime.now()
    for run in batch.runs:
        valid, notes = checked(run, now)
        label = run.source_file or "?"
        if valid is None:
            report.skipped.append(FileNote(label, f"{when(run, unit)} cannot be saved: {notes[0]}"))
            continue
        report.warnings += [FileNote(label, note) for note in notes]
        stored = existing.find(valid)
        kept = existing.runs[stored] if stored is not None else None
        if kept is not None:
            report.duplicates.append(FileNote(label, stored_note(valid, kept, unit)))
            continue
        position = new.find(valid)
        if position is None:
            new.add(valid)
            continue
        first = new.runs[position]
        assert first is not None
        if better(valid, first):
            report.duplicates.append(FileNote(first.source_file or "?", batch_note(valid, first, unit)))
            new.replace_at(position, fill_blanks(valid, first))
        else:
            report.duplicates.append(FileNote(label, batch_note(first, valid, unit)))
            new.replace_at(position, fill_blanks(first, valid))
    return report, sorted(new.kept(), key=lambda r: r.started_at)


def _save(journal: Journal, runs: list[Run], files: list[RememberedFile]) -> JournalData:
    """All the runs (and the files to remember) in one transaction. A journal file problem (disk full, locked,
    deleted...) is raised as the JournalFileError that names it; anything else as ImportWriteError, never quoting
    a run."""
    from journal.storage.files import JournalFileError
    from journal.storage.journal import InvalidEntry

    try:
        if files:
            from journal.storage.imported_files import add_runs_remembering

            return add_runs_remembering(journal, runs, files)
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
