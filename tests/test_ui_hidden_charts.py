"""A tap sets the sites of the chart shown, not of every chart and layer looked at before
(branch tapcpu, issue 16): each chart or layer shown once keeps its scene, and every change of
the session's sites (each tap) went through all of them, up to 26, none of them on the screen.
A chart takes the session's sites as it is shown again: what changed while it was hidden (a
site undone, done again) is on it then."""

from __future__ import annotations

from imsmap.ui.chart_scene import ChartScene
from test_ui_support import (  # noqa: F401 - fixtures
    click_region,
    make_window,
    pick_region,
    qt_settings,
    sites_of,
    window,
)

LOOKED_AT = ("anterior", "spinal", "lateral_shoulder", "posterior")


def look_at_charts(w) -> None:
    """Each chart of LOOKED_AT the atlas has, and each of the posterior's layers, shown once:
    the posterior's superficial layer last."""
    for view_id in LOOKED_AT:
        if view_id in w.chart.atlas.views:
            w.chart.set_view(view_id)
    for layer in reversed(w.chart.atlas.view("posterior").layer_ids):
        w.chart.set_layer(layer)
    assert (w.chart.view_id, w.chart.layer) == ("posterior", "superficial")


def test_a_tap_sets_the_sites_of_the_chart_shown_alone(qtbot, window, records, session,
                                                       monkeypatch):
    w = window
    look_at_charts(w)
    set_on: list[ChartScene] = []
    original = ChartScene.set_sites

    def counted(scene, sites):
        set_on.append(scene)
        return original(scene, sites)

    monkeypatch.setattr(ChartScene, "set_sites", counted)
    click_region(qtbot, w, pick_region(w))
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
    qtbot.wait(20)
    # The chart shown alone, once: it was once for each chart and layer looked at (6 here).
    assert set_on == [w.chart.scene]
    assert list(w.chart.scene.markers) == [sites_of(records, session)[0].id]


def test_a_chart_shown_again_has_what_changed_while_it_was_hidden(qtbot, window, records,
                                                                    session):
    w = window
    look_at_charts(w)
    posterior = w.chart.scene
    click_region(qtbot, w, pick_region(w))
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
    site = sites_of(records, session)[0]
    assert list(posterior.markers) == [site.id]
    w.chart.set_view("anterior")
    assert w.chart.scene is not posterior
    w.undo_stack.undo()  # the site goes while the posterior chart is hidden
    qtbot.waitUntil(lambda: not sites_of(records, session))
    assert w.chart.view_id == "anterior"
    w.chart.set_view("posterior")
    assert w.chart.scene is posterior and not posterior.markers
    w.chart.set_view("anterior")
    w.undo_stack.redo()  # and comes back (the window shows the chart it is on)
    qtbot.waitUntil(lambda: len(sites_of(records, session)) == 1)
    w.chart.set_view("posterior")
    back = sites_of(records, session)[0]
    assert list(posterior.markers) == [back.id]
    marker = posterior.markers[back.id]
    assert (marker.pos().x(), marker.pos().y()) == (back.x, back.y)
    assert posterior.selected_site_id() is None or posterior.selected_site_id() == back.id
