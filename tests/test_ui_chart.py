"""The chart: a click on a muscle records a site; keys grade it; Delete and undo; painting."""

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
    window,
)

pytestmark = pytest.mark.both_backends


def _sites(records, session):
    return records.repo.sites_for_session(session.id)


def test_click_on_a_muscle_records_a_site_with_its_muscle_and_side(qtbot, window, records,
                                                                   session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = _sites(records, session)
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
    assert _sites(records, session) == []


def test_keys_grade_cramp_delete_and_undo(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    view = window.chart.view
    qtbot.keyClick(view, Qt.Key.Key_2)
    qtbot.keyClick(view, Qt.Key.Key_C)
    (site,) = _sites(records, session)
    assert site.grasp == 2 and site.cramp is True
    assert window.site_table.item(0, 3).text().startswith("2")

    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _sites(records, session) == []
    assert window.chart.scene.marker(site.id) is None
    assert window.site_table.rowCount() == 0

    window.undo_stack.undo()  # the removal
    (back,) = _sites(records, session)
    assert back.id == site.id and back.grasp == 2 and back.cramp is True
    assert window.chart.scene.marker(site.id) is not None

    window.undo_stack.undo()  # cramp
    window.undo_stack.undo()  # grasp
    (site,) = _sites(records, session)
    assert site.grasp is None and site.cramp is False
    window.undo_stack.undo()  # the site itself
    assert _sites(records, session) == []
    window.undo_stack.redo()
    assert [s.id for s in _sites(records, session)] == [back.id]


def test_keys_in_the_site_list_act_on_the_selected_row(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    window.site_table.setFocus()
    qtbot.keyClick(window.site_table, Qt.Key.Key_3)
    assert _sites(records, session)[0].grasp == 3


def test_drag_moves_a_site_in_one_undo_step(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = _sites(records, session)
    marker = window.chart.scene.marker(site.id)
    depth = window.undo_stack.count()
    # A drag ends with one markerMoved; the window records it as one step.
    target = QPointF(site.x + 3, site.y + 4)
    marker.setPos(target)
    window.chart.scene.signals.markerMoved.emit(site.id, QPointF(site.x, site.y), target)
    (moved,) = _sites(records, session)
    assert (moved.x, moved.y) == (round(site.x + 3, 2), round(site.y + 4, 2))
    assert window.undo_stack.count() == depth + 1
    window.undo_stack.undo()
    (back,) = _sites(records, session)
    assert (back.x, back.y) == (site.x, site.y)
    assert window.chart.scene.marker(site.id).pos() == QPointF(site.x, site.y)


def test_a_signed_session_is_read_only(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    records.sign_session(session.id)
    assert not window.session_panel.editable
    click_region(qtbot, window, region)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_3)
    (site,) = _sites(records, session)
    assert site.grasp is None
    assert "signed" in window.statusBar().currentMessage()
    assert window.session_panel.pain_before.isReadOnly()


def test_marker_is_painted_in_its_grasp_colour(qtbot, window, records, session):
    region = pick_region(window)
    click_region(qtbot, window, region)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_3)
    (site,) = _sites(records, session)
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
    (site,) = _sites(records, session)
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
    muscle = next(iter({r.muscle for r in scene.chart.regions()}))
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


# -- fast entry: one tap and one key per insertion ------------------------------------------

def _spread_regions(w, n: int, min_px: float = 34.0):
    """Up to n clickable regions of the current chart whose label points lie apart on screen."""
    scene = w.chart.scene
    chosen, points = [], []
    if n <= 0:
        return chosen
    for region in scene.chart.regions():
        x, y = region.label
        if not region.contains(x, y) or scene.region_at(x, y) is not region:
            continue
        p = w.chart.scene_to_viewport(x, y)
        if not w.chart.view.viewport().rect().adjusted(20, 20, -20, -20).contains(p):
            continue
        if all((p - q).manhattanLength() > min_px for q in points):
            chosen.append(region)
            points.append(p)
        if len(chosen) == n:
            break
    return chosen


def test_keys_t_and_e_toggle_twitch_and_stimulation_one_undo_step_each(qtbot, window, records,
                                                                        session):
    click_region(qtbot, window, pick_region(window))
    view = window.chart.view
    depth = window.undo_stack.count()
    qtbot.keyClick(view, Qt.Key.Key_T)
    qtbot.keyClick(view, Qt.Key.Key_E)
    (site,) = _sites(records, session)
    assert site.twitch is True and site.estim is True
    assert window.undo_stack.count() == depth + 2
    assert "twitch" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    (site,) = _sites(records, session)
    assert site.twitch is True and site.estim is False
    qtbot.keyClick(view, Qt.Key.Key_T)  # toggles back off
    (site,) = _sites(records, session)
    assert site.twitch is False


def test_tab_shift_tab_and_arrows_step_through_the_sites_in_order(qtbot, window, records,
                                                                  session):
    for region in _spread_regions(window, 3):
        click_region(qtbot, window, region)
    ids = [s.id for s in _sites(records, session)]
    assert len(ids) == 3
    view = window.chart.view
    view.setFocus()
    assert window.edits.selected_site_id() == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_Right)  # the arrows wrap: to the first
    assert window.chart.selected_site_id() == ids[0]
    assert window.site_table.selected_site_id() == ids[0]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert window.edits.selected_site_id() == ids[1]
    qtbot.keyClick(view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.edits.selected_site_id() == ids[0]
    qtbot.keyClick(view, Qt.Key.Key_Up)  # wraps to the last
    assert window.edits.selected_site_id() == ids[2]
    assert view.hasFocus()  # Tab did not wander off to another widget
    # Tab past the last site moves the focus on (the selection stays): it wrapped round, and
    # a keyboard user could never leave the chart for the pain scores and notes.
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus() and window.edits.selected_site_id() == ids[2]
    # The same keys in the list, which the chart follows; a key then grades that site.
    table = window.site_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # wraps to the first
    assert table.selected_site_id() == ids[0] and window.chart.selected_site_id() == ids[0]
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert [s.grasp for s in _sites(records, session)] == [None, 2, None]
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not table.hasFocus() and table.selected_site_id() == ids[0]  # out before the first


def test_enter_confirms_a_planned_site_and_a_grade_confirms_it_too(qtbot, window, records,
                                                                   session):
    a, b = _spread_regions(window, 2)
    vid = window.chart.view_id
    for region in (a, b):
        records.add_site(session.id, vid, *region.label, muscle_id=region.muscle,
                         side=region.side, layer=region.layer, level=region.level, planned=True)
    first, second = _sites(records, session)
    view = window.chart.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert window.edits.selected_site_id() == first.id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert records.repo.site(first.id).planned is False
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_3)  # grading a planned site records it: one key, one step
    site = records.repo.site(second.id)
    assert (site.planned, site.grasp) == (False, 3)
    window.undo_stack.undo()
    site = records.repo.site(second.id)
    assert (site.planned, site.grasp) == (True, None)
    window.undo_stack.undo()
    assert records.repo.site(first.id).planned is True


def test_keys_on_a_signed_session_change_nothing(qtbot, window, records, session):
    click_region(qtbot, window, pick_region(window))
    records.sign_session(session.id)
    qtbot.keyClick(window.chart.view, Qt.Key.Key_T)
    (site,) = _sites(records, session)
    assert site.twitch is False
    assert "signed" in window.statusBar().currentMessage()


def test_a_session_of_25_insertions_by_tap_and_one_key_each(qtbot, window, records, session):
    """Issue 4's "done when": 25 taps, one key each, 25 graded sites."""
    done = 0
    for view_id in ("anterior", "posterior"):
        window.chart.set_view(view_id)
        for region in _spread_regions(window, 25 - done):
            click_region(qtbot, window, region)
            qtbot.keyClick(window.chart.view, Qt.Key.Key_0 + done % 4)
            done += 1
    assert done == 25
    sites = _sites(records, session)
    assert len(sites) == 25
    assert [s.seq for s in sites] == list(range(1, 26))
    assert [s.grasp for s in sites] == [i % 4 for i in range(25)]
    assert window.site_table.rowCount() == 25
    assert window.undo_stack.count() == 50


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


# -- which muscle, where several lie under one point ----------------------------------------

def _layered_point(w, view_id: str = "posterior"):
    """A superficial region's label point with a deep muscle under it."""
    w.chart.set_view(view_id)
    w.chart.set_layer("superficial")
    scene = w.chart.scene
    view = w.records.atlas.view(view_id)
    for region in scene.chart.regions():
        x, y = region.label
        if scene.region_at(x, y) is not region or region.area < 2000:
            continue
        deep = [r for r in view.regions_at(x, y) if r.layer == "deep"]
        if deep:
            return region, deep[0]
    raise AssertionError("no superficial muscle with a deep one under it")


def test_a_tap_offers_the_deep_muscle_under_it_and_one_tap_reassigns(qtbot, window, records,
                                                                      session):
    top, deep = _layered_point(window)
    click_region(qtbot, window, top)
    (site,) = _sites(records, session)
    assert site.muscle_id == top.muscle and site.layer == "superficial"
    chooser = window.chart.chooser
    assert chooser.isVisible() and chooser.site_id == site.id
    name = records.atlas.muscle(deep.muscle).name
    button = next(b for b in chooser.buttons if b.text().startswith(name))
    assert "(deep)" in button.text()
    # A tap on it does not take the keys (Tab and M do: test_ui_chooser_keys).
    assert button.height() >= 40 and not button.focusPolicy() & Qt.FocusPolicy.ClickFocus
    assert window.chart.view.hasFocus()  # the grade key still reaches the chart
    depth = window.undo_stack.count()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (moved,) = _sites(records, session)
    assert (moved.muscle_id, moved.layer, moved.side.value) == (deep.muscle, "deep", deep.side)
    assert (moved.x, moved.y) == (site.x, site.y)
    assert window.undo_stack.count() == depth + 1 and not chooser.isVisible()
    qtbot.keyClick(window.chart.view, Qt.Key.Key_2)
    assert _sites(records, session)[0].grasp == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert _sites(records, session)[0].muscle_id == top.muscle


def test_the_chooser_goes_away_with_the_next_tap_and_costs_nothing(qtbot, window, records,
                                                                   session):
    top, _deep = _layered_point(window)
    click_region(qtbot, window, top)
    assert window.chart.chooser.isVisible()
    qtbot.keyClick(window.chart.view, Qt.Key.Key_1)
    assert window.chart.chooser.isVisible()  # grading does not dismiss it...
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Escape)
    assert not window.chart.chooser.isVisible()  # ...Escape (or the next tap) does
    (site,) = _sites(records, session)
    assert (site.muscle_id, site.grasp) == (top.muscle, 1)


def test_right_click_on_the_chart_adds_a_site_in_the_muscle_chosen(qtbot, window, records,
                                                                   session):
    top, deep = _layered_point(window)
    pos = window.chart.scene_to_viewport(*top.label)
    window.chart.view.chooserRequested.emit(pos)  # what a right-click or a long press sends
    chooser = window.chart.chooser
    names = chooser.choice_texts()
    assert names[0].startswith(records.atlas.muscle(top.muscle).name)  # superficial first
    assert any(t.startswith(records.atlas.muscle(deep.muscle).name) for t in names)
    assert _sites(records, session) == []
    qtbot.mouseClick(chooser.buttons[names.index(next(
        t for t in names if "(deep)" in t))], Qt.MouseButton.LeftButton)
    (site,) = _sites(records, session)
    assert site.layer == "deep" and site.muscle_id == deep.muscle
    # On its marker, the chooser offers the others to re-assign it.
    marker_pos = window.chart.scene_to_viewport(site.x, site.y)
    window.chart.view.chooserRequested.emit(marker_pos)
    assert chooser.isVisible() and chooser.site_id == site.id
    assert not any(t.startswith(records.atlas.muscle(deep.muscle).name)
                   for t in chooser.choice_texts())


def test_a_long_press_opens_the_chooser_instead_of_adding_a_site(qtbot, window, records,
                                                                 session):
    from imsmap.ui.chart_view import LONG_PRESS_MS

    top, _deep = _layered_point(window)
    viewport = window.chart.view.viewport()
    pos = window.chart.scene_to_viewport(*top.label)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.wait(LONG_PRESS_MS + 150)
    assert window.chart.chooser.isVisible()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=pos)
    assert _sites(records, session) == []  # the press that was held adds nothing
    assert window.chart.chooser.site_id is None


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
    assert _sites(records, session) == []
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
    assert len(_sites(records, session)) == 1
    assert chart.hint.text() == ""


