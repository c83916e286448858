"""Every threshold of the flag rules, with its default and where the default comes from, stored as journal settings.

The thresholds live in the journal's key/value settings table under keys
``flags.<field>`` (``Journal.raw_settings()`` / ``save_raw_settings()``), so a
backup or another computer carries them along. A stored value that cannot be
read, or is out of its range, falls back to the default: a typo in a setting
must never silence a flag. Keys of thresholds that no longer exist are ignored.

Each threshold's ``Limit`` names its source: a published page or paper (the
``sources`` module lists them), or "app default" where the guidance gives a
direction but no number (e.g. "pain that keeps coming back over several weeks").
"About these flags" shows both and lets the person change the value.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

PREFIX = "flags."
APP_DEFAULT = "app default"
"""The source of a number the guidance does not give; the person can change it in "About these flags"."""


@dataclass(frozen=True, slots=True)
class Limit:
    """Range, wording and source of one threshold, for validation and the "About these flags" page."""

    low: float
    high: float
    label: str
    unit: str = ""
    source: str = APP_DEFAULT


@dataclass(frozen=True, slots=True)
class FlagThresholds:
    """The numbers the rules use; ``LIMITS`` gives each one's range and source."""

    pain_score: int = 3
    """Pain of this much or more (0-10 scale) counts as pain in the lingering, recurring, rest and jump rules."""
    meaningful_change: float = 2.0
    """The smallest change on the 0-10 scale that matters to a person (Farrar et al. 2001)."""
    lingering_days: int = 14
    lingering_share: float = 0.70
    lingering_escalate_days: int = 28
    lingering_min_checkins: int = 3
    lingering_lookback_days: int = 91
    recurring_days_per_week: int = 3
    recurring_weeks: int = 4
    recurring_lookback_weeks: int = 6
    severe_pain_score: int = 7
    severe_pain_days: int = 2
    severe_pain_window_days: int = 7
    severe_pain_single_score: int = 9
    interference_score: int = 7
    interference_days: int = 3
    interference_window_days: int = 14
    radiating_window_days: int = 14
    radiating_thigh_days: int = 3
    numbness_window_days: int = 14
    upper_back_score: int = 3
    rest_pain_days: int = 3
    rest_pain_window_days: int = 7
    worsening_window_days: int = 7
    worsening_gap_days: int = 14
    worsening_min_days: int = 3
    painkiller_days: int = 7
    painkiller_window_days: int = 10
    painkiller_long_days: int = 10
    painkiller_long_window_days: int = 28
    during_run_score: int = 5
    during_run_window_days: int = 14
    risk_pain_days: int = 2
    risk_window_days: int = 14
    risk_new_pain_days: int = 365
    jump_window_days: int = 7
    jump_lookback_days: int = 28
    spike_pct: float = 30.0

    def to_settings(self) -> dict[str, str]:
        """The key/value strings to store: ``{"flags.pain_score": "3", ...}``."""
        return {PREFIX + f.name: _format(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_settings(cls, stored: dict[str, str]) -> FlagThresholds:
        """Read ``flags.*`` keys back; other keys are ignored, unreadable or out-of-range values use the default."""
        changes: dict[str, Any] = {}
        for f in fields(cls):
            text = stored.get(PREFIX + f.name)
            if text is None:
                continue
            try:
                value = _parse(f.type, text)
            except ValueError:
                continue
            if not problem_with(f.name, value):
                changes[f.name] = value
        return replace(cls(), **changes)

    def problems(self) -> dict[str, str]:
        """Field name -> what is wrong, for every threshold out of its range (empty when all are fine)."""
        out = {}
        for f in fields(self):
            if message := problem_with(f.name, getattr(self, f.name)):
                out[f.name] = message
        return out


_NHS_BACK = "NHS: Back pain"
_MAYO = "Mayo Clinic: When to see a doctor for back pain"
_FARRAR = "Farrar et al., Pain 2001"
_SERLIN = "Serlin et al., Pain 1995"
LIMITS: dict[str, Limit] = {
    "pain_score": Limit(1, 10, "Pain counts from", "/10"),
    "meaningful_change": Limit(0.5, 5, "Smallest change that matters", "points", _FARRAR),
    "lingering_days": Limit(
        3, 90, "Lingering pain after", "days", _NHS_BACK + " (most back pain fades within 2 weeks)"
    ),
    "lingering_share": Limit(0.3, 1.0, "…on at least this share of check-in days", ""),
    "lingering_escalate_days": Limit(7, 180, "Lingering pain message escalates after", "days", _MAYO + " (4 weeks)"),
    "lingering_min_checkins": Limit(2, 30, "Lingering pain needs at least", "check-in days"),
    "lingering_lookback_days": Limit(28, 730, "Lingering pain looks back at most", "days"),
    "recurring_days_per_week": Limit(1, 7, "Recurring pain: pain on at least", "days a week"),
    "recurring_weeks": Limit(2, 26, "…in at least", "weeks", _NHS_BACK + " (not improving after a few weeks)"),
    "recurring_lookback_weeks": Limit(2, 52, "…of the last", "weeks"),
    "severe_pain_score": Limit(5, 10, "Very bad pain from", "/10", _SERLIN + " (7-10 is severe)"),
    "severe_pain_days": Limit(1, 14, "Very bad pain on at least", "days"),
    "severe_pain_window_days": Limit(1, 60, "…within", "days"),
    "severe_pain_single_score": Limit(7, 10, "…or on a single day from", "/10"),
    "interference_score": Limit(1, 10, "Pain gets in the way from", "/10"),
    "interference_days": Limit(1, 30, "…on at least", "days"),
    "interference_window_days": Limit(1, 60, "…within", "days"),
    "radiating_window_days": Limit(1, 60, "Radiating pain window", "days"),
    "radiating_thigh_days": Limit(1, 30, "Pain down the thigh on at least", "days"),
    "numbness_window_days": Limit(1, 60, "Numbness or tingling in a leg counts for", "days"),
    "upper_back_score": Limit(1, 10, "Pain between the shoulders counts from", "/10"),
    "rest_pain_days": Limit(1, 30, "Pain at rest on at least", "days"),
    "rest_pain_window_days": Limit(1, 60, "Pain at rest window", "days"),
    "worsening_window_days": Limit(3, 30, "Worsening: average pain over", "days"),
    "worsening_gap_days": Limit(3, 90, "Worsening: compared with this many days earlier", "days"),
    "worsening_min_days": Limit(1, 30, "Worsening needs pain on at least", "days"),
    "painkiller_days": Limit(1, 60, "Painkillers on at least", "days"),
    "painkiller_window_days": Limit(1, 90, "…out of the last", "days"),
    "painkiller_long_days": Limit(
        2, 90, "Regular painkillers: on at least", "days", "NHS: Ibuprofen for adults (10 days)"
    ),
    "painkiller_long_window_days": Limit(7, 180, "…out of the last", "days"),
    "during_run_score": Limit(1, 10, "Strong pain during a run from", "/10"),
    "during_run_window_days": Limit(1, 60, "Pain during runs counts for", "days"),
    "risk_pain_days": Limit(1, 30, "With a risk factor: back pain on at least", "days"),
    "risk_window_days": Limit(1, 90, "…within", "days"),
    "risk_new_pain_days": Limit(28, 3650, "Back pain is new after this long without it", "days"),
    "jump_window_days": Limit(1, 30, "Pain within this many days after a jump", "days"),
    "jump_lookback_days": Limit(7, 180, "Jumps count for", "days"),
    "spike_pct": Limit(
        10, 300, "A spike counts as a jump over", "%", "Frandsen et al., Br J Sports Med 2025;59(17):1203-10"
    ),
}


def problem_with(name: str, value: float) -> str:
    """'' when ``value`` is in the range of threshold ``name``, else a message naming the range."""
    limit = LIMITS[name]
    if not limit.low <= value <= limit.high:
        return f"{limit.label}: {_format(value)} is outside {_format(limit.low)}-{_format(limit.high)}"
    return ""


def _parse(type_name: Any, text: str) -> float | int:
    text = text.strip()
    if type_name in (int, "int"):
        return int(text)
    value = float(text)
    if value != value:  # NaN
        raise ValueError(text)
    return value


def _format(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return str(value)
