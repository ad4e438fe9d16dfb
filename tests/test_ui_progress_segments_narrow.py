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
from PySide6.QtCore import QPoint, Qt
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


def test_at_960_px_the_sums_show_every_visit_shown(language, make_window, qtbot, visits):
    # The visit chooser beside the tabs left the sums by root room for five of the eight
    # visits at 960 x 540 (walk of 6 December): in a window narrower than 1366 px it goes
    # above the tabs, on one row, its list behind Choose….
    seg = segments(make_window, qtbot, visits, NARROW)
    qtbot.wait(20)
    panel = seg.window().progress
    assert panel.narrow
    for table in (seg.roots, seg.figures):
        assert table.horizontalScrollBar().maximum() == 0
        assert whole_columns_shown(table) == list(range(8))
    # the chooser above the tabs, on one row; its list hidden until Choose… is down
    row = {panel.shown_label.y(), panel.last4.y(), panel.last8.y(), panel.all.y(), panel.pick.y()}
    assert max(row) - min(row) <= 8, row
    assert panel.pick.geometry().bottom() < panel.tabs.y()
    assert panel.pick.text() == ("Choisir…" if language == "fr_CA" else "Choose…")
    assert not panel.sessions.isVisible()
    qtbot.mouseClick(panel.pick, Qt.MouseButton.LeftButton)
    assert panel.sessions.isVisible()
    list_box = panel.sessions.geometry()
    assert list_box.top() > panel.pick.geometry().bottom()
    assert list_box.bottom() < panel.tabs.y()
    # a visit unticked in the list leaves the sums
    item = panel.sessions.item(0)
    rect = panel.sessions.visualItemRect(item)
    qtbot.mouseClick(panel.sessions.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))
    qtbot.waitUntil(lambda: seg.roots.columnCount() == 7)
    qtbot.mouseClick(panel.pick, Qt.MouseButton.LeftButton)
    assert not panel.sessions.isVisible()
    # Last 8 back: every one shown
    qtbot.mouseClick(panel.last8, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seg.roots.columnCount() == 8)
    # a window of 1366 px: the chooser beside the tabs again, its list shown, as before
    seg.window().resize(1366, 738)
    qtbot.wait(30)
    assert not panel.narrow and not panel.pick.isVisible() and panel.sessions.isVisible()
    assert panel.sessions.geometry().right() < panel.tabs.x()
    assert panel.last4.y() < panel.all.y()  # its buttons on two rows
