"""The chart's tabs in a strip that scrolls by whole tabs.

A dozen charts do not fit beside each other in the chart's column (1366 px in French: five or
six do). Qt's own scroll buttons scroll the tab bar by the pixel: a tab cut at the left edge
read « achis (2) » (Rachis), another under the buttons « Dos des pie ». Here the bar is never
scrolled by Qt: it sits whole in a strip that shows only whole tabs, from the first one shown to
the last that fits (the room left over stays blank, less than a tab wide), with its own buttons
to show the one before or after. The current tab is always shown when it changes (a chart
chosen from the menu or with the arrow keys), and when the window is resized.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QSizePolicy,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

__all__ = ["ChartTabBar", "ChartTabStrip"]


class ChartTabBar(QTabBar):
    """The chart's tab bar, always as wide as all its tabs (its strip shows part of it); says
    when its tabs are laid out again (a count added to a tab's name widens it)."""

    laidOut = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setExpanding(False)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)

    def tabLayoutChange(self) -> None:  # noqa: N802 - Qt API
        super().tabLayoutChange()
        self.laidOut.emit()


class ChartTabStrip(QWidget):
    """The tab bar in a window showing whole tabs, and the buttons beside it."""

    def __init__(self, tabs: ChartTabBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.tabs = tabs
        self.first = 0  # the first tab shown
        self.area = QWidget()  # clips the bar to the tabs shown; the bar moves inside it
        tabs.setParent(self.area)
        tabs.move(0, 0)
        self.before = self._button(Qt.ArrowType.LeftArrow, self.tr("Show the chart tab before"))
        self.after = self._button(Qt.ArrowType.RightArrow, self.tr("Show the chart tab after"))
        self.before.clicked.connect(lambda: self._move(-1))
        self.after.clicked.connect(lambda: self._move(1))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.area)
        row.addStretch(1)
        row.addWidget(self.before)
        row.addWidget(self.after)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        tabs.currentChanged.connect(lambda _i: self.arrange(keep_current=True))
        # After Qt's own layout pass, never inside it; once for all the tabs renamed together
        # (an open sets every chart's count: a dozen tabs laid out again, one arrangement).
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(lambda: self.arrange(keep_current=True))
        tabs.laidOut.connect(self._soon.start)

    def _button(self, arrow: Qt.ArrowType, tip: str) -> QToolButton:
        button = QToolButton()
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrow keys move between the tabs
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self.tabs.sizeHint().width(), self.tabs.sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(0, self.tabs.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.arrange(keep_current=True)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.arrange(keep_current=True)

    def _move(self, step: int) -> None:
        self.first = max(0, min(self.tabs.count() - 1, self.first + step))
        self.arrange()

    def shown(self) -> range:
        """The tabs shown whole."""
        return range(self.first, self._last())

    def _edges(self) -> list[tuple[int, int]]:
        return [(self.tabs.tabRect(i).left(), self.tabs.tabRect(i).right() + 1)
                for i in range(self.tabs.count())]

    def _room(self) -> int:
        if self.tabs.sizeHint().width() <= self.width():
            return self.width()
        return max(0, self.width() - 2 * self._button_width())

    def _last(self) -> int:
        """One past the last tab that fits whole from the first shown (at least the first)."""
        edges, room = self._edges(), self._room()
        end = self.first + 1
        while end < len(edges) and edges[end][1] - edges[self.first][0] <= room:
            end += 1
        return min(end, len(edges))

    def arrange(self, keep_current: bool = False) -> None:
        bar = self.tabs
        hint = bar.sizeHint()
        if bar.size() != hint:
            bar.resize(hint)
        self.area.setFixedHeight(hint.height())
        for button in (self.before, self.after):
            button.setFixedSize(self._button_width(), hint.height())
        edges, room = self._edges(), self._room()
        n = len(edges)
        scrolling = n > 0 and hint.width() > self.width()
        self.before.setVisible(scrolling)
        self.after.setVisible(scrolling)
        if not scrolling:
            self.first = 0
            self.area.setFixedWidth(min(hint.width(), max(0, self.width())))
            bar.move(0, 0)
            return
        self.first = max(0, min(self.first, n - 1))
        current = bar.currentIndex()
        if keep_current and current >= 0:
            self.first = min(self.first, current)
            while self.first < current and edges[current][1] - edges[self.first][0] > room:
                self.first += 1
        # no blank beside the last tab while tabs before the first are hidden
        while self.first > 0 and edges[-1][1] - edges[self.first - 1][0] <= room:
            self.first -= 1
        last = self._last()
        width = min(room, edges[last - 1][1] - edges[self.first][0])
        self.area.setFixedWidth(width)
        bar.move(-edges[self.first][0], 0)
        self.before.setEnabled(self.first > 0)
        self.after.setEnabled(last < n)

    def _button_width(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarScrollButtonWidth, None,
                                        self.tabs)
