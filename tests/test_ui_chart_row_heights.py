"""A tap does not work out the chart's layer buttons again (issue 16: the tap's margin). The row
(ui.wrapping_row) was a layout in the chart panel's box, which Qt asks its height at every pass
of the box and keeps nothing of: the window is laid out again around the chart at each tap (the
session column grows a row, the status bar says the site), and the row was worked out each time
though a tap does not change it. It is now a widget of its own, as the session column's rows are
(tests/test_ui_inspector_row_heights.py): Qt's widget item keeps its heights until it changes.
Where it is and what it shows is unchanged. (The grade legend under the chart stays a layout:
ChartPanel says why.)"""

from __future__ import annotations

import pytest

from imsmap.ui.wrapping_row import WrappingRow
from test_ui_inspector_row_heights import placements  # noqa: F401 - fixture
from test_ui_support import click_region, make_window, qt_settings, spread_regions  # noqa: F401


@pytest.fixture
def chart_rows_seen(placements):  # noqa: F811 - the fixture, extended
    return placements


def test_a_tap_leaves_the_layer_row_alone(qtbot, make_window, session, chart_rows_seen):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.chart.set_view("posterior")  # two layers: the layer buttons shown
    row: WrappingRow = w.chart.layer_box
    assert w.chart.layer_row.isVisible()
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
    asked = sum(1 for seen in chart_rows_seen if seen is row)
    # five taps: main asked it 8 times (twice a pass of the panel's box), 3 now (the window's
    # passes at a width not asked before)
    assert asked <= 4, asked


def test_the_row_keeps_its_place_and_hides_with_a_single_layer(qtbot, make_window, session):
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(1600, 1000)
    chart = w.chart
    chart.set_view("posterior")
    qtbot.wait(20)
    # under the tabs, over the chart, the legend under the chart, inside the panel
    tabs, layers, view, legend = (chart.tab_strip.geometry(), chart.layer_row.geometry(),
                                  chart.view.geometry(), chart.legend.geometry())
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
