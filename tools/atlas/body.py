"""The adult figure shared by the anterior and posterior charts: proportions and silhouette.

Half coordinates (dx from the midline, y down) for the patient's right half. The figure is about
eight heads tall (head 231 units; vertex y=75, chin ~306, nipples ~540, navel ~770, pubis ~1000,
knee joint ~1420, soles ~1930), standing in the anatomical position with the arms slightly away from
the trunk so that every muscle of the arm can be reached.
"""

from __future__ import annotations

from pathkit import Figure

# Silhouette of the right half, from the vertex round the right side to the pubis.
OUTLINE = [
    ("o.vertex", 0, 75), ("o.head1", 44, 83), ("o.head2", 71, 110), ("o.head3", 82, 152),
    ("o.temple", 82, 195), ("o.ear", 83, 214), ("o.cheek", 74, 240), ("o.jaw", 60, 264),
    ("o.neck1", 52, 290), ("o.neckbase", 66, 323), ("o.trap1", 104, 341), ("o.trap2", 150, 358),
    ("o.acrom", 198, 382), ("o.delt1", 229, 401), ("o.delt2", 246, 436), ("o.delt3", 253, 485),
    ("o.delt4", 254, 535), ("o.deltins", 252, 582), ("o.arm1", 256, 630), ("o.arm2", 263, 690),
    ("o.elbowL", 276, 745), ("o.fa1", 295, 792), ("o.fa2", 306, 852), ("o.fa3", 311, 922),
    ("o.wristL", 320, 995),
    # hand, palm towards the viewer in the anterior chart, thumb lateral
    ("o.thenar", 337, 1030), ("o.thumb1", 352, 1062), ("o.thumbtip", 361, 1106), ("o.thumb2", 351, 1122),
    ("o.web", 338, 1098), ("o.idx1", 340, 1134), ("o.idxtip", 335, 1190), ("o.fing", 318, 1213),
    ("o.midtip", 300, 1220), ("o.ring", 282, 1210), ("o.little", 268, 1186), ("o.hypo", 262, 1122),
    ("o.hypo2", 261, 1052),
    ("o.wristM", 268, 1000), ("o.fam3", 240, 932), ("o.fam2", 216, 852), ("o.fam1", 205, 792),
    ("o.elbowM", 198, 745), ("o.armM2", 190, 690), ("o.armM1", 180, 612), ("o.armM0", 170, 550),
    ("o.axilla", 160, 504),
    ("o.chest1", 152, 530), ("o.chest2", 148, 566), ("o.rib", 143, 630), ("o.flank", 136, 690),
    ("o.waist", 130, 745), ("o.hip1", 136, 805), ("o.crest", 151, 860), ("o.hip2", 165, 920),
    ("o.troch", 173, 980), ("o.th1", 173, 1040), ("o.th15", 171, 1085), ("o.th2", 167, 1130),
    ("o.th3", 158, 1200), ("o.th4", 147, 1290), ("o.knee1", 140, 1360), ("o.kneeL", 136, 1420),
    ("o.fibhead", 139, 1455), ("o.calfL1", 147, 1512), ("o.calfL2", 146, 1575), ("o.calfL3", 135, 1660),
    ("o.legL", 120, 1750), ("o.malL", 114, 1832),
    ("o.foot1", 123, 1868), ("o.foot2", 128, 1898), ("o.toe5", 120, 1922), ("o.toes", 88, 1934),
    ("o.toe1", 52, 1930), ("o.footM", 44, 1898),
    ("o.malM", 50, 1832), ("o.legM1", 54, 1770), ("o.legM2", 53, 1700), ("o.legM3", 50, 1630),
    ("o.calfM", 46, 1560), ("o.calfM0", 43, 1495), ("o.kneeM", 38, 1440), ("o.kneeM0", 34, 1395),
    ("o.vm", 31, 1335), ("o.thM1", 24, 1250), ("o.thM15", 19, 1205), ("o.thM2", 14, 1150),
    ("o.thM3", 8, 1065), ("o.crotch", 3, 1012), ("o.pubis", 0, 1006),
]

SHARP = {"o.axilla", "o.crotch", "o.web", "o.thumb2", "o.pubis", "o.wristL", "o.wristM"}


def new_figure(name: str) -> Figure:
    fig = Figure(name)
    for n, dx, y in OUTLINE:
        fig.p(n, dx, y, sharp=n in SHARP)
    fig.chain("outline", *[n for n, _, _ in OUTLINE])
    fig.outline_chain = "outline"
    return fig


def out(fig: Figure, a: str, b: str) -> list[str]:
    """The outline between two of its points (inclusive), in the order a -> b."""
    return fig.run("outline", a, b)


def hand_details(fig: Figure, palm: bool) -> None:
    """Finger separations and creases, drawn as contour lines."""
    for x0, y0, x1, y1 in ((326, 1132, 330, 1200), (309, 1138, 310, 1214), (291, 1136, 290, 1206),
                           (275, 1130, 273, 1186)):
        fig.detail("contour", [(x0, y0), ((x0 + x1) / 2 + 1, (y0 + y1) / 2), (x1, y1)])
    if palm:
        fig.detail("contour", [(336, 1040), (318, 1070), (312, 1100), (320, 1125)])  # thenar crease
        fig.detail("contour", [(264, 1100), (290, 1104), (320, 1096), (336, 1092)])  # distal crease
    else:
        for x in (330, 312, 293, 276):
            fig.detail("contour", [(x, 1118), (x + 2, 1124)])  # knuckles


def foot_details(fig: Figure, front: bool) -> None:
    if front:
        for x in (62, 78, 94, 108):
            fig.detail("contour", [(x, 1906), (x + 1, 1930)])
    else:
        fig.detail("contour", [(62, 1860), (80, 1900), (102, 1906), (112, 1870)])  # heel pad
