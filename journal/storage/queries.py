"""Questions about the journal answered in SQL, without reading whole record lists.

``JournalQueries`` is a part of ``Journal`` (its base class): where History's pages
begin, how many entries a filter holds, the first day of a kind, the days with warning
signs or with scores of a kind (what the flags need from years back), and the entries of
chosen days. Each is a few steps down an index however long the journal.
``Lists`` names the cached record lists (and their tables).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime, time, timedelta
from enum import Flag, auto

from journal.domain.entries import JournalData
from journal.domain.vocabulary import CareKind, Region
from journal.storage import reads


class Lists(Flag):
    """The cached record lists a write changes, named so each write drops exactly those (and no more).

    Shoe names are read with the runs, so writing shoes changes ``RUNS``; deleting a run
    unlinks its check-ins, so it changes ``CHECKINS`` too.
    """

    NONE = 0
    RUNS = auto()
    CHECKINS = auto()
    CARE = auto()
    ALL = RUNS | CHECKINS | CARE


_TABLES = ((Lists.RUNS, reads.Dated.RUNS), (Lists.CHECKINS, reads.Dated.CHECKINS), (Lists.CARE, reads.Dated.CARE))
"""The cached list of each table of entries."""


class JournalQueries:
    """The SQL questions of ``Journal`` (see the module docstring); ``Journal`` gives the read connection."""

    def _reading(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def page_start(
        self, kinds: Lists, entries: int, start: date | None = None, before: date | None = None
    ) -> date | None:
        """The first day of a page of at least ``entries`` entries of one of ``kinds``, logged from ``start``
        to the day before ``before``: the day of the ``entries``-th newest of the kind that reaches it
        soonest. None when no kind has that many left (the page is all that is left).

        A few steps down the indexed time columns, whatever the journal's length: History
        reads its rows a page at a time with it, always whole days.
        """
        tables = [table for kind, table in _TABLES if kinds & kind]
        with self._reading() as conn:
            days = [reads.nth_newest_day(conn, table, start, before, entries) for table in tables]
        found = [day for day in days if day is not None]
        return max(found) if found else None

    def count_entries(
        self, kinds: Lists, start: date | None = None, end: date | None = None, hurting: Region | None = None
    ) -> int:
        """How many entries of ``kinds`` there are between ``start`` and ``end`` (inclusive days), counted in SQL;
        with ``hurting``, only check-ins that scored that region above 0 (and no runs or care)."""
        hi = end + timedelta(days=1) if end else None
        with self._reading() as conn:
            if hurting is not None:
                return reads.count_checkins_hurting(conn, hurting, start, hi) if kinds & Lists.CHECKINS else 0
            return sum(reads.count_between(conn, table, start, hi) for kind, table in _TABLES if kinds & kind)

    def entries_on(self, days: Iterable[date]) -> JournalData:
        """The runs and check-ins on the given days (whole days, read on their own, not cached)."""
        wanted = sorted(set(days))
        if not wanted:
            return JournalData()
        with self._reading() as conn:
            return JournalData(
                runs=tuple(reads.read_runs(conn, None, None, on_days=wanted)),
                checkins=tuple(reads.read_checkins(conn, None, None, on_days=wanted)),
            )

    def first_day(self, kinds: Lists, care_kind: CareKind | None = None) -> date | None:
        """The day of the first entry of ``kinds`` (care: of ``care_kind`` only, when given); None with none."""
        with self._reading() as conn:
            found = [reads.first_day(conn, table, care_kind) for kind, table in _TABLES if kinds & kind]
        days = [day for day in found if day is not None]
        return min(days) if days else None

    def days_with_signs(self, before: date) -> list[date]:
        """Days before ``before`` with a warning sign ticked (found in SQL, no record read)."""
        with self._reading() as conn:
            return reads.days_with_signs(conn, before)

    def days_scored(self, queries: Sequence[reads.ScoreQuery]) -> list[list[date]]:
        """The days each query finds (``reads.ScoreQuery``), oldest first, found in one pass over the scores in
        SQL without reading a record."""
        with self._reading() as conn:
            return reads.days_scored(conn, queries)

    def daily_pain(self, start: date | None = None, end: date | None = None) -> dict[date, dict[Region, int]]:
        """Each day's highest score per region, from ``start`` to ``end`` (inclusive days), without reading the
        check-ins themselves (``journal.analysis.stats.compute_stats(daily=...)``)."""
        lo = datetime.combine(start, time.min) if start else None
        hi = datetime.combine(end + timedelta(days=1), time.min) if end else None
        with self._reading() as conn:
            return reads.read_daily_pain(conn, lo, hi)
