"""The chart's tabs show only whole tabs (ui.chart_tabs). Qt's tab bar scrolled by the pixel: at
1366 x 768 in French a tab cut at the strip's left edge read « achis (2) » (Rachis), one under
the scroll buttons « Dos des pie »; at 960 x 540 every position cut one or two. Now, in French
and in English, at both sizes, whichever chart is current: every tab drawn is drawn whole, the
current one among them, and the buttons beside the tabs reach every chart, whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

SIZES = ((1366, 738), (960, 510))


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def drawn(w) -> tuple[list[int], list[int]]:
    """The tabs drawn in the strip: those drawn whole, and those cut at its edges."""
    tabs, area = w.chart.tabs, w.chart.tab_strip.area
    window = QRect(0, 0, area.width(), area.height())
    whole, cut = [], []
    for i in range(tabs.count()):
        rect = tabs.tabRect(i).translated(tabs.pos())
        if window.contains(rect):
            whole.append(i)
        elif window.intersects(rect):
            cut.append(i)
    return whole, cut


@pytest.mark.parametrize("size", SIZES)
def test_every_chart_tab_drawn_is_whole(language, make_window, qtbot, size):
    w = make_window()
    w.resize(*size)
    qtbot.wait(20)
    tabs, strip = w.chart.tabs, w.chart.tab_strip
    assert strip.after.isVisible()  # the tabs do not all fit: the case this is about
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        qtbot.wait(5)
        whole, cut = drawn(w)
        assert not cut, (i, [tabs.tabText(c) for c in cut])
        assert i in whole, (i, whole)
        for j in whole:  # as wide as their words
            assert tabs.tabRect(j).width() >= tabs.fontMetrics().horizontalAdvance(
                tabs.tabText(j))
    # the buttons reach every chart, and move only what is shown, never the chart
    current = tabs.currentIndex()
    seen: set[int] = set()
    while strip.before.isEnabled():
        strip.before.click()
    seen.update(drawn(w)[0])
    while strip.after.isEnabled():
        strip.after.click()
        whole, cut = drawn(w)
        assert not cut
        seen.update(whole)
    assert seen == set(range(tabs.count()))
    assert tabs.currentIndex() == current


def test_a_wide_window_shows_every_tab_without_buttons(make_window, qtbot):
    w = make_window()
    w.resize(2560, 1050)
    w.splitter.setSizes([200, 1800, 560])
    qtbot.wait(20)
    whole, cut = drawn(w)
    assert whole == list(range(w.chart.tabs.count())) and not cut
    assert not w.chart.tab_strip.after.isVisible()


def test_tabs_renamed_together_are_arranged_once(make_window, qtbot, records, patient, atlas,
                                                 monkeypatch):
    """A session opened renames the tab of every chart it has sites on (their counts): the
    strip arranges its tabs once for them all, after Qt has laid them out, not once a tab."""
    from imsmap.ui.chart_tabs import ChartTabStrip

    s = records.start_session(patient.id, practitioner="J. Physio")
    views = ("anterior", "posterior", "lateral_left", "lateral_right")
    for view_id in views:
        region = next(r for r in sorted(atlas.view(view_id).regions, key=lambda r: -r.area)
                      if r.contains(*r.label))
        records.add_site(s.id, view_id, *region.label, muscle_id=region.muscle,
                         side=region.side, layer=region.layer, level=region.level)
    w = make_window()
    w.resize(1366, 738)
    qtbot.wait(20)
    arranged: list[int] = []
    real = ChartTabStrip.arrange

    def counting(strip, keep_current: bool = False) -> None:
        arranged.append(strip.first)
        real(strip, keep_current)

    monkeypatch.setattr(ChartTabStrip, "arrange", counting)
    w.patients.select_patient(patient.id)
    assert w.session_panel.session.id == s.id
    qtbot.wait(20)
    tabs = w.chart.tabs
    renamed = [i for i in range(tabs.count()) if tabs.tabText(i).endswith("(1)")]
    assert len(renamed) == len(views)
    # once for the tabs renamed, once for the chart shown (current tab changed); before: one
    # for each tab renamed besides
    assert 1 <= len(arranged) <= 2, arranged
    whole, cut = drawn(w)
    assert not cut and tabs.currentIndex() in whole
