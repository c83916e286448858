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
from typing import TYPE_CHECKING, Any, TypeVar

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.races import Race
from journal.domain.settings import Settings
from journal.domain.validation import InvalidEntry
from journal.storage import files, migrate, outputs, reads
from journal.storage.files import FileProblem, JournalFileError
from journal.storage.queries import JournalQueries, Lists

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Counts", "InvalidEntry", "Journal", "Lists"]

R = TypeVar("R")
T = TypeVar("T")


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


def _between(records: list[R], when: Callable[[R], datetime], lo: datetime | None, hi: datetime | None) -> list[R]:
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


def _run_time(run: Run) -> datetime:
    return run.started_at


def _checkin_time(checkin: CheckIn) -> datetime:
    return checkin.recorded_at


def _care_time(entry: CareEntry) -> datetime:
    return datetime.combine(entry.day, time.min)


@dataclass
class _Cache:
    """Every record of each kind, read once per change of the journal and shared by every reader.

    History, the flag banner, Trends and reports all ask for the same lists after a save; the
    records are frozen, so one read serves them all. A write drops the lists it changes
    (``drop``); adding records inserts them in time order into copies (``insert``), so saving
    one run costs no re-read of ten years, and whoever holds the old list keeps what they had.
    """

    runs: list[Run] | None = None
    checkins: list[CheckIn] | None = None
    care: list[CareEntry] | None = None

    def drop(self, lists: Lists) -> None:
        if lists & Lists.RUNS:
            self.runs = None
        if lists & Lists.CHECKINS:
            self.checkins = None
        if lists & Lists.CARE:
            self.care = None

    def insert(self, added: JournalData) -> None:
        if self.runs is not None and added.runs:
            self.runs = _inserted(self.runs, added.runs, _run_time)
        if self.checkins is not None and added.checkins:
            self.checkins = _inserted(self.checkins, added.checkins, _checkin_time)
        if self.care is not None and added.care:
            self.care = _inserted(self.care, added.care, _care_time)


def _inserted(records: list[R], new: Iterable[R], when: Callable[[R], datetime]) -> list[R]:
    copy = list(records)
    for record in new:
        insort(copy, record, key=when)
    return copy


