"""Planar-map helpers for drawing body charts from named anatomical points.

Points are authored for the patient's RIGHT half of a figure in "half coordinates" (dx, y): dx is
the distance from the midline (outward positive), y runs down the 1000 x 2000 canvas. A Figure holds
named points, chains (ordered point lists such as the body outline) and regions (closed lists of
point names). The left half is the mirror image: every name gets an "L:" twin, except points on the
midline (dx == 0) which are shared.

Smoothing: each segment P->Q becomes a cubic Bezier whose control point near P depends only on
P, Q and P's neighbours in the whole map. Two regions that share a boundary therefore share exactly
the same curve (no gaps, no overlaps), while free boundaries are smooth Catmull-Rom-like curves.
A point whose neighbours turn sharply (> ~55 degrees) is a corner.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from imsmap.atlas import geometry

Pt = tuple[float, float]


def fmt(v: float) -> str:
    s = f"{v:.1f}"
    return "0.0" if s == "-0.0" else s


@dataclass
class RegionSpec:
    muscle: str
    layer: str
    names: list[str]
    fibres: list[list[Pt]] = field(default_factory=list)
    # a tap point the generator chose (half coordinates), or one a side ("R", "L": a point placed
    # before the sides' names were laid out alike, kept where it was released)
    label: Pt | dict[str, Pt] | None = None
    tag: str = ""  # extra id part (e.g. a level)
    level: str | None = None
    midline: bool = False
    name_hint: Pt | dict[str, Pt] | None = None  # where the generator would like the name (labels.spread_labels)
    # a region drawn across several levels: (level, top y) rows, cranio-caudal; a tap's height
    # gives its level (docs/atlas-format.md, `level_rows`)
    level_rows: list[tuple[str, float]] | None = None


@dataclass
class DetailSpec:
    kind: str
    pts: list[Pt]
    closed: bool
    mirror: bool = True
    smooth: bool = True


class Figure:
    def __init__(self, name: str, mirror: bool = True, side: str = "R") -> None:
        """mirror=False: a one-sided figure (lateral views) in absolute view coordinates, whose
        regions all belong to ``side`` and whose outline chain is the whole closed silhouette."""
        self.name = name
        self.mirror = mirror
        self.side = side
        self.pts: dict[str, Pt] = {}
        self.chains: dict[str, list[str]] = {}
        self.regions: list[RegionSpec] = []
        self.details: list[DetailSpec] = []
        # (muscle, layer) sets whose name is said once per side, their labels giving the level
        # alone (docs/atlas-format.md, `groups`)
        self.groups: list[tuple[str, str]] = []
        self.sharp: set[str] = set()
        self.outline_chain: str | None = None
        self._anon = 0

    # -- authoring ---------------------------------------------------------------------------------
    def p(self, name: str, dx: float, y: float, sharp: bool = False) -> str:
        if name in self.pts and self.pts[name] != (dx, y):
            raise ValueError(f"{self.name}: point {name} defined twice")
        self.pts[name] = (float(dx), float(y))
        if sharp:
            self.sharp.add(name)
        return name

    def _item(self, item) -> list[str]:
        if isinstance(item, str):
            if item not in self.pts:
                raise KeyError(f"{self.name}: unknown point {item}")
            return [item]
        if isinstance(item, tuple) and len(item) == 2 and all(isinstance(v, (int, float)) for v in item):
            self._anon += 1
            return [self.p(f"_{self._anon}", *item)]
        out: list[str] = []
        for sub in item:
            out.extend(self._item(sub))
        return out

    def names(self, *items) -> list[str]:
        out: list[str] = []
        for it in items:
            for n in self._item(it):
                if not out or out[-1] != n:
                    out.append(n)
        return out

    def chain(self, name: str, *items) -> list[str]:
        self.chains[name] = self.names(*items)
        return self.chains[name]

    def run(self, chain: str, a: str, b: str) -> list[str]:
        c = self.chains[chain]
        i, j = c.index(a), c.index(b)
        return c[i : j + 1] if i <= j else list(reversed(c[j : i + 1]))

    def region(self, muscle: str, layer: str, *items, fibres=None, label=None, tag="", level=None,
               midline=False, name_hint=None, level_rows=None) -> RegionSpec:
        names = self.names(*items)
        if names[0] == names[-1]:
            names.pop()
        spec = RegionSpec(muscle, layer, names, list(fibres or []), label, tag, level, midline, name_hint,
                          level_rows)
        self.regions.append(spec)
        return spec

    def detail(self, kind: str, pts, closed: bool = False, mirror: bool = True, smooth: bool = True) -> None:
        resolved = [self.pts[p] if isinstance(p, str) else (float(p[0]), float(p[1])) for p in pts]
        self.details.append(DetailSpec(kind, resolved, closed, mirror, smooth))

    # -- mirrored map ------------------------------------------------------------------------------
    def _mirror_name(self, n: str) -> str:
        return n if self.pts[n][0] == 0 or not self.mirror else "L:" + n

    def full_points(self) -> dict[str, Pt]:
        out = dict(self.pts)
        if not self.mirror:
            return out
        for n, (dx, y) in self.pts.items():
            if dx != 0:
                out["L:" + n] = (-dx, y)
        return out

    def full_outline(self) -> list[str]:
        half = self.chains[self.outline_chain]
        if not self.mirror:
            return list(half[:-1] if half[0] == half[-1] else half)
        left = [self._mirror_name(n) for n in reversed(half)]
        full = half + left
        # drop duplicated midline ends
        out = [n for i, n in enumerate(full) if i == 0 or full[i - 1] != n]
        if out[0] == out[-1]:
            out.pop()
        return out

    def polygons(self) -> list[tuple[RegionSpec, str, list[str]]]:
        """(spec, side, names) for both halves; midline regions appear once."""
        out = []
        for spec in self.regions:
            if not self.mirror:
                out.append((spec, self.side, spec.names))
                continue
            if spec.midline:
                out.append((spec, "M", spec.names))
                continue
            out.append((spec, "R", spec.names))
            out.append((spec, "L", [self._mirror_name(n) for n in reversed(spec.names)]))
        return out

    def build_handles(self):
        pts = self.full_points()
        nbrs: dict[str, set[str]] = defaultdict(set)
        loops = [names for _, _, names in self.polygons()]
        if self.outline_chain:
            loops.append(self.full_outline())
        for loop in loops:
            for a, b in zip(loop, loop[1:] + loop[:1]):
                if a != b:
                    nbrs[a].add(b)
                    nbrs[b].add(a)
        sharp = self.sharp | ({"L:" + n for n in self.sharp} if self.mirror else set())

        def handle(p: str, q: str) -> Pt:
            P, Q = np.array(pts[p]), np.array(pts[q])
            pq = Q - P
            length = float(np.hypot(*pq))
            if length == 0:
                return tuple(P)
            limit = math.cos(math.radians(55))
            cands: list[tuple[float, str]] = []
            if p not in sharp:
                for r in nbrs[p]:
                    if r == q:
                        continue
                    rp = P - np.array(pts[r])
                    lr = float(np.hypot(*rp))
                    if lr == 0:
                        continue
                    cos = float(np.dot(pq, rp) / (length * lr))
                    if cos > limit:
                        cands.append((cos, r))
            if not cands:
                u = pq / length
            else:
                top = max(c for c, _ in cands)
                # mirror-image neighbours tie: average them so both halves stay symmetric
                tied = [r for c, r in cands if c > top - 1e-6]
                R = np.mean([np.array(pts[r]) for r in tied], axis=0)
                v = Q - R
                u = v / float(np.hypot(*v))
            h = P + u * length / 3.0
            return (float(h[0]), float(h[1]))

        return pts, handle

    def to_view(self, mapx):
        """Closed path strings for outline and regions. mapx(dx) -> view x."""
        pts, handle = self.build_handles()

        def path(names: list[str]) -> str:
            def xy(pt: Pt) -> str:
                return f"{fmt(mapx(pt[0]))} {fmt(pt[1])}"

            parts = [f"M {xy(pts[names[0]])}"]
            loop = names + names[:1]
            for a, b in zip(loop, loop[1:]):
                parts.append(f"C {xy(handle(a, b))} {xy(handle(b, a))} {xy(pts[b])}")
            parts.append("Z")
            return " ".join(parts)

        outline = path(self.full_outline()) if self.outline_chain else None
        regions = [(spec, side, path(names)) for spec, side, names in self.polygons()]
        return outline, regions


def smooth_path(pts: list[Pt], closed: bool, mapx, smooth: bool = True) -> str:
    """Catmull-Rom through the points (its own neighbours only), as absolute path data."""
    P = [np.array((mapx(x), y)) for x, y in pts]
    n = len(P)

    def xy(v) -> str:
        return f"{fmt(v[0])} {fmt(v[1])}"

    parts = [f"M {xy(P[0])}"]
    count = n if closed else n - 1
    for i in range(count):
        a, b = P[i], P[(i + 1) % n]
        if not smooth:
            parts.append(f"L {xy(b)}")
            continue
        pa = P[i - 1] if (closed or i > 0) else a
        nb = P[(i + 2) % n] if (closed or i + 2 < n) else b
        c1 = a + (b - pa) / 6.0
        c2 = b - (nb - a) / 6.0
        parts.append(f"C {xy(c1)} {xy(c2)} {xy(b)}")
    if closed:
        parts.append("Z")
    return " ".join(parts)


def fibres(o0: Pt, o1: Pt, i0: Pt, i1: Pt, n: int = 8, bend: float = 0.0, extend: float = 0.15) -> list[list[Pt]]:
    """n fibre lines from points along origin o0-o1 to points along insertion i0-i1.

    bend bows each fibre sideways (fraction of its length); lines are extended a little at both ends
    because they are clipped to the muscle when drawn.
    """
    out = []
    for k in range(n):
        t = (k + 0.5) / n
        a = np.array(o0) + (np.array(o1) - np.array(o0)) * t
        b = np.array(i0) + (np.array(i1) - np.array(i0)) * t
        d = b - a
        a2, b2 = a - d * extend, b + d * extend
        mid = (a2 + b2) / 2 + np.array((-d[1], d[0])) * bend
        out.append([tuple(a2), tuple(mid), tuple(b2)])
    return out


def fibre_path(f: list[Pt], mapx) -> str:
    (ax, ay), (mx, my), (bx, by) = f
    # quadratic through the middle point: control = 2*mid - (a+b)/2
    cx, cy = 2 * mx - (ax + bx) / 2, 2 * my - (ay + by) / 2
    return f"M {fmt(mapx(ax))} {fmt(ay)} Q {fmt(mapx(cx))} {fmt(cy)} {fmt(mapx(bx))} {fmt(by)}"


def label_point(d: str) -> Pt:
    """Centre of (about) the largest circle inside the region: where a label or a tap fits best."""
    poly = geometry.flatten(d)[0]
    arr = np.asarray(poly)
    x0, y0, x1, y1 = geometry.bbox(poly)
    step = max(2.0, min(x1 - x0, y1 - y0) / 40)
    xs, ys = np.meshgrid(np.arange(x0, x1, step), np.arange(y0, y1, step))
    inside = geometry.points_in_polygon(poly, xs, ys)
    if not inside.any():
        return geometry.centroid(poly)
    px, py = xs[inside], ys[inside]
    best = np.full(px.shape, np.inf)
    for (ax, ay), (bx, by) in zip(arr, np.roll(arr, -1, axis=0)):
        dx, dy = bx - ax, by - ay
        ll = dx * dx + dy * dy or 1.0
        t = np.clip(((px - ax) * dx + (py - ay) * dy) / ll, 0, 1)
        best = np.minimum(best, np.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    k = int(best.argmax())
    return (round(float(px[k]), 1), round(float(py[k]), 1))
