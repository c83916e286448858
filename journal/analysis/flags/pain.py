"""Rules over pain scores, per region (values per check-in day, see ``index.py``).

Each rule judges a day by the check-ins up to it (the engine passes the day of the
latest check-in, so a gap in logging keeps a flag as the last check-in left it).

- ``lingering_pain`` (see_doctor): over a span of at least ``lingering_days`` (14)
  calendar days ending at the latest check-in, pain >= ``pain_score`` (3) on at
  least ``lingering_share`` (70 %) of the check-in days, and
  mean(first 3 check-in days) - mean(last 3) < ``meaningful_change`` (2 points,
  Farrar et al. 2001). The span starts on a painful day; of all spans that qualify,
  the longest is reported. The span lies within ``lingering_lookback_days`` (91);
  the last 3 averaging under ``pain_score`` clears the flag. From
  ``lingering_escalate_days`` (28) the message escalates (Mayo Clinic: see a doctor
  within 4 weeks if self-care has not helped).
- ``radiating_pain`` (see_doctor): pain spreading below the knee on any day of the
  last ``radiating_window_days`` (14), or down the thigh (or further) on
  ``radiating_thigh_days`` (3) or more of them (Mayo Clinic; NICE NG59).
- ``worsening_pain`` (see_doctor): pain that was there and rises: the mean of the last
  ``worsening_window_days`` (7) minus the mean of the 7 days ending
  ``worsening_gap_days`` (14) earlier >= ``meaningful_change`` (2), with pain >=
  ``pain_score`` on at least ``worsening_min_days`` (3) recent check-in days (a sore
  day or two after a long run is not worsening), and pain (1 or more) on at least half
  of the earlier check-in days: new pain after pain-free days is new, not
  "progressively worse" (the lingering and recurring rules judge it). Or pain that
  climbs within the last ``worsening_gap_days`` (14): of the days with pain there (at
  least 6), the last 3 average 2 points or more above the first 3; steady new pain
  stays level, so it is not "worse". NHS: see a GP
  when back pain is getting worse over time; Mayo Clinic: when it gets
  progressively worse.
"""

from __future__ import annotations

from datetime import date, timedelta
from statistics import fmean

from journal.analysis.flags.index import EPS, DayIndex, score_text, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import FARRAR_2001, MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NHS_BACK_PAIN, NICE_NG59
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, day_text, days_list, lingering_guidance, short_day
from journal.domain.vocabulary import Radiates, Region


