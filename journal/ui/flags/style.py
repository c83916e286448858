"""Colours of the severities: dark red for emergency, red for urgent, amber for see a doctor, quiet grey-blue for watch.

Each look carries its own text colour (white on the reds, dark on amber and grey-blue), at a
contrast ratio of 4.5:1 or more, so it reads the same in a light or a dark desktop theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.analysis.flags import Severity


@dataclass(frozen=True, slots=True)
class Look:
    background: str
    text: str
    border: str


LOOKS: dict[Severity, Look] = {
    Severity.EMERGENCY: Look("#7a0000", "#ffffff", "#3d0000"),
    Severity.URGENT: Look("#b3261e", "#ffffff", "#8c1d18"),
    Severity.SEE_DOCTOR: Look("#ffc940", "#3d2b00", "#d99a00"),
    Severity.WATCH: Look("#eef2f5", "#34444f", "#cdd6dd"),
}


def chip_css(severity: Severity) -> str:
    """A small label in the severity's colours (for QLabel.setStyleSheet)."""
    look = LOOKS[severity]
    return (
        f"background: {look.background}; color: {look.text}; border: 1px solid {look.border}; "
        "border-radius: 3px; padding: 1px 6px; font-weight: bold;"
    )
