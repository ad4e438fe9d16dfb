"""Right and left lateral body charts: the figure in profile, superficial and deep layers.

Authored once, for the RIGHT lateral view, in absolute view coordinates (x right, y down; the patient
faces the viewer's right). The left lateral view is its mirror image (x -> 1000 - x) with the side
flipped. Same heights as the anterior/posterior figure (vertex 75, chin ~285, soles ~1940). The arm
hangs with the elbow bent to a right angle and the forearm mid-prone (thumb up), so the lateral
forearm extensors face the viewer and the forearm does not hide the flank.
"""

from __future__ import annotations

from lateral_shoulder import BACK_COLUMN_X, MEDIAL_BORDER, SPINE, shoulder, uncovered
from layer_names import layer
from pathkit import Figure, fibre_path, fibres, label_point, smooth_path
from ribcage import Rib, clip_x, rounded, space, span, thin
from thoracic_rows import rows_about, within

S, D = "superficial", "deep"

OUTLINE = [
    ("o.vertex", 500, 75), ("o.fh1", 556, 92), ("o.fh2", 586, 130), ("o.brow", 594, 165), ("o.nroot", 588, 180),
    ("o.ntip", 614, 210), ("o.subn", 597, 224), ("o.lip1", 602, 238), ("o.lip2", 598, 252),
    ("o.chin", 600, 272), ("o.chin2", 586, 288), ("o.subm", 556, 294), ("o.throat", 540, 306),
    ("o.neckF", 538, 336), ("o.jug", 548, 368), ("o.ch1", 568, 394), ("o.ch2", 596, 432), ("o.ch3", 610, 482),
    ("o.ch4", 606, 530), ("o.rib", 598, 590), ("o.costal", 592, 645), ("o.ab1", 597, 700),
    # forearm and hand, out in front of the abdomen (thumb up)
    ("o.faT", 600, 734), ("o.faT2", 650, 742), ("o.wristT", 702, 752), ("o.thumb1", 722, 740),
    ("o.thumbtip", 748, 734), ("o.thumb2", 752, 746), ("o.web", 738, 756), ("o.fing1", 790, 764),
    ("o.fingtip", 814, 778), ("o.fing2", 806, 794), ("o.palm", 764, 802), ("o.wristB", 704, 800),
    ("o.faB2", 650, 808), ("o.faB", 602, 812),
    ("o.ab2", 602, 840), ("o.groin", 588, 910), ("o.th0", 592, 960), ("o.th1", 598, 1040),
    ("o.th2", 596, 1150), ("o.th3", 586, 1270), ("o.pat", 590, 1370), ("o.kneeF", 584, 1420),
    ("o.tt", 574, 1468), ("o.shin1", 566, 1560), ("o.shin2", 556, 1690), ("o.ankF", 548, 1808),
    ("o.instep", 584, 1850), ("o.dors", 650, 1893), ("o.toes", 704, 1914), ("o.toetip", 712, 1930),
    ("o.sole1", 694, 1942), ("o.sole2", 560, 1942), ("o.heel", 470, 1938), ("o.heel2", 456, 1910),
    ("o.ach1", 466, 1860), ("o.ach2", 472, 1790), ("o.calf3", 462, 1690), ("o.calf2", 444, 1580),
    ("o.calf1", 450, 1500), ("o.popl", 466, 1432), ("o.thB3", 462, 1340), ("o.thB2", 452, 1200),
    ("o.fold", 440, 1092), ("o.butt2", 418, 1010), ("o.butt1", 418, 940), ("o.lumb", 440, 862),
    ("o.back3", 452, 780), ("o.back2", 444, 680), ("o.back1", 428, 580), ("o.back0", 420, 480),
    ("o.upback", 426, 404), ("o.neckB", 446, 336), ("o.nape", 444, 290), ("o.occ", 426, 240),
    ("o.headB", 416, 180), ("o.headT", 440, 110),
]
SHARP = {"o.web", "o.faT", "o.faB", "o.thumb2", "o.subm", "o.jug", "o.heel2"}


def outline(f: Figure) -> None:
    for n, x, y in OUTLINE:
        f.p(n, x, y, sharp=n in SHARP)
    f.chain("outline", *[n for n, _, _ in OUTLINE])
    f.outline_chain = "outline"


def out(f: Figure, a: str, b: str) -> list[str]:
    return f.run("outline", a, b)


