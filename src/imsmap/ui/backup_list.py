"""The restore dialog's list of the backups in a folder (ui.restore_backup).

A line of it says when the backup was taken, whose it is (the records open now, another
database and the path it was backed up from) and the backup's file name. Qt cut the line at its
right end, so the file name, last, was the part lost, and whole only in the tooltip: in French,
or beside another database's path, no line showed one. The line is now fitted to its room:
the time whole, the file name whole, and whose it is shortened in its middle (a path keeps its
start and its file); where even that leaves no room, whose it is gives way, and only then is the
file name shortened, in its middle (its date and its kind, at its two ends, stay). The item's
text (`itemText`) and its tooltip stay the whole line; the list that drops down shows it
whole, as Qt widens it to its widest line.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

SEPARATOR = " — "
PARTS = Qt.ItemDataRole.UserRole + 1  # an item's (when, whose, file name)
LEAST_WHOSE = 8  # whose it is keeps at least this many characters' room, or gives way
WHOSE_ROOM = 24  # the characters of whose it is the box asks room for
SCREEN_MARGIN = 160  # what the box leaves of the screen's width: the dialog's margins, label


def fitted(parts: tuple[str, str, str], room: int, metrics: QFontMetrics) -> str:
    """The line of `parts` (when, whose, file name; whose may be "") within `room` pixels."""
    when, whose, name = parts
    whole = SEPARATOR.join(p for p in parts if p)
    if metrics.horizontalAdvance(whole) <= room:
        return whole
    if whose:
        left = room - metrics.horizontalAdvance(when + SEPARATOR + SEPARATOR + name)
        if left >= metrics.averageCharWidth() * LEAST_WHOSE:
            short = metrics.elidedText(whose, Qt.TextElideMode.ElideMiddle, left)
            return SEPARATOR.join((when, short, name))
    left = room - metrics.horizontalAdvance(when + SEPARATOR)
    return when + SEPARATOR + metrics.elidedText(name, Qt.TextElideMode.ElideMiddle,
                                                 max(0, left))


class BackupBox(QComboBox):
    """The list of backups: each line fitted to the box (`fitted`), whole in its tooltip."""

    def add_line(self, when: str, whose: str, name: str) -> None:
        whole = SEPARATOR.join(p for p in (when, whose, name) if p)
        self.addItem(whole)
        last = self.count() - 1
        self.setItemData(last, whole, Qt.ItemDataRole.ToolTipRole)
        self.setItemData(last, (when, whose, name), PARTS)

    def add_done(self) -> None:
        """The lines are in: the box asks for the width they need (`minimumSizeHint`)."""
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """Room for the widest line's time and file name whole, and some of whose it is
        (WHOSE_ROOM characters), within the screen: the dialog widens to it, where it can."""
        hint = super().minimumSizeHint()
        metrics = self.fontMetrics()
        text = max((metrics.horizontalAdvance(parts[0] + SEPARATOR + SEPARATOR + parts[2])
                    + metrics.averageCharWidth() * WHOSE_ROOM
                    for i in range(self.count()) if (parts := self.itemData(i, PARTS))),
                   default=0)
        if not text:
            return hint
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        width = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                              QSize(text + 4, hint.height()), self).width()
        screen = self.screen()
        if screen is not None:  # the dialog's margins and the list's label beside it
            width = min(width, screen.availableGeometry().width() - SCREEN_MARGIN)
        return QSize(max(hint.width(), width), hint.height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.minimumSizeHint().width()), hint.height())

    def shown_text(self, index: int | None = None) -> str:
        """What the closed box shows of line `index` (the current one) at its width."""
        index = self.currentIndex() if index is None else index
        if not 0 <= index < self.count():
            return ""
        parts = self.itemData(index, PARTS)
        if not parts:
            return self.itemText(index)
        return fitted(tuple(parts), self._room(), self.fontMetrics())

    def _room(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return field.width() - 4  # the label's own margin

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt naming
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        if self.currentIndex() >= 0:
            option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
