"""The Progress tab's Segments at 960 x 540 (window 960 x 510), ten visits with two drafts, eight
shown. In French the sums by root scrolled sideways by a column (Qt's fit left 10 to 13 px beside
each header's longest line: 16 px too wide), and the figures under them, opened on the oldest
visits, hid the latest two off the right edge (walk of 6 December). The sums fitted, in a
panel itself wider than its column and scrolled sideways; the panel now fits its column
(tests/test_ui_progress_column_960.py), and the sums and the figures, where they do not fit
(the names beside the figures take three lines), open on the latest visits, whole at the right
edge, and scroll by whole columns."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_segments_fit import segments, visits  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

NARROW = (960, 510)


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


def whole_columns_shown(table) -> list[int]:
    header = table.horizontalHeader()
    width = table.viewport().width()
    return [j for j in range(table.columnCount())
            if header.sectionViewportPosition(j) >= 0
            and header.sectionViewportPosition(j) + header.sectionSize(j) <= width]


def test_the_segments_at_960_px(language, make_window, qtbot, visits):
    seg = segments(make_window, qtbot, visits, NARROW)
    qtbot.wait(20)
    roots, figures = seg.roots, seg.figures
    assert roots.columnCount() == figures.columnCount() == 8
    # every column's header lines inside it
    for table in (roots, figures):
        header = table.horizontalHeader()
        for j in range(8):
            lines = table.horizontalHeaderItem(j).text().split("\n")
            assert all(header.fontMetrics().horizontalAdvance(line) + 4 <= header.sectionSize(j)
                       for line in lines), (lines, header.sectionSize(j))
    # the sums and the figures: all shown, or the latest whole at the right edge, scrolled
    # by whole columns
    for table in (roots, figures):
        shown = whole_columns_shown(table)
        assert 7 in shown, (shown, table.horizontalScrollBar().value(),
                            table.horizontalScrollBar().maximum())
        assert table.horizontalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerItem
    # (the figures' names widen to the room left: scrolled anywhere, their first visit shown is
    # whole too; the sums' oldest shown may be cut at their left edge)
    bar = figures.horizontalScrollBar()
    for value in range(bar.maximum() + 1):
        bar.setValue(value)
        header = figures.horizontalHeader()
        starts = [header.sectionViewportPosition(j) for j in range(8)]
        assert 0 in starts, (value, bar.maximum(), starts)  # the first shown is whole
