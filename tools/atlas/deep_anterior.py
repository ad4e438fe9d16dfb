"""Deep anterior layer: what a dissection shows once pectoralis major, deltoid, the abdominal
external oblique and rectus, sartorius/rectus femoris and the superficial forearm flexors are lifted.

Half coordinates as in body.py (dx from the midline, y down), patient's right half, mirrored.
Shapes sit over their bones (clavicle 350-388, the sternum, the curved ribs and cartilages drawn
under them (ribcage.py), femur, radius/ulna) and meet their neighbours where a dissection shows them
meeting: the intercostals fill the spaces between the ribs up to pectoralis minor, internal oblique
fills the wall from the costal margin to the crest and the inguinal ligament, whose lateral half it
shares with iliacus and psoas. The third sheet (``deepest``) holds what the deep muscles hide:
transversus abdominis under internal oblique, longus capitis; the fourth (``posterior_wall``) what
lies behind the viscera: psoas major, iliacus, quadratus lumborum. Fibres run origin -> insertion.
"""

from __future__ import annotations

from body import out
from label_words import SIZE, text_size
from pathkit import Figure, fibres
from ribcage import Rib, clip_x, rounded, space, span, thin

D = "deep"
D3 = "deepest"  # third sheet: what lies under the deep layer (transversus abdominis, longus capitis)
W = "posterior_wall"  # fourth sheet: behind the viscera (psoas major, iliacus, quadratus lumborum)


# the neck's strips are narrower than their names: longus colli and the three scalenes are named in
# a column beside the neck, over the page above the shoulder, in their order from the midline
# outwards, top to bottom (each dot lies lower and further out than the one before, so that no
# leader crosses another or a name); (dot, name row) in half coordinates
NECK_NAMES_X = 86.0  # where the names start, just outside the neck's outline
NECK_NAME_STEP = 25.0


def _neck_name(muscle: str, row: int) -> tuple[float, float]:
    width = text_size(muscle.replace("_", " "), SIZE)[0]  # the English name's box
    return (NECK_NAMES_X + width / 2, 241.0 + NECK_NAME_STEP * row)


def neck(f: Figure) -> None:
    R = f.region
    # longus colli: on the front of the vertebral bodies C1-T3, either side of the midline
    R("longus_colli", D, (3, 258), (13, 256), (20, 290), (20, 330), (15, 362), (3, 364), (5, 330), (5, 290),
      label=(12, 280), name_hint=_neck_name("longus_colli", 0),
      fibres=[[(4 + k * 3, 250), (5 + k * 3.4, 310), (4 + k * 3, 370)] for k in range(5)])
    # longus capitis: from the anterior tubercles of C3-C6 up to the basilar occiput, lateral to and over
    # the upper longus colli (third sheet, under the scalenes' origins)
    R("longus_capitis", D3, (6, 252), (17, 250), (25, 266), (28, 290), (24, 312), (16, 308), (10, 276),
      fibres=[[(24 - k * 3, 314), (18 - k * 2.5, 280), (12 - k * 1.5, 248)] for k in range(4)])
    # scalenes: from the cervical transverse processes down and out to the first and second ribs
    R("scalene_anterior", D, (25, 270), (33, 268), (41, 300), (51, 336), (55, 358), (42, 360), (34, 330),
      (27, 298), label=(38, 310), name_hint=_neck_name("scalene_anterior", 1),
      fibres=fibres((25, 268), (33, 268), (42, 362), (55, 360), 3))
    R("scalene_middle", D, (37, 262), (45, 262), (53, 292), (63, 320), (76, 346), (84, 360), (62, 362),
      (55, 336), (45, 300), label=(58, 324), name_hint=_neck_name("scalene_middle", 2),
      fibres=fibres((37, 262), (45, 262), (62, 364), (84, 362), 4))
    R("scalene_posterior", D, (70, 334), (79, 333), (104, 348), (124, 360), (102, 368), (94, 356),
      label=(98, 354), name_hint=_neck_name("scalene_posterior", 3),
      fibres=fibres((70, 334), (79, 333), (102, 368), (124, 362), 3))
    # subclavius: a spindle under the clavicle, first costal cartilage -> clavicle's middle third
    # (it lies on the first rib and its cartilage: its lower border follows the rib, above the first space)
    on_rib = rounded(thin(list(reversed(clip_x(RIBS[1].line, 24, 84))), 10.0))
    R("subclavius", D, (22, 368), (60, 370), (110, 379), (150, 386), (152, 396), (120, 392), (96, 386), *on_rib,
      fibres=[[(18, 378 + k * 4), (85, 385 + k * 4), (155, 394 + k * 2)] for k in range(-2, 3)])


