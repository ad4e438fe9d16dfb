"""The Progress panel in its column on a 960 x 540 screen (window 960 x 510), in French and
English. Its Chart page asked for 684 px (a 250 px chart beside a 230 px key, whatever the key
said) in a 550 px column: every page scrolled sideways, the Trend grid's newest visits and the
Segments' words past the right edge until scrolled (walk of 6 December). The key is now as wide
as its words, the chart as narrow as the height it gets, the panel without margins of its own
inside the scroll area's; and the pain plot's keys go on a second row where one is too narrow
(« charge de préhension (somme des cotes) » ran off the plot)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRect, QRectF
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_chart_french import render
from tests.test_ui_progress_fit import (  # noqa: F401 - fixture
    LAPTOP,
    open_progress,
    scroll_area,
    visits,
)
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.progress.pain_plot import KEY_ROW, key_width

NARROW = (960, 510)


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def in_sight(widget, area, rect: QRect) -> bool:
    """Whether `rect` of `widget` is inside what the scroll area shows."""
    top_left = widget.mapTo(area.viewport(), rect.topLeft())
    return area.viewport().rect().contains(QRect(top_left, rect.size()))


def test_every_page_fits_the_column_at_960_px(language, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, NARROW)
    assert w.width() <= NARROW[0]
    p = w.progress
    area = scroll_area(w)
    for page in (p.matrix.parentWidget(), p.chart, p.segments, p.compare):
        p.tabs.setCurrentWidget(page)
        qtbot.wait(20)
        # no sideways scrolling: the panel asks for no more than its column has
        assert p.minimumSizeHint().width() <= area.viewport().width(), (
            page, p.minimumSizeHint(), area.viewport().width())
        assert area.horizontalScrollBar().maximum() == 0, page
        assert in_sight(page, area, QRect(0, 0, page.width(), 1)), page
    # The newest visit, in the Trend grid, shown whole in sight without scrolling anything.
    p.tabs.setCurrentIndex(0)
    qtbot.wait(20)
    grid = p.matrix
    header = grid.horizontalHeader()
    last = grid.model().columnCount() - 1
    x = header.sectionViewportPosition(last)
    assert x >= grid.frozen.width()
    assert in_sight(grid.viewport(), area, QRect(x, 0, header.sectionSize(last), 1))
    # The Segments' words whole, in sight: its intro on as many lines as its width needs.
    p.tabs.setCurrentWidget(p.segments)
    qtbot.wait(20)
    intro = p.segments.intro
    assert intro.heightForWidth(intro.width()) <= intro.height()
    assert in_sight(intro, area, QRect(0, 0, intro.width(), 1))


def test_the_chart_key_is_as_wide_as_its_words(language, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, NARROW)
    p = w.progress
    p.tabs.setCurrentWidget(p.chart)
    qtbot.wait(20)
    key, canvas = p.chart.legend, p.chart.canvas
    assert key.isVisible() and canvas.isVisible()
    assert key.width() < 230  # its old fixed width
    painted = render(key)
    assert (painted[:, -6:] == 255).all(), np.argwhere(painted[:, -6:] < 200)[:5]
    # its words reach near its right edge: no room left for nothing
    assert (painted[:, key.width() - 40: key.width() - 6] < 128).any()
    # the body chart drawn whole in what the canvas has, beside the key
    view = canvas.view_rect()
    assert QRectF(canvas.rect()).contains(view) and view.width() > 100
    assert canvas.geometry().right() < key.geometry().left()


def test_on_a_laptop_the_chart_keeps_its_room(language, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    p = w.progress
    p.tabs.setCurrentWidget(p.chart)
    qtbot.wait(20)
    assert p.chart.canvas.width() >= 250 and scroll_area(w).horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("size", [NARROW, LAPTOP])
def test_the_pain_plot_keys_stay_on_the_plot(language, make_window, qtbot, visits, size):
    w, _ = open_progress(make_window, qtbot, visits, size)
    plot = w.progress.pain
    qtbot.wait(20)
    lay = plot.layout_for(QRectF(plot.rect()))
    assert len(lay.pain_key) == 3  # before, after, and the draft's hollow ring
    assert len(lay.counts_key) == 3
    for places in (lay.pain_key, lay.counts_key):
        for at, text in places:
            assert at.x() >= 0 and at.x() + key_width(text) <= plot.width(), (text, at)
    rows = {at.y() for at, _text in lay.pain_key + lay.counts_key}
    if size == NARROW:
        # The plot as narrow as it was beside the visit chooser (330 px; in a window narrower
        # than 1366 px the chooser now goes above the tabs, and the plot has room for one row)
        lay = plot.layout_for(QRectF(0, 0, 330, plot.height()))
        for places in (lay.pain_key, lay.counts_key):
            for at, text in places:
                assert at.x() >= 0 and at.x() + key_width(text) <= 330, (text, at)
        rows = {at.y() for at, _text in lay.pain_key + lay.counts_key}
        assert max(rows) >= KEY_ROW  # some go on a second row ...
        # ... which the panels below make room for: the pain panel starts under the key's
        # last row, the counts' key ends above the counts.
        assert lay.pain.top() >= 12 + max(at.y() for at, _t in lay.pain_key) + 8
    else:
        assert rows == {0.0}  # a laptop: each key on one row, as before
    assert lay.counts.height() > 20 and lay.pain.height() > 40
