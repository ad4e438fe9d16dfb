"""Hand detail charts: palmar and dorsal, the patient's right and left hands side by side.

Authored once for the RIGHT hand in millimetres: origin at the middle of the distal wrist crease,
x towards the ulnar (little-finger) side, y towards the fingertips. Proportions follow an adult
hand about 185 mm long (wrist crease to middle fingertip) and 85 mm across the metacarpal heads.
"""

from __future__ import annotations

import math

from detail_common import Placement, Sheet, ViewSpec, fan, pennate
from label_words import SIZE, text_size

SCALE = 4.8  # view units per millimetre
W, H = 1500.0, 1160.0
OY = 1010.0  # the wrist crease
OX = 445.0  # centre of the wrist of the copy on the viewer's left

# The hypothenar muscles face the other hand, and their names, longer than the muscles are wide,
# lay over the palm's tendons. They go between the wrists, off the drawing: a row each, the right
# hand's names (viewer's left) starting at its wrist, the left hand's ending at its own, each tied
# by a leader down from its muscle. The rows are ordered so that no leader passes a name: each
# abductor's straight down its hand's border, the right flexor's inside the right wrist, the left
# flexor's inside the left. (view units: the row, and the name's edge on its hand's side)
HYPOTHENAR_ROWS = {("abductor_digiti_minimi_hand", "R"): (990, 600),
                   ("abductor_digiti_minimi_hand", "L"): (1020, 900),
                   ("flexor_digiti_minimi_brevis_hand", "R"): (1050, 590),
                   ("flexor_digiti_minimi_brevis_hand", "L"): (1080, 910),
                   ("opponens_digiti_minimi", "R"): (1000, 596),
                   ("opponens_digiti_minimi", "L"): (1035, 904)}
# their tap points as released (the names were placed over the muscles then), view units a side
HYPOTHENAR_TAP = {"abductor_digiti_minimi_hand": {"R": (633.1, 761.6), "L": (862.7, 786.8)},
                  "flexor_digiti_minimi_brevis_hand": {"R": (584.2, 736.4), "L": (915.8, 736.4)},
                  "opponens_digiti_minimi": {"R": (603.4, 794.0), "L": (896.6, 794.0)}}


def hypothenar_name(muscle: str) -> dict[str, tuple[float, float]]:
    """Where the English name's centre goes, a side (see HYPOTHENAR_ROWS)."""
    half = text_size(muscle.replace("_", " "), SIZE)[0] / 2
    out = {}
    for side, toward in (("R", 1), ("L", -1)):
        row, edge = HYPOTHENAR_ROWS[(muscle, side)]
        out[side] = (edge + toward * half, row)
    return out


# -- fingers ---------------------------------------------------------------------------------------

FINGERS = {
    # key: (base centre, tilt in degrees towards ulnar, length from the proximal crease, width)
    "index": ((-27.0, 104.0), -4.0, 69.0, 19.0),
    "middle": ((-7.0, 108.0), 0.0, 77.0, 19.5),
    "ring": ((12.0, 105.0), 4.0, 72.0, 18.0),
    "little": ((30.0, 96.0), 9.0, 56.0, 16.0),
}


def _frame(angle: float):
    a = math.radians(angle)
    u = (math.sin(a), math.cos(a))
    n = (math.cos(a), -math.sin(a))
    return u, n


def _at(c, u, n, s, off):
    return (c[0] + u[0] * s + n[0] * off, c[1] + u[1] * s + n[1] * off)


