"""The app's own colours, as a light and a dark set, and the contrast rule they are held to.

Every colour the window draws text in, beyond the palette's own, is named here once for each
scheme (``LIGHT`` and ``DARK``, instances of ``Colours``); widgets ask ``current()`` for the set
that matches the application's palette at the time they colour something, and
``journal.ui.scheme.follow`` recolours them when the scheme changes. The PDF and printing
keep the light set whatever the screen shows (``report_paper()``).

Contrast: each text colour meets a WCAG 2.x contrast ratio of at least 4.5:1 (success
criterion 1.4.3, level AA) against every background it is drawn on in its scheme
(``TEXT_ON`` lists the pairs; ``tests/test_colour_contrast.py`` checks them all):

    contrast ratio = (L1 + 0.05) / (L2 + 0.05), L1 the lighter relative luminance,

    relative luminance L = 0.2126 R + 0.7152 G + 0.0722 B on linearised sRGB channels
    (c / 12.92 when c <= 0.04045, else ((c + 0.055) / 1.055) ** 2.4),

as WCAG 2.1 defines them (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio and
https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). The light backgrounds are Qt's Fusion
palette (the offscreen and many Linux desktops' look); the dark ones are the palette this
app uses when a dark scheme is wanted and the platform style cannot draw one
(``dark_palette``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from journal.domain.pain_scale import relative_luminance


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.x contrast ratio of two ``#rrggbb`` colours, 1.0 (same) to 21.0 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


class Tone(Enum):
    """What a coloured text means; each scheme's ``Colours.of(tone)`` gives its colour."""

    TEXT = "text"
    MUTED = "muted"
    ERROR = "error"
    CAUTION = "caution"
    OK = "ok"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Colours:
    """One scheme's colours (``#rrggbb``). Backgrounds first, then text colours, then lines and fills."""

    dark: bool
    window: str
    """The window's background (QPalette Window): labels, forms, pages."""
    base: str
    """Fields, tables, the report preview, the flag cards (QPalette Base)."""
    alternate_base: str
    """Every other table row, the info bars and the race verdict box (QPalette AlternateBase)."""
    text: str
    """Ordinary text (QPalette Text and WindowText)."""
    muted: str
    """Secondary text: hints, notes under a field, the journal's path, captions."""
    error: str
    """A field's error message, a problem, pain of 7/10 or more."""
    caution: str
    """A caution, shoes near retirement, pain of 4-6/10."""
    ok: str
    """All well: a check passed, a pain-free day."""
    info: str
    """A neutral call to act (the race verdict "re-plan")."""
    heading: str
    """The report's section headings and table headers."""
    rule: str
    """Lines between parts of the report preview (not text)."""
    shade: str
    """The shaded first column of the report's tables (text sits on it)."""
    field_border: str
    """The border of a field with an error, and of a score button (not text; 3:1 or more)."""

    def of(self, tone: Tone) -> str:
        match tone:
            case Tone.TEXT:
                return self.text
            case Tone.MUTED:
                return self.muted
            case Tone.ERROR:
                return self.error
            case Tone.CAUTION:
                return self.caution
            case Tone.OK:
                return self.ok
            case Tone.INFO:
                return self.info


LIGHT = Colours(
    dark=False,
    window="#efefef",
    base="#ffffff",
    alternate_base="#f7f7f7",
    text="#000000",
    muted="#595959",
    error="#b00020",
    caution="#9a4a00",
    ok="#256b29",
    info="#0b5394",
    heading="#1f3b5a",
    rule="#c5cad0",
    shade="#f2f4f6",
    field_border="#b00020",
)
DARK = Colours(
    dark=True,
    window="#2d2d2d",
    base="#1e1e1e",
    alternate_base="#262626",
    text="#e8e8e8",
    muted="#b0b0b0",
    error="#ff8a80",
    caution="#ffb74d",
    ok="#81c784",
    info="#8ab4f8",
    heading="#9ec5ee",
    rule="#555b62",
    shade="#2a2f35",
    field_border="#ff8a80",
)

