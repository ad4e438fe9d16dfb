"""The Progress tab's Trend grid and pain/grasp plot compare signed visits (the rule of
domain.progress.earlier_visits, as the progress report's): the grid's Change is between the first
and the latest signed visits, a draft's column keeping its grades with "draft" in its header; the
plot draws a draft hollow with a dotted outline, joined to no line, "draft" under its date, and
its key says so. Through the real window; the report's grid: tests/test_progress_pdf_drafts.py."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_history import large_regions
from tests.test_ui_history_drafts import START, site_at
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.progress.pain_plot import BEFORE
from imsmap.ui.progress.trend_matrix import COL_CHANGE, COL_TREND, FIRST_SESSION_COL

HEADER = Qt.ItemDataRole.DisplayRole


@pytest.fixture
def course(records, patient, atlas):
    """One muscle (region A) at four weekly visits: signed 2 (pain 7), signed 1 (pain 5), a
    visit left a draft graded 3 (pain 2), and today's draft graded 3 (pain 1)."""
    a, _b = large_regions(atlas)
    ids = []
    for k, (grade, pain) in enumerate(((2, 7), (1, 5), (3, 2), (3, 1))):
        s = records.start_session(patient.id, started_at=START + timedelta(days=7 * k),
                                  practitioner="J. Physio", pain_before=pain)
        site_at(records, s.id, a, grade)
        if k < 2:
            records.sign_session(s.id)
        ids.append(s.id)
    return ids


def open_trend(make_window, patient, ids):
    w = make_window(patient_id=patient.id, session_id=ids[-1])
    w.menus.act_progress.trigger()
    w.progress.choose(ids)
    w.progress.tabs.setCurrentWidget(w.progress.matrix)
    QCoreApplication.processEvents()
    return w


def grid_words(w) -> tuple[list[str], str, list[str]]:
    """The visits' headers (one line), the row's Change, the row's cells."""
    model = w.progress.matrix.trend_model
    n = model.columnCount()
    heads = [str(model.headerData(c, Qt.Orientation.Horizontal, HEADER)).split("\n")[0]
             for c in range(FIRST_SESSION_COL, n)]
    assert model.rowCount() == 1
    cells = [model.index(0, c).data() for c in range(FIRST_SESSION_COL, n)]
    return heads, model.index(0, COL_CHANGE).data(), cells


