"""The flags on page 1: those raised as of the report's last day, most urgent first, with their evidence.

The rules, thresholds, wording and sources are the flag engine's
(``journal.analysis.flags``, issue 4); this module only trims them for print:
the disclaimer every flag message ends with is printed once instead, and the
evidence is listed as short dated entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journal.analysis.flags import DISCLAIMER, Flag, FlagThresholds, evaluate_flags
from journal.domain.entries import JournalData
from journal.domain.settings import WeekStart
from journal.domain.units import DistanceUnit


@dataclass(frozen=True, slots=True)
class FlagSummary:
    rule: str
    severity: str
    """``urgent``, ``see_doctor`` or ``watch``."""
    severity_label: str
    headline: str
    message: str
    """The flag's message without the closing disclaimer (the report prints it once)."""
    guidance: str
    sources: tuple[str, ...]
    publishers: tuple[str, ...]
    """Who published the sources, once each (``Mayo Clinic``, ``NHS``...), for the short line on page 1."""
    since: date
    region: str
    evidence: tuple[str, ...]
    """The evidence grouped by what was logged, in order: ``5/10 on 9 days``, ``Run of 21.9 km, ...``."""
    evidence_count: int
    evidence_first: date | None
    evidence_last: date | None


def _what(flag: Flag, what: str) -> str:
    if flag.region is not None and what.startswith(flag.region.label + " "):
        return what[len(flag.region.label) + 1 :]  # "Lower back 5/10" under a lower-back flag reads "5/10"
    return what


def grouped_evidence(flag: Flag) -> tuple[str, ...]:
    """Identical entries once, with on how many days: 28 daily scores read ``5/10 on 9 days; 4/10 on 19 days``."""
    days: dict[str, set[date]] = {}
    for e in flag.evidence:
        days.setdefault(_what(flag, e.what), set()).add(e.day)
    return tuple(what if len(d) == 1 else f"{what} on {len(d)} days" for what, d in days.items())


def summarise(flag: Flag) -> FlagSummary:
    message = flag.message.replace(DISCLAIMER, "").strip()
    dates = [e.day for e in flag.evidence]
    return FlagSummary(
        rule=flag.rule,
        severity=flag.severity.value,
        severity_label=flag.severity.label,
        headline=flag.headline,
        message=message,
        guidance=flag.guidance,
        sources=tuple(s.name for s in flag.sources),
        publishers=tuple(dict.fromkeys(s.publisher for s in flag.sources)),
        since=flag.since,
        region=flag.region.label if flag.region else "",
        evidence=grouped_evidence(flag),
        evidence_count=len(flag.evidence),
        evidence_first=min(dates, default=None),
        evidence_last=max(dates, default=None),
    )


def flags_as_of(
    data: JournalData,
    as_of: date,
    raw_settings: dict[str, str],
    week_start: WeekStart = WeekStart.MONDAY,
    units: DistanceUnit = DistanceUnit.KM,
) -> tuple[FlagSummary, ...]:
    """The flags raised as of ``as_of`` (only records up to that day count), most urgent first.

    Thresholds are the journal's ``flags.*`` settings (defaults where unset).
    """
    thresholds = FlagThresholds.from_settings(raw_settings)
    return tuple(summarise(f) for f in evaluate_flags(data, as_of, thresholds, week_start, units))
