"""The segmental picture over time: summed grasp per root and side, one column per session, and
the figures followed per session (muscles grasping, the grasp burden, the muscles in common with
the visit before).

A draft chosen (today's before signing, one left unsigned, another room's in progress) keeps its
column, its own sums and figures, "draft" in its header, as the Trend grid's (on a line of its
own, not to widen the column); the muscles in
common are a comparison of signed visits (domain.progress.overlap_percents): a draft is compared
with nothing, and a line under the figures says the drafts left out, in the summary's words.
The figures' names wrap when the visits leave them too little room (SegmentTrend.fit_names), so
that eight visits and their figures fit a laptop's width without scrolling sideways.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imsmap.domain.local_time import local_date
from imsmap.domain.progress import SIDES, Course, overlap_percents, root_matrix
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.progress.summary import not_compared
from imsmap.ui.touch import hold_for_tips
from imsmap.ui.wording import root_name

SIDE_NAMES = {"L": QT_TRANSLATE_NOOP("SegmentTrend", "left"),
              "R": QT_TRANSLATE_NOOP("SegmentTrend", "right"),
              "M": QT_TRANSLATE_NOOP("SegmentTrend", "midline")}
# Summed grasp shades, light to dark; text stays black up to the fourth, white after.
SHADES = ("#fdf3e1", "#fbdca8", "#f6b36b", "#e98a4c", "#d05b3a", "#a33227", "#6d1020")
NAME_LINES = 3  # a figure's name wraps on at most this many lines (a word a line read badly)


def shade_for(value: float, top: float) -> QColor:
    if top <= 0:
        return QColor(SHADES[0])
    index = min(len(SHADES) - 1, max(1, math.ceil(value / top * (len(SHADES) - 1))))
    return QColor(SHADES[index])


def _table(rows: int, columns: int, name: str) -> QTableWidget:
    table = QTableWidget(rows, columns)
    elide_headers(table)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves it (ui.focus_order): the arrows move in it
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setWordWrap(False)
    height = table.fontMetrics().height() + 6
    table.verticalHeader().setDefaultSectionSize(height)
    table.verticalHeader().setMinimumSectionSize(height)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fit_columns
    # a cell or header set later (not while the tables are filled) fits again
    model = table.model()
    for signal in (model.dataChanged, model.headerDataChanged):
        signal.connect(lambda *_args: None if table.property("filling") else fit_columns(table))
    return table


@contextmanager
def _filled_then_fitted(*tables: QTableWidget) -> Iterator[None]:
    """The columns fitted to their contents once the tables are filled (fit_columns), not at
    every label and cell set: in Qt's ResizeToContents mode every column was measured again at
    each change, so filling 200 sessions' columns cost seconds (the Progress tab's "All",
    6 December)."""
    for table in tables:
        table.setProperty("filling", True)
    try:
        yield
    finally:
        for table in tables:
            table.setProperty("filling", False)
            fit_columns(table)


def fit_columns(table: QTableWidget) -> None:
    """Each column as wide as its header's longest line or its widest cell, and a few pixels:
    Qt's own fit left 10 to 13 px beside the longest line, and at 960 px in French the eight
    visits' sums scrolled sideways by a column (16 px too wide)."""
    header = table.horizontalHeader()
    heads = QFontMetrics(header.font())
    pad = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 4
    cells = QFontMetrics(table.font())
    for j in range(table.columnCount()):
        head = table.horizontalHeaderItem(j)
        lines = head.text().split("\n") if head is not None else [""]
        width = max(heads.horizontalAdvance(line) for line in lines)
        for r in range(table.rowCount()):
            item = table.item(r, j)
            if item is not None and item.text():
                width = max(width, cells.horizontalAdvance(item.text()))
        table.setColumnWidth(j, max(header.minimumSectionSize(), width + pad))


def wrapped(text: str, metrics: QFontMetrics, room: int, most: int = NAME_LINES) -> list[str]:
    """`text` in as few lines as fit `room` pixels, at most `most` lines (wider then than
    `room`), the lines as even as that many allow."""
    def greedy(width: float) -> list[str]:
        lines: list[str] = []
        for word in text.split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return lines

    lines = greedy(room)
    if len(lines) > most:
        lines = greedy(metrics.horizontalAdvance(text) / most)  # most lines, or one more
        lines = lines[:most - 1] + [" ".join(lines[most - 1:])]
    # the narrowest room that still takes that many lines
    low, high = 1, max(1, *(metrics.horizontalAdvance(line) for line in lines))
    while low < high:
        mid = (low + high) // 2
        if len(greedy(mid)) <= len(lines):
            high = mid
        else:
            low = mid + 1
    return greedy(high)