def finger(sh: Sheet, key: str, c, angle: float, length: float, width: float, dorsal: bool = False) -> list[str]:
    """Outline points of a finger, radial base -> tip -> ulnar base; creases, nails as details."""
    u, n = _frame(angle)
    w_pip, w_dip, w_tip = 0.94 * width, 0.86 * width, 0.80 * width
    r = w_tip / 2
    s_pip, s_dip = 0.45 * length, 0.72 * length
    names = [
        sh.p(f"{key}_b_r", *_at(c, u, n, 0, -width / 2)),
        sh.p(f"{key}_pip_r", *_at(c, u, n, s_pip, -w_pip / 2)),
        sh.p(f"{key}_dip_r", *_at(c, u, n, s_dip, -w_dip / 2)),
    ]
    tip = []
    for k, th in enumerate((180, 135, 90, 45, 0)):
        t = math.radians(th)
        tip.append(sh.p(f"{key}_tip{k}", *_at(c, u, n, length - r + r * math.sin(t), r * math.cos(t))))  # 180 deg = radial
    names += tip
    names += [
        sh.p(f"{key}_dip_u", *_at(c, u, n, s_dip, w_dip / 2)),
        sh.p(f"{key}_pip_u", *_at(c, u, n, s_pip, w_pip / 2)),
        sh.p(f"{key}_b_u", *_at(c, u, n, 0, width / 2)),
    ]
    if not dorsal:
        for s, frac, double in ((0.03 * length, 0.40, True), (s_pip, 0.40, True), (s_dip, 0.36, False)):
            for ds in ((-1.3, 1.3) if double else (0.0,)):
                sh.line("contour", [_at(c, u, n, s + ds, -frac * width), _at(c, u, n, s + ds - 1.2, 0),
                                    _at(c, u, n, s + ds, frac * width)])
        # finger pulp
        sh.line("contour", [_at(c, u, n, s_dip + 0.55 * (length - s_dip), -0.22 * width),
                            _at(c, u, n, s_dip + 0.62 * (length - s_dip), 0),
                            _at(c, u, n, s_dip + 0.55 * (length - s_dip), 0.22 * width)])
    else:
        # knuckle wrinkles over PIP and DIP, and the nail
        for s, frac, count in ((s_pip, 0.30, 3), (s_dip, 0.24, 2)):
            for k in range(count):
                ds = (k - (count - 1) / 2) * 2.0
                sh.line("contour", [_at(c, u, n, s + ds, -frac * width), _at(c, u, n, s + ds + 1.0, 0),
                                    _at(c, u, n, s + ds, frac * width)])
        nb, nt = length - 0.62 * (length - s_dip), length - 1.2
        nw = 0.30 * width
        sh.line("nail", [_at(c, u, n, nb, -nw), _at(c, u, n, nb - 1.0, 0), _at(c, u, n, nb, nw),
                         _at(c, u, n, nt - 2.5, nw * 1.05), _at(c, u, n, nt, 0), _at(c, u, n, nt - 2.5, -nw * 1.05)],
                closed=True)
    return names


def thumb(sh: Sheet, dorsal: bool = False) -> dict:
    """Thumb points: metacarpophalangeal joint at (-44, 60), abducted 35 degrees from the index."""
    mcp = (-46.0, 61.0)
    u, n = _frame(-35.0)
    pts = {
        "t_mcp_r": _at(mcp, u, n, 0, -11.5),
        "t_ip_r": _at(mcp, u, n, 31, -10.3),
        "t_pp_u": _at(mcp, u, n, 15, 10.8),
        "t_ip_u": _at(mcp, u, n, 31, 10.0),
    }
    r = 8.5
    for k, th in enumerate((180, 135, 90, 45, 0)):
        t = math.radians(th)
        pts[f"t_tip{k}"] = _at(mcp, u, n, 56 - r + r * math.sin(t), r * math.cos(t))
    for k, v in pts.items():
        sh.p(k, *v)
    if not dorsal:
        for s, double in ((31, True), (2, False)):
            for ds in ((-1.2, 1.2) if double else (0.0,)):
                sh.line("contour", [_at(mcp, u, n, s + ds, -8), _at(mcp, u, n, s + ds - 1.2, 0), _at(mcp, u, n, s + ds, 8)])
    else:
        for k in range(3):
            ds = (k - 1) * 2.0
            sh.line("contour", [_at(mcp, u, n, 31 + ds, -6.5), _at(mcp, u, n, 32 + ds, 0), _at(mcp, u, n, 31 + ds, 6.5)])
        nb, nt, nw = 40.0, 54.5, 6.0
        sh.line("nail", [_at(mcp, u, n, nb, -nw), _at(mcp, u, n, nb - 1, 0), _at(mcp, u, n, nb, nw),
                         _at(mcp, u, n, nt - 2.8, nw * 1.05), _at(mcp, u, n, nt, 0), _at(mcp, u, n, nt - 2.8, -nw * 1.05)],
                closed=True)
    return {"mcp": mcp, "u": u, "n": n}


