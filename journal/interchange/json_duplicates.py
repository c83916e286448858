"""Which entries of a JSON backup are already in the journal, so that importing it twice adds nothing twice.

An entry is "already present" when an entry of the same kind with the same content is
in the journal, or earlier in the same file (documented in docs/json-format.md):

- a run: the same start (to the second), distance (to the metre's thousandth, as the
  file writes kilometres to 6 decimals), duration, effort, surface, shoes (ignoring
  case), foot strike, stretched, water, hot, stopped for pain and notes. Where it came
  from (``source``, ``source_id``, ``source_file``) does not count: it is the same run;
- a check-in: the same date and time (to the second), the same scores (each region's
  score, timing, character and spread) and the same warning signs;
- a care entry: the same day, kind, detail and minutes;
- shoes: the same name (ignoring case), first use, distances and retired mark; a pair
  whose name is known but whose figures differ is saved (its figures replaced);
- a goal race: the same day and name (ignoring case), as ``add_entries`` judges it.

Imported backups hold the same values the export wrote, so a file exported and
imported again is recognised whole. Entries differing in any of these fields are new.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.races import Race

H = TypeVar("H")


def _km(metres: float) -> float:
    return round(metres / 1000.0, 6)


def _name(name: str | None) -> str | None:
    return name.strip().lower() if name else None


def run_key(run: Run) -> Hashable:
    return (
        run.started_at.replace(microsecond=0),
        _km(run.distance_m),
        run.duration_s,
        run.effort,
        run.surface,
        _name(run.shoe),
        run.foot_strike,
        run.stretched,
        run.hydrated,
        run.hot,
        bool(run.stopped_for_pain),
        run.notes,
    )


def checkin_key(checkin: CheckIn) -> Hashable:
    scores = frozenset((s.region, s.score, s.timing, frozenset(s.character), s.radiates) for s in checkin.scores)
    return checkin.recorded_at.replace(microsecond=0), scores, frozenset(checkin.warning_signs)


def care_key(entry: CareEntry) -> Hashable:
    return entry.day, entry.kind, entry.detail, entry.minutes


def race_key(race: Race) -> Hashable:
    return _name(race.name), race.day


def shoe_key(shoe: Shoe) -> Hashable:
    first = shoe.first_used
    return _name(shoe.name), first, _km(shoe.prior_m), _km(shoe.retire_at_m), shoe.retired


@dataclass
class Sorted:
    """The file's entries split into those to add and those already present."""

    new: JournalData
    duplicate_runs: list[Run] = field(default_factory=list)
    duplicate_checkins: list[CheckIn] = field(default_factory=list)
    duplicate_care: list[CareEntry] = field(default_factory=list)
    same_shoes: int = 0
    duplicate_races: list[Race] = field(default_factory=list)

    @property
    def duplicates(self) -> int:
        return len(self.duplicate_runs) + len(self.duplicate_checkins) + len(self.duplicate_care)

    @property
    def nothing_new(self) -> bool:
        new = self.new
        return not (new.runs or new.checkins or new.care or new.shoes or new.races)


def _split(items: Iterable[H], existing: Iterable[H], key: Callable[[H], Hashable]) -> tuple[list[H], list[H]]:
    seen = {key(item) for item in existing}
    new, duplicates = [], []
    for item in items:
        k = key(item)
        if k in seen:
            duplicates.append(item)
        else:
            seen.add(k)
            new.append(item)
    return new, duplicates


def split_duplicates(data: JournalData, journal: JournalData) -> Sorted:
    """``data`` (a parsed backup) split against ``journal`` (what is already there)."""
    runs, duplicate_runs = _split(data.runs, journal.runs, run_key)
    checkins, duplicate_checkins = _split(data.checkins, journal.checkins, checkin_key)
    care, duplicate_care = _split(data.care, journal.care, care_key)
    shoes, same_shoes = _split(data.shoes, journal.shoes, shoe_key)
    races, duplicate_races = _split(data.races, journal.races, race_key)
    return Sorted(
        new=JournalData(
            runs=tuple(runs), checkins=tuple(checkins), care=tuple(care), shoes=tuple(shoes), races=tuple(races)
        ),
        duplicate_runs=duplicate_runs,
        duplicate_checkins=duplicate_checkins,
        duplicate_care=duplicate_care,
        same_shoes=len(same_shoes),
        duplicate_races=duplicate_races,
    )
