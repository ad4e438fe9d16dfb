"""The strip of other muscles under a tap stays inside the chart (the walk of 6 December 2026):
in French, a tap on the lower trapezius offered « Grand rhomboïde (profonde) » and « Longissimus
du thorax (partie thoracique) (paravertébrale) » on one line wider than the chart's column at
1366 px, the second choice cut off at the chart's right edge, past its scroll bar. The strip
now goes on to a second line where one is too narrow for it, every choice whole. At 960 px
(1080p at 200 %) the chart is 286 px wide, narrower than the longest choice alone (389 px with
the strip round it): there a choice's name goes on to more lines inside its button, at a word
(ui.word_button), never cut nor shortened; the strip scrolls only where even then it is taller
than the chart has room for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtWidgets import QApplication
from tests.test_ui_french import (  # noqa: F401 - fixtures
    clinic_data,
    french,
    french_window,
)
from tests.test_ui_support import (  # noqa: F401 - fixtures
    click_chart,
    make_window,
    open_visit,
    qt_settings,
    touch_sized,
)

from imsmap import i18n

# With the controls mouse-sized and touch-sized (ui.touch_size).
pytestmark = pytest.mark.usefixtures("touch_sized")

WRAP = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)


@pytest.fixture(params=["en", "fr_CA"])
def any_window(request, qapp, make_window, clinic_data, qtbot):  # noqa: F811
    """The window with the clinic's second visit open, in English and in French."""
    i18n.install(qapp, request.param)
    try:
        first, second = clinic_data
        yield open_visit(qtbot, make_window, second, (1366, 768))
    finally:
        i18n.install(qapp, "en")


def open_chooser(w, qtbot, width: int, height: int | None = None):
    """The window at `width` (1366 x 768, or 960 x 540: 1080p at 200 %; or `height`), the
    chooser open after a tap on the lower trapezius of the posterior chart's superficial
    layer."""
    w.resize(width, height or {1366: 768, 960: 540}[width])
    qtbot.wait(20)
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    region = next(r for r in w.chart.scene.chart.regions()
                  if r.muscle == "trapezius_lower" and r.side == "L")
    if w.chart.view.viewport().height() < 200:  # touch-sized at 960 x 540: a 114 px chart
        w.chart.view.show_rect(QRectF(*region.label, 1, 1).adjusted(-60, -60, 60, 60))
    click_chart(qtbot, w, *region.label)
    chooser = w.chart.chooser
    qtbot.waitUntil(chooser.isVisible)
    assert len(chooser.buttons) >= 2
    return chooser


def whole_inside_the_chart(w, chooser) -> None:
    host = chooser.parentWidget()
    # The chart's own area: the view less its scroll bar, when it shows one.
    bar = host.verticalScrollBar()
    room = QRect(0, 0, host.width() - (bar.width() if bar.isVisible() else 0), host.height())
    assert room.contains(chooser.geometry()), (chooser.geometry(), room)
    # Every choice on the strip, or (where it scrolls) on what it scrolls, never cut at a side.
    shown = chooser.scroll.viewport()
    assert chooser.rect().contains(QRect(shown.mapTo(chooser, shown.rect().topLeft()),
                                         shown.size()))
    assert chooser.body.width() <= shown.width()
    for b in chooser.buttons:
        assert chooser.body.rect().contains(b.geometry()), (b.text(), b.geometry())
        assert b.isVisible()
        # Each choice's words whole: every word within the room the style gives them, and
        # all its lines within the button's height (none cut, none elided).
        words = b.words_rect()
        fm = b.fontMetrics()
        assert all(fm.horizontalAdvance(word) <= words.width() for word in b.text().split()), \
            (b.text(), words)
        lines = fm.boundingRect(QRect(0, 0, words.width(), 10_000), WRAP, b.text())
        assert lines.height() <= words.height(), (b.text(), lines, words)
    # Docked above the search box, not over it; or, where the chart is too short for the
    # strip above it, over its place, the search box hidden until the strip goes.
    search = w.chart.search
    if chooser.covering:
        assert not search.isVisible()
    else:
        assert search.isVisible() and chooser.geometry().bottom() < search.geometry().top()


def scrolls_only_as_a_last_resort(w, chooser) -> None:
    """The strip scrolls only where, stacked and wrapped, it is taller than the chart (the
    touch-sized controls leave the chart 114 px of a 540 px window): it then takes the
    chart's height."""
    if chooser.scroll.verticalScrollBar().isVisible():
        assert chooser.height() >= chooser.parentWidget().height() - 12


# At 1366 x 768 and at 1080p and 200 % (960 logical pixels).
@pytest.mark.parametrize("width", [1366, 960])
def test_the_chooser_keeps_every_choice_whole_inside_the_chart(french_window, qtbot, width):
    w = french_window
    chooser = open_chooser(w, qtbot, width)
    whole_inside_the_chart(w, chooser)
    assert any(t.startswith("Longissimus du thorax") for t in chooser.choice_texts())
    # Stacked and wrapped as it needs, not scrolled where there is room for it.
    scrolls_only_as_a_last_resort(w, chooser)


@pytest.mark.parametrize("width", [1366, 960])
def test_every_choice_whole_in_either_language(any_window, qtbot, width):
    w = any_window
    chooser = open_chooser(w, qtbot, width)
    whole_inside_the_chart(w, chooser)
    scrolls_only_as_a_last_resort(w, chooser)
    if width == 1366:  # as before: every name on one line, one tap
        assert all(b.one_line() for b in chooser.buttons)
        assert all(b.height() == max(b.sizeHint().height(), b.minimumHeight())
                   for b in chooser.buttons)


