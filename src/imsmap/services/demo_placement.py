"""Where the demo puts its sites: for a (muscle, side, level) the chart region that shows it, on
whichever views the atlas ships, and a point well inside that region where a tap would land on
it: where the region is widest (the muscle's belly), or where a practitioner needles a muscle
whose widest part is elsewhere (``demo_data.NEEDLING_SPOTS``: upper trapezius on the top of the
shoulder, not on the nape beside the midline); at the vertebral level's height for a paraspinal
site, spread top to bottom when several levels share one region. Deterministic for a given
random generator.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from imsmap.atlas import Atlas, Region, View, geometry
from imsmap.atlas.views import LEVELS
from imsmap.domain.text import QT_TRANSLATE_NOOP, sentence
from imsmap.services.demo_data import NEEDLING_SPOTS, Spot
from imsmap.store.db import StoreError

__all__ = ["DemoError", "Placer"]


# Defined here, the lowest of the demo modules, because placing a site can fail too; ``demo``
# re-exports it.
class DemoError(StoreError):
    """The demo cannot be made as asked (the file exists, the atlas has no charts...)."""


# Two sites of one visit on one chart at least this far apart (of a body chart's 1000 across):
# at 1366 x 768 a marker's disc has a radius of about 42, so the centre of one, where its number
# is, stays out of the other's disc (jitter takes a little of it back).
MARKER_GAP = 60.0


@dataclass
class _RegionPoints:
    base: tuple[float, float]
    clearance: float
    candidates: list[tuple[float, float, float]]  # x, y, clearance; good points, best first


class Placer:
    """Finds a chart region for (muscle, side, level) and points inside it."""

    def __init__(self, atlas: Atlas):
        self.atlas = atlas
        self._cache: dict[tuple[str, str], _RegionPoints] = {}

    def has_muscle(self, muscle: str) -> bool:
        return muscle in self.atlas.catalogue

    def find(self, muscle: str, side: str, level: str | None = None,
             prefer: str | None = None) -> tuple[View, Region] | None:
        """The region showing `muscle` on `side` (at `level` if there is one), or None."""
        if not self.has_muscle(muscle):
            return None
        muscle = self.atlas.catalogue.resolve_id(muscle)
        found: list[tuple[int, View, Region]] = []
        for order, view in enumerate(self.atlas.views.values()):
            for region in view.regions:
                if region.muscle != muscle or region.side != side:
                    continue
                if level is not None and region.level not in (None, level):
                    continue
                if len(region.polygon) < 3 or region.area <= 0:
                    continue
                found.append((self._rank(view, region, level, prefer, order), view, region))
        if not found:
            return None
        found.sort(key=lambda t: (t[0], t[2].id))
        return found[0][1], found[0][2]

    @staticmethod
    def _rank(view: View, region: Region, level: str | None, prefer: str | None,
              order: int) -> int:
        rank = order
        if level is not None and region.level == level:
            rank -= 10_000  # the region drawn for that very level wins
        if prefer and view.id == prefer:
            rank -= 1_000
        elif prefer == "spinal" and view.kind == "spinal":
            rank -= 1_000
        if view.kind == "body":
            rank -= 100
        return rank

    def _points(self, view: View, region: Region) -> _RegionPoints:
        key = (view.id, region.id)
        if key in self._cache:
            return self._cache[key]
        poly = np.asarray(region.polygon, dtype=float)
        x0, y0, x1, y1 = region.bbox
        n = 28
        xs, ys = np.meshgrid(np.linspace(x0, x1, n + 2)[1:-1], np.linspace(y0, y1, n + 2)[1:-1])
        grid_x, grid_y = xs.ravel(), ys.ravel()
        inside = geometry.points_in_polygon(poly, grid_x, grid_y)
        xs, ys = grid_x[inside], grid_y[inside]
        lx, ly = region.label
        pts: list[tuple[float, float, float]] = []
        if len(xs):
            clear = _clearance(poly, xs, ys)
            order = np.argsort(-clear, kind="stable")
            on_top = self._on_top(view, region, xs, ys)
            pts = [(float(xs[i]), float(ys[i]), float(clear[i])) for i in order if on_top[i]]
            if not pts:  # covered everywhere by its neighbours: inside is all that counts
                pts = [(float(xs[i]), float(ys[i]), float(clear[i])) for i in order]
        best = pts[0] if pts else None
        spot = NEEDLING_SPOTS.get(region.muscle) if view.kind == "body" else None
        if spot is not None and pts:
            best = _nearest_spot(view, region, spot, pts)
        elif region.contains(lx, ly) and self._top_of_layer(view, region, lx, ly):
            label_clear = float(_clearance(poly, np.array([lx]), np.array([ly]))[0])
            if best is None or label_clear >= 0.35 * best[2]:
                best = (lx, ly, label_clear)
        if best is None:  # a sliver: the mean of its vertices, if that lies inside
            cx, cy = geometry.centroid(region.polygon)
            if not region.contains(cx, cy):
                raise DemoError(sentence("DemoPlacement", QT_TRANSLATE_NOOP(
                    "DemoPlacement", "The chart region %1 has no interior point."), region.id))
            best = (cx, cy, 0.0)
        found = _RegionPoints(base=(best[0], best[1]), clearance=best[2], candidates=pts)
        self._cache[key] = found
        return found

    @staticmethod
    def _on_top(view: View, region: Region, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """For each point, whether a tap there lands on `region`: no region of the same layer
        listed before it in the view (regions_at keeps that order within a layer) covers it."""
        ok = np.ones(xs.shape, dtype=bool)
        x0, y0, x1, y1 = region.bbox
        for other in view.regions:
            if other.id == region.id:
                break
            if other.layer != region.layer:
                continue
            ox0, oy0, ox1, oy1 = other.bbox
            if ox1 < x0 or ox0 > x1 or oy1 < y0 or oy0 > y1:
                continue
            ok &= ~geometry.points_in_polygon(np.asarray(other.polygon, dtype=float), xs, ys)
        return ok

    @staticmethod
    def _top_of_layer(view: View, region: Region, x: float, y: float) -> bool:
        """A tap there would land on this region (it is the topmost of its layer)."""
        same_layer = [r for r in view.regions_at(x, y) if r.layer == region.layer]
        return bool(same_layer) and same_layer[0].id == region.id

    def apart(self, view: View, region: Region, taken: list[tuple[float, float]]
              ) -> tuple[float, float, float]:
        """The region's point (x, y, clearance) for a course that also needles the muscles at
        `taken` on this view: its own point where that stands MARKER_GAP from each of them, else
        the roomy candidate nearest it that does, else the one farthest from them. The buttock's
        gluteus medius, gluteus minimus (a layer down) and piriformis stood 20 to 40 apart, one
        marker's number under the next one's disc."""
        info = self._points(view, region)
        own = (info.base[0], info.base[1], info.clearance)

        def room(c: tuple[float, float, float]) -> float:
            return min((((c[0] - x) ** 2 + (c[1] - y) ** 2) ** 0.5 for x, y in taken),
                       default=float("inf"))

        if room(own) >= MARKER_GAP or not info.candidates:
            return own
        roomy = [c for c in info.candidates if c[2] >= 0.3 * info.candidates[0][2]]
        free = [c for c in roomy if room(c) >= MARKER_GAP]
        if not free:
            return max(roomy, key=room)
        return min(free, key=lambda c: (c[0] - own[0]) ** 2 + (c[1] - own[1]) ** 2)

    def point(self, view: View, region: Region, rng: random.Random, *,
              level: str | None = None, slot: int = 0, slots: int = 1,
              at: tuple[float, float, float] | None = None) -> tuple[float, float]:
        """A point inside the region, jittered a little.

        For a vertebral `level` on a region drawn without levels, the point goes to that level's
        height where the view's landmarks tell it; otherwise `slot` of `slots` picks a band from
        top to bottom (several levels sharing one paraspinal region). `at`: the course's point
        for it (`apart`), in place of the region's own."""
        info = self._points(view, region)
        x, y, clear = at if at is not None else (info.base[0], info.base[1], info.clearance)
        height = level_height(view, level) if level and region.level is None else None
        if height is not None and info.candidates:
            roomy = [c for c in info.candidates if c[2] >= 0.3 * info.candidates[0][2]]
            x, y, clear = min(roomy, key=lambda c: (round(abs(c[1] - height)), -c[2]))
        elif slots > 1 and info.candidates:
            y0, y1 = region.bbox[1], region.bbox[3]
            lo = y0 + (y1 - y0) * slot / slots
            hi = y0 + (y1 - y0) * (slot + 1) / slots
            band = [c for c in info.candidates if lo <= c[1] <= hi]
            if band:
                x, y, clear = band[0]
        radius = min(0.3 * clear, 0.006 * max(view.width, view.height))
        for _ in range(8):
            jx = x + rng.uniform(-radius, radius)
            jy = y + rng.uniform(-radius, radius)
            if self._inside(view, region, jx, jy):
                return round(jx, 2), round(jy, 2)
        if not self._inside(view, region, round(x, 2), round(y, 2)):
            raise DemoError(sentence("DemoPlacement", QT_TRANSLATE_NOOP(
                "DemoPlacement", "No point inside the chart region %1 was found."), region.id))
        return round(x, 2), round(y, 2)

    @staticmethod
    def _inside(view: View, region: Region, x: float, y: float) -> bool:
        return any(r.id == region.id for r in view.regions_at(round(x, 2), round(y, 2)))