# The anterior chest wall (half coordinates), after the bony thorax of Gray's and Netter: each rib
# runs from the side of the chest down and in to its costochondral junction, and its costal
# cartilage on to the sternum, rising to it from rib 5 down (ribs 1-7), or to the cartilage above
# (ribs 8-10, whose cartilages make the costal margin: the arch from the xiphisternal joint down and
# out to the 10th cartilage, its lowest point, about L3). Rib 2 meets the sternum at the sternal
# angle (manubriosternal joint); ribs 7 at the xiphisternal joint. The infrasternal angle between the
# two costal margins is about 75 degrees. Points per rib: (cartilage from its medial end to the
# costochondral junction, bony rib from there to its lateral end). Rib 11 shows only its tip.
RIB_HALF = 4.5
RIB_POINTS: dict[int, tuple[list, list]] = {
    1: ([(20, 374), (30, 378), (40, 381)], [(40, 381), (62, 382), (84, 375), (99, 364), (106, 351)]),
    2: ([(15, 404), (30, 407), (44, 411)], [(44, 411), (76, 416), (104, 412), (124, 400), (134, 386)]),
    3: ([(14, 432), (34, 438), (54, 443)], [(54, 443), (88, 447), (118, 440), (137, 425), (145, 410)]),
    4: ([(15, 461), (38, 468), (62, 475)], [(62, 475), (98, 478), (126, 470), (143, 455), (149, 440)]),
    5: ([(14, 490), (40, 499), (68, 508)], [(68, 508), (102, 510), (129, 500), (144, 485), (149, 470)]),
    6: ([(12, 520), (42, 534), (76, 546)], [(76, 546), (108, 544), (131, 532), (144, 515), (148, 500)]),
    7: ([(10, 550), (30, 568), (52, 586), (74, 598)], [(74, 598), (100, 596), (122, 582), (136, 562),
                                                         (142, 540)]),
    8: ([(50, 586), (66, 612), (84, 630)], [(84, 630), (106, 626), (124, 610), (134, 590), (138, 572)]),
    9: ([(66, 612), (80, 642), (94, 664)], [(94, 664), (112, 656), (126, 636), (133, 614)]),
    10: ([(81, 642), (92, 680), (98, 710), (103, 726)], [(103, 726), (116, 712), (126, 688), (130, 664)]),
    11: ([], [(120, 750), (125, 732), (128, 714)]),
}
RIBS = {k: Rib(k, c, b, RIB_HALF) for k, (c, b) in RIB_POINTS.items()}


def rib_y(k: int, x: float) -> float:
    """Height of the centre of rib k at dx = x."""
    return RIBS[k].centre_y(x)


def costal_margin() -> list[tuple[float, float]]:
    """The lower border of the costal margin, from the xiphisternal joint to the lowest point of
    the 10th costal cartilage (each cartilage's lower edge until the next one joins it)."""
    cuts = [(7, 10, 52), (8, 52, 68), (9, 68, 83), (10, 83, 103)]
    pts: list[tuple[float, float]] = []
    for k, x0, x1 in cuts:
        pts.extend(clip_x(RIBS[k].lower, x0, x1))
    return rounded(thin(pts, 8.0))


