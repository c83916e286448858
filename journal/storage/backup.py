"""Backups of the journal: made with SQLite's online backup API, kept beside it, restored whole.

Where: a ``backups`` folder beside the journal (owner-only, 0700), one file per
backup (owner-only, 0600) named ``<journal>.<YYYY-MM-DD-HHMMSS>.<reason>.sqlite3``,
e.g. ``journal.2024-05-01-073000.daily.sqlite3``.

How: ``sqlite3.Connection.backup`` copies a consistent snapshot page by page
even while the window has the journal open (a plain file copy could catch a
write half done, and would miss what still sits in the -wal file). The copy is
written to a hidden temporary file, switched to a single self-contained file
(``journal_mode=DELETE``), flushed to disk, then renamed into place, so a
backup is either whole or absent.

When: at start-up at most once a day (``daily_backup_if_due``), before every
schema migration (``backup_before_migration``, passed to ``Journal.open``),
before a restore, and on request (``backup`` command). After each one the
oldest are deleted so that the newest ``keep`` remain (``Settings.backups_kept``,
default 10).

Restoring (``restore_backup``) first backs up the current file itself, then
copies the backup into a temporary file beside the journal and renames it over
the journal in one step: the journal is the old one or the restored one, never
half of each.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from journal.storage import files, migrate
from journal.storage.files import OWNER_ONLY_DIR, OWNER_ONLY_FILE, FileProblem, JournalFileError
from journal.storage.temporary import locked_temporary, remove_leftovers, remove_temporary

FOLDER_NAME = "backups"
SUFFIX = ".sqlite3"
DEFAULT_KEEP = 10
REASONS = {
    "daily": "Daily, at start-up",
    "manual": "Made by you",
    "before-migration": "Before upgrading the journal",
    "before-restore": "Before restoring a backup",
    "other": "A file you chose",
}
"""Why a backup was made -> what the window shows."""
TEMPORARY = ".tmp"
_STAMP = "%Y-%m-%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<stamp>\d{4}-\d{2}-\d{2}-\d{6})(?:-(?P<n>\d+))?\.(?P<reason>[a-z0-9-]+)$")


class BackupError(Exception):
    """A backup could not be made or restored; the message is for the person."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file, read without changing it. Counts are None when it cannot be read (see ``problem``)."""

    path: Path
    made_at: datetime
    reason: str
    size: int
    runs: int | None = None
    checkins: int | None = None
    care: int | None = None
    last_entry: date | None = None
    problem: str | None = None

    @property
    def entries(self) -> int | None:
        """Runs + check-ins + care entries."""
        if self.runs is None or self.checkins is None or self.care is None:
            return None
        return self.runs + self.checkins + self.care

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason.replace("-", " ").capitalize())


# ---- names and places -------------------------------------------------------------------------
def backup_folder(journal_path: Path) -> Path:
    return Path(journal_path).expanduser().parent / FOLDER_NAME


def _stem(journal_path: Path) -> str:
    """``journal.sqlite3`` -> ``journal``; other names are kept whole (``journal.db``)."""
    name = Path(journal_path).name
    return name[: -len(SUFFIX)] if name.endswith(SUFFIX) and len(name) > len(SUFFIX) else name


def _parse_name(path: Path) -> tuple[str, datetime, int, str] | None:
    if not path.name.endswith(SUFFIX):
        return None
    match = _NAME.match(path.name[: -len(SUFFIX)])
    if not match:
        return None
    try:
        made = datetime.strptime(match["stamp"], _STAMP)
    except ValueError:
        return None
    return match["stem"], made, int(match["n"] or 0), match["reason"]


def _backups_of(journal_path: Path) -> list[tuple[datetime, int, str, Path]]:
    """(made_at, n, reason, path) of this journal's backups, newest first."""
    folder, stem = backup_folder(journal_path), _stem(journal_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = _parse_name(path)
        if parsed and parsed[0] == stem and path.is_file():
            found.append((parsed[1], parsed[2], parsed[3], path))
    return sorted(found, key=lambda b: (b[0], b[1]), reverse=True)


def has_backups(journal_path: Path) -> bool:
    """True when the backups folder beside ``journal_path`` holds a backup of it."""
    return bool(_backups_of(Path(journal_path).expanduser()))


def _new_name(journal_path: Path, reason: str, now: datetime) -> Path:
    folder, stem, stamp = backup_folder(journal_path), _stem(journal_path), now.strftime(_STAMP)
    candidate = folder / f"{stem}.{stamp}.{reason}{SUFFIX}"
    n = 1
    while candidate.exists():
        n += 1
        candidate = folder / f"{stem}.{stamp}-{n}.{reason}{SUFFIX}"
    return candidate


def _ensure_folder(journal_path: Path) -> Path:
    folder = backup_folder(journal_path)
    try:
        folder.mkdir(mode=OWNER_ONLY_DIR, exist_ok=True)
        os.chmod(folder, OWNER_ONLY_DIR)
    except OSError as exc:
        raise BackupError(f"The backups folder {folder} cannot be created ({exc.strerror or exc})") from exc
    return folder


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _source(path: Path) -> sqlite3.Connection:
    """The connection a copy is read from: read-write as SQLite needs for a WAL journal, told to write nothing.

    Read-write, not read-only: a read-only connection to a WAL-mode file leaves -wal and -shm
    files beside it that it may not remove; this one, the last to close, removes them as the
    app does. ``mode=rw`` never creates the file; ``query_only`` refuses any write.
    """
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True)
    conn.execute("PRAGMA query_only=ON")
    return conn


