"""Deep anterior layer: what a dissection shows once pectoralis major, deltoid, the abdominal
external oblique and rectus, sartorius/rectus femoris and the superficial forearm flexors are lifted.

Half coordinates as in body.py (dx from the midline, y down), patient's right half, mirrored.
Shapes sit over their bones (clavicle 350-388, sternum dx<12, the ribs drawn under them, femur,
radius/ulna) and meet their neighbours where a dissection shows them meeting: the intercostals fill
the spaces between the ribs up to pectoralis minor, internal oblique fills the wall from the costal
margin to the crest and the inguinal ligament, whose lateral half it shares with iliacus. The third
sheet (``deepest``) holds what the deep muscles hide: transversus abdominis under internal oblique,
psoas major's lumbar part behind the viscera, longus capitis. Fibres run origin -> insertion.
"""

from __future__ import annotations

from body import out
from pathkit import Figure, fibres

D = "deep"
D3 = "deepest"  # third sheet: what lies under the deep layer (transversus abdominis, longus capitis)


def neck(f: Figure) -> None:
    R = f.region
    # longus colli: on the front of the vertebral bodies C1-T3, either side of the midline
    R("longus_colli", D, (3, 258), (13, 256), (20, 290), (20, 330), (15, 362), (3, 364), (5, 330), (5, 290),
      fibres=[[(4 + k * 3, 250), (5 + k * 3.4, 310), (4 + k * 3, 370)] for k in range(5)])
    # longus capitis: from the anterior tubercles of C3-C6 up to the basilar occiput, lateral to and over
    # the upper longus colli (third sheet, under the scalenes' origins)
    R("longus_capitis", D3, (6, 252), (17, 250), (25, 266), (28, 290), (24, 312), (16, 308), (10, 276),
      fibres=[[(24 - k * 3, 314), (18 - k * 2.5, 280), (12 - k * 1.5, 248)] for k in range(4)])
    # scalenes: from the cervical transverse processes down and out to the first and second ribs
    R("scalene_anterior", D, (25, 270), (33, 268), (41, 300), (51, 336), (55, 358), (42, 360), (34, 330),
      (27, 298), fibres=fibres((25, 268), (33, 268), (42, 362), (55, 360), 3))
    R("scalene_middle", D, (37, 262), (45, 262), (53, 292), (63, 320), (76, 346), (84, 360), (62, 362),
      (55, 336), (45, 300), fibres=fibres((37, 262), (45, 262), (62, 364), (84, 362), 4))
    R("scalene_posterior", D, (70, 334), (79, 333), (104, 348), (124, 360), (102, 368), (94, 356),
      fibres=fibres((70, 334), (79, 333), (102, 368), (124, 362), 3))
    # subclavius: a spindle under the clavicle, first costal cartilage -> clavicle's middle third
    R("subclavius", D, (22, 370), (60, 374), (110, 381), (150, 388), (150, 400), (110, 395), (60, 389),
      (26, 386), fibres=[[(18, 378 + k * 4), (85, 385 + k * 4), (155, 394 + k * 2)] for k in range(-2, 3)])


# The ribs of the anterior chest wall (half coordinates): rib k crosses dx = 12 (the sternal edge)
# at RIB_Y[k] and runs down laterally at RIB_SLOPE; each rib is drawn as an underlay bone 10 units
# thick, and an intercostal space is the band between two ribs, so the muscles of a space meet the
# ribs above and below it exactly.
RIB_Y = {1: 388, 2: 418, 3: 448, 4: 478, 5: 508, 6: 538, 7: 568, 8: 598}
RIB_SLOPE = 0.32
RIB_HALF = 5.0


def rib_y(k: int, x: float) -> float:
    return RIB_Y[k] + RIB_SLOPE * (x - 12)


def ribs(f: Figure) -> None:
    """Ribs 1-8 from the sternal edge to the side of the chest, under the deep muscles."""
    ends = {1: 104, 2: 132, 3: 158, 4: 154, 5: 150, 6: 147, 7: 144, 8: 141}
    for k, x1 in ends.items():
        xs = [12 + (x1 - 12) * t / 4 for t in range(5)]
        top = [(x, rib_y(k, x) - RIB_HALF) for x in xs]
        bottom = [(x, rib_y(k, x) + RIB_HALF) for x in reversed(xs)]
        f.detail("underlay", top + bottom, closed=True, smooth=False)


