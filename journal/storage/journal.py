"""The journal: one SQLite file, read and written through plain records.

``Journal`` is the only object that talks to the database. Reads return the
frozen records of ``journal.domain.entries``; every write method is one
transaction (all of it is saved, or none of it) and validates its records
first. Nothing outside this package holds a session.

Opening: the file is checked read-only first (``files.inspect_existing``),
created owner-only when new, then opened with WAL journaling, foreign keys on
and ``synchronous=FULL`` (a committed entry survives a crash or power cut),
and migrated to the newest schema.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.settings import Settings
from journal.domain.validation import validate_care, validate_checkin, validate_run, validate_shoe
from journal.storage import bulk_reads, convert, files, migrate
from journal.storage.files import FileProblem, JournalFileError
from journal.storage.models import CareRow, CheckInRow, RunRow, SettingRow, ShoeRow


class InvalidEntry(ValueError):
    """A record failed validation; ``problems`` maps field name to message."""

    def __init__(self, what: str, problems: dict[str, str]) -> None:
        self.what = what
        self.problems = problems
        detail = "; ".join(f"{field}: {msg}" for field, msg in problems.items())
        super().__init__(f"{what} not saved: {detail}")


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


def shoe_key(name: str) -> str:
    """Shoe names match ignoring case in every script ('Élan' is 'élan'); SQLite's lower() folds ASCII only."""
    return name.strip().casefold()


def _find_shoe(s: Session, name: str) -> ShoeRow | None:
    key = shoe_key(name)
    return next((r for r in s.scalars(select(ShoeRow)) if shoe_key(r.name) == key), None)


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def _day_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(start, time.min) if start else None
    hi = datetime.combine(end + timedelta(days=1), time.min) if end else None
    return lo, hi