class SegmentTrend(QWidget):
    """Rows: root and side that any chosen session treated. Columns: the chosen sessions."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.intro = intro = QLabel(self.tr("Summed grasp of the sites in each root's muscles (the paraspinal level "
                       "for multifidus). Hover a cell, or hold a finger on it, for dominant and "
                       "contributing roots."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.roots = _table(0, 0, self.tr("Summed grasp by root and session"))
        layout.addWidget(self.roots, 3)
        layout.addWidget(QLabel(self.tr("Per session")))
        self.figures = _table(3, 0, self.tr("Figures per session"))
        # The grasp burden, not a mean grade: the mean over the sites needled rises as released
        # muscles stop being needled (domain.progress).
        # a cell's sentence (or a row's), for a finger (no hover)
        hold_for_tips(self.roots, self.figures, self.figures.verticalHeader())
        # The figures' names wrap when the visits leave them too little room (fit_names).
        self.figure_names = [self.tr("Muscles grasping"), self.tr("Grasp burden (sum of grades)"),
                             self.tr("Muscles in common with the visit before")]
        self.figures.setVerticalHeaderLabels(self.figure_names)
        self.figures.installEventFilter(self)
        self.figures.verticalHeaderItem(1).setToolTip(self.tr(
            "Each muscle's strongest grade at the visit (0–3), added up: it falls as muscles "
            "release and grasps weaken, and rises only when a grasp is stronger or a new muscle "
            "grasps."))
        self.figures.verticalHeaderItem(2).setToolTip(self.tr(
            "The muscles needled at both visits, in percent of those needled at either "
            "(100% = the same muscles). Signed visits are compared: a draft, not signed, is "
            "compared with nothing, and the visit after it with the signed visit before."))
        layout.addWidget(self.figures)  # as tall as its rows (fit_names)
        # The drafts chosen, which the muscles in common leave out: said, never dropped unseen.
        self.drafts = QLabel()
        self.drafts.setObjectName("segmentDrafts")
        self.drafts.setWordWrap(True)
        self.drafts.hide()
        layout.addWidget(self.drafts)
        # Where the visits do not fit (the figures at 960 px in French), the tables open on the
        # latest visits, whole at the right edge, and scroll by whole columns, as the Trend
        # grid opens on them; until the clinician scrolls sideways.
        self._follow_latest = True
        for table in (self.roots, self.figures):
            table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
            bar = table.horizontalScrollBar()
            bar.rangeChanged.connect(lambda _low, high, bar=bar: self._latest(bar, high))
            bar.actionTriggered.connect(self._scrolled_by_hand)

    def _latest(self, bar, high: int) -> None:
        if self._follow_latest:
            bar.setValue(high)
        _aligned(self.roots if bar is self.roots.horizontalScrollBar() else self.figures)

    def _scrolled_by_hand(self, _action: int) -> None:
        self._follow_latest = False

    def set_course(self, course: Course, catalogue, numbering: dict[int, int]) -> None:
        """Show the course's sessions (their figures as the course worked them out)."""
        with _filled_then_fitted(self.roots, self.figures):
            self._fill(course, catalogue, numbering)
        self._follow_latest = True
        self.fit_names()
        for table in (self.roots, self.figures):
            table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
            _aligned(table)

    def _fill(self, course: Course, catalogue, numbering: dict[int, int]) -> None:
        history = course.history
        headers = [_visit(f"#{numbering.get(s.id, i + 1)}", s.is_signed) + "\n"
                   + QLocale().toString(QDate(local_date(s.started_at)), "d MMM")
                   for i, s in enumerate(history.sessions)]
        m = root_matrix(history, catalogue)
        rows = [(ri, root, si, side) for ri, root in enumerate(m.roots)
                for si, side in enumerate(SIDES) if m.sites[ri, si, :].any()]
        total = m.total
        top = float(total.max()) if total.size else 0.0
        self.roots.clear()
        self.roots.setRowCount(len(rows))
        self.roots.setColumnCount(len(history.sessions))
        self.roots.setHorizontalHeaderLabels(headers)
        self.roots.setVerticalHeaderLabels([f"{root_name(root)} {self.tr(SIDE_NAMES[side])}"
                                            for _, root, _, side in rows])
        for r, (ri, root, si, side) in enumerate(rows):
            for j in range(len(history.sessions)):
                n = int(m.sites[ri, si, j])
                value = float(total[ri, si, j])
                item = QTableWidgetItem("" if n == 0 else QLocale().toString(value, "g"))
                item.setData(Qt.ItemDataRole.UserRole, value if n else None)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if n:
                    item.setToolTip(self.tr(
                        "{root} {side}, {session}: %n site(s); grasp {dominant} where {root} is "
                        "the dominant root, {contributing} where it contributes", "", n).format(
                            root=root, side=self.tr(SIDE_NAMES[side]),
                            session=headers[j].replace(chr(10), " "),
                            dominant=QLocale().toString(float(m.dominant[ri, si, j]), "g"),
                            contributing=QLocale().toString(float(m.contributing[ri, si, j]),
                                                            "g")))
                    colour = shade_for(value, top)
                    item.setBackground(QBrush(colour))
                    item.setForeground(QBrush(QColor("#ffffff" if colour.lightness() < 120
                                                     else "#1a1a1a")))
                self.roots.setItem(r, j, item)

        overlap = overlap_percents(history, course.targets)
        self.figures.setColumnCount(len(history.sessions))
        self.figures.setHorizontalHeaderLabels(headers)
        for j, metric in enumerate(course.metrics):
            burden, common = metric.grasp_burden, overlap[j]
            # blank as its burden: nothing graded, its "0" read as every muscle released
            values = (str(metric.muscles_grasping) if metric.graded else "",
                      "" if burden is None else str(burden),
                      "" if common is None
                      else self.tr("{value}%", "a percentage").format(value=common))
            for row, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == 0 and not metric.graded:
                    item.setToolTip(self.tr("{session}: needled, not graded.").format(
                        session=headers[j].replace(chr(10), " ")))
                if row == 2 and not metric.signed:
                    item.setToolTip(self.tr("{session}: a draft, not signed; compared with "
                                            "nothing.").format(
                                                session=headers[j].replace(chr(10), " ")))
                self.figures.setItem(row, j, item)
        apart = not_compared(history)
        self.drafts.setText(apart)
        self.drafts.setVisible(bool(apart))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.figures and event.type() == QEvent.Type.Resize:
            self.fit_names()
        return super().eventFilter(watched, event)

    def fit_names(self) -> None:
        """The figures' names on as many lines as the visits' columns leave them room for, and
        the table as tall as its rows: on one line, « Muscles en commun avec la visite
        précédente » took 315 px beside eight visits, and the figures scrolled sideways on a
        1366 x 768 laptop."""
        table, header = self.figures, self.figures.verticalHeader()
        metrics = QFontMetrics(header.font())
        # the header's text margins, both sides, and a pixel each side to spare
        pad = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 2
        columns = sum(table.columnWidth(j) for j in range(table.columnCount()))
        room = table.width() - 2 * table.frameWidth() - columns - pad
        # too little room even so (the table scrolls): the longest name on NAME_LINES lines,
        # the others on as many as that width takes, not a word a line
        room = max(room, max(metrics.horizontalAdvance(n) for n in self.figure_names)
                   // NAME_LINES)
        names = [wrapped(name, metrics, room) for name in self.figure_names]
        for row, lines in enumerate(names):
            table.verticalHeaderItem(row).setText("\n".join(lines))
            table.setRowHeight(row, len(lines) * metrics.lineSpacing() + 6)
        width = pad + max(metrics.horizontalAdvance(line) for lines in names for line in lines)
        inner = table.width() - 2 * table.frameWidth()
        if width + columns > inner:
            # It scrolls, opened on the latest visits: the names take the sliver the latest
            # whole columns leave, so that no visit shows a cut part of itself beside them.
            room, tail = inner - width, 0
            for j in reversed(range(table.columnCount())):
                if tail + table.columnWidth(j) > room:
                    break
                tail += table.columnWidth(j)
            width += max(0, room - tail)
        header.setFixedWidth(width)
        height = 2 * table.frameWidth() + table.horizontalHeader().sizeHint().height() \
            + sum(table.rowHeight(r) for r in range(table.rowCount()))
        if width + columns > inner:
            height += table.horizontalScrollBar().sizeHint().height()  # too narrow even so
        table.setFixedHeight(height)
        _aligned(table)


def _aligned(table: QTableWidget) -> None:
    """The table's columns shown from the one its scroll bar is at (a column a step; at the
    end, the last column at the right edge, as Qt shows it): a change of the names' width
    beside them left the columns where they were, the bar at the latest visits and the oldest
    shown."""
    header, bar = table.horizontalHeader(), table.horizontalScrollBar()
    value = bar.value()
    if not 0 <= value < header.count():
        return
    offset = header.sectionPosition(value)
    if value > 0 and value == bar.maximum():  # the last column ends at the right edge
        offset = max(0, header.length() - table.viewport().width())
    if header.offset() != offset:
        header.setOffset(offset)
        table.viewport().update()


def _visit(number: str, signed: bool) -> str:
    """A session column's header lines before its date: "#3", or for a draft the Trend grid's
    words ("#3 draft") with the number and the word on lines of their own ("#3", "draft"): on
    one line, « #4 brouillon » made its column the widest, and the figures scrolled sideways
    on a laptop in French."""
    if signed:
        return number
    words = QCoreApplication.translate("TrendModel", "{visit} draft",
                                       "a visit not signed, in its column's header")
    before, _, after = words.partition("{visit}")
    return "\n".join(line for line in (before.strip(), number, after.strip()) if line)