# -- sites on the other layer, flags on the marker ------------------------------------------

def _render(scene) -> QImage:
    rect = scene.sceneRect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def _distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def test_a_deep_site_is_drawn_lighter_and_ringed_on_the_superficial_layer(qtbot, window,
                                                                          records, session):
    top, deep = _layered_point(window)
    x, y = top.label
    deep_site = records.add_site(session.id, "posterior", x, y, muscle_id=deep.muscle,
                                 side=deep.side, layer="deep", level=deep.level)
    records.update_site(deep_site.id, grasp=3)
    window.chart.select_site(None)
    scene = window.chart.scene
    marker = scene.marker(deep_site.id)
    assert marker.off_layer and "deep layer" in marker.toolTip()
    r = LIGHT.marker_radius * marker.scale_factor
    fill = _render(scene).pixelColor(round(x), round(y - r * 0.7))
    strong = LIGHT.grasp_fill(3)
    assert _distance(fill, strong) > 40  # lighter than an on-layer grade 3...
    assert fill.red() > strong.red()  # ...but still reddish, not gone
    # On the deep layer the same site is drawn at full strength.
    window.chart.set_layer("deep")
    deep_scene = window.chart.scene
    assert not deep_scene.marker(deep_site.id).off_layer
    assert _distance(_render(deep_scene).pixelColor(round(x), round(y - r * 0.7)), strong) <= 12