class Journal:
    """An open journal file. Use ``Journal.open(path)``; close with ``close()`` or ``with``."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

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
            files.create_empty_file(path)
            needs_upgrade = True
        else:
            raise JournalFileError(path, FileProblem.MISSING)
        # One pooled connection is used by one thread at a time (GUI thread or a worker),
        # so SQLite's same-thread check can be relaxed safely.
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_pragmas)
        event.listen(engine, "begin", _begin)
        try:
            if needs_upgrade:
                with engine.begin() as connection:
                    migrate.upgrade(connection)
            with engine.connect() as connection:  # fail now, not at the first read
                connection.exec_driver_sql("SELECT count(*) FROM runs")
        except OperationalError as exc:
            engine.dispose()
            problem = FileProblem.LOCKED if "locked" in str(exc) else FileProblem.READ_ONLY
            if "readonly" not in str(exc) and "locked" not in str(exc):
                problem = FileProblem.CORRUPT
            raise JournalFileError(path, problem, str(exc.orig)) from exc
        except DatabaseError as exc:
            engine.dispose()
            raise JournalFileError(path, FileProblem.CORRUPT, str(exc.orig)) from exc
        return cls(path, engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error.

        For modules inside ``journal.storage`` only; everything else calls the methods.
        """
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    # ---- reads ---------------------------------------------------------------------------
    def settings(self) -> Settings:
        with self.read_session() as s:
            return Settings.from_strings({r.key: r.value for r in s.scalars(select(SettingRow))})

    def raw_settings(self) -> dict[str, str]:
        """All stored key/value settings, including those of later features (flag thresholds...)."""
        with self.read_session() as s:
            return {r.key: r.value for r in s.scalars(select(SettingRow))}

    def runs(self, start: date | None = None, end: date | None = None) -> list[Run]:
        """Runs between ``start`` and ``end`` (inclusive days), oldest first."""
        with self.read_session() as s:
            return bulk_reads.read_runs(s, *_day_bounds(start, end))

    def checkins(self, start: date | None = None, end: date | None = None) -> list[CheckIn]:
        """Check-ins between ``start`` and ``end`` (inclusive days), oldest first, with scores and signs."""
        with self.read_session() as s:
            return bulk_reads.read_checkins(s, *_day_bounds(start, end))

    def care(self, start: date | None = None, end: date | None = None) -> list[CareEntry]:
        q = select(CareRow).order_by(CareRow.day, CareRow.id)
        if start:
            q = q.where(CareRow.day >= start)
        if end:
            q = q.where(CareRow.day <= end)
        with self.read_session() as s:
            return [convert.care_from_row(r) for r in s.scalars(q)]

    def shoes(self) -> list[Shoe]:
        """All shoes with distance so far (prior distance + logged runs), by name."""
        totals = (
            select(RunRow.shoe_id, func.sum(RunRow.distance_m), func.count(RunRow.id))
            .where(RunRow.shoe_id.is_not(None))
            .group_by(RunRow.shoe_id)
        )
        with self.read_session() as s:
            logged = {sid: (m or 0.0, n) for sid, m, n in s.execute(totals)}
            rows = s.scalars(select(ShoeRow).order_by(func.lower(ShoeRow.name)))
            return [convert.shoe_from_row(r, *logged.get(r.id, (0.0, 0))) for r in rows]

    def data(self, start: date | None = None, end: date | None = None) -> JournalData:
        return JournalData(
            runs=tuple(self.runs(start, end)),
            checkins=tuple(self.checkins(start, end)),
            care=tuple(self.care(start, end)),
            shoes=tuple(self.shoes()),
        )

    def run(self, run_id: int) -> Run | None:
        with self.read_session() as s:
            row = s.get(RunRow, run_id)
            return convert.run_from_row(row) if row else None

    def checkin(self, checkin_id: int) -> CheckIn | None:
        with self.read_session() as s:
            row = s.get(CheckInRow, checkin_id)
            return convert.checkin_from_row(row) if row else None

    def last_run(self) -> Run | None:
        with self.read_session() as s:
            row = s.scalars(select(RunRow).order_by(RunRow.started_at.desc(), RunRow.id.desc()).limit(1)).first()
            return convert.run_from_row(row) if row else None

    def counts(self) -> Counts:
        with self.read_session() as s:
            return Counts(
                runs=s.scalar(select(func.count(RunRow.id))) or 0,
                checkins=s.scalar(select(func.count(CheckInRow.id))) or 0,
                care=s.scalar(select(func.count(CareRow.id))) or 0,
                shoes=s.scalar(select(func.count(ShoeRow.id))) or 0,
            )

    # ---- writes: each one transaction ---------------------------------------------------
    def save_settings(self, settings: Settings) -> None:
        self.save_raw_settings(settings.to_strings())

    def save_raw_settings(self, values: dict[str, str]) -> None:
        with self.write_session() as s:
            for key, value in values.items():
                s.merge(SettingRow(key=key, value=value))

    def add_run(self, run: Run) -> Run:
        return self.add_entries(runs=[run]).runs[0]

    def update_run(self, run: Run) -> Run:
        problems = validate_run(run)
        if problems:
            raise InvalidEntry("Run", problems)
        with self.write_session() as s:
            row = s.get(RunRow, run.id)
            if row is None:
                raise KeyError(f"No run with id {run.id}")
            convert.fill_run_row(row, run, self._shoe_row(s, run.shoe))
            s.flush()
            return convert.run_from_row(row)

    def delete_run(self, run_id: int) -> Run:
        """Delete a run and return it as it was (its check-ins stay, unlinked)."""
        with self.write_session() as s:
            row = s.get(RunRow, run_id)
            if row is None:
                raise KeyError(f"No run with id {run_id}")
            old = convert.run_from_row(row)
            s.delete(row)
            return old

    def add_checkin(self, checkin: CheckIn) -> CheckIn:
        return self.add_entries(checkins=[checkin]).checkins[0]

    def update_checkin(self, checkin: CheckIn) -> CheckIn:
        problems = validate_checkin(checkin)
        if problems:
            raise InvalidEntry("Check-in", problems)
        with self.write_session() as s:
            row = s.get(CheckInRow, checkin.id)
            if row is None:
                raise KeyError(f"No check-in with id {checkin.id}")
            convert.fill_checkin_row(row, checkin)
            s.flush()
            return convert.checkin_from_row(row)

    def save_checkin_with_care(
        self, checkin: CheckIn, care: Iterable[CareEntry] = ()
    ) -> tuple[CheckIn, list[CareEntry]]:
        """Add or update a check-in and add the day's care entries, in one transaction."""
        care = list(care)
        if problems := validate_checkin(checkin):
            raise InvalidEntry("Check-in", problems)
        for entry in care:
            if problems := validate_care(entry):
                raise InvalidEntry("Care", problems)
        with self.write_session() as s:
            row = s.get(CheckInRow, checkin.id) if checkin.id is not None else None
            if checkin.id is not None and row is None:
                raise KeyError(f"No check-in with id {checkin.id}")
            if row is None:
                row = CheckInRow()
                s.add(row)
            convert.fill_checkin_row(row, checkin)
            care_rows = [convert.fill_care_row(CareRow(id=c.id), c) for c in care]
            s.add_all(care_rows)
            s.flush()
            return convert.checkin_from_row(row), [convert.care_from_row(r) for r in care_rows]

    def delete_entries(self, checkin_ids: Iterable[int] = (), care_ids: Iterable[int] = ()) -> None:
        """Delete several check-ins and care entries in one transaction (undo of a check-in with care)."""
        with self.write_session() as s:
            for cid in checkin_ids:
                if (row := s.get(CheckInRow, cid)) is not None:
                    s.delete(row)
            for cid in care_ids:
                if (row := s.get(CareRow, cid)) is not None:
                    s.delete(row)

    def delete_checkin(self, checkin_id: int) -> CheckIn:
        with self.write_session() as s:
            row = s.get(CheckInRow, checkin_id)
            if row is None:
                raise KeyError(f"No check-in with id {checkin_id}")
            old = convert.checkin_from_row(row)
            s.delete(row)
            return old

    def add_care(self, entry: CareEntry) -> CareEntry:
        return self.add_entries(care=[entry]).care[0]

    def delete_care(self, care_id: int) -> CareEntry:
        with self.write_session() as s:
            row = s.get(CareRow, care_id)
            if row is None:
                raise KeyError(f"No care entry with id {care_id}")
            old = convert.care_from_row(row)
            s.delete(row)
            return old

    def save_shoe(self, shoe: Shoe) -> Shoe:
        """Add a new pair (``id`` None) or update an existing one."""
        problems = validate_shoe(shoe)
        if problems:
            raise InvalidEntry("Shoes", problems)
        with self.write_session() as s:
            clash = _find_shoe(s, shoe.name)
            if clash is not None and clash.id != shoe.id:
                raise InvalidEntry("Shoes", {"name": f"There are already shoes called {clash.name!r}"})
            row = s.get(ShoeRow, shoe.id) if shoe.id is not None else None
            if row is None:
                row = ShoeRow()
                s.add(row)
            convert.fill_shoe_row(row, shoe)
            s.flush()
            return convert.shoe_from_row(row)

    def delete_shoe(self, shoe_id: int) -> Shoe:
        with self.write_session() as s:
            row = s.get(ShoeRow, shoe_id)
            if row is None:
                raise KeyError(f"No shoes with id {shoe_id}")
            old = convert.shoe_from_row(row)
            s.delete(row)
            return old

    def add_entries(
        self,
        runs: Iterable[Run] = (),
        checkins: Iterable[CheckIn] = (),
        care: Iterable[CareEntry] = (),
        shoes: Iterable[Shoe] = (),
    ) -> JournalData:
        """Add everything in one transaction: all of it is saved, or (on any error) none of it.

        Shoes named by runs but not in ``shoes`` are created. A record that carries an id
        keeps it (the undo of a delete); new records get fresh ids. Returns the records with ids.
        """
        runs, checkins, care, shoes = list(runs), list(checkins), list(care), list(shoes)
        now = datetime.now()
        for i, shoe in enumerate(shoes):
            if p := validate_shoe(shoe, now):
                raise InvalidEntry(f"Shoes {i + 1} ({shoe.name!r})", p)
        for i, run in enumerate(runs):
            if p := validate_run(run, now):
                raise InvalidEntry(f"Run {i + 1} ({run.started_at:%Y-%m-%d})", p)
        for i, checkin in enumerate(checkins):
            if p := validate_checkin(checkin, now):
                raise InvalidEntry(f"Check-in {i + 1} ({checkin.recorded_at:%Y-%m-%d})", p)
        for i, entry in enumerate(care):
            if p := validate_care(entry, now):
                raise InvalidEntry(f"Care {i + 1} ({entry.day})", p)
        with self.write_session() as s:
            shoe_rows = {shoe_key(r.name): r for r in s.scalars(select(ShoeRow))}
            for shoe in shoes:
                row = shoe_rows.get(shoe_key(shoe.name))
                if row is None:
                    row = ShoeRow()
                    s.add(row)
                    shoe_rows[shoe_key(shoe.name)] = row
                convert.fill_shoe_row(row, shoe)
            run_rows = []
            for run in runs:
                shoe_row = None
                if run.shoe:
                    key = shoe_key(run.shoe)
                    shoe_row = shoe_rows.get(key)
                    if shoe_row is None:
                        shoe_row = convert.fill_shoe_row(ShoeRow(), Shoe(name=run.shoe, first_used=run.day))
                        s.add(shoe_row)
                        shoe_rows[key] = shoe_row
                row = convert.fill_run_row(RunRow(id=run.id), run, shoe_row)
                s.add(row)
                run_rows.append(row)
            checkin_rows = [convert.fill_checkin_row(CheckInRow(id=c.id), c) for c in checkins]
            care_rows = [convert.fill_care_row(CareRow(id=c.id), c) for c in care]
            s.add_all(checkin_rows + care_rows)
            s.flush()
            return JournalData(
                runs=tuple(convert.run_from_row(r) for r in run_rows),
                checkins=tuple(convert.checkin_from_row(r) for r in checkin_rows),
                care=tuple(convert.care_from_row(r) for r in care_rows),
                shoes=tuple(convert.shoe_from_row(r) for r in shoe_rows.values()),
            )

    def restore_deleted(self, record: Run | CheckIn | CareEntry) -> Run | CheckIn | CareEntry:
        """Add back a deleted record (undo of a delete) under its old id."""
        if isinstance(record, Run):
            return self.add_run(record)
        if isinstance(record, CheckIn):
            return self.add_checkin(record)
        return self.add_care(record)

    @staticmethod
    def _shoe_row(s: Session, name: str | None) -> ShoeRow | None:
        if not name:
            return None
        row = _find_shoe(s, name)
        if row is None:
            row = convert.fill_shoe_row(ShoeRow(), Shoe(name=name))
            s.add(row)
        return row
