"""Acknowledgements of flags: stored with a note, read back per flag episode.

A flag is computed from the entries (``journal.analysis.flags``); acknowledging it
stores the episode key with the person's note. For a see-a-doctor or watch flag the
acknowledgement only records that the person has seen it and what they did: the
flag stays raised (and in the report) until its condition clears. For an emergency
or urgent flag the person confirms it has been checked (``checked``), which closes
it; acknowledgements stored before that existed (schema 0003) are "seen" only and
close nothing. Each acknowledgement is one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from journal.domain.validation import InvalidEntry
from journal.storage.journal import Journal, Lists
from journal.storage.reader import JournalReader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from journal.storage.models import FlagAcknowledgementRow

NOTE_MAX = 2000
"""Characters kept in a note; a longer note is refused rather than cut."""


@dataclass(frozen=True, slots=True)
class FlagAcknowledgement:
    """One acknowledgement of a flag episode."""

    flag_key: str
    rule: str
    region: str | None
    acknowledged_at: datetime
    note: str = ""
    id: int | None = None
    checked: bool = False
    """"I have had this checked": closes an emergency or urgent flag (``journal.analysis.flags.persistent``)."""


def _from_row(row: FlagAcknowledgementRow) -> FlagAcknowledgement:
    return FlagAcknowledgement(
        flag_key=row.flag_key,
        rule=row.rule,
        region=row.region,
        acknowledged_at=row.acknowledged_at,
        note=row.note or "",
        id=row.id,
        checked=bool(row.checked),
    )


def acknowledge(
    journal: Journal,
    flag_key: str,
    rule: str,
    region: str | None = None,
    note: str = "",
    at: datetime | None = None,
    checked: bool = False,
) -> FlagAcknowledgement:
    """Store an acknowledgement of the flag episode ``flag_key`` with ``note`` (one transaction); ``checked``
    when the person confirms a professional has checked it.

    Raises InvalidEntry naming the problem for an empty key or rule, or a note over ``NOTE_MAX``.
    """
    note = note.strip()
    problems = {}
    if not flag_key.strip():
        problems["flag_key"] = "Which flag is acknowledged is missing"
    if not rule.strip():
        problems["rule"] = "The flag's rule is missing"
    if len(note) > NOTE_MAX:
        problems["note"] = f"The note is {len(note)} characters; keep it under {NOTE_MAX}"
    if problems:
        raise InvalidEntry("Acknowledgement", problems)
    from journal.storage.models import FlagAcknowledgementRow

    moment = (at or datetime.now()).replace(microsecond=0)

    def write(s: Session) -> FlagAcknowledgement:
        row = FlagAcknowledgementRow(
            flag_key=flag_key, rule=rule, region=region or None, acknowledged_at=moment, note=note, checked=checked
        )
        s.add(row)
        s.flush()
        return _from_row(row)

    return journal.transaction(Lists.NONE, write)


def acknowledgements(journal: JournalReader) -> list[FlagAcknowledgement]:
    """Every acknowledgement, oldest first (read on the fast sqlite3 path, see ``reads``)."""
    rows = journal.query(
        "SELECT id, flag_key, rule, region, acknowledged_at, note, checked FROM flag_acknowledgements"
        " ORDER BY acknowledged_at, id"
    )
    return [
        FlagAcknowledgement(
            flag_key=key,
            rule=rule,
            region=region,
            acknowledged_at=datetime.fromisoformat(at),
            note=note or "",
            id=ack_id,
            checked=bool(checked),
        )
        for ack_id, key, rule, region, at, note, checked in rows
    ]


def acknowledgements_by_key(journal: JournalReader) -> dict[str, list[FlagAcknowledgement]]:
    """Acknowledgements grouped by flag episode key, each list oldest first."""
    out: dict[str, list[FlagAcknowledgement]] = defaultdict(list)
    for ack in acknowledgements(journal):
        out[ack.flag_key].append(ack)
    return dict(out)
