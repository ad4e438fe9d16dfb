"""A row of controls that goes on to a second line where its column is too narrow for it.

On a 1366 x 768 screen at 100 % every row of the right column and of the chart's foot fits on
one line, and `WrappingRow` lays it out as a `QHBoxLayout` would: each item between its minimum
and its preferred width, what is left to the items given a stretch. At 125 % or 200 % (a
1366 x 768 laptop's 1093 logical pixels, 1080p's 960) the columns are narrower than their
rows: the row then continues on the next line, whole items at a time (a group kept together is
given as one item: a layout), instead of widening the window past the screen's edge. Its
height follows (`heightForWidth`), so the panels above and below make room and a scrolling
column scrolls to it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QWidget,
)

# Rows wrap only in a window narrower than this (a 1366 x 768 laptop at 125 %: 1093 logical
# pixels). From this width on they keep to one line as a QHBoxLayout, with its least width, so
# a window on a 1366 px screen or wider is laid out exactly as before (French included, whose
# session column is wider than the default). The main window asks its rows again when its
# width crosses this (`rewrap`); wider, it still tells the window manager the least width of
# its rows wrapped (ui.window_layout.hold_least_width), so that it can be made narrower than
# its rows on one line in one step (maximised on a 1280 px screen).
WRAP_BELOW = 1366


_assume_wrapped = False  # `all_wrapped`: every row as in a window narrower than WRAP_BELOW


@contextmanager
def all_wrapped() -> Iterator[None]:
    """Within it, every row lays itself out (and gives its least width) as in a window
    narrower than `WRAP_BELOW`, whatever the window's width: how narrow a wide window may
    become (ui.window_layout.least_width_wrapped). Sizes asked within it are cached by Qt's
    layouts: forget them before and after (`forget_sizes`)."""
    global _assume_wrapped
    _assume_wrapped = True
    try:
        yield
    finally:
        _assume_wrapped = False


def forget_sizes(window: QWidget) -> None:
    """Every layout and widget item of `window` works its sizes out again when next asked
    (Qt caches them until a widget or layout says it changed), now and not at the next
    pass of the event loop."""
    for widget in window.findChildren(QWidget):
        widget.updateGeometry()  # its size in its parent's layout (QWidgetItem's cache)
    for layout in window.findChildren(QLayout):
        layout.invalidate()
    if window.layout() is not None:
        window.layout().invalidate()


def together(*widgets: QWidget) -> QHBoxLayout:
    """Widgets kept on one line (a label and its field, a group of buttons) in a row that may
    wrap: the row breaks between such groups, never inside one."""
    line = QHBoxLayout()
    line.setSpacing(4)
    for w in widgets:
        line.addWidget(w)
    return line


def hint_at_own_width(widget: QWidget) -> QSize:
    """The size hint of a widget whose layout holds rows that wrap: as wide as its layout on
    one line, as tall as it is at the width it has (before it has one, at that width).

    Qt's own (`QLayout.totalSizeHint`) works every row out at the hint's width, one the widget
    is not given, whenever a layout or a scroll area asks it. Qt's item of each row keeps its
    heights for the last three widths asked (QWidgetItemV2): the widths the rows have (the
    column's, and less its scroll bar) and those that are not pushed each other out, and the
    rows were worked out again at each tap (the site inspector's rows at 478 px in a 474 px
    inspector; the session panel's at its site list's widest, a new width each tap as the
    list's columns widen)."""
    margins = widget.contentsMargins()
    width = widget.layout().sizeHint().width() + margins.left() + margins.right()
    return QSize(width, widget.heightForWidth(widget.width() if widget.width() > 0 else width))


def rewrap(window: QWidget) -> None:
    """The window's width crossed `WRAP_BELOW`: its rows' least widths and lines change."""
    for row in window.findChildren(WrappingRow):
        row.invalidate()


class WrappingRow(QLayout):
    """Items left to right, on as many lines as the width needs (see the module's docstring).
    A line break comes where the next item's minimum width no longer fits."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4, *,
                 wide_too: bool = False, whole: bool = False, tall: bool = False) -> None:
        """`wide_too`: the row may wrap in a window of any width, for a row whose items change
        (a choice shows other controls) and whose one line can be wider than its column at
        1366 px: on one line it would widen the window past the screen's edge.
        `whole`: a line breaks where the next item's preferred width no longer fits (not its
        minimum), for items that can be narrower than their words (a button that shortens its
        name to the room it gets): they get a line of their own before they are shortened.
        `tall`: an item whose height follows its width (hasHeightForWidth: a button that wraps
        its words, ui.word_button) is given the height the width it gets needs, its line as
        tall as its tallest item."""
        super().__init__(parent)
        self._wide_too = wide_too
        self._whole = whole
        self._tall = tall
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self._gap: list[int] = []  # extra room before each item (an addSpacing before it)
        self._pending_gap = 0
        self._top: set[int] = set()
        self._whole_items: set[int] = set()  # `add(..., whole=True)`: as `whole`, one item
        self.one_line = False  # `set_one_line`
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    # -- building -----------------------------------------------------------------------------
    def add(self, part: QWidget | QLayout, stretch: int = 0, top: bool = False,
            whole: bool = False) -> None:
        """`part` as one item (a layout keeps its widgets on one line); `stretch` > 0 takes a
        share of a line's room beyond the items' preferred widths; `top`: at the line's top
        (else in its middle); `whole`: it starts a line where its preferred width no longer
        fits beside the items before it (as the row's `whole`, for this item alone)."""
        if isinstance(part, QLayout):
            self.addChildLayout(part)
            self.addItem(part)
        else:
            # Qt's own item for a widget (it comes back through addItem): it keeps the sizes
            # it asked of the widget until the widget says they changed (updateGeometry), as
            # in Qt's own layouts. A plain QWidgetItem keeps none: every question of a layout
            # pass (the row asks each item's sizes at each of its lines' and heights' turns)
            # went to the widget again, for a wrapping choice of the muscle chooser
            # (ui.word_button) through Python and the style, some 140 times a tap.
            self.addWidget(part)
        item = self._items[-1]
        self._stretch[-1] = stretch
        self._gap[-1] = self._pending_gap
        self._pending_gap = 0
        if top:
            self._top.add(id(item))
        if whole:
            self._whole_items.add(id(item))
        self.invalidate()

    def set_one_line(self, on: bool) -> None:
        """Every item on one line (`on`: a short chart, ui.short_chart), the widest giving way
        below their minimums where the line is narrower than they are (a layer button shortens
        its name, whole in its tooltip); or lines as the width needs."""
        if on != self.one_line:
            self.one_line = on
            self.invalidate()

    def wraps(self, width: int) -> bool:
        """Whether the items take more than one line at `width` (one_line or not)."""
        one_line, self.one_line = self.one_line, False
        try:
            m = self.contentsMargins()
            return len(self._lines(width - m.left() - m.right())) > 1
        finally:
            self.one_line = one_line

    def wrapped_height(self, width: int) -> int:
        """The height the items would take on as many lines as `width` needs (one_line or
        not)."""
        one_line, self.one_line = self.one_line, False
        try:
            return self._place(QRect(0, 0, width, 0), move=False)
        finally:
            self.one_line = one_line

    def add_gap(self, width: int) -> None:
        """Room before the next item, when it is on the same line."""
        self._pending_gap += width

    # -- QLayout ------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)
        self._stretch.append(0)
        self._gap.append(0)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        del self._stretch[index], self._gap[index]
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def minimumSize(self) -> QSize:  # noqa: N802
        shown = self._shown()
        m = self.contentsMargins()
        if self._may_wrap():  # the widest item
            width = max((self._items[i].minimumSize().width() for i in shown), default=0)
        else:  # all of them on one line
            width = sum(self._items[i].minimumSize().width() for i in shown)
            width += sum(self._gap[i] for i in shown[1:]) + self.spacing() * max(0, len(shown) - 1)
        height = max((self._items[i].minimumSize().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def sizeHint(self) -> QSize:  # noqa: N802
        shown = self._shown()
        m = self.contentsMargins()
        width = sum(self._items[i].sizeHint().width() for i in shown)
        width += sum(self._gap[i] for i in shown[1:]) + self.spacing() * max(0, len(shown) - 1)
        height = max((self._items[i].sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    # -- placing ------------------------------------------------------------------------------
    def _shown(self) -> list[int]:
        return [i for i, item in enumerate(self._items) if not item.isEmpty()]

    def _may_wrap(self) -> bool:
        """In a window narrower than `WRAP_BELOW` (or in none yet), or any window (`wide_too`)."""
        widget = self.parentWidget()
        return (self._wide_too or _assume_wrapped or widget is None
                or widget.window().width() < WRAP_BELOW)

    def _lines(self, width: int) -> list[list[int]]:
        shown = self._shown()
        if self.one_line or not self._may_wrap():
            return [shown] if shown else []
        lines: list[list[int]] = []
        used = 0
        for i in shown:
            need = self._items[i].minimumSize().width()
            if self._whole or id(self._items[i]) in self._whole_items:
                need = max(need, self._items[i].sizeHint().width())
            if lines and used + self.spacing() + self._gap[i] + need <= width:
                lines[-1].append(i)
                used += self.spacing() + self._gap[i] + need
            else:
                lines.append([i])
                used = need
        return lines

    def _widths(self, line: list[int], width: int) -> list[int]:
        """As QHBoxLayout gives them: minimums, then toward the preferred widths, then the rest
        to the items with a stretch."""
        items = [self._items[i] for i in line]
        room = width - self.spacing() * (len(line) - 1) - sum(self._gap[i] for i in line[1:])
        least = [it.minimumSize().width() for it in items]
        wanted = [low if _ignored(it) else max(it.sizeHint().width(), low)
                  for it, low in zip(items, least, strict=True)]
        if self.one_line and room < sum(least):  # below their minimums, the widest first
            least = [0] * len(items)
        elif room <= sum(least):
            return least
        if room < sum(wanted):  # the widest give way first, down to their minimums
            low_cap, high_cap = 0, max(wanted)
            while low_cap < high_cap:
                cap = (low_cap + high_cap + 1) // 2
                if sum(max(low, min(want, cap))
                       for low, want in zip(least, wanted, strict=True)) <= room:
                    low_cap = cap
                else:
                    high_cap = cap - 1
            return [max(low, min(want, low_cap)) for low, want in zip(least, wanted, strict=True)]
        stretch = [self._stretch[i] for i in line]
        if not sum(stretch):
            return wanted
        # The items with a stretch share what the others leave in proportion to their
        # stretch, none below its preferred width (so equal stretches make equal widths).
        widths = list(wanted)
        sharing = [k for k, s in enumerate(stretch) if s]
        while True:
            left = room - sum(widths[k] for k in range(len(line)) if k not in sharing)
            total = sum(stretch[k] for k in sharing)
            held = [k for k in sharing if wanted[k] > left * stretch[k] // total]
            if not held:
                break
            sharing = [k for k in sharing if k not in held]
            if not sharing:
                return widths
        for k in sharing:
            widths[k] = left * stretch[k] // total
        return widths

    def _place(self, rect: QRect, move: bool) -> int:
        """Lays the items out in `rect` (when `move`); returns the height they take. Asked
        for the height alone (`heightForWidth`, many times as a window's widgets change), it
        finds the lines and their heights, not the items' widths."""
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = inner.y()
        for number, line in enumerate(self._lines(inner.width())):
            if number:
                y += self.spacing()
            # the items' widths where they are placed, or where a height follows them
            tall = self._tall and any(self._items[i].hasHeightForWidth() for i in line)
            widths = self._widths(line, inner.width()) if move or tall else []
            height = max(self._height(i, widths[k] if tall else None)
                         for k, i in enumerate(line))
            if move:
                self._move_line(line, widths, inner, y, height)
            y += height
        return y - inner.y() + m.top() + m.bottom()

    def _height(self, i: int, width: int | None) -> int:
        """An item's height on its line: its preferred one, or (a `tall` row's item whose
        height follows its width) the one `width` needs."""
        item = self._items[i]
        if width is not None and self._tall and item.hasHeightForWidth():
            return item.heightForWidth(width)
        return item.sizeHint().height()

    def _move_line(self, line: list[int], widths: list[int], inner: QRect, y: int,
                   height: int) -> None:
        """The items of one line, left to right from `inner`'s left at `y`."""
        x = inner.x()
        for place, (i, w) in enumerate(zip(line, widths, strict=True)):
            if place:
                x += self.spacing() + self._gap[i]
            item = self._items[i]
            h = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
            if self._tall and item.hasHeightForWidth():
                h = min(height, item.heightForWidth(w))
            elif item.expandingDirections() & Qt.Orientation.Vertical:
                h = height
            top = y if id(item) in self._top else y + (height - h) // 2
            item.setGeometry(QRect(x, top, w, h))
            x += w


def _ignored(item: QLayoutItem) -> bool:
    """A widget whose preferred width does not count (QSizePolicy.Ignored), as in a box."""
    widget = item.widget()
    return (widget is not None
            and widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored)
