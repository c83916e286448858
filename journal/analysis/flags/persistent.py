"""Emergency and urgent flags stay raised until the person acknowledges them (issue 10, "signs persist").

An emergency or urgent rule does not look at a moving window. It lists its
*occurrences*: each time its condition was met (a warning sign ticked on a
check-in; pain between the shoulders; pain that did not settle on rest days), at
the time of the check-in. Occurrences open an episode, and the episode stays open,
whatever the age of its evidence or of the last check-in, until an acknowledgement
of the same rule and subject saying it has been checked ("I have had this checked")
closes it. An acknowledgement that only says "seen" closes nothing.

After an acknowledgement, a new occurrence opens a new episode, with one kindness:
an occurrence the rule *found in the scores* (``explicit`` False) within
``REJOIN_DAYS`` of the last occurrence the acknowledgement covered is the same pain
continuing, which the person has had checked, and stays covered. A sign the person
*ticks* again after acknowledging is always raised again: ticking it says "I have
this now".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from journal.analysis.flags.model import Evidence, Flag

REJOIN_DAYS = 7
"""Found-in-the-scores occurrences this close to a covered one continue the acknowledged episode."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One time a persistent rule's condition was met: when, what showed it, and whether it was ticked."""

    rule: str
    subject: str
    when: datetime
    evidence: tuple[Evidence, ...]
    explicit: bool = True

    @property
    def identity(self) -> tuple[str, str]:
        return (self.rule, self.subject)


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """A stored acknowledgement as the flags see it: the episode key it was made on, when, and whether the
    person confirmed it was checked (only that closes a persistent flag; "seen" does not)."""

    key: str
    at: datetime
    checked: bool = True

    @property
    def identity(self) -> tuple[str, str] | None:
        """(rule, subject) from a key ``rule:subject:first-day`` (subject ``-`` is none); None for a bad key."""
        parts = self.key.split(":")
        if len(parts) != 3 or not parts[0]:
            return None
        return (parts[0], "" if parts[1] == "-" else parts[1])


@dataclass(frozen=True, slots=True)
class PersistentEpisode:
    """The occurrences of one episode, and the acknowledgement that closed it (None while it is raised)."""

    occurrences: tuple[Occurrence, ...]
    closed_at: datetime | None

    @property
    def started(self) -> date:
        return self.occurrences[0].when.date()

    @property
    def identity(self) -> tuple[str, str]:
        return self.occurrences[0].identity


Builder = Callable[[tuple[Occurrence, ...]], Flag]
"""Makes the flag of an episode from its occurrences (headline, message, severity, evidence, sources)."""


def episodes(occurrences: Iterable[Occurrence], acknowledged_at: Iterable[datetime]) -> list[PersistentEpisode]:
    """The episodes of one rule and subject: occurrences in time order, closed by acknowledgements.

    An acknowledgement at time ``a`` closes the episode open at ``a`` (its occurrences up to ``a``);
    an acknowledgement when nothing is open changes nothing. Occurrences and acknowledgements at the
    same moment: the occurrence counts first (it was on screen when the person acknowledged).
    """
    events: list[tuple[datetime, int, Occurrence | None]] = [(o.when, 0, o) for o in occurrences]
    events += [(a, 1, None) for a in acknowledged_at]
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[PersistentEpisode] = []
    current: list[Occurrence] = []
    last_covered: datetime | None = None
    for when, _order, occurrence in events:
        if occurrence is None:
            if current:
                out.append(PersistentEpisode(tuple(current), when))
                last_covered = current[-1].when
                current = []
            continue
        if current:
            current.append(occurrence)
        elif (
            not occurrence.explicit
            and last_covered is not None
            and occurrence.when - last_covered <= timedelta(days=REJOIN_DAYS)
        ):
            last_covered = occurrence.when  # the acknowledged pain, continuing
        else:
            current = [occurrence]
    if current:
        out.append(PersistentEpisode(tuple(current), None))
    return out


def merged_evidence(occurrences: Iterable[Occurrence]) -> tuple[Evidence, ...]:
    """Every evidence entry of the occurrences once, oldest first."""
    seen: dict[tuple[date, int | None, str], Evidence] = {}
    for o in occurrences:
        for e in o.evidence:
            seen.setdefault((e.day, e.score, e.what), e)
    return tuple(sorted(seen.values(), key=lambda e: e.day))
