"""Deep posterior layer: the muscles under trapezius, deltoid, latissimus, erector spinae, glutes, calf.

Shapes are drawn in place over their bones (scapula, ribs, sacrum, lumbar spine, femur); they do not
tile the figure, they only must not overlap one another. Half coordinates as in body.py (dx outward
from the midline, y down), patient's right half, mirrored. Fibres run origin -> insertion.

Where muscles lie in several sheets over the same spot (rhomboids over serratus posterior superior
and the thoracic erector spinae), the deep sheet shows what a dissection exposes once trapezius and
latissimus are reflected (the erector below the rhomboids), and a third sheet, ``paraspinal``, what
lies under the rhomboids: serratus posterior superior from C7-T3 to ribs 2-5, and the erector spinae
columns from T1 (spinalis beside the spinous processes, longissimus, iliocostalis below serratus
posterior superior), iliocostalis cervicis in the lower neck. A fourth sheet, ``deepest``, shows what
lies under spinalis and longissimus: semispinalis thoracis over multifidus in the thoracic laminar
groove, by level.
"""

from __future__ import annotations

from label_words import SIZE, text_size
from pathkit import Figure, fibres
from thoracic_rows import RIB_ANGLE_ROWS, SPINE_ROWS, THORACIC_TIP, TRANSVERSE_ROWS, within

D = "deep"

# vertebral level centres (y) in the body views: T12 at 665, L4 at the iliac crests (~830)
# the row of the first short rotator's name, under the buttock (see hip())
ROTATOR_NAMES_Y = 1084
# tap points as released in 2026.12.4 (placed before the names of the back and the loins were laid
# out in columns), which the new layout would otherwise have nudged: half coordinates a side
RELEASED = {"supinator": {"R": (280.0, 789.0), "L": (269.1, 789.0)},
            "gluteus_minimus": {"R": (124.2, 904.7), "L": (125.7, 903.6)}}
# where the names of the deep erector columns go (half coordinates: near edge, row), beside the back
ILIOCOSTALIS_NAME = (100, 566)
LONGISSIMUS_NAME = (132, 608)
LUMBAR = {"L1": 697, "L2": 731, "L3": 765, "L4": 799, "L5": 835, "S1": 872}


