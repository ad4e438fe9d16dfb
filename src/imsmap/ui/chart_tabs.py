"""The chart's tabs in a strip that scrolls by whole tabs, and a button listing every chart.

A dozen charts do not fit beside each other in the chart's column (1366 px in French: five or
six do). Qt's own scroll buttons scroll the tab bar by the pixel: a tab cut at the left edge
read « achis (2) » (Rachis), another under the buttons « Dos des pie ». Here the bar is never
scrolled by Qt: it sits whole in a strip that shows only whole tabs, from the first one shown to
the last that fits (the room left over stays blank, less than a tab wide), with its own buttons
to show the one before or after. The current tab is always shown when it changes (a chart
chosen from the menu or with the arrow keys), and when the window is resized.

The arrows alone hid the rest: at 1366 x 768 a clinician saw five tabs and two small arrows,
not that hand, foot and head charts existed, and reached the feet in six clicks. Where tabs are
not shown, a button beside the arrows says how many ("6 more"; "+6" where those words would
cost a tab that "+6" leaves) and lists every chart by its whole name, the current one checked:
any chart in two clicks, or from the keys (Tab to the button, Space, the arrows, Enter). A
window where every tab fits is as it was: no arrows, no button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

__all__ = ["ChartTabBar", "ChartTabStrip"]

# The room beside the "more" button's words, both sides together (a touch-sized tab's,
# touch_size.TAB_MARGINS_PX); it is never narrower than the arrows (a fingertip when touch-sized).
MORE_MARGINS_PX = 12


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
    """The tab bar in a window showing whole tabs, the buttons beside it, and the button that
    lists every chart where some tabs are not shown. `name(i)` is tab i's chart named whole
    (its tab may say it shorter); by default the tab's words."""

    def __init__(self, tabs: ChartTabBar, parent: QWidget | None = None,
                 name: Callable[[int], str] | None = None):
        super().__init__(parent)
        self.tabs = tabs
        self.name = name or tabs.tabText
        self.first = 0  # the first tab shown
        self.last = 0  # one past the last tab shown
        self.area = QWidget()  # clips the bar to the tabs shown; the bar moves inside it
        tabs.setParent(self.area)
        tabs.move(0, 0)
        self.before = self._button(Qt.ArrowType.LeftArrow, self.tr("Show the chart tab before"))
        self.after = self._button(Qt.ArrowType.RightArrow, self.tr("Show the chart tab after"))
        self.before.clicked.connect(lambda: self._move(-1))
        self.after.clicked.connect(lambda: self._move(1))
        # Every chart by name: reached with Tab (the arrows are not: the arrow keys move
        # between the tabs), opened with Space or a click, its list worked with the keys.
        self.more = QToolButton()
        self.more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.more.setVisible(False)
        self.more.clicked.connect(self.show_menu)
        self.menu = QMenu(self)
        self.group = QActionGroup(self.menu)  # one chart checked
        self.group.setExclusive(True)
        self._widths: dict[tuple, int] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.area)
        row.addStretch(1)
        row.addWidget(self.more)
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
        return range(self.first, self.last)

    def hidden(self) -> int:
        """How many tabs are not shown."""
        return self.tabs.count() - len(self.shown())

    # -- the list of every chart --------------------------------------------------------------
    def more_text(self, hidden: int, short: bool) -> str:
        if short:
            return self.tr("+%n", "chart tabs not shown (a button listing every chart)", hidden)
        return self.tr("%n more", "chart tabs not shown (a button listing every chart)", hidden)

    def _more_width(self, hidden: int, short: bool) -> int:
        arrow = self._button_width()
        key = (hidden, short, arrow, self.more.font().key())
        width = self._widths.get(key)
        if width is None:
            advance = self.more.fontMetrics().horizontalAdvance(self.more_text(hidden, short))
            width = self._widths[key] = max(arrow, advance + MORE_MARGINS_PX)
        return width

    def fill_menu(self) -> None:
        """The menu: every chart in the tabs' order, named whole, the current one checked."""
        for action in self.group.actions():
            self.group.removeAction(action)
        self.menu.clear()
        current = self.tabs.currentIndex()
        for i in range(self.tabs.count()):
            action = self.menu.addAction(self.name(i))
            action.setCheckable(True)
            action.setChecked(i == current)
            action.setActionGroup(self.group)
            action.triggered.connect(lambda _c=False, i=i: self.tabs.setCurrentIndex(i))
            if i == current:
                self.menu.setActiveAction(action)

    def show_menu(self) -> None:
        """The menu under the button (over it where the screen ends), the current chart
        highlighted: the arrows move from it, Enter chooses, Esc keeps the chart."""
        self.fill_menu()
        self.menu.popup(self.more.mapToGlobal(QPoint(0, self.more.height())),
                        self.menu.activeAction())

    # -- arrangement --------------------------------------------------------------------------
    def _edges(self) -> list[tuple[int, int]]:
        return [(self.tabs.tabRect(i).left(), self.tabs.tabRect(i).right() + 1)
                for i in range(self.tabs.count())]

    def _fit(self, edges: list[tuple[int, int]], room: int,
             keep_current: bool) -> tuple[int, int]:
        """The first tab shown and one past the last, in `room` px, from the first shown now
        (moved to show the current tab with `keep_current`)."""
        n = len(edges)
        first = max(0, min(self.first, n - 1))
        current = self.tabs.currentIndex()
        if keep_current and current >= 0:
            first = min(first, current)
            while first < current and edges[current][1] - edges[first][0] > room:
                first += 1
        # no blank beside the last tab while tabs before the first are hidden
        while first > 0 and edges[-1][1] - edges[first - 1][0] <= room:
            first -= 1
        end = first + 1
        while end < n and edges[end][1] - edges[first][0] <= room:
            end += 1
        return first, min(end, n)

    def _fit_with_more(self, edges: list[tuple[int, int]], room: int, keep_current: bool,
                       short: bool) -> tuple[int, int, int]:
        """(first, last, the button's width) with the button saying how many are hidden; its
        width follows the count it says (one more digit), and the count the room it leaves."""
        n, hidden, seen = len(edges), 1, set()
        while True:
            width = self._more_width(hidden, short)
            first, last = self._fit(edges, max(0, room - width), keep_current)
            now = max(1, n - (last - first))
            if now == hidden or now in seen:
                return first, last, width
            seen.add(hidden)
            hidden = now

    def arrange(self, keep_current: bool = False) -> None:
        bar = self.tabs
        hint = bar.sizeHint()
        if bar.size() != hint:
            bar.resize(hint)
        self.area.setFixedHeight(hint.height())
        for button in (self.before, self.after):
            button.setFixedSize(self._button_width(), hint.height())
        edges = self._edges()
        n = len(edges)
        scrolling = n > 0 and hint.width() > self.width()
        self.before.setVisible(scrolling)
        self.after.setVisible(scrolling)
        self.more.setVisible(scrolling)
        if not scrolling:
            self.first, self.last = 0, n
            self.area.setFixedWidth(min(hint.width(), max(0, self.width())))
            bar.move(0, 0)
            return
        room = max(0, self.width() - 2 * self._button_width())

        def whole(fit: tuple[int, int, int]) -> int:  # the tabs it shows whole
            first, last, width = fit
            cut = edges[last - 1][1] - edges[first][0] > room - width  # one tab, too wide
            return last - first - cut

        # The button's words where they cost no tab that "+6" leaves shown whole.
        fit = self._fit_with_more(edges, room, keep_current, short=False)
        brief = self._fit_with_more(edges, room, keep_current, short=True)
        short = whole(brief) > whole(fit)
        first, last, width = brief if short else fit
        self.first, self.last = first, last
        self.area.setFixedWidth(max(0, min(room - width, edges[last - 1][1] - edges[first][0])))
        bar.move(-edges[first][0], 0)
        self.before.setEnabled(first > 0)
        self.after.setEnabled(last < n)
        hidden = n - (last - first)
        text = self.more_text(hidden, short)
        if text != self.more.text():
            self.more.setText(text)
            tip = self.tr("Every chart by name: %n not shown in the tabs", "", hidden)
            self.more.setToolTip(tip)
            self.more.setAccessibleName(tip)
        self.more.setFixedSize(width, hint.height())

    def _button_width(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarScrollButtonWidth, None,
                                        self.tabs)
