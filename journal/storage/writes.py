"""Writing the journal through the SQLAlchemy ORM: every function here is one transaction.

``Journal``'s write methods call these; the module (and with it SQLAlchemy) is
imported on the first write, not at start-up. Each function validates its
records first (``journal.domain.validation``), so nothing invalid reaches the
database from any path, and runs in ``journal.write_session()``: all of it is
saved, or on any error none of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.races import Race
from journal.domain.settings import Settings
from journal.domain.validation import (
    InvalidEntry,
    validate_care,
    validate_checkin,
    validate_race,
    validate_run,
    validate_shoe,
)
from journal.storage import convert
from journal.storage.models import CareRow, CheckInRow, RaceRow, RunRow, SettingRow, ShoeRow

if TYPE_CHECKING:
    from journal.storage.journal import Journal


def shoe_key(name: str) -> str:
    """Shoe names match ignoring case in every script ('Élan' is 'élan'); SQLite's lower() folds ASCII only.

    ``str.lower`` rather than ``casefold``: casefold would also merge 'ß' with 'ss', which a person may not mean.
    """
    return name.strip().lower()


def _delete(journal: Journal, row_class: type, row_id: int, to_record: Callable[[Any], Any], what: str) -> Any:
    """Delete one row (one transaction) and return its record as it was; KeyError when there is none."""
    with journal.write_session() as s:
        row = s.get(row_class, row_id)
        if row is None:
            raise KeyError(f"No {what} with id {row_id}")
        old = to_record(row)
        s.delete(row)
        return old


def _find_shoe(s: Session, name: str) -> ShoeRow | None:
    key = shoe_key(name)
    return next((r for r in s.scalars(select(ShoeRow)) if shoe_key(r.name) == key), None)


def save_settings(journal: Journal, settings: Settings) -> None:
    save_raw_settings(journal, settings.to_strings())


def save_raw_settings(journal: Journal, values: dict[str, str]) -> None:
    with journal.write_session() as s:
        for key, value in values.items():
            s.merge(SettingRow(key=key, value=value))


def add_run(journal: Journal, run: Run) -> Run:
    return add_entries(journal, runs=[run]).runs[0]


def update_run(journal: Journal, run: Run) -> Run:
    problems = validate_run(run)
    if problems:
        raise InvalidEntry("Run", problems)
    with journal.write_session() as s:
        row = s.get(RunRow, run.id)
        if row is None:
            raise KeyError(f"No run with id {run.id}")
        convert.fill_run_row(row, run, _shoe_row(s, run.shoe))
        s.flush()
        return convert.run_from_row(row)


def delete_run(journal: Journal, run_id: int) -> Run:
    """Delete a run and return it as it was (its check-ins stay, unlinked)."""
    return _delete(journal, RunRow, run_id, convert.run_from_row, "run")


def add_checkin(journal: Journal, checkin: CheckIn) -> CheckIn:
    return add_entries(journal, checkins=[checkin]).checkins[0]


def update_checkin(journal: Journal, checkin: CheckIn) -> CheckIn:
    problems = validate_checkin(checkin)
    if problems:
        raise InvalidEntry("Check-in", problems)
    with journal.write_session() as s:
        row = s.get(CheckInRow, checkin.id)
        if row is None:
            raise KeyError(f"No check-in with id {checkin.id}")
        convert.fill_checkin_row(row, checkin)
        s.flush()
        return convert.checkin_from_row(row)


def save_checkin_with_care(
    journal: Journal, checkin: CheckIn, care: Iterable[CareEntry] = ()
) -> tuple[CheckIn, list[CareEntry]]:
    """Add or update a check-in and add the day's care entries, in one transaction."""
    care = list(care)
    if problems := validate_checkin(checkin):
        raise InvalidEntry("Check-in", problems)
    for entry in care:
        if problems := validate_care(entry):
            raise InvalidEntry("Care", problems)
    with journal.write_session() as s:
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


