"""Plain, immutable records of what a runner logs.

These are the currency of the whole core: storage returns them, the analysis,
flags, importers and exporters take them, and the UI shows them. They carry no
database session and import nothing from Qt or SQLAlchemy.

Distances are metres, durations seconds, times naive local wall-clock times
(the runner's own clock; the journal never converts time zones after import).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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

DEFAULT_RETIRE_AT_M = 700_000.0
"""Shoes are commonly replaced after 500-800 km; 700 km is the issue's default."""


@dataclass(frozen=True, slots=True)
class Shoe:
    """A pair of shoes. ``distance_m`` (prior + logged runs) is filled by storage reads."""

    name: str
    first_used: date | None = None
    prior_m: float = 0.0
    retire_at_m: float = DEFAULT_RETIRE_AT_M
    retired: bool = False
    id: int | None = None
    distance_m: float = 0.0
    run_count: int = 0

    @property
    def near_retirement(self) -> bool:
        """True from 90 % of the retire-at distance on."""
        return self.retire_at_m > 0 and self.distance_m >= 0.9 * self.retire_at_m


@dataclass(frozen=True, slots=True)
class Run:
    """One run. Only ``started_at`` and ``distance_m`` are required."""

    started_at: datetime
    distance_m: float
    duration_s: int | None = None
    effort: int | None = None
    surface: Surface | None = None
    shoe: str | None = None
    foot_strike: FootStrike | None = None
    stretched: bool | None = None
    hydrated: bool | None = None
    hot: bool | None = None
    notes: str = ""
    stopped_for_pain: bool | None = None
    """The run was cut short (or changed to walking) because of pain."""
    source: str = "manual"
    source_id: str | None = None
    source_file: str | None = None
    id: int | None = None

    @property
    def day(self) -> date:
        return self.started_at.date()

    @property
    def distance_km(self) -> float:
        return self.distance_m / 1000.0

    @property
    def pace_s_per_km(self) -> float | None:
        """Pace = duration / distance, seconds per kilometre; None without a duration."""
        if not self.duration_s or self.distance_m <= 0:
            return None
        return self.duration_s / (self.distance_m / 1000.0)

    @property
    def session_load(self) -> float | None:
        """Session RPE load (Foster 1998): effort (CR-10) x duration in minutes."""
        if self.effort is None or not self.duration_s:
            return None
        return self.effort * self.duration_s / 60.0


@dataclass(frozen=True, slots=True)
class RegionScore:
    """How one region felt at a check-in: pain 0-10 on the numeric rating scale."""

    region: Region
    score: int
    timing: Timing | None = None
    character: tuple[Character, ...] = ()
    radiates: Radiates | None = None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A symptom check-in: scores per region, warning signs ticked, notes.

    A check-in whose scores are all zero is a pain-free record and counts.
    """

    recorded_at: datetime
    scores: tuple[RegionScore, ...] = ()
    warning_signs: tuple[WarningSign, ...] = ()
    notes: str = ""
    run_id: int | None = None
    interference: int | None = None
    """How much pain got in the way of usual activities, running included, 0 (not at all) to 10
    (completely): the activity item of the PEG scale (Krebs et al. 2009). None when not asked."""
    id: int | None = None

    @property
    def day(self) -> date:
        return self.recorded_at.date()

    @property
    def pain_free(self) -> bool:
        return bool(self.scores) and all(s.score == 0 for s in self.scores)

    def score_for(self, region: Region) -> int | None:
        for s in self.scores:
            if s.region == region:
                return s.score
        return None

    @property
    def max_score(self) -> int | None:
        return max((s.score for s in self.scores), default=None)


@dataclass(frozen=True, slots=True)
class CareEntry:
    """Care taken on a day: heat, ice, stretching, core work (minutes), painkiller, physio, rest."""

    day: date
    kind: CareKind
    detail: str = ""
    minutes: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class JournalData:
    """Everything in a journal (or a period of it), as plain records sorted by time."""

    runs: tuple[Run, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    care: tuple[CareEntry, ...] = ()
    shoes: tuple[Shoe, ...] = field(default=())
    races: tuple[Race, ...] = ()
    """Goal races (all of them, whatever the period: they are few, and a plan looks ahead)."""
