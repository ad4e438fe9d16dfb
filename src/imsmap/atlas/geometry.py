"""Path geometry for the atlas, without Qt.

Parses the path subset of docs/atlas-format.md (absolute ``M``, ``L``, ``C``, ``Q``, ``Z``), flattens
curves into polygons, and answers the questions the rest of the app asks of a region: its bounding
box, its area, whether a point lies inside it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # numpy is imported where it is used: the first paint needs none of it
    import numpy as np

from imsmap.atlas.errors import AtlasError

Point = tuple[float, float]
Polygon = tuple[Point, ...]

_ARITY = {"M": 2, "L": 2, "C": 6, "Q": 4, "Z": 0}


class PathError(AtlasError):
    """Path data outside the supported subset, or malformed."""


# Named tuples, not frozen dataclasses: a chart's paths are about 16,000 segments, and a frozen
# dataclass's __init__ (an object.__setattr__ per field) was a tenth of parsing them.
class Segment(NamedTuple):
    """One drawing command with absolute coordinates: ``numbers`` as the path data writes them
    (``C x1 y1 x2 y2 x y``: six), the order Qt's path calls take them in."""

    cmd: str
    numbers: tuple[float, ...]

    @property
    def points(self) -> tuple[Point, ...]:
        """The numbers as (x, y) pairs."""
        numbers = self.numbers
        return tuple(zip(numbers[::2], numbers[1::2]))


class SubPath(NamedTuple):
    segments: tuple[Segment, ...]
    closed: bool


def parse_path(d: str) -> tuple[SubPath, ...]:
    """Parse path data into sub-paths. Raises PathError with the offending token."""
    if not isinstance(d, str) or not d.strip():
        raise PathError("Path data is empty.")
    tokens = d.replace(",", " ").split()
    subpaths: list[SubPath] = []
    current: list[Segment] = []
    closed = False
    i, count = 0, len(tokens)
    while i < count:
        cmd = tokens[i]
        n = _ARITY.get(cmd)
        if n is None:
            raise PathError(
                f"Path command {cmd!r} is not supported (use absolute M, L, C, Q, Z): {d[:60]!r}"
            )
        raw = tokens[i + 1 : i + 1 + n]
        if len(raw) != n:
            raise PathError(f"Path command {cmd} needs {n} numbers: {d[:60]!r}")
        try:
            nums = tuple(map(float, raw))
        except ValueError:
            raise PathError(f"Path command {cmd} has a value that is not a number: {raw}") from None
        if not all(map(math.isfinite, nums)):
            raise PathError(f"Path command {cmd} has a value that is not finite: {raw}")
        i += 1 + n
        if cmd == "M":
            if current:
                subpaths.append(SubPath(tuple(current), closed))
            current, closed = [Segment("M", nums)], False
            continue
        if not current:
            raise PathError(f"Path data must start with M: {d[:60]!r}")
        if closed:
            raise PathError(f"Path continues after Z without a new M: {d[:60]!r}")
        if cmd == "Z":
            closed = True
        else:
            current.append(Segment(cmd, nums))
    if current:
        subpaths.append(SubPath(tuple(current), closed))
    return tuple(subpaths)


def _cubic(p0: Point, p1: Point, p2: Point, p3: Point, steps: int) -> list[Point]:
    """``steps`` points along the curve after p0, evenly in t. Plain floats: at most 64 points,
    and numpy's import (about 0.1 s) was the first tap's wait, when the service first asked
    which muscle lies under a point."""
    out: list[Point] = []
    for i in range(1, steps + 1):
        t = i / steps
        mt = 1.0 - t
        a, b, c, d = mt * mt * mt, 3 * mt * mt * t, 3 * mt * t * t, t * t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return out


def _steps_for(points: Sequence[Point], tolerance: float) -> int:
    length = sum(math.dist(a, b) for a, b in zip(points, points[1:]))
    return max(2, min(64, int(math.ceil(length / max(tolerance, 0.1)))))


def flatten_subpath(sub: SubPath, tolerance: float = 4.0) -> Polygon:
    """Points along the sub-path, curves sampled about every ``tolerance`` units."""
    pts: list[Point] = []
    cur: Point = sub.segments[0].points[0]
    pts.append(cur)
    for seg in sub.segments[1:]:
        if seg.cmd == "L":
            cur = seg.points[0]
            pts.append(cur)
        elif seg.cmd == "C":
            p1, p2, p3 = seg.points
            pts.extend(_cubic(cur, p1, p2, p3, _steps_for((cur, p1, p2, p3), tolerance)))
            cur = p3
        elif seg.cmd == "Q":
            (qx, qy), end = seg.points
            c1 = (cur[0] + 2 / 3 * (qx - cur[0]), cur[1] + 2 / 3 * (qy - cur[1]))
            c2 = (end[0] + 2 / 3 * (qx - end[0]), end[1] + 2 / 3 * (qy - end[1]))
            ctrl = (cur, c1, c2, end)
            pts.extend(_cubic(*ctrl, _steps_for(ctrl, tolerance)))
            cur = end
    if sub.closed and len(pts) > 1 and math.dist(pts[0], pts[-1]) < 1e-9:
        pts.pop()
    return tuple(pts)


