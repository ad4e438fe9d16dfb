"""Posterior body chart: superficial and deep muscles of the patient's right half (mirrored).

Half coordinates as in body.py; in this view the patient's right lies on the viewer's right.
"""

from __future__ import annotations

from body import foot_details, hand_details, new_figure, out
from pathkit import Figure, fibres

S, D = "superficial", "deep"


def points(f: Figure) -> None:
    P = f.p
    # spine levels on the midline
    P("occ", 0, 238); P("c7", 0, 345); P("t3", 0, 428); P("t12", 0, 665); P("es.b", 0, 925)
    P("tr.t1", 28, 244); P("tr.t2", 44, 266); P("sp.h", 58, 246)
    P("ut.3", 50, 352); P("ut.2", 100, 367); P("ut.1", 150, 383)
    # spine of the scapula, lower trapezius border
    P("sp.5", 172, 394); P("sp.4", 140, 402); P("sp.3", 112, 411); P("sp.root", 78, 423, sharp=True)
    P("lt.1", 74, 464); P("lt.2", 60, 524); P("lt.3", 28, 612, sharp=True)
    # deltoid
    P("dm.1", 214, 430); P("dm.2", 228, 490); P("dm.3", 240, 545)
    P("dl.1", 140, 452); P("dl.2", 166, 478); P("dl.2b", 177, 490); P("dl.25", 188, 508); P("dl.3", 216, 550)
    # rotator cuff and axillary folds; the inferior angle of the scapula (ia) lies level with the
    # tip of the T7 spine (528: details), the clinical landmark (docs/atlas-format.md, 2026.12.8)
    P("tmn.a", 144, 488); P("is.b1", 120, 502); P("tmn.b", 138, 510, sharp=True); P("ia.u", 108, 520)
    P("ia", 100, 528, sharp=True); P("tmj.l", 146, 538); P("tmj.l2", 124, 550)
    # arm and forearm
    P("tr.e", 252, 722); P("tr.o", 234, 735, sharp=True); P("tr.m", 212, 722)
    P("bp.1", 270, 772); P("bp.2", 290, 836)
    P("an.a", 256, 768); P("an.b", 238, 802)
    P("rb.1", 284, 834)
    P("ex.1", 264, 798); P("ex.2", 278, 862); P("ex.3", 292, 930); P("ex.w1", 306, 994)
    # extensor digitorum | extensor digiti minimi (edm.*: its border with ED) | ECU (cu.*) | FCU (fu.*)
    P("edm.1", 255, 848); P("edm.2", 270, 905); P("edm.3", 283, 955); P("edm.w", 297, 997)
    P("cu.1", 244, 850); P("cu.2", 255, 905); P("cu.3", 270, 955); P("ex.w2", 289, 998)
    P("fu.1", 229, 850); P("fu.2", 242, 908); P("fu.3", 258, 960); P("ex.w3", 278, 999)
    # back
    P("es.1", 56, 640); P("es.2", 64, 720); P("es.3", 62, 800)
    P("ls.1", 38, 700); P("ls.2", 36, 800); P("ls.3", 30, 880)
    P("cr.0", 50, 870); P("cr.1", 82, 851); P("cr.2", 118, 847); P("psis", 36, 902, sharp=True)
    P("lat.f2", 128, 742)
    # buttock and thigh
    P("gm.t1", 80, 886); P("gm.t2", 128, 910); P("gm.t3", 158, 950)
    P("sac.1", 24, 934); P("sac.2", 10, 968)
    P("gf.4", 148, 1090); P("gf.3", 114, 1089); P("hs.0", 80, 1085); P("st.m0", 40, 1076)
    P("vlp.1", 158, 1126); P("vlp.2", 149, 1202); P("vlp.3", 140, 1280); P("vlp.4", 132, 1346)
    P("hs.1", 86, 1166); P("hs.2", 92, 1250); P("hs.apex", 96, 1325, sharp=True)
    P("st.m1", 48, 1160); P("st.m2", 53, 1242); P("st.m3", 58, 1320)
    P("pf.m", 64, 1398, sharp=True); P("pf.lat", 124, 1400, sharp=True); P("bf.ins", 128, 1438)
    # calf
    P("pf.b", 92, 1462, sharp=True); P("raph.1", 90, 1540); P("raph.2", 88, 1622)
    P("gm.low", 80, 1674); P("gl.l", 134, 1572); P("gl.low", 104, 1634)
    P("ach.l", 100, 1752); P("ach.m", 72, 1756)