@contextmanager
def _copy_database(source: Path, target_folder: Path, prefix: str) -> Iterator[Path]:
    """Copy ``source`` with the backup API into a new hidden 0600 file in ``target_folder``.

    The file is yielded to be renamed into place; it is locked while this runs
    (``journal.storage.temporary``), so a copy left by a killed process is found and
    removed later, and removed here if anything fails.
    """
    remove_leftovers(target_folder, prefix, TEMPORARY)
    fd, tmp = locked_temporary(target_folder, prefix, TEMPORARY)
    try:
        src = _source(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                # The copy inherits WAL mode from the page header; make it one self-contained file.
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        os.chmod(tmp, OWNER_ONLY_FILE)
        _fsync_file(tmp)
        yield tmp
    except BaseException:
        remove_temporary(tmp)
        raise
    finally:
        os.close(fd)


def remove_leftovers_of(journal_path: Path) -> list[Path]:
    """Temporary copies that killed backups, restores and journal creations left beside the journal."""
    journal_path = Path(journal_path)
    found = remove_leftovers(journal_path.parent, f".{journal_path.name}.restore-", TEMPORARY)
    found += remove_leftovers(journal_path.parent, f".{journal_path.name}.", files.NEW_SUFFIX)
    folder = backup_folder(journal_path)
    if folder.is_dir():
        found += remove_leftovers(folder, f".{_stem(journal_path)}.", TEMPORARY)
    return found


def stored_keep(journal_path: Path) -> int:
    """``backups_kept`` from the journal's settings (read-only), or the default of 10."""
    try:
        with files.read_only(journal_path) as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = 'backups_kept'").fetchone()
        return max(1, int(row[0])) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError, TypeError):
        return DEFAULT_KEEP


def _failure(what: str, folder: Path, exc: BaseException) -> str:
    """``what`` and why, in words: a full disk as a full disk, SQLite's short text otherwise (never SQL)."""
    from journal.storage.errors import SQLITE_FULL, is_disk_full

    code = getattr(exc, "sqlite_errorcode", None)
    if is_disk_full(exc) or (isinstance(code, int) and code & 0xFF == SQLITE_FULL):
        return f"{what}: the disk holding {folder} is full. Free some space and try again"
    if isinstance(exc, OSError):
        return f"{what} ({exc.strerror or type(exc).__name__})"
    return f"{what}: {exc.args[0] if exc.args else type(exc).__name__}"


# ---- making and rotating ------------------------------------------------------------------------
def make_backup(
    journal_path: Path | str,
    reason: str = "manual",
    keep: int | None = None,
    now: datetime | None = None,
    protect: Iterable[Path] = (),
) -> Path:
    """Back up the journal now into ``backups/``; return the new file.

    Then delete the oldest backups beyond ``keep`` (default: the journal's
    ``backups_kept`` setting), never those in ``protect``. Raises BackupError.
    """
    journal_path = Path(journal_path).expanduser()
    if reason not in REASONS and not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError(f"reason must be lower-case letters, digits and '-': {reason!r}")
    if not journal_path.is_file():
        raise BackupError(f"There is no journal file at {journal_path} to back up")
    keep = stored_keep(journal_path) if keep is None else max(1, keep)
    folder = _ensure_folder(journal_path)
    target = _new_name(journal_path, reason, now or datetime.now())
    try:
        with _copy_database(journal_path, folder, f".{_stem(journal_path)}.") as tmp:
            os.replace(tmp, target)
        _fsync_dir(folder)
    except sqlite3.Error as exc:
        raise BackupError(_failure(f"The journal {journal_path} could not be backed up", folder, exc)) from exc
    except OSError as exc:
        raise BackupError(_failure(f"The backup could not be written to {folder}", folder, exc)) from exc
    rotate(journal_path, keep, protect=[target, *protect])
    return target