def hand_outline(sh: Sheet, dorsal: bool = False) -> None:
    sh.p("F_r", -30.5, -28, sharp=True)
    sh.p("W_r", -28.5, 0)
    sh.p("Th1", -37.5, 17)
    sh.p("Th2", -48.5, 37)
    thumb(sh, dorsal)
    sh.p("web1", -37.8, 88.0, sharp=True)
    fingers = {k: finger(sh, k, *v, dorsal=dorsal) for k, v in FINGERS.items()}
    sh.p("web2", -17.2, 101.0, sharp=True)
    sh.p("web3", 3.0, 101.5, sharp=True)
    sh.p("web4", 21.6, 94.0, sharp=True)
    sh.p("L5", 42.8, 80)
    sh.p("Hy1", 45.3, 52)
    sh.p("Hy2", 41.5, 24)
    sh.p("W_u", 29.5, 1)
    sh.p("F_u", 30.5, -28, sharp=True)
    sh.chain(
        "outline", "F_r", "W_r", "Th1", "Th2", "t_mcp_r", "t_ip_r",
        *[f"t_tip{k}" for k in range(5)], "t_ip_u", "t_pp_u", "web1",
        fingers["index"], "web2", fingers["middle"], "web3", fingers["ring"], "web4", fingers["little"],
        "L5", "Hy1", "Hy2", "W_u", "F_u",
    )
    sh.outline_chain = "outline"


# -- palmar ---------------------------------------------------------------------------------------

TENDONS = {  # flexor tendons: start in the carpal tunnel, end at the finger base
    "index": ((-8.0, 22.0), (-26.0, 101.0)),
    "middle": ((-2.2, 22.0), (-7.0, 104.5)),
    "ring": ((4.2, 22.0), (12.2, 102.0)),
    "little": ((10.5, 22.0), (29.0, 93.0)),
}
T_STEPS = (0.0, 0.3, 0.55, 0.8, 1.0)


def _tendon(sh: Sheet, key: str, width: float = 5.8) -> None:
    (x0, y0), (x1, y1) = TENDONS[key]
    dx, dy = x1 - x0, y1 - y0
    ln = math.hypot(dx, dy)
    nx, ny = dy / ln, -dx / ln  # towards ulnar
    r_side, u_side = [], []
    for k, t in enumerate(T_STEPS):
        w = width * {0.0: 0.7, 0.3: 0.9, 1.0: 0.75}.get(t, 1.0) / 2
        cx, cy = x0 + dx * t, y0 + dy * t
        r_side.append(sh.p(f"fl_{key}_r{k}", cx - nx * w, cy - ny * w))
        u_side.append(sh.p(f"fl_{key}_u{k}", cx + nx * w, cy + ny * w))
    end = sh.p(f"fl_{key}_end", x1 + dx / ln * 2.6, y1 + dy / ln * 2.6)
    start = sh.p(f"fl_{key}_start", x0 - dx / ln * 1.5, y0 - dy / ln * 1.5)
    sh.area("tendon", start, r_side, end, list(reversed(u_side)))