def neck_and_scapula(f: Figure) -> None:
    """The back of the neck once trapezius is lifted: three layers seen side by side where each
    comes out from under the one above it. Splenius capitis runs up and out from the ligamentum
    nuchae and the upper thoracic spines to the mastoid and the lateral superior nuchal line;
    semispinalis capitis, under it, shows between the two splenii in the upper neck, its fibres
    rising to the occiput between the nuchal lines; splenius cervicis comes out lateral and below
    splenius capitis, its fibres rising from the T3-T6 spines (under the rhomboids) to the C1-C3
    transverse processes; levator scapulae comes out from under splenius capitis and
    sternocleidomastoid (its origin on the C1-C4 transverse processes lies under them) and runs
    down and out to the superior angle of the scapula. Rhomboid minor's upper border is the lower
    edge of the splenii."""
    R = f.region
    P = f.p
    for n, dx, y, sharp in (
            # semispinalis capitis between the nuchal lines, and its apex between the splenii
            ("ssc.0", 3, 242, True), ("ssc.1", 14, 241, False), ("ssc.2", 26, 245, True),
            ("ssc.m", 14, 273, False), ("ssc.apex", 3, 304, True),
            # splenius capitis: mastoid, lateral border, ligamentum nuchae
            ("spc.mast", 56, 252, True), ("lev.top", 49, 268, True), ("spc.apex", 43, 287, True),
            ("spc.l1", 34, 313, False), ("spc.l2", 26, 339, False), ("spc.nuch", 3, 350, False),
            # rhomboid minor's upper border (from the C7-T1 spines to the root of the spine of the
            # scapula) and the points of it the splenii end on
            ("rh.0", 6, 354, True), ("rh.20", 20, 363.6, True), ("rh.1", 70, 398, True),
            # levator scapulae
            ("lev.l1", 53, 281, False), ("lev.l2", 53.5, 298, False), ("lev.l3", 58, 318, False),
            ("lev.l4", 66, 342, False), ("lev.l5", 78, 366, False), ("lev.ang", 90, 386, True),
            ("lev.end", 78, 398, True), ("lev.m5", 66, 372, False), ("lev.m4", 56, 350, False),
            ("lev.m3", 50, 330, False), ("lev.m2", 46, 309, False)):
        P(n, dx, y, sharp=sharp)
    R("semispinalis_capitis", D, "ssc.0", "ssc.1", "ssc.2", "ssc.m", "ssc.apex",
      fibres=fibres((3, 318), (12, 300), (3, 238), (27, 242), 4))
    R("splenius_capitis", D, "ssc.2", "spc.mast", "lev.top", "spc.apex", "spc.l1", "spc.l2", "rh.20", "rh.0",
      "spc.nuch", "ssc.apex", "ssc.m",
      fibres=fibres((3, 296), (8, 362), (24, 243), (58, 252), 7, bend=0.02))
    R("splenius_cervicis", D, "spc.apex", "lev.m2", "lev.m3", "lev.m4", "lev.m5", "rh.1", "rh.20", "spc.l2",
      "spc.l1", fibres=fibres((20, 366), (70, 400), (40, 284), (48, 284), 5, bend=-0.02))
    R("levator_scapulae", D, "lev.top", "lev.l1", "lev.l2", "lev.l3", "lev.l4", "lev.l5", "lev.ang", "lev.end",
      "lev.m5", "lev.m4", "lev.m3", "lev.m2", "spc.apex",
      fibres=fibres((47, 262), (54, 272), (78, 400), (92, 388), 4, bend=0.03))
    R("rhomboid_minor", D, "rh.0", "rh.20", "rh.1", (74, 420), (8, 378),
      fibres=fibres((6, 354), (8, 378), (70, 398), (74, 420), 3))
    # rhomboid major: the T2-T5 spines to the medial border of the scapula, from the root of its
    # spine down to the inferior angle, level with the tip of the T7 spine (posterior.details)
    R("rhomboid_major", D, (8, 386), (75, 428), (86, 500), (97, 524), (8, 486),
      fibres=fibres((8, 386), (8, 486), (75, 428), (97, 524), 7))
    R("supraspinatus", D, (88, 398), (110, 386), (146, 377), (182, 376), (194, 385), (152, 396), (112, 406),
      (90, 414), fibres=fibres((90, 392), (92, 412), (190, 378), (192, 386), 4))
    # infraspinatus and teres minor including the parts under the posterior deltoid, to the greater tubercle
    R("infraspinatus", D, (84, 432), (112, 420), (150, 410), (190, 404), (212, 410), (216, 428), (196, 438),
      (160, 456), (140, 476), (116, 500), (104, 512), (92, 486),
      fibres=[[(86 + k * 1.5, 430 + k * 11), (150, 430 + k * 5), (214, 412 + k * 4)] for k in range(7)])
    R("teres_minor", D, (118, 514), (140, 488), (162, 466), (200, 448), (216, 442), (218, 458), (198, 468),
      (164, 490), (140, 512), (128, 526), fibres=fibres((116, 518), (128, 526), (216, 444), (218, 458), 3))


def _beside_back(muscle: str, dx: float, y: float) -> tuple[float, float]:
    """Where the English name goes whose near edge is `dx` from the midline, centred on row `y`."""
    return (dx + text_size(muscle.replace("_", " "), SIZE)[0] / 2, y)


