"""Deep anterior layer: what a dissection shows once pectoralis major, deltoid, the abdominal
external oblique and rectus, sartorius/rectus femoris and the superficial forearm flexors are lifted.

Half coordinates as in body.py (dx from the midline, y down), patient's right half, mirrored.
Shapes sit over their bones (clavicle 350-388, sternum dx<12, ribs, iliac fossa, femur, radius/ulna)
and do not tile: they only must not overlap one another. Fibres run origin -> insertion.
"""

from __future__ import annotations

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
    R("longus_capitis", D3, (6, 236), (17, 234), (26, 256), (28, 290), (24, 312), (16, 308), (10, 270),
      fibres=[[(24 - k * 3, 314), (18 - k * 2.5, 270), (12 - k * 1.5, 232)] for k in range(4)])
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


def chest(f: Figure) -> None:
    R = f.region
    P = f.p
    # pectoralis minor: three slips from ribs 3-5 near their cartilages -> coracoid process (apex)
    for n, dx, y in (("pmi.a", 166, 404), ("pmi.b", 178, 412), ("pmi.5", 110, 546), ("pmi.5m", 98, 538),
                     ("pmi.n4", 98, 520), ("pmi.4", 86, 506), ("pmi.4m", 84, 490), ("pmi.n3", 94, 478),
                     ("pmi.3", 86, 462), ("pmi.3u", 92, 450)):
        P(n, dx, y, sharp=n in ("pmi.a", "pmi.b", "pmi.n4", "pmi.n3", "pmi.5"))
    R("pectoralis_minor", D, "pmi.a", "pmi.b", "pmi.5", "pmi.5m", "pmi.n4", "pmi.4", "pmi.4m", "pmi.n3",
      "pmi.3", "pmi.3u", fibres=fibres((90, 452), (104, 542), (164, 404), (176, 410), 8))
    # subscapularis, seen in the axilla between pectoralis minor and coracobrachialis, to the lesser tubercle
    R("subscapularis", D, (168, 436), (176, 446), (178, 462), (168, 486), (156, 508), (140, 530), (132, 532),
      (130, 524), (146, 490), (158, 456), fibres=fibres((130, 528), (150, 520), (168, 438), (178, 452), 4))
    # intercostals, one band per space so the ribs between them show. Front of the chest beside the
    # sternum: the internals (the externals end there in a membrane), fibres up and in. Lateral chest
    # wall below pectoralis minor: the externals, fibres down and in ("hands in pockets").
    _spaces(f, "internal_intercostals", 17, 76, {2: 410, 3: 444, 4: 478, 5: 512, 6: 546}, 0.3, -1.0)
    _spaces(f, "external_intercostals", 100, 140, {5: 540, 6: 572, 7: 604, 8: 636}, 0.35, 1.0)


def _spaces(f: Figure, muscle: str, x0: float, x1: float, ribs: dict[int, float], slope: float,
            drop: float) -> None:
    """Bands between consecutive ribs (rib heights at x0, descending laterally by slope)."""
    nums = sorted(ribs)
    for a, b in zip(nums, nums[1:]):
        ya, yb = ribs[a] + 7, ribs[b] - 7
        xm = (x0 + x1) / 2

        def y(x: float, base: float) -> float:
            return base + (x - x0) * slope

        h = (yb - ya) / 2
        fib = []
        for k in range(7):
            x = x0 + (x1 - x0) * (k + 0.5) / 7
            yc = y(x, (ya + yb) / 2)
            fib.append([(x + drop * h, yc - h * 1.3), (x, yc), (x - drop * h, yc + h * 1.3)])
        f.region(muscle, D, (x0, y(x0, ya)), (xm, y(xm, ya) - 1), (x1, y(x1, ya)), (x1 + 2, y(x1, (ya + yb) / 2)),
                 (x1, y(x1, yb)), (xm, y(xm, yb) + 1), (x0, y(x0, yb)), (x0 - 1, y(x0, (ya + yb) / 2)),
                 fibres=fib, tag=f"space{a}")


