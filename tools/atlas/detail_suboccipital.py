"""Head and neck from behind: the suboccipital triangle (atlas 2026.12.2, issue 17).

    import detail_suboccipital; view = detail_suboccipital.build()   # view "head_neck_posterior"

The lateral head-and-neck sheet shows the obliques on a side view; the triangle itself, and the two
recti beside the midline, only read from behind. Two layers, as a dissection exposes them once the
trapezius is reflected:

- ``superficial`` ("Splenius and semispinalis capitis"): semispinalis capitis either side of the
  midline from the occiput between the nuchal lines down to C7, splenius capitis crossing it from
  the lower nuchal ligament and C7-T3 up and out to the mastoid and the lateral superior nuchal line.
- ``deep`` ("Suboccipital triangle"): rectus capitis posterior minor (posterior tubercle of the
  atlas -> medial inferior nuchal line), rectus capitis posterior major (C2 spinous process ->
  lateral inferior nuchal line), obliquus capitis inferior (C2 spinous process -> transverse process
  of the atlas), obliquus capitis superior (transverse process of the atlas -> occiput between the
  nuchal lines), and longissimus capitis lateral to them down to the mastoid. The triangle between
  major, superior and inferior is left open: its floor is the posterior arch of the atlas with the
  vertebral artery on it, the suboccipital nerve beside it (a needle aims at the occiput, never
  into the triangle).

Authored in millimetres from the midline (dx, right positive) and from the top of the sheet (y down),
scaled by 5 onto a 900 x 1050 canvas that starts at the parietal bones; the patient's right is on the viewer's right (posterior).
Bones the muscles lie on are "underlay" details, drawn under the regions.
"""

from __future__ import annotations

import math

from layer_names import layer
from pathkit import label_point
from spinal import CX, Path2, Pt, fibre_d, fibres_for, mirror_full, r1, rounded, spline

VIEW_ID = "head_neck_posterior"
K = 5.0
TOP_MM = 62.0  # the sheet starts at the parietal bones: the occiput and the neck fill it
W, H = 900, 1050


def mm(pts: list[Pt]) -> list[Pt]:
    return [(x * K, (y - TOP_MM) * K + 54) for x, y in pts]


def outline() -> Path2:
    half = mm([(0, TOP_MM), (78, TOP_MM), (78, 80), (73, 108), (67, 126), (63, 140), (61, 160),
               (61, 190), (66, 208), (90, 222), (130, 236), (150, 252), (154, 258), (0, 258)])
    return spline(mirror_full(half), closed=True)


def skull() -> tuple[Path2, list[Path2]]:
    """The occiput from behind: the occipital and parietal bones down to the superior nuchal line
    (drawn over the muscles: their insertions lie just below it), and, under the muscles, the
    occipital squama below the line (the nuchal area, down to the rim of the foramen magnum), the
    mastoid processes lateral to it, the inferior nuchal line and the external occipital crest as
    ridges. The superior nuchal line arches out from the external occipital protuberance (the
    inion) to the base of the mastoid; the inferior line runs about half way down to the foramen."""
    top = mm([(0, TOP_MM + 1), (71, TOP_MM + 1), (71, 78), (67, 94), (61, 103), (50, 104), (38, 101),
              (24, 98.5), (10, 97.5), (4, 99), (0, 101.5)])
    nuchal = mm([(0, 96), (22, 96), (46, 100), (58, 104), (56, 112), (50, 122), (46, 128), (30, 131.5),
                 (12, 133.5), (0, 134)])
    mastoid = mm([(57, 103), (64, 102), (67.5, 112), (65, 126), (60.5, 138), (57, 139), (54, 130), (53, 116)])
    inferior_line = mm([(3, 114.4), (14, 113.5), (28, 116), (40, 120.5), (40.5, 122), (28, 117.6),
                        (14, 115.1), (3, 116)])
    crest = mm([(0.9, 101), (0.9, 132), (-0.9, 132), (-0.9, 101)])
    return (spline(mirror_full(top), closed=True),
            [spline(mirror_full(nuchal), closed=True), rounded(mastoid, 6.0), rounded(mirror_x(mastoid), 6.0),
             rounded(inferior_line, 1.0), rounded(mirror_x(inferior_line), 1.0), rounded(crest, 0.5)])


