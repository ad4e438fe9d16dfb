"""The progress report's charts say each grade of the latest session without colour: printed
in black and white (many clinics do), or read by someone who does not tell the grades' colours
apart, a marker's grey alone did not say its grade. These charts print no site numbers, so the
latest session's markers carry their grade written in them (the earlier sessions' markers, and
the key's grades, its pips: tests/test_render_grade_pips.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QTransform

from imsmap.render.style import grey_level
from imsmap.report.layout import Doc
from imsmap.report.progress_charts import CHART_PANEL_MM, PRINT_STYLE, HeatChart
from imsmap.report.progress_pdf import load_history

DPI = 200.0


def _grey(image: QImage) -> np.ndarray:
    g = image.convertToFormat(QImage.Format.Format_Grayscale8)
    h, w = g.height(), g.width()
    return np.frombuffer(g.constBits(), np.uint8, g.sizeInBytes()).reshape(
        h, g.bytesPerLine())[:, :w].astype(float)


def test_the_latest_sessions_markers_carry_their_grade_in_grey(qapp, records, patient):
    posterior = records.atlas.view("posterior")
    regions = [r for r in posterior.regions_on("superficial") if r.area > 3000][:4]
    start = datetime(2026, 9, 23, 9, 0)
    for i in range(2):
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * i))
        for grade, region in enumerate(regions):
            records.add_site(s.id, "posterior", *region.label, layer="superficial",
                             grasp=grade)
    _patient, history = load_history(records, patient.id)
    chart = HeatChart(records, history, "posterior",
                      [x for sid in history.ids for x in history.sites_of(sid)])
    rect = QRectF(0, 0, DPI / 25.4 * (180.0 - 5.0) / 2, DPI / 25.4 * CHART_PANEL_MM)
    crop, heat = chart.prepare(rect.width() / rect.height())
    image = QImage(round(rect.width()), round(rect.height()), QImage.Format.Format_RGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    doc = Doc(image, DPI)
    chart.paint(doc, painter, rect, crop, heat, 5.0)
    painter.end()
    grey = _grey(image)
    frame = QRectF(*crop)
    k = min(rect.width() / frame.width(), rect.height() / frame.height())
    to_page = QTransform.fromTranslate(-frame.x(), -frame.y()) * QTransform.fromScale(k, k)
    radius = doc.mm(1.9)  # the latest markers' radius on the page (HeatChart.paint)
    ys, xs = np.mgrid[0:grey.shape[0], 0:grey.shape[1]]
    assert len(chart.latest) == 4
    for site in chart.latest:
        c = to_page.map(QPointF(site.x, site.y))
        inside = (xs - c.x()) ** 2 + (ys - c.y()) ** 2 <= (0.6 * radius) ** 2
        fill = 255 * grey_level(PRINT_STYLE.grasp_fill(site.grasp))
        ink = 255 * grey_level(PRINT_STYLE.grasp_text_colour(site.grasp))
        values = grey[inside]
        # the grade's digit: pixels of its ink inside the fill, not the fill alone
        near_ink = np.abs(values - ink) < 0.25 * abs(fill - ink)
        assert near_ink.mean() > 0.08, (site.grasp, near_ink.mean(), fill, ink)