def points(f: Figure) -> None:
    P = f.p
    # neck: trapezius anterior border, SCM borders, clavicle
    P("tr.1", 446, 252); P("tr.2", 458, 300); P("tr.3", 474, 350); P("acr", 490, 384, sharp=True)
    P("scm.m", 470, 246); P("scm.m2", 488, 250); P("scm.b1", 492, 292); P("scm.b2", 516, 336)
    P("scm.b3", 528, 378, sharp=True); P("scm.f1", 512, 286); P("scm.f2", 538, 340)
    P("cl.f", 548, 382, sharp=True); P("cl.m", 520, 384)
    P("pt.1", 478, 298); P("pt.2", 494, 312); P("pt.3", 486, 340); P("pt.4", 504, 334); P("pt.5", 500, 362)
    # deltoid
    P("dl.f1", 552, 400); P("dl.f2", 560, 450); P("dl.f3", 552, 515); P("dl.ins", 516, 590, sharp=True)
    P("dl.b1", 444, 410); P("dl.b2", 440, 450); P("dl.b3", 449, 506); P("dl.b4", 476, 558)
    # the three parts of deltoid read as one rounded cap: the septa between them bow outwards like the
    # cap itself, the middle part fanning from the acromion, all converging on the tuberosity (dl.ins)
    P("dl.a", 522, 382); P("dl.am1", 536, 420); P("dl.am", 540, 470); P("dl.am2", 534, 530)
    P("dl.pm1", 478, 420); P("dl.pm", 472, 470); P("dl.pm2", 482, 530)
    # upper arm: front (biceps) and back (triceps) edges, elbow, forearm edges inside the trunk
    P("ar.f1", 554, 560); P("ar.f2", 556, 640); P("ar.f3", 554, 700); P("ar.fe", 558, 734, sharp=True)
    P("ar.b1", 448, 540); P("ar.b2", 452, 620); P("ar.b3", 456, 700); P("ar.b4", 458, 764)
    P("olec", 466, 802, sharp=True); P("fa.b1", 520, 818)
    P("bi.b1", 530, 590); P("bi.b2", 526, 660); P("bi.b3", 536, 720)
    P("br.a1", 514, 640); P("br.a2", 504, 700); P("br.a3", 500, 740)
    P("tri.l", 490, 600)
    # forearm strips from the radial (top) to the ulnar (bottom) border
    P("fa.1a", 520, 744); P("fa.1b", 600, 750); P("fa.1c", 660, 756)
    P("fa.2a", 504, 756); P("fa.2b", 600, 764); P("fa.2c", 680, 766)
    P("fa.3a", 494, 770); P("fa.3b", 600, 778); P("fa.3c", 690, 778)
    P("fa.4a", 490, 786); P("fa.4b", 600, 794); P("fa.4c", 700, 790)
    P("an.1", 478, 800)
    # trunk
    P("pm.l1", 580, 528); P("pm.ax", 556, 522, sharp=True)
    P("sa.1", 566, 592, sharp=True); P("sa.2", 574, 612, sharp=True); P("sa.3", 584, 598, sharp=True)
    P("sa.4", 590, 620, sharp=True)
    P("cr.a", 586, 892, sharp=True); P("cr.1", 560, 866); P("cr.2", 520, 856); P("cr.3", 480, 862)
    P("psis", 446, 884, sharp=True); P("lat.a", 540, 822)
    # hip and thigh
    P("tfl.1", 566, 922); P("tfl.2", 556, 980); P("tfl.3", 562, 1040); P("tfl.4", 578, 1066)
    P("gm.1", 486, 902); P("gm.2", 520, 952); P("troch", 540, 992, sharp=True)
    P("gx.1", 526, 1060); P("gx.2", 496, 1100); P("gx.3", 470, 1104)
    P("rf.1", 584, 1090); P("rf.2", 574, 1200); P("rf.3", 566, 1320); P("pat.t", 574, 1350, sharp=True)
    P("vl.k", 548, 1400); P("bf.1", 520, 1200); P("bf.2", 516, 1330); P("bf.3", 512, 1410)
    P("fib.h", 506, 1460, sharp=True); P("bf.b", 476, 1420)
    # leg
    P("ta.1", 552, 1478); P("ta.2", 548, 1600); P("ta.3", 538, 1720); P("ta.4", 532, 1808)
    P("ed.1", 530, 1476); P("ed.2", 528, 1600); P("ed.3", 522, 1720); P("ed.4", 522, 1810)
    # fibularis longus tapers down and back into its tendon (fl.2), brevis showing in front of it;
    # soleus shows as a wedge between the lateral gastrocnemius head and fibularis longus, its apex
    # (so.1) just below the fibular head
    P("fl.1", 504, 1540); P("fl.2", 500, 1668); P("fl.3", 500, 1726); P("fb.4", 508, 1810)
    P("fbr.1", 512, 1634)
    P("so.1", 505, 1500, sharp=True); P("so.2", 480, 1636); P("gl.low", 474, 1660)
    P("ach", 488, 1800)


