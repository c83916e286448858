"""``painkiller_use``: painkillers most days, or regularly over weeks.

- watch: painkillers logged on ``painkiller_days`` (7) or more of the last
  ``painkiller_window_days`` (10) days.
- see_doctor: painkillers on ``painkiller_long_days`` (10) or more of the last
  ``painkiller_long_window_days`` (28) days, which catches regular use over weeks
  (3 days a week for a month is 12 days). NHS, "Ibuprofen for adults": do not take it
  for more than 10 days for pain without speaking to a doctor; NICE NG59: the lowest
  effective dose for the shortest possible time. Over-the-counter painkillers are
  meant for short-term use.

Judged as of the latest day with a check-in or care logged (a gap is not recovery).
"""

from __future__ import annotations

from datetime import date

from journal.analysis.flags.index import DayIndex, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import NHS_IBUPROFEN, NICE_NG59
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise

GUIDANCE = (
    "Over-the-counter painkillers are meant for short-term use: NHS advice on ibuprofen is not to take it for more "
    "than 10 days for pain without speaking to a doctor, and NICE advises the lowest dose for the shortest time."
)


def painkiller_use(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    long_dates = ix.dates_in(ix.painkiller_days, *window(day, t.painkiller_long_window_days))
    short_dates = ix.dates_in(ix.painkiller_days, *window(day, t.painkiller_window_days))
    if len(long_dates) >= t.painkiller_long_days:
        severity, dates, span = Severity.SEE_DOCTOR, long_dates, t.painkiller_long_window_days
        action = (
            "See a doctor about the pain before taking painkillers for longer: book an appointment and take this "
            "journal along."
        )
        headline = f"Painkillers on {len(dates)} of the last {span} days: see a doctor"
    elif len(short_dates) >= t.painkiller_days:
        severity, dates, span = Severity.WATCH, short_dates, t.painkiller_window_days
        action = "Talk to a pharmacist or doctor about the pain and the painkillers before carrying on."
        headline = f"Painkillers on {len(dates)} of the last {span} days: talk to a pharmacist or doctor"
    else:
        return []
    facts = f"You logged painkillers on {len(dates)} of the last {span} days."
    return [
        Flag(
            rule="painkiller_use",
            severity=severity,
            region=None,
            since=dates[0],
            evidence=tuple(Evidence(d, None, _painkiller(ix.painkillers[d])) for d in dates),
            headline=headline,
            message=advise(severity, facts, GUIDANCE, action),
            guidance=GUIDANCE,
            sources=(NHS_IBUPROFEN, NICE_NG59),
            action=action,
        )
    ]


def _painkiller(detail: str) -> str:
    return f"Painkiller: {detail.strip()}" if detail.strip() else "Painkiller"
