"""The spinal chart's level names on a report's crop of it. The progress report's chart of the
lower back (multifidus L4 to S1) cut the drawing's "L3" at its top edge, half shown, as the
session record's enlargements cut theirs ("C1", slivers of "C2"..."C8" at the left edge, with no
other name for those levels, or "S1" and "S2" at several times the size of the words around
them). A crop prints none of the drawing's level names; it letters every level whose segments
it shows at its left edge, in the size and ink of the words around it."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from imsmap.render.paths import painter_path
from imsmap.report.crop_words import levels_shown
from imsmap.report.layout import Doc
from imsmap.report.progress_charts import CHART_PANEL_MM, HeatChart
from imsmap.report.progress_pdf import load_history
from imsmap.report.session_charts import ChartBlock

DPI = 150.0


def _needle(records, session_id, levels, side="R"):
    for region in records.atlas.view("spinal").regions_on("superficial"):
        if region.muscle == "multifidus" and region.side == side and region.level in levels:
            records.add_site(session_id, "spinal", *region.label, layer="superficial", grasp=2)


def _page(width: float, height: float) -> tuple[QImage, QPainter, Doc]:
    image = QImage(round(width), round(height), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    return image, painter, Doc(image, DPI)


def _to_page(frame: QRectF, rect: QRectF) -> QTransform:
    """A crop's view units to the page, as the reports place a crop in its panel (top left)."""
    k = min(rect.width() / frame.width(), rect.height() / frame.height())
    return (QTransform.fromTranslate(-frame.x(), -frame.y()) * QTransform.fromScale(k, k)
            * QTransform.fromTranslate(rect.x(), rect.y()))


def _ink(image: QImage, d: str, to_page: QTransform, clip: QRectF) -> np.ndarray:
    """The colours of ``image`` where the level name of path data ``d`` puts its ink, inside
    ``clip`` (page units)."""
    mask = QImage(image.size(), QImage.Format.Format_Grayscale8)
    mask.fill(0)
    p = QPainter(mask)
    p.setClipRect(clip)
    p.setTransform(to_page)
    p.fillPath(painter_path(d), QColor(255, 255, 255))
    p.end()
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    px = np.frombuffer(rgb.constBits(), np.uint8, rgb.sizeInBytes()).reshape(
        h, rgb.bytesPerLine())[:, :w * 3].reshape(h, w, 3)
    m = np.frombuffer(mask.constBits(), np.uint8, mask.sizeInBytes()).reshape(
        h, mask.bytesPerLine())[:, :w]
    return px[m > 200].astype(float)


def _mean(px: np.ndarray) -> np.ndarray:
    return px.mean(axis=0) if len(px) else np.zeros(3)


def _assert_named_at_the_edge_only(chart, image: QImage, frame: QRectF, rect: QRectF) -> None:
    """In the crop ``frame`` painted in ``rect``: where a level name of the drawing would put
    its ink, the crop shows what lies around it (no lettering), and each level whose segments
    it shows is lettered at its left edge, level with them."""
    names = [d for d in chart.view.details if d.kind == "label"
             and chart.box(d.d).intersects(frame)]
    assert names, "the crop reaches no level name: nothing to test"
    to_page = _to_page(frame, rect)
    for d in names:
        box = to_page.mapRect(chart.box(d.d)).intersected(rect)
        ink = _ink(image, d.d, to_page, rect)
        if len(ink) < 4:
            continue
        around = _box_pixels(image, box)
        assert np.abs(_mean(ink) - _mean(around)).sum() < 45, (chart.box(d.d), _mean(ink),
                                                              _mean(around))
    shown = levels_shown(chart, frame)
    assert shown
    k = to_page.m11()
    for level, y in shown:  # the edge's lettering: the darkest ink of a word there
        py = rect.y() + (y - frame.y()) * k
        edge = QRectF(rect.x(), py - DPI / 25.4 * 1.2, DPI / 25.4 * 6, DPI / 25.4 * 2.4)
        assert _box_pixels(image, edge).sum(axis=1).min() < 3 * 0x70, level


def _box_pixels(image: QImage, box: QRectF) -> np.ndarray:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    h, w = image.height(), image.width()
    px = np.frombuffer(rgb.constBits(), np.uint8, rgb.sizeInBytes()).reshape(
        h, rgb.bytesPerLine())[:, :w * 3].reshape(h, w, 3)
    x0, y0 = max(0, int(box.left())), max(0, int(box.top()))
    x1, y1 = min(w, int(box.right()) + 1), min(h, int(box.bottom()) + 1)
    return px[y0:y1, x0:x1].reshape(-1, 3).astype(float)