def superficial(f: Figure) -> None:
    R = f.region
    # head
    # temporalis: a fan from the temporal fossa converging under the zygomatic arch to the coronoid
    # (the temporal fossa: up to the superior temporal line about 4-5 cm below the vertex, forward to the
    # lateral orbital rim, back to above the ear; about 10 cm long and 8 cm high)
    R("temporalis", S, (522, 200), (544, 198), (558, 172), (560, 146), (544, 122), (510, 114), (476, 122),
      (460, 144), (462, 170), (482, 188),
      fibres=[[(460 + k * 16, 150 - (3 - abs(k - 3)) * 9), (512 + k * 4, 170), (532, 206)] for k in range(7)])
    # masseter: zygomatic arch down and slightly back to the angle and ramus of the mandible
    R("masseter", S, (506, 212), (552, 208), (550, 240), (540, 276), (514, 280), (500, 270), (498, 240),
      fibres=fibres((508, 210), (552, 206), (496, 274), (540, 280), 6))
    # neck
    R("sternocleidomastoid", S, "scm.m", "scm.m2", "scm.f1", "scm.f2", "cl.f", "scm.b3", "scm.b2", "scm.b1",
      fibres=fibres((466, 244), (490, 248), (526, 382), (550, 378), 6))
    R("trapezius_upper", S, out(f, "o.back0", "o.occ"), "tr.1", "tr.2", "tr.3", "acr", "dl.b1", "dl.b2",
      fibres=fibres((426, 240), (428, 400), (446, 254), (488, 384), 9, bend=0.04))
    R("splenius_capitis", S, "tr.1", "scm.m", "scm.b1", "pt.1", "tr.2",
      fibres=fibres((458, 300), (476, 298), (448, 252), (470, 248), 3))
    R("levator_scapulae", S, "tr.2", "pt.1", "scm.b1", "pt.2", "pt.3", "tr.3",
      fibres=fibres((480, 298), (492, 296), (462, 350), (478, 352), 3))
    R("scalene_middle", S, "tr.3", "pt.3", "pt.2", "pt.4", "pt.5", "cl.m", "acr",
      fibres=fibres((486, 316), (500, 320), (488, 384), (516, 384), 3))
    R("scalene_anterior", S, "pt.2", "scm.b1", "scm.b2", "scm.b3", "cl.m", "pt.5", "pt.4",
      fibres=fibres((496, 300), (506, 304), (506, 384), (528, 384), 3))
    # shoulder
    R("deltoid_anterior", S, "dl.a", "cl.m", "scm.b3", "cl.f", "dl.f1", "dl.f2", "dl.f3", "dl.ins", "dl.am2",
      "dl.am", "dl.am1",
      fibres=[[(526 + k * 7, 380 + k * 3), (546 + k * 4, 470), (516, 594)] for k in range(5)])
    R("deltoid_middle", S, "acr", "cl.m", "dl.a", "dl.am1", "dl.am", "dl.am2", "dl.ins", "dl.pm2", "dl.pm",
      "dl.pm1", fibres=[[(488 + k * 8, 380), (474 + k * 13, 470), (516, 594)] for k in range(6)])
    R("deltoid_posterior", S, "dl.b1", "acr", "dl.pm1", "dl.pm", "dl.pm2", "dl.ins", "dl.b4", "dl.b3", "dl.b2",
      fibres=[[(444 + k * 10, 408 - k * 5), (446 + k * 6, 480), (516, 594)] for k in range(5)])
    R("pectoralis_major", S, "cl.f", out(f, "o.jug", "o.ch4"), "pm.l1", "pm.ax", "dl.f3", "dl.f2", "dl.f1",
      fibres=fibres((550, 384), (606, 520), (556, 440), (558, 520), 7))
    R("serratus_anterior", S, "pm.ax", "pm.l1", "o.ch4", "o.rib", "sa.4", "sa.3", "sa.2", "sa.1", "ar.f1",
      "dl.f3", fibres=fibres((600, 540), (596, 620), (556, 526), (560, 600), 5))
    R("external_oblique", S, "ar.f1", "sa.1", "sa.2", "sa.3", "sa.4", out(f, "o.rib", "o.faT"), "ar.fe", "ar.f3",
      "ar.f2", tag="upper", fibres=fibres((560, 590), (590, 600), (570, 740), (600, 740), 4))
    R("external_oblique", S, "fa.b1", out(f, "o.faB", "o.ab2"), "cr.a", "cr.1", "cr.2", "lat.a",
      fibres=fibres((526, 818), (600, 812), (540, 860), (588, 890), 5))
    R("latissimus_dorsi", S, "dl.b2", out(f, "o.back0", "o.lumb"), "psis", "cr.3", "cr.2", "lat.a", "fa.b1",
      "olec", "ar.b4", "ar.b3", "ar.b2", "ar.b1", "dl.b3",
      fibres=fibres((420, 480), (446, 860), (448, 500), (520, 820), 7, bend=0.03))
    # arm
    R("biceps_brachii", S, "dl.f3", "ar.f1", "ar.f2", "ar.f3", "ar.fe", "bi.b3", "bi.b2", "bi.b1", "dl.ins",
      fibres=fibres((530, 586), (552, 560), (538, 730), (556, 734), 4))
    R("brachialis", S, "dl.ins", "bi.b1", "bi.b2", "bi.b3", "br.a1",
      fibres=fibres((516, 590), (530, 592), (504, 740), (534, 724), 3))
    R("triceps_brachii", S, "dl.b3", "ar.b1", "ar.b2", "ar.b3", "ar.b4", "olec", "an.1", "fa.4a", "fa.3a",
      "br.a3", "br.a2", "br.a1", "dl.ins", "dl.b4",
      fibres=fibres((452, 510), (500, 590), (466, 790), (494, 760), 7))
    R("brachioradialis", S, "br.a1", "bi.b3", "ar.fe", "o.faT", "o.faT2", "o.wristT", "fa.1c", "fa.1b", "fa.1a",
      "br.a2", fibres=fibres((512, 650), (540, 720), (680, 752), (690, 758), 4, bend=0.05))
    R("extensor_carpi_radialis_longus", S, "br.a2", "fa.1a", "fa.1b", "fa.1c", "o.wristT", "fa.2c", "fa.2b",
      "fa.2a", "br.a3", fibres=fibres((500, 720), (510, 750), (690, 758), (700, 766), 3))
    R("extensor_carpi_radialis_brevis", S, "fa.3a", "br.a3", "fa.2a", "fa.2b", "fa.2c", "fa.3c", "fa.3b",
      fibres=fibres((494, 764), (504, 756), (690, 768), (690, 778), 3))
    R("extensor_digitorum", S, "fa.4a", "fa.3a", "fa.3b", "fa.3c", "fa.4c", "fa.4b",
      fibres=fibres((490, 782), (494, 770), (700, 778), (700, 790), 3))
    R("extensor_carpi_ulnaris", S, "an.1", "fa.4a", "fa.4b", "fa.4c", "o.wristB", "o.faB2", "o.faB", "fa.b1",
      "olec", fibres=fibres((470, 804), (490, 790), (700, 792), (704, 800), 3))
    # hip and thigh
    R("tensor_fasciae_latae", S, "cr.a", out(f, "o.ab2", "o.th1"), "rf.1", "tfl.4", "tfl.3", "tfl.2", "tfl.1",
      fibres=fibres((570, 900), (592, 900), (562, 1046), (580, 1066), 4))
    R("gluteus_medius", S, "cr.a", "tfl.1", "tfl.2", "troch", "gm.2", "gm.1", "cr.3", "cr.2", "cr.1",
      fibres=fibres((480, 866), (584, 890), (530, 980), (548, 988), 7))
    R("gluteus_maximus", S, "psis", out(f, "o.lumb", "o.fold"), "gx.3", "gx.2", "gx.1", "troch", "gm.2", "gm.1",
      "cr.3", fibres=fibres((444, 884), (420, 1060), (540, 996), (520, 1070), 8))
    R("rectus_femoris", S, "rf.1", out(f, "o.th1", "o.pat"), "pat.t", "rf.3", "rf.2",
      fibres=fibres((584, 1040), (598, 1040), (566, 1350), (580, 1350), 4))
    R("vastus_lateralis", S, "troch", "tfl.2", "tfl.3", "tfl.4", "rf.1", "rf.2", "rf.3", "pat.t", "vl.k", "bf.3",
      "bf.2", "bf.1", "gx.1", fibres=fibres((532, 1000), (580, 1060), (520, 1400), (570, 1380), 6, bend=-0.02))
    R("biceps_femoris_long_head", S, "gx.3", "gx.2", "gx.1", "bf.1", "bf.2", "bf.3", "fib.h", "bf.b",
      out(f, "o.popl", "o.fold"), fibres=fibres((440, 1096), (500, 1100), (480, 1430), (506, 1456), 5))
    # leg
    R("tibialis_anterior", S, "ta.1", out(f, "o.tt", "o.ankF"), "ta.4", "ta.3", "ta.2",
      fibres=fibres((552, 1470), (574, 1470), (532, 1810), (546, 1810), 3))
    R("extensor_digitorum_longus", S, "ed.1", "ta.1", "ta.2", "ta.3", "ta.4", "ed.4", "ed.3", "ed.2",
      fibres=fibres((530, 1476), (552, 1478), (522, 1810), (532, 1808), 3))
    R("fibularis_longus", S, "fib.h", "ed.1", "ed.2", "fbr.1", "fl.2", "fl.1", "so.1",
      fibres=fibres((504, 1460), (530, 1476), (500, 1640), (514, 1640), 3))
    R("fibularis_brevis", S, "fl.2", "fbr.1", "ed.2", "ed.3", "ed.4", "fb.4", "fl.3",
      fibres=fibres((500, 1640), (520, 1620), (508, 1810), (522, 1810), 3))
    R("gastrocnemius_lateral_head", S, "bf.b", "fib.h", "so.1", "so.2", "gl.low",
      out(f, "o.calf2", "o.popl"), fibres=fibres((470, 1430), (500, 1450), (450, 1600), (478, 1650), 4))
    R("soleus", S, "so.1", "fl.1", "fl.2", "fl.3", "fb.4", "ach", out(f, "o.ach2", "o.calf2"), "gl.low", "so.2",
      fibres=fibres((490, 1540), (500, 1700), (470, 1790), (490, 1800), 4))