def lingering_pain(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    days = ix.days_in(*window(day, t.lingering_lookback_days))
    if not days:
        return []
    flags = []
    for region in ix.regions:
        values = [ix.values[region][d] for d in days]
        if flag := _lingering(region, days, values, t, day):
            flags.append(flag)
    return flags


def _lingering(region: Region, days: list[date], values: list[int], t: FlagThresholds, day: date) -> Flag | None:
    last_mean = fmean(values[-3:])
    if last_mean < t.pain_score:
        return None
    found: tuple[int, int, float] | None = None  # start index, painful days, first-3 mean
    painful = 0
    for i in range(len(values) - 1, -1, -1):
        if values[i] < t.pain_score:
            continue
        painful += 1
        total = len(values) - i
        span = (days[-1] - days[i]).days + 1
        if span < t.lingering_days or total < t.lingering_min_checkins:
            continue
        if painful < t.lingering_share * total - EPS:
            continue
        first_mean = fmean(values[i : i + 3])
        if first_mean - last_mean >= t.meaningful_change - EPS:
            continue  # improved by a change that matters over this span
        found = (i, painful, first_mean)
    if found is None:
        return None
    i, painful, first_mean = found
    since, total = days[i], len(values) - i
    span = (days[-1] - since).days + 1
    escalated = span >= t.lingering_escalate_days
    guidance, sources = lingering_guidance(region, escalated)
    # At the look-back's edge the pain may be older than the span measured: say "at least".
    at_edge = (since - window(day, t.lingering_lookback_days)[0]).days < 7
    how_long = f"at least {span} days" if at_edge else f"{span} days"
    facts = (
        f"{region.label}: pain of {t.pain_score} or more on {painful} of {total} check-in days over the {span} days "
        f"since {day_text(since)}{' (the rule looks back ' + str(t.lingering_lookback_days) + ' days)' if at_edge else ''}"
        f", without improving by {t.meaningful_change:g} points (the first 3 check-ins averaged {first_mean:.1f}/10, "
        f"the last 3 {last_mean:.1f}/10)."
    )
    if escalated:
        action = "It has lasted 4 weeks or more: see a doctor soon: book an appointment and take this journal along."
    else:
        action = Severity.SEE_DOCTOR.action
    return Flag(
        rule="lingering_pain",
        severity=Severity.SEE_DOCTOR,
        region=region,
        since=since,
        evidence=tuple(Evidence(d, v, score_text(region, v)) for d, v in zip(days[i:], values[i:], strict=True)),
        headline=f"{region.label}: pain for {how_long} without improving: see a doctor"
        + (" soon" if escalated else ""),
        message=advise(Severity.SEE_DOCTOR, facts, guidance, action),
        guidance=guidance,
        sources=(*sources, FARRAR_2001),
        subject=region.value,
        action=action,
    )


def radiating_pain(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    days = ix.days_in(*window(day, t.radiating_window_days))
    flags = []
    for region in ix.regions:
        reach = ix.reach[region]
        spread = [d for d in days if d in reach]
        below = [d for d in spread if reach[d] is Radiates.BELOW_KNEE]
        thigh = [d for d in spread if reach[d] in (Radiates.THIGH, Radiates.BELOW_KNEE)]
        if not below and len(thigh) < t.radiating_thigh_days:
            continue
        evidence = tuple(
            Evidence(d, ix.values[region][d], f"{score_text(region, ix.values[region][d])}, {reach[d].label.lower()}")
            for d in (thigh if not below else spread)
        )
        if below:
            facts = f"{region.label}: you logged pain spreading below the knee on {days_list(below)}."
            headline = f"{region.label}: pain spreading below the knee: see a doctor"
        else:
            facts = (
                f"{region.label}: you logged pain spreading down the thigh on {len(thigh)} of the last "
                f"{t.radiating_window_days} days ({days_list(thigh)})."
            )
            headline = (
                f"{region.label}: pain down the thigh on {len(thigh)} of the last {t.radiating_window_days} days: "
                "see a doctor"
            )
        guidance = (
            "Mayo Clinic: back pain that spreads down one or both legs, especially below the knee, should be seen by "
            "a doctor; NICE guidance covers assessing pain that spreads into the leg."
        )
        action = (
            f"{Severity.SEE_DOCTOR.action} If a leg also feels weak, get medical help today; with numbness around the "
            "genitals or buttocks, bladder or bowel changes, or pain or numbness in both legs, call an emergency "
            "number."
        )
        flags.append(
            Flag(
                rule="radiating_pain",
                severity=Severity.SEE_DOCTOR,
                region=region,
                since=evidence[0].day,
                evidence=evidence,
                headline=headline,
                message=advise(Severity.SEE_DOCTOR, facts, guidance, action),
                guidance=guidance,
                sources=(MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NICE_NG59),
                subject=region.value,
                action=action,
            )
        )
    return flags


def _against_earlier_week(
    ix: DayIndex, region: Region, day: date, t: FlagThresholds
) -> tuple[float, float, str, tuple[date, ...]] | None:
    """The last week against the week ``worsening_gap_days`` earlier: (before, now, what, days), or None."""
    recent_days = ix.days_in(*window(day, t.worsening_window_days))
    earlier_end = day - timedelta(days=t.worsening_gap_days)
    earlier_days = ix.days_in(*window(earlier_end, t.worsening_window_days))
    if not recent_days or not earlier_days:
        return None
    values = ix.values[region]
    earlier = [values[d] for d in earlier_days]
    if 2 * sum(v > 0 for v in earlier) < len(earlier):
        return None  # mostly pain-free before: this is new pain, not pain getting worse
    what = f"over the last {t.worsening_window_days} days, against the {t.worsening_window_days} days to " + short_day(
        earlier_end
    )
    return fmean(earlier), fmean(values[d] for d in recent_days), what, (*earlier_days, *recent_days)


def _within_the_fortnight(
    ix: DayIndex, region: Region, day: date, t: FlagThresholds
) -> tuple[float, float, str, tuple[date, ...]] | None:
    """Pain rising through the last ``worsening_gap_days`` (14): the last 3 check-ins with pain against the first
    3 with pain (steady new pain stays level, so it is not "worse"): (before, now, what, days)."""
    values = ix.values[region]
    days = [d for d in ix.days_in(*window(day, t.worsening_gap_days)) if values[d] > 0]
    if len(days) < 6:
        return None
    scores = [values[d] for d in days]
    what = f"over the last 3 days with pain, against the first 3 of the last {t.worsening_gap_days} days"
    return fmean(scores[:3]), fmean(scores[-3:]), what, tuple(days)


def worsening_pain(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    recent_days = ix.days_in(*window(day, t.worsening_window_days))
    flags = []
    for region in ix.regions:
        values = ix.values[region]
        if sum(values[d] >= t.pain_score for d in recent_days) < t.worsening_min_days:
            continue
        found = None
        for compare in (_against_earlier_week, _within_the_fortnight):
            result = compare(ix, region, day, t)
            if result is not None and result[1] - result[0] >= t.meaningful_change - EPS:
                found = result
                break
        if found is None:
            continue
        before, now, what, days = found
        guidance = (
            "NHS: see a GP when back pain is getting worse over time; Mayo Clinic: see a doctor when it gets "
            "progressively worse."
        )
        facts = (
            f"{region.label}: average pain {now:.1f}/10 {what} ({before:.1f}/10): up {now - before:.1f} points (a "
            f"change of {t.meaningful_change:g} points or more is one that matters)."
        )
        flags.append(
            Flag(
                rule="worsening_pain",
                severity=Severity.SEE_DOCTOR,
                region=region,
                since=(recent_days or days)[0],
                evidence=tuple(Evidence(d, values[d], score_text(region, values[d])) for d in days),
                headline=f"{region.label}: pain getting worse (up {now - before:.1f} points): see a doctor",
                message=advise(Severity.SEE_DOCTOR, facts, guidance),
                guidance=guidance,
                sources=(NHS_BACK_PAIN, MAYO_WHEN_TO_SEE, FARRAR_2001),
                subject=region.value,
                action=Severity.SEE_DOCTOR.action,
            )
        )
    return flags
