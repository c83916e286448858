"""One line of plain words per entry, shared by History, the report's dated log and anything else that lists them.

``run_summary``: distance (one decimal), duration with pace, effort, surface, shoes,
and "stopped for pain" when the run was cut short. ``checkin_summary``: the regions
that hurt with score, timing and spread, how much pain got in the way, and any
warning signs; a check-in of all zeros reads "No pain". ``care_summary``: a day's care in one
line, "Heat 20 min, ibuprofen 400 mg" (a painkiller is named by what was written for it).
"""

from __future__ import annotations

from collections.abc import Iterable

from journal.domain.entries import CareEntry, CheckIn, Run
from journal.domain.units import DistanceUnit, format_distance, format_duration, format_pace
from journal.domain.vocabulary import CareKind, Radiates


def run_summary(run: Run, unit: DistanceUnit) -> str:
    """'8.2 km in 45:00 (5:29 /km), effort 5/10, trail, Pegasus 40, stopped for pain'."""
    parts = [format_distance(run.distance_m, unit, 1)]
    if run.duration_s:
        parts.append(f"in {format_duration(run.duration_s)} ({format_pace(run.pace_s_per_km, unit)})")
    if run.effort is not None:
        parts.append(f"effort {run.effort}/10")
    if run.surface:
        parts.append(run.surface.label.lower())
    if run.shoe:
        parts.append(run.shoe)
    if run.stopped_for_pain:
        parts.append("stopped for pain")
    return ", ".join(parts)


def checkin_summary(checkin: CheckIn) -> str:
    """'Lower back 4/10 (next morning, down the thigh); got in the way 6/10. Warning signs: Fever'."""
    hurting = [s for s in checkin.scores if s.score > 0]
    if hurting:
        parts = []
        for s in hurting:
            extra = [s.timing.label.lower()] if s.timing else []
            extra += [c.label.split(" /")[0].lower() for c in s.character]
            if s.radiates and s.radiates is not Radiates.NONE:
                extra.append(s.radiates.label.lower())
            parts.append(f"{s.region.label} {s.score}/10" + (f" ({', '.join(extra)})" if extra else ""))
        text = "; ".join(parts)
    elif checkin.scores:
        text = (
            "No pain (all regions scored 0)"
            if len(checkin.scores) > 1
            else f"No pain ({checkin.scores[0].region.label.lower()} 0)"
        )
    else:
        text = ""
    if checkin.interference is not None:
        text += f"; got in the way {checkin.interference}/10" if text else f"Got in the way {checkin.interference}/10"
    if checkin.warning_signs:
        signs = "Warning signs: " + "; ".join(w.label for w in checkin.warning_signs)
        text = f"{text}. {signs}" if text else signs
    return text


def care_phrase(entry: CareEntry) -> str:
    """'Heat 20 min', 'ibuprofen 400 mg' (a painkiller's own words), 'Physio: hip mobility'."""
    if entry.kind is CareKind.PAINKILLER and entry.detail.strip():
        return entry.detail.strip()
    text = entry.kind.label + (f" {entry.minutes} min" if entry.minutes else "")
    return text + (f": {entry.detail.strip()}" if entry.detail.strip() else "")


def care_summary(entries: Iterable[CareEntry]) -> str:
    """A day's care in one line: 'Heat 20 min, ibuprofen 400 mg', starting with a capital."""
    text = ", ".join(care_phrase(e) for e in entries)
    return text[:1].upper() + text[1:]