# The rib cage seen from the side (right lateral view), after the lateral thorax of Gray's and
# Netter: each rib leaves the back at its angle (under the erector spinae, which hides the part
# running in to the spine), runs down and forwards round the side of the chest in a curve that
# steepens as it goes, to its costochondral junction; the costal cartilage turns up and forwards to
# the sternum (ribs 2-7: rib 2 at the sternal angle, rib 7 at the xiphisternal joint) or to the
# cartilage above (8-10: the costal margin, whose lowest point is the 10th cartilage); ribs 11 and 12
# end free in the flank. Points per rib: (bony rib from the angle to the costochondral junction,
# cartilage from there forwards).
RIB_HALF = 4.5
RIB_POINTS: dict[int, tuple[list, list]] = {
    2: ([(448, 396), (482, 399), (518, 410), (548, 428)], [(548, 426), (560, 424), (567, 418)]),
    3: ([(446, 423), (480, 427), (520, 443), (556, 464)], [(556, 462), (568, 458), (577, 450)]),
    4: ([(444, 450), (480, 455), (522, 474), (562, 498)], [(562, 496), (574, 490), (583, 480)]),
    5: ([(442, 477), (478, 483), (520, 504), (562, 532)], [(562, 530), (576, 522), (587, 508)]),
    6: ([(442, 507), (478, 516), (518, 536), (556, 562)], [(556, 562), (572, 556), (584, 546), (590, 534)]),
    7: ([(442, 534), (476, 544), (514, 566), (548, 594)], [(548, 594), (566, 592), (580, 580), (590, 560)]),
    8: ([(442, 561), (474, 572), (508, 596), (538, 626)], [(538, 626), (556, 623), (569, 610), (579, 588)]),
    9: ([(444, 588), (474, 600), (504, 626), (528, 656)], [(528, 656), (546, 653), (558, 640), (566, 620)]),
    10: ([(446, 615), (474, 628), (500, 656), (520, 688)], [(520, 688), (538, 684), (550, 668), (557, 648)]),
    11: ([(448, 642), (474, 656), (496, 680), (512, 704)], []),
    12: ([(450, 669), (470, 680), (488, 700)], []),
}
RIBS = {k: Rib(k, c, b, RIB_HALF, bone_first=True) for k, (b, c) in RIB_POINTS.items()}
# the height of each rib at its angle, where it leaves the back under the erector spinae (the first
# point of its bony line): the level of an iliocostalis thoracis site there (rib X is level TX)
RIB_ANGLE_Y = {f"T{k}": float(bone[0][1]) for k, (bone, _) in RIB_POINTS.items()}
# the sternum, just inside the front of the chest: manubrium, sternal angle, body, xiphoid
STERNUM = [(538, 372), (550, 376), (562, 410), (570, 420), (582, 460), (590, 510), (594, 560), (592, 594),
           (586, 594), (584, 560), (578, 512), (568, 462), (558, 424), (552, 414), (540, 380)]
