"""The published guidance each rule follows, and the rule descriptions for "About these flags".

Pages cited (the wording of the flags paraphrases them; it never names a diagnosis):

- NHS, "Back pain": most back pain starts to improve within a few weeks, often
  within two; get medical help the same day for numbness around the genitals or
  buttocks, new bladder or bowel trouble, weakness in the legs, a high
  temperature, or pain after a fall or injury; see a GP for pain that is worse at
  night, or with weight loss.
- Mayo Clinic, "When to see a doctor for back pain": see a doctor within 4 weeks
  when back pain has not improved with self-care, or has got progressively worse;
  sooner when it increases with rest or spreads down one or both legs.
- Mayo Clinic, "Back pain: symptoms and causes": pain spreading down a leg,
  especially below the knee; new bowel or bladder problems, fever, a fall or blow.
- Mayo Clinic, "Hamstring injury": see a provider if you cannot bear weight on the
  leg; a popping feeling, swelling and bruising go with worse injuries.
- NHS, "Hamstring injury": mild injuries settle in days; one taking longer than
  expected should be seen by a physiotherapist or GP.
- NICE guideline NG59, "Low back pain and sciatica in over 16s": oral NSAIDs at
  the lowest effective dose for the shortest possible time; assessment of pain
  that spreads into the leg.
- NHS, "Ibuprofen for adults": take the lowest dose for the shortest time; do not
  take it for more than 10 days for pain without speaking to a doctor.
- NHS, "Hip pain in adults": see a GP when hip pain has not improved after about
  two weeks of looking after it at home.
- Farrar JT et al. (2001), Pain 94(2):149-158: a change of about 2 points (30 %)
  on the 0-10 numeric rating scale is the smallest that matters to people.
- Nielsen RO et al. (2014), J Orthop Sports Phys Ther 44(10):739-747: weekly
  distance up by over 30 %; Frandsen JSB, ..., Nielsen RO (2025), Br J Sports Med
  59(17):1203: single runs far longer than the longest of the 30 days before.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.analysis.flags.model import Severity, Source
from journal.analysis.flags.thresholds import FlagThresholds

NHS_BACK_PAIN = Source("NHS", "Back pain", "https://www.nhs.uk/conditions/back-pain/")
MAYO_WHEN_TO_SEE = Source(
    "Mayo Clinic",
    "When to see a doctor for back pain",
    "https://www.mayoclinic.org/connected-care/when-to-see-a-doctor-for-back-pain/cpt-20470965",
)
MAYO_BACK_PAIN = Source(
    "Mayo Clinic",
    "Back pain: symptoms and causes",
    "https://www.mayoclinic.org/diseases-conditions/back-pain/symptoms-causes/syc-20369906",
)
MAYO_HAMSTRING = Source(
    "Mayo Clinic",
    "Hamstring injury",
    "https://www.mayoclinic.org/diseases-conditions/hamstring-injury/symptoms-causes/syc-20372985",
)
NHS_HAMSTRING = Source("NHS", "Hamstring injury", "https://www.nhs.uk/conditions/hamstring-injury/")
NICE_NG59 = Source("NICE", "Guideline NG59 on low back pain", "https://www.nice.org.uk/guidance/ng59")
NHS_HIP_PAIN = Source("NHS", "Hip pain in adults", "https://www.nhs.uk/conditions/hip-pain/")
NHS_IBUPROFEN = Source("NHS", "Ibuprofen for adults", "https://www.nhs.uk/medicines/ibuprofen-for-adults/")
FARRAR_2001 = Source(
    "Farrar et al., Pain 2001",
    "Clinical importance of changes in chronic pain intensity (0-10 scale)",
    "https://pubmed.ncbi.nlm.nih.gov/11690728/",
)
NIELSEN_2014 = Source(
    "Nielsen et al., JOSPT 2014",
    "Excessive progression in weekly running distance and risk of running-related injuries",
    "https://pubmed.ncbi.nlm.nih.gov/25155475/",
)
FRANDSEN_2025 = Source(
    "Frandsen et al., Br J Sports Med 2025",
    "How much running is too much? Identifying high-risk running sessions in a 5200-person cohort study",
    "https://bjsm.bmj.com/content/59/17/1203",
)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One rule as the "About these flags" page lists it."""

    rule: str
    title: str
    severity: str
    description: str
    sources: tuple[Source, ...]


def rule_descriptions(t: FlagThresholds | None = None) -> tuple[RuleInfo, ...]:
    """Every rule, in the words of the "About these flags" page, with ``t``'s numbers filled in."""
    t = t or FlagThresholds()
    share = f"{t.lingering_share * 100:.0f} %"
    change = f"{t.meaningful_change:g}"
    return (
        RuleInfo(
            "warning_sign",
            "Warning signs",
            f"{Severity.URGENT.label} / {Severity.SEE_DOCTOR.label}",
            f"Any of these ticked in the last {t.warning_sign_days} days means get medical help today: numbness "
            "around the genitals or buttocks, new bladder or bowel trouble, leg weakness, fever with back pain, "
            "pain after a fall or blow, cannot put weight on the leg. Pain worse at night, a popping feeling or "
            "bruising at the hamstring, and unexplained weight loss mean see a doctor.",
            (NHS_BACK_PAIN, MAYO_BACK_PAIN, MAYO_HAMSTRING),
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
            f"averaging under {t.pain_score}, clears it.",
            (NHS_BACK_PAIN, MAYO_WHEN_TO_SEE, FARRAR_2001),
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
            "rest_pain",
            "Pain that does not settle with rest",
            Severity.SEE_DOCTOR.label,
            f"Pain of {t.pain_score} or more on {t.rest_pain_days} or more rest days or night-time check-ins "
            f"(recorded 22:00-06:00) within {t.rest_pain_window_days} days.",
            (MAYO_WHEN_TO_SEE, NHS_BACK_PAIN),
        ),
        RuleInfo(
            "worsening_pain",
            "Worsening pain",
            Severity.SEE_DOCTOR.label,
            f"The average pain of a region over the last {t.worsening_window_days} days is {change} points or more "
            f"above its average {t.worsening_gap_days} days earlier, with pain of {t.pain_score} or more on at "
            f"least {t.worsening_min_days} of the recent days.",
            (MAYO_WHEN_TO_SEE, FARRAR_2001),
        ),
        RuleInfo(
            "painkiller_use",
            "Painkillers most days",
            Severity.WATCH.label,
            f"Painkillers logged on {t.painkiller_days} or more of the last {t.painkiller_window_days} days. "
            "Over-the-counter painkillers are meant for short-term use; ask a pharmacist or doctor before going on.",
            (NHS_IBUPROFEN, NICE_NG59),
        ),
        RuleInfo(
            "pain_after_jump",
            "Pain after a jump in running",
            Severity.WATCH.label,
            f"Pain of {t.pain_score} or more within {t.jump_window_days} days after a week whose distance rose by "
            f"over 30 % or a single run over {t.spike_pct:g} % longer than the month's longest, while the pain has "
            f"not settled (jumps of the last {t.jump_lookback_days} days). A reason to ease back; not a doctor's "
            "matter by itself.",
            (NIELSEN_2014, FRANDSEN_2025),
        ),
    )
