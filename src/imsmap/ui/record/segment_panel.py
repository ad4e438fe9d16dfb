"""The segmental panel: roots C1-S4 by side, with this session's sites and grasps in the muscles each
root supplies, and a last row for sites on segmental muscles whose level was not recorded (they
count for no root). Choosing a root asks the chart to highlight its muscles and paraspinal levels.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.models import Side
from imsmap.domain.segments import (
    SPINAL_ROOTS,
    UNLEVELLED,
    RootSide,
    SegmentRow,
    muscle_sides,
    segmental_summary,
)
from imsmap.domain.vocabulary import GRASP_LABELS
from imsmap.services.changes import Change
from imsmap.services.records import Records
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.listening import follow_grasp_labels, listen
from imsmap.ui.session_state import STATUS_STYLES
from imsmap.ui.wording import SIDE_LETTERS, grasp_word, language

# The table's rows: the roots, then the sites of segmental muscles without a level.
ROWS = (*SPINAL_ROOTS, UNLEVELLED)

# Grasp 0-3 as cell backgrounds: light enough for black text, distinct in grey.
GRASP_BACKGROUND = ("#e8f1e4", "#fbe7a1", "#f6b36b", "#e0675a")
SITES_COLUMNS = (1, 3)
GRASP_COLUMNS = (2, 4)  # the sites columns, left and right: a narrow table leaves them out
MUSCLES_LEAST = 40  # px the muscles keep beside the five columns before the sites go
# The rule is the table's own width, never the window's: the right column is as wide in a
# window of 1280 px as of 1366 (486 px in English), and a rule on the window's width (d8ebab9a)
# left the sites out at 1280 px even when the column was dragged wider for them.
MUSCLES = 5  # the muscles column


class SegmentPanel(QWidget):
    """Rows: roots. Columns: left and right, sites (dominant + contributing) and grasp."""

    rootChosen = Signal(str, frozenset, frozenset)  # root, muscle ids, paraspinal levels
    # Two-line headers and short cells: the root, both sides' sites and grasps side by side in
    # the right column of a 1366 x 768 screen (about 510 px), in French as in English, so that
    # left reads against right without scrolling sideways. The muscles take what is left, each
    # with its side, their names wrapped whole in a taller row (at 1366 x 768 they were cut,
    # « Gluteus maximus, M… », left and right mixed: walk /tmp/walk1366/15-segments.png).
    COLUMNS = (QT_TRANSLATE_NOOP("SegmentPanel", "Root"),
               QT_TRANSLATE_NOOP("SegmentPanel", "Left\nsites"),
               QT_TRANSLATE_NOOP("SegmentPanel", "Left\ngrasp"),
               QT_TRANSLATE_NOOP("SegmentPanel", "Right\nsites"),
               QT_TRANSLATE_NOOP("SegmentPanel", "Right\ngrasp"),
               QT_TRANSLATE_NOOP("SegmentPanel", "Muscles"))
    COLUMN_TIPS = (
        QT_TRANSLATE_NOOP("SegmentPanel", "The spinal root; last, the sites on segmental muscles "
                          "whose level was not recorded (they count for no root)."),
        QT_TRANSLATE_NOOP("SegmentPanel", "Sites on the patient's left in the root's muscles: "
                          "d dominant root of the muscle, c contributing."),
        QT_TRANSLATE_NOOP("SegmentPanel", "On the patient's left: the strongest grasp, then the "
                          "sites that grasped of all the root's sites there."),
        QT_TRANSLATE_NOOP("SegmentPanel", "Sites on the patient's right in the root's muscles: "
                          "d dominant root of the muscle, c contributing."),
        QT_TRANSLATE_NOOP("SegmentPanel", "On the patient's right: the strongest grasp, then the "
                          "sites that grasped of all the root's sites there."),
        QT_TRANSLATE_NOOP("SegmentPanel", "The root's muscles needled in this session, each with "
                          "the side it was needled on: L left, R right, both for both sides."))

    def __init__(self, records: Records, parent: QWidget | None = None):
        super().__init__(parent)
        self.records = records
        self.session_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("Sites per root: <b>d</b> dominant root of the muscle, <b>c</b> contributing."
                      " Choose a root to see its muscles on the chart."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        # A session withdrawn or entered in error: its summary stays readable, under a line
        # saying it counts nowhere, in the session panel's colours for such a session (as its
        # PDF says it above its sites and the timeline says "not counted").
        self.not_counted = QLabel()
        self.not_counted.setWordWrap(True)
        self.not_counted.setStyleSheet(STATUS_STYLES["retracted"])
        self.not_counted.hide()
        layout.addWidget(self.not_counted)
        self.table = QTableWidget(len(ROWS), len(self.COLUMNS))
        elide_headers(self.table)
        self.table.setAccessibleName(self.tr("Segmental summary"))
        # Tab leaves the table (it went from cell to cell and round again: a keyboard user
        # could not leave it); the arrows move in it.
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        for column, tip in enumerate(self.COLUMN_TIPS):
            self.table.horizontalHeaderItem(column).setToolTip(self.tr(tip))
        self.table.verticalHeader().setVisible(False)
        # Compact rows: a root without sites is one line; a root's muscles wrap onto more.
        self.row_height = row_height = self.fontMetrics().height() + 6
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.verticalHeader().setMinimumSectionSize(row_height)
        self.table.setWordWrap(True)
        # Rows of several lines: scrolled by the pixel, a tall one is never half out of reach.
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The muscles take the rest of the row, however little (not the 100 px a stretched last
        # section keeps): no sideways scrolling in a narrow column.
        header.setSectionResizeMode(MUSCLES, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._muscles_resized)
        for row, root in enumerate(ROWS):
            self.table.setItem(row, 0, QTableWidgetItem(root))
        # The sites whose level was not recorded: two short words in the root column, the
        # domain's whole words ("level not recorded", context "Segments") in the tooltip.
        unlevelled = self.table.item(ROWS.index(UNLEVELLED), 0)
        unlevelled.setText(self.tr("no level"))
        unlevelled.setToolTip(self.tr("{words}: these sites on segmental muscles count for no "
                                      "root.").format(words=QCoreApplication.translate(
                                          "Segments", UNLEVELLED).capitalize()))
        self.table.itemSelectionChanged.connect(self._chosen)
        layout.addWidget(self.table)
        # Narrower than the five columns (at 960 x 540: 405 px of them in a 373 px table, 440
        # in 322 in French, so it scrolled sideways and the right side's grasp was cut), the
        # sites columns go: each side's grasp cell then says the sites too (« max 3 · 7/12 »:
        # 12 sites, 7 grasped; « – · 0/3 » where none is graded) and its tip the d/c split.
        self.compact = False
        self._stale = False
        self.grasp_labels: Sequence[str] = GRASP_LABELS
        listen(records.bus, self, self._on_change)
        follow_grasp_labels(records, self, self._name_grades)

    def _name_grades(self, labels: Sequence[str]) -> None:
        """The tooltips name the grades in the clinic's words (services.clinic)."""
        if tuple(labels) != tuple(self.grasp_labels):
            self.grasp_labels = labels
            self._refresh_when_seen()

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self._refresh_when_seen()

    def _refresh_when_seen(self) -> None:
        """Refresh now if the table is on screen, else when it is shown: behind its tab it
        would otherwise be rebuilt on every tap (about 2 ms of each)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if self._fit():
            self._refresh_when_seen()  # the grasp cells say the sites, or no longer

    def full_width(self) -> int:
        """The five columns' width with the sites shown, and the muscles' least beside them:
        each its header's and its widest cell's as the sites columns show them (the same
        whether they are shown now or not, so that the choice never swings back and forth)."""
        table, header = self.table, self.table.horizontalHeader()
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        delegate = table.itemDelegate()
        width = MUSCLES_LEAST
        grid = 1 if table.showGrid() else 0  # (as QTableView.sizeHintForColumn counts it)
        for c in range(5):
            cells = [delegate.sizeHint(option, table.model().index(r, c)).width() + grid
                     for r in range(table.rowCount())
                     if (item := table.item(r, c)) is not None and item.text()
                     and not (c in GRASP_COLUMNS and item.data(Qt.ItemDataRole.UserRole) is None)]
            # The header's words, hidden or not: Qt gives a hidden section no size hint (0),
            # and a side without sites (a session on the right only) has its header's width
            # alone. Counted so only while shown, the sites went, fitted, and came back in the
            # same resize, the table scrolling sideways (walk at 1280 px, /tmp/layout1280/f08.png).
            words = min(max(header.minimumSectionSize(), header.sectionSizeFromContents(c).width()),
                        header.maximumSectionSize())
            width += max([words, *cells])
        return width

    def _fit(self) -> bool:
        """The sites columns shown where the table has room for them, else left out; whether
        that changed."""
        compact = self.table.viewport().width() < self.full_width()
        if compact == self.compact:
            return False
        self.compact = compact
        for column in SITES_COLUMNS:
            self.table.setColumnHidden(column, compact)
        return True

    def refresh(self) -> None:
        self._stale = False
        self._say_if_counted()
        self._fill_rows()
        if self._fit():  # this session's cells wider or narrower than the last one's
            self._fill_rows()
        self._show_treated()

    def _show_treated(self) -> None:
        """Bring the treated segments into view (the first one's top if they do not all fit)."""
        treated = [r for r in range(self.table.rowCount())
                   if (item := self.table.item(r, MUSCLES)) is not None and item.text()]
        if treated:
            self.table.scrollToItem(self.table.item(treated[-1], 0))
            self.table.scrollToItem(self.table.item(treated[0], 0))

    def _fill_rows(self) -> None:
        """Every row's cells from the session's sites."""
        sites = [] if self.session_id is None else \
            self.records.read.effective_sites_for_session(self.session_id)
        rows = {r.root: r for r in segmental_summary(sites, self.records.atlas.catalogue)}
        for index, root in enumerate(ROWS):
            row = rows.get(root)
            for col, side in ((1, Side.LEFT), (3, Side.RIGHT)):
                cell = row.side(side) if row else RootSide()
                mid = row.side(Side.MIDLINE) if row else RootSide()
                self._fill(index, col, cell, mid, by_root=root != UNLEVELLED)
            names = self._muscles_text(row) if row else ""
            muscles = QTableWidgetItem(names)
            muscles.setToolTip(names)
            self.table.setItem(index, MUSCLES, muscles)
            bold = row is not None
            font = self.table.item(index, 0).font()
            font.setBold(bold)
            self.table.item(index, 0).setFont(font)
        self._fit_rows()

    def _muscles_text(self, row: SegmentRow) -> str:
        """"Gluteus maximus both, Multifidus L": each muscle with the side it was needled on in
        this root's sites, as the progress tables mark a side (« G », « D » in French); a
        muscle needled on the midline only has no letter."""
        catalogue = self.records.atlas.catalogue
        both = self.tr("both", "a muscle needled on the left and on the right")
        parts = []
        for muscle_id, by_side in muscle_sides(row).items():
            name = catalogue.get(muscle_id).display_name(language())
            sides = [s.value for s in by_side if s.value in SIDE_LETTERS]
            mark = both if len(sides) == 2 else QCoreApplication.translate(
                "SideLetter", SIDE_LETTERS[sides[0]]) if sides else ""
            parts.append(f"{name} {mark}" if mark else name)
        return ", ".join(parts)

    def _muscles_resized(self, column: int, old: int, new: int) -> None:
        if column == MUSCLES and old != new:
            # (the header says the new width before the table's columnWidth does)
            self._fit_rows(new)  # the rows grow or shrink: the treated ones kept in view
            self._show_treated()

    def _fit_rows(self, column_width: int | None = None) -> None:
        """Each row as tall as its muscles' words wrapped in the column's width (`column_width`,
        else the column's own), one line at least."""
        table = self.table
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText  # as it is painted
        grid = 1 if table.showGrid() else 0  # the cell is painted inside the grid's line
        width = max(1, (column_width or table.columnWidth(MUSCLES)) - grid)
        option.rect = QRect(0, 0, width, self.row_height)
        # The text's width inside the cell (the delegate's margins), for the font's own count
        # of the lines: Qt's and the font's can differ by a line at a word on the edge, and a
        # line too many costs less than a line cut.
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                                table) + 1)
        metrics = QFontMetrics(table.font())
        delegate, model = table.itemDelegate(), table.model()
        for row in range(table.rowCount()):
            item = table.item(row, MUSCLES)
            height = self.row_height
            if item is not None and item.text():
                wrapped = metrics.boundingRect(0, 0, max(1, width - margin), 1_000_000,
                                               Qt.TextFlag.TextWordWrap, item.text()).height()
                hint = delegate.sizeHint(option, model.index(row, MUSCLES)).height()
                height = max(height, hint + grid, wrapped + 6)
            if table.rowHeight(row) != height:
                table.setRowHeight(row, height)

    def _say_if_counted(self) -> None:
        session = None if self.session_id is None else self.records.read.session(self.session_id)
        if session is None or not session.retracted:
            self.not_counted.hide()
            return
        self.not_counted.setText(self.tr(
            "<b>Entered in error</b>: this session's own summary, kept for the record. It "
            "counts in no figure of the patient's course.") if session.is_entered_in_error
            else self.tr("<b>Withdrawn</b>: this draft's own summary, kept for the record. It "
                         "counts in no figure of the patient's course."))
        self.not_counted.show()

    def _fill(self, row: int, col: int, cell: RootSide, midline: RootSide, *,
              by_root: bool = True) -> None:
        count = cell.count + midline.count
        # Dominant and contributing say how a site counts for a root; the last row's sites
        # count for none, so they show their number alone.
        split = f"  ({cell.dominant + midline.dominant}d " \
            f"{cell.contributing + midline.contributing}c)" if by_root else ""
        sites = QTableWidgetItem(f"{count}{split}" if count else "")
        sites.setData(Qt.ItemDataRole.UserRole, count)
        self.table.setItem(row, col, sites)
        grades = [a + b for a, b in zip(cell.grades, midline.grades)]
        top = next((g for g in range(len(grades) - 1, -1, -1) if grades[g]), None)
        grasped = sum(grades[1:])
        # "max 2 · 8/9": the strongest grade, then the sites that grasped of the sites counted
        # in the cell beside it (the colour is the grade); the tooltip says it in words.
        grasp = QTableWidgetItem()
        # Without the sites column beside it (self.compact), the cell says the sites too.
        sites_said = "" if not (self.compact and count) else (self.tr(
            "Sites: {count} ({dominant} d dominant root of the muscle, {contributing} c "
            "contributing).").format(count=count, dominant=cell.dominant + midline.dominant,
                                     contributing=cell.contributing + midline.contributing)
            if by_root else self.tr("Sites: {count}.").format(count=count)) + " "
        if top is not None:
            grasp.setText(self.tr("max {grade} · {grasped}/{count}").format(
                grade=top, grasped=grasped, count=count))
            grasp.setToolTip(sites_said + self.tr(
                "Strongest grasp: {grade} {label}. Sites that grasped: {grasped} of "
                "{count}.").format(grade=top, label=grasp_word(top, self.grasp_labels),
                                   grasped=grasped, count=count))
            grasp.setBackground(QBrush(QColor(GRASP_BACKGROUND[top])))
            grasp.setForeground(QBrush(QColor("#1a1a1a")))
        elif sites_said:  # sites, none graded
            grasp.setText(f"– · 0/{count}")
            grasp.setToolTip(sites_said + self.tr("None graded."))
        grasp.setData(Qt.ItemDataRole.UserRole, top)
        self.table.setItem(row, col + 1, grasp)

    def _chosen(self) -> None:
        rows = {i.row() for i in self.table.selectedItems()}
        if not rows:
            self.rootChosen.emit("", frozenset(), frozenset())
            return
        root = ROWS[min(rows)]
        if root == UNLEVELLED:  # no root to show on the chart
            self.rootChosen.emit("", frozenset(), frozenset())
            return
        muscles = frozenset(m.id for m in self.records.atlas.catalogue.muscles_for_root(root)
                            if m.region != "paraspinal")
        self.rootChosen.emit(root, muscles, frozenset({root}))

    def _on_change(self, change: Change) -> None:
        if self.session_id is not None and change.session_id == self.session_id:
            self._refresh_when_seen()
