"""Shared machinery for the detail and spinal charts (hands, feet, head and neck, spine).

The body-view generator (pathkit.py) draws a figure as a planar map of named points whose regions
share boundary curves exactly. Detail charts reuse that map, but a hand or a head is not symmetric
about a midline: a ``Sheet`` is a one-sided map authored in millimetres (x to the right of the
sheet, y up) and placed on the canvas one or more times, e.g. the patient's right hand on one half
of the canvas and its mirror image, the left hand, on the other half.
"""

from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import layer_names  # noqa: E402
from pathkit import Figure, fmt, label_point, smooth_path  # noqa: E402  (the body-view helpers)

from imsmap.atlas import geometry  # noqa: E402

Pt = tuple[float, float]
ROOT = Path(__file__).resolve().parents[2]
VIEWS_DIR = ROOT / "assets" / "bodycharts" / "views"


def load_catalogue_ids() -> set[str]:
    data = json.loads((ROOT / "assets" / "bodycharts" / "catalogue.json").read_text(encoding="utf-8"))
    return {m["id"] for m in data["muscles"]}


@dataclass
class Placement:
    """Where one copy of a sheet goes: view x = ox + sx * x_mm * scale, view y = oy - y_mm * scale."""

    side: str  # the patient's side this copy shows: "R" or "L"
    ox: float
    oy: float
    scale: float
    mirror: bool = False

    def x(self, x_mm: float) -> float:
        return self.ox + (-1 if self.mirror else 1) * x_mm * self.scale

    def y(self, y_mm: float) -> float:
        return self.oy - y_mm * self.scale


@dataclass
class AreaDetail:
    kind: str
    names: list[str]


@dataclass
class LineDetail:
    kind: str
    pts: list[Pt]
    closed: bool = False
    smooth: bool = True