BACKGROUNDS = ("window", "base", "alternate_base", "shade")
"""The fields of ``Colours`` that text is drawn on."""
LINES = ("rule", "field_border")
"""The fields of ``Colours`` that are lines, not text (a field's border keeps 3:1: WCAG 1.4.11)."""
TEXT_ON: dict[str, tuple[str, ...]] = {
    "text": ("window", "base", "alternate_base", "shade"),
    "muted": ("window", "base", "alternate_base", "shade"),
    "error": ("window", "base", "alternate_base"),
    "caution": ("window", "base", "alternate_base"),
    "ok": ("window", "base", "alternate_base"),
    "info": ("window", "base", "alternate_base"),
    "heading": ("base", "shade"),
}
"""Each text colour of ``Colours`` and the backgrounds it is drawn on (for the contrast test)."""


def is_dark(palette: QPalette) -> bool:
    """True when the palette's window is darker than its text: light text on a dark ground."""
    window = palette.color(QPalette.ColorRole.Window).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    return relative_luminance(window) < relative_luminance(text)


def colours_for(palette: QPalette) -> Colours:
    return DARK if is_dark(palette) else LIGHT


def current() -> Colours:
    """The set that matches the application's palette now."""
    return colours_for(QGuiApplication.palette())


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0-1) of the way to ``b``: colours that suit light and dark palettes alike."""
    r, g, bl = (
        x + (y - x) * t
        for x, y in zip((a.redF(), a.greenF(), a.blueF()), (b.redF(), b.greenF(), b.blueF()), strict=True)
    )
    return QColor.fromRgbF(r, g, bl)


def dimmed(background: QColor, ink: QColor, t: float) -> QColor:
    """``ink`` faded toward ``background`` (``mix(background, ink, t)``), but never below 4.5:1 on it.

    For text that should look secondary (the days of other months in the calendar): the
    fading stops where the contrast ratio would fall under 4.5:1."""
    step = t
    while step < 1.0:
        colour = mix(background, ink, step)
        if contrast_ratio(colour.name(), background.name()) >= 4.5:
            return colour
        step = min(1.0, step + 0.05)
    return QColor(ink)


# ---- palettes -------------------------------------------------------------------------------------
def dark_palette() -> QPalette:
    """The dark palette used with the Fusion style when the platform's style cannot draw a dark scheme.

    Its text colours keep 4.5:1 or more on its backgrounds (placeholder text #a0a0a0 on the
    base is 6.4:1; disabled text is exempt in WCAG and drawn dimmer on purpose)."""
    role = QPalette.ColorRole
    roles: dict[QPalette.ColorRole, str] = {
        role.Window: DARK.window,
        role.WindowText: DARK.text,
        role.Base: DARK.base,
        role.AlternateBase: DARK.alternate_base,
        role.Text: DARK.text,
        role.Button: "#3a3a3a",
        role.ButtonText: DARK.text,
        role.BrightText: "#ffffff",
        role.Light: "#505050",
        role.Midlight: "#434343",
        role.Mid: "#6a6a6a",
        role.Dark: "#1a1a1a",
        role.Shadow: "#000000",
        role.Highlight: "#2f65b5",
        role.HighlightedText: "#ffffff",
        role.Link: "#8ab4f8",
        role.LinkVisited: "#c58af9",
        role.ToolTipBase: "#3a3a3a",
        role.ToolTipText: DARK.text,
        role.PlaceholderText: "#a0a0a0",
        role.Accent: "#2f65b5",
    }
    disabled: dict[QPalette.ColorRole, str] = {
        role.WindowText: "#8a8a8a",
        role.Text: "#8a8a8a",
        role.ButtonText: "#8a8a8a",
        role.Highlight: "#4a4a4a",
        role.HighlightedText: "#bdbdbd",
        role.Base: "#262626",
        role.Button: "#333333",
    }
    palette = QPalette()
    for name, colour in roles.items():
        palette.setColor(QPalette.ColorGroup.All, name, QColor(colour))
    for name, colour in disabled.items():
        palette.setColor(QPalette.ColorGroup.Disabled, name, QColor(colour))
    return palette


def light_palette() -> QPalette:
    """The light palette used with the Fusion style when light is chosen and the platform's style stays dark."""
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    palette = style.standardPalette()
    # Fusion's placeholder text is black at half opacity (#777777 on white, 4.48:1): a shade darker.
    palette.setColor(QPalette.ColorGroup.All, QPalette.ColorRole.PlaceholderText, QColor("#6b6b6b"))
    return palette


