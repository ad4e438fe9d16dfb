"""Foot detail charts: dorsal and plantar, the patient's right and left feet side by side.

Authored once for the RIGHT foot in millimetres: origin between the malleoli at the ankle joint,
x towards the medial (big-toe) side, y towards the toes. An adult foot about 262 mm long (heel to
hallux tip) and 100 mm across the metatarsal heads; the heel reaches 60 mm behind the ankle.
"""

from __future__ import annotations

import math

from detail_common import Placement, Sheet, ViewSpec, along, fan, pennate

SCALE = 4.0
W, H = 1300.0, 1240.0
OX = 340.0

TOES = {
    # key: (base centre, tilt in degrees towards medial (+) or lateral (-), length, width)
    "t1": ((34.0, 150.0), -3.0, 54.0, 27.0),
    "t2": ((12.0, 152.0), -5.0, 43.0, 16.5),
    "t3": ((-5.0, 146.0), -8.0, 37.0, 15.5),
    "t4": ((-21.0, 138.0), -11.0, 32.0, 15.0),
    "t5": ((-36.0, 126.0), -16.0, 26.0, 14.5),
}


def _frame(angle: float):
    a = math.radians(angle)
    return (math.sin(a), math.cos(a)), (math.cos(a), -math.sin(a))


def _at(c, u, n, s, off):
    return (c[0] + u[0] * s + n[0] * off, c[1] + u[1] * s + n[1] * off)


def toe(sh: Sheet, key: str, c, angle, length, width, plantar: bool) -> list[str]:
    """Outline points of a toe from its lateral base round the tip to its medial base."""
    u, n = _frame(angle)
    r = 0.46 * width
    names = [sh.p(f"{key}_bl", *_at(c, u, n, 0, -width / 2)),
             sh.p(f"{key}_ml", *_at(c, u, n, 0.5 * (length - r), -0.49 * width))]
    for k, th in enumerate((180, 135, 90, 45, 0)):
        t = math.radians(th)
        names.append(sh.p(f"{key}_tip{k}", *_at(c, u, n, length - r + r * math.sin(t), r * math.cos(t))))
    names += [sh.p(f"{key}_mm", *_at(c, u, n, 0.5 * (length - r), 0.49 * width)),
              sh.p(f"{key}_bm", *_at(c, u, n, 0, width / 2))]
    if plantar:
        # toe pad and the crease at its base
        pad0 = 0.42 * length if key != "t1" else 0.48 * length
        sh.line("contour", [_at(c, u, n, pad0, -0.34 * width), _at(c, u, n, pad0 - 2.5, 0),
                            _at(c, u, n, pad0, 0.34 * width)])
        sh.line("contour", [_at(c, u, n, 3.0, -0.36 * width), _at(c, u, n, 1.5, 0), _at(c, u, n, 3.0, 0.36 * width)])
    else:
        nb, nt, nw = length - 0.42 * length, length - 1.5, 0.33 * width
        sh.line("nail", [_at(c, u, n, nb, -nw), _at(c, u, n, nb - 1.2, 0), _at(c, u, n, nb, nw),
                         _at(c, u, n, nt - 0.15 * width, nw * 1.05), _at(c, u, n, nt, 0),
                         _at(c, u, n, nt - 0.15 * width, -nw * 1.05)], closed=True)
        for k in range(2):
            s = 0.33 * length + k * 2.2
            sh.line("contour", [_at(c, u, n, s, -0.22 * width), _at(c, u, n, s + 1, 0), _at(c, u, n, s, 0.22 * width)])
    return names


def toes(sh: Sheet, plantar: bool) -> list[str]:
    """Outline from the little toe's lateral base to the big toe's medial base, webs included."""
    out: list[str] = []
    keys = ["t5", "t4", "t3", "t2", "t1"]
    for i, key in enumerate(keys):
        c, a, ln, w = TOES[key]
        pts = toe(sh, key, c, a, ln, w, plantar)
        if i:
            prev = sh.xy(out[-1])
            first = sh.xy(pts[0])
            out.append(sh.p(f"web_{key}", (prev[0] + first[0]) / 2, min(prev[1], first[1]) - 3.0, sharp=True))
        out += pts
    return out


# -- dorsal ---------------------------------------------------------------------------------------

