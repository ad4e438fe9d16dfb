"""Boxes and segments for tools/atlas/labels.py: which side of a sheet a name lies on, how much
name boxes overlap, whether leaders meet boxes or cross each other (numpy arrays of candidates at
once), and the candidate places of a label inside its region."""

from __future__ import annotations

import numpy as np

from imsmap.atlas import geometry

EDGE = 4.0  # the least distance of a label point from its region's border (labels.py)
MIDLINE_MAX = 0.15  # the most of a name's width over the other side of a body view's midline


def own_side(view: dict, region: dict) -> tuple[float, float, float] | None:
    """Where a sided region's name lies, (x0, x1, slack): the patient's own side of the midline
    of a body view or of the spinal chart (a name across it reads as the other side's), which the
    name may pass by at most `slack` of its width: MIDLINE_MAX on a body view (a muscle along the
    midline, the gracilis), none on the spinal chart (a name and its mirror twin's would meet).
    None on other sheets and for a region of the midline."""
    left = view.get("viewer_left_is")
    kind = view.get("kind")
    if kind not in ("body", "spinal") or left not in ("L", "R") \
            or region.get("side") not in ("L", "R"):
        return None
    mid = float(view["width"]) / 2
    x0, x1 = (0.0, mid) if region["side"] == left else (mid, float(view["width"]))
    return x0, x1, MIDLINE_MAX if kind == "body" else 0.0


def box_at(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def overlap(box, placed: np.ndarray) -> np.ndarray:
    """Overlap areas of `box` shifted to every candidate centre, summed over the placed boxes.
    box: (cx, cy, w, h) arrays of candidates; placed: (n, 4) boxes."""
    cx, cy, w, h = box
    if not len(placed):
        return np.zeros(cx.shape)
    x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
    total = np.zeros(cx.shape)
    for px0, py0, px1, py1 in placed:
        ox = np.clip(np.minimum(x1, px1) - np.maximum(x0, px0), 0, None)
        oy = np.clip(np.minimum(y1, py1) - np.maximum(y0, py0), 0, None)
        total += ox * oy
    return total


def segments_hit_box(ax, ay, bx, by, box) -> np.ndarray:
    """Whether each segment (arrays) meets the box (x0, y0, x1, y1): Liang-Barsky clipping."""
    x0, y0, x1, y1 = box
    ax, ay, bx, by = (np.asarray(v, dtype=float) for v in (ax, ay, bx, by))
    dx, dy = bx - ax, by - ay
    t0, t1 = np.zeros(ax.shape), np.ones(ax.shape)
    ok = np.ones(ax.shape, dtype=bool)
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        parallel = np.abs(p) < 1e-12
        ok &= ~(parallel & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        t0 = np.where(~parallel & (p < 0), np.maximum(t0, r), t0)
        t1 = np.where(~parallel & (p > 0), np.minimum(t1, r), t1)
    return ok & (t0 <= t1)


def segments_cross(ax, ay, bx, by, seg) -> np.ndarray:
    """Whether each segment (arrays) properly crosses the segment seg = (cx, cy, dx, dy)."""
    cx, cy, dx, dy = seg

    def orient(px, py, qx, qy, rx, ry):
        return np.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))

    o1 = orient(ax, ay, bx, by, cx, cy)
    o2 = orient(ax, ay, bx, by, dx, dy)
    o3 = orient(cx, cy, dx, dy, ax, ay)
    o4 = orient(cx, cy, dx, dy, bx, by)
    return (o1 * o2 < 0) & (o3 * o4 < 0)


def nearest_on_boxes(px: float, py: float, x0, y0, x1, y1):
    return np.clip(px, x0, x1), np.clip(py, y0, y1)


def sections_ok(poly, xs: np.ndarray, ys: np.ndarray, wide: float, tall: float) -> np.ndarray:
    """Whether the horizontal cut through each point is at least `wide` and the vertical one at
    least `tall` (the spinal chart's touch targets, tests/test_atlas_spinal.py), with a margin."""
    x0, y0, x1, y1 = geometry.bbox(poly)
    ok = np.ones(xs.shape, dtype=bool)
    hx = np.arange(x0 - 1, x1 + 1, 0.5)
    vy = np.arange(y0 - 1, y1 + 1, 0.5)
    for i, (x, y) in enumerate(zip(xs, ys)):
        across = geometry.points_in_polygon(poly, hx, np.full(hx.shape, y)).sum() * 0.5
        down = geometry.points_in_polygon(poly, np.full(vy.shape, x), vy).sum() * 0.5
        ok[i] = across >= wide + 2 and down >= tall + 2
    return ok


def candidates(poly, start: tuple[float, float], step: float | None = None,
                edge: float = EDGE) -> tuple[np.ndarray, np.ndarray]:
    arr = np.asarray(poly, dtype=float)
    x0, y0, x1, y1 = geometry.bbox(poly)
    step = step or max(2.0, min(x1 - x0, y1 - y0) / 30)
    xs, ys = np.meshgrid(np.arange(x0, x1, step), np.arange(y0, y1, step))
    xs, ys = xs.ravel(), ys.ravel()
    inside = geometry.points_in_polygon(poly, xs, ys)
    xs, ys = xs[inside], ys[inside]
    best = np.full(xs.shape, np.inf)
    for (ax, ay), (bx, by) in zip(arr, np.roll(arr, -1, axis=0)):
        dx, dy = bx - ax, by - ay
        ll = dx * dx + dy * dy or 1.0
        t = np.clip(((xs - ax) * dx + (ys - ay) * dy) / ll, 0, 1)
        best = np.minimum(best, np.hypot(xs - (ax + t * dx), ys - (ay + t * dy)))
    keep = best >= min(edge, float(best.max()) * 0.5) if len(best) else best
    xs, ys = np.append(xs[keep], start[0]), np.append(ys[keep], start[1])
    return xs, ys


def twin_units(regions: list[dict], mirrored: bool) -> list[list[dict]]:
    """Regions placed together: a right region and its left mirror twin (same id but the side) move
    as one, so that the two halves of a symmetric view keep mirror-image labels."""
    if not mirrored:
        return [[r] for r in regions]
    by_id = {r["id"]: r for r in regions}
    out, seen = [], set()
    for r in regions:
        if r["id"] in seen:
            continue
        twin = None
        if r["side"] == "R":
            twin = by_id.get(r["id"][: -len("R")] + "L")
        elif r["side"] == "L":
            twin = by_id.get(r["id"][: -len("L")] + "R")
            if twin is not None:
                r, twin = twin, r
        unit = [r] + ([twin] if twin is not None else [])
        seen.update(u["id"] for u in unit)
        out.append(unit)
    return out
