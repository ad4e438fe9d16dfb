"""Anterior body chart: superficial and deep muscles of the patient's right half (mirrored)."""

from __future__ import annotations

from body import foot_details, hand_details, new_figure, out
from pathkit import Figure, fibres

S, D = "superficial", "deep"
# heights of the tendinous intersections of rectus abdominis (at the midline): the xiphoid's tip, the
# umbilicus (770) and halfway between
RECTUS_INTERSECTIONS = (606, 688, 766)


def points(f: Figure) -> None:
    P = f.p
    # neck, clavicle, sternum
    P("sc.b1", 50, 328); P("sc.clav", 46, 361); P("sc.clav2", 28, 360); P("cl.1", 11, 357)
    P("sc.f2", 22, 332); P("sc.f1", 38, 288)
    # platysma: the sheet over the anterior neck below the jaw, medial to sternocleidomastoid (it runs on
    # over the muscle and the clavicle, but there it lies over regions of its own layer)
    P("ply.1", 4, 293); P("ply.2", 28, 289); P("ply.3", 14, 334); P("ply.4", 5, 322)
    P("cl.3", 80, 366); P("cl.4", 118, 371); P("cl.5", 150, 377); P("cl.6", 178, 383)
    P("sc.sp", 60, 322); P("dl.a1", 212, 430); P("dl.a2", 226, 490); P("dl.a3", 238, 545)
    P("tr.b1", 72, 333); P("tr.b2", 104, 353); P("tr.b3", 132, 367)
    # deltopectoral groove, pectoral border
    P("dp.1", 166, 412); P("dp.2", 186, 452); P("pm.ins", 198, 482, sharp=True); P("pm.ax", 180, 500)
    P("dp.3", 217, 514); P("dp.4", 236, 550)
    P("pm.b1", 140, 538); P("pm.b2", 104, 549); P("pm.b3", 66, 561); P("pm.b4", 30, 561)
    P("st.bot", 11, 556); P("st.mid", 11, 460); P("xiph", 0, 590); P("nav", 0, 770); P("sym", 0, 997)
    # arm
    P("bi.m2", 196, 584); P("bi.m3", 204, 650); P("bi.m4", 213, 706); P("bi.t2", 223, 752)
    P("bi.t", 238, 754); P("bi.l3", 247, 712); P("bi.l2", 249, 660); P("bi.l1", 243, 602)
    P("br.1", 256, 706)
    # forearm
    P("br.2", 252, 762); P("br.3", 260, 815); P("br.4", 274, 882); P("br.5", 292, 946); P("br.6", 307, 993)
    P("pt.u1", 221, 763); P("pt.u2", 241, 793); P("pt.l1", 234, 823); P("pt.l2", 261, 857)
    # common flexor origin (o.fam1) fanning out: FCR | palmaris longus | FCU. fcr.* is FCR's medial
    # border, pl.* palmaris longus' medial border (slender belly, long tendon to the mid-wrist)
    P("fcr.1", 228, 824); P("fcr.2", 249, 870); P("fcr.3", 262, 904); P("fcr.4", 277, 950); P("wr.1", 295, 997)
    P("pl.1", 222, 842); P("pl.2", 244, 900); P("pl.3", 271, 951); P("pl.w", 289, 998)
    # trunk
    P("sa.1", 128, 628, sharp=True); P("sa.1b", 133, 606, sharp=True); P("sa.2", 119, 598, sharp=True)
    P("sa.2b", 124, 578, sharp=True); P("sa.3", 110, 570, sharp=True)
    P("ra.t2", 78, 594); P("ra.2", 82, 662); P("ra.3", 77, 742); P("ra.4", 65, 832); P("ra.5", 48, 912)
    P("pub.t", 26, 987, sharp=True)
    P("asis", 131, 872, sharp=True); P("ing.1", 104, 904); P("ing.2", 88, 922); P("ing.m", 68, 944)
    # thigh
    P("sa.A1", 113, 936); P("sa.A2", 89, 1016); P("apex", 64, 1096, sharp=True); P("sa.A4", 43, 1156)
    P("sa.B1", 134, 942); P("sa.B2", 120, 1020); P("sa.B3", 101, 1096); P("sa.B4", 81, 1166)
    P("sa.B5", 61, 1240); P("sa.B6", 45, 1295)
    # the floor of the femoral triangle: iliacus (lateral) and psoas (medial) out from under the
    # inguinal ligament, pectineus, adductor longus; iliopsoas passes under sartorius (sa.A2-sa.A3)
    # for the lesser trochanter
    P("sa.A3", 77, 1058); P("ip.1", 92, 968); P("ft.1", 72, 1000); P("al.1", 42, 1040)
    # gracilis: a strap along the medial border of the thigh, from the pubis to the medial knee
    P("gr.1", 16, 996); P("gr.2", 23, 1065); P("gr.3", 30, 1150); P("gr.4", 35, 1205); P("gr.5", 40, 1262)
    P("tfl.m1", 143, 962); P("tfl.m2", 153, 1046)
    P("rfL2", 143, 1122); P("rfL3", 133, 1202); P("rfL4", 121, 1282); P("rfL5", 110, 1342)
    P("rfM3", 82, 1182); P("rfM4", 74, 1262); P("rfM5", 75, 1332)
    P("pat.tl", 106, 1378); P("pat.top", 88, 1370); P("pat.tm", 71, 1378); P("pat.m", 62, 1402)
    P("vl.k", 125, 1384); P("vm.l", 47, 1410)
    # leg
    P("ta.t", 110, 1466); P("ta.l1", 124, 1474); P("ta.l2", 115, 1565); P("ta.l3", 104, 1660)
    P("ta.l4", 91, 1750); P("ta.l5", 81, 1822)
    P("ta.m1", 93, 1494); P("ta.m2", 88, 1570); P("ta.m3", 82, 1660); P("ta.m4", 76, 1750); P("ta.m5", 71, 1822)
    P("fb.0", 133, 1466); P("fb.1", 131, 1540); P("fb.2", 123, 1620); P("fb.3", 113, 1700)
    P("fb.4", 103, 1780); P("ext.a", 93, 1826)
    # fibularis tertius: the distal lateral slip of EDL, lateral to it in the lower third of the leg
    P("f3.2", 110, 1794)
    P("tb.1", 69, 1500); P("tb.2", 66, 1580); P("tb.25", 64, 1628); P("tb.3", 62, 1700); P("tb.4", 59, 1775)


