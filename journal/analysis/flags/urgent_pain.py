"""Urgent pain found in the scores, raised until acknowledged (``persistent``): the NHS's urgent list.

- ``upper_back_pain`` (urgent): pain of ``upper_back_score`` (3) or more in the upper
  back, between the shoulders, on any check-in. NHS, "Back pain": ask for an urgent GP
  appointment or call 111 if the pain is coming from the top of your back (between
  your shoulders) rather than your lower back.
- ``rest_pain`` (urgent): in the lower or upper back, pain of ``pain_score`` (3) or more at rest (timed
  "rest day" on a day with no run; see ``index``) on ``rest_pain_days`` (3) or more days within
  ``rest_pain_window_days`` (7), without improving: the first of those rest days minus the latest is
  under ``meaningful_change`` (2 points, Farrar et al. 2001). NHS: pain that does not improve after
  resting needs an urgent GP appointment or 111 (Mayo Clinic: see a doctor when back pain is severe
  and does not improve with rest).

Each check-in that meets the condition is an occurrence, at its own time (so pain logged after an
acknowledgement on the same day is a new occurrence); evidence is the scores that met it.
"""

from __future__ import annotations

from journal.analysis.flags.index import BACK, EPS, DayIndex, score_text, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.persistent import Occurrence, merged_evidence
from journal.analysis.flags.sources import MAYO_WHEN_TO_SEE, NHS_BACK_PAIN, NICE_CKS_BACK_PAIN
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list, plural, short_day
from journal.domain.vocabulary import Region

UPPER_BACK, REST_PAIN = "upper_back_pain", "rest_pain"


def upper_back_occurrences(ix: DayIndex, t: FlagThresholds) -> list[Occurrence]:
    region = Region.UPPER_BACK
    return [
        Occurrence(UPPER_BACK, region.value, when, (Evidence(when.date(), v, score_text(region, v)),), False)
        for when, v in ix.scored.get(region, [])
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
    """The back pain on rest days (BACK: the NHS's advice is about back pain) that has not improved."""
    out = []
    for region in (r for r in ix.regions if r in BACK):
        rest = ix.at_rest[region]
        rest_days = sorted(rest)
        painful = [d for d in rest_days if rest[d] >= t.pain_score]
        for when, value in ix.rest_scored[region]:
            if value < t.pain_score:
                continue
            first, last = window(when.date(), t.rest_pain_window_days)
            recent = ix.dates_in(painful, first, last)
            if len(recent) < t.rest_pain_days:
                continue
            rested = ix.dates_in(rest_days, first, last)
            if rest[rested[0]] - value >= t.meaningful_change - EPS:
                continue  # easing with rest by a change that matters
            evidence = tuple(Evidence(d, rest[d], f"{score_text(region, rest[d])} on a rest day") for d in recent)
            out.append(Occurrence(REST_PAIN, region.value, when, evidence, False))
    return out


def rest_pain_flag(occurrences: tuple[Occurrence, ...]) -> Flag:
    region = Region(occurrences[0].subject)
    evidence = merged_evidence(occurrences)
    days = [e.day for e in evidence]
    guidance = (
        "NHS: back pain that does not improve after resting needs an urgent GP appointment or 111; Mayo Clinic: see "
        "a doctor when pain does not improve with rest."
    )
    span = f" from {short_day(days[0])} to {short_day(days[-1])}" if days[0] != days[-1] else ""
    facts = (
        f"{region.label}: pain on {plural(len(days), 'day')} without a run{span} ({days_list(days)}): it is not "
        "settling with rest."
    )
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
