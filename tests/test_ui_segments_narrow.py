"""The Segments tab at 960 x 540 (window 960 x 510): its five columns were 405 px in a 373 px
table (440 in 322 in French), so it scrolled sideways and the right side's grasp was cut (walk
of 6 December). Where they do not fit, the sites columns go: each side's grasp cell says the
sites too (« max 3 · 7/12 », « – · 0/3 » where none is graded), its tip the whole counts with
the dominant/contributing split. Made wider again, the table is as on a laptop."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from tests.test_ui_segments_fit import add, language, segments_window, text_margin  # noqa: F401
from tests.test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

from imsmap.domain.segments import SPINAL_ROOTS, UNLEVELLED
from imsmap.ui.record.segment_panel import ROWS

SHOWN = (0, 2, 4)  # root, left grasp, right grasp


def _whole_in_view(table, columns) -> list[str]:
    header, width, pad = table.horizontalHeader(), table.viewport().width(), text_margin(table)
    problems = []
    for c in columns:
        left = header.sectionViewportPosition(c)
        if left < 0 or left + header.sectionSize(c) > width:
            problems.append(f"column {c} at {left}-{left + header.sectionSize(c)} in {width}")
        texts = [table.item(r, c).text() for r in range(table.rowCount()) if table.item(r, c)]
        for text in texts + table.horizontalHeaderItem(c).text().split("\n"):
            need = QFontMetrics(table.font()).horizontalAdvance(text) + pad
            if text and header.sectionSize(c) < need:
                problems.append(f"{text!r}: {header.sectionSize(c)} < {need}")
    return problems


def test_at_960_px_the_grasp_cells_say_the_sites(segments_window, language, qtbot, records,
                                                 session):
    w = segments_window
    add(records, session, "piriformis", "L", 3, None)  # sites, none graded
    w.resize(960, 510)
    qtbot.wait(30)
    panel, table = w.segments, w.segments.table
    assert table.horizontalScrollBar().maximum() == 0, \
        ([table.columnWidth(c) for c in range(table.columnCount())], table.viewport().width())
    assert panel.compact
    assert table.isColumnHidden(1) and table.isColumnHidden(3)
    assert not _whole_in_view(table, SHOWN), _whole_in_view(table, SHOWN)
    assert table.columnWidth(5) >= 40  # the muscles' names start there, whole in their tip
    fr = language == "fr_CA"
    l5 = SPINAL_ROOTS.index("L5")
    left = table.item(l5, 2)
    assert left.text() == ("max. 3 · 10/10" if fr else "max 3 · 10/10")
    # the d/c split the sites column said, in the tip: multifidus L5 (dominant) and gluteus
    # medius (L5 dominant), 10 sites on the left
    sites_left = table.item(l5, 1).text()  # hidden, still filled: "10  (10d 0c)"
    count, split = sites_left.split("  ")
    dominant, contributing = split.strip("()").split(" ")
    tip = left.toolTip()
    words = (f"Points\xa0: {count} ({dominant[:-1]} d " if fr else f"Sites: {count} ({dominant[:-1]} d ")
    assert tip.startswith(words), tip
    assert f"{contributing[:-1]} c" in tip
    assert ("Préhension la plus forte" if fr else "Strongest grasp") in tip
    # sites none of which is graded: their number, and the tip says none is graded
    ungraded = [table.item(r, 2) for r in range(len(SPINAL_ROOTS))
                if table.item(r, 2).text().startswith("–")]
    assert ungraded, [table.item(r, 2).text() for r in range(len(SPINAL_ROOTS))]
    assert ungraded[0].text() == "– · 0/3"
    assert ungraded[0].toolTip().endswith("Aucun point coté." if fr else "None graded.")
    # the sites without a level: their number in the tip, no split (they count for no root)
    unlevelled = table.item(ROWS.index(UNLEVELLED), 4)
    assert unlevelled.toolTip().startswith("Points\xa0: 11." if fr else "Sites: 11.")

    # wider again: the five columns as on a laptop, the grasp cells as before
    w.resize(1366, 738)
    qtbot.wait(30)
    assert not panel.compact and not table.isColumnHidden(1) and not table.isColumnHidden(3)
    assert table.horizontalScrollBar().maximum() == 0
    assert left is not table.item(l5, 2)  # refilled
    assert table.item(l5, 2).toolTip().startswith("Préhension" if fr else "Strongest")
    assert all(not table.item(r, 2).text().startswith("–") for r in range(len(SPINAL_ROOTS)))


def test_at_every_width_between_it_never_scrolls_sideways(segments_window, qtbot):
    w = segments_window
    table = w.segments.table
    seen = set()
    for width in [*range(960, 1366, 24), 1366]:
        w.resize(width, 738)
        qtbot.wait(5)
        seen.add(w.segments.compact)
        assert table.horizontalScrollBar().maximum() == 0, (
            width, w.segments.compact,
            [table.columnWidth(c) for c in range(table.columnCount())], table.viewport().width())
        assert table.isColumnHidden(1) == table.isColumnHidden(3) == w.segments.compact
    assert seen == {True, False}


def test_dragging_the_column_wider_brings_the_sites_back_at_1280(segments_window, language,
                                                                 qtbot):
    """The sites columns went in any window under 1366 px (d8ebab9a), and dragging the right
    column wider did not bring them back. The rule is the table's own width: at 1280 px, a
    column too narrow for them leaves them out, the same column dragged wider shows them, as
    at any window width; the muscles' names beside them, wrapped, are whole in their tooltips too."""
    w = segments_window
    panel, table, splitter = w.segments, w.segments.table, w.splitter
    w.resize(1280, 738)
    qtbot.wait(30)
    left, chart, right = splitter.sizes()
    splitter.setSizes([left, chart + right - 400, 400])  # the right column dragged narrower
    qtbot.waitUntil(lambda: panel.compact)
    qtbot.wait(20)
    assert table.isColumnHidden(1) and table.isColumnHidden(3)
    assert table.horizontalScrollBar().maximum() == 0
    fr = language == "fr_CA"
    l5 = SPINAL_ROOTS.index("L5")
    said = table.item(l5, 2).toolTip()  # the grasp cell says the sites
    assert said.startswith("Points\xa0: 10" if fr else "Sites: 10"), said
    narrow = splitter.sizes()[2]
    splitter.setSizes([left, chart + right - 560, 560])  # and wider
    qtbot.waitUntil(lambda: not panel.compact)
    qtbot.wait(20)
    assert w.width() == 1280 and splitter.sizes()[2] > narrow
    assert not table.isColumnHidden(1) and not table.isColumnHidden(3)
    assert table.horizontalScrollBar().maximum() == 0
    assert table.item(l5, 1).text().startswith("10")  # the sites in their own columns
    assert table.item(l5, 2).toolTip().startswith("Préhension" if fr else "Strongest grasp")
    for row in range(table.rowCount()):
        muscles = table.item(row, 5)
        assert muscles.toolTip() == muscles.text(), row
    names = table.item(l5, 5)
    assert names.text() and table.fontMetrics().horizontalAdvance(names.text()) > \
        table.columnWidth(5), (names.text(), table.columnWidth(5))  # wrapped, the tip whole too