def delete_entries(journal: Journal, checkin_ids: Iterable[int] = (), care_ids: Iterable[int] = ()) -> None:
    """Delete several check-ins and care entries in one transaction (undo of a check-in with care)."""
    with journal.write_session() as s:
        for cid in checkin_ids:
            if (row := s.get(CheckInRow, cid)) is not None:
                s.delete(row)
        for cid in care_ids:
            if (row := s.get(CareRow, cid)) is not None:
                s.delete(row)


def delete_checkin(journal: Journal, checkin_id: int) -> CheckIn:
    return _delete(journal, CheckInRow, checkin_id, convert.checkin_from_row, "check-in")


def add_care(journal: Journal, entry: CareEntry) -> CareEntry:
    return add_entries(journal, care=[entry]).care[0]


def delete_care(journal: Journal, care_id: int) -> CareEntry:
    return _delete(journal, CareRow, care_id, convert.care_from_row, "care entry")


def save_shoe(journal: Journal, shoe: Shoe) -> Shoe:
    """Add a new pair (``id`` None) or update an existing one."""
    problems = validate_shoe(shoe)
    if problems:
        raise InvalidEntry("Shoes", problems)
    with journal.write_session() as s:
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


def delete_shoe(journal: Journal, shoe_id: int) -> Shoe:
    return _delete(journal, ShoeRow, shoe_id, convert.shoe_from_row, "shoes")


def add_entries(
    journal: Journal,
    runs: Iterable[Run] = (),
    checkins: Iterable[CheckIn] = (),
    care: Iterable[CareEntry] = (),
    shoes: Iterable[Shoe] = (),
    races: Iterable[Race] = (),
) -> JournalData:
    """Add everything in one transaction: all of it is saved, or (on any error) none of it.

    Shoes named by runs but not in ``shoes`` are created. A record that carries an id
    keeps it (the undo of a delete); new records get fresh ids. Returns the records with ids.
    Races may be in the past (a backup carries history); a race already in the journal
    (same day, same name ignoring case) is not added twice.
    """
    runs, checkins, care, shoes, races = list(runs), list(checkins), list(care), list(shoes), list(races)
    now = datetime.now()
    for i, race in enumerate(races):
        if p := validate_race(race, now.date(), allow_past=True):
            raise InvalidEntry(f"Race {i + 1} ({race.name!r})", p)
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
    with journal.write_session() as s:
        shoe_rows = {shoe_key(r.name): r for r in s.scalars(select(ShoeRow))}
        for shoe in shoes:
            row = shoe_rows.get(shoe_key(shoe.name))
            if row is None:
                row = ShoeRow()
                s.add(row)
                shoe_rows[shoe_key(shoe.name)] = row
            convert.fill_shoe_row(row, shoe)

        def run_row(run: Run) -> RunRow:
            shoe_row = None
            if run.shoe:
                key = shoe_key(run.shoe)
                shoe_row = shoe_rows.get(key)
                if shoe_row is None:
                    shoe_row = convert.fill_shoe_row(ShoeRow(), Shoe(name=run.shoe, first_used=run.day))
                    s.add(shoe_row)
                    shoe_rows[key] = shoe_row
            return convert.fill_run_row(RunRow(id=run.id), run, shoe_row)

        saved_runs = _add_in_chunks(s, runs, run_row, convert.run_from_row)
        saved_checkins = _add_in_chunks(
            s, checkins, lambda c: convert.fill_checkin_row(CheckInRow(id=c.id), c), convert.checkin_from_row
        )
        saved_care = _add_in_chunks(
            s, care, lambda c: convert.fill_care_row(CareRow(id=c.id), c), convert.care_from_row
        )
        race_rows = _new_race_rows(s, races)
        s.add_all(race_rows)
        s.flush()
        return JournalData(
            runs=tuple(saved_runs),
            checkins=tuple(saved_checkins),
            care=tuple(saved_care),
            shoes=tuple(convert.shoe_from_row(r) for r in shoe_rows.values()),
            races=tuple(convert.race_from_row(r) for r in race_rows),
        )


