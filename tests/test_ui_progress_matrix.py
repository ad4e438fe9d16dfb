"""The trend grid's cells read the same through the model and through the view (its sorting proxy)
for a known history, and showing a patient asks the model for about what one paint needs: the
muscle column is measured once, not again after each visit column's resize."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView

from imsmap.domain.models import Session, SessionStatus, Side, Site
from imsmap.domain.progress import History, grasp_matrix
from imsmap.render.style import LIGHT
from imsmap.ui.progress import TrendMatrix, trend_matrix
from imsmap.ui.progress.trend_matrix import (
    COL_CHANGE,
    COL_MUSCLE,
    FIRST_SESSION_COL,
    SORT_ROLE,
    TrendModel,
)

NAMES = {"gluteus_medius": "Gluteus medius", "piriformis": "Piriformis",
         "infraspinatus": "Infraspinatus", "deltoid_anterior": "Deltoid (anterior)"}
DISPLAY, BACKGROUND, FOREGROUND, TIP = (Qt.ItemDataRole.DisplayRole,
                                        Qt.ItemDataRole.BackgroundRole,
                                        Qt.ItemDataRole.ForegroundRole,
                                        Qt.ItemDataRole.ToolTipRole)


def _history(n_sessions: int = 4, rows: dict | None = None, drafts: tuple[int, ...] = ()
             ) -> History:
    """Signed visits 1..n, but for the ``drafts``."""
    sessions = [Session(id=i, patient_id=1, started_at=datetime(2026, 3, 2) + timedelta(weeks=i - 1),
                        atlas_version="t", status=SessionStatus.DRAFT if i in drafts
                        else SessionStatus.SIGNED) for i in range(1, n_sessions + 1)]
    sites = {sid: [Site(id=sid * 100 + k, session_id=sid, seq=k + 1, muscle_id=m, side=Side(s),
                        view_id="posterior", x=500.0, y=1000.0, grasp=g)
                   for k, (m, s, g) in enumerate(items)] for sid, items in (rows or {}).items()}
    return History.of(sessions, sites)


def _known():
    """infraspinatus L: ungraded, 1, -, 0 (change -1); deltoid R: 1, -, -, 3 (+2); gluteus
    medius R: 3, 3, 3, 3 (0); piriformis L: -, -, 2, - (one grade: no change)."""
    return _history(4, {
        1: [("infraspinatus", "L", None), ("deltoid_anterior", "R", 1), ("gluteus_medius", "R", 3)],
        2: [("infraspinatus", "L", 1), ("gluteus_medius", "R", 3)],
        3: [("gluteus_medius", "R", 3), ("piriformis", "L", 2)],
        4: [("infraspinatus", "L", 0), ("deltoid_anterior", "R", 3), ("gluteus_medius", "R", 3)]})


def _catalogue():
    from types import SimpleNamespace
    return {"gluteus_medius": SimpleNamespace(roots=("L4", "L5", "S1"), dominant_root="L5"),
            "piriformis": SimpleNamespace(roots=("S1", "S2"), dominant_root="S1"),
            "infraspinatus": SimpleNamespace(roots=("C5", "C6"), dominant_root="C5"),
            "deltoid_anterior": SimpleNamespace(roots=("C5", "C6"), dominant_root="C5")}


@pytest.fixture
def grid(qtbot):
    w = TrendMatrix()
    qtbot.addWidget(w)
    w.resize(900, 300)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_grid_reads_the_same_through_the_model_and_the_view(grid, qtbot):
    grid.set_matrix(grasp_matrix(_known(), _catalogue()), NAMES, {1: 11, 2: 12, 3: 13, 4: 14})
    grid.sortByColumn(COL_CHANGE, Qt.SortOrder.AscendingOrder)  # the view's order: by change
    qtbot.wait(10)
    model, view = grid.trend_model, grid.model()

    def table(m, role):
        return [[m.index(r, c).data(role) for c in [COL_MUSCLE, COL_CHANGE]
                 + list(range(FIRST_SESSION_COL, FIRST_SESSION_COL + 4))]
                for r in range(m.rowCount())]

    # The model in the chart's order (cranio-caudal, then side)...
    assert table(model, DISPLAY) == [
        ["Deltoid (anterior) R", "+2", "1", "", "", "3"],
        ["Infraspinatus L", "\u22121", "?", "1", "", "0"],
        ["Gluteus medius R", "0", "3", "3", "3", "3"],
        ["Piriformis L", "", "", "", "2", ""]]
    # ... the view by change, most released first, no change (one grade) last.
    order = [1, 2, 0, 3]
    assert table(view, DISPLAY) == [table(model, DISPLAY)[r] for r in order]
    for role in (SORT_ROLE, TIP):
        assert table(view, role) == [table(model, role)[r] for r in order]
    assert [view.index(r, COL_CHANGE).data(SORT_ROLE) for r in range(4)] == [-1.0, 0.0, 2.0, 99.0]
    assert table(model, SORT_ROLE)[1][2:] == [-1.0, 1.0, -2.0, 0.0]

    def colours(m, role):
        return [[None if b is None else b.color().name() for b in row[1:]]
                for row in table(m, role)]

    fill = {g: QColor(LIGHT.grasp_fills[g]).name() for g in (None, 0, 1, 2, 3)}
    ink = {g: QColor(LIGHT.grasp_text[g]).name() for g in (None, 0, 1, 2, 3)}
    assert colours(view, BACKGROUND) == [
        [None, fill[None], fill[1], None, fill[0]],
        [None, fill[3], fill[3], fill[3], fill[3]],
        [None, fill[1], None, None, fill[3]],
        [None, None, None, fill[2], None]]
    assert colours(view, FOREGROUND) == [
        ["#1b6e3a", ink[None], ink[1], None, ink[0]],
        [None, ink[3], ink[3], ink[3], ink[3]],
        ["#a4161a", ink[1], None, None, ink[3]],
        [None, None, None, ink[2], None]]
    tips = table(view, TIP)[0]
    assert tips[2:] == ["Infraspinatus L, 2026-03-02: ungraded", "Infraspinatus L, 2026-03-09: "
                        "mild (1)", "Infraspinatus L, 2026-03-16: not needled",
                        "Infraspinatus L, 2026-03-23: none (0)"]
    assert tips[:2] == ["Infraspinatus L",
                        "Infraspinatus L: ? 1 · 0 (oldest to latest; · not needled)"]
    # Roles the grid does not use are not answered.
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole,
                 Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.SizeHintRole):
        assert all(v is None for row in table(view, role) for v in row)
    # What the view draws: each cell's text where the view puts it (visits left to right).
    rects = [grid.visualRect(view.index(0, FIRST_SESSION_COL + j)) for j in range(4)]
    assert all(r.width() >= 44 for r in rects)
    assert [r.left() for r in rects] == sorted(r.left() for r in rects)
    # The muscle column as wide as its longest name (as a ResizeToContents column was), fixed.
    header = grid.horizontalHeader()
    assert header.sectionSize(COL_MUSCLE) == max(grid.sizeHintForColumn(COL_MUSCLE),
                                                 header.sectionSizeHint(COL_MUSCLE))
    assert header.sectionResizeMode(COL_MUSCLE) == QHeaderView.ResizeMode.Fixed
    assert grid.frozen.columnWidth(COL_MUSCLE) == header.sectionSize(COL_MUSCLE)


def _many(n_sessions: int, muscles: list[str]) -> History:
    """Every muscle, both sides, needled at every visit, grades going round 3 to 0."""
    return _history(n_sessions, {
        sid: [(m, side, (sid + k) % 4) for k, m in enumerate(muscles) for side in "LR"]
        for sid in range(1, n_sessions + 1)})


class CountingModel(TrendModel):
    """The grid's model, counting the calls to data()."""

    calls = 0

    def data(self, index, role=DISPLAY):
        CountingModel.calls += 1
        return super().data(index, role)