def _nearest_spot(view: View, region: Region, spot: Spot,
                  pts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """The candidate nearest `spot` (a fraction of the region's extent out from the midline and
    down), among those with room around them; the roomiest of the equally near (across a free
    direction, the middle of the region)."""
    x0, y0, x1, y1 = region.bbox
    middle = view.width / 2
    inner, outer = (x0, x1) if abs(x0 - middle) <= abs(x1 - middle) else (x1, x0)
    # out from the midline on a front or back view only (a side view has no midline)
    tx = None if spot.out is None or view.viewer_left_is is None else \
        inner + (outer - inner) * spot.out
    ty = None if spot.down is None else y0 + (y1 - y0) * spot.down
    roomy = [c for c in pts if c[2] >= 0.3 * pts[0][2]]

    def distance(c: tuple[float, float, float]) -> tuple[int, float]:
        dx = 0.0 if tx is None else c[0] - tx
        dy = 0.0 if ty is None else c[1] - ty
        return round((dx * dx + dy * dy) ** 0.5), -c[2]

    return min(roomy, key=distance)


def level_height(view: View, level: str) -> float | None:
    """The height of a vertebral level on a view, from its landmarks (C7, T3, T7, L4, S2...),
    interpolated between the two nearest; None without two landmarks with levels."""
    if level not in LEVELS:
        return None
    marks = sorted({LEVELS.index(m.level): m.y for m in view.landmarks if m.level}.items())
    if len(marks) < 2:
        return None
    i = LEVELS.index(level)
    below = [m for m in marks if m[0] <= i]
    above = [m for m in marks if m[0] > i]
    (i0, y0), (i1, y1) = (below[-1], above[0]) if below and above else \
        (marks[0], marks[1]) if not below else (marks[-2], marks[-1])
    return y0 + (y1 - y0) * (i - i0) / (i1 - i0)


def _clearance(poly: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Distance from each point to the nearest polygon edge."""
    ax, ay = poly[:, 0], poly[:, 1]
    bx, by = np.roll(ax, -1), np.roll(ay, -1)
    dx, dy = bx - ax, by - ay
    length2 = np.where(dx * dx + dy * dy == 0, 1e-12, dx * dx + dy * dy)
    px, py = xs[:, None], ys[:, None]
    t = np.clip(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0)
    ex, ey = ax + t * dx - px, ay + t * dy - py
    distance: np.ndarray = np.sqrt((ex * ex + ey * ey).min(axis=1))
    return distance
