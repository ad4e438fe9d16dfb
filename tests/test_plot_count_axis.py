"""The counts' scale under the pain plot (the Progress tab's and the progress report's): its top
label is at or above the highest value drawn. It was the highest value itself, its last label a
step below: a visit of 12 sites, 10 muscles grasping and a grasp burden of 22 had its diamond
drawn above the axis's top label, 18, against the key. Painted by the real widget and the real
report block, read off the pixels."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.domain.progress import session_metrics
from imsmap.render.plot import count_axis
from imsmap.report.layout import Doc
from imsmap.report.progress_pdf import load_history
from imsmap.report.trend_plot import MEAN, TrendBlock
from support import site_on

GRADES = (3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0)  # 12 muscles, 10 grasping, burden 22


@pytest.fixture
def visit(records, patient):
    s = records.start_session(patient.id, started_at=datetime(2026, 12, 6, 13, 35),
                              practitioner="J. Physio", pain_before=6)
    muscles: list[str] = []
    for view in records.atlas.views.values():
        for region in view.regions:
            if region.muscle not in muscles and region.level is None and \
                    region.muscle in [r.muscle for r in view.regions_at(*region.label)]:
                muscles.append(region.muscle)
    for muscle, grade in zip(muscles, GRADES):
        records.update_site(site_on(records, s, muscle).id, grasp=grade)
    records.update_session(s.id, consent=True)
    records.sign_session(s.id)
    return s


def ink_rows(image: QImage, x0: int, x1: int, y0: int, y1: int, near) -> list[int]:
    return [y for y in range(max(0, y0), min(image.height(), y1))
            if any(near(image.pixelColor(x, y)) for x in range(max(0, x0), x1))]


def bands(rows: list[int]) -> list[tuple[int, int]]:
    """Runs of adjacent rows: one axis label each."""
    out: list[tuple[int, int]] = []
    for y in rows:
        if out and y <= out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def dark(c: QColor) -> bool:
    return c.lightness() < 170


def mean(c: QColor) -> bool:
    want = QColor(MEAN)
    return abs(c.red() - want.red()) + abs(c.green() - want.green()) + \
        abs(c.blue() - want.blue()) < 60


def test_the_scale_reaches_its_highest_value():
    assert count_axis(22) == (6, 24)
    assert count_axis(18) == (5, 20)
    assert count_axis(4) == (1, 4)
    assert count_axis(13) == (4, 16)
    for highest in range(1, 200):
        step, top = count_axis(highest)
        assert top >= highest and top - step < highest and top // step <= 4


def test_the_windows_diamond_is_under_the_scales_top_label(records, patient, visit,
                                                           make_window):
    w = make_window(patient_id=patient.id, session_id=visit.id)
    w.menus.act_progress.trigger()
    plot = w.progress.pain
    assert [m.grasp_burden for m in plot.metrics] == [22]
    image = plot.render_image(520, 300)
    lay = plot.layout_for(QRectF(0, 0, 520, 300))
    r = lay.counts
    # the scale's labels, left of the plot; the top one's middle
    labels = bands(ink_rows(image, int(r.left()) - 30, int(r.left()) - 4,
                            int(r.top()) - 8, int(r.bottom()) + 8, dark))
    top_label = (labels[0][0] + labels[0][1]) / 2
    # the diamond, in its visit's column (the key is above the counts' rectangle)
    x = int(lay.x(0))
    diamond = ink_rows(image, x - 1, x + 2, int(r.top()), int(r.bottom()), mean)
    assert diamond, "no grasp-burden diamond drawn"
    middle = (diamond[0] + diamond[-1]) / 2
    assert middle >= top_label - 1, (middle, top_label, labels)


def test_the_reports_diamond_is_under_the_scales_top_label(qapp, records, patient, visit):
    _patient, history = load_history(records, patient.id)
    metrics = session_metrics(history)
    assert [m.grasp_burden for m in metrics] == [22]
    dpi = 150.0
    image = QImage(1200, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    doc = Doc(image, dpi)
    block = TrendBlock(history, metrics)
    width = 1100.0
    block.paint(doc, painter, 50.0, 20.0, width)
    painter.end()
    left = 50 + int(doc.mm(9))
    # under the pain plot's title: the scales' labels left of the plots, six of pain (10 to 0),
    # the counts' title, then the counts' labels
    under_title = 20 + int(doc.line_height(doc.font(7.5, bold=True))) + 1
    labels = bands(ink_rows(image, 50, left - 2, under_title, 600, dark))
    assert len(labels) >= 9, labels
    counts_top = labels[7]  # the counts' scale's top label
    # the diamond: the lowest of its visit's column's dark red (its number is above it, the
    # key above both)
    x = int(left + (width - doc.mm(18)) / 2)
    red = ink_rows(image, x - 1, x + 2, 20, 600, mean)
    bottom = red[-1]
    middle = bottom - doc.mm(1.2)
    assert middle >= (counts_top[0] + counts_top[1]) / 2 - 1, (middle, counts_top, labels)
