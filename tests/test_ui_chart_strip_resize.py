"""The muscle chooser's strip and the chart's hint while the window changes size, at 960 x 540
(1080p at 200 %) and 1366 x 768, in English and French (seen in the walk of 6 December 2026):
the strip's ✕ kept the place it was given when the strip opened, so a window made narrower
left it on a line of its own under the stacked choices, and a wider one between the caption
and the choices; a strip opened beside the finger (a right-click, a long press) stayed where it
was, past the narrower chart's edge. A finger's tap beside a muscle opens the strip docked over
the chart's foot and says why in the hint, which lay under the strip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication
from tests.test_ui_french import clinic_data  # noqa: F401 - fixture
from tests.test_ui_support import (  # noqa: F401 - fixtures
    click_chart,
    make_window,
    open_visit,
    qt_settings,
    touch_sized,
)
from tests.test_ui_touch import beside_a_muscle, finger, touch  # noqa: F401 - fixture

from imsmap import i18n

# With the controls mouse-sized and touch-sized (ui.touch_size).
pytestmark = pytest.mark.usefixtures("touch_sized")

HEIGHT = {1366: 768, 960: 540}


@pytest.fixture(params=["en", "fr_CA"])
def window(request, qapp, make_window, clinic_data, qtbot):  # noqa: F811
    """The window with the clinic's second visit open on the posterior chart's superficial
    layer, in English and in French; `window(width)` gives it that size."""
    i18n.install(qapp, request.param)
    try:
        first, second = clinic_data
        w = open_visit(qtbot, make_window, second, (1366, 768))
        w.chart.set_view("posterior")
        w.chart.set_layer("superficial")

        def at(width: int):
            w.resize(width, HEIGHT[width])
            qtbot.wait(30)
            return w

        yield at
    finally:
        i18n.install(qapp, "en")


def trapezius(w):
    return next(r for r in w.chart.scene.chart.regions()
                if r.muscle == "trapezius_lower" and r.side == "L")


def layout_of(chooser) -> tuple:
    """The strip's size, and where its ✕ and each choice are in it."""
    def place(widget) -> QRect:
        return QRect(widget.mapTo(chooser, QPoint(0, 0)), widget.size())
    return chooser.size(), place(chooser.close_button), [place(b) for b in chooser.buttons]


def inside_the_chart(w, widget) -> bool:
    return w.chart.view.viewport().geometry().contains(widget.geometry())


@pytest.mark.parametrize("first,then", [(1366, 960), (960, 1366)])
def test_a_strip_open_through_a_resize_is_laid_out_as_one_opened_at_the_new_size(
        window, qtbot, first, then):
    w = window(first)
    region = trapezius(w)
    click_chart(qtbot, w, *region.label)
    chooser = w.chart.chooser
    qtbot.waitUntil(chooser.isVisible)
    assert len(chooser.buttons) >= 2
    window(then)
    assert chooser.isVisible() and inside_the_chart(w, chooser)
    resized = layout_of(chooser)
    # The same strip (the same site, the same choices) as a tap at this size opens it.
    site_id = w.chart.selected_site_id()
    point = chooser.point  # the tap's, in the chart
    chooser.dismiss()  # as a tap does before it offers the strip
    w.chart.chooser_flow.after_click(region, *point, site_id)
    qtbot.wait(20)
    assert layout_of(chooser) == resized


def test_a_strip_opened_beside_the_pointer_stays_inside_a_narrower_chart(window, qtbot):
    w = window(1366)
    region = trapezius(w)
    view = w.chart.view
    at = w.chart.scene_to_viewport(*region.label)
    # a right-click's context menu event, as Qt sends it
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, view.viewport().mapToGlobal(at)))
    chooser = w.chart.chooser
    qtbot.waitUntil(chooser.isVisible)
    assert not chooser.docked
    window(960)
    assert chooser.isVisible() and inside_the_chart(w, chooser), (
        chooser.geometry(), view.viewport().geometry())
    # beside the muscle's point, where it is now
    point = view.viewport().mapTo(view, w.chart.scene_to_viewport(*region.label))
    assert abs(chooser.geometry().center().x() - point.x()) < view.width()
    window(1366)
    assert inside_the_chart(w, chooser)


@pytest.mark.parametrize("width", [960, 1366])
def test_the_hint_beside_the_finger_is_not_under_the_strip(window, qtbot, width, finger):  # noqa: F811
    w = window(width)
    chart = w.chart
    _region, at = beside_a_muscle(w, px=4)
    touch(finger, chart.view.viewport(), at)
    chooser, hint = chart.chooser, chart.hint
    assert chooser.isVisible() and chooser.site_id is None
    assert hint.isVisible() and hint.text()

    def clear() -> None:
        assert not hint.geometry().intersects(chooser.geometry()), (
            hint.geometry(), chooser.geometry())
        assert chart.view.viewport().geometry().contains(hint.geometry())
        assert hint.height() >= hint.heightForWidth(hint.width())  # every line of it

    clear()
    window({960: 1366, 1366: 960}[width])  # and through a resize
    assert chooser.isVisible()
    clear()
