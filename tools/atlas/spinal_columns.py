"""The spinal chart's columns beyond the multifidus groove (atlas 2026.12.2, issue 17).

    import spinal_columns; regions, labels = spinal_columns.regions()

Two layers of the chart, each a row per level across the back, so that the level names on the
viewer's left read across both columns:

- ``superficial`` ("Multifidus and erector spinae"): the deep column, multifidus in the laminar
  groove of every level C2 ... S4 (C7 and C8 share the groove below the C7 lamina: C7 its upper
  half, C8 its lower half at the C7-T1 junction), the suboccipital muscles at C1 (rectus capitis
  posterior minor beside the midline, major lateral to it, between the occiput and the arch of the
  atlas), and the long column lateral to the groove: longissimus cervicis C2-C7, longissimus and
  iliocostalis thoracis T1-T12, longissimus lumborum L1-L5 and iliocostalis lumborum L1-L4,
  the erector spinae group over the sacrum S2-S4.
- ``deep`` ("Semispinalis, rotatores and short muscles"), the groove and its neighbours with
  multifidus and the long column lifted off: semispinalis cervicis in the cervical grooves C2-C7 (it
  lies over multifidus there, under semispinalis capitis), rotatores in the thoracic grooves T1-T12
  (under multifidus, on the laminae), interspinales
  between the lumbar spinous processes L1-L5, intertransversarii between the lumbar transverse
  processes L1-L4, levatores costarum from each transverse process (C7 as level C8, T1-T11) to
  the rib below.

Each region carries its level and a short tag (Mf, Lo, Il, ES, Rot, IS, IT, LC) drawn before the
level in its label; the key to the tags is written at the foot of the chart.
"""

from __future__ import annotations

from pathkit import label_point
from spinal import (
    BY_LEVEL,
    CX,
    S2,
    SEGS,
    M,
    Path2,
    Pt,
    Seg,
    _medial,
    fibre_d,
    fibres_for,
    groove,
    groove_path,
    r1,
    rounded,
)
from spinal_bones import SKULL_BASE

VIEW_ID = "spinal"
SACRAL_ROWS = {"S2": (S2.Y + 2, S2.Y + 41), "S3": (S2.Y + 44, S2.Y + 81), "S4": (S2.Y + 84, S2.Y + 121)}
TAGS = {"multifidus": "Mf", "longissimus_cervicis": "Lo", "longissimus_thoracis": "Lo",
        "longissimus_lumborum": "Lo", "iliocostalis_thoracis": "Il", "iliocostalis_lumborum": "Il",
        "erector_spinae": "ES", "rotatores": "Rot", "interspinales": "IS", "intertransversarii": "IT",
        "levatores_costarum": "LC", "semispinalis_cervicis": "SSC", "rectus_capitis_posterior_minor": "RCPmi",
        "rectus_capitis_posterior_major": "RCPma"}
KEY = ("Mf multifidus   Lo longissimus   Il iliocostalis   ES erector spinae",
       "RCPmi, RCPma rectus capitis posterior minor, major (C1)",
       "Second layer: SSC semispinalis cervicis   Rot rotatores   IS interspinales",
       "IT intertransversarii   LC levatores costarum")


def _region(muscle: str, layer: str, level: str | None, path: Path2, poly: list[Pt], side_tag: bool = True,
            angle: float = 58.0, spacing: float = 6.5, midline: bool = False) -> list[dict]:
    fib = fibres_for(poly, angle, spacing)
    d_r = path.render(1)
    lx, ly = label_point(d_r)
    out = []
    sides = (("M", 1),) if midline else (("L", -1), ("R", 1))
    for side, sign in sides:
        parts = [VIEW_ID, layer, muscle] + ([level] if level else []) + [side]
        reg = {
            "id": ".".join(parts),
            "muscle": muscle,
            "side": side,
            "layer": layer,
            "d": path.render(sign),
            "fibres": [fibre_d(f, sign) for f in fib],
            "label": [r1(CX + sign * (lx - CX)) if not midline else CX, ly],
            "level": level,
        }
        if side_tag and muscle in TAGS:
            reg["tag"] = TAGS[muscle]
        out.append(reg)
    return out


