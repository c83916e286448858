"""``leg_numbness`` (see_doctor): numbness or tingling in a leg.

A region scored with the character "numbness" or "tingling / pins and needles" on a
check-in within ``numbness_window_days`` (14) of the day, where the region is a
leg: a hamstring, or the lower back or glute/hip with pain spreading down the thigh
or below the knee that day. Mayo Clinic: see a doctor when back pain causes
weakness, numbness or tingling in one or both legs; NICE NG59 covers assessing pain
that spreads into the leg. In *both* legs it is an emergency: the ``warning_sign``
rule raises the both-legs sign for that (``signs``).
"""

from __future__ import annotations

from datetime import date

from journal.analysis.flags.index import DayIndex, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NHS_BACK_PAIN, NICE_NG59
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list
from journal.domain.vocabulary import Radiates, Region

LEGS = (Region.HAMSTRING_LEFT, Region.HAMSTRING_RIGHT)
_INTO_THE_LEG = (Radiates.THIGH, Radiates.BELOW_KNEE)


def leg_numbness(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    first, last = window(day, t.numbness_window_days)
    flags = []
    for region in ix.regions:
        numb = ix.numb[region]
        reach = ix.reach[region]
        days = [d for d in ix.days_in(first, last) if d in numb and (region in LEGS or reach.get(d) in _INTO_THE_LEG)]
        if not days:
            continue
        what = {d: " and ".join(sorted(c.label.split(" /")[0].lower() for c in numb[d])) for d in days}
        where = region.label if region in LEGS else f"{region.label}, spreading into the leg"
        facts = f"{where}: you logged {what[days[-1]]} on {days_list(days)}."
        guidance = (
            "Mayo Clinic: see a doctor when back pain causes weakness, numbness or tingling in one or both legs; "
            "NICE guidance covers assessing pain that spreads into the leg."
        )
        action = (
            f"{Severity.SEE_DOCTOR.action} If the leg also becomes weak, get medical help today; if both legs are "
            "numb, tingling or weak, or you notice numbness around the genitals or buttocks, call an emergency number."
        )
        flags.append(
            Flag(
                rule="leg_numbness",
                severity=Severity.SEE_DOCTOR,
                region=region,
                since=days[0],
                evidence=tuple(Evidence(d, ix.values[region][d], f"{region.label}: {what[d]}") for d in days),
                headline=f"{region.label}: numbness or tingling in the leg: see a doctor",
                message=advise(Severity.SEE_DOCTOR, facts, guidance, action),
                guidance=guidance,
                sources=(MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NICE_NG59, NHS_BACK_PAIN),
                subject=region.value,
                action=action,
            )
        )
    return flags