class Sheet(Figure):
    """A one-sided planar map in millimetres (x right, y up). Region boundaries are shared curves."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.areas: list[AreaDetail] = []
        self.lines: list[LineDetail] = []
        self.fibre_sets: dict[int, list[list[Pt]]] = {}
        self.landmarks: list[tuple[str, str, str | None, Pt]] = []

    # Figure mirrors about dx == 0; a sheet never does.
    def _mirror_name(self, n: str) -> str:  # pragma: no cover - unused
        return n

    def full_outline(self) -> list[str]:
        out = list(self.chains[self.outline_chain])
        if out[0] == out[-1]:
            out.pop()
        return out

    def polygons(self):
        loops = [(spec, "R", spec.names) for spec in self.regions]
        loops += [(None, "", a.names) for a in self.areas]
        return loops

    # -- authoring helpers ------------------------------------------------------------------------
    def area(self, kind: str, *items) -> AreaDetail:
        """A closed detail (tendon band, bone) drawn from the map, so it shares edges with muscles."""
        names = self.names(*items)
        if names[0] == names[-1]:
            names.pop()
        a = AreaDetail(kind, names)
        self.areas.append(a)
        return a

    def line(self, kind: str, pts, closed: bool = False, smooth: bool = True) -> None:
        resolved = [self.pts[p] if isinstance(p, str) else (float(p[0]), float(p[1])) for p in pts]
        self.lines.append(LineDetail(kind, resolved, closed, smooth))

    def muscle(self, muscle: str, layer: str, *items, fibres=None, label=None, tag="", level=None,
               name_hint=None):
        """`label`: the tap point in millimetres, or one a side in view units ({"R": (x, y), ...}:
        points kept as released); `name_hint`: where the name should go (labels.spread_labels), one a
        side in view units, for names laid out beside the drawing rather than mirrored with it."""
        return self.region(muscle, layer, *items, fibres=fibres, label=label, tag=tag, level=level,
                           name_hint=name_hint)

    def landmark(self, lid: str, name: str, level: str | None, at: Pt) -> None:
        self.landmarks.append((lid, name, level, at))

    def xy(self, name: str) -> Pt:
        return self.pts[name]

    # -- output -----------------------------------------------------------------------------------
    def render(self, pl: Placement, view_id: str) -> dict:
        """Outline, regions and details of this sheet for one placement, as view JSON parts."""
        pts, handle = self.build_handles()

        def xy(pt: Pt) -> str:
            return f"{fmt(pl.x(pt[0]))} {fmt(pl.y(pt[1]))}"

        def path(names: list[str]) -> str:
            parts = [f"M {xy(pts[names[0]])}"]
            loop = names + names[:1]
            for a, b in zip(loop, loop[1:]):
                parts.append(f"C {xy(handle(a, b))} {xy(handle(b, a))} {xy(pts[b])}")
            parts.append("Z")
            return " ".join(parts)

        outline = path(self.full_outline())
        regions = []
        for spec in self.regions:
            d = path(spec.names)
            parts = [view_id, spec.layer, spec.muscle]
            if spec.tag:
                parts.append(spec.tag)
            parts.append(pl.side)
            fib = []
            for f in spec.fibres:
                fib.append(_fibre_d(f, pl))
            if isinstance(spec.label, dict):
                label = spec.label[pl.side]
            else:
                label = (pl.x(spec.label[0]), pl.y(spec.label[1])) if spec.label else label_point(d)
            hint = spec.name_hint[pl.side] if isinstance(spec.name_hint, dict) else None
            regions.append({
                "id": ".".join(parts),
                "muscle": spec.muscle,
                "side": pl.side,
                "layer": spec.layer,
                "d": d,
                "fibres": fib,
                "label": [round(label[0], 1), round(label[1], 1)],
                "level": spec.level,
                # which of a numbered set (lumbricals 1-4 from the thumb or great toe): said on the
                # chart, under the set's name said once (`groups`)
                **({"tag": spec.tag} if spec.tag.isdigit() else {}),
                **({"name_hint": [round(hint[0], 1), round(hint[1], 1)]} if hint else {}),
            })
        details = [{"kind": a.kind, "d": path(a.names)} for a in self.areas]
        for ln in self.lines:
            mapped = [(pl.x(x), pl.y(y)) for x, y in ln.pts]
            details.append({"kind": ln.kind, "d": smooth_path(mapped, ln.closed, lambda v: v, ln.smooth)})
        landmarks = [
            {"id": f"{lid}.{pl.side}" if pl.side else lid, "name": name, "level": level,
             "x": round(pl.x(at[0]), 1), "y": round(pl.y(at[1]), 1)}
            for lid, name, level, at in self.landmarks
        ]
        return {"outline": outline, "regions": regions, "details": details, "landmarks": landmarks}


def _fibre_d(f: list[Pt], pl: Placement) -> str:
    pts = [(pl.x(x), pl.y(y)) for x, y in f]
    if len(pts) == 3:
        (ax, ay), (mx, my), (bx, by) = pts
        cx, cy = 2 * mx - (ax + bx) / 2, 2 * my - (ay + by) / 2
        return f"M {fmt(ax)} {fmt(ay)} Q {fmt(cx)} {fmt(cy)} {fmt(bx)} {fmt(by)}"
    return smooth_path(pts, False, lambda v: v)


# -- fibre helpers -------------------------------------------------------------------------------

def fan(o0: Pt, o1: Pt, i0: Pt, i1: Pt, n: int = 7, bend: float = 0.0, extend: float = 0.2) -> list[list[Pt]]:
    """n fibres from points along o0-o1 to points along i0-i1 (3 points each: a quadratic)."""
    out = []
    for k in range(n):
        t = (k + 0.5) / n
        a = np.array(o0) + (np.array(o1) - np.array(o0)) * t
        b = np.array(i0) + (np.array(i1) - np.array(i0)) * t
        d = b - a
        a2, b2 = a - d * extend, b + d * extend
        mid = (a2 + b2) / 2 + np.array((-d[1], d[0])) * bend
        out.append([tuple(map(float, a2)), tuple(map(float, mid)), tuple(map(float, b2))])
    return out


def along(p0: Pt, p1: Pt, t: float) -> Pt:
    return (p0[0] + (p1[0] - p0[0]) * t, p0[1] + (p1[1] - p0[1]) * t)


def rot(v: Pt, deg: float) -> Pt:
    a = math.radians(deg)
    return (v[0] * math.cos(a) - v[1] * math.sin(a), v[0] * math.sin(a) + v[1] * math.cos(a))


# -- assembling and checking views ---------------------------------------------------------------

@dataclass
class ViewSpec:
    id: str
    name: str
    kind: str
    width: float
    height: float
    viewer_left_is: str | None
    layers: list[tuple[str, str]]
    copies: list[tuple[Sheet, Placement]] = field(default_factory=list)
    extra_details: list[dict] = field(default_factory=list)  # drawn before the sheets' details
    extra_landmarks: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        outline, regions, details, landmarks = [], [], list(self.extra_details), list(self.extra_landmarks)
        groups = []
        for sheet, pl in self.copies:
            groups += [{"muscle": m, "side": pl.side, "layer": layer} for m, layer in sheet.groups]
            part = sheet.render(pl, self.id)
            outline.append(part["outline"])
            regions += part["regions"]
            details += part["details"]
            landmarks += part["landmarks"]
        # contours first so that they are painted under everything else of their kind
        details.sort(key=lambda d: d["kind"] != "contour")
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "width": self.width,
            "height": self.height,
            "viewer_left_is": self.viewer_left_is,
            "layers": [layer_names.layer(i, n) for i, n in self.layers],
            "outline": outline,
            "details": details,
            "landmarks": landmarks,
            "regions": regions,
            **({"groups": groups} if groups else {}),
        }


def write_view(data: dict) -> Path:
    from fibre_reach import prune_view  # noqa: PLC0415
    from labels import spread_labels  # noqa: PLC0415

    spread_labels(data)
    prune_view(data)  # the fibre lines the painter's clip would hide entirely
    VIEWS_DIR.mkdir(parents=True, exist_ok=True)
    path = VIEWS_DIR / f"{data['id']}.json"
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return path


def check_view(data: dict, catalogue: set[str], min_extent: float = 24.0, step: float = 2.0) -> list[str]:
    """Problems a chart must not have: unknown muscles, regions outside the outline, overlaps
    within a layer, targets too small to tap, labels outside their region."""
    problems: list[str] = []
    outline = [p for d in data["outline"] for p in geometry.flatten(d)]
    by_layer: dict[str, list[dict]] = {}
    for r in data["regions"]:
        by_layer.setdefault(r["layer"], []).append(r)
        if r["muscle"] not in catalogue:
            problems.append(f"{r['id']}: {r['muscle']} is not in the catalogue")
        poly = geometry.flatten(r["d"])[0]
        ext = geometry.inscribed_extent(poly)
        if ext < min_extent:
            problems.append(f"{r['id']}: touch target {ext:.0f} < {min_extent:.0f}")
        if not geometry.point_in_polygon(poly, *r["label"]):
            problems.append(f"{r['id']}: label outside the region")
    xs, ys = np.meshgrid(np.arange(0, data["width"], step), np.arange(0, data["height"], step))
    inside_outline = np.zeros(xs.shape, dtype=bool)
    for p in outline:
        inside_outline |= geometry.points_in_polygon(p, xs, ys)
    for layer, regs in by_layer.items():
        count = np.zeros(xs.shape, dtype=int)
        masks = []
        for r in regs:
            m = geometry.points_in_polygon(geometry.flatten(r["d"])[0], xs, ys)
            masks.append(m)
            count += m
            out = (m & ~inside_outline).sum()
            if out > 3:
                problems.append(f"{r['id']}: {out} samples outside the outline")
        for r, m in zip(regs, masks):
            over = (m & (count > 1)).sum()
            if over > max(4, 0.01 * m.sum()):
                problems.append(f"{r['id']}: overlaps another region of layer {layer} ({over} samples)")
    return problems


def pennate(e0: Pt, e1: Pt, c0: Pt, c1: Pt, n: int = 5, shift: float = 0.3) -> list[list[Pt]]:
    """Feather-like fibres: from points along an edge e0-e1 obliquely onto a central tendon c0-c1,
    each reaching the tendon ``shift`` further along it."""
    out = []
    for k in range(n):
        t = (k + 0.5) / n
        a = along(e0, e1, t)
        b = along(c0, c1, min(1.0, t + shift))
        d = (b[0] - a[0], b[1] - a[1])
        a2 = (a[0] - 0.3 * d[0], a[1] - 0.3 * d[1])
        b2 = (b[0] + 0.05 * d[0], b[1] + 0.05 * d[1])
        out.append([a2, along(a2, b2, 0.5), b2])
    return out


def band(centre: list[Pt], widths: list[float] | tuple[float, float], caps: bool = False) -> list[Pt]:
    """Closed outline of a band along a centre line: left side out, right side back.

    ``widths`` gives a full width per centre point, or (start, end) to taper linearly."""
    n = len(centre)
    if len(widths) != n:
        w0, w1 = widths[0], widths[-1]
        widths = [w0 + (w1 - w0) * i / (n - 1) for i in range(n)]
    left, right = [], []
    for i, (x, y) in enumerate(centre):
        a = centre[max(i - 1, 0)]
        b = centre[min(i + 1, n - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(dx, dy) or 1.0
        w = widths[i] / 2
        left.append((x - dy / ln * w, y + dx / ln * w))
        right.append((x + dy / ln * w, y - dx / ln * w))
    if not caps:
        return left + list(reversed(right))

    def cap(i: int, j: int) -> Pt:  # a point beyond end i, away from its neighbour j
        (x, y), (px, py) = centre[i], centre[j]
        ln = math.hypot(x - px, y - py) or 1.0
        k = 0.45 * widths[i]
        return (x + (x - px) / ln * k, y + (y - py) / ln * k)

    return [cap(0, 1)] + left + [cap(n - 1, n - 2)] + list(reversed(right))
