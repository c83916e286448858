"""The Race page's chart: every week from the start of the build to race day, planned against actual.

Each week is a pair of bars coloured by its phase (build, cut-back, peak, taper,
race): the planned distance pale and wide behind, the distance actually run solid
and narrow in front. The long run is a dash (planned) and a dot (actual) on the
same axis; the weekly pain (the mean of each day's worst score) is a line on the
right-hand 0-10 axis, drawn beside the weeks it belongs to. Today is a thin
vertical line. Hover any bar, dash, dot or pain point for its values; it saves as
PNG like the Trends charts (``ChartView``: a Figure in a FigureCanvasQTAgg, never pyplot).
"""

from __future__ import annotations

from html import escape

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D

from journal.analysis.race_plan import Phase, PlanWeek
from journal.analysis.race_verdict import RacePlan
from journal.domain.units import DistanceUnit
from journal.ui.trends.chart_view import ChartView
from journal.ui.trends.style import FONT, NAN, LegendItem, day_num, fmt_day

PHASE_COLOURS: dict[Phase, str] = {
    Phase.BUILD: "#0072b2",
    Phase.CUTBACK: "#56b4e9",
    Phase.PEAK: "#e69f00",
    Phase.TAPER: "#009e73",
    Phase.RACE: "#d55e00",
}
"""Okabe-Ito colours, told apart with the common colour-vision deficiencies."""
PHASE_NAMES: dict[Phase, str] = {
    Phase.BUILD: "build",
    Phase.CUTBACK: "cut-back",
    Phase.PEAK: "peak",
    Phase.TAPER: "taper",
    Phase.RACE: "race week",
}
PAIN_COLOUR = "#7b3294"
LONG_COLOUR = "#222222"
TODAY_COLOUR = "#666666"
"""Named for the light theme; on a dark window the pain, long-run and today lines take lighter shades
(``trends.style.DARK_DATA``, applied by ``ChartView.set_theme``)."""
PLANNED_COLOUR = "#888888"
"""The legend's mark for "planned (pale), run (solid)"."""
PLANNED_ALPHA = 0.28


def _bars(centres: np.ndarray, half: float, heights: list[float]) -> list:
    return [
        ((c - half, 0.0), (c - half, h), (c + half, h), (c + half, 0.0)) for c, h in zip(centres, heights, strict=True)
    ]


_OWN_MARKS = {"dash": ("&#8212;", "_"), "dot": ("&#9679;", "o")}
"""Legend kinds of this chart only: the header's character and matplotlib's marker."""


