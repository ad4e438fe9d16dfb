"""Where several muscles lie under one point: the chooser a tap offers, the right click and
the long press, the layer buttons; sites on another layer drawn, lit and named; flags on the
marker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from imsmap.render.style import LIGHT
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    layered_point,
    make_window,
    pick_region,
    qt_settings,
    sites_of,
    window,
)

pytestmark = pytest.mark.both_backends


def test_a_tap_offers_the_deep_muscle_under_it_and_one_tap_reassigns(qtbot, window, records,
                                                                      session):
    top, deep = layered_point(window)
    click_region(qtbot, window, top)
    (site,) = sites_of(records, session)
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
    (moved,) = sites_of(records, session)
    assert (moved.muscle_id, moved.layer, moved.side.value) == (deep.muscle, "deep", deep.side)
    assert (moved.x, moved.y) == (site.x, site.y)
    assert window.undo_stack.count() == depth + 1 and not chooser.isVisible()
    qtbot.keyClick(window.chart.view, Qt.Key.Key_2)
    assert sites_of(records, session)[0].grasp == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert sites_of(records, session)[0].muscle_id == top.muscle


def test_the_chooser_goes_away_with_the_next_tap_and_costs_nothing(qtbot, window, records,
                                                                   session):
    top, _deep = layered_point(window)
    click_region(qtbot, window, top)
    assert window.chart.chooser.isVisible()
    qtbot.keyClick(window.chart.view, Qt.Key.Key_1)
    assert window.chart.chooser.isVisible()  # grading does not dismiss it...
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Escape)
    assert not window.chart.chooser.isVisible()  # ...Escape (or the next tap) does
    (site,) = sites_of(records, session)
    assert (site.muscle_id, site.grasp) == (top.muscle, 1)


def test_right_click_on_the_chart_adds_a_site_in_the_muscle_chosen(qtbot, window, records,
                                                                   session):
    top, deep = layered_point(window)
    pos = window.chart.scene_to_viewport(*top.label)
    window.chart.view.chooserRequested.emit(pos)  # what a right-click or a long press sends
    chooser = window.chart.chooser
    names = chooser.choice_texts()
    assert names[0].startswith(records.atlas.muscle(top.muscle).name)  # superficial first
    assert any(t.startswith(records.atlas.muscle(deep.muscle).name) for t in names)
    assert sites_of(records, session) == []
    qtbot.mouseClick(chooser.buttons[names.index(next(
        t for t in names if "(deep)" in t))], Qt.MouseButton.LeftButton)
    (site,) = sites_of(records, session)
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

    top, _deep = layered_point(window)
    viewport = window.chart.view.viewport()
    pos = window.chart.scene_to_viewport(*top.label)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.wait(LONG_PRESS_MS + 150)
    assert window.chart.chooser.isVisible()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=pos)
    assert sites_of(records, session) == []  # the press that was held adds nothing
    assert window.chart.chooser.site_id is None


def test_removing_the_offered_site_takes_its_muscle_chooser_away(qtbot, window, records,
                                                                 session):
    # The strip "#1 or: ..." offers other muscles for one site. With that site removed (Del),
    # a tap on the strip said "There is no site with id 570.": the strip goes with its site.
    top, _deep = layered_point(window)
    click_region(qtbot, window, top)
    (site,) = sites_of(records, session)
    chooser = window.chart.chooser
    assert chooser.isVisible() and chooser.site_id == site.id
    qtbot.keyClick(window.chart.view, Qt.Key.Key_Delete)
    assert sites_of(records, session) == []
    assert not chooser.isVisible() and chooser.site_id is None
    # Undo brings the site back, not the strip; a chooser for a new point (no site) stays.
    window.undo_stack.undo()
    assert len(sites_of(records, session)) == 1 and not chooser.isVisible()


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


def test_a_deep_site_is_drawn_lighter_and_ringed_on_the_superficial_layer(qtbot, window,
                                                                          records, session):
    top, deep = layered_point(window)
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
    top, deep = layered_point(window)
    click_region(qtbot, window, top)
    scene = window.chart.scene
    assert top.id in scene.background.highlight and not scene.ghost.isVisible()
    qtbot.mouseClick(window.chart.chooser.buttons[0], Qt.MouseButton.LeftButton)
    (site,) = sites_of(records, session)
    assert site.layer == "deep"
    window.chart.select_site(site.id)
    assert scene.ghost.isVisible()  # the deep muscle's outline over the superficial chart
    assert scene.ghost.path().contains(QPointF(site.x, site.y))
    window.chart.select_site(None)
    assert not scene.ghost.isVisible()


def test_a_site_on_another_layer_names_that_layer_as_its_button_does(qapp, qtbot, window,
                                                                      records, session):
    """The tooltip of a site on another layer says "recorded on the posterior wall layer",
    and « consigné sur la couche de la paroi postérieure » in French: it said the layer's id
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
        assert "consigné sur la couche de la paroi postérieure" in marker.toolTip()
    finally:
        i18n.install(qapp, "en")
    assert "posterior_wall" not in marker.toolTip()


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


def test_an_electric_sensation_puts_a_warning_on_the_marker(qtbot, window, records, session):
    click_region(qtbot, window, pick_region(window))
    (site,) = sites_of(records, session)
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



def test_each_chart_keeps_its_own_layer_and_one_never_shown_opens_on_its_first(
        qtbot, window, records, session):
    """The posterior chart left on its deep layer does not open the spinal chart on its deep
    layer (a lumbar tap there recorded "Intertransversarii L3" where the clinician meant
    multifidus, walk of 6 December): each chart opens on the layer it was left on, its first
    (superficial) if never shown; the layer shown is the one filled button."""
    chart = window.chart
    chart.set_view("posterior")
    chart.set_layer("deep")
    chart.set_view("spinal")
    assert chart.layer == "superficial"
    first, second = chart.layer_group.buttons()
    assert first.isChecked() and not second.isChecked()
    region = records.atlas.view("spinal").region("spinal.superficial.multifidus.L3.L")
    click_region(qtbot, window, region)
    (site,) = sites_of(records, session)
    assert (site.muscle_id, site.level, site.layer) == ("multifidus", "L3", "superficial")
    # The shown layer's button is filled, the other not: not a frame's shade apart.
    on, off = first.grab().toImage(), second.grab().toImage()
    fill_on = QColor(on.pixel(4, on.height() // 2))
    fill_off = QColor(off.pixel(4, off.height() // 2))
    assert abs(fill_on.lightness() - fill_off.lightness()) > 80
    chart.set_layer("deep")
    chart.set_view("posterior")
    assert chart.layer == "deep"  # each chart where it was left
    chart.set_view("anterior")
    assert chart.layer == "superficial"
    chart.set_view("spinal")
    assert chart.layer == "deep"
    assert [b.isChecked() for b in chart.layer_group.buttons()] == [False, True]
