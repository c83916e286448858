"""``pain_during_run`` (watch): runs cut short by pain, or strong pain felt during runs: take a break.

Raised when, within ``during_run_window_days`` (14) of the day, a run was marked
"stopped for pain", or a check-in scored pain of ``during_run_score`` (5) or more
with the timing "during the run". The advice behind this app: soreness after a run
usually settles with rest; when pain stops a run, take a break from running and let
it settle (NHS, "Sports injuries": stop and rest when it hurts, and return gradually).
It is a reason to ease off, not a doctor's matter by itself; the other flags say when
it is. Judged as of the latest run or check-in (a gap is not recovery).
"""

from __future__ import annotations

from datetime import date

from journal.analysis.flags.index import DayIndex, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import NHS_SPORTS_INJURIES
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list, plural
from journal.domain.units import format_distance

ACTION = (
    "Take a break from running and let the pain settle; come back with shorter, easier runs. If pain keeps stopping "
    "your runs, see a doctor or physiotherapist."
)


def pain_during_run(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    first, last = window(day, t.during_run_window_days)
    stopped = [r for r in ix.stopped_runs if first <= r.day <= last]
    evidence = [
        Evidence(r.day, None, f"Run of {format_distance(r.distance_m, ix.units, 1)} cut short by pain") for r in stopped
    ]
    strong = []
    for region in ix.regions:
        for d, v in ix.during_run[region].items():
            if first <= d <= last and v >= t.during_run_score:
                evidence.append(Evidence(d, v, f"{region.label} {v}/10 during the run"))
                strong.append(d)
    if not evidence:
        return []
    evidence.sort(key=lambda e: e.day)
    parts = []
    if stopped:
        parts.append(f"{plural(len(stopped), 'run')} cut short by pain ({days_list([r.day for r in stopped])})")
    if strong:
        parts.append(f"pain of {t.during_run_score} or more during runs on {days_list(sorted(set(strong)))}")
    facts = f"In the last {t.during_run_window_days} days: " + "; ".join(parts) + "."
    guidance = (
        "Soreness after a run usually settles with rest; pain that stops a run is a reason to take a break. NHS: stop "
        "and rest when exercise hurts, and return gradually."
    )
    headline = "Pain stopping your runs: take a break" if stopped else "Strong pain during runs: take a break"
    return [
        Flag(
            rule="pain_during_run",
            severity=Severity.WATCH,
            region=None,
            since=evidence[0].day,
            evidence=tuple(evidence),
            headline=headline,
            message=advise(Severity.WATCH, facts, guidance, ACTION),
            guidance=guidance,
            sources=(NHS_SPORTS_INJURIES,),
            action=ACTION,
        )
    ]