class RaceChart(ChartView):
    """Planned (``planned``) and actual (``actual``) weekly bars, long runs (``long_planned``, ``long_actual``),
    weekly pain (``pain``) and today (``today``). Fed by ``show_plan``, not by the Trends ``update_chart``."""

    MARGINS_PX = (54, 54, 8, 40)

    def build(self) -> None:
        self.date_axis()
        self.planned = PolyCollection([], linewidths=0, alpha=PLANNED_ALPHA)
        self.actual = PolyCollection([], linewidths=0)
        self.ax.add_collection(self.planned)
        self.ax.add_collection(self.actual)
        (self.long_planned,) = self.ax.plot(
            [], [], linestyle="none", marker="_", markersize=11, mew=2, color=LONG_COLOUR
        )
        (self.long_actual,) = self.ax.plot([], [], linestyle="none", marker="o", markersize=4, color=LONG_COLOUR)
        self.today = self.ax.axvline(0, color=TODAY_COLOUR, linewidth=0.8, linestyle=":")
        self.ax2 = self.twin("Pain 0-10 (weekly mean)")
        self.ax2.set_ylim(0, 10.5)
        (self.pain,) = self.ax2.plot([], [], color=PAIN_COLOUR, linewidth=1.6, marker="o", markersize=3)
        self.weeks: tuple[PlanWeek, ...] = ()
        self.legend_loc = "upper left"

    def show_plan(self, plan: RacePlan | None, unit: DistanceUnit, empty: str = "") -> None:
        """Draw ``plan`` in ``unit``; with no plan (or ``empty``), an empty chart saying ``empty``."""
        self.hover.clear()
        if plan is None or empty:
            self.weeks = ()
            for collection in (self.planned, self.actual):
                collection.set_verts([])
            for line in (self.long_planned, self.long_actual, self.pain):
                line.set_data([], [])
            self.today.set_visible(False)
            self._axes_shown(False)
            self.show_empty(empty or "No goal race yet")
            self.set_legend([])
            return
        self._axes_shown(True)
        self.show_empty("")
        self.weeks = weeks = plan.weeks
        per_km = 1000.0 / unit.metres
        u = unit.value
        x = np.array([day_num(w.week_start) + 3.5 for w in weeks])
        planned = [w.planned_km * per_km for w in weeks]
        actual = [(w.actual_km or 0.0) * per_km for w in weeks]
        colours = [PHASE_COLOURS[w.phase] for w in weeks]
        self.planned.set_verts(_bars(x, 3.0, planned))
        self.planned.set_facecolor(colours)
        self.actual.set_verts(_bars(x, 1.6, actual))
        self.actual.set_facecolor(colours)
        long_planned = np.array([w.planned_long_km * per_km for w in weeks])
        long_actual = np.array([w.actual_long_km * per_km if w.actual_long_km else NAN for w in weeks])
        self.long_planned.set_data(x, long_planned)
        self.long_actual.set_data(x, long_actual)
        pains = np.array([NAN if w.pain is None else w.pain for w in weeks])
        self.pain.set_data(x, pains)
        self.today.set_xdata([day_num(plan.as_of)] * 2)
        self.today.set_visible(weeks[0].week_start <= plan.as_of <= weeks[-1].week_end)
        top = max([*planned, *actual, *long_planned, 1.0])
        self.ax.set_ylim(0, top * 1.25)
        self.ax.set_xlim(x[0] - 4.5, x[-1] + 4.5)
        self.ax.set_ylabel(f"Distance per week ({u})", fontsize=FONT)

        def week_text(i: int) -> str:
            w = weeks[i]
            lines = [
                f"Week of {fmt_day(w.week_start)}: {PHASE_NAMES[w.phase]}",
                f"Planned {planned[i]:.1f} {u}, long run {long_planned[i]:.1f} {u}",
            ]
            if w.actual_km is None:
                lines.append("Still to come")
            else:
                so_far = " so far" if w.week_end >= plan.as_of else ""
                longest = f", longest {long_actual[i]:.1f} {u}" if w.actual_long_km else ""
                lines.append(f"Run{so_far}: {actual[i]:.1f} {u}{longest}")
            if w.pain is not None:
                regions = ", ".join(f"{r.label.lower()} {v:.1f}" for r, v in w.pain_by_region.items() if v)
                lines.append(f"Pain: mean {w.pain:.1f}" + (f" ({regions})" if regions else ""))
            return "\n".join(lines)

        self.hover.add_points(self.ax, x, long_actual, week_text)
        self.hover.add_points(self.ax, x, long_planned, week_text)
        self.hover.add_points(self.ax2, x, pains, week_text)
        self.hover.add_bars(
            self.ax, x - 3.0, x + 3.0, [max(p, a) for p, a in zip(planned, actual, strict=True)], week_text
        )
        present = [p for p in Phase if any(w.phase is p for w in weeks)]
        self.set_legend(
            [LegendItem(PHASE_NAMES[p], PHASE_COLOURS[p]) for p in present]
            + [
                LegendItem("planned (pale), run (solid)", PLANNED_COLOUR, alpha=0.5),
                LegendItem("long run planned", LONG_COLOUR, "dash"),
                LegendItem("longest run", LONG_COLOUR, "dot"),
                LegendItem("weekly pain", PAIN_COLOUR, "line"),
            ]
        )

    def _axes_shown(self, shown: bool) -> None:
        """Hide the scales (ticks, labels, grid) of an empty chart, so no stale plan's figures remain."""
        for axis in (self.ax.xaxis, self.ax.yaxis, self.ax2.yaxis):
            axis.set_visible(shown)
        self.ax.set_frame_on(shown)
        self.ax2.set_frame_on(shown)

    def set_legend(self, items: list[LegendItem]) -> None:
        """The header legend, with this chart's dash and dot marks besides the usual kinds."""
        standard = [i for i in items if i.kind not in _OWN_MARKS]
        super().set_legend(standard)
        self.legend_items = items
        own = [
            f'<span style="color:{self.theme.data(i.colour)}">{_OWN_MARKS[i.kind][0]}</span>&nbsp;'
            f"{escape(i.label).replace(' ', '&nbsp;')}"
            for i in items
            if i.kind in _OWN_MARKS
        ]
        if own:
            self.header.setText("&nbsp;&nbsp; ".join([self.header.text(), *own]))

    def _legend_handles(self) -> list[Artist]:
        items = self.legend_items
        self.legend_items = [i for i in items if i.kind not in _OWN_MARKS]
        try:
            handles = super()._legend_handles()
        finally:
            self.legend_items = items
        for item in items:
            if item.kind in _OWN_MARKS:
                marker = _OWN_MARKS[item.kind][1]
                handles.append(
                    Line2D([], [], color=item.colour, marker=marker, mew=2, linestyle="none", label=item.label)
                )
        return handles