def superficial(f: Figure) -> None:
    R = f.region
    R("sternocleidomastoid", S, "o.jaw", "o.neck1", "sc.b1", "sc.clav", "sc.clav2", "cl.1", "sc.f2", "sc.f1",
      fibres=fibres((72, 270), (58, 284), (50, 362), (12, 356), 6))
    R("platysma", S, "ply.1", "ply.2", "sc.f1", "sc.f2", "ply.3", "ply.4",
      fibres=[[(2 + k * 5, 286), (8 + k * 5, 310), (12 + k * 4, 336)] for k in range(5)])
    R("scalene_anterior", S, "o.neck1", "sc.sp", "cl.3", "sc.clav", "sc.b1",
      fibres=fibres((54, 300), (58, 300), (52, 362), (78, 366), 3))
    R("scalene_middle", S, "o.neck1", "tr.b1", "tr.b2", "tr.b3", "cl.5", "cl.4", "cl.3", "sc.sp",
      fibres=fibres((56, 300), (62, 304), (84, 366), (130, 372), 5))
    R("trapezius_upper", S, out(f, "o.neck1", "o.acrom"), "cl.6", "cl.5", "tr.b3", "tr.b2", "tr.b1",
      fibres=fibres((52, 296), (64, 320), (140, 372), (200, 386), 7))
    R("deltoid_anterior", S, "cl.5", "cl.6", "o.acrom", "dl.a1", "dl.a2", "dl.a3", "o.deltins", "dp.4", "dp.3",
      "pm.ins", "dp.2", "dp.1", fibres=fibres((150, 378), (196, 384), (234, 560), (250, 582), 8, bend=0.04))
    R("deltoid_middle", S, out(f, "o.acrom", "o.deltins"), "dl.a3", "dl.a2", "dl.a1",
      fibres=fibres((198, 384), (232, 402), (246, 580), (252, 582), 4, bend=0.06))
    R("pectoralis_major", S, "cl.1", "sc.clav2", "sc.clav", "cl.3", "cl.4", "cl.5", "dp.1", "dp.2", "pm.ins",
      "pm.ax", "o.axilla", "pm.b1", "pm.b2", "pm.b3", "pm.b4", "st.bot", "st.mid",
      fibres=fibres((12, 362), (20, 560), (196, 430), (190, 486), 16, bend=0.04))
    R("serratus_anterior", S, out(f, "o.axilla", "o.rib"), "sa.1", "sa.1b", "sa.2", "sa.2b", "sa.3", "pm.b2",
      "pm.b1", fibres=fibres((160, 500), (160, 600), (118, 560), (125, 640), 6))
    # rectus abdominis, with its three tendinous intersections (at the tip of the xiphoid, at the
    # umbilicus and halfway between), drawn as close bands of lines across the muscle
    R("rectus_abdominis", S, "xiph", "st.bot", "pm.b4", "pm.b3", "ra.t2", "ra.2", "ra.3", "ra.4", "ra.5",
      "pub.t", "sym", "nav",
      fibres=[[(x, 550), (x + (x - 40) * 0.02, 780), (x * 0.5, 1000)] for x in range(8, 86, 9)]
      + [[(0, y + d), (44, y + 7 + d), (90, y + d)] for y in RECTUS_INTERSECTIONS for d in (-2.5, -1, 0.5, 2)])
    R("external_oblique", S, "pm.b3", "pm.b2", "sa.3", "sa.2b", "sa.2", "sa.1b", "sa.1",
      out(f, "o.rib", "o.crest"), "asis", "ing.1", "ing.2", "ing.m", "pub.t", "ra.5", "ra.4", "ra.3", "ra.2", "ra.t2",
      fibres=fibres((150, 560), (150, 850), (60, 620), (20, 980), 12, bend=-0.03))
    R("biceps_brachii", S, "pm.ax", "pm.ins", "dp.3", "dp.4", "bi.l1", "bi.l2", "bi.l3", "bi.t", "bi.t2",
      "bi.m4", "bi.m3", "bi.m2",
      fibres=fibres((188, 480), (214, 500), (222, 752), (240, 754), 7, bend=0.03))
    R("triceps_brachii", S, "pm.ax", out(f, "o.axilla", "o.armM2"), "bi.m3", "bi.m2",
      fibres=fibres((168, 480), (186, 480), (190, 700), (206, 700), 4))
    R("brachialis", S, "dp.4", out(f, "o.deltins", "o.arm2"), "br.1", "bi.l3", "bi.l2", "bi.l1",
      fibres=fibres((240, 560), (256, 580), (244, 730), (262, 720), 4))
    R("brachialis", S, "o.armM2", "o.elbowM", "pt.u1", "bi.t2", "bi.m4", "bi.m3", tag="medial",
      fibres=fibres((196, 640), (208, 640), (208, 760), (226, 760), 3))
    R("brachioradialis", S, out(f, "o.arm2", "o.wristL"), "br.6", "br.5", "br.4", "br.3", "br.2", "br.1",
      fibres=fibres((258, 690), (272, 700), (298, 995), (318, 995), 5, bend=-0.02))
    R("pronator_teres", S, "o.elbowM", "pt.u1", "pt.u2", "br.3", "br.4", "pt.l2", "pt.l1", "o.fam1",
      fibres=fibres((200, 750), (206, 795), (262, 815), (272, 880), 5))
    R("flexor_carpi_radialis", S, "o.fam1", "pt.l1", "pt.l2", "br.4", "br.5", "br.6", "wr.1", "fcr.4", "fcr.3",
      "fcr.2", "fcr.1", fibres=[[(212 + k * 6, 796 + k * 4), (254 + k * 5, 880), (294 + k * 4, 998)] for k in range(4)])
    R("palmaris_longus", S, "o.fam1", "fcr.1", "fcr.2", "fcr.3", "fcr.4", "wr.1", "pl.w", "pl.3", "pl.2", "pl.1",
      fibres=fibres((204, 792), (212, 796), (287, 998), (294, 997), 3))
    R("flexor_carpi_ulnaris", S, "o.fam1", "pl.1", "pl.2", "pl.3", "pl.w", out(f, "o.wristM", "o.fam1"),
      fibres=fibres((200, 780), (212, 800), (268, 1000), (286, 998), 4))
    R("tensor_fasciae_latae", S, "asis", out(f, "o.crest", "o.th15"), "tfl.m2", "tfl.m1",
      fibres=fibres((132, 872), (152, 860), (150, 1050), (172, 1086), 5))
    R("sartorius", S, "asis", "sa.A1", "sa.A2", "sa.A3", "apex", "sa.A4", "gr.3", "gr.4", "gr.5", "o.vm", "sa.B6",
      "sa.B5", "sa.B4", "sa.B3", "sa.B2", "sa.B1",
      fibres=[[(130 - k * 5, 860), (90 - k * 5, 1080), (36 - k * 3, 1340)] for k in range(5)])
    R("iliacus", S, "asis", "ing.1", "ing.2", "ip.1", "sa.A2", "sa.A1",
      fibres=fibres((128, 874), (92, 922), (110, 960), (92, 1012), 4))
    R("psoas_major", S, "ing.2", "ing.m", "ft.1", "sa.A3", "sa.A2", "ip.1",
      fibres=fibres((88, 920), (68, 944), (90, 1016), (78, 1056), 4))
    R("pectineus", S, "ing.m", "pub.t", "al.1", "apex", "sa.A3", "ft.1",
      fibres=fibres((66, 944), (28, 986), (76, 1060), (60, 1092), 4))
    R("adductor_longus", S, "pub.t", "gr.1", "gr.2", "gr.3", "sa.A4", "apex", "al.1",
      fibres=fibres((24, 990), (34, 990), (30, 1150), (56, 1130), 5))
    R("gracilis", S, out(f, "o.pubis", "o.vm"), "gr.5", "gr.4", "gr.3", "gr.2", "gr.1",
      fibres=[[(3 + k * 4, 1010), (12 + k * 4, 1160), (28 + k * 2, 1330)] for k in range(4)])
    R("rectus_femoris", S, "asis", "tfl.m1", "tfl.m2", "rfL2", "rfL3", "rfL4", "rfL5", "pat.tl", "pat.top",
      "pat.tm", "rfM5", "rfM4", "rfM3", "sa.B3", "sa.B2", "sa.B1",
      fibres=[[(128 + k * 3, 930), (110 + k * 5, 1150), (80 + k * 5, 1372)] for k in range(-3, 6)])
    R("vastus_lateralis", S, "tfl.m2", out(f, "o.th15", "o.knee1"), "vl.k", "pat.tl", "rfL5", "rfL4", "rfL3",
      "rfL2", fibres=fibres((160, 1040), (174, 1100), (108, 1380), (136, 1360), 6, bend=0.02))
    R("vastus_medialis", S, "sa.B3", "rfM3", "rfM4", "rfM5", "pat.tm", "pat.m", "vm.l", "o.kneeM0", "o.vm",
      "sa.B6", "sa.B5", "sa.B4", fibres=fibres((96, 1100), (40, 1300), (78, 1370), (60, 1410), 6))
    R("tibialis_anterior", S, "ta.m1", "ta.t", "ta.l1", "ta.l2", "ta.l3", "ta.l4", "ta.l5", "ta.m5", "ta.m4",
      "ta.m3", "ta.m2", fibres=fibres((96, 1470), (126, 1470), (70, 1830), (84, 1830), 4))
    R("extensor_digitorum_longus", S, "ta.l1", "fb.0", "fb.1", "fb.2", "fb.3", "fb.4", "ext.a", "ta.l5",
      "ta.l4", "ta.l3", "ta.l2", fibres=fibres((124, 1470), (134, 1466), (84, 1826), (96, 1826), 3))
    R("fibularis_longus", S, out(f, "o.fibhead", "o.calfL3"), "fb.2", "fb.1", "fb.0",
      fibres=fibres((134, 1460), (142, 1470), (118, 1650), (132, 1665), 3))
    R("fibularis_tertius", S, "fb.2", out(f, "o.calfL3", "o.legL"), "f3.2", "ext.a", "fb.4", "fb.3",
      fibres=fibres((122, 1626), (130, 1668), (94, 1826), (116, 1796), 3))
    R("gastrocnemius_medial_head", S, out(f, "o.kneeM", "o.legM3"), "tb.25", "tb.2", "tb.1",
      fibres=fibres((44, 1460), (66, 1480), (50, 1640), (64, 1640), 3))
    R("soleus", S, out(f, "o.legM3", "o.legM1"), "tb.4", "tb.3", "tb.25",
      fibres=fibres((52, 1630), (64, 1630), (54, 1780), (60, 1780), 3))


