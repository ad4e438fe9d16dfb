"""'Fit' shows the whole chart, and nothing of it under the search box over the chart's bottom
left corner: the spinal chart's key (its abbreviations, at its foot) lay partly under the box
("Second layer: SSC", "IT in..." hidden)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from test_ui_support import make_window, qt_settings, window  # noqa: F401 - fixtures

VIEWS = ("spinal", "anterior", "posterior", "lateral_left", "lateral_right", "hand_dorsal",
         "foot_plantar", "head_neck")


def _under_box(w) -> QRectF:
    """The part of the chart under the search box, in view units."""
    view, box = w.chart.view, w.chart.search
    return view.mapToScene(box.geometry()).boundingRect()


def test_fit_leaves_no_part_of_the_chart_under_the_search_box(qtbot, window):  # noqa: F811
    w = window
    w.resize(1366, 768)
    qtbot.wait(30)
    assert w.chart.search is not None and w.chart.search.isVisible()
    scales = {}
    for view_id in VIEWS:
        w.chart.set_view(view_id)
        qtbot.wait(10)
        w.chart.view.fit()
        under = _under_box(w)
        chart = w.chart.scene.chart
        assert not chart.outline_path().intersects(under), (view_id, under)
        for note in chart.view.notes:
            assert not chart.note_bounds(note).intersects(under), (view_id, note.id)
        # the whole chart in the view
        shown = w.chart.view.mapToScene(w.chart.view.viewport().rect()).boundingRect()
        assert shown.contains(w.chart.scene.sceneRect().adjusted(2, 2, -2, -2)), view_id
        scales[view_id] = w.chart.view.transform().m11()
    # a chart whose corner is free (the right profile: its feet point away from the box)
    # keeps the whole height; the spine, whose key reaches the corner, moved up
    vp = w.chart.view.viewport().size()
    full = (vp.height() - 4) / 2000
    assert abs(scales["lateral_right"] - full) < 1e-6
    assert scales["spinal"] < full - 0.01


def test_the_first_fit_keeps_the_room_of_the_search_box_made_after_it(context, qtbot,
                                                                       qt_settings):  # noqa: F811
    """The search box is made after the chart's first paint (the window's second step): the
    chart is fitted with its room kept from the start, and does not jump when it comes."""
    from imsmap.ui.chart_panel import ChartPanel

    panel = ChartPanel(context.atlas)
    qtbot.addWidget(panel)
    panel.resize(640, 700)
    panel.set_view("spinal")
    panel.show()
    qtbot.waitExposed(panel)
    before = panel.view.transform().m11()
    assert panel.search is None
    panel.build_rest()
    assert panel.search is not None and panel.search.size() == panel.view.corner_room
    assert panel.view.transform().m11() == before
    under = panel.view.mapToScene(panel.search.geometry()).boundingRect()
    chart = panel.scene.chart
    assert not chart.outline_path().intersects(under)
    assert not any(chart.note_bounds(n).intersects(under) for n in chart.view.notes)