def superficial(f: Figure) -> None:
    R = f.region
    R("splenius_capitis", S, "tr.t1", "sp.h", "o.jaw", "o.neck1", "tr.t2",
      fibres=fibres((20, 300), (40, 310), (50, 244), (70, 262), 4))
    R("trapezius_upper", S, "occ", "tr.t1", "tr.t2", out(f, "o.neck1", "o.acrom"), "ut.1", "ut.2", "ut.3", "c7",
      fibres=fibres((0, 240), (0, 340), (60, 300), (196, 386), 10, bend=-0.04))
    R("trapezius_middle", S, "c7", "ut.3", "ut.2", "ut.1", "o.acrom", "sp.5", "sp.4", "sp.3", "sp.root", "t3",
      fibres=fibres((0, 350), (0, 430), (196, 388), (80, 424), 9))
    R("trapezius_lower", S, "t3", "sp.root", "lt.1", "lt.2", "lt.3", "t12",
      fibres=fibres((0, 432), (0, 665), (90, 420), (70, 426), 8))
    R("deltoid_middle", S, out(f, "o.acrom", "o.deltins"), "dm.3", "dm.2", "dm.1",
      fibres=fibres((198, 384), (232, 402), (246, 580), (252, 582), 4, bend=-0.06))
    R("deltoid_posterior", S, "sp.3", "sp.4", "sp.5", "o.acrom", "dm.1", "dm.2", "dm.3", "o.deltins", "dl.3",
      "dl.25", "dl.2", "dl.1", fibres=fibres((112, 410), (200, 384), (220, 556), (250, 582), 9, bend=-0.04))
    R("infraspinatus", S, "sp.root", "sp.3", "dl.1", "dl.2", "tmn.a", "is.b1", "ia.u", "ia", "lt.2", "lt.1",
      fibres=fibres((78, 430), (98, 526), (176, 470), (172, 482), 9))
    R("teres_minor", S, "is.b1", "tmn.a", "dl.2", "dl.2b", "tmn.b", "ia.u",
      fibres=fibres((120, 503), (110, 518), (168, 480), (177, 492), 3))
    R("teres_major", S, "ia.u", "tmn.b", "o.axilla", "tmj.l", "tmj.l2", "ia",
      fibres=fibres((104, 522), (104, 540), (162, 502), (150, 528), 4))
    R("triceps_brachii", S, "o.axilla", "tmn.b", "dl.2b", "dl.25", "dl.3", out(f, "o.deltins", "o.arm2"), "tr.e", "tr.o",
      "tr.m", out(f, "o.armM2", "o.armM0"),
      fibres=fibres((166, 470), (250, 560), (214, 722), (252, 724), 9))
    R("latissimus_dorsi", S, "lt.2", "lt.3", "es.1", "es.2", "es.3", "cr.0", "cr.1", "cr.2", "lat.f2",
      out(f, "o.rib", "o.axilla"), "tmj.l", "tmj.l2", "ia",
      fibres=fibres((40, 560), (90, 850), (160, 500), (150, 520), 14, bend=0.05))
    R("external_oblique", S, out(f, "o.rib", "o.crest"), "cr.2", "lat.f2",
      fibres=fibres((140, 630), (132, 742), (126, 760), (140, 850), 4))
    R("iliocostalis_lumborum", S, "lt.3", "es.1", "es.2", "es.3", "cr.0", "psis", "ls.3", "ls.2", "ls.1",
      fibres=fibres((44, 620), (62, 640), (30, 900), (48, 880), 4))
    R("longissimus_lumborum", S, "t12", "lt.3", "ls.1", "ls.2", "ls.3", "psis", "es.b",
      fibres=fibres((4, 640), (32, 620), (4, 930), (34, 905), 5))
    # the French « moyen fessier » finds no room over its muscle: it goes above the crest, beside
    # the flank, on both sides (the left one had found no place beside the hip and lay beyond the
    # hanging forearm, at the sheet's margin); English fits over the muscle
    R("gluteus_medius", S, "psis", "cr.0", "cr.1", "cr.2", out(f, "o.crest", "o.hip2"), "gm.t3", "gm.t2", "gm.t1",
      name_hint={"fr_CA": (138.6, 823.5)}, fibres=fibres((60, 860), (150, 862), (130, 940), (168, 960), 8))
    R("gluteus_maximus", S, "psis", "gm.t1", "gm.t2", "gm.t3", out(f, "o.troch", "o.th15"), "gf.4", "gf.3",
      "hs.0", "st.m0", out(f, "o.thM3", "o.crotch"), "sac.2", "sac.1",
      fibres=fibres((40, 890), (4, 1010), (168, 960), (170, 1090), 14, bend=-0.02))
    R("vastus_lateralis", S, out(f, "o.th15", "o.knee1"), "vlp.4", "vlp.3", "vlp.2", "vlp.1", "gf.4",
      fibres=fibres((160, 1090), (172, 1090), (130, 1360), (140, 1360), 3))
    R("biceps_femoris_long_head", S, "hs.0", "gf.3", "gf.4", "vlp.1", "vlp.2", "vlp.3", "vlp.4",
      out(f, "o.knee1", "o.fibhead"), "bf.ins", "pf.lat", "hs.apex", "hs.2", "hs.1",
      fibres=fibres((76, 1080), (120, 1090), (112, 1420), (140, 1450), 7, bend=0.02))
    R("semitendinosus", S, "st.m0", "hs.0", "hs.1", "hs.2", "hs.apex", "pf.m", "st.m3", "st.m2", "st.m1",
      fibres=fibres((44, 1076), (80, 1084), (58, 1380), (80, 1360), 5))
    R("adductor_magnus", S, "st.m0", "st.m1", "st.m2", out(f, "o.thM1", "o.thM3"),
      fibres=fibres((10, 1066), (40, 1076), (24, 1250), (52, 1242), 4))
    R("semimembranosus", S, "st.m2", "st.m3", "pf.m", out(f, "o.kneeM0", "o.thM1"),
      fibres=fibres((26, 1250), (52, 1244), (36, 1400), (62, 1400), 4))
    R("gastrocnemius_medial_head", S, "pf.m", "pf.b", "raph.1", "raph.2", "gm.low", out(f, "o.legM3", "o.kneeM0"),
      fibres=fibres((40, 1420), (90, 1462), (56, 1650), (86, 1660), 6, bend=-0.03))
    R("gastrocnemius_lateral_head", S, "pf.b", "pf.lat", "bf.ins", out(f, "o.fibhead", "o.calfL1"), "gl.l",
      "gl.low", "raph.2", "raph.1",
      fibres=fibres((92, 1462), (136, 1450), (90, 1630), (130, 1580), 5, bend=0.03))
    R("soleus", S, "gm.low", "raph.2", "gl.low", "gl.l", out(f, "o.calfL2", "o.legL"), "ach.l", "ach.m",
      out(f, "o.legM1", "o.legM3"),
      fibres=fibres((52, 1630), (140, 1580), (74, 1760), (100, 1750), 7))
    R("brachioradialis", S, out(f, "o.arm2", "o.fa2"), "bp.2", "bp.1", "tr.e",
      fibres=fibres((256, 690), (266, 690), (292, 850), (304, 850), 3))
    # ECRL from the supracondylar ridge, its belly in the upper forearm; ECRB from the common extensor
    # origin below and medial to it, between ECRL and extensor digitorum down to the wrist
    R("extensor_carpi_radialis_longus", S, "tr.e", "bp.1", "bp.2", "o.fa2", "rb.1", "ex.1", "an.a",
      fibres=fibres((254, 730), (272, 760), (270, 820), (300, 850), 4))
    R("extensor_carpi_radialis_brevis", S, "ex.1", "rb.1", out(f, "o.fa2", "o.wristL"), "ex.w1", "ex.3", "ex.2",
      fibres=fibres((264, 800), (300, 850), (306, 994), (318, 994), 4))
    R("anconeus", S, "tr.o", "tr.e", "an.a", "an.b",
      fibres=fibres((240, 736), (256, 730), (236, 800), (252, 770), 3))
    R("extensor_digitorum", S, "an.a", "ex.1", "ex.2", "ex.3", "ex.w1", "edm.w", "edm.3", "edm.2", "edm.1", "an.b",
      fibres=fibres((244, 780), (262, 780), (296, 996), (306, 996), 4))
    R("extensor_digiti_minimi", S, "an.b", "edm.1", "edm.2", "edm.3", "edm.w", "ex.w2", "cu.3", "cu.2", "cu.1",
      fibres=fibres((236, 800), (242, 800), (289, 998), (297, 997), 3))
    R("extensor_carpi_ulnaris", S, "an.b", "cu.1", "cu.2", "cu.3", "ex.w2", "ex.w3", "fu.3", "fu.2", "fu.1",
      fibres=fibres((232, 804), (242, 804), (277, 999), (289, 998), 3))
    R("flexor_carpi_ulnaris", S, "tr.o", "an.b", "fu.1", "fu.2", "fu.3", "ex.w3", out(f, "o.wristM", "o.armM2"),
      "tr.m", fibres=fibres((196, 700), (226, 736), (268, 1000), (280, 1000), 4))


