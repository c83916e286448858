"""Fast reads of many runs and check-ins, for History, the analysis and reports.

The ORM path builds an object per row and per related row (about 1 s for ten
years of check-ins); these readers select plain columns with SQLAlchemy Core
and build the frozen records directly (about 20x faster), with enum members
looked up in dicts rather than constructed. ``convert`` stays the reference for
single-record reads and writes; a test checks both give the same records.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.domain.entries import CheckIn, RegionScore, Run
from journal.domain.vocabulary import Character, FootStrike, Radiates, Region, Surface, Timing, WarningSign
from journal.storage.models import CheckInRow, RunRow, ScoreRow, ShoeRow, WarningSignRow


def _lookup(enum: type) -> dict[str | None, object]:
    table: dict[str | None, object] = {m.value: m for m in enum}
    table[None] = None
    table[""] = None
    return table


_SURFACE, _FOOT, _REGION = _lookup(Surface), _lookup(FootStrike), _lookup(Region)
_TIMING, _RADIATES, _CHAR, _SIGN = _lookup(Timing), _lookup(Radiates), _lookup(Character), _lookup(WarningSign)


def _in_range(q, column, lo: datetime | None, hi: datetime | None):
    if lo:
        q = q.where(column >= lo)
    if hi:
        q = q.where(column < hi)
    return q


def read_runs(session: Session, lo: datetime | None, hi: datetime | None) -> list[Run]:
    r = RunRow.__table__.c
    q = (
        select(r.id, r.started_at, r.distance_m, r.duration_s, r.effort, r.surface, ShoeRow.__table__.c.name, r.foot_strike,
               r.stretched, r.hydrated, r.hot, r.notes, r.source, r.source_id, r.source_file)
        .select_from(RunRow.__table__.outerjoin(ShoeRow.__table__, r.shoe_id == ShoeRow.__table__.c.id))
        .order_by(r.started_at, r.id)
    )  # fmt: skip
    q = _in_range(q, r.started_at, lo, hi)
    return [
        Run(
            id=row[0],
            started_at=row[1],
            distance_m=row[2],
            duration_s=row[3],
            effort=row[4],
            surface=_SURFACE[row[5]],
            shoe=row[6],
            foot_strike=_FOOT[row[7]],
            stretched=row[8],
            hydrated=row[9],
            hot=row[10],
            notes=row[11] or "",
            source=row[12] or "manual",
            source_id=row[13],
            source_file=row[14],
        )
        for row in session.execute(q)
    ]


def read_checkins(session: Session, lo: datetime | None, hi: datetime | None) -> list[CheckIn]:
    c = CheckInRow.__table__.c
    s = ScoreRow.__table__.c
    w = WarningSignRow.__table__.c
    scores: dict[int, list[RegionScore]] = defaultdict(list)
    q = select(s.checkin_id, s.region, s.score, s.timing, s.character, s.radiates).join(
        CheckInRow.__table__, s.checkin_id == c.id
    )
    for cid, region, score, timing, character, radiates in session.execute(
        _in_range(q, c.recorded_at, lo, hi).order_by(s.id)
    ):
        chars = tuple(_CHAR[x] for x in character.split(",")) if character else ()
        scores[cid].append(RegionScore(_REGION[region], score, _TIMING[timing], chars, _RADIATES[radiates]))
    signs: dict[int, list[WarningSign]] = defaultdict(list)
    q = select(w.checkin_id, w.sign).join(CheckInRow.__table__, w.checkin_id == c.id)
    for cid, sign in session.execute(_in_range(q, c.recorded_at, lo, hi).order_by(w.id)):
        signs[cid].append(_SIGN[sign])
    q = _in_range(select(c.id, c.recorded_at, c.run_id, c.notes), c.recorded_at, lo, hi).order_by(c.recorded_at, c.id)
    return [
        CheckIn(
            id=cid,
            recorded_at=when,
            run_id=run_id,
            notes=notes or "",
            scores=tuple(scores.get(cid, ())),
            warning_signs=tuple(signs.get(cid, ())),
        )
        for cid, when, run_id, notes in session.execute(q)
    ]