def flatten(d: str, tolerance: float = 4.0) -> tuple[Polygon, ...]:
    """Flatten every sub-path of ``d`` into a polygon (or polyline for open sub-paths)."""
    return tuple(flatten_subpath(s, tolerance) for s in parse_path(d))


def is_closed(d: str) -> bool:
    """True if every sub-path of ``d`` ends with Z."""
    return all(s.closed for s in parse_path(d))


def bbox(points: Iterable[Point]) -> tuple[float, float, float, float]:
    """(min_x, min_y, max_x, max_y) of the points."""
    pts = list(points)
    if not pts:
        raise ValueError("bbox of no points")
    xs = [float(p[0]) for p in pts]
    ys = [float(p[1]) for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def area(polygon: Sequence[Point]) -> float:
    """Unsigned area of a simple polygon (shoelace formula). Plain floats, as `_cubic`: a
    region has a hundred points or so, and the first chart that marks muscles needled on
    another chart asked for areas at the first patient's open, where numpy's import (about
    0.1 s of CPU) was most of the wait."""
    if len(polygon) < 3:
        return 0.0
    twice = 0.0
    ax, ay = polygon[-1]
    for bx, by in polygon:
        twice += ax * by - bx * ay
        ax, ay = bx, by
    return abs(twice) / 2.0


def centroid(polygon: Sequence[Point]) -> Point:
    """Area centroid of a simple polygon (falls back to the vertex mean when degenerate)."""
    import numpy as np

    arr = np.asarray(polygon, dtype=float)
    x, y = arr[:, 0], arr[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    a = cross.sum() / 2.0
    if abs(a) < 1e-9:
        return (float(x.mean()), float(y.mean()))
    return (float(((x + xn) * cross).sum() / (6 * a)), float(((y + yn) * cross).sum() / (6 * a)))


def points_in_polygon(polygon: Sequence[Point] | np.ndarray, xs: np.ndarray, ys: np.ndarray
                      ) -> np.ndarray:
    """Even-odd test of many points at once; returns a boolean array shaped like ``xs``."""
    import numpy as np

    poly = np.asarray(polygon, dtype=float)
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    inside = np.zeros(xs.shape, dtype=bool)
    if len(poly) < 3:
        return inside
    x0, y0 = poly[:, 0], poly[:, 1]
    x1, y1 = np.roll(x0, -1), np.roll(y0, -1)
    for ax, ay, bx, by in zip(x0, y0, x1, y1):
        if ay == by:
            continue
        crosses = (ay > ys) != (by > ys)
        xint = ax + (ys - ay) * (bx - ax) / (by - ay)
        inside ^= crosses & (xs < xint)
    return inside


def point_in_polygon(polygon: Sequence[Point], x: float, y: float) -> bool:
    """Even-odd test of one point."""
    inside = False
    n = len(polygon)
    if n < 3:
        return False
    ax, ay = polygon[-1]
    for bx, by in polygon:
        if (ay > y) != (by > y):
            if x < ax + (y - ay) * (bx - ax) / (by - ay):
                inside = not inside
        ax, ay = bx, by
    return inside


def nearest_on_outline(polygon: Sequence[Point], x: float, y: float) -> Point:
    """The point of the polygon's outline (its edges, closed) nearest to (x, y)."""
    best, found = math.inf, (x, y)
    ax, ay = polygon[-1]
    for bx, by in polygon:
        dx, dy = bx - ax, by - ay
        ll = dx * dx + dy * dy
        t = min(1.0, max(0.0, ((x - ax) * dx + (y - ay) * dy) / ll)) if ll else 0.0
        px, py = ax + t * dx, ay + t * dy
        d = (px - x) ** 2 + (py - y) ** 2
        if d < best:
            best, found = d, (px, py)
        ax, ay = bx, by
    return found


def inscribed_extent(polygon: Sequence[Point], step: float = 2.0) -> float:
    """Approximate diameter of the largest circle inside the polygon (grid + distance to edges).

    Used to judge touch targets: a region whose extent is small needs zooming to hit reliably.
    """
    import numpy as np

    poly = np.asarray(polygon, dtype=float)
    x0, y0, x1, y1 = bbox(polygon)
    xs, ys = np.meshgrid(np.arange(x0, x1 + step, step), np.arange(y0, y1 + step, step))
    inside = points_in_polygon(polygon, xs, ys)
    if not inside.any():
        return 0.0
    px, py = xs[inside], ys[inside]
    a = poly
    b = np.roll(poly, -1, axis=0)
    best = np.full(px.shape, np.inf)
    for (ax, ay), (bx, by) in zip(a, b):
        dx, dy = bx - ax, by - ay
        ll = dx * dx + dy * dy
        t = np.clip(((px - ax) * dx + (py - ay) * dy) / ll, 0, 1) if ll else np.zeros(px.shape)
        dist = np.hypot(px - (ax + t * dx), py - (ay + t * dy))
        best = np.minimum(best, dist)
    return float(2 * best.max())
