"""The session record's enlargements light the muscle needled on the side (and at the level) it
was needled, not the muscle on both sides. A session with rectus femoris needled on the right
printed both thighs' rectus femoris in the needled colour, pectoralis major on the left printed
both chests, and multifidus L4 left and L5 right printed multifidus L3 to S1 on both sides: a
reader of the PDF saw muscles lit that nobody needled. The window lights a site's muscle on its
side at its level (its selection); the report now lights the same parts."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from imsmap.render.paths import painter_path
from imsmap.report.layout import Doc
from imsmap.report.print_chart import PRINT_STYLE
from imsmap.report.session_charts import ChartBlock

DPI = 150.0


def _region(records, view_id, muscle, side, level=None):
    for r in records.atlas.view(view_id).regions:
        if r.muscle == muscle and r.side == side and r.level == level and r.layer == "superficial":
            return r
    raise AssertionError(f"no region {view_id} {muscle} {side} {level}")


def _painted(records, session_id, view_id):
    """The chart block of ``view_id`` painted on an image: (image, its panels)."""
    sites = [s for s in records.read.sites_for_session(session_id) if s.view_id == view_id]
    image = QImage(1200, 1000, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    doc = Doc(image, DPI)
    block = ChartBlock(records, view_id, "superficial", sites)
    width = doc.mm(180)
    block.paint(doc, painter, 0.0, 0.0, width)
    painter.end()
    _over, panels = block.layout(doc, 0.0, 0.0, width)
    return image, panels


def _lit_share(image: QImage, panels, region) -> tuple[float, int]:
    """The share of the region's pixels, in the enlargements that show it, painted in the
    needled colour; and how many pixels of it they show."""
    mask = QImage(image.size(), QImage.Format.Format_Grayscale8)
    mask.fill(0)
    p = QPainter(mask)
    for panel in panels:
        cx, cy, _cw, _ch = panel.crop
        k = panel.scale
        p.setClipRect(panel.rect)
        p.setTransform(QTransform.fromTranslate(-cx, -cy) * QTransform.fromScale(k, k)
                       * QTransform.fromTranslate(panel.rect.x(), panel.rect.y()))
        p.fillPath(painter_path(region.d), QColor(255, 255, 255))
    p.end()
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    px = np.frombuffer(rgb.constBits(), np.uint8, rgb.sizeInBytes()).reshape(
        h, rgb.bytesPerLine())[:, :w * 3].reshape(h, w, 3).astype(float)
    m = np.frombuffer(mask.constBits(), np.uint8, mask.sizeInBytes()).reshape(
        h, mask.bytesPerLine())[:, :w]
    inside = px[m > 200]
    lit = QColor(PRINT_STYLE.highlight_fill)
    target = np.array([lit.red(), lit.green(), lit.blue()], float)
    close = np.abs(inside - target).max(axis=1) < 24
    return (float(close.mean()) if len(inside) else 0.0), len(inside)


def test_a_limb_muscle_is_lit_on_the_side_needled_only(qapp, records, session):
    right = _region(records, "anterior", "rectus_femoris", "R")
    left = _region(records, "anterior", "rectus_femoris", "L")
    records.add_site(session.id, "anterior", *right.label, layer="superficial", grasp=2)
    # a site on the left thigh too, so that the enlargement shows both thighs
    adductor = _region(records, "anterior", "adductor_longus", "L")
    records.add_site(session.id, "anterior", *adductor.label, layer="superficial", grasp=1)
    image, panels = _painted(records, session.id, "anterior")
    share_right, _n = _lit_share(image, panels, right)
    share_left, shown = _lit_share(image, panels, left)
    assert share_right > 0.3, "the needled muscle is not lit: nothing to compare"
    assert shown > 200, "the enlargement does not show the left rectus femoris"
    assert share_left < 0.02, f"the left rectus femoris is lit ({share_left:.0%}), not needled"


def test_a_paraspinal_site_lights_its_own_level_and_side(qapp, records, session):
    l5_right = _region(records, "spinal", "multifidus", "R", "L5")
    records.add_site(session.id, "spinal", *l5_right.label, layer="superficial", grasp=2)
    l4_left = _region(records, "spinal", "multifidus", "L", "L4")
    records.add_site(session.id, "spinal", *l4_left.label, layer="superficial", grasp=0)
    image, panels = _painted(records, session.id, "spinal")
    for needled in (l5_right, l4_left):
        share, _n = _lit_share(image, panels, needled)
        assert share > 0.3, f"{needled.id} needled but not lit"
    for other in (("L", "L5"), ("R", "L4"), ("R", "L3"), ("L", "S1")):
        region = _region(records, "spinal", "multifidus", *other)
        share, shown = _lit_share(image, panels, region)
        assert shown > 200, f"{region.id} not in the enlargement"
        assert share < 0.02, f"{region.id} lit ({share:.0%}) but not needled"
