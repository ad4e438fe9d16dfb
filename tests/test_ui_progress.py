"""The progress widgets on a known data set: grid cells and colours, choosing a row, the pain plot
pixels, and the panel reading a real record and following its changes."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidgetItem

from imsmap.domain.models import Session, SessionStatus, Side, Site
from imsmap.domain.progress import Course, History, Target, grasp_matrix, session_metrics
from imsmap.render.style import LIGHT
from imsmap.ui.progress import PainPlot, ProgressPanel, TrendMatrix
from imsmap.ui.progress.pain_plot import AFTER, BEFORE
from imsmap.ui.progress.trend_matrix import (
    COL_CHANGE,
    COL_MUSCLE,
    FIRST_SESSION_COL,
    SORT_ROLE,
    TARGET_ROLE,
)

NAMES = {"gluteus_medius": "Gluteus medius", "piriformis": "Piriformis",
         "infraspinatus": "Infraspinatus"}
GMED_R = Target("gluteus_medius", "R")


def _history():
    """gluteus medius R 3, 2, 1; piriformis L 2, -, 2; infraspinatus L ungraded, 1, 0."""
    sessions = [Session(id=i, patient_id=1, started_at=datetime(2026, 2, 7 * i), atlas_version="t",
                        pain_before=b, pain_after=a, status=SessionStatus.SIGNED)
                for i, b, a in ((1, 8, 6), (2, 6, 4), (3, 4, 1))]
    rows = {1: [("gluteus_medius", "R", 3), ("piriformis", "L", 2), ("infraspinatus", "L", None)],
            2: [("gluteus_medius", "R", 2), ("infraspinatus", "L", 1)],
            3: [("gluteus_medius", "R", 1), ("piriformis", "L", 2), ("infraspinatus", "L", 0)]}
    sites = {sid: [Site(id=sid * 10 + k, session_id=sid, seq=k + 1, muscle_id=m, side=Side(s),
                        view_id="posterior", x=500.0, y=1000.0, grasp=g)
                   for k, (m, s, g) in enumerate(items)] for sid, items in rows.items()}
    return History.of(sessions, sites)


def _catalogue():
    from types import SimpleNamespace
    return {"gluteus_medius": SimpleNamespace(roots=("L4", "L5", "S1"), dominant_root="L5"),
            "piriformis": SimpleNamespace(roots=("S1", "S2"), dominant_root="S1"),
            "infraspinatus": SimpleNamespace(roots=("C5", "C6"), dominant_root="C5")}


@pytest.fixture
def matrix_widget(qtbot):
    w = TrendMatrix()
    qtbot.addWidget(w)
    w.set_matrix(grasp_matrix(_history(), _catalogue()), NAMES, {1: 4, 2: 5, 3: 6})
    w.resize(700, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


def _cell(model, row, col, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, col), role)


def test_model_cells_and_colours(matrix_widget):
    m = matrix_widget.trend_model
    # Rows cranio-caudal: infraspinatus (C5), gluteus medius (L5), piriformis (S1).
    assert [_cell(m, r, COL_MUSCLE) for r in range(3)] == [
        "Infraspinatus L", "Gluteus medius R", "Piriformis L"]
    assert m.columnCount() == FIRST_SESSION_COL + 3
    cells = [[_cell(m, r, FIRST_SESSION_COL + j) for j in range(3)] for r in range(3)]
    assert cells == [["?", "1", "0"], ["3", "2", "1"], ["2", "", "2"]]
    # The minus sign (U+2212), as the summary and the progress PDF write a change.
    assert [_cell(m, r, COL_CHANGE) for r in range(3)] == ["\u22121", "\u22122", "0"]
    # Grasp colours of the chart style, text colour to match; nothing where not needled.
    bg = _cell(m, 1, FIRST_SESSION_COL, Qt.ItemDataRole.BackgroundRole)
    assert bg.color() == QColor(LIGHT.grasp_fills[3]) == QColor("#6d1020")
    assert _cell(m, 1, FIRST_SESSION_COL, Qt.ItemDataRole.ForegroundRole).color() == QColor("#ffffff")
    assert _cell(m, 0, FIRST_SESSION_COL + 2, Qt.ItemDataRole.BackgroundRole).color() == QColor(
        LIGHT.grasp_fills[0])
    assert _cell(m, 0, FIRST_SESSION_COL, Qt.ItemDataRole.BackgroundRole).color() == QColor(
        LIGHT.grasp_fills[None])  # needled, ungraded: white
    assert _cell(m, 2, FIRST_SESSION_COL + 1, Qt.ItemDataRole.BackgroundRole) is None
    assert _cell(m, 2, FIRST_SESSION_COL + 1, SORT_ROLE) == -2.0
    # Headers carry the visit numbers given, not the column positions.
    assert m.headerData(FIRST_SESSION_COL, Qt.Orientation.Horizontal).startswith("#4\n7 Feb")


def test_sorting_by_change_puts_the_most_released_first(matrix_widget):
    matrix_widget.sortByColumn(COL_CHANGE, Qt.SortOrder.AscendingOrder)
    proxy = matrix_widget.proxy
    first = proxy.index(0, 0).data(TARGET_ROLE)
    assert first == GMED_R
    matrix_widget.sortByColumn(COL_MUSCLE, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data(TARGET_ROLE) == Target("infraspinatus", "L")


def test_clicking_a_row_emits_the_muscle_and_side(matrix_widget, qtbot):
    proxy = matrix_widget.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(TARGET_ROLE) == GMED_R)
    rect = matrix_widget.visualRect(proxy.index(row, COL_MUSCLE))
    with qtbot.waitSignal(matrix_widget.muscleChosen, timeout=1000) as blocker:
        qtbot.mouseClick(matrix_widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["gluteus_medius", "R"]
    with qtbot.waitSignal(matrix_widget.targetChosen, timeout=1000) as blocker:
        assert matrix_widget.choose(Target("piriformis", "L"))
    assert blocker.args == [Target("piriformis", "L")]


def test_pain_plot_draws_lines_through_the_pain_scores(qtbot):
    plot = PainPlot()
    qtbot.addWidget(plot)
    metrics = session_metrics(_history())
    plot.set_metrics(metrics)
    image = plot.render_image(600, 360)
    lay = plot.layout_for(QRectF(0, 0, 600, 360))
    # The filled dot of "pain before" 8 in session 1 and 4 in session 3.
    for i, pain in ((0, 8), (2, 4)):
        p = lay.pain_point(i, pain)
        assert image.pixelColor(round(p.x()), round(p.y())) == BEFORE
    # The solid line halfway between sessions 1 and 2 (pain 8 -> 6: 7 at the midpoint).
    a, b = lay.pain_point(0, 8), lay.pain_point(1, 6)
    mid = (a + b) / 2
    assert image.pixelColor(round(mid.x()), round(mid.y())) == BEFORE
    # "After" dots are open: white inside, the after colour on the ring.
    p = lay.pain_point(1, 4)
    assert image.pixelColor(round(p.x()), round(p.y())) == QColor("#ffffff")
    ring = image.pixelColor(round(p.x() + 4.2), round(p.y()))
    assert abs(ring.blue() - AFTER.blue()) < 60 and ring.red() < 200
    # Far above pain 10 in the plot area: background.
    assert image.pixelColor(round(lay.x(1)), round(lay.pain.top()) - 3) == QColor("#ffffff")


# ------------------------------------------------------------------------------------ panel

@pytest.fixture
def course(records, patient):
    """Three weekly signed visits on the posterior chart where gluteus medius releases, pain
    falls (the summary compares signed visits: test_ui_progress_drafts.py)."""
    ids = []
    for week, (pain, grasp) in enumerate(((7, 3), (5, 2), (3, 1))):
        s = records.start_session(patient.id, started_at=datetime(2026, 10, 5 + 7 * week, 9, 0),
                                  pain_before=pain, pain_after=pain - 2)
        records.add_site(s.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                         grasp=grasp)
        records.add_site(s.id, "posterior", 400, 1000, muscle_id="gluteus_medius", side="L",
                         grasp=max(0, grasp - 2))
        records.sign_session(s.id)
        ids.append(s.id)
    return ids


def test_panel_shows_the_course_and_follows_new_records(qtbot, context, records, patient,
                                                        course):
    panel = ProgressPanel(records, context.histories, patient.id)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.chosen_ids() == course
    model = panel.matrix.trend_model
    assert model.rowCount() == 2
    right = model.matrix.row_of(GMED_R)
    assert [model.data(model.index(right, FIRST_SESSION_COL + j)) for j in range(3)] == [
        "3", "2", "1"]
    text = panel.summary.text()
    assert "1 of 2 muscles grasped" in text
    assert "pain 7 \u2192 3 (\u22124, \u221257%)" in text
    assert "muscles grasping 2 \u2192 1" in text
    # Choosing the last two sessions only.
    panel.choose_last(2)
    assert model.columnCount() == FIRST_SESSION_COL + 2
    assert panel.compare.comparison.before_id == course[1]
    # A new session recorded elsewhere appears by itself and joins the sessions shown.
    s = records.start_session(patient.id, started_at=datetime(2026, 10, 26, 9, 0), pain_before=2)
    records.add_site(s.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R", grasp=0)
    qtbot.waitUntil(lambda: model.columnCount() == FIRST_SESSION_COL + 3, timeout=2000)
    assert panel.chosen_ids()[-1] == s.id
    # A row chosen in the grid reaches the panel's own signal.
    with qtbot.waitSignal(panel.muscleChosen, timeout=1000) as blocker:
        panel.matrix.choose(GMED_R)
    assert blocker.args == ["gluteus_medius", "R"]
    # Every tab paints.
    for i in range(panel.tabs.count()):
        panel.tabs.setCurrentIndex(i)
        assert not panel.grab().isNull()


def test_panel_without_a_patient_is_empty(qtbot, context, records):
    panel = ProgressPanel(records, context.histories, None)
    qtbot.addWidget(panel)
    assert panel.chosen_ids() == []
    assert panel.matrix.trend_model.rowCount() == 0
    assert "No needled sites" in panel.summary.text()
    assert not panel.grab().isNull()


def test_segment_trend_sums_grasp_by_root_side_and_session(qtbot):
    """gluteus medius R (L4 L5* S1) 3, 2, 1; piriformis L (S1* S2) 2, -, 2;
    infraspinatus L (C5* C6) ungraded, 1, 0."""
    from imsmap.ui.progress.segment_trend import SegmentTrend

    history = _history()
    widget = SegmentTrend()
    qtbot.addWidget(widget)
    widget.set_course(Course.of(history), _catalogue(), history.numbering)
    table = widget.roots
    rows = {table.verticalHeaderItem(r).text(): r for r in range(table.rowCount())}
    assert list(rows) == ["C5 left", "C6 left", "L4 right", "L5 right", "S1 left", "S1 right",
                          "S2 left"]

    def cells(label):
        return [table.item(rows[label], j).data(Qt.ItemDataRole.UserRole) for j in range(3)]

    assert cells("L5 right") == [3.0, 2.0, 1.0]
    assert cells("S1 left") == [2.0, None, 2.0]  # not needled in session 2: empty, not zero
    assert cells("C5 left") == [0.0, 1.0, 0.0]  # ungraded counts as needled, adds nothing
    assert "dominant" in table.item(rows["L5 right"], 0).toolTip()
    figures = widget.figures
    assert [figures.item(0, j).text() for j in range(3)] == ["2", "2", "2"]  # muscles grasping
    # Grasp burden: 3 + 2 (infraspinatus ungraded); 2 + 1; 1 + 2 + 0.
    assert [figures.item(1, j).text() for j in range(3)] == ["5", "3", "3"]
    # Muscles in common with the visit before: {G,P,I} vs {G,I} = 2/3; {G,I} vs {G,P,I} = 2/3.
    assert figures.verticalHeaderItem(2).text().replace("\n", " ") == \
        "Muscles in common with the visit before"  # its lines as the room allows
    assert [figures.item(2, j).text() for j in range(3)] == ["", "67%", "67%"]


def test_a_muscle_graded_once_shows_no_change_not_zero(qtbot):
    # Pectoralis major graded 3 at today's first needling read "0" under Change, as a muscle
    # graded 3 at every visit does: a physiotherapist reads that as "no release". One grade
    # has nothing to be compared with: the cell stays empty (the tooltip gives the series).
    sessions = [Session(id=i, patient_id=1, started_at=datetime(2026, 2, 7 * i),
                        atlas_version="t", status=SessionStatus.SIGNED) for i in (1, 2)]
    rows = {1: [("gluteus_medius", "R", 3)],
            2: [("gluteus_medius", "R", 3), ("infraspinatus", "L", 3)]}
    sites = {sid: [Site(id=sid * 10 + k, session_id=sid, seq=k + 1, muscle_id=m, side=Side(s),
                        view_id="posterior", x=500.0, y=1000.0, grasp=g)
                   for k, (m, s, g) in enumerate(items)] for sid, items in rows.items()}
    w = TrendMatrix()
    qtbot.addWidget(w)
    w.set_matrix(grasp_matrix(History.of(sessions, sites), _catalogue()), NAMES)
    m = w.trend_model
    assert [_cell(m, r, COL_MUSCLE) for r in range(2)] == ["Infraspinatus L", "Gluteus medius R"]
    assert [_cell(m, r, COL_CHANGE) for r in range(2)] == ["", "0"]
    assert "3" in _cell(m, 0, COL_CHANGE, Qt.ItemDataRole.ToolTipRole)


def test_compare_says_when_two_visits_cannot_be_compared(qtbot, context, records, patient,
                                                         course):
    """One visit compared with itself listed its muscles as "Unchanged (2)"; a later visit
    chosen under Earlier turned gluteus medius 3 → 1 into "Grasp weaker" read backwards
    (1 → 3 listed under "Grasp stronger"): the lists give way to a sentence."""
    panel = ProgressPanel(records, context.histories, patient.id)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    compare = panel.compare
    panel.tabs.setCurrentWidget(compare)
    assert compare.comparison is not None and compare.tree.isVisible()
    assert not compare.notice.isVisible()
    compare.set_pair(course[2], course[0])  # #3 under Earlier, #1 under Later
    assert compare.comparison is None and not compare.tree.isVisible()
    assert compare.notice.isVisible()
    assert compare.notice.text() == ("#3 is after #1: choose the earlier visit under Earlier, "
                                     "the later under Later.")
    compare.set_pair(course[1], course[1])
    assert compare.comparison is None
    assert "same visit is chosen twice" in compare.notice.text()
    compare.set_pair(course[0], course[2])
    assert compare.comparison is not None and compare.tree.isVisible()
    assert [c.target for c in compare.comparison.better] == [GMED_R]
    # One visit (a patient seen once, or one visit shown): nothing to compare, not "Unchanged".
    panel.choose_last(1)
    assert compare.comparison is None
    assert compare.notice.text() == "One visit only: there is nothing to compare it with."
    assert not compare.tree.isVisible()


def test_compare_tells_what_the_visits_in_between_say(qtbot, context, records, patient):
    """Visit 1 against visit 3: gluteus medius R released (0) at visit 2 and was not needled
    again, piriformis R still grasped (2) when last needled at visit 2. Both were listed as
    "Not needled in the later session" with "-", as if merely left out."""
    rows = {1: [("gluteus_medius", 600, 3), ("piriformis", 560, 3), ("gluteus_maximus", 640, 2)],
            2: [("gluteus_medius", 600, 0), ("piriformis", 560, 2), ("gluteus_maximus", 640, 1)],
            3: [("gluteus_maximus", 640, 1)]}
    for week, items in rows.items():
        s = records.start_session(patient.id, started_at=datetime(2026, 10, 7 * week, 9, 0))
        for muscle, x, grasp in items:
            records.add_site(s.id, "posterior", x, 1000, muscle_id=muscle, side="R",
                             layer="deep" if muscle == "piriformis" else "superficial",
                             grasp=grasp)
        records.sign_session(s.id)  # compared: signed visits (drafts: test_ui_progress_drafts_tabs)
    panel = ProgressPanel(records, context.histories, patient.id)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    compare = panel.compare
    ids = panel.chosen_ids()
    compare.set_pair(ids[0], ids[2])
    groups = compare.groups()
    assert [c.target for c in groups["released_since"]] == [GMED_R]
    assert [c.target for c in groups["not_repeated"]] == [Target("piriformis", "R")]
    tree = compare.tree
    texts = {tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole):
             [(tree.topLevelItem(i).child(j).text(0), tree.topLevelItem(i).child(j).text(2))
              for j in range(tree.topLevelItem(i).childCount())]
             for i in range(tree.topLevelItemCount())}
    assert texts["released_since"] == [("Gluteus medius R", "0 none at #2")]
    assert texts["not_repeated"] == [("Piriformis R", "2 moderate at #2")]
    # Visits 1 and 2 side by side: nothing in between, the lists as before.
    compare.set_pair(ids[0], ids[1])
    assert [c.target for c in compare.groups()["resolved"]] == [GMED_R]


def test_the_pain_change_reads_the_same_on_screen_and_in_the_report(qtbot, context, records,
                                                                    patient, tmp_path):
    """Pain 8 -> 3 is -62.5%: the window said -63%, the progress PDF -62%."""
    from tests.test_progress_pdf import text_of, write

    for week, pain in enumerate((8, 3)):
        s = records.start_session(patient.id, started_at=datetime(2026, 10, 5 + 7 * week, 9, 0),
                                  pain_before=pain)
        records.add_site(s.id, "posterior", 600, 1000, muscle_id="gluteus_medius", side="R",
                         grasp=2 - week)
        records.sign_session(s.id)  # compared: signed visits (a draft is said apart)
    panel = ProgressPanel(records, context.histories, patient.id)
    qtbot.addWidget(panel)
    assert "pain 8 \u2192 3 (\u22125, \u221262%)" in panel.summary.text()  # as the PDF writes it
    assert "\u22125 (\u221262%)" in text_of(write(records, patient.id, tmp_path))[1]


def test_segment_trend_columns_fit_their_words_once_filled(qtbot):
    """The tables are filled with their columns held and fitted once at the end (filling 200
    sessions' columns one label at a time, each fitted again, took seconds): every column still
    fits its header's and its cells' words, and keeps fitting what is set later."""
    from imsmap.ui.progress.segment_trend import SegmentTrend

    history = _history()
    widget = SegmentTrend()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_course(Course.of(history), _catalogue(), history.numbering)
    for table in (widget.roots, widget.figures):
        header = table.horizontalHeader()
        # fitted by segment_trend.fit_columns (Qt's own fit left 10-13 px beside the words)
        assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
        for j in range(table.columnCount()):
            label = table.horizontalHeaderItem(j).text()
            widest = max(header.fontMetrics().horizontalAdvance(line) for line in label.split("\n"))
            assert table.columnWidth(j) >= widest, (label, table.columnWidth(j))
    widget.figures.setItem(0, 0, QTableWidgetItem("a much longer figure than any before"))
    assert widget.figures.columnWidth(0) >= widget.figures.fontMetrics().horizontalAdvance(
        "a much longer figure than any before")
