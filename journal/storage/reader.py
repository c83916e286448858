"""What the window may do with the journal on its own: read it (``JournalReader``, a Protocol).

The window gets the journal through ``JournalOperations.read``, typed as this protocol,
so a widget can read anything but cannot call a write method: writes are named
operations of ``journal.ui.operations.JournalOperations`` (one transaction, undo, the
``changed`` and ``failed`` signals). ``Journal`` satisfies it; mypy checks both sides.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from journal.domain.entries import CareEntry, CheckIn, JournalData, Run, Shoe
from journal.domain.races import Race
from journal.domain.settings import Settings

if TYPE_CHECKING:
    from journal.storage.journal import Counts


class JournalReader(Protocol):
    """The read methods of ``journal.storage.journal.Journal``."""

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