def rotate(journal_path: Path, keep: int, protect: Iterable[Path] = ()) -> list[Path]:
    """Delete this journal's backups beyond the newest ``keep``; return what was deleted."""
    protected = {Path(p).resolve() for p in protect}
    deleted = []
    for _made, _n, _reason, path in _backups_of(journal_path)[max(1, keep) :]:
        if path.resolve() in protected:
            continue
        path.unlink(missing_ok=True)
        Path(f"{path}-wal").unlink(missing_ok=True)
        deleted.append(path)
    return deleted


def _entry_count(journal_path: Path) -> int:
    with files.read_only(journal_path) as conn:
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("runs", "checkins", "care"))


def daily_backup_if_due(journal_path: Path | str, keep: int | None = None, now: datetime | None = None) -> Path | None:
    """At start-up: back up unless a daily backup was already made today (or the journal is empty).

    Returns the new backup, or None when none was due. Raises BackupError: the
    caller should say so and carry on opening the journal.
    """
    journal_path = Path(journal_path).expanduser()
    now = now or datetime.now()
    if not journal_path.is_file():
        return None
    if any(reason == "daily" and made.date() == now.date() for made, _n, reason, _p in _backups_of(journal_path)):
        return None
    try:
        if _entry_count(journal_path) == 0:
            return None
    except sqlite3.Error as exc:
        raise BackupError(f"The journal {journal_path} could not be read for its daily backup: {exc}") from exc
    return make_backup(journal_path, "daily", keep, now)


def backup_before_migration(journal_path: Path) -> None:
    """``Journal.open(path, before_migration=backup_before_migration)``: back up before a schema upgrade.

    A journal that cannot be backed up is not upgraded: JournalFileError(BACKUP_FAILED).
    """
    try:
        make_backup(journal_path, "before-migration")
    except BackupError as exc:
        raise JournalFileError(Path(journal_path), FileProblem.BACKUP_FAILED, str(exc)) from exc


# ---- listing ------------------------------------------------------------------------------------
def read_backup(path: Path) -> BackupInfo:
    """Open one backup read-only and count what it holds.

    The date and reason come from its name; a file named otherwise (one the
    person picked) is dated by its modification time.
    """
    path = Path(path)
    parsed = _parse_name(path)
    if parsed:
        made_at, reason = parsed[1], parsed[3]
    else:
        made_at, reason = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0), "other"
    size = path.stat().st_size
    base = BackupInfo(path=path, made_at=made_at, reason=reason, size=size)
    try:
        files.inspect_existing(path)
        revision = files.stored_revision(path)
        with files.read_only(path) as conn:
            runs, checkins, care = (
                conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("runs", "checkins", "care")
            )
            last = conn.execute(
                "SELECT max(d) FROM (SELECT max(date(started_at)) AS d FROM runs "
                "UNION ALL SELECT max(date(recorded_at)) FROM checkins UNION ALL SELECT max(date(day)) FROM care)"
            ).fetchone()[0]
    except JournalFileError as exc:
        problem = {
            FileProblem.EMPTY: "empty",
            FileProblem.NOT_A_JOURNAL: "not a journal",
            FileProblem.LOCKED: "in use",
        }.get(exc.problem, "damaged")
        return BackupInfo(path=path, made_at=made_at, reason=reason, size=size, problem=problem)
    except sqlite3.Error:
        return BackupInfo(path=path, made_at=made_at, reason=reason, size=size, problem="damaged")
    if revision is not None and revision not in migrate.REVISIONS:
        return BackupInfo(path=path, made_at=made_at, reason=reason, size=size, problem="made by a newer version")
    return BackupInfo(
        path=base.path,
        made_at=made_at,
        reason=reason,
        size=size,
        runs=runs,
        checkins=checkins,
        care=care,
        last_entry=date.fromisoformat(last) if last else None,
    )


def list_backups(journal_path: Path | str) -> list[BackupInfo]:
    """This journal's backups, newest first, each opened read-only to count its entries."""
    return [read_backup(p) for _made, _n, _reason, p in _backups_of(Path(journal_path).expanduser())]


# ---- restoring ----------------------------------------------------------------------------------
def check_backup(backup: Path) -> None:
    """Raise BackupError unless ``backup`` is a readable journal this version can open."""
    backup = Path(backup)
    if not backup.is_file():
        raise BackupError(f"There is no backup file at {backup}")
    try:
        tables = files.inspect_existing(backup)
    except JournalFileError as exc:
        raise BackupError(f"The backup {backup} cannot be restored: {exc.message()}") from exc
    if not tables:
        raise BackupError(f"The backup {backup} cannot be restored: it is an empty database, not a journal")
    revision = files.stored_revision(backup)
    if revision is None:
        raise BackupError(f"The backup {backup} cannot be restored: it has no schema version")
    if revision not in migrate.REVISIONS:
        raise BackupError(f"The backup {backup} was made by a newer version of this app; update the app first")


