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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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


_RUN_COLUMNS = (
    "SELECT r.id, r.started_at, r.distance_m, r.duration_s, r.effort, r.surface, s.name, r.foot_strike,"
    " r.stretched, r.hydrated, r.hot, r.notes, r.source, r.source_id, r.source_file, r.stopped_for_pain"
)
_SHOE_NAME = " LEFT JOIN shoes s ON r.shoe_id = s.id"
_RUN_SQL = f"{_RUN_COLUMNS} FROM runs r{_SHOE_NAME}"


def _run(row: Row) -> Run:
    # Positional, in the order of Run's fields (almost twice as fast as keywords over thousands of runs;
    # tests/test_storage.py round-trips every field).
    return Run(
        _when(row[1]),  # started_at
        row[2],  # distance_m
        row[3],  # duration_s
        row[4],  # effort
        _SURFACE[row[5]],
        row[6],  # shoe
        _FOOT[row[7]],
        _bool(row[8]),  # stretched
        _bool(row[9]),  # hydrated
        _bool(row[10]),  # hot
        row[11] or "",  # notes
        _bool(row[15]),  # stopped_for_pain
        row[12] or "manual",  # source
        row[13],  # source_id
        row[14],  # source_file
        row[0],  # id
    )


def _day_ranges(days: Sequence[date]) -> str:
    """The days as a JSON list of [from, to) stored datetimes, one per run of consecutive days."""
    ranges: list[list[date]] = []
    for day in sorted(set(days)):
        if ranges and ranges[-1][1] == day:
            ranges[-1][1] = day + timedelta(days=1)
        else:
            ranges.append([day, day + timedelta(days=1)])
    pairs = (f'["{stamp(datetime.combine(a, time.min))}", "{stamp(datetime.combine(b, time.min))}"]' for a, b in ranges)
    return f"[{', '.join(pairs)}]"  # JSON by hand: stamps are digits, '-', ':', '.' and a space


def _on_days(table: str, column: str, days: Sequence[date]) -> tuple[str, list[str | int]]:
    """FROM ``table`` joined to the given days' ranges, so each range is a search of ``column``'s index."""
    on = f"{column} >= json_extract(j.value, '$[0]') AND {column} < json_extract(j.value, '$[1]')"
    return f"json_each(?) j JOIN {table} ON {on}", [_day_ranges(days)]


def read_runs(
    conn: sqlite3.Connection, lo: datetime | None, hi: datetime | None, on_days: Sequence[date] | None = None
) -> list[Run]:
    """Runs with started_at in [lo, hi), or on the days ``on_days``, oldest first."""
    if on_days is not None:
        source, params = _on_days("runs r", "r.started_at", on_days)
        sql = f"{_RUN_COLUMNS} FROM {source}{_SHOE_NAME} ORDER BY r.started_at, r.id"
        return [_run(row) for row in conn.execute(sql, params)]
    where, params = _range("r.started_at", lo, hi)
    return [_run(row) for row in conn.execute(f"{_RUN_SQL}{where} ORDER BY r.started_at, r.id", params)]


def read_run(conn: sqlite3.Connection, run_id: int) -> Run | None:
    row = conn.execute(f"{_RUN_SQL} WHERE r.id = ?", (run_id,)).fetchone()
    return _run(row) if row else None


def read_last_run(conn: sqlite3.Connection) -> Run | None:
    row = conn.execute(f"{_RUN_SQL} ORDER BY r.started_at DESC, r.id DESC LIMIT 1").fetchone()
    return _run(row) if row else None


def read_checkins(
    conn: sqlite3.Connection,
    lo: datetime | None,
    hi: datetime | None,
    only_id: int | None = None,
    on_days: Sequence[date] | None = None,
) -> list[CheckIn]:
    """Check-ins with recorded_at in [lo, hi) (or the one ``only_id``, or those on the days ``on_days``),
    oldest first, with scores and signs.

    Frozen records can be shared: equal scores are one ``RegionScore`` and check-ins scored
    alike share one tuple of them (most days of a long journal are scored alike), which
    makes reading ten years of check-ins about twice as fast and far smaller in memory.
    """
    source, where, params = "checkins c", *_range("c.recorded_at", lo, hi)
    if only_id is not None:
        where, params = " WHERE c.id = ?", [only_id]
    if on_days is not None:
        (source, params), where = _on_days("checkins c", "c.recorded_at", on_days), ""
    every = source == "checkins c" and not where
    scores_from = "symptom_scores s" if every else f"{source} JOIN symptom_scores s ON s.checkin_id = c.id"
    shared: dict[Row, RegionScore] = {}
    keys: dict[int, list[Row]] = {}
    for row in conn.execute(
        f"SELECT s.checkin_id, s.region, s.score, s.timing, s.character, s.radiates FROM {scores_from}{where}"
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
    signs_from = "warning_signs w" if every else f"{source} JOIN warning_signs w ON w.checkin_id = c.id"
    for cid, sign in conn.execute(f"SELECT w.checkin_id, w.sign FROM {signs_from}{where} ORDER BY w.id", params):
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
            f"SELECT c.id, c.recorded_at, c.run_id, c.notes, c.interference FROM {source}{where}"
            " ORDER BY c.recorded_at, c.id",
            params,
        )
    ]


