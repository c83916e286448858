"""Page 1's figure: the body map, each region coloured by its average pain over the period.

The same back view as the check-in's map (``journal.domain.body_map``, read from
``resources/body-back.svg``) drawn with matplotlib paths (``Figure`` and the Agg canvas,
never pyplot), on the same colour scale (``journal.domain.pain_scale``). A region's
number is its average of the daily highest scores (``RegionSummary.average``, as in the
table beside it); a region scored only 0 shows 0; a region never scored in the period
is grey with a dash. A key of the scale runs underneath.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.domain.body_map import BodyMap, BodyMapError, PathOp, Shape, ShapeKind, body_map
from journal.domain.pain_scale import NOT_SCORED, PAIN_COLOURS, pain_colour, text_colour_on
from journal.domain.vocabulary import Region
from journal.interchange.report.charts import DPI, Chart, _png
from journal.interchange.report.report_model import DoctorReport

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.path import Path

WIDTH_IN, HEIGHT_IN = 1.45, 2.75
SILHOUETTE, OUTLINE, DETAIL = "#ece6df", "#857d74", "#b5aca2"


def region_averages(r: DoctorReport) -> dict[Region, float | None]:
    """Each region's average pain over the period; 0 for a region scored only 0; None when never scored."""
    averages: dict[Region, float | None] = dict.fromkeys(Region)
    for summary in r.pain.regions:
        averages[summary.region] = summary.average
    for region in r.pain.quiet_regions:
        averages[region] = 0.0
    return averages


def region_colours(averages: dict[Region, float | None]) -> dict[Region, str]:
    """The fill of each region: its average's colour on the pain scale, or grey when never scored."""
    return {r: NOT_SCORED if a is None else pain_colour(a) for r, a in averages.items()}


def _path(shape: Shape) -> Path:
    from matplotlib.path import Path

    vertices, codes = [], []
    start = (0.0, 0.0)
    for segment in shape.segments:
        if segment.op is PathOp.MOVE:
            start = segment.points[0]
            vertices.append(start)
            codes.append(Path.MOVETO)
        elif segment.op is PathOp.LINE:
            vertices.append(segment.points[0])
            codes.append(Path.LINETO)
        elif segment.op is PathOp.CUBIC:
            vertices.extend(segment.points)
            codes.extend([Path.CURVE4] * 3)
        else:
            vertices.append(start)
            codes.append(Path.CLOSEPOLY)
    return Path(vertices, codes)


def _draw_body(ax: Axes, figure: BodyMap, averages: dict[Region, float | None]) -> None:
    from matplotlib import patheffects
    from matplotlib.patches import PathPatch

    fills = region_colours(averages)
    for shape in figure.shapes:
        if shape.kind is ShapeKind.SILHOUETTE:
            ax.add_patch(PathPatch(_path(shape), facecolor=SILHOUETTE, edgecolor=OUTLINE, linewidth=0.8))
        elif shape.kind is ShapeKind.DETAIL:
            ax.add_patch(PathPatch(_path(shape), facecolor="none", edgecolor=DETAIL, linewidth=0.5))
        elif shape.region is not None:
            average, fill = averages[shape.region], fills[shape.region]
            ax.add_patch(PathPatch(_path(shape), facecolor=fill, edgecolor=OUTLINE, linewidth=0.5))
            x, y = shape.label_point
            ink = text_colour_on(fill)
            ax.text(
                x,
                y,
                "–" if average is None else f"{average:.1f}",
                ha="center",
                va="center",
                fontsize=6.3,
                fontweight="bold",
                color=ink,
                path_effects=[patheffects.withStroke(linewidth=1.6, foreground=fill)],
            )
    bottom = figure.height + 6
    for x, word in ((figure.width * 0.3, "Left"), (figure.width * 0.7, "Right")):
        ax.text(x, bottom, word, ha="center", va="top", fontsize=5.5, color="#444444")


def _draw_key(fig: Figure) -> None:
    """The scale 0-10 as a row of swatches under the figure."""
    from matplotlib.patches import Rectangle

    key = fig.add_axes((0.08, 0.035, 0.84, 0.055))
    for score, colour in enumerate(PAIN_COLOURS):
        key.add_patch(Rectangle((score, 0), 1, 1, color=colour))
    key.set_xlim(0, 11)
    key.set_ylim(0, 1)
    key.set_xticks([0.5, 5.5, 10.5], ["0", "5", "10"], fontsize=5.5)
    key.tick_params(length=0, pad=1.5)
    key.set_yticks([])
    for side in key.spines.values():
        side.set_linewidth(0.4)
        side.set_color("#777777")


def body_figure(r: DoctorReport) -> Chart | None:
    """The figure as PNG with its size and caption; None with no check-in in the period or no figure to read."""
    if not r.pain.checkin_days:
        return None
    try:
        figure = body_map()
    except BodyMapError:
        return None  # the report goes on without the figure (the table says the same)
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI)
    ax = fig.add_axes((0.0, 0.13, 1.0, 0.87))
    _draw_body(ax, figure, region_averages(r))
    ax.set_xlim(-4, figure.width + 4)
    ax.set_ylim(figure.height + 24, -4)  # SVG's y runs down
    ax.set_aspect("equal")
    ax.axis("off")
    _draw_key(fig)
    caption = (
        "Average pain per region over the period (mean of each day's highest score), seen from behind: the "
        "runner's left is on the left. Grey: not scored."
    )
    return _png(fig), WIDTH_IN, HEIGHT_IN, "Where it hurt", caption