class Journal(JournalQueries):
    """An open journal file. Use ``Journal.open(path)``; close with ``close()`` or ``with``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._reader: sqlite3.Connection | None = None
        self._cache = _Cache()
        self._touched: list[date | None] = []
        """Per write through this object: the first day of the entries it may have changed (None: any)."""
        self._read_lock = threading.Lock()  # the read connection and the cache
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._engine_lock = threading.Lock()
        self._opened: tuple[int, int] | None = None  # the file's (device, inode) while connected
        self._watched = False  # registered as open with journal.storage.outputs (no export may replace it)

    # ---- opening -------------------------------------------------------------------------
    @classmethod
    def open(
        cls, path: Path | str, *, create: bool = True, before_migration: Callable[[Path], object] | None = None
    ) -> Journal:
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
            self._cache.drop(Lists.ALL)
        self._touched.append(None)  # another file may take its place: any entry may differ
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

    def transaction(self, changes: Lists, write: Callable[[Session], T], touched: date | None = None) -> T:
        """Run ``write(session)`` as one transaction: committed when it returns, rolled back on any error.

        ``changes`` names the cached lists the write changes; they are dropped whether or not it
        succeeded. ``touched``: the first day of the entries it may change, when known (entries it
        adds); otherwise a write that changes a list may have changed any day, and one that changes
        none changed no entry (``unchanged_before``). A database or system error becomes the
        JournalFileError naming it (disk full, locked by another program, file gone...), after the
        rollback. For ``journal.storage`` modules; everything else calls the write methods below.
        """
        from sqlalchemy.exc import DBAPIError

        sessions = self._session_factory()
        try:
            self._check_still_there()
            with sessions.begin() as session:
                return write(session)
        except (DBAPIError, sqlite3.Error, OSError) as exc:
            raise _file_error(self.path, exc) from exc
        finally:
            self._touched.append(touched if touched is not None else None if changes else date.max)
            if changes:
                with self._read_lock:
                    self._cache.drop(changes)

    def write_mark(self) -> int:
        """A mark of the writes made so far through this object, for ``unchanged_before``."""
        return len(self._touched)

    def unchanged_before(self, day: date, mark: int) -> bool:
        """Whether no write since ``mark`` can have changed an entry of a day before ``day``.

        Adding entries from ``day`` on does not count; an edit or a delete (of a day not known
        here), a restore, or a write by another program does.
        """
        return all(t is not None and t >= day for t in self._touched[mark:])

    def _session_factory(self) -> sessionmaker[Session]:
        self.engine  # noqa: B018 - creates the engine and the session factory
        assert self._sessions is not None
        return self._sessions

    def _add(self, write: Callable[[Session], JournalData], touched: date | None) -> JournalData:
        """A transaction that only adds records (from the day ``touched``): they are inserted into the cached
        lists, not re-read."""
        added = self.transaction(Lists.NONE, write, touched)
        with self._read_lock:
            self._cache.insert(added)
        return added

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
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
        """Runs between ``start`` and ``end`` (inclusive days), oldest first.

        From the cached list when every run has been read; otherwise a period with a first
        day is read on its own (SQL on the indexed time column) and not cached, so a page of
        History or a six-month chart never reads the whole journal. Without a first day,
        everything is read and cached.
        """
        lo, hi = _day_bounds(start, end)
        with self._reading() as conn:
            if self._cache.runs is None:
                if start is not None:
                    return reads.read_runs(conn, lo, hi)
                self._cache.runs = reads.read_runs(conn, None, None)
            every = self._cache.runs
        return _between(every, _run_time, lo, hi)

    def checkins(self, start: date | None = None, end: date | None = None) -> list[CheckIn]:
        """Check-ins between ``start`` and ``end`` (inclusive days), oldest first, with scores and signs.

        Cached or read on its own as ``runs`` says.
        """
        lo, hi = _day_bounds(start, end)
        with self._reading() as conn:
            if self._cache.checkins is None:
                if start is not None:
                    return reads.read_checkins(conn, lo, hi)
                self._cache.checkins = reads.read_checkins(conn, None, None)
            every = self._cache.checkins
        return _between(every, _checkin_time, lo, hi)

    def care(self, start: date | None = None, end: date | None = None) -> list[CareEntry]:
        """Care entries between ``start`` and ``end`` (inclusive days); cached or read on its own as ``runs`` says."""
        with self._reading() as conn:
            if self._cache.care is None:
                if start is not None:
                    return reads.read_care(conn, start, end)
                self._cache.care = reads.read_care(conn, None, None)
            every = self._cache.care
        lo = datetime.combine(start, time.min) if start else None
        hi = datetime.combine(end, time.max) if end else None
        return _between(every, _care_time, lo, hi)

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

    # ---- writes: each one transaction (journal.storage.writes, race_writes) ---------------
    def save_settings(self, settings: Settings) -> None:
        self.save_raw_settings(settings.to_strings())

    def save_raw_settings(self, values: dict[str, str]) -> None:
        from journal.storage import writes

        self.transaction(Lists.NONE, lambda s: writes.save_raw_settings(s, values))

    def add_run(self, run: Run) -> Run:
        return self.add_entries(runs=[run]).runs[0]

    def update_run(self, run: Run) -> Run:
        from journal.storage import writes

        return self.transaction(Lists.RUNS, lambda s: writes.update_run(s, run))

    def delete_run(self, run_id: int) -> Run:
        """Delete a run and return it as it was (its check-ins stay, unlinked)."""
        from journal.storage import writes

        return self.transaction(Lists.RUNS | Lists.CHECKINS, lambda s: writes.delete_run(s, run_id))

    def add_checkin(self, checkin: CheckIn) -> CheckIn:
        return self.add_entries(checkins=[checkin]).checkins[0]

    def save_checkin_with_care(
        self, checkin: CheckIn, care: Iterable[CareEntry] = ()
    ) -> tuple[CheckIn, list[CareEntry]]:
        """Add or update a check-in and add the day's care entries, in one transaction."""
        from journal.storage import writes

        entries = list(care)
        new = checkin.id is None and all(c.id is None for c in entries)  # only adds: of these days
        first = min([checkin.recorded_at.date(), *(c.day for c in entries)]) if new else None
        return self.transaction(
            Lists.CHECKINS | Lists.CARE, lambda s: writes.save_checkin_with_care(s, checkin, entries), first
        )

    def delete_entries(self, checkin_ids: Iterable[int] = (), care_ids: Iterable[int] = ()) -> None:
        """Delete several check-ins and care entries in one transaction."""
        from journal.storage import writes

        ids, care = list(checkin_ids), list(care_ids)
        self.transaction(Lists.CHECKINS | Lists.CARE, lambda s: writes.delete_entries(s, ids, care))

    def delete_checkin(self, checkin_id: int) -> CheckIn:
        from journal.storage import writes

        return self.transaction(Lists.CHECKINS, lambda s: writes.delete_checkin(s, checkin_id))

    def add_care(self, entry: CareEntry) -> CareEntry:
        return self.add_entries(care=[entry]).care[0]

    def update_care(self, entry: CareEntry) -> tuple[CareEntry, CareEntry]:
        """Change a care entry (kind, day, minutes, detail) in one transaction; return it (before, after)."""
        from journal.storage import writes

        return self.transaction(Lists.CARE, lambda s: writes.update_care(s, entry))

    def delete_care(self, care_id: int) -> CareEntry:
        from journal.storage import writes

        return self.transaction(Lists.CARE, lambda s: writes.delete_care(s, care_id))

    def save_shoe(self, shoe: Shoe) -> Shoe:
        """Add a new pair (``id`` None) or update an existing one."""
        from journal.storage import writes

        return self.transaction(Lists.RUNS, lambda s: writes.save_shoe(s, shoe))

    def save_race(self, race: Race) -> Race:
        """Add a new goal race (``id`` None; not in the past) or update one; validated first."""
        from journal.storage import race_writes

        return self.transaction(Lists.NONE, lambda s: race_writes.save_race(s, race))

    def restore_race(self, race: Race) -> Race:
        """Put a race back as it was under its id (the undo of an edit or a delete; a past day is fine)."""
        from journal.storage import race_writes

        return self.transaction(Lists.NONE, lambda s: race_writes.restore_race(s, race))

    def delete_race(self, race_id: int) -> Race:
        """Delete a race and return it as it was."""
        from journal.storage import race_writes

        return self.transaction(Lists.NONE, lambda s: race_writes.delete_race(s, race_id))

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
        from journal.storage import writes

        lists = list(runs), list(checkins), list(care), list(shoes), list(races)
        days = [r.started_at.date() for r in lists[0]] + [c.recorded_at.date() for c in lists[1]]
        first = min([*days, *(c.day for c in lists[2])], default=date.max)
        return self._add(lambda s: writes.add_entries(s, *lists), first)

    def restore_deleted(self, record: Run | CheckIn | CareEntry) -> Run | CheckIn | CareEntry:
        """Add back a deleted record (undo of a delete) under its old id."""
        if isinstance(record, Run):
            return self.add_run(record)
        if isinstance(record, CheckIn):
            return self.add_checkin(record)
        return self.add_care(record)