def read_daily_pain(
    conn: sqlite3.Connection, lo: datetime | None, hi: datetime | None
) -> dict[date, dict[Region, int]]:
    """For each day with a scored check-in in [lo, hi): each region's highest score that day.

    What the training statistics need of the check-ins, read as three columns a score
    (about a third of the time of reading the check-ins themselves).
    """
    where, params = _range("c.recorded_at", lo, hi)
    found: dict[str, dict[Region, int]] = {}
    for when, region, score in conn.execute(
        f"SELECT c.recorded_at, s.region, s.score FROM checkins c JOIN symptom_scores s ON s.checkin_id = c.id{where}",
        params,
    ):
        scores = found.get(when[:10])
        member = _REGION[region]
        if scores is None:
            found[when[:10]] = {member: score}
        elif score > scores.get(member, -1):
            scores[member] = score
    return {date.fromisoformat(day): scores for day, scores in found.items()}


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


def first_day(conn: sqlite3.Connection, table: Dated, care_kind: CareKind | None = None) -> date | None:
    """The first day of ``table`` (of care: of this kind only, when given); None when it is empty."""
    column, _bounds = _DATED[table]
    where, params = (
        (" WHERE kind = ?", [care_kind.value]) if care_kind is not None and table is Dated.CARE else ("", [])
    )
    found = conn.execute(f"SELECT min({column}) FROM {table}{where}", params).fetchone()[0]
    return date.fromisoformat(found[:10]) if found else None


def days_with_signs(conn: sqlite3.Connection, before: date) -> list[date]:
    """Days before ``before`` with a warning sign ticked on a check-in, oldest first."""
    return _days(
        conn,
        "SELECT DISTINCT substr(c.recorded_at, 1, 10) FROM warning_signs w JOIN checkins c ON w.checkin_id = c.id"
        " WHERE c.recorded_at < ?",
        [stamp(datetime.combine(before, time.min))],
    )


@dataclass(frozen=True, slots=True)
class ScoreQuery:
    """Days before ``before`` with a check-in scoring one of ``regions`` at least ``at_least`` (timed ``timing``;
    with one of ``characters``, when given)."""

    before: date
    regions: tuple[Region, ...]
    at_least: int = 0
    timing: Timing | None = None
    characters: tuple[Character, ...] = ()

    def score_condition(self) -> tuple[str, list[str | int]]:
        """The condition on the score row alone (SQLite tests it before looking up the check-in)."""
        sql = f"s.score >= ? AND s.region IN ({', '.join('?' * len(self.regions))})"
        params: list[str | int] = [self.at_least, *(r.value for r in self.regions)]
        if self.timing is not None:
            sql += " AND s.timing = ?"
            params.append(self.timing.value)
        if self.characters:
            sql += (
                " AND s.character != '' AND ("
                + " OR ".join("(',' || s.character || ',') LIKE ?" for _ in self.characters)
                + ")"
            )
            params += [f"%,{c.value},%" for c in self.characters]
        return f"({sql})", params

    @property
    def before_stamp(self) -> str:
        return stamp(datetime.combine(self.before, time.min))


def days_scored(conn: sqlite3.Connection, queries: Sequence[ScoreQuery]) -> list[list[date]]:
    """The days each query finds, oldest first, in one pass over the scores (no record is read)."""
    if not queries:
        return []
    conditions = [q.score_condition() for q in queries]
    columns = ", ".join(f"max({sql} AND c.recorded_at < ?)" for sql, _params in conditions)
    column_params = [p for q, (_sql, ps) in zip(queries, conditions, strict=True) for p in (*ps, q.before_stamp)]
    where = " OR ".join(sql for sql, _params in conditions)
    where_params = [p for _sql, ps in conditions for p in ps]
    sql = (
        f"SELECT substr(c.recorded_at, 1, 10) AS day, {columns} FROM symptom_scores s JOIN checkins c"
        f" ON s.checkin_id = c.id WHERE ({where}) AND c.recorded_at < ? GROUP BY day ORDER BY day"
    )
    latest = max(q.before_stamp for q in queries)
    found: list[list[date]] = [[] for _ in queries]
    for row in conn.execute(sql, [*column_params, *where_params, latest]):
        day = date.fromisoformat(row[0])
        for i, hit in enumerate(row[1:]):
            if hit:
                found[i].append(day)
    return found


def _days(conn: sqlite3.Connection, sql: str, params: Sequence[str | int]) -> list[date]:
    return sorted(date.fromisoformat(day) for (day,) in conn.execute(sql, params))


def read_counts(conn: sqlite3.Connection) -> tuple[int, int, int, int]:
    """Numbers of runs, check-ins, care entries and shoes."""
    row = conn.execute(
        "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM checkins),"
        " (SELECT count(*) FROM care), (SELECT count(*) FROM shoes)"
    ).fetchone()
    return row[0], row[1], row[2], row[3]
