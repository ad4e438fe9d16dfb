"""The spinal-segment chart: the vertebral column from behind, multifidus per level and side.

    import spinal; view = spinal.build()      # the view dict (docs/atlas-format.md), kind "spinal"

Drawn like a posterior anatomy plate on a tall 900 x 2000 canvas: the back of the skull (occiput,
nuchal lines, mastoids), the atlas arch, then one posterior arch per level C2 ... S1 (laminae as a
bar from the spinous process out to the transverse process, the spinous process hanging from it),
the sacrum with its median crest and foramina, the coccyx; around them the outline of the back, the
scapulae (spine, acromion, inferior angle), the ribs suggested faintly, the ilia with their crests
and the PSIS.

Each multifidus region is the laminar groove between the arch of its vertebra and the arch below,
beside its own spinous process: the fascicles that leave that spinous process, supplied by the
medial branch of the dorsal ramus of the same number. Fibres run up and in, from the mammillary
processes below towards the spinous process. Region ids follow tools/atlas/build.py for levelled
regions: ``spinal.superficial.multifidus.<LEVEL>.<SIDE>``.

The level names (C2 ... S1) are drawn beside the column on the viewer's left as outlined, hatched
glyph paths (a detail of kind "label": a level is written alike in every language), and landmark
names (C7, spine and inferior angle of scapula, iliac crest, PSIS) go on the viewer's right. The
key to the columns' tags, under the sacrum, is words: "notes" the painter writes in the language
of whoever shows the chart (names.<language>.json names them by id).

Geometry is authored in half coordinates (dx from the midline, patient's right positive, y down) and
rounded to 0.1 before it is mirrored, so the two sides are exact mirror images. Posterior view: the
patient's right is on the viewer's right (x = 450 + dx).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from layer_names import layer  # noqa: E402
from pathkit import fmt  # noqa: E402

W, H = 900, 2000
CX = W / 2
VIEW_ID = "spinal"
LAYER = "superficial"
MUSCLE = "multifidus"

Pt = tuple[float, float]

CERVICAL = [f"C{i}" for i in range(2, 8)]
THORACIC = [f"T{i}" for i in range(1, 13)]
LUMBAR = [f"L{i}" for i in range(1, 6)]
LEVELS = CERVICAL + THORACIC + LUMBAR + ["S1"]

M = 1.5  # gap between a muscle region and the bone beside it


def r1(v: float) -> float:
    return round(v, 1)


# --------------------------------------------------------------------------------- path building
class Path2:
    """Path commands in half coordinates; rendered for the right (x = CX + dx) or left side."""

    def __init__(self) -> None:
        self.cmds: list[tuple[str, tuple[Pt, ...]]] = []

    def M(self, p: Pt) -> Path2:
        self.cmds.append(("M", (p,)))
        return self

    def L(self, p: Pt) -> Path2:
        self.cmds.append(("L", (p,)))
        return self

    def Q(self, c: Pt, p: Pt) -> Path2:
        self.cmds.append(("Q", (c, p)))
        return self

    def C(self, c1: Pt, c2: Pt, p: Pt) -> Path2:
        self.cmds.append(("C", (c1, c2, p)))
        return self

    def Z(self) -> Path2:
        self.cmds.append(("Z", ()))
        return self

    def extend(self, other: Path2) -> Path2:
        self.cmds.extend(other.cmds)
        return self

    def render(self, sign: int = 1) -> str:
        out = []
        for cmd, pts in self.cmds:
            out.append(cmd)
            for dx, y in pts:
                out.append(f"{fmt(CX + sign * r1(dx))} {fmt(r1(y))}")
        return " ".join(out)

    def points(self) -> list[Pt]:
        return [p for _, pts in self.cmds for p in pts]


def rounded(poly: list[Pt], radius, closed: bool = True) -> Path2:
    """A polygon with its corners rounded by quadratic curves (radius per corner or one for all).

    A radius of 0 keeps the corner sharp; the cut never passes the middle of an edge."""
    n = len(poly)
    radii = list(radius) if isinstance(radius, (list, tuple)) else [radius] * n

    def cut(i: int) -> tuple[Pt, Pt]:
        p = poly[i]
        a, b = poly[i - 1], poly[(i + 1) % n]
        la, lb = math.dist(p, a), math.dist(p, b)
        r = min(radii[i], la / 2.0, lb / 2.0)
        pa = (p[0] + (a[0] - p[0]) * r / la, p[1] + (a[1] - p[1]) * r / la) if la else p
        pb = (p[0] + (b[0] - p[0]) * r / lb, p[1] + (b[1] - p[1]) * r / lb) if lb else p
        return pa, pb

    path = Path2()
    if not closed:
        path.M(poly[0])
        for i in range(1, n - 1):
            pa, pb = cut(i)
            path.L(pa).Q(poly[i], pb)
        path.L(poly[-1])
        return path
    cuts = [cut(i) for i in range(n)]
    path.M(cuts[0][1])
    for i in range(1, n):
        pa, pb = cuts[i]
        path.L(pa).Q(poly[i], pb)
    pa, pb = cuts[0]
    path.L(pa).Q(poly[0], pb).Z()
    return path


def spline(pts: list[Pt], closed: bool = False) -> Path2:
    """Catmull-Rom through the points (uniform, tension 1/6), as cubic Beziers."""
    n = len(pts)
    path = Path2().M(pts[0])
    count = n if closed else n - 1
    for i in range(count):
        a, b = pts[i], pts[(i + 1) % n]
        pa = pts[i - 1] if (closed or i > 0) else a
        nb = pts[(i + 2) % n] if (closed or i + 2 < n) else b
        c1 = (a[0] + (b[0] - pa[0]) / 6.0, a[1] + (b[1] - pa[1]) / 6.0)
        c2 = (b[0] - (nb[0] - a[0]) / 6.0, b[1] - (nb[1] - a[1]) / 6.0)
        path.C(c1, c2, b)
    if closed:
        path.Z()
    return path


def mirror_full(half: list[Pt]) -> list[Pt]:
    """A symmetric closed polygon from its right half, listed from the top midline point down to
    the bottom midline point (both on dx == 0)."""
    left = [(-dx, y) for dx, y in reversed(half) if dx != 0]
    return half + left


# --------------------------------------------------------------------------------- the column
@dataclass
class Seg:
    level: str
    Y: float  # top of the arch (lamina bar) at the midline
    p: float  # pitch: distance to the next arch
    t: float  # thickness of the arch bar
    s: float  # slope of the bar (dy per dx outward)
    sp_top: float  # half width of the spinous process under the bar
    sp_tip: float  # half width at its tip
    sp_len: float  # length of the spinous process below the bar top
    lw: float  # lateral edge of the laminar groove (where the transverse process begins)
    tp: float  # transverse process tip (dx)
    tp_h: float  # transverse process height at its tip
    kind: str

    def top(self, dx: float) -> float:
        return self.Y + self.s * dx

    def bottom(self, dx: float) -> float:
        return self.Y + self.t + self.s * dx

    @property
    def centre(self) -> float:
        """Middle of this level's groove at the midline: where its landmark and label sit."""
        return self.Y + self.t + (self.p - self.t) / 2


