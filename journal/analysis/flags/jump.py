"""``pain_after_jump`` (watch): pain soon after a sudden jump in running, while it has not settled.

A jump is a ``big_jump`` week (distance up over 30 % on the week before, Nielsen
et al. 2014; ``journal.analysis.weekly``) or a single run over ``spike_pct`` (30) %
longer than the longest of the 30 days before (Frandsen et al. 2025;
``journal.analysis.spikes``). The flag is raised in a region when a check-in from
the jump's first day to ``jump_window_days`` (7) after its last day scored the
region >= ``pain_score`` (3), the jump ended at most ``jump_lookback_days`` (28)
ago, and the region's latest check-in since the jump still scores >= 3 (the pain
has not settled). Days, not hours: a check-in earlier on the day of a spike run
counts too. Judged as of the latest check-in (a gap is not recovery). Advice: ease
back; not a doctor's matter by itself.
"""

from __future__ import annotations

from datetime import date, timedelta

from journal.analysis.flags.index import DayIndex, LoadEvent
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import FRANDSEN_2025, NIELSEN_2014
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list, short_day
from journal.domain.vocabulary import Region


def pain_after_jump(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    found: dict[Region, tuple[list[LoadEvent], set[date]]] = {}
    for event in ix.load_events:
        if event.start > day or (day - event.end).days > t.jump_lookback_days:
            continue
        window_end = min(event.end + timedelta(days=t.jump_window_days), day)
        in_window = ix.days_in(event.start, window_end)
        since_jump = ix.days_in(event.start, day)
        if not in_window:
            continue
        for region in ix.regions:
            values = ix.values[region]
            painful = [d for d in in_window if values[d] >= t.pain_score]
            if painful and values[since_jump[-1]] >= t.pain_score:
                events, days = found.setdefault(region, ([], set()))
                events.append(event)
                days.update(painful)
    flags = []
    for region, (events, days) in found.items():
        painful = sorted(days)
        values = ix.values[region]
        jumps = " ".join(f"{_when(e)}: {e.what}." for e in events)
        guidance = (
            "Pain that follows a sudden rise in weekly distance, or a run far longer than usual, is a reason to ease "
            "back (Nielsen et al. 2014; Frandsen et al. 2025)."
        )
        facts = (
            f"{region.label}: pain of {t.pain_score} or more on {days_list(painful)}, within "
            f"{t.jump_window_days} days after a jump in running. {jumps}"
        )
        action = (
            "Ease back towards the distance you ran before the jump and let the pain settle. This is not a doctor's "
            "matter by itself; the other flags say when it is."
        )
        flags.append(
            Flag(
                rule="pain_after_jump",
                severity=Severity.WATCH,
                region=region,
                since=painful[0],
                evidence=tuple(
                    sorted(
                        [Evidence(e.start, None, e.what) for e in events]
                        + [Evidence(d, values[d], f"{region.label} {values[d]}/10") for d in painful],
                        key=lambda e: e.day,
                    )
                ),
                headline=f"{region.label}: pain after a jump in running: ease back",
                message=advise(Severity.WATCH, facts, guidance, action),
                guidance=guidance,
                sources=(NIELSEN_2014, FRANDSEN_2025),
                subject=region.value,
                action=action,
            )
        )
    return flags


def _when(event: LoadEvent) -> str:
    if event.start == event.end:
        return short_day(event.start)
    return f"Week of {short_day(event.start)}"
