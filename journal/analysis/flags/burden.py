"""How much pain, how often, and how much it gets in the way: three see-a-doctor rules.

Each judges a day by the check-ins up to it (the engine passes the day of the latest
check-in, so a gap in logging is not recovery).

- ``recurring_pain`` (see_doctor): pain that keeps coming back over several weeks
  without improving, even when no fortnight is dense enough for ``lingering_pain``.
  The ``recurring_lookback_weeks`` (6) seven-day blocks ending on the day are counted;
  a block is painful when it has pain >= ``pain_score`` (3) on at least
  ``recurring_days_per_week`` (3) check-in days. Raised when the latest block is
  painful, at least ``recurring_weeks`` (4) blocks are, and the mean score of the
  painful days of the two earliest painful blocks minus that of the two latest is
  under ``meaningful_change`` (2 points, Farrar et al. 2001: not improving). NHS: see a
  GP when back pain does not improve after a few weeks; the numbers are app defaults.
  Not raised in a region where ``lingering_pain`` is (the engine drops it).
- ``severe_pain`` (see_doctor): pain >= ``severe_pain_score`` (7; 7-10 is severe,
  Serlin et al. 1995) on ``severe_pain_days`` (2) or more check-in days within
  ``severe_pain_window_days`` (7), or >= ``severe_pain_single_score`` (9, app default)
  on any one of them. NHS: see a GP when the pain is very bad.
- ``pain_interference`` (see_doctor): how much pain got in the way of usual
  activities, running included (the PEG activity item, 0-10, Krebs et al. 2009),
  >= ``interference_score`` (7, an app default: the PEG has no cut-off) on
  ``interference_days`` (3) or more days within ``interference_window_days`` (14).
  NHS: see a GP when back pain stops you doing your day-to-day activities.
"""

from __future__ import annotations

from datetime import date, timedelta
from statistics import fmean

from journal.analysis.flags.index import EPS, DayIndex, score_text, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import (
    FARRAR_2001,
    KREBS_2009,
    MAYO_WHEN_TO_SEE,
    NHS_BACK_PAIN,
    SERLIN_1995,
)
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list, plural


def recurring_pain(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    flags = []
    for region in ix.regions:
        values = ix.values[region]
        blocks = []  # painful days per block, the latest block first
        for k in range(t.recurring_lookback_weeks):
            last = day - timedelta(days=7 * k)
            painful = [d for d in ix.days_in(last - timedelta(days=6), last) if values[d] >= t.pain_score]
            blocks.append(painful)
        painful_blocks = [b for b in blocks if len(b) >= t.recurring_days_per_week]
        if len(blocks[0]) < t.recurring_days_per_week or len(painful_blocks) < t.recurring_weeks:
            continue
        earliest = fmean(values[d] for b in painful_blocks[-2:] for d in b)
        latest = fmean(values[d] for b in painful_blocks[:2] for d in b)
        if earliest - latest >= t.meaningful_change - EPS:
            continue  # the pain is easing by a change that matters
        days = sorted(d for b in painful_blocks for d in b)
        weeks = len(painful_blocks)
        facts = (
            f"{region.label}: pain of {t.pain_score} or more on {t.recurring_days_per_week} or more days in "
            f"{weeks} of the last {t.recurring_lookback_weeks} weeks ({plural(len(days), 'day')} in those weeks, from "
            f"{days_list(days[:1])}), without easing (average {earliest:.1f}/10 on the painful days of the first "
            f"weeks, {latest:.1f}/10 lately)."
        )
        guidance = (
            "NHS: see a GP when back pain does not improve after a few weeks of looking after it at home; pain that "
            "keeps coming back is pain that has not improved."
        )
        flags.append(
            Flag(
                rule="recurring_pain",
                severity=Severity.SEE_DOCTOR,
                region=region,
                since=days[0],
                evidence=tuple(Evidence(d, values[d], score_text(region, values[d])) for d in days),
                headline=f"{region.label}: pain keeps coming back ({weeks} of {t.recurring_lookback_weeks} weeks): "
                "see a doctor",
                message=advise(Severity.SEE_DOCTOR, facts, guidance),
                guidance=guidance,
                sources=(NHS_BACK_PAIN, MAYO_WHEN_TO_SEE, FARRAR_2001),
                subject=region.value,
                action=Severity.SEE_DOCTOR.action,
            )
        )
    return flags


def severe_pain(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    days = ix.days_in(*window(day, t.severe_pain_window_days))
    flags = []
    for region in ix.regions:
        values = ix.values[region]
        bad = [d for d in days if values[d] >= t.severe_pain_score]
        if len(bad) < t.severe_pain_days and not any(values[d] >= t.severe_pain_single_score for d in bad):
            continue
        facts = (
            f"{region.label}: very bad pain ({t.severe_pain_score}/10 or more) on {len(bad)} of the last "
            f"{t.severe_pain_window_days} days ({days_list(bad)})."
        )
        guidance = "NHS: see a GP when back pain is very bad; on the 0-10 scale, 7 or more is severe pain."
        action = (
            f"{Severity.SEE_DOCTOR.action} If it is so bad you cannot sleep, think or move, or it keeps getting "
            "worse, get medical help today (NHS 111)."
        )
        flags.append(
            Flag(
                rule="severe_pain",
                severity=Severity.SEE_DOCTOR,
                region=region,
                since=bad[0],
                evidence=tuple(Evidence(d, values[d], score_text(region, values[d])) for d in bad),
                headline=f"{region.label}: very bad pain on {len(bad)} of the last {t.severe_pain_window_days} days: "
                "see a doctor",
                message=advise(Severity.SEE_DOCTOR, facts, guidance, action),
                guidance=guidance,
                sources=(NHS_BACK_PAIN, SERLIN_1995),
                subject=region.value,
                action=action,
            )
        )
    return flags


def pain_interference(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    days = ix.dates_in(ix.interference_days, *window(day, t.interference_window_days))
    high = [d for d in days if ix.interference[d] >= t.interference_score]
    if len(high) < t.interference_days:
        return []
    facts = (
        f"Pain got in the way of your usual activities by {t.interference_score}/10 or more on {len(high)} of the "
        f"last {t.interference_window_days} days ({days_list(high)})."
    )
    guidance = "NHS: see a GP when back pain stops you doing your day-to-day activities."
    return [
        Flag(
            rule="pain_interference",
            severity=Severity.SEE_DOCTOR,
            region=None,
            since=high[0],
            evidence=tuple(Evidence(d, None, f"Pain got in the way {ix.interference[d]}/10") for d in high),
            headline=f"Pain stopping your usual activities on {len(high)} of the last {t.interference_window_days} "
            "days: see a doctor",
            message=advise(Severity.SEE_DOCTOR, facts, guidance),
            guidance=guidance,
            sources=(NHS_BACK_PAIN, KREBS_2009, SERLIN_1995),
            action=Severity.SEE_DOCTOR.action,
        )
    ]
