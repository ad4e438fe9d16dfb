"""The Progress tab's Chart and Compare views read whole, in French words, on a 1366 x 768 laptop:
the legend beside the chart paints the grasp's words in the window's language (they were English
in the French window), the heat map's title goes on two lines where the column is narrow for one
(it ran off the column), and the view's and the visits' choosers show their whole names (« Vue
postér… » was cut). The English window keeps all of it whole too."""

from __future__ import annotations

import copy

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_fit import LAPTOP, language, open_progress, visits  # noqa: F401
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.render.heatmap import heat_legend_layout
from imsmap.render.overlay import VERTICAL_TEXT

# The legend's words as a French physiotherapist reads them (docs/translating.md's glossary:
# the window's own grasp legend says « 3 forte », « 2 modérée »...).
FRENCH_LEGEND = {"Grasp": "Préhension", "Sessions": "Séances", "strong": "forte",
                 "moderate": "modérée", "mild": "légère", "none": "aucune",
                 "ungraded": "non cotée"}


def chart_tab(w):
    """The Progress tab's Chart view, shown."""
    panel = w.progress
    panel.tabs.setCurrentWidget(panel.chart)
    QCoreApplication.processEvents()
    assert panel.chart.isVisible() and panel.chart.legend.isVisible()
    return panel.chart


def render(widget) -> np.ndarray:
    image = QImage(widget.size(), QImage.Format.Format_RGB32)
    widget.render(image)
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    w, h = image.width(), image.height()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(h, image.bytesPerLine())[:, : 3 * w].reshape(h, w, 3).copy()


def test_the_legend_paints_the_grasp_in_french(french, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    chart = chart_tab(w)
    chart.heat.setChecked(False)  # the grasp and sessions legend alone
    qtbot.wait(10)
    painted = render(chart.legend)
    assert (painted < 128).any()  # words and markers
    # The same legend with its words given in French by hand: the same pixels.
    real = chart.canvas.chart
    by_hand = copy.copy(real)
    by_hand.translate = lambda context, text: FRENCH_LEGEND.get(
        text, QCoreApplication.translate(context, text))
    chart.canvas.chart = by_hand
    try:
        expected = render(chart.legend)
    finally:
        chart.canvas.chart = real
    assert (painted != expected).any(axis=-1).sum() == 0


def test_the_heat_legend_stays_in_its_column(language, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    chart = chart_tab(w)
    assert chart.heat.isChecked()
    qtbot.wait(10)
    strip = chart.legend
    painted = render(strip)
    # Nothing painted in the column's last 6 px: no word runs off its right edge.
    assert (painted[:, -6:] == 255).all(), np.argwhere(painted[:, -6:] < 200)[:5]
    assert (painted[:, : strip.width() - 6] < 128).any()
    # Its title whole, in as many lines as the column needs, each line inside the column, and
    # "more grasp" between 0 and the top of the scale, over neither.
    title = QCoreApplication.translate("_LegendStrip", "Heat: grasp summed")
    more = QCoreApplication.translate("ChartLegend", "more grasp →")
    if language == "fr_CA":
        assert title == "Chaleur\u00a0: préhension additionnée" and more.startswith("préhension")
    layout = heat_legend_layout(QRectF(8, 0, strip.width() - 16, 200), strip.vmax, title, more,
                                ",", text_size=strip.LINE * VERTICAL_TEXT, bold_title=True)
    assert_whole(layout, QRectF(8, 0, strip.width() - 16, 200), title)


def assert_whole(layout, rect: QRectF, title: str) -> None:
    texts = layout.texts
    lines = [t for t in texts if t.at[1] < layout.bar.top()]  # the title's, above the bar
    assert " ".join(t.text for t in lines) == title
    boxes = [t.path().boundingRect() for t in texts]
    for text, box in zip(texts, boxes):
        assert rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box), (text.text, box, rect)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.intersects(b), (a, b)
    assert layout.height <= rect.height() + 0.5


@pytest.mark.parametrize("width", [120.0, 214.0, 300.0])
def test_the_heat_legend_lays_out_any_title_whole(french, qapp, width):
    title = "Chaleur\u00a0: préhension additionnée"
    more = "préhension plus forte →"
    # As large as its rect allows (the PDF, the chart's history bar) ...
    rect = QRectF(4, 10, width, 60)
    assert_whole(heat_legend_layout(rect, 14.7, title, more, ","), rect, title)
    # ... and at the size of the legend above it (the Progress tab's column).
    rect = QRectF(4, 10, width, 200)
    layout = heat_legend_layout(rect, 14.7, title, more, ",", text_size=9.36, bold_title=True)
    assert_whole(layout, rect, title)
    # On more lines where it must, but never smaller than the words above it.
    lines = [t for t in layout.texts if t.at[1] < layout.bar.top()]
    assert all(t.size == pytest.approx(9.36) for t in lines)
    assert len(lines) == (1 if width >= 300 else 2 if width >= 214 else 3)
    # Broken at spaces only: « Chaleur : » stays together (a no-break space before the colon).
    assert all(not t.text.startswith(":") for t in layout.texts)


def assert_shows_whole(box: QComboBox) -> None:
    """Every item of `box` would show whole in it: its text no wider than the box's text field."""
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    field = box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                       QStyle.SubControl.SC_ComboBoxEditField, box)
    metrics = box.fontMetrics()
    assert box.count() > 0
    for i in range(box.count()):
        text = box.itemText(i)
        assert metrics.horizontalAdvance(text) <= field.width(), (text, field.width())


