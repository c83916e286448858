"""The journal: one SQLite file, read and written through plain records.

``Journal`` is the only object that talks to the database. Reads return the
frozen records of ``journal.domain.entries``; every write method is one
transaction (all of it is saved, or none of it) and validates its records
first. Nothing outside this package holds a session.

Two paths, for start-up speed: reads go through one read-only sqlite3
connection (``reads``); writes, migrations and ORM sessions go through a
SQLAlchemy engine (``writes``) that is created, and SQLAlchemy imported, only
when first needed. A journal opened to look at costs no SQLAlchemy import.

Opening: the file is checked read-only first (``files.inspect_existing``),
created owner-only when new, then opened with WAL journaling, foreign keys on
and ``synchronous=FULL`` (a committed entry survives a crash or power cut),
and migrated to the newest schema.

Failing disks: every connection opens the file with ``mode=rw``, so SQLite never
makes a new empty file where the journal was; before each write the file is checked
to be the one that was opened (same device and inode), so a journal deleted or
replaced while open is reported (``FileProblem.GONE``), not written into the void or
recreated. Every SQLite or system error while reading or writing becomes the
``JournalFileError`` that names it (``journal.storage.errors``: a full disk is a full
disk), whose message never quotes the SQL or its values.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.races import Race
from journal.domain.settings import Settings
from journal.domain.validation import InvalidEntry
from journal.storage import files, migrate, outputs, reads
from journal.storage.files import FileProblem, JournalFileError

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session

__all__ = ["Counts", "InvalidEntry", "Journal"]


@dataclass(frozen=True, slots=True)
class Counts:
    runs: int
    checkins: int
    care: int
    shoes: int

    @property
    def entries(self) -> int:
        return self.runs + self.checkins + self.care


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # pysqlite only starts a transaction before INSERT/UPDATE/DELETE, so schema changes (the
    # migrations) would run in autocommit and a crash could leave half a schema. Turning its
    # own handling off and emitting BEGIN on SQLAlchemy's "begin" event (the recipe in
    # SQLAlchemy's SQLite dialect documentation) makes every transaction, DDL included, atomic.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _day_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(start, time.min) if start else None
    hi = datetime.combine(end + timedelta(days=1), time.min) if end else None
    return lo, hi


def _between(
    records: list[Any], when: Callable[[Any], datetime], lo: datetime | None, hi: datetime | None
) -> list[Any]:
    """The records (sorted by ``when``) with lo <= when < hi, found by bisection; a new list."""
    start = bisect_left(records, lo, key=when) if lo else 0
    stop = bisect_left(records, hi, key=when) if hi else len(records)
    return records[start:stop]


def _file_error(path: Path, exc: BaseException) -> JournalFileError:
    from journal.storage.errors import database_problem

    return database_problem(path, exc)


def _connect_existing(path: Path) -> sqlite3.Connection:
    """A read-write connection to the file that is there; SQLite is not allowed to create one (``mode=rw``)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=rw", uri=True, check_same_thread=False)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _refuse_a_lost_journal(path: Path) -> None:
    """A journal that is gone but has backups beside it was lost (deleted, moved, a failing disk), not new.

    Starting an empty journal there would hide the loss: MISSING, naming the backups, so
    the person restores one (or moves the backups folder away to start afresh).
    """
    from journal.storage.backup import backup_folder, has_backups

    if has_backups(path):
        raise JournalFileError(
            path,
            FileProblem.MISSING,
            f"but there are backups of it in {backup_folder(path)}: restore one, or move that folder away "
            "to start a new, empty journal",
        )


def _writes():
    from journal.storage import writes

    return writes


_RUNS = frozenset({"runs"})
_CHECKINS = frozenset({"checkins"})
_CARE = frozenset({"care"})
_RUNS_AND_CHECKINS = _RUNS | _CHECKINS  # deleting a run unlinks its check-ins
_CHECKINS_AND_CARE = _CHECKINS | _CARE
_ALL = frozenset({"runs", "checkins", "care"})
"""What each write touches, so the read cache drops only those lists (shoe names live in runs)."""
_ADDS = {"add_run", "add_checkin", "add_care"}
"""Writes that only add records: the cache takes the new records in, rather than reading all again."""
_CACHE_KEY: dict[type, tuple[str, Callable[[Any], Any]]] = {
    Run: ("runs", lambda r: r.started_at),
    CheckIn: ("checkins", lambda c: c.recorded_at),
    CareEntry: ("care", lambda c: datetime.combine(c.day, time.min)),
}


