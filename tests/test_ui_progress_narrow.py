"""The Progress tab on a 960 x 540 screen (window 960 x 510), in French and English. The Trend
grid's frozen columns (muscle, trend, change) were 483 px in a grid 365 px wide: no visit shown,
and scrolling sideways showed none (walk of 6 December). The muscle names give way (elided,
each whole in its tooltip) so that the latest visit shows whole beside the frozen columns; on a
laptop, where they fit, the names keep their whole width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_fit import (  # noqa: F401 - fixture
    LAPTOP,
    open_progress,
    scroll_area,
    visits,
)
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.progress.trend_matrix import COL_MUSCLE, FIRST_SESSION_COL

NARROW = (960, 510)


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def visits_shown_whole(grid) -> list[int]:
    """The visit columns shown whole beside the frozen columns, at the grid's scrolling now."""
    header = grid.horizontalHeader()
    left, right = grid.frozen.width(), grid.viewport().width()
    return [c for c in range(FIRST_SESSION_COL, grid.model().columnCount())
            if header.sectionViewportPosition(c) >= left
            and header.sectionViewportPosition(c) + header.sectionSize(c) <= right]


def test_the_trend_grid_shows_a_visit_at_960_px(language, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, NARROW)
    assert w.width() <= NARROW[0]
    grid = w.progress.matrix
    qtbot.wait(20)
    assert grid.isVisible() and grid.frozen.isVisible()
    last = grid.model().columnCount() - 1
    shown = visits_shown_whole(grid)
    assert last in shown, (grid.frozen.width(), grid.viewport().width(), shown)
    # ... and in sight in the window. (The panel around the grid was wider than the column at
    # 960 px, its Chart page's least width the reason, and scrolled sideways; it fits now
    # (tests/test_ui_progress_column_960.py): scrolled to its right end, or not at all, the
    # latest visit shows beside the frozen columns.)
    area = scroll_area(w)
    area.horizontalScrollBar().setValue(area.horizontalScrollBar().maximum())
    qtbot.wait(10)
    header = grid.horizontalHeader()
    for x in (header.sectionViewportPosition(last),
              header.sectionViewportPosition(last) + header.sectionSize(last) - 1):
        assert area.viewport().rect().contains(grid.viewport().mapTo(area.viewport(),
                                                                     QPoint(x, 0))), x
    area.horizontalScrollBar().setValue(0)
    # scrolled to the oldest, it shows whole beside the frozen columns
    bar = grid.horizontalScrollBar()
    bar.setValue(bar.minimum())
    qtbot.wait(10)
    assert FIRST_SESSION_COL in visits_shown_whole(grid)
    # the names cut are elided, each whole in its cell's tooltip
    model = grid.model()
    metrics = grid.fontMetrics()
    width = grid.horizontalHeader().sectionSize(COL_MUSCLE)
    assert grid.frozen.columnWidth(COL_MUSCLE) == width
    cut = [model.index(r, COL_MUSCLE) for r in range(model.rowCount())
           if metrics.horizontalAdvance(str(model.index(r, COL_MUSCLE).data())) + 8 > width]
    # the case this is about, in French: names too long for the column (in English they
    # fit since the visit chooser went above the tabs in a narrow window)
    assert cut or language == "en", "names too long for the column"
    assert grid.frozen.textElideMode() == Qt.TextElideMode.ElideRight
    for index in cut:
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data()


def test_on_a_laptop_the_names_keep_their_width(language, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    grid = w.progress.matrix
    model = grid.model()
    metrics = grid.fontMetrics()
    width = grid.horizontalHeader().sectionSize(COL_MUSCLE)
    assert all(metrics.horizontalAdvance(str(model.index(r, COL_MUSCLE).data())) <= width
               for r in range(model.rowCount()))
