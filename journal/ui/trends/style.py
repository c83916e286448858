"""Colours, fonts and small formatting helpers shared by the Trends charts.

Colours follow the Okabe-Ito palette (distinguishable with the common colour-vision
deficiencies); band colours grow warmer with the size of the jump.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from matplotlib.dates import date2num

from journal.analysis.weekly import Band
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
SPIKE_COLOUR = "#d55e00"
INTERFERENCE_COLOUR = "#4d4d4d"
"""How much pain got in the way of activities: a dark grey dashed line, apart from the region colours."""
SWEET_SPOT_COLOUR = "#2e7d32"
DANGER_COLOUR = "#d55e00"


@dataclass(frozen=True)
class ChartOptions:
    """What to draw: distance unit, the regions to plot, and whether the ACWR uses session load."""

    unit: DistanceUnit
    regions: tuple[Region, ...]
    session_load: bool = False


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
    """A signed percentage; one decimal, so +99.6 % is not shown as +100 % next to a 30-100 % band."""
    return f"{pct:+.1f} %"


def lag_words(lag: int) -> str:
    return {0: "the same week", 1: "the week after", 2: "two weeks later"}.get(lag, f"{lag} weeks later")
