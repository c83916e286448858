"""Colours of the severities: red for urgent, amber for see a doctor, quiet grey-blue for watch."""

from __future__ import annotations

from dataclasses import dataclass

from journal.analysis.flags import Severity


@dataclass(frozen=True, slots=True)
class Look:
    background: str
    text: str
    border: str


LOOKS: dict[Severity, Look] = {
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
