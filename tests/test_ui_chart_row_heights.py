"""A tap does not work out the chart's layer buttons and grade legend again (issue 16: the tap's
margin). Both rows (ui.wrapping_row) were layouts in the chart panel's box, which Qt asks their
height at every pass of the box and keeps nothing of: the window is laid out again around the
chart at each tap (the session column grows a row, the status bar says the site), and the two
rows were worked out each time though a tap changes neither. Each is now a widget of its own,
as the session column's rows are (tests/test_ui_inspector_row_heights.py): Qt's widget item
keeps their heights until they change. Where they are and what they show is unchanged."""

from __future__ import annotations

import pytest

from imsmap.ui.wrapping_row import WrappingRow
from test_ui_inspector_row_heights import placements  # noqa: F401 - fixture
from test_ui_support import click_region, make_window, qt_settings, spread_regions  # noqa: F401


@pytest.fixture
def chart_rows_seen(placements):  # noqa: F811 - the fixture, extended
    return placements


def test_a_tap_leaves_the_layer_and_legend_rows_alone(qtbot, make_window, session,
                                                     chart_rows_seen):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")  # two layers: the layer buttons shown
    rows: list[WrappingRow] = [w.chart.layer_box, w.chart.legend]
    assert w.chart.layer_row.isVisible() and w.chart.legend_row.isVisible()
    regions = spread_regions(w, 6)
    assert len(regions) == 6
    click_region(qtbot, w, regions[0])
    qtbot.waitUntil(lambda: w.site_table.inspector.site is not None)
    qtbot.wait(20)
    chart_rows_seen.clear()
    for n, region in enumerate(regions[1:], start=2):
        click_region(qtbot, w, region)
        qtbot.waitUntil(lambda n=n: w.site_table.rowCount() == n)
        qtbot.wait(10)
    asked = sum(1 for row in chart_rows_seen if any(row is r for r in rows))
    # five taps: main asked them 16 times (8 each: twice a pass of the panel's box), 6 now
    # (the window's passes at a width not asked before)
    assert asked <= 8, asked


def test_the_rows_keep_their_place_and_hide_with_a_single_layer(qtbot, make_window, session):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(1600, 1000)
    chart = w.chart
    chart.set_view("posterior")
    qtbot.wait(20)
    # under the tabs, over the chart; the legend under the chart; each inside the panel
    tabs, layers, view, legend = (chart.tab_strip.geometry(), chart.layer_row.geometry(),
                                  chart.view.geometry(), chart.legend_row.geometry())
    assert tabs.bottom() < layers.top() and layers.bottom() < view.top() < view.bottom() < \
        legend.top() <= legend.bottom() <= chart.height()
    label, first = chart.layer_label, chart.layer_group.button(0)
    assert label.isVisible() and first.isVisible()
    assert abs(label.geometry().center().y() - first.geometry().center().y()) <= 2  # one line
    assert chart.layer_row.rect().contains(first.geometry())
    # a chart of one layer: no row, no room taken by it
    single = next(v for v in chart.atlas.views if len(chart.atlas.view(v).layers) == 1)
    chart.set_view(single)
    qtbot.wait(20)
    assert not chart.layer_row.isVisible()
    assert chart.view.geometry().top() - chart.tab_strip.geometry().bottom() <= \
        layers.top() - tabs.bottom()