def ribs(f: Figure) -> None:
    """Ribs 1-11 and their cartilages, under the deep muscles."""
    for rib in RIBS.values():
        for outline in rib.outlines():
            f.detail("underlay", outline, closed=True, smooth=False)


def chest(f: Figure) -> None:
    R = f.region
    P = f.p
    ribs(f)
    # pectoralis minor: three slips from the outer surfaces of ribs 3-5 just lateral to their
    # costochondral junctions, converging up and out on the coracoid process (under pectoralis
    # major); its slips lie on the ribs, the spaces between them show in the notches
    pts = (("pmi.a", 166, 404), ("pmi.b", 180, 414), ("pmi.5l", 120, rib_y(5, 120)),
           ("pmi.5m", 84, rib_y(5, 84)), ("pmi.n4", 86, (rib_y(4, 86) + rib_y(5, 86)) / 2),
           ("pmi.4m", 74, rib_y(4, 74)), ("pmi.n3", 76, (rib_y(3, 76) + rib_y(4, 76)) / 2),
           ("pmi.3m", 66, rib_y(3, 66)))
    for n, dx, y in pts:
        P(n, dx, round(y, 1), sharp=n != "pmi.a")
    R("pectoralis_minor", D, "pmi.a", "pmi.b", "pmi.5l", "pmi.5m", "pmi.n4", "pmi.4m", "pmi.n3", "pmi.3m",
      fibres=fibres((66, 446), (100, 512), (164, 404), (180, 414), 8))
    # subscapularis: the posterior wall of the axilla, seen between pectoralis minor's lateral border
    # and coracobrachialis, to the lesser tubercle
    R("subscapularis", D, (172, 430), (180, 446), (180, 466), (172, 486), (163, 500), (157, 496), (162, 470),
      (167, 446), fibres=fibres((156, 496), (163, 502), (172, 430), (180, 448), 4))
    # intercostals, one band per space between the ribs. Beside the sternum, where the external
    # intercostals end in the anterior intercostal membrane, the internals show through it (fibres up
    # and in), as far as pectoralis minor's slips; lateral to it, and below it where pectoralis major
    # and serratus anterior have been lifted, the externals (fibres down and in, "hands in pockets").
    medial_end = {1: 58, 2: 72, 3: 64, 4: 72, 5: 76, 6: 74}
    for k, x1 in medial_end.items():
        _space(f, "internal_intercostals", k, 19 if k > 1 else 26, x1, -1.0)
    lateral = {5: (76, 146), 6: (74, 144), 7: (76, 140), 8: (86, 136), 9: (96, 132)}
    for k, (x0, x1) in lateral.items():
        _space(f, "external_intercostals", k, x0, x1, 1.0)
    # eleven spaces each side named "internal intercostals T1", "external intercostals T5"... did
    # not fit the chest: each set's name is said once per side, each space gives its level
    f.groups += [("internal_intercostals", D), ("external_intercostals", D)]


def _space(f: Figure, muscle: str, k: int, x0: float, x1: float, drop: float) -> None:
    """The band of intercostal space k (between ribs k and k+1), from dx x0 to x1, level Tk."""
    above, below = RIBS[k], RIBS[k + 1]
    x0, x1 = span(above, below, x0, x1)
    outline = space(above, below, x0, x1)
    n = max(3, int((x1 - x0) / 10))
    fib = []
    for j in range(n):
        x = x0 + (x1 - x0) * (j + 0.5) / n
        ya, yb = above.lower_y(x), below.upper_y(x)
        h = (yb - ya) / 2
        yc = (ya + yb) / 2
        fib.append([(x + drop * h, yc - h * 1.4), (x, yc), (x - drop * h, yc + h * 1.4)])
    f.region(muscle, D, *outline, fibres=fib, tag=f"space{k}", level=f"T{k}")


