"""Urgent pain found in the scores, raised until acknowledged (``persistent``): the NHS's urgent list.

- ``upper_back_pain`` (urgent): pain of ``upper_back_score`` (3) or more in the upper
  back, between the shoulders, on any check-in. NHS, "Back pain": ask for an urgent GP
  appointment or call 111 if the pain is coming from the top of your back (between
  your shoulders) rather than your lower back.
- ``rest_pain`` (urgent): in the lower or upper back, pain of ``pain_score`` (3) or more at rest (a
  day with no run, timing "rest day" or not given; see ``index``) on
  ``rest_pain_days`` (3) or more days within ``rest_pain_window_days`` (7). NHS: pain
  that does not improve after resting needs an urgent GP appointment or 111 (Mayo
  Clinic: see a doctor when back pain is severe and does not improve with rest).

Each check-in day on which the condition holds is an occurrence, at the time of that
day's first check-in; evidence is the scores that met it.
"""

from __future__ import annotations

from datetime import date, datetime, time

from journal.analysis.flags.index import DayIndex, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.persistent import Occurrence, merged_evidence
from journal.analysis.flags.sources import MAYO_WHEN_TO_SEE, NHS_BACK_PAIN, NICE_CKS_BACK_PAIN
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list
from journal.domain.vocabulary import Region

UPPER_BACK, REST_PAIN = "upper_back_pain", "rest_pain"


BACK = (Region.LOWER_BACK, Region.UPPER_BACK)
"""The NHS's rest-pain advice is about back pain; pain at rest elsewhere is for the lingering and recurring rules."""


def _at(ix: DayIndex, day: date) -> datetime:
    return ix.first_checkin_at.get(day) or datetime.combine(day, time.min)


def upper_back_occurrences(ix: DayIndex, t: FlagThresholds) -> list[Occurrence]:
    if Region.UPPER_BACK not in ix.regions:
        return []
    values = ix.values[Region.UPPER_BACK]
    return [
        Occurrence(UPPER_BACK, Region.UPPER_BACK.value, _at(ix, d), (Evidence(d, v, f"Upper back {v}/10"),), False)
        for d, v in values.items()
        if v >= t.upper_back_score
    ]


def upper_back_flag(occurrences: tuple[Occurrence, ...]) -> Flag:
    evidence = merged_evidence(occurrences)
    days = [e.day for e in evidence]
    guidance = (
        "NHS: back pain coming from the top of your back, between your shoulders, rather than your lower back needs "
        "an urgent GP appointment or 111."
    )
    facts = f"You logged pain between the shoulders (upper back) on {days_list(days)}."
    return Flag(
        rule=UPPER_BACK,
        severity=Severity.URGENT,
        region=Region.UPPER_BACK,
        since=days[0],
        evidence=evidence,
        headline=f"Pain between the shoulders ({days_list(days[-1:])}): get medical help today",
        message=advise(Severity.URGENT, facts, guidance),
        guidance=guidance,
        sources=(NHS_BACK_PAIN, NICE_CKS_BACK_PAIN),
        subject=Region.UPPER_BACK.value,
        action=Severity.URGENT.action,
        persistent=True,
    )


def rest_pain_occurrences(ix: DayIndex, t: FlagThresholds) -> list[Occurrence]:
    out = []
    for region in (r for r in ix.regions if r in BACK):
        rest = ix.at_rest[region]
        painful = sorted(d for d, v in rest.items() if v >= t.pain_score)
        for day in painful:
            first, last = window(day, t.rest_pain_window_days)
            recent = ix.dates_in(painful, first, last)
            if len(recent) >= t.rest_pain_days:
                evidence = tuple(Evidence(d, rest[d], f"{region.label} {rest[d]}/10 on a rest day") for d in recent)
                out.append(Occurrence(REST_PAIN, region.value, _at(ix, day), evidence, False))
    return out


def rest_pain_flag(occurrences: tuple[Occurrence, ...]) -> Flag:
    region = Region(occurrences[0].subject)
    evidence = merged_evidence(occurrences)
    days = [e.day for e in evidence]
    guidance = (
        "NHS: back pain that does not improve after resting needs an urgent GP appointment or 111; Mayo Clinic: see "
        "a doctor when pain does not improve with rest."
    )
    facts = f"{region.label}: pain on {len(days)} days without a run ({days_list(days)}): it is not settling with rest."
    return Flag(
        rule=REST_PAIN,
        severity=Severity.URGENT,
        region=region,
        since=days[0],
        evidence=evidence,
        headline=f"{region.label}: pain not settling with rest: get medical help today",
        message=advise(Severity.URGENT, facts, guidance),
        guidance=guidance,
        sources=(NHS_BACK_PAIN, MAYO_WHEN_TO_SEE),
        subject=region.value,
        action=Severity.URGENT.action,
        persistent=True,
    )