def test_the_trend_grid_compares_signed_visits(qtbot, make_window, records, patient, course):
    w = open_trend(make_window, patient, course)
    heads, change, cells = grid_words(w)
    # 2 -> 1 between the signed visits (released): not 2 -> 3 with today's draft ("+1")
    assert change == "\u22121"
    assert heads == ["#1", "#2", "#3 draft", "#4 draft"]
    assert cells == ["2", "1", "3", "3"]  # a draft's grades still shown
    model = w.progress.matrix.trend_model
    tip = model.headerData(FIRST_SESSION_COL + 3, Qt.Orientation.Horizontal,
                           Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith(": a draft, not signed; not in the change.")
    assert "signed visits" in model.headerData(COL_CHANGE, Qt.Orientation.Horizontal,
                                               Qt.ItemDataRole.ToolTipRole)
    # the header's column is as wide as its "#3 draft"
    grid = w.progress.matrix
    width = grid.fontMetrics().horizontalAdvance("#3 draft")
    assert grid.columnWidth(FIRST_SESSION_COL + 2) >= width
    # the trend's small line: the drafts' points hollow, joined to no line
    assert sparkline_at(grid, 2, 3).lightness() > 240  # draft #3's 3: white inside its ring
    assert sparkline_halfway(grid, 1, 1, 2, 3) > 240  # #2 -> #3 not joined
    assert sparkline_halfway(grid, 0, 2, 1, 1) < 200  # #1 -> #2 joined
    # signed, they are visits: the latest is today's 3
    for sid in course[2:]:
        records.sign_session(sid)
    qtbot.waitUntil(lambda: w.progress.full.session(course[-1]).is_signed, timeout=3000)
    w.progress.choose(course)
    heads, change, cells = grid_words(w)
    assert change == "+1" and heads == ["#1", "#2", "#3", "#4"]
    assert sparkline_halfway(grid, 1, 1, 2, 3) < 200  # joined now


def _sparkline(grid):
    """The trend cell as painted (in the frozen columns over the grid) and its inner box."""
    frozen = grid.frozen
    rect = frozen.visualRect(frozen.model().index(0, COL_TREND))
    image = frozen.viewport().grab().toImage()
    inner = QRectF(rect).adjusted(6, 5, -6, -5)
    return image, inner


def sparkline_at(grid, j: int, grade: float, n: int = 4) -> QColor:
    image, r = _sparkline(grid)
    x = r.left() + j * r.width() / (n - 1)
    return QColor(image.pixel(int(round(x)), int(round(r.bottom() - r.height() * grade / 3))))


def sparkline_halfway(grid, j: int, a: float, k: int, b: float, n: int = 4) -> int:
    """The darkest lightness around the point half-way between two of the line's points."""
    image, r = _sparkline(grid)
    x = int(round(r.left() + (j + k) / 2 * r.width() / (n - 1)))
    y = int(round(r.bottom() - r.height() * (a + b) / 2 / 3))
    return min(QColor(image.pixel(x + dx, y + dy)).lightness()
               for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def test_the_trend_grid_says_draft_in_french(french, qtbot, make_window, patient, course):
    w = open_trend(make_window, patient, course)
    heads, change, _cells = grid_words(w)
    assert heads == ["#1", "#2", "#3 brouillon", "#4 brouillon"] and change == "\u22121"


def plot_image(w) -> tuple[QImage, object]:
    plot = w.progress.pain
    image = plot.render_image(900, 420)
    return image, plot.layout_for(QRectF(0, 0, 900, 420))


def dark(image: QImage, x: float, y0: float, y1: float, half: int = 14) -> int:
    """How many darkish pixels in a box (text, lines) around x between y0 and y1."""
    count = 0
    for yy in range(int(y0), int(y1)):
        for xx in range(int(x) - half, int(x) + half):
            if QColor(image.pixel(xx, yy)).lightness() < 140:
                count += 1
    return count


def test_the_pain_plot_draws_a_draft_apart(qtbot, make_window, records, patient, course):
    w = open_trend(make_window, patient, course)
    image, lay = plot_image(w)
    assert lay.n == 4
    signed_dot, draft_dot = lay.pain_point(1, 5), lay.pain_point(2, 2)
    # a signed visit's dot filled, a draft's hollow (white inside its dotted ring)
    assert QColor(image.pixel(signed_dot.toPoint())) == BEFORE
    assert QColor(image.pixel(draft_dot.toPoint())).lightness() > 240
    # joined to no line: nothing half-way between visit 2 (signed) and the draft, nor between
    # the two drafts; visits 1 and 2 joined
    def halfway(i, a, b):
        p, q = lay.pain_point(i, a), lay.pain_point(i + 1, b)
        return QColor(image.pixel(int((p.x() + q.x()) / 2), int((p.y() + q.y()) / 2)))
    assert halfway(0, 7, 5).lightness() < 140
    assert halfway(1, 5, 2).lightness() > 240 and halfway(2, 2, 1).lightness() > 240
    # "draft" under the drafts' dates, nothing under a signed visit's
    below = lay.counts.bottom() + 21, lay.counts.bottom() + 34
    assert dark(image, lay.x(1), *below) == 0
    assert dark(image, lay.x(2), *below) > 10 and dark(image, lay.x(3), *below) > 10
    assert "(draft, not signed: not compared)" in w.progress.pain.toolTip().split("\n")[2]
    assert "draft" not in w.progress.pain.toolTip().split("\n")[1]
    # the key says it: the top row's words run further right than with the visits signed
    def key_right(img):
        row = np.array([[QColor(img.pixel(x, y)).lightness() < 140 for x in range(img.width())]
                        for y in range(4, 20)])
        return int(np.nonzero(row.any(axis=0))[0].max())
    with_drafts = key_right(image)
    for sid in course[2:]:
        records.sign_session(sid)
    qtbot.waitUntil(lambda: w.progress.full.session(course[-1]).is_signed, timeout=3000)
    w.progress.choose(course)
    image, lay = plot_image(w)
    assert key_right(image) < with_drafts - 100
    assert QColor(image.pixel(lay.pain_point(2, 2).toPoint())) == BEFORE  # now filled
    assert halfway(1, 5, 2).lightness() < 140  # and joined
    # no second line under the dates: the plot keeps its room for the chart
    assert lay.counts.bottom() == 420 - 30
    assert dark(image, lay.x(2), lay.counts.bottom() + 21, 420) == 0