def test_showing_a_patient_asks_the_model_about_what_one_paint_needs(qtbot, monkeypatch):
    """Twenty rows, eight visits: the calls to data() for a new matrix and its paint stay within
    a few per cell painted (a paint asks each cell for about ten roles) plus one measure of the
    muscle names (1,484 calls here, against 3,404 when the muscle column was measured again
    after each visit column's resize)."""
    monkeypatch.setattr(trend_matrix, "TrendModel", CountingModel)
    grid = TrendMatrix()
    qtbot.addWidget(grid)
    grid.resize(900, 300)
    grid.show()
    qtbot.waitExposed(grid)
    muscles = [f"muscle_{i:02d}" for i in range(10)]
    catalogue = {m: _catalogue()["gluteus_medius"] for m in muscles}
    grid.set_matrix(grasp_matrix(_many(3, muscles), catalogue))
    qtbot.wait(10)
    CountingModel.calls = 0
    grid.set_matrix(grasp_matrix(_many(8, muscles), catalogue))
    grid.viewport().repaint()
    grid.frozen.viewport().repaint()
    rows = grid.model().rowCount()
    assert rows == 20
    shown = grid.viewport().height() // grid.rowHeight(0) + 1
    cells = min(rows, shown) * (grid.model().columnCount() + FIRST_SESSION_COL)  # both views
    assert 0 < CountingModel.calls <= 12 * cells + 12 * rows, (CountingModel.calls, cells)
