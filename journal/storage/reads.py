"""Reading the journal with the standard library's sqlite3: the fast path for every read.

Why not SQLAlchemy here: importing it costs about 320 ms, more than twice a bare
Qt window's whole start-up, and its result processing is most of the time spent
reading ten years of check-ins. The window must show History quickly, so reads
use plain SQL on one read-only connection, and SQLAlchemy (with the ORM models
and Alembic) is imported only for the first write or migration. The columns are
those of ``models.py``; a test checks these readers against the ORM conversion.

Stored formats (as SQLAlchemy writes them to SQLite): datetimes are
``YYYY-MM-DD HH:MM:SS.ffffff`` text, dates ``YYYY-MM-DD``, booleans 0/1.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any, TypeVar

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

E = TypeVar("E", bound=StrEnum)
Row = tuple[Any, ...]
"""A row of the sqlite3 module: its column types are those of ``models.py`` (checked by a test)."""


def _optional(enum: type[E]) -> dict[str | None, E | None]:
    """Stored value -> member, with NULL and "" as None (a faster lookup than calling the enum per row)."""
    table: dict[str | None, E | None] = {m.value: m for m in enum}
    table[None] = None
    table[""] = None
    return table


def _required(enum: type[E]) -> dict[str, E]:
    return {m.value: m for m in enum}


_SURFACE, _FOOT, _TIMING, _RADIATES = _optional(Surface), _optional(FootStrike), _optional(Timing), _optional(Radiates)
_REGION, _CHAR, _SIGN, _CARE = _required(Region), _required(Character), _required(WarningSign), _required(CareKind)
_when = datetime.fromisoformat


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def stamp(value: datetime) -> str:
    """A datetime as stored, for comparisons in SQL."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _range(column: str, lo: datetime | None, hi: datetime | None) -> tuple[str, list[str | int]]:
    clauses: list[str] = []
    params: list[str | int] = []
    if lo:
        clauses.append(f"{column} >= ?")
        params.append(stamp(lo))
    if hi:
        clauses.append(f"{column} < ?")
        params.append(stamp(hi))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_RUN_SQL = (
    "SELECT r.id, r.started_at, r.distance_m, r.duration_s, r.effort, r.surface, s.name, r.foot_strike,"
    " r.stretched, r.hydrated, r.hot, r.notes, r.source, r.source_id, r.source_file, r.stopped_for_pain"
    " FROM runs r LEFT JOIN shoes s ON r.shoe_id = s.id"
)


def _run(row: Row) -> Run:
    return Run(
        id=row[0],
        started_at=_when(row[1]),
        distance_m=row[2],
        duration_s=row[3],
        effort=row[4],
        surface=_SURFACE[row[5]],
        shoe=row[6],
        foot_strike=_FOOT[row[7]],
        stretched=_bool(row[8]),
        hydrated=_bool(row[9]),
        hot=_bool(row[10]),
        notes=row[11] or "",
        source=row[12] or "manual",
        source_id=row[13],
        source_file=row[14],
        stopped_for_pain=_bool(row[15]),
    )


def read_runs(conn: sqlite3.Connection, lo: datetime | None, hi: datetime | None) -> list[Run]:
    where, params = _range("r.started_at", lo, hi)
    return [_run(row) for row in conn.execute(f"{_RUN_SQL}{where} ORDER BY r.started_at, r.id", params)]


def read_run(conn: sqlite3.Connection, run_id: int) -> Run | None:
    row = conn.execute(f"{_RUN_SQL} WHERE r.id = ?", (run_id,)).fetchone()
    return _run(row) if row else None


def read_last_run(conn: sqlite3.Connection) -> Run | None:
    row = conn.execute(f"{_RUN_SQL} ORDER BY r.started_at DESC, r.id DESC LIMIT 1").fetchone()
    return _run(row) if row else None


