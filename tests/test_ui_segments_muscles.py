"""The Segments tab's Muscles column on a 1366 x 768 laptop (window 1366 x 738), in English and
French: each root's muscles were cut (« Multi… », "Gluteus maximus, M…", walk of 7 December,
/tmp/walk1366/15-segments.png) and said no side, the left and right sites of a root mixed in
one list. Each muscle now says the side it was needled on, in the letters the progress tables
use (L, R; « G », « D ») or "both", and its row is as tall as the names wrapped whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from tests.test_ui_segments_fit import add, language, segments_window, text_margin  # noqa: F401
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.domain.segments import SPINAL_ROOTS, UNLEVELLED
from imsmap.ui.record.segment_panel import ROWS

MUSCLES = 5

# The busy low-back session of segments_window, as each language names it.
SAID = {
    "en": {"L5": "Gluteus medius both, Multifidus both",
           "S1": "Gluteus medius both, Piriformis R",
           "S2": "Piriformis R",
           UNLEVELLED: "External intercostals both"},
    "fr_CA": {"L5": "Moyen fessier bilatéral, Multifide bilatéral",
              "S1": "Moyen fessier bilatéral, Piriforme D",
              "S2": "Piriforme D",
              UNLEVELLED: "Intercostaux externes bilatéral"},
}


def wrapped_height(table, row: int) -> int:
    """The height of the row's muscles wrapped by words in their cell (its padding left out):
    what the row must show for no name to be cut."""
    width = table.visualRect(table.model().index(row, MUSCLES)).width() - text_margin(table)
    text = table.item(row, MUSCLES).text()
    return QFontMetrics(table.font()).boundingRect(
        0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, text).height()


def cut_words(table, row: int) -> list[str]:
    """The words of the row's muscles wider than their cell (which Qt would elide)."""
    width = table.visualRect(table.model().index(row, MUSCLES)).width() - text_margin(table)
    metrics = QFontMetrics(table.font())
    return [w for w in table.item(row, MUSCLES).text().split() if metrics.horizontalAdvance(w) > width]


def test_each_muscle_says_its_side(segments_window, language):
    table = segments_window.segments.table
    for root, said in SAID[language].items():
        item = table.item(ROWS.index(root), MUSCLES)
        assert item.text() == said, root
        assert item.toolTip() == said


@pytest.fixture
def walk_window(language, make_window, records, session, qtbot):  # noqa: F811 - fixture
    """The walk's session (/tmp/walk1366/15-segments.png): pectoralis major on the left, rectus
    femoris on the right, multifidus L4 left and L5 right, gluteus maximus on both sides."""
    add(records, session, "pectoralis_major", "L", 1, 3)
    add(records, session, "rectus_femoris", "R", 1, 2)
    add(records, session, "multifidus", "L", 1, 0, "L4")
    add(records, session, "gluteus_maximus", "L", 1, 1)
    add(records, session, "gluteus_maximus", "R", 1, 2)
    add(records, session, "multifidus", "R", 1, 1, "L5")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(1366, 738)
    w.right_tabs.setCurrentWidget(w.segments)
    qtbot.wait(20)
    return w


WALK = {"en": ("Gluteus maximus both, Multifidus R", "Rectus femoris R, Multifidus L"),
        "fr_CA": ("Grand fessier bilatéral, Multifide D", "Droit fémoral D, Multifide G")}


def test_the_walks_muscles_read_whole_with_their_sides(walk_window, language):
    table = walk_window.segments.table
    l4, l5 = SPINAL_ROOTS.index("L4"), SPINAL_ROOTS.index("L5")
    five, four = WALK[language]
    assert (table.item(l5, MUSCLES).text(), table.item(l4, MUSCLES).text()) == (five, four)
    one_line = table.fontMetrics().height() + 6
    assert wrapped_height(table, l5) > QFontMetrics(table.font()).height()  # it does wrap
    problems = []
    for row in range(table.rowCount()):
        item = table.item(row, MUSCLES)
        if item is not None and item.text():
            if table.rowHeight(row) < wrapped_height(table, row) or cut_words(table, row):
                problems.append((ROWS[row], item.text(), table.rowHeight(row),
                                 wrapped_height(table, row), cut_words(table, row)))
        elif table.rowHeight(row) != one_line:
            problems.append((ROWS[row], table.rowHeight(row)))
    assert not problems, problems
    # no sideways scrolling; the treated roots in view
    assert table.horizontalScrollBar().maximum() == 0
    for root in ("C5", "T1", "L2", "S2"):
        rect = table.visualItemRect(table.item(ROWS.index(root), 0))
        assert rect.top() >= 0 and rect.bottom() <= table.viewport().height(), root


def test_a_wider_column_wraps_the_names_onto_fewer_lines(walk_window, qtbot):
    """Dragging the right column wider or back refits the rows to the muscles' width."""
    w = walk_window
    table, splitter = w.segments.table, w.splitter
    l5 = SPINAL_ROOTS.index("L5")
    before = table.rowHeight(l5)
    left, chart, right = splitter.sizes()
    splitter.setSizes([left, chart - 200, right + 200])
    qtbot.waitUntil(lambda: table.rowHeight(l5) < before)
    assert table.rowHeight(l5) >= wrapped_height(table, l5)
    splitter.setSizes([left, chart, right])
    qtbot.waitUntil(lambda: table.rowHeight(l5) == before)