def _column() -> tuple[list[Seg], Seg]:
    """The levels C2 ... S1 and the S2 segment of the sacrum (top of the lower sacrum)."""
    pitch = {"C2": 60, "C3": 52, "C4": 52, "C5": 52, "C6": 52, "C7": 54}
    for i, lv in enumerate(THORACIC):
        pitch[lv] = round(56 + 10 * i / 11)
    pitch.update({"L1": 76, "L2": 78, "L3": 80, "L4": 80, "L5": 78, "S1": 78})
    tp_t = {lv: 112 - 24 * i / 11 for i, lv in enumerate(THORACIC)}
    tp_l = {"L1": 104, "L2": 114, "L3": 124, "L4": 118, "L5": 110}
    segs: list[Seg] = []
    y = 224.0
    for lv in LEVELS:
        p = pitch[lv]
        if lv[0] == "C":
            big = lv == "C2"
            # C2-C6: short bifid processes ending above the next arch, the interspinous space below
            # each tip (where interspinales lie); C7: the long vertebra prominens over the C7-T1 junction
            seg = Seg(lv, y, p, 7, 0.16, 10 if big else 7.5, 15 if big else 12 if lv != "C7" else 11,
                      p + 16 if lv == "C7" else p - 14, 80, 86 if big else 96 if lv == "C7" else 90,
                      10, "C")
        elif lv[0] == "T":
            seg = Seg(lv, y, p, 8, 0.22, 7, 9, p + 10, 82, tp_t[lv], 14, "T")
        elif lv[0] == "L":
            seg = Seg(lv, y, p, 10, 0.18, 13, 15, p - 10, 88, tp_l[lv], 10 if lv != "L5" else 18, "L")
        else:
            seg = Seg(lv, y, p, 10, 0.10, 10, 10, p - 6, 84, 120, 0, "S")
        segs.append(seg)
        y += p
    s2 = Seg("S2", y, 52, 0, 0.05, 8, 8, 40, 80, 112, 0, "S")
    return segs, s2


