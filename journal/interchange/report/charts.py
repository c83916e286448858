"""The two charts of page 2, drawn by matplotlib and handed over as PNG.

``Figure`` with the Agg canvas directly (never pyplot: no global state, safe on a
worker thread). PNG at 200 dpi is sharp on paper at the printed size and is
drawn the same by reportlab and by Qt's printing, where a vector format would
need a second library. Colours: weekly bars by change band (as on the Trends
page), one fixed colour per region in both charts.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from journal.domain.vocabulary import Region
from journal.interchange.report.report_model import DoctorReport

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from journal.analysis.weekly import WeekDistance

DPI = 200
WIDTH_IN, HEIGHT_IN = 6.9, 3.0
BAND_COLOURS = {"steady": "#8aa9c9", "caution": "#e3a52f", "big_jump": "#c94a32", None: "#b9c2cc"}
REGION_COLOURS = {
    Region.LOWER_BACK: "#1f5fa8",
    Region.UPPER_BACK: "#7b4fa0",
    Region.HAMSTRING_LEFT: "#2e8b57",
    Region.HAMSTRING_RIGHT: "#b8860b",
    Region.GLUTE_HIP: "#c0392b",
}

Chart = tuple[bytes, float, float, str, str]
"""PNG, width and height in inches, title and caption (set as real text by the report, not in the image)."""


def _x(days: Sequence[date]) -> NDArray[np.datetime64]:
    """Days as numpy datetimes: matplotlib places them on a date axis as it does ``date`` objects, and its
    type hints accept an array where they do not accept a list of dates."""
    return np.array(days, dtype="datetime64[D]")


def _png(fig: Figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _figure() -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), layout="constrained")
    fig.set_layout_engine("constrained", h_pad=0.04, w_pad=0.04)
    return fig


def _date_axis(ax: Axes, start: date, end: date) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num

    locator = AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator, show_offset=False))
    ax.set_xlim(date2num(start - timedelta(days=1)), date2num(end + timedelta(days=1)))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top",):
        ax.spines[side].set_visible(False)


def _bars(ax: Axes, weeks: Sequence[WeekDistance], metres_per_unit: float) -> None:
    """One bar per week as a single PolyCollection: ten years of weeks draw in a blink, unlike 520 patches."""
    from matplotlib.collections import PolyCollection
    from matplotlib.dates import date2num

    half = 2.75 if len(weeks) < 80 else 3.5
    polygons, colours = [], []
    for w in weeks:
        mid = date2num(w.week_start) + 3.5
        top = w.distance_m / metres_per_unit
        polygons.append([(mid - half, 0.0), (mid - half, top), (mid + half, top), (mid + half, 0.0)])
        colours.append(BAND_COLOURS[w.band.value if w.band else None])
    ax.add_collection(PolyCollection(polygons, facecolors=colours, edgecolors="none", zorder=2))
    ax.xaxis_date()


def weekly_chart(r: DoctorReport) -> Chart:
    """Bars: distance per calendar week, coloured by its change band. Lines: each region's weekly mean pain."""
    from matplotlib.patches import Patch

    weeks = r.training.weeks
    unit = r.units
    fig = _figure()
    ax = fig.add_subplot()
    xs = [w.week_start + timedelta(days=3, hours=12) for w in weeks]
    _bars(ax, weeks, unit.metres)
    ax.set_ylabel(f"Distance per week ({unit.value})")
    _date_axis(ax, weeks[0].week_start if weeks else r.start, weeks[-1].week_end if weeks else r.end)
    pain_ax = ax.twinx()
    pain_ax.set_ylim(0, 10)
    pain_ax.set_ylabel("Mean pain that week (0-10)")
    pain_ax.spines["top"].set_visible(False)
    handles: list[Artist] = [
        Patch(color=BAND_COLOURS["steady"], label="up to +10 %"),
        Patch(color=BAND_COLOURS["caution"], label="+10 to 30 %"),
        Patch(color=BAND_COLOURS["big_jump"], label="over +30 %"),
    ]
    if weeks:
        first = weeks[0].week_start
        for summary in r.pain.regions:
            sums: dict[int, list[int]] = {}
            for day, score in summary.daily:
                sums.setdefault((day - first).days // 7, []).append(score)
            idx = sorted(i for i in sums if 0 <= i < len(weeks))
            (line,) = pain_ax.plot(
                _x([xs[i] for i in idx]),
                [sum(sums[i]) / len(sums[i]) for i in idx],
                color=REGION_COLOURS[summary.region],
                marker="o",
                markersize=3 if len(idx) < 60 else 0,
                linewidth=1.6,
                label=f"{summary.region.label} pain",
            )
            handles.append(line)
    ax.legend(handles=handles, loc="upper left", fontsize=7, ncols=3, frameon=False)
    ax.set_ylim(0, max([w.distance_m / unit.metres for w in weeks] + [1]) * 1.35)
    title = "Weekly distance with pain"
    caption = (
        "Bars: distance per calendar week, coloured by its rise on the week before. Lines: each region's mean "
        "pain that week (right-hand scale); a week with no check-in has no point."
    )
    return _png(fig), WIDTH_IN, HEIGHT_IN, title, caption


LONG_PERIOD_DAYS = 120
"""Over this many days the pain chart shows each week's highest score: daily lines over years blur into a band."""


def _weekly_worst(daily: tuple[tuple[date, int], ...], start: date) -> tuple[list[date], list[int]]:
    worst: dict[int, int] = {}
    for day, score in daily:
        week = (day - start).days // 7
        worst[week] = max(worst.get(week, 0), score)
    weeks = sorted(worst)
    return [start + timedelta(days=7 * w + 3) for w in weeks], [worst[w] for w in weeks]


def pain_chart(r: DoctorReport) -> Chart:
    """Lines: each region's highest score of the day (of the week over long periods); runs and spikes along the bottom."""
    fig = _figure()
    ax = fig.add_subplot()
    weekly = r.days > LONG_PERIOD_DAYS
    for summary in r.pain.regions:
        if weekly:
            xs, ys = _weekly_worst(summary.daily, r.start)
        else:
            xs, ys = [d for d, _ in summary.daily], [s for _, s in summary.daily]
        ax.plot(
            _x(xs),
            ys,
            color=REGION_COLOURS[summary.region],
            marker="" if weekly else "o",
            markersize=3,
            linewidth=0.9 if weekly else 1.5,
            label=summary.region.label,
        )
    run_days = [d for d, _ in r.training.run_days]
    if run_days:
        ax.plot(_x(run_days), [-0.55] * len(run_days), "|", color="#555555", markersize=7, label="Run")
    spike_days = list(r.training.spike_days)
    if spike_days:
        ax.plot(
            _x(spike_days),
            [-0.55] * len(spike_days),
            "^",
            color=BAND_COLOURS["big_jump"],
            markersize=6,
            label="Spike run",
        )
    if not r.pain.regions:
        ax.text(0.5, 0.5, "No pain recorded in this period", transform=ax.transAxes, ha="center", color="#666666")
    ax.set_ylim(-1, 10.2)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(f"Pain (0-10), highest of the {'week' if weekly else 'day'}")
    _date_axis(ax, r.start, r.end)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", fontsize=7, ncols=4, frameon=False)
    title = "Pain per region over the period"
    caption = (
        f"Each region's highest score of the {'week' if weekly else 'day'}; ticks along the bottom are runs, red "
        "triangles single-run spikes (over 10 % longer than the longest run of the 30 days before). Regions that "
        "never hurt in the period are left out."
    )
    return _png(fig), WIDTH_IN, HEIGHT_IN, title, caption


def report_charts(r: DoctorReport) -> list[Chart]:
    """The charts that have something to show: never an empty chart.

    The weekly chart needs a run in the period (without one its bars are all zero, and the pain
    chart shows the pain); the pain chart needs pain in some region, or runs to mark along the
    bottom. Nothing logged in the period: no chart at all.
    """
    if r.empty:
        return []
    charts: list[Chart] = []
    if r.training.runs:
        charts.append(weekly_chart(r))
    if r.pain.regions or r.training.runs:
        charts.append(pain_chart(r))
    return charts