# where the intercostal spaces' names go: a column beside the front of the chest, one line apart
NAME_COLUMN_X = 732.0
NAME_STEP = 23.0
# the front border of the erector spinae (y, x)
ERECTOR = [(500, 450), (580, 460), (680, 470), (704, 474), (780, 476), (850, 478)]


def rib_y(k: int, x: float) -> float:
    return RIBS[k].centre_y(x)


def _interp(table: list[tuple[float, float]], y: float) -> float:
    for (ya, xa), (yb, xb) in zip(table, table[1:]):
        if ya <= y <= yb:
            return xa + (xb - xa) * (y - ya) / (yb - ya)
    return table[0][1] if y < table[0][0] else table[-1][1]


def costal_margin() -> list[tuple[float, float]]:
    """The lower border of the costal margin from the xiphisternal joint back to the lowest point
    of the 10th cartilage, then the lower borders of ribs 11 and 12 to their tips."""
    cuts = [(7, 579, 592), (8, 566, 579), (9, 557, 566), (10, 520, 557)]
    pts: list[tuple[float, float]] = []
    for k, x0, x1 in cuts:
        pts.extend(reversed(clip_x(RIBS[k].lower, x0, x1)))
    return rounded(thin(pts, 8.0))


def deep_trunk(f: Figure) -> None:
    """The chest and flank wall under latissimus dorsi, serratus anterior and the external oblique,
    drawn with the arm lifted off (its deep muscles are on the anterior and posterior deep sheets;
    its superficial ones stay as faint context): the ribs, the external intercostals in spaces 2-9
    (each space its own level, curving down and forwards with the ribs), the erector spinae along the
    back (iliocostalis, under latissimus), quadratus lumborum's lateral edge between the 12th rib and
    the crest, and internal oblique filling the flank from the costal margin to the crest. Under the
    scapula's muscles (supraspinatus, infraspinatus, teres minor) the upper spaces show only in front
    of them. (Tibialis posterior lies between tibia and fibula behind the interosseous membrane: not
    on a lateral view; it is charted on the posterior deep sheet.)"""
    R = f.region
    P = f.p
    f.detail("underlay", STERNUM, closed=True, mirror=False)
    for rib in RIBS.values():
        for outline in rib.outlines():
            f.detail("underlay", outline, closed=True, mirror=False, smooth=False)
    # the erector spinae column seen from the side (iliocostalis): thoracic part above the 12th rib,
    # lumbar part down to the crest behind quadratus lumborum
    for n, (y, x) in zip(("es.1", "es.2", "es.3", "es.q", "es.4", "es.5"), ERECTOR):
        P(n, x, y)
    tip12 = RIBS[12].lower[-1]
    P("ql.1", round(tip12[0], 1), round(tip12[1], 1)); P("ql.2", 500, 780); P("ql.3", 502, 858)
    # behind the scapula's medial border and below its inferior angle (the scapula hides the rest).
    # It records the level under the tap (`level_rows`), as on the posterior sheets: the rib over
    # whose angle the needle goes (tools/atlas/thoracic_rows.py), here drawn where each rib
    # leaves the back, at the column (RIB_ANGLE_Y), a row from half way to the rib above to half
    # way to the one below
    column = [f.pts[n] for n in out(f, "o.back0", "o.back2")] + [f.pts["es.3"], f.pts["es.2"], *MEDIAL_BORDER]
    R("iliocostalis_thoracis", D, out(f, "o.back0", "o.back2"), "es.3", "es.2", *reversed(MEDIAL_BORDER),
      fibres=[[(424 + j * 8, 470), (434 + j * 8, 580), (448 + j * 6, 690)] for j in range(5)],
      label=(440, 600), name_hint=(BACK_COLUMN_X - 10, 600), level_rows=within(rows_about(RIB_ANGLE_Y), *column))
    R("iliocostalis_lumborum", D, out(f, "o.back2", "o.lumb"), "psis", "cr.3", "es.5", "es.4", "es.q", "es.3",
      fibres=[[(444 + j * 7, 670), (452 + j * 7, 780), (446 + j * 8, 880)] for j in range(5)])
    R("quadratus_lumborum", D, "es.q", "ql.1", "ql.2", "ql.3", "cr.3", "es.5", "es.4",
      fibres=[[(476 + j * 6, 864), (484 + j * 5, 780), (480 + j * 4, 704)] for j in range(4)])
    # external intercostals, one band per space between the ribs, from the erector (or in front of the
    # scapular muscles) to the costochondral junctions; fibres down and forwards
    last_hint = 0.0
    for k in range(2, 10):
        above, below = RIBS[k], RIBS[k + 1]
        x0 = _interp(ERECTOR, above.centre_y(470) + 10) + 2
        x0, x1 = span(above, below, x0, min(above.ccj_x, below.ccj_x) - 2)
        n = max(3, int((x1 - x0) / 12))
        fib = []
        for j in range(n):
            x = x0 + (x1 - x0) * (j + 0.5) / n
            ya, yb = above.lower_y(x), below.upper_y(x)
            h = (yb - ya) / 2
            yc = (ya + yb) / 2
            fib.append([(x - h, yc - h * 1.4), (x, yc), (x + h, yc + h * 1.4)])
        # the name in a column in front of the chest, in the order of the spaces, tied by a leader to
        # the front of its space (the spaces are too narrow for their names)
        lx = x1 - 12
        ly = round((above.lower_y(lx) + below.upper_y(lx)) / 2, 1)
        hint_y = max(ly, last_hint + NAME_STEP)
        last_hint = hint_y
        R("external_intercostals", D, *uncovered(space(above, below, x0, x1)), tag=f"T{k}", level=f"T{k}",
          fibres=fib, label=(lx, ly), name_hint=(NAME_COLUMN_X, hint_y))
    # internal oblique: the flank below the costal margin and the tips of ribs 11-12, in front of
    # quadratus lumborum, down to the iliac crest; fibres up and forwards from the crest
    P("io.f0", 592, 604); P("io.f1", 593, 760); P("io.f2", 597, 820)
    tips = clip_x(RIBS[11].lower, 498, 520)
    R("internal_oblique", D, "ql.3", "ql.2", "ql.1", *tips, *reversed(costal_margin()), "io.f0", "io.f1", "io.f2",
      "o.ab2", "cr.a", "cr.1", "cr.2",
      fibres=[[(500 + j * 14, 870), (520 + j * 14, 790), (540 + j * 14, 700)] for j in range(7)])