def test_the_chart_views_choosers_show_whole(language, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    chart = chart_tab(w)
    assert chart.view_box.currentText().startswith("Vue " if language == "fr_CA" else "")
    assert_shows_whole(chart.view_box)
    assert_shows_whole(chart.fading)
    for box in (chart.earlier, chart.heat):
        assert box.width() >= box.sizeHint().width(), box.text()


def test_the_compare_views_choosers_show_whole(language, make_window, qtbot, records, visits):
    records.sign_session(visits[-1])  # the choosers offer signed visits: #10's is the widest
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    panel = w.progress
    panel.tabs.setCurrentWidget(panel.compare)
    qtbot.wait(10)
    compare = panel.compare
    assert compare.after.currentText().startswith("#10")
    for box in (compare.before, compare.after):
        assert_shows_whole(box)
    compare.tabs.setCurrentIndex(1)  # side by side
    qtbot.wait(10)
    assert_shows_whole(compare.view_box)


def test_the_chart_panels_heat_legend_reads_whole_in_french(french, make_window, qtbot, visits):
    """The same legend under the session's chart (its history bar): a title a little too wide
    for its 320 px is made a little smaller, not cut (« ... sur ces visites »), the numbers as
    large as before."""
    w = make_window()
    w.resize(*LAPTOP)
    w.patients.select_patient(w.records.read.session(visits[-1]).patient_id)
    w.patients.select_session(visits[-1])
    w.history_bar.heat.setChecked(True)
    qtbot.wait(20)
    legend = w.history_bar.legend
    # its height follows its width through the layouts (heightForWidth), a pass later
    qtbot.waitUntil(lambda: legend.height() == legend.heightForWidth(legend.width()))
    assert legend.heat_vmax is not None and legend.width() > 340
    painted = render(legend)
    # The heat legend is the widget's last 42 px high band, 320 px wide from x = 4: nothing
    # painted to its right.
    band = painted[-legend.HEAT:, :]
    assert (band[:, :324] < 128).any()
    assert (band[:, 326:] >= 200).all(), np.argwhere(band[:, 326:] < 200)[:5]
    title = QCoreApplication.translate("OverlayLegend",
                                       "Heat map: grasp summed over those visits")
    assert title.endswith("sur ces visites")
    layout = heat_legend_layout(QRectF(4, 0, 320, 42), legend.heat_vmax, title,
                                QCoreApplication.translate("ChartLegend", "more grasp →"), ",")
    assert_whole(layout, QRectF(4, 0, 320, 42), title)
    numbers = [t for t in layout.texts if t.text in ("0", "3")]
    assert len(numbers) == 2 and all(t.size == pytest.approx(42 / 3 * 0.62) for t in numbers)
