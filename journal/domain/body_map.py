"""The body map's figure: a back view of a person, read from ``resources/body-back.svg``.

The SVG was drawn for this app. Its paths are in three groups: ``silhouette``
(the body and head, filled), ``detail`` (a few lines for the shoulder blades,
spine and knees, stroked) and ``region`` (one filled path per pain region, whose
``id`` is the region's identifier, e.g. ``lower_back``). Seen from behind, the
person's left is on the viewer's left.

The check-in's map (Qt) and the report's figure (matplotlib) both draw from the
segments parsed here, so they show the same figure. Only the SVG commands the
file uses are read: absolute ``M``, ``L``, ``C`` and ``Z``; anything else is
refused with the command named, so an edited file cannot be drawn wrongly.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path

from journal.domain.vocabulary import Region

BODY_MAP_SVG = Path(__file__).resolve().parents[2] / "resources" / "body-back.svg"
_SVG_NS = "{http://www.w3.org/2000/svg}"
_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class PathOp(Enum):
    MOVE = "M"
    LINE = "L"
    CUBIC = "C"
    CLOSE = "Z"

    @property
    def point_count(self) -> int:
        return {PathOp.MOVE: 1, PathOp.LINE: 1, PathOp.CUBIC: 3, PathOp.CLOSE: 0}[self]


Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Segment:
    """One path command: MOVE/LINE to a point, CUBIC with two control points then the end, CLOSE."""

    op: PathOp
    points: tuple[Point, ...] = ()


class ShapeKind(Enum):
    SILHOUETTE = "silhouette"
    DETAIL = "detail"
    REGION = "region"


@dataclass(frozen=True, slots=True)
class Shape:
    kind: ShapeKind
    segments: tuple[Segment, ...]
    region: Region | None = None

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of every point, control points included (a cubic stays inside them)."""
        xs = [p[0] for s in self.segments for p in s.points]
        ys = [p[1] for s in self.segments for p in s.points]
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def label_point(self) -> Point:
        """Where the region's score is written: the centre of its bounds."""
        left, top, right, bottom = self.bounds
        return (left + right) / 2, (top + bottom) / 2


@dataclass(frozen=True, slots=True)
class BodyMap:
    width: float
    height: float
    shapes: tuple[Shape, ...]
    """In drawing order: silhouette, details, then regions."""

    def of_kind(self, kind: ShapeKind) -> tuple[Shape, ...]:
        return tuple(s for s in self.shapes if s.kind is kind)

    @property
    def regions(self) -> dict[Region, Shape]:
        return {s.region: s for s in self.shapes if s.region is not None}


class BodyMapError(ValueError):
    """The body map's SVG cannot be read (a missing file, a region without a path, an unknown command)."""


def parse_path_data(d: str) -> tuple[Segment, ...]:
    """The segments of an SVG path's ``d`` (absolute M, L, C, Z; a command letter may repeat implicitly)."""
    segments: list[Segment] = []
    tokens = _TOKEN.findall(d)
    i, op = 0, None
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            try:
                op = PathOp(token)
            except ValueError:
                raise BodyMapError(f"path command {token!r} is not supported (use absolute M, L, C, Z)") from None
            i += 1
            if op is PathOp.CLOSE:
                segments.append(Segment(op))
                continue
        elif op is None or op is PathOp.CLOSE:
            raise BodyMapError(f"a number without a command in path data near {token!r}")
        values = tokens[i : i + 2 * op.point_count]
        if len(values) < 2 * op.point_count or any(v.isalpha() for v in values):
            raise BodyMapError(f"path command {op.value} needs {2 * op.point_count} numbers")
        numbers = [float(v) for v in values]
        points = tuple((numbers[k], numbers[k + 1]) for k in range(0, len(numbers), 2))
        segments.append(Segment(op, points))
        i += len(values)
        if op is PathOp.MOVE:
            op = PathOp.LINE  # further pairs after M are lines, as in SVG
    return tuple(segments)


def parse_body_map(text: str) -> BodyMap:
    """Read the figure from the SVG's text; raises BodyMapError when a region or the silhouette is missing."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise BodyMapError(f"the body map is not valid SVG: {exc}") from None
    try:
        _x, _y, width, height = (float(v) for v in root.get("viewBox", "").replace(",", " ").split())
    except ValueError:
        raise BodyMapError("the body map has no viewBox of four numbers") from None
    shapes: list[Shape] = []
    for kind in ShapeKind:
        for group in root.iter(f"{_SVG_NS}g"):
            if group.get("class") != kind.value:
                continue
            for element in group.iter(f"{_SVG_NS}path"):
                region = None
                if kind is ShapeKind.REGION:
                    try:
                        region = Region(element.get("id", ""))
                    except ValueError:
                        raise BodyMapError(f"region path id {element.get('id')!r} is not a region") from None
                shapes.append(Shape(kind, parse_path_data(element.get("d", "")), region))
    found = {s.region for s in shapes if s.region is not None}
    if missing := [r.value for r in Region if r not in found]:
        raise BodyMapError(f"the body map has no path for: {', '.join(missing)}")
    if not any(s.kind is ShapeKind.SILHOUETTE for s in shapes):
        raise BodyMapError("the body map has no silhouette")
    return BodyMap(width, height, tuple(shapes))


@cache
def body_map() -> BodyMap:
    """The app's figure (read once). Raises BodyMapError when the file is missing or wrong."""
    try:
        text = BODY_MAP_SVG.read_text(encoding="utf-8")
    except OSError as exc:
        raise BodyMapError(f"the body map {BODY_MAP_SVG} cannot be read: {exc.strerror or exc}") from None
    return parse_body_map(text)
