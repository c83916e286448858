"""What a flag is: rule, severity, region, start, evidence, message, guidance and its source.

Flags are plain frozen records, built by the rules in this package from the
journal's plain records as of a date. They never name a diagnosis; every
``message`` ends with ``DISCLAIMER``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from journal.domain.settings import RiskFactor
from journal.domain.vocabulary import Region

DISCLAIMER = "This journal is not a medical device and does not replace a professional's judgement."
"""The line every flag carries (issue 4)."""


class Severity(StrEnum):
    """How soon to act: the guidance's own ladder. The value is the identifier used in JSON (``flags --json``).

    - ``emergency``: call an emergency number or go to A&E now (NHS "call 999 or go to A&E");
    - ``urgent``: the same day: an urgent GP appointment, urgent care or NHS 111;
    - ``see_doctor``: book an appointment;
    - ``watch``: keep an eye on it; not a doctor's matter by itself.

    ``rank`` orders them (higher = sooner).
    """

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"
    WATCH = "watch"

    @property
    def rank(self) -> int:
        return _RANKS[self.value]

    @property
    def label(self) -> str:
        """The step of the ladder in a few words, as the banner and the cards show it."""
        return _LABELS[self.value]

    @property
    def action(self) -> str:
        """What to do, in words a frightened person can follow (the first sentence of a flag's advice)."""
        return _ACTIONS[self.value]


_RANKS = {"emergency": 4, "urgent": 3, "see_doctor": 2, "watch": 1}
_LABELS = {
    "emergency": "Emergency: call an emergency number now",
    "urgent": "Get medical help today",
    "see_doctor": "See a doctor",
    "watch": "Watch",
}
_ACTIONS = {
    "emergency": "Call an emergency number now (999 in the UK, 112 in Europe, 911 in North America) "
    "or go to A&E (the emergency department). Do not wait to see if it passes.",
    "urgent": "Get medical help today: ask your GP practice for an urgent appointment, go to an urgent care "
    "or urgent treatment centre, or call NHS 111.",
    "see_doctor": "See a doctor: book an appointment with your GP or doctor and take this journal along.",
    "watch": "Keep an eye on it; the journal will tell you if it calls for a doctor.",
}


@dataclass(frozen=True, slots=True)
class Source:
    """A published page a rule follows: who published it, its title, and where to read it."""

    publisher: str
    title: str
    url: str

    @property
    def name(self) -> str:
        return f"{self.publisher}: {self.title}"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One dated entry behind a flag: a check-in score, a warning sign, a painkiller day, a run."""

    day: date
    score: int | None
    what: str

    def to_json(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "score": self.score, "what": self.what}


@dataclass(frozen=True, slots=True)
class Flag:
    """A raised flag as of a date.

    ``subject`` tells flags of one rule apart (the region, or the warning sign, or "" for
    rules with neither); ``since`` is the day it started: the first day of its evidence, or
    the first day of its episode when that is earlier (a rule over a moving window, such as
    pain at rest in the last 7 days, can have been raised before its current evidence began).
    ``key`` identifies the
    flag episode (rule, subject and the first day the flag was raised without a break), so an
    acknowledgement stays attached while the flag stays up; it is "" on the raw per-day
    flags inside the engine and filled in by ``evaluate_flags``.
    """

    rule: str
    severity: Severity
    region: Region | None
    since: date
    evidence: tuple[Evidence, ...]
    headline: str
    """One line for the banner, e.g. 'Lower back: pain for 21 days without improving: see a doctor'."""
    message: str
    """The plain explanation, ending with ``DISCLAIMER``."""
    guidance: str
    """What the published guidance says, in a sentence, with ``sources`` naming where."""
    sources: tuple[Source, ...]
    subject: str = ""
    key: str = ""
    raised_on: date | None = None
    """First day of the unbroken run of days on which this flag was raised (filled by ``evaluate_flags``)."""
    action: str = ""
    """What to do, first in the words of ``severity.action`` (or the rule's own advice for ``watch``)."""
    persistent: bool = False
    """An emergency or urgent flag: it stays raised until the person acknowledges it ("I have had this
    checked"), whatever the age of its evidence or of the last check-in."""
    risk_factors: tuple[RiskFactor, ...] = ()
    """The risk factors from Settings this flag used (``risk_factor_pain``)."""
    last_logged: date | None = None
    """The last day anything this rule reads was logged, when that is before the day judged: the flag is
    as that day left it (a gap in logging is not recovery). None when logging is up to date."""

    @property
    def identity(self) -> tuple[str, str]:
        return (self.rule, self.subject)

    @property
    def source(self) -> Source:
        """The main source (the first one)."""
        return self.sources[0]

    def to_json(self) -> dict[str, Any]:
        """The JSON shape of ``flags --json``: rule, severity, region (or None), since, evidence, message,
        and the action, headline, episode key, risk factors used, whether it waits for an acknowledgement,
        the last day logged when the flag is held over a gap, and the sources."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "region": self.region.value if self.region else None,
            "since": self.since.isoformat(),
            "evidence": [e.to_json() for e in self.evidence],
            "message": self.message,
            "action": self.action,
            "headline": self.headline,
            "key": self.key,
            "subject": self.subject or None,
            "persistent": self.persistent,
            "risk_factors": [f.value for f in self.risk_factors],
            "last_logged": self.last_logged.isoformat() if self.last_logged else None,
            "sources": [{"name": s.name, "url": s.url} for s in self.sources],
        }


def episode_key(rule: str, subject: str, raised_on: date) -> str:
    """The stable identifier of a flag episode, e.g. ``lingering_pain:lower_back:2026-03-15``."""
    return f"{rule}:{subject or '-'}:{raised_on.isoformat()}"


@dataclass(frozen=True, slots=True)
class FlagEpisode:
    """A flag over the whole unbroken run of days it was raised (for the history).

    ``ended`` is the last day it was raised, or None when it is still raised on the last
    day looked at. ``severity`` is the highest it reached; ``last`` is the flag as it was
    on its last day (its message and evidence). ``acknowledged`` is True for an emergency or
    urgent flag that ended because the person acknowledged it.
    """

    rule: str
    subject: str
    region: Region | None
    started: date
    ended: date | None
    severity: Severity
    last: Flag
    acknowledged: bool = False

    @property
    def key(self) -> str:
        return episode_key(self.rule, self.subject, self.started)

    @property
    def active(self) -> bool:
        return self.ended is None
