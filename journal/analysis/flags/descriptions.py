"""Every rule in the words of "About these flags", with its step of the ladder and its sources."""

from __future__ import annotations

from dataclasses import dataclass

from journal.analysis.flags.model import Severity, Source
from journal.analysis.flags.signs import SIGNS
from journal.analysis.flags.sources import (
    FARRAR_2001,
    FRANDSEN_2025,
    KREBS_2009,
    MAYO_BACK_PAIN,
    MAYO_HAMSTRING,
    MAYO_WHEN_TO_SEE,
    NHS_BACK_PAIN,
    NHS_HAMSTRING,
    NHS_IBUPROFEN,
    NHS_SPORTS_INJURIES,
    NICE_CKS_BACK_PAIN,
    NICE_NG59,
    NIELSEN_2014,
    SERLIN_1995,
)
from journal.analysis.flags.thresholds import FlagThresholds


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One rule as the "About these flags" page lists it."""

    rule: str
    title: str
    severity: str
    description: str
    sources: tuple[Source, ...]


def _signs(severity: Severity) -> str:
    return "; ".join(s.label.lower() for s, info in SIGNS.items() if info.severity is severity)


def rule_descriptions(t: FlagThresholds | None = None) -> tuple[RuleInfo, ...]:
    """Every rule, in the words of the "About these flags" page, with ``t``'s numbers filled in."""
    t = t or FlagThresholds()
    share = f"{t.lingering_share * 100:.0f} %"
    change = f"{t.meaningful_change:g}"
    until_acknowledged = (
        " It stays raised until you acknowledge it (“I have had this checked”), however old the entry is."
    )
    return (
        RuleInfo(
            "warning_sign",
            "Warning signs",
            f"{Severity.EMERGENCY.label} / {Severity.URGENT.label}",
            f"Call an emergency number or go to A&E now for: {_signs(Severity.EMERGENCY)}. Numbness or tingling "
            f"scored in both hamstrings counts as both legs. Get medical help today for: {_signs(Severity.URGENT)}."
            + until_acknowledged,
            (NHS_BACK_PAIN, NICE_CKS_BACK_PAIN, MAYO_BACK_PAIN, NHS_HAMSTRING, MAYO_HAMSTRING),
        ),
        RuleInfo(
            "upper_back_pain",
            "Pain between the shoulders",
            Severity.URGENT.label,
            f"Upper-back pain of {t.upper_back_score} or more: the NHS lists back pain coming from between the "
            "shoulders, rather than the lower back, for an urgent GP appointment or 111." + until_acknowledged,
            (NHS_BACK_PAIN, NICE_CKS_BACK_PAIN),
        ),
        RuleInfo(
            "rest_pain",
            "Back pain that does not settle with rest",
            Severity.URGENT.label,
            f"Lower- or upper-back pain of {t.pain_score} or more logged as “rest day” on {t.rest_pain_days} or more "
            f"days without a run within {t.rest_pain_window_days} days, and not easing by {change} points (pain "
            "during, right after, later on the day of a run or the next morning is soreness from running, not pain "
            "at rest)." + until_acknowledged,
            (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE),
        ),
        RuleInfo(
            "leg_numbness",
            "Numbness or tingling in a leg",
            Severity.SEE_DOCTOR.label,
            f"Numbness or tingling logged in a hamstring or the glute/hip, or with back pain spreading down the "
            f"thigh, in the last {t.numbness_window_days} days. Around the genitals or buttocks it is an emergency: "
            "tick that warning sign.",
            (MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NICE_NG59),
        ),
        RuleInfo(
            "radiating_pain",
            "Pain spreading down the leg",
            Severity.SEE_DOCTOR.label,
            f"Pain spreading below the knee on any day in the last {t.radiating_window_days} days, or down the "
            f"thigh on {t.radiating_thigh_days} or more days in that time.",
            (MAYO_BACK_PAIN, MAYO_WHEN_TO_SEE, NICE_NG59),
        ),
        RuleInfo(
            "severe_pain",
            "Very bad pain",
            Severity.SEE_DOCTOR.label,
            f"Pain of {t.severe_pain_score} or more (severe on the 0-10 scale) on {t.severe_pain_days} or more days "
            f"within {t.severe_pain_window_days} days, or {t.severe_pain_single_score} or more on any one day.",
            (NHS_BACK_PAIN, SERLIN_1995),
        ),
        RuleInfo(
            "pain_interference",
            "Pain getting in the way of daily life",
            Severity.SEE_DOCTOR.label,
            f"Pain got in the way of usual activities, running included, by {t.interference_score}/10 or more on "
            f"{t.interference_days} or more days within {t.interference_window_days} days (the activity question of "
            "the PEG scale). The NHS advises a GP when pain stops you doing your day-to-day activities.",
            (NHS_BACK_PAIN, KREBS_2009, SERLIN_1995),
        ),
        RuleInfo(
            "lingering_pain",
            "Lingering pain",
            Severity.SEE_DOCTOR.label,
            f"In one region, pain of {t.pain_score} or more on at least {share} of the days with a check-in, across "
            f"at least {t.lingering_days} days, without improving by {change} points or more between the first and "
            f"the last 3 check-ins (the smallest change that matters on the 0-10 scale). Most back pain starts to "
            f"fade within two weeks. After {t.lingering_escalate_days} days the message is firmer: see a doctor if "
            f"self-care has not helped within 4 weeks. Improving by {change} points, or the last 3 check-ins "
            f"averaging under {t.pain_score}, clears it; stopping logging does not.",
            (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE, FARRAR_2001),
        ),
        RuleInfo(
            "recurring_pain",
            "Pain that keeps coming back",
            Severity.SEE_DOCTOR.label,
            f"In one region, pain of {t.pain_score} or more on {t.recurring_days_per_week} or more days a week in "
            f"{t.recurring_weeks} or more of the last {t.recurring_lookback_weeks} weeks, this week included, "
            f"without easing by {change} points.",
            (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE, FARRAR_2001),
        ),
        RuleInfo(
            "worsening_pain",
            "Worsening pain",
            Severity.SEE_DOCTOR.label,
            f"Pain that rises: the average of the last {t.worsening_window_days} days is {change} points or more "
            f"above the average {t.worsening_gap_days} days earlier (when there was pain then), or the last 3 days "
            f"with pain of the last {t.worsening_gap_days} are {change} points above the first 3; with pain of "
            f"{t.pain_score} or more on at least {t.worsening_min_days} recent days. New pain that stays level is "
            "not “getting worse”.",
            (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE, FARRAR_2001),
        ),
        RuleInfo(
            "risk_factor_pain",
            "Back pain with a risk factor",
            Severity.SEE_DOCTOR.label,
            f"With a factor ticked in Settings (age over 50 with new back pain, a history of cancer, long-term "
            f"steroids, a weakened immune system): back pain of {t.pain_score} or more on {t.risk_pain_days} or more "
            f"days within {t.risk_window_days} days. The flag names the factor.",
            (NICE_CKS_BACK_PAIN, NICE_NG59, NHS_BACK_PAIN),
        ),
        RuleInfo(
            "painkiller_use",
            "Painkillers most days, or for weeks",
            f"{Severity.SEE_DOCTOR.label} / {Severity.WATCH.label}",
            f"Painkillers on {t.painkiller_long_days} or more of the last {t.painkiller_long_window_days} days: see a "
            f"doctor (the NHS says not to take ibuprofen for pain for more than 10 days without one). On "
            f"{t.painkiller_days} or more of the last {t.painkiller_window_days} days: talk to a pharmacist or doctor.",
            (NHS_IBUPROFEN, NICE_NG59),
        ),
        RuleInfo(
            "pain_during_run",
            "Pain during runs",
            Severity.WATCH.label,
            f"A run marked “stopped for pain”, or pain of {t.during_run_score} or more felt during a run, in the last "
            f"{t.during_run_window_days} days: take a break from running and let it settle.",
            (NHS_SPORTS_INJURIES,),
        ),
        RuleInfo(
            "pain_after_jump",
            "Pain after a jump in running",
            Severity.WATCH.label,
            f"Pain of {t.pain_score} or more within {t.jump_window_days} days after a jump in running: a week whose "
            f"distance rose by over 30 % (a big jump), or a spike of over {t.spike_pct:g} % (a run that much longer "
            "than the longest of the 30 days before; Trends and the report mark every spike over 10 %, this rule "
            f"only the larger ones), while the pain has not settled (jumps of the last {t.jump_lookback_days} days). "
            "A reason to ease back; not a doctor's matter by itself.",
            (NIELSEN_2014, FRANDSEN_2025),
        ),
    )