def read_checkins(
    conn: sqlite3.Connection, lo: datetime | None, hi: datetime | None, only_id: int | None = None
) -> list[CheckIn]:
    """Check-ins with recorded_at in [lo, hi) (or the one ``only_id``), oldest first, with scores and signs.

    Frozen records can be shared: equal scores are one ``RegionScore`` and check-ins scored
    alike share one tuple of them (most days of a long journal are scored alike), which
    makes reading ten years of check-ins about twice as fast and far smaller in memory.
    """
    where, params = _range("c.recorded_at", lo, hi)
    if only_id is not None:
        where, params = " WHERE c.id = ?", [only_id]
    join = f" JOIN checkins c ON s.checkin_id = c.id{where}" if where else ""
    shared: dict[Row, RegionScore] = {}
    keys: dict[int, list[Row]] = {}
    for row in conn.execute(
        f"SELECT s.checkin_id, s.region, s.score, s.timing, s.character, s.radiates FROM symptom_scores s{join}"
        " ORDER BY s.id",
        params,
    ):
        key = row[1:]
        if key not in shared:
            region, score, timing, character, radiates = key
            chars = tuple(_CHAR[x] for x in character.split(",")) if character else ()
            shared[key] = RegionScore(_REGION[region], score, _TIMING[timing], chars, _RADIATES[radiates])
        found = keys.get(row[0])
        if found is None:
            keys[row[0]] = [key]
        else:
            found.append(key)
    alike: dict[tuple[Row, ...], tuple[RegionScore, ...]] = {}
    scores: dict[int, tuple[RegionScore, ...]] = {}
    for cid, listed in keys.items():
        together = tuple(listed)
        if together not in alike:
            alike[together] = tuple(shared[key] for key in together)
        scores[cid] = alike[together]
    signs: dict[int, list[WarningSign]] = defaultdict(list)
    join = f" JOIN checkins c ON w.checkin_id = c.id{where}" if where else ""
    for cid, sign in conn.execute(f"SELECT w.checkin_id, w.sign FROM warning_signs w{join} ORDER BY w.id", params):
        signs[cid].append(_SIGN[sign])
    return [
        CheckIn(
            id=cid,
            recorded_at=_when(when),
            run_id=run_id,
            notes=notes or "",
            interference=interference,
            scores=scores.get(cid, ()),
            warning_signs=tuple(signs[cid]) if cid in signs else (),
        )
        for cid, when, run_id, notes, interference in conn.execute(
            f"SELECT c.id, c.recorded_at, c.run_id, c.notes, c.interference FROM checkins c{where}"
            " ORDER BY c.recorded_at, c.id",
            params,
        )
    ]


def read_care(conn: sqlite3.Connection, start: date | None, end: date | None) -> list[CareEntry]:
    clauses, params = [], []
    if start:
        clauses.append("day >= ?")
        params.append(start.isoformat())
    if end:
        clauses.append("day <= ?")
        params.append(end.isoformat())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return [
        CareEntry(id=cid, day=date.fromisoformat(day), kind=_CARE[kind], detail=detail or "", minutes=minutes)
        for cid, day, kind, detail, minutes in conn.execute(
            f"SELECT id, day, kind, detail, minutes FROM care{where} ORDER BY day, id", params
        )
    ]


def read_shoes(conn: sqlite3.Connection) -> list[Shoe]:
    """All shoes with distance so far (prior + logged runs) and run counts, by name ignoring case."""
    logged = {
        sid: (metres or 0.0, count)
        for sid, metres, count in conn.execute(
            "SELECT shoe_id, sum(distance_m), count(id) FROM runs WHERE shoe_id IS NOT NULL GROUP BY shoe_id"
        )
    }
    shoes = []
    for sid, name, first_used, prior_m, retire_at_m, retired in conn.execute(
        "SELECT id, name, first_used, prior_m, retire_at_m, retired FROM shoes"
    ):
        metres, count = logged.get(sid, (0.0, 0))
        shoes.append(
            Shoe(
                id=sid,
                name=name,
                first_used=_day(first_used),
                prior_m=prior_m,
                retire_at_m=retire_at_m,
                retired=bool(retired),
                distance_m=prior_m + metres,
                run_count=count,
            )
        )
    return sorted(shoes, key=lambda s: s.name.casefold())


_RACE_SQL = "SELECT id, name, day, distance_km, goal_time_s FROM races"


