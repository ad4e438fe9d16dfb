"""Deep posterior layer: the muscles under trapezius, deltoid, latissimus, erector spinae, glutes, calf.

Shapes are drawn in place over their bones (scapula, sacrum, lumbar spine, femur); they do not tile
the figure, they only must not overlap one another. Lumbar multifidus is split by level.
"""

from __future__ import annotations

from pathkit import Figure, fibres

D = "deep"

# vertebral level centres (y) in the body views: T12 at 665, L4 at the iliac crests (~830)
LUMBAR = {"L1": 697, "L2": 731, "L3": 765, "L4": 799, "L5": 835, "S1": 872}


def deep_regions(f: Figure) -> None:
    R = f.region
    R("semispinalis_capitis", D, (4, 250), (26, 252), (34, 296), (30, 338), (6, 340),
      fibres=fibres((4, 340), (30, 336), (6, 250), (26, 252), 4))
    R("levator_scapulae", D, (38, 268), (48, 270), (54, 312), (84, 388), (72, 396), (52, 352), (42, 314),
      (36, 288), fibres=fibres((38, 268), (48, 270), (72, 396), (84, 388), 3))
    R("supraspinatus", D, (88, 398), (110, 386), (146, 377), (182, 376), (194, 385), (152, 396), (112, 406),
      (90, 414), fibres=fibres((90, 392), (92, 412), (190, 378), (192, 386), 4))
    R("rhomboid_minor", D, (6, 352), (70, 398), (74, 420), (8, 376),
      fibres=fibres((6, 352), (8, 376), (70, 398), (74, 420), 3))
    R("rhomboid_major", D, (8, 384), (75, 428), (90, 530), (97, 560), (8, 486),
      fibres=fibres((8, 384), (8, 486), (75, 428), (97, 560), 6))
    R("quadratus_lumborum", D, (40, 672), (92, 676), (98, 760), (92, 842), (62, 852), (44, 780),
      fibres=fibres((40, 672), (92, 676), (50, 850), (92, 842), 5))
    for level, y in LUMBAR.items():
        R("multifidus", D, (4, y - 16), (30, y - 16), (32, y + 16), (4, y + 16), tag=level, level=level,
          fibres=[[(4, y + 14), (16, y), (30, y - 14)]])
    R("gluteus_minimus", D, (86, 872), (140, 878), (162, 915), (152, 940), (120, 926), (92, 900),
      fibres=fibres((86, 872), (140, 878), (120, 926), (156, 936), 5))
    R("piriformis", D, (26, 932), (70, 942), (130, 958), (166, 968), (162, 986), (122, 980), (62, 976), (24, 968),
      fibres=fibres((26, 932), (24, 968), (166, 968), (162, 986), 3))
    R("quadratus_femoris", D, (70, 1010), (150, 1010), (150, 1034), (72, 1034),
      fibres=fibres((70, 1010), (72, 1034), (150, 1010), (150, 1034), 3))
    R("biceps_femoris_short_head", D, (118, 1230), (140, 1230), (134, 1380), (118, 1400), (110, 1300),
      fibres=fibres((118, 1230), (140, 1230), (114, 1390), (132, 1380), 3))
    R("popliteus", D, (66, 1446), (118, 1440), (112, 1462), (70, 1478),
      fibres=fibres((66, 1446), (70, 1478), (118, 1440), (112, 1462), 3))
    R("tibialis_posterior", D, (78, 1500), (112, 1500), (108, 1640), (92, 1740), (80, 1650),
      fibres=fibres((78, 1500), (112, 1500), (86, 1740), (96, 1730), 3))
    R("flexor_digitorum_longus", D, (56, 1560), (72, 1520), (76, 1660), (66, 1770), (56, 1700),
      fibres=fibres((56, 1560), (72, 1520), (60, 1760), (70, 1770), 3))
    R("flexor_hallucis_longus", D, (118, 1560), (134, 1580), (120, 1700), (104, 1760), (110, 1650),
      fibres=fibres((118, 1560), (134, 1580), (104, 1760), (114, 1740), 3))
    R("supinator", D, (248, 764), (272, 772), (284, 820), (266, 842), (250, 804),
      fibres=fibres((248, 764), (272, 772), (254, 820), (272, 840), 3))
