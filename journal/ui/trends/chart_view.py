"""The base of the Trends charts: a matplotlib Figure in a FigureCanvasQTAgg, hover tooltips, saving as PNG.

matplotlib is embedded the documented way for Qt (``FigureCanvasQTAgg`` around a
``matplotlib.figure.Figure``; never pyplot, whose global state does not belong in
an application). Hovering a bar or point shows its date and values: each drawing
registers its bars and points in a ``HoverIndex``, which is searched in screen
pixels, so it keeps working after the window is resized.

The chart follows the window's colour scheme (``ChartTheme`` from the palette, again
whenever the palette changes); a saved PNG is always drawn light. Margins are in
logical pixels, scaled with the figure's dpi, so axis titles stay in view on a
high-DPI screen (FigureCanvasQTAgg doubles the dpi at a device pixel ratio of 2).
A chart with nothing to show is not drawn: a sentence takes its place.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Literal

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.colors import to_hex
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, MultipleLocator
from matplotlib.transforms import Transform, offset_copy
from numpy.typing import ArrayLike
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from journal.analysis.stats import Stats
from journal.interchange.private_files import write_private
from journal.ui.colours import is_dark
from journal.ui.trends.style import DARK, FONT, LIGHT, ChartOptions, ChartTheme, LegendItem
from journal.ui.trends.wrap_label import WrapLabel

LegendLoc = Literal["upper left", "upper center", "upper right"]
"""Where a saved PNG's legend goes (on screen the legend is Qt text in the header)."""
HOVER_RADIUS_PX = 7.0
BASE_DPI = 100.0
"""The figure's dpi at a device pixel ratio of 1; margins are given in pixels at this dpi."""
Y_LABEL_PT = 31.0
"""Axis labels sit this far outside the axes (points), beyond the tick labels."""
X_LABEL_PT = 17.0
Y_WRAPPED_PT = 23.0
"""A y-axis title on two lines sits this far outside the axes (its two lines take about 16 points)."""
MIN_LABEL_FONT = 6.5
"""A y-axis title is made no smaller than this (points); below it, it goes onto two lines."""


def _shifted(figure: Figure, ax: Axes, dx_pt: float, dy_pt: float) -> Transform:
    """Axes coordinates moved by (dx, dy) points (so the offset scales with the dpi of a saved PNG)."""
    return offset_copy(ax.transAxes, figure, x=dx_pt, y=dy_pt, units="points")


TextFor = Callable[[int], str]
"""The tooltip of item i, made only when hovered (formatting ten years of texts up front would be slow)."""


@dataclass
class _Points:
    axes: Axes
    xy: np.ndarray  # shape (n, 2), data coordinates
    text: TextFor


@dataclass
class _Bars:
    axes: Axes
    corners: np.ndarray  # shape (n, 4): left, bottom, right, top in data coordinates
    text: TextFor


@dataclass
class HoverIndex:
    """The bars and points of a chart with the tooltip text of each, searched by pixel position."""

    points: list[_Points] = field(default_factory=list)
    bars: list[_Bars] = field(default_factory=list)

    def clear(self) -> None:
        self.points.clear()
        self.bars.clear()

    def add_points(self, axes: Axes, xs: ArrayLike, ys: ArrayLike, text: TextFor) -> None:
        """Points at (xs[i], ys[i]) in ``axes`` data coordinates; NaN points are never found."""
        xy = np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)])
        if len(xy):
            self.points.append(_Points(axes, xy, text))

    def add_bars(self, axes: Axes, lefts: ArrayLike, rights: ArrayLike, tops: ArrayLike, text: TextFor) -> None:
        """Bars from 0 to tops[i] between lefts[i] and rights[i]."""
        left = np.asarray(lefts, dtype=float)
        if len(left):
            corners = np.column_stack([left, np.zeros(len(left)), np.asarray(rights, float), np.asarray(tops, float)])
            self.bars.append(_Bars(axes, corners, text))

    def text_at(self, x: float, y: float) -> str | None:
        """The text of the point nearest (x, y) (display pixels, origin bottom left) within 7 px, else of the bar there."""
        best: tuple[float, _Points, int] | None = None
        for group in self.points:
            pixels = group.axes.transData.transform(group.xy)
            distance = np.hypot(pixels[:, 0] - x, pixels[:, 1] - y)
            distance[~np.isfinite(distance)] = np.inf
            i = int(np.argmin(distance))
            if distance[i] <= HOVER_RADIUS_PX and (best is None or distance[i] < best[0]):
                best = (float(distance[i]), group, i)
        if best is not None:
            return best[1].text(best[2])
        for bars in self.bars:
            low = bars.axes.transData.transform(bars.corners[:, :2])
            high = bars.axes.transData.transform(bars.corners[:, 2:])
            tall = np.maximum(high[:, 1], low[:, 1] + 3)  # a zero-height bar can still be found
            inside = (low[:, 0] <= x) & (x <= high[:, 0]) & (low[:, 1] - 3 <= y) & (y <= tall)
            hits = np.flatnonzero(inside)
            if hits.size:
                return bars.text(int(hits[0]))
        return None


