"""The window on a 1366 x 768 screen. The site list keeps at least six rows in view (five where a
sixth would make the column scroll) with the pneumothorax prompt and the session's fields
showing (a session charts 10-40 sites, checked in that list: it had shrunk to a row and a half).
Where the session's panel is taller than the room under the menus (a title bar over the window,
a signed session's amendments...) it scrolls up and down instead of making the window taller than
the screen (which pushed the visits bar and the status bar off it), and it never squeezes its own
lines together. On a tall screen it fills its column without scrolling, the list taking the room.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.test_ui_support import click_region, make_window, qt_settings, touch_sized, window  # noqa: F401 - fixtures

# Each test with the controls mouse-sized and touch-sized (ui.touch_size).
pytestmark = pytest.mark.usefixtures("touch_sized")

SCREEN = (1366, 768)
TITLE_BAR = 30  # a window manager's title bar over the window's frame


def _thorax_site(qtbot, w):
    """Tap latissimus dorsi (over the thorax): the site is selected, the banner shows."""
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    scene = w.chart.scene
    region = next(r for r in scene.chart.regions() if r.muscle == "latissimus_dorsi"
                  and scene.region_at(*r.label) is r)
    before = len(w.edits.sites)
    click_region(qtbot, w, region)
    assert len(w.edits.sites) == before + 1
    qtbot.waitUntil(lambda: w.details.thorax_banner.isVisible())


def _panel_area(w):
    return w.right_tabs.widget(0)


def add_sites(records, w, count: int) -> None:
    """`count` sites on the front chart's superficial muscles, as taps would add them."""
    regions = [r for r in w.atlas.view("anterior").regions if r.layer == "superficial"]
    for r in regions[:count]:
        records.add_site(w.session_id, "anterior", *r.label, muscle_id=r.muscle, layer=r.layer)
    assert len(w.edits.sites) >= count


def in_view(w, widget) -> bool:
    """`widget` shown whole in the session's column as it is scrolled now."""
    area = _panel_area(w)
    top = widget.mapTo(area.viewport(), widget.rect().topLeft()).y()
    return widget.isVisible() and 0 <= top and top + widget.height() <= area.viewport().height()


def visible_rows(w) -> int:
    """The site list's rows a clinician sees whole: inside the list and inside the column."""
    table = w.site_table
    area = _panel_area(w)
    seen = 0
    for row in range(table.rowCount()):
        rect = table.visualRect(table.model().index(row, 1))
        if not table.viewport().rect().contains(rect):
            continue
        top = table.viewport().mapTo(area.viewport(), rect.topLeft()).y()
        if 0 <= top and top + rect.height() <= area.viewport().height():
            seen += 1
    return seen


def test_the_site_list_shows_six_rows_at_1366_x_768_with_the_thorax_prompt(window, qtbot,
                                                                           records, touch_sized):
    w = window
    w.resize(*SCREEN)
    add_sites(records, w, 11)
    _thorax_site(qtbot, w)  # the twelfth, selected: the inspector is filled
    qtbot.wait(20)
    area = _panel_area(w)
    area.verticalScrollBar().setValue(0)
    # The prompt and the session's fields are in view with the list...
    sp = w.session_panel
    for widget in (w.details.thorax_banner, sp.started_at, sp.practitioner, sp.complaint,
                   sp.pain_before, sp.pain_after, sp.notes, sp.sign_button):
        assert in_view(w, widget), widget
    # ... and the list shows six rows or more (it showed 1.5); five mouse-sized, where its sixth
    # row pushed the photos' row under the column's foot (tests/test_ui_session_column_1366.py).
    assert visible_rows(w) >= (6 if touch_sized else 5), visible_rows(w)
    # The selected site's grades too, without scrolling the column (touch-sized: a scroll away).
    if touch_sized:
        area.ensureWidgetVisible(w.site_table.inspector, 0, 0)
    assert in_view(w, w.site_table.inspector)
    area.verticalScrollBar().setValue(0)
    # Once the discussion is recorded the prompt goes, and its room goes to the list (before
    # the notes grow past their two lines).
    notes = sp.notes.height()
    qtbot.mouseClick(w.details.thorax_check, Qt.MouseButton.LeftButton)
    assert records.repo.session(w.session_id).pneumothorax_discussed
    qtbot.waitUntil(lambda: w.details.thorax_banner.isHidden())
    qtbot.wait(20)
    # (five with touch-sized controls: the session's taller buttons and boxes take two rows'
    # room, and a sixth row would make the column scroll, the photos under its foot)
    assert visible_rows(w) >= (5 if touch_sized else 7), visible_rows(w)
    assert sp.notes.height() == notes


