"""A site chosen, its fields come into sight in the session's column. On a 1366 x 768 laptop
under a title bar and a task bar (a window 1366 x 698), a busy visit's list of sites and the
session's fields above it left the chosen site's fields under the column's fold: its grades
half cut, the needle, feel and notes below, and nothing but the column's scroll bar to say so
(walk of 6 December). The column now scrolls as little as shows them whole."""

from __future__ import annotations

import pytest
from tests.test_ui_small_screen import _panel_area, add_sites, in_view
from tests.test_ui_support import click_region, make_window, qt_settings, touch_sized, window  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("touch_sized")

LAPTOP_UNDER_BARS = (1366, 698)  # 768 less a 30 px title bar and a 40 px task bar


def test_a_site_chosen_on_the_chart_shows_its_fields(window, qtbot, records):
    w = window
    w.resize(*LAPTOP_UNDER_BARS)
    add_sites(records, w, 15)
    qtbot.wait(20)
    area = _panel_area(w)
    area.verticalScrollBar().setValue(0)
    assert area.verticalScrollBar().maximum() > 0  # the column scrolls: the case this is about
    # tapped on the chart, as a clinician adds a site
    w.chart.set_view("posterior")
    w.chart.set_layer("superficial")
    scene = w.chart.scene
    region = next(r for r in scene.chart.regions() if r.muscle == "gluteus_maximus"
                  and scene.region_at(*r.label) is r)
    click_region(qtbot, w, region)
    inspector = w.site_table.inspector
    qtbot.waitUntil(lambda: inspector.site is not None and in_view(w, inspector), timeout=2000)
    # the site's grade buttons and side among what shows
    for widget in (inspector.grasp_buttons[3], inspector.side_buttons["R"], inspector.notes):
        assert in_view(w, widget), widget
    # another chosen in the list, after scrolling back up: in sight again
    area.verticalScrollBar().setValue(0)
    w.site_table.selectRow(0)  # as a click on the list's first row
    qtbot.waitUntil(lambda: inspector.site.id == w.edits.sites[0].id)
    qtbot.waitUntil(lambda: in_view(w, inspector), timeout=2000)


def test_scrolled_up_the_same_site_stays_where_the_clinician_put_it(window, qtbot, records):
    """Only another site brings the fields into sight: an edit of the one shown (its grade
    set, its row refreshed) leaves the column where the clinician scrolled it."""
    w = window
    w.resize(*LAPTOP_UNDER_BARS)
    add_sites(records, w, 15)
    w.edits.select_site(w.edits.sites[-1].id)
    inspector = w.site_table.inspector
    qtbot.waitUntil(lambda: in_view(w, inspector), timeout=2000)
    area = _panel_area(w)
    area.verticalScrollBar().setValue(0)
    records.update_site(inspector.site.id, grasp=2)
    qtbot.wait(50)
    assert area.verticalScrollBar().value() == 0
