"""Writing the journal through the SQLAlchemy ORM: each function is the body of one transaction.

``Journal``'s write methods run these in ``Journal.transaction`` (one transaction:
all of it is saved, or on any error none of it) and hand them the ``Session``; the
module (and with it SQLAlchemy) is imported on the first write, not at start-up.
Each function validates its records first (``journal.domain.validation``), so
nothing invalid reaches the database from any path. Goal races are in ``race_writes``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.races import Race
from journal.domain.validation import (
    InvalidEntry,
    validate_care,
    validate_checkin,
    validate_race,
    validate_run,
    validate_shoe,
)
from journal.storage import bulk_insert, convert
from journal.storage.models import CareRow, CheckInRow, RunRow, SettingRow, ShoeRow
from journal.storage.race_writes import new_race_rows

R = TypeVar("R")
Row = TypeVar("Row")


def shoe_key(name: str) -> str:
    """Shoe names match ignoring case in every script ('Élan' is 'élan'); SQLite's lower() folds ASCII only.

    ``str.lower`` rather than ``casefold``: casefold would also merge 'ß' with 'ss', which a person may not mean.
    """
    return name.strip().lower()


def delete_row(s: Session, row_class: type[Row], row_id: int, to_record: Callable[[Row], R], what: str) -> R:
    """Delete one row and return its record as it was; KeyError when there is none."""
    row = s.get(row_class, row_id)
    if row is None:
        raise KeyError(f"No {what} with id {row_id}")
    old = to_record(row)
    s.delete(row)
    return old


def _find_shoe(s: Session, name: str) -> ShoeRow | None:
    key = shoe_key(name)
    return next((r for r in s.scalars(select(ShoeRow)) if shoe_key(r.name) == key), None)


def save_raw_settings(s: Session, values: dict[str, str]) -> None:
    for key, value in values.items():
        s.merge(SettingRow(key=key, value=value))


def update_run(s: Session, run: Run) -> Run:
    problems = validate_run(run)
    if problems:
        raise InvalidEntry("Run", problems)
    row = s.get(RunRow, run.id)
    if row is None:
        raise KeyError(f"No run with id {run.id}")
    convert.fill_run_row(row, run, _shoe_row(s, run.shoe))
    s.flush()
    return convert.run_from_row(row)


def delete_run(s: Session, run_id: int) -> Run:
    """Delete a run and return it as it was (its check-ins stay, unlinked)."""
    return delete_row(s, RunRow, run_id, convert.run_from_row, "run")


def save_checkin_with_care(
    s: Session, checkin: CheckIn, care: Iterable[CareEntry] = ()
) -> tuple[CheckIn, list[CareEntry]]:
    """Add or update a check-in and add the day's care entries, in one transaction."""
    care = list(care)
    if problems := validate_checkin(checkin):
        raise InvalidEntry("Check-in", problems)
    for entry in care:
        if problems := validate_care(entry):
            raise InvalidEntry("Care", problems)
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


def delete_entries(s: Session, checkin_ids: Iterable[int] = (), care_ids: Iterable[int] = ()) -> None:
    """Delete several check-ins and care entries (those still there)."""
    for cid in checkin_ids:
        if (checkin := s.get(CheckInRow, cid)) is not None:
            s.delete(checkin)
    for cid in care_ids:
        if (entry := s.get(CareRow, cid)) is not None:
            s.delete(entry)


def update_care(s: Session, entry: CareEntry) -> tuple[CareEntry, CareEntry]:
    """Change a stored care entry (its kind, day, minutes, detail); return it (before, after).

    The record as it was comes back with the change, read in the same transaction, so an
    undo puts back exactly what was replaced. KeyError when there is no such entry.
    """
    if problems := validate_care(entry):
        raise InvalidEntry("Care", problems)
    row = s.get(CareRow, entry.id) if entry.id is not None else None
    if row is None:
        raise KeyError(f"No care entry with id {entry.id}")
    before = convert.care_from_row(row)
    convert.fill_care_row(row, entry)
    s.flush()
    return before, convert.care_from_row(row)


def delete_checkin(s: Session, checkin_id: int) -> CheckIn:
    return delete_row(s, CheckInRow, checkin_id, convert.checkin_from_row, "check-in")


def delete_care(s: Session, care_id: int) -> CareEntry:
    return delete_row(s, CareRow, care_id, convert.care_from_row, "care entry")


def save_shoe(s: Session, shoe: Shoe) -> Shoe:
    """Add a new pair (``id`` None) or update an existing one."""
    problems = validate_shoe(shoe)
    if problems:
        raise InvalidEntry("Shoes", problems)
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


def add_entries(
    s: Session,
    runs: Iterable[Run] = (),
    checkins: Iterable[CheckIn] = (),
    care: Iterable[CareEntry] = (),
    shoes: Iterable[Shoe] = (),
    races: Iterable[Race] = (),
) -> JournalData:
    """Add everything (the caller's one transaction: all of it is saved, or on any error none of it).

    Every record is validated first; then one executemany per table and chunk (``bulk_insert``).

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
    shoe_rows = {shoe_key(r.name): r for r in s.scalars(select(ShoeRow))}
    for shoe in shoes:
        row = shoe_rows.get(shoe_key(shoe.name))
        if row is None:
            row = ShoeRow()
            s.add(row)
            shoe_rows[shoe_key(shoe.name)] = row
        convert.fill_shoe_row(row, shoe)
    for run in runs:  # pairs the runs name and the journal does not have yet
        if run.shoe and shoe_key(run.shoe) not in shoe_rows:
            row = convert.fill_shoe_row(ShoeRow(), Shoe(name=run.shoe, first_used=run.day))
            s.add(row)
            shoe_rows[shoe_key(run.shoe)] = row
    s.flush()  # the shoes' ids, for the runs

    def shoe_of(name: str) -> tuple[int, str]:
        row = shoe_rows[shoe_key(name)]
        return row.id, row.name

    saved_runs = bulk_insert.add_runs(s, runs, shoe_of)
    saved_checkins = bulk_insert.add_checkins(s, checkins)
    saved_care = bulk_insert.add_care(s, care)
    race_rows = new_race_rows(s, races)
    s.add_all(race_rows)
    s.flush()
    return JournalData(
        runs=tuple(saved_runs),
        checkins=tuple(saved_checkins),
        care=tuple(saved_care),
        shoes=tuple(convert.shoe_from_row(r) for r in shoe_rows.values()),
        races=tuple(convert.race_from_row(r) for r in race_rows),
    )


def _shoe_row(s: Session, name: str | None) -> ShoeRow | None:
    if not name:
        return None
    row = _find_shoe(s, name)
    if row is None:
        row = convert.fill_shoe_row(ShoeRow(), Shoe(name=name))
        s.add(row)
    return row