def abdomen(f: Figure) -> None:
    R = f.region
    # internal oblique: the whole anterolateral wall under the external oblique, from the costal
    # margin (the cartilages of ribs 8-10, then the lower border of rib 10 out to the flank) to the
    # iliac crest and the inguinal ligament, medially to the linea semilunaris (rectus lifted with the
    # external oblique). Fibres fan up and in from the crest.
    margin = [p for p in costal_margin() if p[0] >= 80]
    flank = clip_x(RIBS[10].lower, 104, 126)
    wall = (*margin, *flank, out(f, "o.flank", "o.crest"), "asis", "ing.1", "ing.2", "ing.m", "pub.t",
            "ra.5", "ra.4", "ra.3", "ra.2")
    R("internal_oblique", D, *wall,
      fibres=[[(150 - k * 12, 870 + k * 4), (124 - k * 12, 780 + k * 8), (104 - k * 12, 650 + k * 14)]
              for k in range(9)])
    # transversus abdominis: the same wall one sheet deeper (third sheet), under internal oblique,
    # horizontal fibres from the inner surfaces of the costal cartilages 7-12, the thoracolumbar
    # fascia, the crest and the inguinal ligament
    R("transversus_abdominis", D3, *wall, fibres=[[(40, y), (90, y + 2), (150, y + 4)] for y in range(630, 960, 14)])


def posterior_wall(f: Figure) -> None:
    """The fourth sheet: the posterior abdominal wall, behind the viscera and transversus abdominis.
    Psoas major from the bodies and transverse processes of T12-L5 down along the pelvic brim and
    under the inguinal ligament (medial part of the muscular lacuna) to the lesser trochanter;
    iliacus filling the iliac fossa from the inner lip of the crest, lateral to psoas, joining its
    tendon (iliopsoas) under the ligament to the same trochanter; quadratus lumborum lateral to
    psoas, from the medial half of the 12th rib to the iliac crest, its lateral border oblique. The lumbar bodies, the 12th rib and the pelvic brim
    are drawn as faint lines for orientation."""
    R = f.region
    P = f.p
    for n, dx, y in (("lt", 114, 1042), ("ilp.1", 100, 968), ("ilp.2", 106, 1010), ("ps.l1", 92, 922),
                     ("ps.l2", 84, 892), ("ps.l3", 74, 858), ("ps.c", 64, 818), ("ps.l5", 60, 790),
                     ("ps.l6", 50, 740), ("ps.l7", 40, 690), ("ps.t", 30, 654), ("cr.i1", 82, 804),
                     ("cr.i2", 102, 798)):
        P(n, dx, y, sharp=n in ("lt", "ps.t", "ps.c"))
    lateral = ["lt", "ilp.2", "ilp.1", "ps.l1", "ps.l2", "ps.l3", "ps.c", "ps.l5", "ps.l6", "ps.l7", "ps.t"]
    R("psoas_major", W, (14, 652), (16, 700), (19, 750), (23, 800), (30, 840), (42, 872), (58, 905),
      (72, 936), (84, 975), (96, 1012), *lateral,
      fibres=[[(16 + k * 4, 650), (26 + k * 8, 800), (80 + k * 6, 950)] for k in range(5)]
      + [[(70 + k * 5, 930), (90 + k * 3, 990), (112, 1042)] for k in range(4)])
    R("iliacus", W, "ps.c", "cr.i1", "cr.i2", (122, 802), (136, 818), (138, 840), "asis", (130, 900), (133, 940),
      (128, 985), (120, 1024), *lateral[:6],
      fibres=[[(80 + k * 14, 806), (92 + k * 9, 890), (112, 1040)] for k in range(5)])
    R("quadratus_lumborum", W, "ps.t", (44, 657), (62, 665), (72, 700), (86, 750), (98, 786), "cr.i2", "cr.i1",
      *lateral[6:-1], fibres=[[(36 + k * 12, 650), (50 + k * 11, 740), (70 + k * 8, 830)] for k in range(5)])
    C = f.detail
    for top in (640, 674, 708, 742, 776, 810):  # T12 and L1-L5 bodies
        h = 26
        C("contour", [(-20, top), (20, top), (22, top + h / 2), (20, top + h), (-20, top + h),
                      (-22, top + h / 2)], closed=True, mirror=False)
    C("contour", [(18, 650), (44, 658), (70, 668), (88, 680)])  # 12th rib
    C("contour", [(0, 840), (22, 846), (40, 860), (54, 888), (66, 918), (74, 945), (56, 958),
                  (34, 967), (12, 972), (0, 974)])  # pelvic brim and pecten pubis