class ChartView(QWidget):
    """A chart: a header (title and legend as Qt text), a canvas with hover tooltips, and PNG export.

    Subclasses create their axes and artists once in ``build()`` and only change their
    data in ``update_chart(stats, opts)``: re-creating axes, ticks and legends on every
    redraw costs several times more than drawing them. On screen the title and legend
    are Qt text in the header (crisp and cheap); ``render_png`` draws them into the
    figure, so a saved chart reads on its own.
    """

    MARGINS_PX = (54, 54, 8, 40)
    """Left, right, top, bottom margins in pixels on screen."""
    MINIMUM_PX = (300, 150)
    """The smallest chart (width, height): two rows of charts and their legends fit the Trends page of a window
    on a 1366 x 768 screen."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.figure = Figure(figsize=(5.0, 3.2), dpi=100)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(*self.MINIMUM_PX)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setAccessibleName(title)
        self.header = WrapLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.hover = HoverIndex()
        self.margins_px = self.MARGINS_PX
        self.legend_items: list[LegendItem] = []
        self.legend_loc: LegendLoc = "upper left"
        self._tip_shown = False
        self.theme: ChartTheme = LIGHT
        self.ax = self.figure.add_subplot()
        self.ax.tick_params(labelsize=FONT)
        self.ax.spines["top"].set_visible(False)
        self.ax.grid(axis="y", linewidth=0.8)
        self.ax.set_axisbelow(True)
        # fixed label positions: matplotlib otherwise measures every tick label on each draw to place them
        self.ax.yaxis.set_label_coords(0, 0.5, transform=_shifted(self.figure, self.ax, -Y_LABEL_PT, 0))
        self.ax.xaxis.set_label_coords(0.5, 0, transform=_shifted(self.figure, self.ax, 0, -X_LABEL_PT))
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMinimumSize(*self.MINIMUM_PX)
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty_label.setStyleSheet("color: palette(placeholder-text); border: 1px dashed palette(mid);")
        self.empty_label.hide()
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)
        self.canvas.mpl_connect("resize_event", lambda _event: self.apply_margins())
        self.canvas.mpl_connect("draw_event", lambda _event: self._fit_axis_labels())
        self._axis_labels: dict[int, tuple[str, str]] = {}
        """id of a y-axis label -> (its full text, the text shown), for ``_fit_axis_labels``."""
        self._saving = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.empty_label, 1)
        self.set_legend([])
        self.build()
        self.set_theme(self._palette_theme())

    # ---- for subclasses ------------------------------------------------------------------------
    def build(self) -> None:
        """Create the persistent axes and artists."""

    def update_chart(self, stats: Stats, opts: ChartOptions) -> None:
        """Put the figures of ``stats`` into the artists (then the page draws the canvas)."""
        raise NotImplementedError

    def twin(self, label: str) -> Axes:
        """A right-hand axis for pain (0-10, ticks every 2)."""
        ax2 = self.ax.twinx()
        ax2.set_ylabel(label, fontsize=FONT)
        ax2.yaxis.set_label_coords(1, 0.5, transform=_shifted(self.figure, ax2, Y_LABEL_PT, 0))
        ax2.tick_params(labelsize=FONT)
        ax2.yaxis.set_major_locator(MultipleLocator(2))
        ax2.spines["top"].set_visible(False)
        return ax2

    def date_axis(self) -> None:
        locator = AutoDateLocator(minticks=3, maxticks=5)
        self.ax.xaxis.set_major_locator(locator)
        self.ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        self.ax.yaxis.set_major_locator(MaxNLocator(nbins=4))

    def themed(self) -> None:
        """Recolour the subclass's own theme-dependent artists from ``self.theme`` (called by ``set_theme``)."""

    def show_empty(self, message: str) -> bool:
        """Show ``message`` in place of the chart (or the chart again with ""); returns True when empty.

        An empty chart is not drawn at all: no axes from 1970, no bands over nothing."""
        self.empty_label.setText(message)
        self.empty_label.setVisible(bool(message))
        self.canvas.setVisible(not message)
        return bool(message)

    @property
    def is_empty(self) -> bool:
        return not self.empty_label.isHidden()

    # ---- colour scheme -----------------------------------------------------------------------
    def _palette_theme(self) -> ChartTheme:
        return DARK if is_dark(self.palette()) else LIGHT

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            theme = self._palette_theme()
            if theme != self.theme:
                self.set_theme(theme)
                self.canvas.draw_idle()

    def set_theme(self, theme: ChartTheme) -> None:
        """Colour the figure, axes, ticks, labels and grid (and, through ``themed``, the subclass's artists)."""
        self.theme = theme
        self.figure.set_facecolor(theme.figure)
        for ax in self.figure.axes:
            if ax is self.ax:
                ax.set_facecolor(theme.face)
                ax.grid(axis="y", color=theme.grid, linewidth=0.8)
            ax.tick_params(colors=theme.text, which="both")
            for spine in ax.spines.values():
                spine.set_color(theme.spine)
            ax.xaxis.label.set_color(theme.text)
            ax.yaxis.label.set_color(theme.text)
            ax.title.set_color(theme.text)
            for line in ax.lines:  # data lines in a colour that has a darker-window shade (``style.DARK_DATA``)
                colour = to_hex(line.get_color())
                if theme.data(colour) != colour:
                    line.set_color(theme.data(colour))
        self.themed()
        self.set_legend(self.legend_items)

    def set_legend(self, items: list[LegendItem]) -> None:
        self.legend_items = items
        marks = {"patch": "&#9632;", "line": "&#9644;", "dashed": "&#8211; &#8211;", "marker": "&#9650;"}
        parts = [f"<b>{escape(self.title)}</b>"] + [
            f'<span style="color:{self.theme.data(i.colour)}">{marks[i.kind]}</span>&nbsp;'
            f"{escape(i.label).replace(' ', '&nbsp;')}"
            for i in items
        ]
        self.header.setText("&nbsp;&nbsp; ".join(parts))

    # ---- layout, hover, export ------------------------------------------------------------------
    def apply_margins(self) -> None:
        """Place the axes inside fixed pixel margins (matplotlib's constrained layout costs more than the
        whole drawing on a ten-year journal)."""
        scale = self.figure.dpi / BASE_DPI
        left, right, top, bottom = (m * scale for m in self.margins_px)
        width, height = self.figure.bbox.width, self.figure.bbox.height
        if width <= left + right + 20 or height <= top + bottom + 20:
            return
        self.figure.subplots_adjust(
            left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height
        )

    def _fit_axis_labels(self) -> None:
        """Keep each y-axis title within the height of its axes: a smaller font, then two lines.

        Checked after each draw (a title changes with the unit, the region and the lag); when
        one had to change, the chart is drawn once more. A title is never cut off, at any size
        or scale factor.
        """
        if self._saving:  # a PNG is drawn at its own dpi; the screen's titles were fitted already
            return
        renderer = self.canvas.get_renderer()
        changed = False
        for ax in self.figure.axes:
            label = ax.yaxis.label
            shown = label.get_text()
            if not shown or not ax.yaxis.get_visible():
                continue
            known = self._axis_labels.get(id(label))
            full = known[0] if known is not None and known[1] == shown else shown
            room = ax.bbox.height * 0.96
            text, size = full, float(FONT)
            prop = label.get_fontproperties().copy()
            prop.set_size(size)
            length = renderer.get_text_width_height_descent(full, prop, ismath=False)[0]
            if length > room:
                size = max(MIN_LABEL_FONT, FONT * room / length)
                if size == MIN_LABEL_FONT and length * MIN_LABEL_FONT / FONT > room:
                    middle = len(full) // 2
                    spaces = [i for i, ch in enumerate(full) if ch == " "]
                    if spaces:
                        cut = min(spaces, key=lambda i: abs(i - middle))
                        text = full[:cut] + "\n" + full[cut + 1 :]
            self._axis_labels[id(label)] = (full, text)
            if text != shown or abs(label.get_fontproperties().get_size_in_points() - size) > 0.05:
                label.set_text(text)
                label.set_fontsize(size)
                # two lines sit nearer the axis, so the outer one stays inside the margin
                distance = Y_WRAPPED_PT if "\n" in text else Y_LABEL_PT
                right = ax.yaxis.get_label_position() == "right"
                shift = _shifted(self.figure, ax, distance if right else -distance, 0)
                ax.yaxis.set_label_coords(1 if right else 0, 0.5, transform=shift)
                changed = True
        if changed:
            self.canvas.draw_idle()

    def _on_motion(self, event: MouseEvent) -> None:
        text = self.hover.text_at(event.x, event.y) if event.x is not None and event.y is not None else None
        if text:
            QToolTip.showText(QCursor.pos(), text, self.canvas)
            self._tip_shown = True
        elif self._tip_shown:
            QToolTip.hideText()
            self._tip_shown = False

    def hover_text_at_data(self, axes: Axes, x: float, y: float) -> str | None:
        """The tooltip that hovering at data point (x, y) of ``axes`` shows (for tests and keyboard users)."""
        px, py = axes.transData.transform((x, y))
        return self.hover.text_at(px, py)

    def _legend_handles(self) -> list[Artist]:
        handles: list[Artist] = []
        for item in self.legend_items:
            if item.kind == "patch":
                handles.append(Patch(color=item.colour, alpha=item.alpha, label=item.label))
            elif item.kind == "marker":
                handles.append(Line2D([], [], color=item.colour, marker="^", linestyle="none", label=item.label))
            else:
                style: Literal["--", "-"] = "--" if item.kind == "dashed" else "-"
                handles.append(Line2D([], [], color=item.colour, linestyle=style, linewidth=2, label=item.label))
        return handles

    def render_png(self, dpi: int = 150) -> bytes:
        """The chart as PNG bytes, with its title and legend drawn in, in the light theme whatever the screen's."""
        saved = self.margins_px
        screen_theme = self.theme
        self.set_theme(LIGHT)
        left, right, _top, bottom = saved
        self.margins_px = (left, right, 26, bottom)
        self.apply_margins()
        title = self.ax.set_title(self.title, loc="left", fontsize=FONT + 2, fontweight="bold")
        handles: list[Artist] = self._legend_handles()
        legend = (
            self.figure.axes[-1].legend(
                handles=handles,
                fontsize=FONT - 1,
                loc=self.legend_loc,
                ncols=2,
                framealpha=0.9,
            )
            if handles
            else None
        )
        buffer = io.BytesIO()
        self._saving = True
        try:
            self.figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
        finally:
            self._saving = False
            title.set_text("")
            if legend is not None:
                legend.remove()
            self.margins_px = saved
            self.set_theme(screen_theme)
            self.apply_margins()
            self.canvas.draw_idle()
        return buffer.getvalue()

    def save_png(self, path: Path) -> Path:
        """Write the chart as a PNG readable only by its owner (it shows health data)."""
        return write_private(path, self.render_png())
