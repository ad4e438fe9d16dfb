"""A clinic day without a pointer (gloves on, or a screen reader): what the keyboard walk of
5 December found a keyboard user could not do or could not see, through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt

from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

CTRL = Qt.KeyboardModifier.ControlModifier


def sites(w):
    return w.records.repo.sites_for_session(w.session_id)


# -- a site at a spinal level, from the keys ---------------------------------------------------

def test_a_spinal_level_typed_after_the_name_is_lit_and_added_with_a_side_key(qtbot, window):
    w = window
    chart = w.chart
    chart.set_view("anterior")
    chart.view.setFocus()
    qtbot.keyClick(chart.view, Qt.Key.Key_F, CTRL)
    # "Multifidus is drawn at several levels here: tap the level you needled": no key could
    # add a site at a level, on the chart an IMS clinician uses most.
    qtbot.keyClicks(chart.search, "multifidus l4")
    assert chart.search.match_texts()[0] == "Multifidus L4"
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.view.hasFocus()
    assert "press L or R" in chart.hint.text()
    qtbot.keyClick(chart.view, Qt.Key.Key_R)
    (site,) = sites(w)
    assert (site.muscle_id, site.side.value, site.level) == ("multifidus", "R", "L4")
    qtbot.keyClick(chart.view, Qt.Key.Key_1)
    assert sites(w)[0].grasp == 1


def test_the_spinal_chart_is_kept_when_it_draws_the_level(qtbot, window):
    w = window
    chart = w.chart
    chart.set_view("spinal")
    chart.focus_search()
    qtbot.keyClicks(chart.search, "rotatores T7")
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.view_id == "spinal"
    qtbot.keyClick(chart.view, Qt.Key.Key_L)
    (site,) = sites(w)
    assert (site.muscle_id, site.side.value, site.level, site.view_id) == (
        "rotatores", "L", "T7", "spinal")


def test_a_level_no_chart_draws_for_that_muscle_is_not_offered(qtbot, window):
    chart = window.chart
    chart.focus_search()
    qtbot.keyClicks(chart.search, "multifidus T40")
    assert "Multifidus T40" not in chart.search.match_texts()
    # a name alone still finds the muscle, every level lit as before
    chart.search.clear()
    qtbot.keyClicks(chart.search, "multifidus")
    assert chart.search.match_texts()[0] == "Multifidus"
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    # and the hint says how to take a level from the keys
    assert "type the level after the name" in chart.hint.text()
    qtbot.keyClick(chart.view, Qt.Key.Key_R)
    assert "(Ctrl+F: Multifidus L4)" in chart.hint.text() and sites(window) == []


def test_the_site_inspectors_muscle_box_offers_no_levels(qtbot, window, atlas):
    box = window.site_table.inspector.muscle
    box.setText("")
    box.show_matches("multifidus L4")
    assert "Multifidus L4" not in box.match_texts()


# -- where the keys are: the chart shows it has them -------------------------------------------

def _ring_pixels(view) -> set[str]:
    """The colours along the chart's left edge, a pixel in (where the ring is drawn)."""
    image = view.viewport().grab().toImage()
    return {image.pixelColor(1, y).name() for y in range(20, image.height() - 60, 10)}


def test_the_chart_shows_a_ring_while_it_has_the_keys_and_not_after_a_tap(qtbot, window):
    w = window
    view = w.chart.view
    highlight = view.palette().color(view.palette().ColorRole.Highlight).name()
    w.patients.search.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: w.patients.search.hasFocus())
    assert highlight not in _ring_pixels(view)
    # Tab (or Ctrl+F's Enter, or a new session) gives the chart the keys: it had no frame, and
    # nothing on the screen said where a grade key would go.
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.hasFocus())
    assert _ring_pixels(view) == {highlight}
    # a tap: the pointer says where it acted, no ring
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center())
    assert view.hasFocus() and highlight not in _ring_pixels(view)

