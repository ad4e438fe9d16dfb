"""The pneumothorax warning of the muscle under the pointer is whole in the status bar (the walk
of 6 December 2026): it came last in the line, after the nerve and the roots, and the status bar
cut it off: "Quadratus lumborum, left · Subcostal nerve (T12) and ventral rami of L1-L4 ·
T12–L4 (mainly L1) · near the pleura: pneumotho", in French after « sur le ». It now comes
right after the muscle and side; what the bar may cut is the roots at the end."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from imsmap.ui.chart_words import THORAX_WARNING
from test_ui_french import french  # noqa: F401 - a fixture
from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_the_warning_of_the_muscle_under_the_pointer_is_whole(window, qtbot, request,
                                                              language):
    if language == "fr_CA":
        request.getfixturevalue("french")
    w = window
    w.resize(1366, 768)
    qtbot.wait(20)
    w.chart.set_view("posterior")
    w.chart.set_layer("deep")
    item = next(i for i in w.chart.scene.regions.values()
                if i.region.muscle == "quadratus_lumborum" and i.region.side == "L")
    text = item.describe()
    warning = QApplication.translate("ChartScene", THORAX_WARNING["caution"])
    assert warning in text
    w.chart.scene.signals.hoverText.emit(text)  # as the pointer over the muscle says it
    hover = w.hover_label
    # shown whole, or cut at a word's end after the warning, whole in the tooltip
    assert (hover.toolTip() or hover.text()) == text and warning in hover.text()
    qtbot.waitUntil(lambda: hover.width() > 100)
    # The bar shows the line from its start: the warning's end lies within the label.
    shown_to = hover.fontMetrics().horizontalAdvance(text[:text.index(warning) + len(warning)])
    assert shown_to <= hover.contentsRect().width(), (shown_to, hover.width(), text)