def deep(f: Figure) -> None:
    R = f.region
    deep_trunk(f)
    shoulder(f)  # after the ribs: the scapula lies on them
    R("gluteus_minimus", D, (500, 880), (540, 872), (576, 894), (566, 930), (550, 978), (534, 976), (516, 930),
      fibres=fibres((496, 882), (576, 892), (532, 978), (552, 978), 5))
    R("piriformis", D, (438, 936), (470, 940), (500, 962), (532, 984), (522, 994), (490, 980), (448, 964),
      (434, 952), fibres=fibres((436, 936), (436, 962), (530, 984), (522, 994), 3))
    R("vastus_intermedius", D, (546, 1044), (574, 1060), (580, 1150), (572, 1260), (560, 1340), (544, 1340),
      (536, 1250), (534, 1150), fibres=fibres((540, 1046), (576, 1060), (544, 1340), (560, 1340), 4))
    R("fibularis_brevis", D, (520, 1620), (534, 1650), (532, 1740), (526, 1812), (510, 1812), (512, 1720),
      (514, 1660), fibres=fibres((520, 1620), (540, 1650), (514, 1812), (530, 1812), 3))
    R("extensor_hallucis_longus", D, (546, 1600), (556, 1612), (552, 1700), (544, 1800), (536, 1800),
      (540, 1700), fibres=fibres((552, 1600), (564, 1610), (540, 1800), (548, 1800), 2))