SEGS, S2 = _column()
BY_LEVEL = {s.level: s for s in SEGS}
SACRUM_APEX = S2.Y + 150
COCCYX_TIP = SACRUM_APEX + 58


def vertebra(seg: Seg) -> Path2:
    """One posterior arch: lamina bar with its transverse processes and the spinous process."""
    Y, t = seg.Y, seg.t
    tip_y = Y + seg.sp_len
    half: list[Pt] = [(0, Y - (2 if seg.kind != "L" else 1))]
    half += [(seg.sp_top + 4, seg.top(seg.sp_top + 4))]
    # transverse process: from the groove's edge out to a knob
    lw, tp = seg.lw, seg.tp
    if seg.kind == "C":
        # anterior and posterior tubercles seen from behind: a notched tip
        half += [(lw, seg.top(lw)), (tp - 6, seg.top(tp) - 3), (tp, seg.top(tp) - 1),
                 (tp - 3, seg.bottom(tp) - 1), (tp + 1, seg.bottom(tp) + 3), (tp - 7, seg.bottom(tp) + 4),
                 (lw + 4, seg.bottom(lw + 4))]
    elif seg.kind == "T":
        k = seg.tp_h
        half += [(lw, seg.top(lw)), (tp - 10, seg.top(tp - 10) - (k - t) / 2), (tp, seg.top(tp) - (k - t) / 2 + 2),
                 (tp + 1, seg.bottom(tp) + (k - t) / 2 - 1), (tp - 10, seg.bottom(tp - 10) + (k - t) / 2),
                 (lw + 4, seg.bottom(lw + 4))]
    elif seg.kind == "L":
        k = seg.tp_h
        half += [(lw, seg.top(lw)), (tp - 4, seg.top(tp - 4) + 2 - (k - t) / 2), (tp, seg.top(tp) + 3 - (k - t) / 2),
                 (tp, seg.bottom(tp) - 2 + (k - t) / 2), (tp - 6, seg.bottom(tp - 6) + (k - t) / 2),
                 (lw + 4, seg.bottom(lw + 4))]
    else:  # S1: the sacral base out to the top of the ala
        half += [(lw, seg.top(lw)), (tp - 8, seg.top(tp - 8) - 6), (tp, seg.top(tp) - 2),
                 (tp - 2, seg.bottom(tp)), (lw + 4, seg.bottom(lw + 4))]
    # spinous process, hanging from the bar
    half += [(seg.sp_top, seg.bottom(seg.sp_top) + 2)]
    if seg.kind == "C" and seg.level != "C7":
        half += [(seg.sp_tip, tip_y - 8), (seg.sp_tip - 1, tip_y - 1), (seg.sp_tip - 5, tip_y),
                 (2.5, tip_y - 4), (0, tip_y - 5)]  # bifid tip
    elif seg.level == "C7":
        half += [(seg.sp_top + 1, tip_y - 16), (seg.sp_tip + 1, tip_y - 8), (seg.sp_tip - 1, tip_y - 1),
                 (0, tip_y + 1)]  # the long, knobbed vertebra prominens
    elif seg.kind == "T":
        half += [(seg.sp_tip, tip_y - 14), (4, tip_y - 3), (0, tip_y)]
    elif seg.kind == "L":
        half += [(seg.sp_tip, tip_y - 14), (seg.sp_tip + 1, tip_y - 4), (seg.sp_tip - 3, tip_y), (0, tip_y)]
    else:
        half += [(seg.sp_tip, tip_y - 10), (seg.sp_tip - 3, tip_y), (0, tip_y + 1)]
    poly = mirror_full(half)
    return rounded(poly, 3.0)