def trunk(f: Figure) -> None:
    R = f.region
    # thoracic erector spinae where the rhomboids no longer cover it (below rhomboid major's lower
    # border, from the T5 spine to the inferior angle of the scapula at T7), down to T12. Both
    # columns are narrower than their names, and the only skin beside them lies between the
    # rhomboids and serratus posterior inferior: iliocostalis is named there, level with its
    # point; longissimus a row and a half lower, beyond the upper corner of serratus posterior
    # inferior, its leader crossing iliocostalis below the other's name, so that the two leaders
    # part instead of running side by side (their names had crowded into slanting leaders, the
    # medial muscle's name above the lateral one's)
    # Each column records the level under the tap (`level_rows`): longissimus the transverse
    # process at that height, iliocostalis the rib (tools/atlas/thoracic_rows.py)
    longissimus = [(8, 492), (30, 504), (32, 580), (30, 640), (28, 672), (8, 672), (7, 600)]
    R("longissimus_thoracis", D, *longissimus, level_rows=within(TRANSVERSE_ROWS, *longissimus),
      label=(19.4, 596.0), name_hint=_beside_back("longissimus_thoracis", LONGISSIMUS_NAME[0], LONGISSIMUS_NAME[1]),
      fibres=[[(9 + k * 5, 484), (10 + k * 5, 580), (9 + k * 4, 680)] for k in range(5)])
    iliocostalis = [(38, 510), (62, 524), (62, 600), (58, 650), (54, 688), (38, 690), (36, 610)]
    R("iliocostalis_thoracis", D, *iliocostalis, level_rows=within(RIB_ANGLE_ROWS, *iliocostalis),
      label=(50.8, 562.0), name_hint=_beside_back("iliocostalis_thoracis", ILIOCOSTALIS_NAME[0], ILIOCOSTALIS_NAME[1]),
      fibres=[[(36 + k * 6, 500), (40 + k * 5, 600), (40 + k * 4, 692)] for k in range(5)])
    # serratus posterior inferior: T11-L2 spines (by aponeurosis) -> ribs 9-12, slips rising laterally
    P = f.p
    for n, dx, y, sharp in (("spi.m1", 68, 654, False), ("spi.9", 112, 606, True), ("spi.n9", 114, 624, True),
                            ("spi.10", 126, 628, True), ("spi.n10", 122, 646, True), ("spi.11", 130, 654, True),
                            ("spi.n11", 124, 668, True), ("spi.12", 130, 680, True), ("spi.b", 100, 692, False),
                            ("spi.m2", 70, 696, False)):
        P(n, dx, y, sharp)
    R("serratus_posterior_inferior", D, "spi.m1", "spi.9", "spi.n9", "spi.10", "spi.n10", "spi.11", "spi.n11",
      "spi.12", "spi.b", "spi.m2", fibres=fibres((66, 664), (68, 704), (112, 600), (132, 684), 7))
    # quadratus lumborum: 12th rib and L1-L4 transverse processes <- iliac crest (iliolumbar ligament);
    # lateral border oblique
    # upper border on the 12th rib (under serratus posterior inferior), lower border on the crest
    for n, dx, y in (("ql.r1", 40, 696), ("ql.r2", 84, 700), ("ql.l1", 96, 760), ("ql.l2", 108, 818),
                     ("ql.c3", 112, 843), ("ql.c2", 80, 849), ("ql.c1", 52, 864), ("ql.tp4", 40, 810),
                     ("ql.tp3", 44, 776), ("ql.tp2", 38, 752), ("ql.tp1", 42, 728)):
        P(n, dx, y)
    R("quadratus_lumborum", D, "ql.r1", "ql.r2", "ql.l1", "ql.l2", "ql.c3", "ql.c2", "ql.c1", "ql.tp4", "ql.tp3",
      "ql.tp2", "ql.tp1",
      fibres=[[(50 + k * 13, 880 - k * 6), (48 + k * 9, 790), (44 + k * 9, 700)] for k in range(5)]
      + [[(70 + k * 14, 866 - k * 4), (56 + k * 6, 800), (40, 740 + k * 22)] for k in range(3)])
    # multifidus: one fascicle fan per level, from the spinous process down and out over the laminae
    for level, y in LUMBAR.items():
        R("multifidus", D, (4, y - 15), (12, y - 12), (24, y - 2), (33, y + 12), (33, y + 24), (22, y + 18),
          (10, y + 12), (4, y + 10), tag=level, level=level,
          fibres=[[(2, y - 13 + k * 6), (14, y - 4 + k * 7), (36, y + 4 + k * 6)] for k in range(4)])
    # six full names a side ("multifidus L1" ... "multifidus S1") beside quadratus lumborum and the
    # buttock left no column for them: S1's strayed to gluteus minimus's row and read as one name
    # with it. The muscle is named once a side, each fan gives its level
    f.groups.append(("multifidus", D))