def details(f: Figure) -> None:
    B = f.detail
    # clavicle (S-curve), sternum, patella, tibia, malleoli
    B("bone", [(9, 350), (40, 354), (80, 360), (120, 365), (160, 372), (196, 378), (199, 388), (160, 383),
               (120, 377), (80, 372), (40, 366), (10, 364)], closed=True)
    # sternum: manubrium (jugular notch, clavicular notches, first costal cartilages), the sternal
    # angle at the second cartilages, the body (cartilages 3-7) and the xiphoid process
    manubrium = [(0, 357), (8, 355), (20, 351), (24, 361), (22, 376), (18, 392), (16, 403)]
    body = [(16, 405), (15, 432), (16, 461), (15, 490), (13, 520), (10, 550), (7, 557)]
    xiphoid = [(6, 559), (6, 572), (3, 586), (0, 593)]
    for half in (manubrium, body, xiphoid):
        right = half if half[0][0] == 0 else [(0, half[0][1])] + half
        pts = right + [(-x, y) for x, y in reversed(right) if x != 0]
        B("bone", pts, closed=True, mirror=False)
    B("bone", [(88, 1371), (107, 1382), (114, 1404), (104, 1428), (88, 1434), (71, 1428), (62, 1404),
               (69, 1382)], closed=True)
    B("bone", [(93, 1494), (88, 1570), (82, 1660), (76, 1750), (71, 1822), (60, 1826), (59, 1775), (62, 1700),
               (66, 1580), (69, 1500)], closed=True)
    B("bone", [(50, 1818), (60, 1824), (62, 1840), (53, 1852), (46, 1842)], closed=True)
    B("bone", [(112, 1814), (120, 1826), (119, 1846), (110, 1852), (106, 1834)], closed=True)
    # anatomical contours: linea alba, navel, nipple, inguinal, knee, jaw (the tendinous intersections
    # of rectus are drawn with its fibres, on its own sheet)
    f.detail("contour", [(0, 592), (0, 990)], mirror=False)
    B("contour", [(5, 765), (8, 771), (4, 778)])
    B("contour", [(104, 532), (106, 536), (103, 540)])
    B("contour", [(131, 872), (104, 904), (68, 944), (26, 987)])
    B("contour", [(36, 110), (48, 104), (60, 110)])  # eyebrow
    B("contour", [(40, 126), (50, 122), (60, 126)])  # eye
    B("contour", [(10, 164), (16, 180), (8, 188)])  # nose
    B("contour", [(22, 222), (12, 218), (0, 220)])  # mouth
    B("contour", [(56, 256), (40, 276), (18, 286), (0, 288)])  # jaw line
    B("contour", [(0, 300), (8, 316), (6, 332)])  # larynx
    B("contour", [(86, 1440), (90, 1482)])  # patellar ligament
    hand_details(f, palm=True)
    foot_details(f, front=True)


def deep(f: Figure) -> None:
    """Deep anterior muscles (second layer); filled in by deep_anterior.py."""
    from deep_anterior import deep_regions

    deep_regions(f)


def build() -> Figure:
    f = new_figure("anterior")
    points(f)
    superficial(f)
    details(f)
    deep(f)
    return f
