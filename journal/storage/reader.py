"""What the window may do with the journal on its own: read it (``JournalReader``, a Protocol).

The window gets the journal through ``JournalOperations.read``, typed as this protocol,
so a widget can read anything but cannot call a write method: writes are named
operations of ``journal.ui.operations.JournalOperations`` (one transaction, undo, the
``changed`` and ``failed`` signals). ``Journal`` satisfies it; mypy checks both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.races import Race
from journal.domain.settings import Settings
from journal.domain.vocabulary import CareKind, Region

if TYPE_CHECKING:
    from journal.storage.journal import Counts
    from journal.storage.queries import Lists
    from journal.storage.reads import ScoreQuery


class JournalReader(Protocol):
    """The read methods of ``journal.storage.journal.Journal`` (and of its SQL questions, ``JournalQueries``)."""

    @property
    def path(self) -> Path: ...

    def settings(self) -> Settings: ...

    def raw_settings(self) -> dict[str, str]: ...

    def runs(self, start: date | None = None, end: date | None = None) -> list[Run]: ...

    def checkins(self, start: date | None = None, end: date | None = None) -> list[CheckIn]: ...

    def care(self, start: date | None = None, end: date | None = None) -> list[CareEntry]: ...

    def shoes(self) -> list[Shoe]: ...

    def data(self, start: date | None = None, end: date | None = None) -> JournalData: ...

    def races(self) -> list[Race]: ...

    def race(self, race_id: int) -> Race | None: ...

    def run(self, run_id: int) -> Run | None: ...

    def checkin(self, checkin_id: int) -> CheckIn | None: ...

    def last_run(self) -> Run | None: ...

    def counts(self) -> Counts: ...

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]: ...

    # ---- answered in SQL (journal.storage.queries) -------------------------------------------
    def page_start(
        self, kinds: Lists, entries: int, start: date | None = None, before: date | None = None
    ) -> date | None: ...

    def count_entries(
        self, kinds: Lists, start: date | None = None, end: date | None = None, hurting: Region | None = None
    ) -> int: ...

    def entries_on(self, days: Iterable[date]) -> JournalData: ...

    def first_day(self, kinds: Lists, care_kind: CareKind | None = None) -> date | None: ...

    def days_with_signs(self, before: date) -> list[date]: ...

    def days_scored(self, queries: Sequence[ScoreQuery]) -> list[list[date]]: ...

    def daily_pain(self, start: date | None = None, end: date | None = None) -> dict[date, dict[Region, int]]: ...

    # ---- what changed (for what a reader keeps between reads) -----------------------------
    def write_mark(self) -> int: ...

    def unchanged_before(self, day: date, mark: int) -> bool: ...
