"""Shared wording of the flags: dates, the closing line, and which guidance fits a region.

Wording rules (issue 4): plain words, never a diagnosis, the action the rule
calls for ("get medical help today", "see a doctor"), and ``DISCLAIMER`` last.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from journal.analysis.flags.index import LEGS
from journal.analysis.flags.model import DISCLAIMER, Severity, Source
from journal.analysis.flags.sources import (
    MAYO_HAMSTRING,
    MAYO_WHEN_TO_SEE,
    NHS_BACK_PAIN,
    NHS_HAMSTRING,
    NHS_HIP_PAIN,
)
from journal.domain.numbers import counted
from journal.domain.vocabulary import Region


def day_text(day: date) -> str:
    """'2 Mar 2026'."""
    return f"{day.day} {day:%b %Y}"


def short_day(day: date) -> str:
    """'2 Mar'."""
    return f"{day.day} {day:%b}"


def days_list(days: Iterable[date], most: int = 6) -> str:
    """'2 Mar, 4 Mar and 9 Mar'; with more than ``most`` days, the first ones and 'and N more'."""
    days = list(days)
    shown = [short_day(d) for d in days[:most]]
    if len(days) > most:
        return ", ".join(shown) + f" and {len(days) - most} more"
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def finish(*sentences: str) -> str:
    """The message: the sentences, then the not-a-medical-device line."""
    return " ".join([*(s for s in sentences if s), DISCLAIMER])


def advise(severity: Severity, facts: str, guidance: str, action: str = "") -> str:
    """The message of a flag: for emergency and urgent flags the action comes first, in the ladder's own
    words, so a frightened person reads what to do before why; otherwise the facts, the guidance, then the
    action. ``action`` defaults to the severity's."""
    action = action or severity.action
    if severity.rank >= Severity.URGENT.rank:
        return finish(action, facts, guidance)
    return finish(facts, guidance, action)


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 day', '3 days' (``journal.domain.numbers.counted``, as everywhere)."""
    return counted(count, one, many)


def lingering_guidance(region: Region, escalated: bool) -> tuple[str, tuple[Source, ...]]:
    """What the guidance says about pain that lingers in ``region``, and where it says so."""
    if region in LEGS:
        text = (
            "Mild hamstring injuries usually get better within days; one that takes longer than expected "
            "should be seen by a doctor or physiotherapist (NHS)."
        )
        return text, (NHS_HAMSTRING, MAYO_HAMSTRING)
    if region is Region.GLUTE_HIP:
        return "NHS: see a GP when hip pain has not improved after about 2 weeks of self-care.", (NHS_HIP_PAIN,)
    if escalated:
        text = "Mayo Clinic: see a doctor when back pain has not improved within 4 weeks of self-care."
        return text, (MAYO_WHEN_TO_SEE, NHS_BACK_PAIN)
    text = (
        "Most back pain starts to fade within two weeks (NHS); pain that lingers should be looked at, and "
        "Mayo Clinic advises seeing a doctor if it has not improved within 4 weeks of self-care."
    )
    return text, (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE)
