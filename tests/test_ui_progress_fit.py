"""The Progress tab on a 1366 x 768 laptop (window 1366 x 738 under its title bar), in French and
English: the right column widens until the progress panel shows whole, without scrolling
sideways (the patients column folds away when the chart's own minimum leaves no other room); its
summary, visit list, trend column and pain chart are not cut; leaving the tab, or closing the
window on it, gives the columns back their sizes; a wide window (1920 x 1080) keeps its patients
column and the sizes it had."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea, QStyle, QStyleOptionButton, QWidget
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.progress.trend_matrix import (
    COL_CHANGE,
    COL_MUSCLE,
    COL_TREND,
    FIRST_SESSION_COL,
)
from support import site_on

LAPTOP = (1366, 738)
WIDE = (1920, 1050)
# Ten weekly visits; the French demo's longest muscle name among them (its summary's strongest).
MUSCLES = ("deltoid_anterior", "gluteus_medius", "multifidus", "rhomboid_major",
           "piriformis", "tibialis_anterior")


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


@pytest.fixture
def visits(records, patient):
    """Ten weekly visits, pain 8 down to 2, the same muscles grasping less and less; the last
    one a draft."""
    start = datetime(2026, 9, 16, 8, 0)
    ids = []
    for i in range(10):
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * i),
                                  practitioner="J. Tremblay, pht")
        for k, muscle in enumerate(MUSCLES):
            site = site_on(records, s, muscle)
            records.update_site(site.id, grasp=max(0, 3 - (i + k) // 3))
        records.update_session(s.id, pain_before=max(2, 8 - i), pain_after=max(1, 6 - i),
                               consent=True)
        if i < 9:
            records.sign_session(s.id)
        ids.append(s.id)
    return ids


def open_progress(make_window, qtbot, visits, size):
    w = make_window()
    w.resize(*size)
    qtbot.wait(20)
    w.patients.select_patient(w.records.read.session(visits[-1]).patient_id)
    w.patients.select_session(visits[-1])
    qtbot.wait(20)
    before = w.splitter.sizes()
    w.menus.act_progress.trigger()
    assert w.right_tabs.currentWidget() is w.progress_tab
    qtbot.wait(50)
    return w, before


def scroll_area(w) -> QScrollArea:
    return next(a for a in w.progress_tab.findChildren(QScrollArea) if a.widget() is w.progress)


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def assert_shown_whole(w) -> None:
    """No sideways scrolling of the panel, and its key texts and charts inside what is shown."""
    area = scroll_area(w)
    assert area.horizontalScrollBar().maximum() == 0, (w.splitter.sizes(),
                                                       w.progress.minimumSizeHint())
    shown = area.viewport().rect()
    p = w.progress
    # The summary's sentences, wrapped in the width they have: every line shown.
    assert shown.contains(rect_in(p.summary, area.viewport())), rect_in(p.summary, area.viewport())
    assert p.summary.heightForWidth(p.summary.width()) <= p.summary.height()
    assert "#10" in p.summary.text()
    # The pain chart and the trend table inside the shown part, the trend column whole.
    assert shown.contains(rect_in(p.pain, area.viewport()))
    assert shown.contains(rect_in(p.matrix, area.viewport()))
    # (the columns before the visits stay in place over the grid's left edge: their own view)
    header = p.matrix.frozen.horizontalHeader()
    assert p.matrix.frozen.isVisible() and header.width() < p.matrix.viewport().width()
    for column in (COL_TREND, COL_CHANGE):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert header.sectionViewportPosition(column) >= 0 and right <= header.width()
    change = p.matrix.model().headerData(COL_CHANGE, header.orientation())
    assert header.sectionSize(COL_CHANGE) > header.fontMetrics().horizontalAdvance(change)
    # Every visit's words whole in the visit list (its check box before them).
    sessions = p.sessions
    assert shown.contains(rect_in(sessions, area.viewport()))
    assert sessions.horizontalScrollBar().maximum() == 0
    box = sessions.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator,
                                          QStyleOptionButton(), sessions).width()
    metrics = sessions.fontMetrics()
    assert sessions.count() == 10
    for row in range(sessions.count()):
        item = sessions.item(row)
        room = sessions.visualItemRect(item).width() - box - 8
        for line in item.text().split("\n"):
            assert metrics.horizontalAdvance(line) <= room, (line, room)
        assert f"#{10 - row} " in item.text() and "(s)" not in item.text()  # plurals said


def test_the_progress_tab_shows_whole_on_a_laptop(language, make_window, qtbot, visits):
    w, before = open_progress(make_window, qtbot, visits, LAPTOP)
    assert w.width() == LAPTOP[0]
    assert_shown_whole(w)
    # Up and down too: the trend and the pain chart are not below the screen's edge.
    assert scroll_area(w).verticalScrollBar().maximum() == 0
    # The chart (with the earlier sites' overlay) stays beside the progress, at its minimum
    # width at least; the patients column folded away for it.
    sizes = w.splitter.sizes()
    assert sizes[1] >= w.chart.minimumSizeHint().width() and w.chart.isVisible()
    assert sizes[0] == 0 and w.progress_room.folded


def test_leaving_the_progress_tab_gives_the_columns_back(language, make_window, qtbot, visits):
    w, before = open_progress(make_window, qtbot, visits, LAPTOP)
    assert w.splitter.sizes()[0] == 0  # folded for the panel
    w.right_tabs.setCurrentIndex(0)
    qtbot.wait(20)
    assert w.splitter.sizes() == before
    assert not w.splitter.isCollapsible(0)  # the patients column folds for Progress only
    w.menus.act_progress.trigger()
    qtbot.wait(20)
    assert w.splitter.sizes()[0] == 0
    assert_shown_whole(w)


def test_a_window_closed_on_the_progress_tab_reopens_with_its_columns(
        make_window, qtbot, visits, context):
    w, before = open_progress(make_window, qtbot, visits, LAPTOP)
    assert w.splitter.sizes()[0] == 0
    w.close()
    again = make_window()
    again.resize(*LAPTOP)
    qtbot.wait(20)
    # The right column as narrow as before Progress widened it; the patients column open.
    sizes = again.splitter.sizes()
    assert sizes[2] == before[2]
    assert sizes[0] >= again.patients.minimumSizeHint().width()


def test_a_wide_window_keeps_its_patients_column(french, make_window, qtbot, visits):
    # In French: the longer words (« Changement », « douleur 2 (6 points) ») were cut even there.
    w, before = open_progress(make_window, qtbot, visits, WIDE)
    sizes = w.splitter.sizes()
    # As it always was on a wide screen: the patients column narrows to its minimum (or 200 px),
    # the chart keeps 380 px or its minimum, the right column takes the rest; nothing folds.
    patients_min = w.patients.minimumSizeHint().width()
    assert sizes[0] == max(200, patients_min)
    assert sizes[1] == max(380, w.chart.minimumSizeHint().width())
    assert_shown_whole(w)
    w.right_tabs.setCurrentIndex(0)
    qtbot.wait(20)
    assert w.splitter.sizes() == before


def test_the_heat_maps_fading_is_said_in_french(french, make_window, qtbot, visits):
    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    fading = w.progress.chart.fading
    assert [fading.itemText(i) for i in range(fading.count())] == [
        "Sans atténuation", "Demi-vie 2 semaines", "Demi-vie 4 semaines", "Demi-vie 8 semaines"]


def test_the_latest_visits_show_beside_the_muscle_names_on_a_laptop(language, make_window,
                                                                    qtbot, visits):
    """Eight visits do not fit beside the muscle, trend and change columns on a laptop: the
    grid opened on the oldest, the latest visits (what the clinician asks about) off its right
    edge, and scrolling to them took the muscle names out of sight. The names, trend and change
    stay in place; the visits scroll beside them, the latest shown first."""
    w, _before = open_progress(make_window, qtbot, visits, LAPTOP)
    grid = w.progress.matrix
    bar = grid.horizontalScrollBar()
    assert bar.maximum() > 0  # the visits do not all fit: the case this is about
    header = grid.horizontalHeader()
    last = grid.model().columnCount() - 1
    # the latest visit whole without scrolling, at the right edge (no blank beside it)
    assert header.sectionViewportPosition(last) + header.sectionSize(last) == \
        grid.viewport().width()
    bar.setValue(bar.minimum())  # and the oldest right beside the frozen columns
    assert header.sectionViewportPosition(FIRST_SESSION_COL) == grid.frozen.width()
    for value in (bar.maximum(), bar.minimum(), bar.maximum() // 2):
        bar.setValue(value)
        qtbot.wait(10)
        row = grid.rowViewportPosition(0) + 4
        for column in (COL_MUSCLE, COL_TREND, COL_CHANGE):
            left = sum(header.sectionSize(c) for c in range(column))
            point = grid.viewport().mapTo(grid, QPoint(left + 4, row))
            under = grid.childAt(point)
            view = under.parent()
            assert view.indexAt(view.viewport().mapFrom(grid, point)).column() == column, \
                (value, column)


def test_the_visits_dates_over_the_grid_are_whole(language, make_window, qtbot, visits):
    """Each visit's column was 44 px whatever its date: « 10 août », « 23 sept. » ran over its
    neighbours in French (« ill. 3 août »), read at arm's length as the wrong date."""
    from PySide6.QtGui import QFontMetrics

    w, _ = open_progress(make_window, qtbot, visits, LAPTOP)
    grid = w.progress.matrix
    header = grid.horizontalHeader()
    metrics = QFontMetrics(header.font())
    model = grid.model()
    for column in range(FIRST_SESSION_COL, model.columnCount()):
        lines = str(model.headerData(column, Qt.Orientation.Horizontal)).split("\n")
        need = max(metrics.horizontalAdvance(line) for line in lines)
        assert header.sectionSize(column) >= need + 8, (lines, header.sectionSize(column))


@pytest.mark.parametrize("size", [LAPTOP, (1366, 700), (1500, 800)])
def test_the_grid_opens_on_whole_visits_beside_the_frozen_columns(french, make_window, qtbot,
                                                                  visits, size):
    """Opened on the latest visits (scrolled to the right by the pixel), the visit under the
    frozen columns' edge showed a sliver of itself beside them (« t. » of « 20 oct. »), read as
    a visit of its own. The first visit beside the frozen columns is whole, the latest still
    ends at the right edge; widening the window keeps it so."""
    w, _before = open_progress(make_window, qtbot, visits, size)
    grid = w.progress.matrix
    header = grid.horizontalHeader()
    last = grid.model().columnCount() - 1

    def whole_beside_frozen():
        assert grid.horizontalScrollBar().maximum() > 0
        starts = [header.sectionViewportPosition(c)
                  for c in range(FIRST_SESSION_COL, last + 1)]
        assert grid.frozen.width() in starts, (grid.frozen.width(), starts)
        assert header.sectionViewportPosition(last) + header.sectionSize(last) == \
            grid.viewport().width()

    whole_beside_frozen()
    w.resize(size[0] + 37, size[1])
    qtbot.wait(30)
    whole_beside_frozen()
