"""The strip of other muscles under a tap stays inside the chart (the walk of 6 December 2026):
in French, a tap on the lower trapezius offered « Grand rhomboïde (profonde) » and « Longissimus
du thorax (partie thoracique) (paravertébrale) » on one line wider than the chart's column at
1366 px, the second choice cut off at the chart's right edge, past its scroll bar. The strip
now goes on to a second line where one is too narrow for it, every choice whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from tests.test_ui_french import (  # noqa: F401 - fixtures
    clinic_data,
    french,
    french_window,
)
from tests.test_ui_support import (  # noqa: F401 - fixtures
    click_chart,
    make_window,
    qt_settings,
    touch_sized,
)

# With the controls mouse-sized and touch-sized (ui.touch_size).
pytestmark = pytest.mark.usefixtures("touch_sized")


# At 1366 x 768 and at 1080p and 200 % (960 logical pixels).
@pytest.mark.parametrize("width", [1366, pytest.param(960, marks=pytest.mark.xfail(
    strict=True, reason="found by the walk of 6 December: the French window could not be made "
    "narrower than 1350 px, so this case ran at 1350; at a real 960 px the chart is 286 px "
    "wide and the chooser 389: not fixed yet"))])
def test_the_chooser_keeps_every_choice_whole_inside_the_chart(french_window, qtbot, width):
    w = french_window
    w.resize(width, {1366: 768, 960: 540}[width])
    qtbot.wait(20)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    region = next(r for r in w.chart.scene.chart.regions()
                  if r.muscle == "trapezius_lower" and r.side == "L")
    click_chart(qtbot, w, *region.label)
    chooser = w.chart.chooser
    qtbot.waitUntil(chooser.isVisible)
    assert len(chooser.buttons) >= 2
    host = chooser.parentWidget()
    # The chart's own area: the view less its scroll bar, when it shows one.
    bar = host.verticalScrollBar()
    room = QRect(0, 0, host.width() - (bar.width() if bar.isVisible() else 0), host.height())
    assert room.contains(chooser.geometry()), (chooser.geometry(), room)
    for b in chooser.buttons:
        assert chooser.rect().contains(b.geometry()), (b.text(), b.geometry(), chooser.rect())
        # Each choice as wide as its words: none cut.
        assert b.width() >= b.fontMetrics().horizontalAdvance(b.text())
        assert b.isVisible()
    assert any(t.startswith("Longissimus du thorax") for t in chooser.choice_texts())
    # Docked above the search box, not over it.
    assert chooser.geometry().bottom() < w.chart.search.geometry().top()
