"""Charts 2 and 4: pain over time with runs and spikes, and jumps against the pain after them.

2. Pain per region over time: the day's worst score as dots, the 7-day mean as a
   line; how much pain got in the way of usual activities (the PEG activity item,
   0-10) as a dashed 7-day mean where it was answered; every run marked along the
   bottom, spike runs (over 10 % longer than the longest run of the 30 days before;
   Frandsen et al. 2025) highlighted.
4. Each week's change in distance against the mean pain ``lag`` weeks later, with
   Spearman's rho and n written on it (the sentence about n is beside the charts).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.text import Annotation
from matplotlib.ticker import MaxNLocator, MultipleLocator

from journal.analysis.correlation import Correlation
from journal.analysis.spikes import Spike
from journal.analysis.stats import Stats
from journal.analysis.weekly import Band
from journal.domain.units import from_metres
from journal.domain.vocabulary import Region
from journal.ui.trends.chart_view import ChartView
from journal.ui.trends.style import (
    BAND_COLOURS,
    BAND_NAMES,
    FONT,
    NAN,
    REGION_COLOURS,
    SPIKE_COLOUR,
    ChartOptions,
    LegendItem,
    date_limits,
    day_num,
    fmt_day,
    lag_words,
    pct_text,
    time_num,
)

RUG_TOP = 0.45
"""Runs are a rug of short ticks along the bottom of the pain axis (0 to 0.45 on the 0-10 scale)."""
CHANGE_AXIS_MAX = 300.0
"""Changes over +300 % are drawn at the edge (their true value is in the tooltip), so one 1 -> 30 km
week does not squash every other point."""


class PainChart(ChartView):
    """Chart 2: ``means``/``dailies`` lines per region, the ``runs`` rug and the ``spikes`` markers."""

    MARGINS_PX = (54, 16, 8, 40)

    def build(self) -> None:
        self.date_axis()
        self.ax.yaxis.set_major_locator(MultipleLocator(2))
        self.ax.set_ylim(0, 10.5)
        self.ax.set_ylabel("Pain 0-10 (dots: worst of the day)", fontsize=FONT)
        (self.runs,) = self.ax.plot([], [], linewidth=1.0)
        self.spikes = self.ax.scatter(np.empty(0), np.empty(0), marker="^", s=40, color=SPIKE_COLOUR, zorder=4)
        self.means: dict[Region, Line2D] = {}
        self.dailies: dict[Region, Line2D] = {}
        (self.interference,) = self.ax.plot([], [], linestyle="--", linewidth=1.6)
        self.labels: list[Annotation] = []
        self.legend_loc = "upper center"

    def themed(self) -> None:
        self.runs.set_color(self.theme.neutral)
        self.interference.set_color(self.theme.neutral)
        for label in self.labels:
            label.set_color(self.theme.text)

    def update_chart(self, stats: Stats, opts: ChartOptions) -> None:
        self.hover.clear()
        for line in [*self.means.values(), *self.dailies.values()]:
            line.set_visible(False)
        for label in self.labels:
            label.remove()
        self.labels = []
        if self.show_empty(
            "" if stats.weeks and stats.start and stats.end else "No runs or check-ins in this range yet"
        ):
            self.runs.set_data([], [])
            self.spikes.set_offsets(np.empty((0, 2)))
            self.interference.set_data([], [])
            self.set_legend([])
            return
        assert stats.start is not None and stats.end is not None
        many = (stats.end - stats.start).days > 400
        for region in opts.regions:
            series = stats.pain.get(region)
            if series is None:
                continue
            if region not in self.means:
                colour = self.theme.data(REGION_COLOURS[region])
                (self.dailies[region],) = self.ax.plot([], [], linestyle="none", marker="o", color=colour, alpha=0.45)
                (self.means[region],) = self.ax.plot([], [], color=colour)
            x = day_num(series.first_day) + np.arange(len(series.daily_max), dtype=float)
            daily = np.array([NAN if v is None else v for v in series.daily_max], dtype=float)
            mean = np.array([NAN if v is None else v for v in series.mean7], dtype=float)
            self.dailies[region].set_data(x, daily)
            self.dailies[region].set_markersize(2.5)
            self.means[region].set_data(x, mean)
            self.means[region].set_linewidth(1.4 if many else 2.0)
            # over a year or more, thousands of dots hide the lines and slow the redraw: the means say it
            self.dailies[region].set_visible(not many)
            self.means[region].set_visible(True)

            def pain_text(i: int, series=series, region: Region = region, mean=mean, daily=daily) -> str:
                day = series.first_day + timedelta(days=i)
                return f"{fmt_day(day)}\n{region.label}: worst {daily[i]:.0f}, 7-day mean {mean[i]:.1f}"

            self.hover.add_points(self.ax, x, daily, pain_text)
        function = self._interference(stats)
        self._runs_and_spikes(stats, opts)
        self.ax.set_xlim(*date_limits(stats.start, stats.end, opts))
        self.set_legend(
            [LegendItem(f"{r.label} (7-day mean)", REGION_COLOURS[r], "line") for r in opts.regions if r in stats.pain]
            + function
            + [
                LegendItem("runs", self.theme.neutral, "line"),
                LegendItem("spike run (over 10 % longer)", SPIKE_COLOUR, "marker"),
            ]
        )

    def _interference(self, stats: Stats) -> list[LegendItem]:
        """The dashed 7-day mean of how much pain got in the way; its legend entry, or none when never answered."""
        series = stats.interference
        if series is None:
            self.interference.set_data([], [])
            return []
        x = day_num(series.first_day) + np.arange(len(series.mean7), dtype=float)
        mean = np.array([NAN if v is None else v for v in series.mean7], dtype=float)
        self.interference.set_data(x, mean)

        def text(i: int) -> str:
            answer = series.daily_max[i]
            day = fmt_day(series.first_day + timedelta(days=i))
            said = "" if answer is None else f"{answer}/10 that day, "
            return f"{day}\nPain got in the way: {said}7-day mean {mean[i]:.1f}"

        self.hover.add_points(self.ax, x, mean, text)
        return [LegendItem("got in the way of activities (7-day mean)", self.theme.neutral, "dashed")]

    def _runs_and_spikes(self, stats: Stats, opts: ChartOptions) -> None:
        """One Line2D with NaN breaks draws every run (far cheaper than a collection of segments)."""
        u = opts.unit.value
        runs = stats.runs
        xs = np.array([time_num(r.started_at) for r in runs], dtype=float)
        ds = np.array([from_metres(r.distance_m, opts.unit) for r in runs], dtype=float)
        rug_x = np.repeat(xs, 3)
        rug_x[2::3] = NAN
        self.runs.set_data(rug_x, np.tile([0.0, RUG_TOP, NAN], len(xs)))
        spikes: Sequence[Spike] = stats.spikes
        sx = np.array([time_num(s.started_at) for s in spikes], dtype=float)
        sy = np.full(len(spikes), RUG_TOP + 0.25)
        self.spikes.set_offsets(np.column_stack([sx, sy]) if len(spikes) else np.empty((0, 2)))
        if len(spikes) <= 12:
            for s, x, y in zip(spikes, sx, sy, strict=True):
                if s.spike_pct > 30:
                    self.labels.append(
                        self.ax.annotate(
                            pct_text(s.spike_pct),
                            (x, y),
                            xytext=(4, 2),
                            textcoords="offset points",
                            fontsize=FONT - 1,
                            color=self.theme.text,
                        )
                    )

        def spike_text(i: int) -> str:
            s = spikes[i]
            return (
                f"Spike run {fmt_day(s.day)}: {from_metres(s.distance_m, opts.unit):.1f} {u}\n"
                f"{pct_text(s.spike_pct)} on the longest run of the 30 days before "
                f"({from_metres(s.longest_prior_m, opts.unit):.1f} {u})"
            )

        self.hover.add_points(self.ax, sx, sy, spike_text)
        self.hover.add_points(
            self.ax, xs, np.full(len(xs), RUG_TOP / 2), lambda i: f"Run {fmt_day(runs[i].day)}: {ds[i]:.1f} {u}"
        )


class JumpsChart(ChartView):
    """Chart 4: ``offsets`` (change %, mean pain later) drawn in ``by_band`` collections; ``rho_text``."""

    MARGINS_PX = (54, 16, 8, 40)

    def build(self) -> None:
        self.limits = [self.ax.axvline(limit, linestyle=":", linewidth=1) for limit in (10, 30)]
        # one collection per band: a uniform colour draws much faster than a colour per point
        self.by_band = {
            band: self.ax.scatter(np.empty(0), np.empty(0), s=30, color=BAND_COLOURS[band], linewidths=0.5, zorder=3)
            for band in (Band.STEADY, Band.CAUTION, Band.BIG_JUMP)
        }
        self.offsets = np.empty((0, 2))
        self.ax.set_ylim(-0.3, 10.5)
        self.ax.yaxis.set_major_locator(MultipleLocator(2))
        self.ax.set_xlabel("Change in weekly distance (%)", fontsize=FONT)
        self.ax.xaxis.set_major_locator(MaxNLocator(nbins=5))
        self.rho_text = self.ax.text(
            0.02,
            0.97,
            "",
            transform=self.ax.transAxes,
            va="top",
            fontsize=FONT + 1,
            fontweight="bold",
            bbox={"alpha": 0.9},
        )
        self.legend_loc = "upper right"  # in a saved PNG; the rho box is upper left

    def themed(self) -> None:
        for line in self.limits:
            line.set_color(self.theme.muted)
        for collection in self.by_band.values():
            collection.set_edgecolor(self.theme.spine)
        self.rho_text.set_color(self.theme.text)
        box = self.rho_text.get_bbox_patch()
        if box is not None:
            box.set_facecolor(self.theme.box)
            box.set_edgecolor(self.theme.grid)

    def update_chart(self, stats: Stats, opts: ChartOptions) -> None:
        self.hover.clear()
        c: Correlation = stats.correlation
        region = c.region.label if c.region else "Pain"
        self.ax.set_ylabel(f"{region} pain {lag_words(c.lag_weeks)} (mean)", fontsize=FONT)
        self.offsets = np.empty((0, 2))
        for collection in self.by_band.values():
            collection.set_offsets(np.empty((0, 2)))
        if not c.pairs:
            self.rho_text.set_visible(False)
            self.show_empty("No weeks with both a change in distance\nand pain logged after it yet")
            self.set_legend([])
            return
        self.show_empty("")
        xs = np.array([min(p.change_pct, CHANGE_AXIS_MAX) for p in c.pairs])
        ys = np.array([p.mean_pain for p in c.pairs])
        self.offsets = np.column_stack([xs, ys])
        for band, collection in self.by_band.items():
            mine = [i for i, p in enumerate(c.pairs) if p.band is band]
            collection.set_offsets(self.offsets[mine] if mine else np.empty((0, 2)))
        self.ax.set_xlim(-105, max(60.0, float(xs.max()) + 15))
        rho = "not defined" if c.spearman is None else f"{c.spearman:.2f}"
        self.rho_text.set_text(f"Spearman rho = {rho}, n = {c.n} weeks")
        self.rho_text.set_visible(True)

        def pair_text(i: int) -> str:
            p = c.pairs[i]
            return (
                f"Week of {fmt_day(p.week_start)}: {pct_text(p.change_pct)} ({BAND_NAMES[p.band]})\n"
                f"{region} pain in the week of {fmt_day(p.pain_week_start)}: mean {p.mean_pain:.1f}"
            )

        self.hover.add_points(self.ax, xs, ys, pair_text)
        present = [b for b in (Band.STEADY, Band.CAUTION, Band.BIG_JUMP) if any(p.band is b for p in c.pairs)]
        self.set_legend([LegendItem(BAND_NAMES[b], BAND_COLOURS[b]) for b in present])