def test_at_960_px_the_long_name_goes_on_to_more_lines(french_window, qtbot):
    chooser = open_chooser(french_window, qtbot, 960)
    longest = next(b for b in chooser.buttons if b.text().startswith("Longissimus du thorax"))
    assert not longest.one_line()
    assert longest.height() > longest.sizeHint().height()  # taller, for its lines
    # The choices one under the other, each on a line of its own.
    tops = sorted(b.mapTo(chooser, b.rect().topLeft()).y() for b in chooser.buttons)
    assert len(set(tops)) == len(tops)


def test_the_keys_reach_and_take_a_wrapped_choice(french_window, qtbot):
    w = french_window
    chooser = open_chooser(w, qtbot, 960)
    view = w.chart.view
    (site,) = [s for s in w.records.read.sites_for_session(w.session_id)
               if s.muscle_id == "trapezius_lower"]
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert chooser.buttons[0].hasFocus()
    whole_inside_the_chart(w, chooser)  # the focus ring's frame leaves the words whole too
    i = next(k for k, b in enumerate(chooser.buttons)
             if b.text().startswith("Longissimus du thorax"))
    for _ in range(i):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert chooser.buttons[i].hasFocus()
    whole_inside_the_chart(w, chooser)
    chosen = chooser.regions[i]
    qtbot.keyClick(chooser.buttons[i], Qt.Key.Key_Return)
    assert not chooser.isVisible() and view.hasFocus()
    moved = next(s for s in w.records.read.sites_for_session(w.session_id) if s.id == site.id)
    assert moved.muscle_id == chosen.muscle


def test_a_strip_taller_than_the_chart_scrolls_to_the_choice_the_keys_reach(french_window,
                                                                             qtbot):
    # The last resort: five choices with long names, on a chart too short for them stacked.
    w = french_window
    w.resize(960, 540)
    qtbot.wait(20)
    w.history_bar.more.setChecked(True)  # the earlier visits' bar open: a short chart
    qtbot.wait(20)
    w.chart.set_view("spinal")
    atlas = w.records.atlas
    view = atlas.view("spinal")
    names = {}
    for r in view.regions:
        names.setdefault(r.muscle, r)
    regions = sorted(names.values(), key=lambda r: -len(atlas.muscle(r.muscle).name))[:5]
    chooser = w.chart.chooser
    assert chooser.offer(atlas, view, regions, None, site_id=None, point=regions[0].label,
                         caption="Ajouter un site dans :")
    qtbot.waitUntil(chooser.isVisible)
    bar = chooser.scroll.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    # It takes the chart's height, over the search box (hidden until it goes).
    assert chooser.covering and not w.chart.search.isVisible()
    assert 0 <= chooser.geometry().top() and chooser.geometry().bottom() < w.chart.view.height()
    assert chooser.enter()
    for b in chooser.buttons[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        assert b.hasFocus()
        shown = chooser.scroll.viewport().rect()
        assert shown.contains(QRect(b.mapTo(chooser.scroll.viewport(), b.rect().topLeft()),
                                    b.size())), b.text()
    # Escape: the strip goes, the search box is back.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not chooser.isVisible() and w.chart.search.isVisible()


def test_the_side_captions_stay_under_the_strip(french_window, qtbot):
    # Touch-sized at 960 x 540 the chart is 114 px tall: the patient's sides' captions,
    # raised as the chart scrolled, lay over the strip's first choice.
    w = french_window
    w.history_bar.more.setChecked(True)  # open on the short chart (ui.short_chart): 114 px
    chooser = open_chooser(w, qtbot, 960)
    w.chart.view.zoom_by(1.5, anchor_under_mouse=False)  # the chart scrolls and zooms
    qtbot.wait(10)
    siblings = w.chart.view.children()
    captions = [c for c in siblings if getattr(c, "objectName", lambda: "")() == "sideCaption"]
    # Every caption shown, whether or not this window's geometry puts one under the strip
    # (the history bar's rows move the chart by a line from one layout to the next): the strip
    # is drawn over each of them.
    shown = [c for c in captions if c.isVisible()]
    assert shown
    for caption in shown:
        assert siblings.index(chooser) > siblings.index(caption)  # drawn over it


def test_ctrl_f_brings_back_the_search_box_the_strip_lay_over(french_window, qtbot,
                                                             touch_sized):  # noqa: F811
    w = french_window
    w.history_bar.more.setChecked(True)  # open on the short chart (ui.short_chart)
    if not touch_sized:
        # Mouse-sized, the chart the legend's own rows leave at 960 x 540 (199 px, its title
        # shorter) has room for the strip above the search box: the heat map's scale made it
        # short enough for the case under test, as the legend's kept room did (149 px); with
        # the layer buttons on one line and the visits row's words beside the bar's button
        # (tests/test_ui_chart_room_960.py) it is taller: the window is made shorter.
        w.history_bar.heat.setChecked(True)
    chooser = open_chooser(w, qtbot, 960, None if touch_sized else 480)
    assert chooser.covering  # the strip lies over the search box: the case under test
    assert not w.chart.search.isVisible()
    qtbot.keyClick(w.chart.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert not chooser.isVisible()
    assert w.chart.search.isVisible() and w.chart.search.hasFocus()
