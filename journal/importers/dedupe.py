"""Recognising the same activity twice: in the journal already, or twice in one import.

Two runs are the same activity when they come from the same source with the same
activity id (``Run.source`` and ``Run.source_id``), or, failing that, when they start
within ``MAX_START_GAP`` (2 minutes) of each other and their distances differ by at
most ``MAX_DISTANCE_GAP`` (3 %) of the longer one: |d1 - d2| <= 0.03 x max(d1, d2).
The window absorbs what differs between a watch file and the platform that stored it
(Strava's start is its first GPS point, a watch's the press of the button; distances
differ by smoothing).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from journal.domain.entries import Run

MAX_START_GAP = timedelta(minutes=2)
MAX_DISTANCE_GAP = 0.03
_EPOCH = datetime(1900, 1, 1)


def same_activity(a: Run, b: Run) -> bool:
    """True when ``a`` and ``b`` are the same activity by id, or by start time and distance."""
    if a.source_id and a.source == b.source and a.source_id == b.source_id:
        return True
    close_in_time = abs(a.started_at - b.started_at) <= MAX_START_GAP
    return close_in_time and abs(a.distance_m - b.distance_m) <= MAX_DISTANCE_GAP * max(a.distance_m, b.distance_m)


def _seconds(moment: datetime) -> float:
    return (moment - _EPOCH).total_seconds()


class RunIndex:
    """Runs searchable by activity id and by start time (sorted, so a lookup is a binary search)."""

    def __init__(self, runs: Iterable[Run] = ()) -> None:
        self.runs: list[Run] = []
        self._ids: dict[tuple[str, str], int] = {}
        self._starts: list[float] = []
        self._order: list[int] = []
        for run in runs:
            self.add(run)

    def add(self, run: Run) -> int:
        """Add ``run``; returns its position (for ``replace_at``)."""
        position = len(self.runs)
        self.runs.append(run)
        if run.source_id:
            self._ids.setdefault((run.source, run.source_id), position)
        key = _seconds(run.started_at)
        at = bisect.bisect_right(self._starts, key)
        self._starts.insert(at, key)
        self._order.insert(at, position)
        return position

    def find(self, run: Run) -> int | None:
        """The position of a run that is the same activity as ``run``, or None."""
        if run.source_id and (run.source, run.source_id) in self._ids:
            return self._ids[(run.source, run.source_id)]
        key = _seconds(run.started_at)
        gap = MAX_START_GAP.total_seconds()
        lo = bisect.bisect_left(self._starts, key - gap)
        hi = bisect.bisect_right(self._starts, key + gap)
        for i in range(lo, hi):
            if same_activity(run, self.runs[self._order[i]]):
                return self._order[i]
        return None

    def replace_at(self, position: int, run: Run) -> None:
        """Swap in an enriched copy of the run at ``position`` (same start time, same id)."""
        self.runs[position] = run


def fill_blanks(kept: Run, other: Run) -> Run:
    """``kept`` with the fields it lacks taken from ``other`` (the same activity from another file)."""
    changes = {}
    for name in ("duration_s", "effort", "surface", "shoe", "foot_strike"):
        if getattr(kept, name) is None and getattr(other, name) is not None:
            changes[name] = getattr(other, name)
    if not kept.notes and other.notes:
        changes["notes"] = other.notes
    return replace(kept, **changes) if changes else kept
