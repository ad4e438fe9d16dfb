"""The shoulder of the lateral deep sheets: the scapula and the proximal humerus under the rotator cuff.

Right lateral view coordinates, as lateral.py (x forwards, y down; the left view is its mirror).
The arm is lifted off the deep sheet, but the scapula stays on the back of the chest with the
humerus cut below its surgical neck, so that the cuff lies where a needle finds it:

- The scapula is seen from the side and behind, foreshortened (its plane turns about 35 degrees
  forwards from the coronal plane): the superior angle at the base of the neck over rib 2, the
  medial border just in front of the back's outline, over the erector spinae, the inferior angle
  over rib 7, level with its angle (RIB_ANGLE_Y["T7"], 534; the posterior sheets' T7 spinous tip
  is 528), the clinical landmark (until 2026.12.9 it lay at 572-576, between the angles of ribs 8
  and 9), the lateral border rising forwards to the infraglenoid tubercle under the humeral head, the coracoid reaching forwards under the
  clavicle. Its spine and acromion are a bone detail (lateral.details), subcutaneous, between the
  supraspinous and infraspinous fossae; the acromion roofs the humeral head.
- The humerus: the head under the acromion, the greater tubercle facing the viewer (the arm hangs
  in neutral rotation), the neck and the top of the shaft, cut below the surgical neck.
- The cuff (Gray's, Moore): supraspinatus fills the supraspinous fossa above the spine and runs
  under the acromion to the superior facet of the greater tubercle; infraspinatus fills the
  infraspinous fossa below the spine and converges forwards over the back of the head to the
  middle facet; teres minor arises along the upper two thirds of the lateral border and runs up
  and forwards to the inferior facet.
- Teres major, below teres minor: from the dorsal surface of the inferior angle and the lower third
  of the lateral border, up and forwards over the chest wall to the medial lip of the
  intertubercular groove, on the front of the humerus just below the lesser tubercle. That lip
  faces away from the viewer, so the muscle passes behind the humeral shaft and shows up to its
  posterior border at the level of the surgical neck; its thick lower border is the lower edge of
  the posterior axillary fold (with latissimus dorsi, lifted off on this sheet). Between it and
  teres minor, at the humerus, the long head of triceps (lifted with the arm) and the
  quadrangular space. Its lower border lies against the chest wall (the catalogue's caution).

Bones are ``underlay`` details (drawn under the muscles, which lie on them), listed after the ribs
so that the scapula lies over them. ``uncovered(poly)`` leaves out of a space of the chest wall what
the scapula, the humerus and teres major hide: the intercostal spaces behind them are not drawn,
and the erector spinae column shows behind the medial border only.
"""

from __future__ import annotations

from pathkit import Figure, fibres

from imsmap.atlas import geometry

D = "deep"
BACK_COLUMN_X = 340.0  # the centre of the cuff muscles' names, behind the back

# the scapula's outline: superior border and coracoid forwards, the neck under the humeral head,
# the lateral border down to the inferior angle, the medial border back up
# (the body of the scapula below the neck, 440, was drawn 30% shorter in 2026.12.9, to bring the
# inferior angle up to rib 7 at its angle; the muscles on the scapula below that height with it)
SCAPULA = [(448, 373), (463, 375), (478, 379), (486, 384), (492, 385), (508, 388), (523, 394), (532, 401),
           (529, 408), (515, 406), (500, 405), (489, 412), (484, 430), (482, 441), (476, 461), (470, 486),
           (464, 511), (460, 528), (456, 534), (451, 530), (443, 498), (438, 468), (436, 440), (438, 404),
           (442, 385)]
INFERIOR_ANGLE = (456, 534)  # the lowest point of the bone, over rib 7 at its angle
# the medial border and the inferior angle, from the top down (the erector shows behind it; the
# iliocostalis column behind it starts at 470, as before 2026.12.9: its rows are T5-T12)
MEDIAL_BORDER = [(438, 470), (443, 498), (450, 520.5), (458, 537)]
# the proximal humerus: head under the acromion, greater tubercle in front, neck, the shaft cut
HUMERUS = [(486, 401), (494, 396), (504, 395), (514, 398), (521, 405), (524, 416), (522, 428), (517, 440),
           (515, 452), (515, 461), (502, 459), (490, 457), (489, 451), (485, 444),
           (479, 435), (476, 421), (479, 408)]
GREATER_TUBERCLE = [(506, 398), (515, 400), (520, 408), (522, 419), (518, 431), (511, 437), (507, 426),
                    (505, 411)]
# teres minor's lower border, from the humerus down the lateral border of the scapula: teres major
# shares its lower part, below the point where the two part at the humerus (the quadrangular space)
TERES_MINOR_LOWER = [("tmi.1", 503, 428), ("tmi.2", 495, 437), ("tmi.3", 481, 448.5), ("tmi.4", 475, 465),
                     ("tmi.5", 469, 485), ("tmi.6", 463, 504), ("tmi.7", 458, 512)]
# teres major in front of and below it: the upper border leaves teres minor at the lateral border to
# reach the back of the humeral shaft at the surgical neck, the tendon goes behind the shaft (to the
# medial lip of the groove), the thick lower border (the posterior axillary fold) bulges forwards
# over the chest wall down to the inferior angle, and the muscle covers the dorsal surface of the
# angle up to the medial border (the erector shows behind it)
TERES_MAJOR_FRONT = [("tmj.u", 482, 462), ("tmj.h1", 488, 452), ("tmj.h2", 493, 464), ("tmj.l1", 499, 470.5),
                     ("tmj.l2", 497, 489), ("tmj.l3", 488, 509), ("tmj.l4", 475, 527)]
