"""No column header of the window or its dialogs is clipped on both sides (ui.header_eliding).

Qt's headers draw a label wider than its column centred and cut at both ends: the French site
list read « cate » for « Indicateurs » at 1093 x 614. Every header of the real window (its
patient and session lists, the site list, the Segments tab, the Progress tab's pages) and of the
dialogs with tables is walked in French at 960 x 540 and 1093 x 614, mouse- and touch-sized:
each line of a label is whole, or cut at its end with "…" and the whole words in its tooltip.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QTableWidget,
    QToolTip,
    QTreeView,
    QTreeWidget,
    QWidget,
)
from tests.test_ui_french import french  # noqa: F401 - fixture
from tests.test_ui_progress_fit import visits  # noqa: F401 - fixture
from tests.test_ui_support import make_window, qt_settings, touch_sized  # noqa: F401 - fixtures

from imsmap.ui.header_eliding import ElidingHeader, elide_headers

ELLIPSIS = "…"
ROOT = Path(__file__).resolve().parents[1]
ROOMS = [(960, 540), (1093, 614)]


# -- what a header paints ----------------------------------------------------------------------
def painted(header: QHeaderView, logical: int) -> tuple[str, int, QFontMetrics]:
    """The label of a section as the header paints it, the room the style leaves it and the
    font it is drawn in. Where Qt's own elide mode is set, the label as Qt cuts it (as one
    line, in the room the style leaves it)."""
    option = QStyleOptionHeader()
    header.initStyleOption(option)
    header.initStyleOptionForIndex(option, logical)
    size = header.sectionSize(logical)
    if header.orientation() == Qt.Orientation.Horizontal:
        option.rect.setRect(0, 0, size, header.height())
    else:
        option.rect.setRect(0, 0, header.width(), size)
    room = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header).width()
    metrics = QFontMetrics(option.fontMetrics)  # (the option's goes with it)
    if option.state & QStyle.StateFlag.State_On:  # drawn bold
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
    text = option.text
    if header.textElideMode() != Qt.TextElideMode.ElideNone:
        text = metrics.elidedText(text, header.textElideMode(), room)
    return text, room, metrics


def tooltip_at(header: QHeaderView, logical: int) -> str | None:
    """The tooltip a pointer resting on the section gets (None where the section is out of
    the header's sight)."""
    middle = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    if not 0 <= middle < header.viewport().width():
        return None
    QToolTip.hideText()
    at = QPoint(middle, header.viewport().height() // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, at, header.viewport().mapToGlobal(at))
    QApplication.sendEvent(header.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def section_fault(header: QHeaderView, logical: int) -> str | None:
    """What is wrong with the section's label as painted at its width now (None: nothing)."""
    whole = str(header.model().headerData(logical, header.orientation(),
                                          Qt.ItemDataRole.DisplayRole) or "")
    shown, room, metrics = painted(header, logical)
    lines, shown_lines = whole.split("\n"), shown.split("\n")
    if len(shown_lines) != len(lines):
        return f"{whole!r} in {header.sectionSize(logical)} px: its {len(lines)} lines shown as " \
               f"{len(shown_lines)} ({shown!r})"
    for line, shown_line in zip(lines, shown_lines, strict=True):
        if metrics.horizontalAdvance(shown_line) > room:
            return f"{shown_line!r} clipped ({metrics.horizontalAdvance(shown_line)} px in " \
                   f"{room} px)"
        if shown_line not in (line, "") and not (
                shown_line.endswith(ELLIPSIS) and line.startswith(shown_line[:-1])):
            return f"{line!r} shown as {shown_line!r}"
    if shown != whole:
        tip = tooltip_at(header, logical)
        words = " ".join(whole.split())
        if tip is not None and words not in " ".join(tip.split()):
            return f"cut to {shown!r}, its tooltip {tip!r} without {words!r}"
    return None


def clipped_headers(root: QWidget, where: str) -> list[str]:
    """Each visible header label of `root` clipped without "…", or cut without its whole words
    in its tooltip: at its width now and, where its column can be dragged narrower by hand
    (Interactive), at the least width its header lets it have."""
    problems = []
    for header in root.findChildren(QHeaderView):
        if not header.isVisible() or header.model() is None:
            continue
        owner = f"{type(header.parent()).__name__} {header.parent().accessibleName()!r}"
        for logical in range(header.count()):
            size = header.sectionSize(logical)
            if header.isSectionHidden(logical) or size <= 0 or not header.model().headerData(
                    logical, header.orientation(), Qt.ItemDataRole.DisplayRole):
                continue
            if fault := section_fault(header, logical):
                problems.append(f"{where}: {owner} {fault}")
            least = header.minimumSectionSize()
            if header.sectionResizeMode(logical) == QHeaderView.ResizeMode.Interactive \
                    and size > least:
                header.resizeSection(logical, least)
                if fault := section_fault(header, logical):
                    problems.append(f"{where}: {owner}, dragged to {least} px: {fault}")
                header.resizeSection(logical, size)
    return problems


# -- the header itself -------------------------------------------------------------------------
def _settings(header: QHeaderView) -> dict:
    return {name: getattr(header, name)() for name in (
        "sectionsClickable", "sectionsMovable", "highlightSections", "stretchLastSection",
        "defaultAlignment", "isSortIndicatorShown", "cascadingSectionResizes",
        "isFirstSectionMovable", "minimumSectionSize", "defaultSectionSize", "textElideMode",
        "isHidden", "isSortIndicatorClearable", "focusPolicy", "orientation")}


@pytest.mark.parametrize("kind", [QTableWidget, QTreeWidget, QTableView, QTreeView])
def test_a_view_keeps_the_header_settings_qt_gives_it(kind, qtbot):
    plain, elided = kind(), kind()
    qtbot.addWidget(plain)
    qtbot.addWidget(elided)
    header = elide_headers(elided)
    assert isinstance(header, ElidingHeader)
    own = elided.header() if isinstance(elided, QTreeView) else elided.horizontalHeader()
    assert own is header
    before = plain.header() if isinstance(plain, QTreeView) else plain.horizontalHeader()
    assert _settings(header) == _settings(before)
    assert elide_headers(elided) is header  # once is enough


def _table(qtbot, labels: list[str], width: int) -> QTableWidget:
    table = QTableWidget(1, len(labels))
    qtbot.addWidget(table)
    elide_headers(table)
    table.setHorizontalHeaderLabels(labels)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    for column in range(len(labels)):
        header.resizeSection(column, width)
    table.resize(len(labels) * width + 60, 120)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_narrow_header_is_cut_at_its_end_line_by_line_and_says_itself(qtbot):
    table = _table(qtbot, ["Indicateurs", "Préhension\ngauche", "#10\n2 déc."], 56)
    header = table.horizontalHeader()
    assert isinstance(header, ElidingHeader)
    shown = [painted(header, c)[0] for c in range(3)]
    assert shown[0].endswith(ELLIPSIS) and "Indicateurs".startswith(shown[0][:-1])
    # each line on its own: the one too long cut, the other whole
    top, bottom = shown[1].split("\n")
    assert top.endswith(ELLIPSIS) and bottom == "gauche"
    assert shown[2] == "#10\n2 déc."  # both lines fit: whole (Qt's own mode cut it)
    assert header.is_cut(0) and not header.is_cut(2)
    assert tooltip_at(header, 0) == "Indicateurs"
    assert tooltip_at(header, 1) == "Préhension gauche"
    assert clipped_headers(table, "table") == []


def test_a_tooltip_given_is_kept_with_the_words_before_it_where_it_lacks_them(qtbot):
    table = _table(qtbot, ["Indicateurs", "Racine", "Changement"], 40)
    table.resize(400, 120)
    table.horizontalHeaderItem(0).setToolTip("Indicateurs")
    table.horizontalHeaderItem(1).setToolTip("La racine spinale.")
    table.horizontalHeaderItem(2).setToolTip("Dernière préhension moins la première.")
    header = table.horizontalHeader()
    assert tooltip_at(header, 0) == "Indicateurs"
    assert tooltip_at(header, 1) == "La racine spinale."  # it names the column already
    assert tooltip_at(header, 2) == "Changement\nDernière préhension moins la première."
    # Wide enough: nothing is cut, and the tooltip is the one given (or none).
    header.resizeSection(2, 200)
    assert tooltip_at(header, 2) == "Dernière préhension moins la première."
    header.resizeSection(0, 200)
    assert not header.is_cut(0)


def test_the_walk_finds_a_header_clipped_on_both_sides(qtbot):
    """Qt's own header, no elide mode: « Indicateurs » in 40 px is clipped, and the walk says
    so (the check this file's walks rely on can fail)."""
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["Indicateurs"])
    table.horizontalHeader().resizeSection(0, 40)
    table.show()
    qtbot.waitExposed(table)
    assert "'Indicateurs' clipped" in clipped_headers(table, "plain")[0]
    # Qt's elide mode on a label of two lines loses its second line: found too
    table.setHorizontalHeaderLabels(["Préhension\ngauche"])
    table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
    assert "lines shown as 1" in clipped_headers(table, "plain")[0]


# -- the real window and its dialogs -----------------------------------------------------------
def _at_every_width(w, qtbot, where: str) -> list[str]:
    """The headers shown, as the window is and with its right column at its least."""
    found = clipped_headers(w, where)
    sizes = w.splitter.sizes()
    w.splitter.setSizes([sizes[0], sizes[1] + sizes[2] - 1, 1])
    qtbot.wait(20)
    found += clipped_headers(w, f"{where}, the right column {w.splitter.sizes()[2]} px")
    w.splitter.setSizes(sizes)
    qtbot.wait(20)
    return found


def _walk_window(w, qtbot, where: str) -> list[str]:
    found = []
    for i in range(w.right_tabs.count()):
        w.right_tabs.setCurrentIndex(i)
        qtbot.wait(20)
        if w.right_tabs.currentWidget() is w.progress_tab:
            tabs = w.progress.tabs
            for j in range(tabs.count()):
                tabs.setCurrentIndex(j)
                qtbot.wait(20)
                found += _at_every_width(w, qtbot, f"{where}, {w.right_tabs.tabText(i)} > "
                                                   f"{tabs.tabText(j)}")
        else:
            found += _at_every_width(w, qtbot, f"{where}, {w.right_tabs.tabText(i)}")
    return found


@pytest.mark.parametrize("room", ROOMS, ids=["960x540", "1093x614"])
def test_no_header_of_the_french_window_is_clipped(french, touch_sized, make_window,  # noqa: F811
                                                    records, visits, qtbot, room):
    w = make_window()
    w.resize(*room)
    qtbot.wait(20)
    last = records.read.session(visits[-1])
    w.patients.select_patient(last.patient_id)
    found = []
    for visit in (visits[-1], visits[-2]):  # a draft, then a signed visit
        w.patients.select_session(visit)
        qtbot.wait(20)
        sites = records.read.sites_for_session(visit)
        w.edits.select_site(sites[0].id)
        qtbot.wait(20)
        found += _walk_window(w, qtbot, f"{room} session {visit}")
    assert not found, "\n".join(sorted(set(found)))


def test_no_header_of_the_french_dialogs_is_clipped(french, touch_sized, make_window,  # noqa: F811
                                                     records, visits, qtbot):
    from imsmap.ui.record.settings_dialog import SettingsDialog
    from imsmap.ui.record.sign_amend import AuditDialog
    from imsmap.ui.shortcuts import ShortcutsDialog

    w = make_window()
    w.resize(*ROOMS[0])
    found = []
    for dialog in (AuditDialog(records, visits[0], w), SettingsDialog(records, w),
                   ShortcutsDialog(w)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        name = type(dialog).__name__
        found += clipped_headers(dialog, f"{name} {dialog.width()} x {dialog.height()}")
        dialog.resize(dialog.minimumSizeHint())  # as small as it lets itself be
        qtbot.wait(20)
        found += clipped_headers(dialog, f"{name} {dialog.width()} x {dialog.height()}")
        dialog.close()
    assert not found, "\n".join(sorted(set(found)))


# -- every view the application makes ----------------------------------------------------------
VIEWS = {"QTableWidget", "QTreeWidget", "QTableView", "QTreeView"}


def _made_views(tree: ast.AST) -> int:
    """How many tables and trees a module makes: each call of a view class, and each class
    of its own built on one."""
    def name(node: ast.AST) -> str:
        return node.id if isinstance(node, ast.Name) else getattr(node, "attr", "")

    made = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and name(node.func) in VIEWS:
            made += 1
        elif isinstance(node, ast.ClassDef):
            made += sum(name(base) in VIEWS for base in node.bases)
    return made


def test_every_table_and_tree_of_the_application_is_given_the_eliding_header():
    """The walks above reach the window and three dialogs; a table added anywhere else is
    given the header too (one call of elide_headers for each view a module makes)."""
    missing = []
    for path in sorted((ROOT / "src" / "imsmap").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        made = _made_views(tree)
        given = sum(isinstance(node, ast.Call) and getattr(node.func, "id", "") == "elide_headers"
                    for node in ast.walk(tree))
        if given < made:
            missing.append(f"{path.relative_to(ROOT)}: {made} views made, {given} given it")
    assert not missing, "\n".join(missing)
