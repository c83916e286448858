"""Judging the flags from a recent span of the journal, with exactly the result of judging all of it.

The flags as of a day need all of history (``engine.history_start``), but not all of it
in full. ``journal.interchange.flag_inputs`` reads:

- every entry from a first day ``complete_from`` on (the *span*), and
- before it, only the whole days the persistent rules and the risk rule can use
  (``kept_days``): days with a warning sign ticked, with numbness or tingling scored
  (both legs), with pain between the shoulders of ``upper_back_score`` or more, and the
  ``rest_pain_window_days`` ending on each day of back pain timed "rest day" (the rest
  pain rule compares the rest days of that window, and needs its runs); with a date of
  birth in the risk profile, also every day of back pain of ``pain_score`` or more (the
  risk rule's stretches of back pain, for "over 50 with new back pain").

Persistent occurrences and stretches of back pain come out as from the whole journal:
each is decided by the entries of those days. A window rule judging a day reads the
``window_reach`` days up to the rule's anchor (the latest day logged, ``engine.Anchor``),
and the walk back to an episode's first day judges each day back to ``REJOIN_DAYS`` + 1
before it. So the result is the whole journal's when the earliest day judged
(``earliest_judged``) has every anchor at least ``window_reach`` days after
``complete_from`` (``exact``); if not, the caller reads a longer span and judges again.
Load events (big-jump weeks, single-run spikes) need the week and the 30 days before
them: ``EVENT_WARMUP`` is part of the reach.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from journal.analysis.flags.engine import REJOIN_DAYS
from journal.analysis.flags.index import BACK, NUMB, DayIndex
from journal.analysis.flags.model import Flag, FlagEpisode
from journal.analysis.flags.thresholds import FlagThresholds
from journal.domain.settings import RiskProfile
from journal.domain.vocabulary import Character, Region, Timing

EVENT_WARMUP = 45
"""Days of runs before a load event that decide it: the 30 days before a spike (``spikes``), the week before a
jump week and the days back to its first day (``weekly``), with room to spare."""
MARGIN = 60
"""Days beyond the reach read at first, for the walk back to an episode's first day."""


def window_reach(t: FlagThresholds) -> int:
    """How many days before its anchor a window rule can read (the longest window of any rule, with load events)."""
    return EVENT_WARMUP + max(
        t.lingering_lookback_days,
        7 * t.recurring_lookback_weeks,
        t.severe_pain_window_days,
        t.interference_window_days,
        t.radiating_window_days,
        t.numbness_window_days,
        t.worsening_gap_days + t.worsening_window_days,
        t.risk_window_days,
        t.painkiller_window_days,
        t.painkiller_long_window_days,
        t.during_run_window_days,
        t.jump_lookback_days + t.jump_window_days + 7,
    )


@dataclass(frozen=True, slots=True)
class ScoredDays:
    """Days with a check-in scoring one of ``regions`` at least ``at_least`` (timed ``timing``, with one of
    ``characters`` when given), each with the ``days_before`` before it."""

    regions: tuple[Region, ...]
    at_least: int = 0
    timing: Timing | None = None
    characters: tuple[Character, ...] = ()
    days_before: int = 0


def kept_days(t: FlagThresholds, risk: RiskProfile) -> tuple[ScoredDays, ...]:
    """The days before the span that the persistent rules and the risk rule can use (besides days with signs).

    The risk rule looks back only for "over 50 with new back pain" judged by a date of birth.
    """
    kept: tuple[ScoredDays, ...] = (
        ScoredDays(tuple(Region), 0, None, tuple(sorted(NUMB))),  # numbness or tingling: both legs (signs)
        ScoredDays((Region.UPPER_BACK,), t.upper_back_score),  # upper_back_pain
        ScoredDays(BACK, t.pain_score, Timing.REST_DAY, days_before=t.rest_pain_window_days - 1),  # rest_pain's windows
    )
    if risk.date_of_birth is not None:
        kept += (ScoredDays(BACK, t.pain_score),)  # risk_factor_pain: the stretches of back pain
    return kept


def around(days: Iterable[date], before: int) -> set[date]:
    """Each day and the ``before`` days before it."""
    return {day - timedelta(days=k) for day in days for k in range(before + 1)}


def earliest_judged(first: date, flags: Iterable[Flag | FlagEpisode]) -> date:
    """The earliest day whose window flags were judged: ``first``, or the walk back from each window flag's
    episode (its first day, then ``REJOIN_DAYS`` + 1 days before it)."""
    earliest = first
    for item in flags:
        flag = item.last if isinstance(item, FlagEpisode) else item
        if flag.persistent:
            continue
        started = item.started if isinstance(item, FlagEpisode) else flag.raised_on or first
        earliest = min(earliest, started - timedelta(days=REJOIN_DAYS + 1))
    return earliest


@dataclass(frozen=True, slots=True)
class FirstDays:
    """The first day of what each anchor reads, in the whole journal (None: nothing of it)."""

    checkin: date | None
    logged: date | None
    """A check-in or any care."""
    run_or_checkin: date | None


def exact(index: DayIndex, complete_from: date, earliest: date, reach: int, first: FirstDays) -> bool:
    """Whether judging from ``earliest`` on read only entries on or after ``complete_from`` (see the module).

    An anchor the span does not have is fine only when the journal has nothing of its kind before the span.
    """
    for anchor, first_day in (
        (index.last_checkin_day, first.checkin),
        (index.last_logged_day, first.logged),
        (index.last_run_or_checkin_day, first.run_or_checkin),
    ):
        day = anchor(earliest)
        if day is None:
            if first_day is not None and first_day < complete_from:
                return False
        elif day - timedelta(days=reach) < complete_from:
            return False
    return True