def test_selecting_a_site_lights_its_muscle_even_from_the_other_layer(qtbot, window, records,
                                                                      session):
    top, deep = _layered_point(window)
    click_region(qtbot, window, top)
    scene = window.chart.scene
    assert top.id in scene.background.highlight and not scene.ghost.isVisible()
    qtbot.mouseClick(window.chart.chooser.buttons[0], Qt.MouseButton.LeftButton)
    (site,) = _sites(records, session)
    assert site.layer == "deep"
    window.chart.select_site(site.id)
    assert scene.ghost.isVisible()  # the deep muscle's outline over the superficial chart
    assert scene.ghost.path().contains(QPointF(site.x, site.y))
    window.chart.select_site(None)
    assert not scene.ghost.isVisible()


def test_an_electric_sensation_puts_a_warning_on_the_marker(qtbot, window, records, session):
    click_region(qtbot, window, pick_region(window))
    (site,) = _sites(records, session)
    scene = window.chart.scene
    marker = scene.marker(site.id)
    r = LIGHT.marker_radius * marker.scale_factor
    from imsmap.ui.chart_markers import NERVE_FLAG_AT, NERVE_FLAG_SIZE

    size, at = r * NERVE_FLAG_SIZE, r * NERVE_FLAG_AT  # the triangle; beside its "!"
    spot = (round(site.x + at - size * 0.3), round(site.y - at + size * 0.28))
    before = _render(scene).pixelColor(*spot)
    records.update_site(site.id, sensation="electric/paraesthetic")
    after = _render(scene).pixelColor(*spot)
    assert _distance(after, QColor("#ffd54f")) < 40 and _distance(before, after) > 40
    assert "ELECTRIC" in marker.toolTip()


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
    assert _sites(records, session) == []


