"""The bones around the column on the spinal chart: the back of the skull and the atlas arch, the
scapulae, the ribs (faint contours), the ilia, the lower sacrum with its foramina and median crest,
the sacral alae and the coccyx. Half coordinates as in spinal.py (dx from the midline, y down);
the arches of C2 ... S1 themselves are drawn by spinal.vertebra.
"""

from __future__ import annotations

import math

from spinal import (
    BY_LEVEL,
    S2,
    SACRUM_APEX,
    THORACIC,
    Path2,
    Pt,
    Seg,
    _y,
    mirror_full,
    rounded,
    spline,
)


def skull() -> tuple[Path2, list[Path2]]:
    """The back of the skull (occipital squama between the parietals) and its lines."""
    def sq(pts: list[Pt]) -> list[Pt]:  # drawn at 0.72 of its height, to open the C1 row below
        return [(x, SKULL_TOP + (y - 52) * 0.72) for x, y in pts]

    half = [(0, 52), (60, 58), (110, 80), (140, 116), (150, 150), (144, 172), (128, 184),
            (122, 206), (112, 208), (104, 188), (70, 186), (34, 192), (0, 194)]
    shape = spline(mirror_full(sq(half)), closed=True)
    lines = [
        # lambdoid suture: lambda down to asterion
        spline(sq([(-132, 150), (-96, 118), (-52, 86), (0, 66), (52, 86), (96, 118), (132, 150)])),
        # superior and inferior nuchal lines from the external occipital protuberance (inion)
        spline(sq([(-118, 168), (-80, 152), (-40, 142), (0, 136), (40, 142), (80, 152), (118, 168)])),
        spline(sq([(-90, 182), (-56, 172), (-24, 166), (0, 166), (24, 166), (56, 172), (90, 182)])),
        # external occipital crest down the midline
        spline(sq([(0, 136), (0, 166), (0, 190)])),
    ]
    return shape, lines


SKULL_TOP = 46.0
SKULL_BASE = SKULL_TOP + (194 - 52) * 0.72  # the occiput at the midline (foramen magnum's rim)


def atlas_arch() -> Path2:
    y = BY_LEVEL["C2"].Y - 26
    half = [(0, y - 4), (8, y - 3), (40, y - 1), (74, y + 1), (96, y - 5), (104, y + 2), (96, y + 10),
            (72, y + 9), (40, y + 7), (10, y + 9), (0, y + 11)]
    return rounded(mirror_full(half), 3.0)


def scapula() -> tuple[list[Pt], list[Pt]]:
    """Right scapula body and its spine with the acromion (half coordinates)."""
    sup = _y("T2") - 22
    root = _y("T3")
    inf = _y("T7")
    body = [(190, sup), (186, root - 30), (182, root), (186, root + 100), (194, inf - 70), (200, inf - 10),
            (210, inf + 2), (222, inf - 8), (256, inf - 74), (296, inf - 170), (326, root + 48),
            (342, root + 14), (354, root - 18), (352, root - 44), (334, root - 54), (316, sup + 14),
            (300, sup + 10), (292, sup + 2), (250, sup - 2)]
    spine = [(180, root + 2), (186, root - 8), (248, root - 30), (306, root - 54), (346, root - 70),
             (374, root - 82), (398, root - 80), (406, root - 68), (394, root - 56), (366, root - 50),
             (336, root - 40), (300, root - 28), (246, root - 8), (196, root + 10)]
    return body, spine