class Journal:
    """An open journal file. Use ``Journal.open(path)``; close with ``close()`` or ``with``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reader: sqlite3.Connection | None = None
        self._cache: dict[str, list[Any]] = {}
        self._writing = threading.local()  # .kinds: what the write running on this thread touches
        self._read_lock = threading.Lock()
        self._engine: Engine | None = None
        self._sessions: Callable[..., Any] | None = None
        self._engine_lock = threading.Lock()
        self._opened: tuple[int, int] | None = None  # the file's (device, inode) while connected
        self._watched = False  # registered as open with journal.storage.outputs (no export may replace it)

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, before_migration=None) -> Journal:
        """Open (and when ``create``, make) the journal at ``path``.

        ``before_migration(path)`` is called before an existing journal's schema is
        upgraded, so the caller can back it up first. Raises JournalFileError.
        """
        path = Path(path).expanduser()
        if path.exists():
            tables = files.inspect_existing(path)
            files.check_writable(path)
            revision = files.stored_revision(path) if tables else None
            if revision is not None and revision not in migrate.REVISIONS:
                raise JournalFileError(path, FileProblem.NEWER_VERSION, f"schema {revision}")
            if tables and revision is None:
                raise JournalFileError(path, FileProblem.NOT_A_JOURNAL, "it has no schema version")
            needs_upgrade = revision != migrate.HEAD
            if needs_upgrade and revision is not None and before_migration is not None:
                before_migration(path)
        elif create:
            _refuse_a_lost_journal(path)
            files.create_empty_file(path)
            needs_upgrade = True
        else:
            raise JournalFileError(path, FileProblem.MISSING)
        journal = cls(path)
        journal._opened = _identity(path)
        outputs.watch(path)
        journal._watched = True
        try:
            if needs_upgrade:
                journal._migrate()
            with journal._reading() as conn:
                conn.execute("SELECT count(*) FROM runs").fetchone()  # fail now, not at the first read
        except JournalFileError:
            journal.close()
            raise
        except sqlite3.DatabaseError as exc:
            journal.close()
            raise _file_error(path, exc) from exc
        return journal

    @staticmethod
    def _connect_reader(path: Path) -> sqlite3.Connection:
        # Used by one thread at a time under _read_lock, so the same-thread check can go.
        conn = _connect_existing(path)
        conn.isolation_level = None
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA query_only=ON")  # this connection never writes
        return conn

    def _migrate(self) -> None:
        from sqlalchemy.exc import DatabaseError

        try:
            with self.engine.begin() as connection:
                migrate.upgrade(connection)
                connection.exec_driver_sql(f"PRAGMA application_id = {files.APPLICATION_ID}")
        except DatabaseError as exc:
            raise _file_error(self.path, exc) from exc
        except OSError as exc:
            raise _file_error(self.path, exc) from exc

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, created (and SQLAlchemy imported) on first use."""
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy import create_engine, event
                from sqlalchemy.orm import sessionmaker

                # One pooled connection is used by one thread at a time (GUI thread or a worker),
                # so SQLite's same-thread check can be relaxed safely.
                path = self.path
                engine = create_engine(f"sqlite:///{path}", creator=lambda: _connect_existing(path))
                event.listen(engine, "connect", _set_pragmas)
                event.listen(engine, "begin", _begin)
                self._sessions = sessionmaker(engine, expire_on_commit=False)
                self._engine = engine
            return self._engine

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The read connection, for one thread at a time; reconnects after ``release_connections``.

        An SQLite error on it becomes the JournalFileError that names the problem.
        """
        with self._read_lock:
            try:
                if self._reader is None:
                    self._reader = self._connect_reader(self.path)
                yield self._reader
            except sqlite3.Error as exc:
                raise _file_error(self.path, exc) from exc

    def _check_still_there(self) -> None:
        """Raise GONE when the file was deleted, moved or replaced since it was opened (nothing is written then)."""
        now = _identity(self.path)
        if self._opened is None:
            self._opened = now
        if now is None or now != self._opened:
            raise JournalFileError(self.path, FileProblem.GONE)

    def release_connections(self) -> None:
        """Close every connection to the file (before it is replaced by a restore); the next use reconnects."""
        with self._read_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
            self._cache.clear()
        if self._engine is not None:
            self._engine.dispose()
        self._opened = None  # a restore puts another file in place: the next write takes it as the journal

    def close(self) -> None:
        self.release_connections()
        if self._watched:
            self._watched = False
            outputs.unwatch(self.path)

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        For modules inside ``journal.storage`` only; everything else calls the methods.
        A database or system error becomes the JournalFileError naming it (disk full,
        locked by another program, file gone...), after the rollback.
        """
        from sqlalchemy.exc import DBAPIError

        self.engine  # noqa: B018 - makes sure the engine and session factory exist
        try:
            self._check_still_there()
            with self._sessions.begin() as session:
                yield session
        except (DBAPIError, sqlite3.Error, OSError) as exc:
            raise _file_error(self.path, exc) from exc
        finally:
            self._changed(getattr(self._writing, "kinds", None))

    def _write(self, kinds: frozenset[str], name: str, *args: Any) -> Any:
        """Run ``writes.<name>(self, *args)``, telling ``write_session`` which cached lists it changes."""
        before = {kind: self._cache.get(kind) for kind in kinds}
        self._writing.kinds = kinds
        try:
            result = getattr(_writes(), name)(self, *args)
        finally:
            self._writing.kinds = None
        if name in _ADDS:
            self._add_to_cache(before, result)
        return result

    def _add_to_cache(self, before: dict[str, list[Any] | None], result: Any) -> None:
        """After adding new records, put the cached lists back with the records inserted in time order.

        Saving one run must not cost a re-read of ten years of runs; the list is copied, so
        anyone holding the old list keeps what they had.
        """
        added = result if isinstance(result, tuple) else (result,)
        with self._read_lock:
            for record in (r for group in added for r in (group if isinstance(group, list) else [group])):
                kind, when = _CACHE_KEY[type(record)]
                records = before.get(kind)
                if records is None or kind in self._cache:
                    continue
                records = list(records)
                insort(records, record, key=when)
                before[kind] = records
            for kind, records in before.items():
                if records is not None and kind not in self._cache:
                    self._cache[kind] = records

    def _changed(self, kinds: frozenset[str] | None) -> None:
        """Drop the cached lists a write may have changed (all of them when the writer did not say)."""
        with self._read_lock:
            for kind in _ALL if kinds is None else kinds:
                self._cache.pop(kind, None)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        from sqlalchemy.exc import DBAPIError

        self.engine  # noqa: B018
        try:
            with self._sessions() as session:
                yield session
        except DBAPIError as exc:
            raise _file_error(self.path, exc) from exc

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        """Rows of a read-only SQL query on the fast read connection (for storage modules)."""
        with self._reading() as conn:
            return conn.execute(sql, tuple(params)).fetchall()

    # ---- reads ---------------------------------------------------------------------------
    def settings(self) -> Settings:
        return Settings.from_strings(self.raw_settings())

    def raw_settings(self) -> dict[str, str]:
        """All stored key/value settings, including those of later features (flag thresholds...)."""
        with self._reading() as conn:
            return reads.read_settings(conn)

    def runs(self, start: date | None = None, end: date | None = None) -> list[Run]:
        """Runs between ``start`` and ``end`` (inclusive days), oldest first."""
        every = self._all("runs", lambda conn: reads.read_runs(conn, None, None))
        return _between(every, lambda r: r.started_at, *_day_bounds(start, end))

    def checkins(self, start: date | None = None, end: date | None = None) -> list[CheckIn]:
        """Check-ins between ``start`` and ``end`` (inclusive days), oldest first, with scores and signs."""
        every = self._all("checkins", lambda conn: reads.read_checkins(conn, None, None))
        return _between(every, lambda c: c.recorded_at, *_day_bounds(start, end))

    def care(self, start: date | None = None, end: date | None = None) -> list[CareEntry]:
        every = self._all("care", lambda conn: reads.read_care(conn, None, None))
        lo = datetime.combine(start, time.min) if start else None
        hi = datetime.combine(end, time.max) if end else None
        return _between(every, lambda c: datetime.combine(c.day, time.min), lo, hi)

    def _all(self, kind: str, read: Callable[[sqlite3.Connection], list[Any]]) -> list[Any]:
        """Every record of a kind, read once per change of the journal and shared by every reader.

        History, the flag banner, Trends and reports all ask for the same lists after a save;
        the records are frozen, so one read serves them all. A write drops the lists it
        touches (``_write``; all of them for other writers), ``release_connections`` all.
        """
        with self._reading() as conn:
            records = self._cache.get(kind)
            if records is None:
                records = self._cache[kind] = read(conn)
            return records

    def shoes(self) -> list[Shoe]:
        """All shoes with distance so far (prior distance + logged runs), by name."""
        with self._reading() as conn:
            return reads.read_shoes(conn)

    def data(self, start: date | None = None, end: date | None = None) -> JournalData:
        return JournalData(
            runs=tuple(self.runs(start, end)),
            checkins=tuple(self.checkins(start, end)),
            care=tuple(self.care(start, end)),
            shoes=tuple(self.shoes()),
            races=tuple(self.races()),
        )

    def races(self) -> list[Race]:
        """Every goal race, soonest first (a small table, read each time)."""
        with self._reading() as conn:
            return reads.read_races(conn)

    def race(self, race_id: int) -> Race | None:
        with self._reading() as conn:
            return reads.read_race(conn, race_id)

    def run(self, run_id: int) -> Run | None:
        with self._reading() as conn:
            return reads.read_run(conn, run_id)

    def checkin(self, checkin_id: int) -> CheckIn | None:
        with self._reading() as conn:
            found = reads.read_checkins(conn, None, None, only_id=checkin_id)
        return found[0] if found else None

    def last_run(self) -> Run | None:
        with self._reading() as conn:
            return reads.read_last_run(conn)

    def counts(self) -> Counts:
        with self._reading() as conn:
            return Counts(*reads.read_counts(conn))

    # ---- writes: each one transaction (journal.storage.writes) ---------------------------
    def save_settings(self, settings: Settings) -> None:
        self._write((), "save_settings", settings)

    def save_raw_settings(self, values: dict[str, str]) -> None:
        self._write((), "save_raw_settings", values)

    def add_run(self, run: Run) -> Run:
        return self._write(_RUNS, "add_run", run)

    def update_run(self, run: Run) -> Run:
        return self._write(_RUNS, "update_run", run)

    def delete_run(self, run_id: int) -> Run:
        """Delete a run and return it as it was (its check-ins stay, unlinked)."""
        return self._write(_RUNS_AND_CHECKINS, "delete_run", run_id)

    def add_checkin(self, checkin: CheckIn) -> CheckIn:
        return self._write(_CHECKINS, "add_checkin", checkin)

    def update_checkin(self, checkin: CheckIn) -> CheckIn:
        return self._write(_CHECKINS, "update_checkin", checkin)

    def save_checkin_with_care(
        self, checkin: CheckIn, care: Iterable[CareEntry] = ()
    ) -> tuple[CheckIn, list[CareEntry]]:
        """Add or update a check-in and add the day's care entries, in one transaction."""
        return self._write(_CHECKINS_AND_CARE, "save_checkin_with_care", checkin, care)

    def delete_entries(self, checkin_ids: Iterable[int] = (), care_ids: Iterable[int] = ()) -> None:
        """Delete several check-ins and care entries in one transaction."""
        self._write(_CHECKINS_AND_CARE, "delete_entries", checkin_ids, care_ids)

    def delete_checkin(self, checkin_id: int) -> CheckIn:
        return self._write(_CHECKINS, "delete_checkin", checkin_id)

    def add_care(self, entry: CareEntry) -> CareEntry:
        return self._write(_CARE, "add_care", entry)

    def delete_care(self, care_id: int) -> CareEntry:
        return self._write(_CARE, "delete_care", care_id)

    def save_shoe(self, shoe: Shoe) -> Shoe:
        """Add a new pair (``id`` None) or update an existing one."""
        return self._write(_RUNS, "save_shoe", shoe)

    def delete_shoe(self, shoe_id: int) -> Shoe:
        return self._write(_RUNS, "delete_shoe", shoe_id)

    def save_race(self, race: Race) -> Race:
        """Add a new goal race (``id`` None; not in the past) or update one; validated first."""
        return self._write(frozenset(), "save_race", race)

    def restore_race(self, race: Race) -> Race:
        """Put a race back as it was under its id (the undo of an edit or a delete; a past day is fine)."""
        return self._write(frozenset(), "restore_race", race)

    def delete_race(self, race_id: int) -> Race:
        """Delete a race and return it as it was."""
        return self._write(frozenset(), "delete_race", race_id)

    def add_entries(
        self,
        runs: Iterable[Run] = (),
        checkins: Iterable[CheckIn] = (),
        care: Iterable[CareEntry] = (),
        shoes: Iterable[Shoe] = (),
        races: Iterable[Race] = (),
    ) -> JournalData:
        """Add everything in one transaction: all of it is saved, or (on any error) none of it.

        Shoes named by runs but not in ``shoes`` are created. A record that carries an id
        keeps it (the undo of a delete); new records get fresh ids. Returns the records with ids.
        Races may lie in the past (a backup's history); one already in the journal is skipped.
        """
        return self._write(_ALL, "add_entries", runs, checkins, care, shoes, races)

    def restore_deleted(self, record: Run | CheckIn | CareEntry) -> Run | CheckIn | CareEntry:
        """Add back a deleted record (undo of a delete) under its old id."""
        return self._write(_ALL, "restore_deleted", record)