def mirror_x(poly: list[Pt]) -> list[Pt]:
    """The patient's left copy of a right-side outline (view units about the midline)."""
    return [(-x, y) for x, y in reversed(poly)]


def atlas_axis() -> list[Path2]:
    """Posterior arch and transverse processes of the atlas; the axis with its big bifid spinous
    process; C3-C7 arches below (the muscles lie on them)."""
    c1 = mm([(0, 136), (10, 135.5), (26, 135), (34, 132), (42, 131), (45, 135), (42, 140), (30, 140.5),
             (12, 141.5), (0, 142.5)])
    c2 = mm([(0, 148), (10, 148), (24, 147), (30, 146), (31, 151), (24, 153), (9, 154), (10, 162), (8, 168),
             (3, 166), (0, 163)])
    out = [rounded(mirror_full(c1), 4.0), rounded(mirror_full(c2), 4.0)]
    for k in range(5):  # C3 ... C7
        y = 174 + k * 16.5
        tip = 8 if k < 4 else 16
        half = mm([(0, y - 1), (20, y - 1), (26, y + 1), (24, y + 4), (7, y + 4), (6, y + tip), (0, y + tip + 1)])
        out.append(rounded(mirror_full(half), 3.0))
    return out


# Where splenius capitis's free medial border runs, from its highest origin on the nuchal ligament
# (about C4: it arises from the lower half of the ligament, C7 and T1-T3) up and out to the medial
# end of its insertion below the lateral third of the superior nuchal line. Semispinalis capitis
# shows medial to it, in the triangle between the two splenii.
SPLENIUS_MEDIAL = [(3, 191), (8, 181), (14, 169), (20, 155), (26, 139), (31, 122), (35, 108), (37.5, 101.5)]


def _fan(origins: list[Pt], insertions: list[Pt], bow: float) -> list[list[Pt]]:
    """Fibres from each origin to the insertion at the same place along its line, bowed sideways."""
    out = []
    for (ax, ay), (bx, by) in zip(origins, insertions):
        mx, my = (ax + bx) / 2, (ay + by) / 2
        out.append([(ax, ay), (mx + bow, my), (bx, by)])
    return out


def _along(line: list[Pt], n: int) -> list[Pt]:
    """n points evenly spaced (by arc length) along a polyline, ends included."""
    seg = [math.dist(a, b) for a, b in zip(line, line[1:])]
    total = sum(seg)
    out = []
    for k in range(n):
        t = total * k / (n - 1)
        for (a, b), d in zip(zip(line, line[1:]), seg):
            if t <= d or (a, b) == (line[-2], line[-1]):
                f = min(t / d, 1.0) if d else 0.0
                out.append((a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f))
                break
            t -= d
    return out


def superficial_regions() -> list[tuple[str, list[Pt], list[float], list[list[Pt]]]]:
    """Splenius capitis and semispinalis capitis (mm, right side): (muscle, outline, corner radii,
    fibres).

    Semispinalis capitis, either side of the nuchal ligament, rises from the transverse processes of
    C7-T6 and the articular processes of C4-C6 to the medial half of the occiput between the
    superior and inferior nuchal lines; from behind only the part medial to splenius shows, a
    triangle from the occiput down to where the splenii meet the ligament. Splenius capitis lies
    over it: from the lower half of the nuchal ligament and the spinous processes of C7-T3 (below
    the sheet) its fibres run up and out to the mastoid process and the occiput below the lateral
    third of the superior nuchal line (Gray's; Moore)."""
    gap = 0.5  # the two muscles' shared border, drawn as two lines
    inner = [(x - gap, y) for x, y in SPLENIUS_MEDIAL]
    semispinalis = [(2, 191.5), (2, 100.5), (14, 98.8), (26, 100), *reversed(inner[1:])]
    # fibres from the lower neck (the transverse processes lie lateral to the insertion) up and in
    semi_fib = _fan(_along([(9, 262), (30, 262)], 15), _along([(2, 100), (36, 102)], 15), -1.5)
    insertion = [(37.5, 101.5), (48, 103.5), (57, 106), (60.5, 113), (59.5, 126), (56.5, 136)]
    lateral = [(56.5, 136), (52, 153), (45, 179), (37, 208), (30.5, 236), (27.5, 257.5)]
    splenius = [*insertion, *lateral[1:], (3, 257.5), *SPLENIUS_MEDIAL[:-1]]
    # fibres from the ligament and the upper thoracic spines (continuing below the sheet) to the
    # insertion, the lowest reaching the mastoid
    origins = _along([(3, 191), (3, 257), (3, 320)], 16)
    spl_fib = _fan(origins, _along(insertion, 16), 2.0)
    return [
        ("semispinalis_capitis", semispinalis, [3.0] * len(semispinalis), semi_fib),
        ("splenius_capitis", splenius, [3.0] * len(splenius), spl_fib),
    ]