def test_on_a_1080p_screen_the_list_shows_more(window, qtbot, records):
    w = window
    w.resize(1920, 1080)
    add_sites(records, w, 19)
    _thorax_site(qtbot, w)
    qtbot.wait(20)
    assert _panel_area(w).verticalScrollBar().maximum() == 0
    assert visible_rows(w) >= 12, visible_rows(w)  # it showed 7


def test_the_window_fits_a_768_pixel_screen_with_the_banner_and_a_site_open(window, qtbot,
                                                                           records):
    w = window
    w.resize(SCREEN[0], SCREEN[1] - TITLE_BAR)
    add_sites(records, w, 11)
    _thorax_site(qtbot, w)
    qtbot.wait(20)
    # The window asks for no more than the screen, and stays the size it was given.
    assert w.minimumSizeHint().height() <= SCREEN[1] - TITLE_BAR, w.minimumSizeHint()
    assert w.height() <= SCREEN[1] - TITLE_BAR
    # Its foot is inside it: the visits bar and the status bar.
    for foot in (w.history_bar, w.statusBar()):
        bottom = foot.mapTo(w, foot.rect().bottomLeft()).y()
        assert foot.isVisible() and bottom <= w.height(), (type(foot).__name__, bottom)
    # The session's panel scrolls; it is not squeezed below its own least height, so no line
    # of it lies over another.
    area = _panel_area(w)
    panel = w.session_panel
    assert area.widget() is panel
    assert area.verticalScrollBar().maximum() > 0
    least = panel.layout().totalMinimumHeightForWidth(panel.width())
    assert panel.height() >= least
    assert panel.width() + area.verticalScrollBar().width() <= area.width()
    # The site's grades can be brought into view.
    inspector = w.site_table.inspector
    area.ensureWidgetVisible(inspector, 0, 0)
    top = inspector.mapTo(area.viewport(), inspector.rect().topLeft()).y()
    assert 0 <= top < area.viewport().height()


def test_on_a_tall_screen_the_panel_fills_its_column_without_scrolling(window, qtbot):
    w = window
    w.resize(1600, 1150)
    _thorax_site(qtbot, w)
    qtbot.wait(20)
    area = _panel_area(w)
    assert area.verticalScrollBar().maximum() == 0
    assert w.session_panel.height() == area.viewport().height()
    assert w.session_panel.width() == area.viewport().width()
    # the site table takes the room that is left
    assert w.site_table.height() > 150


def test_the_panel_keeps_its_width(window, qtbot):
    # Scrolling up and down does not let the column squeeze the panel sideways: the right
    # column is at least as wide as the panel needs, as before it could scroll.
    w = window
    w.resize(*SCREEN)
    w.splitter.setSizes([300, 5000, 1])
    qtbot.wait(20)
    assert w.session_panel.width() >= w.session_panel.minimumSizeHint().width()



def test_tab_goes_from_the_notes_to_the_prompt_the_sign_button_and_the_list(window, qtbot):
    # The buttons now sit beside the session's state, above the fields: Tab still reaches
    # them after the fields, the prompt's box first, and then the site list.
    from PySide6.QtWidgets import QApplication

    w = window
    _thorax_site(qtbot, w)
    w.activateWindow()
    sp = w.session_panel
    sp.notes.setFocus()
    qtbot.waitUntil(lambda: sp.notes.hasFocus())
    order = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [w.details.thorax_check, sp.sign_button, w.site_table], order
