"""Charts 1 and 3: weekly distance with pain, and the acute:chronic workload ratio.

1. Weekly distance bars coloured by change band (Nielsen et al. 2014), with the
   weekly mean pain per region on a second axis.
3. The acute:chronic ratio, rolling and EWMA (Williams et al. 2017), over
   Gabbett's (2016) 0.8-1.3 and over-1.5 bands, which are debated: the chart says so.

Speed (a redraw of ten years must stay under 200 ms): the bars are one
``PolyCollection`` (not hundreds of Rectangle patches), dates become day numbers by
ordinal arithmetic, and hover texts are formatted only when hovered.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.lines import Line2D

from journal.analysis.load import DANGER_ABOVE, SWEET_SPOT, LoadSeries
from journal.analysis.stats import Stats
from journal.analysis.weekly import Band
from journal.domain.numbers import counted
from journal.domain.units import from_metres
from journal.domain.vocabulary import Region
from journal.ui.trends.chart_view import ChartView
from journal.ui.trends.style import (
    BAND_COLOURS,
    BAND_NAMES,
    DANGER_COLOUR,
    FONT,
    NAN,
    REGION_COLOURS,
    ROLLING_COLOUR,
    SWEET_SPOT_COLOUR,
    ChartOptions,
    LegendItem,
    date_limits,
    day_num,
    fmt_day,
    pct_text,
)

EMPTY = "No runs or check-ins in this range yet"


class WeeklyChart(ChartView):
    """Chart 1: weekly distance bars coloured by band; weekly mean pain per region on the right axis.

    ``bars`` holds one polygon per week; ``heights`` their heights in the distance unit;
    ``pain_lines`` one line per region (hidden when the region is not shown).
    """

    def build(self) -> None:
        self.date_axis()
        self.bars = PolyCollection([], linewidths=0)
        self.ax.add_collection(self.bars)
        self.ax2 = self.twin("Pain 0-10 (weekly mean)")
        self.ax2.set_ylim(0, 10.5)
        self.pain_lines: dict[Region, Line2D] = {}
        self.heights: list[float] = []

    def update_chart(self, stats: Stats, opts: ChartOptions) -> None:
        self.hover.clear()
        weeks = stats.weeks
        for line in self.pain_lines.values():
            line.set_visible(False)
        if self.show_empty("" if weeks else EMPTY):
            self.bars.set_verts([])
            self.heights = []
            self.set_legend([])
            return
        u = opts.unit.value
        x = np.array([day_num(w.week_start) + 3.5 for w in weeks])
        heights = [from_metres(w.distance_m, opts.unit) for w in weeks]
        half = 3.0 if len(weeks) < 150 else 3.5  # no gaps once bars are a pixel or two wide
        self.bars.set_verts(
            [((c - half, 0.0), (c - half, h), (c + half, h), (c + half, 0.0)) for c, h in zip(x, heights, strict=True)]
        )
        # the week still under way is faded: its distance is "so far"
        self.bars.set_facecolor([to_rgba(BAND_COLOURS[w.band], 1.0 if w.complete else 0.45) for w in weeks])
        self.heights = heights
        self.ax.set_xlim(*date_limits(weeks[0].week_start, weeks[-1].week_start + timedelta(days=6), opts))
        self.ax.set_ylim(0, max([*heights, 1.0]) * 1.3)
        self.ax.set_ylabel(f"Distance per week ({u})", fontsize=FONT)

        def bar_text(i: int) -> str:
            w = weeks[i]
            if not w.complete:
                change = "so far: the week is not over, so no change figure yet"
            elif w.change_pct is None:
                change = "no change figure"
            else:
                change = f"{pct_text(w.change_pct)} ({BAND_NAMES[w.band]})"
            pain = "; ".join(f"{r.label} mean {w.mean_pain[r]:.1f}, worst {w.max_pain[r]}" for r in w.mean_pain)
            return (
                f"Week of {fmt_day(w.week_start)}\n{heights[i]:.1f} {u} in {counted(w.run_count, 'run')}, {change}"
                + (f"\nPain: {pain}" if pain else "")
            )

        self.hover.add_bars(self.ax, x - half, x + half, heights, bar_text)
        for region in opts.regions:
            if region not in self.pain_lines:
                (self.pain_lines[region],) = self.ax2.plot(
                    [], [], markersize=3, linewidth=1.6, color=self.theme.data(REGION_COLOURS[region])
                )
            line = self.pain_lines[region]
            ys = np.array([w.mean_pain.get(region, NAN) for w in weeks])
            line.set_data(x, ys)
            line.set_marker("o" if len(weeks) < 80 else "")
            line.set_visible(True)

            def pain_text(i: int, region: Region = region) -> str:
                w = weeks[i]
                return (
                    f"Week of {fmt_day(w.week_start)}\n{region.label}: mean {w.mean_pain[region]:.1f}, "
                    f"worst {w.max_pain[region]}"
                )

            self.hover.add_points(self.ax2, x, ys, pain_text)
        present = [b for b in (Band.STEADY, Band.CAUTION, Band.BIG_JUMP, None) if any(w.band is b for w in weeks)]
        so_far = (
            [LegendItem("this week so far (faded)", BAND_COLOURS[None], alpha=0.45)] if not weeks[-1].complete else []
        )
        self.set_legend(
            [LegendItem(BAND_NAMES[b], BAND_COLOURS[b]) for b in present]
            + so_far
            + [LegendItem(r.label, REGION_COLOURS[r], "line") for r in opts.regions]
        )


class AcwrChart(ChartView):
    """Chart 3: the acute:chronic ratio, rolling (``rolling``) and EWMA (``ewma``), over Gabbett's bands."""

    MARGINS_PX = (54, 16, 8, 40)

    def build(self) -> None:
        self.date_axis()
        self.ax.axhspan(*SWEET_SPOT, color=SWEET_SPOT_COLOUR, alpha=0.12, linewidth=0)
        self.ax.axhspan(DANGER_ABOVE, 100.0, color=DANGER_COLOUR, alpha=0.12, linewidth=0)
        (self.rolling,) = self.ax.plot([], [], color=ROLLING_COLOUR, linewidth=1.8)
        (self.ewma,) = self.ax.plot([], [], linewidth=1.0, linestyle="--")
        self.ax.set_ylabel("Acute : chronic", fontsize=FONT)
        self.note = self.ax.text(
            0.99,
            0.02,
            "Bands: Gabbett 2016; the cut-offs are debated",
            transform=self.ax.transAxes,
            ha="right",
            va="bottom",
            fontsize=FONT - 1,
        )

    def themed(self) -> None:
        self.ewma.set_color(self.theme.neutral)
        self.note.set_color(self.theme.muted)
        self.set_legend(
            [
                LegendItem("rolling 7-day / (28-day / 4)", ROLLING_COLOUR, "line"),
                LegendItem("EWMA, 7 and 28 days", self.theme.neutral, "dashed"),
                LegendItem(f"{SWEET_SPOT[0]}-{SWEET_SPOT[1]}", SWEET_SPOT_COLOUR, alpha=0.3),
                LegendItem(f"over {DANGER_ABOVE}", DANGER_COLOUR, alpha=0.3),
            ]
        )

    def update_chart(self, stats: Stats, opts: ChartOptions) -> None:
        self.hover.clear()
        what = "session load (effort × minutes)" if opts.session_load else "distance"
        self.title = f"Acute:chronic ratio on {what}"
        self.set_legend(self.legend_items)
        series: LoadSeries | None = stats.session_load if opts.session_load else stats.distance_load
        if series is None or not len(series):
            self.rolling.set_data([], [])
            self.ewma.set_data([], [])
            self.show_empty("No efforts with times logged" if opts.session_load and stats.weeks else EMPTY)
            return
        x = day_num(series.first_day) + np.arange(len(series), dtype=float)
        rolling = np.array([NAN if v is None else v for v in series.ratio_rolling])
        ewma = np.array([NAN if v is None else v for v in series.ratio_ewma])
        self.rolling.set_data(x, rolling)
        self.ewma.set_data(x, ewma)
        finite = np.concatenate([rolling[np.isfinite(rolling)], ewma[np.isfinite(ewma)], [DANGER_ABOVE + 0.3]])
        self.ax.set_ylim(0, float(finite.max()) * 1.1)
        self.ax.set_xlim(*date_limits(series.first_day, series.first_day + timedelta(days=len(series) - 1), opts))
        self.show_empty("" if np.isfinite(rolling).any() else "Needs 28 days of running history")
        for values, name in ((rolling, "rolling"), (ewma, "EWMA")):

            def ratio_text(i: int, values: np.ndarray = values, name: str = name) -> str:
                return f"{fmt_day(series.first_day + timedelta(days=i))}\nAcute:chronic ({name}): {values[i]:.2f}"

            self.hover.add_points(self.ax, x, values, ratio_text)
