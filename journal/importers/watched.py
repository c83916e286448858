"""Watched folders: new activity files from a sync tool's folder or a watch mounted as a drive, imported once.

The folders are named in Settings (stored in the journal under ``SETTING_KEY``, so the
window and ``import --watch-folders`` share them). The window imports what arrives in
them in the background, at start and while it runs (``journal.ui.importing.watcher``);
the command line does it once. Both go through ``import_new_files``:

- Only FIT, TCX and GPX files (also gzipped) are read; exports (zips, CSVs) are imported
  by hand, where a Garmin CSV's unit can be chosen.
- A file is recognised by the SHA-256 of its content (``journal.storage.imported_files``):
  a file read once is never read again, even after it was moved or renamed, and a run
  the person deleted does not come back. Every file read is remembered, whatever became
  of it (imported, a duplicate, skipped, broken), so a broken file is reported once.
- A file still being written is not read: ``Arrivals`` waits until its size and time
  have not changed for ``SETTLE_S`` seconds. One that fails while it was changed in the
  last ``YOUNG_S`` seconds (a sync tool that writes in bursts, a watch still copying) is
  not reported as broken or remembered: it is retried later, with a growing pause
  (``RETRY_FIRST_S``, doubling up to ``RETRY_MAX_S``).

``watch_volumes()`` finds watches mounted as drives (Garmin's ``GARMIN/Activity`` folder)
under the usual mount points: ``/media/$USER/*``, ``/run/media/$USER/*`` and ``/media/*``
on Linux, ``/Volumes/*`` on macOS, the drive letters on Windows.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import string
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from journal.importers.reading import MAX_FILE_BYTES, Check, LimitedReader, NotRegularFile, buffered, open_regular
from journal.importers.records import FileNote, ImportFileError, ImportReport
from journal.importers.sources import kind_of

if TYPE_CHECKING:
    from journal.domain.entries import Run
    from journal.storage.journal import Journal

SETTING_KEY = "import.watched_folders"
WATCHED_KINDS = ("fit", "tcx", "gpx")
SETTLE_S = 2.0
YOUNG_S = 120.0
RETRY_FIRST_S = 2.0
RETRY_MAX_S = 60.0
MAX_FOLDERS = 50
MAX_DEPTH = 3
"""Folders below a watched folder that are searched (a sync tool's year/month folders)."""
MAX_FILES = 20_000
GARMIN_ACTIVITY = ("garmin", "activity")
"""A Garmin watch mounted as a drive keeps its activities in GARMIN/Activity (the case varies by model)."""

Progress = Callable[[int, int], bool]


def folders_from_settings(raw: dict[str, str]) -> list[Path]:
    """The watched folders stored in the journal's settings (none when unset or unreadable)."""
    try:
        names = json.loads(raw.get(SETTING_KEY) or "[]")
    except ValueError:
        return []
    if not isinstance(names, list):
        return []
    return [Path(n) for n in names if isinstance(n, str) and n.strip()][:MAX_FOLDERS]


def folders_setting(folders: Iterable[Path | str]) -> dict[str, str]:
    """The settings value naming ``folders`` (absolute, each once, in the order given)."""
    unique = list(dict.fromkeys(str(Path(f).expanduser().absolute()) for f in folders))
    return {SETTING_KEY: json.dumps(unique[:MAX_FOLDERS])}


def is_watched_kind(name: str) -> bool:
    return kind_of(name) in WATCHED_KINDS


def activity_files(folders: Iterable[Path], unreadable: list[FileNote] | None = None) -> list[Path]:
    """The FIT, TCX and GPX files in ``folders`` and up to ``MAX_DEPTH`` folders below, hidden ones left out.

    Named pipes, sockets and devices (or links to them) with those names are listed too, so that the import
    says what they are (``import_new_files`` never opens one) rather than passing them over in silence.
    ``unreadable`` collects the folders that could not be listed, with the reason (permission denied...).
    """
    found: list[Path] = []
    for folder in folders:
        _walk(Path(folder), 0, found, unreadable)
    return sorted(dict.fromkeys(found))[:MAX_FILES]


def _walk(folder: Path, depth: int, found: list[Path], unreadable: list[FileNote] | None = None) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        if unreadable is not None:
            unreadable.append(FileNote(str(folder), f"cannot be read ({exc.strerror or type(exc).__name__})"))
        return
    for entry in entries:
        if entry.name.startswith(".") or len(found) >= MAX_FILES:
            continue
        try:
            if entry.is_dir():
                if depth < MAX_DEPTH:
                    _walk(Path(entry.path), depth + 1, found, unreadable)
            elif is_watched_kind(entry.name) and (entry.is_file() or _is_special(entry)):
                found.append(Path(entry.path))
        except OSError:
            continue


def _is_special(entry: os.DirEntry[str]) -> bool:
    """A named pipe, a socket or a device, or a link to one (a link to nothing is not listed)."""
    try:
        mode = entry.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


def mount_roots(platform: str = sys.platform, user: str | None = None) -> list[Path]:
    """Where removable drives appear on this system."""
    if platform == "darwin":
        return [Path("/Volumes")]
    if platform.startswith("win"):
        return [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]]
    user = user or os.environ.get("USER") or os.environ.get("LOGNAME") or ""
    roots = [Path("/media") / user, Path("/run/media") / user] if user else []
    return [*roots, Path("/media")]


