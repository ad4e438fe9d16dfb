"""The Segments tab read whole on a 1366 x 768 laptop (window 1366 x 738), in English and French:
the root, left sites, left grasp, right sites and right grasp columns side by side without
sideways scrolling, every cell's words inside its column, the roots without sites in rows of one
line. The muscles column takes what is left, its names wrapped whole in taller rows (since 7 Dec
2026: elided, they were cut to « Multi… »; tests/test_ui_segments_muscles.py), so that a busy
session scrolls down to its last treated roots."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle

from imsmap import i18n
from imsmap.domain.segments import SPINAL_ROOTS, UNLEVELLED
from imsmap.ui.record.segment_panel import ROWS
from test_ui_support import make_window, qt_settings  # noqa: F401 - fixtures

FIVE = range(5)  # root, left sites, left grasp, right sites, right grasp


def add(records, session, muscle: str, side: str, times: int, grasp: int | None,
        level: str | None = None, region_level: str | None = None) -> None:
    """`times` sites on `muscle` on `side` (at `level` on a segmental muscle; a segmental muscle
    given no level is one whose level was not recorded), at a real region's label point."""
    for view in records.atlas.views.values():
        for region in view.regions:
            if region.muscle == muscle and region.side == side and \
                    region.level == (region_level or level):
                for _ in range(times):
                    records.add_site(session.id, view.id, *region.label, muscle_id=muscle,
                                     side=side, layer=region.layer, level=level, grasp=grasp)
                return
    pytest.fail(f"no region of {muscle} on side {side}")


@pytest.fixture(params=["en", "fr_CA"])
def language(request, qapp):
    i18n.install(qapp, request.param)
    yield request.param
    i18n.install(qapp, "en")


@pytest.fixture
def segments_window(language, make_window, records, session, qtbot):  # noqa: F811 - fixture
    """A busy low-back session: two-digit counts on both sides at L4-S1, strong grasps, and
    intercostal sites whose level was not recorded (the last row, the longest root words)."""
    add(records, session, "gluteus_medius", "L", 6, 3)
    add(records, session, "gluteus_medius", "R", 7, 2)
    add(records, session, "multifidus", "L", 4, 1, "L5")
    add(records, session, "multifidus", "R", 5, None, "L5")
    add(records, session, "piriformis", "R", 3, 0)
    add(records, session, "external_intercostals", "R", 11, 3, None, "T5")
    add(records, session, "external_intercostals", "L", 12, 1, None, "T5")
    w = make_window(patient_id=session.patient_id, session_id=session.id)
    w.resize(1366, 738)
    w.right_tabs.setCurrentWidget(w.segments)
    qtbot.wait(20)
    assert w.width() <= 1366 and w.height() <= 738
    return w


def text_margin(table) -> int:
    """The item delegate's padding around a cell's text (QStyledItemDelegate), both sides."""
    return 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                          table) + 1)