def hip(f: Figure) -> None:
    """Under gluteus maximus and medius: gluteus minimus, then piriformis and the short rotators one
    under the other (gemellus superior, obturator internus, gemellus inferior, quadratus femoris), each
    sharing its border with the next as a dissection shows them, converging on the trochanter.

    The four bands below piriformis are narrower than their names, and the forearm and the hand hang
    beside the hip: their names go in a column under the buttock, over the upper posterior thigh
    (bare on this sheet, the hamstrings lifted) and the page beside it, top to bottom in the order
    of the muscles, each tied by a short vertical leader to its band; the bands' dots step medially
    from gemellus superior to quadratus femoris, and each name starts just lateral to the leaders of
    the names below it, so that no leader crosses a name."""
    R = f.region
    P = f.p
    pts = {
        # piriformis: upper border (under gluteus minimus laterally), lower border (gemellus superior)
        "pf.0": (30, 912), "pf.1": (70, 920), "pf.g": (88, 925), "pf.2": (120, 934), "pf.3": (162, 948),
        "pf.4": (166, 960), "pf.5": (120, 966), "pf.6": (70, 968), "pf.6b": (54, 967), "pf.7": (32, 962),
        "gmin.1": (86, 872), "gmin.2": (140, 876), "gmin.3": (162, 908),
        # the gemelli and obturator internus: from the ischial spine and tuberosity to the trochanteric
        # fossa, taller at the ischium than at the femur
        "gs.t": (164, 973), "gs.b1": (108, 984), "gs.b0": (54, 984),
        "oi.t": (162, 988), "oi.b1": (108, 1003), "oi.b0": (52, 1003),
        "gi.t": (160, 1003), "gi.b2": (150, 1008), "gi.b1": (108, 1020), "gi.b0": (64, 1022), "gi.m": (54, 1020),
    }
    for n, (dx, y) in pts.items():
        P(n, dx, y, sharp=n in ("pf.3", "pf.4", "gs.t", "oi.t", "gi.t", "pf.6b", "gs.b0", "oi.b0", "gi.m"))
    # on the left its name keeps the place it had (its tap point, where a name over the muscle would
    # have nudged it); on the right it lies over the muscle, clear of the sacrum's levels
    R("gluteus_minimus", D, "gmin.1", "gmin.2", "gmin.3", "pf.3", "pf.2", "pf.g", label=RELEASED["gluteus_minimus"],
      name_hint={"L": (197.7, 918.6)},
      fibres=fibres((86, 872), (140, 876), (100, 924), (162, 946), 5))
    # piriformis: from the front of the sacrum (through the greater sciatic notch) to the trochanter tip
    R("piriformis", D, "pf.0", "pf.1", "pf.g", "pf.2", "pf.3", "pf.4", "pf.5", "pf.6", "pf.6b", "pf.7",
      fibres=[[(28, 912 + k * 7), (96, 944 + k * 2.6), (166, 952 + k * 1.4)] for k in range(8)])
    # (dot x, name row): the dots 11 units apart, from lateral (gemellus superior) to medial
    col = {m: (101 - 11 * k, ROTATOR_NAMES_Y + 25 * k) for k, m in enumerate(
        ("gemellus_superior", "obturator_internus", "gemellus_inferior", "quadratus_femoris"))}

    def name_at(muscle: str) -> tuple[float, float]:
        dot, row = col[muscle]
        width = text_size(muscle.replace("_", " "), SIZE)[0]  # the English name's box
        below = [col[m][0] for m in col if col[m][1] > row]  # the leaders that pass beside this name
        left = (max(below) + 6) if below else dot - 10
        return (left + width / 2, row)

    R("gemellus_superior", D, "pf.6b", "pf.6", "pf.5", "pf.4", "gs.t", "gs.b1", "gs.b0",
      label=(col["gemellus_superior"][0], 976), name_hint=name_at("gemellus_superior"),
      fibres=[[(48, y), (106, y + (997 - y) * 0.1), (166, y + (997 - y) * 0.27)] for y in range(970, 984, 4)])
    R("obturator_internus", D, "gs.b0", "gs.b1", "gs.t", "oi.t", "oi.b1", "oi.b0",
      label=(col["obturator_internus"][0], 994), name_hint=name_at("obturator_internus"),
      fibres=[[(48, y), (106, y + (997 - y) * 0.1), (166, y + (997 - y) * 0.27)] for y in range(986, 1003, 4)])
    R("gemellus_inferior", D, "oi.b0", "oi.b1", "oi.t", "gi.t", "gi.b2", "gi.b1", "gi.b0", "gi.m",
      label=(col["gemellus_inferior"][0], 1012), name_hint=name_at("gemellus_inferior"),
      fibres=[[(48, y), (106, y + (997 - y) * 0.1), (166, y + (997 - y) * 0.27)] for y in range(1006, 1021, 4)])
    # quadratus femoris: ischial tuberosity -> quadrate tubercle, directly under gemellus inferior
    R("quadratus_femoris", D, "gi.b0", "gi.b1", "gi.b2", (156, 1026), (154, 1044), (150, 1060), (108, 1062),
      (66, 1060), (62, 1042), label=(col["quadratus_femoris"][0], 1046),
      name_hint=name_at("quadratus_femoris"),
      fibres=[[(64, y), (110, y), (154, y)] for y in range(1026, 1060, 6)])


