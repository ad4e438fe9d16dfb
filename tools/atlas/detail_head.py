"""Head and neck, lateral: the right side of the head and neck and, mirrored, the left side.

Authored once for the RIGHT side in millimetres: origin at the external ear canal (porion),
x forwards (towards the face), y up. An adult head about 195 mm long and 230 mm from vertex to
menton; the neck down to the clavicle.
"""

from __future__ import annotations

import math

from detail_common import Placement, Sheet, ViewSpec, along, band, fan

SCALE = 3.0
W, H = 1600.0, 1110.0
OX = 365.0
OY = 505.0


def _scm(t: float, side: float) -> tuple[float, float]:
    """A point on the sternocleidomastoid: t from mastoid (0) to sternum (1); side -1 posterior
    border, +1 anterior border, 0 the middle."""
    c0, c1 = (-22.0, -22.0), (28.0, -168.0)
    cx, cy = along(c0, c1, t)
    dx, dy = c1[0] - c0[0], c1[1] - c0[1]
    ln = math.hypot(dx, dy)
    nx, ny = -dy / ln, dx / ln  # towards the front and up
    hw = 15.0 - 18.0 * t + 19.0 * t * t  # wide at the mastoid, narrow mid-neck, two heads below
    return (cx + nx * hw * side, cy + ny * hw * side)


def _trap(y: float) -> tuple[float, float]:
    """The anterior border of the upper trapezius at height y."""
    return (-50.0 + 16.0 * (-(y + 18.0) / 142.0), y)


