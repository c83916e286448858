"""Adding many records at once: one executemany INSERT per table and chunk, inside the caller's transaction.

``writes.add_entries`` validates the records and finds or makes the shoes; this module
writes the runs, check-ins (with their scores and warning signs) and care entries
through SQLAlchemy Core (``insert(table)`` with a list of rows: the DB-API's
``executemany``, one statement per table and chunk of ``CHUNK`` records) instead of an
ORM object per row, which cost 34-64 times as much (issue 16). The ORM's tables are
used, so the stored formats are the ORM's own.

Ids: a record that carries one keeps it (the undo of a delete); the others are given
the next free ids, from one past the highest in the table (or in the records), as
SQLite itself would give them. They are handed out here, inside the transaction that
writes them, so nothing is read back: another writer in between would make SQLite
refuse this transaction rather than let the ids collide.

The records returned are those a read of the new rows gives (``reads``): times
without microseconds, the shoe's stored name, warning signs once each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import count
from typing import Any, TypeVar

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from journal.domain.entries import CareEntry, CheckIn, Run
from journal.storage.models import CareRow, CheckInRow, RunRow, ScoreRow, WarningSignRow

CHUNK = 1_000
"""Records written by one executemany; only one chunk's rows are held at a time (a 30-year import stays small)."""

R = TypeVar("R", Run, CheckIn, CareEntry)
Values = dict[str, Any]


def _table(row_class: type[Any]) -> Table:
    table = row_class.__table__
    assert isinstance(table, Table)
    return table


def _ids(s: Session, table: Table, records: Sequence[R]) -> Iterator[int]:
    """The id of each record in turn: its own, or the next free one (the highest in table and records, plus 1)."""
    highest = s.execute(select(func.max(table.c.id))).scalar() or 0
    highest = max([highest, *(r.id for r in records if r.id is not None)])
    fresh = count(highest + 1)
    return (r.id if r.id is not None else next(fresh) for r in records)


def _chunks(records: Sequence[R]) -> Iterator[Sequence[R]]:
    for start in range(0, len(records), CHUNK):
        yield records[start : start + CHUNK]


def _bool(value: bool | None) -> bool | None:
    return None if value is None else bool(value)


def add_runs(s: Session, runs: Sequence[Run], shoe_ids: Callable[[str], tuple[int, str]]) -> list[Run]:
    """Insert validated runs; ``shoe_ids(name)`` gives the (id, stored name) of the pair a run names."""
    table = _table(RunRow)
    ids = _ids(s, table, runs)
    saved: list[Run] = []
    for chunk in _chunks(runs):
        rows: list[Values] = []
        for run in chunk:
            shoe_id, shoe = shoe_ids(run.shoe) if run.shoe else (None, None)
            stored = replace(
                run,
                id=next(ids),
                started_at=run.started_at.replace(microsecond=0),
                distance_m=float(run.distance_m),
                shoe=shoe,
                notes=run.notes or "",
                source=run.source or "manual",
                stretched=_bool(run.stretched),
                hydrated=_bool(run.hydrated),
                hot=_bool(run.hot),
                stopped_for_pain=_bool(run.stopped_for_pain),
            )
            rows.append(
                {
                    "id": stored.id,
                    "started_at": stored.started_at,
                    "distance_m": stored.distance_m,
                    "duration_s": stored.duration_s,
                    "effort": stored.effort,
                    "surface": stored.surface.value if stored.surface else None,
                    "shoe_id": shoe_id,
                    "foot_strike": stored.foot_strike.value if stored.foot_strike else None,
                    "stretched": stored.stretched,
                    "hydrated": stored.hydrated,
                    "hot": stored.hot,
                    "notes": stored.notes,
                    "stopped_for_pain": stored.stopped_for_pain,
                    "source": stored.source,
                    "source_id": stored.source_id,
                    "source_file": stored.source_file,
                }
            )
            saved.append(stored)
        _insert(s, table, rows)
    return saved


def add_checkins(s: Session, checkins: Sequence[CheckIn]) -> list[CheckIn]:
    """Insert validated check-ins with their scores (in order) and warning signs (each once)."""
    table, scores_table, signs_table = _table(CheckInRow), _table(ScoreRow), _table(WarningSignRow)
    ids = _ids(s, table, checkins)
    saved: list[CheckIn] = []
    for chunk in _chunks(checkins):
        rows: list[Values] = []
        scores: list[Values] = []
        signs: list[Values] = []
        for checkin in chunk:
            stored = replace(
                checkin,
                id=next(ids),
                recorded_at=checkin.recorded_at.replace(microsecond=0),
                notes=checkin.notes or "",
                warning_signs=tuple(dict.fromkeys(checkin.warning_signs)),
            )
            rows.append(
                {
                    "id": stored.id,
                    "recorded_at": stored.recorded_at,
                    "run_id": stored.run_id,
                    "notes": stored.notes,
                    "interference": stored.interference,
                }
            )
            scores += [
                {
                    "checkin_id": stored.id,
                    "region": score.region.value,
                    "score": score.score,
                    "timing": score.timing.value if score.timing else None,
                    "character": ",".join(c.value for c in score.character),
                    "radiates": score.radiates.value if score.radiates else None,
                }
                for score in stored.scores
            ]
            signs += [{"checkin_id": stored.id, "sign": sign.value} for sign in stored.warning_signs]
            saved.append(stored)
        _insert(s, table, rows)
        _insert(s, scores_table, scores)
        _insert(s, signs_table, signs)
    return saved


def add_care(s: Session, care: Sequence[CareEntry]) -> list[CareEntry]:
    """Insert validated care entries."""
    table = _table(CareRow)
    ids = _ids(s, table, care)
    saved: list[CareEntry] = []
    for chunk in _chunks(care):
        rows: list[Values] = []
        for entry in chunk:
            stored = replace(entry, id=next(ids), detail=entry.detail or "")
            rows.append(
                {
                    "id": stored.id,
                    "day": stored.day,
                    "kind": stored.kind.value,
                    "detail": stored.detail,
                    "minutes": stored.minutes,
                }
            )
            saved.append(stored)
        _insert(s, table, rows)
    return saved


def _insert(s: Session, table: Table, rows: Iterable[Values]) -> None:
    rows = list(rows)
    if rows:
        s.connection().execute(insert(table), rows)
