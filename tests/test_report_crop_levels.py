"""The spinal chart's level names on a report's crop of it. The progress report's chart of the
lower back (multifidus L4 to S1) cut the drawing's "L3" at its top edge, half shown, as the
session record's enlargements cut theirs ("C1", slivers of "C2"..."C8" at the left edge, with no
other name for those levels). A crop shows a level name whole or not at all; a level whose
segments it shows without their name is lettered at its edge."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from imsmap.render.paths import painter_path
from imsmap.report.crop_words import levels_shown, levels_unnamed
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


def _assert_whole_or_none(chart, image: QImage, frame: QRectF, rect: QRectF) -> None:
    """In the crop ``frame`` painted in ``rect``: the names whole in it are there (their ink one
    colour, the lettering's), the names its frame cuts are not (their ink's place shows what
    lies under them), and every level whose segments it shows has its name whole on the
    drawing or lettered at the edge (levels_unnamed)."""
    details = [d for d in chart.view.details if d.kind == "label"]
    boxes = [chart.box(d.d) for d in details]
    cut = [d for d, b in zip(details, boxes) if b.intersects(frame) and not frame.contains(b)]
    whole = [d for d, b in zip(details, boxes) if frame.contains(b)]
    assert cut and whole, "the crop cuts no level name: nothing to test"
    to_page = _to_page(frame, rect)
    inked = np.concatenate([_ink(image, d.d, to_page, rect) for d in whole])
    colour = np.median(inked, axis=0)

    def lettered(px: np.ndarray) -> float:
        return float((np.abs(px - colour).sum(axis=1) < 40).mean())

    assert lettered(inked) > 0.6, colour
    for d in cut:
        ink = _ink(image, d.d, to_page, rect)
        assert len(ink) == 0 or lettered(ink) < 0.25, (chart.box(d.d), lettered(ink))
    edge = {level for level, _y in levels_unnamed(chart, frame)}
    for level, y in levels_shown(chart, frame):
        on_drawing = any(abs(chart.box(d.d).center().y() - y) < 12 for d in whole)
        assert on_drawing or level in edge, level


def test_the_progress_crop_shows_level_names_whole_or_not_at_all(qapp, records, patient):
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
    _assert_whole_or_none(chart.chart, image, QRectF(*crop), rect)


def test_a_session_enlargement_shows_level_names_whole_or_not_at_all(qapp, records, session):
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
        if any(b.intersects(frame) and not frame.contains(b) for b in labels) and \
                any(frame.contains(b) for b in labels):
            _assert_whole_or_none(block.chart, image, frame, p.rect)
            tested += 1
    assert tested, [p.crop for p in panels]