def palmar_sheet() -> Sheet:
    sh = Sheet("hand_palmar")
    hand_outline(sh)
    # wrist creases and the forearm tendons (palmaris longus, flexor carpi radialis and ulnaris)
    for y, bow in ((0.0, -1.5), (-9.0, -1.0)):
        sh.line("contour", [(-24, y + 1), (0, y + bow), (24, y + 1)])
    sh.line("contour", [(-27.5, -4.0), (-24.5, 6.0), (-20, 10.5)])  # scaphoid tubercle fold
    sh.area("tendon", (-1.6, -28), (-1.0, -1), (0.0, 3.5), (1.6, -1), (1.9, -28))  # palmaris longus
    sh.area("tendon", (-19.5, -28), (-18.5, -2), (-17.0, 4.5), (-15.0, -2), (-15.8, -28))  # FCR
    sh.area("tendon", (20.0, -28), (21.5, -3), (24.5, 2.5), (25.2, -3), (24.0, -28))  # FCU
    # flexor retinaculum over the carpal tunnel
    sh.line("tendon", [(0, 9.0), (-15.0, 11.0), (-12.5, 20.5), (0, 23.0), (12.5, 20.5), (16.0, 11.0)], closed=True)
    for k in TENDONS:
        _tendon(sh, k)

    # thenar eminence: APB laterally, FPB medially; the thenar crease is FPB's medial border
    sh.p("ret_r", -19.5, 7.5)
    sh.p("af0", -15.0, 14.0)
    sh.p("afm", -37.0, 43.0)
    sh.p("ins_a", -47.5, 67.0)
    sh.p("tc1", -33.0, 64.0)
    sh.p("tc2", -22.5, 40.0)
    sh.p("tc3", -13.5, 22.0)
    sh.muscle(
        "abductor_pollicis_brevis", "superficial",
        "ret_r", "Th1", "Th2", "t_mcp_r", "ins_a", "afm", "af0",
        fibres=fan((-19, 8), (-14, 15), (-53, 57), (-45, 66), n=7, bend=0.03),
        label=(-38, 36),
    )
    sh.muscle(
        "flexor_pollicis_brevis", "superficial",
        "af0", "afm", "ins_a", "t_pp_u", "tc1", "tc2", "tc3",
        fibres=fan((-15, 14), (-14, 23), (-45, 67), (-40, 74), n=6, bend=0.02),
        label=(-28, 42),
    )
    # adductor pollicis, transverse head, in the first web space
    sh.p("ap1", -32.0, 88.5)
    sh.p("ap2", -26.5, 65.0)
    sh.muscle(
        "adductor_pollicis", "superficial",
        "tc1", "t_pp_u", "web1", "ap1", "ap2",
        fibres=fan((-25, 64), (-27, 88), (-42, 72), (-41, 80), n=5),
        label=(-33, 74),
    )
    # lumbricals: slender bellies arising in the middle of the palm from the flexor digitorum profundus
    # tendons (the drawn flexor tendons stand for both flexors), distal to the carpal tunnel, each
    # running on the radial side of its finger to the extensor expansion; 1 and 2 from the radial side
    # of the index and middle tendons (unipennate), 3 and 4 from the adjacent sides of two tendons
    lum = [
        ("1", None, "index", (-27.0, 100.0)),
        ("2", "index", "middle", (-12.8, 103.0)),
        ("3", "middle", "ring", (6.2, 101.5)),
        ("4", "ring", "little", (22.0, 94.5)),
    ]
    for tag, neighbour, key, tip in lum:
        r = f"fl_{key}_r"
        tip_n = sh.p(f"lum{tag}_ins", *tip)
        r2, r3 = sh.xy(f"{r}2"), sh.xy(f"{r}3")
        if neighbour is None or tag == "2":  # unipennate: a belly along the radial side of the tendon
            if neighbour is None:
                shift = 5.5
            else:
                shift = 0.75 * (sh.xy(f"{r}2")[0] - sh.xy(f"fl_{neighbour}_u2")[0])
            o2 = sh.p(f"lum{tag}_o2", r2[0] - shift * 0.8, r2[1] + 5.0)
            o3 = sh.p(f"lum{tag}_o3", r3[0] - shift, r3[1])
            items = [o2, o3, tip_n, f"{r}3", f"{r}2"]
        else:  # bipennate: from the adjacent sides of two tendons
            items = [f"fl_{neighbour}_u2", f"fl_{neighbour}_u3", tip_n, f"{r}3", f"{r}2"]
        o0, o1 = sh.xy(items[0]), sh.xy(items[-1])
        fib = fan(o0, o1, (tip[0] - 0.6, tip[1]), (tip[0] + 0.6, tip[1]), n=4, extend=0.1)
        sh.muscle("lumbricals_hand", "superficial", *items, fibres=fib, tag=tag)
    # a numbered set: its name said once a hand (or foot), each lumbrical its number (1 on the index, from the radial side)
    sh.groups.append(("lumbricals_hand", "superficial"))

    # hypothenar eminence: abductor digiti minimi on the border, flexor digiti minimi inside it
    sh.p("adm0", 24.0, 9.0)
    sh.p("adm_in", 34.8, 91.0)
    sh.p("afd1", 35.5, 55.0)
    sh.p("afd0", 19.0, 15.0)
    sh.muscle(
        "abductor_digiti_minimi_hand", "superficial",
        "adm0", "Hy2", "Hy1", "L5", "little_b_u", "adm_in", "afd1", "afd0",
        fibres=fan((21, 11), (37, 20), (36, 93), (40, 88), n=6, bend=-0.02),
        label=HYPOTHENAR_TAP["abductor_digiti_minimi_hand"], name_hint=hypothenar_name("abductor_digiti_minimi_hand"),
    )
    sh.p("fdm_in", 28.0, 88.0)
    sh.p("fdm1", 25.5, 55.0)
    sh.p("fdm0", 15.0, 24.0)
    sh.muscle(
        "flexor_digiti_minimi_brevis_hand", "superficial",
        "afd0", "afd1", "adm_in", "fdm_in", "fdm1", "fdm0",
        fibres=fan((14, 24), (20, 14), (29, 89), (35, 91), n=5),
        label=HYPOTHENAR_TAP["flexor_digiti_minimi_brevis_hand"],
        name_hint=hypothenar_name("flexor_digiti_minimi_brevis_hand"),
    )

    # deep layer: opponens pollicis, adductor pollicis (both heads), opponens digiti minimi,
    # palmar interossei between the metacarpals (under the lumbricals)
    sh.p("mc1", -46.5, 58.0)
    sh.p("op_m", -30.0, 32.0)
    sh.p("op_o", -13.0, 12.0)
    sh.muscle(
        "opponens_pollicis", "deep",
        "ret_r", "Th1", "Th2", "t_mcp_r", "mc1", "op_m", "op_o",
        fibres=fan((-18, 8), (-12, 13), (-53, 54), (-45, 58), n=7, bend=-0.04),
        label=(-37, 38),
    )
    # adductor pollicis, two heads converging on the thumb (a fan, not a block): the oblique head
    # from the capitate and the bases of the 2nd and 3rd metacarpals, the transverse head from the
    # palmar shaft of the 3rd metacarpal (under the middle finger's flexor tendons), the deep
    # palmar arch passing between them (the notch); both insert by one narrow tendon on the ulnar
    # side of the base of the thumb's proximal phalanx (and its ulnar sesamoid)
    for n, x, y in (("ap_ins", -44.5, 70.0), ("ap_t1", -10.0, 81.0), ("ap_t2", -6.5, 67.0),
                    ("ap_t3", -6.0, 55.0), ("ap_gap", -15.0, 51.0), ("ap_o1", -5.0, 45.0),
                    ("ap_o2", -4.0, 31.0), ("ap_o3", -8.0, 21.5), ("ap_l1", -20.0, 36.0),
                    ("ap_l2", -33.0, 52.0)):
        sh.p(n, x, y)
    sh.muscle(
        "adductor_pollicis", "deep",
        "ap_ins", "t_pp_u", "ap_t1", "ap_t2", "ap_t3", "ap_gap", "ap_o1", "ap_o2", "ap_o3",
        "ap_l1", "ap_l2",
        fibres=fan((-7, 82), (-6, 55), (-45, 79), (-45, 75), n=5, extend=0.05)
        + fan((-5, 45), (-8, 22), (-45, 75), (-45, 70), n=5, extend=0.05),
        label=(-24, 62),
    )
    pis = [
        ("1", [(-18.0, 89.0), (-10.0, 87.0), (-11.2, 99.0), (-16.5, 99.5)]),
        ("2", [(-0.5, 48.0), (4.5, 48.0), (7.8, 97.5), (0.5, 98.0)]),
        ("3", [(14.0, 46.0), (18.5, 45.0), (24.0, 90.5), (17.0, 94.0)]),
    ]
    for tag, poly in pis:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = poly
        fib = fan(((x0 + x1) / 2 - 2, y0), ((x0 + x1) / 2 + 2, y0), ((x2 + x3) / 2 - 2, y2), ((x2 + x3) / 2 + 2, y2), n=3)
        sh.muscle("palmar_interossei", "deep", *poly, fibres=fib, tag=tag)
    # a numbered set: its name said once a hand (or foot), each interosseus its number (1 to the index, 2 the ring, 3 the little finger)
    sh.groups.append(("palmar_interossei", "deep"))
    sh.p("odm0", 15.5, 22.0)
    sh.p("odm1", 26.0, 13.0)
    sh.p("odm2", 41.0, 36.0)
    sh.p("odm3", 41.5, 70.0)
    sh.p("odm4", 33.0, 80.0)
    sh.p("odm5", 26.0, 45.0)
    sh.muscle(
        "opponens_digiti_minimi", "deep",
        "odm0", "odm1", "odm2", "odm3", "odm4", "odm5",
        fibres=fan((16, 21), (26, 13), (29, 62), (40, 74), n=6),
        label=HYPOTHENAR_TAP["opponens_digiti_minimi"], name_hint=hypothenar_name("opponens_digiti_minimi"),
    )
    return sh


