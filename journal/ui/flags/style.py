"""Colours of the severities: dark red for emergency, red for urgent, amber for see a doctor, quiet grey-blue for watch.

Each look carries its own text colour (white on the reds, dark on amber, dark on the pale
grey-blue of watch in the light scheme and pale on a dark grey-blue in the dark one), at a
contrast ratio of 4.5:1 or more (``tests/test_colour_contrast.py``). The alarms look the same
in both schemes; only the quiet watch look changes, so it stays quiet on a dark window.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.analysis.flags import Severity
from journal.ui.colours import current


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
"""The light scheme's looks (and the flag marks of the calendar, drawn on a white disc in both schemes)."""
DARK_LOOKS: dict[Severity, Look] = {**LOOKS, Severity.WATCH: Look("#2f3d47", "#dce6ee", "#6b8291")}


def look(severity: Severity) -> Look:
    """The severity's look in the scheme shown."""
    return (DARK_LOOKS if current().dark else LOOKS)[severity]


def chip_css(severity: Severity) -> str:
    """A small label in the severity's colours (for QLabel.setStyleSheet)."""
    look_ = look(severity)
    return (
        f"background: {look_.background}; color: {look_.text}; border: 1px solid {look_.border}; "
        "border-radius: 3px; padding: 1px 6px; font-weight: bold;"
    )