TERES_MAJOR_BACK = [(458, 537), (450, 520.5), (449, 517)]  # the inferior angle, up the medial border
# the line between infraspinatus and teres minor, from the back of the humeral head down towards
# the inferior angle; its lowest point meets teres major
CUFF_BORDER = [("tm.1", 494, 421), ("tm.2", 484, 430), ("tm.3", 472, 446.5), ("tm.4", 462, 466),
               ("tm.5", 455, 490), ("tm.6", 451, 508.5)]


def _teres_major_outline() -> list[tuple[float, float]]:
    """Teres major's outline as straight lines (what it hides of the chest wall)."""
    lower = [(x, y) for _, x, y in TERES_MINOR_LOWER[3:]]
    return (list(reversed(lower)) + [(x, y) for _, x, y in TERES_MAJOR_FRONT] + TERES_MAJOR_BACK
            + [CUFF_BORDER[-1][1:]])


# the spine of the scapula and the acromion (drawn over the muscles, lateral.details): from the
# root at the medial border up and forwards to the acromion, whose tip roofs the humeral head
SPINE = [(492, 384), (470, 392), (444, 404), (446, 410), (472, 400), (494, 392), (504, 392), (509, 388),
         (504, 384)]


def uncovered(poly: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The largest part of a closed polygon of the chest wall (an intercostal space) that the
    scapula and the humerus leave in sight, as a closed polygon (thinned to a few units a point)."""
    from PySide6.QtCore import QPointF  # noqa: PLC0415
    from PySide6.QtGui import QPainterPath, QPolygonF  # noqa: PLC0415

    def path(pts) -> QPainterPath:
        p = QPainterPath()
        p.addPolygon(QPolygonF([QPointF(x, y) for x, y in pts]))
        p.closeSubpath()
        return p

    bones = path(SCAPULA).united(path(HUMERUS)).united(path(_teres_major_outline()))
    left = path(poly).subtracted(bones)
    parts = [[(round(pt.x(), 1), round(pt.y(), 1)) for pt in part] for part in left.toFillPolygons()]
    best = max(parts, key=lambda pts: abs(geometry.area(pts)))
    if best[0] == best[-1]:
        best.pop()
    out = [best[0]]
    for pt in best[1:]:
        if abs(pt[0] - out[-1][0]) + abs(pt[1] - out[-1][1]) >= 1.5:
            out.append(pt)
    return out


def shoulder(f: Figure) -> None:
    """The bones (underlay), the three cuff muscles on them and teres major below them."""
    R = f.region
    f.detail("underlay", SCAPULA, closed=True, mirror=False)
    f.detail("underlay", HUMERUS, closed=True, mirror=False)
    f.detail("underlay", GREATER_TUBERCLE, closed=True, mirror=False)
    # shared borders: the spine's centre line (under the bone), and the line between infraspinatus and
    # teres minor from the back of the humeral head down towards the inferior angle
    P = f.p
    for n, x, y in (("sc.root", 445, 408), ("sc.s1", 458, 402), ("sc.s2", 471, 397), ("sc.s3", 484, 393),
                    ("sc.s4", 492, 399), ("sc.s5", 502, 404), ("cuff.is", 506, 409), ("cuff.tm", 504, 417)):
        P(n, x, y)
    for n, x, y in CUFF_BORDER + TERES_MINOR_LOWER + TERES_MAJOR_FRONT:
        P(n, x, y)
    P("is.tip", *TERES_MAJOR_BACK[-1])  # infraspinatus's lowest point, on the medial border above the angle
    lower = [n for n, _, _ in TERES_MINOR_LOWER]
    spine = ["sc.root", "sc.s1", "sc.s2", "sc.s3", "sc.s4", "sc.s5"]
    tm_border = [n for n, _, _ in CUFF_BORDER]
    # supraspinatus: the supraspinous fossa, then under the acromion to the top of the greater tubercle
    # their names in a column behind the back, tied by leaders (the muscles are narrow in this view)
    R("supraspinatus", D, (443, 392), (448, 378), (462, 379), (476, 383), (486, 387), (496, 390), (505, 395),
      (512, 399), (511, 405), *reversed(spine),
      fibres=[[(446 + j * 2, 382 + j * 4.5), (478, 386 + j * 3.2), (510, 398 + j * 1.3)] for j in range(5)],
      label=(456, 390), name_hint=(BACK_COLUMN_X, 384))
    # infraspinatus: the infraspinous fossa below the spine, converging forwards to the middle facet
    R("infraspinatus", D, *spine, "cuff.is", "cuff.tm", *tm_border, "is.tip", (443, 498), (439, 468),
      (437, 440), (440, 420),
      fibres=[[(440 + j * 1.5, 418 + j * 17), (462 + j * 4, 420 + j * 8), (504, 405 + j * 2.2)] for j in range(6)],
      label=(450, 440), name_hint=(BACK_COLUMN_X, 430))
    # teres minor: along the lateral border, up and forwards to the inferior facet
    R("teres_minor", D, "cuff.tm", *lower, *reversed(tm_border),
      fibres=[[(453 + j * 3.5, 504 - j * 2), (466 + j * 3, 463), (500 - j * 1, 420 + j * 3)] for j in range(4)],
      label=(466, 472), name_hint=(BACK_COLUMN_X, 474))
    # teres major: under teres minor, from the inferior angle up and forwards to the humerus (see the
    # module text); its name in the column behind the back, below the cuff's, its leader from the
    # middle of the muscle, above the inferior angle
    R("teres_major", D, "is.tip", "tm.6", *reversed(lower[3:]), *[n for n, _, _ in TERES_MAJOR_FRONT],
      *TERES_MAJOR_BACK[:2],
      fibres=fibres((449, 519), (458, 535), (484, 455), (493, 466), 5, bend=0.03),
      label=(472, 508), name_hint=(BACK_COLUMN_X, 524))