def details(f: Figure) -> None:
    B = f.detail
    # scapula (medial and lateral borders, spine), olecranon, sacrum, spinous processes, calcaneus:
    # the superior angle level with the T2 spine, the root of the spine of the scapula with T3's,
    # the inferior angle with T7's (528; it lay between the T8 and T9 tips, at 569, until 2026.12.8)
    B("bone", [(72, 392), (70, 420), (76, 462), (86, 500), (100, 528), (120, 507), (146, 480), (168, 456)])
    B("bone", [(76, 420), (110, 406), (150, 396), (190, 382), (200, 390), (150, 404), (110, 414), (80, 428)],
      closed=True)
    B("bone", [(234, 736), (244, 742), (242, 758), (230, 760), (226, 746)], closed=True)
    B("bone", [(0, 880), (20, 884), (36, 902), (26, 940), (10, 975), (0, 1000)])
    for k, y in enumerate([345, 372, 398, 424, 450, 476, 502, 528, 554, 580, 606, 632, 658, 690, 724, 758, 792,
                           826]):
        w = 3 if k < 13 else 4
        B("bone", [(-w, y - 2.5), (w, y - 2.5), (w, y + 2.5), (-w, y + 2.5)], closed=True, mirror=False)
    B("bone", [(60, 1880), (84, 1914), (108, 1904), (118, 1872)])
    B("contour", [(0, 935), (0, 1008)], mirror=False)
    B("contour", [(64, 1398), (94, 1408), (124, 1400)])  # popliteal crease
    B("contour", [(72, 1756), (76, 1830), (86, 1880)])  # achilles
    B("contour", [(100, 1752), (96, 1830), (90, 1880)])
    B("contour", [(30, 150), (60, 180), (74, 230)])  # hair/occiput line
    B("contour", [(0, 150), (24, 160), (36, 200)])
    hand_details(f, palm=False)
    foot_details(f, front=False)


def build() -> Figure:
    f = new_figure("posterior")
    points(f)
    superficial(f)
    details(f)
    from deep_posterior import deep_regions

    deep_regions(f)
    return f
