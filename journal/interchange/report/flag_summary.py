"""The flags on page 1: those raised as of the report's last day, most urgent first, with their evidence.

The rules live in ``journal.analysis.flags`` (issue 4); this module only turns
them into what the report prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journal.domain.entries import JournalData

EVIDENCE_SHOWN = 6
"""Evidence lines printed per flag on page 1 (the log holds the rest)."""


@dataclass(frozen=True, slots=True)
class FlagSummary:
    severity: str
    """``urgent``, ``see_doctor`` or ``watch``."""
    severity_label: str
    headline: str
    message: str
    guidance: str
    sources: tuple[str, ...]
    since: date
    region: str
    evidence: tuple[str, ...]
    evidence_count: int


def flags_as_of(data: JournalData, as_of: date, raw_settings: dict[str, str]) -> tuple[FlagSummary, ...]:
    """The flags raised on ``as_of``; empty until the flag rules are available."""
    return ()
