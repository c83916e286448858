"""The one place the window changes the journal (after Anki's ``CollectionOp``).

Widgets never hold a database session or call a write method of ``Journal``
themselves: ``read`` hands them the journal typed as ``JournalReader`` (reads only),
and every write is a named operation here (save a run, acknowledge a flag, restore
a backup, import files...). Each is one transaction (the ``Journal`` method it
wraps), is validated first, may be undone (``undo_stack``), and on success emits
``changed`` with what kind of entries changed, so every page refreshes itself
without the window being rebuilt.

Signals:
    changed(Change): after every committed write (and undo/redo), with what changed.
    failed(str): the journal file could not be written or read (the disk is full, the
        file is locked by another program, it was deleted...); the message is for the
        person and carries no health data. This is the window's one channel for such
        errors: the main window shows it (``MainWindow.show_failure``). The write that
        failed raises ``WriteFailed`` to its caller, so a dialog stays open with what
        was typed, and nothing was saved (each write is one transaction).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Flag as FlagSet
from enum import auto
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journal.domain.entries import CareEntry, CheckIn, Run, Shoe
from journal.domain.races import Race
from journal.domain.settings import Settings
from journal.domain.units import DistanceUnit
from journal.storage.files import JournalFileError
from journal.storage.journal import InvalidEntry, Journal
from journal.storage.reader import JournalReader

if TYPE_CHECKING:
    from journal.analysis.flags import Flag
    from journal.importers.run import ImportReport
    from journal.importers.watched import WatchOutcome
    from journal.storage.flag_store import FlagAcknowledgement

T = TypeVar("T")
R = TypeVar("R")
ErrorHandler = Callable[[str, bool], None]
"""``on_error(message, shown)`` of background work; ``shown``: the message already went out on ``failed``."""


class WriteFailed(Exception):
    """A write did not happen because of the journal file; the person was told through ``failed``."""


class Change(FlagSet):
    """What kind of entries a write touched."""

    RUNS = auto()
    CHECKINS = auto()
    CARE = auto()
    SHOES = auto()
    SETTINGS = auto()
    FLAGS = auto()
    RACES = auto()
    ENTRIES = RUNS | CHECKINS | CARE
    ALL = RUNS | CHECKINS | CARE | SHOES | SETTINGS | FLAGS | RACES


class _HasId(Protocol):
    @property
    def id(self) -> int | None: ...


def _id(record: _HasId) -> int:
    """The stored id of a record that was read from the journal (a record not saved yet has none)."""
    if record.id is None:
        raise ValueError(f"{type(record).__name__} has not been saved yet")
    return record.id


def _stored(record: R | None, what: str) -> R:
    """The record as stored before an edit; KeyError when it is no longer in the journal."""
    if record is None:
        raise KeyError(f"The {what} is no longer in the journal")
    return record


def _change_for(record: object) -> Change:
    if isinstance(record, Run):
        return Change.RUNS | Change.SHOES
    if isinstance(record, CheckIn):
        return Change.CHECKINS
    if isinstance(record, CareEntry):
        return Change.CARE
    return Change.SHOES


class _Command(QUndoCommand):
    """An undoable write: ``do_action`` and ``undo_action`` each run through ``JournalOperations._perform``."""

    def __init__(
        self,
        ops: JournalOperations,
        text: str,
        do: Callable[[Journal], Any],
        undo: Callable[[Journal], Any],
        change: Change,
    ) -> None:
        super().__init__(text)
        self.ops, self.do_action, self.undo_action, self.change = ops, do, undo, change
        self.result: Any = None
        self.already_done = False

    def redo(self) -> None:
        if self.already_done:  # the first redo, from QUndoStack.push
            self.already_done = False
            return
        try:
            self.result = self.ops._perform(self.do_action, self.change)
        except WriteFailed:
            self.setObsolete(True)  # the stack drops it: the journal is as it was, and the person was told

    def undo(self) -> None:
        try:
            self.ops._perform(self.undo_action, self.change)
        except WriteFailed:
            self.setObsolete(True)


class JournalOperations(QObject):
    """Wraps an open ``Journal`` for the window: writes, undo, background work, change signals."""

    changed = Signal(object)
    failed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.undo_stack = QUndoStack(self)
        self._pool = QThreadPool.globalInstance()
        self._tasks: set[Task] = set()

    @property
    def read(self) -> JournalReader:
        """The journal for reads (``runs()``, ``checkins()``, ``settings()``...); writes are the methods below."""
        return self._journal

    @property
    def path(self) -> Path:
        return self._journal.path

    # ---- the write path -------------------------------------------------------------------
    def _perform(self, action: Callable[[Journal], T], change: Change) -> T:
        """Run one write (one transaction) and announce it.

        Raises InvalidEntry unchanged (the form shows it). A journal file problem is
        emitted on ``failed`` and raised as WriteFailed: nothing was saved.
        """
        try:
            result = action(self._journal)
        except JournalFileError as exc:
            self.report_failure(exc.message())
            raise WriteFailed(exc.message()) from None
        self.changed.emit(change)
        return result

    def report_failure(self, message: str) -> None:
        """Tell the person (``failed``) that the journal could not be written or read."""
        self.failed.emit(message)

    def save_run(self, run: Run) -> Run:
        """Add a new run or update an existing one (undoable)."""
        if run.id is None:
            cmd = _Command(
                self,
                "Log run",
                lambda j: j.add_run(run),
                lambda j: j.delete_run(_id(cmd.result)),
                Change.RUNS | Change.SHOES,
            )
        else:
            old = _stored(self._journal.run(_id(run)), "run")
            cmd = _Command(
                self, "Edit run", lambda j: j.update_run(run), lambda j: j.update_run(old), Change.RUNS | Change.SHOES
            )
        return self._push(cmd)

    def save_checkin(self, checkin: CheckIn, care: list[CareEntry] | None = None) -> CheckIn:
        """Add or edit a check-in, with the day's new care entries, in one transaction (undoable)."""
        care = care or []
        old = self._journal.checkin(checkin.id) if checkin.id is not None else None

        def undo(j: Journal) -> None:
            saved, added = cmd.result
            if old is None:
                j.delete_entries(checkin_ids=[saved.id], care_ids=[c.id for c in added])
            else:
                j.save_checkin_with_care(old)
                j.delete_entries(care_ids=[c.id for c in added])

        cmd = _Command(
            self,
            "Edit check-in" if old else "Check in",
            lambda j: j.save_checkin_with_care(checkin, care),
            undo,
            Change.CHECKINS | (Change.CARE if care else Change(0)),
        )
        return self._push(cmd)[0]

    def add_care(self, entries: list[CareEntry]) -> list[CareEntry]:
        """Add several care entries of one day in one transaction (undoable)."""
        if not entries:
            return []
        cmd = _Command(
            self,
            "Log care",
            lambda j: list(j.add_entries(care=entries).care),
            lambda j: [j.delete_care(e.id) for e in cmd.result],
            Change.CARE,
        )
        return self._push(cmd)

    def save_care(self, entry: CareEntry) -> CareEntry:
        """Add a care entry (``id`` None) or change a stored one: its kind, day, minutes and detail (undoable).

        One transaction; validated by ``journal.domain.validation.validate_care`` (InvalidEntry
        names the field). Undo of a change puts back the entry as it was stored just before it.
        """
        if entry.id is None:
            cmd = _Command(
                self,
                "Log care",
                lambda j: j.add_care(entry),
                lambda j: j.delete_care(_id(cmd.result)),
                Change.CARE,
            )
            return self._push(cmd)
        cmd = _Command(
            self,
            "Edit care entry",
            lambda j: j.update_care(entry),
            lambda j: j.update_care(cmd.result[0]),  # (before, after) of the last redo
            Change.CARE,
        )
        return self._push(cmd)[1]

    def delete(self, record: Run | CheckIn | CareEntry) -> None:
        """Delete an entry; Edit > Undo brings it back with its id."""
        deleters: dict[type, Callable[[Journal], Any]] = {
            Run: lambda j: j.delete_run(_id(record)),
            CheckIn: lambda j: j.delete_checkin(_id(record)),
            CareEntry: lambda j: j.delete_care(_id(record)),
        }
        what = {Run: "run", CheckIn: "check-in", CareEntry: "care entry"}[type(record)]
        cmd = _Command(
            self, f"Delete {what}", deleters[type(record)], lambda j: j.restore_deleted(record), _change_for(record)
        )
        self._push(cmd)

    def save_race(self, race: Race) -> Race:
        """Add a goal race or edit one (undoable); InvalidEntry names what is wrong."""
        if race.id is None:
            cmd = _Command(
                self, "Add race", lambda j: j.save_race(race), lambda j: j.delete_race(_id(cmd.result)), Change.RACES
            )
        else:
            old = _stored(self._journal.race(_id(race)), "race")
            cmd = _Command(self, "Edit race", lambda j: j.save_race(race), lambda j: j.restore_race(old), Change.RACES)
        return self._push(cmd)

    def delete_race(self, race: Race) -> None:
        """Remove a goal race; Edit > Undo brings it back with its id."""
        cmd = _Command(
            self, "Remove race", lambda j: j.delete_race(_id(race)), lambda j: j.restore_race(race), Change.RACES
        )
        self._push(cmd)

    def delete_together(self, records: Sequence[CheckIn | CareEntry]) -> None:
        """Delete check-ins and care entries (a History row of a day) in one transaction; Undo brings all back."""
        if len(records) == 1:
            self.delete(records[0])
            return
        checkins = [r for r in records if isinstance(r, CheckIn)]
        care = [r for r in records if isinstance(r, CareEntry)]
        change = (Change.CHECKINS if checkins else Change(0)) | (Change.CARE if care else Change(0))
        cmd = _Command(
            self,
            f"Delete {len(records)} entries",
            lambda j: j.delete_entries(checkin_ids=[_id(c) for c in checkins], care_ids=[_id(e) for e in care]),
            lambda j: j.add_entries(checkins=checkins, care=care),
            change,
        )
        self._push(cmd)

    def save_shoe(self, shoe: Shoe) -> Shoe:
        return self._perform(lambda j: j.save_shoe(shoe), Change.SHOES)

    def save_settings(self, settings: Settings) -> None:
        self._perform(lambda j: j.save_settings(settings), Change.SETTINGS)

    def save_raw_settings(self, values: dict[str, str]) -> None:
        self._perform(lambda j: j.save_raw_settings(values), Change.SETTINGS)

    def acknowledge_flag(self, flag: Flag, note: str) -> FlagAcknowledgement:
        """Store an acknowledgement of ``flag`` with ``note`` (one transaction). For an emergency or urgent flag it
        says "I have had this checked", which clears the flag; for the others it records that it was seen."""
        from journal.storage import flag_store

        region = flag.region.value if flag.region else None
        return self._perform(
            lambda j: flag_store.acknowledge(j, flag.key, flag.rule, region, note, checked=flag.persistent),
            Change.FLAGS,
        )

    def restore_backup(self, backup: Path) -> Path | None:
        """Replace the open journal with ``backup`` and show it; return where the replaced journal was saved.

        Background work is finished first and every connection closed, so nothing writes into the
        file being replaced; the undo history, which belongs to the old file, is cleared. Raises
        BackupError, or JournalFileError when the restored file cannot be opened.
        """
        from journal.storage.backup import backup_before_migration, restore_backup

        self.wait_for_background()
        self._journal.release_connections()  # the next read or write reconnects, to the restored file
        try:
            saved = restore_backup(backup, self.path)
            # An older backup is brought up to this version's schema, with its own backup first.
            Journal.open(self.path, create=False, before_migration=backup_before_migration).close()
        finally:
            self.undo_stack.clear()
            self.changed.emit(Change.ALL)
        return saved

    def import_in_background(
        self,
        paths: Sequence[Path],
        units: DistanceUnit | None,
        on_done: Callable[[ImportReport], None],
        on_error: ErrorHandler,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Import activity files off the GUI thread (``journal.importers.run.import_paths``: one transaction,
        all or nothing); ``changed`` is emitted when it is done. Cancel the returned task to stop before saving."""

        def work(journal: Journal, progress: Callable[[int, int], bool]) -> ImportReport:
            from journal.importers.run import import_paths  # gpxpy and fitdecode load only now

            return import_paths(list(paths), journal, units, progress)

        return self._start(work, on_done, on_error, on_progress, Change.RUNS | Change.SHOES)

    def import_new_files_in_background(
        self,
        files: Sequence[Path],
        young_s: float,
        on_done: Callable[[WatchOutcome], None],
        on_error: ErrorHandler,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Import the ``files`` whose content was never read (watched folders, a connected watch:
        ``journal.importers.watched.import_new_files``); a file that fails while changed in the last
        ``young_s`` seconds is left for a retry. ``changed`` is emitted when it is done."""

        def work(journal: Journal, progress: Callable[[int, int], bool]) -> WatchOutcome:
            from journal.importers.watched import import_new_files

            return import_new_files(journal, list(files), progress, young_s=young_s)

        return self._start(work, on_done, on_error, on_progress, Change.RUNS | Change.SHOES)

    def _push(self, cmd: _Command) -> Any:
        """Do the command once, then put it on the undo stack.

        Doing it before the push means a refused write (InvalidEntry) raises to the
        caller and leaves no dead command on the stack; the push then skips its redo.
        """
        cmd.result = self._perform(cmd.do_action, cmd.change)
        cmd.already_done = True
        self.undo_stack.push(cmd)
        return cmd.result

    # ---- background work --------------------------------------------------------------------
    def run_in_background(
        self,
        work: Callable[[JournalReader, Callable[[int, int], bool]], T],
        on_done: Callable[[T], None],
        on_error: ErrorHandler,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> Task:
        """Run ``work(journal, progress)`` on a worker thread, with the journal to read (the report, the preview).

        ``progress(done, total)`` reports to ``on_progress`` on the GUI thread and returns
        False once ``cancel()`` was called on the returned task, so the work can stop.
        ``on_done``/``on_error`` run on the GUI thread. A journal file problem goes out on
        ``failed`` first and reaches ``on_error`` with ``shown`` True; any other error
        reaches ``on_error`` with ``shown`` False.
        """
        return self._start(work, on_done, on_error, on_progress, None)

    def _start(
        self,
        work: Callable[[Journal, Callable[[int, int], bool]], T],
        on_done: Callable[[T], None],
        on_error: ErrorHandler,
        on_progress: Callable[[int, int], None] | None,
        change: Change | None,
    ) -> Task:
        task = Task(self._journal, work, self)
        task.signals.done.connect(lambda result: self._finish(task, on_done, result, change))
        task.signals.error.connect(lambda message, journal: self._fail(task, on_error, message, journal))
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        self._tasks.add(task)
        self._pool.start(task)
        return task

    def _finish(self, task: Task, on_done: Callable[[Any], None], result: Any, change: Change | None) -> None:
        self._release(task)
        if change is not None:
            self.changed.emit(change)
        on_done(result)

    def _fail(self, task: Task, on_error: ErrorHandler, message: str, about_journal: bool) -> None:
        self._release(task)
        if about_journal:
            self.report_failure(message)
        on_error(message, about_journal)

    def _release(self, task: Task) -> None:
        # The signals object belongs to this (GUI-thread) object and is deleted here, on the GUI
        # thread, whichever thread drops the last Python reference to the task: a QObject
        # destroyed on a worker thread makes Qt warn and can crash.
        self._tasks.discard(task)
        task.signals.deleteLater()

    def wait_for_background(self, msecs: int = 30_000) -> bool:
        """Wait for running background work (on close, and in tests)."""
        return self._pool.waitForDone(msecs)


class TaskSignals(QObject):
    done = Signal(object)
    error = Signal(str, bool)  # the message; True when it is a journal file problem
    progress = Signal(int, int)


class Task(QRunnable):
    """Background work started by ``JournalOperations``; ``cancel()`` asks it to stop at its next progress step."""

    def __init__(
        self, journal: Journal, work: Callable[[Journal, Callable[[int, int], bool]], Any], owner: QObject
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals(owner)  # owned by a GUI-thread object, see JournalOperations._release
        self._journal, self._work = journal, work
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(done, total)
        return not self.cancelled

    def run(self) -> None:
        try:
            result = self._work(self._journal, self._progress)
        except JournalFileError as exc:
            self.signals.error.emit(exc.message(), True)
        except InvalidEntry as exc:
            self.signals.error.emit("; ".join(dict.fromkeys(exc.problems.values())), False)
        except Exception as exc:
            self.signals.error.emit(describe_unexpected(exc), False)
        else:
            self.signals.done.emit(result)


def describe_unexpected(exc: BaseException) -> str:
    """An error of background work, for the person: its own message when it is written for people
    (an import, a backup or an export refusing something), else its kind only, as its text could
    quote health data (SQLAlchemy quotes the statement and its values).
    """
    from journal.importers.run import ImportWriteError
    from journal.storage.backup import BackupError

    if isinstance(exc, ImportWriteError | BackupError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "it ran out of memory"
    if isinstance(exc, OSError):
        return f"a file could not be read or written ({exc.strerror or type(exc).__name__})"
    return f"an unexpected problem ({type(exc).__name__})"