def test_the_progress_crop_names_its_levels_at_its_edge_only(qapp, records, patient):
    start = datetime(2026, 9, 23, 9, 0)
    for i in range(4):  # four weekly visits, multifidus L4 to S1 on both sides
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * i))
        _needle(records, s.id, ("L4", "L5", "S1"), "R")
        _needle(records, s.id, ("L4", "L5", "S1"), "L")
    _patient, history = load_history(records, patient.id)
    chart = HeatChart(records, history, "spinal",
                      [x for sid in history.ids for x in history.sites_of(sid)])
    # a panel of a row of two on A4 (180 mm wide), as HeatChartRow lays it out
    rect = QRectF(0, 0, DPI / 25.4 * (180.0 - 5.0) / 2, DPI / 25.4 * CHART_PANEL_MM)
    crop, heat = chart.prepare(rect.width() / rect.height())
    image, painter, doc = _page(rect.width(), rect.height())
    chart.paint(doc, painter, rect, crop, heat, 5.0)
    painter.end()
    _assert_named_at_the_edge_only(chart.chart, image, QRectF(*crop), rect)


def test_a_session_enlargement_names_its_levels_at_its_edge_only(qapp, records, session):
    """Multifidus from C4 to C6 on the left (the demo's session 12): an enlargement of the neck
    beside the whole chart, its frame across the drawing's level names."""
    _needle(records, session.id, ("C4", "C5", "C6"), "L")
    sites = list(records.read.sites_for_session(session.id))
    image, painter, doc = _page(DPI / 25.4 * 180, DPI / 25.4 * 140)
    block = ChartBlock(records, "spinal", "superficial", sites)
    overview, panels = block.layout(doc, 0.0, 0.0, doc.mm(180))
    assert overview is not None and panels
    block.paint(doc, painter, 0.0, 0.0, doc.mm(180))
    painter.end()
    tested = 0
    for p in panels:
        frame = QRectF(*p.crop)
        labels = [block.chart.box(d.d) for d in block.view.details if d.kind == "label"]
        if any(b.intersects(frame) for b in labels):
            _assert_named_at_the_edge_only(block.chart, image, frame, p.rect)
            tested += 1
    assert tested, [p.crop for p in panels]


def test_a_session_enlargement_of_the_suboccipital_muscles_names_c1(qapp, records, session):
    """The suboccipital muscles (rectus capitis posterior minor and major) are at C1 on the
    spinal chart, which letters "C1" beside them, but their regions carry no level: the
    enlargement of a site on them lettered C2 and not C1. Their nerve's one root (C1) is it."""
    view = records.atlas.view("spinal")
    for region in view.regions_on("superficial"):
        if region.muscle == "rectus_capitis_posterior_major" and region.side == "L":
            records.add_site(session.id, "spinal", *region.label, layer="superficial",
                             muscle_id=region.muscle, side=region.side, grasp=2)
    _needle(records, session.id, ("C2",), "L")
    sites = list(records.read.sites_for_session(session.id))
    image, painter, doc = _page(DPI / 25.4 * 180, DPI / 25.4 * 140)
    block = ChartBlock(records, "spinal", "superficial", sites)
    overview, panels = block.layout(doc, 0.0, 0.0, doc.mm(180))
    assert overview is not None and panels
    block.paint(doc, painter, 0.0, 0.0, doc.mm(180))
    painter.end()
    lettered = [[level for level, _ in block.levels_beside(p)] for p in panels]
    assert any("C1" in levels and "C2" in levels for levels in lettered), lettered
    for p in panels:
        frame, levels = QRectF(*p.crop), dict(block.levels_beside(p))
        if "C1" not in levels:
            continue
        # drawn at the edge, level with the muscles (as the other levels)
        to_page = _to_page(frame, p.rect)
        py = p.rect.y() + (levels["C1"] - frame.y()) * to_page.m11()
        edge = QRectF(p.rect.x(), py - DPI / 25.4 * 1.2, DPI / 25.4 * 6, DPI / 25.4 * 2.4)
        assert _box_pixels(image, edge).sum(axis=1).min() < 3 * 0x70
