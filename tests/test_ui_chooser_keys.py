"""The muscle chooser from the keys (a keyboard user, a screen reader): after a tap where several
muscles lie, the strip of other muscles was mouse-only. M in the chart gives its first choice the
keys, with a ring round it; the arrows and Tab go between the choices, Enter takes one, Escape
keeps the muscle first taken; each choice says its muscle to a screen reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QApplication

from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    qt_settings,
    window,
)


def sites(w):
    return w.records.repo.sites_for_session(w.session_id)


def layered_point(w, choices: int = 2):
    """A superficial muscle whose label point has at least `choices` other muscles under it."""
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    scene = w.chart.scene
    view = w.records.atlas.view("posterior")
    for region in scene.chart.regions():
        x, y = region.label
        if scene.region_at(x, y) is not region or region.area < 2000:
            continue
        others = {(r.muscle, r.side, r.level) for r in view.regions_at(x, y)} - {
            (region.muscle, region.side, region.level)}
        if len(others) >= choices:
            return region
    raise AssertionError(f"no superficial muscle with {choices} others under its label")


def ring_pixels(button) -> int:
    """Pixels of the palette's highlight in the button's own image (its focus ring)."""
    image = button.grab().toImage()
    highlight = button.palette().color(QPalette.ColorRole.Highlight).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixel(x, y) == highlight)


def test_the_chooser_is_reached_and_used_from_the_keys(qtbot, window):
    w = window
    top = layered_point(w)
    click_region(qtbot, w, top)
    (site,) = sites(w)
    chooser = w.chart.chooser
    assert chooser.isVisible() and len(chooser.buttons) >= 2
    view = w.chart.view
    assert view.hasFocus()  # the tap leaves the keys with the chart: 1 still grades
    first, second = chooser.buttons[:2]
    assert not first.focusPolicy() & Qt.FocusPolicy.ClickFocus  # a tap does not take them
    # M: the keys to the strip's first choice, and a ring a user sees round it.
    no_ring = ring_pixels(first)
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert first.hasFocus()
    assert ring_pixels(first) > no_ring + 2 * first.width()
    # A screen reader names each choice by its muscle and says what taking it does.
    said = QAccessible.queryAccessibleInterface(first)
    assert said.text(QAccessible.Text.Name) == first.text()
    assert "Enter" in said.text(QAccessible.Text.Description)
    assert chooser.accessibleName()
    # The arrows go round the choices, Tab goes on to the next one.
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert second.hasFocus()
    qtbot.keyClick(second, Qt.Key.Key_Left)
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Left)
    assert chooser.buttons[-1].hasFocus()
    qtbot.keyClick(chooser.buttons[-1], Qt.Key.Key_Right)
    assert first.hasFocus()
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert second.hasFocus()
    qtbot.keyClick(second, Qt.Key.Key_Backtab)
    assert first.hasFocus()
    # Escape: the muscle first taken stays, nothing recorded, the chart has the keys again.
    depth = w.undo_stack.count()
    qtbot.keyClick(first, Qt.Key.Key_Escape)
    assert not chooser.isVisible() and view.hasFocus()
    assert w.undo_stack.count() == depth
    assert sites(w)[0].muscle_id == site.muscle_id == top.muscle


def test_enter_on_a_choice_reassigns_the_site_in_one_undo_step(qtbot, window):
    w = window
    top = layered_point(w)
    click_region(qtbot, w, top)
    chooser = w.chart.chooser
    view = w.chart.view
    qtbot.keyClick(view, Qt.Key.Key_M)
    qtbot.keyClick(chooser.buttons[0], Qt.Key.Key_Right)
    chosen = chooser.regions[1]
    depth = w.undo_stack.count()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    (site,) = sites(w)
    assert (site.muscle_id, site.side.value, site.level) == (
        chosen.muscle, chosen.side, chosen.level)
    assert w.undo_stack.count() == depth + 1 and not chooser.isVisible()
    # The chart has the keys again: 2 grades the site.
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert sites(w)[0].grasp == 2


def test_m_without_the_chooser_does_nothing(qtbot, window):
    w = window
    view = w.chart.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert view.hasFocus() and sites(w) == []


def test_tab_past_the_last_site_reaches_the_chooser_before_the_search(qtbot, window):
    w = window
    click_region(qtbot, w, layered_point(w))
    chooser = w.chart.chooser
    view = w.chart.view
    assert w.chart.selected_site_id() == sites(w)[0].id  # the one site, the last
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert chooser.buttons[0].hasFocus()
    for button in chooser.buttons[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert button.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert w.chart.search.hasFocus()