# ---- the same in both schemes ---------------------------------------------------------------------
MARK_DISC = "#ffffff"
"""The calendar's marks each sit on a white disc with a dark rim, so they read on any pain colour and either scheme."""
MARK_RIM = "#3a3a3a"
SIGN_MARK = "#9b0000"
"""The warning sign mark: a white "!" on dark red (8.9:1)."""
SIGN_MARK_TEXT = "#ffffff"
PILL_MARK = "#1f5fa8"
PILL_MARK_RIM = "#163f70"
WATCH_FLAG_MARK = "#7d8f9c"
"""A watch flag's cloth on the calendar (its banner colour is too pale on a white disc)."""
FIXED_TEXT: tuple[tuple[str, str], ...] = ((SIGN_MARK_TEXT, SIGN_MARK),)
"""Text on a colour that is the same in both schemes, as (text, background), for the contrast test."""


# ---- the report preview -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReportColours:
    """The colours of the report's rich text: on paper (the PDF and printing: always ``report_paper()``) and in the
    Report page's preview, which follows the screen's scheme (``REPORT_DARK`` on a dark one)."""

    text: str
    heading: str
    muted: str
    alert: str
    shade: str
    rule: str
    emergency_text: str
    """The emergency box's headline, on its severity colour."""
    page_furniture: str
    """The printed pages' running header and footer (paper only)."""
    severity: dict[str, str]
    """The bar beside a flag box (not text), by severity; text never sits on it except the emergency headline."""
    tint: dict[str, str]
    """The flag box's background, by severity: its text is ``text``."""


@cache
def report_paper() -> ReportColours:
    """The PDF's colours (``journal.interchange.report.blocks``): black text, the severity bars and tints on white
    paper. A function, so start-up does not import the report's blocks."""
    from journal.interchange.report.blocks import SEVERITY_COLOURS, SEVERITY_TINTS

    return ReportColours(
        text="#000000",
        heading=LIGHT.heading,
        muted="#555555",
        alert="#a93226",
        shade=LIGHT.shade,
        rule=LIGHT.rule,
        emergency_text="#ffffff",
        page_furniture="#444444",
        severity=dict(SEVERITY_COLOURS),
        tint=dict(SEVERITY_TINTS),
    )


REPORT_DARK = ReportColours(
    text=DARK.text,
    heading=DARK.heading,
    muted=DARK.muted,
    alert=DARK.error,
    shade=DARK.shade,
    rule=DARK.rule,
    emergency_text="#ffffff",
    page_furniture="#444444",
    severity={
        "emergency": "#8b0000",
        "urgent": "#e57373",
        "see_doctor": "#f0b060",
        "watch": "#9aa5a6",
        "none": "#66bb6a",
    },
    tint={
        "emergency": "#3d1f1f",
        "urgent": "#3a2220",
        "see_doctor": "#38301f",
        "watch": "#2a2e30",
        "none": "#1f3326",
    },
)


def report_colours() -> ReportColours:
    """The preview's colours for the scheme shown now."""
    return REPORT_DARK if current().dark else report_paper()