def palmar_view() -> ViewSpec:
    sh = palmar_sheet()
    v = ViewSpec("hand_palmar", "Hands, palmar", "detail", W, H, "R",
                 [("superficial", "Superficial"), ("deep", "Deep")])
    # anatomical position seen from the front: the right hand on the viewer's left, thumbs outward
    v.copies = [
        (sh, Placement("R", OX, OY, SCALE, mirror=False)),
        (sh, Placement("L", W - OX, OY, SCALE, mirror=True)),
    ]
    return v


# -- dorsal ---------------------------------------------------------------------------------------

EXT = {  # extensor digitorum tendons: from under the extensor retinaculum to the knuckle
    "index": ((-6.5, -4.0), (-26.0, 99.0)),
    "middle": ((-2.0, -4.0), (-7.0, 103.0)),
    "ring": ((2.5, -4.0), (12.2, 100.5)),
    "little": ((12.0, -4.0), (29.5, 92.0)),  # extensor digiti minimi
}
E_STEPS = (0.0, 0.25, 0.5, 0.75, 1.0)


def _extensor(sh: Sheet, key: str, width: float = 5.0) -> None:
    (x0, y0), (x1, y1) = EXT[key]
    dx, dy = x1 - x0, y1 - y0
    ln = math.hypot(dx, dy)
    nx, ny = dy / ln, -dx / ln
    r_side, u_side = [], []
    for k, t in enumerate(E_STEPS):
        w = width * (0.8 if t == 0 else 1.0) / 2
        cx, cy = x0 + dx * t, y0 + dy * t
        r_side.append(sh.p(f"ex_{key}_r{k}", cx - nx * w, cy - ny * w))
        u_side.append(sh.p(f"ex_{key}_u{k}", cx + nx * w, cy + ny * w))
    # over the finger: the extensor hood widens over the proximal phalanx, then narrows
    c, angle, length, fw = FINGERS[key]
    u, n = _frame(angle)
    hood = [(0.12, 0.20), (0.45, 0.17), (0.62, 0.10)]
    rf = [_at(c, u, n, s * length, -h * fw) for s, h in hood]
    uf = [_at(c, u, n, s * length, h * fw) for s, h in hood]
    end = _at(c, u, n, 0.69 * length, 0)
    sh.area("tendon", r_side, rf, end, list(reversed(uf)), list(reversed(u_side)))


