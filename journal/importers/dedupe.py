"""Recognising the same run twice: in the journal already, or twice in one import.

Two runs are the same run when:

1. they come from the same source with the same activity id (``Run.source`` and
   ``Run.source_id``); or
2. their recorded times overlap mostly: the time both were running covers at least
   ``MIN_OVERLAP`` (80 %) of the shorter one, whatever their distances. Each run is
   placed in time from its start to its start plus its duration (elapsed time, the one
   definition of duration: ``journal.importers.duration``). A GPX track's length and a
   TCX file's own distance for the same run differ by 5 % and more (GPS smoothing, a
   foot pod), and the starts differ by seconds (the first GPS point, the press of the
   button), but two different runs do not share 80 % of their time; or
3. (the older rule, for a run without a duration, which cannot be placed in time) they
   start within ``MAX_START_GAP`` (2 minutes) of each other and their distances differ
   by at most ``MAX_DISTANCE_GAP`` (3 %) of the longer one: |d1 - d2| <= 0.03 x max(d1, d2).

Which copy is kept within one import: the better source (``SOURCE_RANK``); between
equals, the first read. The kept run takes the fields it lacks from the other
(``fill_blanks``). A run already in the journal is always kept as it is: the person may
have edited it, linked check-ins to it or chosen its shoes, which replacing it would lose.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from journal.domain.entries import Run

MIN_OVERLAP = 0.8
MAX_START_GAP = timedelta(minutes=2)
MAX_DISTANCE_GAP = 0.03
_EPOCH = datetime(1900, 1, 1)

SOURCE_RANK: dict[str, int] = {"fit": 0, "tcx": 1, "garmin": 2, "strava": 3, "gpx": 4}
"""Lower is better, when the same run comes from two files of one import. Why this order:

- FIT is what the watch itself wrote: its session summary holds the device's own totals
  (distance from GPS and a foot pod or the wrist's accelerometer, elapsed and timer times),
  nothing recomputed, and an activity id.
- TCX is an export of the same recording in XML: the laps' totals are the device's, but
  a TCX converted by other software may have recomputed or rounded them, and it loses
  what FIT has no XML field for.
- Garmin Connect's CSV repeats the device's totals, rounded to 0.01 of a unit, with no id.
- A Strava CSV row holds Strava's own recomputation of the distance (its GPS smoothing),
  plus what the person typed there (notes, gear, effort), which ``fill_blanks`` keeps.
- GPX is only a track of points: the distance is recomputed from GPS positions (always
  a little off, 5 % on the run of issue 15), and there is no device total at all.

Any other source (a journal backup, a run logged by hand) ranks after these."""


def rank(run: Run) -> int:
    return SOURCE_RANK.get(run.source, len(SOURCE_RANK))


def better(a: Run, b: Run) -> bool:
    """True when ``a`` comes from a strictly better source than ``b``."""
    return rank(a) < rank(b)


def _span(run: Run) -> tuple[float, float] | None:
    if not run.duration_s or run.duration_s <= 0:
        return None
    start = (run.started_at - _EPOCH).total_seconds()
    return start, start + run.duration_s


def overlap_share(a: Run, b: Run) -> float | None:
    """The time both runs cover, as a share of the shorter one; None when either has no duration."""
    span_a, span_b = _span(a), _span(b)
    if span_a is None or span_b is None:
        return None
    both = min(span_a[1], span_b[1]) - max(span_a[0], span_b[0])
    shorter = min(span_a[1] - span_a[0], span_b[1] - span_b[0])
    return max(0.0, both) / shorter


def same_activity(a: Run, b: Run) -> bool:
    """True when ``a`` and ``b`` are the same run: by activity id, by overlapping time, or by start and distance."""
    if a.source_id and a.source == b.source and a.source_id == b.source_id:
        return True
    share = overlap_share(a, b)
    if share is not None and share >= MIN_OVERLAP:
        return True
    close_in_time = abs(a.started_at - b.started_at) <= MAX_START_GAP
    return close_in_time and abs(a.distance_m - b.distance_m) <= MAX_DISTANCE_GAP * max(a.distance_m, b.distance_m)


def _seconds(moment: datetime) -> float:
    return (moment - _EPOCH).total_seconds()


class RunIndex:
    """Runs searchable by activity id and by time (sorted starts, so a lookup is a binary search).

    The starts are kept in one sorted list per duration class (a run of ``d`` seconds is in
    class ``ceil(d).bit_length()``, so every run of class ``c`` lasts under ``2 ** c`` seconds;
    runs without a duration have a class of their own). A run that overlaps ``run`` starts
    before ``run`` ends and, in class ``c``, no earlier than ``2 ** c`` seconds before ``run``
    starts, so only that window of each class is compared. Runs that are not the same
    activity cannot crowd one window (they would overlap by 80 %), so a lookup compares a
    handful of runs however many the index holds, even beside one very long run (one window
    for every class would compare every run of the days it spans: minutes for a hostile
    export of 20,000 short runs).
    """

    def __init__(self, runs: Iterable[Run] = ()) -> None:
        self.runs: list[Run | None] = []
        self._ids: dict[tuple[str, str], int] = {}
        self._starts: dict[int, list[float]] = {}
        self._order: dict[int, list[int]] = {}
        for run in runs:
            self.add(run)

    def add(self, run: Run) -> int:
        """Add ``run``; returns its position (for ``replace_at``)."""
        position = len(self.runs)
        self.runs.append(run)
        self._index(run, position)
        return position

    def _index(self, run: Run, position: int) -> None:
        key_id = (run.source, run.source_id or "")
        if run.source_id and (key_id not in self._ids or self.runs[self._ids[key_id]] is None):
            self._ids[key_id] = position
        key = _seconds(run.started_at)
        group = _duration_class(run)
        starts = self._starts.setdefault(group, [])
        at = bisect.bisect_right(starts, key)
        starts.insert(at, key)
        self._order.setdefault(group, []).insert(at, position)

    def find(self, run: Run) -> int | None:
        """The position of a run that is the same activity as ``run`` (the earliest start of those that are), or None."""
        found = self._ids.get((run.source, run.source_id or "")) if run.source_id else None
        if found is not None and self.runs[found] is not None:
            return found
        key = _seconds(run.started_at)
        gap = MAX_START_GAP.total_seconds()
        timed = _span(run) is not None
        hi_key = key + max(gap, float(run.duration_s or 0) if timed else 0.0)
        best: tuple[float, int] | None = None
        for group, starts in self._starts.items():
            reach = float(2**group) if group > 0 and timed else 0.0
            lo = bisect.bisect_left(starts, key - max(gap, reach))
            hi = bisect.bisect_right(starts, hi_key)
            order = self._order[group]
            for i in range(lo, hi):
                if best is not None and (starts[i], order[i]) >= best:
                    break
                other = self.runs[order[i]]
                if other is not None and same_activity(run, other):
                    best = (starts[i], order[i])
                    break
        return best[1] if best is not None else None

    def replace_at(self, position: int, run: Run) -> int:
        """Put ``run`` (the same activity, perhaps from a better file with another start) in place of the run at
        ``position``; returns its new position."""
        self.runs[position] = None  # stays in the sorted lists, never found again
        return self.add(run)

    def kept(self) -> list[Run]:
        return [run for run in self.runs if run is not None]


def _duration_class(run: Run) -> int:
    """0 for a run without a duration; else the bit length of its whole seconds (rounded up): it lasts under
    ``2 ** class`` seconds."""
    if _span(run) is None:
        return 0
    return max(1, math.ceil(float(run.duration_s or 0)).bit_length())


def fill_blanks(kept: Run, other: Run) -> Run:
    """``kept`` with the fields it lacks taken from ``other`` (the same activity from another file)."""
    return replace(
        kept,
        duration_s=kept.duration_s if kept.duration_s is not None else other.duration_s,
        effort=kept.effort if kept.effort is not None else other.effort,
        surface=kept.surface if kept.surface is not None else other.surface,
        shoe=kept.shoe if kept.shoe is not None else other.shoe,
        foot_strike=kept.foot_strike if kept.foot_strike is not None else other.foot_strike,
        notes=kept.notes or other.notes,
    )
