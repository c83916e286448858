"""Files read by watched-folder imports, remembered by the SHA-256 of their content (revision 0006).

A watched folder (a sync tool's folder, a watch mounted as a drive) is read again at
every start and whenever it changes; its files are recognised here by content, so a
file is never imported twice, even after it was moved or renamed, and a run the person
deleted does not come back. ``known(journal, hashes)`` is a plain-sqlite3 read;
``remember(journal, files)`` one transaction, adding only hashes not stored yet;
``add_runs_remembering(journal, runs, files)`` adds the runs read from the files and
remembers the files in ONE transaction, so a failed write (a full disk) leaves neither:
runs saved with their files forgotten would come back, once deleted, at the next scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from journal.domain.entries import JournalData, Run
from journal.storage.journal import Journal, Lists

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from journal.storage.models import ImportedFileRow

OUTCOMES = ("imported", "duplicate", "skipped", "failed")
"""What became of a remembered file."""
_CHUNK = 500
"""Hashes per query (SQLite allows 999 parameters in older builds)."""


@dataclass(frozen=True, slots=True)
class RememberedFile:
    """One file read: the hex SHA-256 of its bytes, its name and size when read, what became of it."""

    content_hash: str
    name: str
    size: int
    outcome: str


def known(journal: Journal, hashes: Iterable[str]) -> set[str]:
    """The ``hashes`` already remembered."""
    wanted = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = journal.query(f"SELECT content_hash FROM imported_files WHERE content_hash IN ({marks})", chunk)
        found.update(row[0] for row in rows)
    return found


def remember(journal: Journal, files: Iterable[RememberedFile], at: datetime | None = None) -> int:
    """Store the files not remembered yet (one transaction); returns how many were added.

    Raises ValueError for a hash that is not 64 hex digits or an unknown outcome (nothing stored).
    """
    rows = _new_rows(journal, files, at)
    if not rows:
        return 0
    journal.transaction(Lists.NONE, lambda session: session.add_all(rows))
    return len(rows)


def add_runs_remembering(
    journal: Journal, runs: Sequence[Run], files: Iterable[RememberedFile], at: datetime | None = None
) -> JournalData:
    """Add ``runs`` and remember ``files`` (those not remembered yet) in one transaction: both, or on any error
    neither. Returns the runs as saved, with their ids. Raises ValueError as ``remember`` does, InvalidEntry for
    a run the journal cannot hold, JournalFileError when the file cannot be written (nothing saved)."""
    from journal.storage import writes

    rows = _new_rows(journal, files, at)
    runs = list(runs)

    def write(session: Session) -> JournalData:
        added = writes.add_entries(session, runs=runs) if runs else JournalData()
        session.add_all(rows)
        return added

    first = min((r.started_at.date() for r in runs), default=None)
    if not runs:
        if rows:
            journal.transaction(Lists.NONE, write, date.max)
        return JournalData()
    return journal.transaction(Lists.RUNS, write, first)


def _new_rows(journal: Journal, files: Iterable[RememberedFile], at: datetime | None) -> list[ImportedFileRow]:
    """The rows of the files not remembered yet (each hash once). Raises ValueError for a bad hash or outcome."""
    from journal.storage.models import ImportedFileRow

    new: dict[str, RememberedFile] = {}
    for file in files:
        digest = file.content_hash.lower()
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError("a content hash must be 64 hexadecimal digits (SHA-256)")
        if file.outcome not in OUTCOMES:
            raise ValueError(f"unknown outcome {file.outcome!r}")
        new.setdefault(digest, file)
    for digest in known(journal, new):
        new.pop(digest)
    when = at or datetime.now()
    return [
        ImportedFileRow(
            content_hash=digest, name=file.name[:500], size=max(0, file.size), outcome=file.outcome, seen_at=when
        )
        for digest, file in new.items()
    ]