def details(f: Figure) -> None:
    B = f.detail
    B("bone", [(488, 200), (520, 202), (556, 200), (560, 206), (520, 208), (488, 206)], closed=True,
      mirror=False)  # zygomatic arch
    # clavicle, spine of scapula and acromion, olecranon, patella, fibular head, malleolus, tibial crest
    B("bone", [(548, 376), (530, 380), (504, 382), (492, 386), (504, 390), (530, 388), (548, 386)], closed=True,
      mirror=False)
    B("bone", SPINE, closed=True, mirror=False)
    B("bone", [(464, 790), (472, 796), (470, 810), (460, 808)], closed=True, mirror=False)
    B("bone", [(576, 1352), (588, 1362), (590, 1392), (582, 1410), (572, 1396), (570, 1368)], closed=True,
      mirror=False)
    B("bone", [(498, 1452), (510, 1450), (514, 1462), (504, 1472), (496, 1464)], closed=True, mirror=False)
    B("bone", [(512, 1822), (526, 1820), (530, 1840), (518, 1852), (508, 1840)], closed=True, mirror=False)
    B("bone", [(542, 988), (550, 998), (544, 1010), (534, 1002)], closed=True, mirror=False)
    # iliotibial band: a tendon stripe over vastus lateralis
    B("bone", [(556, 1046), (548, 1200), (540, 1330), (546, 1440), (538, 1440), (532, 1330), (540, 1200),
               (550, 1046)], closed=True, mirror=False)
    C = f.detail
    C("contour", [(476, 200), (488, 196), (494, 212), (490, 236), (478, 244), (470, 226)], closed=True,
      mirror=False)  # ear
    C("contour", [(560, 150), (575, 152)], mirror=False)  # eyebrow
    C("contour", [(566, 166), (578, 168)], mirror=False)  # eye
    C("contour", [(586, 244), (598, 244)], mirror=False)  # lips
    C("contour", [(490, 272), (530, 286), (586, 288)], mirror=False)  # jaw line
    C("contour", [(722, 774), (760, 776), (798, 780)], mirror=False)  # fingers
    C("contour", [(720, 786), (762, 790), (800, 790)], mirror=False)
    C("contour", [(600, 1912), (640, 1916), (690, 1926)], mirror=False)  # sole
    C("contour", [(590, 1420), (560, 1426)], mirror=False)  # knee crease