def ribs() -> list[Path2]:
    """Ribs 1-12 from behind: each from its transverse process outwards, arching down; faint."""
    out = []
    for i, lv in enumerate(THORACIC):
        seg = BY_LEVEL[lv]
        y0 = seg.Y + seg.t / 2 + seg.s * seg.tp
        x0 = seg.tp - 4
        reach = [150, 250, 285, 300, 305, 305, 300, 292, 278, 260, 210, 168][i]
        drop = [40, 70, 90, 104, 116, 126, 134, 140, 144, 146, 120, 92][i]
        w = 9 + 3 * math.sin(math.pi * i / 11)
        pts = []
        for k in range(7):
            f = k / 6
            dx = x0 + (reach - x0) * f
            dy = drop * (f ** 1.6)
            pts.append((dx, y0 + dy))
        upper = [(x, y - w / 2) for x, y in pts]
        lower = [(x, y + w / 2) for x, y in reversed(pts)]
        out.append(spline(upper + lower, closed=True))
    return out


def ilium() -> list[Pt]:
    """Right ilium from behind, starting at the PSIS: the crest up and out to its summit at L4,
    the lateral lip, then the lower border over the greater sciatic notch back to the PIIS."""
    psis = (102, S2.Y + 18)
    crest = BY_LEVEL["L4"].Y + 52  # the summit, at L4 (the L4/5 interspace just below)
    return [psis, (112, psis[1] - 26), (128, psis[1] - 80), (156, crest + 58), (192, crest + 16),
            (236, crest), (276, crest + 8), (308, crest + 34), (322, crest + 76), (318, crest + 150),
            (304, crest + 220), (280, crest + 262), (244, crest + 270), (206, crest + 252),
            (176, crest + 240), (146, crest + 250), (126, psis[1] + 52), (112, psis[1] + 40),
            (96, psis[1] + 16)]


def sacrum_lower() -> Path2:
    """Sacrum below the S1 groove: S2 ... S5 down to the apex."""
    y = S2.Y
    half = [(0, y - 1), (S2.lw - 2, S2.top(S2.lw - 2)), (S2.tp, S2.top(S2.tp) - 4), (110, y + 40),
            (92, y + 88), (66, y + 124), (36, SACRUM_APEX - 4), (18, SACRUM_APEX), (0, SACRUM_APEX)]
    return rounded(mirror_full(half), [0, 3, 6, 12, 14, 12, 8, 4, 0] + [4, 8, 12, 14, 12, 6, 3])


def sacral_ala(seg: Seg) -> Path2:
    """The lateral mass of S1 beside the groove, from the base down to S2."""
    top = seg.bottom(seg.lw + 2)
    return rounded([(seg.lw + 1.5, top - 1), (seg.tp - 2, seg.bottom(seg.tp) - 2), (S2.tp + 2, S2.top(S2.tp)),
                    (S2.lw + 1.5, S2.top(S2.lw) + 1)], 3)


def foramina() -> list[Path2]:
    out = []
    for k, (dx, r) in enumerate([(34, 7.5), (32, 6.5), (29, 5.5)]):
        y = S2.Y + 22 + k * 38
        out.append(spline([(dx + r * 0.8 * math.sin(a * math.pi / 4), y - r * math.cos(a * math.pi / 4))
                           for a in range(8)], closed=True))
    return out


def median_crest() -> list[Path2]:
    out = []
    for k in range(3):
        y = S2.Y + 8 + k * 36
        w = 7 - k
        out.append(rounded([(0, y), (w, y + 6), (w - 1, y + 20), (0, y + 24), (-w + 1, y + 20), (-w, y + 6)], 3))
    # sacral hiatus and cornua at the apex
    y = SACRUM_APEX - 30
    out.append(rounded([(-14, SACRUM_APEX - 2), (-12, y + 6), (-6, y), (6, y), (12, y + 6), (14, SACRUM_APEX - 2),
                        (8, SACRUM_APEX - 2), (5, y + 10), (-5, y + 10), (-8, SACRUM_APEX - 2)], 2))
    return out


def coccyx() -> list[Path2]:
    out = []
    y = SACRUM_APEX + 3
    for w, h in ((17, 17), (12, 14), (9, 11), (6, 8)):
        out.append(rounded([(-w, y), (w, y), (w - 3, y + h), (-w + 3, y + h)], 3))
        y += h + 2
    return out
