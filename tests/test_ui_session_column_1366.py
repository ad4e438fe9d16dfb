"""The session's column at 1366 x 768, the commonest clinic screen (walk of 7 December): with the
pneumothorax warning showing and a sixth site open, what a clinician uses while charting (the
warning, Sign, the site's grades and its notes, Photos) is in view without scrolling, in English
and in French (whose key hint takes two lines); the site list gives a row of its room and scrolls
in itself. Touch-sized the column is taller than the screen: choosing a site scrolls it so its
fields and the photos under them are whole, none half under the column's edge."""

from __future__ import annotations

import pytest
from tests.test_ui_french import clinic_data, french, open_visit  # noqa: F401 - fixtures
from tests.test_ui_support import click_region, make_window, qt_settings, touch_sized  # noqa: F401

pytestmark = pytest.mark.usefixtures("touch_sized")


def span(area, widget) -> tuple[int, int]:
    """`widget`'s top and bottom in the column's view as it is scrolled now."""
    top = widget.mapTo(area.viewport(), widget.rect().topLeft()).y()
    return top, top + widget.height()


@pytest.mark.parametrize("language", ["en", "fr_CA"])
def test_a_thorax_site_and_its_fields_fit_the_column_at_1366_x_768(
        request, language, make_window, clinic_data, qtbot, records, touch_sized):
    if language == "fr_CA":
        request.getfixturevalue("french")
    w = open_visit(qtbot, make_window, clinic_data[1], (1366, 768))  # three sites
    w.chart.set_view("anterior")
    w.chart.set_layer("superficial")
    scene = w.chart.scene
    pectoralis = next(r for r in scene.chart.regions() if r.muscle == "pectoralis_major"
                      and scene.region_at(*r.label) is r)
    click_region(qtbot, w, pectoralis)  # over the thorax: the warning shows
    qtbot.waitUntil(lambda: w.details.thorax_banner.isVisible())
    for region in [r for r in w.atlas.view("posterior").regions
                   if r.layer == "superficial" and r.muscle.startswith("gluteus")][:2]:
        records.add_site(w.session_id, "posterior", *region.label, muscle_id=region.muscle,
                         layer=region.layer)
    sites = records.read.sites_for_session(w.session_id)
    assert len(sites) == 6
    w.edits.select_site(sites[-1].id)  # the sixth, chosen in the list
    qtbot.wait(50)
    assert w.width() <= 1366 and w.height() <= 768
    area = w.right_tabs.widget(0)
    panel, inspector = w.session_panel, w.site_table.inspector
    used = (w.details.thorax_banner, panel.sign_button, inspector.grasp_buttons[2],
            inspector.notes, w.photo_strip.add_button)
    room = area.viewport().height()
    if not touch_sized:
        # All of it without scrolling (the column scrolled by 4 px in English, 16 in French).
        assert area.verticalScrollBar().maximum() == 0, area.verticalScrollBar().maximum()
        for widget in used:
            top, bottom = span(area, widget)
            assert widget.isVisible() and 0 <= top and bottom <= room, (widget, top, bottom)
        # The list still shows five rows whole, and scrolls in itself for the rest.
        table = w.site_table
        whole = [row for row in range(table.rowCount())
                 if table.viewport().rect().contains(table.visualRect(table.model().index(row, 1)))]
        assert len(whole) >= 5, whole
    # Touch-sized too: the site's fields and the photos under them whole, the photos' row not
    # left half under the column's foot (it was, by 12 to 24 px).
    for widget in (inspector, inspector.notes, w.photo_strip):
        top, bottom = span(area, widget)
        assert 0 <= top and bottom <= room, (widget, top, bottom, room)