def limbs(f: Figure) -> None:
    R = f.region
    P = f.p
    R("biceps_femoris_short_head", D, (118, 1230), (140, 1230), (134, 1380), (118, 1400), (110, 1300),
      fibres=fibres((118, 1230), (140, 1230), (114, 1390), (132, 1380), 3))
    # plantaris: a small belly from the lateral femoral condyle running down and in
    R("plantaris", D, (112, 1396), (124, 1402), (104, 1428), (86, 1440), (80, 1430), (98, 1408),
      fibres=fibres((112, 1394), (124, 1402), (80, 1432), (88, 1442), 3))
    R("popliteus", D, (66, 1450), (118, 1444), (112, 1466), (70, 1482),
      fibres=fibres((118, 1444), (112, 1466), (66, 1452), (70, 1482), 3))
    # under soleus: flexor digitorum longus (tibia, medial), tibialis posterior between it and flexor
    # hallucis longus (fibula, lateral) in the upper leg, its belly narrowing to the tendon that FDL
    # crosses above the medial malleolus; they share their borders
    for n, dx, y in (("tp.t0", 76, 1496), ("tp.t1", 112, 1496), ("tp.b1", 79, 1600), ("tp.b2", 78, 1690),
                     ("tp.c1", 110, 1580), ("tp.c2", 101, 1680), ("tp.tip", 88, 1752)):
        P(n, dx, y, sharp=n in ("tp.t0", "tp.t1", "tp.tip"))
    R("tibialis_posterior", D, "tp.t0", "tp.t1", "tp.c1", "tp.c2", "tp.tip", "tp.b2", "tp.b1",
      fibres=fibres((76, 1496), (112, 1496), (86, 1740), (92, 1748), 3))
    R("flexor_digitorum_longus", D, (58, 1540), (68, 1512), "tp.t0", "tp.b1", "tp.b2", "tp.tip", (74, 1786),
      (62, 1720), (56, 1630), fibres=fibres((58, 1540), (74, 1500), (66, 1776), (80, 1770), 3))
    R("flexor_hallucis_longus", D, (124, 1556), "tp.c1", "tp.c2", "tp.tip", (98, 1774), (114, 1744), (128, 1670),
      (134, 1590), fibres=fibres((112, 1580), (132, 1570), (96, 1768), (108, 1760), 3))
    # supinator: from the lateral epicondyle and the supinator crest of the ulna, wrapping round
    # the upper third of the radius from behind (its lower border curls round the radius)
    R("supinator", D, (250, 767), (276, 770), (292, 792), (297, 824), (290, 846), (276, 826), (262, 808),
      (248, 797), label=RELEASED["supinator"], fibres=fibres((250, 771), (250, 800), (288, 786), (291, 842), 5, bend=-0.05))
    # the deep extensors once the superficial ones are lifted: oblique bellies from the back of
    # the ulna, the interosseous membrane and the radius, running down and out to the thumb (and
    # the index), their tendons converging at the lateral wrist: abductor pollicis longus highest
    # and most lateral (just below supinator), extensor pollicis brevis distal to it, extensor
    # pollicis longus medial to them from the middle of the ulna, extensor indicis lowest and
    # most medial, from the distal ulna to the index
    lines = [[(270, 833), (294, 882), (309, 942)], [(247, 851), (281, 906), (310, 965)],
             [(240, 881), (273, 931), (306, 982)], [(246, 915), (272, 957), (299, 993)],
             [(260, 961), (278, 985), (289, 1001)]]
    for k, line in enumerate(lines):
        for j, (dx, y) in enumerate(line):
            P(f"fx.{k}.{j}", dx, y, sharp=j != 1)
    for k, muscle in enumerate(("abductor_pollicis_longus", "extensor_pollicis_brevis",
                                "extensor_pollicis_longus", "extensor_indicis")):
        a, b = lines[k], lines[k + 1]
        R(muscle, D, *[f"fx.{k}.{j}" for j in range(3)], *[f"fx.{k + 1}.{j}" for j in (2, 1, 0)],
          fibres=[[(a[0][0] + (b[0][0] - a[0][0]) * t, a[0][1] + (b[0][1] - a[0][1]) * t),
                   (a[1][0] + (b[1][0] - a[1][0]) * t, a[1][1] + (b[1][1] - a[1][1]) * t),
                   (a[2][0] + (b[2][0] - a[2][0]) * t, a[2][1] + (b[2][1] - a[2][1]) * t)]
                  for t in (0.2, 0.4, 0.6, 0.8)])


