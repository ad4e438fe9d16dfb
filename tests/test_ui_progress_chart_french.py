"""The Progress tab's Chart and Compare views read whole, in French words, on a 1366 x 768 laptop:
the legend beside the chart paints the grasp's words in the window's language (they were English
in the French window)."""

from __future__ import annotations

import copy

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_fit import LAPTOP, open_progress, visits  # noqa: F401
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

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
