"""Rules over ticked warning signs and painkiller days.

- ``warning_sign``: a warning sign ticked on a check-in of the last
  ``warning_sign_days`` days (7). Numbness around the genitals or buttocks, new
  bladder or bowel trouble, leg weakness, fever, pain after a fall or blow, and
  not being able to put weight on the leg are ``urgent`` (NHS and Mayo Clinic on
  back pain; Mayo Clinic on hamstring injury). Pain worse at night, a popping
  feeling or bruising at the hamstring, and unexplained weight loss are
  ``see_doctor``. One flag per sign; no region (a sign belongs to the person).
- ``painkiller_use`` (watch): painkillers logged on ``painkiller_days`` (7) or more of
  the last ``painkiller_window_days`` (10) days (NHS on ibuprofen; NICE NG59).
"""

from __future__ import annotations

from datetime import date

from journal.analysis.flags.index import DayIndex, window
from journal.analysis.flags.model import Evidence, Flag, Severity, Source
from journal.analysis.flags.sources import (
    MAYO_BACK_PAIN,
    MAYO_HAMSTRING,
    MAYO_WHEN_TO_SEE,
    NHS_BACK_PAIN,
    NHS_HAMSTRING,
    NHS_IBUPROFEN,
    NICE_NG59,
)
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import days_list, finish
from journal.domain.vocabulary import WarningSign

URGENT_SIGNS = frozenset(
    {
        WarningSign.SADDLE_NUMBNESS,
        WarningSign.BLADDER_BOWEL,
        WarningSign.LEG_WEAKNESS,
        WarningSign.FEVER,
        WarningSign.FALL_OR_BLOW,
        WarningSign.CANNOT_BEAR_WEIGHT,
    }
)

_SIGN_GUIDANCE: dict[WarningSign, tuple[str, tuple[Source, ...]]] = {
    WarningSign.SADDLE_NUMBNESS: (
        "NHS: with back pain, numbness or tingling around the genitals or buttocks needs medical help straight away.",
        (NHS_BACK_PAIN, MAYO_BACK_PAIN),
    ),
    WarningSign.BLADDER_BOWEL: (
        "NHS and Mayo Clinic: back pain with new bladder or bowel trouble needs medical help straight away.",
        (NHS_BACK_PAIN, MAYO_BACK_PAIN),
    ),
    WarningSign.LEG_WEAKNESS: (
        "NHS and Mayo Clinic: back pain with weakness in a leg needs a doctor's attention the same day.",
        (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE),
    ),
    WarningSign.FEVER: (
        "NHS and Mayo Clinic: back pain with a high temperature needs a doctor's attention the same day.",
        (NHS_BACK_PAIN, MAYO_BACK_PAIN),
    ),
    WarningSign.FALL_OR_BLOW: (
        "Mayo Clinic: back pain that follows a fall, a blow to the back or another injury needs prompt care.",
        (MAYO_BACK_PAIN, NHS_BACK_PAIN),
    ),
    WarningSign.CANNOT_BEAR_WEIGHT: (
        "Mayo Clinic: see a doctor if you cannot put weight on the injured leg or cannot walk more than four "
        "steps without a lot of pain.",
        (MAYO_HAMSTRING, NHS_HAMSTRING),
    ),
    WarningSign.NIGHT_PAIN: (
        "NHS and Mayo Clinic: back pain that is worse at night or does not ease with rest should be checked by a "
        "doctor.",
        (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE),
    ),
    WarningSign.POPPING_OR_BRUISING: (
        "Mayo Clinic: a popping feeling, swelling or bruising at the back of the thigh go with more serious "
        "hamstring injuries, which a doctor should see.",
        (MAYO_HAMSTRING, NHS_HAMSTRING),
    ),
    WarningSign.WEIGHT_LOSS: (
        "NHS and Mayo Clinic: back pain with weight loss you cannot explain should be checked by a doctor soon.",
        (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE),
    ),
}


def warning_signs(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    first, last = window(day, t.warning_sign_days)
    flags = []
    for sign in WarningSign:
        dates = ix.dates_in(ix.signs.get(sign, []), first, last)
        if not dates:
            continue
        urgent = sign in URGENT_SIGNS
        guidance, sources = _SIGN_GUIDANCE[sign]
        logged = f"You ticked “{sign.label.lower()}” on {days_list(dates)}."
        if urgent:
            action = (
                "Get medical help today: contact your doctor or an urgent care service now, and call an "
                "emergency number if it is severe or getting worse."
            )
            headline = f"{sign.label} ({days_list(dates[-1:])}): get medical help today"
        else:
            action = "See a doctor: book an appointment soon and show them this journal."
            headline = f"{sign.label} ({days_list(dates[-1:])}): see a doctor"
        flags.append(
            Flag(
                rule="warning_sign",
                severity=Severity.URGENT if urgent else Severity.SEE_DOCTOR,
                region=None,
                since=dates[0],
                evidence=tuple(Evidence(d, None, sign.label) for d in dates),
                headline=headline,
                message=finish(logged, guidance, action),
                guidance=guidance,
                sources=sources,
                subject=sign.value,
            )
        )
    return flags


def painkiller_use(ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
    first, last = window(day, t.painkiller_window_days)
    dates = ix.dates_in(ix.painkiller_days, first, last)
    if len(dates) < t.painkiller_days:
        return []
    guidance = (
        "Over-the-counter painkillers are meant for short-term use: NHS advice on ibuprofen is not to take it for "
        "more than 10 days for pain without speaking to a doctor, and NICE advises the lowest dose for the "
        "shortest time."
    )
    message = finish(
        f"You logged painkillers on {len(dates)} of the last {t.painkiller_window_days} days.",
        guidance,
        "Talk to a pharmacist or doctor about the pain and the painkillers before carrying on.",
    )
    return [
        Flag(
            rule="painkiller_use",
            severity=Severity.WATCH,
            region=None,
            since=dates[0],
            evidence=tuple(Evidence(d, None, _painkiller(ix.painkillers[d])) for d in dates),
            headline=f"Painkillers on {len(dates)} of the last {t.painkiller_window_days} days: talk to a pharmacist "
            "or doctor",
            message=message,
            guidance=guidance,
            sources=(NHS_IBUPROFEN, NICE_NG59),
        )
    ]


def _painkiller(detail: str) -> str:
    return f"Painkiller: {detail.strip()}" if detail.strip() else "Painkiller"
