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

from spinal import CX, Path2, Pt, fibre_d, fibres_for, label_point, mirror_full, r1, rounded, spline

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
    """The occipital and parietal bones down to the superior nuchal line (drawn over the muscles),
    and the nuchal area below it (under them)."""
    top = mm([(0, TOP_MM + 1), (71, TOP_MM + 1), (71, 78), (64, 98), (56, 104), (36, 100), (16, 96),
              (0, 95)])
    nuchal = mm([(0, 94), (22, 96), (46, 101), (60, 104), (66, 116), (62, 128), (56, 140), (50, 141),
                 (46, 124), (30, 124), (12, 127), (0, 128)])
    lines = [
        spline(mm([(-60, 80), (-34, 70), (0, 64), (34, 70), (60, 80)])),  # lambdoid suture (part)
    ]
    return spline(mirror_full(top), closed=True), [spline(mirror_full(nuchal), closed=True)] + lines


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

    # superficial: semispinalis capitis beside the midline, splenius capitis crossing it
    add("semispinalis_capitis", "superficial",
        [(2, 100), (36, 104), (38, 112), (28, 146), (14, 190), (4, 210), (2, 210)], [3, 6, 6, 0, 8, 4, 2], 92)
    add("splenius_capitis", "superficial",
        [(41, 108), (60, 112), (58, 134), (50, 170), (30, 212), (14, 248), (3, 252), (3, 222), (14, 198),
         (30, 150)], [4, 6, 8, 0, 0, 8, 3, 3, 0, 0], 122)
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
    detail("underlay", under[0])
    for v in atlas_axis():
        detail("underlay", v)
    detail("bone", top)
    for ln in under[1:]:
        detail("contour", ln)
    return {
        "id": VIEW_ID,
        "name": "Head and neck (posterior)",
        "kind": "detail",
        "width": W,
        "height": H,
        "viewer_left_is": "L",
        "layers": [{"id": "superficial", "name": "Splenius and semispinalis capitis"},
                   {"id": "deep", "name": "Suboccipital triangle"}],
        "outline": [outline().render(1)],
        "details": details,
        "landmarks": [],
        "regions": regions(),
    }