def _medial(seg: Seg, y: float) -> float:
    """Half width of the spinous process of `seg` at height y (the groove's medial edge)."""
    y0 = seg.Y + seg.t
    y1 = seg.Y + seg.sp_len
    if seg.kind == "L":  # hatchet: broad all the way
        return seg.sp_tip
    f = min(max((y - y0) / max(y1 - y0, 1.0), 0.0), 1.0)
    return seg.sp_top + (seg.sp_tip - seg.sp_top) * min(f * 1.3, 1.0)


def groove(seg: Seg, below: Seg) -> list[Pt]:
    """The multifidus region of `seg` (right side): between its arch and the arch below, beside its
    spinous process, tapering a little at the lateral end like a fascicle."""
    lw = seg.lw - 1
    mx_top = seg.sp_top + M + 0.5
    mx_bot = max(_medial(seg, below.Y), seg.sp_top) + M
    top_m = (mx_top, seg.bottom(mx_top) + M)
    top_l = (lw, seg.bottom(lw) + M + 1.5)
    bot_l = (lw, below.top(lw) - M - 1.5)
    bot_m = (mx_bot, below.top(mx_bot) - M)
    lat = (lw + 3, (top_l[1] + bot_l[1]) / 2)
    # medial edge follows the spinous process
    med = (max(_medial(seg, (top_m[1] + bot_m[1]) / 2), seg.sp_top) + M, (top_m[1] + bot_m[1]) / 2)
    upper = ((mx_top + lw) / 2, (seg.bottom((mx_top + lw) / 2)) + M)
    lower = ((mx_bot + lw) / 2, below.top((mx_bot + lw) / 2) - M)
    return [top_m, upper, top_l, lat, bot_l, lower, bot_m, med]


def groove_path(poly: list[Pt]) -> Path2:
    #           top_m upper top_l lat  bot_l lower bot_m med
    return rounded(poly, [5, 0, 9, 0, 9, 0, 5, 0])