def hip_thigh(f: Figure) -> None:
    R = f.region
    # iliopsoas in the thigh, under sartorius and the origins of rectus femoris and tensor fasciae
    # latae: iliacus (lateral) and psoas major (medial) leave the pelvis under the lateral half of the
    # inguinal ligament (the edge they share with internal oblique) and converge on the lesser
    # trochanter (their course in the pelvis is on the fourth sheet)
    R("iliacus", D, "asis", (140, 900), (138, 940), (130, 990), (120, 1026), "lt", "ilp.2", "ilp.1", "ing.2",
      "ing.1", fibres=[[(134 - k * 8, 872 + k * 8), (124 - k * 5, 950), (112, 1040)] for k in range(5)])
    R("psoas_major", D, "ing.2", (76, 936), (84, 972), (96, 1008), (108, 1034), "lt", "ilp.2", "ilp.1",
      fibres=[[(78 + k * 4, 930), (92 + k * 3, 990), (112, 1042)] for k in range(3)])
    # pectineus: pecten of the pubis -> pectineal line below the lesser trochanter
    R("pectineus", D, (26, 980), (62, 966), (84, 990), (104, 1046), (100, 1064), (64, 1020), (32, 994),
      fibres=fibres((28, 986), (62, 968), (100, 1064), (104, 1046), 4))
    # obturator externus: from the outer face of the obturator membrane, seen between pectineus and
    # adductor brevis, its fibres running laterally under the femoral neck to the trochanteric fossa
    R("obturator_externus", D, (28, 999), (40, 1000), (66, 1025), (96, 1064), (98, 1074), (92, 1078),
      (64, 1045), (40, 1017), (28, 1015), (23, 1007),
      fibres=[[(20, 1000 + k * 4), (60, 1026 + k * 4), (104, 1068 + k * 1.5)] for k in range(5)])
    # adductor brevis: body/inferior ramus of the pubis -> upper linea aspera (under pectineus)
    R("adductor_brevis", D, (26, 1019), (38, 1021), (66, 1048), (98, 1088), (100, 1134), (86, 1136),
      (52, 1074), (30, 1040), fibres=fibres((26, 1022), (38, 1020), (86, 1136), (100, 1090), 4))
    # adductor magnus: ischiopubic ramus -> whole linea aspera and adductor tubercle
    R("adductor_magnus", D, (32, 1054), (46, 1074), (80, 1140), (92, 1180), (84, 1260), (68, 1330),
      (60, 1382), (52, 1374), (48, 1300), (42, 1200), (36, 1120),
      fibres=[[(30 + k * 3, 1050), (44 + k * 9, 1170 + k * 10), (54 + k * 8, 1380 - k * 50)] for k in range(5)])
    # vastus intermedius: on the front of the femoral shaft, under rectus femoris
    R("vastus_intermedius", D, (122, 1058), (150, 1052), (158, 1120), (154, 1220), (138, 1300), (110, 1348),
      (94, 1344), (98, 1270), (104, 1180), (112, 1100),
      fibres=fibres((108, 1060), (154, 1050), (100, 1352), (118, 1352), 6))


