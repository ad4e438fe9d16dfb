"""The chart: a click on a muscle records a site, a drag moves it; markers painted, zoom,
the tabs' counts; a muscle found by name; a tap beside every muscle says so. The keys are in
test_ui_chart_keys.py, the layers and the muscle chooser in test_ui_chart_layers.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.render.style import LIGHT
from test_ui_support import (  # noqa: F401 - fixtures
    click_chart,
    click_region,
    make_window,
    pick_region,
    qt_settings,
    sites_of,
    window,
)

pytestmark = pytest.mark.both_backends


def test_click_on_a_muscle_records_a_site_with_its_muscle_and_side(qtbot, window, records,
                                                                   session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = sites_of(records, session)
    assert site.muscle_id == region.muscle
    assert site.side.value == region.side
    assert site.layer == region.layer
    assert site.view_id == window.chart.view_id
    assert abs(site.x - region.label[0]) < 5 and abs(site.y - region.label[1]) < 5
    # The marker appears, numbered, and is selected; the list shows the same site.
    marker = window.chart.scene.marker(site.id)
    assert marker is not None and marker.isSelected()
    assert window.site_table.rowCount() == 1
    assert window.site_table.selected_site_id() == site.id


def test_click_outside_any_muscle_records_nothing(qtbot, window, records, session):
    click_chart(qtbot, window, 5, 1990)  # the corner of the chart: no muscle there
    assert sites_of(records, session) == []


def test_drag_moves_a_site_in_one_undo_step(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = sites_of(records, session)
    marker = window.chart.scene.marker(site.id)
    depth = window.undo_stack.count()
    # A drag ends with one markerMoved; the window records it as one step.
    target = QPointF(site.x + 3, site.y + 4)
    marker.setPos(target)
    window.chart.scene.signals.markerMoved.emit(site.id, QPointF(site.x, site.y), target)
    (moved,) = sites_of(records, session)
    assert (moved.x, moved.y) == (round(site.x + 3, 2), round(site.y + 4, 2))
    assert window.undo_stack.count() == depth + 1
    window.undo_stack.undo()
    (back,) = sites_of(records, session)
    assert (back.x, back.y) == (site.x, site.y)
    assert window.chart.scene.marker(site.id).pos() == QPointF(site.x, site.y)


def test_a_signed_session_is_read_only(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    records.sign_session(session.id)
    assert not window.session_panel.editable
    click_region(qtbot, window, region)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_3)
    (site,) = sites_of(records, session)
    assert site.grasp is None
    assert "signed" in window.statusBar().currentMessage()
    assert window.session_panel.pain_before.isReadOnly()


def test_marker_is_painted_in_its_grasp_colour(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_3)
    (site,) = sites_of(records, session)
    scene = window.chart.scene
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    # On screen markers grow when the chart is shown small; the painter draws at that size.
    r = LIGHT.marker_radius * scene.marker(site.id).scale_factor
    # Inside the ring, above the number: the fill of grasp 3.
    pixel = image.pixelColor(round(site.x), round(site.y - r * 0.7))
    expected = LIGHT.grasp_fill(3)
    assert max(abs(pixel.red() - expected.red()), abs(pixel.green() - expected.green()),
               abs(pixel.blue() - expected.blue())) <= 12, pixel.name()
    # Well away from the marker the chart shows no grasp colour.
    far = image.pixelColor(round(site.x), round(site.y - r * 3))
    assert far.name() != expected.name()


def test_wheel_zoom_is_clamped_and_ctrl_0_fits(qtbot, window):
    view = window.chart.view
    for _ in range(40):
        view.zoom_by(1.5)
    assert view.zoom() <= 12.0 + 1e-6
    for _ in range(40):
        view.zoom_by(0.5)
    assert view.zoom() >= 0.6 - 1e-6
    window.menus.act_fit.trigger()
    assert abs(view.zoom() - 1.0) < 1e-3


def test_markers_stay_readable_and_apart_at_any_zoom(qtbot, window, records, session):
    from imsmap.ui.chart_scene import MAX_MARKER_RADIUS_PX, MIN_MARKER_RADIUS_PX

    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = sites_of(records, session)
    view = window.chart.view
    marker = window.chart.scene.marker(site.id)

    def screen_radius():
        return LIGHT.marker_radius * marker.scale_factor * view.transform().m11()

    for factor in (0.5, 1.0, 3.0, 12.0):
        view.fit()
        view.zoom_by(factor)
        assert MIN_MARKER_RADIUS_PX - 0.01 <= screen_radius() <= MAX_MARKER_RADIUS_PX + 0.01


def test_tabs_count_the_sites_on_each_view(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    i = window.chart.tabs.currentIndex()
    assert window.chart.tabs.tabText(i).endswith("(1)")


def test_a_chosen_root_lights_its_muscles_on_the_chart(qtbot, window, atlas):
    scene = window.chart.scene
    # a muscle drawn without levels (a segmental one lights only its boxes at the root's level:
    # tests/test_ui_root_rows.py)
    levelled = {r.muscle for r in scene.chart.view.regions if r.levels}
    muscle = min(r.muscle for r in scene.chart.regions() if r.muscle not in levelled)
    window.segments.rootChosen.emit("L5", frozenset({muscle}), frozenset({"L5"}))
    assert muscle in scene.background.highlight
    window.segments.rootChosen.emit("", frozenset(), frozenset())
    assert muscle not in scene.background.highlight


def test_a_site_over_the_thorax_brings_up_the_prompt_beside_the_sites(qtbot, window, records,
                                                                      session):
    scene = window.chart.scene
    region = next(r for r in scene.chart.regions()
                  if records.atlas.muscle(r.muscle).pneumothorax_risk
                  and scene.region_at(*r.label) is r)
    banner = window.details.thorax_banner
    assert banner.isHidden()
    click_region(qtbot, window, region)
    assert banner.parent() is window.session_panel and not banner.isHidden()
    qtbot.mouseClick(window.details.thorax_check, Qt.MouseButton.LeftButton)
    assert records.repo.session(session.id).pneumothorax_discussed
    assert banner.isHidden()


# -- finding a muscle by name ---------------------------------------------------------------

def test_ctrl_f_finds_a_muscle_by_synonym_shows_its_view_lights_and_centres_it(qtbot, window):
    chart = window.chart
    chart.set_view("anterior")
    chart.view.setFocus()
    qtbot.keyClick(chart.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = chart.search
    assert box.hasFocus()
    qtbot.keyClicks(box, "GMed")
    assert box.matches()[0] == "gluteus_medius"
    assert box.list.isVisible()
    assert box.match_texts()[0].startswith("Gluteus medius (GMed")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert chart.view_id == "posterior"  # the anterior chart does not draw it
    scene = chart.scene
    regions = [r for r in scene.chart.regions() if r.muscle == "gluteus_medius"]
    assert regions and {r.id for r in regions} <= scene.background.highlight
    assert chart.view.zoom() > 1.0
    rect = QRectF()
    for r in regions:
        rect = rect.united(scene.regions[r.id].sceneBoundingRect())
    centre = chart.visible_rect().center()
    assert abs(centre.x() - rect.center().x()) < 5 and abs(centre.y() - rect.center().y()) < 5
    assert chart.view.hasFocus()  # the next tap and key go to the chart
    # The tap that follows adds the site there and puts the lights out.
    x, y = next(r.label for r in regions if scene.region_at(*r.label) is r)
    click_chart(qtbot, window, x, y)
    (site,) = window.records.repo.sites_for_session(window.session_id)
    assert site.muscle_id == "gluteus_medius"
    assert scene.search_highlight == frozenset() and chart.search.text() == ""


def test_search_prefers_the_current_view_and_says_when_no_chart_draws_a_muscle(qtbot, window,
                                                                               atlas):
    chart = window.chart
    chart.set_view("posterior")
    qtbot.keyClicks(chart.search, "trapezius")
    qtbot.keyClick(chart.search, Qt.Key.Key_Return)
    assert chart.view_id == "posterior"
    drawn = {r.muscle for v in atlas.views.values() for r in v.regions}
    missing = next((m for m in atlas.catalogue if m.id not in drawn), None)
    if missing is not None:
        assert chart.show_muscle(missing.id) is False
        assert "not drawn" in chart.hint.text()


# -- a tap beside every muscle --------------------------------------------------------------

def test_the_hint_stays_under_the_chart_when_the_zoomed_chart_scrolls(qtbot, window):
    """A child of the viewport, the hint was scrolled with the zoomed chart, away from the
    search box it sits beside and out of sight."""
    chart = window.chart
    chart.view.zoom_by(3.0, anchor_under_mouse=False)
    chart.hint.setText("No muscle there.")
    placed = []
    for bar in (chart.view.verticalScrollBar(), chart.view.horizontalScrollBar()):
        assert bar.maximum() > bar.minimum()
        for value in (bar.minimum(), bar.maximum()):
            bar.setValue(value)
            qtbot.wait(5)
            placed.append(chart.hint.geometry())
    assert all(p == placed[0] for p in placed), placed
    assert chart.view.viewport().geometry().contains(placed[0])


def test_a_tap_beside_every_muscle_says_so_and_adds_nothing(qtbot, window, records, session):
    # Outside the body (the chart's corner): a tap adds no site and the hint under the chart
    # says why; a drag from there pans and says nothing; a tap on a muscle clears the hint.
    chart = window.chart
    viewport = chart.view.viewport()
    corner = chart.scene_to_viewport(2.0, 2.0)
    assert chart.scene.region_at(2.0, 2.0) is None
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=corner)
    assert sites_of(records, session) == []
    assert chart.hint.text() == "No muscle there."
    # shown whole over the chart, beside the search box, whatever room the legend row has
    hint = chart.hint
    assert hint.isVisible() and viewport.geometry().contains(hint.geometry())
    assert hint.width() >= hint.fontMetrics().horizontalAdvance(hint.text())
    assert not hint.geometry().intersects(chart.search.geometry())
    chart.hint.setText("")
    assert not hint.isVisible()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(viewport, corner + QPoint(40, 30))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=corner + QPoint(40, 30))
    assert chart.hint.text() == ""
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=corner)
    assert chart.hint.text() == "No muscle there."
    region = pick_region(window)
    click_region(qtbot, window, region)
    assert len(sites_of(records, session)) == 1
    assert chart.hint.text() == ""


def test_the_miss_hint_goes_when_another_chart_or_layer_is_shown(qtbot, window, records,
                                                                  session):
    # "No muscle there." answers one tap on one chart: left standing over the next chart (or
    # layer) it reads as if that chart had been tapped, and it never went away by itself.
    chart = window.chart
    viewport = chart.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=chart.scene_to_viewport(2.0, 2.0))
    assert chart.hint.isVisible() and chart.hint.text() == "No muscle there."
    tabs = chart.tabs
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    assert chart.tabs.currentIndex() == 1
    assert not chart.hint.isVisible()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=chart.scene_to_viewport(2.0, 2.0))
    assert chart.hint.isVisible()
    chart.toggle_layer()
    assert not chart.hint.isVisible()
    assert sites_of(records, session) == []


def test_the_miss_hint_goes_when_a_marker_is_tapped(qtbot, window, records, session):
    # A miss, then a tap on a site's marker to select it (and Del to remove it): the hint
    # still said "No muscle there." under the selected site.
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = sites_of(records, session)
    chart = window.chart
    viewport = chart.view.viewport()
    qtbot.keyClick(chart.view, Qt.Key.Key_Escape)
    assert chart.selected_site_id() is None
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=chart.scene_to_viewport(2.0, 2.0))
    assert chart.hint.isVisible()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                     pos=chart.scene_to_viewport(site.x, site.y))
    assert chart.selected_site_id() == site.id
    assert not chart.hint.isVisible()
    assert len(sites_of(records, session)) == 1  # selected, not a second site


def test_the_selected_marker_is_drawn_over_the_markers_it_overlaps(qtbot, window, records,
                                                                   session):
    """Two sites needled a few units apart: whichever is selected (in the list, on the chart)
    is drawn on top and answers a tap there; once it is no longer selected it goes back under
    the next one selected."""
    from imsmap.ui.chart_markers import MarkerItem

    region = pick_region(window)
    x, y = region.label
    view_id = window.chart.view_id
    first = records.add_site(session.id, view_id, x, y, muscle_id=region.muscle,
                             layer=region.layer)
    second = records.add_site(session.id, view_id, x + 3, y, muscle_id=region.muscle,
                              layer=region.layer)
    scene = window.chart.scene
    qtbot.waitUntil(lambda: scene.marker(second.id) is not None)

    def on_top() -> int:
        markers = [i for i in scene.items(QPointF(x + 1.5, y)) if isinstance(i, MarkerItem)]
        assert len(markers) == 2
        return markers[0].site.id

    for chosen in (first, second, first):
        window.chart.select_site(chosen.id)
        assert on_top() == chosen.id
    table = window.site_table  # a tap on the second site's row (its number in column 0)
    n = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == str(second.seq))
    row = table.visualItemRect(table.item(n, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert scene.selected_site_id() == second.id
    assert on_top() == second.id
    assert scene.marker(first.id).zValue() == scene.marker(second.id).zValue() - 1
    window.chart.select_site(None)
    assert scene.marker(first.id).zValue() == scene.marker(second.id).zValue()

