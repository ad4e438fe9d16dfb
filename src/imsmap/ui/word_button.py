"""A push button whose words go on to a second line (and more) where it is narrower than its
name on one line, never cut and never shortened with an ellipsis: the muscle chooser's choices
(ui.region_chooser), where the clinician must read which muscle a tap takes. In a chart 286 px
wide (a French window at 960 logical pixels) « Longissimus du thorax (partie thoracique)
(paravertébrale) » on one line was cut off at the chart's edge.

Where it has the room for its name on one line it is a QPushButton and nothing else (the same
size, the same paint). Narrower, down to its longest word (`minimumSizeHint`), it is as tall as
its lines (`heightForWidth`: a layout that asks, ui.wrapping_row's `tall` rows) and paints them
centred, with the style's own button round them. `text()` is always the whole name, on one
line: what a screen reader says and the tests read.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

_WRAP = Qt.TextFlag.TextWordWrap
_CENTRED = Qt.AlignmentFlag.AlignCenter
_TALL = 100_000  # room enough below any name


class WordWrapButton(QPushButton):
    """A push button that wraps its name at a word where it is narrower than the name on one
    line (see the module's docstring)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        # A push button's width is held at its size hint (Minimum); this one may be given
        # less, down to its longest word, its height following (heightForWidth).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # -- sizes ------------------------------------------------------------------------------
    def _option(self, width: int, height: int) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, width, height)
        return option

    def words_rect(self, width: int | None = None, height: int | None = None) -> QRect:
        """Where the style puts the words of a button `width` x `height` (its own size by
        default): inside its frame and padding (a style sheet's included)."""
        width = self.width() if width is None else width
        height = self.height() if height is None else height
        option = self._option(width, height)
        return self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)

    def _words_room(self, width: int) -> int:
        return max(1, self.words_rect(width, self.sizeHint().height()).width())

    def one_line(self) -> bool:
        """Whether it has the room for its name on one line (it is then a plain button)."""
        return self.width() >= self.sizeHint().width()

    def lines_rect(self, width: int) -> QRect:
        """The rectangle the name's lines take in the room a button `width` wide gives them."""
        room = self._words_room(width)
        return self.fontMetrics().boundingRect(QRect(0, 0, room, _TALL), int(_CENTRED) | int(_WRAP),
                                               self.text())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        """As narrow as its longest word allows, never narrower (a word is never cut)."""
        whole = self.sizeHint()
        longest = max((self.fontMetrics().horizontalAdvance(word)
                       for word in self.text().split()), default=0)
        frame = whole.width() - self._words_room(whole.width())
        return QSize(min(whole.width(), longest + frame + 1), whole.height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        """One line's height where the name fits on one line; else its lines' and the
        button's frame round them."""
        whole = self.sizeHint()
        if width >= whole.width():
            return max(whole.height(), self.minimumHeight())
        frame = whole.height() - self.words_rect(whole.width(), whole.height()).height()
        lines = self.lines_rect(width).height()
        return max(whole.height(), self.minimumHeight(), lines + frame)

    # -- paint ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if self.one_line():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option = self._option(self.width(), self.height())
        option.text = ""  # the button, its frame and focus ring as the style draws them
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.drawItemText(self.words_rect(), int(_CENTRED) | int(_WRAP), self.palette(),
                             self.isEnabled(), self.text(), QPalette.ColorRole.ButtonText)
