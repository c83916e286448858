"""Writing goal races: each function is the body of one transaction (``Journal.transaction``).

A race is one per day and name (ignoring case): adding a race already there is skipped
(a backup imported twice), and saving one that would clash is refused with the name.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.domain.races import Race
from journal.domain.validation import InvalidEntry, validate_race
from journal.storage import convert
from journal.storage.models import RaceRow


def _race_key(race: Race | RaceRow) -> tuple[str, date]:
    return race.name.strip().lower(), race.day


def new_race_rows(s: Session, races: list[Race]) -> list[RaceRow]:
    """Rows for the races not already in the journal (same day, same name ignoring case); not yet added."""
    known = {_race_key(r) for r in s.scalars(select(RaceRow))}
    rows = []
    for race in races:
        if _race_key(race) not in known:
            known.add(_race_key(race))
            rows.append(convert.fill_race_row(RaceRow(id=race.id), race))
    return rows


def save_race(s: Session, race: Race) -> Race:
    """Add a new race (``id`` None: its day must not be in the past) or update one.

    An edit may keep a past day the race already had (renaming a race that has been run),
    but not move a race into the past. Two races on the same day with the same name are refused.
    """
    if problems := validate_race(race, allow_past=True):
        raise InvalidEntry("Race", problems)
    row = s.get(RaceRow, race.id) if race.id is not None else None
    if race.id is not None and row is None:
        raise KeyError(f"No race with id {race.id}")
    kept_day = row is not None and row.day == race.day
    if problems := validate_race(race, allow_past=kept_day):
        raise InvalidEntry("Race", problems)
    clash = next((r for r in s.scalars(select(RaceRow)) if _race_key(r) == _race_key(race) and r.id != race.id), None)
    if clash is not None:
        raise InvalidEntry("Race", {"name": f"There is already a race called {clash.name!r} on that day"})
    if row is None:
        row = RaceRow()
        s.add(row)
    convert.fill_race_row(row, race)
    s.flush()
    return convert.race_from_row(row)


def restore_race(s: Session, race: Race) -> Race:
    """Put a race back exactly as it was under its id (the undo of an edit or a delete); a past day is fine."""
    if problems := validate_race(race, allow_past=True):
        raise InvalidEntry("Race", problems)
    row = s.get(RaceRow, race.id) if race.id is not None else None
    if row is None:
        row = RaceRow(id=race.id)
        s.add(row)
    convert.fill_race_row(row, race)
    s.flush()
    return convert.race_from_row(row)


def delete_race(s: Session, race_id: int) -> Race:
    """Delete a race and return it as it was (Undo adds it back under its id)."""
    row = s.get(RaceRow, race_id)
    if row is None:
        raise KeyError(f"No race with id {race_id}")
    old = convert.race_from_row(row)
    s.delete(row)
    return old
