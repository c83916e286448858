"""Colours, fonts and small formatting helpers shared by the Trends charts.

Colours follow the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); band colours grow warmer with the size of the jump. The data colours are
named once, for the light theme; on a dark window the few that would not stand out from
its dark face (3:1, WCAG 1.4.11) are drawn in a lighter shade of the same hue
(``DARK_DATA``, through ``ChartTheme.data``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from matplotlib.dates import date2num

from journal.analysis.weekly import Band
from journal.domain.numbers import percent_change
from journal.domain.units import DistanceUnit
from journal.domain.vocabulary import Region

FONT = 8
NAN = math.nan

BAND_COLOURS: dict[Band | None, str] = {
    Band.STEADY: "#9fb6cd",
    Band.CAUTION: "#e69f00",
    Band.BIG_JUMP: "#d55e00",
    None: "#d0d0d0",
}
BAND_NAMES: dict[Band | None, str] = {
    Band.STEADY: "steady (up to 10 %)",
    Band.CAUTION: "caution (10-30 %)",
    Band.BIG_JUMP: "big jump (over 30 %)",
    None: "no change figure",
}
REGION_COLOURS: dict[Region, str] = {
    Region.LOWER_BACK: "#7b3294",
    Region.UPPER_BACK: "#009e73",
    Region.HAMSTRING_LEFT: "#0072b2",
    Region.HAMSTRING_RIGHT: "#56b4e9",
    Region.GLUTE_HIP: "#8c564b",
}
DARK_DATA: dict[str, str] = {
    "#7b3294": "#c390d4",  # lower back (and the race's weekly pain): purple
    "#8c564b": "#c48b7f",  # glute / hip: brown
    "#222222": "#e6e6e6",  # the race's long runs: near black becomes near white
    "#666666": "#a6a6a6",  # the race chart's line for today
}
"""Data lines of the light theme and the shade each takes on the dark face (#1e1e1e), where it would fall under
3:1; bars and dots keep their colours (the bands and phases are 3:1 or more on both faces)."""
_LIGHT_DATA = {dark: light for light, dark in DARK_DATA.items()}
SPIKE_COLOUR = "#d55e00"
SWEET_SPOT_COLOUR = "#2e7d32"
DANGER_COLOUR = "#d55e00"
ROLLING_COLOUR = "#0072b2"


@dataclass(frozen=True, slots=True)
class ChartTheme:
    """The colours a chart takes from the window's colour scheme; data colours (bands, regions) stay.

    ``neutral`` draws the grey data (runs, the EWMA, how much pain got in the way), which must
    stand out from ``face`` in both schemes. The contrast of ``text`` and ``muted`` against
    ``face`` is 4.5:1 or more (WCAG AA) in each theme.
    """

    dark: bool
    figure: str
    face: str
    text: str
    muted: str
    grid: str
    spine: str
    neutral: str
    box: str
    """The face of a text box drawn on the chart (the rho box)."""

    def data(self, colour: str) -> str:
        """A data colour (named for the light theme) as this theme draws it."""
        light = _LIGHT_DATA.get(colour.lower(), colour.lower())
        return DARK_DATA.get(light, light) if self.dark else light


LIGHT = ChartTheme(False, "#ffffff", "#ffffff", "#1a1a1a", "#595959", "#e6e6e6", "#4d4d4d", "#4d4d4d", "#ffffff")
DARK = ChartTheme(True, "#1e1e1e", "#1e1e1e", "#e6e6e6", "#b3b3b3", "#3a3a3a", "#a6a6a6", "#c8c8c8", "#2b2b2b")


@dataclass(frozen=True)
class ChartOptions:
    """What to draw: distance unit, the regions to plot, whether the ACWR uses session load, and the first
    day of the chosen range (the time axes span it even when the journal began later)."""

    unit: DistanceUnit
    regions: tuple[Region, ...]
    session_load: bool = False
    view_start: date | None = None


MIN_VIEW_DAYS = 28
"""A time axis spans at least four weeks, so one run is not a chart of two days."""


def date_limits(first: date, last: date, opts: ChartOptions) -> tuple[float, float]:
    """The x limits (day numbers) of a time axis from ``first`` to ``last``, widened to the chosen range's start
    and to at least ``MIN_VIEW_DAYS`` days."""
    lo = min(first, opts.view_start) if opts.view_start else first
    lo = min(lo, date.fromordinal(last.toordinal() - (MIN_VIEW_DAYS - 1)))
    return day_num(lo) - 1, day_num(last) + 1


@dataclass(frozen=True)
class LegendItem:
    """One legend entry: shown in the chart's header on screen, drawn into the figure when saved."""

    label: str
    colour: str
    kind: str = "patch"  # "patch", "line", "dashed", "marker"
    alpha: float = 1.0


_SHIFT = date(2000, 1, 1).toordinal() - float(date2num(date(2000, 1, 1)))
"""Ordinal minus matplotlib day number (follows matplotlib's epoch setting)."""


def day_num(day: date) -> float:
    """matplotlib's day number of ``day`` (what ``date2num`` returns), by ordinal arithmetic: one
    ``date2num`` call per point costs more than the whole chart on ten years of data."""
    return day.toordinal() - _SHIFT


def time_num(when: datetime) -> float:
    return when.toordinal() - _SHIFT + (when.hour * 3600 + when.minute * 60 + when.second) / 86400.0


def fmt_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def pct_text(pct: float) -> str:
    """A signed percentage change, as everywhere else (``journal.domain.numbers.percent_change``): one decimal,
    so +99.6 % is not shown as +100 % next to a 30-100 % band, and never inside a band it is outside."""
    return percent_change(pct)


def lag_words(lag: int) -> str:
    return {0: "the same week", 1: "the week after", 2: "two weeks later"}.get(lag, f"{lag} weeks later")