def build_figure() -> Figure:
    f = Figure("lateral", mirror=False, side="R")
    outline(f)
    points(f)
    superficial(f)
    deep(f)
    details(f)
    return f


def _view(f: Figure, view_id: str, name: str, side: str, flip: bool) -> dict:
    def mapx(x: float) -> float:
        return 1000 - x if flip else x

    f.side = side
    outline_d, regions = f.to_view(mapx)
    out_regions = []
    for spec, _, d in regions:
        parts = [view_id, spec.layer, spec.muscle] + ([spec.tag] if spec.tag else []) + [side]
        label = [mapx(spec.label[0]), spec.label[1]] if spec.label else list(label_point(d))
        out_regions.append({
            "id": ".".join(parts), "muscle": spec.muscle, "side": side, "layer": spec.layer, "d": d,
            "fibres": [fibre_path(fb, mapx) for fb in spec.fibres], "label": label,
            "level": spec.level,
            **({"level_rows": [[lv, top] for lv, top in spec.level_rows]} if spec.level_rows else {}),
        })
        if spec.name_hint:
            out_regions[-1]["name_hint"] = [mapx(spec.name_hint[0]), spec.name_hint[1]]
    details = [{"kind": det.kind, "d": smooth_path(det.pts, det.closed, mapx, det.smooth)} for det in f.details]
    layers = [layer("superficial", "Superficial"), layer("deep", "Deep")]
    return {
        "id": view_id, "name": name, "kind": "body", "width": 1000, "height": 2000, "viewer_left_is": None,
        "layers": layers, "outline": [outline_d], "details": details, "landmarks": [], "regions": out_regions,
    }


def build() -> list[dict]:
    f = build_figure()
    return [_view(f, "lateral_right", "Right lateral", "R", flip=False),
            _view(f, "lateral_left", "Left lateral", "L", flip=True)]