def test_a_session_on_one_side_goes_narrow_and_stays(language, make_window, records, session,
                                                      qtbot):  # noqa: F811 - fixtures
    """Walk of 7 December at 1280 px (/tmp/layout1280/f06.png, f08.png): a session needled on
    the right only, the right column dragged narrower, and the table scrolled sideways with the
    sites columns still shown and the muscles off its edge. The empty left sites column was
    counted at its header's width while shown and at none once hidden (Qt gives a hidden
    section no size hint), so the table left the sites out, found them fitting, and put them
    back in the same resize."""
    add(records, session, "gluteus_medius", "R", 2, 1)
    add(records, session, "multifidus", "R", 1, 1, "L5")
    add(records, session, "piriformis", "R", 1, 0)
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(1280, 738)
    w.right_tabs.setCurrentWidget(w.segments)
    qtbot.wait(20)
    panel, table, splitter = w.segments, w.segments.table, w.splitter
    assert not panel.compact
    left, chart, right = splitter.sizes()
    for width in range(right, 0, -12):  # dragged narrower, a step at a time, until they go
        splitter.setSizes([left, chart + right - width, width])
        qtbot.wait(5)
        assert table.isColumnHidden(1) == table.isColumnHidden(3) == panel.compact
        assert panel.compact or table.viewport().width() >= panel.full_width(), width
        assert table.horizontalScrollBar().maximum() == 0, width
        if panel.compact:
            break
    qtbot.wait(20)
    assert panel.compact and table.horizontalScrollBar().maximum() == 0, \
        ([table.columnWidth(c) for c in range(table.columnCount())], table.viewport().width())
    splitter.setSizes([left, chart + right - 560, 560])  # and wider: the sites back
    qtbot.waitUntil(lambda: not panel.compact)
    assert not table.isColumnHidden(1) and table.horizontalScrollBar().maximum() == 0
