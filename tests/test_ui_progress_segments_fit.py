"""The Progress tab's Segments figures whole on a 1366 x 768 laptop (window 1366 x 738), with
drafts among the visits shown (found 6 December 2026): in French the draft's header
« #10 brouillon » on one line widened its column, and « Muscles en commun avec la visite
précédente » beside the figures took 315 px: the figures scrolled sideways (in English too).
A draft's number and word now take a line each, as the Trend grid's words, and the figures'
names wrap when the visits leave them too little room."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_fit import open_progress
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.ui.progress.segment_trend import NAME_LINES
from support import site_on

LAPTOP = (1366, 738)
MUSCLES = ("deltoid_anterior", "gluteus_medius", "multifidus", "rhomboid_major",
           "piriformis", "tibialis_anterior")


@pytest.fixture(params=["fr_CA", "en"])
def language(request):
    if request.param == "fr_CA":
        request.getfixturevalue("french")
    return request.param


@pytest.fixture
def visits(records, patient):
    """Ten weekly visits of the same muscles, #7 and #10 drafts."""
    start = datetime(2026, 9, 16, 8, 0)
    ids = []
    for i in range(10):
        s = records.start_session(patient.id, started_at=start + timedelta(days=7 * i),
                                  practitioner="J. Tremblay, pht")
        for k, muscle in enumerate(MUSCLES):
            site = site_on(records, s, muscle)
            records.update_site(site.id, grasp=max(0, 3 - (i + k) // 3))
        records.update_session(s.id, pain_before=max(2, 8 - i), consent=True)
        if i not in (6, 9):
            records.sign_session(s.id)
        ids.append(s.id)
    return ids


def segments(make_window, qtbot, visits, size):
    w, _ = open_progress(make_window, qtbot, visits, size)
    w.progress.tabs.setCurrentWidget(w.progress.segments)
    qtbot.wait(20)
    return w.progress.segments


def test_the_figures_fit_beside_their_names_with_drafts_shown(language, make_window, qtbot,
                                                               visits, tmp_path):
    seg = segments(make_window, qtbot, visits, LAPTOP)
    seg.grab().save(str(tmp_path / f"segments-{language}.png"))
    figures = seg.figures
    assert figures.columnCount() == 8  # the last eight visits, two of them drafts
    draft = "brouillon" if language == "fr_CA" else "draft"
    heads = [figures.horizontalHeaderItem(j).text().split("\n") for j in range(8)]
    assert heads[4][:2] == ["#7", draft] and heads[7][:2] == ["#10", draft]
    assert all(len(lines) == 2 for j, lines in enumerate(heads) if j not in (4, 7))
    # No sideways scrolling, of the figures or the sums above them, and every figure's row in
    # sight.
    for table in (figures, seg.roots):
        assert table.horizontalScrollBar().maximum() == 0, (
            language, table.verticalHeader().width(),
            [table.columnWidth(j) for j in range(table.columnCount())], table.viewport().width())
    assert figures.verticalScrollBar().maximum() == 0
    # Every line of the visits' headers inside its column, every name's line inside the names'
    # column, at most NAME_LINES of them, the whole name said.
    header = figures.horizontalHeader()
    for j, lines in enumerate(heads):
        assert all(header.fontMetrics().horizontalAdvance(line) + 4 <= header.sectionSize(j)
                   for line in lines), (lines, header.sectionSize(j))
    names = figures.verticalHeader()
    for row, name in enumerate(seg.figure_names):
        lines = figures.verticalHeaderItem(row).text().split("\n")
        assert " ".join(lines) == name and len(lines) <= NAME_LINES
        assert all(names.fontMetrics().horizontalAdvance(line) + 4 <= names.width()
                   for line in lines), (lines, names.width())
        assert figures.rowHeight(row) >= len(lines) * names.fontMetrics().lineSpacing()