def _race(row: Row) -> Race:
    return Race(id=row[0], name=row[1], day=date.fromisoformat(row[2]), distance_km=row[3], goal_time_s=row[4])


def read_races(conn: sqlite3.Connection) -> list[Race]:
    """Every goal race, soonest first (ties by id)."""
    return [_race(row) for row in conn.execute(f"{_RACE_SQL} ORDER BY day, id")]


def read_race(conn: sqlite3.Connection, race_id: int) -> Race | None:
    row = conn.execute(f"{_RACE_SQL} WHERE id = ?", (race_id,)).fetchone()
    return _race(row) if row else None


def read_settings(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM settings").fetchall())


def _day_range(lo: date | None, hi: date | None) -> tuple[str | None, str | None]:
    return (lo.isoformat() if lo else None), (hi.isoformat() if hi else None)


def _when_range(lo: date | None, hi: date | None) -> tuple[str | None, str | None]:
    """Days [lo, hi) as stored datetimes (``stamp``) for a comparison with a datetime column."""
    return (stamp(datetime.combine(lo, time.min)) if lo else None), (
        stamp(datetime.combine(hi, time.min)) if hi else None
    )


class Dated(StrEnum):
    """The tables of entries, each with an indexed time column (``_DATED``)."""

    RUNS = "runs"
    CHECKINS = "checkins"
    CARE = "care"


_DATED: dict[Dated, tuple[str, Callable[[date | None, date | None], tuple[str | None, str | None]]]] = {
    Dated.RUNS: ("started_at", _when_range),
    Dated.CHECKINS: ("recorded_at", _when_range),
    Dated.CARE: ("day", _day_range),
}
"""Table -> its indexed time column and how days are written for a comparison with it."""


def _dated_where(table: Dated, lo: date | None, hi: date | None) -> tuple[str, str, list[str]]:
    column, bounds = _DATED[table]
    low, high = bounds(lo, hi)
    clauses, params = [], []
    if low is not None:
        clauses.append(f"{column} >= ?")
        params.append(low)
    if high is not None:
        clauses.append(f"{column} < ?")
        params.append(high)
    return column, (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def nth_newest_day(conn: sqlite3.Connection, table: Dated, lo: date | None, hi: date | None, n: int) -> date | None:
    """The day of the ``n``-th newest row (from 1) of ``table`` on days [lo, hi); None when it has fewer.

    One step down the time column's index, however long the journal: what History uses to
    cut its pages at day boundaries (``Journal.page_start``).
    """
    column, where, params = _dated_where(table, lo, hi)
    row = conn.execute(f"SELECT {column} FROM {table}{where} ORDER BY {column} DESC LIMIT 1 OFFSET ?", [*params, n - 1])
    found = row.fetchone()
    return date.fromisoformat(found[0][:10]) if found else None


def count_between(conn: sqlite3.Connection, table: Dated, lo: date | None, hi: date | None) -> int:
    """Rows of ``table`` on days [lo, hi) (counted on its time column's index)."""
    _column, where, params = _dated_where(table, lo, hi)
    return int(conn.execute(f"SELECT count(*) FROM {table}{where}", params).fetchone()[0])


def count_checkins_hurting(conn: sqlite3.Connection, region: Region, lo: date | None, hi: date | None) -> int:
    """Check-ins on days [lo, hi) that scored ``region`` above 0."""
    _column, where, params = _dated_where(Dated.CHECKINS, lo, hi)
    hurting = (
        "EXISTS (SELECT 1 FROM symptom_scores s WHERE s.checkin_id = checkins.id AND s.region = ? AND s.score > 0)"
    )
    where = f"{where} AND {hurting}" if where else f" WHERE {hurting}"
    return int(conn.execute(f"SELECT count(*) FROM checkins{where}", [*params, region.value]).fetchone()[0])


def read_counts(conn: sqlite3.Connection) -> tuple[int, int, int, int]:
    """Numbers of runs, check-ins, care entries and shoes."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM checkins),"
        " (SELECT count(*) FROM care), (SELECT count(*) FROM shoes)"
    ).fetchone()
    return row[0], row[1], row[2], row[3]
