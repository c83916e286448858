"""The plain records of an import: what a parser found in a file, and the report of a whole import.

Parsers return a ``ParseResult`` (runs found, activities skipped with the reason,
warnings) and raise ``ImportFileError`` for a file they cannot read; the runner
(``journal.importers.run``) turns every other exception into a failed file too,
so no file can stop the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from journal.domain.entries import Run

SOURCE_LABELS: dict[str, str] = {
    "manual": "Logged by hand",
    "gpx": "GPX file",
    "tcx": "TCX file",
    "fit": "FIT file",
    "strava": "Strava export",
    "garmin": "Garmin Connect CSV",
    "json": "Journal backup",
}
"""What a person sees for ``Run.source``."""


def describe_source(run: Run) -> str:
    """``"Strava export (export.zip/activities.csv)"``, or ``"Logged by hand"``: where a run came from."""
    label = SOURCE_LABELS.get(run.source, run.source)
    return f"{label} ({run.source_file})" if run.source_file else label


MAX_RUNS = 20_000
"""Most runs one import takes (a run a day for 55 years): more is not an activity export."""
MAX_NOTES_CHARS = 8_000_000
"""Most characters of notes one import holds in memory before saving."""
MAX_NOTES_PER_FILE = 1_000
"""Most skipped activities and warnings listed for one file; the rest are counted in one line."""


class ImportFileError(Exception):
    """A file could not be read (corrupt, truncated, not what its name says). Nothing of it is imported."""


@dataclass(frozen=True, slots=True)
class FileNote:
    """A message about one file (or one activity in it): why it was skipped, why it failed, a warning."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(slots=True)
class ParseResult:
    """What one file held: runs to import, activities skipped (with the reason), warnings.

    Bounded whatever the file holds: ``add`` refuses the file past ``MAX_RUNS`` runs or
    ``MAX_NOTES_CHARS`` of notes; past ``MAX_NOTES_PER_FILE`` skips (or warnings) the
    rest are only counted (``more_skipped``, ``more_warnings``).
    """

    runs: list[Run] = field(default_factory=list)
    skipped: list[FileNote] = field(default_factory=list)
    warnings: list[FileNote] = field(default_factory=list)
    more_skipped: int = 0
    more_warnings: int = 0
    notes_chars: int = 0
    unit_unknown: bool = False
    """A Garmin Connect CSV whose distance unit the file does not show and none was chosen: nothing of it read."""

    def add(self, run: Run) -> None:
        self.notes_chars += len(run.notes)
        if len(self.runs) >= MAX_RUNS:
            raise ImportFileError(
                f"holds over {MAX_RUNS:,} runs, more than any activity export; nothing of it was read"
            )
        if self.notes_chars > MAX_NOTES_CHARS:
            raise ImportFileError("holds more text in its notes than an export has (over 8 million characters)")
        self.runs.append(run)

    def skip(self, file: str, reason: str) -> None:
        if len(self.skipped) < MAX_NOTES_PER_FILE:
            self.skipped.append(FileNote(file, reason))
        else:
            self.more_skipped += 1

    def warn(self, file: str, message: str) -> None:
        if len(self.warnings) < MAX_NOTES_PER_FILE:
            self.warnings.append(FileNote(file, message))
        else:
            self.more_warnings += 1

    def extend(self, other: ParseResult) -> None:
        for run in other.runs:
            self.add(run)
        for note in other.skipped:
            self.skip(note.file, note.message)
        for note in other.warnings:
            self.warn(note.file, note.message)
        self.more_skipped += other.more_skipped
        self.more_warnings += other.more_warnings
        self.unit_unknown = self.unit_unknown or other.unit_unknown


@dataclass(slots=True)
class ImportReport:
    """The outcome of one import.

    ``imported`` holds the runs as saved (with ids); ``duplicates`` names each activity
    that was already in the journal or came twice in this import, and which copy was
    kept; ``skipped`` the activities and files left out on purpose, with the reason;
    ``failed`` the files that could not be read, with the error. ``unit_unknown`` lists
    the Garmin CSVs not read because their distance unit must be chosen. ``cancelled``
    means nothing was written.
    """

    imported: list[Run] = field(default_factory=list)
    duplicates: list[FileNote] = field(default_factory=list)
    skipped: list[FileNote] = field(default_factory=list)
    failed: list[FileNote] = field(default_factory=list)
    warnings: list[FileNote] = field(default_factory=list)
    files_read: int = 0
    cancelled: bool = False
    unit_unknown: list[str] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        """True when no file could be read at all (every one failed, or there were none)."""
        return self.files_read == 0

    def summary(self) -> str:
        """One sentence: ``"Imported 3 runs; 1 duplicate; 2 skipped; 1 failed."``."""
        if self.cancelled:
            return "Import cancelled: nothing was imported."

        def count(n: int, one: str, many: str) -> str:
            return f"{n} {one if n == 1 else many}"

        parts = [f"Imported {count(len(self.imported), 'run', 'runs')}"]
        parts.append(count(len(self.duplicates), "duplicate", "duplicates"))
        parts.append(f"{len(self.skipped)} skipped")
        parts.append(f"{len(self.failed)} failed")
        return "; ".join(parts) + "."