def _band(top, bottom, x0: float, x1: float, r: float = 6.0) -> tuple[Path2, list[Pt]]:
    """A strip between two edges (functions of dx), from x0 out to x1."""
    poly = [(x0, top(x0)), ((x0 + x1) / 2, top((x0 + x1) / 2)), (x1, top(x1)), (x1, bottom(x1)),
            ((x0 + x1) / 2, bottom((x0 + x1) / 2)), (x0, bottom(x0))]
    return rounded(poly, [r, 0, r, r, 0, r]), poly


def _between(seg: Seg, below: Seg, gap: float = M + 2.5):
    return (lambda dx: seg.bottom(dx) + gap), (lambda dx: below.top(dx) - gap)


def _next(seg: Seg) -> Seg:
    i = SEGS.index(seg)
    return SEGS[i + 1] if i + 1 < len(SEGS) else S2


# ----------------------------------------------------------------------------- deep column
def multifidus() -> list[dict]:
    """Multifidus C2 ... S1 in the grooves (C7 split into C7 and C8), S2-S4 over the sacrum."""
    out = []
    for seg in SEGS:
        below = _next(seg)
        poly = groove(seg, below)
        if seg.level == "C7":
            out += _c7_c8(seg, below, poly)
            continue
        out += _region("multifidus", "superficial", seg.level, groove_path(poly), poly)
    for level, (y0, y1) in SACRAL_ROWS.items():
        x1 = 54 if level != "S4" else 50
        poly = [(9.5, y0), (x1, y0 + 2), (x1 + 1, y1 - 2), (9.5, y1)]
        out += _region("multifidus", "superficial", level, rounded(poly, [4, 8, 8, 4]), poly)
    return out


def _c7_c8(seg: Seg, below: Seg, poly: list[Pt]) -> list[dict]:
    """The groove below the C7 lamina in two: C7 (upper half, against the C7 lamina) and C8
    (lower half, the C7-T1 interlaminar junction above the T1 lamina)."""
    top_m, upper, top_l, lat, bot_l, lower, bot_m, med = poly

    def mid(p: Pt, q: Pt) -> float:
        return (p[1] + q[1]) / 2

    cut_m, cut_l = mid(top_m, bot_m), mid(top_l, bot_l)
    x_m, x_l = med[0], top_l[0]
    c7 = [top_m, upper, top_l, (x_l, cut_l - 1.5), ((x_m + x_l) / 2, (cut_m + cut_l) / 2 - 1.5), (x_m, cut_m - 1.5)]
    c8 = [(x_m, cut_m + 1.5), ((x_m + x_l) / 2, (cut_m + cut_l) / 2 + 1.5), (x_l, cut_l + 1.5), bot_l, lower, bot_m]
    return (_region("multifidus", "superficial", "C7", rounded(c7, [5, 0, 8, 6, 0, 4]), c7)
            + _region("multifidus", "superficial", "C8", rounded(c8, [4, 0, 6, 8, 0, 5]), c8))


def suboccipital() -> list[dict]:
    """C1: rectus capitis posterior minor from the posterior tubercle of the atlas, major from the
    C2 spinous process, both fanning up to the inferior nuchal line."""
    c2 = BY_LEVEL["C2"]
    top = SKULL_BASE + 4
    minor = [(9, top + 2), (48, top - 2), (52, top + 20), (46, c2.Y - 24), (9, c2.Y - 20)]
    major = [(56, top - 4), (112, top - 10), (118, top + 6), (98, c2.Y - 22), (64, c2.Y - 4), (56, c2.Y - 14)]
    return (_region("rectus_capitis_posterior_minor", "superficial", None, rounded(minor, [4, 8, 6, 6, 4]), minor,
                    angle=80)
            + _region("rectus_capitis_posterior_major", "superficial", None,
                      rounded(major, [6, 8, 6, 8, 6, 4]), major, angle=62))


# ----------------------------------------------------------------------------- long column
def long_column() -> list[dict]:
    out = []
    for seg in SEGS:
        below = _next(seg)
        top, bottom = _between(seg, below, M + 3.5)
        if seg.kind == "C":
            cols = [("longissimus_cervicis", 92, 136)]
        elif seg.kind == "T":
            cols = [("longissimus_thoracis", 96, 140), ("iliocostalis_thoracis", 144, 188)]
        elif seg.kind == "L":
            cols = [("longissimus_lumborum", 96, 142)]
            if seg.level != "L5":
                cols.append(("iliocostalis_lumborum", 146, 196))
        else:
            cols = []
        for muscle, x0, x1 in cols:
            path, poly = _band(top, bottom, x0, x1)
            out += _region(muscle, "superficial", seg.level, path, poly, angle=86, spacing=6.0)
    for level, (y0, y1) in SACRAL_ROWS.items():
        x0, x1 = {"S2": (58, 100), "S3": (57, 101), "S4": (53, 97)}[level]
        poly = [(x0, y0 + 2), (x1, y0), (x1 - 4, y1), (x0, y1 - 2)]
        out += _region("erector_spinae", "superficial", level, rounded(poly, 6), poly, angle=80, spacing=6.0)
    return out


