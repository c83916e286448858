"""Every text colour of the app against every background it is drawn on, in the light and the dark scheme.

The contrast ratio is WCAG 2.x's (success criterion 1.4.3, level AA: at least 4.5:1 for
text; 1.4.11: at least 3:1 for the lines and marks that carry meaning):

    ratio = (L1 + 0.05) / (L2 + 0.05), L1 the lighter relative luminance, and
    L = 0.2126 R + 0.7152 G + 0.0722 B over the linearised sRGB channels
    (c / 12.92 when c <= 0.04045, else ((c + 0.055) / 1.055) ** 2.4)

(https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio, #dfn-relative-luminance). The pairs come
from the definitions themselves (``journal.ui.colours``, the flag looks, the chart themes,
the report's colours), so a colour added there is checked here.
"""

from __future__ import annotations

from dataclasses import fields

import pytest

from journal.analysis.flags import Severity
from journal.domain.pain_scale import PAIN_COLOURS, text_colour_on
from journal.domain.vocabulary import Region
from journal.ui.colours import (
    BACKGROUNDS,
    DARK,
    FIXED_TEXT,
    LIGHT,
    LINES,
    REPORT_DARK,
    TEXT_ON,
    Colours,
    ReportColours,
    Tone,
    contrast_ratio,
    dark_palette,
    report_paper,
)
from journal.ui.flags.style import DARK_LOOKS, LOOKS
from journal.ui.trends import style as chart_style

AA_TEXT = 4.5
AA_GRAPHICS = 3.0


def test_the_ratio_is_wcag_s() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#5a5a5a", "#5a5a5a") == pytest.approx(1.0)
    # well-known values: #777777 on white just fails AA, #767676 just passes
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_every_text_colour_is_listed_with_its_backgrounds() -> None:
    names = {f.name for f in fields(Colours)}
    assert names == {"dark", *BACKGROUNDS, *LINES, *TEXT_ON}
    assert {tone.value for tone in Tone} <= set(TEXT_ON)


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_text_colours_meet_4_5_to_1_on_their_backgrounds(colours: Colours) -> None:
    problems = []
    for text, grounds in TEXT_ON.items():
        for ground in grounds:
            fg, bg = getattr(colours, text), getattr(colours, ground)
            ratio = contrast_ratio(fg, bg)
            if ratio < AA_TEXT:
                problems.append(f"{text} {fg} on {ground} {bg}: {ratio:.2f}")
    assert not problems, problems
    for ground in ("window", "base"):
        assert contrast_ratio(colours.field_border, getattr(colours, ground)) >= AA_GRAPHICS


def test_the_dark_palette_s_text_roles_meet_4_5_to_1() -> None:
    from PySide6.QtGui import QPalette

    palette = dark_palette()
    role = QPalette.ColorRole
    pairs = [
        (role.WindowText, role.Window),
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.ButtonText, role.Button),
        (role.PlaceholderText, role.Base),
        (role.ToolTipText, role.ToolTipBase),
        (role.HighlightedText, role.Highlight),
        (role.Link, role.Base),
        (role.Link, role.Window),
    ]
    for fg, bg in pairs:
        ratio = contrast_ratio(palette.color(fg).name(), palette.color(bg).name())
        assert ratio >= AA_TEXT, (fg, bg, ratio)


@pytest.mark.parametrize("looks", [LOOKS, DARK_LOOKS], ids=["light", "dark"])
def test_each_flag_look_s_text_reads_on_its_colour(looks) -> None:
    for severity in Severity:
        look = looks[severity]
        assert contrast_ratio(look.text, look.background) >= AA_TEXT, severity


def test_the_watch_look_is_quiet_on_a_dark_window() -> None:
    """A pale watch banner would glare on a dark window: in the dark scheme it is a dark grey-blue."""
    assert contrast_ratio(DARK_LOOKS[Severity.WATCH].background, DARK.window) < 1.6
    assert contrast_ratio(LOOKS[Severity.WATCH].background, LIGHT.window) < 1.6


@pytest.mark.parametrize("theme", [chart_style.LIGHT, chart_style.DARK], ids=["light", "dark"])
def test_chart_text_reads_and_data_lines_stand_out(theme) -> None:
    for text in (theme.text, theme.muted):
        assert contrast_ratio(text, theme.face) >= AA_TEXT
        assert contrast_ratio(text, theme.box) >= AA_TEXT
    lines = [
        *(theme.data(colour) for colour in chart_style.REGION_COLOURS.values()),
        theme.data(chart_style.ROLLING_COLOUR),
        theme.data(chart_style.SPIKE_COLOUR),
        theme.neutral,
    ]
    from journal.ui.race import chart as race_chart

    lines += [theme.data(c) for c in (race_chart.PAIN_COLOUR, race_chart.LONG_COLOUR, race_chart.TODAY_COLOUR)]
    lines += [theme.data(c) for c in race_chart.PHASE_COLOURS.values()]
    weak = [(c, round(contrast_ratio(c, theme.face), 2)) for c in lines if contrast_ratio(c, theme.face) < AA_GRAPHICS]
    # the light blue and orange of the Okabe-Ito palette are pale on white: they are bars or dots drawn with a
    # dark edge or beside a darker twin, and named in the legend; on the dark face every line stands out
    if theme.dark:
        assert not weak, weak
    else:
        assert {c for c, _ in weak} <= {"#56b4e9", "#e69f00", "#009e73"}, weak
    for region in Region:
        assert theme.data(chart_style.REGION_COLOURS[region])  # every region has a colour in both themes


@pytest.mark.parametrize(
    ("colours", "page"), [(report_paper(), "#ffffff"), (REPORT_DARK, DARK.base)], ids=["paper", "dark-preview"]
)
def test_the_report_s_text_reads_on_the_page_its_tables_and_its_flag_boxes(colours: ReportColours, page: str) -> None:
    grounds = [page, colours.shade, *colours.tint.values()]
    for text in (colours.text, colours.heading, colours.muted, colours.alert):
        for ground in grounds:
            assert contrast_ratio(text, ground) >= AA_TEXT, (text, ground)
    assert contrast_ratio(colours.emergency_text, colours.severity["emergency"]) >= AA_TEXT
    if colours is not REPORT_DARK:
        assert contrast_ratio(colours.page_furniture, "#ffffff") >= AA_TEXT


def test_fixed_colours_and_the_pain_scale_numbers_read() -> None:
    for text, ground in FIXED_TEXT:
        assert contrast_ratio(text, ground) >= AA_TEXT
    for colour in PAIN_COLOURS:  # the numbers on the body map, the calendar and the key
        assert contrast_ratio(text_colour_on(colour), colour) >= AA_TEXT, colour
