"""The flags on page 1: those raised as of the report's last day, most urgent first, with their evidence.

The rules, thresholds, wording and sources are the flag engine's
(``journal.analysis.flags``); this module only trims them for print: the
disclaimer every flag message ends with is printed once instead, and the
evidence is listed as short dated entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from journal.analysis.flags import DISCLAIMER, Flag


@dataclass(frozen=True, slots=True)
class FlagSummary:
    rule: str
    subject: str
    """The warning sign or region the flag is about ('' for neither)."""
    key: str
    """The flag's episode key, as the window and ``flags --json`` give it."""
    severity: str
    """``emergency``, ``urgent``, ``see_doctor`` or ``watch``."""
    severity_label: str
    action: str
    """What to do, first for emergency and urgent flags."""
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
    persistent: bool = False
    risk_factors: tuple[str, ...] = ()
    """The risk factors the flag used, in words ("a history of cancer")."""
    last_logged: date | None = None


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
        subject=flag.subject,
        key=flag.key,
        severity=flag.severity.value,
        severity_label=flag.severity.label,
        action=flag.action,
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
        persistent=flag.persistent,
        risk_factors=tuple(f.label for f in flag.risk_factors),
        last_logged=flag.last_logged,
    )