def dorsal_sheet() -> Sheet:
    sh = Sheet("hand_dorsal")
    hand_outline(sh, dorsal=True)
    th = {"mcp": (-46.0, 61.0), "u": _frame(-35.0)[0], "n": _frame(-35.0)[1]}
    mcp, u, n = th["mcp"], th["u"], th["n"]
    # knuckles: metacarpal heads under the tendons
    for _finger, (cx, cy), rw in (("index", (-26.0, 93.0), 5.6), ("middle", (-7.0, 96.5), 5.8),
                              ("ring", (12.0, 94.5), 5.4), ("little", (29.0, 87.5), 4.8)):
        sh.line("bone", [(cx - rw, cy), (cx - rw * 0.7, cy + 3.0), (cx, cy + 4.0), (cx + rw * 0.7, cy + 3.0),
                         (cx + rw, cy), (cx + rw * 0.6, cy - 2.6), (cx, cy - 3.2), (cx - rw * 0.6, cy - 2.6)],
                closed=True)
    # ulnar head and radial styloid at the wrist
    sh.line("contour", [(18.5, -14.0), (22.5, -9.0), (26.5, -11.5), (25.5, -18.0)])
    for k in EXT:
        _extensor(sh, k)
    # extensor pollicis longus from Lister's tubercle to the thumb; its ulnar edge bounds the first
    # dorsal interosseous
    epl_c = [(-8.5, -6.0), (-15.0, 10.0), (-27.0, 31.0), (-38.5, 49.0), _at(mcp, u, n, 8, 0.5), _at(mcp, u, n, 30, 0)]
    epl_w = [1.8, 2.2, 2.3, 2.3, 2.3, 2.0]
    r_side, u_side = [], []
    for k, ((cx, cy), w) in enumerate(zip(epl_c, epl_w)):
        nx, ny = (0.85, 0.52)
        r_side.append(sh.p(f"epl_r{k}", cx - nx * w, cy - ny * w))
        u_side.append(sh.p(f"epl_u{k}", cx + nx * w, cy + ny * w))
    end = sh.p("epl_end", *_at(mcp, u, n, 40, 0))
    sh.area("tendon", r_side, end, list(reversed(u_side)))
    # extensor pollicis brevis and abductor pollicis longus along the radial border (snuffbox)
    sh.line("tendon", [(-25.5, -14.0), (-28.8, 4.0), (-33.5, 20.0), (-44.5, 42.0), (-51.5, 62.0),
                       (-49.0, 62.5), (-41.0, 42.0), (-30.5, 19.0), (-26.0, 4.0), (-22.5, -14.0)], closed=True)
    sh.line("tendon", [(-28.5, -14.0), (-31.3, 2.0), (-34.5, 15.0), (-32.0, 15.5), (-29.4, 2.0), (-26.5, -14.0)],
            closed=True)
    # extensor retinaculum across the wrist, over the tendons
    sh.line("tendon", [(-29.0, -15.0), (0, -13.0), (29.5, -15.5), (30.0, -9.0), (0, -6.5), (-29.0, -8.5)],
            closed=True, smooth=False)
    sh.line("contour", [(-23.0, 2.5), (0, 5.5), (23.0, 3.5)])  # dorsal wrist crease

    # first dorsal interosseous: fills the first web between thumb and index metacarpals
    sh.p("fdi_ins", -31.5, 97.0)
    sh.p("fdi_base", -13.5, 18.0)
    sh.muscle(
        "first_dorsal_interosseous", "superficial",
        "t_pp_u", "web1", "index_b_r", "fdi_ins", "ex_index_r4", "ex_index_r3", "ex_index_r2", "ex_index_r1",
        "fdi_base", "epl_u1", "epl_u2", "epl_u3", "epl_u4",
        fibres=pennate((-19, 18), (-50, 70), (-17, 22), (-31, 97), n=8, shift=0.25)
        + pennate((-12, 22), (-25, 88), (-17, 22), (-31, 97), n=5, shift=0.2),
        label=(-30, 62),
    )
    # dorsal interossei 2-4 between the metacarpals, bipennate
    pairs = [("2", "index", "middle"), ("3", "middle", "ring"), ("4", "ring", "little")]
    for tag, a, b in pairs:
        ca, cb = EXT[a][1], EXT[b][1]
        top = sh.p(f"di{tag}_ins", (ca[0] + cb[0]) / 2, min(ca[1], cb[1]) - 3.0)
        base = sh.p(f"di{tag}_base", (sh.xy(f"ex_{a}_u1")[0] + sh.xy(f"ex_{b}_r1")[0]) / 2,
                    sh.xy(f"ex_{a}_u1")[1] - 4.0)
        items = [base, f"ex_{b}_r1", f"ex_{b}_r2", f"ex_{b}_r3", top, f"ex_{a}_u3", f"ex_{a}_u2", f"ex_{a}_u1"]
        mid = ((sh.xy(base)[0] + sh.xy(top)[0]) / 2, (sh.xy(base)[1] + sh.xy(top)[1]) / 2)
        fib = pennate(sh.xy(f"ex_{a}_u1"), sh.xy(f"ex_{a}_u3"), sh.xy(base), sh.xy(top), n=6) \
            + pennate(sh.xy(f"ex_{b}_r1"), sh.xy(f"ex_{b}_r3"), sh.xy(base), sh.xy(top), n=6) \
            + [[sh.xy(base), mid, sh.xy(top)]]
        sh.muscle("dorsal_interossei_hand", "superficial", *items, fibres=fib, tag=tag,
                  label=(mid[0], mid[1] + 8))
    # a numbered set: its name said once a hand (or foot), each interosseus its number (2-4; the first has its own name)
    sh.groups.append(("dorsal_interossei_hand", "superficial"))
    # abductor digiti minimi along the ulnar border
    sh.p("dadm1", 36.0, 86.0)
    sh.p("dadm2", 38.5, 52.0)
    sh.p("dadm3", 33.5, 22.0)
    sh.muscle(
        "abductor_digiti_minimi_hand", "superficial",
        "Hy2", "Hy1", "L5", "little_b_u", "dadm1", "dadm2", "dadm3",
        fibres=fan((34, 20), (42, 26), (36, 88), (40, 84), n=4),
        label=(41, 55),
    )
    return sh


def dorsal_view() -> ViewSpec:
    sh = dorsal_sheet()
    v = ViewSpec("hand_dorsal", "Hands, dorsal", "detail", W, H, "L", [("superficial", "Superficial")])
    # seen from behind: the left hand on the viewer's left, thumbs outward
    v.copies = [
        (sh, Placement("L", OX, OY, SCALE, mirror=False)),
        (sh, Placement("R", W - OX, OY, SCALE, mirror=True)),
    ]
    return v