def chest(f: Figure) -> None:
    R = f.region
    P = f.p
    ribs(f)
    # pectoralis minor: three slips from ribs 3-5 just lateral to their cartilages -> coracoid process;
    # its slips lie on the ribs, the spaces between them show in the notches
    pts = (("pmi.a", 166, 404), ("pmi.b", 180, 414), ("pmi.5l", 126, rib_y(5, 126)),
           ("pmi.5m", 104, rib_y(5, 104)), ("pmi.n4", 108, rib_y(4, 108) + 12),
           ("pmi.4m", 96, rib_y(4, 96)), ("pmi.n3", 100, rib_y(3, 100) + 12), ("pmi.3m", 88, rib_y(3, 88)))
    for n, dx, y in pts:
        P(n, dx, y, sharp=n != "pmi.a")
    R("pectoralis_minor", D, "pmi.a", "pmi.b", "pmi.5l", "pmi.5m", "pmi.n4", "pmi.4m", "pmi.n3", "pmi.3m",
      fibres=fibres((88, 472), (115, 545), (164, 404), (180, 414), 8))
    # subscapularis: the posterior wall of the axilla, seen between pectoralis minor's lateral border
    # and coracobrachialis, to the lesser tubercle
    R("subscapularis", D, (172, 430), (180, 446), (180, 466), (172, 486), (163, 500), (157, 496), (162, 470),
      (167, 446), fibres=fibres((156, 496), (163, 502), (172, 430), (180, 448), 4))
    # intercostals, one band per space between the ribs. Beside the sternum, where the external
    # intercostals end in the anterior intercostal membrane, the internals show through it (fibres up
    # and in); lateral to the costochondral junctions, the externals (fibres down and in, "hands in
    # pockets"), where pectoralis minor and serratus anterior have been lifted.
    medial_end = {1: 110, 2: 94, 3: 82, 4: 82, 5: 82, 6: 82}
    for k, x1 in medial_end.items():
        _space(f, "internal_intercostals", k, 15, x1, -1.0)
    for k in (5, 6, 7):  # space 4 lateral to pectoralis minor is too narrow to tap here
        x0 = 86
        x1 = {5: 145, 6: 142, 7: 139}[k]
        _space(f, "external_intercostals", k, x0, x1, 1.0)


def _space(f: Figure, muscle: str, k: int, x0: float, x1: float, drop: float) -> None:
    """The band of intercostal space k (between ribs k and k+1), from dx x0 to x1, level Tk."""
    xs = [x0 + (x1 - x0) * t / 3 for t in range(4)]
    top = [(x, rib_y(k, x) + RIB_HALF) for x in xs]
    bottom = [(x, rib_y(k + 1, x) - RIB_HALF) for x in reversed(xs)]
    h = (RIB_Y[k + 1] - RIB_Y[k]) / 2 - RIB_HALF
    fib = []
    for j in range(max(3, int((x1 - x0) / 10))):
        x = x0 + (x1 - x0) * (j + 0.5) / max(3, int((x1 - x0) / 10))
        yc = (rib_y(k, x) + rib_y(k + 1, x)) / 2
        fib.append([(x + drop * h, yc - h * 1.4), (x, yc), (x - drop * h, yc + h * 1.4)])
    f.region(muscle, D, *top, *bottom, fibres=fib, tag=f"space{k}", level=f"T{k}")


def abdomen(f: Figure) -> None:
    R = f.region
    P = f.p
    # internal oblique: the whole anterolateral wall under the external oblique, from the costal
    # margin (below rib 8 here) to the iliac crest and the inguinal ligament, medially to the linea
    # semilunaris (rectus lifted with the external oblique). Fibres fan up and in from the crest.
    P("io.1", 80, rib_y(8, 80) + RIB_HALF + 2); P("io.2", 110, rib_y(8, 110) + RIB_HALF + 2)
    P("io.3", 136, rib_y(8, 136) + RIB_HALF + 2)
    wall = ("io.1", "io.2", "io.3", out(f, "o.flank", "o.crest"), "asis", "ing.1", "ing.m", "pub.t",
            "ra.5", "ra.4", "ra.3", "ra.2")
    R("internal_oblique", D, *wall,
      fibres=[[(150 - k * 12, 870 + k * 4), (124 - k * 12, 780 + k * 8), (104 - k * 12, 650 + k * 14)]
              for k in range(9)])
    # transversus abdominis: the same wall one sheet deeper (third sheet), under internal oblique,
    # horizontal fibres from the costal cartilages, thoracolumbar fascia, crest and inguinal ligament
    R("transversus_abdominis", D3, *wall, fibres=[[(40, y), (90, y + 2), (150, y + 4)] for y in range(630, 960, 14)])
    # psoas major, lumbar part: beside the bodies and transverse processes of T12-L4, medial to
    # transversus (its thigh part is on the superficial sheet, in the femoral triangle)
    R("psoas_major", D3, (16, 676), (32, 672), (44, 720), (54, 780), (60, 828), (50, 846), (32, 840), (20, 800),
      (16, 740), tag="lumbar",
      fibres=[[(16 + k * 7, 668), (26 + k * 8, 760), (40 + k * 5, 850)] for k in range(5)])


def hip_thigh(f: Figure) -> None:
    R = f.region
    # iliacus: under sartorius and the origins of rectus femoris and tensor fasciae latae, leaving the
    # iliac fossa under the lateral inguinal ligament (the edge it shares with internal oblique) for the
    # lesser trochanter, lateral to psoas major (which the superficial sheet shows in the femoral
    # triangle; its lumbar part lies behind the viscera, on the third sheet)
    R("iliacus", D, "asis", (142, 888), (138, 930), (126, 975), (116, 1012), (106, 1020), (98, 1004),
      (98, 960), (100, 930), "ing.1",
      fibres=[[(134 - k * 8, 872 + k * 8), (124 - k * 5, 940), (110, 1016)] for k in range(5)])
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
    hip_thigh(f)
    leg(f)
    arm(f)
    forearm(f)