def abdomen(f: Figure) -> None:
    R = f.region
    # internal oblique: the whole anterolateral wall under the external oblique, from the iliac crest and
    # the inguinal ligament fanning up and in to the costal margin and the rectus sheath; lateral to psoas
    R("internal_oblique", D, (56, 634), (80, 648), (100, 664), (120, 676), (130, 684), (128, 745), (134, 805),
      (142, 842), (120, 838), (106, 842), (88, 836), (70, 838), (62, 780), (60, 720), (56, 670),
      fibres=[[(150 - k * 12, 860 + k * 2), (124 - k * 12, 780 + k * 6), (104 - k * 12, 670 + k * 14)]
              for k in range(8)])
    # transversus abdominis: the same wall one sheet deeper (third sheet), horizontal fibres
    R("transversus_abdominis", D3, (56, 634), (80, 648), (100, 664), (120, 676), (130, 684), (128, 745),
      (134, 805), (142, 842), (120, 838), (106, 842), (88, 836), (70, 838), (62, 780), (60, 720), (56, 670),
      fibres=[[(40, y), (90, y + 2), (150, y + 4)] for y in range(640, 850, 14)])


def hip_thigh(f: Figure) -> None:
    R = f.region
    # psoas major: beside the lumbar bodies T12-L4, over the pelvic brim, under the inguinal ligament,
    # to the lesser trochanter (shared tendon with iliacus)
    R("psoas_major", D, (18, 680), (36, 676), (48, 760), (62, 850), (80, 920), (104, 974), (118, 1006),
      (114, 1030), (100, 1010), (72, 960), (46, 900), (28, 820), (20, 750),
      fibres=[[(20 + k * 7, 670), (40 + k * 9, 850), (104 + k * 4, 1030)] for k in range(4)])
    # iliacus: fans from the iliac fossa and crest to the same tendon, lateral to psoas
    R("iliacus", D, (80, 864), (96, 854), (126, 852), (146, 866), (142, 892), (138, 930), (134, 976), (132, 1010),
      (124, 1016), (116, 990), (100, 948), (88, 904), (82, 878),
      fibres=[[(84 + k * 15, 856 + abs(k - 2) * 2), (110 + k * 5, 930), (126, 1016)] for k in range(5)])
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
    # gracilis: the thin strap along the medial thigh, pubis -> pes anserinus
    R("gracilis", D, (10, 1030), (24, 1034), (30, 1120), (36, 1240), (46, 1340), (54, 1410), (62, 1474),
      (54, 1488), (44, 1420), (38, 1350), (29, 1250), (20, 1150), (14, 1070),
      fibres=[[(8 + k * 5, 1020), (24 + k * 5, 1250), (48 + k * 5, 1490)] for k in range(3)])
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
    # flexor digitorum superficialis: the intermediate layer, shown in the middle of the forearm
    R("flexor_digitorum_superficialis", D, (238, 790), (256, 788), (262, 830), (272, 870), (280, 905),
      (272, 916), (262, 890), (250, 850), (240, 816),
      fibres=fibres((236, 790), (256, 786), (266, 916), (282, 906), 3))
    # flexor digitorum profundus: ulna and membrane, the medial half of the deep layer
    R("flexor_digitorum_profundus", D, (212, 800), (232, 796), (238, 830), (250, 870), (262, 912), (276, 944),
      (254, 948), (240, 920), (228, 880), (217, 840),
      fibres=fibres((210, 800), (232, 796), (252, 948), (276, 944), 4))
    # flexor pollicis longus: front of the radius, lateral
    R("flexor_pollicis_longus", D, (278, 858), (296, 852), (304, 890), (308, 930), (302, 946), (284, 944),
      (286, 906), fibres=fibres((276, 858), (296, 852), (286, 946), (304, 944), 3))
    # pronator quadratus: square, transverse fibres over the distal radius and ulna
    R("pronator_quadratus", D, (258, 958), (308, 954), (313, 986), (274, 992),
      fibres=[[(250, y), (285, y - 2), (318, y - 4)] for y in range(952, 996, 7)])


def deep_regions(f: Figure) -> None:
    neck(f)
    chest(f)
    abdomen(f)
    hip_thigh(f)
    leg(f)
    arm(f)
    forearm(f)
