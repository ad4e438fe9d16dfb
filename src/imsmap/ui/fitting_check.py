"""A check box whose words give way where its column is narrow: cut after the last whole word
that fits, with "…", the whole sentence in its tooltip and its accessible name.

At 960 x 540 the French consent tab's « Aiguilles comptées, jetées dans le contenant à objets
piquants » was 401 px in a 324 px column: the tab scrolled sideways, the sentence cut by the
column's edge with nothing to say so (walk of 6 December). Where there is room it shows whole,
as a QCheckBox does; it is one (its state, signals and clicks are Qt's own).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

from imsmap.ui.name_eliding import ELLIPSIS, word_elided

__all__ = ["FittingCheckBox"]

LEAST_WORDS = 2  # its least width shows this many words, and "…"


class FittingCheckBox(QCheckBox):
    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.whole = text
        self.setAccessibleName(text)
        # (a QCheckBox's own policy never gives it less than its whole words)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)

    def _frame(self) -> int:
        """Its width beside its words: the box, the gap, the margins."""
        return super().sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().sizeHint()
        hint.setWidth(self._frame() + self.fontMetrics().horizontalAdvance(self.whole))
        return hint

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = self.sizeHint()
        words = " ".join(self.whole.split(" ")[:LEAST_WORDS]) + ELLIPSIS
        hint.setWidth(min(hint.width(),
                          self._frame() + self.fontMetrics().horizontalAdvance(words)))
        return hint

    def is_cut(self) -> bool:
        return self.text() != self.whole

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = word_elided(self.whole, self.width() - self._frame(), self.fontMetrics())
        if shown != self.text():
            self.setText(shown)
        self.setToolTip(self.whole if shown != self.whole else "")
