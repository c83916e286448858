"""History's rows a page at a time, newest first, so the window never reads ten years before its first paint.

A page is every entry of a run of whole days: from the day of the ``PAGE_ENTRIES``-th
newest entry of one kind (``Journal.page_start``, a step down an index) to the day
before the previous page. It is read with the journal's windowed reads (SQL on the
indexed time columns, not the whole journal), filtered, and grouped by day
(``history_rows.group_by_day``): a page always holds whole days, so grouping a page
gives the same rows as grouping everything. The table asks for the next page as the
person scrolls to the end (``PagedRowsModel.fetchMore``), or for all of the rest at
once when it is sorted on another column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from journal.domain.validation import EARLIEST
from journal.domain.vocabulary import Region
from journal.storage.queries import Lists
from journal.storage.reader import JournalReader
from journal.ui.pages.history_rows import HistoryRow, care_row_time, group_by_day

PAGE_ENTRIES = 100
"""At least this many entries of one kind per page: a screenful several times over."""
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """What History shows: the days (None: from the first / to the last), the kinds, a region that hurts, grouping."""

    start: date | None = None
    end: date | None = None
    kinds: Lists = Lists.ALL
    hurting: Region | None = None
    grouped: bool = True

    @property
    def read_kinds(self) -> Lists:
        """The lists to read: with a region chosen only check-ins can match."""
        return self.kinds & Lists.CHECKINS if self.hurting is not None else self.kinds


class HistoryPager:
    """Reads History's rows page by page, newest first; ``entries`` counts the entries read so far."""

    def __init__(self, journal: JournalReader, wanted: HistoryFilter) -> None:
        self._journal, self.wanted = journal, wanted
        self._before: date | None = wanted.end + _DAY if wanted.end else None
        """Every entry from this day on (within the filter) has been read; None: none yet."""
        self._done = not wanted.read_kinds
        self.entries = 0

    @property
    def read_from(self) -> date | None:
        """The first day read so far (None before the first page)."""
        return self._before

    def has_more(self) -> bool:
        return not self._done

    def next_page(self) -> list[HistoryRow]:
        """The next page's rows (newest first), skipping pages the filters leave empty; [] at the end."""
        rows: list[HistoryRow] = []
        while not rows and not self._done:
            first = self._journal.page_start(self.wanted.read_kinds, PAGE_ENTRIES, self.wanted.start, self._before)
            rows = self._read(first)
        return rows

    def down_to(self, day: date) -> list[HistoryRow]:
        """Every row from ``day`` (or the filter's first day, if later) up to where this pager stands."""
        start = self.wanted.start
        return self._read(day if start is None or day > start else start)

    def rest(self) -> list[HistoryRow]:
        """Every row not read yet."""
        return self._read(None) if not self._done else []

    def _read(self, first: date | None) -> list[HistoryRow]:
        """The rows from ``first`` (None: the filter's first day, and then there is nothing more) to the last read."""
        wanted, journal = self.wanted, self._journal
        if first is None or (wanted.start is not None and first <= wanted.start):
            first, self._done = wanted.start, True
        start = first or EARLIEST  # a first day: a windowed read, never the whole cached journal
        end = self._before - _DAY if self._before else None
        self._before = first or EARLIEST
        kinds, region = wanted.read_kinds, wanted.hurting
        rows: list[HistoryRow] = []
        if kinds & Lists.RUNS:
            rows += [HistoryRow(r.started_at, r) for r in journal.runs(start, end)]
        if kinds & Lists.CHECKINS:
            rows += [
                HistoryRow(c.recorded_at, c)
                for c in journal.checkins(start, end)
                if region is None or (c.score_for(region) or 0) > 0
            ]
        if kinds & Lists.CARE:
            rows += [HistoryRow(care_row_time(e.day), e) for e in journal.care(start, end)]
        self.entries += len(rows)
        return group_by_day(rows) if wanted.grouped else rows
