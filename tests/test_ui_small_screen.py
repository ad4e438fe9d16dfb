"""The window on a 1366 x 768 screen: the session's panel, with the pneumothorax banner shown and
a site open, is taller than the room under the menus. It scrolls up and down instead of making
the window taller than the screen (which pushed the visits bar and the status bar off it), and
it never squeezes its own lines together. On a tall screen it fills its column without scrolling.
"""

from __future__ import annotations

from tests.test_ui_support import click_region, make_window, qt_settings, window  # noqa: F401 - fixtures

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


def test_the_window_fits_a_768_pixel_screen_with_the_banner_and_a_site_open(window, qtbot):
    w = window
    w.resize(SCREEN[0], SCREEN[1] - TITLE_BAR)
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
