"""The visits row under the chart (ui.history_bar: the first / previous buttons, the slider,
next / latest, Replay and the words "14 sur 14 · 2 nov. 2026 · brouillon"): on a 1366 x 768
laptop and at 125 % of it, in English and in French, mouse- and touch-sized, the slider keeps a
width that can be dragged (SLIDER_LEAST; French at 1366 px left it about 20 px), its words show
whole (on a line of their own where the row is narrow), and the window stays the screen's
width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import qt_settings, touch_sized  # noqa: F401 - fixtures
from tests.test_ui_window_width_walk import SCREENS, build_course, opened  # noqa: F401

from imsmap.ui import touch_size
from imsmap.ui.touch_size import TouchStyle
from imsmap.ui.visits_row import SLIDER_FINGERS, SLIDER_LEAST

pytestmark = pytest.mark.usefixtures("touch_sized")


@pytest.fixture(params=["en", "fr_CA"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def least_slider() -> int:
    style = QApplication.style()
    return max(SLIDER_LEAST, SLIDER_FINGERS * style.finger if isinstance(style, TouchStyle) else 0)


@pytest.mark.parametrize("size", SCREENS, ids=["1366", "1093"])
def test_the_slider_keeps_a_width_to_drag_and_the_words_show_whole(
        records, tmp_path, opened, qtbot, language, touch_sized, size):
    kept, sessions = build_course(records, tmp_path)
    w = opened(size, kept.id, sessions[-1].id)
    bar = w.history_bar
    bar.more.setChecked(True)  # folded at 1093 px (ui.short_chart): opened
    # The earlier sites' key is filled just after the visit opens: the bar then takes its height.
    qtbot.waitUntil(lambda: bar.height() >= bar.heightForWidth(bar.width()))
    assert isinstance(QApplication.style(), TouchStyle) == touch_sized
    assert bar.when.text().startswith(("#14 of 14", "14 sur 14"))

    assert w.width() == size[0]  # the window is as wide as the screen, no wider
    assert bar.slider.width() >= least_slider() >= SLIDER_LEAST
    if w.short_chart.low:  # (1093 x 614) the visit said in brief beside the bar's button
        position = bar.position
        assert bar.slider.isVisibleTo(w) and not bar.when.isVisibleTo(w)
        assert position.isVisibleTo(w) and position.toolTip() == bar.when.text()
        assert position.fontMetrics().horizontalAdvance(position.text()) \
            <= position.contentsRect().width()
        assert bar.rect().contains(rect_in(position, bar))
        return
    assert bar.slider.isVisibleTo(w) and bar.when.isVisibleTo(w)
    # The words whole, inside the bar, over none of the row's buttons.
    when = rect_in(bar.when, bar)
    assert bar.when.width() >= bar.when.sizeHint().width()
    assert bar.rect().contains(when)
    for other in (bar.first, bar.prev, bar.slider, bar.next, bar.last, bar.play):
        assert not rect_in(other, bar).intersects(when), other.accessibleName()



def test_touch_sized_controls_switched_on_widen_the_slider_s_least(
        records, tmp_path, opened, qtbot, touch_sized):
    """Touch-sized controls switched with the window open (View menu), for a screen of a 48 px
    fingertip: the slider's least width follows (three fingertips), and goes back."""
    kept, sessions = build_course(records, tmp_path)
    w = opened(SCREENS[0], kept.id, sessions[-1].id)
    slider = w.history_bar.slider
    try:
        touch_size.apply(False)
        qtbot.wait(20)
        assert slider.minimumWidth() == SLIDER_LEAST
        QApplication.setStyle(TouchStyle(QStyleFactory.create(QApplication.style().name()), 48))
        qtbot.wait(20)
        assert slider.minimumWidth() == 3 * 48 == least_slider()
    finally:
        touch_size.apply(False)
        touch_size.apply(touch_sized)
    qtbot.wait(20)
    assert slider.minimumWidth() == least_slider()
    assert w.width() == SCREENS[0][0]
