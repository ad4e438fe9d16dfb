"""The button beside the chart tabs' arrows that lists every chart (ui.chart_tabs). At 1366 x 768
the chart's column showed five of the eleven tabs and two small arrows: a clinician did not see
that hand, foot and head charts existed, nor their names, and reached the feet in six clicks.
Now, where tabs are not shown, a button says how many and opens a list of every chart named
whole, the current one checked; a chart chosen from it (by mouse or keys) is shown, its tab
with it. A window where every tab fits has no such button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle
from tests.test_ui_chart_tabs import drawn
from tests.test_ui_french import clinic_data  # noqa: F401 - fixture
from tests.test_ui_support import (  # noqa: F401 - fixtures
    make_window,
    open_visit,
    qt_settings,
    touch_sized,
)

from imsmap import i18n

PLANTAR = "foot_plantar"


@pytest.fixture(params=["en", "fr_CA"])
def lang(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


@pytest.fixture
def at_1366(lang, touch_sized, make_window, clinic_data, qtbot):  # noqa: F811
    """A visit open (its sites counted on two tabs) in a 1366 x 768 window."""
    _first, second = clinic_data
    w = open_visit(qtbot, make_window, second, (1366, 768))
    w.chart.set_view("anterior")
    qtbot.wait(20)
    assert w.width() <= 1366
    return w


def open_menu(qtbot, w):
    strip = w.chart.tab_strip
    qtbot.mouseClick(strip.more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(strip.menu.isVisible)
    return strip.menu


def test_the_button_says_how_many_charts_are_hidden_and_lists_them_all(at_1366, lang,
                                                                       touch_sized, qtbot):
    w = at_1366
    tabs, strip = w.chart.tabs, w.chart.tab_strip
    whole, cut = drawn(w)
    hidden = tabs.count() - len(whole)
    assert tabs.count() == 11 and not cut and hidden > 0
    more = strip.more
    assert more.isVisible() and strip.after.isVisible()  # beside the arrows, which stay
    words = {"en": (f"{hidden} more", f"+{hidden}"),
             "fr_CA": (f"{hidden} autres", f"+{hidden}")}[lang]
    assert more.text() in words, more.text()
    assert str(hidden) in more.accessibleName() and more.accessibleName() == more.toolTip()
    # inside the strip, whole, beside the arrows, as tall as the tabs and at least as wide as
    # an arrow (a fingertip, touch-sized)
    assert strip.rect().contains(more.geometry())
    assert more.geometry().right() < strip.before.geometry().left()
    assert more.height() == tabs.tabRect(0).height()
    arrow = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_TabBarScrollButtonWidth,
                                              None, tabs)
    assert more.width() >= arrow and strip.before.width() == arrow
    if touch_sized:
        assert min(more.width(), more.height()) >= 32
    assert more.fontMetrics().horizontalAdvance(more.text()) <= more.width()
    assert more.focusPolicy() & Qt.FocusPolicy.TabFocus  # reached with Tab
    # the list: every chart in the tabs' order, named whole in the window's language, the
    # current one checked, none greyed
    menu = open_menu(qtbot, w)
    actions = menu.actions()
    assert len(actions) == 11
    for i, action in enumerate(actions):
        name = w.atlas.view_name(w.chart.view_id_at(i), lang)
        assert action.text().startswith(name), (action.text(), name)
        assert action.isEnabled() and action.isChecked() == (i == tabs.currentIndex())
    # the session's sites counted as on the tabs
    assert actions[1].text() == w.atlas.view_name("posterior", lang) + " (2)"
    menu.close()


def test_a_chart_chosen_from_the_list_is_shown_with_its_tab(at_1366, lang, touch_sized,
                                                           qtbot):
    w = at_1366
    tabs, strip = w.chart.tabs, w.chart.tab_strip
    plantar = next(i for i in range(tabs.count()) if w.chart.view_id_at(i) == PLANTAR)
    assert plantar not in drawn(w)[0]  # hidden: the case this is about
    # by the mouse: two clicks
    menu = open_menu(qtbot, w)
    action = menu.actions()[plantar]
    assert action.text() == w.atlas.view_name(PLANTAR, lang)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                     pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: w.chart.view_id == PLANTAR)
    qtbot.wait(5)
    whole, cut = drawn(w)
    assert plantar in whole and not cut
    assert not menu.isVisible()
    # by the keys: Space on the button, the list opens on the chart shown; Up and Enter
    w.chart.set_view("anterior")
    qtbot.wait(5)
    strip.more.setFocus()
    qtbot.keyClick(strip.more, Qt.Key.Key_Space)
    qtbot.waitUntil(strip.menu.isVisible)
    menu = strip.menu
    assert menu.activeAction() is menu.actions()[0] and menu.actions()[0].isChecked()
    assert len(menu.actions()) == 11 and sum(a.isChecked() for a in menu.actions()) == 1
    for _ in range(plantar):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is menu.actions()[plantar]
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.chart.view_id == PLANTAR)
    assert plantar in drawn(w)[0]
    # Escape keeps the chart
    qtbot.keyClick(strip.more, Qt.Key.Key_Space)
    qtbot.waitUntil(strip.menu.isVisible)
    qtbot.keyClick(strip.menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not strip.menu.isVisible())
    assert w.chart.view_id == PLANTAR


def test_tab_reaches_the_button_after_the_chart_tabs(at_1366, qtbot):
    w = at_1366
    stops = w.chart.tab_stops()
    assert stops.index(w.chart.tab_strip.more) == stops.index(w.chart.tabs) + 1
    w.activateWindow()
    w.chart.tabs.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.chart.tabs)
    qtbot.keyClick(w.chart.tabs, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.chart.tab_strip.more


@pytest.mark.parametrize("size", [(1920, 1080), (2560, 1050)])
def test_no_button_where_every_tab_fits(lang, make_window, qtbot, size):
    w = make_window()
    w.resize(*size)
    if size[0] > 2000:
        w.splitter.setSizes([200, 1800, 560])
    qtbot.wait(20)
    tabs, strip = w.chart.tabs, w.chart.tab_strip
    whole, cut = drawn(w)
    if tabs.sizeHint().width() <= strip.width():
        assert whole == list(range(tabs.count())) and not cut
        assert not strip.more.isVisible() and not strip.after.isVisible()
    else:  # the English names at 1920 px: 1308 px of tabs in a 1126 px column
        assert (lang, size[0]) == ("en", 1920)
        assert strip.more.isVisible()
        assert str(tabs.count() - len(whole)) in strip.more.text()