def head_sheet() -> Sheet:
    sh = Sheet("head_neck")
    # -- outline: back, crown, face, throat --------------------------------------------------------
    P = sh.p
    P("BB", -100.0, -186.0, sharp=True)
    P("ob1", -97.0, -166.0)
    P("ob2", -86.0, -128.0)
    P("ob3", -77.0, -95.0)
    P("ob4", -73.0, -60.0)
    P("ob5", -77.0, -30.0)
    P("inion", -90.0, -4.0)
    P("occ1", -100.0, 26.0)
    P("occ2", -99.0, 60.0)
    P("occ3", -86.0, 93.0)
    P("cr1", -58.0, 121.0)
    P("vertex", -10.0, 137.0)
    P("v2", 40.0, 128.0)
    P("f1", 75.0, 110.0)
    P("f2", 91.0, 84.0)
    P("f3", 96.0, 60.0)
    P("brow", 97.5, 47.0)
    P("nasion", 92.0, 38.0, sharp=True)
    P("nose1", 102.0, 20.0)
    P("nose2", 114.0, 5.0)
    P("nose3", 115.0, -1.0)
    P("nose4", 106.0, -5.0)
    P("subnasale", 99.0, -9.5)
    P("lip1", 102.5, -17.0)
    P("stomion", 97.5, -24.0)
    P("lip2", 100.5, -30.0)
    P("mentolabial", 94.5, -39.0)
    P("chin", 99.5, -52.0)
    P("menton", 88.0, -65.0)
    P("sub1", 67.0, -75.0)
    P("hyoid", 46.0, -87.0)
    P("larynx", 54.0, -106.0)
    P("neck1", 47.0, -140.0)
    P("notch", 39.0, -170.0, sharp=True)
    P("chest", 50.0, -186.0, sharp=True)
    sh.chain("outline", "BB", "ob1", "ob2", "ob3", "ob4", "ob5", "inion", "occ1", "occ2", "occ3", "cr1", "vertex",
             "v2", "f1", "f2", "f3", "brow", "nasion", "nose1", "nose2", "nose3", "nose4", "subnasale", "lip1",
             "stomion", "lip2", "mentolabial", "chin", "menton", "sub1", "hyoid", "larynx", "neck1", "notch",
             "chest")
    sh.outline_chain = "outline"

    # -- face and landmarks (contours under the muscles, bones over them) ---------------------------
    # ear: helix, antihelix, concha and lobule; mastoid process behind the lobule
    sh.line("contour", [(-2.0, -16.0), (-9.0, -8.0), (-13.0, 8.0), (-13.0, 24.0), (-7.0, 36.0), (2.0, 38.0),
                        (9.0, 31.0), (10.0, 20.0), (7.0, 10.0), (6.0, 2.0), (8.0, -6.0), (5.0, -15.0)], closed=True)
    sh.line("contour", [(-8.0, 20.0), (-5.0, 30.0), (2.0, 32.0), (5.0, 24.0), (1.0, 14.0), (-1.0, 4.0), (2.0, -4.0)])
    sh.line("contour", [(-3.0, 8.0), (-4.0, 16.0), (0.0, 20.0)])
    sh.line("contour", [(8.0, 6.0), (11.0, 2.0), (9.0, -2.0)])  # tragus
    sh.line("contour", [(-12.0, -16.0), (-20.0, -20.0), (-22.0, -30.0), (-16.0, -34.0), (-10.0, -26.0)])
    # eye, brow, nostril, lips
    sh.line("contour", [(70.0, 38.0), (77.0, 42.5), (86.0, 41.0), (80.0, 36.5), (72.0, 37.0)], closed=True)
    sh.line("contour", [(78.5, 40.5), (80.5, 38.5)])
    sh.line("contour", [(70.0, 48.0), (80.0, 52.0), (92.0, 50.0)])
    sh.line("contour", [(102.0, 4.0), (104.0, 9.0), (109.0, 8.0), (111.0, 2.0)])
    sh.line("contour", [(92.0, -24.0), (97.0, -24.0)])
    sh.line("contour", [(84.0, 20.0), (90.0, 10.0), (94.0, -4.0)])  # nasolabial fold
    # jaw line and ramus, mandibular angle (gonion), zygomatic arch and clavicle
    sh.line("contour", [(88.0, -60.0), (60.0, -56.0), (30.0, -50.0), (11.0, -44.0), (7.0, -30.0), (9.0, -8.0)])
    sh.line("bone", band([(16.0, 9.0), (34.0, 11.5), (52.0, 13.0), (70.0, 16.0)], [6.5, 7.0, 7.0, 9.0]), closed=True)
    sh.line("bone", band([(-44.0, -160.0), (-20.0, -164.5), (10.0, -167.0), (35.0, -170.5)], [7.0, 8.0, 8.0, 9.0]),
            closed=True)
    sh.line("contour", [(38.0, -104.0), (44.0, -110.0), (45.0, -118.0)])  # thyroid cartilage
    sh.landmark("mastoid", "Mastoid process", None, (-16.0, -27.0))
    sh.landmark("gonion", "Angle of the mandible", None, (10.0, -44.0))
    sh.landmark("ear", "External ear", None, (0.0, 10.0))

    # -- superficial layer ---------------------------------------------------------------------------
    sh.muscle(
        "temporalis", "superficial",
        # the temporal fossa: the superior temporal line about 45 mm below the vertex, the lateral
        # orbital rim in front, the supramastoid crest above the ear behind (about 100 x 80 mm)
        (-40.0, 44.0), (-38.0, 66.0), (-14.0, 84.0), (24.0, 89.0), (50.0, 80.0), (60.0, 60.0), (58.0, 34.0),
        (55.0, 17.0), (30.0, 14.0), (16.0, 28.0), (9.0, 42.0), (-14.0, 46.0),
        fibres=fan((-38, 52), (58, 58), (28, 14), (44, 14), n=11, bend=0.0, extend=0.1)
        + fan((-14, 84), (50, 80), (30, 14), (42, 14), n=6, extend=0.0),
        label=(12.0, 62.0),
    )
    sh.muscle(
        "occipitofrontalis", "superficial",
        "v2", "f1", "f2", "f3", (90.0, 56.0), (80.0, 66.0), (70.0, 90.0), (44.0, 116.0),
        fibres=fan((44, 120), (88, 60), (52, 132), (96, 72), n=6, extend=0.4),
        label=(79.0, 90.0), tag="frontal",
    )
    sh.muscle(
        "occipitofrontalis", "superficial",
        "occ1", "occ2", "occ3", (-80.0, 82.0), (-87.0, 48.0), (-90.0, 24.0),
        fibres=fan((-92, 22), (-84, 86), (-102, 26), (-92, 94), n=4, extend=0.5),
        label=(-92.0, 52.0), tag="occipital",
    )
    sh.muscle(
        "masseter", "superficial",
        (30.0, 7.0), (50.0, 9.0), (66.0, 10.0), (63.0, -14.0), (54.0, -46.0), (44.0, -53.0), (25.0, -49.5),
        (12.0, -44.0), (13.0, -12.0),
        fibres=fan((28, 10), (66, 12), (8, -44), (52, -52), n=10, bend=0.0),
        label=(38.0, -20.0),
    )
    sh.muscle(
        "digastric", "superficial",
        *band([(5.0, -54.0), (24.0, -67.0), (42.0, -82.0)], [7.5, 9.0, 7.0]),
        fibres=fan((5, -54), (5, -54), (42, -80), (42, -80), n=1), tag="posterior", label=(24.0, -67.0),
    )
    sh.muscle(
        "digastric", "superficial",
        *band([(53.0, -78.0), (65.0, -70.5), (77.0, -63.5)], [7.5, 9.0, 7.5]),
        fibres=fan((54, -75), (54, -75), (78, -62), (78, -62), n=1), tag="anterior", label=(65.0, -70.5),
    )
    # sternocleidomastoid and the posterior triangle behind it
    ts = [0.0, 0.12, 0.24, 0.40, 0.55, 0.70, 0.85, 0.97]
    for i, t in enumerate(ts):
        P(f"scmP{i}", *_scm(t, -1))
        P(f"scmA{i}", *_scm(t, 1))
    ys = [-18.0, -45.0, -72.0, -100.0, -125.0, -148.0, -160.0]
    for i, y in enumerate(ys):
        P(f"trA{i}", *_trap(y))
    sh.muscle(
        "sternocleidomastoid", "superficial",
        *[f"scmP{i}" for i in range(8)], *[f"scmA{i}" for i in reversed(range(8))], (-18.0, -12.0),
        fibres=[[_scm(-0.05, s), _scm(0.5, s * 0.9), _scm(1.05, s)] for s in (-0.8, -0.5, -0.2, 0.1, 0.4, 0.7)],
        label=_scm(0.62, 0.0),
    )
    sh.muscle(
        "trapezius_upper", "superficial",
        *[f"trA{i}" for i in range(7)], (-44.0, -162.0), "ob1", "ob2", "ob3", "ob4", "ob5", "inion", (-64.0, -8.0),
        fibres=fan((-62, -8), (-90, -2), (-40, -160), (-96, -166), n=8, bend=0.03),
        label=(-68.0, -105.0),
    )
    sh.muscle(
        "splenius_capitis", "superficial",
        "scmP0", "scmP1", "scmP2", "trA2", "trA1", "trA0",
        fibres=fan((-46, -70), (-30, -66), (-50, -16), (-28, -24), n=5),
    )
    sh.muscle(
        "levator_scapulae", "superficial",
        "scmP2", "scmP3", "trA4", "trA3", "trA2",
        fibres=fan((-24, -56), (-12, -84), (-46, -74), (-40, -126), n=6, extend=0.3),
    )
    P("cl_a", -22.0, -160.0)
    P("cl_b", 0.0, -163.0)
    sh.muscle(
        "scalene_posterior", "superficial",
        "scmP3", "scmP4", "cl_a", "trA6", "trA5", "trA4",
        fibres=fan((-14, -88), (-6, -104), (-36, -150), (-22, -160), n=5, extend=0.2),
    )
    sh.muscle(
        "scalene_middle", "superficial",
        "scmP4", "scmP5", "scmP6", "scmP7", "cl_b", "cl_a",
        fibres=fan((-6, -104), (2, -122), (-20, -162), (2, -164), n=5, extend=0.2),
    )

    # -- deep layer (sternocleidomastoid, trapezius, masseter and temporalis lifted off) -----------
    sh.muscle(
        "lateral_pterygoid", "deep",
        (10.0, 3.0), (28.0, 8.0), (50.0, 7.0), (55.0, -4.0), (32.0, -10.0), (12.0, -6.0),
        fibres=fan((52, 6), (54, -5), (10, 2), (12, -6), n=5),
        label=(33.0, -1.0),
    )
    sh.muscle(
        "medial_pterygoid", "deep",
        (34.0, -16.0), (52.0, -14.0), (40.0, -47.0), (18.0, -43.0), (26.0, -28.0),
        fibres=fan((36, -16), (52, -14), (18, -42), (40, -46), n=5),
        label=(34.0, -30.0),
    )
    sh.muscle(
        "semispinalis_capitis", "deep",
        (-62.0, -6.0), (-86.0, -4.0), (-76.0, -28.0), (-72.0, -60.0), (-74.0, -92.0), (-64.0, -92.0), (-60.0, -40.0),
        fibres=fan((-64, -92), (-74, -92), (-62, -6), (-86, -4), n=4),
        label=(-69.0, -50.0),
    )
    sh.muscle(
        "splenius_capitis", "deep",
        (-24.0, -18.0), (-56.0, -10.0), (-58.0, -40.0), (-62.0, -96.0), (-56.0, -112.0), (-46.0, -64.0),
        (-32.0, -32.0),
        fibres=fan((-62, -100), (-48, -62), (-58, -12), (-26, -20), n=6),
        label=(-48.0, -40.0),
    )
    sh.muscle(
        "levator_scapulae", "deep",
        *band([(-28.0, -44.0), (-32.0, -80.0), (-40.0, -120.0), (-50.0, -152.0)], [13.0, 14.0, 14.0, 12.0], caps=True),
        fibres=[[(-28, -38), (-34, -96), (-50, -158)], [(-24, -44), (-30, -96), (-45, -158)],
                [(-32, -44), (-38, -96), (-55, -152)]],
        label=(-34.0, -96.0),
    )
    sh.muscle(
        "scalene_posterior", "deep",
        *band([(-21.0, -88.0), (-24.0, -120.0), (-28.0, -154.0)], [7.0, 10.0, 12.0], caps=True),
        fibres=[[(-20, -82), (-24, -120), (-29, -160)]],
        label=(-24.0, -122.0),
    )
    sh.muscle(
        "scalene_middle", "deep",
        *band([(-9.0, -60.0), (-10.0, -100.0), (-12.0, -154.0)], [8.0, 12.0, 13.0], caps=True),
        fibres=[[(-8, -54), (-9, -100), (-12, -160)], [(-12, -60), (-13, -100), (-16, -156)],
                [(-5, -60), (-6, -100), (-8, -156)]],
        label=(-10.0, -104.0),
    )
    sh.muscle(
        "scalene_anterior", "deep",
        *band([(5.0, -76.0), (8.0, -110.0), (13.0, -155.0)], [8.0, 11.0, 12.0], caps=True),
        fibres=[[(4, -70), (8, -110), (14, -160)], [(1, -80), (4, -110), (9, -156)], [(8, -80), (12, -110), (18, -156)]],
        label=(8.5, -112.0),
    )
    # suboccipital muscles, under splenius and semispinalis: their own layer
    sh.muscle(
        "obliquus_capitis_superior", "suboccipital",
        *band([(-27.0, -28.0), (-40.0, -20.0), (-55.0, -14.0)], [9.0, 10.0, 11.0], caps=True),
        fibres=[[(-24, -30), (-40, -20), (-58, -12)], [(-24, -26), (-40, -16), (-58, -8)],
                [(-24, -33), (-40, -24), (-58, -17)]],
        label=(-41.0, -19.5),
    )
    sh.muscle(
        "obliquus_capitis_inferior", "suboccipital",
        *band([(-28.0, -38.0), (-42.0, -42.0), (-58.0, -48.0)], [9.0, 11.0, 10.0], caps=True),
        fibres=[[(-24, -37), (-42, -42), (-62, -49)], [(-24, -33), (-42, -38), (-62, -45)],
                [(-24, -41), (-42, -46), (-62, -53)]],
        label=(-43.0, -42.5),
    )
    return sh


def head_view() -> ViewSpec:
    sh = head_sheet()
    v = ViewSpec("head_neck", "Head and neck, lateral", "detail", W, H, "R",
                 [("superficial", "Superficial"), ("deep", "Deep"), ("suboccipital", "Suboccipital")])
    # the right side of the head on the viewer's left (facing right), the left side mirrored on the
    # viewer's right: both faces turn to the middle, as the two halves of an anterior chart would
    v.copies = [(sh, Placement("R", OX, OY, SCALE)), (sh, Placement("L", W - OX, OY, SCALE, mirror=True))]
    return v
