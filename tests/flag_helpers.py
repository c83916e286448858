"""Small journals for the flag tests: check-ins by day offset from a fixed day ``D``, and the flags they raise."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from journal.analysis.flags import Acknowledgement, Flag, FlagThresholds, evaluate_flags
from journal.domain.entries import CheckIn, JournalData, RegionScore, Run
from journal.domain.settings import RiskProfile
from journal.domain.vocabulary import Character, Radiates, Region, Timing, WarningSign

D = date(2026, 3, 20)
BACK = Region.LOWER_BACK


def day(offset: int) -> date:
    """``D`` moved by ``offset`` days (negative: earlier)."""
    return D + timedelta(days=offset)


def at(offset: int, hour: int = 8, minute: int = 0) -> datetime:
    return datetime.combine(day(offset), time(hour, minute))


def checkin(
    when: date,
    back: int = 0,
    *,
    timing: Timing | None = Timing.NEXT_MORNING,
    radiates: Radiates | None = None,
    signs: tuple[WarningSign, ...] = (),
    hour: int = 8,
    region: Region = BACK,
    character: tuple[Character, ...] = (),
    interference: int | None = None,
    others: dict[Region, int] | None = None,
) -> CheckIn:
    """A check-in scoring ``region`` (the lower back unless told), and ``others`` with the same timing."""
    scores = [RegionScore(region, back, timing, character, radiates)]
    scores += [RegionScore(r, v, timing) for r, v in (others or {}).items()]
    return CheckIn(
        recorded_at=datetime.combine(when, time(hour, 0)),
        scores=tuple(scores),
        warning_signs=signs,
        interference=interference,
    )


def daily(first: int, values: list[int], **kw) -> tuple[CheckIn, ...]:
    """One check-in a day from ``day(first)`` on, with the scores ``values``."""
    return tuple(checkin(day(first + i), v, **kw) for i, v in enumerate(values))


def run(offset: int, km: float = 8.0, **kw) -> Run:
    return Run(started_at=at(offset, 7), distance_m=km * 1000, **kw)


def flags_of(
    data: JournalData,
    as_of: date = D,
    thresholds: FlagThresholds | None = None,
    risk: RiskProfile | None = None,
    acks: tuple[Acknowledgement, ...] = (),
) -> list[Flag]:
    return evaluate_flags(data, as_of, thresholds or FlagThresholds(), risk=risk, acknowledgements=acks)


def rules(data: JournalData, as_of: date = D, **kw) -> set[str]:
    return {f.rule for f in flags_of(data, as_of, **kw)}


def only(data: JournalData, rule: str, as_of: date = D, **kw) -> Flag:
    found = [f for f in flags_of(data, as_of, **kw) if f.rule == rule]
    assert len(found) == 1, found
    return found[0]
