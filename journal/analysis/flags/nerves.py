"""``leg_numbness`` (see_doctor): numbness or tingling in a leg.

A region scored with the character "numbness" or "tingling / pins and needles" on a
check-in within ``numbness_window_days`` (14) of the day, where the region is a
leg or the buttock: a hamstring, the glute/hip, or the lower back with pain spreading
down the thigh or below the knee that day. Mayo Clinic: see a doctor when back pain
causes weakness, numbness or tingling in one or both legs; NICE NG59 covers assessing
pain that spreads into the leg. In *both* legs it is an emergency: the ``warning_sign``
rule raises the both-legs sign for that (``signs``); so is numbness around the
genitals or buttocks (the saddle area), which the glute/hip message says plainly
(the person ticks that sign when it is where they would sit on a saddle).
"""

from __future__ import annotations

from datetime import date

from journal.analysis.flags.index import LEGS, DayIndex, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NHS_BACK_PAIN, NICE_NG59
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list
from journal.domain.vocabulary import Radiates, Region

_INTO_THE_LEG = (Radiates.THIGH, Radiates.BELOW_KNEE)
_ALWAYS = (*LEGS, Region.GLUTE_HIP)


def leg_numbness(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    first, last = window(day, t.numbness_window_days)
    flags = []
    for region in ix.regions:
        numb = ix.numb[region]
        reach = ix.reach[region]
        days = [
            d for d in ix.days_in(first, last) if d in numb and (region in _ALWAYS or reach.get(d) in _INTO_THE_LEG)
        ]
        if not days:
            continue
        what = {d: " and ".join(sorted(c.label.split(" /")[0].lower() for c in numb[d])) for d in days}
        where = region.label if region in _ALWAYS else f"{region.label}, spreading into the leg"
        facts = f"{where}: you logged {what[days[-1]]} on {days_list(days)}."
        guidance = (
            "Mayo Clinic: see a doctor when back pain causes weakness, numbness or tingling in one or both legs; "
            "NICE guidance covers assessing pain that spreads into the leg."
        )
        action = (
            f"{Severity.SEE_DOCTOR.action} If the leg also becomes weak, get medical help today; if both legs are "
            "numb, tingling or weak, or you notice numbness around the genitals or buttocks, call an emergency number."
        )
        if region is Region.GLUTE_HIP:
            action = (
                "If the numbness or tingling is around your genitals or buttocks, where you would sit on a saddle, "
                f"call an emergency number now. Otherwise: {action}"
            )
        flags.append(
            Flag(
                rule="leg_numbness",
                severity=Severity.SEE_DOCTOR,
                region=region,
                since=days[0],
                evidence=tuple(Evidence(d, ix.values[region][d], f"{region.label}: {what[d]}") for d in days),
                headline=f"{region.label}: numbness or tingling{'' if region is Region.GLUTE_HIP else ' in the leg'}: "
                "see a doctor",
                message=advise(Severity.SEE_DOCTOR, facts, guidance, action),
                guidance=guidance,
                sources=(MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NICE_NG59, NHS_BACK_PAIN),
                subject=region.value,
                action=action,
            )
        )
    return flags