def test_the_five_columns_are_whole_and_all_the_roots_shown(segments_window):
    w = segments_window
    table = w.segments.table
    header = table.horizontalHeader()
    # wide counts and the busiest grasps are there to be measured
    assert table.item(SPINAL_ROOTS.index("L5"), 1).data(Qt.ItemDataRole.UserRole) >= 10
    assert table.item(ROWS.index(UNLEVELLED), 3).data(Qt.ItemDataRole.UserRole) == 11
    assert table.horizontalScrollBar().maximum() == 0, \
        ([table.columnWidth(c) for c in range(table.columnCount())], table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    width = table.viewport().width()
    problems = []
    for c in FIVE:
        left = header.sectionViewportPosition(c)
        if left < 0 or left + header.sectionSize(c) > width:
            problems.append(f"column {c} {header.model().headerData(c, Qt.Orientation.Horizontal)!r}"
                            f" at {left}-{left + header.sectionSize(c)} px in {width} px")
    # every cell's words inside its column
    pad = text_margin(table)
    for c in FIVE:
        for r in range(table.rowCount()):
            item = table.item(r, c)
            if item is None or not item.text():
                continue
            font = item.data(Qt.ItemDataRole.FontRole) or table.font()
            need = QFontMetrics(font).horizontalAdvance(item.text()) + pad
            if table.columnWidth(c) < need:
                problems.append(f"{item.text()!r}: {table.columnWidth(c)} px < {need} px")
        # the header's words too, each line of them
        for line in table.horizontalHeaderItem(c).text().split("\n"):
            need = header.fontMetrics().horizontalAdvance(line) + pad
            if header.sectionSize(c) < need:
                problems.append(f"header {line!r}: {header.sectionSize(c)} px < {need} px")
    assert not problems, "\n".join(problems)
    # The muscles take the rest of the row: their names start there, whole in the tooltip.
    muscles = table.item(SPINAL_ROOTS.index("L5"), 5)
    assert header.sectionViewportPosition(5) + header.sectionSize(5) <= width
    assert header.sectionSize(5) >= 40
    assert muscles.toolTip() == muscles.text() and muscles.text()
    # and down: the roots without sites in rows of one line, the treated roots in view
    assert table.rowCount() == len(ROWS) == 30  # C1-S4 and the sites without a level
    assert all(table.rowHeight(r) == table.fontMetrics().height() + 6
               for r in range(table.rowCount()) if not table.item(r, 5).text())
    first = table.visualItemRect(table.item(SPINAL_ROOTS.index("L4"), 0))
    assert 0 <= first.top() and first.bottom() <= table.viewport().height()


# What the short words say, in each language: (cell text, its tooltip); NBSP before a French colon.
WORDS = {
    "en": {"headers": ["Root", "Left\nsites", "Left\ngrasp", "Right\nsites", "Right\ngrasp"],
           "L5 left": ("max 3 · 10/10", "Strongest grasp: 3 strong. Sites that grasped: 10 of 10."),
           "L5 right": ("max 2 · 7/12", "Strongest grasp: 2 moderate. Sites that grasped: 7 of 12."),
           "S1 right": ("max 2 · 7/10", "Strongest grasp: 2 moderate. Sites that grasped: 7 of 10."),
           "unlevelled": ("no level", "Level not recorded: these sites on segmental muscles count "
                          "for no root.")},
    "fr_CA": {"headers": ["Racine", "Points\ngauche", "Préhension\ngauche", "Points\ndroite",
                          "Préhension\ndroite"],
              "L5 left": ("max. 3 · 10/10", "Préhension la plus forte\xa0: 3 forte. Points en "
                          "préhension\xa0: 10 sur 10."),
              "L5 right": ("max. 2 · 7/12", "Préhension la plus forte\xa0: 2 modérée. Points en "
                           "préhension\xa0: 7 sur 12."),
              "S1 right": ("max. 2 · 7/10", "Préhension la plus forte\xa0: 2 modérée. Points en "
                           "préhension\xa0: 7 sur 10."),
              "unlevelled": ("sans niveau", "Niveau non consigné\xa0: ces points sur des muscles "
                             "segmentaires ne comptent pour aucune racine.")},
}


def test_the_short_cells_keep_their_whole_meaning(segments_window, language, qtbot):
    """The grasp cell: the strongest grade, then the sites that grasped of the sites beside it
    (ungraded and grade-0 sites counted, not grasping); the whole sentence in its tooltip. The
    sites without a level: two words, the domain's whole words in the tooltip. Each header says
    what its column counts."""
    w = segments_window
    table = w.segments.table
    words = WORDS[language]
    assert table.accessibleName() == ("Segmental summary" if language == "en"
                                      else "Sommaire segmentaire")
    assert [table.horizontalHeaderItem(c).text() for c in FIVE] == words["headers"]
    assert all(table.horizontalHeaderItem(c).toolTip() for c in range(table.columnCount()))
    l5, s1 = SPINAL_ROOTS.index("L5"), SPINAL_ROOTS.index("S1")
    for key, row, col in (("L5 left", l5, 2), ("L5 right", l5, 4), ("S1 right", s1, 4)):
        item = table.item(row, col)
        assert (item.text(), item.toolTip()) == words[key]
    assert table.item(l5, 3).text().startswith("12  (12d 0c)")
    assert table.item(l5, 4).data(Qt.ItemDataRole.UserRole) == 2  # the colour's grade
    unlevelled = table.item(ROWS.index(UNLEVELLED), 0)
    assert (unlevelled.text(), unlevelled.toolTip()) == words["unlevelled"]
    assert table.item(ROWS.index(UNLEVELLED), 4).text().endswith("11/11")
    # Choosing a root still lights its muscles on the chart.
    with qtbot.waitSignal(w.segments.rootChosen) as signal:
        table.selectRow(l5)
    root, muscles, levels = signal.args
    assert root == "L5" and "gluteus_medius" in muscles and levels == frozenset({"L5"})
    assert "gluteus_medius" in w.chart.scene.background.highlight  # what the chart paints