def _child(folder: Path, name: str) -> Path | None:
    """``folder/name`` matched without case (GARMIN/Activity, Garmin/ACTIVITY...)."""
    try:
        return next((Path(e.path) for e in os.scandir(folder) if e.is_dir() and e.name.casefold() == name), None)
    except OSError:
        return None


def watch_volumes(roots: Iterable[Path] | None = None) -> list[Path]:
    """The GARMIN/Activity folders of the watches mounted under ``roots`` (default: ``mount_roots()``)."""
    found: list[Path] = []
    for root in mount_roots() if roots is None else roots:
        candidates = [root]
        try:
            candidates += sorted(Path(e.path) for e in os.scandir(root) if e.is_dir())
        except OSError:
            continue
        for volume in candidates:
            garmin = _child(volume, GARMIN_ACTIVITY[0])
            activity = _child(garmin, GARMIN_ACTIVITY[1]) if garmin is not None else None
            if activity is not None:
                found.append(activity)
    return list(dict.fromkeys(found))


def content_hash(path: Path, check: Check | None = None) -> tuple[str, int]:
    """(hex SHA-256, size) of an ordinary file, read through the import's reader (capped). Raises ImportFileError."""
    digest = hashlib.sha256()
    size = 0
    with buffered(LimitedReader(open_regular(path), limit=MAX_FILE_BYTES, check=check)) as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


@dataclass
class _Seen:
    size: int
    mtime_ns: int
    since: float
    attempts: int = 0
    retry_at: float = 0.0


@dataclass
class Arrivals:
    """Which files are ready to read: unchanged for ``settle_s`` seconds, and not waiting for a retry.

    Pure bookkeeping with the time passed in, shared by the window's watcher and testable
    without waiting.
    """

    settle_s: float = SETTLE_S
    retry_first_s: float = RETRY_FIRST_S
    retry_max_s: float = RETRY_MAX_S
    seen: dict[Path, _Seen] = field(default_factory=dict)

    def ready(self, paths: Iterable[Path], now: float) -> list[Path]:
        """Of ``paths`` (the files now in the folders), those settled and due; files gone are forgotten."""
        present = set()
        out: list[Path] = []
        for path in paths:
            present.add(path)
            try:
                info = path.stat()
            except OSError:
                continue
            state = self.seen.get(path)
            if state is None or (state.size, state.mtime_ns) != (info.st_size, info.st_mtime_ns):
                attempts = state.attempts if state is not None else 0
                self.seen[path] = _Seen(info.st_size, info.st_mtime_ns, now, attempts)
                continue
            if now - state.since >= self.settle_s and now >= state.retry_at:
                out.append(path)
        for gone in set(self.seen) - present:
            del self.seen[gone]
        return out

    def retry_later(self, path: Path, now: float) -> float:
        """Wait longer before reading ``path`` again (2, 4, 8... up to ``retry_max_s`` seconds); returns when."""
        state = self.seen.get(path)
        if state is None:
            return now
        state.attempts += 1
        state.retry_at = now + min(self.retry_max_s, self.retry_first_s * 2 ** (state.attempts - 1))
        return state.retry_at

    def done(self, path: Path) -> None:
        """``path`` was read (or found known): nothing more to wait for until it changes."""
        state = self.seen.get(path)
        if state is not None:
            state.retry_at = float("inf")

    def next_check(self, now: float) -> float | None:
        """Seconds until a file not yet ready may be (settling or waiting to retry); None when none waits."""
        waits = [
            max(0.0, max(s.since + self.settle_s, s.retry_at) - now)
            for s in self.seen.values()
            if s.retry_at != float("inf")
        ]
        return min(waits) if waits else None


