"""Muscle x session grasp grid: one row per muscle and side (and level for paraspinals), one
column per session, oldest on the left. Cells carry the grasp colours of the charts; a sparkline
and the change since the first graded session let a clinician see releasing muscles at a glance.
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
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableView

from imsmap.domain.progress import GraspMatrix, Target
from imsmap.domain.vocabulary import GRASP_LABELS, GRASP_MAX
from imsmap.render.style import LIGHT, ChartStyle
from imsmap.ui.wording import grasp_word, numeric_date, target_label

__all__ = ["SORT_ROLE", "SERIES_ROLE", "TARGET_ROLE", "TrendMatrix", "TrendModel"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2
SERIES_ROLE = Qt.ItemDataRole.UserRole + 3

COL_MUSCLE, COL_TREND, COL_CHANGE = 0, 1, 2
FIRST_SESSION_COL = 3
UNGRADED_TEXT = "?"  # needled, not graded


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
        else:
            self._change = ()
            self._labels = []
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
        if parent.isValid() or self._matrix is None:
            return 0
        return len(self._matrix.targets)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        if parent.isValid() or self._matrix is None:
            return 0
        return FIRST_SESSION_COL + len(self._matrix.session_ids)

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
            return f"#{self.number(j)}\n" + QLocale().toString(
                QDate(when.year, when.month, when.day), "d MMM")
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == COL_CHANGE:
                return self.tr("Latest grasp minus the first graded one: negative means "
                               "releasing.")
            if section >= FIRST_SESSION_COL:
                j = section - FIRST_SESSION_COL
                return self.tr("Session {number}, {date}").format(
                    number=self.number(j), date=numeric_date(self._matrix.dates[j]))
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        m = self._matrix
        if m is None or not index.isValid():
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
            if role == SORT_ROLE:
                return self._sort_change(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._series_text(row)
            return None
        if col == COL_CHANGE:
            change = float(self._change[row])
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if math.isnan(change) else f"{change:+.0f}" if change else "0"
            if role == SORT_ROLE:
                return self._sort_change(row)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ForegroundRole and not math.isnan(change) and change:
                return QBrush(QColor("#1b6e3a" if change < 0 else "#a4161a"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._series_text(row)
            return None
        j = col - FIRST_SESSION_COL
        value = float(m.grasp[row, j])
        needled = bool(m.needled[row, j])
        grade = None if math.isnan(value) else int(value)
        if role == Qt.ItemDataRole.DisplayRole:
            if not needled:
                return ""
            return UNGRADED_TEXT if grade is None else str(grade)
        if role == SORT_ROLE:
            return -2.0 if not needled else -1.0 if grade is None else float(grade)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self.style.grasp_fill(grade)) if needled else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(self.style.grasp_text_colour(grade)) if needled else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = m.dates[j]
            state = _grade_text(grade, self.grasp_labels) if needled else self.tr("not needled")
            return f"{self._labels[row]}, {numeric_date(when)}: {state}"
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
    muscle was not needled; the last graded point in its grasp colour."""

    def __init__(self, parent=None, style: ChartStyle = LIGHT):
        super().__init__(parent)
        self.style = style

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        super().paint(painter, option, QModelIndex())  # selection background only
        series = index.data(SERIES_ROLE)
        if series is None or len(series) == 0:
            return
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
            if not math.isnan(v):
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
        self.setAlternatingRowColors(False)
        self.setShowGrid(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.horizontalHeader().setMinimumSectionSize(28)
        self.selectionModel().currentRowChanged.connect(self._on_current)

    def set_matrix(self, matrix: GraspMatrix | None,
                   names: Mapping[str, str] | Callable[[str], str] | None = None,
                   numbers: Mapping[int, int] | None = None) -> None:
        self.trend_model.set_matrix(matrix, names, numbers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_MUSCLE, QHeaderView.ResizeMode.ResizeToContents)
        if matrix is not None:
            header.resizeSection(COL_TREND, max(70, 14 * len(matrix.session_ids)))
            # as wide as its header's word (« Changement » in French)
            header.resizeSection(COL_CHANGE, max(56, header.sectionSizeHint(COL_CHANGE)))
            for j in range(len(matrix.session_ids)):
                header.setSectionResizeMode(FIRST_SESSION_COL + j, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(FIRST_SESSION_COL + j, 44)

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
        self.scrollTo(idx)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        target = current.data(TARGET_ROLE)
        if target is None:
            return
        self.muscleChosen.emit(target.muscle_id, target.side)
        self.targetChosen.emit(target)