def _save_current(journal_path: Path, protect: Path) -> Path | None:
    """Back up the file about to be replaced; a file SQLite cannot read is copied byte for byte."""
    if not journal_path.exists() or journal_path.is_dir():
        return None
    if journal_path.stat().st_size == 0:
        return None  # nothing to keep
    try:
        return make_backup(journal_path, "before-restore", protect=[protect])
    except BackupError:
        pass
    folder = _ensure_folder(journal_path)
    target = _new_name(journal_path, "before-restore", datetime.now())
    fd = None
    try:
        fd, tmp = locked_temporary(folder, f".{_stem(journal_path)}.", TEMPORARY)
        try:
            shutil.copyfile(journal_path, tmp)
            os.chmod(tmp, OWNER_ONLY_FILE)
            wal = Path(f"{journal_path}-wal")
            if wal.is_file() and wal.stat().st_size:
                shutil.copyfile(wal, f"{target}-wal")
                os.chmod(f"{target}-wal", OWNER_ONLY_FILE)
            os.replace(tmp, target)
        except BaseException:
            remove_temporary(tmp)
            raise
        _fsync_dir(folder)
    except OSError as exc:
        what = "The current journal could not be saved before restoring"
        raise BackupError(f"{_failure(what, folder, exc)}; nothing was changed") from exc
    finally:
        if fd is not None:
            os.close(fd)
    return target


def _refuse_another_programs_file(journal_path: Path) -> None:
    """A restore replaces a journal, even a damaged one or one whose bytes are junk, never another
    program's database (an SQLite file that is not a journal) or something that is not a file."""
    try:
        files.inspect_existing(journal_path)
    except JournalFileError as exc:
        if exc.problem is not FileProblem.NOT_A_JOURNAL:
            return
        with journal_path.open("rb") as f:
            sqlite_file = f.read(len(files.SQLITE_HEADER)) == files.SQLITE_HEADER
        if sqlite_file or not journal_path.is_file():
            raise BackupError(f"{exc.message()} Nothing was restored over it.") from exc


def _checkpoint(journal_path: Path) -> None:
    """Move what the old journal's -wal holds into the file itself, so removing the -wal loses nothing.

    Best effort: a journal SQLite cannot open was copied byte for byte, -wal included, by ``_save_current``.
    """
    if not Path(f"{journal_path}-wal").exists():
        return
    try:
        conn = sqlite3.connect(f"{journal_path.resolve().as_uri()}?mode=rw", uri=True)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def restore_backup(backup: Path | str, journal_path: Path | str) -> Path | None:
    """Replace the journal with ``backup``; return the backup made of the journal it replaced (None if none).

    The caller holds the journal's ``JournalLock`` and has closed the journal.
    The backup is checked first; the current file is backed up itself (copied
    byte for byte when SQLite cannot read it); the restored copy is written to
    a temporary file and renamed over the journal in one step. Raises BackupError
    with the journal unchanged.
    """
    backup, journal_path = Path(backup).expanduser(), Path(journal_path).expanduser()
    check_backup(backup)
    if journal_path.is_dir():
        raise BackupError(f"{journal_path} is a folder, not a journal file; nothing was restored")
    if not journal_path.parent.is_dir():
        raise BackupError(f"The folder {journal_path.parent} does not exist; nothing was restored")
    if journal_path.exists():
        try:
            files.check_writable(journal_path)
        except JournalFileError as exc:
            raise BackupError(f"{exc.message()} Nothing was restored.") from exc
        _refuse_another_programs_file(journal_path)
    saved = _save_current(journal_path, protect=backup)
    _checkpoint(journal_path)
    try:
        with _copy_database(backup, journal_path.parent, f".{journal_path.name}.restore-") as tmp:
            # A -wal left from the old file would be replayed onto the restored one: remove it first.
            # Whatever it held is in ``saved`` (the backup API reads through the -wal; a raw copy takes it along).
            for side in ("-wal", "-shm"):
                Path(f"{journal_path}{side}").unlink(missing_ok=True)
            os.replace(tmp, journal_path)
        _fsync_dir(journal_path.parent)
    except (sqlite3.Error, OSError) as exc:
        what = f"The backup {backup} could not be copied into place"
        raise BackupError(f"{_failure(what, journal_path.parent, exc)}; nothing was restored") from exc
    return saved