def dorsal_sheet() -> Sheet:
    sh = Sheet("foot_dorsal")
    sh.p("legL", -25.0, -46.0, sharp=True)
    sh.p("lm0", -27.0, -22.0)
    sh.p("lm1", -33.5, -12.0)
    sh.p("lm2", -33.0, 2.0)
    sh.p("lb1", -34.0, 22.0)
    sh.p("lb2", -43.0, 60.0)
    sh.p("lb3", -48.5, 92.0)  # tuberosity of the fifth metatarsal
    sh.p("lb4", -50.0, 116.0)
    tt = toes(sh, plantar=False)
    sh.p("mb1", 49.5, 136.0)  # first metatarsal head
    sh.p("mb2", 45.0, 102.0)
    sh.p("mb3", 39.5, 62.0)
    sh.p("mm1", 33.5, 24.0)
    sh.p("mm2", 31.0, 4.0)
    sh.p("mm3", 30.0, -8.0)
    sh.p("mm4", 25.5, -22.0)
    sh.p("legM", 24.0, -46.0, sharp=True)
    sh.chain("outline", "legL", "lm0", "lm1", "lm2", "lb1", "lb2", "lb3", "lb4", tt, "mb1", "mb2", "mb3", "mm1", "mm2",
             "mm3", "mm4", "legM")
    sh.outline_chain = "outline"
    # malleoli, bony landmarks of the ankle
    sh.line("contour", [(-31.0, -17.0), (-27.5, -12.0), (-27.0, -3.0), (-30.5, 3.0)])
    sh.line("contour", [(28.0, -14.0), (25.0, -8.0), (25.5, 0.0), (28.5, 5.0)])

    # muscles first (regions), then tendons over them
    # extensor digitorum brevis: from the calcaneus in front of the lateral malleolus, three bellies
    # to toes 2-4; extensor hallucis brevis is its medial belly, to the hallux
    sh.p("edb0", -27.0, 14.0)
    sh.p("edb1", -32.0, 44.0)
    sh.p("edb2", -28.0, 78.0)
    sh.p("edb3", -16.0, 92.0)
    sh.p("edb4", -3.0, 88.0)
    sh.p("edb5", -5.0, 60.0)
    sh.p("edb6", -14.0, 28.0)
    sh.p("edb7", -22.0, 12.0)
    sh.muscle(
        "extensor_digitorum_brevis", "superficial",
        "edb0", "edb1", "edb2", "edb3", "edb4", "edb5", "edb6", "edb7",
        fibres=fan((-34, 14), (-18, 14), (-28, 84), (0, 88), n=9, bend=0.02),
        label=(-22, 50),
    )
    sh.muscle(
        "extensor_hallucis_brevis", "superficial",
        "edb7", "edb6", "edb5", (0.0, 76.0), (11.0, 80.0), (9.0, 60.0), (-2.0, 34.0), (-13.0, 13.0),
        fibres=fan((-20, 12), (-12, 12), (0, 78), (11, 80), n=5, bend=-0.02),
    )
    # dorsal interossei between the metatarsals, distal to the short extensors
    spaces = [  # (lateral metatarsal head x, medial metatarsal head x, y of the heads, y of the bases)
        ("1", 16.0, 28.0, 140.0, 88.0),
        ("2", -2.0, 9.5, 142.0, 97.0),
        ("3", -18.0, -7.5, 135.0, 100.0),
        ("4", -33.0, -23.0, 124.0, 96.0),
    ]
    for tag, xl, xm, yh, yb in spaces:
        cx = (xl + xm) / 2
        poly = [(cx - 0.5, yb), (xm - 1.0, yb + 14), (xm - 1.5, yh - 8), (cx + 0.5, yh),
                (xl + 1.5, yh - 8), (xl + 1.0, yb + 14)]
        fib = pennate(poly[5], poly[4], (cx, yb), (cx, yh), n=5) + pennate(poly[1], poly[2], (cx, yb), (cx, yh), n=5)
        sh.muscle("dorsal_interossei_foot", "superficial", *poly, fibres=fib, tag=tag,
                  label=(cx, yb + 0.55 * (yh - yb)))
    # a numbered set: its name said once a hand (or foot), each interosseus its number (1 between the first two metatarsals)
    sh.groups.append(("dorsal_interossei_foot", "superficial"))
    # abductor hallucis and abductor digiti minimi show along the borders
    sh.muscle(
        "abductor_hallucis", "superficial",
        "mm1", "mb3", "mb2", "mb1", (43.0, 128.0), (39.0, 100.0), (33.5, 62.0), (29.0, 30.0),
        fibres=fan((31, 24), (36, 24), (45, 134), (49, 134), n=3),
        label=(41.5, 84.0),
    )
    sh.muscle(
        "abductor_digiti_minimi_foot", "superficial",
        "lb1", (-34.5, 34.0), (-38.0, 60.0), (-43.0, 92.0), (-45.0, 112.0), "lb4", "lb3", "lb2",
        fibres=fan((-35, 24), (-40, 24), (-46, 114), (-50, 114), n=3),
        label=(-43.5, 78.0),
    )

    # long tendons from the leg: tibialis anterior, extensor hallucis longus, extensor digitorum
    # longus (four slips) and fibularis tertius
    def band(pts, w0, w1):
        left, right = [], []
        n = len(pts)
        for i, (x, y) in enumerate(pts):
            a = pts[max(i - 1, 0)]
            b = pts[min(i + 1, n - 1)]
            dx, dy = b[0] - a[0], b[1] - a[1]
            ln = math.hypot(dx, dy)
            w = (w0 + (w1 - w0) * i / (n - 1)) / 2
            left.append((x - dy / ln * w, y + dx / ln * w))
            right.append((x + dy / ln * w, y - dx / ln * w))
        return left + list(reversed(right))

    sh.line("tendon", band([(12.0, -44.5), (14.0, -20.0), (19.0, 6.0), (26.0, 30.0), (30.0, 50.0)], 6.0, 4.5), closed=True)
    sh.line("tendon", band([(4.5, -44.5), (6.0, -10.0), (10.0, 30.0), (19.0, 90.0), (30.0, 140.0),
                            (33.0, 165.0), (33.5, 185.0)], 4.2, 3.2), closed=True)
    split = (-6.5, 26.0)
    for tc in ("t2", "t3", "t4", "t5"):
        c, a, ln, w = TOES[tc]
        u, nn = _frame(a)
        mid = along(split, c, 0.55)
        sh.line("tendon", band([(split[0], split[1] - 4), mid, c, _at(c, u, nn, 0.55 * ln, 0)], 2.6, 2.0), closed=True)
    sh.line("tendon", band([(-5.0, -44.5), (-5.5, -10.0), split], 5.5, 6.0), closed=True)
    sh.line("tendon", band([(-13.0, -44.5), (-14.5, -10.0), (-21.0, 22.0), (-33.0, 62.0), (-41.0, 86.0)], 3.4, 2.4), closed=True)
    # extensor hallucis brevis tendon to the hallux
    sh.line("tendon", band([(10.0, 79.0), (22.0, 118.0), (28.5, 150.0)], 2.2, 1.8), closed=True)
    # superior and inferior extensor retinacula over the tendons
    sh.line("tendon", [(-26.0, -33.0), (0.0, -31.0), (26.0, -33.0), (26.0, -27.5), (0.0, -25.5), (-26.5, -27.5)],
            closed=True, smooth=False)
    sh.line("tendon", [(-28.0, 7.0), (0.0, 4.0), (26.5, -4.0), (27.5, 1.5), (0.0, 10.0), (-28.0, 12.5)],
            closed=True, smooth=False)
    return sh