def test_removing_the_offered_site_takes_its_muscle_chooser_away(qtbot, window, records,
                                                                 session):
    # The strip "#1 or: ..." offers other muscles for one site. With that site removed (Del),
    # a tap on the strip said "There is no site with id 570.": the strip goes with its site.
    top, _deep = _layered_point(window)
    click_region(qtbot, window, top)
    (site,) = _sites(records, session)
    chooser = window.chart.chooser
    assert chooser.isVisible() and chooser.site_id == site.id
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Delete)
    assert _sites(records, session) == []
    assert not chooser.isVisible() and chooser.site_id is None
    # Undo brings the site back, not the strip; a chooser for a new point (no site) stays.
    window.undo_stack.undo()
    assert len(_sites(records, session)) == 1 and not chooser.isVisible()


def test_the_miss_hint_goes_when_a_marker_is_tapped(qtbot, window, records, session):
    # A miss, then a tap on a site's marker to select it (and Del to remove it): the hint
    # still said "No muscle there." under the selected site.
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = _sites(records, session)
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
    assert len(_sites(records, session)) == 1  # selected, not a second site


def test_a_grade_key_on_a_signed_session_says_it_is_signed(qtbot, window, records, session):
    """The window knows the session is signed: the key's refusal says so, and how to correct
    it, rather than "signed (or the database is read-only)"."""
    region = pick_region(window)
    click_region(qtbot, window, region)
    (site,) = _sites(records, session)
    records.sign_session(session.id)
    window.refresh_all()
    window.edits.select_site(site.id)
    for key in (Qt.Key.Key_2, Qt.Key.Key_C):
        window.statusBar().clearMessage()
        qtbot.keyClick(window.chart.view, key)
        said = window.statusBar().currentMessage()
        assert said.startswith("This session is signed: its sites cannot change.") and \
            "read-only" not in said and "Add amendment…" in said, said
    assert _sites(records, session)[0].grasp == site.grasp


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


