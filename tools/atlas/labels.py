"""Move region labels apart where their names would print over each other on a sheet.

A region's ``label`` is where the painter centres its name when labels are shown, and where a tap on
the region is sure to land (tests/test_atlas_views.py). It starts at the middle of the region's
largest inscribed circle (pathkit.label_point). On a crowded sheet two neighbours' names can overlap
there: this pass, run by the generators before they write a view, keeps each label inside its own
region (at least EDGE units from its border) and moves it, as little as it can, to where its name's
box overlaps no name already placed on the same layer. Regions are placed smallest first: a small
region has fewer places to put its name.

The name's box is estimated as the painter draws it (imsmap.render.chart_painter: 13 units high,
0.8 of that for a level or tag, about 0.63 of the size per character, and a margin for its
halo). On the spinal chart the landmarks' names (drawn to the right of their marks) are placed first..
"""

from __future__ import annotations

import numpy as np

from imsmap.atlas import geometry

SIZE = 13.0
EDGE = 4.0


def label_text(region: dict) -> tuple[str, float]:
    level, tag = region.get("level"), region.get("tag")
    if level is not None:
        return (f"{tag} {level}" if tag else level), SIZE * 0.8
    if tag:
        return tag, SIZE * 0.8
    return region["muscle"].replace("_", " "), SIZE


_APP = None


def text_size(text: str, size: float) -> tuple[float, float]:
    """Width and height of `text` as the painter draws it, with its halo and a margin. Needs Qt
    (only at build time)."""
    global _APP
    import os  # noqa: PLC0415

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication  # noqa: PLC0415

    from imsmap.render.chart_painter import text_path  # noqa: PLC0415

    if QGuiApplication.instance() is None:
        _APP = QGuiApplication([])
    r = text_path(text, size).boundingRect()
    return r.width() + size * 0.3 + 4.0, r.height() + size * 0.3 + 3.0


def _box(x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
    return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _overlap(box, placed: np.ndarray) -> np.ndarray:
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


def _sections_ok(poly, xs: np.ndarray, ys: np.ndarray, wide: float, tall: float) -> np.ndarray:
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


def _candidates(poly, start: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    arr = np.asarray(poly, dtype=float)
    x0, y0, x1, y1 = geometry.bbox(poly)
    step = max(2.0, min(x1 - x0, y1 - y0) / 30)
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
    keep = best >= min(EDGE, float(best.max()) * 0.5) if len(best) else best
    xs, ys = np.append(xs[keep], start[0]), np.append(ys[keep], start[1])
    return xs, ys


def _units(regions: list[dict], mirrored: bool) -> list[list[dict]]:
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


def spread_labels(view: dict) -> dict:
    """Move overlapping labels of `view` (a view dict as written to JSON) apart, in place. On the
    spinal chart a right region's label and its left twin's stay mirror images."""
    width = float(view["width"])
    # the spinal chart keeps mirror-image labels (its boxes are short and its rows are read across);
    # on a body view the two sides' names may sit at different heights where they would meet
    mirrored = view.get("kind") == "spinal" and view.get("viewer_left_is") in ("L", "R")
    layers: dict[str, list[dict]] = {}
    for r in view["regions"]:
        layers.setdefault(r["layer"], []).append(r)
    landmarks = []
    if view.get("kind") == "spinal":
        for lm in view.get("landmarks", []):
            w = text_size(lm["name"], SIZE)[0]
            landmarks.append((lm["x"] + 14, lm["y"] - SIZE * 0.7, lm["x"] + 14 + w, lm["y"] + SIZE * 0.7))
    for regions in layers.values():
        polys = {r["id"]: geometry.flatten(r["d"])[0] for r in regions}
        units = sorted(_units(regions, mirrored), key=lambda u: geometry.area(polys[u[0]["id"]]))
        placed: list[tuple[float, float, float, float]] = list(landmarks)
        for unit in units:
            r = unit[0]
            text, size = label_text(r)
            w, h = text_size(text, size)
            sx, sy = r["label"]
            xs, ys = _candidates(polys[r["id"]], (sx, sy))
            if view.get("kind") == "spinal" and len(xs) > 1:  # keep the label where a tap is easy
                short = r.get("muscle") == "multifidus" and r.get("level") in ("C7", "C8")
                keep = _sections_ok(polys[r["id"]], xs[:-1], ys[:-1], 40, 20 if short else 26)
                xs, ys = np.append(xs[:-1][keep], sx), np.append(ys[:-1][keep], sy)
            ws, hs = np.full(xs.shape, w), np.full(xs.shape, h)
            arr = np.asarray(placed)
            over = _overlap((xs, ys, ws, hs), arr)
            if len(unit) == 2:
                mx = width - xs
                over = over + _overlap((mx, ys, ws, hs), arr)
                # the twins' own names, where they meet at the midline
                over = over + np.clip(w - np.abs(mx - xs), 0, None) * h
            score = over * 50.0 + np.hypot(xs - sx, ys - sy)
            k = int(score.argmin())
            x, y = round(float(xs[k]), 1), round(float(ys[k]), 1)
            if not geometry.point_in_polygon(polys[r["id"]], x, y):
                x, y = sx, sy
            r["label"] = [x, y]
            placed.append(_box(x, y, w, h))
            if len(unit) == 2:
                twin = unit[1]
                tx = round(width - x, 1)
                if geometry.point_in_polygon(polys[twin["id"]], tx, y):
                    twin["label"] = [tx, y]
                placed.append(_box(twin["label"][0], twin["label"][1], w, h))
    return view