def regions() -> list[dict]:
    out: list[dict] = []

    def add(muscle: str, layer: str, poly_mm: list[Pt], radius, angle: float, spacing: float = 7.0,
            tag: str | None = None) -> None:
        poly = mm(poly_mm)
        path = rounded(poly, radius)
        fib = fibres_for(poly, angle, spacing)
        lx, ly = label_point(path.render(1))
        for side, sign in (("L", -1), ("R", 1)):
            out.append({
                "id": f"{VIEW_ID}.{layer}.{muscle}.{side}",
                "muscle": muscle, "side": side, "layer": layer, "d": path.render(sign),
                "fibres": [fibre_d(f, sign) for f in fib],
                "label": [r1(CX + sign * (lx - CX)), ly], "level": None,
                **({"tag": tag} if tag else {}),
            })

    # superficial: splenius capitis over semispinalis capitis (see superficial_regions)
    for muscle, poly_mm, radius, fib_mm in superficial_regions():
        poly = mm(poly_mm)
        path = rounded(poly, radius)
        lx, ly = label_point(path.render(1))
        for side, sign in (("L", -1), ("R", 1)):
            out.append({
                "id": f"{VIEW_ID}.superficial.{muscle}.{side}",
                "muscle": muscle, "side": side, "layer": "superficial", "d": path.render(sign),
                "fibres": [fibre_d(mm(f), sign) for f in fib_mm],
                "label": [r1(CX + sign * (lx - CX)), ly], "level": None,
            })
    # deep: the suboccipital triangle and longissimus capitis
    add("rectus_capitis_posterior_minor", "deep", [(2, 114), (20, 117), (9, 134), (2, 134)], [2, 5, 4, 2], 96,
        spacing=5.0, tag="RCPmin")
    add("rectus_capitis_posterior_major", "deep", [(24, 118), (40, 121), (14, 150), (8, 152), (9, 143)],
        [4, 5, 5, 3, 3], 62, spacing=5.5, tag="RCPmaj")
    add("obliquus_capitis_superior", "deep", [(44, 107), (56, 110), (48, 131), (42, 131), (43, 120)],
        [4, 5, 4, 3, 2], 100, spacing=5.5, tag="OCS")
    add("obliquus_capitis_inferior", "deep", [(12, 156), (38, 138), (43, 142), (40, 147), (15, 163), (11, 161)],
        [3, 4, 4, 4, 3, 2], 148, spacing=5.5, tag="OCI")
    add("longissimus_capitis", "deep", [(52, 129), (57, 133), (54, 160), (40, 206), (32, 236), (26, 236),
                                        (34, 200), (47, 150)], [4, 5, 0, 0, 4, 3, 0, 0], 104, spacing=6.0)
    return out


def build() -> dict:
    details: list[dict] = []

    def detail(kind: str, path: Path2) -> None:
        details.append({"kind": kind, "d": path.render(1)})

    top, under = skull()
    for bone in under:
        detail("underlay", bone)
    for v in atlas_axis():
        detail("underlay", v)
    detail("bone", top)
    detail("contour", spline(mm([(-60, 80), (-34, 70), (0, 64), (34, 70), (60, 80)])))  # lambdoid suture
    return {
        "id": VIEW_ID,
        "name": "Head and neck (posterior)",
        "kind": "detail",
        "width": W,
        "height": H,
        "viewer_left_is": "L",
        "layers": [layer("superficial", "Splenius and semispinalis capitis"),
                   layer("deep", "Suboccipital triangle")],
        "outline": [outline().render(1)],
        "details": details,
        "landmarks": [],
        "regions": regions(),
    }