def _race_key(race: Race | RaceRow) -> tuple[str, object]:
    return shoe_key(race.name), race.day


def _new_race_rows(s: Session, races: list[Race]) -> list[RaceRow]:
    """Rows for the races not already in the journal (same day, same name ignoring case)."""
    known = {_race_key(r) for r in s.scalars(select(RaceRow))}
    rows = []
    for race in races:
        if _race_key(race) not in known:
            known.add(_race_key(race))
            rows.append(convert.fill_race_row(RaceRow(id=race.id), race))
    return rows


def save_race(journal: Journal, race: Race) -> Race:
    """Add a new race (``id`` None: its day must not be in the past) or update one (one transaction).

    An edit may keep a past day the race already had (renaming a race that has been run),
    but not move a race into the past. Two races on the same day with the same name are refused.
    """
    if problems := validate_race(race, allow_past=True):
        raise InvalidEntry("Race", problems)
    with journal.write_session() as s:
        row = s.get(RaceRow, race.id) if race.id is not None else None
        if race.id is not None and row is None:
            raise KeyError(f"No race with id {race.id}")
        kept_day = row is not None and row.day == race.day
        if problems := validate_race(race, allow_past=kept_day):
            raise InvalidEntry("Race", problems)
        clash = next(
            (r for r in s.scalars(select(RaceRow)) if _race_key(r) == _race_key(race) and r.id != race.id), None
        )
        if clash is not None:
            raise InvalidEntry("Race", {"name": f"There is already a race called {clash.name!r} on that day"})
        if row is None:
            row = RaceRow()
            s.add(row)
        convert.fill_race_row(row, race)
        s.flush()
        return convert.race_from_row(row)


def restore_race(journal: Journal, race: Race) -> Race:
    """Put a race back exactly as it was under its id (the undo of an edit or a delete); a past day is fine."""
    if problems := validate_race(race, allow_past=True):
        raise InvalidEntry("Race", problems)
    with journal.write_session() as s:
        row = s.get(RaceRow, race.id) if race.id is not None else None
        if row is None:
            row = RaceRow(id=race.id)
            s.add(row)
        convert.fill_race_row(row, race)
        s.flush()
        return convert.race_from_row(row)


def delete_race(journal: Journal, race_id: int) -> Race:
    """Delete a race and return it as it was (Undo adds it back under its id)."""
    return _delete(journal, RaceRow, race_id, convert.race_from_row, "race")


CHUNK = 1_000
"""Rows written (flushed) at a time inside the one transaction of ``add_entries``; each chunk is then
let go of, so a large import (a 20,000-run export, a long backup) holds only one chunk of ORM objects."""


def _add_in_chunks(s: Session, records: list[Any], make_row: Callable[[Any], Any], to_record: Callable[[Any], Any]):
    saved = []
    for start in range(0, len(records), CHUNK):
        rows = [make_row(record) for record in records[start : start + CHUNK]]
        s.add_all(rows)
        s.flush()
        saved += [to_record(row) for row in rows]
        for row in rows:
            s.expunge(row)  # its scores and signs go with it (cascade "all")
    return saved


def restore_deleted(journal: Journal, record: Run | CheckIn | CareEntry) -> Run | CheckIn | CareEntry:
    """Add back a deleted record (undo of a delete) under its old id."""
    if isinstance(record, Run):
        return add_run(journal, record)
    if isinstance(record, CheckIn):
        return add_checkin(journal, record)
    return add_care(journal, record)


def _shoe_row(s: Session, name: str | None) -> ShoeRow | None:
    if not name:
        return None
    row = _find_shoe(s, name)
    if row is None:
        row = convert.fill_shoe_row(ShoeRow(), Shoe(name=name))
        s.add(row)
    return row