@dataclass
class WatchOutcome:
    """What one watched-folder import did: the import's report, the files to retry later, those known already."""

    report: ImportReport
    retry: list[Path] = field(default_factory=list)
    known: list[Path] = field(default_factory=list)
    read: list[Path] = field(default_factory=list)


def _young(path: Path, now: float, young_s: float) -> bool:
    try:
        return now - path.stat().st_mtime < young_s
    except OSError:
        return True  # vanished while read: a sync tool replacing it; look again later


def import_new_files(
    journal: Journal,
    paths: Iterable[Path],
    progress: Progress | None = None,
    now: float | None = None,
    young_s: float = YOUNG_S,
) -> WatchOutcome:
    """Import the files of ``paths`` whose content was never read; remember what was read.

    Files that fail while young (changed in the last ``young_s`` seconds) are left for a
    retry, neither reported nor remembered. The runs are saved and the content hashes of
    the files read remembered in one transaction (``journal.importers.saving``,
    ``journal.storage.imported_files.add_runs_remembering``): when it fails (a full disk),
    neither is saved, and the error is raised as from any import.
    """
    from journal.importers.run import collect
    from journal.importers.saving import save_batch
    from journal.storage import imported_files

    now = time.time() if now is None else now
    outcome = WatchOutcome(ImportReport())
    hashes: dict[Path, tuple[str, int]] = {}
    failed_early: list[FileNote] = []
    for path in dict.fromkeys(Path(p) for p in paths):
        try:
            hashes[path] = content_hash(path)
        except NotRegularFile as exc:  # a pipe or a device is never waited for: it will not become a file
            failed_early.append(FileNote(str(path), str(exc)))
        except ImportFileError as exc:
            if _young(path, now, young_s):
                outcome.retry.append(path)
            else:
                failed_early.append(FileNote(str(path), str(exc)))
    known = imported_files.known(journal, (h for h, _ in hashes.values()))
    fresh: dict[str, Path] = {}
    for path, (digest, _size) in hashes.items():
        if digest in known or digest in fresh:
            outcome.known.append(path)
        else:
            fresh[digest] = path
    batch = collect(list(fresh.values()), None, progress, fallback_unit=journal.settings().units)
    if batch.cancelled:
        outcome.report = ImportReport(cancelled=True)
        return outcome
    retry = {str(p) for p in fresh.values() if _young(p, now, young_s)} & {n.file for n in batch.failed}
    batch.failed = [n for n in batch.failed if n.file not in retry] + failed_early
    outcome.retry += [Path(name) for name in sorted(retry)]
    read = [(digest, path) for digest, path in fresh.items() if str(path) not in retry]

    def files_read(report: ImportReport, to_save: Sequence[Run]) -> list[imported_files.RememberedFile]:
        saved = {run.source_file for run in to_save}
        return [
            imported_files.RememberedFile(digest, path.name, hashes[path][1], _outcome(str(path), report, saved))
            for digest, path in read
        ]

    outcome.report = save_batch(batch, journal, files_read)
    outcome.read = [path for _digest, path in read]
    return outcome


def _outcome(label: str, report: ImportReport, saved: set[str | None]) -> str:
    if label in saved:
        return "imported"
    if any(note.file == label for note in report.failed):
        return "failed"
    if any(note.file == label for note in report.duplicates):
        return "duplicate"
    return "skipped"


def arrival_notice(outcome: WatchOutcome) -> str:
    """One line for the status bar: what arrived, without dates, distances or notes (never health data)."""
    report = outcome.report
    parts = []
    if report.imported:
        names = sorted({PurePath(r.source_file or "").name for r in report.imported})
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        parts.append(f"{len(report.imported)} new run{'s' if len(report.imported) != 1 else ''} imported ({shown})")
    if report.failed:
        names = sorted({PurePath(n.file).name for n in report.failed})
        parts.append(f"{len(names)} file{'s' if len(names) != 1 else ''} could not be read ({', '.join(names[:3])})")
    if report.duplicates and not report.imported:
        parts.append(f"{len(report.duplicates)} already in the journal")
    return ("From watched folders: " + "; ".join(parts) + ".") if parts else ""
