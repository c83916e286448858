"""``risk_factor_pain`` (see_doctor): back pain in someone whose risk profile lowers the bar for a doctor.

The optional risk profile in Settings (``journal.domain.settings.RiskProfile``):
age over 50 with new back pain, a history of cancer, long-term steroid tablets, a
weakened immune system. NICE CKS lists these among the red flags for low back pain
(NICE NG59 1.1.1: be alert to cancer, infection and fracture). With any of them,
back pain (lower or upper
back) of ``pain_score`` (3) or more on ``risk_pain_days`` (2) or more check-in days
within ``risk_window_days`` (14) is worth a doctor's look now, rather than after the
weeks the lingering rule waits.

"Age over 50 with *new* back pain": the stretch of back pain the days belong to
(painful back days with gaps shorter than ``risk_new_pain_days``, 365) began when the
person was 50 or older (by their date of birth; when only the box is ticked, the
stretch is taken as new). The flag names the factors it used.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from journal.analysis.flags.index import BACK, DayIndex, window
from journal.analysis.flags.model import Evidence, Flag, Severity
from journal.analysis.flags.sources import NHS_BACK_PAIN, NICE_CKS_BACK_PAIN, NICE_NG59
from journal.analysis.flags.thresholds import FlagThresholds
from journal.analysis.flags.wording import advise, days_list
from journal.domain.settings import RiskFactor, RiskProfile


class RiskFactorPain:
    """The rule for one risk profile; it keeps the stretches of back pain it has worked out."""

    def __init__(self, risk: RiskProfile) -> None:
        self.risk = risk
        self._stretches: dict[tuple[int, int, int], tuple[list[date], list[date]]] = {}

    def __call__(self, ix: DayIndex, day: date, t: FlagThresholds) -> list[Flag]:
        factors = list(self.risk.factors_on(day))
        if not factors:
            return []
        days, starts = self._back_pain(ix, t)
        first, last = window(day, t.risk_window_days)
        recent = ix.dates_in(days, first, last)
        if len(recent) < t.risk_pain_days:
            return []
        if RiskFactor.OVER_50 in factors:
            began = starts[bisect_left(days, recent[0])]
            if self.risk.date_of_birth is not None and not self.risk.applies(RiskFactor.OVER_50, began):
                factors.remove(RiskFactor.OVER_50)  # this stretch of back pain began before 50: not new
        if not factors:
            return []
        named = _join([f.label for f in factors])
        facts = (
            f"Back pain of {t.pain_score} or more on {len(recent)} of the last {t.risk_window_days} days "
            f"({days_list(recent)}), and your risk profile in Settings notes {named}."
        )
        guidance = (
            "NICE: with back pain, age over 50 with new pain, a history of cancer, long-term steroids or a weakened "
            "immune system are reasons for a doctor to assess it sooner."
        )
        values = {d: max(ix.values[r].get(d, 0) for r in BACK if r in ix.values) for d in recent}
        return [
            Flag(
                rule="risk_factor_pain",
                severity=Severity.SEE_DOCTOR,
                region=None,
                since=recent[0],
                evidence=tuple(Evidence(d, values[d], f"Back pain {values[d]}/10") for d in recent),
                headline=f"Back pain with {factors[0].label}: see a doctor",
                message=advise(Severity.SEE_DOCTOR, facts, guidance),
                guidance=guidance,
                sources=(NICE_CKS_BACK_PAIN, NICE_NG59, NHS_BACK_PAIN),
                action=Severity.SEE_DOCTOR.action,
                risk_factors=tuple(factors),
            )
        ]

    def _back_pain(self, ix: DayIndex, t: FlagThresholds) -> tuple[list[date], list[date]]:
        """Painful back days, oldest first, and for each the first day of its stretch of back pain."""
        key = (id(ix), t.pain_score, t.risk_new_pain_days)
        found = self._stretches.get(key)
        if found is None:
            days = [d for d in ix.days if any(r in ix.values and ix.values[r][d] >= t.pain_score for r in BACK)]
            starts: list[date] = []
            for i, d in enumerate(days):
                new = i == 0 or (d - days[i - 1]).days >= t.risk_new_pain_days
                starts.append(d if new else starts[-1])
            found = self._stretches[key] = (days, starts)
        return found


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