# ----------------------------------------------------------------------------- deep layer
def deep_layer() -> list[dict]:
    out = []
    for seg in SEGS:
        below = _next(seg)
        if seg.kind == "C":
            out += _cervical_deep(seg, below)
        if seg.kind == "T":  # rotatores on the laminae, in the groove under multifidus
            poly = groove(seg, below)
            out += _region("rotatores", "deep", seg.level, groove_path(poly), poly, angle=40, spacing=7.0)
        if seg.kind == "L":  # interspinales: between this spinous process and the next arch
            tip = seg.Y + seg.sp_len
            y0, y1 = tip - 24, below.top(0) + 6
            poly = [(-20, y0), (20, y0), (20, y1), (-20, y1)]
            path = rounded(poly, 5)
            out += _region("interspinales", "deep", seg.level, path, poly, angle=90, spacing=5.0, midline=True)
            if seg.level != "L5":  # intertransversarii: between this transverse process and the next
                top, bottom = _between(seg, below, M + 4.0)
                path, poly = _band(top, bottom, 92, 138)
                out += _region("intertransversarii", "deep", seg.level, path, poly, angle=90, spacing=6.0)
        if seg.level == "C7" or (seg.kind == "T" and seg.level != "T12"):
            out += _levator(seg, below)
    return out


IS_HALF = 21.0  # half width of an interspinous box: 42 units, a comfortable target


def _cervical_deep(seg: Seg, below: Seg) -> list[dict]:
    """Semispinalis cervicis in the cervical groove (over multifidus), and interspinales cervicis:
    the pair either side of the interspinous ligament, from the bifid tip of this spinous process to
    the next one (C7: the C7-T1 space, under the tip of the vertebra prominens). The interspinous box
    takes the lower medial corner of the groove on both sides, where the space lies; semispinalis
    keeps the rest of the groove."""
    y0, y1 = below.top(0) - 30, below.top(0) + 6
    top_m, upper, top_l, lat, bot_l, lower, _bot_m, _med = groove(seg, below)
    nx = IS_HALF + M
    notch = [(nx, below.top(nx) - M), (nx, y0 - M), (max(_medial(seg, y0 - M), seg.sp_top) + M, y0 - M)]
    poly = [top_m, upper, top_l, lat, bot_l, lower] + notch
    out = _region("semispinalis_cervicis", "deep", seg.level, rounded(poly, [5, 0, 9, 0, 9, 0, 4, 4, 3]), poly,
                  angle=70, spacing=7.0)
    box = [(-IS_HALF, y0), (IS_HALF, y0), (IS_HALF, y1), (-IS_HALF, y1)]
    out += _region("interspinales", "deep", seg.level, rounded(box, 4), box, angle=90, spacing=5.0, midline=True)
    return out


def _levator(seg: Seg, below: Seg) -> list[dict]:
    """Levator costarum of this level: from the tip of this transverse process down and out to the
    rib below (the rib of the next vertebra), between its tubercle and its angle. Level C8 is the
    one from C7 (C8 dorsal ramus)."""
    level = "C8" if seg.level == "C7" else seg.level
    tp = seg.tp
    y_tip = seg.bottom(tp) + 4
    y_rib = below.Y + below.t / 2 + below.s * below.tp - 8
    poly = [(tp - 6, y_tip), (tp + 14, y_tip - 2), (tp + 58, y_rib + 4), (tp + 54, y_rib + 14),
            (tp + 2, y_rib + 10)]
    top = min(p[1] for p in poly)
    bottom = max(p[1] for p in poly)
    if bottom - top < 30:  # the short rows of the upper chest: keep a comfortable target
        poly[3] = (poly[3][0], top + 32)
        poly[4] = (poly[4][0], top + 30)
    return _region("levatores_costarum", "deep", level, rounded(poly, [4, 6, 6, 6, 4]), poly, angle=35,
                   spacing=6.0)


def regions() -> list[dict]:
    return suboccipital() + multifidus() + long_column() + deep_layer()
