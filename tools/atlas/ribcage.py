"""Curved ribs for the anterior and lateral charts: a rib is a smooth centre line through a few
anatomical points (its sternal or free end, the costochondral junction, the shaft, its lateral or
posterior end), drawn as a band of even thickness; an intercostal space is the band between two ribs.

Every rib is authored in the direction of increasing x (the anterior chart: from the sternum out to
the side, in half coordinates; the lateral chart: from the back forwards), so "below" a rib is the
side its left normal points to on screen (y down), and the edges of neighbouring ribs can be cut by
x to give the space between them: the muscles of a space meet the ribs above and below exactly.
"""

from __future__ import annotations

import math

Pt = tuple[float, float]


def curve(points: list[Pt], per: int = 6) -> list[Pt]:
    """A dense polyline through the points (Catmull-Rom, ``per`` steps a segment)."""
    p = [(float(x), float(y)) for x, y in points]
    out: list[Pt] = [p[0]]
    for i in range(len(p) - 1):
        p0 = p[i - 1] if i > 0 else p[i]
        p1, p2 = p[i], p[i + 1]
        p3 = p[i + 2] if i + 2 < len(p) else p[i + 1]
        for s in range(1, per + 1):
            t = s / per
            out.append((_cr(p0[0], p1[0], p2[0], p3[0], t), _cr(p0[1], p1[1], p2[1], p3[1], t)))
    return out


def _cr(a: float, b: float, c: float, d: float, t: float) -> float:
    """Catmull-Rom between b and c at t (a and d their outer neighbours)."""
    return 0.5 * (2 * b + (c - a) * t + (2 * a - 5 * b + 4 * c - d) * t * t + (3 * b - a - 3 * c + d) * t ** 3)


def offset(poly: list[Pt], d: float) -> list[Pt]:
    """The polyline moved ``d`` along its left normal (below it, for a line running to +x)."""
    out = []
    n = len(poly)
    for i, (x, y) in enumerate(poly):
        ax, ay = poly[max(i - 1, 0)]
        bx, by = poly[min(i + 1, n - 1)]
        tx, ty = bx - ax, by - ay
        length = math.hypot(tx, ty) or 1.0
        out.append((x - d * ty / length, y + d * tx / length))
    return out


def band(poly: list[Pt], half: float) -> list[Pt]:
    """Closed outline of a band of thickness 2 * half along the polyline."""
    return offset(poly, -half) + list(reversed(offset(poly, half)))


def clip_x(poly: list[Pt], x0: float, x1: float) -> list[Pt]:
    """The part of a polyline (x increasing there) between x0 and x1, ends interpolated."""
    out: list[Pt] = [(x, y) for x, y in poly if x0 <= x <= x1]
    for (ax, ay), (bx, by) in zip(poly, poly[1:]):
        for xc in (x0, x1):
            if min(ax, bx) < xc < max(ax, bx):
                out.append((xc, ay + (by - ay) * (xc - ax) / (bx - ax)))
    out.sort(key=lambda p: p[0])
    keep: list[Pt] = []
    for p in out:
        if not keep or p[0] - keep[-1][0] > 1e-6:
            keep.append(p)
    return thin(keep)


def y_at(poly: list[Pt], x: float) -> float:
    """Height of a polyline at x (first crossing; x increasing along it there)."""
    for (ax, ay), (bx, by) in zip(poly, poly[1:]):
        if min(ax, bx) <= x <= max(ax, bx) and ax != bx:
            return ay + (by - ay) * (x - ax) / (bx - ax)
    raise ValueError(f"x={x} is not on the rib")


def thin(poly: list[Pt], step: float = 6.0) -> list[Pt]:
    """Drop points closer than ``step`` to the last kept one (the ends are kept)."""
    if len(poly) < 3:
        return list(poly)
    out = [poly[0]]
    for p in poly[1:-1]:
        if math.dist(p, out[-1]) >= step:
            out.append(p)
    if math.dist(poly[-1], out[-1]) < step / 2 and len(out) > 1:
        out.pop()
    out.append(poly[-1])
    return out


def rounded(pts: list[Pt], nd: int = 1) -> list[Pt]:
    return [(round(x, nd), round(y, nd)) for x, y in pts]


class Rib:
    """One rib: its centre line (x increasing), where the cartilage ends (index of the
    costochondral junction on the line; 0 for a rib drawn without cartilage) and its half
    thickness."""

    def __init__(self, k: int, cartilage: list[Pt], bone: list[Pt], half: float, per: int = 6,
                 bone_first: bool = False) -> None:
        """cartilage and bone share the costochondral junction (the last point of the first,
        the first of the second); bone_first: the bony rib comes first along x (lateral views,
        from the back forwards)."""
        self.k = k
        self.half = half
        first, second = (bone, cartilage) if bone_first else (cartilage, bone)
        pts = first + second[1:] if first and second else first or second
        self.line = curve(pts, per)
        self.ccj = (len(first) - 1) * per if first and second else 0
        self.bone_first = bone_first and bool(cartilage)
        self.upper = offset(self.line, -half)
        self.lower = offset(self.line, half)

    def centre_y(self, x: float) -> float:
        return y_at(self.line, x)

    def lower_y(self, x: float) -> float:
        return y_at(self.lower, x)

    def upper_y(self, x: float) -> float:
        return y_at(self.upper, x)

    def outlines(self) -> list[list[Pt]]:
        """Closed outlines to draw: the costal cartilage and the bony rib, meeting at the
        costochondral junction (their shared end draws the junction)."""
        if not self.ccj:
            return [rounded(thin(band(self.line, self.half), 3.0))]
        parts = [self.line[: self.ccj + 1], self.line[self.ccj:]]
        return [rounded(thin(band(p, self.half), 3.0)) for p in parts]

    @property
    def ccj_x(self) -> float:
        return self.line[self.ccj][0]


def span(above: Rib, below: Rib, x0: float, x1: float) -> tuple[float, float]:
    """x0-x1 narrowed to where both ribs' facing edges run."""
    lo = max(above.lower[0][0], below.upper[0][0], x0)
    hi = min(max(x for x, _ in above.lower), max(x for x, _ in below.upper), x1)
    return lo, hi


def space(above: Rib, below: Rib, x0: float, x1: float) -> list[Pt]:
    """Closed outline of the intercostal space between two ribs, from x0 to x1 (see span)."""
    x0, x1 = span(above, below, x0, x1)
    top = clip_x(above.lower, x0, x1)
    bottom = clip_x(below.upper, x0, x1)
    return rounded(top + list(reversed(bottom)))
