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
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractItemView, QScrollArea
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


def test_at_960_px_the_sums_show_every_visit_shown(language, make_window, qtbot, visits,
                                                  tmp_path):
    # The visit chooser beside the tabs left the sums by root room for five of the eight
    # visits at 960 x 540 (walk of 6 December): in a window narrower than 1366 px it goes
    # above the tabs, on one row, its list behind Choose….
    seg = segments(make_window, qtbot, visits, NARROW)
    qtbot.wait(20)
    w = seg.window()
    panel, chooser = w.progress, w.progress.chooser
    assert panel.narrow
    for table in (seg.roots, seg.figures):
        assert table.columnCount() == 8
        assert table.horizontalScrollBar().maximum() == 0
        assert whole_columns_shown(table) == list(range(8))
    # each visit's figures: their rows whole, and whole in sight with the page scrolled down
    # to them (the window is shorter than the panel)
    assert seg.figures.verticalScrollBar().maximum() == 0
    area = w.progress_tab.findChild(QScrollArea)
    area.ensureWidgetVisible(seg.figures, 0, 0)
    figures = QRect(seg.figures.mapTo(area.viewport(), QPoint(0, 0)), seg.figures.size())
    assert area.viewport().rect().contains(figures), (figures, area.viewport().rect())
    w.grab().save(str(tmp_path / f"segments-960-{language}.png"))
    area.verticalScrollBar().setValue(0)
    # the chooser above the tabs, on one row; its list hidden until Choose… is down
    row = [chooser.label, panel.last4, panel.last8, panel.all, chooser.pick]
    assert max(b.y() for b in row) - min(b.y() for b in row) <= 8, [b.y() for b in row]
    assert all(b.isVisible() and b.width() >= b.sizeHint().width() for b in row[1:])
    assert chooser.label.width() >= chooser.label.sizeHint().width()  # nothing cut
    assert chooser.geometry().bottom() < panel.tabs.y()
    assert chooser.pick.text() == ("Choisir…" if language == "fr_CA" else "Choose…")
    assert not panel.sessions.isVisible()
    qtbot.mouseClick(chooser.pick, Qt.MouseButton.LeftButton)
    assert panel.sessions.isVisible()
    list_box = panel.sessions.geometry()
    assert list_box.top() > chooser.pick.geometry().bottom()
    assert chooser.geometry().bottom() < panel.tabs.y()
    # a visit unticked in the list leaves the sums
    item = panel.sessions.item(0)
    rect = panel.sessions.visualItemRect(item)
    qtbot.mouseClick(panel.sessions.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))
    qtbot.waitUntil(lambda: seg.roots.columnCount() == 7)
    qtbot.mouseClick(chooser.pick, Qt.MouseButton.LeftButton)
    assert not panel.sessions.isVisible()
    # Last 8 back: every one shown
    qtbot.mouseClick(panel.last8, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seg.roots.columnCount() == 8)
    # a window of 1366 px: the chooser beside the tabs again, its list shown, as before
    w.resize(1366, 738)
    qtbot.waitUntil(lambda: not panel.narrow)
    qtbot.wait(30)
    assert not chooser.pick.isVisible() and panel.sessions.isVisible()
    assert panel.sessions.geometry().right() < panel.tabs.x()
    assert panel.last4.y() < panel.all.y()  # its buttons on two rows
    # and narrower again: above the tabs, though the window's splitter gave the change of
    # width to the chart's column and the right column (the panel) kept its own
    kept = panel.width()
    w.resize(1300, 738)
    qtbot.waitUntil(lambda: panel.narrow)
    qtbot.waitUntil(lambda: chooser.geometry().bottom() < panel.tabs.y())
    assert panel.width() == kept