def test_the_layer_buttons_follow_the_layer_shown_and_are_made_once_per_chart(qtbot, window):
    """Another layer of the same chart checks its button (the buttons stay: a click on one is
    not answered by deleting it); another chart makes its own."""
    chart = window.chart
    chart.set_view("posterior")
    buttons = list(chart.layer_group.buttons())
    layers = window.records.atlas.view("posterior").layer_ids
    assert len(buttons) == len(layers) > 1
    for layer in (layers[1], layers[0], layers[1]):
        chart.set_layer(layer)
        assert chart.layer == layer
        assert chart.layer_group.buttons() == buttons
        assert [b.isChecked() for b in buttons] == [x == layer for x in layers]
    buttons[0].click()  # the button itself switches back
    assert chart.layer == layers[0] and buttons[0].isChecked() and not buttons[1].isChecked()
    chart.toggle_layer()  # Ctrl+L
    assert chart.layer == layers[1] and buttons[1].isChecked()
    chart.set_view("spinal")
    spinal = window.records.atlas.view("spinal").layer_ids
    assert len(chart.layer_group.buttons()) == len(spinal)
    assert not any(b in chart.layer_group.buttons() for b in buttons)
    assert chart.layer_label.isVisibleTo(chart) == (len(spinal) > 1)


def test_a_site_on_another_layer_names_that_layer_as_its_button_does(qapp, qtbot, window,
                                                                      records, session):
    """The tooltip of a site on another layer says "recorded on the posterior wall layer",
    and « consigné sur la couche paroi postérieure » in French: it said the layer's id
    ("posterior_wall") in both."""
    from imsmap import i18n

    wall = next(r for r in records.atlas.view("anterior").regions
                if r.layer == "posterior_wall")
    site = records.add_site(session.id, "anterior", *wall.label, muscle_id=wall.muscle,
                            side=wall.side, layer="posterior_wall", level=wall.level)
    window.chart.set_view("anterior")
    window.chart.set_layer("superficial")
    marker = window.chart.scene.marker(site.id)
    marker.update_site(site)
    assert marker.off_layer and "recorded on the posterior wall layer" in marker.toolTip()
    i18n.install(qapp, "fr_CA")
    try:
        marker.update_site(site)
        assert "consigné sur la couche paroi postérieure" in marker.toolTip()
    finally:
        i18n.install(qapp, "en")
    assert "posterior_wall" not in marker.toolTip()
