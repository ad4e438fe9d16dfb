"""Muscle x session grasp grid: one row per muscle and side (and level for paraspinals), one
column per session, oldest on the left. Cells carry the grasp colours of the charts; a sparkline
and the change since the first graded session let a clinician see releasing muscles at a glance.
The change is between signed visits (domain.progress.GraspMatrix.change): a draft's column shows
its grades, "draft" in its header, and is compared with nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPointF,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
)

from imsmap.domain.progress import GraspMatrix, Target
from imsmap.domain.vocabulary import GRASP_LABELS, GRASP_MAX
from imsmap.render.plot import draft_pen
from imsmap.render.style import LIGHT, ChartStyle
from imsmap.ui.header_eliding import elide_headers
from imsmap.ui.touch import hold_for_tips
from imsmap.ui.wording import grasp_word, numeric_date, target_label

__all__ = ["SORT_ROLE", "SERIES_ROLE", "TARGET_ROLE", "TrendMatrix", "TrendModel"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
SERIES_ROLE = Qt.ItemDataRole.UserRole + 3
DRAFTS_ROLE = Qt.ItemDataRole.UserRole + 4  # the trend column: per session, a draft or not

COL_MUSCLE, COL_TREND, COL_CHANGE = 0, 1, 2
FIRST_SESSION_COL = 3
MUSCLE_LEAST = 72  # px: the muscle column narrows to this (names elided) to leave a visit shown
TREND_LEAST = 70  # px: and then the trend column to this (its sparkline narrower)
UNGRADED_TEXT = "?"  # needled, not graded
# A session cell's state, which is also its sort key: a grade 0-3, or one of these.
NOT_NEEDLED, UNGRADED = -2, -1
# The roles the model answers; a paint asks each cell for more (font, icon, check state...).
_SERVED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
    SORT_ROLE, TARGET_ROLE, SERIES_ROLE, DRAFTS_ROLE})


def _grade_text(g: int | None, labels: Sequence[str] = GRASP_LABELS) -> str:
    return f"{grasp_word(g, labels)} ({g})" if g is not None else \
        QCoreApplication.translate("TrendModel", "ungraded")


class TrendModel(QAbstractTableModel):
    """Table model over a `GraspMatrix`. Sort with `SORT_ROLE` (numbers; anatomical order for the
    muscle column, so sorting by it restores the chart order)."""

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        self.style = style
        self._matrix: GraspMatrix | None = None
        self._names: Callable[[str], str] = lambda mid: mid.replace("_", " ").capitalize()
        self._change: Sequence[float] = ()  # matrix.change(): float32 per row
        self._labels: list[str] = []
        self._numbers: dict[int, int] = {}
        self.grasp_labels: Sequence[str] = GRASP_LABELS  # the clinic's words (the tooltips)
        # What a paint reads, worked out in set_matrix rather than at each of its data() calls:
        # each session cell's state, the change column's text and colour, the grid's size.
        self._states: list[list[int]] = []  # [row][session]: a grade, UNGRADED or NOT_NEEDLED
        self._change_text: list[str] = []
        self._change_ink: list[QBrush | None] = []
        self._rows = self._columns = 0
        self._fills = {g: QBrush(style.grasp_fill(None if g == UNGRADED else g))
                       for g in (UNGRADED, *range(GRASP_MAX + 1))}
        self._inks = {g: QBrush(style.grasp_text_colour(None if g == UNGRADED else g))
                      for g in (UNGRADED, *range(GRASP_MAX + 1))}
        self._released, self._worse = QBrush(QColor("#1b6e3a")), QBrush(QColor("#a4161a"))

    # -- data in ----------------------------------------------------------------------------
    def set_matrix(self, matrix: GraspMatrix | None,
                   names: Mapping[str, str] | Callable[[str], str] | None = None,
                   numbers: Mapping[int, int] | None = None) -> None:
        """Show a matrix. names: muscle id -> display name; numbers: session id -> visit
        number (default: the column's position)."""
        self.beginResetModel()
        self._matrix = matrix
        self._numbers = dict(numbers or {})
        if isinstance(names, Mapping):
            table = dict(names)
            self._names = lambda mid: table.get(mid, mid.replace("_", " ").capitalize())
        elif names is not None:
            self._names = names
        if matrix is not None:
            self._change = matrix.change()  # NaN (shown blank) where one grade or none
            self._labels = [target_label(t, self._names(t.muscle_id)) for t in matrix.targets]
            import numpy as np  # as domain.progress: numpy when a matrix is shown

            # int() of a grade, as a cell shows it; UNGRADED where needled without a grade
            grades = np.nan_to_num(matrix.grasp, nan=UNGRADED).astype(int)
            self._states = np.where(matrix.needled, grades, NOT_NEEDLED).tolist()
            self._rows, self._columns = len(matrix.targets), \
                FIRST_SESSION_COL + len(matrix.session_ids)
        else:
            self._change = ()
            self._labels = []
            self._states = []
            self._rows = self._columns = 0
        self._change_text, self._change_ink = [], []
        for value in self._change:
            change = float(value)
            # The minus sign (U+2212), as the summary above and the progress PDF write a
            # change: the grid wrote a hyphen, "-2", under "pain 6 → 2 (−4, −67 %)".
            self._change_text.append("" if math.isnan(change) else
                                     f"{change:+.0f}".replace("-", "\u2212") if change else "0")
            self._change_ink.append(None if math.isnan(change) or not change else
                                    self._released if change < 0 else self._worse)
        self.endResetModel()

    @property
    def matrix(self) -> GraspMatrix | None:
        return self._matrix

    def target(self, row: int) -> Target:
        assert self._matrix is not None
        return self._matrix.targets[row]

    def number(self, column: int) -> int:
        """Visit number of the j-th session column."""
        assert self._matrix is not None
        return self._numbers.get(self._matrix.session_ids[column], column + 1)

    def session_column(self, session_id: int) -> int:
        assert self._matrix is not None
        return FIRST_SESSION_COL + self._matrix.session_ids.index(session_id)

    # -- Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else self._columns

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self._matrix is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == COL_MUSCLE:
                return self.tr("Muscle")
            if section == COL_TREND:
                return self.tr("Trend")
            if section == COL_CHANGE:
                return self.tr("Change")
            j = section - FIRST_SESSION_COL
            when = self._matrix.dates[j]
            visit = f"#{self.number(j)}"
            if self._matrix.is_draft(j):  # its grades shown, compared with nothing
                visit = self.tr("{visit} draft", "a visit not signed, in its column's header"
                                ).format(visit=visit)
            return visit + "\n" + QLocale().toString(
                QDate(when.year, when.month, when.day), "d MMM")
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_CHANGE:
                return self.tr("Latest grasp minus the first graded one, of the signed visits "
                               "shown (a draft is compared with nothing): negative means "
                               "releasing.")
            if section >= FIRST_SESSION_COL:
                j = section - FIRST_SESSION_COL
                tip = self.tr("Session {number}, {date}").format(
                    number=self.number(j), date=numeric_date(self._matrix.dates[j]))
                if self._matrix.is_draft(j):
                    tip = self.tr("{session}: a draft, not signed; not in the change.").format(
                        session=tip)
                return tip
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        m = self._matrix
        if role not in _SERVED_ROLES or m is None or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == TARGET_ROLE:
            return m.targets[row]
        if col == COL_MUSCLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._labels[row]
            if role == SORT_ROLE:
                return row
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._labels[row]
            return None
        if col == COL_TREND:
            if role == SERIES_ROLE:
                return m.grasp[row]
            if role == DRAFTS_ROLE:
                return [m.is_draft(j) for j in range(len(m.session_ids))]
            if role == SORT_ROLE:
                return self._sort_change(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._series_text(row)
            return None
        if col == COL_CHANGE:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._change_text[row]
            if role == SORT_ROLE:
                return self._sort_change(row)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._change_ink[row]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._series_text(row)
            return None
        j = col - FIRST_SESSION_COL
        state = self._states[row][j]
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if state == NOT_NEEDLED else UNGRADED_TEXT if state == UNGRADED \
                else str(state)
        if role == SORT_ROLE:
            return float(state)  # not needled, then ungraded, then the grades
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            said = self.tr("not needled") if state == NOT_NEEDLED else \
                _grade_text(None if state == UNGRADED else state, self.grasp_labels)
            return f"{self._labels[row]}, {numeric_date(m.dates[j])}: {said}"
        if state == NOT_NEEDLED:
            return None  # an empty cell: no colours
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._fills.get(state, self._fills[UNGRADED])
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._inks.get(state, self._inks[UNGRADED])
        return None

    def _sort_change(self, row: int) -> float:
        change = float(self._change[row])
        return 99.0 if math.isnan(change) else change

    def _series_text(self, row: int) -> str:
        assert self._matrix is not None
        cells = ["·" if not self._matrix.needled[row, j] else
                 (UNGRADED_TEXT if math.isnan(v) else str(int(v)))
                 for j, v in enumerate(self._matrix.grasp[row])]
        return self.tr("{muscle}: {grades} (oldest to latest; · not needled)").format(
            muscle=self._labels[row], grades=" ".join(cells))


class SparklineDelegate(QStyledItemDelegate):
    """Grasp over the sessions as a small line (0 at the bottom, 3 at the top); gaps where the
    muscle was not needled; the last graded point in its grasp colour. A draft's point is
    hollow with a dotted outline and joined to no line (render.plot's rule, as the plot's)."""

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        self.style = style

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        super().paint(painter, option, QModelIndex())  # selection background only
        series = index.data(SERIES_ROLE)
        if series is None or len(series) == 0:
            return
        drafts = index.data(DRAFTS_ROLE) or [False] * len(series)
        r = QRectF(option.rect).adjusted(6, 5, -6, -5)
        n = len(series)
        step = r.width() / max(1, n - 1)

        def point(j: int, v: float) -> QPointF:
            x = r.left() + (j * step if n > 1 else r.width() / 2)
            return QPointF(x, r.bottom() - r.height() * v / GRASP_MAX)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#d0d0d0"), 1))
        painter.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        path = QPainterPath()
        drawing = False
        last: tuple[int, float] | None = None
        for j, v in enumerate(series):
            if drafts[j]:
                continue  # a draft: joined to no line, and no gap in the signed visits' line
            if math.isnan(v):
                drawing = False  # a gap: not needled (or not graded) that session
                continue
            p = point(j, float(v))
            if drawing:
                path.lineTo(p)
            else:
                path.moveTo(p)
            drawing = True
            last = (j, float(v))
        painter.setPen(QPen(QColor("#404040"), 1.6))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(QColor("#404040"), 1))
        for j, v in enumerate(series):
            if math.isnan(v):
                continue
            if drafts[j]:
                painter.setPen(draft_pen("#404040", 1.2))
                painter.setBrush(QColor("#ffffff"))
                painter.drawEllipse(point(j, float(v)), 2.6, 2.6)
                painter.setPen(QPen(QColor("#404040"), 1))
                continue
            rad = 3.2 if last is not None and j == last[0] else 1.8
            painter.setBrush(self.style.grasp_fill(int(v)))
            painter.drawEllipse(point(j, float(v)), rad, rad)
        painter.restore()


class TrendMatrix(QTableView):
    """The grid as a widget. Choosing a row emits `muscleChosen(muscle_id, side)` and
    `targetChosen(Target)` (which also carries the level of a paraspinal row)."""

    muscleChosen = Signal(str, str)  # noqa: N815 - Qt signal naming
    targetChosen = Signal(object)  # noqa: N815

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        elide_headers(self)
        self.trend_model = TrendModel(self, style)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.trend_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setItemDelegateForColumn(COL_TREND, SparklineDelegate(self, style))
        self.setSortingEnabled(True)
        self.sortByColumn(COL_MUSCLE, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the grid (ui.focus_order): arrows move in it
        self.setAlternatingRowColors(False)
        self.setShowGrid(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setMinimumSectionSize(28)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self._sizing = False  # set_matrix sizing the columns
        self._change_width = 0  # the change column's measured width (it may take a sliver more)
        self._muscle_width = 0  # the muscle column's measured width (it may give some up)
        self._trend_width = 0  # the trend column's (it too, once the muscles have)
        self.frozen = self._frozen_columns(style)
        hold_for_tips(self, self.frozen)  # a cell's tip, for a finger (no hover)
        # Opened on the latest visits, as long as the clinician has not scrolled sideways.
        self._follow_latest = True
        # By the pixel: by whole columns, the last step hid visits under the frozen columns
        # and left a blank beside the latest.
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalScrollBar().actionTriggered.connect(self._scrolled_by_hand)

    # -- the muscle, trend and change columns stay in place --------------------------------------
    def _frozen_columns(self, style: ChartStyle) -> QTableView:
        """A second view of the same rows over the left edge, showing only the columns before
        the visits: a laptop has no room for eight visits beside them, and the visits scroll
        under it (Qt's frozen column example). It shares the model, the selection and the
        vertical scrolling; its header sorts as the grid's does."""
        frozen = QTableView(self)
        elide_headers(frozen)
        frozen.setModel(self.proxy)
        frozen.setSelectionModel(self.selectionModel())
        frozen.setItemDelegateForColumn(COL_TREND, SparklineDelegate(frozen, style))
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        frozen.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.setWordWrap(False)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollMode(self.verticalScrollMode())
        frozen.verticalHeader().setVisible(False)
        frozen.verticalHeader().setDefaultSectionSize(self.verticalHeader().defaultSectionSize())
        header = frozen.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        mine = self.horizontalHeader()
        # the grid sorts (the same sort again signals nothing: no ping-pong)
        header.sortIndicatorChanged.connect(lambda c, o: mine.setSortIndicator(c, o))
        mine.sortIndicatorChanged.connect(lambda c, o: header.setSortIndicator(c, o))
        header.setSortIndicator(mine.sortIndicatorSection(), mine.sortIndicatorOrder())
        mine.sectionResized.connect(self._frozen_widths)
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        self.viewport().stackUnder(frozen)
        return frozen

    def _frozen_widths(self, *_args) -> None:
        if self._sizing:
            return  # set_matrix sizes the columns, then calls this once
        mine = self.horizontalHeader()
        for column in range(self.proxy.columnCount()):
            if column < FIRST_SESSION_COL:
                self.frozen.setColumnWidth(column, mine.sectionSize(column))
            self.frozen.setColumnHidden(column, column >= FIRST_SESSION_COL)
        self._place_frozen()

    def _place_frozen(self) -> None:
        width = sum(self.horizontalHeader().sectionSize(c)
                    for c in range(min(FIRST_SESSION_COL, self.proxy.columnCount())))
        header_height = self.horizontalHeader().height()
        self.frozen.horizontalHeader().setFixedHeight(header_height)
        self.frozen.setGeometry(self.frameWidth(), self.frameWidth(), width,
                                self.viewport().height() + header_height)
        self.frozen.setVisible(width > 0)

    def _scrolled_by_hand(self, _action: int) -> None:
        self._follow_latest = False

    def updateGeometries(self) -> None:  # noqa: N802 - Qt API
        super().updateGeometries()
        if getattr(self, "_follow_latest", None) is None:
            return  # still being built
        self._muscles_leave_a_visit()
        self._place_frozen()
        if self._follow_latest:
            self._no_sliver_beside_frozen()
            bar = self.horizontalScrollBar()
            bar.setValue(bar.maximum())

    def _no_sliver_beside_frozen(self) -> None:
        """Opened on the latest visits, the grid's right edge ends on the latest visit's, and
        the visit under the frozen columns' edge showed a sliver of itself there (« t. » of
        « 20 oct. »), read as a visit of its own. The change column takes that sliver: the
        visits' room narrows by it, so the first visit shown beside the frozen columns is whole
        (the latest still at the right edge, nothing blank beside it)."""
        header = self.horizontalHeader()
        count = self.proxy.columnCount()
        if self._change_width <= 0 or count <= FIRST_SESSION_COL:
            return
        extra = header.sectionSize(COL_CHANGE) - self._change_width
        total = header.length() - extra
        frozen = sum(header.sectionSize(c) for c in range(FIRST_SESSION_COL)) - extra
        edge = total - self.viewport().width() + frozen  # the frozen edge, fully scrolled
        sliver = 0
        if total > self.viewport().width():
            # (not the latest visit's: if it alone is cut, it stays, cut, rather than none)
            for column in range(FIRST_SESSION_COL, count - 1):
                start = header.sectionPosition(column) - extra
                end = start + header.sectionSize(column)
                if start < edge < end:
                    sliver = end - edge
                    break
        if header.sectionSize(COL_CHANGE) != self._change_width + sliver:
            header.resizeSection(COL_CHANGE, self._change_width + sliver)

    def _muscles_leave_a_visit(self) -> None:
        """The muscle column as wide as its longest name where there is room, else narrower,
        so that the frozen columns leave the latest visit's column beside them. At 960 x 540
        the grid was 365 px wide and the frozen columns 483 px (in French): no visit showed,
        and scrolling showed none. Names cut there are elided, each whole in its cell's tooltip;
        the column keeps MUSCLE_LEAST pixels (a name's first syllables); then the trend column
        narrows to TREND_LEAST. The grid asks for that room at least (minimumSizeHint)."""
        header = self.horizontalHeader()
        count = self.proxy.columnCount()
        if self._muscle_width <= 0 or count <= FIRST_SESSION_COL:
            return
        room = self.viewport().width() - self._change_width - header.sectionSize(count - 1)
        muscle = max(MUSCLE_LEAST, min(self._muscle_width, room - self._trend_width))
        # then the sparkline gives way too, to its least
        trend = max(TREND_LEAST, min(self._trend_width, room - muscle))
        for column, width in ((COL_MUSCLE, muscle), (COL_TREND, trend)):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Room for the frozen columns at their least and the latest visit beside them."""
        hint = super().minimumSizeHint()
        least = self._beside_latest(min(self._muscle_width, MUSCLE_LEAST),
                                    min(self._trend_width, TREND_LEAST))
        return QSize(max(hint.width(), least), hint.height())

    def roomy_width(self) -> int:
        """Room for the frozen columns whole (no muscle name elided) and the latest visit
        beside them: the width the window makes room for where it can (ui.progress_room)."""
        return max(self.minimumSizeHint().width(),
                   self._beside_latest(self._muscle_width, self._trend_width))

    def _beside_latest(self, muscle: int, trend: int) -> int:
        """The grid's width with its muscle and trend columns so wide, the latest visit beside
        them (0 before a matrix is shown)."""
        header = self.horizontalHeader()
        count = self.proxy.columnCount()
        if self._muscle_width <= 0 or count <= FIRST_SESSION_COL:
            return 0
        return muscle + trend + self._change_width + header.sectionSize(count - 1) + \
            2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if getattr(self, "_follow_latest", None) is not None:
            self._place_frozen()

    def set_matrix(self, matrix: GraspMatrix | None,
                   names: Mapping[str, str] | Callable[[str], str] | None = None,
                   numbers: Mapping[int, int] | None = None) -> None:
        self.trend_model.set_matrix(matrix, names, numbers)
        if matrix is not None:
            self._sizing = True  # the frozen columns follow once, below, not at each column
            try:
                self._size_columns(matrix)
            finally:
                self._sizing = False
        self._follow_latest = True
        self._frozen_widths()
        self.updateGeometries()
        self.updateGeometry()  # its least width (minimumSizeHint) follows the columns

    def _size_columns(self, matrix: GraspMatrix) -> None:
        """Each column's width, measured once per matrix. (The muscle column was a
        ResizeToContents section: the header measured every row of it again after each other
        column's resize: most of the time this grid took to show a patient.)"""
        header = self.horizontalHeader()
        # as wide as its longest name, and not resized by hand (as ResizeToContents kept it)
        header.setSectionResizeMode(COL_MUSCLE, QHeaderView.ResizeMode.Fixed)
        self.resizeColumnToContents(COL_MUSCLE)
        self._muscle_width = header.sectionSize(COL_MUSCLE)
        self._trend_width = max(TREND_LEAST, 14 * len(matrix.session_ids))
        header.resizeSection(COL_TREND, self._trend_width)
        # as wide as its header's word (« Changement » in French)
        self._change_width = max(56, header.sectionSizeHint(COL_CHANGE))
        header.resizeSection(COL_CHANGE, self._change_width)
        # As wide as its date (« 30 sept. », « 10 août »): at a fixed 44 px the dates ran
        # into each other and read as other dates. (Not the header's size hint: it keeps
        # room for a sort arrow these columns never show.)
        metrics = QFontMetrics(header.font())
        for j in range(len(matrix.session_ids)):
            column = FIRST_SESSION_COL + j
            lines = str(self.trend_model.headerData(
                column, Qt.Orientation.Horizontal)).split("\n")
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, max(44, 12 + max(
                metrics.horizontalAdvance(line) for line in lines)))

    def choose(self, target: Target) -> bool:
        """Select the row of a target (e.g. when the chart picks a muscle); False if absent."""
        m = self.trend_model.matrix
        if m is None or target not in m.targets:
            return False
        src = self.trend_model.index(m.row_of(target), COL_MUSCLE)
        idx = self.proxy.mapFromSource(src)
        self.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        sideways = self.horizontalScrollBar().value()
        self.scrollTo(idx)  # to its row; the visits shown stay as they were
        self.horizontalScrollBar().setValue(sideways)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        target = current.data(TARGET_ROLE)
        if target is None:
            return
        self.muscleChosen.emit(target.muscle_id, target.side)
        self.targetChosen.emit(target)