def fibres_for(poly: list[Pt], angle: float = 58.0, spacing: float = 6.5) -> list[list[Pt]]:
    """Parallel fibre lines running up and in (from below-lateral to above-medial) across the
    region's bounding box; the painter clips them to the region."""
    xs = [p[0] for p in poly]
    ys = [p[1] for p in poly]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    a = math.radians(angle)
    u = (-math.cos(a), -math.sin(a))  # up and in (towards the midline, dx decreasing)
    nrm = (-u[1], u[0])
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    reach = math.hypot(x1 - x0, y1 - y0) / 2 + 4
    out = []
    k = int(reach // spacing) + 1
    for i in range(-k, k + 1):
        ox, oy = cx + nrm[0] * i * spacing, cy + nrm[1] * i * spacing
        a_ = (ox - u[0] * reach, oy - u[1] * reach)
        b_ = (ox + u[0] * reach, oy + u[1] * reach)
        bow = 0.04 * reach
        mid = ((a_[0] + b_[0]) / 2 + nrm[0] * bow, (a_[1] + b_[1]) / 2 + nrm[1] * bow)
        out.append([a_, mid, b_])
    return out


def fibre_d(f: list[Pt], sign: int) -> str:
    (ax, ay), (mx, my), (bx, by) = [(r1(x), r1(y)) for x, y in f]
    cx_, cy_ = r1(2 * mx - (ax + bx) / 2), r1(2 * my - (ay + by) / 2)

    def X(v: float) -> str:
        return fmt(CX + sign * v)

    return f"M {X(ax)} {fmt(ay)} Q {X(cx_)} {fmt(cy_)} {X(bx)} {fmt(by)}"


# --------------------------------------------------------------------------------- the back
def _y(level: str) -> float:
    return BY_LEVEL[level].centre


def outline_half() -> list[Pt]:
    c7 = BY_LEVEL["C7"].Y
    t7 = _y("T7")
    l1 = BY_LEVEL["L1"].Y
    l4 = _y("L4")
    return [(0, 34), (70, 40), (128, 66), (162, 110), (172, 160), (166, 206), (152, 246),
            (146, 290), (148, 340), (160, c7 - 40), (200, c7 - 10), (270, c7 + 14), (340, c7 + 34),
            (392, c7 + 58), (424, c7 + 96), (436, c7 + 150), (428, c7 + 210), (404, c7 + 262),
            (388, t7 - 150), (380, t7 - 40), (368, t7 + 120), (344, l1 - 40), (318, l1 + 120),
            (322, l4 - 90), (346, l4 + 20), (366, l4 + 140), (374, l4 + 260), (368, 1940),
            (356, 1986), (180, 1990), (0, 1988)]


# --------------------------------------------------------------------------------- the view
def build() -> dict:
    # they import this module: imported here, once it is loaded
    from spinal_bones import (  # noqa: PLC0415
        SKULL_BASE,
        atlas_arch,
        coccyx,
        foramina,
        ilium,
        median_crest,
        ribs,
        sacral_ala,
        sacrum_lower,
        scapula,
        skull,
    )
    from spinal_glyphs import level_label  # noqa: PLC0415

    regions = []
    details: list[dict] = []

    def detail(kind: str, path: Path2, both: bool = False) -> None:
        details.append({"kind": kind, "d": path.render(1)})
        if both:
            details.append({"kind": kind, "d": path.render(-1)})

    # contours (drawn under everything, faint): ribs, the supracristal line, the gluteal cleft
    for rib in ribs():
        detail("contour", rib, both=True)
    crest_y = BY_LEVEL["L4"].Y + 52
    detail("contour", spline([(-236, crest_y), (-120, crest_y + 1), (0, crest_y + 2), (120, crest_y + 1),
                              (236, crest_y)]))
    detail("contour", spline([(0, COCCYX_TIP + 4), (0, 1988)]))
    detail("contour", spline([(8, 1988), (60, 1960), (150, 1936), (250, 1940), (330, 1966)]), both=True)

    # bones (drawn over the muscles, so they never overlap a region)
    shape, lines = skull()
    detail("bone", shape)
    for ln in lines:
        detail("bone", ln)
    detail("vertebra", atlas_arch())
    body, spine = scapula()
    detail("bone", spline(body, closed=True), both=True)
    detail("bone", spline(spine, closed=True), both=True)
    detail("underlay", sacrum_lower())  # the sacral multifidus and erector spinae lie on it
    for f in foramina():
        detail("bone", f, both=True)
    for c in median_crest():
        detail("bone", c)
    for c in coccyx():
        detail("bone", c)
    for seg in SEGS:
        if seg.kind == "S":
            detail("vertebra", sacral_ala(seg), both=True)
    detail("bone", spline(ilium(), closed=True), both=True)
    # the thick rim of the crest, from above the PSIS round to the lateral lip
    rim = [(x, y + 9) if i else (x + 8, y) for i, (x, y) in enumerate(ilium()[1:9])]
    detail("bone", spline(rim), both=True)
    for seg in reversed(SEGS):  # each spinous process lies over the arch below it, as it does
        detail("vertebra", vertebra(seg))

    import spinal_columns  # noqa: PLC0415 - it imports this module

    regions = spinal_columns.regions()

    # level names on the viewer's left (the patient's left), beside the transverse processes
    c2 = BY_LEVEL["C2"]
    details.append({"kind": "label", "d": level_label("C1", CX - 126, (SKULL_BASE + c2.Y - 10) / 2)})
    for seg, below in zip(SEGS, SEGS[1:] + [S2]):
        column = {"C": 98, "T": 124, "L": 136, "S": 128}[seg.kind]
        if seg.level == "C7":  # C7 and C8 share the groove: upper and lower half
            y0, y1 = seg.bottom(seg.lw), below.top(seg.lw)
            details.append({"kind": "label", "d": level_label("C7", CX - 150, y0 + (y1 - y0) * 0.28, cap=14)})
            details.append({"kind": "label", "d": level_label("C8", CX - 150, y0 + (y1 - y0) * 0.74, cap=14)})
            continue
        # beyond the long column on the viewer's left
        column = {"C": 150, "T": 196, "L": 204, "S": 128}[seg.kind]
        y = (seg.bottom(seg.lw) + below.top(seg.lw)) / 2
        details.append({"kind": "label", "d": level_label(seg.level, CX - column, y)})
    for level, (y0, y1) in spinal_columns.SACRAL_ROWS.items():
        details.append({"kind": "label", "d": level_label(level, CX - 104, (y0 + y1) / 2)})
    # the key to the tags, centred under the sacrum: words, painted in the reader's language
    notes = [{"id": f"key.{k + 1}", "text": line, "x": CX, "y": 1876 + 24 * k, "size": 11.0,
              "anchor": "center"} for k, line in enumerate(spinal_columns.KEY)]

    landmarks = _landmarks()
    return {
        "id": VIEW_ID,
        "name": "Spine (segments)",
        "kind": "spinal",
        "width": W,
        "height": H,
        "viewer_left_is": "L",
        "layers": [layer(LAYER, "Multifidus and erector spinae"),
                   layer("deep", "Semispinalis, rotatores and short muscles")],
        "outline": [spline(mirror_full(outline_half()), closed=True).render(1)],
        "details": details,
        "landmarks": landmarks,
        "notes": notes,
        "regions": regions,
    }


def _landmarks() -> list[dict]:
    from spinal_bones import ilium, scapula  # noqa: PLC0415

    c7 = BY_LEVEL["C7"]
    body, spine = scapula()
    inf = max(body, key=lambda p: p[1])
    crest = max(ilium(), key=lambda p: -p[1])
    psis = ilium()[0]

    def lm(id_: str, name: str, level: str, dx: float, y: float) -> dict:
        return {"id": id_, "name": name, "level": level, "x": r1(CX + dx), "y": r1(y)}

    return [
        lm("c7_prominens", "C7 vertebra prominens", "C7", 0, c7.Y + c7.sp_len - 6),
        lm("spine_of_scapula", "Spine of scapula: T3", "T3", spine[0][0], spine[0][1]),
        lm("inferior_angle_scapula", "Inferior angle: T7", "T7", inf[0], inf[1]),
        lm("iliac_crest", "Iliac crest: L4/5", "L4", crest[0], crest[1]),
        lm("psis", "PSIS: S2", "S2", psis[0], psis[1]),
    ]


if __name__ == "__main__":
    import json

    view = build()
    print(json.dumps({k: v for k, v in view.items() if k not in ("regions", "details")}, indent=1))
    print(len(view["regions"]), "regions,", len(view["details"]), "details")