def dorsal_view() -> ViewSpec:
    sh = dorsal_sheet()
    v = ViewSpec("foot_dorsal", "Feet, dorsal", "detail", W, H, "R", [("superficial", "Superficial")])
    oy = 1022.0
    # seen from the front: the right foot on the viewer's left, big toes towards the middle
    v.copies = [(sh, Placement("R", OX, oy, SCALE)), (sh, Placement("L", W - OX, oy, SCALE, mirror=True))]
    return v


# -- plantar --------------------------------------------------------------------------------------

def plantar_sheet() -> Sheet:
    sh = Sheet("foot_plantar")
    sh.p("heel", 0.0, -63.0)
    sh.p("hl0", -17.0, -59.0)
    sh.p("hl1", -28.0, -47.0)
    sh.p("hl2", -32.0, -28.0)
    sh.p("lb1", -36.0, 10.0)
    sh.p("lb2", -42.0, 55.0)
    sh.p("lb3", -48.0, 90.0)
    sh.p("lb4", -50.0, 116.0)
    tt = toes(sh, plantar=True)
    sh.p("mb1", 49.5, 136.0)
    sh.p("mb2", 46.0, 100.0)
    sh.p("mb3", 36.5, 55.0)  # medial arch: the border draws in
    sh.p("mb4", 31.0, 15.0)
    sh.p("hm2", 29.5, -28.0)
    sh.p("hm1", 25.5, -47.0)
    sh.p("hm0", 15.0, -59.0)
    sh.chain("outline", "heel", "hl0", "hl1", "hl2", "lb1", "lb2", "lb3", "lb4", tt, "mb1", "mb2", "mb3", "mb4", "hm2", "hm1")
    sh.outline_chain = "outline"
    # weight-bearing print: heel pad, lateral band, ball; the medial arch stays clear of it
    sh.line("contour", [(-6.0, -30.0), (-20.0, -30.0), (-26.0, -10.0), (-34.0, 30.0), (-40.0, 70.0)])
    sh.line("contour", [(22.0, -22.0), (16.0, -8.0), (10.0, 10.0)])
    sh.line("contour", [(-44.0, 118.0), (-20.0, 132.0), (10.0, 138.0), (30.0, 132.0), (44.0, 126.0)])

    # superficial: abductor hallucis, flexor digitorum brevis, abductor digiti minimi
    sh.p("s_h1", 18.0, -44.0)
    sh.p("s_h2", 8.0, -46.0)
    sh.p("s_h3", -8.0, -46.0)
    sh.p("s_h4", -18.0, -43.0)
    sh.p("ah1", 20.0, 20.0)
    sh.p("ah2", 30.0, 80.0)
    sh.p("ah3", 40.0, 128.0)
    sh.p("ah4", 46.5, 140.0)
    sh.muscle(
        "abductor_hallucis", "superficial",
        "s_h1", "hm2", "mb4", "mb3", "mb2", "mb1", "ah4", "ah3", "ah2", "ah1", "s_h2",
        fibres=fan((22, -46), (30, -24), (40, 132), (44, 136), n=6, bend=0.02),
        label=(34.0, 40.0),
    )
    sh.p("fdb1", -16.0, 30.0)
    sh.p("fdb2", -20.0, 80.0)
    sh.p("fdb3", -10.0, 98.0)
    sh.p("fdb4", 8.0, 102.0)
    sh.p("fdb5", 20.0, 88.0)
    sh.muscle(
        "flexor_digitorum_brevis", "superficial",
        "s_h2", "ah1", "fdb5", "fdb4", "fdb3", "fdb2", "fdb1", "s_h3",
        fibres=fan((-8, -46), (10, -46), (-20, 96), (20, 96), n=9),
        label=(0.0, 30.0),
    )
    sh.p("adm1", -26.0, 20.0)
    sh.p("adm2", -36.0, 80.0)
    sh.p("adm3", -43.0, 118.0)
    sh.muscle(
        "abductor_digiti_minimi_foot", "superficial",
        "s_h3", "fdb1", "adm1", "adm2", "adm3", "t5_bl", "lb4", "lb3", "lb2", "lb1", "hl2", "s_h4",
        fibres=fan((-20, -44), (-6, -46), (-46, 120), (-40, 124), n=6, bend=-0.02),
        label=(-34.0, 40.0),
    )
    # flexor digitorum brevis tendons to toes 2-5 over the ball (skin, not regions)
    for tc in ("t2", "t3", "t4", "t5"):
        c, a, ln, w = TOES[tc]
        start = {"t2": (5.0, 102.0), "t3": (-3.0, 101.0), "t4": (-11.0, 98.0), "t5": (-17.0, 88.0)}[tc]
        sh.line("contour", [start, along(start, c, 0.6), c])

    # intermediate: quadratus plantae on the heel, lumbricals from the long flexor tendons
    sh.muscle(
        "quadratus_plantae", "intermediate",
        (-20.0, -40.0), (-4.0, -42.0), (14.0, -40.0), (18.0, -20.0), (10.0, 20.0), (2.0, 34.0),
        (-10.0, 30.0), (-22.0, -10.0),
        fibres=fan((-18, -40), (16, -38), (-4, 34), (6, 30), n=7),
        label=(-2.0, -8.0),
    )
    lumbs = [("1", (6.0, 56.0), (12.0, 142.0)), ("2", (-1.0, 58.0), (-3.0, 136.0)),
             ("3", (-8.0, 56.0), (-18.0, 128.0)), ("4", (-15.0, 52.0), (-32.0, 118.0))]
    for tag, (x0, y0), (x1, y1) in lumbs:
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        dx, dy = x1 - x0, y1 - y0
        ln = math.hypot(dx, dy)
        nx, ny = dy / ln, -dx / ln
        poly = [(x0, y0), (mx + nx * 3.6, my + ny * 3.6), (x1, y1), (mx - nx * 3.6, my - ny * 3.6)]
        sh.muscle("lumbricals_foot", "intermediate", *poly, tag=tag,
                  fibres=fan((x0 - nx, y0), (x0 + nx, y0), (x1 - nx, y1), (x1 + nx, y1), n=3))
    # a numbered set: its name said once a hand (or foot), each lumbrical its number (1 to the second toe)
    sh.groups.append(("lumbricals_foot", "intermediate"))

    # deep: flexor hallucis brevis, adductor hallucis (oblique and transverse heads), flexor digiti
    # minimi brevis, plantar interossei
    sh.p("fhb0", 16.0, 60.0)
    sh.p("fhb1", 28.0, 64.0)
    sh.p("fhb2", 40.0, 112.0)
    sh.p("fhb3", 40.0, 140.0)
    sh.p("fhb4", 28.0, 145.0)
    sh.p("fhb5", 22.0, 112.0)
    sh.muscle(
        "flexor_hallucis_brevis", "deep",
        "fhb0", "fhb1", "fhb2", "fhb3", "fhb4", "fhb5",
        fibres=fan((18, 62), (28, 64), (29, 142), (40, 140), n=6),
        label=(30.0, 100.0),
    )
    sh.muscle(
        "adductor_hallucis", "deep",
        "fhb0", "fhb5", "fhb4", (20.0, 128.0), (4.0, 90.0), (-6.0, 66.0), (2.0, 56.0),
        fibres=fan((-4, 62), (4, 56), (19, 134), (26, 140), n=6),
        label=(8.0, 84.0), tag="oblique",
    )
    sh.muscle(
        "adductor_hallucis", "deep",
        (24.0, 146.0), (4.0, 141.0), (-20.0, 132.0), (-38.0, 122.0), (-36.0, 113.0), (-18.0, 122.0), (2.0, 129.0), (18.0, 132.0),
        fibres=fan((-36, 116), (-38, 124), (20, 134), (24, 146), n=4),
        label=(-10.0, 129.0), tag="transverse",
    )
    sh.muscle(
        "flexor_digiti_minimi_brevis_foot", "deep",
        (-33.5, 78.0), (-39.0, 80.0), (-45.5, 110.0), (-42.0, 114.5), (-35.0, 110.0),
        fibres=fan((-33, 76), (-38, 78), (-39, 116), (-45, 114), n=4),
        label=(-39.0, 98.0),
    )
    pis = [("1", (-3.0, 86.0), (-4.0, 118.0)), ("2", (-14.5, 82.0), (-17.0, 112.0)),
           ("3", (-25.5, 78.0), (-27.5, 104.0))]
    for tag, (x0, y0), (x1, y1) in pis:
        poly = [(x0, y0 - 2), (x0 + 4.0, (2 * y0 + y1) / 3), ((x0 + x1) / 2 + 4.0, (y0 + 2 * y1) / 3),
                (x1, y1 + 1), (x1 - 4.0, (y0 + 2 * y1) / 3), ((x0 + x1) / 2 - 4.0, (2 * y0 + y1) / 3)]
        sh.muscle("plantar_interossei", "deep", *poly, tag=tag,
                  fibres=fan((x0 - 1, y0), (x0 + 1, y0), (x1 - 1, y1), (x1 + 1, y1), n=3))
    # a numbered set: its name said once a hand (or foot), each interosseus its number (1 to the third toe)
    sh.groups.append(("plantar_interossei", "deep"))
    return sh


def plantar_view() -> ViewSpec:
    sh = plantar_sheet()
    v = ViewSpec("foot_plantar", "Feet, plantar (soles)", "detail", W, H, "L",
                 [("superficial", "Superficial"), ("intermediate", "Intermediate"), ("deep", "Deep")])
    oy = 982.0
    # soles seen from behind the patient: the left foot on the viewer's left, big toes inward
    v.copies = [(sh, Placement("L", OX, oy, SCALE)), (sh, Placement("R", W - OX, oy, SCALE, mirror=True))]
    return v