P3 = "paraspinal"


def paraspinal(f: Figure) -> None:
    """The third sheet: under the rhomboids and serratus posterior inferior (see the module text)."""
    R = f.region
    R("serratus_posterior_superior", P3, (58, 356), (76, 360), (114, 404), (118, 440), (108, 484), (96, 484),
      (78, 440), (58, 394), fibres=fibres((54, 356), (56, 396), (114, 404), (104, 486), 6))
    # spinalis beside the spinous processes, longissimus lateral to it, meeting it (semispinalis
    # thoracis lies under the two, on the fourth sheet). The three columns are narrower than their
    # names: iliocostalis and longissimus are named beside the back, lateral to iliocostalis, each
    # by a short level leader (longissimus's across iliocostalis, below the other's name); spinalis
    # under its own column, where the two longissimus columns part below it (a name over the
    # column beside it read as that column's)
    col_x = 100.0  # where the names beside the back start, lateral to iliocostalis

    def beside(muscle: str, y: float) -> tuple[float, float]:
        return (col_x + text_size(muscle.replace("_", " "), SIZE)[0] / 2, y)

    # Spinalis is segmental (T1-T12, docs/atlas-format.md "Levels"): a site beside the spinous
    # process of vertebra X is level X. Its column is narrower than a level's name, so it is not
    # cut into a box per level (twelve names with leaders would cover the back): the tap's height
    # gives the level (`level_rows`), each level from half way above the tip of its spinous
    # process to half way below it. The column runs from beside the T1 spine to the T12 one (it
    # stopped short of both, so a tap there could give neither level).
    R("spinalis", P3, (3, SPINE_ROWS[0][1]), (22, SPINE_ROWS[0][1]), (24, 480), (23, 600), (18, 660),
      (14, THORACIC_TIP["T12"] + 13), (3, THORACIC_TIP["T12"] + 13),
      label=(12, 620), name_hint=(8 + text_size("spinalis", SIZE)[0] / 2, 716), level_rows=SPINE_ROWS,
      fibres=[[(4 + k * 4, 362), (5 + k * 4, 520), (4 + k * 3, 668)] for k in range(5)])
    # Longissimus and iliocostalis thoracis are segmental too, but their levels are not the spines
    # beside them: longissimus's is the transverse process under the tap, iliocostalis's the rib
    # (its angle), each at a height of its own (tools/atlas/thoracic_rows.py: the transverse
    # process of X lies about level with the spine of the vertebra above). Longissimus reaches up
    # beside the vertebra prominens, to the T1 transverse process (its top, below the T1 spine,
    # had left out the T1 row and all but a sliver of T2's), its upper corner clear of
    # iliocostalis cervicis.
    longissimus = [(27, 346), (40, 346), (54, 364), (56, 396), (58, 500), (60, 600), (58, 690), (28, 690),
                   (25, 600), (26, 480)]
    R("longissimus_thoracis", P3, *longissimus, level_rows=within(TRANSVERSE_ROWS, *longissimus),
      label=(42, 604), name_hint=beside("longissimus_thoracis", 604),
      fibres=[[(28 + k * 6, max(350.0, 350 + (28 + k * 6 - 40) * 18 / 14)), (29 + k * 6, 530),
               (30 + k * 5.5, 694)] for k in range(5)])
    iliocostalis = [(62, 404), (78, 438), (92, 484), (94, 600), (90, 700), (64, 700), (62, 560)]
    R("iliocostalis_thoracis", P3, *iliocostalis, level_rows=within(RIB_ANGLE_ROWS, *iliocostalis),
      label=(78, 560), name_hint=beside("iliocostalis_thoracis", 560),
      fibres=[[(63 + k * 6, 400 + k * 10), (66 + k * 6, 560), (66 + k * 5, 704)] for k in range(5)])
    R("iliocostalis_cervicis", P3, (34, 296), (48, 294), (62, 330), (58, 350), (46, 350),
      fibres=fibres((32, 296), (46, 292), (46, 352), (62, 346), 3))


D4 = "deepest"


def under_erector(f: Figure) -> None:
    """The fourth sheet: under spinalis and longissimus thoracis, semispinalis thoracis in the
    thoracic laminar groove over multifidus, one box per level T1-T10 (the lamina of that vertebra,
    just above the tip of its spinous process), fibres rising medially to the spinous processes."""
    for level in [f"T{k}" for k in range(1, 11)]:
        y = THORACIC_TIP[level] - 4
        f.region("semispinalis_thoracis", D4, (5, y - 12), (20, y - 12.5), (34, y - 12), (35, y), (34, y + 12),
                 (20, y + 12.5), (5, y + 12), (4.5, y), tag=level, level=level,
                 fibres=[[(36, y + 4 + j * 7), (20, y - 4 + j * 7), (2, y - 14 + j * 7)] for j in range(-1, 4)])
    # twenty names "semispinalis thoracis T1" ... "T10" filled the back with leaders: the muscle is
    # named once a side, each box gives its level
    f.groups.append(("semispinalis_thoracis", D4))


def deep_regions(f: Figure) -> None:
    paraspinal(f)
    under_erector(f)
    neck_and_scapula(f)
    trunk(f)
    hip(f)
    limbs(f)
