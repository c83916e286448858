"""``warning_sign``: every warning sign, sign by sign, on the guidance's ladder; raised until acknowledged.

Severity of each sign, from the NHS back-pain page's lists, checked against NICE
(CKS red flags; NG59 1.1.1), Mayo Clinic and the NHS and Mayo pages on hamstring
injury; where they differ, the more urgent is taken:

- ``emergency`` (NHS: call 999 or go to A&E): numbness or tingling around the
  genitals or buttocks; difficulty peeing or loss of bladder or bowel control; pain,
  tingling, weakness or numbness in both legs; chest pain; pain that started after a
  serious accident, such as a car crash; new erection problems (NICE CKS lists sexual
  dysfunction with these signs).
- ``urgent`` (NHS: urgent GP appointment or 111; Mayo: seek immediate care): weakness
  in a leg; fever; pain after a fall or a blow to the back; a lump or swelling, or a
  change in the back's shape; pain worse on coughing, sneezing or pooing; pain worse
  at night or not easing with rest; pain that stops sleep (it is worse at night);
  unexplained weight loss; and, for the hamstring, not being able to put weight on
  the leg, or a pop or sudden bruising (NHS: urgent treatment centre; Mayo: call the
  doctor).

Numbness or tingling scored in *both* hamstrings on one check-in is the both-legs
sign too, found rather than ticked (see ``persistent`` for what that changes).
One flag per sign; no region (a sign belongs to the person). Each sign flag stays
raised until acknowledged (``persistent``).
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.analysis.flags.index import DayIndex
from journal.analysis.flags.model import Evidence, Flag, Severity, Source
from journal.analysis.flags.persistent import Occurrence, merged_evidence
from journal.analysis.flags.sources import (
    MAYO_BACK_PAIN,
    MAYO_HAMSTRING,
    MAYO_WHEN_TO_SEE,
    NHS_BACK_PAIN,
    NHS_HAMSTRING,
    NICE_CKS_BACK_PAIN,
)
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list
from journal.domain.vocabulary import WarningSign

RULE = "warning_sign"


@dataclass(frozen=True, slots=True)
class SignGuidance:
    severity: Severity
    guidance: str
    sources: tuple[Source, ...]
    extra: str = ""
    """A further sentence of advice after the action (e.g. when it becomes an emergency)."""


_EMERGENCY, _URGENT = Severity.EMERGENCY, Severity.URGENT
SIGNS: dict[WarningSign, SignGuidance] = {
    WarningSign.SADDLE_NUMBNESS: SignGuidance(
        _EMERGENCY,
        "NHS: with back pain, numbness or tingling around the genitals or buttocks needs 999 or A&E straight away.",
        (NHS_BACK_PAIN, NICE_CKS_BACK_PAIN),
    ),
    WarningSign.BLADDER_BOWEL: SignGuidance(
        _EMERGENCY,
        "NHS: with back pain, difficulty peeing or losing control of the bladder or bowel needs 999 or A&E straight "
        "away (Mayo Clinic: seek immediate care).",
        (NHS_BACK_PAIN, MAYO_BACK_PAIN, NICE_CKS_BACK_PAIN),
    ),
    WarningSign.BOTH_LEGS: SignGuidance(
        _EMERGENCY,
        "NHS: with back pain, pain, tingling, weakness or numbness in both legs needs 999 or A&E straight away.",
        (NHS_BACK_PAIN, NICE_CKS_BACK_PAIN),
    ),
    WarningSign.CHEST_PAIN: SignGuidance(
        _EMERGENCY, "NHS: back pain with chest pain needs 999 or A&E straight away.", (NHS_BACK_PAIN,)
    ),
    WarningSign.ERECTION_PROBLEMS: SignGuidance(
        _EMERGENCY,
        "NICE lists new problems getting or keeping an erection, with back pain, among the signs that need "
        "emergency assessment, together with numbness around the genitals and bladder or bowel changes.",
        (NICE_CKS_BACK_PAIN, NHS_BACK_PAIN),
    ),
    WarningSign.SERIOUS_ACCIDENT: SignGuidance(
        _EMERGENCY,
        "NHS: back pain that started after a serious accident, such as a car accident, needs 999 or A&E.",
        (NHS_BACK_PAIN,),
    ),
    WarningSign.LEG_WEAKNESS: SignGuidance(
        _URGENT,
        "Mayo Clinic and NICE: back pain with weakness in a leg should be seen promptly. If both legs are weak, "
        "that is an emergency (NHS).",
        (MAYO_WHEN_TO_SEE, NICE_CKS_BACK_PAIN, NHS_BACK_PAIN),
        "If both legs are weak or numb, call an emergency number instead.",
    ),
    WarningSign.FEVER: SignGuidance(
        _URGENT,
        "NHS: back pain with a very high temperature, or feeling hot and shivery, needs an urgent GP appointment or "
        "111 (Mayo Clinic: seek immediate care).",
        (NHS_BACK_PAIN, MAYO_BACK_PAIN),
    ),
    WarningSign.FALL_OR_BLOW: SignGuidance(
        _URGENT,
        "Mayo Clinic: back pain after a fall, a blow to the back or another injury needs immediate care; NHS: after "
        "a serious accident, such as a car accident, call 999 or go to A&E.",
        (MAYO_BACK_PAIN, NHS_BACK_PAIN),
        "If it was a serious accident, such as a car crash, call an emergency number instead.",
    ),
    WarningSign.SWELLING_OR_DEFORMITY: SignGuidance(
        _URGENT,
        "NHS: a lump or swelling in the back, or a change in its shape, needs an urgent GP appointment or 111.",
        (NHS_BACK_PAIN,),
    ),
    WarningSign.WORSE_ON_COUGH_SNEEZE: SignGuidance(
        _URGENT,
        "NHS: back pain made worse by sneezing, coughing or pooing needs an urgent GP appointment or 111.",
        (NHS_BACK_PAIN,),
    ),
    WarningSign.NIGHT_PAIN: SignGuidance(
        _URGENT,
        "NHS: back pain that does not improve after resting or is worse at night needs an urgent GP appointment or "
        "111 (Mayo Clinic: see a doctor).",
        (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE),
    ),
    WarningSign.PAIN_STOPS_SLEEP: SignGuidance(
        _URGENT,
        "NHS: back pain that is worse at night, so that it keeps you awake, needs an urgent GP appointment or 111.",
        (NHS_BACK_PAIN,),
    ),
    WarningSign.WEIGHT_LOSS: SignGuidance(
        _URGENT,
        "NHS: back pain with weight loss you cannot explain needs an urgent GP appointment or 111 (Mayo Clinic: see "
        "a doctor).",
        (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE),
    ),
    WarningSign.CANNOT_BEAR_WEIGHT: SignGuidance(
        _URGENT,
        "NHS: go to an urgent treatment centre if you cannot walk or put weight on the injured leg; Mayo Clinic: "
        "call the doctor if you cannot walk more than four steps without a lot of pain.",
        (NHS_HAMSTRING, MAYO_HAMSTRING),
    ),
    WarningSign.POPPING_OR_BRUISING: SignGuidance(
        _URGENT,
        "NHS: a pop or snap at the time of a hamstring injury, or sudden bruising or swelling, needs an urgent "
        "treatment centre; Mayo Clinic: these go with the more serious injuries.",
        (NHS_HAMSTRING, MAYO_HAMSTRING),
    ),
}


def sign_occurrences(ix: DayIndex, _t: FlagThresholds) -> list[Occurrence]:
    """Every tick of a sign, and every check-in with numbness or tingling in both hamstrings (both legs)."""
    out = [
        Occurrence(RULE, tick.sign.value, tick.when, (Evidence(tick.when.date(), None, tick.sign.label),))
        for tick in ix.ticks
    ]
    out += [
        Occurrence(
            RULE,
            WarningSign.BOTH_LEGS.value,
            when,
            (Evidence(when.date(), None, "Numbness or tingling in both hamstrings"),),
            explicit=False,
        )
        for when in ix.both_leg_numbness
    ]
    return out


def sign_flag(occurrences: tuple[Occurrence, ...]) -> Flag:
    """The flag of one sign's episode: the action first, then what was logged and what the guidance says."""
    sign = WarningSign(occurrences[0].subject)
    info = SIGNS[sign]
    evidence = merged_evidence(occurrences)
    days = sorted({e.day for e in evidence})
    ticked = [o for o in occurrences if o.explicit]
    if ticked:
        logged = f"You ticked “{sign.label.lower()}” on {days_list(sorted({o.when.date() for o in ticked}))}."
    else:
        logged = f"You logged numbness or tingling in both hamstrings on {days_list(days)}."
    action = " ".join(filter(None, [info.severity.action, info.extra]))
    return Flag(
        rule=RULE,
        severity=info.severity,
        region=None,
        since=days[0],
        evidence=evidence,
        headline=f"{sign.label} ({days_list(days[-1:])}): {_headline_action(info.severity)}",
        message=advise(info.severity, logged, info.guidance, action),
        guidance=info.guidance,
        sources=info.sources,
        subject=sign.value,
        action=action,
        persistent=True,
    )


def _headline_action(severity: Severity) -> str:
    if severity is Severity.EMERGENCY:
        return "call an emergency number or go to A&E now"
    return "get medical help today"