def leg(f: Figure) -> None:
    R = f.region
    # extensor hallucis longus: middle of the fibula and membrane, between TA and EDL -> great toe
    R("extensor_hallucis_longus", D, (100, 1590), (110, 1600), (104, 1700), (92, 1790), (76, 1828),
      (70, 1818), (82, 1760), (92, 1680), fibres=fibres((98, 1590), (110, 1600), (72, 1826), (80, 1822), 3))


def arm(f: Figure) -> None:
    R = f.region
    # coracobrachialis: coracoid process -> middle of the medial humerus
    R("coracobrachialis", D, (174, 414), (184, 412), (200, 470), (210, 560), (212, 620), (200, 622),
      (190, 560), (182, 480), fibres=fibres((174, 414), (184, 412), (200, 622), (212, 620), 3))
    # brachialis: lower half of the front of the humerus -> ulnar tuberosity
    R("brachialis", D, (222, 590), (246, 600), (256, 660), (254, 720), (240, 770), (228, 792), (214, 786),
      (206, 740), (206, 660), (214, 620), fibres=fibres((214, 600), (250, 604), (218, 790), (236, 780), 5))


def forearm(f: Figure) -> None:
    R = f.region
    # supinator: wraps the neck of the radius from the lateral epicondyle / supinator crest
    R("supinator", D, (262, 766), (280, 762), (292, 790), (296, 822), (284, 846), (270, 836), (264, 800),
      fibres=fibres((260, 770), (280, 764), (272, 842), (294, 826), 4, bend=-0.06))
    # below the superficial flexors, side by side from the ulnar to the radial border and sharing their
    # borders: flexor digitorum profundus on the ulna, flexor digitorum superficialis (the intermediate
    # layer, from the common origin and the oblique line of the radius) between it and flexor pollicis
    # longus on the radius below supinator; pronator quadratus across their lower ends
    P = f.p
    for n, dx, y in (("fa.m1", 212, 798), ("fa.m2", 222, 850), ("fa.m3", 238, 910), ("fa.mb", 255, 956),
                     ("fa.a1", 232, 790), ("fa.a2", 244, 850), ("fa.a3", 258, 905), ("fa.ab", 272, 956),
                     ("fa.s1", 256, 788), ("fa.s2", 262, 808), ("fa.s3", 266, 836), ("fa.b1", 272, 852),
                     ("fa.b2", 280, 900), ("fa.bb", 290, 956), ("fa.l1", 298, 850), ("fa.l2", 302, 900),
                     ("fa.lb", 308, 956)):
        P(n, dx, y, sharp=n in ("fa.mb", "fa.ab", "fa.bb", "fa.lb", "fa.a1", "fa.b1"))
    R("flexor_digitorum_profundus", D, "fa.m1", "fa.a1", "fa.a2", "fa.a3", "fa.ab", "fa.mb", "fa.m3", "fa.m2",
      fibres=fibres((210, 800), (232, 792), (254, 956), (272, 956), 4))
    R("flexor_digitorum_superficialis", D, "fa.a1", "fa.s1", "fa.s2", "fa.s3", "fa.b1", "fa.b2", "fa.bb", "fa.ab",
      "fa.a3", "fa.a2", fibres=fibres((232, 790), (262, 800), (272, 956), (290, 956), 4))
    R("flexor_pollicis_longus", D, "fa.b1", (285, 852), "fa.l1", "fa.l2", "fa.lb", "fa.bb", "fa.b2",
      fibres=fibres((272, 852), (298, 850), (290, 956), (308, 956), 3))
    R("pronator_quadratus", D, "fa.mb", "fa.ab", "fa.bb", "fa.lb", (313, 986), (274, 992),
      fibres=[[(250, y), (285, y - 2), (318, y - 4)] for y in range(958, 996, 7)])


def deep_regions(f: Figure) -> None:
    neck(f)
    chest(f)
    abdomen(f)
    posterior_wall(f)
    hip_thigh(f)
    leg(f)
    arm(f)
    forearm(f)
