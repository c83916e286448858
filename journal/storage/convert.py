"""Conversion between ORM rows and the plain records of ``journal.domain``."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from journal.domain.entries import CareEntry, CheckIn, RegionScore, Run, Shoe
from journal.domain.races import Race
from journal.domain.vocabulary import (
    CareKind,
    Character,
    FootStrike,
    Radiates,
    Region,
    Surface,
    Timing,
    WarningSign,
)
from journal.storage.models import CareRow, CheckInRow, RaceRow, RunRow, ScoreRow, ShoeRow, WarningSignRow

E = TypeVar("E", bound=StrEnum)


def _opt(enum: type[E], value: str | None) -> E | None:
    return enum(value) if value else None


def run_from_row(row: RunRow) -> Run:
    return Run(
        id=row.id,
        started_at=row.started_at,
        distance_m=row.distance_m,
        duration_s=row.duration_s,
        effort=row.effort,
        surface=_opt(Surface, row.surface),
        shoe=row.shoe.name if row.shoe else None,
        foot_strike=_opt(FootStrike, row.foot_strike),
        stretched=row.stretched,
        hydrated=row.hydrated,
        hot=row.hot,
        notes=row.notes or "",
        stopped_for_pain=row.stopped_for_pain,
        source=row.source or "manual",
        source_id=row.source_id,
        source_file=row.source_file,
    )


def fill_run_row(row: RunRow, run: Run, shoe: ShoeRow | None) -> RunRow:
    row.started_at = run.started_at.replace(microsecond=0)
    row.distance_m = float(run.distance_m)
    row.duration_s = run.duration_s
    row.effort = run.effort
    row.surface = run.surface.value if run.surface else None
    row.shoe = shoe
    row.foot_strike = run.foot_strike.value if run.foot_strike else None
    row.stretched = run.stretched
    row.hydrated = run.hydrated
    row.hot = run.hot
    row.notes = run.notes
    row.stopped_for_pain = run.stopped_for_pain
    row.source = run.source
    row.source_id = run.source_id
    row.source_file = run.source_file
    return row


def checkin_from_row(row: CheckInRow) -> CheckIn:
    return CheckIn(
        id=row.id,
        recorded_at=row.recorded_at,
        run_id=row.run_id,
        notes=row.notes or "",
        interference=row.interference,
        scores=tuple(
            RegionScore(
                region=Region(s.region),
                score=s.score,
                timing=_opt(Timing, s.timing),
                character=tuple(Character(c) for c in s.character.split(",") if c),
                radiates=_opt(Radiates, s.radiates),
            )
            for s in row.scores
        ),
        warning_signs=tuple(WarningSign(w.sign) for w in row.signs),
    )


def fill_checkin_row(row: CheckInRow, checkin: CheckIn) -> CheckInRow:
    row.recorded_at = checkin.recorded_at.replace(microsecond=0)
    row.run_id = checkin.run_id
    row.notes = checkin.notes
    row.interference = checkin.interference
    row.scores = [
        ScoreRow(
            region=s.region.value,
            score=s.score,
            timing=s.timing.value if s.timing else None,
            character=",".join(c.value for c in s.character),
            radiates=s.radiates.value if s.radiates else None,
        )
        for s in checkin.scores
    ]
    row.signs = [WarningSignRow(sign=w.value) for w in dict.fromkeys(checkin.warning_signs)]
    return row


def care_from_row(row: CareRow) -> CareEntry:
    return CareEntry(id=row.id, day=row.day, kind=CareKind(row.kind), detail=row.detail or "", minutes=row.minutes)


def fill_care_row(row: CareRow, entry: CareEntry) -> CareRow:
    row.day = entry.day
    row.kind = entry.kind.value
    row.detail = entry.detail
    row.minutes = entry.minutes
    return row


def shoe_from_row(row: ShoeRow, logged_m: float = 0.0, run_count: int = 0) -> Shoe:
    return Shoe(
        id=row.id,
        name=row.name,
        first_used=row.first_used,
        prior_m=row.prior_m,
        retire_at_m=row.retire_at_m,
        retired=row.retired,
        distance_m=row.prior_m + logged_m,
        run_count=run_count,
    )


def fill_shoe_row(row: ShoeRow, shoe: Shoe) -> ShoeRow:
    row.name = shoe.name.strip()
    row.first_used = shoe.first_used
    row.prior_m = shoe.prior_m
    row.retire_at_m = shoe.retire_at_m
    row.retired = shoe.retired
    return row


def race_from_row(row: RaceRow) -> Race:
    return Race(id=row.id, name=row.name, day=row.day, distance_km=row.distance_km, goal_time_s=row.goal_time_s)


def fill_race_row(row: RaceRow, race: Race) -> RaceRow:
    row.name = race.name.strip()
    row.day = race.day
    row.distance_km = float(race.distance_km)
    row.goal_time_s = race.goal_time_s
    return row
